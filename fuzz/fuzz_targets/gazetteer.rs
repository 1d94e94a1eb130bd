//! Fuzz target: the `gazetteer` invariants of `khabar_fuzz::check_gazetteer`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::check_gazetteer(data));
