//! Bodies computed at compile time, for variants whose body does not depend on field values.
//!
//! The API, for `expand`:
//!
//! - `body(status, problem_type, code, message) -> String`: the whole body of a variant;
//!   `problem_type` is `None` for the JSON format, `Some(type URI)` for problem details.
//! - `escape(text) -> String`: `text` as the inside of a JSON string (for template text that
//!   generated code writes into a body at run time).
//!
//! Both follow `layout.rs`, the file the runtime writes its bodies by, so a fixed body equals
//! the one the runtime would write; the tests also compare every fixed body with the one the
//! runtime writes through `Serialize`.

use crate::layout::{self, Gaps, Member, Sink};

/// The body of a variant whose message is fixed (fixed bodies never have `#[detail]` fields).
pub(crate) fn body(
    status: u16,
    problem_type: Option<&str>,
    code: Option<&str>,
    message: &str,
) -> String {
    let gaps = Gaps::of(match problem_type {
        None => layout::JSON,
        Some(_) => layout::PROBLEM,
    });
    let mut out = Vec::with_capacity(64 + message.len());
    let mut values = Fixed {
        status,
        problem_type,
        code,
        message,
    };
    layout::write(&mut out, &gaps, &mut values);
    text(out)
}

/// The inside of a JSON string holding `text`, as the runtime writer escapes it.
pub(crate) fn escape(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    layout::escape(&mut out, text);
    self::text(out)
}

struct Fixed<'a> {
    status: u16,
    problem_type: Option<&'a str>,
    code: Option<&'a str>,
    message: &'a str,
}

impl layout::Values<Vec<u8>> for Fixed<'_> {
    fn has(&self, member: Member) -> bool {
        member == Member::Code && self.code.is_some()
    }

    fn write(&mut self, out: &mut Vec<u8>, member: Member) {
        match member {
            Member::Type => layout::escape(out, self.problem_type.unwrap_or_default()),
            Member::Title => layout::escape(out, crate::codes::title(self.status)),
            Member::Status => out.extend_from_slice(self.status.to_string().as_bytes()),
            Member::Message => layout::escape(out, self.message),
            Member::Code => layout::escape(out, self.code.unwrap_or_default()),
            Member::Details => {}
        }
    }
}

impl Sink for Vec<u8> {
    fn push(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Escaping splits text only at ASCII bytes, so what it writes is UTF-8: the conversion is
/// never lossy.
fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).into_owned()
}
