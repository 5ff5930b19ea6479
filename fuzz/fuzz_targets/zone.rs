#![no_main]
//! libFuzzer entry for the `zone` check (see `cronkit_fuzz::zone`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::zone(data));
