//! Resource bounds (issue 7): memory while streaming a huge file, the time to stop
//! when the reader goes away, and the time the worst expressions take.
//!
//! These measure time and memory, so they are ignored in the ordinary `cargo test`
//! (SPEC §9: no timed assertion in the test suite) and meant for a release build:
//!
//! ```sh
//! cargo test --release --test resources -- --ignored --nocapture --test-threads=1
//! ```

use std::fs;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

fn cronkit() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cronkit"));
    c.env("RUST_BACKTRACE", "1").env("TZ", "UTC");
    c
}

/// Peak resident memory of a running child in KiB (`VmHWM`, Linux); the
/// high-water mark only grows, so the last reading before exit is the peak.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[test]
#[ignore = "measures memory: run in release with --ignored"]
fn validate_two_million_lines_in_under_64_mb() {
    let dir = std::env::temp_dir().join(format!("cronkit-resources-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file: PathBuf = dir.join("two-million.txt");
    let mut text = String::with_capacity(40 << 20);
    let exprs = [
        "*/5 * * * *",
        "0 15 10 ? * MON-FRI",
        "0 0 12 L * ?",
        "0 0 12 1 * MON", // an error: both day fields
        "0 5 9 ? * 6#3",
        "@daily",
        "# a comment",
        "0 0 0 30 2 ?", // never fires
    ];
    for i in 0..2_000_000 {
        text.push_str(exprs[i % exprs.len()]);
        text.push('\n');
    }
    fs::write(&file, &text).expect("write the input");
    drop(text);
    let started = Instant::now();
    let mut child = cronkit()
        .args(["validate", "--format", "json", "-f"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start validate");
    let pid = child.id();
    let mut stdout = child.stdout.take().expect("stdout");
    // drain the findings in another thread while sampling the child's memory
    let reader = std::thread::spawn(move || {
        let mut n = 0usize;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => return n,
                Ok(k) => n += k,
            }
        }
    });
    let mut peak = 0;
    while child.try_wait().expect("poll").is_none() {
        if let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let bytes = reader.join().expect("reader");
    let elapsed = started.elapsed();
    let _ = fs::remove_dir_all(&dir);
    println!(
        "validate, 2 000 000 lines ({} MB in, {} MB of JSON findings out): peak RSS {} KiB ({:.1} MB), {:.2} s",
        (2_000_000 * 14) >> 20,
        bytes >> 20,
        peak,
        peak as f64 / 1024.0,
        elapsed.as_secs_f64()
    );
    assert!(peak > 0, "could not read /proc/{pid}/status");
    assert!(peak < 64 * 1024, "peak RSS {peak} KiB ≥ 64 MB");
}

#[test]
#[ignore = "measures time: run in release with --ignored"]
fn croneval_ten_million_into_head_ends_at_once() {
    for format in ["text", "iso", "json", "table", "calendar"] {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_croneval"))
            .args(["* * * * * ?", "-c", "10000000", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start croneval");
        let mut out = child.stdout.take().expect("stdout");
        let mut first = vec![0u8; 4096];
        let _ = out.read(&mut first);
        let first_output = started.elapsed();
        let closed = Instant::now();
        drop(out);
        let status = child.wait().expect("wait");
        let to_exit = closed.elapsed();
        println!(
            "croneval -c 10000000 --format {format} | head: first output after {:.1} ms, exit {:?} {:.1} ms after the pipe closed",
            first_output.as_secs_f64() * 1e3,
            status.code(),
            to_exit.as_secs_f64() * 1e3
        );
        assert_eq!(status.code(), Some(0));
        assert!(to_exit < Duration::from_secs(1), "{format}: {to_exit:?}");
        assert!(
            first_output < Duration::from_secs(1),
            "{format}: {first_output:?}"
        );
    }
}

/// The hardest inputs found for the search: schedules that never fire, fire once
/// near the end of the range, fire every second but only long ago, or only inside
/// DST gaps and overlaps.
const WORST: &[(&str, &str)] = &[
    ("0 0 0 30 2 ?", "never fires: February 30"),
    ("0 0 0 31W 2 ?", "never fires: 31W in February"),
    ("0 0 0 29 2 ? 2100", "never fires: 2100 is not a leap year"),
    (
        "0 0 0 ? 2 2#5 2101-2120",
        "5th Monday of February, 2101-2120: once",
    ),
    ("0 0 0 29 2 ? 2196", "once, near the end of the range"),
    ("59 59 23 31 12 ? 2199", "the last second of the range"),
    (
        "0 0 0 ? 2 2#5",
        "5th Monday of February: a few times a century",
    ),
    (
        "0 0 0 ? 2 2#5 2190-2199",
        "5th Monday of February, 2190-2199",
    ),
    (
        "* * * * * ? 1970",
        "every second, only in 1970 (--prev from 2199)",
    ),
    (
        "* * * ? * * 1970",
        "every second, only in 1970, day-of-week form",
    ),
    (
        "* * 2 ? 3 1#2",
        "every second of the hour that New York skips (2007+)",
    ),
    (
        "* * 1 ? 3,10 1L",
        "every second of 01:xx on the last Sundays of March and October (London)",
    ),
    (
        "* * 1 ? 11 1#1",
        "every second of the hour New York repeats",
    ),
    (
        "* 0-29 2 ? 10 1#1",
        "every second of Lord Howe's 30-minute gap",
    ),
    ("0 0/1 * * * ?", "every minute, for comparison"),
];

#[test]
#[ignore = "measures time: run in release with --ignored"]
fn worst_expressions_take_under_a_second_each() {
    let zones = [
        "UTC",
        "America/New_York",
        "Australia/Lord_Howe",
        "Europe/London",
    ];
    let starts = [
        0i64,          // 1970
        1_798_761_600, // 2027
        4_102_444_800, // 2100
        7_258_118_399, // 2199-12-31T23:59:59Z
    ];
    let mut slowest = (Duration::ZERO, String::new());
    for (text, what) in WORST {
        let s = Schedule::parse(text, DialectChoice::Auto)
            .unwrap_or_else(|d| panic!("{text}: {}", d.render()));
        let started = Instant::now();
        let mut fired = 0usize;
        for zone in zones {
            let z = Zone::parse(zone).expect("zone");
            for dst in DstPolicy::ALL {
                for &t in &starts {
                    fired += s.iter_after(t, &z, dst).take(20).count();
                    fired += s.iter_before(t, &z, dst).take(20).count();
                }
            }
        }
        let per_query = started.elapsed() / (zones.len() * 3 * starts.len() * 2) as u32;
        println!(
            "{text:28} {what:70} {fired:5} times, {:>9.1} µs per 20-time query",
            per_query.as_secs_f64() * 1e6
        );
        if per_query > slowest.0 {
            slowest = (per_query, text.to_string());
        }
        assert!(per_query < Duration::from_secs(1), "{text}: {per_query:?}");
    }
    println!("slowest: {} ({:?} per query)", slowest.1, slowest.0);
    // and whole processes: croneval and validate per expression
    for (text, _) in WORST {
        for args in [
            vec![
                "croneval",
                text,
                "-c",
                "100",
                "--tz",
                "America/New_York",
                "--dst",
                "skip",
                "--format",
                "iso",
            ],
            vec![
                "croneval",
                text,
                "-c",
                "100",
                "--prev",
                "--from",
                "2199-12-31T23:59:59Z",
                "--tz",
                "Australia/Lord_Howe",
                "--dst",
                "quartz",
                "--format",
                "iso",
            ],
            vec!["validate", "-e", text, "--tz", "America/New_York"],
        ] {
            let started = Instant::now();
            let out = cronkit().args(&args).output().expect("run");
            let took = started.elapsed();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
            assert!(took < Duration::from_secs(1), "{args:?}: {took:?}");
        }
    }
}
