#!/usr/bin/env python3
"""Starts every example server and checks that it answers the sample API, then stops it.

Usage: python3 scripts/check_examples.py [example ...]   (default: every server example)
Each example is built first (`cargo build --examples`), run on a free port given in $PORT,
asked for /users/1, /users/99 and /errors/rate-limited over HTTP, and stopped with SIGINT.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVERS = ["axum", "actix_web", "poem", "rocket", "warp", "salvo", "hyper"]
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def check(name: str) -> None:
    binary = ROOT / "target" / "debug" / "examples" / name
    port = free_port()
    env = dict(os.environ, PORT=str(port), ROCKET_LOG_LEVEL="off")
    process = subprocess.Popen([str(binary)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                status, _, body = get(f"{base}/users/1")
                break
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"{name}: did not start: {process.stderr.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.2)
        assert status == 200 and json.loads(body) == {"id": 1, "email": "ada@example.com"}, (name, status, body)
        status, _, body = get(f"{base}/users/99")
        assert (status, body) == (404, b'{"error":"Not Found"}'), (name, status, body)
        status, headers, body = get(f"{base}/errors/rate-limited")
        headers = {k.lower(): v for k, v in headers.items()}
        assert (status, body, headers.get("retry-after")) == (429, b'{"error":"slow down"}', "30"), (name, status, body, headers)
        print(f"{name}: answers on {base}")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> None:
    names = sys.argv[1:] or SERVERS
    subprocess.run(["cargo", "build", "-q", "-p", "httperr-examples", "--examples"], cwd=ROOT, check=True)
    for name in names:
        check(name)


if __name__ == "__main__":
    main()
