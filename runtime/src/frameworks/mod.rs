//! Framework glue. Each framework's derive (`httperr::axum::IntoResponse`, …) calls that
//! framework's `__impl_…!` macro, defined in its module, which exists with the feature only;
//! every impl is one call into its module, and every module goes through
//! `HttpError::to_response`, the one writer. A type has a framework's impl only where it asks
//! for it, so turning a feature on never adds an impl to a type that did not (features stay
//! additive).

#[cfg(feature = "actix-web")]
pub mod actix_web;
#[cfg(feature = "actix-web")]
mod actix_web_errors;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "axum")]
mod axum_errors;
#[cfg(feature = "poem")]
pub mod poem;
#[cfg(feature = "poem")]
mod poem_errors;
#[cfg(feature = "rocket")]
pub mod rocket;
#[cfg(feature = "rocket")]
mod rocket_errors;
#[cfg(feature = "salvo")]
pub mod salvo;
#[cfg(feature = "salvo")]
mod salvo_errors;
#[cfg(feature = "utoipa")]
pub mod utoipa;
#[cfg(feature = "warp")]
pub mod warp;
#[cfg(feature = "warp")]
mod warp_errors;

/// A JSON media type, from its type and subtype: `application/json`, or a `+json` subtype
/// such as `application/problem+json` (RFC 6839), in any case.
#[cfg(any(feature = "poem", feature = "rocket"))]
pub(crate) fn is_json_media_type(kind: &str, subtype: &str) -> bool {
    let suffix = subtype
        .len()
        .checked_sub(5)
        .filter(|&i| subtype.is_char_boundary(i));
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || suffix.is_some_and(|i| i > 0 && subtype[i..].eq_ignore_ascii_case("+json")))
}
