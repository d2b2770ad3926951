# 西夏区 statistics component. `make test` runs every test; see README.md.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: test lint

## Run every test: the library, the command line, the property tests, the documentation examples.
test:
	$(CARGO) test --all-targets
	$(CARGO) test --doc

lint:
	$(CARGO) clippy --all-targets -- -D warnings
