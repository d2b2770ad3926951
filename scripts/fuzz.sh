#!/usr/bin/env bash
# Fuzzing the entry points that take outside data (docs/security.md, "Fuzzing and hostile input").
#
#   scripts/fuzz.sh [run] [TARGET...]   fuzz each target in turn (all four by default), then
#                                       minimize its corpus into fuzz/corpus/TARGET (`make fuzz`)
#   scripts/fuzz.sh replay [TARGET...]  run each target over its kept corpus only (`make fuzz-replay`);
#                                       without cargo-fuzz or nightly: the stable replay test
#   scripts/fuzz.sh cmin [TARGET...]    only minimize the corpora
#
# Environment: FUZZ_TIME seconds per target (600), FUZZ_TIMEOUT seconds per input before it counts
# as a hang (5), FUZZ_RSS_MB memory limit (2048). One fuzzer at a time, one process each: the
# machine has two cores and others build on it. Logs go to fuzz/logs/TARGET.log, crashes to
# fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(release_json jsonstat csv_export chart_data)
FUZZ_TIME=${FUZZ_TIME:-600}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-5}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
# The crate has no unsafe code, so AddressSanitizer would find nothing that the fuzzer does not:
# without it each target runs several times faster. Debug assertions (overflow checks) stay on.
SANITIZER=${FUZZ_SANITIZER:-none}

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
log() { printf 'fuzz: %s\n' "$*" >&2; }

have_nightly() { rustup toolchain list 2>/dev/null | grep -q '^nightly'; }
have_cargo_fuzz() { cargo fuzz --version >/dev/null 2>&1; }

# cargo-fuzz from crates.io (with its own Cargo.lock first, as scripts/setup.sh installs tools).
install() {
  if ! have_nightly; then
    log "installing the nightly toolchain (cargo-fuzz needs it for the sanitizer coverage flags)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! have_cargo_fuzz; then
    log "installing cargo-fuzz"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
  fi
}

targets() {
  if [[ $# -gt 0 ]]; then
    for t in "$@"; do
      [[ " ${TARGETS[*]} " == *" $t "* ]] || { log "unknown target $t (${TARGETS[*]})"; exit 2; }
    done
    printf '%s\n' "$@"
  else
    printf '%s\n' "${TARGETS[@]}"
  fi
}

# Hand-written inputs that every run starts from besides the kept corpus (foreign JSON-stat, csv
# byte layouts): kept in git whether or not cmin would keep them.
seeds() {
  case $1 in
    release_json | jsonstat) echo seeds/foreign ;;
    csv_export) echo seeds/csv_export ;;
  esac
}

fuzz_run() { (cd fuzz && cargo +nightly fuzz run --sanitizer "$SANITIZER" "$@"); }

# Merges everything found into the smallest set of inputs with the same coverage.
cmin() {
  local t=$1 fresh="fuzz/corpus-work/$t.min"
  rm -rf "$fresh" && mkdir -p "$fresh" "fuzz/corpus/$t" "fuzz/corpus-work/$t"
  local sources=("corpus/$t" "corpus-work/$t" $(seeds "$t"))
  log "$t: minimizing the corpus"
  fuzz_run "$t" "corpus-work/$t.min" "${sources[@]}" -- -merge=1 -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" >>"fuzz/logs/$t.log" 2>&1
  rm -rf "fuzz/corpus/$t" && mv "$fresh" "fuzz/corpus/$t"
  log "$t: corpus $(find "fuzz/corpus/$t" -type f | wc -l) files, $(du -sb "fuzz/corpus/$t" | cut -f1) bytes"
}

run() {
  install
  mkdir -p fuzz/logs
  local t
  for t in $(targets "$@"); do
    mkdir -p "fuzz/corpus-work/$t" "fuzz/corpus/$t"
    local sources=("corpus/$t" $(seeds "$t"))
    log "$t: fuzzing for $FUZZ_TIME s (log: fuzz/logs/$t.log)"
    # New inputs go to the first folder, corpus-work/ (not kept); cmin keeps what adds coverage.
    local status=0
    fuzz_run "$t" "corpus-work/$t" "${sources[@]}" -- \
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
      log "$t: replaying fuzz/corpus/$t"
      fuzz_run "$t" "corpus/$t" -- -runs=0 -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB"
    done
  else
    log "no cargo-fuzz or nightly toolchain: replaying the corpora with the stable test harness"
    cargo test --test fuzz_corpus
  fi
}

case "${1:-run}" in
  run) shift || true; run "$@" ;;
  replay) shift; replay "$@" ;;
  cmin) shift; install; mkdir -p fuzz/logs; for t in $(targets "$@"); do cmin "$t"; done ;;
  install) install ;;
  -h | --help) sed -n '2,14p' "$0" ;;
  *) run "$@" ;;
esac
