#![no_main]
//! libFuzzer entry for the `nuxeo` check (see `cronkit_fuzz::nuxeo_xml`).
libfuzzer_sys::fuzz_target!(|data: &[u8]| cronkit_fuzz::nuxeo_xml(data));
