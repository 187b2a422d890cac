//! actix-web 4: [`Rejections`], the middleware that answers actix-web's own errors and a handler's
//! panic in the application's format.

use crate::{BodyFormat, HttpError, Rejection};
use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::error::{
    InternalError, JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
};
use actix_web::http::header::{ALLOW, CONTENT_TYPE, HeaderValue};
use actix_web::{Error, HttpRequest, HttpResponse};
use futures_util::FutureExt as _;
use futures_util::future::LocalBoxFuture;
use http::{Method, StatusCode};
use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::future::{Ready, ready};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The middleware that makes everything actix-web answers by itself answer in the application's
/// format: `App::new().wrap(httperr::actix_web::Rejections::default())`.
///
/// It answers with a [`Rejection`]:
///
/// - the empty 404 of a request no resource matches, and the empty 405 of a resource none of
///   whose routes takes the method (its `Allow` header kept); an empty 404 or 405 that a
///   handler returns is answered the same way;
/// - the errors of actix-web's extractors: `web::Json` (400 malformed, 422 mistyped, 415 not
///   JSON, 413 over the `JsonConfig` limit), `web::Path` (400, where actix-web says 404),
///   `web::Query` and `web::Form` (400), and a body that cannot be read;
/// - a panic in a handler or an inner middleware: the redacted 500, logged at error level with
///   the panic's message (`tracing` feature), and the worker goes on serving.
///
/// Responses of the application's own errors pass unchanged, as does an extractor error made by
/// a custom `error_handler` of `JsonConfig` and the like. The full text of actix-web's error is
/// logged at debug level. Wrap it after every other middleware (outside them), so that it also
/// sees their errors and panics: only `Logger` may go outside it, and then does not log the
/// requests that panicked.
///
/// ```
/// use actix_web::{App, ResponseError, test, web};
/// use httperr::actix_web::Rejections;
///
/// async fn create(body: web::Json<Vec<u32>>) -> String {
///     format!("{} numbers", body.len())
/// }
///
/// async fn boom() -> &'static str {
///     panic!("a secret")
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new()
///         .wrap(Rejections::default())
///         .service(web::resource("/numbers").post(create))
///         .route("/panic", web::get().to(boom)),
/// )
/// .await;
///
/// let request = test::TestRequest::put().uri("/numbers").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), 405);
/// assert_eq!(response.headers().get("allow").unwrap(), "POST");
/// assert_eq!(test::read_body(response).await, r#"{"error":"Method Not Allowed"}"#);
///
/// let request = test::TestRequest::post().uri("/numbers").set_payload("[1, 2").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), 415); // no content-type: application/json
///
/// let request = test::TestRequest::post().uri("/numbers").set_json(["one"]).to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), 422);
/// assert_eq!(
///     test::read_body(response).await,
///     r#"{"error":"invalid JSON body: a value has the wrong type (line 1, column 6)"}"#
/// );
///
/// // A panic is an error for actix-web to answer (it has no request to answer it with).
/// let request = test::TestRequest::get().uri("/panic").to_request();
/// let error = test::try_call_service(&app, request).await.err().unwrap();
/// let response = error.error_response();
/// assert_eq!(response.status(), 500);
/// let body = actix_web::body::to_bytes(response.into_body()).await.unwrap();
/// assert_eq!(body, r#"{"error":"Internal Server Error"}"#);
/// # });
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Rejections {
    format: BodyFormat,
}

impl Default for Rejections {
    /// Answers in the JSON format, `{"error": "..."}`.
    fn default() -> Self {
        Rejections {
            format: BodyFormat::Json,
        }
    }
}

impl Rejections {
    /// Answers in `format` (problem details, say) instead of JSON.
    ///
    /// ```
    /// use actix_web::{App, test};
    /// use httperr::BodyFormat;
    /// use httperr::actix_web::Rejections;
    ///
    /// # actix_web::rt::System::new().block_on(async {
    /// let problem = BodyFormat::Problem { type_uri: "about:blank" };
    /// let app = test::init_service(App::new().wrap(Rejections::default().with_format(problem))).await;
    /// let response = test::call_service(&app, test::TestRequest::get().uri("/nope").to_request()).await;
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
    /// assert_eq!(
    ///     test::read_body(response).await,
    ///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}"#
    /// );
    /// # });
    /// ```
    pub fn with_format(self, format: BodyFormat) -> Self {
        Rejections { format }
    }
}

impl<S, B> Transform<S, ServiceRequest> for Rejections
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = RejectionsService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(RejectionsService {
            service,
            format: self.format,
        }))
    }
}

/// The service [`Rejections`] wraps around the application; actix-web makes it.
pub struct RejectionsService<S> {
    service: S,
    format: BodyFormat,
}

impl<S: fmt::Debug> fmt::Debug for RejectionsService<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RejectionsService")
            .field("service", &self.service)
            .field("format", &self.format)
            .finish()
    }
}

impl<S, B> Service<ServiceRequest> for RejectionsService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = LocalBoxFuture<'static, Result<Self::Response, Error>>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let format = self.format;
        // An inner middleware may panic in `call` itself, before there is a future.
        let called = catch_unwind(AssertUnwindSafe(|| self.service.call(request)));
        Box::pin(async move {
            let answered = match called {
                Ok(future) => AssertUnwindSafe(future).catch_unwind().await,
                Err(panic) => Err(panic),
            };
            match answered {
                Ok(Ok(response)) => Ok(translate(response, format)),
                Ok(Err(error)) => Err(answer(&error, None, format).unwrap_or(error)),
                // The request went down with the panicking future, and a `ServiceResponse`
                // needs it: actix-web answers the error with its `error_response()`. A clone
                // of the request kept for this would make actix-web's router panic, which
                // needs it unshared.
                Err(panic) => Err(Internal::panicked(panic.as_ref(), format).into()),
            }
        })
    }
}

/// The response, or the application-format answer to the actix-web error or bare 404/405 in it.
fn translate<B>(response: ServiceResponse<B>, format: BodyFormat) -> ServiceResponse<EitherBody<B>>
where
    B: MessageBody,
{
    let answer = match response.response().error() {
        Some(error) => answer(error, Some(response.request()), format),
        None => bare(response.response()).map(|rejection| rejection.with_format(format).into()),
    };
    match answer {
        // `from_error` keeps the error in the response, where outer middleware can find it.
        Some(error) => response
            .into_response(HttpResponse::from_error(error))
            .map_into_right_body(),
        None => response.map_into_left_body(),
    }
}

/// A 404 or 405 without a body or content type: what actix-web answers for a request no
/// resource matches (the `App`'s default service), or a method none of a resource's routes takes.
fn bare<B: MessageBody>(response: &HttpResponse<B>) -> Option<Rejection> {
    let empty = matches!(response.body().size(), BodySize::None | BodySize::Sized(0));
    if !empty || response.headers().contains_key(CONTENT_TYPE) {
        return None;
    }
    match response.status().as_u16() {
        404 => Some(Rejection::not_found()),
        405 => Some(match response.headers().get(ALLOW) {
            Some(allow) => Rejection::method_not_allowed(methods(allow)),
            None => Rejection::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed"),
        }),
        _ => None,
    }
}

/// The methods of an `Allow` header, `GET, POST`.
fn methods(allow: &HeaderValue) -> Vec<Method> {
    allow
        .as_bytes()
        .split(|&byte| byte == b',')
        .filter_map(|method| Method::from_bytes(method.trim_ascii()).ok())
        .collect()
}

/// The application-format answer to an error of actix-web's own extractors, or `None` for
/// any other error. `request` names the path parameter that failed, where it is known.
fn answer(error: &Error, request: Option<&HttpRequest>, format: BodyFormat) -> Option<Error> {
    let rejection = if let Some(json) = error.as_error::<JsonPayloadError>() {
        match json {
            JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
                Rejection::payload_too_large()
            }
            JsonPayloadError::ContentType => Rejection::expected_json(),
            JsonPayloadError::Deserialize(error) => Rejection::json(error, None),
            JsonPayloadError::Payload(error) => payload(error),
            // `web::Json` as a responder, failing to serialize the handler's value.
            JsonPayloadError::Serialize(_) => {
                return Some(Internal::new(error.to_string(), format).into());
            }
            _ => Rejection::new(StatusCode::BAD_REQUEST, "invalid JSON body"),
        }
    } else if let Some(PathError::Deserialize(serde)) = error.as_error::<PathError>() {
        path(&serde.to_string(), request)
    } else if let Some(serde) = error
        .as_error::<InternalError<serde::de::value::Error>>()
        .filter(|_| error.as_response_error().status_code().as_u16() == 404)
        .filter(|_| request.is_some_and(|request| request.match_info().iter().next().is_some()))
    {
        // `web::Path`'s own answer without a `PathConfig` error handler: a 404 around serde's
        // error, on a route with path parameters. (serde_urlencoded's error is the same type:
        // an app's own `InternalError` around it, with a status of its choosing, is the app's.)
        path(&serde.to_string(), request)
    } else if let Some(QueryPayloadError::Deserialize(serde)) =
        error.as_error::<QueryPayloadError>()
    {
        Rejection::parameter("query", &serde.to_string(), None)
    } else if let Some(form) = error.as_error::<UrlencodedError>() {
        match form {
            UrlencodedError::Overflow { .. } => Rejection::payload_too_large(),
            UrlencodedError::UnknownLength => length_required(),
            UrlencodedError::ContentType => Rejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "expected a form body (content-type: application/x-www-form-urlencoded)",
            ),
            UrlencodedError::Parse(serde) => {
                Rejection::parameter("form body", &serde.to_string(), None)
            }
            UrlencodedError::Payload(error) => payload(error),
            UrlencodedError::Serialize(_) => {
                return Some(Internal::new(error.to_string(), format).into());
            }
            _ => Rejection::new(StatusCode::BAD_REQUEST, "invalid form body"),
        }
    } else if let Some(error) = error.as_error::<PayloadError>() {
        payload(error)
    } else {
        return None;
    };
    #[cfg(feature = "tracing")]
    tracing::debug!(error = %error, "actix-web's own error, answered in the app's format");
    Some(rejection.with_format(format).into())
}

/// `web::Path`'s rejection, from serde's message; with the parameter's name when the message
/// quotes a value exactly one of the request's path parameters has.
fn path(text: &str, request: Option<&HttpRequest>) -> Rejection {
    // A route whose parameters cannot fill the extractor at all is the app's bug, not the
    // client's: a hidden 500, its text for the log only (as axum's hook answers it).
    if text.starts_with("wrong number of parameters") {
        return Rejection::new(StatusCode::INTERNAL_SERVER_ERROR, text.to_owned());
    }
    // actix-router's words: `can not parse "abc" to a u64`, the value in Rust's debug quoting.
    let quoted = text
        .strip_prefix("can not parse ")
        .and_then(|rest| rest.rsplit_once(" to a "))
        .map(|(quoted, _)| quoted);
    let name = quoted.zip(request).and_then(|(quoted, request)| {
        let mut names = request
            .match_info()
            .iter()
            .filter(|(_, value)| format!("{value:?}") == quoted)
            .map(|(name, _)| name);
        names.next().filter(|_| names.next().is_none())
    });
    Rejection::parameter("path", text, name)
}

/// A request body that could not be read to its end.
fn payload(error: &PayloadError) -> Rejection {
    match error {
        PayloadError::Overflow => Rejection::payload_too_large(),
        PayloadError::UnknownLength => length_required(),
        _ => Rejection::new(
            StatusCode::BAD_REQUEST,
            "the request body could not be read",
        ),
    }
}

fn length_required() -> Rejection {
    Rejection::new(
        StatusCode::LENGTH_REQUIRED,
        "the request must say how long its body is (content-length)",
    )
}

/// A 500 whose cause is for the log only: a panic, or a response that could not be written.
struct Internal {
    cause: String,
    format: BodyFormat,
}

impl Internal {
    fn new(cause: String, format: BodyFormat) -> Self {
        Internal { cause, format }
    }

    fn panicked(payload: &(dyn Any + Send), format: BodyFormat) -> Self {
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(not a string)");
        Internal::new(format!("a handler panicked: {message}"), format)
    }
}

impl HttpError for Internal {
    fn status(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(crate::codes::title(StatusCode::INTERNAL_SERVER_ERROR))
    }

    fn format(&self) -> BodyFormat {
        self.format
    }

    // What the error-level log event says: the client gets only the reason phrase.
    fn __error_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.cause)
    }
}

impl fmt::Debug for Internal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Internal")
            .field("cause", &self.cause)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Internal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.cause)
    }
}

crate::__impl_actix_web! { [] Internal [] }
