//! English descriptions of parsed cron expressions.
//!
//! The describer reads the parsed [`Expr`] (through the same value sets and day rule
//! the engine compiles), never the text, so what it says is what fires:
//!
//! * a step is described by the values it produces: `*/15` minutes is "Every 15
//!   minutes", but `*/59` is "At minutes 0 and 59 of every hour" and `*/7` hours is
//!   "At 00:00, 07:00, 14:00 and 21:00" — they do not fire every 59 minutes or every
//!   7 hours;
//! * weekdays follow the dialect's numbering (Quartz `1-5` is Sunday through
//!   Thursday, Unix `1-5` Monday through Friday; Quartz `L` alone is Saturday);
//! * Vixie cron's OR of two restricted day fields reads "on day 1 of the month or on
//!   Monday"; the `+` prefix (AND) reads "…, if it falls on Monday";
//! * windows name their first and last fire time: `0 0 9-17 * * ?` is "Every hour
//!   from 09:00 through 17:00", and `0 0/15 9-17 * * ?` ends at 17:45;
//! * a schedule that never fires says so and why, one that skips years says how
//!   rarely it fires.
//!
//! ```
//! use cronkit::{Expr, DialectChoice};
//! use cronkit::describe::{describe, Options, Clock};
//!
//! let e = Expr::parse("0 15 10 ? * MON-FRI", DialectChoice::Auto).unwrap();
//! assert_eq!(describe(&e, &Options::default()), "At 10:15, Monday through Friday");
//! let h12 = Options { clock: Clock::H12, ..Options::default() };
//! assert_eq!(describe(&e, &h12), "At 10:15 AM, Monday through Friday");
//!
//! let e = Expr::parse("0 0 0 30 2 ?", DialectChoice::Auto).unwrap();
//! assert_eq!(
//!     describe(&e, &Options::default()),
//!     "At 00:00 on February 30 — never fires: February has no 30th"
//! );
//! ```
//!
//! The hot path allocates one `String` (none with [`describe_into`] and a reused
//! buffer); the calendar analysis behind the notes runs only for day fields that
//! might skip a month.

mod days;
mod field;
mod notes;
mod shape;
mod text;
// The month and weekday names, shared with the Jenkins describer.
pub(crate) use text::{MONTHS, WEEKDAYS};
mod time;

pub use field::describe_field;

use crate::expr::{Dialect, Expr, Field, FieldKind, Nickname};
use crate::schedule::{day_rule, item_bits, year_bits};

/// 24-hour (`17:45`) or 12-hour (`5:45 PM`) clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Clock {
    /// `09:05`, `17:45:30`
    #[default]
    H24,
    /// `9:05 AM`, `5:45:30 PM`
    H12,
}

/// How to describe.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// The clock used for times of day.
    pub clock: Clock,
    /// The current year, so that a schedule whose every fire time lies in earlier
    /// years says "never fires again: 2020 is past". `None` (the default) leaves the
    /// note out, so that a description never depends on the clock unless asked.
    pub now_year: Option<i32>,
}

impl Options {
    /// The 12-hour clock.
    pub fn twelve_hour() -> Options {
        Options {
            clock: Clock::H12,
            ..Options::default()
        }
    }

    /// These options, judging past years against `year` (see [`Options::now_year`]).
    ///
    /// ```
    /// use cronkit::{Expr, DialectChoice};
    /// use cronkit::describe::{describe, Options};
    /// let e = Expr::parse("0 0 0 1 1 ? 2020", DialectChoice::Auto).unwrap();
    /// assert_eq!(describe(&e, &Options::default()), "At 00:00 on January 1, 2020");
    /// assert_eq!(
    ///     describe(&e, &Options::default().with_now_year(2026)),
    ///     "At 00:00 on January 1, 2020 — never fires again: 2020 is past"
    /// );
    /// ```
    pub fn with_now_year(self, year: i32) -> Options {
        Options {
            now_year: Some(year),
            ..self
        }
    }
}

/// Describe `e` in English: one sentence, capitalised, without a final period.
///
/// ```
/// use cronkit::{Expr, DialectChoice};
/// use cronkit::describe::{describe, Options};
/// let d = |s| describe(&Expr::parse(s, DialectChoice::Auto).unwrap(), &Options::default());
/// assert_eq!(d("0 0/1 * * * ?"), "Every minute");
/// assert_eq!(d("0 0 12 L * ?"), "At 12:00 on the last day of the month");
/// assert_eq!(d("0 5 9 ? * 6#3"), "At 09:05 on the third Friday of the month");
/// assert_eq!(d("0 12 1 * MON"), "At 12:00 on day 1 of the month or on Monday");
/// assert_eq!(d("@reboot"), "At startup");
/// ```
pub fn describe(e: &Expr, o: &Options) -> String {
    let mut out = String::with_capacity(64);
    describe_into(e, o, &mut out);
    out
}

/// [`describe`] appending to `out` (reuse one buffer for many descriptions).
pub fn describe_into(e: &Expr, o: &Options, out: &mut String) {
    if e.nickname == Some(Nickname::Reboot) {
        out.push_str("At startup");
        return;
    }
    let d = e.dialect;
    let rule = day_rule(e);
    let months = field_bits(e.field(FieldKind::Month), d) as u16;
    let years = years_of(e);
    let t = time::TimeSets {
        sec: field_bits(e.field(FieldKind::Second), d),
        min: field_bits(e.field(FieldKind::Minute), d),
        hour: field_bits(e.field(FieldKind::Hour), d),
        wrap_hours: days::every_day(&rule) && months == days::ALL_MONTHS && years.is_all(),
    };
    time::write(out, &t, o);
    days::write(out, &rule, months, &years);
    notes::write(out, e, &rule, months, &years, o.now_year);
}

/// Values of a second, minute, hour or month field (bit v = value v).
fn field_bits(f: &Field, d: Dialect) -> u64 {
    let (min, max) = f.kind.bounds(d);
    f.items
        .iter()
        .fold(0, |acc, it| acc | item_bits(it.kind, min, max))
}

const ALL_YEARS: days::Years = days::Years([u64::MAX, u64::MAX, u64::MAX, (1 << 38) - 1]);

fn years_of(e: &Expr) -> days::Years {
    let f = e.field(FieldKind::Year);
    if f.is_wildcard() {
        ALL_YEARS
    } else {
        days::Years(year_bits(&f.items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DialectChoice;

    fn d(s: &str) -> String {
        describe(
            &Expr::parse(s, DialectChoice::Auto).unwrap(),
            &Options::default(),
        )
    }

    #[test]
    fn all_years_constant_matches_the_year_range() {
        let e = Expr::parse("0 0 0 1 1 ? 1970-2199", DialectChoice::Auto).unwrap();
        assert!(years_of(&e) == ALL_YEARS);
    }

    #[test]
    fn spec_examples() {
        assert_eq!(d("0 0/1 * * * ?"), "Every minute");
        assert_eq!(d("0 15 10 ? * MON-FRI"), "At 10:15, Monday through Friday");
        assert_eq!(d("0 0 12 L * ?"), "At 12:00 on the last day of the month");
        assert_eq!(
            d("0 5 9 ? * 6#3"),
            "At 09:05 on the third Friday of the month"
        );
        assert_eq!(
            d("0 0 0 30 2 ?"),
            "At 00:00 on February 30 — never fires: February has no 30th"
        );
    }
}
