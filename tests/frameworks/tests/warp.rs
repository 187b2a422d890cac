//! warp: the sample API on warp's real server, in both error styles (reply and rejection +
//! `recover`), and `recover` leaving warp's own rejections alone.

mod support;

use httperr::HttpError;
use httperr_examples::{ApiError, CASES, error_case};
use support::TIMEOUT;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::time::timeout;
use warp::Reply;

#[tokio::test]
async fn warp_serves_the_sample_api() {
    // Bound here so the test learns the port first (and a bind failure is an error, where
    // `warp::serve(..).bind(..)` would panic inside the server).
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("local address");
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(
        warp::serve(httperr_examples::warp::app())
            .incoming(listener)
            .graceful(async {
                let _ = stopped.await;
            })
            .run(),
    );

    let base = format!("http://{address}");
    timeout(TIMEOUT, support::check_sample_api(&base))
        .await
        .expect("sample API checked in time");
    timeout(TIMEOUT, check_unrelated_rejections(&base))
        .await
        .expect("rejections checked in time");

    stop.send(()).expect("server still running");
    timeout(TIMEOUT, server)
        .await
        .expect("server stopped in time")
        .expect("server task");
}

/// Rejections that carry no `ApiError` reach warp's own handling unchanged: `recover` must not
/// dress them up as `ApiError` responses.
async fn check_unrelated_rejections(base: &str) {
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("client");

    // No route matches: warp's own empty 404, not `ApiError::UserNotFound`'s JSON 404.
    let response = client
        .get(format!("{base}/nope"))
        .send()
        .await
        .expect("GET /nope");
    assert_eq!(response.status().as_u16(), 404);
    assert!(response.headers().get("content-type").is_none());
    assert_eq!(response.text().await.expect("body"), "");

    // `u64` does not parse: the path does not match either.
    let response = client
        .get(format!("{base}/users/abc"))
        .send()
        .await
        .expect("GET /users/abc");
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.text().await.expect("body"), "");

    // Wrong method: warp's 405 with its own text, not `ApiError::MethodNotAllowed`'s body.
    let response = client
        .post(format!("{base}/errors/storage"))
        .send()
        .await
        .expect("POST /errors/storage");
    assert_eq!(response.status().as_u16(), 405);
    assert_ne!(
        response.headers().get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/json"[..])
    );
    let body = response.text().await.expect("body");
    assert!(!body.contains("\"error\""), "warp's own 405 kept: {body}");
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
    #[derive(Debug, httperr::HttpError)]
    enum LocalOnly {
        #[status(503, "cache {0} is warming up")]
        Warming(std::rc::Rc<str>),
    }

    let response = LocalOnly::Warming("users".into()).to_response();
    assert_eq!(response.status(), 503);

    fn assert_reject<R: warp::reject::Reject + Reply>() {}
    assert_reject::<ApiError>();
}
