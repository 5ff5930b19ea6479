#![no_main]
//! libFuzzer entry for the `expr` check (see `cronkit_fuzz::expr`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::expr(data));
