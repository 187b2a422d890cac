//! The sample API on warp, in both of warp's error styles (feature `warp`): `/users/{id}`
//! returns `ApiError` as a reply, `/errors/{case}` rejects with it and lets
//! `httperr::warp::recover` answer.

use ::warp::reply::{Json, Response};
use ::warp::{Filter, Rejection, Reply};

use crate::{ApiError, error_case, find_user};

/// `GET /users/{id}`, the reply style: the handler's `Result<Json, ApiError>` is itself a
/// reply (warp implements `Reply` for `Result<T: Reply, E: Reply>`), so no rejection and no
/// `recover` is involved.
pub fn users() -> impl Filter<Extract = (Result<Json, ApiError>,), Error = Rejection> + Clone {
    ::warp::get()
        .and(::warp::path!("users" / u64))
        .map(|id| find_user(id).map(|user| ::warp::reply::json(&user)))
}

/// `GET /errors/{case}`, the rejection style: the `and_then` handler fails with a rejection
/// carrying the `ApiError`, which `recover` (in [`app`]) turns back into its response.
pub fn errors() -> impl Filter<Extract = (Response,), Error = Rejection> + Clone {
    ::warp::get()
        .and(::warp::path!("errors" / String))
        .and_then(reject_with_case)
}

async fn reject_with_case(case: String) -> Result<Response, Rejection> {
    Err(::warp::reject::custom(error_case(&case)))
}

/// The whole sample API. `recover` answers the `ApiError` rejections of [`errors`] and passes
/// every other rejection on, so an unknown path is still warp's own empty 404.
pub fn app() -> impl Filter<Extract = (impl Reply,), Error = Rejection> + Clone {
    users()
        .or(errors())
        .recover(httperr::warp::recover::<ApiError>)
}
