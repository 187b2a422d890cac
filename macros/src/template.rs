//! Message and header templates: `"user {id} not found"`, `"{0:?}"`, `"{} items", .items.len()`.
//!
//! A template is parsed once into holes, then resolved against one variant's fields: a field
//! named in a hole, or as `.field` in an extra argument, becomes the pattern binding of that
//! field. The result is a `write!` call whose format string keeps the user's span.

use crate::args;
use crate::errors::Errors;
use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::quote;
use std::ops::Range;
use syn::LitStr;

/// A template as written: the literal and any extra format arguments after it.
pub(crate) struct Template {
    pub(crate) lit: LitStr,
    pub(crate) args: TokenStream,
    value: String,
    holes: Vec<Hole>,
    named_args: Vec<String>,
    positional_args: usize,
}

struct Hole {
    arg: Arg,
    /// The text after `:`, kept as written (`>5`, `?`, `.prec$`).
    spec: String,
    /// Byte range of the whole `{…}` inside the literal's value.
    range: Range<usize>,
}

enum Arg {
    Next,
    Index(usize),
    Name(String),
}

/// What a field of the variant looks like to template resolution.
pub(crate) struct FieldRef<'a> {
    /// The name as written in templates: the identifier without `r#`, or the tuple index.
    pub(crate) name: String,
    pub(crate) binding: &'a Ident,
    /// A `Path` or `PathBuf`: a `{field}` hole prints its `.display()`.
    pub(crate) is_path: bool,
}

/// A piece of a template whose holes are all plain `{field}`s.
#[derive(Clone, PartialEq)]
pub(crate) enum Segment {
    /// Literal text, with `{{` and `}}` already unescaped.
    Text(String),
    /// The field at this index.
    Field(usize),
}

fn push_text(segments: &mut Option<Vec<Segment>>, text: &str) {
    if let Some(segments) = segments {
        if !text.is_empty() {
            segments.push(Segment::Text(unescape(text)));
        }
    }
}

/// A template resolved against one variant.
#[derive(Clone)]
pub(crate) struct Resolved {
    /// `write!(out, #format #args)`.
    pub(crate) format: LitStr,
    pub(crate) args: TokenStream,
    /// Indexes of the fields used, each with the formatting trait it needs (for generic bounds).
    pub(crate) uses: Vec<(usize, &'static str)>,
    /// The text, when the template has no holes and no arguments.
    pub(crate) fixed: Option<String>,
    /// The template as written, for API documentation.
    #[cfg(feature = "openapi")]
    pub(crate) text: String,
    /// The template as text and fields, when every hole is a plain `{field}`.
    pub(crate) segments: Option<Vec<Segment>>,
}

impl Resolved {
    /// The fields the template reads, each once.
    pub(crate) fn fields(&self) -> Vec<usize> {
        let mut fields = Vec::with_capacity(self.uses.len());
        for &(i, _) in &self.uses {
            if !fields.contains(&i) {
                fields.push(i);
            }
        }
        fields
    }
}

impl Template {
    /// The names the holes give, fields or not.
    pub(crate) fn hole_names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        for hole in &self.holes {
            if let Arg::Name(name) = &hole.arg {
                names.push(name.as_str());
            }
        }
        names
    }

    fn is_named_arg(&self, name: &str) -> bool {
        self.named_args.iter().any(|n| n == name)
    }

    pub(crate) fn parse(lit: LitStr, args: TokenStream, errors: &mut Errors) -> Option<Template> {
        let value = lit.value();
        let holes = match holes(&value) {
            Ok(holes) => holes,
            Err((message, range)) => {
                errors.at(subspan(&lit, range), message);
                return None;
            }
        };
        let split = args::split(&args);
        let mut named_args = Vec::new();
        let mut positional_args = 0;
        for arg in &split {
            match args::name(arg) {
                Some(name) => named_args.push(name),
                None => positional_args += 1,
            }
        }
        if !unused_args(&holes, &split, errors) {
            return None;
        }
        Some(Template {
            lit,
            // Without a trailing comma: named arguments are appended after them.
            args: args::join(&split),
            value,
            holes,
            named_args,
            positional_args,
        })
    }

    /// Resolves the holes and extra arguments against `fields`; errors point into the literal.
    pub(crate) fn resolve(&self, fields: &[FieldRef<'_>], errors: &mut Errors) -> Option<Resolved> {
        let before = errors_marker(errors);
        let mut out = String::with_capacity(self.value.len() + 16);
        let mut uses: Vec<(usize, &'static str)> = Vec::new();
        let mut next_positional = 0;
        let mut cursor = 0;
        let tuple = is_tuple(fields);
        let mut failed = false;
        // The template as text and fields, when every hole is a plain `{field}`: then the
        // body writer needs no `core::fmt` (see `Segment`).
        let mut segments = Some(Vec::new());
        for hole in &self.holes {
            out.push_str(&self.value[cursor..hole.range.start]);
            push_text(&mut segments, &self.value[cursor..hole.range.start]);
            cursor = hole.range.end;
            let trait_name = format_trait(&hole.spec);
            let field = match &hole.arg {
                Arg::Name(name) if self.named_args.contains(name) => None,
                Arg::Name(name) => match field_index(fields, name) {
                    Some(i) => Some(i),
                    // Not a field: `format_args!` captures it from the scope (a constant),
                    // unless it looks like a misspelt field.
                    None => {
                        let at = subspan(&self.lit, hole.range.clone());
                        match misspelt_field(name, fields) {
                            Some(message) => {
                                failed = true;
                                errors.at(at, message);
                            }
                            None => errors.captured(name, at),
                        }
                        None
                    }
                },
                Arg::Index(_) if tuple && self.positional_args > 0 => {
                    failed = true;
                    errors.at(
                        subspan(&self.lit, hole.range.clone()),
                        "ambiguous position: in a tuple variant `{0}` is field 0, but this template also has positional arguments; name the arguments (`{x}`, then `x = …`), or write the field as an argument (`.0`)",
                    );
                    None
                }
                Arg::Index(i) if tuple => match fields.get(*i) {
                    Some(_) => Some(*i),
                    None => {
                        failed = true;
                        let message = format!(
                            "this variant has {} field{}: there is no field {i}",
                            fields.len(),
                            if fields.len() == 1 { "" } else { "s" }
                        );
                        errors.at(subspan(&self.lit, hole.range.clone()), message);
                        None
                    }
                },
                Arg::Index(i) => {
                    if *i >= self.positional_args {
                        failed = true;
                        errors.at(
                            subspan(&self.lit, hole.range.clone()),
                            positional_message(fields, tuple),
                        );
                    }
                    None
                }
                Arg::Next => {
                    if next_positional >= self.positional_args {
                        failed = true;
                        errors.at(
                            subspan(&self.lit, hole.range.clone()),
                            positional_message(fields, tuple),
                        );
                    }
                    next_positional += 1;
                    None
                }
            };
            let spec = self.rewrite_spec(&hole.spec, fields, &mut uses, (&hole.range, errors));
            match (field, &mut segments) {
                (Some(i), Some(segments)) if hole.spec.is_empty() => {
                    segments.push(Segment::Field(i))
                }
                _ => segments = None,
            }
            match field {
                Some(i) => {
                    uses.push((i, trait_name));
                    out.push('{');
                    out.push_str(&fields[i].binding.to_string());
                    // `{b:p}` prints the pointer the field holds, not the binding's address.
                    if trait_name == "Pointer" {
                        out.push_str(POINTEE);
                    }
                    if trait_name == "Display" && fields[i].is_path {
                        out.push_str(DISPLAYED);
                        uses.pop();
                        uses.push((i, "Path"));
                    }
                    if !spec.is_empty() {
                        out.push(':');
                        out.push_str(&spec);
                    }
                    out.push('}');
                }
                None => {
                    let text = &self.value[hole.range.clone()];
                    match text.find(':') {
                        Some(colon) => {
                            out.push_str(&text[..=colon]);
                            out.push_str(&spec);
                            out.push('}');
                        }
                        None => out.push_str(text),
                    }
                }
            }
        }
        out.push_str(&self.value[cursor..]);
        push_text(&mut segments, &self.value[cursor..]);
        if !self.args.is_empty() {
            segments = None;
        }
        let mut used = Vec::new();
        let mut unknown = Vec::new();
        let args = args::rewrite(self.args.clone(), fields, &mut used, &mut unknown);
        for i in used {
            uses.push((i, "any"));
        }
        for args::UnknownField { name, span } in unknown {
            errors.at(span, unknown_field(&name, fields, tuple));
        }
        if failed || errors_marker(errors) != before {
            return None;
        }

        // Named arguments for the bindings the rewritten string names; `.field` uses inside
        // the extra arguments are plain expressions and need none.
        let mut args = if self.args.is_empty() {
            TokenStream::new()
        } else {
            quote!(, #args)
        };
        // The values carry the literal's location: a field that lacks `Display` (or the trait
        // its spec needs) is reported on the template, not on the derive.
        let located = Span::call_site().located_at(self.lit.span());
        for (i, field) in fields.iter().enumerate() {
            // Named in the string (a hole or a `name$`), not only in an extra argument.
            let (mut named, mut pointer, mut path) = (false, false, false);
            for &(used, how) in &uses {
                named |= used == i && !matches!(how, "any" | "Pointer" | "Path");
                pointer |= used == i && how == "Pointer";
                path |= used == i && how == "Path";
            }
            let name = field.binding;
            let value = Ident::new(&name.to_string(), located);
            if named {
                args.extend(quote!(, #name = #value));
            }
            if pointer {
                let pointee = Ident::new(&format!("{name}{POINTEE}"), located);
                args.extend(quote!(, #pointee = *#value));
            }
            if path {
                let displayed = Ident::new(&format!("{name}{DISPLAYED}"), located);
                args.extend(quote!(, #displayed = #value.display()));
            }
        }
        let fixed = (self.holes.is_empty() && self.args.is_empty()).then(|| unescape(&self.value));
        Some(Resolved {
            format: LitStr::new(&out, self.lit.span()),
            args,
            uses,
            fixed,
            #[cfg(feature = "openapi")]
            text: self.value.clone(),
            segments,
        })
    }

    /// Rewrites `name$` width/precision references to fields in a format spec.
    fn rewrite_spec(
        &self,
        spec: &str,
        fields: &[FieldRef<'_>],
        uses: &mut Vec<(usize, &'static str)>,
        (range, errors): (&Range<usize>, &mut Errors),
    ) -> String {
        let Some(dollar) = spec.find('$') else {
            return spec.to_owned();
        };
        // Just after the last character that cannot be part of a name (which may be non-ASCII).
        let mut start = 0;
        for (i, c) in spec[..dollar].char_indices() {
            if !(c.is_alphanumeric() || c == '_') {
                start = i + c.len_utf8();
            }
        }
        let name = &spec[start..dollar];
        let resolved = match self.is_named_arg(name) {
            true => None,
            false => field_index(fields, name),
        };
        let head = match resolved {
            Some(i) => {
                uses.push((i, "usize"));
                format!("{}{}$", &spec[..start], fields[i].binding)
            }
            None => {
                // A position (`1$`), a named argument or a name captured from the scope is
                // rustc's to check; a misspelt field is reported here.
                if !name.is_empty() && !is_index(name) && !self.is_named_arg(name) {
                    if let Some(message) = misspelt_field(name, fields) {
                        errors.at(subspan(&self.lit, range.clone()), message);
                    }
                }
                spec[..=dollar].to_owned()
            }
        };
        head + &self.rewrite_spec(&spec[dollar + 1..], fields, uses, (range, errors))
    }
}

/// Suffix of the named argument that holds what a `{field:p}` field points to.
const POINTEE: &str = "__pointee";

/// Suffix of the named argument that holds a path field's `.display()`.
const DISPLAYED: &str = "__displayed";

/// The error for a hole naming no field, when the name is close to a field's: a typo, not a
/// constant to capture.
fn misspelt_field(name: &str, fields: &[FieldRef<'_>]) -> Option<String> {
    let mut names = Vec::with_capacity(fields.len());
    for field in fields {
        names.push(field.name.as_str());
    }
    let close = crate::names::did_you_mean(name, &names)?;
    Some(format!(
        "no field `{name}` on this variant; did you mean `{close}`?"
    ))
}

fn errors_marker(errors: &Errors) -> usize {
    errors.count()
}

fn field_index(fields: &[FieldRef<'_>], name: &str) -> Option<usize> {
    for (i, field) in fields.iter().enumerate() {
        if field.name == name {
            return Some(i);
        }
    }
    None
}

/// Tuple fields are named by position.
fn is_tuple(fields: &[FieldRef<'_>]) -> bool {
    match fields.first() {
        Some(field) => is_index(&field.name),
        None => false,
    }
}

fn unknown_field(name: &str, fields: &[FieldRef<'_>], tuple: bool) -> String {
    if tuple {
        return format!(
            "this is a tuple variant: it has no field `{name}`; name its fields by position, like {{0}}"
        );
    }
    let mut names = Vec::with_capacity(fields.len());
    for field in fields {
        names.push(field.name.as_str());
    }
    match crate::names::did_you_mean(name, &names) {
        Some(close) => format!("no field `{name}` on this variant; did you mean `{close}`?"),
        None if names.is_empty() => format!("no field `{name}`: this variant has no fields"),
        None => {
            let mut list = String::new();
            for field in &names {
                crate::names::push_item(&mut list, field);
            }
            format!("no field `{name}` on this variant; its fields are: {list}")
        }
    }
}

fn positional_message(fields: &[FieldRef<'_>], tuple: bool) -> String {
    if tuple {
        "this placeholder has no argument: name a field by position, like {0}, or add an argument after the template".to_owned()
    } else if fields.is_empty() {
        "this placeholder has no argument: add one after the template, like `\"{}\", some_expr`"
            .to_owned()
    } else {
        let example = &fields[0].name;
        format!(
            "this placeholder has no argument: name a field, like {{{example}}}, or add an argument after the template"
        )
    }
}

/// The trait a format spec needs from its argument.
fn format_trait(spec: &str) -> &'static str {
    match spec.chars().last() {
        Some('?') => "Debug",
        Some('x') if !spec.ends_with("x?") => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        Some('p') => "Pointer",
        _ => "Display",
    }
}

fn holes(value: &str) -> Result<Vec<Hole>, (String, Range<usize>)> {
    let bytes = value.as_bytes();
    let mut holes = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'}' => {
                return Err((
                    "unmatched `}` in template; write `}}` for a literal brace".to_owned(),
                    i..i + 1,
                ));
            }
            b'{' => {
                let Some(len) = value[i + 1..].find(['}', '{']) else {
                    return Err(("unclosed `{` in template; close it with `}`, or write `{{` for a literal brace".to_owned(), i..value.len()));
                };
                let end = i + 1 + len;
                if bytes[end] == b'{' {
                    return Err((
                        "`{` inside a placeholder; write `{{` for a literal brace".to_owned(),
                        i..end + 1,
                    ));
                }
                let inner = &value[i + 1..end];
                let (arg, spec) = inner.split_once(':').unwrap_or((inner, ""));
                let arg = arg.trim();
                let arg = if arg.is_empty() {
                    Arg::Next
                } else if let Some(index) = index(arg) {
                    Arg::Index(index)
                } else if let Some(name) = arg.strip_prefix("r#") {
                    return Err((
                        format!(
                            "invalid placeholder `{{{inner}}}`: raw identifiers are not supported in format strings; write `{{{name}}}` for the field `r#{name}`"
                        ),
                        i..end + 1,
                    ));
                } else if is_identifier(arg) {
                    Arg::Name(arg.to_owned())
                } else {
                    return Err((
                        format!(
                            "invalid placeholder `{{{inner}}}`: expected a field name, a position or nothing before `:`"
                        ),
                        i..end + 1,
                    ));
                };
                holes.push(Hole {
                    arg,
                    spec: spec.to_owned(),
                    range: i..end + 1,
                });
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    Ok(holes)
}

fn is_identifier(s: &str) -> bool {
    let s = s.strip_prefix("r#").unwrap_or(s);
    let mut chars = s.chars();
    let mut valid = match chars.next() {
        Some(first) => first == '_' || first.is_alphabetic(),
        None => false,
    };
    for c in chars {
        valid &= c == '_' || c.is_alphanumeric();
    }
    valid && s != "_"
}

/// A tuple field's name or a positional argument: `0`, `12`. (One integer parse for the
/// whole crate: each integer type's `FromStr` is code of its own to compile.)
fn index(text: &str) -> Option<usize> {
    text.parse::<u64>()
        .ok()
        .and_then(|i| usize::try_from(i).ok())
}

fn is_index(text: &str) -> bool {
    index(text).is_some()
}

/// `{{` and `}}` as the braces they stand for.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut escaped = None;
    for c in value.chars() {
        if escaped == Some(c) {
            escaped = None;
            continue;
        }
        escaped = match c {
            '{' | '}' => Some(c),
            _ => None,
        };
        out.push(c);
    }
    out
}

/// Reports extra arguments that no placeholder uses (rustc would report them at the derive);
/// false when there are some. Specs with `$` or `*` use arguments in ways left to rustc.
fn unused_args(holes: &[Hole], args: &[Vec<TokenTree>], errors: &mut Errors) -> bool {
    let mut nexts = 0;
    for hole in holes {
        if hole.spec.contains('$') || hole.spec.contains('*') {
            return true;
        }
        nexts += usize::from(matches!(hole.arg, Arg::Next));
    }
    let mut ok = true;
    let mut position = 0;
    for arg in args {
        let named = args::name(arg);
        let used = match &named {
            Some(name) => holes
                .iter()
                .any(|h| matches!(&h.arg, Arg::Name(n) if n == name)),
            None => {
                let i = position;
                position += 1;
                i < nexts
                    || holes
                        .iter()
                        .any(|h| matches!(h.arg, Arg::Index(j) if j == i))
            }
        };
        if used {
            continue;
        }
        ok = false;
        let message = match &named {
            Some(name) => format!(
                "argument `{name}` is never used: name it in the template, like {{{name}}}, or remove it"
            ),
            None => "this argument is never used: add a `{}` for it in the template, or remove it"
                .to_owned(),
        };
        let mut tokens = TokenStream::new();
        tokens.extend(arg.iter().cloned());
        errors.push(syn::Error::new_spanned(tokens, message));
    }
    ok
}

/// A span inside the literal where the compiler can give one, else the whole literal.
fn subspan(lit: &LitStr, range: Range<usize>) -> Span {
    // The value's byte offsets match the source only for plain (non-raw, escape-free) literals.
    let source = lit.token().to_string();
    if source.starts_with('"') && !source.contains('\\') {
        if let Some(span) = lit.token().subspan(range.start + 1..range.end + 1) {
            return span;
        }
    }
    lit.span()
}

/// The binding of a field in generated patterns.
pub(crate) fn binding(name: &str) -> Ident {
    Ident::new(&format!("__f_{name}"), Span::call_site())
}
