#![no_main]
//! libFuzzer entry for the `crontab` check (see `cronkit_fuzz::crontab`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::crontab(data));
