//! Shared assertions for the behaviour tests: one response checked against the test's own expectation.
#![allow(dead_code)] // each test file uses a subset

use std::fmt;

use httperr::HttpError;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

/// Asserts the whole response of `error` against `body`, the JSON text the test expects:
/// status, exactly these extra headers (plus content-type and content-length), the exact
/// bytes on the wire, and the derived `Serialize` impl through serde_json's `Value`
/// serializer (a path the response writer never takes) giving the same members, the top-level
/// ones in the same order (nested `details` order is checked on the wire bytes).
///
/// Every comparison is with `body`, never between two outputs of the code under test: for a
/// variant with `#[detail]` fields the response body is itself written through `Serialize`, so
/// comparing the two would hold whatever that impl did.
#[track_caller]
pub fn assert_response<E: HttpError + serde::Serialize>(
    error: &E,
    status: u16,
    headers: &[(&str, &str)],
    content_type: &str,
    body: &str,
) {
    let expected: Value = serde_json::from_str(body)
        .unwrap_or_else(|e| panic!("the test's expected body is not JSON ({e}): {body}"));
    let expected_keys = member_keys(body.as_bytes())
        .unwrap_or_else(|e| panic!("the test's expected body is not an object ({e}): {body}"));

    let response = error.to_response();
    assert_eq!(response.status().as_u16(), status, "status");
    assert_eq!(error.status().as_u16(), status, "status()");
    let actual = std::str::from_utf8(response.body()).expect("body is UTF-8");
    assert_eq!(actual, body, "body on the wire");

    // The `Serialize` impl, which frameworks and users call with serializers of their own:
    // the same values as the expectation, and the members in the order the spec gives.
    let serialized = serde_json::to_value(error).expect("Serialize succeeds");
    assert_eq!(
        serialized, expected,
        "Serialize impl, as a serde_json::Value"
    );
    let serialized_keys =
        member_keys(&serde_json::to_vec(error).expect("Serialize succeeds")).expect("an object");
    assert_eq!(
        serialized_keys, expected_keys,
        "Serialize impl, member order"
    );

    let response_headers = response.headers();
    assert_eq!(
        response_headers["content-type"], content_type,
        "content-type"
    );
    assert_eq!(
        response_headers["content-length"],
        body.len().to_string().as_str(),
        "content-length"
    );
    for (name, value) in headers {
        let values: Vec<_> = response_headers
            .get_all(*name)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        assert!(
            values.contains(value),
            "header {name}: expected {value:?} among {values:?}"
        );
    }
    let expected_count = headers.len() + 2;
    assert_eq!(
        response_headers.len(),
        expected_count,
        "unexpected extra headers: {response_headers:?}"
    );
}

#[track_caller]
pub fn assert_json<E: HttpError + serde::Serialize>(error: &E, status: u16, body: &str) {
    assert_response(error, status, &[], "application/json", body);
}

/// The members of a JSON object in the order the text has them: `serde_json::Value` sorts
/// its keys, so it cannot say whether `error` came before `code`.
pub struct Ordered(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor;
        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Ordered(members))
            }
        }
        deserializer.deserialize_map(OrderedVisitor)
    }
}

/// Parses `json` as one object, members in text order.
pub fn members(json: &[u8]) -> Result<Vec<(String, Value)>, serde_json::Error> {
    serde_json::from_slice::<Ordered>(json).map(|ordered| ordered.0)
}

/// The keys of the object `json`, in text order.
pub fn member_keys(json: &[u8]) -> Result<Vec<String>, serde_json::Error> {
    Ok(members(json)?.into_iter().map(|(key, _)| key).collect())
}
