//! `k8s-dow-7`: Kubernetes CronJobs (and Argo) parse with robfig/cron, whose
//! day-of-week is 0-6; a 7 is rejected when the object is created.

use super::*;

pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let dow = cx.field(FieldKind::DayOfWeek);
    if dow.implicit {
        return;
    }
    for it in &dow.items {
        let seven = !it.named
            && match it.kind {
                ItemKind::Value(v) => v == 7,
                ItemKind::Range(a, b) => a == 7 || b == 7,
                ItemKind::Step { base, .. } => match base {
                    StepBase::From(a) => a == 7,
                    StepBase::Range(a, b) => a == 7 || b == 7,
                    StepBase::Any => false,
                },
                _ => false,
            };
        if !seven {
            continue;
        }
        let written = it.span.slice(cx.text);
        let fixed = match it.kind {
            ItemKind::Value(_) => "0".to_string(),
            _ => written.replace('7', "6"),
        };
        let f = cx.finding(
            "k8s-dow-7",
            it.span,
            format!(
                "Kubernetes reads day-of-week 0-6 (robfig/cron) and rejects the 7 in `{written}`"
            ),
        );
        let help = if matches!(it.kind, ItemKind::Value(_)) {
            format!("write `0` for Sunday: `{}`", cx.fixed(it.span, "0"))
        } else {
            format!("end the range at 6 and add 0 for Sunday (`{fixed},0`), or use names (`SUN`)")
        };
        out.push(with_help(f, help));
    }
}
