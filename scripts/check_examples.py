#!/usr/bin/env python3
"""Starts every example server and checks that it answers the sample API, then stops it.

Usage: python3 scripts/check_examples.py [example ...]   (default: every server example)
Each example is built first (`cargo build --examples`), run on a free port given in $PORT,
asked for /users/1, /users/99 and /errors/rate-limited over HTTP, then for what the framework
answers itself (an unknown route, a wrong method, a bad path parameter, malformed, mistyped, non-
JSON and too large bodies, a panicking handler and a request after it), and stopped with SIGINT.
The hyper example (WITHOUT_OWN_ERRORS) skips the second part: it has no router of its own.
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
# Plain hyper has no router or extractors of its own, so no errors of its own to check: only its
# sample API is.
WITHOUT_OWN_ERRORS = {"hyper"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, method: str = "GET", body: bytes | None = None, content_type: str | None = None):
    request = urllib.request.Request(url, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
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
        if name not in WITHOUT_OWN_ERRORS:
            check_own_errors(name, base)
        print(f"{name}: answers on {base}")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def check_own_errors(name: str, base: str) -> None:
    """The framework's own errors answer {"error": ...} as JSON, with the status it meant."""
    big = b'{"email":"' + b"a" * (100 * 1024) + b'"}'
    cases = [
        ("GET", "/nope", None, None, 404),
        ("PUT", "/users", None, None, 405),
        ("GET", "/users/abc", None, None, 400),
        ("POST", "/users", b'{"email":', "application/json", 400),
        ("POST", "/users", b'{"email": 42}', "application/json", 422),
        ("POST", "/users", b'{"email":"ada@example.com"}', "text/plain", 415),
        ("POST", "/users", big, "application/json", 413),
        ("GET", "/panic", None, None, 500),
    ]
    for method, path, body, content_type, expected in cases:
        status, headers, answer = get(f"{base}{path}", method, body, content_type)
        headers = {k.lower(): v for k, v in headers.items()}
        where = (name, method, path, status, answer[:200])
        assert status == expected, where
        assert headers.get("content-type") == "application/json", where
        message = json.loads(answer)
        assert list(message) == ["error"] and isinstance(message["error"], str), where
        assert b"hunter2" not in answer, where
    status, _, body = get(f"{base}/users/1")
    assert status == 200, (name, "after /panic", status, body)
    status, _, body = get(f"{base}/users", "POST", b'{"email":"new@example.com"}', "application/json")
    assert (status, json.loads(body)) == (201, {"id": 3, "email": "new@example.com"}), (name, status, body)


def main() -> None:
    names = sys.argv[1:] or SERVERS
    subprocess.run(["cargo", "build", "-q", "-p", "httperr-examples", "--examples"], cwd=ROOT, check=True)
    for name in names:
        check(name)


if __name__ == "__main__":
    main()
