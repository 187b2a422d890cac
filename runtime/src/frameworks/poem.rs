//! poem: `ResponseError` for every derived type, so it can be a handler's error type.
//!
//! A handler's `Result<T, E>` needs `E: Into<poem::Error>`, which poem provides for every
//! `ResponseError + std::error::Error + Send + Sync + 'static`; derived types implement
//! `Error` (or thiserror does). The `poem::Error` keeps the typed error, so middleware and
//! `catch_error` can still `downcast_ref::<E>()` it.

use poem::http::StatusCode;
use poem::{Body, Response, ResponseParts};

/// The body of the generated `ResponseError::status`.
pub fn status<E: crate::HttpError + ?Sized>(error: &E) -> StatusCode {
    error.status()
}

/// The body of the generated `ResponseError::as_response`: `to_response()` moved into poem's
/// own `Response` part by part, since poem's `From<http::Response<B>>` wants a streaming body.
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
