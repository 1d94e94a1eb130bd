//! Fuzz target: the `normalize` invariants of `khabar_fuzz::check_normalize`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::check_normalize(data));
