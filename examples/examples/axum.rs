//! The sample API served by axum: `cargo run -p httperr-examples --example axum`, then
//! `curl -i localhost:3000/users/2` or `curl localhost:3000/openapi.json` (`PORT` changes the port).

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = httperr_examples::address();
    let listener = tokio::net::TcpListener::bind(address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, httperr_examples::axum::router())
        .with_graceful_shutdown(async {
            // If the handler cannot be installed, run until killed rather than stop at once.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
}
