#!/usr/bin/env bash
# Matching latency of specialist-service for a 50,000-specialist directory: p50/p99 per ranking request,
# in process (database query + ranking) and over HTTP. Needs the local PostgreSQL and Kafka (deploy/local).
# Usage: bench/specialist-matching.sh [requests]   (default 1000, after 200 warm-up requests)
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-1000}"
./mvnw -B -q install -DskipTests -pl platform >/dev/null
./mvnw -B test -pl specialist-service -Dtest=MatchingBenchmark -Dconsilium.bench=true \
  -Dconsilium.bench.requests="$requests" -Dsurefire.failIfNoSpecifiedTests=false >/tmp/specialist-matching-bench.log 2>&1 \
  || { tail -50 /tmp/specialist-matching-bench.log; exit 1; }
cat specialist-service/target/bench/specialist-matching.txt
