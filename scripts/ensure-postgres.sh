#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 for the test suite, starting the
# local cluster if it is stopped. On a machine where the cluster was just installed, let
# the local user 'postgres' in over loopback without a password (a test machine only).
set -euo pipefail
url="${TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

answers() { pg_isready -q -d "$url" 2>/dev/null; }

if answers; then exit 0; fi
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$version" ]; then
  echo "PostgreSQL is not installed: run scripts/install-system.sh test" >&2; exit 1
fi
hba="/etc/postgresql/$version/main/pg_hba.conf"
if ! grep -qE "^host\s+all\s+all\s+127.0.0.1/32\s+trust" "$hba"; then
  sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
fi
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do answers && exit 0; sleep 1; done
echo "PostgreSQL does not answer at $url" >&2
exit 1
