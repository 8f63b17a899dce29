#!/usr/bin/env bash
# Walks one case from intake to CLOSED through case-service's API with real Keycloak tokens of each role
# (partner-acme, alice the patient, dr-carla her personal doctor, olivia from ops), publishing the events
# specialist-service and report-service would publish with Kafka's console producer. Prints every call and
# what it returned. Needs the suite running (deploy/local/start.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=demo

source "$DEPLOY_LOCAL/demo-lib.sh"
CASES="$API_CASE"
OPS=$("$DEPLOY_LOCAL/token.sh" olivia)
PARTNER=$("$DEPLOY_LOCAL/token.sh" partner-acme)
PATIENT=$("$DEPLOY_LOCAL/token.sh" alice)
DOCTOR=$("$DEPLOY_LOCAL/token.sh" dr-carla)
DOCTOR_SUB=$(subject_of dr-carla)
# alice's member id is a read-only attribute of her account (deploy/keycloak/consilium-realm.json): her token
# names it, and case-service takes it from there, never from the request.
MEMBER="$("$DEPLOY_LOCAL/token.sh" --decode alice | field "['memberId']")"

log "setting up tenant acme: plan, roster, personal doctor"
call "$OPS" POST "$CASES/plans" '{"tenant":"acme","name":"Demo","coveredSpecialties":["urology","oncology"],"opinionsPerMemberPerYear":100,"allowedSpecialistCountries":["DE","ES","US"],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":3,"active":true}'
curl -s -o /dev/null -X POST -H "Authorization: Bearer $PARTNER" -H 'Content-Type: text/csv' \
  --data-binary $'memberId,plan,validFrom,validTo\n'"$MEMBER"$',Demo,2026-01-01,\n' "$CASES/roster"
printf '%-6s %-60s -> %s\n' POST /roster "member $MEMBER uploaded (text/csv)"
call "$OPS" PUT "$CASES/case-managers/$DOCTOR_SUB" '{"tenant":"acme","name":"Dr. Carla Castro","languages":["es","en"],"capacity":50,"active":true}'

log "intake (patient alice)"
call "$PATIENT" POST "$CASES/cases" "{\"memberId\":\"$MEMBER\",\"patient\":{\"name\":\"Alice Anders\",\"preferredLanguage\":\"es\",\"countryOfResidence\":\"ES\"},\"reasons\":[\"CONFIRM_DIAGNOSIS\",\"SURGERY_OR_LIFELONG_CONSEQUENCES\"],\"diagnosis\":{\"text\":\"Localised prostate cancer\",\"icd10Code\":\"C61\"},\"proposedTreatment\":\"Radical prostatectomy\",\"treatingDoctor\":{\"institution\":\"Hospital Central\"},\"requestedSpecialty\":\"urology\",\"urgency\":\"ROUTINE\",\"questions\":[\"DIAGNOSIS_CORRECT\",\"SURGERY_NECESSARY\"]}"
CASE=$(printf '%s' "$BODY" | field "['id']")
call "$PATIENT" POST "$CASES/cases/$CASE/submit"
call "$PATIENT" POST "$CASES/cases/$CASE/consents" '{"purpose":"RECORDS_TO_SPECIALISTS","countries":["DE","ES"]}'

log "records and review (dr-carla)"
call "$DOCTOR" POST "$CASES/cases/$CASE/records-requests" '{"items":[{"code":"PATHOLOGY_REPORT","label":"Biopsy pathology report","required":true}]}'
call "$PATIENT" POST "$CASES/cases/$CASE/messages" '{"body":"I uploaded the pathology report."}'
# No records were uploaded in this demo: records-complete is refused (409 listing the checklist's open items, or
# CHECKLIST_UNKNOWN without document-service), so dr-carla completes with a reason, kept in the case's timeline.
call "$DOCTOR" POST "$CASES/cases/$CASE/records-complete"
call "$DOCTOR" POST "$CASES/cases/$CASE/records-complete" '{"overrideReason":"Demo: the records were reviewed on paper with the patient"}'
call "$DOCTOR" POST "$CASES/cases/$CASE/review-requests" '{"panelSize":1}'

log "specialist-service and report-service (simulated on the real topics)"
publish consilium.specialist.events consilium.specialist.panel-assembled.v1 "$CASE" '{"specialists":[]}'
await_state "$DOCTOR" "$CASE" IN_REVIEW
REPORT=$(cat /proc/sys/kernel/random/uuid)
publish consilium.report.events consilium.report.approved.v1 "$CASE" "{\"reportId\":\"$REPORT\"}"
await_state "$DOCTOR" "$CASE" REPORT_READY
publish consilium.report.events consilium.report.released.v1 "$CASE" "{\"reports\":[{\"reportId\":\"$REPORT\",\"diagnosisAssessment\":\"REFINED\",\"surgeryNecessary\":\"NO\",\"treatmentChanged\":true}]}"
await_state "$DOCTOR" "$CASE" REPORT_DELIVERED

log "after the report (dr-carla)"
call "$DOCTOR" POST "$CASES/cases/$CASE/discussion" '{"summary":"Discussed the opinion; active surveillance chosen."}'
call "$DOCTOR" POST "$CASES/cases/$CASE/follow-ups" '{}'
FOLLOW_UP=$(printf '%s' "$BODY" | field "[0]['id']")
call "$DOCTOR" POST "$CASES/cases/$CASE/follow-ups/$FOLLOW_UP/outcome" '{"treatmentChosen":"Active surveillance","opinionFollowed":"YES"}'
call "$DOCTOR" POST "$CASES/cases/$CASE/close"

log "what each role sees"
call "$PARTNER" GET "$CASES/cases/$CASE"
call "$PARTNER" GET "$CASES/cases/$CASE/timeline"
call "$PATIENT" GET "$CASES/cases/$CASE/access-log"
call "$OPS" GET "$CASES/ops/queue?tenant=acme"
call "$PARTNER" GET "$CASES/statistics/outcomes?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z"
printf '%s\n' "$BODY"
log "case $CASE closed"
