//! Bodies (SPEC §5): JSON and problem+json, codes, details, key order and compile-time bodies.

mod common;
use common::{assert_json, assert_response};
use httperr::HttpError;

#[derive(Debug, HttpError)]
#[http(codes)]
#[allow(dead_code)] // `internal_note` is for logs, never in the body
enum OrderError {
    #[status(404, "order {id} not found")]
    NotFound { id: u64 },
    #[status(409)]
    #[http(code = "order.already_paid")]
    AlreadyPaid,
    #[status(422, "order is invalid")]
    Invalid {
        #[detail]
        field: &'static str,
        #[detail]
        reasons: Vec<String>,
        internal_note: String,
    },
    #[status(500)]
    Ledger(#[from] std::io::Error),
    #[status(505)]
    HTTPVersion,
}

#[test]
fn json_with_codes() {
    assert_json(
        &OrderError::NotFound { id: 7 },
        404,
        r#"{"error":"order 7 not found","code":"not_found"}"#,
    );
    assert_json(
        &OrderError::AlreadyPaid,
        409,
        r#"{"error":"Conflict","code":"order.already_paid"}"#,
    );
    assert_json(
        &OrderError::from(std::io::Error::other("x")),
        500,
        r#"{"error":"Internal Server Error","code":"ledger"}"#,
    );
    assert_json(
        &OrderError::HTTPVersion,
        505,
        r#"{"error":"HTTP Version Not Supported","code":"http_version"}"#,
    );
    assert_eq!(OrderError::AlreadyPaid.code(), Some("order.already_paid"));
}

#[test]
fn json_details_in_field_order() {
    let invalid = OrderError::Invalid {
        field: "quantity",
        reasons: vec!["must be positive".into(), "must be \"whole\"".into()],
        internal_note: "never shown".into(),
    };
    assert_json(
        &invalid,
        422,
        r#"{"error":"order is invalid","code":"invalid","details":{"field":"quantity","reasons":["must be positive","must be \"whole\""]}}"#,
    );
}

#[derive(Debug, HttpError)]
#[http(format = "problem", type_base = "https://example.com/problems/")]
enum PaymentError {
    #[status(402, "card ending {last4} was declined")]
    CardDeclined {
        last4: String,
        #[detail]
        retryable: bool,
        #[detail]
        balance: Option<u64>,
    },
    #[status(429)]
    #[header(RETRY_AFTER, "{secs}")]
    #[http(code = "slow_down")]
    RateLimited { secs: u64 },
    #[status(500)]
    Gateway(#[from] std::io::Error),
}

#[test]
fn problem_details() {
    let declined = PaymentError::CardDeclined {
        last4: "4242".into(),
        retryable: false,
        balance: None,
    };
    assert_response(
        &declined,
        402,
        &[],
        "application/problem+json",
        r#"{"type":"https://example.com/problems/card_declined","title":"Payment Required","status":402,"detail":"card ending 4242 was declined","code":"card_declined","retryable":false,"balance":null}"#,
    );
    assert_response(
        &PaymentError::RateLimited { secs: 30 },
        429,
        &[("retry-after", "30")],
        "application/problem+json",
        r#"{"type":"https://example.com/problems/slow_down","title":"Too Many Requests","status":429,"detail":"Too Many Requests","code":"slow_down"}"#,
    );
    assert_response(
        &PaymentError::from(std::io::Error::other("tls handshake with 10.1.2.3 failed")),
        500,
        &[],
        "application/problem+json",
        r#"{"type":"https://example.com/problems/gateway","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"gateway"}"#,
    );
}

#[derive(Debug, HttpError)]
#[http(format = "problem")]
enum PlainProblem {
    #[status(404, "no such \"thing\"")]
    Missing,
    #[status(409)]
    #[http(code = "duplicate")]
    Duplicate,
}

#[test]
fn problem_without_type_base_is_about_blank() {
    assert_response(
        &PlainProblem::Missing,
        404,
        &[],
        "application/problem+json",
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no such \"thing\""}"#,
    );
    assert_response(
        &PlainProblem::Duplicate,
        409,
        &[],
        "application/problem+json",
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Conflict","code":"duplicate"}"#,
    );
}

#[derive(Debug, HttpError)]
enum Escaping {
    #[status(
        400,
        "quote \" backslash \\ tab \t newline \n bell \u{7} unicode é ☃ 𝄞 braces {{}}"
    )]
    Fixed,
    #[status(400, "value: {0}")]
    Dynamic(String),
}

#[test]
fn bodies_are_valid_json_whatever_the_message() {
    assert_json(
        &Escaping::Fixed,
        400,
        r#"{"error":"quote \" backslash \\ tab \t newline \n bell \u0007 unicode é ☃ 𝄞 braces {}"}"#,
    );
    assert_json(
        &Escaping::Dynamic("\"\\\u{0}\u{1f}\u{7f}\u{2028}é".into()),
        400,
        "{\"error\":\"value: \\\"\\\\\\u0000\\u001f\u{7f}\u{2028}é\"}",
    );
}

#[test]
fn fixed_bodies_are_static() {
    // A body computed at compile time is served from the binary: two responses share the
    // same bytes instead of each allocating a copy.
    for error in [
        OrderError::AlreadyPaid,
        OrderError::from(std::io::Error::other("x")),
        OrderError::HTTPVersion,
    ] {
        let first = error.to_response().into_body();
        let second = error.to_response().into_body();
        assert_eq!(
            first.as_ptr(),
            second.as_ptr(),
            "{error:?} body was allocated"
        );
    }
    let formatted = OrderError::NotFound { id: 1 };
    assert_ne!(
        formatted.to_response().into_body().as_ptr(),
        formatted.to_response().into_body().as_ptr()
    );
}

#[test]
fn success_helper() {
    let created = httperr::success(http::StatusCode::CREATED, "order \"7\" created");
    assert_eq!(created.status(), 201);
    assert_eq!(
        created.body().as_ref(),
        br#"{"success":"order \"7\" created"}"#
    );
    assert_eq!(created.headers()["content-type"], "application/json");
    assert_eq!(created.headers()["content-length"], "33");
    for status in [204, 205, 304] {
        let empty = httperr::success(http::StatusCode::from_u16(status).unwrap(), "done");
        assert!(empty.body().is_empty(), "{status}");
        assert!(
            empty.headers().is_empty(),
            "{status} must not send content headers"
        );
    }
}

/// Integer and string fields are written without `core::fmt`; the bytes must not change.
#[derive(Debug, HttpError)]
enum Numbers {
    #[status(400, "offset {0} out of {1}, page {2}, size {3}")]
    Offset(i64, u64, i8, usize),
    #[status(400, "{name}{{}}{id}")]
    Adjacent { name: &'static str, id: u16 },
}

#[test]
fn integers_and_strings_written_directly() {
    assert_json(
        &Numbers::Offset(i64::MIN, u64::MAX, -1, 0),
        400,
        r#"{"error":"offset -9223372036854775808 out of 18446744073709551615, page -1, size 0"}"#,
    );
    assert_json(
        &Numbers::Adjacent {
            name: "a\"b",
            id: 7,
        },
        400,
        r#"{"error":"a\"b{}7"}"#,
    );
}

/// A message of text and integers is counted before it is written, to go into a buffer of its
/// exact size: whatever the count, the body is the message.
#[test]
fn messages_of_integers_are_written_whole() {
    #[derive(Debug, httperr::HttpError)]
    enum Direct {
        #[status(400, "n=\"{0}\" m={1} u={2}")]
        Numbers(i64, u8, usize),
    }
    for n in [0, 9, 10, -1, -10, i64::MAX, i64::MIN] {
        for m in [0u8, 9, 10, 255] {
            for u in [0, 99, 100, usize::MAX] {
                let body = httperr::HttpError::to_response(&Direct::Numbers(n, m, u)).into_body();
                let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
                assert_eq!(
                    value,
                    serde_json::json!({ "error": format!("n=\"{n}\" m={m} u={u}") })
                );
            }
        }
    }
}
