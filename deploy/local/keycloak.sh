#!/usr/bin/env bash
# Local Keycloak 26.5.6 (distribution zip from Maven Central) in dev mode on port 8180.
#   keycloak.sh start   download + unzip when missing, (re)import deploy/keycloak/consilium-realm.json
#                       when it changed, start, wait for the realm's discovery document
#   keycloak.sh stop    stop the Keycloak started by `start` (whole process tree)
#   keycloak.sh status  one line: running or not
#
# Admin console: http://127.0.0.1:8180/admin/ (admin / admin). Issuer of all tokens:
# http://127.0.0.1:8180/realms/consilium (fixed with --hostname, whichever host name a client uses).
# Layout: .local/downloads/keycloak-quarkus-dist-*.zip, .local/keycloak-<version>/ (data/h2 = database),
#         .local/keycloak/{keycloak.pid,keycloak.log,realm.sha256}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=keycloak

KC_HOME="$LOCAL/keycloak-$KEYCLOAK_VERSION"
KC_ZIP="$LOCAL/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
STATE="$LOCAL/keycloak"
PIDFILE="$STATE/keycloak.pid"
LOGFILE="$STATE/keycloak.log"
REALM_SUM="$STATE/realm.sha256"
REALM_FILE="$ROOT/deploy/keycloak/consilium-realm.json"
REALM=consilium
BASE_URL="http://127.0.0.1:$KEYCLOAK_PORT"
READY_URL="$BASE_URL/realms/$REALM/.well-known/openid-configuration"
START_TIMEOUT=180
ADMIN_USER="${KC_ADMIN_USER:-admin}"
ADMIN_PASSWORD="${KC_ADMIN_PASSWORD:-admin}"

mkdir -p "$STATE"

ensure_dist() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    return 0
  fi
  local t0
  t0="$(now_s)"
  if [[ ! -s "$KC_ZIP" ]]; then
    log "downloading org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip from Maven Central (about 165 MB)"
    with_progress "Keycloak download" mvn -f deploy/local/kafka/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$LOCAL/downloads"
    [[ -s "$KC_ZIP" ]] || die "download failed: $KC_ZIP missing"
  fi
  log "unpacking ${KC_ZIP#"$ROOT"/} into ${KC_HOME#"$ROOT"/}"
  local tmp="$LOCAL/.keycloak-unzip.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  unzip -q "$KC_ZIP" -d "$tmp"
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  log "Keycloak distribution ready in $(elapsed "$t0")s"
}

realm_checksum() { sha256sum "$REALM_FILE" | cut -d' ' -f1; }

# Copies the realm file into data/import; when it differs from the last imported one, drops the
# dev database (data/h2) so that --import-realm imports it again (import skips existing realms).
prepare_realm() {
  [[ -f "$REALM_FILE" ]] || die "realm file missing: $REALM_FILE"
  jq -e . "$REALM_FILE" >/dev/null || die "realm file is not valid JSON: $REALM_FILE"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/$REALM-realm.json"
  local sum old=""
  sum="$(realm_checksum)"
  [[ -f "$REALM_SUM" ]] && old="$(cat "$REALM_SUM")"
  if [[ "$sum" != "$old" ]]; then
    if [[ -d "$KC_HOME/data/h2" ]]; then
      log "realm file changed since the last import: deleting ${KC_HOME#"$ROOT"/}/data/h2 to re-import it"
    else
      log "first start: the realm will be imported"
    fi
    rm -rf "$KC_HOME/data/h2"
    rm -f "$REALM_SUM"
  else
    log "realm file unchanged since the last import (existing database kept)"
  fi
}

# Java process of our Keycloak (kc.sh runs java as a child): for RSS and as a fallback for stop.
java_pid() {
  pgrep -f -- "-Dkc.home.dir=$KC_HOME/bin/\.\." | head -n1 || true
}

cmd_start() {
  local t0
  t0="$(now_s)"
  if is_running "$PIDFILE"; then
    if [[ -f "$REALM_SUM" && "$(cat "$REALM_SUM")" != "$(realm_checksum)" ]]; then
      log "running, but the realm file changed since its import: restarting to re-import"
      cmd_stop
    else
      local jp
      jp="$(java_pid)"
      log "already running (pid $(read_pid "$PIDFILE"), java ${jp:--}) at $BASE_URL"
      wait_for_http "$READY_URL" "$START_TIMEOUT" || die "Keycloak is running but $READY_URL does not answer 200"
      return 0
    fi
  fi
  if port_open 127.0.0.1 "$KEYCLOAK_PORT"; then
    rm -f "$PIDFILE"
    log "something already listens on 127.0.0.1:$KEYCLOAK_PORT (not started by keycloak.sh): using it"
    wait_for_http "$READY_URL" 30 || die "$READY_URL does not answer 200 (is it Keycloak with the '$REALM' realm?)"
    return 0
  fi
  ensure_dist
  prepare_realm
  log "starting Keycloak $KEYCLOAK_VERSION (start-dev, port $KEYCLOAK_PORT, heap -Xms64m -Xmx512m), log: ${LOGFILE#"$ROOT"/}"
  start_bg "$PIDFILE" "$LOGFILE" env \
    KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$KC_HOME/bin/kc.sh" start-dev \
    --http-port "$KEYCLOAK_PORT" \
    --hostname "$BASE_URL" \
    --import-realm
  local pid
  pid="$(read_pid "$PIDFILE")"
  log "waiting (up to ${START_TIMEOUT}s) for $READY_URL"
  if ! wait_for_http "$READY_URL" "$START_TIMEOUT" "$pid"; then
    tail -n 40 "$LOGFILE" >&2 || true
    die "Keycloak did not become ready (log: $LOGFILE)"
  fi
  realm_checksum >"$REALM_SUM"
  local jp
  jp="$(java_pid)"
  log "Keycloak ready in $(elapsed "$t0")s (pid $pid, java ${jp:--}, rss $([[ -n "$jp" ]] && rss_of "$jp" || echo -))"
  log "realm: $BASE_URL/realms/$REALM   admin console: $BASE_URL/admin/ ($ADMIN_USER / $ADMIN_PASSWORD)"
}

cmd_stop() {
  local t0
  t0="$(now_s)"
  if ! is_running "$PIDFILE"; then
    rm -f "$PIDFILE"
    if port_open 127.0.0.1 "$KEYCLOAK_PORT"; then
      log "not stopping the Keycloak on port $KEYCLOAK_PORT: it was not started by keycloak.sh start"
    else
      log "not running"
    fi
    return 0
  fi
  local jp
  jp="$(java_pid)"
  stop_pid "$PIDFILE" "Keycloak" 30
  # kc.sh forwards SIGTERM to java; make sure the java child is gone too.
  if [[ -n "$jp" ]] && kill -0 "$jp" 2>/dev/null; then
    log "waiting for the Keycloak java process $jp"
    local deadline=$((SECONDS + 20))
    while kill -0 "$jp" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        warn "java $jp still alive: SIGKILL"
        kill -KILL "$jp" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  fi
  wait_for_port_closed 127.0.0.1 "$KEYCLOAK_PORT" 10 || warn "port $KEYCLOAK_PORT still open"
  log "stopped in $(elapsed "$t0")s"
}

cmd_status() {
  local pid="" jp owner="external"
  if is_running "$PIDFILE"; then
    pid="$(read_pid "$PIDFILE")"
    owner="started by keycloak.sh"
  fi
  if port_open 127.0.0.1 "$KEYCLOAK_PORT"; then
    jp="$(java_pid)"
    [[ -n "$jp" ]] || jp="$(listener_pid "$KEYCLOAK_PORT")"
    printf '%-22s %-8s pid %-8s port %-6s rss %-8s %s\n' "Keycloak" "running" "${jp:-${pid:--}}" "$KEYCLOAK_PORT" "$([[ -n "$jp" ]] && rss_of "$jp" || echo -)" "($owner)"
  else
    printf '%-22s %-8s pid %-8s port %-6s rss %-8s\n' "Keycloak" "stopped" "-" "$KEYCLOAK_PORT" "-"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
