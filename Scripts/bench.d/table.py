#!/usr/bin/env python3
"""Turn the TSV files Scripts/bench writes into the markdown tables of BENCHMARKS.md.

    table.py RESULTS_DIR

Medians over repetitions, ranges min-max. Ratios compare medians of the same scenario and
connection count within one run: x nginx, x Hummingbird encoded once, x Hummingbird with
JSONEncoder per request. A last section checks the issue's targets against what was measured.
"""
import os
import statistics
import sys
from collections import defaultdict

RES = sys.argv[1] if len(sys.argv) > 1 else "/tmp/sco-bench/results"


def rows(name):
    path = os.path.join(RES, name)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fnum(x, fmt="{:,.0f}"):
    return "n/a" if x is None or x != x else fmt.format(x)


def label(server, route):
    if server.startswith("sco-api"):
        return "sco-api" + (" (cache off)" if server.endswith("nocache") else "")
    if server == "nginx":
        return "nginx (static file)"
    return f"{server} " + ("JSONEncoder per request" if route.startswith("/per-request") else "encoded once")


# ---- header ----------------------------------------------------------------------------------
env = os.path.join(RES, "env.txt")
if os.path.exists(env):
    print("```")
    print(open(env).read().strip())
    print("```")
    print()
origin = {r[0]: r for r in rows("origin.tsv")}
samples = [n for n, r in origin.items() if r[1] == "SAMPLE"]
if origin:
    print("Bodies: " + "; ".join(
        f"{n} from sco-api `{r[2]}` ({r[3]} bytes)" if r[1] == "sco-api" else f"**{n}: SAMPLE** ({r[2]})"
        for n, r in origin.items()))
    if samples:
        print(f"\n**{', '.join(samples)}: sco-api did not serve these, so the peers served stand-in bodies "
              "built from the fixture and sco-api's rows for them are missing.**")
    print()

# ---- throughput ------------------------------------------------------------------------------
runs, failed, order = defaultdict(list), defaultdict(int), []
for r in rows("runs.tsv"):
    key = (r[0], r[1], r[2], int(r[3]))
    if key not in order:
        order.append(key)
    if r[5] == "FAILED":
        failed[key] += 1
    else:
        runs[key].append(r)


def stat(key, col):
    return med([float(r[col]) for r in runs.get(key, [])]) if runs.get(key) else float("nan")


def baseline(sc, conns, server, per_request):
    for key in order:
        if key[0] == sc and key[3] == conns and key[1] == server and key[2].startswith("/per-request") == per_request:
            return stat(key, 5)
    return float("nan")


def cpu_us(r):
    """server CPU time per request in microseconds: less sensitive to a busy machine than req/s"""
    return float(r[12]) / 100 / float(r[5]) * 1e6 if float(r[5]) else float("nan")


def ratio(x, base):
    return "" if base != base or x != x or base == 0 else f"{x / base:.2f}"


summary = {}
for sc in dict.fromkeys(k[0] for k in order):
    what = {"member-states": "GET /v1/member-states, the same request every time",
            "index": "GET /v1, sco-api's link index, the same request every time",
            "search": "GET /v1/search?q=..., the term varies per request",
            "compressed": "Accept-Encoding: gzip, br; nginx serves gzip_static's .gz, sco-api its br",
            "pipelined": "GET /v1/member-states, 16 requests written at a time on each connection",
            "html": "HTML pages (?format=html) beside the same resource's JSON, each the same request every time",
            "timeline": "GET /v1/timeline?..., the filters vary per request"}.get(sc, sc)
    print(f"### {sc}: {what}")
    print()
    print("| server | conns | req/s median | req/s min-max | x nginx | x HB once | x HB per-request | p50 ms "
          "| p99 ms median (min-max) | bytes/resp | errors | server CPU% | server CPU us/req | other CPU% | peak RSS MB |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    keys = sorted((k for k in order if k[0] == sc), key=lambda k: (k[3], order.index(k)))
    for key in keys:
        rs = runs.get(key, [])
        name = label(key[1], key[2])
        if not rs:
            print(f"| {name} | {key[3]} | FAILED x{failed[key]} |" + " |" * 12)
            continue
        rps = [float(r[5]) for r in rs]
        p99 = [float(r[7]) for r in rs]
        m = med(rps)
        summary[key] = {"rps": m, "p99": med(p99), "cpu": med([cpu_us(r) for r in rs])}
        errors = sum(int(r[9]) + int(r[10]) for r in rs)
        print("| " + " | ".join([
            name, str(key[3]), fnum(m), f"{min(rps):,.0f}-{max(rps):,.0f}",
            ratio(m, baseline(sc, key[3], "nginx", False)),
            ratio(m, baseline(sc, key[3], "hummingbird", False)),
            ratio(m, baseline(sc, key[3], "hummingbird", True)),
            fnum(stat(key, 6), "{:.3f}"), f"{med(p99):.3f} ({min(p99):.3f}-{max(p99):.3f})",
            fnum(stat(key, 17)), str(errors) + (f" (+{failed[key]} failed runs)" if failed[key] else ""),
            fnum(stat(key, 12)), fnum(med([cpu_us(r) for r in rs]), "{:.1f}"), fnum(stat(key, 13)),
            f"{max(int(r[15]) for r in rs) / 1024:.1f}",
        ]) + " |")
    print()
for r in rows("restarts.tsv"):
    print(f"**{r[0]} stopped during the run and was restarted at {r[2]}** (see its log).  ")
if order:
    n = sorted({len(v) for v in runs.values()})
    print(f"n = {', '.join(map(str, n))} runs per row. CPU: % of one core over the run (2 cores = 200%); "
          "server CPU us/req = server CPU time / requests. "
          "other = machine busy time minus wrk minus the server (the idle servers, kernel threads, "
          "other people's work). bytes/resp = wrk's bytes read / requests (headers included). "
          "Bodies are checked before the runs (see Checks).")
    print()

# ---- memory -----------------------------------------------------------------------------------
mem = rows("memory.tsv")
if mem:
    print("### memory")
    print()
    print("| server | RSS at rest MB | RSS with N idle keep-alive connections MB | N held | failed "
          "| established (ss) | still open at the end | RSS after closing MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in mem:
        print(f"| {r[0]} | {int(r[1]) / 1024:.1f} | {int(r[2]) / 1024:.1f} | {r[3]} | {r[4]} | {r[5]} | {r[6]} "
              f"| {int(r[7]) / 1024:.1f} |")
    print()

# ---- startup ----------------------------------------------------------------------------------
st = defaultdict(list)
own = defaultdict(list)
paths = {}
for r in rows("startup.tsv"):
    paths[r[0]] = r[1]
    if r[2] not in ("", "timeout"):
        st[r[0]].append(float(r[2]))
    if len(r) > 3 and r[3]:
        own[r[0]].append(float(r[3]) / 1000)
if st or paths:
    print("### start to first 200")
    print()
    print("| what | request | ms median | min-max | n | sco-api's own startupUs, ms median |")
    print("|---|---|---:|---|---:|---:|")
    for k in paths:
        xs = st.get(k, [])
        print(f"| {k} | `{paths[k]}` | {fnum(med(xs), '{:.1f}')} | "
              f"{f'{min(xs):.1f}-{max(xs):.1f}' if xs else 'timeout'} | {len(xs)} | "
              f"{fnum(med(own[k]), '{:.1f}') if own.get(k) else ''} |")
    print()
    print("Measured from just before the process is spawned to the first 200 (polls every 0.5 ms over "
          "raw sockets). cold = no database file: sco-api migrates and seeds first.")
    print()

# ---- scale ------------------------------------------------------------------------------------
scale = rows("scale.tsv")
gen = rows("scale-generate.txt")
if scale:
    print("### scale: timeline and search on the large database (response cache off)")
    print()
    for line in open(os.path.join(RES, "scale-generate.txt")) if os.path.exists(os.path.join(RES, "scale-generate.txt")) else []:
        print(f"Generated: `{line.strip()}`  ")
    for r in rows("scale-memory.tsv"):
        print(f"{r[0]}: {int(r[1]) / 1024:.1f} MB  ")
    print()
    print("| measurement | request | median ms | p90 ms | n | items | total | status |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in scale:
        if r[0] == "walk":
            print(f"| walk by cursor ({r[1]}) | {r[4]} pages of {r[5]} | {r[3]} per page | | | | | {r[7]} |")
        else:
            print(f"| {r[0]} | `{r[1][:70]}` | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[7]} |")
    print()
    print("Client-side times over one keep-alive connection (Python http.client), HTTP included.")
    print()
plans = rows("explain.txt")
if plans:
    print("EXPLAIN QUERY PLAN on the large database, and each statement's median time over 3 runs in "
          "Python's sqlite3 (query shapes from Scripts/bench.d/scale-queries.sql: the repositories' SQL with literal values):")
    print()
    print("| query | plan | ms | rows |")
    print("|---|---|---:|---:|")
    for r in plans:
        print(f"| {r[0]} | {r[2]} | {r[3] if len(r) > 3 else ''} | {r[4] if len(r) > 4 else ''} |")
    print()

# ---- targets ----------------------------------------------------------------------------------
checks = []


def check(name, value, ok, shown):
    checks.append((name, "n/a (not measured)" if value is None else ("PASS" if ok else "FAIL"), shown))


def rps(sc, server, route, conns):
    return summary.get((sc, server, route, conns), {}).get("rps")


def p99(sc, server, route, conns):
    return summary.get((sc, server, route, conns), {}).get("p99")


ms = "member-states"
for c in (64, 256):
    s, n, h = rps(ms, "sco-api", "/v1/member-states", c), rps(ms, "nginx", "/v1/member-states", c), \
        rps(ms, "hummingbird", "/v1/member-states", c)
    check(f"cached member-states c{c} >= 0.9x nginx", s and n, s and n and s >= 0.9 * n,
          f"{s / n:.2f}x" if s and n else "")
    check(f"cached member-states c{c} >= 1.2x Hummingbird encoded once", s and h, s and h and s >= 1.2 * h,
          f"{s / h:.2f}x" if s and h else "")
s, n = p99(ms, "sco-api", "/v1/member-states", 256), p99(ms, "nginx", "/v1/member-states", 256)
check("cached member-states p99 at c256 <= 1.5x nginx's", s and n, s and n and s <= 1.5 * n,
      f"{s:.3f} ms vs nginx {n:.3f} ms" if s and n else "")
s, n = rps(ms, "sco-api", "/v1/member-states", 1), rps(ms, "nginx", "/v1/member-states", 1)
check("cached member-states c1 >= 0.8x nginx", s and n, s and n and s >= 0.8 * n, f"{s / n:.2f}x" if s and n else "")
for c in (1, 64, 256):
    s, n = rps(ms, "sco-api", "/v1/member-states", c), rps(ms, "nginx", "/v1/member-states", c)
    check(f"cached member-states c{c} >= 1.0x tuned nginx", s and n, s and n and s >= n, f"{s / n:.2f}x" if s and n else "")
    su = summary.get((ms, "sco-api", "/v1/member-states", c), {}).get("cpu")
    nu = summary.get((ms, "nginx", "/v1/member-states", c), {}).get("cpu")
    check(f"cached member-states c{c} server CPU per request <= nginx's", su and nu, su and nu and su <= nu,
          f"{su:.1f} vs {nu:.1f} us" if su and nu else "")
    s, n = rps("compressed", "sco-api", "/v1/member-states", c), rps("compressed", "nginx", "/v1/member-states", c)
    check(f"compressed member-states c{c} >= 1.0x nginx gzip_static", s and n, s and n and s >= n,
          f"{s / n:.2f}x" if s and n else "")
    su = summary.get(("compressed", "sco-api", "/v1/member-states", c), {}).get("cpu")
    nu = summary.get(("compressed", "nginx", "/v1/member-states", c), {}).get("cpu")
    check(f"compressed member-states c{c} server CPU per request <= nginx's", su and nu, su and nu and su <= nu,
          f"{su:.1f} vs {nu:.1f} us" if su and nu else "")
for c in sorted({k[3] for k in summary if k[0] == "pipelined"}):
    s, n = rps("pipelined", "sco-api", "/v1/member-states", c), rps("pipelined", "nginx", "/v1/member-states", c)
    check(f"pipelined member-states c{c} >= 1.5x nginx", s and n, s and n and s >= 1.5 * n, f"{s / n:.2f}x" if s and n else "")
for c in sorted({k[3] for k in summary if k[0] == "html"}):
    for route in ("/v1/member-states", "/v1/timeline"):
        h, j = rps("html", "sco-api", route + "?format=html", c), rps("html", "sco-api", route, c)
        check(f"cached HTML {route} c{c} >= 0.9x its cached JSON", h and j, h and j and h >= 0.9 * j,
              f"{h / j:.2f}x" if h and j else "")
for sc in ("search", "timeline"):
    for c in sorted({k[3] for k in summary if k[0] == sc}) or [64]:
        s, h = rps(sc, "sco-api-nocache", f"/v1/{sc}", c), rps(sc, "hummingbird", f"/per-request/v1/{sc}", c)
        check(f"uncached {sc} c{c} >= 2x Hummingbird JSONEncoder per request", s and h, s and h and s >= 2 * h,
              f"{s / h:.2f}x" if s and h else "")
sco_mem = next((r for r in mem if r[0] == "sco-api"), None)
check("RSS at rest <= 20 MB", sco_mem, sco_mem and int(sco_mem[1]) <= 20 * 1024,
      f"{int(sco_mem[1]) / 1024:.1f} MB" if sco_mem else "")
check("RSS with 10,000 idle keep-alive connections <= 64 MB",
      sco_mem, sco_mem and int(sco_mem[2]) <= 64 * 1024 and sco_mem[3] == "10000",
      f"{int(sco_mem[2]) / 1024:.1f} MB with {sco_mem[3]} held" if sco_mem else "")
for k, limit in (("sco-api-seeded", 30), ("sco-api-cold", 300)):
    xs = st.get(k)
    check(f"{k.replace('sco-api-', '')} start to first 200 <= {limit} ms (median)", xs, xs and med(xs) <= limit,
          f"{med(xs):.1f} ms ({paths.get(k)})" if xs else "")
sc_rows = {r[0]: r for r in scale}
f, l = sc_rows.get("timeline first page"), sc_rows.get("timeline last page (by cursor)")
check("1M events: last page by cursor <= 2x first page", f and l, f and l and float(l[2]) <= 2 * float(f[2]),
      f"{float(l[2]):.3f} vs {float(f[2]):.3f} ms" if f and l else "")
kind_plan = next((r[2] for r in plans if r[0] == "kind filter"), None)
check("filtered query uses its index (EXPLAIN QUERY PLAN, kind filter)", kind_plan,
      kind_plan and "INDEX" in kind_plan and "SCAN events" not in kind_plan.replace("USING", ""), kind_plan or "")
for shape in ("actor filter", "region filter"):
    plan = next((r[2] for r in plans if r[0] == shape), None)
    check(f"{shape} pages without sorting every match (no TEMP B-TREE; harness query shape)", plan,
          plan and "TEMP B-TREE" not in plan, plan or "")
for name, r in sc_rows.items():
    if name.startswith("search") and r[7] == "200":
        check(f"1M events: {name} median < 10 ms", r, float(r[2]) < 10, f"{float(r[2]):.3f} ms")
if checks:
    print("### targets (issue 7, item 2)")
    print()
    print("| target | result | measured |")
    print("|---|---|---|")
    for name, result, shown in checks:
        print(f"| {name} | {result} | {shown} |")
    print()

# ---- checks and builds -------------------------------------------------------------------------
v = rows("verify.tsv")
if v:
    print("### checks (before the runs)")
    print()
    print("| server | route | body vs sco-api's | status, header bytes, body bytes | content-type | model |")
    print("|---|---|---|---|---|---|")
    for r in v:
        print(f"| {r[0]} | `{r[1]}` | {r[2]} | {r[3]} | {r[4]} | {r[5] if len(r) > 5 else ''} |")
    print()
    print("identical = same bytes; equivalent = same JSON ignoring member order and null members "
          "(synthesized Codable leaves nil optionals out). model typed = the body decoded into the "
          "peer's Codable structs; generic = fell back to a JSON value tree (schema drift).")
    print()
b = rows("build-times.tsv")
if b:
    print("| release build | seconds | rc |")
    print("|---|---:|---:|")
    for r in b:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")
