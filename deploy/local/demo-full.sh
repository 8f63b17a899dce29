#!/usr/bin/env bash
# One case through all four services with real Keycloak tokens and no simulated events: alice (patient) opens it,
# dr-carla (personal doctor) asks for records, alice uploads one with tus to document-service, specialist-service
# matches and invites prof-eva, who accepts; report-service opens her draft, she writes and submits it, dr-carla
# approves and releases it, case-service delivers it, and the case is closed. Prints every call and its answer.
# Around it, notification-service tells the people: partner-acme's webhook receiver (webhook-receiver.sh, started
# here on port 8199) prints each signed delivery it verified, alice's e-mail arrives in GreenMail (read over IMAP at
# the end), and her in-app inbox counts the unread items. Last, ops disable a second acme endpoint: the receiver
# gets the signed endpoint-disabled notice naming it, and ops' inbox the item.
# Needs the suite running (deploy/local/start.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=demo-full
source "$DEPLOY_LOCAL/demo-lib.sh"

OPS=$("$DEPLOY_LOCAL/token.sh" olivia)
PARTNER=$("$DEPLOY_LOCAL/token.sh" partner-acme)
PATIENT=$("$DEPLOY_LOCAL/token.sh" alice)
DOCTOR=$("$DEPLOY_LOCAL/token.sh" dr-carla)
EXPERT=$("$DEPLOY_LOCAL/token.sh" prof-eva)
# alice's member id is a read-only attribute of her account (deploy/keycloak/consilium-realm.json): her token
# names it, and case-service takes it from there, never from the request.
MEMBER="$("$DEPLOY_LOCAL/token.sh" --decode alice | field "['memberId']")"

NOTIFY="$API_NOTIFY"
HOOKS="$LOCAL/demo-webhooks.log"
log "partner-acme's webhook receiver on :8199 (its lines in ${HOOKS#"$ROOT"/})"
"$DEPLOY_LOCAL/webhook-receiver.sh" 8199 >"$HOOKS" 2>&1 &
receiver=$!
trap 'kill $receiver 2>/dev/null || true; pkill -f "WebhookReceiver.java 8199" 2>/dev/null || true' EXIT
# the messages alice's mailbox holds already (IMAP "* SEARCH 1 2 ..."): the demo's are the ones after them
ALICE_MAIL=$(( $(curl -s "imap://127.0.0.1:3143/INBOX" --user "alice@example.org:any" -X "SEARCH ALL" | wc -w) - 2 ))

log "setting up acme (plan, roster, personal doctor) and the specialist directory (prof-eva)"
call "$OPS" POST "$API_CASE/plans" '{"tenant":"acme","name":"Demo","coveredSpecialties":["urology","oncology"],"opinionsPerMemberPerYear":100,"allowedSpecialistCountries":["DE","ES","US"],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":3,"active":true}'
curl -s -o /dev/null -X POST -H "Authorization: Bearer $PARTNER" -H 'Content-Type: text/csv' \
  --data-binary $'memberId,plan,validFrom,validTo\n'"$MEMBER"$',Demo,2026-01-01,\n' "$API_CASE/roster"
call "$OPS" PUT "$API_CASE/case-managers/$(subject_of dr-carla)" '{"tenant":"acme","name":"Dr. Carla Castro","languages":["es","en"],"capacity":50,"active":true}'
call "$OPS" POST "$API_SPECIALIST/specialists" "{\"subject\":\"$(subject_of prof-eva)\",\"name\":\"Prof. Eva Engel\",\"specialty\":\"urology\",\"subspecialties\":[\"uro-oncology\"],\"conditions\":[\"C60-C63\"],\"languages\":[\"es\",\"en\",\"de\"],\"licenceCountries\":[\"DE\",\"ES\"],\"practiceCountry\":\"DE\",\"institution\":\"Universitätsklinikum Demo\",\"monthlyCapacity\":50,\"currentLoad\":0,\"turnaroundDays\":5.0,\"active\":true}"

log "intake (alice)"
call "$PATIENT" POST "$API_CASE/cases" "{\"memberId\":\"$MEMBER\",\"patient\":{\"name\":\"Alice Anders\",\"preferredLanguage\":\"es\",\"countryOfResidence\":\"ES\"},\"reasons\":[\"CONFIRM_DIAGNOSIS\",\"SURGERY_OR_LIFELONG_CONSEQUENCES\"],\"diagnosis\":{\"text\":\"Localised prostate cancer\",\"icd10Code\":\"C61\"},\"proposedTreatment\":\"Radical prostatectomy\",\"treatingDoctor\":{\"institution\":\"Hospital Central\"},\"requestedSpecialty\":\"urology\",\"urgency\":\"ROUTINE\",\"questions\":[\"DIAGNOSIS_CORRECT\",\"SURGERY_NECESSARY\"]}"
CASE=$(printf '%s' "$BODY" | field "['id']")
call "$PATIENT" POST "$API_CASE/cases/$CASE/submit"
call "$PATIENT" POST "$API_CASE/cases/$CASE/consents" '{"purpose":"RECORDS_TO_SPECIALISTS","countries":["DE"]}'

log "records (dr-carla asks, alice uploads to document-service with tus)"
call "$DOCTOR" POST "$API_CASE/cases/$CASE/records-requests" '{"items":[{"code":"PATHOLOGY_REPORT","label":"Biopsy pathology report","required":true}]}'
sleep 2
call "$DOCTOR" GET "$API_DOCUMENT/cases/$CASE/checklist"
pdf="$LOCAL/demo-pathology-$RANDOM.pdf"
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n%% demo %s\n' "$CASE" >"$pdf"
meta="filename $(printf 'pathology.pdf' | base64 -w0),contentType $(printf 'application/pdf' | base64 -w0),kind $(printf 'PATHOLOGY_REPORT' | base64 -w0)"
location=$(curl -s -D - -o /dev/null -X POST -H "Authorization: Bearer $PATIENT" -H 'Tus-Resumable: 1.0.0' \
  -H "Upload-Length: $(stat -c %s "$pdf")" -H "Upload-Metadata: $meta" "$API_DOCUMENT/cases/$CASE/uploads" \
  | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
printf '%-6s %-70s -> %s\n' POST "/api/v1/cases/$CASE/uploads" "Location: $location"
[[ "$location" == http* ]] || location="${API_DOCUMENT%/api/v1}$location"
status=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $PATIENT" -H 'Tus-Resumable: 1.0.0' \
  -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0' --data-binary "@$pdf" "$location")
printf '%-6s %-70s -> %s\n' PATCH "${location#http://127.0.0.1:}" "$status"
call "$DOCTOR" GET "$API_DOCUMENT/cases/$CASE/documents"
# The urology checklist still has open items (imaging, laboratory results, the pathology report to accept):
# records-complete answers 409 with them, and dr-carla completes with a reason (recorded in the timeline).
call "$DOCTOR" POST "$API_CASE/cases/$CASE/records-complete"
call "$DOCTOR" POST "$API_CASE/cases/$CASE/records-complete" '{"overrideReason":"Demo: imaging and laboratory results follow by post; the pathology report is enough to start"}'

log "review: specialist-service matches and invites, prof-eva accepts"
call "$DOCTOR" POST "$API_CASE/cases/$CASE/review-requests" '{"panelSize":1}'
for _ in $(seq 1 40); do
  INVITATION=$(curl -s -H "Authorization: Bearer $EXPERT" "$API_SPECIALIST/invitations" | python3 -c "
import json,sys
d=json.load(sys.stdin); items=d['items'] if isinstance(d,dict) else d
print(next((i['id'] for i in items if i.get('caseId')=='$CASE'), ''))")
  [[ -n "$INVITATION" ]] && break
  sleep 0.5
done
[[ -n "$INVITATION" ]] || die "prof-eva was not invited"
call "$EXPERT" GET "$API_SPECIALIST/cases/$CASE/summary"
call "$EXPERT" POST "$API_SPECIALIST/invitations/$INVITATION/accept"
await_state "$DOCTOR" "$CASE" IN_REVIEW
call "$EXPERT" GET "$API_DOCUMENT/cases/$CASE/documents"

log "report (prof-eva writes and submits, dr-carla approves and releases)"
for _ in $(seq 1 40); do
  REPORT=$(curl -s -H "Authorization: Bearer $EXPERT" "$API_REPORT/cases/$CASE/reports" | python3 -c "
import json,sys
d=json.load(sys.stdin); print(d[0]['id'] if isinstance(d,list) and d else '')" 2>/dev/null || true)
  [[ -n "$REPORT" ]] && break
  sleep 0.5
done
[[ -n "$REPORT" ]] || die "report-service opened no draft"
call "$EXPERT" PUT "$API_REPORT/reports/$REPORT/draft" '{"diagnosisAssessment":"REFINED","diagnosis":"Adenocarcinoma of the prostate, Gleason 3+4","diagnosisIcd10":"C61","recommendedTreatment":"Active surveillance","treatmentChanged":true,"alternatives":[{"treatment":"Radical prostatectomy","benefits":"Definitive","risks":"Incontinence, impotence"}],"waitAndSee":"Reasonable with PSA every six months","clinicalTrials":["NCT01234567"],"surgeryNecessary":"NO","surgeryRationale":"Low-risk disease progresses slowly","prognosis":"Excellent ten-year survival","whyDifferent":"The biopsy grading was reviewed","testsToAdd":["Multiparametric MRI"],"testsToStop":["Bone scan"],"medications":["None"],"answers":[{"questionCode":"DIAGNOSIS_CORRECT","text":"Mostly correct, the grade is lower"},{"questionCode":"SURGERY_NECESSARY","text":"Surgery is not needed now"}]}'
call "$EXPERT" POST "$API_REPORT/reports/$REPORT/submit"
call "$DOCTOR" POST "$API_REPORT/reports/$REPORT/approval"
await_state "$DOCTOR" "$CASE" REPORT_READY
call "$DOCTOR" POST "$API_REPORT/cases/$CASE/reports/release"
await_state "$DOCTOR" "$CASE" REPORT_DELIVERED
printf '%-6s %-70s -> %s\n' GET "/api/v1/reports/$REPORT/pdf?kind=summary (alice)" \
  "$(curl -s -o /dev/null -w '%{http_code} %{content_type} %{size_download} bytes' -H "Authorization: Bearer $PATIENT" "$API_REPORT/reports/$REPORT/pdf?kind=summary")"
call "$PATIENT" GET "$API_REPORT/reports/$REPORT/fhir"

log "after the report (dr-carla)"
call "$DOCTOR" POST "$API_CASE/cases/$CASE/discussion" '{"summary":"Discussed the opinion; active surveillance chosen."}'
call "$DOCTOR" POST "$API_CASE/cases/$CASE/close"
call "$PARTNER" GET "$API_CASE/cases/$CASE/timeline"
printf '%s\n' "$BODY" | python3 -c 'import json,sys; [print("       timeline:", e["type"]) for e in json.load(sys.stdin)]'
call "$PATIENT" GET "$API_CASE/cases/$CASE/access-log"
log "case $CASE closed"

log "what notification-service told the people"
for _ in $(seq 1 20); do grep -q "consilium.case.closed.v1" "$HOOKS" && break; sleep 0.5; done
printf 'partner-acme webhook receiver: %s verified deliveries, %s refused\n' "$(grep -c VERIFIED "$HOOKS" || true)" \
  "$(grep -c REFUSED "$HOOKS" || true)"
grep VERIFIED "$HOOKS" | sed -n 's/.*"type":"\([^"]*\)".*"caseId":"\([^"]*\)".*/       webhook \1 (case \2)/p' | grep "$CASE" || true
call "$PATIENT" GET "$NOTIFY/me/notifications/unread-count"
printf '       alice: %s unread in the app\n' "$(printf '%s' "$BODY" | field "['unread']")"
call "$PATIENT" GET "$NOTIFY/me/notifications?size=5"
printf '%s' "$BODY" | python3 -c 'import json,sys
d=json.load(sys.stdin)
for i in (d["items"] if isinstance(d,dict) else d)[:5]: print("       inbox:", i.get("text") or i.get("eventType"), "(unread)" if not i.get("readAt") else "")'
for uid in $(curl -s "imap://127.0.0.1:3143/INBOX" --user "alice@example.org:any" -X "SEARCH ALL" | tr -d '\r' | cut -d' ' -f3- | tr ' ' '\n' | awk -v n="$ALICE_MAIL" 'NF && NR > n'); do
  subject=$(curl -s "imap://127.0.0.1:3143/INBOX;UID=$uid" --user "alice@example.org:any" | tr -d '\r' | awk '/^Subject:/ {sub(/^Subject: /, ""); print; exit}')
  printf '       e-mail to alice@example.org (GreenMail, UID %s): %s\n' "$uid" \
    "$(python3 -c 'import email.header,sys; print(str(email.header.make_header(email.header.decode_header(sys.argv[1]))))' "$subject")"
done

log "an endpoint disabled, and the partner told (ops: olivia)"
call "$PARTNER" POST "$NOTIFY/webhook-endpoints" \
  '{"url":"http://127.0.0.1:8198/member-records","eventTypes":["consilium.case.closed.v1"],"description":"a second acme endpoint"}'
SECOND="$(printf '%s' "$BODY" | field "['id']")"
call "$OPS" POST "$NOTIFY/webhook-endpoints/$SECOND/disable"
for _ in $(seq 1 20); do grep -q "endpoint-disabled" "$HOOKS" && break; sleep 0.5; done
grep VERIFIED "$HOOKS" | sed -n 's/.*"type":"\(consilium.notification.endpoint-disabled.v1\)".*"endpointId":"\([^"]*\)".*/       webhook \1 (endpoint \2)/p'
call "$OPS" GET "$NOTIFY/me/notifications?size=1"
printf '%s' "$BODY" | python3 -c 'import json,sys; [print("       ops inbox:", i["text"]) for i in json.load(sys.stdin)["items"][:1]]'
call "$PARTNER" DELETE "$NOTIFY/webhook-endpoints/$SECOND"
