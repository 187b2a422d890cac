//! The sample API on salvo: `ApiError` is the handlers' error type as it is (feature `salvo`).

use salvo::prelude::*;

use crate::{ApiError, User, error_case, find_user};

/// `GET /users/{id}`: the JSON user, or the `ApiError` response. An id that is not a `u64`
/// names no user, so it is the same 404.
#[handler]
async fn user(req: &mut Request) -> Result<Json<User>, ApiError> {
    let id = req.param::<u64>("id").ok_or(ApiError::UserNotFound)?;
    find_user(id).map(Json)
}

/// `GET /errors/{case}`: always the error named by `case`.
#[handler]
async fn error(req: &mut Request) -> Result<Json<User>, ApiError> {
    let case = req.param::<String>("case").unwrap_or_default();
    Err(error_case(&case))
}

/// The sample API as a salvo router, for `Server::serve`.
pub fn router() -> Router {
    Router::new()
        .push(Router::with_path("users/{id}").get(user))
        .push(Router::with_path("errors/{case}").get(error))
}
