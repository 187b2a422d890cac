//! The fast path each piece of a response takes: bytes fixed at compile time, the runtime's
//! direct writers (no `core::fmt`), the user's own `format_args!`, or serde.

use crate::ast::Field;
use crate::plan::{Body, Format, HeaderName, HeaderText, HeaderValue, Message, Status};
use crate::template::{Resolved, Segment};
use quote::ToTokens;

pub(crate) fn status(code: u16) -> Status {
    let constant = match crate::codes::lookup(code) {
        Some(row) if !row.constant.is_empty() => Some(row.constant),
        _ => None,
    };
    Status { code, constant }
}

/// http's constant for the (lowercase) name when it has one: a path costs rustc less than a
/// `const` block, which is a body of its own to check and evaluate.
pub(crate) fn header_name(name: &str) -> HeaderName {
    match crate::headers::constant(name) {
        Some(constant) => HeaderName::Constant(constant),
        None => HeaderName::Custom(name.to_owned()),
    }
}

/// A message template formatted at run time.
pub(crate) fn message(resolved: Resolved, fields: &[Field<'_>]) -> Message {
    Message::Template {
        direct: direct(&resolved, fields),
        resolved,
    }
}

/// A header value; a fixed one has been checked to be a valid header value.
pub(crate) fn header_value(resolved: Resolved, fields: &[Field<'_>]) -> HeaderValue {
    if let Some(text) = &resolved.fixed {
        return HeaderValue::Text(HeaderText::Fixed(text.clone()));
    }
    match direct(&resolved, fields) {
        Some(segments) => HeaderValue::Text(HeaderText::Direct(segments)),
        None => HeaderValue::Formatted(resolved),
    }
}

/// The body: fixed when it does not depend on field values, through `Serialize` when it has
/// details, else written around the message at run time.
pub(crate) fn body(
    status: Status,
    format: &Format,
    code: Option<&str>,
    message: &Message,
    details: &[usize],
) -> Body {
    if !details.is_empty() {
        return Body::Serialized;
    }
    match message {
        Message::Fixed(text) => {
            let problem_type = match format {
                Format::Json => None,
                Format::Problem { type_uri } => Some(type_uri.as_str()),
            };
            Body::Fixed(crate::json::body(status.code, problem_type, code, text))
        }
        Message::Template { .. } | Message::Display { .. } => Body::Written,
    }
}

/// The template as text and fields when every field it uses is plainly a string or an
/// integer. Any other type keeps the template's own `format_args!`, at its span: a field that
/// is not `Display` then gets the one error rustc gives for the format string.
fn direct(resolved: &Resolved, fields: &[Field<'_>]) -> Option<Vec<Segment>> {
    let segments = resolved.segments.as_ref()?;
    for segment in segments {
        if let Segment::Field(i) = segment {
            if !fields.get(*i).is_some_and(|field| is_plain(field.ty)) {
                return None;
            }
        }
    }
    Some(segments.clone())
}

/// A string or integer type, by its spelling: the types `__private::Field` writes without
/// `core::fmt`.
fn is_plain(ty: &syn::Type) -> bool {
    // `& 'a str`: tokens as text are separated by spaces, so the lifetime ends at one.
    let spelled = ty.to_token_stream().to_string();
    let without_ref = match spelled.strip_prefix('&') {
        Some(rest) => match rest.trim_start().split_once(' ') {
            Some((lifetime, rest)) if lifetime.starts_with('\'') => rest,
            _ => rest,
        },
        None => &spelled,
    };
    let without_ref = &crate::names::spaceless(without_ref);
    matches!(
        without_ref.as_str(),
        "str"
            | "String"
            | "std::string::String"
            | "Box<str>"
            | "u8"
            | "u16"
            | "u32"
            | "u64"
            | "usize"
            | "i8"
            | "i16"
            | "i32"
            | "i64"
            | "isize"
    ) || (without_ref.starts_with("Cow<") && without_ref.ends_with(",str>"))
}
