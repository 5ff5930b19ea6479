//! Notes after the sentence: a schedule that never fires says so and why; one that
//! skips some of its years says how rarely it fires.
//!
//! Whether a day can match depends only on the month's length and the weekday it
//! starts on, so every question here is answered over the few kinds of month and
//! year, never by scanning dates.

use crate::expr::{DayCombine, Expr};
use crate::schedule::calendar::{days_from_civil, days_in_month, is_leap, weekday_from_days};
use crate::schedule::{DayRule, Schedule};

use super::days::{dom_full, dow_full, write_dom_noun, write_dow_noun, write_year_list, Years};
use super::text::{push_num, push_ordinal_suffixed, push_sep, MONTHS, WEEKDAYS};

/// Possible lengths of month `m`.
fn lengths(m: u32) -> &'static [u32] {
    match m {
        2 => &[28, 29],
        4 | 6 | 9 | 11 => &[30],
        _ => &[31],
    }
}

/// Can month `m` ever have a matching day (in some year)?
fn month_can_match(r: &DayRule, m: u32) -> bool {
    lengths(m)
        .iter()
        .any(|&len| (0..7).any(|wd| r.mask(len, wd) != 0))
}

/// Write " — never fires: …", " — never fires again: …" or " — only in leap years"
/// when they apply. `now_year` (when given) is the current year: a schedule whose
/// fire times all lie before it never fires again.
pub(crate) fn write(
    out: &mut String,
    e: &Expr,
    r: &DayRule,
    months: u16,
    years: &Years,
    now_year: Option<i32>,
) {
    if r.always_matches_some_day() {
        // every selected year fires: the last one is the last fire year
        if let Some(now) = now_year {
            let last = years.iter().last();
            past(out, years, last, now);
        }
        return;
    }
    let schedule = Schedule::from_expr(e);
    if schedule.never_fires() {
        out.push_str(" — never fires: ");
        never_cause(out, r, months, years);
        return;
    }
    if let Some(now) = now_year {
        let last = schedule.years().last().map(|y| y as u32);
        if past(out, years, last, now) {
            return;
        }
    }
    rarity(out, &schedule, years);
}

/// " — never fires again: 2020 is past" when `last_fire_year` is before `now`;
/// returns whether it wrote.
fn past(out: &mut String, years: &Years, last_fire_year: Option<u32>, now: i32) -> bool {
    let Some(last_fire) = last_fire_year else {
        return false;
    };
    if last_fire as i64 >= now as i64 {
        return false;
    }
    out.push_str(" — never fires again: ");
    let last_selected = years.iter().last().unwrap_or(last_fire);
    if last_selected == last_fire {
        // every year asked for is past
        let n = years.count();
        write_year_list(out, years, "and");
        out.push_str(if n == 1 { " is past" } else { " are past" });
    } else {
        // later years are asked for, but no day of theirs matches
        out.push_str("its last year, ");
        push_num(out, last_fire);
        out.push_str(", is past");
    }
    true
}

fn write_months(out: &mut String, months: u16) {
    let n = months.count_ones() as usize;
    let mut i = 0;
    for (m, name) in MONTHS.iter().enumerate().skip(1) {
        if months >> m & 1 == 1 {
            push_sep(out, i, n, "and");
            out.push_str(name);
            i += 1;
        }
    }
}

fn never_cause(out: &mut String, r: &DayRule, months: u16, years: &Years) {
    let possible = (1..=12u32)
        .filter(|&m| months >> m & 1 == 1 && month_can_match(r, m))
        .count();
    if possible == 0 {
        day_cause(out, r, months);
        return;
    }
    // Some month can match in some kind of year, but none of the selected years is one.
    let leap_only = (1..=12u32).filter(|&m| months >> m & 1 == 1).all(|m| {
        // a match needs a 29-day February
        (0..7).all(|wd| r.mask(if m == 2 { 28 } else { lengths(m)[0] }, wd) == 0)
    });
    let has_leap = years.iter().any(|y| is_leap(y as i32));
    if leap_only && !has_leap {
        if years.count() == 1 {
            push_num(out, years.iter().next().unwrap_or(0));
            out.push_str(" is not a leap year");
        } else {
            out.push_str("none of the years ");
            write_year_list(out, years, "and");
            out.push_str(" is a leap year");
        }
        return;
    }
    // one date in one year that is not one of the weekdays asked for
    let plain = r.dom_days & super::days::ALL_DOM;
    let only_plain =
        r.dom_last_offsets == 0 && r.dom_last_nearest_weekday == 0 && r.dom_nearest_weekday == 0;
    if plain.count_ones() == 1 && only_plain && months.count_ones() == 1 && years.count() == 1 {
        let (d, m) = (plain.trailing_zeros(), months.trailing_zeros());
        let y = years.iter().next().unwrap_or(0) as i32;
        if d <= days_in_month(y, m) {
            let wd = weekday_from_days(days_from_civil(y, m, d));
            out.push_str(MONTHS[m as usize]);
            out.push(' ');
            push_num(out, d);
            out.push_str(", ");
            push_num(out, y as u32);
            out.push_str(" is a ");
            out.push_str(WEEKDAYS[wd as usize]);
            return;
        }
    }
    out.push_str("no matching day falls in ");
    write_year_list(out, years, "or");
}

/// No selected month can ever match: explain from the day fields.
fn day_cause(out: &mut String, r: &DayRule, months: u16) {
    let dom_only = r.combine == DayCombine::And && dow_full(r);
    if dom_only {
        // what each day-of-month item needs: a month at least this long
        let no_last = r.dom_last_offsets == 0 && r.dom_last_nearest_weekday == 0;
        let n = months.count_ones();
        write_months(out, months);
        if no_last {
            // plain days and `nW`: the day does not exist in these months
            let days = (r.dom_days | r.dom_nearest_weekday) & super::days::ALL_DOM;
            out.push_str(if n == 1 { " has no " } else { " have no " });
            let k = days.count_ones() as usize;
            let mut i = 0;
            for d in 1..=31 {
                if days >> d & 1 == 1 {
                    push_sep(out, i, k, "or");
                    push_ordinal_suffixed(out, d);
                    i += 1;
                }
            }
        } else {
            let mut need = u32::MAX;
            let days = (r.dom_days | r.dom_nearest_weekday) & super::days::ALL_DOM;
            if days != 0 {
                need = days.trailing_zeros();
            }
            for bits in [r.dom_last_offsets, r.dom_last_nearest_weekday] {
                if bits != 0 {
                    need = need.min(bits.trailing_zeros() + 1);
                }
            }
            out.push_str(if n == 1 { " has" } else { " have" });
            out.push_str(" fewer than ");
            push_num(out, need);
            out.push_str(" days");
        }
        return;
    }
    if r.combine == DayCombine::And && !dom_full(r) && !dow_full(r) {
        out.push_str("no day is both ");
        write_dom_noun(out, r, None);
        out.push_str(" and ");
        write_dow_noun(out, r, "or", None);
        return;
    }
    out.push_str("no day matches the day fields");
}

fn rarity(out: &mut String, schedule: &Schedule, years: &Years) {
    let selected = years.count();
    let mut fire = [0u64; 4];
    let mut n = 0u32;
    for y in schedule.years() {
        let i = (y - crate::expr::MIN_YEAR as i32) as usize;
        fire[i / 64] |= 1 << (i % 64);
        n += 1;
    }
    if n >= selected {
        return;
    }
    let fire = Years(fire);
    let leap_selected = years.iter().filter(|&y| is_leap(y as i32)).count() as u32;
    if n == leap_selected && fire.iter().all(|y| is_leap(y as i32)) {
        out.push_str(" — only in leap years");
        return;
    }
    out.push_str(" — only in ");
    if n <= 5 {
        write_year_list(out, &fire, "and");
        return;
    }
    push_num(out, n);
    out.push_str(" of ");
    push_num(out, selected);
    out.push_str(" years: ");
    for (i, y) in fire.iter().take(3).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_num(out, y);
    }
    out.push_str(", …");
}
