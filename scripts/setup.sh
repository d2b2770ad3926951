#!/usr/bin/env bash
# Installs what `make build` and `make test` need on a fresh Debian machine (as root), and nothing
# when it is all there already. Network: only crates.io, the npm registry and Debian's apt.
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm-pack version we build with (checked with `cargo info wasm-pack`).
WASM_PACK_VERSION=0.15.1
# Debian packages: the headless browser for the tests and a CJK font so screenshots show Chinese.
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk)

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
log() { printf 'setup: %s\n' "$*" >&2; }

# cargo install with the crate's own Cargo.lock; if a locked dependency cannot be had from the registry
# (yanked, or newer than the registry this machine reaches), fall back to a fresh resolution.
cargo_install() {
  local crate=$1 version=$2
  if ! cargo install "$crate" --version "=$version" --locked --force; then
    log "cargo install $crate --locked failed; retrying without --locked"
    cargo install "$crate" --version "=$version" --force
  fi
}

# --- Rust: the wasm target ---------------------------------------------------------------------
if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# --- wasm-pack ---------------------------------------------------------------------------------
if ! command -v wasm-pack >/dev/null 2>&1; then
  log "installing wasm-pack $WASM_PACK_VERSION"
  cargo_install wasm-pack "$WASM_PACK_VERSION"
fi

# --- wasm-bindgen-cli: exactly the version of the wasm-bindgen crate in Cargo.lock ----------------
WASM_BINDGEN_VERSION="$(bash scripts/wasm-bindgen-version.sh)"
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
  cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
fi

# --- Debian packages ---------------------------------------------------------------------------
missing=()
# Node and npm normally come with the machine image; Debian's packages do when they do not.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi
  log "installing Debian packages: ${missing[*]}"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# --- npm devDependencies (playwright-core, binaryen) ---------------------------------------------
# `npm ci` wipes and reinstalls node_modules; skip it when node_modules came from this very lockfile.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp=node_modules/.xixia-lock.sha256
if [[ ! -f $stamp || "$(cat "$stamp")" != "$lock_sum" || ! -x node_modules/.bin/wasm-opt ]]; then
  log "npm ci"
  npm ci --no-audit --no-fund
  printf '%s\n' "$lock_sum" >"$stamp"
fi

log "ok: $(wasm-pack --version), $(wasm-bindgen --version), $(node_modules/.bin/wasm-opt --version), chromium $(dpkg-query -W -f='${Version}' chromium)"
