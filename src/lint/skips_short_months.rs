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
        let what = if last == "LW" {
            "the last weekday"
        } else {
            "the last day"
        };
        let only_feb_29 = missing == 1 << 2 && first_day == 29 && months == 1 << 2;
        let help = if cx.expr.dialect == Dialect::Unix {
            // Vixie cron and cronie cannot parse `L`; only OCPS crons (and cronkit) can.
            format!(
                "for {what} of every month OCPS crons take `{last}` (`{}`), but Vixie cron and cronie have no `{last}`: there, run on days 28–31 and let the command check the date, `{}` with `[ \"$(date -d tomorrow +\\%d)\" = 01 ] && command` (the expression alone is a different schedule)",
                cx.fixed(it.span, last),
                cx.fixed(it.span, "28-31"),
            )
        } else if only_feb_29 && single {
            format!(
                "February 29 exists only in leap years; for the last day of February every year write `{}` ({}: February 28 in common years)",
                cx.fixed(it.span, last),
                crate::expr::fix::DIFFERENT,
            )
        } else if single {
            format!(
                "for {what} of every month write `{last}`: `{}` ({}: it fires in every month)",
                cx.fixed(it.span, last),
                crate::expr::fix::DIFFERENT,
            )
        } else {
            format!("for {what} of every month use `{last}` (in Quartz, in an expression of its own: `L` cannot be part of a list)")
        };
        out.push(with_help(f, help));
    }
}
