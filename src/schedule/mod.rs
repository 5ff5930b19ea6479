//! Compiled schedules and the fire-time search.
//!
//! An [`Expr`] compiles once into a [`Schedule`]: one bit set per field (seconds,
//! minutes, hours, months, years 1970–2199) and a [`DayRule`] for the day fields.
//! Finding a fire time is then a handful of "next set bit" steps; nothing is
//! scanned second by second or day by day.
//!
//! The forward search ([`Schedule::next_local`]) is the hot path of every
//! subcommand, so it works on day numbers rather than dates. When a schedule
//! fires on a set of weekdays in every month of every year (every day, weekdays
//! only: most schedules), no calendar is needed at all: today's weekday decides,
//! then the time-of-day bits. Otherwise the start date is converted once and the
//! answer is looked for later today (time-of-day bits), later this month (the
//! month's day mask), in a later month (day number of its 1st from a table), in a
//! later year. A month's day mask is a pure function of its length and the
//! weekday it starts on; how it is computed is decided once per schedule
//! (`DayShape`): every day; day numbers and `L-n` alone (no weekday needed); a
//! few bit operations with weekday sets; one formula for a lone `n#k`; the
//! general [`DayRule::mask`] for the rest (`W`, `nL`, `n#k` beside other day
//! items). The
//! backward search walks the fields like an odometer.
//!
//! Schedules that can never fire (`0 0 0 30 2 ?`, Feb 29 of 2100) are recognised at
//! compile time: whether a day rule can match depends only on the length of a month
//! and the weekday it starts on, so the compiler checks the 14 kinds of year (leap or
//! not × weekday of January 1st) once, and the search skips every year that cannot
//! fire without looking at it.
//!
//! Time zones and daylight-saving policies are handled in [`Schedule::next_after`]
//! and [`Schedule::prev_before`] on top of the wall-clock search (see [`zone`]).

pub mod calendar;
mod fast_parse;
mod interval;
pub mod zone;

use chrono::{DateTime, Utc};

use smallvec::SmallVec;

use crate::expr::{
    parse_with, weekday_of, Build, DayCombine, Diagnostic, Dialect, DialectChoice, Expr, FieldKind,
    Item, ItemKind, Meta, Span, StepBase, MAX_YEAR, MIN_YEAR,
};
use calendar::{
    civil_from_epoch_days, days_before_month, days_from_civil, days_in_month, is_leap,
    weekday_from_days, Civil,
};
pub use interval::Interval;
pub use zone::{DstPolicy, LocalTime, Zone, ZoneError};
use zone::{Table, TABLE_END, TABLE_START};

const DAY: i64 = 86_400;

const YEARS: usize = (MAX_YEAR - MIN_YEAR + 1) as usize;
/// Wall-clock seconds of 1970-01-01T00:00:00.
const LOCAL_MIN: i64 = 0;
/// Wall-clock seconds of 2199-12-31T23:59:59.
const LOCAL_MAX: i64 = days_from_civil(MAX_YEAR as i32 + 1, 1, 1) * 86_400 - 1;
/// Instants outside `TS_MIN..=TS_MAX` are at least a day beyond any wall-clock time of
/// the search range in any zone (offsets stay under 24 h), so no fire time lies between
/// them and the range: the searches clamp to these bounds, which also keeps their
/// offset arithmetic far from `i64` overflow.
const TS_MIN: i64 = LOCAL_MIN - 2 * 86_400;
const TS_MAX: i64 = LOCAL_MAX + 2 * 86_400;

/// Which days of a month fire.
///
/// Not `Copy`: fugit's rarely written forms live behind a pointer ([`FugitDays`]),
/// so that the rule of every other expression stays 40 bytes (see `fugit`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayRule {
    /// Plain days of the month (bit d = day d).
    pub dom_days: u32,
    /// `L-n` offsets (bit n = n days before the last day; `L` is bit 0).
    pub dom_last_offsets: u32,
    /// `nW` (bit n = weekday nearest day n).
    pub dom_nearest_weekday: u32,
    /// `L-nW` (bit n; `LW` is bit 0).
    pub dom_last_nearest_weekday: u32,
    /// Plain weekdays (bit 0 = Sunday).
    pub weekdays: u8,
    /// `n#k`: bit `8 * weekday + k`.
    pub nth_weekdays: u64,
    /// `nL`: the last such weekday of the month (bit = weekday).
    pub last_weekdays: u8,
    pub combine: DayCombine,
    /// fugit's (the `gitlab` profile's) `n#-k` and `n%m+p`; `None` when the rule
    /// has neither, and only then (the compiler allocates it for the first such
    /// item). Out of line because no other profile writes them and they take 36
    /// bytes: inline they made every `Schedule` 160 bytes, past the 128 that
    /// LLVM copies with inline moves, so each move of a parsed schedule became a
    /// `memcpy` call (about 30 instructions, four times a parse).
    pub fugit: Option<Box<FugitDays>>,
}

/// fugit's day-of-week forms that no other profile has (see [`DayRule::fugit`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FugitDays {
    /// fugit `n#-k`, k = 2..=5: the k-th such weekday from the end of the month,
    /// bit `8 * weekday + k` (k = 1 is in [`DayRule::last_weekdays`]).
    pub nth_last_weekdays: u64,
    /// fugit `n%m+p`, by weekday (0 = Sunday): `(m, p % m)`, m ≥ 2 (`(0, 0)` =
    /// none): weekday n in the weeks w with (w + p) % m == 0, week 1 being
    /// 2019-01-01 to 01-07 ([`week_number`]). Which days fire then depends on
    /// the date, not only on the month's length and first weekday.
    pub week_modulo: [(u16, u16); 7],
}

/// Day number (days since 1970-01-01) of 2019-01-01, where fugit's weeks start
/// (et-orbi `EoTime#rweek`).
const WEEK_ONE_DAY: i64 = 17_897;

/// fugit's week number of day number `day`: 1 for 2019-01-01 to 01-07, 0 for the
/// week before, counted in calendar days (et-orbi counts elapsed seconds, which
/// differs at midnight in summer time; `docs/profiles.md` says why cronkit does not).
pub fn week_number(day: i64) -> i64 {
    (day - WEEK_ONE_DAY).div_euclid(7) + 1
}

const ALL_DAYS: u32 = 0xFFFF_FFFE;

impl DayRule {
    fn dom_is_plain(&self) -> bool {
        self.dom_last_offsets == 0
            && self.dom_nearest_weekday == 0
            && self.dom_last_nearest_weekday == 0
    }
    fn dow_is_plain(&self) -> bool {
        self.nth_weekdays == 0 && self.last_weekdays == 0 && self.fugit.is_none()
    }

    /// fugit `n#-k` (k = 2..=5), as [`FugitDays::nth_last_weekdays`] (0 when none).
    pub fn nth_last_weekdays(&self) -> u64 {
        self.fugit.as_ref().map_or(0, |f| f.nth_last_weekdays)
    }

    /// fugit `n%m+p` by weekday, as [`FugitDays::week_modulo`] (all `(0, 0)` when none).
    pub fn week_modulo(&self) -> [(u16, u16); 7] {
        self.fugit.as_ref().map_or([(0, 0); 7], |f| f.week_modulo)
    }

    /// Some weekday has a fugit `%` rule (its days depend on the date).
    pub fn has_week_modulo(&self) -> bool {
        self.fugit
            .as_ref()
            .is_some_and(|f| f.week_modulo.iter().any(|&(m, _)| m != 0))
    }

    /// Days (bit d = day d) that fire in the month of `len` days starting on day
    /// number `start` (days since 1970-01-01): [`DayRule::mask`] with the `%`
    /// rules, which need the date.
    pub fn mask_on(&self, len: u32, start: u32) -> u32 {
        let first_wd = (start + 4) % 7;
        if !self.has_week_modulo() {
            return self.mask(len, first_wd);
        }
        self.special_mask_with(len, first_wd, self.week_modulo_days(len, start))
    }

    /// The days of the `%` rules in the month of `len` days starting on day number `start`.
    fn week_modulo_days(&self, len: u32, start: u32) -> u32 {
        let first_wd = (start + 4) % 7;
        let mut m = 0;
        for (wd, (every, plus)) in self.week_modulo().into_iter().enumerate() {
            if every == 0 {
                continue;
            }
            let mut d = first_day_on(wd as u32, first_wd);
            while d <= len {
                let w = week_number(start as i64 + d as i64 - 1);
                if (w + plus as i64).rem_euclid(every as i64) == 0 {
                    m |= 1 << d;
                }
                d += 7;
            }
        }
        m
    }

    /// Days (bit d = day d) that fire in a month of `len` days starting on weekday `first_wd`.
    ///
    /// A fugit `%` rule counts here as every such weekday (which of them fire
    /// depends on the date: [`DayRule::mask_on`]), so with one this is an upper bound.
    ///
    /// The plain forms (day numbers, weekday sets) are a few bit operations and stay
    /// inline on the search's hot path; `L`, `W`, `#` and `nL` are worked out in
    /// separate functions.
    #[inline]
    pub fn mask(&self, len: u32, first_wd: u32) -> u32 {
        if self.dom_is_plain() && self.dow_is_plain() {
            self.plain_mask(len, first_wd, 0)
        } else {
            self.special_mask(len, first_wd)
        }
    }

    /// [`DayRule::mask`] when there are only day numbers (plus `extra_days`, bit d =
    /// day d) and weekday sets.
    #[inline]
    fn plain_mask(&self, len: u32, first_wd: u32, extra_days: u32) -> u32 {
        let dom = self.dom_days | extra_days;
        let dow = self.weekday_pattern(first_wd);
        full_month(len) & combine(self.combine, dom, dow)
    }

    /// [`DayRule::mask`] with `L`, `W`, `#` or `nL` somewhere.
    #[inline(never)]
    fn special_mask(&self, len: u32, first_wd: u32) -> u32 {
        let upper = if self.has_week_modulo() {
            // every weekday with a `%` rule (see `mask`)
            let mut w = 0u8;
            for (wd, (every, _)) in self.week_modulo().into_iter().enumerate() {
                w |= ((every != 0) as u8) << wd;
            }
            weekday_pattern(w, first_wd)
        } else {
            0
        };
        self.special_mask_with(len, first_wd, upper)
    }

    /// [`DayRule::special_mask`] with `extra_dow` (bit d = day d) added to the
    /// day-of-week side.
    fn special_mask_with(&self, len: u32, first_wd: u32, extra_dow: u32) -> u32 {
        let mut dom = self.dom_days;
        if !self.dom_is_plain() {
            dom |= self.dom_special(len, first_wd);
        }
        let mut dow = self.weekday_pattern(first_wd) | extra_dow;
        if !self.dow_is_plain() {
            dow |= self.dow_special(len, first_wd);
        }
        full_month(len) & combine(self.combine, dom, dow)
    }

    /// Plain weekdays laid over a month starting on `first_wd`: bit d = day d
    /// (for d ≤ 35) falls on a weekday of the set.
    #[inline]
    fn weekday_pattern(&self, first_wd: u32) -> u32 {
        weekday_pattern(self.weekdays, first_wd)
    }

    /// The `L-n`, `nW` and `L-nW` days of a month (kept out of line: the
    /// weekday-only rules that share [`DayRule::special_mask`] are more common).
    #[inline(never)]
    fn dom_special(&self, len: u32, first_wd: u32) -> u32 {
        let mut m = 0;
        let mut bits = self.dom_last_offsets;
        while bits != 0 {
            let n = bits.trailing_zeros();
            bits &= bits - 1;
            if len > n {
                m |= 1 << (len - n);
            }
        }
        let mut bits = self.dom_nearest_weekday;
        while bits != 0 {
            let n = bits.trailing_zeros();
            bits &= bits - 1;
            if n >= 1 && n <= len {
                m |= 1 << nearest_weekday(n, len, first_wd);
            }
        }
        let mut bits = self.dom_last_nearest_weekday;
        while bits != 0 {
            let n = bits.trailing_zeros();
            bits &= bits - 1;
            if len > n {
                m |= 1 << nearest_weekday(len - n, len, first_wd);
            }
        }
        m
    }

    /// The `n#k` and `nL` days of a month.
    #[inline]
    fn dow_special(&self, len: u32, first_wd: u32) -> u32 {
        let mut m = 0;
        // `n#k`: one bit per (weekday, k) pair, usually just one
        let mut bits = self.nth_weekdays;
        while bits != 0 {
            let b = bits.trailing_zeros();
            bits &= bits - 1;
            let (wd, k) = (b / 8, b % 8);
            let d = first_day_on(wd, first_wd) + 7 * (k - 1);
            if d <= len {
                m |= 1 << d;
            }
        }
        // `nL`: the last day of the month on weekday wd: the first one (1..=7)
        // plus four weeks if that fits in the month (len ≥ 28), else three
        let last_on = |wd: u32| {
            let first = first_day_on(wd, first_wd);
            if first + 28 <= len {
                first + 28
            } else {
                first + 21
            }
        };
        let mut bits = self.last_weekdays as u32;
        while bits != 0 {
            let wd = bits.trailing_zeros();
            bits &= bits - 1;
            m |= 1 << last_on(wd);
        }
        // fugit `n#-k`: k - 1 weeks before the last one, if still in the month
        let mut bits = self.nth_last_weekdays();
        while bits != 0 {
            let b = bits.trailing_zeros();
            bits &= bits - 1;
            let (wd, k) = (b / 8, b % 8);
            let back = 7 * (k - 1);
            let last = last_on(wd);
            if last > back {
                m |= 1 << (last - back);
            }
        }
        m
    }

    /// True when every month of every year has at least one matching day (a
    /// sufficient test, used to skip the per-year work for ordinary rules).
    pub fn always_matches_some_day(&self) -> bool {
        let dom_always = self.dom_days & 0x1FFF_FFFE != 0 // a day ≤ 28
            || self.dom_last_offsets & 0x0FFF_FFFF != 0 // L-n with n ≤ 27
            || self.dom_nearest_weekday & 0x1FFF_FFFE != 0
            || self.dom_last_nearest_weekday & 0x0FFF_FFFF != 0;
        // bits k = 1..=4 of each weekday's byte
        let nth_k_le_4 = self.nth_weekdays & 0x1E1E_1E1E_1E1E_1E1E != 0;
        // `n#-k` with k ≤ 4 too; a `%` rule skips weeks, so it is not "always"
        let nth_last_k_le_4 = self.nth_last_weekdays() & 0x1E1E_1E1E_1E1E_1E1E != 0;
        let dow_always =
            self.weekdays != 0 || self.last_weekdays != 0 || nth_k_le_4 || nth_last_k_le_4;
        match self.combine {
            DayCombine::Or => dom_always || dow_always,
            DayCombine::And => {
                (self.dom_days == ALL_DAYS && self.dom_is_plain() && dow_always)
                    || (self.weekdays == 0x7F && self.dow_is_plain() && dom_always)
            }
        }
    }
}

/// Weekday set `weekdays` (bit 0 = Sunday) laid over a month starting on
/// `first_wd`: bit d = day d (for d ≤ 35) falls on a weekday of the set.
#[inline]
fn weekday_pattern(weekdays: u8, first_wd: u32) -> u32 {
    // bit i of `rot` = the weekday of day i+1 is in the set
    let w = weekdays as u32;
    let rot = ((w >> first_wd) | (w << (7 - first_wd))) & 0x7F;
    // a week repeated five times covers 35 days (bits 7k apart); then shifted so
    // bit 1 is day 1 (days 32–35 fall off the u32, no month has them)
    const FIVE_WEEKS: u64 = 1 | 1 << 7 | 1 << 14 | 1 << 21 | 1 << 28;
    ((rot as u64 * FIVE_WEEKS) << 1) as u32
}

/// Days matching both day fields (AND) or either (OR, Vixie's rule).
#[inline]
fn combine(how: DayCombine, dom: u32, dow: u32) -> u32 {
    match how {
        DayCombine::And => dom & dow,
        DayCombine::Or => dom | dow,
    }
}

/// The first day of a month starting on weekday `first_wd` that falls on weekday `wd`.
#[inline]
const fn first_day_on(wd: u32, first_wd: u32) -> u32 {
    // both are 0..=6: one conditional subtraction instead of a `% 7`
    let ahead = wd + 7 - first_wd;
    1 + if ahead >= 7 { ahead - 7 } else { ahead }
}

/// The day an `nW` (`from_end` false) or `L-nW` (`from_end` true; `LW` is n = 0)
/// names in a month of `len` days, if the month has it (as `DayRule::dom_special`
/// reads them: `nW` needs 1 ≤ n ≤ len, `L-nW` needs n < len).
#[inline]
fn w_day(n: u32, from_end: bool, len: u32) -> Option<u32> {
    let d = if from_end { len.wrapping_sub(n) } else { n };
    (d.wrapping_sub(1) < len).then_some(d)
}

/// The weekday (Mon–Fri) nearest day `d` without leaving the month, as Quartz's `W`.
#[inline]
fn nearest_weekday(d: u32, len: u32, first_wd: u32) -> u32 {
    nearest_weekday_on(d, len, (first_wd + d - 1) % 7)
}

/// [`nearest_weekday`] when day `d` is known to fall on weekday `wd`.
#[inline]
fn nearest_weekday_on(d: u32, len: u32, wd: u32) -> u32 {
    match wd {
        6 if d == 1 => d + 2,   // Saturday the 1st → Monday the 3rd
        6 => d - 1,             // Saturday → Friday
        0 if d == len => d - 2, // Sunday the last → Friday
        0 => d + 1,             // Sunday → Monday
        _ => d,
    }
}

/// Year kind 0..14: leap × 7 + weekday of January 1st.
const fn year_kind(y: i32) -> usize {
    (is_leap(y) as usize) * 7 + weekday_from_days(days_from_civil(y, 1, 1)) as usize
}

/// Every year 1970–2199.
const ALL_YEARS: [u64; 4] = [u64::MAX, u64::MAX, u64::MAX, (1u64 << (YEARS - 192)) - 1];

/// For each of the 14 kinds of year, the years 1970–2199 of that kind.
const YEARS_OF_KIND: [[u64; 4]; 14] = {
    let mut t = [[0u64; 4]; 14];
    let mut i = 0;
    while i < YEARS {
        let k = year_kind(MIN_YEAR as i32 + i as i32);
        t[k][i / 64] |= 1u64 << (i % 64);
        i += 1;
    }
    t
};

/// How the search computes a month's day mask (see [`Schedule::month_mask`]).
///
/// Small (12 bytes, no pointer) so that a `Schedule` stays within the 128 bytes
/// LLVM copies inline, and with no more variants than the search's `match`es
/// compile to a short chain of compares for (a jump table, which one more
/// variant brought, cost the calendar schedules 6 instructions a search).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayShape {
    /// Every day fires (`*`/`?` in both day fields).
    Every,
    /// Day numbers, `L` and `L-n`, whatever the weekday: `days` (bit d = day d)
    /// and `from_end`, the `L-n` offsets bit-reversed (bit 31 - n), so that one
    /// shift by 31 - len turns them into days of a month of `len` days.
    MonthDays { days: u32, from_end: u32 },
    /// Day numbers, `L`, `L-n` and weekday sets: a few bit operations more
    /// (`from_end` as above).
    Plain { from_end: u32 },
    /// One `n#k` and nothing else restricting the day (`0 5 9 ? * 6#3`, the
    /// commonest `#`): the day it names in a month starting on weekday f is
    /// `days[f]` (it may be past the month's end). Seven bytes, not the seven
    /// `u32` masks this shape used to precompute for every `#` (about 320
    /// instructions on every parse, and 28 bytes); a lookup, not the formula
    /// (which cost third_friday 17 instructions a search).
    NthWeekday { days: [u8; 7] },
    /// One `nW` (`from_end` false: day `n`) or `L-nW` (`from_end` true: `n` days
    /// before the last; `LW` is n = 0) and nothing else restricting the day: the
    /// weekday nearest one day, worked out inline ([`DayRule::special_mask`]
    /// loops over every `W` form and costs about 100 instructions).
    NearestWeekday { n: u32, from_end: bool },
    /// `W`, `nL`, `n#-k`, or `n#k` beside anything else in the day fields:
    /// [`DayRule::special_mask`].
    Special,
    /// A fugit `%` rule: the days depend on the date ([`DayRule::mask_on`]).
    ByDate,
}

impl DayShape {
    /// The quickest way to compute `d`'s day masks.
    fn of(d: &DayRule) -> DayShape {
        let (near, last_near) = (d.dom_nearest_weekday, d.dom_last_nearest_weekday);
        let w_forms = near != 0 || last_near != 0;
        if d.has_week_modulo() {
            DayShape::ByDate
        } else if w_forms {
            // one `W` form alone (one bit in one of the two sets, nothing else in
            // the day of the month), and the weekday field adds nothing: `?`/`*`
            // under AND, empty under OR (this is on every parse of a `W`
            // expression: plain bit tests, no `count_ones`, which without POPCNT
            // is a dozen instructions)
            let w = near | last_near;
            let alone = (near == 0) != (last_near == 0)
                && w & (w - 1) == 0
                && d.dom_days == 0
                && d.dom_last_offsets == 0;
            let dow_silent = d.dow_is_plain()
                && match d.combine {
                    DayCombine::And => d.weekdays == 0x7F,
                    DayCombine::Or => d.weekdays == 0,
                };
            if alone && dow_silent {
                DayShape::NearestWeekday {
                    n: w.trailing_zeros(),
                    from_end: last_near != 0,
                }
            } else {
                DayShape::Special
            }
        } else if d.last_weekdays != 0
            || d.nth_last_weekdays() != 0
            || (d.nth_weekdays != 0 && d.dom_last_offsets != 0)
        {
            DayShape::Special
        } else if d.nth_weekdays != 0 {
            let nth = d.nth_weekdays;
            let day_silent = d.weekdays == 0
                && match d.combine {
                    DayCombine::And => d.dom_days == ALL_DAYS,
                    DayCombine::Or => d.dom_days == 0,
                };
            if day_silent && nth & (nth - 1) == 0 {
                // the first week's days from a table, the later weeks' added to
                // all seven bytes at once (no carries: every byte stays ≤ 35)
                let b = nth.trailing_zeros();
                let (wd, skip) = (b / 8, 7 * (b % 8 - 1) as u64);
                let days = FIRST_DAY_ON[wd as usize % 7] + skip * 0x0001_0101_0101_0101;
                let d = days.to_le_bytes();
                DayShape::NthWeekday {
                    days: [d[0], d[1], d[2], d[3], d[4], d[5], d[6]],
                }
            } else {
                // several `#`, or one beside weekdays or days of the month (rare)
                DayShape::Special
            }
        } else if d.dom_last_offsets == 0
            && match d.combine {
                DayCombine::And => d.dom_days == ALL_DAYS && d.weekdays == 0x7F,
                DayCombine::Or => d.dom_days == ALL_DAYS || d.weekdays == 0x7F,
            }
        {
            DayShape::Every
        } else if match d.combine {
            DayCombine::And => d.weekdays == 0x7F,
            DayCombine::Or => d.weekdays == 0,
        } {
            DayShape::MonthDays {
                days: d.dom_days,
                from_end: reverse_offsets(d.dom_last_offsets),
            }
        } else {
            DayShape::Plain {
                from_end: reverse_offsets(d.dom_last_offsets),
            }
        }
    }

    /// True when a month's days do not depend on the weekday it starts on.
    fn ignores_weekdays(&self, d: &DayRule) -> bool {
        match self {
            DayShape::Every | DayShape::MonthDays { .. } => true,
            // the weekday pattern is then all or nothing
            DayShape::Plain { .. } => d.weekdays == 0 || d.weekdays == 0x7F,
            DayShape::NthWeekday { .. }
            | DayShape::NearestWeekday { .. }
            | DayShape::Special
            | DayShape::ByDate => false,
        }
    }
}

/// For each weekday wd (0 = Sunday), byte f = [`first_day_on`]`(wd, f)`: the
/// first day on weekday wd of a month starting on weekday f (1..=7).
const FIRST_DAY_ON: [u64; 7] = {
    let mut t = [0u64; 7];
    let mut wd = 0;
    while wd < 7 {
        let mut f = 0;
        while f < 7 {
            t[wd] |= (first_day_on(wd as u32, f as u32) as u64) << (8 * f);
            f += 1;
        }
        wd += 1;
    }
    t
};

/// The leap years among 1970–2199 (kinds 7..14 of [`YEARS_OF_KIND`]).
const LEAP_YEARS: [u64; 4] = {
    let mut t = [0u64; 4];
    let mut i = 0;
    while i < YEARS {
        if is_leap(MIN_YEAR as i32 + i as i32) {
            t[i / 64] |= 1u64 << (i % 64);
        }
        i += 1;
    }
    t
};

/// The common (non-leap) years among 1970–2199.
const COMMON_YEARS: [u64; 4] = [
    ALL_YEARS[0] & !LEAP_YEARS[0],
    ALL_YEARS[1] & !LEAP_YEARS[1],
    ALL_YEARS[2] & !LEAP_YEARS[2],
    ALL_YEARS[3] & !LEAP_YEARS[3],
];

/// A compiled cron expression: answers "when does it fire next / last".
///
/// ```
/// use cronkit::{Schedule, DialectChoice, Zone, DstPolicy};
/// use chrono::{TimeZone, Utc};
/// let s = Schedule::parse("0 15 10 ? * MON-FRI", DialectChoice::Auto).unwrap();
/// let from = Utc.with_ymd_and_hms(2026, 11, 21, 8, 30, 0).unwrap(); // a Saturday
/// let next = s.next_after(from, &Zone::utc(), DstPolicy::Shift).unwrap();
/// assert_eq!(next.to_rfc3339(), "2026-11-23T10:15:00+00:00");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    seconds: u64,
    minutes: u64,
    hours: u32,
    /// bit m = month m (1..=12)
    months: u16,
    /// bit i = year 1970 + i, restricted to years in which some day can fire
    years: [u64; 4],
    days: DayRule,
    /// How much work the day rule takes (derived from `days`).
    day_shape: DayShape,
    /// Non-zero when the schedule fires on these weekdays (bit 0 = Sunday) in
    /// every month of every year, whatever the day of the month: then the search
    /// needs no calendar at all (derived; see `Schedule::finish`).
    weekly: u8,
    /// The first matching time of a day, in seconds (derived; read on every
    /// search that moves to a later day).
    first_tod: u32,
    /// The text of the minute or hour field starts with `*` (`*`, `*/15`; the hour
    /// of `@hourly`): cronie's `MIN_STAR | HR_STAR`, which decides how
    /// [`DstPolicy::Cron`] treats the schedule at clock changes.
    wildcard_time: bool,
    dialect: Dialect,
    reboot: bool,
}

impl Schedule {
    /// Parse and compile in one step (without building the syntax tree).
    ///
    /// Everyday expressions take a byte-level fast path (`schedule/fast_parse.rs`);
    /// anything else, and every error, goes through the full parser, so the result
    /// and the diagnostics are those of `Schedule::from_expr(&Expr::parse(..)?)`.
    pub fn parse(text: &str, dialect: DialectChoice) -> Result<Schedule, Diagnostic> {
        match fast_parse::parse(text, dialect) {
            Some(s) => Ok(s),
            None => parse_with::<Compiler>(text, dialect),
        }
    }

    /// Compile a parsed expression.
    pub fn from_expr(e: &Expr) -> Schedule {
        let mut c = Compiler::new(e.dialect, 0);
        for f in &e.fields {
            c.add(f.kind, &f.items);
        }
        c.schedule.reboot = e.nickname == Some(crate::expr::Nickname::Reboot);
        c.complete(
            e.day_combine(),
            e.field(FieldKind::DayOfMonth).is_no_specific(),
            e.field(FieldKind::DayOfWeek).is_no_specific(),
        )
    }

    /// Facts derived once all fields are in: how a month's days are worked out
    /// and which years can fire.
    fn finish(&mut self) {
        self.first_tod = self.first_time_of_day();
        self.day_shape = DayShape::of(&self.days);
        self.drop_years_that_cannot_fire();
        let d = &self.days;
        let every_month_and_year = self.months & 0x1FFE == 0x1FFE && self.years == ALL_YEARS;
        self.weekly = match self.day_shape {
            _ if !every_month_and_year => 0,
            DayShape::Every => 0x7F,
            // every day of the month AND a set of weekdays: just the weekdays
            DayShape::Plain { from_end: 0 }
                if d.dom_days == ALL_DAYS && d.combine == DayCombine::And =>
            {
                d.weekdays
            }
            _ => 0,
        };
    }

    /// Remove the years in which no month of the schedule has a matching day.
    fn drop_years_that_cannot_fire(&mut self) {
        if self.reboot {
            self.years = [0; 4]; // parses, never fires by the clock
            return;
        }
        if self.day_shape == DayShape::Every || self.days.always_matches_some_day() {
            return;
        }
        // Which of the 14 kinds of year (leap or not × weekday of January 1st) can
        // fire? When the day rule ignores weekdays, a month's days depend on its
        // length alone and two kinds (leap or not) answer for all fourteen.
        let months = self.months as u32 & 0x1FFE;
        if self.day_shape == DayShape::ByDate {
            // which days fire depends on the date: ask each year (230 × 12 masks)
            for (i, &year_start) in YEAR_START_DAYS.iter().enumerate().take(YEARS) {
                let leap = is_leap(MIN_YEAR as i32 + i as i32);
                let fires = (1..=12u32).any(|m| {
                    months >> m & 1 == 1
                        && self
                            .days
                            .mask_on(month_len(leap, m), year_start + days_before_month(leap, m))
                            != 0
                });
                if !fires {
                    self.years[i / 64] &= !(1u64 << (i % 64));
                }
            }
            return;
        }
        let fires_in = |leap: bool, jan1: u32| {
            let mut ms = months;
            while ms != 0 {
                let m = ms.trailing_zeros();
                ms &= ms - 1;
                let first = (jan1 + days_before_month(leap, m)) % 7;
                if self.day_mask_of(month_len(leap, m), first) != 0 {
                    return true;
                }
            }
            false
        };
        let allowed = if self.day_shape.ignores_weekdays(&self.days) {
            match (fires_in(false, 0), fires_in(true, 0)) {
                (true, true) => return,
                (true, false) => COMMON_YEARS,
                (false, true) => LEAP_YEARS,
                (false, false) => [0; 4],
            }
        } else {
            let mut allowed = [0u64; 4];
            for (kind, years) in YEARS_OF_KIND.iter().enumerate() {
                if fires_in(kind >= 7, kind as u32 % 7) {
                    for (a, y) in allowed.iter_mut().zip(years) {
                        *a |= y;
                    }
                }
            }
            allowed
        };
        for (y, a) in self.years.iter_mut().zip(allowed) {
            *y &= a;
        }
    }

    /// The dialect it was written in.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Whether the minute or hour field is written starting with `*` (`* 2 * * *`,
    /// `30 */2 * * *`, `@hourly`): a *wildcard* schedule in cronie's terms, which
    /// [`DstPolicy::Cron`] runs in both passes of an overlap and not in a gap.
    /// Otherwise (`30 2 * * *`, `0 0-23 * * *`, `@daily`) it is *fixed-time*.
    ///
    /// ```
    /// use cronkit::{DialectChoice, Schedule};
    /// let wild = |e| Schedule::parse(e, DialectChoice::Unix).unwrap().is_wildcard_time();
    /// assert!(wild("*/30 * * * *") && wild("30 * * * *") && wild("@hourly"));
    /// assert!(!wild("30 2 * * *") && !wild("0 0-23 * * *") && !wild("@daily"));
    /// ```
    pub fn is_wildcard_time(&self) -> bool {
        self.wildcard_time
    }

    /// `@reboot`: parses, never fires by the clock.
    pub fn is_reboot(&self) -> bool {
        self.reboot
    }

    /// True when no instant from 1970 to 2199 matches.
    pub fn never_fires(&self) -> bool {
        self.years == [0; 4]
    }

    /// The day rule (for descriptions and lints).
    pub fn day_rule(&self) -> &DayRule {
        &self.days
    }

    /// Field bit sets: seconds, minutes, hours, months (bit m = month m).
    pub fn bits(&self) -> (u64, u64, u32, u16) {
        (self.seconds, self.minutes, self.hours, self.months)
    }

    /// Years (1970–2199) in which the schedule can fire.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        (0..YEARS)
            .filter(|i| self.years[i / 64] >> (i % 64) & 1 == 1)
            .map(|i| MIN_YEAR as i32 + i as i32)
    }

    /// Days of `year`-`month` that fire (bit d = day d).
    pub fn day_mask(&self, year: i32, month: u32) -> u32 {
        if self.months & (1 << month) == 0 || !self.year_ok(year) {
            return 0;
        }
        let start = days_from_civil(year, month, 1);
        if self.day_shape == DayShape::ByDate {
            return self.days.mask_on(days_in_month(year, month), start as u32);
        }
        self.days
            .mask(days_in_month(year, month), weekday_from_days(start))
    }

    /// Does the wall-clock time match every field?
    pub fn matches_civil(&self, c: Civil) -> bool {
        self.year_ok(c.year)
            && self.months >> c.month & 1 == 1
            && self.day_mask(c.year, c.month) >> c.day & 1 == 1
            && self.hours >> c.hour & 1 == 1
            && self.minutes >> c.minute & 1 == 1
            && self.seconds >> c.second & 1 == 1
    }

    #[inline]
    fn year_ok(&self, y: i32) -> bool {
        let i = y - MIN_YEAR as i32;
        (0..YEARS as i32).contains(&i) && self.years[i as usize / 64] >> (i as usize % 64) & 1 == 1
    }

    /// First year ≥ `y` that can fire.
    #[inline]
    fn next_year(&self, y: i32) -> Option<i32> {
        let mut i = (y - MIN_YEAR as i32).max(0) as usize;
        while i < YEARS {
            let w = self.years[i / 64] >> (i % 64);
            if w != 0 {
                let j = i + w.trailing_zeros() as usize;
                return (j < YEARS).then(|| MIN_YEAR as i32 + j as i32);
            }
            i = (i / 64 + 1) * 64;
        }
        None
    }

    /// Last year ≤ `y` that can fire.
    #[inline]
    fn prev_year(&self, y: i32) -> Option<i32> {
        let mut i = y - MIN_YEAR as i32;
        if i < 0 {
            return None;
        }
        if i >= YEARS as i32 {
            i = YEARS as i32 - 1;
        }
        loop {
            let word = i as usize / 64;
            let bit = i as usize % 64;
            let w = self.years[word] & (u64::MAX >> (63 - bit));
            if w != 0 {
                return Some(
                    MIN_YEAR as i32 + (word * 64 + 63 - w.leading_zeros() as usize) as i32,
                );
            }
            if word == 0 {
                return None;
            }
            i = (word * 64 - 1) as i32;
        }
    }

    /// First matching wall-clock second strictly after `after` (wall-clock seconds).
    ///
    /// Works on day numbers rather than civil fields: the date of `after` is
    /// computed once, and every later candidate day is that day number plus an
    /// offset, so no further calendar conversion is needed until the year changes.
    /// In order of likelihood the answer is later today, later this month (one
    /// "next set bit" in the month's day mask), in a later month of this year, or
    /// in a later year that can fire.
    ///
    /// This is the search's front door and is kept small enough to inline into a
    /// caller's loop: the commonest schedules (every N seconds or minutes, daily,
    /// weekdays at a time: a set of weekdays in every month of every year) need no
    /// calendar and no register saves here; every other case goes on in
    /// `next_local_by_date`, out of line.
    #[inline(always)]
    pub fn next_local(&self, after: i64) -> Option<i64> {
        // the first candidate second, LOCAL_MIN ≤ t ≤ LOCAL_MAX
        let t = if (LOCAL_MIN - 1..LOCAL_MAX).contains(&after) {
            after + 1
        } else if after < LOCAL_MIN {
            LOCAL_MIN
        } else {
            return None;
        };
        if self.weekly != 0 {
            // The seconds since the Sunday 00:00 before `t` give the weekday and
            // the time of day with one 64-bit remainder (1970-01-01 was a
            // Thursday, four days after a Sunday).
            let in_week = ((t as u64 + 4 * DAY as u64) % (7 * DAY as u64)) as u32;
            let wd = in_week / DAY as u32;
            let sod = in_week - wd * DAY as u32;
            let midnight = t - sod as i64;
            if self.weekly >> wd & 1 == 1 {
                if let Some(tod) = self.next_time_of_day(sod) {
                    return Some(midnight + tod as i64);
                }
            }
            // the first time on the next day of one of the weekdays
            let days = days_to_weekday_in(self.weekly, wd) as i64;
            let next = midnight + days * DAY + self.first_tod as i64;
            return (next <= LOCAL_MAX).then_some(next);
        }
        self.next_local_by_date(t as u64)
    }

    /// [`Schedule::next_local`] for schedules that need the calendar: the first
    /// fire time at or after wall-clock second `t` (LOCAL_MIN ≤ t ≤ LOCAL_MAX).
    #[inline(never)]
    fn next_local_by_date(&self, t: u64) -> Option<i64> {
        // t ≤ LOCAL_MAX, so day numbers fit comfortably in a u32
        let today = (t / 86_400) as u32;
        let sod = (t % 86_400) as u32;
        let (year, month, day) = civil_from_epoch_days(today);
        self.next_from_date(year, month, day, today, sod)
    }

    /// [`Schedule::next_local_by_date`] once the date is known: the first fire
    /// time at or after second `sod` (< 86 400) of `year-month-day`, which is day
    /// number `today` (1970 ≤ year ≤ 2199). Shared with the `DateTime` API, which
    /// reads the date from chrono's fields instead of working it out.
    #[inline(always)]
    fn next_from_date(&self, year: i32, month: u32, day: u32, today: u32, sod: u32) -> Option<i64> {
        let month_start = today + 1 - day;
        let mut mask = 0; // days of this month that fire
        if self.year_ok(year) && self.months >> month & 1 == 1 {
            // when every day fires, so does today: the mask can wait
            let every_day = matches!(self.day_shape, DayShape::Every);
            if !every_day {
                mask = self.month_mask(days_in_month(year, month), month_start);
            }
            if every_day || mask >> day & 1 == 1 {
                if let Some(tod) = self.next_time_of_day(sod) {
                    return Some(at(today, tod));
                }
            }
            if every_day {
                mask = full_month(days_in_month(year, month));
            }
        }
        self.next_day(year, month, day, month_start, mask)
    }

    /// [`Schedule::next_local`] once today is ruled out: the first fire time on a
    /// day after `year-month-day` (the month started on day number `month_start`;
    /// `mask` holds its days that fire).
    #[inline]
    fn next_day(
        &self,
        year: i32,
        month: u32,
        day: u32,
        month_start: u32,
        mask: u32,
    ) -> Option<i64> {
        if !self.year_ok(year) {
            return self.first_from_year(year + 1);
        }
        if let Some(d) = next_bit(mask as u64, day + 1) {
            return Some(at(month_start + d - 1, self.first_tod));
        }
        if (self.months as u32) >> (month + 1) == 0 {
            // no later month this year (a yearly schedule, most of the year)
            return self.first_from_year(year + 1);
        }
        self.next_month(year, month, month_start)
    }

    /// [`Schedule::next_day`] once the rest of this month is ruled out: the first
    /// fire time in a month after `year-month` (which started on day number
    /// `month_start`). Out of line: it keeps the registers it needs away from the
    /// commoner answers.
    #[inline(never)]
    fn next_month(&self, year: i32, month: u32, month_start: u32) -> Option<i64> {
        let leap = is_leap(year);
        let year_start = month_start - days_before_month(leap, month);
        match self.first_in_year(leap, year_start, month + 1) {
            Some(t) => Some(t),
            None => self.first_from_year(year + 1),
        }
    }

    /// The first fire time in year `y` or a later one.
    ///
    /// Every year left in `years` has a day that fires (see
    /// `drop_years_that_cannot_fire`), and the schedule's first month usually
    /// does: that case is answered here with no call, so it needs no register
    /// saves (set up as a loop over years and months, with the schedule's fields
    /// loaded and spilled first, it cost 103 instructions a call for a yearly
    /// schedule; 65 now). The rest goes on in `first_from`.
    #[inline(never)]
    fn first_from_year(&self, y: i32) -> Option<i64> {
        // usually every year can fire: one bit test instead of the scan
        let y = if self.year_ok(y) {
            y
        } else {
            self.next_year(y)?
        };
        let months = self.months as u32 & 0x1FFE;
        if months != 0 && !matches!(self.day_shape, DayShape::Special | DayShape::ByDate) {
            let leap = is_leap(y);
            let m = months.trailing_zeros();
            let start =
                YEAR_START_DAYS[(y - MIN_YEAR as i32) as usize] + days_before_month(leap, m);
            let mask = self.month_mask(month_len(leap, m), start);
            if mask != 0 {
                return Some(at(start + mask.trailing_zeros() - 1, self.first_tod));
            }
        }
        self.first_from(y)
    }

    /// [`Schedule::first_from_year`] in general, from year `y` (which can fire).
    #[inline(never)]
    fn first_from(&self, y: i32) -> Option<i64> {
        let mut y = y;
        loop {
            // every year left in `years` has a day that fires (see
            // drop_years_that_cannot_fire), so this loop ends at once in practice
            let start = YEAR_START_DAYS[(y - MIN_YEAR as i32) as usize];
            if let Some(t) = self.first_in_year(is_leap(y), start, 1) {
                return Some(t);
            }
            y = self.next_year(y + 1)?;
        }
    }

    /// The first fire time in the (`leap`) year whose January 1st is day number
    /// `year_start`, in month `from_month` (1..=13) or later.
    #[inline(always)]
    fn first_in_year(&self, leap: bool, year_start: u32, from_month: u32) -> Option<i64> {
        let months = (self.months as u32 >> from_month) << from_month;
        if months == 0 {
            return None;
        }
        // the first month of the schedule usually has a day that fires: look at it
        // here, and leave the loop over the others out of line (its set-up, hoisted
        // out of the loop, costs more than one month)
        let m = months.trailing_zeros();
        let start = year_start + days_before_month(leap, m);
        let mask = self.month_mask(month_len(leap, m), start);
        if mask != 0 {
            return Some(at(start + mask.trailing_zeros() - 1, self.first_tod));
        }
        self.first_in_months(leap, year_start, months & (months - 1))
    }

    /// [`Schedule::first_in_year`] over the months of set `months` (bit m = month m).
    #[inline(never)]
    fn first_in_months(&self, leap: bool, year_start: u32, mut months: u32) -> Option<i64> {
        while months != 0 {
            let m = months.trailing_zeros();
            months &= months - 1;
            let start = year_start + days_before_month(leap, m);
            let mask = self.month_mask(month_len(leap, m), start);
            if mask != 0 {
                return Some(at(start + mask.trailing_zeros() - 1, self.first_tod));
            }
        }
        None
    }

    /// Days (bit d = day d) that fire in the month of `len` days starting on day
    /// number `start`.
    #[inline(always)]
    fn month_mask(&self, len: u32, start: u32) -> u32 {
        match &self.day_shape {
            // these ignore the weekday: do not work it out
            DayShape::Every | DayShape::MonthDays { .. } => self.day_mask_of(len, 0),
            // the weekday of the day `W` names, not of the 1st: one `% 7`, not two
            &DayShape::NearestWeekday { n, from_end } => match w_day(n, from_end, len) {
                Some(d) => 1 << nearest_weekday_on(d, len, weekday_of_day(start + d - 1)),
                None => 0,
            },
            DayShape::ByDate => self.days.mask_on(len, start),
            _ => self.day_mask_of(len, weekday_of_day(start)),
        }
    }

    /// Days (bit d = day d) that fire in a month of `len` days starting on weekday
    /// `first_wd`: [`DayRule::mask`], the way [`DayShape`] says is quickest
    /// (inline: all but the `Special` shape are a few bit operations, cheaper than
    /// the call).
    #[inline(always)]
    fn day_mask_of(&self, len: u32, first_wd: u32) -> u32 {
        match &self.day_shape {
            DayShape::Every => full_month(len),
            DayShape::MonthDays { days, from_end } => {
                (days | from_end >> (31 - len)) & full_month(len)
            }
            DayShape::Plain { from_end } => {
                self.days.plain_mask(len, first_wd, from_end >> (31 - len))
            }
            DayShape::NthWeekday { days } => {
                let d = days[first_wd as usize % 7] as u32;
                if d <= len {
                    1 << d
                } else {
                    0
                }
            }
            &DayShape::NearestWeekday { n, from_end } => match w_day(n, from_end, len) {
                Some(d) => 1 << nearest_weekday(d, len, first_wd),
                None => 0,
            },
            // (ByDate: reached only through `month_mask`, which asks `mask_on`)
            DayShape::Special | DayShape::ByDate => self.days.special_mask(len, first_wd),
        }
    }

    /// First matching time of day (seconds since midnight) at or after `sod`.
    #[inline]
    fn next_time_of_day(&self, sod: u32) -> Option<u32> {
        let (h, m, s) = (sod / 3600, sod / 60 % 60, sod % 60);
        if self.hours >> h & 1 == 1 {
            if self.minutes >> m & 1 == 1 {
                if let Some(ss) = next_bit(self.seconds, s) {
                    return Some(sod - s + ss);
                }
            }
            if let Some(mm) = next_bit(self.minutes, m + 1) {
                return Some(h * 3600 + mm * 60 + self.seconds.trailing_zeros());
            }
        }
        let hh = next_bit(self.hours as u64, h + 1)?;
        Some(hh * 3600 + self.minutes.trailing_zeros() * 60 + self.seconds.trailing_zeros())
    }

    /// The first matching time of a day (every field has at least one value).
    fn first_time_of_day(&self) -> u32 {
        self.hours.trailing_zeros() * 3600
            + self.minutes.trailing_zeros() * 60
            + self.seconds.trailing_zeros()
    }

    /// Last matching wall-clock second strictly before `before`.
    pub fn prev_local(&self, before: i64) -> Option<i64> {
        let t = before.checked_sub(1)?.min(LOCAL_MAX);
        if t < LOCAL_MIN {
            return None;
        }
        self.search_backward(Civil::from_secs(t))
            .map(Civil::to_secs)
    }

    /// The odometer run backwards.
    fn search_backward(&self, c: Civil) -> Option<Civil> {
        let (mut y, mut mo, mut d, mut h, mut mi, mut s) = (
            c.year,
            c.month as i32,
            c.day as i32,
            c.hour as i32,
            c.minute as i32,
            c.second as i32,
        );
        loop {
            if !self.year_ok(y) {
                y = self.prev_year(y - 1)?;
                (mo, d, h, mi, s) = (12, 31, 23, 59, 59);
            }
            match prev_bit(self.months as u64, mo) {
                None => {
                    y -= 1;
                    if y < MIN_YEAR as i32 {
                        return None;
                    }
                    (mo, d, h, mi, s) = (12, 31, 23, 59, 59);
                    continue;
                }
                Some(m) if m != mo => (mo, d, h, mi, s) = (m, 31, 23, 59, 59),
                Some(_) => {}
            }
            let len = days_in_month(y, mo as u32);
            if d > len as i32 {
                (d, h, mi, s) = (len as i32, 23, 59, 59);
            }
            let start = days_from_civil(y, mo as u32, 1);
            match prev_bit(self.days.mask_on(len, start as u32) as u64, d) {
                None => {
                    (mo, d, h, mi, s) = (mo - 1, 31, 23, 59, 59);
                    continue;
                }
                Some(dd) if dd != d => (d, h, mi, s) = (dd, 23, 59, 59),
                Some(_) => {}
            }
            match prev_bit(self.hours as u64, h) {
                None => {
                    (d, h, mi, s) = (d - 1, 23, 59, 59);
                    continue;
                }
                Some(hh) if hh != h => (h, mi, s) = (hh, 59, 59),
                Some(_) => {}
            }
            match prev_bit(self.minutes, mi) {
                None => {
                    (h, mi, s) = (h - 1, 59, 59);
                    continue;
                }
                Some(m) if m != mi => (mi, s) = (m, 59),
                Some(_) => {}
            }
            match prev_bit(self.seconds, s) {
                None => {
                    (mi, s) = (mi - 1, 59);
                    continue;
                }
                Some(ss) => {
                    return Some(Civil {
                        year: y,
                        month: mo as u32,
                        day: d as u32,
                        hour: h as u32,
                        minute: mi as u32,
                        second: ss as u32,
                    })
                }
            }
        }
    }

    /// The next fire instant strictly after `after` (Unix seconds) in `zone`.
    ///
    /// Always inlined: with UTC or a fixed offset it is [`Schedule::next_local`]'s
    /// few instructions (the zone search stays out of line), and inlined into the
    /// caller's loop it needs no call and no register saves. Left to the
    /// compiler's judgement it stopped being inlined once the `DateTime` API
    /// became a second caller (callgrind: 98 → 114 instructions for every-minute).
    #[inline(always)]
    pub fn next_after_ts(&self, after: i64, zone: &Zone, dst: DstPolicy) -> Option<i64> {
        // UTC and fixed offsets map wall clock to instants one to one: a shift.
        // Kept apart from the zone search so this common case stays a few
        // instructions around `next_local`. (Past TS_MAX nothing fires in any zone;
        // the clamp also keeps `after + off` far from overflow.)
        match zone.fixed_offset() {
            Some(off) => {
                let off = off as i64;
                self.next_local(after.clamp(TS_MIN, TS_MAX) + off)
                    .map(|l| l - off)
            }
            None => self.next_after_in_zone(after, zone, dst),
        }
    }

    /// [`Schedule::next_after_ts`] in a zone with daylight-saving transitions.
    #[inline(never)]
    fn next_after_in_zone(&self, after: i64, zone: &Zone, dst: DstPolicy) -> Option<i64> {
        if after >= TS_MAX {
            return None;
        }
        let after = after.max(TS_MIN);
        if let Some(table) = zone.table() {
            return self.next_in_table(after, table, dst);
        }
        if dst == DstPolicy::Cron {
            return self.next_after_cron(after, zone);
        }
        let local_after = after + zone.offset_at(after) as i64;
        // Under `shift`, wall times in a gap that ended shortly before `after` map to
        // instants after it, so the wall-clock search starts that much earlier.
        let start = match dst {
            DstPolicy::Shift => local_after - recent_gap(zone, after) as i64,
            // skip's mapping never goes backwards: the wall-clock time of `after`
            DstPolicy::Skip => local_after,
            // Quartz searches from the wall-clock time of `after + 1 s`, inclusive.
            // That differs from the above only when `after` is the last second
            // before an offset change: at a fall-back, Quartz then fires the
            // repeated wall times from the start of their second pass (found by the
            // differential test: `0 * 1 * * ?` from 01:59:59 EDT fires at 01:00 EST).
            DstPolicy::Quartz => {
                let next = after + 1;
                next + zone.offset_at(next) as i64 - 1
            }
            // In the first pass of an overlap, wall times a little before
            // local(after) come round again after `after`.
            DstPolicy::Wall => local_after - upcoming_overlap(zone, after) as i64,
            DstPolicy::Cron => unreachable!("handled above"),
        };
        let mut cursor = start;
        // (best instant, wall-clock limit): later wall times can still map earlier
        // only while they are within a gap's length of a shifted candidate.
        let mut best: Option<(i64, i64)> = None;
        loop {
            let Some(n) = self.next_local(cursor) else {
                return best.map(|b| b.0);
            };
            if let Some((b, limit)) = best {
                if n >= limit {
                    return Some(b);
                }
            }
            cursor = n;
            let (instant, shifted_by) = match zone.resolve_local(n) {
                LocalTime::Unique(i) => (i, 0),
                // `wall` fires in both passes: the second one once the first is past,
                // and a later wall time's first pass may still come before it
                LocalTime::Ambiguous(a, b) if dst == DstPolicy::Wall => {
                    if a > after {
                        (a, 0)
                    } else {
                        (b, b - a)
                    }
                }
                LocalTime::Ambiguous(a, b) => (if dst == DstPolicy::Quartz { b } else { a }, 0),
                LocalTime::Gap { before, after } => match dst {
                    DstPolicy::Shift => (n - before as i64, (after - before).max(0) as i64),
                    _ => {
                        // nothing in this gap fires: go on after it in one step (a
                        // schedule of every second at 02:xx would otherwise try each
                        // of the gap's seconds, every year until 2199)
                        if let Some((_, end)) = zone.gap_around(n) {
                            cursor = cursor.max(end - 1);
                        }
                        continue;
                    }
                },
            };
            if instant <= after {
                continue;
            }
            match best {
                None if shifted_by == 0 => return Some(instant),
                None => best = Some((instant, n + shifted_by)),
                Some((b, limit)) => {
                    if instant < b {
                        best = Some((instant, limit));
                    }
                }
            }
        }
    }

    /// The last fire instant strictly before `before` (Unix seconds) in `zone`.
    pub fn prev_before_ts(&self, before: i64, zone: &Zone, dst: DstPolicy) -> Option<i64> {
        if before <= TS_MIN {
            return None;
        }
        let before = before.min(TS_MAX);
        if let Some(off) = zone.fixed_offset() {
            let off = off as i64;
            return self.prev_local(before.checked_add(off)?).map(|l| l - off);
        }
        if let Some(table) = zone.table() {
            return self.prev_in_table(before, table, dst);
        }
        if dst == DstPolicy::Cron {
            return self.prev_before_cron(before, zone);
        }
        let local_before = before + zone.offset_at(before) as i64;
        // Under shift/skip an overlap fires at its first occurrence, so wall times
        // after local(before) can map to instants before it.
        let start = match dst {
            DstPolicy::Shift | DstPolicy::Skip | DstPolicy::Wall => {
                local_before + recent_overlap(zone, before) as i64
            }
            DstPolicy::Quartz => local_before,
            DstPolicy::Cron => unreachable!("handled above"),
        };
        let mut cursor = start + 1;
        let mut best: Option<(i64, i64)> = None;
        loop {
            let Some(n) = self.prev_local(cursor) else {
                return best.map(|b| b.0);
            };
            if let Some((b, limit)) = best {
                if n <= limit {
                    return Some(b);
                }
            }
            cursor = n;
            let (instant, is_real) = match zone.resolve_local(n) {
                LocalTime::Unique(i) => (i, true),
                // `wall`: the second pass if it is before `before`, else the first
                // one, which an earlier wall time's second pass may still beat
                LocalTime::Ambiguous(a, b) if dst == DstPolicy::Wall => {
                    if b < before {
                        (b, true)
                    } else {
                        if a < before && best.map_or(true, |(bst, _)| a > bst) {
                            best = Some((a, n - (b - a)));
                        }
                        continue;
                    }
                }
                LocalTime::Ambiguous(a, b) => (if dst == DstPolicy::Quartz { b } else { a }, true),
                LocalTime::Gap { before: b, .. } => match dst {
                    DstPolicy::Shift => (n - b as i64, false),
                    _ => {
                        if let Some((start, _)) = zone.gap_around(n) {
                            cursor = cursor.min(start);
                        }
                        continue;
                    }
                },
            };
            if instant >= before {
                continue;
            }
            match best {
                None => {
                    // A real wall time just after a gap can be beaten by a shifted gap
                    // time, which maps later; look back over the gap's length.
                    let g = if dst == DstPolicy::Shift && is_real {
                        recent_gap(zone, instant) as i64
                    } else {
                        0
                    };
                    if g == 0 {
                        return Some(instant);
                    }
                    best = Some((instant, n - g));
                }
                Some((b, limit)) => {
                    if instant > b {
                        best = Some((instant, limit));
                    }
                }
            }
        }
    }

    /// What `dst` makes of segment `k` of a zone's table: the instants `[lo, hi)`
    /// whose own wall time fires (the segment less a second pass or, for Quartz, a
    /// first pass), and what the gap at its start (if any) adds.
    #[inline]
    fn segment_rules(&self, table: &Table, k: usize, dst: DstPolicy) -> SegmentRules {
        let (start, end) = (table.start(k), table.end(k));
        let opening = table.change(k) as i64;
        let closing = table.change(k + 1) as i64;
        let mut rules = SegmentRules {
            lo: start,
            hi: end,
            gap: GapRule::None,
        };
        // an overlap's second pass opens the segment, its first pass closes the previous one
        let second_pass_fires = match dst {
            DstPolicy::Shift | DstPolicy::Skip => false,
            DstPolicy::Quartz | DstPolicy::Wall => true,
            DstPolicy::Cron => self.cron_fires_twice(-opening),
        };
        if opening < 0 && !second_pass_fires {
            rules.lo = start - opening;
        }
        if dst == DstPolicy::Quartz && closing < 0 && end != i64::MAX {
            rules.hi = end + closing;
        }
        if opening > 0 {
            rules.gap = match dst {
                DstPolicy::Shift => GapRule::Shifted,
                DstPolicy::Cron if self.cron_fires_in_gap(opening) => GapRule::AtChange,
                _ => GapRule::None,
            };
        }
        rules
    }

    /// [`Schedule::next_after_ts`] in a zone with a [`Table`]: the fire times are
    /// looked for segment by segment (a segment has one offset, so wall clock and
    /// instants map one to one there), and each segment's rules come from the
    /// changes at its ends, so the cost does not depend on how close `after` is to
    /// a change.
    fn next_in_table(&self, after: i64, table: &Table, dst: DstPolicy) -> Option<i64> {
        // nothing fires before 1970 on any wall clock
        let mut t = after.max(TABLE_START - 1) + 1;
        let mut k = table.segment(t);
        if dst == DstPolicy::Quartz && table.change(k + 1) < 0 {
            // Quartz goes on from the wall time of `after + 1 s`: from inside a first
            // pass that is the same wall time in the second pass
            let end = table.end(k);
            if t >= end + table.change(k + 1) as i64 {
                t += (table.off[k] - table.off[k + 1]) as i64;
                k += 1;
            }
        }
        loop {
            let (found, next_wall) = self.next_in_segment(table, k, t, dst);
            if found.is_some() {
                return found;
            }
            let end = table.end(k);
            if end == i64::MAX {
                return None;
            }
            let searched = t.max(self.segment_rules(table, k, dst).lo) < end;
            // The search covered every wall time from `t`'s up to `next_wall`; when
            // `t` is more than a day before the segment's end, every later segment's
            // wall times (re-covered ones and gaps included) lie after `t`'s, so the
            // segments whose instants are all more than a day before `next_wall` can
            // be passed over at once.
            if t <= end - DAY && searched {
                match next_wall {
                    None => return None,
                    Some(w) => {
                        let m = table.segment(w - DAY).max(k + 1);
                        k = m;
                        t = table.start(m);
                        continue;
                    }
                }
            }
            k += 1;
            t = end;
        }
    }

    /// The first fire time at or after instant `t` in segment `k`, and the first
    /// matching wall time at or after `t`'s (when it was looked for).
    #[inline]
    fn next_in_segment(
        &self,
        table: &Table,
        k: usize,
        t: i64,
        dst: DstPolicy,
    ) -> (Option<i64>, Option<i64>) {
        let rules = self.segment_rules(table, k, dst);
        let off = table.off[k] as i64;
        let mut found = None;
        let mut next_wall = None;
        let from = t.max(rules.lo);
        if from < rules.hi {
            next_wall = self.next_local(from + off - 1);
            if let Some(w) = next_wall {
                if w < rules.hi.saturating_add(off) {
                    found = Some(w - off);
                }
            }
        }
        let start = table.start(k);
        match rules.gap {
            GapRule::None => {}
            // the gap's wall times fire at the change itself, the earliest instant here
            GapRule::AtChange => {
                if t <= start && self.fires_in_gap(table, k) {
                    return (Some(start), next_wall);
                }
            }
            // gap wall time w fires at w - (offset before), in [start, start + gap)
            GapRule::Shifted => {
                let before = table.off[k - 1] as i64;
                let gap_end_wall = start + off;
                if t < start + (off - before) {
                    if let Some(w) = self.next_local(t.max(start) + before - 1) {
                        if w < gap_end_wall {
                            let i = w - before;
                            found = Some(found.map_or(i, |f: i64| f.min(i)));
                        }
                    }
                }
            }
        }
        (found, next_wall)
    }

    /// Whether any wall time in the gap that opens segment `k` matches.
    #[inline]
    fn fires_in_gap(&self, table: &Table, k: usize) -> bool {
        let start = table.start(k);
        let (before, after) = (table.off[k - 1] as i64, table.off[k] as i64);
        self.next_local(start + before - 1)
            .is_some_and(|w| w < start + after)
    }

    /// [`Schedule::prev_before_ts`] in a zone with a [`Table`]: the mirror of
    /// [`Schedule::next_in_table`].
    fn prev_in_table(&self, before: i64, table: &Table, dst: DstPolicy) -> Option<i64> {
        let mut t = before.min(TABLE_END) - 1;
        let mut k = table.segment(t);
        loop {
            let (found, prev_wall) = self.prev_in_segment(table, k, t, dst);
            if found.is_some() {
                return found;
            }
            let start = table.start(k);
            if start == i64::MIN {
                return None;
            }
            let rules = self.segment_rules(table, k, dst);
            let searched = t.min(rules.hi.saturating_sub(1)) >= rules.lo;
            if t >= start + DAY && searched {
                match prev_wall {
                    None => return None,
                    Some(w) => {
                        let m = table.segment(w + DAY).min(k - 1);
                        k = m;
                        t = table.end(m) - 1;
                        continue;
                    }
                }
            }
            k -= 1;
            t = start - 1;
        }
    }

    /// The last fire time at or before instant `t` in segment `k`, and the last
    /// matching wall time at or before `t`'s (when it was looked for).
    #[inline]
    fn prev_in_segment(
        &self,
        table: &Table,
        k: usize,
        t: i64,
        dst: DstPolicy,
    ) -> (Option<i64>, Option<i64>) {
        let rules = self.segment_rules(table, k, dst);
        let off = table.off[k] as i64;
        let mut found = None;
        let mut prev_wall = None;
        let upto = t.min(rules.hi.saturating_sub(1));
        if upto >= rules.lo {
            prev_wall = self.prev_local(upto + off + 1);
            if let Some(w) = prev_wall {
                if w >= rules.lo.saturating_add(off) {
                    found = Some(w - off);
                }
            }
        }
        let start = table.start(k);
        match rules.gap {
            GapRule::None => {}
            GapRule::AtChange => {
                if found.is_none() && t >= start && self.fires_in_gap(table, k) {
                    found = Some(start);
                }
            }
            GapRule::Shifted => {
                if t >= start {
                    let before = table.off[k - 1] as i64;
                    let gap_start_wall = start + before;
                    let upto_wall = (t + before).min(start + off - 1);
                    if let Some(w) = self.prev_local(upto_wall + 1) {
                        if w >= gap_start_wall {
                            let i = w - before;
                            found = Some(found.map_or(i, |f: i64| f.max(i)));
                        }
                    }
                }
            }
        }
        (found, prev_wall)
    }

    /// Under cronie's rules, whether the wall times of a gap `gap_len` seconds long
    /// fire (all at the instant the gap ends). cronie notices the jump a minute
    /// late, as a difference of `gap_len / 60 + 1` minutes: up to 5 it runs every
    /// job for each missed minute, up to 180 only the fixed-time ones, beyond
    /// that none (`cron.c`, `main`: `small`, `medium` and `large` time jumps).
    pub fn cron_fires_in_gap(&self, gap_len: i64) -> bool {
        gap_len < CRON_SMALL_JUMP || (gap_len < CRON_LARGE_JUMP && !self.wildcard_time)
    }

    /// Under cronie's rules, whether the wall times of an overlap `overlap_len`
    /// seconds long fire in both passes. A wildcard schedule does; a fixed-time one
    /// only when the clock went back so far (more than 181 minutes, a "large" jump)
    /// that cronie resets its virtual clock and runs everything again.
    pub fn cron_fires_twice(&self, overlap_len: i64) -> bool {
        self.wildcard_time || overlap_len > CRON_LARGE_BACK
    }

    /// [`Schedule::next_after_ts`] under [`DstPolicy::Cron`]. The wall-clock to
    /// instant mapping: a unique wall time is its instant; a gap's wall times all
    /// map to the instant the gap ends (or to nothing); an overlap's wall times map
    /// to their first occurrence, or to both.
    fn next_after_cron(&self, after: i64, zone: &Zone) -> Option<i64> {
        let local_after = after + zone.offset_at(after) as i64;
        // From inside the first pass of an overlap, a schedule that fires in both
        // passes fires next either later in this pass (the loop finds it) or at the
        // first time of the second pass, which comes before anything after the
        // overlap.
        let mut second_pass = None;
        if let LocalTime::Ambiguous(first, _) = zone.resolve_local(local_after) {
            if first == after {
                if let Some((start, end, change)) = zone.overlap_around(local_after) {
                    if self.cron_fires_twice(end - start) {
                        let offset_after = start - change;
                        second_pass = self
                            .next_local(start - 1)
                            .filter(|&w| w < end)
                            .map(|w| w - offset_after);
                    }
                }
            }
        }
        let mut cursor = local_after;
        loop {
            let Some(n) = self.next_local(cursor) else {
                return second_pass;
            };
            cursor = n;
            let instant = match zone.resolve_local(n) {
                LocalTime::Unique(i) => i,
                LocalTime::Ambiguous(a, b) if self.cron_fires_twice(b - a) => {
                    if a > after {
                        a
                    } else {
                        b
                    }
                }
                LocalTime::Ambiguous(a, _) => {
                    if a <= after {
                        // `after` is in the second pass: the first passes are behind
                        if let Some((_, end, _)) = zone.overlap_around(n) {
                            cursor = cursor.max(end - 1);
                        }
                        continue;
                    }
                    a
                }
                LocalTime::Gap { after: off, .. } => {
                    let Some((start, end)) = zone.gap_around(n) else {
                        continue;
                    };
                    let change = end - off as i64;
                    if !self.cron_fires_in_gap(end - start) || change <= after {
                        cursor = cursor.max(end - 1);
                        continue;
                    }
                    change
                }
            };
            if instant <= after {
                continue;
            }
            return Some(second_pass.map_or(instant, |s| s.min(instant)));
        }
    }

    /// [`Schedule::prev_before_ts`] under [`DstPolicy::Cron`]: the mirror of
    /// [`Schedule::next_after_cron`].
    fn prev_before_cron(&self, before: i64, zone: &Zone) -> Option<i64> {
        let local_before = before + zone.offset_at(before) as i64;
        let mut cursor = local_before;
        // From inside the second pass of an overlap: a schedule that fires once
        // fired at the first occurrences, all before `before`, so the search starts
        // at the overlap's end; one that fires in both passes fires last either
        // earlier in this pass (the loop finds it) or at the last time of the
        // first pass.
        let mut first_pass = None;
        if let LocalTime::Ambiguous(_, second) = zone.resolve_local(local_before) {
            if second == before {
                if let Some((start, end, change)) = zone.overlap_around(local_before) {
                    if self.cron_fires_twice(end - start) {
                        let offset_before = end - change;
                        first_pass = self
                            .prev_local(end)
                            .filter(|&w| w >= start)
                            .map(|w| w - offset_before);
                    } else {
                        cursor = end;
                    }
                }
            }
        }
        loop {
            let Some(n) = self.prev_local(cursor) else {
                return first_pass;
            };
            cursor = n;
            let instant = match zone.resolve_local(n) {
                LocalTime::Unique(i) => i,
                LocalTime::Ambiguous(a, b) if self.cron_fires_twice(b - a) => {
                    if b < before {
                        b
                    } else {
                        a
                    }
                }
                LocalTime::Ambiguous(a, _) => a,
                LocalTime::Gap { after: off, .. } => {
                    let Some((start, end)) = zone.gap_around(n) else {
                        continue;
                    };
                    let change = end - off as i64;
                    if !self.cron_fires_in_gap(end - start) || change >= before {
                        cursor = cursor.min(start);
                        continue;
                    }
                    change
                }
            };
            if instant >= before {
                continue;
            }
            return Some(first_pass.map_or(instant, |f| f.max(instant)));
        }
    }

    /// [`Schedule::next_after_ts`] on chrono instants (sub-seconds are ignored:
    /// the answer is the first whole second strictly after `after`).
    ///
    /// The conversions to and from Unix seconds take the calendar shortcuts of
    /// the search itself (`unix_seconds`, `utc_instant`) rather than chrono's
    /// general ones, so this costs a few instructions more than the `_ts` form.
    #[inline(always)]
    pub fn next_after(
        &self,
        after: DateTime<Utc>,
        zone: &Zone,
        dst: DstPolicy,
    ) -> Option<DateTime<Utc>> {
        if zone.fixed_offset() == Some(0) {
            if self.weekly == 0 {
                return self.next_after_in_utc(&after, zone, dst);
            }
            if let Some(next) = self.later_today_in_utc(&after) {
                return Some(next);
            }
        }
        self.next_after_by_seconds(after, zone, dst)
    }

    /// [`Schedule::next_after`] in UTC for the schedules that need the calendar
    /// (yearly, monthly, `L`, `W`, `#`, ...): the date is read from chrono's own
    /// fields (year, day of the year, month and day: shifts and one table
    /// lookup) instead of being worked out from Unix seconds, and the answer's
    /// date is built from the year-start table, starting from the year asked
    /// about (answers are usually in it or the next). Out of line: the inline
    /// part of `next_after` stays small.
    #[inline(never)]
    fn next_after_in_utc(
        &self,
        after: &DateTime<Utc>,
        zone: &Zone,
        dst: DstPolicy,
    ) -> Option<DateTime<Utc>> {
        use chrono::{Datelike, Timelike};
        let n = after.naive_utc();
        let date = n.date();
        let i = date.year().wrapping_sub(MIN_YEAR as i32) as u32 as usize;
        // the first candidate second; the last second of a day (and a leap
        // second, 23:59:60) and years outside 1970–2199 take the general path
        let sod = n.time().num_seconds_from_midnight() + 1;
        if i >= YEARS || sod >= DAY as u32 {
            return self.next_after_by_seconds(*after, zone, dst);
        }
        let today = YEAR_START_DAYS[i] + date.ordinal0();
        let wall = self.next_from_date(date.year(), date.month(), date.day(), today, sod)?;
        // wall ≤ LOCAL_MAX: the answer's day is in year index i..YEARS
        let wall = wall as u64;
        let (days, tod) = ((wall / DAY as u64) as u32, (wall % DAY as u64) as u32);
        let mut j = i;
        while YEAR_START_DAYS[j + 1] <= days {
            j += 1;
            if j > i + 1 {
                return utc_instant(wall as i64); // further than next year
            }
        }
        let date = YEAR_STARTS[j].with_ordinal(days - YEAR_START_DAYS[j] + 1)?;
        let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(tod, 0)?;
        Some(date.and_time(time).and_utc())
    }

    /// [`Schedule::next_after`] through Unix seconds (out of line: the inline part
    /// then needs no register saves).
    #[inline(never)]
    fn next_after_by_seconds(
        &self,
        after: DateTime<Utc>,
        zone: &Zone,
        dst: DstPolicy,
    ) -> Option<DateTime<Utc>> {
        self.next_after_ts(unix_seconds(&after), zone, dst)
            .and_then(utc_instant)
    }

    /// [`Schedule::next_after`] in UTC for a weekday schedule (every N seconds or
    /// minutes, daily, weekdays at a time) when it fires again later the same day:
    /// read from and written to chrono's own date and time fields, so the date is
    /// neither taken apart nor rebuilt (`None`: not today, or not that simple).
    #[inline]
    fn later_today_in_utc(&self, after: &DateTime<Utc>) -> Option<DateTime<Utc>> {
        use chrono::{Datelike, Timelike};
        let n = after.naive_utc();
        let date = n.date();
        // (a leap second, 23:59:60, ends the day: left to the general path)
        // (NaiveTime's, which is its field; NaiveDateTime's adds up h, m and s)
        let sod = n.time().num_seconds_from_midnight() + 1;
        if sod >= DAY as u32 || !(MIN_YEAR as i32..=MAX_YEAR as i32).contains(&date.year()) {
            return None;
        }
        if self.weekly >> date.weekday().num_days_from_sunday() & 1 == 0 {
            return None;
        }
        let tod = self.next_time_of_day(sod)?;
        let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(tod, 0)?;
        Some(date.and_time(time).and_utc())
    }

    /// [`Schedule::prev_before_ts`] on chrono instants: the last fire time strictly
    /// before `before`.
    #[inline]
    pub fn prev_before(
        &self,
        before: DateTime<Utc>,
        zone: &Zone,
        dst: DstPolicy,
    ) -> Option<DateTime<Utc>> {
        let mut t = unix_seconds(&before);
        if before.timestamp_subsec_nanos() > 0 {
            t += 1; // a fire at the whole second itself is before `before`
        }
        self.prev_before_ts(t, zone, dst).and_then(utc_instant)
    }

    /// Fire instants (Unix seconds) after `after`, in order.
    pub fn iter_after<'a>(&'a self, after: i64, zone: &'a Zone, dst: DstPolicy) -> FireTimes<'a> {
        FireTimes {
            schedule: self,
            zone,
            dst,
            cursor: Some(after),
            forward: true,
        }
    }

    /// Fire instants (Unix seconds) before `before`, newest first.
    pub fn iter_before<'a>(&'a self, before: i64, zone: &'a Zone, dst: DstPolicy) -> FireTimes<'a> {
        FireTimes {
            schedule: self,
            zone,
            dst,
            cursor: Some(before),
            forward: false,
        }
    }
}

/// Day number (from 1970-01-01) of January 1st of each year 1970..=2201.
const YEAR_START_DAYS: [u32; 232] = {
    let mut out = [0u32; 232];
    let mut i = 0;
    while i < 232 {
        out[i] = days_from_civil(1970 + i as i32, 1, 1) as u32;
        i += 1;
    }
    out
};

/// January 1st of each year 1970..=2201 as chrono dates (a date in the year is
/// then one `with_ordinal`, which reuses the year's leap-year flags).
const YEAR_STARTS: [chrono::NaiveDate; 232] = {
    let mut out = [chrono::NaiveDate::MIN; 232];
    let mut i = 0;
    while i < 232 {
        out[i] = match chrono::NaiveDate::from_yo_opt(1970 + i as i32, 1) {
            Some(d) => d,
            None => panic!("1970..=2201 are valid years"),
        };
        i += 1;
    }
    out
};

/// `t.timestamp()`, from the year and day of the year chrono keeps, for the years
/// a schedule can name.
#[inline]
fn unix_seconds(t: &DateTime<Utc>) -> i64 {
    use chrono::{Datelike, Timelike};
    // (through the naive UTC value: `DateTime`'s own accessors add the zone's
    // offset first, which costs more than the rest together)
    let n = t.naive_utc();
    let i = n.year().wrapping_sub(1970) as u32 as usize;
    match YEAR_START_DAYS.get(i) {
        // (NaiveTime's seconds from midnight are its field; NaiveDateTime's add
        // up the hour, minute and second: three divisions)
        Some(&start) => {
            (start + n.ordinal() - 1) as i64 * DAY + n.time().num_seconds_from_midnight() as i64
        }
        None => t.timestamp(),
    }
}

/// `DateTime::from_timestamp(t, 0)` for the instants a schedule can fire at,
/// through a table of year starts instead of chrono's 400-year cycle arithmetic.
#[inline]
fn utc_instant(t: i64) -> Option<DateTime<Utc>> {
    use chrono::Datelike;
    if !(0..=LOCAL_MAX).contains(&t) {
        return DateTime::from_timestamp(t, 0);
    }
    let days = (t / DAY) as u32;
    let secs = (t % DAY) as u32;
    // the year from the mean year length, then corrected by at most one
    let mut i = ((days as u64 * 400 / 146_097) as usize).min(230);
    if YEAR_START_DAYS[i] > days {
        i -= 1;
    } else if YEAR_START_DAYS[i + 1] <= days {
        i += 1;
    }
    let date = YEAR_STARTS[i].with_ordinal(days - YEAR_START_DAYS[i] + 1)?;
    let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)?;
    Some(date.and_time(time).and_utc())
}

/// What the DST policy makes of one segment of a zone's table.
struct SegmentRules {
    /// The instants `[lo, hi)` of the segment whose own wall time fires.
    lo: i64,
    hi: i64,
    /// What the gap that opens the segment (if any) adds.
    gap: GapRule,
}

enum GapRule {
    /// Its wall times do not fire.
    None,
    /// `shift`: each fires at its wall time read with the offset before the gap.
    Shifted,
    /// `cron`: they fire once, at the change.
    AtChange,
}

/// cronie's time-jump classes (`cron.c`, `main`), in seconds of wall clock: a gap
/// shorter than this is a "small" jump (every missed minute runs every job)...
const CRON_SMALL_JUMP: i64 = 5 * 60;
/// ...one this long or longer a "large" one (the missed minutes run nothing).
const CRON_LARGE_JUMP: i64 = 3 * 3600;
/// An overlap longer than this is a "large" backward jump: everything runs again.
const CRON_LARGE_BACK: i64 = 181 * 60;

/// Length in seconds of a spring-forward gap that ended within the day before `t`.
fn recent_gap(zone: &Zone, t: i64) -> i32 {
    (zone.offset_at(t) - zone.offset_at(t - 93_600)).max(0)
}

/// Length in seconds of a fall-back overlap that begins within two hours after `t`
/// (no overlap is longer).
fn upcoming_overlap(zone: &Zone, t: i64) -> i32 {
    (zone.offset_at(t) - zone.offset_at(t + 7_200)).max(0)
}

/// Length in seconds of a fall-back overlap that began within the day before `t`.
fn recent_overlap(zone: &Zone, t: i64) -> i32 {
    (zone.offset_at(t - 93_600) - zone.offset_at(t)).max(0)
}

/// An iterator over fire times; see [`Schedule::iter_after`].
pub struct FireTimes<'a> {
    schedule: &'a Schedule,
    zone: &'a Zone,
    dst: DstPolicy,
    cursor: Option<i64>,
    forward: bool,
}

impl Iterator for FireTimes<'_> {
    type Item = i64;
    fn next(&mut self) -> Option<i64> {
        let c = self.cursor?;
        let n = if self.forward {
            self.schedule.next_after_ts(c, self.zone, self.dst)
        } else {
            self.schedule.prev_before_ts(c, self.zone, self.dst)
        };
        self.cursor = n;
        n
    }
}

/// Wall-clock seconds of time of day `tod` on day number `day`.
#[inline]
fn at(day: u32, tod: u32) -> i64 {
    day as i64 * 86_400 + tod as i64
}

/// 0 = Sunday … 6 = Saturday of day number `day` ≥ 0 (1970-01-01 was a Thursday).
#[inline]
fn weekday_of_day(day: u32) -> u32 {
    (day + 4) % 7
}

/// Bits 1..=len: every day of a month of `len` days.
#[inline]
fn full_month(len: u32) -> u32 {
    ((1u64 << (len + 1)) - 2) as u32
}

/// `L-n` offsets (bit n) reversed (bit 31 - n); the common "no `L`" and "one
/// `L` or `L-n`" cases skip the bit shuffling (x86-64 has no bit-reverse
/// instruction: `reverse_bits` is about 15 instructions, on every parse of `L-3`).
fn reverse_offsets(offsets: u32) -> u32 {
    if offsets == 0 {
        0
    } else if offsets & (offsets - 1) == 0 {
        (1 << 31) >> offsets.trailing_zeros()
    } else {
        offsets.reverse_bits()
    }
}

/// How many days after a day on weekday `wd` the next day on a weekday of
/// `set` comes (1..=7; `set` is not empty).
#[inline]
fn days_to_weekday_in(set: u8, wd: u32) -> u32 {
    // rotate the week so that bit 0 is tomorrow
    let from = wd + 1; // 1..=7
    let s = set as u32;
    let rotated = ((s >> from) | (s << (7 - from))) & 0x7F;
    rotated.trailing_zeros() + 1
}

/// Days in month `m` of a (non-)leap year.
#[inline]
fn month_len(leap: bool, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 => 28 + leap as u32,
        _ => 31,
    }
}

#[inline]
fn next_bit(mask: u64, from: u32) -> Option<u32> {
    if from >= 64 {
        return None;
    }
    let m = mask >> from;
    if m == 0 {
        None
    } else {
        Some(from + m.trailing_zeros())
    }
}

#[inline]
fn prev_bit(mask: u64, upto: i32) -> Option<i32> {
    if upto < 0 {
        return None;
    }
    let m = if upto >= 63 {
        mask
    } else {
        mask & ((2u64 << upto) - 1)
    };
    if m == 0 {
        None
    } else {
        Some(63 - m.leading_zeros() as i32)
    }
}

/// Bits `a..=b` set (empty when `a > b`; bits past 63 do not exist).
#[inline]
fn span_mask(a: u32, b: u32) -> u64 {
    let upper = u64::MAX >> 63u32.saturating_sub(b);
    let lower = u64::MAX.checked_shl(a).unwrap_or(0);
    upper & lower
}

/// Day-of-week values (bit v = value v as written in `dialect`) as weekdays
/// (bit 0 = Sunday): [`weekday_of`] applied to every bit at once.
#[inline]
fn weekdays_of(dialect: Dialect, bits: u64) -> u8 {
    // values modulo 7: fold the 64 bits onto the low seven, a week at a time
    let (mut mod7, mut rest) = (0u64, bits);
    while rest != 0 {
        mod7 |= rest & 0x7F;
        rest >>= 7;
    }
    // Sunday is 0 (then 7 is Sunday too) or 1: weekday = (v - sunday) mod 7, a
    // rotation of the week by `sunday` places
    match dialect.profile().dow.sunday {
        0 => mod7 as u8,
        _ => ((mod7 >> 1 | mod7 << 6) & 0x7F) as u8,
    }
}

/// Values of one item in native numbering, as a bit set (bit v = value v).
#[inline]
pub(crate) fn item_bits(kind: ItemKind, min: u16, max: u16) -> u64 {
    let range_bits = |a: u16, b: u16, step: u16| -> u64 {
        if step == 1 {
            return if a <= b {
                span_mask(a as u32, b as u32)
            } else {
                span_mask(a as u32, max as u32) | span_mask(min as u32, b as u32)
            };
        }
        let mut bits = 0u64;
        let width = (max - min + 1) as u32;
        let len = if a <= b {
            (b - a) as u32
        } else {
            (max - a) as u32 + (b - min) as u32 + 1
        };
        let mut k = 0u32;
        while k <= len {
            let mut v = a as u32 + k;
            if v > max as u32 {
                v -= width;
            }
            bits |= 1u64 << v;
            k += step.max(1) as u32; // the parser rejects 0; a hand-built tree may not
        }
        bits
    };
    match kind {
        ItemKind::Any | ItemKind::NoSpecific => range_bits(min, max, 1),
        ItemKind::Value(v) => 1u64 << v,
        ItemKind::Range(a, b) => range_bits(a, b, 1),
        ItemKind::Step { base, step } => match base {
            StepBase::Any => range_bits(min, max, step),
            StepBase::From(a) => range_bits(a, max, step),
            StepBase::Range(a, b) => range_bits(a, b, step),
        },
        // Quartz `L` alone in day-of-week is 7 (Saturday).
        ItemKind::SaturdayL => 1u64 << 7,
        _ => 0,
    }
}

/// Compiles fields into a [`Schedule`] as the parser hands them over; also used
/// by [`Schedule::from_expr`] on a finished tree.
pub(crate) struct Compiler {
    schedule: Schedule,
}

impl Compiler {
    /// Compile one written field (replacing its default).
    fn add(&mut self, kind: FieldKind, items: &[Item]) {
        self.begin(kind);
        if matches!(kind, FieldKind::Minute | FieldKind::Hour) {
            // cronie looks at the field's first character only
            let star = matches!(
                items.first().map(|i| i.kind),
                Some(
                    ItemKind::Any
                        | ItemKind::Step {
                            base: StepBase::Any,
                            ..
                        }
                )
            );
            self.schedule.wildcard_time |= star;
        }
        for it in items {
            self.item(kind, it.kind);
        }
    }

    /// Clear a field's default before its items are added with [`Compiler::item`].
    fn begin(&mut self, kind: FieldKind) {
        let s = &mut self.schedule;
        match kind {
            FieldKind::Second => s.seconds = 0,
            FieldKind::Minute => s.minutes = 0,
            FieldKind::Hour => s.hours = 0,
            FieldKind::Month => s.months = 0,
            FieldKind::Year => s.years = [0; 4],
            FieldKind::DayOfMonth => {
                let r = &mut s.days;
                (
                    r.dom_days,
                    r.dom_last_offsets,
                    r.dom_nearest_weekday,
                    r.dom_last_nearest_weekday,
                ) = (0, 0, 0, 0);
            }
            FieldKind::DayOfWeek => {
                let r = &mut s.days;
                (r.weekdays, r.nth_weekdays, r.last_weekdays) = (0, 0, 0);
                r.fugit = None;
            }
        }
    }

    /// Add one item to field `kind` (the one place items turn into bits, for the
    /// full parser, [`Schedule::from_expr`] and the fast path alike).
    #[inline]
    fn item(&mut self, kind: FieldKind, item: ItemKind) {
        let d = self.schedule.dialect;
        let r = &mut self.schedule.days;
        match (kind, item) {
            (FieldKind::Year, item) => add_year_bits(&mut self.schedule.years, item),
            (FieldKind::DayOfMonth, ItemKind::Last) => r.dom_last_offsets |= 1,
            (FieldKind::DayOfMonth, ItemKind::LastOffset(n)) => r.dom_last_offsets |= 1 << (n & 31),
            (FieldKind::DayOfMonth, ItemKind::LastWeekday) => r.dom_last_nearest_weekday |= 1,
            (FieldKind::DayOfMonth, ItemKind::LastOffsetWeekday(n)) => {
                r.dom_last_nearest_weekday |= 1 << (n & 31)
            }
            (FieldKind::DayOfMonth, ItemKind::NearestWeekday(n)) => {
                r.dom_nearest_weekday |= 1 << (n & 31)
            }
            (FieldKind::DayOfWeek, ItemKind::LastOfWeekday(v)) => {
                r.last_weekdays |= 1 << weekday_of(d, v)
            }
            // k is 1..=5 from the parser; a hand-built tree may say otherwise
            (FieldKind::DayOfWeek, ItemKind::NthWeekday(v, k @ 1..=5)) => {
                r.nth_weekdays |= 1u64 << (8 * weekday_of(d, v) as u64 + k as u64)
            }
            (FieldKind::DayOfWeek, ItemKind::NthWeekday(..)) => {}
            (FieldKind::DayOfWeek, ItemKind::NthLastWeekday(v, 1)) => {
                r.last_weekdays |= 1 << weekday_of(d, v)
            }
            (FieldKind::DayOfWeek, ItemKind::NthLastWeekday(v, k @ 2..=5)) => {
                r.fugit
                    .get_or_insert_with(Default::default)
                    .nth_last_weekdays |= 1u64 << (8 * weekday_of(d, v) as u64 + k as u64)
            }
            (FieldKind::DayOfWeek, ItemKind::NthLastWeekday(..)) => {}
            (FieldKind::DayOfWeek, ItemKind::WeekModulo { day, every, plus }) => {
                let wd = weekday_of(d, day) as usize;
                match every {
                    0 => {} // the parser rejects `%0`
                    1 => r.weekdays |= 1 << wd,
                    m => {
                        let new = (m, plus % m);
                        let rule =
                            &mut r.fugit.get_or_insert_with(Default::default).week_modulo[wd];
                        let (old_m, old_p) = *rule;
                        // one rule a weekday (the parser rejects two that differ,
                        // as fugit reads only one): keep the wider
                        if old_m == 0 || (old_m % m == 0 && old_p % m == new.1) {
                            *rule = new;
                        }
                    }
                }
            }
            (kind, item) => {
                let (min, max) = kind.bounds(d);
                self.values(kind, item_bits(item, min, max));
            }
        }
    }

    /// Add the values in `bits` (bit v = value v as written in the dialect) to
    /// field `kind` (any field but the year).
    #[inline]
    fn values(&mut self, kind: FieldKind, bits: u64) {
        let d = self.schedule.dialect;
        let s = &mut self.schedule;
        match kind {
            FieldKind::Second => s.seconds |= bits,
            FieldKind::Minute => s.minutes |= bits,
            FieldKind::Hour => s.hours |= bits as u32,
            FieldKind::Month => s.months |= bits as u16,
            FieldKind::DayOfMonth => s.days.dom_days |= bits as u32,
            FieldKind::DayOfWeek => s.days.weekdays |= weekdays_of(d, bits),
            FieldKind::Year => debug_assert!(false, "years are added item by item"),
        }
    }

    /// The schedule, once every written field is in: how the day fields combine
    /// and which of them was `?`.
    fn complete(
        mut self,
        combine: DayCombine,
        dom_no_specific: bool,
        dow_no_specific: bool,
    ) -> Schedule {
        let s = &mut self.schedule;
        s.days.combine = combine;
        if s.dialect == Dialect::Quartz {
            // `?` stands for "any": the other field alone decides.
            if dom_no_specific {
                s.days.dom_days = ALL_DAYS;
            }
            if dow_no_specific {
                s.days.weekdays = 0x7F;
            }
        }
        s.finish();
        self.schedule
    }
}

impl Build for Compiler {
    type Out = Schedule;

    fn new(dialect: Dialect, _text_len: usize) -> Self {
        // defaults of the fields that may be left unwritten: seconds 0, every year
        Compiler {
            schedule: Schedule {
                seconds: 1,
                minutes: span_mask(0, 59),
                hours: span_mask(0, 23) as u32,
                months: span_mask(1, 12) as u16,
                years: ALL_YEARS,
                days: DayRule {
                    dom_days: ALL_DAYS,
                    dom_last_offsets: 0,
                    dom_nearest_weekday: 0,
                    dom_last_nearest_weekday: 0,
                    weekdays: 0x7F,
                    nth_weekdays: 0,
                    last_weekdays: 0,
                    combine: DayCombine::And,
                    fugit: None,
                },
                day_shape: DayShape::Every,
                weekly: 0,
                first_tod: 0,
                wildcard_time: false,
                dialect,
                reboot: false,
            },
        }
    }

    fn field(&mut self, kind: FieldKind, _span: Span, items: SmallVec<[Item; 2]>) {
        self.add(kind, &items);
    }

    fn finish(self, meta: &Meta) -> Schedule {
        self.complete(
            meta.day_combine(),
            meta.dom.no_specific,
            meta.dow.no_specific,
        )
    }

    fn from_expr(expr: Expr) -> Schedule {
        Schedule::from_expr(&expr)
    }
}

/// The day rule of an expression on its own, without compiling the other fields
/// or filtering years (for descriptions, which ask about it on every call).
pub(crate) fn day_rule(e: &Expr) -> DayRule {
    let mut c = Compiler::new(e.dialect, 0);
    c.add(FieldKind::DayOfMonth, &e.field(FieldKind::DayOfMonth).items);
    c.add(FieldKind::DayOfWeek, &e.field(FieldKind::DayOfWeek).items);
    let mut r = c.schedule.days;
    r.combine = e.day_combine();
    if e.dialect == Dialect::Quartz {
        if e.field(FieldKind::DayOfMonth).is_no_specific() {
            r.dom_days = ALL_DAYS;
        }
        if e.field(FieldKind::DayOfWeek).is_no_specific() {
            r.weekdays = 0x7F;
        }
    }
    r
}

/// The years (bit i = year 1970 + i) of a year field's items.
pub(crate) fn year_bits(items: &[Item]) -> [u64; 4] {
    let mut years = [0; 4];
    for it in items {
        add_year_bits(&mut years, it.kind);
    }
    years
}

/// Add the years of one item to `years` (bit i = year 1970 + i).
fn add_year_bits(years: &mut [u64; 4], item: ItemKind) {
    let (a, b, step) = match item {
        ItemKind::Any => {
            *years = ALL_YEARS;
            return;
        }
        ItemKind::Value(v) => (v, v, 1),
        ItemKind::Range(a, b) => (a, b, 1),
        ItemKind::Step { base, step } => match base {
            StepBase::Any => (MIN_YEAR, MAX_YEAR, step),
            StepBase::From(a) => (a, MAX_YEAR, step),
            StepBase::Range(a, b) => (a, b, step),
        },
        _ => return,
    };
    // `1/2` counts from year 1 (odd years): the first year reached at or after
    // 1970 keeps the step's phase. A hand-built tree may hold a step of 0.
    let step = step.max(1) as u32;
    let (a, min) = (a as u32, MIN_YEAR as u32);
    let a = if a < min {
        a + (min - a).div_ceil(step) * step
    } else {
        a
    };
    let (a, b) = (a as usize, b.min(MAX_YEAR) as usize);
    let mut y = a;
    while y <= b {
        let i = y - MIN_YEAR as usize;
        years[i / 64] |= 1 << (i % 64);
        y += step as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp()
    }
    fn iso(t: i64) -> String {
        DateTime::from_timestamp(t, 0)
            .unwrap()
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    }
    fn times(expr: &str, from: &str, n: usize, zone: &str, dst: DstPolicy) -> Vec<String> {
        let s = Schedule::parse(expr, DialectChoice::Auto).unwrap();
        let z = Zone::parse(zone).unwrap();
        s.iter_after(ts(from), &z, dst).take(n).map(iso).collect()
    }

    /// The `DateTime` API's same-day shortcut in UTC answers as the seconds API,
    /// at the ends of a day, of the range and on a leap second.
    #[test]
    fn datetime_shortcut_agrees_with_the_seconds_api() {
        use chrono::{NaiveDate, NaiveTime};
        let utc = Zone::utc();
        let exprs = [
            // weekday schedules (`later_today_in_utc`)
            "* * * * * ?",
            "0 30 9 ? * MON-FRI",
            "59 59 23 * * ?",
            "0 0 0 ? * SUN",
            // the calendar ones (`next_after_in_utc`) and the day shapes
            "0 0 0 1 1 ?",
            "59 59 23 31 12 ?",
            "0 0 12 LW * ?",
            "0 0 12 L-3W * ?",
            "0 0 12 15W * ?",
            "0 0 12 1W * ?",
            "0 0 12 31W * ?",
            "0 0 12 L * ?",
            "0 15 10 L-3 * ?",
            "0 15 10 ? * 6L",
            "0 15 10 ? * 6#3",
            "0 0 0 29 2 ?",
            "0 0 0 1 1 ? 2000/100",
            "0 0 0 1 1 ? 2100",
            "0 0 0 1 * ? 1970-1975,2150",
            "0 0 9 ? 1,7 MON-FRI",
            "* * * 31 * ?",
        ];
        let mut instants: Vec<DateTime<Utc>> = Vec::new();
        for (y, m, d) in [
            (1970, 1, 1),
            (2026, 3, 9),
            (2026, 3, 13),
            (2026, 12, 31),
            (2027, 1, 1),
            (2028, 2, 29),
            (2099, 12, 31),
            (2100, 2, 28),
            (2198, 12, 31),
            (2199, 12, 31),
            (1969, 12, 31),
            (2200, 1, 1),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            for (secs, nanos) in [
                (0, 0),
                (34_199, 5),
                (34_200, 0),
                (86_398, 0),
                (86_399, 0),
                (86_399, 1_500_000_000),
            ] {
                let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos).unwrap();
                instants.push(date.and_time(time).and_utc());
            }
        }
        // and instants spread over 1969–2200 (a fixed pseudo-random sequence)
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let t = (x >> 20) as i64 % (7_260_000_000 + 86_400) - 86_400;
            instants.push(DateTime::from_timestamp(t, (x % 3) as u32 * 400_000_000).unwrap());
        }
        for e in exprs {
            let s = Schedule::parse(e, DialectChoice::Quartz).unwrap();
            for &t in &instants {
                let want = s
                    .next_after_ts(t.timestamp(), &utc, DstPolicy::Shift)
                    .and_then(|n| DateTime::from_timestamp(n, 0));
                assert_eq!(
                    s.next_after(t, &utc, DstPolicy::Shift),
                    want,
                    "`{e}` after {t:?}"
                );
            }
        }
    }

    #[test]
    fn basic_next() {
        assert_eq!(
            times(
                "0 0/1 * * * ?",
                "2026-11-21T08:30:00Z",
                2,
                "UTC",
                DstPolicy::Shift
            ),
            ["2026-11-21T08:31:00Z", "2026-11-21T08:32:00Z"]
        );
        assert_eq!(
            times(
                "0 0 12 LW * ?",
                "2026-01-01T00:00:00Z",
                3,
                "UTC",
                DstPolicy::Shift
            ),
            [
                "2026-01-30T12:00:00Z",
                "2026-02-27T12:00:00Z",
                "2026-03-31T12:00:00Z"
            ]
        );
        assert_eq!(
            times(
                "0 0 12 ? * 2#5",
                "2026-01-01T00:00:00Z",
                2,
                "UTC",
                DstPolicy::Shift
            ),
            ["2026-03-30T12:00:00Z", "2026-06-29T12:00:00Z"]
        );
    }

    #[test]
    fn weekdays_of_is_weekday_of_on_every_bit() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64; // any spread of bit patterns will do
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for d in [Dialect::Quartz, Dialect::Unix] {
                let slow = (0..64u16)
                    .filter(|v| x >> v & 1 == 1)
                    .fold(0u8, |w, v| w | 1 << weekday_of(d, v));
                assert_eq!(weekdays_of(d, x), slow, "{x:#x} {d:?}");
            }
        }
    }

    #[test]
    fn leap_and_common_years_split_the_kinds() {
        let union = |kinds: std::ops::Range<usize>| {
            let mut u = [0u64; 4];
            for k in kinds {
                for (a, y) in u.iter_mut().zip(YEARS_OF_KIND[k]) {
                    *a |= y;
                }
            }
            u
        };
        assert_eq!(union(7..14), LEAP_YEARS);
        assert_eq!(union(0..7), COMMON_YEARS);
        // 2000 is a leap year (bit 30), 2100 is not (bit 130)
        assert_eq!(LEAP_YEARS[0] >> 30 & 1, 1);
        assert_eq!(COMMON_YEARS[2] >> 2 & 1, 1);
    }

    #[test]
    fn days_to_the_next_weekday_of_a_set() {
        const MON_FRI: u8 = 0b011_1110;
        assert_eq!(days_to_weekday_in(MON_FRI, 6), 2); // Saturday → Monday
        assert_eq!(days_to_weekday_in(MON_FRI, 5), 3); // Friday → Monday
        assert_eq!(days_to_weekday_in(MON_FRI, 1), 1); // Monday → Tuesday
        assert_eq!(days_to_weekday_in(1, 0), 7); // Sunday → next Sunday
        assert_eq!(days_to_weekday_in(0x7F, 6), 1);
        assert_eq!(days_to_weekday_in(1 << 6, 6), 7);
    }

    #[test]
    fn span_mask_edges() {
        assert_eq!(span_mask(0, 63), u64::MAX);
        assert_eq!(span_mask(1, 12), 0x1FFE);
        assert_eq!(span_mask(5, 5), 1 << 5);
        assert_eq!(span_mask(6, 5), 0);
        assert_eq!(span_mask(64, 70), 0);
    }

    #[test]
    fn never_fires_is_known_at_compile_time() {
        for e in [
            "0 0 0 30 2 ?",
            "0 0 0 29 2 ? 2100",
            "0 0 0 31W 2 ?",
            "@reboot",
        ] {
            let s = Schedule::parse(e, DialectChoice::Auto).unwrap();
            assert!(s.never_fires(), "{e}");
            assert_eq!(s.next_after_ts(0, &Zone::utc(), DstPolicy::Shift), None);
        }
        assert!(!Schedule::parse("0 0 0 29 2 ?", DialectChoice::Auto)
            .unwrap()
            .never_fires());
    }

    #[test]
    fn prev_is_the_mirror_of_next() {
        let s = Schedule::parse("0 5 9 ? * 6#3", DialectChoice::Auto).unwrap();
        let z = Zone::utc();
        let mut t = ts("2026-01-01T00:00:00Z");
        for _ in 0..30 {
            let n = s.next_after_ts(t, &z, DstPolicy::Shift).unwrap();
            assert_eq!(s.prev_before_ts(n + 1, &z, DstPolicy::Shift), Some(n));
            assert!(s.prev_before_ts(n, &z, DstPolicy::Shift).unwrap() <= t);
            t = n;
        }
    }

    #[test]
    fn schedules_stay_small_enough_to_copy_inline() {
        // Past 128 bytes LLVM copies a `Schedule` with a `memcpy` call, several
        // times a parse (see `DayRule::fugit`). A layout guard, not a timing test.
        assert!(std::mem::size_of::<Schedule>() <= 128);
        assert!(std::mem::size_of::<DayRule>() <= 40);
        assert!(std::mem::size_of::<DayShape>() <= 12);
    }

    /// `DayShape::NthWeekday` (a formula) gives the days `DayRule::mask` gives,
    /// through both of the search's entries, for every `n#k` in every month.
    #[test]
    fn nth_weekday_shape_agrees_with_the_rule() {
        for (expr, choice) in [
            ("0 0 0 ? * {wd}#{k}", DialectChoice::Quartz),
            ("0 0 * * {wd}#{k}", DialectChoice::Unix),
        ] {
            for wd in 1..=7 {
                for k in 1..=5 {
                    let text = expr
                        .replace("{wd}", &wd.to_string())
                        .replace("{k}", &k.to_string());
                    let s = Schedule::parse(&text, choice).unwrap();
                    assert!(matches!(s.day_shape, DayShape::NthWeekday { .. }), "{text}");
                    for y in [1970, 1999, 2000, 2026, 2100, 2199] {
                        for m in 1..=12 {
                            let len = days_in_month(y, m);
                            let start = days_from_civil(y, m, 1) as u32;
                            let want = s.days.mask(len, weekday_of_day(start));
                            assert_eq!(s.month_mask(len, start), want, "{text} {y}-{m}");
                            let got = s.day_mask_of(len, weekday_of_day(start));
                            assert_eq!(got, want, "{text} {y}-{m}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn reverse_offsets_is_a_bit_reversal() {
        for n in 0..32 {
            assert_eq!(reverse_offsets(1 << n), (1u32 << n).reverse_bits());
        }
        for v in [0, 0b11, 0x8000_0001, 0x1234_5678, u32::MAX] {
            assert_eq!(reverse_offsets(v), v.reverse_bits());
        }
    }

    /// fugit's `%` and `#-k` (gitlab), day by day against their definitions: the
    /// week number from 2019-01-01 and the count of the same weekday to the
    /// month's end; and `prev` mirrors `next` over them.
    #[test]
    fn gitlab_week_modulo_and_nth_from_end_day_by_day() {
        type Want = dyn Fn(i64, u32, u32, u32) -> bool;
        let cases: &[(&str, &Want)] = &[
            // (day number, weekday, day of month, month length)
            ("0 0 * * sun%2", &|day, wd, _, _| {
                wd == 0 && week_number(day) % 2 == 0
            }),
            ("0 0 * * 7%3+5", &|day, wd, _, _| {
                wd == 0 && (week_number(day) + 5) % 3 == 0
            }),
            ("0 0 * * tue%5+1,fri", &|day, wd, _, _| {
                wd == 5 || (wd == 2 && (week_number(day) + 1) % 5 == 0)
            }),
            ("0 0 * * fri#-2", &|_, wd, d, len| {
                wd == 5 && d + 7 <= len && d + 14 > len
            }),
            ("0 0 * * mon#-5,thu#-3", &|_, wd, d, len| {
                (wd == 1 && d + 28 <= len) || (wd == 4 && d + 14 <= len && d + 21 > len)
            }),
            // OR with a day of the month
            ("0 0 13 * sat%4+3", &|day, wd, d, _| {
                d == 13 || (wd == 6 && (week_number(day) + 3) % 4 == 0)
            }),
        ];
        for (expr, want) in cases {
            let s = Schedule::parse(expr, DialectChoice::Gitlab).unwrap();
            for y in [1970, 2018, 2019, 2024, 2026, 2199] {
                for m in 1..=12 {
                    let len = days_in_month(y, m);
                    let start = days_from_civil(y, m, 1);
                    for d in 1..=len {
                        let day = start + d as i64 - 1;
                        let wd = weekday_of_day(day as u32);
                        assert_eq!(
                            s.day_mask(y, m) >> d & 1 == 1,
                            want(day, wd, d, len),
                            "`{expr}` on {y}-{m:02}-{d:02}"
                        );
                    }
                }
            }
            let z = Zone::utc();
            let mut t = ts("2018-11-01T00:00:00Z");
            for _ in 0..40 {
                let n = s.next_after_ts(t, &z, DstPolicy::Wall).unwrap();
                assert_eq!(
                    s.prev_before_ts(n + 1, &z, DstPolicy::Wall),
                    Some(n),
                    "`{expr}`"
                );
                assert!(s.prev_before_ts(n, &z, DstPolicy::Wall).unwrap() <= t);
                t = n;
            }
        }
        // 2019-01-01 is week 1, the Monday before it week 0 (weeks run Tuesday to Monday)
        assert_eq!(week_number(days_from_civil(2019, 1, 1)), 1);
        assert_eq!(week_number(days_from_civil(2019, 1, 7)), 1);
        assert_eq!(week_number(days_from_civil(2019, 1, 8)), 2);
        assert_eq!(week_number(days_from_civil(2018, 12, 31)), 0);
        // a week that comes after 2199 never fires
        let never = Schedule::parse("0 0 * * sun%60000+30000", DialectChoice::Gitlab).unwrap();
        assert!(never.never_fires());
        let once = Schedule::parse("0 0 * * sun%60000", DialectChoice::Gitlab).unwrap();
        assert_eq!(once.years().collect::<Vec<_>>(), [2018]);
    }

    #[test]
    fn extreme_instants_neither_panic_nor_lose_fire_times() {
        let s = Schedule::parse("0 0 12 * * ?", DialectChoice::Auto).unwrap();
        for zone in ["UTC", "+14:00", "-09:30", "America/New_York"] {
            let z = Zone::parse(zone).unwrap();
            for dst in DstPolicy::ALL {
                // the first and last fire times, asked from ordinary instants
                let first = s
                    .next_after_ts(ts("1969-12-01T00:00:00Z"), &z, dst)
                    .unwrap();
                let last = s
                    .prev_before_ts(ts("2200-02-01T00:00:00Z"), &z, dst)
                    .unwrap();
                assert!(iso(first).as_str() < "1970-01-02", "{zone} {dst}");
                assert!(iso(last).as_str() > "2199-12-30", "{zone} {dst}");
                assert_eq!(s.next_after_ts(i64::MIN, &z, dst), Some(first));
                assert_eq!(s.prev_before_ts(i64::MAX, &z, dst), Some(last));
                assert_eq!(s.next_after_ts(i64::MAX, &z, dst), None);
                assert_eq!(s.prev_before_ts(i64::MIN, &z, dst), None);
                assert_eq!(s.next_after_ts(i64::MIN + 1, &z, dst), Some(first));
                assert_eq!(s.prev_before_ts(i64::MAX - 1, &z, dst), Some(last));
            }
        }
    }

    #[test]
    fn search_ends_in_2199() {
        let s = Schedule::parse("0 0 0 1 1 ?", DialectChoice::Auto).unwrap();
        let last = s
            .prev_before_ts(i64::MAX / 2, &Zone::utc(), DstPolicy::Shift)
            .unwrap();
        assert_eq!(iso(last), "2199-01-01T00:00:00Z");
        assert_eq!(s.next_after_ts(last, &Zone::utc(), DstPolicy::Shift), None);
    }

    /// Found by fuzzing: starts at the ends of `i64` overflowed the zone arithmetic
    /// (a panic in debug builds), and `prev_before_ts(i64::MAX)` in a zone east of
    /// UTC answered "none" instead of the last fire time.
    #[test]
    fn starts_at_the_ends_of_i64() {
        let s = Schedule::parse("0 0 0 1 1 ?", DialectChoice::Auto).unwrap();
        for zone in [
            "UTC",
            "+05:30",
            "-09:30",
            "America/New_York",
            "Australia/Lord_Howe",
        ] {
            let z = Zone::parse(zone).unwrap();
            let off = z.offset_at(0) as i64;
            let off_2199 = z.offset_at(ts("2199-01-01T00:00:00Z")) as i64;
            for dst in DstPolicy::ALL {
                assert_eq!(
                    s.next_after_ts(i64::MIN, &z, dst),
                    Some(-off),
                    "{zone} {dst}: the first fire is 1970-01-01 00:00 local"
                );
                assert_eq!(s.next_after_ts(i64::MAX, &z, dst), None);
                assert_eq!(s.prev_before_ts(i64::MIN, &z, dst), None);
                let last = s.prev_before_ts(i64::MAX, &z, dst).map(iso);
                let want = DateTime::from_timestamp(ts("2199-01-01T00:00:00Z") - off_2199, 0)
                    .unwrap()
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string();
                assert_eq!(
                    last,
                    Some(want),
                    "{zone} {dst}: the last fire is 2199-01-01 00:00 local"
                );
            }
            let _ = z.resolve_local(i64::MIN);
            let _ = z.resolve_local(i64::MAX);
            let _ = z.offset_at(i64::MIN);
            let _ = z.offset_at(i64::MAX);
        }
    }

    /// Quartz 2.3.2 (the oracle): `0 35-17,27 1,7 ? * * 1980` in New York from
    /// 1980-10-26T05:59:59Z, one second before the fall-back at 06:00Z, gives
    /// 06:00:00Z (01:00 EST, the second pass of 01:xx), and in London from
    /// 1986-10-26T00:59:59Z `0 24-21 19-22,5-3 ? * *` gives 01:00:00Z.
    #[test]
    fn quartz_starts_from_the_wall_time_one_second_later() {
        let q = |e: &str, from: &str, zone: &str| {
            times(e, from, 1, zone, DstPolicy::Quartz)
                .pop()
                .unwrap_or_default()
        };
        assert_eq!(
            q(
                "0 35-17,27 1,7 ? * * 1980",
                "1980-10-26T05:59:59Z",
                "America/New_York"
            ),
            "1980-10-26T06:00:00Z"
        );
        assert_eq!(
            q(
                "0 24-21 19-22,5-3 ? * *",
                "1986-10-26T00:59:59Z",
                "Europe/London"
            ),
            "1986-10-26T01:00:00Z"
        );
        // one second earlier (oracle: 12:00Z) the start's own wall time, 01:59:59
        // EDT, is later than 01:00: Quartz skips the second pass up to it
        // (EDGE-CASES rows 123–125)
        assert_eq!(
            q(
                "0 35-17,27 1,7 ? * * 1980",
                "1980-10-26T05:59:58Z",
                "America/New_York"
            ),
            "1980-10-26T12:00:00Z"
        );
    }

    #[test]
    fn dst_policies_in_new_york() {
        let ny = "America/New_York";
        // spring forward 2026-03-08: 02:30 does not exist
        assert_eq!(
            times(
                "0 30 2 * * ?",
                "2026-03-07T00:00:00Z",
                3,
                ny,
                DstPolicy::Quartz
            ),
            [
                "2026-03-07T07:30:00Z",
                "2026-03-09T06:30:00Z",
                "2026-03-10T06:30:00Z"
            ]
        );
        assert_eq!(
            times(
                "0 30 2 * * ?",
                "2026-03-07T00:00:00Z",
                3,
                ny,
                DstPolicy::Skip
            ),
            [
                "2026-03-07T07:30:00Z",
                "2026-03-09T06:30:00Z",
                "2026-03-10T06:30:00Z"
            ]
        );
        assert_eq!(
            times(
                "0 30 2 * * ?",
                "2026-03-07T00:00:00Z",
                3,
                ny,
                DstPolicy::Shift
            ),
            [
                "2026-03-07T07:30:00Z",
                "2026-03-08T07:30:00Z",
                "2026-03-09T06:30:00Z"
            ]
        );
        // fall back 2026-11-01: 01:30 happens at 05:30Z and 06:30Z
        assert_eq!(
            times(
                "0 30 1 * * ?",
                "2026-10-31T12:00:00Z",
                2,
                ny,
                DstPolicy::Quartz
            ),
            ["2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"]
        );
        assert_eq!(
            times(
                "0 30 1 * * ?",
                "2026-10-31T12:00:00Z",
                2,
                ny,
                DstPolicy::Shift
            ),
            ["2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"]
        );
        // every 30 minutes across the shifted gap: no instant twice, strictly increasing
        let t = times(
            "0 0/30 * * * ?",
            "2026-03-08T06:00:00Z",
            4,
            ny,
            DstPolicy::Shift,
        );
        assert_eq!(
            t,
            [
                "2026-03-08T06:30:00Z",
                "2026-03-08T07:00:00Z",
                "2026-03-08T07:30:00Z",
                "2026-03-08T08:00:00Z"
            ]
        );
    }
}
