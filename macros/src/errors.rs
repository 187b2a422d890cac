//! Collects every error of one expansion, so a single build shows all of them.

use proc_macro2::{Ident, Span};
use std::fmt::Display;

#[derive(Default)]
pub(crate) struct Errors {
    all: Option<syn::Error>,
    count: usize,
    /// Names templates take from the scope (a constant): not errors of the derive's, but
    /// rustc's to report. Kept so that when the derive fails for another reason, its stand-in
    /// impls still let rustc check them, and a misspelt name is not lost behind another error.
    captured: Vec<Ident>,
}

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        self.count += 1;
        match &mut self.all {
            Some(all) => all.combine(error),
            None => self.all = Some(error),
        }
    }

    pub(crate) fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Keeps the value of a parse, recording its error instead of stopping at it.
    pub(crate) fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    /// A template hole names `name`, which is not a field: `format_args!` takes it from the scope.
    pub(crate) fn captured(&mut self, name: &str, span: Span) {
        if let Ok(ident) = syn::parse_str::<Ident>(name) {
            self.captured.push(Ident::new(&ident.to_string(), span));
        }
    }

    pub(crate) fn take_captured(&mut self) -> Vec<Ident> {
        std::mem::take(&mut self.captured)
    }

    pub(crate) fn count(&self) -> usize {
        self.count
    }

    pub(crate) fn finish(self) -> syn::Result<()> {
        self.all.map_or(Ok(()), Err)
    }
}
