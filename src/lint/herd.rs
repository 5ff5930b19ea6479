//! `herd`: a thundering herd. Across every schedule one `validate` run reads
//! (every file, every directory walked, every `-e`), more than `--herd-threshold`
//! of them (default 10) fire in the same minute: twelve nightly jobs at
//! `0 0 * * *` all start in one second, and fight for the same runners, database
//! and API quota. GitHub documents that runs at the top of the hour are delayed or
//! dropped under load; Jenkins invented `H` for exactly this.
//!
//! Unlike the other rules this one is not about one expression: [`crate::check`]
//! collects every schedule of the run ([`crate::check::herd`]), and after the last
//! input [`crate::load::find_herds`] finds the crowded minutes of the coming week
//! (compared as UTC instants, each schedule in its own zone) and groups them by
//! which schedules fire there. Each group is reported once, at its first schedule
//! (in path order), with the others named.

use crate::schedule::calendar::{civil_from_days, weekday_from_days};

/// The threshold when `--herd-threshold` is not given: more than 10 schedules in
/// one minute is a herd.
pub const DEFAULT_THRESHOLD: u32 = 10;

/// How many of a herd's schedules are named in its message.
pub const NAMED: usize = 8;

/// `Mon 23 Nov 2026 00:00 UTC`.
pub fn utc_minute(t: i64) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(day);
    format!(
        "{} {d} {} {y} {:02}:{:02} UTC",
        DAYS[weekday_from_days(day) as usize],
        MONTHS[m as usize - 1],
        secs / 3600,
        secs / 60 % 60
    )
}

/// The finding's message: how many fire together, when, and who.
///
/// ```
/// use cronkit::lint::herd::message;
/// let names: Vec<String> = (1..=3).map(|i| format!("job{i}.cron:1")).collect();
/// assert_eq!(
///     message(12, 1_795_392_000, 7, &names, 9),
///     "12 schedules fire in the same minute, 7 times in the week checked (first Mon 23 Nov 2026 00:00 UTC): job1.cron:1, job2.cron:1, job3.cron:1 and 9 more"
/// );
/// ```
pub fn message(
    schedules: u64,
    first: i64,
    minutes: usize,
    names: &[String],
    more: usize,
) -> String {
    let when = match minutes {
        1 => format!("once in the week checked ({})", utc_minute(first)),
        n => format!(
            "{n} times in the week checked (first {})",
            utc_minute(first)
        ),
    };
    let mut who = names.join(", ");
    if more > 0 {
        who.push_str(&format!(" and {more} more"));
    }
    format!("{schedules} schedules fire in the same minute, {when}: {who}")
}

/// The finding's help: how to spread them, and how to change the threshold.
pub fn help(threshold: u32) -> String {
    format!(
        "give each job its own minute: on Jenkins write `H` for the minute (`H 0 * * *`); elsewhere `cronkit convert --spread JOB-NAME --spread-window 00:00-03:00 -e EXPR` picks a stable per-job time; more than {threshold} in one minute is a herd (--herd-threshold N)"
    )
}
