#!/usr/bin/env python3
"""Instructions per op of the runtime benchmark's cases, counted by callgrind.

`cargo bench` times are the measure the targets are set in, but on a shared 2-core machine they
move by 10 % or more between runs. An instruction count does not move with the machine's load:
it is the same for the same binary and input. It is not time (a cache miss or a `malloc` costs
more than its instructions), so this complements the timed benchmark rather than replacing it.

Runs the benchmark binary (runtime/benches/responses.rs) in its `HTTPERR_BENCH_LOOP` mode under
`valgrind --tool=callgrind`, twice per measurement (N1 and N2 ops), and reports
(count(N2) - count(N1)) / (N2 - N1): start-up and the table of the first run cancel out. For
the axum path, building the error value (`make`) is measured the same way and subtracted.

Usage: python3 scripts/instructions.py        (needs valgrind: apt-get install valgrind)
"""

import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ["unit_404", "id_404", "escaped_409", "retry_after_429", "io_500", "shaped_404", "problem_422"]
# The default shape's cases, which the targets are set over; the others are declared shapes.
DEFAULT_SHAPE = CASES[:5]
N1, N2 = 200, 1200


def bench_binary() -> str:
    result = subprocess.run(
        ["cargo", "bench", "-p", "httperr", "--features", "axum", "--bench", "responses",
         "--no-run", "--message-format=json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    for line in result.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable") \
                and message["target"]["name"] == "responses":
            return message["executable"]
    sys.exit("could not find the responses benchmark binary")


def count(binary: str, spec: str) -> int:
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary],
        env={**os.environ, "HTTPERR_BENCH_LOOP": spec},
        capture_output=True, text=True,
    )
    match = re.search(r"Collected : (\d+)", result.stderr) or re.search(r"refs:\s+([\d,]+)", result.stderr)
    if result.returncode != 0 or not match:
        sys.exit(f"callgrind failed for {spec!r}:\n{result.stderr[-2000:]}")
    return int(match.group(1).replace(",", ""))


def per_op(binary: str, implementation: str, op: str, case: str) -> float:
    low = count(binary, f"{implementation} {op} {case} {N1}")
    high = count(binary, f"{implementation} {op} {case} {N2}")
    return (high - low) / (N2 - N1)


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    binary = bench_binary()
    print("| path | case | floor | httperr | idiomatic | httperr / floor | idiomatic / floor |")
    print("|---|---|---|---|---|---|---|")
    ratios: dict[str, list[float]] = {}
    for path in ["axum", "to_response"]:
        for case in CASES:
            counts = {}
            for implementation in ["floor", "httperr", "idiomatic"]:
                if implementation == "idiomatic" and (path == "to_response" or case not in DEFAULT_SHAPE):
                    continue
                ops = per_op(binary, implementation, path, case)
                if path == "axum":
                    ops -= per_op(binary, implementation, "make", case)
                counts[implementation] = ops
            ratio = counts["httperr"] / counts["floor"]
            group = path if case in DEFAULT_SHAPE else f"{path} (declared shapes)"
            ratios.setdefault(group, []).append(ratio)
            idiomatic = counts.get("idiomatic")
            print(
                f"| {path} | {case} | {counts['floor']:.0f} | {counts['httperr']:.0f} | "
                + (f"{idiomatic:.0f}" if idiomatic else "-")
                + f" | {ratio:.3f} | "
                + (f"{idiomatic / counts['floor']:.2f}" if idiomatic else "-")
                + " |"
            )
    print()
    for path, values in ratios.items():
        mean = math.exp(sum(math.log(r) for r in values) / len(values))
        print(f"{path}: httperr / floor instructions, geometric mean {mean:.3f}, worst case {max(values):.3f}")


if __name__ == "__main__":
    main()
