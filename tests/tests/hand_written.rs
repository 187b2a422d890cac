//! Hand-written `impl HttpError` with the derive's building blocks: details, shapes, owned codes, a body writer and the 5xx redaction.

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode};
use httperr::{BodyFormat, HttpError, Shape, WriteBody};
use serde_json::json;
use std::borrow::Cow;

#[derive(serde::Serialize)]
struct Limits {
    field: &'static str,
    max: u32,
}

/// A hand-written error in any format, with details, an owned code and a message that may hide.
struct Invalid {
    status: StatusCode,
    format: BodyFormat,
    code: String,
    text: String,
}

impl HttpError for Invalid {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn message(&self) -> Cow<'_, str> {
        httperr::public_message(self.status, self.text.as_str())
    }
    fn code(&self) -> Option<&str> {
        Some(&self.code)
    }
    fn format(&self) -> BodyFormat {
        self.format
    }
    fn to_response(&self) -> Response<Bytes> {
        httperr::respond_with_details(
            self,
            &Limits {
                field: "name",
                max: 64,
            },
        )
    }
}

fn invalid(status: StatusCode, format: BodyFormat) -> Invalid {
    Invalid {
        status,
        format,
        code: format!("{}_{}", "too", "long"),
        text: "name is too long: db01 said so".into(),
    }
}

fn body(response: &Response<Bytes>) -> serde_json::Value {
    serde_json::from_slice(response.body()).expect("a JSON body")
}

const DOCS: Shape = Shape::json()
    .message("message")
    .code("code")
    .link("link", "https://docs.example.com/#")
    .flatten_details();

#[test]
fn details_go_where_the_format_puts_them() {
    let response = invalid(StatusCode::UNPROCESSABLE_ENTITY, BodyFormat::Json).to_response();
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.body().as_ref(),
        br#"{"error":"name is too long: db01 said so","code":"too_long","details":{"field":"name","max":64}}"#
    );
    let problem = BodyFormat::Problem {
        type_uri: "about:blank",
    };
    let response = invalid(StatusCode::UNPROCESSABLE_ENTITY, problem).to_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        body(&response),
        json!({
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "name is too long: db01 said so",
            "code": "too_long",
            "field": "name",
            "max": 64,
        })
    );
    let shaped = BodyFormat::Shaped {
        shape: &DOCS,
        category: None,
    };
    let response = invalid(StatusCode::UNPROCESSABLE_ENTITY, shaped).to_response();
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"name is too long: db01 said so","code":"too_long","link":"https://docs.example.com/#too_long","field":"name","max":64}"#
    );
}

#[test]
fn a_hand_written_5xx_is_redacted_like_a_derived_one() {
    let response = invalid(StatusCode::BAD_GATEWAY, BodyFormat::Json).to_response();
    assert_eq!(response.status(), 502);
    // Neither the message nor the details of a 5xx reach the client.
    assert_eq!(
        response.body().as_ref(),
        br#"{"error":"Bad Gateway","code":"too_long"}"#
    );
    assert_eq!(
        httperr::public_message(StatusCode::CONFLICT, "taken"),
        Cow::Borrowed("taken")
    );
}

/// Answers with a line of CSV.
struct Csv;

impl WriteBody<Gone> for Csv {
    fn content_type(&self, _: &Gone) -> Option<HeaderValue> {
        Some(HeaderValue::from_static("text/csv"))
    }
    fn write_body(&self, error: &Gone, out: &mut Vec<u8>) {
        out.extend_from_slice(format!("gone,{}\n", error.0).as_bytes());
    }
    fn insert_headers(&self, _: &Gone, headers: &mut http::HeaderMap) {
        headers.insert("x-archive", HeaderValue::from_static("cold"));
        // Framing headers from a writer never reach the response.
        headers.insert("transfer-encoding", HeaderValue::from_static("chunked"));
    }
}

struct Gone(u64);

impl HttpError for Gone {
    fn status(&self) -> StatusCode {
        StatusCode::GONE
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed("gone")
    }
    fn to_response(&self) -> Response<Bytes> {
        httperr::respond_with_body(self, &Csv)
    }
}

#[test]
fn a_hand_written_body_writer_answers_with_its_own_bytes() {
    let response = Gone(7).to_response();
    assert_eq!(response.status(), 410);
    assert_eq!(response.headers()["content-type"], "text/csv");
    assert_eq!(response.headers()["content-length"], "7");
    assert_eq!(response.headers()["x-archive"], "cold");
    assert!(response.headers().get("transfer-encoding").is_none());
    assert_eq!(response.body().as_ref(), b"gone,7\n");
}

/// A body writer that panics.
struct Panicking;

impl WriteBody<Derived> for Panicking {
    fn content_type(&self, _: &Derived) -> Option<HeaderValue> {
        Some(HeaderValue::from_static("text/csv"))
    }
    fn write_body(&self, _: &Derived, _: &mut Vec<u8>) {
        panic!("the writer's own bug");
    }
}

const TEXT: Shape = Shape::text();

#[derive(Debug, HttpError)]
enum Derived {
    #[status(409, "taken")]
    #[http(body = Panicking)]
    Written,
    /// A text shape is the message alone: its details are left out.
    #[status(422, "bad {name}")]
    #[http(shape = TEXT)]
    Text {
        #[detail]
        name: String,
    },
}

#[test]
fn a_panicking_writer_gives_the_default_body() {
    let response = Derived::Written.to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.body().as_ref(), br#"{"error":"taken"}"#);
}

#[test]
fn a_text_shape_leaves_details_out() {
    let response = Derived::Text { name: "x".into() }.to_response();
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(response.body().as_ref(), b"bad x");
}
