//! Where-clause predicates inferred per impl: a field whose type mentions a type parameter is
//! bounded by what that impl does with it, and by nothing else.
//!
//! `JobError<T>` with a `#[detail] owner: T` needs `T: Serialize` for its body, but its
//! `Display` and `Error` never read `owner`: they must exist for a `T` that is not `Serialize`.

use crate::ast::{Field, Input};
use crate::plan::{self, Bounds, Display, HeaderText, HeaderValue, Message, Response, VariantPlan};
use crate::template::{Resolved, Segment};
use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::WherePredicate;

/// `our_display`: the derive writes `Display`, which then formats message templates.
pub(crate) fn infer(input: &Input<'_>, variants: &[VariantPlan<'_>], our_display: bool) -> Bounds {
    let mut params = Vec::new();
    for param in input.generics.type_params() {
        params.push(&param.ident);
    }
    // `Self: …` predicates hold the bounds of the impls a method calls, whatever they are; on
    // a type without parameters they would be checked eagerly, so they go on generic types only.
    let generic = !input.generics.params.is_empty();
    let mut http_error = Inferred::new(&params);
    let mut serialize = Inferred::new(&params);
    let mut display = Inferred::new(&params);
    let mut error = Inferred::new(&params);
    for plan in variants {
        let fields = &plan.variant.fields;
        match &plan.response {
            &Response::Transparent(i) => {
                http_error.add(&fields[i], quote!(::httperr::HttpError));
                display.add(&fields[i], quote!(::core::fmt::Display));
                // Its `source()` is forwarded only when no other field is the source.
                if plan.source.is_none() {
                    error.add(&fields[i], quote!(::core::error::Error));
                }
            }
            Response::Own(own) => {
                if let Some(plan::RuntimeStatus {
                    source: plan::StatusSource::Field(i),
                    ..
                }) = own.runtime
                {
                    http_error.add(&fields[i], quote!(::httperr::__private::StatusValue));
                    if matches!(plan.display, Display::Title) {
                        display.add(&fields[i], quote!(::httperr::__private::StatusValue));
                    }
                }
                for &i in &own.details {
                    http_error.add(&fields[i], quote!(::httperr::__private::serde::Serialize));
                }
                if let Some(i) = own.extra_headers {
                    http_error.add(&fields[i], quote!(::httperr::__private::ExtraHeaders));
                }
                for header in &own.headers {
                    match &header.value {
                        HeaderValue::Formatted(resolved) => http_error.template(fields, resolved),
                        HeaderValue::Text(HeaderText::Direct(segments)) => {
                            for segment in segments {
                                if let Segment::Field(i) = segment {
                                    http_error.add(&fields[*i], quote!(::core::fmt::Display));
                                }
                            }
                        }
                        HeaderValue::Text(HeaderText::Fixed(_)) => {}
                    }
                }
                // Without our `Display`, `__write_message` formats the template itself.
                if let Message::Template { resolved, .. } = &own.message {
                    if !our_display {
                        http_error.template(fields, resolved);
                    }
                }
            }
        }
        if let Display::Template(resolved) = &plan.display {
            display.template(fields, resolved);
        }
        if let Some(cause) = plan.source {
            let field = &fields[cause.field];
            let ty = field.option_inner().unwrap_or(field.ty);
            error.add_type(ty, quote!(::core::error::Error + 'static));
        }
    }
    if generic {
        // The log reads the error's own `Display` and `source()`.
        http_error.predicate(quote!(Self: ::core::error::Error));
        serialize.predicate(quote!(Self: ::httperr::HttpError));
        error.predicate(quote!(Self: ::core::fmt::Debug + ::core::fmt::Display));
    }
    Bounds {
        http_error: http_error.out,
        serialize: serialize.out,
        display: display.out,
        error: error.out,
    }
}

/// The predicates of one impl, each once, in the order first needed.
struct Inferred<'a> {
    params: &'a [&'a Ident],
    seen: Vec<String>,
    out: Vec<WherePredicate>,
}

impl<'a> Inferred<'a> {
    fn new(params: &'a [&'a Ident]) -> Self {
        Inferred {
            params,
            seen: Vec::new(),
            out: Vec::new(),
        }
    }

    fn add(&mut self, field: &Field<'_>, bound: TokenStream) {
        self.add_type(field.ty, bound);
    }

    fn add_type(&mut self, ty: &syn::Type, bound: TokenStream) {
        if mentions(ty.to_token_stream(), self.params) {
            self.predicate(quote!(#ty: #bound));
        }
    }

    /// The formatting trait each hole needs of the field it names (`{x:?}`: `Debug`). Fields
    /// used only inside extra arguments are the user's expressions' business.
    fn template(&mut self, fields: &[Field<'_>], resolved: &Resolved) {
        for &(i, how) in &resolved.uses {
            if !matches!(how, "any" | "usize" | "Path") {
                let name = Ident::new(how, proc_macro2::Span::call_site());
                self.add(&fields[i], quote!(::core::fmt::#name));
            }
        }
    }

    fn predicate(&mut self, tokens: TokenStream) {
        let Ok(predicate) = syn::parse2::<WherePredicate>(tokens) else {
            return;
        };
        let key = predicate.to_token_stream().to_string();
        if !self.seen.contains(&key) {
            self.seen.push(key);
            self.out.push(predicate);
        }
    }
}

/// Whether a type mentions one of the type parameters, at any depth.
fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    for token in tokens {
        let found = match token {
            TokenTree::Ident(ident) => params.contains(&&ident),
            TokenTree::Group(group) => mentions(group.stream(), params),
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}
