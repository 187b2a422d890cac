//! Generated code is lint-clean: it carries no `#[allow]` that a user's `#![forbid]` would
//! reject (E0453), and triggers none of these lints itself. CI's clippy run (with
//! `-D warnings`) checks the clippy groups denied here on this file.
#![forbid(
    deprecated,
    unused_qualifications,
    unused_imports,
    unused_results,
    unreachable_pub,
    elided_lifetimes_in_paths,
    single_use_lifetimes,
    unused_lifetimes,
    trivial_casts,
    trivial_numeric_casts,
    unsafe_code,
    non_ascii_idents,
    missing_debug_implementations,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::needless_lifetimes
)]

use httperr::HttpError;

/// An error of every shape: fixed, templated, with headers, details, sources, `#[from]` and a
/// transparent variant, in both body formats.
#[derive(Debug, HttpError)]
#[http(codes)]
pub enum Every<'a> {
    #[status(404)]
    Missing,
    #[status(404, "user {id} not found")]
    User { id: u64 },
    #[status(409, "{} is taken ({})", .0, .1.len())]
    Taken(String, Vec<u8>),
    #[status(429)]
    #[header(RETRY_AFTER, "{secs}")]
    #[header("x-fixed", "1")]
    Limited { secs: u64 },
    #[status(422, "bad {name}")]
    Bad {
        name: &'a str,
        #[detail]
        hint: u8,
    },
    #[status(500)]
    Io(#[from] std::io::Error),
    #[status(502)]
    Upstream {
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[status(transparent)]
    Inner(Problem),
}

#[derive(Debug, HttpError)]
#[http(format = "problem", type_base = "https://example.com/problems/")]
pub enum Problem {
    #[status(400, "{0:?}")]
    Bad(Option<u8>),
}

#[deprecated = "a deprecated error type still derives without warnings"]
#[derive(Debug, HttpError)]
#[status(410)]
pub struct Old;

#[derive(Debug, HttpError)]
pub enum DeprecatedVariant {
    #[deprecated = "so does a deprecated variant"]
    #[status(410)]
    Old,
}

#[test]
fn lint_clean_types_answer() {
    assert_eq!(Every::User { id: 1 }.status().as_u16(), 404);
    assert_eq!(Every::Inner(Problem::Bad(None)).status().as_u16(), 400);
    // `Old` and `DeprecatedVariant` are not used here: that their derives compile under
    // `forbid(deprecated)` is the test.
}
