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
}

/// The attributes of a type or a variant.
#[derive(Default)]
pub(crate) struct Attrs {
    pub(crate) status: Option<Status>,
    pub(crate) headers: Vec<Header>,
    pub(crate) http: Http,
    /// thiserror's `#[error(...)]` is present: thiserror writes `Display`.
    pub(crate) thiserror_display: bool,
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
    pub(crate) codes: Option<Span>,
    pub(crate) type_base: Option<LitStr>,
    pub(crate) code: Option<LitStr>,
    pub(crate) expose: Option<Span>,
    pub(crate) unregistered: Option<Span>,
    pub(crate) without_required_headers: Option<Span>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Problem,
}

#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) from: Option<Span>,
    pub(crate) source: Option<Span>,
    pub(crate) detail: Option<Span>,
}

const HTTP_OPTIONS: &str =
    "format, codes, type_base, code, expose, unregistered, without_required_headers";

/// The attributes of a type or variant; field attributes found here are errors.
pub(crate) fn item(attrs: &[Attribute], errors: &mut Errors) -> Attrs {
    let mut out = Attrs::default();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("status") {
            let status = status(attr, errors);
            if out.status.is_some() {
                errors.at(
                    attr.span(),
                    "duplicate #[status] attribute: an item has one status; remove one of them",
                );
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
        } else if path.is_ident("detail") {
            errors.at(
                attr.span(),
                "#[detail] belongs on a field: it puts that field into the body",
            );
        } else if (path.is_ident("from") || path.is_ident("source"))
            && matches!(attr.meta, Meta::Path(_))
        {
            let name = if path.is_ident("from") {
                "from"
            } else {
                "source"
            };
            errors.at(
                attr.span(),
                format!("#[{name}] belongs on a field, not on a variant or type"),
            );
        }
    }
    out
}

/// The attributes of a field; item attributes found here are errors.
pub(crate) fn field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let path = attr.path();
        let slot = if path.is_ident("from") {
            // `#[from(...)]` and `#[from = ...]` belong to derive_more and the like.
            if !matches!(attr.meta, Meta::Path(_)) {
                continue;
            }
            &mut out.from
        } else if path.is_ident("source") {
            &mut out.source
        } else if path.is_ident("detail") {
            &mut out.detail
        } else {
            for name in ["status", "header", "http"] {
                if path.is_ident(name) {
                    errors.at(
                        attr.span(),
                        format!("#[{name}] belongs on a variant or on the type, not on a field"),
                    );
                }
            }
            continue;
        };
        let name = path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        if let Err(error) = attr.meta.require_path_only() {
            errors.at(error.span(), format!("#[{name}] takes no arguments"));
        } else if slot.is_some() {
            errors.at(attr.span(), format!("duplicate #[{name}] attribute"));
        } else {
            *slot = Some(attr.span());
        }
    }
    out
}

// #[status(404)] #[status(NOT_FOUND)] #[status(StatusCode::NOT_FOUND, "template", args…)] #[status(transparent)]
fn status(attr: &Attribute, errors: &mut Errors) -> Status {
    let span = attr.span();
    let Meta::List(_) = attr.meta else {
        errors.at(span, "expected a status: #[status(404)], #[status(NOT_FOUND)], #[status(404, \"message\")] or #[status(transparent)]");
        return Status {
            kind: StatusKind::Invalid,
            template: None,
        };
    };
    let mut template = None;
    let mut kind = StatusKind::Invalid;
    let parsed = attr.parse_args_with(|input: ParseStream| {
        kind = status_kind(input, errors)?;
        template = template_after_comma(input, errors)?;
        Ok(())
    });
    errors.ok(parsed);
    Status { kind, template }
}

pub(crate) fn status_kind(input: ParseStream, errors: &mut Errors) -> syn::Result<StatusKind> {
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        return Ok(match lit.base10_parse::<u64>() {
            Ok(code) => StatusKind::Code {
                code,
                span: lit.span(),
            },
            Err(_) => {
                errors.at(lit.span(), "expected a status code in 100..=599, like 404");
                StatusKind::Invalid
            }
        });
    }
    if input.peek(kw::transparent) && !input.peek2(Token![::]) {
        let keyword: kw::transparent = input.parse()?;
        return Ok(StatusKind::Transparent(keyword.span));
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
                let message = match crate::names::did_you_mean(&name, crate::codes::names()) {
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

/// `, "template", args…` after a status or header name; nothing at all is allowed too.
fn template_after_comma(input: ParseStream, errors: &mut Errors) -> syn::Result<Option<Template>> {
    if input.is_empty() {
        return Ok(None);
    }
    input.parse::<Token![,]>()?;
    if input.is_empty() {
        return Ok(None);
    }
    if !input.peek(LitStr) {
        return Err(input.error("expected a message template string, like \"user {id} not found\""));
    }
    let lit: LitStr = input.parse()?;
    let args = if input.is_empty() {
        TokenStream::new()
    } else {
        input.parse::<Token![,]>()?;
        input.parse::<TokenStream>()?
    };
    Ok(Template::parse(lit, args, errors))
}

// #[header(RETRY_AFTER, "{secs}")] #[header("x-request-id", "{id}")] #[header(header::ALLOW, "GET")]
fn header(attr: &Attribute, errors: &mut Errors) -> Option<Header> {
    let span = attr.span();
    let parsed = attr.parse_args_with(|input: ParseStream| {
        let (name, name_span) = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            (header_string(&lit, errors), lit.span())
        } else if input.peek(syn::Ident) || input.peek(Token![::]) {
            let path = Path::parse_mod_style(input)?;
            let ident = &path.segments.last().ok_or_else(|| syn::Error::new(path.span(), "expected a header name"))?.ident;
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
        let value = template_after_comma(input, errors)?;
        if value.is_none() {
            return Err(syn::Error::new(name_span, "a header needs a value: #[header(NAME, \"value\")]"));
        }
        Ok(name.map(|name| Header { span, name, name_span, value }))
    });
    errors.ok(parsed).flatten()
}

fn header_string(lit: &LitStr, errors: &mut Errors) -> Option<String> {
    let name = lit.value();
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
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
    if let Some((_, header)) = crate::headers::HEADERS
        .iter()
        .find(|(constant, _)| *constant == name)
    {
        return Some((*header).to_owned());
    }
    let suggestion = crate::names::did_you_mean(
        &name,
        crate::headers::HEADERS
            .iter()
            .map(|(constant, _)| *constant),
    );
    let message = match suggestion {
        Some(close) => format!("unknown header constant `{name}`; did you mean `{close}`?"),
        None => format!(
            "unknown header constant `{name}`: use an `http::header` constant, or write the name as a string like \"x-my-header\""
        ),
    };
    errors.at(ident.span(), message);
    None
}

// #[http(format = "problem", codes, type_base = "…", code = "…", expose, unregistered, without_required_headers)]
fn http(attr: &Attribute, out: &mut Http, errors: &mut Errors) {
    let parsed = attr.parse_nested_meta(|meta| {
        let span = meta.path.span();
        let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let flag = |slot: &mut Option<Span>, errors: &mut Errors| {
            if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                errors.at(span, format!("#[http({key})] takes no value"));
                skip_value(meta.input)?;
            } else if slot.is_some() {
                errors.at(span, format!("duplicate #[http] option `{key}`"));
            } else {
                *slot = Some(span);
            }
            syn::Result::Ok(())
        };
        match key.as_str() {
            "codes" => flag(&mut out.codes, errors)?,
            "expose" => flag(&mut out.expose, errors)?,
            "unregistered" => flag(&mut out.unregistered, errors)?,
            "without_required_headers" => flag(&mut out.without_required_headers, errors)?,
            "format" => {
                let lit: LitStr = meta.value()?.parse()?;
                let format = match lit.value().as_str() {
                    "json" => Some(Format::Json),
                    "problem" => Some(Format::Problem),
                    other => {
                        errors.at(lit.span(), format!("unknown format {other:?}; expected \"json\" (the default) or \"problem\" (RFC 9457)"));
                        None
                    }
                };
                if out.format.is_some() {
                    errors.at(span, "duplicate #[http] option `format`");
                } else if let Some(format) = format {
                    out.format = Some((format, lit.span()));
                }
            }
            "type_base" | "code" => {
                let lit: LitStr = meta.value()?.parse()?;
                let slot = if key == "code" { &mut out.code } else { &mut out.type_base };
                if slot.is_some() {
                    errors.at(span, format!("duplicate #[http] option `{key}`"));
                } else {
                    *slot = Some(lit);
                }
            }
            _ => {
                let shown = if key.is_empty() { quote::ToTokens::to_token_stream(&meta.path).to_string() } else { key.clone() };
                let message = match crate::names::did_you_mean(&key, HTTP_OPTIONS.split(", ")) {
                    Some(close) => format!("unknown #[http] option `{shown}`; did you mean `{close}`? (options: {HTTP_OPTIONS})"),
                    None => format!("unknown #[http] option `{shown}`; expected one of: {HTTP_OPTIONS}"),
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
