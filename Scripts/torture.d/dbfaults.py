"""Database faults (issue 8 item 4): files that are not databases, truncated or damaged
databases, read-only places, full disks and RLIMIT_FSIZE. Each must give a clear message and
an exit code, or 503 problems, never a crash (a death by signal) and never a changed or
corrupted file. The kill -9 scenarios are in
kills.py.
"""
import os
import shutil

import dbtools
from dbtools import Mount, describe_status, digest, integrity, run_cli, serve_damaged
from harness import Outcome, Server, fetch

BIG_EVENTS = 3000


def not_a_database(ctx):
    """Text, random bytes, zeros: serve, seed and migrate refuse them and leave them alone."""
    outcome = Outcome("notadb")
    directory = ctx.scratch("notadb")
    files = {
        "text": b"This is a text file, not an SQLite database.\n" * 40,
        "random": os.urandom(65536),
        "zeros": b"\0" * 8192,
        "json": open(dbtools.FIXTURE, "rb").read(),
    }
    for label, content in files.items():
        path = os.path.join(directory, f"{label}.sqlite")
        with open(path, "wb") as handle:
            handle.write(content)
        before = digest(path)
        for command in (["serve", "--port", "0"], ["seed"], ["migrate"]):
            status, _, stderr = run_cli(ctx, command + ["--database", path], timeout=30)
            outcome.check(status == 1, f"{label}: {command[0]} ended with {describe_status(status)}, expected exit 1")
            outcome.check("not an SQLite database" in stderr,
                          f"{label}: {command[0]} did not say 'not an SQLite database': {stderr.strip()[-200:]}")
        outcome.check(digest(path) == before, f"{label}: the file was changed")
        leftovers = [s for s in ("-wal", "-shm", "-journal") if os.path.exists(path + s)]
        outcome.check(not leftovers, f"{label}: left {leftovers} beside the file")
    outcome.figures["files"] = len(files)
    outcome.figures["commands each"] = "serve seed migrate"
    return outcome


def truncated(ctx):
    """A seeded database cut short at several lengths."""
    outcome = Outcome("truncated")
    refs = dbtools.references(ctx)
    size = os.path.getsize(ctx.seeded)
    results = {}
    for length in (100, 4096, 4096 * 3, size // 2, size - 4096, size - 100):
        path = os.path.join(ctx.scratch(f"truncated-{length}"), "sco.sqlite")
        with open(ctx.seeded, "rb") as source, open(path, "wb") as target:
            target.write(source.read(length))
        verdict, _ = serve_damaged(ctx, path, refs, outcome, f"truncated to {length}")
        results[length] = verdict
    outcome.figures["lengths"] = " ".join(f"{k}:{v}" for k, v in results.items())
    return outcome


def corrupt_page(ctx):
    """A seeded database with one page overwritten by garbage, for a spread of pages."""
    outcome = Outcome("corrupt")
    refs = dbtools.references(ctx)
    pages = os.path.getsize(ctx.seeded) // 4096
    verdicts = {"refused": 0, "served": 0}
    statuses = {}
    for page in range(2, pages + 1, 6):
        path = os.path.join(ctx.scratch(f"corrupt-{page}"), "sco.sqlite")
        shutil.copyfile(ctx.seeded, path)
        with open(path, "r+b") as handle:
            handle.seek((page - 1) * 4096)
            handle.write(bytes([0xA5]) * 4096)
        verdict, detail = serve_damaged(ctx, path, refs, outcome, f"page {page}")
        verdicts[verdict] += 1
        if verdict == "served":
            for status, count in detail.items():
                statuses[status] = statuses.get(status, 0) + count
    outcome.figures["pages damaged"] = sum(verdicts.values())
    outcome.figures["refused at start"] = verdicts["refused"]
    outcome.figures["served"] = verdicts["served"]
    outcome.figures["probe answers"] = " ".join(f"{k}:{v}" for k, v in sorted(statuses.items()))
    return outcome


def read_only(ctx):
    """A read-only directory (a read-only mount as root, chmod otherwise)."""
    outcome = Outcome("readonly")
    directory = os.path.join(ctx.workdir, "readonly-mount")
    mount = Mount(directory, "4m") if os.geteuid() == 0 else None
    try:
        if mount is not None and mount.available:
            shutil.copyfile(ctx.seeded, os.path.join(directory, "sco.sqlite"))
            outcome.check(mount.remount("ro"), "cannot remount the tmpfs read-only")
            outcome.figures["method"] = "read-only tmpfs"
        else:
            os.makedirs(directory, exist_ok=True)
            shutil.copyfile(ctx.seeded, os.path.join(directory, "sco.sqlite"))
            os.chmod(directory, 0o555)
            outcome.figures["method"] = "chmod 555"
            if os.geteuid() == 0:
                outcome.failures.append("running as root without mount: chmod cannot make a directory read-only")
        existing = os.path.join(directory, "sco.sqlite")
        before = digest(existing)
        cases = [("existing database", ["serve", "--port", "0", "--database", existing]),
                 ("missing database", ["serve", "--port", "0", "--database", os.path.join(directory, "new.sqlite")]),
                 ("seed", ["seed", "--database", existing]),
                 ("migrate", ["migrate", "--database", existing])]
        for label, command in cases:
            status, _, stderr = run_cli(ctx, command, timeout=30)
            outcome.check(status == 1, f"{label}: {describe_status(status)}, expected exit 1")
            outcome.check("read-only" in stderr, f"{label}: the message does not say read-only: {stderr.strip()[-200:]}")
        outcome.check(digest(existing) == before, "the database in the read-only directory changed")
        outcome.figures["cases"] = len(cases)
    finally:
        if mount is not None:
            mount.close()
        else:
            os.chmod(directory, 0o755)
    return outcome


def disk_full(ctx):
    """A small tmpfs: creating, seeding over, and serving from a full disk."""
    outcome = Outcome("diskfull")
    if os.geteuid() != 0:
        outcome.failures.append("needs root to mount a tmpfs; run 'fsize' for the RLIMIT_FSIZE variant")
        return outcome
    big = ctx.big_fixture("a", BIG_EVENTS)
    # 1. A fresh database on a disk too small for the schema and seed.
    tiny = Mount(os.path.join(ctx.workdir, "full-tiny"), "96k")
    try:
        if not tiny.available:
            outcome.failures.append(f"mount refused ({tiny.error}); run 'fsize' for the RLIMIT_FSIZE variant")
            return outcome
        path = os.path.join(tiny.directory, "sco.sqlite")
        status, _, stderr = run_cli(ctx, ["serve", "--port", "0", "--database", path], timeout=30)
        outcome.check(status == 1, f"fresh database on a full disk: {describe_status(status)}, expected exit 1")
        outcome.check("full" in stderr or "No space" in stderr, f"fresh database: unclear message: {stderr.strip()[-200:]}")
        if os.path.exists(path):
            ok, detail = integrity(path)
            outcome.check(ok, f"fresh database left behind is damaged: {detail}")
        outcome.figures["fresh"] = dbtools.short_message(stderr)
    finally:
        tiny.close()
    # 2-4. A seeded database on a 2 MiB disk.
    small = Mount(os.path.join(ctx.workdir, "full-small"), "2m")
    try:
        path = os.path.join(small.directory, "sco.sqlite")
        shutil.copyfile(ctx.seeded, path)
        before = dbtools.dataset_state(path)
        # 2. Seeding a fixture that does not fit: refused and rolled back.
        status, _, stderr = run_cli(ctx, ["seed", "--replace", "--database", path, big], timeout=300)
        outcome.check(status == 1, f"seed --replace onto a full disk: {describe_status(status)}, expected exit 1")
        outcome.check("full" in stderr or "No space" in stderr, f"seed onto a full disk: unclear message: {stderr.strip()[-200:]}")
        outcome.figures["seed"] = dbtools.short_message(stderr)
        ok, detail = integrity(path)
        outcome.check(ok, f"after the failed seed: {detail}")
        outcome.check(dbtools.dataset_state(path) == before, "the failed seed changed the data")
        # 3. Serving while the disk fills up: reads go on, writes are 503 problems until
        #    space is freed, shutdown is clean, and every acknowledged write is kept.
        server = Server(ctx.binary, small.directory, path, name="diskfull", env=dbtools.WRITE_ENV).start()
        try:
            writes, acknowledged = _serve_while_filling(server, small, outcome)
        finally:
            status = server.stop()  # before the mount goes, whatever happened
        outcome.check(status == 0, f"serving on a full disk: SIGTERM gave {describe_status(status)}")
        if writes:
            kept = dbtools.event_ids(path)
            lost = [i for i in acknowledged if i not in kept]
            outcome.check(not lost, f"acknowledged writes lost on the full disk: {lost}")
            before = dbtools.dataset_state(path)
        # 4. Starting on a full disk with no -shm file to create: refused with the reason.
        for suffix in ("-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        small.fill()
        status, _, stderr = run_cli(ctx, ["serve", "--port", "0", "--database", path], timeout=30)
        outcome.check(status == 1, f"serve on a full disk: {describe_status(status)}, expected exit 1")
        outcome.check("No space" in stderr or "full" in stderr, f"serve on a full disk: unclear message: {stderr.strip()[-200:]}")
        outcome.figures["start on full disk"] = dbtools.short_message(stderr)
        small.free()
        ok, detail = integrity(path)
        outcome.check(ok, f"after serving on a full disk: {detail}")
        outcome.check(dbtools.dataset_state(path) == before, "the data changed on the full disk")
    finally:
        small.close()
    return outcome


def _serve_while_filling(server, mount, outcome):
    """Fills the disk under a running server: reads must go on; writes (when the binary takes
    them) must be 503 problems until space is freed. Returns (writes?, acknowledged ids)."""
    writes = dbtools.has_write_api(server.port)
    acknowledged = []
    if writes:
        outcome.check(dbtools.post_event(server.port, "before-full").status == 201, "a write before the disk filled failed")
        acknowledged.append("before-full")
    mount.fill()
    wrong = 0
    for probe in dbtools.PROBES:
        response = fetch(server.port, probe)
        if response.status != 200:
            wrong += 1
            outcome.failures.append(f"full disk: {probe} answered {response.status}")
    outcome.figures["reads on a full disk"] = f"{len(dbtools.PROBES) - wrong}/{len(dbtools.PROBES)} ok"
    if writes:
        answers = [dbtools.post_event(server.port, f"while-full-{i}") for i in range(20)]
        unavailable = [a for a in answers if a.status == 503 and a.header("content-type") == "application/problem+json"]
        accepted = [f"while-full-{i}" for i, a in enumerate(answers) if a.status == 201]
        acknowledged += accepted
        outcome.figures["writes on a full disk"] = f"{len(unavailable)}x 503, {len(accepted)}x 201"
        outcome.check(len(unavailable) + len(accepted) == 20,
                      f"writes on a full disk answered {sorted({a.status for a in answers})}, not 503 problems")
        outcome.check(any(b"full" in a.body for a in unavailable), "the 503 does not say the disk is full")
        mount.free()
        outcome.check(dbtools.post_event(server.port, "after-full").status == 201, "a write after space was freed failed")
        acknowledged.append("after-full")
    return writes, acknowledged


def file_size_limit(ctx):
    """RLIMIT_FSIZE (ulimit -f): writes past it fail with EFBIG; nothing dies of SIGXFSZ."""
    outcome = Outcome("fsize")
    directory = ctx.scratch("fsize")
    big = ctx.big_fixture("a", BIG_EVENTS)
    fresh = os.path.join(directory, "fresh.sqlite")
    for command in (["serve", "--port", "0"], ["seed"]):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(fresh + suffix):
                os.remove(fresh + suffix)
        status, _, stderr = run_cli(ctx, command + ["--database", fresh], fsize=64 * 1024, timeout=60)
        outcome.check(status == 1, f"{command[0]} of a fresh database under a 64 KiB limit: {describe_status(status)}")
        outcome.check(bool(stderr.strip()), f"{command[0]}: no message")
        if os.path.exists(fresh):
            ok, detail = integrity(fresh)
            outcome.check(ok, f"{command[0]}: the fresh file is damaged: {detail}")
    path = os.path.join(directory, "seeded.sqlite")
    shutil.copyfile(ctx.seeded, path)
    before = dbtools.dataset_state(path)
    limit = os.path.getsize(path) + 256 * 1024
    status, _, stderr = run_cli(ctx, ["seed", "--replace", "--database", path, big], fsize=limit, timeout=300)
    outcome.check(status == 1, f"seed --replace past the limit: {describe_status(status)}, expected exit 1")
    outcome.figures["seed past the limit"] = f"{describe_status(status)}: {dbtools.short_message(stderr)}"
    ok, detail = integrity(path)
    outcome.check(ok, f"after the failed seed: {detail}")
    outcome.check(dbtools.dataset_state(path) == before, "the failed seed changed the data")
    status, _, _ = run_cli(ctx, ["seed", "--database", path])
    outcome.check(status == 0, "the database cannot be seeded again once the limit is gone")
    _writes_past_the_limit(ctx, outcome, directory)
    return outcome


def _writes_past_the_limit(ctx, outcome, directory):
    """The write API under RLIMIT_FSIZE: writes past it are 503 problems; the server lives on."""
    path = os.path.join(directory, "writes.sqlite")
    shutil.copyfile(ctx.seeded, path)
    limit = os.path.getsize(path) + 256 * 1024
    server = Server(ctx.binary, directory, path, fsize=limit, name="fsize-writes", env=dbtools.WRITE_ENV).start()
    if not dbtools.has_write_api(server.port):
        server.stop()
        return
    acknowledged = []
    refused = None
    for number in range(3000):
        response = dbtools.post_event(server.port, f"fsize-{number}")
        if response.status == 201:
            acknowledged.append(f"fsize-{number}")
            continue
        refused = response
        break
    outcome.check(refused is not None, "3,000 writes fitted under the limit: the scenario did not reach it")
    if refused is not None:
        outcome.check(refused.status == 503 and refused.header("content-type") == "application/problem+json",
                      f"a write past the limit answered {refused.status}")
    outcome.check(server.alive(), "the server died at the file size limit (SIGXFSZ?)")
    outcome.check(fetch(server.port, "/v1/timeline?limit=5").status == 200, "reads failed at the file size limit")
    outcome.figures["writes before the limit"] = len(acknowledged)
    status = server.stop()
    outcome.check(status == 0, f"the server at the limit gave {describe_status(status)} on SIGTERM")
    ok, detail = integrity(path)
    outcome.check(ok, f"after writes past the limit: {detail}")
    lost = [i for i in acknowledged if i not in dbtools.event_ids(path)]
    outcome.check(not lost, f"{len(lost)} acknowledged writes lost at the limit")
