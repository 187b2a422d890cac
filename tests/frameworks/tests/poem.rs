//! poem: the sample API on poem's real server, and the typed error kept inside `poem::Error`.

mod support;

use httperr_examples::{ApiError, error_case};
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::{Endpoint, Request, Server};
use support::TIMEOUT;
use tokio::time::timeout;

#[tokio::test]
async fn poem_serves_the_sample_api() {
    // Bound here rather than inside `Server::new`, so the test learns the port first.
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .expect("bind");
    let address = *acceptor.local_addr()[0]
        .as_socket_addr()
        .expect("a TCP address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(
        Server::new_with_acceptor(acceptor).run_with_graceful_shutdown(
            httperr_examples::poem::app(),
            async {
                let _ = stopped.await;
            },
            Some(TIMEOUT),
        ),
    );

    timeout(
        TIMEOUT,
        support::check_sample_api(&format!("http://{address}")),
    )
    .await
    .expect("sample API checked in time");

    stop.send(()).expect("server still running");
    timeout(TIMEOUT, server)
        .await
        .expect("server stopped in time")
        .expect("server task")
        .expect("server ran without I/O errors");
}

/// Middleware and `catch_error` see the handler's `ApiError` itself, not only its response.
#[tokio::test]
async fn poem_error_keeps_the_typed_error() {
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
    let error = httperr_examples::poem::app()
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

/// A generic error type. Its bounds are spelled out because the other frameworks' impls in
/// this crate do not yet carry the bounds the derive infers (poem's and salvo's do).
#[derive(Debug, httperr::HttpError)]
enum Wrapped<T: std::fmt::Debug + std::fmt::Display> {
    #[status(400, "bad value {0}")]
    Bad(T),
}

#[tokio::test]
async fn poem_generic_error_type() {
    use poem::error::ResponseError;
    let error = Wrapped::Bad(7);
    assert_eq!(ResponseError::status(&error), 400);
    let response = error.as_response();
    let body = response.into_body().into_bytes().await.expect("body");
    assert_eq!(body, r#"{"error":"bad value 7"}"#);
}
