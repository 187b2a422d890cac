//! utoipa: OpenAPI documentation of every response a derived type can produce.
//!
//! With the `utoipa` feature, [`IntoResponses`], beside `#[derive(HttpError)]`, implements for
//! the type:
//!
//! - [`utoipa::IntoResponses`]: one response per status the type can produce (transparent
//!   variants contribute the statuses of the type they wrap), each with
//!   - the reason phrase as description;
//!   - one content entry per body format used at that status (`application/json`, or
//!     `application/problem+json` for `#[http(format = "problem")]`; both when variants of both
//!     formats share the status), with the body schema **inlined**, so that
//!     `responses(MyError)` in `#[utoipa::path]` is all it takes: there is no component to
//!     register and no `$ref` that can dangle;
//!   - one **named example per variant**, `"TypeName::Variant"` (`"TypeName"` for a struct),
//!     whose value is the body with
//!     the message template in place of the message (`{"error":"user {id} not found"}`) and
//!     whose summary is the template. Variants that share a status are all kept — utoipa's own
//!     `#[derive(IntoResponses)]` keeps only the last one;
//!   - the variants' `#[header]`s, as string headers described by their value templates (and
//!     by which variants send them, when not all of that status's variants do).
//! - [`utoipa::ToSchema`] and [`utoipa::PartialSchema`]: the schema of the body object the
//!   type serializes to (the derive implements `serde::Serialize` as exactly that body): the
//!   JSON error body, the problem-details body, or a `oneOf` of the two when the type
//!   produces both. So `body = MyError` and `components(schemas(MyError))` also work. This is
//!   why a derived type must not also `#[derive(utoipa::ToSchema)]`: that would describe the
//!   Rust enum, not the JSON it is sent as (and the two impls would conflict).
//!
//! The schemas say what every body of the format has in common (`error` is required, `code`
//! and `details` optional; problem details always carry `type`, `title`, `status` and
//! `detail`); the examples say what each variant sends. The values of `#[detail]` fields are
//! not known when documenting, so they appear as `null` in the examples.
//!
//! A type in a declared [`Shape`](crate::Shape) is documented in that shape, under the shape's
//! content type: a JSON shape as an object with the shape's members (those every body of the
//! status has are required), a text shape as a string. A body nothing can be said of — one
//! written by a [`WriteBody`](crate::WriteBody), or one sent without a content type — is
//! documented by its status, description and headers alone, with no content. Variants of one
//! status whose bodies differ but share a content type get an `anyOf` of their schemas.
//!
//! ```
//! use httperr::HttpError;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, HttpError, httperr::utoipa::IntoResponses)]
//! #[http(codes)]
//! enum UserError {
//!     #[status(404, "user {id} not found")]
//!     NotFound { id: u64 },
//!     #[status(404, "team {0} not found")]
//!     TeamNotFound(u64),
//!     #[status(429)]
//!     #[header(RETRY_AFTER, "{0}")]
//!     RateLimited(u64),
//! }
//!
//! let responses = serde_json::to_value(UserError::responses()).unwrap();
//! let not_found = &responses["404"]["content"]["application/json"];
//! // Both 404 variants are kept, each as its own example.
//! assert_eq!(
//!     not_found["examples"]["UserError::NotFound"]["value"],
//!     serde_json::json!({ "error": "user {id} not found", "code": "not_found" }),
//! );
//! assert_eq!(
//!     not_found["examples"]["UserError::TeamNotFound"]["summary"],
//!     "team {0} not found",
//! );
//! assert_eq!(responses["429"]["headers"]["retry-after"]["description"], "{0}");
//! ```
//!
//! In a document, list the type among an operation's responses; nothing else needs registering:
//!
//! ```
//! # use httperr::HttpError;
//! # #[derive(Debug, HttpError, httperr::utoipa::IntoResponses)]
//! # enum UserError {
//! #     #[status(404, "user {id} not found")]
//! #     NotFound { id: u64 },
//! # }
//! use utoipa::OpenApi;
//!
//! #[derive(utoipa::ToSchema)]
//! struct User {
//!     id: u64,
//! }
//!
//! #[utoipa::path(
//!     get,
//!     path = "/users/{id}",
//!     params(("id" = u64, Path)),
//!     responses((status = 200, body = User), UserError),
//! )]
//! async fn get_user(id: u64) -> Result<User, UserError> {
//!     Err(UserError::NotFound { id })
//! }
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(get_user))]
//! struct ApiDoc;
//!
//! let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
//! let responses = &document["paths"]["/users/{id}"]["get"]["responses"];
//! assert_eq!(responses["404"]["description"], "Not Found");
//! assert!(responses["200"].is_object());
//! ```
//!
//! What the framework answers itself on the way to a handler is a [`Rejection`](crate::Rejection);
//! [`JsonBodyRejections`] documents the ones a JSON request body can get (400, 413, 415, 422),
//! with the same schema, in `responses(...)` beside the type.

/// Derives utoipa's `IntoResponses` and `ToSchema` for a type that also derives [`HttpError`](crate::HttpError): the
/// response is exactly [`to_response`](crate::HttpError::to_response)'s. A derive of its own,
/// so that turning this crate's feature on never adds an impl to a type that did not ask for
/// one (a type with a hand-written impl keeps compiling).
///
/// ```
/// use utoipa::IntoResponses as _;
///
/// #[derive(Debug, httperr::HttpError, httperr::utoipa::IntoResponses)]
/// enum UserError {
///     #[status(404, "user {0} not found")]
///     NotFound(u64),
/// }
///
/// // #[utoipa::path(get, path = "/users/{id}", responses(UserError))]
/// assert!(UserError::responses().contains_key("404"));
/// ```
#[cfg(feature = "derive")]
pub use httperr_macros::UtoipaIntoResponses as IntoResponses;

use crate::body::shape::{self, Shape, Slot};
use crate::layout::{self, INLINE, Layout, Member};
use crate::response_doc::ResponseDoc;
use crate::{BodyFormat, HttpError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use utoipa::openapi::content::{Content, ContentBuilder};
use utoipa::openapi::example::{Example, ExampleBuilder};
use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{
    AdditionalProperties, AnyOfBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat,
    SchemaType, Type,
};
use utoipa::openapi::{KnownFormat, RefOr};

/// What [`utoipa::IntoResponses::responses`] returns.
#[doc(hidden)]
pub type Responses = BTreeMap<String, RefOr<Response>>;

/// What [`utoipa::PartialSchema::schema`] returns.
#[doc(hidden)]
pub type SchemaRef = RefOr<Schema>;

const JSON: &str = crate::body::JSON;
const PROBLEM_JSON: &str = crate::body::PROBLEM_JSON;

/// The body of the generated `IntoResponses::responses`.
#[doc(hidden)]
pub fn responses<E: HttpError>() -> Responses {
    responses_of(&describe::<E>())
}

/// One response per status among `docs`.
fn responses_of(docs: &[ResponseDoc]) -> Responses {
    let mut by_status: BTreeMap<u16, Vec<&ResponseDoc>> = BTreeMap::new();
    for doc in docs {
        by_status.entry(doc.status).or_default().push(doc);
    }
    by_status
        .into_iter()
        .map(|(status, docs)| (status.to_string(), RefOr::T(response(status, &docs))))
        .collect()
}

/// The rejections a route with a JSON request body can answer before its handler runs, for
/// `responses(...)` in `#[utoipa::path]`: 400 (the body is not JSON), 413 (over the body
/// limit), 415 (no JSON content type) and 422 (JSON that does not match), as the framework
/// hooks of httperr answer them, in the JSON format. The schema is every httperr error's; the
/// examples show the messages, with `{line}` and `{column}` where they vary.
///
/// List it after the route's error type: utoipa keeps the last response given for a status.
/// For an app whose hooks answer in problem details, see [`json_body_rejections`].
///
/// ```
/// use utoipa::OpenApi;
///
/// #[derive(serde::Deserialize, utoipa::ToSchema)]
/// struct CreateUser {
///     email: String,
/// }
///
/// #[utoipa::path(
///     post,
///     path = "/users",
///     request_body = CreateUser,
///     responses((status = 201, description = "Created"), httperr::utoipa::JsonBodyRejections),
/// )]
/// async fn create_user() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(create_user))]
/// struct ApiDoc;
///
/// let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
/// let responses = &document["paths"]["/users"]["post"]["responses"];
/// let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
/// assert_eq!(statuses, ["201", "400", "413", "415", "422"]);
/// let unsupported = &responses["415"]["content"]["application/json"];
/// assert_eq!(
///     unsupported["examples"]["Rejection::expected_json"]["value"],
///     serde_json::json!({ "error": "expected a JSON body (content-type: application/json)" })
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonBodyRejections;

impl utoipa::IntoResponses for JsonBodyRejections {
    fn responses() -> Responses {
        json_body_rejections(BodyFormat::Json)
    }
}

/// The responses [`JsonBodyRejections`] documents, in `format`: for an app whose hooks answer
/// in problem details, to add to an operation by hand (in a `utoipa::Modify`, say).
///
/// ```
/// use httperr::BodyFormat;
///
/// let responses = httperr::utoipa::json_body_rejections(BodyFormat::Problem {
///     type_uri: "about:blank",
/// });
/// let responses = serde_json::to_value(responses).unwrap();
/// let content = &responses["413"]["content"]["application/problem+json"];
/// assert_eq!(
///     content["examples"]["Rejection::payload_too_large"]["value"]["detail"],
///     "the request body is too large"
/// );
/// ```
pub fn json_body_rejections(format: BodyFormat) -> Responses {
    let problem_type = match format {
        BodyFormat::Problem { type_uri } => Some(type_uri),
        _ => None,
    };
    let docs = JSON_BODY_REJECTIONS.map(|(variant, status, message)| ResponseDoc {
        type_name: "Rejection",
        variant,
        status,
        message,
        code: None,
        problem_type,
        headers: &[],
        details: &[],
        shape: None,
        category: None,
        custom_body: false,
        runtime_code: false,
    });
    responses_of(&docs)
}

/// (constructor, status, message template) of each rejection of a JSON body, as
/// `Rejection`'s constructors write them.
const JSON_BODY_REJECTIONS: [(&str, u16, &str); 4] = [
    (
        "json",
        400,
        "invalid JSON body: {what} (line {line}, column {column})",
    ),
    ("payload_too_large", 413, "the request body is too large"),
    (
        "expected_json",
        415,
        "expected a JSON body (content-type: application/json)",
    ),
    (
        "json",
        422,
        "invalid JSON body: {what} (line {line}, column {column})",
    ),
];

/// The body of the generated `PartialSchema::schema`.
#[doc(hidden)]
pub fn schema<E: HttpError>() -> SchemaRef {
    let docs = describe::<E>();
    let docs: Vec<&ResponseDoc> = docs.iter().collect();
    RefOr::T(schema_of(&docs))
}

/// What a variant's body is, for documenting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    /// `{"error", "code", "details"}`: the default format, and the `Serialize` (and `format()`)
    /// of a type whose bodies a `WriteBody` writes.
    Json,
    /// Problem details, `#[http(format = "problem")]`.
    Problem,
    /// A declared shape (two constants of equal value are one shape).
    Shaped(&'static Shape),
}

impl Body {
    fn of(doc: &ResponseDoc) -> Body {
        match (doc.custom_body, doc.shape, doc.problem_type) {
            (true, ..) => Body::Json,
            (false, Some(shape), _) => Body::Shaped(shape),
            (false, None, Some(_)) => Body::Problem,
            (false, None, None) => Body::Json,
        }
    }

    /// The schema of this body, from the variants (all of this body) it documents.
    fn schema(self, docs: &[&ResponseDoc]) -> Schema {
        match self {
            Body::Json => json_body_schema(),
            Body::Problem => problem_schema(),
            Body::Shaped(shape) => shape_schema(shape, docs),
        }
    }
}

/// The schema of the bodies of `docs`: the one body's, else a choice among them (the JSON
/// format first, problem details second, then shapes as they come). A `oneOf` for the two
/// formats, which no body satisfies both of; an `anyOf` once a shape is among them, as a shape
/// may describe bodies of another format too (`Shape::json().message("error")`).
fn schema_of(docs: &[&ResponseDoc]) -> Schema {
    let mut bodies: Vec<Body> = Vec::new();
    for doc in docs {
        let body = Body::of(doc);
        if !bodies.contains(&body) {
            bodies.push(body);
        }
    }
    // Stable: shapes keep their order.
    bodies.sort_by_key(|body| match body {
        Body::Json => 0,
        Body::Problem => 1,
        Body::Shaped(_) => 2,
    });
    let mut schemas = bodies.iter().map(|&body| {
        let of_body: Vec<&ResponseDoc> = docs
            .iter()
            .copied()
            .filter(|doc| Body::of(doc) == body)
            .collect();
        body.schema(&of_body)
    });
    match bodies.len() {
        // A type without variants produces no body at all; the default format stands in.
        0 => json_body_schema(),
        1 => schemas.next().unwrap_or_else(json_body_schema),
        _ if bodies.iter().all(|body| !matches!(body, Body::Shaped(_))) => {
            schemas.fold(OneOfBuilder::new(), OneOfBuilder::item).into()
        }
        _ => schemas.fold(AnyOfBuilder::new(), AnyOfBuilder::item).into(),
    }
}

/// Every response of `E`, one per variant, transparent variants replaced by the wrapped
/// type's; a type wrapped by two variants is listed once.
fn describe<E: HttpError>() -> Vec<ResponseDoc> {
    let mut all = Vec::new();
    E::__describe(&mut all);
    let mut docs: Vec<ResponseDoc> = Vec::with_capacity(all.len());
    for doc in all {
        // Only identical entries merge: `Wrapper<A>` and `Wrapper<B>` share a name but may differ.
        if !docs.contains(&doc) {
            docs.push(doc);
        }
    }
    docs
}

/// The response for one status, from all the variants that produce it.
fn response(status: u16, docs: &[&ResponseDoc]) -> Response {
    let mut builder = ResponseBuilder::new().description(reason(status));
    let mut content_types: Vec<&'static str> = Vec::new();
    for doc in docs {
        if let Some(content_type) = content_type(doc) {
            if !content_types.contains(&content_type) {
                content_types.push(content_type);
            }
        }
    }
    // JSON first, as the default format: Swagger UI shows the first content type. Then problem
    // details, then the shapes' own, as they come (the sort is stable).
    content_types.sort_by_key(|&content_type| match content_type {
        JSON => 0,
        PROBLEM_JSON => 1,
        _ => 2,
    });
    for content_type in content_types {
        let of_type: Vec<&ResponseDoc> = docs
            .iter()
            .copied()
            .filter(|&doc| self::content_type(doc) == Some(content_type))
            .collect();
        builder = builder.content(content_type, content(&of_type));
    }
    for (name, header) in headers(docs) {
        builder = builder.header(name, header);
    }
    builder.build()
}

/// The media type a variant's body is documented under; `None` when nothing can be said of its
/// body: a `WriteBody` writes it, or it is sent without a `content-type`.
fn content_type(doc: &ResponseDoc) -> Option<&'static str> {
    if doc.custom_body {
        return None;
    }
    match Body::of(doc) {
        Body::Json => Some(JSON),
        Body::Problem => Some(PROBLEM_JSON),
        Body::Shaped(shape) => shape.content_type_value(),
    }
}

/// One media type: the schema of its bodies and one example per variant.
fn content(docs: &[&ResponseDoc]) -> Content {
    let schema = schema_of(docs);
    let mut examples: BTreeMap<String, Example> = BTreeMap::new();
    for doc in docs {
        // A struct is recorded with its own name as the variant.
        let name = if doc.variant == doc.type_name {
            doc.type_name.to_owned()
        } else {
            format!("{}::{}", doc.type_name, doc.variant)
        };
        // Two instantiations of one generic type share a name: number the later ones rather
        // than let one replace the other.
        let mut unique = name.clone();
        let mut n = 1;
        while examples.contains_key(&unique) {
            n += 1;
            unique = format!("{name} ({n})");
        }
        examples.insert(unique, example(doc));
    }
    ContentBuilder::new()
        .schema(Some(schema))
        .examples_from_iter(examples)
        .build()
}

/// The code as examples show it: a code chosen at run time as `{code}`, as they show a
/// template's holes.
fn example_code(doc: &ResponseDoc) -> Option<&'static str> {
    match doc.runtime_code {
        true => Some("{code}"),
        false => doc.code,
    }
}

/// The body a variant sends, with the message template (or fixed message) as its message.
fn example(doc: &ResponseDoc) -> Example {
    let value = match Body::of(doc) {
        Body::Json => format_example(doc, layout::JSON),
        Body::Problem => format_example(doc, layout::PROBLEM),
        Body::Shaped(shape) => shaped_example(doc, shape),
    };
    ExampleBuilder::new()
        .summary(doc.message)
        .value(Some(value))
        .build()
}

/// The body of a variant in one of the two formats.
fn format_example(doc: &ResponseDoc, layout: Layout) -> Value {
    let mut body = Map::new();
    for &(member, key) in layout {
        let value: Value = match member {
            Member::Type => doc.problem_type.unwrap_or_default().into(),
            Member::Title => reason(doc.status).into(),
            Member::Status => doc.status.into(),
            Member::Message => doc.message.into(),
            Member::Code => match example_code(doc) {
                Some(code) => code.into(),
                None => continue,
            },
            // Field values are not known when documenting.
            Member::Details if key == INLINE => {
                for &name in doc.details {
                    body.insert(name.to_owned(), Value::Null);
                }
                continue;
            }
            Member::Details if doc.details.is_empty() => continue,
            Member::Details => {
                let details = doc
                    .details
                    .iter()
                    .map(|&name| (name.to_owned(), Value::Null));
                Value::Object(details.collect())
            }
        };
        body.insert(key.to_owned(), value);
    }
    Value::Object(body)
}

/// The body of a variant in a declared shape, as `shape::write` and the serde side write it:
/// the message alone for a text shape, else the shape's members that the variant has.
fn shaped_example(doc: &ResponseDoc, shape: &Shape) -> Value {
    if shape.is_text() {
        return doc.message.into();
    }
    let mut body = Map::new();
    for &Slot { key, value } in shape.slots() {
        let value: Value = match value {
            shape::Value::Message => doc.message.into(),
            shape::Value::Status => doc.status.into(),
            shape::Value::Title => reason(doc.status).into(),
            shape::Value::Const(text) => text.into(),
            shape::Value::ProblemType(base) => match (base, example_code(doc)) {
                (Some(base), Some(code)) => format!("{base}{code}").into(),
                _ => "about:blank".into(),
            },
            shape::Value::Code => match example_code(doc) {
                Some(code) => code.into(),
                None => continue,
            },
            shape::Value::Link(prefix) => match example_code(doc) {
                Some(code) => format!("{prefix}{code}").into(),
                None => continue,
            },
            shape::Value::Category => match doc.category {
                Some(category) => category.into(),
                None => continue,
            },
            // Field values are not known when documenting.
            shape::Value::Details if doc.details.is_empty() => continue,
            shape::Value::Details => {
                let details = doc
                    .details
                    .iter()
                    .map(|&name| (name.to_owned(), Value::Null));
                Value::Object(details.collect())
            }
            shape::Value::FlatDetails => {
                for &name in doc.details {
                    body.insert(name.to_owned(), Value::Null);
                }
                continue;
            }
        };
        body.insert(key.to_owned(), value);
    }
    Value::Object(body)
}

/// The headers of every variant at one status, by name. A header that only some of the
/// variants send, or that they send with different templates, says which variant sends what:
/// OpenAPI has no other way to mark a response header as conditional.
fn headers(docs: &[&ResponseDoc]) -> BTreeMap<&'static str, Header> {
    let mut senders: BTreeMap<&'static str, Vec<(&ResponseDoc, &'static str)>> = BTreeMap::new();
    for doc in docs {
        for &(name, template) in doc.headers {
            senders.entry(name).or_default().push((doc, template));
        }
    }
    senders
        .into_iter()
        .map(|(name, sent)| {
            let first = sent.first().map_or("", |&(_, template)| template);
            let uniform = sent.len() == docs.len() && sent.iter().all(|&(_, t)| t == first);
            let description = if uniform {
                first.to_owned()
            } else {
                let each: Vec<String> = sent
                    .iter()
                    .map(|(doc, template)| {
                        format!("{}::{}: {template}", doc.type_name, doc.variant)
                    })
                    .collect();
                format!("Sent by {}", each.join("; "))
            };
            let header = HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                .description(Some(description))
                .build();
            (name, header)
        })
        .collect()
}

/// The reason phrase, or the class name for an unregistered code (as the body's title).
fn reason(status: u16) -> &'static str {
    match http::StatusCode::from_u16(status) {
        Ok(status) => crate::codes::title(status),
        // The derive only records codes it checked to be in 100..=599.
        Err(_) => "Error",
    }
}

/// The JSON error body: `{"error": "…", "code": "…", "details": {…}}`.
fn json_body_schema() -> Schema {
    body_schema(
        layout::JSON,
        "An error: its public message, its machine-readable code if it has one, and its \
         `details` if it has any.",
    )
}

/// RFC 9457 problem details, as httperr writes them: `type`, `title`, `status` and `detail`
/// always, `code` when the variant has one, then extension members.
fn problem_schema() -> Schema {
    body_schema(layout::PROBLEM, "An error as RFC 9457 problem details.")
}

/// A body object: its members in the layout's order, the ones every body has required.
fn body_schema(layout: Layout, description: &'static str) -> Schema {
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(description));
    // Exactly the layout's members, unless it inlines details as extension members. A JSON body
    // allowing no others also keeps a problem body from matching it in a `oneOf`.
    let mut open = false;
    for &(member, key) in layout {
        if key == INLINE {
            open = true;
            continue;
        }
        object = object.property(key, member_schema(member));
        if !member.optional() {
            object = object.required(key);
        }
    }
    object
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(open)))
        .build()
        .into()
}

/// The schema of the bodies of `docs`, all in `shape`: the message as a string for a text
/// shape; else an object with the shape's members in order, required when every one of the
/// variants has them. Flattened details are the variants' detail fields, of any value, and
/// leave the object open, as problem details' extension members do.
fn shape_schema(shape: &Shape, docs: &[&ResponseDoc]) -> Schema {
    if shape.is_text() {
        return ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("The public message, as the whole body."))
            .build()
            .into();
    }
    let every = |has: fn(&ResponseDoc) -> bool| docs.iter().all(|&doc| has(doc));
    let keys: Vec<&str> = shape.slots().iter().map(|slot| slot.key).collect();
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("An error, in the body shape the API declares."));
    let mut open = false;
    for &Slot { key, value } in shape.slots() {
        let (schema, required) = match value {
            shape::Value::Message => (member_schema(Member::Message), true),
            shape::Value::Status => (member_schema(Member::Status), true),
            shape::Value::Title => (member_schema(Member::Title), true),
            shape::Value::ProblemType(_) => (member_schema(Member::Type), true),
            shape::Value::Const(text) => (
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some([text]))
                    .description(Some("A constant.")),
                true,
            ),
            shape::Value::Code => (member_schema(Member::Code), every(|doc| doc.code.is_some())),
            shape::Value::Link(prefix) => (
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some(format!(
                        "The documentation of this error's code: `{prefix}` followed by the code."
                    ))),
                every(|doc| doc.code.is_some()),
            ),
            shape::Value::Category => (
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some("The category of this error.")),
                every(|doc| doc.category.is_some()),
            ),
            shape::Value::Details => (member_schema(Member::Details), false),
            shape::Value::FlatDetails => {
                open = true;
                let names = docs.iter().flat_map(|doc| doc.details.iter().copied());
                for name in names.filter(|name| !keys.contains(name)) {
                    object = object.property(
                        name,
                        ObjectBuilder::new()
                            .schema_type(SchemaType::AnyValue)
                            .description(Some("A `#[detail]` field of this error.")),
                    );
                }
                continue;
            }
        };
        object = object.property(key, schema);
        if required {
            object = object.required(key);
        }
    }
    object
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(open)))
        .build()
        .into()
}

fn member_schema(member: Member) -> ObjectBuilder {
    let string = |description: &'static str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
    };
    match member {
        Member::Type => string("A URI that identifies the problem type, or `about:blank`.")
            .format(Some(SchemaFormat::Custom("uri-reference".to_owned()))),
        Member::Title => string("The reason phrase of the status."),
        Member::Status => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
            .minimum(Some(400))
            .maximum(Some(599))
            .description(Some("The HTTP status code.")),
        Member::Message => string("The public message."),
        Member::Code => string("A machine-readable code for this error."),
        Member::Details => ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("Data about this error, by field name."))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true))),
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ([$($generics:tt)*] $ty:ty [$($where:tt)*]) => {
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::utoipa::IntoResponses for $ty where $($where)* {
            fn responses() -> $crate::__private::glue::utoipa::Responses {
                $crate::__private::glue::utoipa::responses::<Self>()
            }
        }
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::utoipa::PartialSchema for $ty where $($where)* {
            fn schema() -> $crate::__private::glue::utoipa::SchemaRef {
                $crate::__private::glue::utoipa::schema::<Self>()
            }
        }
        #[automatically_derived]
        impl<$($generics)*> $crate::__private::utoipa::ToSchema for $ty where $($where)* {}
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON utoipa would publish; a failure fails the test rather than becoming `null`.
    fn serialized(response: impl serde::Serialize) -> Value {
        serde_json::to_value(response).expect("serialize the response")
    }

    fn doc(variant: &'static str, status: u16, problem: bool) -> ResponseDoc {
        ResponseDoc {
            type_name: "E",
            variant,
            status,
            message: "m",
            code: None,
            problem_type: problem.then_some("about:blank"),
            headers: &[],
            details: &[],
            shape: None,
            category: None,
            custom_body: false,
            runtime_code: false,
        }
    }

    #[test]
    fn one_content_type_per_format_at_a_status() {
        let (a, b) = (doc("A", 404, false), doc("B", 404, true));
        let response = serialized(response(404, &[&a, &b]));
        assert_eq!(response["description"], "Not Found");
        // Each format's examples hold exactly its own variants (indexing a `Value` gives `null`
        // for anything missing, so only a whole-object comparison can say "not there").
        assert_eq!(
            response["content"][JSON]["examples"],
            serde_json::json!({
                "E::A": { "summary": "m", "value": { "error": "m" } },
            })
        );
        assert_eq!(
            response["content"][PROBLEM_JSON]["examples"],
            serde_json::json!({
                "E::B": {
                    "summary": "m",
                    "value": { "type": "about:blank", "title": "Not Found", "status": 404, "detail": "m" },
                },
            })
        );
    }

    #[test]
    fn a_header_only_some_variants_send_names_them() {
        let mut a = doc("A", 429, false);
        a.headers = &[("retry-after", "{0}")];
        let b = doc("B", 429, false);
        let response = serialized(response(429, &[&a, &b]));
        assert_eq!(
            response["headers"],
            serde_json::json!({
                "retry-after": { "schema": { "type": "string" }, "description": "Sent by E::A: {0}" },
            })
        );
    }

    #[test]
    fn examples_with_one_name_are_all_kept() {
        let a = doc("A", 404, false);
        let mut b = doc("A", 404, false);
        b.message = "other";
        let mut s = doc("S", 404, false);
        s.type_name = "S";
        let response = serialized(response(404, &[&a, &b, &s]));
        // `S`, not `S::S`: a struct is named by its type.
        assert_eq!(
            response["content"][JSON]["examples"],
            serde_json::json!({
                "E::A": { "summary": "m", "value": { "error": "m" } },
                "E::A (2)": { "summary": "other", "value": { "error": "other" } },
                "S": { "summary": "m", "value": { "error": "m" } },
            })
        );
    }

    /// The documented messages are the ones the constructors write: fixed ones equal, and a
    /// templated one is the template with its placeholders filled.
    #[test]
    fn json_body_rejections_document_what_rejection_writes() {
        use crate::Rejection;
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Body {
            email: String,
        }
        let syntax = serde_json::from_str::<Body>(r#"{"email":"#).unwrap_err();
        let data = serde_json::from_str::<Body>(r#"{"email": 42}"#).unwrap_err();
        let fill = |template: &str, what: &str, line: usize, column: usize| {
            template
                .replace("{what}", what)
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string())
        };
        let [
            (_, _, bad),
            (_, _, large),
            (_, _, media),
            (_, _, mismatched),
        ] = JSON_BODY_REJECTIONS;
        assert_eq!(
            Rejection::json(&syntax, None).message(),
            fill(bad, "it ends early", 1, 9)
        );
        assert_eq!(Rejection::payload_too_large().message(), large);
        assert_eq!(Rejection::expected_json().message(), media);
        assert_eq!(
            Rejection::json(&data, Some("email")).message(),
            fill(mismatched, "`email` has the wrong type", 1, 12)
        );
        let statuses = JSON_BODY_REJECTIONS.map(|(_, status, _)| status);
        assert_eq!(
            statuses,
            [
                Rejection::json(&syntax, None).status().as_u16(),
                Rejection::payload_too_large().status().as_u16(),
                Rejection::expected_json().status().as_u16(),
                Rejection::json(&data, None).status().as_u16(),
            ]
        );
    }

    #[test]
    fn unregistered_codes_use_the_class_name() {
        assert_eq!(reason(499), "Client Error");
        assert_eq!(reason(404), "Not Found");
    }

    /// Meilisearch's error bodies: `{"message", "code", "type", "link"}`.
    const MEILI: Shape = Shape::json()
        .message("message")
        .code("code")
        .category("type")
        .link("link", "https://docs.example.com/errors#");

    #[test]
    fn a_code_chosen_at_run_time_is_shown_as_a_hole() {
        static PROBLEM: Shape = Shape::problem().type_base("https://p/");
        let problem = ResponseDoc {
            runtime_code: true,
            shape: Some(&PROBLEM),
            ..doc("V", 409, false)
        };
        assert_eq!(
            shaped_example(&problem, &PROBLEM),
            serde_json::json!({
                "type": "https://p/{code}",
                "title": "Conflict",
                "status": 409,
                "detail": "m",
                "code": "{code}",
            })
        );
        let json = ResponseDoc {
            runtime_code: true,
            ..doc("V", 409, false)
        };
        assert_eq!(
            format_example(&json, layout::JSON),
            serde_json::json!({ "error": "m", "code": "{code}" })
        );
    }

    /// A variant in `shape`, with a code and a category.
    fn shaped(variant: &'static str, status: u16, shape: &'static Shape) -> ResponseDoc {
        ResponseDoc {
            code: Some("c"),
            category: Some("k"),
            shape: Some(shape),
            ..doc(variant, status, false)
        }
    }

    /// MEILI's schema, spelled out, with `required` as given.
    fn meili_schema(required: &[&str]) -> Value {
        serde_json::json!({
            "type": "object",
            "description": "An error, in the body shape the API declares.",
            "properties": {
                "message": { "type": "string", "description": "The public message." },
                "code": {
                    "type": "string",
                    "description": "A machine-readable code for this error.",
                },
                "type": { "type": "string", "description": "The category of this error." },
                "link": {
                    "type": "string",
                    "description": "The documentation of this error's code: \
                        `https://docs.example.com/errors#` followed by the code.",
                },
            },
            "required": required,
            "additionalProperties": false,
        })
    }

    #[test]
    fn a_json_shape_is_documented_by_its_members() {
        let mut a = shaped("A", 404, &MEILI);
        a.message = "index {0} not found";
        a.code = Some("index_not_found");
        a.category = Some("invalid_request");
        let b = shaped("B", 404, &MEILI);
        assert_eq!(
            serialized(response(404, &[&a, &b])),
            serde_json::json!({
                "description": "Not Found",
                "content": {
                    "application/json": {
                        "schema": meili_schema(&["message", "code", "type", "link"]),
                        "examples": {
                            "E::A": {
                                "summary": "index {0} not found",
                                "value": {
                                    "message": "index {0} not found",
                                    "code": "index_not_found",
                                    "type": "invalid_request",
                                    "link": "https://docs.example.com/errors#index_not_found",
                                },
                            },
                            "E::B": {
                                "summary": "m",
                                "value": {
                                    "message": "m",
                                    "code": "c",
                                    "type": "k",
                                    "link": "https://docs.example.com/errors#c",
                                },
                            },
                        },
                    },
                },
            })
        );
        // A variant without code or category: those members are no longer always there, and
        // its body leaves them out (the link too, which is made from the code).
        let mut bare = shaped("Bare", 404, &MEILI);
        bare.code = None;
        bare.category = None;
        let content = &serialized(response(404, &[&b, &bare]))["content"][JSON];
        assert_eq!(content["schema"], meili_schema(&["message"]));
        assert_eq!(
            content["examples"]["E::Bare"],
            serde_json::json!({ "summary": "m", "value": { "message": "m" } })
        );
        // Only a category missing: the code and link stay required.
        let mut uncategorized = shaped("U", 404, &MEILI);
        uncategorized.category = None;
        let content = &serialized(response(404, &[&b, &uncategorized]))["content"][JSON];
        assert_eq!(
            content["schema"],
            meili_schema(&["message", "code", "link"])
        );
    }

    #[test]
    fn every_kind_of_member_has_its_schema() {
        const FULL: Shape = Shape::json()
            .status("status")
            .title("title")
            .message("message")
            .code("code")
            .category("kind")
            .link("docs", "https://docs.example.com/quota#")
            .member("service", "search")
            .details("details");
        let mut exceeded = shaped("Exceeded", 429, &FULL);
        exceeded.details = &["limit", "tenant"];
        let mut fixed = shaped("Fixed", 429, &FULL);
        fixed.code = None;
        let content = &serialized(response(429, &[&exceeded, &fixed]))["content"][JSON];
        assert_eq!(
            content["schema"],
            serde_json::json!({
                "type": "object",
                "description": "An error, in the body shape the API declares.",
                "properties": {
                    "status": {
                        "type": "integer",
                        "format": "int32",
                        "minimum": 400,
                        "maximum": 599,
                        "description": "The HTTP status code.",
                    },
                    "title": { "type": "string", "description": "The reason phrase of the status." },
                    "message": { "type": "string", "description": "The public message." },
                    "code": {
                        "type": "string",
                        "description": "A machine-readable code for this error.",
                    },
                    "kind": { "type": "string", "description": "The category of this error." },
                    "docs": {
                        "type": "string",
                        "description": "The documentation of this error's code: \
                            `https://docs.example.com/quota#` followed by the code.",
                    },
                    "service": { "type": "string", "enum": ["search"], "description": "A constant." },
                    "details": {
                        "type": "object",
                        "description": "Data about this error, by field name.",
                        "additionalProperties": true,
                    },
                },
                "required": ["status", "title", "message", "kind", "service"],
                "additionalProperties": false,
            })
        );
        assert_eq!(
            content["examples"],
            serde_json::json!({
                "E::Exceeded": {
                    "summary": "m",
                    "value": {
                        "status": 429,
                        "title": "Too Many Requests",
                        "message": "m",
                        "code": "c",
                        "kind": "k",
                        "docs": "https://docs.example.com/quota#c",
                        "service": "search",
                        "details": { "limit": null, "tenant": null },
                    },
                },
                "E::Fixed": {
                    "summary": "m",
                    "value": {
                        "status": 429,
                        "title": "Too Many Requests",
                        "message": "m",
                        "kind": "k",
                        "service": "search",
                    },
                },
            })
        );
    }

    #[test]
    fn a_problem_shape_with_flattened_details() {
        const PROBLEM: Shape = Shape::problem()
            .type_base("https://p/")
            .category("category");
        let mut credit = shaped("Credit", 402, &PROBLEM);
        credit.details = &["balance"];
        let mut plain = shaped("Plain", 402, &PROBLEM);
        (plain.code, plain.category) = (None, None);
        let response = serialized(response(402, &[&credit, &plain]));
        // A shape's content type, not the problem format's schema: the shape's own members.
        assert_eq!(
            response["content"][PROBLEM_JSON],
            serde_json::json!({
                "schema": {
                    "type": "object",
                    "description": "An error, in the body shape the API declares.",
                    "properties": {
                        "type": {
                            "type": "string",
                            "format": "uri-reference",
                            "description": "A URI that identifies the problem type, or `about:blank`.",
                        },
                        "title": { "type": "string", "description": "The reason phrase of the status." },
                        "status": {
                            "type": "integer",
                            "format": "int32",
                            "minimum": 400,
                            "maximum": 599,
                            "description": "The HTTP status code.",
                        },
                        "detail": { "type": "string", "description": "The public message." },
                        "code": {
                            "type": "string",
                            "description": "A machine-readable code for this error.",
                        },
                        "balance": { "description": "A `#[detail]` field of this error." },
                        "category": { "type": "string", "description": "The category of this error." },
                    },
                    "required": ["type", "title", "status", "detail"],
                    "additionalProperties": true,
                },
                "examples": {
                    "E::Credit": {
                        "summary": "m",
                        "value": {
                            "type": "https://p/c",
                            "title": "Payment Required",
                            "status": 402,
                            "detail": "m",
                            "code": "c",
                            "balance": null,
                            "category": "k",
                        },
                    },
                    "E::Plain": {
                        "summary": "m",
                        "value": {
                            "type": "about:blank",
                            "title": "Payment Required",
                            "status": 402,
                            "detail": "m",
                        },
                    },
                },
            })
        );
    }

    #[test]
    fn a_text_shape_is_a_string_under_its_content_type() {
        const TEXT: Shape = Shape::text();
        let mut forbidden = shaped("Forbidden", 403, &TEXT);
        forbidden.message = "user may not perform that action";
        assert_eq!(
            serialized(response(403, &[&forbidden])),
            serde_json::json!({
                "description": "Forbidden",
                "content": {
                    "text/plain; charset=utf-8": {
                        "schema": {
                            "type": "string",
                            "description": "The public message, as the whole body.",
                        },
                        "examples": {
                            "E::Forbidden": {
                                "summary": "user may not perform that action",
                                "value": "user may not perform that action",
                            },
                        },
                    },
                },
            })
        );
    }

    /// Nothing is known of a body sent without a content type, or written by a `WriteBody`:
    /// the status, its description and headers, and no content at all.
    #[test]
    fn bodies_without_a_content_type_or_of_a_writer_have_no_content() {
        const BARE: Shape = Shape::text().without_content_type();
        let mut bare = shaped("TooMany", 429, &BARE);
        bare.headers = &[("retry-after", "30")];
        assert_eq!(
            serialized(response(429, &[&bare])),
            serde_json::json!({
                "description": "Too Many Requests",
                "headers": {
                    "retry-after": { "schema": { "type": "string" }, "description": "30" },
                },
            })
        );
        let mut custom = doc("Custom", 401, false);
        custom.custom_body = true;
        custom.headers = &[("www-authenticate", "Bearer")];
        assert_eq!(
            serialized(response(401, &[&custom])),
            serde_json::json!({
                "description": "Unauthorized",
                "headers": {
                    "www-authenticate": { "schema": { "type": "string" }, "description": "Bearer" },
                },
            })
        );
        // Beside a variant with a known body: only that one is an example, and the header
        // says who sends it.
        let json = doc("Json", 401, false);
        assert_eq!(
            serialized(response(401, &[&custom, &json])),
            serde_json::json!({
                "description": "Unauthorized",
                "content": {
                    "application/json": {
                        "schema": serialized(json_body_schema()),
                        "examples": { "E::Json": { "summary": "m", "value": { "error": "m" } } },
                    },
                },
                "headers": {
                    "www-authenticate": {
                        "schema": { "type": "string" },
                        "description": "Sent by E::Custom: Bearer",
                    },
                },
            })
        );
    }

    #[test]
    fn each_content_type_has_its_own_variants() {
        const TEXT: Shape = Shape::text();
        let json = doc("Json", 404, false);
        let problem = doc("Problem", 404, true);
        let text = shaped("Text", 404, &TEXT);
        let mut meili = shaped("Meili", 404, &MEILI);
        meili.code = None;
        let built = response(404, &[&text, &meili, &problem, &json]);
        // The default format first, then problem details, then the shapes' own.
        let content_types: Vec<&str> = built.content.keys().map(String::as_str).collect();
        assert_eq!(
            content_types,
            [JSON, PROBLEM_JSON, "text/plain; charset=utf-8"]
        );
        let response = serialized(built);
        let json_content = &response["content"][JSON];
        // Two bodies share `application/json`: either may be sent.
        let any_of = json_content["schema"]["anyOf"]
            .as_array()
            .expect("an anyOf of the two bodies");
        assert_eq!(any_of.len(), 2);
        assert_eq!(any_of[0]["required"], serde_json::json!(["error"]));
        // It has a category, not a code: `type` is always there, `code` and `link` are not.
        assert_eq!(any_of[1], meili_schema(&["message", "type"]));
        assert_eq!(
            json_content["examples"],
            serde_json::json!({
                "E::Json": { "summary": "m", "value": { "error": "m" } },
                "E::Meili": { "summary": "m", "value": { "message": "m", "type": "k" } },
            })
        );
        assert_eq!(
            response["content"][PROBLEM_JSON]["schema"]["required"],
            serde_json::json!(["type", "title", "status", "detail"])
        );
        assert_eq!(
            response["content"]["text/plain; charset=utf-8"]["examples"],
            serde_json::json!({ "E::Text": { "summary": "m", "value": "m" } })
        );
    }

    /// The type's own schema (`body = E`) is what its `Serialize` gives.
    #[test]
    fn the_type_schema_covers_every_body_it_serializes_to() {
        const BARE: Shape = Shape::text().without_content_type();
        let meili = shaped("Meili", 404, &MEILI);
        let other = shaped("Other", 500, &MEILI);
        assert_eq!(
            serialized(schema_of(&[&meili, &other])),
            meili_schema(&["message", "code", "type", "link"])
        );
        // A text body serializes to its message, content type or not.
        let bare = shaped("Bare", 429, &BARE);
        assert_eq!(
            serialized(schema_of(&[&bare])),
            serde_json::json!({
                "type": "string",
                "description": "The public message, as the whole body.",
            })
        );
        // A writer's type serializes in the default format.
        let mut custom = doc("Custom", 401, false);
        custom.custom_body = true;
        let custom_schema = serialized(schema_of(&[&custom]));
        assert_eq!(custom_schema["required"], serde_json::json!(["error"]));
        assert_eq!(custom_schema["additionalProperties"], false);
        let json = doc("Json", 400, false);
        let problem = doc("Problem", 400, true);
        let both = serialized(schema_of(&[&problem, &json]));
        assert_eq!(both["oneOf"][0]["required"], serde_json::json!(["error"]));
        assert_eq!(
            both["oneOf"][1]["required"],
            serde_json::json!(["type", "title", "status", "detail"])
        );
        assert_eq!(both.as_object().map(Map::len), Some(1));
        let mixed = serialized(schema_of(&[&meili, &bare, &json]));
        assert_eq!(mixed.as_object().map(Map::len), Some(1));
        let any_of = mixed["anyOf"].as_array().expect("anyOf");
        assert_eq!(any_of.len(), 3);
        assert_eq!(any_of[0]["required"], serde_json::json!(["error"]));
        assert_eq!(
            any_of[1],
            meili_schema(&["message", "code", "type", "link"])
        );
        assert_eq!(any_of[2]["type"], "string");
        let empty = serialized(schema_of(&[]));
        assert_eq!(empty["required"], serde_json::json!(["error"]));
    }
}
