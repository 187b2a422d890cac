//! Declared body shapes: the members an API's error bodies have, their keys and order.
//!
//! A [`Shape`] is a constant, built and checked at compile time, so that the derive can compute
//! the fixed bodies of a type in that shape at compile time too ([`fixed_len`], [`fixed_body`]:
//! const functions the generated code evaluates). Bodies that depend on field values are walked
//! at run time by [`write`] and, with `#[detail]` fields, by the serde side.

use super::BodyBuf;
use crate::layout::{self, Sink};

/// The most members a declared shape has.
const MAX: usize = 12;

/// The shape of an API's error bodies, declared once as a constant and named from each error
/// type with `#[http(shape = PATH)]` (or from one variant, for the one body that differs).
///
/// A shape is a JSON object whose members are chosen and ordered by the builder calls, or a
/// text body that is the message alone. Keys are written as given, so they must need no JSON
/// escape; a key used twice, a member added to a text shape, or an invalid content type fails
/// the build where the constant is declared.
///
/// ```
/// use httperr::{HttpError, Shape};
///
/// // {"message": …, "code": …, "type": <category>, "link": <docs + code>}
/// const API: Shape = Shape::json()
///     .message("message")
///     .code("code")
///     .category("type")
///     .link("link", "https://docs.example.com/errors#");
///
/// #[derive(Debug, HttpError)]
/// #[http(shape = API, codes, category = "invalid_request")]
/// enum IndexError {
///     #[status(404, "index `{0}` not found")]
///     IndexNotFound(String),
///     #[status(500)]
///     #[http(category = "internal")]
///     Internal,
/// }
///
/// let response = IndexError::IndexNotFound("movies".into()).to_response();
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"message":"index `movies` not found","code":"index_not_found","type":"invalid_request","link":"https://docs.example.com/errors#index_not_found"}"#
/// );
/// assert_eq!(
///     IndexError::Internal.to_response().body().as_ref(),
///     br#"{"message":"Internal Server Error","code":"internal","type":"internal","link":"https://docs.example.com/errors#internal"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    text: bool,
    content_type: Option<&'static str>,
    members: [Slot; MAX],
    len: usize,
}

/// One member: its key, and what its value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) key: &'static str,
    pub(crate) value: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    /// The public message.
    Message,
    /// The code; left out when the error has none.
    Code,
    /// The status code, as a number.
    Status,
    /// The status's reason phrase.
    Title,
    /// The `#[detail]` fields, as one object under the key; left out when there are none.
    Details,
    /// The `#[detail]` fields, as members of the body itself (the key is unused).
    FlatDetails,
    /// A constant string.
    Const(&'static str),
    /// The prefix followed by the code; left out when the error has no code.
    Link(&'static str),
    /// The variant's `#[http(category = "…")]`; left out when it has none.
    Category,
    /// The problem `type`: the base followed by the code, else `about:blank`.
    ProblemType(Option<&'static str>),
}

const EMPTY: Slot = Slot {
    key: "",
    value: Value::Message,
};

impl Shape {
    /// An empty JSON object, `content-type: application/json`; add members with the methods
    /// below, in the order they are to appear.
    pub const fn json() -> Shape {
        Shape {
            text: false,
            content_type: Some(super::JSON),
            members: [EMPTY; MAX],
            len: 0,
        }
    }

    /// The message alone as the body, `content-type: text/plain; charset=utf-8`. A `#[detail]`
    /// field does not compile on a variant in a text shape.
    ///
    /// ```
    /// use httperr::{HttpError, Shape};
    ///
    /// const TEXT: Shape = Shape::text();
    ///
    /// #[derive(Debug, HttpError)]
    /// #[http(shape = TEXT)]
    /// enum AuthError {
    ///     #[status(403, "user may not perform that action")]
    ///     Forbidden,
    /// }
    /// let response = AuthError::Forbidden.to_response();
    /// assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
    /// assert_eq!(response.body().as_ref(), b"user may not perform that action");
    /// ```
    pub const fn text() -> Shape {
        Shape {
            text: true,
            content_type: Some("text/plain; charset=utf-8"),
            members: [EMPTY; MAX],
            len: 0,
        }
    }

    /// RFC 9457 problem details: `type` (`about:blank`), `title`, `status`, `detail`, `code`
    /// when the error has one and the `#[detail]` fields as extension members, as
    /// `#[http(format = "problem")]` writes them; `content-type: application/problem+json`.
    /// Further members ([`member`](Shape::member), [`category`](Shape::category),
    /// [`link`](Shape::link)) are extension members after those.
    ///
    /// ```
    /// use httperr::{HttpError, Shape};
    ///
    /// const PROBLEM: Shape = Shape::problem()
    ///     .type_base("https://example.com/probs/")
    ///     .member("service", "billing");
    ///
    /// #[derive(Debug, HttpError)]
    /// #[http(shape = PROBLEM, codes)]
    /// enum BillingError {
    ///     #[status(402, "your balance is {balance}")]
    ///     OutOfCredit {
    ///         #[detail]
    ///         balance: i64,
    ///     },
    /// }
    /// let response = BillingError::OutOfCredit { balance: -30 }.to_response();
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// assert_eq!(
    ///     response.body().as_ref(),
    ///     br#"{"type":"https://example.com/probs/out_of_credit","title":"Payment Required","status":402,"detail":"your balance is -30","code":"out_of_credit","balance":-30,"service":"billing"}"#
    /// );
    /// ```
    pub const fn problem() -> Shape {
        Shape {
            text: false,
            content_type: Some(super::PROBLEM_JSON),
            members: [EMPTY; MAX],
            len: 0,
        }
        .push("type", Value::ProblemType(None))
        .push("title", Value::Title)
        .push("status", Value::Status)
        .push("detail", Value::Message)
        .push("code", Value::Code)
        .push("", Value::FlatDetails)
    }

    /// The problem `type` becomes `base` followed by the error's code (`about:blank` for an
    /// error without one). Only on a [`problem`](Shape::problem) shape.
    pub const fn type_base(mut self, base: &'static str) -> Shape {
        let mut i = 0;
        while i < self.len {
            if let Value::ProblemType(_) = self.members[i].value {
                self.members[i].value = Value::ProblemType(Some(check_text(base)));
                return self;
            }
            i += 1;
        }
        panic!("httperr: `type_base` is for a `Shape::problem()`, which has a `type` member");
    }

    /// The public message, under `key`.
    pub const fn message(self, key: &'static str) -> Shape {
        self.push(key, Value::Message)
    }

    /// The error's code, under `key` (left out when the error has none).
    pub const fn code(self, key: &'static str) -> Shape {
        self.push(key, Value::Code)
    }

    /// The status code as a number, under `key`.
    pub const fn status(self, key: &'static str) -> Shape {
        self.push(key, Value::Status)
    }

    /// The status's reason phrase, under `key`.
    pub const fn title(self, key: &'static str) -> Shape {
        self.push(key, Value::Title)
    }

    /// The `#[detail]` fields as one object under `key` (left out when there are none).
    pub const fn details(self, key: &'static str) -> Shape {
        self.push(key, Value::Details)
    }

    /// The `#[detail]` fields as members of the body itself, in field order.
    pub const fn flatten_details(self) -> Shape {
        self.push("", Value::FlatDetails)
    }

    /// A member with a constant string value.
    pub const fn member(self, key: &'static str, value: &'static str) -> Shape {
        self.push(key, Value::Const(check_text(value)))
    }

    /// `prefix` followed by the error's code, under `key` (left out when the error has no
    /// code): a link to the code's documentation.
    pub const fn link(self, key: &'static str, prefix: &'static str) -> Shape {
        self.push(key, Value::Link(check_text(prefix)))
    }

    /// The variant's `#[http(category = "…")]` (or the type's), under `key`; left out for an
    /// error without one.
    pub const fn category(self, key: &'static str) -> Shape {
        self.push(key, Value::Category)
    }

    /// The `content-type` sent with the body. It must be a valid header value.
    pub const fn content_type(mut self, value: &'static str) -> Shape {
        let bytes = value.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !(b == b'\t' || (b >= 0x20 && b < 0x7f)) {
                panic!("httperr: a content type is visible ASCII (a valid header value)");
            }
            i += 1;
        }
        if bytes.is_empty() {
            panic!(
                "httperr: a content type is not empty: call `without_content_type()` to send none"
            );
        }
        self.content_type = Some(value);
        self
    }

    /// No `content-type` at all (some APIs answer a bare text body).
    pub const fn without_content_type(mut self) -> Shape {
        self.content_type = None;
        self
    }

    /// Whether the body is the message as text rather than a JSON object.
    pub const fn is_text(&self) -> bool {
        self.text
    }

    /// The `content-type` sent, if any.
    pub const fn content_type_value(&self) -> Option<&'static str> {
        self.content_type
    }

    pub(crate) fn slots(&self) -> &[Slot] {
        &self.members[..self.len]
    }

    const fn push(mut self, key: &'static str, value: Value) -> Shape {
        if self.text {
            panic!("httperr: a text shape is the message alone and has no members");
        }
        if self.len == MAX {
            panic!("httperr: a shape has at most 12 members");
        }
        let flat = matches!(value, Value::FlatDetails);
        if !flat {
            check_key(key);
        }
        let mut i = 0;
        while i < self.len {
            let other = self.members[i];
            if flat && matches!(other.value, Value::FlatDetails) {
                panic!("httperr: the details are flattened into the body once");
            }
            if !flat && eq(other.key, key) {
                panic!("httperr: a shape has each key once");
            }
            if !flat
                && matches!(value, Value::Details)
                && matches!(other.value, Value::Details | Value::FlatDetails)
                || flat && matches!(other.value, Value::Details)
            {
                panic!("httperr: the details go in a body once, nested or flattened");
            }
            i += 1;
        }
        self.members[self.len] = Slot { key, value };
        self.len += 1;
        self
    }
}

const fn check_key(key: &'static str) {
    if key.is_empty() {
        panic!("httperr: a shape's key is not empty");
    }
    let bytes = key.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x20 || bytes[i] == b'"' || bytes[i] == b'\\' {
            panic!("httperr: a shape's key has no quote, backslash or control character");
        }
        i += 1;
    }
}

/// A constant written into bodies as it is: no quote, backslash or control character to escape.
const fn check_text(text: &'static str) -> &'static str {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x20 || bytes[i] == b'"' || bytes[i] == b'\\' {
            panic!("httperr: a shape's constant text has no quote, backslash or control character");
        }
        i += 1;
    }
    text
}

const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// What a body says besides its message and details.
#[derive(Clone, Copy)]
pub(crate) struct Head<'a> {
    pub(crate) status: u16,
    pub(crate) title: &'a str,
    pub(crate) code: Option<&'a str>,
    pub(crate) category: Option<&'a str>,
}

impl Head<'_> {
    /// Whether the body has this member (optional ones only when the error has their value).
    const fn has(&self, value: Value, details: bool) -> bool {
        match value {
            Value::Code | Value::Link(_) => self.code.is_some(),
            Value::Category => self.category.is_some(),
            Value::Details | Value::FlatDetails => details,
            _ => true,
        }
    }
}

/// The parts of a body the derive knows at compile time.
#[doc(hidden)]
pub struct Fixed {
    pub status: u16,
    pub title: &'static str,
    /// The message as it reads (not escaped).
    pub message: &'static str,
    pub code: Option<&'static str>,
    pub category: Option<&'static str>,
}

/// The length of a fixed body in `shape`.
pub const fn fixed_len(shape: &Shape, parts: &Fixed) -> usize {
    render(shape, parts, &mut []).0
}

/// A fixed body in `shape`; `N` is its [`fixed_len`].
pub const fn fixed_body<const N: usize>(shape: &Shape, parts: &Fixed) -> [u8; N] {
    let mut out = [0u8; N];
    let (written, _) = render(shape, parts, &mut out);
    assert!(written == N);
    out
}

/// Where the message goes in a fixed body (one rendered with an empty message, the text
/// around a message written at run time), or `NO_MESSAGE` for a shape without one.
pub const fn message_at(shape: &Shape, parts: &Fixed) -> usize {
    render(shape, parts, &mut []).1
}

/// [`message_at`] of a shape that has no message member.
pub const NO_MESSAGE: usize = usize::MAX;

/// Writes a fixed body into `out`, or only counts its bytes when `out` is empty; returns its
/// length and where the message starts.
const fn render(shape: &Shape, parts: &Fixed, out: &mut [u8]) -> (usize, usize) {
    let mut at = 0;
    if shape.text {
        return (put(out, at, parts.message.as_bytes(), false), 0);
    }
    let mut message_at = NO_MESSAGE;
    let head = Head {
        status: parts.status,
        title: parts.title,
        code: parts.code,
        category: parts.category,
    };
    at = put(out, at, b"{", false);
    let mut first = true;
    let mut i = 0;
    while i < shape.len {
        let Slot { key, value } = shape.members[i];
        i += 1;
        if !head.has(value, false) {
            continue;
        }
        if !first {
            at = put(out, at, b",", false);
        }
        first = false;
        at = put(out, at, b"\"", false);
        at = put(out, at, key.as_bytes(), false);
        at = put(out, at, b"\":", false);
        at = match value {
            Value::Status => {
                let mut digits = [0u8; 3];
                digits[0] = b'0' + (head.status / 100) as u8;
                digits[1] = b'0' + (head.status / 10 % 10) as u8;
                digits[2] = b'0' + (head.status % 10) as u8;
                put(out, at, &digits, false)
            }
            _ => {
                at = put(out, at, b"\"", false);
                at = match value {
                    Value::Message => {
                        message_at = at;
                        put(out, at, parts.message.as_bytes(), true)
                    }
                    Value::Title => put(out, at, parts.title.as_bytes(), true),
                    Value::Const(text) => put(out, at, text.as_bytes(), false),
                    Value::ProblemType(base) => match (base, head.code) {
                        (Some(base), Some(code)) => {
                            at = put(out, at, base.as_bytes(), false);
                            put(out, at, code.as_bytes(), true)
                        }
                        _ => put(out, at, b"about:blank", false),
                    },
                    Value::Link(prefix) => {
                        at = put(out, at, prefix.as_bytes(), false);
                        match head.code {
                            Some(code) => put(out, at, code.as_bytes(), true),
                            None => at,
                        }
                    }
                    Value::Code => match head.code {
                        Some(code) => put(out, at, code.as_bytes(), true),
                        None => at,
                    },
                    Value::Category => match head.category {
                        Some(category) => put(out, at, category.as_bytes(), true),
                        None => at,
                    },
                    _ => at,
                };
                put(out, at, b"\"", false)
            }
        };
    }
    (put(out, at, b"}", false), message_at)
}

/// Puts `bytes` at `at` (JSON-escaped when `escape`), returning where they end.
const fn put(out: &mut [u8], mut at: usize, bytes: &[u8], escape: bool) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        let class = if escape {
            layout::ESCAPE[b as usize]
        } else {
            0
        };
        if class == 0 {
            at = put_byte(out, at, b);
        } else if class == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            at = put_byte(out, at, b'\\');
            at = put_byte(out, at, b'u');
            at = put_byte(out, at, b'0');
            at = put_byte(out, at, b'0');
            at = put_byte(out, at, HEX[(b >> 4) as usize]);
            at = put_byte(out, at, HEX[(b & 0xf) as usize]);
        } else {
            at = put_byte(out, at, b'\\');
            at = put_byte(out, at, class);
        }
    }
    at
}

const fn put_byte(out: &mut [u8], at: usize, b: u8) -> usize {
    if !out.is_empty() {
        out[at] = b;
    }
    at + 1
}

/// Writes a body in `shape` at run time; `message` writes the message (escaped for JSON, as
/// is for a text shape).
//
// The message writer is a trait object: this walk is compiled once, in this crate, rather than
// once per error type in the user's (bodies written here are the rare ones whose code is
// chosen at run time; the others are split at compile time).
pub(crate) fn write(
    out: &mut BodyBuf,
    shape: &Shape,
    head: &Head<'_>,
    message: &mut dyn FnMut(&mut BodyBuf),
) {
    if shape.text {
        message(out);
        return;
    }
    out.push(b"{");
    let mut first = true;
    for &Slot { key, value } in shape.slots() {
        if !head.has(value, false) {
            continue;
        }
        if !first {
            out.push(b",");
        }
        first = false;
        out.push(b"\"");
        out.push(key.as_bytes());
        out.push(b"\":");
        if let Value::Status = value {
            super::push_int(out, head.status);
            continue;
        }
        out.push(b"\"");
        match value {
            Value::Message => message(out),
            Value::Title => layout::escape(out, head.title),
            Value::Const(text) => out.push(text.as_bytes()),
            Value::ProblemType(base) => match (base, head.code) {
                (Some(base), Some(code)) => {
                    out.push(base.as_bytes());
                    layout::escape(out, code);
                }
                _ => out.push(b"about:blank"),
            },
            Value::Link(prefix) => {
                out.push(prefix.as_bytes());
                layout::escape(out, head.code.unwrap_or_default());
            }
            Value::Code => layout::escape(out, head.code.unwrap_or_default()),
            Value::Category => layout::escape(out, head.category.unwrap_or_default()),
            _ => {}
        }
        out.push(b"\"");
    }
    out.push(b"}");
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEILI: Shape = Shape::json()
        .message("message")
        .code("code")
        .category("type")
        .link("link", "https://docs.example.com/errors#");

    fn fixed(shape: &Shape, parts: &Fixed) -> Vec<u8> {
        let mut out = vec![0; fixed_len(shape, parts)];
        let (n, _) = render(shape, parts, &mut out);
        assert_eq!(n, out.len());
        out
    }

    fn written(shape: &Shape, parts: &Fixed) -> Vec<u8> {
        let head = Head {
            status: parts.status,
            title: parts.title,
            code: parts.code,
            category: parts.category,
        };
        let mut out = BodyBuf::new();
        write(&mut out, shape, &head, &mut |out: &mut BodyBuf| {
            if shape.text {
                out.push(parts.message.as_bytes());
            } else {
                layout::escape(out, parts.message);
            }
        });
        out.as_slice().to_vec()
    }

    const PARTS: Fixed = Fixed {
        status: 404,
        title: "Not Found",
        message: "index \"a\"\n not found",
        code: Some("index_not_found"),
        category: Some("invalid_request"),
    };

    // Both writers, against bodies spelled out by hand.
    #[test]
    fn fixed_and_written_bodies_agree_with_the_spelled_out_ones() {
        let cases: [(Shape, Fixed, &str); 4] = [
            (
                MEILI,
                PARTS,
                r#"{"message":"index \"a\"\n not found","code":"index_not_found","type":"invalid_request","link":"https://docs.example.com/errors#index_not_found"}"#,
            ),
            (
                MEILI,
                Fixed {
                    code: None,
                    category: None,
                    ..PARTS
                },
                r#"{"message":"index \"a\"\n not found"}"#,
            ),
            (
                Shape::problem().type_base("https://p/").member("x", "y"),
                PARTS,
                r#"{"type":"https://p/index_not_found","title":"Not Found","status":404,"detail":"index \"a\"\n not found","code":"index_not_found","x":"y"}"#,
            ),
            (Shape::text(), PARTS, "index \"a\"\n not found"),
        ];
        for (shape, parts, expected) in cases {
            assert_eq!(String::from_utf8(fixed(&shape, &parts)).unwrap(), expected);
            assert_eq!(
                String::from_utf8(written(&shape, &parts)).unwrap(),
                expected
            );
        }
        let empty = Shape::json().code("error").flatten_details();
        let parts = Fixed {
            code: None,
            ..PARTS
        };
        assert_eq!(fixed(&empty, &parts), b"{}");
        assert_eq!(written(&empty, &parts), b"{}");
    }

    #[test]
    fn the_text_around_a_message_is_the_body_split_where_it_goes() {
        let parts = Fixed {
            message: "",
            ..PARTS
        };
        let around = fixed(&MEILI, &parts);
        let at = message_at(&MEILI, &parts);
        let mut joined = around[..at].to_vec();
        joined.extend_from_slice(br#"index \"a\"\n not found"#);
        joined.extend_from_slice(&around[at..]);
        assert_eq!(joined, written(&MEILI, &PARTS));
        assert_eq!(message_at(&Shape::text(), &parts), 0);
        assert_eq!(message_at(&Shape::json().code("c"), &parts), NO_MESSAGE);
    }

    #[test]
    fn problem_shape_is_the_problem_format() {
        let shape = Shape::problem();
        let keys: Vec<_> = shape.slots().iter().map(|slot| slot.key).collect();
        let layout: Vec<_> = layout::PROBLEM.iter().map(|&(_, key)| key).collect();
        assert_eq!(keys, layout);
        assert_eq!(shape.content_type_value(), Some("application/problem+json"));
    }
}
