//! axum 0.8 glue: [`IntoResponse`], the derive, and the hooks that make axum's own
//! errors (unknown route, wrong method, refused extractors, panics) answer in the app's format.
//!
//! A type that derives `HttpError` and [`IntoResponse`] is an `IntoResponse`:
//! `async fn h() -> Result<Json<T>, MyError>` needs nothing more. What axum answers *itself* takes two things per app:
//!
//! - **The extractors** [`Json`], [`Path`] and [`Query`], used in place of axum's: the same
//!   extractors (axum's do the work), whose rejection is a [`Rejection`](crate::Rejection) instead of axum's
//!   `text/plain` one.
//! - **One call**, [`RouterExt::with_rejections`], last on the app's router (after its routes
//!   and nests, as axum's own `layer` needs): a fallback for unknown routes, a
//!   `method_not_allowed_fallback` for a wrong method, tower-http's `CatchPanicLayer` with
//!   [`PanicResponse`], and the format the extractors answer in.
//!
//! ```
//! use axum::Router;
//! use axum::extract::DefaultBodyLimit;
//! use axum::routing::{get, post};
//! use httperr::BodyFormat;
//! use httperr::axum::{Json, Path, RouterExt as _};
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct User {
//!     email: String,
//! }
//!
//! async fn get_user(Path(id): Path<u64>) -> Json<User> {
//!     Json(User { email: format!("user{id}@example.com") })
//! }
//!
//! async fn create_user(Json(user): Json<User>) -> Json<User> {
//!     Json(user)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/users/{id}", get(get_user))
//!     .route("/users", post(create_user).layer(DefaultBodyLimit::max(64 * 1024)))
//!     .with_rejections(BodyFormat::Json);
//! # let _ = app;
//! ```
//!
//! What such an app answers, in the JSON format (with `BodyFormat::Problem`, the same status
//! and message as problem details):
//!
//! | request | status | body |
//! |---|---|---|
//! | no route matches | 404 | `{"error":"Not Found"}` |
//! | a route, not for this method | 405, with axum's `Allow` (`GET,HEAD`) | `{"error":"Method Not Allowed"}` |
//! | `Path<u64>` given `abc` at `{id}` | 400 | ``{"error":"invalid path: `id` has the wrong type"}`` |
//! | `Query<T>` without a required `page` | 400 | ``{"error":"invalid query: `page` is missing"}`` |
//! | `Json<T>` given `{"email":` | 400 | `{"error":"invalid JSON body: it ends early (line 1, column 9)"}` |
//! | `Json<T>` given `{"email": 42}` | 422 | ``{"error":"invalid JSON body: `email` has the wrong type (line 1, column 12)"}`` |
//! | `Json<T>` without `content-type: application/json` | 415 | `{"error":"expected a JSON body (content-type: application/json)"}` |
//! | a body over axum's `DefaultBodyLimit` (2 MB unless set) | 413 | `{"error":"the request body is too large"}` |
//! | a handler panics | 500 | `{"error":"Internal Server Error"}` |
//!
//! Messages never carry a Rust type name or more than [`Rejection::MAX_ECHO`](crate::Rejection::MAX_ECHO) characters of
//! the request. With the `tracing` feature, axum's own text of a rejection is logged at debug
//! level and a panic, with its message, at error level; the server keeps serving after one.
//!
//! Without `with_rejections`, the extractors still answer in JSON, and the router-level cases
//! stay axum's: an empty 404 or 405, and a panic that closes the connection.

pub use super::axum_errors::{Json, PanicResponse, Path, Query, RouterExt};

/// Derives axum's `IntoResponse` for a type that also derives [`HttpError`](crate::HttpError): the
/// response is exactly [`to_response`](crate::HttpError::to_response)'s. A derive of its own,
/// so that turning this crate's feature on never adds an impl to a type that did not ask for
/// one (a type with a hand-written impl keeps compiling).
///
/// ```
/// use axum::response::IntoResponse as _;
///
/// #[derive(Debug, httperr::HttpError, httperr::axum::IntoResponse)]
/// enum UserError {
///     #[status(404, "user {0} not found")]
///     NotFound(u64),
/// }
///
/// // async fn get_user(..) -> Result<Json<User>, UserError> is a handler.
/// assert_eq!(UserError::NotFound(7).into_response().status(), 404);
/// ```
#[cfg(feature = "derive")]
pub use httperr_macros::AxumIntoResponse as IntoResponse;

/// The body of the generated `IntoResponse::into_response`: `to_response()` without
/// `content-length`, which hyper writes itself from the body's exact size (the bytes on the
/// wire are the same).
#[doc(hidden)]
pub fn into_response<E: crate::HttpError + ?Sized>(error: &E) -> axum_core::response::Response {
    error.__respond(false).map(axum_core::body::Body::from)
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::axum_core::response::IntoResponse for $ty where $($where)* {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::glue::axum::into_response(&self)
            }
        }
    };
}
