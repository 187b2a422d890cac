//! The `serde::Serialize` side of a body: the same object the writer produces, for any serializer.

use crate::{BodyFormat, HttpError};
use core::fmt;
use serde::ser::{SerializeMap, Serializer};

pub(crate) fn serialize<E: HttpError, S: Serializer>(
    error: &E,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let code = error.code();
    let details = error.__has_details();
    match error.format() {
        BodyFormat::Json => {
            let len = 1 + usize::from(code.is_some()) + usize::from(details);
            let mut map = serializer.serialize_map(Some(len))?;
            map.serialize_entry("error", &Message(error))?;
            if let Some(code) = code {
                map.serialize_entry("code", code)?;
            }
            if details {
                map.serialize_entry("details", &Details(error))?;
            }
            map.end()
        }
        BodyFormat::Problem { type_uri } => {
            let status = error.status();
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("type", type_uri)?;
            map.serialize_entry("title", crate::response::title(status))?;
            map.serialize_entry("status", &status.as_u16())?;
            map.serialize_entry("detail", &Message(error))?;
            if let Some(code) = code {
                map.serialize_entry("code", code)?;
            }
            error.__serialize_details(&mut map)?;
            map.end()
        }
    }
}

/// The public message, streamed into the serializer without an intermediate `String`.
struct Message<'a, E: ?Sized>(&'a E);

impl<E: HttpError + ?Sized> fmt::Display for Message<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.__write_message(f)
    }
}

impl<E: HttpError + ?Sized> serde::Serialize for Message<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The `"details"` object of the JSON format.
struct Details<'a, E>(&'a E);

impl<E: HttpError> serde::Serialize for Details<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.__serialize_details(&mut map)?;
        map.end()
    }
}
