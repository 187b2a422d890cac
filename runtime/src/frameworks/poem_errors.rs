//! poem's own errors and handler panics answered as [`Rejection`]s: [`Rejections`], the
//! middleware `httperr::poem` documents.

use std::any::Any;
use std::borrow::Cow;

use poem::error::{
    MethodNotAllowedError, NotFoundError, ParseFormError, ParseJsonError, ParsePathError,
    ParseQueryError, ParseTypedHeaderError, ReadBodyError, ResponseError, SizedLimitError,
};
use poem::http::StatusCode;
use poem::middleware::{CatchPanic, CatchPanicEndpoint, PanicHandler};
use poem::{Endpoint, Error, Middleware, Request, Response};

use super::poem::as_response;
use crate::{BodyFormat, Rejection};

/// poem middleware that answers poem's own errors (unknown route, wrong method, a request its
/// extractors or [`SizeLimit`](::poem::middleware::SizeLimit) refuse) and handler panics
/// with a [`Rejection`] in the app's format: see the [module documentation](crate::poem) for what
/// each case answers. It wraps the endpoint in poem's own
/// [`CatchPanic`](::poem::middleware::CatchPanic) and catches every error the endpoint
/// returns, as `catch_all_error` does.
///
/// Put it last, `.with(...)` on the whole app, so that it sees the errors of every route and
/// middleware inside it.
///
/// ```
/// use poem::http::StatusCode;
/// use poem::web::{Json, Path};
/// use poem::{Endpoint, EndpointExt, Request, Route, get, handler};
///
/// #[handler]
/// fn user(Path(id): Path<u64>) -> String {
///     format!("user {id}")
/// }
///
/// #[handler]
/// fn boom() -> &'static str {
///     panic!("secret=hunter2")
/// }
///
/// let app = Route::new()
///     .at("/users/:id", get(user))
///     .at("/boom", get(boom))
///     .with(httperr::poem::Rejections::new());
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let answer = |uri: &'static str| app.get_response(Request::builder().uri_str(uri).finish());
///
/// let response = answer("/nope").await;
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// assert_eq!(response.content_type(), Some("application/json"));
/// assert_eq!(response.into_body().into_string().await.unwrap(), r#"{"error":"Not Found"}"#);
///
/// let response = answer("/users/abc").await;
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// assert_eq!(
///     response.into_body().into_string().await.unwrap(),
///     r#"{"error":"invalid path: a value has the wrong type"}"#
/// );
///
/// let response = answer("/boom").await;
/// assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
/// assert_eq!(
///     response.into_body().into_string().await.unwrap(),
///     r#"{"error":"Internal Server Error"}"#
/// );
/// # });
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Rejections {
    format: BodyFormat,
}

impl Rejections {
    /// Rejections in the JSON format, `{"error":"…"}`.
    pub fn new() -> Self {
        Rejections {
            format: BodyFormat::Json,
        }
    }

    /// The same middleware, answering in `format` (problem details, say) instead.
    ///
    /// ```
    /// use httperr::BodyFormat;
    /// use poem::{Endpoint, EndpointExt, Request, Route};
    ///
    /// let app = Route::new().with(
    ///     httperr::poem::Rejections::new().with_format(BodyFormat::Problem { type_uri: "about:blank" }),
    /// );
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let response = app.get_response(Request::builder().uri_str("/nope").finish()).await;
    /// assert_eq!(response.content_type(), Some("application/problem+json"));
    /// assert_eq!(
    ///     response.into_body().into_string().await.unwrap(),
    ///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}"#
    /// );
    /// # });
    /// ```
    pub fn with_format(self, format: BodyFormat) -> Self {
        Rejections { format }
    }

    /// The response for an error an endpoint returned: what the middleware answers. For an
    /// app that catches errors itself (`catch_all_error`) and wants poem's answered as the
    /// middleware would.
    ///
    /// ```
    /// use poem::error::MethodNotAllowedError;
    /// use poem::http::StatusCode;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let rejections = httperr::poem::Rejections::new();
    /// let response = rejections.answer(MethodNotAllowedError.into()).await;
    /// assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    /// assert_eq!(
    ///     response.into_body().into_string().await.unwrap(),
    ///     r#"{"error":"Method Not Allowed"}"#
    /// );
    ///
    /// // Text the app chose to send as an error is answered with its status's reason phrase.
    /// let error = poem::Error::from_string("no such order: 'x'", StatusCode::CONFLICT);
    /// let response = rejections.answer(error).await;
    /// assert_eq!(response.into_body().into_string().await.unwrap(), r#"{"error":"Conflict"}"#);
    /// # });
    /// ```
    pub async fn answer(&self, error: Error) -> Response {
        if let Some(rejection) = known(&error) {
            #[cfg(feature = "tracing")]
            tracing::debug!(
                status = rejection.status().as_u16(),
                error = %error,
                "poem refused the request"
            );
            return as_response(&rejection.with_format(self.format));
        }
        if error.is_from_response() {
            return error.into_response();
        }
        let response = error.into_response();
        let status = response.status();
        if !(status.is_client_error() || status.is_server_error()) || is_json(&response) {
            return response;
        }
        // The headers poem's answer carries besides its body's (a 416's `Content-Range`, a
        // 401's `WWW-Authenticate`) stay on the new one.
        let kept = response.headers().clone();
        // poem's own text (or the app's `Error::from_string`): for the log, never the client.
        let text = response
            .into_body()
            .into_bytes_limit(LOGGED_TEXT)
            .await
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default();
        let rejection = if status.is_server_error() {
            // A 5xx's message is only logged (at error level, by `to_response`).
            Rejection::new(status, text)
        } else {
            #[cfg(feature = "tracing")]
            tracing::debug!(status = status.as_u16(), error = %text, "poem refused the request");
            Rejection::new(status, crate::codes::title(status))
        };
        let mut answer = as_response(&rejection.with_format(self.format));
        let own: Vec<_> = answer.headers().keys().cloned().collect();
        for (name, value) in &kept {
            let body_header = matches!(
                name.as_str(),
                "content-type" | "content-length" | "content-encoding" | "transfer-encoding"
            );
            if !body_header && !own.contains(name) {
                answer.headers_mut().append(name.clone(), value.clone());
            }
        }
        answer
    }
}

impl Default for Rejections {
    fn default() -> Self {
        Self::new()
    }
}

/// How much of poem's text answer is read back for the log.
const LOGGED_TEXT: usize = 4096;

impl<E: Endpoint> Middleware<E> for Rejections {
    type Output = RejectionsEndpoint<E>;

    fn transform(&self, ep: E) -> Self::Output {
        let panics = CatchPanic::new().with_handler(PanicAnswer {
            format: self.format,
        });
        RejectionsEndpoint {
            inner: panics.transform(ep),
            rejections: *self,
        }
    }
}

/// The endpoint [`Rejections`] wraps an app in: poem's `CatchPanicEndpoint` around it, and
/// every error it returns answered by [`Rejections::answer`].
pub struct RejectionsEndpoint<E> {
    inner: CatchPanicEndpoint<E, PanicAnswer>,
    rejections: Rejections,
}

impl<E: Endpoint> Endpoint for RejectionsEndpoint<E> {
    type Output = Response;

    async fn call(&self, req: Request) -> poem::Result<Response> {
        Ok(match self.inner.call(req).await {
            Ok(response) => response,
            Err(error) => self.rejections.answer(error).await,
        })
    }
}

/// What `CatchPanic` answers a panic with: the redacted 500, its message (for the log only)
/// saying what panicked.
#[derive(Clone)]
struct PanicAnswer {
    format: BodyFormat,
}

impl PanicHandler for PanicAnswer {
    type Response = Response;

    fn get_response(&self, panic: Box<dyn Any + Send + 'static>) -> Response {
        let rejection = Rejection::new(StatusCode::INTERNAL_SERVER_ERROR, panic_message(&*panic));
        as_response(&rejection.with_format(self.format))
    }
}

/// The log text of a panic: its message when it has one (`panic!` with a literal or a format).
fn panic_message(panic: &(dyn Any + Send)) -> Cow<'static, str> {
    let message = if let Some(text) = panic.downcast_ref::<&'static str>() {
        Some(Cow::Borrowed(*text))
    } else {
        panic
            .downcast_ref::<String>()
            .map(|text| Cow::Owned(text.clone()))
    };
    match message {
        Some(message) => Cow::Owned(format!("a handler panicked: {message}")),
        None => Cow::Borrowed("a handler panicked"),
    }
}

/// Whether a response is already in the app's shape: JSON or a JSON-suffixed type
/// (`application/problem+json`), as every httperr error answers.
fn is_json(response: &Response) -> bool {
    let Some(content_type) = response.content_type() else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence
        .split_once('/')
        .is_some_and(|(kind, subtype)| super::is_json_media_type(kind, subtype))
}

/// The rejection for one of poem's own errors, or `None` for any other error.
fn known(error: &Error) -> Option<Rejection> {
    if error.is::<NotFoundError>() {
        return Some(Rejection::not_found());
    }
    if error.is::<MethodNotAllowedError>() {
        // poem's router knows the route's methods but its error does not carry them: no
        // `Allow` rather than a wrong one.
        return Some(Rejection::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Method Not Allowed",
        ));
    }
    if error.is::<ParsePathError>() {
        // poem drops serde's error. A route's parameters are always there, so what a client
        // can get wrong is the type of one.
        return Some(Rejection::parameter("path", "cannot parse", None));
    }
    if let Some(ParseQueryError(inner)) = error.downcast_ref::<ParseQueryError>() {
        return Some(Rejection::parameter("query", &inner.to_string(), None));
    }
    if let Some(json) = error.downcast_ref::<ParseJsonError>() {
        return Some(match json {
            ParseJsonError::InvalidContentType(_) | ParseJsonError::ContentTypeRequired => {
                Rejection::expected_json()
            }
            ParseJsonError::Parse(parse) => json_syntax(parse),
        });
    }
    if let Some(form) = error.downcast_ref::<ParseFormError>() {
        return Some(match form {
            ParseFormError::UrlDecode(inner) => {
                Rejection::parameter("form", &inner.to_string(), None)
            }
            _ => Rejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "expected a form body (content-type: application/x-www-form-urlencoded)",
            ),
        });
    }
    if let Some(limit) = error.downcast_ref::<SizedLimitError>() {
        return Some(match limit {
            SizedLimitError::PayloadTooLarge => Rejection::payload_too_large(),
            _ => Rejection::new(
                StatusCode::LENGTH_REQUIRED,
                "the request needs a content-length header",
            ),
        });
    }
    if let Some(read) = error.downcast_ref::<ReadBodyError>() {
        return Some(match read {
            ReadBodyError::PayloadTooLarge => Rejection::payload_too_large(),
            ReadBodyError::Utf8(_) => Rejection::new(
                StatusCode::BAD_REQUEST,
                "the request body is not valid UTF-8",
            ),
            ReadBodyError::Io(_) => Rejection::new(
                StatusCode::BAD_REQUEST,
                "the request body could not be read",
            ),
            // The body taken twice is the app's bug: a 500, its text logged.
            _ => Rejection::new(read.status(), read.to_string()),
        });
    }
    if let Some(header) = error.downcast_ref::<ParseTypedHeaderError>() {
        return Some(match header {
            ParseTypedHeaderError::HeaderRequired(name) => {
                Rejection::parameter("header", &format!("missing field `{name}`"), None)
            }
            _ => Rejection::parameter("header", "", None),
        });
    }
    None
}

/// `Json<T>`'s parse error: serde_json's, unless poem was built with its `sonic-rs` feature,
/// whose error says less (no line and column here).
fn json_syntax<P: Any>(parse: &P) -> Rejection {
    match (parse as &dyn Any).downcast_ref::<serde_json::Error>() {
        Some(parse) => Rejection::json(parse, None),
        None => Rejection::new(StatusCode::BAD_REQUEST, "invalid JSON body"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 416 keeps the `Content-Range` RFC 9110 §15.5.17 asks for; the body becomes ours.
    #[tokio::test(flavor = "current_thread")]
    async fn a_reskinned_answer_keeps_its_own_headers() {
        let error = Error::from(poem::error::StaticFileError::RangeNotSatisfiable { size: 100 });
        let response = Rejections::new().answer(error).await;
        assert_eq!(response.status().as_u16(), 416);
        assert_eq!(response.headers()["content-range"], "bytes */100");
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(
            response.into_body().into_string().await.unwrap(),
            r#"{"error":"Range Not Satisfiable"}"#
        );
    }
}
