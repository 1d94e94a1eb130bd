//! Fuzz target: the `analyzer` invariants of `khabar_fuzz::check_analyzer`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::check_analyzer(data));
