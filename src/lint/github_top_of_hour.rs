//! `github-top-of-hour`: GitHub documents that scheduled runs are delayed
//! (and at high load dropped) at the start of every hour.

use super::*;

pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let (_, minutes, _, _) = cx.sched.bits();
    let minute = cx.field(FieldKind::Minute);
    if minutes != 1 || minute.implicit || cx.sched.never_fires() {
        return;
    }
    let f = cx.finding(
        "github-top-of-hour",
        minute.span,
        "runs at minute 0, when GitHub Actions is busiest: scheduled runs are most often delayed or dropped then".to_string(),
    );
    out.push(with_help(
        f,
        format!(
            "pick another minute, e.g. `{}`",
            cx.fixed(minute.span, "17")
        ),
    ));
}
