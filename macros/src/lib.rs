//! The `#[derive(HttpError)]`, framework derives and `status!` macros. Documentation lives in the `httperr` crate.
//!
//! # The pipeline
//!
//! 1. **Parse** the input once into a typed model: `ast` (the type, its variants and fields),
//!    with `attr` (the attributes) and `template` (message and header templates).
//! 2. **Validate** the model into a complete plan: `valid` checks every rule, recording each
//!    error and moving on, and decides everything that is generated — status, message, body
//!    and header routes (`route`), the source and `From` fields, each generated method's arms
//!    and which variants share them (`arms`), and the bounds each impl needs (`bound`). The
//!    plan's types are in `plan`.
//! 3. **Render** the plan with `quote!` (`expand`): one generator per generated impl, in
//!    `expand/`. Rendering decides nothing. When step 1 or 2 found errors, `fallback` emits
//!    them with stub impls instead, so that uses of the type add no cascade of errors.
//!
//! Shared knowledge comes from the runtime's own source files: `table.rs` (the status-code
//! table) and `layout.rs` (the body layout, JSON escaping and the title rule), which fixed
//! bodies (`json`) and titles (`codes::title`) follow. Generated code names runtime items only through
//! `::httperr::__private`.
//!
//! # Where things are
//!
//! | file | holds |
//! |---|---|
//! | `ast.rs` | the model: `Input`, `Variant`, `Field` |
//! | `attr.rs` | `#[status]`, `#[header]`, `#[http]`, `#[from]`, `#[source]`, `#[detail]`, `#[transparent]` parsing |
//! | `template.rs` | templates: holes, extra arguments, resolution against a variant's fields |
//! | `valid.rs` | every rule of the spec; builds the plan |
//! | `transparent.rs` | the rules of a transparent variant (its forwarded field, what it may not say) |
//! | `plan.rs` | the plan's types |
//! | `route.rs` | the fast path of each message, header and body |
//! | `arms.rs` | each method's arms, and the grouping of variants that share one |
//! | `bound.rs` | where-clause predicates inferred per impl |
//! | `expand/` | rendering: `mod.rs` (entry points, impl headers, `match`es, patterns), `http_error.rs`, `std_impls.rs` (`Display`, `Error`, `From`) |
//! | `glue.rs` | the framework derives (`httperr::axum::IntoResponse`, …): one call of the runtime's glue macro each |
//! | `fallback.rs` | stub impls when there are errors |
//! | `args.rs` | a template's extra arguments: split into expressions, fields rewritten |
//! | `headers.rs` | http's header constants, and the rules a `#[header]` is checked against |
//! | `codes.rs`, `json.rs`, `names.rs`, `errors.rs` | the status table's view and a code's check, compile-time bodies, name helpers, error accumulation |
//! | `table.rs`, `layout.rs` | the runtime's files (symlinks): the status table, the body layout |
//!
//! # How to add an attribute
//!
//! 1. Parse it in `attr.rs` into a field of `Attrs` or `FieldAttrs` (keep its span; record
//!    errors with `Errors` and go on), and list it in `HTTP_OPTIONS` if it is an `#[http]`
//!    option.
//! 2. Check it in `valid.rs` (misplaced, conflicting, invalid: one spanned error each) and
//!    record its effect in the plan (`plan.rs`): a field of `Own` or `VariantPlan`, and, if it
//!    changes a generated method, that method's arm type and its construction in `arms.rs`.
//!    If a generated impl reads a new field, say which bound it needs in `bound.rs`.
//! 3. Render the new arm in the generator of its impl in `expand/`.
//! 4. Test it: behaviour in `tests/tests/`, every misuse as a ui case in `tests/tests/ui/`,
//!    and a seed in `tests/tests/macro_fuzz.rs`.
#![forbid(unsafe_code)]
// Plain loops rather than iterator adapters: each adapter called with a closure is generic code
// compiled anew for that closure, and they were a quarter of this crate's build.
#![allow(clippy::manual_find)]

extern crate proc_macro;

mod args;
mod arms;
mod ast;
mod attr;
mod bound;
mod codes;
mod errors;
mod expand;
mod fallback;
mod glue;
mod headers;
mod json;
mod layout;
mod names;
mod plan;
mod route;
mod template;
mod transparent;
mod valid;

use proc_macro::TokenStream;

#[proc_macro_derive(
    HttpError,
    attributes(status, header, headers, http, from, source, detail, transparent, code)
)]
pub fn derive_http_error(input: TokenStream) -> TokenStream {
    expand::derive(input.into()).into()
}

// The framework derives, re-exported by the runtime as `httperr::<framework>::<Trait>`
// (see `glue.rs`).

#[proc_macro_derive(AxumIntoResponse)]
pub fn derive_axum_into_response(input: TokenStream) -> TokenStream {
    glue::derive(input.into(), "__impl_axum").into()
}

#[proc_macro_derive(ActixWebResponseError)]
pub fn derive_actix_web_response_error(input: TokenStream) -> TokenStream {
    glue::derive(input.into(), "__impl_actix_web").into()
}

#[proc_macro_derive(PoemResponseError)]
pub fn derive_poem_response_error(input: TokenStream) -> TokenStream {
    glue::derive(input.into(), "__impl_poem").into()
}

#[proc_macro_derive(RocketResponder)]
pub fn derive_rocket_responder(input: TokenStream) -> TokenStream {
    glue::derive(input.into(), "__impl_rocket").into()
}

#[proc_macro_derive(WarpReply)]
pub fn derive_warp_reply(input: TokenStream) -> TokenStream {
    glue::derive(input.into(), "__impl_warp").into()
}

#[proc_macro_derive(SalvoScribe)]
pub fn derive_salvo_scribe(input: TokenStream) -> TokenStream {
    glue::derive(input.into(), "__impl_salvo").into()
}

#[proc_macro_derive(UtoipaIntoResponses)]
pub fn derive_utoipa_into_responses(input: TokenStream) -> TokenStream {
    glue::derive(input.into(), "__impl_utoipa").into()
}

#[proc_macro]
pub fn status(input: TokenStream) -> TokenStream {
    expand::status(input.into()).into()
}
