#!/usr/bin/env bash
# The gateway's aggregates against the real services, per role: an aggregate must never show a part that the caller
# could not read directly (issue 16). Run on the suite of deploy/local/start.sh after demo-stories.sh or demo-full.sh
# (so there are cases in several states):
#   deploy/local/aggregate-access.sh            # the cases found in the patients' homes
#   deploy/local/aggregate-access.sh <caseId>   # one case
# For every role's user (alice bob lee aj, dr-carla dr-david, prof-eva dr-felix dr-grace prof-henry prof-iris
# dr-javier prof-kate, olivia, partner-acme partner-globex) and every case:
#   - GET /api/v1/cases/{id}/overview through the gateway with the user's own token;
#   - then every part's own path through the gateway (the service's answer, as the user would read it directly);
#   - a part is shown only when the direct call answers 200, and then as the direct call answers it (the
#     notifications part: the unread items about the case of the direct inbox page); a part the direct call refuses
#     (401/403/404) is withheld; an overview that is not 200 is the case's own direct answer (403, 404).
# Then each patient's home (/api/v1/me/home) lists only cases the patient reads directly, and each case manager's
# work queue (/api/v1/me/work-queue) only cases that manager reads directly.
# Prints one line per user and case, and a summary; exits 1 on any difference.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=aggregate-access
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
USERS=(alice bob lee aj dr-carla dr-david prof-eva dr-felix dr-grace prof-henry prof-iris dr-javier prof-kate olivia
  partner-acme partner-globex)
TOKENS="$(mktemp)"
trap 'rm -f "$TOKENS"' EXIT
for user in "${USERS[@]}"; do
  printf '%s\t%s\n' "$user" "$("$DEPLOY_LOCAL/token.sh" "$user")" >> "$TOKENS"
done
log "tokens for ${#USERS[@]} users from Keycloak; checking through $GATEWAY"
GATEWAY="$GATEWAY" python3 - "$TOKENS" "$@" <<'PY'
import json, os, sys, urllib.error, urllib.request

gateway = os.environ["GATEWAY"]
tokens = dict(line.rstrip("\n").split("\t", 1) for line in open(sys.argv[1]))
patients = ["alice", "bob", "lee", "aj"]
managers = ["dr-carla", "dr-david"]

def get(user, path):
    request = urllib.request.Request(gateway + path, headers={"Authorization": "Bearer " + tokens[user],
                                                              "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = answer.read()
            return answer.status, json.loads(body) if body else None
    except urllib.error.HTTPError as error:
        return error.code, None

# the parts of gateway/service/CaseOverviews, by name
def parts(case):
    c = "/api/v1/cases/" + case
    return {"case": c, "timeline": c + "/timeline", "sla": c + "/sla", "checklist": c + "/checklist",
            "specimens": c + "/specimens", "panel": c + "/panel", "reports": c + "/reports",
            "notifications": "/api/v1/me/notifications?size=100"}

def listed_cases(aggregate):
    return ((aggregate or {}).get("cases") or {}).get("items", [])

def unread_about(page, case):
    items = [i for i in page.get("items", []) if i.get("caseId") == case and i.get("readAt") is None]
    return {"unread": len(items), "items": items}

cases = sys.argv[2:]
if not cases:
    for patient in patients:
        status, home = get(patient, "/api/v1/me/home")
        if status == 200:
            cases += [c["summary"]["id"] for c in listed_cases(home)]
cases = list(dict.fromkeys(cases))
if not cases:
    print("no cases found in the patients' homes: run deploy/local/demo-stories.sh or demo-full.sh first")
    sys.exit(2)

problems = []
checked = 0
shown_total = 0
for case in cases:
    for user in tokens:
        status, overview = get(user, "/api/v1/cases/%s/overview" % case)
        direct_case, _ = get(user, "/api/v1/cases/" + case)
        if status != 200:
            if status != direct_case:
                problems.append(f"{user} {case}: overview {status}, the case directly {direct_case}")
            print(f"{user:15s} {case} overview {status} (case directly {direct_case})")
            continue
        if overview.get("partial"):
            problems.append(f"{user} {case}: partial overview, missing {overview.get('missing')}: run again")
        shown = []
        for name, path in parts(case).items():
            direct_status, direct = get(user, path)
            in_overview = name in overview["parts"]
            checked += 1
            if direct_status == 200:
                expected = unread_about(direct, case) if name == "notifications" else direct
                if not in_overview:
                    problems.append(f"{user} {case}: part {name} readable directly but not shown")
                elif overview["parts"][name] != expected:
                    # a part may change between the two reads (a clock, a new timeline entry): read both again once
                    _, again = get(user, "/api/v1/cases/%s/overview" % case)
                    _, direct = get(user, path)
                    expected = unread_about(direct, case) if name == "notifications" else direct
                    if again["parts"].get(name) != expected:
                        problems.append(f"{user} {case}: part {name} differs from the direct answer")
                shown.append(name)
            elif in_overview:
                problems.append(f"{user} {case}: part {name} shown although the direct call answers {direct_status}")
            elif name not in overview.get("withheld", []) and name not in overview.get("missing", []):
                problems.append(f"{user} {case}: part {name} (directly {direct_status}) neither shown, withheld nor missing")
        shown_total += len(shown)
        print(f"{user:15s} {case} overview 200 shows {','.join(shown) or '-'} | withheld {','.join(overview.get('withheld', [])) or '-'}")

# each patient's home and each case manager's work queue: only cases their owner reads directly
for owners, path, label in ((patients, "/api/v1/me/home", "home"), (managers, "/api/v1/me/work-queue", "work queue")):
    for owner in owners:
        status, aggregate = get(owner, path)
        for listed in listed_cases(aggregate):
            direct, _ = get(owner, "/api/v1/cases/" + listed["summary"]["id"])
            if direct != 200:
                problems.append(f"{owner}: {label} lists case {listed['summary']['id']} that they read with {direct}")
        print(f"{owner:15s} {label} {status}: {len(listed_cases(aggregate))} case(s), each readable directly")

print(f"\n{len(cases)} case(s) x {len(tokens)} users: {checked} parts compared with the direct call, {shown_total} shown, "
      f"{len(problems)} problem(s)")
for p in problems:
    print("PROBLEM " + p)
sys.exit(1 if problems else 0)
PY
