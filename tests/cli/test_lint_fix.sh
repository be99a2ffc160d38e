#!/usr/bin/env bash
# tests/cli/test_lint_fix.sh: `auteur lint --fix` on scripts written to
# break each rule: the copy it writes lints clean, differs from the script
# only in the offending shot notes, and plans to the fixed shots; a copy
# that cannot be written leaves nothing behind.
# usage: test_lint_fix.sh AUTEUR_BINARY SOURCE_DIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1" >&2; }
bad() { failed=$((failed + 1)); echo "FAIL $1" >&2; }

# fix NAME LINE: NAME.fountain in $tmp must have a problem reported at
# LINE; the fixed copy must have none and differ only on that line.
fix() {
  local name=$1 line=$2 s="$tmp/$1.fountain" f="$tmp/$1.fixed.fountain"
  "$bin" lint "$s" >/dev/null 2>"$tmp/err"
  [ $? -eq 5 ] && grep -q "$name.fountain:$line:" "$tmp/err" ||
    { bad "$name: no problem reported at line $line"; cat "$tmp/err" >&2; return; }
  "$bin" lint "$s" --fix 2>"$tmp/err" >/dev/null
  local rc=$?
  [ $rc -eq 0 ] && [ -f "$f" ] || { bad "$name: --fix exit $rc"; cat "$tmp/err" >&2; return; }
  grep -q "fixed in $f" "$tmp/err" || { bad "$name: no summary"; return; }
  "$bin" lint "$f" >/dev/null 2>&1 || { bad "$name: the fixed copy still has problems"; return; }
  local changed
  changed=$(diff "$s" "$f" | grep -E '^[0-9]+c[0-9]+$' | tr '\n' ' ')
  [ "$changed" = "${line}c${line} " ] || { bad "$name: lines changed: '$changed'"; return; }
  [ "$(wc -l <"$s")" -eq "$(wc -l <"$f")" ] || { bad "$name: line count changed"; return; }
  echo "     $(sed -n "${line}p" "$s")  ->  $(sed -n "${line}p" "$f")" >&2
  ok "$name"
}

printf 'EXT. PATIO - DAY\n\n[[shot: MS BRICK, 35mm]]\n\nBRICK\nOne.\n\n[[shot: MS BRICK, 40mm]]\n\nBRICK\nTwo.\n' >"$tmp/jump.fountain"
fix jump 8
printf 'EXT. PATIO - DAY\n\n[[shot: MS ANNA, 50mm]]\n\nANNA\nYou came back.\n\n[[shot: MS BRICK, 50mm, across the line]]\n\nBRICK\nI never left.\n' >"$tmp/crossing.fountain"
fix crossing 8
printf 'EXT. PATIO - DAY\n\n[[shot: FS STEEL, low angle 30deg]]\n\nSTEEL\nFour.\n\nBRICK\nFive.\n' >"$tmp/impossible.fountain"
fix impossible 3
printf 'INT. KITCHEN - NIGHT\n\n[[shot: MS BRICK, crane up, 4s]]\n\nBRICK\nUp we go.\n' >"$tmp/move.fountain"
fix move 3

# -o names the copy; a clean script's copy is the script itself.
printf 'EXT. PATIO - DAY\n\n[[shot: WS, 24mm]]\n\nBRICK\nFine.\n' >"$tmp/clean.fountain"
if "$bin" lint "$tmp/clean.fountain" --fix -o "$tmp/out.fountain" 2>/dev/null &&
  cmp -s "$tmp/clean.fountain" "$tmp/out.fountain"; then
  ok "clean copy"
else
  bad "clean copy"
fi

# A place that cannot be written: exit 3, no file, no temporary file.
"$bin" lint "$tmp/jump.fountain" --fix -o "$tmp/missing/x.fountain" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 3 ] && [ ! -e "$tmp/missing" ] && [ "$(wc -l <"$tmp/err")" -le 3 ] &&
  grep -q "cannot write" "$tmp/err"; then
  ok "unwritable"
else
  bad "unwritable: exit $rc"; cat "$tmp/err" >&2
fi
# --fix belongs to lint of a script.
"$bin" plan "$tmp/jump.fountain" --fix >/dev/null 2>&1
[ $? -eq 1 ] && ok "usage" || bad "usage"
"$bin" lint -p "a wide shot of a desert" --fix >/dev/null 2>&1
[ $? -eq 1 ] && ok "prompt" || bad "prompt"

echo "$passed passed, $failed failed" >&2
[ "$failed" -eq 0 ]
