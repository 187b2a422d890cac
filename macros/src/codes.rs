//! The macro's view of the status-code table: the same `table.rs` the runtime is built from.

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
    TABLE.iter().find(|row| row.code == code && !row.unused)
}

/// A status by `http::StatusCode` constant name, or by its RFC 9110 phrase in SCREAMING_SNAKE
/// (`CONTENT_TOO_LARGE` as well as http's `PAYLOAD_TOO_LARGE`). An "(Unused)" code is found by
/// its constant (`IM_A_TEAPOT`), so that the code check explains why it is refused.
pub(crate) fn by_name(name: &str) -> Option<&'static Row> {
    TABLE
        .iter()
        .find(|row| row.constant == name || (!row.unused && screaming(row.reason) == name))
}

pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    TABLE
        .iter()
        .filter(|row| !row.constant.is_empty())
        .map(|row| row.constant)
}

fn screaming(reason: &str) -> String {
    reason
        .chars()
        .filter_map(|c| match c {
            'a'..='z' => Some(c.to_ascii_uppercase()),
            ' ' | '-' => Some('_'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The reason phrase, or the class name for an unregistered code (which has none).
pub(crate) fn title(code: u16) -> &'static str {
    match lookup(code) {
        Some(row) => row.reason,
        None => match code {
            100..=199 => "Informational",
            200..=299 => "Success",
            300..=399 => "Redirection",
            400..=499 => "Client Error",
            _ => "Server Error",
        },
    }
}

/// Registered error codes closest to `code`, nearest first: "did you mean" for an unregistered one.
pub(crate) fn nearest_errors(code: u16) -> Vec<&'static Row> {
    let mut rows: Vec<&Row> = TABLE
        .iter()
        .filter(|row| row.code >= 400 && !row.unused)
        .collect();
    // Same class first: 499 suggests 4xx codes, not 500.
    rows.sort_unstable_by_key(|row| {
        (
            row.code / 100 != code / 100,
            row.code.abs_diff(code),
            row.code,
        )
    });
    rows.truncate(3);
    rows
}
