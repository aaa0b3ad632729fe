#!/usr/bin/env bash
# Makes sure a PostgreSQL cluster answers on 127.0.0.1:5432 with the `test` database (idempotent).
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "PostgreSQL is up"
else
  ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
  if [ -z "$ver" ]; then
    ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
    pg_createcluster "$ver" main --port 5432
  fi
  pg_ctlcluster "$ver" main status >/dev/null 2>&1 || pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432
fi
psql_admin() { psql -h 127.0.0.1 -p 5432 -U postgres -Atqc "$1" 2>/dev/null || su postgres -c "psql -p 5432 -Atqc \"$1\""; }
if ! psql_admin "select 1" >/dev/null; then
  echo "cannot connect to PostgreSQL as postgres on 127.0.0.1:5432" >&2
  exit 1
fi
psql_admin "select 1 from pg_database where datname='test'" | grep -q 1 || psql_admin "create database test"
echo "PostgreSQL ready"
