//! The fuzz checks on stable Rust (the same checks libFuzzer runs from `fuzz/`).
//!
//! * `seed_corpus_passes` (every `cargo test`): every file under `fuzz/corpus/<target>/`
//!   — the hand-written seeds and every input that once broke cronkit — goes through
//!   its target's check.
//! * `random_mutations` (ignored; a long run): mutates the seeds with a deterministic
//!   generator for `CRONKIT_FUZZ_SECS` seconds (default 10) per target, or only for the
//!   target named in `CRONKIT_FUZZ_TARGET`; `CRONKIT_FUZZ_SEED` changes the stream.
//!
//! ```sh
//! CRONKIT_FUZZ_SECS=600 CRONKIT_FUZZ_TARGET=expr cargo test --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! A failing input is written to `fuzz/artifacts/stable/<target>-<hash>` before the
//! panic is passed on, so it can be added to the corpus as a regression.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target)
}

fn seeds(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = corpus_dir(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?;
            if name.starts_with('.') || !path.is_file() {
                return None;
            }
            let data = fs::read(&path).ok()?;
            Some((path, data))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn seed_corpus_passes() {
    let mut total = 0;
    for (name, check) in checks::TARGETS {
        let inputs = seeds(name);
        assert!(!inputs.is_empty(), "no seeds for {name}");
        for (path, data) in &inputs {
            if let Err(e) = panic::catch_unwind(|| check(data)) {
                panic!("{name}: {} fails: {}", path.display(), panic_text(&e));
            }
        }
        total += inputs.len();
    }
    assert!(total >= 100, "only {total} seeds");
}

fn panic_text(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".to_string())
}

/// xorshift64*: small, fast, and the same stream on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that mean something to one of the parsers; splicing them in reaches
/// deeper than random bytes do.
const DICTIONARY: &[&str] = &[
    "*",
    "?",
    "/",
    "-",
    ",",
    "#",
    "L",
    "W",
    "LW",
    "L-",
    " ",
    "\t",
    "\n",
    "\r\n",
    "0",
    "1",
    "7",
    "12",
    "23",
    "31",
    "59",
    "60",
    "99",
    "1970",
    "2099",
    "2199",
    "2200",
    "MON",
    "SUN",
    "JAN",
    "DEC",
    "SUNDAY",
    "@daily",
    "@reboot",
    "+",
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    "\"cron\"",
    "\"daily\"",
    "\"weekly\"",
    "\"at\"",
    "\"on\"",
    "\"interval\"",
    "\"trigger\"",
    "\"schedule\"",
    "\"expression\"",
    "\"timezone\"",
    "\"period\"",
    "\"unit\"",
    "\"noon\"",
    "null",
    "true",
    "1e999",
    "-0",
    "\\u0000",
    "<schedule id=\"a\">",
    "<cronExpression>",
    "</cronExpression>",
    "</schedule>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x41;",
    "<!--",
    "-->",
    "MAILTO=x",
    "root",
    "/bin/sh",
    "T",
    "Z",
    "+05:30",
    "America/New_York",
    "UTC",
    "now",
    "\u{feff}",
    "\u{e9}",
    "\u{ff}",
    "2026-03-08",
    "02:30",
    "\u{0}",
];

fn mutate(rng: &mut Rng, base: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(7) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            1 if !v.is_empty() => {
                let end = (at + 1 + rng.below(8)).min(v.len());
                v.drain(at.min(end)..end);
            }
            2 => {
                let t = DICTIONARY[rng.below(DICTIONARY.len())];
                v.splice(at..at, t.bytes());
            }
            3 if !other.is_empty() => {
                let a = rng.below(other.len());
                let b = (a + 1 + rng.below(32)).min(other.len());
                v.splice(at..at, other[a..b].iter().copied());
            }
            4 if !v.is_empty() => {
                // repeat a slice: long lists, deep nesting
                let a = rng.below(v.len());
                let b = (a + 1 + rng.below(16)).min(v.len());
                let piece = v[a..b].to_vec();
                for _ in 0..rng.below(64) {
                    v.splice(at..at, piece.iter().copied());
                }
            }
            5 => {
                let digits = format!("{}", rng.next() >> rng.below(64));
                v.splice(at..at, digits.bytes());
            }
            _ => v.insert(at, rng.next() as u8),
        }
    }
    v
}

#[test]
#[ignore = "long: CRONKIT_FUZZ_SECS=600 cargo test --release --test fuzz -- --ignored"]
fn random_mutations() {
    let secs: u64 = std::env::var("CRONKIT_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let only = std::env::var("CRONKIT_FUZZ_TARGET").ok();
    let seed: u64 = std::env::var("CRONKIT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_c0de);
    // keep the default hook's output from flooding the terminal: one report per failure
    panic::set_hook(Box::new(|_| {}));
    for (name, check) in checks::TARGETS {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        let pool: Vec<Vec<u8>> = seeds(name).into_iter().map(|(_, d)| d).collect();
        let mut rng = Rng(seed ^ name.len() as u64 ^ 0x9E37_79B9_7F4A_7C15);
        let deadline = Instant::now() + Duration::from_secs(secs);
        let mut cases = 0u64;
        while Instant::now() < deadline {
            for _ in 0..64 {
                let base = &pool[rng.below(pool.len())];
                let other = &pool[rng.below(pool.len())];
                let input = mutate(&mut rng, base, other);
                cases += 1;
                if let Err(e) = panic::catch_unwind(AssertUnwindSafe(|| check(&input))) {
                    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/artifacts/stable");
                    let _ = fs::create_dir_all(&dir);
                    let file = dir.join(format!("{name}-{:016x}", fnv(&input)));
                    let _ = fs::write(&file, &input);
                    let _ = panic::take_hook();
                    panic!(
                        "{name}: input {:?} (saved to {}) fails: {}",
                        String::from_utf8_lossy(&input),
                        file.display(),
                        panic_text(&e)
                    );
                }
            }
        }
        println!("fuzz {name}: {cases} cases in {secs} s, no failure");
    }
    let _ = panic::take_hook();
}

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}
