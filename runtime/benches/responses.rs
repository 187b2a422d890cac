//! Error → response benchmarks: httperr against a hand-written floor and the idiomatic
//! thiserror + `json!` style, through axum and through `to_response()`, with allocation counts.
//!
//! `cargo bench -p httperr --features axum --bench responses` runs them and prints a table of
//! ratios to the floor (time and allocations per op), measured in the same process.

use bytes::Bytes;
use criterion::{BatchSize, Criterion};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts every allocation (and reallocation) so each op's allocations can be reported.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only a counter is added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The five cases of the issue, each built by all three implementations.
#[derive(Clone, Copy, Debug)]
enum Case {
    Unit404,
    Id404,
    Conflict409,
    RateLimited429,
    Io500,
}

const CASES: [Case; 5] = [
    Case::Unit404,
    Case::Id404,
    Case::Conflict409,
    Case::RateLimited429,
    Case::Io500,
];

/// A string that needs every kind of escaping: quote, backslash, a control character, non-ASCII.
const TRICKY: &str = "ada \"the countess\" \\ lovelace\u{1}@exämple.com";

impl Case {
    fn name(self) -> &'static str {
        match self {
            Case::Unit404 => "unit_404",
            Case::Id404 => "id_404",
            Case::Conflict409 => "escaped_409",
            Case::RateLimited429 => "retry_after_429",
            Case::Io500 => "io_500",
        }
    }
}

mod ours {
    #[derive(Debug, httperr::HttpError, httperr::axum::IntoResponse)]
    pub enum ApiError {
        #[status(404)]
        NotFound,
        #[status(404, "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(409, "email {0} is already registered")]
        EmailTaken(String),
        #[status(429, "slow down")]
        #[header(RETRY_AFTER, "{secs}")]
        RateLimited { secs: u64 },
        #[status(500)]
        Io(#[from] std::io::Error),
    }

    pub fn make(case: super::Case) -> ApiError {
        use super::Case;
        match case {
            Case::Unit404 => ApiError::NotFound,
            Case::Id404 => ApiError::UserNotFound { id: 1_234_567 },
            Case::Conflict409 => ApiError::EmailTaken(super::TRICKY.to_owned()),
            Case::RateLimited429 => ApiError::RateLimited { secs: 30 },
            Case::Io500 => std::io::Error::other("connection refused").into(),
        }
    }
}

/// What a careful engineer writes by hand: static bodies for fixed messages, exact-size
/// buffers and a minimal escape for templated ones, the same headers as httperr.
mod floor {
    use bytes::Bytes;
    use http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
    use http::{HeaderValue, Response, StatusCode};

    pub enum ApiError {
        NotFound,
        UserNotFound { id: u64 },
        EmailTaken(String),
        RateLimited { secs: u64 },
        Io(#[allow(dead_code)] std::io::Error),
    }

    pub fn make(case: super::Case) -> ApiError {
        use super::Case;
        match case {
            Case::Unit404 => ApiError::NotFound,
            Case::Id404 => ApiError::UserNotFound { id: 1_234_567 },
            Case::Conflict409 => ApiError::EmailTaken(super::TRICKY.to_owned()),
            Case::RateLimited429 => ApiError::RateLimited { secs: 30 },
            Case::Io500 => ApiError::Io(std::io::Error::other("connection refused")),
        }
    }

    fn escape(out: &mut Vec<u8>, s: &str) {
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escaped: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..=0x1f => {
                    out.extend_from_slice(&s.as_bytes()[start..i]);
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(b >> 4) as usize],
                        HEX[(b & 0xf) as usize],
                    ]);
                    start = i + 1;
                    continue;
                }
                _ => continue,
            };
            out.extend_from_slice(&s.as_bytes()[start..i]);
            out.extend_from_slice(escaped);
            start = i + 1;
        }
        out.extend_from_slice(&s.as_bytes()[start..]);
    }

    fn escaped_len(s: &str) -> usize {
        s.bytes()
            .map(|b| match b {
                b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
                0..=0x1f => 6,
                _ => 1,
            })
            .sum()
    }

    fn respond(status: StatusCode, body: Bytes) -> Response<Bytes> {
        let length = HeaderValue::from(body.len());
        let mut response = Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(CONTENT_LENGTH, length);
        response
    }

    pub fn to_response(error: &ApiError) -> Response<Bytes> {
        match error {
            ApiError::NotFound => respond(
                StatusCode::NOT_FOUND,
                Bytes::from_static(br#"{"error":"Not Found"}"#),
            ),
            ApiError::UserNotFound { id } => {
                let mut digits = itoa_buffer(*id);
                let id = digits.format();
                let mut out = Vec::with_capacity(29 + id.len());
                out.extend_from_slice(br#"{"error":"user "#);
                out.extend_from_slice(id.as_bytes());
                out.extend_from_slice(br#" not found"}"#);
                respond(StatusCode::NOT_FOUND, Bytes::from(out))
            }
            ApiError::EmailTaken(email) => {
                let mut out = Vec::with_capacity(42 + escaped_len(email));
                out.extend_from_slice(br#"{"error":"email "#);
                escape(&mut out, email);
                out.extend_from_slice(br#" is already registered"}"#);
                respond(StatusCode::CONFLICT, Bytes::from(out))
            }
            ApiError::RateLimited { secs } => {
                let mut response = respond(
                    StatusCode::TOO_MANY_REQUESTS,
                    Bytes::from_static(br#"{"error":"slow down"}"#),
                );
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(*secs));
                response
            }
            ApiError::Io(_) => respond(
                StatusCode::INTERNAL_SERVER_ERROR,
                Bytes::from_static(br#"{"error":"Internal Server Error"}"#),
            ),
        }
    }

    /// A tiny integer formatter, so the floor does not pay for `core::fmt`.
    pub struct Digits {
        buf: [u8; 20],
        start: usize,
    }

    fn itoa_buffer(mut n: u64) -> Digits {
        let mut buf = [0u8; 20];
        let mut start = buf.len();
        loop {
            start -= 1;
            buf[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Digits { buf, start }
    }

    impl Digits {
        fn format(&mut self) -> &str {
            std::str::from_utf8(&self.buf[self.start..]).unwrap_or("0")
        }
    }

    impl axum::response::IntoResponse for ApiError {
        fn into_response(self) -> axum::response::Response {
            to_response(&self).map(axum::body::Body::from)
        }
    }
}

/// What most code does today: thiserror for the message, `json!` for the body.
mod idiomatic {
    use axum::Json;
    use axum::http::{HeaderValue, StatusCode, header::RETRY_AFTER};
    use axum::response::{IntoResponse, Response};
    use serde_json::json;

    #[derive(Debug, thiserror::Error)]
    pub enum ApiError {
        #[error("Not Found")]
        NotFound,
        #[error("user {id} not found")]
        UserNotFound { id: u64 },
        #[error("email {0} is already registered")]
        EmailTaken(String),
        #[error("slow down")]
        RateLimited { secs: u64 },
        #[error("io error: {0}")]
        Io(#[from] std::io::Error),
    }

    pub fn make(case: super::Case) -> ApiError {
        use super::Case;
        match case {
            Case::Unit404 => ApiError::NotFound,
            Case::Id404 => ApiError::UserNotFound { id: 1_234_567 },
            Case::Conflict409 => ApiError::EmailTaken(super::TRICKY.to_owned()),
            Case::RateLimited429 => ApiError::RateLimited { secs: 30 },
            Case::Io500 => std::io::Error::other("connection refused").into(),
        }
    }

    impl IntoResponse for ApiError {
        fn into_response(self) -> Response {
            let status = match &self {
                ApiError::NotFound | ApiError::UserNotFound { .. } => StatusCode::NOT_FOUND,
                ApiError::EmailTaken(_) => StatusCode::CONFLICT,
                ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
                ApiError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
            };
            let message = match &self {
                ApiError::Io(_) => "Internal Server Error".to_owned(),
                other => other.to_string(),
            };
            let mut response = (status, Json(json!({ "error": message }))).into_response();
            if let ApiError::RateLimited { secs } = self {
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(secs));
            }
            response
        }
    }
}

/// Collects an axum body to `Bytes`. Every body here is ready at once, so one poll suffices.
fn collect(body: axum::body::Body) -> Bytes {
    use http_body_util::BodyExt;
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(body.collect());
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(Ok(collected)) => collected.to_bytes(),
        _ => Bytes::new(),
    }
}

fn axum_ours(case: Case) -> Bytes {
    collect(axum::response::IntoResponse::into_response(ours::make(case)).into_body())
}
fn axum_floor(case: Case) -> Bytes {
    collect(axum::response::IntoResponse::into_response(floor::make(case)).into_body())
}
fn axum_idiomatic(case: Case) -> Bytes {
    collect(axum::response::IntoResponse::into_response(idiomatic::make(case)).into_body())
}

/// Allocations of one op, not counting building the error value itself.
fn allocations<T, R>(make: impl Fn() -> T, op: impl Fn(T) -> R) -> usize {
    let mut least = usize::MAX;
    for _ in 0..3 {
        let value = make();
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        let result = op(value);
        let after = ALLOCATIONS.load(Ordering::Relaxed);
        drop(black_box(result));
        least = least.min(after - before);
    }
    least
}

/// The same bytes from all three, so the comparison is of equal work.
fn check_equal_bodies() {
    for case in CASES {
        let ours = axum_ours(case);
        assert_eq!(ours, axum_floor(case), "{case:?}: floor differs");
        assert_eq!(
            ours,
            httperr::HttpError::to_response(&ours::make(case)).into_body(),
            "{case:?}"
        );
        let idiomatic = axum_idiomatic(case);
        let a: serde_json::Value = serde_json::from_slice(&ours).unwrap_or_default();
        let b: serde_json::Value = serde_json::from_slice(&idiomatic).unwrap_or_default();
        assert_eq!(a, b, "{case:?}: idiomatic differs");
    }
}

struct Row {
    path: &'static str,
    case: &'static str,
    allocations: [usize; 3],
}

fn benches(c: &mut Criterion, rows: &mut Vec<Row>) {
    for case in CASES {
        let mut group = c.benchmark_group(format!("axum-{}", case.name()));
        group.bench_function("floor", |b| {
            b.iter_batched(
                || floor::make(case),
                |e| collect(axum::response::IntoResponse::into_response(e).into_body()),
                BatchSize::SmallInput,
            )
        });
        group.bench_function("httperr", |b| {
            b.iter_batched(
                || ours::make(case),
                |e| collect(axum::response::IntoResponse::into_response(e).into_body()),
                BatchSize::SmallInput,
            )
        });
        group.bench_function("idiomatic", |b| {
            b.iter_batched(
                || idiomatic::make(case),
                |e| collect(axum::response::IntoResponse::into_response(e).into_body()),
                BatchSize::SmallInput,
            )
        });
        group.finish();
        rows.push(Row {
            path: "axum",
            case: case.name(),
            allocations: [
                allocations(
                    || floor::make(case),
                    |e| collect(axum::response::IntoResponse::into_response(e).into_body()),
                ),
                allocations(
                    || ours::make(case),
                    |e| collect(axum::response::IntoResponse::into_response(e).into_body()),
                ),
                allocations(
                    || idiomatic::make(case),
                    |e| collect(axum::response::IntoResponse::into_response(e).into_body()),
                ),
            ],
        });
    }
    for case in CASES {
        let mut group = c.benchmark_group(format!("to_response-{}", case.name()));
        let floor_error = floor::make(case);
        let our_error = ours::make(case);
        group.bench_function("floor", |b| {
            b.iter(|| floor::to_response(black_box(&floor_error)))
        });
        group.bench_function("httperr", |b| {
            b.iter(|| httperr::HttpError::to_response(black_box(&our_error)))
        });
        group.finish();
        rows.push(Row {
            path: "to_response",
            case: case.name(),
            allocations: [
                allocations(|| &floor_error, floor::to_response),
                allocations(
                    || &our_error,
                    <ours::ApiError as httperr::HttpError>::to_response,
                ),
                usize::MAX,
            ],
        });
    }
}

/// The mean time criterion estimated for one benchmark, in nanoseconds.
fn estimate(dir: &std::path::Path, group: &str, function: &str) -> Option<f64> {
    let path = dir
        .join(group)
        .join(function)
        .join("new")
        .join("estimates.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn report(dir: &std::path::Path, rows: &[Row]) {
    println!(
        "\n| path | case | floor ns | httperr ns | idiomatic ns | httperr / floor | idiomatic / floor | allocs floor / httperr / idiomatic |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut ratios: std::collections::BTreeMap<&str, Vec<f64>> = std::collections::BTreeMap::new();
    for row in rows {
        let group = format!("{}-{}", row.path, row.case);
        let (Some(floor), Some(ours)) = (
            estimate(dir, &group, "floor"),
            estimate(dir, &group, "httperr"),
        ) else {
            continue;
        };
        let idiomatic = estimate(dir, &group, "idiomatic");
        ratios.entry(row.path).or_default().push(ours / floor);
        let fmt_allocs = |n: usize| {
            if n == usize::MAX {
                "-".to_owned()
            } else {
                n.to_string()
            }
        };
        println!(
            "| {} | {} | {floor:.1} | {ours:.1} | {} | {:.3} | {} | {} / {} / {} |",
            row.path,
            row.case,
            idiomatic.map_or("-".to_owned(), |t| format!("{t:.1}")),
            ours / floor,
            idiomatic.map_or("-".to_owned(), |t| format!("{:.2}", t / floor)),
            fmt_allocs(row.allocations[0]),
            fmt_allocs(row.allocations[1]),
            fmt_allocs(row.allocations[2]),
        );
    }
    for (path, ratios) in ratios {
        let geomean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
        let worst = ratios.iter().copied().fold(0.0, f64::max);
        println!("\n{path}: httperr / floor geometric mean {geomean:.3}, worst case {worst:.3}");
    }
}

/// `HTTPERR_BENCH_LOOP="<floor|httperr|idiomatic> <make|axum|to_response> <case> <n>"` runs one
/// op `n` times and nothing else, for `scripts/instructions.py` to count its instructions under
/// callgrind: a count that the machine's load does not move, where times here move by 10 %.
/// `axum` builds the error value too; the script subtracts `make`, which only builds it.
fn run_loop(spec: &str) {
    let words: Vec<&str> = spec.split_whitespace().collect();
    let [implementation, op, case, n] = words[..] else {
        panic!("HTTPERR_BENCH_LOOP: expected `implementation op case n`, got {spec:?}");
    };
    let case = CASES
        .into_iter()
        .find(|c| c.name() == case)
        .unwrap_or_else(|| panic!("unknown case {case:?}"));
    let n: usize = n.parse().expect("n is a number");
    let case = black_box(case);
    match (implementation, op) {
        ("floor", "to_response") => {
            let error = floor::make(case);
            repeat(n, || floor::to_response(black_box(&error)));
        }
        ("httperr", "to_response") => {
            let error = ours::make(case);
            repeat(n, || httperr::HttpError::to_response(black_box(&error)));
        }
        ("floor", "make") => repeat(n, || floor::make(case)),
        ("httperr", "make") => repeat(n, || ours::make(case)),
        ("idiomatic", "make") => repeat(n, || idiomatic::make(case)),
        ("floor", "axum") => repeat(n, || axum_floor(case)),
        ("httperr", "axum") => repeat(n, || axum_ours(case)),
        ("idiomatic", "axum") => repeat(n, || axum_idiomatic(case)),
        _ => panic!("HTTPERR_BENCH_LOOP: no {op:?} for {implementation:?}"),
    }
}

fn repeat<R>(n: usize, op: impl Fn() -> R) {
    for _ in 0..n {
        drop(black_box(op()));
    }
}

fn main() {
    if let Ok(spec) = std::env::var("HTTPERR_BENCH_LOOP") {
        return run_loop(&spec);
    }
    check_equal_bodies();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("..")
        .join("criterion");
    let mut criterion = Criterion::default()
        .output_directory(&dir)
        .configure_from_args();
    let mut rows = Vec::new();
    benches(&mut criterion, &mut rows);
    criterion.final_summary();
    report(&dir, &rows);
}
