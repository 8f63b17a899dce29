#!/usr/bin/env bash
# The seed's two stories through the running suite, with real Keycloak tokens and every step a real API call:
#
#   lee  Mr. Lee, two years of itching and rashes treated as a food allergy. partner-acme opens his case; Mr. Lee
#        rewrites the questions in his app and adds his own ("Could my shower gel ...?"), which the partner never
#        reads; dr-carla waives what is not needed, writes the history and asks for a panel of one dermatologist
#        (dr-felix) and one allergist (dr-grace); both read the invitation's short summary, accept, read the full
#        brief with his own question, and answer it in their reports; dr-carla approves and releases both.
#   aj   AJ, an intraocular tumour (choroidal melanoma), lives in Spain. He opens the case himself, URGENT; the
#        panel has three ophthalmic-oncology seats with at least two experts practising outside Spain. prof-iris
#        declines, and her seat alone is refilled from its own candidates (prof-kate); the three (two in the US,
#        one in Spain) report and agree on an alternative to removing the eye.
#
# Usage: deploy/local/demo-stories.sh [lee|aj|both]   (default both). Needs the suite (deploy/local/start.sh).
# The users are in deploy/keycloak/consilium-realm.json (password <user>-pw). An invitation's expiry refilling its
# seat takes hours on a real clock; specialist-service's SeatedPanelsTest shows it under a controllable clock.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=demo-stories
source "$DEPLOY_LOCAL/demo-lib.sh"

which="${1:-both}"
[[ "$which" =~ ^(lee|aj|both)$ ]] || die "usage: $0 [lee|aj|both]"

OPS=$("$DEPLOY_LOCAL/token.sh" olivia)
PARTNER=$("$DEPLOY_LOCAL/token.sh" partner-acme)
DOCTOR=$("$DEPLOY_LOCAL/token.sh" dr-carla)
token() { "$DEPLOY_LOCAL/token.sh" "$1"; }
member_of() { "$DEPLOY_LOCAL/token.sh" --decode "$1" | field "['memberId']"; }

# etag TOKEN URL: the ETag of a resource, for If-Match
etag() { curl -s -D - -o /dev/null -H "Authorization: Bearer $1" "$2" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r'; }

# call_if_match TOKEN METHOD URL ETAG JSON: like call, with If-Match
call_if_match() {
  local out
  out=$(curl -s -w '\n%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H "If-Match: $4" \
    -H 'Content-Type: application/json' -d "$5" "$3")
  STATUS="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
  printf '%-6s %-70s -> %s\n' "$2" "${3#http://127.0.0.1:}" "$STATUS"
}

# expect STATUS...: stop the demo when the last call answered otherwise
expect() {
  local s
  for s in "$@"; do [[ "$STATUS" == "$s" ]] && return 0; done
  die "expected HTTP $* but got $STATUS: $BODY"
}

# the directory's subjects by name, for the panel's invitations (fixed ids of deploy/keycloak/consilium-realm.json)
NAMES_PY='NAMES={"fe11c000-0000-4000-8000-000000000009":"dr-felix (DE)","6ace0000-0000-4000-8000-000000000010":"dr-grace (US)","4e0e0000-0000-4000-8000-000000000011":"prof-henry (US)","1e150000-0000-4000-8000-000000000012":"prof-iris (US)","ca7a0000-0000-4000-8000-000000000013":"dr-javier (ES)","ca7e0000-0000-4000-8000-000000000014":"prof-kate (US)"}'

show() { # show PYTHON-STATEMENTS-ON-d: prints a view of the last answer, indented
  printf '%s' "$BODY" | python3 -c "import json,sys
$NAMES_PY
d=json.load(sys.stdin)
$1" | sed 's/^/         /'
}

setup() {
  log "setting up acme: a plan covering the stories' specialties, the roster, the specialist directory"
  call "$OPS" POST "$API_CASE/plans" '{"tenant":"acme","name":"Stories","coveredSpecialties":["dermatology","allergy-immunology","ophthalmic-oncology"],"opinionsPerMemberPerYear":100,"allowedSpecialistCountries":["DE","ES","US"],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":3,"deadlines":{"urgent":{"acceptWithinHours":24,"reportWithinHours":72},"routine":{"acceptWithinHours":48,"reportWithinHours":168}},"active":true}'
  expect 201 409
  curl -s -o /dev/null -w "POST   8081/api/v1/roster (lee, aj)                                        -> %{http_code}\n" -X POST -H "Authorization: Bearer $PARTNER" -H 'Content-Type: text/csv' \
    --data-binary $'memberId,plan,validFrom,validTo\n'"$(member_of lee)"$',Stories,2026-01-01,\n'"$(member_of aj)"$',Stories,2026-01-01,\n' \
    "$API_CASE/roster"
  call "$OPS" PUT "$API_CASE/case-managers/$(subject_of dr-carla)" '{"tenant":"acme","name":"Dr. Carla Castro","languages":["es","en"],"capacity":50,"active":true}'
  expect 200 201
  specialist dr-felix "Dr. Felix Fischer" dermatology '["contact-dermatitis"]' '["L20-L30","L50"]' '["en","de"]' '["DE"]' DE "Charité Demo" 0 4.0
  specialist dr-grace "Dr. Grace Green" allergy-immunology '["chronic-urticaria"]' '["L50","T78"]' '["en"]' '["US"]' US "Mass General Demo" 0 5.0
  specialist prof-henry "Prof. Henry Hall" ophthalmic-oncology '["uveal-melanoma"]' '["C69"]' '["en","es"]' '["US"]' US "Wills Eye Demo" 2 4.0
  specialist prof-iris "Prof. Iris Ito" ophthalmic-oncology '["uveal-melanoma"]' '["C69"]' '["en"]' '["US"]' US "Bascom Palmer Demo" 3 4.5
  specialist dr-javier "Dr. Javier Jara" ophthalmic-oncology '["uveal-melanoma"]' '["C69"]' '["es","en"]' '["ES"]' ES "Hospital Clínic Demo" 1 5.0
  # slower and busier: ranked below the other two US experts, so she is the seat's next candidate
  specialist prof-kate "Prof. Kate King" ophthalmic-oncology '["ocular-oncology"]' '["C69"]' '["en"]' '["US"]' US "MSK Demo" 20 9.0
}

specialist() { # USER NAME SPECIALTY SUBSPECIALTIES CONDITIONS LANGUAGES LICENCES PRACTICE INSTITUTION LOAD TURNAROUND
  call "$OPS" POST "$API_SPECIALIST/specialists" "{\"subject\":\"$(subject_of "$1")\",\"name\":\"$2\",\"specialty\":\"$3\",\"subspecialties\":$4,\"conditions\":$5,\"languages\":$6,\"licenceCountries\":$7,\"practiceCountry\":\"$8\",\"institution\":\"$9\",\"monthlyCapacity\":40,\"currentLoad\":${10},\"turnaroundDays\":${11},\"active\":true}"
  expect 201 409
}

# upload TOKEN CASE KIND FILENAME: one small PDF through document-service's tus endpoint
upload() {
  local pdf="$LOCAL/demo-$3-$RANDOM.pdf" meta location
  printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n%% %s %s\n' "$2" "$3" >"$pdf"
  meta="filename $(printf '%s' "$4" | base64 -w0),contentType $(printf 'application/pdf' | base64 -w0),kind $(printf '%s' "$3" | base64 -w0)"
  # document-service learns of the case from case-service's events: the first tries may come before them
  for _ in $(seq 1 30); do
    location=$(curl -s -D - -o "$LOCAL/demo-upload.out" -X POST -H "Authorization: Bearer $1" -H 'Tus-Resumable: 1.0.0' \
      -H "Upload-Length: $(stat -c %s "$pdf")" -H "Upload-Metadata: $meta" "$API_DOCUMENT/cases/$2/uploads" \
      | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
    [[ -n "$location" ]] && break
    sleep 0.5
  done
  [[ -n "$location" ]] || die "document-service refused the upload of $4: $(cat "$LOCAL/demo-upload.out")"
  [[ "$location" == http* ]] || location="${API_DOCUMENT%/api/v1}$location"
  printf '%-6s %-70s -> %s\n' PATCH "${location#http://127.0.0.1:} ($4, $3)" \
    "$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $1" -H 'Tus-Resumable: 1.0.0' \
      -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0' --data-binary "@$pdf" "$location")"
  rm -f "$pdf"
}

# settle_checklist CASE REASON: the doctor accepts every received record and waives the other required items
settle_checklist() {
  local url="$API_DOCUMENT/cases/$1/checklist" items line id state version code
  for _ in $(seq 1 40); do
    call "$DOCTOR" GET "$url" >/dev/null
    # received records are listed once document-service has scanned them
    [[ "$(printf '%s' "$BODY" | python3 -c 'import json,sys; print(sum(1 for i in json.load(sys.stdin)["items"] if i["state"] in ("RECEIVED","ACCEPTED")))')" -gt 0 ]] && break
    sleep 0.5
  done
  items=$(printf '%s' "$BODY" | python3 -c 'import json,sys
for i in json.load(sys.stdin)["items"]:
    if i["required"]: print(i["id"], i["state"], i["version"], i["code"])')
  while read -r id state version code; do
    case "$state" in
      RECEIVED) call_if_match "$DOCTOR" POST "$url/items/$id/review" "\"$version\"" '{"decision":"ACCEPTED"}'; expect 200 ;;
      PENDING|REJECTED) call_if_match "$DOCTOR" POST "$url/items/$id/waiver" "\"$version\"" "{\"reason\":\"$2 ($code)\"}"; expect 200 ;;
    esac
  done <<<"$items"
  call "$DOCTOR" GET "$url"
  show 'print("checklist:", ", ".join("%s=%s" % (i["code"], i["state"]) for i in d["items"]), "| complete:", d["complete"])'
}

# invitation_of TOKEN CASE [STATE]: the id of the caller's invitation for the case (waits up to 20 s)
invitation_of() {
  local id=""
  for _ in $(seq 1 40); do
    id=$(curl -s -H "Authorization: Bearer $1" "$API_SPECIALIST/invitations?size=100" | python3 -c "
import json,sys
d=json.load(sys.stdin); items=d['items'] if isinstance(d,dict) else d
print(next((i['id'] for i in items if i.get('caseId')=='$2' and i.get('state')=='${3:-INVITED}'), ''))")
    [[ -n "$id" ]] && break
    sleep 0.5
  done
  printf '%s' "$id"
}

# expert_reads_and_accepts USER CASE: the short summary first, the full brief once accepted
expert_reads_and_accepts() {
  local t inv
  t=$(token "$1")
  inv=$(invitation_of "$t" "$2")
  [[ -n "$inv" ]] || die "$1 was not invited to case $2"
  call "$t" GET "$API_SPECIALIST/invitations/$inv"
  show 'print("invitation: seat", d["seat"], d["specialty"], d.get("focus") or "", "| accept by", d["acceptBy"], "| report within", d["reportWithinHours"], "h")'
  call "$t" GET "$API_SPECIALIST/cases/$2/summary"
  show 'print("summary to decide on:", d["visibility"], d["specialty"], d["diagnosisIcd10"], d["urgency"], "| questions:", [q.get("text") or q["questionId"] for q in d["questions"]])'
  call "$t" POST "$API_SPECIALIST/invitations/$inv/accept"
  expect 200
  for _ in $(seq 1 20); do
    call "$t" GET "$API_SPECIALIST/invitations/$inv/brief" >/dev/null
    [[ "$STATUS" == 200 ]] && break
    sleep 0.5
  done
  call "$t" GET "$API_SPECIALIST/invitations/$inv/brief"
  expect 200
  show 'print("brief: diagnosis", d["diagnosis"], "| proposed:", d.get("proposedTreatment"))
for q in d["questions"]:
    print("  question", q["kind"], q["questionId"], "|", q.get("text") or "", "|", q.get("translation") or "")
print("  records:", ", ".join(r["code"] + ("=" + r["status"] if r.get("status") else "") for r in d.get("checklist") or []))'
}

# report USER CASE DRAFT-JSON-PYTHON: the expert's draft, answered question by question, submitted
report() {
  local t rid
  t=$(token "$1")
  for _ in $(seq 1 40); do
    rid=$(curl -s -H "Authorization: Bearer $t" "$API_REPORT/cases/$2/reports" | python3 -c "
import json,sys
d=json.load(sys.stdin); print(d[0]['id'] if isinstance(d,list) and d else '')" 2>/dev/null || true)
    [[ -n "$rid" ]] && break
    sleep 0.5
  done
  [[ -n "$rid" ]] || die "report-service opened no draft for $1"
  call "$t" GET "$API_REPORT/reports/$rid"
  # the draft lists every question of the brief; this expert answers each, the patient's own ones included
  local content
  content=$(printf '%s' "$BODY" | python3 -c "import json,sys
d=json.load(sys.stdin)
answers={ $3 }
c=dict(answers['content'])
c['answers']=[{'questionCode': q['questionId'], 'text': answers['own'] if q['kind']=='OWN' else answers[q['questionId']]} for q in d['questions']]
print(json.dumps(c))")
  call "$t" PUT "$API_REPORT/reports/$rid/draft" "$content"
  expect 200
  call "$t" POST "$API_REPORT/reports/$rid/submit"
  expect 200
  call "$DOCTOR" POST "$API_REPORT/reports/$rid/approval"
  expect 200
  REPORTS+=("$rid")
}

released_answers() { # CASE USER: what the patient reads once released
  local t
  t=$(token "$2")
  await_state "$DOCTOR" "$1" REPORT_READY
  call "$DOCTOR" POST "$API_REPORT/cases/$1/reports/release"
  expect 200
  await_state "$t" "$1" REPORT_DELIVERED
  for rid in "${REPORTS[@]}"; do
    call "$t" GET "$API_REPORT/reports/$rid"
    show 'c=d["content"]; print(d.get("specialistName") or d.get("author",{}).get("name",""), "|", c["diagnosisAssessment"], "|", c["diagnosis"], "->", c["recommendedTreatment"])
qs={q["questionId"]: q for q in d.get("questions",[])}
for a in c["answers"]:
    q=qs.get(a["questionCode"],{}); print("  Q:", q.get("text") or a["questionCode"]); print("  A:", a["text"])'
  done  # issue 13: the one summary of the case, in the patient's language, as the app gets it
  call "$t" GET "$API_REPORT/cases/$1/reports/summary"
  expect 200
  show 'print("summary (" + d["language"] + "):", d["intro"])
for e in d["experts"]: print("  expert:", e["name"], "|", e.get("specialty"), "|", e.get("institution"), "|", e.get("country"))
for s in d["sections"]:
    if s["key"] in ("diagnosis", "treatment", "testsToAdd", "testsToStop", "medications", "differences"):
        print("  " + s["heading"] + ":", s.get("lead") or "", "; ".join(e["text"] for e in s["entries"]))'
}

story_lee() {
  REPORTS=()
  local lee member caseId tag ownId
  lee=$(token lee)
  member=$(member_of lee)
  log "eligibility at intake: a member id not on acme's roster is refused at once, nothing stored"
  call "$PARTNER" POST "$API_CASE/cases" '{"memberId":"M-NOT-ON-ROSTER","patient":{"name":"Nobody","preferredLanguage":"en","countryOfResidence":"DE"},"reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"Rash","icd10Code":"L50.9"},"requestedSpecialty":"dermatology","urgency":"ROUTINE","questions":["DIAGNOSIS_CORRECT"]}'
  expect 422
  show 'print("problem:", d["status"], d.get("reason"), "|", d["detail"])'
  log "Mr. Lee: partner-acme opens the case (two years of itching and rashes, treated as a food allergy)"
  call "$PARTNER" POST "$API_CASE/cases" "{\"memberId\":\"$member\",\"patient\":{\"name\":\"Li Lee\",\"email\":\"lee@example.org\",\"preferredLanguage\":\"en\",\"countryOfResidence\":\"DE\"},\"reasons\":[\"CONFIRM_DIAGNOSIS\"],\"diagnosis\":{\"text\":\"Food allergy with chronic pruritus and urticarial rash\",\"icd10Code\":\"T78.1\"},\"proposedTreatment\":\"Elimination diet and further food allergy tests\",\"treatingDoctor\":{\"name\":\"Dr. Weber\",\"institution\":\"Praxis am Markt\",\"country\":\"DE\"},\"requestedSpecialty\":\"dermatology\",\"urgency\":\"ROUTINE\",\"questions\":[\"DIAGNOSIS_CORRECT\"]}"
  expect 201
  caseId=$(printf '%s' "$BODY" | field "['id']")

  log "Mr. Lee rewrites the questions in his app and adds his own"
  call "$lee" GET "$API_CASE/cases" >/dev/null # links his account to the case by his token's member id
  tag=$(etag "$lee" "$API_CASE/cases/$caseId")
  call_if_match "$lee" PUT "$API_CASE/cases/$caseId/questions" "$tag" '{"reasons":["CONFIRM_DIAGNOSIS","NOT_RESPONDING_TO_TREATMENT"],"questions":["DIAGNOSIS_CORRECT","ALTERNATIVES","BENEFITS_RISKS"],"ownQuestions":[{"text":"Could my shower gel or washing powder be causing the itching, not the food?"}]}'
  expect 200
  show 'print("questions:", d["intake"]["questions"], "| own:", [q["text"] for q in d["intake"]["ownQuestions"]])'
  call "$PARTNER" GET "$API_CASE/cases/$caseId"
  printf '%s' "$BODY" | grep -q "shower gel" && die "the partner read Mr. Lee's own question"
  printf '         partner reads the case: no intake, no free-text question\n'
  call "$lee" POST "$API_CASE/cases/$caseId/submit"
  expect 200
  call "$lee" POST "$API_CASE/cases/$caseId/consents" '{"purpose":"RECORDS_TO_SPECIALISTS","countries":["DE","US"]}'
  expect 201

  log "dr-carla: records, waivers, the history"
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/records-requests" '{"items":[{"code":"LAB_RESULTS","label":"IgE panel and food allergy tests","required":true},{"code":"CLINICAL_PHOTOS","label":"Photos of the rash","required":false}]}'
  expect 200 201
  upload "$lee" "$caseId" LAB_RESULT allergy-tests.pdf
  settle_checklist "$caseId" "Not needed for a dermatological and allergological opinion"
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/records-complete"
  expect 200
  tag=$(etag "$DOCTOR" "$API_CASE/cases/$caseId")
  call_if_match "$DOCTOR" PUT "$API_CASE/cases/$caseId/background" "$tag" '{"history":"Itching and wheals for two years, worse after showering; elimination diet for 18 months without effect; food allergy tests negative twice.","ageBand":"AGE_40_59","sex":"MALE"}'
  expect 200

  log "review: one dermatology and one allergy-immunology seat"
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/review-requests" '{"seats":[{"specialty":"dermatology"},{"specialty":"allergy-immunology"}]}'
  expect 200
  expert_reads_and_accepts dr-felix "$caseId"
  expert_reads_and_accepts dr-grace "$caseId"
  await_state "$DOCTOR" "$caseId" IN_REVIEW

  log "reports: both experts answer every question, Mr. Lee's own included"
  local common="'content': {'diagnosisAssessment':'CHANGED','diagnosis':'Chronic allergic contact dermatitis (preservatives: methylisothiazolinone) with chronic spontaneous urticaria','diagnosisIcd10':'L23.5','recommendedTreatment':'Avoid methylisothiazolinone; second-generation antihistamines; patch test','treatmentChanged':True,'recommendedTreatmentCode':'ALLERGEN_AVOIDANCE','alternatives':[{'treatment':'Omalizumab if antihistamines fail','treatmentCode':'BIOLOGIC_THERAPY','benefits':'Controls refractory urticaria','risks':'Injection reactions, cost'}],'waitAndSee':'Not advised: the itching is treatable now','clinicalTrials':[],'surgeryNecessary':'NO','surgeryRationale':'No surgical question','prognosis':'Good once the allergen is avoided','whyDifferent':'The history points to a contact allergen, not food; food tests were negative twice','testsToAdd':[],'testsToStop':[],'medications':[],'testsToAddCoded':[{'code':'PATCH_TEST_PRESERVATIVES','text':'European baseline series with preservatives'}],'testsToStopCoded':[{'code':'FOOD_ALLERGY_TESTS','text':'Further food allergy tests'}],'medicationsAtc':[{'atc':'R06AE07','text':'Cetirizine 10 mg daily'},{'atc':'D02AC','text':'Emollient without preservatives'}]}"
  report dr-felix "$caseId" "$common, 'DIAGNOSIS_CORRECT':'No: a contact allergy, not a food allergy', 'ALTERNATIVES':'Antihistamines, then omalizumab', 'BENEFITS_RISKS':'Antihistamines are safe long term; avoiding the allergen has no risk', 'own':'Very likely: methylisothiazolinone in shower gels and detergents fits your history. Switch to preservative-free products.'"
  report dr-grace "$caseId" "$common, 'DIAGNOSIS_CORRECT':'No: the food tests were negative twice', 'ALTERNATIVES':'Omalizumab if antihistamines do not control the urticaria', 'BENEFITS_RISKS':'Omalizumab works in most; injections monthly', 'own':'Yes, that is the likeliest cause; the patch test will confirm it.'"
  released_answers "$caseId" lee
  call "$lee" GET "$API_CASE/cases/$caseId/timeline"
  show 'print("timeline:", " > ".join(e["type"].replace("consilium.","").replace(".v1","") + (" (%s)" % e["actor"]["name"] if e.get("actor") and e["actor"].get("name") else "") for e in d))'
  log "Mr. Lee's case $caseId: two experts agree on a contact allergy, add a patch test and stop the food allergy tests"
}

story_aj() {
  REPORTS=()
  local aj member caseId
  aj=$(token aj)
  member=$(member_of aj)
  log "AJ opens his case in the app: an intraocular tumour, the eye's removal proposed (URGENT)"
  call "$aj" POST "$API_CASE/cases" "{\"memberId\":\"$member\",\"patient\":{\"name\":\"Antonio Jiménez\",\"preferredLanguage\":\"es\",\"countryOfResidence\":\"ES\"},\"reasons\":[\"CONFIRM_DIAGNOSIS\",\"SURGERY_OR_LIFELONG_CONSEQUENCES\"],\"diagnosis\":{\"text\":\"Choroidal melanoma, left eye, 11 mm\",\"icd10Code\":\"C69.3\"},\"proposedTreatment\":\"Enucleation of the left eye\",\"treatingDoctor\":{\"institution\":\"Hospital Universitario Demo\"},\"requestedSpecialty\":\"ophthalmic-oncology\",\"urgency\":\"URGENT\",\"questions\":[\"DIAGNOSIS_CORRECT\",\"ALTERNATIVES\",\"SURGERY_NECESSARY\"],\"otherQuestions\":[\"¿Podré conservar la vista del ojo izquierdo?\"]}"
  expect 201
  caseId=$(printf '%s' "$BODY" | field "['id']")
  call "$aj" POST "$API_CASE/cases/$caseId/submit"
  expect 200
  call "$aj" POST "$API_CASE/cases/$caseId/consents" '{"purpose":"RECORDS_TO_SPECIALISTS","countries":["US","ES"]}'
  expect 201

  log "dr-carla: imaging and pathology, the own question translated, three seats with two outside Spain"
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/records-requests" '{"items":[{"code":"IMAGING","label":"Ocular ultrasound and MRI","required":true}]}'
  expect 200 201
  upload "$aj" "$caseId" IMAGING ocular-ultrasound.pdf
  # the biopsy's slides travel to the Spanish expert's pathology lab and back: a specimen on the same checklist
  call "$DOCTOR" POST "$API_DOCUMENT/cases/$caseId/specimens" '{"description":"Fine-needle aspiration cytology slides of the choroidal tumour, left eye","destination":{"institution":"Hospital Clínic Demo, ocular pathology","recipient":"Dr. Javier Jara"}}'
  expect 201
  local specimen
  specimen=$(printf '%s' "$BODY" | field "['id']")
  call "$DOCTOR" POST "$API_DOCUMENT/specimens/$specimen/shipment" '{"carrier":"World Courier","trackingId":"WC-MAD-BCN-20261202-0042"}'
  expect 200
  call "$DOCTOR" POST "$API_DOCUMENT/specimens/$specimen/receipt"
  expect 200
  show 'print("specimen:", d["state"], "| to", d["destinationInstitution"], "(" + d["destinationRecipient"] + ")", "| tracking", d["trackingId"])'
  settle_checklist "$caseId" "Not needed: imaging is diagnostic for this tumour"
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/records-complete"
  expect 200
  local tag own
  own=$(curl -s -H "Authorization: Bearer $DOCTOR" "$API_CASE/cases/$caseId" | field "['intake']['ownQuestions'][0]['id']")
  tag=$(etag "$DOCTOR" "$API_CASE/cases/$caseId")
  call_if_match "$DOCTOR" PUT "$API_CASE/cases/$caseId/questions/$own/translation" "$tag" '{"language":"en","text":"Will I keep the sight of my left eye?"}'
  expect 200
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/review-requests" '{"seats":[{"specialty":"ophthalmic-oncology","focus":"C69.3"},{"specialty":"ophthalmic-oncology","focus":"C69.3"},{"specialty":"ophthalmic-oncology","focus":"C69.3"}],"countryRules":{"minOutsideResidence":2,"allowed":["US","ES"]}}'
  expect 200
  local iris
  iris=$(token prof-iris)
  local inv
  inv=$(invitation_of "$iris" "$caseId")
  [[ -n "$inv" ]] || die "prof-iris was not invited"
  call "$OPS" GET "$API_SPECIALIST/cases/$caseId/panel"
  show 'print("panel:", d.get("state"), "| allowed", d.get("allowedCountries"), "| outside residence >=", d.get("minOutsideResidence"))
for s in d.get("seats",[]): print("  seat", s["number"], s["specialty"], s.get("focus") or "")
for i in d.get("invitations",[]): print("  invitation seat", i["seat"], NAMES.get(i["specialistSubject"], i["specialistSubject"]), i["state"])'
  log "prof-iris declines; only her seat is refilled, from its own candidates"
  call "$iris" POST "$API_SPECIALIST/invitations/$inv/decline" '{"reason":"No capacity before the due date"}'
  expect 200
  expert_reads_and_accepts prof-henry "$caseId"
  expert_reads_and_accepts dr-javier "$caseId"
  expert_reads_and_accepts prof-kate "$caseId"
  await_state "$DOCTOR" "$caseId" IN_REVIEW
  call "$OPS" GET "$API_SPECIALIST/cases/$caseId/panel"
  show 'for i in d.get("invitations",[]): print("  invitation seat", i["seat"], NAMES.get(i["specialistSubject"], i["specialistSubject"]), i["state"])'

  log "reports: the three agree on plaque brachytherapy instead of removing the eye"
  local common="'content': {'diagnosisAssessment':'CONFIRMED','diagnosis':'Choroidal melanoma, medium size (COMS), no extrascleral extension','diagnosisIcd10':'C69.3','recommendedTreatment':'Iodine-125 plaque brachytherapy','recommendedTreatmentCode':'PLAQUE_BRACHYTHERAPY','treatmentChanged':True,'alternatives':[{'treatment':'Proton beam radiotherapy','treatmentCode':'PROTON_THERAPY','benefits':'Eye preserved, similar tumour control','risks':'Radiation retinopathy'},{'treatment':'Enucleation','treatmentCode':'ENUCLEATION','benefits':'Definitive local control','risks':'Loss of the eye'}],'waitAndSee':'No: the tumour should be treated within weeks','clinicalTrials':['NCT02068586'],'surgeryNecessary':'NO','surgeryRationale':'For a medium tumour survival after brachytherapy equals enucleation (COMS)','prognosis':'Five-year survival about 80 %; vision depends on the distance to the optic disc','whyDifferent':'Enucleation is for large tumours; this one is medium-sized','testsToAdd':[],'testsToStop':[],'medications':[],'testsToAddCoded':[{'code':'LIVER_MRI','text':'Liver MRI for staging'},{'code':'TUMOUR_GENE_EXPRESSION_PROFILE','text':'Gene expression profiling of the tumour'}]}"
  local answers="'DIAGNOSIS_CORRECT':'Yes, the imaging is typical of a choroidal melanoma', 'ALTERNATIVES':'Plaque brachytherapy or proton beam therapy preserve the eye', 'SURGERY_NECESSARY':'No: removing the eye is not needed for a tumour of this size', 'own':'Probably partly: most patients keep useful sight for some years after brachytherapy'"
  report prof-henry "$caseId" "$common, $answers"
  report dr-javier "$caseId" "$common, $answers"
  report prof-kate "$caseId" "$common, $answers"
  released_answers "$caseId" aj
  log "the slides go back to the treating hospital"
  call "$(token dr-javier)" POST "$API_DOCUMENT/specimens/$specimen/return-shipment" '{"carrier":"World Courier","trackingId":"WC-BCN-MAD-20261209-0007"}'
  expect 200
  call "$DOCTOR" POST "$API_DOCUMENT/specimens/$specimen/return"
  expect 200
  show 'print("specimen:", d["state"], "| returned with", d.get("returnTrackingId"))'

  log "follow-up: dr-carla finds an in-network provider of the recommended treatment near AJ and records his choice"
  call "$OPS" POST "$API_SPECIALIST/providers" '{"tenant":"acme","kind":"FACILITY","name":"Hospital Clínic Demo, ocular oncology unit","specialty":"ophthalmic-oncology","city":"Barcelona","country":"ES","languages":["es","ca","en"],"treatments":["PLAQUE_BRACHYTHERAPY","PROTON_THERAPY"],"treatmentsText":"Plaque brachytherapy with iodine-125","networks":["acme-standard"],"latitude":41.3874,"longitude":2.1686}'
  expect 201
  sleep 2 # case-service learns the provider from specialist-service's provider-changed event
  call "$DOCTOR" GET "$API_SPECIALIST/providers?treatment=PLAQUE_BRACHYTHERAPY&network=acme-standard&latitude=40.4168&longitude=-3.7038"
  show 'for p in d["items"][:3]: print("provider:", p["name"], p["city"], p.get("distanceKm"), "km |", p["treatments"])'
  local provider
  provider=$(printf '%s' "$BODY" | field "['items'][0]['id']")
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/discussion" '{"summary":"Discussed the three opinions with AJ; he chooses plaque brachytherapy."}'
  expect 200
  call "$DOCTOR" POST "$API_CASE/cases/$caseId/follow-ups" '{"daysAfterReport":[30,90]}'
  expect 200 201
  local followUp
  followUp=$(curl -s -H "Authorization: Bearer $DOCTOR" "$API_CASE/cases/$caseId/follow-ups" | field "[0]['id']")
  for _ in $(seq 1 20); do
    call "$DOCTOR" POST "$API_CASE/cases/$caseId/follow-ups/$followUp/outcome" "{\"treatmentChosen\":\"Iodine-125 plaque brachytherapy\",\"treatmentCode\":\"PLAQUE_BRACHYTHERAPY\",\"opinionFollowed\":\"YES\",\"providerId\":\"$provider\",\"notes\":\"Booked for next week\"}"
    [[ "$STATUS" == 200 ]] && break
    sleep 1 # until the provider-changed event has reached case-service
  done
  expect 200
  log "AJ's case $caseId: three experts (two in the US, one in Spain) agree on brachytherapy instead of enucleation"
}

setup
[[ "$which" == lee || "$which" == both ]] && story_lee
[[ "$which" == aj || "$which" == both ]] && story_aj
log "done"
