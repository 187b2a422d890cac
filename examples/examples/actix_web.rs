//! The sample API on actix-web: `cargo run -p httperr-examples --example actix_web`, then
//! `curl -i localhost:3000/errors/rate-limited`.

use actix_web::{App, HttpServer};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let server = HttpServer::new(|| {
        App::new()
            // actix-web's own 404s, 405s, extractor errors and handler panics, as JSON.
            .wrap(httperr::actix_web::Rejections::default())
            .configure(httperr_examples::actix_web::routes)
    })
    .bind(httperr_examples::address())?;
    for address in server.addrs() {
        println!("actix-web: listening on http://{address} (Ctrl-C to stop)");
    }
    // actix-web stops gracefully on Ctrl-C (and SIGTERM) by itself: it stops accepting,
    // lets running requests finish for up to 30 seconds, then returns.
    server.run().await
}
