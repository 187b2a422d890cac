//! Load on a real server: an axum app answering errors through httperr, against the same app
//! with a hand-written `(StatusCode, Json(json!({"error": msg})))` handler; requests per second
//! and peak memory of each server process, in interleaved rounds.
//!
//! `cargo bench -p httperr-framework-tests --bench load` (`-- <seconds per round> <rounds>`,
//! default 3 and 4). Each server runs in a child process of this binary on one Tokio worker,
//! so the client (this process, one worker) and the server each have a core on a 2-core machine.

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, httperr::HttpError, httperr::axum::IntoResponse)]
enum UserError {
    #[status(404, "user {id} not found")]
    NotFound { id: u64 },
}

/// The hand-written way: thiserror-style text, `json!` for the body.
struct HandWritten {
    id: u64,
}

impl IntoResponse for HandWritten {
    fn into_response(self) -> Response {
        let message = format!("user {} not found", self.id);
        (
            StatusCode::NOT_FOUND,
            axum::Json(serde_json::json!({ "error": message })),
        )
            .into_response()
    }
}

async fn with_httperr() -> Result<&'static str, UserError> {
    Err(UserError::NotFound { id: 42 })
}

async fn hand_written() -> Result<&'static str, HandWritten> {
    Err(HandWritten { id: 42 })
}

/// The child: serves one implementation on 127.0.0.1:0 and prints its port.
fn serve(which: &str) {
    let router = match which {
        "httperr" => Router::new().route("/user", get(with_httperr)),
        _ => Router::new().route("/user", get(hand_written)),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        println!("{}", listener.local_addr().expect("address").port());
        axum::serve(listener, router).await.expect("serve");
    });
}

/// Peak resident memory of a process, from `/proc` (Linux), in KiB.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Requests per second against `port` for `seconds`, with `connections` concurrent clients;
/// every answer is checked to be the expected 404 body.
fn load(port: u16, seconds: u64, connections: usize) -> f64 {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(connections)
            .build()
            .expect("client");
        let url = format!("http://127.0.0.1:{port}/user");
        let done = Arc::new(AtomicU64::new(0));
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for _ in 0..connections {
            let (client, url, done) = (client.clone(), url.clone(), done.clone());
            tasks.push(tokio::spawn(async move {
                while Instant::now() < deadline {
                    let response = client.get(&url).send().await.expect("request");
                    assert_eq!(response.status(), 404);
                    let body = response.bytes().await.expect("body");
                    assert_eq!(&body[..], br#"{"error":"user 42 not found"}"#);
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }));
        }
        let started = Instant::now();
        for task in tasks {
            task.await.expect("client task");
        }
        done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Ok(which) = std::env::var("HTTPERR_LOAD_SERVE") {
        return serve(&which);
    }
    // `cargo bench` passes `--bench`; numbers after it are ours.
    let numbers: Vec<u64> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let seconds = numbers.first().copied().unwrap_or(3);
    let rounds = numbers.get(1).copied().unwrap_or(4);
    let me = std::env::current_exe().expect("this binary");
    let mut results: Vec<(&str, f64, u64)> = Vec::new();
    for round in 0..rounds {
        // Alternate which goes first, so that neither always meets a warmer machine.
        let order = match round % 2 {
            0 => ["httperr", "hand-written"],
            _ => ["hand-written", "httperr"],
        };
        for which in order {
            let mut child = Command::new(&me)
                .env("HTTPERR_LOAD_SERVE", which)
                .stdout(Stdio::piped())
                .spawn()
                .expect("server process");
            let mut port = String::new();
            BufReader::new(child.stdout.take().expect("stdout"))
                .read_line(&mut port)
                .expect("port");
            let port: u16 = port.trim().parse().expect("a port");
            let rate = load(port, seconds, 32);
            let rss = peak_rss_kib(child.id()).unwrap_or(0);
            child.kill().expect("stop the server");
            child.wait().expect("server exit");
            println!("round {round}: {which:>12}: {rate:>9.0} req/s, peak RSS {rss} KiB");
            results.push((which, rate, rss));
        }
    }
    for which in ["httperr", "hand-written"] {
        let rates: Vec<f64> = results
            .iter()
            .filter(|r| r.0 == which)
            .map(|r| r.1)
            .collect();
        let mean = rates.iter().sum::<f64>() / rates.len() as f64;
        let rss = results.iter().filter(|r| r.0 == which).map(|r| r.2).max();
        println!(
            "{which:>12}: mean {mean:.0} req/s over {} rounds, peak RSS {} KiB",
            rates.len(),
            rss.unwrap_or(0)
        );
    }
}
