#!/usr/bin/env python3
"""The well-behaved client: keeps asking while the abuse runs, and checks every answer.

It first fetches a reference answer for each request on a quiet server, then loops over them
on one keep-alive connection until SIGTERM, comparing status and body byte for byte (a strong
ETag promises identical bytes for the same data). A second thread asks for /healthz twice a
second, on a new connection each time, or (--persistent) on one connection opened at start:
use that when new connections cannot be accepted (the descriptor-limit scenario). With
--writes-running it leaves out what another client's writes change.

On SIGTERM it prints one JSON line: requests, errors, errorSamples, rps, p50ms, p99ms, maxms,
healthzOK, healthzFailed, healthzMaxMs.
"""
import argparse
import json
import os
import signal
import socket
import sys
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ResponseParser, fetch, request  # noqa: E402

TIMEOUT = 5.0
CHECKS = [
    ("GET", "/v1/member-states", ()),
    ("GET", "/v1/timeline?limit=5", ()),
    ("GET", "/v1/timeline", ()),
    ("GET", "/v1/search?q=georgia", ()),
    ("GET", "/v1/statements?limit=3&sort=-date", ()),
    ("GET", "/v1/people", ()),
    ("GET", "/v1/summit", ()),
    ("GET", "/v1/declaration/clauses", ()),
    ("HEAD", "/v1/regions", ()),
    ("GET", "/v1/timeline", (("Accept", "text/csv"),)),
    ("GET", "/v1/people/nobody", ()),
    ("GET", "/v1/timeline?limit=abc", ()),
]

stopping = threading.Event()


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.errors = 0
        self.samples = []
        self.latencies = []
        self.healthz_ok = 0
        self.healthz_failed = 0
        self.healthz_max = 0.0

    def error(self, text):
        with self.lock:
            self.errors += 1
            if len(self.samples) < 10:
                self.samples.append(f"{time.strftime('%H:%M:%S')} {text}")


class Connection:
    """One keep-alive connection with a blocking socket and a time limit per answer."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.parser = ResponseParser()

    def ask(self, method, path, headers=()):
        self.parser.expect_head(method == "HEAD")
        self.sock.sendall(request(path, method, headers))
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            data = self.sock.recv(65536)
            if not data:
                raise OSError("the server closed the connection")
            responses = self.parser.feed(data)
            if responses:
                return responses[0]
        raise OSError("no answer in time")

    def close(self):
        self.sock.close()


def references(port, writes_running):
    """The expected answers. While another client writes, the whole timeline (where its
    events appear) and conditional requests (every commit changes the ETags) are left out."""
    refs = []
    for method, path, headers in CHECKS:
        if writes_running and path == "/v1/timeline":
            continue
        response = fetch(port, path, method, headers)
        refs.append((method, path, headers, response.status, response.body))
    if not writes_running:
        etag = fetch(port, "/v1/summit").header("etag")
        refs.append(("GET", "/v1/summit", (("If-None-Match", etag),), 304, b""))
    return refs


def same_answer(path, body, expected, writes_running):
    """Byte for byte; while another client writes, a page's cursor and a search's ranks may
    change with every commit, so those compare by the records they list."""
    if body == expected:
        return True
    if not writes_running or ("limit=" not in path and "search" not in path):
        return False
    try:
        items, reference = json.loads(body)["items"], json.loads(expected)["items"]
    except (ValueError, KeyError, TypeError):
        return False
    ids = [(item.get("type"), item.get("id")) for item in items]
    wanted = [(item.get("type"), item.get("id")) for item in reference]
    return sorted(ids) == sorted(wanted) if "search" in path else ids == wanted


def data_loop(port, refs, tally, connection, writes_running):
    index = 0
    while not stopping.is_set():
        method, path, headers, status, body = refs[index % len(refs)]
        index += 1
        started = time.monotonic()
        try:
            if connection is None:
                connection = Connection(port)
            response = connection.ask(method, path, headers)
        except (OSError, ValueError) as error:
            if not stopping.is_set():
                tally.error(f"{method} {path}: {error}")
            if connection:
                connection.close()
            connection = None
            continue
        elapsed = time.monotonic() - started
        with tally.lock:
            tally.requests += 1
            tally.latencies.append(elapsed)
        if response.status != status or not same_answer(path, response.body, body, writes_running):
            tally.error(f"{method} {path}: status {response.status} (expected {status}), "
                        f"{len(response.body)} bytes (expected {len(body)}), same body: {response.body == body}")


def healthz_loop(port, tally, connection):
    persistent = connection is not None
    while not stopping.wait(0.5):
        started = time.monotonic()
        try:
            if persistent:
                if connection is None:
                    connection = Connection(port)
                response = connection.ask("GET", "/healthz")
            else:
                response = fetch(port, "/healthz", timeout=TIMEOUT)
            ok = response.status == 200 and b'"ok"' in response.body
        except (OSError, ValueError) as error:
            ok = False
            tally.error(f"/healthz: {error}")
            if connection is not None:
                connection.close()
                connection = None
        elapsed = time.monotonic() - started
        with tally.lock:
            tally.healthz_max = max(tally.healthz_max, elapsed)
            if ok:
                tally.healthz_ok += 1
            else:
                tally.healthz_failed += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--persistent", action="store_true")
    parser.add_argument("--writes-running", action="store_true")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    refs = references(options.port, options.writes_running)
    tally = Tally()
    # The long-lived connections are open, and have been answered once, before "ready".
    data = Connection(options.port)
    data.ask("GET", "/healthz")
    health = None
    if options.persistent:
        health = Connection(options.port)
        health.ask("GET", "/healthz")
    checker = threading.Thread(target=healthz_loop, args=(options.port, tally, health), daemon=True)
    checker.start()
    started = time.monotonic()
    worker = threading.Thread(target=data_loop, args=(options.port, refs, tally, data, options.writes_running), daemon=True)
    worker.start()
    print("ready", flush=True)
    stopping.wait()
    worker.join(TIMEOUT + 1)
    checker.join(TIMEOUT + 1)
    seconds = time.monotonic() - started
    latencies = sorted(tally.latencies) or [0.0]

    def percentile(p):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000, 2)

    print(json.dumps({
        "requests": tally.requests, "errors": tally.errors, "errorSamples": tally.samples,
        "rps": round(tally.requests / seconds) if seconds > 0 else 0,
        "p50ms": percentile(0.5), "p99ms": percentile(0.99), "maxms": round(latencies[-1] * 1000, 2),
        "healthzOK": tally.healthz_ok, "healthzFailed": tally.healthz_failed,
        "healthzMaxMs": round(tally.healthz_max * 1000, 2),
    }), flush=True)


if __name__ == "__main__":
    main()
