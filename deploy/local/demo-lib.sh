# Helpers for the demo scripts (sourced): calls with a bearer token printed one line each, events published
# with Kafka's console producer, waiting for a case state. Needs lib.sh sourced first.

# Every call goes through the gateway (:8080), as a client's would. DIRECT=1 calls each service on its own port
# instead (operators and tests use those; the gateway adds routing, rate limits and Idempotency-Key).
if [[ "${DIRECT:-0}" == 1 ]]; then
  API_CASE="http://127.0.0.1:8081/api/v1"
  API_DOCUMENT="http://127.0.0.1:8082/api/v1"
  API_SPECIALIST="http://127.0.0.1:8083/api/v1"
  API_REPORT="http://127.0.0.1:8084/api/v1"
  API_NOTIFY="http://127.0.0.1:8085/api/v1"
else
  API_CASE="http://127.0.0.1:8080/api/v1"
  API_DOCUMENT="$API_CASE"
  API_SPECIALIST="$API_CASE"
  API_REPORT="$API_CASE"
  API_NOTIFY="$API_CASE"
fi

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }

# call TOKEN METHOD URL [JSON]: prints the request, the status and a short view of the answer; the body goes to $BODY
call() {
  local token="$1" method="$2" url="$3" data="${4-}" args=()
  [[ -n "$data" ]] && args=(-H 'Content-Type: application/json' -d "$data")
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$method" -H "Authorization: Bearer $token" "${args[@]}" "$url")
  status="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
  STATUS="$status"
  printf '%-6s %-70s -> %s %s\n' "$method" "${url#http://127.0.0.1:}" "$status" \
    "$(printf '%s' "$BODY" | python3 -c 'import json,sys
try:
    d=json.load(sys.stdin)
except Exception:
    print(""); raise SystemExit
if isinstance(d,dict):
    print(" ".join(f"{k}={d[k]}" for k in ("state","managerId","rejectionReason","title","detail","accepted","received","latestVersion") if d.get(k) is not None))
else:
    print(f"{len(d)} item(s)")')"
}

publish() { # TOPIC TYPE CASE JSON
  local headers="ce_specversion=1.0,ce_id=$(cat /proc/sys/kernel/random/uuid),ce_type=$2,ce_source=/demo,ce_subject=$3,ce_tenant=acme,content-type=application/json"
  printf '%s\t%s|%s\n' "$headers" "$3" "$4" | java -cp "$LOCAL/kafka/lib/*" org.apache.kafka.tools.ConsoleProducer \
    --bootstrap-server 127.0.0.1:9092 --topic "$1" --property parse.headers=true --property headers.key.separator== \
    --property parse.key=true --property key.separator='|' 2>/dev/null
  printf 'kafka  %-70s -> published %s\n' "$1" "$2"
}

await_state() { # TOKEN CASE STATE
  for _ in $(seq 1 60); do
    BODY=$(curl -s -H "Authorization: Bearer $1" "$API_CASE/cases/$2")
    [[ "$(printf '%s' "$BODY" | field "['state']")" == "$3" ]] && { printf 'await  %-70s -> %s\n' "case state" "$3"; return 0; }
    sleep 0.5
  done
  die "case $2 did not reach $3"
}

subject_of() { "$DEPLOY_LOCAL/token.sh" --decode "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sub"])'; }
