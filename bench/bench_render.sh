#!/usr/bin/env bash
# bench/bench_render.sh: renders the example film and prints seconds per
# frame and million rays per second, at full quality and as a preview.
# usage: bench_render.sh AUTEUR_BINARY [EXTRA RENDER OPTIONS...]
set -euo pipefail
bin=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
script=$here/examples/first-light.fountain

echo "auteur bench: $(nproc) cores, $(uname -m), $("$bin" --version)"
run() {
  local label=$1
  shift
  "$bin" render "$script" -o "$tmp/bench.mp4" "$@" 2>"$tmp/log" || {
    cat "$tmp/log" >&2
    exit 1
  }
  # The CLI's last line: "PATH: N frames in T s (S s/frame, R Mrays/s)".
  local line
  line=$(tail -n 1 "$tmp/log")
  echo "$label: ${line#*: }"
}
run "final   1280x536, 4 spp + denoise" "$@"
run "preview 1280x536, 2 spp + denoise" --preview "$@"
