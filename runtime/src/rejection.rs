//! The errors a framework makes itself (unknown route, wrong method, a request its extractors
//! refuse, a handler panic) as an [`HttpError`], so that they answer in the application's shape.

use crate::{BodyFormat, HttpError};
use http::header::{ALLOW, HeaderMap, HeaderValue};
use http::{Method, StatusCode};
use std::borrow::Cow;
use std::fmt;

/// An error the framework produced before (or instead of) the handler: what every framework
/// hook of httperr answers with.
///
/// Its message is meant for the client and is kept short and safe: the constructors here say
/// what was wrong with the request (which parameter, which line and column of the JSON) and
/// never echo a Rust type name, a list of the target's fields or more than
/// [`Rejection::MAX_ECHO`] characters of the client's own input. The framework's full text
/// belongs in the log; each hook logs it at debug level with the `tracing` feature.
///
/// ```
/// use httperr::{HttpError, Rejection};
///
/// let rejection = Rejection::new(http::StatusCode::BAD_REQUEST, "expected a JSON body");
/// let response = rejection.to_response();
/// assert_eq!(response.status(), 400);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.body().as_ref(), br#"{"error":"expected a JSON body"}"#);
///
/// // A 5xx says only its reason phrase, as a derived type's does.
/// let panic = Rejection::new(http::StatusCode::INTERNAL_SERVER_ERROR, "index out of bounds");
/// assert_eq!(panic.to_response().body().as_ref(), br#"{"error":"Internal Server Error"}"#);
/// ```
#[derive(Clone)]
pub struct Rejection {
    status: StatusCode,
    message: Cow<'static, str>,
    allow: Option<HeaderValue>,
    format: BodyFormat,
}

impl Rejection {
    /// At most this many characters of the client's input (a path segment, a field name) are
    /// repeated in a message; a longer one is cut and ends with `…`.
    pub const MAX_ECHO: usize = 64;

    /// A rejection with `status` and a message for the client. A 5xx status answers with its
    /// reason phrase whatever the message says; a status outside 400..=599 becomes 500.
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Self {
        let status = if status.is_client_error() || status.is_server_error() {
            status
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        };
        Rejection {
            status,
            message: message.into(),
            allow: None,
            format: BodyFormat::Json,
        }
    }

    /// `404 {"error":"Not Found"}`: no route matches the request.
    ///
    /// ```
    /// use httperr::{HttpError, Rejection};
    ///
    /// let response = Rejection::not_found().to_response();
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.body().as_ref(), br#"{"error":"Not Found"}"#);
    /// ```
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "Not Found")
    }

    /// `405` with the `Allow` header RFC 9110 §15.5.6 requires, listing `allowed` in order.
    ///
    /// ```
    /// use http::Method;
    /// use httperr::{HttpError, Rejection};
    ///
    /// let response = Rejection::method_not_allowed([Method::GET, Method::HEAD]).to_response();
    /// assert_eq!(response.status(), 405);
    /// assert_eq!(response.headers()["allow"], "GET, HEAD");
    /// assert_eq!(response.body().as_ref(), br#"{"error":"Method Not Allowed"}"#);
    /// ```
    pub fn method_not_allowed(allowed: impl IntoIterator<Item = Method>) -> Self {
        let mut list = String::new();
        for method in allowed {
            if !list.is_empty() {
                list.push_str(", ");
            }
            list.push_str(method.as_str());
        }
        let mut rejection = Self::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed");
        // An empty list is a valid `Allow` (the resource allows nothing right now).
        rejection.allow = HeaderValue::from_str(&list).ok();
        rejection
    }

    /// The redacted `500 {"error":"Internal Server Error"}` a panicking handler answers with.
    pub fn panic() -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error")
    }

    /// `413`: the body is larger than the route accepts.
    pub fn payload_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "the request body is too large",
        )
    }

    /// `415`: the route takes a JSON body and the request does not say it sends one.
    pub fn expected_json() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "expected a JSON body (content-type: application/json)",
        )
    }

    /// A JSON body that does not parse (`400`) or does not match what the route takes
    /// (`422`), from serde_json's error and, where the framework knows it, the path of the
    /// member that failed (`user.email`, `items[2]`).
    ///
    /// The message keeps serde_json's line and column and what kind of mismatch it was, and
    /// drops the rest of its text, which can name Rust types (`expected struct CreateUser`) and
    /// list every field of the target.
    ///
    /// ```
    /// use httperr::{HttpError, Rejection};
    ///
    /// #[derive(Debug, serde::Deserialize)]
    /// struct CreateUser {
    ///     #[allow(dead_code)]
    ///     email: String,
    /// }
    ///
    /// let error = serde_json::from_str::<CreateUser>(r#"{"email": 42}"#).unwrap_err();
    /// let rejection = Rejection::json(&error, Some("email"));
    /// assert_eq!(rejection.status(), 422);
    /// assert_eq!(
    ///     rejection.message(),
    ///     "invalid JSON body: `email` has the wrong type (line 1, column 12)"
    /// );
    ///
    /// let error = serde_json::from_str::<CreateUser>(r#"{"email": "#).unwrap_err();
    /// let rejection = Rejection::json(&error, None);
    /// assert_eq!(rejection.status(), 400);
    /// assert_eq!(rejection.message(), "invalid JSON body: it ends early (line 1, column 10)");
    /// ```
    pub fn json(error: &serde_json::Error, path: Option<&str>) -> Self {
        use serde_json::error::Category;
        let (line, column) = (error.line(), error.column());
        let (status, what) = match error.classify() {
            Category::Syntax => (StatusCode::BAD_REQUEST, Cow::Borrowed("malformed JSON")),
            Category::Eof => (StatusCode::BAD_REQUEST, Cow::Borrowed("it ends early")),
            Category::Io => (
                StatusCode::BAD_REQUEST,
                Cow::Borrowed("it could not be read"),
            ),
            Category::Data => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Cow::Owned(mismatch(&error.to_string(), path)),
            ),
        };
        let message = if line == 0 {
            format!("invalid JSON body: {what}")
        } else {
            format!("invalid JSON body: {what} (line {line}, column {column})")
        };
        Self::new(status, message)
    }

    /// A query string or path parameter that does not deserialize: `400` with what kind of
    /// mismatch it was, and the parameter's name where the framework knows it. `text` is the
    /// deserializer's message (serde's wording), used only to tell the kind.
    ///
    /// ```
    /// use httperr::{HttpError, Rejection};
    ///
    /// let rejection = Rejection::parameter("query", "missing field `page`", None);
    /// assert_eq!(rejection.message(), "invalid query: `page` is missing");
    /// let rejection = Rejection::parameter("path", "cannot parse `abc` to a `u64`", Some("id"));
    /// assert_eq!(rejection.message(), "invalid path: `id` has the wrong type");
    /// // actix-web's wording of the same, without the parameter's name:
    /// let rejection = Rejection::parameter("path", r#"can not parse "abc" to a u64"#, None);
    /// assert_eq!(rejection.message(), "invalid path: a value has the wrong type");
    /// ```
    pub fn parameter(part: &str, text: &str, name: Option<&str>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            format!("invalid {part}: {}", mismatch(text, name)),
        )
    }

    /// The same rejection, written in `format` (problem details, say) instead of JSON.
    ///
    /// ```
    /// use httperr::{BodyFormat, HttpError, Rejection};
    ///
    /// let problem = Rejection::not_found().with_format(BodyFormat::Problem { type_uri: "about:blank" });
    /// assert_eq!(problem.to_response().headers()["content-type"], "application/problem+json");
    /// assert_eq!(
    ///     problem.to_response().body().as_ref(),
    ///     br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}"#
    /// );
    /// ```
    pub fn with_format(mut self, format: BodyFormat) -> Self {
        self.format = format;
        self
    }
}

/// What kind of mismatch serde reported, in words that name no Rust type: the kinds are the
/// prefixes of serde's own `de::Error` messages. `path` is the member or parameter, when known.
fn mismatch(text: &str, path: Option<&str>) -> String {
    // In order: the first prefix that matches wins, so a longer one goes before its own prefix.
    const KINDS: [(&str, &str); 16] = [
        ("invalid type", "has the wrong type"),
        ("invalid value", "has an invalid value"),
        ("invalid length", "has the wrong length"),
        ("unknown variant", "is not one of the accepted values"),
        ("unknown field", "is not an accepted field"),
        ("duplicate field", "appears twice"),
        ("missing field", "is missing"),
        // std's `FromStr` errors, which serde_urlencoded (query strings, forms) passes on.
        ("cannot parse integer from empty string", "is empty"),
        ("cannot parse float from empty string", "is empty"),
        ("cannot parse", "has the wrong type"),
        // actix-router's words for a path segment that does not parse.
        ("can not parse", "has the wrong type"),
        ("invalid digit", "has the wrong type"),
        ("number too large", "is out of range"),
        ("number too small", "is out of range"),
        ("invalid float literal", "has the wrong type"),
        (
            "provided string was not `true` or `false`",
            "has the wrong type",
        ),
    ];
    let kind = KINDS
        .iter()
        .find(|(prefix, _)| text.starts_with(prefix))
        .map(|(_, words)| *words);
    let member = match (path.filter(|p| !p.is_empty() && *p != "."), named(text)) {
        // A path that already ends at the member (serde_path_to_error's, for an unknown field).
        (Some(path), Some(name))
            if path == name || path.strip_suffix(name).is_some_and(|p| p.ends_with('.')) =>
        {
            Some(echo(path))
        }
        // The member's name is the client's own (a key it sent) for an unknown field: there
        // the path, which holds the key whole, is the one to trust.
        (Some(path), Some(_)) if text.starts_with("unknown field") => Some(echo(path)),
        // One bound for the whole name, not one for each part.
        (Some(path), Some(name)) => Some(echo(&format!("{path}.{name}"))),
        (Some(path), None) => Some(echo(path)),
        (None, Some(name)) => Some(echo(name)),
        (None, None) => None,
    };
    match (member, kind) {
        (Some(member), Some(kind)) => format!("`{member}` {kind}"),
        (Some(member), None) => format!("`{member}` does not match what is expected"),
        (None, Some(kind)) => format!("a value {kind}"),
        (None, None) => "it does not match what is expected".to_owned(),
    }
}

/// The member serde names in an unknown- or missing-field message: all of what stands between
/// its first backtick and the end of the name (a client's key may hold backticks itself).
fn named(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("unknown field `")
        .or_else(|| text.strip_prefix("missing field `"))?;
    // serde_json adds ` at line 1 column 2` after serde's text, and `, expected …` lists
    // backticked names: the name ends at the backtick before the list, else at the last one.
    match rest.rsplit_once("`, expected") {
        Some((name, _)) => Some(name),
        None => rest.rsplit_once('`').map(|(name, _)| name),
    }
}

/// At most [`Rejection::MAX_ECHO`] characters of client input, without control, invisible
/// formatting or line-separating characters or backticks, ending with `…` when cut.
pub(crate) fn echo(input: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for c in input.chars() {
        if c.is_control() || c == '`' || is_invisible(c) {
            continue;
        }
        if count == Rejection::MAX_ECHO {
            out.push('…');
            break;
        }
        out.push(c);
        count += 1;
    }
    out
}

/// Unicode's format characters (bidirectional overrides and isolates, zero-width ones) and
/// line and paragraph separators: echoed, they could make a message read differently from what
/// it says, in a client's UI or a log.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

// Not offered as the fix when a user's type is not an `HttpError`: the answer there is to
// derive it, not to use this type.
#[diagnostic::do_not_recommend]
impl HttpError for Rejection {
    fn status(&self) -> StatusCode {
        self.status
    }

    fn message(&self) -> Cow<'_, str> {
        if self.status.is_server_error() {
            Cow::Borrowed(crate::codes::title(self.status))
        } else {
            Cow::Borrowed(&self.message)
        }
    }

    fn insert_headers(&self, headers: &mut HeaderMap) {
        if let Some(allow) = &self.allow {
            headers.insert(ALLOW, allow.clone());
        }
    }

    fn format(&self) -> BodyFormat {
        self.format
    }

    // The log of a 5xx shows the message as given (a panic's, the framework's text), as a
    // derived type's shows its `Display`; the client still sees only the reason phrase.
    fn __error_display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejection")
            .field("status", &self.status)
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}

/// The message as given (for a 5xx too: `Display` is for the log).
impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rejection {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_is_bounded_and_clean() {
        assert_eq!(echo("a`b\r\nc"), "abc");
        assert_eq!(echo("\u{202E}admin\u{2028}x\u{200B}"), "adminx");
        assert_eq!(echo("é☃"), "é☃");
        let long = "x".repeat(200);
        let cut = echo(&long);
        assert_eq!(cut.chars().count(), Rejection::MAX_ECHO + 1);
        assert!(cut.ends_with('…'));
    }

    /// std's own text for a `u32` that does not parse, as serde_urlencoded passes it on.
    fn serde_urlencoded_like_error(query: &str) -> String {
        let value = query.split_once('=').map_or("", |(_, value)| value);
        value.parse::<u32>().unwrap_err().to_string()
    }

    #[test]
    fn mismatch_names_no_type() {
        // What serde_urlencoded says for `?page=x` into a `u32`, whatever the framework.
        let error = serde_urlencoded_like_error("page=x");
        assert_eq!(mismatch(&error, Some("page")), "`page` has the wrong type");
        assert_eq!(
            mismatch("number too large to fit in target type", Some("page")),
            "`page` is out of range"
        );
        let empty = "".parse::<u32>().unwrap_err().to_string();
        assert_eq!(mismatch(&empty, Some("page")), "`page` is empty");
        // A key with a backtick: the path, which holds it whole, names it.
        let text = "unknown field `a`b`, expected `name`";
        assert_eq!(mismatch(text, Some("a`b")), "`ab` is not an accepted field");
        assert_eq!(mismatch(text, None), "`ab` is not an accepted field");
        let text = "missing field `email` at line 1 column 2";
        assert_eq!(mismatch(text, None), "`email` is missing");
        // One bound for the whole member.
        let long = format!("missing field `{}`", "y".repeat(100));
        let message = mismatch(&long, Some(&"x".repeat(100)));
        assert_eq!(
            message.chars().count(),
            Rejection::MAX_ECHO + 1 + "``".len() + " is missing".len()
        );
        let text = "invalid type: integer `42`, expected struct CreateUser";
        assert_eq!(mismatch(text, None), "a value has the wrong type");
        let text = "unknown field `nmae`, expected one of `name`, `email`, `password_hash`";
        assert_eq!(mismatch(text, None), "`nmae` is not an accepted field");
        assert_eq!(
            mismatch("missing field `email`", Some("user")),
            "`user.email` is missing"
        );
        assert_eq!(
            mismatch("unknown field `nmae`, expected `name`", Some("user.nmae")),
            "`user.nmae` is not an accepted field"
        );
        assert_eq!(
            mismatch("unknown field `nmae`, expected `name`", Some("nmae")),
            "`nmae` is not an accepted field"
        );
        assert_eq!(
            mismatch("something else", None),
            "it does not match what is expected"
        );
    }

    #[test]
    fn a_status_outside_the_error_classes_becomes_500() {
        let rejection = Rejection::new(StatusCode::OK, "fine");
        assert_eq!(rejection.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(rejection.message(), "Internal Server Error");
    }
}
