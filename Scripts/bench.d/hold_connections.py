#!/usr/bin/env python3
"""Open N keep-alive connections, make one request on each, then hold them all idle.

    hold_connections.py --port P [--host 127.0.0.1] [--count 10000] [--path /v1/member-states]
                        [--batch 256] [--ready-file F] [--stop-file F] [--hold-max 45] [--timeout 120]

Prints `HELD n failed=m seconds=s` once every connection has had its full 200 response (or failed),
touches --ready-file, then holds until --stop-file appears or --hold-max seconds pass, and finally
prints `STILL_OPEN k` (connections the server had not closed) before closing them all. The caller
measures the server's RSS between READY and STOP. Connections are opened --batch at a time so the
listen backlog never overflows. Every wait is bounded; the whole run ends by itself.
"""
import argparse
import errno
import os
import selectors
import socket
import sys
import time


def response_complete(buf):
    """(done, status) once the header section and Content-Length bytes of body have arrived."""
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return False, 0
    head = buf[:end].decode("latin-1").split("\r\n")
    status = int(head[0].split(" ")[1])
    length = 0
    for line in head[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return len(buf) >= end + 4 + length, status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--path", default="/v1/member-states")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--ready-file")
    ap.add_argument("--stop-file")
    ap.add_argument("--hold-max", type=float, default=45)
    ap.add_argument("--timeout", type=float, default=120)
    a = ap.parse_args()

    request = f"GET {a.path} HTTP/1.1\r\nHost: {a.host}:{a.port}\r\n\r\n".encode()
    sel = selectors.DefaultSelector()
    pending = {}  # socket -> [phase, bytearray]
    held, failed, opened = [], 0, 0
    t0 = time.monotonic()
    deadline = t0 + a.timeout

    def fail(s):
        nonlocal failed
        failed += 1
        sel.unregister(s)
        del pending[s]
        s.close()

    while (opened < a.count or pending) and time.monotonic() < deadline:
        while opened < a.count and len(pending) < a.batch:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            opened += 1
            rc = s.connect_ex((a.host, a.port))
            if rc not in (0, errno.EINPROGRESS):
                failed += 1
                s.close()
                continue
            pending[s] = ["connect", bytearray()]
            sel.register(s, selectors.EVENT_WRITE)
        for key, _ in sel.select(timeout=1):
            s = key.fileobj
            state = pending[s]
            if state[0] == "connect":
                if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                    fail(s)
                    continue
                s.send(request)
                state[0] = "read"
                sel.modify(s, selectors.EVENT_READ)
                continue
            try:
                data = s.recv(65536)
            except OSError:
                fail(s)
                continue
            if not data:
                fail(s)
                continue
            state[1] += data
            done, status = response_complete(state[1])
            if done:
                if status != 200:
                    fail(s)
                    continue
                sel.unregister(s)
                del pending[s]
                held.append(s)
    failed += len(pending)
    for s in pending:
        s.close()

    print(f"HELD {len(held)} failed={failed} seconds={time.monotonic() - t0:.1f}", flush=True)
    if a.ready_file:
        open(a.ready_file, "w").close()
    hold_end = time.monotonic() + a.hold_max
    while time.monotonic() < hold_end and not (a.stop_file and os.path.exists(a.stop_file)):
        time.sleep(0.05)

    still_open = 0
    for s in held:
        try:
            still_open += 1 if s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) else 0
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
        s.close()
    print(f"STILL_OPEN {still_open}", flush=True)
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
