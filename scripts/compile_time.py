#!/usr/bin/env python3
"""Compile-time benchmark: httperr's derive against thiserror + a hand-written IntoResponse.

Generates a user crate with an N-variant error enum (N = 10, 100, 200, 1000) written both
ways, builds the dependencies once, then times `cargo build` of the user crate alone, two ways
(see `time_user_crates`): a full build, and a rebuild after touching the source. It also times a clean build of
`httperr-macros` and of `thiserror-impl`, each on the same already-built syn, the two runs
interleaved so that a slow spell of the machine hits both. Both are built without incremental
compilation: cargo compiles a crates.io dependency that way, but would compile our path
dependency incrementally (256 codegen units and a saved dependency graph), which is not what a
user of the published crate pays.

Usage: python3 scripts/compile_time.py [--runs 5] [--sizes 10,100,200,1000] [--cpu]
Prints a Markdown table. Work happens in target/compile-time/ (outside the workspace build).
With --cpu, each build is measured in CPU seconds (user + system time of cargo and the rustc
processes it waits for) instead of wall-clock seconds: other work on the machine then moves the
figures much less, though not at all only on an idle machine.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "compile-time"
# Set by --cpu: measure CPU time of the child processes instead of wall-clock time.
CPU = False

# Each variant cycles through the shapes real error enums have.
SHAPES = ["unit", "id", "string", "header", "source"]


def httperr_enum(n: int) -> str:
    # Since the framework derives (session 6) the axum impl is asked for; before, the feature
    # alone added it. Either way the crate gets the same impls, so older commits compare too.
    axum = ", httperr::axum::IntoResponse" if "AxumIntoResponse" in (ROOT / "macros" / "src" / "lib.rs").read_text() else ""
    lines = [f"#[derive(Debug, httperr::HttpError{axum})]", "pub enum BigError {"]
    for i in range(n):
        shape = SHAPES[i % len(SHAPES)]
        if shape == "unit":
            lines += ["    #[status(404)]", f"    NotFound{i},"]
        elif shape == "id":
            lines += [f'    #[status(404, "item {{id}} of kind {i} not found")]', f"    Missing{i} {{ id: u64 }},"]
        elif shape == "string":
            lines += [f'    #[status(409, "name {{0}} is taken ({i})")]', f"    Taken{i}(String),"]
        elif shape == "header":
            lines += ['    #[status(429, "slow down")]', '    #[header(RETRY_AFTER, "{secs}")]', f"    Limited{i} {{ secs: u64 }},"]
        else:
            lines += ["    #[status(500)]", f"    Io{i} {{ #[source] source: std::io::Error }},"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def thiserror_enum(n: int) -> str:
    lines = ["#[derive(Debug, thiserror::Error)]", "pub enum BigError {"]
    arms_status, arms_headers = [], []
    for i in range(n):
        shape = SHAPES[i % len(SHAPES)]
        if shape == "unit":
            lines += ['    #[error("Not Found")]', f"    NotFound{i},"]
            arms_status.append(f"BigError::NotFound{i} => StatusCode::NOT_FOUND,")
        elif shape == "id":
            lines += [f'    #[error("item {{id}} of kind {i} not found")]', f"    Missing{i} {{ id: u64 }},"]
            arms_status.append(f"BigError::Missing{i} {{ .. }} => StatusCode::NOT_FOUND,")
        elif shape == "string":
            lines += [f'    #[error("name {{0}} is taken ({i})")]', f"    Taken{i}(String),"]
            arms_status.append(f"BigError::Taken{i}(_) => StatusCode::CONFLICT,")
        elif shape == "header":
            lines += ['    #[error("slow down")]', f"    Limited{i} {{ secs: u64 }},"]
            arms_status.append(f"BigError::Limited{i} {{ .. }} => StatusCode::TOO_MANY_REQUESTS,")
            arms_headers.append(f"BigError::Limited{i} {{ secs }} => Some(HeaderValue::from(*secs)),")
        else:
            lines += ['    #[error("internal error")]', f"    Io{i} {{ #[source] source: std::io::Error }},"]
            arms_status.append(f"BigError::Io{i} {{ .. }} => StatusCode::INTERNAL_SERVER_ERROR,")
    lines.append("}")
    impl = f"""
use axum_core::response::{{IntoResponse, Response}};
use http::{{HeaderValue, StatusCode, header}};

impl IntoResponse for BigError {{
    fn into_response(self) -> Response {{
        let status = match &self {{
            {chr(10).join("            " + a for a in arms_status).strip()}
        }};
        let retry_after = match &self {{
            {chr(10).join("            " + a for a in arms_headers).strip()}
            _ => None,
        }};
        let message = if status.is_server_error() {{
            status.canonical_reason().unwrap_or("error").to_owned()
        }} else {{
            self.to_string()
        }};
        let body = serde_json::json!({{ "error": message }}).to_string();
        let mut response = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
        if let Some(value) = retry_after {{
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }}
        response
    }}
}}
"""
    return "\n".join(lines) + "\n" + impl


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def setup() -> None:
    write(WORK / "Cargo.toml", '[workspace]\nmembers = ["with-httperr", "with-thiserror"]\nresolver = "3"\n')
    write(
        WORK / "with-httperr" / "Cargo.toml",
        f"""[package]
name = "with-httperr"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
httperr = {{ path = "{ROOT / 'runtime'}", features = ["axum"] }}
""",
    )
    write(
        WORK / "with-thiserror" / "Cargo.toml",
        """[package]
name = "with-thiserror"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
thiserror = "2"
axum-core = "0.5"
http = "1"
serde_json = "1"
""",
    )


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cargo(*args: str, env: dict[str, str] | None = None) -> float:
    start, start_cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(
        ["cargo", *args], cwd=WORK, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    elapsed = children_cpu() - start_cpu if CPU else time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"cargo {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return elapsed


def time_user_crates(sources: dict[str, str], runs: int) -> dict[str, tuple[float, float]]:
    """Per package: (full build, rebuild after a touch), each the median of `runs`, interleaved.

    A full build compiles the user crate from nothing (dependencies built), without incremental
    state. A touch leaves the source as it was: rustc reruns every macro and reuses everything
    after, so that figure is mostly the cost of the derives, as felt in an edit-compile loop.
    """
    for package, source in sources.items():
        write(WORK / package / "src" / "lib.rs", source)
        cargo("build", "-p", package)  # the first build after a change of N is not timed
    full: dict[str, list[float]] = {package: [] for package in sources}
    touch: dict[str, list[float]] = {package: [] for package in sources}
    no_incremental = {"CARGO_INCREMENTAL": "0"}
    for _ in range(runs):
        for package in sources:
            cargo("clean", "-p", package, env=no_incremental)
            full[package].append(cargo("build", "-p", package, env=no_incremental))
    for package in sources:
        cargo("build", "-p", package)  # incremental state for the touch runs
    for _ in range(runs):
        for package in sources:
            os.utime(WORK / package / "src" / "lib.rs")
            touch[package].append(cargo("build", "-p", package))
    return {p: (statistics.median(full[p]), statistics.median(touch[p])) for p in sources}


def time_clean_builds(packages: list[str], runs: int) -> dict[str, float]:
    env = {"CARGO_INCREMENTAL": "0"}
    for package in packages:  # the first build in this mode is not timed
        cargo("build", "-p", package, env=env)
    times: dict[str, list[float]] = {package: [] for package in packages}
    for _ in range(runs):
        for package in packages:
            cargo("clean", "-p", package, env=env)
            times[package].append(cargo("build", "-p", package, env=env))
    return {package: statistics.median(t) for package, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10,100,200,1000")
    parser.add_argument("--cpu", action="store_true", help="CPU seconds instead of wall-clock seconds")
    args = parser.parse_args()
    global CPU
    CPU = args.cpu
    sizes = [int(s) for s in args.sizes.split(",")]

    setup()
    write(WORK / "with-httperr" / "src" / "lib.rs", httperr_enum(1))
    write(WORK / "with-thiserror" / "src" / "lib.rs", thiserror_enum(1))
    cargo("build")  # dependencies, once

    clean = time_clean_builds(["httperr-macros", "thiserror-impl"], max(args.runs, 7))
    macros, thiserror_impl = clean["httperr-macros"], clean["thiserror-impl"]
    unit = "CPU seconds" if CPU else "seconds"
    print(f"| proc-macro crate, clean build on a built syn | {unit} |")
    print("|---|---|")
    print(f"| httperr-macros | {macros:.2f} |")
    print(f"| thiserror-impl | {thiserror_impl:.2f} |")
    print(f"| ratio | {macros / thiserror_impl:.2f} |")
    print()
    print(f"User crate; httperr derive vs thiserror + a hand-written IntoResponse match ({unit}):")
    print()
    print("| variants | full: httperr | full: thiserror | ratio | touch: httperr | touch: thiserror | ratio |")
    print("|---|---|---|---|---|---|---|")
    for n in sizes:
        times = time_user_crates({"with-httperr": httperr_enum(n), "with-thiserror": thiserror_enum(n)}, args.runs)
        (ours_full, ours_touch), (theirs_full, theirs_touch) = times["with-httperr"], times["with-thiserror"]
        print(
            f"| {n} | {ours_full:.2f} | {theirs_full:.2f} | {ours_full / theirs_full:.2f} "
            f"| {ours_touch:.2f} | {theirs_touch:.2f} | {ours_touch / theirs_touch:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
