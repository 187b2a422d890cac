//! The rules of a transparent variant: the field it forwards to (`#[transparent]`, or its only
//! field) and what it may not say itself, since everything of its response is that field's.

use crate::ast::Variant;
use crate::attr::{Attrs, Status};
use crate::errors::Errors;
use crate::plan::{Display, Response};
use proc_macro2::Span;

/// `span`: where a missing field or marker is reported.
pub(crate) fn check(
    variant: &Variant<'_>,
    attrs: &Attrs,
    status: &Status,
    span: Span,
    errors: &mut Errors,
) -> Option<(Response, Display)> {
    let mut ok = true;
    let count = variant.fields.len();
    let mut marked = None;
    for (i, field) in variant.fields.iter().enumerate() {
        if let Some(marker) = field.attrs.transparent {
            if marked.is_some() {
                errors.at(marker, "a transparent variant forwards to one field, and another one is already marked #[transparent]: keep the marker on the error the response comes from");
                ok = false;
            } else {
                marked = Some(i);
            }
        }
    }
    let forwarded = match (marked, count) {
        (Some(i), _) => Some(i),
        (None, 1) => Some(0),
        (None, 0) => {
            errors.at(
                span,
                "#[status(transparent)] needs a field, the error it forwards to; this has none",
            );
            None
        }
        (None, _) => {
            errors.at(span, format!("#[status(transparent)] forwards to one field, and this has {count}: mark the error the response comes from with #[transparent]"));
            None
        }
    };
    if let Some(i) = forwarded {
        let field = &variant.fields[i];
        if let (Some(from), true) = (field.attrs.from, count > 1) {
            errors.at(from, format!("#[from] would build this variant from the wrapped error alone, but it has {} other field{}: remove #[from] and build the variant by hand", count - 1, if count == 2 { "" } else { "s" }));
            ok = false;
        }
        if let Some(source) = field.attrs.source {
            errors.at(
                source,
                "a transparent variant's `source()` is the wrapped error's own source: remove #[source] (the field is not the source, it is the error)",
            );
            ok = false;
        }
    }
    if let Some(template) = &status.template {
        errors.at(
            template.lit.span(),
            "#[status(transparent)] takes its message from the wrapped error: remove this template",
        );
        ok = false;
    }
    for header in &attrs.headers {
        errors.at(
            header.span,
            "a transparent variant sends the headers of the error it wraps: remove this #[header]",
        );
        ok = false;
    }
    if let Some(code) = &attrs.http.code {
        errors.at(
            code.span(),
            "a transparent variant takes its code from the error it wraps: remove `code`",
        );
        ok = false;
    }
    if let Some(expose) = attrs.http.expose_headers {
        errors.at(expose, "a transparent variant sends the headers of the error it wraps: remove `expose_headers`");
        ok = false;
    }
    if let Some(expose) = attrs.http.expose {
        errors.at(expose, "a transparent variant follows the message rules of the error it wraps: remove `expose`");
        ok = false;
    }
    for field in &variant.fields {
        if let Some(marker) = field.attrs.status {
            errors.at(
                marker,
                "a transparent variant's status is the wrapped error's: remove #[status] from the field",
            );
            ok = false;
        }
        if let Some(detail) = field.attrs.detail {
            errors.at(
                detail,
                "a transparent variant's body is the wrapped error's: #[detail] has no place here",
            );
            ok = false;
        }
        if let Some(headers) = field.attrs.headers {
            errors.at(
                headers,
                "a transparent variant sends the headers of the error it wraps: remove #[headers]",
            );
            ok = false;
        }
    }
    let i = forwarded?;
    ok.then_some((Response::Transparent(i), Display::Transparent(i)))
}
