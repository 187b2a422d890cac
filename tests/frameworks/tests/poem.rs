//! poem: the sample API on poem's real server, poem's own errors and panics answered by
//! `httperr::poem::Rejections` (and logged), and the typed error kept inside `poem::Error`.

mod support;

#[path = "../../tests/capture/mod.rs"]
mod capture;

use capture::{Capture, Logged};
use httperr::BodyFormat;
use httperr_examples::{ApiError, error_case};
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::{Endpoint, EndpointExt, Request, Server};
use support::TIMEOUT;
use tokio::sync::oneshot;
use tokio::time::timeout;
use tracing::Level;

/// Held by each test that writes a response for its whole run: tracing caches, per call site and process-wide,
/// whether anyone listens, and a call site first reached on another test's server thread while
/// only the capture is registered would be cached as unheard (see axum.rs).
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What poem's errors can say: its router's 405 does not carry the route's methods, and
/// neither its `Path` nor its `Json` extractor keeps the name or path of what failed.
const POEM: support::OwnErrors = support::OwnErrors {
    allow: None,
    bad_path: "invalid path: a value has the wrong type",
    mistyped: "invalid JSON body: a value has the wrong type (line 1, column 12)",
};

/// An endpoint served by poem's real server on 127.0.0.1:0, stopped gracefully by `stop`.
struct Served {
    base: String,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Served {
    async fn start(app: impl Endpoint + 'static) -> Served {
        // Bound here rather than inside `Server::new`, so the test learns the port first.
        let acceptor = TcpListener::bind("127.0.0.1:0")
            .into_acceptor()
            .await
            .expect("bind");
        let address = *acceptor.local_addr()[0]
            .as_socket_addr()
            .expect("a TCP address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(
            Server::new_with_acceptor(acceptor).run_with_graceful_shutdown(
                app,
                async {
                    let _ = stopped.await;
                },
                Some(TIMEOUT),
            ),
        );
        Served {
            base: format!("http://{address}"),
            stop,
            task,
        }
    }

    async fn stop(self) {
        self.stop.send(()).expect("server still running");
        timeout(TIMEOUT, self.task)
            .await
            .expect("server stopped in time")
            .expect("server task")
            .expect("server ran without I/O errors");
    }
}

#[tokio::test]
async fn poem_serves_the_sample_api() {
    let _serial = SERIAL.lock().await;
    let served = Served::start(httperr_examples::poem::app()).await;
    timeout(TIMEOUT, support::check_sample_api(&served.base))
        .await
        .expect("sample API checked in time");
    served.stop().await;
}

/// The example app: poem's own errors and the panic answer in JSON, and it serves on.
#[tokio::test]
async fn poem_answers_its_own_errors() {
    let _serial = SERIAL.lock().await;
    let served = Served::start(httperr_examples::poem::app()).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&served.base, &POEM, support::Format::Json),
    )
    .await
    .expect("own errors checked in time");
    served.stop().await;
}

/// The same routes with the middleware configured once for problem details.
#[tokio::test]
async fn poem_answers_its_own_errors_as_problems() {
    let _serial = SERIAL.lock().await;
    let app = httperr_examples::poem::routes().with(httperr::poem::Rejections::new().with_format(
        BodyFormat::Problem {
            type_uri: "about:blank",
        },
    ));
    let served = Served::start(app).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&served.base, &POEM, support::Format::Problem),
    )
    .await
    .expect("own errors checked in time");
    served.stop().await;
}

/// With the `tracing` feature a panic is logged at error level, with its message, and poem's
/// own text for a refused request at debug; the server runs on its own thread with the
/// capturing subscriber as that thread's default, so only its events are seen.
#[tokio::test]
async fn poem_logs_a_panic_at_error_level() {
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
                let acceptor = TcpListener::bind("127.0.0.1:0").into_acceptor().await?;
                let address = *acceptor.local_addr()[0]
                    .as_socket_addr()
                    .expect("a TCP address");
                let _ = address_tx.send(address);
                Server::new_with_acceptor(acceptor)
                    .run_with_graceful_shutdown(
                        httperr_examples::poem::app(),
                        async {
                            let _ = stopped.await;
                        },
                        Some(TIMEOUT),
                    )
                    .await
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
        Some("a handler panicked: the /panic handler panics on purpose (password=hunter2)"),
        "the panic's message goes to the log"
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
            && e.fields.get("error").map(String::as_str) == Some("invalid path params")),
        "poem's own text is logged at debug: {events:?}"
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

/// Middleware and `catch_error` see the handler's `ApiError` itself, not only its response.
#[tokio::test]
async fn poem_error_keeps_the_typed_error() {
    let _serial = SERIAL.lock().await;
    let error = poem::Error::from(error_case("rate-limited"));
    assert!(matches!(
        error.downcast_ref::<ApiError>(),
        Some(ApiError::RateLimited(30))
    ));
    assert_eq!(error.status(), 429);

    // What a middleware wrapping the routes receives from a failing handler.
    let request = Request::builder()
        .uri_str("/errors/order-cancelled")
        .finish();
    let error = httperr_examples::poem::routes()
        .call(request)
        .await
        .expect_err("the route fails");
    assert!(matches!(
        error.downcast_ref::<ApiError>(),
        Some(ApiError::Order(_))
    ));
    assert_eq!(error.status(), 410);

    // Turned into a response (what the server does), it is exactly `to_response()`.
    let response = error.into_response();
    let expected = httperr::HttpError::to_response(&error_case("order-cancelled"));
    assert_eq!(response.status(), expected.status());
    assert_eq!(response.headers(), expected.headers());
    let body = response.into_body().into_bytes().await.expect("body");
    assert_eq!(body, expected.into_body());
}

/// A generic error type: its framework impl carries the bounds its `HttpError` impl needs.
#[derive(Debug, httperr::HttpError, httperr::poem::ResponseError)]
enum Wrapped<T: std::fmt::Debug + std::fmt::Display> {
    #[status(400, "bad value {0}")]
    Bad(T),
}

#[tokio::test]
async fn poem_generic_error_type() {
    let _serial = SERIAL.lock().await;
    use poem::error::ResponseError;
    let error = Wrapped::Bad(7);
    assert_eq!(ResponseError::status(&error), 400);
    let response = error.as_response();
    let body = response.into_body().into_bytes().await.expect("body");
    assert_eq!(body, r#"{"error":"bad value 7"}"#);
}
