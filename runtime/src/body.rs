//! The body writer: the one place that turns a message into JSON or problem+json bytes.
//!
//! Escaping follows serde_json byte for byte (`"`, `\`, and control characters below 0x20,
//! with the short forms `\b \f \n \r \t`), so a body written here equals the one the
//! type's `Serialize` impl gives through `serde_json`. The tests hold the two together.

use bytes::Bytes;
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

/// Bytes being written: on the stack while they fit, so the heap copy is made once, at its
/// exact size (a `Bytes` made from an exact-size buffer needs no second allocation).
pub(crate) struct Buf<const N: usize> {
    inline: [u8; N],
    len: usize,
    spill: Vec<u8>,
}

impl<const N: usize> Buf<N> {
    pub(crate) fn new() -> Self {
        Buf {
            inline: [0; N],
            len: 0,
            spill: Vec::new(),
        }
    }

    pub(crate) fn extend_from_slice(&mut self, bytes: &[u8]) {
        if self.spill.capacity() == 0 {
            if let Some(room) = self.inline.get_mut(self.len..self.len + bytes.len()) {
                room.copy_from_slice(bytes);
                self.len += bytes.len();
                return;
            }
            self.spill.reserve(2 * N + bytes.len());
            self.spill.extend_from_slice(&self.inline[..self.len]);
        }
        self.spill.extend_from_slice(bytes);
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        if self.spill.capacity() == 0 {
            &self.inline[..self.len]
        } else {
            &self.spill
        }
    }

    pub(crate) fn into_bytes(self) -> Bytes {
        if self.spill.capacity() == 0 {
            Bytes::copy_from_slice(&self.inline[..self.len])
        } else {
            Bytes::from(self.spill)
        }
    }
}

impl<const N: usize> fmt::Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

impl<const N: usize> std::io::Write for Buf<N> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The body buffer: error bodies are almost always shorter than this.
pub(crate) type BodyBuf = Buf<256>;

/// Appends `s` to `out` as the inside of a JSON string, copying runs of safe bytes at once.
pub(crate) fn escape_into<const N: usize>(out: &mut Buf<N>, s: &str) {
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
pub(crate) struct Escaper<'a>(pub(crate) &'a mut BodyBuf);

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
pub(crate) fn open(out: &mut BodyBuf, head: &Head<'_>) {
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
pub(crate) fn close(out: &mut BodyBuf, head: &Head<'_>) {
    match head.code {
        None => out.extend_from_slice(b"\"}"),
        Some(code) => {
            out.extend_from_slice(br#"","code":""#);
            escape_into(out, code);
            out.extend_from_slice(b"\"}");
        }
    }
}

/// Writes an integer in decimal, without `core::fmt` (and in 64-bit arithmetic: 128-bit
/// division is a slow library call).
pub(crate) fn push_int(out: &mut BodyBuf, negative: bool, magnitude: u64) {
    let mut digits = [0u8; 21];
    let mut i = digits.len();
    let mut rest = magnitude;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if negative {
        i -= 1;
        digits[i] = b'-';
    }
    out.extend_from_slice(&digits[i..]);
}

fn push_u16(out: &mut BodyBuf, n: u16) {
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

/// `content-length` values for bodies under 4 KiB, each `[len, digits…]`: a response takes its
/// header value from here instead of allocating one.
static LENGTHS: [[u8; 5]; 4096] = {
    let mut table = [[0u8; 5]; 4096];
    let mut n = 0;
    while n < 4096 {
        let mut digits = [0u8; 4];
        let mut len = 0;
        let mut rest = n;
        loop {
            digits[len] = b'0' + (rest % 10) as u8;
            len += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        table[n][0] = len as u8;
        let mut i = 0;
        while i < len {
            table[n][1 + i] = digits[len - 1 - i];
            i += 1;
        }
        n += 1;
    }
    table
};

/// The `content-length` header value of a body of `len` bytes.
pub(crate) fn content_length(len: usize) -> http::HeaderValue {
    let digits = LENGTHS
        .get(len)
        .and_then(|entry| core::str::from_utf8(&entry[1..1 + entry[0] as usize]).ok());
    match digits {
        Some(digits) => http::HeaderValue::from_static(digits),
        None => http::HeaderValue::from(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = Buf::<8>::new();
        escape_into(&mut out, s);
        String::from_utf8(out.as_slice().to_vec()).unwrap()
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
            let mut out = BodyBuf::new();
            push_u16(&mut out, n);
            assert_eq!(out.as_slice(), n.to_string().as_bytes());
        }
    }

    #[test]
    fn integers() {
        for n in [0i128, 7, -7, 42, i128::from(u64::MAX), i128::from(i64::MIN)] {
            let mut out = BodyBuf::new();
            push_int(&mut out, n < 0, u64::try_from(n.unsigned_abs()).unwrap());
            assert_eq!(out.as_slice(), n.to_string().as_bytes());
        }
    }

    #[test]
    fn content_lengths() {
        for n in [0, 1, 9, 10, 99, 100, 999, 1000, 4095, 4096, 123_456] {
            assert_eq!(content_length(n), n.to_string().as_str(), "{n}");
        }
    }

    #[test]
    fn buffer_spills_past_its_inline_size() {
        let mut out = Buf::<4>::new();
        out.extend_from_slice(b"abc");
        assert_eq!(out.as_slice(), b"abc");
        out.extend_from_slice(b"defgh");
        out.extend_from_slice(b"!");
        assert_eq!(out.as_slice(), b"abcdefgh!");
        assert_eq!(out.into_bytes().as_ref(), b"abcdefgh!");
    }
}
