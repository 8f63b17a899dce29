#!/usr/bin/env bash
# The fault run (issue 18): cases flow through every service at a steady rate while the Kafka broker, then each
# service in turn, then PostgreSQL are killed (kill -9; PostgreSQL an immediate restart) and started again; then every
# outbox event is looked for in every consumer's inbox, every webhook delivery at a partner receiver, every e-mail at
# GreenMail, and every case in CLOSED. Prints the counts; fails on anything lost, applied twice or stuck.
#
#   e2e/faults.sh            the short form (README's test command runs it last): 24 cases at 0.4/s, one cycle of
#                            8 faults (kafka, the six services, postgresql), about 4 minutes
#   e2e/faults.sh --long     the long form, by hand: 10,000 cases at 2.8/s and 200 faults (25 cycles), about an hour
#                            and a half; its counts go into docs/reliability.md
#   e2e/faults.sh --cases N --rate R --faults F [--drain PT4M] [--poll MS]   anything between (--poll: how long a
#                            walker waits between its reads of a case, default 400 ms)
#
# Needs the suite of deploy/local/start.sh running from this checkout (its pid files are what gets killed); it leaves
# the suite running. The driver is e2e/src/test/java/io/consilium/e2e/faults/ (FaultRunIT, CaseFlow, Faults, Ledger).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
LOG_TAG=faults

cases=24 rate=0.4 faults=8 drain=PT4M poll=400
while (($#)); do
  case "$1" in
    --short) shift ;;
    --long) cases=10000 rate=2.8 faults=200 drain=PT10M; shift ;;
    --cases) cases="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --faults) faults="$2"; shift 2 ;;
    --drain) drain="$2"; shift 2 ;;
    --poll) poll="$2"; shift 2 ;;
    *) die "unknown option $1 (usage: e2e/faults.sh [--short|--long] [--cases N --rate R --faults F --drain PT4M --poll MS])" ;;
  esac
done

curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:8080/q/health/ready" \
  || die "the suite is not running: start it with deploy/local/start.sh"
log "$cases cases at $rate/s, $faults faults, drain $drain, poll ${poll} ms (commands the faults ran: .local/faults-commands.log)"
cd "$ROOT"
t0="$(now_s)"
r=0
./mvnw -B -q -pl e2e verify -DskipITs=false -Dit.test=FaultRunIT -Dfaults.cases="$cases" -Dfaults.rate="$rate" \
  -Dfaults.faults="$faults" -Dfaults.drain="$drain" -Dfaults.poll="$poll" || r=$?
log "fault run $([[ $r == 0 ]] && echo passed || echo FAILED) in $(elapsed "$t0")s"
exit "$r"
