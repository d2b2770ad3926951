//! The staff preview's wasm exports (feature `preview`, built into `www/pkg-preview/`). To be
//! written (issue 6).
