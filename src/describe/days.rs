//! The calendar part of a description: day of month, day of week (and how they
//! combine), month and year.
//!
//! Everything here reads the compiled [`DayRule`], so weekday numbering is already
//! per dialect (Quartz `1-5` is Sunday–Thursday, Unix `1-5` Monday–Friday, Quartz `L`
//! alone is Saturday) and Vixie cron's OR of two restricted day fields is explicit.

use crate::expr::{DayCombine, MAX_YEAR, MIN_YEAR};
use crate::schedule::DayRule;

use super::shape::{classify, Shape};
use super::text::{
    ordinal_word, push_count, push_elided, push_list, push_num, push_ordinal_suffixed, push_sep,
    Runs, ELIDE_MIN, MONTHS, WEEKDAYS,
};

/// Every day of the month, bits 1..=31.
pub(crate) const ALL_DOM: u32 = 0xFFFF_FFFE;
/// Every month, bits 1..=12.
pub(crate) const ALL_MONTHS: u16 = 0x1FFE;

/// Weekdays in the order they are listed: Monday first.
const WEEK_ORDER: [u32; 7] = [1, 2, 3, 4, 5, 6, 0];

pub(crate) fn dom_full(r: &DayRule) -> bool {
    r.dom_days & ALL_DOM == ALL_DOM
}

pub(crate) fn dow_full(r: &DayRule) -> bool {
    r.weekdays & 0x7F == 0x7F
}

/// True when the day fields select every day.
pub(crate) fn every_day(r: &DayRule) -> bool {
    match r.combine {
        DayCombine::Or => dom_full(r) || dow_full(r),
        DayCombine::And => dom_full(r) && dow_full(r),
    }
}

fn dom_piece_count(r: &DayRule) -> usize {
    let plain = (r.dom_days & ALL_DOM != 0) as usize;
    plain
        + r.dom_last_offsets.count_ones() as usize
        + r.dom_last_nearest_weekday.count_ones() as usize
        + r.dom_nearest_weekday.count_ones() as usize
}

/// Is the day-of-month side one `L-n` (n ≥ 1) and nothing else? It reads as an
/// adverb ("At 12:00, 3 days before the last day of the month"), without "on".
fn dom_is_lone_offset(r: &DayRule) -> bool {
    dom_piece_count(r) == 1 && r.dom_last_offsets > 1
}

/// Day-of-month pieces as nouns, joined with `conj` as items `*i..` of an English
/// list of `n`, without the trailing "of the month" (the caller says it once for the
/// whole list): "day 1", "days 1, 4, 7, …, 31", "the last day", "the day 3 days
/// before the last day", "the last weekday", "the weekday nearest the 15th".
fn write_dom_pieces(out: &mut String, r: &DayRule, conj: &str, i: &mut usize, n: usize) {
    let plain = r.dom_days & ALL_DOM;
    if plain != 0 {
        push_sep(out, *i, n, conj);
        *i += 1;
        let count = plain.count_ones();
        match classify(plain as u64, 1, 31) {
            Shape::Single(d) => {
                out.push_str("day ");
                push_num(out, d);
            }
            // a step reads as its days: 31 → 1 is not a step, so "every 3rd day" would mislead
            Shape::Prog { first, step, last } if count >= ELIDE_MIN => {
                out.push_str("days ");
                push_elided(out, first, step, last, push_num);
            }
            _ => {
                out.push_str("days ");
                let runs = Runs::new(plain as u64, 1, 31, false, 1);
                push_list(out, &runs, 1, 31, "and", push_num);
            }
        }
    }
    let mut bits = r.dom_last_offsets;
    while bits != 0 {
        let k = bits.trailing_zeros();
        bits &= bits - 1;
        push_sep(out, *i, n, conj);
        *i += 1;
        if k == 0 {
            out.push_str("the last day");
        } else {
            out.push_str("the day ");
            push_count(out, k, "day");
            out.push_str(" before the last day");
        }
    }
    let mut bits = r.dom_last_nearest_weekday;
    while bits != 0 {
        let k = bits.trailing_zeros();
        bits &= bits - 1;
        push_sep(out, *i, n, conj);
        *i += 1;
        if k == 0 {
            out.push_str("the last weekday");
        } else {
            out.push_str("the weekday nearest ");
            push_count(out, k, "day");
            out.push_str(" before the last day");
        }
    }
    let mut bits = r.dom_nearest_weekday;
    while bits != 0 {
        let d = bits.trailing_zeros();
        bits &= bits - 1;
        push_sep(out, *i, n, conj);
        *i += 1;
        out.push_str("the weekday nearest the ");
        push_ordinal_suffixed(out, d);
    }
}

/// The day-of-month side as an adverb with its leading separator: " on day 1 and the
/// last day of the month", ", 3 days before the last day of February". `of` is "the
/// month" or a month's name; it is said once, after the last piece.
fn write_dom_adverb(out: &mut String, r: &DayRule, of: &str) {
    if dom_is_lone_offset(r) {
        out.push_str(", ");
        push_count(out, r.dom_last_offsets.trailing_zeros(), "day");
        out.push_str(" before the last day of ");
        out.push_str(of);
        return;
    }
    out.push_str(" on ");
    let mut i = 0;
    write_dom_pieces(out, r, "and", &mut i, dom_piece_count(r));
    out.push_str(" of ");
    out.push_str(of);
}

/// Plain weekdays as runs, Monday first (a run through the weekend stays whole).
fn weekday_runs(days: u8) -> Runs {
    Runs::new(days as u64, 0, 6, true, 1)
}

fn dow_plain_count(r: &DayRule) -> usize {
    let plain = r.weekdays & 0x7F;
    let modulo = r.week_modulo().iter().filter(|&&(m, _)| m != 0).count();
    modulo
        + if plain != 0 {
            super::text::list_items(&weekday_runs(plain), 0, 6)
        } else {
            0
        }
}

/// `#k` and last-weekday items ("the first Monday", "the last Friday").
fn dow_special_count(r: &DayRule) -> usize {
    r.last_weekdays.count_ones() as usize
        + (r.nth_weekdays & 0x003E_3E3E_3E3E_3E3E).count_ones() as usize
        + (r.nth_last_weekdays() & 0x003C_3C3C_3C3C_3C3C).count_ones() as usize
}

/// Any `#` or last-weekday item ("the first Monday", "the second-to-last Friday").
fn has_month_specials(r: &DayRule) -> bool {
    r.last_weekdays != 0 || r.nth_weekdays != 0 || r.nth_last_weekdays() != 0
}

/// Is the day-of-week side one run of three or more plain days ("Monday through Friday")?
fn dow_is_one_long_run(r: &DayRule) -> bool {
    let plain = r.weekdays & 0x7F;
    if plain == 0 || has_month_specials(r) || r.has_week_modulo() {
        return false;
    }
    let runs = weekday_runs(plain);
    runs.as_slice().len() == 1 && {
        let (a, b) = runs.as_slice()[0];
        Runs::run_len(a, b, 0, 6) >= 3
    }
}

/// Plain weekdays: "Monday through Friday", "Saturday and Sunday".
fn write_dow_plain(out: &mut String, r: &DayRule, conj: &str, i: &mut usize, n: usize) {
    let plain = r.weekdays & 0x7F;
    if plain != 0 {
        write_weekday_runs(out, plain, conj, i, n);
    }
    write_week_modulo(out, r, conj, i, n);
}

/// fugit `%` rules: "every other Sunday from 2019-01-13", the first day being
/// the first one on or after 2019-01-01 in a week that fires.
fn write_week_modulo(out: &mut String, r: &DayRule, conj: &str, i: &mut usize, n: usize) {
    for wd in WEEK_ORDER {
        let (every, plus) = r.week_modulo()[wd as usize];
        if every == 0 {
            continue;
        }
        push_sep(out, *i, n, conj);
        *i += 1;
        // the first week w ≥ 1 with (w + plus) % every == 0; week 1 starts on
        // Tuesday 2019-01-01 (day number 17 897)
        let mut w = (every - plus % every) % every;
        if w == 0 {
            w = every;
        }
        let day = 17_897 + 7 * (w as u32 - 1) + (wd + 7 - 2) % 7;
        let (y, m, d) = crate::schedule::calendar::civil_from_epoch_days(day);
        super::text::push_every_nth(out, every as u32);
        out.push(' ');
        out.push_str(WEEKDAYS[wd as usize]);
        out.push_str(&format!(" from {y:04}-{m:02}-{d:02}"));
    }
}

/// Plain weekdays as runs: "Monday through Friday", "Saturday and Sunday".
fn write_weekday_runs(out: &mut String, plain: u8, conj: &str, i: &mut usize, n: usize) {
    let runs = weekday_runs(plain);
    for &(a, b) in runs.as_slice() {
        let len = Runs::run_len(a, b, 0, 6);
        if len >= 3 {
            push_sep(out, *i, n, conj);
            out.push_str(WEEKDAYS[a as usize]);
            out.push_str(" through ");
            out.push_str(WEEKDAYS[b as usize]);
            *i += 1;
        } else {
            let mut d = a as usize;
            for _ in 0..len {
                push_sep(out, *i, n, conj);
                out.push_str(WEEKDAYS[d]);
                d = (d + 1) % 7;
                *i += 1;
            }
        }
    }
}

/// "the first Monday", "the last Friday", by weekday, Monday first, without "of the month".
fn write_dow_specials(out: &mut String, r: &DayRule, conj: &str, i: &mut usize, n: usize) {
    for wd in WEEK_ORDER {
        for k in 1..=5u8 {
            if r.nth_weekdays >> (8 * wd + k as u32) & 1 == 1 {
                push_sep(out, *i, n, conj);
                *i += 1;
                out.push_str("the ");
                out.push_str(ordinal_word(k));
                out.push(' ');
                out.push_str(WEEKDAYS[wd as usize]);
            }
        }
        if r.last_weekdays >> wd & 1 == 1 {
            push_sep(out, *i, n, conj);
            *i += 1;
            out.push_str("the last ");
            out.push_str(WEEKDAYS[wd as usize]);
        }
        for k in 2..=5u8 {
            if r.nth_last_weekdays() >> (8 * wd + k as u32) & 1 == 1 {
                push_sep(out, *i, n, conj);
                *i += 1;
                out.push_str("the ");
                out.push_str(ordinal_word(k));
                out.push_str("-to-last ");
                out.push_str(WEEKDAYS[wd as usize]);
            }
        }
    }
}

/// Day-of-week nouns: "Monday through Friday", "Saturday", "Monday and the last
/// Friday of the month". `of` ("the month" or a month's name) follows the special
/// items once; `None` leaves it out where the sentence has said it already.
fn write_dow(out: &mut String, r: &DayRule, conj: &str, of: Option<&str>) {
    let specials = dow_special_count(r);
    let n = dow_plain_count(r) + specials;
    let mut i = 0;
    write_dow_plain(out, r, conj, &mut i, n);
    write_dow_specials(out, r, conj, &mut i, n);
    if let (true, Some(of)) = (specials > 0, of) {
        out.push_str(" of ");
        out.push_str(of);
    }
}

/// The years a field selects, as a bit set over 1970..=2199.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Years(pub [u64; 4]);

const YEAR_COUNT: u32 = (MAX_YEAR - MIN_YEAR + 1) as u32;

impl Years {
    pub(crate) fn count(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }
    pub(crate) fn is_all(&self) -> bool {
        self.count() == YEAR_COUNT
    }
    /// The last year of the set (a scan of four words, not of 230 years).
    pub(crate) fn last(&self) -> Option<u32> {
        (0..4)
            .rev()
            .find(|&i| self.0[i] != 0)
            .map(|i| MIN_YEAR as u32 + 64 * i as u32 + 63 - self.0[i].leading_zeros())
    }
    /// The years in order, set bit by set bit (a step of 2 has 115 of 230).
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &word)| {
            let base = MIN_YEAR as u32 + 64 * i as u32;
            let mut w = word;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros();
                    w &= w - 1;
                    base + b
                })
            })
        })
    }
    /// Runs of consecutive years.
    fn runs(&self) -> Vec<(u32, u32)> {
        let mut v: Vec<(u32, u32)> = Vec::new();
        for y in self.iter() {
            match v.last_mut() {
                Some((_, b)) if *b + 1 == y => *b = y,
                _ => v.push((y, y)),
            }
        }
        v
    }
    /// Arithmetic progression (first, step, last) of three or more years.
    fn progression(&self) -> Option<(u32, u32, u32)> {
        let mut it = self.iter();
        let a = it.next()?;
        let b = it.next()?;
        let step = b - a;
        let mut prev = b;
        let mut n = 2;
        for y in it {
            if y - prev != step {
                return None;
            }
            prev = y;
            n += 1;
        }
        (n >= 3 && step >= 2).then_some((a, step, prev))
    }
}

/// "2026", "2026 through 2030", "2026, 2028 and 2030"; a progression of seven or more
/// years is elided to its first three and its last: "1970, 1972, 1974, …, 2198".
pub(crate) fn write_year_list(out: &mut String, y: &Years, conj: &str) {
    if let Some((a, step, last)) = y.progression() {
        if y.count() >= ELIDE_MIN {
            push_elided(out, a, step, last, push_num);
            return;
        }
    }
    let runs = y.runs();
    let n: usize = runs
        .iter()
        .map(|&(a, b)| if b - a >= 2 { 1 } else { (b - a + 1) as usize })
        .sum();
    let mut i = 0;
    for (a, b) in runs {
        if b - a >= 2 {
            push_sep(out, i, n, conj);
            push_num(out, a);
            out.push_str(" through ");
            push_num(out, b);
            i += 1;
        } else {
            for v in a..=b {
                push_sep(out, i, n, conj);
                push_num(out, v);
                i += 1;
            }
        }
    }
}

fn write_years(out: &mut String, y: &Years) {
    let n = y.count();
    // a progression (step ≥ 2) first: it is never one run, and needs no list of runs
    if let Some((a, step, last)) = y.progression() {
        if n >= ELIDE_MIN {
            // a progression that runs to the end of the supported range is open-ended
            let open_ended = last + step > MAX_YEAR as u32;
            if step == 2 {
                // `1/2` is every odd year, `0/2` every even one (Quartz counts from year 0)
                out.push_str(if a % 2 == 0 {
                    ", in even years"
                } else {
                    ", in odd years"
                });
                if a > MIN_YEAR as u32 + 1 {
                    out.push_str(" from ");
                    push_num(out, a);
                }
            } else {
                out.push_str(", every ");
                push_count(out, step, "year");
                out.push_str(" from ");
                push_num(out, a);
            }
            if !open_ended {
                out.push_str(" through ");
                push_num(out, last);
            }
            return;
        }
    }
    let runs = y.runs();
    if runs.len() == 1 && n >= 3 {
        out.push_str(", from ");
        write_year_list(out, y, "and");
        return;
    }
    out.push_str(", in ");
    write_year_list(out, y, "and");
}

/// Months in calendar order ("January, March and December"); only a set that is one
/// season of three or more months across the new year keeps its wrap ("from November
/// through February"), and only when `wrap` (every year fires, so December really is
/// followed by January).
pub(crate) fn write_month_list(out: &mut String, months: u16, wrap: bool) {
    let circular = Runs::new(months as u64, 1, 12, wrap, 1);
    let rs = circular.as_slice();
    if rs.len() == 1 && Runs::run_len(rs[0].0, rs[0].1, 1, 12) >= 3 {
        out.push_str(MONTHS[rs[0].0 as usize]);
        out.push_str(" through ");
        out.push_str(MONTHS[rs[0].1 as usize]);
        return;
    }
    let linear = Runs::new(months as u64, 1, 12, false, 1);
    push_list(out, &linear, 1, 12, "and", |o, v| {
        o.push_str(MONTHS[v as usize])
    });
}

fn write_months(out: &mut String, months: u16, wrap: bool) {
    let runs = Runs::new(months as u64, 1, 12, wrap, 1);
    let rs = runs.as_slice();
    out.push_str(
        if rs.len() == 1 && Runs::run_len(rs[0].0, rs[0].1, 1, 12) >= 3 {
            ", from "
        } else {
            ", in "
        },
    );
    write_month_list(out, months, wrap);
}

/// Write the day, month and year parts (each with its leading separator).
pub(crate) fn write(out: &mut String, r: &DayRule, months: u16, years: &Years) {
    let months = months & ALL_MONTHS;
    let all_months = months == ALL_MONTHS;
    let all_years = years.is_all();
    let dom_r = !dom_full(r);
    let dow_r = !dow_full(r);
    let single_month = (months.count_ones() == 1).then(|| months.trailing_zeros() as usize);
    let mut months_said = all_months;
    let mut years_said = all_years;

    match (r.combine, dom_r, dow_r) {
        (_, false, false) => {}
        (DayCombine::Or, true, true) => {
            // Vixie's OR: one list of days, with "of the month" said once
            let specials = dow_special_count(r);
            let plain_dow = dow_plain_count(r);
            let dom_n = dom_piece_count(r);
            if specials == 0 {
                write_dom_adverb(out, r, "the month");
            } else {
                // "on day 1 or the last Friday of the month"
                out.push_str(" on ");
                let n = dom_n + specials;
                let mut i = 0;
                write_dom_pieces(out, r, "or", &mut i, n);
                write_dow_specials(out, r, "or", &mut i, n);
                out.push_str(" of the month");
            }
            if plain_dow > 0 {
                out.push_str(" or on ");
                let mut i = 0;
                write_dow_plain(out, r, "or", &mut i, plain_dow);
            }
        }
        (DayCombine::Or, true, false) => {
            // Vixie's OR with a day-of-week that is every day: the result is every day
            write_dom_adverb(out, r, "the month");
            out.push_str(" or on any day of the week (every day)");
        }
        (DayCombine::Or, false, true) => {
            out.push_str(" on any day of the month or on ");
            write_dow(out, r, "or", None);
            out.push_str(" (every day)");
        }
        (DayCombine::And, true, true) => {
            dom_side(out, r, months, years, &mut months_said, &mut years_said);
            // the day-of-month side has said which month; "the last Friday" is of that month
            out.push_str(", if it falls on ");
            write_dow(out, r, "or", None);
        }
        (DayCombine::And, true, false) => {
            dom_side(out, r, months, years, &mut months_said, &mut years_said);
        }
        (DayCombine::And, false, true) => {
            // "the last Friday of February" only when every item can carry "of February"
            let special = has_month_specials(r) && r.weekdays & 0x7F == 0 && !r.has_week_modulo();
            let of = match single_month {
                Some(m) if special => {
                    months_said = true;
                    MONTHS[m]
                }
                _ => "the month",
            };
            if dow_is_one_long_run(r) {
                out.push_str(", ");
            } else {
                out.push_str(" on ");
            }
            write_dow(out, r, "and", Some(of));
        }
    }
    if !months_said {
        write_months(out, months, all_years);
    }
    if !years_said {
        write_years(out, years);
    }
}

/// The day-of-month side of an AND: a date ("on February 30", "on January 1 and July
/// 1") when it is one plain day in a few months, else the pieces, with "of February"
/// for a single month. Sets `months_said` / `years_said` when it covered them.
fn dom_side(
    out: &mut String,
    r: &DayRule,
    months: u16,
    years: &Years,
    months_said: &mut bool,
    years_said: &mut bool,
) {
    let plain = r.dom_days & ALL_DOM;
    let only_plain_single = plain.count_ones() == 1
        && r.dom_last_offsets == 0
        && r.dom_last_nearest_weekday == 0
        && r.dom_nearest_weekday == 0;
    let n = months.count_ones() as usize;
    if only_plain_single && months != ALL_MONTHS && n <= 3 {
        let d = plain.trailing_zeros();
        out.push_str(" on ");
        let mut i = 0;
        for (m, name) in MONTHS.iter().enumerate().skip(1) {
            if months >> m & 1 == 1 {
                push_sep(out, i, n, "and");
                out.push_str(name);
                out.push(' ');
                push_num(out, d);
                i += 1;
            }
        }
        *months_said = true;
        if n == 1 && years.count() == 1 {
            out.push_str(", ");
            push_num(out, years.iter().next().unwrap_or(MIN_YEAR as u32));
            *years_said = true;
        }
        return;
    }
    let of = if n == 1 {
        *months_said = true;
        MONTHS[months.trailing_zeros() as usize]
    } else {
        "the month"
    };
    write_dom_adverb(out, r, of);
}

/// "day 1 and the last day of the month" (for explanations); with `of` `None`, without
/// "of the month" (for a note after a sentence that has said it).
pub(crate) fn write_dom_noun(out: &mut String, r: &DayRule, of: Option<&str>) {
    let mut i = 0;
    write_dom_pieces(out, r, "and", &mut i, dom_piece_count(r));
    if let Some(of) = of {
        out.push_str(" of ");
        out.push_str(of);
    }
}

/// "Monday through Friday", "Saturday", "the last Friday of the month", joined with
/// `conj`; with `of` `None`, without "of the month".
pub(crate) fn write_dow_noun(out: &mut String, r: &DayRule, conj: &str, of: Option<&str>) {
    write_dow(out, r, conj, of);
}
