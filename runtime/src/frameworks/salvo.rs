//! salvo: `Scribe` for every derived type, so it can be a handler's error type.
//!
//! salvo implements `Writer` for every `Scribe + Send` and for `Result<T: Writer, E: Writer>`,
//! so `Result<Json<User>, E>` works as a handler's return type.

use salvo_core::http::{ResBody, Response};

/// The body of the generated `Scribe::render`: writes `to_response()` into salvo's response.
///
/// The status and body are replaced. Each of our header names replaces that header's earlier
/// values (a stale `content-type` or `content-length` would contradict the body), while
/// headers of other names that middleware already set (CORS, cookies, request ids) stay. The
/// body is never empty, so salvo's `Catcher` leaves it alone: it only fills in error
/// responses that have no body.
pub fn render<E: crate::HttpError + ?Sized>(error: &E, res: &mut Response) {
    let (parts, body) = error.to_response().into_parts();
    res.status_code(parts.status);
    // `HeaderMap`'s `Extend` of another map's `(Option<HeaderName>, value)` items replaces
    // each name it meets and keeps every one of its values (its documented panic needs a
    // first item without a name, which a `HeaderMap`'s own iterator never yields).
    res.headers_mut().extend(parts.headers);
    res.extensions.extend(parts.extensions);
    res.replace_body(ResBody::Once(body));
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_salvo {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::salvo_core::writing::Scribe for $ty
        where
            $($where)*
        {
            fn render(self, res: &mut $crate::__private::salvo_core::http::Response) {
                $crate::__private::glue::salvo::render(&self, res)
            }
        }
    };
}
