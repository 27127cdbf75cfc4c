#!/usr/bin/env bash
# Restores a backup of scripts/db-backup.sh into an EMPTY database (docs/operations.md).
#   scripts/db-restore.sh <file.dump> <database-url>
# All or nothing: one transaction, stopping at the first error, so a failed restore leaves the
# database as empty as it was. Refuses a database that already holds dnevnik's tables.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: scripts/db-restore.sh <file.dump> <database-url>" >&2
  exit 2
fi
file=$1 url=$2
command -v pg_restore >/dev/null || { echo "db-restore: pg_restore not found (Debian: apt-get install postgresql-client)" >&2; exit 1; }
[ -r "$file" ] || { echo "db-restore: cannot read $file" >&2; exit 1; }
tables=$(psql "$url" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [ "$tables" != "0" ]; then
  echo "db-restore: the target database is not empty ($tables tables); restore into a new one (createdb)" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname "$url" "$file"
echo "db-restore: $file restored"
