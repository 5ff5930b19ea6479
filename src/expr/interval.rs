//! Interval schedules: the text some platforms read besides cron, which fires
//! every so long counted from when the schedule starts instead of at clock times.
//!
//! | syntax | platform | read as |
//! |---|---|---|
//! | `@every <duration>` | Kubernetes CronJob, robfig/cron v3.0.1 | a Go duration (`90s`, `1h30m`, `1.5h`); robfig keeps whole seconds and runs anything under one second every second |
//! | `rate(value unit)` | AWS EventBridge | a positive whole number and `minute`/`hour`/`day` (value 1) or `minutes`/`hours`/`days` |
//!
//! Which profile reads which is [`Profile::interval`](super::Profile::interval);
//! nothing here branches on a platform's name. The period is an
//! [`IntervalSpec`], the type Elasticsearch Watcher and OpenSearch interval
//! schedules already use, and [`crate::schedule::Interval`] gives the fire
//! times from a start.
//!
//! Strictness follows the cron parser's rule: what the platform rejects is an
//! error with the platform's code, and what it accepts but reads differently
//! from what is written is rejected too, saying what the platform would do
//! (`@every 0s` runs every second; `@every 1.5s` every second, the half dropped).
//!
//! Sources: robfig/cron v3.0.1 `parser.go` (`parseDescriptor`: the text after
//! `@every ` goes to Go's `time.ParseDuration`) and `constantdelay.go` (`Every`:
//! under one second becomes one second, fractions of a second are dropped;
//! `Next`: `t + delay`, truncated to the second); AWS EventBridge, "Rate
//! expressions reference"
//! (<https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html>).

use super::profile::IntervalSyntax;
use super::{Diagnostic, Dialect, Span};
use crate::formats::IntervalSpec;
use crate::sanitize::quote;

/// An interval schedule read under a profile: `@every 90s`, `rate(5 minutes)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntervalExpr {
    /// The profile it was read under.
    pub dialect: Dialect,
    /// How it was written.
    pub syntax: IntervalSyntax,
    /// The period the platform runs it with, in whole seconds (at least 1).
    pub seconds: u64,
    /// The text, without surrounding white space.
    pub text: String,
}

/// The words that start an interval schedule, whichever profile reads it: used
/// to say which profile would read a text another profile rejects.
pub fn written_as(text: &str) -> Option<IntervalSyntax> {
    let t = text.trim();
    if t == "@every"
        || t.strip_prefix("@every")
            .is_some_and(|r| r.starts_with(char::is_whitespace))
    {
        Some(IntervalSyntax::Every)
    } else if t.starts_with("rate(") {
        Some(IntervalSyntax::Rate)
    } else {
        None
    }
}

impl IntervalExpr {
    /// Read `text` as `dialect`'s interval schedule. `None` when the text is not
    /// written as that profile's interval (it is cron text, or the profile has
    /// none); otherwise the schedule or what is wrong with it.
    ///
    /// ```
    /// use cronkit::expr::interval::IntervalExpr;
    /// use cronkit::Dialect;
    /// let e = IntervalExpr::parse("@every 1h30m", Dialect::K8s).unwrap().unwrap();
    /// assert_eq!(e.seconds, 5400);
    /// let r = IntervalExpr::parse("rate(5 minutes)", Dialect::Eventbridge).unwrap().unwrap();
    /// assert_eq!(r.seconds, 300);
    /// assert_eq!(IntervalExpr::parse("rate(1 minutes)", Dialect::Eventbridge).unwrap().unwrap_err().code, "eventbridge-rate");
    /// assert_eq!(IntervalExpr::parse("@every 0s", Dialect::K8s).unwrap().unwrap_err().code, "every-rounded");
    /// assert!(IntervalExpr::parse("*/5 * * * *", Dialect::K8s).is_none());
    /// assert!(IntervalExpr::parse("@every 5m", Dialect::Unix).is_none());
    /// ```
    pub fn parse(text: &str, dialect: Dialect) -> Option<Result<IntervalExpr, Diagnostic>> {
        let syntax = dialect.profile().interval?;
        if written_as(text) != Some(syntax) {
            return None;
        }
        let lead = text.len() - text.trim_start().len();
        let body = text.trim();
        let whole = Span::new(lead, lead + body.len());
        let read = match syntax {
            IntervalSyntax::Every => every(body, lead),
            IntervalSyntax::Rate => rate(body, lead).map_err(|(why, span)| {
                Diagnostic::new("eventbridge-rate", format!("{why} in `{}`", quote(body)))
                    .at(span.unwrap_or(whole))
                    .help("AWS EventBridge reads `rate(1 minute)`, `rate(5 minutes)`, `rate(1 hour)`, `rate(12 hours)`, `rate(1 day)`, `rate(7 days)`")
            }),
        };
        Some(
            read.map(|seconds| IntervalExpr {
                dialect,
                syntax,
                seconds,
                text: body.to_string(),
            })
            .map_err(|mut d| {
                d.dialect = Some(dialect);
                d.input = text.to_string();
                d
            }),
        )
    }

    /// The period as the interval type Watcher and OpenSearch schedules use (no
    /// start: the platform starts counting when the schedule is created).
    pub fn spec(&self) -> IntervalSpec {
        IntervalSpec {
            seconds: self.seconds,
            start_time_ms: None,
        }
    }

    /// One sentence: "Every 5 minutes, counted from when the schedule starts".
    pub fn describe(&self) -> String {
        describe_period(self.seconds)
    }
}

/// "Every 5 minutes, counted from when the schedule starts" for a period in seconds.
pub fn describe_period(seconds: u64) -> String {
    format!(
        "Every {}, counted from when the schedule starts",
        period_words(seconds)
    )
}

/// `300` → "5 minutes", `60` → "minute", `5400` → "1 hour and 30 minutes":
/// the period in days, hours, minutes and seconds, exactly.
pub fn period_words(seconds: u64) -> String {
    let parts = [
        (seconds / 86_400, "day"),
        (seconds / 3_600 % 24, "hour"),
        (seconds / 60 % 60, "minute"),
        (seconds % 60, "second"),
    ];
    let words: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|&(n, unit)| match n {
            1 => format!("1 {unit}"),
            _ => format!("{n} {unit}s"),
        })
        .collect();
    match words.as_slice() {
        [] => "0 seconds".to_string(),
        // "every minute", not "every 1 minute"
        [one] if one.starts_with("1 ") => one[2..].to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

// ---------------------------------------------------------------------------
// `@every <duration>`: robfig/cron

/// Nanoseconds in a second.
const SECOND_NS: i128 = 1_000_000_000;

fn every(body: &str, lead: usize) -> Result<u64, Diagnostic> {
    let rest = &body["@every".len()..];
    let at = |from: usize, to: usize| Span::new(lead + from, lead + to);
    let Some(duration) = rest.strip_prefix(' ') else {
        // `@every` alone, or a tab after it: robfig looks for "@every " exactly
        return Err(Diagnostic::new(
            "every-duration",
            if rest.is_empty() {
                "`@every` needs a duration".to_string()
            } else {
                "`@every` and its duration are separated by one space".to_string()
            },
        )
        .at(at(0, body.len()))
        .help("e.g. `@every 5m`, `@every 1h30m`, `@every 90s`"));
    };
    let span = at(7, body.len());
    let ns = go_duration(duration).map_err(|why| {
        Diagnostic::new(
            "every-duration",
            format!("`{}` is not a Go duration: {why}", quote(duration)),
        )
        .at(span)
        .help("a Go duration is numbers with units h, m, s, ms, us or ns, without spaces: `@every 5m`, `@every 1h30m`, `@every 90s`")
    })?;
    // robfig `Every`: under a second becomes a second; fractions of a second are dropped
    if ns < SECOND_NS {
        return Err(Diagnostic::new(
            "every-rounded",
            format!(
                "`@every {}` is {}: robfig/cron runs it every second",
                quote(duration),
                if ns < 0 {
                    "negative"
                } else if ns == 0 {
                    "zero"
                } else {
                    "under one second"
                }
            ),
        )
        .at(span)
        .help("write the period you mean, at least `1s`; e.g. `@every 1m`"));
    }
    let seconds = ns / SECOND_NS;
    if ns % SECOND_NS != 0 {
        let kept = format_go(seconds as u64);
        return Err(Diagnostic::new(
            "every-rounded",
            format!(
                "robfig/cron keeps whole seconds: `@every {}` runs every {kept}",
                quote(duration)
            ),
        )
        .at(span)
        .help(format!("write `@every {kept}` if that is what you mean")));
    }
    Ok(seconds as u64)
}

/// `5400` → `1h30m`: whole seconds as a Go duration.
fn format_go(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

/// Go's `time.ParseDuration`: nanoseconds, or why the text is not a duration.
///
/// The grammar is `[-+]?([0-9]*(\.[0-9]*)?unit)+` with the units `ns`, `us`,
/// `µs`, `μs`, `ms`, `s`, `m`, `h`, or `0` alone; the magnitude must fit in a
/// signed 64-bit count of nanoseconds (about 292 years). Written from the Go 1.19
/// documentation and behaviour, and pinned against robfig/cron (which calls it)
/// by `tests/profiles_k8s_every.rs`. Quirks kept: the digits before the point
/// are exact, those after it go through a floating-point product, as in Go.
pub fn go_duration(text: &str) -> Result<i128, String> {
    const LIMIT: u64 = 1 << 63;
    let invalid = || format!("invalid duration `{}`", quote(text));
    let mut s = text.as_bytes();
    let mut negative = false;
    if let Some((&c, rest)) = s.split_first() {
        if c == b'-' || c == b'+' {
            negative = c == b'-';
            s = rest;
        }
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // the whole part, exact; more than 2^63 is an error
        let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
        let mut whole: u64 = 0;
        for &c in &s[..digits] {
            if whole > LIMIT / 10 {
                return Err(invalid());
            }
            whole = whole * 10 + u64::from(c - b'0');
            if whole > LIMIT {
                return Err(invalid());
            }
        }
        let before = digits > 0;
        s = &s[digits..];
        // the fraction: digits past 63 bits of precision are read and ignored
        let (mut frac, mut scale, mut after) = (0u64, 1f64, false);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
            after = n > 0;
            let mut full = false;
            for &c in &s[..n] {
                if full {
                    continue;
                }
                if frac > (LIMIT - 1) / 10 {
                    full = true;
                    continue;
                }
                let next = frac * 10 + u64::from(c - b'0');
                if next > LIMIT {
                    full = true;
                    continue;
                }
                frac = next;
                scale *= 10.0;
            }
            s = &s[n..];
        }
        if !before && !after {
            return Err(invalid());
        }
        // the unit runs to the next digit or point
        let n = s
            .iter()
            .take_while(|&&c| c != b'.' && !c.is_ascii_digit())
            .count();
        if n == 0 {
            return Err(format!("missing unit in duration `{}`", quote(text)));
        }
        let unit_text = &s[..n];
        s = &s[n..];
        let unit: u64 = match unit_text {
            b"ns" => 1,
            // `µs` (U+00B5) and `μs` (U+03BC)
            b"us" | b"\xc2\xb5s" | b"\xce\xbcs" => 1_000,
            b"ms" => 1_000_000,
            b"s" => 1_000_000_000,
            b"m" => 60_000_000_000,
            b"h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "unknown unit `{}` in duration `{}` (h, m, s, ms, us or ns)",
                    quote(&String::from_utf8_lossy(unit_text)),
                    quote(text)
                ))
            }
        };
        if whole > LIMIT / unit {
            return Err(invalid());
        }
        let mut v = whole * unit;
        if frac > 0 {
            // as Go: float64(f) * (float64(unit) / scale), truncated
            v += (frac as f64 * (unit as f64 / scale)) as u64;
            if v > LIMIT {
                return Err(invalid());
            }
        }
        // Go adds in uint64 and checks after each part; 2^63 + 2^63 wraps to 0
        total = total.wrapping_add(v);
        if total > LIMIT {
            return Err(invalid());
        }
    }
    if negative {
        return Ok(-i128::from(total));
    }
    if total > LIMIT - 1 {
        return Err(invalid());
    }
    Ok(i128::from(total))
}

// ---------------------------------------------------------------------------
// `rate(value unit)`: AWS EventBridge

/// The period of `rate(value unit)` in seconds, or what is wrong (with the span
/// of the offending part, relative to the text before `lead` is added).
///
/// AWS: "value: a positive number. unit: minute | minutes | hour | hours | day |
/// days. If the value is equal to 1, then the unit must be singular. If the
/// value is greater than 1, the unit must be plural."
pub(crate) fn rate(body: &str, lead: usize) -> Result<u64, (String, Option<Span>)> {
    let Some(inner) = body.strip_prefix("rate(").and_then(|r| r.strip_suffix(')')) else {
        return Err(("a rate is written `rate(value unit)`".to_string(), None));
    };
    let inner_at = lead + 5;
    let parts: Vec<(usize, &str)> = inner
        .split_ascii_whitespace()
        .map(|p| (p.as_ptr() as usize - inner.as_ptr() as usize, p))
        .collect();
    let span = |(at, p): (usize, &str)| Some(Span::new(inner_at + at, inner_at + at + p.len()));
    let [value, unit] = parts[..] else {
        return Err((
            format!("`{}` is not `value unit`", quote(inner)),
            Some(Span::new(inner_at, inner_at + inner.len())),
        ));
    };
    let n: u64 = match value.1.parse() {
        Ok(n) if n > 0 && value.1.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => {
            return Err((
                format!("`{}` is not a positive whole number", quote(value.1)),
                span(value),
            ))
        }
    };
    let (size, singular) = match unit.1 {
        "minute" => (60, true),
        "minutes" => (60, false),
        "hour" => (3_600, true),
        "hours" => (3_600, false),
        "day" => (86_400, true),
        "days" => (86_400, false),
        other => {
            return Err((
                format!(
                    "`{}` is not a rate unit (minute, hour or day; minutes, hours or days)",
                    quote(other)
                ),
                span(unit),
            ))
        }
    };
    if n == 1 && !singular {
        return Err((
            format!(
                "with the value 1 the unit is singular: `{}`, not `{}`",
                unit.1.trim_end_matches('s'),
                unit.1
            ),
            span(unit),
        ));
    }
    if n != 1 && singular {
        return Err((
            format!(
                "with the value {n} the unit is plural: `{}s`, not `{}`",
                unit.1, unit.1
            ),
            span(unit),
        ));
    }
    n.checked_mul(size)
        .filter(|&s| s <= MAX_RATE_SECONDS)
        .ok_or_else(|| (format!("`{}` is too large", quote(inner)), span(value)))
}

/// The longest rate cronkit reads: 1000 years, far beyond any schedule (AWS
/// documents no upper bound), and small enough that times stay in range.
const MAX_RATE_SECONDS: u64 = 1000 * 366 * 86_400;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        let ok = |s: &str| go_duration(s).unwrap();
        assert_eq!(ok("0"), 0);
        assert_eq!(ok("-0"), 0);
        assert_eq!(ok("1h30m"), 5_400 * SECOND_NS);
        assert_eq!(ok("1.5h"), 5_400 * SECOND_NS);
        assert_eq!(ok(".5s"), SECOND_NS / 2);
        assert_eq!(ok("5.s"), 5 * SECOND_NS);
        assert_eq!(ok("1µs"), 1_000);
        assert_eq!(ok("1μs"), 1_000);
        assert_eq!(ok("-5m"), -300 * SECOND_NS);
        assert_eq!(ok("9223372036854775807ns"), i128::from(i64::MAX));
        assert_eq!(ok("-9223372036854775808ns"), i128::from(i64::MIN));
        for bad in [
            "",
            "5",
            "5 m",
            " 5m",
            "5m ",
            ".s",
            "1d",
            "1w",
            "+",
            "9223372036854775808ns",
            "2562047h47m16.854775808s",
            "1.2.3s",
            "m",
        ] {
            assert!(go_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn words() {
        assert_eq!(period_words(60), "minute");
        assert_eq!(period_words(300), "5 minutes");
        assert_eq!(period_words(5_400), "1 hour and 30 minutes");
        assert_eq!(period_words(90_061), "1 day, 1 hour, 1 minute and 1 second");
        assert_eq!(
            describe_period(86_400 * 2),
            "Every 2 days, counted from when the schedule starts"
        );
    }

    #[test]
    fn rates() {
        let ok = |s: &str| rate(s, 0).unwrap();
        assert_eq!(ok("rate(1 minute)"), 60);
        assert_eq!(ok("rate(5 minutes)"), 300);
        assert_eq!(ok("rate(1 hour)"), 3_600);
        assert_eq!(ok("rate(12 hours)"), 43_200);
        assert_eq!(ok("rate(1 day)"), 86_400);
        for bad in [
            "rate(1 minutes)",
            "rate(5 minute)",
            "rate(0 minutes)",
            "rate(5 weeks)",
            "rate(-5 minutes)",
            "rate(5)",
            "rate(five minutes)",
            "rate(5 minutes",
            "rate(1.5 hours)",
            "rate(99999999999999999999 days)",
        ] {
            assert!(rate(bad, 0).is_err(), "{bad}");
        }
    }
}
