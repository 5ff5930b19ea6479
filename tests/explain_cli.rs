//! `cronkit explain` end to end: arguments, stdin streaming, `--12h`, `--fields`,
//! `--next`, JSON, diagnostics and exit codes.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;

fn explain() -> Command {
    let mut c = Command::cargo_bin("cronkit").expect("cronkit binary");
    c.arg("explain");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

fn stdout_of(c: &mut Command) -> (String, String, i32) {
    let out = c.output().expect("run");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn one_sentence_per_expression() {
    let (out, err, code) = stdout_of(explain().args(["0 15 10 ? * MON-FRI", "0 0 12 L * ?"]));
    assert_eq!(
        out,
        "0 15 10 ? * MON-FRI: At 10:15, Monday through Friday\n0 0 12 L * ?: At 12:00 on the last day of the month\n"
    );
    assert_eq!(err, "");
    assert_eq!(code, 0);
}

#[test]
fn spec_examples_from_the_command_line() {
    let (out, _, code) = stdout_of(explain().args([
        "0 0/1 * * * ?",
        "0 15 10 ? * MON-FRI",
        "0 0 12 L * ?",
        "0 5 9 ? * 6#3",
        "0 0 0 30 2 ?",
    ]));
    assert_eq!(
        out,
        "0 0/1 * * * ?: Every minute\n\
         0 15 10 ? * MON-FRI: At 10:15, Monday through Friday\n\
         0 0 12 L * ?: At 12:00 on the last day of the month\n\
         0 5 9 ? * 6#3: At 09:05 on the third Friday of the month\n\
         0 0 0 30 2 ?: At 00:00 on February 30 — never fires: February has no 30th\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn twelve_hour_clock() {
    let (out, _, _) = stdout_of(explain().args(["--12h", "0 0/15 9-17 * * ?", "0 0 0 * * ?"]));
    assert_eq!(
        out,
        "0 0/15 9-17 * * ?: Every 15 minutes from 9:00 AM through 5:45 PM\n0 0 0 * * ?: At 12:00 AM\n"
    );
}

#[test]
fn dialect_flag_changes_the_reading() {
    // six fields: Quartz by default (rejected, both day fields set), Unix with seconds first
    let (out, _, code) = stdout_of(explain().args(["--dialect", "unix", "0 0 12 1 * MON"]));
    assert_eq!(out, "At 12:00 on day 1 of the month or on Monday\n");
    assert_eq!(code, 0);
    // weekday numbering follows the dialect
    let (q, _, _) = stdout_of(explain().args(["--dialect", "quartz", "0 0 12 ? * 1-5"]));
    let (u, _, _) = stdout_of(explain().args(["--dialect", "unix", "0 12 * * 1-5"]));
    assert_eq!(q, "At 12:00, Sunday through Thursday\n");
    assert_eq!(u, "At 12:00, Monday through Friday\n");
}

#[test]
fn invalid_input_prints_the_shared_diagnostic_and_exits_1() {
    let (out, err, code) = stdout_of(explain().args(["0 0 12 1 * MON", "0 0 12 ? * MON"]));
    // the valid one is still described
    assert_eq!(out, "0 0 12 ? * MON: At 12:00 on Monday\n");
    assert_eq!(code, 1);
    // exactly what croneval prints for the same text
    let ce = Command::cargo_bin("croneval")
        .expect("croneval binary")
        .args([
            "0 0 12 1 * MON",
            "--dialect",
            "auto",
            "--from",
            "2026-01-01T00:00:00Z",
        ])
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run croneval");
    let ce_err = String::from_utf8(ce.stderr).expect("utf-8");
    assert_eq!(err, ce_err);
    assert!(err.starts_with("error[both-day-fields]: "), "{err}");
    assert!(
        err.contains("  | 0 0 12 1 * MON\n  |        ^   ^^^\n"),
        "{err}"
    );
}

#[test]
fn stdin_one_description_per_line() {
    let input = "0 0 12 L * ?\n\n# a comment\n*/15 9-17 * * 1-5\r\n0 0 12 1 * MON\n@reboot\n";
    let (out, err, code) = stdout_of(explain().arg("-").write_stdin(input));
    assert_eq!(
        out,
        "0 0 12 L * ?: At 12:00 on the last day of the month\n\
         */15 9-17 * * 1-5: Every 15 minutes from 09:00 through 17:45, Monday through Friday\n\
         @reboot: At startup\n"
    );
    // the bad line is named by its line number, then the usual diagnostic
    assert!(
        err.starts_with("<stdin>:5:1:\nerror[both-day-fields]"),
        "{err}"
    );
    assert_eq!(code, 1);
}

#[test]
fn stdin_streams_line_by_line() {
    // write one line, read its description while stdin is still open
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("cronkit"))
        .args(["explain", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    for (input, want) in [
        (
            "0 0 12 L * ?\n",
            "0 0 12 L * ?: At 12:00 on the last day of the month\n",
        ),
        ("@hourly\n", "@hourly: Every hour\n"),
    ] {
        stdin.write_all(input.as_bytes()).expect("write");
        stdin.flush().expect("flush");
        line.clear();
        stdout.read_line(&mut line).expect("read");
        assert_eq!(line, want);
    }
    drop(stdin);
    assert!(child.wait().expect("wait").success());
}

#[test]
fn fields_table() {
    let (out, _, code) = stdout_of(explain().args(["--fields", "0 */59 9-17 ? * 2-6"]));
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("At minutes 0 and 59 past the hour, from 09:00 through 17:59, Monday through Friday")
    );
    for want in [
        "field",
        "text",
        "meaning",
        "minutes 0 and 59",
        "hours 9 through 17",
        "no specific value (day-of-week decides)",
        "Monday through Friday",
        "every year",
        "(not written)",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    // Unix OR is explained in the day rows
    let (out, _, _) = stdout_of(explain().args(["--fields", "0 12 1 * MON"]));
    assert!(
        out.contains(
            "day 1 of the month — or the day-of-week (Vixie cron ORs restricted day fields)"
        ),
        "{out}"
    );
    // a nickname shows what it stands for
    let (out, _, _) = stdout_of(explain().args(["--fields", "@weekly"]));
    assert!(out.contains("0 (from @weekly)"), "{out}");
    assert!(out.contains("Sunday"), "{out}");
}

#[test]
fn next_fire_times_under_the_sentence() {
    // 2026-11-21 is a Saturday (spec §4): the next weekday 10:15 is Monday the 23rd
    let (out, _, code) = stdout_of(explain().args([
        "0 15 10 ? * MON-FRI",
        "--next",
        "3",
        "--from",
        "2026-11-21T08:30:00Z",
    ]));
    assert_eq!(
        out,
        "At 10:15, Monday through Friday\n  2026-11-23T10:15:00Z Mon\n  2026-11-24T10:15:00Z Tue\n  2026-11-25T10:15:00Z Wed\n"
    );
    assert_eq!(code, 0);
    // in a zone: 10:15 in Paris is 09:15Z in November (CET, +01:00)
    let (out, _, _) = stdout_of(explain().args([
        "0 15 10 ? * MON-FRI",
        "--next",
        "1",
        "--from",
        "2026-11-21T08:30:00Z",
        "--tz",
        "Europe/Paris",
    ]));
    assert_eq!(
        out,
        "At 10:15, Monday through Friday\n  2026-11-23T10:15:00+01:00 Mon\n"
    );
    // DST policy: 02:30 does not exist in New York on 2026-03-08
    let run = |dst: &str| {
        stdout_of(explain().args([
            "0 30 2 * * ?",
            "--next",
            "1",
            "--from",
            "2026-03-08T00:00:00Z",
            "--tz",
            "America/New_York",
            "--dst",
            dst,
        ]))
        .0
    };
    assert_eq!(run("shift"), "At 02:30\n  2026-03-08T03:30:00-04:00 Sun\n");
    assert_eq!(run("quartz"), "At 02:30\n  2026-03-09T02:30:00-04:00 Mon\n");
}

#[test]
fn next_without_fire_times_exits_1() {
    let (out, _, code) = stdout_of(explain().args(["@reboot", "--next", "2"]));
    assert_eq!(
        out,
        "At startup\n  (no fire times: @reboot runs once when cron starts, never by the clock)\n"
    );
    assert_eq!(code, 1);
    let (out, _, code) = stdout_of(explain().args(["0 0 0 30 2 ?", "--next", "2"]));
    assert!(
        out.ends_with("  (no fire times: the schedule never fires)\n"),
        "{out}"
    );
    assert_eq!(code, 1);
    let (_, _, code) =
        stdout_of(explain().args(["0 0 12 * * ? 2020", "--next", "2", "--from", "2026-01-01"]));
    assert_eq!(code, 1);
}

#[test]
fn zone_options_need_next() {
    let (_, err, code) = stdout_of(explain().args(["0 0 12 * * ?", "--tz", "UTC"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("--tz only applies with --next N or --from T"),
        "{err}"
    );
}

#[test]
fn json_output() {
    let (out, err, code) = stdout_of(explain().args([
        "--format",
        "json",
        "0 5 9 ? * 6#3",
        "0 0 12 1 * MON",
        "--next",
        "2",
        "--from",
        "2026-01-01T00:00:00Z",
    ]));
    assert_eq!(code, 1);
    assert!(err.contains("error[both-day-fields]"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let a = v.as_array().expect("an array");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0]["expression"], "0 5 9 ? * 6#3");
    assert_eq!(a[0]["dialect"], "quartz");
    assert_eq!(
        a[0]["description"],
        "At 09:05 on the third Friday of the month"
    );
    assert_eq!(a[0]["never_fires"], false);
    // third Fridays of January and February 2026: the 16th and the 20th
    assert_eq!(
        a[0]["next"],
        serde_json::json!(["2026-01-16T09:05:00Z", "2026-02-20T09:05:00Z"])
    );
    let fields = a[0]["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 7);
    assert_eq!(fields[5]["field"], "day-of-week");
    assert_eq!(fields[5]["text"], "6#3");
    assert_eq!(fields[5]["meaning"], "the third Friday of the month");
    assert_eq!(a[1]["error"]["code"], "both-day-fields");
    assert_eq!(a[1]["error"]["span"], serde_json::json!([7, 8]));
}

#[test]
fn json_with_no_input_lines_is_an_empty_array() {
    let (out, _, code) = stdout_of(explain().args(["--format", "json", "-"]).write_stdin(""));
    assert_eq!(out, "[]\n");
    assert_eq!(code, 0);
}

#[test]
fn help_has_examples() {
    let (out, _, code) = stdout_of(explain().arg("--help"));
    assert_eq!(code, 0);
    assert!(out.contains("Examples:"), "{out}");
    assert!(out.contains("--12h"), "{out}");
}

#[test]
fn croneval_detail_uses_the_field_describer() {
    let out = Command::cargo_bin("croneval")
        .expect("croneval binary")
        .args([
            "0 */59 9-17 ? * 2-6",
            "-d",
            "-c",
            "1",
            "--from",
            "2026-01-01T00:00:00Z",
        ])
        .output()
        .expect("run");
    let s = String::from_utf8(out.stdout).expect("utf-8");
    assert!(s.contains("minutes 0 and 59"), "{s}");
    assert!(s.contains("Monday through Friday"), "{s}");
}

/// An interval schedule is described as one (never as clock times), and
/// `--next` counts from `--from`. Times: robfig oracle, `@every 90m` from
/// 2026-01-01T00:00:00Z gives 01:30, 03:00 (see tests/croneval_cli.rs).
#[test]
fn interval_schedules() {
    let (out, err, code) =
        stdout_of(explain().args(["--dialect", "k8s", "@every 5m", "@every 1h30m", "@every 1m"]));
    assert_eq!(
        out,
        "@every 5m: Every 5 minutes, counted from when the schedule starts\n\
         @every 1h30m: Every 1 hour and 30 minutes, counted from when the schedule starts\n\
         @every 1m: Every minute, counted from when the schedule starts\n"
    );
    assert_eq!((err.as_str(), code), ("", 0));
    let (out, _, code) = stdout_of(explain().args(["--dialect", "eventbridge", "rate(12 hours)"]));
    assert_eq!(
        out,
        "Every 12 hours, counted from when the schedule starts\n"
    );
    assert_eq!(code, 0);
    let (out, _, _) = stdout_of(explain().args([
        "--dialect",
        "k8s",
        "--next",
        "2",
        "--from",
        "2026-01-01T00:00:00Z",
        "@every 90m",
    ]));
    assert_eq!(
        out,
        "Every 1 hour and 30 minutes, counted from when the schedule starts\n  2026-01-01T01:30:00Z Thu\n  2026-01-01T03:00:00Z Thu\n"
    );
    let (out, _, _) =
        stdout_of(explain().args(["--dialect", "k8s", "--format", "json", "@every 90s"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["interval_seconds"], 90);
    assert_eq!(v[0]["dialect"], "k8s");
    assert_eq!(v[0]["fields"].as_array().map(Vec::len), Some(0));
    let (_, err, code) = stdout_of(explain().args(["--dialect", "eventbridge", "rate(1 hours)"]));
    assert_eq!(code, 1);
    assert!(err.contains("error[eventbridge-rate]"), "{err}");
}

/// A document's interval is described like `@every`; an OpenSearch job's
/// `start_time` is where its count starts, so `--next` counts from it, not from
/// `--from`. start_time 1767225720000 ms = 2026-01-01T00:02:00Z, every 7
/// minutes: 00:02 + 9 × 7 min = 01:05 is the first time after 01:00
/// (arithmetic from the job scheduler's interval definition, docs/convert.md).
#[test]
fn document_intervals_are_described_and_count_from_their_start() {
    let doc =
        r#"{"schedule":{"interval":{"start_time":1767225720000,"period":7,"unit":"Minutes"}}}"#;
    let (out, err, code) = stdout_of(
        explain()
            .args(["--input", "opensearch", "--next", "2"])
            .args(["--from", "2026-01-01T01:00:00Z", "-"])
            .write_stdin(doc),
    );
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(
        out,
        "<stdin>:1: Every 7 minutes, counted from when the schedule starts\n  \
         2026-01-01T01:05:00Z Thu\n  2026-01-01T01:12:00Z Thu\n"
    );
    // before the start time, the first fire time is the start time itself
    let (out, _, _) = stdout_of(
        explain()
            .args(["--input", "opensearch", "--next", "1"])
            .args(["--from", "2025-12-31T00:00:00Z", "-"])
            .write_stdin(doc),
    );
    assert!(out.ends_with("  2026-01-01T00:02:00Z Thu\n"), "{out}");
}
