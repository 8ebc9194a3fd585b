#!/usr/bin/env bash
# Installs the system packages warroom needs to build and test, when they are missing.
# As root it installs them with apt-get; otherwise it prints the command and stops.
set -euo pipefail

need=()
have_pkg() { pkg-config --exists "$1" 2>/dev/null; }
have_cmd() { command -v "$1" >/dev/null 2>&1; }

have_pkg libcmark-gfm || need+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
[ -f /usr/include/cmark-gfm-core-extensions.h ] || need+=(libcmark-gfm-extensions-dev)
have_pkg ncursesw || need+=(libncurses-dev)
have_pkg sqlite3 || need+=(libsqlite3-dev)
have_cmd pkg-config || need+=(pkg-config)
have_cmd tmux || need+=(tmux)
have_cmd sqlite3 || need+=(sqlite3)
have_cmd jq || need+=(jq)
have_cmd prometheus || need+=(prometheus)
have_cmd prometheus-alertmanager || need+=(prometheus-alertmanager)
have_cmd curl || need+=(curl)
have_cmd python3 || need+=(python3)
# The console benchmark's first-frame baseline: another full-screen terminal program.
have_cmd tig || need+=(tig)
# Tests hold a store's write lock from another process with the sqlite3 shell.
have_cmd sqlite3 || need+=(sqlite3)
# The bench's URLSession baseline links FoundationNetworking statically (make bench builds with
# --static-swift-stdlib), which needs libcurl's development symlink to link against.
have_pkg libcurl || need+=(libcurl4-openssl-dev)
# The journal's server engine is tested against a real PostgreSQL (initdb, pg_ctl, psql).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
have_cmd psql || need+=(postgresql-client)

if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
# De-duplicate while keeping order.
mapfile -t need < <(printf '%s\n' "${need[@]}" | awk '!seen[$0]++')

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: the Swift toolchain (6.1 or newer) is not on PATH; install it from swift.org first." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    # Debian starts prometheus and alertmanager as services on install; the tests run their own on loopback.
    if command -v systemctl >/dev/null 2>&1; then
        systemctl stop prometheus >/dev/null 2>&1 || true
        systemctl stop prometheus-alertmanager >/dev/null 2>&1 || true
        systemctl stop postgresql >/dev/null 2>&1 || true
    fi
else
    echo "setup: missing packages. Install them with:" >&2
    echo "    sudo apt-get install -y ${need[*]}" >&2
    echo "(on macOS: brew install cmark-gfm ncurses sqlite tmux jq prometheus)" >&2
    exit 1
fi
