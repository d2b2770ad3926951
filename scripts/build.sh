#!/usr/bin/env bash
# Builds the wasm module into www/pkg/, shrinks it with binaryen's wasm-opt from npm, and prints what a
# page downloads (raw and gzip -9). Fails when that total is over the budget. Then builds the staff
# preview's own module (www/pkg-preview/, loaded only by www/preview.html) and prints its size apart:
# visitors never download it. Run scripts/setup.sh first (`make build` does).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

OUT_DIR=www/pkg
# The site's content folder: releases/*.json and the chart specification charts.json
# (docs/content.md). XIXIA_DATA points the build at another one, e.g. a copy with a new release.
SITE_DIR=${XIXIA_DATA:-data}
OUT_NAME=xixia_stats
# What the page may download, gzip -9, in bytes: 100 KB.
GZIP_BUDGET=${XIXIA_GZIP_BUDGET:-102400}

log() { printf 'build: %s\n' "$*" >&2; }

need() {
  if [[ ! -x $1 ]] && ! command -v "$1" >/dev/null 2>&1; then
    log "missing $1: run 'make setup' (scripts/setup.sh)"
    exit 1
  fi
}
need wasm-pack
need wasm-bindgen
need node_modules/.bin/wasm-opt
need node_modules/.bin/esbuild

expected="$(bash scripts/wasm-bindgen-version.sh)"
if [[ "$(wasm-bindgen --version)" != "wasm-bindgen $expected" ]]; then
  log "wasm-bindgen on PATH is '$(wasm-bindgen --version)', Cargo.lock has $expected: run 'make setup'"
  exit 1
fi

# The component: www/component/ (readable source) → www/xixia-stat.js and .css, minified by
#  esbuild from npm (same behaviour, a third of the bytes).
log "esbuild --minify www/component → www/xixia-stat.js, www/xixia-stat.css"
node_modules/.bin/esbuild www/component/xixia-stat.js --bundle --minify --format=esm --target=es2022 --legal-comments=none \
  --banner:js="/* <xixia-stat> · source: www/component/xixia-stat.js */" --log-level=warning --outfile=www/xixia-stat.js
node_modules/.bin/esbuild www/component/xixia-stat.css --minify --log-level=warning --outfile=www/xixia-stat.css

# The demo pages' own script and stylesheet: www/page-src/ → www/index.js, www/index.css, minified
#  (they arrive before the first chart is on screen).
log "esbuild --minify www/page-src → www/index.js, www/index.css"
node_modules/.bin/esbuild www/page-src/index.js --minify --format=esm --target=es2022 --legal-comments=none \
  --banner:js="/* 西夏区统计 demo page · source: www/page-src/index.js */" --log-level=warning --outfile=www/index.js
node_modules/.bin/esbuild www/page-src/index.css --bundle --minify --log-level=warning --outfile=www/index.css

# The staff preview page's script and stylesheet: www/preview-src/ → www/preview.js, www/preview.css.
log "esbuild --minify www/preview-src → www/preview.js, www/preview.css"
node_modules/.bin/esbuild www/preview-src/preview.js --bundle --minify --format=esm --target=es2022 --legal-comments=none \
  --banner:js="/* 西夏区统计草稿预览 · source: www/preview-src/preview.js */" --log-level=warning --outfile=www/preview.js
node_modules/.bin/esbuild www/preview-src/preview.css --bundle --minify --log-level=warning --outfile=www/preview.css

# The preview's sample drafts (bulletin prose, written for the text import's tests) beside the page.
mkdir -p www/data/samples
if compgen -G 'data/samples/*.txt' >/dev/null; then
  cp data/samples/*.txt www/data/samples/
fi

# 0. A site's data, from its content folder $1 into the folder $2 that its pages sit in:
#    - the chart data the page draws: every figure computed by the Rust core, exactly, ahead of
#      time, one file per release and language ($2/data/charts/<release>.bin and .en.bin, so a
#      page loads only the releases it shows) and the index of releases (index.json: ids, periods,
#      aliases such as latest-bulletin, chart ids);
#    - the downloads every chart offers: PNG at 2× (drawn natively with Noto Sans CJK), standalone
#      SVG, CSV and the release as JSON-stat, in both languages, under $2/data/export/<lang>/;
#    - the pages: the templates in $3 with every <xixia-stat> filled with its chart drawn natively
#      (SVG, summary, table, download links), so they read right before and without JavaScript.
#    Each folder is written fresh and then takes the place of the old one, so a failed run leaves
#    the previous data whole. (Staff tools that load drafts carry the core itself; visitors only
#    need the renderer.)
site_data() {
  local site=$1 out=$2 pages=$3
  mkdir -p "$out/data"
  log "xixia-stats chart-data --data $site --split $out/data/charts"
  rm -rf "$out/data/charts.tmp"
  if ! cargo run --quiet -- chart-data --data "$site" --compact --split "$out/data/charts.tmp" >/dev/null; then
    rm -rf "$out/data/charts.tmp"
    log "chart-data failed"
    exit 1
  fi
  rm -rf "$out/data/charts" "$out/data/charts.json" "$out/data/charts.en.json" && mv "$out/data/charts.tmp" "$out/data/charts"
  # The content folder itself, beside the data made from it: `xixia-stats publish --site` (and the
  # preview's publish) add the next release to it with no rebuild.
  rm -rf "$out/data/content.tmp" && mkdir -p "$out/data/content.tmp/releases"
  cp "$site"/releases/*.json "$out/data/content.tmp/releases/"
  cp "$site/charts.json" "$out/data/content.tmp/"
  if [[ -f $site/indicators.json ]]; then cp "$site/indicators.json" "$out/data/content.tmp/"; fi
  mkdir -p "$out/data/content.tmp/pages" && cp "$pages"/*.html "$out/data/content.tmp/pages/"
  # Their names, for the staff preview's publish to fetch.
  (cd "$out/data/content.tmp/pages" && printf '%s\n' *.html | sed 's/.*/"&"/' | paste -sd, - | sed 's/.*/[&]/') >"$out/data/content.tmp/pages/index.json"
  rm -rf "$out/data/content" && mv "$out/data/content.tmp" "$out/data/content"
  for lang in zh-CN en; do
    local export_dir="$out/data/export/$lang"
    log "xixia-stats render --data $site --lang $lang → $export_dir"
    rm -rf "$export_dir.tmp" && mkdir -p "$export_dir.tmp"
    for format in png svg csv jsonstat; do
      cargo run --quiet -- render --data "$site" --release all --by-release --format "$format" --lang "$lang" --width 800 -o "$export_dir.tmp" >/dev/null
    done
    rm -rf "$export_dir" && mv "$export_dir.tmp" "$export_dir"
  done
  log "xixia-stats prerender --data $site $pages → $out/"
  # (and the images of the charts each page draws later, $out/data/static/, made afresh)
  rm -rf "$out/data/static"
  cargo run --quiet -- prerender --data "$site" --pages "$pages" -o "$out" >/dev/null
}

site_data "$SITE_DIR" www www/pages
# The invented 样例县's site (sample-site/: a year of monthly reports, five bulletins), at
# www/sample/, for the charts over time; its page says in its heading that the data are invented.
site_data sample-site www/sample www/sample-pages

# 1. Rust → wasm + JS glue. Cargo.toml turns wasm-pack's own wasm-opt off: Debian's binaryen breaks
#    reference types (see /work/shared/TOOLCHAIN.md); we run npm's binaryen below instead.
#    The panic messages a module keeps name source files: as paths in the crate (`src/…`) and
#    under the registry (`crates/serde_json-…/src/…`), not this machine's folders.
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
wasm_rustflags="${RUSTFLAGS:-} --remap-path-prefix=$PWD=. --remap-path-prefix=$registry=crates"
log "wasm-pack build → $OUT_DIR"
RUSTFLAGS="$wasm_rustflags" wasm-pack --quiet build --target web --release --out-dir "$OUT_DIR" --out-name "$OUT_NAME" --no-default-features
# wasm-bindgen's glue, minified like the component (the same exports).
node_modules/.bin/esbuild "$OUT_DIR/$OUT_NAME.js" --minify --format=esm --target=es2022 --legal-comments=none \
  --log-level=warning --allow-overwrite --outfile="$OUT_DIR/$OUT_NAME.js"

wasm="$OUT_DIR/${OUT_NAME}_bg.wasm"
[[ -s $wasm ]] || { log "wasm-pack produced no $wasm"; exit 1; }

# 2. Size optimisation, in place (through a temporary file, so a failure leaves no half-written wasm).
optimise() {
  local wasm=$1 tmp
  log "wasm-opt -Oz $wasm"
  tmp="$(mktemp "$(dirname "$wasm")/.opt.XXXXXX.wasm")"
  trap 'rm -f "$tmp"' EXIT
  node_modules/.bin/wasm-opt -Oz \
    --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-multivalue --enable-mutable-globals \
    "$wasm" -o "$tmp"
  chmod 644 "$tmp" # mktemp makes it private; the web server must read it
  mv "$tmp" "$wasm"
  trap - EXIT
}
optimise "$wasm"

# 3. What a page with charts downloads.
# The demo page's data: the index and the Chinese data of the releases it shows (the newest of
# each kind, which in the demo's content are all of them).
files=("$wasm" "$OUT_DIR/$OUT_NAME.js" www/xixia-stat.js www/xixia-stat.css www/data/charts/index.json)
for release in $(cargo run --quiet -- list --data "$SITE_DIR" | cut -f1); do
  files+=("www/data/charts/$release.bin")
done
total_raw=0
total_gz=0
printf '\n%-34s %10s %10s\n' 'file' 'raw (B)' 'gzip -9 (B)'
for f in "${files[@]}"; do
  [[ -f $f ]] || { log "missing $f"; exit 1; }
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-34s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-34s %10d %10d\n' 'total' "$total_raw" "$total_gz"
printf 'budget: %d B gzip (%.1f%% used)\n\n' "$GZIP_BUDGET" "$(awk -v a="$total_gz" -v b="$GZIP_BUDGET" 'BEGIN { print 100 * a / b }')"
if ((total_gz > GZIP_BUDGET)); then
  log "FAIL: the page downloads $total_gz B gzip, over the budget of $GZIP_BUDGET B"
  exit 1
fi

# 4. The staff preview's module: the same core with the import, checker, figures, draft charts and
#    comparison (feature `preview`, src/preview.rs), loaded only by www/preview.html. Not part of
#    the public budget above; its size is printed on its own.
PREVIEW_DIR=www/pkg-preview
PREVIEW_NAME=xixia_preview
log "wasm-pack build --features preview → $PREVIEW_DIR"
RUSTFLAGS="$wasm_rustflags" wasm-pack --quiet build --target web --release --out-dir "$PREVIEW_DIR" --out-name "$PREVIEW_NAME" --no-default-features --features preview
preview_wasm="$PREVIEW_DIR/${PREVIEW_NAME}_bg.wasm"
[[ -s $preview_wasm ]] || { log "wasm-pack produced no $preview_wasm"; exit 1; }
optimise "$preview_wasm"

printf '%-34s %10s %10s\n' 'staff preview only (not public)' 'raw (B)' 'gzip -9 (B)'
for f in "$preview_wasm" "$PREVIEW_DIR/$PREVIEW_NAME.js" www/preview.js www/preview.css www/preview.html; do
  [[ -f $f ]] || { log "missing $f"; exit 1; }
  printf '%-34s %10d %10d\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
echo
