#![no_main]
//! libFuzzer entry for the `explain` check (see `cronkit_fuzz::explain`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::explain(data));
