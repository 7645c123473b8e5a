# Scripts/bench memory: RSS at rest, and with HOLD_COUNT idle keep-alive connections held.
#
# Each server runs alone. At rest = 3 s after its first 200. Then hold_connections.py opens
# HOLD_COUNT connections, makes one request on each and holds them; RSS is read once all are
# held, and again 3 s after they are closed. nginx counts master and workers together.

measure_memory() {  # $1 = server
  local s=$1 port ready stop holder out
  port=$(port_of "$s")
  start_server "$s" || return 0
  local -a pids; read -r -a pids <<<"$(server_pids "$s")"
  sleep 3
  local rest; rest=$(rss_kb "${pids[@]}")
  ready="$WORK/.hold-ready"; stop="$WORK/.hold-stop"; out="$LOGS/hold-$s.txt"; rm -f "$ready" "$stop"
  python3 "$BENCH_D/hold_connections.py" --port "$port" --count "$HOLD_COUNT" --path "$(hold_path "$s")" \
      --ready-file "$ready" --stop-file "$stop" --hold-max 45 --timeout 120 >"$out" 2>&1 &
  holder=$!
  local waited=0
  while [[ ! -e $ready ]] && kill -0 "$holder" 2>/dev/null && (( waited < 1300 )); do sleep 0.1; waited=$((waited + 1)); done
  sleep 1
  read -r -a pids <<<"$(server_pids "$s")"
  local held established
  held=$(rss_kb "${pids[@]}")
  established=$(ss -tnH state established "( sport = :$port )" 2>/dev/null | wc -l)
  touch "$stop"; wait "$holder"
  sleep 3
  local after; after=$(rss_kb "${pids[@]}")
  local line still
  line=$(grep '^HELD' "$out" || echo "HELD 0 failed=? seconds=?")
  still=$(grep '^STILL_OPEN' "$out" | cut -d' ' -f2)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$rest" "$held" "$(cut -d' ' -f2 <<<"$line")" \
      "$(grep -o 'failed=[^ ]*' <<<"$line" | cut -d= -f2)" "$established" "${still:-?}" "$after" >>"$RES/memory.tsv"
  log "$s: rest $((rest / 1024)) MB, $HOLD_COUNT held $((held / 1024)) MB ($line, $established established), after $((after / 1024)) MB"
  stop_server "$s"
}

hold_path() {  # the one request each held connection makes: a body sco-api serves, else /healthz
  [[ $1 == sco-api* && $(body_origin member-states) == SAMPLE ]] && { echo /healthz; return; }
  echo /v1/member-states
}

do_memory() {
  need_tools python3 ss
  ulimit -n "$(ulimit -Hn)" 2>/dev/null
  (( $(ulimit -n) > HOLD_COUNT + 100 )) || log "ulimit -n is $(ulimit -n): too low to hold $HOLD_COUNT connections"
  rm -f "$RES/memory.tsv"
  [[ -s $WORK/bodies/member-states.json ]] || die "no bodies yet: run Scripts/bench throughput first"
  [[ -x $SCO_API_BIN ]] && prepare_db
  local s
  for s in sco-api $PEERS; do measure_memory "$s"; done
}
