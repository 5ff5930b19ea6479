//! The `calendar` format: a month grid like `cal` for every month with fire times,
//! the fire days marked (`[21]`, or highlighted in colour) and, under each week, how
//! many times each of its days fires. Days are days of the display zone.
//!
//! ```text
//!                 November 2026
//!     Su    Mo    Tu    We    Th    Fr    Sa
//!                                          1
//!      2     3     4     5     6     7     8
//!   ...
//!    [16]  [17]  [18]  [19]  [20]    21    22
//!      24    24    24    24    24
//! ```
//!
//! A month is written as soon as the timeline leaves it, so the output streams;
//! months without a fire time between two that have some are named on one line.

use std::io::{self, Write};

use owo_colors::OwoColorize;

use cronkit::schedule::calendar::{days_from_civil, days_in_month, weekday_from_days, Civil};

use super::{detail, Ctx, Timeline};

const MONTHS: [&str; 12] = [
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

/// Each day takes six columns: two of margin, then `[dd]` or ` dd `.
const CELL: usize = 6;

pub(super) fn render(ctx: &Ctx, tl: &mut Timeline, out: &mut impl Write) -> io::Result<u64> {
    if ctx.detail {
        detail::tables(ctx, out)?;
    }
    let what = if ctx.sources.len() == 1 {
        ctx.sources[0].label.clone()
    } else {
        ctx.labels(&(0..ctx.sources.len()).collect::<Vec<_>>(), "`, `")
    };
    writeln!(
        out,
        "Fire days of `{what}` in {}{}:",
        ctx.display_zone.name(),
        if ctx.prev { ", newest month first" } else { "" }
    )?;
    let limit = ctx.limit();
    let mut printed = 0u64;
    let mut month: Option<(i32, u32)> = None;
    let mut counts = [0u64; 32];
    while printed < limit {
        let Some(ts) = tl.next_fire() else { break };
        printed += 1;
        let c = Civil::from_secs(ts + ctx.display_zone.offset_at(ts) as i64);
        let key = (c.year, c.month);
        if month != Some(key) {
            if let Some(m) = month {
                write_month(ctx, m, &counts, out)?;
                write_gap(m, key, out)?;
                // a finished month is worth showing now, not when the buffer fills
                out.flush()?;
            }
            month = Some(key);
            counts = [0; 32];
        }
        counts[c.day as usize] += 1;
    }
    if let Some(m) = month {
        write_month(ctx, m, &counts, out)?;
    }
    if printed == limit && ctx.count.is_some() && tl.next_fire().is_some() {
        writeln!(
            out,
            "\n(the first {printed} fire time{} only; -c N shows more, --until T up to a date)",
            if printed == 1 { "" } else { "s" }
        )?;
    }
    Ok(printed)
}

fn write_month(
    ctx: &Ctx,
    (y, m): (i32, u32),
    counts: &[u64; 32],
    out: &mut impl Write,
) -> io::Result<()> {
    let title = format!("{} {}", MONTHS[(m as usize).clamp(1, 12) - 1], y);
    writeln!(out)?;
    let centred = format!("{title:^w$}", w = CELL * 7);
    writeln!(out, "{}", centred.trim_end())?;
    let mut head = String::new();
    for d in ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"] {
        head.push_str(&format!("   {d} "));
    }
    writeln!(out, "{}", head.trim_end())?;

    let first = weekday_from_days(days_from_civil(y, m, 1)) as usize;
    let len = days_in_month(y, m) as usize;
    // Counts are worth a row only when some day fires more than once.
    let show_counts = counts.iter().any(|&n| n > 1);
    let mut days_line = " ".repeat(CELL * first);
    let mut count_line = " ".repeat(CELL * first);
    for (d, &n) in counts.iter().enumerate().take(len + 1).skip(1) {
        if n > 0 {
            if ctx.color {
                days_line.push_str(&format!("   {}", format!("{d:>2}").reversed().bold()));
                days_line.push(' ');
            } else {
                days_line.push_str(&format!("  [{d:>2}]"));
            }
            count_line.push_str(&format!("{n:>5} "));
        } else {
            days_line.push_str(&format!("   {d:>2} "));
            count_line.push_str("      ");
        }
        if (first + d) % 7 == 0 || d == len {
            writeln!(out, "{}", days_line.trim_end())?;
            if show_counts && !count_line.trim().is_empty() {
                if ctx.color {
                    writeln!(out, "{}", count_line.trim_end().dimmed())?;
                } else {
                    writeln!(out, "{}", count_line.trim_end())?;
                }
            }
            days_line.clear();
            count_line.clear();
        }
    }
    let total: u64 = counts.iter().sum();
    let days = counts.iter().filter(|&&n| n > 0).count();
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    if show_counts {
        writeln!(
            out,
            "{total} fire times on {days} day{} (the number under a day counts its fire times)",
            plural(days as u64)
        )
    } else if total == 1 {
        writeln!(out, "1 fire time")
    } else {
        writeln!(
            out,
            "{total} fire time{}, one on each marked day",
            plural(total)
        )
    }
}

/// Name the months skipped between `a` and `b` (either direction), if any.
fn write_gap(a: (i32, u32), b: (i32, u32), out: &mut impl Write) -> io::Result<()> {
    let ia = a.0 as i64 * 12 + a.1 as i64 - 1;
    let ib = b.0 as i64 * 12 + b.1 as i64 - 1;
    if (ia - ib).abs() <= 1 {
        return Ok(());
    }
    let step = if ib > ia { 1 } else { -1 };
    let name = |i: i64| format!("{} {}", MONTHS[i.rem_euclid(12) as usize], i.div_euclid(12));
    let (s, e) = (ia + step, ib - step);
    writeln!(out)?;
    if s == e {
        writeln!(out, "(no fire time in {})", name(s))
    } else {
        writeln!(out, "(no fire time from {} to {})", name(s), name(e))
    }
}
