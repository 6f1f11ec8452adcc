#!/usr/bin/env bash
# Load figures for the portal's key pages, each as a ratio to a trivial endpoint in the same process
# and the same run, so the numbers travel between machines better than raw requests per second.
#
#   tests/load/run.sh            # SQLite (the embedded default)
#   tests/load/run.sh postgres   # a throwaway PostgreSQL on loopback (Debian's postgresql package)
#
# Builds Release, fills the database with a generated city (tests/Portal.LoadData: 100,000 accounts and
# candidate profiles, 200 organisations, 5,000 vacancies, 3,000,000 completions, 50,000
# applications, saved plans and alerts), starts the portal on loopback in Production (server and
# database pinned to CPU 0, wrk to CPU 1), prepares signed-in learners through the real forms and a
# manager and a recruiter of the city's largest employer, warms every page, then for each page
# measures the maximum rate (wrk, 10 s) and p50/p99 at half that rate. Prints one Markdown table and
# writes it to tests/load/results-<provider>.md. Run by hand, never in CI: the figures are timings.
#
#   LOAD_KEEP=DIR tests/load/run.sh      # keep the generated SQLite city in DIR and reuse it next time
#   LOAD_PAGES='matrix|Lesson' ...       # only the pages whose names match (the trivial endpoint always)
#   LOAD_PROFILE=DIR ...                 # instead of the table: a CPU profile of each page under load
#                                        # (15 s) and its summary (profile.py) in DIR; with
#   LOAD_PROFILER=perf                   # Linux perf's CPU samples instead of dotnet-trace's thread-time
#                                        # samples (which count threads waiting for the core as busy)
#   LOAD_PROFILER=allocations            # what each page allocates instead: dotnet-trace's gc-verbose
#                                        # allocation samples by type and stack (tests/Portal.Allocations)
#   LOAD_STATEMENTS=1 ... postgres       # after each page, the statements that took the database's time
#                                        # for it (pg_stat_statements: calls per request, mean ms, share)
#   LOAD_REDIS=0 ... postgres            # no Redis: each signed-in request reads its session row, and the
#                                        # output cache is the process's own (left out, postgres runs start
#                                        # a throwaway Redis for both, as a deployment of several nodes has)
#   LOAD_ENV='DOTNET_X=1 ...' ...       # more environment for the portal (a runtime knob to measure)
#   LOAD_PUBLISH=plain ...               # the portal as docs/operations.md publishes it (dotnet publish,
#   LOAD_PUBLISH=r2r ...                 # or with its code precompiled: -r linux-x64 -p:PublishReadyToRun=true),
#                                        # started from the publish folder; left out, the Release build output
#   LOAD_GC=workstation ...              # the workstation garbage collector; left out, the portal runs as
#                                        # it ships (Portal.Web's runtimeconfig: server GC, which .NET 10
#                                        # sizes dynamically, DATAS)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/load"
provider=${1:-sqlite}
duration=${LOAD_DURATION:-10s}
[[ $provider == sqlite || $provider == postgres ]] || { echo "usage: tests/load/run.sh [sqlite|postgres]" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/portal-load.XXXXXX)
keep=${LOAD_KEEP:-}
only=${LOAD_PAGES:-}
profile=${LOAD_PROFILE:-}
profiler=${LOAD_PROFILER:-dotnet-trace}
gc=${LOAD_GC:-server}
statements=${LOAD_STATEMENTS:-}
publish=${LOAD_PUBLISH:-}
[[ -z $publish || $publish == plain || $publish == r2r ]] || { echo "LOAD_PUBLISH is plain or r2r" >&2; exit 2; }
redis=$([[ $provider == postgres ]] && echo "${LOAD_REDIS:-1}" || echo 0)
[[ -z $statements || $provider == postgres ]] || { echo "LOAD_STATEMENTS needs postgres" >&2; exit 2; }
[[ $gc == server || $gc == workstation ]] || { echo "LOAD_GC is server or workstation" >&2; exit 2; }
gc_env=$([[ $gc == workstation ]] && echo "DOTNET_gcServer=0" || echo "DOTNET_gcServer=1")
perf_map=$([[ -n $profile && $profiler == perf ]] && echo 1 || echo 0)
# For perf to name methods: JIT-compiled code outside the double-mapped (write-xor-execute) memory,
# and the framework compiled by the JIT too rather than precompiled (ReadyToRun), so it is in the map.
perf_env=$([[ $perf_map == 1 ]] && echo "DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0" || echo "DOTNET_EnableWriteXorExecute=1")
[[ -z $keep || $provider == sqlite ]] || { echo "LOAD_KEEP keeps a SQLite city only" >&2; exit 2; }
pid=""
redis_pid=""
cleanup() {
  [[ -z $pid ]] || kill "$pid" 2>/dev/null || true
  [[ -z $redis_pid ]] || kill "$redis_pid" 2>/dev/null || true
  [[ $provider != postgres ]] || stop_postgres
  wait 2>/dev/null || true
  cp "$work/portal.log" /tmp/portal-load-last.log 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export Content__Path="$root/content" AllowedHosts=127.0.0.1 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
# Production refuses to start without a certificate protecting its keys: a throwaway one.
# shellcheck source=../support/keys.sh
source "$root/tests/support/keys.sh"
# A kept city keeps its certificate too: its keys (in the database) were protected with it.
if [[ -n $keep ]]; then
  mkdir -p "$keep"
  [[ -f $keep/keys.pfx ]] || key_certificate "$keep"
  export DataProtection__CertificatePath="$keep/keys.pfx" DataProtection__CertificatePassword=load-run
else
  key_certificate "$work"
fi
if [[ $provider == postgres ]]; then
  # The database's own log outlives the run too (stop_postgres calls this before it throws the cluster away).
  keep_log() { cp "$1" "/tmp/portal-load-last-$2" 2>/dev/null || true; }
  # shellcheck source=../support/postgres.sh
  source "$root/tests/support/postgres.sh"
  pg_port=$(free_port)
  [[ -z $statements ]] || export PG_EXTRA_CONF="shared_preload_libraries = 'pg_stat_statements'"
  start_postgres "$pg_port"
  taskset -cp 0 "$(head -n1 "$PG_DIR/data/postmaster.pid")" >/dev/null   # the database shares the portal's core
  export Database__Provider=Postgres ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=portal_load;Maximum Pool Size=64;Max Auto Prepare=50"
  if [[ $redis == 1 ]]; then
    [[ -x /usr/bin/redis-server ]] || { echo "redis-server is missing: apt-get install redis-server (or LOAD_REDIS=0)" >&2; exit 2; }
    redis_port=$(free_port)
    taskset -c 0 /usr/bin/redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
    redis_pid=$!
    until grep -qF "Ready to accept connections" "$work/redis.log"; do
      kill -0 "$redis_pid" 2>/dev/null || { cat "$work/redis.log" >&2; exit 1; }
      sleep 0.1
    done
    export Sessions__Redis="127.0.0.1:$redis_port" OutputCache__Redis="127.0.0.1:$redis_port"
  fi
else
  data=${keep:-$work}
  mkdir -p "$data"
  export ConnectionStrings__Portal="Data Source=$data/portal.db"
fi
# Where member.py writes the manager's and recruiter's memberships, as an admin would.
target=$([[ $provider == postgres ]] && echo "host=127.0.0.1 port=$pg_port user=postgres dbname=portal_load" || echo "$data/portal.db")

dotnet build "$root/Portal.Web" -c Release -v q -nologo >/dev/null
dotnet build "$root/tests/Portal.LoadData" -c Release -v q -nologo >/dev/null
# Where the measured portal starts from, and its entry point there.
app_dir="$root/Portal.Web" app_dll=bin/Release/net10.0/Portal.Web.dll
if [[ -n $publish ]]; then
  app_dir="$work/app" app_dll=Portal.Web.dll
  # shellcheck source=../support/publish.sh
  source "$root/tests/support/publish.sh"
  publish_portal "$publish" "$app_dir"
fi
if [[ -z $keep || ! -f $keep/seeded ]]; then
  if [[ -n $keep && -f $keep/seeded-sqlite ]]; then
    # matrix.sh generated this city (its own marker): keep it, and add the rollups it does not make.
    echo "keeping the city matrix.sh generated in $keep" >&2
  else
    echo "generating the city (3-10 minutes)" >&2
    dotnet "$root/tests/Portal.LoadData/bin/Release/net10.0/Portal.LoadData.dll" >&2
  fi
  # The insight pages read rollups: work them out from scratch once, timed (the figure the issue asks for).
  (cd "$root/Portal.Web" && /usr/bin/time -f "insight rollup from scratch: %e s, %U s CPU" dotnet bin/Release/net10.0/Portal.Web.dll run-job insight-rollup-full) >&2
  [[ -z $keep ]] || touch "$keep/seeded"
fi
port=$(free_port)
base="http://127.0.0.1:$port"
# From the project folder (or the publish folder), so the web root (styles, scripts, the version hashes in links) is found as when deployed.
# The background jobs' own summaries are logged (with the time), so the table can say which of them
# ran inside the measured portal: the hourly job alerts (on the hour), reminders (at :15) and rollup
# (at :40) share its core and its memory, and a whole-table run misses them only if started at the
# right minute. The console formatter must be named for its options to apply: without it the lines
# had no time and the table's last line said "none" whatever ran (found 2026-12-08).
(cd "$app_dir" && exec env ASPNETCORE_URLS="$base" Mail__PickupDirectory="$work/mail" RateLimiting__AccountPostsPerMinute=100000 $gc_env DOTNET_PerfMapEnabled=$perf_map $perf_env ${LOAD_ENV:-} \
  Logging__LogLevel__Portal.Infrastructure.Jobs=Information Logging__LogLevel__Portal.Infrastructure.Insight=Information Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss " \
  taskset -c 0 dotnet "$app_dll") >"$work/portal.log" 2>&1 &
pid=$!
until curl -H "X-Forwarded-Proto: https" -sf -o /dev/null "$base/health/live"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/portal.log" >&2; exit 1; }
  sleep 0.1
done

slug=duty-of-care
learners=8
/usr/bin/python3 "$here/setup.py" "$base" "$work/mail" "$learners" "$slug" >"$work/learners.lua"
answers=$(/usr/bin/python3 - "$root/content/learn/$slug.md" <<'PY'
import sys, urllib.parse, yaml
front = open(sys.argv[1]).read().split("---")[1]
quiz = yaml.safe_load(front)["quiz"]
print(urllib.parse.urlencode([(f"answer.{q['id']}", a["id"]) for q in quiz for a in q["answers"] if a.get("correct")]))
PY
)
vacancy=$(curl -H "X-Forwarded-Proto: https" -sf "$base/jobs?Search.Keyword=care" | grep -o '/jobs/[0-9a-f-]\{36\}' | head -n1)
first_learner() { /usr/bin/python3 -c "import re,sys; print(re.search(sys.argv[2] + r' = \"([^\"]*)\"', open(sys.argv[1]).read()).group(1))" "$work/learners.lua" "$1"; }
cookie=$(first_learner cookie)
manager=$(/usr/bin/python3 "$here/member.py" "$base" "$work/mail" "$provider" "$target" Manager)
{ read -r recruiter; read -r pipeline; } < <(/usr/bin/python3 "$here/member.py" "$base" "$work/mail" "$provider" "$target" Recruiter)
analyst=$(/usr/bin/python3 "$here/member.py" "$base" "$work/mail" "$provider" "$target" Analyst)
# A signed-out visit to the sign-in form: its antiforgery cookie and token, for the sign-in posts.
{ read -r signin_cookie; read -r signin_token; } < <(/usr/bin/python3 - "$base" "$here" <<'PY'
import re, sys, html
sys.path.insert(0, sys.argv[2])
sys.argv = [sys.argv[0], sys.argv[1], "", "0", ""]
import setup
opener, jar = setup.browser()
_, page, _ = setup.fetch(opener, "/Identity/Account/Login")
print("; ".join(f"{c.name}={c.value}" for c in jar))
print(html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]*)"', page).group(1)))
PY
)

# name | path | kind | target ratio | connections (16 unless given: enough to keep one core busy;
# pages that take 100 ms or more get 4, so a queue of 16 does not stand in for the page's own time)
pages=(
  "Trivial endpoint (/health/live)|/health/live|get|-|"
  "Home|/|get|0.5|"
  "Careers explorer (cached)|/careers|get|0.5|"
  "Role page (cached)|/careers/roles/enhanced-care-worker|get|0.5|"
  "Route plan (cached)|/careers/plan?From=new-to-care&To=registered-nurse|get|0.5|"
  "Learn catalogue, signed out (cached)|/learn|get|0.5|"
  "Sign-in page (uncached, sets the antiforgery cookie)|/Identity/Account/Login|get|0.25|"
  "Vacancy page|$vacancy|get|0.25|"
  "Jobs search: a keyword within 5 or 10 miles of a postcode, 80 different searches|/jobs|jobs|0.1|"
  "Role page, signed in (not cached)|/careers/roles/enhanced-care-worker|auth|0.25|"
  "Learn catalogue, signed in|/learn|auth|0.25|"
  "Lesson page, signed in|/learn/$slug/lessons/2|auth|0.25|"
  "Training record, signed in|/learn/record|auth|0.1|"
  "Learner's home (dashboard), signed in|/|auth|0.1|"
  "Recruiter's dashboard|/recruit|recruiter|0.1|"
  "Recruiter pipeline: the employer's busiest vacancy|/recruit/vacancies/$pipeline/applications|recruiter|0.1|"
  "Manager's training matrix: 500 staff x 44 topics|/manage/matrix|manager|0.1|4"
  "Insight: the figures there are (analyst)|/insight|analyst|0.25|"
  "Insight: learning reach, the city's last 12 months|/insight/learning|analyst|0.1|"
  "Insight: the pipeline, the city's last 12 months|/insight/pipeline|analyst|0.1|"
  "Insight: the pipeline by ethnic group|/insight/pipeline?Input.By=ethnicity|analyst|0.1|"
  "Insight: programmes|/insight/programmes|analyst|0.1|"
  "Insight: reflecting the people it serves|/insight/reflecting|analyst|0.1|"
  "Sign in (the password check; a write)|/Identity/Account/Login|signin|0.05|4"
  "Quiz cycle: refresher start, the 5 lessons read in order, quiz page, submit (7 writes in 8)|/learn/$slug/quiz|quiz|0.05|"
)
if [[ -n $only ]]; then
  chosen=("${pages[0]}")
  for entry in "${pages[@]:1}"; do [[ ! ${entry%%|*} =~ $only ]] || chosen+=("$entry"); done
  pages=("${chosen[@]}")
fi

# The signed-in kinds of page and whose session each is measured with.
declare -A cookies=([auth]="$cookie" [recruiter]="$recruiter" [manager]="$manager" [analyst]="$analyst")
wrk_run() { # kind path connections interval_ms -> wrk output
  local kind=$1 path=$2 connections=$3 interval=$4
  case $kind in
    get)  taskset -c 1 wrk -H "X-Forwarded-Proto: https" -t2 -c"$connections" -d"$duration" --timeout 10s --latency -s "$here/paced.lua" "$base$path" -- "$interval" ;;
    jobs) taskset -c 1 wrk -H "X-Forwarded-Proto: https" -t2 -c"$connections" -d"$duration" --timeout 10s --latency -s "$here/jobs.lua" "$base" -- "$interval" ;;
    auth|recruiter|manager|analyst) taskset -c 1 wrk -H "X-Forwarded-Proto: https" -t2 -c"$connections" -d"$duration" --timeout 10s --latency -H "Cookie: ${cookies[$kind]}" -s "$here/paced.lua" "$base$path" -- "$interval" ;;
    signin) taskset -c 1 wrk -H "X-Forwarded-Proto: https" -t2 -c"$connections" -d"$duration" --timeout 10s --latency -s "$here/signin.lua" "$base" -- "$(first_learner email)" "tidal meadow lantern 2026" "$signin_cookie" "$signin_token" "$interval" ;;
    quiz) taskset -c 1 wrk -H "X-Forwarded-Proto: https" -t"$learners" -c"$learners" -d"$duration" --timeout 10s --latency -s "$here/quiz.lua" "$base" -- "$work/learners.lua" "$answers" "$slug" "$interval" ;;
  esac
}
rate_of() { awk '/^Requests\/sec:/ { print $2 }'; }
latency_of() { awk -v p="$1" '$1 == p"%" { print $2 }'; }
errors_of() { awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i } /unexpected responses:/ { n += $NF } END { print n + 0 }'; }

# The JIT recompiles hot code in the background for a while after start (tiered compilation), on
# the same pinned core: measuring before it settles halves the trivial endpoint's rate.
echo "warming up" >&2
for pass in 1 2; do
  for entry in "${pages[@]}"; do
    IFS='|' read -r name path kind target _ <<<"$entry"
    duration=5s wrk_run "$kind" "$path" 8 0 >/dev/null
  done
done
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
# The database's CPU (PostgreSQL: the postmaster, its live backends, and through the postmaster's
# children's time the backends that have exited; SQLite runs inside the portal).
db_ticks() {
  [[ $provider == postgres ]] || { echo 0; return; }
  local postmaster
  postmaster=$(head -n1 "$PG_DIR/data/postmaster.pid")
  {
    awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    # A backend may exit between listing and reading: skip it (its time is then in the postmaster's).
    for p in $(pgrep -P "$postmaster" || true); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done
    # Redis, when started, counts with the database: it is the other server a request waits on.
    [[ -z $redis_pid ]] || awk '{ print $14 + $15 }' "/proc/$redis_pid/stat"
  } | awk '{ n += $1 } END { print n + 0 }'
}
hz=$(getconf CLK_TCK)
for _ in $(seq 1 30); do
  before=$(cpu_ticks); sleep 2
  (( $(cpu_ticks) - before < 20 )) && break   # under 10% of a core: settled
done

if [[ -n $profile ]]; then
  # What each page's requests spend their CPU on: sampled stacks while wrk keeps the page busy.
  mkdir -p "$profile"
  trace=${DOTNET_TRACE:-dotnet tool run dotnet-trace}   # the local tool manifest names it: dotnet tool restore
  [[ $profiler != allocations ]] || dotnet build "$root/tests/Portal.Allocations" -c Release -nologo -v q >&2
  for entry in "${pages[@]}"; do
    IFS='|' read -r name path kind _ connections <<<"$entry"
    [[ $kind != quiz ]] || connections=$learners
    file="$profile/$(tr -c 'a-zA-Z0-9\n' '-' <<<"${name%%:*}" | tr -s '-' | sed 's/-$//' | tr 'A-Z' 'a-z')"
    duration=25s wrk_run "$kind" "$path" "${connections:-16}" 0 >"$file.wrk" &
    load=$!
    sleep 3
    if [[ $profiler == allocations ]]; then
      $trace collect -p "$pid" --profile gc-verbose --duration 00:00:00:15 -o "$file.nettrace" >/dev/null
      wait "$load"
      dotnet "$root/tests/Portal.Allocations/bin/Release/net10.0/Portal.Allocations.dll" "$file.nettrace" "$name" | tee "$file.md" >&2
    elif [[ $profiler == perf ]]; then
      perf record -F 999 -g -p "$pid" -o "$file.perf" -- sleep 15 2>/dev/null
      perf script -i "$file.perf" 2>/dev/null >"$file.stacks"
      wait "$load"
      /usr/bin/python3 "$here/profile.py" "$file.stacks" "$name" | tee "$file.md" >&2
    else
      $trace collect -p "$pid" --profile dotnet-sampled-thread-time --duration 00:00:00:15 --format Speedscope -o "$file.nettrace" >/dev/null
      wait "$load"
      /usr/bin/python3 "$here/profile.py" "$file.speedscope.json" "$name" | tee "$file.md" >&2
    fi
  done
  exit 0
fi

if [[ -n $statements ]]; then
  psql_load() { "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d portal_load -Atq "$@"; }
  psql_load -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  # The statements of the page just measured at full rate, by the time they took: each one's calls
  # per request, mean time and share of the database's time (sessions, jobs and autovacuum included).
  page_statements() {
    psql_load -F ' | ' -c "SELECT round(calls::numeric / $1, 2) || ' per request', round(mean_exec_time::numeric, 3) || ' ms', round(100 * total_exec_time / sum(total_exec_time) OVER ())::int || '%', left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'portal_load') ORDER BY total_exec_time DESC LIMIT 8" | sed 's/^/    /'
  }
fi

table="| Page | Requests/s | Ratio | Target | p50 at half rate | p99 at half rate | Errors | CPU per request: portal / database |
|---|---:|---:|---:|---:|---:|---:|---:|"
trivial=""
stalled=()
for entry in "${pages[@]}"; do
  IFS='|' read -r name path kind target connections <<<"$entry"
  [[ $kind != quiz ]] || connections=$learners
  connections=${connections:-16}
  [[ -z $statements ]] || psql_load -c "SELECT pg_stat_statements_reset()" >/dev/null
  portal_before=$(cpu_ticks); db_before=$(db_ticks)
  full=$(wrk_run "$kind" "$path" "$connections" 0)
  portal_after=$(cpu_ticks); db_after=$(db_ticks)
  requests=$(awk '/requests in/ { print $1 }' <<<"$full")
  if [[ ${requests:-0} == 0 ]]; then
    # Every request timed out or failed (wrk counts only the ones that came back): say so, not a row of zeros.
    row="| $name | 0 | - | $target | - | - | **no request completed** | - |"
    echo "$row" >&2
    table+=$'\n'"$row"
    stalled+=("$name")
    continue
  fi
  [[ -z $statements ]] || page_statements "$requests" >&2
  # CPU time per request from /proc (ticks of 1/CLK_TCK s): what a page costs, whatever the machine's steal time.
  cpu=$(awk -v p=$((portal_after - portal_before)) -v d=$((db_after - db_before)) -v n="$requests" -v hz="$hz" -v pg="$provider" \
    'BEGIN { f = (p * 1000 / hz) / n; g = (d * 1000 / hz) / n; if (pg == "postgres") printf "%.2f / %.2f ms", f, g; else printf "%.2f ms / (in process)", f }')
  rate=$(rate_of <<<"$full")
  [[ -n $trivial ]] || trivial=$rate
  # Half the maximum rate, spread over the connections: each waits connections/(rate/2) s between requests.
  interval=$(awk -v c="$connections" -v r="$rate" 'BEGIN { printf "%d", c * 1000 / (r / 2) }')
  half=$(wrk_run "$kind" "$path" "$connections" "$interval")
  errors=$(( $(errors_of <<<"$full") + $(errors_of <<<"$half") ))
  ratio=$(awk -v r="$rate" -v t="$trivial" 'BEGIN { printf "%.2f", r / t }')
  row="| $name | $(printf '%.0f' "$rate") | $ratio | $target | $(latency_of 50 <<<"$half") | $(latency_of 99 <<<"$half") | $errors | $cpu |"
  echo "$row" >&2
  table+=$'\n'"$row"
done
# The trivial endpoint again at the end: its two figures show how steady the machine was.
again=$(rate_of <<<"$(wrk_run get /health/live 16 0)")
peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
model=$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')
# The matrix's weight on the wire: the whole page as sent, unpacked and as Brotli and gzip pack it.
sizes=""
if [[ " ${pages[*]}" == *"/manage/matrix|manager"* ]]; then
  matrix_size() { curl -s -H "X-Forwarded-Proto: https" -H "Cookie: $manager" ${1:+-H "Accept-Encoding: $1"} "$base/manage/matrix" | wc -c; }
  sizes=" Matrix HTML: $(matrix_size) bytes, $(matrix_size br) with Brotli, $(matrix_size gzip) with gzip."
fi
result="$table

Provider: $provider.$sizes Trivial endpoint at the start $(printf '%.0f' "$trivial") requests/s, at the end $(printf '%.0f' "$again"). Peak working set of the portal process: $peak MiB ($gc GC$([[ -n $publish ]] && echo ", published: $publish")).$([[ $redis == 1 ]] && echo " Sessions and output cache in Redis (its CPU counted with the database's).") Machine: $(nproc) cores ($model), portal on CPU 0, wrk on CPU 1, $duration per run, $(date -u +%Y-%m-%d)."
# Which background runs finished inside the measured portal: "HH:MM:SS what it did", one per run.
background=$(awk '/^[0-9:]+ info: Portal\.Infrastructure\.(Jobs|Insight)\./ { at = $1; getline; sub(/^ +/, ""); if ($0 ~ /^(Training reminders|Job alerts|New matches|Retention|Programme check-ins|Recognised credentials|Insight rollup: [0-9,]+ months)/) printf "%s%s %s", (n++ ? "; " : ""), at, $0 }' "$work/portal.log")
result+="
Background runs that finished inside the measured portal: ${background:-none}."
if ((${#stalled[@]})); then
  result+="

**No request completed for: $(IFS=';'; echo "${stalled[*]}" | sed 's/;/; /g')** (the portal's log is kept in /tmp/portal-load-last.log)."
fi
echo "$result" | tee "$here/results-$provider.md"
((${#stalled[@]} == 0)) || exit 1
