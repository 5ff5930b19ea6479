//! Link the Linux binaries as position-dependent executables.
//!
//! chrono-tz's zone tables hold about 30 000 pointers. In a position-independent
//! executable the dynamic loader rewrites every one of them at start-up, touching
//! about a megabyte of pages: some 260 extra page faults, most of the time a short
//! `croneval EXPR -c 20` takes. Linked with `-no-pie` the addresses are fixed at
//! link time and start-up costs what any small C tool's does (docs/performance.md
//! has the figures). The price is that the executable's own image is not moved by
//! ASLR; packagers who want PIE anyway build with `CRONKIT_PIE=1`.

fn main() {
    println!("cargo:rerun-if-env-changed=CRONKIT_PIE");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let pie = std::env::var_os("CRONKIT_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    if linux && !pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
