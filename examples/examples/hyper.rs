//! The sample API on plain hyper 1 (no framework feature): `cargo run -p httperr-examples
//! --example hyper`, then `curl -i localhost:3000/errors/rate-limited`. The service is in
//! `examples/src/hyper.rs`; its errors become responses with `to_response().map(Full::new)`.

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = httperr_examples::address();
    let listener = TcpListener::bind(address).await?;
    println!("hyper: listening on http://{address} (Ctrl-C to stop)");
    httperr_examples::hyper::serve(listener, ctrl_c()).await;
    Ok(())
}

/// Resolves on Ctrl-C. If the handler cannot be installed it never resolves: the server then
/// runs until killed rather than stopping at once.
async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
