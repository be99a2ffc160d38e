#!/usr/bin/env bash
# tests/cli/test_variations.sh: `render --variations N -o DIR` writes N
# seeded films, their plans, what each changed, and a contact sheet whose
# grid has a tile per shot and variation.
# usage: test_variations.sh AUTEUR_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1" >&2; }
bad() { failed=$((failed + 1)); echo "FAIL $1" >&2; }

if "$bin" render "$src/examples/first-light.fountain" --variations 3 \
     -o "$tmp/var" --size 64x28 --preview --duration 0.25 -q 2>"$tmp/err"; then
  ok run
else
  bad run; cat "$tmp/err" >&2
fi
for k in 1 2 3; do
  f=$tmp/var/variation-$k.mp4
  n=$(ffprobe -v error -count_frames -select_streams v:0 \
      -show_entries stream=nb_read_frames -of csv=p=0 "$f" 2>/dev/null)
  [ "$n" = 6 ] && ok "variation-$k.mp4 has 6 frames" || bad "variation-$k.mp4 ($n frames)"
  /usr/bin/python3 - "$tmp/var/variation-$k.json" "$tmp/var/variation-$k-changes.json" "$k" <<'PY' && ok "variation-$k plans" || bad "variation-$k plans"
import json, sys
plan = json.load(open(sys.argv[1]))
changes = json.load(open(sys.argv[2]))
k = int(sys.argv[3])
assert plan["seed"] == k, plan["seed"]
assert changes["seed"] == k and changes["base_seed"] == 1
if k == 1:
    assert changes["differences"] == []
for d in changes["differences"]:
    assert d["shot"] >= 1 and d["differs"]
PY
done
# Seeds 1-3 change at least one of auteur's choices somewhere.
if cat "$tmp"/var/variation-[23]-changes.json | grep -q '"differs"'; then ok differ; else bad differ; fi
# The sheet: a label column of 120 px, then 5 tiles of 256 px with 6 px gaps.
size=$(ffprobe -v error -show_entries stream=width,height -of csv=p=0 "$tmp/var/contact-sheet.png")
w=${size%,*}
[ "$w" = $((120 + 5 * (256 + 6) + 6)) ] && ok "contact sheet width $w" || bad "contact sheet width $w"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
