#![no_main]
//! libFuzzer entry for the `time` check (see `cronkit_fuzz::time`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::time(data));
