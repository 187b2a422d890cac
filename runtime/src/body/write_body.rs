//! Bodies no declared shape describes: the user's own writer, given the error itself.

use http::{HeaderMap, HeaderValue};

/// A body writer of your own, for an API whose error bodies no [`Shape`](crate::Shape)
/// describes (the serde JSON of a type, a format of its own). Named from a type or a variant
/// with `#[http(body = VALUE)]`, where `VALUE` is a constant or unit struct whose type
/// implements `WriteBody<ThatType>`; it gets the error itself, fields and all.
///
/// The rest of the response is still the derive's: the status, the variant's headers, the
/// logging, `content-length`. A writer that panics is contained: the response then has the
/// default JSON body (`{"error": …}`), with the error's public message. The type's
/// `format()` and `Serialize` are the default JSON format's.
///
/// ```
/// use http::HeaderValue;
/// use httperr::{HttpError, WriteBody};
///
/// /// Answers with the error's own serde JSON, as `text/plain`.
/// struct AsText;
///
/// #[derive(Debug, serde::Serialize)]
/// enum Reason {
///     NoMatchingEntries,
///     PasswordQuality(Vec<String>),
/// }
///
/// impl WriteBody<ApiError> for AsText {
///     fn content_type(&self, _: &ApiError) -> Option<HeaderValue> {
///         Some(HeaderValue::from_static("text/plain; charset=utf-8"))
///     }
///     fn write_body(&self, error: &ApiError, out: &mut Vec<u8>) {
///         let ApiError::Refused(reason) = error;
///         serde_json::to_writer(out, reason).expect("a Vec takes any bytes");
///     }
/// }
///
/// #[derive(Debug, HttpError)]
/// #[http(body = AsText, skip(Serialize))]
/// enum ApiError {
///     #[status(400)]
///     Refused(Reason),
/// }
///
/// let response = ApiError::Refused(Reason::PasswordQuality(vec!["TooShort".into()])).to_response();
/// assert_eq!(response.status(), 400);
/// assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
/// assert_eq!(response.body().as_ref(), br#"{"PasswordQuality":["TooShort"]}"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not write the bodies of `{E}`",
    label = "not a body writer for `{E}`",
    note = "#[http(body = ...)] names a value whose type implements `httperr::WriteBody<{E}>`; for a body described by its members, declare a `const SHAPE: httperr::Shape` and use #[http(shape = SHAPE)]"
)]
pub trait WriteBody<E: ?Sized> {
    /// The `content-type` to send, if any.
    fn content_type(&self, error: &E) -> Option<HeaderValue>;

    /// Writes the whole body into `out`, which is empty.
    fn write_body(&self, error: &E, out: &mut Vec<u8>);

    /// Headers the body implies (a challenge, a `content-language`), added after the error's
    /// own. Hop-by-hop and framing headers are dropped, and `content-type` is always
    /// [`content_type`](WriteBody::content_type)'s.
    fn insert_headers(&self, error: &E, headers: &mut HeaderMap) {
        let _ = (error, headers);
    }
}
