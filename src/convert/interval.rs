//! Writing an interval schedule (`@every 5m`, `rate(5 minutes)`) for another
//! platform.
//!
//! An interval fires every so long counted from when the schedule is created;
//! a cron expression fires at clock times. No cron is equivalent to an
//! interval: even when the period divides its unit (`@every 5m` and
//! `*/5 * * * *` have the same rate), the interval's times are at the minute and
//! second the schedule was created, which the text does not say. So convert
//! refuses (`interval-not-cron`) and names, in its help, the clock-aligned cron
//! of the same rate for a user who wants that instead; it writes an interval
//! only for a platform that has interval schedules of its own (the profile
//! table's [`Profile::interval`](crate::Profile::interval)): `@every` for
//! Kubernetes, `rate(...)` for EventBridge, which count from creation too.

use super::{convert, Conversion, ConvertError, Parsed, Target};
use crate::expr::interval::{period_words, IntervalExpr};
use crate::expr::IntervalSyntax;
use crate::formats::{format_interval, interval_to_cron};
use crate::sanitize::quote;
use crate::DialectChoice;

/// `iv` written for `target`: the same interval in the target's own syntax,
/// or why it cannot be written.
///
/// ```
/// use cronkit::convert::{interval::convert_interval, Target};
/// use cronkit::expr::interval::IntervalExpr;
/// use cronkit::Dialect;
/// let every = IntervalExpr::parse("@every 2h", Dialect::K8s).unwrap().unwrap();
/// let rate = convert_interval(&every, Target::Profile(Dialect::Eventbridge)).unwrap();
/// assert_eq!(rate.expressions, ["rate(2 hours)"]);
/// let err = convert_interval(&every, Target::Unix).unwrap_err();
/// assert_eq!(err.code, "interval-not-cron");
/// ```
pub fn convert_interval(iv: &IntervalExpr, target: Target) -> Result<Conversion, ConvertError> {
    let to = target.dialect().profile();
    let seconds = iv.seconds;
    let written = match to.interval {
        Some(IntervalSyntax::Every) => Some(format!("@every {}", go_duration(seconds))),
        Some(IntervalSyntax::Rate) => rate(seconds),
        None => None,
    };
    let Some(text) = written else {
        return Err(not_cron(iv, target));
    };
    let mut notes = Vec::new();
    if to.dialect != iv.dialect {
        notes.push(format!(
            "both count from when the schedule is created: {}; {}",
            iv.syntax.anchor(),
            to.interval.map_or("", IntervalSyntax::anchor)
        ));
    }
    Ok(Conversion {
        expressions: vec![text],
        notes,
    })
}

/// `rate(value unit)` for a whole number of minutes, in the largest unit that
/// divides it; `None` for seconds (EventBridge rates have no seconds).
fn rate(seconds: u64) -> Option<String> {
    let (n, unit) = [(86_400, "day"), (3_600, "hour"), (60, "minute")]
        .into_iter()
        .find(|(size, _)| seconds % size == 0)
        .map(|(size, unit)| (seconds / size, unit))?;
    Some(format!("rate({n} {unit}{})", if n == 1 { "" } else { "s" }))
}

/// `5400` → `1h30m0s`-free Go text: `1h30m`.
fn go_duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::new();
    for (n, u) in [(h, "h"), (m, "m"), (s, "s")] {
        if n > 0 {
            out.push_str(&format!("{n}{u}"));
        }
    }
    out
}

/// Why no cron (or no interval of the target) says `iv`, with the nearest thing
/// that can be written.
fn not_cron(iv: &IntervalExpr, target: Target) -> ConvertError {
    let to = target.dialect().profile();
    if to.interval.is_some() {
        // the target has intervals, not this period (EventBridge: whole minutes)
        return ConvertError::new(
            "interval-not-in-target",
            None,
            format!(
                "`{}` fires every {}; {} intervals are whole minutes",
                quote(&iv.text),
                period_words(iv.seconds),
                to.display
            ),
        );
    }
    let e = ConvertError::new(
        "interval-not-cron",
        None,
        format!(
            "`{}` fires every {} counted from when the schedule starts; a {} expression fires at clock times, so none is equivalent",
            quote(&iv.text),
            period_words(iv.seconds),
            to.display
        ),
    );
    let spec = iv.spec();
    match interval_to_cron(&spec) {
        Ok(c) => {
            // the clock-aligned cron of the same rate, itself converted (and checked)
            let same_rate = Parsed::parse(&c.expression, DialectChoice::Quartz)
                .ok()
                .and_then(|p| convert(&[p], target, false).ok())
                .map(|c| c.expressions.join(" + "));
            match same_rate {
                Some(cron) => e.help(format!(
                    "`{cron}` fires at the same rate on clock boundaries (from the start of the {}); it is a different schedule unless the interval started at one of its times; use it if that is what you want",
                    if iv.seconds < 3_600 { "hour" } else { "day" }
                )),
                None => e,
            }
        }
        Err(why) => e.help(format!(
            "no cron fires every {} at all: {why}",
            format_interval(iv.seconds)
        )),
    }
}
