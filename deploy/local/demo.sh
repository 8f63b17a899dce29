#!/usr/bin/env bash
# Walks one case from intake to CLOSED through case-service's API with real Keycloak tokens of each role
# (partner-acme, alice the patient, dr-carla her personal doctor, olivia from ops), publishing the events
# specialist-service and report-service would publish with Kafka's console producer. Prints every call and
# what it returned. Needs the suite running (deploy/local/start.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=demo

CASES="http://127.0.0.1:8081/api/v1"
OPS=$("$DEPLOY_LOCAL/token.sh" olivia)
PARTNER=$("$DEPLOY_LOCAL/token.sh" partner-acme)
PATIENT=$("$DEPLOY_LOCAL/token.sh" alice)
DOCTOR=$("$DEPLOY_LOCAL/token.sh" dr-carla)
DOCTOR_SUB=$("$DEPLOY_LOCAL/token.sh" --decode dr-carla | python3 -c 'import json,sys; print(json.load(sys.stdin)["sub"])')
MEMBER="M-DEMO-$RANDOM$RANDOM"

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }

# call TOKEN METHOD PATH [JSON]: prints the request, the status and a short view of the answer; the body goes to $BODY
call() {
  local token="$1" method="$2" path="$3" data="${4-}" args=()
  [[ -n "$data" ]] && args=(-H 'Content-Type: application/json' -d "$data")
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$method" -H "Authorization: Bearer $token" "${args[@]}" "$CASES$path")
  status="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
  printf '%-6s %-60s -> %s %s\n' "$method" "$path" "$status" \
    "$(printf '%s' "$BODY" | python3 -c 'import json,sys
try:
    d=json.load(sys.stdin)
except Exception:
    print(""); raise SystemExit
if isinstance(d,dict):
    print(" ".join(f"{k}={d[k]}" for k in ("state","managerId","rejectionReason","title","detail","accepted","received") if d.get(k) is not None))
else:
    print(f"{len(d)} item(s)")')"
}

publish() { # TOPIC TYPE CASE JSON
  local headers="ce_specversion=1.0,ce_id=$(cat /proc/sys/kernel/random/uuid),ce_type=$2,ce_source=/demo,ce_subject=$3,ce_tenant=acme,content-type=application/json"
  printf '%s\t%s|%s\n' "$headers" "$3" "$4" | java -cp "$LOCAL/kafka/lib/*" org.apache.kafka.tools.ConsoleProducer \
    --bootstrap-server 127.0.0.1:9092 --topic "$1" --property parse.headers=true --property headers.key.separator== \
    --property parse.key=true --property key.separator='|' 2>/dev/null
  printf 'kafka  %-60s -> published %s\n' "$1" "$2"
}

await_state() { # CASE STATE
  for _ in $(seq 1 60); do
    call "$DOCTOR" GET "/cases/$1" >/dev/null
    [[ "$(printf '%s' "$BODY" | field "['state']")" == "$2" ]] && { printf 'await  %-60s -> %s\n' "state" "$2"; return 0; }
    sleep 0.5
  done
  die "case $1 did not reach $2"
}

log "setting up tenant acme: plan, roster, personal doctor"
call "$OPS" POST /plans '{"tenant":"acme","name":"Demo","coveredSpecialties":["urology","oncology"],"opinionsPerMemberPerYear":5,"allowedSpecialistCountries":["DE","ES","US"],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":3,"active":true}'
curl -s -o /dev/null -X POST -H "Authorization: Bearer $PARTNER" -H 'Content-Type: text/csv' \
  --data-binary $'memberId,plan,validFrom,validTo\n'"$MEMBER"$',Demo,2026-01-01,\n' "$CASES/roster"
printf '%-6s %-60s -> %s\n' POST /roster "member $MEMBER uploaded (text/csv)"
call "$OPS" PUT "/case-managers/$DOCTOR_SUB" '{"tenant":"acme","name":"Dr. Carla Castro","languages":["es","en"],"capacity":50,"active":true}'

log "intake (patient alice)"
call "$PATIENT" POST /cases "{\"memberId\":\"$MEMBER\",\"patient\":{\"name\":\"Alice Anders\",\"preferredLanguage\":\"es\",\"countryOfResidence\":\"ES\"},\"reasons\":[\"CONFIRM_DIAGNOSIS\",\"SURGERY_OR_LIFELONG_CONSEQUENCES\"],\"diagnosis\":{\"text\":\"Localised prostate cancer\",\"icd10Code\":\"C61\"},\"proposedTreatment\":\"Radical prostatectomy\",\"treatingDoctor\":{\"institution\":\"Hospital Central\"},\"requestedSpecialty\":\"urology\",\"urgency\":\"ROUTINE\",\"questions\":[\"DIAGNOSIS_CORRECT\",\"SURGERY_NECESSARY\"]}"
CASE=$(printf '%s' "$BODY" | field "['id']")
call "$PATIENT" POST "/cases/$CASE/submit"
call "$PATIENT" POST "/cases/$CASE/consents" '{"purpose":"RECORDS_TO_SPECIALISTS","countries":["DE","ES"]}'

log "records and review (dr-carla)"
call "$DOCTOR" POST "/cases/$CASE/records-requests" '{"items":[{"code":"PATHOLOGY_REPORT","label":"Biopsy pathology report","required":true}]}'
call "$PATIENT" POST "/cases/$CASE/messages" '{"body":"I uploaded the pathology report."}'
call "$DOCTOR" POST "/cases/$CASE/records-complete"
call "$DOCTOR" POST "/cases/$CASE/review-requests" '{"panelSize":1}'

log "specialist-service and report-service (simulated on the real topics)"
publish consilium.specialist.events consilium.specialist.panel-assembled.v1 "$CASE" '{"specialists":[]}'
await_state "$CASE" IN_REVIEW
REPORT=$(cat /proc/sys/kernel/random/uuid)
publish consilium.report.events consilium.report.approved.v1 "$CASE" "{\"reportId\":\"$REPORT\"}"
await_state "$CASE" REPORT_READY
publish consilium.report.events consilium.report.released.v1 "$CASE" "{\"reports\":[{\"reportId\":\"$REPORT\",\"diagnosisAssessment\":\"REFINED\",\"surgeryNecessary\":\"NO\",\"treatmentChanged\":true}]}"
await_state "$CASE" REPORT_DELIVERED

log "after the report (dr-carla)"
call "$DOCTOR" POST "/cases/$CASE/discussion" '{"summary":"Discussed the opinion; active surveillance chosen."}'
call "$DOCTOR" POST "/cases/$CASE/follow-ups" '{}'
FOLLOW_UP=$(printf '%s' "$BODY" | field "[0]['id']")
call "$DOCTOR" POST "/cases/$CASE/follow-ups/$FOLLOW_UP/outcome" '{"treatmentChosen":"Active surveillance","opinionFollowed":"YES"}'
call "$DOCTOR" POST "/cases/$CASE/close"

log "what each role sees"
call "$PARTNER" GET "/cases/$CASE"
call "$PARTNER" GET "/cases/$CASE/timeline"
call "$PATIENT" GET "/cases/$CASE/access-log"
call "$OPS" GET "/ops/queue?tenant=acme"
call "$PARTNER" GET "/statistics/outcomes?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z"
printf '%s\n' "$BODY"
log "case $CASE closed"
