//! Property tests of the parser and the fire-time engine.
//!
//! Random **valid** expressions are generated from a grammar of both dialects (lists,
//! ranges including Quartz's wrap-around ranges, steps, month and day names in any
//! case and length, `?`, `L`, `L-n`, `LW`, `L-nW`, `nW`, `nL`, `n#k`, unix `DAY#L`,
//! Quartz's lone `L`, years, unix OR/AND day fields with `+`, nicknames), each together
//! with a **reference model** of what it means, written here from SPEC §2 and Quartz's
//! observed behaviour (EDGE-CASES.md) and sharing no code with the library: the model
//! answers "does this wall-clock second match?" using chrono's calendar.
//!
//! Properties, for random instants 1970–2199 (uniform, near a daylight-saving
//! transition of the zone, or near the ends of the range), random zones and policies:
//!
//! * the parser accepts every generated expression (and `auto` picks the right dialect);
//!   `matches_civil`, `day_mask` and `never_fires` agree with the model;
//! * `next_after` / `prev_before` equal a reference search built on the model: a
//!   day-by-day scan for UTC and fixed offsets, plus, in zones with transitions, the
//!   policy's mapping of wall times to instants (see `ref_next` / `ref_prev`); and
//!   for UTC they equal a second-by-second brute-force scan over a six-hour window;
//! * every fire time matches the expression at its wall-clock time — or, under `shift`
//!   only, is a gap time moved forward by the gap; a repeated wall time fires at its
//!   first occurrence (`shift`, `skip`) or its second (`quartz`);
//! * under `cron` (Vixie/ISC cron, cronie: the rules of docs/dst.md, with a
//!   schedule's wildcard-ness read from its text here), every fire time is a
//!   matching wall time's own instant, at the first occurrence of a repeated one
//!   (both for a wildcard schedule), or the instant a gap ends when the gap's
//!   matching wall times run there; next/prev equal a reference built on those
//!   rules, and the round trips hold with no exception;
//! * fire times strictly increase (decrease backwards), so no instant fires twice;
//! * `next_after(prev_before(t)) >= t`, and `prev_before(next_after(t)) <= t` with one
//!   deliberate exception, pinned exactly in [`check_round_trips`];
//! * no string at all (non-ASCII, control characters, huge numbers, thousands of
//!   fields) makes `Expr::parse` panic in any dialect choice, and no `i64` instant makes
//!   the searches panic.
//!
//! The number of cases per property is moderate by default (the suite stays fast in CI);
//! set `PROPTEST_CASES` to raise it, e.g. `PROPTEST_CASES=5000 cargo test --test properties`.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use cronkit::schedule::calendar::Civil;
use cronkit::{Dialect, DialectChoice, DstPolicy, Expr, LocalTime, Schedule, Zone};
use proptest::prelude::*;
use proptest::test_runner::Config;

// ------------------------------------------------------------------ configuration

/// `PROPTEST_CASES` when set, else `default`.
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        ..Config::default()
    }
}

/// Wall-clock seconds of 1970-01-01T00:00:00 and 2199-12-31T23:59:59: the search range.
const LOCAL_MIN: i64 = 0;
const LOCAL_MAX: i64 = 7_258_118_399;
const YEARS: usize = 230;

const ZONES: [&str; 10] = [
    "UTC",
    "+05:30",
    "-03:00",
    "+14:00",
    "-09:30",
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Kolkata",
];
const POLICIES: [DstPolicy; 4] = [
    DstPolicy::Shift,
    DstPolicy::Skip,
    DstPolicy::Quartz,
    DstPolicy::Cron,
];

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

// ------------------------------------------------------------------ the model

/// What an expression means, independently of the library.
#[derive(Clone, Debug)]
struct Model {
    seconds: [bool; 60],
    minutes: [bool; 60],
    hours: [bool; 24],
    months: [bool; 13],
    /// index = year - 1970
    years: Vec<bool>,
    day: DayModel,
    /// `@reboot`: no clock fire times at all.
    reboot: bool,
    /// The minute or hour field is written starting with `*` (Quartz's bare `/n`,
    /// which means `*/n`, and `@hourly` count):
    /// cronie's `MIN_STAR | HR_STAR`, which decides what the `cron` policy does at
    /// clock changes (docs/dst.md, from cronie `entry.c` `load_entry`).
    wildcard: bool,
}

#[derive(Clone, Debug, Default)]
struct DayModel {
    /// Plain days of the month (index = day).
    dom: Vec<bool>,
    /// `L-n` (`L` = 0).
    last_offsets: Vec<u32>,
    /// `nW`.
    nearest: Vec<u32>,
    /// `L-nW` (`LW` = 0).
    last_nearest: Vec<u32>,
    /// Plain weekdays, 0 = Sunday.
    dow: [bool; 7],
    /// `n#k`: (weekday, k).
    nth: Vec<(u32, u32)>,
    /// `nL`: last such weekday of the month.
    last_of: Vec<u32>,
    /// Both fields must match (else either).
    and: bool,
}

fn days_in_month(y: i32, m: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y, m, d).is_some())
        .unwrap()
}

fn weekday(y: i32, m: u32, d: u32) -> u32 {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .weekday()
        .num_days_from_sunday()
}

/// Quartz's `W`: the weekday (Mon–Fri) nearest day `n`, never leaving the month.
fn nearest_weekday(y: i32, m: u32, n: u32, len: u32) -> Option<u32> {
    if n < 1 || n > len {
        return None;
    }
    Some(match weekday(y, m, n) {
        6 if n == 1 => 3,       // Saturday the 1st: Monday the 3rd
        6 => n - 1,             // Saturday: Friday
        0 if n == len => n - 2, // Sunday the last: Friday
        0 => n + 1,             // Sunday: Monday
        _ => n,
    })
}

impl DayModel {
    fn matches(&self, y: i32, m: u32, d: u32) -> bool {
        let len = days_in_month(y, m);
        let dom = self.dom[d as usize]
            || self.last_offsets.iter().any(|&n| len > n && d == len - n)
            || self
                .nearest
                .iter()
                .any(|&n| nearest_weekday(y, m, n, len) == Some(d))
            || self
                .last_nearest
                .iter()
                .any(|&n| len > n && nearest_weekday(y, m, len - n, len) == Some(d));
        let wd = weekday(y, m, d);
        let dow = self.dow[wd as usize]
            || self
                .nth
                .iter()
                .any(|&(w, k)| w == wd && (d - 1) / 7 + 1 == k)
            || self.last_of.iter().any(|&w| w == wd && d + 7 > len);
        if self.and {
            dom && dow
        } else {
            dom || dow
        }
    }
}

fn naive(local: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(local, 0)
        .unwrap()
        .naive_utc()
}

impl Model {
    fn year_ok(&self, y: i32) -> bool {
        (1970..=2199).contains(&y) && self.years[(y - 1970) as usize]
    }

    fn day_ok(&self, y: i32, m: u32, d: u32) -> bool {
        !self.reboot && self.year_ok(y) && self.months[m as usize] && self.day.matches(y, m, d)
    }

    /// Does wall-clock second `local` match?
    fn matches(&self, local: i64) -> bool {
        if !(LOCAL_MIN..=LOCAL_MAX).contains(&local) {
            return false;
        }
        let t = naive(local);
        // the time of day first: it is cheap and usually decides
        self.hours[t.hour() as usize]
            && self.minutes[t.minute() as usize]
            && self.seconds[t.second() as usize]
            && self.day_ok(t.year(), t.month(), t.day())
    }

    fn day_mask(&self, y: i32, m: u32) -> u32 {
        (1..=days_in_month(y, m))
            .filter(|&d| self.day_ok(y, m, d))
            .fold(0, |acc, d| acc | 1 << d)
    }

    fn never_fires(&self) -> bool {
        let time_empty = !self.hours.iter().any(|&b| b)
            || !self.minutes.iter().any(|&b| b)
            || !self.seconds.iter().any(|&b| b);
        time_empty || !(1970..=2199).any(|y| (1..=12).any(|m| self.day_mask(y, m) != 0))
    }

    /// First second of the day at or after `from` (seconds into the day) that matches.
    fn first_time_from(&self, from: i64) -> Option<i64> {
        for h in 0..24i64 {
            if !self.hours[h as usize] || (h + 1) * 3600 <= from {
                continue;
            }
            for mi in 0..60i64 {
                let base = h * 3600 + mi * 60;
                if !self.minutes[mi as usize] || base + 60 <= from {
                    continue;
                }
                for s in 0..60i64 {
                    if self.seconds[s as usize] && base + s >= from {
                        return Some(base + s);
                    }
                }
            }
        }
        None
    }

    /// Last second of the day at or before `upto` that matches.
    fn last_time_upto(&self, upto: i64) -> Option<i64> {
        for h in (0..24i64).rev() {
            if !self.hours[h as usize] || h * 3600 > upto {
                continue;
            }
            for mi in (0..60i64).rev() {
                let base = h * 3600 + mi * 60;
                if !self.minutes[mi as usize] || base > upto {
                    continue;
                }
                for s in (0..60i64).rev() {
                    if self.seconds[s as usize] && base + s <= upto {
                        return Some(base + s);
                    }
                }
            }
        }
        None
    }

    /// Reference: the first matching wall-clock second strictly after `after`, found by
    /// walking day by day (skipping whole years and months that cannot match).
    fn next_local(&self, after: i64) -> Option<i64> {
        let start = after.checked_add(1)?.max(LOCAL_MIN);
        if start > LOCAL_MAX || self.reboot {
            return None;
        }
        let mut day = start.div_euclid(86_400);
        let mut from = start.rem_euclid(86_400);
        while day * 86_400 <= LOCAL_MAX {
            let date = naive(day * 86_400).date();
            let (y, m) = (date.year(), date.month());
            if !self.year_ok(y) {
                day = days(y + 1, 1, 1);
                from = 0;
                continue;
            }
            if !self.months[m as usize] {
                day = if m == 12 {
                    days(y + 1, 1, 1)
                } else {
                    days(y, m + 1, 1)
                };
                from = 0;
                continue;
            }
            if self.day.matches(y, m, date.day()) {
                if let Some(s) = self.first_time_from(from) {
                    return Some(day * 86_400 + s);
                }
            }
            day += 1;
            from = 0;
        }
        None
    }

    /// Reference: the last matching wall-clock second strictly before `before`.
    fn prev_local(&self, before: i64) -> Option<i64> {
        let start = before.checked_sub(1)?.min(LOCAL_MAX);
        if start < LOCAL_MIN || self.reboot {
            return None;
        }
        let mut day = start.div_euclid(86_400);
        let mut upto = start.rem_euclid(86_400);
        while day >= 0 {
            let date = naive(day * 86_400).date();
            let (y, m) = (date.year(), date.month());
            if !self.year_ok(y) {
                day = days(y, 1, 1) - 1;
                upto = 86_399;
                continue;
            }
            if !self.months[m as usize] {
                day = days(y, m, 1) - 1;
                upto = 86_399;
                continue;
            }
            if self.day.matches(y, m, date.day()) {
                if let Some(s) = self.last_time_upto(upto) {
                    return Some(day * 86_400 + s);
                }
            }
            day -= 1;
            upto = 86_399;
        }
        None
    }
}

/// Days from 1970-01-01 to `y-m-d` (chrono's arithmetic).
fn days(y: i32, m: u32, d: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap())
        .num_days()
}

// ------------------------------------------------------------------ the grammar

/// A numeric item: `*`, `v`, `a-b`, `*/n`, `a/n`, `a-b/n`.
#[derive(Clone, Copy, Debug)]
enum Num {
    Star,
    Value(u16),
    Range(u16, u16),
    StarStep(u16),
    FromStep(u16, u16),
    RangeStep(u16, u16, u16),
}

/// How a name is spelt: full or three letters, and the letter case.
#[derive(Clone, Copy, Debug)]
struct Spelling {
    full: bool,
    case: u8,
}

fn spell(name: &str, s: Spelling) -> String {
    let n = if s.full { name } else { &name[..3] };
    match s.case % 3 {
        0 => n.to_ascii_uppercase(),
        1 => n.to_ascii_lowercase(),
        _ => n.to_string(),
    }
}

/// The values of a numeric item within `min..=max` (wrapping past `max` when a > b).
fn num_values(n: Num, min: u16, max: u16) -> Vec<u16> {
    let width = max - min + 1;
    let walk = |a: u16, b: u16, step: u16| -> Vec<u16> {
        // from a up to b, continuing past max at min when the range wraps
        let end = if a <= b {
            b as u32
        } else {
            b as u32 + width as u32
        };
        (a as u32..=end)
            .step_by(step as usize)
            .map(|v| {
                if v > max as u32 {
                    (v - width as u32) as u16
                } else {
                    v as u16
                }
            })
            .collect()
    };
    match n {
        Num::Star => (min..=max).collect(),
        Num::Value(v) => vec![v],
        Num::Range(a, b) => walk(a, b, 1),
        Num::StarStep(s) => walk(min, max, s),
        Num::FromStep(a, s) => walk(a, max, s),
        Num::RangeStep(a, b, s) => walk(a, b, s),
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum NameKind {
    Month,
    Day,
}

/// A numeric item, with names where the field has them.
#[derive(Clone, Copy, Debug)]
struct NumItem {
    num: Num,
    /// Spell values as names (only values and ranges, only month and day-of-week).
    name: Option<Spelling>,
    /// Quartz: write `*/n` as `/n`.
    bare_step: bool,
}

struct FieldSpec {
    min: u16,
    max: u16,
    /// Values come from part of the field only: no `*`, `*/n` or `a/n` (which reach
    /// the whole field).
    narrowed: bool,
    /// Quartz allows `a-b` with a > b (not in years).
    wrap: bool,
    names: Option<NameKind>,
}

impl NumItem {
    fn render(&self, f: &FieldSpec, d: Dialect) -> String {
        let name = |v: u16, spelling: Option<Spelling>| -> String {
            match (spelling, f.names) {
                (Some(s), Some(NameKind::Month)) => spell(MONTH_NAMES[v as usize - 1], s),
                (Some(s), Some(NameKind::Day)) => spell(DAY_NAMES[weekday_of(d, v) as usize], s),
                _ => v.to_string(),
            }
        };
        // a full name may only end an item (Quartz reads three letters and drops the
        // rest of the item, so `MONDAY-FRIDAY` is rejected): the start of a range is short
        let short = self.name.map(|s| Spelling { full: false, ..s });
        match self.num {
            Num::Star => "*".into(),
            Num::Value(v) => name(v, self.name),
            Num::Range(a, b) => format!("{}-{}", name(a, short), name(b, self.name)),
            // Quartz also reads a bare `/n` as `*/n`
            Num::StarStep(s) if self.bare_step && d == Dialect::Quartz => format!("/{s}"),
            Num::StarStep(s) => format!("*/{s}"),
            Num::FromStep(a, s) => format!("{a}/{s}"),
            Num::RangeStep(a, b, s) => format!("{a}-{b}/{s}"),
        }
    }
}

/// Day-of-week value → 0 = Sunday (Quartz 1–7 = SUN–SAT; unix 0–7, 0 and 7 = SUN).
fn weekday_of(d: Dialect, v: u16) -> u32 {
    match d {
        Dialect::Quartz => (v as u32 + 6) % 7,
        _ => v as u32 % 7,
    }
}

fn num_item(f: FieldSpec, d: Dialect) -> impl Strategy<Value = NumItem> {
    let (min, max, wrap) = (f.min, f.max, f.wrap);
    let order = move |a: u16, b: u16| {
        if wrap || a <= b {
            (a, b)
        } else {
            (b.min(a), a.max(b))
        }
    };
    // steps on `*` and `a/n` may not exceed the field's maximum (Quartz rejects them);
    // range steps may (`1-31/40` is day 1 only). Years have no such limit.
    let step_max = if min >= 1970 { 250 } else { max.max(1) };
    let wide = if f.narrowed { 0 } else { 1 };
    let num = prop_oneof![
        4 * wide => Just(Num::Star),
        4 => (min..=max).prop_map(Num::Value),
        3 => (min..=max, min..=max).prop_map(move |(a, b)| {
            let (a, b) = order(a, b);
            Num::Range(a, b)
        }),
        2 * wide => (1..=step_max).prop_map(Num::StarStep),
        wide => (min..=max, 1..=step_max).prop_map(|(a, s)| Num::FromStep(a, s)),
        1 => (min..=max, min..=max, 1..=max.min(300) + 10).prop_map(move |(a, b, s)| {
            let (a, b) = order(a, b);
            Num::RangeStep(a, b, s)
        }),
    ];
    let nameable = f.names;
    let bare = prop::bool::weighted(0.2);
    (num, any::<bool>(), any::<bool>(), 0u8..3, bare).prop_map(
        move |(num, named, full, case, bare_step)| {
            // unix day names are SUN=0..SAT=6; 7 (also Sunday) has no name of its own, and
            // a named unix range must not run backwards
            let can_name = match (nameable, num) {
                (None, _) => false,
                (Some(NameKind::Day), Num::Value(v)) => d == Dialect::Quartz || v <= 6,
                (Some(NameKind::Day), Num::Range(a, b)) => {
                    d == Dialect::Quartz || (a <= 6 && b <= 6)
                }
                (Some(_), Num::Value(_) | Num::Range(..)) => true,
                _ => false,
            };
            NumItem {
                num,
                name: (named && can_name).then_some(Spelling { full, case }),
                bare_step,
            }
        },
    )
}

fn spec(kind: u8, d: Dialect) -> FieldSpec {
    let q = d == Dialect::Quartz;
    match kind {
        0 | 1 => FieldSpec {
            min: 0,
            max: 59,
            wrap: q,
            narrowed: false,
            names: None,
        },
        2 => FieldSpec {
            min: 0,
            max: 23,
            wrap: q,
            narrowed: false,
            names: None,
        },
        3 => FieldSpec {
            min: 1,
            max: 31,
            wrap: q,
            narrowed: false,
            names: None,
        },
        4 => FieldSpec {
            min: 1,
            max: 12,
            wrap: q,
            narrowed: false,
            names: Some(NameKind::Month),
        },
        5 => FieldSpec {
            min: if q { 1 } else { 0 },
            max: 7,
            wrap: q,
            narrowed: false,
            names: Some(NameKind::Day),
        },
        _ => FieldSpec {
            min: 1970,
            max: 2199,
            wrap: false,
            narrowed: false,
            names: None,
        },
    }
}

/// A plain field: a list of numeric items.
#[derive(Clone, Debug)]
struct Plain {
    kind: u8,
    items: Vec<NumItem>,
}

impl Plain {
    fn render(&self, d: Dialect) -> String {
        let f = spec(self.kind, d);
        self.items
            .iter()
            .map(|i| i.render(&f, d))
            .collect::<Vec<_>>()
            .join(",")
    }
    fn values(&self, d: Dialect) -> Vec<u16> {
        let f = spec(self.kind, d);
        self.items
            .iter()
            .flat_map(|i| num_values(i.num, f.min, f.max))
            .collect()
    }
}

fn plain(kind: u8, d: Dialect, max_items: usize) -> impl Strategy<Value = Plain> {
    plain_from(kind, d, max_items, spec(kind, d))
}

/// A plain field whose values are drawn from `f` (possibly narrower than the field);
/// what they mean is still computed over the whole field.
fn plain_from(
    kind: u8,
    d: Dialect,
    max_items: usize,
    f: FieldSpec,
) -> impl Strategy<Value = Plain> {
    prop::collection::vec(num_item(f, d), 1..=max_items)
        .prop_map(move |items| Plain { kind, items })
}

/// `spec(kind, d)` with values drawn from `lo..=hi` only.
fn narrow(kind: u8, d: Dialect, lo: u16, hi: u16) -> FieldSpec {
    FieldSpec {
        min: lo,
        max: hi,
        narrowed: true,
        ..spec(kind, d)
    }
}

/// How an expression's fields are chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// Anything the grammar allows.
    Normal,
    /// Day, month and year unrestricted: fire times close together.
    Dense,
    /// Days 28–31, February to April, a year or two around 2100 (not a leap year):
    /// schedules that fire rarely or never.
    Sparse,
}

/// A `*`-only field (dense schedules).
fn star(kind: u8) -> Plain {
    Plain {
        kind,
        items: vec![NumItem {
            num: Num::Star,
            name: None,
            bare_step: false,
        }],
    }
}

#[derive(Clone, Copy, Debug)]
enum DomSpecial {
    Last,
    LastOffset(u8),
    LastWeekday,
    LastOffsetWeekday(u8),
    Nearest(u8),
}

#[derive(Clone, Copy, Debug)]
enum DowSpecial {
    /// `nL` (or `NAMEL`)
    LastOf(u16, Option<Spelling>),
    /// `n#k`
    Nth(u16, u8, Option<Spelling>),
    /// unix `n#L` / `DAY#L`
    HashLast(u16, Option<Spelling>),
    /// Quartz `L` alone: Saturday
    SaturdayL,
}

#[derive(Clone, Debug)]
enum DomItem {
    Plain(NumItem),
    Special(DomSpecial, bool),
}

#[derive(Clone, Debug)]
enum DowItem {
    Plain(NumItem),
    Special(DowSpecial),
}

/// A day field: `?` or a list.
#[derive(Clone, Debug)]
enum DayField<T> {
    Question,
    Items(Vec<T>),
}

fn dom_special() -> impl Strategy<Value = (DomSpecial, bool)> {
    (
        prop_oneof![
            Just(DomSpecial::Last),
            // large offsets and late days reach past the start of short months
            prop_oneof![0u8..=30, 25u8..=30].prop_map(DomSpecial::LastOffset),
            Just(DomSpecial::LastWeekday),
            prop_oneof![0u8..=30, 25u8..=30].prop_map(DomSpecial::LastOffsetWeekday),
            prop_oneof![1u8..=31, 26u8..=31].prop_map(DomSpecial::Nearest),
        ],
        any::<bool>(),
    )
}

fn dow_special(d: Dialect) -> BoxedStrategy<DowSpecial> {
    let (min, max) = if d == Dialect::Quartz {
        (1u16, 7u16)
    } else {
        (0, 7)
    };
    let name = move |v: u16, s: Option<Spelling>| -> Option<Spelling> {
        if d == Dialect::Unix && v == 7 {
            None
        } else {
            s
        }
    };
    // a suffix follows the name, so it is the three-letter form (see NumItem::render)
    let spelling = prop::option::of((0u8..3).prop_map(|case| Spelling { full: false, case }));
    let base = prop_oneof![
        (min..=max, spelling.clone()).prop_map(move |(v, s)| DowSpecial::LastOf(v, name(v, s))),
        (min..=max, prop_oneof![1u8..=5, Just(5u8)], spelling.clone())
            .prop_map(move |(v, k, s)| DowSpecial::Nth(v, k, name(v, s))),
    ];
    match d {
        Dialect::Quartz => prop_oneof![4 => base, 1 => Just(DowSpecial::SaturdayL)].boxed(),
        _ => prop_oneof![
            3 => base,
            1 => (min..=max, spelling).prop_map(move |(v, s)| DowSpecial::HashLast(v, name(v, s))),
        ]
        .boxed(),
    }
}

fn render_dom(f: &DayField<DomItem>, d: Dialect) -> String {
    let items = match f {
        DayField::Question => return "?".into(),
        DayField::Items(items) => items,
    };
    let fs = spec(3, d);
    items
        .iter()
        .map(|i| match i {
            DomItem::Plain(p) => p.render(&fs, d),
            DomItem::Special(s, lower) => {
                let t = match s {
                    DomSpecial::Last => "L".to_string(),
                    DomSpecial::LastOffset(n) => format!("L-{n}"),
                    DomSpecial::LastWeekday => "LW".to_string(),
                    DomSpecial::LastOffsetWeekday(n) => format!("L-{n}W"),
                    DomSpecial::Nearest(n) => format!("{n}W"),
                };
                if *lower {
                    t.to_ascii_lowercase()
                } else {
                    t
                }
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn render_dow(f: &DayField<DowItem>, d: Dialect) -> String {
    let items = match f {
        DayField::Question => return "?".into(),
        DayField::Items(items) => items,
    };
    let fs = spec(5, d);
    let value = |v: u16, s: Option<Spelling>| match s {
        Some(s) => spell(DAY_NAMES[weekday_of(d, v) as usize], s),
        None => v.to_string(),
    };
    items
        .iter()
        .map(|i| match i {
            DowItem::Plain(p) => p.render(&fs, d),
            DowItem::Special(DowSpecial::LastOf(v, s)) => format!("{}L", value(*v, *s)),
            DowItem::Special(DowSpecial::Nth(v, k, s)) => format!("{}#{k}", value(*v, *s)),
            DowItem::Special(DowSpecial::HashLast(v, s)) => format!("{}#L", value(*v, *s)),
            DowItem::Special(DowSpecial::SaturdayL) => "L".to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Does the field's text start with `*` or `?` (Vixie's "unrestricted" rule)?
fn starts_with_star<T>(f: &DayField<T>, first_is_star: impl Fn(&T) -> bool) -> bool {
    match f {
        DayField::Question => true,
        DayField::Items(items) => first_is_star(&items[0]),
    }
}

fn dom_model(f: &DayField<DomItem>, d: Dialect, m: &mut DayModel) {
    m.dom = vec![false; 32];
    match f {
        DayField::Question => (1..=31).for_each(|i| m.dom[i] = true),
        DayField::Items(items) => {
            for i in items {
                match i {
                    DomItem::Plain(p) => {
                        for v in num_values(p.num, 1, 31) {
                            m.dom[v as usize] = true;
                        }
                    }
                    DomItem::Special(DomSpecial::Last, _) => m.last_offsets.push(0),
                    DomItem::Special(DomSpecial::LastOffset(n), _) => {
                        m.last_offsets.push(*n as u32)
                    }
                    DomItem::Special(DomSpecial::LastWeekday, _) => m.last_nearest.push(0),
                    DomItem::Special(DomSpecial::LastOffsetWeekday(n), _) => {
                        m.last_nearest.push(*n as u32)
                    }
                    DomItem::Special(DomSpecial::Nearest(n), _) => m.nearest.push(*n as u32),
                }
            }
        }
    }
    let _ = d;
}

fn dow_model(f: &DayField<DowItem>, d: Dialect, m: &mut DayModel) {
    let (min, max) = if d == Dialect::Quartz { (1, 7) } else { (0, 7) };
    match f {
        DayField::Question => m.dow = [true; 7],
        DayField::Items(items) => {
            for i in items {
                match i {
                    DowItem::Plain(p) => {
                        for v in num_values(p.num, min, max) {
                            m.dow[weekday_of(d, v) as usize] = true;
                        }
                    }
                    DowItem::Special(DowSpecial::LastOf(v, _) | DowSpecial::HashLast(v, _)) => {
                        m.last_of.push(weekday_of(d, *v))
                    }
                    DowItem::Special(DowSpecial::Nth(v, k, _)) => {
                        m.nth.push((weekday_of(d, *v), *k as u32))
                    }
                    // Quartz reads `L` alone in day-of-week as 7: Saturday
                    DowItem::Special(DowSpecial::SaturdayL) => m.dow[6] = true,
                }
            }
        }
    }
}

/// A generated expression: its text, its dialect and what it means.
#[derive(Clone)]
struct Gen {
    text: String,
    dialect: Dialect,
    /// `auto` must read it in `dialect` too.
    auto_ok: bool,
    model: Model,
}

impl std::fmt::Debug for Gen {
    // the text says it all; the model is derived from it
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} ({:?})", self.text, self.dialect)
    }
}

fn set<const N: usize>(values: &[u16]) -> [bool; N] {
    let mut a = [false; N];
    for &v in values {
        a[v as usize] = true;
    }
    a
}

fn years_of(p: Option<&Plain>, d: Dialect) -> Vec<bool> {
    match p {
        None => vec![true; YEARS],
        Some(p) => {
            let mut y = vec![false; YEARS];
            for v in p.values(d) {
                y[(v - 1970) as usize] = true;
            }
            y
        }
    }
}

/// Separators and surrounding white space.
fn layout(fields: &[String], seps: &[&str], lead: &str, trail: &str) -> String {
    let mut s = lead.to_string();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push_str(seps[i % seps.len()]);
        }
        s.push_str(f);
    }
    s.push_str(trail);
    s
}

fn whitespace() -> impl Strategy<Value = (Vec<&'static str>, &'static str, &'static str)> {
    (
        prop::collection::vec(
            prop::sample::select(vec![" ", " ", " ", "  ", "\t", " \t"]),
            1..4,
        ),
        prop::sample::select(vec!["", "", "", " ", "\t"]),
        prop::sample::select(vec!["", "", "", " ", "\t "]),
    )
}

/// Quartz: `sec min hour dom month dow [year]`, one day field `?`.
fn quartz_expr(mode: Mode) -> BoxedStrategy<Gen> {
    let d = Dialect::Quartz;
    let dense = mode == Mode::Dense;
    let sparse = mode == Mode::Sparse;
    let dom_spec = if sparse {
        narrow(3, d, 28, 31)
    } else {
        spec(3, d)
    };
    let dom = prop_oneof![
        4 => prop::collection::vec(num_item(dom_spec, d).prop_map(DomItem::Plain), 1..=3)
            .prop_map(DayField::Items),
        if sparse { 3 } else { 1 } => dom_special().prop_map(|(s, l)| DayField::Items(vec![DomItem::Special(s, l)])),
    ];
    let dow = prop_oneof![
        4 => prop::collection::vec(num_item(spec(5, d), d).prop_map(DowItem::Plain), 1..=3)
            .prop_map(DayField::Items),
        1 => dow_special(d).prop_map(|s| DayField::Items(vec![DowItem::Special(s)])),
    ];
    let days = (dom, dow, any::<bool>()).prop_map(|(dom, dow, q_in_dom)| {
        if q_in_dom {
            (DayField::Question, dow)
        } else {
            (dom, DayField::Question)
        }
    });
    let month = if sparse {
        plain_from(4, d, 2, narrow(4, d, 2, 4)).boxed()
    } else {
        plain(4, d, 3).boxed()
    };
    let year = if sparse {
        plain_from(6, d, 2, narrow(6, d, 2096, 2104))
            .prop_map(Some)
            .boxed()
    } else {
        prop::option::weighted(0.3, plain(6, d, 3)).boxed()
    };
    (
        plain(0, d, 3),
        plain(1, d, 3),
        plain(2, d, 3),
        days,
        month,
        year,
        whitespace(),
    )
        .prop_map(
            move |(sec, min, hour, (dom, dow), month, year, (seps, lead, trail))| {
                let (dom, dow, month, year) = if dense {
                    let star_dom = DayField::Items(vec![DomItem::Plain(star(3).items[0])]);
                    (star_dom, DayField::Question, star(4), None)
                } else {
                    (dom, dow, month, year)
                };
                // Quartz's bare `/n` is `*/n`: a wildcard too
                let star = |t: String| t.starts_with('*') || t.starts_with('/');
                let wildcard = star(min.render(d)) || star(hour.render(d));
                let mut fields = vec![
                    sec.render(d),
                    min.render(d),
                    hour.render(d),
                    render_dom(&dom, d),
                    month.render(d),
                    render_dow(&dow, d),
                ];
                if let Some(y) = &year {
                    fields.push(y.render(d));
                }
                let mut day = DayModel {
                    and: true,
                    ..DayModel::default()
                };
                dom_model(&dom, d, &mut day);
                dow_model(&dow, d, &mut day);
                Gen {
                    text: layout(&fields, &seps, lead, trail),
                    dialect: d,
                    auto_ok: true,
                    model: Model {
                        seconds: set(&sec.values(d)),
                        minutes: set(&min.values(d)),
                        hours: set(&hour.values(d)),
                        months: set(&month.values(d)),
                        years: years_of(year.as_ref(), d),
                        day,
                        reboot: false,
                        wildcard,
                    },
                }
            },
        )
        .boxed()
}

/// Unix/OCPS: 5 fields `min hour dom month dow`, 6 with seconds first, 7 with a year.
fn unix_expr(mode: Mode) -> BoxedStrategy<Gen> {
    let d = Dialect::Unix;
    let dense = mode == Mode::Dense;
    let sparse = mode == Mode::Sparse;
    let dom_spec = if sparse {
        narrow(3, d, 28, 31)
    } else {
        spec(3, d)
    };
    let dom_item = prop_oneof![
        4 => num_item(dom_spec, d).prop_map(DomItem::Plain),
        if sparse { 3 } else { 1 } => dom_special().prop_map(|(s, l)| DomItem::Special(s, l)),
    ];
    let dom = prop_oneof![
        1 => Just(DayField::Question),
        6 => prop::collection::vec(dom_item, 1..=3).prop_map(DayField::Items),
    ];
    let dow_item = prop_oneof![
        4 => num_item(spec(5, d), d).prop_map(DowItem::Plain),
        1 => dow_special(d).prop_map(DowItem::Special),
    ];
    let dow = prop_oneof![
        1 => Just(DayField::Question),
        6 => prop::collection::vec(dow_item, 1..=3).prop_map(DayField::Items),
    ];
    (
        plain(0, d, 3),
        plain(1, d, 3),
        plain(2, d, 3),
        dom,
        if sparse {
            plain_from(4, d, 2, narrow(4, d, 2, 4)).boxed()
        } else {
            plain(4, d, 3).boxed()
        },
        dow,
        any::<bool>(),
        if sparse {
            plain_from(6, d, 2, narrow(6, d, 2096, 2104)).boxed()
        } else {
            plain(6, d, 3).boxed()
        },
        if sparse { Just(7usize).boxed() } else { (5usize..=7).boxed() },
        whitespace(),
    )
        .prop_map(
            move |(sec, min, hour, dom, month, dow, plus, year, count, (seps, lead, trail))| {
                let (dom, dow, month, plus) = if dense {
                    let star_dom = DayField::Items(vec![DomItem::Plain(star(3).items[0])]);
                    (star_dom, DayField::Question, star(4), false)
                } else {
                    (dom, dow, month, plus)
                };
                let year = (count == 7 && !dense).then_some(year);
                let sec = if count >= 6 {
                    sec
                } else {
                    Plain {
                        kind: 0,
                        items: vec![NumItem {
                            num: Num::Value(0),
                            name: None,
                            bare_step: false,
                        }],
                    }
                };
                let wildcard = min.render(d).starts_with('*') || hour.render(d).starts_with('*');
                let mut fields = vec![];
                if count >= 6 {
                    fields.push(sec.render(d));
                }
                fields.push(min.render(d));
                fields.push(hour.render(d));
                fields.push(render_dom(&dom, d));
                fields.push(month.render(d));
                fields.push(format!("{}{}", if plus { "+" } else { "" }, render_dow(&dow, d)));
                match &year {
                    Some(y) => fields.push(y.render(d)),
                    None if count == 7 => fields.push("*".into()),
                    None => {}
                }
                let dom_star = starts_with_star(&dom, |i| {
                    matches!(i, DomItem::Plain(p) if matches!(p.num, Num::Star | Num::StarStep(_)))
                });
                let dow_star = starts_with_star(&dow, |i| {
                    matches!(i, DowItem::Plain(p) if matches!(p.num, Num::Star | Num::StarStep(_)))
                });
                let mut day = DayModel {
                    // Vixie: OR when both day fields are restricted; a field whose text
                    // starts with `*` (or `?`, which means `*`) counts as unrestricted;
                    // `+` forces AND
                    and: plus || dom_star || dow_star,
                    ..DayModel::default()
                };
                dom_model(&dom, d, &mut day);
                dow_model(&dow, d, &mut day);
                Gen {
                    text: layout(&fields, &seps, lead, trail),
                    dialect: d,
                    // auto reads 6 and 7 fields as Quartz
                    auto_ok: count == 5,
                    model: Model {
                        seconds: set(&sec.values(d)),
                        minutes: set(&min.values(d)),
                        hours: set(&hour.values(d)),
                        months: set(&month.values(d)),
                        years: years_of(year.as_ref(), d),
                        day,
                        reboot: false,
                        wildcard,
                    },
                }
            },
        )
        .boxed()
}

/// `@yearly` and friends, with the meaning SPEC §2.1 gives them.
fn nickname() -> impl Strategy<Value = Gen> {
    prop::sample::select(vec![
        "@yearly",
        "@annually",
        "@monthly",
        "@weekly",
        "@daily",
        "@midnight",
        "@hourly",
        "@reboot",
    ])
    .prop_map(|nick| {
        let only = |v: u16| vec![v];
        let all = |a: u16, b: u16| (a..=b).collect::<Vec<_>>();
        let (minutes, hours, dom, months, dow) = match nick {
            "@yearly" | "@annually" => (only(0), only(0), only(1), only(1), all(0, 6)),
            "@monthly" => (only(0), only(0), only(1), all(1, 12), all(0, 6)),
            "@weekly" => (only(0), only(0), all(1, 31), all(1, 12), only(0)),
            "@hourly" => (only(0), all(0, 23), all(1, 31), all(1, 12), all(0, 6)),
            _ => (only(0), only(0), all(1, 31), all(1, 12), all(0, 6)),
        };
        let mut day = DayModel {
            dom: vec![false; 32],
            and: true,
            ..DayModel::default()
        };
        for v in dom {
            day.dom[v as usize] = true;
        }
        for v in dow {
            day.dow[v as usize] = true;
        }
        Gen {
            text: nick.to_string(),
            dialect: Dialect::Unix,
            auto_ok: true,
            model: Model {
                seconds: set(&[0]),
                minutes: set(&minutes),
                hours: set(&hours),
                months: set(&months),
                years: vec![true; YEARS],
                day,
                reboot: nick == "@reboot",
                // cronie's `load_entry` sets HR_STAR for @hourly and nothing for the others
                wildcard: nick == "@hourly",
            },
        }
    })
}

fn any_expr() -> impl Strategy<Value = Gen> {
    prop_oneof![
        5 => quartz_expr(Mode::Normal),
        5 => unix_expr(Mode::Normal),
        2 => quartz_expr(Mode::Dense),
        2 => unix_expr(Mode::Dense),
        2 => quartz_expr(Mode::Sparse),
        2 => unix_expr(Mode::Sparse),
        1 => nickname(),
    ]
}

fn sparse_expr() -> impl Strategy<Value = Gen> {
    prop_oneof![quartz_expr(Mode::Sparse), unix_expr(Mode::Sparse)]
}

fn dense_expr() -> impl Strategy<Value = Gen> {
    prop_oneof![quartz_expr(Mode::Dense), unix_expr(Mode::Dense)]
}

// ------------------------------------------------------------------ zones and instants

fn zone(name: &str) -> Zone {
    Zone::parse(name).unwrap()
}

fn wall(z: &Zone, t: i64) -> i64 {
    t + z.offset_at(t) as i64
}

/// The smallest and largest UTC offset a zone has from 1969 to 2200.
fn offset_bounds(z: &Zone) -> (i64, i64) {
    static CACHE: OnceLock<Mutex<HashMap<String, (i64, i64)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(b) = cache.lock().unwrap().get(z.name()) {
        return *b;
    }
    let mut lo = i64::MAX;
    let mut hi = i64::MIN;
    let mut t = LOCAL_MIN - 3 * 86_400;
    while t < LOCAL_MAX + 3 * 86_400 {
        let o = z.offset_at(t) as i64;
        lo = lo.min(o);
        hi = hi.max(o);
        t += 5 * 86_400;
    }
    cache.lock().unwrap().insert(z.name().to_string(), (lo, hi));
    (lo, hi)
}

/// The instants at which a zone's offset changes during `year`.
fn transitions(z: &Zone, year: i32) -> Vec<i64> {
    let mut out = Vec::new();
    if z.fixed_offset().is_some() {
        return out;
    }
    let start = days(year, 1, 1) * 86_400;
    let end = days(year + 1, 1, 1) * 86_400;
    let mut t = start;
    while t < end {
        let next = t + 86_400;
        if z.offset_at(t) != z.offset_at(next) {
            // the first second with the new offset
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if z.offset_at(mid) == z.offset_at(t) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(hi);
        }
        t = next;
    }
    out
}

/// An instant in a zone: uniform over 1970–2199 (kind 0), within two hours of one of
/// the zone's transitions (1–5), within two days of one (6), or near either end of
/// the range or at 2100-01-01, where the zone tables end (7).
fn instant_in(z: &Zone, kind: u8, raw: u64, year: i32, pick: usize, near: i64) -> i64 {
    let uniform = (raw % (LOCAL_MAX as u64 + 1)) as i64;
    match kind % 8 {
        0 => uniform,
        1..=6 => {
            let tr = transitions(z, year);
            if tr.is_empty() {
                return uniform;
            }
            let spread = if kind % 8 == 6 { 2 * 86_400 } else { 2 * 3600 };
            tr[pick % tr.len()] + near % spread
        }
        _ => {
            // the ends of the range, and 2100-01-01 where the zone tables end
            let edge = [LOCAL_MIN, LOCAL_MAX, days(2100, 1, 1) * 86_400][(raw % 3) as usize];
            edge + near % (3 * 86_400)
        }
    }
}

type Case = (Gen, Zone, DstPolicy, i64);

/// Zones with daylight-saving transitions, Lord Howe's 30-minute one twice as often.
const DST_ZONES: [&str; 5] = [
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Australia/Lord_Howe",
    "America/Santiago",
];

fn case_strategy(expr: impl Strategy<Value = Gen>) -> impl Strategy<Value = Case> {
    let zones: Vec<&str> = ZONES.iter().chain(&DST_ZONES).copied().collect();
    (
        expr,
        prop::sample::select(zones),
        prop::sample::select(POLICIES.to_vec()),
        (
            any::<u8>(),
            any::<u64>(),
            1970i32..=2199,
            any::<usize>(),
            any::<i64>(),
        ),
    )
        .prop_map(|(g, zname, policy, (kind, raw, year, pick, near))| {
            let z = zone(zname);
            let t = instant_in(&z, kind, raw, year, pick, near);
            (g, z, policy, t)
        })
}

/// Zones with transitions only, instants within two hours of one.
fn near_transition_case(expr: impl Strategy<Value = Gen>) -> impl Strategy<Value = Case> {
    (
        expr,
        prop::sample::select(DST_ZONES.to_vec()),
        prop::sample::select(POLICIES.to_vec()),
        (1970i32..=2199, any::<usize>(), any::<i64>()),
    )
        .prop_map(|(g, zname, policy, (year, pick, near))| {
            let z = zone(zname);
            let t = instant_in(&z, 1, 0, year, pick, near);
            (g, z, policy, t)
        })
}

// ------------------------------------------------------------------ reference search

/// The instant a wall time fires at under `policy` (`None`: it does not fire).
fn map_wall(z: &Zone, policy: DstPolicy, w: i64) -> Option<i64> {
    match z.resolve_local(w) {
        LocalTime::Unique(i) => Some(i),
        LocalTime::Ambiguous(a, b) => Some(if policy == DstPolicy::Quartz { b } else { a }),
        LocalTime::Gap { before, .. } => (policy == DstPolicy::Shift).then_some(w - before as i64),
    }
}

// The `cron` policy, from the rules docs/dst.md reads out of cronie's `cron.c`
// (`main`): cron notices a spring-forward gap of G minutes as a jump of G + 1
// minutes; up to 5 ("small") it runs every job for each missed minute, up to 180
// ("medium") only the fixed-time jobs, beyond that ("large") nothing. The missed
// jobs run when cron notices: at the instant the gap ends, once. A fall-back
// overlap of O minutes is a jump of 1 - O minutes; down to -180 only the wildcard
// jobs run during the second pass, beyond that everything runs again.

/// Whether a gap `gap` seconds long runs the schedule's wall times of the gap.
fn cron_gap_fires(m: &Model, gap: i64) -> bool {
    let jump = gap / 60 + 1;
    jump <= 5 || (jump <= 180 && !m.wildcard)
}

/// Whether an overlap `overlap` seconds long runs the schedule in its second pass too.
fn cron_fires_twice(m: &Model, overlap: i64) -> bool {
    m.wildcard || 1 - overlap / 60 < -180
}

/// The instant the gap containing wall time `w` ends (the first instant with the
/// offset `after`): it lies in `(w - after, w - before]`.
fn gap_end(z: &Zone, w: i64, before: i32, after: i32) -> i64 {
    let (mut lo, mut hi) = (w - after as i64, w - before as i64);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if z.offset_at(mid) == after {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The instants a matching wall time `w` fires at under `cron` (none, one or two).
fn cron_instants(m: &Model, z: &Zone, w: i64) -> Vec<i64> {
    match z.resolve_local(w) {
        LocalTime::Unique(i) => vec![i],
        LocalTime::Ambiguous(a, b) if cron_fires_twice(m, b - a) => vec![a, b],
        LocalTime::Ambiguous(a, _) => vec![a],
        LocalTime::Gap { before, after } if cron_gap_fires(m, (after - before) as i64) => {
            vec![gap_end(z, w, before, after)]
        }
        LocalTime::Gap { .. } => vec![],
    }
}

/// Reference `next_after` under `cron`: the earliest instant after `t` that any
/// matching wall time fires at.
fn ref_next_cron(m: &Model, z: &Zone, t: i64) -> Option<i64> {
    let (lo, hi) = offset_bounds(z);
    // every instant of a wall time n is at least n - hi (a gap's end: more than
    // n - after), at most n - lo
    let mut w = wall(z, t) - (hi - lo) - 1;
    let mut best: Option<i64> = None;
    while let Some(n) = m.next_local(w) {
        w = n;
        if best.is_some_and(|b| n - hi >= b) {
            break;
        }
        for i in cron_instants(m, z, n).into_iter().filter(|&i| i > t) {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    best
}

/// Reference `prev_before` under `cron`: the latest instant before `t` that any
/// matching wall time fires at.
fn ref_prev_cron(m: &Model, z: &Zone, t: i64) -> Option<i64> {
    let (lo, hi) = offset_bounds(z);
    let mut w = wall(z, t) + (hi - lo) + 1;
    let mut best: Option<i64> = None;
    while let Some(n) = m.prev_local(w) {
        w = n;
        if best.is_some_and(|b| n - lo <= b) {
            break;
        }
        for i in cron_instants(m, z, n).into_iter().filter(|&i| i < t) {
            best = Some(best.map_or(i, |b| b.max(i)));
        }
    }
    best
}

/// Reference `next_after`. `shift`/`skip`: the earliest instant after `t` that any
/// matching wall time fires at. `quartz`: as Quartz, the first matching wall time after
/// the wall-clock time of `t` that exists, at its last occurrence.
fn ref_next(m: &Model, z: &Zone, policy: DstPolicy, t: i64) -> Option<i64> {
    if let Some(off) = z.fixed_offset() {
        let off = off as i64;
        return m.next_local(t + off).map(|w| w - off);
    }
    if policy == DstPolicy::Cron {
        return ref_next_cron(m, z, t);
    }
    let (lo, hi) = offset_bounds(z);
    if policy == DstPolicy::Quartz {
        let mut w = wall(z, t);
        loop {
            w = m.next_local(w)?;
            if let Some(i) = map_wall(z, policy, w).filter(|&i| i > t) {
                return Some(i);
            }
        }
    }
    // wall times at or before this one fire at or before t, whatever the offsets
    let mut w = wall(z, t) - (hi - lo) - 1;
    let mut best: Option<i64> = None;
    while let Some(n) = m.next_local(w) {
        w = n;
        if best.is_some_and(|b| n - hi >= b) {
            break; // every later wall time fires later than `best`
        }
        if let Some(i) = map_wall(z, policy, n).filter(|&i| i > t) {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    best
}

/// Reference `prev_before`: the latest instant before `t` at which the policy fires.
fn ref_prev(m: &Model, z: &Zone, policy: DstPolicy, t: i64) -> Option<i64> {
    if let Some(off) = z.fixed_offset() {
        let off = off as i64;
        return m.prev_local(t + off).map(|w| w - off);
    }
    if policy == DstPolicy::Cron {
        return ref_prev_cron(m, z, t);
    }
    let (lo, hi) = offset_bounds(z);
    let mut w = wall(z, t) + (hi - lo) + 1;
    let mut best: Option<i64> = None;
    while let Some(n) = m.prev_local(w) {
        w = n;
        if best.is_some_and(|b| n - lo <= b) {
            break; // every earlier wall time fires earlier than `best`
        }
        if let Some(i) = map_wall(z, policy, n).filter(|&i| i < t) {
            best = Some(best.map_or(i, |b| b.max(i)));
        }
    }
    best
}

/// True when `t` is in the first occurrence of a repeated wall time.
fn in_first_occurrence(z: &Zone, t: i64) -> bool {
    matches!(z.resolve_local(wall(z, t)), LocalTime::Ambiguous(a, _) if a == t)
}

// ------------------------------------------------------------------ checks

fn iso(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| t.to_string())
}

fn parse(g: &Gen) -> Result<Schedule, TestCaseError> {
    let choice = DialectChoice::from(g.dialect);
    let e = Expr::parse(&g.text, choice)
        .map_err(|d| TestCaseError::fail(format!("`{}` rejected:\n{}", g.text, d.render())))?;
    prop_assert_eq!(e.dialect, g.dialect);
    if g.auto_ok {
        let a = Expr::parse(&g.text, DialectChoice::Auto);
        prop_assert_eq!(
            a.as_ref().ok(),
            Some(&e),
            "auto reads `{}` differently",
            g.text
        );
    }
    // the one-step parse (no syntax tree) compiles to the same schedule
    let compiled = Schedule::from_expr(&e);
    let direct = Schedule::parse(&g.text, choice);
    prop_assert_eq!(
        direct.as_ref().ok(),
        Some(&compiled),
        "Schedule::parse differs for `{}`",
        g.text
    );
    Ok(compiled)
}

/// A fire instant `f` is one the expression and policy allow.
fn check_fire(
    g: &Gen,
    s: &Schedule,
    z: &Zone,
    policy: DstPolicy,
    f: i64,
) -> Result<(), TestCaseError> {
    let w = wall(z, f);
    let by_model = g.model.matches(w);
    prop_assert_eq!(
        s.matches_civil(Civil::from_secs(w)),
        by_model,
        "matches_civil and the model disagree at {}",
        iso(w)
    );
    if policy == DstPolicy::Cron {
        // its own wall time fires at it, or it ends a gap whose wall times fire
        // there and some of them match
        if by_model && cron_instants(&g.model, z, w).contains(&f) {
            return Ok(());
        }
        let (before, after) = (z.offset_at(f - 1) as i64, z.offset_at(f) as i64);
        prop_assert!(
            after > before,
            "{} ({} wall) is neither a cron fire time of its wall time nor a gap's end",
            iso(f),
            iso(w)
        );
        prop_assert!(
            cron_gap_fires(&g.model, after - before),
            "{}: the gap before it does not fire under cron",
            iso(f)
        );
        let matched = (f + before..f + after).any(|gw| g.model.matches(gw));
        prop_assert!(
            matched,
            "{} ends a gap but no wall time of the gap matches",
            iso(f)
        );
        return Ok(());
    }
    if by_model {
        match z.resolve_local(w) {
            LocalTime::Unique(i) => prop_assert_eq!(i, f),
            LocalTime::Ambiguous(a, b) => {
                let want = if policy == DstPolicy::Quartz { b } else { a };
                prop_assert_eq!(
                    f,
                    want,
                    "repeated wall time {} fired at the wrong occurrence",
                    iso(w)
                );
            }
            LocalTime::Gap { .. } => prop_assert!(false, "an instant's own wall time is in a gap"),
        }
        return Ok(());
    }
    // Only `shift` fires at an instant whose wall clock does not match: a wall time W in
    // a gap fires at W read with the offset from before the gap, i.e. `f = W - before`.
    prop_assert_eq!(
        policy,
        DstPolicy::Shift,
        "{} ({} wall) does not match",
        iso(f),
        iso(w)
    );
    let shifted = (1..=8).any(|k| {
        let before = z.offset_at(f - k * 900) as i64;
        let gw = f + before;
        matches!(z.resolve_local(gw), LocalTime::Gap { before: b, .. } if b as i64 == before)
            && g.model.matches(gw)
    });
    prop_assert!(
        shifted,
        "{} ({} wall) is neither a match nor a shifted gap time",
        iso(f),
        iso(w)
    );
    Ok(())
}

fn strictly_increasing(times: &[i64]) -> Result<(), TestCaseError> {
    for w in times.windows(2) {
        prop_assert!(
            w[0] < w[1],
            "not strictly increasing: {} then {}",
            iso(w[0]),
            iso(w[1])
        );
    }
    Ok(())
}

/// `next_after(prev_before(t)) >= t` always (or `None` past the last fire time). `prev_before(next_after(t)) <= t` too,
/// with one exception, Quartz's own behaviour: under the quartz policy, when `t` lies in
/// the first occurrence of a repeated wall time, the forward search starts from the wall
/// clock of `t` and so passes over the second-occurrence instants whose wall time is not
/// after that of `t` (EDGE-CASES.md row 123: from 01:00 EDT, 01:00 EST = 06:00Z is
/// skipped). `prev_before` may then return such an instant `p`: `t < p`, `p` is the
/// second occurrence of its wall time, and `wall(p) <= wall(t)`.
fn check_round_trips(
    s: &Schedule,
    z: &Zone,
    policy: DstPolicy,
    t: i64,
) -> Result<(), TestCaseError> {
    if let Some(n) = s.next_after_ts(t, z, policy) {
        prop_assert!(n > t);
        // `None` (nothing before the first fire time of the range) is fine
        let p = s.prev_before_ts(n, z, policy).unwrap_or(i64::MIN);
        if p > t {
            prop_assert!(
                policy == DstPolicy::Quartz && in_first_occurrence(z, t),
                "prev_before(next_after({})) = {} is after it",
                iso(t),
                iso(p)
            );
            let second =
                matches!(z.resolve_local(wall(z, p)), LocalTime::Ambiguous(_, b) if b == p);
            prop_assert!(
                second && wall(z, p) <= wall(z, t),
                "quartz exception broken at {}",
                iso(p)
            );
        }
    }
    if let Some(p) = s.prev_before_ts(t, z, policy) {
        prop_assert!(p < t);
        // `None` (nothing after the last fire time of the range) is fine
        let n = s.next_after_ts(p, z, policy);
        prop_assert!(
            n.map_or(true, |n| n >= t),
            "next_after(prev_before({})) = {:?}",
            iso(t),
            n.map(iso)
        );
    }
    Ok(())
}

// ------------------------------------------------------------------ properties

proptest! {
    #![proptest_config(config(256))]

    /// The parser reads every generated expression as modelled; the compiled schedule's
    /// day masks, civil matching and never-fires flag agree with the model.
    #[test]
    fn valid_expressions_parse_and_compile_as_modelled(
        g in any_expr(),
        years in prop::collection::vec(prop_oneof![1970i32..=2199, 2096i32..=2104], 2),
        instants in prop::collection::vec(LOCAL_MIN..=LOCAL_MAX, 16),
    ) {
        let s = parse(&g)?;
        prop_assert_eq!(s.is_reboot(), g.model.reboot);
        prop_assert_eq!(s.is_wildcard_time(), g.model.wildcard, "wildcard (cron policy) for `{}`", g.text);
        prop_assert_eq!(s.never_fires(), g.model.never_fires(), "never_fires for `{}`", g.text);
        for y in years {
            for m in 1..=12 {
                prop_assert_eq!(s.day_mask(y, m), g.model.day_mask(y, m), "day_mask({}, {}) for `{}`", y, m, g.text);
            }
        }
        // random seconds rarely match: also look at the model's own next matches
        let mut probes = instants.clone();
        probes.extend(instants.iter().filter_map(|&t| g.model.next_local(t)));
        for w in probes {
            prop_assert_eq!(s.matches_civil(Civil::from_secs(w)), g.model.matches(w), "at {} for `{}`", iso(w), g.text);
        }
    }

    /// next/prev equal the reference search, in every zone and policy; the fire times
    /// that follow match, strictly increase, and the round trips hold.
    #[test]
    fn next_and_prev_agree_with_the_reference((g, z, policy, t) in case_strategy(any_expr())) {
        let s = parse(&g)?;
        let next = s.next_after_ts(t, &z, policy);
        prop_assert_eq!(next.map(iso), ref_next(&g.model, &z, policy, t).map(iso),
            "next_after({}) of `{}` in {} [{}]", iso(t), g.text, z.name(), policy);
        let prev = s.prev_before_ts(t, &z, policy);
        prop_assert_eq!(prev.map(iso), ref_prev(&g.model, &z, policy, t).map(iso),
            "prev_before({}) of `{}` in {} [{}]", iso(t), g.text, z.name(), policy);
        check_round_trips(&s, &z, policy, t)?;

        let forward: Vec<i64> = s.iter_after(t, &z, policy).take(8).collect();
        strictly_increasing(&forward)?;
        let mut backward: Vec<i64> = s.iter_before(t, &z, policy).take(8).collect();
        backward.reverse();
        strictly_increasing(&backward)?;
        for &f in forward.iter().chain(&backward) {
            check_fire(&g, &s, &z, policy, f)?;
            check_round_trips(&s, &z, policy, f)?;
        }
        // iterating backwards from the last forward fire time retraces the same instants
        // (not from inside a first occurrence under quartz: see check_round_trips)
        if forward.len() > 1 && !(policy == DstPolicy::Quartz && in_first_occurrence(&z, t)) {
            let last = *forward.last().unwrap_or(&t);
            let mut back: Vec<i64> = s.iter_before(last, &z, policy).take_while(|&b| b > t).collect();
            back.reverse();
            prop_assert_eq!(&back[..], &forward[..forward.len() - 1]);
        }
    }

    /// Dense schedules near transitions: the same checks where gaps and overlaps matter.
    #[test]
    fn dense_schedules_across_transitions((g, z, policy, t) in near_transition_case(dense_expr())) {
        let s = parse(&g)?;
        prop_assert_eq!(s.next_after_ts(t, &z, policy).map(iso), ref_next(&g.model, &z, policy, t).map(iso),
            "next_after({}) of `{}` in {} [{}]", iso(t), g.text, z.name(), policy);
        prop_assert_eq!(s.prev_before_ts(t, &z, policy).map(iso), ref_prev(&g.model, &z, policy, t).map(iso),
            "prev_before({}) of `{}` in {} [{}]", iso(t), g.text, z.name(), policy);
        let forward: Vec<i64> = s.iter_after(t, &z, policy).take(40).collect();
        strictly_increasing(&forward)?;
        for &f in &forward {
            check_fire(&g, &s, &z, policy, f)?;
        }
        check_round_trips(&s, &z, policy, t)?;
    }

    /// The `cron` policy where it decides something: dense schedules, fixed-time and
    /// wildcard, from within two hours of a change. Twelve fire times forwards and
    /// backwards each equal the reference (so a gap's end, the first pass alone and
    /// both passes of an overlap are compared, not only the first answer), each is a
    /// cron fire time, and the round trips hold.
    #[test]
    fn cron_policy_across_transitions((g, z, _, t) in near_transition_case(dense_expr())) {
        let s = parse(&g)?;
        let policy = DstPolicy::Cron;
        let mut n = t;
        for _ in 0..12 {
            let got = s.next_after_ts(n, &z, policy);
            prop_assert_eq!(got.map(iso), ref_next_cron(&g.model, &z, n).map(iso),
                "next_after({}) of `{}` in {} [cron]", iso(n), g.text, z.name());
            let Some(f) = got else { break };
            check_fire(&g, &s, &z, policy, f)?;
            n = f;
        }
        let mut p = t;
        for _ in 0..12 {
            let got = s.prev_before_ts(p, &z, policy);
            prop_assert_eq!(got.map(iso), ref_prev_cron(&g.model, &z, p).map(iso),
                "prev_before({}) of `{}` in {} [cron]", iso(p), g.text, z.name());
            let Some(f) = got else { break };
            check_fire(&g, &s, &z, policy, f)?;
            p = f;
        }
        check_round_trips(&s, &z, policy, t)?;
    }

    /// Schedules that fire rarely or never (days 28–31, L-n, nW, 5th weekdays, around
    /// the non-leap 2100): never-fires detection, day masks and the searches.
    #[test]
    fn sparse_schedules_as_modelled(
        g in sparse_expr(),
        t in days(2090, 1, 1) * 86_400..days(2110, 1, 1) * 86_400,
        zname in prop::sample::select(ZONES.to_vec()),
        policy in prop::sample::select(POLICIES.to_vec()),
    ) {
        let s = parse(&g)?;
        prop_assert_eq!(s.never_fires(), g.model.never_fires(), "never_fires for `{}`", g.text);
        for y in 2096..=2104 {
            for m in 1..=12 {
                prop_assert_eq!(s.day_mask(y, m), g.model.day_mask(y, m), "day_mask({}, {}) for `{}`", y, m, g.text);
            }
        }
        let z = zone(zname);
        prop_assert_eq!(s.next_after_ts(t, &z, policy).map(iso), ref_next(&g.model, &z, policy, t).map(iso),
            "next_after({}) of `{}` in {} [{}]", iso(t), g.text, z.name(), policy);
        prop_assert_eq!(s.prev_before_ts(t, &z, policy).map(iso), ref_prev(&g.model, &z, policy, t).map(iso),
            "prev_before({}) of `{}` in {} [{}]", iso(t), g.text, z.name(), policy);
    }

    /// In UTC, next and prev equal a second-by-second scan of a six-hour window.
    #[test]
    fn utc_agrees_with_a_brute_force_scan(
        g in prop_oneof![3 => dense_expr(), 1 => any_expr()],
        t in prop_oneof![LOCAL_MIN - 86_400..=LOCAL_MAX + 86_400, LOCAL_MAX - 86_400..=LOCAL_MAX + 86_400],
    ) {
        const WINDOW: i64 = 6 * 3600;
        let s = parse(&g)?;
        let utc = Zone::utc();
        let first = (t + 1..=t + WINDOW).find(|&w| g.model.matches(w));
        let last = (t - WINDOW..t).rev().find(|&w| g.model.matches(w));
        for policy in POLICIES {
            let next = s.next_after_ts(t, &utc, policy);
            match first {
                Some(f) => prop_assert_eq!(next, Some(f), "next_after({}) of `{}`", iso(t), g.text),
                None => prop_assert!(next.map_or(true, |n| n > t + WINDOW), "next_after({}) of `{}` = {:?}", iso(t), g.text, next.map(iso)),
            }
            let prev = s.prev_before_ts(t, &utc, policy);
            match last {
                Some(l) => prop_assert_eq!(prev, Some(l), "prev_before({}) of `{}`", iso(t), g.text),
                None => prop_assert!(prev.map_or(true, |p| p < t - WINDOW), "prev_before({}) of `{}` = {:?}", iso(t), g.text, prev.map(iso)),
            }
        }
    }

    /// Wall-time resolution (which the policies build on) agrees with chrono-tz itself
    /// within its tables.
    #[test]
    fn zone_resolution_agrees_with_chrono_tz(
        zname in prop::sample::select(ZONES[5..].to_vec()),
        local in LOCAL_MIN..days(2099, 12, 30) * 86_400,
    ) {
        use chrono::{LocalResult, Offset, TimeZone};
        let z = zone(zname);
        let tz: chrono_tz::Tz = zname.parse().unwrap();
        let to_instant = |o: chrono_tz::TzOffset| local - o.fix().local_minus_utc() as i64;
        let want = match tz.offset_from_local_datetime(&naive(local)) {
            LocalResult::Single(o) => Some(LocalTime::Unique(to_instant(o))),
            LocalResult::Ambiguous(a, b) => {
                let (a, b) = (to_instant(a), to_instant(b));
                Some(LocalTime::Ambiguous(a.min(b), a.max(b)))
            }
            LocalResult::None => None,
        };
        match (z.resolve_local(local), want) {
            (LocalTime::Gap { .. }, None) => {}
            (got, want) => prop_assert_eq!(Some(got), want, "{} at {}", zname, iso(local)),
        }
    }
}

// ------------------------------------------------------------------ robustness

/// Text that looks a little like cron: tokens of the grammar and its near misses.
fn cronish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "0",
        "5",
        "7",
        "12",
        "23",
        "31",
        "59",
        "60",
        "1969",
        "2199",
        "2200",
        "65535",
        "65536",
        "99999999999999999999999999999",
        "*",
        "?",
        "/",
        "-",
        ",",
        "#",
        "L",
        "W",
        "l",
        "w",
        "LW",
        "L-",
        "#L",
        "+",
        "@",
        "@daily",
        "@reboot",
        "@Daily",
        "MON",
        "jan",
        "FRIDAY",
        "Sept",
        "fril",
        "JANXYZ",
        " ",
        " ",
        " ",
        "\t",
        "\n",
        "\r",
        "\u{0}",
        "é",
        "日",
        "\u{202e}",
        "\u{feff}",
        "🦀",
    ]);
    prop::collection::vec(token, 0..24).prop_map(|v| v.concat())
}

fn robust_input() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => cronish(),
        2 => any::<String>(),
        2 => prop::collection::vec(any::<char>(), 0..40).prop_map(|v| v.into_iter().collect()),
        1 => prop::collection::vec(prop::sample::select(vec![b'0', b'9', b' ', b'\t', b',', b'-', b'/', b'*']), 0..200)
            .prop_map(|v| String::from_utf8(v).unwrap_or_default()),
        // thousands of fields, or thousands of list items in one field
        1 => (cronish(), 1000usize..10_000).prop_map(|(f, n)| vec![if f.trim().is_empty() { "*".to_string() } else { f }; n].join(" ")),
        1 => (1000usize..10_000).prop_map(|n| format!("0 0 0 {} * ?", vec!["1"; n].join(","))),
        // huge numbers in every position
        1 => prop::collection::vec("[0-9]{1,40}", 5..=7).prop_map(|v| v.join(" ")),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    /// No input makes the parser panic; every rejection is a complete diagnostic, the
    /// same from `Expr::parse` and `Schedule::parse`, and every acceptance compiles into
    /// a schedule the searches can use.
    #[test]
    fn random_strings_never_panic(text in robust_input()) {
        for choice in [DialectChoice::Auto, DialectChoice::Quartz, DialectChoice::Unix] {
            // both entry points give the same answer, diagnostics included
            let direct = Schedule::parse(&text, choice);
            let via_expr = Expr::parse(&text, choice).map(|e| Schedule::from_expr(&e));
            prop_assert_eq!(&direct, &via_expr, "the two parse paths disagree on {:?}", text);
            match Expr::parse(&text, choice) {
                Err(d) => {
                    prop_assert!(!d.code.is_empty() && d.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "code {:?}", d.code);
                    prop_assert!(!d.message.is_empty());
                    for sp in &d.spans {
                        prop_assert!(sp.start <= sp.end && sp.end <= text.len(), "span {:?} outside {:?}", sp, text);
                    }
                    let _ = d.render();
                }
                Ok(e) => {
                    let s = Schedule::from_expr(&e);
                    let ny = zone("America/New_York");
                    for policy in POLICIES {
                        let _ = s.next_after_ts(1_800_000_000, &ny, policy);
                        let _ = s.prev_before_ts(1_800_000_000, &ny, policy);
                    }
                }
            }
        }
    }

    /// Any `i64` instant, in any zone and policy: no panic, and answers on the right side.
    #[test]
    fn searches_accept_any_instant(
        g in any_expr(),
        zname in prop::sample::select(ZONES.to_vec()),
        policy in prop::sample::select(POLICIES.to_vec()),
        t in prop_oneof![any::<i64>(), Just(i64::MIN), Just(i64::MAX), -10_000_000_000i64..20_000_000_000],
    ) {
        let s = parse(&g)?;
        let z = zone(zname);
        if let Some(n) = s.next_after_ts(t, &z, policy) {
            prop_assert!(n > t && (LOCAL_MIN - 86_400..=LOCAL_MAX + 86_400).contains(&n));
        }
        if let Some(p) = s.prev_before_ts(t, &z, policy) {
            prop_assert!(p < t && (LOCAL_MIN - 86_400..=LOCAL_MAX + 86_400).contains(&p));
        }
    }
}

/// The generator covers every syntax element (a guard against a grammar that silently
/// stops producing some of them).
#[test]
fn the_grammar_produces_every_element() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = any_expr();
    let mut texts = String::new();
    for _ in 0..3000 {
        let g = strategy.new_tree(&mut runner).unwrap().current();
        texts.push_str(&g.text);
        texts.push('\n');
    }
    let has = |needle: &str| texts.contains(needle);
    for needle in [
        "*/", ",", "-", "?", "L-", "LW", "W", "#", "#L", "+", "@weekly", "@reboot", "\t", "lw",
        "l-",
    ] {
        assert!(has(needle), "no generated expression contains {needle:?}");
    }
    // names, full and short, in several cases; a wrap-around range; a year
    assert!(
        texts.to_ascii_lowercase().contains("sunday")
            || texts.to_ascii_lowercase().contains("saturday")
    );
    assert!(has("JAN") || has("jan") || has("Jan") || has("FEB") || has("feb") || has("Feb"));
    let wrap = texts.lines().any(|l| {
        l.split_whitespace().take(3).any(|f| {
            f.split(',').any(|i| match i.split_once('-') {
                Some((a, b)) => a
                    .parse::<u32>()
                    .ok()
                    .zip(b.split('/').next().and_then(|b| b.parse::<u32>().ok()))
                    .is_some_and(|(a, b)| a > b),
                None => false,
            })
        })
    });
    assert!(wrap, "no wrap-around range generated");
    let bare_step = texts
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|item| item.starts_with('/'));
    assert!(bare_step, "no Quartz `/n` generated");
    assert!(texts.lines().any(|l| l.split_whitespace().count() == 7
        && l.split_whitespace()
            .last()
            .is_some_and(|y| y.starts_with("19") || y.starts_with("2"))));
}
