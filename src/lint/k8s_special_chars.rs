//! `k8s-special-chars`: robfig/cron (Kubernetes, Argo) has no `L`, `W` or `#`.

use super::*;

pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    special_items(cx, "k8s-special-chars", "Kubernetes (robfig/cron)", out);
}

/// Report every `L`, `W`, `#` form in the day fields as `code`.
pub(super) fn special_items(cx: &Cx<'_>, code: &'static str, who: &str, out: &mut Vec<Finding>) {
    for kind in [FieldKind::DayOfMonth, FieldKind::DayOfWeek] {
        for it in &cx.field(kind).items {
            let special = matches!(
                it.kind,
                ItemKind::Last
                    | ItemKind::LastOffset(_)
                    | ItemKind::LastWeekday
                    | ItemKind::LastOffsetWeekday(_)
                    | ItemKind::NearestWeekday(_)
                    | ItemKind::LastOfWeekday(_)
                    | ItemKind::NthWeekday(..)
                    | ItemKind::SaturdayL
            );
            if !special {
                continue;
            }
            let f = cx.finding(
                code,
                it.span,
                format!(
                    "{who} does not accept `{}` in {}",
                    it.span.slice(cx.text),
                    kind.name()
                ),
            );
            out.push(with_help(
                f,
                "list the days explicitly (e.g. `28-31` with a check in the job for the last day)"
                    .to_string(),
            ));
        }
    }
}
