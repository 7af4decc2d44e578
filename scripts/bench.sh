#!/usr/bin/env bash
# Benchmarks for the README: every program under testdata/bench, native
# (beamrc build), interpreted (beamrc run) and under erl, taking turns.
#
#   bash scripts/bench.sh [beamrc bench flags...]     e.g. --runs 3
#
# Writes markdown to stdout: a line saying where and when it ran, then
# beamrc bench's table. Progress goes to stderr. Needs go and erl on PATH.
# The exit status is beamrc bench's (1 if any benchmark failed or printed
# differently from the others).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v erl >/dev/null || { echo "bench.sh: erl not found (apt-get install -y erlang-base)" >&2; exit 1; }
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/beamrc" ./cmd/beamrc

otp=$(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().')
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1 || true)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)
echo "beamrc $(git rev-parse --short HEAD) on $(go env GOOS)/$(go env GOARCH)${cpu:+ ($cpu, $(nproc) cores)}," \
  "OTP $otp, $(date -u +%Y-%m-%d)${load:+; load average before: $load}."
echo
"$bin/beamrc" bench --erl "$@" testdata/bench/*/
