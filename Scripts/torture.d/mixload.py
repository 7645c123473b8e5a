#!/usr/bin/env python3
"""Mixed load for the memory scenario: varied requests on keep-alive, pipelined and one-shot
connections, plus a trickle of abuse (garbage, resets, non-readers, slow clients) and, with
--writes, events created and deleted through the write API, for --seconds. Prints one JSON line: requests, rps, statuses, abusive connections.

The requests are drawn from a large space (limits, sorts, fields, filters, search words,
cursors, Accept, If-None-Match, HEAD, OPTIONS, bad parameters, unknown ids), so per-loop
caches fill and churn: RSS must level off anyway.
"""
import argparse
import asyncio
import json
import os
import random
import re
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import abuse  # noqa: E402
import dbtools  # noqa: E402
from harness import FIXTURE, fetch, request  # noqa: E402

LISTS = ["/v1/timeline", "/v1/statements", "/v1/people", "/v1/regions", "/v1/member-states", "/v1/observers",
         "/v1/declaration/clauses", "/v1/sources"]
SINGLES = ["/v1", "/v1/organization", "/v1/summit", "/v1/declaration", "/healthz", "/readyz", "/metrics",
           "/openapi.json"]
ACCEPTS = ["application/json", "text/csv", "application/x-ndjson", "*/*", "image/png"]


class Requests:
    """Draws a random request; remembers `next` cursors seen in answers to follow them later."""

    def __init__(self, rng):
        self.rng = rng
        with open(FIXTURE, encoding="utf-8") as handle:
            text = handle.read()
        self.words = sorted(set(re.findall(r"[A-Za-z]{4,}", text)))
        self.ids = sorted(set(re.findall(r'"id": ?"([a-z0-9-]+)"', text)))
        self.cursors = []

    def draw(self):
        rng = self.rng
        roll = rng.random()
        headers = []
        method = "GET"
        if roll < 0.35:
            path = rng.choice(LISTS) + f"?limit={rng.randint(1, 60)}"
            if rng.random() < 0.3:
                path += "&sort=" + rng.choice(["date", "-date", "id", "-id", "name", "-name"])
            if rng.random() < 0.3:
                path += "&fields=" + ",".join(rng.sample(["id", "date", "title", "kind", "name", "summary"], 2))
            if rng.random() < 0.2:
                path += f"&from=2008-08-{rng.randint(1, 28):02d}"
        elif roll < 0.5:
            path = "/v1/search?q=" + rng.choice(self.words) + (("+" + rng.choice(self.words)) if rng.random() < 0.3 else "")
        elif roll < 0.6 and self.cursors:
            path = rng.choice(self.cursors)
            method = "GET"
        elif roll < 0.75:
            path = rng.choice(SINGLES)
        elif roll < 0.85:
            path = rng.choice(LISTS) + "/" + rng.choice(self.ids + ["nobody", "%00", "x" * rng.randint(1, 300)])
        elif roll < 0.9:
            path = rng.choice(LISTS) + "?" + rng.choice(["limit=abc", "nope=1", "sort=zzz", "cursor=!!", "limit=100000"])
        else:
            path = rng.choice(LISTS + SINGLES)
            method = rng.choice(["HEAD", "OPTIONS", "DELETE", "PUT"])
        if rng.random() < 0.2:
            headers.append(("Accept", rng.choice(ACCEPTS)))
        if rng.random() < 0.1:
            headers.append(("If-None-Match", f'"{rng.getrandbits(64):x}"'))
        return method, path, headers

    def learn(self, path, body):
        """Keeps the next page's path when `body` is a list page with a `next` cursor."""
        match = re.search(rb'"next":"([^"]+)"', body[-600:])
        if match and len(self.cursors) < 2000:
            base = re.sub(r"&cursor=[^&]*", "", path)
            self.cursors.append(base + ("&" if "?" in base else "?") + "cursor=" + match.group(1).decode())


class Tally:
    def __init__(self):
        self.requests = 0
        self.statuses = {}
        self.abusive = 0

    def count(self, status):
        self.requests += 1
        self.statuses[status] = self.statuses.get(status, 0) + 1


async def exchange(reader, writer, draws, tally, requests):
    """Sends `draws` pipelined and reads their answers; returns False when the server said
    `Connection: close` (the requests after that one are not answered, as RFC 9112 §9.6 says)."""
    writer.write(b"".join(request(path, method, headers) for method, path, headers in draws))
    for method, path, _ in draws:
        status, body, closes = await abuse.read_response(reader, is_head=method == "HEAD", with_close=True)
        tally.count(status)
        requests.learn(path, body)
        if closes:
            return False
    return True


async def keepalive_worker(port, requests, tally, deadline, pipeline):
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
            for _ in range(requests.rng.randint(1, 500)):
                if time.monotonic() >= deadline:
                    break
                draws = [requests.draw() for _ in range(pipeline)]
                async with asyncio.timeout(10):
                    if not await exchange(reader, writer, draws, tally, requests):
                        break
            writer.close()
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
            tally.count("connection error")


async def abuse_worker(port, rng, tally, deadline):
    """Every second: garbage, resets, a non-reader and slow clients, a few of each."""
    while time.monotonic() < deadline:
        jobs = [abuse.garbage(port, 6, rng) for _ in range(5)]
        jobs += [abuse.reset_midway(port, rng.choice(["response", "request", "partial"]), 5) for _ in range(5)]
        jobs += [abuse.non_reader(port, 64, True, 8)]
        jobs += [abuse.trickle(port, rng.choice(["line", "header", "silent"]), 0.5, 8) for _ in range(3)]
        tally.abusive += len(jobs)
        await asyncio.gather(*jobs, asyncio.sleep(1), return_exceptions=True)


def write_cycle(port, number):
    """POST an event, then DELETE it with If-Match: returns the two statuses."""
    created = dbtools.post_event(port, f"memory-{number}")
    etag = created.header("etag") or '"none"'
    headers = [("Authorization", f"Bearer {dbtools.TOKEN}"), ("If-Match", etag)]
    deleted = fetch(port, f"/v1/timeline/memory-{number}", "DELETE", headers)
    return created.status, deleted.status


async def write_worker(port, tally, deadline):
    """About five create-and-delete cycles a second through the write API."""
    number = 0
    while time.monotonic() < deadline:
        number += 1
        try:
            for status in await asyncio.to_thread(write_cycle, port, number):
                tally.count(f"write {status}")
        except (OSError, ValueError):
            tally.count("write error")
        await asyncio.sleep(0.2)


async def run(port, seconds, seed, writes):
    rng = random.Random(seed)
    requests = Requests(rng)
    tally = Tally()
    deadline = time.monotonic() + seconds
    workers = [keepalive_worker(port, requests, tally, deadline, 1) for _ in range(8)]
    workers += [keepalive_worker(port, requests, tally, deadline, 16) for _ in range(2)]
    workers += [abuse_worker(port, rng, tally, deadline)]
    if writes:
        workers.append(write_worker(port, tally, deadline))
    started = time.monotonic()
    await asyncio.gather(*workers)
    return tally, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--seed", type=int, default=int.from_bytes(os.urandom(4), "big"))
    parser.add_argument("--writes", action="store_true", help="also create and delete events (needs the token)")
    options = parser.parse_args()
    tally, seconds = asyncio.run(run(options.port, options.seconds, options.seed, options.writes))
    print(json.dumps({"seed": options.seed, "requests": tally.requests, "rps": round(tally.requests / seconds),
                      "statuses": {str(k): v for k, v in tally.statuses.items()}, "abusive": tally.abusive}),
          flush=True)


if __name__ == "__main__":
    main()
