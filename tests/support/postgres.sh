# A throwaway PostgreSQL cluster on loopback, for tests/run.sh and tests/load/run.sh.
# Source it, then: start_postgres PORT (sets PG_BIN, PG_DIR, PG_PID) ... stop_postgres.
# PG_EXTRA_CONF, when set, is added to the cluster's postgresql.conf.
# Uses the caller's log() and is_running() when it has them, and keep_log() to save the
# server log before the cluster is thrown away.

PG_BIN="${PG_BIN:-}"
PG_DIR="${PG_DIR:-}"
PG_PID="${PG_PID:-}"
declare -F log >/dev/null || log() { printf '%s\n' "$*" >&2; }
declare -F is_running >/dev/null || is_running() {
    local stat
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat="${stat##*) }"
    [[ ${stat:0:1} != Z ]]
}

# PostgreSQL refuses to run as root, so when we are root the cluster belongs
# to the 'postgres' system user that the Debian package creates.
AS_PG=()
if [[ $EUID -eq 0 ]]; then AS_PG=(runuser -u postgres --); fi

start_postgres() {
    local port=$1
    PG_BIN="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n1)")"
    # Under /tmp rather than the repo: the postgres user must be able to reach
    # it (the checkout may sit under a 0700 home), and the unix socket path
    # must stay under the ~107-byte sun_path limit.
    PG_DIR="$(mktemp -d /tmp/portal-pg.XXXXXX)"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_DIR"; fi

    # C.UTF-8 exists on every Debian system, so collation is the same
    # everywhere. --no-sync: durability is pointless for a throwaway cluster.
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
        -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }

    cat >>"$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
${PG_EXTRA_CONF:-}
EOF

    # Run the postmaster as our own child rather than via "pg_ctl start":
    # pg_ctl daemonizes it, so it would be reparented to PID 1 and, under an
    # init that does not reap, linger as a zombie after it is stopped. As a
    # child, "wait" reaps it. setsid keeps a terminal Ctrl-C away from it
    # (it would shut down at once): the trap stops it after the tests.
    setsid "${AS_PG[@]}" "$PG_BIN/postgres" -D "$PG_DIR/data" >"$PG_DIR/postgres.log" 2>&1 &
    PG_PID=$!
    local i
    for i in $(seq 1 300); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres && return 0
        is_running "$PG_PID" || break
        sleep 0.1
    done
    log "postgres did not become ready on port $port"
    cat "$PG_DIR/postgres.log" >&2 || true
    return 1
}

stop_postgres() {
    if [[ -n "$PG_PID" ]]; then
        # Immediate stop: no checkpoint, the data is thrown away anyway.
        # If pg_ctl fails (postmaster already gone, or stuck), kill it by the
        # pid in its pid file: $PG_PID may be runuser, not the postmaster.
        if ! "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m immediate -w >/dev/null 2>&1 \
            && [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
            kill -KILL "$(head -n1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true
        fi
        wait "$PG_PID" 2>/dev/null || true
    fi
    if [[ -n "$PG_DIR" ]]; then
        if declare -F keep_log >/dev/null; then keep_log "$PG_DIR/postgres.log" postgres.log; fi
        rm -rf "$PG_DIR"
    fi
    PG_PID=""
    PG_DIR=""
}
