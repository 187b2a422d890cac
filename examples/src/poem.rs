//! The sample API on poem: `ApiError` is the handlers' error type as it is (feature `poem`).

use poem::web::{Json, Path};
use poem::{Route, get, handler};

use crate::{ApiError, User, error_case, find_user};

/// `GET /users/{id}`: the JSON user, or the `ApiError` response.
#[handler]
fn user(Path(id): Path<u64>) -> Result<Json<User>, ApiError> {
    find_user(id).map(Json)
}

/// `GET /errors/{case}`: always the error named by `case`.
#[handler]
fn error(Path(case): Path<String>) -> Result<Json<User>, ApiError> {
    Err(error_case(&case))
}

/// The sample API as a poem endpoint, for `Server::run`.
pub fn app() -> Route {
    Route::new()
        .at("/users/:id", get(user))
        .at("/errors/:case", get(error))
}
