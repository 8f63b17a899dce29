#!/usr/bin/env bash
# Starts the whole local stack in order: PostgreSQL -> Kafka -> Keycloak -> GreenMail (SMTP) -> services.
# Options are passed to services.sh start (e.g. --no-build). Each step is idempotent.
#   start.sh --infra   only PostgreSQL, Kafka, Keycloak and GreenMail (nothing built, no service started), for running one
#                      service yourself: ./mvnw quarkus:dev -pl case-service
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=start

infra_only=false
if [[ "${1:-}" == "--infra" ]]; then
  infra_only=true
  shift
fi

t0="$(now_s)"
step() {
  local name="$1"
  shift
  local s
  s="$(now_s)"
  log "---- $name"
  local r=0
  "$@" || r=$?
  if ((r != 0)); then
    log "---- $name FAILED (exit $r) after $(elapsed "$s")s"
    return "$r"
  fi
  log "---- $name done in $(elapsed "$s")s"
}
step postgres "$DEPLOY_LOCAL/postgres.sh" start
step kafka "$DEPLOY_LOCAL/kafka.sh" start
step keycloak "$DEPLOY_LOCAL/keycloak.sh" start
step greenmail "$DEPLOY_LOCAL/greenmail.sh" start
# A service that fails to become ready should not hide the table: remember and exit non-zero at the end.
rc=0
if ! $infra_only; then
  step services "$DEPLOY_LOCAL/services.sh" start "$@" || rc=$?
fi

row() { printf '  %-22s %-58s %s\n' "$@"; }
echo
echo "Consilium local stack"
row "COMPONENT" "ADDRESS" "NOTES"
row "PostgreSQL" "127.0.0.1:$PG_PORT" "user consilium / consilium, db consilium_<service>[_test]"
row "Kafka" "127.0.0.1:$KAFKA_PORT" "KRaft, topics consilium.*.events, consilium.audit, consilium.platform.events, *.dlq"
row "Keycloak" "http://127.0.0.1:$KEYCLOAK_PORT/realms/consilium" "tokens: deploy/local/token.sh <user>"
row "Keycloak admin console" "http://127.0.0.1:$KEYCLOAK_PORT/admin/" "admin / admin"
row "GreenMail (demo mail)" "smtp 127.0.0.1:3025, imap 127.0.0.1:3143" "any user/password; see deploy/local/greenmail.sh"
for entry in gateway:8080 case-service:8081 document-service:8082 specialist-service:8083 \
  report-service:8084 notification-service:8085; do
  module="${entry%%:*}"
  port="${entry##*:}"
  if [[ "$module" == gateway ]] && is_running "$LOCAL/services/$module.pid"; then
    row "$module" "http://127.0.0.1:$port" "the one API; /q/openapi (all services); metrics :$((port + 1000))/q/metrics"
    row "  ops console" "http://127.0.0.1:$port/console/" "Swagger UI with Keycloak login: olivia / olivia-pw"
    row "  ops dashboard" "http://127.0.0.1:$port/console/dashboard.html" "the same login"
  elif is_running "$LOCAL/services/$module.pid"; then
    row "$module" "http://127.0.0.1:$port" "/q/swagger-ui  /q/openapi  /q/health; metrics :$((port + 1000))/q/metrics"
  else
    row "$module" "(not running)" ""
  fi
done
echo
if ((rc != 0)); then
  log "local stack started in $(elapsed "$t0")s, but some services are NOT ready (see above; logs in .local/services/)"
  exit "$rc"
fi
if $infra_only; then
  log "infrastructure up in $(elapsed "$t0")s; run a service with: ./mvnw quarkus:dev -pl case-service (stop: deploy/local/stop.sh)"
  exit 0
fi
log "local stack up in $(elapsed "$t0")s (status: deploy/local/status.sh, stop: deploy/local/stop.sh)"
