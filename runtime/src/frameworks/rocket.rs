//! rocket 0.5: `Responder` for every derived type, so it can be a handler's error type.
//!
//! Rocket implements `Responder` for `Result<T, E>` when both sides are responders. The
//! responder always returns `Ok(Response)`: an `Err(Status)` would hand the request to Rocket's
//! catcher, which replaces our body with its own error page.

use bytes::Bytes;
use http::header::CONTENT_LENGTH;
use rocket::Response;
use rocket::http::Status;
use std::io::Cursor;

/// The body of the generated `Responder::respond_to`: `to_response()` in Rocket's own types,
/// with its status, headers (in order, repeated names kept) and body bytes.
///
/// Rocket writes `content-length` itself from the sized body, so ours is not copied (it would
/// be sent twice). Rocket header values are `str`: a value that is not UTF-8 — which only a
/// hand-written `insert_headers` can produce — is left out, as the derive does with a header
/// value that turns out invalid at run time, and logged with the `tracing` feature.
pub fn respond_to<E: crate::HttpError + ?Sized>(error: &E) -> rocket::response::Result<'static> {
    let (parts, body) = error.to_response().into_parts();
    let mut response = Response::new();
    response.set_status(Status::new(parts.status.as_u16()));
    for (name, value) in &parts.headers {
        if name == CONTENT_LENGTH {
            continue;
        }
        match value.to_str() {
            Ok(value) => response.adjoin_raw_header(name.as_str().to_owned(), value.to_owned()),
            Err(_not_utf8) => {
                #[cfg(feature = "tracing")]
                tracing::warn!(header = %name, "httperr left out a header whose value Rocket cannot carry (not UTF-8)");
            }
        }
    }
    let length = body.len();
    response.set_sized_body(length, Cursor::<Bytes>::new(body));
    Ok(response)
}

// The derive's impl generics go after our own lifetime: `impl<'r, >` is valid when the type
// has none, and lifetimes must come first when it has some. The name is one a user type is
// unlikely to declare itself. `Self: HttpError` covers bounds the derive inferred beyond the
// type's own where clause; behind a higher-ranked lifetime, a bound that does not hold leaves
// the impl out instead of failing to compile (a plain bound on a non-generic type is checked
// eagerly, E0277).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_rocket {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<'__httperr_r, $($generics)*> $crate::__private::rocket::response::Responder<'__httperr_r, 'static>
            for $ty
        where
            for<'__httperr> Self: $crate::HttpError,
            $($where)*
        {
            fn respond_to(
                self,
                _: &'__httperr_r $crate::__private::rocket::Request<'_>,
            ) -> $crate::__private::rocket::response::Result<'static> {
                $crate::__private::glue::rocket::respond_to(&self)
            }
        }
    };
}
