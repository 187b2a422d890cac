//! The plan: everything `valid` decided about one derive input, which `expand` renders as it is.
//!
//! Two layers. [`VariantPlan`] says what each variant *is* (its status, message, body, headers,
//! source); [`Methods`] says what each generated method's `match` looks like: one typed arm per
//! variant, grouped so that variants with the same arm share it ([`Match`]).

use crate::ast::{Input, Variant};
use crate::template::{Resolved, Segment};
use syn::WherePredicate;

pub(crate) struct Plan<'a> {
    pub(crate) input: &'a Input<'a>,
    pub(crate) variants: Vec<VariantPlan<'a>>,
    /// The distinct declared shapes the variants name, in order of first use.
    pub(crate) shapes: Vec<UserPath>,
    /// The `type_base` of a problem-format type with codes chosen at run time: those variants
    /// are written in `Shape::problem()` with this base, declared by the generated code.
    pub(crate) problem_base: Option<String>,
    /// The impls besides `HttpError` that are ours to write.
    pub(crate) impls: Impls,
    pub(crate) methods: Methods,
    pub(crate) bounds: Bounds,
}

/// Which impls besides `HttpError` the derive writes: not those thiserror writes (when the type
/// carries its `#[error]`), nor those `#[http(skip(...))]` leaves to the user.
#[derive(Clone, Copy)]
pub(crate) struct Impls {
    pub(crate) display: bool,
    pub(crate) error: bool,
    pub(crate) from: bool,
    pub(crate) serialize: bool,
}

pub(crate) struct VariantPlan<'a> {
    pub(crate) variant: &'a Variant<'a>,
    pub(crate) response: Response,
    /// What a generated `Display` writes (unused when thiserror writes it).
    pub(crate) display: Display,
    /// The field `Error::source` returns; `None` on a transparent variant: the source is
    /// its forwarded field's own.
    pub(crate) source: Option<Cause>,
    /// The field a `From` impl is written for.
    pub(crate) from: Option<Cause>,
}

/// A field holding an error: a source, or what `From` converts from.
#[derive(Clone, Copy)]
pub(crate) struct Cause {
    pub(crate) field: usize,
    /// The field is an `Option<E>`: a source only when `Some`, and `From<E>` wraps in `Some`.
    pub(crate) optional: bool,
}

pub(crate) enum Response {
    /// Everything comes from this field: the only one, or the one marked `#[transparent]`.
    Transparent(usize),
    Own(Box<Own>),
}

pub(crate) struct Own {
    /// The status written in the attribute; a nominal 500 when `runtime` chooses it.
    pub(crate) status: Status,
    /// The status is chosen at run time.
    pub(crate) runtime: Option<RuntimeStatus>,
    pub(crate) message: Message,
    /// The code known now; `None` also when `runtime_code` chooses it.
    pub(crate) code: Option<String>,
    pub(crate) runtime_code: Option<CodeSource>,
    pub(crate) format: Format,
    pub(crate) headers: Vec<HeaderPlan>,
    /// Indexes of the `#[detail]` fields, in field order.
    pub(crate) details: Vec<usize>,
    /// The `#[headers]` field, whose headers go in after the variant's own.
    pub(crate) extra_headers: Option<usize>,
    pub(crate) body: Body,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Status {
    pub(crate) code: u16,
    /// http's `StatusCode` constant, when it has one.
    pub(crate) constant: Option<&'static str>,
}

/// A status chosen at run time, and whether its 5xx messages are shown (`expose`).
pub(crate) struct RuntimeStatus {
    pub(crate) source: StatusSource,
    pub(crate) expose: bool,
}

pub(crate) enum StatusSource {
    /// The field marked `#[status]`.
    Field(usize),
    /// `#[status(with = path)]`, called with every field by reference.
    With(syn::Path),
}

impl RuntimeStatus {
    /// The fields reading the status takes.
    pub(crate) fn binds(&self, field_count: usize) -> Vec<usize> {
        match self.source {
            StatusSource::Field(i) => vec![i],
            StatusSource::With(_) => (0..field_count).collect(),
        }
    }
}

/// Where a code chosen at run time comes from.
pub(crate) enum CodeSource {
    /// The field marked `#[code]`.
    Field(usize),
    /// `#[http(code = path)]`, called with every field by reference.
    With(syn::Path),
}

impl CodeSource {
    /// The fields reading the code takes.
    pub(crate) fn binds(&self, field_count: usize) -> Vec<usize> {
        match self {
            CodeSource::Field(i) => vec![*i],
            CodeSource::With(_) => (0..field_count).collect(),
        }
    }
}

#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    /// RFC 9457 problem details, with the `type` URI: base + code, or `about:blank`.
    Problem {
        type_uri: String,
    },
    /// A declared `httperr::Shape` constant, with the variant's category.
    Shape {
        path: UserPath,
        category: Option<String>,
    },
    /// The user's `httperr::WriteBody` writes the body.
    Custom(UserPath),
}

/// A path the user wrote, compared by its text so that arms naming the same one are shared.
#[derive(Clone)]
pub(crate) struct UserPath {
    pub(crate) path: syn::Path,
    pub(crate) text: String,
}

impl PartialEq for UserPath {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for UserPath {}

/// The public message.
pub(crate) enum Message {
    /// Known now: a template without holes, the reason phrase (a hidden 5xx, no template).
    Fixed(String),
    /// A template formatted at run time.
    Template {
        resolved: Resolved,
        /// The message as pieces when every hole is a plain `{field}` of a string or integer
        /// type: the body writer then writes each field itself, without `core::fmt`.
        direct: Option<Vec<JsonPiece>>,
    },
    /// The reason phrase of a status chosen at run time (no template, no thiserror text).
    Title,
    /// thiserror's `Display` text.
    Display {
        /// Its `#[error]` string when it has one, for API documentation.
        #[cfg(feature = "openapi")]
        text: Option<String>,
    },
}

/// A piece of a message written straight into a JSON body.
#[derive(Clone, PartialEq)]
pub(crate) enum JsonPiece {
    /// Template text, escaped for JSON at compile time.
    Text(String),
    /// A field whose type is a string (`AsRef<str>`), escaped as it is written.
    Str(usize),
    /// A field whose type is an integer, written as digits.
    Int(usize),
}

/// How the body is made.
pub(crate) enum Body {
    /// The whole body, computed at compile time.
    Fixed(String),
    /// The whole body, computed at compile time from the declared shape and this message (the
    /// constant is the user's, so the generated code evaluates it).
    FixedShaped(String),
    /// The user's `WriteBody`.
    Custom,
    /// In a declared shape, around a message written at run time: the text around it is
    /// computed at compile time from the shape constant.
    SplitShaped,
    /// The runtime writer writes the head and tail around the message.
    Written,
    /// Through the type's `Serialize` impl: the variant has `#[detail]` fields.
    Serialized,
}

pub(crate) struct HeaderPlan {
    pub(crate) name: HeaderName,
    pub(crate) value: HeaderValue,
    /// The lowercase name and the value as written, for API documentation.
    #[cfg(feature = "openapi")]
    pub(crate) doc: (String, String),
}

#[derive(Clone, PartialEq, Eq)]
pub(crate) enum HeaderName {
    /// http's `header::` constant.
    Constant(&'static str),
    /// Any other name, lowercase.
    Custom(String),
}

pub(crate) enum HeaderValue {
    Text(HeaderText),
    /// The user's template, formatted at its span (errors about its fields point there).
    Formatted(Resolved),
}

/// A header value written with no span of the user's.
#[derive(Clone, PartialEq)]
pub(crate) enum HeaderText {
    /// Checked now: a valid header value.
    Fixed(String),
    /// Text and plain `{field}`s, formatted at run time with a format string of ours.
    Direct(Vec<Segment>),
}

pub(crate) enum Display {
    Fixed(String),
    Template(Resolved),
    /// The reason phrase of the status chosen at run time.
    Title,
    /// The forwarded field's.
    Transparent(usize),
}

/// One generated method's `match`: the groups of variants sharing an arm, in the order of
/// their first variant. Each group's arm is its first variant's (`arms[variants[0]]`).
pub(crate) struct Match<A> {
    /// One arm per variant, in variant order.
    pub(crate) arms: Vec<A>,
    /// The fields each variant's arm reads: its pattern binds them.
    pub(crate) binds: Vec<Vec<usize>>,
    pub(crate) groups: Vec<Group>,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) variants: Vec<usize>,
    /// Written as `_`, last: the largest group whose arm binds no field.
    pub(crate) rest: bool,
}

/// The generated methods, each a [`Match`] with an arm type of its own. `None` for a method
/// left to the trait's default.
pub(crate) struct Methods {
    pub(crate) status: Match<StatusArm>,
    pub(crate) message: Match<MessageArm>,
    pub(crate) code: Match<CodeArm>,
    pub(crate) format: Match<FormatArm>,
    pub(crate) insert_headers: Option<Match<HeadersArm>>,
    pub(crate) to_response: Match<ResponseArm>,
    pub(crate) write_message: Match<WriteMessageArm>,
    pub(crate) write_json: Option<Match<WriteJsonArm>>,
    pub(crate) has_details: Option<Match<HasDetailsArm>>,
    pub(crate) serialize_details: Option<Match<SerializeDetailsArm>>,
    pub(crate) display: Match<DisplayArm>,
    pub(crate) source: Match<SourceArm>,
}

// Arms. `Forward` is a transparent variant's: the same method called on its field.

#[derive(PartialEq)]
pub(crate) enum StatusArm {
    Status(Status),
    /// Chosen at run time; the arm is its variant's own, rendered from its plan.
    Runtime,
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum MessageArm {
    Fixed(String),
    /// Written at run time through `__write_message`.
    Written,
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum CodeArm {
    Code(Option<String>),
    /// Chosen at run time; the arm is its variant's own, rendered from its plan.
    Runtime,
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum FormatArm {
    Format(Format),
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum HeadersArm {
    /// Headers whose values are fixed or direct (possibly none at all).
    Headers(Vec<(HeaderName, HeaderText)>),
    /// Some value is the user's own template: the arm is the variant's own, rendered from its
    /// plan's headers.
    Formatted,
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum ResponseArm {
    Fixed {
        status: Status,
        format: Format,
        body: String,
        headers: usize,
    },
    Written {
        status: Status,
        format: Format,
        code: Code,
        headers: usize,
    },
    Serialized {
        headers: usize,
    },
    /// A fixed body in a declared shape, evaluated at compile time from the shape constant.
    FixedShaped {
        status: Status,
        format: Format,
        message: String,
        code: Option<String>,
        headers: usize,
    },
    /// A declared shape's text around the message, evaluated at compile time, and the message
    /// written between at run time.
    SplitShaped {
        status: Status,
        format: Format,
        code: Option<String>,
        headers: usize,
    },
    /// The user's `WriteBody`, at the status `status()` gives.
    Custom {
        path: UserPath,
        headers: usize,
    },
    /// Written around the message, at the status chosen at run time.
    Runtime {
        format: Format,
        code: Code,
        headers: usize,
    },
    Forward,
}

/// The code a response arm passes on.
#[derive(PartialEq)]
pub(crate) enum Code {
    Known(Option<String>),
    /// `code()`'s, chosen at run time.
    Runtime,
}

#[derive(PartialEq)]
pub(crate) enum WriteMessageArm {
    /// `message()`, which borrows a fixed message.
    Message,
    /// `Display` is the message: our template, or thiserror's text.
    Display,
    /// thiserror writes `Display`, so the template is formatted here.
    Template,
    /// A status chosen at run time: its reason phrase when it hides the message, else the
    /// message as the inner arm writes it (never `Message`: `message()` comes here).
    Runtime(RuntimeMessage),
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum RuntimeMessage {
    Fixed(String),
    Display,
    Template,
    /// Always the reason phrase.
    Title,
}

#[derive(PartialEq)]
pub(crate) enum WriteJsonArm {
    /// Text escaped now, fields written by the runtime's direct writers.
    Direct(Vec<JsonPiece>),
    /// Through `__write_message`, escaped as it is written.
    Message,
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum HasDetailsArm {
    Has(bool),
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum SerializeDetailsArm {
    None,
    /// The `#[detail]` fields, each at its type's span.
    Fields,
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum DisplayArm {
    Fixed(String),
    Template,
    /// The reason phrase of the status chosen at run time.
    Title,
    Forward,
}

#[derive(PartialEq)]
pub(crate) enum SourceArm {
    None,
    /// `Some(field)`, the one field the arm binds: variants whose source has the same binding
    /// and type share the arm, an error about the type then reported once. `optional`: the
    /// field is an `Option`.
    Field {
        optional: bool,
    },
    Forward,
}

/// Where-clause predicates inferred for each impl, from what that impl reads.
#[derive(Default)]
pub(crate) struct Bounds {
    pub(crate) http_error: Vec<WherePredicate>,
    pub(crate) serialize: Vec<WherePredicate>,
    pub(crate) display: Vec<WherePredicate>,
    pub(crate) error: Vec<WherePredicate>,
}
