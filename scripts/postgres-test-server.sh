#!/usr/bin/env bash
# A throw-away PostgreSQL 15 for ContainStore's tests.
#
#   scripts/postgres-test-server.sh start   # install if needed, init, start (idempotent)
#   scripts/postgres-test-server.sh stop    # stop it (data directory is kept)
#   scripts/postgres-test-server.sh url     # print the connection URL
#   scripts/postgres-test-server.sh status  # exit 0 when it is running
#
# Environment: CONTAIN_PG_PORT (default 55432), CONTAIN_PG_DATA (default /tmp/contain-pg-$UID).
# PostgreSQL refuses to run as root, so the server runs as the `postgres` user (via runuser when
# this script runs as root). Authentication is `trust` on loopback only: a test server, nothing more.
set -euo pipefail

PORT="${CONTAIN_PG_PORT:-55432}"
DATA="${CONTAIN_PG_DATA:-/tmp/contain-pg-${UID}}"
BIN=/usr/lib/postgresql/15/bin
DB=contain_test
URL="postgres://postgres@127.0.0.1:${PORT}/${DB}"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    elif [ "$(id -un)" = postgres ]; then
        "$@"
    else
        echo "postgres-test-server: run as root or as the postgres user" >&2
        exit 1
    fi
}

install_if_missing() {
    if [ ! -x "$BIN/initdb" ]; then
        echo "postgres-test-server: installing postgresql-15" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql-15 >/dev/null
    fi
}

is_running() {
    [ -f "$DATA/PG_VERSION" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    install_if_missing
    if [ ! -f "$DATA/PG_VERSION" ]; then
        mkdir -p "$DATA"
        chown postgres: "$DATA" 2>/dev/null || true
        chmod 700 "$DATA"
        as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
    fi
    if ! is_running; then
        as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
            -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
    fi
    if ! as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
        as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
    fi
    echo "$URL"
}

stop() {
    if is_running; then
        as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "$URL" ;;
    status) is_running ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
