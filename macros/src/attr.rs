//! Parses `#[status]`, `#[header]`, `#[http]` and the field attributes into typed values.
//!
//! Parsing never stops at the first problem: each error is recorded and the attribute is kept
//! as "present but invalid", so a broken `#[status]` does not also report a missing one.

use crate::errors::Errors;
use crate::template::Template;
use proc_macro2::{Span, TokenStream};
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Meta, Path, Token};

mod kw {
    syn::custom_keyword!(transparent);
    syn::custom_keyword!(with);
}

/// The attributes of a type or a variant.
#[derive(Default)]
pub(crate) struct Attrs {
    pub(crate) status: Option<Status>,
    pub(crate) headers: Vec<Header>,
    pub(crate) http: Http,
    /// thiserror's `#[error(...)]` is present: thiserror writes `Display`.
    pub(crate) thiserror_display: bool,
    /// Its format string, when it starts with one (for API documentation).
    #[cfg(feature = "openapi")]
    pub(crate) thiserror_text: Option<String>,
}

pub(crate) struct Status {
    pub(crate) kind: StatusKind,
    pub(crate) template: Option<Template>,
}

pub(crate) enum StatusKind {
    Code {
        code: u64,
        span: Span,
    },
    Transparent(Span),
    /// `#[status(with = path)]`: the status is `path(&field0, &field1, …)`.
    With(Path),
    /// `#[status("message")]`: a message alone, for a variant whose status is the field
    /// marked `#[status]`; the span is the message's.
    Runtime(Span),
    /// Present but unparsable; its error is already reported.
    Invalid,
}

pub(crate) struct Header {
    pub(crate) span: Span,
    /// Lowercase, as HTTP/2 sends it and as `HeaderName::from_static` requires.
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) value: Option<Template>,
}

#[derive(Default)]
pub(crate) struct Http {
    pub(crate) format: Option<(Format, Span)>,
    /// `shape = PATH`: a declared `httperr::Shape` constant.
    pub(crate) shape: Option<Path>,
    /// `body = PATH`: a value implementing `httperr::WriteBody<Self>`.
    pub(crate) body: Option<Path>,
    /// `category = "…"`: the value of a shape's category member.
    pub(crate) category: Option<LitStr>,
    pub(crate) codes: Option<Span>,
    pub(crate) type_base: Option<LitStr>,
    pub(crate) code: Option<LitStr>,
    /// `code = path`: the code is `path(&field0, &field1, …)`, chosen at run time.
    pub(crate) code_with: Option<Path>,
    pub(crate) expose: Option<Span>,
    pub(crate) expose_headers: Option<Span>,
    pub(crate) unregistered: Option<Span>,
    pub(crate) without_required_headers: Option<Span>,
    /// `skip(Display, …)`: the impls not to write, each with its span.
    pub(crate) skip: Vec<(Skip, Span)>,
}

/// An impl other than `HttpError` that `#[http(skip(...))]` leaves to the user.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    Display,
    Error,
    From,
    Serialize,
}

const SKIPPABLE: [&str; 4] = ["Display", "Error", "From", "Serialize"];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Problem,
}

#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// `#[transparent]`: the field a transparent variant with several fields forwards to.
    pub(crate) transparent: Option<Span>,
    pub(crate) from: Option<Span>,
    pub(crate) source: Option<Span>,
    pub(crate) detail: Option<Span>,
    /// `#[headers]`: the field holds extra headers (a `HeaderMap` or `Option<HeaderMap>`).
    pub(crate) headers: Option<Span>,
    /// `#[status]`: the field's value (an `http::StatusCode` or a `u16`) is the status.
    pub(crate) status: Option<Span>,
    /// `#[code]`: the field's value (a string, or an `Option` of one) is the code.
    pub(crate) code: Option<Span>,
}

const HTTP_OPTIONS: [&str; 12] = [
    "format",
    "shape",
    "body",
    "category",
    "codes",
    "type_base",
    "code",
    "expose",
    "expose_headers",
    "unregistered",
    "without_required_headers",
    "skip",
];

/// The attributes of a type or variant; field attributes found here are errors.
pub(crate) fn item(attrs: &[Attribute], errors: &mut Errors) -> Attrs {
    let mut out = Attrs::default();
    let mut misplaced_transparent = false;
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("status") {
            let status = status(attr, errors);
            if out.status.is_some() {
                errors.push(syn::Error::new_spanned(
                    attr,
                    "duplicate #[status] attribute: an item has one status; remove one of them",
                ));
            } else {
                out.status = Some(status);
            }
        } else if path.is_ident("header") {
            if let Some(header) = header(attr, errors) {
                out.headers.push(header);
            }
        } else if path.is_ident("http") {
            http(attr, &mut out.http, errors);
        } else if path.is_ident("error") {
            out.thiserror_display = true;
            #[cfg(feature = "openapi")]
            {
                let mut text = None;
                let parsed = parse_args(attr, &mut |input| {
                    let lit: LitStr = input.parse()?;
                    input.parse::<TokenStream>()?;
                    text = Some(lit.value());
                    Ok(())
                });
                out.thiserror_text = parsed.ok().and(text);
            }
        } else if path.is_ident("transparent") {
            misplaced_transparent = true;
            errors.push(syn::Error::new_spanned(
                attr,
                "#[transparent] belongs on a field: it marks the error a transparent variant forwards to; to make this one transparent, write #[status(transparent)]",
            ));
        } else if path.is_ident("detail") {
            errors.push(syn::Error::new_spanned(
                attr,
                "#[detail] belongs on a field: it puts that field into the body; move it onto the field",
            ));
        } else if path.is_ident("code") {
            errors.push(syn::Error::new_spanned(
                attr,
                "#[code] belongs on a field: it makes that field's value the code; for a code written here, use #[http(code = \"...\")]",
            ));
        } else if path.is_ident("headers") {
            errors.push(syn::Error::new_spanned(
                attr,
                "#[headers] belongs on a field: it sends the headers that field holds (a `HeaderMap`); move it onto the field, or write one header with #[header(NAME, \"value\")]",
            ));
        } else if (path.is_ident("from") || path.is_ident("source"))
            && matches!(attr.meta, Meta::Path(_))
        {
            let name = if path.is_ident("from") {
                "from"
            } else {
                "source"
            };
            errors.push(syn::Error::new_spanned(
                attr,
                format!("#[{name}] belongs on a field, not on a variant or type: move it onto the field that holds the cause"),
            ));
        }
    }
    // Meant as `#[status(transparent)]`: a status present but invalid, not also a missing one.
    if misplaced_transparent && out.status.is_none() {
        out.status = Some(Status {
            kind: StatusKind::Invalid,
            template: None,
        });
    }
    out
}

/// The attributes of a field; item attributes found here are errors.
pub(crate) fn field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let path = attr.path();
        let slot = if path.is_ident("transparent") {
            &mut out.transparent
        } else if path.is_ident("from") {
            // `#[from(...)]` and `#[from = ...]` belong to derive_more and the like.
            if !matches!(attr.meta, Meta::Path(_)) {
                continue;
            }
            &mut out.from
        } else if path.is_ident("source") {
            &mut out.source
        } else if path.is_ident("detail") {
            &mut out.detail
        } else if path.is_ident("headers") {
            &mut out.headers
        } else if path.is_ident("code") {
            &mut out.code
        } else if path.is_ident("status") && matches!(attr.meta, Meta::Path(_)) {
            &mut out.status
        } else {
            for name in ["status", "header", "http"] {
                if path.is_ident(name) {
                    let hint = if name == "status" {
                        "; a bare #[status] on a field makes that field's value the status"
                    } else {
                        ""
                    };
                    errors.push(syn::Error::new_spanned(
                        attr,
                        format!("#[{name}] belongs on a variant or on the type, not on a field: move it above the variant{hint}"),
                    ));
                }
            }
            continue;
        };
        let name = path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        if let Err(error) = attr.meta.require_path_only() {
            errors.at(
                error.span(),
                format!("#[{name}] takes no arguments: write #[{name}]"),
            );
            // The field is still marked, as meant: no second error for a missing marker.
            if name == "transparent" && slot.is_none() {
                *slot = Some(path.span());
            }
        } else if slot.is_some() {
            errors.push(syn::Error::new_spanned(
                attr,
                format!("duplicate #[{name}] attribute: remove one of them"),
            ));
        } else {
            // The attribute's name: the whole of a bare `#[from]`, where a caret under `#`
            // alone would be lost.
            *slot = Some(path.span());
        }
    }
    out
}

// #[status(404)] #[status(NOT_FOUND)] #[status(StatusCode::NOT_FOUND, "template", args…)] #[status(transparent)]
fn status(attr: &Attribute, errors: &mut Errors) -> Status {
    let Meta::List(_) = attr.meta else {
        errors.push(syn::Error::new_spanned(attr, "expected a status: #[status(404)], #[status(NOT_FOUND)], #[status(404, \"message\")] or #[status(transparent)]"));
        return Status {
            kind: StatusKind::Invalid,
            template: None,
        };
    };
    let mut template = None;
    let mut kind = StatusKind::Invalid;
    let parsed = parse_args(attr, &mut |input| {
        // `#[status("message")]`: the status is a field's (a numeric string is a mistyped code,
        // which `status_kind` reports).
        if input.peek(LitStr) {
            let fork = input.fork();
            let lit: LitStr = fork.parse()?;
            if lit.value().trim().parse::<u64>().is_err() {
                kind = StatusKind::Runtime(lit.span());
                template = template_from(input, Value::Message, errors)?;
                return Ok(());
            }
        }
        if input.peek(kw::with) && !input.peek2(Token![::]) {
            kind = with(input)?;
        } else {
            kind = status_kind(input, errors)?;
            if input.peek(Token![,]) && input.peek2(kw::with) {
                input.parse::<Token![,]>()?;
                let keyword: kw::with = input.parse()?;
                return Err(syn::Error::new(
                    keyword.span,
                    "a status is either written here or chosen at run time by `with`, not both: remove the status code, or `with = ...`",
                ));
            }
        }
        template = template_after_comma(input, Value::Message, errors)?;
        Ok(())
    });
    errors.ok(parsed);
    Status { kind, template }
}

/// `with = path::to_fn`, and no status code after it.
fn with(input: ParseStream) -> syn::Result<StatusKind> {
    let keyword: kw::with = input.parse()?;
    let example = "#[status(with = path::to_fn)], a function of the variant's fields that returns an `http::StatusCode` or a `u16`";
    if !input.peek(Token![=]) {
        return Err(syn::Error::new(
            keyword.span,
            format!("`with` needs the function that chooses the status: {example}"),
        ));
    }
    let eq: Token![=] = input.parse()?;
    if !(input.peek(syn::Ident) || input.peek(Token![::])) {
        let at = if input.is_empty() {
            eq.span
        } else {
            input.span()
        };
        return Err(syn::Error::new(
            at,
            format!(
                "`with` takes the path of a function, not a string or an expression: {example}"
            ),
        ));
    }
    let path: Path = input.parse()?;
    if input.peek(Token![,]) && (input.peek2(LitInt) || input.peek2(syn::Ident)) {
        input.parse::<Token![,]>()?;
        let token: proc_macro2::TokenTree = input.parse()?;
        return Err(syn::Error::new(
            token.span(),
            "a status chosen at run time by `with` has no status code of its own: remove it (a message may follow, like #[status(with = io_status, \"i/o failed\")])",
        ));
    }
    Ok(StatusKind::With(path))
}

pub(crate) fn status_kind(input: ParseStream, errors: &mut Errors) -> syn::Result<StatusKind> {
    if input.is_empty() {
        return Err(syn::Error::new(
            input.span(),
            "missing status code: write one, like 404 or NOT_FOUND",
        ));
    }
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        return Ok(match lit.base10_parse::<u64>() {
            Ok(code) => StatusKind::Code {
                code,
                span: lit.span(),
            },
            Err(_) => {
                errors.at(
                    lit.span(),
                    format!(
                        "`{lit}` is not a status code: expected a number in 100..=599, like 404"
                    ),
                );
                StatusKind::Invalid
            }
        });
    }
    if input.peek(kw::transparent) && !input.peek2(Token![::]) {
        let keyword: kw::transparent = input.parse()?;
        return Ok(StatusKind::Transparent(keyword.span));
    }
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        let message = match lit.value().trim().parse::<u64>() {
            Ok(code) => format!("a status code is a number, not a string: write {code}"),
            Err(_) => {
                "expected a status code before the message, like #[status(404, \"user not found\")]"
                    .to_owned()
            }
        };
        return Err(syn::Error::new(lit.span(), message));
    }
    if input.peek(syn::Ident) && input.peek2(Token![=]) {
        let ident: syn::Ident = input.parse()?;
        return Err(syn::Error::new(
            ident.span(),
            format!(
                "#[status] takes the status itself, not `{ident} = ...`: write #[status(404)] or #[status(404, \"message\")]"
            ),
        ));
    }
    if input.peek(syn::Ident) || input.peek(Token![::]) {
        let path = Path::parse_mod_style(input)?;
        let Some(last) = path.segments.last() else {
            return Err(syn::Error::new(path.span(), "expected a status code"));
        };
        let name = last.ident.to_string();
        return Ok(match crate::codes::by_name(&name) {
            Some(row) => StatusCode(row.code, last.ident.span()).into(),
            None => {
                let message = match crate::names::did_you_mean(&name, &crate::codes::names()) {
                    Some(close) => format!("unknown status `{name}`; did you mean `{close}`?"),
                    None => format!(
                        "unknown status `{name}`: expected an `http::StatusCode` constant like NOT_FOUND, or a number like 404"
                    ),
                };
                errors.at(last.ident.span(), message);
                StatusKind::Invalid
            }
        });
    }
    Err(input.error("expected a status code, like 404 or NOT_FOUND, or `transparent`"))
}

struct StatusCode(u16, Span);

impl From<StatusCode> for StatusKind {
    fn from(StatusCode(code, span): StatusCode) -> Self {
        StatusKind::Code {
            code: u64::from(code),
            span,
        }
    }
}

/// What a template after a comma is, for the wording of errors.
#[derive(Clone, Copy)]
enum Value {
    Message,
    Header,
}

/// `, "template", args…` after a status or header name; nothing at all is allowed too.
/// `None` also when the template is invalid: its error is recorded.
fn template_after_comma(
    input: ParseStream,
    what: Value,
    errors: &mut Errors,
) -> syn::Result<Option<Template>> {
    if input.is_empty() {
        return Ok(None);
    }
    if !input.peek(Token![,]) {
        return Err(input.error(match what {
            Value::Message => "expected `,` and a message after the status, like #[status(404, \"user {id} not found\")]",
            Value::Header => "expected `,` and a value after the header name, like #[header(RETRY_AFTER, \"{secs}\")]",
        }));
    }
    input.parse::<Token![,]>()?;
    if input.is_empty() {
        return Ok(None);
    }
    template_from(input, what, errors)
}

/// `"template", args…`.
fn template_from(
    input: ParseStream,
    what: Value,
    errors: &mut Errors,
) -> syn::Result<Option<Template>> {
    if !input.peek(LitStr) {
        return Err(input.error(match what {
            Value::Message => "expected the message as a string literal, like \"user {id} not found\" (its placeholders are checked at compile time, so a constant will not do)",
            Value::Header => "expected the header value as a string, like \"120\" or \"{secs}\"",
        }));
    }
    let lit: LitStr = input.parse()?;
    let args = if input.is_empty() {
        TokenStream::new()
    } else {
        if !input.peek(Token![,]) {
            return Err(input.error(
                "expected `,` before the template's arguments, like \"{} items\", .items.len()",
            ));
        }
        input.parse::<Token![,]>()?;
        input.parse::<TokenStream>()?
    };
    Ok(Template::parse(lit, args, errors))
}

// #[header(RETRY_AFTER, "{secs}")] #[header("x-request-id", "{id}")] #[header(header::ALLOW, "GET")]
fn header(attr: &Attribute, errors: &mut Errors) -> Option<Header> {
    // `[header(…)]`: the whole attribute but for the `#`, as one span.
    let span = attr.bracket_token.span.join();
    let mut out = None;
    let parsed = parse_args(attr, &mut |input| {
        if input.peek(syn::Ident) && input.peek2(Token![=]) {
            let ident: syn::Ident = input.parse()?;
            return Err(syn::Error::new(
                ident.span(),
                format!(
                    "#[header] takes the name and the value in order, not `{ident} = ...`: write #[header(\"x-request-id\", \"{{id}}\")]"
                ),
            ));
        }
        let (name, name_span) = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            (header_string(&lit, errors), lit.span())
        } else if input.peek(syn::Ident) || input.peek(Token![::]) {
            let path = Path::parse_mod_style(input)?;
            let ident = &path
                .segments
                .last()
                .ok_or_else(|| syn::Error::new(path.span(), "expected a header name"))?
                .ident;
            (header_constant(ident, errors), ident.span())
        } else {
            return Err(input.error("expected a header name: an `http::header` constant like RETRY_AFTER, or a string like \"x-request-id\""));
        };
        if input.is_empty() {
            return Err(syn::Error::new(
                name_span,
                "a header needs a value: #[header(NAME, \"value\")], for example #[header(RETRY_AFTER, \"{secs}\")]",
            ));
        }
        let fork = input.fork();
        if fork.parse::<Token![,]>().is_ok() && fork.is_empty() {
            return Err(syn::Error::new(
                name_span,
                "a header needs a value: #[header(NAME, \"value\")]",
            ));
        }
        // `None` here means the value is an invalid template, already reported.
        let value = template_after_comma(input, Value::Header, errors)?;
        if let Some(name) = name {
            out = Some(Header {
                span,
                name,
                name_span,
                value,
            });
        }
        Ok(())
    });
    errors.ok(parsed);
    out
}

/// `attr.parse_args_with`, compiled once for all its callers.
fn parse_args(
    attr: &Attribute,
    parser: &mut dyn FnMut(ParseStream) -> syn::Result<()>,
) -> syn::Result<()> {
    attr.parse_args_with(|input: ParseStream| parser(input))
}

fn header_string(lit: &LitStr, errors: &mut Errors) -> Option<String> {
    let name = lit.value();
    let mut valid = !name.is_empty();
    for c in name.chars() {
        valid &= c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    }
    if !valid {
        errors.at(
            lit.span(),
            format!("invalid header name {name:?}: a header name is one or more letters, digits or !#$%&'*+-.^_`|~, with no spaces"),
        );
        return None;
    }
    Some(name.to_ascii_lowercase())
}

fn header_constant(ident: &syn::Ident, errors: &mut Errors) -> Option<String> {
    let name = ident.to_string();
    let mut constants = Vec::with_capacity(crate::headers::HEADERS.len());
    for &(constant, header) in crate::headers::HEADERS {
        if constant == name {
            return Some(header.to_owned());
        }
        constants.push(constant);
    }
    let suggestion = crate::names::did_you_mean(&name, &constants);
    let message = match suggestion {
        Some(close) => format!("unknown header constant `{name}`; did you mean `{close}`?"),
        None => format!(
            "unknown header constant `{name}`: use an `http::header` constant, or write the name as a string like \"x-my-header\""
        ),
    };
    errors.at(ident.span(), message);
    None
}

// #[http(format = "problem", codes, type_base = "…", code = "…", expose, unregistered, without_required_headers, skip(Display, …))]
fn http(attr: &Attribute, out: &mut Http, errors: &mut Errors) {
    let parsed = attr.parse_nested_meta(|meta| {
        let span = meta.path.span();
        let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let flag = |slot: &mut Option<Span>, errors: &mut Errors| {
            if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                errors.at(span, format!("`{key}` is a flag and takes no value: write #[http({key})]"));
                skip_value(meta.input)?;
            } else if slot.is_some() {
                errors.at(span, format!("duplicate #[http] option `{key}`: remove one of them"));
            } else {
                *slot = Some(span);
            }
            syn::Result::Ok(())
        };
        // `= "string"`, or `None` after recording why not.
        let string = |errors: &mut Errors| {
            let example = match key.as_str() {
                "format" => "#[http(format = \"problem\")]",
                "code" => "#[http(code = \"user_not_found\")]",
                "category" => "#[http(category = \"invalid_request\")]",
                _ => "#[http(type_base = \"https://example.com/problems/\")]",
            };
            if !meta.input.peek(Token![=]) {
                errors.at(span, format!("`{key}` needs a value: {example}"));
                skip_value(meta.input)?;
                return syn::Result::Ok(None);
            }
            meta.input.parse::<Token![=]>()?;
            if !meta.input.peek(LitStr) {
                errors.at(meta.input.span(), format!("`{key}` takes a string: {example}"));
                skip_value(meta.input)?;
                return Ok(None);
            }
            Ok(Some(meta.input.parse::<LitStr>()?))
        };
        match key.as_str() {
            "codes" => flag(&mut out.codes, errors)?,
            "expose" => flag(&mut out.expose, errors)?,
            "expose_headers" => flag(&mut out.expose_headers, errors)?,
            "unregistered" => flag(&mut out.unregistered, errors)?,
            "without_required_headers" => flag(&mut out.without_required_headers, errors)?,
            "format" => {
                let Some(lit) = string(errors)? else {
                    return Ok(());
                };
                let format = match lit.value().as_str() {
                    "json" => Some(Format::Json),
                    "problem" => Some(Format::Problem),
                    other => {
                        errors.at(lit.span(), format!("unknown format {other:?}; expected \"json\" (the default) or \"problem\" (RFC 9457)"));
                        None
                    }
                };
                if out.format.is_some() {
                    errors.at(span, "duplicate #[http] option `format`: remove one of them");
                } else if let Some(format) = format {
                    out.format = Some((format, lit.span()));
                }
            }
            "skip" => {
                if !meta.input.peek(syn::token::Paren) {
                    errors.at(span, "`skip` lists the impls to leave out: #[http(skip(Display, Error))]");
                    skip_value(meta.input)?;
                    return Ok(());
                }
                meta.parse_nested_meta(|item| {
                    let name = item.path.get_ident().map(ToString::to_string).unwrap_or_default();
                    let at = item.path.span();
                    let skip = match name.as_str() {
                        "Display" => Skip::Display,
                        "Error" => Skip::Error,
                        "From" => Skip::From,
                        "Serialize" => Skip::Serialize,
                        _ => {
                            let message = match crate::names::did_you_mean(&name, &SKIPPABLE) {
                                Some(close) => format!("`{name}` is not an impl the derive writes; did you mean `{close}`? (it can skip Display, Error, From and Serialize)"),
                                None => format!("`{name}` is not an impl the derive writes: it can skip Display, Error, From and Serialize"),
                            };
                            errors.at(at, message);
                            return skip_value(item.input);
                        }
                    };
                    if out.skip.iter().any(|&(seen, _)| seen == skip) {
                        errors.at(at, format!("`{name}` is skipped twice: remove one"));
                    } else {
                        out.skip.push((skip, at));
                    }
                    Ok(())
                })?;
            }
            "shape" | "body" => {
                let example = if key == "shape" { "#[http(shape = API_SHAPE)], naming a `const API_SHAPE: httperr::Shape`" } else { "#[http(body = MyBody)], naming a value whose type implements `httperr::WriteBody<Self>`" };
                if !meta.input.peek(Token![=]) {
                    errors.at(span, format!("`{key}` needs a value: {example}"));
                    return skip_value(meta.input);
                }
                meta.input.parse::<Token![=]>()?;
                let path = match meta.input.parse::<Path>() {
                    Ok(path) => path,
                    Err(_) => {
                        errors.at(meta.input.span(), format!("`{key}` takes a path: {example}"));
                        return skip_value(meta.input);
                    }
                };
                let slot = if key == "shape" { &mut out.shape } else { &mut out.body };
                if slot.is_some() {
                    errors.at(span, format!("duplicate #[http] option `{key}`: remove one of them"));
                } else {
                    *slot = Some(path);
                }
            }
            "category" => {
                let Some(lit) = string(errors)? else {
                    return Ok(());
                };
                if out.category.is_some() {
                    errors.at(span, "duplicate #[http] option `category`: remove one of them");
                } else {
                    out.category = Some(lit);
                }
            }
            "code" if meta.input.peek(Token![=]) && !meta.input.peek2(LitStr) => {
                meta.input.parse::<Token![=]>()?;
                let Ok(path) = meta.input.parse::<Path>() else {
                    errors.at(meta.input.span(), "`code` takes a string, or the path of a function that chooses it: #[http(code = \"user_not_found\")] or #[http(code = code_of)]");
                    return skip_value(meta.input);
                };
                if out.code.is_some() || out.code_with.is_some() {
                    errors.at(span, "duplicate #[http] option `code`: remove one of them");
                } else {
                    out.code_with = Some(path);
                }
            }
            "type_base" | "code" => {
                let Some(lit) = string(errors)? else {
                    return Ok(());
                };
                let taken = key == "code" && out.code_with.is_some();
                let slot = if key == "code" { &mut out.code } else { &mut out.type_base };
                if slot.is_some() || taken {
                    errors.at(span, format!("duplicate #[http] option `{key}`: remove one of them"));
                } else {
                    *slot = Some(lit);
                }
            }
            _ => {
                let shown = if key.is_empty() { crate::names::spaceless(&quote::ToTokens::to_token_stream(&meta.path).to_string()) } else { key.clone() };
                let mut options = String::new();
                for option in HTTP_OPTIONS {
                    crate::names::push_item(&mut options, option);
                }
                let message = match crate::names::did_you_mean(&key, &HTTP_OPTIONS) {
                    Some(close) => format!("unknown #[http] option `{shown}`; did you mean `{close}`? (options: {options})"),
                    None => format!("unknown #[http] option `{shown}`; expected one of: {options}"),
                };
                errors.at(span, message);
                skip_value(meta.input)?;
            }
        }
        Ok(())
    });
    errors.ok(parsed);
}

/// Skips `= value` or `(…)` after an option that is reported already, to go on to the next one.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}
