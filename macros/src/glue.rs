//! The framework derives: each implements one framework's trait for a type that derives
//! `HttpError`, by one call of that framework's glue macro in the runtime.
//!
//! They are derives of their own, named after the trait they implement
//! (`httperr::axum::IntoResponse`), rather than impls `#[derive(HttpError)]` emits whenever
//! the runtime's feature is on: a feature turned on anywhere in the dependency graph would then
//! add an impl to every derived type, and break a crate that writes that impl by hand.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, GenericParam, Ident};

/// `glue` is the runtime macro for the framework: `__impl_axum`, `__impl_utoipa`, ….
pub(crate) fn derive(input: TokenStream, glue: &str) -> TokenStream {
    let input = match syn::parse2::<DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let glue = Ident::new(glue, proc_macro2::Span::call_site());
    let ident = crate::expand::call_site(&input.ident);
    let mut params = input.generics.params.clone();
    for param in &mut params {
        match param {
            GenericParam::Type(ty) => ty.default = None,
            GenericParam::Const(c) => c.default = None,
            GenericParam::Lifetime(_) => {}
        }
    }
    let (_, type_generics, _) = input.generics.split_for_impl();
    // A generic `HttpError` impl carries bounds the framework impl must repeat; asking for
    // `Self: HttpError` covers them all, whatever they are.
    let mut generics = input.generics.clone();
    let predicates = &mut generics.make_where_clause().predicates;
    if !input.generics.params.is_empty() {
        predicates.push(syn::parse_quote!(Self: ::httperr::HttpError));
    }
    // Every framework trait takes the error by value, so it needs `Sized`; behind a
    // higher-ranked lifetime the bound is not checked eagerly, and an unsized type (a struct
    // whose last field is a `str`) simply has no framework impl instead of failing to build.
    predicates.push(syn::parse_quote!(for<'__httperr> Self: ::core::marker::Sized));
    let predicates = generics.where_clause.as_ref().map(|w| &w.predicates);
    quote!(::httperr::__private::#glue!([#params] #ident #type_generics [#predicates]);)
}
