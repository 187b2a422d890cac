//! Property tests of the response writer: arbitrary strings in derived errors' fields.
//!
//! Whatever the fields hold, the body is exactly the JSON object the test builds from the same
//! inputs (members in the spec's order, strings escaped as serde_json escapes them), the
//! derived `Serialize` impl gives the same members, a 5xx never leaks its internals, and the
//! response never carries a broken header.
//!
//! Cases per property: 1. JSON bodies 3000, 2. problem bodies 3000, 3. 5xx redaction 2000,
//! 4. header templates 4000, 5. `success` 2000. Each case checks every variant listed.

mod common;

use http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderValue, Response, StatusCode};
use httperr::HttpError;
use proptest::prelude::*;
use serde_json::{Value, json};

// ------------------------------------------------------------------ the derived types

/// Sign-up errors, JSON format, with machine-readable codes.
#[derive(Debug, HttpError)]
#[http(codes)]
enum SignupError {
    #[status(409, "email {0} is already registered")]
    EmailTaken(String),
    #[status(409, "email {email} is already registered")]
    EmailInUse {
        email: String,
        #[allow(dead_code)] // not in the message: only `Debug` reads it
        existing_user: u64,
    },
    #[status(422, "display name {name:?} is not allowed")]
    BadDisplayName { name: String },
}

/// Order errors as RFC 9457 problem details.
#[derive(Debug, HttpError)]
#[http(format = "problem", type_base = "https://example.com/problems/")]
enum OrderError {
    #[status(409, "order {order_id} cannot be cancelled: {reason}")]
    NotCancellable { order_id: u64, reason: String },
    #[status(422, "coupon {0} is not valid")]
    InvalidCoupon(String),
    #[status(409, "sku {sku} is out of stock")]
    OutOfStock {
        #[detail]
        sku: String,
        #[detail]
        requested: u32,
    },
}

/// Storage failures: 5xx, so clients only ever see the reason phrase.
#[derive(Debug, HttpError)]
enum StorageError {
    #[status(500)]
    Db(#[from] std::io::Error),
    #[status(500, "db failed: {0}")]
    Query(String),
}

/// Rate limiting, with headers formatted from the fields at run time.
///
/// A header whose formatted value is not a valid header value (CR, LF, NUL or another control
/// character other than tab) is left out of the response: `to_response()` does not panic and
/// does not send a broken header, the body and the other headers are unchanged, and with the
/// `tracing` feature the omission is logged at warn level.
#[derive(Debug, HttpError)]
enum RateLimitError {
    #[status(429, "too many requests from {user}")]
    #[header("x-request-id", "{id}")]
    #[header(RETRY_AFTER, "{secs}")]
    #[header(CACHE_CONTROL, "no-store")]
    TooManyRequests {
        id: String,
        secs: String,
        user: String,
    },
}

// ------------------------------------------------------------------ strategies

/// Any character, weighted towards the ones a JSON or header writer can get wrong.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range(' ', '~'),
        2 => prop::char::range('\0', '\x1f'),
        1 => Just('\x7f'),
        3 => prop::sample::select(vec![
            '"', '\\', '/', '{', '}', '\'', '\u{80}', '\u{9f}', '\u{a0}', 'é', '\u{200d}',
            '\u{2028}', '\u{2029}', '\u{d7ff}', '\u{e000}', '\u{fdd0}', '\u{feff}', '\u{fffd}',
            '\u{ffff}', '\u{10000}', '\u{10ffff}', '😀', '🦀', '👩', '\u{1f3fd}',
        ]),
        2 => any::<char>(),
    ]
}

fn nasty_string() -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_char(), 0..48).prop_map(String::from_iter)
}

/// Half the time a string a header can carry (visible ASCII, space, tab, bytes ≥ 0x80), half
/// the time anything at all, so both sides of the header property are exercised.
fn header_string() -> impl Strategy<Value = String> {
    let safe = prop_oneof![
        6 => prop::char::range(' ', '~'),
        1 => Just('\t'),
        2 => prop::char::range('\u{80}', '\u{10ffff}'),
    ];
    prop_oneof![
        prop::collection::vec(safe, 0..32).prop_map(String::from_iter),
        nasty_string(),
    ]
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ------------------------------------------------------------------ helpers

/// Parses a body as one JSON object, members in order.
fn members(body: &[u8]) -> Result<Vec<(String, Value)>, TestCaseError> {
    common::members(body).map_err(|e| {
        TestCaseError::fail(format!(
            "not a JSON object ({e}): {:?}",
            String::from_utf8_lossy(body)
        ))
    })
}

fn keys(members: &[(String, Value)]) -> Vec<&str> {
    members.iter().map(|(k, _)| k.as_str()).collect()
}

/// The bytes the spec prescribes for an object of these members: in this order, no
/// whitespace, each key and value written by serde_json (the escaping the spec names; httperr's
/// own writer escapes by itself). The values here are strings and numbers, so `Value`'s
/// sorted maps cannot reorder anything.
fn expected_bytes(expected: &[(&str, Value)]) -> Vec<u8> {
    let mut out = b"{".to_vec();
    for (i, (key, value)) in expected.iter().enumerate() {
        assert!(!value.is_object(), "an object value would lose its order");
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, key).unwrap();
        out.push(b':');
        serde_json::to_writer(&mut out, value).unwrap();
    }
    out.push(b'}');
    out
}

/// Status, `content-type`, and `content-length` = body length.
fn check_framing(
    response: &Response<bytes::Bytes>,
    status: u16,
    content_type: &str,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(response.status(), StatusCode::from_u16(status).unwrap());
    prop_assert_eq!(
        response.headers().get(CONTENT_TYPE),
        Some(&HeaderValue::from_str(content_type).unwrap())
    );
    let length = response.body().len().to_string();
    prop_assert_eq!(
        response
            .headers()
            .get(CONTENT_LENGTH)
            .map(HeaderValue::as_bytes),
        Some(length.as_bytes())
    );
    Ok(())
}

/// The body on the wire and the `Serialize` impl, both against `expected`, built by the test
/// from its inputs: never against each other (a `#[detail]` variant's body *is* its
/// `Serialize` output, so the two would agree whatever that impl did).
fn check_body<E: HttpError + serde::Serialize>(
    error: &E,
    response: &Response<bytes::Bytes>,
    expected: &[(&str, Value)],
) -> Result<(), TestCaseError> {
    let expected_keys: Vec<&str> = expected.iter().map(|(k, _)| *k).collect();
    // Member by member first, for a readable failure; then the exact bytes.
    let sent = members(response.body())?;
    prop_assert_eq!(
        keys(&sent),
        expected_keys.clone(),
        "member order on the wire"
    );
    for ((key, value), (_, sent)) in expected.iter().zip(&sent) {
        prop_assert_eq!(sent, value, "member {} on the wire", key);
    }
    let bytes = expected_bytes(expected);
    prop_assert_eq!(
        String::from_utf8_lossy(response.body()),
        String::from_utf8_lossy(&bytes),
        "body bytes"
    );
    prop_assert_eq!(response.body().as_ref(), bytes.as_slice());

    // Through serde_json's `Value` serializer, a path the response never takes.
    let object: serde_json::Map<String, Value> = expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    let serialized = serde_json::to_value(error)
        .map_err(|e| TestCaseError::fail(format!("Serialize failed: {e}")))?;
    prop_assert_eq!(serialized, Value::Object(object), "Serialize impl");
    let serialized = serde_json::to_vec(error)
        .map_err(|e| TestCaseError::fail(format!("Serialize failed: {e}")))?;
    let serialized = members(&serialized)?;
    prop_assert_eq!(
        keys(&serialized),
        expected_keys,
        "Serialize impl, member order"
    );
    Ok(())
}

/// Property 1 for one error: a JSON body with exactly `message` and `code`.
fn check_json<E: HttpError + serde::Serialize>(
    error: &E,
    status: u16,
    message: &str,
    code: &str,
) -> Result<(), TestCaseError> {
    let response = error.to_response();
    check_framing(&response, status, "application/json")?;
    check_body(
        error,
        &response,
        &[("error", json!(message)), ("code", json!(code))],
    )?;
    prop_assert_eq!(error.message(), message);
    Ok(())
}

/// Property 2 for one error: a problem body with these members, in this order.
fn check_problem<E: HttpError + serde::Serialize>(
    error: &E,
    expected: &[(&str, Value)],
) -> Result<(), TestCaseError> {
    let response = error.to_response();
    let status = expected[2].1.as_u64().unwrap() as u16;
    check_framing(&response, status, "application/problem+json")?;
    check_body(error, &response, expected)
}

fn check_redacted(error: &StorageError) -> Result<(), TestCaseError> {
    let response = error.to_response();
    check_framing(&response, 500, "application/json")?;
    check_body(
        error,
        &response,
        &[("error", json!("Internal Server Error"))],
    )?;
    prop_assert_eq!(error.message(), "Internal Server Error");
    Ok(())
}

// ------------------------------------------------------------------ the properties

proptest! {
    #![proptest_config(config(3000))]

    /// 1. Any string in a JSON message template: framing, the exact message, and the body and
    ///    the derived `Serialize` both equal to the object built here from `s`.
    #[test]
    fn json_bodies_hold_any_string(s in nasty_string(), user in any::<u64>()) {
        check_json(
            &SignupError::EmailTaken(s.clone()),
            409,
            &format!("email {s} is already registered"),
            "email_taken",
        )?;
        check_json(
            &SignupError::EmailInUse { email: s.clone(), existing_user: user },
            409,
            &format!("email {s} is already registered"),
            "email_in_use",
        )?;
        check_json(
            &SignupError::BadDisplayName { name: s.clone() },
            422,
            &format!("display name {s:?} is not allowed"),
            "bad_display_name",
        )?;
    }
}

proptest! {
    #![proptest_config(config(3000))]

    /// 2. The same for problem details: members `type`, `title`, `status`, `detail`, `code`,
    ///    then the `#[detail]` fields, in that order in the raw text.
    #[test]
    fn problem_bodies_hold_any_string(s in nasty_string(), id in any::<u64>(), n in any::<u32>()) {
        let base = "https://example.com/problems/";
        check_problem(
            &OrderError::NotCancellable { order_id: id, reason: s.clone() },
            &[
                ("type", json!(format!("{base}not_cancellable"))),
                ("title", json!("Conflict")),
                ("status", json!(409)),
                ("detail", json!(format!("order {id} cannot be cancelled: {s}"))),
                ("code", json!("not_cancellable")),
            ],
        )?;
        check_problem(
            &OrderError::InvalidCoupon(s.clone()),
            &[
                ("type", json!(format!("{base}invalid_coupon"))),
                ("title", json!("Unprocessable Content")),
                ("status", json!(422)),
                ("detail", json!(format!("coupon {s} is not valid"))),
                ("code", json!("invalid_coupon")),
            ],
        )?;
        check_problem(
            &OrderError::OutOfStock { sku: s.clone(), requested: n },
            &[
                ("type", json!(format!("{base}out_of_stock"))),
                ("title", json!("Conflict")),
                ("status", json!(409)),
                ("detail", json!(format!("sku {s} is out of stock"))),
                ("code", json!("out_of_stock")),
                ("sku", json!(s)),
                ("requested", json!(n)),
            ],
        )?;
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// 3. A 5xx body is the reason phrase whatever the inner error or the template says;
    ///    `Display` and `source()` still carry the text for the logs.
    #[test]
    fn server_errors_are_redacted(s in nasty_string()) {
        let db = StorageError::from(std::io::Error::other(s.clone()));
        check_redacted(&db)?;
        prop_assert_eq!(db.to_string(), "Internal Server Error");
        let source = std::error::Error::source(&db).map(ToString::to_string);
        prop_assert_eq!(source, Some(s.clone()));

        let query = StorageError::Query(s.clone());
        check_redacted(&query)?;
        prop_assert_eq!(query.to_string(), format!("db failed: {s}"));
    }
}

proptest! {
    #![proptest_config(config(4000))]

    /// 4. Header templates over arbitrary strings: a valid value is sent exactly (without
    ///    leading and trailing spaces and tabs, RFC 9110 §5.5), an invalid one is left out,
    ///    and nothing else changes.
    #[test]
    fn header_templates_never_break_a_response(
        id in header_string(),
        secs in header_string(),
        user in nasty_string(),
    ) {
        let error = RateLimitError::TooManyRequests {
            id: id.clone(),
            secs: secs.clone(),
            user: user.clone(),
        };
        let response = std::panic::catch_unwind(|| error.to_response())
            .map_err(|_| TestCaseError::fail("to_response panicked"))?;
        check_framing(&response, 429, "application/json")?;
        check_body(&error, &response, &[("error", json!(format!("too many requests from {user}")))])?;

        let headers = response.headers();
        let mut expected_len = 3; // content-type, content-length, cache-control
        for (name, value) in [("x-request-id", &id), (RETRY_AFTER.as_str(), &secs)] {
            let sent: Vec<&HeaderValue> = headers.get_all(name).iter().collect();
            if HeaderValue::from_str(value).is_ok() {
                expected_len += 1;
                prop_assert_eq!(sent.len(), 1, "{} missing for {:?}", name, value);
                prop_assert_eq!(sent[0].as_bytes(), value.trim_matches([' ', '\t']).as_bytes());
            } else {
                prop_assert!(sent.is_empty(), "{} sent for invalid {:?}", name, value);
            }
        }
        prop_assert_eq!(
            headers.get(CACHE_CONTROL),
            Some(&HeaderValue::from_static("no-store"))
        );
        prop_assert_eq!(headers.len(), expected_len);
        for (name, value) in headers {
            prop_assert!(
                !value.as_bytes().iter().any(|b| matches!(b, b'\r' | b'\n' | 0)),
                "{} = {:?}", name, value
            );
        }
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// 5. `httperr::success` writes `{"success": s}` for any `s`, and nothing for statuses that
    ///    cannot carry content.
    #[test]
    fn success_holds_any_string(
        s in nasty_string(),
        status in prop::sample::select(vec![200u16, 201, 202, 203, 206, 207, 208, 226]),
        empty in prop::sample::select(vec![204u16, 205, 304]),
    ) {
        let status = StatusCode::from_u16(status).unwrap();
        let response = httperr::success(status, &s);
        prop_assert_eq!(response.status(), status);
        prop_assert_eq!(
            response.headers().get(CONTENT_TYPE),
            Some(&HeaderValue::from_static("application/json"))
        );
        let length = response.body().len().to_string();
        prop_assert_eq!(
            response.headers().get(CONTENT_LENGTH).map(HeaderValue::as_bytes),
            Some(length.as_bytes())
        );
        let members = members(response.body())?;
        prop_assert_eq!(keys(&members), ["success"]);
        prop_assert_eq!(&members[0].1, &json!(s));
        let expected = expected_bytes(&[("success", json!(s))]);
        prop_assert_eq!(response.body().as_ref(), expected.as_slice());

        let empty = httperr::success(StatusCode::from_u16(empty).unwrap(), &s);
        prop_assert!(empty.body().is_empty());
        prop_assert!(empty.headers().get(CONTENT_TYPE).is_none());
        prop_assert!(empty.headers().get(CONTENT_LENGTH).is_none());
    }
}
