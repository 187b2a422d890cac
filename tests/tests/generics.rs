//! Generic error types: bounds are added only where the generated code needs them.

mod common;
use common::assert_json;
use httperr::HttpError;
use std::fmt::Debug;

// Expands with `where T: Display` for the message and `T: Serialize` for the detail.
#[derive(Debug, HttpError)]
enum LookupError<T> {
    #[status(404, "no {kind} with key {key}")]
    Missing {
        kind: &'static str,
        #[detail]
        key: T,
    },
    #[status(400)]
    Empty,
}

#[test]
fn generic_message_and_detail() {
    assert_json(
        &LookupError::Missing {
            kind: "user",
            key: 42u64,
        },
        404,
        r#"{"error":"no user with key 42","details":{"key":42}}"#,
    );
    assert_json(
        &LookupError::<String>::Empty,
        400,
        r#"{"error":"Bad Request"}"#,
    );
}

// `E: Error + 'static` for the source, nothing for the message (5xx is redacted in the body,
// but Display still writes the template, so `E: Display`).
#[derive(Debug, HttpError)]
enum Upstream<E: Debug, const N: usize> {
    #[status(502, "upstream failed after {tries} of {max} tries", max = N)]
    Failed {
        tries: usize,
        #[source]
        cause: E,
    },
}

#[test]
fn generic_source_and_const_param() {
    let error: Upstream<std::io::Error, 3> = Upstream::Failed {
        tries: 3,
        cause: std::io::Error::other("reset"),
    };
    assert_json(&error, 502, r#"{"error":"Bad Gateway"}"#);
    assert_eq!(error.to_string(), "upstream failed after 3 of 3 tries");
    assert_eq!(
        std::error::Error::source(&error).unwrap().to_string(),
        "reset"
    );
}

// A lifetime and a where clause pass through unchanged.
#[derive(Debug, HttpError)]
#[status(422, "field {field} is invalid: {reason:?}")]
struct Invalid<'a, R>
where
    R: Clone,
{
    field: &'a str,
    reason: R,
}

#[test]
fn lifetimes_and_where_clauses() {
    let error = Invalid {
        field: "email",
        reason: vec!["empty"],
    };
    assert_json(
        &error,
        422,
        r#"{"error":"field email is invalid: [\"empty\"]"}"#,
    );
}

// Transparent over a generic inner error.
#[derive(Debug, HttpError)]
#[status(transparent)]
struct Boxed<E>(E);

#[test]
fn generic_transparent() {
    assert_json(
        &Boxed(LookupError::<u8>::Empty),
        400,
        r#"{"error":"Bad Request"}"#,
    );
}

#[test]
fn usable_as_trait_object() {
    let errors: Vec<Box<dyn HttpError>> = vec![
        Box::new(LookupError::<u8>::Empty),
        Box::new(Boxed(LookupError::Missing {
            kind: "k",
            key: 1u8,
        })),
    ];
    let statuses: Vec<u16> = errors.iter().map(|e| e.status().as_u16()).collect();
    assert_eq!(statuses, [400, 404]);
    // Through `dyn`, `to_response` is still the derived one.
    assert_eq!(
        errors[0].to_response().body().as_ref(),
        br#"{"error":"Bad Request"}"#
    );
}

// Bounds are inferred per impl: `Display` and `Error` read no `#[detail]` field, so they exist
// for an owner type that is `Debug` but not `Serialize`; only `HttpError` (the body) needs it.
#[derive(Debug, HttpError)]
enum JobError<T> {
    #[status(409, "job is busy")]
    Busy {
        #[detail]
        owner: T,
    },
}

#[derive(Debug)]
struct NotSerialize;

#[test]
fn display_and_error_need_no_bound_for_a_detail() {
    let error = JobError::Busy {
        owner: NotSerialize,
    };
    assert_eq!(error.to_string(), "job is busy");
    let as_error: &dyn std::error::Error = &error;
    assert!(as_error.source().is_none());
    // With a serializable owner, the same type is an `HttpError` with the owner in the body.
    assert_json(
        &JobError::Busy { owner: "ada" },
        409,
        r#"{"error":"job is busy","details":{"owner":"ada"}}"#,
    );
}

// And the other way round: a field only a template reads needs `Display`, not `Serialize`,
// and the `Error` impl needs only what `source()` reads of it (nothing, here).
#[derive(Debug, HttpError)]
enum Shown<T> {
    #[status(400, "bad value {value}")]
    Bad { value: T },
}

#[derive(Debug)]
struct DisplayOnly;

impl std::fmt::Display for DisplayOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("shown")
    }
}

#[test]
fn a_template_field_needs_display_only() {
    let error = Shown::Bad { value: DisplayOnly };
    assert_eq!(error.to_string(), "bad value shown");
    assert_json(&error, 400, r#"{"error":"bad value shown"}"#);
}
