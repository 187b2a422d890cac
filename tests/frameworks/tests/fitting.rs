//! Fitting an existing API, on real servers: a status chosen at run time (a `#[status]` field of
//! either type, `#[status(with = path)]`, invalid statuses, `#[http(expose)]`), a code chosen at
//! run time (`#[code]`, `#[http(code = path)]`), a wrapper with more fields than the error it
//! forwards to (`#[transparent]`), headers the error holds (`#[headers]`), and types that keep
//! impls of their own (`#[http(skip(...))]`), each served by axum and by actix-web over TCP and
//! requested with a real HTTP client.
//!
//! The oracle is the literal bytes written out below; `to_response()` is a second check that
//! the framework path sends what the type itself builds.

mod support;

use std::error::Error as _;

use actix_web::{App, web};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode};
use httperr::HttpError;
use support::TIMEOUT;
use support::serve::{AxumServer, Received, actix_server, check_against, send, while_serving};
use tokio::time::timeout;

// ---------------------------------------------------------------------------------------------
// The error types
// ---------------------------------------------------------------------------------------------

/// The statuses chosen from data, reached by a path (as `with = path::to_fn` is written).
mod status_of {
    use http::StatusCode;

    /// From a wrapped foreign error, on which no `impl HttpError` could be written.
    pub fn io(error: &std::io::Error) -> StatusCode {
        match error.kind() {
            std::io::ErrorKind::NotFound => StatusCode::NOT_FOUND,
            std::io::ErrorKind::PermissionDenied => StatusCode::FORBIDDEN,
            _ => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A `u16`, for a unit variant (called with no argument).
    pub fn busy() -> u16 {
        429
    }
}

/// Statuses passed on from an upstream service, or chosen from a wrapped error.
#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
enum UpstreamError {
    /// A `StatusCode` field.
    #[status("upstream refused: {reason}")]
    Refused {
        #[status]
        status: StatusCode,
        reason: String,
    },
    /// A `u16` field, with a fixed header of the variant's own.
    #[status("quota of {tenant} exceeded")]
    #[header(CACHE_CONTROL, "no-store")]
    Quota {
        #[status]
        status: u16,
        tenant: String,
    },
    /// The status from the io error's kind; a 4xx shows the template, a 5xx hides it.
    #[status(with = status_of::io, "storage failed: {0}")]
    Io(#[source] std::io::Error),
    /// A `u16` from a function of no argument.
    #[status(with = status_of::busy)]
    Busy,
    /// A 5xx that shows its message.
    #[status("upstream said: {said}")]
    #[http(expose)]
    Exposed {
        #[status]
        status: u16,
        said: String,
    },
    /// Headers the error holds, on a status that may be a 5xx: they need `expose_headers`.
    #[status("throttled")]
    #[http(expose_headers)]
    Throttled {
        #[status]
        status: u16,
        #[headers]
        extra: HeaderMap,
    },
    /// The same without `expose`: a 5xx says its reason phrase.
    #[status("upstream said: {said}")]
    Hidden {
        #[status]
        status: u16,
        said: String,
    },
}

/// A run-time status in problem details: `status` and `title` follow it.
#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(format = "problem")]
enum ProblemUpstream {
    #[status("upstream refused: {reason}")]
    Refused {
        #[status]
        status: u16,
        reason: String,
    },
}

/// Codes chosen from data, reached by a path.
mod code_of {
    /// `None` (no code at all) for the kinds that have none.
    pub fn io(error: &std::io::Error) -> Option<&'static str> {
        match error.kind() {
            std::io::ErrorKind::NotFound => Some("file_not_found"),
            std::io::ErrorKind::StorageFull => Some("no_space_left_on_device"),
            _ => None,
        }
    }

    pub fn tier(tier: &u8) -> &'static str {
        if *tier == 0 { "free_tier" } else { "paid_tier" }
    }
}

/// Codes chosen at run time beside the snake_case names `codes` gives the other variants.
#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(codes)]
enum CodedError {
    /// A code the service received from upstream and passes on.
    #[status(400, "upstream refused: {reason}")]
    Upstream {
        #[code]
        code: String,
        reason: String,
    },
    /// A code that may be absent.
    #[status(409)]
    Maybe(#[code] Option<String>),
    #[status(422, "storage failed")]
    #[http(code = code_of::io)]
    Io(std::io::Error),
    #[status(402)]
    #[http(code = code_of::tier)]
    Tier(u8),
    /// Beside them, the name `codes` gives.
    #[status(404)]
    Missing,
}

/// The error a wrapper forwards to: a header from a field and a detail.
#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(codes)]
enum IndexError {
    #[status(429, "index {index} is busy")]
    #[header(RETRY_AFTER, "{wait}")]
    Busy {
        index: String,
        wait: u64,
        #[detail]
        queued: u32,
    },
    /// A hidden 5xx: the wrapper hides it as the inner error does.
    #[status(500, "index {0} is corrupt")]
    Corrupt(String),
}

/// A wrapper that keeps more than the error: a name for the logs and the cause.
#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
enum ApiError {
    #[status(transparent)]
    Index {
        #[allow(dead_code)] // for the logs
        index_name: String,
        #[transparent]
        error: IndexError,
        #[source]
        cause: std::io::Error,
    },
}

/// What the wrapper's other fields hold: none of it may be on the wire.
const WRAPPER_SECRETS: &[&str] = &["tenant-42-private", "hunter2", "no such file"];

fn wrapped(error: IndexError) -> ApiError {
    ApiError::Index {
        index_name: "tenant-42-private".to_owned(),
        error,
        cause: std::io::Error::other("no such file: password=hunter2"),
    }
}

/// Headers the error only knows when it is made.
#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
enum LimitError {
    #[status(429, "slow down")]
    #[header(RETRY_AFTER, "{wait}")]
    #[header("x-ratelimit-limit", "100")]
    #[header(CACHE_CONTROL, "no-store")]
    Limited {
        wait: u64,
        #[headers]
        extra: HeaderMap,
    },
    #[status(403, "region blocked")]
    #[header("x-region", "eu")]
    Blocked {
        #[headers]
        extra: Option<HeaderMap>,
    },
}

/// Replaces `retry-after` and `cache-control` (with two values) of the variant, adds a
/// repeated `vary`, and tries framing, hop-by-hop and content headers, none of which may win.
fn limit_headers() -> HeaderMap {
    let mut map = HeaderMap::new();
    map.insert("retry-after", HeaderValue::from_static("60"));
    map.append("cache-control", HeaderValue::from_static("private"));
    map.append("cache-control", HeaderValue::from_static("max-age=0"));
    map.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
    map.append("vary", HeaderValue::from_static("authorization"));
    map.append("vary", HeaderValue::from_static("accept"));
    map.insert("connection", HeaderValue::from_static("close"));
    map.insert("keep-alive", HeaderValue::from_static("timeout=1"));
    map.insert("transfer-encoding", HeaderValue::from_static("chunked"));
    map.insert("te", HeaderValue::from_static("trailers"));
    map.insert("trailer", HeaderValue::from_static("x-checksum"));
    map.insert("proxy-connection", HeaderValue::from_static("keep-alive"));
    map.insert("content-type", HeaderValue::from_static("text/html"));
    map.insert("content-length", HeaderValue::from_static("9999"));
    map
}

fn throttle_headers() -> HeaderMap {
    let mut map = HeaderMap::new();
    map.insert("x-throttle", HeaderValue::from_static("global"));
    map.insert("connection", HeaderValue::from_static("close"));
    map
}

fn region_headers() -> HeaderMap {
    let mut map = HeaderMap::new();
    map.insert("x-region", HeaderValue::from_static("us"));
    map.insert("content-type", HeaderValue::from_static("text/plain"));
    map.insert("connection", HeaderValue::from_static("close"));
    map
}

/// A type with its own `Display` and `Serialize`: neither is what the wire shows.
#[derive(
    Debug,
    httperr::HttpError,
    httperr::axum::IntoResponse,
    httperr::actix_web::ResponseError,
    serde::Serialize,
)]
#[http(skip(Display, Serialize))]
#[serde(tag = "kind")]
enum OwnImpls {
    #[status(404, "user {id} not found")]
    NotFound { id: u64 },
    #[status(422, "invalid {field}")]
    Invalid {
        #[detail]
        field: String,
        #[serde(rename = "why")]
        reason: String,
    },
    #[status(500, "database {dsn} is down")]
    Down { dsn: String },
}

impl std::fmt::Display for OwnImpls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("our own text")
    }
}

/// Lemmy's pattern: a blanket `From` for anything that converts to a boxed error, which a
/// derived `std::error::Error` would collide with (E0119).
#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(skip(Error))]
enum AppError {
    #[status(400, "bad input: {0}")]
    BadInput(String),
    #[status(500, "internal: {message}")]
    Internal {
        message: String,
        #[source]
        cause: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl<T: Into<Box<dyn std::error::Error + Send + Sync>>> From<T> for AppError {
    fn from(cause: T) -> Self {
        let cause = cause.into();
        AppError::Internal {
            message: cause.to_string(),
            cause,
        }
    }
}

/// `?` goes through the blanket `From`.
fn parse_tenant(text: &str) -> Result<u32, AppError> {
    if text.is_empty() {
        return Err(AppError::BadInput("the tenant is empty".to_owned()));
    }
    Ok(text.parse::<u32>()?)
}

fn read_secret() -> Result<String, AppError> {
    let read: std::io::Result<String> = Err(std::io::Error::other("password=hunter2 on /dev/sda1"));
    Ok(read?)
}

// ---------------------------------------------------------------------------------------------
// The routes: each path answers with one error, on both frameworks
// ---------------------------------------------------------------------------------------------

/// For each `path => error`: the axum router and the actix-web routes where `GET path`
/// returns `Err(error)` from its handler, and `direct(path)`, the error's `to_response()`.
macro_rules! served {
    ($($path:literal => $make:expr;)*) => {
        const PATHS: &[&str] = &[$($path),*];

        fn axum_routes() -> axum::Router {
            axum::Router::new()
                $(.route($path, axum::routing::get(|| async { Err::<(), _>($make) })))*
        }

        fn actix_routes(config: &mut web::ServiceConfig) {
            $(config.route($path, web::get().to(|| async { Err::<String, _>($make) }));)*
        }

        fn direct(path: &str) -> http::Response<Bytes> {
            match path {
                $($path => HttpError::to_response(&$make),)*
                other => panic!("no route {other}"),
            }
        }
    };
}

served! {
    "/status/field-403" => UpstreamError::Refused {
        status: StatusCode::FORBIDDEN,
        reason: "token \"revoked\"".to_owned(),
    };
    "/status/field-ok" => UpstreamError::Refused {
        status: StatusCode::OK,
        reason: "password=hunter2".to_owned(),
    };
    "/status/u16-429" => UpstreamError::Quota { status: 429, tenant: "acme".to_owned() };
    "/status/u16-200" => UpstreamError::Quota { status: 200, tenant: "hunter2".to_owned() };
    "/status/u16-600" => UpstreamError::Quota { status: 600, tenant: "hunter2".to_owned() };
    "/status/u16-1000" => UpstreamError::Quota { status: 1000, tenant: "hunter2".to_owned() };
    "/status/with-not-found" => UpstreamError::Io(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        "films.db",
    ));
    "/status/with-forbidden" => UpstreamError::Io(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        "/srv/films",
    ));
    "/status/with-unavailable" => UpstreamError::Io(std::io::Error::other(
        "password=hunter2 on /dev/sda1",
    ));
    "/status/with-u16" => UpstreamError::Busy;
    "/status/exposed-502" => UpstreamError::Exposed {
        status: 502,
        said: "maintenance until 12:00".to_owned(),
    };
    "/status/exposed-200" => UpstreamError::Exposed { status: 200, said: "hunter2".to_owned() };
    "/status/exposed-1000" => UpstreamError::Exposed { status: 1000, said: "hunter2".to_owned() };
    "/status/throttled-429" => UpstreamError::Throttled { status: 429, extra: throttle_headers() };
    "/status/throttled-503" => UpstreamError::Throttled { status: 503, extra: throttle_headers() };
    "/status/hidden-502" => UpstreamError::Hidden { status: 502, said: "hunter2".to_owned() };
    "/status/hidden-404" => UpstreamError::Hidden { status: 404, said: "no such key".to_owned() };
    "/status/problem-403" => ProblemUpstream::Refused { status: 403, reason: "banned".to_owned() };
    "/status/problem-200" => ProblemUpstream::Refused { status: 200, reason: "hunter2".to_owned() };
    "/code/field" => CodedError::Upstream {
        code: "quota_exceeded".to_owned(),
        reason: "too many".to_owned(),
    };
    "/code/optional-some" => CodedError::Maybe(Some("stale".to_owned()));
    "/code/optional-none" => CodedError::Maybe(None);
    "/code/fn-some" => CodedError::Io(std::io::Error::from(std::io::ErrorKind::StorageFull));
    "/code/fn-none" => CodedError::Io(std::io::Error::other("password=hunter2"));
    "/code/fn-str" => CodedError::Tier(0);
    "/code/static" => CodedError::Missing;
    "/wrapper/busy" => wrapped(IndexError::Busy { index: "films".to_owned(), wait: 30, queued: 3 });
    "/wrapper/corrupt" => wrapped(IndexError::Corrupt("hunter2".to_owned()));
    "/headers/limited" => LimitError::Limited { wait: 30, extra: limit_headers() };
    "/headers/limited-empty" => LimitError::Limited { wait: 30, extra: HeaderMap::new() };
    "/headers/blocked-some" => LimitError::Blocked { extra: Some(region_headers()) };
    "/headers/blocked-none" => LimitError::Blocked { extra: None };
    "/skip/own-not-found" => OwnImpls::NotFound { id: 7 };
    "/skip/own-invalid" => OwnImpls::Invalid {
        field: "name".to_owned(),
        reason: "too long".to_owned(),
    };
    "/skip/own-down" => OwnImpls::Down { dsn: "postgres://admin:hunter2@10.0.0.5".to_owned() };
    "/skip/error-bad-input" => parse_tenant("").unwrap_err();
    "/skip/error-parse" => parse_tenant("hunter2").unwrap_err();
    "/skip/error-io" => read_secret().unwrap_err();
}

/// What `GET path` must answer, written out by hand.
struct Expected {
    path: &'static str,
    status: u16,
    content_type: &'static str,
    /// Headers that must be there, each with all its values, in order.
    headers: &'static [(&'static str, &'static [&'static str])],
    body: &'static str,
    /// Text that must be in no header and no body byte.
    secrets: &'static [&'static str],
}

/// The headers a case does not expect unless it says so: the errors' own, and the hop-by-hop
/// ones a `#[headers]` map tries to send.
const OWN_HEADERS: &[&str] = &[
    "retry-after",
    "cache-control",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "vary",
    "x-region",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "proxy-connection",
    "x-throttle",
];

const JSON: &str = "application/json";
const PROBLEM: &str = "application/problem+json";
const INTERNAL: &str = r#"{"error":"Internal Server Error"}"#;

/// What an invalid run-time status's fields hold.
const INVALID_SECRETS: &[&str] = &["hunter2", "quota", "upstream", "refused"];

const EXPECTED: &[Expected] = &[
    // 1. Run-time status.
    Expected {
        path: "/status/field-403",
        status: 403,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"upstream refused: token \"revoked\""}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/field-ok",
        status: 500,
        content_type: JSON,
        headers: &[],
        body: INTERNAL,
        secrets: INVALID_SECRETS,
    },
    Expected {
        path: "/status/u16-429",
        status: 429,
        content_type: JSON,
        headers: &[("cache-control", &["no-store"])],
        body: r#"{"error":"quota of acme exceeded"}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/u16-200",
        status: 500,
        content_type: JSON,
        headers: &[("cache-control", &["no-store"])],
        body: INTERNAL,
        secrets: INVALID_SECRETS,
    },
    Expected {
        path: "/status/u16-600",
        status: 500,
        content_type: JSON,
        headers: &[("cache-control", &["no-store"])],
        body: INTERNAL,
        secrets: INVALID_SECRETS,
    },
    Expected {
        path: "/status/u16-1000",
        status: 500,
        content_type: JSON,
        headers: &[("cache-control", &["no-store"])],
        body: INTERNAL,
        secrets: INVALID_SECRETS,
    },
    Expected {
        path: "/status/with-not-found",
        status: 404,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"storage failed: films.db"}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/with-forbidden",
        status: 403,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"storage failed: /srv/films"}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/with-unavailable",
        status: 503,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Service Unavailable"}"#,
        secrets: &["hunter2", "storage"],
    },
    Expected {
        path: "/status/with-u16",
        status: 429,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Too Many Requests"}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/exposed-502",
        status: 502,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"upstream said: maintenance until 12:00"}"#,
        secrets: &[],
    },
    // `expose` shows a 5xx's message, not an invalid status's.
    Expected {
        path: "/status/exposed-200",
        status: 500,
        content_type: JSON,
        headers: &[],
        body: INTERNAL,
        secrets: INVALID_SECRETS,
    },
    Expected {
        path: "/status/exposed-1000",
        status: 500,
        content_type: JSON,
        headers: &[],
        body: INTERNAL,
        secrets: INVALID_SECRETS,
    },
    Expected {
        path: "/status/throttled-429",
        status: 429,
        content_type: JSON,
        headers: &[("x-throttle", &["global"])],
        body: r#"{"error":"throttled"}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/throttled-503",
        status: 503,
        content_type: JSON,
        headers: &[("x-throttle", &["global"])],
        body: r#"{"error":"Service Unavailable"}"#,
        secrets: &["throttled"],
    },
    Expected {
        path: "/status/hidden-502",
        status: 502,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Bad Gateway"}"#,
        secrets: &["hunter2", "upstream"],
    },
    Expected {
        path: "/status/hidden-404",
        status: 404,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"upstream said: no such key"}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/problem-403",
        status: 403,
        content_type: PROBLEM,
        headers: &[],
        body: r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"upstream refused: banned"}"#,
        secrets: &[],
    },
    Expected {
        path: "/status/problem-200",
        status: 500,
        content_type: PROBLEM,
        headers: &[],
        body: r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}"#,
        secrets: INVALID_SECRETS,
    },
    // 2. Run-time codes.
    Expected {
        path: "/code/field",
        status: 400,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"upstream refused: too many","code":"quota_exceeded"}"#,
        secrets: &[],
    },
    Expected {
        path: "/code/optional-some",
        status: 409,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Conflict","code":"stale"}"#,
        secrets: &[],
    },
    Expected {
        path: "/code/optional-none",
        status: 409,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Conflict"}"#,
        secrets: &["maybe"],
    },
    Expected {
        path: "/code/fn-some",
        status: 422,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"storage failed","code":"no_space_left_on_device"}"#,
        secrets: &[],
    },
    Expected {
        path: "/code/fn-none",
        status: 422,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"storage failed"}"#,
        secrets: &["hunter2", "\"io\""],
    },
    Expected {
        path: "/code/fn-str",
        status: 402,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Payment Required","code":"free_tier"}"#,
        secrets: &[],
    },
    Expected {
        path: "/code/static",
        status: 404,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Not Found","code":"missing"}"#,
        secrets: &[],
    },
    // 3. A wrapper with more fields than the error it forwards to.
    Expected {
        path: "/wrapper/busy",
        status: 429,
        content_type: JSON,
        headers: &[("retry-after", &["30"])],
        body: r#"{"error":"index films is busy","code":"busy","details":{"queued":3}}"#,
        secrets: WRAPPER_SECRETS,
    },
    Expected {
        path: "/wrapper/corrupt",
        status: 500,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"Internal Server Error","code":"corrupt"}"#,
        secrets: WRAPPER_SECRETS,
    },
    // 4. Headers the error holds.
    Expected {
        path: "/headers/limited",
        status: 429,
        content_type: JSON,
        headers: &[
            ("retry-after", &["60"]),
            ("x-ratelimit-limit", &["100"]),
            ("cache-control", &["private", "max-age=0"]),
            ("x-ratelimit-remaining", &["0"]),
            ("vary", &["authorization", "accept"]),
        ],
        body: r#"{"error":"slow down"}"#,
        secrets: &[
            "text/html",
            "9999",
            "chunked",
            "timeout=1",
            "trailers",
            "x-checksum",
        ],
    },
    Expected {
        path: "/headers/limited-empty",
        status: 429,
        content_type: JSON,
        headers: &[
            ("retry-after", &["30"]),
            ("x-ratelimit-limit", &["100"]),
            ("cache-control", &["no-store"]),
        ],
        body: r#"{"error":"slow down"}"#,
        secrets: &[],
    },
    Expected {
        path: "/headers/blocked-some",
        status: 403,
        content_type: JSON,
        headers: &[("x-region", &["us"])],
        body: r#"{"error":"region blocked"}"#,
        secrets: &["text/plain"],
    },
    Expected {
        path: "/headers/blocked-none",
        status: 403,
        content_type: JSON,
        headers: &[("x-region", &["eu"])],
        body: r#"{"error":"region blocked"}"#,
        secrets: &[],
    },
    // 5. Impls of the type's own: the body is still httperr's.
    Expected {
        path: "/skip/own-not-found",
        status: 404,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"user 7 not found"}"#,
        secrets: &["kind", "NotFound", "our own text"],
    },
    Expected {
        path: "/skip/own-invalid",
        status: 422,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"invalid name","details":{"field":"name"}}"#,
        secrets: &["kind", "Invalid", "why", "too long", "our own text"],
    },
    Expected {
        path: "/skip/own-down",
        status: 500,
        content_type: JSON,
        headers: &[],
        body: INTERNAL,
        secrets: &["kind", "Down", "dsn", "database", "our own text"],
    },
    Expected {
        path: "/skip/error-bad-input",
        status: 400,
        content_type: JSON,
        headers: &[],
        body: r#"{"error":"bad input: the tenant is empty"}"#,
        secrets: &[],
    },
    Expected {
        path: "/skip/error-parse",
        status: 500,
        content_type: JSON,
        headers: &[],
        body: INTERNAL,
        secrets: &["invalid digit", "internal:"],
    },
    Expected {
        path: "/skip/error-io",
        status: 500,
        content_type: JSON,
        headers: &[],
        body: INTERNAL,
        secrets: &["internal:"],
    },
];

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

/// Every value of `name`, as text, in the order received.
fn all<'a>(headers: &'a reqwest::header::HeaderMap, name: &str) -> Vec<&'a str> {
    headers
        .get_all(name)
        .iter()
        .map(|value| value.to_str().expect("a visible ASCII header value"))
        .collect()
}

/// Whether `haystack` holds `needle`.
fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// The checks every response gets: status, exactly one content type, exactly one
/// `content-length` equal to the body's length, the exact body, and no secret anywhere.
fn check_received(what: &str, got: &Received, expected: &Expected) {
    let text = String::from_utf8_lossy(&got.body);
    assert_eq!(
        got.status, expected.status,
        "{what}: status (body {text:?})"
    );
    // Readable first, then exact (a lossy decoding could hide a stray byte).
    assert_eq!(text, expected.body, "{what}: body");
    assert_eq!(
        got.body.as_ref(),
        expected.body.as_bytes(),
        "{what}: body bytes"
    );
    assert_eq!(
        all(&got.headers, "content-type"),
        [expected.content_type],
        "{what}: content-type"
    );
    assert_eq!(
        all(&got.headers, "content-length"),
        [got.body.len().to_string().as_str()],
        "{what}: content-length"
    );
    support::assert_no_secret(what, &got.headers, &got.body);
    for secret in expected.secrets {
        assert!(
            !contains(&got.body, secret),
            "{what}: the body leaks {secret:?}"
        );
        for (name, value) in &got.headers {
            assert!(
                !contains(name.as_str().as_bytes(), secret) && !contains(value.as_bytes(), secret),
                "{what}: header {name}: {value:?} leaks {secret:?}"
            );
        }
    }
    for (name, values) in expected.headers {
        assert_eq!(all(&got.headers, name), *values, "{what}: header {name}");
    }
    for name in OWN_HEADERS {
        if !expected
            .headers
            .iter()
            .any(|(expected, _)| expected == name)
        {
            assert_eq!(
                all(&got.headers, name),
                Vec::<&str>::new(),
                "{what}: unexpected {name}"
            );
        }
    }
}

/// Requests every [`EXPECTED`] path from the server at `base` and checks the whole answer.
async fn check_errors(base: &str) {
    let mut paths: Vec<&str> = EXPECTED.iter().map(|e| e.path).collect();
    paths.sort_unstable();
    let mut served = PATHS.to_vec();
    served.sort_unstable();
    assert_eq!(paths, served, "every served path has its expectation");

    let client = support::client();
    for expected in EXPECTED {
        let what = expected.path;
        let got = send(client.get(format!("{base}{what}")), what).await;
        check_received(what, &got, expected);
        check_against(what, &got, &direct(what));
    }
}

// ---------------------------------------------------------------------------------------------
// Off the wire: what the other fields and the type's own impls are for
// ---------------------------------------------------------------------------------------------

/// actix-web asks for the status on its own (its logger does): it agrees with the response.
#[test]
fn actix_web_status_code_follows_the_run_time_status() {
    use actix_web::ResponseError as _;
    for (status, expected) in [(429, 429), (502, 502), (200, 500), (600, 500), (1000, 500)] {
        let error = UpstreamError::Quota {
            status,
            tenant: "acme".to_owned(),
        };
        assert_eq!(error.status_code().as_u16(), expected, "{status}");
        assert_eq!(
            error.error_response().status().as_u16(),
            expected,
            "{status}"
        );
    }
}

#[test]
fn the_other_fields_serve_display_and_source() {
    let error = wrapped(IndexError::Busy {
        index: "films".to_owned(),
        wait: 30,
        queued: 3,
    });
    assert_eq!(error.to_string(), "index films is busy");
    assert_eq!(
        error.source().expect("the cause").to_string(),
        "no such file: password=hunter2"
    );
    assert_eq!(error.code(), Some("busy"));
}

#[test]
fn own_impls_stay_the_types_own() {
    let error = OwnImpls::NotFound { id: 7 };
    assert_eq!(error.to_string(), "our own text");
    assert_eq!(error.message(), "user 7 not found");
    assert_eq!(
        serde_json::to_string(&error).expect("serializable"),
        r#"{"kind":"NotFound","id":7}"#
    );
    let invalid = OwnImpls::Invalid {
        field: "name".to_owned(),
        reason: "too long".to_owned(),
    };
    assert_eq!(
        serde_json::to_string(&invalid).expect("serializable"),
        r#"{"kind":"Invalid","field":"name","why":"too long"}"#
    );
    // Not a `std::error::Error` (the blanket `From` depends on it), yet its source is logged.
    let AppError::Internal { cause, .. } = parse_tenant("x").unwrap_err() else {
        panic!("a parse error is internal");
    };
    assert_eq!(cause.to_string(), "invalid digit found in string");
}

// ---------------------------------------------------------------------------------------------
// axum
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn axum_fits_an_existing_api() {
    let server = AxumServer::start(axum_routes()).await;
    timeout(TIMEOUT, check_errors(&server.base))
        .await
        .expect("the check timed out");
    server.stop().await;
}

// ---------------------------------------------------------------------------------------------
// actix-web
// ---------------------------------------------------------------------------------------------

#[actix_web::test]
async fn actix_web_fits_an_existing_api() {
    let (server, base) = actix_server(|| App::new().configure(actix_routes));
    while_serving(server, check_errors(&base)).await;
}
