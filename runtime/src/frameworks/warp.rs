//! warp 0.4 glue: every derived type is a [`Reply`] and a [`Reject`], and [`recover`] turns
//! such a rejection back into its response.
//!
//! There are two ways to answer with an error in warp, and both give exactly
//! [`HttpError::to_response`](crate::HttpError::to_response):
//!
//! - **As a reply.** A handler that returns `Result<impl Reply, E>` (through `.map(...)`, or
//!   `and_then` with `Infallible` errors) is itself a reply, since warp implements `Reply` for
//!   `Result<T: Reply, E: Reply>`.
//! - **As a rejection.** An `and_then` handler fails with `Err(warp::reject::custom(error))`
//!   (or `Err(error.into())`); the app ends with `.recover(httperr::warp::recover::<E>)`,
//!   which answers with `E`'s response and passes every other rejection on, so warp's own
//!   404s and 405s stay as they were. Do not leave the `recover` out: warp answers a
//!   rejection it does not know with a 500 whose body is the error's `Debug` text, internal
//!   details (and a hidden 5xx's source) included.
//!
//! `Reject` requires `Debug + Send + Sync + 'static`; a derived type lacking one of them is
//! still a `Reply` (if it is `Send`), just not a `Reject`.
//!
//! [`Reply`]: ::warp::Reply
//! [`Reject`]: ::warp::reject::Reject

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
/// error's response, and passes any other rejection on unchanged.
///
/// When routes are combined with `.or(...)`, a rejection can carry several routes' causes;
/// this finds an `E` among them.
///
/// ```
/// use warp::Filter;
///
/// #[derive(Debug, httperr::HttpError)]
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
// non-generic type is checked eagerly (E0277), and since cargo unifies features, any crate in
// the graph turning on `warp` would otherwise break every derived type that is not
// `Send + Sync`.
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
