#!/usr/bin/env bash
# Local PostgreSQL from the Debian package.
#   postgres.sh start   install if missing, start the cluster (unless something already listens on
#                       127.0.0.1:5432: then that one is used), create role and databases
#   postgres.sh stop    stop the cluster, only when `start` started it
#   postgres.sh status  one line: running or not
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=postgres

# One marker per port: `PG_PORT=5433 postgres.sh stop` must stop the cluster it started on 5433, never the one on
# 5432 that another start left its marker for (it did, when the marker was one file).
STARTED_MARKER="$LOCAL/postgres-$PG_PORT.started"
PG_ROLE=consilium
PG_PASSWORD=consilium
mapfile -t SERVICES < <(grep -v "^#" "$DEPLOY_LOCAL/../suite/databases.txt")

databases() {
  local s
  for s in "${SERVICES[@]}"; do
    echo "consilium_$s"
    echo "consilium_${s}_test"
  done
}

# Runs psql as the postgres superuser over the local socket.
psql_su() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

ensure_installed() {
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    return 0
  fi
  log "pg_ctlcluster not found: installing Debian's postgresql package"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
}

# Prints "VERSION NAME" of the cluster on PG_PORT. On 5432 without one: the first cluster. On another port without
# one (a second checkout's own tests, PG_PORT=5433): a new cluster of the same version on that port, so a run
# there never falls back to, and fills, the main cluster.
find_cluster() {
  local line version
  line="$(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p { print $1, $2; exit }')"
  if [[ -z "$line" && "$PG_PORT" != 5432 ]]; then
    version="$(pg_lsclusters -h | awk 'NR == 1 { print $1 }')"
    [[ -n "$version" ]] || die "no PostgreSQL cluster found (pg_lsclusters is empty); try: pg_createcluster 15 main"
    log "no cluster on port $PG_PORT: creating $version/consilium-$PG_PORT" >&2
    pg_createcluster "$version" "consilium-$PG_PORT" -p "$PG_PORT" >/dev/null
    line="$version consilium-$PG_PORT"
  fi
  [[ -z "$line" ]] && line="$(pg_lsclusters -h | awk 'NR == 1 { print $1, $2 }')"
  [[ -n "$line" ]] || die "no PostgreSQL cluster found (pg_lsclusters is empty); try: pg_createcluster 15 main"
  echo "$line"
}

# Fast path: when the role can already log in over TCP and every database exists and is owned by
# it, there is nothing to do (and no superuser access is needed, e.g. for an external server).
all_present() {
  local want have
  want="$(databases | sort)"
  have="$(PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d postgres -tA \
    -c "SELECT d.datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
        WHERE r.rolname = '$PG_ROLE' AND d.datname LIKE 'consilium\\_%' ORDER BY 1" 2>/dev/null | sort)" || return 1
  # every wanted database is there (others may exist too)
  [[ -z "$(comm -23 <(echo "$want") <(echo "$have"))" ]]
}

ensure_role_and_databases() {
  if all_present; then
    log "role '$PG_ROLE' and all $(databases | wc -l) databases already there"
    verify_tcp_login
    return 0
  fi
  log "ensuring login role '$PG_ROLE' (scram-sha-256 password) and databases (as postgres superuser)"
  local db list=""
  for db in $(databases); do list+="${list:+,}'$db'"; done
  {
    cat <<SQL
SET password_encryption = 'scram-sha-256';
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD';
    RAISE NOTICE 'created role $PG_ROLE';
  ELSE
    ALTER ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER $PG_ROLE ENCODING %L TEMPLATE template0', d, 'UTF8')
  FROM unnest(ARRAY[$list]) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \\gexec
SQL
    # Owner of each database and of its public schema (also when the database pre-existed).
    for db in $(databases); do
      printf 'ALTER DATABASE %s OWNER TO %s;\n\\connect %s\nALTER SCHEMA public OWNER TO %s;\n\\connect postgres\n' \
        "$db" "$PG_ROLE" "$db" "$PG_ROLE"
    done
  } | psql_su -d postgres
  all_present || die "databases missing after creation"
  log "role '$PG_ROLE' and databases ready: $(databases | tr '\n' ' ')"
  verify_tcp_login
}

# The services connect over TCP with a password, as in production: prove that it works.
verify_tcp_login() {
  local out
  if out="$(PGPASSWORD="$PG_PASSWORD" psql -X -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d consilium_case \
    -tAc "SELECT current_user || ' via ' || CASE WHEN inet_client_addr() IS NULL THEN 'socket' ELSE 'tcp' END" 2>&1)"; then
    log "TCP password login to 127.0.0.1:$PG_PORT works ($out)"
  else
    die "TCP password login as $PG_ROLE to 127.0.0.1:$PG_PORT failed: $out
  (pg_hba.conf needs: host all all 127.0.0.1/32 scram-sha-256)"
  fi
}

cmd_start() {
  local t0
  t0="$(now_s)"
  ensure_installed
  if port_open 127.0.0.1 "$PG_PORT"; then
    if [[ -f "$STARTED_MARKER" ]]; then
      log "PostgreSQL already running on 127.0.0.1:$PG_PORT (started earlier by this script: $(cat "$STARTED_MARKER"))"
    else
      log "something already listens on 127.0.0.1:$PG_PORT: using it (not started here, 'stop' will leave it alone)"
    fi
  else
    local version name
    read -r version name < <(find_cluster)
    log "starting cluster $version/$name (pg_ctlcluster $version $name start)"
    pg_ctlcluster "$version" "$name" start
    echo "$version $name" >"$STARTED_MARKER"
    wait_for_port 127.0.0.1 "$PG_PORT" 30 || die "PostgreSQL did not open port $PG_PORT; see /var/log/postgresql/postgresql-$version-$name.log"
    log "cluster $version/$name is up on 127.0.0.1:$PG_PORT"
  fi
  ensure_role_and_databases
  log "PostgreSQL ready in $(elapsed "$t0")s: jdbc:postgresql://127.0.0.1:$PG_PORT/<db> user $PG_ROLE / $PG_PASSWORD"
}

cmd_stop() {
  if [[ ! -f "$STARTED_MARKER" ]]; then
    log "not stopping PostgreSQL: it was not started by postgres.sh start"
    return 0
  fi
  local version name
  read -r version name <"$STARTED_MARKER"
  if pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n && $4 == "online" { f = 1 } END { exit !f }'; then
    log "stopping cluster $version/$name"
    pg_ctlcluster "$version" "$name" stop
  else
    log "cluster $version/$name is not running"
  fi
  rm -f "$STARTED_MARKER"
}

cmd_status() {
  local pid owner="external"
  [[ -f "$STARTED_MARKER" ]] && owner="started by postgres.sh"
  if port_open 127.0.0.1 "$PG_PORT"; then
    pid="$(listener_pid "$PG_PORT")"
    printf '%-22s %-8s pid %-8s port %-6s rss %-8s %s\n' "PostgreSQL" "running" "${pid:--}" "$PG_PORT" "$([[ -n "$pid" ]] && rss_of "$pid" || echo -)" "($owner)"
  else
    printf '%-22s %-8s pid %-8s port %-6s rss %-8s\n' "PostgreSQL" "stopped" "-" "$PG_PORT" "-"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
