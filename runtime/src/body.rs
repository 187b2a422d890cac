//! The body writer: the one place that turns a message into JSON or problem+json bytes.
//!
//! Escaping follows serde_json byte for byte (`"`, `\`, and control characters below 0x20,
//! with the short forms `\b \f \n \r \t`), so a body written here equals the one the
//! type's `Serialize` impl gives through `serde_json`. The tests hold the two together.

use core::fmt;

/// `application/json`, for the default format.
pub(crate) const JSON: &str = "application/json";
/// `application/problem+json`, for RFC 9457 problem details.
pub(crate) const PROBLEM_JSON: &str = "application/problem+json";

// For each byte: 0 = copy as is, b'u' = `\u00XX`, anything else = the short escape letter.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `s` to `out` as the inside of a JSON string, copying runs of safe bytes at once.
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let class = ESCAPE[byte as usize];
        if class == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if class == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(byte >> 4) as usize],
                HEX[(byte & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', class]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// A `fmt::Write` that escapes everything written through it into a JSON string body.
pub(crate) struct Escaper<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// What the writer needs to know about one error, gathered once by the caller.
pub(crate) struct Head<'a> {
    pub(crate) status: u16,
    pub(crate) code: Option<&'a str>,
    /// `None` for the JSON format, the `type` URI for problem details.
    pub(crate) problem_type: Option<&'a str>,
    pub(crate) title: &'a str,
}

/// Writes everything before the message: `{"error":"` or `{"type":…,"detail":"`.
pub(crate) fn open(out: &mut Vec<u8>, head: &Head<'_>) {
    match head.problem_type {
        None => out.extend_from_slice(br#"{"error":""#),
        Some(type_uri) => {
            out.extend_from_slice(br#"{"type":""#);
            escape_into(out, type_uri);
            out.extend_from_slice(br#"","title":""#);
            escape_into(out, head.title);
            out.extend_from_slice(br#"","status":"#);
            push_u16(out, head.status);
            out.extend_from_slice(br#","detail":""#);
        }
    }
}

/// Writes everything after the message: the closing quote, `"code"` and the closing brace.
pub(crate) fn close(out: &mut Vec<u8>, head: &Head<'_>) {
    out.push(b'"');
    if let Some(code) = head.code {
        out.extend_from_slice(br#","code":""#);
        escape_into(out, code);
        out.push(b'"');
    }
    out.push(b'}');
}

/// Upper bound of the bytes `open` and `close` write, so the buffer is allocated once.
pub(crate) fn frame_len(head: &Head<'_>) -> usize {
    // Escaping at most multiplies a string's length by six (`\u00XX`), but type URIs, titles
    // and codes are plain ASCII in practice: reserve their plain length and let the rare
    // escaped one grow the buffer.
    let code = head.code.map_or(0, |c| c.len() + 10);
    match head.problem_type {
        None => 12 + code,
        Some(t) => 50 + t.len() + head.title.len() + code,
    }
}

fn push_u16(out: &mut Vec<u8>, n: u16) {
    let mut digits = [0u8; 5];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        escape_into(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escape_matches_serde_json() {
        for s in [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}",
            "héllo ☃ 𝄞",
        ] {
            let expected = serde_json::to_string(s).unwrap();
            assert_eq!(format!("\"{}\"", escaped(s)), expected, "{s:?}");
        }
    }

    #[test]
    fn numbers() {
        for n in [0u16, 7, 42, 404, 599, 65535] {
            let mut out = Vec::new();
            push_u16(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }
}
