//! The fire-time search against a plain scan.
//!
//! `Schedule::next_local` / `prev_local` jump straight to the answer (day numbers,
//! per-month day masks, skipped years). The reference here walks the calendar one
//! day at a time, asks the public per-field answers (`bits`, `years`, `day_mask`)
//! whether that day fires and tries the times of day in order. Both must give the
//! same answer for random expressions in both dialects and random instants from
//! 1970 to the end of 2199 (the search range), including the edges of days,
//! months and years, where the fast path hands over to the slow one.

use proptest::prelude::*;

use cronkit::schedule::calendar::{civil_from_days, days_from_civil};
use cronkit::{DialectChoice, Schedule};

/// Wall-clock seconds of 2200-01-01T00:00:00: nothing fires from here on.
const END: i64 = 84_006 * 86_400;

struct Reference<'a> {
    s: &'a Schedule,
    seconds: u64,
    minutes: u64,
    hours: u32,
    months: u16,
    years: [bool; 230],
}

impl<'a> Reference<'a> {
    fn new(s: &'a Schedule) -> Self {
        let (seconds, minutes, hours, months) = s.bits();
        let mut years = [false; 230];
        for y in s.years() {
            years[(y - 1970) as usize] = true;
        }
        Reference {
            s,
            seconds,
            minutes,
            hours,
            months,
            years,
        }
    }

    fn day_fires(&self, day: i64) -> bool {
        let (y, m, d) = civil_from_days(day);
        (1970..=2199).contains(&y)
            && self.years[(y - 1970) as usize]
            && self.months >> m & 1 == 1
            && self.s.day_mask(y, m) >> d & 1 == 1
    }

    /// Times of day that fire, in increasing order.
    fn times(&self) -> impl DoubleEndedIterator<Item = i64> + '_ {
        (0..24i64)
            .filter(|h| self.hours >> h & 1 == 1)
            .flat_map(move |h| {
                (0..60i64)
                    .filter(|m| self.minutes >> m & 1 == 1)
                    .flat_map(move |m| {
                        (0..60i64)
                            .filter(|s| self.seconds >> s & 1 == 1)
                            .map(move |s| h * 3600 + m * 60 + s)
                    })
            })
    }

    /// First firing wall-clock second strictly after `after`, one day at a time.
    fn next(&self, after: i64) -> Option<i64> {
        let t = (after + 1).max(0);
        let mut day = t.div_euclid(86_400);
        let mut from = t.rem_euclid(86_400);
        while day * 86_400 < END {
            if self.day_fires(day) {
                if let Some(tod) = self.times().find(|&x| x >= from) {
                    return Some(day * 86_400 + tod);
                }
            }
            day = self.skip_forward(day);
            from = 0;
        }
        None
    }

    /// Last firing wall-clock second strictly before `before`.
    fn prev(&self, before: i64) -> Option<i64> {
        let t = (before - 1).min(END - 1);
        if t < 0 {
            return None;
        }
        let mut day = t.div_euclid(86_400);
        let mut upto = t.rem_euclid(86_400);
        while day >= 0 {
            if self.day_fires(day) {
                if let Some(tod) = self.times().rev().find(|&x| x <= upto) {
                    return Some(day * 86_400 + tod);
                }
            }
            day -= 1;
            upto = 86_399;
        }
        None
    }

    /// The next day worth looking at: tomorrow, or the 1st of the next month or
    /// year when this month or year cannot fire (keeps the scan fast for rare
    /// schedules without reusing any of the search's own shortcuts).
    fn skip_forward(&self, day: i64) -> i64 {
        let (y, m, _) = civil_from_days(day);
        if !(1970..=2199).contains(&y) || !self.years[(y - 1970) as usize] {
            days_from_civil(y + 1, 1, 1)
        } else if self.months >> m & 1 == 0 {
            if m == 12 {
                days_from_civil(y + 1, 1, 1)
            } else {
                days_from_civil(y, m + 1, 1)
            }
        } else {
            day + 1
        }
    }
}

fn field(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(options).prop_map(str::to_string)
}

const SECONDS: &[&str] = &[
    "0", "*", "*/5", "30", "0,30", "10-20", "50-10", "7/20", "59",
];
const MINUTES: &[&str] = &["0", "*", "0/1", "15", "*/7", "0,45", "5-10/2", "59"];
const HOURS: &[&str] = &["0", "*", "12", "9-17", "22-2", "*/6", "23", "0,12"];
const QUARTZ_DOM: &[&str] = &[
    "*", "1", "15", "29", "30", "31", "L", "L-2", "L-30", "LW", "L-3W", "15W", "1W", "31W", "1-15",
    "25-5", "*/10", "1,31",
];
const QUARTZ_DOW: &[&str] = &[
    "*", "MON-FRI", "1", "7", "SAT,SUN", "6#3", "2#5", "1#1", "6L", "1L", "L", "FRI-MON", "3/2",
];
const MONTHS: &[&str] = &["*", "1", "2", "2,3", "12", "NOV-FEB", "*/3", "4-9"];
const QUARTZ_YEARS: &[&str] = &[
    "",
    "2026",
    "1970-1972",
    "2099",
    "2100",
    "2199",
    "*/50",
    "2028-2040/4",
];

const UNIX_DOM: &[&str] = &[
    "*", "?", "1", "13", "29", "31", "L", "L-1", "LW", "15W", "1-7", "*/2", "1,15,L",
];
const UNIX_DOW: &[&str] = &[
    "*", "?", "1-5", "0", "7", "5#3", "FRI#L", "5L", "MON,FRI", "+MON", "+1-5", "6",
];

/// A Quartz expression: exactly one day field is `?`.
fn quartz_expr() -> impl Strategy<Value = String> {
    (
        field(SECONDS),
        field(MINUTES),
        field(HOURS),
        field(QUARTZ_DOM),
        field(MONTHS),
        field(QUARTZ_DOW),
        field(QUARTZ_YEARS),
        any::<bool>(),
    )
        .prop_map(|(s, mi, h, dom, mo, dow, y, dom_q)| {
            let (dom, dow) = if dom_q {
                ("?".to_string(), dow)
            } else {
                (dom, "?".to_string())
            };
            format!("{s} {mi} {h} {dom} {mo} {dow} {y}")
                .trim_end()
                .to_string()
        })
}

/// A 5-field Unix expression (Vixie's OR rule when both day fields are set).
fn unix_expr() -> impl Strategy<Value = String> {
    (
        field(MINUTES),
        field(HOURS),
        field(UNIX_DOM),
        field(MONTHS),
        field(UNIX_DOW),
    )
        .prop_map(|(mi, h, dom, mo, dow)| format!("{mi} {h} {dom} {mo} {dow}"))
}

/// Instants anywhere in 1970–2199, and instants next to the boundaries where the
/// search changes path: the last second of a day, of a month and of a year.
fn instant() -> impl Strategy<Value = i64> {
    prop_oneof![
        (0..END),
        (1..84_006i64).prop_map(|d| d * 86_400 - 1),
        (1970..2200i32, 1..=12u32).prop_map(|(y, m)| days_from_civil(y, m, 1) * 86_400 - 1),
        (1970..2200i32).prop_map(|y| days_from_civil(y, 1, 1) * 86_400 - 1),
        Just(-1i64),
        Just(END - 1),
    ]
}

fn check(text: &str, dialect: DialectChoice, at: i64) -> Result<(), TestCaseError> {
    let Ok(s) = Schedule::parse(text, dialect) else {
        return Ok(()); // some combinations are rejected on purpose (e.g. `L,2`)
    };
    let r = Reference::new(&s);
    prop_assert_eq!(
        s.next_local(at),
        r.next(at),
        "next after {} for `{}`",
        at,
        text
    );
    prop_assert_eq!(
        s.prev_local(at),
        r.prev(at),
        "prev before {} for `{}`",
        at,
        text
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn quartz_search_matches_a_day_by_day_scan(text in quartz_expr(), at in instant()) {
        check(&text, DialectChoice::Quartz, at)?;
    }

    #[test]
    fn unix_search_matches_a_day_by_day_scan(text in unix_expr(), at in instant()) {
        check(&text, DialectChoice::Unix, at)?;
    }
}

/// Schedules whose every fire time is known by reasoning, through the year ends
/// and the leap days the fast path has to get right.
#[test]
fn hand_checked_fire_times() {
    assert_eq!(days_from_civil(2200, 1, 1) * 86_400, END);
    let q = |e: &str| Schedule::parse(e, DialectChoice::Quartz).unwrap();
    let at = |y, m, d, secs: i64| days_from_civil(y, m, d) * 86_400 + secs;
    // Feb 29 from late 2026: the next leap year is 2028
    assert_eq!(
        q("0 0 0 29 2 ?").next_local(at(2026, 11, 21, 30_600)),
        Some(at(2028, 2, 29, 0))
    );
    // 2100 is not a leap year: after 2096 comes 2104
    assert_eq!(
        q("0 0 0 29 2 ?").next_local(at(2096, 2, 29, 0)),
        Some(at(2104, 2, 29, 0))
    );
    // the last second of a year rolls into January 1st
    assert_eq!(
        q("* * * * * ?").next_local(at(2026, 12, 31, 86_399)),
        Some(at(2027, 1, 1, 0))
    );
    // third Friday (6#3): November 2026 starts on a Sunday, so its Fridays are
    // 6, 13, 20; December 2026 starts on a Tuesday: 4, 11, 18
    assert_eq!(
        q("0 5 9 ? * 6#3").next_local(at(2026, 11, 21, 30_600)),
        Some(at(2026, 12, 18, 9 * 3600 + 300))
    );
    // the last day of February in a leap year
    assert_eq!(
        q("0 0 12 L * ?").next_local(at(2028, 2, 28, 43_200)),
        Some(at(2028, 2, 29, 43_200))
    );
    // nothing after the end of 2199
    assert_eq!(q("0 0 0 1 1 ? 2199").next_local(at(2199, 1, 1, 0)), None);
    assert_eq!(
        q("0 0 0 1 1 ? 2199").prev_local(i64::MAX / 4),
        Some(at(2199, 1, 1, 0))
    );
}
