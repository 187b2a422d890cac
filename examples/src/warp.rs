//! The sample API on warp, in both of warp's error styles (feature `warp`): `/users/{id}`
//! returns `ApiError` as a reply, `/errors/{case}` rejects with it and lets
//! `httperr::warp::recover` answer; `httperr::warp::recover_any` answers everything warp
//! rejects itself.
//!
//! Each route matches its path before its method, so that a path no route has is a 404 and a
//! known path with another method a 405 (warp prefers a 405 to a 404 among the routes' causes).

use std::convert::Infallible;

use ::warp::http::StatusCode;
use ::warp::reply::{Json, Response, WithStatus};
use ::warp::{Filter, Rejection, Reply};

use crate::{ApiError, BODY_LIMIT, CreateUser, create_user, error_case, find_user};

/// `GET /users/{id}`, the reply style: the handler's `Result<Json, ApiError>` is itself a
/// reply (warp implements `Reply` for `Result<T: Reply, E: Reply>`), so no rejection and no
/// `recover` is involved. `httperr::warp::param` answers an `id` that is not a number with a
/// 400 naming it.
pub fn users() -> impl Filter<Extract = (Result<Json, ApiError>,), Error = Rejection> + Clone {
    ::warp::path("users")
        .and(httperr::warp::param::<u64>("id"))
        .and(::warp::path::end())
        .and(::warp::get())
        .map(|id| find_user(id).map(|user| ::warp::reply::json(&user)))
}

/// `POST /users`: `httperr::warp::json` is warp's JSON body filter with a limit, whose
/// refusals say what was wrong.
pub fn create() -> impl Filter<Extract = (WithStatus<Json>,), Error = Rejection> + Clone {
    ::warp::path("users")
        .and(::warp::path::end())
        .and(::warp::post())
        .and(httperr::warp::json::<CreateUser>(BODY_LIMIT as u64))
        .map(|input| {
            let user = create_user(input);
            ::warp::reply::with_status(::warp::reply::json(&user), StatusCode::CREATED)
        })
}

/// `GET /errors/{case}`, the rejection style: the `and_then` handler fails with a rejection
/// carrying the `ApiError`, which `recover` (in [`app`]) turns back into its response.
pub fn errors() -> impl Filter<Extract = (Response,), Error = Rejection> + Clone {
    ::warp::path!("errors" / String)
        .and(::warp::get())
        .and_then(reject_with_case)
}

async fn reject_with_case(case: String) -> Result<Response, Rejection> {
    Err(::warp::reject::custom(error_case(&case)))
}

/// `GET /panic`: `httperr::warp::catch_panic` turns the handler's panic into the redacted 500
/// (without it, warp would close the connection without an answer).
pub fn panics() -> impl Filter<Extract = (&'static str,), Error = Rejection> + Clone {
    ::warp::path!("panic")
        .and(::warp::get())
        .and_then(|| httperr::warp::catch_panic(panicking()))
}

async fn panicking() -> Result<&'static str, Infallible> {
    crate::panic()
}

/// Every route of the sample API, without the recovers.
pub fn routes() -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    users().or(create()).or(errors()).or(panics())
}

/// The whole sample API: `recover` answers the `ApiError` rejections of [`errors`], and
/// `recover_any` every other rejection, in JSON.
pub fn app() -> impl Filter<Extract = (impl Reply,), Error = Infallible> + Clone {
    routes()
        .recover(httperr::warp::recover::<ApiError>)
        .recover(httperr::warp::recover_any)
}
