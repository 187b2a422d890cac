//! Rocket: the sample API on Rocket's real server, with our body never replaced by a catcher,
//! and httperr's catchers answering everything Rocket answers itself.

mod support;

#[path = "../../tests/capture/mod.rs"]
mod capture;

use std::collections::HashSet;
use std::net::Ipv4Addr;

use capture::{Capture, Logged};
use httperr::BodyFormat;
use rocket::config::{Config, LogLevel, Shutdown};
use rocket::fairing::AdHoc;
use rocket::request::{FromRequest, Outcome, Request};
use rocket::{Build, Rocket};
use support::TIMEOUT;
use tokio::sync::oneshot;
use tokio::time::timeout;
use tracing::Level;

/// Held by each server test for its whole run: tracing caches per call site, process-wide,
/// whether anyone listens, so a call site first reached on another test's server thread while
/// the capture is registered would be cached as unheard (see `axum.rs`).
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Port 0 and quiet: Rocket's launch banner and per-request lines would drown the test output.
fn test_config() -> Config {
    Config {
        address: Ipv4Addr::LOCALHOST.into(),
        port: 0,
        log_level: LogLevel::Off,
        shutdown: Shutdown {
            // The test stops the server itself; it must not take over Ctrl-C or SIGTERM.
            ctrlc: false,
            #[cfg(unix)]
            signals: HashSet::new(),
            grace: 1,
            mercy: 1,
            ..Shutdown::default()
        },
        ..Config::debug_default()
    }
}

#[tokio::test]
async fn rocket_serves_the_sample_api() {
    let _serial = SERIAL.lock().await;
    let server = Server::start(httperr_examples::rocket::app(rocket::custom(test_config()))).await;
    let base = server.base.clone();
    timeout(TIMEOUT, support::check_sample_api(&base))
        .await
        .expect("sample API checked in time");

    // `content-length` comes from the sized body alone: copying ours too would send it twice.
    let client = support::client();
    let response = client
        .get(format!("{base}/errors/rate-limited"))
        .send()
        .await
        .expect("GET /errors/rate-limited");
    assert_eq!(
        response.headers().get_all("content-length").iter().count(),
        1
    );
    assert_eq!(response.headers().get_all("retry-after").iter().count(), 1);
    drop(response);
    drop(client);
    server.stop().await;
}

/// What the catchers can say on Rocket: the router's routes give the `Allow` of a wrong method
/// and the route's only path parameter its name; Rocket's JSON error carries no member path.
const OWN: support::OwnErrors = support::OwnErrors {
    allow: Some("POST"),
    bad_path: "invalid path: `id` has the wrong type",
    mistyped: "invalid JSON body: a value has the wrong type (line 1, column 12)",
};

#[tokio::test]
async fn rocket_own_errors_answer_as_json() {
    let _serial = SERIAL.lock().await;
    let server = Server::start(httperr_examples::rocket::app(rocket::custom(test_config()))).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&server.base, &OWN, support::Format::Json),
    )
    .await
    .expect("own errors checked in time");
    server.stop().await;
}

#[tokio::test]
async fn rocket_own_errors_answer_as_problem_details() {
    let _serial = SERIAL.lock().await;
    let problem = BodyFormat::Problem {
        type_uri: "about:blank",
    };
    let rocket = httperr_examples::rocket::api(rocket::custom(test_config()))
        .register("/", httperr::rocket::catchers_with(problem));
    let server = Server::start(rocket).await;
    timeout(
        TIMEOUT,
        support::check_own_errors(&server.base, &OWN, support::Format::Problem),
    )
    .await
    .expect("own errors checked in time");
    server.stop().await;
}

/// A request guard that always refuses, with a secret in its error (which goes to Rocket's
/// log, never to the client).
struct Key;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Key {
    type Error = &'static str;
    async fn from_request(_: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Error((
            rocket::http::Status::Unauthorized,
            "no key (secret hunter2)",
        ))
    }
}

#[rocket::get("/search?<page>")]
fn search(page: u32) -> String {
    page.to_string()
}

#[rocket::get("/orders/<id>?<page>")]
fn orders(id: u64, page: u32) -> String {
    format!("{id} {page}")
}

#[rocket::get("/admin")]
fn admin(_key: Key) -> &'static str {
    "admin"
}

/// A query parameter that does not parse is named too; a route with parameters in both the
/// path and the query cannot say which failed; a `GET` route allows `HEAD` as well; a request
/// guard's own status keeps its reason phrase.
#[tokio::test]
async fn rocket_catchers_name_what_they_can() {
    let _serial = SERIAL.lock().await;
    let rocket = rocket::custom(test_config())
        .mount("/", rocket::routes![search, orders, admin])
        .register("/", httperr::rocket::catchers());
    let server = Server::start(rocket).await;
    let client = support::client();
    let cases: [(reqwest::Method, &str, u16, &str, Option<&str>); 5] = [
        (
            reqwest::Method::GET,
            "/search?page=x",
            400,
            r#"{"error":"invalid query: `page` has the wrong type"}"#,
            None,
        ),
        (
            reqwest::Method::GET,
            "/orders/abc?page=1",
            400,
            r#"{"error":"invalid path or query: a value has the wrong type"}"#,
            None,
        ),
        (
            reqwest::Method::DELETE,
            "/orders/7",
            405,
            r#"{"error":"Method Not Allowed"}"#,
            Some("GET, HEAD"),
        ),
        (
            reqwest::Method::GET,
            "/admin",
            401,
            r#"{"error":"Unauthorized"}"#,
            None,
        ),
        (
            reqwest::Method::GET,
            "/search/more",
            404,
            r#"{"error":"Not Found"}"#,
            None,
        ),
    ];
    for (method, path, status, body, allow) in cases {
        let response = client
            .request(method.clone(), format!("{}{path}", server.base))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        assert_eq!(
            response.headers().get("allow").map(|v| v.to_str().unwrap()),
            allow,
            "{method} {path}: Allow"
        );
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{method} {path}"
        );
        assert_eq!(response.text().await.unwrap(), body, "{method} {path}");
    }
    server.stop().await;
}

/// With the `tracing` feature, the panic's 500 is logged at error level; the refused requests
/// on the way to a handler log nothing above debug. The server runs on its own thread and
/// current-thread runtime, with the capturing subscriber as that thread's default.
#[tokio::test]
async fn rocket_panic_is_logged_at_error_level() {
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
    assert_eq!(
        errors.len(),
        1,
        "one error-level event for the panic: {events:?}"
    );
    assert_eq!(
        errors[0].fields.get("status").map(String::as_str),
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

/// Generic and borrowing types are responders too: the derive's impl generics follow the
/// glue's own lifetime (`impl<'r, 'a, T>`), and an empty list leaves a valid `impl<'r, >`.
#[test]
fn rocket_responder_for_generic_and_borrowing_types() {
    use rocket::response::Responder;

    #[derive(Debug, httperr::HttpError, httperr::rocket::Responder)]
    enum Lookup<'a, T: std::fmt::Display + std::fmt::Debug> {
        #[status(404, "no {0} named {1}")]
        Missing(&'a str, T),
    }

    fn assert_responder<'r, R: Responder<'r, 'static>>(_: &R) {}
    let name = String::from("ada");
    let error = Lookup::Missing(name.as_str(), 7_u32);
    assert_responder(&error);
    assert_responder(&httperr_examples::error_case("storage"));
}

/// A Rocket app launched on 127.0.0.1:0, stopped through its `Shutdown` handle by `stop`.
struct Server {
    base: String,
    shutdown: rocket::Shutdown,
    stopped: oneshot::Receiver<Result<(), String>>,
}

impl Server {
    /// Launches `rocket` on the test's runtime.
    async fn start(rocket: Rocket<Build>) -> Server {
        let (port_tx, port_rx) = oneshot::channel();
        let rocket = rocket
            .attach(report_port(port_tx))
            .ignite()
            .await
            .expect("rocket ignites");
        let shutdown = rocket.shutdown();
        let (done, stopped) = oneshot::channel();
        tokio::spawn(async move {
            let result = rocket.launch().await.map(drop).map_err(|e| e.to_string());
            let _ = done.send(result);
        });
        Server::started(port_rx, shutdown, stopped).await
    }

    /// Launches the sample app on a thread of its own, on a current-thread runtime whose
    /// default subscriber is `capture`: every request is handled there.
    async fn start_on_own_thread(capture: Capture) -> Server {
        let (port_tx, port_rx) = oneshot::channel();
        let (shutdown_tx, shutdown_rx) = oneshot::channel();
        let (done, stopped) = oneshot::channel();
        std::thread::spawn(move || {
            let _default = tracing::subscriber::set_default(capture);
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            let result = runtime.block_on(async move {
                let rocket = httperr_examples::rocket::app(rocket::custom(test_config()))
                    .attach(report_port(port_tx))
                    .ignite()
                    .await
                    .map_err(|e| e.to_string())?;
                let _ = shutdown_tx.send(rocket.shutdown());
                rocket.launch().await.map(drop).map_err(|e| e.to_string())
            });
            let _ = done.send(result);
        });
        let shutdown = timeout(TIMEOUT, shutdown_rx)
            .await
            .expect("rocket ignited in time")
            .expect("rocket ignites");
        Server::started(port_rx, shutdown, stopped).await
    }

    async fn started(
        port: oneshot::Receiver<u16>,
        shutdown: rocket::Shutdown,
        stopped: oneshot::Receiver<Result<(), String>>,
    ) -> Server {
        let port = timeout(TIMEOUT, port)
            .await
            .expect("rocket launched in time")
            .expect("rocket reported its port");
        assert_ne!(port, 0);
        Server {
            base: format!("http://127.0.0.1:{port}"),
            shutdown,
            stopped,
        }
    }

    async fn stop(self) {
        self.shutdown.notify();
        timeout(TIMEOUT, self.stopped)
            .await
            .expect("rocket stopped in time")
            .expect("rocket task")
            .expect("rocket ran without errors");
    }
}

/// Rocket binds the port during `launch` and records the real one in its config just before
/// liftoff fairings run, so a liftoff fairing reports it.
fn report_port(port: oneshot::Sender<u16>) -> AdHoc {
    AdHoc::on_liftoff("report port", move |rocket| {
        Box::pin(async move {
            let _ = port.send(rocket.config().port);
        })
    })
}
