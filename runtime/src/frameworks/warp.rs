//! warp 0.4 glue: the [`Reply`] derive makes a type a `warp::Reply` and a [`Reject`]; [`recover`] turns such
//! a rejection back into its response, and [`recover_any`] answers warp's own rejections in the
//! same shape.
//!
//! There are two ways to answer with an error in warp, and both give exactly
//! [`HttpError::to_response`](crate::HttpError::to_response):
//!
//! - **As a reply.** A handler that returns `Result<impl Reply, E>` (through `.map(...)`, or
//!   `and_then` with `Infallible` errors) is itself a reply, since warp implements `Reply` for
//!   `Result<T: Reply, E: Reply>`.
//! - **As a rejection.** An `and_then` handler fails with `Err(warp::reject::custom(error))`
//!   (or `Err(error.into())`); the app ends with `.recover(httperr::warp::recover::<E>)`,
//!   which answers with `E`'s response and passes every other rejection on.
//!
//! `Reject` requires `Debug + Send + Sync + 'static`; a derived type lacking one of them is
//! still a `Reply` (if it is `Send`), just not a `Reject`.
//!
//! # warp's own errors
//!
//! End the app with `.recover(httperr::warp::recover_any)` (or [`recover_any_as`] with the
//! app's format), after the `recover::<E>` of the app's own types: every rejection is then
//! answered as a [`Rejection`](crate::Rejection). Without it, warp answers its own
//! rejections in `text/plain` (a 404 empty), and a custom rejection no recover answered with a
//! 500 whose body is the error's `Debug` text. For what warp cannot say by itself, use
//! httperr's filters in place of warp's: [`param`] for a path segment, [`json`] for a JSON
//! body, and [`catch_panic`] around a handler's future.
//!
//! ```
//! use warp::Filter;
//!
//! #[derive(serde::Deserialize)]
//! struct CreateUser {
//!     email: String,
//! }
//!
//! let user = warp::path("users")
//!     .and(httperr::warp::param::<u64>("id"))
//!     .and(warp::path::end())
//!     .and(warp::get())
//!     .map(|id: u64| id.to_string());
//! let create = warp::path("users")
//!     .and(warp::path::end())
//!     .and(warp::post())
//!     .and(httperr::warp::json::<CreateUser>(64 * 1024))
//!     .map(|user: CreateUser| user.email);
//! let app = user.or(create).recover(httperr::warp::recover_any);
//!
//! # fn block_on<F: std::future::Future>(future: F) -> F::Output {
//! #     // warp's test requests are in memory: the future is ready at once.
//! #     let mut future = std::pin::pin!(future);
//! #     let mut context = std::task::Context::from_waker(std::task::Waker::noop());
//! #     loop {
//! #         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
//! #             return output;
//! #         }
//! #     }
//! # }
//! let response = block_on(warp::test::request().path("/users/abc").reply(&app));
//! assert_eq!(response.status(), 400);
//! assert_eq!(response.body().as_ref(), br#"{"error":"invalid path: `id` has the wrong type"}"#);
//! let response = block_on(warp::test::request().method("PUT").path("/users").reply(&app));
//! assert_eq!(response.status(), 405);
//! ```
//!
//! What the app answers then (in JSON here):
//!
//! | request | status | body |
//! |---|---|---|
//! | no route matches | 404 | `{"error":"Not Found"}` |
//! | a route's path matches, its method filter does not (`PUT /users`) | 405, no `Allow` | `{"error":"Method Not Allowed"}` |
//! | a [`param`] that does not parse (`/users/abc`) | 400 | `` {"error":"invalid path: `id` has the wrong type"} `` |
//! | a typed segment of `warp::path!` that does not parse | 404 (for warp the route does not match) | `{"error":"Not Found"}` |
//! | a query `warp::query()` cannot deserialize | 400 | `{"error":"invalid query: it does not match what is expected"}` |
//! | a header or cookie filter's missing or invalid value | 400 | `` {"error":"the `x-api-key` header is missing"} `` |
//! | a [`json`] body of another content type | 415 | `{"error":"expected a JSON body (content-type: application/json)"}` |
//! | a [`json`] body over the limit (by its `content-length`) | 413 | `{"error":"the request body is too large"}` |
//! | a [`json`] body without a `content-length` | 411 | `{"error":"a content-length header is required"}` |
//! | a [`json`] body that does not parse (`{"email":`) | 400 | `{"error":"invalid JSON body: it ends early (line 1, column 9)"}` |
//! | a [`json`] body of the wrong shape (`{"email": 42}`) | 422 | `{"error":"invalid JSON body: a value has the wrong type (line 1, column 12)"}` |
//! | `warp::body::json()` itself refusing the content type | 415 | `{"error":"the request's content type is not one this route takes"}` |
//! | a handler under [`catch_panic`] panics | 500 | `{"error":"Internal Server Error"}` |
//! | CORS refused by `warp::cors()` | 403 | `{"error":"the cross-origin request is not allowed"}` |
//! | a [`json`] body the client did not send whole (warp's private body read error) | 400 | `{"error":"invalid JSON body: it could not be read"}` |
//! | a custom rejection no `recover::<E>` answered, or a rejection warp keeps private (a body read error outside [`json`], a file that cannot be opened) | 500 | `{"error":"Internal Server Error"}` |
//!
//! What warp does not let a recover know: the methods of a path (its 405 carries none, so no
//! `Allow` is sent), the names of path parameters (they are positional: [`param`] is given
//! one), which body filter refused a content type (hence [`json`]), and the causes it keeps
//! private (their status too: they answer 500). A rejection that has come through `.or(...)`
//! carries each route's cause, of which `recover_any` answers the one warp prefers.
//!
//! [`Reply`]: ::warp::Reply
//! [`Reject`]: ::warp::reject::Reject

pub use super::warp_errors::{catch_panic, json, param, recover_any, recover_any_as};

/// Derives warp's `Reply` and `Reject` for a type that also derives [`HttpError`](crate::HttpError): the
/// response is exactly [`to_response`](crate::HttpError::to_response)'s. A derive of its own,
/// so that turning this crate's feature on never adds an impl to a type that did not ask for
/// one (a type with a hand-written impl keeps compiling).
///
/// ```
/// use warp::Reply as _;
///
/// #[derive(Debug, httperr::HttpError, httperr::warp::Reply)]
/// enum UserError {
///     #[status(404, "user {0} not found")]
///     NotFound(u64),
/// }
///
/// assert_eq!(UserError::NotFound(7).into_response().status(), 404);
/// let _rejection: warp::Rejection = warp::reject::custom(UserError::NotFound(7));
/// ```
#[cfg(feature = "derive")]
pub use httperr_macros::WarpReply as Reply;

use core::future::{Ready, ready};
use warp::Rejection;
use warp::reject::Reject;
use warp::reply::Response;

/// The body of the generated `Reply::into_response`.
#[doc(hidden)]
pub fn into_response<E: crate::HttpError + ?Sized>(error: &E) -> Response {
    // warp serves an `http::Response<Bytes>` as it is.
    warp::Reply::into_response(error.to_response())
}

/// A recover function for `.recover(...)`: answers a rejection that carries an `E` with that
/// error's response, and passes any other rejection on unchanged (to a later `recover::<F>`,
/// then [`recover_any`]).
///
/// When routes are combined with `.or(...)`, a rejection can carry several routes' causes;
/// this finds an `E` among them.
///
/// ```
/// use warp::Filter;
///
/// #[derive(Debug, httperr::HttpError, httperr::warp::Reply)]
/// enum ApiError {
///     #[status(410, "order {0} was cancelled")]
///     Cancelled(u64),
/// }
///
/// async fn order(id: u64) -> Result<String, warp::Rejection> {
///     Err(warp::reject::custom(ApiError::Cancelled(id)))
/// }
///
/// let routes = warp::path!("orders" / u64)
///     .and_then(order)
///     .recover(httperr::warp::recover::<ApiError>);
/// # let _ = routes;
///
/// // What the filter answers for a rejected request:
/// let rejection = warp::reject::custom(ApiError::Cancelled(7));
/// let response = httperr::warp::recover::<ApiError>(rejection).into_inner().unwrap();
/// assert_eq!(response.status(), 410);
/// assert_eq!(response.headers()["content-type"], "application/json");
///
/// // Anything else, such as warp's own 404, is passed on.
/// let not_found = httperr::warp::recover::<ApiError>(warp::reject::not_found()).into_inner();
/// assert!(not_found.unwrap_err().is_not_found());
/// ```
pub fn recover<E: crate::HttpError + Reject>(
    rejection: Rejection,
) -> Ready<Result<Response, Rejection>> {
    // Not an `async fn`: a ready future is `Send` whatever `E` is, which `recover` requires.
    ready(match rejection.find::<E>() {
        Some(error) => Ok(into_response(error)),
        None => Err(rejection),
    })
}

// `Reply` requires `Send`, and `Reject` `Debug + Send + Sync + 'static`; the body needs
// `Self: HttpError`, whose impl may carry bounds the derive inferred beyond the type's own
// where clause. The bounds sit behind a higher-ranked lifetime so that, on a type lacking one,
// the impl simply does not apply instead of failing to compile: a plain `Self: Send` on a
// non-generic type is checked eagerly (E0277): a type that is not `Send + Sync` is still a
// `Reply` when it is `Send`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_warp {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::warp::Reply for $ty
        where
            for<'__httperr> Self: $crate::HttpError + ::core::marker::Send,
            $($where)*
        {
            fn into_response(self) -> $crate::__private::warp::reply::Response {
                $crate::__private::glue::warp::into_response(&self)
            }
        }

        #[automatically_derived]
        impl<$($generics)*> $crate::__private::warp::reject::Reject for $ty
        where
            for<'__httperr> Self: $crate::HttpError
                + ::core::fmt::Debug
                + ::core::marker::Send
                + ::core::marker::Sync
                + 'static,
            $($where)*
        {
        }
    };
}
