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
            // `0 2 * * 1-5 ?`: five Unix fields and a Quartz habit. With six fields
            // the first is the seconds, so every field moved one place.
            let five = cx.text.trim().trim_end_matches('?').trim_end();
            let appended = kind == FieldKind::DayOfWeek
                && cx.expr.written_fields == 6
                && cx.text.trim_end().ends_with('?')
                && Expr::parse(five, DialectChoice::Unix).is_ok();
            let help = if appended {
                format!(
                    "with 6 fields the first is the seconds, so every field moved one place ({}); for the 5-field expression drop the `?`: `{five}` ({} from the one written)",
                    crate::describe::describe(cx.expr, &Default::default()),
                    crate::expr::fix::DIFFERENT
                )
            } else {
                format!("`?` means `*` here; write `{}`", cx.fixed(it.span, "*"))
            };
            out.push(with_help(f, help));
        }
    }
}
