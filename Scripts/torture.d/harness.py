"""Shared pieces of the torture suite: the server under test, HTTP bytes, limits, results.

Everything here talks to 127.0.0.1 only, and every wait has a time bound.
"""
import json
import os
import re
import resource
import select
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(ROOT, "Fixtures", "sco-dushanbe-2008.json")
BANNER = re.compile(rb"http://127\.0\.0\.1:(\d+)/")


class ScenarioFailure(Exception):
    """A scenario could not run at all (the server did not start, a tool is missing)."""


def raise_nofile(wanted):
    """Raises this process's soft RLIMIT_NOFILE towards `wanted` (never past the hard limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def request(path, method="GET", headers=(), close=False, body=None):
    """The bytes of one HTTP/1.1 request."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "User-Agent: sco-torture"]
    lines += [f"{name}: {value}" for name, value in headers]
    if close:
        lines.append("Connection: close")
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())


class ResponseParser:
    """Splits a byte stream into responses (the server sends Content-Length on every one).

    `expect_head()` before feeding a HEAD's answer: it has a Content-Length but no body.
    """

    def __init__(self):
        self.buffer = bytearray()
        self.heads = []

    def expect_head(self, is_head=True):
        self.heads.append(is_head)

    def feed(self, data):
        self.buffer += data
        out = []
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return out
            head = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
            parts = head[0].split(" ", 2)
            if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
                raise ValueError(f"not an HTTP response: {head[0]!r}")
            status = int(parts[1])
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            is_head = self.heads[0] if self.heads else False
            length = 0 if is_head or status in (204, 304) or status < 200 else int(headers.get("content-length", "0"))
            if len(self.buffer) < end + 4 + length:
                return out
            body = bytes(self.buffer[end + 4:end + 4 + length])
            del self.buffer[:end + 4 + length]
            if status == 100:
                continue
            if self.heads:
                self.heads.pop(0)
            out.append(Response(status, headers, body))


def fetch(port, path, method="GET", headers=(), timeout=5.0, body=None):
    """One request on a fresh connection; returns a Response or raises OSError/ValueError."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request(path, method, headers, close=True, body=body))
        parser = ResponseParser()
        parser.expect_head(method == "HEAD")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = sock.recv(65536)
            if not data:
                break
            responses = parser.feed(data)
            if responses:
                return responses[0]
        raise OSError(f"no complete response to {method} {path}")


class Server:
    """One `sco-api serve` process on port 0, optionally under resource limits.

    Every server started is remembered, so `kill_all` can end what a failed scenario left."""

    started = []

    @classmethod
    def kill_all(cls):
        for server in cls.started:
            server.kill()

    def __init__(self, binary, workdir, database, args=(), nofile=None, fsize=None, name="server",
                 drop_access_log=False, env=None):
        self.drop_access_log = drop_access_log
        self.extra_env = env or {}
        self.binary = binary
        self.workdir = workdir
        self.database = database
        self.args = list(args)
        self.nofile = nofile
        self.fsize = fsize
        self.log_path = os.path.join(workdir, f"{name}.log")
        self.process = None
        self.port = None

    def _limits(self):
        # In the child, before exec: a low `ulimit -n` is both limits (the server raises its
        # soft limit to the hard one at start, so a soft-only limit would not hold).
        if self.nofile is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (self.nofile, self.nofile))
        if self.fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (self.fsize, self.fsize))

    def start(self, timeout=60.0):
        command = [self.binary, "serve", "--host", "127.0.0.1", "--port", "0",
                   "--database", self.database] + self.args
        env = {k: v for k, v in os.environ.items() if not k.startswith("SCO_API_")}
        # The scenarios send floods from one address on purpose; quotas are a test of their own.
        env["SCO_API_RATE_LIMIT"] = "off"
        env.update(self.extra_env)
        with open(self.log_path, "ab") as log:
            sink = log
            if self.drop_access_log:
                # Long runs: the access log lines go (after the server wrote them); the rest stays.
                self.filter = subprocess.Popen(["grep", "--line-buffered", "-v", '"message":"request"'],
                                               stdin=subprocess.PIPE, stdout=log)
                sink = self.filter.stdin
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=sink, stdin=subprocess.DEVNULL,
                                            preexec_fn=self._limits, env=env, cwd=self.workdir)
            if self.drop_access_log:
                self.filter.stdin.close()
        Server.started.append(self)
        out = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    break
                out += chunk
                match = BANNER.search(out)
                if match:
                    self.port = int(match.group(1))
                    return self
            elif self.process.poll() is not None:
                break
        self.kill()
        raise ScenarioFailure(f"server did not start: {out!r}; log: {self.log_tail()}")

    @property
    def pid(self):
        return self.process.pid

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def rss_kib(self):
        """Resident set size in KiB (VmRSS), or 0 when the process is gone."""
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def fd_count(self):
        try:
            return len(os.listdir(f"/proc/{self.pid}/fd"))
        except OSError:
            return -1

    def open_connections(self):
        """The server's own gauge, read over a fresh connection (None when unreachable)."""
        try:
            text = fetch(self.port, "/metrics", timeout=3).body.decode()
        except (OSError, ValueError):
            return None
        match = re.search(r"^sco_api_open_connections (\d+)", text, re.M)
        return int(match.group(1)) - 1 if match else None  # minus the one asking

    def wait_for_connections(self, at_most, timeout):
        """Polls the fd count until the server holds at most `at_most` client sockets."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            count = self.open_connections()
            if count is not None and count <= at_most:
                return count
            time.sleep(0.2)
        return self.open_connections()

    def stop(self, timeout=30.0):
        """SIGTERM, then the exit status (or 'hung' after `timeout`, then SIGKILL)."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return "hung"

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def log_tail(self, lines=5):
        try:
            with open(self.log_path, "rb") as log:
                return b"".join(log.readlines()[-lines:]).decode(errors="replace")
        except OSError:
            return ""

    def log_lines(self, level):
        """Log lines at `level` (error, warning, critical)."""
        found = []
        try:
            with open(self.log_path, "rb") as log:
                for line in log:
                    if f'"level":"{level}"'.encode() in line:
                        found.append(line.decode(errors="replace").strip())
        except OSError:
            pass
        return found


class GoodClient:
    """The well-behaved client (goodclient.py) in its own process, so abuse in this one does
    not starve it of the interpreter."""

    def __init__(self, port, persistent=False, tolerate_writes=False):
        command = [sys.executable, os.path.join(HERE, "goodclient.py"), "--port", str(port)]
        if persistent:
            command.append("--persistent")
        if tolerate_writes:
            command.append("--writes-running")
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        line = self._readline(30)
        if line.strip() != b"ready":
            self.process.kill()
            raise ScenarioFailure(f"good client did not start: {line!r}")

    def _readline(self, timeout):
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        return self.process.stdout.readline() if ready else b""

    def stop(self):
        """Stops it and returns its figures (a dict; see goodclient.py)."""
        self.process.send_signal(signal.SIGTERM)
        line = self._readline(30)
        self.process.wait(timeout=10)
        try:
            return json.loads(line)
        except ValueError:
            return {"requests": 0, "errors": 1, "errorSamples": [f"no report: {line!r}"], "rps": 0,
                    "healthzOK": 0, "healthzFailed": 1}


class Outcome:
    """A scenario's verdict, its figures and the reasons it failed."""

    def __init__(self, name):
        self.name = name
        self.figures = {}
        self.failures = []
        self.started = time.monotonic()

    def check(self, condition, reason):
        if not condition:
            self.failures.append(reason)
        return condition

    def add_good_client(self, report):
        self.figures["good req/s"] = report["rps"]
        self.figures["good errors"] = report["errors"]
        self.figures["good p99 ms"] = report.get("p99ms")
        self.figures["healthz"] = f"{report['healthzOK']} ok / {report['healthzFailed']} failed"
        self.check(report["requests"] > 0, "the well-behaved client completed no request")
        self.check(report["errors"] == 0, f"the well-behaved client saw {report['errors']} errors: "
                   + "; ".join(report.get("errorSamples", [])[:3]))
        self.check(report["healthzFailed"] == 0 and report["healthzOK"] > 0,
                   f"/healthz not green: {report['healthzOK']} ok, {report['healthzFailed']} failed")

    @property
    def passed(self):
        return not self.failures

    def line(self):
        seconds = time.monotonic() - self.started
        figures = ", ".join(f"{k}={v}" for k, v in self.figures.items())
        verdict = "PASS" if self.passed else "FAIL"
        text = f"{verdict} {self.name} ({seconds:.1f}s): {figures}"
        for reason in self.failures:
            text += f"\n     - {reason}"
        return text
