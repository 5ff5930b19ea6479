#![no_main]
//! libFuzzer entry for the `json` check (see `cronkit_fuzz::json`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::json(data));
