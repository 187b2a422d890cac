// The body layout, JSON string escaping and the title rule: plain Rust shared by both crates (macros/src/layout.rs is a symlink).
//
// The derive computes fixed bodies at compile time and the runtime writes the others, and the
// two must agree byte for byte; so neither spells the layout itself. Both walk the member
// lists below with `write`, escape with `escape` and title with `title`. Nothing here may
// depend on anything but `core` and `alloc`: the macro crate cannot depend on the runtime.

/// One member of a body object: what its value is, whatever its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Member {
    /// The problem type: a URI, or `about:blank`.
    Type,
    /// The status's title (see [`title`]).
    Title,
    /// The status code, as a number.
    Status,
    /// The public message.
    Message,
    /// The machine-readable code, when the error has one.
    Code,
    /// The `#[detail]` fields, when the error has any.
    Details,
}

impl Member {
    /// `true` when the value is a JSON string, so that its gaps carry the quotes.
    pub(crate) const fn is_string(self) -> bool {
        matches!(
            self,
            Member::Type | Member::Title | Member::Message | Member::Code
        )
    }

    /// `true` for the members a body has only when the error has them.
    pub(crate) const fn optional(self) -> bool {
        matches!(self, Member::Code | Member::Details)
    }
}

/// A body format's members in order, each with its key.
pub(crate) type Layout = &'static [(Member, &'static str)];

/// The key of a member whose fields are members of the body itself (problem extension
/// members) rather than one nested object.
pub(crate) const INLINE: &str = "";

/// `{"error": …, "code": …, "details": {…}}`.
pub(crate) const JSON: Layout = &[
    (Member::Message, "error"),
    (Member::Code, "code"),
    (Member::Details, "details"),
];

/// RFC 9457 problem details. `code` is an extension member, written before the `#[detail]`
/// fields so that it sits with the standard members.
pub(crate) const PROBLEM: Layout = &[
    (Member::Type, "type"),
    (Member::Title, "title"),
    (Member::Status, "status"),
    (Member::Message, "detail"),
    (Member::Code, "code"),
    (Member::Details, INLINE),
];

/// The title of a status: its reason phrase, else the name of its class. An unregistered code
/// (`#[http(unregistered)]`) has no phrase, yet a problem's `title` and a hidden 5xx's message
/// still need one.
pub(crate) const fn title(code: u16, reason: Option<&'static str>) -> &'static str {
    if let Some(reason) = reason {
        return reason;
    }
    match code {
        100..=199 => "Informational",
        200..=299 => "Success",
        300..=399 => "Redirection",
        400..=499 => "Client Error",
        _ => "Server Error",
    }
}

/// Where bytes are written: the runtime's stack buffer, or the macro's `Vec<u8>`.
pub(crate) trait Sink {
    fn push(&mut self, bytes: &[u8]);
}

// For each byte: 0 = copy as is, b'u' = `\u00XX`, anything else = the short escape letter.
// This is serde_json's choice of escapes, so that a body written by hand equals the one the
// type's `Serialize` impl gives through serde_json.
pub(crate) const ESCAPE: [u8; 256] = {
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

/// Writes `text` as the inside of a JSON string. Runs of bytes that need no escape are copied
/// at once; only ASCII bytes are escaped, so every run is whole UTF-8.
pub(crate) fn escape<S: Sink + ?Sized>(out: &mut S, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let class = ESCAPE[byte as usize];
        if class == 0 {
            continue;
        }
        out.push(&bytes[start..i]);
        if class == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(byte >> 4) as usize],
                HEX[(byte & 0xf) as usize],
            ]);
        } else {
            out.push(&[b'\\', class]);
        }
        start = i + 1;
    }
    out.push(&bytes[start..]);
}

/// The values of one body, asked for by [`write`] member by member.
pub(crate) trait Values<S: ?Sized> {
    /// Whether the body has an optional member (see [`Member::optional`]).
    fn has(&self, member: Member) -> bool;
    /// Writes a member's value; a string without its quotes, which are in the gaps.
    fn write(&mut self, out: &mut S, member: Member);
}

/// Writes a body: the members of `gaps`' layout that it has, in order, with the fixed text
/// between them. `Details` are passed over: they are `Serialize` values, so a body with
/// details is written by the serde side, which walks the same layout.
//
// Step by step rather than a loop, and inlined: where `gaps` is a constant, every index below is
// then a constant, each step folds to its member's code and each gap to a copy of constant
// bytes, as fast as a writer that spells the body out (a loop unrolls only if the optimizer
// judges its body small enough, and with the message inside, it does not).
#[inline(always)]
pub(crate) fn write<S: Sink + ?Sized, V: Values<S> + ?Sized>(
    out: &mut S,
    gaps: &Gaps,
    values: &mut V,
) {
    let mut after = 0;
    after = step(out, gaps, values, after, 0);
    after = step(out, gaps, values, after, 1);
    after = step(out, gaps, values, after, 2);
    after = step(out, gaps, values, after, 3);
    after = step(out, gaps, values, after, 4);
    after = step(out, gaps, values, after, 5);
    push_gap(out, gaps, after, MEMBERS);
}

/// Writes member `i` if the body has it, and returns where the body now is (`after`, or `i + 1`).
#[inline(always)]
fn step<S: Sink + ?Sized, V: Values<S> + ?Sized>(
    out: &mut S,
    gaps: &Gaps,
    values: &mut V,
    after: usize,
    i: usize,
) -> usize {
    let Some(&(member, _)) = gaps.layout.get(i) else {
        return after;
    };
    if member == Member::Details || (member.optional() && !values.has(member)) {
        return after;
    }
    push_gap(out, gaps, after, i);
    values.write(out, member);
    i + 1
}

/// Pushes `gaps.text[after][before]`. `after` may depend on an optional member; one arm per
/// value keeps each copy one of constant bytes.
#[inline(always)]
fn push_gap<S: Sink + ?Sized>(out: &mut S, gaps: &Gaps, after: usize, before: usize) {
    let text = &gaps.text;
    out.push(match after {
        0 => text[0][before].as_bytes(),
        1 => text[1][before].as_bytes(),
        2 => text[2][before].as_bytes(),
        3 => text[3][before].as_bytes(),
        4 => text[4][before].as_bytes(),
        5 => text[5][before].as_bytes(),
        _ => text[6][before].as_bytes(),
    });
}

/// The most members a layout has.
const MEMBERS: usize = 6;
// `write` has one step per member and `push_gap` one arm per position.
const _: () = assert!(MEMBERS == 6);

/// The fixed text between any two members of a layout, computed once (at compile time in the
/// runtime): `text[after][before]`, where `after` is 0 at the opening brace and `i + 1` after
/// member `i`, and `before` is member `before`'s index, or [`MEMBERS`] at the closing brace.
pub(crate) struct Gaps {
    layout: Layout,
    text: [[Gap; MEMBERS + 1]; MEMBERS + 1],
}

impl Gaps {
    pub(crate) const fn of(layout: Layout) -> Gaps {
        assert!(
            layout.len() <= MEMBERS,
            "a layout has at most MEMBERS members"
        );
        let mut text = [[Gap::EMPTY; MEMBERS + 1]; MEMBERS + 1];
        let mut after = 0;
        while after <= layout.len() {
            let mut before = after;
            while before <= layout.len() {
                let next = if before == layout.len() {
                    None
                } else {
                    Some(before)
                };
                let column = if before == layout.len() {
                    MEMBERS
                } else {
                    before
                };
                text[after][column] = Gap::between(layout, after, next);
                before += 1;
            }
            after += 1;
        }
        Gaps { layout, text }
    }
}

/// Fixed text between two values: a closing quote, a comma, a key, an opening quote.
#[derive(Clone, Copy)]
struct Gap {
    bytes: [u8; 16],
    len: u8,
}

impl Gap {
    const EMPTY: Gap = Gap {
        bytes: [0; 16],
        len: 0,
    };

    /// The text after `after` (0: nothing written yet; `i + 1`: member `i`) and before member
    /// `next` (`None`: the end of the object).
    const fn between(layout: Layout, after: usize, next: Option<usize>) -> Gap {
        let mut gap = if after == 0 {
            Gap::EMPTY.push(b"{")
        } else if layout[after - 1].0.is_string() {
            Gap::EMPTY.push(b"\"")
        } else {
            Gap::EMPTY
        };
        let Some(next) = next else {
            return gap.push(b"}");
        };
        let (member, key) = layout[next];
        if after > 0 {
            gap = gap.push(b",");
        }
        // An inlined member brings its own keys: only the serde side writes one.
        if key.is_empty() {
            return gap;
        }
        gap = gap.push(b"\"").push(key.as_bytes()).push(b"\":");
        if member.is_string() {
            gap = gap.push(b"\"");
        }
        gap
    }

    const fn push(mut self, bytes: &[u8]) -> Gap {
        let mut i = 0;
        while i < bytes.len() {
            // Out of bounds fails the build: a key too long for a gap.
            self.bytes[self.len as usize] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    #[inline(always)]
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}
