#![no_main]
//! libFuzzer entry for the `lines` check (see `cronkit_fuzz::lines`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::lines(data));
