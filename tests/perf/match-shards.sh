#!/usr/bin/env bash
# The nightly matching run on PostgreSQL: the single run, then the sharded run worked by one
# portal process and by two (each a Hangfire server with one worker, on loopback, sharing the
# database and its job queue), each from empty match tables. Prints the wall times, whether every
# run stored the same rows (a hash of every stored column but the time it was computed), the
# per-shard timings, and a sizing table for a nation worked out from them. Run by hand, never in
# CI: the figures are timings.
#
#   tests/perf/match-shards.sh
#   LOAD_ARGS="--vacancies 10000" PEOPLE_PER_SHARD=10000 tests/perf/match-shards.sh   # the city of docs/performance.md
#
# LOAD_ARGS go to tests/Portal.LoadData (default: a small city for a busy machine);
# PEOPLE_PER_SHARD is Matching:PeoplePerShard (default 1000); NATION_PEOPLE and NATION_VACANCIES
# size the table (default 1,500,000 and 100,000).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
load_args=${LOAD_ARGS:---people 6000 --profiles 10000 --vacancies 1000 --completions 100000 --applications 3000 --plans 2000 --alerts 1000 --staff 100}
per_shard=${PEOPLE_PER_SHARD:-1000}
nation_people=${NATION_PEOPLE:-1500000}
nation_vacancies=${NATION_VACANCIES:-100000}
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/portal-shards.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

export Content__Path="$root/content" AllowedHosts=127.0.0.1 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
export Mail__PickupDirectory="$work/mail"
# shellcheck source=../support/keys.sh
source "$root/tests/support/keys.sh"
key_certificate "$work"
# shellcheck source=../support/postgres.sh
source "$root/tests/support/postgres.sh"
pg_port=$(free_port)
start_postgres "$pg_port"
export Database__Provider=Postgres ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=portal_shards;Maximum Pool Size=64"
sql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d portal_shards -qAtX -c "$1"; }

dotnet build "$root/Portal.Web" -c Release -v q -nologo >/dev/null
dotnet build "$root/tests/Portal.LoadData" -c Release -v q -nologo >/dev/null
echo "generating the city: $load_args" >&2
# shellcheck disable=SC2086
dotnet "$root/tests/Portal.LoadData/bin/Release/net10.0/Portal.LoadData.dll" $load_args >&2
portal="$root/Portal.Web/bin/Release/net10.0/Portal.Web.dll"

# Every stored column but when it was computed, in a fixed order.
stored() {
  sql "SELECT md5(
    (SELECT coalesce(string_agg(concat_ws(' ', \"UserId\", \"VacancyId\", \"Score\", \"Miles\", \"ModulesHeld\", \"ModulesRequired\", \"ProgrammesHeld\", \"ProgrammesRequired\", \"DaysFit\", \"PayAsked\", \"HourlyPay\", \"RoleWanted\", \"OnSavedRoute\", \"ForPerson\", \"ForVacancy\"), E'\n' ORDER BY \"UserId\" COLLATE \"C\", \"VacancyId\"), '') FROM \"Matches\")
    || (SELECT coalesce(string_agg(concat_ws(' ', \"UserId\", \"Latitude\", \"Longitude\", \"Days\", \"Shifts\", \"DrivingLicence\", \"ModulesHeld\", \"ProgrammesHeld\", \"RolesWanted\", \"RolesOnSavedRoute\", \"PayAsked\", \"Findable\", \"Cutoff\", \"ContentVersion\"), E'\n' ORDER BY \"UserId\" COLLATE \"C\"), '') FROM \"MatchPeople\")
    || (SELECT coalesce(string_agg(concat_ws(' ', \"VacancyId\", \"Cutoff\"), E'\n' ORDER BY \"VacancyId\"), '') FROM \"MatchVacancyCutoffs\"))
    || ' (' || (SELECT count(*) FROM \"Matches\") || ' matches)'"
}
empty() { sql 'TRUNCATE "Matches", "MatchPeople", "MatchVacancyCutoffs"'; }
seconds() { grep -o ' in [0-9.,]* s;' <<<"$1" | tr -d ' ins;,' ; }

rows=()
empty
out=$(Matching__Sharded=false dotnet "$portal" run-job matching-nightly 2>&1); echo "$out" >&2
single_hash=$(stored)
rows+=("| single run, one process | $(seconds "$out") s | $single_hash |")

node() {
  local name=$1 port
  port=$(free_port)
  ASPNETCORE_URLS="http://127.0.0.1:$port" Jobs__WorkerCount=1 Jobs__QueuePollInterval=00:00:01 Matching__WorkerName="$name" \
    dotnet "$portal" >"$work/$name.log" 2>&1 &
  pids+=($!)
  until curl -H "X-Forwarded-Proto: https" -sf -o /dev/null "http://127.0.0.1:$port/health/live"; do
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$name.log" >&2; exit 1; }
    sleep 0.2
  done
}
stop_nodes() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; pids=(); }
export Matching__Sharded=true Matching__PeoplePerShard=$per_shard

for nodes in 1 2; do
  for n in $(seq 1 "$nodes"); do node "node-$n"; done
  empty
  out=$(dotnet "$portal" run-job matching-queued 2>&1); echo "$out" >&2
  hash=$(stored)
  rows+=("| sharded run, $nodes node(s) | $(seconds "$out") s | $hash |")
  stop_nodes
  run=$(sql 'SELECT "Id" FROM "MatchRuns" ORDER BY "StartedAtUtc" DESC LIMIT 1')
  sql "SELECT \"Shard\", \"People\", \"PairsScored\", \"ScoreMilliseconds\", \"WriteMilliseconds\", \"ScoreWorker\", \"WriteWorker\", \"Vacancies\", \"Candidates\" FROM \"MatchRunShards\" WHERE \"RunId\" = '$run' ORDER BY \"Shard\"" >"$work/shards-$nodes.txt"
  wall[$nodes]=$(seconds "$out")
done

echo
echo "Busy-machine figures unless the machine was quiet; $(nproc) cores; $(date -u +%F)."
echo "City: $load_args; Matching:PeoplePerShard $per_shard."
echo
echo "| run | wall time | stored rows (md5, all columns but the time computed) |"
echo "| --- | ---: | --- |"
printf '%s\n' "${rows[@]}"
echo
echo "Per shard (two nodes): shard, people, pairs past the hard filters, score ms, write ms, scored by, written by, vacancies in reach, candidates put forward"
echo '```'
cat "$work/shards-2.txt"
echo '```'
/usr/bin/python3 - "$work/shards-1.txt" "${wall[1]}" "${wall[2]}" "$nation_people" "$nation_vacancies" "$load_args" <<'PY'
import sys, re
shards = [l.split('|') for l in open(sys.argv[1]).read().split('\n') if l.strip()]
wall1, wall2 = float(sys.argv[2]), float(sys.argv[3])
people = sum(int(s[1]) for s in shards)
pairs = sum(int(s[2]) for s in shards)
work = sum(int(s[3]) + int(s[4]) for s in shards) / 1000.0
serial = max(0.0, wall1 - work)
nation_people, nation_vacancies = int(sys.argv[4]), int(sys.argv[5])
m = re.search(r'--vacancies (\d+)', sys.argv[6])
vacancies = int(m.group(1)) if m else 5000
per_person = work / people
print()
print(f"One node: {wall1:.1f} s; two nodes: {wall2:.1f} s; speed-up {wall1 / wall2:.2f}x.")
print(f"Shard work {work:.1f} s for {people:,} people ({per_person * 1000:.2f} ms a person, {pairs / people:,.0f} pairs a person); "
      f"the rest of one node's run (start, merge, completion, queueing) {serial:.1f} s.")
print()
print(f"Sizing for {nation_people:,} people x {nation_vacancies:,} vacancies, from these per-shard figures. Assumes a person's cost")
print("stays what it is here (in this city every vacancy is within reach of most people; in a nation a person has")
print("fewer in reach, so this errs long), the serial part grows with vacancies, and the database keeps up.")
print()
print("| nodes | shard work per node | serial part | run takes about |")
print("| ---: | ---: | ---: | ---: |")
serial_nation = serial * nation_vacancies / vacancies
for nodes in (1, 2, 4, 8, 16):
    per_node = per_person * nation_people / nodes
    print(f"| {nodes} | {per_node / 60:,.0f} min | {serial_nation / 60:,.1f} min | {(per_node + serial_nation) / 60:,.0f} min |")
PY
