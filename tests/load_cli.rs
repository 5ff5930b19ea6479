//! `convert --spread` (and the other load features) end to end.
//!
//! Expected times come from Jenkins' draw, computed with OpenJDK 17's
//! `java.util.Random` seeded as `hudson.scheduler.Hash.from` seeds it (see
//! tests/jenkins_hash.rs for the seeds), each from a fresh `Random` of the key:
//! "nightly" nextInt(60)=1 then nextInt(3)=2 (Jenkins' `H H(0-2)`), and
//! nextInt(15)=1 (`H/15`); "folder/job" nextInt(60)=16 then nextInt(3)=0;
//! "org/repo/main" nextInt(90)=22.

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
fn spread_draws_afresh_for_each_expression() {
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
    // minute 1, hour 0 + 2 → 02:01 for both fixed times; the step's phase 1
    assert_eq!(o.stdout, "1 2 * * *\n1 2 * * *\n1-59/15 * * * *\n");
    assert_eq!(
        o.stderr.matches("not an equivalent").count(),
        3,
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("\"At 02:01\""), "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "the time moves to 02:01 in the window 00:00–03:00, as Jenkins' `H H(0-2)` does for this key"
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("starts at minute 1 instead of 0, as Jenkins' `H/15` does for this key"),
        "{}",
        o.stderr
    );
}

/// What `convert --spread KEY` writes is what Jenkins runs for the matching `H` line
/// of a job named KEY (`cronkit::jenkins`, pinned to Jenkins' own code by
/// tests/jenkins_hash.rs), for every key and every kind of spread.
#[test]
fn spread_is_jenkins_h_for_the_same_key() {
    // (window, expressions to spread, the Jenkins line each becomes)
    type Case<'a> = (Option<&'a str>, &'a [(&'a str, &'a str)]);
    let cases: [Case; 3] = [
        (
            None,
            &[
                ("*/15 * * * *", "H/15 * * * *"),
                ("*/10 9-17 * * 1-5", "H/10 9-17 * * 1-5"),
                ("0 * * * *", "H * * * *"),
                ("@hourly", "@hourly"),
                ("0 3 * * *", "H 3 * * *"),
            ],
        ),
        (
            Some("00:00-03:00"),
            &[("0 0 * * *", "@midnight"), ("@daily", "H H(0-2) * * *")],
        ),
        (
            Some("20:00-24:00"),
            &[("30 22 * * 1-5", "H H(20-23) * * 1-5")],
        ),
    ];
    for key in [
        "nightly",
        "folder/job",
        "org/repo/main",
        "a",
        "team/ci/job-42",
        "ünïcode",
    ] {
        for (window, pairs) in cases {
            let mut args = vec!["convert", "--spread", key];
            if let Some(w) = window {
                args.extend(["--spread-window", w]);
            }
            for (expr, _) in pairs {
                args.extend(["-e", expr]);
            }
            let o = run(&args);
            assert_eq!(o.code, Some(0), "{}", o.stderr);
            let got: Vec<&str> = o.stdout.lines().collect();
            for ((expr, line), got) in pairs.iter().zip(got) {
                let jenkins = cronkit::jenkins::resolve(line, Some(key)).unwrap();
                let want = jenkins.lines[0].tab.to_unix();
                // the same schedule (Jenkins lists a step's minutes: `1,16,31,46`)
                let parse =
                    |t: &str| cronkit::Schedule::parse(t, cronkit::DialectChoice::Unix).unwrap();
                assert_eq!(
                    parse(got).bits(),
                    parse(&want).bits(),
                    "{key}: `{expr}` spread to `{got}`, Jenkins `{line}` is `{want}`"
                );
                assert_eq!(parse(got), parse(&want), "{key}: `{got}` vs `{want}`");
            }
        }
    }
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
