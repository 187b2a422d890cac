//! Renders the plan as impls with `quote!`: the entry points, and what every impl shares (its
//! header with the inferred bounds, a method's `match` over the plan's groups, patterns).
//!
//! One generator per generated impl, in `expand/`: rendering decides nothing; every choice is
//! the plan's. Generated code names runtime items through `::httperr::__private` only (as
//! `__p` inside the `const _` block that holds the impls), and carries no `#[allow]`: it is
//! lint-clean, so a user's `#![forbid(...)]` never meets one.

mod http_error;
mod std_impls;

use crate::ast::{Input, Style, Variant};
use crate::attr::StatusKind;
use crate::errors::Errors;
use crate::plan::{Match, Plan, Response, StatusSource};
use crate::valid;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::{DeriveInput, WherePredicate};

pub(crate) fn derive(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    match try_expand(&input) {
        Ok(tokens) => tokens,
        Err((error, captured)) => crate::fallback::expand(&input, &error, &captured),
    }
}

/// The impls, or the errors and the names the templates take from the scope.
fn try_expand(input: &DeriveInput) -> Result<TokenStream, (syn::Error, Vec<Ident>)> {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    let plan = model.as_ref().map(|model| valid::check(model, &mut errors));
    let captured = errors.take_captured();
    if let Err(error) = errors.finish() {
        return Err((error, captured));
    }
    match plan {
        Some(plan) => Ok(Render::new(&plan).all()),
        // `from_syn` returns `None` only after recording an error.
        None => Err((
            syn::Error::new_spanned(
                &input.ident,
                "#[derive(HttpError)] could not read this item",
            ),
            Vec::new(),
        )),
    }
}

/// `httperr::status!(409)`: a checked `http::StatusCode`, usable in const context.
pub(crate) fn status(input: TokenStream) -> TokenStream {
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
            if crate::codes::check(code, span, false, false, &mut errors) =>
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
            quote_spanned!(span=> const { ::httperr::__private::status(#code) })
        }
        // In a block: `status!` is an expression, and two `compile_error!`s side by side are
        // not one (rustc would report only the first, plus parse errors of its own).
        (Err(error), _) => {
            let errors = error.to_compile_error();
            quote!({ #errors })
        }
        (Ok(()), None) => quote!(::core::compile_error!("status! expects a status code")),
    }
}

/// The plan, with what every generator needs from it.
struct Render<'a> {
    plan: &'a Plan<'a>,
    /// Each variant's pattern that binds nothing, made once: most arms of every `match` use it.
    unbound: Vec<TokenStream>,
}

impl<'a> Render<'a> {
    fn new(plan: &'a Plan<'a>) -> Self {
        let mut unbound = Vec::with_capacity(plan.variants.len());
        for variant in &plan.variants {
            unbound.push(pattern(variant.variant, plan.input.is_enum, &[]));
        }
        Render { plan, unbound }
    }

    fn all(&self) -> TokenStream {
        let http_error = http_error::http_error(self);
        let serialize = match self.plan.impls.serialize {
            true => self.serialize(),
            false => TokenStream::new(),
        };
        let std_impls = std_impls::std_impls(self);
        // The methods the lookups through `Forward` (a transparent variant) and `StatusOf` (a
        // status chosen at run time) are found in.
        let looked_up = |v: &crate::plan::VariantPlan<'_>| match &v.response {
            Response::Own(own) => own.runtime.is_some(),
            Response::Transparent(_) => true,
        };
        let mut methods = TokenStream::new();
        if self.plan.variants.iter().any(looked_up) {
            methods = quote!(
                use __p::methods::*;
            );
        }
        // One scope for every impl: method bodies name `::httperr::__private` as `__p` (five
        // tokens fewer per path; a large enum's expansion cost is per token), and the
        // `HttpError` impl always uses it.
        // Each declared shape as a constant of the type it must have: a path that is not a
        // `Shape` is one error, at the path, and no use of the constant is another.
        let mut shapes = TokenStream::new();
        if let Some(base) = &self.plan.problem_base {
            shapes.extend(quote!(
                const __PROBLEM: __p::Shape = __p::Shape::problem().type_base(#base);
            ));
        }
        for (i, shape) in self.plan.shapes.iter().enumerate() {
            let name = shape_const(i);
            let path = &shape.path;
            let at = syn::spanned::Spanned::span(path);
            shapes.extend(quote_spanned!(at=> const #name: &__p::Shape = &#path;));
        }
        quote! {
            const _: () = {
                use ::httperr::__private as __p;
                #shapes
                #methods
                #http_error
                #serialize
                #std_impls
            };
        }
    }

    /// The constant generated code reads a declared shape through.
    fn shape(&self, path: &crate::plan::UserPath) -> Ident {
        let i = self.plan.shapes.iter().position(|shape| shape == path);
        shape_const(i.unwrap_or_default())
    }

    /// `Serialize`: exactly the body object, written by the runtime from the `HttpError` impl.
    fn serialize(&self) -> TokenStream {
        let header = self.impl_header(
            quote!(::httperr::__private::serde::Serialize),
            &self.plan.bounds.serialize,
        );
        // Without details the type may be unsized (a last field `str`): reading details
        // needs `Sized`.
        let serialize = match self.plan.methods.has_details {
            Some(_) => quote!(serialize),
            None => quote!(serialize_without_details),
        };
        quote! {
            #header {
                fn serialize<__S: ::httperr::__private::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    ::httperr::__private::#serialize(self, __serializer)
                }
            }
        }
    }

    /// `impl<…> Trait for Type<…> where …`, with the type's own predicates and `bounds`.
    fn impl_header(&self, trait_path: TokenStream, bounds: &[WherePredicate]) -> TokenStream {
        let input = self.plan.input;
        let ident = call_site(input.ident);
        let mut generics = input.generics.clone();
        if !bounds.is_empty() {
            let predicates = &mut generics.make_where_clause().predicates;
            for bound in bounds {
                predicates.push(bound.clone());
            }
        }
        let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics #trait_path for #ident #type_generics #where_clause
        }
    }

    /// A method body: `match self` over the groups of `arms`, each group's arm rendered once by
    /// `body(arm, first variant)`; just the body when one arm serves every variant.
    fn dispatch<A>(&self, arms: &Match<A>, body: &dyn Fn(&A, usize) -> TokenStream) -> TokenStream {
        if let [group] = arms.groups.as_slice() {
            if group.rest {
                return body(&arms.arms[group.variants[0]], group.variants[0]);
            }
        }
        if arms.groups.is_empty() {
            return quote!(match *self {});
        }
        let mut out = TokenStream::new();
        for group in &arms.groups {
            let first = group.variants[0];
            let body = body(&arms.arms[first], first);
            if group.rest {
                out.extend(quote!(_ => #body,));
                continue;
            }
            let mut patterns = TokenStream::new();
            for (k, &v) in group.variants.iter().enumerate() {
                if k > 0 {
                    patterns.extend(quote!(|));
                }
                let binds = &arms.binds[v];
                patterns.extend(match binds.is_empty() {
                    true => self.unbound[v].clone(),
                    false => pattern(
                        self.plan.variants[v].variant,
                        self.plan.input.is_enum,
                        binds,
                    ),
                });
            }
            out.extend(quote!(#patterns => #body,));
        }
        quote!(match self { #out })
    }

    fn variant(&self, v: usize) -> &Variant<'_> {
        self.plan.variants[v].variant
    }

    /// `__p::<function>(code)` for a variant whose status is chosen at run time: the code of
    /// the `#[status]` field at its type, or of the `with` function's result at its path, where
    /// a value that is not a status code is reported (once: every use is the same expression).
    fn runtime_call(&self, v: usize, function: &str, extra: TokenStream) -> TokenStream {
        let Response::Own(own) = &self.plan.variants[v].response else {
            return TokenStream::new();
        };
        let Some(runtime) = &own.runtime else {
            return TokenStream::new();
        };
        let function = Ident::new(function, Span::call_site());
        // `status()` reads the value through `status_code`, the one place a wrong type is
        // reported; the other methods through `StatusOf`, which stays quiet about it.
        let read = |value: TokenStream, at: Span| match function == "runtime_status" {
            true => quote_spanned!(at=> __p::status_code(#value)),
            false => quote!((&&__p::StatusOf(#value)).status_code()),
        };
        let code = match &runtime.source {
            StatusSource::Field(i) => {
                let field = &self.variant(v).fields[*i];
                let at = Span::call_site().located_at(syn::spanned::Spanned::span(field.ty));
                let binding = format_ident!("{}", field.binding, span = at);
                read(binding.into_token_stream(), at)
            }
            StatusSource::With(path) => {
                let at = Span::call_site().located_at(syn::spanned::Spanned::span(path));
                let mut args = TokenStream::new();
                for field in &self.variant(v).fields {
                    let binding = &field.binding;
                    args.extend(quote!(#binding,));
                }
                read(quote_spanned!(at=> &#path(#args)), at)
            }
        };
        quote!(__p::#function(#code #extra))
    }

    /// The binding of field `i` of variant `v`, as its pattern names it.
    fn binding(&self, v: usize, i: usize) -> &Ident {
        &self.variant(v).fields[i].binding
    }

    /// A transparent variant's arm: `<Field as HttpError>::method(field, …)`. When the field's
    /// type lacks the impl, the error points at the type (once, however many methods forward
    /// to it) rather than at the derive. `argument` is the method's own, passed on.
    /// A transparent variant's call of `method` on its field. `status()` names the trait: the
    /// one place a field that is not an `HttpError` is reported. Every other method goes
    /// through `Forward` (see its docs in the runtime), which stays quiet about it.
    fn forward(&self, v: usize, method: &str, argument_name: Option<&str>) -> TokenStream {
        let Response::Transparent(i) = self.plan.variants[v].response else {
            return TokenStream::new();
        };
        let field = &self.variant(v).fields[i];
        let inner = &field.binding;
        let mut argument = Vec::new();
        argument.extend(argument_name.map(|name| Ident::new(name, Span::call_site())));
        if method == "status" {
            let ty = qualified_self(field.ty);
            return quote!(<#ty as ::httperr::HttpError>::status(#inner));
        }
        // Named apart from `HttpError`'s methods, which rustc's hints would otherwise list
        // beside them.
        let method = format_ident!("forward_{}", method.trim_start_matches('_'));
        quote!((&&__p::Forward(#inner)).#method(#(#argument)*))
    }
}

/// The identifier at the call site's span: naming a `#[deprecated]` type or variant there is
/// not a use the lint reports (it would be, at the item's own span).
pub(crate) fn call_site(ident: &Ident) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(Span::call_site());
    ident
}

/// The pattern of a variant binding the fields `binds` and ignoring the others with `..`.
fn pattern(variant: &Variant<'_>, is_enum: bool, binds: &[usize]) -> TokenStream {
    let path = variant.path(is_enum);
    let mut fields = TokenStream::new();
    match variant.style {
        Style::Unit => path,
        Style::Named => {
            for &i in binds {
                let field = &variant.fields[i];
                let (ident, binding) = (&field.original.ident, &field.binding);
                fields.extend(quote!(#ident: #binding,));
            }
            quote!(#path { #fields .. })
        }
        Style::Tuple => {
            // Positions before the last bound one need a placeholder each.
            let mut last = 0;
            for &i in binds {
                last = last.max(i + 1);
            }
            for (i, field) in variant.fields.iter().enumerate().take(last) {
                match binds.contains(&i) {
                    true => field.binding.to_tokens(&mut fields),
                    false => fields.extend(quote!(_)),
                }
                fields.extend(quote!(,));
            }
            quote!(#path(#fields ..))
        }
    }
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

/// `Some("text")` or `None`, through `__p`.
fn option(value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => quote!(__p::Some(#value)),
        None => quote!(__p::None),
    }
}

fn shape_const(i: usize) -> Ident {
    format_ident!("__SHAPE_{}", i)
}
