//! The `serde::Serialize` side of a body: the layout's members, for any serializer.

use super::Buf;
use super::shape::{Shape, Slot, Value};
use crate::layout::{self, INLINE, Member};
use crate::{BodyFormat, HttpError};
use serde::Serialize as _;
use serde::ser::{SerializeMap, Serializer};

/// The body object, as the derived `Serialize` impl gives it.
pub fn serialize<E: HttpError, S: Serializer>(error: &E, serializer: S) -> Result<S::Ok, S::Error> {
    object(error, &Fields(error), serializer)
}

/// The body object of a type without `#[detail]` fields, which may be unsized (a struct whose
/// last field is a `str` or a `Path`): reading details needs `Sized`, and there are none.
pub fn serialize_without_details<E: HttpError + ?Sized, S: Serializer>(
    error: &E,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    object(error, &NoDetails, serializer)
}

/// Where the `#[detail]` members come from.
trait Details {
    fn any(&self) -> bool;
    fn entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// The error's own `#[detail]` fields.
struct Fields<'a, E>(&'a E);

impl<E: HttpError> Details for Fields<'_, E> {
    fn any(&self) -> bool {
        self.0.__has_details()
    }

    fn entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.0.__serialize_details(map)
    }
}

/// Details given as a JSON object, by a hand-written impl.
pub(crate) struct ObjectDetails<'a>(pub(crate) &'a serde_json::Map<String, serde_json::Value>);

impl Details for ObjectDetails<'_> {
    fn any(&self) -> bool {
        !self.0.is_empty()
    }

    fn entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        Ok(())
    }
}

/// The body object of `error` with `details` for its details.
pub(crate) struct WithDetails<'a, E: ?Sized>(pub(crate) &'a E, pub(crate) ObjectDetails<'a>);

impl<E: HttpError + ?Sized> serde::Serialize for WithDetails<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        object(self.0, &self.1, serializer)
    }
}

struct NoDetails;

impl Details for NoDetails {
    fn any(&self) -> bool {
        false
    }

    fn entries<M: SerializeMap>(&self, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}

fn object<E: HttpError + ?Sized, D: Details, S: Serializer>(
    error: &E,
    details: &D,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let (members, type_uri) = match error.format() {
        BodyFormat::Problem { type_uri } => (layout::PROBLEM, type_uri),
        BodyFormat::Shaped { shape, category } => {
            return shaped(error, details, shape, category, serializer);
        }
        _ => (layout::JSON, ""),
    };
    let status = error.status();
    let code = error.code();
    let any_details = details.any();
    // The length is known unless the details are members of the body itself.
    let mut len = Some(0);
    for &(member, key) in members {
        len = match member {
            _ if key == INLINE => None,
            Member::Code if code.is_none() => len,
            Member::Details if !any_details => len,
            _ => len.map(|len| len + 1),
        };
    }
    let mut map = serializer.serialize_map(len)?;
    for &(member, key) in members {
        match member {
            Member::Type => map.serialize_entry(key, type_uri)?,
            Member::Title => map.serialize_entry(key, crate::codes::title(status))?,
            Member::Status => map.serialize_entry(key, &status.as_u16())?,
            Member::Message => map.serialize_entry(key, &Message(error))?,
            Member::Code => {
                if let Some(code) = code {
                    map.serialize_entry(key, code)?;
                }
            }
            Member::Details if key == INLINE => details.entries(&mut map)?,
            Member::Details => {
                if any_details {
                    map.serialize_entry(key, &Nested(details))?;
                }
            }
        }
    }
    map.end()
}

/// The body in a declared shape: the object, or for a text shape the message as a string.
fn shaped<E: HttpError + ?Sized, D: Details, S: Serializer>(
    error: &E,
    details: &D,
    shape: &Shape,
    category: Option<&'static str>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if shape.is_text() {
        return Message(error).serialize(serializer);
    }
    let status = error.status();
    let code = error.code();
    let any_details = details.any();
    let mut map = serializer.serialize_map(None)?;
    for &Slot { key, value } in shape.slots() {
        match value {
            Value::Message => map.serialize_entry(key, &Message(error))?,
            Value::Status => map.serialize_entry(key, &status.as_u16())?,
            Value::Title => map.serialize_entry(key, crate::codes::title(status))?,
            Value::Const(text) => map.serialize_entry(key, text)?,
            Value::ProblemType(base) => match (base, code) {
                (Some(base), Some(code)) => map.serialize_entry(key, &Joined(base, code))?,
                _ => map.serialize_entry(key, "about:blank")?,
            },
            Value::Code | Value::Link(_) | Value::Category => {
                let (prefix, text) = match value {
                    Value::Code => ("", code),
                    Value::Link(prefix) => (prefix, code),
                    _ => ("", category),
                };
                if let Some(text) = text {
                    map.serialize_entry(key, &Joined(prefix, text))?;
                }
            }
            Value::Details if any_details => map.serialize_entry(key, &Nested(details))?,
            Value::FlatDetails if any_details => details.entries(&mut map)?,
            Value::Details | Value::FlatDetails => {}
        }
    }
    map.end()
}

/// Two strings serialized as one.
struct Joined<'a>(&'a str, &'a str);

impl serde::Serialize for Joined<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_empty() {
            return serializer.serialize_str(self.1);
        }
        serializer.collect_str(&format_args!("{}{}", self.0, self.1))
    }
}

/// The body object of `error` as a `Serialize` value of its own: the body does not go through
/// the type's own `Serialize` impl, which `#[http(skip(Serialize))]` may leave to the user.
pub(crate) struct Object<'a, E>(pub(crate) &'a E);

impl<E: HttpError> serde::Serialize for Object<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self.0, serializer)
    }
}

/// The public message, streamed into the serializer without an intermediate `String`.
/// The public message. Written into a buffer (on the stack while it fits) before it reaches
/// the serializer: a `Display` that fails would otherwise fail `collect_str` halfway, which
/// serde_json answers with a panic. One that fails gives the reason phrase instead.
struct Message<'a, E: ?Sized>(&'a E);

impl<E: HttpError + ?Sized> serde::Serialize for Message<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = Buf::<256>::new();
        if self.0.__write_message(&mut text).is_ok() {
            // Only `&str`s were written through `fmt::Write`, so the bytes are UTF-8.
            if let Ok(text) = core::str::from_utf8(text.as_slice()) {
                return serializer.serialize_str(text);
            }
        }
        let status = self.0.status();
        crate::log::message_failed(status);
        serializer.serialize_str(crate::codes::title(status))
    }
}

/// The `"details"` object of the JSON format.
struct Nested<'a, D>(&'a D);

impl<D: Details> serde::Serialize for Nested<'_, D> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.entries(&mut map)?;
        map.end()
    }
}
