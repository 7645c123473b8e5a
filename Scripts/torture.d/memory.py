"""Memory under mixed load (issue 8 item 5): RSS at the end within 10 % of RSS after the
first minute (or after the first third of a run shorter than three minutes).
"""
import json
import os
import subprocess
import sys
import time

import dbtools
from harness import HERE, GoodClient, Outcome, Server

ARGS = ["--header-timeout", "3", "--idle-timeout", "10", "--write-timeout", "3"]
SAMPLE_SECONDS = 5


def memory(ctx):
    minutes = ctx.options.minutes
    seconds = minutes * 60
    baseline_at = 60 if seconds >= 180 else seconds / 3
    outcome = Outcome(f"memory ({minutes:g} min)")
    server = Server(ctx.binary, ctx.workdir, ctx.database_copy("memory"), ARGS, name="memory",
                    drop_access_log=True, env=dbtools.WRITE_ENV).start()
    writes = dbtools.has_write_api(server.port)
    good = GoodClient(server.port, tolerate_writes=writes)
    load = subprocess.Popen([sys.executable, os.path.join(HERE, "mixload.py"), "--port", str(server.port),
                             "--seconds", str(seconds)] + (["--writes"] if writes else []), stdout=subprocess.PIPE)
    started = time.monotonic()
    samples = []
    baseline = None
    try:
        while load.poll() is None and time.monotonic() - started < seconds + 60:
            try:
                load.wait(timeout=SAMPLE_SECONDS)
            except subprocess.TimeoutExpired:
                pass
            elapsed = time.monotonic() - started
            rss = server.rss_kib()
            samples.append((round(elapsed), rss))
            if baseline is None and elapsed >= baseline_at:
                baseline = rss
    finally:
        if load.poll() is None:
            load.kill()
        report = good.stop()
    mix = json.loads(load.stdout.read() or b"{}")
    end = server.rss_kib()
    outcome.add_good_client(report)
    peak = max(rss for _, rss in samples) if samples else 0
    outcome.figures["mixed req/s"] = mix.get("rps")
    outcome.figures["mixed requests"] = mix.get("requests")
    outcome.figures["abusive conns"] = mix.get("abusive")
    outcome.figures[f"RSS MiB at {baseline_at:.0f}s/end/peak"] = (
        f"{(baseline or 0) / 1024:.1f}/{end / 1024:.1f}/{peak / 1024:.1f}")
    if baseline:
        outcome.figures["growth"] = f"{(end - baseline) * 100 / baseline:+.1f}%"
    outcome.figures["statuses"] = " ".join(f"{k}:{v}" for k, v in sorted(mix.get("statuses", {}).items()))
    outcome.check(baseline is not None, "the run ended before the baseline sample")
    outcome.check(baseline is not None and end <= baseline * 1.10,
                  f"RSS grew from {baseline} KiB to {end} KiB (more than 10 %)")
    errors = {k: v for k, v in mix.get("statuses", {}).items()
              if k.startswith("5") and k not in ("501", "505") or k.startswith("write") and k not in ("write 201", "write 204")}
    outcome.check(not errors, f"server errors under mixed load: {errors}")
    outcome.check(server.alive(), "the server died")
    with open(os.path.join(ctx.workdir, "memory-samples.json"), "w") as handle:
        json.dump(samples, handle)
    status = server.stop()
    outcome.check(status == 0, f"SIGTERM exit status {status} (expected 0)")
    return outcome
