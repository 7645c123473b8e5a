# Scripts/bench: settings, logging, /proc sampling and quiet-machine waiting.
# Sourced by Scripts/bench; every function here is side-effect free apart from the logs.

WORK=${WORK:-/tmp/sco-bench}
RES=${RESULTS:-$WORK/results}
LOGS="$WORK/logs"
HOST=127.0.0.1
PEERS=${PEERS:-"hummingbird flyingfox vapor nginx"}
SCENARIOS=${SCENARIOS:-"member-states search timeline index"}
CONNECTIONS=${CONNECTIONS:-"1 64 256"}
REPS=${REPS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
WRK_THREADS=${WRK_THREADS:-1}
QUIET_PCT=${QUIET_PCT:-25}
QUIET_MAX=${QUIET_MAX:-20}
STARTUP_REPS=${STARTUP_REPS:-5}
HOLD_COUNT=${HOLD_COUNT:-10000}
SCALE_EVENTS=${SCALE_EVENTS:-1000000}
SCALE_LIMIT=${SCALE_LIMIT:-100}
SCALE_REPS=${SCALE_REPS:-101}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-1800}
BASE_PORT=${BASE_PORT:-18700}
SCO_API_SRC=${SCO_API_SRC:-$ROOT}
[[ -n ${SCO_API_BIN:-} ]] && SCO_API_PREBUILT=1   # given: used as is, never rebuilt
SCO_API_BIN=${SCO_API_BIN:-$SCO_API_SRC/.build/release/sco-api}
PEER_BUILD=${PEER_BUILD:-$ROOT/Benchmarks/.build}
FIXTURE=${FIXTURE:-$ROOT/Fixtures/sco-dushanbe-2008.json}

now_ns() { date +%s%N; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$LOGS/run.log" >&2; }
die() { log "error: $*"; exit 1; }

need_tools() {  # $@ = commands that must exist
  local t
  for t in "$@"; do command -v "$t" >/dev/null || die "missing tool: $t (Debian: apt-get install wrk nginx curl jq time)"; done
}

rss_kb() {  # summed VmRSS (kB) of the given pids
  local total=0 p k v _
  for p in "$@"; do
    while read -r k v _; do
      [[ $k == VmRSS: ]] && { total=$((total + v)); break; }
    done <"/proc/$p/status" 2>/dev/null
  done
  echo "$total"
}

cpu_ticks() {  # summed utime+stime (clock ticks, all threads) of the given pids
  local total=0 p rest f
  for p in "$@"; do
    rest=$(cat "/proc/$p/stat" 2>/dev/null) || continue
    read -r -a f <<<"${rest##*) }"        # f[0] = field 3 (state); utime = f[11], stime = f[12]
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}

sys_ticks() {  # "idle steal" jiffies over all CPUs from /proc/stat (idle includes iowait)
  # Busy time is derived as (CPUs x wall) - idle - steal: tick-sampled busy fields miss
  # sub-tick bursts on a VM, while idle time is accounted exactly.
  local _ u n s i w irq sirq st
  read -r _ u n s i w irq sirq st _ </proc/stat
  echo "$((i + w)) $st"
}

busy_pct_1s() {  # busy CPU (steal excluded) over about one second, in % of one core
  local i0 st0 i1 st1 t0 t1 hz ncpu; hz=$(getconf CLK_TCK); ncpu=$(nproc)
  t0=$(now_ns); read -r i0 st0 <<<"$(sys_ticks)"
  sleep 1
  t1=$(now_ns); read -r i1 st1 <<<"$(sys_ticks)"
  echo $(( ncpu * 100 - ((i1 - i0) + (st1 - st0)) * 100 * 1000000000 / hz / (t1 - t0) ))
}

wait_quiet() {  # wait up to QUIET_MAX s until the machine is below QUIET_PCT % of a core busy
  local waited=0 busy
  while busy=$(busy_pct_1s); (( busy > QUIET_PCT )); do
    if (( waited >= QUIET_MAX )); then
      log "machine still busy (${busy}% of a core) after ${waited}s; measuring anyway"
      return 0
    fi
    (( waited == 0 )) && log "machine busy (${busy}% of a core); waiting for quiet"
    sleep 4; waited=$((waited + 5))
  done
  (( waited > 0 )) && log "quiet after ~${waited}s (busy ${busy}%)"
  return 0
}

port_free() {  # $1 = port; true when nothing listens on it
  ! ss -ltnH "sport = :$1" 2>/dev/null | grep -q .
}

http_status() {  # $1 = url; prints the status code (000 when nothing answers)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true
}

wait_status() {  # $1 = url, $2 = seconds; true once the url answers 200
  local deadline=$(( $(now_ns) + $2 * 1000000000 ))
  while (( $(now_ns) < deadline )); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null) == 200 ]] && return 0
    sleep 0.05
  done
  return 1
}

write_env() {  # the machine and tool versions, for the table's header
  {
    echo "date: $(date -u +%FT%TZ)"
    echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "kernel: $(uname -srm)"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)   nginx: $(nginx -v 2>&1 | cut -d: -f2 | tr -d ' ')"
    if [[ -n ${SCO_API_PREBUILT:-} ]]; then
      echo "sco-api: ${SCO_API_LABEL:-$SCO_API_BIN (prebuilt, $(date -u -r "$SCO_API_BIN" +%FT%TZ 2>/dev/null))}"
    else
      echo "sco-api: $(git -C "$SCO_API_SRC" log -1 --format='%h %s' 2>/dev/null)"
    fi
    echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "settings: duration=${DURATION}s reps=$REPS warmup=${WARMUP}s connections='$CONNECTIONS' wrk threads=$WRK_THREADS peers='$PEERS'"
  } >"$RES/env.txt"
}

# `--rate-limit off` when the sco-api binary has the flag (older builds, measured beside a new
# one, do not): a benchmark floods from one address, which the default quotas would refuse.
rate_limit_off() {
  local help; help=$("$SCO_API_BIN" serve --help 2>/dev/null)  # not piped into grep -q: pipefail
  if [[ $help == *"--rate-limit <"* ]]; then echo --rate-limit off; fi
}
