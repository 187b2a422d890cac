//! The sample API on poem: `ApiError` is the handlers' error type as it is (feature `poem`),
//! and `httperr::poem::Rejections` answers poem's own errors and panics in the same shape.

use poem::http::StatusCode;
use poem::middleware::SizeLimit;
use poem::web::{Json, Path};
use poem::{Endpoint, EndpointExt, Route, get, handler};

use crate::{ApiError, BODY_LIMIT, CreateUser, NewUser, User, create_user, error_case, find_user};

/// `GET /users/{id}`: the JSON user, or the `ApiError` response.
#[handler]
fn user(Path(id): Path<u64>) -> Result<Json<User>, ApiError> {
    find_user(id).map(Json)
}

/// `POST /users`: 201 and the new user.
#[handler]
fn create(Json(input): Json<CreateUser>) -> (StatusCode, Json<NewUser>) {
    (StatusCode::CREATED, Json(create_user(input)))
}

/// `GET /panic`: panics.
#[handler]
fn panic() -> &'static str {
    crate::panic()
}

/// `GET /errors/{case}`: always the error named by `case`.
#[handler]
fn error(Path(case): Path<String>) -> Result<Json<User>, ApiError> {
    Err(error_case(&case))
}

/// The sample API's routes, whose errors are left to the caller.
pub fn routes() -> Route {
    Route::new()
        .at(
            "/users",
            poem::post(create.with(SizeLimit::new(BODY_LIMIT))),
        )
        .at("/users/:id", get(user))
        .at("/panic", get(panic))
        .at("/errors/:case", get(error))
}

/// The sample API as a poem endpoint, for `Server::run`: [`routes`] with poem's own errors and
/// panics answered as httperr rejections.
pub fn app() -> impl Endpoint {
    routes().with(httperr::poem::Rejections::new())
}
