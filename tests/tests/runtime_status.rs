//! Run-time status: a `#[status]` field or a `#[status(with = ...)]` function picks the status; an invalid one is a redacted 500.

mod capture;
mod common;

use common::assert_json;
use http::StatusCode;
use httperr::HttpError;
use serde_json::json;

#[derive(Debug, HttpError)]
enum GovernorError {
    /// tower-governor's catch-all: the status is data.
    #[status("rate limiter: {msg}")]
    Other {
        #[status]
        code: StatusCode,
        msg: String,
    },
    /// No `#[status]` attribute: the message is the run-time status's reason phrase.
    Raw(#[status] u16),
    #[status("upstream said {msg}")]
    #[http(expose)]
    Exposed {
        #[status]
        code: u16,
        msg: String,
    },
}

fn io_status(error: &std::io::Error) -> StatusCode {
    match error.kind() {
        std::io::ErrorKind::NotFound => StatusCode::NOT_FOUND,
        std::io::ErrorKind::PermissionDenied => StatusCode::FORBIDDEN,
        _ => StatusCode::SERVICE_UNAVAILABLE,
    }
}

fn always_u16() -> u16 {
    429
}

#[derive(Debug, HttpError)]
enum StoreError {
    #[status(with = io_status, "storage failed: {0}")]
    Io(#[source] std::io::Error),
    #[status(with = io_status, "storage failed: {0}")]
    #[http(expose)]
    IoExposed(std::io::Error),
    #[status(with = always_u16)]
    Busy,
}

#[test]
fn a_field_gives_the_status_and_a_4xx_shows_the_template() {
    let error = GovernorError::Other {
        code: StatusCode::NOT_FOUND,
        msg: "no such key".into(),
    };
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.message(), "rate limiter: no such key");
    assert_eq!(error.to_string(), "rate limiter: no such key");
    assert_json(&error, 404, r#"{"error":"rate limiter: no such key"}"#);
    assert_eq!(
        serde_json::to_value(&error).unwrap(),
        json!({"error": "rate limiter: no such key"})
    );
}

#[test]
fn a_field_5xx_is_hidden_unless_exposed() {
    let hidden = GovernorError::Other {
        code: StatusCode::BAD_GATEWAY,
        msg: "secret upstream".into(),
    };
    assert_json(&hidden, 502, r#"{"error":"Bad Gateway"}"#);
    assert_eq!(hidden.message(), "Bad Gateway");
    // `Display` is for logs: the template, whatever the status.
    assert_eq!(hidden.to_string(), "rate limiter: secret upstream");

    let exposed = GovernorError::Exposed {
        code: 503,
        msg: "maintenance".into(),
    };
    assert_json(&exposed, 503, r#"{"error":"upstream said maintenance"}"#);
    let exposed_4xx = GovernorError::Exposed {
        code: 409,
        msg: "conflict".into(),
    };
    assert_json(&exposed_4xx, 409, r#"{"error":"upstream said conflict"}"#);
}

#[test]
fn without_a_template_the_message_is_the_reason_phrase() {
    let error = GovernorError::Raw(429);
    assert_json(&error, 429, r#"{"error":"Too Many Requests"}"#);
    assert_eq!(error.to_string(), "Too Many Requests");
    assert_json(
        &GovernorError::Raw(500),
        500,
        r#"{"error":"Internal Server Error"}"#,
    );
}

#[test]
fn a_function_gives_the_status() {
    let missing = StoreError::Io(std::io::Error::new(std::io::ErrorKind::NotFound, "no file"));
    assert_json(&missing, 404, r#"{"error":"storage failed: no file"}"#);

    let down = StoreError::Io(std::io::Error::other("disk on fire"));
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_json(&down, 503, r#"{"error":"Service Unavailable"}"#);
    assert_eq!(down.to_string(), "storage failed: disk on fire");
    assert!(std::error::Error::source(&down).is_some());

    let exposed = StoreError::IoExposed(std::io::Error::other("disk on fire"));
    assert_json(&exposed, 503, r#"{"error":"storage failed: disk on fire"}"#);

    assert_json(&StoreError::Busy, 429, r#"{"error":"Too Many Requests"}"#);
}

#[test]
fn an_invalid_status_is_a_redacted_500_and_logged() {
    for code in [200, 1000, 99, 302] {
        let error = GovernorError::Exposed {
            code,
            msg: "leaked".into(),
        };
        let capture = capture::Capture::default();
        tracing::subscriber::with_default(capture.clone(), || {
            assert_json(&error, 500, r#"{"error":"Internal Server Error"}"#);
        });
        let warned = capture
            .take_httperr()
            .into_iter()
            .filter(|event| event.level == tracing::Level::WARN)
            .collect::<Vec<_>>();
        assert!(!warned.is_empty(), "{code}: no warning");
        assert_eq!(warned[0].fields["status"], code.to_string());
    }
    let error = GovernorError::Other {
        code: StatusCode::OK,
        msg: "fine".into(),
    };
    assert_json(&error, 500, r#"{"error":"Internal Server Error"}"#);
    assert_eq!(error.message(), "Internal Server Error");
}

#[derive(Debug, HttpError)]
#[http(format = "problem", codes)]
enum ProblemError {
    #[status("limited: {msg}")]
    Limited {
        #[status]
        code: StatusCode,
        msg: String,
    },
}

#[test]
fn problem_format_follows_the_run_time_status() {
    let error = ProblemError::Limited {
        code: StatusCode::TOO_MANY_REQUESTS,
        msg: "slow down".into(),
    };
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"limited: slow down","code":"limited"}"#
    );
    assert_eq!(
        serde_json::to_value(&error).unwrap(),
        json!({"type": "about:blank", "title": "Too Many Requests", "status": 429, "detail": "limited: slow down", "code": "limited"})
    );

    let hidden = ProblemError::Limited {
        code: StatusCode::GATEWAY_TIMEOUT,
        msg: "slow down".into(),
    };
    assert_eq!(
        std::str::from_utf8(hidden.to_response().body()).unwrap(),
        r#"{"type":"about:blank","title":"Gateway Timeout","status":504,"detail":"Gateway Timeout","code":"limited"}"#
    );
}

/// A detail on a run-time status needs `expose`, and then goes out with any status.
#[derive(Debug, HttpError)]
enum Detailed {
    #[status("quota")]
    #[http(expose)]
    Quota {
        #[status]
        code: u16,
        #[detail]
        remaining: u32,
    },
}

#[test]
fn details_with_a_run_time_status() {
    assert_json(
        &Detailed::Quota {
            code: 429,
            remaining: 0,
        },
        429,
        r#"{"error":"quota","details":{"remaining":0}}"#,
    );
}

/// A generic status field is bounded by what the impl reads.
#[derive(Debug, HttpError)]
#[status("generic")]
struct Generic<S> {
    #[status]
    status: S,
}

#[test]
fn a_generic_status_field() {
    assert_json(
        &Generic {
            status: StatusCode::CONFLICT,
        },
        409,
        r#"{"error":"generic"}"#,
    );
    assert_json(&Generic { status: 410u16 }, 410, r#"{"error":"generic"}"#);
}
