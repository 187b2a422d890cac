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
    AdditionalProperties, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type,
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
    let problem = docs.iter().any(|doc| doc.problem_type.is_some());
    // A type without variants produces no body at all; the default format stands in.
    let json = docs.is_empty() || docs.iter().any(|doc| doc.problem_type.is_none());
    match (json, problem) {
        (true, true) => OneOfBuilder::new()
            .item(json_body_schema())
            .item(problem_schema())
            .into(),
        (false, true) => problem_schema().into(),
        _ => json_body_schema().into(),
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
    // JSON first, as the default format: Swagger UI shows the first content type.
    for content_type in [JSON, PROBLEM_JSON] {
        let of_type: Vec<&ResponseDoc> = docs
            .iter()
            .copied()
            .filter(|doc| self::content_type(doc) == content_type)
            .collect();
        if of_type.is_empty() {
            continue;
        }
        builder = builder.content(content_type, content(&of_type));
    }
    for (name, header) in headers(docs) {
        builder = builder.header(name, header);
    }
    builder.build()
}

fn content_type(doc: &ResponseDoc) -> &'static str {
    match doc.problem_type {
        Some(_) => PROBLEM_JSON,
        None => JSON,
    }
}

/// One media type: the format's schema and one example per variant.
fn content(docs: &[&ResponseDoc]) -> Content {
    let schema = match docs.first().and_then(|doc| doc.problem_type) {
        Some(_) => problem_schema(),
        None => json_body_schema(),
    };
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

/// The body a variant sends, with the message template (or fixed message) as its message.
fn example(doc: &ResponseDoc) -> Example {
    let layout = match doc.problem_type {
        None => layout::JSON,
        Some(_) => layout::PROBLEM,
    };
    let mut body = Map::new();
    for &(member, key) in layout {
        let value: Value = match member {
            Member::Type => doc.problem_type.unwrap_or_default().into(),
            Member::Title => reason(doc.status).into(),
            Member::Status => doc.status.into(),
            Member::Message => doc.message.into(),
            Member::Code => match doc.code {
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
    ExampleBuilder::new()
        .summary(doc.message)
        .value(Some(Value::Object(body)))
        .build()
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
}
