//! The sample API on actix-web: `ApiError` is the handlers' error type as it is, and
//! `httperr::actix_web::Rejections` answers what actix-web answers itself (feature `actix-web`).

use ::actix_web::HttpResponse;
use ::actix_web::web::{self, Json, Path, ServiceConfig};

use crate::{ApiError, BODY_LIMIT, CreateUser, User, create_user, error_case, find_user};

/// `GET /users/{id}`: the JSON user, or the `ApiError` response.
async fn user(id: Path<u64>) -> Result<Json<User>, ApiError> {
    find_user(id.into_inner()).map(Json)
}

/// `POST /users`: 201 and the new user.
async fn create(input: Json<CreateUser>) -> HttpResponse {
    HttpResponse::Created().json(create_user(input.into_inner()))
}

/// `GET /panic`: the handler panics.
async fn panic() -> HttpResponse {
    crate::panic()
}

/// `GET /errors/{case}`: always the error named by `case`.
async fn error(case: Path<String>) -> Result<Json<User>, ApiError> {
    Err(error_case(&case))
}

/// Registers the sample API's routes:
/// `App::new().wrap(httperr::actix_web::Rejections::default()).configure(httperr_examples::actix_web::routes)`.
///
/// A configure function rather than a built `App`, because `HttpServer` builds one `App` per
/// worker thread from a factory closure. Each path is one `web::resource`, so that a method
/// none of its routes takes is a 405 with `Allow` rather than the 404 of an unknown path.
pub fn routes(config: &mut ServiceConfig) {
    config
        .service(web::resource("/users/{id}").get(user))
        .service(
            web::resource("/users")
                .app_data(web::JsonConfig::default().limit(BODY_LIMIT))
                .post(create),
        )
        .service(web::resource("/panic").get(panic))
        .service(web::resource("/errors/{case}").get(error));
}
