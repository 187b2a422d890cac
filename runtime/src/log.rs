//! Logging of every error turned into a response, with the `tracing` feature.
//!
//! Logging runs user code (`Display` impls, `source()`), so it is guarded: a `Display` that
//! fails or panics, or a `source()` chain that never ends, changes what the log says, never the
//! response.

use crate::HttpError;
use http::StatusCode;

/// How many `source()` links a 5xx's log shows; a longer chain is cut, with a note.
#[cfg(feature = "tracing")]
const MAX_SOURCES: usize = 32;

/// With the `tracing` feature, a 5xx is logged with its `Display` text and its `source()` chain
/// (at most [`MAX_SOURCES`] links, a cycle cut where it repeats) at error level (the client sees
/// only the public message); anything else at debug. Every field that runs user code is
/// [`Guarded`]: it is only run when a subscriber records the event, and a failure or panic there
/// changes what the log says, never the response.
#[cfg(feature = "tracing")]
pub(crate) fn log<E: HttpError + ?Sized>(error: &E, status: StatusCode) {
    if status.is_server_error() {
        tracing::error!(
            status = status.as_u16(),
            error = %Guarded(&ErrorDisplay(error)),
            sources = %Guarded(&Chain(error.__error_source())),
            "server error turned into an HTTP response"
        );
    } else {
        tracing::debug!(
            status = status.as_u16(),
            error = %Guarded(&PublicMessage(error)),
            "error turned into an HTTP response"
        );
    }
}

/// The public message, formatted only when the event is recorded. Through its writer rather
/// than [`HttpError::message`], whose warning about a failing `Display` would be an event
/// inside this one's formatting (which tracing drops, and may then never enable again).
#[cfg(feature = "tracing")]
struct PublicMessage<'a, E: ?Sized>(&'a E);

#[cfg(feature = "tracing")]
impl<E: HttpError + ?Sized> core::fmt::Display for PublicMessage<'_, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.__write_message(f)
    }
}

/// The error's own `Display` (a derived type's; the public message for a hand-written impl).
#[cfg(feature = "tracing")]
struct ErrorDisplay<'a, E: ?Sized>(&'a E);

#[cfg(feature = "tracing")]
impl<E: HttpError + ?Sized> core::fmt::Display for ErrorDisplay<'_, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.__error_display(f)
    }
}

/// A `Display` shown in the log: formatted into a buffer first, so that one that fails
/// halfway, or panics, is noted in the text instead of failing the whole event. Only formatted
/// when a subscriber records the event.
#[cfg(feature = "tracing")]
struct Guarded<'a>(&'a dyn core::fmt::Display);

#[cfg(feature = "tracing")]
impl core::fmt::Display for Guarded<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut text = String::new();
        let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            core::fmt::write(&mut text, format_args!("{}", self.0))
        }));
        match written {
            Ok(Ok(())) => f.write_str(&text),
            Ok(Err(_)) => write!(f, "{text}… (its Display failed)"),
            Err(_) => f.write_str("(its Display panicked)"),
        }
    }
}

/// An error's `source()` chain from its first source, `: `-separated: at most [`MAX_SOURCES`]
/// links, and cut where a link is one already shown (same address and type), so a `source()`
/// that returns itself or an ancestor ends the chain instead of looping.
#[cfg(feature = "tracing")]
struct Chain<'a>(Option<&'a (dyn core::error::Error + 'static)>);

#[cfg(feature = "tracing")]
impl core::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // The links shown so far, the error itself first; compared as wide pointers (address
        // and vtable), so a field at its parent's address (a newtype's inner error) does not
        // count as its parent. The compiler may give one type several vtables, so a cycle can
        // show one round more before it is recognised; the length bound holds regardless.
        let Some(first) = self.0 else {
            return Ok(());
        };
        let first: &dyn core::error::Error = first;
        let mut seen: [&dyn core::error::Error; MAX_SOURCES] = [first; MAX_SOURCES];
        let mut shown = 0;
        let mut next = Some(first);
        while let Some(cause) = next {
            if shown > 0 {
                f.write_str(": ")?;
                if seen[..shown].iter().any(|&link| core::ptr::eq(link, cause)) {
                    return f.write_str("(cycle)");
                }
            }
            if shown == MAX_SOURCES {
                return write!(f, "(cut after {MAX_SOURCES} sources)");
            }
            write!(f, "{}", Guarded(cause))?;
            seen[shown] = cause;
            shown += 1;
            next = cause.source();
        }
        Ok(())
    }
}

/// A `Display` failed or panicked while the public message was written: the reason phrase
/// went instead.
#[cfg(feature = "tracing")]
#[cold]
pub(crate) fn message_failed(status: StatusCode) {
    tracing::warn!(
        status = status.as_u16(),
        "httperr: a Display impl failed or panicked while writing the public message; the reason phrase was sent instead"
    );
}

/// `insert_headers` panicked: the response went without the error's own headers.
#[cfg(feature = "tracing")]
#[cold]
pub(crate) fn headers_panicked(status: StatusCode) {
    tracing::error!(
        status = status.as_u16(),
        "httperr: insert_headers panicked; the response was sent without the error's own headers"
    );
}

// Without `tracing`, no-ops the optimizer removes.
#[cfg(not(feature = "tracing"))]
pub(crate) fn log<E: HttpError + ?Sized>(_: &E, _: StatusCode) {}

#[cfg(not(feature = "tracing"))]
pub(crate) fn message_failed(_: StatusCode) {}

#[cfg(not(feature = "tracing"))]
pub(crate) fn headers_panicked(_: StatusCode) {}
