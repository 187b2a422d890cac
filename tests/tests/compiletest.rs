//! Compile-fail tests: every misuse of the derive is a spanned, actionable error.
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
