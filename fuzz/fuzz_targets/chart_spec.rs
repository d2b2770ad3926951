//! `chart_spec`: see `xixia_stats_fuzz::chart_spec` (fuzz/src/lib.rs) for the input and what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| xixia_stats_fuzz::chart_spec(data));
