//! actix-web 4 glue: [`ResponseError`], the derive, and [`Rejections`], which answers
//! actix-web's own errors and a handler's panic in the application's format.
//!
//! A handler returns `Result<impl Responder, E>` with `E` a derived type: actix-web implements
//! `Responder` for it when `E: Into<actix_web::Error>`, which it provides for every
//! `ResponseError + 'static`, and the response is exactly
//! [`HttpError::to_response`](crate::HttpError::to_response).
//!
//! What the handler never sees is answered by actix-web itself, as empty or `text/plain`
//! responses. One middleware per app puts them in the app's shape:
//! `App::new().wrap(httperr::actix_web::Rejections::default())`. Then (messages as written by
//! [`Rejection`](crate::Rejection), here in the JSON format):
//!
//! | request | status | body |
//! |---|---|---|
//! | no resource matches the path | 404 | `{"error":"Not Found"}` |
//! | a resource none of whose routes takes the method | 405, `Allow` | `{"error":"Method Not Allowed"}` |
//! | a `web::Path` parameter that does not parse | 400 | `` {"error":"invalid path: `id` has the wrong type"} `` |
//! | a `web::Query` that does not deserialize | 400 | `` {"error":"invalid query: `page` is missing"} `` |
//! | a `web::Json` body that does not parse | 400 | `{"error":"invalid JSON body: it ends early (line 1, column 9)"}` |
//! | a `web::Json` body of the wrong shape | 422 | `{"error":"invalid JSON body: a value has the wrong type (line 1, column 12)"}` |
//! | a `web::Json` body sent as another content type | 415 | `{"error":"expected a JSON body (content-type: application/json)"}` |
//! | a body over the `JsonConfig` (or `FormConfig`, `PayloadConfig`) limit | 413 | `{"error":"the request body is too large"}` |
//! | a `web::Form` body that does not deserialize | 400 | `` {"error":"invalid form body: `email` is missing"} `` |
//! | the handler panics | 500 | `{"error":"Internal Server Error"}` |
//!
//! actix-web's JSON errors do not say which member failed, so a mismatch is "a value" unless
//! serde names the field (missing or unknown ones). actix-web answers a wrong method with 405
//! only where a resource's routes are registered on the resource, as in
//! `web::resource("/users").get(list).post(create)`; `App::route` and the `#[get]`-style macros
//! put the method in the resource's own guard, so a request with another method matches no
//! resource and gets the 404.
//!
//! actix-web 4 is built on `http` 0.2, so the `http` 1 response of `to_response()` is carried
//! over by status number and header bytes; the body `Bytes` moves over without a copy (both
//! sides use `bytes` 1).

use actix_web::HttpResponse;
use actix_web::body::BoxBody;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use bytes::Bytes;
use std::borrow::Cow;

pub use super::actix_web_errors::{Rejections, RejectionsService};

/// Derives actix-web's `ResponseError` for a type that also derives [`HttpError`](crate::HttpError): the
/// response is exactly [`to_response`](crate::HttpError::to_response)'s. A derive of its own,
/// so that turning this crate's feature on never adds an impl to a type that did not ask for
/// one (a type with a hand-written impl keeps compiling).
///
/// ```
/// use actix_web::ResponseError as _;
///
/// #[derive(Debug, httperr::HttpError, httperr::actix_web::ResponseError)]
/// enum UserError {
///     #[status(404, "user {0} not found")]
///     NotFound(u64),
/// }
///
/// assert_eq!(UserError::NotFound(7).error_response().status(), 404);
/// ```
#[cfg(feature = "derive")]
pub use httperr_macros::ActixWebResponseError as ResponseError;

/// The body of the generated `ResponseError::status_code`: the same status as `to_response()`,
/// without building the body (actix asks for it on its own, e.g. in logging middleware).
#[doc(hidden)]
pub fn status_code<E: crate::HttpError + ?Sized>(error: &E) -> StatusCode {
    // `http` 0.2 and 1 accept the same range (100..=999), so this cannot fail; if it ever
    // did, the response below degrades to a 500 as well, so the two still agree.
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The body of the generated `ResponseError::error_response`: `to_response()` with its status,
/// every header (in order, repeated names kept) and the body bytes.
///
/// actix writes its own `content-length` from the sized body and skips the copied one, so
/// it is sent once.
#[doc(hidden)]
pub fn error_response<E: crate::HttpError + ?Sized>(error: &E) -> HttpResponse<BoxBody> {
    convert(error.to_response()).unwrap_or_else(fallback)
}

/// `None` if a part has no `http` 0.2 equivalent, which the two crates' identical validity
/// rules for status codes, header names and header values rule out.
fn convert(response: http::Response<Bytes>) -> Option<HttpResponse<BoxBody>> {
    let (parts, body) = response.into_parts();
    let status = StatusCode::from_u16(parts.status.as_u16()).ok()?;
    let mut converted = HttpResponse::with_body(status, BoxBody::new(body));
    let headers = converted.headers_mut();
    for (name, value) in &parts.headers {
        let name = HeaderName::from_bytes(name.as_str().as_bytes()).ok()?;
        let value = HeaderValue::from_bytes(value.as_bytes()).ok()?;
        headers.append(name, value);
    }
    Some(converted)
}

/// What an unconvertible response becomes: a plain 500 with the generic body, written by the
/// same writer, rather than a panic or a half-copied response.
#[cold]
fn fallback() -> HttpResponse<BoxBody> {
    #[cfg(feature = "tracing")]
    tracing::error!(
        "httperr could not carry a response over to actix-web's http 0.2 types; sent a 500 instead"
    );
    let body = crate::HttpError::to_response(&Unconvertible).into_body();
    let mut response =
        HttpResponse::with_body(StatusCode::INTERNAL_SERVER_ERROR, BoxBody::new(body));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The error behind [`fallback`]: a bare 500 in the JSON format.
struct Unconvertible;

impl crate::HttpError for Unconvertible {
    fn status(&self) -> http::StatusCode {
        http::StatusCode::INTERNAL_SERVER_ERROR
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(crate::codes::title(http::StatusCode::INTERNAL_SERVER_ERROR))
    }
}

// `ResponseError` requires `Debug + Display`, and the body needs `Self: HttpError`, whose impl
// may carry bounds the derive inferred beyond the type's own where clause (a generic field's
// `Debug`, say). The bounds sit behind a higher-ranked lifetime so that, where one does not
// hold, the impl simply does not apply instead of failing to compile: a plain `Self: Debug`
// on a non-generic type is checked eagerly (E0277), and since cargo unifies features, any
// crate in the graph turning on `actix-web` would otherwise break every such derived type.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::actix_web::ResponseError for $ty
        where
            for<'__httperr> Self: $crate::HttpError + ::core::fmt::Debug + ::core::fmt::Display,
            $($where)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::glue::actix_web::status_code(self)
            }

            fn error_response(
                &self,
            ) -> $crate::__private::actix_web::HttpResponse<$crate::__private::actix_web::body::BoxBody> {
                $crate::__private::glue::actix_web::error_response(self)
            }
        }
    };
}
