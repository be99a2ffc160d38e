#!/usr/bin/env bash
# tests/cli/test_bad_input.sh: every kind of bad input gets one clear line
# on stderr, its documented exit code, no crash and no output file.
# usage: test_bad_input.sh AUTEUR_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# expect NAME WANT_CODE PATTERN OUTPUT -- ARGS...: runs auteur with ARGS,
# checks the exit code, that stderr matches PATTERN, that it is short, and
# that OUTPUT (if not '-') does not exist afterwards.
expect() {
  local name=$1 want=$2 pattern=$3 out=$4
  shift 5
  "$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  local ok=1
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, want $want" >&2; ok=0
  fi
  if ! grep -qE -- "$pattern" "$tmp/stderr"; then
    echo "FAIL $name: stderr does not match /$pattern/:" >&2
    sed 's/^/    /' "$tmp/stderr" >&2; ok=0
  fi
  if [ "$(wc -l <"$tmp/stderr")" -gt 3 ]; then
    echo "FAIL $name: more than 3 lines on stderr" >&2; ok=0
  fi
  if [ "$out" != - ] && ls "$out" "$(dirname "$out")"/.*.tmp >/dev/null 2>&1; then
    echo "FAIL $name: output or temporary file left behind" >&2; ok=0
  fi
  if [ $ok -eq 1 ]; then
    passed=$((passed + 1)); echo "ok   $name" >&2
  else
    failed=$((failed + 1))
  fi
}

good=$src/examples/first-light.fountain
out=$tmp/out.mp4

: >"$tmp/empty.fountain"
printf 'Just some action.\n\nNo heading here.\n' >"$tmp/noscene.fountain"
head -c 4096 /dev/urandom >"$tmp/garbage.fountain"
printf 'INT. ROOM - DAY\n\nHello \xff\xfe world.\n' >"$tmp/badutf8.fountain"
truncate -s 200M "$tmp/huge.fountain"
mkdir -p "$tmp/adir"
printf 'EXT. ROAD - DAY\n\n[[shot: CU, WS]]\n[[shot: -5mm]]\n[[look: noire]]\n\nBRICK\nHi.\n' >"$tmp/notes.fountain"

expect empty 2 'empty.fountain:1:1: error: .*scene' "$out" -- render "$tmp/empty.fountain" -o "$out"
expect no-scene 2 'noscene.fountain:1:1: error: .*scene' "$out" -- render "$tmp/noscene.fountain" -o "$out"
expect garbage 2 'garbage.fountain:[0-9]+:[0-9]+: error:' "$out" -- render "$tmp/garbage.fountain" -o "$out"
expect bad-utf8 2 'badutf8.fountain:3:7: error: .*UTF-8' "$out" -- render "$tmp/badutf8.fountain" -o "$out"
expect huge 3 'huge.fountain: error: .*limit' "$out" -- render "$tmp/huge.fountain" -o "$out"
expect missing 3 'nope.fountain: error: cannot open' "$out" -- render "$tmp/nope.fountain" -o "$out"
expect directory 3 'adir: error: .*directory' "$out" -- render "$tmp/adir" -o "$out"
expect unwritable 3 'error: cannot write' "$tmp/no/such/dir/out.mp4" -- render "$good" -o "$tmp/no/such/dir/out.mp4" --size 64x32 --duration 0.1
expect size-zero 1 'error: frame size 0x0' "$out" -- render "$good" -o "$out" --size 0x0
expect size-huge 1 'error: frame size 100000x100000' "$out" -- render "$good" -o "$out" --size 100000x100000
expect size-garbage 1 'error: --size wants' "$out" -- render "$good" -o "$out" --size big
expect fps-negative 1 'error: frame rate -1' "$out" -- render "$good" -o "$out" --fps -1
expect fps-garbage 1 'error: --fps wants' "$out" -- render "$good" -o "$out" --fps fast
expect seed-negative 1 'error: --seed wants' "$out" -- render "$good" -o "$out" --seed -3
expect no-output 1 "needs an output" - -- render "$good"
expect unknown-option 1 "unknown option '--frobnicate'" - -- render "$good" --frobnicate
expect unknown-command 1 "unknown command 'paint'" - -- paint "$good"
expect no-args 1 'usage' - --
expect still-no-shot 1 'needs --shot' "$tmp/f.png" -- still "$good" -o "$tmp/f.png"
expect still-bad-shot 1 'there is no shot 99' "$tmp/f.png" -- still "$good" --shot 99 -o "$tmp/f.png"
expect still-bad-time 1 'outside shot 1' "$tmp/f.png" -- still "$good" --shot 1 --at 1000 -o "$tmp/f.png"
expect notes-all-errors 2 'notes.fountain:3:13: error: two shot sizes' "$out" -- render "$tmp/notes.fountain" -o "$out"
if [ "$(grep -c 'error:' "$tmp/stderr")" -eq 3 ] && grep -q 'notes.fountain:5:9: error: .*did you mean' "$tmp/stderr"; then
  passed=$((passed + 1)); echo "ok   notes-three-lines" >&2
else
  failed=$((failed + 1)); echo "FAIL notes-three-lines: want 3 errors, one per problem" >&2; cat "$tmp/stderr" >&2
fi
expect prompt-empty 2 'prompt:1:1: error: the prompt is empty' "$out" -- render -p "   " -o "$out"
expect prompt-and-script 1 'not both' "$out" -- render "$good" -p "a man" -o "$out"
expect bad-format 1 "--format wants" - -- plan "$good" --format xml
printf 'EXT. PATIO - DAY\n\n[[shot: MS BRICK, 35mm]]\n\nBRICK\nOne.\n\n[[shot: MS BRICK, 40mm]]\n\nBRICK\nTwo.\n' >"$tmp/jump.fountain"
expect lint-problems 5 'jump.fountain:8:3: warning: shot 2: a jump cut' - -- lint "$tmp/jump.fountain"
if "$bin" lint "$good" 2>"$tmp/stderr" && [ ! -s "$tmp/stderr" ]; then
  passed=$((passed + 1)); echo "ok   lint-clean" >&2
else
  failed=$((failed + 1)); echo "FAIL lint-clean" >&2; cat "$tmp/stderr" >&2
fi
expect plan-missing 3 'cannot open' - -- plan "$tmp/nope.fountain"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
