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
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only a counter is added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The five cases of the issue, each built by all three implementations, and two in declared
/// shapes, held to the same floor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Unit404,
    Id404,
    Conflict409,
    RateLimited429,
    Io500,
    /// A Meilisearch-like shape: message, code, category and a link built from the code.
    Shaped404,
    /// Problem details (`Shape::problem()`), with a templated detail.
    Problem422,
}

const CASES: [Case; 7] = [
    Case::Unit404,
    Case::Id404,
    Case::Conflict409,
    Case::RateLimited429,
    Case::Io500,
    Case::Shaped404,
    Case::Problem422,
];

/// The cases the default shape's figures are taken over.
const DEFAULT_SHAPE: usize = 5;

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
            Case::Shaped404 => "shaped_404",
            Case::Problem422 => "problem_422",
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
        #[status(404, "index `{0}` not found")]
        #[http(shape = MEILI, code = "index_not_found", category = "invalid_request")]
        IndexNotFound(String),
        #[status(422, "quantity {0} is not positive")]
        #[http(shape = PROBLEM, code = "bad_quantity")]
        BadQuantity(i64),
    }

    const MEILI: httperr::Shape = httperr::Shape::json()
        .message("message")
        .code("code")
        .category("type")
        .link("link", "https://docs.example.com/errors#");
    const PROBLEM: httperr::Shape = httperr::Shape::problem();

    pub fn make(case: super::Case) -> ApiError {
        use super::Case;
        match case {
            Case::Unit404 => ApiError::NotFound,
            Case::Id404 => ApiError::UserNotFound { id: 1_234_567 },
            Case::Conflict409 => ApiError::EmailTaken(super::TRICKY.to_owned()),
            Case::RateLimited429 => ApiError::RateLimited { secs: 30 },
            Case::Io500 => std::io::Error::other("connection refused").into(),
            Case::Shaped404 => ApiError::IndexNotFound("movies".to_owned()),
            Case::Problem422 => ApiError::BadQuantity(-3),
        }
    }

    pub fn to_response(error: &ApiError) -> http::Response<bytes::Bytes> {
        httperr::HttpError::to_response(error)
    }
}

/// What a careful engineer writes by hand, at its most frugal: axum's `Response` built directly,
/// a header map of exactly the headers sent, `content-type` from a constant, no
/// `content-length` (hyper writes it from the body's size), static bodies for fixed messages,
/// and for templated ones a buffer of exactly the body's size, `itoa` for integers and a
/// 256-entry table for JSON escapes. `to_response` is the same for `http::Response<Bytes>`,
/// which carries `content-length`, as httperr's `to_response()` does.
mod floor {
    use axum::body::Body;
    use bytes::Bytes;
    use http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
    use http::{HeaderMap, HeaderValue, Response, StatusCode};

    pub enum ApiError {
        NotFound,
        UserNotFound { id: u64 },
        EmailTaken(String),
        RateLimited { secs: u64 },
        Io(#[allow(dead_code)] std::io::Error),
        IndexNotFound(String),
        BadQuantity(i64),
    }

    pub fn make(case: super::Case) -> ApiError {
        use super::Case;
        match case {
            Case::Unit404 => ApiError::NotFound,
            Case::Id404 => ApiError::UserNotFound { id: 1_234_567 },
            Case::Conflict409 => ApiError::EmailTaken(super::TRICKY.to_owned()),
            Case::RateLimited429 => ApiError::RateLimited { secs: 30 },
            Case::Io500 => ApiError::Io(std::io::Error::other("connection refused")),
            Case::Shaped404 => ApiError::IndexNotFound("movies".to_owned()),
            Case::Problem422 => ApiError::BadQuantity(-3),
        }
    }

    const JSON: HeaderValue = HeaderValue::from_static("application/json");
    const PROBLEM_JSON: HeaderValue = HeaderValue::from_static("application/problem+json");

    /// For each byte: 0 = as is, b'u' = `\u00XX`, anything else = the letter after `\`.
    const ESCAPE: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = b'u';
            b += 1;
        }
        table[0x08] = b'b';
        table[0x09] = b't';
        table[0x0a] = b'n';
        table[0x0c] = b'f';
        table[0x0d] = b'r';
        table[b'"' as usize] = b'"';
        table[b'\\' as usize] = b'\\';
        table
    };

    /// The bytes each byte adds when escaped.
    const EXTRA: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = match ESCAPE[b] {
                0 => 0,
                b'u' => 5,
                _ => 1,
            };
            b += 1;
        }
        table
    };

    fn escaped_len(s: &str) -> usize {
        s.len() + s.bytes().map(|b| EXTRA[b as usize] as usize).sum::<usize>()
    }

    fn escape(out: &mut Vec<u8>, s: &str) {
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let class = ESCAPE[b as usize];
            if class == 0 {
                continue;
            }
            out.extend_from_slice(&bytes[start..i]);
            if class == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 0xf) as usize],
                ]);
            } else {
                out.extend_from_slice(&[b'\\', class]);
            }
            start = i + 1;
        }
        out.extend_from_slice(&bytes[start..]);
    }

    /// Each case's status, content type, body and `Retry-After`.
    fn parts(error: &ApiError) -> (StatusCode, HeaderValue, Bytes, Option<u64>) {
        match error {
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                JSON,
                Bytes::from_static(br#"{"error":"Not Found"}"#),
                None,
            ),
            ApiError::UserNotFound { id } => {
                let mut digits = itoa::Buffer::new();
                let id = digits.format(*id);
                const HEAD: &[u8] = br#"{"error":"user "#;
                const TAIL: &[u8] = br#" not found"}"#;
                let mut out = Vec::with_capacity(HEAD.len() + id.len() + TAIL.len());
                out.extend_from_slice(HEAD);
                out.extend_from_slice(id.as_bytes());
                out.extend_from_slice(TAIL);
                (StatusCode::NOT_FOUND, JSON, Bytes::from(out), None)
            }
            ApiError::EmailTaken(email) => {
                const HEAD: &[u8] = br#"{"error":"email "#;
                const TAIL: &[u8] = br#" is already registered"}"#;
                let mut out = Vec::with_capacity(HEAD.len() + escaped_len(email) + TAIL.len());
                out.extend_from_slice(HEAD);
                escape(&mut out, email);
                out.extend_from_slice(TAIL);
                (StatusCode::CONFLICT, JSON, Bytes::from(out), None)
            }
            ApiError::RateLimited { secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                JSON,
                Bytes::from_static(br#"{"error":"slow down"}"#),
                Some(*secs),
            ),
            ApiError::Io(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                JSON,
                Bytes::from_static(br#"{"error":"Internal Server Error"}"#),
                None,
            ),
            ApiError::IndexNotFound(index) => {
                const HEAD: &[u8] = br#"{"message":"index `"#;
                const TAIL: &[u8] = br#"` not found","code":"index_not_found","type":"invalid_request","link":"https://docs.example.com/errors#index_not_found"}"#;
                let mut out = Vec::with_capacity(HEAD.len() + escaped_len(index) + TAIL.len());
                out.extend_from_slice(HEAD);
                escape(&mut out, index);
                out.extend_from_slice(TAIL);
                (StatusCode::NOT_FOUND, JSON, Bytes::from(out), None)
            }
            ApiError::BadQuantity(quantity) => {
                let mut digits = itoa::Buffer::new();
                let quantity = digits.format(*quantity);
                const HEAD: &[u8] = br#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"quantity "#;
                const TAIL: &[u8] = br#" is not positive","code":"bad_quantity"}"#;
                let mut out = Vec::with_capacity(HEAD.len() + quantity.len() + TAIL.len());
                out.extend_from_slice(HEAD);
                out.extend_from_slice(quantity.as_bytes());
                out.extend_from_slice(TAIL);
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    PROBLEM_JSON,
                    Bytes::from(out),
                    None,
                )
            }
        }
    }

    fn headers(
        content_type: HeaderValue,
        retry_after: Option<u64>,
        length: Option<usize>,
    ) -> HeaderMap {
        let count = 1 + usize::from(retry_after.is_some()) + usize::from(length.is_some());
        let mut headers = HeaderMap::with_capacity(count);
        if let Some(secs) = retry_after {
            headers.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        headers.insert(CONTENT_TYPE, content_type);
        if let Some(length) = length {
            headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
        }
        headers
    }

    pub fn to_response(error: &ApiError) -> Response<Bytes> {
        let (status, content_type, body, retry_after) = parts(error);
        let headers = headers(content_type, retry_after, Some(body.len()));
        let mut response = Response::new(body);
        *response.status_mut() = status;
        *response.headers_mut() = headers;
        response
    }

    impl axum::response::IntoResponse for ApiError {
        fn into_response(self) -> axum::response::Response {
            let (status, content_type, body, retry_after) = parts(&self);
            let mut response = Response::new(Body::from(body));
            *response.status_mut() = status;
            *response.headers_mut() = headers(content_type, retry_after, None);
            response
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
            // Not compared: idiomatic code writes no declared shapes.
            Case::Shaped404 | Case::Problem422 => ApiError::NotFound,
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

/// Collects an axum body with `axum::body::to_bytes`. Every body here is ready at once, so
/// one poll suffices.
fn collect(body: axum::body::Body) -> Bytes {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(axum::body::to_bytes(body, usize::MAX));
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(Ok(bytes)) => bytes,
        _ => Bytes::new(),
    }
}

/// The timed op through axum: value → `IntoResponse` → body collected; all of it dropped.
fn through_axum(value: impl axum::response::IntoResponse) -> Bytes {
    collect(value.into_response().into_body())
}

fn axum_ours(case: Case) -> Bytes {
    through_axum(ours::make(case))
}
fn axum_floor(case: Case) -> Bytes {
    through_axum(floor::make(case))
}
fn axum_idiomatic(case: Case) -> Bytes {
    through_axum(idiomatic::make(case))
}

/// Allocations and bytes allocated by one op, not counting building the error value itself.
fn allocations<T, R>(make: impl Fn() -> T, op: impl Fn(T) -> R) -> (usize, usize) {
    let mut least = (usize::MAX, usize::MAX);
    for _ in 0..3 {
        let value = make();
        let (count, bytes) = (
            ALLOCATIONS.load(Ordering::Relaxed),
            ALLOCATED.load(Ordering::Relaxed),
        );
        let result = op(value);
        let after = (
            ALLOCATIONS.load(Ordering::Relaxed) - count,
            ALLOCATED.load(Ordering::Relaxed) - bytes,
        );
        drop(black_box(result));
        least = least.min(after);
    }
    least
}

/// The same response from httperr and the floor (status, headers, body; through axum without
/// `content-length`, which the server writes), and the same body from the idiomatic code.
fn check_equal_responses() {
    for case in CASES {
        let ours = axum::response::IntoResponse::into_response(ours::make(case));
        let floor = axum::response::IntoResponse::into_response(floor::make(case));
        assert_eq!(ours.status(), floor.status(), "{case:?}");
        assert_eq!(
            ours.headers(),
            floor.headers(),
            "{case:?}: floor's headers differ"
        );
        assert!(ours.headers().get("content-length").is_none(), "{case:?}");
        let ours_body = collect(ours.into_body());
        assert_eq!(
            ours_body,
            collect(floor.into_body()),
            "{case:?}: floor differs"
        );
        let response = ours::to_response(&ours::make(case));
        let floor_response = floor::to_response(&floor::make(case));
        assert_eq!(response.headers(), floor_response.headers(), "{case:?}");
        assert_eq!(response.into_body(), ours_body, "{case:?}");
        if (case as usize) < DEFAULT_SHAPE {
            let idiomatic = axum_idiomatic(case);
            let a: serde_json::Value = serde_json::from_slice(&ours_body).unwrap_or_default();
            let b: serde_json::Value = serde_json::from_slice(&idiomatic).unwrap_or_default();
            assert_eq!(a, b, "{case:?}: idiomatic differs");
        }
    }
}

struct Row {
    path: &'static str,
    case: Case,
    /// (allocations, bytes) per op of the floor, httperr and the idiomatic code.
    allocations: [Option<(usize, usize)>; 3],
}

fn benches(c: &mut Criterion, rows: &mut Vec<Row>) {
    for case in CASES {
        let idiomatic = (case as usize) < DEFAULT_SHAPE;
        let mut group = c.benchmark_group(format!("axum-{}", case.name()));
        group.bench_function("floor", |b| {
            b.iter_batched(|| floor::make(case), through_axum, BatchSize::SmallInput)
        });
        group.bench_function("httperr", |b| {
            b.iter_batched(|| ours::make(case), through_axum, BatchSize::SmallInput)
        });
        if idiomatic {
            group.bench_function("idiomatic", |b| {
                b.iter_batched(
                    || idiomatic::make(case),
                    through_axum,
                    BatchSize::SmallInput,
                )
            });
        }
        group.finish();
        rows.push(Row {
            path: "axum",
            case,
            allocations: [
                Some(allocations(|| floor::make(case), through_axum)),
                Some(allocations(|| ours::make(case), through_axum)),
                idiomatic.then(|| allocations(|| idiomatic::make(case), through_axum)),
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
            b.iter(|| ours::to_response(black_box(&our_error)))
        });
        group.finish();
        rows.push(Row {
            path: "to_response",
            case,
            allocations: [
                Some(allocations(|| &floor_error, floor::to_response)),
                Some(allocations(|| &our_error, ours::to_response)),
                None,
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
        "\n| path | case | floor ns | httperr ns | idiomatic ns | httperr / floor | idiomatic / floor | allocs floor / httperr / idiomatic | bytes floor / httperr / idiomatic |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut ratios: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for row in rows {
        let group = format!("{}-{}", row.path, row.case.name());
        let (Some(floor), Some(ours)) = (
            estimate(dir, &group, "floor"),
            estimate(dir, &group, "httperr"),
        ) else {
            continue;
        };
        let idiomatic = estimate(dir, &group, "idiomatic");
        let set = match (row.case as usize) < DEFAULT_SHAPE {
            true => row.path.to_owned(),
            false => format!("{} (declared shapes)", row.path),
        };
        ratios.entry(set).or_default().push(ours / floor);
        let show = |pick: fn((usize, usize)) -> usize| {
            row.allocations
                .map(|a| a.map_or("-".to_owned(), |a| pick(a).to_string()))
                .join(" / ")
        };
        println!(
            "| {} | {} | {floor:.1} | {ours:.1} | {} | {:.3} | {} | {} | {} |",
            row.path,
            row.case.name(),
            idiomatic.map_or("-".to_owned(), |t| format!("{t:.1}")),
            ours / floor,
            idiomatic.map_or("-".to_owned(), |t| format!("{:.2}", t / floor)),
            show(|a| a.0),
            show(|a| a.1),
        );
    }
    for (set, ratios) in ratios {
        let geomean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
        let worst = ratios.iter().copied().fold(0.0, f64::max);
        println!("\n{set}: httperr / floor geometric mean {geomean:.3}, worst case {worst:.3}");
    }
}

/// Paired, interleaved timing, steadier than criterion's groups on a shared machine: for each
/// case, 15 rounds each timing a batch of the floor then of httperr (the order alternating),
/// each batch's values built before its clock starts; the median of the 15 per-round ratios.
fn paired() {
    const ROUNDS: usize = 15;
    const BATCH: usize = 20_000;
    fn batch_axum<T: axum::response::IntoResponse>(make: impl Fn() -> T) -> f64 {
        let values: Vec<T> = (0..BATCH).map(|_| make()).collect();
        let start = std::time::Instant::now();
        for value in values {
            drop(black_box(through_axum(value)));
        }
        start.elapsed().as_secs_f64()
    }
    fn batch_ref<T>(value: &T, op: impl Fn(&T) -> http::Response<Bytes>) -> f64 {
        let start = std::time::Instant::now();
        for _ in 0..BATCH {
            drop(black_box(op(black_box(value))));
        }
        start.elapsed().as_secs_f64()
    }
    println!(
        "\n| path | case | httperr / floor, median of {ROUNDS} paired rounds | spread (min–max) |"
    );
    println!("|---|---|---|---|");
    let mut all: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for path in ["axum", "to_response"] {
        for case in CASES {
            let (floor_value, our_value) = (floor::make(case), ours::make(case));
            let mut ratios = Vec::with_capacity(ROUNDS);
            for round in 0..ROUNDS {
                let time = |which_ours: bool| -> f64 {
                    match (path, which_ours) {
                        ("axum", false) => batch_axum(|| floor::make(case)),
                        ("axum", true) => batch_axum(|| ours::make(case)),
                        (_, false) => batch_ref(&floor_value, floor::to_response),
                        (_, true) => batch_ref(&our_value, ours::to_response),
                    }
                };
                let (floor_time, our_time) = if round % 2 == 0 {
                    let floor_time = time(false);
                    (floor_time, time(true))
                } else {
                    let our_time = time(true);
                    (time(false), our_time)
                };
                ratios.push(our_time / floor_time);
            }
            ratios.sort_by(f64::total_cmp);
            let median = ratios[ROUNDS / 2];
            let set = match (case as usize) < DEFAULT_SHAPE {
                true => path.to_owned(),
                false => format!("{path} (declared shapes)"),
            };
            all.entry(set).or_default().push(median);
            println!(
                "| {path} | {} | {median:.3} | {:.3}–{:.3} |",
                case.name(),
                ratios[0],
                ratios[ROUNDS - 1]
            );
        }
    }
    for (set, medians) in all {
        let geomean = (medians.iter().map(|r| r.ln()).sum::<f64>() / medians.len() as f64).exp();
        let worst = medians.iter().copied().fold(0.0, f64::max);
        println!("\n{set}, paired: geometric mean {geomean:.3}, worst case {worst:.3}");
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
            repeat(n, || ours::to_response(black_box(&error)));
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
    check_equal_responses();
    if std::env::args().any(|arg| arg == "--paired") {
        return paired();
    }
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
    paired();
}
