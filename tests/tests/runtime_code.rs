//! Run-time codes: a `#[code]` field or a `#[http(code = ...)]` function picks the code, in every body format and shape.

use http::StatusCode;
use httperr::{HttpError, Shape};
use std::borrow::Cow;

/// A code from a function of a wrapped foreign error, as kanidm and meilisearch map io errors.
fn io_code(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::NotFound => "file_not_found",
        std::io::ErrorKind::StorageFull => "no_space_left_on_device",
        _ => "io_error",
    }
}

fn optional_code(reason: &Option<String>) -> Option<&str> {
    reason.as_deref()
}

#[derive(Debug, HttpError)]
#[http(codes)]
enum ApiError {
    /// A code the service received from upstream and passes on.
    #[status(400, "upstream refused: {reason}")]
    Upstream {
        #[code]
        code: String,
        reason: String,
    },
    #[status(422, "storage failed")]
    #[http(code = io_code)]
    Io(std::io::Error),
    #[status(409)]
    Maybe(#[code] Option<Cow<'static, str>>),
    #[status(403)]
    #[http(code = optional_code)]
    Reason(Option<String>),
    /// Beside them, a code known at compile time.
    #[status(404)]
    Missing,
    #[status(400, "bad {field}")]
    Detailed {
        #[code]
        code: &'static str,
        #[detail]
        field: String,
    },
}

#[test]
fn codes_chosen_at_run_time_reach_the_body() {
    let upstream = ApiError::Upstream {
        code: "quota_exceeded".into(),
        reason: "too many".into(),
    };
    assert_eq!(upstream.code(), Some("quota_exceeded"));
    assert_eq!(
        upstream.to_response().body().as_ref(),
        br#"{"error":"upstream refused: too many","code":"quota_exceeded"}"#
    );
    let io = ApiError::Io(std::io::Error::from(std::io::ErrorKind::StorageFull));
    assert_eq!(
        io.to_response().body().as_ref(),
        br#"{"error":"storage failed","code":"no_space_left_on_device"}"#
    );
    let missing = ApiError::Missing.to_response();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        missing.body().as_ref(),
        br#"{"error":"Not Found","code":"missing"}"#
    );
    let detailed = ApiError::Detailed {
        code: "bad_field",
        field: "name".into(),
    };
    assert_eq!(
        detailed.to_response().body().as_ref(),
        br#"{"error":"bad name","code":"bad_field","details":{"field":"name"}}"#
    );
}

#[test]
fn an_absent_run_time_code_leaves_the_member_out() {
    assert_eq!(
        ApiError::Maybe(None).to_response().body().as_ref(),
        br#"{"error":"Conflict"}"#
    );
    assert_eq!(
        ApiError::Maybe(Some("stale".into()))
            .to_response()
            .body()
            .as_ref(),
        br#"{"error":"Conflict","code":"stale"}"#
    );
    assert_eq!(ApiError::Reason(None).code(), None);
    assert_eq!(
        ApiError::Reason(Some("banned".into()))
            .to_response()
            .body()
            .as_ref(),
        br#"{"error":"Forbidden","code":"banned"}"#
    );
}

const PROBLEM: Shape = Shape::problem().type_base("https://example.com/probs/");
const DOCS: Shape = Shape::json()
    .message("message")
    .code("code")
    .link("link", "https://docs.example.com/errors#");

#[derive(Debug, HttpError)]
#[http(shape = PROBLEM)]
enum Problem {
    #[status(422)]
    #[http(code = io_code)]
    Io(std::io::Error),
    /// A code that needs escaping is escaped wherever it goes.
    #[status(400)]
    #[http(shape = DOCS)]
    Odd(#[code] String),
}

#[test]
fn shapes_join_a_run_time_code_into_links_and_types() {
    let io = Problem::Io(std::io::Error::from(std::io::ErrorKind::NotFound)).to_response();
    assert_eq!(io.headers()["content-type"], "application/problem+json");
    assert_eq!(
        io.body().as_ref(),
        br#"{"type":"https://example.com/probs/file_not_found","title":"Unprocessable Content","status":422,"detail":"Unprocessable Content","code":"file_not_found"}"#
    );
    let odd = Problem::Odd("a\"b".into()).to_response();
    let body: serde_json::Value = serde_json::from_slice(odd.body()).expect("valid JSON");
    assert_eq!(
        body,
        serde_json::json!({
            "message": "Bad Request",
            "code": "a\"b",
            "link": "https://docs.example.com/errors#a\"b",
        })
    );
}

/// A hand-written impl may own its code: `code()` borrows from `self`.
struct Owned {
    code: String,
}

impl HttpError for Owned {
    fn status(&self) -> StatusCode {
        StatusCode::CONFLICT
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed("taken")
    }
    fn code(&self) -> Option<&str> {
        Some(&self.code)
    }
}

#[test]
fn a_hand_written_impl_owns_its_code() {
    let owned = Owned {
        code: format!("{}_{}", "email", "taken"),
    };
    assert_eq!(
        owned.to_response().body().as_ref(),
        br#"{"error":"taken","code":"email_taken"}"#
    );
}

#[derive(Debug, HttpError)]
#[http(format = "problem", type_base = "https://example.com/probs/")]
enum TypedProblem {
    #[status(409, "conflict on {0}")]
    Conflict(#[code] String),
    #[status(404)]
    Missing,
}

#[test]
fn type_base_joins_a_run_time_code_when_the_body_is_written() {
    let conflict = TypedProblem::Conflict("version_mismatch".into()).to_response();
    assert_eq!(
        conflict.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        conflict.body().as_ref(),
        br#"{"type":"https://example.com/probs/version_mismatch","title":"Conflict","status":409,"detail":"conflict on version_mismatch","code":"version_mismatch"}"#
    );
    assert_eq!(
        TypedProblem::Missing.to_response().body().as_ref(),
        br#"{"type":"https://example.com/probs/missing","title":"Not Found","status":404,"detail":"Not Found","code":"missing"}"#
    );
}
