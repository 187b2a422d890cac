//! A crate that writes its framework impls by hand for a type that derives `HttpError`, as a
//! crate written before any httperr framework feature existed would.
//!
//! It depends on httperr without features, but the workspace's other members turn on every
//! framework feature, and cargo builds this crate against that one httperr: it compiling at
//! all is the test that a feature turned on elsewhere adds no impl to a type that did not ask
//! for one (no E0119). The tests check that the impls are the hand-written ones.

use httperr::HttpError;

/// An error with its own `IntoResponse` and `ResponseError`, each answering a body of its own.
#[derive(Debug, HttpError)]
pub enum LegacyError {
    #[status(404, "no such thing")]
    Missing,
}

impl axum_core::response::IntoResponse for LegacyError {
    fn into_response(self) -> axum_core::response::Response {
        let mut response =
            axum_core::response::Response::new(axum_core::body::Body::from("legacy"));
        *response.status_mut() = http::StatusCode::GONE;
        response
    }
}

impl actix_web::ResponseError for LegacyError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::GONE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_written_impls_answer() {
        let response = axum_core::response::IntoResponse::into_response(LegacyError::Missing);
        assert_eq!(response.status(), 410);
        assert_eq!(
            actix_web::ResponseError::status_code(&LegacyError::Missing).as_u16(),
            410
        );
        // The derived `HttpError` is untouched.
        assert_eq!(LegacyError::Missing.to_response().status(), 404);
        assert_eq!(
            LegacyError::Missing.to_response().body().as_ref(),
            br#"{"error":"no such thing"}"#
        );
    }
}
