#!/usr/bin/env python3
"""Time timeline paging, filtered queries and search on a large sco-api database, over HTTP.

    scale_probe.py --port P --out FILE.tsv [--limit 100] [--reps 101] [--max-pages 20000]
                   [--max-seconds 300]

1. Walks /v1/timeline from the first page to the last by following each page's `next` cursor
   (bounded by --max-pages and --max-seconds), timing every page.
2. Re-requests the first page and the last page (the cursor the walk reached) --reps times each,
   interleaved, and reports medians: the keyset-paging target is last <= 2x first.
3. Filtered timeline queries and searches, --reps times each, medians and totals.
Runs on one keep-alive connection; times are client-side, so they include the HTTP round trip.
Writes one TSV row per measurement: name, path, median_ms, p90_ms, n, items, total, status.
"""
import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse

FILTERS = [
    ("timeline kind=military", "/v1/timeline?kind=military"),
    ("timeline actor=GE", "/v1/timeline?actor=GE"),
    ("timeline region=abkhazia", "/v1/timeline?region=abkhazia"),
    ("timeline from=2008-08-01&to=2008-08-31", "/v1/timeline?from=2008-08-01&to=2008-08-31"),
    ("timeline kind=ceasefire&actor=RU", "/v1/timeline?kind=ceasefire&actor=RU"),
    ("timeline sort=-date", "/v1/timeline?sort=-date"),
]
SEARCHES = [
    ("search Ossetia (real records only)", "/v1/search?q=Ossetia"),
    ("search Medvedev (real records only)", "/v1/search?q=Medvedev"),
    ("search tag042 (1,000 synthetic hits)", "/v1/search?q=tag042"),
    ("search cluster3 (100,000 synthetic hits)", "/v1/search?q=cluster3"),
    ("search synthetic (every synthetic event)", "/v1/search?q=synthetic"),
]


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path):
        """(ms, status, parsed JSON or None)"""
        t0 = time.perf_counter()
        try:
            self.conn.request("GET", path)
            resp = self.conn.getresponse()
            body = resp.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            return (time.perf_counter() - t0) * 1000, 0, None
        ms = (time.perf_counter() - t0) * 1000
        try:
            return ms, resp.status, json.loads(body)
        except ValueError:
            return ms, resp.status, None


def with_limit(path, limit):
    return path + ("&" if "?" in path else "?") + f"limit={limit}"


def next_path(base, page, limit):
    """The path of the next page: `next` may be a path/URL or a bare cursor."""
    nxt = page.get("next") if isinstance(page, dict) else None
    if not nxt:
        return None
    if nxt.startswith("/") or nxt.startswith("http"):
        return urllib.parse.urlsplit(nxt)._replace(scheme="", netloc="").geturl()
    return with_limit(base, limit) + "&cursor=" + urllib.parse.quote(nxt, safe="")


def summary(times):
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.9))]


def row(out, name, path, times, page, status):
    med, p90 = summary(times) if times else (float("nan"), float("nan"))
    items = len(page.get("items", [])) if isinstance(page, dict) else ""
    total = page.get("total", "") if isinstance(page, dict) else ""
    out.write(f"{name}\t{path}\t{med:.3f}\t{p90:.3f}\t{len(times)}\t{items}\t{total}\t{status}\n")
    out.flush()
    print(f"  {name:45s} median {med:8.3f} ms  p90 {p90:8.3f} ms  n={len(times)} items={items} "
          f"total={total} status={status}", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--reps", type=int, default=101)
    ap.add_argument("--max-pages", type=int, default=20000)
    ap.add_argument("--max-seconds", type=float, default=300)
    a = ap.parse_args()
    c = Client(a.port)
    out = open(a.out, "w")

    limit = a.limit
    first_path = with_limit("/v1/timeline", limit)
    ms, status, page = c.get(first_path)
    if status == 400:  # limit above the cap: use the server's default
        first_path, limit = "/v1/timeline", None
        ms, status, page = c.get(first_path)
        limit = page.get("limit", 20) if isinstance(page, dict) else 20
    if status != 200:
        row(out, "timeline first page", first_path, [ms], page, status)
        print("timeline not served; paging skipped", file=sys.stderr)
    else:
        walk, path, last_path, pages, t0 = [ms], next_path("/v1/timeline", page, limit), first_path, 1, time.monotonic()
        while path and pages < a.max_pages and time.monotonic() - t0 < a.max_seconds:
            ms, status, page = c.get(path)
            if status != 200:
                break
            walk.append(ms)
            last_path, pages = path, pages + 1
            path = next_path("/v1/timeline", page, limit)
        complete = "complete" if path is None else f"stopped after {pages} pages"
        out.write(f"walk\t{complete}\t{sum(walk):.1f}\t{statistics.median(walk):.3f}\t{pages}\t{limit}\t\t{status}\n")
        print(f"  walked {pages} pages of {limit} ({complete}) in {sum(walk) / 1000:.1f} s, "
              f"median {statistics.median(walk):.3f} ms/page", flush=True)
        first, last, first_page, last_page = [], [], None, None
        for _ in range(a.reps):
            ms, _, first_page = c.get(first_path)
            first.append(ms)
            ms, _, last_page = c.get(last_path)
            last.append(ms)
        row(out, "timeline first page", first_path, first, first_page, 200)
        row(out, "timeline last page (by cursor)", last_path, last, last_page, 200)

    for name, path in FILTERS + SEARCHES:
        path = with_limit(path, limit or 20)
        times, page, status = [], None, 0
        for _ in range(a.reps):
            ms, status, page = c.get(path)
            times.append(ms)
            if status != 200:  # not served (yet): one row saying so is enough
                break
        row(out, name, path, times, page, status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
