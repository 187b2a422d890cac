//! The sample API on Rocket: `ApiError` is the handlers' error type as it is (feature
//! `rocket`).

use ::rocket::serde::json::Json;
use ::rocket::{Build, Rocket, Route, get, routes};

use crate::{ApiError, User, error_case, find_user};

/// `GET /users/<id>`: the JSON user, or the `ApiError` response.
#[get("/users/<id>")]
fn user(id: u64) -> Result<Json<User>, ApiError> {
    find_user(id).map(Json)
}

/// `GET /errors/<case>`: always the error named by `case`.
#[get("/errors/<case>")]
fn error(case: &str) -> Result<Json<User>, ApiError> {
    Err(error_case(case))
}

/// The sample API's routes, to mount at `/`.
pub fn routes() -> Vec<Route> {
    routes![user, error]
}

/// The sample API mounted on `rocket` (whose configuration — address, port, logging — the
/// caller chose).
pub fn app(rocket: Rocket<Build>) -> Rocket<Build> {
    rocket.mount("/", routes())
}
