//! A transparent variant's field, for the derived `Display` and `source()`: its own when it has them, else its `HttpError`'s.

use crate::HttpError;
use core::error::Error;
use core::fmt;

/// Wraps the field of a `#[status(transparent)]` variant. Generated code calls
/// `(&&Forward(field)).forward_display(f)` (and `forward_source()`); method lookup takes the
/// first of three impls that applies, in this order:
///
/// 1. the field's own `Display` / `Error` (as thiserror's transparent does);
/// 2. its `HttpError`'s `__error_display` / `__error_source`, for a hand-written `HttpError`
///    that has no `Display` or `Error` of its own;
/// 3. nothing. Only a field that is not an `HttpError` gets here, and then the derived
///    `HttpError` impl, which forwards every method to the field, does not compile: the one
///    error the user sees is on the field, naming the trait to implement, instead of that error
///    and a second and third about `Display` and `Error` on the derive.
pub struct Forward<'a, T: ?Sized>(pub &'a T);

pub trait ViaStd {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl<T: fmt::Display + ?Sized> ViaStd for &Forward<'_, T> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

pub trait ViaStdError<'a> {
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)>;
}

impl<'a, T: Error + ?Sized> ViaStdError<'a> for &Forward<'a, T> {
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)> {
        self.0.source()
    }
}

pub trait ViaHttpError<'a> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)>;
}

impl<'a, T: HttpError + ?Sized> ViaHttpError<'a> for &&Forward<'a, T> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.__error_display(f)
    }
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)> {
        self.0.__error_source()
    }
}

pub trait ViaNothing<'a> {
    fn forward_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)>;
}

impl<'a, T: ?Sized> ViaNothing<'a> for Forward<'a, T> {
    fn forward_display(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
    fn forward_source(&self) -> Option<&'a (dyn Error + 'static)> {
        None
    }
}

/// The four traits, nameless: generated code glob-imports this module, which brings them into
/// scope for method lookup without a name that could shadow one of the user's, and without an
/// unused import whichever of them the lookup picks.
pub mod methods {
    pub use super::{ViaHttpError as _, ViaNothing as _, ViaStd as _, ViaStdError as _};
}
