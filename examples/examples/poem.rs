//! The sample API on poem: `cargo run -p httperr-examples --example poem`, then
//! `curl -i localhost:3000/errors/rate-limited`.

use std::time::Duration;

use poem::Server;
use poem::listener::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = httperr_examples::address();
    println!("poem: listening on http://{address} (Ctrl-C to stop)");
    Server::new(TcpListener::bind(address))
        .run_with_graceful_shutdown(
            httperr_examples::poem::app(),
            ctrl_c(),
            // Requests still running after this long are cut off.
            Some(Duration::from_secs(5)),
        )
        .await
}

/// Resolves on Ctrl-C. If the handler cannot be installed it never resolves: the server then
/// runs until killed rather than stopping at once.
async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
