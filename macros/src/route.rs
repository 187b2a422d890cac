//! The fast path each piece of a response takes: bytes fixed at compile time, the runtime's
//! direct writers (no `core::fmt`), the user's own `format_args!`, or serde.

use crate::ast::Field;
use crate::plan::{Body, Format, HeaderName, HeaderText, HeaderValue, JsonPiece, Message, Status};
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
    let direct = direct(&resolved, fields).map(|segments| {
        let mut pieces = Vec::with_capacity(segments.len());
        for segment in segments {
            pieces.push(match segment {
                Segment::Text(text) => JsonPiece::Text(crate::json::escape(&text)),
                Segment::Field(i) => match plain(fields[i].ty) {
                    Some(Plain::Int) => JsonPiece::Int(i),
                    _ => JsonPiece::Str(i),
                },
            });
        }
        pieces
    });
    Message::Template { direct, resolved }
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
    if let Format::Custom(_) = format {
        return Body::Custom;
    }
    if !details.is_empty() {
        return Body::Serialized;
    }
    match message {
        Message::Fixed(text) => match format {
            Format::Json => Body::Fixed(crate::json::body(status.code, None, code, text)),
            Format::Problem { type_uri } => {
                Body::Fixed(crate::json::body(status.code, Some(type_uri), code, text))
            }
            Format::Shape { .. } => Body::FixedShaped(text.clone()),
            Format::Custom(_) => Body::Custom,
        },
        Message::Template { .. } | Message::Display { .. } | Message::Title => match format {
            Format::Shape { .. } => Body::SplitShaped,
            _ => Body::Written,
        },
    }
}

/// The template as text and fields when every field it uses is plainly a string or an
/// integer. Any other type keeps the template's own `format_args!`, at its span: a field that
/// is not `Display` then gets the one error rustc gives for the format string.
fn direct(resolved: &Resolved, fields: &[Field<'_>]) -> Option<Vec<Segment>> {
    let segments = resolved.segments.as_ref()?;
    for segment in segments {
        if let Segment::Field(i) = segment {
            if fields.get(*i).is_none_or(|field| plain(field.ty).is_none()) {
                return None;
            }
        }
    }
    Some(segments.clone())
}

/// The types the runtime writes into a body without `core::fmt`.
enum Plain {
    Str,
    Int,
}

/// A string or integer type, by its spelling.
fn plain(ty: &syn::Type) -> Option<Plain> {
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
    match without_ref.as_str() {
        "str" | "String" | "std::string::String" | "Box<str>" => Some(Plain::Str),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            Some(Plain::Int)
        }
        cow if cow.starts_with("Cow<") && cow.ends_with(",str>") => Some(Plain::Str),
        _ => None,
    }
}
