//! Real-server tests of the framework integrations live in `tests/`; this crate's only item is
//! the README, whose Rust blocks rustdoc compiles and runs as doctests (they need the framework
//! crates, which are this crate's dev-dependencies), so the README cannot drift from the code.

#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
