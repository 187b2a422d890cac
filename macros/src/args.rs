//! A template's extra arguments: split into expressions at their top-level commas, and `.field`
//! (or a field named bare) rewritten to the variant's binding of that field.
//!
//! syn without its `full` feature cannot parse expressions, so the split is a scan of the
//! tokens: a comma ends an argument unless it is inside a group or inside generic arguments
//! (`HashMap::<u8, u8>::new()`, `<T as Trait<A, B>>::f()`, `x as &dyn Trait<i32, A = i32>`).

use crate::template::FieldRef;
use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};

/// The arguments split at their top-level commas; a trailing comma ends the last one.
pub(crate) fn split(args: &TokenStream) -> Vec<Vec<TokenTree>> {
    let mut split = Vec::new();
    let mut arg: Vec<TokenTree> = Vec::new();
    let mut scan = Scan::default();
    for token in args.clone() {
        if scan.is_separator(&token) {
            if !arg.is_empty() {
                split.push(core::mem::take(&mut arg));
            }
            scan = Scan::default();
            continue;
        }
        scan.push(&token);
        arg.push(token);
    }
    if !arg.is_empty() {
        split.push(arg);
    }
    split
}

/// The arguments joined back with commas, without a trailing one.
pub(crate) fn join(split: &[Vec<TokenTree>]) -> TokenStream {
    let mut out = TokenStream::new();
    for (i, arg) in split.iter().enumerate() {
        if i > 0 {
            out.extend(quote!(,));
        }
        out.extend(arg.iter().cloned());
    }
    out
}

/// Where a scan of one argument stands: how deep in generic arguments, and whether the tokens
/// just read name a type (after `as` or a single `:`), where `<` opens generic arguments.
#[derive(Default)]
struct Scan {
    generics: usize,
    in_type: bool,
    /// The previous token, as what decides what a `<` means.
    previous: Previous,
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Previous {
    /// The start of the argument, or an operator: a `<` here starts a qualified path.
    #[default]
    Start,
    /// `::`: a `<` here is a turbofish.
    PathSeparator,
    /// A path segment or other value: a `<` here compares, outside a type.
    Word,
    /// The `-` or `=` of `->` and `=>`, whose `>` closes nothing.
    Arrow,
    Other,
}

impl Scan {
    fn is_separator(&self, token: &TokenTree) -> bool {
        self.generics == 0 && matches!(token, TokenTree::Punct(p) if p.as_char() == ',')
    }

    fn push(&mut self, token: &TokenTree) {
        let previous = self.previous;
        self.previous = match token {
            TokenTree::Punct(punct) => match punct.as_char() {
                '<' => {
                    let opens = match previous {
                        Previous::Start | Previous::PathSeparator => true,
                        Previous::Word => self.in_type || self.generics > 0,
                        Previous::Arrow | Previous::Other => self.generics > 0,
                    };
                    if opens {
                        self.generics += 1;
                    }
                    Previous::Start
                }
                '>' if previous != Previous::Arrow && self.generics > 0 => {
                    self.generics -= 1;
                    Previous::Word
                }
                ':' if punct.spacing() == Spacing::Joint => Previous::PathSeparator,
                ':' if previous == Previous::PathSeparator => Previous::PathSeparator,
                ':' => {
                    self.in_type = true;
                    Previous::Start
                }
                '-' | '=' if punct.spacing() == Spacing::Joint => Previous::Arrow,
                // `&`, `*`, `'` (of a lifetime) keep a type going.
                '&' | '*' | '\'' if self.in_type => Previous::Start,
                _ => {
                    self.in_type = false;
                    Previous::Start
                }
            },
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                if name == "as" || name == "dyn" || name == "impl" {
                    self.in_type = true;
                    Previous::Start
                } else if is_keyword(&name) {
                    Previous::Start
                } else {
                    Previous::Word
                }
            }
            TokenTree::Literal(_) => Previous::Word,
            TokenTree::Group(_) => {
                if self.generics == 0 {
                    self.in_type = false;
                }
                Previous::Other
            }
        };
    }
}

/// A keyword after which an expression starts: `.0` after it is a field, not an access.
fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "as" | "async"
            | "box"
            | "break"
            | "const"
            | "continue"
            | "dyn"
            | "else"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "move"
            | "mut"
            | "ref"
            | "return"
            | "static"
            | "unsafe"
            | "where"
            | "while"
            | "yield"
    )
}

/// The name of a `name = expr` argument (and not of `a == b`).
pub(crate) fn name(arg: &[TokenTree]) -> Option<String> {
    match arg {
        [TokenTree::Ident(name), TokenTree::Punct(eq), rest @ ..] if eq.as_char() == '=' => {
            match rest.first() {
                Some(TokenTree::Punct(p)) if p.as_char() == '=' => None,
                _ => Some(name.to_string()),
            }
        }
        _ => None,
    }
}

/// What rewriting found: a field the user named that the variant does not have.
pub(crate) struct UnknownField {
    pub(crate) name: String,
    pub(crate) span: Span,
}

/// Replaces `.field`, `.0` and a field named bare (`token`, for a field `token`) with the
/// field's binding: a reference to the field, as in thiserror. Each field used is pushed to
/// `used`.
pub(crate) fn rewrite(
    args: TokenStream,
    fields: &[FieldRef<'_>],
    used: &mut Vec<usize>,
    unknown: &mut Vec<UnknownField>,
) -> TokenStream {
    let mut out = TokenStream::new();
    let tokens: Vec<TokenTree> = args.into_iter().collect();
    // Whether the previous token ends a value, after which `.x` is an access of that value.
    let mut after_value = false;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let previous = i.checked_sub(1).map(|p| &tokens[p]);
        let next = tokens.get(i + 1);
        match token {
            TokenTree::Punct(dot) if dot.as_char() == '.' && !after_value => {
                let member = match next {
                    Some(TokenTree::Ident(ident)) => Some((ident.to_string(), ident.span())),
                    Some(TokenTree::Literal(lit)) => Some((lit.to_string(), lit.span())),
                    _ => None,
                };
                let Some((member, span)) = member else {
                    out.extend([token.clone()]);
                    after_value = false;
                    i += 1;
                    continue;
                };
                // `.0.1` lexes as `.` and the float `0.1`: field 0, then its field 1.
                let (name, rest) = match member.split_once('.') {
                    Some((name, rest)) => (name.to_owned(), Some(rest.to_owned())),
                    None => (member.clone(), None),
                };
                let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
                match field(fields, &name) {
                    Some(f) => {
                        used.push(f);
                        Ident::new(&fields[f].binding.to_string(), span).to_tokens(&mut out);
                        if let Some(rest) = rest {
                            let mut dot = Punct::new('.', Spacing::Alone);
                            dot.set_span(span);
                            let mut index = Literal::usize_unsuffixed(rest.parse().unwrap_or(0));
                            index.set_span(span);
                            out.extend([TokenTree::Punct(dot), TokenTree::Literal(index)]);
                        }
                    }
                    None => unknown.push(UnknownField { name, span }),
                }
                after_value = true;
                i += 2;
                continue;
            }
            TokenTree::Ident(ident) if is_bare_field(ident, previous, next) => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").unwrap_or(&name);
                match field(fields, name) {
                    Some(f) if !is_index(&fields[f].name) => {
                        used.push(f);
                        Ident::new(&fields[f].binding.to_string(), ident.span())
                            .to_tokens(&mut out);
                    }
                    _ => out.extend([token.clone()]),
                }
                after_value = true;
            }
            TokenTree::Group(group) => {
                let inner = rewrite(group.stream(), fields, used, unknown);
                let mut rewritten = Group::new(group.delimiter(), inner);
                rewritten.set_span(group.span());
                out.extend([TokenTree::Group(rewritten)]);
                after_value = group.delimiter() != Delimiter::None;
            }
            TokenTree::Punct(p) => {
                after_value = p.as_char() == '?';
                out.extend([token.clone()]);
            }
            TokenTree::Ident(ident) => {
                after_value = !is_keyword(&ident.to_string());
                out.extend([token.clone()]);
            }
            TokenTree::Literal(_) => {
                after_value = true;
                out.extend([token.clone()]);
            }
        }
        i += 1;
    }
    out
}

/// An identifier that, if it names a field, is that field: not a path segment, a method or
/// field after `.`, a macro, a struct literal's field name, nor a `name =` argument's name.
fn is_bare_field(ident: &Ident, previous: Option<&TokenTree>, next: Option<&TokenTree>) -> bool {
    let punct = |token: Option<&TokenTree>, c: char| matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c);
    let not_a_field = is_keyword(&ident.to_string())
        || punct(previous, '.')
        || punct(previous, ':')
        || punct(next, '!')
        || punct(next, ':')
        || (is_argument_start(previous) && alone_eq(next));
    !not_a_field
}

/// The start of an argument: where `name = …` names a named argument.
fn is_argument_start(previous: Option<&TokenTree>) -> bool {
    match previous {
        None => true,
        Some(TokenTree::Punct(p)) => p.as_char() == ',',
        Some(_) => false,
    }
}

/// A lone `=` (not the first of `==` or `=>`).
fn alone_eq(token: Option<&TokenTree>) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == '=' && p.spacing() == Spacing::Alone)
}

fn field(fields: &[FieldRef<'_>], name: &str) -> Option<usize> {
    for (i, field) in fields.iter().enumerate() {
        if field.name == name {
            return Some(i);
        }
    }
    None
}

fn is_index(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::split;
    use proc_macro2::TokenStream;

    fn args(source: &str) -> Vec<String> {
        let tokens: TokenStream = source.parse().unwrap();
        split(&tokens)
            .into_iter()
            .map(|arg| arg.into_iter().collect::<TokenStream>().to_string())
            .collect()
    }

    #[test]
    fn commas_inside_generic_arguments_do_not_split() {
        assert_eq!(args("HashMap::<u8, u8>::new().len(), 2").len(), 2);
        assert_eq!(args("<T as Trait<i32, A = i32>>::f(), x").len(), 2);
        assert_eq!(args("x as &dyn Trait<i32, A = i32>, y").len(), 2);
        assert_eq!(args("Vec::<Box<dyn Fn(u8) -> u8>>::new(), y").len(), 2);
        assert_eq!(args("f::<Vec<u8>, u8>(), y").len(), 2);
    }

    #[test]
    fn comparisons_are_not_generic_arguments() {
        assert_eq!(args("a < b, c > d"), ["a < b", "c > d"]);
        assert_eq!(args("a as u8 > b, c"), ["a as u8 > b", "c"]);
        assert_eq!(args("(a < b), c"), ["(a < b)", "c"]);
    }

    #[test]
    fn a_trailing_comma_ends_the_last_argument() {
        assert_eq!(args(".x + 1,"), [". x + 1"]);
        assert_eq!(args("a, b = 2,"), ["a", "b = 2"]);
    }

    #[test]
    fn closures_and_arrows() {
        assert_eq!(args("|x: Vec<u8, A>| x.len(), y").len(), 2);
        assert_eq!(args("match a { _ => 1 }, y").len(), 2);
    }
}
