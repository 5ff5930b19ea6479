//! `cronkit validate` end to end: fixtures of every input kind with good and bad
//! entries at known positions, each lint rule (a case that triggers it and one
//! that must not), exit codes, `--deny`, `--allow`, and the text, json and github
//! formats.
//!
//! Expected positions are worked out by hand in the comments: columns are
//! 1-based and count characters (a tab is one column); `end_column` is the
//! column of the last character of the offending text.

use assert_cmd::Command;
use serde_json::Value;

const DIR: &str = "tests/fixtures/validate";
/// A fixed "now" (2026-06-01) so year-in-past, rarely-fires and the DST year
/// do not depend on the clock.
const NOW: &str = "2026-06-01T00:00:00Z";

fn cronkit() -> Command {
    let mut c = Command::cargo_bin("cronkit").unwrap();
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = cronkit()
        .arg("validate")
        .args(["--now", NOW])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn run_stdin(args: &[&str], input: &str) -> Run {
    let out = cronkit()
        .arg("validate")
        .args(["--now", NOW])
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// A finding as (line, column, end_column, severity, code).
type Pos = (u64, u64, u64, String, String);

/// `--format json`: the exit code, the findings' positions, the findings.
fn findings(args: &[&str]) -> (i32, Vec<Pos>, Vec<Value>) {
    let mut all = vec!["--format", "json"];
    // Expressions are given with -e (positional arguments are paths).
    let takes_value = [
        "--now",
        "--tz",
        "--allow",
        "--format",
        "--input",
        "--dialect",
        "--dst",
        "--deny",
        "-f",
        "-e",
        "--color",
    ];
    let mut prev = "";
    for a in args {
        if !a.starts_with('-') && !takes_value.contains(&prev) {
            all.push("-e");
        }
        all.push(a);
        prev = a;
    }
    let r = run(&all);
    let v: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", r.stdout, r.stderr));
    let items = v.as_array().expect("an array").clone();
    let tuples = items
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["end_column"].as_u64().unwrap(),
                f["severity"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (r.code, tuples, items)
}

fn t(line: u64, col: u64, end: u64, sev: &str, code: &str) -> Pos {
    (line, col, end, sev.to_string(), code.to_string())
}

// ------------------------------------------------------------ input kinds

#[test]
fn lines_file_positions() {
    // schedules.txt:
    //  3 `  0 0 9 ? * 1-5`   expression at col 3, `1-5` at byte 10 → cols 13–15
    //  4 `0 0 12 1 * MON`    both day fields; primary span `1` at byte 7 → col 8
    //  7 `0 0 0 31 * ?`      `31` at byte 6 → cols 7–8
    //  8 `\t0 0 0 30 2 ?`    expression at col 2 (tab = 1 column), `30` → cols 8–9
    // 10 `0 12 ? * MON`      unix `?` at byte 5 → col 6
    let (code, got, items) = findings(&["-f", &fixture("schedules.txt")]);
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![
            t(3, 13, 15, "warning", "quartz-dow-numbering"),
            t(4, 8, 8, "error", "both-day-fields"),
            t(7, 7, 8, "warning", "skips-short-months"),
            t(8, 8, 9, "error", "never-fires"),
            t(10, 6, 6, "warning", "nonportable-question-mark"),
        ]
    );
    assert_eq!(items[0]["path"], fixture("schedules.txt").as_str());
    assert_eq!(items[0]["expression"], "0 0 9 ? * 1-5");
    assert_eq!(items[3]["expression"], "0 0 0 30 2 ?");
    assert_eq!(items[3]["message"], "never fires: Feb has no day 30");
    assert!(items[3]["help"]
        .as_str()
        .unwrap()
        .contains("--allow never-fires"));
    assert!(items[0]["context"].is_null());
}

#[test]
fn crontab_file_positions() {
    // jobs.crontab (user crontab, by its extension); lines 1–3 are settings
    // and a comment:
    //  6 `0 0 31 * * ...`   `31` at byte 4 → cols 5–6
    //  8 `0 24 * * * ...`   hour 24 at byte 2 → cols 3–4
    // 10 `0 12 ? * MON ...` `?` at byte 5 → col 6
    // 11 `@daily`           no command (the schedule itself is fine)
    // 12 `this is not ...`  not an entry
    let (code, got, items) = findings(&["-f", &fixture("jobs.crontab")]);
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![
            t(6, 5, 6, "warning", "skips-short-months"),
            t(8, 3, 4, "error", "value-out-of-range"),
            t(10, 6, 6, "warning", "nonportable-question-mark"),
            t(11, 1, 1, "error", "missing-command"),
            t(12, 1, 1, "error", "unrecognized-line"),
        ]
    );
    // the command is context, not part of the expression
    assert_eq!(items[0]["expression"], "0 0 31 * *");
    assert_eq!(items[0]["context"], "/usr/bin/monthly-close");
    assert_eq!(items[1]["message"], "hour 24 is out of range 0–23");
    assert_eq!(items[1]["help"], "midnight is hour 0");
    // `0 9 * * 1-5` (line 5) is Unix Monday–Friday: no numbering warning
    assert!(got.iter().all(|f| f.0 != 5));
}

#[test]
fn system_crontab_in_cron_d() {
    // cron.d/backup has a user column; line 4 `0 0 30 2 * root ...`: `30` at
    // byte 4 → cols 5–6.
    let (code, got, items) = findings(&["-f", &fixture("cron.d/backup")]);
    assert_eq!(code, 1);
    assert_eq!(got, vec![t(4, 5, 6, "error", "never-fires")]);
    assert_eq!(items[0]["expression"], "0 0 30 2 *");
    assert_eq!(items[0]["context"], "/usr/sbin/never");
}

#[test]
fn nuxeo_xml_positions_and_schedule_ids() {
    // `      <cronExpression>` is 22 characters: expressions start at col 23.
    // 10 `0 0 9 ? * 1-5`  `1-5` at byte 10 → cols 33–35
    // 13 `0 0 12 1 * MON` primary span `1` at byte 7 → col 30
    // 15 `<schedule id="no_cron">` without <cronExpression>, tag at col 5
    // 19 `0 0 0 &#x3F; * L`: the text differs from the source (a character
    //    reference), so the finding points at the expression's start, col 23
    let (code, got, items) = findings(&["-f", &fixture("scheduler-contrib.xml")]);
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![
            t(10, 33, 35, "warning", "quartz-dow-numbering"),
            t(13, 30, 30, "error", "both-day-fields"),
            t(15, 5, 5, "error", "missing-cron-expression"),
            t(19, 23, 23, "warning", "l-alone-in-dow"),
        ]
    );
    assert!(items[0]["message"]
        .as_str()
        .unwrap()
        .ends_with("(in schedule id=weekday_report)"));
    assert!(items[1]["message"]
        .as_str()
        .unwrap()
        .ends_with("(in schedule id=broken)"));
    assert_eq!(items[3]["expression"], "0 0 0 ? * L");
}

#[test]
fn watcher_cron_array_positions() {
    // watch.json: array elements on lines 5–7, each `        "...`: the quote
    // at col 9, the expression from col 10.
    //  6 `0 0 9 ? * 1-5`  `1-5` at byte 10 → cols 20–22
    //  7 `0 0 12 1 * MON` `1` at byte 7 → col 17
    let (code, got, items) = findings(&["-f", &fixture("watch.json")]);
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![
            t(6, 20, 22, "warning", "quartz-dow-numbering"),
            t(7, 17, 17, "error", "both-day-fields"),
        ]
    );
    assert!(items[0]["message"]
        .as_str()
        .unwrap()
        .ends_with("(in trigger.schedule.cron)"));
}

#[test]
fn watcher_structured_schedules_in_ndjson() {
    // Structured schedules are checked as the cron Elasticsearch makes of them,
    // positioned at the schedule body (the `{` after `"monthly":` is col 62 of
    // line 1, after `"yearly":` col 56 of line 2); the reader's own error
    // (`dayly`) points at the key, col 47 of line 3. Line 4 is fine.
    let (code, got, items) = findings(&["-f", &fixture("watches.ndjson")]);
    assert_eq!(code, 1);
    assert_eq!(
        got,
        vec![
            t(1, 62, 62, "warning", "skips-short-months"),
            t(2, 56, 56, "error", "never-fires"),
            t(3, 47, 47, "error", "unknown-schedule-type"),
        ]
    );
    assert_eq!(items[0]["expression"], "0 0 12 31 * ?");
    assert!(items[0]["message"]
        .as_str()
        .unwrap()
        .contains("watch `month_end` at [0].watch.trigger.schedule.monthly, translated to cron"));
}

#[test]
fn opensearch_job_uses_its_timezone() {
    // `        "expression": "` puts the expression at col 24 of line 7 (unix
    // dialect). Its own zone, America/New_York, makes the DST rules run
    // without --tz: 02:30 does not exist on 2027-03-14 (hour `2` at byte 3 →
    // col 27). The unix `?` is at byte 9 → col 33.
    let (code, got, items) = findings(&["-f", &fixture("opensearch-job.json")]);
    assert_eq!(code, 0, "warnings only");
    assert_eq!(
        got,
        vec![
            t(7, 27, 27, "warning", "dst-gap"),
            t(7, 33, 33, "warning", "nonportable-question-mark"),
        ]
    );
    assert!(items[0]["message"].as_str().unwrap().starts_with(
        "2027-03-14 02:30 does not exist in America/New_York: clocks jump from 02:00 to 03:00"
    ));
    assert!(items[0]["message"]
        .as_str()
        .unwrap()
        .ends_with("(in job `nightly-rollup` at _source.schedule.cron)"));
}

/// A crontab's `CRON_TZ=` (cronie: the zone of the entries after it) and
/// `TZ=` lines give its entries the zone the DST rules check them in (issue
/// #13); an entry before them runs in UTC, which has no DST. From "now"
/// (2026-06-01) the next spring-forward gaps are 2027-03-14 02:00–03:00 in New
/// York (second Sunday of March) and 2027-03-28 01:00–02:00 in London (last
/// Sunday of March), so 02:30 and 01:30 do not exist there.
#[test]
fn crontab_zone_lines_set_the_zone_of_the_dst_rules() {
    let tab = "30 2 * * * /bin/a\n\
               CRON_TZ=America/New_York\n\
               30 2 * * * /bin/b\n\
               TZ=Europe/London\n\
               30 1 * * * /bin/c\n";
    let r = run_stdin(&["--input", "crontab", "-f", "-", "--format", "json"], tab);
    let v: Value = serde_json::from_str(&r.stdout).expect(&r.stderr);
    let gaps: Vec<(u64, String)> = v
        .as_array()
        .expect("array")
        .iter()
        .filter(|f| f["code"] == "dst-gap")
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(gaps.len(), 2, "{}", r.stdout);
    assert_eq!(gaps[0].0, 3);
    assert!(
        gaps[0]
            .1
            .starts_with("2027-03-14 02:30 does not exist in America/New_York"),
        "{}",
        gaps[0].1
    );
    assert_eq!(gaps[1].0, 5);
    assert!(
        gaps[1]
            .1
            .starts_with("2027-03-28 01:30 does not exist in Europe/London"),
        "{}",
        gaps[1].1
    );
}

#[test]
fn forced_input_kind_and_stdin() {
    // a crontab on stdin, detected by content (an environment line and commands)
    let r = run_stdin(
        &["-f", "-", "--format", "json"],
        "MAILTO=a@b\n0 0 31 * * /bin/x\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["path"], "<stdin>");
    assert_eq!(
        (v[0]["line"].as_u64(), v[0]["column"].as_u64()),
        (Some(2), Some(5))
    );
    assert_eq!(v[0]["context"], "/bin/x");
    // the same line forced to one expression per line: the command is a sixth
    // field, six fields read as Quartz, and `31` lands in the hour field
    let r = run_stdin(
        &["-f", "-", "--input", "lines", "--format", "json"],
        "0 0 31 * * /bin/x\n",
    );
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["code"], "value-out-of-range");
    assert_eq!(
        (v[0]["line"].as_u64(), v[0]["column"].as_u64()),
        (Some(1), Some(5))
    );
}

// ------------------------------------------------------------ the rules

/// (code, an expression that triggers it, one that must not, extra args)
const RULE_CASES: &[(&str, &str, &str, &[&str])] = &[
    ("never-fires", "0 0 0 30 2 ?", "0 0 0 28 2 ?", &[]),
    (
        "year-in-past",
        "0 0 12 1 1 ? 2020",
        "0 0 12 1 1 ? 2027",
        &[],
    ),
    ("rarely-fires", "0 0 12 29 2 ?", "0 0 12 28 2 ?", &[]),
    ("every-second", "* 0 12 * * ?", "0 0 12 * * ?", &[]),
    ("skips-short-months", "0 0 0 31 * ?", "0 0 0 L * ?", &[]),
    (
        "step-exceeds-range",
        "0 0 0 1-31/40 * ?",
        "0 0 0 1-31/10 * ?",
        &[],
    ),
    (
        "quartz-dow-numbering",
        "0 0 9 ? * 1-5",
        "0 0 9 ? * MON-FRI",
        &[],
    ),
    ("l-alone-in-dow", "0 0 0 ? * L", "0 0 0 ? * 7L", &[]),
    (
        "nonportable-question-mark",
        "0 12 ? * MON",
        "0 12 * * MON",
        &[],
    ),
    (
        "dst-gap",
        "0 30 2 * * ?",
        "0 30 3 * * ?",
        &["--tz", "America/New_York"],
    ),
    (
        "dst-overlap",
        "0 30 1 * * ?",
        "0 30 3 * * ?",
        &["--tz", "America/New_York"],
    ),
];

#[test]
fn each_rule_triggers_and_stays_quiet() {
    for (code, bad, good, extra) in RULE_CASES {
        let mut args: Vec<&str> = extra.to_vec();
        args.push(bad);
        let (_, got, _) = findings(&args);
        assert!(
            got.iter().any(|f| f.4 == *code),
            "{code}: `{bad}` should trigger it, got {got:?}"
        );
        let mut args: Vec<&str> = extra.to_vec();
        args.push(good);
        let (exit, got, _) = findings(&args);
        assert!(
            got.is_empty(),
            "{code}: `{good}` should be clean, got {got:?}"
        );
        assert_eq!(exit, 0);
    }
}

#[test]
fn every_rule_is_covered_by_the_table() {
    let listed: Vec<&str> = RULE_CASES.iter().map(|c| c.0).collect();
    // Platform rules and rules about the document around an expression are
    // covered by tests/ci_world.rs, on files of each kind.
    let expression_rules = cronkit::lint::RULES
        .iter()
        .filter(|r| r.platforms.is_empty() && r.checks_expressions());
    for code in expression_rules.map(|r| r.code) {
        assert!(listed.contains(&code), "no CLI case for {code}");
    }
}

#[test]
fn dst_help_follows_the_policy() {
    let (_, _, items) = findings(&[
        "--tz",
        "America/New_York",
        "--dst",
        "quartz",
        "0 30 1 * * ?",
    ]);
    // US clocks fall back on the first Sunday of November, 2026-11-01, 02:00 → 01:00.
    assert_eq!(
        items[0]["message"],
        "2026-11-01 01:30 happens twice in America/New_York: clocks go back from 02:00 to 01:00"
    );
    assert!(items[0]["help"]
        .as_str()
        .unwrap()
        .starts_with("with --dst quartz (as Quartz and Nuxeo do) it fires once, at the second occurrence (UTC-05:00)"));
}

#[test]
fn year_in_past_depends_on_now() {
    let out = cronkit()
        .args(["validate", "--now", "2019-06-01", "-e", "0 0 12 1 1 ? 2020"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "checked 1 expression: 0 errors, 0 warnings\n"
    );
    let r = run(&["-e", "0 0 12 1 1 ? 2020"]);
    assert!(r
        .stdout
        .contains("warning[year-in-past]: the year field names only years before 2026"));
}

// ------------------------------------------------------------ output formats

#[test]
fn text_format_is_compiler_style_with_a_summary() {
    let r = run(&["-f", &fixture("schedules.txt"), "--color", "never"]);
    assert_eq!(r.code, 1);
    let path = fixture("schedules.txt");
    let expected_first = format!(
        "{path}:3:13: warning[quartz-dow-numbering]: Quartz numbers days from 1 = Sunday: `1-5` is SUN-THU, not MON-FRI\n\
         \x20 |\n\
         \x20 | 0 0 9 ? * 1-5\n\
         \x20 |           ^^^\n\
         \x20 = help: for MON-FRI write `0 0 9 ? * MON-FRI` (or `2-6`: a different schedule from the written SUN-THU); if SUN-THU is meant, write `SUN-THU` to say so\n"
    );
    assert!(r.stdout.starts_with(&expected_first), "got:\n{}", r.stdout);
    assert!(r.stdout.contains(&format!(
        "{path}:4:8: error[both-day-fields]: day-of-month and day-of-week are both set\n"
    )));
    // 8 expressions: lines 2, 3, 4, 6, 7, 8, 9, 10
    assert!(r
        .stdout
        .ends_with("\nchecked 8 expressions in 1 file: 2 errors, 3 warnings\n"));
    assert!(!r.stdout.contains('\x1b'));
    assert_eq!(r.stderr, "");
}

#[test]
fn colour_on_request_and_never_by_default_in_a_pipe() {
    let r = run(&["-e", "0 0 9 ? * 1-5", "--color", "always"]);
    assert!(r.stdout.contains("\x1b[1;33mwarning[quartz-dow-numbering]"));
    let r = run(&["-e", "0 0 9 ? * 1-5"]);
    assert!(!r.stdout.contains('\x1b'));
    let out = cronkit()
        .args(["validate", "-e", "0 0 9 ? * 1-5"])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
    let out = cronkit()
        .args(["validate", "-e", "0 0 9 ? * 1-5"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn json_format_fields() {
    let (code, _, items) = findings(&["0 0 9 ? * 1-5"]);
    assert_eq!(code, 0);
    let f = &items[0];
    let mut keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "code",
            "column",
            "context",
            "end_column",
            "expression",
            "help",
            "line",
            "message",
            "path",
            "severity"
        ]
    );
    assert_eq!(f["path"], "<argument 1>");
    assert_eq!(
        (
            f["line"].as_u64(),
            f["column"].as_u64(),
            f["end_column"].as_u64()
        ),
        (Some(1), Some(11), Some(13))
    );
    // a clean run is an empty array, and the summary goes to stderr
    let r = run(&["--format", "json", "-e", "0 0 12 * * ?"]);
    assert_eq!(r.stdout, "[]\n");
    assert_eq!(r.stderr, "checked 1 expression: 0 errors, 0 warnings\n");
}

#[test]
fn github_format_annotates_files() {
    let r = run(&["-f", &fixture("schedules.txt"), "--format", "github"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "::warning file={},line=3,col=13,endColumn=15,title=cronkit quartz-dow-numbering::Quartz numbers days from 1 = Sunday: `1-5` is SUN-THU, not MON-FRI%0Aexpression: 0 0 9 ? * 1-5%0Ahelp: for MON-FRI write `0 0 9 ? * MON-FRI` (or `2-6`: a different schedule from the written SUN-THU); if SUN-THU is meant, write `SUN-THU` to say so",
            fixture("schedules.txt")
        )
    );
    assert!(lines[1].starts_with(&format!(
        "::error file={},line=4,col=8,endColumn=8,title=cronkit both-day-fields::",
        fixture("schedules.txt")
    )));
    assert_eq!(lines.len(), 6, "5 annotations and the summary");
    assert_eq!(
        lines[5],
        "checked 8 expressions in 1 file: 2 errors, 3 warnings"
    );
}

#[test]
fn github_format_escapes_property_values() {
    let dir = std::env::temp_dir().join(format!("cronkit-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a,b:c.txt");
    std::fs::write(&file, "0 0 0 31 * ?\n").unwrap();
    let r = run(&["-f", file.to_str().unwrap(), "--format", "github"]);
    let expected_file = file
        .to_str()
        .unwrap()
        .replace('%', "%25")
        .replace(':', "%3A")
        .replace(',', "%2C");
    assert!(
        r.stdout.starts_with(&format!(
            "::warning file={expected_file},line=1,col=7,endColumn=8,"
        )),
        "{}",
        r.stdout
    );
    // an argument has no file: the message says where it comes from
    let r = run(&["--format", "github", "-e", "0 0 0 31 * ?"]);
    assert!(r.stdout.starts_with(
        "::warning title=cronkit skips-short-months::<argument 1>: `31` skips Feb, Apr, Jun, Sep and Nov: they have no day 31%0A"
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

// ------------------------------------------------------------ exit codes and options

#[test]
fn exit_codes() {
    assert_eq!(run(&["-e", "0 0 12 * * ?", "-e", "*/5 * * * *"]).code, 0);
    assert_eq!(
        run(&["-e", "0 0 9 ? * 1-5"]).code,
        0,
        "warnings pass by default"
    );
    assert_eq!(run(&["-e", "0 0 12 1 * MON"]).code, 1);
    assert_eq!(run(&["-e", "0 0 0 30 2 ?"]).code, 1);
    // no argument: the current directory is walked (an empty one here)
    let empty = std::env::temp_dir().join(format!("cronkit-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = cronkit()
        .current_dir(&empty)
        .args(["validate", "--now", NOW])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("checked 0 expressions"));
    let _ = std::fs::remove_dir_all(&empty);
    // a bad --tz too
    let r = run(&["--tz", "Mars/Olympus", "-e", "0 0 12 * * ?"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown time zone `Mars/Olympus`"));
}

#[test]
fn unreadable_input_names_the_file_and_the_rest_is_checked() {
    let missing = fixture("does-not-exist.txt");
    let r = run(&[
        "-f",
        &missing,
        "-f",
        &fixture("schedules.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(&format!("error: cannot read `{missing}`")),
        "{}",
        r.stderr
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        5,
        "the other file was still checked"
    );
    // a directory is walked, not an unreadable file
    let r = run(&["-f", DIR]);
    assert_ne!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.contains("checked"));
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let r = run(&["--deny", "warnings", "-e", "0 0 9 ? * 1-5"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("error[quartz-dow-numbering]"));
    assert!(r
        .stdout
        .ends_with("checked 1 expression: 1 error, 0 warnings\n"));
    assert_eq!(
        run(&["--deny", "warnings", "-e", "0 0 9 ? * MON-FRI"]).code,
        0
    );
}

#[test]
fn allow_drops_a_rule() {
    let (code, got, _) = findings(&["--allow", "never-fires", "-f", &fixture("schedules.txt")]);
    assert_eq!(code, 1, "both-day-fields still fails");
    assert!(got.iter().all(|f| f.4 != "never-fires"));
    assert_eq!(got.len(), 4);
    let r = run(&[
        "--allow",
        "quartz-dow-numbering",
        "--allow",
        "skips-short-months",
        "--deny",
        "warnings",
        "-e",
        "0 0 9 ? * 1-5",
        "-e",
        "0 0 0 31 * ?",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    // reader warnings can be allowed too
    let (_, got, _) = findings(&["-f", &fixture("opensearch-job.json"), "--allow", "dst-gap"]);
    assert_eq!(
        got,
        vec![t(7, 33, 33, "warning", "nonportable-question-mark")]
    );
}

#[test]
fn allow_rejects_unknown_rules_and_errors() {
    let r = run(&["--allow", "every-minute", "-e", "0 0 12 * * ?"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--allow: unknown rule `every-minute`"),
        "{}",
        r.stderr
    );
    // Platform rules and rules about the document around an expression are
    // covered by tests/ci_world.rs, on files of each kind.
    let expression_rules = cronkit::lint::RULES
        .iter()
        .filter(|r| r.platforms.is_empty() && r.checks_expressions());
    for code in expression_rules.map(|r| r.code) {
        assert!(
            r.stderr.contains(code),
            "the known rules are listed: {code}"
        );
    }
    let r = run(&["--allow", "missing-command", "-e", "0 0 12 * * ?"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is an input error and cannot be allowed"));
}

#[test]
fn help_has_examples() {
    let out = cronkit().args(["validate", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Examples:"));
    assert!(help.contains("--deny"));
    assert!(help.contains("--now"));
}

/// The DST rules describe what the scheduler that runs the input does: Nuxeo runs
/// Quartz itself (a repeated wall time fires at its second occurrence, a time in
/// a gap does not fire: ../shared/oracles/quartz/EDGE-CASES.md rows 13–15 and the
/// fall-back probes), a crontab runs under cron, and a bare Quartz expression
/// follows Elasticsearch (`shift`). `--dst` overrides the input's default.
#[test]
fn dst_default_follows_the_input() {
    let dir = std::env::temp_dir().join(format!("cronkit-dst-default-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xml = dir.join("scheduler-contrib.xml");
    std::fs::write(
        &xml,
        r#"<?xml version="1.0"?>
<component name="org.example.schedules">
  <extension target="org.nuxeo.ecm.core.scheduler.SchedulerService" point="schedule">
    <schedule id="overlap"><cronExpression>0 30 1 * * ?</cronExpression></schedule>
    <schedule id="gap"><cronExpression>0 30 2 * * ?</cronExpression></schedule>
  </extension>
</component>
"#,
    )
    .unwrap();
    let crontab = dir.join("crontab");
    std::fs::write(&crontab, "30 2 * * * /usr/bin/backup\n").unwrap();
    let helps = |args: &[&str]| -> Vec<(String, String)> {
        let mut all = vec!["--format", "json", "--tz", "America/New_York"];
        all.extend_from_slice(args);
        let r = run(&all);
        let v: Value = serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", r.stdout, r.stderr));
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_string(),
                    f["help"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let nuxeo = helps(&[xml.to_str().unwrap()]);
    assert_eq!(nuxeo.len(), 2, "{nuxeo:?}");
    let overlap = nuxeo.iter().find(|(c, _)| c == "dst-overlap").unwrap();
    assert!(
        overlap.1.starts_with(
            "with --dst quartz (as Quartz and Nuxeo do) it fires once, at the second occurrence"
        ),
        "{overlap:?}"
    );
    let gap = nuxeo.iter().find(|(c, _)| c == "dst-gap").unwrap();
    assert!(
        gap.1
            .starts_with("with --dst quartz (as Quartz and Nuxeo do) it does not fire"),
        "{gap:?}"
    );
    // the same expressions given bare follow Elasticsearch (java.time: `shift`)
    let bare = helps(&["-e", "0 30 2 * * ?"]);
    assert!(
        bare[0].1.starts_with("with --dst shift it fires at 03:30"),
        "{bare:?}"
    );
    // `--dst` still wins over the input's scheduler
    let forced = helps(&["--dst", "shift", xml.to_str().unwrap()]);
    assert!(
        forced
            .iter()
            .all(|(_, h)| h.starts_with("with --dst shift")),
        "{forced:?}"
    );
    // a crontab runs under cron: 02:30 runs when the gap ends, at 03:00
    let cron = helps(&["--input", "crontab", crontab.to_str().unwrap()]);
    assert!(
        cron[0].1.starts_with("with --dst cron (as Vixie cron and cronie do) it fires once when the gap ends, at 03:00"),
        "{cron:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Interval schedules: a good `@every` (k8s) or `rate(...)` (eventbridge) passes;
/// bad ones get the rule table's codes. AWS, eb-rate-expressions.html: "value: A
/// positive number", units "minute | minutes | hour | hours | day | days", "If the
/// value is equal to 1, then the unit must be singular. If the value is greater
/// than 1, the unit must be plural". robfig: `@every` takes Go's
/// `time.ParseDuration` (no `d` unit) and rounds under a second up to one.
#[test]
fn interval_schedules() {
    for (dialect, text) in [
        ("k8s", "@every 5m"),
        ("k8s", "@every 1h30m"),
        ("eventbridge", "rate(1 minute)"),
        ("eventbridge", "rate(5 minutes)"),
        ("eventbridge", "rate(1 hour)"),
        ("eventbridge", "rate(12 hours)"),
        ("eventbridge", "rate(1 day)"),
        ("eventbridge", "rate(7 days)"),
    ] {
        let r = run(&["--dialect", dialect, "-e", text]);
        assert_eq!(r.code, 0, "{text}: {}{}", r.stdout, r.stderr);
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(
            all.contains("checked 1 expression: 0 errors, 0 warnings"),
            "{text}: {all}"
        );
    }
    for (dialect, text, code) in [
        ("eventbridge", "rate(1 minutes)", "eventbridge-rate"),
        ("eventbridge", "rate(1 hours)", "eventbridge-rate"),
        ("eventbridge", "rate(5 hour)", "eventbridge-rate"),
        ("eventbridge", "rate(0 minutes)", "eventbridge-rate"),
        ("eventbridge", "rate(5 weeks)", "eventbridge-rate"),
        ("eventbridge", "rate(5 seconds)", "eventbridge-rate"),
        ("eventbridge", "rate(1.5 hours)", "eventbridge-rate"),
        ("eventbridge", "rate(five minutes)", "eventbridge-rate"),
        ("eventbridge", "rate(5 minutes", "eventbridge-rate"),
        ("eventbridge", "rate()", "eventbridge-rate"),
        ("k8s", "@every 1d", "every-duration"),
        ("k8s", "@every five minutes", "every-duration"),
        ("k8s", "@every", "every-duration"),
        ("k8s", "@every 0s", "every-rounded"),
        ("k8s", "@every -5m", "every-rounded"),
        ("k8s", "@every 500ms", "every-rounded"),
        ("k8s", "@every 1.5s", "every-rounded"),
    ] {
        let r = run(&["--dialect", dialect, "--format", "json", "-e", text]);
        assert_eq!(r.code, 1, "{text}: {}{}", r.stdout, r.stderr);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v[0]["code"], code, "{text}: {}", r.stdout);
        assert_eq!(v[0]["severity"], "error", "{text}");
    }
    // the rules can be allowed like any other
    let r = run(&[
        "--dialect",
        "k8s",
        "--allow",
        "every-rounded",
        "-e",
        "@every 0s",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}
