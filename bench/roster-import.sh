#!/usr/bin/env bash
# Roster import benchmark: case-service alone with a small heap (-Xmx96m by default) on port 8091, one CSV
# upload of ROWS members (default 1,000,000) by the partner-acme client; prints rows per second and the
# service's peak RSS (VmHWM) and heap cap, to show the import streams instead of holding the file.
# Needs PostgreSQL, Kafka and Keycloak running (deploy/local/start.sh) and a built case-service jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
LOG_TAG=bench

ROWS="${ROWS:-1000000}"
HEAP="${HEAP:-96m}"
PORT=8091
jar="$ROOT/case-service/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || die "$jar missing: ./mvnw -B -DskipTests package -pl platform,case-service"
mkdir -p "$LOCAL/bench"
csv="$LOCAL/bench/roster-$ROWS.csv"
if [[ ! -f "$csv" ]]; then
  log "generating $ROWS rows"
  { echo "memberId,plan,validFrom,validTo"; seq 1 "$ROWS" | sed 's/^/B-/; s/$/,Bench,2026-01-01,/'; } >"$csv"
fi

(cd "$LOCAL" && exec java "-Xmx$HEAP" -Dquarkus.http.port=$PORT -jar "$jar" >"$LOCAL/bench/case-service.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 "$pid" 2>/dev/null || die "case-service exited, see $LOCAL/bench/case-service.log"
  sleep 0.2
done
curl -s -o /dev/null -X POST -H "Authorization: Bearer $("$DEPLOY_LOCAL/token.sh" olivia)" -H 'Content-Type: application/json' \
  -d '{"tenant":"acme","name":"Bench","coveredSpecialties":["urology"],"opinionsPerMemberPerYear":1,"allowedSpecialistCountries":[],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":1,"active":true}' \
  "http://127.0.0.1:$PORT/api/v1/plans"
token=$("$DEPLOY_LOCAL/token.sh" partner-acme)
rss_before=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
start=$(date +%s%N)
report=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$csv" \
  "http://127.0.0.1:$PORT/api/v1/roster")
end=$(date +%s%N)
hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
seconds=$(echo "($end - $start)/1000000000" | bc -l)
printf 'rows %s, file %s MB, heap cap %s\n' "$ROWS" "$(($(stat -c %s "$csv") / 1048576))" "$HEAP"
printf 'report: %s\n' "$(printf '%s' "$report" | head -c 200)"
printf 'import: %.1f s, %.0f rows/s; RSS before %s MB, peak (VmHWM) %s MB\n' "$seconds" "$(echo "$ROWS / $seconds" | bc -l)" "$rss_before" "$hwm"
