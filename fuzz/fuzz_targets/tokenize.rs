//! Fuzz target: the `tokenize` invariants of `khabar_fuzz::check_tokenize`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::check_tokenize(data));
