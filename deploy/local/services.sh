#!/usr/bin/env bash
# The Consilium services as local processes, from their built Quarkus jars.
#   services.sh start [--no-build]   build (./mvnw -B -q -DskipTests package), start every module's
#                                    target/quarkus-app/quarkus-run.jar, wait for /q/health/ready
#                                    (--no-build: skip the build when every module jar exists)
#   services.sh stop                 stop the services started by `start`
#   services.sh status               one line per service
#
# Expects PostgreSQL, Kafka and Keycloak to run (deploy/local/start.sh starts everything in order).
# Layout: .local/services/<module>.pid, <module>.log, and <module>/ (working directory of the process).
# Environment: SERVICES_JAVA_OPTS (default -Xmx256m), SERVICES_READY_TIMEOUT (default 90 s).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=services

STATE="$LOCAL/services"
READY_TIMEOUT="${SERVICES_READY_TIMEOUT:-90}"
read -r -a JAVA_OPTS_ARR <<<"${SERVICES_JAVA_OPTS:--Xmx256m}"

# module:port (the ports are set in each module's application.properties).
SERVICES=(
  case-service:8081
  document-service:8082
  specialist-service:8083
  report-service:8084
  notification-service:8085
  gateway:8080
)
ALL_MODULES=(platform case-service document-service specialist-service report-service notification-service gateway)

mkdir -p "$STATE"

jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
pidfile_of() { echo "$STATE/$1.pid"; }
logfile_of() { echo "$STATE/$1.log"; }

# Modules that exist (directory with a pom.xml); warns about the others.
present_services() {
  local entry module
  for entry in "${SERVICES[@]}"; do
    module="${entry%%:*}"
    if [[ -f "$ROOT/$module/pom.xml" ]]; then
      echo "$entry"
    else
      warn "module $module does not exist yet (no $module/pom.xml): skipped"
    fi
  done
}

build() {
  local missing=() m
  for m in "${ALL_MODULES[@]}"; do
    [[ -f "$ROOT/$m/pom.xml" ]] || missing+=("$m")
  done
  if ((${#missing[@]})); then
    warn "cannot build: the reactor lists modules without a pom.xml yet (${missing[*]}); using the jars that exist"
    return 0
  fi
  local t0
  t0="$(now_s)"
  log "building: ./mvnw -B -q -DskipTests package"
  (cd "$ROOT" && with_progress "Maven build" ./mvnw -B -q -DskipTests package)
  log "build finished in $(elapsed "$t0")s"
}

cmd_start() {
  local no_build=false arg
  for arg in "$@"; do
    case "$arg" in
      --no-build) no_build=true ;;
      *) die "unknown option: $arg (usage: services.sh start [--no-build])" ;;
    esac
  done
  local t0
  t0="$(now_s)"
  local entries=()
  mapfile -t entries < <(present_services)
  if ((${#entries[@]} == 0)); then
    warn "no service module exists yet: nothing to start"
    return 0
  fi

  local entry module port jars_missing=false
  for entry in "${entries[@]}"; do
    [[ -f "$(jar_of "${entry%%:*}")" ]] || jars_missing=true
  done
  if $no_build && ! $jars_missing; then
    log "--no-build: all module jars exist, build skipped"
  else
    $no_build && log "--no-build given, but a module jar is missing: building"
    build
  fi

  # Start all first, then wait for all (they start in parallel).
  local started=() start_time=()
  for entry in "${entries[@]}"; do
    module="${entry%%:*}"
    port="${entry##*:}"
    local jar pidfile
    jar="$(jar_of "$module")"
    pidfile="$(pidfile_of "$module")"
    if is_running "$pidfile"; then
      log "$module already running (pid $(read_pid "$pidfile"), port $port)"
      started+=("$entry")
      start_time+=("-")
      continue
    fi
    if [[ ! -f "$jar" ]]; then
      warn "$module: ${jar#"$ROOT"/} not found (build failed or module not built): skipped"
      continue
    fi
    if port_open 127.0.0.1 "$port"; then
      warn "$module: port $port is already taken by another process (pid $(listener_pid "$port")): not started"
      continue
    fi
    mkdir -p "$STATE/$module"
    local extra=()
    # The local partner receiver (deploy/local/webhook-receiver.sh) listens on loopback, which production refuses.
    if [[ "$module" == notification-service ]]; then extra=(-Dconsilium.webhooks.allow-loopback=true); fi
    log "starting $module on port $port (java ${JAVA_OPTS_ARR[*]} ${extra[*]} -jar ${jar#"$ROOT"/}), log: ${STATE#"$ROOT"/}/$module.log"
    # Working directory under .local so that relative paths (e.g. file storage) stay out of the tree.
    (cd "$STATE/$module" && start_bg "$pidfile" "$(logfile_of "$module")" java "${JAVA_OPTS_ARR[@]}" "${extra[@]}" -jar "$jar")
    started+=("$entry")
    start_time+=("$(now_s)")
  done

  local i failed=()
  for i in "${!started[@]}"; do
    entry="${started[$i]}"
    module="${entry%%:*}"
    port="${entry##*:}"
    local pid url code
    pid="$(read_pid "$(pidfile_of "$module")")"
    url="http://127.0.0.1:$port/q/health/ready"
    if wait_for_http "$url" "$READY_TIMEOUT" "$pid"; then
      if [[ "${start_time[$i]}" == "-" ]]; then
        log "$module ready (was already running; pid $pid, rss $(rss_of "$pid")) http://127.0.0.1:$port"
      else
        log "$module ready after $(elapsed "${start_time[$i]}")s (pid $pid, rss $(rss_of "$pid")) http://127.0.0.1:$port"
      fi
    else
      code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)"
      if [[ "$code" == "404" ]] && kill -0 "$pid" 2>/dev/null; then
        warn "$module answers on port $port but has no /q/health/ready (add quarkus-smallrye-health): treated as up"
        continue
      fi
      warn "$module NOT ready (HTTP ${code:-none} from $url); last log lines:"
      tail -n 25 "$(logfile_of "$module")" >&2 || true
      failed+=("$module")
    fi
  done
  if ((${#failed[@]})); then
    die "services not ready: ${failed[*]} (logs in ${STATE#"$ROOT"/}/)"
  fi
  log "services started in $(elapsed "$t0")s"
}

cmd_stop() {
  local t0 entry module pidfile pids=()
  t0="$(now_s)"
  # All at once (each Quarkus shutdown takes a moment), SIGKILL after 30 s.
  for entry in "${SERVICES[@]}"; do
    module="${entry%%:*}"
    pidfile="$(pidfile_of "$module")"
    [[ -f "$pidfile" ]] || continue
    stop_pid "$pidfile" "$module" 30 &
    pids+=($!)
  done
  if ((${#pids[@]} == 0)); then
    log "no service was started by services.sh"
    return 0
  fi
  local p
  for p in "${pids[@]}"; do wait "$p" || true; done
  log "services stopped in $(elapsed "$t0")s"
}

cmd_status() {
  local entry module port pidfile pid state
  for entry in "${SERVICES[@]}"; do
    module="${entry%%:*}"
    port="${entry##*:}"
    pidfile="$(pidfile_of "$module")"
    if is_running "$pidfile"; then
      pid="$(read_pid "$pidfile")"
      state="running"
      [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$port/q/health/ready" || true)" == "200" ]] || state="starting"
      printf '%-22s %-8s pid %-8s port %-6s rss %-8s\n' "$module" "$state" "$pid" "$port" "$(rss_of "$pid")"
    elif port_open 127.0.0.1 "$port"; then
      pid="$(listener_pid "$port")"
      printf '%-22s %-8s pid %-8s port %-6s rss %-8s %s\n' "$module" "running" "${pid:--}" "$port" "$([[ -n "$pid" ]] && rss_of "$pid" || echo -)" "(not started by services.sh)"
    elif [[ ! -f "$ROOT/$module/pom.xml" ]]; then
      printf '%-22s %-8s pid %-8s port %-6s rss %-8s %s\n' "$module" "absent" "-" "$port" "-" "(module not written yet)"
    else
      printf '%-22s %-8s pid %-8s port %-6s rss %-8s\n' "$module" "stopped" "-" "$port" "-"
    fi
  done
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  start) cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start [--no-build]|stop|status" >&2
    exit 2
    ;;
esac
