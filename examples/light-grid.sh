#!/usr/bin/env bash
# examples/light-grid.sh: renders one shot at every time of day, weather
# and lighting preset and tiles them into docs/light-grid.png (the
# comparison in docs/lighting.md). Usage: examples/light-grid.sh [AUTEUR]
set -eu
cd "$(dirname "$0")/.."
auteur=${1:-build/auteur}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
# One cell: heading, notes before the shot, label.
cell() {
  local heading=$1 notes=$2 label=$3
  n=$((n + 1))
  local f
  f=$(printf '%s/%02d' "$tmp" "$n")
  printf 'Title: Light grid\nAspect: 16:9\n\n%s\n\n%s\n[[shot: MLS BRICK, 28mm, low angle 10deg]]\n\nBRICK\nHot one today.\n' \
    "$heading" "$notes" >"$f.fountain"
  "$auteur" still "$f.fountain" --shot 1 -o "$f.png" --size 320x180 \
    --samples 24 -q
  ffmpeg -loglevel error -y -i "$f.png" -vf \
    "drawbox=x=0:y=0:w=iw:h=16:color=black@0.6:t=fill,drawtext=text='$label':x=4:y=3:fontsize=11:fontcolor=white" \
    "$f-l.png" 2>/dev/null || cp "$f.png" "$f-l.png"
}
cell "EXT. DESERT ROAD - DAWN" "" "DAWN"
cell "EXT. DESERT ROAD - MORNING" "" "MORNING"
cell "EXT. DESERT ROAD - DAY" "" "DAY"
cell "EXT. DESERT ROAD - EVENING" "" "EVENING"
cell "EXT. DESERT ROAD - MAGIC HOUR" "" "MAGIC HOUR"
cell "EXT. DESERT ROAD - DUSK" "" "DUSK (blue hour)"
cell "EXT. DESERT ROAD - NIGHT" "" "NIGHT"
cell "EXT. DESERT ROAD - DAY" "[[weather: overcast]]" "DAY overcast"
cell "EXT. DESERT ROAD - DAY" "[[weather: rain]]" "DAY rain"
cell "EXT. DESERT ROAD - DAY" "[[weather: fog]]" "DAY fog"
cell "EXT. DESERT ROAD - DAY" "[[light: high key]]" "high key"
cell "EXT. DESERT ROAD - DAY" "[[light: low key, key 3200K from left]]" "low key"
cell "EXT. DESERT ROAD - EVENING" "[[light: golden hour]]" "golden hour"
cell "EXT. DESERT ROAD - EVENING" "[[light: blue hour]]" "blue hour"
cell "EXT. DESERT ROAD - DAY" "[[light: overcast soft]]" "overcast soft"
cell "INT. BAR - NIGHT" "[[light: noir]]" "noir"
cell "INT. BAR - NIGHT" "[[light: neon night]]" "neon night"
cell "INT. BAR - NIGHT" "[[light: candlelight]]" "candlelight"
cell "INT. BAR - NIGHT" "" "INT NIGHT practicals"
cell "INT. BAR - NIGHT" "[[light: key 5600K CTO, 4:1, kicker 1/2 CTB]]" "CTO key  4 to 1  kicker"
# A 256-colour palette keeps the sheet small enough for the docs.
ffmpeg -loglevel error -y -i "$tmp/%02d-l.png" -filter_complex \
  "scale=224:-1,tile=4x5,split[a][b];[a]palettegen=max_colors=256[p];[b][p]paletteuse=dither=bayer" \
  -frames:v 1 docs/light-grid.png
echo "wrote docs/light-grid.png"
