//! `quartz-dow-numbering`: Quartz weekday numbers that read like Unix ones.

use super::*;

/// `quartz-dow-numbering`, the heuristic: a Quartz day-of-week written with
/// numbers that reads as a weekday set in Unix numbering (1 = Monday) but as a
/// set starting on Sunday in Quartz (1 = Sunday). It fires for a numeric range
/// `1-5` (Unix MON-FRI, Quartz SUN-THU) or `1-6` (Unix MON-SAT, Quartz
/// SUN-FRI), and for a list of numbers that is exactly 1, 2, 3, 4, 5. Names
/// (`MON-FRI`, `SUN-THU`) never fire it, so writing names is the fix either
/// way. A `0` (Sunday in Unix) never parses in Quartz: that is a parse error.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if cx.expr.dialect != Dialect::Quartz {
        return;
    }
    let dow = cx.field(FieldKind::DayOfWeek);
    for it in &dow.items {
        if it.named {
            continue;
        }
        let (unix, quartz, quartz_nums) = match it.kind {
            ItemKind::Range(1, 5) => ("MON-FRI", "SUN-THU", "2-6"),
            ItemKind::Range(1, 6) => ("MON-SAT", "SUN-FRI", "2-7"),
            _ => continue,
        };
        let f = cx.finding(
            "quartz-dow-numbering",
            it.span,
            format!(
                "Quartz numbers days from 1 = Sunday: `{}` is {quartz}, not {unix}",
                it.span.slice(cx.text)
            ),
        );
        out.push(with_help(
            f,
            format!(
                "for {unix} write `{}` (or `{quartz_nums}`: a different schedule from the written {quartz}); if {quartz} is meant, write `{quartz}` to say so",
                cx.fixed(it.span, unix)
            ),
        ));
    }
    // A list that is exactly 1,2,3,4,5 (Unix MON..FRI).
    let mut values = 0u16;
    let mut all_plain = dow.items.len() > 1;
    for it in &dow.items {
        match it.kind {
            ItemKind::Value(v) if !it.named => values |= 1 << v,
            _ => all_plain = false,
        }
    }
    if all_plain && values == 0b11_1110 {
        let f = cx.finding(
            "quartz-dow-numbering",
            dow.span,
            format!(
                "Quartz numbers days from 1 = Sunday: `{}` is SUN,MON,TUE,WED,THU, not MON-FRI",
                dow.span.slice(cx.text)
            ),
        );
        out.push(with_help(
            f,
            format!(
                "for Monday to Friday write `{}` (a different schedule from the written Sunday to Thursday); if Sunday to Thursday is meant, write `SUN-THU` to say so",
                cx.fixed(dow.span, "MON-FRI")
            ),
        ));
    }
}
