#!/usr/bin/env bash
# Throwaway PostgreSQL server for the UPR Tracker test suite.
#
# Usage:
#   scripts/test-postgres.sh start DIR   # create + start a cluster in DIR, print its URL
#   scripts/test-postgres.sh stop DIR    # stop it and delete DIR
#   scripts/test-postgres.sh pause DIR   # stop the server, keep DIR (fault tests)
#   scripts/test-postgres.sh resume DIR  # start a paused server again
#
# `start` prints exactly one line on stdout:
#   postgres://upr:upr@127.0.0.1:PORT/upr_tracker
# Everything else goes to stderr, so this works:
#   export DATABASE_URL="$(scripts/test-postgres.sh start /tmp/upr-pg)"
#
# Layout of DIR (everything the script creates lives here, nothing else on the
# machine is touched; the distro's own cluster, if any, is left alone):
#   DIR/data/                  the cluster (PGDATA)
#   DIR/server.log             server log
#   DIR/.s.PGSQL.PORT          unix socket
#   DIR/.upr-test-postgres     marker; `stop` refuses to delete a DIR without it
#   DIR/port                   the TCP port in use
#
# Environment:
#   PGPORT_TEST          TCP port to use (default: 54329, or the next free one
#                        up to 54348 if 54329 is taken)
#   PG_BINDIR            directory holding initdb/pg_ctl/postgres (overrides
#                        auto-detection)
#   PG_TEST_OS_USER      OS user that runs the server when invoked as root
#                        (default: postgres)
#
# The cluster is tuned for speed, not durability (fsync, synchronous_commit and
# full_page_writes are off) and uses trust authentication; it listens only on
# 127.0.0.1. Never point it at data you care about.
set -euo pipefail

readonly DB_USER=upr
readonly DB_PASSWORD=upr
readonly DB_NAME=upr_tracker
readonly DEFAULT_PORT=54329
readonly PORT_SCAN_LIMIT=20
readonly MARKER=.upr-test-postgres

# stdout carries the URL only: main runs with stdout redirected to stderr and
# stores the URL here; it is printed at the very end. (No extra fd is kept
# open for it, so the daemonised postmaster cannot inherit the caller's
# stdout and make `URL=$(... start DIR)` hang.)
URL_OUT=""

prog=${0##*/}

log() { printf '%s: %s\n' "$prog" "$*" >&2; }
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }

usage() {
    cat >&2 <<EOF
Usage: $prog start DIR   create and start a throwaway PostgreSQL server in DIR;
                         prints postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:PORT/$DB_NAME
       $prog stop DIR    stop the server started from DIR and delete DIR
       $prog pause DIR   stop the server started from DIR, keeping its data
       $prog resume DIR  start the paused server in DIR again

Environment: PGPORT_TEST (port, default $DEFAULT_PORT), PG_BINDIR (server binaries),
             PG_TEST_OS_USER (OS user running the server when invoked as root; default postgres)
EOF
}

# Connection settings inherited from the caller must not redirect our admin
# commands to some other server. (PGPORT_TEST is read above/below, not here.)
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGPASSFILE \
      PGSERVICE PGSERVICEFILE PGOPTIONS PGDATA PGSSLMODE PGTARGETSESSIONATTRS || true

# ---------------------------------------------------------------------------
# Locating binaries
# ---------------------------------------------------------------------------

has_server_bins() {
    local d=$1
    [[ -n $d && -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]
}

find_bindir() {
    local d candidates=()

    if [[ -n ${PG_BINDIR:-} ]]; then
        has_server_bins "$PG_BINDIR" || die "PG_BINDIR=$PG_BINDIR does not contain initdb, pg_ctl and postgres"
        printf '%s\n' "$PG_BINDIR"
        return
    fi

    # Debian/Ubuntu layout, preferring 15 (the version the project targets),
    # then whatever pg_config reports, then any other installed version
    # (newest first), then initdb on PATH.
    candidates+=(/usr/lib/postgresql/15/bin)
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        [[ -n $d ]] && candidates+=("$d")
    fi
    while IFS= read -r d; do
        candidates+=("$d")
    done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V -r)
    if command -v initdb >/dev/null 2>&1; then
        d=$(readlink -f "$(command -v initdb)")
        candidates+=("${d%/*}")
    fi

    local looked=""
    for d in "${candidates[@]}"; do
        if has_server_bins "$d"; then
            printf '%s\n' "$d"
            return
        fi
        [[ " $looked " == *" $d "* ]] || looked+="${looked:+ }$d"
    done

    die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found.
  Looked in: ${looked:-(nothing)}
  Install them with:  apt-get install -y postgresql-15   (or: apt-get install -y postgresql)
  or set PG_BINDIR to the directory that contains them."
}

# ---------------------------------------------------------------------------
# Running things as the unprivileged server owner
# ---------------------------------------------------------------------------

RUN_AS=""   # empty: run as the current user

setup_run_as() {
    if [[ $(id -u) -ne 0 ]]; then
        RUN_AS=""
        return
    fi
    RUN_AS=${PG_TEST_OS_USER:-postgres}
    if ! id -u "$RUN_AS" >/dev/null 2>&1; then
        die "running as root, but OS user '$RUN_AS' does not exist (initdb/postgres refuse to run as root).
  Either install the server package, which creates it:  apt-get install -y postgresql-15
  or create a system user yourself:  useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  or set PG_TEST_OS_USER to an existing unprivileged user, or run this script as a non-root user."
    fi
    [[ $(id -u "$RUN_AS") -ne 0 ]] || die "PG_TEST_OS_USER=$RUN_AS is root; pick an unprivileged user"
}

# as_owner CMD ARGS... : run CMD as the server owner, from a directory it can read.
as_owner() {
    if [[ -z $RUN_AS ]]; then
        (cd / && "$@")
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$RUN_AS" -- "$@")
    elif command -v setpriv >/dev/null 2>&1; then
        (cd / && setpriv --reuid="$RUN_AS" --regid="$(id -g "$RUN_AS")" --init-groups -- "$@")
    else
        local q
        printf -v q '%q ' "$@"
        (cd / && su -s /bin/sh "$RUN_AS" -c "$q")
    fi
}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        # Anything listening on this TCP port on 127.0.0.1 or a wildcard address.
        ss -Hltn 2>/dev/null | awk -v p="$port" '
            { n = split($4, a, ":"); if (a[n] == p) { found = 1 } }
            END { exit(found ? 0 : 1) }'
        return
    fi
    # Fallback: try to connect.
    timeout 2 bash -c "exec 9<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

choose_port() {
    local port
    if [[ -n ${PGPORT_TEST:-} ]]; then
        if ! [[ $PGPORT_TEST =~ ^[0-9]+$ ]] || (( 10#$PGPORT_TEST < 1024 || 10#$PGPORT_TEST > 65535 )); then
            die "PGPORT_TEST must be a port number between 1024 and 65535 (got '$PGPORT_TEST')"
        fi
        port_in_use "$PGPORT_TEST" && die "PGPORT_TEST=$PGPORT_TEST is already in use on this machine; pick another"
        printf '%s\n' "$PGPORT_TEST"
        return
    fi
    for (( port = DEFAULT_PORT; port < DEFAULT_PORT + PORT_SCAN_LIMIT; port++ )); do
        if ! port_in_use "$port"; then
            [[ $port -ne $DEFAULT_PORT ]] && log "port $DEFAULT_PORT is in use, using $port"
            printf '%s\n' "$port"
            return
        fi
    done
    die "no free port in $DEFAULT_PORT-$((DEFAULT_PORT + PORT_SCAN_LIMIT - 1)); set PGPORT_TEST"
}

url_for() {
    printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$DB_USER" "$DB_PASSWORD" "$1" "$DB_NAME"
}

is_running() {
    local dir=$1
    [[ -f $dir/data/PG_VERSION ]] || return 1
    as_owner "$BINDIR/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

check_dir_arg() {
    local raw=$1
    [[ -n $raw ]] || die "DIR must not be empty"
    DIR=$(readlink -m -- "$raw")
    case $DIR in
        / | /tmp | /var | /var/tmp | /home | /root | /usr | /etc | /opt | /srv | /var/lib | /var/lib/postgresql*)
            die "refusing to use '$DIR' as a throwaway cluster directory; pick something like /tmp/upr-pg" ;;
    esac
}

psql_admin() {
    # Superuser connection over the unix socket in DIR (trust auth); SQL on stdin.
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres
}

ensure_role_and_db() {
    psql_admin <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    ELSE
        ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = '$DB_NAME')
\gexec
SQL
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------

cmd_start() {
    check_dir_arg "$1"
    BINDIR=$(find_bindir)
    setup_run_as
    PSQL=$BINDIR/psql
    [[ -x $PSQL ]] || PSQL=$(command -v psql || true)
    [[ -n $PSQL && -x $PSQL ]] || die "psql not found (apt-get install -y postgresql-client-15)"

    # Already running from this DIR: just report the URL.
    if [[ -f $DIR/$MARKER ]] && is_running "$DIR"; then
        PORT=$(cat "$DIR/port")
        if [[ -n ${PGPORT_TEST:-} && $PGPORT_TEST != "$PORT" ]]; then
            log "note: server in $DIR is already running on port $PORT (ignoring PGPORT_TEST=$PGPORT_TEST)"
        fi
        log "server already running from $DIR on port $PORT"
        ensure_role_and_db
        URL_OUT=$(url_for "$PORT")
        return
    fi

    if [[ -e $DIR ]]; then
        [[ -d $DIR ]] || die "$DIR exists and is not a directory"
        if [[ -f $DIR/$MARKER ]]; then
            # Left over from an earlier run whose server is gone (crash, reboot...).
            log "removing stale throwaway cluster in $DIR"
            if [[ -f $DIR/data/postmaster.pid ]]; then
                as_owner "$BINDIR/pg_ctl" -D "$DIR/data" stop -m immediate >/dev/null 2>&1 || true
            fi
            rm -rf -- "$DIR"
        elif [[ -n $(ls -A -- "$DIR") ]]; then
            die "$DIR exists, is not empty and was not created by this script; refusing to touch it"
        fi
    fi

    PORT=$(choose_port)

    log "using PostgreSQL binaries in $BINDIR ($("$BINDIR/postgres" --version))"
    local created_dir=false
    if [[ ! -d $DIR ]]; then
        mkdir -p -- "$DIR"
        created_dir=true
    fi
    chmod 0700 "$DIR"
    : >"$DIR/$MARKER"
    printf '%s\n' "$PORT" >"$DIR/port"
    if [[ -n $RUN_AS ]]; then
        chown -R -- "$RUN_AS:" "$DIR"
        if ! as_owner test -w "$DIR" -a -x "$DIR"; then
            if [[ $created_dir == true ]]; then rm -rf -- "$DIR"; else rm -f -- "$DIR/$MARKER" "$DIR/port"; fi
            die "OS user '$RUN_AS' cannot access $DIR (a parent directory is not searchable?); use a path under /tmp"
        fi
    fi

    local locale_args=(--no-locale) locales
    locales=$(locale -a 2>/dev/null || true)
    if grep -qix 'c\.utf-\?8' <<<"$locales"; then
        locale_args=(--locale=C.UTF-8)
    fi

    log "initdb in $DIR/data"
    as_owner "$BINDIR/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 \
        "${locale_args[@]}" --no-sync >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }

    cat >>"$DIR/data/postgresql.conf" <<EOF

# --- throwaway test server (scripts/test-postgres.sh) ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    log "starting server on 127.0.0.1:$PORT (log: $DIR/server.log)"
    if ! as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start >/dev/null; then
        log "server failed to start; last lines of $DIR/server.log:"
        tail -n 30 "$DIR/server.log" >&2 || true
        die "could not start PostgreSQL (directory $DIR left in place for inspection; '$prog stop $DIR' removes it)"
    fi

    ensure_role_and_db
    log "ready: role '$DB_USER' (CREATEDB), database '$DB_NAME'"
    URL_OUT=$(url_for "$PORT")
}

cmd_stop() {
    check_dir_arg "$1"
    if [[ ! -e $DIR ]]; then
        log "$DIR does not exist; nothing to stop"
        return
    fi
    if [[ -d $DIR && -z $(ls -A -- "$DIR") ]]; then
        # e.g. a `mktemp -d` directory whose `start` failed before creating anything.
        rmdir -- "$DIR"
        log "removed empty $DIR"
        return
    fi
    [[ -f $DIR/$MARKER ]] \
        || die "$DIR was not created by this script (no $MARKER marker); refusing to stop/delete it"

    if [[ -f $DIR/data/postmaster.pid ]]; then
        BINDIR=$(find_bindir)
        setup_run_as
    fi
    if [[ -f $DIR/data/postmaster.pid ]] && is_running "$DIR"; then
        log "stopping server in $DIR"
        if ! as_owner "$BINDIR/pg_ctl" -D "$DIR/data" stop -m fast -w -t 60 >/dev/null; then
            log "fast shutdown failed, trying immediate"
            as_owner "$BINDIR/pg_ctl" -D "$DIR/data" stop -m immediate -w -t 30 >/dev/null \
                || die "could not stop the server in $DIR; see $DIR/server.log"
        fi
    fi
    rm -rf -- "$DIR"
    log "removed $DIR"
}

cmd_pause() {
    check_dir_arg "$1"
    [[ -f $DIR/$MARKER ]] || die "$DIR was not created by this script (no $MARKER marker)"
    BINDIR=$(find_bindir)
    setup_run_as
    as_owner "$BINDIR/pg_ctl" -D "$DIR/data" stop -m fast -w -t 60 >/dev/null \
        || die "could not stop the server in $DIR; see $DIR/server.log"
    log "server in $DIR stopped (data kept; '$prog resume $DIR' starts it again)"
}

cmd_resume() {
    check_dir_arg "$1"
    [[ -f $DIR/$MARKER ]] || die "$DIR was not created by this script (no $MARKER marker)"
    BINDIR=$(find_bindir)
    setup_run_as
    as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start >/dev/null \
        || die "could not start the server in $DIR; see $DIR/server.log"
    log "server in $DIR started again on port $(cat "$DIR/port")"
}

main() {
    if [[ $# -eq 1 && ( $1 == -h || $1 == --help || $1 == help ) ]]; then
        usage
        exit 0
    fi
    if [[ $# -ne 2 ]]; then
        usage
        exit 2
    fi
    case $1 in
        start) cmd_start "$2" ;;
        stop) cmd_stop "$2" ;;
        pause) cmd_pause "$2" ;;
        resume) cmd_resume "$2" ;;
        *) usage; exit 2 ;;
    esac
}

main "$@" >&2
if [[ -n $URL_OUT ]]; then
    printf '%s\n' "$URL_OUT"
fi
