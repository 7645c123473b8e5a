"""kill -9 during seeding and during writing, then a restart (issue 8 item 4).

After every kill the file must pass PRAGMA integrity_check, hold either the whole dataset it
had or the whole one being written (never part of one), hold whatever was acknowledged, and
a restarted server must open it and answer /readyz 200.

"During writing" is `sco-api seed --replace` of large fixtures (acknowledged = the command
exited 0); when the binary has the write API (POST /v1/timeline with a bearer token), also
concurrent POSTs (acknowledged = 201) with the server killed under them.
"""
import os
import random
import shutil
import signal
import subprocess
import threading
import time

import dbtools
from dbtools import describe_status, integrity
from harness import Outcome, Server, fetch

def spawn(ctx, args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCO_API_")}
    return subprocess.Popen([ctx.binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            cwd=ctx.workdir)


def kill_at(process, delay):
    """Kills `process` with SIGKILL after `delay` seconds unless it ended; returns its exit
    status if it ended by itself first (an acknowledged run), else None."""
    try:
        status = process.wait(timeout=delay)
        return status
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        return None


def restart_is_ready(ctx, path, outcome, label):
    server = Server(ctx.binary, os.path.dirname(path), path, name=f"restart-{label}")
    try:
        server.start(timeout=60)
    except Exception as error:  # ScenarioFailure: the restart is what is being judged
        outcome.failures.append(f"{label}: the restart failed: {error}")
        return
    ready = fetch(server.port, "/readyz").status
    outcome.check(ready == 200, f"{label}: /readyz answered {ready} after the restart")
    status = server.stop()
    outcome.check(status == 0, f"{label}: the restarted server gave {describe_status(status)}")


def kill_during_seed(ctx):
    """Seeding a fresh database (the bundled fixture, a larger one, or serve's own first-run
    seed), killed at a random moment."""
    outcome = Outcome("kill9seed")
    rng = random.Random()
    medium = ctx.big_fixture("m", 1500)
    kinds = {
        "seed bundled": lambda path: ["seed", "--database", path],
        "seed medium": lambda path: ["seed", "--database", path, medium],
        "serve first run": lambda path: ["serve", "--port", "0", "--database", path],
    }
    durations = {}
    for kind, make in kinds.items():
        path = os.path.join(ctx.scratch("kill9seed-timing"), f"{len(durations)}.sqlite")
        started = time.monotonic()
        if kind.startswith("serve"):
            # It migrates and seeds, then listens: the time to seed is the time to the banner.
            server = Server(ctx.binary, os.path.dirname(path), path, name="kill9seed-timing").start()
            durations[kind] = time.monotonic() - started
            server.stop()
        else:
            spawn(ctx, make(path)).wait(timeout=300)
            durations[kind] = time.monotonic() - started
    complete = set()
    tally = {"killed": 0, "finished": 0, "empty": 0, "whole": 0}
    for round_number in range(ctx.options.kills * len(kinds)):
        kind = list(kinds)[round_number % len(kinds)]
        path = os.path.join(ctx.scratch(f"kill9seed-{round_number}"), "sco.sqlite")
        process = spawn(ctx, kinds[kind](path))
        status = kill_at(process, rng.uniform(0.0, 1.1) * durations[kind])
        tally["killed" if status is None else "finished"] += 1
        label = f"round {round_number} ({kind})"
        if not os.path.exists(path):
            tally["empty"] += 1
            continue
        ok, detail = integrity(path)
        if not outcome.check(ok, f"{label}: {detail}"):
            continue
        try:
            checksum, events, states, search = dbtools.dataset_state(path)
        except Exception:  # the schema was not created yet: an empty file
            checksum, events, states, search = None, 0, 0, 0
        if checksum is None:
            outcome.check(events == 0 and states == 0 and search == 0, f"{label}: {events} events but no seed recorded")
            outcome.check(status != 0 or kind.startswith("serve"), f"{label}: acknowledged, yet nothing is there")
            tally["empty"] += 1
        else:
            complete.add((kind.split()[-1], events, states, search))
            tally["whole"] += 1
        restart_is_ready(ctx, path, outcome, label)
    outcome.check(len({c[1:] for c in complete if c[0] != "medium"}) <= 1 and
                  len({c[1:] for c in complete if c[0] == "medium"}) <= 1,
                  f"different contents for the same fixture: {complete}")
    outcome.figures["rounds"] = sum(tally[k] for k in ("killed", "finished"))
    outcome.figures["killed mid-way"] = tally["killed"]
    outcome.figures["left empty/whole"] = f"{tally['empty']}/{tally['whole']}"
    outcome.figures["seed times s"] = " ".join(f"{k.split()[-1]}:{v:.2f}" for k, v in durations.items())
    return outcome


def kill_during_write(ctx):
    outcome = Outcome("kill9write")
    _kill_during_reseed(ctx, outcome)
    _kill_during_posts(ctx, outcome)
    return outcome


def _kill_during_reseed(ctx, outcome):
    """`seed --replace` swapping two large fixtures, killed at random moments."""
    rng = random.Random()
    fixtures = {"a": ctx.big_fixture("a", 3000), "b": ctx.big_fixture("b", 3007)}
    path = os.path.join(ctx.scratch("kill9write"), "sco.sqlite")
    shutil.copyfile(ctx.seeded, path)
    started = time.monotonic()
    status = spawn(ctx, ["seed", "--replace", "--database", path, fixtures["a"]]).wait(timeout=300)
    duration = time.monotonic() - started
    if not outcome.check(status == 0, f"the first seed of fixture a failed: {describe_status(status)}"):
        return
    seen = {"a": dbtools.dataset_state(path)}
    acknowledged = "a"
    killed = 0
    for round_number in range(ctx.options.kills):
        target = "b" if acknowledged == "a" else "a"
        process = spawn(ctx, ["seed", "--replace", "--database", path, fixtures[target]])
        status = kill_at(process, rng.uniform(0.1, 1.1) * duration)
        killed += status is None
        label = f"reseed round {round_number}"
        ok, detail = integrity(path)
        if not outcome.check(ok, f"{label}: {detail}"):
            return
        state = dbtools.dataset_state(path)
        holds = "a" if state[1] == 3000 + 15 else "b" if state[1] == 3007 + 15 else None
        outcome.check(holds in (acknowledged, target), f"{label}: holds {state}, neither fixture whole")
        if status == 0:
            outcome.check(holds == target, f"{label}: seed of {target} was acknowledged but the file holds {holds}")
        elif status is not None:
            outcome.failures.append(f"{label}: seed ended with {describe_status(status)}")
        if holds is not None:
            outcome.check(seen.setdefault(holds, state) == state, f"{label}: fixture {holds} reads back differently")
            acknowledged = holds
        restart_is_ready(ctx, path, outcome, label)
    outcome.figures["reseeds"] = ctx.options.kills
    outcome.figures["killed mid-seed"] = killed
    outcome.figures["reseed s"] = f"{duration:.2f}"


def _kill_during_posts(ctx, outcome):
    """Four writers POSTing events while the server is killed; every 201 must survive."""
    rng = random.Random()
    path = os.path.join(ctx.scratch("kill9posts"), "sco.sqlite")
    shutil.copyfile(ctx.seeded, path)
    env = dbtools.WRITE_ENV
    server = Server(ctx.binary, os.path.dirname(path), path, name="posts", env=env).start()
    if not dbtools.has_write_api(server.port):
        outcome.figures["write API"] = "not in this build (POST /v1/timeline is 405)"
        server.stop()
        return
    acknowledged = []
    lock = threading.Lock()
    for round_number in range(ctx.options.kills):
        stop = threading.Event()

        def writer(tag, port):
            number = 0
            while not stop.is_set():
                number += 1
                event_id = f"torture-{tag}-{number}"
                try:
                    response = dbtools.post_event(port, event_id)
                except (OSError, ValueError):
                    continue
                if response.status == 201:
                    with lock:
                        acknowledged.append(event_id)

        threads = [threading.Thread(target=writer, args=(f"r{round_number}w{w}", server.port)) for w in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(0.3, 1.5))  # the moment of the kill, not a synchronisation
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=10)
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        ok, detail = integrity(path)
        if not outcome.check(ok, f"posts round {round_number}: {detail}"):
            return
        server = Server(ctx.binary, os.path.dirname(path), path, name="posts", env=env).start()
        missing = [i for i in acknowledged if fetch(server.port, f"/v1/timeline/{i}").status != 200]
        outcome.check(not missing, f"posts round {round_number}: {len(missing)} acknowledged events lost, e.g. {missing[:3]}")
    status = server.stop()
    outcome.check(status == 0, f"the last restarted server gave {describe_status(status)}")
    outcome.figures["write API kills"] = ctx.options.kills
    outcome.figures["acknowledged POSTs"] = len(acknowledged)
