//! The sample API on actix-web: `ApiError` is the handlers' error type as it is (feature
//! `actix-web`).

use ::actix_web::web::{self, Json, Path, ServiceConfig};

use crate::{ApiError, User, error_case, find_user};

/// `GET /users/{id}`: the JSON user, or the `ApiError` response.
async fn user(id: Path<u64>) -> Result<Json<User>, ApiError> {
    find_user(id.into_inner()).map(Json)
}

/// `GET /errors/{case}`: always the error named by `case`.
async fn error(case: Path<String>) -> Result<Json<User>, ApiError> {
    Err(error_case(&case))
}

/// Registers the sample API's routes: `App::new().configure(httperr_examples::actix_web::routes)`.
///
/// A configure function rather than a built `App`, because `HttpServer` builds one `App` per
/// worker thread from a factory closure.
pub fn routes(config: &mut ServiceConfig) {
    config
        .route("/users/{id}", web::get().to(user))
        .route("/errors/{case}", web::get().to(error));
}
