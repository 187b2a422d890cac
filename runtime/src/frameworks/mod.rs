//! Framework glue. The derive calls `__impl_frameworks!` for every type; each framework's macro
//! is defined twice — for real in its module when the feature is on, empty here when it is off —
//! so the features this crate was compiled with decide which impls exist (a proc-macro cannot
//! see them). Every impl is one call into its module, and every module goes through
//! `HttpError::to_response`, the one writer.

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

/// Called by the derive with `[impl generics] Type<…> [where predicates]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_frameworks {
    ($($input:tt)*) => {
        $crate::__impl_axum! { $($input)* }
        $crate::__impl_actix_web! { $($input)* }
        $crate::__impl_poem! { $($input)* }
        $crate::__impl_rocket! { $($input)* }
        $crate::__impl_warp! { $($input)* }
        $crate::__impl_salvo! { $($input)* }
        $crate::__impl_utoipa! { $($input)* }
    };
}

// The empty stand-ins for frameworks whose feature is off.

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "poem"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "rocket"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_rocket {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "warp"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_warp {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "salvo"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_salvo {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($input:tt)*) => {};
}
