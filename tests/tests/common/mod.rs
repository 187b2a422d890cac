//! Shared assertions for the behaviour tests: one response checked completely.
#![allow(dead_code)] // each test file uses a subset

use httperr::HttpError;

/// Asserts the whole response of `error`: status, exactly these extra headers (plus
/// content-type and content-length), the exact body, and that the body equals what the
/// derived `Serialize` impl produces through serde_json.
#[track_caller]
pub fn assert_response<E: HttpError + serde::Serialize>(
    error: &E,
    status: u16,
    headers: &[(&str, &str)],
    content_type: &str,
    body: &str,
) {
    let response = error.to_response();
    assert_eq!(response.status().as_u16(), status, "status");
    assert_eq!(error.status().as_u16(), status, "status()");
    let actual = std::str::from_utf8(response.body()).expect("body is UTF-8");
    assert_eq!(actual, body, "body");
    serde_json::from_str::<serde_json::Value>(actual).expect("body is valid JSON");
    assert_eq!(
        serde_json::to_string(error).unwrap(),
        body,
        "Serialize impl and writer disagree"
    );
    let response_headers = response.headers();
    assert_eq!(
        response_headers["content-type"], content_type,
        "content-type"
    );
    assert_eq!(
        response_headers["content-length"],
        body.len().to_string().as_str(),
        "content-length"
    );
    for (name, value) in headers {
        let values: Vec<_> = response_headers
            .get_all(*name)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        assert!(
            values.contains(value),
            "header {name}: expected {value:?} among {values:?}"
        );
    }
    let expected_count = headers.len() + 2;
    assert_eq!(
        response_headers.len(),
        expected_count,
        "unexpected extra headers: {response_headers:?}"
    );
}

#[track_caller]
pub fn assert_json<E: HttpError + serde::Serialize>(error: &E, status: u16, body: &str) {
    assert_response(error, status, &[], "application/json", body);
}
