# shellcheck shell=bash disable=SC2034 # (constants are used by the scripts that source this file)
# Helpers shared by the deploy/local/*.sh scripts. Source it, do not run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Everything downloaded or written at runtime lives under $LOCAL (= <repo>/.local, git-ignored).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"
DEPLOY_LOCAL="$ROOT/deploy/local"
export ROOT LOCAL DEPLOY_LOCAL
mkdir -p "$LOCAL"

# Versions and ports (the services' application.properties use the same ports). PG_PORT may be set to
# run the tests against another PostgreSQL cluster; the test broker's port is TEST_KAFKA_PORT.
KAFKA_VERSION="4.1.1"
KEYCLOAK_VERSION="26.5.6"
PG_PORT="${PG_PORT:-5432}"
KEYCLOAK_PORT=8180
# Three brokers: the local suite's (9092), the tests' own (9192), so that a test run never publishes on the
# topics the running suite consumes, and the benchmarks' (9592), whose hundreds of thousands of events would
# otherwise make every test that reads a topic from its start slow. kafka.sh picks one with
# KAFKA_INSTANCE=suite|test|bench.
KAFKA_INSTANCE="${KAFKA_INSTANCE:-suite}"
TEST_KAFKA_PORT="${TEST_KAFKA_PORT:-9192}"
BENCH_KAFKA_PORT="${BENCH_KAFKA_PORT:-9592}"
if [[ "$KAFKA_INSTANCE" == test ]]; then
  KAFKA_PORT="$TEST_KAFKA_PORT"
  KAFKA_DIR_NAME=kafka-test
elif [[ "$KAFKA_INSTANCE" == bench ]]; then
  KAFKA_PORT="$BENCH_KAFKA_PORT"
  KAFKA_DIR_NAME=kafka-bench
else
  KAFKA_PORT=9092
  KAFKA_DIR_NAME=kafka
fi
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))

# log "message": timestamped line on stderr, prefixed with the calling script's component name.
log() {
  local tag="${LOG_TAG:-$(basename "${BASH_SOURCE[1]:-$0}" .sh)}"
  printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$tag" "$*" >&2
}

warn() { log "WARNING: $*"; }

die() {
  log "ERROR: $*"
  exit 1
}

# now_s: seconds since epoch with millisecond precision (for timings).
now_s() { date +%s.%3N; }

# elapsed START: seconds (one decimal) since START (a now_s value).
elapsed() { awk -v s="$1" -v e="$(now_s)" 'BEGIN { printf "%.1f", e - s }'; }

# mvn ARGS...: the project's Maven wrapper, quiet and in batch mode, run from the repo root.
mvn() { (cd "$ROOT" && ./mvnw -q -B "$@"); }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# wait_for_port HOST PORT TIMEOUT_SECONDS [PID]: waits until HOST:PORT accepts connections.
# With PID, fails early when that process dies. Returns 1 on timeout.
wait_for_port() {
  local host="$1" port="$2" timeout="$3" pid="${4:-}"
  local deadline=$((SECONDS + timeout))
  until port_open "$host" "$port"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid exited while waiting for $host:$port"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "timeout after ${timeout}s waiting for $host:$port"
      return 1
    fi
    sleep 0.2
  done
}

# wait_for_port_closed HOST PORT TIMEOUT_SECONDS: waits until nothing accepts on HOST:PORT.
wait_for_port_closed() {
  local host="$1" port="$2" timeout="$3"
  local deadline=$((SECONDS + timeout))
  while port_open "$host" "$port"; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.2
  done
}

# wait_for_http URL TIMEOUT_SECONDS [PID]: waits until URL answers HTTP 200.
wait_for_http() {
  local url="$1" timeout="$2" pid="${3:-}"
  local deadline=$((SECONDS + timeout)) started=$SECONDS next_note=$((SECONDS + 15))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" 2>/dev/null)" == "200" ]]; do
    if ((SECONDS >= next_note)); then
      log "still waiting for $url ($((SECONDS - started))s so far, at most ${timeout}s)"
      next_note=$((SECONDS + 15))
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid exited while waiting for $url"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "timeout after ${timeout}s waiting for $url"
      return 1
    fi
    sleep 0.5
  done
}

# read_pid PIDFILE: prints the pid stored in PIDFILE (nothing when missing).
read_pid() {
  [[ -s "$1" ]] && tr -dc '0-9' <"$1"
  return 0
}

# is_running PIDFILE: true when PIDFILE names a live process.
is_running() {
  local pid
  pid="$(read_pid "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# rss_of PID: resident set size, e.g. "312 MB" ("-" when the process is gone).
rss_of() {
  local kb
  kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true)"
  if [[ -n "$kb" ]]; then echo "$((kb / 1024)) MB"; else echo "-"; fi
}

# listener_pid PORT: pid of the process listening on 127.0.0.1/0.0.0.0:PORT (empty if unknown).
listener_pid() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1
}

# stop_pid PIDFILE NAME [GRACE_SECONDS]: SIGTERM the pid (and its process group when it leads one),
# wait up to GRACE_SECONDS (default 30), then SIGKILL. Removes PIDFILE.
stop_pid() {
  local pidfile="$1" name="$2" grace="${3:-30}"
  local pid
  pid="$(read_pid "$pidfile")"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    log "$name is not running (no live pid in ${pidfile#"$ROOT"/})"
    rm -f "$pidfile"
    return 0
  fi
  local target="$pid"
  # Processes started with setsid lead their own group: signal the whole tree.
  if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then target="-$pid"; fi
  log "stopping $name (pid $pid, SIGTERM)"
  kill -TERM -- "$target" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "$name did not stop within ${grace}s: SIGKILL"
      kill -KILL -- "$target" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$pidfile"
  log "$name stopped"
}

# start_bg PIDFILE LOGFILE CMD...: runs CMD in the background in its own session (process group),
# detached from the terminal, stdout+stderr appended to LOGFILE; writes its pid into PIDFILE.
start_bg() {
  local pidfile="$1" logfile="$2"
  shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  {
    echo
    echo "===== $(date -Is) starting: $*"
  } >>"$logfile"
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# with_progress WHAT COMMAND...: runs COMMAND, printing every 15 s that it still runs and for how long (a Maven build
# or a download can take minutes on a fresh machine, and silence looks like a hang).
with_progress() {
  local what="$1"
  shift
  local started=$SECONDS
  "$@" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    local i
    for ((i = 0; i < 30; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && log "$what: still running ($((SECONDS - started))s so far)"
  done
  wait "$pid"
}
