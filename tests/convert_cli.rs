//! `cronkit convert` and `croneval --schedule` end to end.
//!
//! Expected crons come from Elasticsearch's documentation and its
//! schedule classes (as summarised in the project's Elasticsearch notes:
//! hourly → `0 m * * * ?`, daily → one `0 MM HH * * ?` per time, crons of a
//! schedule sorted as strings, weekly days in SUN..SAT order, monthly days
//! sorted with `last_day` as `L`, yearly months JAN..DEC), and from the
//! dialect rules written next to each case. Every conversion a test makes is
//! also checked for equivalence: input and output must fire at exactly the
//! same instants over years, in UTC and in America/New_York, under the
//! `shift` and `quartz` DST policies.

use assert_cmd::Command;

use cronkit::convert::equivalence::first_mismatch;
use cronkit::formats::{self, Dialect as FormatDialect, SourceFormat};
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run(bin: &str, args: &[&str], stdin: &str) -> Out {
    let o = Command::cargo_bin(bin)
        .unwrap()
        .args(args)
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .unwrap();
    Out {
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
        code: o.status.code().unwrap_or(-1),
    }
}

fn convert(args: &[&str], stdin: &str) -> Out {
    let mut all = vec!["convert"];
    all.extend_from_slice(args);
    run("cronkit", &all, stdin)
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

// ---------------------------------------------------------------------------
// equivalence

type Crons = Vec<(String, DialectChoice)>;

fn crons(texts: &[&str], d: DialectChoice) -> Crons {
    texts.iter().map(|t| (t.to_string(), d)).collect()
}

/// The crons Elasticsearch (or the job scheduler) runs for a JSON document.
fn json_crons(doc: &str) -> Crons {
    let found = formats::extract(doc.as_bytes(), SourceFormat::Auto).unwrap();
    assert!(found.errors.is_empty(), "{:?}", found.errors);
    found
        .schedules
        .iter()
        .flat_map(|s| {
            let d = match s.dialect {
                FormatDialect::Quartz => DialectChoice::Quartz,
                FormatDialect::Unix => DialectChoice::Unix,
            };
            s.expressions.iter().map(move |e| (e.text.clone(), d))
        })
        .collect()
}

fn ts(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .timestamp()
}

/// Input and output fire at exactly the same instants: over 2025–2030 (six
/// years, a leap year, every DST change), and densely around the 2026 DST
/// changes of New York, in UTC and New York, under `shift` and `quartz`.
fn assert_same_fires(input: &Crons, output: &Crons) {
    let compile = |cs: &Crons| -> Vec<Schedule> {
        cs.iter()
            .map(|(t, d)| {
                Schedule::parse(t, *d).unwrap_or_else(|e| panic!("`{t}` does not parse: {e}"))
            })
            .collect()
    };
    let a = compile(input);
    let b = compile(output);
    assert!(!b.is_empty(), "no output for {input:?}");
    let windows = [
        (
            ts("2025-01-01T00:00:00Z"),
            ts("2031-01-01T00:00:00Z"),
            150_000,
        ),
        (
            ts("2026-03-07T00:00:00Z"),
            ts("2026-03-10T00:00:00Z"),
            20_000,
        ),
        (
            ts("2026-10-31T00:00:00Z"),
            ts("2026-11-03T00:00:00Z"),
            20_000,
        ),
        (
            ts("2028-02-27T00:00:00Z"),
            ts("2028-03-02T00:00:00Z"),
            20_000,
        ),
    ];
    for zone in ["UTC", "America/New_York"] {
        let z = Zone::parse(zone).unwrap();
        for dst in [DstPolicy::Shift, DstPolicy::Quartz] {
            for (from, until, cap) in windows {
                if let Some(m) = first_mismatch(&a, &b, from, until, cap, &z, dst) {
                    panic!(
                        "{input:?} and {output:?} differ in {zone} ({dst:?}) at {}: only the {:?} side fires",
                        chrono::DateTime::from_timestamp(m.instant, 0).unwrap(),
                        m.fires
                    );
                }
            }
        }
    }
}

/// Convert cron text and check the output, its dialect and its equivalence.
fn check_cron(
    args: &[&str],
    input: &[(&str, DialectChoice)],
    out_dialect: DialectChoice,
    expected: &[&str],
) {
    let out = convert(args, "");
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    assert_eq!(lines(&out.stdout), expected, "{args:?}");
    let input: Crons = input.iter().map(|(t, d)| (t.to_string(), *d)).collect();
    assert_same_fires(&input, &crons(expected, out_dialect));
}

const U: DialectChoice = DialectChoice::Unix;
const Q: DialectChoice = DialectChoice::Quartz;

fn unix_to_quartz(expr: &str, expected: &[&str]) {
    check_cron(
        &["-e", expr, "--from", "unix", "--to", "quartz"],
        &[(expr, U)],
        Q,
        expected,
    );
    // `--from unix` and no `--to` mean the same for unix input
    let out = convert(&["-e", expr, "--from", "unix"], "");
    assert_eq!(lines(&out.stdout), expected, "{expr} (defaults)");
}

fn quartz_to(target: &str, expr: &str, expected: &[&str]) {
    check_cron(&["-e", expr, "--to", target], &[(expr, Q)], U, expected);
}

// ---------------------------------------------------------------------------
// Watcher → cron

/// A Watcher schedule converts to Elasticsearch's crons, alone, inside a
/// watch, and under `schedule`.
fn watcher(schedule: &str, expected: &[&str]) {
    for doc in [
        schedule.to_string(),
        format!(r#"{{"schedule":{schedule}}}"#),
        format!(r#"{{"trigger":{{"schedule":{schedule}}}}}"#),
    ] {
        let out = convert(&[], &doc);
        assert_eq!(out.code, 0, "{doc}: {}", out.stderr);
        assert_eq!(lines(&out.stdout), expected, "{doc}");
        // and unchanged when written as Quartz on purpose
        let out = convert(&["--to", "quartz", "--from", "watcher"], &doc);
        assert_eq!(lines(&out.stdout), expected, "{doc}");
    }
}

#[test]
fn hourly_schedules() {
    // documented examples
    watcher(r#"{"hourly":{"minute":30}}"#, &["0 30 * * * ?"]);
    watcher(
        r#"{"hourly":{"minute":[0,15,30,45]}}"#,
        &["0 0,15,30,45 * * * ?"],
    );
    // default minute 0; numeric strings (leading zero, sign) as Integer.parseInt
    watcher(r#"{"hourly":{}}"#, &["0 0 * * * ?"]);
    watcher(r#"{"hourly":{"minute":"05"}}"#, &["0 5 * * * ?"]);
    watcher(r#"{"hourly":{"minute":["+7", 50]}}"#, &["0 7,50 * * * ?"]);
    // order kept, not sorted or deduplicated
    watcher(r#"{"hourly":{"minute":[45,5,5]}}"#, &["0 45,5,5 * * * ?"]);
    // a fraction is truncated, with a warning
    let out = convert(&[], r#"{"hourly":{"minute":5.9}}"#);
    assert_eq!(lines(&out.stdout), ["0 5 * * * ?"]);
    assert!(out.stderr.contains("warning"), "{}", out.stderr);
}

#[test]
fn daily_schedules() {
    watcher(r#"{"daily":{"at":"17:00"}}"#, &["0 0 17 * * ?"]);
    // one cron per time, sorted as strings
    watcher(
        r#"{"daily":{"at":["midnight","noon","17:00"]}}"#,
        &["0 0 0 * * ?", "0 0 12 * * ?", "0 0 17 * * ?"],
    );
    watcher(
        r#"{"daily":{"at":["17:00","9:00"]}}"#,
        &["0 0 17 * * ?", "0 0 9 * * ?"],
    );
    // the object form: one cron with both lists
    watcher(
        r#"{"daily":{"at":{"hour":17,"minute":0}}}"#,
        &["0 0 17 * * ?"],
    );
    watcher(
        r#"{"daily":{"at":{"hour":[0,12,17],"minute":[0,30]}}}"#,
        &["0 0,30 0,12,17 * * ?"],
    );
    // missing hour or minute is 0; H:mm
    watcher(r#"{"daily":{"at":{"minute":15}}}"#, &["0 15 0 * * ?"]);
    watcher(r#"{"daily":{"at":"9:05"}}"#, &["0 5 9 * * ?"]);
    // default: midnight
    watcher(r#"{"daily":{}}"#, &["0 0 0 * * ?"]);
    watcher(r#"{"daily":{"at":[]}}"#, &["0 0 0 * * ?"]);
}

#[test]
fn weekly_schedules() {
    watcher(
        r#"{"weekly":{"on":"friday","at":"17:00"}}"#,
        &["0 0 17 ? * FRI"],
    );
    watcher(
        r#"{"weekly":[{"on":"tuesday","at":"noon"},{"on":"friday","at":"17:00"}]}"#,
        &["0 0 12 ? * TUE", "0 0 17 ? * FRI"],
    );
    watcher(
        r#"{"weekly":{"on":["tuesday","friday"],"at":["noon","17:00"]}}"#,
        &["0 0 12 ? * TUE,FRI", "0 0 17 ? * TUE,FRI"],
    );
    // aliases day/time, abbreviations, numbers (1 = Sunday), any case
    watcher(
        r#"{"weekly":{"day":"mon","time":"09:00"}}"#,
        &["0 0 9 ? * MON"],
    );
    watcher(r#"{"weekly":{"on":1}}"#, &["0 0 0 ? * SUN"]);
    watcher(r#"{"weekly":{"on":"7"}}"#, &["0 0 0 ? * SAT"]);
    watcher(r#"{"weekly":{"on":"SUNDAY"}}"#, &["0 0 0 ? * SUN"]);
    // days as a set: Sunday-first order, no duplicates
    watcher(
        r#"{"weekly":{"on":["fri","mon","fri"]}}"#,
        &["0 0 0 ? * MON,FRI"],
    );
    // defaults: Monday at midnight
    watcher(r#"{"weekly":{}}"#, &["0 0 0 ? * MON"]);
    watcher(r#"{"weekly":[]}"#, &["0 0 0 ? * MON"]);
}

#[test]
fn monthly_schedules() {
    watcher(r#"{"monthly":{"on":10,"at":"noon"}}"#, &["0 0 12 10 * ?"]);
    watcher(
        r#"{"monthly":[{"on":10,"at":"noon"},{"on":20,"at":"17:00"}]}"#,
        &["0 0 12 10 * ?", "0 0 17 20 * ?"],
    );
    watcher(
        r#"{"monthly":{"on":[10,20],"at":["midnight","noon"]}}"#,
        &["0 0 0 10,20 * ?", "0 0 12 10,20 * ?"],
    );
    watcher(r#"{"monthly":{"on":"first_day"}}"#, &["0 0 0 1 * ?"]);
    watcher(r#"{"monthly":{"on":"last_day"}}"#, &["0 0 0 L * ?"]);
    // aliases, days sorted numerically
    watcher(
        r#"{"monthly":{"day":[20,3,10],"time":"noon"}}"#,
        &["0 0 12 3,10,20 * ?"],
    );
    // defaults: day 1 at midnight
    watcher(r#"{"monthly":{}}"#, &["0 0 0 1 * ?"]);
    // 32 is Elasticsearch's code for the last day: accepted with a warning
    let out = convert(&[], r#"{"monthly":{"on":32}}"#);
    assert_eq!(lines(&out.stdout), ["0 0 0 L * ?"]);
    assert!(out.stderr.contains("warning"), "{}", out.stderr);
}

#[test]
fn monthly_last_day_with_other_days_is_refused_as_elasticsearch_does() {
    // Elasticsearch builds `0 0 12 10,L * ?`, which its cron parser (like
    // Quartz: "Support for specifying 'L' and 'LW' with other days of the
    // month is not implemented") rejects.
    let out = convert(&[], r#"{"monthly":{"on":[10,"last_day"],"at":"noon"}}"#);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("0 0 12 10,L * ?"), "{}", out.stderr);
    assert!(out.stderr.contains("last_day"), "{}", out.stderr);
}

#[test]
fn yearly_schedules() {
    watcher(
        r#"{"yearly":{"in":"january","on":10,"at":"noon"}}"#,
        &["0 0 12 10 JAN ?"],
    );
    watcher(
        r#"{"yearly":[{"in":"january","on":10,"at":"noon"},{"in":"july","on":20,"at":"17:00"}]}"#,
        &["0 0 12 10 JAN ?", "0 0 17 20 JUL ?"],
    );
    watcher(
        r#"{"yearly":{"in":["jan","dec"],"on":[10,20],"at":["midnight","noon"]}}"#,
        &["0 0 0 10,20 JAN,DEC ?", "0 0 12 10,20 JAN,DEC ?"],
    );
    // aliases month/day/time, first/last, numbers
    watcher(
        r#"{"yearly":{"month":"first","day":1,"time":"00:00"}}"#,
        &["0 0 0 1 JAN ?"],
    );
    watcher(r#"{"yearly":{"in":"last"}}"#, &["0 0 0 1 DEC ?"]);
    watcher(r#"{"yearly":{"in":[12,3]}}"#, &["0 0 0 1 MAR,DEC ?"]);
    watcher(
        r#"{"yearly":{"in":"May","on":"last_day","at":"7:15"}}"#,
        &["0 15 7 L MAY ?"],
    );
    // defaults: January 1st at midnight
    watcher(r#"{"yearly":{}}"#, &["0 0 0 1 JAN ?"]);
}

#[test]
fn cron_schedules() {
    watcher(r#"{"cron":"0 5 9 * * ?"}"#, &["0 5 9 * * ?"]);
    // an array keeps its order
    watcher(
        r#"{"cron":["0 0 17 ? * FRI","0 0 9 * * ?"]}"#,
        &["0 0 17 ? * FRI", "0 0 9 * * ?"],
    );
}

#[test]
fn interval_schedules() {
    // periods that divide their unit become clock-aligned crons, with a note
    for (interval, cron) in [
        (r#""30s""#, "0/30 * * * * ?"),
        (r#""5m""#, "0 0/5 * * * ?"),
        ("300", "0 0/5 * * * ?"),
        (r#""2h""#, "0 0 0/2 * * ?"),
        (r#""1d""#, "0 0 0 * * ?"),
        (r#""1w""#, "0 0 0 ? * MON"),
    ] {
        let out = convert(&[], &format!(r#"{{"interval":{interval}}}"#));
        assert_eq!(out.code, 0, "{interval}: {}", out.stderr);
        assert_eq!(lines(&out.stdout), [cron], "{interval}");
        assert!(out.stderr.contains("phase may differ"), "{}", out.stderr);
    }
    // the rest cannot be a cron: exit 1 with the reason
    for (interval, why) in [
        (r#""7m""#, "does not divide an hour"),
        (r#""90s""#, "not a whole number of minutes"),
        (r#""2d""#, "day-of-month step restarts every month"),
    ] {
        let out = convert(&[], &format!(r#"{{"interval":{interval}}}"#));
        assert_eq!(out.code, 1, "{interval}");
        assert!(out.stdout.is_empty());
        assert!(out.stderr.contains("interval-not-cron"), "{}", out.stderr);
        assert!(out.stderr.contains(why), "{interval}: {}", out.stderr);
    }
}

// ---------------------------------------------------------------------------
// rejections: the JSON path, the value and what is allowed

fn rejects(doc: &str, path: &str, value: Option<&str>, allowed: Option<&str>) -> String {
    let out = convert(&[], doc);
    assert_eq!(out.code, 1, "{doc}: {}", out.stderr);
    assert!(out.stdout.is_empty(), "{doc}");
    assert!(
        out.stderr.contains(path),
        "{doc}: path {path} in\n{}",
        out.stderr
    );
    if let Some(v) = value {
        assert!(
            out.stderr.contains(&format!("= value: {v}")),
            "{doc}: value {v} in\n{}",
            out.stderr
        );
    }
    if let Some(a) = allowed {
        assert!(
            out.stderr.contains("= allowed:") && out.stderr.contains(a),
            "{doc}: allowed {a} in\n{}",
            out.stderr
        );
    }
    out.stderr
}

#[test]
fn bad_values_name_path_value_and_allowed() {
    rejects(
        r#"{"trigger":{"schedule":{"weekly":[{"on":"mon"},{"on":"fryday"}]}}}"#,
        "trigger.schedule.weekly[1].on",
        Some("\"fryday\""),
        Some("sunday..saturday"),
    );
    rejects(
        r#"{"daily":{"at":"25:00"}}"#,
        "daily.at",
        Some("\"25:00\""),
        Some("HH:mm"),
    );
    rejects(
        r#"{"daily":{"at":"Noon"}}"#,
        "daily.at",
        Some("\"Noon\""),
        Some("noon"),
    );
    rejects(
        r#"{"hourly":{"minute":60}}"#,
        "hourly.minute",
        Some("60"),
        Some("59"),
    );
    rejects(
        r#"{"monthly":{"on":33}}"#,
        "monthly.on",
        Some("33"),
        Some("last_day"),
    );
    rejects(
        r#"{"yearly":{"in":"smarch"}}"#,
        "yearly.in",
        Some("\"smarch\""),
        Some("january"),
    );
    rejects(r#"{"weekly":{"on":8}}"#, "weekly.on", Some("8"), None);
    rejects(r#"{"interval":"10"}"#, "interval", Some("\"10\""), None);
    rejects(r#"{"interval":"0s"}"#, "interval", None, None);
    rejects(r#"{"cron":[]}"#, "cron", None, None);
    rejects(r#"{"cron":[1]}"#, "cron[0]", None, None);
}

#[test]
fn unknown_types_and_fields() {
    let e = rejects(
        r#"{"trigger":{"schedule":{"fortnightly":{}}}}"#,
        "trigger.schedule.fortnightly",
        None,
        Some("hourly, daily, weekly, monthly, yearly, cron, interval"),
    );
    assert!(e.contains("unknown schedule type `fortnightly`"), "{e}");
    rejects(
        r#"{"trigger":{"schedule":{}}}"#,
        "trigger.schedule",
        None,
        Some("hourly"),
    );
    rejects(
        r#"{"trigger":{"webhook":{}}}"#,
        "trigger.webhook",
        None,
        Some("schedule"),
    );
    // hourly and daily take no other field (Elasticsearch errors)
    rejects(
        r#"{"hourly":{"minute":5,"second":3}}"#,
        "hourly.second",
        None,
        None,
    );
    rejects(r#"{"daily":{"time":"17:00"}}"#, "daily.time", None, None);
    // duplicate keys
    rejects(
        r#"{"daily":{"at":"noon","at":"17:00"}}"#,
        "daily.at",
        None,
        None,
    );
    // timezone with an interval
    rejects(
        r#"{"interval":"5m","timezone":"Europe/Berlin"}"#,
        "timezone",
        None,
        None,
    );
    // Elasticsearch ignores unknown fields inside weekly entries; cronkit warns
    let out = convert(
        &[],
        r#"{"weekly":{"on":"fri","at":"17:00","every":"week"}}"#,
    );
    assert_eq!(out.code, 0);
    assert_eq!(lines(&out.stdout), ["0 0 17 ? * FRI"]);
    assert!(
        out.stderr.contains("warning") && out.stderr.contains("every"),
        "{}",
        out.stderr
    );
    // a watch that was not found
    let out = convert(&[], r#"{"_id":"gone","found":false}"#);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("not found"), "{}", out.stderr);
}

#[test]
fn invalid_cron_in_a_watch_points_into_the_file() {
    let doc = "{\"trigger\": {\"schedule\": {\n  \"cron\": \"0 0/0 * * * ?\"}}}";
    let out = convert(&[], doc);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("error[step-zero]"), "{}", out.stderr);
    assert!(
        out.stderr.contains("<stdin>:2:11, trigger.schedule.cron"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_json_reports_line_and_column_and_exits_2() {
    let out = convert(&[], "{\"daily\": {\n  \"at\": \"noon\",\n}}");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid JSON"), "{}", out.stderr);
    assert!(out.stderr.contains("<stdin>:3:1"), "{}", out.stderr);
    let out = convert(&["/no/such/file.json"], "");
    assert_eq!(out.code, 2);
    // nothing to convert
    for empty in ["", "\n# only a comment\n", "[]"] {
        let out = convert(&[], empty);
        assert_eq!(out.code, 2, "{empty:?}");
        assert!(out.stderr.contains("nothing to convert"), "{}", out.stderr);
    }
    assert!(out.stderr.contains("/no/such/file.json"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------
// input shapes

#[test]
fn get_watch_response() {
    let doc = r#"{"found":true,"_id":"my_watch","_seq_no":1,"_primary_term":1,"_version":1,
        "status":{"state":{"active":true}},
        "watch":{"trigger":{"schedule":{"daily":{"at":"17:00"}}},"actions":{}}}"#;
    let out = convert(&[], doc);
    assert_eq!(lines(&out.stdout), ["0 0 17 * * ?"]);
    let out = convert(&["--format", "json"], doc);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v[0]["id"], "my_watch");
    assert_eq!(v[0]["path"], "watch.trigger.schedule.daily");
}

const QUERY: &str = r#"{"count":3,"watches":[
  {"_id":"nightly","watch":{"trigger":{"schedule":{"daily":{"at":["02:30","14:30"]}}}}},
  {"_id":"report","watch":{"trigger":{"schedule":{"weekly":{"on":"mon","at":"09:00"},"timezone":"Europe/London"}}}},
  {"watch":{"trigger":{"schedule":{"cron":"0 0/15 * * * ?"}}}}
]}"#;

#[test]
fn query_watches_lines_start_with_the_id() {
    let out = convert(&[], QUERY);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        lines(&out.stdout),
        [
            "nightly\t0 30 14 * * ?",
            "nightly\t0 30 2 * * ?",
            "report\t0 0 9 ? * MON",
            // no id: the JSON path
            "watches[2].watch.trigger.schedule.cron\t0 0/15 * * * ?",
        ]
    );
    // the zone beside a schedule is said on stderr in text mode
    assert!(
        out.stderr.contains("report: timezone Europe/London"),
        "{}",
        out.stderr
    );
}

#[test]
fn json_output_shape() {
    let out = convert(&["--format", "json"], QUERY);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 3);
    assert_eq!(
        a[0],
        serde_json::json!({
            "id": "nightly",
            "path": "watches[0].watch.trigger.schedule.daily",
            "expr": null,
            "type": "daily",
            "dialect": "quartz",
            "expressions": ["0 30 14 * * ?", "0 30 2 * * ?"],
            "timezone": null,
            "notes": []
        })
    );
    assert_eq!(a[1]["timezone"], "Europe/London");
    assert_eq!(a[2]["id"], serde_json::Value::Null);
    assert_eq!(a[2]["type"], "cron");
    // notes are in the JSON, not on stderr
    let out = convert(&["--format", "json"], r#"{"interval":"5m"}"#);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(v[0]["notes"][0]
        .as_str()
        .unwrap()
        .contains("phase may differ"));
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    // a failure is an object with an error, and exit 1
    let out = convert(&["--format", "json"], r#"{"weekly":{"on":"fryday"}}"#);
    assert_eq!(out.code, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v[0]["error"]["path"], "weekly.on");
    assert_eq!(v[0]["error"]["value"], "\"fryday\"");
    assert_eq!(v[0]["expressions"], serde_json::json!([]));
}

#[test]
fn ndjson_arrays_and_search_hits() {
    let out = convert(
        &[],
        "{\"daily\":{\"at\":\"noon\"}}\n{\"hourly\":{\"minute\":[0,30]}}\n",
    );
    assert_eq!(
        lines(&out.stdout),
        ["[0].daily\t0 0 12 * * ?", "[1].hourly\t0 0,30 * * * ?"]
    );
    let out = convert(&[], r#"[{"daily":{"at":"noon"}},{"cron":"0 0 1 * * ?"}]"#);
    assert_eq!(
        lines(&out.stdout),
        ["[0].daily\t0 0 12 * * ?", "[1].cron\t0 0 1 * * ?"]
    );
    let hits = r#"{"hits":{"hits":[{"_id":"w1","_source":{"trigger":{"schedule":{"hourly":{"minute":5}}}}}]}}"#;
    assert_eq!(lines(&convert(&[], hits).stdout), ["0 5 * * * ?"]);
}

#[test]
fn files_and_several_inputs() {
    let dir = std::env::temp_dir().join(format!("cronkit-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.json");
    let b = dir.join("b.json");
    std::fs::write(
        &a,
        r#"{"_id":"w","watch":{"trigger":{"schedule":{"daily":{"at":"noon"}}}}}"#,
    )
    .unwrap();
    std::fs::write(&b, r#"{"hourly":{"minute":5}}"#).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = convert(&[a], "");
    assert_eq!(lines(&out.stdout), ["0 0 12 * * ?"]);
    let out = convert(&[a, b], "");
    assert_eq!(
        lines(&out.stdout),
        [
            format!("{a}:w\t0 0 12 * * ?"),
            format!("{b}:hourly\t0 5 * * * ?")
        ]
    );
    // `-` is stdin
    let out = convert(&["-"], r#"{"daily":{}}"#);
    assert_eq!(lines(&out.stdout), ["0 0 0 * * ?"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn timezone_is_carried() {
    let doc = r#"{"trigger":{"schedule":{"daily":{"at":"17:00"},"timezone":"America/New_York"}}}"#;
    let out = convert(&["--format", "json"], doc);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v[0]["timezone"], "America/New_York");
    let out = convert(&["--to", "watcher"], doc);
    assert_eq!(
        lines(&out.stdout),
        [r#"{"daily":{"at":"17:00"},"timezone":"America/New_York"}"#]
    );
    let out = convert(&["--to", "unix"], doc);
    assert_eq!(lines(&out.stdout), ["0 17 * * *"]);
    assert!(
        out.stderr.contains("timezone America/New_York"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------
// OpenSearch

#[test]
fn opensearch_cron() {
    let doc = r#"{"name":"job","schedule":{"cron":{"expression":"0 */6 * * *","timezone":"Europe/Berlin"}}}"#;
    // Quartz by default: seconds 0, `?`
    let out = convert(&[], doc);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(lines(&out.stdout), ["0 0 */6 * * ?"]);
    assert_same_fires(&json_crons(doc), &crons(&["0 0 */6 * * ?"], Q));
    let out = convert(&["--to", "unix", "--format", "json"], doc);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v[0]["type"], "opensearch-cron");
    assert_eq!(v[0]["dialect"], "unix");
    assert_eq!(v[0]["expressions"], serde_json::json!(["0 */6 * * *"]));
    assert_eq!(v[0]["timezone"], "Europe/Berlin");
    // weekday numbering: unix 1-5 is Monday to Friday
    let doc = r#"{"schedule":{"cron":{"expression":"30 8 * * 1-5","timezone":"UTC"}}}"#;
    let out = convert(&[], doc);
    assert_eq!(lines(&out.stdout), ["0 30 8 ? * MON-FRI"]);
    assert_same_fires(&json_crons(doc), &crons(&["0 30 8 ? * MON-FRI"], Q));
    // unknown fields are errors in the job scheduler
    let out = convert(
        &[],
        r#"{"schedule":{"cron":{"expression":"* * * * *","timezone":"UTC","jitter":1}}}"#,
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("schedule.cron.jitter"),
        "{}",
        out.stderr
    );
}

#[test]
fn opensearch_interval() {
    // start 2026-01-01T00:02:00Z, every 5 minutes: minutes 2, 7, 12, ... exactly
    let doc =
        r#"{"schedule":{"interval":{"start_time":1767225720000,"period":5,"unit":"Minutes"}}}"#;
    let out = convert(&[], doc);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(lines(&out.stdout), ["0 2/5 * * * ?"]);
    // from start_time on, the cron fires exactly at start + k * 5 min (UTC)
    let s = Schedule::parse("0 2/5 * * * ?", Q).unwrap();
    let start = 1_767_225_720;
    let got: Vec<i64> = s
        .iter_after(start - 1, &Zone::utc(), DstPolicy::Shift)
        .take(10_000)
        .collect();
    let want: Vec<i64> = (0..10_000).map(|k| start + k * 300).collect();
    assert_eq!(got, want);
    // hours: a 6-hour period starting at 03:00 → 3,9,15,21
    let doc = r#"{"schedule":{"interval":{"start_time":1767236400000,"period":6,"unit":"Hours"}}}"#;
    assert_eq!(lines(&convert(&[], doc).stdout), ["0 0 3/6 * * ?"]);
    // a period that does not divide its unit
    let doc =
        r#"{"schedule":{"interval":{"start_time":1767225720000,"period":7,"unit":"Minutes"}}}"#;
    let out = convert(&[], doc);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("interval-not-cron"), "{}", out.stderr);
    // units the job scheduler does not support
    let doc =
        r#"{"schedule":{"interval":{"start_time":1767225720000,"period":7,"unit":"Seconds"}}}"#;
    let out = convert(&[], doc);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("schedule.interval.unit"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------
// dialects

#[test]
fn unix_to_quartz_conversions() {
    // seconds 0, `?`, weekdays by name
    unix_to_quartz("*/15 9-17 * * 1-5", &["0 */15 9-17 ? * MON-FRI"]);
    unix_to_quartz("5 4 * * sun", &["0 5 4 ? * SUN"]);
    unix_to_quartz("0 9 * * 0", &["0 0 9 ? * SUN"]);
    unix_to_quartz("0 9 * * 7", &["0 0 9 ? * SUN"]);
    // Vixie's `*/2` over 0-7 is 0, 2, 4, 6: Sunday, Tuesday, Thursday, Saturday
    // (Quartz's own `*/2` would be 1,3,5,7, the same days, but names say it plainly)
    unix_to_quartz("0 12 * * */2", &["0 0 12 ? * SUN,TUE,THU,SAT"]);
    unix_to_quartz("0 12 * * 1-5/2", &["0 0 12 ? * MON,WED,FRI"]);
    unix_to_quartz("0 12 * * 5-7", &["0 0 12 ? * SUN,FRI,SAT"]);
    // both day fields restricted: OR in Vixie cron, two Quartz expressions
    unix_to_quartz("0 12 1 * 1", &["0 0 12 1 * ?", "0 0 12 ? * MON"]);
    unix_to_quartz(
        "30 6 1,15 * MON-FRI",
        &["0 30 6 1,15 * ?", "0 30 6 ? * MON-FRI"],
    );
    // nicknames
    unix_to_quartz("@hourly", &["0 0 * * * ?"]);
    unix_to_quartz("@daily", &["0 0 0 * * ?"]);
    unix_to_quartz("@midnight", &["0 0 0 * * ?"]);
    unix_to_quartz("@weekly", &["0 0 0 ? * SUN"]);
    unix_to_quartz("@monthly", &["0 0 0 1 * ?"]);
    unix_to_quartz("@yearly", &["0 0 0 1 1 ?"]);
    unix_to_quartz("@annually", &["0 0 0 1 1 ?"]);
    // OCPS forms: L, last weekday, nth weekday, nearest weekday, seconds, year
    unix_to_quartz("0 0 L * *", &["0 0 0 L * ?"]);
    unix_to_quartz("0 0 * * FRI#L", &["0 0 0 ? * 6L"]);
    unix_to_quartz("0 0 * * 5L", &["0 0 0 ? * 6L"]);
    unix_to_quartz("0 0 * * 5#3", &["0 0 0 ? * 6#3"]);
    unix_to_quartz("0 12 15W * *", &["0 0 12 15W * ?"]);
    unix_to_quartz("30 15 10 * * *", &["30 15 10 * * ?"]);
    unix_to_quartz("0 15 10 * * * 2030", &["0 15 10 * * ? 2030"]);
    // months keep their names
    unix_to_quartz("0 0 1 JAN,JUL *", &["0 0 0 1 JAN,JUL ?"]);
}

#[test]
fn the_or_split_is_explained() {
    let out = convert(&["-e", "0 12 1 * 1"], "");
    assert!(out.stderr.contains("OR"), "{}", out.stderr);
}

#[test]
fn unix_that_quartz_cannot_say() {
    // a `*`-prefixed day-of-month ANDs with day-of-week in Vixie cron
    for e in ["0 12 */2 * 1", "0 12 1 * +1"] {
        let out = convert(&["-e", e, "--to", "quartz"], "");
        assert_eq!(out.code, 1, "{e}");
        assert!(
            out.stderr.contains("error[day-and-in-quartz]"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.is_empty());
    }
    let out = convert(&["-e", "@reboot", "--to", "quartz"], "");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("error[reboot]"), "{}", out.stderr);
}

#[test]
fn quartz_to_unix_conversions() {
    quartz_to("unix", "0 15 10 ? * MON-FRI", &["15 10 * * MON-FRI"]);
    quartz_to("unix", "0 0/5 * * * ?", &["*/5 * * * *"]);
    // Vixie cron has no open-ended `a/n`
    quartz_to("unix", "0 5/15 * * * ?", &["5-59/15 * * * *"]);
    // Quartz 2-6 is Monday to Friday
    quartz_to("unix", "0 0 12 ? * 2-6", &["0 12 * * MON-FRI"]);
    quartz_to("unix", "0 0 12 ? * 1,3,5,7", &["0 12 * * SUN,TUE,THU,SAT"]);
    // Quartz `L` alone in day-of-week is Saturday
    quartz_to("unix", "0 0 0 ? * L", &["0 0 * * SAT"]);
    quartz_to("unix", "0 0 12 1/2 * ?", &["0 12 */2 * *"]);
    quartz_to("unix", "0 0 12 * JAN-MAR ?", &["0 12 * JAN-MAR *"]);
    // the default for Quartz input is unix
    let out = convert(&["-e", "0 15 10 ? * MON-FRI"], "");
    assert_eq!(lines(&out.stdout), ["15 10 * * MON-FRI"]);
}

#[test]
fn quartz_that_classic_unix_cannot_say() {
    for (e, code, says) in [
        ("30 0 12 * * ?", "seconds-in-unix", "second"),
        ("0 0 12 * * ? 2030", "year-in-unix", "year"),
        ("0 0 12 L * ?", "needs-ocps", "`L`"),
        ("0 0 12 15W * ?", "needs-ocps", "`15W`"),
        ("0 0 12 ? * 6#3", "needs-ocps", "`FRI#3`"),
        ("0 0 12 ? * 6L", "needs-ocps", "`FRI#L`"),
        ("0 0 12 LW * ?", "not-in-unix", "`LW`"),
        ("0 0 12 L-3 * ?", "not-in-unix", "`L-3`"),
        ("0 0 12 L-3W * ?", "not-in-unix", "`L-3W`"),
    ] {
        let out = convert(&["-e", e, "--to", "unix"], "");
        assert_eq!(out.code, 1, "{e}");
        assert!(out.stdout.is_empty(), "{e}");
        assert!(
            out.stderr.contains(&format!("error[{code}]")),
            "{e}: {}",
            out.stderr
        );
        assert!(out.stderr.contains(says), "{e}: {}", out.stderr);
    }
    // LW and L-n are not OCPS either
    let out = convert(&["-e", "0 0 12 LW * ?", "--to", "ocps"], "");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("not-in-unix"), "{}", out.stderr);
}

#[test]
fn quartz_to_ocps_conversions() {
    quartz_to("ocps", "30 0 12 * * ?", &["30 0 12 * * *"]);
    quartz_to("ocps", "0/10 * * * * ?", &["*/10 * * * * *"]);
    quartz_to("ocps", "0 0 12 * * ? 2030", &["0 0 12 * * * 2030"]);
    quartz_to(
        "ocps",
        "0 0 12 * * ? 2030-2045/5",
        &["0 0 12 * * * 2030-2045/5"],
    );
    // three values read better as a list
    quartz_to(
        "ocps",
        "0 0 12 * * ? 2030-2040/5",
        &["0 0 12 * * * 2030,2035,2040"],
    );
    quartz_to("ocps", "0 0 12 L * ?", &["0 12 L * *"]);
    quartz_to("ocps", "0 0 12 ? * 6#3", &["0 12 * * FRI#3"]);
    quartz_to("ocps", "0 0 12 ? * 6L", &["0 12 * * FRI#L"]);
    quartz_to("ocps", "0 0 12 15W * ?", &["0 12 15W * *"]);
    // AND of both day fields: OCPS 1.4 `+`; Vixie's `*/2` form stays
    check_cron(
        &["-e", "0 12 1 * +1", "--to", "ocps"],
        &[("0 12 1 * +1", U)],
        U,
        &["0 12 1 * +MON"],
    );
    check_cron(
        &["-e", "0 12 */2 * 1", "--to", "unix"],
        &[("0 12 */2 * 1", U)],
        U,
        &["0 12 */2 * MON"],
    );
}

#[test]
fn plain_text_input() {
    // one expression per line on stdin, comments skipped; each line labelled
    let out = convert(&["--to", "quartz"], "# jobs\n*/5 * * * *\n0 3 * * 0\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        lines(&out.stdout),
        ["*/5 * * * *\t0 */5 * * * ?", "0 3 * * 0\t0 0 3 ? * SUN"]
    );
    let out = convert(&["--from", "quartz", "--to", "unix"], "0 0 12 * * ?\n");
    assert_eq!(lines(&out.stdout), ["0 12 * * *"]);
    // an invalid expression: its diagnostic, exit 1
    let out = convert(&["-e", "0 0 12 1 * MON"], "");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("error[both-day-fields]"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------
// --to watcher

/// Convert to Watcher JSON; Elasticsearch's crons for the output must fire as
/// the input.
fn to_watcher(args: &[&str], stdin: &str, input: &Crons, expected: &str) {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--to", "watcher"]);
    let out = convert(&all, stdin);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    assert_eq!(lines(&out.stdout), [expected], "{args:?}");
    assert_same_fires(input, &json_crons(expected));
}

#[test]
fn cron_to_watcher() {
    for (e, d, w) in [
        ("0 0 17 * * ?", Q, r#"{"daily":{"at":"17:00"}}"#),
        ("0 30 * * * ?", Q, r#"{"hourly":{"minute":30}}"#),
        ("0 0,30 * * * ?", Q, r#"{"hourly":{"minute":[0,30]}}"#),
        (
            "0 0,30 0,12,17 * * ?",
            Q,
            r#"{"daily":{"at":{"hour":[0,12,17],"minute":[0,30]}}}"#,
        ),
        (
            "0 0 17 ? * TUE,FRI",
            Q,
            r#"{"weekly":{"on":["tuesday","friday"],"at":"17:00"}}"#,
        ),
        (
            "0 0 12 10,20 * ?",
            Q,
            r#"{"monthly":{"on":[10,20],"at":"12:00"}}"#,
        ),
        (
            "0 0 12 L * ?",
            Q,
            r#"{"monthly":{"on":"last_day","at":"12:00"}}"#,
        ),
        (
            "0 0 12 10 JAN ?",
            Q,
            r#"{"yearly":{"in":"january","on":10,"at":"12:00"}}"#,
        ),
        (
            "0 0 0,12 10,20 JAN,DEC ?",
            Q,
            r#"{"yearly":{"in":["january","december"],"on":[10,20],"at":{"hour":[0,12],"minute":0}}}"#,
        ),
        // unix input
        (
            "*/20 9-17 * * 1-5",
            U,
            r#"{"weekly":{"on":["monday","tuesday","wednesday","thursday","friday"],"at":{"hour":[9,10,11,12,13,14,15,16,17],"minute":[0,20,40]}}}"#,
        ),
        ("@monthly", U, r#"{"monthly":{"on":1,"at":"00:00"}}"#),
        // no structured type can say these
        ("0 0 12 ? * 6#3", Q, r#"{"cron":"0 0 12 ? * 6#3"}"#),
        ("30 0 12 * * ?", Q, r#"{"cron":"30 0 12 * * ?"}"#),
        ("0 0 12 * * ? 2030", Q, r#"{"cron":"0 0 12 * * ? 2030"}"#),
        ("0 0 12 * JAN ?", Q, r#"{"cron":"0 0 12 * JAN ?"}"#),
        (
            "0 12 1 * 1",
            U,
            r#"{"cron":["0 0 12 1 * ?","0 0 12 ? * MON"]}"#,
        ),
    ] {
        to_watcher(&["-e", e], "", &crons(&[e], d), w);
    }
}

#[test]
fn watcher_to_watcher_and_intervals() {
    // several times of a day: one schedule, merged
    let doc = r#"{"daily":{"at":["midnight","noon","17:00"]}}"#;
    to_watcher(
        &[],
        doc,
        &json_crons(doc),
        r#"{"daily":{"at":{"hour":[0,12,17],"minute":0}}}"#,
    );
    let doc = r#"{"daily":{"at":["09:30","17:00"]}}"#;
    to_watcher(
        &[],
        doc,
        &json_crons(doc),
        r#"{"daily":{"at":["09:30","17:00"]}}"#,
    );
    // Elasticsearch would reject `10,L`: last_day gets its own entry
    to_watcher(
        &["-e", "0 0 12 10 * ?", "-e", "0 0 12 L * ?", "--merge"],
        "",
        &crons(&["0 0 12 10 * ?", "0 0 12 L * ?"], Q),
        r#"{"monthly":[{"on":10,"at":"12:00"},{"on":"last_day","at":"12:00"}]}"#,
    );
    // OpenSearch cron with its zone
    let doc = r#"{"schedule":{"cron":{"expression":"0 */6 * * *","timezone":"Europe/Berlin"}}}"#;
    to_watcher(
        &[],
        doc,
        &json_crons(doc),
        r#"{"daily":{"at":{"hour":[0,6,12,18],"minute":0}},"timezone":"Europe/Berlin"}"#,
    );
    // a Watcher interval is its own simplest schedule, convertible or not
    for (i, w) in [
        (r#""5m""#, r#"{"interval":"5m"}"#),
        ("300", r#"{"interval":"5m"}"#),
        (r#""7m""#, r#"{"interval":"7m"}"#),
        (r#""90s""#, r#"{"interval":"90s"}"#),
    ] {
        let out = convert(&["--to", "watcher"], &format!(r#"{{"interval":{i}}}"#));
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(lines(&out.stdout), [w]);
    }
}

// ---------------------------------------------------------------------------
// --merge

fn merges(
    args: &[&str],
    stdin: &str,
    input: &Crons,
    out_dialect: DialectChoice,
    expected: &[&str],
) {
    let mut all = args.to_vec();
    all.push("--merge");
    let out = convert(&all, stdin);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    assert_eq!(lines(&out.stdout), expected, "{args:?}");
    assert_same_fires(input, &crons(expected, out_dialect));
}

#[test]
fn merging() {
    let doc = r#"{"daily":{"at":["midnight","noon","17:00"]}}"#;
    merges(&[], doc, &json_crons(doc), Q, &["0 0 0,12,17 * * ?"]);
    let doc = r#"{"monthly":[{"on":10,"at":"noon"},{"on":20,"at":"noon"}]}"#;
    merges(&[], doc, &json_crons(doc), Q, &["0 0 12 10,20 * ?"]);
    let doc = r#"{"weekly":{"on":["tue","fri"],"at":["noon","17:00"]}}"#;
    merges(&[], doc, &json_crons(doc), Q, &["0 0 12,17 ? * TUE,FRI"]);
    // identical expressions, and one inside another
    let doc = r#"{"cron":["0 0 9 ? * MON","0 0 9 ? * MON"]}"#;
    merges(&[], doc, &json_crons(doc), Q, &["0 0 9 ? * MON"]);
    let doc = r#"{"cron":["0 0 * * * ?","0 0 12 * * ?"]}"#;
    merges(&[], doc, &json_crons(doc), Q, &["0 0 * * * ?"]);
    // times that differ in two fields stay apart
    let doc = r#"{"daily":{"at":["09:30","17:00"]}}"#;
    merges(
        &[],
        doc,
        &json_crons(doc),
        Q,
        &["0 0 17 * * ?", "0 30 9 * * ?"],
    );
    // several -e form one schedule
    merges(
        &["-e", "0 0 9 * * ?", "-e", "0 0 17 * * ?", "--to", "quartz"],
        "",
        &crons(&["0 0 9 * * ?", "0 0 17 * * ?"], Q),
        Q,
        &["0 0 9,17 * * ?"],
    );
    // day-of-month and day-of-week: one unix expression (OR)
    merges(
        &["-e", "0 0 12 1 * ?", "-e", "0 0 12 ? * MON", "--to", "unix"],
        "",
        &crons(&["0 0 12 1 * ?", "0 0 12 ? * MON"], Q),
        U,
        &["0 12 1 * MON"],
    );
    merges(
        &["-e", "0 12 * * 1", "-e", "0 12 * * 2,3", "--to", "quartz"],
        "",
        &crons(&["0 12 * * 1", "0 12 * * 2,3"], U),
        Q,
        &["0 0 12 ? * MON-WED"],
    );
}

// ---------------------------------------------------------------------------
// croneval --schedule

fn croneval_schedule(doc: &str, args: &[&str]) -> Out {
    let mut all = vec!["--schedule", "-"];
    all.extend_from_slice(args);
    run("croneval", &all, doc)
}

#[test]
fn croneval_schedule_merges_the_crons_of_a_schedule() {
    let out = croneval_schedule(
        r#"{"trigger":{"schedule":{"daily":{"at":["midnight","noon"]}}}}"#,
        &[
            "--from",
            "2026-01-01T06:00:00Z",
            "-c",
            "3",
            "--format",
            "iso",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        lines(&out.stdout),
        [
            "2026-01-01T12:00:00Z",
            "2026-01-02T00:00:00Z",
            "2026-01-02T12:00:00Z"
        ]
    );
    // Elasticsearch's text, with the expressions named
    let out = croneval_schedule(
        r#"{"daily":{"at":["midnight","noon"]}}"#,
        &["--from", "2026-01-01T06:00:00Z", "-c", "2"],
    );
    assert_eq!(
        lines(&out.stdout),
        [
            "Valid!",
            "Now is [Thu, 1 Jan 2026 06:00:00] in UTC",
            "Here are the next 2 times these cron expressions will trigger:",
            "1.\tThu, 1 Jan 2026 12:00:00\t0 0 12 * * ?",
            "2.\tFri, 2 Jan 2026 00:00:00\t0 0 0 * * ?",
        ]
    );
}

#[test]
fn croneval_schedule_uses_the_schedule_zone() {
    // 17:00 in New York: EST (-05:00) until 2026-03-08, then EDT (-04:00)
    let doc = r#"{"daily":{"at":"17:00"},"timezone":"America/New_York"}"#;
    let out = croneval_schedule(
        doc,
        &[
            "--from",
            "2026-03-07T00:00:00Z",
            "-c",
            "2",
            "--format",
            "iso",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        lines(&out.stdout),
        ["2026-03-07T17:00:00-05:00", "2026-03-08T17:00:00-04:00"]
    );
    // --tz wins
    let out = croneval_schedule(
        doc,
        &[
            "--from",
            "2026-03-07T00:00:00Z",
            "-c",
            "1",
            "--format",
            "iso",
            "--tz",
            "UTC",
        ],
    );
    assert_eq!(lines(&out.stdout), ["2026-03-07T17:00:00Z"]);
    // OpenSearch: unix cron in the job's zone; 2026-01-01 is a Thursday and
    // 09:00 Tokyo that day is the start instant itself, so the next is Friday
    let doc = r#"{"schedule":{"cron":{"expression":"0 9 * * 1-5","timezone":"Asia/Tokyo"}}}"#;
    let out = croneval_schedule(
        doc,
        &[
            "--from",
            "2026-01-01T00:00:00Z",
            "-c",
            "2",
            "--format",
            "iso",
        ],
    );
    assert_eq!(
        lines(&out.stdout),
        ["2026-01-02T09:00:00+09:00", "2026-01-05T09:00:00+09:00"]
    );
}

#[test]
fn croneval_schedule_intervals() {
    // OpenSearch: from start_time (2026-01-01T00:02:00Z) every 5 minutes,
    // nothing before it
    let doc =
        r#"{"schedule":{"interval":{"start_time":1767225720000,"period":5,"unit":"Minutes"}}}"#;
    let out = croneval_schedule(
        doc,
        &[
            "--from",
            "2025-12-31T00:00:00Z",
            "-c",
            "3",
            "--format",
            "iso",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        lines(&out.stdout),
        [
            "2026-01-01T00:02:00Z",
            "2026-01-01T00:07:00Z",
            "2026-01-01T00:12:00Z"
        ]
    );
    let out = croneval_schedule(
        doc,
        &[
            "--from",
            "2026-01-01T00:10:00Z",
            "-c",
            "5",
            "--format",
            "iso",
            "--prev",
        ],
    );
    assert_eq!(
        lines(&out.stdout),
        ["2026-01-01T00:07:00Z", "2026-01-01T00:02:00Z"]
    );
    // Watcher: counted from --from, even when no cron can express it
    let out = croneval_schedule(
        r#"{"interval":"90s"}"#,
        &[
            "--from",
            "2026-01-01T00:00:00Z",
            "-c",
            "3",
            "--format",
            "iso",
        ],
    );
    assert_eq!(
        lines(&out.stdout),
        [
            "2026-01-01T00:01:30Z",
            "2026-01-01T00:03:00Z",
            "2026-01-01T00:04:30Z"
        ]
    );
    assert!(out.stderr.contains("--from"), "{}", out.stderr);
}

#[test]
fn croneval_schedule_many_watches_and_errors() {
    let doc = r#"{"watches":[
      {"_id":"a","watch":{"trigger":{"schedule":{"daily":{"at":"01:00"}}}}},
      {"_id":"b","watch":{"trigger":{"schedule":{"hourly":{"minute":30}}}}}
    ]}"#;
    let out = croneval_schedule(doc, &["--from", "2026-01-01T00:00:00Z", "-c", "3"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        lines(&out.stdout)[3..],
        [
            "1.\tThu, 1 Jan 2026 00:30:00\tb: 0 30 * * * ?",
            "2.\tThu, 1 Jan 2026 01:00:00\ta: 0 0 1 * * ?",
            "3.\tThu, 1 Jan 2026 01:30:00\tb: 0 30 * * * ?",
        ]
    );
    let out = croneval_schedule(r#"{"weekly":{"on":"fryday"}}"#, &[]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("weekly.on"), "{}", out.stderr);
    let out = croneval_schedule("{\"daily\":", &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid JSON"), "{}", out.stderr);
}
