//! Declared body shapes on real servers: error types in a `Shape` (a Meilisearch-like JSON
//! object, a bare text body, a variant's own shape), a `WriteBody` of the user's own, and the
//! framework's own errors answering in the application's shape through `BodyFormat::Shaped`,
//! each served by axum and by actix-web over TCP and requested with a real HTTP client.
//!
//! The oracle is the literal bytes written out below; `to_response()` is a second check that
//! the framework path sends what the type itself builds.

mod support;

use std::collections::BTreeMap;

use actix_web::{App, web};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode};
use httperr::actix_web::Rejections;
use httperr::axum::RouterExt as _;
use httperr::{BodyFormat, HttpError, Rejection, Shape, WriteBody};
use support::TIMEOUT;
use support::serve::{AxumServer, Received, actix_server, check_against, send, while_serving};
use tokio::time::timeout;

// ---------------------------------------------------------------------------------------------
// The error types
// ---------------------------------------------------------------------------------------------

/// Meilisearch's error bodies: `{"message", "code", "type", "link"}`.
const API: Shape = Shape::json()
    .message("message")
    .code("code")
    .category("type")
    .link("link", "https://docs.example.com/errors#");

#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(shape = API, codes, category = "invalid_request")]
enum IndexError {
    /// A fixed message, with characters to escape: its body is computed at compile time.
    #[status(404, "no document with that \"id\" exists")]
    DocumentNotFound,
    /// A templated message, written at run time.
    #[status(404, "index `{0}` not found")]
    IndexNotFound(String),
    /// A hidden 5xx with a fixed header and a category of its own.
    #[status(503, "the search queue is full")]
    #[header(RETRY_AFTER, "10")]
    #[http(category = "system")]
    TooManySearchRequests,
    /// A hidden 500: neither the template nor the source reaches the client.
    #[status(500, "storage failed: {0}")]
    #[http(category = "internal")]
    Storage(#[from] std::io::Error),
}

/// What the hidden variants hold or say: none of it may be on the wire.
const INDEX_SECRETS: &[&str] = &["hunter2", "sda1", "failed", "queue"];

/// A bare text body, without any `content-type`.
const BARE: Shape = Shape::text().without_content_type();

#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(shape = BARE)]
enum LimitError {
    #[status(429, "too many requests from \"{key}\", retry later")]
    TooMany {
        key: String,
        #[headers]
        quota: Option<HeaderMap>,
    },
}

fn quota() -> HeaderMap {
    let mut quota = HeaderMap::new();
    quota.insert("x-ratelimit-after", HeaderValue::from_static("30"));
    quota.insert("retry-after", HeaderValue::from_static("30"));
    quota
}

/// Every kind of member, for bodies written through serde (`#[detail]` fields) and fixed ones.
const FULL: Shape = Shape::json()
    .status("status")
    .title("title")
    .message("message")
    .code("code")
    .category("kind")
    .link("docs", "https://docs.example.com/quota#")
    .member("service", "search")
    .details("details");

#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(shape = FULL, codes, category = "quota")]
enum QuotaError {
    #[status(429, "quota of {limit} exceeded for \"{tenant}\"")]
    Exceeded {
        #[detail]
        limit: u32,
        #[detail]
        tenant: String,
    },
    #[status(402)]
    #[http(code = "billing.required")]
    PaymentRequired,
}

/// Problem details as a shape, with a category extension member.
const PROBLEM: Shape = Shape::problem()
    .type_base("https://example.com/probs/")
    .category("category");

#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(shape = PROBLEM, codes)]
enum BillingError {
    #[status(402, "your balance is {balance}")]
    #[http(category = "billing")]
    OutOfCredit {
        #[detail]
        balance: i64,
    },
    /// Hidden, and without a category: the member is left out.
    #[status(500, "ledger {0} is corrupt")]
    Ledger(&'static str),
}

const TEXT: Shape = Shape::text();
/// The `#[detail]` fields as the body's own members.
const ERRORS: Shape = Shape::json().flatten_details();

#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(shape = TEXT)]
enum FormError {
    #[status(403, "user may not perform that action")]
    Forbidden,
    /// This variant's own shape replaces the type's text one.
    #[status(422)]
    #[http(shape = ERRORS)]
    Invalid {
        #[detail]
        errors: BTreeMap<String, Vec<String>>,
    },
}

fn field_errors(members: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    members
        .iter()
        .map(|(key, list)| {
            (
                (*key).to_owned(),
                list.iter().map(|s| (*s).to_owned()).collect(),
            )
        })
        .collect()
}

/// Why a request was refused, sent as its serde JSON.
#[derive(Debug, serde::Serialize)]
enum Reason {
    TokenExpired,
    MissingScopes(Vec<&'static str>),
}

/// A writer of the user's own: the reason's serde JSON as `text/plain`, and a `Bearer`
/// challenge with a 401.
struct ReasonAsText;

impl WriteBody<AuthError> for ReasonAsText {
    fn content_type(&self, _: &AuthError) -> Option<HeaderValue> {
        Some(HeaderValue::from_static("text/plain; charset=utf-8"))
    }

    fn write_body(&self, error: &AuthError, out: &mut Vec<u8>) {
        let (AuthError::Unauthorized(reason) | AuthError::Forbidden(reason)) = error;
        serde_json::to_writer(out, reason).expect("a Vec takes any bytes");
    }

    fn insert_headers(&self, error: &AuthError, headers: &mut HeaderMap) {
        if let AuthError::Unauthorized(_) = error {
            headers.insert("www-authenticate", HeaderValue::from_static("Bearer"));
        }
        // Neither may reach the wire: `content-type` is always `content_type()`'s, and
        // hop-by-hop headers are dropped.
        headers.insert("content-type", HeaderValue::from_static("application/evil"));
        headers.insert("connection", HeaderValue::from_static("close"));
    }
}

#[derive(
    Debug, httperr::HttpError, httperr::axum::IntoResponse, httperr::actix_web::ResponseError,
)]
#[http(body = ReasonAsText, skip(Serialize))]
enum AuthError {
    /// The writer adds the challenge RFC 9110 requires.
    #[status(401)]
    #[header(CACHE_CONTROL, "no-store")]
    #[http(without_required_headers)]
    Unauthorized(Reason),
    #[status(403)]
    Forbidden(Reason),
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
    "/meili/document-not-found" => IndexError::DocumentNotFound;
    "/meili/index-not-found" => IndexError::IndexNotFound("mo\"vies\n\\☃\u{1}".to_owned());
    "/meili/too-many-search-requests" => IndexError::TooManySearchRequests;
    "/meili/storage" => IndexError::from(std::io::Error::other("password=hunter2 on /dev/sda1"));
    "/text/limited" => LimitError::TooMany { key: r"ada\lovelace".to_owned(), quota: Some(quota()) };
    "/text/limited-quietly" => LimitError::TooMany { key: "grace".to_owned(), quota: None };
    "/full/exceeded" => QuotaError::Exceeded { limit: 20, tenant: "ac\"me".to_owned() };
    "/full/payment-required" => QuotaError::PaymentRequired;
    "/problem/out-of-credit" => BillingError::OutOfCredit { balance: -30 };
    "/problem/ledger" => BillingError::Ledger("hunter2");
    "/override/forbidden" => FormError::Forbidden;
    "/override/invalid" => FormError::Invalid {
        errors: field_errors(&[("body", &["can't be empty"])]),
    };
    "/override/invalid-many" => FormError::Invalid {
        errors: field_errors(&[
            ("title", &["can't be blank", "is \"too\" long"]),
            ("body", &[]),
        ]),
    };
    "/custom/unauthorized" => AuthError::Unauthorized(Reason::TokenExpired);
    "/custom/forbidden" => AuthError::Forbidden(Reason::MissingScopes(vec!["indexes.read", "say \"please\""]));
}

/// What `GET path` must answer, written out by hand.
struct Expected {
    path: &'static str,
    status: u16,
    /// `None`: the response has no `content-type` at all.
    content_type: Option<&'static str>,
    /// Headers that must be there, with these values (each the name's only value).
    headers: &'static [(&'static str, &'static str)],
    /// Headers that must not be there.
    absent: &'static [&'static str],
    body: &'static str,
    /// Text that must be in no header and no body byte.
    secrets: &'static [&'static str],
}

/// The headers a case does not expect unless it says so.
const OWN_HEADERS: &[&str] = &[
    "retry-after",
    "x-ratelimit-after",
    "www-authenticate",
    "cache-control",
    "allow",
];

const JSON: Option<&str> = Some("application/json");
const PLAIN: Option<&str> = Some("text/plain; charset=utf-8");

const EXPECTED: &[Expected] = &[
    Expected {
        path: "/meili/document-not-found",
        status: 404,
        content_type: JSON,
        headers: &[],
        absent: &[],
        body: r##"{"message":"no document with that \"id\" exists","code":"document_not_found","type":"invalid_request","link":"https://docs.example.com/errors#document_not_found"}"##,
        secrets: &[],
    },
    Expected {
        path: "/meili/index-not-found",
        status: 404,
        content_type: JSON,
        headers: &[],
        absent: &[],
        body: r##"{"message":"index `mo\"vies\n\\☃\u0001` not found","code":"index_not_found","type":"invalid_request","link":"https://docs.example.com/errors#index_not_found"}"##,
        secrets: &[],
    },
    Expected {
        path: "/meili/too-many-search-requests",
        status: 503,
        content_type: JSON,
        headers: &[("retry-after", "10")],
        absent: &[],
        body: r##"{"message":"Service Unavailable","code":"too_many_search_requests","type":"system","link":"https://docs.example.com/errors#too_many_search_requests"}"##,
        secrets: INDEX_SECRETS,
    },
    Expected {
        path: "/meili/storage",
        status: 500,
        content_type: JSON,
        headers: &[],
        absent: &[],
        body: r##"{"message":"Internal Server Error","code":"storage","type":"internal","link":"https://docs.example.com/errors#storage"}"##,
        secrets: INDEX_SECRETS,
    },
    Expected {
        path: "/text/limited",
        status: 429,
        content_type: None,
        headers: &[("x-ratelimit-after", "30"), ("retry-after", "30")],
        absent: &[],
        body: r#"too many requests from "ada\lovelace", retry later"#,
        secrets: &[],
    },
    Expected {
        path: "/text/limited-quietly",
        status: 429,
        content_type: None,
        headers: &[],
        absent: &[],
        body: r#"too many requests from "grace", retry later"#,
        secrets: &[],
    },
    Expected {
        path: "/full/exceeded",
        status: 429,
        content_type: JSON,
        headers: &[],
        absent: &[],
        body: r##"{"status":429,"title":"Too Many Requests","message":"quota of 20 exceeded for \"ac\"me\"","code":"exceeded","kind":"quota","docs":"https://docs.example.com/quota#exceeded","service":"search","details":{"limit":20,"tenant":"ac\"me"}}"##,
        secrets: &[],
    },
    Expected {
        path: "/full/payment-required",
        status: 402,
        content_type: JSON,
        headers: &[],
        absent: &[],
        body: r##"{"status":402,"title":"Payment Required","message":"Payment Required","code":"billing.required","kind":"quota","docs":"https://docs.example.com/quota#billing.required","service":"search"}"##,
        secrets: &[],
    },
    Expected {
        path: "/problem/out-of-credit",
        status: 402,
        content_type: Some("application/problem+json"),
        headers: &[],
        absent: &[],
        body: r#"{"type":"https://example.com/probs/out_of_credit","title":"Payment Required","status":402,"detail":"your balance is -30","code":"out_of_credit","balance":-30,"category":"billing"}"#,
        secrets: &[],
    },
    Expected {
        path: "/problem/ledger",
        status: 500,
        content_type: Some("application/problem+json"),
        headers: &[],
        absent: &[],
        body: r#"{"type":"https://example.com/probs/ledger","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"ledger"}"#,
        secrets: &["hunter2", "corrupt"],
    },
    Expected {
        path: "/override/forbidden",
        status: 403,
        content_type: PLAIN,
        headers: &[],
        absent: &[],
        body: "user may not perform that action",
        secrets: &[],
    },
    Expected {
        path: "/override/invalid",
        status: 422,
        content_type: JSON,
        headers: &[],
        absent: &[],
        body: r#"{"errors":{"body":["can't be empty"]}}"#,
        secrets: &[],
    },
    Expected {
        path: "/override/invalid-many",
        status: 422,
        content_type: JSON,
        headers: &[],
        absent: &[],
        body: r#"{"errors":{"body":[],"title":["can't be blank","is \"too\" long"]}}"#,
        secrets: &[],
    },
    Expected {
        path: "/custom/unauthorized",
        status: 401,
        content_type: PLAIN,
        headers: &[
            ("www-authenticate", "Bearer"),
            ("cache-control", "no-store"),
        ],
        absent: &["connection"],
        body: r#""TokenExpired""#,
        secrets: &["evil"],
    },
    Expected {
        path: "/custom/forbidden",
        status: 403,
        content_type: PLAIN,
        headers: &[],
        absent: &["connection"],
        body: r#"{"MissingScopes":["indexes.read","say \"please\""]}"#,
        secrets: &["evil"],
    },
];

/// The one value of `name`, as text; `None` when absent (a repeated name fails).
fn single<'a>(headers: &'a reqwest::header::HeaderMap, name: &str, what: &str) -> Option<&'a str> {
    let mut values = headers.get_all(name).iter();
    let value = values.next()?;
    assert!(
        values.next().is_none(),
        "{what}: {name} sent more than once"
    );
    Some(value.to_str().expect("a visible ASCII header value"))
}

/// The checks every response gets: status, content type (or none), `content-length`, the
/// exact body, and no secret anywhere.
fn check_received(
    what: &str,
    got: &Received,
    status: u16,
    content_type: Option<&str>,
    body: &str,
    secrets: &[&str],
) {
    let text = String::from_utf8_lossy(&got.body);
    assert_eq!(got.status, status, "{what}: status (body {text:?})");
    // Readable first, then exact (a lossy decoding could hide a stray byte).
    assert_eq!(text, body, "{what}: body");
    assert_eq!(got.body.as_ref(), body.as_bytes(), "{what}: body bytes");
    assert_eq!(
        single(&got.headers, "content-type", what),
        content_type,
        "{what}: content-type"
    );
    assert_eq!(
        single(&got.headers, "content-length", what),
        Some(body.len().to_string().as_str()),
        "{what}: content-length"
    );
    support::assert_no_secret(what, &got.headers, &got.body);
    for secret in secrets {
        let leaks = |bytes: &[u8]| {
            bytes
                .windows(secret.len())
                .any(|window| window == secret.as_bytes())
        };
        assert!(!leaks(&got.body), "{what}: the body leaks {secret:?}");
        for (name, value) in &got.headers {
            assert!(
                !leaks(name.as_str().as_bytes()) && !leaks(value.as_bytes()),
                "{what}: header {name}: {value:?} leaks {secret:?}"
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
        check_received(
            what,
            &got,
            expected.status,
            expected.content_type,
            expected.body,
            expected.secrets,
        );
        for (name, value) in expected.headers {
            assert_eq!(
                single(&got.headers, name, what),
                Some(*value),
                "{what}: header {name}"
            );
        }
        for name in expected.absent {
            assert!(
                got.headers.get(*name).is_none(),
                "{what}: unexpected {name}: {:?}",
                got.headers[*name]
            );
        }
        for own in OWN_HEADERS {
            if !expected.headers.iter().any(|(name, _)| name == own) {
                assert!(
                    got.headers.get(*own).is_none(),
                    "{what}: unexpected {own}: {:?}",
                    got.headers[*own]
                );
            }
        }
        check_against(what, &got, &direct(what));
    }
}

// ---------------------------------------------------------------------------------------------
// The framework's own errors in the application's shape
// ---------------------------------------------------------------------------------------------

/// The Meilisearch-like shape for what the framework answers itself; a `Rejection` has no
/// code, so its bodies go without `code` and `link`.
const SHAPED: BodyFormat = BodyFormat::Shaped {
    shape: &API,
    category: Some("invalid_request"),
};

/// The bare text shape for the same: the message alone, no `content-type`.
const SHAPED_BARE: BodyFormat = BodyFormat::Shaped {
    shape: &BARE,
    category: None,
};

#[derive(Debug, serde::Deserialize)]
struct Search {
    q: String,
}

/// `GET /indexes` answers `[]`, `POST /search` takes a JSON `Search`.
const MALFORMED: &str = r#"{"q":"#;
const MISTYPED: &str = r#"{"q": 1}"#;

/// Where the frameworks differ in what they know about their own errors.
struct Own {
    /// The `Allow` of `DELETE /indexes`.
    allow: &'static str,
    /// The member's path axum's JSON extractor reports (actix-web's does not).
    member: Option<&'static str>,
    /// The body of the mistyped `POST /search`.
    mistyped: &'static str,
}

const AXUM: Own = Own {
    allow: "GET,HEAD",
    member: Some("q"),
    mistyped: r#"{"message":"invalid JSON body: `q` has the wrong type (line 1, column 7)","type":"invalid_request"}"#,
};

const ACTIX: Own = Own {
    allow: "GET",
    member: None,
    mistyped: r#"{"message":"invalid JSON body: a value has the wrong type (line 1, column 7)","type":"invalid_request"}"#,
};

/// An unknown route, a wrong method and JSON bodies that do not parse or do not match, from
/// the server at `base` whose hooks answer in [`SHAPED`]; then a request that succeeds.
async fn check_own_errors(base: &str, own: &Own) {
    let client = support::client();
    let json = |body: &'static str| {
        client
            .post(format!("{base}/search"))
            .header("content-type", "application/json")
            .body(body)
    };
    let shaped = |rejection: Rejection| rejection.with_format(SHAPED).to_response();
    let parse_error = |body: &str| serde_json::from_str::<Search>(body).unwrap_err();
    let cases = [
        (
            "unknown route",
            client.get(format!("{base}/nope")),
            404,
            r#"{"message":"Not Found","type":"invalid_request"}"#,
            None,
            shaped(Rejection::not_found()),
        ),
        (
            "wrong method",
            client.delete(format!("{base}/indexes")),
            405,
            r#"{"message":"Method Not Allowed","type":"invalid_request"}"#,
            Some(own.allow),
            shaped(Rejection::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "Method Not Allowed",
            )),
        ),
        (
            "malformed JSON",
            json(MALFORMED),
            400,
            r#"{"message":"invalid JSON body: it ends early (line 1, column 5)","type":"invalid_request"}"#,
            None,
            shaped(Rejection::json(&parse_error(MALFORMED), None)),
        ),
        (
            "mistyped JSON",
            json(MISTYPED),
            422,
            own.mistyped,
            None,
            shaped(Rejection::json(&parse_error(MISTYPED), own.member)),
        ),
    ];
    for (what, request, status, body, allow, direct) in cases {
        let got = send(request, what).await;
        check_received(what, &got, status, JSON, body, &[]);
        assert_eq!(single(&got.headers, "allow", what), allow, "{what}: Allow");
        // The framework adds `Allow`; the rest is the rejection's own response.
        assert_eq!(got.status, direct.status().as_u16(), "{what}: status");
        assert_eq!(
            got.body.as_ref(),
            direct.body().as_ref(),
            "{what}: body differs from to_response()"
        );
        assert_eq!(
            got.headers.get("content-type").map(|v| v.as_bytes()),
            direct.headers().get("content-type").map(|v| v.as_bytes()),
            "{what}: content-type differs from to_response()"
        );
    }

    let got = send(client.get(format!("{base}/indexes")), "GET /indexes").await;
    assert_eq!((got.status, got.body.as_ref()), (200, &b"[]"[..]));
    let got = send(json(r#"{"q":"ada"}"#), "POST /search").await;
    assert_eq!((got.status, got.body.as_ref()), (200, &b"ada"[..]));
}

/// The unknown route of a server whose hooks answer in [`SHAPED_BARE`]: the message alone,
/// with no `content-type`.
async fn check_bare_not_found(base: &str) {
    let client = support::client();
    let what = "unknown route, bare text";
    let got = send(client.get(format!("{base}/nope")), what).await;
    check_received(what, &got, 404, None, "Not Found", &[]);
    let direct = Rejection::not_found()
        .with_format(SHAPED_BARE)
        .to_response();
    check_against(what, &got, &direct);
}

// ---------------------------------------------------------------------------------------------
// axum
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn axum_errors_answer_in_their_shapes() {
    let server = AxumServer::start(axum_routes()).await;
    timeout(TIMEOUT, check_errors(&server.base))
        .await
        .expect("the check timed out");
    server.stop().await;
}

fn axum_own_routes() -> axum::Router {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/indexes", get(|| async { "[]" }))
        .route(
            "/search",
            post(
                |httperr::axum::Json(search): httperr::axum::Json<Search>| async move { search.q },
            ),
        )
}

#[tokio::test]
async fn axum_own_errors_answer_in_the_shape() {
    let server = AxumServer::start(axum_own_routes().with_rejections(SHAPED)).await;
    timeout(TIMEOUT, check_own_errors(&server.base, &AXUM))
        .await
        .expect("the check timed out");
    server.stop().await;
}

#[tokio::test]
async fn axum_own_errors_answer_in_a_bare_text_shape() {
    let server = AxumServer::start(axum_own_routes().with_rejections(SHAPED_BARE)).await;
    timeout(TIMEOUT, check_bare_not_found(&server.base))
        .await
        .expect("the check timed out");
    server.stop().await;
}

// ---------------------------------------------------------------------------------------------
// actix-web
// ---------------------------------------------------------------------------------------------

#[actix_web::test]
async fn actix_web_errors_answer_in_their_shapes() {
    let (server, base) = actix_server(|| App::new().configure(actix_routes));
    while_serving(server, check_errors(&base)).await;
}

fn actix_own_routes(config: &mut web::ServiceConfig) {
    // Resources, not `route`s: `ServiceConfig::route` moves the method guard onto the
    // resource, so a wrong method would match no resource and be a 404.
    config
        .service(web::resource("/indexes").get(|| async { "[]" }))
        .service(
            web::resource("/search")
                .post(|web::Json(search): web::Json<Search>| async move { search.q }),
        );
}

#[actix_web::test]
async fn actix_web_own_errors_answer_in_the_shape() {
    let (server, base) = actix_server(|| {
        App::new()
            .wrap(Rejections::default().with_format(SHAPED))
            .configure(actix_own_routes)
    });
    while_serving(server, check_own_errors(&base, &ACTIX)).await;
}

#[actix_web::test]
async fn actix_web_own_errors_answer_in_a_bare_text_shape() {
    let (server, base) = actix_server(|| {
        App::new()
            .wrap(Rejections::default().with_format(SHAPED_BARE))
            .configure(actix_own_routes)
    });
    while_serving(server, check_bare_not_found(&base)).await;
}
