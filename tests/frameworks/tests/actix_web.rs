//! actix-web: the sample API on actix-web's real server, and `ResponseError`'s two methods
//! agreeing with each other and with `to_response()`.

mod support;

use actix_web::body::MessageBody;
use actix_web::{App, HttpServer, ResponseError};
use httperr::HttpError;
use httperr_examples::{CASES, error_case};
use support::TIMEOUT;
use tokio::time::timeout;

#[actix_web::test]
async fn actix_web_serves_the_sample_api() {
    let server = HttpServer::new(|| App::new().configure(httperr_examples::actix_web::routes))
        .workers(1)
        // The test stops the server itself; it must not take over the process's Ctrl-C.
        .disable_signals()
        .shutdown_timeout(TIMEOUT.as_secs())
        .bind(("127.0.0.1", 0))
        .expect("bind");
    let address = server.addrs()[0];
    let base = format!("http://{address}");
    while_serving(server.run(), support::check_sample_api(&base)).await;
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
