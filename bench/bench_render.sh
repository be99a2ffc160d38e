#!/usr/bin/env bash
# bench/bench_render.sh: renders the example film and prints seconds per
# frame and million rays per second, at full quality and as a preview, then
# image quality (bench_quality, built beside the binary), and ends with
# key=value lines: final_s_per_frame, preview_s_per_frame, mrays_per_s,
# temporal_diff (of the delivered video), rel_mse (a lone frame of shot 1
# at 1280x536) and rel_mse_in_film (the frame with the shot's temporal
# accumulation), and the same two for shot 2 (rel_mse_shot2...).
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
run "final   1280x536, 1 spp + denoise" final "$@"
# The film's flicker as delivered: the mean absolute difference in luma
# (8-bit levels) between consecutive frames of the static first shot.
temporal=$(ffmpeg -v error -i "$tmp/bench.mp4" -vf \
  "select='between(n,0,12)',tblend=all_mode=difference,signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-" \
  -f null - | awk -F= '/YAVG/ { s += $2; n++ } END { if (n) printf "%.4f", s / n }')
run "preview 1280x536, 1 spp of direct light at 2/5 size" preview --preview "$@"
# Shot 1 is the establishing shot, a static camera on the patio in the
# sun; shot 2 an over-the-shoulder at f/2.8 with a blurred head in front.
# Each is measured at the film's size against 1024 samples (about 4 and 6
# minutes of the bench's time).
quality=$(dirname "$bin")/bench_quality
"$quality" "$script" 1 1 1280x536 >"$tmp/quality"
"$quality" "$script" 2 1 1280x536 >"$tmp/quality2"
grep -v = "$tmp/quality" "$tmp/quality2" | sed 's/^[^:]*://'

read -r final_s mrays <"$tmp/final"
read -r preview_s _ <"$tmp/preview"
echo "final_s_per_frame=$final_s"
echo "preview_s_per_frame=$preview_s"
echo "mrays_per_s=$mrays"
echo "temporal_diff=$temporal"
grep = "$tmp/quality"
sed -n 's/^rel_mse/rel_mse_shot2/p' "$tmp/quality2"
