# Sourced by scripts/test.sh and scripts/bench.sh: starts a throw-away PostgreSQL server (initdb into a
# temporary folder, listening on 127.0.0.1 on a free port, its socket in that folder) and exports
# WARROOM_TEST_POSTGRES=postgres://warroom@127.0.0.1:PORT/postgres?sslmode=disable (a superuser that
# needs no password on loopback) and WARROOM_TEST_PGCTL, a script taking `stop` or `start` with which
# tests stop the server and start it again. The server also speaks TLS (ssl=on) with a certificate
# for localhost and 127.0.0.1 signed by a throw-away authority: WARROOM_TEST_PG_ROOTCERT is that
# authority, WARROOM_TEST_PG_OTHERCERT one that signed nothing. PostgreSQL refuses to run as root: as root it runs as the
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
    # TLS: a throw-away certificate authority and a server certificate for localhost and 127.0.0.1
    # (the sslmode tests), plus another authority that signed nothing (a wrong sslrootcert).
    local tls=""
    if make_test_postgres_certificates "$dir/tls"; then
        [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir/tls"
        tls="-c ssl=on -c ssl_cert_file=$dir/tls/server.crt -c ssl_key_file=$dir/tls/server.key"
    else
        echo "openssl could not make test certificates: the PostgreSQL TLS tests will skip"
    fi
    # stop: immediate (no checkpoint; recovery at the next start is quick); start: output to the log,
    # so the server holds none of its caller's pipes.
    cat >"$dir/pgctl.sh" <<SCRIPT
#!/bin/sh
case "\$1" in
stop) exec ${as[*]} $bin/pg_ctl -D $dir/data -m immediate -w stop ;;
start) exec ${as[*]} $bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 60 \\
    -o "-k $dir -p $port -h 127.0.0.1 -c max_connections=200 $durability $tls" start ;;
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
    if [ -n "$tls" ]; then
        export WARROOM_TEST_PG_ROOTCERT="$dir/tls/ca.crt" WARROOM_TEST_PG_OTHERCERT="$dir/tls/other-ca.crt"
    fi
    echo "test PostgreSQL ready at 127.0.0.1:$port (data in $dir/data)"
}

# Writes ca.crt, server.crt/.key (signed by it, for localhost and 127.0.0.1) and other-ca.crt into $1.
make_test_postgres_certificates() {
    local out=$1
    command -v openssl >/dev/null || return 1
    mkdir -p "$out" || return 1
    (
        cd "$out" || exit 1
        curve=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
        for ca in ca other-ca; do
            openssl req -x509 "${curve[@]}" -days 2 -subj "/CN=warroom test $ca" -keyout "$ca.key" -out "$ca.crt" \
                -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign || exit 1
        done
        openssl req "${curve[@]}" -subj "/CN=localhost" -keyout server.key -out server.csr || exit 1
        printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
            -out server.crt || exit 1
        chmod 600 server.key
    ) >"$out/openssl.log" 2>&1
}

stop_test_postgres() {
    if [ -n "${TEST_POSTGRES_DIR:-}" ]; then
        "$TEST_POSTGRES_DIR/pgctl.sh" stop >/dev/null 2>&1 || true
        rm -rf "$TEST_POSTGRES_DIR"
    fi
    return 0
}
