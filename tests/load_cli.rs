//! `convert --spread` (and the other load features) end to end.
//!
//! Expected times come from Jenkins' draw, computed with OpenJDK 17's
//! `java.util.Random` seeded as `hudson.scheduler.Hash.from` seeds it (see
//! tests/jenkins_hash.rs for the seeds): "nightly" nextInt(180)=61, then
//! nextInt(180)=17, then nextInt(15)=4; "folder/job" nextInt(180)=16 and
//! nextInt(60)=16; "org/repo/main" nextInt(90)=22.

use assert_cmd::Command;

fn cronkit() -> Command {
    let mut c = Command::cargo_bin("cronkit").unwrap();
    c.env("TZ", "UTC")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    c
}

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Out {
    let o = cronkit().args(args).output().unwrap();
    Out {
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

#[test]
fn spread_draws_one_after_another_like_a_jenkins_trigger() {
    let o = run(&[
        "convert",
        "--spread",
        "nightly",
        "--spread-window",
        "00:00-03:00",
        "-e",
        "0 0 * * *",
        "-e",
        "@daily",
        "-e",
        "*/15 * * * *",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    // 61 → 01:01; 17 → 00:17; the step's phase 4
    assert_eq!(o.stdout, "1 1 * * *\n17 0 * * *\n4-59/15 * * * *\n");
    assert_eq!(
        o.stderr.matches("not an equivalent").count(),
        3,
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("\"At 01:01\""), "{}", o.stderr);
    assert!(
        o.stderr
            .contains("minute 61 of the 180-minute window 00:00–03:00"),
        "{}",
        o.stderr
    );
}

#[test]
fn spread_keeps_the_hour_without_a_window_and_keeps_quartz_quartz() {
    let o = run(&["convert", "--spread", "folder/job", "-e", "0 0 * * *"]);
    assert_eq!(o.stdout, "16 0 * * *\n");
    // 22:30 + 22 minutes
    let o = run(&[
        "convert",
        "--spread",
        "org/repo/main",
        "--spread-window",
        "22:30-24:00",
        "-e",
        "0 0 22 ? * MON-FRI",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stdout, "0 52 22 ? * MON-FRI\n");
}

#[test]
fn spread_json() {
    let o = run(&[
        "convert",
        "--spread",
        "folder/job",
        "--spread-window",
        "00:00-03:00",
        "-e",
        "0 0 * * 1-5",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v[0]["expression"], "16 0 * * 1-5");
    assert_eq!(v[0]["equivalent"], false);
    assert_eq!(v[0]["window"], "00:00–03:00");
    assert_eq!(v[0]["description"], "At 00:16, Monday through Friday");
}

#[test]
fn spread_refusals() {
    let o = run(&["convert", "--spread", "k", "-e", "0,30 * * * *"]);
    assert_eq!(o.code, Some(1));
    assert!(
        o.stderr.contains("neither one minute nor a step"),
        "{}",
        o.stderr
    );
    let o = run(&[
        "convert",
        "--spread",
        "k",
        "--spread-window",
        "03:00-01:00",
        "-e",
        "0 0 * * *",
    ]);
    assert_eq!(o.code, Some(2));
    let o = run(&[
        "convert",
        "--spread",
        "k",
        "--to",
        "quartz",
        "-e",
        "0 0 * * *",
    ]);
    assert_eq!(o.code, Some(2));
    let o = run(&[
        "convert",
        "--spread-window",
        "00:00-03:00",
        "-e",
        "0 0 * * *",
    ]);
    assert_eq!(o.code, Some(2), "the window needs --spread");
    let o = cronkit()
        .args(["convert", "--spread", "k"])
        .write_stdin("{\"trigger\":{\"schedule\":{\"daily\":{}}}}")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn spread_reads_lines_and_never_echoes_control_characters() {
    let o = cronkit()
        .args(["convert", "--spread", "folder/job"])
        .write_stdin("# nightly jobs\n0 0 * * *\n\n0 4 * * *\u{1b}[31m\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(stdout, "16 0 * * *\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
}
