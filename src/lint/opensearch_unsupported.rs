//! `opensearch-unsupported`: the OpenSearch job scheduler parses cron with
//! cron-utils' `CronType.UNIX` definition: five fields (no seconds, no year),
//! and no `L`, `W` or `#`.

use super::*;

pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    for kind in [FieldKind::Second, FieldKind::Year] {
        let f = cx.field(kind);
        if !f.implicit {
            let found = cx.finding(
                "opensearch-unsupported",
                f.span,
                format!(
                    "OpenSearch reads five cron fields (cron-utils UNIX): the {} field is not accepted",
                    kind.name()
                ),
            );
            out.push(with_help(
                found,
                "write minute hour day-of-month month day-of-week".to_string(),
            ));
        }
    }
    if cx.expr.nickname.is_some() {
        let f = cx.finding(
            "opensearch-unsupported",
            cx.whole(),
            "OpenSearch (cron-utils UNIX) does not accept nicknames".to_string(),
        );
        out.push(with_help(f, "write the five fields".to_string()));
    }
    k8s_special_chars_items(cx, out);
}

fn k8s_special_chars_items(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    super::k8s_special_chars::special_items(
        cx,
        "opensearch-unsupported",
        "OpenSearch (cron-utils UNIX)",
        out,
    );
}
