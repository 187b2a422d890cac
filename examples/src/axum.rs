//! The sample API in axum, with its OpenAPI document built by utoipa from `ApiError`'s responses.
//!
//! The handlers return `Result<Json<User>, ApiError>`: with httperr's `axum` feature the derived
//! `ApiError` is an `IntoResponse`, so there is no conversion to write. With the `utoipa`
//! feature it is also an `IntoResponses`, so `responses(..., ApiError)` documents every status
//! it can produce. httperr's `Json` and `Path` extractors and the one `with_rejections` call
//! make what axum answers itself (a bad path or body, an unknown route, a panic) answer in the
//! same shape.

use crate::{ApiError, CreateUser, NewUser, User};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use httperr::BodyFormat;
use httperr::axum::{Json, Path, RouterExt as _};
use utoipa::OpenApi;

/// The sample API: `GET /users/{id}`, `POST /users`, `GET /panic`, `GET /errors/{case}` and
/// `GET /openapi.json`, with axum's own errors in httperr's JSON.
pub fn router() -> Router {
    routes().with_rejections(BodyFormat::Json)
}

/// The routes of [`router`], without httperr's router-level hooks (for an app that installs
/// them in another format).
pub fn routes() -> Router {
    Router::new()
        .route("/users/{id}", get(get_user))
        .route(
            "/users",
            post(create_user).layer(DefaultBodyLimit::max(crate::BODY_LIMIT)),
        )
        .route("/panic", get(panic))
        .route("/errors/{case}", get(get_error))
        .route("/openapi.json", get(openapi_json))
}

/// The OpenAPI document of the sample API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "httperr sample API",
        description = "The sample API of the httperr examples.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    paths(get_user, create_user, get_error)
)]
struct ApiDoc;

/// A user by id: 1 exists, 2 fails in storage, any other is not found.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The user", body = User), ApiError)
)]
async fn get_user(Path(id): Path<u64>) -> Result<Json<User>, ApiError> {
    crate::find_user(id).map(Json)
}

/// Always an error: the one named by `case` (see `CASES`).
#[utoipa::path(
    get,
    path = "/errors/{case}",
    params(("case" = String, Path, description = "One of the sample API's error cases")),
    responses(ApiError)
)]
async fn get_error(Path(case): Path<String>) -> Result<Json<User>, ApiError> {
    Err(crate::error_case(&case))
}

/// A new user (always number 3). What axum refuses before the handler runs (a body that is not
/// JSON, too large, or not a `CreateUser`) is documented by `JsonBodyRejections`.
#[utoipa::path(
    post,
    path = "/users",
    request_body = CreateUser,
    responses(
        (status = 201, description = "The new user", body = NewUser),
        httperr::utoipa::JsonBodyRejections
    )
)]
async fn create_user(Json(input): Json<CreateUser>) -> (StatusCode, Json<NewUser>) {
    (StatusCode::CREATED, Json(crate::create_user(input)))
}

async fn panic() -> Json<User> {
    crate::panic()
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

// `User`, `CreateUser` and `NewUser` live in the framework-neutral part of the examples, which
// does not depend on utoipa's derive; their schemas are written here, and the utoipa test
// checks them against what the types serialize to or accept.
fn user_schema(with_id: bool) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    use utoipa::openapi::{KnownFormat, SchemaFormat};
    let mut object = ObjectBuilder::new().schema_type(Type::Object);
    if with_id {
        object = object
            .property(
                "id",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                    .minimum(Some(0)),
            )
            .required("id");
    }
    object
        .property(
            "email",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::Custom("email".to_owned()))),
        )
        .required("email")
        .into()
}

impl utoipa::PartialSchema for User {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        user_schema(true)
    }
}

impl utoipa::ToSchema for User {}

impl utoipa::PartialSchema for NewUser {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        user_schema(true)
    }
}

impl utoipa::ToSchema for NewUser {}

impl utoipa::PartialSchema for CreateUser {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        user_schema(false)
    }
}

impl utoipa::ToSchema for CreateUser {}
