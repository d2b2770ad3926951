# 西夏区 statistics component. `make test` runs every test; see README.md.
SHELL := /bin/bash
CARGO ?= cargo
NODE ?= node
# `make demo` serves www/ here; override with `make demo PORT=9000` or PORT in the environment.
PORT ?= 8080

.PHONY: test lint setup build demo test-browser

## Run every test: the library, the command line, the property tests, the documentation examples,
## then build www/, run the browser tests against it, and a smoke run of the benchmarks (which
## must run and print; they assert no timings).
test:
	$(CARGO) test --all-targets
	$(CARGO) test --doc
	$(MAKE) build
	$(MAKE) test-browser
	$(MAKE) bench-smoke

## The browser tests only (needs `make build` first).
test-browser:
	$(NODE) --test tests/browser/

lint:
	$(CARGO) clippy --all-targets -- -D warnings

## Install what the build and the browser tests need (wasm target, wasm-pack, wasm-bindgen-cli,
## Chromium, CJK fonts, npm devDependencies). Does nothing when all is there.
setup:
	bash scripts/setup.sh

## Build the wasm module into www/pkg/ and report the download size.
build: setup
	bash scripts/build.sh

## Build, then serve www/ on 127.0.0.1.
demo: build
	@echo "Demo: http://127.0.0.1:$(PORT)/"
	$(NODE) scripts/serve.mjs --dir www --port $(PORT)

.PHONY: bench bench-smoke

## Performance benchmarks (bench/README.md): our demo page against the same charts in ECharts 6, and
## growth/shares/ranks over 10 k–1 M observations in wasm (Chromium) and natively (criterion). Prints
## the tables and writes bench/results/latest.json. About 2–3 minutes on 2 cores. BENCH_ARGS passes
## options, e.g. `make bench BENCH_ARGS="--cpu-throttle 4"`.
bench: build
	$(NODE) bench/run.mjs $(BENCH_ARGS)

## The same tables from a quick run (2 loads per page, 10 k observations, no criterion), under
## 2 minutes; needs `make build` first. Writes bench/results/smoke.json. Asserts no timings.
bench-smoke: setup
	$(NODE) bench/run.mjs --smoke $(BENCH_ARGS)

.PHONY: fuzz fuzz-replay

## Fuzz every entry point that takes outside data (release JSON, JSON-stat, CSV export, the page's
## chart data), one target after another, FUZZ_TIME seconds each (default 600), then minimize the
## corpora in fuzz/corpus/. Installs cargo-fuzz (and nightly) when missing. docs/security.md.
fuzz:
	bash scripts/fuzz.sh run

## Run each fuzz target over its kept corpus only (no new inputs); without cargo-fuzz or nightly,
## the same checks on stable (`cargo test --test fuzz_corpus`, also part of `make test`).
fuzz-replay:
	bash scripts/fuzz.sh replay
