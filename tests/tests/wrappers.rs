//! Transparent wrappers with several fields: `#[transparent]` marks the error the response comes from.

mod common;
use common::{assert_json, assert_response};
use httperr::HttpError;
use std::error::Error as _;

/// A library's error, which the service wraps with context of its own.
#[derive(Debug, HttpError)]
#[http(codes)]
enum MilliError {
    #[status(404, "index {0} not found")]
    IndexNotFound(String),
    #[status(429)]
    #[header(RETRY_AFTER, "{secs}")]
    TooManyWrites { secs: u64 },
    #[status(500)]
    Io(#[from] std::io::Error),
}

/// meilisearch's `Milli { error, index_name }`: the index name is kept for logs, not sent.
#[derive(Debug, HttpError)]
enum MeiliError {
    #[status(transparent)]
    Milli {
        #[transparent]
        error: MilliError,
        index_name: String,
    },
    /// Marked in the middle of a tuple, beside a cause of its own.
    #[status(transparent)]
    Dump(u32, #[transparent] MilliError, #[source] std::io::Error),
    #[status(400, "bad request for {index}")]
    Bad { index: String },
}

fn milli(error: MilliError) -> MeiliError {
    MeiliError::Milli {
        error,
        index_name: "movies".into(),
    }
}

#[test]
fn status_headers_and_body_come_from_the_marked_field() {
    assert_json(
        &milli(MilliError::IndexNotFound("films".into())),
        404,
        r#"{"error":"index films not found","code":"index_not_found"}"#,
    );
    assert_response(
        &milli(MilliError::TooManyWrites { secs: 3 }),
        429,
        &[("retry-after", "3")],
        "application/json",
        r#"{"error":"Too Many Requests","code":"too_many_writes"}"#,
    );
    let hidden = milli(MilliError::Io(std::io::Error::other(
        "disk full at /var/lib",
    )));
    assert_json(
        &hidden,
        500,
        r#"{"error":"Internal Server Error","code":"io"}"#,
    );
    assert_eq!(hidden.code(), Some("io"));
    let dump = MeiliError::Dump(
        7,
        MilliError::IndexNotFound("dumps".into()),
        std::io::Error::other("truncated"),
    );
    assert_json(
        &dump,
        404,
        r#"{"error":"index dumps not found","code":"index_not_found"}"#,
    );
    // The other fields stay the application's, for its logs.
    let (MeiliError::Milli { index_name, .. }, MeiliError::Dump(id, ..)) = (&hidden, &dump) else {
        panic!("built above");
    };
    assert_eq!((index_name.as_str(), *id), ("movies", 7));
    assert_json(
        &MeiliError::Bad { index: "x".into() },
        400,
        r#"{"error":"bad request for x"}"#,
    );
}

#[test]
fn display_is_the_marked_fields_and_source_its_own_unless_another_field_is_the_source() {
    let missing = milli(MilliError::IndexNotFound("films".into()));
    assert_eq!(missing.to_string(), "index films not found");
    assert!(missing.source().is_none());
    // The marked field's own source, as a one-field transparent variant's.
    let io = milli(MilliError::Io(std::io::Error::other("disk")));
    assert_eq!(io.to_string(), "Internal Server Error");
    assert_eq!(io.source().expect("the io::Error").to_string(), "disk");
    // A `#[source]` beside the marked field is the source.
    let dump = MeiliError::Dump(
        7,
        MilliError::Io(std::io::Error::other("disk")),
        std::io::Error::other("truncated"),
    );
    assert_eq!(dump.to_string(), "Internal Server Error");
    assert_eq!(
        dump.source().expect("the #[source]").to_string(),
        "truncated"
    );
}

/// Lemmy's `LemmyError { error_type, inner, backtrace }`: a struct, its cause a boxed error.
#[derive(Debug, HttpError)]
#[http(codes)]
enum LemmyErrorType {
    #[status(400)]
    BlockedUrl,
    #[status(404, "couldn't find {0}")]
    CouldntFind(String),
}

#[derive(Debug, HttpError)]
#[status(transparent)]
struct LemmyError {
    #[transparent]
    error_type: LemmyErrorType,
    #[source]
    inner: Box<dyn std::error::Error + Send + Sync>,
    backtrace: String,
}

#[test]
fn a_struct_with_a_boxed_source() {
    let error = LemmyError {
        error_type: LemmyErrorType::BlockedUrl,
        inner: "the url is on the block list".into(),
        backtrace: "at main.rs:1".into(),
    };
    assert_json(
        &error,
        400,
        r#"{"error":"Bad Request","code":"blocked_url"}"#,
    );
    assert_eq!(error.to_string(), "Bad Request");
    assert_eq!(
        error.source().expect("inner").to_string(),
        "the url is on the block list"
    );
    let error = LemmyError {
        error_type: LemmyErrorType::CouldntFind("post".into()),
        inner: "no row".into(),
        backtrace: String::new(),
    };
    assert_json(
        &error,
        404,
        r#"{"error":"couldn't find post","code":"couldnt_find"}"#,
    );
    assert_eq!(error.to_string(), "couldn't find post");
    assert_eq!(error.backtrace, "");
}

/// A field named `source` is the source without `#[source]`, as for any variant.
#[derive(Debug, HttpError)]
enum Named {
    #[status(transparent)]
    Read {
        #[transparent]
        error: MilliError,
        source: std::io::Error,
    },
}

#[test]
fn a_field_named_source_is_the_source() {
    let error = Named::Read {
        error: MilliError::TooManyWrites { secs: 1 },
        source: std::io::Error::other("eof"),
    };
    assert_eq!(error.status(), 429);
    assert_eq!(error.source().expect("source").to_string(), "eof");
}

/// With thiserror, its `#[error]` template may name the other fields; the response is still
/// the marked field's (a template is `Display`, not the public message).
#[derive(Debug, thiserror::Error, HttpError)]
enum IndexError {
    #[error("{index_name}: {error}")]
    #[status(transparent)]
    Milli {
        #[transparent]
        error: MilliError,
        index_name: String,
    },
    #[error("dump {id} failed")]
    #[status(transparent)]
    Dump {
        id: u32,
        #[transparent]
        error: MilliError,
        #[source]
        io: std::io::Error,
    },
}

#[test]
fn with_thiserror_the_template_reads_the_other_fields() {
    let error = IndexError::Milli {
        error: MilliError::IndexNotFound("films".into()),
        index_name: "movies".into(),
    };
    assert_eq!(error.to_string(), "movies: index films not found");
    assert_json(
        &error,
        404,
        r#"{"error":"index films not found","code":"index_not_found"}"#,
    );
    assert!(error.source().is_none());
    let error = IndexError::Dump {
        id: 4,
        error: MilliError::TooManyWrites { secs: 9 },
        io: std::io::Error::other("broken pipe"),
    };
    assert_eq!(error.to_string(), "dump 4 failed");
    assert_response(
        &error,
        429,
        &[("retry-after", "9")],
        "application/json",
        r#"{"error":"Too Many Requests","code":"too_many_writes"}"#,
    );
    assert_eq!(error.source().expect("io").to_string(), "broken pipe");
}

/// Neither `Display` nor `Serialize`: a field no impl reads needs no bound.
#[derive(Debug)]
struct Opaque;

/// A generic marked field, and a generic field kept beside it.
#[derive(Debug, HttpError)]
#[status(transparent)]
struct Traced<E, T> {
    #[transparent]
    error: E,
    trace: T,
}

#[test]
fn a_generic_marked_field() {
    let error = Traced {
        error: MilliError::IndexNotFound("films".into()),
        trace: Opaque,
    };
    assert_json(
        &error,
        404,
        r#"{"error":"index films not found","code":"index_not_found"}"#,
    );
    assert_eq!(error.to_string(), "index films not found");
    assert!(matches!(error.trace, Opaque));
    let error = Traced {
        error: LemmyErrorType::BlockedUrl,
        trace: 12_u64,
    };
    assert_json(
        &error,
        400,
        r#"{"error":"Bad Request","code":"blocked_url"}"#,
    );
    let io = Traced {
        error: MilliError::Io(std::io::Error::other("disk")),
        trace: Opaque,
    };
    assert_eq!(io.source().expect("forwarded").to_string(), "disk");
}

/// An `HttpError` with `Display` but no `Error` impl.
#[derive(Debug)]
struct Teapot;

impl std::fmt::Display for Teapot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("teapot")
    }
}

impl HttpError for Teapot {
    fn status(&self) -> http::StatusCode {
        http::StatusCode::IM_A_TEAPOT
    }
    fn message(&self) -> std::borrow::Cow<'_, str> {
        "short and stout".into()
    }
}

/// With a source of its own, the marked field's `source()` is never read: it need not be an
/// `Error` at all.
#[derive(Debug, HttpError)]
#[status(transparent)]
struct Caused<E, C> {
    #[transparent]
    error: E,
    #[source]
    cause: C,
}

#[test]
fn a_generic_wrapper_with_its_own_source_needs_no_error_of_the_marked_field() {
    let error = Caused {
        error: Teapot,
        cause: std::io::Error::other("kettle"),
    };
    let response = error.to_response();
    assert_eq!(response.status(), 418);
    assert_eq!(response.body().as_ref(), br#"{"error":"short and stout"}"#);
    assert_eq!(error.to_string(), "teapot");
    assert_eq!(error.source().expect("cause").to_string(), "kettle");
}

/// A one-field variant may carry the marker too; unmarked it works as before.
#[derive(Debug, HttpError)]
enum One {
    #[status(transparent)]
    Marked(#[transparent] LemmyErrorType),
    #[status(transparent)]
    Unmarked(MilliError),
}

#[test]
fn one_field_marked_or_not() {
    assert_json(
        &One::Marked(LemmyErrorType::BlockedUrl),
        400,
        r#"{"error":"Bad Request","code":"blocked_url"}"#,
    );
    assert_json(
        &One::Unmarked(MilliError::IndexNotFound("a".into())),
        404,
        r#"{"error":"index a not found","code":"index_not_found"}"#,
    );
}
