//! End-to-end tests of `croneval` (and `cronkit croneval`): every option, format and
//! error path, run as a user runs them, with a fixed `--from` and a fixed `TZ`.
//!
//! Expected fire times come from the Quartz 2.3.2 oracle
//! (`../shared/oracles/quartz/run.sh`, quoted as "Quartz:") or from reasoning
//! written next to them; never from cronkit's own output. Calendar facts used
//! throughout: 2026-11-01 is a Sunday, so 2026-11-21 is a Saturday and 2026-12-01 a
//! Tuesday; 2026-07-01 is a Wednesday.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use serde_json::Value;

/// "Now" in most tests: Saturday 21 November 2026, 08:30:00 UTC.
const FROM: &str = "2026-11-21T08:30:00Z";

fn bin(name: &str) -> &'static str {
    match name {
        "croneval" => env!("CARGO_BIN_EXE_croneval"),
        _ => env!("CARGO_BIN_EXE_cronkit"),
    }
}

/// `croneval` with a clean, fixed environment: TZ=UTC, no colour variables.
fn croneval() -> Command {
    let mut c = Command::new(bin("croneval"));
    c.env("TZ", "UTC")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    c
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Out {
    run_env(args, &[])
}

fn run_env(args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut c = croneval();
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.args(args).output().expect("croneval runs");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(o.stderr).expect("utf-8 stderr"),
    }
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.code, 0, "{args:?}\nstderr: {}", o.stderr);
    assert_eq!(o.stderr, "", "{args:?}");
    o.stdout
}

fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let o = run(&a);
    assert_eq!(o.code, 0, "{a:?}\nstderr: {}", o.stderr);
    serde_json::from_str(&o.stdout).expect("valid JSON")
}

// ---------------------------------------------------------------- Elasticsearch text

#[test]
fn elasticsearch_text_byte_for_byte() {
    // Quartz: 0 0/1 * * * ? after 08:30:00 -> 08:31, 08:32, 08:33
    let out = ok(&["0 0/1 * * * ?", "--from", FROM, "-c", "3"]);
    assert_eq!(
        out,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n\
         Here are the next 3 times this cron expression will trigger:\n\
         1.\tSat, 21 Nov 2026 08:31:00\n\
         2.\tSat, 21 Nov 2026 08:32:00\n\
         3.\tSat, 21 Nov 2026 08:33:00\n"
    );
}

#[test]
fn default_count_is_ten() {
    let out = ok(&["0 0/1 * * * ?", "--from", FROM]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[2],
        "Here are the next 10 times this cron expression will trigger:"
    );
    assert_eq!(lines.len(), 3 + 10);
    assert_eq!(lines[12], "10.\tSat, 21 Nov 2026 08:40:00");
}

#[test]
fn day_of_month_is_not_padded() {
    // monthly at midnight: the next one after 21 Nov is Tuesday 1 Dec 2026
    let out = ok(&["0 0 0 1 * ?", "--from", FROM, "-c", "1"]);
    assert!(out.ends_with("1.\tTue, 1 Dec 2026 00:00:00\n"), "{out}");
}

#[test]
fn local_time_variant_from_the_system_zone() {
    // TZ=Europe/Paris, no --tz: evaluated in UTC (as Elasticsearch), shown in Paris too
    let o = run_env(
        &["0 0/1 * * * ?", "--from", FROM, "-c", "2"],
        &[("TZ", "Europe/Paris")],
    );
    assert_eq!(o.code, 0);
    assert_eq!(
        o.stdout,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC, local time is [Sat, 21 Nov 2026 09:30:00 +0100]\n\
         Here are the next 2 times this cron expression will trigger:\n\
         1.\tSat, 21 Nov 2026 08:31:00\n\
         \tSat, 21 Nov 2026 09:31:00 +0100\n\
         2.\tSat, 21 Nov 2026 08:32:00\n\
         \tSat, 21 Nov 2026 09:32:00 +0100\n"
    );
}

#[test]
fn local_time_variant_from_tz_option() {
    // --tz Europe/Paris: evaluated in Paris. Quartz: 0 0 12 * * ? in Europe/Paris
    // -> 2026-11-21T11:00:00Z, 2026-11-22T11:00:00Z
    let out = ok(&[
        "0 0 12 * * ?",
        "--from",
        FROM,
        "-c",
        "2",
        "--tz",
        "Europe/Paris",
    ]);
    assert_eq!(
        out,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC, local time is [Sat, 21 Nov 2026 09:30:00 +0100]\n\
         Here are the next 2 times this cron expression will trigger:\n\
         1.\tSat, 21 Nov 2026 11:00:00\n\
         \tSat, 21 Nov 2026 12:00:00 +0100\n\
         2.\tSun, 22 Nov 2026 11:00:00\n\
         \tSun, 22 Nov 2026 12:00:00 +0100\n"
    );
}

#[test]
fn local_offset_follows_daylight_saving() {
    // Quartz: 0 0 1 ? * SUN in Europe/Paris after 2026-10-24T00:00Z -> 2026-10-24T23:00Z
    // (01:00 CEST, the night summer time ends) and 2026-11-01T00:00Z (01:00 CET)
    let out = ok(&[
        "0 0 1 ? * SUN",
        "--from",
        "2026-10-24T00:00:00Z",
        "-c",
        "2",
        "--tz",
        "Europe/Paris",
    ]);
    assert!(
        out.contains(
            "1.\tSat, 24 Oct 2026 23:00:00\n\tSun, 25 Oct 2026 01:00:00 +0200\n\
             2.\tSun, 1 Nov 2026 00:00:00\n\tSun, 1 Nov 2026 01:00:00 +0100\n"
        ),
        "{out}"
    );
}

#[test]
fn negative_offsets_print_as_java_does() {
    // Quartz: 0 0 12 * * ? in America/New_York after 2026-07-01T00:00Z -> 16:00Z (EDT)
    let out = ok(&[
        "0 0 12 * * ?",
        "--from",
        "2026-07-01T00:00:00Z",
        "-c",
        "1",
        "--tz",
        "America/New_York",
    ]);
    assert!(
        out.contains("Now is [Wed, 1 Jul 2026 00:00:00] in UTC, local time is [Tue, 30 Jun 2026 20:00:00 -0400]\n"),
        "{out}"
    );
    assert!(
        out.ends_with("1.\tWed, 1 Jul 2026 16:00:00\n\tWed, 1 Jul 2026 12:00:00 -0400\n"),
        "{out}"
    );
}

#[test]
fn a_utc_system_zone_prints_the_short_variant() {
    for tz in ["UTC", "Etc/UTC", ":UTC"] {
        let o = run_env(&["0 0/1 * * * ?", "--from", FROM, "-c", "1"], &[("TZ", tz)]);
        assert!(
            o.stdout
                .contains("Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n"),
            "TZ={tz}: {}",
            o.stdout
        );
    }
    // A zone that happens to be at +0000 is still not UTC: Elasticsearch compares zones.
    let o = run_env(
        &["0 0/1 * * * ?", "--from", FROM, "-c", "1"],
        &[("TZ", "Europe/London")],
    );
    assert!(
        o.stdout
            .contains("in UTC, local time is [Sat, 21 Nov 2026 08:30:00 +0000]\n"),
        "{}",
        o.stdout
    );
}

#[test]
fn fewer_times_than_asked_end_the_list() {
    // Quartz: 0 0 12 1 1 ? 2027,2028 -> 2027-01-01T12:00Z, 2028-01-01T12:00Z, END
    let out = ok(&["0 0 12 1 1 ? 2027,2028", "--from", FROM, "-c", "5"]);
    assert_eq!(
        out,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n\
         Here are the next 5 times this cron expression will trigger:\n\
         1.\tFri, 1 Jan 2027 12:00:00\n\
         2.\tSat, 1 Jan 2028 12:00:00\n"
    );
}

#[test]
fn no_future_time_prints_elasticsearchs_message_and_fails() {
    // Quartz: 0 0 0 30 2 ? -> END (30 February never comes)
    for expr in ["0 0 0 30 2 ?", "0 0 0 1 1 ? 2020"] {
        let o = run(&[expr, "--from", FROM]);
        assert_eq!(o.code, 1, "{expr}");
        assert_eq!(
            o.stdout,
            "Valid!\n\
             Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n\
             Here are the next 10 times this cron expression will trigger:\n"
        );
        assert_eq!(
            o.stderr,
            "\nERROR: Could not compute future times since [Sat, 21 Nov 2026 08:30:00] \
             (perhaps the cron expression only points to times in the past?)\n"
        );
    }
}

// ---------------------------------------------------------------- errors and exit codes

#[test]
fn invalid_expression_exits_1_with_the_diagnostic() {
    let o = run(&["0 0 0 32 * ?", "--from", FROM]);
    assert_eq!(o.code, 1);
    assert_eq!(o.stdout, "", "nothing on stdout, not even Valid!");
    assert!(
        o.stderr.starts_with("error[value-out-of-range]"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("0 0 0 32 * ?"), "{}", o.stderr);
    assert!(
        o.stderr.contains("^^"),
        "carets under the day: {}",
        o.stderr
    );
    assert!(!o.stderr.contains("\x1b["), "no colour into a pipe");
}

#[test]
fn every_invalid_expression_is_reported() {
    let o = run(&[
        "0 0 0 32 * ?",
        "0 0/1 * * * ?",
        "0 61 * * * ?",
        "--from",
        FROM,
    ]);
    assert_eq!(o.code, 1);
    assert_eq!(o.stdout, "");
    assert_eq!(o.stderr.matches("error[").count(), 2, "{}", o.stderr);
    assert!(o.stderr.contains("0 61 * * * ?"));
}

#[test]
fn detail_adds_the_diagnostics_notes() {
    let o = run(&["0 0 0 32 * ?", "-d"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("= code: value-out-of-range"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("= dialect: quartz"), "{}", o.stderr);
    assert!(o.stderr.contains("= field: day-of-month"), "{}", o.stderr);
    // `32` is bytes 6..8 of the text
    assert!(o.stderr.contains("= bytes: 6..8"), "{}", o.stderr);
}

#[test]
fn reboot_has_no_fire_times() {
    let o = run(&["@reboot", "--from", FROM]);
    assert_eq!(o.code, 1);
    assert_eq!(o.stdout, "");
    assert!(o.stderr.contains("`@reboot`"), "{}", o.stderr);
    // not silently dropped beside another expression either
    let o = run(&["@reboot", "@daily", "--from", FROM]);
    assert_eq!(o.code, 1);
    assert_eq!(o.stdout, "");
}

#[test]
fn usage_errors_exit_2_and_name_the_option() {
    let cases: &[(&[&str], &str)] = &[
        (&["0 * * * * ?", "--tz", "Mars/Olympus"], "--tz"),
        (&["0 * * * * ?", "--from", "yesterday-ish"], "--from"),
        (&["0 * * * * ?", "--from", "2026-13-01"], "--from"),
        (&["0 * * * * ?", "--until", "soon"], "--until"),
        (
            &["0 * * * * ?", "--from", FROM, "--until", "2026-11-20"],
            "--until",
        ),
        (
            &[
                "0 * * * * ?",
                "--from",
                FROM,
                "--until",
                "2026-11-22",
                "--prev",
            ],
            "--until",
        ),
        (&["0 * * * * ?", "-c", "0"], "--count"),
        (&["0 * * * * ?", "-c", "ten"], "--count"),
        (&["0 * * * * ?", "--format", "xml"], "--format"),
        (&["0 * * * * ?", "--dst", "maybe"], "--dst"),
        (&["0 * * * * ?", "--dialect", "java"], "--dialect"),
        (&["0 * * * * ?", "--color", "sometimes"], "--color"),
        (&["0 * * * * ?", "--bogus"], "--bogus"),
    ];
    for (args, option) in cases {
        let o = run(args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert_eq!(o.stdout, "", "{args:?}");
        assert!(
            o.stderr.contains(option),
            "{args:?} should name {option}: {}",
            o.stderr
        );
    }
    // no expression at all
    let o = run(&[]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("EXPR"), "{}", o.stderr);
}

#[test]
fn a_usage_error_wins_over_an_invalid_expression() {
    let o = run(&["0 0 0 32 * ?", "--from", "not a time"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("--from"));
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("Examples:"));
    assert!(o
        .stdout
        .contains("Exit status: 0 success, 1 invalid expression or no fire time, 2 usage error."));
    let o = run(&["--version"]);
    assert_eq!(o.code, 0);
    assert_eq!(
        o.stdout,
        format!("croneval {}\n", env!("CARGO_PKG_VERSION"))
    );
}

// ---------------------------------------------------------------- --from, --until, --prev

#[test]
fn from_accepts_rfc3339_local_times_dates_and_now() {
    let now_line = "Now is [Sat, 21 Nov 2026 08:30:00] in UTC";
    // the same instant written with an offset
    let out = ok(&[
        "0 0/1 * * * ?",
        "--from",
        "2026-11-21T09:30:00+01:00",
        "-c",
        "1",
    ]);
    assert!(out.contains(now_line), "{out}");
    // a space instead of the T
    let out = ok(&["0 0/1 * * * ?", "--from", "2026-11-21 08:30:00Z", "-c", "1"]);
    assert!(out.contains(now_line), "{out}");
    // a wall-clock time read in --tz (09:30 in Paris = 08:30 UTC)
    let out = ok(&[
        "0 0/1 * * * ?",
        "--from",
        "2026-11-21 09:30",
        "--tz",
        "Europe/Paris",
        "-c",
        "1",
    ]);
    assert!(out.contains(now_line), "{out}");
    let out = ok(&["0 0/1 * * * ?", "--from", "2026-11-21T08:30", "-c", "1"]);
    assert!(out.contains(now_line), "{out}");
    // a date is its midnight
    let out = ok(&["0 0/1 * * * ?", "--from", "2026-11-21", "-c", "1"]);
    assert!(
        out.contains("Now is [Sat, 21 Nov 2026 00:00:00] in UTC"),
        "{out}"
    );
    assert!(out.contains("1.\tSat, 21 Nov 2026 00:01:00"), "{out}");
    // now: the present, whatever it is
    for from in [None, Some("now")] {
        let mut args = vec!["0 0/1 * * * ?", "-c", "1"];
        if let Some(f) = from {
            args.extend(["--from", f]);
        }
        let out = ok(&args);
        let line = out.lines().nth(1).unwrap_or_default();
        assert!(
            line.starts_with("Now is [") && line.ends_with("] in UTC"),
            "{out}"
        );
    }
}

#[test]
fn from_in_a_dst_gap_moves_forward() {
    // 02:30 on 2026-03-08 does not exist in New York (02:00 EST -> 03:00 EDT): it is
    // read as 03:30 EDT = 07:30 UTC
    let out = ok(&[
        "0 0/1 * * * ?",
        "--from",
        "2026-03-08 02:30",
        "--tz",
        "America/New_York",
        "-c",
        "1",
    ]);
    assert!(
        out.contains("Now is [Sun, 8 Mar 2026 07:30:00] in UTC"),
        "{out}"
    );
}

#[test]
fn fractional_seconds_in_from() {
    // every second: strictly after 08:30:00.5 is 08:30:01
    let out = ok(&[
        "* * * * * ?",
        "--from",
        "2026-11-21T08:30:00.500Z",
        "-c",
        "1",
        "--format",
        "iso",
    ]);
    assert_eq!(out, "2026-11-21T08:30:01Z\n");
    // and strictly before it is 08:30:00 itself
    let out = ok(&[
        "* * * * * ?",
        "--from",
        "2026-11-21T08:30:00.500Z",
        "-c",
        "1",
        "--format",
        "iso",
        "--prev",
    ]);
    assert_eq!(out, "2026-11-21T08:30:00Z\n");
}

#[test]
fn prev_lists_earlier_times_newest_first() {
    // monthly at midnight, before Sat 21 Nov 2026: 1 Nov (Sun), 1 Oct (Thu), 1 Sep (Tue)
    let out = ok(&["0 0 0 1 * ?", "--from", FROM, "--prev", "-c", "3"]);
    assert_eq!(
        out,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n\
         Here are the previous 3 times this cron expression triggered:\n\
         1.\tSun, 1 Nov 2026 00:00:00\n\
         2.\tThu, 1 Oct 2026 00:00:00\n\
         3.\tTue, 1 Sep 2026 00:00:00\n"
    );
}

#[test]
fn prev_with_nothing_before() {
    // 2027 only: nothing before Nov 2026
    let o = run(&["0 0 0 1 1 ? 2027", "--from", FROM, "--prev"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        "\nERROR: Could not compute past times before [Sat, 21 Nov 2026 08:30:00] \
         (perhaps the cron expression only points to times in the future?)\n"
    );
}

#[test]
fn until_bounds_the_list_inclusively() {
    // monthly at midnight from 21 Nov 2026 up to and including 1 Mar 2027
    let out = ok(&["0 0 0 1 * ?", "--from", FROM, "--until", "2027-03-01"]);
    assert_eq!(
        out,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n\
         Here are the times this cron expression will trigger until [Mon, 1 Mar 2027 00:00:00]:\n\
         1.\tTue, 1 Dec 2026 00:00:00\n\
         2.\tFri, 1 Jan 2027 00:00:00\n\
         3.\tMon, 1 Feb 2027 00:00:00\n\
         4.\tMon, 1 Mar 2027 00:00:00\n"
    );
    // -c still caps it
    let out = ok(&[
        "0 0 0 1 * ?",
        "--from",
        FROM,
        "--until",
        "2027-03-01",
        "-c",
        "2",
    ]);
    assert!(out.contains(
        "Here are the next 2 times this cron expression will trigger until [Mon, 1 Mar 2027 00:00:00]:\n"
    ));
    assert_eq!(out.lines().count(), 3 + 2);
}

#[test]
fn until_with_prev_is_the_earlier_bound() {
    let out = ok(&[
        "0 0 0 1 * ?",
        "--from",
        FROM,
        "--prev",
        "--until",
        "2026-09-01",
    ]);
    assert_eq!(
        out,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n\
         Here are the times this cron expression triggered since [Tue, 1 Sep 2026 00:00:00]:\n\
         1.\tSun, 1 Nov 2026 00:00:00\n\
         2.\tThu, 1 Oct 2026 00:00:00\n\
         3.\tTue, 1 Sep 2026 00:00:00\n"
    );
}

#[test]
fn until_before_the_first_time_fails_with_its_own_message() {
    // the next monthly time is 1 Dec, after the 25 Nov bound
    let o = run(&["0 0 0 1 * ?", "--from", FROM, "--until", "2026-11-25"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        "\nERROR: No fire time between [Sat, 21 Nov 2026 08:30:00] and [Wed, 25 Nov 2026 00:00:00]\n"
    );
}

// ---------------------------------------------------------------- several expressions

#[test]
fn several_expressions_make_one_timeline() {
    // every 4 hours: Sat 12:00, 16:00, 20:00, Sun 00:00, 04:00, 08:00, 12:00 ...
    // every 6 hours on Sundays: Sun 00:00, 06:00, 12:00 ...
    // merged, an instant both fire at appears once with both expressions
    let out = ok(&[
        "0 0 */4 * * ?",
        "0 0 0/6 ? * SUN",
        "--from",
        FROM,
        "-c",
        "8",
    ]);
    assert_eq!(
        out,
        "Valid!\n\
         Now is [Sat, 21 Nov 2026 08:30:00] in UTC\n\
         Here are the next 8 times these cron expressions will trigger:\n\
         1.\tSat, 21 Nov 2026 12:00:00\t0 0 */4 * * ?\n\
         2.\tSat, 21 Nov 2026 16:00:00\t0 0 */4 * * ?\n\
         3.\tSat, 21 Nov 2026 20:00:00\t0 0 */4 * * ?\n\
         4.\tSun, 22 Nov 2026 00:00:00\t0 0 */4 * * ? | 0 0 0/6 ? * SUN\n\
         5.\tSun, 22 Nov 2026 04:00:00\t0 0 */4 * * ?\n\
         6.\tSun, 22 Nov 2026 06:00:00\t0 0 0/6 ? * SUN\n\
         7.\tSun, 22 Nov 2026 08:00:00\t0 0 */4 * * ?\n\
         8.\tSun, 22 Nov 2026 12:00:00\t0 0 */4 * * ? | 0 0 0/6 ? * SUN\n"
    );
}

#[test]
fn quartz_and_unix_expressions_mix() {
    // unix "*/15 9-17 * * MON-FRI"; Quartz (as 0 */15 9-17 ? * MON-FRI):
    // 2026-11-23T09:00Z, 09:15Z, 09:30Z. The Quartz one fires on Sunday at noon.
    let out = ok(&[
        "*/15 9-17 * * MON-FRI",
        "0 0 12 ? * SUN",
        "--dialect",
        "auto",
        "--from",
        FROM,
        "-c",
        "3",
        "--format",
        "iso",
    ]);
    assert_eq!(
        out,
        "2026-11-22T12:00:00Z\n2026-11-23T09:00:00Z\n2026-11-23T09:15:00Z\n"
    );
}

#[test]
fn an_expression_that_never_fires_beside_others_is_warned_about() {
    let o = run(&[
        "0 0 0 30 2 ?",
        "0 0 12 * * ?",
        "--from",
        FROM,
        "-c",
        "1",
        "--format",
        "iso",
    ]);
    assert_eq!(o.code, 0);
    assert_eq!(o.stdout, "2026-11-21T12:00:00Z\n");
    assert!(
        o.stderr.contains("warning:") && o.stderr.contains("`0 0 0 30 2 ?` never fires"),
        "{}",
        o.stderr
    );
}

// ---------------------------------------------------------------- iso

#[test]
fn iso_is_one_timestamp_per_line() {
    let out = ok(&[
        "0 0/1 * * * ?",
        "--from",
        FROM,
        "-c",
        "3",
        "--format",
        "iso",
    ]);
    assert_eq!(
        out,
        "2026-11-21T08:31:00Z\n2026-11-21T08:32:00Z\n2026-11-21T08:33:00Z\n"
    );
    // with the --tz offset; 08:31 UTC is 14:01 in Kolkata (+05:30)
    let out = ok(&[
        "0 0/1 * * * ?",
        "--from",
        FROM,
        "-c",
        "1",
        "--format",
        "iso",
        "--tz",
        "Asia/Kolkata",
    ]);
    assert_eq!(out, "2026-11-21T14:01:00+05:30\n");
    // a fixed offset zone
    let out = ok(&[
        "0 0/1 * * * ?",
        "--from",
        FROM,
        "-c",
        "1",
        "--format",
        "iso",
        "--tz",
        "-03:00",
    ]);
    assert_eq!(out, "2026-11-21T05:31:00-03:00\n");
    // the system zone does not change machine output
    let o = run_env(
        &[
            "0 0/1 * * * ?",
            "--from",
            FROM,
            "-c",
            "1",
            "--format",
            "iso",
        ],
        &[("TZ", "Asia/Tokyo")],
    );
    assert_eq!(o.stdout, "2026-11-21T08:31:00Z\n");
}

#[test]
fn iso_across_a_spring_forward_night() {
    // Quartz (--dst quartz): 0 30 2 * * ? in New York after 2026-03-07T00:00Z ->
    // 2026-03-07T07:30Z, 2026-03-09T06:30Z, 2026-03-10T06:30Z (8 March has no 02:30)
    let args = [
        "0 30 2 * * ?",
        "--from",
        "2026-03-07T00:00:00Z",
        "-c",
        "3",
        "--format",
        "iso",
        "--tz",
        "America/New_York",
    ];
    let mut quartz = args.to_vec();
    quartz.extend(["--dst", "quartz"]);
    assert_eq!(
        ok(&quartz),
        "2026-03-07T02:30:00-05:00\n2026-03-09T02:30:00-04:00\n2026-03-10T02:30:00-04:00\n"
    );
    // shift (the default, java.time's rule): 02:30 on 8 March fires at 03:30 EDT
    assert_eq!(
        ok(&args),
        "2026-03-07T02:30:00-05:00\n2026-03-08T03:30:00-04:00\n2026-03-09T02:30:00-04:00\n"
    );
    let mut skip = args.to_vec();
    skip.extend(["--dst", "skip"]);
    assert_eq!(ok(&skip), ok(&quartz), "skip drops the gap like Quartz");
}

#[test]
fn dialect_option_is_honoured() {
    // "0 12 * * 1" read as unix: Monday 12:00 (minute 0, hour 12); Mon 23 Nov 2026
    let out = ok(&[
        "0 12 * * 1",
        "--from",
        FROM,
        "-c",
        "1",
        "--format",
        "iso",
        "--dialect",
        "unix",
    ]);
    assert_eq!(out, "2026-11-23T12:00:00Z\n");
    // the same text is not a Quartz expression (five fields)
    let o = run(&["0 12 * * 1", "--dialect", "quartz"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.starts_with("error["), "{}", o.stderr);
}

// ---------------------------------------------------------------- json

#[test]
fn json_document_shape() {
    let v = json(&["0 0/1 * * * ?", "--from", FROM, "-c", "2"]);
    assert_eq!(
        v["expressions"],
        serde_json::json!([{"text": "0 0/1 * * * ?", "expr": "0 0/1 * * * ?", "dialect": "quartz"}])
    );
    assert_eq!(v["timezone"], "UTC");
    assert_eq!(v["dst"], "shift");
    assert_eq!(v["direction"], "next");
    assert_eq!(v["from"], "2026-11-21T08:30:00Z");
    assert_eq!(v["until"], Value::Null);
    assert_eq!(v["count"], 2);
    assert_eq!(v["returned"], 2);
    assert_eq!(v["exhausted"], false);
    // 2026-11-21T08:31:00Z: 20 778 days after 1970-01-01 (56 years, 14 of them leap,
    // plus 324 days into 2026) * 86 400 + 8 h 31 min
    let days: i64 = 56 * 365 + 14 + 324;
    let unix = days * 86_400 + 8 * 3600 + 31 * 60;
    assert_eq!(
        v["times"][0],
        serde_json::json!({"utc": "2026-11-21T08:31:00Z", "local": "2026-11-21T08:31:00Z",
                            "unix": unix, "expressions": [0]})
    );
    assert_eq!(v["times"][1]["unix"], unix + 60);
    assert_eq!(v["times"].as_array().map(Vec::len), Some(2));
}

#[test]
fn json_keys_come_in_the_documented_order() {
    let o = run(&[
        "0 0/1 * * * ?",
        "--from",
        FROM,
        "-c",
        "1",
        "--format",
        "json",
    ]);
    let keys = [
        "\"expressions\"",
        "\"timezone\"",
        "\"dst\"",
        "\"direction\"",
        "\"from\"",
        "\"until\"",
        "\"count\"",
        "\"times\"",
        "\"returned\"",
        "\"exhausted\"",
    ];
    let pos: Vec<usize> = keys
        .iter()
        .map(|k| o.stdout.find(k).unwrap_or_else(|| panic!("{k} missing")))
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{}", o.stdout);
}

#[test]
fn json_with_zone_until_prev_and_several_expressions() {
    let v = json(&[
        "0 0 */4 * * ?",
        "0 0 0/6 ? * SUN",
        "--from",
        FROM,
        "--until",
        "2026-11-22T06:00:00Z",
        "--tz",
        "UTC",
    ]);
    assert_eq!(v["count"], Value::Null);
    assert_eq!(v["until"], "2026-11-22T06:00:00Z");
    let times = v["times"].as_array().expect("times");
    // Sat 12, 16, 20; Sun 00 (both), 04, 06 (the Sunday one; until is inclusive)
    let which: Vec<(String, Value)> = times
        .iter()
        .map(|t| {
            (
                t["utc"].as_str().unwrap_or("").to_string(),
                t["expressions"].clone(),
            )
        })
        .collect();
    assert_eq!(
        which,
        vec![
            ("2026-11-21T12:00:00Z".to_string(), serde_json::json!([0])),
            ("2026-11-21T16:00:00Z".to_string(), serde_json::json!([0])),
            ("2026-11-21T20:00:00Z".to_string(), serde_json::json!([0])),
            (
                "2026-11-22T00:00:00Z".to_string(),
                serde_json::json!([0, 1])
            ),
            ("2026-11-22T04:00:00Z".to_string(), serde_json::json!([0])),
            ("2026-11-22T06:00:00Z".to_string(), serde_json::json!([1])),
        ]
    );
    assert_eq!(
        v["exhausted"], false,
        "it stopped at --until, it did not run out"
    );

    let v = json(&[
        "0 0 0 1 * ?",
        "--from",
        FROM,
        "--prev",
        "-c",
        "2",
        "--tz",
        "Europe/Paris",
    ]);
    assert_eq!(v["direction"], "previous");
    assert_eq!(v["timezone"], "Europe/Paris");
    assert_eq!(v["from"], "2026-11-21T09:30:00+01:00");
    // midnight of 1 Nov in Paris (CET) is 23:00 UTC on 31 Oct; 1 Oct (CEST) 22:00 UTC
    assert_eq!(v["times"][0]["utc"], "2026-10-31T23:00:00Z");
    assert_eq!(v["times"][0]["local"], "2026-11-01T00:00:00+01:00");
    assert_eq!(v["times"][1]["local"], "2026-10-01T00:00:00+02:00");
}

#[test]
fn json_says_when_the_schedule_ran_out() {
    let v = json(&["0 0 12 1 1 ? 2027,2028", "--from", FROM, "-c", "5"]);
    assert_eq!(v["returned"], 2);
    assert_eq!(v["exhausted"], true);
    // nothing at all: still a whole document, exit 1, the message on stderr
    let o = run(&["0 0 0 30 2 ?", "--from", FROM, "--format", "json"]);
    assert_eq!(o.code, 1);
    let v: Value = serde_json::from_str(&o.stdout).expect("valid JSON");
    assert_eq!(v["returned"], 0);
    assert_eq!(v["exhausted"], true);
    assert_eq!(v["times"], serde_json::json!([]));
    assert!(
        o.stderr
            .starts_with("error: Could not compute future times"),
        "{}",
        o.stderr
    );
}

#[test]
fn json_detail_lists_the_fields() {
    let v = json(&["0 5 9 ? * 6#3", "--from", FROM, "-c", "1", "-d"]);
    let fields = v["expressions"][0]["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 7);
    assert_eq!(
        fields[0],
        serde_json::json!({"field": "second", "text": "0", "meaning": "second 0"})
    );
    assert_eq!(fields[5]["field"], "day-of-week");
    assert_eq!(fields[5]["text"], "6#3");
    assert_eq!(fields[5]["meaning"], "the third Friday of the month");
    assert_eq!(fields[6]["text"], Value::Null, "the year was not written");
}

// ---------------------------------------------------------------- table

#[test]
fn table_has_index_utc_local_weekday_gap() {
    let o = run_env(
        &[
            "0 0/30 * * * ?",
            "--from",
            FROM,
            "-c",
            "3",
            "--format",
            "table",
        ],
        &[("TZ", "Europe/Paris")],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let rows: Vec<Vec<String>> = o
        .stdout
        .lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| {
            l.trim_matches('│')
                .split('┆')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        ["#", "UTC", "local (Europe/Paris)", "weekday", "gap"]
    );
    // every 30 minutes from 08:30: 09:00, 09:30, 10:00 UTC = 10:00, 10:30, 11:00 in Paris
    assert_eq!(
        rows[1],
        [
            "1",
            "2026-11-21T09:00:00Z",
            "2026-11-21T10:00:00+01:00",
            "Sat",
            "—"
        ]
    );
    assert_eq!(
        rows[2],
        [
            "2",
            "2026-11-21T09:30:00Z",
            "2026-11-21T10:30:00+01:00",
            "Sat",
            "30m"
        ]
    );
    assert_eq!(
        rows[3],
        [
            "3",
            "2026-11-21T10:00:00Z",
            "2026-11-21T11:00:00+01:00",
            "Sat",
            "30m"
        ]
    );
    assert_eq!(rows.len(), 4);
    assert!(o.stdout.starts_with('┌') && o.stdout.trim_end().ends_with('┘'));
}

#[test]
fn table_shows_which_expression_fired() {
    let out = ok(&[
        "0 0 */4 * * ?",
        "0 0 0/6 ? * SUN",
        "--from",
        FROM,
        "-c",
        "4",
        "--format",
        "table",
    ]);
    let header = out.lines().nth(1).unwrap_or_default();
    assert!(header.contains("expression"), "{out}");
    // the 4th time (Sun 00:00) is both: the cell holds the two, one per line
    let lines: Vec<&str> = out.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains("2026-11-22T00:00:00Z"))
        .expect("row 4");
    assert!(
        lines[i].contains("0 0 */4 * * ?") && lines[i].contains("Sun") && lines[i].contains("4h"),
        "{out}"
    );
    assert!(lines[i + 1].contains("0 0 0/6 ? * SUN"), "{out}");
}

#[test]
fn table_streams_in_blocks_that_line_up() {
    // 1 200 rows: three blocks of rows, one table
    let out = ok(&[
        "* * * * * ?",
        "--from",
        FROM,
        "-c",
        "1200",
        "--format",
        "table",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3 + 1200 + 1, "top, header, rule, rows, bottom");
    let width = lines[0].chars().count();
    assert!(
        lines.iter().all(|l| l.chars().count() == width),
        "every line as wide"
    );
    assert_eq!(lines.iter().filter(|l| l.starts_with('┌')).count(), 1);
    assert_eq!(lines.iter().filter(|l| l.starts_with('└')).count(), 1);
    assert!(
        lines[3 + 1199].contains("2026-11-21T08:50:00Z"),
        "1200 s after 08:30:00"
    );
}

// ---------------------------------------------------------------- calendar

#[test]
fn calendar_marks_fire_days() {
    // Quartz: 0 0 12 ? * 6#3 (third Friday) -> 2026-12-18, 2027-01-15, 2027-02-19, 2027-03-19
    let out = ok(&[
        "0 0 12 ? * 6#3",
        "--from",
        FROM,
        "-c",
        "2",
        "--format",
        "calendar",
    ]);
    assert!(
        out.starts_with("Fire days of `0 0 12 ? * 6#3` in UTC:\n"),
        "{out}"
    );
    let dec = out.find("December 2026").expect("December");
    let jan = out.find("January 2027").expect("January");
    assert!(dec < jan);
    assert!(out.contains("[18]") && out.contains("[15]"), "{out}");
    assert_eq!(out.matches('[').count(), 2, "two marked days: {out}");
    // December 2026 starts on a Tuesday: the first week row has 1..5 under Tu..Sa
    let first_week = out[dec..].lines().nth(2).unwrap_or_default();
    assert_eq!(
        first_week.split_whitespace().collect::<Vec<_>>(),
        ["1", "2", "3", "4", "5"]
    );
    let header = out[dec..].lines().nth(1).unwrap_or_default();
    assert_eq!(
        header.find("Tu").map(|i| i + 1),
        first_week.find('1'),
        "day 1 sits under the u of Tu, like the last digit of every day"
    );
    assert!(out.contains("(the first 2 fire times only;"), "{out}");
}

#[test]
fn calendar_counts_fires_per_day() {
    // every 4 hours from Sat 08:30: Sat 12, 16, 20 (3), Sun 00..20 (6), Mon 00 (1)
    let out = ok(&[
        "0 0 */4 * * ?",
        "--from",
        FROM,
        "-c",
        "10",
        "--format",
        "calendar",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    let sat = lines
        .iter()
        .position(|l| l.contains("[21]"))
        .expect("21 marked");
    assert_eq!(lines[sat + 1].trim(), "3", "{out}");
    let sun = lines
        .iter()
        .position(|l| l.contains("[22]"))
        .expect("22 marked");
    assert!(lines[sun].contains("[23]"));
    assert_eq!(
        lines[sun + 1].split_whitespace().collect::<Vec<_>>(),
        ["6", "1"]
    );
    assert!(out.contains("10 fire times on 3 days"), "{out}");
}

#[test]
fn calendar_names_skipped_months_and_uses_the_display_zone() {
    let out = ok(&[
        "0 0 12 1 1 ? 2027,2029",
        "--from",
        FROM,
        "--format",
        "calendar",
    ]);
    assert!(
        out.contains("(no fire time from February 2027 to December 2028)"),
        "{out}"
    );
    assert!(!out.contains("the first"), "every time shown: {out}");
    // 23:30 UTC on 31 Dec is already 1 January in Paris
    let o = run_env(
        &[
            "0 30 23 31 12 ? 2026",
            "--from",
            FROM,
            "--format",
            "calendar",
        ],
        &[("TZ", "Europe/Paris")],
    );
    assert!(
        o.stdout.contains("January 2027") && o.stdout.contains("[ 1]"),
        "{}",
        o.stdout
    );
}

#[test]
fn calendar_highlights_in_colour() {
    let out = ok(&[
        "0 0 12 ? * 6#3",
        "--from",
        FROM,
        "-c",
        "1",
        "--format",
        "calendar",
        "--color",
        "always",
    ]);
    assert!(out.contains("\x1b["), "{out}");
    assert!(!out.contains("[18]"), "colour replaces the brackets");
}

// ---------------------------------------------------------------- detail, colour

#[test]
fn detail_shows_each_field() {
    let out = ok(&["0 5 9 ? * 6#3", "--from", FROM, "-c", "1", "-d"]);
    assert!(out.starts_with("0 5 9 ? * 6#3 (quartz dialect)\n"), "{out}");
    for needle in [
        "field",
        "meaning",
        "day-of-week",
        "6#3",
        "the third Friday of the month",
        "(not written)",
        "Valid!",
    ] {
        assert!(out.contains(needle), "{needle}: {out}");
    }
    // iso keeps stdout to timestamps; the detail goes to stderr
    let o = run(&[
        "0 5 9 ? * 6#3",
        "--from",
        FROM,
        "-c",
        "1",
        "-d",
        "--format",
        "iso",
    ]);
    // third Friday of December 2026 is the 18th (Quartz: 2026-12-18 for 6#3)
    assert_eq!(o.stdout, "2026-12-18T09:05:00Z\n");
    assert!(o.stderr.contains("the third Friday of the month"));
}

#[test]
fn colour_follows_the_option_and_the_environment() {
    let args = ["0 0/1 * * * ?", "--from", FROM, "-c", "1"];
    let coloured = |o: &Out| o.stdout.contains("\x1b[");
    // not a terminal: no colour
    assert!(!coloured(&run(&args)));
    let mut always = args.to_vec();
    always.extend(["--color", "always"]);
    let o = run(&always);
    assert!(coloured(&o));
    assert!(o.stdout.starts_with("\x1b["), "Valid! is coloured");
    assert!(o.stdout.contains("Valid!"));
    assert!(coloured(&run_env(&args, &[("CLICOLOR_FORCE", "1")])));
    assert!(!coloured(&run_env(&args, &[("CLICOLOR_FORCE", "0")])));
    assert!(!coloured(&run_env(
        &args,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )));
    let mut never = args.to_vec();
    never.extend(["--color", "never"]);
    assert!(!coloured(&run_env(&never, &[("CLICOLOR_FORCE", "1")])));
    // the diagnostic on stderr
    let o = run(&["0 0 0 32 * ?", "--color", "always"]);
    assert!(o.stderr.contains("\x1b["));
    let o = run_env(&["0 0 0 32 * ?"], &[("CLICOLOR_FORCE", "1")]);
    assert!(o.stderr.contains("\x1b["));
}

// ---------------------------------------------------------------- both binaries

/// The `croneval` binary is `cronkit croneval --dialect quartz`: the same bytes,
/// statuses and messages (only the default dialect differs, see messages_cli.rs).
#[test]
fn croneval_binary_is_cronkit_croneval() {
    let cases: &[&[&str]] = &[
        &["0 0/1 * * * ?", "--from", FROM, "-c", "20"],
        &[
            "0 0 12 * * ?",
            "--from",
            FROM,
            "--tz",
            "Europe/Paris",
            "--format",
            "table",
        ],
        &[
            "0 0 */4 * * ?",
            "*/10 * * * *",
            "--dialect",
            "auto",
            "--from",
            FROM,
            "--format",
            "json",
            "-d",
        ],
        &[
            "0 0 0 1 * ?",
            "--from",
            FROM,
            "--prev",
            "--format",
            "calendar",
        ],
        &[
            "0 0 0 1 * ?",
            "--from",
            FROM,
            "--until",
            "2027-06-01",
            "--format",
            "iso",
        ],
        &["0 0 0 30 2 ?", "--from", FROM],
        &["0 0 0 32 * ?", "-d"],
        &["@reboot"],
        &["0 * * * * ?", "--tz", "Nowhere/Special"],
    ];
    for args in cases {
        let a = croneval().args(*args).output().expect("croneval");
        let mut b = Command::new(bin("cronkit"));
        let b = b
            .env("TZ", "UTC")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .arg("croneval")
            .args(if args.contains(&"--dialect") {
                &[][..]
            } else {
                &["--dialect", "quartz"][..]
            })
            .args(*args)
            .output()
            .expect("cronkit");
        assert_eq!(a.status.code(), b.status.code(), "{args:?}");
        assert_eq!(a.stdout, b.stdout, "{args:?}");
        assert_eq!(a.stderr, b.stderr, "{args:?}");
    }
}

// ---------------------------------------------------------------- streaming

/// Read a few lines, then close the pipe: the process must end on its own, with
/// status 0 and nothing on stderr.
fn closed_pipe(bin_name: &str, pre: &[&str], format: &str) {
    let mut child = StdCommand::new(bin(bin_name))
        .args(pre)
        .args([
            "* * * * * ?",
            "-c",
            "10000000",
            "--from",
            FROM,
            "--format",
            format,
        ])
        .env("TZ", "UTC")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut reader = BufReader::new(stdout);
    for _ in 0..3 {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("read");
        assert!(n > 0, "{format}: output starts at once");
    }
    drop(reader);
    let status = child.wait().expect("wait");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err).expect("stderr");
    }
    assert_eq!(status.code(), Some(0), "{bin_name} {format}: {err}");
    assert_eq!(err, "", "{bin_name} {format}");
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    for format in ["text", "iso", "json", "table", "calendar"] {
        closed_pipe("croneval", &[], format);
    }
    closed_pipe("cronkit", &["croneval"], "text");
}

#[test]
fn pipefail_sees_success() {
    let script = format!(
        "set -o pipefail; '{}' '0 0/1 * * * ?' -c 10000000 | head -n 3 > /dev/null",
        bin("croneval")
    );
    let o = StdCommand::new("bash")
        .args(["-c", &script])
        .output()
        .expect("bash");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

// --- interval schedules: `@every` (k8s) and `rate(...)` (eventbridge) ---------

/// robfig oracle (`../shared/oracles/robfig/run.sh`): `@every 5m` asked from
/// 2026-01-01T00:00:07Z answers 00:05:07, 00:10:07, 00:15:07 (robfig counts from
/// the start, not from the clock); `@every 1h30m` from 00:00:00Z answers 01:30,
/// 03:00, 04:30, in UTC and in America/New_York alike.
#[test]
fn every_counts_from_the_start_as_robfig() {
    let out = run(&[
        "--dialect",
        "k8s",
        "--format",
        "iso",
        "-c",
        "3",
        "--from",
        "2026-01-01T00:00:07Z",
        "@every 5m",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "2026-01-01T00:05:07Z\n2026-01-01T00:10:07Z\n2026-01-01T00:15:07Z\n"
    );
    assert!(
        out.stderr.contains("counted from when the schedule starts"),
        "{}",
        out.stderr
    );
    for tz in ["UTC", "America/New_York"] {
        let v = json(&[
            "--dialect",
            "k8s",
            "-c",
            "3",
            "--tz",
            tz,
            "--from",
            "2026-01-01T00:00:00Z",
            "@every 1h30m",
        ]);
        let utc: Vec<&str> = v["times"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["utc"].as_str().unwrap())
            .collect();
        assert_eq!(
            utc,
            [
                "2026-01-01T01:30:00Z",
                "2026-01-01T03:00:00Z",
                "2026-01-01T04:30:00Z"
            ],
            "{tz}"
        );
    }
}

/// AWS: "A rate expression starts when you create the scheduled event rule, and
/// then it runs on a defined schedule"
/// (docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html):
/// from a start s, `rate(1 day)` fires at s + 1 day, s + 2 days, ...
#[test]
fn rate_counts_from_the_start() {
    let out = run(&[
        "--dialect",
        "eventbridge",
        "--format",
        "iso",
        "-c",
        "2",
        "--from",
        FROM,
        "rate(1 day)",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "2026-11-22T08:30:00Z\n2026-11-23T08:30:00Z\n");
    let out = run(&[
        "--dialect",
        "eventbridge",
        "--format",
        "iso",
        "-c",
        "2",
        "--from",
        FROM,
        "rate(5 minutes)",
    ]);
    assert_eq!(out.stdout, "2026-11-21T08:35:00Z\n2026-11-21T08:40:00Z\n");
}

/// AWS: "If the value is equal to 1, then the unit must be singular. If the value
/// is greater than 1, the unit must be plural"; "value: A positive number"; units
/// minute | minutes | hour | hours | day | days (eb-rate-expressions.html).
#[test]
fn bad_rates_and_durations_are_errors_with_rule_codes() {
    for (dialect, text, code) in [
        ("eventbridge", "rate(1 minutes)", "eventbridge-rate"),
        ("eventbridge", "rate(5 hour)", "eventbridge-rate"),
        ("eventbridge", "rate(0 minutes)", "eventbridge-rate"),
        ("eventbridge", "rate(5 weeks)", "eventbridge-rate"),
        ("eventbridge", "rate(five minutes)", "eventbridge-rate"),
        // robfig: `time.ParseDuration("1d")` is "unknown unit", "5 m" too
        ("k8s", "@every 1d", "every-duration"),
        ("k8s", "@every 5 m", "every-duration"),
        ("k8s", "@every", "every-duration"),
        // robfig `Every`: under a second is a second (oracle: @every 0s from :07 fires :08, :09)
        ("k8s", "@every 0s", "every-rounded"),
        ("k8s", "@every 1.5s", "every-rounded"),
    ] {
        let out = run(&["--dialect", dialect, text]);
        assert_eq!(out.code, 1, "{text}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("error[{code}]")),
            "{text}: {}",
            out.stderr
        );
    }
    // the other profiles do not read them, and say which does
    let out = run(&["--dialect", "unix", "@every 5m"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("--dialect k8s"), "{}", out.stderr);
    let out = run(&["--dialect", "k8s", "rate(5 minutes)"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("--dialect eventbridge"),
        "{}",
        out.stderr
    );
    // an interval has no times before it starts
    let out = run(&["--dialect", "k8s", "--prev", "--from", FROM, "@every 5m"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("--prev"), "{}", out.stderr);
}

/// Intervals read from stdin (`-`) and from a Kubernetes manifest (`--input k8s`)
/// count from --from as on the command line: `@every 5m` from 00:00:00 fires at
/// 00:05, 00:10 (robfig: start + k × delay), merged with `*/7 * * * *` (minutes
/// 0, 7, 14, ...).
#[test]
fn intervals_from_stdin_and_manifests() {
    let o = croneval()
        .args([
            "--dialect",
            "k8s",
            "-",
            "-c",
            "3",
            "--format",
            "iso",
            "--from",
            "2026-01-01T00:00:00Z",
        ])
        .write_stdin("@every 5m\n*/7 * * * *\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "2026-01-01T00:05:00Z\n2026-01-01T00:07:00Z\n2026-01-01T00:10:00Z\n"
    );
    let dir = std::env::temp_dir().join(format!("cronkit-every-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = dir.join("cj.yaml");
    std::fs::write(
        &manifest,
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: \"@every 90m\"\n",
    )
    .unwrap();
    let out = run(&[
        "--input",
        "k8s",
        manifest.to_str().unwrap(),
        "-c",
        "2",
        "--format",
        "iso",
        "--from",
        "2026-01-01T00:00:00Z",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "2026-01-01T01:30:00Z\n2026-01-01T03:00:00Z\n");
    assert!(
        out.stderr.contains("counted from when the schedule starts"),
        "{}",
        out.stderr
    );
}
