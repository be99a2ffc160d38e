#!/usr/bin/env bash
# scripts/lint-includes.sh: dependencies point one way along the pipeline.
# A stage may include only base/ and stages before it; cli/ only auteur.h.
set -u
cd "$(dirname "$0")/.."
order=(base script direct world camera light render grade deliver)
rank() {
  local i
  for i in "${!order[@]}"; do
    [ "${order[$i]}" = "$1" ] && { echo "$i"; return; }
  done
  echo 99
}
bad=0
for f in src/*/*.[ch]; do
  stage=$(basename "$(dirname "$f")")
  while IFS= read -r inc; do
    dep=$(sed -E 's|.*"(\.\./)?([a-z]+)/.*|\2|' <<<"$inc")
    [ "$dep" = "$inc" ] && continue
    if [ "$stage" = cli ]; then
      echo "$f: cli/ may include only auteur.h: $inc"; bad=1; continue
    fi
    [ "$stage" = api ] && continue
    if [ "$(rank "$dep")" -gt "$(rank "$stage")" ]; then
      echo "$f: $stage/ must not reach forward into $dep/: $inc"; bad=1
    fi
  done < <(grep -E '^#include "' "$f")
done
[ $bad -eq 0 ] && echo "include order ok"
exit $bad
