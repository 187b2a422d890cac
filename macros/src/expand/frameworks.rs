//! The framework glue: one call of the runtime's `__impl_frameworks!`, whose body depends on
//! the features the runtime was built with (a proc-macro cannot see them).

use super::Render;
use proc_macro2::TokenStream;
use quote::quote;
use syn::GenericParam;

pub(super) fn frameworks(r: &Render<'_>) -> TokenStream {
    let input = r.plan.input;
    let ident = super::call_site(input.ident);
    let mut params = input.generics.params.clone();
    for param in &mut params {
        match param {
            GenericParam::Type(ty) => ty.default = None,
            GenericParam::Const(c) => c.default = None,
            GenericParam::Lifetime(_) => {}
        }
    }
    let (_, type_generics, _) = input.generics.split_for_impl();
    // A generic `HttpError` impl carries bounds the framework impls must repeat; asking for
    // `Self: HttpError` covers them all, whatever they are.
    let mut generics = input.generics.clone();
    let predicates = &mut generics.make_where_clause().predicates;
    if !input.generics.params.is_empty() {
        predicates.push(syn::parse_quote!(Self: ::httperr::HttpError));
    }
    // Every framework trait takes the error by value, so it needs `Sized`; behind a
    // higher-ranked lifetime the bound is not checked eagerly, and an unsized type (a struct
    // whose last field is a `str`) simply has no framework impls instead of failing to build.
    predicates.push(syn::parse_quote!(for<'__httperr> Self: ::core::marker::Sized));
    let predicates = generics.where_clause.as_ref().map(|w| &w.predicates);
    quote!(::httperr::__impl_frameworks!([#params] #ident #type_generics [#predicates]);)
}
