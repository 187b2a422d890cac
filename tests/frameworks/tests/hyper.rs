//! Plain hyper 1 (no framework feature): the sample API served with `to_response()`.

mod support;

use std::net::SocketAddr;

use support::TIMEOUT;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::timeout;

/// Serves the sample API on a free port; returns its address, the stop signal and the task.
async fn start() -> (SocketAddr, oneshot::Sender<()>, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("local address");
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(httperr_examples::hyper::serve(listener, async {
        let _ = stopped.await;
    }));
    (address, stop, server)
}

async fn stop(stop: oneshot::Sender<()>, server: JoinHandle<()>) {
    stop.send(()).expect("server still running");
    timeout(TIMEOUT, server)
        .await
        .expect("server stopped in time")
        .expect("server task");
}

#[tokio::test]
async fn hyper_serves_the_sample_api() {
    let (address, signal, server) = start().await;
    timeout(
        TIMEOUT,
        support::check_sample_api(&format!("http://{address}")),
    )
    .await
    .expect("sample API checked in time");
    let client = support::client();
    let unknown = client
        .get(format!("http://{address}/nowhere"))
        .send()
        .await
        .expect("GET /nowhere");
    assert_eq!(unknown.status().as_u16(), 404);
    assert_eq!(unknown.text().await.expect("body"), "");
    drop(client);
    stop(signal, server).await;
}

/// The reason the service's error type is `Infallible`: an error is a response, and the
/// connection stays open for the next request (a service `Err` would make hyper close it).
#[tokio::test]
async fn hyper_error_keeps_the_connection_open() {
    let (address, signal, server) = start().await;
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    let requests = "GET /errors/storage HTTP/1.1\r\nhost: test\r\n\r\n\
                    GET /errors/unauthorized HTTP/1.1\r\nhost: test\r\nconnection: close\r\n\r\n";
    stream.write_all(requests.as_bytes()).await.expect("write");
    let mut received = String::new();
    timeout(TIMEOUT, stream.read_to_string(&mut received))
        .await
        .expect("both responses in time")
        .expect("read");
    let first = received
        .find("HTTP/1.1 500 Internal Server Error\r\n")
        .expect("the 500 first");
    let second = received
        .find("HTTP/1.1 401 Unauthorized\r\n")
        .expect("then the 401");
    assert!(first < second, "{received}");
    assert!(
        received.contains(r#"{"error":"Internal Server Error"}"#),
        "{received}"
    );
    assert!(
        received.ends_with(r#"{"error":"Unauthorized"}"#),
        "{received}"
    );
    stop(signal, server).await;
}
