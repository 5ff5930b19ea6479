//! `too-frequent`: the platform runs schedules no more often than its profile's
//! shortest interval (GitHub Actions: every 5 minutes, EventBridge: every minute).

use super::*;

/// How many consecutive fire times are looked at: enough to see every gap of a
/// schedule that repeats within a day at minute resolution.
const LOOK_AT: usize = 1_500;

/// `too-frequent`: two fire times closer than the profile's shortest interval.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let p = cx.expr.dialect.profile();
    let Some(min) = p.min_interval else {
        return;
    };
    if cx.sched.never_fires() || cx.sched.is_reboot() {
        return;
    }
    let zone = Zone::utc();
    let mut times = cx
        .sched
        .iter_after(cx.opts.now, &zone, DstPolicy::Shift)
        .take(LOOK_AT);
    let Some(mut prev) = times.next() else {
        return;
    };
    let mut smallest = i64::MAX;
    for t in times {
        smallest = smallest.min(t - prev);
        prev = t;
    }
    if smallest >= min as i64 {
        return;
    }
    let f = cx.finding(
        "too-frequent",
        cx.whole(),
        format!(
            "fires {} apart at the closest, but {} runs a schedule at most every {}",
            duration_words(smallest),
            p.display,
            duration_words(min as i64)
        ),
    );
    out.push(with_help(
        f,
        format!(
            "{} will not run it more often than every {}; space the times at least that far apart",
            p.display,
            duration_words(min as i64)
        ),
    ));
}

fn duration_words(secs: i64) -> String {
    match secs {
        s if s % 60 == 0 && s / 60 == 1 => "1 minute".to_string(),
        s if s % 60 == 0 => format!("{} minutes", s / 60),
        1 => "1 second".to_string(),
        s => format!("{s} seconds"),
    }
}
