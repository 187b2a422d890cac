//! `tokens!`: generated code written as source text with `#name` holes, lexed at expansion time.
//!
//! Why not `quote!`: it expands every token of a template into a statement of this crate, and
//! those statements were most of the crate's own build time. Here a template stays one string
//! that rustc's lexer reads in a single call, and one non-generic function fills its holes. The
//! output is the same as `quote!`'s: template tokens carry `Span::call_site()` (or the span
//! given to `tokens_at!`), and a hole's tokens keep their own spans.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::ToTokens;
use std::cell::RefCell;

/// `tokens!("impl #trait_path for #ident {}", trait_path, ident)`; a hole may also be given a
/// value in place: `tokens!("Some(#v)", v = value)`.
macro_rules! tokens {
    ($source:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::tokens::fill(
            $source,
            None,
            &[$((::core::stringify!($name), &$crate::tokens::tokens!(@value $name $($value)?) as &dyn $crate::tokens::Hole)),*],
        )
    };
    (@value $name:ident) => { $name };
    (@value $name:ident $value:expr) => { $value };
}

/// As `tokens!`, with every token of the template given `span` (as `quote_spanned!` does).
macro_rules! tokens_at {
    ($span:expr, $source:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::tokens::fill(
            $source,
            Some($span),
            &[$((::core::stringify!($name), &$crate::tokens::tokens!(@value $name $($value)?) as &dyn $crate::tokens::Hole)),*],
        )
    };
}

pub(crate) use {tokens, tokens_at};

type Holes<'a> = [(&'a str, &'a dyn Hole)];

/// What a hole holds: anything `quote!` could interpolate. A trait of one method, so that each
/// type's vtable brings no more code than that method.
pub(crate) trait Hole {
    fn emit(&self, out: &mut TokenStream);
}

impl<T: ToTokens + ?Sized> Hole for T {
    fn emit(&self, out: &mut TokenStream) {
        self.to_tokens(out);
    }
}

thread_local! {
    /// Each template lexed and split once per macro call: rustc registers every lexed string
    /// as a source file of its own, so lexing the same small template once per variant was the
    /// largest cost of a big enum's expansion. Emptied by `Scope`: token handles die with the
    /// macro call that made them.
    static LEXED: RefCell<Vec<Lexed>> = const { RefCell::new(Vec::new()) };
}

struct Lexed {
    source: &'static str,
    tokens: TokenStream,
    pieces: Vec<Piece>,
}

/// A template split into runs copied as they are and the holes between them. Runs are kept as
/// trees, not streams: `proc_macro2` buffers pushed trees, but extending by a stream costs
/// calls across the compiler's bridge, which is where a large enum's expansion time went.
enum Piece {
    Tokens(Vec<TokenTree>),
    Hole(String),
    /// A group with a hole somewhere inside; a group without one is part of a `Tokens` run.
    Group(Delimiter, Span, Vec<Piece>),
}

/// Held for the duration of one macro call; empties the template cache when dropped.
pub(crate) struct Scope(());

impl Scope {
    pub(crate) fn enter() -> Scope {
        LEXED.with(|lexed| lexed.borrow_mut().clear());
        Scope(())
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        LEXED.with(|lexed| lexed.borrow_mut().clear());
    }
}

pub(crate) fn fill(source: &'static str, span: Option<Span>, holes: &Holes<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    LEXED.with(|lexed| {
        let mut lexed = lexed.borrow_mut();
        // By address: each template is a literal of its own.
        let mut found = None;
        for (index, l) in lexed.iter().enumerate() {
            if core::ptr::eq(l.source, source) {
                found = Some(index);
                break;
            }
        }
        let index = match found {
            Some(index) => index,
            None => match source.parse::<TokenStream>() {
                Ok(tokens) => {
                    let pieces = split(tokens.clone());
                    lexed.push(Lexed {
                        source,
                        tokens,
                        pieces,
                    });
                    lexed.len() - 1
                }
                Err(_) => return internal_error(&mut out, "failed to lex"),
            },
        };
        match span {
            None => replay(&lexed[index].pieces, holes, &mut out),
            Some(span) => respan(lexed[index].tokens.clone(), span, holes, &mut out),
        }
    });
    out
}

/// Templates are this crate's own text, every one exercised by its tests; should one still be
/// wrong, the user gets an error that names us rather than a panic or silently wrong code.
fn internal_error(out: &mut TokenStream, what: &str) {
    let message = format!("httperr-macros: an internal template {what}; please report this");
    out.extend(syn::Error::new(Span::call_site(), message).to_compile_error());
}

/// `#` then an identifier is always a hole: attributes have `#[`, and a raw identifier lexes as
/// one token.
fn hole(tree: &TokenTree, next: Option<&TokenTree>) -> Option<String> {
    match (tree, next) {
        (TokenTree::Punct(punct), Some(TokenTree::Ident(name))) if punct.as_char() == '#' => {
            Some(name.to_string())
        }
        _ => None,
    }
}

fn value<'h>(holes: &'h Holes<'_>, name: &str) -> Option<&'h dyn Hole> {
    for &(hole, value) in holes {
        if hole == name {
            return Some(value);
        }
    }
    None
}

fn split(template: TokenStream) -> Vec<Piece> {
    fn end_run(run: &mut Vec<TokenTree>, pieces: &mut Vec<Piece>) {
        if !run.is_empty() {
            pieces.push(Piece::Tokens(core::mem::take(run)));
        }
    }
    let mut pieces = Vec::new();
    let mut run = Vec::new();
    let mut trees = template.into_iter().peekable();
    while let Some(tree) = trees.next() {
        if let Some(name) = hole(&tree, trees.peek()) {
            trees.next();
            end_run(&mut run, &mut pieces);
            pieces.push(Piece::Hole(name));
            continue;
        }
        if let TokenTree::Group(group) = &tree {
            let inner = split(group.stream());
            let mut holes = false;
            for piece in &inner {
                holes |= !matches!(piece, Piece::Tokens(_));
            }
            if holes {
                end_run(&mut run, &mut pieces);
                pieces.push(Piece::Group(group.delimiter(), group.span(), inner));
                continue;
            }
        }
        run.push(tree);
    }
    end_run(&mut run, &mut pieces);
    pieces
}

fn replay(pieces: &[Piece], holes: &Holes<'_>, out: &mut TokenStream) {
    for piece in pieces {
        match piece {
            Piece::Tokens(trees) => out.extend(trees.iter().cloned()),
            Piece::Hole(name) => match value(holes, name) {
                Some(value) => value.emit(out),
                None => internal_error(out, &format!("has no value for #{name}")),
            },
            Piece::Group(delimiter, span, inner) => {
                let mut stream = TokenStream::new();
                replay(inner, holes, &mut stream);
                let mut group = Group::new(*delimiter, stream);
                group.set_span(*span);
                out.extend([TokenTree::Group(group)]);
            }
        }
    }
}

/// As `replay`, giving every template token `span`.
fn respan(template: TokenStream, span: Span, holes: &Holes<'_>, out: &mut TokenStream) {
    let mut trees = template.into_iter().peekable();
    while let Some(mut tree) = trees.next() {
        if let Some(name) = hole(&tree, trees.peek()) {
            trees.next();
            match value(holes, &name) {
                Some(value) => value.emit(out),
                None => internal_error(out, &format!("has no value for #{name}")),
            }
            continue;
        }
        if let TokenTree::Group(group) = &tree {
            let mut inner = TokenStream::new();
            respan(group.stream(), span, holes, &mut inner);
            let mut filled = Group::new(group.delimiter(), inner);
            filled.set_span(span);
            out.extend([TokenTree::Group(filled)]);
            continue;
        }
        tree.set_span(span);
        out.extend([tree]);
    }
}

/// Rust source text made by this crate, as tokens with `Span::call_site()`: one call across the
/// compiler's bridge, however long the text.
pub(crate) fn lex(text: &str) -> TokenStream {
    match text.parse() {
        Ok(tokens) => tokens,
        Err(_) => {
            let mut out = TokenStream::new();
            internal_error(&mut out, "text failed to lex");
            out
        }
    }
}
