# Sourced by scripts/test.sh and scripts/bench.sh: starts a throw-away PostgreSQL server (initdb into a
# temporary folder, listening on 127.0.0.1 on a free port, its socket in that folder) and exports
# WARROOM_TEST_POSTGRES=postgres://warroom@127.0.0.1:PORT/postgres?sslmode=disable (a superuser that
# needs no password on loopback) and WARROOM_TEST_PGCTL, a script taking `stop` or `start` with which
# tests stop the server and start it again. PostgreSQL refuses to run as root: as root it runs as the
# postgres user. `start_test_postgres durable` keeps fsync on (the bench); the tests turn it off: they
# test the journal, not PostgreSQL's own durability, and a disk shared with builds makes every
# checkpoint of their many small databases slow.
start_test_postgres() {
    local durability="-c fsync=off"
    [ "${1:-}" = durable ] && durability=""
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL not installed: PostgreSQL journal tests will skip"
        return 0
    fi
    local dir port as=()
    dir=$(mktemp -d "${TMPDIR:-/tmp}/warroom-pg.XXXXXX")
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
        as=(runuser -u postgres --)
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    if ! "${as[@]}" "$bin/initdb" -D "$dir/data" -U warroom --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1; then
        echo "initdb failed; see $dir/initdb.log. PostgreSQL journal tests will skip"
        return 0
    fi
    # The test superuser needs no password; any other role must give one (the credential tests).
    "${as[@]}" tee "$dir/data/pg_hba.conf" >/dev/null <<HBA
local all all trust
host all warroom 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    TEST_POSTGRES_DIR=$dir
    # stop: immediate (no checkpoint; recovery at the next start is quick); start: output to the log,
    # so the server holds none of its caller's pipes.
    cat >"$dir/pgctl.sh" <<SCRIPT
#!/bin/sh
case "\$1" in
stop) exec ${as[*]} $bin/pg_ctl -D $dir/data -m immediate -w stop ;;
start) exec ${as[*]} $bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 60 \\
    -o "-k $dir -p $port -h 127.0.0.1 -c max_connections=200 $durability" start ;;
esac
SCRIPT
    chmod 755 "$dir/pgctl.sh"
    trap stop_test_postgres EXIT
    if ! "$dir/pgctl.sh" start >/dev/null; then
        echo "PostgreSQL did not start; see $dir/server.log. PostgreSQL journal tests will skip"
        return 0
    fi
    export WARROOM_TEST_POSTGRES="postgres://warroom@127.0.0.1:$port/postgres?sslmode=disable"
    export WARROOM_TEST_PGCTL="$dir/pgctl.sh"
    echo "test PostgreSQL ready at 127.0.0.1:$port (data in $dir/data)"
}

stop_test_postgres() {
    if [ -n "${TEST_POSTGRES_DIR:-}" ]; then
        "$TEST_POSTGRES_DIR/pgctl.sh" stop >/dev/null 2>&1 || true
        rm -rf "$TEST_POSTGRES_DIR"
    fi
    return 0
}
