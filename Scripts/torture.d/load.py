"""Load and abuse scenarios (issue 8 item 3): each starts its own server and good client.

A scenario passes when the abuse is handled as documented in docs/hardening.md, the server
is alive afterwards and exits 0 on SIGTERM, and the well-behaved client saw only correct
answers and a green /healthz throughout.
"""
import asyncio
import threading
import time

import abuse
from harness import GoodClient, Outcome, Server, fetch, raise_nofile, request

HEADER_TIMEOUT = 3
WRITE_TIMEOUT = 3
LOAD_ARGS = ["--header-timeout", str(HEADER_TIMEOUT), "--idle-timeout", "30",
             "--write-timeout", str(WRITE_TIMEOUT)]


class Sampler:
    """Samples the server's RSS and descriptor count in the background; keeps the peaks."""

    def __init__(self, server, interval=0.25):
        self.server = server
        self.peak_rss = server.rss_kib()
        self.peak_fds = server.fd_count()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self.thread.start()

    def _run(self, interval):
        while not self.stopping.wait(interval):
            self.peak_rss = max(self.peak_rss, self.server.rss_kib())
            self.peak_fds = max(self.peak_fds, self.server.fd_count())

    def stop(self):
        self.stopping.set()
        self.thread.join()


def run_with_server(ctx, name, body, args=LOAD_ARGS, nofile=None, persistent=False):
    """Starts a server and the good client, runs `body(server, outcome)`, then judges the rest."""
    outcome = Outcome(name)
    server = Server(ctx.binary, ctx.workdir, ctx.database_copy(name), args, nofile=nofile, name=name).start()
    good = None
    try:
        good = GoodClient(server.port, persistent=persistent)
        rss_start = server.rss_kib()
        sampler = Sampler(server)
        try:
            body(server, outcome)
        finally:
            sampler.stop()
            outcome.add_good_client(good.stop())
            good = None
        outcome.figures["RSS MiB start/peak/end"] = (
            f"{rss_start / 1024:.0f}/{sampler.peak_rss / 1024:.0f}/{server.rss_kib() / 1024:.0f}")
        outcome.figures["peak fds"] = sampler.peak_fds
        outcome.check(server.alive(), "the server died")
    finally:
        if good is not None:
            good.stop()
        status = server.stop()
    outcome.check(status == 0, f"SIGTERM exit status {status} (expected 0)")
    for line in server.log_lines("critical")[:3]:
        outcome.failures.append(f"critical log line: {line[:200]}")
    return outcome


def keepalive(ctx):
    """10,000 concurrent keep-alive connections, each answered twice on the same connection."""
    count = ctx.options.connections
    raise_nofile(count + 4096)

    def body(server, outcome):
        summit = fetch(server.port, "/v1/summit").body
        states = fetch(server.port, "/v1/member-states").body

        async def scenario():
            started = time.monotonic()
            streams, failures = await abuse.open_many(server.port, count, first=("/v1/summit", summit))
            first = (len(streams), failures)
            round_one = time.monotonic() - started
            held = await asyncio.to_thread(server.open_connections)
            started = time.monotonic()
            second = await abuse.keepalive_round(server.port, streams, "/v1/member-states", states)
            round_two = time.monotonic() - started
            for _, writer in streams:
                writer.close()
            return first, second, held, round_one, round_two

        first, second, held, round_one, round_two = asyncio.run(scenario())
        outcome.figures["connections"] = count
        outcome.figures["held open"] = held
        outcome.figures["round 1 ok"] = f"{first[0]} in {round_one:.1f}s"
        outcome.figures["round 2 ok"] = f"{second[0]} in {round_two:.1f}s"
        outcome.check(first == (count, 0), f"first round: {first[0]} ok, {first[1]} failed")
        outcome.check(second == (count, 0), f"second round on the same connections: {second[0]} ok, {second[1]} failed")
        outcome.check(held is not None and held >= count, f"server reported {held} open connections, expected >= {count}")
        left = server.wait_for_connections(at_most=2, timeout=15)
        outcome.figures["open after close"] = left
        outcome.check(left is not None and left <= 2, f"{left} connections still open after the clients closed")

    return run_with_server(ctx, "keepalive", body)


def trickle(ctx):
    """Clients trickling a request byte by byte, and clients that send nothing at all."""
    count = ctx.options.slow_clients

    def body(server, outcome):
        async def scenario():
            kinds = ["line", "header", "silent"]
            limit = HEADER_TIMEOUT + 10
            return await asyncio.gather(*(
                abuse.trickle(server.port, kinds[i % 3], 0.3, limit) for i in range(count)))

        results = asyncio.run(scenario())
        closed = [seconds for _, seconds in results if seconds is not None]
        timeouts = sum(1 for status, _ in results if status == 408)
        slowest = max(closed) if closed else None
        outcome.figures["slow clients"] = count
        outcome.figures["closed"] = len(closed)
        outcome.figures["408s"] = timeouts
        outcome.figures["slowest close s"] = f"{slowest:.2f}" if slowest else None
        outcome.check(len(closed) == count, f"{count - len(closed)} slow clients still connected after {HEADER_TIMEOUT + 10}s")
        outcome.check(slowest is not None and slowest <= HEADER_TIMEOUT + 2,
                      f"a slow client was cut off only after {slowest}s (header timeout {HEADER_TIMEOUT}s)")
        sending = count - count // 3
        outcome.check(timeouts >= sending * 0.95, f"only {timeouts} of {sending} trickling clients got a 408")

    return run_with_server(ctx, "trickle", body)


def noread(ctx):
    """Clients that pipeline requests for a large answer and never read a byte."""
    count = ctx.options.non_readers

    def body(server, outcome):
        async def scenario():
            limit = WRITE_TIMEOUT + 15
            # Most shrink their receive buffer; one in ten keeps the kernel's default, which
            # can absorb ~10 MB on loopback, so it asks for more than that (400 x 57 KB).
            return await asyncio.gather(*(
                abuse.non_reader(server.port, 400 if i % 10 == 0 else 64, i % 10 != 0, limit)
                for i in range(count)))

        results = asyncio.run(scenario())
        dropped = [seconds for seconds in results if seconds is not None]
        slowest = max(dropped) if dropped else None
        outcome.figures["non-readers"] = count
        outcome.figures["dropped"] = len(dropped)
        outcome.figures["slowest drop s"] = f"{slowest:.2f}" if slowest else None
        outcome.check(len(dropped) == count, f"{count - len(dropped)} non-reading clients were never dropped")
        outcome.check(slowest is not None and slowest <= WRITE_TIMEOUT + 3,
                      f"a non-reader was dropped only after {slowest}s (write timeout {WRITE_TIMEOUT}s)")
        left = server.wait_for_connections(at_most=2, timeout=10)
        outcome.check(left is not None and left <= 2, f"{left} connections still open afterwards")

    return run_with_server(ctx, "noread", body)


def garbage(ctx):
    """1,000 connections of random bytes (some shaped like a request, some half-closed)."""
    count = ctx.options.garbage

    def body(server, outcome):
        seed, rng = abuse.seeded_random()

        async def scenario():
            gate = asyncio.Semaphore(200)

            async def one():
                async with gate:
                    try:
                        return await abuse.garbage(server.port, HEADER_TIMEOUT + 5, rng)
                    except OSError as error:
                        return ("connect", str(error))
            return await asyncio.gather(*(one() for _ in range(count)))

        results = asyncio.run(scenario())
        statuses = {}
        open_after = 0
        for status, closed in results:
            statuses[status] = statuses.get(status, 0) + 1
            if closed is False:
                open_after += 1
        outcome.figures["seed"] = seed
        outcome.figures["answers"] = " ".join(f"{k}:{v}" for k, v in sorted(statuses.items(), key=str))
        outcome.check(open_after == 0, f"{open_after} garbage connections still open after {HEADER_TIMEOUT + 5}s")
        bad = {k: v for k, v in statuses.items() if k == "connect" or (isinstance(k, int) and k >= 500 and k not in (501, 505))}
        outcome.check(not bad, f"unexpected answers to garbage: {bad}")

    return run_with_server(ctx, "garbage", body)


def resets(ctx):
    """Clients resetting mid-response, right after a request, and mid-request."""
    count = ctx.options.resets

    def body(server, outcome):
        async def scenario():
            gate = asyncio.Semaphore(100)
            kinds = ["response", "response", "request", "partial"]

            async def one(i):
                async with gate:
                    return await abuse.reset_midway(server.port, kinds[i % 4], 10)
            return await asyncio.gather(*(one(i) for i in range(count)))

        done = sum(asyncio.run(scenario()))
        outcome.figures["resets"] = done
        outcome.check(done >= count * 0.99, f"only {done} of {count} reset clients got as far as resetting")
        left = server.wait_for_connections(at_most=2, timeout=10)
        outcome.figures["open after"] = left
        outcome.check(left is not None and left <= 2, f"{left} connections still open after every client reset")

    return run_with_server(ctx, "reset", body)


def drain(ctx):
    """SIGTERM with thousands of keep-alive connections open and large answers being read:
    idle connections are closed at once, answers under way finish, the exit status is 0."""
    count = min(ctx.options.connections, 5000)
    raise_nofile(count + 4096)
    outcome = Outcome("drain")
    server = Server(ctx.binary, ctx.workdir, ctx.database_copy("drain"), LOAD_ARGS + ["--drain-timeout", "10"],
                    name="drain").start()
    try:
        summit = fetch(server.port, "/v1/summit").body
        openapi = fetch(server.port, "/openapi.json").body

        async def scenario():
            streams, failures = await abuse.open_many(server.port, count, first=("/v1/summit", summit))
            # Slow readers: each asks for 20 large answers and reads them a little at a time.
            readers = []
            first = 0
            for _ in range(20):
                reader, writer = await asyncio.open_connection("127.0.0.1", server.port, limit=1 << 16)
                writer.write(request("/openapi.json") * 20)
                status, body = await abuse.read_response(reader)  # answers are flowing
                first += status == 200 and body == openapi
                readers.append((reader, writer))

            async def read_all(reader):
                got = 0
                try:
                    async with asyncio.timeout(20):
                        for _ in range(19):
                            status, body = await abuse.read_response(reader)
                            got += status == 200 and body == openapi
                            await asyncio.sleep(0.05)
                except (OSError, TimeoutError, asyncio.IncompleteReadError):
                    pass
                return got

            async def wait_closed(reader):
                try:
                    async with asyncio.timeout(20):
                        return await reader.read(1) == b""
                except (OSError, TimeoutError):
                    return False

            signalled = time.monotonic()
            stopping = asyncio.create_task(asyncio.to_thread(server.stop, 30))
            idle_closed = await asyncio.gather(*(wait_closed(r) for r, _ in streams))
            idle_seconds = time.monotonic() - signalled
            answers = await asyncio.gather(*(read_all(r) for r, _ in readers))
            status = await stopping
            return failures, sum(idle_closed), idle_seconds, first + sum(answers), status, time.monotonic() - signalled

        failures, closed, idle_seconds, answers, status, total = asyncio.run(scenario())
        outcome.figures["keep-alive connections"] = count
        outcome.figures["closed at SIGTERM"] = f"{closed} in {idle_seconds:.2f}s"
        outcome.figures["large answers finished"] = f"{answers}/{20 * 20}"
        outcome.figures["exit"] = f"{status} after {total:.1f}s"
        outcome.check(failures == 0, f"{failures} connections failed before the signal")
        outcome.check(closed == count, f"only {closed} of {count} idle connections were closed at SIGTERM")
        outcome.check(answers == 20 * 20, f"only {answers} of 400 answers under way were finished")
        outcome.check(status == 0, f"exit status {status} after SIGTERM")
    finally:
        server.kill()
    return outcome


def pipeline(ctx):
    """Random pipelined mixes (large answers, HEAD, bodies, chunked, 100-continue, malformed,
    close, HTTP/1.0) sent in random slices and read at a random pace."""
    count = ctx.options.pipelines

    def body(server, outcome):
        seed, rng = abuse.seeded_random()

        async def scenario():
            gate = asyncio.Semaphore(50)

            async def one():
                async with gate:
                    return await abuse.pipeline_client(server.port, rng, 20)
            return await asyncio.gather(*(one() for _ in range(count)))

        results = asyncio.run(scenario())
        statuses = {}
        for answers, _, _ in results:
            for status in answers:
                statuses[status] = statuses.get(status, 0) + 1
        unparsed = sum(1 for _, parsed, _ in results if not parsed)
        stuck = sum(1 for _, parsed, finished in results if parsed and not finished)
        outcome.figures["seed"] = seed
        outcome.figures["connections"] = count
        outcome.figures["answers"] = " ".join(f"{k}:{v}" for k, v in sorted(statuses.items()))
        outcome.check(unparsed == 0, f"{unparsed} answer streams did not parse as HTTP/1.1")
        outcome.check(stuck == 0, f"{stuck} connections neither answered everything nor closed in 20 s")
        outcome.check(statuses.get(500, 0) == 0, f"{statuses.get(500)} answers were 500")

    return run_with_server(ctx, "pipeline", body)
