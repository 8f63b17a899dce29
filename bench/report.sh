#!/usr/bin/env bash
# One benchmark report (issue 18): runs the project's benchmarks one after another, each beside its reference measured
# in the same run, keeps every one's full output in .local/bench-report/<step>.log and prints ONE table at the end
# (measure | Consilium | reference | ratio / notes, as Markdown). Prints figures; asserts nothing.
#
# Steps (STEPS, comma-separated, default all, in this order):
#   startup     bench/startup.sh: each service's jar alone, launch to first /q/health/ready 200, RSS right after (it
#               stops the suite's services); reference: the bare Quarkus + Panache app (bench/bare-insert) measured
#               the same way, on a scratch database consilium_bare_report
#   start       deploy/local/stop.sh, then `deploy/local/start.sh --no-build` timed until it returns (it starts
#               PostgreSQL, Kafka, Keycloak and GreenMail when they are down, then the six services)
#   latency     bench/ReportLatency.java on the running suite: CASES cases at RATE/s through the gateway with Keycloak
#               tokens (opened and submitted by the run's own patients, records asked for by its own doctors); per
#               case consilium.case.records-requested.v1 from case-service's outbox row to the patient's INBOX
#               delivery in notification-service; reference: outbox row to the relay's publish (sent_at); after
#               WARMUP_CASES not counted (the suite has just been started)
#   pgbench     PostgreSQL's pgbench on a scratch database consilium_pgbench: one row per transaction into one table
#               like the bare app's (reference for the bare insert); the suite's services are stopped from here on
#   write-path  bench/write-path.sh: case creation and submission vs the bare Quarkus + Panache insert
#   gateway     bench/gateway-load.sh: creation and overview straight vs through the gateway at fixed rates, then the
#               2 GiB upload straight vs through the gateway
#   upload      bench/document-upload.sh: 2 GiB tus upload vs a plain loopback HTTP copy, document-service's peak RSS
#   webhooks    bench/webhook-fanout.sh: deliveries per second vs the offered rate
# At the end the suite is started again (deploy/local/start.sh --no-build), whatever the steps did.
#
# The settings below keep the whole run under about 35 minutes on 2 cores; each can be replaced (one string of
# VAR=value words, passed to that script's environment; see each script's header for its knobs):
#   LATENCY_SETTINGS     "CASES=200 RATE=5 WARMUP_CASES=50"
#   PGBENCH_SETTINGS     "-n -M prepared -c 8 -j 2 -T 20"        (pgbench options)
#   WRITE_PATH_SETTINGS  "ROUNDS=2 ROUND_SECONDS=15 WARMUP_MAX_SECONDS=40"
#   GATEWAY_SETTINGS     "RATES=100,200 STEP=20 WARMUP=20 WARMUP_RATE=100 UPLOAD_MB=2048 ROUNDS=3"
#   UPLOAD_SETTINGS      "ROUNDS=3"
#   WEBHOOK_SETTINGS     "EVENTS=5000"
# QUICK=1 uses tiny settings instead (a few minutes in all, to see that every step runs and parses; not figures).
# PARSE_ONLY=1 prints the table from the logs of the last run without running anything.
#
#   flock /tmp/suite.lock bench/report.sh               # the report (the lock: nothing else benchmarks meanwhile)
#   QUICK=1 STEPS=latency,pgbench bench/report.sh       # a quick look at two steps
#   PARSE_ONLY=1 bench/report.sh                        # the last run's table again
set -uo pipefail
# `flock FILE bench/report.sh` hands its lock to the script as an open descriptor (3), which every daemon started from
# here (start.sh's services, Keycloak, Kafka) would inherit and keep after the run, holding the lock for ever: closed
# here (flock's own copy holds the lock until the script ends).
for fd in 3 4 5 6 7 8 9; do
  [[ -e /proc/$$/fd/$fd ]] && eval "exec $fd>&-"
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/deploy/local/lib.sh"
LOG_TAG=bench-report
OUT="${REPORT_DIR:-$ROOT/.local/bench-report}"
ALL_STEPS=startup,start,latency,pgbench,write-path,gateway,upload,webhooks
STEPS="${STEPS:-$ALL_STEPS}"
BARE_PORT="${BARE_PORT:-18290}"
export PGPASSWORD="${PGPASSWORD:-consilium}"
if [[ "${QUICK:-0}" == 1 ]]; then
  LATENCY_SETTINGS="${LATENCY_SETTINGS:-CASES=10 RATE=5 WARMUP_CASES=5}"
  PGBENCH_SETTINGS="${PGBENCH_SETTINGS:--n -M prepared -c 8 -j 2 -T 5}"
  WRITE_PATH_SETTINGS="${WRITE_PATH_SETTINGS:-ROUNDS=1 ROUND_SECONDS=5 WARMUP_SECONDS=5 WARMUP_MAX_SECONDS=5 WARMUP_REQUESTS=100 PAUSE_SECONDS=2 PACED_SHARE=0}"
  GATEWAY_SETTINGS="${GATEWAY_SETTINGS:-RATES=20 STEP=5 WARMUP=5 WARMUP_RATE=20 GAP=2 UPLOAD_MB=256 ROUNDS=1}"
  UPLOAD_SETTINGS="${UPLOAD_SETTINGS:-SIZE_MB=256 ROUNDS=1 WARM_RUNS=1 WARM_MB=64 CONCURRENT=2}"
  WEBHOOK_SETTINGS="${WEBHOOK_SETTINGS:-EVENTS=300 WARMUP_EVENTS=100}"
else
  LATENCY_SETTINGS="${LATENCY_SETTINGS:-CASES=200 RATE=5 WARMUP_CASES=50}"
  PGBENCH_SETTINGS="${PGBENCH_SETTINGS:--n -M prepared -c 8 -j 2 -T 20}"
  WRITE_PATH_SETTINGS="${WRITE_PATH_SETTINGS:-ROUNDS=2 ROUND_SECONDS=15 WARMUP_MAX_SECONDS=40}"
  GATEWAY_SETTINGS="${GATEWAY_SETTINGS:-RATES=100,200 STEP=20 WARMUP=20 WARMUP_RATE=100 UPLOAD_MB=2048 ROUNDS=3}"
  UPLOAD_SETTINGS="${UPLOAD_SETTINGS:-ROUNDS=3}"
  WEBHOOK_SETTINGS="${WEBHOOK_SETTINGS:-EVENTS=5000}"
fi
mkdir -p "$OUT"

wanted() { [[ ",$STEPS," == *",$1,"* ]]; }

# step NAME COMMAND...: runs COMMAND with its stdout and stderr in $OUT/NAME.log; notes its duration and exit code
step() {
  local name="$1" s rc=0
  shift
  log "---- $name (log: ${OUT#"$ROOT"/}/$name.log)"
  s="$(now_s)"
  "$@" >"$OUT/$name.log" 2>&1 || rc=$?
  printf '%s\t%s\t%s\n' "$name" "$(elapsed "$s")" "$rc" >>"$OUT/steps.tsv"
  ((rc == 0)) || warn "$name exited with $rc (see $OUT/$name.log)"
  log "---- $name done in $(elapsed "$s") s"
}

suite_running() { [[ "$("$DEPLOY_LOCAL/services.sh" status 2>/dev/null | grep -c running)" -ge 6 ]]; }

# The bare app's start, measured as bench/startup.sh measures a service's: launch to the first 200 from
# /q/health/ready (which needs its database), VmRSS right after.
bare_startup() {
  local jar="$ROOT/bench/bare-insert/target/quarkus-app/quarkus-run.jar" pid start_ns end_ns
  if [[ ! -f "$jar" || -n "$(find "$ROOT/bench/bare-insert/src" "$ROOT/bench/bare-insert/pom.xml" -newer "$jar" -type f | head -1)" ]]; then
    echo "building the bare insert app (bench/bare-insert) ..."
    "$ROOT/mvnw" -B -q -f "$ROOT/bench/bare-insert/pom.xml" package || return 1
  fi
  runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "drop database if exists consilium_bare_report" \
    -c "create database consilium_bare_report owner consilium" || return 1
  printf '%-22s %12s %10s\n' app first-request rss
  start_ns=$(date +%s%N)
  (cd "$LOCAL" && exec java -Xmx256m -Dquarkus.http.port="$BARE_PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/consilium_bare_report" -jar "$jar" >"$OUT/bare-app.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$BARE_PORT/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the bare app exited, see $OUT/bare-app.log"; return 1; }
    sleep 0.05
  done
  end_ns=$(date +%s%N)
  printf '%-22s %10.2f s %10s\n' bare-insert "$(echo "($end_ns - $start_ns)/1000000000" | bc -l)" "$(rss_of "$pid")"
  kill "$pid"
  wait "$pid" 2>/dev/null
  runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "drop database if exists consilium_bare_report"
  return 0
}

# The suite from stopped to ready: stop.sh, then start.sh --no-build timed until it returns.
timed_start() {
  local s rc=0 before=() part
  "$DEPLOY_LOCAL/stop.sh" 2>&1 | sed 's/^/stop.sh: /'
  for part in PostgreSQL:"$PG_PORT" Kafka:9092 Keycloak:"$KEYCLOAK_PORT" GreenMail:3025 gateway:8080; do
    if port_open 127.0.0.1 "${part#*:}"; then before+=("${part%%:*} up"); else before+=("${part%%:*} down"); fi
  done
  s="$(now_s)"
  "$DEPLOY_LOCAL/start.sh" --no-build 2>&1 || rc=$?
  echo "report: start.sh --no-build returned $rc after $(elapsed "$s") s; before it: $(IFS=,; echo "${before[*]}" | sed 's/,/, /g')"
  return "$rc"
}

latency() {
  local pg_jar
  pg_jar=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)
  [[ -n "$pg_jar" ]] || { echo "no PostgreSQL JDBC jar in ~/.m2"; return 1; }
  if ! suite_running; then
    echo "the suite is not running: starting it (deploy/local/start.sh --no-build)"
    "$DEPLOY_LOCAL/start.sh" --no-build >"$OUT/latency-start.log" 2>&1 || { echo "the suite did not start, see $OUT/latency-start.log"; return 1; }
  fi
  # shellcheck disable=SC2086 # the settings are VAR=value words
  env $LATENCY_SETTINGS CASE_JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/consilium_case" \
    NOTIFY_JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/consilium_notification" KEYCLOAK="http://127.0.0.1:$KEYCLOAK_PORT" \
    java -Xmx256m -cp "$pg_jar" "$ROOT/bench/ReportLatency.java"
}

# pgbench: one row per transaction into one table like the bare app's (bench/bare-insert's BareCase), over TCP with a
# password as the apps connect, prepared statements as Hibernate's, as many clients as write-path.sh's connections.
pgbench_insert() {
  local bin
  bin=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
  if [[ -z "$bin" ]]; then
    echo "pgbench not found: installing Debian's postgresql-contrib"
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-contrib
    bin=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
    [[ -n "$bin" ]] || return 1
  fi
  "$DEPLOY_LOCAL/postgres.sh" start >/dev/null 2>&1
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -c "drop database if exists consilium_pgbench" \
    -c "create database consilium_pgbench owner consilium" || return 1
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U consilium consilium_pgbench -c "create table bare_case (
      id uuid primary key, member_id varchar(255), specialty varchar(255), urgency varchar(255),
      diagnosis varchar(2000), proposed_treatment varchar(2000), created_at timestamp(6) with time zone)" || return 1
  cat >"$OUT/pgbench-insert.sql" <<'SQL'
\set member random(1, 20000)
insert into bare_case (id, member_id, specialty, urgency, diagnosis, proposed_treatment, created_at)
  values (gen_random_uuid(), 'M-' || :member, 'urology', 'ROUTINE', 'Localised prostate cancer', 'Radical prostatectomy', now());
SQL
  echo "$bin $PGBENCH_SETTINGS -f insert.sql consilium_pgbench"
  local rc=0
  # shellcheck disable=SC2086 # the settings are pgbench options
  "$bin" -h 127.0.0.1 -p "$PG_PORT" -U consilium $PGBENCH_SETTINGS -f "$OUT/pgbench-insert.sql" consilium_pgbench 2>&1 || rc=$?
  psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U consilium consilium_pgbench -c "select 'rows inserted: ' || count(*) from bare_case"
  runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "drop database if exists consilium_pgbench"
  return "$rc"
}

run_script() { # SETTINGS SCRIPT: the script with the settings in its environment
  local settings="$1"
  shift
  echo "settings: $settings"
  # shellcheck disable=SC2086 # the settings are VAR=value words
  env $settings "$@"
}

# ---- the run
if [[ "${PARSE_ONLY:-0}" != 1 ]]; then
  started="$(now_s)"
  bench_broker_was_up=false
  port_open 127.0.0.1 "$BENCH_KAFKA_PORT" && bench_broker_was_up=true
  : >"$OUT/steps.tsv"
  {
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD)"
    echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "steps=$STEPS"
    echo "quick=${QUICK:-0}"
    for v in LATENCY_SETTINGS PGBENCH_SETTINGS WRITE_PATH_SETTINGS GATEWAY_SETTINGS UPLOAD_SETTINGS WEBHOOK_SETTINGS; do
      echo "$v=${!v}"
    done
  } >"$OUT/meta"
  log "report in $OUT; steps $STEPS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$DEPLOY_LOCAL/start.sh" --infra >"$OUT/infra.log" 2>&1 || warn "the infrastructure did not start (see $OUT/infra.log)"

  if wanted startup; then
    step startup "$ROOT/bench/startup.sh"
    step bare-startup bare_startup
  fi
  wanted start && step start timed_start
  wanted latency && step latency latency
  # from here on the benchmarks run their own instances: the suite's six services would only take CPU from them
  if [[ ",$STEPS," =~ ,(pgbench|write-path|gateway|upload|webhooks), ]]; then
    "$DEPLOY_LOCAL/services.sh" stop >"$OUT/services-stop.log" 2>&1 || true
  fi
  wanted pgbench && step pgbench pgbench_insert
  wanted write-path && step write-path run_script "$WRITE_PATH_SETTINGS" "$ROOT/bench/write-path.sh"
  wanted gateway && step gateway run_script "$GATEWAY_SETTINGS" "$ROOT/bench/gateway-load.sh"
  wanted upload && step upload run_script "$UPLOAD_SETTINGS" "$ROOT/bench/document-upload.sh"
  wanted webhooks && step webhooks run_script "$WEBHOOK_SETTINGS" "$ROOT/bench/webhook-fanout.sh"

  {
    echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "duration=$(elapsed "$started")"
  } >>"$OUT/meta"
  # leave the suite as it was found: running and ready; the benchmarks' broker only if it was running before
  $bench_broker_was_up || KAFKA_INSTANCE=bench "$DEPLOY_LOCAL/kafka.sh" stop >"$OUT/bench-broker-stop.log" 2>&1 || true
  step restart "$DEPLOY_LOCAL/start.sh" --no-build
  echo "suite=$(suite_running && echo "running and ready" || echo "NOT running (see $OUT/restart.log)")" >>"$OUT/meta"
fi

# ---- the table
python3 - "$OUT" <<'PY'
import os, re, statistics, sys

out = sys.argv[1]
meta = {}
if os.path.exists(f"{out}/meta"):
    for line in open(f"{out}/meta"):
        k, _, v = line.rstrip('\n').partition('=')
        meta[k] = v

def text(name):
    p = f"{out}/{name}.log"
    return open(p, errors='replace').read() if os.path.exists(p) else ''

def find(pattern, s, flags=re.M):
    return re.search(pattern, s, flags)

rows = []
def row(measure, consilium, reference, notes):
    rows.append((measure, consilium or '–', reference or '–', notes or ''))

def f(x, digits=0):
    return f"{x:,.{digits}f}"

# start command to all ready
start = text('start')
m = find(r'^report: start\.sh --no-build returned (\d+) after ([\d.]+) s; before it: (.*)$', start)
parts = dict(re.findall(r'\[start\] ---- (\w+) done in ([\d.]+)s', start))
startup = text('startup')
lone = {m_.group(1): (float(m_.group(2)), int(m_.group(3))) for m_ in
        re.finditer(r'^(\S+)\s+([\d.]+) s\s+(\d+) MB', startup, re.M) if m_.group(1) != 'service'}
if m:
    ref = f"services step {parts['services']} s" if 'services' in parts else None
    if lone:
        ref = (ref + '; ' if ref else '') + f"the six started alone one after the other: {f(sum(t for t, _ in lone.values()), 1)} s in all"
    row('start command to all ready (`deploy/local/start.sh --no-build`, suite stopped)',
        f"{float(m.group(2)):.1f} s" + ('' if m.group(1) == '0' else f" (exit {m.group(1)})"), ref,
        ', '.join(f"{k} {v} s" for k, v in parts.items() if k != 'services') + f"; before it: {m.group(3)}")
else:
    row('start command to all ready', None, None, 'not measured (start.log)')

# each service's first request and RSS, beside the bare Quarkus + Panache app
bare = find(r'^bare-insert\s+([\d.]+) s\s+(\d+) MB', text('bare-startup'))
for svc in ['case-service', 'document-service', 'specialist-service', 'report-service', 'notification-service', 'gateway']:
    if svc in lone:
        t, rss = lone[svc]
        notes = f"×{t / float(bare.group(1)):.1f} the time, ×{rss / int(bare.group(2)):.1f} the RSS" if bare else ''
        row(f"{svc}: launch to first request, RSS (`-Xmx256m`, alone)", f"{t:.2f} s, {rss} MB",
            f"bare Quarkus + Panache app {float(bare.group(1)):.2f} s, {bare.group(2)} MB" if bare else None, notes)
    else:
        row(f"{svc}: launch to first request, RSS", None, None, 'not measured (startup.log)')

# the gateway at fixed rates: creation and overview, straight vs through the gateway
gw = text('gateway')
partial = {}
for line in gw.splitlines():
    tok = line.split()
    if len(tok) > 6 and tok[1:3] == ['overview', 'gateway'] and tok[3].endswith('/s') and 'warm-up' not in line:
        partial[int(tok[3][:-2])] = (tok[4], tok[-1])
lines = list(re.finditer(r'^(create|overview)\s+(\d+) \|\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+) \|\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+) \|\s+(\S+) \|\s+(\S+) ms\s+(\S+) ms\s+(\S+) %', gw, re.M))
for kind in ['create', 'overview']:
    got = [l for l in lines if l.group(1) == kind]
    for l in got:
        rate = int(l.group(2))
        what = 'case creation' if kind == 'create' else 'case overview (8 parts)'
        ref = 'straight to case-service' if kind == 'create' else "straight: the client's own 8 calls"
        notes = f"added at p99 {l.group(11)} ms; gateway CPU {l.group(13)} ms/req ({l.group(14)} % of the service's {l.group(12)})"
        if kind == 'overview' and rate in partial:
            notes += f"; partial overviews {partial[rate][1]} of {partial[rate][0]}"
        row(f"{what} through the gateway at {rate}/s: p50 / p99, errors", f"{l.group(7)} / {l.group(8)} ms, {l.group(10)} errors",
            f"{ref}: {l.group(3)} / {l.group(4)} ms, {l.group(6)} errors", notes)
    if not got:
        row(f"case {kind} through the gateway", None, None, 'not measured (gateway.log)')

# write path: creation and submission (closed loop) vs the bare insert, and the bare insert vs pgbench
wp = text('write-path')
med = {}
for l in wp.splitlines():
    cells = [c.strip() for c in l.strip().strip('|').split('|')]
    if len(cells) > 12 and cells[1] == 'median':
        med[cells[0].strip('*')] = cells
pg = find(r'^tps = ([\d.]+)', text('pgbench'))
pg_lat = find(r'^latency average = ([\d.]+) ms', text('pgbench'))
num = lambda s: float(s.replace(',', ''))
bare_cells = med.get('bare insert')
conns = find(r'write path: (\d+) connections', wp)
conns = conns.group(1) if conns else '8'
for kind, label in [('create', 'case creation'), ('submit', 'case submission')]:
    c = med.get(kind)
    if c:
        notes = f"rate ×{num(c[2]) / num(bare_cells[2]):.2f}, CPU per request ×{num(c[11]) / num(bare_cells[11]):.1f} ({c[11]} vs {bare_cells[11]} ms)" if bare_cells else ''
        if pg and kind == 'create':
            notes += f"; pgbench's rate ×{num(c[2]) / float(pg.group(1)):.2f}"
        row(f"{label}, straight to case-service ({conns} connections, closed loop): rate, p50 / p99",
            f"{c[2]}/s, {c[3]} / {c[4]} ms, {c[5]} errors",
            f"bare Quarkus + Panache insert {bare_cells[2]}/s, {bare_cells[3]} / {bare_cells[4]} ms" if bare_cells else None, notes)
    else:
        row(f"{label} ({conns} connections, closed loop)", None, None, 'not measured (write-path.log)')
if bare_cells or pg:
    row(f"bare Quarkus + Panache insert ({conns} connections): rate", f"{bare_cells[2]}/s, p50 {bare_cells[3]} ms" if bare_cells else None,
        f"pgbench, one insert a transaction, 8 clients: {f(float(pg.group(1)))} tps, {pg_lat.group(1) if pg_lat else '?'} ms average" if pg else None,
        f"×{num(bare_cells[2]) / float(pg.group(1)):.2f}" if bare_cells and pg else '')

# event latency: submission ... records-requested -> patient's inbox
lat = text('latency')
ev = find(r"outbox commit -> patient's INBOX delivery: n=(\d+) p50 ([\d.-]+) ms p99 ([\d.-]+) ms max ([\d.-]+) ms \(missing (\d+)\)", lat)
relay = find(r'outbox commit -> relay publish \(sent_at\): n=(\d+) p50 ([\d.-]+) ms p99 ([\d.-]+) ms', lat)
cases = find(r'^cases: (\d+) of (\d+) asked for records in ([\d.]+) s \(offered ([\d.]+)/s\); errors: (.*)$', lat)
steps_ms = dict((s, (a, b)) for s, a, b in re.findall(r'^\s+(\S+)\s+request -> answer through the gateway: n=\d+ p50 (\d+) ms p99 (\d+) ms', lat, re.M))
if ev:
    notes = f"{ev.group(1)} cases at {cases.group(4)}/s, missing {ev.group(5)}, errors {cases.group(5)}" if cases else ''
    if steps_ms:
        notes += '; through the gateway p50 / p99: ' + ', '.join(f"{s} {a} / {b} ms" for s, (a, b) in steps_ms.items())
    row('event latency, submitted case → records asked for → patient\'s inbox item (outbox commit → INBOX delivery): p50 / p99',
        f"{ev.group(2)} / {ev.group(3)} ms", f"outbox commit → relay's publish: {relay.group(2)} / {relay.group(3)} ms" if relay else None, notes)
else:
    row('event latency to the patient\'s inbox', None, None, 'not measured (latency.log)')

# uploads
up_gw = find(r'^median straight (\d+) MB/s, through the gateway (\d+) MB/s; ratio per round: median (\d+) %, min (\d+) %, max (\d+) %', gw)
gw_hwm = find(r'peak during them \(VmHWM\) (\d+) MB', gw)
size = find(r'UPLOAD_MB=(\d+)', meta.get('GATEWAY_SETTINGS', ''))
mib = lambda n: f"{int(n) // 1024} GiB" if int(n) % 1024 == 0 else f"{n} MiB"
if up_gw:
    row(f"{mib(size.group(1)) if size else '2 GiB'} upload through the gateway (one tus PATCH): MB/s", f"{up_gw.group(2)} MB/s (median)",
        f"straight to document-service {up_gw.group(1)} MB/s", f"{up_gw.group(3)} % (rounds {up_gw.group(4)}–{up_gw.group(5)} %)"
        + (f"; gateway peak RSS {gw_hwm.group(1)} MB" if gw_hwm else ''))
else:
    row('2 GiB upload through the gateway', None, None, 'not measured (gateway.log)')
upl = text('upload')
up = find(r'^median\s+plain copy\s+(\d+) MB/s, document-service\s+(\d+) MB/s .*ratio of the rounds: median (\d+) %, min (\d+) %, max (\d+) %', upl)
rss = find(r'^service\s+RSS idle (\d+) MB, peak \(VmHWM\) (\d+) MB', upl)
conc = find(r'^concurrent (\d+) uploads of (\d+) MiB at once: (\d+) answered 204 in ([\d.]+) s, (\d+) MB/s together; peak RSS \(VmHWM\) (\d+) MB', upl)
file = find(r'^file\s+study-(\d+)m\.dcm', upl)
if up:
    row(f"{mib(file.group(1)) if file else '2 GiB'} upload to document-service (tus PATCH, SHA-256, fsync): MB/s", f"{up.group(2)} MB/s (median)",
        f"plain loopback copy (`curl -T` to a Python sink, fsync) {up.group(1)} MB/s", f"{up.group(3)} % (rounds {up.group(4)}–{up.group(5)} %)")
else:
    row('2 GiB upload to document-service', None, None, 'not measured (upload.log)')
if rss:
    row("document-service's peak RSS during those uploads (`-Xmx256m`)", f"{rss.group(2)} MB", f"idle {rss.group(1)} MB",
        f"{conc.group(1)} × {conc.group(2)} MiB at once: {conc.group(3)} accepted, {conc.group(5)} MB/s together, peak {conc.group(6)} MB" if conc else '')

# webhook fan-out
wh = text('webhooks')
healthy = find(r'^first attempts, 19 other endpoints: (\d+) in ([\d.]+) s = (\d+) deliveries/s', wh)
every = find(r'^first attempts: (\d+) in ([\d.]+) s = (\d+) deliveries/s', wh)
p = find(r'^event -> first attempt, 19 other endpoints: p50 (-?\d+) ms\s+p99 (-?\d+) ms\s+max (-?\d+) ms', wh)
published = find(r'^publishing (\d+) events at (\d+)/s', wh)
endpoints = find(r'^registered (\d+) endpoints', wh)
acked = find(r'acknowledged (\d+), duplicates (\d+), missing (\d+)', wh)
if healthy:
    offered = int(published.group(2)) * (int(endpoints.group(1)) - 1) if published and endpoints else None
    notes = f"p50 / p99 event → first attempt {p.group(1)} / {p.group(2)} ms" if p else ''
    if every:
        notes += f"; all {endpoints.group(1) if endpoints else 20} endpoints (one hangs) {every.group(3)}/s"
    if acked:
        notes += f"; duplicates {acked.group(2)}, missing {acked.group(3)}"
    row(f"webhook fan-out, {published.group(1) if published else '?'} events to the answering endpoints: first attempts/s",
        f"{healthy.group(3)}/s", f"offered {f(offered)}/s ({published.group(2)} events/s × {int(endpoints.group(1)) - 1})" if offered else None,
        (f"×{int(healthy.group(3)) / offered:.2f}; " if offered else '') + notes)
else:
    row('webhook fan-out', None, None, 'not measured (webhooks.log)')

# print
print()
print(f"Benchmark report (bench/report.sh), {meta.get('date', '?')}, commit {meta.get('commit', '?')}"
      + (" — QUICK settings, not figures" if meta.get('quick') == '1' else ''))
print(f"load average before {meta.get('load_before', '?')}, after {meta.get('load_after', '?')}; "
      f"took {float(meta.get('duration', 'nan')) / 60:.1f} min; suite afterwards: {meta.get('suite', '?')}")
print('settings: ' + '; '.join(f"{k.replace('_SETTINGS', '').lower()}: {meta[k]}" for k in meta if k.endswith('_SETTINGS')))
if os.path.exists(f"{out}/steps.tsv"):
    print('steps: ' + ', '.join(f"{n} {float(s):.0f} s" + ('' if rc == '0' else f" (exit {rc})")
                                for n, s, rc in (l.rstrip('\n').split('\t') for l in open(f"{out}/steps.tsv") if l.strip())))
print()
print('| measure | Consilium | reference | ratio / notes |')
print('|---|---|---|---|')
for r in rows:
    print('| ' + ' | '.join(r) + ' |')
PY
