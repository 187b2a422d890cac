//! actix_web glue (placeholder: a helper is writing it).

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ($($input:tt)*) => {};
}
