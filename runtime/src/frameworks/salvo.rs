//! salvo 1 glue: [`Scribe`], the derive, and [`Rejections`], the catcher that answers
//! salvo's own errors and handler panics in the application's format.
//!
//! salvo implements `Writer` for every `Scribe + Send` and for `Result<T: Writer, E: Writer>`,
//! so `Result<Json<User>, E>` works as a handler's return type.
//!
//! What salvo answers itself (its router's 404 and 405, a request its extractors refuse, a
//! status a handler set without a body) goes to the service's `Catcher`, whose default writes
//! an HTML page or salvo's own JSON. `httperr::salvo::Rejections::new().install(service)` (one
//! call per app) puts a [`Rejections`] hoop in the catcher and salvo's
//! [`CatchPanic`](salvo_extra::catch_panic::CatchPanic) in front of every handler, so that
//! each of those answers with a [`Rejection`] in the app's format:
//!
//! | request | status | body (JSON format) |
//! |---|---|---|
//! | no route matches | 404 | `{"error":"Not Found"}` |
//! | a method the route does not serve | 405 | `{"error":"Method Not Allowed"}`, and salvo's `Allow` (`Allow: POST`) |
//! | a path parameter of the wrong type (`PathParam<u64>` given `abc`) | 400 | `` {"error":"invalid path: `id` has the wrong type"} `` |
//! | a query, header or cookie parameter missing or of the wrong type (`QueryParam<T>`, …) | 400 | `` {"error":"invalid query: `page` is missing or has the wrong type"} `` |
//! | `JsonBody<T>` (or `req.parse_json()`) without a JSON `content-type` | 415 | `{"error":"expected a JSON body (content-type: application/json)"}` |
//! | `JsonBody<T>` given malformed JSON | 400 | `{"error":"invalid JSON body: it ends early (line 1, column 9)"}` |
//! | `JsonBody<T>` given JSON of the wrong shape | 422 | `{"error":"invalid JSON body: a value has the wrong type (line 1, column 12)"}` |
//! | a body over the route's `SecureMaxSize` (64 KiB unless set) | 413 | `{"error":"the request body is too large"}` |
//! | a form parser given JSON | 415 | `{"error":"expected a form body (content-type: application/x-www-form-urlencoded or multipart/form-data)"}` |
//! | any other `StatusError`, or an error status without a body | its status | its reason phrase, `{"error":"Forbidden"}`; a 5xx's brief and cause are logged, not sent |
//! | a handler panic | 500 | `{"error":"Internal Server Error"}` |
//!
//! A response that already has a body (the app's own httperr errors, any page a handler wrote)
//! passes unchanged, as salvo's catcher leaves it. The client never sees salvo's own text,
//! which can name Rust types and repeat the request; with the `tracing` feature it is logged at
//! debug level, and a 5xx at error level (salvo's `CatchPanic` logs the panic itself too).
//! salvo skips the catcher for `HEAD` requests, whose answers have no body anyway.
//!
//! [`Rejection`]: crate::Rejection

use salvo_core::http::{ResBody, Response};

pub use super::salvo_errors::Rejections;

/// Derives salvo's `Scribe` for a type that also derives [`HttpError`](crate::HttpError): the
/// response is exactly [`to_response`](crate::HttpError::to_response)'s. A derive of its own,
/// so that turning this crate's feature on never adds an impl to a type that did not ask for
/// one (a type with a hand-written impl keeps compiling).
///
/// ```
/// #[derive(Debug, httperr::HttpError, httperr::salvo::Scribe)]
/// enum UserError {
///     #[status(404, "user {0} not found")]
///     NotFound(u64),
/// }
///
/// fn scribe<T: salvo_core::Scribe>() {}
/// scribe::<UserError>(); // #[handler] async fn h() -> Result<Json<User>, UserError>
/// ```
#[cfg(feature = "derive")]
pub use httperr_macros::SalvoScribe as Scribe;

/// The body of the generated `Scribe::render`: writes `to_response()` into salvo's response.
///
/// The status and body are replaced. Each of our header names replaces that header's earlier
/// values (a stale `content-type` or `content-length` would contradict the body), while
/// headers of other names that middleware already set (CORS, cookies, request ids) stay. The
/// body is never empty, so salvo's `Catcher` leaves it alone: it only fills in error
/// responses that have no body.
#[doc(hidden)]
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
