//! Templates and coexistence at thiserror's level: each behaviour thiserror has, on a type that
//! derives httperr alone and on one that derives both (thiserror then writes `Display`).
//!
//! The numbers are those of the issue that asked for them (templates and coexistence).

mod common;
use common::assert_json;
use httperr::HttpError;
use std::collections::HashMap;

fn not(value: &bool) -> &'static str {
    if *value { "no" } else { "yes" }
}

struct Pair<'a>(&'a u8, &'a u8);

impl std::fmt::Display for Pair<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "({}, {})", self.0, self.1)
    }
}

trait Width {
    const WIDTH: usize;
}

impl<T> Width for T {
    const WIDTH: usize = 3;
}

const MSG: &str = "invalid input";
const CODE: u16 = 17;

// 1, 2, 3, 4, 7: extra arguments as thiserror reads them.
#[derive(Debug, HttpError)]
enum Args<'a> {
    // 1. `.0` is a reference to the field.
    #[status(400, "{}", not(.0))]
    Not(bool),
    #[status(400, "{}", Pair(.0, .1))]
    Both(u8, u8),
    #[status(400, "{}", *.is_left)]
    Deref { is_left: bool },
    // 2. After a keyword, and a nested tuple field.
    #[status(400, "{}", match .0 { true => "y", false => "n" })]
    Matched(bool),
    #[status(400, "{}", .0.1)]
    Nested((u8, u8)),
    // 3. A trailing comma.
    #[status(400, "{x} {}", .x + 1,)]
    Trailing { x: u8 },
    // 4. Commas inside generic arguments do not split arguments.
    #[status(400, "{}", HashMap::<u8, u8>::new().len())]
    Turbofish,
    #[status(400, "{}", <u8 as Width>::WIDTH + <HashMap<u8, u8> as Width>::WIDTH)]
    Qualified,
    // 7. A field named bare.
    #[status(400, "unexpected token: {:?}", token)]
    Unexpected { token: &'a str },
}

#[test]
fn extra_arguments_read_fields_as_thiserror_does() {
    assert_json(&Args::Not(true), 400, r#"{"error":"no"}"#);
    assert_json(&Args::Both(1, 2), 400, r#"{"error":"(1, 2)"}"#);
    assert_json(&Args::Deref { is_left: true }, 400, r#"{"error":"true"}"#);
    assert_json(&Args::Matched(false), 400, r#"{"error":"n"}"#);
    assert_json(&Args::Nested((4, 5)), 400, r#"{"error":"5"}"#);
    assert_json(&Args::Trailing { x: 1 }, 400, r#"{"error":"1 2"}"#);
    assert_json(&Args::Turbofish, 400, r#"{"error":"0"}"#);
    assert_json(&Args::Qualified, 400, r#"{"error":"6"}"#);
    assert_json(
        &Args::Unexpected { token: "}" },
        400,
        r#"{"error":"unexpected token: \"}\""}"#,
    );
    assert_eq!(Args::Nested((4, 5)).to_string(), "5");
}

#[derive(Debug, HttpError, thiserror::Error)]
enum ArgsWithThiserror<'a> {
    #[status(400)]
    #[error("{}", not(.0))]
    Not(bool),
    #[status(400, "{}", not(.0))]
    #[error("display {}", not(.0))]
    NotOwn(bool),
    #[status(400, "{}", match .0 { true => "y", false => "n" })]
    #[error("{}", .1)]
    Matched(bool, u8),
    #[status(400, "{x} {}", .x + 1,)]
    #[error("{x} {}", .x + 1,)]
    Trailing { x: u8 },
    #[status(400, "{}", HashMap::<u8, u8>::new().len())]
    #[error("{}", HashMap::<u8, u8>::new().len())]
    Turbofish,
    #[status(400, "unexpected token: {:?}", token)]
    #[error("unexpected token: {:?}", token)]
    Unexpected { token: &'a str },
}

#[test]
fn extra_arguments_beside_thiserror() {
    // No template of ours: thiserror's `Display` is the 4xx message.
    assert_json(&ArgsWithThiserror::Not(false), 400, r#"{"error":"yes"}"#);
    assert_json(&ArgsWithThiserror::NotOwn(false), 400, r#"{"error":"yes"}"#);
    assert_eq!(ArgsWithThiserror::NotOwn(false).to_string(), "display yes");
    let matched = ArgsWithThiserror::Matched(true, 9);
    assert_json(&matched, 400, r#"{"error":"y"}"#);
    assert_eq!(matched.to_string(), "9");
    assert_json(
        &ArgsWithThiserror::Trailing { x: 1 },
        400,
        r#"{"error":"1 2"}"#,
    );
    assert_json(&ArgsWithThiserror::Turbofish, 400, r#"{"error":"0"}"#);
    let unexpected = ArgsWithThiserror::Unexpected { token: "x" };
    assert_json(&unexpected, 400, r#"{"error":"unexpected token: \"x\""}"#);
    assert_eq!(unexpected.to_string(), "unexpected token: \"x\"");
}

// 5. A hole that names no field is captured from the scope; 6. `{self:?}`.
#[derive(Debug, HttpError)]
#[status(400, "{MSG}: {id:?} (code {CODE:?})")]
struct Captured {
    id: &'static str,
}

#[derive(Debug, HttpError)]
enum Tuple {
    #[status(422, "{MSG} at {0}")]
    At(u32),
    #[status(400, "{self:?} has {n}")]
    Myself { n: u8 },
}

#[test]
fn holes_that_name_no_field_are_captured() {
    assert_json(
        &Captured { id: "x" },
        400,
        r#"{"error":"invalid input: \"x\" (code 17)"}"#,
    );
    assert_json(&Tuple::At(3), 422, r#"{"error":"invalid input at 3"}"#);
    assert_json(
        &Tuple::Myself { n: 1 },
        400,
        r#"{"error":"Myself { n: 1 } has 1"}"#,
    );
}

#[derive(Debug, HttpError, thiserror::Error)]
#[status(400, "{MSG}: {id:?} (code {CODE:?})")]
#[error("{MSG}: {id}")]
struct CapturedWithThiserror {
    id: &'static str,
}

#[test]
fn holes_that_name_no_field_beside_thiserror() {
    let error = CapturedWithThiserror { id: "x" };
    assert_json(&error, 400, r#"{"error":"invalid input: \"x\" (code 17)"}"#);
    assert_eq!(error.to_string(), "invalid input: x");
}

// 8. `{b:p}` prints the pointer the field holds.
#[derive(Debug, HttpError)]
#[status(400, "{b:p}")]
struct Pointer {
    b: Box<i32>,
}

#[derive(Debug, HttpError, thiserror::Error)]
#[status(400, "{b:p}")]
#[error("{b:p}")]
struct PointerWithThiserror {
    b: Box<i32>,
}

#[test]
fn pointers_are_the_fields_pointers() {
    let error = Pointer { b: Box::new(7) };
    let expected = format!("{:p}", error.b);
    assert_eq!(error.to_string(), expected);
    assert_eq!(error.message(), expected);
    let error = PointerWithThiserror { b: Box::new(7) };
    let expected = format!("{:p}", error.b);
    assert_eq!(error.message(), expected);
    assert_eq!(error.to_string(), expected);
}

// 14. An enum-level thiserror `#[error]` is the 4xx message of variants without their own.
#[derive(Debug, HttpError, thiserror::Error)]
#[error("account {0} is locked")]
enum Locked {
    #[status(423)]
    Account(u32),
    #[status(423, "our own text")]
    Own(u32),
    #[status(500)]
    Hidden(u32),
}

#[test]
fn an_enum_level_error_is_the_message() {
    assert_json(
        &Locked::Account(7),
        423,
        r#"{"error":"account 7 is locked"}"#,
    );
    assert_json(&Locked::Own(7), 423, r#"{"error":"our own text"}"#);
    assert_json(
        &Locked::Hidden(7),
        500,
        r#"{"error":"Internal Server Error"}"#,
    );
}

// 10. `#[from]` and `#[source]` on an `Option` field.
#[derive(Debug, HttpError)]
enum Optional {
    #[status(502)]
    Upstream(#[from] Option<std::io::Error>),
    #[status(500)]
    Maybe {
        #[source]
        cause: Option<std::fmt::Error>,
    },
}

#[derive(Debug, HttpError, thiserror::Error)]
enum OptionalWithThiserror {
    #[status(502)]
    #[error("upstream")]
    Upstream(#[from] Option<std::io::Error>),
}

#[test]
fn optional_sources() {
    use std::error::Error as _;
    let from = Optional::from(std::io::Error::other("reset"));
    assert_eq!(from.source().map(ToString::to_string), Some("reset".into()));
    assert_json(&from, 502, r#"{"error":"Bad Gateway"}"#);
    assert!(Optional::Upstream(None).source().is_none());
    let maybe = Optional::Maybe {
        cause: Some(std::fmt::Error),
    };
    assert_eq!(
        maybe.source().map(ToString::to_string),
        Some(std::fmt::Error.to_string())
    );
    assert!(Optional::Maybe { cause: None }.source().is_none());
    let from = OptionalWithThiserror::from(std::io::Error::other("reset"));
    assert_eq!(from.source().map(ToString::to_string), Some("reset".into()));
    assert_json(&from, 502, r#"{"error":"Bad Gateway"}"#);
}

// 9. `Path` and `PathBuf` fields print with `.display()`.
#[derive(Debug, HttpError)]
enum Files<'a> {
    #[status(404, "no file at {0}")]
    Missing(std::path::PathBuf),
    #[status(403, "{path} is read-only ({path:?})")]
    ReadOnly { path: &'a std::path::Path },
}

#[derive(Debug, HttpError, thiserror::Error)]
#[status(404, "no file at {0}")]
#[error("missing {0}")]
struct MissingWithThiserror(std::path::PathBuf);

#[test]
fn paths_print_with_display() {
    let missing = Files::Missing("/tmp/a b".into());
    assert_json(&missing, 404, r#"{"error":"no file at /tmp/a b"}"#);
    assert_eq!(missing.to_string(), "no file at /tmp/a b");
    let path = std::path::Path::new("/etc");
    assert_json(
        &Files::ReadOnly { path },
        403,
        r#"{"error":"/etc is read-only (\"/etc\")"}"#,
    );
    let missing = MissingWithThiserror("/x".into());
    assert_json(&missing, 404, r#"{"error":"no file at /x"}"#);
    assert_eq!(missing.to_string(), "missing /x");
}

// 13. A type that has its own `Display`, `Error`, `From` or `Serialize` says so with
// `#[http(skip(...))]`; the body never goes through the type's own `Serialize`.
#[derive(Debug, HttpError, serde::Serialize)]
#[http(skip(Display, Error, Serialize))]
enum OwnImpls {
    #[status(409, "taken {name}")]
    Taken {
        name: String,
        #[detail]
        #[serde(rename = "renamed")]
        id: u8,
    },
}

impl std::fmt::Display for OwnImpls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("our own display")
    }
}

impl std::error::Error for OwnImpls {}

#[test]
fn skipped_impls_are_the_users() {
    let error = OwnImpls::Taken {
        name: "ada".into(),
        id: 7,
    };
    assert_eq!(error.to_string(), "our own display");
    // The user's serde derive serializes the enum itself.
    assert_eq!(
        serde_json::to_value(&error).unwrap(),
        serde_json::json!({"Taken": {"name": "ada", "renamed": 7}}),
    );
    // The body is httperr's, with the template as the message.
    let response = error.to_response();
    assert_eq!(
        response.body().as_ref(),
        br#"{"error":"taken ada","details":{"id":7}}"#,
    );
}

// With thiserror on the type but no `#[error]` httperr can see (an empty enum), the same
// opt-out avoids the conflicting impls.
#[derive(Debug, HttpError, thiserror::Error)]
#[http(skip(Display, Error, From))]
enum Never {}

#[test]
fn an_empty_thiserror_enum_derives_with_skip() {
    fn is_http_error<E: HttpError + std::error::Error>() {}
    is_http_error::<Never>();
}

// 11. A struct whose last field is unsized derives.
#[derive(Debug, HttpError)]
#[status(400, "bad tail {tail} at {code}")]
struct Tail {
    code: u16,
    tail: str,
}

#[derive(Debug, HttpError)]
#[status(404, "no file at {file}")]
struct NoFile {
    file: std::path::Path,
}

#[test]
fn unsized_last_fields() {
    // A value of these types cannot be made without `unsafe`; that they derive, with every
    // impl, is the test.
    fn derived<E: HttpError + std::error::Error + serde::Serialize + ?Sized>() {}
    derived::<Tail>();
    derived::<NoFile>();
}

// 6 and 11 beside thiserror: `{self:?}` in our template, and an unsized last field.
#[derive(Debug, HttpError, thiserror::Error)]
enum SelfWithThiserror {
    #[status(400, "{self:?}")]
    #[error("display of {0}")]
    Me(u8),
}

#[derive(Debug, HttpError, thiserror::Error)]
#[status(400, "bad tail {tail} at {code}")]
#[error("tail {tail}")]
struct TailWithThiserror {
    code: u16,
    tail: str,
}

#[test]
fn self_and_unsized_beside_thiserror() {
    assert_json(&SelfWithThiserror::Me(1), 400, r#"{"error":"Me(1)"}"#);
    assert_eq!(SelfWithThiserror::Me(1).to_string(), "display of 1");
    fn derived<E: HttpError + std::error::Error + serde::Serialize + ?Sized>() {}
    derived::<TailWithThiserror>();
}
