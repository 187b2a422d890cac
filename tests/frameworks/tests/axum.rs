//! axum: the sample API served over TCP by `axum::serve`, checked with a real HTTP client,
//! and the `tracing` feature's logging observed through that server.

mod support;

#[path = "../../tests/capture/mod.rs"]
mod capture;

use capture::{Capture, Logged};
use support::TIMEOUT;
use tokio::sync::oneshot;
use tokio::time::timeout;
use tracing::Level;

/// Held by each test for its whole run. tracing caches, per call site and process-wide, whether
/// anyone listens; while the capturing subscriber is the only one registered, a call site first
/// reached on another thread (the other test's server) is cached as "nobody listens" and the
/// capture then misses its events. Run one at a time, every call site is first reached either
/// before the capture exists (and re-evaluated when it is registered) or on its own thread.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn sample_api_over_tcp() {
    let _serial = SERIAL.lock().await;
    let server = Server::start(httperr_examples::axum::router()).await;
    let base = server.base.clone();

    timeout(TIMEOUT, support::check_sample_api(&base))
        .await
        .expect("the sample API check timed out");

    let client = support::client();
    let response = timeout(TIMEOUT, client.get(format!("{base}/openapi.json")).send())
        .await
        .expect("GET /openapi.json timed out")
        .expect("GET /openapi.json");
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let served: serde_json::Value =
        serde_json::from_slice(&response.bytes().await.expect("body")).expect("JSON document");
    let built = serde_json::to_value(httperr_examples::axum::openapi()).expect("serialize");
    assert_eq!(
        served, built,
        "/openapi.json serves the document openapi() builds"
    );

    // The client, and its idle keep-alive connection, stay alive: shutdown must not wait on them.
    server.stop().await;
}

/// Everything axum answers itself, through httperr's extractors and `with_rejections`, in the
/// example's JSON; axum knows the parameter's name, the member's path and the route's methods.
#[tokio::test]
async fn own_errors_answer_in_json() {
    let _serial = SERIAL.lock().await;
    let server = Server::start(httperr_examples::axum::router()).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&server.base, &support::NAMED, support::Format::Json),
    )
    .await
    .expect("the check timed out");
    server.stop().await;
}

/// The same routes with the hooks configured once for problem details: every case answers as
/// `application/problem+json`.
#[tokio::test]
async fn own_errors_answer_as_problem_details() {
    use httperr::axum::RouterExt as _;
    let _serial = SERIAL.lock().await;
    let app = httperr_examples::axum::routes().with_rejections(httperr::BodyFormat::Problem {
        type_uri: "about:blank",
    });
    let server = Server::start(app).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&server.base, &support::NAMED, support::Format::Problem),
    )
    .await
    .expect("the check timed out");
    server.stop().await;
}

/// The server runs on its own thread and current-thread runtime, with the capturing subscriber
/// as that thread's default: every handler runs there, and nothing the client logs gets in.
#[tokio::test]
async fn server_errors_are_logged_client_errors_are_not() {
    let _serial = SERIAL.lock().await;
    let capture = Capture::default();
    let (address_tx, address_rx) = oneshot::channel();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = std::thread::spawn({
        let capture = capture.clone();
        move || -> std::io::Result<()> {
            let _default = tracing::subscriber::set_default(capture);
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                let _ = address_tx.send(listener.local_addr()?);
                axum::serve(listener, httperr_examples::axum::router())
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
            })
        }
    });
    let address = timeout(TIMEOUT, address_rx)
        .await
        .expect("the server did not start")
        .expect("the server thread failed before listening");
    let base = format!("http://{address}");
    let client = support::client();
    let get = |path: &str| support::get(&client, format!("{base}{path}"));

    let (status, body) = get("/users/2").await;
    assert_eq!(status, 500);
    assert_eq!(body, r#"{"error":"Internal Server Error"}"#);
    assert!(
        !body.contains("sda1"),
        "the cause must not reach the client"
    );
    let events = capture.take_httperr();
    let errors: Vec<&Logged> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(errors.len(), 1, "one error-level event per 5xx: {events:?}");
    let fields = &errors[0].fields;
    assert_eq!(
        fields.get("status").map(String::as_str),
        Some("500"),
        "{fields:?}"
    );
    assert_eq!(
        fields.get("sources").map(String::as_str),
        Some("disk /dev/sda1 failed"),
        "the source chain is logged: {fields:?}"
    );

    for path in [
        "/users/99",
        "/errors/rate-limited",
        "/errors/order-cancelled",
    ] {
        let (status, _) = get(path).await;
        assert!((400..500).contains(&status), "{path}: {status}");
        let events = capture.take_httperr();
        assert!(
            events.iter().all(|e| e.level >= Level::DEBUG),
            "{path}: a 4xx logs nothing above debug: {events:?}"
        );
        // The capture works on this path too: the 4xx is there, at debug.
        assert!(
            events.iter().any(|e| e.level == Level::DEBUG
                && e.fields.get("status").map(String::as_str) == Some(status.to_string().as_str())),
            "{path}: the debug event is missing: {events:?}"
        );
    }

    // A panic: the redacted 500, one error-level event with the panic's message (the client
    // never sees it), and the server goes on.
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
        Some("a handler panicked: the /panic handler panics on purpose (password=hunter2)"),
        "the panic's message is logged: {events:?}"
    );
    assert_eq!(
        get("/users/1").await.0,
        200,
        "the server serves after a panic"
    );
    capture.take_httperr();

    // A refused path parameter: nothing above debug, and axum's own text at debug.
    let (status, _) = get("/users/abc").await;
    assert_eq!(status, 400);
    let events = capture.take_httperr();
    assert!(
        events.iter().all(|e| e.level == Level::DEBUG),
        "a rejection logs only at debug: {events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.fields.get("rejection").map(String::as_str)
                == Some("Invalid URL: Cannot parse `abc` to a `u64`")),
        "axum's text is logged at debug: {events:?}"
    );

    stop.send(()).expect("the server stopped early");
    let joined = tokio::task::spawn_blocking(move || server.join());
    timeout(TIMEOUT, joined)
        .await
        .expect("the server did not shut down")
        .expect("join task")
        .expect("the server thread panicked")
        .expect("the server failed");
}

/// A `Display` that fails or panics on the response path: the client still gets the whole
/// response (before, serde_json's panic, or the log's, dropped the connection).
#[tokio::test]
async fn misbehaving_display_still_gets_a_response() {
    let _serial = SERIAL.lock().await;
    let mut router = axum::Router::new();
    for (path, make, _, _) in support::broken_cases() {
        router = router.route(
            path,
            axum::routing::get(move || async move { Err::<(), _>(make()) }),
        );
    }
    let server = Server::start(router).await;
    timeout(TIMEOUT, support::check_broken(&server.base))
        .await
        .expect("the check timed out");
    server.stop().await;
}

/// A router served by `axum::serve` on 127.0.0.1:0, stopped gracefully by `stop`.
struct Server {
    base: String,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    async fn start(router: axum::Router) -> Server {
        let listener = timeout(TIMEOUT, tokio::net::TcpListener::bind("127.0.0.1:0"))
            .await
            .expect("bind timed out")
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .into_future(),
        );
        Server { base, stop, task }
    }

    async fn stop(self) {
        self.stop.send(()).expect("the server stopped early");
        timeout(TIMEOUT, self.task)
            .await
            .expect("the server did not shut down")
            .expect("the server task panicked")
            .expect("the server failed");
    }
}
