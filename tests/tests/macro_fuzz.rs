//! Fuzzes the derive and `status!`: no input, however mangled, makes them panic or emit non-Rust.
//!
//! Every output must parse (impls, or `compile_error!`s plus stub impls; for `status!`, one
//! expression).
//!
//! A proc-macro crate cannot export functions, so the macro's modules are compiled into this
//! test by path (they work on proc_macro2 only) and `expand::derive` / `expand::status` are
//! called directly. The corpus is deterministic: about 30 seed inputs covering every attribute
//! of SPEC §2, then for each seed every truncation of every token list, garbage in every
//! `#[status]` / `#[header]` / `#[http]`, and stacked random mutations from a seeded PRNG.
#![allow(dead_code)]
// As in the macro crate's lib.rs: its loops are on purpose.
#![allow(clippy::manual_find)]

#[path = "../../macros/src/args.rs"]
mod args;
#[path = "../../macros/src/arms.rs"]
mod arms;
#[path = "../../macros/src/ast.rs"]
mod ast;
#[path = "../../macros/src/attr.rs"]
mod attr;
#[path = "../../macros/src/bound.rs"]
mod bound;
#[path = "../../macros/src/codes.rs"]
mod codes;
#[path = "../../macros/src/errors.rs"]
mod errors;
#[path = "../../macros/src/expand/mod.rs"]
mod expand;
#[path = "../../macros/src/fallback.rs"]
mod fallback;
#[path = "../../macros/src/headers.rs"]
mod headers;
#[path = "../../macros/src/json.rs"]
mod json;
#[path = "../../macros/src/layout.rs"]
mod layout;
#[path = "../../macros/src/names.rs"]
mod names;
#[path = "../../macros/src/plan.rs"]
mod plan;
#[path = "../../macros/src/route.rs"]
mod route;
#[path = "../../macros/src/template.rs"]
mod template;
#[path = "../../macros/src/transparent.rs"]
mod transparent;
#[path = "../../macros/src/valid.rs"]
mod valid;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::str::FromStr;
use std::sync::Once;
use std::time::Instant;

// ------------------------------------------------------------------ seeds

/// Derive inputs covering SPEC §2, each marked with whether it should expand without errors.
const SEEDS: &[(bool, &str)] = &[
    (
        true,
        r#"enum Governed {
            #[status(429)] #[header(RETRY_AFTER, "{wait}")] Limited { wait: u64, #[headers] quota: Option<http::HeaderMap> },
            #[status(503)] #[http(expose_headers)] Busy(#[headers] http::HeaderMap),
        }"#,
    ),
    (
        true,
        r#"#[http(skip(Display, Error, From, Serialize))]
        enum OwnImpls {
            #[status(404, "{} {x:p} {MSG}", .0.len(), x = .1)] A(String, Box<u8>),
            #[status(502)] B(#[from] Option<std::io::Error>),
            #[status(400, "{}", HashMap::<u8, u8>::new().len(),)] C,
        }"#,
    ),
    // 2.1 status forms
    (
        true,
        r#"enum UserError {
            #[status(404)] NotFound,
            #[status(NOT_FOUND)] Gone2,
            #[status(StatusCode::CONFLICT)] Conflict,
            #[status(http::StatusCode::BAD_REQUEST)] Bad,
            #[status(::http::StatusCode::UNPROCESSABLE_ENTITY)] Unprocessable,
            #[status(CONTENT_TOO_LARGE)] TooLarge,
        }"#,
    ),
    (
        true,
        r#"enum UserError {
            #[status(404, "user {id} not found")] NotFound { id: u64 },
            #[status(409, "email {0} is already registered")] EmailTaken(String),
            #[status(422, "name {name:?} is invalid")] BadName { name: String },
            #[status(400, "page {n:>5} of {total:<8.3}")] Page { n: u32, total: f64 },
            #[status(400, "{} items, max {max}", .items.len())] TooMany { items: Vec<u8>, max: usize },
            #[status(400, "{0:#x} {0:#X} {0:o} {0:b} {0:e}")] Bits(u32),
            #[status(400, "{{literal}} braces {{{id}}}")] Braces { id: u8 },
            #[status(400, "{v:>width$.prec$}")] Width { v: f64, width: usize, prec: usize },
            #[status(400, "{:>1$}", .0, .1)] Pos(String, usize),
            #[status(400, "{x} {y}", y = .x + 1)] Named { x: i32 },
        }"#,
    ),
    (
        true,
        r#"enum ApiError {
            #[status(transparent)] User(UserError),
            #[status(transparent)] Order { inner: OrderError },
        }"#,
    ),
    (
        true,
        r#"enum Wrapper<E> {
            #[status(transparent)] Milli { #[transparent] error: E, index_name: String },
            #[status(transparent)] Lemmy(u8, #[transparent] UserError, #[source] std::io::Error),
        }"#,
    ),
    (
        false,
        r#"enum Wrapper {
            #[status(transparent)] Two { #[transparent] a: UserError, #[transparent] b: UserError },
            #[status(transparent)] None { a: UserError, b: String },
            #[status(404)] Own { #[transparent] a: UserError },
            #[status(transparent)] From { #[transparent] #[from] a: UserError, b: String },
            #[transparent] #[status(transparent)] Misplaced(UserError),
        }"#,
    ),
    (
        true,
        r#"#[http(format = "problem", codes)]
        enum Runtime<S> {
            #[status("rate limiter: {msg}")] Other { #[status] code: http::StatusCode, msg: String },
            Raw(#[status] u16),
            #[status(with = io_status, "i/o: {0}")] #[http(expose)] Io(std::io::Error),
            #[status(with = pick)] Unit,
            #[status("quota")] #[http(expose, expose_headers)] #[header(RETRY_AFTER, "{secs}")]
            Quota { #[status] code: S, #[detail] left: u32, secs: u64 },
        }"#,
    ),
    (
        false,
        r#"enum Runtime {
            Two { #[status] a: u16, #[status] b: u16 },
            #[status(with = pick)] Both(#[status] u16),
            #[status(with)] NoPath,
            #[status(500, with = pick)] Literal,
            #[status(404)] FieldToo(#[status] u16),
            #[status(transparent)] Wrapped { #[transparent] inner: UserError, #[status] code: u16 },
            #[status("alone")] NoField,
        }"#,
    ),
    (
        true,
        r#"#[http(unregistered)]
        enum Proxy {
            #[status(499, "client closed request")] ClientClosed,
            #[status(599)] Timeout,
        }"#,
    ),
    (
        true,
        r#"enum E {
            #[status(499)] #[http(unregistered)] Closed,
            #[status(404)] NotFound,
        }"#,
    ),
    (
        true,
        r#"#[status(500, "internal")]
        enum Defaults {
            A,
            B(u8),
            #[status(404)] C,
        }"#,
    ),
    (
        true,
        r#"#[status(BAD_REQUEST)]
        enum Defaults2 { A, B { x: u8 } }"#,
    ),
    // 2.2 headers
    (
        true,
        r#"enum RateLimit {
            #[status(429, "slow down")]
            #[header(RETRY_AFTER, "{secs}")]
            #[header("x-request-id", "{id}")]
            #[header(http::header::CACHE_CONTROL, "no-store")]
            #[header("X-Custom-Header", "fixed value\twith tab")]
            TooMany { secs: u64, id: String },
            #[status(503)] #[header(RETRY_AFTER, "{0}")] #[http(expose_headers)] Unavailable(u32),
        }"#,
    ),
    (
        true,
        r#"enum Auth {
            #[status(401)] #[header(WWW_AUTHENTICATE, "Bearer")] Unauthorized,
            #[status(405)] #[header(header::ALLOW, "GET, HEAD")] Method,
            #[status(407)] #[header(PROXY_AUTHENTICATE, "Basic realm=\"proxy\"")] Proxy,
            #[status(426)] #[header(UPGRADE, "websocket")] Upgrade,
            #[status(401)] #[http(without_required_headers)] Silent,
        }"#,
    ),
    (
        true,
        r#"#[http(without_required_headers)]
        enum Quiet { #[status(401)] A, #[status(405)] B }"#,
    ),
    // 2.3 options
    (
        true,
        r#"#[http(format = "problem", type_base = "https://example.com/problems/")]
        enum OrderError {
            #[status(409, "order {order_id} conflicts")] Conflict { order_id: u64 },
            #[status(404)] #[http(code = "order_missing")] Missing,
            #[status(422)] OutOfStock { #[detail] sku: String, #[detail] count: u32 },
            #[status(500, "db down: {0}")] #[http(expose)] Db(String),
        }"#,
    ),
    (
        true,
        r#"#[http(format = "json", codes)]
        enum Codes {
            #[status(404)] HTTPVersion,
            #[status(400)] Error404,
            #[status(400)] #[http(code = "custom-code.v2")] Custom,
            #[status(400)] r#Type,
        }"#,
    ),
    (
        true,
        r#"#[http(format = "problem")]
        enum Problem { #[status(404, "no {what}")] Missing { what: String }, #[status(500)] Boom }"#,
    ),
    (
        true,
        r#"#[http(format = "problem", codes)]
        #[status(400)]
        #[http(code = "bad_thing")]
        struct BadThing { #[detail] field: String, #[detail] r#ref: u8 }"#,
    ),
    // 2.4 fields
    (
        true,
        r#"enum StorageError {
            #[status(500)] Io(#[from] std::io::Error),
            #[status(500, "query {sql} failed")] Query { sql: String, #[source] cause: Box<dyn std::error::Error + Send + Sync> },
            #[status(502)] Upstream { source: reqwest::Error },
            #[status(400)] Parse { #[from] source: std::num::ParseIntError },
            #[status(422)] Invalid { #[detail] field: &'static str, #[detail] reason: String },
        }"#,
    ),
    // 2.5 thiserror
    (
        true,
        r#"enum WithThiserror {
            #[error("user {id} not found")] #[status(404)] NotFound { id: u64 },
            #[error(transparent)] #[status(500)] Io(#[from] std::io::Error),
            #[error("bad input: {0}")] #[status(400, "bad input")] Bad(String),
        }"#,
    ),
    (
        true,
        r#"#[error("thing failed")] #[status(500)] struct ThingFailed { #[source] source: std::io::Error }"#,
    ),
    // structs
    (
        true,
        r#"#[status(404, "user {0} not found")] pub struct UserNotFound(pub u64);"#,
    ),
    (true, r#"#[status(NOT_FOUND)] struct Unit;"#),
    (true, r#"#[status(transparent)] struct Wrapper(Inner);"#),
    // generics
    (
        true,
        r#"pub(crate) enum Generic<'a, T: core::fmt::Debug, E, const N: usize = 3>
        where T: Clone, E: 'a
        {
            #[status(404, "missing {0}")] Missing(T),
            #[status(500)] Inner(#[from] E),
            #[status(transparent)] Nested(Box<Generic<'a, T, E, N>>),
            #[status(422)] Details { #[detail] items: [T; N], #[detail] name: &'a str },
            #[status(400, "{value:?} {other:x}")] Fmt { value: Vec<T>, other: E },
        }"#,
    ),
    (
        true,
        r#"#[status(400, "bad value {0:?}")] struct Gen<T>(T) where T: Copy;"#,
    ),
    // visibility, docs, other attributes, discriminants
    (
        true,
        r#"/// Docs.
        #[derive(Debug)] #[non_exhaustive] #[repr(u8)]
        pub enum Documented {
            /// A.
            #[status(404)] #[allow(dead_code)] A = 1,
            #[cfg(feature = "x")] #[status(400)] B = 2,
        }"#,
    ),
    (true, r#"enum Empty {}"#),
    // unsized last fields, bare trait objects with a trailing `+` (valid Rust)
    (
        true,
        r#"enum Unsized<T> { #[status(400, "{x} {y:?}")] A { y: u8, x: dyn Tr<T> + } }"#,
    ),
    (
        true,
        r#"#[status(500)] struct Dst<T: ?Sized> { #[source] inner: Box<dyn std::error::Error + Send +>, rest: [T] }"#,
    ),
    // exotic field types in generic positions: bounds are inferred from each of them
    (
        true,
        r#"enum Exotic<'a, T: ?Sized + 'a, U, const N: usize>
        where U: Iterator<Item = &'a T>, for<'b> &'b U: Clone
        {
            #[status(400, "{0} {1:?}")] Pair(Box<T>, <U as Iterator>::Item),
            #[status(400, "{x:?}")] Func { x: fn(&T) -> U },
            #[status(400, "{x}")] Mac { x: some_macro!(T, U) },
            #[status(400, "{x}")] Dyn { x: Box<dyn core::fmt::Display + Send + 'a> },
            #[status(500)] Tuple(#[from] (U, [u8; N])),
            #[status(400, "{x:?} {y}")] Arr { x: [U; N], y: &'a T },
            #[status(429)] #[header(RETRY_AFTER, "{secs}")] #[header("x-t", "{t:?}")] Hdr { secs: U, t: Option<T> },
            #[status(422)] Det { #[detail] list: Vec<(T, U)> },
            #[status(transparent)] Inner(Box<Exotic<'a, T, U, N>>),
            #[status(502)] Src { #[source] cause: U, source: T },
        }"#,
    ),
    // invalid on purpose: every check of SPEC §6
    (
        false,
        r#"enum Bad {
            #[status(418)] Teapot,
            #[status(600)] TooBig,
            #[status(200)] Ok,
            #[status(NOT_FOUN)] Typo,
            #[status(401)] NoChallenge,
            NoStatus,
            #[status(404)] #[status(410)] Twice,
            #[status(404, "{missing} {0} {")] Template { id: u8 },
            #[header("bad header", "x")] #[header(RETRY_AFTER, "a\nb")] #[status(400)] Headers,
            #[status(400)] TwoFrom(#[from] String, #[from] u8),
            #[status(transparent)] TwoFields(A, B),
            #[status(400)] #[http(colour = "red", expose = 1, format = "xml")] Options,
        }"#,
    ),
    (
        false,
        r#"#[http(type_base = "https://x/", codes, code = "x", expose)]
        enum WrongPlace {
            #[status(404)] #[http(format = "problem", type_base = "y", codes)] A,
            #[status(400)] B { #[detail] type_: u8 },
        }"#,
    ),
    (
        false,
        r#"#[http(format = "problem", type_base = "has space")]
        enum Clash { #[status(400)] A { #[detail] title: String, #[detail] code: u8 } }"#,
    ),
    (false, r#"union U { a: u32, b: f32 }"#),
    (false, r#"struct NoStatus { x: u8 }"#),
    (
        false,
        r#"#[status(404)] #[header(RETRY_AFTER)] #[header(FOO_BAR, "1")] #[header(CONTENT_TYPE, "x")] struct H;"#,
    ),
    (
        false,
        r#"#[status(transparent, "message")] #[header(RETRY_AFTER, "1")] #[http(code = "c", expose)]
        struct T { #[detail] inner: Inner }"#,
    ),
    (
        false,
        r#"enum FieldAttrs {
            #[status(400)] #[from] #[detail] A { #[status(400)] #[from(x)] #[source = 1] #[detail(y)] x: u8 },
        }"#,
    ),
];

/// Inputs of `status!(…)`.
#[rustfmt::skip]
const STATUS_SEEDS: &[&str] = &[
    "404", "409", "NOT_FOUND", "StatusCode::NOT_FOUND", "http::StatusCode::IM_A_TEAPOT",
    "::http::StatusCode::OK", "transparent", "CONTENT_TOO_LARGE", "200", "418", "499", "600", "99",
    "0", "", "404, 405", "404 \"x\"", "NOT_FOUN", "\"404\"", "404u16", "4_04", "0x194", "-404",
    "transparent::X", "FOO BAR",
];

// ------------------------------------------------------------------ mutation

/// SplitMix64: small, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Identifiers to swap in: attribute and option names, keywords, constants, generated names.
#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "status", "header", "headers", "http", "from", "source", "detail", "error", "transparent", "format",
    "codes", "type_base", "code", "expose", "expose_headers", "skip", "unregistered", "without_required_headers", "enum",
    "struct", "union", "fn", "impl", "where", "pub", "crate", "self", "Self", "super", "dyn",
    "const", "static", "mut", "ref", "move", "async", "await", "match", "if", "else", "type",
    "NOT_FOUND", "INTERNAL_SERVER_ERROR", "IM_A_TEAPOT", "RETRY_AFTER", "CONTENT_TYPE",
    "CONTENT_LENGTH", "StatusCode", "http", "header", "json", "problem", "T", "E", "String", "u8",
    "r#type", "r#match", "__f_0", "__headers", "__out", "__formatter", "__map",
];

/// Token snippets to insert: punctuation (single and joint), lifetimes, and fragments.
#[rustfmt::skip]
const SNIPPETS: &[&str] = &[
    ",", ";", ":", "::", "=", "==", "=>", "->", "#", "$", "@", "?", "!", ".", "..", "..=", "&",
    "&&", "|", "+", "-", "*", "/", "%", "^", "<", ">", "<<", ">>", "~", "'a", "'static", "_",
    "#[status(404)]", "#[http(codes)]", "#[from]", "#[detail]", "#[source]", "#[headers]", "pub", "r#type", "()",
    "[]", "{}", "(,)", "<T>", "x: u8", "u8", "\"s\"", "0", "1.5", "'c'", "b\"b\"",
    "#[header(RETRY_AFTER, \"1\")]", "#[status(transparent)]", "#[error(\"e\")]",
];

/// Contents for `#[status(…)]`, `#[header(…)]` and `#[http(…)]` argument lists.
#[rustfmt::skip]
const GARBAGE: &[&str] = &[
    "", ",", ",,", "404,", "404, ", "404,,", ", \"x\"", "404, \"x\",", "404, \"{}\", ,",
    "404, 404", "404, \"{0}\" \"{1}\"", "\"404\"", "404.0", "'4'", "b\"404\"", "-404", "404i8",
    "1e3", "transparent,", "transparent::NOT_FOUND", "format", "format =", "format = ",
    "format = 1", "format = \"problem\" = \"json\"", "format(\"problem\")", "codes = true", "code",
    "code = ", "code = \"\"", "type_base = \"\"", "= \"x\"", "::", "::NOT_FOUND", "StatusCode::",
    "a::b::c::d", ", \"x\"", "RETRY_AFTER,", "RETRY_AFTER, 5", "\"\", \"x\"", "\"x-a\", \"\"",
    "\"x-a\", \"{}\"", "\"x-a\", \"{0:?}\"", "#", "[]", "()", "404 { }", "404, \"{\", x = 1",
    "404, \"}\"", "404, \"{:}\"", "404, \"{::}\"", "404, \"{x:{y}}\"", "404, \"{0$}\"",
    "404, \"{:1$}\"", "404, \"{:.*}\", 1, 2", "404, \"{é}\"", "404, \"{:€x$}\"", "404, \"{ }\"",
    "404, \"{r#type}\"", "404, \"{_}\"", "404, \"{}\", .", "404, \"{}\", .0.0",
    "404, \"{}\", .missing", "404, \"{}\", ..", "404, \"{}\", x = ", "404, \"{x}\", x =",
];

/// Strings to put in string literals: braces, escapes, format specs, odd Unicode.
#[rustfmt::skip]
const TEMPLATE_PIECES: &[&str] = &[
    "{", "}", "{{", "}}", "{0}", "{1}", "{id}", "{x}", "{:?}", "{0:?}", "{id:>5}", "{:>1$}",
    "{:.*}", "{:#x}", "{:08.3e}", "{id:width$}", "{id:.prec$}", "{:€x$}", "{:é$}", "{é}",
    "{r#type}", "{_}", "{ }", "{:}", "$", ":", "::", "\\", "\"", "\n", "\r", "\0", "\t", "\u{7f}",
    "\u{2028}", "\u{feff}", "\u{10ffff}", "🦀", "👩‍💻", "é", "x", " ", "user ", "not found", "%s",
    "{{}}", "}{", "{{{", "}}}", "{:{}}", "{0:0$}", "{:<+#0width$.prec$?}",
];

fn random_string(rng: &mut Rng) -> String {
    let n = rng.below(8);
    (0..n).map(|_| *rng.pick(TEMPLATE_PIECES)).collect()
}

fn parse(s: &str) -> Vec<TokenTree> {
    TokenStream::from_str(s)
        .unwrap_or_else(|e| panic!("snippet {s:?} does not lex: {e}"))
        .into_iter()
        .collect()
}

fn random_literal(rng: &mut Rng) -> Literal {
    match rng.below(12) {
        0 => Literal::string(&random_string(rng)),
        1 => Literal::u64_unsuffixed(*rng.pick(&[
            0,
            99,
            100,
            404,
            418,
            499,
            600,
            65535,
            99999999999,
        ])),
        2 => Literal::u16_suffixed(404),
        3 => Literal::f64_unsuffixed(*rng.pick(&[0.0, 404.0, 1.5, 1e300])),
        4 => Literal::character(*rng.pick(&['a', '{', '\'', '\n', '🦀'])),
        5 => Literal::byte_string(random_string(rng).as_bytes()),
        6 => Literal::byte_character(b'4'),
        7 => Literal::i64_unsuffixed(-1),
        8 => Literal::from_str(rng.pick::<&str>(&[
            "r#\"{id}\"#",
            "r\"x\"",
            "0x1F4",
            "0b1",
            "1_000",
            "4e2",
            "c\"x\"",
            "br\"b\"",
        ]))
        .unwrap(),
        9 => Literal::string(""),
        10 => Literal::u128_unsuffixed(u128::MAX),
        _ => Literal::string(rng.pick::<&str>(&[
            "json",
            "problem",
            "x-request-id",
            "RETRY_AFTER",
            "https://example.com/",
            "user_not_found",
            "bad name",
            "a\nb",
        ])),
    }
}

fn random_ident(rng: &mut Rng) -> Ident {
    let word = *rng.pick(KEYWORDS);
    match word.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(word, Span::call_site()),
    }
}

fn random_delimiter(rng: &mut Rng) -> Delimiter {
    *rng.pick(&[
        Delimiter::Parenthesis,
        Delimiter::Brace,
        Delimiter::Bracket,
        Delimiter::Parenthesis,
        Delimiter::None,
    ])
}

fn with_stream(group: &Group, stream: Vec<TokenTree>) -> TokenTree {
    let mut new = Group::new(group.delimiter(), stream.into_iter().collect());
    new.set_span(group.span());
    TokenTree::Group(new)
}

fn indexes(tokens: &[TokenTree], keep: impl Fn(&TokenTree) -> bool) -> Vec<usize> {
    (0..tokens.len()).filter(|&i| keep(&tokens[i])).collect()
}

/// One mutation, at a random depth.
fn mutate(tokens: Vec<TokenTree>, rng: &mut Rng) -> Vec<TokenTree> {
    let groups = indexes(&tokens, |t| matches!(t, TokenTree::Group(_)));
    if !groups.is_empty() && rng.chance(65) {
        let i = *rng.pick(&groups);
        let mut tokens = tokens;
        if let TokenTree::Group(group) = &tokens[i] {
            let inner = mutate(group.stream().into_iter().collect(), rng);
            tokens[i] = with_stream(group, inner);
        }
        return tokens;
    }
    mutate_here(tokens, rng)
}

fn mutate_here(mut tokens: Vec<TokenTree>, rng: &mut Rng) -> Vec<TokenTree> {
    let len = tokens.len();
    match rng.below(14) {
        0 if len > 0 => {
            tokens.truncate(rng.below(len));
        }
        1 if len > 0 => {
            tokens.remove(rng.below(len));
        }
        2 if len > 0 => {
            let i = rng.below(len);
            let copy = tokens[i].clone();
            tokens.insert(i, copy);
        }
        3 if len > 1 => {
            let (a, b) = (rng.below(len), rng.below(len));
            tokens.swap(a, b);
        }
        4 => {
            let literals = indexes(&tokens, |t| matches!(t, TokenTree::Literal(_)));
            if literals.is_empty() {
                tokens.insert(rng.below(len + 1), TokenTree::Literal(random_literal(rng)));
            } else {
                let i = *rng.pick(&literals);
                tokens[i] = TokenTree::Literal(random_literal(rng));
            }
        }
        5 => {
            let idents = indexes(&tokens, |t| matches!(t, TokenTree::Ident(_)));
            if !idents.is_empty() {
                let i = *rng.pick(&idents);
                tokens[i] = TokenTree::Ident(random_ident(rng));
            }
        }
        6 => {
            let literals = indexes(&tokens, |t| matches!(t, TokenTree::Literal(_)));
            if !literals.is_empty() {
                let i = *rng.pick(&literals);
                let n = *rng.pick(&[
                    0u64,
                    1,
                    99,
                    100,
                    199,
                    200,
                    399,
                    400,
                    418,
                    420,
                    499,
                    599,
                    600,
                    65535,
                    65536,
                    99999999999,
                    u64::MAX,
                ]);
                tokens[i] = TokenTree::Literal(Literal::u64_unsuffixed(n));
            }
        }
        7 => {
            let at = rng.below(len + 1);
            let snippet = parse(rng.pick::<&str>(SNIPPETS));
            tokens.splice(at..at, snippet);
        }
        8 if len > 0 => {
            let start = rng.below(len);
            let end = start + rng.below(len - start + 1);
            let inner: TokenStream = tokens.drain(start..end).collect();
            let group = Group::new(random_delimiter(rng), inner);
            tokens.insert(start, TokenTree::Group(group));
        }
        9 => {
            let groups = indexes(&tokens, |t| matches!(t, TokenTree::Group(_)));
            if !groups.is_empty() {
                let i = *rng.pick(&groups);
                if let TokenTree::Group(group) = &tokens[i] {
                    let delimiter = if rng.chance(50) {
                        group.delimiter()
                    } else {
                        random_delimiter(rng)
                    };
                    let stream = if rng.chance(50) {
                        TokenStream::new()
                    } else {
                        group.stream()
                    };
                    tokens[i] = TokenTree::Group(Group::new(delimiter, stream));
                }
            }
        }
        10 => {
            tokens = parse(rng.pick::<&str>(GARBAGE));
        }
        11 => {
            let strings = indexes(
                &tokens,
                |t| matches!(t, TokenTree::Literal(l) if l.to_string().starts_with('"')),
            );
            if !strings.is_empty() {
                let i = *rng.pick(&strings);
                tokens[i] = TokenTree::Literal(Literal::string(&random_string(rng)));
            }
        }
        12 => {
            let at = rng.below(len + 1);
            let c = *rng.pick(&[
                '#', '$', '@', '?', '!', ',', ';', ':', '=', '<', '>', '.', '&', '~', '^',
            ]);
            let spacing = if rng.chance(30) {
                Spacing::Joint
            } else {
                Spacing::Alone
            };
            tokens.insert(at, TokenTree::Punct(Punct::new(c, spacing)));
        }
        _ => {
            let at = rng.below(len + 1);
            tokens.insert(at, TokenTree::Ident(random_ident(rng)));
        }
    }
    tokens
}

/// Every input obtained by truncating one token list of `tokens` (top level or any group).
fn truncations(
    tokens: &[TokenTree],
    out: &mut Vec<TokenStream>,
    wrap: &dyn Fn(Vec<TokenTree>) -> TokenStream,
) {
    for at in 0..tokens.len() {
        out.push(wrap(tokens[..at].to_vec()));
    }
    for (i, token) in tokens.iter().enumerate() {
        if let TokenTree::Group(group) = token {
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            let rewrap = |new_inner: Vec<TokenTree>| {
                let mut copy = tokens.to_vec();
                copy[i] = with_stream(group, new_inner);
                wrap(copy)
            };
            truncations(&inner, out, &rewrap);
        }
    }
}

/// Every input obtained by replacing the arguments of one `#[status]`, `#[header]` or
/// `#[http]` in `tokens` with `garbage`.
fn garbage_attrs(
    tokens: &[TokenTree],
    garbage: &[TokenTree],
    out: &mut Vec<TokenStream>,
    wrap: &dyn Fn(Vec<TokenTree>) -> TokenStream,
) {
    for (i, token) in tokens.iter().enumerate() {
        let TokenTree::Group(group) = token else {
            continue;
        };
        let is_args = i > 0
            && group.delimiter() == Delimiter::Parenthesis
            && matches!(&tokens[i - 1], TokenTree::Ident(name) if name == "status" || name == "header" || name == "http");
        if is_args {
            let mut copy = tokens.to_vec();
            copy[i] = with_stream(group, garbage.to_vec());
            out.push(wrap(copy));
        }
        let inner: Vec<TokenTree> = group.stream().into_iter().collect();
        let rewrap = |new_inner: Vec<TokenTree>| {
            let mut copy = tokens.to_vec();
            copy[i] = with_stream(group, new_inner);
            wrap(copy)
        };
        garbage_attrs(&inner, garbage, out, &rewrap);
    }
}

/// The enum of `tokens` once per variant, with only that variant: inputs more likely to expand
/// without errors, so that mutating them reaches deeper into the expander.
fn one_variant_enums(tokens: &[TokenTree]) -> Vec<Vec<TokenTree>> {
    let is_enum = tokens
        .iter()
        .any(|t| matches!(t, TokenTree::Ident(i) if i == "enum"));
    let Some(TokenTree::Group(body)) = tokens.last() else {
        return Vec::new();
    };
    if !is_enum || body.delimiter() != Delimiter::Brace {
        return Vec::new();
    }
    let mut variants: Vec<Vec<TokenTree>> = vec![Vec::new()];
    for token in body.stream() {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => variants.push(Vec::new()),
            _ => variants.last_mut().unwrap().push(token),
        }
    }
    variants
        .into_iter()
        .filter(|v| !v.is_empty())
        .map(|variant| {
            let mut copy = tokens.to_vec();
            *copy.last_mut().unwrap() = with_stream(body, variant);
            copy
        })
        .collect()
}

fn corpus() -> Vec<TokenStream> {
    let mut out = Vec::new();
    let seeds: Vec<Vec<TokenTree>> = SEEDS.iter().map(|(_, s)| parse(s)).collect();
    let identity = |tokens: Vec<TokenTree>| tokens.into_iter().collect::<TokenStream>();
    for seed in &seeds {
        out.push(identity(seed.clone()));
        truncations(seed, &mut out, &identity);
        for garbage in GARBAGE {
            garbage_attrs(seed, &parse(garbage), &mut out, &identity);
        }
    }
    let mut rng = Rng(0x0068_7474_7065_7272); // "httperr"
    let mut stack = |tokens: &[TokenTree], count: usize, out: &mut Vec<TokenStream>| {
        for _ in 0..count {
            let mut tokens = tokens.to_vec();
            for _ in 0..1 + rng.below(4) {
                tokens = mutate(tokens, &mut rng);
            }
            out.push(identity(tokens));
        }
    };
    for seed in &seeds {
        stack(seed, 300, &mut out);
        for single in one_variant_enums(seed) {
            out.push(identity(single.clone()));
            stack(&single, 50, &mut out);
        }
    }
    out
}

fn status_corpus() -> Vec<TokenStream> {
    let mut out = Vec::new();
    let mut rng = Rng(404);
    for seed in STATUS_SEEDS {
        let tokens = parse(seed);
        out.push(tokens.iter().cloned().collect());
        for _ in 0..40 {
            let mut mutated = tokens.clone();
            for _ in 0..1 + rng.below(3) {
                mutated = mutate(mutated, &mut rng);
            }
            out.push(mutated.into_iter().collect());
        }
    }
    for garbage in GARBAGE {
        out.push(parse(garbage).into_iter().collect());
    }
    out
}

// ------------------------------------------------------------------ running

thread_local! {
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// While `run` calls the macro, records a panic's message and backtrace instead of printing
/// them; other panics (failed assertions) go to the default hook.
fn capture_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                let backtrace = std::backtrace::Backtrace::force_capture();
                PANIC.with(|p| *p.borrow_mut() = Some(format!("{info}\n{backtrace}")));
            } else {
                default(info);
            }
        }));
    });
}

/// Runs `f` on `input`; on a panic returns its message and backtrace.
fn run(f: fn(TokenStream) -> TokenStream, input: &TokenStream) -> Result<TokenStream, String> {
    PANIC.with(|p| p.borrow_mut().take());
    let input = input.clone();
    CAPTURING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| f(input)));
    CAPTURING.with(|c| c.set(false));
    result.map_err(|_| {
        PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "panic (no message captured)".to_owned())
    })
}

/// Prints one example of each kind of failure (same panic location or same parse error).
fn report(failures: &[(String, String)]) {
    let mut seen: Vec<&str> = Vec::new();
    for (kind, failure) in failures {
        if !seen.contains(&kind.as_str()) {
            seen.push(kind);
            let count = failures.iter().filter(|(k, _)| k == kind).count();
            eprintln!("---- {count} x {kind}\n{failure}");
        }
    }
}

/// The panic's location line, or the parse error's message: what tells failures apart.
fn kind(failure: &str) -> String {
    failure
        .lines()
        .find(|line| line.starts_with("panicked at"))
        .unwrap_or_else(|| failure.lines().next().unwrap_or(""))
        .to_owned()
}

fn is_compile_error(output: &TokenStream) -> bool {
    output.to_string().contains("compile_error")
}

#[test]
fn seeds_expand_as_marked() {
    for (ok, seed) in SEEDS {
        let output = expand::derive(parse(seed).into_iter().collect());
        assert_eq!(
            !is_compile_error(&output),
            *ok,
            "seed:\n{seed}\noutput:\n{output}"
        );
        syn::parse2::<syn::File>(output.clone())
            .unwrap_or_else(|e| panic!("seed:\n{seed}\n{e}\noutput:\n{output}"));
    }
}

/// Not fuzzing, but it needs the modules compiled in: the fields whose type is spelled as a
/// string or an integer are written into a JSON body directly, without `core::fmt`. (Their
/// bytes are the same either way, so no behaviour test can tell the two routes apart.)
#[test]
fn plain_fields_take_the_direct_writer() {
    let input = "enum E<'a> {
        #[status(400, \"{a} {b} {c} {d} {e}\")]
        V { a: &'static str, b: &'a str, c: String, d: u16, e: &str },
        #[status(400, \"{w}\")]
        W { w: Wrapper },
    }";
    let output = expand::derive(parse(input).into_iter().collect()).to_string();
    let direct = |field: &str| output.contains(&format!("__p :: Field ({field})"));
    for field in ["__f_a", "__f_b", "__f_c", "__f_d", "__f_e"] {
        assert!(direct(field), "{field} is not written directly:\n{output}");
    }
    assert!(
        !direct("__f_w"),
        "a `Wrapper` field is written through `Display`:\n{output}"
    );
}

#[test]
fn derive_never_panics_and_emits_rust() {
    capture_panics();
    let start = Instant::now();
    let corpus = corpus();
    let mut failures = Vec::new();
    let mut clean = 0;
    for input in &corpus {
        match run(expand::derive, input) {
            Err(panic) => {
                failures.push((kind(&panic), format!("PANIC on input:\n{input}\n{panic}")))
            }
            Ok(output) => {
                clean += usize::from(!is_compile_error(&output));
                if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
                    failures.push((
                        format!("invalid output: {error}"),
                        format!("INVALID OUTPUT ({error}) for input:\n{input}\noutput:\n{output}"),
                    ));
                }
            }
        }
    }
    let elapsed = start.elapsed();
    eprintln!(
        "derive fuzz: {} inputs ({clean} expanded without errors) in {elapsed:.1?}, {} failures",
        corpus.len(),
        failures.len()
    );
    report(&failures);
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed",
        failures.len(),
        corpus.len()
    );
    assert!(
        corpus.len() >= 10_000,
        "corpus has only {} inputs",
        corpus.len()
    );
}

#[test]
fn status_never_panics_and_emits_an_expression() {
    capture_panics();
    let corpus = status_corpus();
    let mut failures = Vec::new();
    for input in &corpus {
        match run(expand::status, input) {
            Err(panic) => {
                failures.push((kind(&panic), format!("PANIC on status!({input})\n{panic}")))
            }
            Ok(output) => {
                if let Err(error) = syn::parse2::<syn::Expr>(output.clone()) {
                    failures.push((
                        format!("invalid output: {error}"),
                        format!("INVALID OUTPUT ({error}) for status!({input}):\n{output}"),
                    ));
                }
            }
        }
    }
    eprintln!(
        "status! fuzz: {} inputs, {} failures",
        corpus.len(),
        failures.len()
    );
    report(&failures);
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed",
        failures.len(),
        corpus.len()
    );
}
