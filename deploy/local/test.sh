#!/usr/bin/env bash
# The project's test command.
#   test.sh                 every module's tests, then the end-to-end tests (e2e/) against the suite started as README
#                           says, then the short fault run (e2e/faults.sh; FAULTS=0 leaves it out): what CI runs
#   test.sh <maven args>    only ./mvnw -B verify <maven args> (e.g. test.sh -pl platform,case-service)
#   test.sh --e2e [args]    only the end-to-end tests, against the running suite or one started for them
# Module tests need PostgreSQL (role + databases) and the tests' own Kafka broker (port 9192, not the suite's 9092, so
# tests never publish on the topics a running suite consumes); both are started when they do not run. Service tests use
# Quarkus' OIDC test server. The end-to-end tests need the whole suite (Keycloak, GreenMail, every service from its
# built jar) and Debian's chromium + chromedriver, installed when missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG="test"

# The services' datasource URLs read DB_PORT: a run against another cluster (PG_PORT=5433) must test there too,
# not on 5432 beside whoever else is testing.
export DB_PORT="${DB_PORT:-$PG_PORT}"
cd "$ROOT"

suite_ready() { curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:8080/q/health/ready" 2>/dev/null; }

# Starts the suite unless it runs (then the tests use it as it is), runs e2e's tests, and stops what it started.
end_to_end() {
  "$DEPLOY_LOCAL/chromium.sh" ensure
  local started=false
  if suite_ready; then
    log "the suite runs already: end-to-end tests use it as it is (to test new jars: deploy/local/stop.sh first)"
  else
    log "starting the suite for the end-to-end tests: deploy/local/start.sh --no-build"
    started=true
    if ! "$DEPLOY_LOCAL/start.sh" --no-build; then
      "$DEPLOY_LOCAL/services.sh" stop || true
      die "the suite did not start (logs in .local/services/)"
    fi
  fi
  local r=0
  ./mvnw -B -pl e2e verify -DskipITs=false "$@" || r=$?
  # last, as it kills and restarts parts of the suite: the short fault run (FAULTS=0 leaves it out)
  if [[ $r == 0 && "${FAULTS:-1}" != 0 ]]; then
    "$ROOT/e2e/faults.sh" --short || r=$?
  fi
  if $started; then
    log "stopping the suite the end-to-end tests started"
    "$DEPLOY_LOCAL/services.sh" stop || true
    "$DEPLOY_LOCAL/greenmail.sh" stop || true
    "$DEPLOY_LOCAL/keycloak.sh" stop || true
    "$DEPLOY_LOCAL/kafka.sh" stop || true
  fi
  log "end-to-end tests: $([[ $r == 0 ]] && echo passed || echo FAILED) (screenshots in e2e/target/screenshots/)"
  return "$r"
}

t0="$(now_s)"
"$DEPLOY_LOCAL/postgres.sh" start
if [[ "${1:-}" == "--e2e" ]]; then
  shift
  end_to_end "$@"
  exit $?
fi
KAFKA_INSTANCE=test "$DEPLOY_LOCAL/kafka.sh" start
log "infrastructure ready in $(elapsed "$t0")s; running: ./mvnw -B verify $*"
if (($# > 0)); then
  exec ./mvnw -B verify "$@"
fi
./mvnw -B verify
log "module tests passed in $(elapsed "$t0")s; end-to-end tests next"
end_to_end
log "all tests passed in $(elapsed "$t0")s"
