#!/usr/bin/env bash
# The staff training matrix at city scale: render time of /manage/matrix for the generated city's
# large employer (500 staff, 40 modules required of everyone, 3 competencies more for Enhanced care
# workers) inside 100,000 accounts and 3,000,000 completion rows.
#
#   tests/load/matrix.sh            # SQLite
#   tests/load/matrix.sh postgres   # a throwaway PostgreSQL on loopback
#
# Builds Release, generates the city (tests/Portal.LoadData; set MATRIX_KEEP=DIR to keep and reuse it), starts
# the portal on loopback in Production pinned to CPU 0, makes a manager of that employer, warms up,
# then times one request at a time with wrk on CPU 1 (so p50 is the page's own time, no queueing)
# for the matrix, its two exports and one person's page. Prints a Markdown table and writes it to
# tests/load/results-matrix-<provider>.md. Run by hand, never in CI: the figures are timings.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/load"
provider=${1:-sqlite}
duration=${LOAD_DURATION:-20s}
[[ $provider == sqlite || $provider == postgres ]] || { echo "usage: tests/load/matrix.sh [sqlite|postgres]" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/portal-matrix.XXXXXX)
# MATRIX_GC_SERVER=0 runs the portal with the workstation garbage collector instead of the server
# one it ships with. MATRIX_KEEP=DIR keeps the generated SQLite city in DIR for the next run; MATRIX_PG_PORT=N uses an
# already running PostgreSQL on loopback (database portal_matrix, kept) instead of a throwaway one.
keep=${MATRIX_KEEP:-}
pid=""
started_pg=""
cleanup() {
  [[ -z $pid ]] || kill "$pid" 2>/dev/null || true
  [[ -z $started_pg ]] || stop_postgres
  wait 2>/dev/null || true
  cp "$work/portal.log" /tmp/portal-matrix-last.log 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export Content__Path="$root/content" AllowedHosts=127.0.0.1 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
# Production refuses to start without a certificate protecting its keys: a throwaway one.
# shellcheck source=../support/keys.sh
source "$root/tests/support/keys.sh"
key_certificate "$work"
data=${keep:-$work}
mkdir -p "$data"
if [[ $provider == postgres ]]; then
  # shellcheck source=../support/postgres.sh
  source "$root/tests/support/postgres.sh"
  pg_port=${MATRIX_PG_PORT:-}
  if [[ -z $pg_port ]]; then
    pg_port=$(free_port)
    start_postgres "$pg_port"
    started_pg=1
    taskset -cp 0 "$(head -n1 "$PG_DIR/data/postmaster.pid")" >/dev/null   # the database shares the portal's core
  fi
  export Database__Provider=Postgres ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=portal_matrix;Maximum Pool Size=64"
  target="host=127.0.0.1 port=$pg_port user=postgres dbname=portal_matrix"
  seeded_flag="$data/seeded-postgres-$pg_port"
else
  export ConnectionStrings__Portal="Data Source=$data/portal.db"
  target="$data/portal.db"
  seeded_flag="$data/seeded-sqlite"
fi

dotnet build "$root/Portal.Web" -c Release -v q -nologo >/dev/null
dotnet build "$root/tests/Portal.LoadData" -c Release -v q -nologo >/dev/null
cd "$root/Portal.Web/bin/Release/net10.0"
# A SQLite city kept by tests/load/run.sh (its marker is "seeded") is the same city: keep it too.
if [[ ! -f $seeded_flag && ! ( $provider == sqlite && -f $data/seeded ) ]]; then
  echo "generating the city (3-10 minutes)" >&2
  /usr/bin/time -f "seeded in %e s, peak %M KiB" dotnet "$root/tests/Portal.LoadData/bin/Release/net10.0/Portal.LoadData.dll" >&2
  touch "$seeded_flag"
fi
port=$(free_port)
base="http://127.0.0.1:$port"
gc_name=$([[ ${MATRIX_GC_SERVER:-1} == 1 ]] && echo server || echo workstation)
ASPNETCORE_URLS="$base" Mail__PickupDirectory="$work/mail" RateLimiting__AccountPostsPerMinute=100000 DOTNET_gcServer=${MATRIX_GC_SERVER:-1} \
  taskset -c 0 dotnet Portal.Web.dll >"$work/portal.log" 2>&1 &
pid=$!
until curl -H "X-Forwarded-Proto: https" -sf -o /dev/null "$base/health/live"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/portal.log" >&2; exit 1; }
  sleep 0.1
done

cookie=$(/usr/bin/python3 "$here/member.py" "$base" "$work/mail" "$provider" "$target")
page=$(curl -H "X-Forwarded-Proto: https" -sf -H "Cookie: $cookie" "$base/manage/matrix")
rows=$(grep -o '<th scope="row" class="mx-name"><a' <<<"$page" | wc -l)
columns=$(grep -o 'class="mx-topic"' <<<"$page" | wc -l)
bytes=$(wc -c <<<"$page")
person=$(grep -o -m1 '/manage/staff/[0-9]*' <<<"$page" | sed -n 1p)
echo "matrix: $rows people x $columns topics, $bytes bytes of HTML" >&2

# name | path
pages=(
  "Training matrix (HTML)|/manage/matrix"
  "Training matrix, Excel download|/manage/matrix?handler=Excel"
  "Training matrix, CSV download|/manage/matrix?handler=Csv"
  "One person's training (the phone view)|$person"
)
echo "warming up" >&2
for _ in 1 2 3; do
  for entry in "${pages[@]}"; do
    IFS='|' read -r _ path <<<"$entry"
    taskset -c 1 wrk -H "X-Forwarded-Proto: https" -t1 -c1 -d5s -H "Cookie: $cookie" "$base$path" >/dev/null
  done
done

# CPU time the portal spent per request (user + system, from /proc): unlike wall time, it does not
# grow when the virtual machine's host takes the CPU away (steal time), so it shows the page's own cost.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
table="| Page | p50 | p90 | p99 | Requests/s, one at a time | Portal CPU per request | Errors |
|---|---:|---:|---:|---:|---:|---:|"
for entry in "${pages[@]}"; do
  IFS='|' read -r name path <<<"$entry"
  before=$(cpu_ticks)
  out=$(taskset -c 1 wrk -H "X-Forwarded-Proto: https" -t1 -c1 -d"$duration" --latency -H "Cookie: $cookie" "$base$path")
  used=$(( $(cpu_ticks) - before ))
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  cpu_ms=$(awk -v t="$used" -v n="$requests" -v hz="$ticks_per_second" 'BEGIN { printf "%.0f ms", t * 1000 / hz / n }')
  p() { awk -v p="$1" '$1 == p"%" { print $2 }' <<<"$out"; }
  rate=$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' <<<"$out")
  row="| $name | $(p 50) | $(p 90) | $(p 99) | $rate | $cpu_ms | $errors |"
  echo "$row" >&2
  table+=$'\n'"$row"
done
peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
cpu=$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')
steal=$(top -bn1 | awk -F, '/Cpu\(s\)/ { for (i = 1; i <= NF; i++) if ($i ~ / st/) { gsub(/[^0-9.]/, "", $i); print $i } }')
result="$table

$rows people x $columns topics ($bytes bytes of HTML), $provider, $(nproc) cores ($cpu), portal on CPU 0, wrk on CPU 1, $(date -u +%Y-%m-%d). Peak working set $peak MiB ($gc_name GC). CPU steal at the end: ${steal:-?}%."
echo "$result"
echo "$result" >"$here/results-matrix-$provider.md"
