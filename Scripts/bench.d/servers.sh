# Scripts/bench: the servers under test. Starting, stopping, the database, the bodies, checks.
#
# Names: sco-api (response cache on), sco-api-nocache (--response-cache-entries 0), hummingbird,
# flyingfox, vapor, nginx. Each has its own port on 127.0.0.1, so all can run side by side.

declare -A PIDS=()

port_of() {
  case $1 in
    sco-api) echo "$BASE_PORT" ;;
    sco-api-nocache) echo $((BASE_PORT + 1)) ;;
    hummingbird) echo $((BASE_PORT + 2)) ;;
    flyingfox) echo $((BASE_PORT + 3)) ;;
    vapor) echo $((BASE_PORT + 4)) ;;
    nginx) echo $((BASE_PORT + 5)) ;;
    sco-api-scale) echo $((BASE_PORT + 6)) ;;
    *) die "unknown server $1" ;;
  esac
}

peer_bin() {  # $1 = hummingbird | flyingfox | vapor
  case $1 in hummingbird) echo "$PEER_BUILD/release/hb-peer" ;; flyingfox) echo "$PEER_BUILD/release/ff-peer" ;;
             vapor) echo "$PEER_BUILD/release/vapor-peer" ;; esac
}

sco_api_args() {  # $1 = port, $2 = database, then extra flags: the serve command line
  local port=$1 db=$2; shift 2
  echo serve --host "$HOST" --port "$port" --database "$db" --access-log off $(rate_limit_off) ${THREADS:+--threads "$THREADS"} "$@"
}

server_cmd() {  # $1 = server, $2 = port: prints the command line (words) that starts it in the foreground
  local s=$1 port=$2
  case $s in
    sco-api) echo "$SCO_API_BIN" "$(sco_api_args "$port" "$WORK/db/cached.sqlite")" ;;
    sco-api-nocache) echo "$SCO_API_BIN" "$(sco_api_args "$port" "$WORK/db/nocache.sqlite" --response-cache-entries 0)" ;;
    hummingbird|flyingfox) echo "$(peer_bin "$s")" "$port" "$WORK/bodies" ;;
    vapor) echo env PEER_BODIES="$WORK/bodies" "$(peer_bin vapor)" serve --env production --hostname "$HOST" --port "$port" ;;
    nginx) prepare_nginx "$port"; echo nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" ;;
  esac
}

available() {  # $1 = server: true when its binary exists
  case $1 in
    sco-api|sco-api-nocache) [[ -x $SCO_API_BIN ]] ;;
    nginx) command -v nginx >/dev/null ;;
    *) [[ -x $(peer_bin "$1") ]] ;;
  esac
}

start_server() {  # $1 = server; records its pid in PIDS and waits for a 200 from its ready path
  local s=$1 port; port=$(port_of "$1")
  available "$s" || { log "$s: not built; skipped"; return 1; }
  port_free "$port" || { log "$s: port $port is in use; skipped"; return 1; }
  # shellcheck disable=SC2046  # the command line is a list of words without spaces
  $(server_cmd "$s" "$port") >>"$LOGS/$s.log" 2>&1 &
  PIDS[$s]=$!
  if ! wait_status "http://$HOST:$port$(ready_path "$s")" 60; then
    log "$s: no 200 from $(ready_path "$s") within 60 s (see $LOGS/$s.log)"
    stop_server "$s"
    return 1
  fi
}

ready_path() { case $1 in sco-api*) echo /healthz ;; *) echo /v1/member-states ;; esac; }

stop_server() {  # $1 = server: SIGTERM, then SIGKILL after 10 s
  local s=$1 pid=${PIDS[$1]:-}
  [[ -z $pid ]] && return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  unset "PIDS[$s]"
}

stop_all() { local s; for s in "${!PIDS[@]}"; do stop_server "$s"; done; }

server_pids() {  # $1 = server: its pid plus direct children (nginx workers)
  local pid=${PIDS[$1]:-}
  [[ -n $pid ]] && echo "$pid" $(pgrep -P "$pid" 2>/dev/null)
}

prepare_nginx() {  # $1 = port
  mkdir -p "$WORK/nginx/tmp" "$WORK/nginx/logs"
  sed -e "s#@WORK@#$WORK#g" -e "s#@PORT@#$1#g" -e "s#@BODIES@#$WORK/bodies#g" \
      "$BENCH_D/nginx.conf.in" >"$WORK/nginx/nginx.conf"
  local body
  for body in "$WORK"/bodies/*.json; do gzip -9 -n -c "$body" >"$body.gz"; done
  chmod -R a+rX "$WORK/bodies"
}

prepare_db() {  # a database sco-api migrated (and seeded, once it seeds) itself: $WORK/db/sco.sqlite
  mkdir -p "$WORK/db"
  if [[ ! -s $WORK/db/sco.sqlite || ${FRESH_DB:-0} == 1 ]]; then
    rm -f "$WORK/db/sco.sqlite"*
    log "preparing $WORK/db/sco.sqlite (sco-api migrates and seeds it)"
    "$SCO_API_BIN" $(sco_api_args "$(port_of sco-api)" "$WORK/db/sco.sqlite") >>"$LOGS/prepare-db.log" 2>&1 &
    local pid=$!
    wait_status "http://$HOST:$(port_of sco-api)/healthz" 60 || log "sco-api did not answer /healthz while preparing the database"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null
  fi
  local copy
  for copy in cached nocache; do
    rm -f "$WORK/db/$copy.sqlite"*
    cp "$WORK/db/sco.sqlite" "$WORK/db/$copy.sqlite"
    [[ -e $WORK/db/sco.sqlite-wal ]] && cp "$WORK/db/sco.sqlite-wal" "$WORK/db/$copy.sqlite-wal"
  done
  return 0
}

fetch_bodies() {  # every measured body from the running sco-api; a body it does not serve: SAMPLE
  local name path url code missing=()
  mkdir -p "$WORK/bodies"
  : >"$RES/origin.tsv"
  for name in member-states timeline search index; do
    path=$(body_path "$name"); url="http://$HOST:$(port_of sco-api)$path"
    code=$(curl -s -o "$WORK/bodies/$name.json" -w '%{http_code}' --max-time 10 "$url" 2>/dev/null)
    if [[ $code == 200 ]]; then
      printf '%s\tsco-api\t%s\t%s\n' "$name" "$path" "$(wc -c <"$WORK/bodies/$name.json")" >>"$RES/origin.tsv"
    else
      missing+=("$name")
      printf '%s\tSAMPLE\t%s (sco-api answered %s)\n' "$name" "$path" "$code" >>"$RES/origin.tsv"
    fi
  done
  if ((${#missing[@]})); then
    log "sco-api does not serve ${missing[*]} yet: the peers get stand-in bodies built from the fixture (marked SAMPLE)"
    python3 "$BENCH_D/sample_bodies.py" "$FIXTURE" "$WORK/bodies" "${missing[@]}"
  fi
  log "bodies: $(cut -f1,2 "$RES/origin.tsv" | tr '\t\n' '= ')"
}

body_path() {  # $1 = body name: the sco-api request whose response is that body
  case $1 in member-states) echo /v1/member-states ;; timeline) echo /v1/timeline ;; search) echo "/v1/search?q=Georgia" ;; index) echo /v1 ;; esac
}

body_origin() { awk -F'\t' -v n="$1" '$1 == n {print $2}' "$RES/origin.tsv"; }

verify_case() {  # $1 server $2 route $3 body name: status, headers and body against the body file
  local s=$1 route=$2 name=$3 url out hdr check model=""
  url="http://$HOST:$(port_of "$s")$route"
  [[ $route == */search ]] && url+="?q=Georgia"
  out=$(curl -s -D "$WORK/hdr.txt" -o "$WORK/body.out" -w '%{http_code} %{size_header} %{size_download}' "$url")
  hdr=$(tr -d '\r' <"$WORK/hdr.txt" | grep -i '^content-type:' | cut -d' ' -f2- | head -1)
  if [[ ${out%% *} != 200 ]]; then
    check=FAIL
  elif [[ $route == *format=html* ]]; then
    check=html  # a page, not a body any peer serves
  elif cmp -s "$WORK/body.out" "$WORK/bodies/$name.json"; then
    check=identical
  elif python3 "$BENCH_D/json_same.py" "$WORK/body.out" "$WORK/bodies/$name.json"; then
    check=equivalent
  else
    check=FAIL
  fi
  if [[ $route == /per-request/* ]]; then
    model=$(curl -s "http://$HOST:$(port_of "$s")/peer-info" | grep -o "$name=[a-z]*" | cut -d= -f2)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$route" "$check" "$out" "$hdr" "$model" >>"$RES/verify.tsv"
  [[ $check != FAIL ]]
}
