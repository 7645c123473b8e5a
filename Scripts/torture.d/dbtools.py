"""Helpers for the database-fault scenarios: running the CLI under limits, probing a server
that opened a damaged file, checking a file's integrity, mounting small filesystems."""
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import time

from harness import FIXTURE, ScenarioFailure, Server, fetch

PROBES = ["/v1", "/v1/summit", "/v1/organization", "/v1/member-states", "/v1/observers", "/v1/timeline",
          "/v1/statements", "/v1/people", "/v1/regions", "/v1/declaration", "/v1/declaration/clauses",
          "/v1/sources", "/v1/search?q=georgia", "/v1/timeline/russia-recognizes-separatist-regions",
          "/readyz", "/healthz"]


def run_cli(ctx, args, fsize=None, timeout=300):
    """Runs `sco-api ARGS` to completion; returns (exit status, stdout, stderr). A negative
    status is the signal that killed it."""
    def limits():
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCO_API_")}
    result = subprocess.run([ctx.binary] + args, capture_output=True, timeout=timeout, preexec_fn=limits, env=env,
                            cwd=ctx.workdir)
    return result.returncode, result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace")


def describe_status(status):
    if isinstance(status, int) and status < 0:
        return f"killed by {signal.Signals(-status).name}"
    return f"exit {status}"


def short_message(stderr, width=110):
    """The gist of what a command said on failure: its last line, the log line's message,
    without the SQL statement, cut to `width`."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    line = lines[-1]
    if line.startswith("{"):
        try:
            line = json.loads(line).get("message", line)
        except ValueError:
            pass
    line = re.sub(r"/[^\s:;]*/([^/\s:;]+)", r"\1", line.split(" — in: ")[0])
    return line if len(line) <= width else line[:width // 2 - 1] + "…" + line[-(width // 2):]


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def integrity(path):
    """(ok, detail): PRAGMA integrity_check and foreign_key_check of the file (after WAL
    recovery, as a restart would do)."""
    try:
        connection = sqlite3.connect(path, timeout=10)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            keys = connection.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return False, f"cannot check: {error}"
    if rows != ["ok"]:
        return False, "; ".join(rows[:3])
    if keys:
        return False, f"{len(keys)} foreign key violations"
    return True, "ok"


def dataset_state(path):
    """What the file holds: (checksum or None, events, states, search rows)."""
    connection = sqlite3.connect(path, timeout=10)
    try:
        row = connection.execute("SELECT checksum FROM dataset WHERE id = 1").fetchone()
        events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
        states = connection.execute("SELECT count(*) FROM states").fetchone()[0]
        search = connection.execute("SELECT count(*) FROM search").fetchone()[0]
    finally:
        connection.close()
    return (row[0] if row else None), events, states, search


def event_ids(path):
    connection = sqlite3.connect(path, timeout=10)
    try:
        return {row[0] for row in connection.execute("SELECT id FROM events")}
    finally:
        connection.close()


def references(ctx):
    """Status and body of every probe on an undamaged server."""
    server = Server(ctx.binary, ctx.workdir, ctx.database_copy("references"), name="references").start()
    try:
        return {path: (lambda r: (r.status, r.body))(fetch(server.port, path)) for path in PROBES}
    finally:
        server.stop()


def serve_damaged(ctx, path, refs, outcome, label):
    """Starts `serve` on a damaged file. It must either refuse (exit 1 with a message, never a
    signal) or serve every probe correctly or as a 503 problem, then exit 0 on SIGTERM; the
    file must be unchanged. Returns 'refused' or 'served'."""
    before = digest(path)
    server = Server(ctx.binary, os.path.dirname(path), path, name=f"serve-{label}")
    try:
        server.start(timeout=20)
    except ScenarioFailure:
        status = server.process.wait(timeout=10)
        message = server.log_tail(2)
        outcome.check(status == 1, f"{label}: serve ended with {describe_status(status)}, expected exit 1")
        outcome.check('"level":"error"' in message, f"{label}: no error line explaining the refusal: {message[:200]}")
        outcome.check(digest(path) == before, f"{label}: the refused file was changed")
        return "refused", message
    answers = {}
    for probe in PROBES:
        try:
            response = fetch(server.port, probe)
        except (OSError, ValueError) as error:
            outcome.failures.append(f"{label}: {probe} got no answer: {error}")
            continue
        answers[response.status] = answers.get(response.status, 0) + 1
        if (response.status, response.body) == refs[probe]:
            continue
        is_problem = response.header("content-type") == "application/problem+json"
        outcome.check(response.status == 503 and is_problem,
                      f"{label}: {probe} answered {response.status} ({len(response.body)} bytes), "
                      "neither the right answer nor a 503 problem")
    status = server.stop()
    outcome.check(status == 0, f"{label}: SIGTERM exit status {describe_status(status)}")
    outcome.check(digest(path) == before, f"{label}: serving changed the damaged file")
    return "served", answers


TOKEN = "torture-token-0123456789abcdef"
WRITE_ENV = {"SCO_API_TOKENS": f"torture:{TOKEN}"}


def event_body(event_id):
    """A valid new timeline event (POST /v1/timeline)."""
    return json.dumps({
        "id": event_id, "date": {"value": "2008-08-28", "precision": "day"}, "kind": "diplomatic",
        "title": f"Torture write {event_id}", "summary": "An event written by Scripts/torture.",
        "actors": ["CN", "KZ"], "regions": ["south-ossetia"],
        "sources": [{"sourceId": "article-2008-08-28-sco-dushanbe",
                     "quote": "none of the other alliance members joined Russia in recognizing the independence claims"}],
    }).encode()


def post_event(port, event_id):
    """POSTs a new event with the torture token; returns the Response."""
    headers = [("Content-Type", "application/json"), ("Authorization", f"Bearer {TOKEN}")]
    return fetch(port, "/v1/timeline", "POST", headers, body=event_body(event_id))


def has_write_api(port):
    """Whether this build takes writes (POST /v1/timeline is not 405)."""
    return fetch(port, "/v1/timeline", "POST", [("Content-Type", "application/json")], body=b"{}").status != 405


def bundled_counts():
    with open(FIXTURE, encoding="utf-8") as handle:
        document = json.load(handle)
    return len(document["events"]), len(document["states"])


class Mount:
    """A size-limited tmpfs (root only); `available` is False where mounting is refused."""

    def __init__(self, directory, size):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", directory],
                                capture_output=True)
        self.available = result.returncode == 0
        self.error = result.stderr.decode(errors="replace").strip()

    def remount(self, options):
        return subprocess.run(["mount", "-o", f"remount,{options}", self.directory], capture_output=True).returncode == 0

    def fill(self):
        """Writes a filler file until the filesystem is full."""
        self.free()
        try:
            with open(os.path.join(self.directory, "filler"), "wb", buffering=0) as handle:
                block = b"\0" * 4096
                while True:
                    handle.write(block)
        except OSError:
            pass

    def free(self):
        try:
            os.remove(os.path.join(self.directory, "filler"))
        except OSError:
            pass

    def close(self):
        if self.available:
            for _ in range(20):
                if subprocess.run(["umount", self.directory], capture_output=True).returncode == 0:
                    break
                time.sleep(0.2)
        shutil.rmtree(self.directory, ignore_errors=True)
