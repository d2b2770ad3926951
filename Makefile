# 西夏区 statistics component. `make test` runs every test; see README.md.
SHELL := /bin/bash
CARGO ?= cargo
NODE ?= node
# `make demo` serves www/ here; override with `make demo PORT=9000` or PORT in the environment.
PORT ?= 8080

.PHONY: test lint setup build demo test-browser

## Run every test: the library, the command line, the property tests, the documentation examples,
## then build www/ and run the browser tests against it.
test:
	$(CARGO) test --all-targets
	$(CARGO) test --doc
	$(MAKE) build
	$(MAKE) test-browser

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
