//! `site_folder`: see `xixia_stats_fuzz::site_folder` (fuzz/src/lib.rs) for the input and what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| xixia_stats_fuzz::site_folder(data));
