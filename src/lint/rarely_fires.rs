//! `rarely-fires`: fewer fire days than years.

use super::*;

/// `rarely-fires`: fewer fire days than years, over the years the year field
/// names from the current year on.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let rule = cx.sched.day_rule();
    // Fast path: every month has a matching day, so every named year fires.
    if rule.always_matches_some_day() || cx.sched.never_fires() || cx.sched.is_reboot() {
        return;
    }
    let year = cx.field(FieldKind::Year);
    let bits = year_field_bits(year);
    let from = cx.opts.now_year.max(MIN_YEAR as i32);
    let mut per_kind: [Option<u32>; 14] = [None; 14];
    let (mut years, mut days) = (0u64, 0u64);
    let (mut first, mut last) = (None, None);
    for y in from..=MAX_YEAR as i32 {
        if !has_year(&bits, y) {
            continue;
        }
        let k = year_kind(y);
        let n = *per_kind[k].get_or_insert_with(|| fire_days_in_kind(cx.sched, k));
        years += 1;
        days += n as u64;
        first.get_or_insert(y);
        last = Some(y);
    }
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    if days >= years {
        return;
    }
    // Point at the day fields that make it rare.
    let dom = cx.field(FieldKind::DayOfMonth);
    let dow = cx.field(FieldKind::DayOfWeek);
    let mut spans: Vec<Span> = [dom, cx.field(FieldKind::Month), dow]
        .into_iter()
        .filter(|f| !f.implicit && !f.is_wildcard())
        .map(|f| f.span)
        .collect();
    if spans.is_empty() {
        spans.push(cx.whole());
    }
    let range = if first == last {
        format!("in {first}")
    } else {
        format!("from {first} to {last}")
    };
    let message = if days == 0 {
        format!("does not fire in any year {range}")
    } else {
        format!(
            "fires less than once a year: on {} in {} {range}",
            plural(days, "day", "days"),
            plural(years, "year", "years")
        )
    };
    let mut f = cx.finding("rarely-fires", spans[0], message);
    f.other_spans = spans[1..].to_vec();
    let leap_day = rule.dom_days == 1 << 29 && cx.sched.bits().3 == 1 << 2;
    let help = if leap_day {
        "February 29 exists only in leap years; if that is intended, pass `--allow rarely-fires`"
    } else {
        "the day-of-month, month and day-of-week fields rarely coincide; if that is intended, pass `--allow rarely-fires`"
    };
    out.push(with_help(f, help.to_string()));
}
