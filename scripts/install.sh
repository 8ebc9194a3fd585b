#!/usr/bin/env bash
# Installs or uninstalls warroom under $DESTDIR$PREFIX: the binary, its man page, bash/zsh/fish
# completions, the themes and the warroom.yaml schema. Run through `make install` / `make uninstall`.
#   scripts/install.sh install BINARY     (BINARY: the built warroom to install)
#   scripts/install.sh uninstall
set -euo pipefail
cd "$(dirname "$0")/.."

action=${1:?install or uninstall}
PREFIX=${PREFIX:-/usr/local}
root="${DESTDIR:-}${PREFIX}"

bin_dir="$root/bin"
man_dir="$root/share/man/man1"
bash_dir="$root/share/bash-completion/completions"
zsh_dir="$root/share/zsh/site-functions"
fish_dir="$root/share/fish/vendor_completions.d"
theme_dir="$root/share/warroom/themes"

files=("$bin_dir/warroom" "$man_dir/warroom.1" "$bash_dir/warroom" "$zsh_dir/_warroom" "$fish_dir/warroom.fish")

case "$action" in
install)
    binary=${2:?the warroom binary to install}
    [ -x "$binary" ] || { echo "install: $binary is not an executable" >&2; exit 1; }
    install -d "$bin_dir" "$man_dir" "$bash_dir" "$zsh_dir" "$fish_dir" "$theme_dir"
    install -m 755 "$binary" "$bin_dir/warroom"
    # Generated from the binary being installed, so they describe exactly its commands.
    python3 scripts/manpage.py "$binary" > "$man_dir/warroom.1"
    "$binary" --generate-completion-script bash > "$bash_dir/warroom"
    "$binary" --generate-completion-script zsh > "$zsh_dir/_warroom"
    "$binary" --generate-completion-script fish > "$fish_dir/warroom.fish"
    chmod 644 "$man_dir/warroom.1" "$bash_dir/warroom" "$zsh_dir/_warroom" "$fish_dir/warroom.fish"
    install -m 644 themes/*.yaml "$theme_dir/"
    install -m 644 schemas/warroom.schema.json "$root/share/warroom/"
    echo "installed $bin_dir/warroom (man page, completions, themes under $root/share)"
    ;;
uninstall)
    rm -f "${files[@]}"
    rm -rf "$root/share/warroom"
    echo "removed warroom from $root"
    ;;
*)
    echo "usage: scripts/install.sh install BINARY | uninstall" >&2
    exit 2
    ;;
esac
