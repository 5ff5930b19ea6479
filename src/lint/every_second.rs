//! `every-second`: the seconds field selects all 60 seconds.

use super::*;

/// `every-second`: the seconds field selects all 60 seconds.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let second = cx.field(FieldKind::Second);
    let (secs, minutes, hours, _) = cx.sched.bits();
    if second.implicit || secs != (1u64 << 60) - 1 || cx.sched.never_fires() {
        return;
    }
    let all_day = minutes == (1u64 << 60) - 1 && hours == (1u32 << 24) - 1;
    let message = if all_day {
        "fires every second (86400 times a day)".to_string()
    } else {
        "fires every second of each matching minute (60 times a minute)".to_string()
    };
    let f = cx.finding("every-second", second.span, message);
    out.push(with_help(
        f,
        format!(
            "to fire once a minute put `0` in the seconds field: `{}` (a different schedule: once a minute instead of 60 times)",
            cx.fixed(second.span, "0")
        ),
    ));
}
