//! Real-server tests of the framework integrations live in `tests/`; this crate has no code.
