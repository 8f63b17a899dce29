#!/usr/bin/env bash
# Start-up benchmark: launches each service's jar alone (the others stopped), measures the time from launch
# to its first successful request (/q/health/ready = 200, i.e. database and Kafka reachable) and its RSS
# right after, then stops it. Needs PostgreSQL, Kafka and Keycloak running (deploy/local/start.sh) and built
# jars. Prints one line per service; figures go to docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
LOG_TAG=bench

"$DEPLOY_LOCAL/services.sh" stop >/dev/null
printf '%-22s %12s %10s\n' service first-request rss
for entry in case-service:8081 document-service:8082 specialist-service:8083 report-service:8084 \
  notification-service:8085 gateway:8080; do
  module="${entry%%:*}"
  port="${entry##*:}"
  jar="$ROOT/$module/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || die "$jar missing: build first (./mvnw -B -DskipTests package)"
  start_ns=$(date +%s%N)
  (cd "$LOCAL" && exec java -Xmx256m -jar "$jar" >"$LOCAL/bench-$module.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || die "$module exited, see $LOCAL/bench-$module.log"
    sleep 0.05
  done
  end_ns=$(date +%s%N)
  rss=$(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$(pgrep -P "$pid" java || echo "$pid")/status" 2>/dev/null || echo "?")
  printf '%-22s %10.2f s %10s\n' "$module" "$(echo "($end_ns - $start_ns)/1000000000" | bc -l)" "$rss"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
