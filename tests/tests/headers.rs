//! Headers (SPEC §2.2): constants and strings, fixed and formatted values, invalid values.

mod common;
use common::assert_response;
use httperr::HttpError;

#[derive(Debug, HttpError)]
enum RateLimitError {
    #[status(429, "too many requests for {client}")]
    #[header(RETRY_AFTER, "{retry_after}")]
    #[header("X-RateLimit-Limit", "{limit}")]
    #[header("x-ratelimit-remaining", "0")]
    TooMany {
        client: String,
        retry_after: u64,
        limit: u32,
    },
    #[status(401)]
    #[header(WWW_AUTHENTICATE, r#"Bearer realm="api""#)]
    #[header(http::header::WWW_AUTHENTICATE, "Basic")]
    Unauthenticated,
    #[status(405)]
    #[header(ALLOW, "{}", .allowed.join(", "))]
    MethodNotAllowed { allowed: Vec<&'static str> },
    #[status(503)]
    #[header(RETRY_AFTER, "120")]
    Maintenance,
    #[status(400)]
    #[header("x-request-id", "{0}")]
    BadRequest(String),
}

#[test]
fn templated_and_fixed_headers() {
    assert_response(
        &RateLimitError::TooMany {
            client: "acme".into(),
            retry_after: 30,
            limit: 100,
        },
        429,
        &[
            ("retry-after", "30"),
            ("x-ratelimit-limit", "100"),
            ("x-ratelimit-remaining", "0"),
        ],
        "application/json",
        r#"{"error":"too many requests for acme"}"#,
    );
    assert_response(
        &RateLimitError::Maintenance,
        503,
        &[("retry-after", "120")],
        "application/json",
        r#"{"error":"Service Unavailable"}"#,
    );
}

#[test]
fn repeated_headers_are_appended() {
    let response = RateLimitError::Unauthenticated.to_response();
    let challenges: Vec<_> = response
        .headers()
        .get_all("www-authenticate")
        .iter()
        .collect();
    assert_eq!(challenges, ["Bearer realm=\"api\"", "Basic"]);
}

#[test]
fn header_from_an_expression() {
    assert_response(
        &RateLimitError::MethodNotAllowed {
            allowed: vec!["GET", "HEAD"],
        },
        405,
        &[("allow", "GET, HEAD")],
        "application/json",
        r#"{"error":"Method Not Allowed"}"#,
    );
}

#[test]
fn invalid_runtime_values_are_left_out() {
    // CR/LF would split the response; NUL is invalid too: the header is dropped, the rest stays.
    for bad in ["abc\r\nset-cookie: stolen=1", "a\nb", "nul\0", "bell\u{7}"] {
        let error = RateLimitError::BadRequest(bad.into());
        let response = error.to_response();
        assert_eq!(response.status(), 400);
        assert!(response.headers().get("x-request-id").is_none(), "{bad:?}");
        assert!(response.headers().get("set-cookie").is_none());
        assert_eq!(response.body().as_ref(), br#"{"error":"Bad Request"}"#);
    }
    let ok = RateLimitError::BadRequest("req-123".into()).to_response();
    assert_eq!(ok.headers()["x-request-id"], "req-123");
}

#[test]
fn insert_headers_alone() {
    let mut headers = http::HeaderMap::new();
    RateLimitError::TooMany {
        client: "c".into(),
        retry_after: 5,
        limit: 10,
    }
    .insert_headers(&mut headers);
    assert_eq!(headers.len(), 3);
    assert_eq!(headers["retry-after"], "5");
}

/// Variants with the same template over fields of the same name share one generated arm; the
/// same template over a field of another type must get its own (an or-pattern would not compile).
#[derive(Debug, HttpError)]
enum SharedArms {
    #[status(429, "slow down {secs}")]
    #[header(RETRY_AFTER, "{secs}")]
    Slow { secs: u64 },
    // A hidden 5xx sends a header that reads a field only when the variant says it may.
    #[status(503, "slow down {secs}")]
    #[header(RETRY_AFTER, "{secs}")]
    #[http(expose_headers)]
    Busy { secs: u64 },
    #[status(429, "slow down {secs}")]
    #[header(RETRY_AFTER, "{secs}")]
    Named { secs: String },
    #[status(429, "slow down {secs}")]
    #[header(RETRY_AFTER, "{secs}")]
    Wide { secs: u32 },
}

#[test]
fn arms_shared_across_variants_keep_each_variant_value() {
    assert_response(
        &SharedArms::Slow { secs: 7 },
        429,
        &[("retry-after", "7")],
        "application/json",
        r#"{"error":"slow down 7"}"#,
    );
    assert_response(
        &SharedArms::Busy { secs: 9 },
        503,
        &[("retry-after", "9")],
        "application/json",
        r#"{"error":"Service Unavailable"}"#,
    );
    assert_response(
        &SharedArms::Named {
            secs: "soon \"ish\"".into(),
        },
        429,
        &[("retry-after", "soon \"ish\"")],
        "application/json",
        r#"{"error":"slow down soon \"ish\""}"#,
    );
    assert_response(
        &SharedArms::Wide { secs: u32::MAX },
        429,
        &[("retry-after", "4294967295")],
        "application/json",
        r#"{"error":"slow down 4294967295"}"#,
    );
}

/// Headers the error carries in a field (tower-governor's `headers: Option<HeaderMap>`).
#[derive(Debug, HttpError)]
enum Governed {
    #[status(429, "slow down")]
    #[header(RETRY_AFTER, "{wait}")]
    #[header("x-source", "variant")]
    Limited {
        wait: u64,
        #[headers]
        quota: Option<http::HeaderMap>,
    },
    #[status(503)]
    #[http(expose_headers)] // a hidden 5xx sends a field's headers only where it says so
    Busy(#[headers] http::HeaderMap),
}

fn map(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in pairs {
        map.append(*name, http::HeaderValue::from_static(value));
    }
    map
}

#[test]
fn a_headers_field_goes_in_after_the_variants_own() {
    let quota = map(&[
        ("x-ratelimit-limit", "100"),
        ("x-ratelimit-remaining", "0"),
        ("x-source", "field"),
        ("vary", "accept"),
        ("vary", "origin"),
        // Framing and hop-by-hop headers never come from the error.
        ("content-type", "text/html"),
        ("content-length", "7"),
        ("transfer-encoding", "chunked"),
        ("connection", "close"),
    ]);
    let error = Governed::Limited {
        wait: 30,
        quota: Some(quota),
    };
    let response = error.to_response();
    let headers = response.headers();
    let all = |name: &str| -> Vec<&str> {
        headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect()
    };
    assert_eq!(all("retry-after"), ["30"]);
    assert_eq!(all("x-ratelimit-limit"), ["100"]);
    assert_eq!(all("x-ratelimit-remaining"), ["0"]);
    assert_eq!(
        all("x-source"),
        ["field"],
        "the field's value replaces the variant's"
    );
    assert_eq!(
        all("vary"),
        ["accept", "origin"],
        "every value of a name is kept"
    );
    assert_eq!(all("content-type"), ["application/json"]);
    assert_eq!(all("content-length"), ["21"]);
    assert!(headers.get("transfer-encoding").is_none());
    assert!(headers.get("connection").is_none());
    assert_eq!(headers.len(), 8);
    assert_eq!(response.body().as_ref(), br#"{"error":"slow down"}"#);

    // `None`: the variant's own headers only.
    let response = Governed::Limited {
        wait: 5,
        quota: None,
    }
    .to_response();
    assert_eq!(response.headers()["retry-after"], "5");
    assert_eq!(response.headers()["x-source"], "variant");
    assert_eq!(response.headers().len(), 4);

    // A hidden 5xx that exposes its headers: the field's go out, the body stays the title.
    let response = Governed::Busy(map(&[("retry-after", "120")])).to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "120");
    assert_eq!(
        response.body().as_ref(),
        br#"{"error":"Service Unavailable"}"#
    );
}
