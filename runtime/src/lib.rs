//! httperr (crate docs are written in docs.md once the derive is in)
#![forbid(unsafe_code)]

mod body;
pub mod codes;
mod response;
mod ser;

use bytes::Bytes;
use core::fmt;
use http::{HeaderMap, Response, StatusCode};
use std::borrow::Cow;

#[cfg(feature = "derive")]
pub use httperr_macros::{HttpError, status};

/// An error that knows its HTTP response: status, public message, code, headers and body.
///
/// `#[derive(HttpError)]` implements it (and `serde::Serialize`, producing exactly the body
/// object). A hand-written impl needs only [`status`](HttpError::status) and
/// [`message`](HttpError::message); the rest have defaults that go through the same writer.
pub trait HttpError {
    /// The response status.
    fn status(&self) -> StatusCode;

    /// The public message: what the body says. For a 5xx it is the reason phrase unless the
    /// variant opted in with `#[http(expose)]`.
    fn message(&self) -> Cow<'_, str>;

    /// The machine-readable code (`"user_not_found"`), if the variant has one.
    fn code(&self) -> Option<&'static str> {
        None
    }

    /// Adds this error's own headers (`Retry-After`, `WWW-Authenticate`, …) to `headers`.
    fn insert_headers(&self, headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// The body format: JSON (the default) or RFC 9457 problem details.
    fn format(&self) -> BodyFormat {
        BodyFormat::Json
    }

    /// The complete response: status, `content-type`, `content-length`, the error's own
    /// headers and nothing else, and the body.
    fn to_response(&self) -> Response<Bytes> {
        response::respond(self, 64)
    }

    #[doc(hidden)]
    fn __write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(&self.message())
    }

    #[doc(hidden)]
    fn __as_error(&self) -> Option<&dyn core::error::Error> {
        None
    }

    #[doc(hidden)]
    fn __has_details(&self) -> bool {
        false
    }

    #[doc(hidden)]
    fn __serialize_details<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>
    where
        Self: Sized,
    {
        let _ = map;
        Ok(())
    }
}

/// Which body an error is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyFormat {
    /// `{"error": "…", "code": "…", "details": {…}}`, `content-type: application/json`.
    Json,
    /// RFC 9457 problem details, `content-type: application/problem+json`.
    Problem {
        /// The `type` member: a URI, or `"about:blank"`.
        type_uri: &'static str,
    },
}

/// A success response in the `{"success": "…"}` convention, written by the same writer as
/// errors. Statuses that cannot carry content (1xx, 204, 205, 304) get an empty body and no
/// `content-type` or `content-length`.
///
/// ```
/// let response = httperr::success(http::StatusCode::CREATED, "user created");
/// assert_eq!(response.body().as_ref(), br#"{"success":"user created"}"#);
/// let empty = httperr::success(http::StatusCode::NO_CONTENT, "ignored");
/// assert!(empty.body().is_empty());
/// ```
pub fn success(status: StatusCode, message: &str) -> Response<Bytes> {
    response::success(status, message)
}

#[doc(hidden)]
pub mod __private;
