//! salvo's own errors and handler panics answered as [`Rejection`]s: [`Rejections`], the
//! catcher hoop `httperr::salvo` documents.

use std::fmt::Write as _;

use salvo_core::catcher::Catcher;
use salvo_core::http::{ParseError, Request, ResBody, Response, StatusCode, StatusError};
use salvo_core::{Depot, FlowCtrl, Handler, Service, async_trait};
use salvo_extra::catch_panic::CatchPanic;

use crate::{BodyFormat, Rejection};

/// The salvo `Catcher` hoop that answers salvo's own errors with a [`Rejection`] in the app's
/// format: see the [module documentation](crate::salvo) for what each case answers.
///
/// [`install`](Rejections::install) puts it in a service's catcher, with salvo's
/// `CatchPanic` in front of the handlers, in one call:
///
/// ```
/// use salvo_core::prelude::*;
/// use salvo_core::Service;
///
/// #[handler]
/// async fn hello() -> &'static str {
///     "hello"
/// }
///
/// let service = httperr::salvo::Rejections::new().install(Service::new(Router::new().get(hello)));
/// # let _ = service;
/// ```
///
/// What it answers, for a response salvo's router or extractors left without a body:
///
/// ```
/// use httperr::HttpError as _;
/// use salvo_core::http::{ParseError, Request, ResBody, Response, StatusCode, StatusError};
///
/// let rejections = httperr::salvo::Rejections::new();
/// let request = Request::new();
///
/// let mut res = Response::new();
/// res.status_code(StatusCode::NOT_FOUND);
/// let rejection = rejections.rejection(&request, &res).expect("an error without a body");
/// res.render(rejection);
/// assert_eq!(res.headers()["content-type"], "application/json");
/// assert!(matches!(&res.body, ResBody::Once(body) if body.as_ref() == br#"{"error":"Not Found"}"#));
///
/// // What `JsonBody<T>` writes for a body that is not JSON.
/// let mut res = Response::new();
/// res.render(StatusError::bad_request().cause(ParseError::InvalidContentType));
/// let rejection = rejections.rejection(&request, &res).expect("a StatusError");
/// assert_eq!(rejection.status(), 415);
/// assert_eq!(rejection.to_string(), "expected a JSON body (content-type: application/json)");
///
/// // A body already written (the app's own error) is left alone.
/// let mut res = Response::new();
/// res.status_code(StatusCode::CONFLICT);
/// res.render("taken");
/// assert!(rejections.rejection(&request, &res).is_none());
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

    /// The same catcher, answering in `format` (problem details, say) instead.
    ///
    /// ```
    /// use httperr::BodyFormat;
    /// use salvo_core::http::{Request, ResBody, Response, StatusCode};
    ///
    /// let problems = httperr::salvo::Rejections::new()
    ///     .with_format(BodyFormat::Problem { type_uri: "about:blank" });
    /// let mut res = Response::new();
    /// res.status_code(StatusCode::NOT_FOUND);
    /// res.render(problems.rejection(&Request::new(), &res).unwrap());
    /// assert_eq!(res.headers()["content-type"], "application/problem+json");
    /// let expected = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}"#;
    /// assert!(matches!(&res.body, ResBody::Once(body) if body.as_ref() == expected));
    /// ```
    pub fn with_format(self, format: BodyFormat) -> Self {
        Rejections { format }
    }

    /// `service` with this catcher (replacing the service's own) and salvo's `CatchPanic` as
    /// its outermost hoop, so that a handler's panic answers the redacted 500 and the server
    /// goes on serving.
    pub fn install(self, service: Service) -> Service {
        service
            .hoop(CatchPanic::new())
            .catcher(Catcher::default().hoop(self))
    }

    /// The rejection this catcher writes for `res`, the response to `req` as salvo's router
    /// and handlers left it, or `None` where it leaves the response alone: a status that is
    /// not an error, or a body already written.
    pub fn rejection(&self, req: &Request, res: &Response) -> Option<Rejection> {
        let status = res.status_code.unwrap_or(StatusCode::NOT_FOUND);
        if !(status.is_client_error() || status.is_server_error()) {
            return None;
        }
        let rejection = match &res.body {
            ResBody::None => plain(status),
            ResBody::Error(error) => from_status_error(error, req),
            _ => return None,
        };
        Some(rejection.with_format(self.format))
    }
}

impl Default for Rejections {
    fn default() -> Self {
        Self::new()
    }
}

#[async_trait]
impl Handler for Rejections {
    async fn handle(
        &self,
        req: &mut Request,
        _depot: &mut Depot,
        res: &mut Response,
        ctrl: &mut FlowCtrl,
    ) {
        if let Some(rejection) = self.rejection(req, res) {
            res.render(rejection);
            ctrl.skip_rest();
        }
    }
}

/// An error status with nothing else to go by: the router's 404 and 405 (salvo adds the 405's
/// `Allow` after the catcher), or a status a handler set alone.
fn plain(status: StatusCode) -> Rejection {
    match status {
        StatusCode::NOT_FOUND => Rejection::not_found(),
        _ => Rejection::new(status, crate::codes::title(status)),
    }
}

/// A `StatusError` some handler or extractor rendered: a `ParseError` cause is what salvo's
/// extractors leave; anything else answers with its status's reason phrase.
fn from_status_error(error: &StatusError, req: &Request) -> Rejection {
    let parse = error
        .cause
        .as_deref()
        .and_then(|cause| cause.downcast_ref::<ParseError>());
    if let Some(parse) = parse {
        let rejection = from_parse_error(parse, error.code, req);
        #[cfg(feature = "tracing")]
        tracing::debug!(
            status = crate::HttpError::status(&rejection).as_u16(),
            error = %parse,
            "salvo refused the request"
        );
        return rejection;
    }
    if error.code.is_server_error() {
        // Only logged (at error level, by `to_response`): the brief and the cause.
        let mut text = error.brief.clone();
        if let Some(cause) = &error.cause {
            let _ = write!(text, ": {cause}");
        }
        return Rejection::new(error.code, text);
    }
    #[cfg(feature = "tracing")]
    tracing::debug!(
        status = error.code.as_u16(),
        error = %error.brief,
        "salvo refused the request"
    );
    plain(error.code)
}

/// The rejection for what salvo's request parsers and extractors report.
fn from_parse_error(error: &ParseError, status: StatusCode, req: &Request) -> Rejection {
    match error {
        ParseError::PayloadTooLarge => Rejection::payload_too_large(),
        ParseError::InvalidContentType => {
            // salvo's error does not say which type the parser wanted. A JSON body refused
            // was refused by a form parser; anything else, by the JSON one (or by `parse_body`,
            // which takes JSON too).
            let sent_json = req.content_type().is_some_and(|mime| {
                mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json")
            });
            if sent_json {
                Rejection::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "expected a form body (content-type: application/x-www-form-urlencoded or multipart/form-data)",
                )
            } else {
                Rejection::expected_json()
            }
        }
        ParseError::SerdeJson(json) => Rejection::json(json, None),
        ParseError::EmptyBody => {
            Rejection::new(StatusCode::BAD_REQUEST, "the request body is empty")
        }
        ParseError::Deserialize(inner) => Rejection::parameter("request", &inner.to_string(), None),
        ParseError::Utf8(_) => Rejection::new(
            StatusCode::BAD_REQUEST,
            "the request body is not valid UTF-8",
        ),
        ParseError::Io(_) | ParseError::Hyper(_) => Rejection::new(
            StatusCode::BAD_REQUEST,
            "the request body could not be read",
        ),
        ParseError::Other(other) => {
            extractor_parameter(&other.to_string()).unwrap_or_else(|| plain(status))
        }
        _ => plain(status),
    }
}

/// salvo's `PathParam`, `QueryParam`, `HeaderParam` and `CookieParam` report a failure only as
/// text, `"{part} parameter {name} not found or convert to type failed"`: the part and the name
/// are taken from it (a text of another form gives `None`). A matched route always has its path
/// parameters, so a path one that fails has the wrong type; the others may also be missing.
fn extractor_parameter(text: &str) -> Option<Rejection> {
    let (part, rest) = text.split_once(" parameter ")?;
    let name = rest.strip_suffix(" not found or convert to type failed")?;
    match part {
        "path" => Some(Rejection::parameter("path", "cannot parse", Some(name))),
        "query" | "header" | "cookie" => Some(Rejection::new(
            StatusCode::BAD_REQUEST,
            format!(
                "invalid {part}: `{}` is missing or has the wrong type",
                crate::rejection::echo(name)
            ),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HttpError;

    /// salvo's own text for a parameter extractor's failure, as its extractors write it today:
    /// if a new salvo words it differently, this fails rather than the name silently going.
    #[test]
    fn extractor_parameters_are_named() {
        let rejection =
            extractor_parameter("path parameter id not found or convert to type failed");
        assert_eq!(
            rejection.map(|r| r.message().into_owned()).as_deref(),
            Some("invalid path: `id` has the wrong type")
        );
        let rejection =
            extractor_parameter("query parameter page not found or convert to type failed");
        assert_eq!(
            rejection.map(|r| r.message().into_owned()).as_deref(),
            Some("invalid query: `page` is missing or has the wrong type")
        );
        assert!(extractor_parameter("file not found").is_none());
    }

    /// salvo's `InvalidContentType` does not say what the parser wanted: a JSON body refused
    /// was refused by a form parser, anything else by the JSON one.
    #[test]
    fn a_refused_content_type_names_what_was_expected() {
        let mut json = Request::new();
        json.headers_mut().insert(
            "content-type",
            "application/json".parse().expect("a header value"),
        );
        let refused = |req: &Request| {
            let rejection = from_parse_error(
                &ParseError::InvalidContentType,
                StatusCode::BAD_REQUEST,
                req,
            );
            (rejection.status().as_u16(), rejection.to_string())
        };
        assert_eq!(
            refused(&json),
            (
                415,
                "expected a form body (content-type: application/x-www-form-urlencoded or multipart/form-data)".to_owned()
            )
        );
        assert_eq!(
            refused(&Request::new()),
            (
                415,
                "expected a JSON body (content-type: application/json)".to_owned()
            )
        );
    }

    #[test]
    fn a_5xx_status_error_keeps_its_text_for_the_log_only() {
        let error = StatusError::internal_server_error().brief("panic occurred on server");
        let rejection = from_status_error(&error, &Request::new());
        assert_eq!(rejection.status(), 500);
        assert_eq!(rejection.message(), "Internal Server Error");
        assert_eq!(rejection.to_string(), "panic occurred on server");
    }
}
