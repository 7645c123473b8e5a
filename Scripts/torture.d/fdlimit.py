"""The server out of room (issue 19 item 3): at its file-descriptor limit (`ulimit -n 256`)
and at `--max-connections`, flooded with connections, it must answer every client past the
limit at once with 503 and `Retry-After` and close, keep serving the connections it has, and
serve new clients again once room frees up.
"""
import asyncio
import time

import abuse
from harness import fetch, request
from load import LOAD_ARGS, run_with_server

NOFILE = 256
HOGS = 400
MAX_CONNECTIONS = 100
PROMPT_MS = 100
HOLD_SECONDS = 3


async def knock(port):
    """Connects and asks /healthz; returns (status or None, ms to the answer, Retry-After,
    closed after a 503, the stream if it was served)."""
    started = time.monotonic()
    try:
        async with asyncio.timeout(10):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request("/healthz"))
            head = await reader.readuntil(b"\r\n\r\n")
    except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        return None, (time.monotonic() - started) * 1000, None, False, None
    elapsed = (time.monotonic() - started) * 1000
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    fields = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    length = int(fields.get("content-length", "0"))
    try:
        async with asyncio.timeout(5):
            await reader.readexactly(length)
            closed = status == 503 and await reader.read(1) == b""
    except (OSError, TimeoutError, asyncio.IncompleteReadError):
        closed = False
    if status != 200:
        writer.close()
        return status, elapsed, fields.get("retry-after"), closed, None
    return status, elapsed, None, False, (reader, writer)


async def ask_again(stream):
    reader, writer = stream
    try:
        writer.write(request("/healthz"))
        async with asyncio.timeout(10):
            status, _ = await abuse.read_response(reader)
        return status
    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
        return None


def flood(server, outcome, warning):
    """Opens HOGS connections at once, keeps more coming for HOLD_SECONDS while the first
    stay open, and judges the answers; shared by both scenarios."""
    baseline = server.fd_count()

    async def scenario():
        gate = asyncio.Semaphore(100)

        async def gated():
            async with gate:
                return await knock(server.port)

        results = list(await asyncio.gather(*(gated() for _ in range(HOGS))))
        at_limit = server.fd_count()
        streams = [result[4] for result in results if result[4] is not None]
        # Held at the limit while the good client keeps asking, more clients keep coming.
        rounds = 0
        deadline = time.monotonic() + HOLD_SECONDS
        while time.monotonic() < deadline:
            more = await asyncio.gather(*(gated() for _ in range(100)))
            streams += [result[4] for result in more if result[4] is not None]
            results += more
            rounds += 1
        again = await asyncio.gather(*(ask_again(stream) for stream in streams))
        for _, writer in streams:
            writer.close()
        return results, at_limit, again, rounds

    results, at_limit, again, rounds = asyncio.run(scenario())
    served = [r for r in results if r[0] == 200]
    refused = [r for r in results if r[0] == 503]
    unanswered = [r for r in results if r[0] not in (200, 503)]
    latencies = sorted(r[1] for r in refused) or [0.0]
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    fresh = fetch(server.port, "/healthz")
    outcome.figures["fds idle/at limit"] = f"{baseline}/{at_limit}"
    outcome.figures["clients"] = f"{HOGS} + {rounds} rounds of 100 over {HOLD_SECONDS} s"
    outcome.figures["served/refused/unanswered"] = f"{len(served)}/{len(refused)}/{len(unanswered)}"
    outcome.figures["503 ms p50/p99/max"] = (
        f"{latencies[len(latencies) // 2]:.1f}/{p99:.1f}/{latencies[-1]:.1f}")
    outcome.check(refused, "no client was refused (the scenario did not reach the limit)")
    outcome.check(not unanswered, f"{len(unanswered)} clients got no answer or something else: "
                  f"{sorted(set(r[0] for r in unanswered), key=str)}")
    outcome.check(p99 < PROMPT_MS, f"refusals took {p99:.1f} ms at the 99th percentile (over {PROMPT_MS} ms)")
    outcome.check(all(r[2] == "1" for r in refused), "a 503 came without Retry-After: 1")
    outcome.check(all(r[3] for r in refused), "a refused connection was not closed after its 503")
    outcome.check(all(status == 200 for status in again),
                  f"served connections stopped working: {[s for s in again if s != 200][:5]}")
    outcome.check(fresh.status == 200, f"a fresh /healthz after the flood answered {fresh.status}")
    outcome.check(any(warning in line for line in server.log_lines("warning")), f"no '{warning}' warning in the log")
    left = server.wait_for_connections(at_most=3, timeout=15)
    outcome.figures["open after"] = left
    outcome.check(left is not None and left <= 3, f"{left} connections still open after the hogs closed")


def fdlimit(ctx):
    def body(server, outcome):
        # No warm-up: every loop opens its read connection when it starts, so the hogs
        # cannot take the descriptors a loop needs to answer the connections it has.
        outcome.figures["ulimit -n"] = NOFILE
        flood(server, outcome, "out of file descriptors; answering 503")
        outcome.check(server.fd_count() < NOFILE, "descriptors were not given back")

    return run_with_server(ctx, "fdlimit", body, nofile=NOFILE, persistent=True)


def maxconn(ctx):
    def body(server, outcome):
        outcome.figures["--max-connections"] = MAX_CONNECTIONS
        flood(server, outcome, "connection limit reached; answering 503")

    return run_with_server(ctx, "maxconn", body, args=LOAD_ARGS + ["--max-connections", str(MAX_CONNECTIONS)],
                           persistent=True)
