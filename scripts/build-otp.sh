#!/bin/sh
# Compiles beamrc's Erlang-source library modules (runtime/otp/src/*.erl)
# into runtime/otp/ebin/*.beam, which are committed and embedded by
# runtime/otp/otp.go. Run after editing a source file. Needs erlc (OTP 25).
set -eu
cd "$(dirname "$0")/.."
command -v erlc >/dev/null || { echo "build-otp.sh: erlc not found" >&2; exit 1; }
rm -f runtime/otp/ebin/*.beam
# +deterministic keeps the bytes reproducible (no paths or times in the
# module); no debug_info keeps the embedded files small.
erlc +deterministic -o runtime/otp/ebin runtime/otp/src/*.erl
ls runtime/otp/ebin
