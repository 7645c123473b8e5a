#!/usr/bin/env python3
"""Scripts/bench replication: what replication costs, on this machine.

- Write latency: WRITES sequential PUTs (a new source each) against one server with no
  Litestream, a primary whose Litestream streams to a directory store (acknowledged on the
  primary's commit), and the same primary with --durable-replication (acknowledged once the
  store has it). p50, p90, p99 and the mean, in ms.
- Reads through HAProxy: wrk on GET /v1/member-states (cached) straight to one replica, then
  through HAProxy to one replica, then to three. On a 2-core machine three replicas cannot
  scale reads; the point is the cost of the proxy hop.

Usage: python3 Scripts/bench.d/replication.py RESULTS_DIR
Environment: SCO_API_BIN (a release build is what to measure), WRITES [300], DURATION [6] s,
CONNECTIONS [64], REPS [3], BASE_PORT [19400].
"""
import importlib.machinery
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.dont_write_bytecode = True  # no Scripts/__pycache__ from loading replication-test as a module
loader = importlib.machinery.SourceFileLoader("replication_test", os.path.join(ROOT, "Scripts", "replication-test"))
spec = importlib.util.spec_from_loader("replication_test", loader)
rt = importlib.util.module_from_spec(spec)
loader.exec_module(rt)


def write_latencies(port, count, prefix):
    body_template = '{"title": "Bench %s", "publisher": "bench", "publishedOn": "2008-08-29", "language": "en", "text": "Bench."}'
    headers = {"Authorization": f"Bearer {rt.TOKEN}", "Content-Type": "application/json"}
    samples = []
    for index in range(count):
        started = time.perf_counter()
        status, _, _ = rt.request(port, "PUT", f"/v1/sources/{prefix}-{index}", body_template % index, headers)
        samples.append((time.perf_counter() - started) * 1000)
        if status not in (200, 201):
            raise SystemExit(f"bench replication: write answered {status}")
    samples.sort()
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))]
    return {"p50": pick(0.5), "p90": pick(0.9), "p99": pick(0.99), "mean": statistics.fmean(samples)}


def wrk(port, duration, connections):
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{duration}s", f"http://127.0.0.1:{port}/v1/member-states"],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else "."
    binary = os.environ.get("SCO_API_BIN") or os.path.join(ROOT, ".build", "release", "sco-api")
    litestream = os.environ.get("LITESTREAM") or "litestream"
    haproxy = os.environ.get("HAPROXY") or "/usr/sbin/haproxy"
    writes = int(os.environ.get("WRITES", "300"))
    duration = int(os.environ.get("DURATION", "6"))
    connections = int(os.environ.get("CONNECTIONS", "64"))
    reps = int(os.environ.get("REPS", "3"))
    base = int(os.environ.get("BASE_PORT", "19400"))
    lines = [f"# replication ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, {binary})", ""]

    # Write latency: single, primary (not durable), primary (durable).
    rows = []
    single_dir = tempfile.mkdtemp(prefix="sco-bench-single-")
    single = subprocess.Popen([binary, "serve", "--database", os.path.join(single_dir, "sco.sqlite"), "--port", str(base),
                               "--rate-limit", "off", "--access-log", "off"],
                              env=dict(os.environ, SCO_API_TOKENS=f"bench:{rt.TOKEN}"),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        rt.wait_until(lambda: rt.request(base, "GET", "/readyz", timeout=1)[0] == 200, 60, "the single server")
        rows.append(("one server, no Litestream", write_latencies(base, writes, "single")))
    finally:
        single.terminate()
        single.wait()
    for durable in (False, True):
        work = tempfile.mkdtemp(prefix="sco-bench-replication-")
        cluster = rt.Cluster(work, binary, litestream, haproxy, base + 10, follow_interval=0.2)
        if not durable:
            original = cluster.spawn

            def spawn(name, arguments, env=None, original=original):
                if name.startswith("primary-"):
                    arguments = [a if a != "on" else "off" for a in arguments]
                return original(name, arguments, env)

            cluster.spawn = spawn
        try:
            cluster.start_primary()
            label = "primary + Litestream, durable (acknowledged once in the store)" if durable else \
                "primary + Litestream (acknowledged on the primary's commit)"
            rows.append((label, write_latencies(cluster.primary_port, writes, "durable" if durable else "primary")))
        finally:
            cluster.stop()
    lines += [f"Write latency, {writes} sequential PUTs (ms):", "",
              "| server | p50 | p90 | p99 | mean |", "|---|---:|---:|---:|---:|"]
    for label, stats in rows:
        lines.append(f"| {label} | {stats['p50']:.2f} | {stats['p90']:.2f} | {stats['p99']:.2f} | {stats['mean']:.2f} |")

    # Reads: one replica direct, HAProxy to one, HAProxy to three.
    work = tempfile.mkdtemp(prefix="sco-bench-replication-")
    cluster = rt.Cluster(work, binary, litestream, haproxy, base + 20, follow_interval=0.2)
    reads = {"one replica, direct": [], "HAProxy, one replica": [], "HAProxy, three replicas": []}
    try:
        cluster.start_primary()
        cluster.start_replicas()
        cluster.start_haproxy()
        config = os.path.join(work, "haproxy.cfg")
        full = open(config).read()
        one = "\n".join(line for line in full.splitlines() if not re.match(r"\s+server r[23] ", line)) + "\n"
        for _ in range(reps):
            reads["one replica, direct"].append(wrk(cluster.replica_ports[0], duration, connections))
            for name, text in (("HAProxy, one replica", one), ("HAProxy, three replicas", full)):
                cluster.processes.pop("haproxy").terminate()
                with open(config, "w") as handle:
                    handle.write(text)
                cluster.spawn("haproxy", [haproxy, "-db", "-f", config])
                rt.wait_until(lambda: rt.request(cluster.proxy_port, "GET", "/v1", timeout=1)[0] == 200, 30, "HAProxy")
                time.sleep(1)  # health checks mark the servers up (rise 1, inter 200 ms)
                reads[name].append(wrk(cluster.proxy_port, duration, connections))
    finally:
        cluster.stop()
    lines += ["", f"Cached reads, GET /v1/member-states, wrk -t1 -c{connections} {duration} s, median of {reps} (requests/s):", "",
              "| path | requests/s | vs direct |", "|---|---:|---:|"]
    direct = statistics.median(reads["one replica, direct"])
    for name, values in reads.items():
        value = statistics.median(values)
        lines.append(f"| {name} | {value:,.0f} | {value / direct:.2f}x |")
    text = "\n".join(lines) + "\n"
    print(text)
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "replication.md"), "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
