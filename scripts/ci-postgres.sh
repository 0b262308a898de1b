#!/usr/bin/env bash
# PostgreSQL for the clustered-scheduler and JdbcStore tests: Debian's package, listening on
# loopback only (its default), with the role and database the tests use by default
# (NEWSBRIEF_TEST_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/newsbrief_test, user and password newsbrief).
# Idempotent: installs, creates and starts only what is missing. Called by .ci/run.
set -euo pipefail

ROLE=newsbrief
PASSWORD=newsbrief
DATABASE=newsbrief_test

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "ci-postgres: installing Debian's postgresql package"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# The package creates a cluster; a minimal image may have removed it.
if [ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  echo "ci-postgres: creating cluster $version/main"
  as_root pg_createcluster "$version" main >/dev/null
fi

# Containers have no systemd: start clusters with Debian's wrapper.
pg_lsclusters --no-header | while read -r version cluster port status _; do
  if [ "$status" != "online" ]; then
    echo "ci-postgres: starting cluster $version/$cluster on port $port"
    as_root pg_ctlcluster "$version" "$cluster" start
  fi
done

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  as_postgres psql -q -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
fi
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
  as_postgres createdb -O "$ROLE" "$DATABASE"
fi
echo "ci-postgres: PostgreSQL ready at 127.0.0.1:5432, database $DATABASE, role $ROLE"
