//! Turns the checked plan into impls: `HttpError`, `Serialize`, and (without thiserror)
//! `Display`, `Error` and `From`. Each method is a `match` over the variants that hands data to
//! `::httperr::__private`, where the logic lives once.

use crate::ast::{Field, Input, Variant};
use crate::attr::{Format, StatusKind};
use crate::errors::Errors;
use crate::template::{Resolved, Segment};
use crate::tokens::{lex, tokens, tokens_at};
use crate::valid::{self, Display, HeaderValue, Message, Own, Plan, Response, VariantPlan};
use proc_macro2::{Literal, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{DeriveInput, GenericParam, Generics, Ident, WherePredicate};

pub(crate) fn derive(input: TokenStream) -> TokenStream {
    let _scope = crate::tokens::Scope::enter();
    let input = match syn::parse2::<DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    match try_expand(&input) {
        Ok(tokens) => tokens,
        Err(error) => crate::fallback::expand(&input, &error),
    }
}

pub(crate) fn try_expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    let plan = model.as_ref().map(|model| valid::check(model, &mut errors));
    errors.finish()?;
    match (&model, &plan) {
        (Some(model), Some(plan)) => Ok(Expander::new(model, plan).expand()),
        // `from_syn` returns `None` only after recording an error.
        _ => Err(syn::Error::new_spanned(
            &input.ident,
            "#[derive(HttpError)] could not read this item",
        )),
    }
}

/// `httperr::status!(409)`: a checked `http::StatusCode`, usable in const context.
pub(crate) fn status(input: TokenStream) -> TokenStream {
    let _scope = crate::tokens::Scope::enter();
    let mut errors = Errors::default();
    let parsed = syn::parse::Parser::parse2(
        |stream: syn::parse::ParseStream| {
            let kind = crate::attr::status_kind(stream, &mut errors)?;
            if !stream.is_empty() {
                return Err(stream.error(
                    "status! takes one status code, like status!(404) or status!(NOT_FOUND)",
                ));
            }
            Ok(kind)
        },
        input,
    );
    let kind = errors.ok(parsed);
    let code = match kind {
        Some(StatusKind::Code { code, span })
            if valid::check_code(code, span, false, false, &mut errors) =>
        {
            Some((code as u16, span))
        }
        Some(StatusKind::Transparent(span)) => {
            errors.at(span, "status! takes a status code, like status!(404); `transparent` belongs in #[status(...)]");
            None
        }
        _ => None,
    };
    match (errors.finish(), code) {
        (Ok(()), Some((code, span))) => {
            let code = Literal::u16_unsuffixed(code);
            tokens_at!(span, "const { ::httperr::__private::status(#code) }", code)
        }
        // In a block: `status!` is an expression, and two `compile_error!`s side by side are
        // not one (rustc would report only the first, plus parse errors of its own).
        (Err(error), _) => tokens!("{ #errors }", errors = error.to_compile_error()),
        (Ok(()), None) => tokens!("::core::compile_error!(\"status! expects a status code\")"),
    }
}

/// Text bodies name `::httperr::__private` as `__p`: each path is then 5 tokens shorter, and
/// every token costs the compiler time to make and to parse.
fn prelude() -> TokenStream {
    tokens!("#[allow(unused_imports)] use ::httperr::__private as __p;")
}

/// One arm of a generated `match`: the fields its body reads, and the body.
type Arm = (Vec<usize>, Body);

/// Text is a body with no span of the user's: equal ones share an arm, and all of a method's
/// text is lexed in one call, where building tokens costs a call across the compiler's bridge
/// for each. Only bodies whose errors must point into the user's code are built as tokens.
enum Body {
    Text(String),
    Tokens(TokenStream),
    /// Tokens that variants with the same key may share, the first one's spans standing for
    /// all (an error about a field's type is then reported once, at its first use).
    Shared(String, TokenStream),
}

/// Variants whose arms share one body.
struct Group {
    /// `Self::A | Self::B { .. }`.
    patterns: String,
    count: usize,
    /// The patterns bind fields: the group cannot become `_`.
    bound: bool,
    /// A text body plus each bound field's binding and type, or a shared body's own key.
    key: String,
    /// `Text` or `Shared`.
    body: Body,
}

struct Expander<'a> {
    input: &'a Input<'a>,
    plan: &'a Plan<'a>,
    generics: Generics,
    /// Each variant's pattern that binds nothing, made once: most arms of every `match` use it.
    unbound: Vec<String>,
}

impl<'a> Expander<'a> {
    fn new(input: &'a Input<'a>, plan: &'a Plan<'a>) -> Self {
        let mut generics = input.generics.clone();
        let bounds = bounds(input, plan);
        if !bounds.is_empty() {
            generics.make_where_clause().predicates.extend(bounds);
        }
        let mut unbound = Vec::with_capacity(plan.variants.len());
        for plan in &plan.variants {
            unbound.push(plan.variant.pattern(input.is_enum, &|_| false));
        }
        Expander {
            input,
            plan,
            generics,
            unbound,
        }
    }

    fn expand(&self) -> TokenStream {
        let http_error = self.http_error();
        let serialize = self.serialize();
        let std_impls = match self.input.thiserror {
            true => TokenStream::new(),
            false => self.std_impls(),
        };
        let frameworks = self.frameworks();
        tokens!(
            "#http_error #serialize #std_impls #frameworks",
            http_error,
            serialize,
            std_impls,
            frameworks
        )
    }

    /// `impl<…> Trait for Type<…> where …` with the inferred bounds, plus any `extra` predicate.
    fn header(&self, trait_path: TokenStream, extra: Option<&str>) -> TokenStream {
        let ident = self.input.ident;
        let mut generics = self.generics.clone();
        if let Some(extra) = extra {
            if !self.input.generics.params.is_empty() {
                if let Some(extra) = predicate(extra) {
                    generics.make_where_clause().predicates.push(extra);
                }
            }
        }
        let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
        tokens!(
            "#[automatically_derived]
            #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic, clippy::nursery)]
            impl #impl_generics #trait_path for #ident #type_generics #where_clause",
            impl_generics, trait_path, ident, type_generics, where_clause,
        )
    }

    /// `match self { … }` with one arm per variant; a single body when every arm is the same
    /// and binds nothing.
    fn dispatch(&self, arm: &dyn Fn(&VariantPlan<'_>) -> Arm) -> TokenStream {
        let is_enum = self.input.is_enum;
        let mut arms: Vec<Arm> = Vec::with_capacity(self.plan.variants.len());
        for plan in &self.plan.variants {
            arms.push(arm(plan));
        }
        let Some((_, first)) = arms.first() else {
            return tokens!("match *self {}");
        };
        if let Body::Text(first) = first {
            let mut same = true;
            for (binds, body) in &arms {
                same &= binds.is_empty() && matches!(body, Body::Text(t) if t == first);
            }
            if same {
                return tokens!("#prelude #body", prelude = prelude(), body = lex(first));
            }
        }
        // Arms that share a body become one or-pattern arm: each distinct status, body or code
        // is then compiled once, not once per variant.
        let mut groups: Vec<Group> = Vec::new();
        let mut spanned = TokenStream::new();
        for (i, (binds, body)) in arms.into_iter().enumerate() {
            let plan = &self.plan.variants[i];
            let bound = !binds.is_empty();
            let pattern = match bound {
                false => self.unbound[i].clone(),
                true => plan.variant.pattern(is_enum, &|i| binds.contains(&i)),
            };
            let key = match &body {
                Body::Tokens(body) => {
                    let pattern = lex(&pattern);
                    spanned.extend(tokens!("#pattern => #body,", pattern, body));
                    continue;
                }
                Body::Shared(key, _) => format!("\u{1}{key}"),
                Body::Text(text) => {
                    // Variants that bind the same names at the same types can share an
                    // or-pattern arm as well.
                    let mut key = text.clone();
                    for &i in &binds {
                        let field = &plan.variant.fields[i];
                        key.push_str(&format!(
                            "\0{}: {}",
                            field.binding,
                            field.ty.to_token_stream()
                        ));
                    }
                    key
                }
            };
            let mut found = None;
            for group in &mut groups {
                if group.key == key {
                    found = Some(group);
                    break;
                }
            }
            match found {
                Some(group) => {
                    group.patterns.push_str(" | ");
                    group.patterns.push_str(&pattern);
                    group.count += 1;
                }
                None => groups.push(Group {
                    patterns: pattern,
                    count: 1,
                    bound,
                    key,
                    body,
                }),
            }
        }
        // The largest group of text arms that bind nothing goes last, as `_`: fewer tokens to
        // make and for rustc to check.
        let (mut largest, mut largest_count) = (None, 0);
        for (i, group) in groups.iter().enumerate() {
            let text = matches!(group.body, Body::Text(_));
            if text && !group.bound && group.count > largest_count {
                (largest, largest_count) = (Some(i), group.count);
            }
        }
        let mut text = String::new();
        let mut rest = None;
        for (i, group) in groups.into_iter().enumerate() {
            match group.body {
                Body::Text(body) if Some(i) == largest => rest = Some(body),
                Body::Text(body) => push_arm(&mut text, &group.patterns, &body),
                Body::Shared(_, body) | Body::Tokens(body) => {
                    let patterns = lex(&group.patterns);
                    spanned.extend(tokens!("#patterns => #body,", patterns, body));
                }
            }
        }
        if let Some(body) = rest {
            push_arm(&mut text, "_", &body);
        }
        let text = lex(&text);
        tokens!(
            "#prelude match self { #spanned #text }",
            spanned,
            text,
            prelude = prelude()
        )
    }

    fn http_error(&self) -> TokenStream {
        let header = self.header(
            tokens!("::httperr::HttpError"),
            Some("Self: ::core::error::Error"),
        );
        let status = self.dispatch(&|plan| match &plan.response {
            Response::Own(own) => text(status_text(own.status)),
            Response::Transparent => forward(plan, "status", None),
        });
        let message = self.dispatch(&|plan| match &plan.response {
            Response::Own(own) => match &own.message {
                Message::Fixed(message) => text(format!("__p::Cow::Borrowed({message:?})")),
                Message::Template(_) | Message::Display { .. } => {
                    text("__p::message(self)".to_owned())
                }
            },
            Response::Transparent => forward(plan, "message", None),
        });
        let code = self.dispatch(&|plan| match &plan.response {
            Response::Own(own) => text(option_text(own.code.as_deref())),
            Response::Transparent => forward(plan, "code", None),
        });
        let format = self.dispatch(&|plan| match &plan.response {
            Response::Own(own) => text(format_text(own)),
            Response::Transparent => forward(plan, "format", None),
        });
        let headers = self.dispatch(&|plan| match &plan.response {
            Response::Own(own) => headers_arm(own, &plan.variant.fields),
            Response::Transparent => forward(plan, "insert_headers", Some("__headers")),
        });
        let to_response = self.dispatch(&|plan| match &plan.response {
            Response::Transparent => forward(plan, "to_response", None),
            Response::Own(own) => {
                let headers = own.headers.len();
                let status = status_text(own.status);
                let format = format_text(own);
                text(match &own.message {
                    _ if !own.details.is_empty() => {
                        format!("__p::respond_serialized(self, {headers})")
                    }
                    Message::Fixed(message) => format!(
                        "__p::respond_fixed(self, {status}, {format}, {:?}, {headers})",
                        crate::json::body(
                            own.status,
                            (own.format == crate::attr::Format::Problem)
                                .then_some(own.problem_type.as_str()),
                            own.code.as_deref(),
                            message
                        ),
                    ),
                    Message::Template(_) | Message::Display { .. } => format!(
                        "__p::respond(self, {status}, {format}, {}, {headers})",
                        option_text(own.code.as_deref()),
                    ),
                })
            }
        });
        let write_message = self.dispatch(&|plan| match &plan.response {
            Response::Own(own) => match &own.message {
                // `message()` borrows it: one arm for every fixed message.
                Message::Fixed(_) => {
                    text("__out.write_str(&__p::HttpError::message(self))".to_owned())
                }
                Message::Template(resolved) if self.input.thiserror => {
                    let (format, args) = (&resolved.format, &resolved.args);
                    (
                        used(resolved),
                        Body::Tokens(tokens!(
                            "__out.write_fmt(::core::format_args!(#format #args))",
                            format,
                            args
                        )),
                    )
                }
                // `Display` writes this same template (ours), or is the message (thiserror's):
                // one shared arm instead of a second `format_args!` per variant.
                Message::Template(_) | Message::Display { .. } => {
                    text("__out.write_fmt(::core::format_args!(\"{}\", self))".to_owned())
                }
            },
            Response::Transparent => forward(plan, "__write_message", Some("__out")),
        });
        let write_json = self.write_json();
        // Whether any variant has details or headers of its own (a transparent one may).
        let (mut has_details, mut has_headers) = (false, false);
        for plan in &self.plan.variants {
            let (details, headers) = match &plan.response {
                Response::Own(own) => (!own.details.is_empty(), !own.headers.is_empty()),
                Response::Transparent => (true, true),
            };
            has_details |= details;
            has_headers |= headers;
        }
        let mut details = TokenStream::new();
        if has_details {
            let has = self.dispatch(&|plan| match &plan.response {
                Response::Own(own) => text((!own.details.is_empty()).to_string()),
                Response::Transparent => forward(plan, "__has_details", None),
            });
            let serialize = self.dispatch(&|plan| match &plan.response {
                Response::Own(own) if own.details.is_empty() => {
                    text("::core::result::Result::Ok(())".to_owned())
                }
                Response::Own(own) => {
                    let mut entries = TokenStream::new();
                    for &i in &own.details {
                        let field: &Field<'_> = &plan.variant.fields[i];
                        // At the field's type: where a missing `Serialize` is reported.
                        let at = Span::call_site().located_at(field.ty.span());
                        entries.extend(tokens_at!(
                            at,
                            "::httperr::__private::SerializeMap::serialize_entry(__map, #name, #binding)?;",
                            name = &field.name,
                            binding = Ident::new(&field.binding.to_string(), at),
                        ));
                    }
                    (
                        own.details.clone(),
                        Body::Tokens(tokens!("{ #entries ::core::result::Result::Ok(()) }", entries)),
                    )
                }
                Response::Transparent => forward(plan, "__serialize_details", Some("__map")),
            });
            details = tokens!(
                "fn __has_details(&self) -> bool {
                    #has
                }
                fn __serialize_details<__M: ::httperr::__private::SerializeMap>(
                    &self,
                    __map: &mut __M,
                ) -> ::core::result::Result<(), __M::Error> {
                    #serialize
                }",
                has,
                serialize,
            );
        }
        let mut insert_headers = TokenStream::new();
        if has_headers {
            insert_headers = tokens!(
                "fn insert_headers(&self, __headers: &mut ::httperr::__private::HeaderMap) {
                    #headers
                }",
                headers,
            );
        }

        #[cfg(feature = "openapi")]
        let describe = {
            let entries = self.describe();
            tokens!(
                "fn __describe(__out: &mut ::httperr::__private::Vec<::httperr::__private::ResponseDoc>) {
                    #entries
                }",
                entries
            )
        };
        // Only httperr's `utoipa` feature reads it, and it turns on `openapi`.
        #[cfg(not(feature = "openapi"))]
        let describe = TokenStream::new();
        tokens!(
            "#header {
                fn status(&self) -> ::httperr::__private::StatusCode {
                    #status
                }
                fn message(&self) -> ::httperr::__private::Cow<'_, ::core::primitive::str> {
                    #message
                }
                fn code(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                    #code
                }
                #insert_headers
                fn format(&self) -> ::httperr::BodyFormat {
                    #format
                }
                fn to_response(&self) -> ::httperr::__private::Response<::httperr::__private::Bytes> {
                    #to_response
                }
                fn __write_message(
                    &self,
                    __out: &mut dyn ::httperr::__private::fmt::Write,
                ) -> ::httperr::__private::fmt::Result {
                    #write_message
                }
                #write_json
                fn __as_error(&self) -> ::core::option::Option<&dyn ::core::error::Error> {
                    ::core::option::Option::Some(self)
                }
                #describe
                #details
            }",
            header, status, message, code, insert_headers, format, to_response, write_message,
            write_json, describe, details,
        )
    }

    /// `__write_json`, for types with templates made only of text and plain `{field}`s: the
    /// text is escaped here, at compile time, and each field is written by a runtime writer
    /// chosen for its type, with no `core::fmt` in between.
    fn write_json(&self) -> TokenStream {
        fn fast<'p>(plan: &'p VariantPlan<'_>) -> Option<&'p [Segment]> {
            match &plan.response {
                Response::Own(own) => match &own.message {
                    Message::Template(resolved) => plain(resolved, &plan.variant.fields),
                    _ => None,
                },
                Response::Transparent => None,
            }
        }
        let mut any = false;
        for plan in &self.plan.variants {
            any |= fast(plan).is_some();
        }
        if !any {
            return TokenStream::new();
        }
        let body = self.dispatch(&|plan| match (fast(plan), &plan.response) {
            (Some(segments), _) => {
                let mut binds = Vec::new();
                let mut writes = String::from("{");
                for segment in segments {
                    match segment {
                        Segment::Text(text) => {
                            let escaped = crate::json::escape(text);
                            writes.push_str(&format!("__out.raw({escaped:?});"));
                        }
                        Segment::Field(i) => {
                            binds.push(*i);
                            let binding = &plan.variant.fields[*i].binding;
                            writes.push_str(&format!("(&__p::Field({binding})).__json(__out);"));
                        }
                    }
                }
                writes.push('}');
                (binds, Body::Text(writes))
            }
            (None, Response::Transparent) => forward(plan, "__write_json", Some("__out")),
            (None, Response::Own(_)) => text("__out.message(self)".to_owned()),
        });
        tokens!(
            "fn __write_json(&self, __out: &mut ::httperr::__private::JsonMessage<'_>) {
                #[allow(unused_imports)]
                use ::httperr::__private::{FieldDisplay as _, FieldInt as _, FieldStr as _};
                #body
            }",
            body,
        )
    }

    /// The documentation data of every response the type can produce, transparent ones
    /// taken from the wrapped types.
    #[cfg(feature = "openapi")]
    fn describe(&self) -> TokenStream {
        let type_name = self.input.ident.to_string();
        let mut spanned = prelude();
        let mut text = String::new();
        for plan in &self.plan.variants {
            let own = match &plan.response {
                Response::Own(own) => own,
                Response::Transparent => {
                    let ty = plan.variant.fields.first().map(|f| qualified_self(f.ty));
                    spanned.extend(tokens!(
                        "<#ty as ::httperr::HttpError>::__describe(__out);",
                        ty
                    ));
                    continue;
                }
            };
            let message = match &own.message {
                Message::Fixed(text) => text,
                Message::Template(resolved) => &resolved.text,
                Message::Display { text } => text
                    .as_deref()
                    .unwrap_or_else(|| crate::codes::title(own.status)),
            };
            let mut headers = String::new();
            for header in &own.headers {
                let value = match &header.value {
                    HeaderValue::Fixed(text) => text,
                    HeaderValue::Template(resolved) => &resolved.text,
                };
                headers.push_str(&format!("({:?}, {value:?}),", header.name));
            }
            let mut details = String::new();
            for &i in &own.details {
                details.push_str(&format!("{:?},", plan.variant.fields[i].name));
            }
            let problem_type = (own.format == Format::Problem).then_some(own.problem_type.as_str());
            text.push_str(&format!(
                "__out.push(::httperr::__private::ResponseDoc {{
                    type_name: {type_name:?},
                    variant: {:?},
                    status: {},
                    message: {message:?},
                    code: {},
                    problem_type: {},
                    headers: &[{headers}],
                    details: &[{details}],
                }});",
                plan.variant.ident.to_string(),
                own.status,
                option_text(own.code.as_deref()),
                option_text(problem_type),
            ));
        }
        spanned.extend(lex(&text));
        spanned
    }

    fn serialize(&self) -> TokenStream {
        let header = self.header(
            tokens!("::httperr::__private::serde::Serialize"),
            Some("Self: ::httperr::HttpError"),
        );
        tokens!(
            "#header {
                fn serialize<__S: ::httperr::__private::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    ::httperr::__private::serialize(self, __serializer)
                }
            }",
            header,
        )
    }

    /// `Display`, `Error` and `From`, when thiserror does not write them.
    fn std_impls(&self) -> TokenStream {
        fn inner(plan: &VariantPlan<'_>) -> String {
            // A transparent variant has exactly one field (checked by `valid`).
            match plan.variant.fields.first() {
                Some(field) => field.binding.to_string(),
                None => String::new(),
            }
        }
        let display = self.dispatch(&|plan| match &plan.display {
            Display::Template(Resolved {
                fixed: Some(message),
                ..
            })
            | Display::Fixed(message) => text(format!("__formatter.write_str({message:?})")),
            Display::Template(resolved) => {
                let (format, args) = (&resolved.format, &resolved.args);
                (
                    used(resolved),
                    Body::Tokens(tokens!(
                        "__formatter.write_fmt(::core::format_args!(#format #args))",
                        format,
                        args
                    )),
                )
            }
            Display::Transparent => (
                vec![0],
                Body::Text(format!(
                    "::core::fmt::Display::fmt({}, __formatter)",
                    inner(plan)
                )),
            ),
        });
        let source = self.dispatch(&|plan| {
            if let Response::Transparent = plan.response {
                return (
                    vec![0],
                    Body::Text(format!(
                        "::core::error::Error::source({}.as_dyn_error())",
                        inner(plan)
                    )),
                );
            }
            match source_field(&plan.variant.fields) {
                Some(i) => {
                    let field = &plan.variant.fields[i];
                    // At the field's type: where a source that is not an `Error` is reported.
                    let at = Span::call_site().located_at(field.ty.span());
                    let key = format!("{}: {}", field.binding, field.ty.to_token_stream());
                    (
                        vec![i],
                        Body::Shared(
                            key,
                            tokens_at!(
                                at,
                                "::core::option::Option::Some(#binding.as_dyn_error())",
                                binding = Ident::new(&field.binding.to_string(), at),
                            ),
                        ),
                    )
                }
                None => text(option_text(None)),
            }
        });
        let display_header = self.header(tokens!("::core::fmt::Display"), None);
        let error_header = self.header(
            tokens!("::core::error::Error"),
            Some("Self: ::core::fmt::Debug"),
        );
        let from = self.impl_from();
        tokens!(
            "#display_header {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #display
                }
            }
            #error_header {
                fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                    #[allow(unused_imports)]
                    use ::httperr::__private::AsDynError as _;
                    #source
                }
            }
            #from",
            display_header,
            display,
            error_header,
            source,
            from,
        )
    }

    fn impl_from(&self) -> TokenStream {
        let mut impls = TokenStream::new();
        for plan in &self.plan.variants {
            let variant: &Variant<'_> = plan.variant;
            let [field] = variant.fields.as_slice() else {
                continue;
            };
            if field.attrs.from.is_none() {
                continue;
            }
            let ty = field.ty;
            let path = variant.path(self.input.is_enum);
            let build = match &field.original.ident {
                Some(ident) => tokens!("#path { #ident: __source }", path, ident),
                None => tokens!("#path(__source)", path),
            };
            let header = self.header(tokens!("::core::convert::From<#ty>", ty), None);
            impls.extend(tokens!(
                "#header {
                    fn from(__source: #ty) -> Self {
                        #build
                    }
                }",
                header,
                ty,
                build,
            ));
        }
        impls
    }

    /// The framework glue: a runtime `macro_rules!` whose body depends on the runtime's features.
    fn frameworks(&self) -> TokenStream {
        let ident = self.input.ident;
        let mut params = self.generics.params.clone();
        for param in &mut params {
            match param {
                GenericParam::Type(ty) => {
                    ty.default = None;
                }
                GenericParam::Const(c) => {
                    c.default = None;
                }
                GenericParam::Lifetime(_) => {}
            }
        }
        let (_, type_generics, _) = self.generics.split_for_impl();
        // Generic impls of `HttpError` carry bounds the framework impls must repeat; asking for
        // `Self: HttpError` covers them all, whatever they are.
        let mut generics = self.generics.clone();
        if !self.input.generics.params.is_empty() {
            if let Some(bound) = predicate("Self: ::httperr::HttpError") {
                generics.make_where_clause().predicates.push(bound);
            }
        }
        let predicates = generics.where_clause.as_ref().map(|w| &w.predicates);
        tokens!(
            "::httperr::__impl_frameworks!([#params] #ident #type_generics [#predicates]);",
            params,
            ident,
            type_generics,
            predicates,
        )
    }
}

/// A transparent variant's arm: `<Field as HttpError>::method(field, …)`. When the field's
/// type lacks the impl, the error points at the type (once, however many methods forward to
/// it) rather than at the derive.
/// `argument` is the generated method's own second parameter, passed on.
fn forward(plan: &VariantPlan<'_>, method: &str, argument: Option<&str>) -> Arm {
    let field = plan.variant.fields.first();
    let ty = field.map(|f| qualified_self(f.ty));
    let inner = field.map(|f| &f.binding);
    let extra = argument.map(|argument| {
        let argument = Ident::new(argument, Span::call_site());
        tokens!(", #argument", argument)
    });
    let method = Ident::new(method, Span::call_site());
    (
        vec![0],
        Body::Tokens(tokens!(
            "<#ty as ::httperr::HttpError>::#method(#inner #extra)",
            ty,
            method,
            inner,
            extra
        )),
    )
}

/// The field `Error::source` returns: an explicit `#[source]` or `#[from]` first, else a
/// field named `source` (as thiserror decides).
fn source_field(fields: &[Field<'_>]) -> Option<usize> {
    let mut named = None;
    for (i, field) in fields.iter().enumerate() {
        if field.attrs.source.is_some() || field.attrs.from.is_some() {
            return Some(i);
        }
        if named.is_none() && field.is_source() {
            named = Some(i);
        }
    }
    named
}

/// A string or integer type, by its spelling: the types `__private::Field` writes without
/// `core::fmt`.
fn is_plain(ty: &syn::Type) -> bool {
    // `& 'a str`: tokens as text are separated by spaces, so the lifetime ends at one.
    let spelled = ty.to_token_stream().to_string();
    let without_ref = match spelled.strip_prefix('&') {
        Some(rest) => match rest.trim_start().split_once(' ') {
            Some((lifetime, rest)) if lifetime.starts_with('\'') => rest,
            _ => rest,
        },
        None => &spelled,
    };
    let without_ref = &crate::names::spaceless(without_ref);
    matches!(
        without_ref.as_str(),
        "str"
            | "String"
            | "std::string::String"
            | "Box<str>"
            | "u8"
            | "u16"
            | "u32"
            | "u64"
            | "usize"
            | "i8"
            | "i16"
            | "i32"
            | "i64"
            | "isize"
    ) || (without_ref.starts_with("Cow<") && without_ref.ends_with(",str>"))
}

/// A type as it can stand in `<T as Trait>`: a trait object written with a trailing `+`
/// (`dyn Inner +`) would not parse there.
fn qualified_self(ty: &syn::Type) -> TokenStream {
    if let syn::Type::TraitObject(object) = ty {
        if object.bounds.trailing_punct() {
            let mut object = object.clone();
            object.bounds.pop_punct();
            return object.into_token_stream();
        }
    }
    ty.to_token_stream()
}

/// The arm of a variant that reads no field and carries no span of the user's.
fn text(body: String) -> Arm {
    (Vec::new(), Body::Text(body))
}

fn push_arm(text: &mut String, pattern: &str, body: &str) {
    text.push_str(pattern);
    text.push_str(" => ");
    text.push_str(body);
    text.push_str(",\n");
}

/// A string as Rust source: `Debug` writes `str` with the escapes Rust literals use.
fn option_text(value: Option<&str>) -> String {
    match value {
        Some(value) => format!("__p::Some({value:?})"),
        None => "__p::None".to_owned(),
    }
}

/// The `http::StatusCode` constant when http has one: a path costs rustc less than a `const`
/// block, which is a body of its own to check and evaluate.
fn status_text(code: u16) -> String {
    match crate::codes::lookup(code) {
        Some(row) if !row.constant.is_empty() => format!("__p::StatusCode::{}", row.constant),
        _ => format!("const {{ __p::status({code}) }}"),
    }
}

/// A header name (lowercase), as http's constant when it has one.
fn header_name(name: &str) -> String {
    match crate::headers::constant(name) {
        Some(constant) => format!("__p::http::header::{constant}"),
        None => format!("const {{ __p::HeaderName::from_static({name:?}) }}"),
    }
}

fn format_text(own: &Own) -> String {
    match own.format {
        Format::Json => "__p::BodyFormat::Json".to_owned(),
        Format::Problem => format!(
            "__p::BodyFormat::Problem {{ type_uri: {:?} }}",
            own.problem_type
        ),
    }
}

/// A template's text and fields, when every field it uses is plainly a string or an integer.
/// Any other type keeps the template's own `format_args!`, at its span: a field that is not
/// `Display` then gets the one error rustc gives for the format string.
fn plain<'p>(resolved: &'p Resolved, fields: &[Field<'_>]) -> Option<&'p [Segment]> {
    let segments = resolved.segments.as_deref()?;
    for segment in segments {
        if let Segment::Field(i) = segment {
            match fields.get(*i) {
                Some(field) if is_plain(field.ty) => {}
                _ => return None,
            }
        }
    }
    Some(segments)
}

/// `insert_headers`' arm: text when every value is fixed or a plain template; another
/// template is formatted with `format_args!` at its span, where errors about it are reported.
fn headers_arm(own: &Own, fields: &[Field<'_>]) -> Arm {
    let mut binds = Vec::new();
    // Text: fixed values and plain templates.
    let mut fixed = String::from("{");
    let mut spanned = TokenStream::new();
    for header in &own.headers {
        let name = header_name(&header.name);
        match &header.value {
            HeaderValue::Fixed(value) => fixed.push_str(&format!(
                "__headers.append({name}, const {{ __p::HeaderValue::from_static({value:?}) }});"
            )),
            HeaderValue::Template(resolved) => {
                for &(i, _) in &resolved.uses {
                    binds.push(i);
                }
                if let Some(segments) = plain(resolved, fields) {
                    let mut format = String::new();
                    let mut args = String::new();
                    for segment in segments {
                        match segment {
                            Segment::Text(text) => {
                                for c in text.chars() {
                                    if c == '{' || c == '}' {
                                        format.push(c);
                                    }
                                    format.push(c);
                                }
                            }
                            Segment::Field(i) => {
                                format.push_str("{}");
                                args.push_str(&format!(", {}", fields[*i].binding));
                            }
                        }
                    }
                    fixed.push_str(&format!(
                        "__p::append_header(__headers, {name}, ::core::format_args!({format:?}{args}));"
                    ));
                    continue;
                }
                let (format, args) = (&resolved.format, &resolved.args);
                spanned.extend(tokens!(
                    "__p::append_header(
                        __headers,
                        #name,
                        ::core::format_args!(#format #args),
                    );",
                    format,
                    args,
                    name = lex(&name),
                ));
            }
        }
    }
    fixed.push('}');
    if spanned.is_empty() {
        return (binds, Body::Text(fixed));
    }
    let fixed = match fixed.len() > 2 {
        true => lex(&fixed),
        false => TokenStream::new(),
    };
    (
        binds,
        Body::Tokens(tokens!("{ #fixed #spanned }", fixed, spanned)),
    )
}

/// A `WherePredicate` from this crate's own text.
fn predicate(text: &str) -> Option<WherePredicate> {
    syn::parse_str(text).ok()
}

fn used(resolved: &crate::template::Resolved) -> Vec<usize> {
    let mut used = Vec::with_capacity(resolved.uses.len());
    for &(i, _) in &resolved.uses {
        used.push(i);
    }
    used
}

/// Where-clause predicates for the fields whose types mention a type parameter, from how the
/// generated code uses them (as thiserror infers its bounds).
fn bounds(input: &Input<'_>, plan: &Plan<'_>) -> Vec<WherePredicate> {
    let mut params: Vec<&Ident> = Vec::new();
    for param in input.generics.type_params() {
        params.push(&param.ident);
    }
    if params.is_empty() {
        return Vec::new();
    }
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut add = |field: &Field<'_>, bound: TokenStream| {
        if !mentions(field, &params) {
            return;
        }
        let ty = field.ty;
        let Ok(predicate) = syn::parse2::<WherePredicate>(tokens!("#ty: #bound", ty, bound)) else {
            return;
        };
        let key = predicate.to_token_stream().to_string();
        if !seen.contains(&key) {
            seen.push(key);
            out.push(predicate);
        }
    };
    for plan in &plan.variants {
        let fields = &plan.variant.fields;
        let mut templates: Vec<&crate::template::Resolved> = Vec::new();
        match &plan.response {
            Response::Transparent => {
                if let Some(field) = fields.first() {
                    add(
                        field,
                        tokens!(
                            "::httperr::HttpError + ::core::fmt::Display + ::core::error::Error"
                        ),
                    );
                }
            }
            Response::Own(own) => {
                if let Message::Template(resolved) = &own.message {
                    templates.push(resolved);
                }
                for header in &own.headers {
                    if let HeaderValue::Template(resolved) = &header.value {
                        templates.push(resolved);
                    }
                }
                for &i in &own.details {
                    add(
                        &fields[i],
                        tokens!("::httperr::__private::serde::Serialize"),
                    );
                }
            }
        }
        if let Display::Template(resolved) = &plan.display {
            templates.push(resolved);
        }
        for resolved in templates {
            for &(i, name) in &resolved.uses {
                if name != "any" && name != "usize" {
                    let name = Ident::new(name, proc_macro2::Span::call_site());
                    add(&fields[i], tokens!("::core::fmt::#name", name));
                }
            }
        }
        if !input.thiserror {
            if let Some(i) = source_field(fields) {
                add(&fields[i], tokens!("::core::error::Error + 'static"));
            }
        }
    }
    out
}

fn mentions(field: &Field<'_>, params: &[&Ident]) -> bool {
    fn walk(tokens: TokenStream, params: &[&Ident]) -> bool {
        for token in tokens {
            let found = match token {
                TokenTree::Ident(ident) => params.contains(&&ident),
                TokenTree::Group(group) => walk(group.stream(), params),
                _ => false,
            };
            if found {
                return true;
            }
        }
        false
    }
    walk(field.ty.to_token_stream(), params)
}
