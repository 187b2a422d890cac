//! Tests of `layout.rs`, kept in the runtime: serde_json, their independent oracle, is no dependency of the macro crate.

use crate::layout::{self, Gaps, Layout, Member, Sink, Values};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;

impl Sink for Vec<u8> {
    fn push(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

fn escaped(text: &str) -> String {
    let mut out = Vec::new();
    layout::escape(&mut out, text);
    String::from_utf8(out).unwrap()
}

#[test]
fn escape_matches_serde_json() {
    let every_ascii: String = (0u8..0x80).map(char::from).collect();
    for text in [
        "",
        "plain",
        "quote \" backslash \\ slash /",
        "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}",
        "héllo ☃ 𝄞",
        "\"at the start and the end\\",
        &every_ascii,
    ] {
        let expected = serde_json::to_string(text).unwrap();
        assert_eq!(format!("\"{}\"", escaped(text)), expected, "{text:?}");
    }
}

#[test]
fn title_is_the_reason_phrase_else_the_class_name() {
    for (code, title) in [
        (404, "Not Found"),
        (422, "Unprocessable Content"),
        (103, "Early Hints"),
        (150, "Informational"),
        (250, "Success"),
        (399, "Redirection"),
        (418, "Client Error"), // registered, but "(Unused)": no phrase
        (499, "Client Error"),
        (599, "Server Error"),
    ] {
        let status = http::StatusCode::from_u16(code).unwrap();
        assert_eq!(crate::codes::title(status), title, "{code}");
    }
}

/// Every member a string `"v"` or the number 7, the optional ones as chosen.
struct Sample {
    code: bool,
}

impl Values<Vec<u8>> for Sample {
    fn has(&self, member: Member) -> bool {
        member == Member::Code && self.code
    }

    fn write(&mut self, out: &mut Vec<u8>, member: Member) {
        Sink::push(out, if member.is_string() { b"v" } else { b"7" });
    }
}

/// The keys of a JSON object, in the order written.
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

#[test]
fn every_body_is_a_json_object_of_the_layouts_keys_in_order() {
    for layout in [layout::JSON, layout::PROBLEM] {
        for code in [false, true] {
            let mut out = Vec::new();
            layout::write(&mut out, &Gaps::of(layout), &mut Sample { code });
            let body = String::from_utf8(out).unwrap();
            let Keys(keys) = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{body}: {e}"));
            let expected: Vec<&str> = expected_keys(layout, code);
            assert_eq!(keys, expected, "{body}");
        }
    }
}

// Details are the serde side's; the byte writer passes over them.
fn expected_keys(layout: Layout, code: bool) -> Vec<&'static str> {
    let mut keys = Vec::new();
    for &(member, key) in layout {
        match member {
            Member::Details => {}
            Member::Code if !code => {}
            _ => keys.push(key),
        }
    }
    keys
}

#[test]
fn the_problem_layout_is_rfc_9457s_members_then_extensions() {
    let keys: Vec<&str> = layout::PROBLEM.iter().map(|&(_, key)| key).collect();
    assert_eq!(
        keys,
        ["type", "title", "status", "detail", "code", layout::INLINE]
    );
    let keys: Vec<&str> = layout::JSON.iter().map(|&(_, key)| key).collect();
    assert_eq!(keys, ["error", "code", "details"]);
}
