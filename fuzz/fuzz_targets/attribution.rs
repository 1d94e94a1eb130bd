//! Fuzz target: the `attribution` invariants of `khabar_fuzz::check_attribution`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::check_attribution(data));
