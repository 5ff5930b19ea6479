#![no_main]
//! libFuzzer entry for the `metadata` check (see `cronkit_fuzz::metadata`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::metadata(data));
