#!/usr/bin/env bash
# Local SMTP/IMAP server for the demo mail: GreenMail standalone 2.1.8 (jar from Maven Central), no authentication
# (any user name and password are accepted and every address gets a mailbox).
#   greenmail.sh start    download when missing, start, wait for SMTP
#   greenmail.sh stop     stop the GreenMail started by `start`
#   greenmail.sh status   one line: running or not
#
# SMTP 127.0.0.1:3025 (notification-service sends there), IMAP 127.0.0.1:3143 (read the demo mail:
#   curl -s "imap://127.0.0.1:3143/INBOX;UID=1" --user "<address>:any"   one message of <address>'s mailbox
#   curl -s "imap://127.0.0.1:3143/INBOX" --user "<address>:any" -X "SEARCH ALL"   the ids of its messages).
# GreenMail keeps every mail in memory: GREENMAIL_HEAP (default 128m) is raised for the long fault run
# (e2e/faults.sh --long sends some 40,000 mails).
# Layout: .local/downloads/greenmail-standalone-*.jar, .local/greenmail/{greenmail.pid,greenmail.log}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=greenmail

GREENMAIL_VERSION="2.1.8"
SMTP_PORT=3025
IMAP_PORT=3143
# GreenMail's own REST API and web console; its default (8080) is the gateway's.
API_PORT=8186
JAR="$LOCAL/downloads/greenmail-standalone-$GREENMAIL_VERSION.jar"
STATE="$LOCAL/greenmail"
PIDFILE="$STATE/greenmail.pid"
LOGFILE="$STATE/greenmail.log"
mkdir -p "$STATE"

ensure_jar() {
  if [[ -s "$JAR" ]]; then
    return 0
  fi
  log "downloading com.icegreen:greenmail-standalone:$GREENMAIL_VERSION from Maven Central"
  with_progress "GreenMail download" mvn -f deploy/local/kafka/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$LOCAL/downloads"
  [[ -s "$JAR" ]] || die "download failed: $JAR missing"
}

cmd_start() {
  local t0
  t0="$(now_s)"
  if is_running "$PIDFILE"; then
    log "already running (pid $(read_pid "$PIDFILE")): SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT"
    return 0
  fi
  if port_open 127.0.0.1 "$SMTP_PORT"; then
    rm -f "$PIDFILE"
    log "something already listens on 127.0.0.1:$SMTP_PORT (not started by greenmail.sh): using it"
    return 0
  fi
  ensure_jar
  log "starting GreenMail $GREENMAIL_VERSION (SMTP $SMTP_PORT, IMAP $IMAP_PORT, API $API_PORT, heap ${GREENMAIL_HEAP:-128m}), log: ${LOGFILE#"$ROOT"/}"
  start_bg "$PIDFILE" "$LOGFILE" java -Xmx"${GREENMAIL_HEAP:-128m}" \
    -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$API_PORT" \
    -jar "$JAR"
  local pid
  pid="$(read_pid "$PIDFILE")"
  if ! wait_for_port 127.0.0.1 "$SMTP_PORT" 60 "$pid"; then
    tail -n 30 "$LOGFILE" >&2 || true
    die "GreenMail did not open SMTP on $SMTP_PORT (log: $LOGFILE)"
  fi
  log "GreenMail ready in $(elapsed "$t0")s (pid $pid, rss $(rss_of "$pid"))"
}

cmd_stop() {
  if ! is_running "$PIDFILE"; then
    rm -f "$PIDFILE"
    if port_open 127.0.0.1 "$SMTP_PORT"; then
      log "not stopping the SMTP server on port $SMTP_PORT: it was not started by greenmail.sh start"
    else
      log "not running"
    fi
    return 0
  fi
  stop_pid "$PIDFILE" "GreenMail" 15
}

cmd_status() {
  if port_open 127.0.0.1 "$SMTP_PORT"; then
    local pid owner="external"
    if is_running "$PIDFILE"; then
      pid="$(read_pid "$PIDFILE")"
      owner="started by greenmail.sh"
    fi
    printf '%-22s %-8s pid %-8s port %-6s rss %-8s %s\n' "GreenMail (SMTP)" "running" "${pid:--}" "$SMTP_PORT" \
      "$([[ -n "${pid:-}" ]] && rss_of "$pid" || echo -)" "($owner)"
  else
    printf '%-22s %-8s pid %-8s port %-6s rss %-8s\n' "GreenMail (SMTP)" "stopped" "-" "$SMTP_PORT" "-"
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
