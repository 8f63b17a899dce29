#!/usr/bin/env bash
# Upload benchmark for document-service (issue 4): a 2 GiB DICOM file uploaded through the API (tus PATCH,
# one request) with the service's heap capped at 256 MB, beside a plain HTTP upload of the same file over
# loopback to a minimal upload sink, in the same run. Prints MB/s for both, their ratio, and the service's
# peak RSS (VmHWM). Prints figures; asserts nothing.
#
# After a JIT warm-up it runs ROUNDS rounds (default 5) of both transfers, their order alternating, each
# transfer after the other's output is deleted and flushed; it prints every round and the medians, since on a
# shared 2-core machine one transfer alone can be off by a third.
#
# Needs PostgreSQL and Kafka running (deploy/local/postgres.sh start, kafka.sh start; other ports with
# PG_PORT (or DB_PORT) and KAFKA_PORT, e.g. PG_PORT=5433 KAFKA_PORT=9292 for a worktree's own cluster and
# test broker); Keycloak is not used:
# the service is started with quarkus.oidc.public-key set to a key pair made here, and the script signs its
# own bearer token (RS256, openssl) with the claims the service expects (sub, groups, tenant, aud). The case
# the upload goes to is inserted into the service's database directly, as if case-service's submitted and
# manager-assigned events had been consumed.
#
# Both sides write the bytes to a file on the same filesystem and fsync it before answering (the service
# does so before the atomic rename into the store), so the comparison is like for like. PLAIN_FSYNC=0 drops the
# sink's fsync (a page-cache-only copy, the upper bound of loopback speed).
#
#   bench/document-upload.sh              # 2 GiB
#   SIZE_MB=512 bench/document-upload.sh  # smaller
#   ROUNDS=5 WARM_MB=64 WARM_RUNS=1 bench/document-upload.sh
#   STORAGE=s3 bench/document-upload.sh   # objects in an S3 API server (s3proxy, filesystem backend) instead
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE_MB="${SIZE_MB:-2048}"
PORT="${PORT:-18082}"
SINK_PORT="${SINK_PORT:-18099}"
WORK="${BENCH_DIR:-$ROOT/.local/bench-document}"
JAR="$ROOT/document-service/target/quarkus-app/quarkus-run.jar"
export PGPASSWORD="${PGPASSWORD:-consilium}"
# The database (psql here, DB_PORT in the service's datasource URL) and the broker the service publishes to.
PG_PORT="${PG_PORT:-${DB_PORT:-5432}}"
export PGPORT="$PG_PORT" DB_PORT="$PG_PORT"
KAFKA_PORT="${KAFKA_PORT:-9092}"

mkdir -p "$WORK"
STORAGE="${STORAGE:-local}"
rm -rf "$WORK/store" "$WORK/sink" "$WORK/s3" && mkdir -p "$WORK/store" "$WORK/sink"
pids=()
# On a VM whose balloon reports free pages to the host (Firecracker, QEMU with free-page-reporting), memory the
# host has taken back is slow to write into again: dd of the 2 GiB file took 0.9-1.7 s straight after the
# previous copy was deleted and 4.2-5.0 s after 6 s idle, and a writer held to 800 MB/s spent 1.8 s in the
# kernel where one at full speed spent 0.5 s, as the freed pages go back to the host while it writes. So
# whichever side is slower is slowed again, by the host, not by its own work. The run pauses the reporting
# (when it may: root, the knob exists) and restores it on exit, so both sides meet the same memory;
# PAGE_REPORTING=keep leaves it on.
REPORTING=/sys/module/page_reporting/parameters/page_reporting_order
reporting_was=
if [[ "${PAGE_REPORTING:-pause}" != keep && -w "$REPORTING" ]]; then
  reporting_was=$(cat "$REPORTING")
  echo 11 > "$REPORTING" 2>/dev/null || reporting_was=
fi
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK/store" "$WORK/sink" "$WORK/s3"
  [[ -z "$reporting_was" ]] || echo "$reporting_was" > "$REPORTING"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The service jar, built when missing or older than the sources.
if [[ ! -f "$JAR" || -n "$(find "$ROOT/document-service/src/main" "$ROOT/platform/src/main" -newer "$JAR" -type f | head -1)" ]]; then
  echo "building document-service ..."
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl document-service -am)
fi

# 2. A 2 GiB DICOM file (explicit VR little endian header, pixel data of zeros), made once.
FILE="$WORK/study-${SIZE_MB}m.dcm"
if [[ ! -f "$FILE" ]]; then
  echo "writing $FILE ..."
  python3 - "$FILE" "$SIZE_MB" <<'PY'
import struct, sys
path, size_mb = sys.argv[1], int(sys.argv[2])
def el(group, elem, vr, value, explicit=True):
    head = struct.pack('<HH', group, elem) + vr.encode()
    if vr in ('OB', 'OW', 'SQ', 'UN', 'UT'):
        return head + b'\0\0' + struct.pack('<I', len(value)) + value
    return head + struct.pack('<H', len(value)) + value
def ui(s):
    b = s.encode(); return b + (b'\0' if len(b) % 2 else b'')
def tx(s):
    b = s.encode(); return b + (b' ' if len(b) % 2 else b'')
meta = (el(2, 1, 'OB', b'\0\1') + el(2, 2, 'UI', ui('1.2.840.10008.5.1.4.1.1.2'))
        + el(2, 3, 'UI', ui('1.2.826.0.1.3680043.10.9.1')) + el(2, 0x10, 'UI', ui('1.2.840.10008.1.2.1')))
header = b'\0' * 128 + b'DICM' + el(2, 0, 'UL', struct.pack('<I', len(meta))) + meta
header += (el(8, 0x16, 'UI', ui('1.2.840.10008.5.1.4.1.1.2')) + el(8, 0x18, 'UI', ui('1.2.826.0.1.3680043.10.9.1'))
           + el(8, 0x20, 'DA', tx('20261125')) + el(8, 0x60, 'CS', tx('CT')) + el(0x18, 0x15, 'CS', tx('CHEST'))
           + el(0x20, 0xD, 'UI', ui('1.2.826.0.1.3680043.10.9.2')) + el(0x20, 0xE, 'UI', ui('1.2.826.0.1.3680043.10.9.3')))
pixels = size_mb * 1024 * 1024 - len(header) - 12
pixels -= pixels % 2
with open(path, 'wb') as f:
    f.write(header + struct.pack('<HH', 0x7FE0, 0x10) + b'OW\0\0' + struct.pack('<I', pixels))
    chunk = b'\0' * (8 << 20)
    left = pixels
    while left > 0:
        f.write(chunk[:min(len(chunk), left)]); left -= min(len(chunk), left)
PY
fi
BYTES=$(stat -c %s "$FILE")

# 3. Plain copy: curl -T to a minimal Python upload sink (HTTP/1.1, 100-continue, writes and fsyncs).
cat > "$WORK/sink.py" <<'PY'
import http.server, os, sys
class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def do_PUT(self):
        left = int(self.headers['Content-Length'])
        with open(os.path.join(sys.argv[2], 'upload.bin'), 'wb') as f:
            while left > 0:
                chunk = self.rfile.read(min(left, 1 << 16))
                if not chunk: break
                f.write(chunk); left -= len(chunk)
            f.flush()
            if sys.argv[3] == '1': os.fsync(f.fileno())
        self.send_response(204); self.send_header('Content-Length', '0'); self.end_headers()
    def log_message(self, *args): pass
http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), Sink).serve_forever()
PY
python3 "$WORK/sink.py" "$SINK_PORT" "$WORK/sink" "${PLAIN_FSYNC:-1}" & pids+=($!)

# 4. A key pair, the service started with it, and a token signed with it.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC=$(openssl pkey -in "$WORK/key.pem" -pubout | grep -v -- '-----' | tr -d '\n')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
JWT_HEAD=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
JWT_BODY=$(printf '{"sub":"bench-patient","preferred_username":"bench-patient","groups":["patient"],"tenant":"bench","iss":"consilium-bench","aud":"consilium-api","iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64url)
JWT_SIG=$(printf '%s.%s' "$JWT_HEAD" "$JWT_BODY" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)
TOKEN="$JWT_HEAD.$JWT_BODY.$JWT_SIG"

# With STORAGE=s3 the service keeps its objects in s3proxy (the jar the tests use, built by the module's
# generate-test-resources), whose filesystem backend writes them under $WORK/s3/<bucket>.
storage_opts=()
if [[ $STORAGE == s3 ]]; then
  S3PROXY="$ROOT/document-service/target/s3proxy/s3proxy.jar"
  [[ -f "$S3PROXY" ]] || (cd "$ROOT" && ./mvnw -B -q generate-test-resources -pl document-service -am)
  S3_PORT="${S3_PORT:-18098}"
  mkdir -p "$WORK/s3/consilium-bench" # a bucket is a directory to this backend
  printf '%s\n' "s3proxy.endpoint=http://127.0.0.1:$S3_PORT" s3proxy.authorization=aws-v2-or-v4 \
    s3proxy.identity=bench s3proxy.credential=bench-secret jclouds.provider=filesystem \
    "jclouds.filesystem.basedir=$WORK/s3" jclouds.identity=bench jclouds.credential=bench-secret > "$WORK/s3proxy.properties"
  java -Xmx256m -jar "$S3PROXY" --properties "$WORK/s3proxy.properties" > "$WORK/s3proxy.log" 2>&1 & pids+=($!)
  until curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/"; do sleep 0.2; done
  storage_opts=(-Dconsilium.document.storage.kind=s3 -Dconsilium.document.storage.s3.endpoint="http://127.0.0.1:$S3_PORT"
    -Dconsilium.document.storage.s3.region=us-east-1 -Dconsilium.document.storage.s3.bucket=consilium-bench
    -Dconsilium.document.storage.s3.path-style=true -Dconsilium.document.storage.s3.access-key=bench
    -Dconsilium.document.storage.s3.secret-key=bench-secret)
fi
java -Xmx256m ${SERVICE_OPTS:-} "${storage_opts[@]}" -Dquarkus.http.port="$PORT" -Dquarkus.oidc.public-key="$PUBLIC" \
  -Dquarkus.oidc.token.issuer=consilium-bench -Dquarkus.oidc.auth-server-url= \
  -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" \
  -Dconsilium.document.storage.root="$WORK/store" -Dquarkus.log.category.\"io.consilium.document.api\".level=DEBUG \
  -jar "$JAR" > "$WORK/service.log" 2>&1 & SERVICE=$!; pids+=($SERVICE)
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/live"; do
  kill -0 "$SERVICE" 2>/dev/null || { echo "service exited, see $WORK/service.log"; tail -20 "$WORK/service.log"; exit 1; }
  sleep 0.2
done
rss_idle=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$SERVICE/status")


# 5. Each upload goes to a case of its own (the service refuses the same file twice in one case), inserted as
#    if case-service's submitted and manager-assigned events had been consumed.
new_case() {
  local id
  id=$(python3 -c 'import uuid; print(uuid.uuid4())')
  psql -q -h 127.0.0.1 -U consilium consilium_document -c \
    "insert into case_file (case_id, tenant, patient_id, manager_id, specialty, version) values ('$id', 'bench', 'bench-patient', 'bench-manager', 'oncology', 0)" >/dev/null
  echo "$id"
}
upload() { # file -> "code seconds"
  local meta location case_id
  case_id=$(new_case)
  meta="filename $(printf 'study.dcm' | base64),contentType $(printf 'application/dicom' | base64)"
  location=$(curl -sS -D - -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/cases/$case_id/uploads" \
    -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $(stat -c %s "$1")" \
    -H "Upload-Metadata: $meta" | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
  [[ -n "$location" ]] || { echo "creating the upload failed, see $WORK/service.log" >&2; exit 1; }
  curl -sS -o "$WORK/patch-answer" -w '%{http_code} %{time_total}' -X PATCH -T "$1" "$location" \
    -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
    -H 'Content-Type: application/offset+octet-stream'
}
plain_copy() { # file -> "code seconds"
  curl -sS -o /dev/null -w '%{http_code} %{time_total}' -T "$1" "http://127.0.0.1:$SINK_PORT/upload.bin"
}
# Both sides start alike: the other side's output just deleted and flushed, the source file in the page cache
# (with free-page reporting left on, no pause here keeps the freed pages from going back to the host).
settle() {
  rm -f "$WORK/sink/upload.bin"
  find "$WORK/store" "$WORK/s3" -type f -size +1M -delete 2>/dev/null || true
  cat "$FILE" > /dev/null
  sync; sleep "${SETTLE_S:-0}"
}
idle_ticks() { awk '/^cpu / {print $5 + $6}' /proc/stat; }
threads_cpu() { # per thread: id, name, user+system CPU in clock ticks
  for t in /proc/$SERVICE/task/*; do
    printf '%s\t%s\t%s\n' "${t##*/}" "$(tr ' ' '_' < "$t/comm")" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
  done
}

# 6. Warm-up uploads (not timed). A service runs for days, so its JIT has long compiled the upload path; the
#    default warm-up (3 x 256 MiB of random bytes) gets it there, a 64 MiB one left C2 compiling during the
#    timed upload. WARM_MB, WARM_RUNS change it.
WARM="$WORK/warm-up.dcm"
{ head -c 200000 "$FILE"; head -c $((${WARM_MB:-256} * 1024 * 1024)) /dev/urandom; } > "$WARM"
python3 - "$WARM" <<'PY'
import struct, sys
# Make the warm-up a valid DICOM file of its own size (pixel length = what follows the pixel data header).
data = bytearray(open(sys.argv[1], 'rb').read())
at = data.find(struct.pack('<HH', 0x7FE0, 0x10) + b'OW')
data[at + 8:at + 12] = struct.pack('<I', len(data) - at - 12)
open(sys.argv[1], 'wb').write(data)
PY
for _ in $(seq "${WARM_RUNS:-3}"); do upload "$WARM" > /dev/null; plain_copy "$WARM" > /dev/null; done
plain_copy "$FILE" > /dev/null # leaves 2 GiB of freed pages for the first round, as every later transfer finds

# 7. Rounds: the plain copy and the API upload of the same file, their order alternating, each after settle.
ROUNDS="${ROUNDS:-5}"
: > "$WORK/rounds"
rm -f "$WORK"/cpu-*
hz=$(getconf CLK_TCK); cores=$(nproc)
for round in $(seq "$ROUNDS"); do
  sides=(plain api); (( round % 2 == 0 )) && sides=(api plain)
  for side in "${sides[@]}"; do
    settle
    idle0=$(idle_ticks)
    if [[ $side == plain ]]; then
      result=$(plain_copy "$FILE")
    else
      threads_cpu > "$WORK/cpu-before-$round"
      result=$(upload "$FILE")
      threads_cpu > "$WORK/cpu-after-$round"
      [[ ${result%% *} == 204 ]] || { echo "the upload was not accepted:"; cat "$WORK/patch-answer"; echo; }
    fi
    echo "$round $side $result $(( $(idle_ticks) - idle0 ))" >> "$WORK/rounds"
  done
done
hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$SERVICE/status")

echo
printf 'file       %s (%d bytes), %d rounds, order alternating, plain copy fsync=%s, storage %s, %s\n' \
  "$(basename "$FILE")" "$BYTES" "$ROUNDS" "${PLAIN_FSYNC:-1}" "$STORAGE" \
  "$(if [[ -n "$reporting_was" ]]; then echo "free-page reporting paused"; elif [[ -e "$REPORTING" ]]; then echo "free-page reporting ON (noisy)"; else echo "no free-page reporting"; fi)"
python3 - "$WORK/rounds" "$WORK" "$BYTES" "$hz" "$cores" <<'PY'
import collections, re, statistics, sys
rounds_path, work, size, hz, cores = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
runs = collections.defaultdict(dict)
for line in open(rounds_path):
    number, side, code, seconds, idle = line.split()
    runs[int(number)][side] = (code, float(seconds), int(idle))
mbps = lambda s: size / 1e6 / s
ratios = []
for number, sides in sorted(runs.items()):
    (pc, ps, pi), (ac, a_s, ai) = sides['plain'], sides['api']
    ratios.append(ps / a_s)
    print(f"round {number}    plain copy HTTP {pc} {ps:6.2f} s {mbps(ps):5.0f} MB/s (idle {100 * pi / hz / ps / cores:3.0f} %)"
          f"   document-service HTTP {ac} {a_s:6.2f} s {mbps(a_s):5.0f} MB/s (idle {100 * ai / hz / a_s / cores:3.0f} %)"
          f"   ratio {100 * ps / a_s:3.0f} %")
plain = statistics.median(s['plain'][1] for s in runs.values())
api = statistics.median(s['api'][1] for s in runs.values())
print(f"median     plain copy {mbps(plain):5.0f} MB/s, document-service {mbps(api):5.0f} MB/s "
      f"(tus PATCH, SHA-256, Tika, DICOM index, fsync, rename); ratio of the rounds: median {100 * statistics.median(ratios):.0f} %, "
      f"min {100 * min(ratios):.0f} %, max {100 * max(ratios):.0f} %")
def ticks(path):
    return {tid: (name, int(value)) for tid, name, value in (line.rstrip('\n').split('\t') for line in open(path))}
used = collections.Counter()
for number in runs:
    before = ticks(f"{work}/cpu-before-{number}")
    for tid, (name, value) in ticks(f"{work}/cpu-after-{number}").items():
        used[re.sub(r'[-#]?\d+$', '', name)] += (value - before.get(tid, (name, 0))[1]) / hz / len(runs)
busy = sorted(((s, n) for n, s in used.items() if s >= 0.05), reverse=True)
print(f"service    CPU per upload {sum(used.values()):.2f} s: " + ", ".join(f"{n} {s:.2f}" for s, n in busy))
PY
printf 'service    RSS idle %d MB, peak (VmHWM) %d MB, heap capped with -Xmx256m\n' "$rss_idle" "$hwm"

# 8. Many uploads at once (the warm-up file, CONCURRENT of them, default 16): all must succeed within the same
#    heap; the request bytes they hold together are bounded by consilium.document.upload.buffer-budget.
CONCURRENT="${CONCURRENT:-16}"
if (( CONCURRENT > 0 )); then
  settle
  started=$(date +%s.%N)
  uploaders=()
  for i in $(seq "$CONCURRENT"); do (upload "$WARM" > "$WORK/concurrent-$i") & uploaders+=($!); done
  wait "${uploaders[@]}"
  took=$(python3 -c "import time; print(f'{time.time() - $started:.2f}')")
  answers=$(for f in "$WORK"/concurrent-*; do cat "$f"; echo; done)
  ok=$(grep -c '^204 ' <<<"$answers" || true)
  printf 'concurrent %d uploads of %d MiB at once: %d answered 204 in %s s, %s MB/s together; peak RSS (VmHWM) %d MB\n' \
    "$CONCURRENT" $(( $(stat -c %s "$WARM") >> 20 )) "$ok" "$took" \
    "$(python3 -c "print(f'{$CONCURRENT * $(stat -c %s "$WARM") / 1e6 / $took:.0f}')")" \
    "$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$SERVICE/status")"
  grep -v '^204 ' <<<"$answers" | cut -d' ' -f1 | sort | uniq -c | sed 's/^ */  not accepted: /' || true
  rm -f "$WORK"/concurrent-*
fi
