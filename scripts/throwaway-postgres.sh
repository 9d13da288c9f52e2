#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests and the benchmark: its own cluster in a folder, on a free loopback port,
# run by an unprivileged user (the server refuses to run as root), with no password (trust, loopback only).
#
#   scripts/throwaway-postgres.sh start DIR [--durable]   prints the connection string on its last line
#   scripts/throwaway-postgres.sh stop DIR                stops the server and deletes DIR
#   scripts/throwaway-postgres.sh install                 only installs the server when it is missing
#
# Without --durable the server skips fsync: the tests' data is thrown away anyway. The benchmark passes --durable so
# that PostgreSQL writes as a real deployment would.
# Installs Debian's postgresql when no server binaries are found.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "throwaway-postgres: no PostgreSQL server found; installing Debian's postgresql." >&2
        as_root apt-get update -qq >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$dir"
}

# Root runs the server as the 'postgres' user the Debian package creates; anyone else runs it as themselves.
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    echo "throwaway-postgres: no free port found" >&2
    return 1
}

start() {
    local dir=$1 durable=${2:-} bin port options
    bin=$(bin_dir)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_server_user "$bin/initdb" -D "$dir/data" -U openlicitaciones --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    options="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200"
    if [ "$durable" != "--durable" ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
    # A port taken between the check and the start makes the start fail: try another.
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        if as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-p $port $options" start >/dev/null; then
            echo "$port" >"$dir/port"
            echo "Host=127.0.0.1;Port=$port;Username=openlicitaciones;Database=postgres"
            return
        fi
    done
    cat "$dir/server.log" >&2
    return 1
}

stop() {
    local dir=$1
    if [ -d "$dir/data" ]; then as_server_user "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
}

case "${1:-}" in
    install) bin_dir >/dev/null ;;
    start) start "${2:?folder}" "${3:-}" ;;
    stop) stop "${2:?folder}" ;;
    *) echo "usage: $0 start DIR [--durable] | stop DIR | install" >&2; exit 2 ;;
esac
