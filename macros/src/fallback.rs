//! What the derive emits when the input has errors: the errors, plus stub impls so that uses
//! of the type elsewhere do not add a cascade of "trait not implemented" errors.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput};

pub(crate) fn expand(input: &DeriveInput, error: &syn::Error) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let errors = error.to_compile_error();
    let private = quote!(::httperr::__private);
    let thiserror = has_error_attr(input);
    // The stubs are never run: the crate does not compile while `errors` are present.
    let std_impls = if thiserror {
        quote!()
    } else {
        // `for<'__workaround>` keeps the bound from being checked as a trivial bound, which
        // would report a missing `Debug` on top of the real errors (rust-lang/rust#48214).
        let mut generics = input.generics.clone();
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(for<'__workaround> #ident #type_generics: ::core::fmt::Debug));
        let where_debug = &generics.where_clause;
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #type_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #ident #type_generics #where_debug {}
        }
    };
    quote! {
        #errors
        #[automatically_derived]
        impl #impl_generics ::httperr::HttpError for #ident #type_generics #where_clause {
            fn status(&self) -> #private::StatusCode {
                ::core::unreachable!()
            }
            fn message(&self) -> #private::Cow<'_, ::core::primitive::str> {
                ::core::unreachable!()
            }
        }
        #[automatically_derived]
        impl #impl_generics #private::serde::Serialize for #ident #type_generics #where_clause {
            fn serialize<__S: #private::Serializer>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                ::core::unreachable!()
            }
        }
        #std_impls
    }
}

fn has_error_attr(input: &DeriveInput) -> bool {
    let is_error =
        |attrs: &[syn::Attribute]| attrs.iter().any(|attr| attr.path().is_ident("error"));
    is_error(&input.attrs)
        || match &input.data {
            Data::Enum(data) => data.variants.iter().any(|v| is_error(&v.attrs)),
            _ => false,
        }
}
