//! Response assembly: status, headers and body into one `http::Response<Bytes>`.

use crate::body::{self, BodyBuf, Head, shape};
use crate::log::log;
use crate::message::JsonMessage;
use crate::{BodyFormat, HttpError, Shape, WriteBody, codes, layout};
use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, Response, StatusCode};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A status code the macro has already checked to be in 100..=599; called in a `const` block,
/// so the impossible arm could only ever fail the build, never a request.
pub const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("httperr: status code outside 100..=599"),
    }
}

/// What a `#[status]` field, or the function of `#[status(with = ...)]`, gives: the status of
/// a response chosen at run time.
#[diagnostic::on_unimplemented(
    message = "a status chosen at run time is an `http::StatusCode` or a `u16`, not `{Self}`",
    label = "not a status code",
    note = "a #[status] field has the type `http::StatusCode` or `u16`, and so does what the function of #[status(with = ...)] returns"
)]
pub trait StatusValue {
    fn __status_code(&self) -> u16;
}

impl StatusValue for StatusCode {
    fn __status_code(&self) -> u16 {
        self.as_u16()
    }
}

impl StatusValue for u16 {
    fn __status_code(&self) -> u16 {
        *self
    }
}

/// The code a `#[status]` field or `with` function gives. Every use of it in the generated
/// code goes through this one function, so that a value of the wrong type is one error.
pub fn status_code(value: &(impl StatusValue + ?Sized)) -> u16 {
    value.__status_code()
}

/// A run-time status when it is an error status (4xx or 5xx), else `None`.
fn checked(code: u16) -> Option<StatusCode> {
    if (400..=599).contains(&code) {
        StatusCode::from_u16(code).ok()
    } else {
        None
    }
}

/// The status of a variant whose status is chosen at run time. Anything but a 4xx or 5xx (a
/// `u16` of 200 or 1000) is a bug of the service's, which the client must not see as a success
/// nor the service as a panic: it becomes a 500, whose message is then hidden, and is logged
/// at warn level with the `tracing` feature.
pub fn runtime_status(code: u16) -> StatusCode {
    match checked(code) {
        Some(status) => status,
        None => {
            #[cfg(feature = "tracing")]
            tracing::warn!(
                status = code,
                "httperr sent a 500: a status chosen at run time is not a 4xx or 5xx error status"
            );
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

/// The reason phrase to write instead of the message when a run-time status hides it (a 5xx
/// without `expose`, or an invalid status, which is a 500); `None` when the message is shown.
/// Logs nothing: [`runtime_status`] has.
pub fn runtime_hidden(code: u16, expose: bool) -> Option<&'static str> {
    match checked(code) {
        Some(status) if expose || status.is_client_error() => None,
        Some(status) => Some(codes::title(status)),
        None => Some(codes::title(StatusCode::INTERNAL_SERVER_ERROR)),
    }
}

/// The reason phrase of a run-time status, invalid ones being 500s. Logs nothing.
pub fn runtime_title(code: u16) -> &'static str {
    codes::title(checked(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
}

/// The response of an error whose message is written at run time.
pub fn respond<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    code: Option<&str>,
    header_count: usize,
    length: bool,
) -> Response<Bytes> {
    log(error, status);
    written(
        error,
        status,
        format,
        code,
        header_count,
        Own::derived(length),
    )
}

/// [`HttpError::to_response`]'s default, for hand-written impls: as [`respond`], and the
/// error's own headers are checked for hop-by-hop ones (the derive rejects those at compile
/// time).
pub(crate) fn respond_hand_written<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    code: Option<&str>,
) -> Response<Bytes> {
    log(error, status);
    written(error, status, format, code, 2, Own::HAND_WRITTEN)
}

/// How a response is assembled: who wrote the error's `insert_headers` (the derive, with
/// header names checked at compile time and `header_count` exact, or a hand-written impl), and
/// whether it carries `content-length` (a framework whose server frames the body from its size
/// does without).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Own {
    hand_written: bool,
    length: bool,
}

impl Own {
    const HAND_WRITTEN: Own = Own {
        hand_written: true,
        length: true,
    };

    const fn derived(length: bool) -> Own {
        Own {
            hand_written: false,
            length,
        }
    }
}

fn written<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    code: Option<&str>,
    header_count: usize,
    own: Own,
) -> Response<Bytes> {
    let mut out;
    match format {
        BodyFormat::Shaped { shape, category } => {
            out = BodyBuf::new();
            let head = shape::Head {
                status: status.as_u16(),
                title: codes::title(status),
                code,
                category,
            };
            let mut text = |out: &mut BodyBuf| text_message(error, status, out);
            let mut json = |out: &mut BodyBuf| json_message(error, status, out);
            let message: &mut dyn FnMut(&mut BodyBuf) = match shape.is_text() {
                true => &mut text,
                false => &mut json,
            };
            shape::write(&mut out, shape, &head, message);
        }
        _ => {
            let head = Head {
                status,
                code,
                problem_type: problem_type(format),
            };
            // A message whose length is known before writing goes straight into a buffer of
            // the body's exact size, counted by the same walk.
            out = match JsonMessage::length_of(error) {
                Some(len) => {
                    let mut counter = body::Counter(0);
                    body::write_error(&mut counter, &head, |counter| counter.0 += len);
                    BodyBuf::exact(counter.0)
                }
                None => BodyBuf::new(),
            };
            body::write_error(&mut out, &head, |out| json_message(error, status, out));
        }
    }
    finish(
        error,
        status,
        content_type(format),
        out.into_bytes(),
        header_count,
        own,
    )
}

/// Writes the message escaped into a JSON string. It runs user `Display`s: one that panics is
/// contained like one that fails, and either gives the reason phrase instead of a message cut
/// short.
fn json_message<E: HttpError + ?Sized>(error: &E, status: StatusCode, out: &mut BodyBuf) {
    let start = out.len();
    let mut message = JsonMessage::new(out);
    let wrote = catch_unwind(AssertUnwindSafe(|| error.__write_json(&mut message)));
    if wrote.is_err() || message.failed {
        out.truncate(start);
        layout::escape(out, codes::title(status));
        crate::log::message_failed(status);
    }
}

/// Writes the message as text, for a text shape; failing as [`json_message`] does.
fn text_message<E: HttpError + ?Sized>(error: &E, status: StatusCode, out: &mut BodyBuf) {
    let start = out.len();
    let wrote = catch_unwind(AssertUnwindSafe(|| error.__write_message(&mut *out)));
    if !matches!(wrote, Ok(Ok(()))) {
        out.truncate(start);
        out.extend_from_slice(codes::title(status).as_bytes());
        crate::log::message_failed(status);
    }
}

/// The response of a variant whose whole body the macro computed at compile time.
pub fn respond_fixed<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    body: &'static [u8],
    header_count: usize,
    length: bool,
) -> Response<Bytes> {
    log(error, status);
    finish(
        error,
        status,
        content_type(format),
        Bytes::from_static(body),
        header_count,
        Own::derived(length),
    )
}

/// What the derive computes at compile time for a variant in a declared shape whose message is
/// written at run time: the text around the message and where it goes, and the content type.
#[doc(hidden)]
pub struct Split {
    around: &'static [u8],
    at: usize,
    text: bool,
    content_type: Option<HeaderValue>,
}

impl Split {
    /// Evaluated in a `const`: the content type is checked once, at compile time.
    pub const fn new(shape: &Shape, around: &'static [u8], at: usize) -> Split {
        Split {
            around,
            at,
            text: shape.is_text(),
            content_type: match shape.content_type_value() {
                Some(value) => Some(HeaderValue::from_static(value)),
                None => None,
            },
        }
    }
}

/// The response of a variant in a declared shape whose message is written at run time around
/// the text `split` holds.
pub fn respond_split<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    split: Split,
    header_count: usize,
    length: bool,
) -> Response<Bytes> {
    log(error, status);
    let own = Own::derived(length);
    let Some((before, after)) = split.around.split_at_checked(split.at) else {
        // A shape without a message member: the body is fixed after all.
        let body = Bytes::from_static(split.around);
        return finish(error, status, split.content_type, body, header_count, own);
    };
    let mut out = match JsonMessage::length_of(error) {
        Some(len) if !split.text => BodyBuf::exact(before.len() + len + after.len()),
        _ => BodyBuf::new(),
    };
    out.extend_from_slice(before);
    match split.text {
        true => text_message(error, status, &mut out),
        false => json_message(error, status, &mut out),
    }
    out.extend_from_slice(after);
    let body = out.into_bytes();
    finish(error, status, split.content_type, body, header_count, own)
}

/// The response of a variant whose body the user's [`WriteBody`] writes.
pub fn respond_custom<E: HttpError + ?Sized, W: WriteBody<E> + ?Sized>(
    error: &E,
    status: StatusCode,
    writer: &W,
    header_count: usize,
    length: bool,
) -> Response<Bytes> {
    log(error, status);
    let mut out = Vec::new();
    let wrote = catch_unwind(AssertUnwindSafe(|| {
        let content_type = writer.content_type(error);
        writer.write_body(error, &mut out);
        content_type
    }));
    let Ok(content_type) = wrote else {
        crate::log::message_failed(status);
        return written(
            error,
            status,
            BodyFormat::Json,
            error.code(),
            header_count,
            Own::derived(length),
        );
    };
    let mut response = finish(
        error,
        status,
        content_type.clone(),
        Bytes::from(out),
        header_count,
        Own::derived(length),
    );
    let mut implied = HeaderMap::new();
    if catch_unwind(AssertUnwindSafe(|| {
        writer.insert_headers(error, &mut implied)
    }))
    .is_err()
    {
        crate::log::headers_panicked(status);
    } else if !implied.is_empty() {
        let headers = response.headers_mut();
        crate::message::extra_headers(headers, &implied);
        match content_type {
            Some(value) => headers.insert(CONTENT_TYPE, value),
            None => headers.remove(CONTENT_TYPE),
        };
    }
    response
}

/// [`crate::respond_with_details`]: the body with `details` as its details, in the error's
/// format; without them when `details` is not a non-empty object or fails to serialize.
pub(crate) fn respond_with_details<E: HttpError + ?Sized, D: serde::Serialize + ?Sized>(
    error: &E,
    details: &D,
) -> Response<Bytes> {
    let status = error.status();
    let format = error.format();
    let code = error.code();
    let text = matches!(format, BodyFormat::Shaped { shape, .. } if shape.is_text());
    // The details a 5xx holds are its internals, as much as its message.
    let hidden = status.is_server_error();
    let value = catch_unwind(AssertUnwindSafe(|| serde_json::to_value(details)));
    let object = match value {
        Ok(Ok(serde_json::Value::Object(object))) if !object.is_empty() && !text && !hidden => {
            object
        }
        _ => return respond_hand_written(error, status, format, code),
    };
    log(error, status);
    let mut out = BodyBuf::new();
    let details = body::ObjectDetails(&object);
    let written = catch_unwind(AssertUnwindSafe(|| {
        serde_json::to_writer(&mut out, &body::WithDetails(error, details))
    }));
    if !matches!(written, Ok(Ok(()))) {
        return written_hand(error, status, format, code);
    }
    finish(
        error,
        status,
        content_type(format),
        out.into_bytes(),
        2,
        Own::HAND_WRITTEN,
    )
}

/// As [`respond_hand_written`], without logging again.
fn written_hand<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    format: BodyFormat,
    code: Option<&str>,
) -> Response<Bytes> {
    written(error, status, format, code, 2, Own::HAND_WRITTEN)
}

/// [`crate::respond_with_body`].
pub(crate) fn respond_with_body<E: HttpError + ?Sized, W: WriteBody<E> + ?Sized>(
    error: &E,
    writer: &W,
) -> Response<Bytes> {
    respond_custom(error, error.status(), writer, 2, true)
}

/// The response of a variant with `#[detail]` fields, written through serde.
pub fn respond_serialized<E: HttpError>(
    error: &E,
    header_count: usize,
    length: bool,
) -> Response<Bytes> {
    let status = error.status();
    let format = error.format();
    let code = error.code();
    log(error, status);
    // A text shape is the message alone.
    if let BodyFormat::Shaped { shape, .. } = format {
        if shape.is_text() {
            return written(
                error,
                status,
                format,
                code,
                header_count,
                Own::derived(length),
            );
        }
    }
    let mut out = BodyBuf::new();
    // A detail whose `Serialize` fails (a map with non-string keys, say) or panics must not
    // produce half a body, nor no response: fall back to the body without details.
    let serialized = catch_unwind(AssertUnwindSafe(|| {
        serde_json::to_writer(&mut out, &crate::body::Object(error))
    }));
    if !matches!(serialized, Ok(Ok(()))) {
        return written(
            error,
            status,
            format,
            code,
            header_count,
            Own::derived(length),
        );
    }
    finish(
        error,
        status,
        content_type(format),
        out.into_bytes(),
        header_count,
        Own::derived(length),
    )
}

fn finish<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: Bytes,
    header_count: usize,
    own: Own,
) -> Response<Bytes> {
    let mut headers = HeaderMap::with_capacity(1 + usize::from(own.length) + header_count);
    // The error's own headers go in first so that the body's framing headers below win over
    // a hand-written `insert_headers` that sets them too. A derived variant without headers
    // (`header_count` is exact for the derive) has nothing to insert.
    if header_count > 0 {
        insert_own_headers(error, status, &mut headers, own);
    }
    match content_type {
        Some(value) => {
            headers.insert(CONTENT_TYPE, value);
        }
        // A shape that sends none sends none, even one a hand-written `insert_headers` set.
        None => {
            headers.remove(CONTENT_TYPE);
        }
    }
    if own.length {
        headers.insert(CONTENT_LENGTH, content_length(body.len()));
    }
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// `insert_headers` runs user code (header fields' `Display`s, a hand-written impl): if it
/// panics, the response goes without the error's own headers rather than not at all.
fn insert_own_headers<E: HttpError + ?Sized>(
    error: &E,
    status: StatusCode,
    headers: &mut HeaderMap,
    own: Own,
) {
    if catch_unwind(AssertUnwindSafe(|| error.insert_headers(headers))).is_err() {
        headers.clear();
        crate::log::headers_panicked(status);
    }
    if own.hand_written && !headers.is_empty() {
        drop_hop_by_hop(headers);
    }
}

/// Connection-level and framing headers: the server sets them for the connection and the body
/// it sends, and one set by an error would contradict it (a `transfer-encoding: chunked` on a
/// body framed by `content-length`, a `connection: close` the server does not honour). The
/// derive rejects them at compile time; this drops them from a hand-written `insert_headers`.
/// `upgrade` stays: it is how a 426 names the protocol to switch to.
const HOP_BY_HOP: [&str; 7] = [
    "connection",
    "content-length",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
];

fn drop_hop_by_hop(headers: &mut HeaderMap) {
    // One look at each name; the removals only run when there is something to remove.
    if headers.keys().any(|name| is_hop_by_hop(name.as_str())) {
        for name in HOP_BY_HOP {
            headers.remove(name);
        }
    }
}

pub(crate) fn success(status: StatusCode, message: &str) -> Response<Bytes> {
    let forbidden = crate::codes::lookup(status.as_u16()).is_some_and(|info| info.body_forbidden);
    let mut response = if forbidden || status.is_informational() {
        Response::new(Bytes::new())
    } else {
        let mut out = BodyBuf::new();
        body::write_success(&mut out, message);
        let body = out.into_bytes();
        let length = content_length(body.len());
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
        BodyFormat::Problem { type_uri } => Some(type_uri),
        _ => None,
    }
}

/// Built at compile time for the two formats: `HeaderValue::from_static` called at run time
/// checks every byte (a shape's was checked when the shape was declared, so it cannot panic).
fn content_type(format: BodyFormat) -> Option<HeaderValue> {
    match format {
        BodyFormat::Json => Some(const { HeaderValue::from_static(body::JSON) }),
        BodyFormat::Problem { .. } => Some(const { HeaderValue::from_static(body::PROBLEM_JSON) }),
        BodyFormat::Shaped { shape, .. } => {
            shape.content_type_value().map(HeaderValue::from_static)
        }
    }
}

/// The decimal forms of 0..4096 end to end (`"0123…40954096"` without the last), and where each
/// starts: a response takes its `content-length` value from here instead of allocating one.
const LENGTHS: usize = 4096;
const DIGITS_LEN: usize = 10 + 90 * 2 + 900 * 3 + (LENGTHS - 1000) * 4;

/// The number of decimal digits of `n`, below 10 000.
const fn width(n: usize) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        _ => 4,
    }
}

static STARTS: [u16; LENGTHS + 1] = {
    let mut starts = [0u16; LENGTHS + 1];
    let mut n = 0;
    while n < LENGTHS {
        starts[n + 1] = starts[n] + width(n) as u16;
        n += 1;
    }
    starts
};

static DIGITS: &str = {
    const BYTES: [u8; DIGITS_LEN] = {
        let mut bytes = [0u8; DIGITS_LEN];
        let mut n = 0;
        let mut at = 0;
        while n < LENGTHS {
            let width = width(n);
            let mut rest = n;
            let mut i = width;
            while i > 0 {
                i -= 1;
                bytes[at + i] = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            at += width;
            n += 1;
        }
        bytes
    };
    match core::str::from_utf8(&BYTES) {
        Ok(digits) => digits,
        Err(_) => panic!("digits are ASCII"),
    }
};

/// The `content-length` header value of a body of `len` bytes.
fn content_length(len: usize) -> HeaderValue {
    let digits = match (STARTS.get(len), STARTS.get(len + 1)) {
        (Some(&start), Some(&end)) => DIGITS.get(usize::from(start)..usize::from(end)),
        _ => None,
    };
    match digits {
        Some(digits) => HeaderValue::from_static(digits),
        None => HeaderValue::from(len),
    }
}

/// Whether `name` (lowercase, as `HeaderName`s are) is one of [`HOP_BY_HOP`]: by length first,
/// so that the common names cost one comparison.
pub(crate) fn is_hop_by_hop(name: &str) -> bool {
    match name.len() {
        2 => name == "te",
        7 => name == "trailer",
        10 => name == "connection" || name == "keep-alive",
        14 => name == "content-length",
        16 => name == "proxy-connection",
        17 => name == "transfer-encoding",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_lengths() {
        for n in [0, 1, 9, 10, 99, 100, 999, 1000, 4095, 4096, 123_456] {
            assert_eq!(content_length(n), n.to_string().as_str(), "{n}");
        }
    }

    #[test]
    fn hop_by_hop_names() {
        for name in HOP_BY_HOP {
            assert!(is_hop_by_hop(name), "{name}");
        }
        for name in [
            "upgrade",
            "retry-after",
            "content-type",
            "tex",
            "trailers",
            "x",
        ] {
            assert!(!is_hop_by_hop(name), "{name}");
        }
    }
}
