//! `github-nickname`: GitHub Actions accepts the five fields only.

use super::*;

pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if cx.expr.nickname.is_none() {
        return;
    }
    let written = cx.text.trim();
    let fields = match written {
        "@yearly" | "@annually" => Some("0 0 1 1 *"),
        "@monthly" => Some("0 0 1 * *"),
        "@weekly" => Some("0 0 * * 0"),
        "@daily" | "@midnight" => Some("0 0 * * *"),
        "@hourly" => Some("0 * * * *"),
        _ => None,
    };
    let f = cx.finding(
        "github-nickname",
        cx.whole(),
        format!("GitHub Actions does not accept `{written}`: a schedule is five cron fields"),
    );
    let help = match fields {
        Some(x) => format!("write `{x}`"),
        None => "write the five fields; GitHub has no `@reboot`".to_string(),
    };
    out.push(with_help(f, help));
}
