//! The macro's `tokens!` templates: the same output as `quote!`, holes filled at any depth, and
//! an internal mistake reported as a compile error, never a panic.
//!
//! Compiled into this test by path, as `macro_fuzz` does (a proc-macro crate exports no
//! functions); here the tokens come from proc_macro2's own lexer, not rustc's.

#[path = "../../macros/src/tokens.rs"]
mod tokens;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use tokens::{lex, tokens, tokens_at};

fn same(left: TokenStream, right: TokenStream) {
    assert_eq!(left.to_string(), right.to_string());
}

#[test]
fn matches_quote_with_holes_at_every_depth() {
    let ident: syn::Ident = syn::parse_quote!(UserError);
    let body = quote!(match self {
        Self::A => 1,
    });
    let code = 404u16;
    let missing: Option<TokenStream> = None;
    let filled = tokens!(
        "#[automatically_derived]
        impl ::httperr::HttpError for #ident {
            fn status(&self) -> u16 { const { #code } }
            fn other(&self) -> [u8; 2] { [#body, (#code)] }
            #missing
        }",
        ident,
        body,
        code,
        missing,
    );
    let expected = quote! {
        #[automatically_derived]
        impl ::httperr::HttpError for #ident {
            fn status(&self) -> u16 { const { #code } }
            fn other(&self) -> [u8; 2] { [#body, (#code)] }
            #missing
        }
    };
    same(filled, expected);
}

#[test]
fn values_may_be_given_in_place_and_reused() {
    let filled = tokens!("#a + #a * #b", a = 2u8, b = quote!(x.len()));
    same(filled, quote!(2u8 + 2u8 * x.len()));
}

#[test]
fn a_template_is_reused_with_new_values_within_and_across_macro_calls() {
    let make = |n: u32| tokens!("Some(#n)", n);
    for call in 0..2 {
        // What each macro call does: its lexed templates are dropped when it returns.
        let _scope = tokens::Scope::enter();
        let other = call + 10;
        same(make(call), quote!(Some(#call)));
        same(make(other), quote!(Some(#other)));
    }
}

#[test]
fn attributes_and_raw_identifiers_are_not_holes() {
    let filled = tokens!("#[allow(dead_code)] fn r#type() { #[doc = \"x\"] struct S; }");
    same(
        filled,
        quote!(
            #[allow(dead_code)]
            fn r#type() {
                #[doc = "x"]
                struct S;
            }
        ),
    );
}

#[test]
fn a_hole_without_a_value_is_a_compile_error() {
    let filled = tokens!("fn f() -> #missing {}").to_string();
    assert!(filled.contains("compile_error"), "{filled}");
    assert!(filled.contains("has no value for #missing"), "{filled}");
}

#[test]
fn a_template_that_does_not_lex_is_a_compile_error() {
    let filled = tokens!("fn f() { ").to_string();
    assert!(filled.contains("compile_error"), "{filled}");
    assert!(filled.contains("failed to lex"), "{filled}");
}

/// The span itself cannot be seen outside a real macro call (here every span is the same);
/// the compile-fail tests check where `tokens_at!` points, e.g. `source-not-an-error`.
#[test]
fn tokens_at_fills_like_tokens() {
    let binding = quote!(__f_source);
    let at = Span::call_site();
    same(
        tokens_at!(at, "Some(#binding.as_dyn_error())", binding),
        quote!(Some(__f_source.as_dyn_error())),
    );
}

#[test]
fn lex_reads_source_text_as_tokens() {
    same(
        lex("Self::A | Self::B { .. } => ::httperr::__private::Cow::Borrowed(\"a \\\"b\\\"\"),"),
        quote!(Self::A | Self::B { .. } => ::httperr::__private::Cow::Borrowed("a \"b\""),),
    );
    same(lex(""), quote!());
}

#[test]
fn lex_turns_bad_text_into_a_compile_error() {
    let out = lex("match self { \"unterminated").to_string();
    assert!(out.contains("compile_error"), "{out}");
    assert!(out.contains("failed to lex"), "{out}");
}
