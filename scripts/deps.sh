#!/usr/bin/env bash
# scripts/deps.sh: installs the Debian 12 packages auteur builds and tests
# with, and only those that are missing. Used by `make demo` and `make test`.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libembree-dev
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev
  libpng-dev libopenexr-dev libjansson-dev libcairo2-dev clang-format python3-jsonschema
  ffmpeg
)
if [ "${AU_DEPS_FUZZ:-0}" = 1 ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing+=("$p") ;;
  esac
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "auteur: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "auteur: not root and no sudo; please install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
