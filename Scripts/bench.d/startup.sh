# Scripts/bench startup: process start to first 200, timed by first200.py (sub-millisecond polls).
#
# sco-api: "seeded" starts on a database an earlier start already migrated and seeded; "cold"
# starts with no database file, so it migrates and seeds before serving. Peers for context.
# sco-api's own "startupUs" log field is recorded beside the outside measurement.

startup_once() {  # $1 = label, $2 = server, $3 = path: one timed start; appends to startup.tsv
  local label=$1 s=$2 path=$3 port=$((BASE_PORT + 10)) out slog
  slog="$LOGS/startup-$label.log"; : >"$slog"
  out=$(python3 "$BENCH_D/first200.py" --port "$port" --path "$path" --timeout 60 --log "$slog" -- \
      $(startup_cmd "$s" "$port"))
  local ms own
  ms=$(grep -o 'first200_ms=[^ ]*' <<<"$out" | cut -d= -f2)
  own=$(grep -o '"startupUs":[0-9]*' "$slog" | head -1 | cut -d: -f2)
  printf '%s\t%s\t%s\t%s\n' "$label" "$path" "$ms" "${own:-}" >>"$RES/startup.tsv"
}

startup_cmd() {  # $1 = server, $2 = port
  case $1 in
    sco-api) echo "$SCO_API_BIN" "$(sco_api_args "$2" "$WORK/startup/sco.sqlite")" ;;
    *) server_cmd "$1" "$2" ;;
  esac
}

do_startup() {
  need_tools python3
  rm -f "$RES/startup.tsv"
  mkdir -p "$WORK/startup"
  port_free $((BASE_PORT + 10)) || die "port $((BASE_PORT + 10)) is in use"
  local i s path=/v1/member-states
  [[ -s $RES/origin.tsv && $(body_origin member-states) == SAMPLE ]] && path=/healthz
  if [[ -x $SCO_API_BIN ]]; then
    log "sco-api cold start (no database) x$STARTUP_REPS, then seeded x$STARTUP_REPS; first 200 from $path"
    for i in $(seq "$STARTUP_REPS"); do
      rm -f "$WORK/startup/sco.sqlite"*
      startup_once sco-api-cold sco-api "$path"
    done
    for i in $(seq "$STARTUP_REPS"); do startup_once sco-api-seeded sco-api "$path"; done
  fi
  [[ -s $WORK/bodies/member-states.json ]] || return 0
  for s in $PEERS; do
    available "$s" || continue
    log "$s start x$STARTUP_REPS"
    for i in $(seq "$STARTUP_REPS"); do startup_once "$s" "$s" /v1/member-states; done
  done
}
