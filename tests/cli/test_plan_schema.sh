#!/usr/bin/env bash
# tests/cli/test_plan_schema.sh: the plan of every example script, and of
# prompts, validates against docs/plan-schema.json (python3-jsonschema), and
# the shot list prints. usage: test_plan_schema.sh AUTEUR_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
validate() {
  /usr/bin/python3 - "$src/docs/plan-schema.json" "$1" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.validate(json.load(open(sys.argv[2])), schema,
                    cls=jsonschema.Draft202012Validator)
PY
}
check() {
  local name=$1
  shift
  if "$bin" plan "$@" >"$tmp/plan.json" 2>"$tmp/err" && validate "$tmp/plan.json" \
     && "$bin" plan "$@" --format text >"$tmp/plan.txt" 2>/dev/null \
     && grep -q "shot list" "$tmp/plan.txt"; then
    passed=$((passed + 1)); echo "ok   $name" >&2
  else
    failed=$((failed + 1)); echo "FAIL $name" >&2; cat "$tmp/err" >&2
  fi
}
for f in "$src"/examples/*.fountain; do
  check "$(basename "$f")" "$f"
done
check prompt-rider -p "a lone rider crosses the desert at golden hour, wide, slow dolly in, 15s"
check prompt-bar -p "two men argue in a bar at night, close-up, handheld, noir, 8s"
check prompt-unused -p "a woman waits by the sea with purple elephants"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
