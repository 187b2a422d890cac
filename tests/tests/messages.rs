//! Public messages and redaction (SPEC §4), and the generated `Display`, `Error` and `From`.

mod common;
use common::assert_json;
use httperr::HttpError;
use std::error::Error as _;

#[derive(Debug, HttpError)]
enum UserError {
    #[status(404, "user {id} not found")]
    NotFound { id: u64 },
    #[status(409, "email {0} is already registered")]
    EmailTaken(String),
    #[status(400, "name must be {min}..={max} characters, got {len}")]
    NameLength { min: usize, max: usize, len: usize },
    #[status(400, "{} items exceed the limit of {}", .items.len(), .limit)]
    TooManyItems { items: Vec<u32>, limit: usize },
    #[status(422, "score {score:>5.1} / id {id:#06x} / tags {tags:?}")]
    Formatted {
        score: f64,
        id: u32,
        tags: Vec<&'static str>,
    },
    #[status(401)]
    #[header(WWW_AUTHENTICATE, "Bearer")]
    Unauthenticated,
    #[status(500)]
    Db(#[from] std::io::Error),
    #[status(500, "query {query} failed")]
    Query {
        query: String,
        source: std::io::Error,
    },
    #[status(503, "maintenance until {until}")]
    #[http(expose)]
    Maintenance { until: String },
    #[status(502, "payment provider {0} is down")]
    Provider(String),
    // `ind` is a prefix of `index` and is used only as an argument: it must not become a
    // named argument of the format string as well.
    #[status(400, "{index:>width$} of {}", .ind)]
    Prefixed {
        ind: usize,
        index: usize,
        width: usize,
    },
}

#[test]
fn templates() {
    assert_json(
        &UserError::NotFound { id: 42 },
        404,
        r#"{"error":"user 42 not found"}"#,
    );
    assert_json(
        &UserError::EmailTaken("ada@example.com".into()),
        409,
        r#"{"error":"email ada@example.com is already registered"}"#,
    );
    assert_json(
        &UserError::NameLength {
            min: 2,
            max: 40,
            len: 55,
        },
        400,
        r#"{"error":"name must be 2..=40 characters, got 55"}"#,
    );
    assert_json(
        &UserError::TooManyItems {
            items: vec![1, 2, 3],
            limit: 2,
        },
        400,
        r#"{"error":"3 items exceed the limit of 2"}"#,
    );
    assert_json(
        &UserError::Formatted {
            score: 9.25,
            id: 255,
            tags: vec!["a", "b"],
        },
        422,
        r#"{"error":"score   9.2 / id 0x00ff / tags [\"a\", \"b\"]"}"#,
    );
    assert_json(
        &UserError::Prefixed {
            ind: 7,
            index: 3,
            width: 4,
        },
        400,
        r#"{"error":"   3 of 7"}"#,
    );
}

#[test]
fn message_is_borrowed_when_fixed_and_owned_when_formatted() {
    use std::borrow::Cow;
    assert!(matches!(
        UserError::Unauthenticated.message(),
        Cow::Borrowed("Unauthorized")
    ));
    assert!(matches!(
        UserError::Db(std::io::Error::other("x")).message(),
        Cow::Borrowed("Internal Server Error")
    ));
    assert_eq!(UserError::NotFound { id: 1 }.message(), "user 1 not found");
}

#[test]
fn server_errors_never_expose_their_text() {
    let secret = "connection to postgres://admin:hunter2@10.0.0.5 refused";
    let db = UserError::from(std::io::Error::other(secret));
    assert_json(&db, 500, r#"{"error":"Internal Server Error"}"#);
    let query = UserError::Query {
        query: "SELECT * FROM users".into(),
        source: std::io::Error::other(secret),
    };
    assert_json(&query, 500, r#"{"error":"Internal Server Error"}"#);
    assert_json(
        &UserError::Provider("stripe".into()),
        502,
        r#"{"error":"Bad Gateway"}"#,
    );
    for error in [db, query] {
        let body = error.to_response().into_body();
        assert!(!String::from_utf8_lossy(&body).contains("hunter2"));
        assert_eq!(error.message(), "Internal Server Error");
    }
}

#[test]
fn expose_shows_a_server_error_message() {
    assert_json(
        &UserError::Maintenance {
            until: "12:00".into(),
        },
        503,
        r#"{"error":"maintenance until 12:00"}"#,
    );
}

#[test]
fn display_is_the_template_or_the_reason_phrase() {
    // Display is for logs: a 5xx template is shown there even though the body hides it.
    let query = UserError::Query {
        query: "SELECT 1".into(),
        source: std::io::Error::other("timeout"),
    };
    assert_eq!(query.to_string(), "query SELECT 1 failed");
    assert_eq!(UserError::Unauthenticated.to_string(), "Unauthorized");
    assert_eq!(
        UserError::NotFound { id: 3 }.to_string(),
        "user 3 not found"
    );
    // The inner error is reached through source(), not repeated in Display.
    let db = UserError::from(std::io::Error::other("disk full"));
    assert_eq!(db.to_string(), "Internal Server Error");
    assert_eq!(db.source().unwrap().to_string(), "disk full");
    assert_eq!(query.source().unwrap().to_string(), "timeout");
    assert!(UserError::NotFound { id: 3 }.source().is_none());
}

#[test]
fn from_builds_the_variant() {
    fn read() -> Result<(), UserError> {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "config.toml",
        ))?;
        Ok(())
    }
    let error = read().unwrap_err();
    assert!(matches!(error, UserError::Db(_)));
    assert_eq!(error.status(), 500);
}

/// Source fields may be trait objects, and a field named `source` is a source.
#[derive(Debug, HttpError)]
enum UploadError {
    #[status(502)]
    Storage {
        #[source]
        cause: Box<dyn std::error::Error + Send + Sync>,
    },
    #[status(500)]
    Other { source: std::io::Error },
}

#[test]
fn sources_of_every_shape() {
    let storage = UploadError::Storage {
        cause: "bucket missing".into(),
    };
    assert_eq!(storage.source().unwrap().to_string(), "bucket missing");
    let other = UploadError::Other {
        source: std::io::Error::other("pipe"),
    };
    assert_eq!(other.source().unwrap().to_string(), "pipe");
    assert_json(&storage, 502, r#"{"error":"Bad Gateway"}"#);
}

/// With thiserror on the same type, thiserror writes Display, Error and From; a 4xx variant
/// without a template shows thiserror's Display text, a 5xx still hides it.
#[derive(Debug, thiserror::Error, HttpError)]
enum AuthError {
    #[error("token expired {minutes} minutes ago")]
    #[status(401)]
    #[header(WWW_AUTHENTICATE, r#"Bearer error="invalid_token""#)]
    Expired { minutes: u32 },
    #[error("role {role} may not {action}")]
    #[status(403, "you may not {action}")]
    Forbidden { role: String, action: String },
    #[error("key store unavailable: {0}")]
    #[status(500)]
    KeyStore(#[from] std::io::Error),
    #[error("session store: {source}")]
    #[status(503)]
    Sessions {
        #[source]
        source: std::io::Error,
    },
}

#[test]
fn coexists_with_thiserror() {
    common::assert_response(
        &AuthError::Expired { minutes: 5 },
        401,
        &[("www-authenticate", r#"Bearer error="invalid_token""#)],
        "application/json",
        r#"{"error":"token expired 5 minutes ago"}"#,
    );
    // The httperr template wins over thiserror's Display for the public message.
    let forbidden = AuthError::Forbidden {
        role: "viewer".into(),
        action: "delete users".into(),
    };
    assert_json(&forbidden, 403, r#"{"error":"you may not delete users"}"#);
    assert_eq!(forbidden.to_string(), "role viewer may not delete users");
    let key_store = AuthError::from(std::io::Error::other("hsm offline"));
    assert_json(&key_store, 500, r#"{"error":"Internal Server Error"}"#);
    assert_eq!(key_store.to_string(), "key store unavailable: hsm offline");
    assert_eq!(key_store.source().unwrap().to_string(), "hsm offline");
    let sessions = AuthError::Sessions {
        source: std::io::Error::other("redis"),
    };
    assert_json(&sessions, 503, r#"{"error":"Service Unavailable"}"#);
}

/// Variants whose sources have the same name and type share one generated arm of
/// `Error::source`; each still returns its own.
#[derive(Debug, HttpError)]
enum StorageError {
    #[status(500)]
    Read { source: std::io::Error },
    #[status(503, "cannot write {path}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[status(502)]
    Remote {
        #[source]
        source: std::io::Error,
    },
    #[status(404)]
    Missing,
}

#[test]
fn shared_source_arms_return_each_variant_source() {
    let read = StorageError::Read {
        source: std::io::Error::other("read failed"),
    };
    let write = StorageError::Write {
        path: "/tmp/x".into(),
        source: std::io::Error::other("write failed"),
    };
    let remote = StorageError::Remote {
        source: std::io::Error::other("remote failed"),
    };
    assert_eq!(read.source().unwrap().to_string(), "read failed");
    assert_eq!(write.source().unwrap().to_string(), "write failed");
    assert_eq!(write.to_string(), "cannot write /tmp/x");
    assert_eq!(remote.source().unwrap().to_string(), "remote failed");
    assert!(StorageError::Missing.source().is_none());
}
