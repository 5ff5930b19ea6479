//! `dst-overlap`: a fire time inside a fall-back overlap.

use super::dst::*;
use super::*;

/// `dst-overlap`: a wall-clock fire time that happens twice in the zone.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let Some(dst) = &cx.opts.dst else {
        return;
    };
    let Some((tr, wall, more)) = dst.first_hit(cx.sched, false) else {
        return;
    };
    let (start, end) = tr.wall_window();
    let mut message = format!(
        "{} {} happens twice in {}: clocks go back from {} to {}",
        date_of(wall),
        time_of(wall),
        dst.zone.name(),
        time_of(end),
        time_of(start)
    );
    if more {
        message.push_str(&format!(
            " (so do its later fire times before {})",
            time_of(end)
        ));
    }
    let policy = cx.dst_policy(dst.policy);
    let which = match policy {
        DstPolicy::Shift | DstPolicy::Skip => {
            format!("the first occurrence ({})", offset_name(tr.before))
        }
        DstPolicy::Quartz => format!("the second occurrence ({})", offset_name(tr.after)),
        DstPolicy::Wall => format!(
            "both occurrences ({} and {})",
            offset_name(tr.before),
            offset_name(tr.after)
        ),
        DstPolicy::Cron if cx.sched.cron_fires_twice(end - start) => format!(
            "both occurrences ({} and {})",
            offset_name(tr.before),
            offset_name(tr.after)
        ),
        DstPolicy::Cron => format!("the first occurrence ({})", offset_name(tr.before)),
    };
    let times = if which.starts_with("both") {
        "twice"
    } else {
        "once"
    };
    let f = cx.finding("dst-overlap", dst_span(cx), message);
    out.push(with_help(
        f,
        format!(
            "with {} it fires {times}, at {which}; to keep an even rhythm choose a time outside {}–{} or a zone without daylight saving",
            policy_label(policy),
            time_of(start),
            time_of(end)
        ),
    ));
}
