#!/usr/bin/env python3
"""Time from process start to the first 200 response, then stop the process.

    first200.py --port P [--path /v1/member-states] [--timeout 30] [--log FILE] -- COMMAND ARGS...

Takes the clock, spawns COMMAND, then polls 127.0.0.1:P with a raw HTTP/1.1 request every
0.5 ms (a refused connection costs microseconds, so the resolution is well under a millisecond,
unlike a curl loop). Prints `first200_ms=X attempts=N` and then sends SIGTERM and waits for the
exit (`stop_ms=Y exit=Z`). Exits non-zero if no 200 arrives within --timeout seconds.
"""
import argparse
import signal
import socket
import subprocess
import sys
import time


def try_request(port, path):
    """The status code of one GET, or None if nothing is listening yet."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            head = b""
            while b"\r\n" not in head:
                chunk = s.recv(4096)
                if not chunk:
                    return None
                head += chunk
            return int(head.split(b" ")[1])
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--path", default="/v1/member-states")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--log")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command and a.command[0] == "--" else a.command
    log = open(a.log, "ab") if a.log else subprocess.DEVNULL

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log, stderr=log)
    attempts, status = 0, None
    while time.perf_counter() - t0 < a.timeout and proc.poll() is None:
        attempts += 1
        status = try_request(a.port, a.path)
        if status == 200:
            break
        time.sleep(0.0005)
    elapsed = (time.perf_counter() - t0) * 1000
    ok = status == 200
    print(f"first200_ms={elapsed:.2f} attempts={attempts} status={status}" if ok
          else f"first200_ms=timeout attempts={attempts} status={status} exited={proc.poll()}", flush=True)

    t1 = time.perf_counter()
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    print(f"stop_ms={(time.perf_counter() - t1) * 1000:.1f} exit={proc.returncode}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
