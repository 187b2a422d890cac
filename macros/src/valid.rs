//! Checks the model against every rule of the spec and resolves it into the plan `expand` reads.
//!
//! Every rule records its error and moves on, so one build lists all the problems of a type.

use crate::ast::{Field, Input, Style, Variant};
use crate::attr::{Attrs, Format, Skip, Status, StatusKind};
use crate::codes;
use crate::errors::Errors;
use crate::plan::{
    self, Cause, Display, HeaderPlan, Impls, Message, Own, Plan, Response, RuntimeStatus,
    StatusSource, VariantPlan,
};
use crate::route;
use proc_macro2::Span;
use syn::LitStr;
use syn::spanned::Spanned;

pub(crate) fn check<'a>(input: &'a Input<'a>, errors: &mut Errors) -> Plan<'a> {
    let type_attrs = &input.attrs;
    check_type_options(input, errors);
    let default = if input.is_enum {
        type_attrs.status.as_ref()
    } else {
        None
    };
    if let Some(default) = default {
        match &default.kind {
            &StatusKind::Code { code, span } => {
                codes::check(
                    code,
                    span,
                    type_attrs.http.unregistered.is_some(),
                    true,
                    errors,
                );
            }
            StatusKind::With(path) => errors.at(path.span(), "a status chosen at run time goes on a variant, whose fields it reads: move #[status(with = ...)] onto each variant"),
            &StatusKind::Runtime(span) => errors.at(span, "an enum's default #[status] needs a status code before the message, like #[status(500, \"internal error\")]; a message alone is for a variant with a #[status] field"),
            StatusKind::Transparent(_) | StatusKind::Invalid => {}
        }
    }
    if input.is_enum {
        for header in &type_attrs.headers {
            errors.at(header.span, "#[header] goes on a variant (or a struct), not on an enum: put it on each variant that sends it");
        }
    }
    check_from_types(input, errors);
    if let Some(template) = default.and_then(|default| default.template.as_ref()) {
        // A default every variant overrides is never resolved against a variant: check it
        // on its own, as a template that reads no field.
        let mut inherited = false;
        for variant in &input.variants {
            inherited |= variant.attrs.status.is_none();
        }
        if !inherited {
            template.resolve(&[], errors);
        }
    }

    let mut variants = Vec::with_capacity(input.variants.len());
    for variant in &input.variants {
        if let Some((response, display)) = check_variant(input, variant, default, errors) {
            let forwarded = match response {
                Response::Transparent(i) => Some(i),
                Response::Own(_) => None,
            };
            variants.push(VariantPlan {
                variant,
                response,
                display,
                source: source_field(&variant.fields, forwarded).map(|i| cause(variant, i)),
                from: from_field(&variant.fields).map(|i| cause(variant, i)),
            });
        }
    }
    let impls = impls(input);
    // Each declared shape once: generated code reads it through a constant of its own.
    let mut shapes: Vec<plan::UserPath> = Vec::new();
    for variant in &variants {
        if let Response::Own(own) = &variant.response {
            if let plan::Format::Shape { path, .. } = &own.format {
                if !shapes.contains(path) {
                    shapes.push(path.clone());
                }
            }
        }
    }
    let problem_base = match shapes.contains(&problem_shape_path()) {
        true => type_attrs.http.type_base.as_ref().map(LitStr::value),
        false => None,
    };
    Plan {
        input,
        shapes,
        problem_base,
        methods: crate::arms::methods(&variants, impls.display),
        bounds: crate::bound::infer(input, &variants, impls.display),
        variants,
        impls,
    }
}

/// The impls to write: thiserror writes `Display`, `Error` and `From` when the type carries its
/// `#[error]`; `#[http(skip(...))]` leaves any of them, and `Serialize`, to the user.
fn impls(input: &Input<'_>) -> Impls {
    let skipped = |impl_: Skip| input.attrs.http.skip.iter().any(|&(skip, _)| skip == impl_);
    Impls {
        display: !input.thiserror && !skipped(Skip::Display),
        error: !input.thiserror && !skipped(Skip::Error),
        from: !input.thiserror && !skipped(Skip::From),
        serialize: !skipped(Skip::Serialize),
    }
}

/// The field `Error::source` returns: an explicit `#[source]` or `#[from]` first, else a
/// field named `source` (as thiserror decides). Never the `forwarded` field of a transparent
/// variant: that one is the error itself, whose own source is then the source.
fn source_field(fields: &[Field<'_>], forwarded: Option<usize>) -> Option<usize> {
    let mut named = None;
    for (i, field) in fields.iter().enumerate() {
        if Some(i) == forwarded {
            continue;
        }
        if field.attrs.source.is_some() || field.attrs.from.is_some() {
            return Some(i);
        }
        if named.is_none() && field.is_source() {
            named = Some(i);
        }
    }
    named
}

fn cause(variant: &Variant<'_>, field: usize) -> Cause {
    Cause {
        field,
        optional: variant.fields[field].option_inner().is_some(),
    }
}

/// The field a `From` impl is written for: `#[from]` on a variant's only field.
fn from_field(fields: &[Field<'_>]) -> Option<usize> {
    match fields {
        [field] if field.attrs.from.is_some() => Some(0),
        _ => None,
    }
}

fn check_type_options(input: &Input<'_>, errors: &mut Errors) {
    let http = &input.attrs.http;
    let format = format_of(http);
    check_shape_options(http, errors);
    if let Some((_, span)) = http.format {
        if http.shape.is_some() || http.body.is_some() {
            errors.at(span, "`format` and a declared `shape` or `body` both choose the body: keep one (`httperr::Shape::problem()` is the problem format as a shape)");
        }
    }
    if let Some(base) = &http.type_base {
        if format != Format::Problem {
            errors.at(base.span(), "`type_base` sets the problem `type` URI, so it needs #[http(format = \"problem\")] on the type");
        }
        let value = base.value();
        let mut valid = !value.is_empty();
        for c in value.chars() {
            valid &= !(c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c));
        }
        if !valid {
            errors.at(base.span(), format!("invalid type_base {value:?}: it must be a URI, like \"https://example.com/problems/\""));
        }
    }
    if input.is_enum {
        if let Some(with) = &http.code_with {
            errors.at(with.span(), "a code chosen at run time reads a variant's fields: put #[http(code = ...)] on each variant");
        }
        if let Some(code) = &http.code {
            errors.at(code.span(), "`code` names one variant's code: put #[http(code = \"...\")] on the variant, or use #[http(codes)] here to give every variant its snake_case name");
        }
        if let Some(span) = http.expose_headers {
            errors.at(span, "`expose_headers` goes on each 5xx variant whose header values may be shown to clients, not on the enum");
        }
        if let Some(span) = http.expose {
            errors.at(span, "`expose` goes on each 5xx variant whose message may be shown to clients, not on the enum");
        }
    }
}

/// Two `#[from]` of one type would be two `From` impls for it.
fn check_from_types(input: &Input<'_>, errors: &mut Errors) {
    let mut seen: Vec<String> = Vec::new();
    for variant in &input.variants {
        for field in &variant.fields {
            if let Some(span) = field.attrs.from {
                let ty = field.option_inner().unwrap_or(field.ty);
                let ty = quote::ToTokens::to_token_stream(ty).to_string();
                if seen.contains(&ty) {
                    let ty = type_name(&ty);
                    errors.at(span, format!("another variant already has #[from] for `{ty}`: `From<{ty}>` can be implemented only once; mark one of them #[source] instead"));
                } else {
                    seen.push(ty);
                }
            }
        }
    }
}

fn check_variant(
    input: &Input<'_>,
    variant: &Variant<'_>,
    default: Option<&Status>,
    errors: &mut Errors,
) -> Option<(Response, Display)> {
    let attrs = input.attrs_of(variant);
    let type_http = &input.attrs.http;
    if input.is_enum {
        check_variant_options(attrs, errors);
    }
    let transparent = match attrs.status.as_ref().or(default) {
        Some(status) => matches!(status.kind, StatusKind::Transparent(_)),
        None => false,
    };
    check_fields(variant, input.thiserror, transparent, errors);

    let mut status_field = None;
    for (i, field) in variant.fields.iter().enumerate() {
        if let Some(marker) = field.attrs.status {
            if status_field.is_some() {
                errors.at(marker, "a variant has one status, and another field is already marked #[status]: remove #[status] from one of them");
            } else {
                status_field = Some((i, marker));
            }
        }
    }
    // The status a `#[status]` field or `with` chooses at run time.
    let mut runtime = None;
    // A variant with a `#[status]` field and no `#[status]` attribute: as `#[status("")]`
    // without the message.
    let from_field = Status {
        kind: StatusKind::Runtime(variant.span()),
        template: None,
    };
    let (status, inherited) = match (&attrs.status, default) {
        (Some(own), _) => {
            match (&own.kind, status_field) {
                (StatusKind::Code { code, span }, Some((i, _))) => {
                    errors.at(*span, format!("the status comes from the #[status] field `{}`, so it is not also written here: remove `{code}` (a message may stay, as #[status(\"...\")])", variant.fields[i].name));
                    return None;
                }
                (StatusKind::With(_), Some((_, marker))) => {
                    errors.at(marker, "the status is chosen by `with`, so no field is marked #[status]: remove #[status] from the field, or `with = ...` from the variant");
                    return None;
                }
                (StatusKind::With(path), None) => runtime = Some(StatusSource::With(path.clone())),
                (StatusKind::Runtime(span), None) => {
                    errors.at(*span, "expected a status code before the message, like #[status(404, \"user not found\")]; a message alone is for a variant whose status is a field marked #[status]");
                    return None;
                }
                (StatusKind::Runtime(_), Some((i, _))) => runtime = Some(StatusSource::Field(i)),
                _ => {}
            }
            (own, false)
        }
        // The field chooses the status: the enum's default (and its message) is not this one's.
        (None, _) if status_field.is_some() && !transparent => {
            runtime = status_field.map(|(i, _)| StatusSource::Field(i));
            (&from_field, false)
        }
        (None, Some(default)) => (default, true),
        (None, None) => {
            let name = variant.ident;
            let message = if input.is_enum {
                format!(
                    "missing #[status(...)] on variant `{name}`: add one, like #[status(404)], or set a default for all variants with #[status(...)] on the enum"
                )
            } else {
                format!("missing #[status(...)] on struct `{name}`: add one, like #[status(404)]")
            };
            errors.at(variant.span(), message);
            return None;
        }
    };

    let (code, code_span) = match status.kind {
        StatusKind::Invalid => return None,
        StatusKind::Transparent(span) => {
            // An inherited keyword is the enum's: the variant is what to point at.
            let at = if inherited { variant.span() } else { span };
            return crate::transparent::check(variant, attrs, status, at, errors);
        }
        StatusKind::Code { code, span } => (code, span),
        // An enum's default chosen at run time is reported on the enum.
        StatusKind::With(_) | StatusKind::Runtime(_) if inherited => return None,
        // A nominal 500: a status chosen at run time is treated as a hidden 5xx wherever the
        // derive decides at compile time.
        StatusKind::With(ref path) => (500, path.span()),
        StatusKind::Runtime(span) => (500, span),
    };
    for field in &variant.fields {
        if let Some(marker) = field.attrs.transparent {
            errors.at(marker, "#[transparent] marks the error a #[status(transparent)] variant forwards to, but this variant has a status of its own: remove #[transparent], or make the variant #[status(transparent)]");
        }
    }
    if runtime.is_some() {
        // Checked at run time.
    } else if !inherited {
        let unregistered = attrs.http.unregistered.is_some() || type_http.unregistered.is_some();
        if !codes::check(code, code_span, unregistered, true, errors) {
            return None;
        }
    } else if !(400..=599).contains(&code) {
        return None;
    }
    let code = code as u16;
    let report_span = if inherited { variant.span() } else { code_span };

    if let Some(expose) = attrs.http.expose_headers {
        if code < 500 && runtime.is_none() {
            errors.at(expose, format!("`expose_headers` has no effect on a {code}: only 5xx responses hide their fields; remove it"));
        }
    }
    if let Some(expose) = attrs.http.expose {
        if code < 500 && runtime.is_none() {
            errors.at(expose, format!("`expose` has no effect on a {code}: only 5xx messages are hidden from clients; remove it"));
        }
    }

    let fields = variant.refs();
    let template = match &status.template {
        None => None,
        Some(template) if inherited => {
            let mut scratch = Errors::default();
            let mut resolved = template.resolve(&fields, &mut scratch);
            // A name that is another variant's field is a field this one lacks, not a
            // constant to capture.
            for name in template.hole_names() {
                let mine = fields.iter().any(|field| field.name == name);
                let theirs = input
                    .variants
                    .iter()
                    .any(|other| other.fields.iter().any(|field| field.name == name));
                if theirs && !mine {
                    resolved = None;
                }
            }
            if resolved.is_none() {
                errors.at(
                    variant.span(),
                    format!("variant `{}` takes the enum's default #[status], whose message names fields this variant does not have: give it its own #[status(...)]", variant.ident),
                );
            }
            resolved
        }
        Some(template) => template.resolve(&fields, errors),
    };
    if status.template.is_some() && template.is_none() {
        return None;
    }

    // A hidden 5xx sends nothing derived from its fields: no header that reads one, no detail.
    let exposed = code < 500 || attrs.http.expose.is_some();
    let hides = if runtime.is_some() {
        "a status chosen at run time may be a 5xx, which".to_owned()
    } else {
        format!("a {code}")
    };
    let mut headers: Vec<HeaderPlan> = Vec::with_capacity(attrs.headers.len());
    for header in &attrs.headers {
        if let Some(resolved) = crate::headers::check(header, &fields, errors) {
            let headers_exposed = exposed || attrs.http.expose_headers.is_some();
            if let (false, Some(&i)) = (headers_exposed, resolved.fields().first()) {
                errors.at(header.span, format!("{hides} hides everything of its fields from clients, but this header reads its field `{}`: add #[http(expose_headers)] to the variant if its header values are safe to show (like a Retry-After), or send a value that reads no field", variant.fields[i].name));
            }
            headers.push(HeaderPlan {
                name: route::header_name(&header.name),
                #[cfg(feature = "openapi")]
                doc: (
                    header.name.clone(),
                    resolved
                        .fixed
                        .clone()
                        .unwrap_or_else(|| resolved.text.clone()),
                ),
                value: route::header_value(resolved, &variant.fields),
            });
        }
    }
    let mut extra_headers = None;
    for (i, field) in variant.fields.iter().enumerate() {
        if let Some(span) = field.attrs.headers {
            if !(exposed || attrs.http.expose_headers.is_some()) {
                errors.at(span, format!("{hides} hides everything of its fields from clients, but #[headers] would send the headers its field `{}` holds: add #[http(expose_headers)] to the variant if they are safe to show, or remove #[headers]", field.name));
            }
            extra_headers = extra_headers.or(Some(i));
        }
    }
    // A status chosen at run time is unknown here: no header can be required of it.
    let without_required = attrs.http.without_required_headers.is_some()
        || type_http.without_required_headers.is_some()
        || runtime.is_some();
    if let Some(row) = codes::lookup(code) {
        for &required in row.required_headers {
            let mut present = without_required;
            for header in &attrs.headers {
                present |= header.name == required;
            }
            if !present {
                let constant = crate::headers::constant(required).unwrap_or(required);
                let example = match required {
                    "www-authenticate" => "\"Bearer\"",
                    "allow" => "\"GET, HEAD\"",
                    "proxy-authenticate" => "\"Basic realm=\\\"proxy\\\"\"",
                    "upgrade" => "\"websocket\"",
                    _ => "\"...\"",
                };
                errors.at(
                    report_span,
                    format!(
                        "a {code} {} response must carry {} ({}): add #[header({constant}, {example})], or #[http(without_required_headers)] if something else sets it",
                        row.reason,
                        crate::headers::title(required),
                        row.reference
                    ),
                );
            }
        }
    }

    let format = format_of(type_http);
    let mut details: Vec<usize> = Vec::new();
    for (i, field) in variant.fields.iter().enumerate() {
        if field.attrs.detail.is_some() {
            details.push(i);
        }
    }
    if !exposed {
        for &i in &details {
            if let Some(span) = variant.fields[i].attrs.detail {
                errors.at(span, format!("{hides} hides everything of its fields from clients, but #[detail] would put its field `{}` in the body: add #[http(expose)] to the variant if it is safe to show, or remove #[detail]", variant.fields[i].name));
            }
        }
    }
    if format == Format::Problem {
        for &i in &details {
            let field = &variant.fields[i];
            if is_problem_member(&field.name) {
                errors.at(field.span(), format!("a #[detail] field named `{}` would clash with the problem details member `{}`: rename the field", field.name, field.name));
            }
        }
    }

    let title = codes::title(code);
    let display_text = variant_display(attrs, input);
    let message = match &template {
        // The run-time arm hides it when the status is a hidden 5xx.
        Some(resolved) if runtime.is_some() => match &resolved.fixed {
            Some(text) => Message::Fixed(text.clone()),
            // Through `Display` or the template's own `format_args!`, never the direct JSON
            // writer, which does not know the status.
            None => Message::Template {
                resolved: resolved.clone(),
                direct: None,
            },
        },
        None if runtime.is_some() && !display_text => Message::Title,
        _ if !exposed && runtime.is_none() => Message::Fixed(title.to_owned()),
        Some(resolved) => match &resolved.fixed {
            Some(text) => Message::Fixed(text.clone()),
            None => route::message(resolved.clone(), &variant.fields),
        },
        None if display_text => Message::Display {
            #[cfg(feature = "openapi")]
            text: attrs
                .thiserror_text
                .clone()
                .or_else(|| input.attrs.thiserror_text.clone()),
        },
        None => Message::Fixed(title.to_owned()),
    };
    let display = match template {
        Some(resolved) => Display::Template(resolved),
        None if runtime.is_some() => Display::Title,
        None => Display::Fixed(title.to_owned()),
    };

    let code_name = match &attrs.http.code {
        Some(lit) => {
            let value = lit.value();
            if !is_code(&value) {
                errors.at(lit.span(), format!("invalid code {value:?}: use ASCII letters, digits, `_`, `-` and `.`, like \"user_not_found\""));
            }
            Some(value)
        }
        None if type_http.codes.is_some()
            || type_http.type_base.is_some()
            || attrs.http.codes.is_some() =>
        {
            let code = crate::names::snake_case(&variant.ident.to_string());
            if !is_code(&code) {
                errors.at(variant.span(), format!("the code derived from `{}` would be {code:?}, but codes are ASCII letters, digits, `_`, `-` and `.` (so that `type_base` + code is a URI): name it with #[http(code = \"...\")]", variant.ident));
            }
            Some(code)
        }
        None => None,
    };
    // A code chosen at run time, from a `#[code]` field or a function of the fields.
    let code_field = variant
        .fields
        .iter()
        .position(|field| field.attrs.code.is_some());
    let runtime_code = match (code_field, &attrs.http.code_with) {
        (Some(i), with) => {
            if let Some(with) = with {
                errors.at(with.span(), "the code comes from the #[code] field: remove `code = ...` here, or #[code] from the field");
            } else if let Some(lit) = &attrs.http.code {
                errors.at(lit.span(), "the code comes from the #[code] field: remove `code = \"...\"` here, or #[code] from the field");
            }
            Some(plan::CodeSource::Field(i))
        }
        (None, Some(path)) => Some(plan::CodeSource::With(path.clone())),
        (None, None) => None,
    };
    // `type_base` + a code known only at run time: the problem format as a shape, which joins
    // them when the body is written.
    let problem_shape =
        runtime_code.is_some() && format == Format::Problem && type_http.type_base.is_some();
    let code_name = if runtime_code.is_some() {
        None
    } else {
        code_name
    };
    let category = attrs.http.category.as_ref().or(type_http.category.as_ref());
    // A variant's own `body` or `shape` replaces the type's.
    let (body, shape) = match (&attrs.http.body, &attrs.http.shape) {
        (None, None) => (&type_http.body, &type_http.shape),
        _ => (&attrs.http.body, &attrs.http.shape),
    };
    let format = match (body, shape, format) {
        (Some(path), _, _) => plan::Format::Custom(user_path(path)),
        (None, Some(path), _) => plan::Format::Shape {
            path: user_path(path),
            category: category.map(LitStr::value),
        },
        (None, None, Format::Problem) if problem_shape => plan::Format::Shape {
            path: problem_shape_path(),
            category: None,
        },
        (None, None, Format::Json) => plan::Format::Json,
        (None, None, Format::Problem) => plan::Format::Problem {
            type_uri: match (&type_http.type_base, &code_name) {
                (Some(base), Some(code)) => format!("{}{code}", base.value()),
                _ => "about:blank".to_owned(),
            },
        },
    };
    let status = route::status(code);
    let body = match runtime {
        Some(_) if matches!(format, plan::Format::Custom(_)) => plan::Body::Custom,
        Some(_) if details.is_empty() => plan::Body::Written,
        // A fixed body would hold a code known now.
        None if runtime_code.is_some()
            && details.is_empty()
            && !matches!(format, plan::Format::Custom(_)) =>
        {
            plan::Body::Written
        }
        _ => route::body(status, &format, code_name.as_deref(), &message, &details),
    };
    let own = Own {
        status,
        runtime: runtime.map(|source| RuntimeStatus {
            source,
            expose: attrs.http.expose.is_some(),
        }),
        message,
        code: code_name,
        runtime_code,
        format,
        headers,
        details,
        extra_headers,
        body,
    };
    Some((Response::Own(Box::new(own)), display))
}

/// Options that belong on the type, used on a variant.
/// `shape` and `body` on one item.
fn check_shape_options(http: &crate::attr::Http, errors: &mut Errors) {
    if let (Some(shape), Some(_)) = (&http.shape, &http.body) {
        errors.at(shape.span(), "`shape` and `body` both choose the body: keep one (a `WriteBody` writes the whole body)");
    }
}

fn check_variant_options(attrs: &Attrs, errors: &mut Errors) {
    let http = &attrs.http;
    check_shape_options(http, errors);
    if let Some((_, span)) = http.format {
        errors.at(
            span,
            "`format` applies to the whole type: move it to the enum's #[http(...)]",
        );
    }
    if let Some(base) = &http.type_base {
        errors.at(
            base.span(),
            "`type_base` applies to the whole type: move it to the enum's #[http(...)]",
        );
    }
    if let Some(span) = http.codes {
        errors.at(span, "`codes` applies to the whole type; to name this variant's code, write #[http(code = \"...\")]");
    }
    for &(_, span) in &http.skip {
        errors.at(
            span,
            "`skip` applies to the whole type: move it to the enum's #[http(...)]",
        );
    }
}

/// `thiserror`: thiserror checks what it shares with us (a borrowed source), and says so.
/// `transparent`: the field marked `#[transparent]` is the error, not a cause: its `#[from]` is
/// `transparent::check`'s to judge.
fn check_fields(variant: &Variant<'_>, thiserror: bool, transparent: bool, errors: &mut Errors) {
    let count = variant.fields.len();
    let mut source: Option<Span> = None;
    let mut extra_headers: Option<Span> = None;
    let mut code: Option<Span> = None;
    for field in &variant.fields {
        if transparent && field.attrs.transparent.is_some() {
            continue;
        }
        if let Some(span) = field.attrs.from {
            if count != 1 {
                errors.at(span, format!("#[from] needs the variant to have exactly one field, but it has {count}: mark the cause #[source] and build the variant by hand"));
            }
        }
        if let Some(span) = field.attrs.source.or(field.attrs.from) {
            if source.is_some() {
                errors.at(span, "a variant has one source: remove #[source] or #[from] from one of these fields");
            }
            source = Some(span);
        }
        if field.is_source() && !thiserror {
            if let Some(lifetime) = non_static_lifetime(field.ty) {
                errors.at(lifetime, "a source cannot borrow: `Error::source` returns `dyn Error + 'static`, so the source's type must be 'static; own the error (or wrap it in an `Arc`) instead of borrowing it");
            }
        }
        if let Some(span) = field.attrs.code {
            if code.is_some() {
                errors.at(
                    span,
                    "a variant has one #[code] field: remove #[code] from one of these fields",
                );
            }
            code = Some(span);
        }
        if let Some(span) = field.attrs.headers {
            if extra_headers.is_some() {
                errors.at(span, "a variant has one #[headers] field: merge the maps, or remove #[headers] from one of these fields");
            }
            extra_headers = Some(span);
            if field
                .attrs
                .detail
                .or(field.attrs.source)
                .or(field.attrs.from)
                .is_some()
            {
                errors.at(span, "a #[headers] field holds the response's extra headers, and is nothing else: remove #[detail], #[source] or #[from] from it");
            }
        }
        if let Some(span) = field.attrs.detail {
            if variant.style == Style::Tuple {
                errors.at(
                    span,
                    "#[detail] needs a named field: the field's name is its key in the body",
                );
            }
        }
    }
}

/// A type as written, without the spaces `to_string` puts between tokens: `std::io::Error`.
fn type_name(tokens: &str) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut out = String::with_capacity(tokens.len());
    let mut chars = tokens.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && !(word(out.chars().last()) && word(chars.peek().copied())) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The constant the generated code declares for the problem format as a shape.
fn problem_shape_path() -> plan::UserPath {
    user_path(&syn::parse_quote!(__PROBLEM))
}

fn user_path(path: &syn::Path) -> plan::UserPath {
    plan::UserPath {
        path: path.clone(),
        text: quote::ToTokens::to_token_stream(path).to_string(),
    }
}

fn format_of(http: &crate::attr::Http) -> Format {
    match http.format {
        Some((format, _)) => format,
        None => Format::Json,
    }
}

/// thiserror writes a `Display` for this variant.
/// The first lifetime other than `'static` in a type, at any depth.
fn non_static_lifetime(ty: &syn::Type) -> Option<Span> {
    fn walk(tokens: proc_macro2::TokenStream) -> Option<Span> {
        let mut tokens = tokens.into_iter().peekable();
        while let Some(token) = tokens.next() {
            match token {
                proc_macro2::TokenTree::Punct(p) if p.as_char() == '\'' => {
                    if let Some(proc_macro2::TokenTree::Ident(name)) = tokens.next() {
                        if name != "static" {
                            return Some(p.span().join(name.span()).unwrap_or(name.span()));
                        }
                    }
                }
                proc_macro2::TokenTree::Group(group) => {
                    if let Some(span) = walk(group.stream()) {
                        return Some(span);
                    }
                }
                _ => {}
            }
        }
        None
    }
    walk(quote::ToTokens::to_token_stream(ty))
}

/// A machine code: `[A-Za-z0-9_.-]+`.
fn is_code(code: &str) -> bool {
    let mut valid = !code.is_empty();
    for c in code.chars() {
        valid &= c.is_ascii_alphanumeric() || "_-.".contains(c);
    }
    valid
}

/// A member the problem format has (`layout::PROBLEM`) or RFC 9457 defines (`instance`).
fn is_problem_member(name: &str) -> bool {
    let mut found = name == "instance";
    for &(_, key) in crate::layout::PROBLEM {
        found |= key == name;
    }
    found
}

/// An enum-level `#[error("…")]` is every variant's `Display` that has none of its own.
fn variant_display(attrs: &Attrs, input: &Input<'_>) -> bool {
    attrs.thiserror_display || input.attrs.thiserror_display
}
