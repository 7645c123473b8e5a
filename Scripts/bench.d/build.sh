# Scripts/bench build: release binaries of sco-api and of the peers, timed.

build_one() {  # $1 = label, then the command; appends "label seconds rc" to build-times.tsv
  local label=$1 t0 rc; shift
  log "build $label: $*"
  t0=$(now_ns)
  timeout "$BUILD_TIMEOUT" nice -n 19 "$@" >>"$LOGS/build-$label.log" 2>&1
  rc=$?
  printf '%s\t%s\t%s\n' "$label" "$(( ($(now_ns) - t0) / 1000000000 ))" "$rc" >>"$RES/build-times.tsv"
  (( rc == 0 )) || log "build $label failed (rc $rc); see $LOGS/build-$label.log"
  return "$rc"
}

do_build() {
  need_tools swift
  : >"$RES/build-times.tsv"
  if [[ -n ${SCO_API_PREBUILT:-} ]]; then
    log "using the prebuilt $SCO_API_BIN"
  else
    build_one sco-api swift build -c release --package-path "$SCO_API_SRC" --product sco-api || true
  fi
  local s product
  for s in $PEERS; do
    case $s in hummingbird) product=hb-peer ;; flyingfox) product=ff-peer ;; vapor) product=vapor-peer ;; *) continue ;; esac
    build_one "$product" swift build -c release --package-path "$ROOT/Benchmarks" --scratch-path "$PEER_BUILD" \
        --product "$product" || true
  done
}
