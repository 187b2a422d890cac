//! The sample API on warp: `cargo run -p httperr-examples --example warp`, then
//! `curl -i localhost:3000/errors/rate-limited`.

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // Bound here rather than by `warp::serve(..).bind(..)`, which panics when the port is taken.
    let listener = TcpListener::bind(httperr_examples::address()).await?;
    println!(
        "warp: listening on http://{} (Ctrl-C to stop)",
        listener.local_addr()?
    );
    warp::serve(httperr_examples::warp::app())
        .incoming(listener)
        .graceful(ctrl_c())
        .run()
        .await;
    Ok(())
}

/// Resolves on Ctrl-C. If the handler cannot be installed it never resolves: the server then
/// runs until killed rather than stopping at once.
async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
