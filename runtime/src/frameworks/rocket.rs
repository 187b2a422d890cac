//! rocket glue (placeholder: a helper is writing it).

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_rocket {
    ($($input:tt)*) => {};
}
