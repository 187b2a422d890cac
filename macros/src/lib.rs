//! The `#[derive(HttpError)]` and `status!` macros. Documentation lives in the `httperr` crate.
//!
//! The pipeline: `ast` (with `attr` and `template`) parses the input once into a typed model,
//! `valid` checks it against every rule and resolves it into a plan, `expand` turns the plan
//! into impls that call `::httperr::__private`, and `fallback` stands in when there are errors.
//! Fixed bodies (`json`) and titles (`codes::title`) follow `layout`, the runtime's own file.
//! Generated code is written with `tokens!` (in `tokens`) rather than `quote!`: the same output,
//! at a fraction of this crate's own build time. Match arms that carry no span of the user's are
//! written as source text and lexed once per method (`expand::dispatch`): the derive's cost in a
//! user's build is per token made.
#![forbid(unsafe_code)]
// Plain loops rather than iterator adapters: each adapter called with a closure is generic code
// compiled anew for that closure, and they were a quarter of this crate's build.
#![allow(clippy::manual_find)]

extern crate proc_macro;

mod ast;
mod attr;
mod codes;
mod errors;
mod expand;
mod fallback;
mod headers;
mod json;
mod layout;
mod names;
mod template;
mod tokens;
mod valid;

use proc_macro::TokenStream;

#[proc_macro_derive(HttpError, attributes(status, header, http, from, source, detail))]
pub fn derive_http_error(input: TokenStream) -> TokenStream {
    expand::derive(input.into()).into()
}

#[proc_macro]
pub fn status(input: TokenStream) -> TokenStream {
    expand::status(input.into()).into()
}
