#!/usr/bin/env bash
# Background-job figures over the generated city: generates it (tests/Portal.LoadData, with
# LOAD_ARGS, default --vacancies 10000 as in docs/performance.md), then times each job run with
# `run-job` in Release: matching-nightly twice (first fill, then nothing changed) and
# training-reminders twice (first run, then nothing new). Prints one Markdown table with wall time
# CPU time and peak working set per run (CPU time travels better on a shared machine). Run by hand, never in CI: the figures are timings.
#
#   tests/load/jobs.sh            # SQLite
#   tests/load/jobs.sh postgres   # a throwaway PostgreSQL on loopback
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
provider=${1:-sqlite}
[[ $provider == sqlite || $provider == postgres ]] || { echo "usage: tests/load/jobs.sh [sqlite|postgres]" >&2; exit 2; }
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/portal-jobs.XXXXXX)
cleanup() {
  [[ $provider != postgres ]] || stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

export Content__Path="$root/content" AllowedHosts=127.0.0.1 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
export Mail__PickupDirectory="$work/mail"
if [[ $provider == postgres ]]; then
  # shellcheck source=../support/postgres.sh
  source "$root/tests/support/postgres.sh"
  pg_port=$(free_port)
  start_postgres "$pg_port"
  export Database__Provider=Postgres ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=portal_jobs;Maximum Pool Size=64"
else
  export ConnectionStrings__Portal="Data Source=$work/portal.db"
fi

dotnet build "$root/Portal.Web" -c Release -v q -nologo >/dev/null
dotnet build "$root/tests/Portal.LoadData" -c Release -v q -nologo >/dev/null
echo "generating the city" >&2
# shellcheck disable=SC2086
dotnet "$root/tests/Portal.LoadData/bin/Release/net10.0/Portal.LoadData.dll" ${LOAD_ARGS:---vacancies 10000} >&2

# Reminders are held in people's quiet hours (UK evenings and nights): a run at night queues none.
# For a figure at any hour, the job runs with a time zone database in which Europe/London is at
# 10:00 now (zic is in Debian's libc-bin).
tz="$work/tz"
mkdir -p "$tz"
shift_hours=$(( (10 - 10#$(date -u +%H) + 24) % 24 ))
printf 'Zone Europe/London %d:00 - LMT\n' "$shift_hours" > "$work/london.zone"
zic -d "$tz" "$work/london.zone"

rows=()
run() {
  local label=$1 job=$2 out
  out=$( { TZDIR=$tz /usr/bin/time -f "TIME %e %M %U %S" dotnet "$root/Portal.Web/bin/Release/net10.0/Portal.Web.dll" run-job "$job"; } 2>&1 )
  echo "$out" >&2
  local said time peak user sys
  said=$(grep "^$job:" <<<"$out" | head -n1 | sed "s/^$job: //")
  read -r _ time peak user sys < <(grep "^TIME" <<<"$out")
  rows+=("| \`$job\`, $label | $said | ${time} s | $(echo "$user + $sys" | bc) s | $((peak / 1024)) MiB |")
}
run "first run" matching-nightly
run "again (nothing changed)" matching-nightly
run "first run" training-reminders
run "again (nothing new)" training-reminders

echo
echo "$provider, $(date -u +%Y-%m-%d), $(nproc) cores"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| job | what it did | wall time (with start-up) | CPU time | peak working set |"
echo "| --- | --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
