#!/usr/bin/env bash
# One line per component of the local stack: running or not, pid, port, RSS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

printf '%-22s %-8s %-12s %-11s %-12s\n' "COMPONENT" "STATE" "PID" "PORT" "RSS"
"$DEPLOY_LOCAL/postgres.sh" status || true
"$DEPLOY_LOCAL/kafka.sh" status || true
KAFKA_INSTANCE=test "$DEPLOY_LOCAL/kafka.sh" status || true
"$DEPLOY_LOCAL/keycloak.sh" status || true
"$DEPLOY_LOCAL/services.sh" status || true
