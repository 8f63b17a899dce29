#!/usr/bin/env bash
# partner-acme's webhook receiver for the local demo: registers an endpoint for tenant acme on the running
# notification-service (token of the partner client from deploy/local/token.sh), then prints every delivery it
# gets, verified against the endpoint's secret (Standard Webhooks; WebhookReceiver.java, an implementation of its
# own). Stop it with Ctrl-C.
#   webhook-receiver.sh [port]      default port 8199
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=webhook-receiver

PORT="${1:-8199}"
# through the gateway, as a partner would (NOTIFY=http://127.0.0.1:8085 for the service itself)
NOTIFY="${NOTIFY:-http://127.0.0.1:8080}"
TOKEN="$("$DEPLOY_LOCAL/token.sh" partner-acme)"
TYPES='["consilium.case.submitted.v1","consilium.case.manager-assigned.v1","consilium.case.records-requested.v1","consilium.case.records-completed.v1","consilium.specialist.panel-assembled.v1","consilium.report.released.v1","consilium.case.report-delivered.v1","consilium.case.closed.v1","consilium.case.cancelled.v1","consilium.notification.endpoint-disabled.v1"]'
answer="$(curl -sf -X POST "$NOTIFY/api/v1/webhook-endpoints" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$PORT/hook\",\"eventTypes\":$TYPES,\"description\":\"partner-acme demo receiver\"}")" \
  || die "registering the endpoint failed (is notification-service running, and token.sh partner-acme working?)"
id="$(jq -r .id <<<"$answer")"
secret="$(jq -r .secret <<<"$answer")"
log "endpoint $id registered for tenant $(jq -r .tenant <<<"$answer"); receiving on 127.0.0.1:$PORT"
# The endpoint goes when the receiver does: a later run's receiver on the same port would otherwise get this one's
# deliveries too, signed with a secret it does not know, and refuse them.
remove() {
  curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $("$DEPLOY_LOCAL/token.sh" partner-acme)" \
    "$NOTIFY/api/v1/webhook-endpoints/$id" || true
}
trap remove EXIT
trap 'exit 0' INT TERM
java "$DEPLOY_LOCAL/WebhookReceiver.java" "$PORT" "$secret" &
wait $!
