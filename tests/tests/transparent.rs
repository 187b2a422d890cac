//! `#[status(transparent)]`: status, message, code, headers, body and format come from the field.

mod common;
use common::{assert_json, assert_response};
use httperr::HttpError;
use std::error::Error as _;

#[derive(Debug, HttpError)]
#[http(codes)]
enum UserError {
    #[status(404, "user {0} not found")]
    NotFound(u64),
    #[status(429)]
    #[header(RETRY_AFTER, "{0}")]
    RateLimited(u64),
    #[status(500)]
    Db(#[from] std::io::Error),
}

#[derive(Debug, HttpError)]
#[http(format = "problem")]
enum BillingError {
    #[status(402, "invoice {invoice} is unpaid")]
    Unpaid {
        invoice: String,
        #[detail]
        amount_cents: u64,
    },
}

/// The application-wide error: each domain error passes through unchanged.
#[derive(Debug, HttpError)]
enum ApiError {
    #[status(transparent)]
    User(#[from] UserError),
    #[status(transparent)]
    Billing(#[from] BillingError),
    #[status(400, "bad input")]
    Input,
}

#[test]
fn everything_is_forwarded() {
    assert_json(
        &ApiError::from(UserError::NotFound(9)),
        404,
        r#"{"error":"user 9 not found","code":"not_found"}"#,
    );
    assert_response(
        &ApiError::from(UserError::RateLimited(12)),
        429,
        &[("retry-after", "12")],
        "application/json",
        r#"{"error":"Too Many Requests","code":"rate_limited"}"#,
    );
    assert_response(
        &ApiError::from(BillingError::Unpaid {
            invoice: "INV-1".into(),
            amount_cents: 500,
        }),
        402,
        &[],
        "application/problem+json",
        r#"{"type":"about:blank","title":"Payment Required","status":402,"detail":"invoice INV-1 is unpaid","amount_cents":500}"#,
    );
    assert_json(&ApiError::Input, 400, r#"{"error":"bad input"}"#);
    assert_eq!(
        ApiError::from(UserError::NotFound(1)).code(),
        Some("not_found")
    );
}

#[test]
fn server_errors_stay_hidden_through_wrappers() {
    let error = ApiError::from(UserError::from(std::io::Error::other("secret dsn")));
    assert_json(
        &error,
        500,
        r#"{"error":"Internal Server Error","code":"db"}"#,
    );
}

#[test]
fn display_and_source_are_forwarded() {
    let error = ApiError::from(UserError::from(std::io::Error::other("disk")));
    assert_eq!(error.to_string(), "Internal Server Error");
    // `source()` is the wrapped error's source, as with thiserror's transparent.
    assert_eq!(error.source().unwrap().to_string(), "disk");
    assert_eq!(
        ApiError::from(UserError::NotFound(2)).to_string(),
        "user 2 not found"
    );
}

/// An enum whose default is transparent: every variant wraps another error type.
#[derive(Debug, HttpError)]
#[status(transparent)]
enum Wrapped {
    User(UserError),
    Billing(BillingError),
}

#[test]
fn transparent_default() {
    assert_json(
        &Wrapped::User(UserError::NotFound(5)),
        404,
        r#"{"error":"user 5 not found","code":"not_found"}"#,
    );
    assert_eq!(
        Wrapped::Billing(BillingError::Unpaid {
            invoice: "x".into(),
            amount_cents: 1
        })
        .status(),
        402
    );
}

/// A transparent struct, and a hand-written inner `HttpError`.
#[derive(Debug)]
struct Legacy;

impl std::fmt::Display for Legacy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("legacy")
    }
}
impl std::error::Error for Legacy {}
impl HttpError for Legacy {
    fn status(&self) -> http::StatusCode {
        http::StatusCode::IM_A_TEAPOT
    }
    fn message(&self) -> std::borrow::Cow<'_, str> {
        "short and stout".into()
    }
}

#[derive(Debug, HttpError)]
#[status(transparent)]
struct Compat(Legacy);

#[test]
fn transparent_over_a_hand_written_impl() {
    let response = Compat(Legacy).to_response();
    assert_eq!(response.status(), 418);
    assert_eq!(response.body().as_ref(), br#"{"error":"short and stout"}"#);
    assert_eq!(response.headers()["content-length"], "27");
    assert_eq!(
        serde_json::to_string(&Compat(Legacy)).unwrap(),
        r#"{"error":"short and stout"}"#
    );
}

/// A hand-written `HttpError` with no `Display` or `Error` of its own.
#[derive(Debug)]
struct Teapot;

impl HttpError for Teapot {
    fn status(&self) -> http::StatusCode {
        http::StatusCode::IM_A_TEAPOT
    }
    fn message(&self) -> std::borrow::Cow<'_, str> {
        "short and stout".into()
    }
}

/// A wrapper whose field has thiserror's `Display` and `source()`, beside one that has none.
#[derive(Debug, HttpError)]
enum Wrapper {
    #[status(transparent)]
    Teapot(Teapot),
    #[status(transparent)]
    User(UserError),
}

#[test]
fn transparent_display_and_source_are_the_fields_own_else_its_http_errors() {
    // No `Display` on the field: the wrapper displays its message, and has no source.
    assert_eq!(Wrapper::Teapot(Teapot).to_string(), "short and stout");
    assert!(Wrapper::Teapot(Teapot).source().is_none());
    assert_json(
        &Wrapper::Teapot(Teapot),
        418,
        r#"{"error":"short and stout"}"#,
    );
    // The field's own `Display` and `source()` when it has them.
    let db = Wrapper::User(UserError::Db(std::io::Error::other("disk")));
    assert_eq!(db.to_string(), "Internal Server Error");
    assert_eq!(db.source().expect("the io::Error").to_string(), "disk");
}
