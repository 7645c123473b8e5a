# Scripts/bench scale: sco-api on a database with SCALE_EVENTS synthetic timeline events.
#
# The large database is a copy of the one sco-api migrated and seeded, plus synth_events.py's
# rows; it is kept in $WORK/scale and reused by later runs (SCALE_REGEN=1 builds it anew).
# sco-api serves it with the response cache off, so every request reaches SQLite; scale_probe.py
# then times first vs last page, filtered queries and searches. EXPLAIN QUERY PLAN of the query
# shapes in scale-queries.sql shows which indexes SQLite picks on this data.

scale_db() {  # prints the path of the large database, building it if needed
  local db="$WORK/scale/events-$SCALE_EVENTS.sqlite"
  mkdir -p "$WORK/scale"
  if [[ ! -s $db || ${SCALE_REGEN:-0} == 1 ]]; then
    [[ -s $WORK/db/sco.sqlite ]] || prepare_db >&2
    rm -f "$db"* "$db.tmp"*
    cp "$WORK/db/sco.sqlite" "$db.tmp"
    [[ -e $WORK/db/sco.sqlite-wal ]] && cp "$WORK/db/sco.sqlite-wal" "$db.tmp-wal"
    log "generating $SCALE_EVENTS synthetic events into $db (takes minutes; reused by later runs)"
    timeout 1800 nice -n 10 python3 "$BENCH_D/synth_events.py" "$db.tmp" "$SCALE_EVENTS" "$FIXTURE" \
        | tee -a "$RES/scale-generate.txt" >&2 || die "generating the large database failed"
    mv "$db.tmp" "$db"
    rm -f "$db.tmp-wal" "$db.tmp-shm"
  fi
  echo "$db"
}

explain_plans() {  # $1 = database: EXPLAIN QUERY PLAN and median time (3 runs) of each statement
  python3 - "$1" "$BENCH_D/scale-queries.sql" >"$RES/explain.txt" <<'PY'
import sqlite3, statistics, sys, time
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
name = None
for line in open(sys.argv[2]):
    line = line.strip()
    if line.startswith("-- name:"):
        name = line.split(":", 1)[1].strip()
    elif line and not line.startswith("--"):
        plan = [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + line)]
        times, rows = [], 0
        for _ in range(3):
            t0 = time.perf_counter()
            rows = len(con.execute(line).fetchall())
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{name}\t{line}\t" + " | ".join(plan) + f"\t{statistics.median(times):.3f}\t{rows}")
PY
}

do_scale() {
  need_tools python3
  [[ -x $SCO_API_BIN ]] || die "no sco-api binary at $SCO_API_BIN (run: Scripts/bench build)"
  rm -f "$RES/scale.tsv" "$RES/scale-memory.tsv"
  local db; db=$(scale_db)
  local port; port=$(port_of sco-api-scale)
  port_free "$port" || die "port $port is in use"
  log "sco-api on $(du -h "$db" | cut -f1) database, response cache off"
  "$SCO_API_BIN" $(sco_api_args "$port" "$db" --response-cache-entries 0) >>"$LOGS/sco-api-scale.log" 2>&1 &
  PIDS[sco-api-scale]=$!
  wait_status "http://$HOST:$port/healthz" 120 || { stop_server sco-api-scale; die "sco-api did not start on the large database"; }
  printf 'rest_rss_kb\t%s\n' "$(rss_kb "${PIDS[sco-api-scale]}")" >>"$RES/scale-memory.tsv"
  # After the server has started: it migrates the database to the schema the plans are about.
  explain_plans "$db"
  timeout 900 python3 "$BENCH_D/scale_probe.py" --port "$port" --out "$RES/scale.tsv" --limit "$SCALE_LIMIT" \
      --reps "$SCALE_REPS" --max-pages 20000 --max-seconds 300 2>&1 | tee -a "$LOGS/scale.txt" >&2
  printf 'after_rss_kb\t%s\n' "$(rss_kb "${PIDS[sco-api-scale]}")" >>"$RES/scale-memory.tsv"
  stop_server sco-api-scale
}
