//! `l-alone-in-dow`: Quartz `L` alone in day-of-week is Saturday.

use super::*;

/// `l-alone-in-dow`: Quartz day-of-week `L` alone means Saturday.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    for it in &cx.field(FieldKind::DayOfWeek).items {
        if it.kind != ItemKind::SaturdayL {
            continue;
        }
        let f = cx.finding(
            "l-alone-in-dow",
            it.span,
            "`L` alone in day-of-week means Saturday in Quartz".to_string(),
        );
        out.push(with_help(
            f,
            format!(
                "for every Saturday write `{}`; for the last day of the month put `L` in day-of-month, e.g. `0 0 0 L * ?`, and for the last Friday write `6L` (each a different schedule)",
                cx.fixed(it.span, "SAT")
            ),
        ));
    }
}
