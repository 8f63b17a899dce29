#!/usr/bin/env bash
# Gateway benchmark (issue 16). Two parts, in one run:
#
# 1. Load: constant-rate, open-model steps (Gatling's Java DSL, bench/gatling) of case creation (POST /api/v1/cases
#    as partner-acme, a new Idempotency-Key each) and of the case overview (the gateway's
#    GET /api/v1/cases/{id}/overview; straight: the client fetches the same eight parts from the five services itself,
#    in parallel, timed as one group) at RATES per second (default 200, 500, 1000), each rate once straight to the service and once
#    through the gateway, STEP seconds each (default 30, GAP seconds between steps, default 5), after a warm-up of
#    WARMUP seconds per step (default 20) at WARMUP_RATE per second (default 100). KINDS=create for creation only;
#    TARGETS=gateway (or direct) for one side only; IDEMPOTENCY=false sends creations without an Idempotency-Key.
#    Prints p50, p99, max and errors per step and the CPU per request of the gateway and of the services (clock
#    ticks from /proc/<pid>/stat, read between the steps).
# 2. Upload: a 2 GiB DICOM file (UPLOAD_MB) through one tus PATCH, straight to document-service and through the
#    gateway (heap capped at -Xmx256m), ROUNDS rounds (default 3) in alternating order after a warm-up; prints
#    MB/s of both, their ratio, and the gateway's peak RSS (VmHWM, reset before the uploads) and heap.
#
# Prints figures; asserts nothing. The HTML report of Gatling (latency over time) is left under $WORK/gatling.
#
# Every service runs from its packaged jar (built when missing or older than the sources) on its own port
# (gateway 18180, case-service 18181, document 18182, specialist 18183, report 18184, notification 18185;
# management ports + 1000), with -Xmx256m and its own fresh database consilium_<svc>_gwbench, on the benchmarks'
# broker (KAFKA_INSTANCE=bench, port 9592; every consumer in a group of this run, from the latest offset, so the
# broker's old events are not replayed). Keycloak is not used: the services and the gateway take a public key made
# here, and the tokens (partner-acme, an ops user, a patient) are signed with it.
#
# Settings the bench changes, and why: partner-acme's rate limit is raised to 100,000,000 a minute
# (consilium.gateway.rate-limit.clients."partner-acme".quota; production: 3,000), so that 1,000 requests a second
# from one client are measured instead of refused with 429; the bucket is still taken for every request (one
# PostgreSQL round trip, as in production). Everything else is the production configuration.
#
#   bench/gateway-load.sh                         # load at 200, 500, 1000/s (30 s each), then the 2 GiB uploads
#   RATES=200 STEP=10 WARMUP=5 UPLOAD_MB=0 bench/gateway-load.sh      # a quick look, no upload
#   LOAD=0 UPLOAD_MB=2048 bench/gateway-load.sh   # the uploads only
#   PROFILE=/tmp/ap/linux-x64/libasyncProfiler.so bench/gateway-load.sh   # the gateway under async-profiler
#   LOAD=0 UPLOAD_MB=0 HOLD=900 bench/gateway-load.sh   # the services up for 15 minutes, for a look by hand
# Needs PostgreSQL (deploy/local/postgres.sh start; PG_PORT for another cluster). Starts the benchmarks' broker when
# it is not running; stop it with KAFKA_INSTANCE=bench deploy/local/kafka.sh stop.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/deploy/local/lib.sh"
LOG_TAG=bench-gateway
WORK="${BENCH_DIR:-$ROOT/.local/bench-gateway}"
BASE_PORT="${BASE_PORT:-18180}"
RATES="${RATES:-200,500,1000}"
STEP="${STEP:-30}"
WARMUP="${WARMUP:-20}"
WARMUP_RATE="${WARMUP_RATE:-100}"
KINDS="${KINDS:-create,overview}"
TARGETS="${TARGETS:-direct,gateway}"
IDEMPOTENCY="${IDEMPOTENCY:-true}"
GAP="${GAP:-5}"
# connections per service (Quarkus' default 20): six services at 20 and a busy neighbour exhaust PostgreSQL's 100
DB_POOL="${DB_POOL:-10}"
LOAD="${LOAD:-1}"
UPLOAD_MB="${UPLOAD_MB:-2048}"
ROUNDS="${ROUNDS:-3}"
MEMBERS="${MEMBERS:-10000}"
export PGPASSWORD="${PGPASSWORD:-consilium}"
SERVICES=(gateway case-service document-service specialist-service report-service notification-service)
declare -A PORT_OF=([gateway]=$BASE_PORT [case-service]=$((BASE_PORT + 1)) [document-service]=$((BASE_PORT + 2))
  [specialist-service]=$((BASE_PORT + 3)) [report-service]=$((BASE_PORT + 4)) [notification-service]=$((BASE_PORT + 5)))
declare -A DB_OF=([gateway]=consilium_gateway_gwbench [case-service]=consilium_case_gwbench
  [document-service]=consilium_document_gwbench [specialist-service]=consilium_specialist_gwbench
  [report-service]=consilium_report_gwbench [notification-service]=consilium_notification_gwbench)
declare -A PID_OF=()
mkdir -p "$WORK"
rm -rf "$WORK/store" "$WORK/marks.txt" && mkdir -p "$WORK/store"
pids=()
REPORTING=/sys/module/page_reporting/parameters/page_reporting_order
reporting_was=
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # a service still working off an overload's backlog may take long to stop: 30 s, then SIGKILL
  for _ in $(seq 60); do
    alive=0; for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break; sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK/store"
  [[ -z "$reporting_was" ]] || echo "$reporting_was" > "$REPORTING"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The jars, built when missing or older than the sources; the load generator.
for svc in "${SERVICES[@]}"; do
  jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
  if [[ ! -f "$jar" || -n "$(find "$ROOT/$svc/src/main" "$ROOT/platform/src/main" -newer "$jar" -type f | head -1)" ]]; then
    log "building $svc ..."
    (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -pl "platform,$svc")
  fi
done
GATLING="$ROOT/bench/gatling"
if ((LOAD)); then
  log "building the load generator (bench/gatling) ..."
  "$ROOT/mvnw" -B -q -f "$GATLING/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi

# 2. Databases and broker.
"$DEPLOY_LOCAL/postgres.sh" start >/dev/null
for svc in "${SERVICES[@]}"; do
  runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "drop database if exists ${DB_OF[$svc]}" \
    -c "create database ${DB_OF[$svc]} owner consilium"
done
KAFKA_INSTANCE=bench "$DEPLOY_LOCAL/kafka.sh" start >/dev/null
KAFKA="127.0.0.1:$BENCH_KAFKA_PORT"

# 3. A key pair and tokens signed with it: partner-acme (tenant acme), an ops user, a patient (tenant bench).
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
PATIENT=$(sign '"sub":"bench-patient","preferred_username":"bench-patient","groups":["patient"],"tenant":"bench"')

# 4. The services, then the gateway pointed at them.
url_of() { echo "http://127.0.0.1:${PORT_OF[$1]}"; }
start_service() { # name extra-options...
  local svc="$1" port="${PORT_OF[$1]}" opts=() ch
  shift
  # every consumer of this run in a group of its own, from the latest offset: the bench broker keeps other runs' events
  for ch in $(grep -o '^mp\.messaging\.incoming\.[a-z0-9-]*' "$ROOT/$svc/src/main/resources/application.properties" | sort -u | cut -d. -f4); do
    opts+=("-Dmp.messaging.incoming.$ch.auto.offset.reset=latest" "-Dmp.messaging.incoming.$ch.group.id=gwbench-$now-$svc-$ch")
  done
  java -Xmx256m -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) -Dquarkus.datasource.jdbc.max-size="$DB_POOL" \
    -Dquarkus.oidc.public-key="$PUBLIC" -Dquarkus.oidc.token.issuer=consilium-bench -Dquarkus.oidc.auth-server-url= \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/${DB_OF[$svc]}" \
    -Dkafka.bootstrap.servers="$KAFKA" "${opts[@]}" "$@" \
    -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" >"$WORK/$svc.log" 2>&1 &
  pids+=($!)
  PID_OF[$svc]=$!
}
log "starting the five services on :$((BASE_PORT + 1))-$((BASE_PORT + 5)) (databases *_gwbench, broker $KAFKA)"
start_service case-service
start_service document-service -Dconsilium.document.storage.root="$WORK/store" \
  -Dquarkus.log.category.\"io.consilium.document.api\".level=DEBUG
start_service specialist-service
start_service report-service
start_service notification-service -Dquarkus.oidc-client.auth-server-url=http://127.0.0.1:9/unused
for svc in case-service document-service specialist-service report-service notification-service; do
  wait_for_http "$(url_of "$svc")/q/health/ready" 180 "${PID_OF[$svc]}" || { tail -c 3000 "$WORK/$svc.log"; die "$svc did not get ready"; }
done
# the console's login page names a Keycloak (the console must know where to log in, even when nobody does here):
# without Keycloak the gateway would refuse to start with the empty quarkus.oidc.auth-server-url
gateway_opts=(-Dconsilium.gateway.rate-limit.clients.\"partner-acme\".quota=100000000
  -Dconsilium.gateway.console.auth-server-url=http://127.0.0.1:8180/realms/consilium)
for svc in case-service document-service specialist-service report-service notification-service; do
  gateway_opts+=("-Dconsilium.gateway.services.$svc.url=$(url_of "$svc")")
done
[[ -z "${PROFILE:-}" ]] || gateway_opts+=("-agentpath:$PROFILE=start,event=itimer,interval=5ms,file=$WORK/gateway-profile.txt,collapsed")
log "starting the gateway on :$BASE_PORT"
start_service gateway "${gateway_opts[@]}" ${GATEWAY_OPTS:-}
wait_for_http "$(url_of gateway)/q/health/ready" 120 "${PID_OF[gateway]}" || { tail -c 3000 "$WORK/gateway.log"; die "the gateway did not get ready"; }

# 5. What the partner's cases need: a plan for acme and MEMBERS members in its roster (M-000001 ...).
curl -fsS -o /dev/null -X POST "$(url_of case-service)/api/v1/plans" -H "Authorization: Bearer $OPS" -H 'Content-Type: application/json' \
  -d '{"tenant":"acme","name":"Bench","coveredSpecialties":["urology","oncology"],"opinionsPerMemberPerYear":100,"allowedSpecialistCountries":[],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":3,"active":true}'
{ echo 'memberId,plan,validFrom,validTo'; seq -f 'M-%06g,Bench,2020-01-01,' 1 "$MEMBERS"; } > "$WORK/roster.csv"
curl -fsS -o /dev/null -X POST "$(url_of case-service)/api/v1/roster" -H "Authorization: Bearer $PARTNER" \
  -H 'Content-Type: text/csv' --data-binary @"$WORK/roster.csv"
# one case through the gateway: the whole chain answers before the clock starts
curl -fsS -o /dev/null -X POST "$(url_of gateway)/api/v1/cases" -H "Authorization: Bearer $PARTNER" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: \"bench-$now\"" -d '{"memberId":"M-000001","patient":{"preferredLanguage":"es","countryOfResidence":"ES"},"reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"x","icd10Code":"C61"},"proposedTreatment":"x","requestedSpecialty":"urology","urgency":"ROUTINE","questions":["DIAGNOSIS_CORRECT"]}' \
  || die "a case could not be created through the gateway (logs in $WORK)"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before the run: $load_before"

# 6. The load.
if ((LOAD)); then
  pid_list=$(for svc in "${SERVICES[@]}"; do printf '%s=%s,' "$svc" "${PID_OF[$svc]}"; done)
  service_urls=$(for svc in "${SERVICES[@]}"; do printf '%s=%s,' "$svc" "$(url_of "$svc")"; done)
  rm -rf "$WORK/gatling"
  log "load: $KINDS at $RATES/s, $STEP s per step ($GAP s between steps), after a warm-up of $WARMUP s per step at $WARMUP_RATE/s"
  java -Xms1g -Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$GATLING/target/classes:$(cat "$GATLING/target/classpath.txt")" \
    -Dbench.gateway="$(url_of gateway)" -Dbench.direct="$(url_of case-service)" -Dbench.token="$PARTNER" \
    -Dbench.members="$MEMBERS" -Dbench.rates="$RATES" -Dbench.step="$STEP" -Dbench.warmup="$WARMUP" -Dbench.warmup-rate="$WARMUP_RATE" -Dbench.kinds="$KINDS" -Dbench.targets="$TARGETS" -Dbench.idempotency="$IDEMPOTENCY" -Dbench.gap="$GAP" \
    -Dbench.pids="${pid_list%,}" -Dbench.services="${service_urls%,}" -Dbench.marks="$WORK/marks.txt" \
    -Dgatling.charting.useGroupDurationMetric=true \
    io.gatling.app.Gatling -s io.consilium.bench.GatewaySimulation -rf "$WORK/gatling" > "$WORK/gatling.log" 2>&1 || true
  report=$(ls -d "$WORK"/gatling/*/ 2>/dev/null | tail -1 || true)
  [[ -n "$report" && -f "$report/js/stats.js" ]] || { tail -30 "$WORK/gatling.log"; die "Gatling wrote no report"; }
  echo
  python3 "$ROOT/bench/gatling/report.py" "$report/js/stats.js" "$WORK/marks.txt" "$(getconf CLK_TCK)"
  echo "Gatling's HTML report (latency over time): ${report}index.html"
fi

# 7. The uploads: the same file straight to document-service and through the gateway.
if ((UPLOAD_MB > 0)); then
  # free-page reporting paused as bench/document-upload.sh does (see there), restored on exit
  if [[ "${PAGE_REPORTING:-pause}" != keep && -w "$REPORTING" ]]; then
    reporting_was=$(cat "$REPORTING"); echo 11 > "$REPORTING" 2>/dev/null || reporting_was=
  fi
  FILE="$WORK/study-${UPLOAD_MB}m.dcm"
  WARM="$WORK/warm-up.dcm"
  [[ -f "$FILE" ]] || python3 "$ROOT/bench/gatling/dicom.py" "$FILE" "$UPLOAD_MB"
  [[ -f "$WARM" ]] || python3 "$ROOT/bench/gatling/dicom.py" "$WARM" 256
  new_case() { # a case document-service knows, as if case-service's events had been consumed
    local id
    id=$(cat /proc/sys/kernel/random/uuid)
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U consilium "${DB_OF[document-service]}" -c \
      "insert into case_file (case_id, tenant, patient_id, manager_id, specialty, version) values ('$id', 'bench', 'bench-patient', 'bench-manager', 'oncology', 0)" >/dev/null
    echo "$id"
  }
  upload() { # base-url file -> "code seconds"
    local meta location
    meta="filename $(printf 'study.dcm' | base64),contentType $(printf 'application/dicom' | base64)"
    location=$(curl -sS -D - -o /dev/null -X POST "$1/api/v1/cases/$(new_case)/uploads" \
      -H "Authorization: Bearer $PATIENT" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $(stat -c %s "$2")" \
      -H "Upload-Metadata: $meta" | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
    [[ -n "$location" ]] || { echo "creating the upload failed at $1" >&2; echo "000 0"; return; }
    curl -sS -o "$WORK/patch-answer" -w '%{http_code} %{time_total}' -X PATCH -T "$2" "$location" \
      -H "Authorization: Bearer $PATIENT" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
      -H 'Content-Type: application/offset+octet-stream'
  }
  settle() { find "$WORK/store" -type f -size +1M -delete 2>/dev/null || true; cat "$FILE" > /dev/null; sync; }
  log "uploads: warm-up (2 x 256 MiB each way), then $ROUNDS rounds of $UPLOAD_MB MiB each way"
  for _ in 1 2; do upload "$(url_of document-service)" "$WARM" >/dev/null; upload "$(url_of gateway)" "$WARM" >/dev/null; done
  settle
  echo 5 > "/proc/${PID_OF[gateway]}/clear_refs" 2>/dev/null || true # peak RSS (VmHWM) from here on
  gw_rss0=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/${PID_OF[gateway]}/status")
  : > "$WORK/rounds"
  for round in $(seq "$ROUNDS"); do
    sides=(direct gateway); ((round % 2 == 0)) && sides=(gateway direct)
    for side in "${sides[@]}"; do
      settle
      c0=$(awk '{print $14 + $15}' "/proc/${PID_OF[gateway]}/stat")
      if [[ $side == direct ]]; then r=$(upload "$(url_of document-service)" "$FILE"); else r=$(upload "$(url_of gateway)" "$FILE"); fi
      c1=$(awk '{print $14 + $15}' "/proc/${PID_OF[gateway]}/stat")
      [[ ${r%% *} == 204 ]] || { echo "round $round $side: not accepted: $r $(cat "$WORK/patch-answer")"; }
      echo "$round $side $r $((c1 - c0))" >> "$WORK/rounds"
    done
  done
  gw_hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/${PID_OF[gateway]}/status")
  gw_heap=$(jcmd "${PID_OF[gateway]}" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {print $0}' | head -1)
  echo
  python3 - "$WORK/rounds" "$(stat -c %s "$FILE")" "$(getconf CLK_TCK)" <<'PY' || true
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
size, hz = int(sys.argv[2]), int(sys.argv[3])
runs = {}
for number, side, code, seconds, ticks in rows:
    runs.setdefault(int(number), {})[side] = (code, float(seconds), int(ticks))
ratios = []
print(f"{'round':<6} {'straight to document-service':>30} {'through the gateway':>30} {'ratio':>6}  gateway CPU")
runs = {n: s for n, s in runs.items() if s['direct'][0] == '204' and s['gateway'][0] == '204'}
if not runs:
    sys.exit('no round had both uploads accepted')
for n, s in sorted(runs.items()):
    (dc, ds, _), (gc, gs, gt) = s['direct'], s['gateway']
    ratios.append(ds / gs)
    print(f"{n:<6} {'HTTP ' + dc:>10} {ds:6.2f} s {size / 1e6 / ds:6.0f} MB/s {'HTTP ' + gc:>10} {gs:6.2f} s {size / 1e6 / gs:6.0f} MB/s"
          f" {100 * ds / gs:5.0f} %  {gt / hz:.2f} s")
d = statistics.median(s['direct'][1] for s in runs.values()); g = statistics.median(s['gateway'][1] for s in runs.values())
print(f"median straight {size / 1e6 / d:.0f} MB/s, through the gateway {size / 1e6 / g:.0f} MB/s; ratio per round: median "
      f"{100 * statistics.median(ratios):.0f} %, min {100 * min(ratios):.0f} %, max {100 * max(ratios):.0f} %")
PY
  echo "gateway RSS before the uploads ${gw_rss0} MB, peak during them (VmHWM) ${gw_hwm} MB, -Xmx256m; heap now: ${gw_heap:-?}"
fi
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg) (before: $load_before)"
if [[ -n "${HOLD:-}" ]]; then # keep the services up for a look (HOLD=seconds)
  printf '%s=%s\n' PARTNER "$PARTNER" PATIENT "$PATIENT" OPS "$OPS" > "$WORK/tokens.env"
  log "holding the services for $HOLD s (tokens in $WORK/tokens.env; pids: $(for s in "${SERVICES[@]}"; do printf '%s=%s ' "$s" "${PID_OF[$s]}"; done))"
  sleep "$HOLD"
fi
for svc in "${SERVICES[@]}"; do
  printf '%-22s peak RSS %s MB\n' "$svc" "$(awk '/VmHWM/ {print int($2/1024)}' "/proc/${PID_OF[$svc]}/status")"
done
