//! `Display`, `std::error::Error` and `From`, for a type thiserror does not derive.

use super::Render;
use crate::plan::{Display, DisplayArm, SourceArm};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// Those of the three the plan says are ours.
pub(super) fn std_impls(r: &Render<'_>) -> TokenStream {
    let impls = r.plan.impls;
    let mut out = TokenStream::new();
    if impls.display {
        out.extend(display(r));
    }
    if impls.error {
        out.extend(error(r));
    }
    if impls.from {
        out.extend(from(r));
    }
    out
}

fn display(r: &Render<'_>) -> TokenStream {
    let header = r.impl_header(quote!(::core::fmt::Display), &r.plan.bounds.display);
    let body = r.dispatch(&r.plan.methods.display, &|arm, v| match arm {
        DisplayArm::Fixed(text) => quote!(__formatter.write_str(#text)),
        DisplayArm::Template => match &r.plan.variants[v].display {
            Display::Template(resolved) => {
                let (format, args) = (&resolved.format, &resolved.args);
                quote!(__formatter.write_fmt(::core::format_args!(#format #args)))
            }
            Display::Fixed(_) | Display::Transparent(_) | Display::Title => TokenStream::new(),
        },
        DisplayArm::Title => {
            let title = r.runtime_call(v, "runtime_title", TokenStream::new());
            quote!(__formatter.write_str(#title))
        }
        DisplayArm::Forward => {
            let inner = r.binding(v, r.plan.methods.display.binds[v][0]);
            quote!((&&__p::Forward(#inner)).forward_display(__formatter))
        }
    });
    quote! {
        #header {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }
    }
}

fn error(r: &Render<'_>) -> TokenStream {
    let header = r.impl_header(quote!(::core::error::Error), &r.plan.bounds.error);
    let body = source(r);
    quote! {
        #header {
            fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                #body
            }
        }
    }
}

/// The body of `Error::source`, from the plan's sources.
pub(super) fn source(r: &Render<'_>) -> TokenStream {
    let arms = &r.plan.methods.source;
    // `.as_dyn_error()` turns any source into `&dyn Error`, a trait object included.
    let mut as_dyn_error = TokenStream::new();
    if arms.arms.iter().any(|arm| *arm != SourceArm::None) {
        as_dyn_error = quote!(
            use ::httperr::__private::AsDynError as _;
        );
    }
    let body = r.dispatch(arms, &|arm, v| match arm {
        SourceArm::None => quote!(__p::None),
        SourceArm::Field { optional } => {
            let field = &r.variant(v).fields[arms.binds[v][0]];
            // At the field's type: where a source that is not an `Error` is reported.
            let at = Span::call_site().located_at(field.ty.span());
            let binding = format_ident!("{}", field.binding, span = at);
            match optional {
                true => quote_spanned!(at=> ::core::option::Option::Some(#binding.as_ref()?.as_dyn_error())),
                false => quote_spanned!(at=> ::core::option::Option::Some(#binding.as_dyn_error())),
            }
        }
        SourceArm::Forward => {
            let inner = r.binding(v, arms.binds[v][0]);
            quote!((&&__p::Forward(#inner)).forward_source())
        }
    });
    quote!({
        #as_dyn_error
        #body
    })
}

/// `From<Field>` for each `#[from]` field; it reads nothing, so it needs no inferred bound.
fn from(r: &Render<'_>) -> TokenStream {
    let mut impls = TokenStream::new();
    for plan in &r.plan.variants {
        let Some(cause) = plan.from else {
            continue;
        };
        let field = &plan.variant.fields[cause.field];
        let ty = field.option_inner().unwrap_or(field.ty);
        let value = match cause.optional {
            true => quote!(::core::option::Option::Some(__source)),
            false => quote!(__source),
        };
        let path = plan.variant.path(r.plan.input.is_enum);
        let build = match &field.original.ident {
            Some(ident) => quote!(#path { #ident: #value }),
            None => quote!(#path(#value)),
        };
        let header = r.impl_header(quote!(::core::convert::From<#ty>), &[]);
        impls.extend(quote! {
            #header {
                fn from(__source: #ty) -> Self {
                    #build
                }
            }
        });
    }
    impls
}
