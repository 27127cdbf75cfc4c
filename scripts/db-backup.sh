#!/usr/bin/env bash
# Backs up a dnevnik PostgreSQL database to one file (docs/operations.md "Backup and restore").
#   scripts/db-backup.sh <database-url> <file.dump>
# pg_dump's custom format: compressed, restorable table by table, consistent (one snapshot) while
# the servers keep running. Owners and grants are left out, so it restores under any role.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: scripts/db-backup.sh <database-url> <file.dump>" >&2
  exit 2
fi
url=$1 file=$2
command -v pg_dump >/dev/null || { echo "db-backup: pg_dump not found (Debian: apt-get install postgresql-client)" >&2; exit 1; }
# Written beside the target first: a failed dump never replaces a good backup.
tmp="$file.partial"
trap 'rm -f "$tmp"' EXIT
pg_dump --format=custom --no-owner --no-privileges --file "$tmp" "$url"
mv "$tmp" "$file"
trap - EXIT
echo "db-backup: $(du -h "$file" | cut -f1) written to $file"
