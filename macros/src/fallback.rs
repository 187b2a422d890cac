//! What the derive emits when the input has errors: the errors, plus stub impls so that uses
//! of the type elsewhere do not add a cascade of "trait not implemented" errors.

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, quote};
use syn::{Data, DeriveInput, Fields, Meta, Type};

/// `captured`: the names templates take from the scope, which rustc checks as it would in the
/// real impls.
pub(crate) fn expand(input: &DeriveInput, error: &syn::Error, captured: &[Ident]) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let errors = error.to_compile_error();
    let thiserror = has_error_attr(input);
    let skipped = skipped(input);
    let ours = |name: &str| !skipped.iter().any(|skip| skip == name);
    // The stubs are never run: the crate does not compile while `errors` are present.
    let mut std_impls = TokenStream::new();
    if !thiserror && ours("From") {
        std_impls.extend(from_impls(input));
    }
    if !thiserror && ours("Display") {
        std_impls.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #type_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
        });
    }
    if !thiserror && ours("Error") {
        // `for<'__workaround>` keeps the bound from being checked as a trivial bound, which
        // would report a missing `Debug` on top of the real errors (rust-lang/rust#48214).
        let mut generics = input.generics.clone();
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(for<'__workaround> #ident #type_generics: ::core::fmt::Debug));
        let where_debug = &generics.where_clause;
        std_impls.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #ident #type_generics #where_debug {}
        });
    }
    if ours("Serialize") {
        std_impls.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::httperr::__private::serde::Serialize for #ident #type_generics #where_clause {
                fn serialize<__S: ::httperr::__private::Serializer>(
                    &self,
                    _: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    ::core::unreachable!()
                }
            }
        });
    }
    // A captured name is a constant of the scope; a generic parameter (a const `N`) is in scope
    // only inside the impls, so it is left out. rustc reports no unresolved name in a module
    // where a macro failed (the macro might have defined it): the check goes in a module of
    // its own that sees the parent's names. A constant local to a function body is not seen
    // from there; that costs a spurious error only beside a real one.
    let mut scope_checks = TokenStream::new();
    for name in captured {
        if !input.generics.params.iter().any(|param| match param {
            syn::GenericParam::Const(param) => param.ident == *name,
            syn::GenericParam::Type(param) => param.ident == *name,
            syn::GenericParam::Lifetime(_) => false,
        }) {
            scope_checks.extend(quote!(let _ = &#name;));
        }
    }
    if !scope_checks.is_empty() {
        scope_checks = quote!(const _: () = {
            mod __scope {
                use super::*;
                const _: () = { #scope_checks };
            }
        };);
    }
    quote! {
        #errors
        #scope_checks
        #[automatically_derived]
        impl #impl_generics ::httperr::HttpError for #ident #type_generics #where_clause {
            fn status(&self) -> ::httperr::__private::StatusCode {
                ::core::unreachable!()
            }
            fn message(&self) -> ::httperr::__private::Cow<'_, ::core::primitive::str> {
                ::core::unreachable!()
            }
        }
        #std_impls
    }
}

/// `From` for each `#[from]` that the derive would have implemented, so that `?` on the
/// wrapped type does not add an error: one per type, on one-field variants only.
fn from_impls(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let mut all: Vec<&Fields> = Vec::new();
    match &input.data {
        Data::Enum(data) => {
            for variant in &data.variants {
                all.push(&variant.fields);
            }
        }
        Data::Struct(data) => all.push(&data.fields),
        Data::Union(_) => {}
    }
    let is_param = |ty: &Type| {
        if let Type::Path(path) = ty {
            if path.qself.is_none() {
                for param in input.generics.type_params() {
                    if path.path.is_ident(&param.ident) {
                        return true;
                    }
                }
            }
        }
        false
    };
    let mut seen: Vec<String> = Vec::new();
    let mut out = TokenStream::new();
    for fields in all {
        let mut iter = fields.iter();
        let (Some(field), None) = (iter.next(), iter.next()) else {
            continue;
        };
        let mut from = false;
        for attr in &field.attrs {
            from |= attr.path().is_ident("from") && matches!(attr.meta, Meta::Path(_));
        }
        let ty = crate::ast::option_inner(&field.ty).unwrap_or(&field.ty);
        let key = ty.to_token_stream().to_string();
        if !from || is_param(ty) || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        out.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ty> for #ident #type_generics #where_clause {
                fn from(_: #ty) -> Self {
                    ::core::unreachable!()
                }
            }
        });
    }
    out
}

/// The impls `#[http(skip(...))]` names, read leniently: the attribute may be what failed.
fn skipped(input: &DeriveInput) -> Vec<String> {
    let mut skipped = Vec::new();
    for attr in &input.attrs {
        if !attr.path().is_ident("http") {
            continue;
        }
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("skip") && meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|item| {
                    if let Some(ident) = item.path.get_ident() {
                        skipped.push(ident.to_string());
                    }
                    Ok(())
                })?;
            } else {
                // Another option's value: skip it to reach the next option.
                while !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    meta.input.parse::<proc_macro2::TokenTree>()?;
                }
            }
            Ok(())
        });
    }
    skipped
}

fn has_error_attr(input: &DeriveInput) -> bool {
    fn is_error(attrs: &[syn::Attribute]) -> bool {
        let mut found = false;
        for attr in attrs {
            found |= attr.path().is_ident("error");
        }
        found
    }
    let mut found = is_error(&input.attrs);
    if let Data::Enum(data) = &input.data {
        for variant in &data.variants {
            found |= is_error(&variant.attrs);
        }
    }
    found
}
