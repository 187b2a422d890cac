//! axum: `IntoResponse` for every derived type.

/// The body of the generated `IntoResponse::into_response`.
pub fn into_response<E: crate::HttpError + ?Sized>(error: &E) -> axum_core::response::Response {
    error.to_response().map(axum_core::body::Body::from)
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::axum_core::response::IntoResponse for $ty where $($where)* {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::glue::axum::into_response(&self)
            }
        }
    };
}
