#!/usr/bin/env bash
# Runs every test project in the repo against throwaway services.
#
#   tests/run.sh [extra dotnet test args, e.g. --filter Name~Invite]
#
# What it does:
#   1. installs the Debian packages the tests need, if missing;
#   2. starts a throwaway PostgreSQL cluster and an SMTP sink, both on
#      127.0.0.1 and on free ports, and exports where to find them;
#   3. builds Portal.sln once, then runs each test project in turn;
#   4. counts results from the TRX files and prints, as the very last line,
#      "tests: N passed, M failed". Exit status is 0 only if M == 0 and N > 0.
#
# Environment exported to the tests:
#   PORTAL_TEST_POSTGRES    Npgsql connection string to the throwaway server
#                           (superuser; tests create and drop their own DBs)
#   PORTAL_TEST_SMTP_HOST   127.0.0.1
#   PORTAL_TEST_SMTP_PORT   port the SMTP sink listens on
#   PORTAL_TEST_SMTP_DIR    directory the sink writes <unix-ns>-<seq>.eml into
#   PORTAL_TEST_SMTP_SINK   absolute path of tests/support/smtp_sink.py
#   PORTAL_TEST_PYTHON      python interpreter that can import aiosmtpd
#   PORTAL_TEST_CHROMIUM    /usr/bin/chromium
#   PORTAL_TEST_REDIS       host:port of a throwaway Redis (the shared output cache of two nodes)
#   PORTAL_TEST_RESULTS     tests/.run/results: where the browser tests' portal processes leave their logs
#
# Skipped tests count as failed: a skipped test is not a passing one.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RESULTS_DIR="$ROOT/tests/.run/results"   # TRX files and service logs; kept
PASSED=0
FAILED=0
SUMMARY_DONE=0   # set once the test loop has finished normally
PG_BIN=""
PG_DIR=""
PG_PID=""
SMTP_DIR=""
SMTP_PID=""
REDIS_PID=""
REDIS_LOG=""
TEST_PID=""      # the running "dotnet test", so Ctrl-C can stop it

log() { printf '[run.sh] %s\n' "$*" >&2; }

# True while a child of this script is running. A child that has exited but
# not been reaped yet still answers "kill -0", so look at its state instead.
is_running() {
    local stat
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat="${stat##*) }"
    [[ ${stat:0:1} != Z ]]
}

# Stops a child of this script: SIGTERM, SIGKILL after $2 seconds, then reap.
# With a third argument "group", signals the child's whole process group.
stop_child() {
    local pid=$1 grace=$2 target=$1 i
    [[ ${3:-} == group ]] && target="-$1"
    kill -TERM -- "$target" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        is_running "$pid" || break
        sleep 0.1
    done
    kill -KILL -- "$target" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# Copies a service log next to the TRX files before its temp dir goes away.
keep_log() {
    if [[ -f "$1" && -d "$RESULTS_DIR" ]]; then cp "$1" "$RESULTS_DIR/$2" || true; fi
}

# python3-aiosmtpd installs into Debian's interpreter. A python3 that comes
# first on PATH (pyenv, a venv) usually cannot import it, so prefer
# /usr/bin/python3 whenever it exists.
python_bin() {
    if [[ -x /usr/bin/python3 ]]; then echo /usr/bin/python3; else echo python3; fi
}

# ---------------------------------------------------------------------------
# Cleanup: always runs (success, failure, Ctrl-C) and always ends with the
# summary line, so even a failed build or service start reports "M failed".
# ---------------------------------------------------------------------------
cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM HUP

    # Only set if we were interrupted while a test project was running.
    if [[ -n "$TEST_PID" ]]; then
        log "stopping dotnet test"
        stop_child "$TEST_PID" 15 group
    fi

    stop_redis
    stop_smtp_sink
    stop_postgres

    if [[ "$SUMMARY_DONE" != 1 ]]; then
        # Aborted before the tests finished (setup error, build failure,
        # signal): that is one failure on top of whatever was counted.
        FAILED=$((FAILED + 1))
        [[ $rc == 0 ]] && rc=1
    fi
    echo "tests: $PASSED passed, $FAILED failed"
    exit "$rc"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap does the cleanup. The
# services and dotnet test run under setsid, so a terminal Ctrl-C reaches
# only this script and the trap decides the order things stop in.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------
have_initdb() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

ensure_packages() {
    if have_initdb && [[ -x /usr/bin/chromium && -x /usr/bin/redis-server ]] \
        && "$(python_bin)" -c 'import aiosmtpd' 2>/dev/null; then
        return 0
    fi
    local sudo=()
    if [[ $EUID -ne 0 ]]; then
        if command -v sudo >/dev/null; then
            sudo=(sudo)
        else
            log "missing packages and not root (and no sudo): install postgresql chromium python3-aiosmtpd redis-server"
            return 1
        fi
    fi
    log "installing postgresql chromium python3-aiosmtpd redis-server"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y postgresql chromium python3-aiosmtpd redis-server
}

# ---------------------------------------------------------------------------
# 2. Services
# ---------------------------------------------------------------------------

# shellcheck source=support/postgres.sh
source "$ROOT/tests/support/postgres.sh"

# Prints three distinct free TCP ports on 127.0.0.1. Both sockets are held open
# together so the kernel cannot hand out the same port twice; there is still
# a small window before the services bind, hence the retries below.
free_ports() {
    "$(python_bin)" - <<'EOF'
import socket
socks = []
for _ in range(3):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

start_smtp_sink() {
    local port=$1
    SMTP_DIR="$(mktemp -d /tmp/portal-smtp.XXXXXX)"
    # setsid: as for postgres, only the trap stops it (with SIGTERM).
    setsid "$(python_bin)" "$ROOT/tests/support/smtp_sink.py" \
        --host 127.0.0.1 --port "$port" --dir "$SMTP_DIR" >"$SMTP_DIR.log" 2>&1 &
    SMTP_PID=$!
    wait_for_log "$SMTP_PID" "$SMTP_DIR.log" -x ready
}

# Waits up to 10 s for a service's log to show it is ready (grep options and pattern after the
# log); prints the log and fails if the service exits or never says so.
wait_for_log() {
    local pid=$1 log=$2 i
    shift 2
    for i in $(seq 1 100); do
        grep -q "$@" "$log" 2>/dev/null && return 0
        is_running "$pid" || break
        sleep 0.1
    done
    cat "$log" >&2
    return 1
}

stop_smtp_sink() {
    [[ -z "$SMTP_PID" ]] || stop_child "$SMTP_PID" 5
    if [[ -n "$SMTP_DIR" ]]; then
        keep_log "$SMTP_DIR.log" smtp_sink.log
        rm -rf "$SMTP_DIR" "$SMTP_DIR.log"
    fi
    SMTP_PID=""
    SMTP_DIR=""
}

# A throwaway Redis on loopback: no disk, no config file, stopped by the trap like the others.
start_redis() {
    local port=$1
    REDIS_LOG="$(mktemp /tmp/portal-redis.XXXXXX)"
    setsid /usr/bin/redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
        --protected-mode yes --daemonize no >"$REDIS_LOG" 2>&1 &
    REDIS_PID=$!
    wait_for_log "$REDIS_PID" "$REDIS_LOG" -F "Ready to accept connections"
}

stop_redis() {
    [[ -z "$REDIS_PID" ]] || stop_child "$REDIS_PID" 5
    if [[ -n "$REDIS_LOG" ]]; then
        keep_log "$REDIS_LOG" redis.log
        rm -f "$REDIS_LOG"
    fi
    REDIS_PID=""
    REDIS_LOG=""
}

start_services() {
    local attempt pg_port smtp_port redis_port
    for attempt in 1 2 3; do
        read -r pg_port smtp_port redis_port < <(free_ports)
        if start_postgres "$pg_port" && start_smtp_sink "$smtp_port" && start_redis "$redis_port"; then
            export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres;Database=postgres"
            export PORTAL_TEST_SMTP_HOST=127.0.0.1
            export PORTAL_TEST_SMTP_PORT="$smtp_port"
            export PORTAL_TEST_SMTP_DIR="$SMTP_DIR"
            export PORTAL_TEST_REDIS="127.0.0.1:$redis_port"
            log "postgres on 127.0.0.1:$pg_port, smtp sink on 127.0.0.1:$smtp_port, redis on 127.0.0.1:$redis_port"
            return 0
        fi
        log "service start failed (attempt $attempt), retrying on other ports"
        stop_redis
        stop_smtp_sink
        stop_postgres
    done
    return 1
}

# ---------------------------------------------------------------------------
# 3. Test projects
# ---------------------------------------------------------------------------

# A test project is tests/<dir>/<name>.Tests.csproj: tests/Directory.Build.props makes exactly
# those xunit test projects. This leaves out tools beside them, such as tests/Portal.Benchmarks.
list_test_projects() {
    local proj
    for proj in tests/*/*.Tests.csproj; do
        [[ -f "$proj" ]] && echo "$proj"
    done
    return 0
}

# Prints "passed failed skipped outcome" summed over the TRX files given.
# failed = total - passed, so skipped, errored, timed-out and aborted tests
# all count as failures.
count_trx() {
    "$(python_bin)" - "$@" <<'EOF'
import sys
import xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
outcome = "Completed"
for path in sys.argv[1:]:
    summary = ET.parse(path).getroot().find(ns + "ResultSummary")
    c = summary.find(ns + "Counters").attrib
    total, ok = int(c.get("total", 0)), int(c.get("passed", 0))
    passed += ok
    failed += total - ok
    # VSTest leaves notExecuted at 0 for skipped tests; they only show as
    # total - executed (and as outcome="NotExecuted" on each result).
    skipped += total - int(c.get("executed", 0))
    if outcome == "Completed" and summary.get("outcome") not in ("Completed", "Passed"):
        outcome = summary.get("outcome")  # Failed, Aborted, Error, ...
print(passed, failed, skipped, outcome)
EOF
}

run_project() {
    local proj=$1; shift
    local name rc=0 dir started p f s outcome
    name="$(basename "$proj" .csproj)"
    dir="$RESULTS_DIR/$name"
    started=$SECONDS
    log "running $name"
    # In the background plus "wait" so that Ctrl-C runs our trap at once.
    # In the foreground, bash would hold the trap until dotnet test exits,
    # and skip it altogether if dotnet test handles SIGINT itself (it does).
    # setsid gives it its own process group, so the trap can stop the whole
    # tree (dotnet test -> vstest.console -> testhost); killing only the
    # top process leaves the other two running.
    setsid dotnet test "$proj" --no-build -c Debug \
        --logger "trx;LogFileName=$name.trx" --results-directory "$dir" "$@" &
    TEST_PID=$!
    wait "$TEST_PID" || rc=$?
    TEST_PID=""

    local trx=()
    [[ -d "$dir" ]] && mapfile -t trx < <(find "$dir" -name '*.trx' -type f)
    if [[ ${#trx[@]} -eq 0 ]]; then
        # Crashed before writing results (host crash, or no build output,
        # e.g. because the project is missing from Portal.sln).
        local hint=""
        grep -qF "$name.csproj" Portal.sln || hint=" (not in Portal.sln, so not built)"
        PROJECT_LINES+=("  $name: no TRX produced (dotnet test exit $rc)$hint, counted as 1 failure")
        FAILED=$((FAILED + 1))
        return
    fi
    local counts note=""
    counts="$(count_trx "${trx[@]}")" || counts=""
    if [[ -z "$counts" ]]; then
        PROJECT_LINES+=("  $name: unreadable TRX (dotnet test exit $rc), counted as 1 failure")
        FAILED=$((FAILED + 1))
        return
    fi
    read -r p f s outcome <<<"$counts"
    # A non-zero exit with nothing failed in the TRX (test host crash after
    # the last result) or an aborted run must not pass silently.
    if [[ $rc -ne 0 && $f -eq 0 ]] || [[ $outcome != Completed && $outcome != Failed ]]; then
        f=$((f + 1))
        note=" [run $outcome, dotnet test exit $rc]"
    fi
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
    PROJECT_LINES+=("  $name: $p passed, $f failed ($s skipped) in $((SECONDS - started))s$note")
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PORTAL_TEST_CHROMIUM=/usr/bin/chromium
export PORTAL_TEST_SMTP_SINK="$ROOT/tests/support/smtp_sink.py"

ensure_packages
PORTAL_TEST_PYTHON="$(command -v "$(python_bin)")"
export PORTAL_TEST_PYTHON

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
export PORTAL_TEST_RESULTS="$RESULTS_DIR"   # the browser tests' portal processes leave their logs here

start_services

log "building Portal.sln"
dotnet build Portal.sln -c Debug

mapfile -t PROJECTS < <(list_test_projects)
PROJECT_LINES=()
for proj in "${PROJECTS[@]}"; do
    run_project "$proj" "$@"
done

echo
echo "Results in ${RESULTS_DIR#"$ROOT"/}:"
for line in "${PROJECT_LINES[@]}"; do echo "$line"; done

SUMMARY_DONE=1
if [[ $FAILED -eq 0 && $PASSED -gt 0 ]]; then exit 0; fi
exit 1
