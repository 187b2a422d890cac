//! Items the derive's generated code calls. Not public API: names and signatures change freely.

pub use crate::{BodyFormat, HttpError};
pub use bytes::Bytes;
pub use core::error::Error;
pub use core::fmt;
pub use core::option::Option::{self, None, Some};
pub use http;
pub use http::header::{HeaderMap, HeaderName, HeaderValue};
pub use http::{Response, StatusCode};
pub use serde;
pub use serde::ser::{SerializeMap, Serializer};
pub use std::borrow::Cow;
pub use std::string::String;
pub use std::vec::Vec;

/// One response a derived type can produce, as written in its attributes: the data API
/// documentation (the `utoipa` feature) is built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseDoc {
    /// The type that declares the variant (`UserError`).
    pub type_name: &'static str,
    /// The variant (`NotFound`), or the type name for a struct.
    pub variant: &'static str,
    pub status: u16,
    /// The public message as written: the template (`"user {id} not found"`), thiserror's
    /// `#[error]` text, or the reason phrase when the message is fixed or hidden.
    pub message: &'static str,
    pub code: Option<&'static str>,
    /// `Some(type URI)` for problem details, `None` for the JSON format.
    pub problem_type: Option<&'static str>,
    /// `(lowercase name, value template)` of each `#[header]`.
    pub headers: &'static [(&'static str, &'static str)],
    /// The `#[detail]` fields, in order.
    pub details: &'static [&'static str],
}

/// A status code the macro has already checked to be in 100..=599; called in a `const` block,
/// so the impossible arm could only ever fail the build, never a request.
pub const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("httperr: status code outside 100..=599"),
    }
}

/// The response of a variant whose message is formatted at run time.
pub fn respond<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    code: Option<&'static str>,
    header_count: usize,
) -> Response<Bytes> {
    crate::response::respond(error, status, format, code, header_count)
}

/// The response of a variant whose whole body was computed at compile time.
pub fn respond_fixed<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    body: &'static str,
    header_count: usize,
) -> Response<Bytes> {
    crate::response::respond_fixed(error, status, format, body.as_bytes(), header_count)
}

/// The response of a variant with `#[detail]` fields, written through `Serialize`.
pub fn respond_serialized<E: HttpError + serde::Serialize>(
    error: &E,
    header_count: usize,
) -> Response<Bytes> {
    crate::response::respond_serialized(error, header_count)
}

/// The body object of §5 for the type's `Serialize` impl.
pub fn serialize<E: HttpError, S: Serializer>(error: &E, serializer: S) -> Result<S::Ok, S::Error> {
    crate::ser::serialize(error, serializer)
}

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
            let mut out = crate::body::Buf::<64>::new();
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
pub struct JsonMessage<'a>(pub(crate) &'a mut crate::body::BodyBuf);

impl JsonMessage<'_> {
    /// Template text, already JSON-escaped by the macro.
    pub fn raw(&mut self, escaped: &'static str) {
        self.0.extend_from_slice(escaped.as_bytes());
    }

    /// The whole message of `error`, through its `Display`-style writer.
    pub fn message<E: HttpError + ?Sized>(&mut self, error: &E) {
        // A `Display` impl that fails leaves the message cut short; the body stays valid JSON.
        let _ = error.__write_message(&mut crate::body::Escaper(self.0));
    }

    fn display<T: fmt::Display + ?Sized>(&mut self, value: &T) {
        let _ = fmt::Write::write_fmt(&mut crate::body::Escaper(self.0), format_args!("{value}"));
    }
}

/// A field interpolated into a message. Which trait's `__json` a call picks depends on the
/// field's type (autoref specialization): strings are escaped directly, integers written as
/// digits, anything else goes through `Display`.
pub struct Field<'a, T: ?Sized>(pub &'a T);

pub trait FieldStr {
    fn __json(&self, out: &mut JsonMessage<'_>);
}

impl<T: AsRef<str> + ?Sized> FieldStr for Field<'_, T> {
    fn __json(&self, out: &mut JsonMessage<'_>) {
        crate::body::escape_into(out.0, self.0.as_ref());
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
                crate::body::push_int(out.0, *self.0 < 0, self.0.unsigned_abs() as u64);
            }
        }
    )*};
}

macro_rules! field_uint {
    ($($int:ty),*) => {$(
        impl FieldInt for Field<'_, $int> {
            fn __json(&self, out: &mut JsonMessage<'_>) {
                #[allow(clippy::cast_lossless)]
                crate::body::push_int(out.0, false, *self.0 as u64);
            }
        }
    )*};
}

field_int!(i8, i16, i32, i64, isize);
field_uint!(u8, u16, u32, u64, usize);

pub trait FieldDisplay {
    fn __json(&self, out: &mut JsonMessage<'_>);
}

impl<T: fmt::Display + ?Sized> FieldDisplay for &Field<'_, T> {
    fn __json(&self, out: &mut JsonMessage<'_>) {
        out.display(self.0);
    }
}

/// Turns any error field into `&dyn Error`, whether it is a concrete type or already a trait object.
pub trait AsDynError<'a>: Sealed {
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

pub trait Sealed {}
impl<T: Error> Sealed for T {}
impl Sealed for dyn Error + '_ {}
impl Sealed for dyn Error + Send + '_ {}
impl Sealed for dyn Error + Send + Sync + '_ {}

// Each framework's module (its conversion functions) and crate, for the glue macros.
#[cfg(feature = "actix-web")]
pub use ::actix_web;
#[cfg(feature = "poem")]
pub use ::poem;
#[cfg(feature = "rocket")]
pub use ::rocket;
#[cfg(feature = "utoipa")]
pub use ::utoipa;
#[cfg(feature = "warp")]
pub use ::warp;
#[cfg(feature = "axum")]
pub use axum_core;
#[cfg(feature = "salvo")]
pub use salvo_core;

/// The conversion functions the glue macros call, one module per framework.
pub use crate::frameworks as glue;
