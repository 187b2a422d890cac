//! Logging of every error turned into a response, with the `tracing` feature.

use crate::HttpError;
use http::StatusCode;

/// With the `tracing` feature, a 5xx is logged with its `Display` text and whole `source()`
/// chain at error level (the client sees only the public message); anything else at debug.
#[cfg(feature = "tracing")]
pub(crate) fn log<E: HttpError + ?Sized>(error: &E, status: StatusCode) {
    use core::fmt;

    struct Chain<'a>(&'a dyn core::error::Error);
    impl fmt::Display for Chain<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut next = self.0.source();
            let mut first = true;
            while let Some(cause) = next {
                if !first {
                    f.write_str(": ")?;
                }
                write!(f, "{cause}")?;
                first = false;
                next = cause.source();
            }
            Ok(())
        }
    }

    if status.is_server_error() {
        match error.__as_error() {
            Some(err) => tracing::error!(
                status = status.as_u16(),
                error = %err,
                sources = %Chain(err),
                "server error turned into an HTTP response"
            ),
            None => tracing::error!(
                status = status.as_u16(),
                error = %error.message(),
                "server error turned into an HTTP response"
            ),
        }
    } else {
        tracing::debug!(status = status.as_u16(), error = %error.message(), "error turned into an HTTP response");
    }
}

// Without `tracing`, a no-op the optimizer removes.
#[cfg(not(feature = "tracing"))]
pub(crate) fn log<E: HttpError + ?Sized>(_: &E, _: StatusCode) {}
