#!/usr/bin/env python3
"""Add N synthetic timeline events to a copy of a seeded sco-api database.

    synth_events.py DATABASE N [FIXTURE_JSON]

Each event `synthetic-NNNNNNN` gets a day-precision date between 1900 and 2009 (so the real events
sit among them), a kind, two state actors and one region taken from the database (or from the
fixture if the database has none yet), and a title and summary with three kinds of search term:
`tagNNN` (each on 1/1000 of the events), `clusterN` (1/10) and `synthetic` (all). The FTS triggers
of Migrations/0001_initial.sql index them like real events. One transaction; prints the time taken.
Only for benchmarks: never point it at a database anyone uses.
"""
import datetime
import json
import sqlite3
import sys
import time

KINDS = ["military", "diplomatic", "summit", "declaration", "recognition", "ceasefire",
         "founding", "detention", "release"]
SOURCES = json.dumps([{"sourceId": "article-2008-08-28-sco-dushanbe", "quote": "Georgia"}])


def ids(con, sql, fixture_key, field, fixture):
    found = [r[0] for r in con.execute(sql)]
    if found:
        return found, "database"
    with open(fixture) as f:
        return [r[field] for r in json.load(f)[fixture_key]], "fixture"


def main():
    db, n = sys.argv[1], int(sys.argv[2])
    fixture = sys.argv[3] if len(sys.argv) > 3 else "Fixtures/sco-dushanbe-2008.json"
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")
    states, states_from = ids(con, "SELECT code FROM states ORDER BY code", "states", "code", fixture)
    regions, regions_from = ids(con, "SELECT id FROM regions ORDER BY id", "regions", "id", fixture)
    start = datetime.date(1900, 1, 1).toordinal()
    span = datetime.date(2009, 12, 31).toordinal() - start

    def events():
        for i in range(n):
            day = datetime.date.fromordinal(start + (i * 7919) % span).isoformat()
            tag, cluster = f"tag{i % 1000:03d}", f"cluster{i % 10}"
            yield (f"synthetic-{i:07d}", day, KINDS[i % len(KINDS)],
                   f"Synthetic event {i} {tag}",
                   f"A synthetic event for benchmarks, {tag} in {cluster}, generated to fill the timeline.",
                   SOURCES)

    def actors():
        for i in range(n):
            a, b = states[i % len(states)], states[(i * 7 + 3) % len(states)]
            yield (f"synthetic-{i:07d}", 0, a)
            if b != a:
                yield (f"synthetic-{i:07d}", 1, b)

    def regions_rows():
        for i in range(n):
            yield (f"synthetic-{i:07d}", regions[i % len(regions)], 0)

    t0 = time.monotonic()
    con.execute("BEGIN")
    con.executemany("INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources) "
                    "VALUES (?, ?, 'day', ?, ?, ?, ?)", events())
    con.executemany("INSERT INTO event_actors (event_id, position, state_code) VALUES (?, ?, ?)", actors())
    con.executemany("INSERT INTO event_regions (event_id, region_id, position) VALUES (?, ?, ?)", regions_rows())
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"synthetic={n} events_total={total} seconds={time.monotonic() - t0:.1f} "
          f"states_from={states_from} regions_from={regions_from}")


if __name__ == "__main__":
    main()
