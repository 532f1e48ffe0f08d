#!/usr/bin/env bash
# Starts a local PostgreSQL for the server tests on a Debian machine (run as root) and
# prints one line for the caller to eval:
#   eval "$(scripts/ci-postgres.sh)"   # sets DATABASE_URL
# Idempotent: installs PostgreSQL only when it is missing, starts the cluster only when
# it is down, creates the role and database only when they do not exist yet.
# Everything except that last line goes to stderr, so `eval` only sees the export.
set -euo pipefail

DB_NAME="${SILA_PG_DB:-sila}"
DB_USER="${SILA_PG_USER:-sila}"
DB_PASSWORD="${SILA_PG_PASSWORD:-sila-ci-password}"
DB_PORT="${SILA_PG_PORT:-5432}"

log() { echo "ci-postgres: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root (it may install packages and switches to the postgres user)"
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi

# PgBouncer for test/server/pgbouncer.test.ts (the server through transaction pooling).
# Only the binary: the test starts its own on a free port (the package's service is not used).
if ! command -v pgbouncer >/dev/null 2>&1 && [[ ! -x /usr/sbin/pgbouncer ]]; then
  log "installing pgbouncer with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends pgbouncer >&2 || { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends pgbouncer >&2; }
fi

# The newest installed major version and its first cluster (Debian creates "main").
read -r PG_VERSION PG_CLUSTER PG_STATUS <<<"$(pg_lsclusters --no-header | sort -k1,1nr | awk 'NR==1 {print $1, $2, $4}')"
if [[ -z "${PG_VERSION:-}" ]]; then
  PG_VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  PG_CLUSTER=main
  log "creating cluster $PG_VERSION/$PG_CLUSTER"
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$DB_PORT" >&2
  PG_STATUS=down
fi

if [[ "$PG_STATUS" != online* ]]; then
  log "starting cluster $PG_VERSION/$PG_CLUSTER"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
fi

PORT="$(pg_lsclusters --no-header | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c {print $3}')"

psql_admin() {
  # cd / so that postgres does not complain about root's working directory.
  (cd / && runuser -u postgres -- psql --port "$PORT" -v ON_ERROR_STOP=1 -qtA "$@")
}

# Wait for the server to accept connections (the first start can take a moment).
for _ in $(seq 1 30); do
  if psql_admin -c 'select 1' >/dev/null 2>&1; then break; fi
  sleep 1
done

if [[ "$(psql_admin -c "select 1 from pg_roles where rolname = '$DB_USER'")" != 1 ]]; then
  log "creating role $DB_USER"
  psql_admin -c "create role \"$DB_USER\" login password '$DB_PASSWORD'" >&2
else
  psql_admin -c "alter role \"$DB_USER\" login password '$DB_PASSWORD'" >&2
fi

if [[ "$(psql_admin -c "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]]; then
  log "creating database $DB_NAME"
  psql_admin -c "create database \"$DB_NAME\" owner \"$DB_USER\" encoding 'UTF8' template template0" >&2
fi

echo "export DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
