//! `dst-gap`: a fire time inside a spring-forward gap.

use super::dst::*;
use super::*;

/// `dst-gap`: a wall-clock fire time that does not exist in the zone.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let Some(dst) = &cx.opts.dst else {
        return;
    };
    let Some((tr, wall, more)) = dst.first_hit(cx.sched, true) else {
        return;
    };
    let (start, end) = tr.wall_window();
    let gap = (tr.after - tr.before) as i64;
    let mut message = format!(
        "{} {} does not exist in {}: clocks jump from {} to {}",
        date_of(wall),
        time_of(wall),
        dst.zone.name(),
        time_of(start),
        time_of(end)
    );
    if more {
        message.push_str(&format!(
            " (nor do its later fire times before {})",
            time_of(end)
        ));
    }
    let policy = cx.dst_policy(dst.policy);
    let what = match policy {
        DstPolicy::Shift => format!(
            "fires at {} {} instead, {} later",
            time_of(wall + gap),
            offset_name(tr.after),
            duration(gap)
        ),
        DstPolicy::Cron if cx.sched.cron_fires_in_gap(gap) => format!(
            "fires once when the gap ends, at {} {}",
            time_of(end),
            offset_name(tr.after)
        ),
        DstPolicy::Skip | DstPolicy::Quartz | DstPolicy::Cron | DstPolicy::Wall => {
            "does not fire at that time that day".to_string()
        }
    };
    let f = cx.finding("dst-gap", dst_span(cx), message);
    out.push(with_help(
        f,
        format!(
            "with {} it {what}; to fire at the same time every day choose a time outside {}–{} or a zone without daylight saving",
            policy_label(policy),
            time_of(start),
            time_of(end)
        ),
    ));
}
