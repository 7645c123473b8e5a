# Scripts/bench throughput: every server side by side under wrk, repetitions interleaved.
#
# A case is "scenario server route lua". All servers run at once on their own ports; each
# repetition walks every scenario, connection count and case in turn, so slow drift of the
# machine's speed spreads over all servers instead of favouring whichever ran first.

all_cases() {  # $1 = scenario: prints every case of it
  local sc=$1 p=/per-request s
  case $sc in
    member-states)
      echo "$sc sco-api /v1/member-states -"
      echo "$sc sco-api-nocache /v1/member-states -"
      echo "$sc nginx /v1/member-states -"
      for s in hummingbird flyingfox vapor; do
        echo "$sc $s /v1/member-states -"
        echo "$sc $s $p/v1/member-states -"
      done ;;
    index)  # sco-api's link index: served today, so it measures the HTTP core while data routes land
      echo "$sc sco-api /v1 -"
      echo "$sc nginx /v1 -"
      for s in hummingbird flyingfox vapor; do echo "$sc $s /v1 -"; done ;;
    compressed)  # Accept-Encoding: gzip, br; nginx answers with gzip_static's .gz (it has no br)
      echo "$sc sco-api /v1/member-states compressed"
      echo "$sc nginx /v1/member-states compressed"
      echo "$sc sco-api /v1/timeline compressed"
      echo "$sc nginx /v1/timeline compressed" ;;
    pipelined)  # 16 requests written at a time on each connection (pipeline.lua)
      echo "$sc sco-api /v1/member-states pipeline"
      echo "$sc nginx /v1/member-states pipeline" ;;
    html)  # the HTML face beside the same resource's JSON, all of sco-api's own; uncached `/` for its CPU per page
      echo "$sc sco-api /v1/member-states -"
      echo "$sc sco-api /v1/member-states?format=html -"
      echo "$sc sco-api /v1/timeline -"
      echo "$sc sco-api /v1/timeline?format=html -"
      echo "$sc sco-api /?format=html -"
      echo "$sc sco-api-nocache /?format=html -" ;;
    search|timeline)
      echo "$sc sco-api /v1/$sc vary-$sc"
      echo "$sc sco-api-nocache /v1/$sc vary-$sc"
      for s in hummingbird flyingfox vapor; do echo "$sc $s $p/v1/$sc vary-$sc"; done ;;
    *) die "unknown scenario $sc (member-states, search, timeline, index, html, compressed, pipelined)" ;;
  esac
}

cases() {  # $1 = scenario: the cases whose server is running and whose body sco-api serves
  local sc s route lua
  while read -r sc s route lua; do
    [[ -n ${PIDS[$s]:-} ]] || continue
    [[ $s == sco-api* && $(body_origin "$sc") == SAMPLE ]] && continue
    echo "$sc $s $route $lua"
  done < <(all_cases "$1")
}

make_lua() {  # the wrk scripts: report.lua alone, or a request generator followed by it
  mkdir -p "$WORK/lua"
  cp "$BENCH_D/report.lua" "$WORK/lua/-.lua"
  local v
  for v in vary-search vary-timeline compressed pipeline; do cat "$BENCH_D/$v.lua" "$BENCH_D/report.lua" >"$WORK/lua/$v.lua"; done
}

run_wrk() {  # $1 scenario $2 server $3 route $4 lua $5 connections $6 rep ("warmup": not recorded)
  local sc=$1 s=$2 route=$3 lua=$4 conns=$5 rep=$6 out stopf rssf sampler
  local url="http://$HOST:$(port_of "$s")$route" threads=$WRK_THREADS
  local -a pids
  (( conns < threads )) && threads=$conns
  read -r -a pids <<<"$(server_pids "$s")"
  out="$LOGS/wrk-$sc-$s-${route//\//_}-c$conns-$rep.txt"
  stopf="$WORK/.rss-stop"; rssf="$WORK/.rss-max"; rm -f "$stopf" "$rssf"
  [[ $rep != warmup ]] && wait_quiet

  # RSS sampler: every 0.5 s until told to stop; keeps the maximum
  ( max=0; while [[ ! -e $stopf ]]; do v=$(rss_kb "${pids[@]}"); (( v > max )) && max=$v; sleep 0.5; done
    echo "$max" >"$rssf" ) &
  sampler=$!

  local srv0 sys0 srv1 sys1 dur=$DURATION
  [[ $rep == warmup ]] && dur=$WARMUP
  srv0=$(cpu_ticks "${pids[@]}"); sys0=$(sys_ticks)
  /usr/bin/time -f 'TIME %U %S %e' -o "$out.time" \
      timeout $((dur + 30)) wrk -t"$threads" -c"$conns" -d"${dur}s" --latency -s "$WORK/lua/$lua.lua" "$url" >"$out" 2>&1
  srv1=$(cpu_ticks "${pids[@]}"); sys1=$(sys_ticks)
  touch "$stopf"; wait "$sampler"
  [[ $rep == warmup ]] && return 0

  local alive=yes line
  kill -0 "${pids[0]}" 2>/dev/null || alive=no
  line=$(grep '^BENCH' "$out")
  if [[ -z $line ]]; then
    log "$s $route c$conns rep $rep: wrk produced no result (server alive: $alive)"
    printf '%s\t%s\t%s\t%s\t%s\tFAILED\talive=%s\n' "$sc" "$s" "$route" "$conns" "$rep" "$alive" >>"$RES/runs.tsv"
    return 1
  fi
  local wu ws we i0 st0 i1 st1
  read -r _ wu ws we < <(grep '^TIME' "$out.time")
  read -r i0 st0 <<<"$sys0"; read -r i1 st1 <<<"$sys1"
  python3 - "$sc" "$s" "$route" "$conns" "$rep" "$line" "$wu" "$ws" "$we" "$srv0" "$srv1" \
      "$i0" "$st0" "$i1" "$st1" "$(getconf CLK_TCK)" "$(nproc)" "$(cat "$rssf")" "$alive" >>"$RES/runs.tsv" <<'PY'
import sys
(sc, s, route, conns, rep, line, wu, ws, we, srv0, srv1, i0, st0, i1, st1, hz, ncpu, rss, alive) = sys.argv[1:]
kv = dict(x.split("=") for x in line.split()[1:])
req, dur = int(kv["requests"]), int(kv["duration_us"]) / 1e6
hz, ncpu, wall = int(hz), int(ncpu), float(we)
wrk_cpu = 100 * (float(wu) + float(ws)) / wall       # all CPU figures: % of one core over wrk's wall time
srv_cpu = 100 * (int(srv1) - int(srv0)) / hz / wall
steal = 100 * (int(st1) - int(st0)) / hz / wall
busy = 100 * ncpu - 100 * (int(i1) - int(i0)) / hz / wall - steal
sockerr = sum(int(kv[k]) for k in ("connect", "read", "write", "timeout"))
print("\t".join(map(str, [sc, s, route, conns, rep, f"{req / dur:.0f}",
      f"{int(kv['p50_us']) / 1000:.3f}", f"{int(kv['p99_us']) / 1000:.3f}", f"{int(kv['max_us']) / 1000:.3f}",
      sockerr, kv["status"], f"{wrk_cpu:.0f}", f"{srv_cpu:.0f}", f"{busy - wrk_cpu - srv_cpu:.0f}",
      f"{steal:.1f}", rss, alive, f"{int(kv['bytes']) / max(req, 1):.0f}"])))
PY
}

ensure_running() {  # $1 = server: restart it (once per call) if something ended it mid-run
  kill -0 "${PIDS[$1]}" 2>/dev/null && return 0
  log "$1 is no longer running (see $LOGS/$1.log); restarting it"
  printf '%s\trestarted\t%s\n' "$1" "$(date -u +%FT%TZ)" >>"$RES/restarts.tsv"
  wait "${PIDS[$1]}" 2>/dev/null
  unset "PIDS[$1]"
  start_server "$1"
}

do_throughput() {
  need_tools wrk nginx curl python3 /usr/bin/time
  [[ -x $SCO_API_BIN ]] || log "no sco-api binary at $SCO_API_BIN (run: Scripts/bench build); only the peers are measured"
  rm -f "$RES/runs.tsv" "$RES/verify.tsv" "$RES/restarts.tsv" "$RES/after-load.tsv"
  write_env
  make_lua
  if [[ -x $SCO_API_BIN ]]; then
    prepare_db
    start_server sco-api || die "sco-api did not start"
    fetch_bodies
    start_server sco-api-nocache || log "sco-api-nocache did not start"
  else
    : >"$RES/origin.tsv"
    local n; for n in member-states timeline search index; do printf '%s\tSAMPLE\tno sco-api binary\n' "$n" >>"$RES/origin.tsv"; done
    mkdir -p "$WORK/bodies"
    python3 "$BENCH_D/sample_bodies.py" "$FIXTURE" "$WORK/bodies" member-states timeline search index
  fi
  local s
  for s in $PEERS; do start_server "$s" || true; done
  log "running: ${!PIDS[*]}"

  local sc s route lua conns rep name
  for sc in $SCENARIOS; do
    while read -r _ s route lua; do
      name=$sc
      # compressed, pipelined and html reuse another scenario's body: the one of the route's path
      [[ $sc == compressed || $sc == pipelined || $sc == html ]] && { name=${route%%\?*}; name=${name##*/}; }
      verify_case "$s" "$route" "$name" || log "$s $route: response check FAILED (see $RES/verify.tsv)"
      DURATION=$WARMUP run_wrk "$sc" "$s" "$route" "$lua" 64 warmup
    done < <(cases "$sc")
  done
  for rep in $(seq "$REPS"); do
    for sc in $SCENARIOS; do
      for conns in $CONNECTIONS; do
        while read -r _ s route lua; do
          log "rep $rep/$REPS $sc c$conns: $s $route"
          ensure_running "$s" || continue
          run_wrk "$sc" "$s" "$route" "$lua" "$conns" "$rep"
        done < <(cases "$sc")
      done
    done
  done
  for s in "${!PIDS[@]}"; do
    local -a pids; read -r -a pids <<<"$(server_pids "$s")"
    printf '%s\tafter_load_rss_kb\t%s\talive\t%s\n' "$s" "$(rss_kb "${pids[@]}")" \
        "$(kill -0 "${PIDS[$s]}" 2>/dev/null && echo yes || echo no)" >>"$RES/after-load.tsv"
  done
  stop_all
}
