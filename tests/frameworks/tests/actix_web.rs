//! actix-web: the sample API on actix-web's real server, with `httperr::actix_web::Rejections`
//! answering actix-web's own errors and panics in both formats, the panic logged; and
//! `ResponseError`'s two methods agreeing with each other and with `to_response()`.

mod support;

#[path = "../../tests/capture/mod.rs"]
mod capture;

use actix_web::body::MessageBody;
use actix_web::{App, HttpServer, ResponseError};
use capture::{Capture, Logged};
use httperr::actix_web::Rejections;
use httperr::{BodyFormat, HttpError};
use httperr_examples::{CASES, error_case};
use support::{Format, OwnErrors, TIMEOUT};
use tokio::time::timeout;
use tracing::Level;

/// Held by each test that serves, for its whole run: tracing caches, per call site and
/// process-wide, whether anyone listens, and the log test's capture must see the call sites of
/// its own server's worker, not have them cached by another test's server first.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What actix-web can say about its own errors: it knows a resource's methods and, through the
/// matched path, the name of a parameter that does not parse, but not the JSON member that
/// failed (serde_json's error has only line and column).
const ACTIX: OwnErrors = OwnErrors {
    allow: Some("POST"),
    bad_path: support::NAMED.bad_path,
    mistyped: "invalid JSON body: a value has the wrong type (line 1, column 12)",
};

/// The sample API as the example serves it, on 127.0.0.1:0 with one worker. With `capture`,
/// that is the worker thread's default subscriber.
fn sample_api(
    rejections: Rejections,
    capture: Option<Capture>,
) -> (actix_web::dev::Server, String) {
    let server = HttpServer::new(move || {
        if let Some(capture) = &capture {
            // The factory runs on the worker thread, once: the guard must outlive this call
            // and stay for the thread's life, which ends with the server.
            std::mem::forget(tracing::subscriber::set_default(capture.clone()));
        }
        App::new()
            .wrap(rejections)
            .configure(httperr_examples::actix_web::routes)
    })
    .workers(1)
    // The test stops the server itself; it must not take over the process's Ctrl-C.
    .disable_signals()
    .shutdown_timeout(TIMEOUT.as_secs())
    .bind(("127.0.0.1", 0))
    .expect("bind");
    let base = format!("http://{}", server.addrs()[0]);
    (server.run(), base)
}

#[actix_web::test]
async fn actix_web_serves_the_sample_api() {
    let _serial = SERIAL.lock().await;
    let (server, base) = sample_api(Rejections::default(), None);
    while_serving(server, support::check_sample_api(&base)).await;
}

#[actix_web::test]
async fn actix_web_own_errors_answer_in_json() {
    let _serial = SERIAL.lock().await;
    let (server, base) = sample_api(Rejections::default(), None);
    while_serving(
        server,
        support::check_own_errors(&base, &ACTIX, Format::Json),
    )
    .await;
}

#[actix_web::test]
async fn actix_web_own_errors_answer_in_problem_details() {
    let _serial = SERIAL.lock().await;
    let problem = BodyFormat::Problem {
        type_uri: "about:blank",
    };
    let (server, base) = sample_api(Rejections::default().with_format(problem), None);
    while_serving(
        server,
        support::check_own_errors(&base, &ACTIX, Format::Problem),
    )
    .await;
}

/// A panic is logged once, at error level, with its message (the client never sees it); a
/// rejected request logs actix-web's own text at debug level and nothing above.
#[actix_web::test]
async fn actix_web_panic_is_logged_and_the_worker_serves_on() {
    let _serial = SERIAL.lock().await;
    let capture = Capture::default();
    let (server, base) = sample_api(Rejections::default(), Some(capture.clone()));
    let check = async {
        let client = support::client();
        let get = |path: &str| support::get(&client, format!("{base}{path}"));

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
        let fields = &errors[0].fields;
        assert_eq!(
            fields.get("status").map(String::as_str),
            Some("500"),
            "{fields:?}"
        );
        assert_eq!(
            fields.get("error").map(String::as_str),
            Some("a handler panicked: the /panic handler panics on purpose (password=hunter2)"),
            "the panic's message goes to the log: {fields:?}"
        );

        let (status, _) = get("/users/abc").await;
        assert_eq!(status, 400);
        let events = capture.take_httperr();
        assert!(
            events.iter().all(|e| e.level >= Level::DEBUG),
            "a 4xx logs nothing above debug: {events:?}"
        );
        assert!(
            events.iter().any(|e| e.level == Level::DEBUG
                && e.fields.get("error").map(String::as_str)
                    == Some(r#"can not parse "abc" to a u64"#)),
            "actix-web's own text is logged at debug: {events:?}"
        );

        let (status, _) = get("/users/1").await;
        assert_eq!(status, 200, "the worker serves after a panic");
    };
    while_serving(server, check).await;
}

/// Runs `server` while `check` runs against it, then stops it gracefully.
async fn while_serving(server: actix_web::dev::Server, check: impl Future<Output = ()>) {
    let handle = server.handle();
    let running = actix_web::rt::spawn(server);
    timeout(TIMEOUT, check).await.expect("checked in time");
    timeout(TIMEOUT, handle.stop(true))
        .await
        .expect("server stopped in time");
    timeout(TIMEOUT, running)
        .await
        .expect("server task ended in time")
        .expect("server task")
        .expect("server ran without I/O errors");
}

/// actix asks `status_code()` on its own (logging, `actix_web::Error::as_response_error`), so
/// it must say what `error_response()` sends; both must be `to_response()` to the byte.
#[actix_web::test]
async fn actix_web_status_code_agrees_with_the_response() {
    for case in CASES {
        let error = error_case(case);
        let expected = error.to_response();
        let response = ResponseError::error_response(&error);
        assert_eq!(
            error.status_code().as_u16(),
            expected.status().as_u16(),
            "{case}: status_code()"
        );
        assert_eq!(
            response.status().as_u16(),
            expected.status().as_u16(),
            "{case}: status"
        );

        let headers: Vec<(&str, &[u8])> = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes()))
            .collect();
        let mut expected_headers: Vec<(&str, &[u8])> = expected
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes()))
            .collect();
        let mut sorted = headers.clone();
        sorted.sort();
        expected_headers.sort();
        assert_eq!(sorted, expected_headers, "{case}: headers");

        let body = response
            .into_body()
            .try_into_bytes()
            .unwrap_or_else(|_| panic!("{case}: a body in one piece"));
        assert_eq!(body, expected.into_body(), "{case}: body");
    }
}

/// The handler's `ApiError` travels inside `actix_web::Error`, where middleware can find it.
#[actix_web::test]
async fn actix_web_error_keeps_the_typed_error() {
    let error = actix_web::Error::from(error_case("rate-limited"));
    assert!(matches!(
        error.as_error::<httperr_examples::ApiError>(),
        Some(httperr_examples::ApiError::RateLimited(30))
    ));
    let response = error.error_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(
        response.headers().get("retry-after").map(|v| v.as_bytes()),
        Some(&b"30"[..])
    );
}

/// A `Display` that fails or panics on the response path: the client still gets the whole
/// response (before, serde_json's panic, or the log's, dropped the connection).
#[actix_web::test]
async fn actix_web_misbehaving_display_still_gets_a_response() {
    let _serial = SERIAL.lock().await;
    let server = HttpServer::new(|| {
        let mut app = App::new();
        for (path, make, _, _) in support::broken_cases() {
            app = app.route(
                path,
                actix_web::web::get().to(move || async move { Err::<String, _>(make()) }),
            );
        }
        app
    })
    .workers(1)
    .disable_signals()
    .shutdown_timeout(TIMEOUT.as_secs())
    .bind(("127.0.0.1", 0))
    .expect("bind");
    let address = server.addrs()[0];
    let base = format!("http://{address}");
    while_serving(server.run(), support::check_broken(&base)).await;
}

/// The extractors the sample API does not use, and what `Rejections` leaves alone, through
/// actix-web's test service (the same middleware stack, without a socket).
#[actix_web::test]
async fn actix_web_other_extractors_and_untouched_responses() {
    use actix_web::{HttpResponse, test, web};

    #[derive(serde::Deserialize)]
    struct Page {
        #[allow(dead_code)]
        page: u32,
    }
    #[derive(serde::Deserialize)]
    struct Member {
        #[allow(dead_code)]
        team: String,
        #[allow(dead_code)]
        id: u64,
    }

    let app = test::init_service(
        App::new()
            .wrap(Rejections::default())
            .service(web::resource("/items").get(|_: web::Query<Page>| async { "items" }))
            .service(web::resource("/signup").post(|_: web::Form<Page>| async { "signed up" }))
            .service(
                web::resource("/teams/{team}/members/{id}")
                    .get(|_: web::Path<Member>| async { "member" }),
            )
            .service(
                web::resource("/own")
                    .get(|| async { HttpResponse::NotFound().body("no such thing") }),
            )
            .service(
                web::resource("/custom")
                    .app_data(
                        web::JsonConfig::default()
                            .error_handler(|_, _| actix_web::error::ErrorConflict("custom")),
                    )
                    .post(|_: web::Json<Page>| async { "custom" }),
            ),
    )
    .await;
    let cases: [(test::TestRequest, u16, &str); 7] = [
        (
            test::TestRequest::get().uri("/items"),
            400,
            r#"{"error":"invalid query: `page` is missing"}"#,
        ),
        (
            test::TestRequest::post()
                .uri("/signup")
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .set_payload("name=ada"),
            400,
            r#"{"error":"invalid form body: `page` is missing"}"#,
        ),
        (
            test::TestRequest::post()
                .uri("/signup")
                .insert_header(("content-type", "application/json"))
                .set_payload("{}"),
            415,
            r#"{"error":"expected a form body (content-type: application/x-www-form-urlencoded)"}"#,
        ),
        (
            test::TestRequest::get().uri("/teams/red/members/seven"),
            400,
            r#"{"error":"invalid path: `id` has the wrong type"}"#,
        ),
        (
            test::TestRequest::delete().uri("/items"),
            405,
            r#"{"error":"Method Not Allowed"}"#,
        ),
        // The application's own answers pass as they are, a bodied 404 and a custom handler's.
        (test::TestRequest::get().uri("/own"), 404, "no such thing"),
        (
            test::TestRequest::post()
                .uri("/custom")
                .insert_header(("content-type", "application/json"))
                .set_payload("{"),
            409,
            "custom",
        ),
    ];
    for (request, status, body) in cases {
        let request = request.to_request();
        let what = format!("{} {}", request.method(), request.uri());
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), status, "{what}: status");
        let allow = response
            .headers()
            .get("allow")
            .map(|v| v.to_str().expect("ASCII").to_owned());
        let expected_allow = (status == 405).then(|| "GET".to_owned());
        assert_eq!(allow, expected_allow, "{what}: Allow");
        assert_eq!(test::read_body(response).await, body, "{what}: body");
    }
}
