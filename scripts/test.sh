#!/usr/bin/env bash
# The project's test command (README "Set up", and .ci/run).
#
# Runs vet, the whole test suite, the suite again with the garbage
# collector in torture mode (a collection at every safe point), and a
# bounded fuzzing pass over the .beam loader.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${BEAMRC_FUZZTIME:-30s}

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 ./...

echo "== go test (BEAMRC_GC_TORTURE=1, runtime)"
BEAMRC_GC_TORTURE=1 go test -count=1 ./runtime/...

echo "== fuzz the loader for $fuzztime"
go test -run='^$' -fuzz='^FuzzParse$' -fuzztime="$fuzztime" ./runtime/beam
