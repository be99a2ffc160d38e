#!/usr/bin/env bash
# tests/lint/test_lint.sh: the code follows .clang-format and the pipeline's
# one-way include order. usage: test_lint.sh AUTEUR_BINARY SOURCE_DIR
set -u
src=$2
cd "$src" || exit 1
passed=0
failed=0
files=$(find include src tests fuzz bench -name '*.[ch]' | sort)
if clang-format --dry-run -Werror $files; then
  passed=$((passed + 1)); echo "ok   clang-format" >&2
else
  failed=$((failed + 1)); echo "FAIL clang-format (run 'make format')" >&2
fi
if bash scripts/lint-includes.sh >&2; then
  passed=$((passed + 1)); echo "ok   include order" >&2
else
  failed=$((failed + 1)); echo "FAIL include order" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
