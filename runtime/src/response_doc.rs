//! What a derived type records about each response it can produce, for API documentation.

/// One response a derived type can produce, as written in its attributes: the data API
/// documentation (the `utoipa` feature) is built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseDoc {
    /// The type that declares the variant (`UserError`).
    pub type_name: &'static str,
    /// The variant (`NotFound`), or the type name for a struct.
    pub variant: &'static str,
    pub status: u16,
    /// The public message as written: the template (`"user {id} not found"`), thiserror's
    /// `#[error]` text, or the reason phrase when the message is fixed or hidden.
    pub message: &'static str,
    pub code: Option<&'static str>,
    /// `Some(type URI)` for problem details, `None` for the JSON format.
    pub problem_type: Option<&'static str>,
    /// `(lowercase name, value template)` of each `#[header]`.
    pub headers: &'static [(&'static str, &'static str)],
    /// The `#[detail]` fields, in order.
    pub details: &'static [&'static str],
    /// The declared shape of the body, when it has one (`problem_type` is then `None`).
    pub shape: Option<&'static crate::Shape>,
    /// The category a shape's category member shows.
    pub category: Option<&'static str>,
    /// The body is written by the user's `WriteBody`: nothing is known of it.
    pub custom_body: bool,
    /// The code is chosen at run time (`#[code]`, `#[http(code = f)]`): `code` is `None`, and
    /// examples show the code as `{code}`, as they show a message template's holes.
    pub runtime_code: bool,
}
