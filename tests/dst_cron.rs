//! The `cron` DST policy (Vixie/ISC cron and cronie) pinned at the gaps and overlaps
//! of New York, London, Lord Howe (a 30-minute shift) and Santiago (clocks change at
//! midnight), forwards and backwards, in 2026, 2099 and 2150 (the three years share
//! their calendar and so their transition dates; see `tests/dst.rs` for the table of
//! transitions).
//!
//! The rules come from the daemons' source, not from cronkit (`docs/dst.md` quotes
//! them with their places):
//!
//! * cronie `src/entry.c` `load_entry` (and ISC cron `entry.c`): a job is
//!   *wildcard* when the first character of its minute or its hour field is `*`
//!   (`MIN_STAR`, `HR_STAR`); `@hourly` sets `HR_STAR`; `@daily`, `@weekly`,
//!   `@monthly`, `@yearly` set neither. Every other job is *fixed-time*.
//! * cronie `src/cron.c` `main` (ISC cron `cron.c` the same): cron keeps a virtual
//!   clock in wall-clock minutes. When the wall clock jumps forward by 6 to 180
//!   minutes (a spring-forward gap of 5 minutes to 3 hours) it runs the wildcard
//!   jobs of the current minute, then the *fixed-time* jobs of every minute it
//!   missed, at once: a fixed-time job whose wall time was skipped runs when the
//!   gap ends (02:30 → 03:00), a wildcard one does not run for the missing
//!   minutes. When the clock goes back (an overlap) by up to 181 minutes it runs
//!   only the wildcard jobs until the wall clock catches up with the virtual one:
//!   fixed-time jobs run once (the first pass), wildcard jobs in both passes.
//!
//! Expected instants are worked out by hand next to each case.

use assert_cmd::Command;
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Next,
    Prev,
}
use Dir::{Next, Prev};

struct Case {
    name: &'static str,
    expr: &'static str,
    zone: &'static str,
    dir: Dir,
    /// UTC `MM-DDTHH:MM` in the case's year.
    from: &'static str,
    want: &'static [&'static str],
}

const CASES: &[Case] = &[
    // ------------------------------------------------------------ New York
    // gap 03-08 07:00Z: 02:00–02:59 EST do not exist; overlap 11-01 06:00Z:
    // 01:00–01:59 at 05:xxZ (EDT) and 06:xxZ (EST)
    Case {
        name: "NY fixed 02:30 runs at 03:00 EDT when the gap ends",
        expr: "30 2 * * *",
        zone: "America/New_York",
        dir: Next,
        from: "03-06T12:00",
        // 03-07 02:30 EST = 07:30Z; 03-08 at the gap's end 03:00 EDT = 07:00Z (not
        // 03:30 as under shift); 03-09 02:30 EDT = 06:30Z
        want: &["03-07T07:30", "03-08T07:00", "03-09T06:30", "03-10T06:30"],
    },
    Case {
        name: "NY fixed 02:30 backwards",
        expr: "30 2 * * *",
        zone: "America/New_York",
        dir: Prev,
        from: "03-09T12:00",
        want: &["03-09T06:30", "03-08T07:00", "03-07T07:30"],
    },
    Case {
        name: "NY fixed 02:00 and 02:30: both missed, one run at the gap's end",
        expr: "0,30 2 * * *",
        zone: "America/New_York",
        dir: Next,
        from: "03-07T00:00",
        // cron's job queue holds a job once (job_add): one run at 03:00 EDT
        want: &[
            "03-07T07:00",
            "03-07T07:30",
            "03-08T07:00",
            "03-09T06:00",
            "03-09T06:30",
        ],
    },
    Case {
        name: "NY fixed 03:00 and the missed 02:30 coincide",
        expr: "30 2,3 * * *",
        zone: "America/New_York",
        dir: Next,
        from: "03-08T06:00",
        // 02:30 EST missing → 07:00Z; 03:30 EDT = 07:30Z
        want: &["03-08T07:00", "03-08T07:30", "03-09T06:30"],
    },
    Case {
        name: "NY wildcard hour: the missing 02:30 does not run",
        expr: "30 * * * *",
        zone: "America/New_York",
        dir: Next,
        from: "03-08T05:00",
        // 00:30 EST = 05:30Z, 01:30 EST = 06:30Z, (02:30 missing), 03:30 EDT = 07:30Z
        want: &["03-08T05:30", "03-08T06:30", "03-08T07:30", "03-08T08:30"],
    },
    Case {
        name: "NY wildcard minute in the gap hour: nothing that day",
        expr: "* 2 * * *",
        zone: "America/New_York",
        dir: Next,
        from: "03-08T06:59",
        // 02:00 EDT on 03-09 = 06:00Z
        want: &["03-09T06:00", "03-09T06:01"],
    },
    Case {
        name: "NY every 30 minutes runs in both passes of the overlap",
        expr: "*/30 * * * *",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T04:00",
        // 00:30 EDT, 01:00 EDT, 01:30 EDT, 01:00 EST, 01:30 EST, 02:00 EST, 02:30 EST
        want: &[
            "11-01T04:30",
            "11-01T05:00",
            "11-01T05:30",
            "11-01T06:00",
            "11-01T06:30",
            "11-01T07:00",
            "11-01T07:30",
        ],
    },
    Case {
        name: "NY every 30 minutes backwards through the overlap",
        expr: "*/30 * * * *",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T07:15",
        want: &[
            "11-01T07:00",
            "11-01T06:30",
            "11-01T06:00",
            "11-01T05:30",
            "11-01T05:00",
            "11-01T04:30",
        ],
    },
    Case {
        name: "NY @hourly runs in both passes",
        expr: "@hourly",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T04:30",
        // 01:00 EDT = 05:00Z, 01:00 EST = 06:00Z, 02:00 EST = 07:00Z
        want: &["11-01T05:00", "11-01T06:00", "11-01T07:00"],
    },
    Case {
        name: "NY fixed 01:30 runs once, in the first pass",
        expr: "30 1 * * *",
        zone: "America/New_York",
        dir: Next,
        from: "10-30T12:00",
        // 10-31 01:30 EDT = 05:30Z; 11-01 01:30 EDT = 05:30Z only; 11-02 01:30 EST = 06:30Z
        want: &["10-31T05:30", "11-01T05:30", "11-02T06:30"],
    },
    Case {
        name: "NY fixed 01:30 backwards from the second pass",
        expr: "30 1 * * *",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T06:45",
        // 06:45Z is 01:45 EST, in the second pass: the 01:30 of that night ran at 05:30Z
        want: &["11-01T05:30", "10-31T05:30"],
    },
    Case {
        name: "NY fixed 01:15 from the second pass before 01:15 EST: not again",
        expr: "15 1 * * *",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T06:10",
        want: &["11-02T06:15"],
    },
    Case {
        name: "NY wildcard from inside the first pass: the second pass comes next",
        expr: "15 * * * *",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T05:20",
        // 05:20Z = 01:20 EDT; 01:15 EST = 06:15Z; 02:15 EST = 07:15Z
        want: &["11-01T06:15", "11-01T07:15"],
    },
    Case {
        name: "NY wildcard backwards from inside the second pass: the first pass comes next",
        expr: "45 * * * *",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T06:30",
        // 06:30Z = 01:30 EST; 01:45 EDT = 05:45Z; 00:45 EDT = 04:45Z
        want: &["11-01T05:45", "11-01T04:45"],
    },
    Case {
        name: "NY @daily on a night without change",
        expr: "@daily",
        zone: "America/New_York",
        dir: Next,
        from: "03-07T00:00",
        want: &["03-07T05:00", "03-08T05:00", "03-09T04:00"],
    },
    // ------------------------------------------------------------ London
    // gap 03-29 01:00Z: 01:00–01:59 GMT do not exist; overlap 10-25 01:00Z:
    // 01:00–01:59 at 00:xxZ (BST) and 01:xxZ (GMT)
    Case {
        name: "London fixed 01:30 runs at 02:00 BST",
        expr: "30 1 * * *",
        zone: "Europe/London",
        dir: Next,
        from: "03-27T12:00",
        // 03-28 01:30 GMT; 03-29 gap end 02:00 BST = 01:00Z; 03-30 01:30 BST = 00:30Z
        want: &["03-28T01:30", "03-29T01:00", "03-30T00:30"],
    },
    Case {
        name: "London fixed 01:30 in the overlap: first pass only",
        expr: "30 1 * * *",
        zone: "Europe/London",
        dir: Next,
        from: "10-23T12:00",
        want: &["10-24T00:30", "10-25T00:30", "10-26T01:30"],
    },
    Case {
        name: "London every 20 minutes through the overlap",
        expr: "*/20 * * * *",
        zone: "Europe/London",
        dir: Next,
        from: "10-24T23:30",
        // 00:40 BST, 01:00/01:20/01:40 BST, 01:00/01:20/01:40 GMT, 02:00 GMT
        want: &[
            "10-24T23:40",
            "10-25T00:00",
            "10-25T00:20",
            "10-25T00:40",
            "10-25T01:00",
            "10-25T01:20",
            "10-25T01:40",
            "10-25T02:00",
        ],
    },
    // ------------------------------------------------------------ Lord Howe
    // +10:30 / +11. gap 10-04 02:00 → 02:30 at 10-03T15:30Z; overlap 04-05 02:00 →
    // 01:30 at 04-04T15:00Z: 01:30–01:59 at 14:30–14:59Z (+11) and 15:00–15:29Z (+10:30)
    Case {
        name: "Lord Howe fixed 02:15 runs at 02:30, when the 30-minute gap ends",
        expr: "15 2 * * *",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-01T12:00",
        // 10-02 02:15 +10:30 = 10-01T15:45Z; 10-03 the same = 10-02T15:45Z; 10-04 at
        // 02:30 +11 = 10-03T15:30Z; 10-05 02:15 +11 = 10-04T15:15Z
        want: &["10-01T15:45", "10-02T15:45", "10-03T15:30", "10-04T15:15"],
    },
    Case {
        name: "Lord Howe fixed 02:15 backwards",
        expr: "15 2 * * *",
        zone: "Australia/Lord_Howe",
        dir: Prev,
        from: "10-04T16:00",
        want: &["10-04T15:15", "10-03T15:30", "10-02T15:45"],
    },
    Case {
        name: "Lord Howe every 15 minutes skips 02:00 and 02:15",
        expr: "*/15 * * * *",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-03T15:00",
        // 01:45 +10:30 = 15:15Z; 02:30 +11 = 15:30Z (exists); 02:45 +11 = 15:45Z
        want: &["10-03T15:15", "10-03T15:30", "10-03T15:45"],
    },
    Case {
        name: "Lord Howe fixed 01:45 in the overlap: first pass only",
        expr: "45 1 * * *",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "04-03T12:00",
        // 04-04 01:45 +11 = 04-03T14:45Z; 04-05 first pass +11 = 04-04T14:45Z;
        // 04-06 01:45 +10:30 = 04-05T15:15Z
        want: &["04-03T14:45", "04-04T14:45", "04-05T15:15"],
    },
    Case {
        name: "Lord Howe every 15 minutes through the overlap",
        expr: "*/15 * * * *",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "04-04T14:00",
        // 01:15, 01:30, 01:45 (+11), 01:30, 01:45 (+10:30), 02:00, 02:15 (+10:30)
        want: &[
            "04-04T14:15",
            "04-04T14:30",
            "04-04T14:45",
            "04-04T15:00",
            "04-04T15:15",
            "04-04T15:30",
            "04-04T15:45",
        ],
    },
    // ------------------------------------------------------------ Santiago
    // -4 / -3. gap 09-06 00:00 → 01:00 at 04:00Z; overlap 04-05 00:00 → 04-04 23:00 at
    // 04-05T03:00Z: 04-04 23:00–23:59 at 02:xxZ (-3) and 03:xxZ (-4)
    Case {
        name: "Santiago @daily runs at 01:00 on the day midnight is missing",
        expr: "@daily",
        zone: "America/Santiago",
        dir: Next,
        from: "09-04T12:00",
        // 09-05 00:00 -4 = 04:00Z; 09-06 gap end 01:00 -3 = 04:00Z; 09-07 00:00 -3 = 03:00Z
        want: &["09-05T04:00", "09-06T04:00", "09-07T03:00"],
    },
    Case {
        name: "Santiago yearly on September 6 at midnight",
        expr: "0 0 6 9 *",
        zone: "America/Santiago",
        dir: Next,
        from: "01-01T00:00",
        want: &["09-06T04:00"],
    },
    Case {
        name: "Santiago fixed 00:30 backwards over the gap",
        expr: "30 0 * * *",
        zone: "America/Santiago",
        dir: Prev,
        from: "09-07T12:00",
        want: &["09-07T03:30", "09-06T04:00", "09-05T04:30"],
    },
    Case {
        name: "Santiago fixed 23:30 in the overlap: first pass only",
        expr: "30 23 * * *",
        zone: "America/Santiago",
        dir: Next,
        from: "04-03T12:00",
        // 04-03 23:30 -3 = 04-04T02:30Z; 04-04 first pass -3 = 04-05T02:30Z; 04-05 23:30
        // -4 = 04-06T03:30Z
        want: &["04-04T02:30", "04-05T02:30", "04-06T03:30"],
    },
    Case {
        name: "Santiago hourly in both passes across midnight",
        expr: "0 * * * *",
        zone: "America/Santiago",
        dir: Next,
        from: "04-05T01:30",
        // 23:00 -3 = 02:00Z, 23:00 -4 = 03:00Z, 00:00 -4 (04-05) = 04:00Z
        want: &["04-05T02:00", "04-05T03:00", "04-05T04:00"],
    },
];

fn at(year: i32, s: &str) -> i64 {
    let text = format!("{year}-{s}:00Z");
    chrono::DateTime::parse_from_rfc3339(&text)
        .unwrap_or_else(|e| panic!("bad time {text}: {e}"))
        .timestamp()
}

fn iso(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| t.to_string())
}

fn run(year: i32) {
    for case in CASES {
        let s = Schedule::parse(case.expr, DialectChoice::Unix)
            .unwrap_or_else(|d| panic!("{}: {}", case.name, d.render()));
        let zone = Zone::parse(case.zone).unwrap();
        let from = at(year, case.from);
        let want: Vec<String> = case.want.iter().map(|w| iso(at(year, w))).collect();
        let got: Vec<String> = match case.dir {
            Next => s.iter_after(from, &zone, DstPolicy::Cron),
            Prev => s.iter_before(from, &zone, DstPolicy::Cron),
        }
        .take(want.len())
        .map(iso)
        .collect();
        assert_eq!(got, want, "{year} {}", case.name);
        // each answer is the other direction's answer from the next one
        let times: Vec<i64> = case.want.iter().map(|w| at(year, w)).collect();
        for w in times.windows(2) {
            let (older, newer) = if case.dir == Next {
                (w[0], w[1])
            } else {
                (w[1], w[0])
            };
            assert!(older < newer, "{}: not strictly monotonic", case.name);
            assert_eq!(
                s.prev_before_ts(newer, &zone, DstPolicy::Cron).map(iso),
                Some(iso(older)),
                "{year} {}: prev_before({})",
                case.name,
                iso(newer)
            );
            assert_eq!(
                s.next_after_ts(older, &zone, DstPolicy::Cron).map(iso),
                Some(iso(newer)),
                "{year} {}: next_after({})",
                case.name,
                iso(older)
            );
        }
    }
}

#[test]
fn cron_policy_in_2026() {
    run(2026);
}

#[test]
fn cron_policy_in_2099_the_last_table_year() {
    run(2099);
}

#[test]
fn cron_policy_in_2150_rules_extended() {
    run(2150);
}

/// cronie `entry.c`: the flag comes from the first character of the field.
#[test]
fn wildcard_is_the_first_character_of_minute_or_hour() {
    let wild = |e: &str, d| Schedule::parse(e, d).unwrap().is_wildcard_time();
    for e in [
        "* * * * *",
        "*/5 * * * *",
        "30 * * * *",
        "0 */2 * * *",
        "*/5,7 3 * * *",
        "@hourly",
    ] {
        assert!(wild(e, DialectChoice::Unix), "{e}");
    }
    for e in [
        "30 2 * * *",
        "0-59 0-23 * * *",
        "0,30 1-3 * * *",
        "7,*/5 3 * * *",
        "@daily",
        "@midnight",
        "@weekly",
        "@monthly",
        "@yearly",
        "@annually",
    ] {
        assert!(!wild(e, DialectChoice::Unix), "{e}");
    }
    // seconds and day fields do not count; Quartz text reads the same way
    assert!(!wild("* 30 2 * * ?", DialectChoice::Quartz));
    assert!(!wild("0 30 2 * * ?", DialectChoice::Quartz));
    assert!(!wild("0 0/15 2 * * ?", DialectChoice::Quartz));
    assert!(wild("0 0/15 * * * ?", DialectChoice::Quartz));
    assert!(wild("0 * 2 * * ?", DialectChoice::Quartz));
}

#[test]
fn cli_takes_dst_cron() {
    let out = Command::cargo_bin("croneval")
        .unwrap()
        .args([
            "30 2 * * *",
            "--dialect",
            "unix",
            "--tz",
            "America/New_York",
            "--dst",
            "cron",
            "--from",
            "2026-03-07T00:00:00Z",
            "-c",
            "3",
            "--format",
            "iso",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "2026-03-07T02:30:00-05:00\n2026-03-08T03:00:00-04:00\n2026-03-09T02:30:00-04:00\n"
    );
}
