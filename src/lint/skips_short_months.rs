//! `skips-short-months`: day 29-31 in months that lack it.

use super::*;

/// `skips-short-months`: a day-of-month item whose days are all 29–31, while a
/// selected month lacks its first day (February lacks 29 in common years).
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let dom = cx.field(FieldKind::DayOfMonth);
    if dom.implicit || cx.sched.never_fires() {
        return;
    }
    let (_, _, _, months) = cx.sched.bits();
    let single = dom.items.len() == 1;
    for it in &dom.items {
        let first_day = match it.kind {
            ItemKind::NearestWeekday(n) => n as u32,
            _ => match item_run(it, 1, 31) {
                // every value of the item is 29 or later
                Some((a, _, _)) if a >= 29 => a as u32,
                _ => continue,
            },
        };
        // Months that miss the day in some year: shorter ones, and February
        // for day 29 (common years).
        let missing: u16 = (1..=12u32)
            .filter(|&m| months & (1 << m) != 0)
            .filter(|&m| max_month_len(m) < first_day || (m == 2 && first_day == 29))
            .fold(0, |acc, m| acc | 1 << m);
        if missing == 0 {
            continue;
        }
        let written = it.span.slice(cx.text);
        let message = if missing == 1 << 2 && first_day == 29 {
            format!("`{written}` skips February in common years: only leap years have a day 29")
        } else {
            format!(
                "`{written}` skips {}: {} no day {first_day}",
                month_list(missing),
                if missing.count_ones() == 1 {
                    "it has"
                } else {
                    "they have"
                }
            )
        };
        let f = cx.finding("skips-short-months", it.span, message);
        let last = match it.kind {
            ItemKind::NearestWeekday(_) => "LW",
            _ => "L",
        };
        let help = if single || cx.expr.dialect == Dialect::Unix {
            format!(
                "for the last day of every month write `{last}`: `{}`",
                cx.fixed(it.span, last)
            )
        } else {
            format!("for the last day of every month use `{last}` (in Quartz, in an expression of its own: `L` cannot be part of a list)")
        };
        out.push(with_help(f, help));
    }
}
