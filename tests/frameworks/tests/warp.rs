//! warp: the sample API on warp's real server, in both error styles (reply and rejection +
//! `recover`), `recover` leaving warp's own rejections alone, and `recover_any` answering them.

mod support;

#[path = "../../tests/capture/mod.rs"]
mod capture;

use std::convert::Infallible;

use capture::{Capture, Logged};
use httperr::{BodyFormat, HttpError};
use httperr_examples::{ApiError, CASES, error_case};
use support::TIMEOUT;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::time::timeout;
use tracing::Level;
use warp::{Filter, Reply};

/// Held by each server test for its whole run: tracing caches per call site, process-wide,
/// whether anyone listens, so a call site first reached on another test's server thread while
/// the capture is registered would be cached as unheard (see `axum.rs`).
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn warp_serves_the_sample_api() {
    let _serial = SERIAL.lock().await;
    let server = Server::start(httperr_examples::warp::app()).await;
    timeout(TIMEOUT, support::check_sample_api(&server.base))
        .await
        .expect("sample API checked in time");
    server.stop().await;
}

/// What warp lets a recover say: its 405 carries no methods (no `Allow`), and `param` is given
/// the parameter's name; warp's JSON error carries no member path.
const OWN: support::OwnErrors = support::OwnErrors {
    allow: None,
    bad_path: "invalid path: `id` has the wrong type",
    mistyped: "invalid JSON body: a value has the wrong type (line 1, column 12)",
};

#[tokio::test]
async fn warp_own_errors_answer_as_json() {
    let _serial = SERIAL.lock().await;
    let server = Server::start(httperr_examples::warp::app()).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&server.base, &OWN, support::Format::Json),
    )
    .await
    .expect("own errors checked in time");
    server.stop().await;
}

#[tokio::test]
async fn warp_own_errors_answer_as_problem_details() {
    let _serial = SERIAL.lock().await;
    let problem = BodyFormat::Problem {
        type_uri: "about:blank",
    };
    let app = httperr_examples::warp::routes()
        .recover(httperr::warp::recover::<ApiError>)
        .recover(httperr::warp::recover_any_as(problem));
    let server = Server::start(app).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&server.base, &OWN, support::Format::Problem),
    )
    .await
    .expect("own errors checked in time");
    server.stop().await;
}

/// The rejections of warp's own filters that the sample API does not use, over a real server:
/// a query, a header, warp's JSON filter used directly, and a custom rejection no recover
/// knows (warp would send its `Debug` text, secret included).
#[tokio::test]
async fn warp_recover_any_answers_the_other_rejections() {
    #[derive(Debug)]
    #[allow(dead_code)] // read by its `Debug`, which warp's own 500 would send
    struct Unknown(&'static str);
    impl warp::reject::Reject for Unknown {}

    #[derive(serde::Deserialize)]
    struct Page {
        #[allow(dead_code)]
        page: u32,
    }

    let _serial = SERIAL.lock().await;
    let search = warp::path!("search")
        .and(warp::query::<Page>())
        .map(|_| "found");
    let keyed = warp::path!("keyed")
        .and(warp::header::<String>("x-api-key"))
        .map(|_| "keyed");
    let upload = warp::path!("upload")
        .and(httperr::warp::json::<std::collections::HashMap<String, u32>>(1024))
        .map(|_| "uploaded");
    let plain = warp::path!("plain")
        .and(warp::body::json::<serde_json::Value>())
        .map(|_| "plain");
    let unknown = warp::path!("unknown")
        .and_then(|| async { Err::<&str, _>(warp::reject::custom(Unknown("password=hunter2"))) });
    let app = search
        .or(keyed)
        .or(upload)
        .or(plain)
        .or(unknown)
        .recover(httperr::warp::recover_any);
    let server = Server::start(app).await;
    let client = support::client();

    let cases: [(&str, reqwest::RequestBuilder, u16, &str); 5] = [
        (
            "bad query",
            client.get(format!("{}/search?page=x", server.base)),
            400,
            r#"{"error":"invalid query: it does not match what is expected"}"#,
        ),
        (
            "missing header",
            client.get(format!("{}/keyed", server.base)),
            400,
            r#"{"error":"the `x-api-key` header is missing"}"#,
        ),
        (
            "mistyped JSON, with httperr's filter",
            client
                .post(format!("{}/upload", server.base))
                .header("content-type", "application/json")
                .body(r#"{"a": "x"}"#),
            422,
            r#"{"error":"invalid JSON body: a value has the wrong type (line 1, column 9)"}"#,
        ),
        (
            "warp's own JSON filter",
            client
                .post(format!("{}/plain", server.base))
                .header("content-type", "text/plain")
                .body("{}"),
            415,
            r#"{"error":"the request's content type is not one this route takes"}"#,
        ),
        (
            "unknown custom rejection",
            client.get(format!("{}/unknown", server.base)),
            500,
            r#"{"error":"Internal Server Error"}"#,
        ),
    ];
    for (case, request, status, body) in cases {
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(response.status().as_u16(), status, "{case}");
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{case}"
        );
        assert_eq!(response.text().await.expect("body"), body, "{case}");
    }
    server.stop().await;
}

/// With the `tracing` feature, the panic is logged at error level with its message, and the
/// 500 it answers with too; the refused requests on the way log nothing above debug. The
/// server runs on its own thread and current-thread runtime, with the capturing subscriber as
/// that thread's default.
#[tokio::test]
async fn warp_panic_is_logged_at_error_level() {
    let _serial = SERIAL.lock().await;
    let capture = Capture::default();
    let server = Server::start_on_own_thread(capture.clone()).await;
    let client = support::client();
    let get = |path: &str| support::get(&client, format!("{}{path}", server.base));

    let (status, body) = get("/panic").await;
    assert_eq!(
        (status, body.as_str()),
        (500, r#"{"error":"Internal Server Error"}"#)
    );
    let events = capture.take_httperr();
    let errors: Vec<&Logged> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(errors.len(), 2, "the panic, then its 500: {events:?}");
    assert_eq!(
        errors[0].fields.get("panic").map(String::as_str),
        Some("the /panic handler panics on purpose (password=hunter2)"),
        "{events:?}"
    );
    assert_eq!(
        errors[1].fields.get("status").map(String::as_str),
        Some("500"),
        "{events:?}"
    );

    for path in ["/nope", "/users/abc"] {
        let (status, _) = get(path).await;
        assert!((400..500).contains(&status), "{path}: {status}");
        let events = capture.take_httperr();
        assert!(
            events.iter().all(|e| e.level >= Level::DEBUG),
            "{path}: a 4xx logs nothing above debug: {events:?}"
        );
        assert!(
            events.iter().any(|e| e.level == Level::DEBUG),
            "{path}: the debug event is missing: {events:?}"
        );
    }
    let (status, _) = get("/users/1").await;
    assert_eq!(status, 200, "the server serves after the panic");
    server.stop().await;
}

/// The reply style: `Reply::into_response` of the error is `to_response()` to the byte.
#[tokio::test]
async fn warp_reply_is_to_response() {
    for case in CASES {
        let expected = error_case(case).to_response();
        let response = Reply::into_response(error_case(case));
        assert_eq!(response.status(), expected.status(), "{case}: status");
        assert_eq!(response.headers(), expected.headers(), "{case}: headers");
        let body = http_body_util::BodyExt::collect(response.into_body())
            .await
            .expect("body")
            .to_bytes();
        assert_eq!(body, expected.into_body(), "{case}: body");
    }
}

/// The rejection style without a server: `recover` answers a rejection carrying an
/// `ApiError` with its response, and passes on one without it. (Rejections combined by
/// `.or(...)` are covered by the server test: `/errors/{case}` is also a 404 of `/users`.)
#[tokio::test]
async fn warp_recover_finds_only_its_error() {
    let expected = error_case("storage").to_response();
    let response = httperr::warp::recover::<ApiError>(warp::reject::custom(error_case("storage")))
        .await
        .expect("an ApiError is recovered");
    assert_eq!(response.status(), expected.status());
    assert_eq!(response.headers(), expected.headers());

    let passed = httperr::warp::recover::<ApiError>(warp::reject::not_found())
        .await
        .expect_err("warp's 404 is passed on");
    assert!(passed.is_not_found());
}

/// A derived type that is not `Send + Sync` still compiles with the `warp` feature on (which
/// any crate in the graph may turn on): it is simply neither a `Reply` nor a `Reject`.
#[test]
fn warp_glue_skips_types_that_cannot_cross_threads() {
    #[derive(Debug, httperr::HttpError, httperr::warp::Reply)]
    enum LocalOnly {
        #[status(503, "cache {0} is warming up")]
        Warming(std::rc::Rc<str>),
    }

    let response = LocalOnly::Warming("users".into()).to_response();
    assert_eq!(response.status(), 503);

    fn assert_reject<R: warp::reject::Reject + Reply>() {}
    assert_reject::<ApiError>();
}

/// A filter served by `warp::serve` on 127.0.0.1:0, stopped gracefully by `stop`.
struct Server {
    base: String,
    stop: oneshot::Sender<()>,
    stopped: oneshot::Receiver<()>,
}

impl Server {
    /// Serves `app` on the test's runtime. The listener is bound here so the test learns the
    /// port first (and a bind failure is an error, where `warp::serve(..).bind(..)` would
    /// panic inside the server).
    async fn start<F>(app: F) -> Server
    where
        F: Filter<Error = Infallible> + Clone + Send + Sync + 'static,
        F::Extract: Reply,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        let (stop, stop_rx) = oneshot::channel::<()>();
        let (done, stopped) = oneshot::channel();
        tokio::spawn(async move {
            warp::serve(app)
                .incoming(listener)
                .graceful(async {
                    let _ = stop_rx.await;
                })
                .run()
                .await;
            let _ = done.send(());
        });
        Server {
            base,
            stop,
            stopped,
        }
    }

    /// Serves the sample app on a thread of its own, on a current-thread runtime whose default
    /// subscriber is `capture`: every request is handled there.
    async fn start_on_own_thread(capture: Capture) -> Server {
        let (address_tx, address_rx) = oneshot::channel();
        let (stop, stop_rx) = oneshot::channel::<()>();
        let (done, stopped) = oneshot::channel();
        std::thread::spawn(move || {
            let _default = tracing::subscriber::set_default(capture);
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
                let _ = address_tx.send(listener.local_addr().expect("local address"));
                warp::serve(httperr_examples::warp::app())
                    .incoming(listener)
                    .graceful(async {
                        let _ = stop_rx.await;
                    })
                    .run()
                    .await;
            });
            let _ = done.send(());
        });
        let address = timeout(TIMEOUT, address_rx)
            .await
            .expect("the server did not start")
            .expect("the server thread failed before listening");
        Server {
            base: format!("http://{address}"),
            stop,
            stopped,
        }
    }

    async fn stop(self) {
        self.stop.send(()).expect("the server stopped early");
        timeout(TIMEOUT, self.stopped)
            .await
            .expect("the server did not shut down")
            .expect("the server task ended early");
    }
}
