//! rocket 0.5: the catcher and the JSON data guard through which Rocket's own errors answer as
//! [`Rejection`]s (re-exported by `httperr::rocket`, whose documentation says what each case
//! answers).

use std::io::ErrorKind;
use std::sync::OnceLock;

use http::StatusCode;
use rocket::data::{FromData, Outcome};
use rocket::http::{ContentType, Method, RawStr, Status};
use rocket::serde::json::Error as JsonError;
use rocket::{Catcher, Data, Request, Route, catcher};
use serde::Deserialize;

use crate::{BodyFormat, HttpError, Rejection};

/// Rocket's catchers for the whole app, answering in JSON: register them once with
/// `.register("/", httperr::rocket::catchers())`. See [the module](crate::rocket) for what each case
/// answers.
///
/// It is one default catcher: a catcher the app registers for a given status (or under a
/// longer base) still wins for that status.
///
/// ```
/// use rocket::local::blocking::Client;
///
/// #[rocket::post("/users")]
/// fn create_user() -> &'static str {
///     "created"
/// }
///
/// let rocket = rocket::build()
///     .mount("/", rocket::routes![create_user])
///     .register("/", httperr::rocket::catchers());
/// let client = Client::tracked(rocket).unwrap();
///
/// let response = client.get("/nope").dispatch();
/// assert_eq!(response.status().code, 404);
/// assert_eq!(response.content_type(), Some(rocket::http::ContentType::JSON));
/// assert_eq!(response.into_string().unwrap(), r#"{"error":"Not Found"}"#);
///
/// // Rocket routes a wrong method as a 404; the catcher finds the routes of the path.
/// let response = client.put("/users").dispatch();
/// assert_eq!(response.status().code, 405);
/// assert_eq!(response.headers().get_one("allow"), Some("POST"));
/// assert_eq!(response.into_string().unwrap(), r#"{"error":"Method Not Allowed"}"#);
/// ```
pub fn catchers() -> Vec<Catcher> {
    catchers_with(BodyFormat::Json)
}

/// [`catchers`] answering in `format`: `catchers_with(BodyFormat::Problem { type_uri:
/// "about:blank" })` for problem details.
///
/// ```
/// use httperr::BodyFormat;
/// use rocket::local::blocking::Client;
///
/// let rocket = rocket::build()
///     .register("/", httperr::rocket::catchers_with(BodyFormat::Problem { type_uri: "about:blank" }));
/// let client = Client::tracked(rocket).unwrap();
///
/// let response = client.get("/nope").dispatch();
/// assert_eq!(response.headers().get_one("content-type"), Some("application/problem+json"));
/// assert_eq!(
///     response.into_string().unwrap(),
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}"#
/// );
/// ```
pub fn catchers_with(format: BodyFormat) -> Vec<Catcher> {
    let mut catcher = Catcher::new(None, Catch { format });
    catcher.name = Some("httperr".into());
    vec![catcher]
}

/// The catcher's handler: the app's body format is its only state.
#[derive(Clone)]
struct Catch {
    format: BodyFormat,
}

#[rocket::async_trait]
impl catcher::Handler for Catch {
    async fn handle<'r>(&self, status: Status, request: &'r Request<'_>) -> catcher::Result<'r> {
        let rejection = rejection_for(status, request).with_format(self.format);
        super::rocket::respond_to(&rejection)
    }
}

/// What Rocket's `status` for `request` answers with. Rocket hands a catcher the status alone,
/// so the cause is found where it can be: the rejection a guard of ours left in the
/// request-local cache, or the routes.
fn rejection_for(status: Status, request: &Request<'_>) -> Rejection {
    if let Some(rejection) = request.local_cache(Refused::default).0.get() {
        if rejection.status().as_u16() == status.code {
            return rejection.clone();
        }
    }
    match status.code {
        404 => match allowed_methods(request) {
            Some(allowed) => Rejection::method_not_allowed(allowed),
            None => Rejection::not_found(),
        },
        422 => parameter_failure(request),
        // The message is for the log only: a 5xx body says its reason phrase.
        500 => Rejection::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Rocket answered 500 itself: a handler panicked, or a guard or responder failed",
        ),
        code => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Rejection::new(status, crate::codes::title(status))
        }
    }
}

/// Where [`Json`] leaves the rejection it failed with, for the catcher (Rocket passes the
/// guard's error to the log only). Set once: a request fails one data guard at most.
#[derive(Default)]
struct Refused(OnceLock<Rejection>);

/// Rocket's methods in the order an `Allow` lists them.
const METHODS: [(Method, http::Method); 9] = [
    (Method::Get, http::Method::GET),
    (Method::Head, http::Method::HEAD),
    (Method::Post, http::Method::POST),
    (Method::Put, http::Method::PUT),
    (Method::Patch, http::Method::PATCH),
    (Method::Delete, http::Method::DELETE),
    (Method::Options, http::Method::OPTIONS),
    (Method::Trace, http::Method::TRACE),
    (Method::Connect, http::Method::CONNECT),
];

/// For a 404: the methods of the routes whose path matches the request's, when none of them
/// has the request's method (then the 404 is the route's own, or no route matched the path at
/// all). Rocket's router matches the method first and never says which paths exist; the
/// routes it mounted do, and reading them here costs nothing to requests that are routed.
/// A `GET` route also answers `HEAD`, as Rocket does.
fn allowed_methods(request: &Request<'_>) -> Option<Vec<http::Method>> {
    let method = request.method();
    let mut allowed = [false; METHODS.len()];
    for route in request.rocket().routes() {
        if !path_matches(route, request) {
            continue;
        }
        if route.method == method || (method == Method::Head && route.method == Method::Get) {
            return None;
        }
        for (slot, (known, _)) in allowed.iter_mut().zip(METHODS) {
            *slot |=
                known == route.method || (known == Method::Head && route.method == Method::Get);
        }
    }
    let allowed: Vec<http::Method> = METHODS
        .into_iter()
        .zip(allowed)
        .filter_map(|((_, method), allowed)| allowed.then_some(method))
        .collect();
    (!allowed.is_empty()).then_some(allowed)
}

/// Whether `route`'s path matches the request's, segment by segment, as Rocket's router
/// compares them: a `<param>` matches any segment, a trailing `<param..>` the rest, even none.
fn path_matches(route: &Route, request: &Request<'_>) -> bool {
    let mut pattern = route.uri.origin.path().raw_segments();
    let mut path = request.uri().path().segments();
    loop {
        match (pattern.next(), path.next()) {
            (Some(segment), _) if trailing(segment) => return true,
            (Some(segment), Some(given)) => {
                if !dynamic(segment) && segment.as_str() != given {
                    return false;
                }
            }
            (None, None) => return true,
            _ => return false,
        }
    }
}

fn dynamic(segment: &RawStr) -> bool {
    segment.starts_with('<') && segment.ends_with('>')
}

fn trailing(segment: &RawStr) -> bool {
    dynamic(segment) && segment.ends_with("..>")
}

/// The parameter's name in a `<name>` or `<name..>` segment.
fn parameter_name(segment: &RawStr) -> &str {
    let inner = segment
        .as_str()
        .trim_start_matches('<')
        .trim_end_matches('>');
    inner.strip_suffix("..").unwrap_or(inner)
}

/// For a 422 no guard of ours explained: Rocket forwards with 422 when a path parameter or the
/// query does not parse (and the last route tried is then the request's route). The status
/// alone does not say which parameter, so it is named when the route has only one.
///
/// Rocket's own `Json` and `Form` data guards fail with 422 too, and cannot be told apart from
/// a parameter: on a route with parameters they would be reported as one. [`Json`] leaves its
/// own rejection for the catcher and is not mistaken.
fn parameter_failure(request: &Request<'_>) -> Rejection {
    let unprocessable = || {
        Rejection::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::codes::title(StatusCode::UNPROCESSABLE_ENTITY),
        )
    };
    let Some(route) = request.route() else {
        return unprocessable();
    };
    let origin = &route.uri.origin;
    let path: Vec<&str> = origin
        .path()
        .raw_segments()
        .filter(|segment| dynamic(segment))
        .map(parameter_name)
        .collect();
    let query: Vec<&str> = origin
        .query()
        .map(|query| {
            query
                .raw_segments()
                .filter(|segment| dynamic(segment))
                .map(parameter_name)
                .collect()
        })
        .unwrap_or_default();
    let (part, names) = match (path.is_empty(), query.is_empty()) {
        (false, true) => ("path", path),
        (true, false) => ("query", query),
        (false, false) => ("path or query", Vec::new()),
        (true, true) => return unprocessable(),
    };
    let name = match names.as_slice() {
        [name] => Some(*name),
        _ => None,
    };
    // "cannot parse" is the kind: Rocket's parameter guards parse the segment (`FromParam`).
    Rejection::parameter(part, "cannot parse", name)
}

/// A JSON request body, as Rocket's own `rocket::serde::json::Json` reads it (within the
/// `json` limit of the app's `limits`), whose failures say what was wrong in the app's shape:
/// a body that is not `application/json` (or `application/*+json`) is a 415, one larger than
/// the limit a 413, malformed JSON a 400 and JSON that does not match `T` a 422, each with a
/// short message that names no Rust type (see [`Rejection::json`]). The guard's error is the
/// [`Rejection`]; the catcher of [`catchers`] answers with it.
///
/// Use it for request bodies in place of Rocket's `Json` (which stays the one for responses):
/// a catcher is only told the status of a failed guard, and Rocket's `Json` 422 looks like a
/// parameter's.
///
/// ```
/// use rocket::local::blocking::Client;
///
/// #[derive(serde::Deserialize)]
/// struct CreateUser {
///     email: String,
/// }
///
/// #[rocket::post("/users", data = "<body>")]
/// fn create_user(body: httperr::rocket::Json<CreateUser>) -> String {
///     body.into_inner().email
/// }
///
/// let rocket = rocket::build()
///     .mount("/", rocket::routes![create_user])
///     .register("/", httperr::rocket::catchers());
/// let client = Client::tracked(rocket).unwrap();
///
/// let post = |body: &'static str| {
///     let response = client
///         .post("/users")
///         .header(rocket::http::ContentType::JSON)
///         .body(body)
///         .dispatch();
///     (response.status().code, response.into_string().unwrap())
/// };
/// assert_eq!(post(r#"{"email":"ada@example.com"}"#), (200, "ada@example.com".to_owned()));
/// assert_eq!(
///     post(r#"{"email": 42}"#),
///     (422, r#"{"error":"invalid JSON body: a value has the wrong type (line 1, column 12)"}"#.to_owned())
/// );
/// assert_eq!(
///     post(r#"{"email":"#),
///     (400, r#"{"error":"invalid JSON body: it ends early (line 1, column 9)"}"#.to_owned())
/// );
///
/// let response = client.post("/users").body(r#"{"email":"ada@example.com"}"#).dispatch();
/// assert_eq!(response.status().code, 415);
/// assert_eq!(
///     response.into_string().unwrap(),
///     r#"{"error":"expected a JSON body (content-type: application/json)"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The deserialized body.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> core::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> core::ops::DerefMut for Json<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

#[rocket::async_trait]
impl<'r, T: Deserialize<'r>> FromData<'r> for Json<T> {
    type Error = Rejection;

    async fn from_data(request: &'r Request<'_>, data: Data<'r>) -> Outcome<'r, Self> {
        let rejection = if !is_json(request.content_type()) {
            Rejection::expected_json()
        } else {
            match <rocket::serde::json::Json<T> as FromData<'r>>::from_data(request, data).await {
                Outcome::Success(json) => return Outcome::Success(Json(json.into_inner())),
                Outcome::Forward(forward) => return Outcome::Forward(forward),
                Outcome::Error((_, error)) => {
                    #[cfg(feature = "tracing")]
                    tracing::debug!(error = %error, "Rocket's JSON data guard refused the body");
                    body_rejection(&error)
                }
            }
        };
        let _ = request
            .local_cache(Refused::default)
            .0
            .set(rejection.clone());
        Outcome::Error((Status::new(rejection.status().as_u16()), rejection))
    }
}

/// `application/json`, or a `+json` type such as `application/merge-patch+json`.
fn is_json(content_type: Option<&ContentType>) -> bool {
    content_type.is_some_and(|content_type| {
        super::is_json_media_type(content_type.top().as_str(), content_type.sub().as_str())
    })
}

/// The rejection for what Rocket's `Json` failed with, with the status Rocket gives it.
fn body_rejection(error: &JsonError<'_>) -> Rejection {
    match error {
        JsonError::Parse(_, error) => Rejection::json(error, None),
        // Rocket's own signal that the body went past the `json` limit.
        JsonError::Io(error) if error.kind() == ErrorKind::UnexpectedEof => {
            Rejection::payload_too_large()
        }
        JsonError::Io(error) if error.kind() == ErrorKind::InvalidData => Rejection::new(
            StatusCode::BAD_REQUEST,
            "invalid JSON body: it is not valid UTF-8",
        ),
        JsonError::Io(_) => Rejection::new(
            StatusCode::BAD_REQUEST,
            "invalid JSON body: it could not be read",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        let json =
            |top: &'static str, sub: &'static str| is_json(Some(&ContentType::new(top, sub)));
        assert!(json("application", "json"));
        assert!(json("Application", "JSON"));
        assert!(json("application", "merge-patch+json"));
        assert!(json("application", "problem+JSON"));
        assert!(!json("text", "json"));
        assert!(!json("application", "+json"));
        assert!(!json("application", "jsonx"));
        assert!(!json("text", "plain"));
        assert!(!is_json(None));
    }

    #[test]
    fn parameter_names() {
        assert_eq!(parameter_name(RawStr::new("<id>")), "id");
        assert_eq!(parameter_name(RawStr::new("<path..>")), "path");
        assert!(trailing(RawStr::new("<path..>")));
        assert!(!trailing(RawStr::new("<id>")));
        assert!(!dynamic(RawStr::new("users")));
    }
}
