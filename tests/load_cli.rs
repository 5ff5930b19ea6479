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

fn croneval(args: &[&str]) -> Out {
    let o = Command::cargo_bin("croneval")
        .unwrap()
        .env("TZ", "UTC")
        .args(args)
        .output()
        .unwrap();
    Out {
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// Jenkins' own expectations (CronTabTest.java:264 and :346-355), through the CLI.
#[test]
fn jenkins_profile_gives_jenkins_times_with_a_key() {
    let o = croneval(&[
        "--dialect",
        "jenkins",
        "--hash-key",
        "stuff",
        "H 17 * * *",
        "--from",
        "2013-03-21T16:21:00Z",
        "-c",
        "1",
        "--format",
        "iso",
    ]);
    assert_eq!(o.stdout, "2013-03-21T17:56:00Z\n", "{}", o.stderr);
    // two lines share the hash: minutes 35 and 56; TZ= skipped, comments skipped
    let o = croneval(&[
        "--dialect",
        "jenkins",
        "--hash-key",
        "seed",
        "TZ=Australia/Sydney\n# two\nH * * * *\nH * * * *",
        "--from",
        "2013-04-03T11:00:00Z",
        "-c",
        "3",
        "--format",
        "iso",
    ]);
    assert_eq!(
        o.stdout, "2013-04-03T11:35:00Z\n2013-04-03T11:56:00Z\n2013-04-03T12:35:00Z\n",
        "{}",
        o.stderr
    );
}

#[test]
fn jenkins_without_a_key_explains_the_range_and_croneval_asks_for_it() {
    let o = croneval(&["--dialect", "jenkins", "H * * * *"]);
    assert_eq!(o.code, Some(1));
    assert!(o.stderr.contains("--hash-key"), "{}", o.stderr);
    let o = run(&["explain", "--dialect", "jenkins", "H * * * *"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert!(
        o.stdout
            .starts_with("Once an hour, at a minute chosen per job (0–59)"),
        "{}",
        o.stdout
    );
    let o = run(&["explain", "--dialect", "jenkins", "@midnight"]);
    assert!(
        o.stdout.starts_with("Once a day between 00:00 and 02:59"),
        "{}",
        o.stdout
    );
    // with the key: "folder/job" draws nextInt(60)=16, nextInt(3)=0
    let o = run(&[
        "explain",
        "--dialect",
        "jenkins",
        "--hash-key",
        "folder/job",
        "@midnight",
    ]);
    assert!(o.stdout.contains("`16 0 * * *`"), "{}", o.stdout);
    assert!(o.stdout.contains("At 00:16"), "{}", o.stdout);
}

/// Jenkins reads numbers only and ANDs the day fields; every wall-clock minute is
/// checked, so a repeated hour runs twice and a skipped one not at all
/// (Trigger.Cron.doRun, CronTab.check).
#[test]
fn jenkins_profile_rules() {
    let o = run(&["explain", "--dialect", "jenkins", "0 0 * * MON"]);
    assert_eq!(o.code, Some(1));
    let o = run(&["explain", "--dialect", "jenkins", "0 0 13 * 5"]);
    assert!(o.stdout.contains("if it falls on Friday"), "{}", o.stdout);
    let o = croneval(&[
        "--dialect",
        "jenkins",
        "30 1 * * *",
        "--tz",
        "America/New_York",
        "--from",
        "2026-10-31T12:00:00Z",
        "-c",
        "2",
        "--format",
        "iso",
    ]);
    assert_eq!(
        o.stdout,
        "2026-11-01T01:30:00-04:00\n2026-11-01T01:30:00-05:00\n"
    );
    let o = croneval(&[
        "--dialect",
        "jenkins",
        "30 2 * * *",
        "--tz",
        "America/New_York",
        "--from",
        "2026-03-07T12:00:00Z",
        "-c",
        "1",
        "--format",
        "iso",
    ]);
    assert_eq!(o.stdout, "2026-03-09T02:30:00-04:00\n");
}
