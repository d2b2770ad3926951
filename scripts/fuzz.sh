#!/usr/bin/env bash
# Fuzzing the entry points that take outside data (docs/security.md, "Fuzzing and hostile input").
#
#   scripts/fuzz.sh [run] [TARGET...]   fuzz each target in turn (all five by default), then
#                                       minimize its corpus into fuzz/corpus/TARGET (`make fuzz`)
#   scripts/fuzz.sh replay [TARGET...]  run each target over its seeds and kept corpus only
#                                       (`make fuzz-replay`); without cargo-fuzz or nightly, the
#                                       stable replay test `cargo test --test fuzz_corpus`
#   scripts/fuzz.sh cmin [TARGET...]    only minimize the corpora
#   scripts/fuzz.sh seed                write the generated seeds again from the bundled releases
#   scripts/fuzz.sh install             install cargo-fuzz (and nightly) when missing
#
# Environment: FUZZ_TIME seconds per target (600), FUZZ_TIMEOUT seconds per input before it counts
# as a hang (5), FUZZ_RSS_MB memory limit (2048), FUZZ_KEEP_BYTES the largest input cmin keeps
# (2048). One fuzzer at a time, one process: the machine has two cores and others build on it.
# Logs go to fuzz/logs/TARGET.log, crashes to fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(release_json jsonstat csv_export chart_data text_import chart_spec site_folder)
FUZZ_TIME=${FUZZ_TIME:-600}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-5}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
FUZZ_KEEP_BYTES=${FUZZ_KEEP_BYTES:-2048}
# The crate has no unsafe code, so AddressSanitizer finds nothing the fuzzer does not, and without
# it each target runs several times faster. Debug assertions (overflow checks) stay on.
SANITIZER=${FUZZ_SANITIZER:-none}

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
log() { printf 'fuzz: %s\n' "$*" >&2; }

have_nightly() { rustup toolchain list 2>/dev/null | grep -q '^nightly'; }
have_cargo_fuzz() { cargo fuzz --version >/dev/null 2>&1; }

# cargo-fuzz from crates.io, with its own Cargo.lock first (as scripts/setup.sh installs tools).
install() {
  if ! have_nightly; then
    log "installing the nightly toolchain (cargo-fuzz needs it for the coverage instrumentation)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! have_cargo_fuzz; then
    log "installing cargo-fuzz"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
  fi
}

targets() {
  if [[ $# -gt 0 ]]; then
    local t
    for t in "$@"; do
      [[ " ${TARGETS[*]} " == *" $t "* ]] || { log "unknown target $t (${TARGETS[*]})"; exit 2; }
    done
    printf '%s\n' "$@"
  else
    printf '%s\n' "${TARGETS[@]}"
  fi
}

# Where a target's inputs start, relative to fuzz/: its seeds (kept whole, in git), the
# hand-written foreign JSON-stat for the two JSON targets, and what earlier runs kept in
# corpus/TARGET (only inputs up to FUZZ_KEEP_BYTES that add coverage to the seeds).
seeds() {
  echo "seeds/$1"
  case $1 in
    release_json | jsonstat) echo seeds/foreign ;;
  esac
}

fuzz_run() { (cd fuzz && cargo +nightly fuzz run --sanitizer "$SANITIZER" "$@"); }

# cmin: the smallest set of small inputs that adds edges to what the seeds reach (libFuzzer's
# -merge=1 into a folder that starts with the seeds, counting edges only), without the seeds.
cmin() {
  local t=$1 work=fuzz/corpus-work
  local keep=$work/$t.min small=$work/$t.small seed
  rm -rf "$keep" "$small" && mkdir -p "$keep" "$small" "fuzz/corpus/$t" "$work/$t"
  for seed in $(seeds "$t"); do cp "fuzz/$seed"/* "$keep/"; done
  find "fuzz/corpus/$t" "$work/$t" -type f -size -"$((FUZZ_KEEP_BYTES + 1))"c -exec cp {} "$small/" \;
  log "$t: minimizing $(find "$small" -type f | wc -l) inputs of up to $FUZZ_KEEP_BYTES bytes"
  fuzz_run "$t" "corpus-work/$t.min" "corpus-work/$t.small" -- -merge=1 -use_counters=0 \
    -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" >>"fuzz/logs/$t.log" 2>&1
  for seed in $(seeds "$t"); do
    find "fuzz/$seed" -type f -printf '%f\n' | while read -r name; do rm -f "$keep/$name"; done
  done
  rm -rf "fuzz/corpus/$t" "$small" && mv "$keep" "fuzz/corpus/$t"
  log "$t: corpus $(find "fuzz/corpus/$t" -type f | wc -l) files, $(du -sb "fuzz/corpus/$t" | cut -f1) bytes"
}

run() {
  install
  mkdir -p fuzz/logs
  local t status
  for t in $(targets "$@"); do
    mkdir -p "fuzz/corpus-work/$t" "fuzz/corpus/$t"
    log "$t: fuzzing for $FUZZ_TIME s (log: fuzz/logs/$t.log)"
    # New inputs go to the first folder, corpus-work/ (not in git); cmin keeps what adds coverage.
    status=0
    fuzz_run "$t" "corpus-work/$t" "corpus/$t" $(seeds "$t") -- \
      -max_total_time="$FUZZ_TIME" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" \
      -print_final_stats=1 >"fuzz/logs/$t.log" 2>&1 || status=$?
    grep -E '^(stat::|Done )' "fuzz/logs/$t.log" >&2 || true
    if [[ $status -ne 0 ]]; then
      log "$t: the fuzzer stopped with status $status: see fuzz/logs/$t.log and fuzz/artifacts/$t/"
      exit 1
    fi
    cmin "$t"
  done
}

replay() {
  if have_nightly && have_cargo_fuzz; then
    local t
    for t in $(targets "$@"); do
      log "$t: replaying fuzz/corpus/$t and its seeds"
      fuzz_run "$t" "corpus/$t" $(seeds "$t") -- -runs=0 -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB"
    done
  else
    log "no cargo-fuzz or nightly toolchain: replaying the corpora with the stable test harness"
    cargo test --test fuzz_corpus
  fi
}

# JSON without the whitespace outside strings; every other byte, numbers included, as it was.
minify() {
  python3 -c '
import sys
out, in_string, escaped = [], False, False
for c in sys.stdin.read():
    if in_string:
        out.append(c)
        if escaped: escaped = False
        elif c == "\\": escaped = True
        elif c == "\"": in_string = False
    elif c == "\"":
        in_string = True
        out.append(c)
    elif c not in " \n\r\t":
        out.append(c)
sys.stdout.write("".join(out))'
}

# The generated seeds: the bundled releases and their JSON-stat exports, minified (release_json
# keeps two of the exports), and every chart's data in both languages, one chart per file.
seed() {
  local tmp bin f n lang
  tmp=$(mktemp -d)
  cargo build --quiet
  bin=${CARGO_TARGET_DIR:-target}/debug/xixia-stats
  "$bin" render --format jsonstat -o "$tmp" >/dev/null
  mkdir -p fuzz/seeds/{release_json,jsonstat,chart_data}
  for f in data/releases/*.json; do
    minify <"$f" >"fuzz/seeds/release_json/$(basename "$f" .json).min.json"
  done
  for f in "$tmp"/*.jsonstat.json; do
    n=$(basename "$f" .json)
    minify <"$f" >"fuzz/seeds/jsonstat/$n.min.json"
  done
  cp fuzz/seeds/jsonstat/{2022-bulletin,2023-1-11-indicators}.jsonstat.min.json fuzz/seeds/release_json/
  "$bin" chart-data --compact >fuzz/seeds/chart_data/all.zh.json
  for lang in zh-CN en; do
    "$bin" chart-data --compact --lang "$lang" >"$tmp/charts.json"
    python3 - "$tmp/charts.json" fuzz/seeds/chart_data "${lang%-CN}" <<'PY'
import json, sys
for chart in json.load(open(sys.argv[1], encoding="utf-8")):
    with open(f"{sys.argv[2]}/{chart['id']}.{sys.argv[3]}.json", "w", encoding="utf-8") as out:
        out.write(json.dumps([chart], ensure_ascii=False, separators=(",", ":")))
PY
  done
  rm -rf "$tmp"
  log "seeds written to fuzz/seeds/"
}

case "${1:-run}" in
  run) shift || true; run "$@" ;;
  replay) shift; replay "$@" ;;
  cmin) shift; install; mkdir -p fuzz/logs; for t in $(targets "$@"); do cmin "$t"; done ;;
  seed) seed ;;
  install) install ;;
  -h | --help) sed -n '2,17p' "$0" ;;
  *) run "$@" ;;
esac
