//! The public message and header values: written as text, or straight into a JSON body.

use crate::HttpError;
use crate::body::{self, BodyBuf, Buf};
use crate::layout;
use core::fmt;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use std::borrow::Cow;

/// The public message as an owned string, for variants whose message is formatted. A
/// `Display` that fails gives the reason phrase instead of text cut short (and a warning with
/// the `tracing` feature).
pub fn message<E: HttpError + ?Sized>(error: &E) -> Cow<'static, str> {
    let mut out = String::new();
    // Writing into a `String` fails only if a user `Display` impl fails.
    if error.__write_message(&mut out).is_err() {
        let status = error.status();
        crate::log::message_failed(status);
        return Cow::Borrowed(crate::codes::title(status));
    }
    Cow::Owned(out)
}

/// Appends a header whose value is formatted at run time. A value that is not a valid header
/// value (CR, LF, NUL, other controls), or whose `Display` fails, is left out — never a panic,
/// never a broken or truncated header — and logged with the `tracing` feature. Leading and
/// trailing spaces and tabs are trimmed (RFC 9110 §5.5: recipients strip them anyway), so what
/// is sent is what is read.
pub fn append_header(headers: &mut HeaderMap, name: HeaderName, value: fmt::Arguments<'_>) {
    let value = match value.as_str() {
        Some(fixed) => HeaderValue::from_bytes(trim_whitespace(fixed.as_bytes())),
        None => {
            // Formatted on the stack, then copied once into the header value.
            let mut out = Buf::<64>::new();
            if fmt::Write::write_fmt(&mut out, value).is_err() {
                #[cfg(feature = "tracing")]
                tracing::warn!(header = %name, "httperr left out a header whose value's Display failed");
                return;
            }
            HeaderValue::from_bytes(trim_whitespace(out.as_slice()))
        }
    };
    match value {
        Ok(value) => {
            headers.append(name, value);
        }
        Err(_invalid) => {
            #[cfg(feature = "tracing")]
            tracing::warn!(header = %name, "httperr left out a header whose formatted value is not a valid header value");
        }
    }
}

/// What a `#[headers]` field can hold: a `HeaderMap`, or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "a #[headers] field holds a `HeaderMap` or an `Option<HeaderMap>`, not `{Self}`",
    label = "not a header map",
    note = "build the map when the error is made (`http::HeaderMap::new()`, then `insert`), or send one header with #[header(NAME, \"{{field}}\")]"
)]
pub trait ExtraHeaders {
    fn header_map(&self) -> Option<&HeaderMap>;
}

impl ExtraHeaders for HeaderMap {
    fn header_map(&self) -> Option<&HeaderMap> {
        Some(self)
    }
}

impl ExtraHeaders for Option<HeaderMap> {
    fn header_map(&self) -> Option<&HeaderMap> {
        self.as_ref()
    }
}

/// Adds a `#[headers]` field's headers after the variant's own: a name the field holds
/// replaces the variant's values for it, every value of it is kept, and hop-by-hop and
/// framing names are left out (the response's own `content-type` and `content-length` are
/// set after, and win anyway).
pub fn extra_headers(headers: &mut HeaderMap, extra: &(impl ExtraHeaders + ?Sized)) {
    let Some(extra) = extra.header_map() else {
        return;
    };
    for name in extra.keys() {
        if crate::response::is_hop_by_hop(name.as_str()) {
            #[cfg(feature = "tracing")]
            tracing::warn!(header = %name, "httperr left out a hop-by-hop header of a #[headers] field");
            continue;
        }
        headers.remove(name);
        for value in extra.get_all(name) {
            headers.append(name.clone(), value.clone());
        }
    }
}

/// `bytes` without leading and trailing spaces and tabs (RFC 9110's optional whitespace).
fn trim_whitespace(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    bytes
}

/// The body's message being written straight into the JSON body: template text arrives
/// escaped at compile time, fields are escaped (or, for integers, formatted) as they are written.
/// A `Display` that fails marks the message as failed: the caller then writes the reason phrase
/// in its place.
///
/// Without a body (`out` is `None`) it counts instead: the length a message of text and
/// integers will have, so that its body can be written into a buffer of its exact size. Any
/// other piece (a string to escape, a `Display`) marks the count as unknown and runs nothing.
pub struct JsonMessage<'a> {
    pub(crate) out: Option<&'a mut BodyBuf>,
    pub(crate) failed: bool,
    pub(crate) counted: usize,
}

impl<'a> JsonMessage<'a> {
    pub(crate) fn new(out: &'a mut BodyBuf) -> Self {
        JsonMessage {
            out: Some(out),
            failed: false,
            counted: 0,
        }
    }

    /// The length `error`'s message will be written at, when it is known before writing it.
    pub(crate) fn length_of<E: HttpError + ?Sized>(error: &E) -> Option<usize> {
        let mut counting = JsonMessage {
            out: None,
            failed: false,
            counted: 0,
        };
        error.__write_json(&mut counting);
        (!counting.failed).then_some(counting.counted)
    }

    /// Template text, already JSON-escaped by the macro.
    #[inline]
    pub fn raw(&mut self, escaped: &'static str) {
        match &mut self.out {
            Some(out) => out.extend_from_slice(escaped.as_bytes()),
            None => self.counted += escaped.len(),
        }
    }

    /// The whole message of `error`, through its `Display`-style writer.
    pub fn message<E: HttpError + ?Sized>(&mut self, error: &E) {
        let Some(out) = &mut self.out else {
            self.failed = true;
            return;
        };
        if error.__write_message(&mut Escaper(out)).is_err() {
            self.failed = true;
        }
    }
}

/// A `fmt::Write` that escapes everything written through it into a JSON string body.
struct Escaper<'a>(&'a mut BodyBuf);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        layout::escape(self.0, s);
        Ok(())
    }
}

/// A field interpolated into a message whose type the derive saw is a string or an integer: it
/// calls `FieldStr::__json` (escaped directly) or `FieldInt::__json` (written as digits).
pub struct Field<'a, T: ?Sized>(pub &'a T);

pub trait FieldStr {
    fn __json(&self, out: &mut JsonMessage<'_>);
}

impl<T: AsRef<str> + ?Sized> FieldStr for Field<'_, T> {
    #[inline]
    fn __json(&self, out: &mut JsonMessage<'_>) {
        match &mut out.out {
            Some(body) => layout::escape(*body, self.0.as_ref()),
            // Counting it would scan the string twice for escapes: more than the copy it saves.
            None => out.failed = true,
        }
    }
}

pub trait FieldInt {
    fn __json(&self, out: &mut JsonMessage<'_>);
}

macro_rules! field_int {
    ($($int:ty => $magnitude:expr),*) => {$(
        impl FieldInt for Field<'_, $int> {
            #[inline]
            fn __json(&self, out: &mut JsonMessage<'_>) {
                match &mut out.out {
                    Some(body) => body::push_int(*body, *self.0),
                    None => {
                        #[allow(unused_comparisons)]
                        let sign = usize::from(*self.0 < 0);
                        let magnitude: fn($int) -> u64 = $magnitude;
                        let digits = magnitude(*self.0).checked_ilog10().map_or(1, |log| log as usize + 1);
                        out.counted += sign + digits;
                    }
                }
            }
        }
    )*};
}

field_int!(
    i8 => |n| u64::from(n.unsigned_abs()),
    i16 => |n| u64::from(n.unsigned_abs()),
    i32 => |n| u64::from(n.unsigned_abs()),
    i64 => |n| n.unsigned_abs(),
    isize => |n| n.unsigned_abs() as u64,
    u8 => u64::from,
    u16 => u64::from,
    u32 => u64::from,
    u64 => |n| n,
    usize => |n| n as u64
);

/// What a `#[code]` field, or the function of `#[http(code = ...)]`, gives: a code chosen at
/// run time, borrowed from the error or `'static`.
#[diagnostic::on_unimplemented(
    message = "a code chosen at run time is a string or an `Option` of one, not `{Self}`",
    label = "not a code",
    note = "a #[code] field is a `String`, `&'static str`, `Cow<str>`, `Box<str>` or an `Option` of one; a function of #[http(code = ...)] returns a `&str` or an `Option<&str>`"
)]
pub trait CodeValue<'a> {
    fn __code(self) -> Option<&'a str>;
}

impl<'a> CodeValue<'a> for &'a str {
    fn __code(self) -> Option<&'a str> {
        Some(self)
    }
}

impl<'a> CodeValue<'a> for Option<&'a str> {
    fn __code(self) -> Option<&'a str> {
        self
    }
}

impl<'a> CodeValue<'a> for &'a &str {
    fn __code(self) -> Option<&'a str> {
        Some(self)
    }
}

impl<'a> CodeValue<'a> for &'a String {
    fn __code(self) -> Option<&'a str> {
        Some(self)
    }
}

impl<'a> CodeValue<'a> for &'a Box<str> {
    fn __code(self) -> Option<&'a str> {
        Some(self)
    }
}

impl<'a> CodeValue<'a> for &'a Cow<'_, str> {
    fn __code(self) -> Option<&'a str> {
        Some(self)
    }
}

impl<'a, T> CodeValue<'a> for &'a Option<T>
where
    &'a T: CodeValue<'a>,
{
    fn __code(self) -> Option<&'a str> {
        self.as_ref()?.__code()
    }
}

/// The code a `#[code]` field or `with` function gives.
pub fn code_value<'a>(value: impl CodeValue<'a>) -> Option<&'a str> {
    value.__code()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting a message of text and integers gives the length writing it gives; a string
    /// makes the count unknown.
    #[test]
    fn counted_as_written() {
        fn pieces(out: &mut JsonMessage<'_>, n: i64, m: u8, u: usize) {
            out.raw("n=");
            FieldInt::__json(&Field(&n), out);
            out.raw(" m=");
            FieldInt::__json(&Field(&m), out);
            FieldInt::__json(&Field(&u), out);
        }
        for n in [0, 9, 10, -1, -10, i64::MAX, i64::MIN] {
            for m in [0u8, 9, 10, 255] {
                for u in [0, 99, 100, usize::MAX] {
                    let mut body = BodyBuf::new();
                    pieces(&mut JsonMessage::new(&mut body), n, m, u);
                    let mut counting = JsonMessage {
                        out: None,
                        failed: false,
                        counted: 0,
                    };
                    pieces(&mut counting, n, m, u);
                    assert!(!counting.failed);
                    assert_eq!(counting.counted, body.len(), "{n} {m} {u}");
                }
            }
        }
        let mut counting = JsonMessage {
            out: None,
            failed: false,
            counted: 0,
        };
        FieldStr::__json(&Field("é"), &mut counting);
        assert!(counting.failed);
    }
}
