#!/usr/bin/env bash
# Stops the local stack in reverse order: services -> GreenMail -> Keycloak -> Kafka (the suite's and the tests') -> PostgreSQL.
# Each script stops only what its own `start` started (a PostgreSQL or broker that was already
# running before is left alone). Data is kept; see deploy/local/README.md to reset it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=stop

t0="$(now_s)"
rc=0
"$DEPLOY_LOCAL/services.sh" stop || rc=1
"$DEPLOY_LOCAL/greenmail.sh" stop || rc=1
"$DEPLOY_LOCAL/keycloak.sh" stop || rc=1
"$DEPLOY_LOCAL/kafka.sh" stop || rc=1
KAFKA_INSTANCE=test "$DEPLOY_LOCAL/kafka.sh" stop || rc=1
"$DEPLOY_LOCAL/postgres.sh" stop || rc=1
log "stopped in $(elapsed "$t0")s"
exit "$rc"
