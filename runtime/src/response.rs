//! Response assembly: status, headers and body into one `http::Response<Bytes>`, and logging.

use crate::body::{self, BodyBuf, Head};
use crate::{BodyFormat, HttpError};
use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

/// The public title of a status: its reason phrase, or its class name for a code that has none.
pub(crate) fn title(status: StatusCode) -> &'static str {
    if let Some(reason) = crate::codes::reason(status.as_u16()) {
        return reason;
    }
    match status.as_u16() {
        100..=199 => "Informational",
        200..=299 => "Success",
        300..=399 => "Redirection",
        400..=499 => "Client Error",
        _ => "Server Error",
    }
}

/// Builds the response of an error whose message is written at run time.
pub(crate) fn respond<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    code: Option<&str>,
    header_count: usize,
) -> Response<Bytes> {
    log(error, status);
    let problem_type = problem_type(format);
    // The title appears only in problem details; JSON bodies skip the lookup.
    let title = if problem_type.is_some() {
        title(status)
    } else {
        ""
    };
    let head = Head {
        status: status.as_u16(),
        code,
        problem_type,
        title,
    };
    let mut out = BodyBuf::new();
    body::open(&mut out, &head);
    error.__write_json(&mut crate::__private::JsonMessage(&mut out));
    body::close(&mut out, &head);
    finish(
        error,
        status,
        content_type(format),
        out.into_bytes(),
        header_count,
    )
}

/// Builds the response of a variant whose whole body the macro computed at compile time.
pub(crate) fn respond_fixed<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    body: &'static [u8],
    header_count: usize,
) -> Response<Bytes> {
    log(error, status);
    finish(
        error,
        status,
        content_type(format),
        Bytes::from_static(body),
        header_count,
    )
}

/// Builds the response of a variant with `#[detail]` fields through its `Serialize` impl.
pub(crate) fn respond_serialized<E: HttpError + serde::Serialize>(
    error: &E,
    header_count: usize,
) -> Response<Bytes> {
    let status = error.status();
    let format = error.format();
    let mut out = BodyBuf::new();
    if serde_json::to_writer(&mut out, error).is_err() {
        // A detail whose `Serialize` fails (a map with non-string keys, say) must not produce
        // half a body: fall back to the body without details.
        return respond(error, status, format, error.code(), header_count);
    }
    log(error, status);
    finish(
        error,
        status,
        content_type(format),
        out.into_bytes(),
        header_count,
    )
}

fn finish<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    content_type: HeaderValue,
    body: Bytes,
    header_count: usize,
) -> Response<Bytes> {
    let mut headers = HeaderMap::with_capacity(2 + header_count);
    // The error's own headers go in first so that the body's framing headers below win over
    // a hand-written `insert_headers` that sets them too.
    error.insert_headers(&mut headers);
    headers.insert(CONTENT_TYPE, content_type);
    headers.insert(CONTENT_LENGTH, body::content_length(body.len()));
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

pub(crate) fn success(status: StatusCode, message: &str) -> Response<Bytes> {
    let forbidden = crate::codes::lookup(status.as_u16()).is_some_and(|info| info.body_forbidden);
    let mut response = if forbidden || status.is_informational() {
        Response::new(Bytes::new())
    } else {
        let mut out = BodyBuf::new();
        out.extend_from_slice(br#"{"success":""#);
        body::escape_into(&mut out, message);
        out.extend_from_slice(br#""}"#);
        let body = out.into_bytes();
        let length = body::content_length(body.len());
        let mut response = Response::new(body);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, const { HeaderValue::from_static(body::JSON) });
        headers.insert(CONTENT_LENGTH, length);
        response
    };
    *response.status_mut() = status;
    response
}

fn problem_type(format: BodyFormat) -> Option<&'static str> {
    match format {
        BodyFormat::Json => None,
        BodyFormat::Problem { type_uri } => Some(type_uri),
    }
}

/// Built at compile time: `HeaderValue::from_static` called at run time checks every byte.
fn content_type(format: BodyFormat) -> HeaderValue {
    match format {
        BodyFormat::Json => const { HeaderValue::from_static(body::JSON) },
        BodyFormat::Problem { .. } => const { HeaderValue::from_static(body::PROBLEM_JSON) },
    }
}

/// With the `tracing` feature, a 5xx is logged with its `Display` text and whole `source()`
/// chain at error level (the client sees only the public message); anything else at debug.
#[cfg(feature = "tracing")]
fn log<E: HttpError + ?Sized>(error: &E, status: StatusCode) {
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

#[cfg(not(feature = "tracing"))]
fn log<E: HttpError + ?Sized>(_: &E, _: StatusCode) {}
