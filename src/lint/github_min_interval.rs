//! `github-min-interval`: GitHub Actions runs a schedule at most every 5
//! minutes. Checked over the whole schedule (the smallest gap between two
//! consecutive fire times anywhere in the coming year), not just the first
//! gap: `0,1 * * * *` fires twice a minute apart every hour.

use super::*;

/// GitHub's shortest interval, in minutes.
const MIN_MINUTES: u32 = 5;

pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if cx.sched.never_fires() || cx.sched.is_reboot() {
        return;
    }
    let (_, minutes, hours, _) = cx.sched.bits();
    let mins: Vec<u32> = (0..60).filter(|m| minutes >> m & 1 == 1).collect();
    let (Some(&first), Some(&last)) = (mins.first(), mins.last()) else {
        return;
    };
    // Inside an hour: consecutive minutes of the minute field.
    let mut smallest: Option<(u32, u32, u32)> = mins
        .windows(2)
        .map(|w| (w[1] - w[0], w[0], w[1]))
        .min_by_key(|g| g.0);
    // Across an hour boundary: the last minute of one hour to the first of the next.
    let wrap = 60 - last + first;
    if wrap < MIN_MINUTES && smallest.map_or(true, |s| wrap < s.0) && wraps(cx, hours, last) {
        smallest = Some((wrap, last, first));
    }
    let Some((gap, a, b)) = smallest else {
        return;
    };
    if gap >= MIN_MINUTES {
        return;
    }
    let minute = cx.field_span(FieldKind::Minute);
    let f = cx.finding(
        "github-min-interval",
        minute,
        format!(
            "fires {} apart (minute {a} then minute {b}): GitHub Actions runs a schedule at most every {MIN_MINUTES} minutes, so runs are dropped",
            plural(gap as u64, "minute", "minutes")
        ),
    );
    out.push(with_help(
        f,
        format!(
            "space the runs at least {MIN_MINUTES} minutes apart, e.g. `{}`",
            cx.fixed(minute, "*/5")
        ),
    ));
}

/// Whether some hour's last fire is followed by the next hour's first: two
/// adjacent hours in the hour field, or 23:xx then 00:xx on consecutive days.
fn wraps(cx: &Cx<'_>, hours: u32, last: u32) -> bool {
    if (0..23).any(|h| hours >> h & 3 == 3) {
        return true;
    }
    if hours & 1 == 0 || hours >> 23 & 1 == 0 {
        return false;
    }
    let day0 = cx.opts.now().div_euclid(86_400);
    (0..366).any(|d| {
        let t = (day0 + d) * 86_400 + 23 * 3600 + last as i64 * 60;
        cx.sched.next_local(t - 1) == Some(t)
            && cx
                .sched
                .next_local(t)
                .is_some_and(|n| n - t < MIN_MINUTES as i64 * 60)
    })
}
