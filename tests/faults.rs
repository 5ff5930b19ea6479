//! Faults of the output and of endless input (issue #10): a full disk on
//! stderr or stdout, a reader that closes the pipe early, `--help` and
//! `--version` that cannot be written, a line that never ends. No case may
//! panic (exit 101) or hang; each ends with the documented exit code.

use std::fs::OpenOptions;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn bin(name: &str) -> PathBuf {
    PathBuf::from(match name {
        "croneval" => env!("CARGO_BIN_EXE_croneval"),
        _ => env!("CARGO_BIN_EXE_cronkit"),
    })
}

fn dev_full() -> Option<std::fs::File> {
    OpenOptions::new().write(true).open("/dev/full").ok()
}

/// The repro: `croneval '0 0 0 30 2 ?' 2>/dev/full` panicked (exit 101).
#[test]
fn a_full_stderr_exits_2_without_panic() {
    let Some(full) = dev_full() else {
        eprintln!("no /dev/full here; skipped");
        return;
    };
    for (program, args) in [
        ("croneval", vec!["0 0 0 30 2 ?"]),
        (
            "cronkit",
            vec!["validate", "-e", "0 0 0 30 2 ?", "--format", "json"],
        ),
        (
            "cronkit",
            vec!["convert", "-e", "0 0 0 ? * MON-FRI", "-e", "1 2 3 4 5"],
        ),
        ("cronkit", vec!["explain", "0 0 0 30 2"]),
        ("cronkit", vec!["validate", "--bogus-flag"]),
    ] {
        let out = Command::new(bin(program))
            .args(&args)
            .stdout(Stdio::null())
            .stderr(full.try_clone().expect("clone"))
            .status()
            .expect("run");
        assert_eq!(out.code(), Some(2), "{program} {args:?}");
    }
}

/// A closed stderr is ignored, as a closed stdout is.
#[test]
fn a_closed_stderr_pipe_is_ignored() {
    let mut child = Command::new(bin("croneval"))
        .args(["0 0 0 30 2 ?"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stderr.take());
    let status = child.wait().expect("wait");
    // never fires: exit 1, as with an open stderr
    assert_eq!(status.code(), Some(1));
}

/// `--help` and `--version` to a full disk: an error, not exit 0.
#[test]
fn help_and_version_report_a_failed_write() {
    let Some(full) = dev_full() else {
        eprintln!("no /dev/full here; skipped");
        return;
    };
    for (program, args) in [
        ("cronkit", vec!["--help"]),
        ("cronkit", vec!["--version"]),
        ("cronkit", vec!["validate", "--help"]),
        ("croneval", vec!["--help"]),
        ("croneval", vec!["--version"]),
    ] {
        let out = Command::new(bin(program))
            .args(&args)
            .stdout(full.try_clone().expect("clone"))
            .stderr(Stdio::piped())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{program} {args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("error: writing output"),
            "{program} {args:?}: {err}"
        );
        // and with a working stdout, exit 0
        let ok = Command::new(bin(program))
            .args(&args)
            .output()
            .expect("run");
        assert_eq!(ok.status.code(), Some(0), "{program} {args:?}");
    }
}

/// `validate --format json | head -1` said "Broken pipe" and exited 2: a
/// reader that stops early is a normal end in every format.
#[test]
fn broken_pipes_are_quiet_in_every_format() {
    let dir = std::env::temp_dir().join(format!("cronkit-faults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("many.txt");
    std::fs::write(&file, "0 0 0 30 2 ?\n".repeat(5000)).expect("write");
    let f = file.to_str().expect("utf-8");
    let long_list = "0 0 * * *\n".repeat(20_000);
    let list = dir.join("list.txt");
    std::fs::write(&list, &long_list).expect("write");
    let l = list.to_str().expect("utf-8");
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("cronkit", vec!["validate", "--format", "text", "-f", f]),
        ("cronkit", vec!["validate", "--format", "json", "-f", f]),
        ("cronkit", vec!["validate", "--format", "github", "-f", f]),
        ("croneval", vec!["* * * * * ?", "-c", "100000"]),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "100000", "--format", "json"],
        ),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "100000", "--format", "iso"],
        ),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "20000", "--format", "table"],
        ),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "100000", "--format", "calendar"],
        ),
        ("cronkit", vec!["convert", l]),
        ("cronkit", vec!["convert", "--format", "json", l]),
        ("cronkit", vec!["explain", "--next", "100000", "0 * * * *"]),
        (
            "cronkit",
            vec![
                "explain",
                "--format",
                "json",
                "--next",
                "100000",
                "0 * * * *",
            ],
        ),
    ];
    for (program, args) in cases {
        let mut child = Command::new(bin(program))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        stdout.read_line(&mut first).expect("first line");
        drop(stdout);
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("stderr");
        let status = child.wait().expect("wait");
        assert!(
            matches!(status.code(), Some(0 | 1)),
            "{program} {args:?}: exit {:?}, stderr {err}",
            status.code()
        );
        assert!(
            !err.to_lowercase().contains("broken pipe") && !err.contains("panicked"),
            "{program} {args:?}: {err}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// An endless line is reported when it passes the limit, not at a newline
/// that never comes: the finding arrives while the input is still open.
#[test]
fn an_endless_line_is_reported_before_it_ends() {
    let mut child = Command::new(bin("cronkit"))
        .args(["validate", "-f", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        let _ = tx.send(first);
    });
    // 2 MiB of one line, and the pipe stays open
    let chunk = vec![b'y'; 64 * 1024];
    for _ in 0..32 {
        stdin.write_all(&chunk).expect("write");
    }
    // a hang guard, not a timing assertion: the old reader waited forever
    let first = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("no finding while the line was still open");
    assert!(first.contains("line-too-long"), "{first}");
    drop(stdin);
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(1));
}

/// `validate -f /dev/zero` read forever and printed nothing: now it reports
/// the line and gives up on the input after the skip limit (exit 2).
#[test]
fn validate_dev_zero_ends_with_a_diagnostic() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    // detected: NUL bytes make it a binary file, skipped with one note
    let out = Command::new(bin("cronkit"))
        .args(["validate", "-f", "/dev/zero"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("skipped: a binary file"), "{stderr}");
    // forced to be read as lines: the endless line is reported
    let out = Command::new(bin("cronkit"))
        .args(["validate", "--input", "lines", "-f", "/dev/zero"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stdout.contains("line-too-long"), "{stdout}");
    assert!(stderr.contains("has no end within"), "{stderr}");
}
