//! `nonportable-question-mark`: `?` in a Unix expression.

use super::*;

/// `nonportable-question-mark`: `?` in a Unix expression.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if cx.expr.dialect != Dialect::Unix || cx.expr.nickname.is_some() {
        return;
    }
    for kind in [FieldKind::DayOfMonth, FieldKind::DayOfWeek] {
        for it in &cx.field(kind).items {
            if it.kind != ItemKind::NoSpecific {
                continue;
            }
            let f = cx.finding(
                "nonportable-question-mark",
                it.span,
                format!(
                    "`?` in {} is not portable: Vixie/ISC cron and most Unix crons reject it",
                    kind.name()
                ),
            );
            out.push(with_help(
                f,
                format!("`?` means `*` here; write `{}`", cx.fixed(it.span, "*")),
            ));
        }
    }
}
