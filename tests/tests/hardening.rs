//! Issue 14, runtime side: nothing a user's `Display`, `source()` or hand-written
//! `insert_headers` does may break the response, leak a hop-by-hop header, or hang the log.

mod capture;

use capture::{Capture, Logged};
use httperr::HttpError;
use std::borrow::Cow;
use std::fmt;
use tracing::Level;

fn capture<T>(f: impl FnOnce() -> T) -> (T, Vec<Logged>) {
    let capture = Capture::default();
    let out = tracing::subscriber::with_default(capture.clone(), f);
    (out, capture.events())
}

fn body(response: &http::Response<bytes::Bytes>) -> &str {
    std::str::from_utf8(response.body()).expect("UTF-8 body")
}

/// Writes part of its text, then fails, as a `Display` over a failing writer would.
#[derive(Debug)]
struct Failing;
impl fmt::Display for Failing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("half-a-val")?;
        Err(fmt::Error)
    }
}

/// A `Display` that panics.
#[derive(Debug)]
struct Panicking;
impl fmt::Display for Panicking {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        panic!("Display of Panicking")
    }
}

#[derive(Debug, HttpError)]
enum Broken {
    #[status(422, "could not use {value}")]
    Detailed {
        value: Failing,
        #[detail]
        n: u32,
    },
    #[status(400, "bad {0}")]
    Written(Failing),
    #[status(409, "conflict on {0}")]
    Panics(Panicking),
    #[status(500, "internal {0}")]
    HiddenPanics(Panicking),
    #[status(500, "internal {0}")]
    HiddenFails(Failing),
    #[status(429)]
    #[header("x-val", "{0}")]
    Header(Failing),
    #[status(429)]
    #[header("x-pad", "{0}")]
    Padded(String),
    #[status(429, "slow down")]
    #[header("x-panics", "{0}")]
    #[header("x-fine", "fine")]
    HeaderPanics(Panicking),
    #[status(422, "bad input")]
    DetailPanics {
        #[detail]
        value: PanickingDetail,
    },
}

/// A detail whose `Serialize` panics.
#[derive(Debug)]
struct PanickingDetail;
impl serde::Serialize for PanickingDetail {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        panic!("Serialize of PanickingDetail")
    }
}

// Point 4: a failing `Display` must not panic serde_json, nor cut the message short.

#[test]
fn failing_display_in_a_detail_body_falls_back_to_the_reason_phrase() {
    let error = Broken::Detailed {
        value: Failing,
        n: 1,
    };
    let (response, events) = capture(|| error.to_response());
    assert_eq!(response.status(), 422);
    assert_eq!(
        body(&response),
        r#"{"error":"Unprocessable Content","details":{"n":1}}"#
    );
    assert_eq!(
        response.headers()["content-length"],
        body(&response).len().to_string().as_str()
    );
    assert!(
        events.iter().any(|e| e.level == Level::WARN),
        "the failure is logged: {events:?}"
    );
}

#[test]
fn failing_display_through_serde_falls_back_to_the_reason_phrase() {
    let error = Broken::Written(Failing);
    assert_eq!(
        serde_json::to_string(&error).expect("serializes"),
        r#"{"error":"Bad Request"}"#
    );
    let detailed = Broken::Detailed {
        value: Failing,
        n: 2,
    };
    assert_eq!(
        serde_json::to_string(&detailed).expect("serializes"),
        r#"{"error":"Unprocessable Content","details":{"n":2}}"#
    );
    assert_eq!(
        serde_json::to_value(&error).expect("serializes"),
        serde_json::json!({"error": "Bad Request"})
    );
}

#[test]
fn failing_display_in_a_written_body_falls_back_to_the_reason_phrase() {
    let error = Broken::Written(Failing);
    let (response, events) = capture(|| error.to_response());
    assert_eq!(response.status(), 400);
    assert_eq!(body(&response), r#"{"error":"Bad Request"}"#);
    assert_eq!(error.message(), "Bad Request");
    assert!(
        events.iter().any(|e| e.level == Level::WARN),
        "the failure is logged: {events:?}"
    );
}

#[test]
fn panicking_display_in_the_message_gives_the_reason_phrase() {
    let response = Broken::Panics(Panicking).to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(body(&response), r#"{"error":"Conflict"}"#);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["content-length"], "20");
}

#[test]
fn panicking_header_display_sends_the_response_without_own_headers() {
    let (response, events) = capture(|| Broken::HeaderPanics(Panicking).to_response());
    assert_eq!(response.status(), 429);
    assert_eq!(body(&response), r#"{"error":"slow down"}"#);
    let mut names: Vec<&str> = response.headers().keys().map(|n| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["content-length", "content-type"]);
    assert!(
        events.iter().any(|e| e.level == Level::ERROR),
        "the panic is logged: {events:?}"
    );
}

#[test]
fn panicking_detail_serialize_sends_the_body_without_details() {
    let response = Broken::DetailPanics {
        value: PanickingDetail,
    }
    .to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(body(&response), r#"{"error":"bad input"}"#);
    assert_eq!(response.headers()["content-length"], "21");
}

// Point 5: the log of a hidden 5xx formats its `Display`; that must not break the response.

#[test]
fn panicking_display_of_a_hidden_5xx_does_not_break_the_response() {
    let (response, events) = capture(|| Broken::HiddenPanics(Panicking).to_response());
    assert_eq!(response.status(), 500);
    assert_eq!(body(&response), r#"{"error":"Internal Server Error"}"#);
    assert!(
        events.iter().any(|e| e.level == Level::ERROR),
        "the 5xx is still logged: {events:?}"
    );
}

#[test]
fn failing_display_of_a_hidden_5xx_is_logged_without_breaking_the_response() {
    let (response, events) = capture(|| Broken::HiddenFails(Failing).to_response());
    assert_eq!(response.status(), 500);
    assert_eq!(body(&response), r#"{"error":"Internal Server Error"}"#);
    let errors: Vec<_> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(errors.len(), 1, "{events:?}");
}

// Point 6: the `source()` chain in the log is bounded.

/// An error whose `source()` is itself.
#[derive(Debug)]
struct SelfSource;
impl fmt::Display for SelfSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("loop")
    }
}
impl std::error::Error for SelfSource {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self)
    }
}

/// A chain of `n` distinct links, built at run time.
#[derive(Debug)]
struct Deep(usize, Option<Box<Deep>>);
impl Deep {
    fn new(n: usize) -> Deep {
        (1..n).fold(Deep(0, None), |inner, i| Deep(i, Some(Box::new(inner))))
    }
}
impl fmt::Display for Deep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "d{}", self.0)
    }
}
impl std::error::Error for Deep {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.1.as_deref().map(|e| e as _)
    }
}

#[derive(Debug, HttpError)]
enum Chained {
    #[status(500)]
    Loop(#[source] SelfSource),
    #[status(500)]
    Deep(#[source] Deep),
}

#[test]
fn a_source_that_is_itself_is_logged_once() {
    // Without the bound this never returns: run it where a hang fails the test instead.
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (response, events) = capture(|| Chained::Loop(SelfSource).to_response());
        let _ = done.send((response, events));
    });
    let (response, events) = wait
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("logging a self-referential source() chain did not finish");
    assert_eq!(body(&response), r#"{"error":"Internal Server Error"}"#);
    let errors: Vec<_> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(errors.len(), 1, "{events:?}");
    // The link is shown once, or twice where the compiler gave the two coercions to
    // `dyn Error` (the variant's `source()` and `SelfSource`'s own) separate vtables.
    let sources = &errors[0].fields["sources"];
    assert!(
        sources == "loop: (cycle)" || sources == "loop: loop: (cycle)",
        "{sources}"
    );
}

#[test]
fn a_long_source_chain_is_cut_at_32_links() {
    let ((), events) = capture(|| {
        let _ = Chained::Deep(Deep::new(100)).to_response();
    });
    let errors: Vec<_> = events.iter().filter(|e| e.level == Level::ERROR).collect();
    assert_eq!(errors.len(), 1, "{events:?}");
    let sources = &errors[0].fields["sources"];
    let links: Vec<&str> = sources.split(": ").collect();
    assert_eq!(links.len(), 33, "{sources}");
    assert_eq!(links[0], "d99");
    assert_eq!(links[31], "d68");
    assert_eq!(links[32], "(cut after 32 sources)");
}

// Point 7: a header whose `Display` fails halfway is left out, not sent truncated.

#[test]
fn header_whose_display_fails_is_left_out() {
    let (response, events) = capture(|| Broken::Header(Failing).to_response());
    assert_eq!(response.status(), 429);
    assert!(
        response.headers().get("x-val").is_none(),
        "sent {:?}",
        response.headers().get("x-val")
    );
    let warnings: Vec<_> = events.iter().filter(|e| e.level == Level::WARN).collect();
    assert_eq!(warnings.len(), 1, "{events:?}");
    assert_eq!(warnings[0].fields["header"], "x-val");
}

// Point 10: what we send is what recipients read: no leading or trailing whitespace.

#[test]
fn header_value_whitespace_is_trimmed() {
    let response = Broken::Padded("  padded\t".into()).to_response();
    assert_eq!(response.headers()["x-pad"], "padded");
    let inner = Broken::Padded(" a \t b ".into()).to_response();
    assert_eq!(inner.headers()["x-pad"], "a \t b");
    let blank = Broken::Padded(" \t ".into()).to_response();
    assert_eq!(blank.headers()["x-pad"], "");
}

// Point 8: hop-by-hop and framing headers from a hand-written `insert_headers` are dropped.

struct HandWritten;
impl HttpError for HandWritten {
    fn status(&self) -> http::StatusCode {
        http::StatusCode::SERVICE_UNAVAILABLE
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed("down")
    }
    fn insert_headers(&self, headers: &mut http::HeaderMap) {
        for (name, value) in [
            ("transfer-encoding", "chunked"),
            ("content-length", "999"),
            ("connection", "close"),
            ("keep-alive", "timeout=5"),
            ("te", "trailers"),
            ("trailer", "x-checksum"),
            ("proxy-connection", "keep-alive"),
            ("upgrade", "websocket"),
            ("retry-after", "60"),
        ] {
            headers.append(
                http::HeaderName::from_static(name),
                http::HeaderValue::from_static(value),
            );
        }
    }
}

#[test]
fn hop_by_hop_headers_of_a_hand_written_impl_are_dropped() {
    let response = HandWritten.to_response();
    let mut names: Vec<&str> = response.headers().keys().map(|n| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["content-length", "content-type", "retry-after", "upgrade"]
    );
    assert_eq!(response.headers()["content-length"], "16");
    assert_eq!(body(&response), r#"{"error":"down"}"#);
}
