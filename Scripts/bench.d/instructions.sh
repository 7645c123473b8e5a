# Scripts/bench instructions: callgrind instructions per request on the uncached paths, and on
# the cached member-states list as it is and compressed.
#
# The release binary runs under valgrind --tool=callgrind with one event-loop thread, the
# response cache off and no access log (INSTRUCTION_ACCESS_LOG=on: with it, its lines going to
# the log file). A client (instructions_client.py) sends WARM requests on one keep-alive
# connection, has callgrind zero its counters, sends COUNT more, and dumps
# them; the dump's total over COUNT is the figure. The search cycles through the terms of
# vary-search.lua and the timeline through the filters of vary-timeline.lua, as wrk does.
# Instruction counts do not depend on what else the machine runs, so two builds compare
# exactly. Output: $RESULTS/instructions.tsv (scenario, instructions per request).

do_instructions() {
  need_tools valgrind callgrind_control python3
  [[ -x $SCO_API_BIN ]] || die "no sco-api binary at $SCO_API_BIN (run: Scripts/bench build)"
  prepare_db
  local port pid scenario out=$RES/instructions.tsv
  port=$(port_of sco-api)
  port_free "$port" || die "port $port is in use"
  : >"$out"
  for scenario in ${INSTRUCTION_SCENARIOS:-search timeline member-states member-states-br}; do
    rm -f "$WORK"/callgrind.req.*
    # member-states*: the cached path, as a repeated read meets it; the others uncached.
    local cache=(--response-cache-entries 0)
    [[ $scenario == member-states* ]] && cache=()
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.req.%p" \
        "$SCO_API_BIN" serve --host "$HOST" --port "$port" --database "$WORK/db/cached.sqlite" \
        --access-log "${INSTRUCTION_ACCESS_LOG:-off}" $(rate_limit_off) --threads 1 "${cache[@]}" >>"$LOGS/instructions.log" 2>&1 &
    pid=$!
    if wait_status "http://$HOST:$port/healthz" 120; then
      python3 "$BENCH_D/instructions_client.py" --port "$port" --scenario "$scenario" \
          --pid "$pid" --bench-dir "$BENCH_D" --dump-dir "$WORK" --warm "${INSTRUCTION_WARM:-48}" --count "${INSTRUCTION_COUNT:-480}" \
          >>"$out" || log "instructions: $scenario failed"
    fi
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  done
  log "instructions per request: $out"
  cat "$out"
}
