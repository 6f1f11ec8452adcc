#!/usr/bin/env bash
# Adds a migration with the same name to all three provider sets, so SQLite, PostgreSQL and
# SQL Server never drift apart. Usage: Portal.Infrastructure/Data/add-migration.sh NAME
#
# The sets were squashed into one Initial migration each before the first release. After the first
# release, never squash again: a database in use anywhere has a history that must keep applying.
set -euo pipefail
name=${1:?usage: add-migration.sh MigrationName}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
dotnet build Portal.Infrastructure -v q -nologo >/dev/null
for provider in Sqlite Postgres SqlServer; do
  echo "== $provider"
  dotnet ef migrations add "$name" --no-build \
    --project Portal.Infrastructure --startup-project Portal.Infrastructure \
    --context "${provider}PortalDbContext" \
    --output-dir "Data/Migrations/$provider"
done
