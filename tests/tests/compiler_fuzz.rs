//! Compiler-driven fuzz of the derive: generated inputs with a known number of mistakes, compiled by
//! rustc in batches, must give exactly one error per mistake, each on the mistake's own line.
//!
//! `macro_fuzz` feeds mangled tokens to the macro's code in-process; this test asks the real
//! compiler what a user sees. Each input is a valid seed enum plus zero, one or two wrong
//! variants, each wrong variant on a line of its own, in a module of its own. The compiler's JSON
//! diagnostics are mapped back to their input and counted:
//!
//! - **panics**: the derive panicked, or its output asks the user to report a bug;
//! - **unspanned**: an error with no span, or one outside every wrong variant's line (the derive
//!   line, a seed's valid variant);
//! - **duplicated**: the same message twice on one line (rustc's terminal output hides such
//!   repeats, but counts them, and editors reading its JSON show them);
//! - **cascades**: more errors than mistakes (one mistake reported several ways);
//! - **missed**: fewer errors than mistakes.
//!
//! Mistakes the derive reports and mistakes only the type checker sees are kept in separate
//! inputs: a derive that rejects its input emits stand-in impls, so a type error beside a derive
//! error is rightly never reached. The corpus is deterministic (a seeded PRNG picks the pairs).
//! Its size keeps the test to seconds once the dependencies are built (about a minute, once).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Valid enums a mistake is added to: `(attributes and header, variants)`. Each seed compiles
/// without errors on its own (the test checks it).
const SEEDS: &[(&str, &[&str])] = &[
    (
        "#[derive(Debug, HttpError)]\nenum E",
        &[
            r#"#[status(404, "user {id} not found")] NotFound { id: u64 },"#,
            "#[status(500)] Db(#[from] std::io::Error),",
        ],
    ),
    (
        "#[derive(Debug, HttpError)]\n#[http(codes, format = \"problem\", type_base = \"https://example.com/p/\")]\nenum E",
        &[
            r#"#[status(409, "email {0} is taken")] Taken(String),"#,
            r#"#[status(429)] #[header(RETRY_AFTER, "{secs}")] Limited { secs: u64 },"#,
        ],
    ),
    (
        "#[derive(Debug, HttpError)]\nenum E<T: std::fmt::Debug>",
        &[
            r#"#[status(400, "bad {0:?}")] Bad(T),"#,
            "#[status(transparent)] Inner(Inner),",
        ],
    ),
    (
        "#[derive(Debug, thiserror::Error, HttpError)]\nenum E",
        &[
            r#"#[error("user {id}")] #[status(404, "user {id} not found")] NotFound { id: u64 },"#,
            r#"#[error("db")] #[status(500)] Db(#[source] std::io::Error),"#,
        ],
    ),
];

/// Mistakes the derive itself reports, one per wrong variant. `M` is replaced by a name unique
/// in the enum. With thiserror on the type, a variant also needs `#[error]`: `{E}` marks where.
const DERIVE_MISTAKES: &[&str] = &[
    "{E} #[status(999)] M,",
    "{E} #[status(NOT_FOUN)] M,",
    "{E} #[status(420)] M,",
    "{E} #[status(200)] M,",
    r#"{E} #[status("404")] M,"#,
    "{E} M,",
    r#"{E} #[status(404, "{nope}")] M { id: u64 },"#,
    r#"{E} #[status(404, "{1}")] M(u64),"#,
    r#"{E} #[status(404, "{")] M,"#,
    "{E} #[status(404)] #[status(410)] M,",
    "{E} #[status(500)] M { #[detail] secret: String },",
    r#"{E} #[status(503)] #[header(TRANSFER_ENCODING, "chunked")] M,"#,
    r#"{E} #[status(429)] #[header("x-a", "{nope}")] M { secs: u64 },"#,
    r#"{E} #[status(429)] #[header("bad name", "1")] M,"#,
    r#"{E} #[status(429)] #[header(RETRY_AFTR, "1")] M,"#,
    "{E} #[status(transparent)] M(u64, u64),",
    "{E} #[status(400)] #[http(bogus)] M,",
    "{E} #[status(401)] M,",
    "{E} #[status(405)] M,",
    r#"{E} #[status(404, "x")] #[http(code = "café")] M,"#,
    "{E} #[status(404)] #[http(expose)] M,",
    r#"{E} #[status(404, "{}", .nope)] M(u64),"#,
    r#"{E} #[status(404, "x", 1)] M,"#,
    "{E} #[status(404)] M(#[source] std::io::Error, #[source] std::io::Error),",
    "{E} #[status(transparent, \"x\")] M(Inner),",
    "{E} #[status(503)] M { #[headers] h: http::HeaderMap },",
    "{E} #[status(429)] M { #[headers] a: http::HeaderMap, #[headers] b: http::HeaderMap },",
    "{E} #[status(transparent)] M { #[transparent] a: Inner, #[transparent] b: Inner },",
    "{E} #[status(404)] M { #[transparent] inner: Inner },",
    "{E} #[status(transparent)] M { #[transparent] #[from] inner: Inner, index: u64 },",
    "{E} M { #[status] a: u16, #[status] b: u16 },",
    "{E} #[status(with = pick)] M(#[status] u16),",
    "{E} #[status(with)] M,",
    "{E} #[status(500, with = pick)] M,",
    "{E} #[status(404)] M(#[status] u16),",
    "{E} #[status(transparent)] M { #[transparent] inner: Inner, #[status] code: u16 },",
    r#"{E} #[status("alone")] M,"#,
    "{E} M { #[status] code: u16, #[detail] left: u32 },",
    "{E} #[status(404)] #[http(shape)] M,",
    r#"{E} #[status(404)] #[http(shape = "SHAPE")] M,"#,
    "{E} #[status(404)] #[http(shape = SHAPE, body = SHAPE)] M,",
    "{E} #[status(404)] #[http(category = 1)] M,",
    "{E} #[status(404)] #[http(code = 1)] M,",
    "{E} #[status(404)] #[code] M,",
    "{E} #[status(404)] M { #[code] a: String, #[code] b: String },",
    r#"{E} #[status(404)] #[http(code = "x")] M(#[code] String),"#,
    "{E} #[status(404)] #[http(code = pick_code)] M(#[code] String),",
];

/// Mistakes only the type checker sees, one per wrong variant.
const TYPE_MISTAKES: &[&str] = &[
    r#"{E} #[status(404, "{0}")] M(Vec<u8>),"#,
    "{E} #[status(transparent)] M(Option<u32>),",
    "{E} #[status(transparent)] M(std::io::Error),",
    "{E} #[status(500)] M(#[source] String),",
    "{E} #[status(400)] M { #[detail] v: NotSerialize },",
    r#"{E} #[status(429)] #[header(RETRY_AFTER, "{0}")] M(NotDisplay),"#,
    r#"{E} #[status(404, "{0}")] M(NotDisplay),"#,
    "{E} #[status(500)] M(#[from] NotDisplay),",
    r#"{E} #[status(404, "{nope}")] M,"#,
    "{E} #[status(429)] M { #[headers] h: u32 },",
    "{E} M { #[status] code: String },",
    "{E} #[status(with = pick_string)] M,",
    "{E} #[status(404)] #[http(shape = NOT_A_SHAPE)] M,",
    "{E} #[status(404)] #[http(body = NotDisplay)] M,",
    "{E} #[status(404)] M(#[code] u32),",
    "{E} #[status(404)] #[http(code = pick)] M,",
];

/// Each module's prelude: what the seeds and mistakes name.
const PRELUDE: &str = "use httperr::HttpError;
#[derive(Debug, HttpError)]
#[status(404)]
pub struct Inner;
#[derive(Debug)]
pub struct NotSerialize;
#[derive(Debug)]
pub struct NotDisplay;
pub fn pick() -> u16 { 503 }
pub fn pick_string() -> String { String::new() }
pub fn pick_code(_: &String) -> &'static str { \"x\" }
pub const SHAPE: httperr::Shape = httperr::Shape::json().message(\"message\");
pub const NOT_A_SHAPE: u32 = 1;
";

/// One generated input.
struct Case {
    /// The whole module text.
    source: String,
    /// Lines (1-based, in the module) of each wrong variant.
    mistake_lines: Vec<usize>,
}

/// The input: `seed` plus the given wrong variants, each on its own line.
fn case(seed: &(&str, &[&str]), mistakes: &[&str]) -> Case {
    let thiserror = seed.0.contains("thiserror");
    let mut source = PRELUDE.to_owned();
    writeln!(source, "{} {{", seed.0).unwrap();
    for variant in seed.1 {
        writeln!(source, "    {variant}").unwrap();
    }
    let mut mistake_lines = Vec::new();
    for (i, mistake) in mistakes.iter().enumerate() {
        let variant = mistake
            .replace("{E}", if thiserror { "#[error(\"e\")]" } else { "" })
            .replacen(" M", &format!(" Wrong{i}"), 1);
        mistake_lines.push(source.lines().count() + 1);
        writeln!(source, "    {}", variant.trim_start()).unwrap();
    }
    source.push_str("}\n");
    // The enum's generic seed needs its parameter used only as the seed does; a thiserror seed
    // gets every variant an `#[error]` above.
    Case {
        source,
        mistake_lines,
    }
}

/// thiserror reports a second `#[source]` too, and a `#[from]` beside another field: two
/// derives, two errors for one mistake.
fn both_derives_report(seed: &(&str, &[&str]), mistakes: &[&str]) -> bool {
    seed.0.contains("thiserror")
        && mistakes
            .iter()
            .any(|m| m.matches("#[source]").count() == 2 || m.contains("#[from] inner: Inner,"))
}

/// Every seed alone, with each mistake, and with pairs of mistakes of one kind.
fn corpus() -> Vec<(String, Vec<Case>)> {
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    let mut batches = Vec::new();
    for (name, mistakes, pairs) in [
        ("derive", DERIVE_MISTAKES, 30),
        ("types", TYPE_MISTAKES, 12),
    ] {
        let mut cases = Vec::new();
        for seed in SEEDS {
            if name == "derive" {
                cases.push(case(seed, &[]));
            }
            for mistake in mistakes {
                if both_derives_report(seed, &[mistake]) {
                    continue;
                }
                cases.push(case(seed, &[mistake]));
            }
            for _ in 0..pairs {
                let a = next(mistakes.len());
                let b = (a + 1 + next(mistakes.len() - 1)) % mistakes.len();
                if both_derives_report(seed, &[mistakes[a], mistakes[b]]) {
                    continue;
                }
                cases.push(case(seed, &[mistakes[a], mistakes[b]]));
            }
        }
        batches.push((name.to_owned(), cases));
    }
    batches
}

/// What the compiler said about one input.
#[derive(Default)]
struct Said {
    /// `(primary line in the module, or None without a span, rendered message)`.
    errors: Vec<(Option<usize>, String)>,
}

/// Writes `cases` as the modules of one crate, checks it, and returns each module's errors.
fn compile(dir: &Path, cases: &[Case]) -> Vec<Said> {
    let mut lib = String::new();
    let mut starts = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        writeln!(lib, "#[allow(dead_code)]\nmod m{i} {{").unwrap();
        starts.push(lib.lines().count() + 1);
        lib.push_str(&case.source);
        lib.push_str("}\n");
    }
    std::fs::write(dir.join("src/lib.rs"), &lib).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["check", "--quiet", "--message-format=json"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut said: Vec<Said> = (0..cases.len()).map(|_| Said::default()).collect();
    let mut stray = Vec::new();
    for line in stdout.lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if message["reason"] != "compiler-message"
            || !message["target"]["src_path"]
                .as_str()
                .is_some_and(|p| p.ends_with("lib.rs") && p.contains("compiler-fuzz"))
        {
            continue;
        }
        let diagnostic = &message["message"];
        if diagnostic["level"] != "error" {
            continue;
        }
        let rendered = diagnostic["rendered"].as_str().unwrap_or("").to_owned();
        let primary = diagnostic["spans"]
            .as_array()
            .and_then(|spans| spans.iter().find(|s| s["is_primary"] == true))
            .and_then(|s| s["line_start"].as_u64())
            .map(|l| l as usize);
        let text = diagnostic["message"].as_str().unwrap_or("");
        if text.starts_with("aborting due to") {
            continue;
        }
        match primary {
            Some(line) => {
                let module = starts.partition_point(|&start| start <= line) - 1;
                said[module]
                    .errors
                    .push((Some(line + 1 - starts[module]), rendered));
            }
            None => stray.push(rendered),
        }
    }
    assert!(
        stray.is_empty(),
        "errors with no span (cannot tell their input):\n{}",
        stray.join("\n")
    );
    assert!(
        !output.status.success() || cases.iter().all(|c| c.mistake_lines.is_empty()),
        "the batch compiled although it has mistakes"
    );
    said
}

/// The scratch crate the batches are written to, next to the test's own target directory.
fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compiler-fuzz");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let manifest = format!(
        r#"[package]
name = "compiler-fuzz"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
httperr = {{ path = {runtime:?} }}
thiserror = "2"

[workspace]
"#,
        runtime = root.join("runtime"),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    // The workspace's lock file: the same dependency versions, and nothing to resolve.
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir
}

#[test]
fn one_spanned_error_per_mistake() {
    let dir = scratch();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut inputs = 0;
    for (batch, cases) in corpus() {
        let said = compile(&dir, &cases);
        for (case, said) in cases.iter().zip(&said) {
            inputs += 1;
            let mut problems = Vec::new();
            let errors = &said.errors;
            if errors.iter().any(|(_, text)| {
                text.contains("panicked") || text.to_lowercase().contains("please report")
            }) {
                problems.push("panics");
            }
            if errors
                .iter()
                .any(|(line, _)| !line.is_some_and(|l| case.mistake_lines.contains(&l)))
            {
                problems.push("unspanned");
            }
            let mut texts: Vec<(Option<usize>, &str)> = errors
                .iter()
                .map(|(line, t)| (*line, t.lines().next().unwrap_or("")))
                .collect();
            texts.sort_unstable();
            if texts.windows(2).any(|w| w[0] == w[1]) {
                problems.push("duplicated");
            }
            if errors.len() > case.mistake_lines.len() {
                problems.push("cascades");
            }
            if errors.len() < case.mistake_lines.len() {
                problems.push("missed");
            }
            for problem in &problems {
                *counts.entry(problem).or_default() += 1;
            }
            if !problems.is_empty() {
                let mut report = format!(
                    "[{batch}] {problems:?}: {} errors for mistakes on lines {:?}\n{}\n",
                    errors.len(),
                    case.mistake_lines,
                    case.source
                );
                for (line, text) in errors {
                    writeln!(report, "  line {line:?}: {text}").unwrap();
                }
                failures.push(report);
            }
        }
    }
    eprintln!("compiler fuzz: {inputs} inputs; problems: {counts:?}");
    assert!(
        failures.is_empty(),
        "{} of {inputs} inputs are not one spanned error per mistake ({counts:?}):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
