"""The server at its file-descriptor limit (issue 8 item 3): started with `ulimit -n 256`,
flooded with connections until accept(2) fails with EMFILE, it must keep serving the
connections it has, and serve the ones queued in the backlog once descriptors free up.
"""
import asyncio
import time

import abuse
from harness import fetch, request
from load import run_with_server

NOFILE = 256
HOGS = 400


async def ask(reader, writer, limit):
    """Asks /healthz; returns the status, or None when no answer came within `limit`."""
    try:
        writer.write(request("/healthz"))
        async with asyncio.timeout(limit):
            status, _ = await abuse.read_response(reader)
        return status
    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
        return None


def fdlimit(ctx):
    def body(server, outcome):
        # No warm-up: every loop opens its read connection when it starts, so the hogs
        # cannot take the descriptors a loop needs to answer the connections it has.
        baseline = server.fd_count()

        async def scenario():
            streams, connect_errors = await abuse.open_many(server.port, HOGS, concurrency=100)
            asks = [asyncio.create_task(ask(r, w, 60)) for r, w in streams]
            await asyncio.wait(asks, timeout=3)
            answered = [i for i, task in enumerate(asks) if task.done() and task.result() == 200]
            waiting = [task for task in asks if not task.done()]
            at_limit = server.fd_count()
            warned = any("accept failed" in line for line in server.log_lines("warning"))
            # Hold the server at its limit while the good client keeps asking.
            await asyncio.wait(waiting, timeout=3)
            still_waiting = [task for task in waiting if not task.done()]
            released = time.monotonic()
            for i in answered:
                streams[i][1].close()
            await asyncio.wait(still_waiting, timeout=15)
            recovered = sum(1 for task in still_waiting if task.done() and task.result() == 200)
            recovery = time.monotonic() - released
            fresh = await asyncio.to_thread(fetch, server.port, "/healthz")
            for _, writer in streams:
                writer.close()
            return (connect_errors, len(answered), len(still_waiting), at_limit, warned, recovered, recovery,
                    fresh.status)

        (connect_errors, answered, queued, at_limit, warned, recovered, recovery,
         fresh_status) = asyncio.run(scenario())
        outcome.figures["ulimit -n"] = NOFILE
        outcome.figures["fds idle/at limit"] = f"{baseline}/{at_limit}"
        outcome.figures["hogs answered"] = answered
        outcome.figures["queued at limit"] = queued
        outcome.figures["served after release"] = f"{recovered} in {recovery:.1f}s"
        outcome.check(connect_errors == 0, f"{connect_errors} hog connections failed to connect")
        outcome.check(queued > 0, "the server never ran out of descriptors (the scenario did not reach the limit)")
        outcome.check(at_limit >= NOFILE - 8, f"the server held {at_limit} descriptors, expected about {NOFILE}")
        outcome.check(warned, "no 'accept failed' warning in the log")
        outcome.check(recovered == queued, f"only {recovered} of {queued} queued connections were served after release")
        outcome.check(fresh_status == 200, f"a fresh /healthz after recovery answered {fresh_status}")
        left = server.wait_for_connections(at_most=3, timeout=15)
        outcome.figures["open after"] = left
        outcome.check(left is not None and left <= 3, f"{left} connections still open after the hogs closed")

    return run_with_server(ctx, "fdlimit", body, nofile=NOFILE, persistent=True)
