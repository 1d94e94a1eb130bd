//! Fuzz target: the `loaders` invariants of `khabar_fuzz::check_loaders`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| khabar_fuzz::check_loaders(data));
