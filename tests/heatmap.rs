//! The load heatmap: counts against a brute-force count, and the rendered picture.
//!
//! * `counts_match_brute_force`: random sets of schedules (unix and quartz, seconds
//!   included), random windows inside and across daylight-saving transitions, random
//!   evaluation and display zones: the library's grid, minute strip, total and
//!   per-minute counts equal a count made by walking every fire time with
//!   `next_after_ts` and placing it with chrono (not cronkit's calendar).
//! * `interval_counts_match_brute_force`: the same for intervals (their own
//!   counting path), against fire times worked out by arithmetic.
//! * snapshots of `croneval --format heatmap` (Unicode, ASCII, colour) whose numbers
//!   are worked out by hand next to them, and the JSON document's counts.

use assert_cmd::Command;
use chrono::{Datelike, TimeZone, Timelike};
use cronkit::load::LoadCounter;
use cronkit::schedule::Interval;
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

fn field(r: &mut Rng, lo: u64, hi: u64) -> String {
    let span = hi - lo + 1;
    match r.below(6) {
        0 => "*".into(),
        1 => format!("*/{}", 1 + r.below(span.min(20))),
        2 => (lo + r.below(span)).to_string(),
        3 => {
            let a = lo + r.below(span);
            let b = lo + r.below(span);
            format!("{},{}", a.min(b), a.max(b))
        }
        4 => {
            let a = lo + r.below(span);
            let b = a + r.below(hi - a + 1);
            format!("{a}-{b}")
        }
        _ => format!(
            "{}/{}",
            lo + r.below(span.min(10)),
            1 + r.below(span.min(15))
        ),
    }
}

fn random_schedule(r: &mut Rng) -> String {
    if r.below(5) == 0 {
        // quartz with seconds
        format!(
            "{} {} {} ? * {}",
            field(r, 0, 59),
            field(r, 0, 59),
            field(r, 0, 23),
            r.pick(&["*", "MON-FRI", "2,4", "SAT", "1"])
        )
    } else {
        format!(
            "{} {} {} {} {}",
            field(r, 0, 59),
            field(r, 0, 23),
            r.pick(&["*", "*", "1", "1-15", "*/2", "13"]),
            r.pick(&["*", "*", "*", "1-6", "3,11"]),
            r.pick(&["*", "*", "1-5", "0,6", "5"])
        )
    }
}

#[derive(PartialEq, Eq, Debug)]
struct Brute {
    grid: [[u64; 24]; 7],
    minutes: [u64; 60],
    total: u64,
}

#[test]
fn counts_match_brute_force() {
    let zones = [
        "UTC",
        "+05:30",
        "America/New_York",
        "Europe/London",
        "Australia/Lord_Howe",
        "America/Santiago",
    ];
    // windows: ordinary weeks, weeks with a transition in New York / London /
    // Lord Howe / Santiago, a window starting inside a minute
    let starts = [
        1_795_392_000i64, // 2026-11-23T00:00Z
        1_772_600_000,    // early March 2026
        1_774_700_000,    // late March 2026 (Europe)
        1_775_300_000,    // early April 2026 (southern autumn)
        1_788_500_000,    // early September 2026
        1_798_000_017,
    ];
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..60 {
        let eval = Zone::parse(zones[r.below(zones.len() as u64) as usize]).unwrap();
        let display_name = zones[r.below(zones.len() as u64) as usize];
        let display = Zone::parse(display_name).unwrap();
        let dst = [DstPolicy::Shift, DstPolicy::Skip, DstPolicy::Quartz][r.below(3) as usize];
        let from = starts[r.below(starts.len() as u64) as usize] + r.below(3) as i64 * 3600;
        let until = from + 86_400 * (1 + r.below(7) as i64);
        let n = 1 + r.below(6);
        let texts: Vec<String> = (0..n).map(|_| random_schedule(&mut r)).collect();
        let schedules: Vec<Schedule> = texts
            .iter()
            .map(|t| Schedule::parse(t, DialectChoice::Auto).unwrap_or_else(|e| panic!("{t}: {e}")))
            .collect();

        let mut load = LoadCounter::new(from, until, display.clone()).unwrap();
        let mut per_source = Vec::new();
        for s in &schedules {
            per_source.push(load.add_schedule(s, &eval, dst));
        }
        let report = load.report(3);

        // brute force: every fire time in [from, until), placed with chrono
        let tz = display_name;
        let mut brute = Brute {
            grid: [[0; 24]; 7],
            minutes: [0; 60],
            total: 0,
        };
        let mut per_minute = std::collections::BTreeMap::<i64, u32>::new();
        for (i, s) in schedules.iter().enumerate() {
            let mut t = from - 1;
            let mut mine = 0;
            while let Some(n) = s.next_after_ts(t, &eval, dst) {
                if n >= until {
                    break;
                }
                t = n;
                mine += 1;
                let (wd, h, m) = place(n, tz);
                brute.grid[wd][h] += 1;
                brute.minutes[m] += 1;
                brute.total += 1;
                *per_minute.entry(n.div_euclid(60) * 60).or_default() += 1;
            }
            assert_eq!(
                per_source[i],
                mine,
                "case {case}: {} in {}",
                texts[i],
                eval.name()
            );
        }
        let got = Brute {
            grid: report.grid,
            minutes: report.minutes,
            total: report.total_fires,
        };
        assert_eq!(
            got,
            brute,
            "case {case}: {texts:?} eval {} display {tz} {dst:?} from {from}",
            eval.name()
        );
        for (&start, &fires) in &per_minute {
            assert_eq!(load.fires_at(start), fires, "case {case}: minute {start}");
        }
        if let Some(top) = report.busiest.first() {
            assert_eq!(Some(&top.fires), per_minute.values().max(), "case {case}");
        }
    }
}

/// Intervals (a Watcher or OpenSearch `interval`, `@every`, `rate(...)`) go
/// through `LoadCounter::add_times`, another path than cron schedules: random
/// periods (several fires a minute, one in several hours, prime periods that
/// drift across minutes), anchors and starts, counted against the fire times
/// worked out by arithmetic (`anchor + k * period`, none before the start) and
/// placed with chrono.
#[test]
fn interval_counts_match_brute_force() {
    let zones = ["UTC", "+05:30", "America/New_York", "Australia/Lord_Howe"];
    let periods = [1i64, 7, 10, 45, 60, 61, 90, 300, 3599, 3600, 5400, 86_400];
    let mut r = Rng(0xD1B5_4A32_D192_ED03);
    for case in 0..40 {
        let display_name = zones[r.below(zones.len() as u64) as usize];
        let display = Zone::parse(display_name).unwrap();
        let from = 1_772_600_000i64 + r.below(40 * 86_400) as i64;
        let until = from + 3600 * (1 + r.below(72) as i64);
        let n = 1 + r.below(4) as usize;
        let ivs: Vec<Interval> = (0..n)
            .map(|_| {
                let period = if r.below(4) == 0 {
                    1 + r.below(7200) as i64
                } else {
                    periods[r.below(periods.len() as u64) as usize]
                };
                let anchor = from - 200_000 + r.below(400_000) as i64;
                Interval {
                    period,
                    anchor,
                    // an OpenSearch start: nothing before it
                    first: (r.below(2) == 0).then_some(anchor),
                }
            })
            .collect();
        let mut load = LoadCounter::new(from, until, display).unwrap();
        let mut brute = Brute {
            grid: [[0; 24]; 7],
            minutes: [0; 60],
            total: 0,
        };
        let mut fires = std::collections::BTreeMap::<i64, u32>::new();
        let mut schedules = std::collections::BTreeMap::<i64, u32>::new();
        for iv in &ivs {
            let added = load.add_times(|t| iv.next_after(t));
            // the fire times in [from, until): anchor + k * period >= from
            let lowest = iv.first.map_or(from, |f| f.max(from));
            let k0 = (lowest - iv.anchor + iv.period - 1).div_euclid(iv.period);
            let mut mine = 0u64;
            let mut last_minute = None;
            let mut t = iv.anchor + k0 * iv.period;
            while t < until {
                mine += 1;
                let (wd, h, m) = place(t, display_name);
                brute.grid[wd][h] += 1;
                brute.minutes[m] += 1;
                brute.total += 1;
                let minute = t.div_euclid(60) * 60;
                *fires.entry(minute).or_default() += 1;
                if last_minute != Some(minute) {
                    *schedules.entry(minute).or_default() += 1;
                    last_minute = Some(minute);
                }
                t += iv.period;
            }
            assert_eq!(added, mine, "case {case}: {iv:?} from {from} until {until}");
        }
        let report = load.report(3);
        let got = Brute {
            grid: report.grid,
            minutes: report.minutes,
            total: report.total_fires,
        };
        assert_eq!(got, brute, "case {case}: {ivs:?} display {display_name}");
        for (&start, &f) in &fires {
            assert_eq!(load.fires_at(start), f, "case {case}: fires at {start}");
            assert_eq!(
                load.schedules_at(start),
                schedules[&start],
                "case {case}: schedules at {start}"
            );
        }
    }
}

/// (weekday Monday = 0, hour, minute) of an instant in a zone, by chrono.
fn place(ts: i64, zone: &str) -> (usize, usize, usize) {
    let utc = chrono::Utc.timestamp_opt(ts, 0).unwrap();
    let (wd, h, m) = match zone {
        "UTC" => (utc.weekday(), utc.hour(), utc.minute()),
        "+05:30" => {
            let l = utc.with_timezone(&chrono::FixedOffset::east_opt(19_800).unwrap());
            (l.weekday(), l.hour(), l.minute())
        }
        name => {
            let tz: chrono_tz::Tz = name.parse().unwrap();
            let l = utc.with_timezone(&tz);
            (l.weekday(), l.hour(), l.minute())
        }
    };
    (wd.num_days_from_monday() as usize, h as usize, m as usize)
}

fn croneval() -> Command {
    let mut c = Command::cargo_bin("croneval").unwrap();
    c.env("TZ", "UTC")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    c
}

/// Four schedules over the week starting Monday 2026-11-23 00:00 UTC. By hand:
/// `0 0 * * *` fires once a day at 00:00; `*/15 9-17 * * 1-5` four times in each hour
/// 09–17 on weekdays (36 a weekday); `30 2 * * 0` on Sunday 02:30; `0 * * * *` once
/// every hour (24 a day). Weekday rows: 1 + 36 + 24 = 61; Saturday 1 + 24 = 25;
/// Sunday 26. Busiest cells: 09–17 on weekdays, 4 + 1 = 5 fires (shade █ for 4–5);
/// hour 0: 00:00 daily + hourly = 2 (▒); other hours 1 (░); Sunday 02: 2 (▒). Minute
/// strip: minute 0 = 7 + 168 + 45 = 220, minutes 15/30/45 = 45 each (+1 at :30 from
/// Sunday 02:30 → 46): levels ceil(8·45/220) = 2 (▂), ceil(8·46/220) = 2 (▂).
const FOUR: [&str; 4] = ["0 0 * * *", "*/15 9-17 * * 1-5", "30 2 * * 0", "0 * * * *"];

const SNAPSHOT: &str = "\
Fires from Mon 23 Nov 2026 00:00 to Mon 30 Nov 2026 00:00 (UTC): 4 schedules, 356 fires

hour 0     3     6     9     12    15    18    21
Mon  ▒▒░░░░░░░░░░░░░░░░██████████████████░░░░░░░░░░░░  61
Tue  ▒▒░░░░░░░░░░░░░░░░██████████████████░░░░░░░░░░░░  61
Wed  ▒▒░░░░░░░░░░░░░░░░██████████████████░░░░░░░░░░░░  61
Thu  ▒▒░░░░░░░░░░░░░░░░██████████████████░░░░░░░░░░░░  61
Fri  ▒▒░░░░░░░░░░░░░░░░██████████████████░░░░░░░░░░░░  61
Sat  ▒▒░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░  25
Sun  ▒▒░░▒▒░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░  26
     · 0  ░ 1  ▒ 2  ▓ 3  █ 4–5  (fires per hour cell)

minute of the hour (all hours together; busiest minute 220 fires)
     0         10        20        30        40        50
     █··············▂··············▂··············▂··············

busiest minutes:
  Mon 23 Nov 2026 00:00  2 fires, 2 schedules: 0 0 * * *, 0 * * * *
  Mon 23 Nov 2026 09:00  2 fires, 2 schedules: */15 9-17 * * 1-5, 0 * * * *
  Mon 23 Nov 2026 10:00  2 fires, 2 schedules: */15 9-17 * * 1-5, 0 * * * *
  Mon 23 Nov 2026 11:00  2 fires, 2 schedules: */15 9-17 * * 1-5, 0 * * * *
  Mon 23 Nov 2026 12:00  2 fires, 2 schedules: */15 9-17 * * 1-5, 0 * * * *
";

#[test]
fn unicode_snapshot() {
    let out = croneval()
        .args([
            "--dialect",
            "unix",
            "--format",
            "heatmap",
            "--from",
            "2026-11-23",
        ])
        .args(FOUR)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), SNAPSHOT);
}

#[test]
fn ascii_fallback_outside_a_utf8_locale() {
    let out = croneval()
        .env("LC_ALL", "C")
        .args([
            "--dialect",
            "unix",
            "--format",
            "heatmap",
            "--from",
            "2026-11-23",
        ])
        .args(FOUR)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.is_ascii(), "{text}");
    // hour 0: ▒ → +, hours 1–8: ░ → -, 9–17: █ → #, 18–23: ░ → -
    assert!(
        text.contains("Mon  ++----------------##################------------  61"),
        "{text}"
    );
    assert!(text.contains(". 0  - 1  + 2  * 3  # 4..5"), "{text}");
    assert!(
        text.contains("     #..............-..............-..............-.............."),
        "{text}"
    );
}

#[test]
fn colour_follows_clicolor_force_and_no_color() {
    let run = |force: bool, no_color: bool| {
        let mut c = croneval();
        if force {
            c.env("CLICOLOR_FORCE", "1");
        }
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c
            .args([
                "--dialect",
                "unix",
                "--format",
                "heatmap",
                "--from",
                "2026-11-23",
            ])
            .args(FOUR)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(
        !run(false, false).contains('\u{1b}'),
        "no colour into a pipe"
    );
    let coloured = run(true, false);
    assert!(coloured.contains('\u{1b}'));
    // stripped of its escapes the picture is the plain one
    let stripped: String = strip_ansi(&coloured);
    assert_eq!(stripped, SNAPSHOT);
    assert!(!run(true, true).contains('\u{1b}'), "NO_COLOR wins");
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn json_has_the_same_counts() {
    let out = croneval()
        .args([
            "--dialect",
            "unix",
            "--format",
            "heatmap-json",
            "--from",
            "2026-11-23",
        ])
        .args(FOUR)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total_fires"], 356);
    assert_eq!(v["from"], "2026-11-23T00:00:00Z");
    assert_eq!(v["until"], "2026-11-30T00:00:00Z");
    let fires: Vec<u64> = v["schedules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["fires"].as_u64().unwrap())
        .collect();
    // 7 daily, 36 × 5 weekdays, 1 Sunday, 24 × 7 hourly
    assert_eq!(fires, [7, 180, 1, 168]);
    let monday: Vec<u64> = v["grid"]["counts"][0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap())
        .collect();
    let mut want = vec![1u64; 24];
    want[0] = 2;
    want[9..=17].fill(5);
    assert_eq!(monday, want);
    assert_eq!(v["minutes"][0], 220);
    assert_eq!(v["minutes"][30], 46);
    assert_eq!(v["busiest"][0]["utc"], "2026-11-23T00:00:00Z");
    assert_eq!(v["busiest"][0]["schedules"], serde_json::json!([0, 3]));
}

#[test]
fn window_and_option_errors() {
    let run = |args: &[&str]| croneval().args(args).output().unwrap();
    let out = run(&[
        "0 0 * * *",
        "--dialect",
        "unix",
        "--format",
        "heatmap",
        "-c",
        "5",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--until"));
    let out = run(&[
        "0 0 * * *",
        "--dialect",
        "unix",
        "--format",
        "heatmap",
        "--prev",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "0 0 * * *",
        "--dialect",
        "unix",
        "--format",
        "heatmap",
        "--from",
        "2026-01-01",
        "--until",
        "2028-01-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("400 days"));
    // a window of one day counts that day only
    let out = run(&[
        "0 0 * * *",
        "--dialect",
        "unix",
        "--format",
        "heatmap-json",
        "--from",
        "2026-11-23",
        "--until",
        "2026-11-24",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total_fires"], 1);
}
