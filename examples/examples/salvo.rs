//! The sample API on salvo: `cargo run -p httperr-examples --example salvo`, then
//! `curl -i localhost:3000/errors/rate-limited`.

use std::time::Duration;

use salvo::conn::TcpListener;
use salvo::{Listener, Server};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let address = httperr_examples::address();
    // `try_bind` rather than `bind`, which panics when the port is taken.
    let acceptor = TcpListener::new(address).try_bind().await?;
    println!("salvo: listening on http://{address} (Ctrl-C to stop)");
    let server = Server::new(acceptor);
    let handle = server.handle();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            // Requests still running after this long are cut off.
            handle.stop_graceful(Duration::from_secs(5));
        }
    });
    server.try_serve(httperr_examples::salvo::service()).await?;
    Ok(())
}
