//! salvo: the sample API on salvo's real server, salvo's own errors and panics answered by
//! `httperr::salvo::Rejections` (and logged), and headers set before a failing handler.

mod support;

#[path = "../../tests/capture/mod.rs"]
mod capture;

use std::net::SocketAddr;

use capture::{Capture, Logged};
use httperr::BodyFormat;
use salvo::conn::{Acceptor, Listener, TcpListener};
use salvo::http::HeaderValue;
use salvo::prelude::*;
use support::TIMEOUT;
use tokio::task::JoinHandle;
use tokio::time::timeout;
use tracing::Level;

/// Held by each test that writes a response for its whole run: tracing caches, per call site and process-wide,
/// whether anyone listens, and a call site first reached on another test's server thread while
/// only the capture is registered would be cached as unheard (see axum.rs).
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What salvo's errors can say: its router knows the methods of `/users`, and `PathParam`
/// names the parameter, but `JsonBody` reports serde_json's error without the member's path.
const SALVO: support::OwnErrors = support::OwnErrors {
    allow: Some("POST"),
    bad_path: "invalid path: `id` has the wrong type",
    mistyped: "invalid JSON body: a value has the wrong type (line 1, column 12)",
};

/// Starts `service` on a free port; returns its base URL, its handle and the server task.
async fn start(
    service: impl Into<Service> + Send + 'static,
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
    let task = tokio::spawn(server.try_serve(service));
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
    let _serial = SERIAL.lock().await;
    let (base, handle, task) = start(httperr_examples::salvo::service()).await;
    timeout(TIMEOUT, support::check_sample_api(&base))
        .await
        .expect("sample API checked in time");
    stop(handle, task).await;
}

/// The example service: salvo's own errors and the panic answer in JSON, and it serves on.
#[tokio::test]
async fn salvo_answers_its_own_errors() {
    let _serial = SERIAL.lock().await;
    let (base, handle, task) = start(httperr_examples::salvo::service()).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&base, &SALVO, support::Format::Json),
    )
    .await
    .expect("own errors checked in time");
    stop(handle, task).await;
}

/// The same routes with the catcher configured once for problem details.
#[tokio::test]
async fn salvo_answers_its_own_errors_as_problems() {
    let _serial = SERIAL.lock().await;
    let service = httperr::salvo::Rejections::new()
        .with_format(BodyFormat::Problem {
            type_uri: "about:blank",
        })
        .install(Service::new(httperr_examples::salvo::router()));
    let (base, handle, task) = start(service).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&base, &SALVO, support::Format::Problem),
    )
    .await
    .expect("own errors checked in time");
    stop(handle, task).await;
}

/// With the `tracing` feature a panic is logged at error level and salvo's own text for a
/// refused request at debug; the server runs on its own thread with the capturing subscriber
/// as that thread's default, so only its events are seen.
#[tokio::test]
async fn salvo_logs_a_panic_at_error_level() {
    let _serial = SERIAL.lock().await;
    let capture = Capture::default();
    let (address_tx, address_rx) = tokio::sync::oneshot::channel();
    let (stop_tx, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = std::thread::spawn({
        let capture = capture.clone();
        move || -> std::io::Result<()> {
            let _default = tracing::subscriber::set_default(capture);
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let acceptor = TcpListener::new("127.0.0.1:0")
                    .try_bind()
                    .await
                    .map_err(std::io::Error::other)?;
                let address: SocketAddr = acceptor.holdings()[0]
                    .local_addr
                    .clone()
                    .into_std()
                    .expect("a TCP address");
                let _ = address_tx.send(address);
                let server = Server::new(acceptor);
                let handle = server.handle();
                tokio::spawn(async move {
                    let _ = stopped.await;
                    handle.stop_graceful(TIMEOUT);
                });
                server.try_serve(httperr_examples::salvo::service()).await
            })
        }
    });
    let address = timeout(TIMEOUT, address_rx)
        .await
        .expect("the server did not start")
        .expect("the server thread failed before listening");
    let client = support::client();
    let get = |path: &str| support::get(&client, format!("http://{address}{path}"));

    let (status, body) = get("/panic").await;
    assert_eq!(
        (status, body.as_str()),
        (500, r#"{"error":"Internal Server Error"}"#)
    );
    let events = capture.take_httperr();
    let errors: Vec<&Logged> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(
        errors.len(),
        1,
        "one error-level event per panic: {events:?}"
    );
    assert_eq!(
        errors[0].fields.get("status").map(String::as_str),
        Some("500")
    );
    assert_eq!(
        errors[0].fields.get("error").map(String::as_str),
        Some("panic occurred on server"),
        "salvo's CatchPanic's brief goes to the log"
    );

    let (status, _) = get("/users/1").await;
    assert_eq!(status, 200, "the server serves after the panic");

    let (status, _) = get("/users/abc").await;
    assert_eq!(status, 400);
    let events = capture.take_httperr();
    assert!(
        events.iter().all(|e| e.level >= Level::DEBUG),
        "a refused request logs nothing above debug: {events:?}"
    );
    assert!(
        events.iter().any(|e| e.level == Level::DEBUG
            && e.fields.get("error").map(String::as_str)
                == Some("other error: path parameter id not found or convert to type failed")),
        "salvo's own text is logged at debug: {events:?}"
    );

    stop_tx.send(()).expect("the server stopped early");
    let joined = tokio::task::spawn_blocking(move || server.join());
    timeout(TIMEOUT, joined)
        .await
        .expect("the server did not shut down")
        .expect("join task")
        .expect("the server thread panicked")
        .expect("the server failed");
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
    let _serial = SERIAL.lock().await;
    let (base, handle, task) = start(
        Router::new()
            .hoop(tag)
            .push(httperr_examples::salvo::router()),
    )
    .await;
    let client = support::client();
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

/// A generic error type: its framework impl carries the bounds its `HttpError` impl needs.
#[derive(Debug, httperr::HttpError, httperr::salvo::Scribe)]
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
    // Its 503 is logged: a call site first reached here, beside the log test's capture, could
    // be cached as unheard there.
    let _serial = SERIAL.blocking_lock();
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
