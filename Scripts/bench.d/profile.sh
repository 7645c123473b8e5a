# Scripts/bench profile: where sco-api's time goes on a hot path (issue 7, item 3).
#
# PROFILE_PATH [/v1/member-states, or /v1 while that is not served] under wrk:
#   perf      perf record -g (software cpu-clock: this VM has no hardware counters) on the
#             release binary for PROFILE_SECONDS [10] at 64 connections; flat profile by symbol.
#   callgrind valgrind --tool=callgrind with one event-loop thread, driven for PROFILE_SECONDS
#             at 8 connections (about 50x slower under valgrind); instruction counts by function.
#             Counts are repeatable whatever else the machine does.
# Output: $RESULTS/profile-perf.txt and profile-callgrind.txt, symbols demangled.

profile_path() {
  if [[ -n ${PROFILE_PATH:-} ]]; then echo "$PROFILE_PATH"
  elif [[ -s $RES/origin.tsv && $(body_origin member-states) == sco-api ]]; then echo /v1/member-states
  else echo /v1; fi
}

demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else swift demangle --simplified; fi; }

do_profile() {
  need_tools wrk valgrind
  [[ -x $SCO_API_BIN ]] || die "no sco-api binary at $SCO_API_BIN (run: Scripts/bench build)"
  prepare_db
  make_lua
  local port path secs=${PROFILE_SECONDS:-10} pid
  port=$(port_of sco-api); path=$(profile_path)
  port_free "$port" || die "port $port is in use"

  if command -v perf >/dev/null; then
    log "perf: sco-api $path, wrk -c64 for ${secs}s"
    perf record -F 999 -g -o "$WORK/perf.data" -- "$SCO_API_BIN" $(sco_api_args "$port" "$WORK/db/cached.sqlite") \
        >>"$LOGS/profile-perf.log" 2>&1 &
    pid=$!
    if wait_status "http://$HOST:$port/healthz" 60; then
      wrk -t1 -c64 -d"${secs}s" -s "$WORK/lua/-.lua" "http://$HOST:$port$path" >"$LOGS/profile-perf-wrk.txt" 2>&1
    fi
    pkill -TERM -P "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    { echo "# perf record -F 999 -g, $path at 64 connections for ${secs}s: self time by symbol"
      grep '^BENCH' "$LOGS/profile-perf-wrk.txt"
      perf report -i "$WORK/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null \
          | grep -v '^#' | grep -v '^$' | sed -E 's/[[:space:]]+-[[:space:]]+-[[:space:]]*$//' | head -40 | demangle
    } >"$RES/profile-perf.txt"
  else
    log "perf not installed (Debian: linux-perf); perf profile skipped"
  fi

  log "callgrind: sco-api $path with one loop thread, wrk -c8 for ${secs}s"
  rm -f "$WORK"/callgrind.out.*
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out.%p" \
      "$SCO_API_BIN" serve --host "$HOST" --port "$port" --database "$WORK/db/cached.sqlite" --access-log off --threads 1 \
      >>"$LOGS/profile-callgrind.log" 2>&1 &
  pid=$!
  if wait_status "http://$HOST:$port/healthz" 120; then
    wrk -t1 -c8 -d"${secs}s" -s "$WORK/lua/-.lua" "http://$HOST:$port$path" >"$LOGS/profile-callgrind-wrk.txt" 2>&1
  fi
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  { echo "# valgrind --tool=callgrind, $path, --threads 1, wrk -c8 for ${secs}s: self instructions by function"
    grep '^BENCH' "$LOGS/profile-callgrind-wrk.txt"
    callgrind_annotate "$WORK"/callgrind.out.* 2>/dev/null | head -60 | demangle
  } >"$RES/profile-callgrind.txt"
  log "profiles: $RES/profile-perf.txt $RES/profile-callgrind.txt"
}
