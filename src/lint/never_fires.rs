//! `never-fires`: no time from 1970 to 2199 matches.

use super::*;

/// `never-fires`: the compiled schedule has no year left in 1970–2199.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if !cx.sched.never_fires() || cx.sched.is_reboot() {
        return;
    }
    let dom = cx.field(FieldKind::DayOfMonth);
    let month = cx.field(FieldKind::Month);
    let (_, _, _, months) = cx.sched.bits();
    let rule = cx.sched.day_rule();
    // The common case: plain days that no selected month is long enough for.
    let plain_dom_only = rule.dom_last_offsets == 0
        && rule.dom_nearest_weekday == 0
        && rule.dom_last_nearest_weekday == 0
        && rule.dom_days != 0
        && cx.field(FieldKind::DayOfWeek).is_wildcard();
    let smallest_day = rule.dom_days.trailing_zeros();
    let too_short = plain_dom_only
        && (1..=12u32)
            .filter(|m| months & (1 << m) != 0)
            .all(|m| max_month_len(m) < smallest_day);
    let reason = if too_short {
        format!(
            "{} {} no day {}",
            month_list(months),
            if months.count_ones() == 1 {
                "has"
            } else {
                "have"
            },
            smallest_day
        )
    } else {
        "no date from 1970 to 2199 matches the day, month and year fields together".to_string()
    };
    let mut spans: Vec<Span> = [
        FieldKind::DayOfMonth,
        FieldKind::Month,
        FieldKind::DayOfWeek,
        FieldKind::Year,
    ]
    .iter()
    .map(|k| cx.field(*k))
    .filter(|f| !f.implicit && !f.is_wildcard())
    .map(|f| f.span)
    .collect();
    if spans.is_empty() {
        spans.push(if dom.implicit { cx.whole() } else { month.span });
    }
    let mut f = cx.finding("never-fires", spans[0], format!("never fires: {reason}"));
    f.other_spans = spans[1..].to_vec();
    out.push(with_help(
        f,
        "check the day-of-month, month, day-of-week and year fields together; if the job is disabled on purpose, pass `--allow never-fires`".to_string(),
    ));
}
