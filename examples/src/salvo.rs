//! The sample API on salvo: `ApiError` is the handlers' error type as it is (feature `salvo`),
//! and `httperr::salvo::Rejections` answers salvo's own errors and panics in the same shape.

use salvo::Service;
use salvo::extract::{JsonBody, PathParam};
use salvo::http::request::SecureMaxSize;
use salvo::prelude::*;

use crate::{ApiError, BODY_LIMIT, CreateUser, User, create_user, error_case, find_user};

/// `GET /users/{id}`: the JSON user, or the `ApiError` response. An id that is not a `u64` is
/// refused by `PathParam` before the handler runs.
#[handler]
async fn user(id: PathParam<u64>) -> Result<Json<User>, ApiError> {
    find_user(*id).map(Json)
}

/// `POST /users`: 201 and the new user.
#[handler]
async fn create(input: JsonBody<CreateUser>, res: &mut Response) {
    res.status_code(StatusCode::CREATED);
    res.render(Json(create_user(input.into_inner())));
}

/// `GET /panic`: panics.
#[handler]
async fn panic() -> &'static str {
    crate::panic()
}

/// `GET /errors/{case}`: always the error named by `case`.
#[handler]
async fn error(req: &mut Request) -> Result<Json<User>, ApiError> {
    let case = req.param::<String>("case").unwrap_or_default();
    Err(error_case(&case))
}

/// The sample API's routes, for a `Service` whose catcher is left to the caller.
pub fn router() -> Router {
    Router::new()
        .push(
            Router::with_path("users")
                .hoop(SecureMaxSize::new(BODY_LIMIT))
                .post(create),
        )
        .push(Router::with_path("users/{id}").get(user))
        .push(Router::with_path("panic").get(panic))
        .push(Router::with_path("errors/{case}").get(error))
}

/// The sample API as a salvo service, for `Server::serve`: [`router`] with salvo's own errors
/// and panics answered as httperr rejections.
pub fn service() -> Service {
    httperr::salvo::Rejections::new().install(Service::new(router()))
}
