//! The sample API on Rocket (feature `rocket`): `ApiError` is the handlers' error type as it
//! is, and httperr's catchers answer everything Rocket answers itself in the same shape.

use ::rocket::http::Status;
use ::rocket::serde::json::Json;
use ::rocket::{Build, Rocket, Route, get, post, routes};

use crate::{ApiError, BODY_LIMIT, CreateUser, NewUser, User, create_user, error_case, find_user};

/// `GET /users/<id>`: the JSON user, or the `ApiError` response.
#[get("/users/<id>")]
fn user(id: u64) -> Result<Json<User>, ApiError> {
    find_user(id).map(Json)
}

/// `POST /users`: httperr's `Json` guard reads the body as Rocket's does, and a body it
/// refuses answers through the catchers.
#[post("/users", data = "<input>")]
fn create(input: httperr::rocket::Json<CreateUser>) -> (Status, Json<NewUser>) {
    (Status::Created, Json(create_user(input.into_inner())))
}

/// `GET /errors/<case>`: always the error named by `case`.
#[get("/errors/<case>")]
fn error(case: &str) -> Result<Json<User>, ApiError> {
    Err(error_case(case))
}

/// `GET /panic`: Rocket catches the panic and calls the 500 catcher.
#[get("/panic")]
fn panic() -> &'static str {
    crate::panic()
}

/// The sample API's routes, to mount at `/`.
pub fn routes() -> Vec<Route> {
    routes![user, create, error, panic]
}

/// The routes mounted on `rocket` (whose configuration — address, port, logging — the caller
/// chose), with JSON bodies limited to [`BODY_LIMIT`]; no catchers.
pub fn api(rocket: Rocket<Build>) -> Rocket<Build> {
    let figment = rocket.figment().clone().merge(("limits.json", BODY_LIMIT));
    rocket.configure(figment).mount("/", routes())
}

/// The sample API: [`api`] with httperr's catchers, answering in JSON.
pub fn app(rocket: Rocket<Build>) -> Rocket<Build> {
    api(rocket).register("/", httperr::rocket::catchers())
}
