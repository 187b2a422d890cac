//! Method lookups that keep one error per mistake: a transparent variant's field, for the methods the derive forwards to it (`Display` and `source()`: its own, else its `HttpError`'s; the `HttpError` methods), and a run-time status value read after `status()`.

use crate::message::JsonMessage;
use crate::response_doc::ResponseDoc;
use crate::{BodyFormat, HttpError};
use bytes::Bytes;
use core::error::Error;
use core::fmt;
use core::marker::PhantomData;
use http::{HeaderMap, Response, StatusCode};
use serde::ser::SerializeMap;
use std::borrow::Cow;

/// Wraps the field of a `#[status(transparent)]` variant. Generated code calls
/// `(&&Forward(field)).forward_display(f)` (and `forward_source()`); method lookup takes the
/// first of three impls that applies, in this order:
///
/// 1. the field's own `Display` / `Error` (as thiserror's transparent does);
/// 2. its `HttpError`'s `__error_display` / `__error_source`, for a hand-written `HttpError`
///    that has no `Display` or `Error` of its own;
/// 3. nothing. Only a field that is not an `HttpError` gets here, and then the derived
///    `HttpError` impl, which forwards every method to the field, does not compile: the one
///    error the user sees is on the field, naming the trait to implement, instead of that error
///    and a second and third about `Display` and `Error` on the derive.
pub struct Forward<'a, T: ?Sized>(pub &'a T);

pub trait ViaStd {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl<T: fmt::Display + ?Sized> ViaStd for &Forward<'_, T> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

pub trait ViaStdError<'a> {
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)>;
}

impl<'a, T: Error + ?Sized> ViaStdError<'a> for &Forward<'a, T> {
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)> {
        self.0.source()
    }
}

pub trait ViaHttpError<'a> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)>;
}

impl<'a, T: HttpError + ?Sized> ViaHttpError<'a> for &&Forward<'a, T> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.__error_display(f)
    }
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)> {
        self.0.__error_source()
    }
}

pub trait ViaNothing<'a> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)>;
}

impl<'a, T: ?Sized> ViaNothing<'a> for Forward<'a, T> {
    fn forward_display(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)> {
        None
    }
}

/// The `HttpError` methods of a transparent variant, forwarded to its field, as
/// `(&&Forward(field)).forward_message()`: the field's own when it is an `HttpError`, else
/// [`NotForwarded`]'s stand-ins. `status()` alone forwards with a plain
/// `<Field as HttpError>::status` call: that call is the one error a field that is not an
/// `HttpError` gets (spanned on the field), where a plain call in every method gave one per
/// method. The stand-ins never run: a program whose `status()` does not compile never runs.
pub trait Forwarded<'a> {
    fn forward_message(&self) -> Cow<'a, str>;
    fn forward_code(&self) -> Option<&'a str>;
    fn forward_insert_headers(&self, headers: &mut HeaderMap);
    fn forward_format(&self) -> BodyFormat;
    fn forward_respond(&self, length: bool) -> Response<Bytes>;
    fn forward_write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result;
    fn forward_write_json(&self, out: &mut JsonMessage<'_>);
    fn forward_has_details(&self) -> bool;
}

impl<'a, T: HttpError + ?Sized> Forwarded<'a> for &Forward<'a, T> {
    fn forward_message(&self) -> Cow<'a, str> {
        self.0.message()
    }
    fn forward_code(&self) -> Option<&'a str> {
        self.0.code()
    }
    fn forward_insert_headers(&self, headers: &mut HeaderMap) {
        self.0.insert_headers(headers)
    }
    fn forward_format(&self) -> BodyFormat {
        self.0.format()
    }
    fn forward_respond(&self, length: bool) -> Response<Bytes> {
        self.0.__respond(length)
    }
    fn forward_write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        self.0.__write_message(out)
    }
    fn forward_write_json(&self, out: &mut JsonMessage<'_>) {
        self.0.__write_json(out)
    }
    fn forward_has_details(&self) -> bool {
        self.0.__has_details()
    }
}

/// `forward_serialize_details` needs a sized field (the outer type, and so its last field, is sized
/// wherever it can be called).
pub trait ForwardedDetails {
    fn forward_serialize_details<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

impl<T: HttpError> ForwardedDetails for &Forward<'_, T> {
    fn forward_serialize_details<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.0.__serialize_details(map)
    }
}

/// The stand-ins of [`Forwarded`] and [`ForwardedDetails`] for a field that is not an
/// `HttpError` (and so for a program that does not compile).
pub trait NotForwarded<'a> {
    fn forward_message(&self) -> Cow<'a, str> {
        Cow::Borrowed("")
    }
    fn forward_code(&self) -> Option<&'a str> {
        None
    }
    fn forward_insert_headers(&self, _: &mut HeaderMap) {}
    fn forward_format(&self) -> BodyFormat {
        BodyFormat::Json
    }
    fn forward_respond(&self, _: bool) -> Response<Bytes> {
        let mut response = Response::new(Bytes::new());
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response
    }
    fn forward_write_message(&self, _: &mut dyn fmt::Write) -> fmt::Result {
        Ok(())
    }
    fn forward_write_json(&self, _: &mut JsonMessage<'_>) {}
    fn forward_has_details(&self) -> bool {
        false
    }
    fn forward_serialize_details<M: SerializeMap>(&self, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}

impl<'a, T: ?Sized> NotForwarded<'a> for Forward<'a, T> {}

/// A transparent field's type, for `__describe`, which takes no value:
/// `(&&ForwardType::<Field>::NEW).forward_describe(out)`, looked up as [`Forward`]'s methods are.
pub struct ForwardType<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> ForwardType<T> {
    pub const NEW: Self = ForwardType(PhantomData);
}

pub trait DescribedType {
    fn forward_describe(&self, out: &mut Vec<ResponseDoc>);
}

impl<T: HttpError> DescribedType for &ForwardType<T> {
    fn forward_describe(&self, out: &mut Vec<ResponseDoc>) {
        T::__describe(out)
    }
}

pub trait NotDescribed {
    fn forward_describe(&self, _: &mut Vec<ResponseDoc>) {}
}

impl<T: ?Sized> NotDescribed for ForwardType<T> {}

/// The run-time status value read again, after `status()`: by the message and a derived
/// `Display`, as `(&&StatusOf(value)).status_code()`. Method lookup takes [`StatusOfValue`]
/// when the value is a [`StatusValue`](crate::response::StatusValue), else [`StatusOfNothing`], so that a value of the
/// wrong type is reported once, by `status()`'s [`status_code`](crate::response::status_code); the stand-in never runs, as
/// a program whose `status()` does not compile never runs.
pub struct StatusOf<'a, T: ?Sized>(pub &'a T);

pub trait StatusOfValue {
    fn status_code(&self) -> u16;
}

impl<T: crate::response::StatusValue + ?Sized> StatusOfValue for &StatusOf<'_, T> {
    fn status_code(&self) -> u16 {
        self.0.__status_code()
    }
}

pub trait StatusOfNothing {
    fn status_code(&self) -> u16;
}

impl<T: ?Sized> StatusOfNothing for StatusOf<'_, T> {
    fn status_code(&self) -> u16 {
        500
    }
}

/// Every trait above, nameless: generated code glob-imports this module, which brings them
/// into scope for method lookup without a name that could shadow one of the user's, and
/// without an unused import whichever of them the lookup picks.
pub mod methods {
    pub use super::{
        DescribedType as _, Forwarded as _, ForwardedDetails as _, NotDescribed as _,
        NotForwarded as _, StatusOfNothing as _, StatusOfValue as _, ViaHttpError as _,
        ViaNothing as _, ViaStd as _, ViaStdError as _,
    };
}
