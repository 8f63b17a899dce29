#!/usr/bin/env bash
# Write-path benchmark (issue 14): case creation by a partner (POST /api/v1/cases), case submission (POST
# /api/v1/cases/{id}/submit: eligibility, SLA clock, personal doctor, two events) and a bare Quarkus + Panache insert
# (bench/bare-insert: one table, one POST, no auth, no events) as the reference, side by side in one run: a warm-up of
# each, then ROUNDS rounds of the three in turn, each ROUND_SECONDS of closed-loop load on CONNECTIONS keep-alive
# connections, then a pause (at least PAUSE_SECONDS, longer until the round's events are published and consumed) whose
# CPU is counted as the round's deferred work. Prints one table (driver: bench/WritePathLoad.java): rate, p50, p99,
# errors, events per request, CPU ms per request of case-service (or the bare app), PostgreSQL, Kafka and the driver,
# the deferred share, the outbox backlog and the consumers' lag when the load stops and after the pause, how long the
# drain took, event commit → consumer p50/p99, and the medians with their ratios to the bare insert. Prints figures;
# asserts nothing.
#
# case-service runs from its packaged jar (built when missing or older than the sources) on port $PORT (management
# $PORT + 1000) with -Xmx256m and its own fresh database consilium_case_wpbench, on the benchmarks' broker
# (KAFKA_INSTANCE=bench, port BENCH_KAFKA_PORT, default 9592), every consumer in a group of this run from the latest
# offset (the broker keeps other runs' events). Keycloak is not used: the service takes a public key made here, and
# the tokens (partner-acme, an ops user for the set-up) are signed with it. The bare app (built the same way) runs on
# $BARE_PORT with -Xmx256m and its own fresh database consilium_bare_wpbench. Set-up, through the API: a plan for acme
# (urology, 100 opinions a member a year), MEMBERS members in its roster (each case is for the next member, round
# robin), MANAGERS Spanish-speaking personal doctors of capacity 1,000 (the submissions of a run must not exhaust
# them, or the second event goes missing: the table's events/req shows it). Submission rounds submit cases the
# creation rounds (or, outside the measurement, a refill) created.
#
# CPU: utime + stime from /proc/<pid>/stat. PostgreSQL (PG_SCOPE=run, the default) counts the backends connected to
# the run's two databases, their autovacuum workers and the cluster's background processes (walwriter, checkpointer,
# ...), so another benchmark's backends on the same cluster are not counted; PG_SCOPE=all counts every postgres
# process, and the backends that ended, of the cluster. Kafka: the broker's process, which on a shared broker includes
# other runs' traffic (the bare rows show that floor: the bare insert sends nothing to Kafka).
#
#   bench/write-path.sh                                   # 15 s warm-up per kind, 2 rounds of 20 s, pause >= 10 s
#   ROUND_SECONDS=10 ROUNDS=1 WARMUP_SECONDS=10 bench/write-path.sh     # a quick look
#   BENCH_KAFKA_PORT=9692 bench/write-path.sh             # a broker of its own (started in .local/kafka-bench) while
#                                                         # another benchmark uses 9592 (its consumers would take this
#                                                         # run's events, and this run's theirs)
#   SERVICE_OPTS='-agentpath:/tmp/ap/lib/libasyncProfiler.so=start,event=cpu,file=/tmp/case.collapsed,collapsed' bench/write-path.sh
# Settings: CONNECTIONS (8), ROUNDS (2), ROUND_SECONDS (20), WARMUP_SECONDS (15; repeated until WARMUP_REQUESTS,
# 3000, or WARMUP_MAX_SECONDS, 60), PAUSE_SECONDS (10), PACED_SHARE (0.8; 0 for no rounds held to a rate),
# MAX_DRAIN_SECONDS (120), MEMBERS (20000), MANAGERS (40), PORT (18281), BARE_PORT (18290), PG_SCOPE (run|all),
# SERVICE_OPTS and BARE_OPTS (JVM options).
# Needs PostgreSQL (deploy/local/postgres.sh start; PG_PORT for another cluster). Starts the benchmarks' broker when
# it is not running; stop it with KAFKA_INSTANCE=bench deploy/local/kafka.sh stop.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/deploy/local/lib.sh"
LOG_TAG=bench-write-path
WORK="${BENCH_DIR:-$ROOT/.local/bench-write-path}"
PORT="${PORT:-18281}"
BARE_PORT="${BARE_PORT:-18290}"
MEMBERS="${MEMBERS:-20000}"
MANAGERS="${MANAGERS:-40}"
CASE_DB=consilium_case_wpbench
BARE_DB=consilium_bare_wpbench
JAR="$ROOT/case-service/target/quarkus-app/quarkus-run.jar"
BARE="$ROOT/bench/bare-insert"
BARE_JAR="$BARE/target/quarkus-app/quarkus-run.jar"
export PGPASSWORD="${PGPASSWORD:-consilium}"
mkdir -p "$WORK"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The jars, built when missing or older than the sources.
if [[ ! -f "$JAR" || -n "$(find "$ROOT/case-service/src/main" "$ROOT/platform/src/main" -newer "$JAR" -type f | head -1)" ]]; then
  log "building case-service ..."
  (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -pl platform,case-service)
fi
if [[ ! -f "$BARE_JAR" || -n "$(find "$BARE/src" "$BARE/pom.xml" -newer "$BARE_JAR" -type f | head -1)" ]]; then
  log "building the bare insert app (bench/bare-insert) ..."
  "$ROOT/mvnw" -B -q -f "$BARE/pom.xml" package
fi
PG_JAR=$(ls "$ROOT"/case-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)

# 2. Databases and broker.
# case-service's pool (up to 20), the bare app's (up to 20) and the driver's one: on a cluster another benchmark has
# filled, the run would fail halfway with "remaining connection slots are reserved"
if port_open 127.0.0.1 "$PG_PORT"; then
  free=$(runuser -u postgres -- psql -X -Atq -p "$PG_PORT" -c "select current_setting('max_connections')::int
    - current_setting('superuser_reserved_connections')::int - count(*) from pg_stat_activity where backend_type = 'client backend'")
  ((free >= 45)) || die "PostgreSQL has $free connection slots free, the run needs about 45 (see pg_stat_activity)"
fi
"$DEPLOY_LOCAL/postgres.sh" start >/dev/null
for db in "$CASE_DB" "$BARE_DB"; do
  runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "drop database if exists $db" -c "create database $db owner consilium"
done
KAFKA_INSTANCE=bench "$DEPLOY_LOCAL/kafka.sh" start >/dev/null
KAFKA="127.0.0.1:$BENCH_KAFKA_PORT"
KAFKA_PID=$(listener_pid "$BENCH_KAFKA_PORT")
[[ -n "$KAFKA_PID" ]] || die "no pid listens on $BENCH_KAFKA_PORT (the broker's CPU would not be counted)"

# 3. A key pair and tokens signed with it: partner-acme (tenant acme) and an ops user for the set-up.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC=$(openssl pkey -in "$WORK/key.pem" -pubout | grep -v -- '-----' | tr -d '\n')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
sign() { # claims (without iss, aud, iat, exp) -> token
  local head body
  head=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  body=$(printf '{%s,"iss":"consilium-bench","aud":"consilium-api","iat":%d,"exp":%d}' "$1" "$now" $((now + 7200)) | b64url)
  printf '%s.%s.%s' "$head" "$body" "$(printf '%s.%s' "$head" "$body" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
}
PARTNER=$(sign '"sub":"service-account-partner-acme","azp":"partner-acme","preferred_username":"service-account-partner-acme","groups":["partner"],"tenant":"acme"')
OPS=$(sign '"sub":"bench-ops","preferred_username":"bench-ops","groups":["ops"]')

# 4. The two apps.
groups=()
opts=()
for ch in $(grep -o '^mp\.messaging\.incoming\.[a-z0-9-]*' "$ROOT/case-service/src/main/resources/application.properties" | sort -u | cut -d. -f4); do
  groups+=("wpbench-$now-$ch")
  opts+=("-Dmp.messaging.incoming.$ch.auto.offset.reset=latest" "-Dmp.messaging.incoming.$ch.group.id=wpbench-$now-$ch")
done
log "starting case-service on :$PORT (database $CASE_DB, broker $KAFKA) and the bare insert app on :$BARE_PORT ($BARE_DB)"
java -Xmx256m -Dquarkus.http.port="$PORT" -Dquarkus.management.port=$((PORT + 1000)) \
  -Dquarkus.oidc.public-key="$PUBLIC" -Dquarkus.oidc.token.issuer=consilium-bench -Dquarkus.oidc.auth-server-url= \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$CASE_DB" \
  -Dkafka.bootstrap.servers="$KAFKA" "${opts[@]}" ${SERVICE_OPTS:-} -jar "$JAR" >"$WORK/case-service.log" 2>&1 &
pids+=($!)
CASE_PID=$!
java -Xmx256m -Dquarkus.http.port="$BARE_PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$BARE_DB" ${BARE_OPTS:-} -jar "$BARE_JAR" >"$WORK/bare-insert.log" 2>&1 &
pids+=($!)
BARE_PID=$!
wait_for_http "http://127.0.0.1:$PORT/q/health/ready" 180 "$CASE_PID" || { tail -c 3000 "$WORK/case-service.log"; die "case-service did not get ready"; }
wait_for_http "http://127.0.0.1:$BARE_PORT/q/health/ready" 120 "$BARE_PID" || { tail -c 3000 "$WORK/bare-insert.log"; die "the bare app did not get ready"; }

# 5. What the partner's cases need: a plan, MEMBERS members (M-000001 ...), MANAGERS personal doctors.
CASES="http://127.0.0.1:$PORT/api/v1"
curl -fsS -o /dev/null -X POST "$CASES/plans" -H "Authorization: Bearer $OPS" -H 'Content-Type: application/json' \
  -d '{"tenant":"acme","name":"Bench","coveredSpecialties":["urology","oncology"],"opinionsPerMemberPerYear":100,"allowedSpecialistCountries":[],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":3,"active":true}'
{ echo 'memberId,plan,validFrom,validTo'; seq -f 'M-%06g,Bench,2020-01-01,' 1 "$MEMBERS"; } >"$WORK/roster.csv"
curl -fsS -o /dev/null -X POST "$CASES/roster" -H "Authorization: Bearer $PARTNER" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/roster.csv"
for i in $(seq -w 1 "$MANAGERS"); do
  curl -fsS -o /dev/null -X PUT "$CASES/case-managers/bench-dr-$i" -H "Authorization: Bearer $OPS" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"acme\",\"name\":\"Dr. Bench $i\",\"languages\":[\"es\"],\"capacity\":1000,\"active\":true}"
done
# one case opened and submitted, one bare row: every path answers before the clock starts
etag=$(curl -fsS -D - -o "$WORK/first-case.json" -X POST "$CASES/cases" -H "Authorization: Bearer $PARTNER" -H 'Content-Type: application/json' \
  -d '{"memberId":"M-000001","patient":{"preferredLanguage":"es","countryOfResidence":"ES"},"reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"x","icd10Code":"C61"},"proposedTreatment":"x","requestedSpecialty":"urology","urgency":"ROUTINE","questions":["DIAGNOSIS_CORRECT"]}' \
  | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r') || die "a case could not be opened (log: $WORK/case-service.log)"
first=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$WORK/first-case.json")
curl -fsS -o "$WORK/first-submit.json" -X POST "$CASES/cases/$first/submit" -H "Authorization: Bearer $PARTNER" -H "If-Match: $etag" \
  || die "the case could not be submitted (log: $WORK/case-service.log)"
grep -q '"state":"MANAGER_ASSIGNED"\|"managerId"' "$WORK/first-submit.json" || warn "the first submission assigned no personal doctor: $(head -c 300 "$WORK/first-submit.json")"
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$BARE_PORT/api/v1/cases" -H 'Content-Type: application/json' \
  -d '{"memberId":"M-000001","requestedSpecialty":"urology"}' || die "the bare app did not insert (log: $WORK/bare-insert.log)"

log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

# 6. The run.
CASE_URL="http://127.0.0.1:$PORT" BARE_URL="http://127.0.0.1:$BARE_PORT" TOKEN="$PARTNER" CASE_PID="$CASE_PID" BARE_PID="$BARE_PID" \
  KAFKA_PID="$KAFKA_PID" KAFKA="$KAFKA" CONSUMER_GROUPS="$(IFS=,; echo "${groups[*]}")" PG_DATABASES="$CASE_DB,$BARE_DB" \
  CASE_JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/$CASE_DB" CLK_TCK="$(getconf CLK_TCK)" MEMBERS="$MEMBERS" \
  java -Xmx512m -XX:+UseParallelGC -Dlog4j.configuration="file:$LOCAL/kafka-bench/log4j-tools.properties" \
  -cp "$LOCAL/kafka/lib/*:$PG_JAR" "$ROOT/bench/WritePathLoad.java"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "case-service peak RSS $(awk '/VmHWM/ {print int($2 / 1024) " MB"}' "/proc/$CASE_PID/status"), bare app $(awk '/VmHWM/ {print int($2 / 1024) " MB"}' "/proc/$BARE_PID/status") (heaps 256 MB)"
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U consilium "$CASE_DB" -c \
  "select state, count(*) as cases, count(manager_id) as with_doctor from smo_case group by state order by 1" 2>/dev/null || true
