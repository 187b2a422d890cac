//! The body writer: an error's members into JSON or problem+json bytes, following `layout.rs`.
//!
//! Three writers produce bodies and all follow the one layout: this byte writer (messages
//! formatted at run time), the serde side in `serialize` (bodies with `#[detail]` fields, and
//! the type's `Serialize` impl), and the derive, which writes fixed bodies at compile time.
//! Escaping is serde_json's, so the three agree byte for byte; the tests hold them together.

mod buf;
mod serialize;
pub(crate) mod shape;
mod write_body;

pub(crate) use buf::{BodyBuf, Buf};
pub(crate) use serialize::{Object, ObjectDetails, WithDetails};
pub use serialize::{serialize, serialize_without_details};
pub use shape::Shape;
pub use write_body::WriteBody;

use crate::layout::{self, Gaps, Layout, Member, Sink};
use http::StatusCode;

/// `application/json`, for the default format.
pub(crate) const JSON: &str = "application/json";
/// `application/problem+json`, for RFC 9457 problem details.
pub(crate) const PROBLEM_JSON: &str = "application/problem+json";

/// `{"success": …}`: the body of [`crate::success`].
const SUCCESS: Layout = &[(Member::Message, "success")];

// The text between members, computed at compile time. Constants, not statics: the writer is
// generic, so it is compiled in the user's crate, where only a constant's bytes are visible to
// the optimizer; each gap then becomes a copy of constant bytes.
const JSON_GAPS: Gaps = Gaps::of(layout::JSON);
const PROBLEM_GAPS: Gaps = Gaps::of(layout::PROBLEM);
const SUCCESS_GAPS: Gaps = Gaps::of(SUCCESS);

/// What the body says about an error besides its message, gathered once by the caller.
pub(crate) struct Head<'a> {
    pub(crate) status: StatusCode,
    pub(crate) code: Option<&'a str>,
    /// `None` for the JSON format, the `type` URI for problem details.
    pub(crate) problem_type: Option<&'a str>,
}

/// Writes an error's body; `message` writes the message, already escaped.
pub(crate) fn write_error<S: Sink, M: FnMut(&mut S)>(out: &mut S, head: &Head<'_>, message: M) {
    let mut values = Values { head, message };
    // One call per layout, each with its own table: the walk unrolls into constant copies.
    match head.problem_type {
        None => layout::write(out, &JSON_GAPS, &mut values),
        Some(_) => layout::write(out, &PROBLEM_GAPS, &mut values),
    }
}

/// Writes the body of a success response.
pub(crate) fn write_success(out: &mut BodyBuf, message: &str) {
    let head = Head {
        status: StatusCode::OK,
        code: None,
        problem_type: None,
    };
    let mut values = Values {
        head: &head,
        message: |out: &mut BodyBuf| layout::escape(out, message),
    };
    layout::write(out, &SUCCESS_GAPS, &mut values);
}

struct Values<'a, M> {
    head: &'a Head<'a>,
    message: M,
}

impl<S: Sink, M: FnMut(&mut S)> layout::Values<S> for Values<'_, M> {
    #[inline(always)]
    fn has(&self, member: Member) -> bool {
        match member {
            Member::Code => self.head.code.is_some(),
            _ => false,
        }
    }

    // Inlined into each step, where `member` is a constant: only its arm remains.
    #[inline(always)]
    fn write(&mut self, out: &mut S, member: Member) {
        match member {
            Member::Type => layout::escape(out, self.head.problem_type.unwrap_or_default()),
            // Looked up here, so that only the bodies that show a title pay for the lookup.
            Member::Title => layout::escape(out, crate::codes::title(self.head.status)),
            Member::Status => push_int(out, self.head.status.as_u16()),
            Member::Message => (self.message)(out),
            Member::Code => layout::escape(out, self.head.code.unwrap_or_default()),
            // Written by the serde side only.
            Member::Details => {}
        }
    }
}

/// A sink that only counts: the length of a body, written without its bytes.
pub(crate) struct Counter(pub(crate) usize);

impl Sink for Counter {
    #[inline(always)]
    fn push(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }
}

/// Writes an integer in decimal, without `core::fmt`.
#[inline]
pub(crate) fn push_int<S: Sink + ?Sized>(out: &mut S, n: impl itoa::Integer) {
    out.push(itoa::Buffer::new().format(n).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(code: Option<&str>, problem_type: Option<&str>) -> String {
        let head = Head {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code,
            problem_type,
        };
        let mut out = BodyBuf::new();
        write_error(&mut out, &head, |out| layout::escape(out, "a\nb"));
        String::from_utf8(out.as_slice().to_vec()).unwrap()
    }

    // Spelled out here on purpose: an independent statement of the layout.
    #[test]
    fn error_bodies() {
        assert_eq!(written(None, None), r#"{"error":"a\nb"}"#);
        assert_eq!(written(Some("c"), None), r#"{"error":"a\nb","code":"c"}"#);
        assert_eq!(
            written(None, Some("about:blank")),
            r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"a\nb"}"#
        );
        assert_eq!(
            written(Some("c"), Some("t")),
            r#"{"type":"t","title":"Unprocessable Content","status":422,"detail":"a\nb","code":"c"}"#
        );
    }

    #[test]
    fn success_body() {
        let mut out = BodyBuf::new();
        write_success(&mut out, "made \"it\"");
        assert_eq!(out.as_slice(), br#"{"success":"made \"it\""}"#);
    }

    #[test]
    fn integers() {
        for n in [0i64, 7, -7, 42, i64::MAX, i64::MIN] {
            let mut out = BodyBuf::new();
            push_int(&mut out, n);
            assert_eq!(out.as_slice(), n.to_string().as_bytes());
        }
    }
}
