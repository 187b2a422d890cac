//! The public message and header values: written as text, or straight into a JSON body.

use crate::HttpError;
use crate::body::{self, BodyBuf, Buf};
use crate::layout;
use core::fmt;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use std::borrow::Cow;

/// The public message as an owned string, for variants whose message is formatted.
pub fn message<E: HttpError + ?Sized>(error: &E) -> Cow<'static, str> {
    let mut out = String::new();
    // Writing into a `String` fails only if a user `Display` impl fails; keep what was written.
    let _ = error.__write_message(&mut out);
    Cow::Owned(out)
}

/// Appends a header whose value is formatted at run time. A value that is not a valid header
/// value (CR, LF, NUL, other controls) is left out — never a panic, never a broken header —
/// and logged with the `tracing` feature.
pub fn append_header(headers: &mut HeaderMap, name: HeaderName, value: fmt::Arguments<'_>) {
    let value = match value.as_str() {
        Some(fixed) => HeaderValue::from_str(fixed),
        None => {
            // Formatted on the stack, then copied once into the header value.
            let mut out = Buf::<64>::new();
            let _ = fmt::Write::write_fmt(&mut out, value);
            HeaderValue::from_bytes(out.as_slice())
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

/// The body's message being written straight into the JSON body: template text arrives
/// escaped at compile time, fields are escaped (or, for integers, formatted) as they are written.
pub struct JsonMessage<'a>(pub(crate) &'a mut BodyBuf);

impl JsonMessage<'_> {
    /// Template text, already JSON-escaped by the macro.
    pub fn raw(&mut self, escaped: &'static str) {
        self.0.extend_from_slice(escaped.as_bytes());
    }

    /// The whole message of `error`, through its `Display`-style writer.
    pub fn message<E: HttpError + ?Sized>(&mut self, error: &E) {
        // A `Display` impl that fails leaves the message cut short; the body stays valid JSON.
        let _ = error.__write_message(&mut Escaper(self.0));
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
    fn __json(&self, out: &mut JsonMessage<'_>) {
        layout::escape(out.0, self.0.as_ref());
    }
}

pub trait FieldInt {
    fn __json(&self, out: &mut JsonMessage<'_>);
}

macro_rules! field_int {
    ($($int:ty),*) => {$(
        impl FieldInt for Field<'_, $int> {
            fn __json(&self, out: &mut JsonMessage<'_>) {
                #[allow(unused_comparisons, clippy::cast_lossless, clippy::cast_sign_loss)]
                body::push_int(out.0, *self.0 < 0, self.0.unsigned_abs() as u64);
            }
        }
    )*};
}

macro_rules! field_uint {
    ($($int:ty),*) => {$(
        impl FieldInt for Field<'_, $int> {
            fn __json(&self, out: &mut JsonMessage<'_>) {
                #[allow(clippy::cast_lossless)]
                body::push_int(out.0, false, *self.0 as u64);
            }
        }
    )*};
}

field_int!(i8, i16, i32, i64, isize);
field_uint!(u8, u16, u32, u64, usize);
