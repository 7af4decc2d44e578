#!/usr/bin/env bash
# The project's test command (README "Set up", and .ci/run).
#
# Runs vet, the whole test suite, the runtime's packages again with the
# garbage collector in torture mode (a collection at every safe point;
# the program tests run every program that way themselves), and a bounded
# fuzzing pass over the .beam loader and the native image decoder.
set -euo pipefail
cd "$(dirname "$0")/.."

# Fuzzing budgets are counts of inputs, not durations: Go 1.26's fuzzer
# can fail a duration-bounded run with "context deadline exceeded" at the
# deadline, with no failing input (golang/go#75804, fixed in Go 1.27).
# A count has no deadline to race. These take about 30 s and 10 s here.
fuzztime=${BEAMRC_FUZZTIME:-700000x}

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
echo "== fuzz the native image decoder for 400000x"
go test -run='^$' -fuzz='^FuzzDecode$' -fuzztime=400000x -fuzzminimizetime=1s ./runtime/image
