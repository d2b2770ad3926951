#!/usr/bin/env bash
# Prints the version of the wasm-bindgen crate that Cargo.lock pins: the one wasm-bindgen-cli must match.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(awk '
  /^\[\[package\]\]/ { in_wb = 0 }
  /^name = "wasm-bindgen"$/ { in_wb = 1; next }
  in_wb && /^version = / { gsub(/version = |"/, ""); print; exit }
' Cargo.lock)"
if [[ -z $version ]]; then
  echo "wasm-bindgen-version: no wasm-bindgen package in Cargo.lock" >&2
  exit 1
fi
printf '%s\n' "$version"
