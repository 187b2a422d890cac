//! The hooks of [`httperr::axum`](crate::axum): axum's extractors with a [`Rejection`], the
//! router-level call, the panic response, and the conversions from axum's rejections.

use super::axum::into_response;
use crate::{BodyFormat, Rejection};
use axum::extract::path::ErrorKind;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::response::{IntoResponse, Response};
use core::future::ready;
use http::StatusCode;
use http::request::Parts;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::error::Error;

/// The app's format, the request extension [`RouterExt::with_rejections`] installs. A type of
/// this module's own, so no other extension can stand for it.
#[derive(Clone, Copy)]
struct AppFormat(BodyFormat);

fn app_format(extensions: &http::Extensions) -> BodyFormat {
    extensions
        .get::<AppFormat>()
        .map_or(BodyFormat::Json, |format| format.0)
}

/// The router-level hooks, as one call on the app's [`Router`](axum::Router).
pub trait RouterExt: sealed::Sealed {
    /// Makes everything axum answers itself answer as a [`Rejection`] in `format`: an unknown
    /// route (404), a wrong method (405; axum adds `Allow`), a handler panic (the redacted 500,
    /// through tower-http's `CatchPanicLayer` and [`PanicResponse`]); and tells this module's
    /// extractors the format to answer in.
    ///
    /// Call it last: like axum's `layer` and `method_not_allowed_fallback`, it reaches only
    /// the routes added before it. It sets the router's fallback, replacing one set before.
    ///
    /// ```
    /// use axum::Router;
    /// use axum::body::{Body, to_bytes};
    /// use axum::routing::get;
    /// use http::Request;
    /// use httperr::BodyFormat;
    /// use httperr::axum::RouterExt as _;
    /// use tower::ServiceExt as _;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// async fn boom() -> &'static str {
    ///     panic!("password=hunter2")
    /// }
    ///
    /// let app = Router::new()
    ///     .route("/users", get(|| async { "ada" }))
    ///     .route("/panic", get(boom))
    ///     .with_rejections(BodyFormat::Problem { type_uri: "about:blank" });
    ///
    /// let request = Request::delete("/users").body(Body::empty()).unwrap();
    /// let response = app.clone().oneshot(request).await.unwrap();
    /// assert_eq!(response.status(), 405);
    /// assert_eq!(response.headers()["allow"], "GET,HEAD");
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    /// assert_eq!(
    ///     body,
    ///     r#"{"type":"about:blank","title":"Method Not Allowed","status":405,"detail":"Method Not Allowed"}"#
    /// );
    ///
    /// let request = Request::get("/nope").body(Body::empty()).unwrap();
    /// let response = app.clone().oneshot(request).await.unwrap();
    /// assert_eq!(response.status(), 404);
    ///
    /// let request = Request::get("/panic").body(Body::empty()).unwrap();
    /// let response = app.oneshot(request).await.unwrap();
    /// assert_eq!(response.status(), 500);
    /// let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    /// assert_eq!(
    ///     body,
    ///     r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}"#
    /// );
    /// # }
    /// ```
    fn with_rejections(self, format: BodyFormat) -> Self;
}

impl<S: Clone + Send + Sync + 'static> RouterExt for axum::Router<S> {
    fn with_rejections(self, format: BodyFormat) -> Self {
        self.fallback(move || ready(Rejection::not_found().with_format(format)))
            // axum's method router adds `Allow` to what this answers (unless it has one).
            .method_not_allowed_fallback(move || {
                ready(
                    Rejection::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
                        .with_format(format),
                )
            })
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(
                PanicResponse::new(format),
            ))
            .layer(axum::Extension(AppFormat(format)))
    }
}

mod sealed {
    pub trait Sealed {}
    impl<S> Sealed for axum::Router<S> {}
}

/// What tower-http's `CatchPanicLayer` answers a panic with: the redacted 500 in the app's
/// format. With the `tracing` feature the panic's message is logged at error level (the
/// client never sees it). [`RouterExt::with_rejections`] installs it; this type is for a
/// `CatchPanicLayer` of one's own, around a whole service.
///
/// ```
/// use tower_http::catch_panic::ResponseForPanic as _;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let mut handler = httperr::axum::PanicResponse::new(httperr::BodyFormat::Json);
/// let response = handler.response_for_panic(Box::new("password=hunter2"));
/// assert_eq!(response.status(), 500);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(body, r#"{"error":"Internal Server Error"}"#);
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PanicResponse {
    format: BodyFormat,
}

impl PanicResponse {
    /// Answers in `format`.
    pub fn new(format: BodyFormat) -> Self {
        PanicResponse { format }
    }
}

impl Default for PanicResponse {
    /// Answers in JSON.
    fn default() -> Self {
        Self::new(BodyFormat::Json)
    }
}

impl tower_http::catch_panic::ResponseForPanic for PanicResponse {
    type ResponseBody = axum::body::Body;

    fn response_for_panic(&mut self, panic: Box<dyn Any + Send + 'static>) -> Response {
        let message = match panic.downcast_ref::<&str>() {
            Some(text) => text,
            None => panic.downcast_ref::<String>().map_or("", String::as_str),
        };
        // A 5xx's message goes only to the log; the body says "Internal Server Error".
        let rejection = Rejection::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("a handler panicked: {message}"),
        );
        into_response(&rejection.with_format(self.format))
    }
}

/// axum's [`Json`](axum::Json), with a [`Rejection`] in the app's format: 415 without a JSON
/// content type, 400 for a body that is not JSON, 422 for one that does not match `T` (naming
/// the member, from axum's `serde_path_to_error` path), 413 over the body limit. As a
/// response, the same as axum's.
///
/// ```
/// use axum::body::Body;
/// use axum::extract::FromRequest;
/// use http::Request;
/// use httperr::HttpError;
///
/// #[derive(serde::Deserialize)]
/// struct CreateUser {
///     #[allow(dead_code)]
///     email: String,
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let request = Request::post("/users")
///     .header("content-type", "application/json")
///     .body(Body::from(r#"{"email": 42}"#))
///     .unwrap();
/// let Err(rejection) = httperr::axum::Json::<CreateUser>::from_request(request, &()).await else {
///     panic!("a number is not an email");
/// };
/// assert_eq!(rejection.status(), 422);
/// assert_eq!(
///     rejection.message(),
///     "invalid JSON body: `email` has the wrong type (line 1, column 12)"
/// );
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let format = app_format(request.extensions());
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => Err(Rejection::from(rejection).with_format(format)),
        }
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// axum's [`Path`](axum::extract::Path), with a [`Rejection`] in the app's format: 400
/// naming the parameter that does not parse (from the route, for a `Path<u64>` or a tuple
/// too). A route whose parameters cannot fill `T` at all is the app's bug: a 500.
///
/// ```
/// use axum::Router;
/// use axum::body::{Body, to_bytes};
/// use axum::routing::get;
/// use http::Request;
/// use httperr::axum::Path;
/// use tower::ServiceExt as _;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let app: Router = Router::new().route("/users/{id}", get(|Path(id): Path<u64>| async move {
///     id.to_string()
/// }));
/// let request = Request::get("/users/abc").body(Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 400);
/// let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
/// assert_eq!(body, r#"{"error":"invalid path: `id` has the wrong type"}"#);
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        let rejection = match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => return Ok(Path(value)),
            Err(rejection) => rejection,
        };
        // axum's error names the parameter only when `T` has named fields; the route knows it:
        // the one parameter for a `Path<u64>`, the one at the index for a tuple.
        let at = match &rejection {
            PathRejection::FailedToDeserializePathParams(failed) => match failed.kind() {
                ErrorKind::ParseError { .. } => Some(None),
                ErrorKind::ParseErrorAtIndex { index, .. } => Some(Some(*index)),
                _ => None,
            },
            _ => None,
        };
        let name = match at {
            Some(at) => RawPathParams::from_request_parts(parts, state)
                .await
                .ok()
                .and_then(|params| {
                    let mut names = params.iter().map(|(name, _)| name.to_owned());
                    match at {
                        Some(index) => names.nth(index),
                        None if params.iter().count() == 1 => names.next(),
                        None => None,
                    }
                }),
            None => None,
        };
        let format = app_format(&parts.extensions);
        Err(path_rejection(&rejection, name.as_deref()).with_format(format))
    }
}

/// axum's [`Query`](axum::extract::Query), with a [`Rejection`] in the app's format: 400
/// naming the parameter that is missing or does not parse.
///
/// ```
/// use axum::extract::FromRequestParts;
/// use http::Request;
/// use httperr::HttpError;
///
/// #[derive(serde::Deserialize)]
/// struct Page {
///     #[allow(dead_code)]
///     page: u32,
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let (mut parts, ()) = Request::get("/users?size=10").body(()).unwrap().into_parts();
/// let Err(rejection) = httperr::axum::Query::<Page>::from_request_parts(&mut parts, &()).await
/// else {
///     panic!("page is required");
/// };
/// assert_eq!(rejection.status(), 400);
/// assert_eq!(rejection.message(), "invalid query: `page` is missing");
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => {
                Err(Rejection::from(rejection).with_format(app_format(&parts.extensions)))
            }
        }
    }
}

/// axum's rejection of a JSON body, as the extractor [`Json`] answers it (in JSON: the
/// conversion cannot see the app's format). For a `#[derive(FromRequest)]` extractor with
/// `#[from_request(via(axum::Json), rejection(httperr::Rejection))]`.
impl From<JsonRejection> for Rejection {
    fn from(rejection: JsonRejection) -> Self {
        log_rejection(rejection.status(), || rejection.body_text());
        match &rejection {
            JsonRejection::MissingJsonContentType(_) => Rejection::expected_json(),
            JsonRejection::BytesRejection(_) => body_rejection(rejection.status()),
            _ => {
                // The data and syntax errors carry serde_json's error, inside axum's boxes.
                let tracked = find::<serde_path_to_error::Error<serde_json::Error>>(&rejection);
                match (tracked, find::<serde_json::Error>(&rejection)) {
                    (Some(tracked), _) => {
                        Rejection::json(tracked.inner(), Some(&tracked.path().to_string()))
                    }
                    (None, Some(error)) => Rejection::json(error, None),
                    (None, None) => Rejection::new(rejection.status(), "invalid JSON body"),
                }
            }
        }
    }
}

/// axum's rejection of a query string, as the extractor [`Query`] answers it (in JSON).
impl From<QueryRejection> for Rejection {
    fn from(rejection: QueryRejection) -> Self {
        log_rejection(rejection.status(), || rejection.body_text());
        // serde_urlencoded's error is serde's own `value::Error`.
        match find::<serde_path_to_error::Error<serde::de::value::Error>>(&rejection) {
            Some(tracked) => {
                let path = tracked.path().to_string();
                Rejection::parameter("query", &tracked.inner().to_string(), Some(&path))
            }
            None => Rejection::parameter("query", "", None),
        }
    }
}

/// axum's rejection of path parameters, as the extractor [`Path`] answers it (in JSON), but
/// without the parameter's name where axum's error lacks it (a `Path<u64>`): the extractor
/// reads it from the route.
impl From<PathRejection> for Rejection {
    fn from(rejection: PathRejection) -> Self {
        path_rejection(&rejection, None)
    }
}

/// `name`: the parameter, where the caller knows it and axum's error does not say.
fn path_rejection(rejection: &PathRejection, name: Option<&str>) -> Rejection {
    log_rejection(rejection.status(), || rejection.body_text());
    let PathRejection::FailedToDeserializePathParams(failed) = rejection else {
        // No parameters where the route has some: a bug of the app, a 500 with axum's text
        // for the log.
        return Rejection::new(rejection.status(), rejection.body_text());
    };
    if rejection.status().is_server_error() {
        return Rejection::new(rejection.status(), rejection.body_text());
    }
    match failed.kind() {
        ErrorKind::ParseErrorAtKey { key, .. } => {
            Rejection::parameter("path", "cannot parse", Some(key))
        }
        ErrorKind::ParseError { .. } | ErrorKind::ParseErrorAtIndex { .. } => {
            Rejection::parameter("path", "cannot parse", name)
        }
        ErrorKind::DeserializeError { key, message, .. } => {
            Rejection::parameter("path", message, Some(key))
        }
        ErrorKind::InvalidUtf8InPathParam { key } => {
            Rejection::parameter("path", "invalid value", Some(key))
        }
        ErrorKind::Message(message) => Rejection::parameter("path", message, None),
        _ => Rejection::new(rejection.status(), crate::codes::title(rejection.status())),
    }
}

/// A body axum could not buffer: over the limit (413), or failed on the way (400).
fn body_rejection(status: StatusCode) -> Rejection {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        Rejection::payload_too_large()
    } else {
        Rejection::new(status, "the request body could not be read")
    }
}

/// The first error of type `E` in `error`'s `source()` chain, itself included. axum's
/// rejections nest the parser's error two boxes deep; the bound only guards against a cycle.
fn find<'a, E: Error + 'static>(error: &'a (dyn Error + 'static)) -> Option<&'a E> {
    let mut next = Some(error);
    for _ in 0..8 {
        let link = next?;
        if let Some(found) = link.downcast_ref::<E>() {
            return Some(found);
        }
        next = link.source();
    }
    None
}

/// axum's own answer to a rejection, which the client does not see, at debug level (`text`
/// is only run when the event is recorded).
#[cfg(feature = "tracing")]
fn log_rejection(status: StatusCode, text: impl FnOnce() -> String) {
    tracing::debug!(
        status = status.as_u16(),
        rejection = %text(),
        "axum rejected the request"
    );
}

#[cfg(not(feature = "tracing"))]
fn log_rejection(_: StatusCode, _: impl FnOnce() -> String) {}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::extract::DefaultBodyLimit;
    use axum::routing::{get, post};
    use tower::ServiceExt as _;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Signup {
        email: String,
        age: Option<u8>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Nested {
        user: Signup,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        page: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Ids {
        team: u64,
    }

    fn app() -> Router {
        Router::new()
            .route("/signup", post(|_: Json<Signup>| async {}))
            .route("/nested", post(|_: Json<Nested>| async {}))
            .route(
                "/small",
                post(|_: Json<Signup>| async {}).layer(DefaultBodyLimit::max(16)),
            )
            .route("/pair/{a}/{b}", get(|_: Path<(u64, u64)>| async {}))
            .route("/teams/{team}", get(|_: Path<Ids>| async {}))
            .route("/one/{id}", get(|_: Path<u64>| async {}))
            .route("/list", get(|_: Query<Page>| async {}))
    }

    /// Status, content type and body of `method path` with a JSON `body` (or none).
    async fn call(
        app: Router,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> (u16, String, String) {
        let mut request = http::Request::builder().method(method).uri(path);
        if body.is_some() {
            request = request.header("content-type", "application/json");
        }
        let request = request
            .body(body.map_or_else(Body::empty, |b| Body::from(b.to_owned())))
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        (
            status,
            content_type,
            String::from_utf8(bytes.to_vec()).unwrap(),
        )
    }

    #[tokio::test]
    async fn json_bodies() {
        let long = "x".repeat(100);
        let unknown = format!(r#"{{"email":"a","{long}":1}}"#);
        let cases: [(&str, &str, u16, String); 6] = [
            (
                "/signup",
                "{}",
                422,
                "invalid JSON body: `email` is missing (line 1, column 2)".into(),
            ),
            (
                "/nested",
                r#"{"user": {"email": 1}}"#,
                422,
                "invalid JSON body: `user.email` has the wrong type (line 1, column 20)".into(),
            ),
            (
                "/signup",
                r#"{"email":"a","age":300}"#,
                422,
                "invalid JSON body: `age` has an invalid value (line 1, column 22)".into(),
            ),
            (
                "/signup",
                &unknown,
                422,
                format!(
                    "invalid JSON body: `{}…` is not an accepted field (line 1, column 115)",
                    "x".repeat(Rejection::MAX_ECHO)
                ),
            ),
            // Trailing text: serde_json's own error, after the value was read.
            (
                "/signup",
                r#"{"email":"a"} x"#,
                400,
                "invalid JSON body: malformed JSON (line 1, column 15)".into(),
            ),
            (
                "/small",
                r#"{"email":"ada@example.com"}"#,
                413,
                "the request body is too large".into(),
            ),
        ];
        for (path, body, status, message) in cases {
            let expected = format!(r#"{{"error":"{message}"}}"#);
            assert_eq!(
                call(app(), "POST", path, Some(body)).await,
                (status, "application/json".to_owned(), expected),
                "{path} {body}"
            );
        }
        // No content type at all.
        assert_eq!(
            call(app(), "POST", "/signup", None).await,
            (
                415,
                "application/json".to_owned(),
                r#"{"error":"expected a JSON body (content-type: application/json)"}"#.to_owned()
            )
        );
    }

    #[tokio::test]
    async fn path_and_query_parameters() {
        let cases = [
            (
                "/pair/1/zz",
                r#"{"error":"invalid path: `b` has the wrong type"}"#,
            ),
            (
                "/teams/red",
                r#"{"error":"invalid path: `team` has the wrong type"}"#,
            ),
            (
                "/one/-1",
                r#"{"error":"invalid path: `id` has the wrong type"}"#,
            ),
            ("/list", r#"{"error":"invalid query: `page` is missing"}"#),
            (
                "/list?page=x",
                r#"{"error":"invalid query: `page` has the wrong type"}"#,
            ),
        ];
        for (path, expected) in cases {
            assert_eq!(
                call(app(), "GET", path, None).await,
                (400, "application/json".to_owned(), expected.to_owned()),
                "{path}"
            );
        }
    }

    /// A route whose parameters cannot fill the extractor is the app's bug: a 500.
    #[tokio::test]
    async fn a_mismatched_route_is_a_500() {
        let app: Router = Router::new().route("/{a}/{b}", get(|_: Path<u64>| async {}));
        assert_eq!(
            call(app, "GET", "/1/2", None).await,
            (
                500,
                "application/json".to_owned(),
                r#"{"error":"Internal Server Error"}"#.to_owned()
            )
        );
    }

    /// The extractors answer in the format `with_rejections` installed.
    #[tokio::test]
    async fn extractors_follow_the_app_format() {
        let app = app().with_rejections(BodyFormat::Problem {
            type_uri: "about:blank",
        });
        assert_eq!(
            call(app.clone(), "GET", "/one/x", None).await,
            (
                400,
                "application/problem+json".to_owned(),
                r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid path: `id` has the wrong type"}"#.to_owned()
            )
        );
        let (status, content_type, _) = call(app, "POST", "/signup", Some("[")).await;
        assert_eq!(
            (status, content_type.as_str()),
            (400, "application/problem+json")
        );
    }

    #[test]
    fn a_panic_without_a_message_is_still_the_redacted_500() {
        use tower_http::catch_panic::ResponseForPanic as _;
        let response = PanicResponse::default().response_for_panic(Box::new(42_u8));
        assert_eq!(response.status(), 500);
        assert_eq!(response.headers()["content-type"], "application/json");
    }
}
