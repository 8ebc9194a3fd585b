#!/usr/bin/env bash
# The formatting check `make test` runs: swift-format's pretty printer (configured in
# .swift-format) finds nothing to change, and no source line is longer than 120 columns.
# `make format` fixes the first; a long line it cannot break (a string, a comment) is fixed by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

paths=(Package.swift Sources Tests Benchmarks)
if ! swift format lint --strict --recursive --parallel "${paths[@]}"; then
    echo "format: run 'make format' (swift format with .swift-format)" >&2
    exit 1
fi
# Characters, not bytes (a box-drawing character is one column). The two files skipped are
# generated from examples/ by scripts/embed-examples.sh: their lines are the example files' lines.
long=$(find "${paths[@]}" -name '*.swift' ! -name 'DemoRunbookText.swift' ! -name 'DemoConfigText.swift' -print0 \
    | LC_ALL=C.UTF-8 xargs -0 grep -nP '^.{121,}' | cut -c1-160 || true)
if [ -n "$long" ]; then
    echo "$long" >&2
    echo "format: lines over 120 columns (break the string or comment by hand)" >&2
    exit 1
fi
echo "format: clean"
