#![no_main]
//! libFuzzer entry for the `convert` check (see `cronkit_fuzz::convert`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::convert(data));
