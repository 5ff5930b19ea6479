//! Cross-checks the descriptions against the engine: random expressions of both
//! dialects are described, the sentence is read back by an independent reader of
//! the English (tests/support/english.rs, written from the meaning of the words)
//! and the seconds / dates it claims are compared with what `Schedule` fires.
//!
//! * time sentences: every second of one day (a Monday), with and without a
//!   restricted day (which must stop hour ranges from being read as wrapping);
//! * date sentences: every date of 2024–2031 (leap and common years, every weekday
//!   a month can start on), day-of-month and day-of-week specials, Vixie's OR and
//!   AND, months and years;
//! * notes: "never fires" exactly when the engine finds no fire time in 1970–2199,
//!   "only in …" naming exactly the years that fire.

#[path = "support/english.rs"]
mod english;
#[path = "support/gen.rs"]
mod gen;

use cronkit::describe::{describe, Options};
use cronkit::schedule::calendar::days_from_civil;
use cronkit::{DialectChoice, Expr, Schedule};
use gen::*;
use proptest::prelude::*;

// ------------------------------------------------------------ engine side

fn fire_seconds(s: &Schedule, y: i32, m: u32, d: u32) -> Vec<bool> {
    let start = days_from_civil(y, m, d) * 86_400;
    let mut v = vec![false; 86_400];
    let mut t = start - 1;
    while let Some(n) = s.next_local(t) {
        if n >= start + 86_400 {
            break;
        }
        v[(n - start) as usize] = true;
        t = n;
    }
    v
}

fn hms(t: usize) -> String {
    format!("{:02}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60)
}

fn check_time(text: &str, dialect: DialectChoice, day_suffix: &str) -> Result<(), TestCaseError> {
    let Ok(e) = Expr::parse(text, dialect) else {
        return Ok(());
    };
    let sentence = describe(&e, &Options::default());
    let time_part = sentence.strip_suffix(day_suffix).ok_or_else(|| {
        TestCaseError::fail(format!(
            "`{text}` → `{sentence}`: expected to end with `{day_suffix}`"
        ))
    })?;
    let claimed = english::day_seconds(time_part)
        .map_err(|e| TestCaseError::fail(format!("`{text}` → `{sentence}`: {e}")))?;
    let s = Schedule::from_expr(&e);
    // 2026-01-05 is a Monday
    let actual = fire_seconds(&s, 2026, 1, 5);
    if let Some(i) = (0..86_400).find(|&i| claimed[i] != actual[i]) {
        return Err(TestCaseError::fail(format!(
            "`{text}` → `{sentence}`: at {} the sentence says {} but the engine says {}",
            hms(i),
            if claimed[i] { "fires" } else { "does not fire" },
            if actual[i] { "fires" } else { "does not fire" },
        )));
    }
    Ok(())
}

fn check_dates(text: &str, dialect: DialectChoice) -> Result<(), TestCaseError> {
    check_dates_now(text, dialect, None)
}

/// [`check_dates`] with the clock at `now` (a year): "never fires again: …" must appear
/// exactly when the schedule has fire times and all of them are in earlier years.
fn check_dates_now(
    text: &str,
    dialect: DialectChoice,
    now: Option<i32>,
) -> Result<(), TestCaseError> {
    let Ok(e) = Expr::parse(text, dialect) else {
        return Ok(());
    };
    let o = match now {
        Some(y) => Options::default().with_now_year(y),
        None => Options::default(),
    };
    let sentence = describe(&e, &o);
    let fail = |m: String| TestCaseError::fail(format!("`{text}` → `{sentence}`: {m}"));
    let rest = sentence
        .strip_prefix("At 12:00")
        .ok_or_else(|| fail("no time part".into()))?;
    let (days, note) = match rest.split_once(" — ") {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let s = Schedule::from_expr(&e);
    let fire_years: Vec<i32> = s.years().collect();
    let all_past = now.is_some_and(|y| !fire_years.is_empty() && fire_years.iter().all(|&f| f < y));
    prop_assert_eq!(
        note.is_some_and(|n| n.starts_with("never fires again: ")),
        all_past,
        "`{}` → `{}` (now {:?}): fire years {:?}",
        text,
        sentence,
        now,
        fire_years
    );
    match note {
        Some(n) if n.starts_with("never fires: ") => {
            prop_assert!(s.never_fires(), "`{}` → `{}` but it fires", text, sentence);
        }
        Some(n) if n.starts_with("never fires again: ") => {
            // "2019 and 2020 are past" names the years asked for, all of them before now;
            // "its last year, 2024, is past" names the last year that fires
            let why = &n["never fires again: ".len()..];
            let last = *fire_years.last().expect("all_past has fire years");
            if let Some(y) = why
                .strip_prefix("its last year, ")
                .and_then(|x| x.strip_suffix(", is past"))
            {
                prop_assert_eq!(y.parse::<i32>().ok(), Some(last), "{}", sentence);
            } else {
                let listed = why
                    .strip_suffix(" are past")
                    .or_else(|| why.strip_suffix(" is past"))
                    .ok_or_else(|| fail("unreadable past note".into()))?;
                let listed = english::num_list(listed).map_err(fail)?;
                prop_assert!(
                    listed.iter().all(|&y| (y as i32) < now.unwrap_or(0)),
                    "{}",
                    sentence
                );
                prop_assert!(listed.contains(&(last as u32)), "{}", sentence);
            }
        }
        _ => prop_assert!(
            !s.never_fires(),
            "`{}` → `{}` but it never fires",
            text,
            sentence
        ),
    }
    if let Some(n) = note.and_then(|n| n.strip_prefix("only in ")) {
        let years: Vec<u32> = s.years().map(|y| y as u32).collect();
        if n == "leap years" {
            prop_assert!(years.iter().all(|&y| english::is_leap(y)), "{}", sentence);
        } else if let Some((count, rest)) = n.split_once(" of ") {
            let count: usize = count.parse().map_err(|_| fail("bad count".into()))?;
            prop_assert_eq!(count, years.len(), "{}", sentence);
            let first3: Vec<String> = years.iter().take(3).map(|y| y.to_string()).collect();
            prop_assert!(rest.contains(&first3.join(", ")), "{}", sentence);
        } else {
            let listed = english::num_list(n).map_err(fail)?;
            prop_assert_eq!(listed, years, "{}", sentence);
        }
    }
    let pred = english::dates(days).map_err(fail)?;
    for y in 2024..=2031u32 {
        for m in 1..=12u32 {
            let mask = s.day_mask(y as i32, m);
            for d in 1..=english::days_in_month(y, m) {
                let engine = mask >> d & 1 == 1;
                let words = pred(y, m, d);
                if engine != words {
                    return Err(fail(format!(
                        "on {y}-{m:02}-{d:02} the sentence says {} but the engine says {}",
                        if words { "fires" } else { "does not fire" },
                        if engine { "fires" } else { "does not fire" },
                    )));
                }
            }
        }
    }
    Ok(())
}

proptest! {
    // PROPTEST_CASES raises the count for a deeper run (the default keeps `cargo test` quick)
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn quartz_time_sentences_match_the_engine(
        sec in seconds(), min in field(0, 59, true), hour in field(0, 23, true), monday in any::<bool>()
    ) {
        let (dom, dow, suffix) = if monday { ("?", "MON", " on Monday") } else { ("*", "?", "") };
        check_time(&format!("{sec} {min} {hour} {dom} * {dow}"), DialectChoice::Quartz, suffix)?;
    }

    #[test]
    fn unix_time_sentences_match_the_engine(
        sec in seconds(), min in field(0, 59, false), hour in field(0, 23, false), monday in any::<bool>()
    ) {
        let (dow, suffix) = if monday { ("1", " on Monday") } else { ("*", "") };
        check_time(&format!("{sec} {min} {hour} * * {dow}"), DialectChoice::Unix, suffix)?;
    }

    #[test]
    fn quartz_date_sentences_match_the_engine(
        dom in quartz_dom(), dow in quartz_dow(), on_dom in any::<bool>(), month in month(), year in year()
    ) {
        let (a, b) = if on_dom { (dom, "?".to_string()) } else { ("?".to_string(), dow) };
        check_dates(format!("0 0 12 {a} {month} {b} {year}").trim(), DialectChoice::Quartz)?;
    }

    #[test]
    fn past_years_are_said_exactly_when_every_fire_time_is_past(
        dom in quartz_dom(), month in month(), year in year(), now in 1990i32..2060
    ) {
        check_dates_now(format!("0 0 12 {dom} {month} ? {year}").trim(), DialectChoice::Quartz, Some(now))?;
    }

    #[test]
    fn unix_date_sentences_match_the_engine(
        dom in prop_oneof![2 => Just("*".to_string()), 3 => list_of(unix_dom_item())],
        dow in prop_oneof![2 => Just("*".to_string()), 3 => list_of(unix_dow_item())],
        plus in any::<bool>(), month in month(), year in year()
    ) {
        let dow = if plus && dow != "*" { format!("+{dow}") } else { dow };
        let text = if year.is_empty() {
            format!("0 12 {dom} {month} {dow}")
        } else {
            format!("0 0 12 {dom} {month} {dow} {year}")
        };
        check_dates(&text, DialectChoice::Unix)?;
    }
}

/// Hand-picked cases the generators reach only rarely.
#[test]
fn fixed_cross_checks() {
    for (text, d) in [
        ("0 0 23-1 * * ?", DialectChoice::Quartz),
        ("0 */15 22-2 * * ?", DialectChoice::Quartz),
        ("0 5/15 1,4,9,12,20 * * ?", DialectChoice::Quartz),
        ("30 0,15 1,4,9,12,20 * * ?", DialectChoice::Quartz),
        ("*/10 0,30 9-17 * * ?", DialectChoice::Quartz),
        ("5/10 * 9-17 * * ?", DialectChoice::Quartz),
        ("0 0 1,4,5,6,9,20,21,22 * * ?", DialectChoice::Quartz),
        ("0 */7 * * * ?", DialectChoice::Quartz),
        ("0 0 */7 * * ?", DialectChoice::Quartz),
        ("0 1/2 * * * ?", DialectChoice::Quartz),
        ("15,45 * 9 * * ?", DialectChoice::Quartz),
        // several fields step at once: what happens inside an hour, then which hours
        ("0 * */2 * * ?", DialectChoice::Quartz),
        ("0 */15 */2 * * ?", DialectChoice::Quartz),
        ("0 * 1/2 * * ?", DialectChoice::Quartz),
        ("5-10 30-35 10-12 * * ?", DialectChoice::Quartz),
        ("*/10 0,30 9-17 * * ?", DialectChoice::Quartz),
        ("30 0,15 */3 * * ?", DialectChoice::Quartz),
        ("30 */15 1,4,9,12,20 * * ?", DialectChoice::Quartz),
        ("*/10 * */2 * * ?", DialectChoice::Quartz),
        ("1/2 1/2 1/2 * * ?", DialectChoice::Quartz),
        ("7 */5 */4 * * ?", DialectChoice::Quartz),
        ("0-5 */7 0,1,5,6,11,12,17,18 * * ?", DialectChoice::Quartz),
    ] {
        check_time(text, d, "").unwrap();
    }
    for (text, d) in [
        ("0 0 12 L-2W * ?", DialectChoice::Quartz),
        ("0 0 12 1W * ?", DialectChoice::Quartz),
        ("0 0 12 31W * ?", DialectChoice::Quartz),
        ("0 0 12 ? 2 MON#5", DialectChoice::Quartz),
        ("0 0 12 29 2 ? 2097-2103", DialectChoice::Quartz),
        ("0 12 1,15 * MON,FRI", DialectChoice::Unix),
        ("0 12 */2 * +5L", DialectChoice::Unix),
        ("0 12 13 * +FRI", DialectChoice::Unix),
        ("0 12 1 * 0-6", DialectChoice::Unix),
        // day-of-month steps as their days; "of the month" once; calendar order
        ("0 0 12 1/3 * ?", DialectChoice::Quartz),
        ("0 0 12 */2 * ?", DialectChoice::Quartz),
        ("0 0 12 L DEC,JAN,MAR ?", DialectChoice::Quartz),
        ("0 0 12 ? NOV-FEB FRI,MON", DialectChoice::Quartz),
        ("0 12 1,L * FRI#L", DialectChoice::Unix),
        ("0 12 1,L * FRI#L,SUN", DialectChoice::Unix),
        ("0 12 L-3 * FRI#L", DialectChoice::Unix),
        ("0 12 1,15W,L-2,LW * *", DialectChoice::Unix),
        ("0 12 1,L * +FRI#L", DialectChoice::Unix),
        ("0 12 1-31/3,L * *", DialectChoice::Unix),
        ("0 12 * * MON#1,FRI#L,SUN", DialectChoice::Unix),
        ("0 12 1-31 * 2#1,6#3", DialectChoice::Unix),
        // odd and even years
        ("0 0 12 1 1 ? 1/2", DialectChoice::Quartz),
        ("0 0 12 1 1 ? 0/2", DialectChoice::Quartz),
        ("0 0 12 1 1 ? 2000/2", DialectChoice::Quartz),
        ("0 0 12 1 1 ? 2001-2031/2", DialectChoice::Quartz),
    ] {
        check_dates(text, d).unwrap();
    }
}

/// Quartz's own fire times (tests/data/quartz_corpus.tsv, from Quartz 2.3.2) are all
/// claimed by the sentence: for expressions that fire every day, each fire's time of
/// day; for expressions with one time of day, each fire's date.
#[test]
fn quartz_fire_times_are_claimed_by_the_sentence() {
    let corpus = include_str!("data/quartz_corpus.tsv");
    let (mut times_checked, mut dates_checked) = (0, 0);
    let mut section = "";
    for line in corpus.lines() {
        if let Some(rest) = line.strip_prefix("# section: ") {
            section = rest.split_whitespace().next().unwrap_or("");
            continue;
        }
        // the quirks section is where Quartz's answer depends on its search path
        // (tests/oracle/README.md); cronkit does not follow it there
        if line.starts_with('#') || section == "quirks" {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 6 || cols[3] != "UTC" || cols[4] != "OK" {
            continue;
        }
        let Ok(e) = Expr::parse(cols[0], DialectChoice::Quartz) else {
            continue;
        };
        let sentence = describe(&e, &Options::default());
        let fires: Vec<(u32, u32, u32, u32)> = cols[5]
            .split(',')
            .filter(|t| *t != "END" && !t.is_empty())
            .map(|t| {
                let n = |a: usize, b: usize| t[a..b].parse::<u32>().expect("number");
                (
                    n(0, 4),
                    n(5, 7),
                    n(8, 10),
                    n(11, 13) * 3600 + n(14, 16) * 60 + n(17, 19),
                )
            })
            .collect();
        let s = Schedule::from_expr(&e);
        let every_day = (1..=12)
            .all(|m| s.day_mask(2026, m).count_ones() == english::days_in_month(2026, m))
            && s.years().count() == 230
            && !sentence.contains(" on ")
            && !sentence.replace(", in hour", "").contains(", in ")
            && !sentence.contains(", from ")
            && !sentence.contains(" — ");
        if every_day {
            let claimed = english::day_seconds(&sentence)
                .unwrap_or_else(|err| panic!("`{}` → `{sentence}`: {err}", cols[0]));
            for &(_, _, _, sod) in &fires {
                assert!(
                    claimed[sod as usize],
                    "`{}` → `{sentence}`: Quartz fires at {}",
                    cols[0],
                    hms(sod as usize)
                );
            }
            times_checked += 1;
            continue;
        }
        // "At HH:MM" or "At HH:MM:SS" followed by the date part
        let Some(rest) = sentence.strip_prefix("At ") else {
            continue;
        };
        let head: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ':')
            .collect();
        let Ok(t) = english::time(&head) else {
            continue;
        };
        let after = &rest[head.len()..];
        if after.starts_with(|c: char| c.is_ascii_digit())
            || after.starts_with(" and")
            || after.starts_with(", and")
            || after.starts_with(", 0")
            || after.starts_with(", 1")
            || after.starts_with(", 2")
        {
            continue;
        }
        let days = after.split(" — ").next().unwrap_or("");
        let pred = english::dates(days)
            .unwrap_or_else(|err| panic!("`{}` → `{sentence}`: {err}", cols[0]));
        for &(y, m, d, sod) in &fires {
            assert_eq!(
                sod,
                t,
                "`{}` → `{sentence}`: Quartz fires at {}",
                cols[0],
                hms(sod as usize)
            );
            assert!(
                pred(y, m, d),
                "`{}` → `{sentence}`: Quartz fires on {y}-{m:02}-{d:02}",
                cols[0]
            );
        }
        dates_checked += 1;
    }
    eprintln!(
        "Quartz corpus: {times_checked} time-of-day rows and {dates_checked} date rows claimed"
    );
    // the corpus must actually exercise both readings
    assert!(
        times_checked > 100 && dates_checked > 100,
        "{times_checked} time rows, {dates_checked} date rows"
    );
}

// ------------------------------------------------------------ interval schedules

proptest! {
    /// `@every` (k8s) and `rate(...)` (eventbridge): the sentence, read back by the
    /// English reader, names the period the text says (counted here from the text
    /// alone) and the period the engine fires at (first time after a start).
    #[test]
    fn interval_sentences_name_the_period(
        h in 0u64..60, m in 0u64..200, s in 0u64..200, value in 1u64..400, unit in 0usize..3, rate in any::<bool>(),
    ) {
        use cronkit::expr::interval::IntervalExpr;
        use cronkit::schedule::Interval;
        let (text, dialect, written) = if rate {
            let (name, size) = [("minute", 60), ("hour", 3_600), ("day", 86_400)][unit];
            let plural = if value == 1 { "" } else { "s" };
            (format!("rate({value} {name}{plural})"), cronkit::Dialect::Eventbridge, value * size)
        } else {
            let mut d = String::new();
            for (n, u) in [(h, "h"), (m, "m"), (s, "s")] {
                if n > 0 { d.push_str(&format!("{n}{u}")); }
            }
            if d.is_empty() { d.push_str("1s"); }
            let secs = (h * 3_600 + m * 60 + s).max(1);
            (format!("@every {d}"), cronkit::Dialect::K8s, secs)
        };
        let iv = IntervalExpr::parse(&text, dialect).unwrap().unwrap();
        let sentence = iv.describe();
        let claimed = english::interval_period(&sentence).map_err(|e| TestCaseError::fail(format!("{text}: {e}: {sentence}")))?;
        prop_assert_eq!(claimed, written, "{}: {}", text, sentence);
        let engine = Interval { period: iv.seconds as i64, anchor: 1_000_000, first: None };
        prop_assert_eq!(engine.next_after(1_000_000), Some(1_000_000 + written as i64), "{}", text);
    }
}

#[test]
fn the_english_reader_refuses_clock_sentences_as_intervals() {
    assert_eq!(
        english::interval_period("Every 5 minutes, counted from when the schedule starts"),
        Ok(300)
    );
    assert!(english::interval_period("Every 5 minutes").is_err());
    assert!(
        english::interval_period("Every 1 minutes, counted from when the schedule starts").is_err()
    );
    assert!(
        english::interval_period("Every 5 minute, counted from when the schedule starts").is_err()
    );
}
