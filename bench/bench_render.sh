#!/usr/bin/env bash
# bench/bench_render.sh: renders the example film and prints seconds per
# frame and million rays per second, at full quality and as a preview, then
# image quality (bench_quality, built beside the binary), and ends with
# key=value lines: final_s_per_frame, preview_s_per_frame, mrays_per_s,
# temporal_diff (of the delivered video), rel_mse (a lone frame) and
# rel_mse_in_film (the frame with the shot's temporal accumulation).
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
  local label=$1 name=$2
  shift 2
  "$bin" render "$script" -o "$tmp/bench.mp4" "$@" 2>"$tmp/log" || {
    cat "$tmp/log" >&2
    exit 1
  }
  # The CLI's last line: "PATH: N frames in T s (S s/frame, R Mrays/s)".
  local line
  line=$(tail -n 1 "$tmp/log")
  echo "$label: ${line#*: }"
  # "(S s/frame, R Mrays/s)" -> "S R"
  sed -E 's|.*\(([0-9.]+) s/frame, ([0-9.]+) Mrays/s\)$|\1 \2|' <<<"$line" \
    >"$tmp/$name"
}
run "final   1280x536, 2 spp + denoise" final "$@"
# The film's flicker as delivered: the mean absolute difference in luma
# (8-bit levels) between consecutive frames of the static first shot.
temporal=$(ffmpeg -v error -i "$tmp/bench.mp4" -vf \
  "select='between(n,0,12)',tblend=all_mode=difference,signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-" \
  -f null - | awk -F= '/YAVG/ { s += $2; n++ } END { if (n) printf "%.4f", s / n }')
run "preview 1280x536, 2 spp + denoise" preview --preview "$@"
# Shot 1 is the establishing shot: a static camera on the patio.
"$(dirname "$bin")/bench_quality" "$script" 1 >"$tmp/quality"
grep -v = "$tmp/quality"
read -r final_s mrays <"$tmp/final"
read -r preview_s _ <"$tmp/preview"
echo "final_s_per_frame=$final_s"
echo "preview_s_per_frame=$preview_s"
echo "mrays_per_s=$mrays"
echo "temporal_diff=$temporal"
grep = "$tmp/quality"
