//! The real-server checks every framework test runs: each case of the sample API requested
//! over TCP with a real HTTP client, and the whole response compared with literal expectations.
#![allow(dead_code)] // each framework test uses a subset

pub mod serve;

use std::time::Duration;

/// Every wait in a server test is bounded by this.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The HTTP client of every server test: every request bounded by [`TIMEOUT`].
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("client")
}

/// `GET url` with `client`, within [`TIMEOUT`]: the status and the body's text.
pub async fn get(client: &reqwest::Client, url: String) -> (u16, String) {
    let response = tokio::time::timeout(TIMEOUT, client.get(&url).send())
        .await
        .unwrap_or_else(|_| panic!("GET {url} timed out"))
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// What `GET /errors/{case}` must answer.
pub struct Expected {
    pub case: &'static str,
    pub status: u16,
    pub content_type: &'static str,
    pub headers: &'static [(&'static str, &'static str)],
    pub body: &'static str,
}

pub const EXPECTED: &[Expected] = &[
    Expected {
        case: "user-not-found",
        status: 404,
        content_type: "application/json",
        headers: &[],
        body: r#"{"error":"Not Found"}"#,
    },
    Expected {
        case: "email-taken",
        status: 409,
        content_type: "application/json",
        headers: &[],
        body: r#"{"error":"email \"ada\"\\lovelace\u0001@example.com ☃ is already registered"}"#,
    },
    Expected {
        case: "rate-limited",
        status: 429,
        content_type: "application/json",
        headers: &[("retry-after", "30")],
        body: r#"{"error":"slow down"}"#,
    },
    Expected {
        case: "unauthorized",
        status: 401,
        content_type: "application/json",
        headers: &[("www-authenticate", r#"Bearer realm="api""#)],
        body: r#"{"error":"Unauthorized"}"#,
    },
    Expected {
        case: "method-not-allowed",
        status: 405,
        content_type: "application/json",
        headers: &[("allow", "GET, HEAD")],
        body: r#"{"error":"Method Not Allowed"}"#,
    },
    Expected {
        case: "storage",
        status: 500,
        content_type: "application/json",
        headers: &[],
        body: r#"{"error":"Internal Server Error"}"#,
    },
    Expected {
        case: "order-cancelled",
        status: 410,
        content_type: "application/json",
        headers: &[],
        body: r#"{"error":"order 7 was cancelled","code":"cancelled"}"#,
    },
    Expected {
        case: "payment",
        status: 402,
        content_type: "application/problem+json",
        headers: &[],
        body: r#"{"type":"https://example.com/problems/card_declined","title":"Payment Required","status":402,"detail":"card ending 4242 was declined","code":"card_declined","retryable":false}"#,
    },
];

/// Requests every case and `/users/{id}` from the server at `base` (`http://127.0.0.1:PORT`)
/// and asserts status, content type, the error's own headers, content-length and exact body.
pub async fn check_sample_api(base: &str) {
    let client = client();
    for expected in EXPECTED {
        let url = format!("{base}/errors/{}", expected.case);
        let response = client
            .get(&url)
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {url}: {e}"));
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("body");
        let body = std::str::from_utf8(&body).expect("UTF-8 body");
        assert_eq!(status, expected.status, "{}: status", expected.case);
        assert_eq!(body, expected.body, "{}: body", expected.case);
        assert_eq!(
            headers["content-type"], expected.content_type,
            "{}: content-type",
            expected.case
        );
        assert_eq!(
            headers["content-length"],
            body.len().to_string().as_str(),
            "{}: content-length",
            expected.case
        );
        for (name, value) in expected.headers {
            assert_eq!(
                headers.get(*name).map(|v| v.to_str().unwrap()),
                Some(*value),
                "{}: header {name}",
                expected.case
            );
        }
        for own in ["retry-after", "www-authenticate", "allow"] {
            if !expected.headers.iter().any(|(name, _)| *name == own) {
                assert!(
                    headers.get(own).is_none(),
                    "{}: unexpected {own}",
                    expected.case
                );
            }
        }
        assert_no_secret(expected.case, &headers, body.as_bytes());
        // The framework path and `to_response()` agree byte for byte.
        let direct = httperr::HttpError::to_response(&httperr_examples::error_case(expected.case));
        assert_eq!(
            direct.body().as_ref(),
            body.as_bytes(),
            "{}: differs from to_response()",
            expected.case
        );
    }

    let ok = client
        .get(format!("{base}/users/1"))
        .send()
        .await
        .expect("GET /users/1");
    assert_eq!(ok.status().as_u16(), 200);
    assert_eq!(
        ok.text().await.unwrap(),
        r#"{"id":1,"email":"ada@example.com"}"#
    );
    let missing = client
        .get(format!("{base}/users/99"))
        .send()
        .await
        .expect("GET /users/99");
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(missing.text().await.unwrap(), r#"{"error":"Not Found"}"#);
    let failing = client
        .get(format!("{base}/users/2"))
        .send()
        .await
        .expect("GET /users/2");
    assert_eq!(failing.status().as_u16(), 500);
    let headers = failing.headers().clone();
    let body = failing.bytes().await.expect("body");
    assert_eq!(body.as_ref(), br#"{"error":"Internal Server Error"}"#);
    assert_no_secret("/users/2", &headers, &body);
}

/// What the sample API's hidden 5xx errors carry in their `source()` (the `storage` case's
/// `postgres://admin:hunter2@10.0.0.5`, `/users/2`'s `disk /dev/sda1 failed`) and their
/// `Display`: none of it may reach the client, in any header name, header value or body byte.
const SECRETS: &[&str] = &["hunter2", "postgres", "10.0.0.5", "sda1", "disk"];

/// Asserts that no header and no body byte of a response carries any of [`SECRETS`].
pub fn assert_no_secret(case: &str, headers: &reqwest::header::HeaderMap, body: &[u8]) {
    let found = |bytes: &[u8]| {
        SECRETS
            .iter()
            .find(|secret| bytes.windows(secret.len()).any(|w| w == secret.as_bytes()))
    };
    if let Some(secret) = found(body) {
        panic!(
            "{case}: the body leaks {secret:?}: {:?}",
            String::from_utf8_lossy(body)
        );
    }
    for (name, value) in headers {
        for bytes in [name.as_str().as_bytes(), value.as_bytes()] {
            if let Some(secret) = found(bytes) {
                panic!("{case}: header {name}: {value:?} leaks {secret:?}");
            }
        }
    }
}

/// A `Display` that writes part of its text, then fails.
#[derive(Debug)]
pub struct Failing;

impl std::fmt::Display for Failing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("half-a-val")?;
        Err(std::fmt::Error)
    }
}

/// A `Display` that panics, with a secret in its message.
#[derive(Debug)]
pub struct Panicking;

impl std::fmt::Display for Panicking {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        panic!("password=hunter2")
    }
}

/// Errors whose own code misbehaves: the response must still be sent, whole.
#[derive(
    Debug,
    httperr::HttpError,
    httperr::axum::IntoResponse,
    httperr::actix_web::ResponseError,
    httperr::poem::ResponseError,
    httperr::rocket::Responder,
    httperr::warp::Reply,
    httperr::salvo::Scribe,
)]
pub enum Broken {
    /// Written through `Serialize`, where a failing `Display` made serde_json panic.
    #[status(422, "could not use {value}")]
    Detailed {
        value: Failing,
        #[detail]
        n: u32,
    },
    /// A hidden 5xx whose `Display` (formatted only for the log) panics.
    #[status(500, "internal {0}")]
    HiddenPanics(Panicking),
}

/// A [`Broken`] case: (path, the error, the status and body it must answer with).
pub type BrokenCase = (&'static str, fn() -> Broken, u16, &'static str);

/// Every [`Broken`] case.
pub fn broken_cases() -> [BrokenCase; 2] {
    [
        (
            "/broken/detailed",
            || Broken::Detailed {
                value: Failing,
                n: 1,
            },
            422,
            r#"{"error":"Unprocessable Content","details":{"n":1}}"#,
        ),
        (
            "/broken/hidden-panics",
            || Broken::HiddenPanics(Panicking),
            500,
            r#"{"error":"Internal Server Error"}"#,
        ),
    ]
}

/// Requests every [`broken_cases`] path from `base` and checks the whole answer.
pub async fn check_broken(base: &str) {
    let client = client();
    for (path, _, status, expected) in broken_cases() {
        let response = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: no response: {e}"));
        assert_eq!(response.status().as_u16(), status, "{path}: status");
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("body");
        assert_eq!(
            std::str::from_utf8(&body).expect("UTF-8"),
            expected,
            "{path}: body"
        );
        assert_eq!(
            headers["content-length"],
            body.len().to_string().as_str(),
            "{path}: content-length"
        );
        assert_no_secret(path, &headers, &body);
    }
}

/// Where frameworks differ in what their own errors can say.
pub struct OwnErrors {
    /// The `Allow` header of `PUT /users`: the methods the router knows for `/users`, or
    /// `None` where the router does not know them (the 405 then goes without it).
    pub allow: Option<&'static str>,
    /// The message of `GET /users/abc`: with the parameter's name where the framework knows it.
    pub bad_path: &'static str,
    /// The message of `POST /users` with `{"email": 42}`: with the member's path where the
    /// framework's JSON extractor reports it.
    pub mistyped: &'static str,
}

/// The messages of a framework that knows parameter names and JSON paths.
pub const NAMED: OwnErrors = OwnErrors {
    allow: Some("POST"),
    bad_path: "invalid path: `id` has the wrong type",
    mistyped: "invalid JSON body: `email` has the wrong type (line 1, column 12)",
};

/// The body format an app configured its httperr hooks with.
#[derive(Clone, Copy)]
pub enum Format {
    Json,
    /// Problem details with `"type":"about:blank"`.
    Problem,
}

/// The body a rejection must have, built here by hand from its parts (the oracle: not the
/// runtime's writer). Messages of these cases need no JSON escaping.
fn expected_body(format: Format, status: u16, message: &str) -> String {
    let title = match status {
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        500 => "Internal Server Error",
        _ => unreachable!("no such case"),
    };
    match format {
        Format::Json => format!(r#"{{"error":"{message}"}}"#),
        Format::Problem => format!(
            r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{message}"}}"#
        ),
    }
}

/// One case of [`check_own_errors`]: its name, the request's method, path, content type and
/// body, and the status and message it must answer with.
type OwnCase = (
    &'static str,
    reqwest::Method,
    &'static str,
    Option<&'static str>,
    String,
    u16,
    &'static str,
);

/// Checks that everything the framework answers itself, on the way to a handler or instead of
/// one, answers in the application's shape: an unknown route, a wrong method, a path parameter
/// that does not parse, JSON bodies that are malformed, mistyped, not JSON or too large, and a
/// handler panic, after which the server still serves. Then that a valid `POST /users` gets its
/// 201. `base` is `http://127.0.0.1:PORT` of a server of the sample API.
pub async fn check_own_errors(base: &str, own: &OwnErrors, format: Format) {
    let client = client();
    let json = "application/json";
    let big = format!(r#"{{"email":"{}"}}"#, "a".repeat(100 * 1024));
    let cases: [OwnCase; 8] = [
        (
            "unknown route",
            reqwest::Method::GET,
            "/nope",
            None,
            String::new(),
            404,
            "Not Found",
        ),
        (
            "wrong method",
            reqwest::Method::PUT,
            "/users",
            None,
            String::new(),
            405,
            "Method Not Allowed",
        ),
        (
            "bad path",
            reqwest::Method::GET,
            "/users/abc",
            None,
            String::new(),
            400,
            own.bad_path,
        ),
        (
            "malformed JSON",
            reqwest::Method::POST,
            "/users",
            Some(json),
            r#"{"email":"#.to_owned(),
            400,
            "invalid JSON body: it ends early (line 1, column 9)",
        ),
        (
            "mistyped JSON",
            reqwest::Method::POST,
            "/users",
            Some(json),
            r#"{"email": 42}"#.to_owned(),
            422,
            own.mistyped,
        ),
        (
            "not JSON",
            reqwest::Method::POST,
            "/users",
            Some("text/plain"),
            r#"{"email":"ada@example.com"}"#.to_owned(),
            415,
            "expected a JSON body (content-type: application/json)",
        ),
        (
            "too large",
            reqwest::Method::POST,
            "/users",
            Some(json),
            big,
            413,
            "the request body is too large",
        ),
        (
            "panic",
            reqwest::Method::GET,
            "/panic",
            None,
            String::new(),
            500,
            "Internal Server Error",
        ),
    ];
    let content_type = match format {
        Format::Json => "application/json",
        Format::Problem => "application/problem+json",
    };
    for (case, method, path, body_type, body, status, message) in cases {
        let mut request = client.request(method.clone(), format!("{base}{path}"));
        if let Some(body_type) = body_type {
            request = request.header("content-type", body_type).body(body);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{case}: {method} {path}: {e}"));
        let got_status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(got_status, status, "{case}: status (body {text:?})");
        assert_eq!(text, expected_body(format, status, message), "{case}: body");
        assert_eq!(
            headers["content-type"], content_type,
            "{case}: content-type"
        );
        assert_eq!(
            headers["content-length"],
            bytes.len().to_string().as_str(),
            "{case}: content-length"
        );
        let allow = headers
            .get("allow")
            .map(|v| v.to_str().expect("ASCII Allow"));
        if status == 405 {
            assert_eq!(allow, own.allow, "{case}: Allow");
        } else {
            assert_eq!(allow, None, "{case}: no Allow");
        }
        assert_no_secret(case, &headers, &bytes);
    }

    // The panic did not take the server down.
    let after = client
        .get(format!("{base}/users/1"))
        .send()
        .await
        .expect("GET /users/1 after the panic");
    assert_eq!(
        after.status().as_u16(),
        200,
        "the server serves after a panic"
    );

    let created = client
        .post(format!("{base}/users"))
        .header("content-type", json)
        .body(r#"{"email":"new@example.com"}"#)
        .send()
        .await
        .expect("POST /users");
    assert_eq!(created.status().as_u16(), 201, "POST /users");
    assert_eq!(
        created.text().await.expect("body"),
        r#"{"id":3,"email":"new@example.com"}"#
    );
}
