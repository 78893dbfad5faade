#!/usr/bin/env bash
# Starts the machine's PostgreSQL (Debian's packages, installed by .ci/run) for the integration tests
# on PostgreSQL, with the password the tests use (tests/helpers/store.ts). Safe to run again.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^${version} main"; then pg_createcluster "$version" main >/dev/null; fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
echo "ci: PostgreSQL ${version} answering on 127.0.0.1:5432"
