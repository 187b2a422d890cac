//! Five real services' error contracts, reproduced byte for byte through httperr's public API
//! and served by each service's own framework on a real server.
//!
//! Each module restates one service's error type with httperr. Its expectations are written from
//! that service's published specification and its source (the status, every header, the content
//! type and the body bytes a client of it sees today). They are not taken from httperr's output.
//! Headers are compared as a set without `date` and `content-length`, which the server writes.
//! Header order is not part of an HTTP contract.

mod support;

use std::collections::BTreeMap;
use support::TIMEOUT;
use tokio::time::timeout;

/// One response as the client sees it.
#[derive(Debug, PartialEq, Eq)]
struct Wire {
    status: u16,
    /// Lowercase names with their values, sorted, without `date` and `content-length`.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Wire {
    fn new(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Wire {
        let mut headers: Vec<_> = headers
            .iter()
            .map(|&(name, value)| (name.to_owned(), value.to_owned()))
            .collect();
        headers.sort();
        Wire {
            status,
            headers,
            body: body.to_vec(),
        }
    }
}

async fn fetch(client: &reqwest::Client, url: String) -> Wire {
    let response = timeout(TIMEOUT, client.get(&url).send())
        .await
        .unwrap_or_else(|_| panic!("GET {url} timed out"))
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status().as_u16();
    let mut headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date" && *name != "content-length")
        .map(|(name, value)| {
            let value = value.to_str().expect("visible ASCII").to_owned();
            (name.as_str().to_owned(), value)
        })
        .collect();
    headers.sort();
    let body = response.bytes().await.expect("body").to_vec();
    Wire {
        status,
        headers,
        body,
    }
}

/// `GET base/case` for every case, against its expected response.
async fn check(base: &str, cases: &[(&str, Wire)]) {
    let client = support::client();
    for (case, expected) in cases {
        let got = fetch(&client, format!("{base}/{case}")).await;
        assert_eq!(&got, expected, "{case}");
    }
}

async fn serve_axum(router: axum::Router) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let server = tokio::spawn(async move {
        axum::serve(listener, router).await.expect("serve");
    });
    (base, server)
}

fn serve_actix(routes: fn(&mut actix_web::web::ServiceConfig)) -> (actix_web::dev::Server, String) {
    let server = actix_web::HttpServer::new(move || actix_web::App::new().configure(routes))
        .workers(1)
        .disable_signals()
        .shutdown_timeout(TIMEOUT.as_secs())
        .bind(("127.0.0.1", 0))
        .expect("bind");
    let base = format!("http://{}", server.addrs()[0]);
    (server.run(), base)
}

async fn check_actix(routes: fn(&mut actix_web::web::ServiceConfig), cases: &[(&str, Wire)]) {
    let (server, base) = serve_actix(routes);
    let handle = server.handle();
    let running = actix_web::rt::spawn(server);
    check(&base, cases).await;
    handle.stop(true).await;
    running.await.expect("server task").expect("server");
}

/// launchbadge/realworld-axum-sqlx, `src/http/error.rs`, on axum. The RealWorld spec answers a
/// failed validation with 422 and `{"errors":{"body":["can't be empty"]}}`; the project answers
/// its other errors with their message as text, a 401 with `WWW-Authenticate: Token`, and its
/// two 500s with fixed sentences (the cause is only logged).
mod realworld {
    use super::*;
    use axum::Router;
    use axum::routing::get;
    use httperr::{HttpError, Shape};
    use std::borrow::Cow;

    // The mapping: 8 lines (2 shapes, 6 attributes), for the project's 42 (its `status_code`
    // and `IntoResponse` impl, non-blank non-comment lines); the `#[status]` lines replace its
    // `#[error]` lines one for one.
    const TEXT: Shape = Shape::text();
    const ERRORS: Shape = Shape::json().flatten_details();

    #[derive(Debug, HttpError, httperr::axum::IntoResponse)]
    #[http(shape = TEXT)]
    pub enum Error {
        #[status(401, "authentication required")]
        #[header(WWW_AUTHENTICATE, "Token")]
        Unauthorized,
        #[status(403, "user may not perform that action")]
        Forbidden,
        #[status(404, "request path not found")]
        NotFound,
        #[status(422, "error in the request body")]
        #[http(shape = ERRORS)]
        UnprocessableEntity {
            #[detail]
            errors: BTreeMap<Cow<'static, str>, Vec<Cow<'static, str>>>,
        },
        // `sqlx::Error` and `anyhow::Error` in the project; their text is never sent.
        #[status(500, "an error occurred with the database")]
        #[http(expose)]
        Sqlx(#[from] std::io::Error),
        #[status(500, "an internal server error occurred")]
        #[http(expose)]
        Anyhow(#[from] std::fmt::Error),
    }

    fn invalid(key: &'static str, message: &'static str) -> Error {
        let mut errors = BTreeMap::new();
        errors.insert(Cow::Borrowed(key), vec![Cow::Borrowed(message)]);
        Error::UnprocessableEntity { errors }
    }

    #[tokio::test]
    async fn realworld_contract() {
        type Answer = Result<(), Error>;
        let router = Router::new()
            .route(
                "/unauthorized",
                get(|| async { Answer::Err(Error::Unauthorized) }),
            )
            .route(
                "/forbidden",
                get(|| async { Answer::Err(Error::Forbidden) }),
            )
            .route("/not_found", get(|| async { Answer::Err(Error::NotFound) }))
            .route(
                "/empty_body",
                get(|| async { Answer::Err(invalid("body", "can't be empty")) }),
            )
            .route(
                "/taken",
                get(|| async { Answer::Err(invalid("username", "username taken")) }),
            )
            .route(
                "/sqlx",
                get(|| async {
                    Answer::Err(
                        std::io::Error::other("connection refused: db.internal:5432").into(),
                    )
                }),
            )
            .route(
                "/anyhow",
                get(|| async { Answer::Err(std::fmt::Error.into()) }),
            );
        let (base, server) = serve_axum(router).await;
        let text = ("content-type", "text/plain; charset=utf-8");
        let json = ("content-type", "application/json");
        check(
            &base,
            &[
                (
                    "unauthorized",
                    Wire::new(
                        401,
                        &[text, ("www-authenticate", "Token")],
                        b"authentication required",
                    ),
                ),
                (
                    "forbidden",
                    Wire::new(403, &[text], b"user may not perform that action"),
                ),
                (
                    "not_found",
                    Wire::new(404, &[text], b"request path not found"),
                ),
                (
                    "empty_body",
                    Wire::new(422, &[json], br#"{"errors":{"body":["can't be empty"]}}"#),
                ),
                (
                    "taken",
                    Wire::new(
                        422,
                        &[json],
                        br#"{"errors":{"username":["username taken"]}}"#,
                    ),
                ),
                (
                    "sqlx",
                    Wire::new(500, &[text], b"an error occurred with the database"),
                ),
                (
                    "anyhow",
                    Wire::new(500, &[text], b"an internal server error occurred"),
                ),
            ],
        )
        .await;
        server.abort();
    }
}

/// benwis/tower-governor 0.7, `src/errors.rs`, on axum: bare `http::Response`s, so no content
/// type at all; a 429 whose headers are the ones the limiter computed; and an `Other` error
/// whose status and message are chosen at run time.
mod tower_governor {
    use super::*;
    use axum::Router;
    use axum::routing::get;
    use http::{HeaderMap, HeaderValue, StatusCode};
    use httperr::{HttpError, Shape};

    // The mapping: 7 lines (1 shape, 6 attributes), for the project's 39 (`into_response` and
    // the axum `From`).
    const PLAIN: Shape = Shape::text().without_content_type();

    #[derive(Debug, HttpError, httperr::axum::IntoResponse)]
    #[http(shape = PLAIN)]
    pub enum GovernorError {
        #[status(429, "Too Many Requests! Wait for {wait_time}s")]
        TooManyRequests {
            wait_time: u64,
            #[headers]
            headers: Option<HeaderMap>,
        },
        #[status(500, "Unable To Extract Key!")]
        #[http(expose)]
        UnableToExtractKey,
        #[status("{}", .msg.as_deref().unwrap_or("Other Error!"))]
        #[http(expose)]
        Other {
            #[status]
            code: StatusCode,
            msg: Option<String>,
            #[headers]
            headers: Option<HeaderMap>,
        },
    }

    /// The headers the limiter builds with `.use_headers()` (`src/lib.rs`).
    fn quota(wait_time: u64) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-after", HeaderValue::from(wait_time));
        headers.insert("retry-after", HeaderValue::from(wait_time));
        headers.insert("x-ratelimit-limit", HeaderValue::from(5u32));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(0u32));
        headers
    }

    #[tokio::test]
    async fn tower_governor_contract() {
        type Answer = Result<(), GovernorError>;
        let router = Router::new()
            .route(
                "/limited",
                get(|| async {
                    Answer::Err(GovernorError::TooManyRequests {
                        wait_time: 3,
                        headers: Some(quota(3)),
                    })
                }),
            )
            .route(
                "/limited_bare",
                get(|| async {
                    Answer::Err(GovernorError::TooManyRequests {
                        wait_time: 0,
                        headers: None,
                    })
                }),
            )
            .route(
                "/no_key",
                get(|| async { Answer::Err(GovernorError::UnableToExtractKey) }),
            )
            .route(
                "/other",
                get(|| async {
                    Answer::Err(GovernorError::Other {
                        code: StatusCode::FORBIDDEN,
                        msg: None,
                        headers: None,
                    })
                }),
            )
            .route(
                "/other_message",
                get(|| async {
                    let mut headers = HeaderMap::new();
                    headers.insert("x-reason", HeaderValue::from_static("blocked"));
                    Answer::Err(GovernorError::Other {
                        code: StatusCode::SERVICE_UNAVAILABLE,
                        msg: Some("limiter offline".into()),
                        headers: Some(headers),
                    })
                }),
            );
        let (base, server) = serve_axum(router).await;
        check(
            &base,
            &[
                (
                    "limited",
                    Wire::new(
                        429,
                        &[
                            ("retry-after", "3"),
                            ("x-ratelimit-after", "3"),
                            ("x-ratelimit-limit", "5"),
                            ("x-ratelimit-remaining", "0"),
                        ],
                        b"Too Many Requests! Wait for 3s",
                    ),
                ),
                (
                    "limited_bare",
                    Wire::new(429, &[], b"Too Many Requests! Wait for 0s"),
                ),
                ("no_key", Wire::new(500, &[], b"Unable To Extract Key!")),
                ("other", Wire::new(403, &[], b"Other Error!")),
                (
                    "other_message",
                    Wire::new(503, &[("x-reason", "blocked")], b"limiter offline"),
                ),
            ],
        )
        .await;
        server.abort();
    }
}

/// kanidm, `server/core/src/https/errors.rs` over `proto/src/internal/error.rs`, on axum: the
/// body is the serde JSON of the protocol's `OperationError` (lowercased variant names) sent as
/// `text/plain; charset=utf-8`, the status a function of that variant, a 401 with
/// `WWW-Authenticate: Bearer`; the two string variants answer their text as it is.
mod kanidm {
    use super::*;
    use axum::Router;
    use axum::routing::get;
    use http::{HeaderMap, HeaderValue, StatusCode};
    use httperr::{HttpError, WriteBody};

    /// The protocol crate's error, as kanidm declares it (a subset of its variants).
    #[derive(Debug, serde::Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum OperationError {
        SessionExpired,
        NotAuthenticated,
        AccessDenied,
        NoMatchingEntries,
        EmptyRequest,
        PasswordQuality(Vec<PasswordFeedback>),
        CorruptedEntry(u64),
        Backend,
    }

    #[derive(Debug, serde::Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum PasswordFeedback {
        TooShort(u32),
        BadListed,
    }

    // The mapping: 42 lines (the status function, the body writer, 5 attributes), for the
    // project's 36-line `IntoResponse` impl: a body no shape describes is as long to write.
    fn status(error: &OperationError) -> StatusCode {
        use OperationError::*;
        match error {
            NotAuthenticated | SessionExpired => StatusCode::UNAUTHORIZED,
            AccessDenied => StatusCode::FORBIDDEN,
            NoMatchingEntries => StatusCode::NOT_FOUND,
            PasswordQuality(_) | EmptyRequest => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub struct Kanidm;

    impl WriteBody<WebError> for Kanidm {
        fn content_type(&self, _: &WebError) -> Option<HeaderValue> {
            Some(HeaderValue::from_static("text/plain; charset=utf-8"))
        }
        fn write_body(&self, error: &WebError, out: &mut Vec<u8>) {
            match error {
                WebError::OperationError(inner) => {
                    serde_json::to_writer(out, inner).expect("an enum of strings and numbers")
                }
                WebError::InternalServerError(text) | WebError::BadRequest(text) => {
                    out.extend_from_slice(text.as_bytes())
                }
            }
        }
        fn insert_headers(&self, error: &WebError, headers: &mut HeaderMap) {
            if let WebError::OperationError(
                OperationError::NotAuthenticated | OperationError::SessionExpired,
            ) = error
            {
                headers.insert(
                    http::header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer"),
                );
            }
        }
    }

    #[derive(Debug, HttpError, httperr::axum::IntoResponse)]
    #[http(body = Kanidm)]
    pub enum WebError {
        #[status(with = status)]
        OperationError(OperationError),
        #[status(500, "{0}")]
        #[http(expose)]
        InternalServerError(String),
        #[status(400, "{0}")]
        BadRequest(String),
    }

    #[tokio::test]
    async fn kanidm_contract() {
        type Answer = Result<(), WebError>;
        fn op(error: OperationError) -> Answer {
            Err(WebError::OperationError(error))
        }
        let router = Router::new()
            .route(
                "/not_authenticated",
                get(|| async { op(OperationError::NotAuthenticated) }),
            )
            .route(
                "/session_expired",
                get(|| async { op(OperationError::SessionExpired) }),
            )
            .route(
                "/access_denied",
                get(|| async { op(OperationError::AccessDenied) }),
            )
            .route(
                "/empty_request",
                get(|| async { op(OperationError::EmptyRequest) }),
            )
            .route(
                "/no_matching_entries",
                get(|| async { op(OperationError::NoMatchingEntries) }),
            )
            .route(
                "/password_quality",
                get(|| async {
                    op(OperationError::PasswordQuality(vec![
                        PasswordFeedback::TooShort(14),
                    ]))
                }),
            )
            .route(
                "/bad_listed",
                get(|| async {
                    op(OperationError::PasswordQuality(vec![
                        PasswordFeedback::BadListed,
                    ]))
                }),
            )
            .route(
                "/corrupted",
                get(|| async { op(OperationError::CorruptedEntry(5)) }),
            )
            .route("/backend", get(|| async { op(OperationError::Backend) }))
            .route(
                "/internal",
                get(|| async {
                    Answer::Err(WebError::InternalServerError("token signing failed".into()))
                }),
            )
            .route(
                "/bad_request",
                get(|| async { Answer::Err(WebError::BadRequest("invalid scope".into())) }),
            );
        let (base, server) = serve_axum(router).await;
        let text = ("content-type", "text/plain; charset=utf-8");
        let bearer = ("www-authenticate", "Bearer");
        check(
            &base,
            &[
                (
                    "not_authenticated",
                    Wire::new(401, &[text, bearer], br#""notauthenticated""#),
                ),
                (
                    "session_expired",
                    Wire::new(401, &[text, bearer], br#""sessionexpired""#),
                ),
                (
                    "access_denied",
                    Wire::new(403, &[text], br#""accessdenied""#),
                ),
                (
                    "empty_request",
                    Wire::new(400, &[text], br#""emptyrequest""#),
                ),
                (
                    "no_matching_entries",
                    Wire::new(404, &[text], br#""nomatchingentries""#),
                ),
                (
                    "password_quality",
                    Wire::new(400, &[text], br#"{"passwordquality":[{"tooshort":14}]}"#),
                ),
                (
                    "bad_listed",
                    Wire::new(400, &[text], br#"{"passwordquality":["badlisted"]}"#),
                ),
                (
                    "corrupted",
                    Wire::new(500, &[text], br#"{"corruptedentry":5}"#),
                ),
                ("backend", Wire::new(500, &[text], br#""backend""#)),
                ("internal", Wire::new(500, &[text], b"token signing failed")),
                ("bad_request", Wire::new(400, &[text], b"invalid scope")),
            ],
        )
        .await;
        server.abort();
    }
}

/// LemmyNet/lemmy, `crates/utils/src/error.rs`, on actix-web: `{"error": <code>}` with the
/// variant's payload beside it under `"message"` (serde's adjacent tagging), 401 for a wrong
/// login, 404 for a missing object, 400 for everything else, and a wrapper that carries the
/// cause and a backtrace besides the error type.
mod lemmy {
    use super::*;
    use actix_web::web;
    use httperr::{HttpError, Shape};

    // The mapping: 12 lines (1 shape, 11 attributes), for the project's 13 (its serde tagging
    // and `ResponseError` impl). The project's own tests pin the first two bodies below.
    const LEMMY: Shape = Shape::json().code("error").flatten_details();

    // Lemmy's error type is no `std::error::Error`: the blanket `From` below would collide.
    #[derive(Debug, HttpError)]
    #[http(shape = LEMMY, codes, skip(Error))]
    #[status(400)]
    pub enum LemmyErrorType {
        BlockedUrl,
        // Lemmy sends no challenge with it.
        #[status(401)]
        #[http(without_required_headers)]
        IncorrectLogin,
        #[status(404)]
        NotFound,
        PictrsResponseError {
            #[detail]
            message: String,
        },
        RegistrationDenied {
            #[detail]
            message: Denied,
        },
        Unknown {
            #[detail]
            message: String,
        },
    }

    #[derive(Debug, serde::Serialize)]
    pub struct Denied {
        reason: Option<String>,
    }

    /// The wrapper handlers return. Lemmy turns any error into it with a blanket `From`, which
    /// a derived `std::error::Error` would collide with (E0119): so `skip(Error)`.
    #[derive(Debug, HttpError, httperr::actix_web::ResponseError)]
    #[status(transparent)]
    #[http(skip(Error))]
    pub struct LemmyError {
        #[transparent]
        pub error_type: LemmyErrorType,
        #[source]
        pub inner: Box<dyn std::error::Error + Send + Sync>,
        #[allow(dead_code)] // for the logs, as in Lemmy
        pub context: std::backtrace::Backtrace,
    }

    impl<T: Into<Box<dyn std::error::Error + Send + Sync>>> From<T> for LemmyError {
        fn from(cause: T) -> Self {
            let inner = cause.into();
            LemmyError {
                error_type: LemmyErrorType::Unknown {
                    message: inner.to_string(),
                },
                inner,
                context: std::backtrace::Backtrace::disabled(),
            }
        }
    }

    impl From<LemmyErrorType> for LemmyError {
        fn from(error_type: LemmyErrorType) -> Self {
            let inner = format!("{error_type:?}").into();
            LemmyError {
                error_type,
                inner,
                context: std::backtrace::Backtrace::disabled(),
            }
        }
    }

    fn routes(config: &mut web::ServiceConfig) {
        type Answer = Result<&'static str, LemmyError>;
        config
            .route(
                "/blocked_url",
                web::get().to(|| async { Answer::Err(LemmyErrorType::BlockedUrl.into()) }),
            )
            .route(
                "/pictrs",
                web::get().to(|| async {
                    Answer::Err(
                        LemmyErrorType::PictrsResponseError {
                            message: "reason".into(),
                        }
                        .into(),
                    )
                }),
            )
            .route(
                "/login",
                web::get().to(|| async { Answer::Err(LemmyErrorType::IncorrectLogin.into()) }),
            )
            .route(
                "/not_found",
                web::get().to(|| async { Answer::Err(LemmyErrorType::NotFound.into()) }),
            )
            .route(
                "/denied",
                web::get().to(|| async {
                    Answer::Err(
                        LemmyErrorType::RegistrationDenied {
                            message: Denied { reason: None },
                        }
                        .into(),
                    )
                }),
            )
            .route(
                "/unknown",
                web::get().to(|| async {
                    Answer::Err(std::io::Error::other("pool \"main\" timed out").into())
                }),
            );
    }

    #[actix_web::test]
    async fn lemmy_contract() {
        let json = ("content-type", "application/json");
        check_actix(
            routes,
            &[
                (
                    "blocked_url",
                    Wire::new(400, &[json], br#"{"error":"blocked_url"}"#),
                ),
                (
                    "pictrs",
                    Wire::new(
                        400,
                        &[json],
                        br#"{"error":"pictrs_response_error","message":"reason"}"#,
                    ),
                ),
                (
                    "login",
                    Wire::new(401, &[json], br#"{"error":"incorrect_login"}"#),
                ),
                (
                    "not_found",
                    Wire::new(404, &[json], br#"{"error":"not_found"}"#),
                ),
                (
                    "denied",
                    Wire::new(
                        400,
                        &[json],
                        br#"{"error":"registration_denied","message":{"reason":null}}"#,
                    ),
                ),
                (
                    "unknown",
                    Wire::new(
                        400,
                        &[json],
                        br#"{"error":"unknown","message":"pool \"main\" timed out"}"#,
                    ),
                ),
            ],
        )
        .await;
    }
}

/// meilisearch, `crates/meilisearch-types/src/error.rs` and `crates/meilisearch/src/error.rs`,
/// on actix-web: `{"message", "code", "type", "link"}` in that order, the type a category of the
/// code, the link the documentation's anchor for the code, and `Retry-After: 10` on a 503.
mod meilisearch {
    use super::*;
    use actix_web::web;
    use httperr::{HttpError, Shape};

    // The mapping: 11 lines (the shape, 6 attributes), for the project's 70 (its `ResponseError`
    // struct, `from_msg`, actix impl and the code table's name, type and URL functions).
    const MEILI: Shape = Shape::json()
        .message("message")
        .code("code")
        .category("type")
        .link("link", "https://docs.meilisearch.com/errors#");

    #[derive(Debug, HttpError, httperr::actix_web::ResponseError)]
    #[http(shape = MEILI, codes, category = "invalid_request")]
    pub enum MeiliError {
        #[status(404, "Index `{0}` not found.")]
        IndexNotFound(String),
        #[status(404, "Document `{0}` not found.")]
        DocumentNotFound(String),
        #[status(
            401,
            "The Authorization header is missing. It must use the bearer authorization method."
        )]
        #[http(category = "auth", without_required_headers)]
        MissingAuthorizationHeader,
        #[status(403, "The provided API key is invalid.")]
        #[http(category = "auth")]
        InvalidApiKey,
        #[status(
            503,
            "Too many search requests running at the same time: {0}. Retry after 10s."
        )]
        #[header(RETRY_AFTER, "10")]
        #[http(category = "system", expose)]
        TooManySearchRequests(usize),
        #[status(500, "Internal error: Search limiter is down.")]
        #[http(category = "internal", code = "internal", expose)]
        SearchLimiterIsDown,
    }

    fn routes(config: &mut web::ServiceConfig) {
        type Answer = Result<&'static str, MeiliError>;
        config
            .route(
                "/index",
                web::get().to(|| async { Answer::Err(MeiliError::IndexNotFound("movies".into())) }),
            )
            .route(
                "/document",
                web::get().to(|| async { Answer::Err(MeiliError::DocumentNotFound("42".into())) }),
            )
            .route(
                "/no_auth",
                web::get().to(|| async { Answer::Err(MeiliError::MissingAuthorizationHeader) }),
            )
            .route(
                "/bad_key",
                web::get().to(|| async { Answer::Err(MeiliError::InvalidApiKey) }),
            )
            .route(
                "/busy",
                web::get().to(|| async { Answer::Err(MeiliError::TooManySearchRequests(7)) }),
            )
            .route(
                "/internal",
                web::get().to(|| async { Answer::Err(MeiliError::SearchLimiterIsDown) }),
            );
    }

    #[actix_web::test]
    async fn meilisearch_contract() {
        let json = ("content-type", "application/json");
        check_actix(
            routes,
            &[
                (
                    "index",
                    Wire::new(404, &[json], br#"{"message":"Index `movies` not found.","code":"index_not_found","type":"invalid_request","link":"https://docs.meilisearch.com/errors#index_not_found"}"#),
                ),
                (
                    "document",
                    Wire::new(404, &[json], br#"{"message":"Document `42` not found.","code":"document_not_found","type":"invalid_request","link":"https://docs.meilisearch.com/errors#document_not_found"}"#),
                ),
                (
                    "no_auth",
                    Wire::new(401, &[json], br#"{"message":"The Authorization header is missing. It must use the bearer authorization method.","code":"missing_authorization_header","type":"auth","link":"https://docs.meilisearch.com/errors#missing_authorization_header"}"#),
                ),
                (
                    "bad_key",
                    Wire::new(403, &[json], br#"{"message":"The provided API key is invalid.","code":"invalid_api_key","type":"auth","link":"https://docs.meilisearch.com/errors#invalid_api_key"}"#),
                ),
                (
                    "busy",
                    Wire::new(503, &[json, ("retry-after", "10")], br#"{"message":"Too many search requests running at the same time: 7. Retry after 10s.","code":"too_many_search_requests","type":"system","link":"https://docs.meilisearch.com/errors#too_many_search_requests"}"#),
                ),
                (
                    "internal",
                    Wire::new(500, &[json], br#"{"message":"Internal error: Search limiter is down.","code":"internal","type":"internal","link":"https://docs.meilisearch.com/errors#internal"}"#),
                ),
            ],
        )
        .await;
    }
}
