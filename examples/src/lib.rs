//! The sample API every example serves, the same in each framework, and its error types.
//!
//! Routes: `GET /users/{id}` (user 1 exists, user 2 hits a storage failure, any other id is a
//! 404), `POST /users` (a JSON [`CreateUser`] body of at most [`BODY_LIMIT`] bytes, answered
//! with 201 and the [`NewUser`]), `GET /panic` (its handler panics: see [`panic()`]) and
//! `GET /errors/{case}`, which answers with the error named in [`CASES`].
//!
//! Everything the framework answers itself (an unknown route, a wrong method, a path or body
//! its extractors refuse, the panic) answers in the same shape as `ApiError`, through each
//! framework's httperr hook.

use httperr::HttpError;
use serde::{Deserialize, Serialize};

pub mod actix_web;
pub mod axum;
pub mod hyper;
pub mod poem;
pub mod rocket;
pub mod salvo;
pub mod warp;

/// A user, the one success body of the sample API.
#[derive(Debug, Serialize)]
pub struct User {
    pub id: u64,
    pub email: &'static str,
}

/// Errors of the orders domain, with machine-readable codes.
#[derive(Debug, HttpError, httperr::utoipa::IntoResponses)]
#[http(codes)]
pub enum OrderError {
    #[status(404, "order {0} not found")]
    NotFound(u64),
    #[status(410, "order {0} was cancelled")]
    Cancelled(u64),
}

/// Payment errors, as RFC 9457 problem details.
#[derive(Debug, HttpError, httperr::utoipa::IntoResponses)]
#[http(format = "problem", type_base = "https://example.com/problems/")]
pub enum PaymentProblem {
    #[status(402, "card ending {last4} was declined")]
    CardDeclined {
        last4: String,
        #[detail]
        retryable: bool,
    },
}

/// The error type of every handler in the sample API: an `HttpError`, and the error type of
/// each framework's handlers through that framework's derive.
#[derive(
    Debug,
    HttpError,
    httperr::axum::IntoResponse,
    httperr::actix_web::ResponseError,
    httperr::poem::ResponseError,
    httperr::rocket::Responder,
    httperr::warp::Reply,
    httperr::salvo::Scribe,
    httperr::utoipa::IntoResponses,
)]
pub enum ApiError {
    #[status(404)]
    UserNotFound,
    #[status(409, "email {0} is already registered")]
    EmailTaken(String),
    #[status(429, "slow down")]
    #[header(RETRY_AFTER, "{0}")]
    RateLimited(u64),
    #[status(401)]
    #[header(WWW_AUTHENTICATE, r#"Bearer realm="api""#)]
    Unauthorized,
    #[status(405)]
    #[header(ALLOW, "GET, HEAD")]
    MethodNotAllowed,
    #[status(500)]
    Storage(#[from] std::io::Error),
    #[status(transparent)]
    Order(#[from] OrderError),
    #[status(transparent)]
    Payment(#[from] PaymentProblem),
}

/// The names `GET /errors/{case}` accepts.
pub const CASES: &[&str] = &[
    "user-not-found",
    "email-taken",
    "rate-limited",
    "unauthorized",
    "method-not-allowed",
    "storage",
    "order-cancelled",
    "payment",
];

/// The error for `GET /errors/{case}`; an unknown case is a 404.
pub fn error_case(case: &str) -> ApiError {
    match case {
        "email-taken" => ApiError::EmailTaken("\"ada\"\\lovelace\u{1}@example.com ☃".to_owned()),
        "rate-limited" => ApiError::RateLimited(30),
        "unauthorized" => ApiError::Unauthorized,
        "method-not-allowed" => ApiError::MethodNotAllowed,
        "storage" => std::io::Error::other("postgres://admin:hunter2@10.0.0.5 refused").into(),
        "order-cancelled" => OrderError::Cancelled(7).into(),
        "payment" => PaymentProblem::CardDeclined {
            last4: "4242".to_owned(),
            retryable: false,
        }
        .into(),
        _ => ApiError::UserNotFound,
    }
}

/// `GET /users/{id}`.
pub fn find_user(id: u64) -> Result<User, ApiError> {
    match id {
        1 => Ok(User {
            id: 1,
            email: "ada@example.com",
        }),
        2 => Err(std::io::Error::other("disk /dev/sda1 failed").into()),
        _ => Err(ApiError::UserNotFound),
    }
}

/// The body `POST /users` takes.
#[derive(Debug, Deserialize)]
pub struct CreateUser {
    pub email: String,
}

/// What `POST /users` answers with (201).
#[derive(Debug, Serialize)]
pub struct NewUser {
    pub id: u64,
    pub email: String,
}

/// The largest body `POST /users` accepts, in bytes.
pub const BODY_LIMIT: usize = 64 * 1024;

/// `POST /users`: the new user is always number 3.
pub fn create_user(input: CreateUser) -> NewUser {
    NewUser {
        id: 3,
        email: input.email,
    }
}

/// `GET /panic`'s handler calls this. The panic message carries a secret that no response may
/// show.
pub fn panic() -> ! {
    panic!("the /panic handler panics on purpose (password=hunter2)")
}

/// The address an example listens on: `127.0.0.1:3000`, or the port in `$PORT`.
pub fn address() -> std::net::SocketAddr {
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000);
    std::net::SocketAddr::from(([127, 0, 0, 1], port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_has_its_own_error() {
        let statuses: Vec<u16> = CASES
            .iter()
            .map(|c| error_case(c).status().as_u16())
            .collect();
        assert_eq!(statuses, [404, 409, 429, 401, 405, 500, 410, 402]);
    }
}
