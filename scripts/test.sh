#!/usr/bin/env bash
# The project's test command (README "Set up", and .ci/run).
#
# Runs vet, the whole test suite, the suite again with the garbage
# collector in torture mode (a collection at every safe point), and a
# bounded fuzzing pass over the .beam loader and the native image decoder.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${BEAMRC_FUZZTIME:-30s}

# erl is the oracle many tests compare with; install it on a fresh Debian
# machine rather than let those tests fail.
if ! command -v erl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing erlang-base (the tests' oracle)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q erlang-base >/dev/null
  else
    echo "scripts/test.sh: erl is not installed; install Debian's erlang-base (OTP 25)" >&2
    exit 1
  fi
fi

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 ./...

echo "== go test (BEAMRC_GC_TORTURE=1, runtime)"
BEAMRC_GC_TORTURE=1 go test -count=1 ./runtime/...

# A short minimization: by default the fuzzer spends up to a minute
# shrinking each new input, which took most of the pass.
echo "== fuzz the loader for $fuzztime"
go test -run='^$' -fuzz='^FuzzParse$' -fuzztime="$fuzztime" -fuzzminimizetime=1s ./runtime/beam
echo "== fuzz the native image decoder for 10s"
go test -run='^$' -fuzz='^FuzzDecode$' -fuzztime=10s -fuzzminimizetime=1s ./runtime/image
