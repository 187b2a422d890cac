//! salvo: the sample API on salvo's real server, and headers set before a failing handler.

mod support;

use std::net::SocketAddr;

use salvo::conn::{Acceptor, Listener, TcpListener};
use salvo::http::HeaderValue;
use salvo::prelude::*;
use support::TIMEOUT;
use tokio::task::JoinHandle;
use tokio::time::timeout;

/// Starts `router` on a free port; returns its base URL, its handle and the server task.
async fn start(
    router: Router,
) -> (
    String,
    salvo::server::ServerHandle,
    JoinHandle<std::io::Result<()>>,
) {
    let acceptor = TcpListener::new("127.0.0.1:0")
        .try_bind()
        .await
        .expect("bind");
    let address: SocketAddr = acceptor.holdings()[0]
        .local_addr
        .clone()
        .into_std()
        .expect("a TCP address");
    let server = Server::new(acceptor);
    let handle = server.handle();
    let task = tokio::spawn(server.try_serve(router));
    (format!("http://{address}"), handle, task)
}

async fn stop(handle: salvo::server::ServerHandle, task: JoinHandle<std::io::Result<()>>) {
    handle.stop_graceful(TIMEOUT);
    timeout(TIMEOUT, task)
        .await
        .expect("server stopped in time")
        .expect("server task")
        .expect("server ran without I/O errors");
}

#[tokio::test]
async fn salvo_serves_the_sample_api() {
    let (base, handle, task) = start(httperr_examples::salvo::router()).await;
    timeout(TIMEOUT, support::check_sample_api(&base))
        .await
        .expect("sample API checked in time");
    stop(handle, task).await;
}

/// A hoop that sets headers before the handler runs, as CORS or request-id middleware does.
#[handler]
async fn tag(res: &mut Response) {
    res.headers_mut()
        .insert("x-request-id", HeaderValue::from_static("r-1"));
    res.headers_mut()
        .insert("content-type", HeaderValue::from_static("text/plain"));
}

/// The error keeps headers other middleware set, but its own names (here `content-type`) win.
#[tokio::test]
async fn salvo_error_keeps_middleware_headers() {
    let (base, handle, task) = start(
        Router::new()
            .hoop(tag)
            .push(httperr_examples::salvo::router()),
    )
    .await;
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("client");
    let response = client
        .get(format!("{base}/errors/rate-limited"))
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status().as_u16(), 429);
    let headers = response.headers().clone();
    assert_eq!(headers["x-request-id"], "r-1");
    assert_eq!(headers["retry-after"], "30");
    assert_eq!(
        headers.get_all("content-type").iter().collect::<Vec<_>>(),
        ["application/json"]
    );
    assert_eq!(
        response.text().await.expect("body"),
        r#"{"error":"slow down"}"#
    );
    drop(client);
    stop(handle, task).await;
}

/// A generic error type. Its bounds are spelled out because the other frameworks' impls in
/// this crate do not yet carry the bounds the derive infers (poem's and salvo's do).
#[derive(Debug, httperr::HttpError)]
enum Wrapped<T: std::fmt::Debug + std::fmt::Display> {
    #[status(503, "busy")]
    #[http(expose)]
    #[header(RETRY_AFTER, "{0}")]
    Busy(T),
}

/// `render` replaces a body written before it (a whole JSON document, never appended to) and
/// sets status and headers, for a generic type too.
#[test]
fn salvo_render_replaces_an_earlier_body() {
    let mut res = Response::new();
    res.status_code(StatusCode::OK);
    res.render("partial");
    res.render(Wrapped::Busy(5));
    assert_eq!(res.status_code, Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(res.headers()["retry-after"], "5");
    assert_eq!(res.headers()["content-type"], "application/json");
    assert_eq!(res.headers()["content-length"], "16");
    match &res.body {
        salvo::http::ResBody::Once(bytes) => assert_eq!(bytes.as_ref(), br#"{"error":"busy"}"#),
        other => panic!("expected one buffer, got {other:?}"),
    }
}
