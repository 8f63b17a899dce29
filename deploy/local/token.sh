#!/usr/bin/env bash
# Prints an access token from the local Keycloak (deploy/local/keycloak.sh start), for curl examples:
#   deploy/local/token.sh alice                 # password grant via consilium-app, password alice-pw
#   deploy/local/token.sh partner-acme          # client credentials, secret acme-secret
#   curl -H "Authorization: Bearer $(deploy/local/token.sh dr-carla)" http://127.0.0.1:8080/...
# Users: alice bob lee aj (patient), dr-carla dr-david (case-manager), prof-eva dr-felix dr-grace prof-henry
# prof-iris dr-javier prof-kate (specialist), olivia (ops).
# Partners: partner-acme partner-globex. With --decode, prints the decoded payload instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=token

TOKEN_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/consilium/protocol/openid-connect/token"

decode=false
if [[ "${1:-}" == "--decode" ]]; then
  decode=true
  shift
fi
who="${1:-}"
if [[ -z "$who" || "$who" == -* ]]; then
  echo "usage: $0 [--decode] <user|partner-acme|partner-globex>" >&2
  exit 2
fi

case "$who" in
  partner-*)
    secret="${PARTNER_SECRET:-${who#partner-}-secret}"
    response="$(curl -sS --max-time 15 "$TOKEN_URL" \
      -d grant_type=client_credentials -d client_id="$who" -d client_secret="$secret")"
    ;;
  *)
    password="${USER_PASSWORD:-$who-pw}"
    response="$(curl -sS --max-time 15 "$TOKEN_URL" \
      -d grant_type=password -d client_id=consilium-app -d scope=openid \
      --data-urlencode username="$who" --data-urlencode password="$password")"
    ;;
esac

token="$(jq -r '.access_token // empty' <<<"$response")"
if [[ -z "$token" ]]; then
  echo "no token for '$who' from $TOKEN_URL: $response" >&2
  exit 1
fi

if $decode; then
  payload="$(cut -d. -f2 <<<"$token" | tr '_-' '/+')"
  while ((${#payload} % 4)); do payload+="="; done
  base64 -d <<<"$payload" | jq .
else
  echo "$token"
fi
