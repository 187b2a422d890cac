//! The macro's view of the status-code table (the same `table.rs` the runtime is built from),
//! and the check of a code against it.

use crate::errors::Errors;
use proc_macro2::Span;

pub(crate) struct Row {
    pub(crate) code: u16,
    pub(crate) constant: &'static str,
    pub(crate) reason: &'static str,
    pub(crate) reference: &'static str,
    pub(crate) required_headers: &'static [&'static str],
    pub(crate) unused: bool,
}

macro_rules! status_table {
    ($((
        $code:literal, $constant:literal, $reason:literal, $class:ident, $reference:literal,
        [$($required:literal),* $(,)?], [$($recommended:literal),* $(,)?],
        $body_forbidden:literal, $cacheable:ident, $registration:ident, $summary:literal $(,)?
    )),* $(,)?) => {
        const TABLE: &[Row] = &[$(Row {
            code: $code,
            constant: $constant,
            reason: $reason,
            reference: $reference,
            required_headers: &[$($required),*],
            unused: status_table!(@unused $registration),
        }),*];
    };
    (@unused Unused) => { true };
    (@unused $other:ident) => { false };
}

include!("table.rs");

/// The registered row of `code`; "(Unused)" codes (306, 418) count as not registered.
pub(crate) fn lookup(code: u16) -> Option<&'static Row> {
    for row in TABLE {
        if row.code == code && !row.unused {
            return Some(row);
        }
    }
    None
}

/// A status by `http::StatusCode` constant name, or by its RFC 9110 phrase in SCREAMING_SNAKE
/// (`CONTENT_TOO_LARGE` as well as http's `PAYLOAD_TOO_LARGE`). An "(Unused)" code is found by
/// its constant (`IM_A_TEAPOT`), so that the code check explains why it is refused.
pub(crate) fn by_name(name: &str) -> Option<&'static Row> {
    for row in TABLE {
        if row.constant == name || (!row.unused && screaming(row.reason) == name) {
            return Some(row);
        }
    }
    None
}

/// The `http::StatusCode` constant names.
pub(crate) fn names() -> Vec<&'static str> {
    let mut names = Vec::with_capacity(TABLE.len());
    for row in TABLE {
        if !row.constant.is_empty() {
            names.push(row.constant);
        }
    }
    names
}

fn screaming(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    for c in reason.chars() {
        match c {
            ' ' | '-' => out.push('_'),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_uppercase()),
            _ => {}
        }
    }
    out
}

/// The reason phrase, or the class name for an unregistered code (which has none): the rule
/// the runtime follows too, in `layout.rs`.
pub(crate) fn title(code: u16) -> &'static str {
    crate::layout::title(code, lookup(code).map(|row| row.reason))
}

/// Registered error codes closest to `code`, nearest first: "did you mean" for an unregistered one.
pub(crate) fn nearest_errors(code: u16) -> Vec<&'static Row> {
    // Same class first: 499 suggests 4xx codes, not 500. (A selection of three, not a sort:
    // a sort is a lot of generic code to compile for one error message.)
    let rank = |row: &Row| {
        (
            row.code / 100 != code / 100,
            row.code.abs_diff(code),
            row.code,
        )
    };
    let mut nearest: Vec<&Row> = Vec::with_capacity(4);
    for row in TABLE {
        if row.code < 400 || row.unused {
            continue;
        }
        let mut at = nearest.len();
        while at > 0 && rank(row) < rank(nearest[at - 1]) {
            at -= 1;
        }
        if at < 3 {
            nearest.insert(at, row);
            nearest.truncate(3);
        }
    }
    nearest
}

/// Checks a status code; true when it is usable. `error` requires 4xx/5xx.
pub(crate) fn check(
    code: u64,
    span: Span,
    unregistered_ok: bool,
    error: bool,
    errors: &mut Errors,
) -> bool {
    if !(100..=599).contains(&code) {
        let hint = if error {
            "; errors use 4xx or 5xx, like 404 or 500"
        } else {
            ""
        };
        errors.at(span, format!("status code {code} is out of range: HTTP status codes are 100..=599 (RFC 9110, Section 15){hint}"));
        return false;
    }
    let code = code as u16;
    if error && code < 400 {
        let class = match code {
            100..=199 => "an informational (1xx)",
            200..=299 => "a success (2xx)",
            _ => "a redirection (3xx)",
        };
        let name = match lookup(code) {
            Some(row) => format!("{code} {}", row.reason),
            None => code.to_string(),
        };
        errors.at(
            span,
            format!("{name} is {class} status, not an error: use a 4xx (client error) or 5xx (server error) code"),
        );
        return false;
    }
    if lookup(code).is_none() && !(unregistered_ok && code >= 400) {
        let mut nearest = String::new();
        for row in nearest_errors(code) {
            crate::names::push_item(&mut nearest, &format!("{} ({})", row.code, row.reason));
        }
        let why = if code == 418 || code == 306 {
            format!("{code} is reserved as \"(Unused)\" by RFC 9110 and cannot be assigned")
        } else {
            format!("{code} is not a registered HTTP status code")
        };
        let hint = if error {
            "; for a code outside the IANA registry, such as nginx's 499, add #[http(unregistered)]"
        } else {
            ""
        };
        errors.at(span, format!("{why}; nearest registered: {nearest}{hint}"));
        return false;
    }
    true
}
