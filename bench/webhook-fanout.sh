#!/usr/bin/env bash
# Webhook fan-out benchmark for notification-service (issue 15): EVENTS case events (default 10,000) fanned out to
# ENDPOINTS partner webhook endpoints (default 20) on loopback, where one endpoint hangs while the events are
# published and one answers 500 to 10 % of first attempts. Prints deliveries per second, p50/p99 from the event's
# publication to its first attempt at each receiver, and the receivers' count by webhook-id proving every event
# reached every endpoint exactly once after retries. Prints figures; asserts nothing.
#
# The service runs as its own instance (the packaged jar, heap 256 MB) on port $PORT with its own database
# (consilium_notification_bench, made anew each run) and its own topic on the benchmarks' broker (port
# BENCH_KAFKA_PORT, default 9592: neither the suite's services nor the tests see the bench's events). The events are published the way case-service's outbox relay does
# (CloudEvents headers, key = case id) at RATE per second: an open model, so a stall shows as latency. Keycloak is not
# used: the service takes a public key made here, and the partner's token is signed with it.
#
# Settings the bench changes, and why: the retry schedule is 2 s, 5 s, 10 s, 30 s, 60 s (the production one waits
# 5 minutes before the second retry, which would make a run last half an hour); everything else is the
# production configuration (read timeout 10 s, 4 requests in flight per endpoint, 256 in all).
#
#   bench/webhook-fanout.sh                      # 3,000 warm-up events, then 10,000 at 60/s to 20 endpoints
#   EVENTS=2000 RATE=100 bench/webhook-fanout.sh
# Needs PostgreSQL (deploy/local/postgres.sh start; PG_PORT for another cluster). Starts the benchmarks' broker
# (KAFKA_INSTANCE=bench deploy/local/kafka.sh start) when it is not running; stop it with
# KAFKA_INSTANCE=bench deploy/local/kafka.sh stop.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/deploy/local/lib.sh"
LOG_TAG=bench-webhooks
PORT="${PORT:-18085}"
RECEIVER_PORT="${RECEIVER_PORT:-18199}"
WORK="${BENCH_DIR:-$ROOT/.local/bench-webhooks}"
JAR="$ROOT/notification-service/target/quarkus-app/quarkus-run.jar"
DB=consilium_notification_bench
export PGPASSWORD="${PGPASSWORD:-consilium}"
mkdir -p "$WORK"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The service jar, built when missing or older than the sources.
if [[ ! -f "$JAR" || -n "$(find "$ROOT/notification-service/src/main" "$ROOT/platform/src/main" -newer "$JAR" -type f | head -1)" ]]; then
  log "building notification-service ..."
  (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -pl platform,notification-service)
fi

# 2. Database, broker and the run's own topic.
"$DEPLOY_LOCAL/postgres.sh" start >/dev/null
runuser -u postgres -- psql -X -q -p "$PG_PORT" -c "drop database if exists $DB" -c "create database $DB owner consilium"
# the benchmarks' own broker: the run's hundreds of thousands of delivered events stay off the tests' topics
KAFKA_INSTANCE=bench "$DEPLOY_LOCAL/kafka.sh" start >/dev/null
KAFKA="127.0.0.1:$BENCH_KAFKA_PORT"
TOPIC="bench.webhooks.$(date +%s).case.events"
java -cp "$LOCAL/kafka/lib/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA" --create \
  --topic "$TOPIC" --partitions 3 --replication-factor 1 >/dev/null 2>&1

# 3. A key pair, and a partner-acme token signed with it.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC=$(openssl pkey -in "$WORK/key.pem" -pubout | grep -v -- '-----' | tr -d '\n')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
JWT_HEAD=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
JWT_BODY=$(printf '{"sub":"service-account-partner-acme","azp":"partner-acme","preferred_username":"service-account-partner-acme","groups":["partner"],"tenant":"acme","iss":"consilium-bench","aud":"consilium-api","iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64url)
JWT_SIG=$(printf '%s.%s' "$JWT_HEAD" "$JWT_BODY" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)
TOKEN="$JWT_HEAD.$JWT_BODY.$JWT_SIG"

# 4. The service.
log "starting notification-service on :$PORT (database $DB, topic $TOPIC)"
java -Xmx256m -Dquarkus.http.port="$PORT" -Dquarkus.management.port=$((PORT + 1000)) \
  -Dquarkus.oidc.public-key="$PUBLIC" -Dquarkus.oidc.token.issuer=consilium-bench -Dquarkus.oidc.auth-server-url= \
  -Dquarkus.oidc-client.auth-server-url=http://127.0.0.1:9/unused \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
  -Dkafka.bootstrap.servers="$KAFKA" \
  -Dmp.messaging.incoming.notification-inputs.topics="$TOPIC" \
  -Dmp.messaging.incoming.notification-inputs.group.id="bench-$now" \
  -Dconsilium.webhooks.allow-loopback=true \
  -Dconsilium.webhooks.retry-delays=PT2S,PT5S,PT10S,PT30S,PT60S \
  ${SERVICE_OPTS:-} -jar "$JAR" >"$WORK/service.log" 2>&1 &
pids+=($!)
service_pid=$!
wait_for_http "http://127.0.0.1:$PORT/q/health/ready" 120 || { tail -40 "$WORK/service.log"; die "the service did not get ready"; }

# 5. The run.
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_before=$(awk '{print $14 + $15}' "/proc/$service_pid/stat")
rc=0
SERVICE_PID="$service_pid" NOTIFY_URL="http://127.0.0.1:$PORT" TOKEN="$TOKEN" KAFKA="$KAFKA" TOPIC="$TOPIC" RECEIVER_PORT="$RECEIVER_PORT" \
  java -Xmx512m -cp "$LOCAL/kafka/lib/*" "$ROOT/bench/WebhookFanout.java" || rc=$?
cpu_after=$(awk '{print $14 + $15}' "/proc/$service_pid/stat")
echo "service CPU, warm-up included: $(((cpu_after - cpu_before) / $(getconf CLK_TCK))) s; peak RSS: $(awk '/VmHWM/ {print $2 / 1024 " MB"}' "/proc/$service_pid/status")"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
PGPASSWORD=consilium psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U consilium "$DB" -c \
  "select status, count(*) as deliveries, sum(attempts) as attempts from delivery group by status order by 1" 2>/dev/null || true
exit "$rc"
