#!/usr/bin/env bash
# The project's test command: makes sure PostgreSQL (role + databases) and the tests' own Kafka broker
# (port 9192, not the suite's 9092, so tests never publish on the topics a running suite consumes) run,
# starting them when they do not, then runs `./mvnw -B verify` from the repository root with the
# given arguments (e.g. deploy/local/test.sh -pl case-service -am).
# Keycloak is not needed: service tests use Quarkus' OIDC test server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG="test"

# The services' datasource URLs read DB_PORT: a run against another cluster (PG_PORT=5433) must test there too,
# not on 5432 beside whoever else is testing.
export DB_PORT="${DB_PORT:-$PG_PORT}"
t0="$(now_s)"
"$DEPLOY_LOCAL/postgres.sh" start
KAFKA_INSTANCE=test "$DEPLOY_LOCAL/kafka.sh" start
log "infrastructure ready in $(elapsed "$t0")s; running: ./mvnw -B verify $*"
cd "$ROOT"
exec ./mvnw -B verify "$@"
