//! poem 3 glue: [`ResponseError`], the derive, and [`Rejections`], the middleware that
//! answers poem's own errors and handler panics in the application's format.
//!
//! A handler's `Result<T, E>` needs `E: Into<poem::Error>`, which poem provides for every
//! `ResponseError + std::error::Error + Send + Sync + 'static`; derived types implement
//! `Error` (or thiserror does). The `poem::Error` keeps the typed error, so middleware and
//! `catch_error` can still `downcast_ref::<E>()` it.
//!
//! Everything else poem answers itself, on the way to a handler or instead of one, is plain
//! text by default. `.with(httperr::poem::Rejections::new())` on the app (one call, outside
//! every other middleware that can fail) turns each of those into a [`Rejection`] in the
//! app's format:
//!
//! | request | status | body (JSON format) |
//! |---|---|---|
//! | no route matches | 404 | `{"error":"Not Found"}` |
//! | a method the route does not serve | 405 | `{"error":"Method Not Allowed"}` (no `Allow`: poem's error does not say which methods the route has) |
//! | a path parameter of the wrong type (`Path<u64>` given `abc`) | 400 | `{"error":"invalid path: a value has the wrong type"}` (poem's error keeps neither the name nor the reason) |
//! | a query that does not deserialize (`Query<T>`) | 400 | `` {"error":"invalid query: `page` is missing"} ``, or what else serde says was wrong |
//! | `Json<T>` without a JSON `content-type` | 415 | `{"error":"expected a JSON body (content-type: application/json)"}` |
//! | `Json<T>` given malformed JSON | 400 | `{"error":"invalid JSON body: it ends early (line 1, column 9)"}` |
//! | `Json<T>` given JSON of the wrong shape | 422 | `{"error":"invalid JSON body: a value has the wrong type (line 1, column 12)"}` |
//! | `Form<T>` without a form `content-type`, or one that does not deserialize | 415, 400 | `{"error":"expected a form body (content-type: application/x-www-form-urlencoded)"}`, `{"error":"invalid form: …"}` |
//! | a body over poem's [`SizeLimit`] | 413 | `{"error":"the request body is too large"}` |
//! | no `content-length` where [`SizeLimit`] wants one (a chunked body) | 411 | `{"error":"the request needs a content-length header"}` |
//! | a required typed header missing (`TypedHeader<T>`) | 400 | `` {"error":"invalid header: `x-api-key` is missing"} `` |
//! | any other error poem answers in text (CORS, cookies, its other extractors; also `Error::from_string`) | its status | its reason phrase, `{"error":"Forbidden"}`; a 5xx's text is logged, not sent |
//! | a handler panic (through poem's [`CatchPanic`]) | 500 | `{"error":"Internal Server Error"}` |
//!
//! Errors that already answer in JSON (the app's own httperr types, a [`Rejection`] a handler
//! returns) and responses the app built itself (`Error::from_response`) pass unchanged. The
//! client never sees poem's own text, which can name Rust types and repeat the request; with
//! the `tracing` feature it is logged at debug level, and a panic, with its message, at error
//! level.
//!
//! [`SizeLimit`]: ::poem::middleware::SizeLimit
//! [`CatchPanic`]: ::poem::middleware::CatchPanic
//! [`Rejection`]: crate::Rejection

use poem::http::StatusCode;
use poem::{Body, Response, ResponseParts};

pub use super::poem_errors::{Rejections, RejectionsEndpoint};

/// Derives poem's `ResponseError` for a type that also derives [`HttpError`](crate::HttpError): the
/// response is exactly [`to_response`](crate::HttpError::to_response)'s. A derive of its own,
/// so that turning this crate's feature on never adds an impl to a type that did not ask for
/// one (a type with a hand-written impl keeps compiling).
///
/// ```
/// #[derive(Debug, httperr::HttpError, httperr::poem::ResponseError)]
/// enum UserError {
///     #[status(404, "user {0} not found")]
///     NotFound(u64),
/// }
///
/// let error = poem::Error::from(UserError::NotFound(7));
/// assert_eq!(error.status(), 404);
/// assert!(error.downcast_ref::<UserError>().is_some());
/// ```
#[cfg(feature = "derive")]
pub use httperr_macros::PoemResponseError as ResponseError;

/// The body of the generated `ResponseError::status`.
#[doc(hidden)]
pub fn status<E: crate::HttpError + ?Sized>(error: &E) -> StatusCode {
    error.status()
}

/// The body of the generated `ResponseError::as_response`: `to_response()` moved into poem's
/// own `Response` part by part, since poem's `From<http::Response<B>>` wants a streaming body.
#[doc(hidden)]
pub fn as_response<E: crate::HttpError + ?Sized>(error: &E) -> Response {
    let (parts, body) = error.to_response().into_parts();
    let parts = ResponseParts {
        status: parts.status,
        version: parts.version,
        headers: parts.headers,
        extensions: parts.extensions,
    };
    Response::from_parts(parts, Body::from(body))
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::poem::error::ResponseError for $ty
        where
            $($where)*
        {
            fn status(&self) -> $crate::__private::poem::http::StatusCode {
                $crate::__private::glue::poem::status(self)
            }

            fn as_response(&self) -> $crate::__private::poem::Response {
                $crate::__private::glue::poem::as_response(self)
            }
        }
    };
}
