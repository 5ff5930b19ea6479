//! The meaning of one cron expression, without its spelling: which seconds,
//! minutes, hours, months and years it selects and how it picks days.
//!
//! Everything `convert` does goes through a [`Pattern`]: an expression is read
//! into one (whatever its dialect), patterns are merged as sets, and each
//! target dialect writes them out again. Two expressions with equal patterns
//! fire at exactly the same wall-clock times, so they fire at the same instants
//! in every zone under every DST policy.

use crate::expr::{Expr, FieldKind, ItemKind, Nickname, StepBase, MAX_YEAR, MIN_YEAR};
use crate::Schedule;

use super::ConvertError;

/// Bit d set for every day 1..=31.
pub const ALL_DAYS: u32 = 0xFFFF_FFFE;
/// Bit w set for every weekday 0 (Sunday)..=6.
pub const ALL_WEEKDAYS: u8 = 0x7F;
/// Seconds or minutes 0..=59.
pub const ALL_SIXTY: u64 = (1 << 60) - 1;
/// Hours 0..=23.
pub const ALL_HOURS: u64 = (1 << 24) - 1;
/// Months 1..=12 (bit m = month m).
pub const ALL_MONTHS: u64 = 0x1FFE;

const YEAR_COUNT: usize = (MAX_YEAR - MIN_YEAR + 1) as usize;

/// A set of years from 1970 to 2199 (bit i = year 1970 + i).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Years(pub [u64; 4]);

impl Years {
    /// Every year of the range.
    pub const ALL: Years = {
        let mut w = [0u64; 4];
        let mut i = 0;
        while i < YEAR_COUNT {
            w[i / 64] |= 1 << (i % 64);
            i += 1;
        }
        Years(w)
    };

    /// Whether no year is excluded.
    pub fn is_all(&self) -> bool {
        *self == Years::ALL
    }

    /// Whether `year` is in the set.
    pub fn contains(&self, year: u32) -> bool {
        let i = year.wrapping_sub(MIN_YEAR as u32) as usize;
        i < YEAR_COUNT && self.0[i / 64] >> (i % 64) & 1 == 1
    }

    /// The years, ascending.
    pub fn values(&self) -> Vec<u32> {
        (MIN_YEAR as u32..=MAX_YEAR as u32)
            .filter(|y| self.contains(*y))
            .collect()
    }

    fn union(&self, o: &Years) -> Years {
        Years([
            self.0[0] | o.0[0],
            self.0[1] | o.0[1],
            self.0[2] | o.0[2],
            self.0[3] | o.0[3],
        ])
    }

    fn subset_of(&self, o: &Years) -> bool {
        (0..4).all(|i| self.0[i] & !o.0[i] == 0)
    }
}

/// Day-of-month conditions (any of them selects a day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct DomSet {
    /// Plain days (bit d = day d).
    pub days: u32,
    /// `L` (bit 0) and `L-n` (bit n).
    pub last: u32,
    /// `nW` (bit n).
    pub nearest: u32,
    /// `LW` (bit 0) and `L-nW` (bit n).
    pub last_nearest: u32,
}

impl DomSet {
    /// Every day of every month.
    pub fn is_all(&self) -> bool {
        self.days == ALL_DAYS
    }

    /// Only plain days (no `L`, `W`).
    pub fn is_plain(&self) -> bool {
        self.last == 0 && self.nearest == 0 && self.last_nearest == 0
    }

    fn normalized(mut self) -> DomSet {
        self.days &= ALL_DAYS;
        if self.is_all() {
            self.last = 0;
            self.nearest = 0;
            self.last_nearest = 0;
        }
        self
    }

    fn union(&self, o: &DomSet) -> DomSet {
        DomSet {
            days: self.days | o.days,
            last: self.last | o.last,
            nearest: self.nearest | o.nearest,
            last_nearest: self.last_nearest | o.last_nearest,
        }
        .normalized()
    }

    fn subset_of(&self, o: &DomSet) -> bool {
        o.is_all()
            || (self.days & !o.days == 0
                && self.last & !o.last == 0
                && self.nearest & !o.nearest == 0
                && self.last_nearest & !o.last_nearest == 0)
    }
}

/// Day-of-week conditions (any of them selects a day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct DowSet {
    /// Plain weekdays (bit 0 = Sunday).
    pub weekdays: u8,
    /// `n#k`: bit `8 * weekday + k` (k = 1..=5).
    pub nth: u64,
    /// `nL`: the last such weekday of the month (bit = weekday).
    pub last: u8,
}

impl DowSet {
    /// Every day of the week.
    pub fn is_all(&self) -> bool {
        self.weekdays == ALL_WEEKDAYS
    }

    /// Only plain weekdays (no `#`, no `nL`).
    pub fn is_plain(&self) -> bool {
        self.nth == 0 && self.last == 0
    }

    fn normalized(mut self) -> DowSet {
        self.weekdays &= ALL_WEEKDAYS;
        // `MON#2` adds nothing when every Monday is selected anyway.
        for wd in 0..7u32 {
            if self.weekdays >> wd & 1 == 1 {
                self.nth &= !(0xFFu64 << (8 * wd));
                self.last &= !(1 << wd);
            }
        }
        self
    }

    fn union(&self, o: &DowSet) -> DowSet {
        DowSet {
            weekdays: self.weekdays | o.weekdays,
            nth: self.nth | o.nth,
            last: self.last | o.last,
        }
        .normalized()
    }

    fn subset_of(&self, o: &DowSet) -> bool {
        o.is_all()
            || (self.weekdays & !o.weekdays == 0
                && self.nth & !o.nth == 0
                && self.last & !o.last == 0)
    }
}

/// How days are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Days {
    /// Every day.
    Every,
    /// Days of the month only.
    Dom(DomSet),
    /// Days of the week only.
    Dow(DowSet),
    /// A day matching either (Vixie cron's rule for two restricted day fields).
    Or(DomSet, DowSet),
    /// A day matching both (unix with a `*`-prefixed day field or `+`).
    And(DomSet, DowSet),
}

impl Days {
    /// Build from the two day conditions and how they combine, simplified.
    pub fn new(dom: DomSet, dow: DowSet, and: bool) -> Days {
        let dom = dom.normalized();
        let dow = dow.normalized();
        match (dom.is_all(), dow.is_all(), and) {
            (true, true, _) => Days::Every,
            (true, false, true) => Days::Dow(dow),
            (false, true, true) => Days::Dom(dom),
            (false, false, true) => Days::And(dom, dow),
            // OR with an unrestricted side selects every day
            (_, _, false) if dom.is_all() || dow.is_all() => Days::Every,
            (_, _, false) => Days::Or(dom, dow),
        }
    }

    fn parts(&self) -> (Option<DomSet>, Option<DowSet>) {
        match *self {
            Days::Every => (None, None),
            Days::Dom(d) => (Some(d), None),
            Days::Dow(w) => (None, Some(w)),
            Days::Or(d, w) | Days::And(d, w) => (Some(d), Some(w)),
        }
    }

    /// The union of two day choices, when one `Days` can say it.
    pub(crate) fn union(&self, o: &Days) -> Option<Days> {
        if self == o {
            return Some(*self);
        }
        match (self, o) {
            (Days::Every, _) | (_, Days::Every) => Some(Days::Every),
            (Days::And(..), _) | (_, Days::And(..)) => None,
            _ => {
                // Dom, Dow and Or are all "dom-part OR dow-part"
                let (d1, w1) = self.parts();
                let (d2, w2) = o.parts();
                let dom = match (d1, d2) {
                    (Some(a), Some(b)) => Some(a.union(&b)),
                    (a, b) => a.or(b),
                };
                let dow = match (w1, w2) {
                    (Some(a), Some(b)) => Some(a.union(&b)),
                    (a, b) => a.or(b),
                };
                Some(match (dom, dow) {
                    (Some(d), Some(w)) => Days::new(d, w, false),
                    (Some(d), None) => Days::new(d, DowSet::all(), true),
                    (None, Some(w)) => Days::new(DomSet::all(), w, true),
                    (None, None) => Days::Every,
                })
            }
        }
    }

    /// A sufficient test for "every day `self` selects, `o` selects too".
    pub(crate) fn subset_of(&self, o: &Days) -> bool {
        if self == o || *o == Days::Every {
            return true;
        }
        match (self, o) {
            (Days::Every, _) => false,
            (Days::Dom(a), Days::Dom(b)) | (Days::Dom(a), Days::Or(b, _)) => a.subset_of(b),
            (Days::Dow(a), Days::Dow(b)) | (Days::Dow(a), Days::Or(_, b)) => a.subset_of(b),
            (Days::Or(a, w), Days::Or(b, x)) => a.subset_of(b) && w.subset_of(x),
            (Days::And(a, _), Days::Dom(b)) | (Days::And(a, _), Days::Or(b, _))
                if a.subset_of(b) =>
            {
                true
            }
            (Days::And(_, w), Days::Dow(x)) | (Days::And(_, w), Days::Or(_, x)) => w.subset_of(x),
            (Days::And(a, w), Days::And(b, x)) => a.subset_of(b) && w.subset_of(x),
            _ => false,
        }
    }
}

impl DomSet {
    fn all() -> DomSet {
        DomSet {
            days: ALL_DAYS,
            ..DomSet::default()
        }
    }
}

impl DowSet {
    fn all() -> DowSet {
        DowSet {
            weekdays: ALL_WEEKDAYS,
            ..DowSet::default()
        }
    }
}

/// What one cron expression selects.
#[derive(Clone, Copy, Debug, Eq)]
pub struct Pattern {
    /// Seconds (bit s).
    pub seconds: u64,
    /// Minutes (bit m).
    pub minutes: u64,
    /// Hours (bit h).
    pub hours: u64,
    /// Months (bit m = month m, 1..=12).
    pub months: u64,
    /// Years.
    pub years: Years,
    /// Days.
    pub days: Days,
    /// The month field was written with names (`JAN`): write names back.
    pub month_names: bool,
}

/// Equal meaning; how months were spelt does not matter.
impl PartialEq for Pattern {
    fn eq(&self, o: &Pattern) -> bool {
        self.seconds == o.seconds
            && self.minutes == o.minutes
            && self.hours == o.hours
            && self.months == o.months
            && self.years == o.years
            && self.days == o.days
    }
}

/// Hashes exactly what [`PartialEq`] compares (not `month_names`), so a
/// hash set finds semantically equal patterns: de-duplicating many patterns
/// costs one hash each instead of a comparison with every one seen.
impl std::hash::Hash for Pattern {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.seconds.hash(state);
        self.minutes.hash(state);
        self.hours.hash(state);
        self.months.hash(state);
        self.years.hash(state);
        self.days.hash(state);
    }
}

impl Pattern {
    /// The meaning of a parsed expression (`@reboot` has none).
    ///
    /// ```
    /// use cronkit::{Expr, DialectChoice};
    /// use cronkit::convert::pattern::{Pattern, Days};
    /// let unix = Pattern::from_expr(&Expr::parse("0 12 * * */2", DialectChoice::Unix).unwrap()).unwrap();
    /// let quartz = Pattern::from_expr(&Expr::parse("0 0 12 ? * SUN,TUE,THU,SAT", DialectChoice::Quartz).unwrap()).unwrap();
    /// assert_eq!(unix, quartz);
    /// ```
    pub fn from_expr(e: &Expr) -> Result<Pattern, ConvertError> {
        if e.nickname == Some(Nickname::Reboot) {
            return Err(ConvertError::new(
                "reboot",
                None,
                "`@reboot` runs once when cron starts: it has no time of day to convert",
            )
            .help("a Quartz or Watcher schedule cannot say \"at start-up\"; run the job from the service's start-up instead"));
        }
        let s = Schedule::from_expr(e);
        let (seconds, minutes, hours, months) = s.bits();
        let r = s.day_rule();
        if r.nth_last_weekdays() != 0 || r.has_week_modulo() {
            // no other dialect has them, and convert's patterns do not hold them;
            // `convert` passes a GitLab text through to GitLab unchanged
            let (form, help) = if r.has_week_modulo() {
                (
                    "`d%n` (the weekday in every n-th week, weeks counted from 2019-01-01)",
                    "no other platform counts weeks: list the dates (one expression per date), or keep the schedule in GitLab",
                )
            } else {
                (
                    "`d#-k` (the k-th such weekday from the end of the month)",
                    "`d#L` (`dL` in Quartz) is the last one; for the others list the days another way, or keep the schedule in GitLab",
                )
            };
            return Err(ConvertError::new(
                "form-not-convertible",
                Some(FieldKind::DayOfWeek),
                format!("GitLab's {form} has no equivalent in any other dialect"),
            )
            .help(help));
        }
        let dom = DomSet {
            days: r.dom_days,
            last: r.dom_last_offsets,
            nearest: r.dom_nearest_weekday,
            last_nearest: r.dom_last_nearest_weekday,
        };
        let dow = DowSet {
            weekdays: r.weekdays,
            nth: r.nth_weekdays,
            last: r.last_weekdays,
        };
        let and = r.combine == crate::DayCombine::And;
        Ok(Pattern {
            seconds,
            minutes,
            hours: u64::from(hours),
            months: u64::from(months),
            years: year_set(e),
            days: Days::new(dom, dow, and),
            month_names: e.field(FieldKind::Month).items.iter().any(|i| i.named),
        })
    }

    /// A sufficient test for "every time `self` fires, `o` fires too".
    pub(crate) fn subset_of(&self, o: &Pattern) -> bool {
        self.seconds & !o.seconds == 0
            && self.minutes & !o.minutes == 0
            && self.hours & !o.hours == 0
            && self.months & !o.months == 0
            && self.years.subset_of(&o.years)
            && self.days.subset_of(&o.days)
    }

    /// The union of two patterns that differ in at most one field (then the
    /// union is exactly one pattern).
    pub(crate) fn union_one_field(&self, o: &Pattern) -> Option<Pattern> {
        let differs = [
            self.seconds != o.seconds,
            self.minutes != o.minutes,
            self.hours != o.hours,
            self.months != o.months,
            self.years != o.years,
            self.days != o.days,
        ];
        if differs.iter().filter(|d| **d).count() > 1 {
            return None;
        }
        Some(Pattern {
            seconds: self.seconds | o.seconds,
            minutes: self.minutes | o.minutes,
            hours: self.hours | o.hours,
            months: self.months | o.months,
            years: self.years.union(&o.years),
            days: self.days.union(&o.days)?,
            month_names: self.month_names || o.month_names,
        })
    }
}

/// The years an expression's year field selects (every year when absent).
fn year_set(e: &Expr) -> Years {
    let mut w = [0u64; 4];
    let mut set = |y: u32| {
        let i = y.wrapping_sub(MIN_YEAR as u32) as usize;
        if i < YEAR_COUNT {
            w[i / 64] |= 1 << (i % 64);
        }
    };
    for it in &e.field(FieldKind::Year).items {
        let (a, b, step) = match it.kind {
            ItemKind::Any | ItemKind::NoSpecific => (MIN_YEAR, MAX_YEAR, 1),
            ItemKind::Value(v) => (v, v, 1),
            ItemKind::Range(a, b) => (a, b, 1),
            ItemKind::Step { base, step } => match base {
                StepBase::Any => (MIN_YEAR, MAX_YEAR, step),
                StepBase::From(a) => (a, MAX_YEAR, step),
                StepBase::Range(a, b) => (a, b, step),
            },
            _ => continue,
        };
        let mut y = u32::from(a);
        while y <= u32::from(b) {
            set(y);
            y += u32::from(step.max(1));
        }
    }
    Years(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DialectChoice;

    fn pat(text: &str, d: DialectChoice) -> Pattern {
        Pattern::from_expr(&Expr::parse(text, d).unwrap()).unwrap()
    }

    #[test]
    fn unix_weekday_step_is_sun_tue_thu_sat() {
        // `*/2` over Vixie's 0-7 selects 0, 2, 4, 6: Sunday, Tuesday, Thursday, Saturday
        let p = pat("0 12 * * */2", DialectChoice::Unix);
        assert_eq!(
            p.days,
            Days::Dow(DowSet {
                weekdays: 0b101_0101,
                ..DowSet::default()
            })
        );
    }

    #[test]
    fn day_combinations() {
        // both restricted in unix: OR
        assert!(matches!(
            pat("0 12 1 * 1", DialectChoice::Unix).days,
            Days::Or(..)
        ));
        // `*`-prefixed day-of-month: AND
        assert!(matches!(
            pat("0 12 */2 * 1", DialectChoice::Unix).days,
            Days::And(..)
        ));
        // `+` forces AND
        assert!(matches!(
            pat("0 12 1 * +1", DialectChoice::Unix).days,
            Days::And(..)
        ));
        // OR with a full day-of-month is every day
        assert_eq!(pat("0 12 1-31 * 1", DialectChoice::Unix).days, Days::Every);
        assert_eq!(pat("0 0 12 * * ?", DialectChoice::Quartz).days, Days::Every);
        assert_eq!(pat("0 0 12 ? * *", DialectChoice::Quartz).days, Days::Every);
    }

    #[test]
    fn nicknames_and_reboot() {
        assert_eq!(
            pat("@daily", DialectChoice::Unix),
            pat("0 0 0 * * ?", DialectChoice::Quartz)
        );
        let e = Expr::parse("@reboot", DialectChoice::Unix).unwrap();
        assert_eq!(Pattern::from_expr(&e).unwrap_err().code, "reboot");
    }

    #[test]
    fn years_and_month_names() {
        let p = pat("0 0 0 1 JAN ? 2030-2032", DialectChoice::Quartz);
        assert_eq!(p.years.values(), [2030, 2031, 2032]);
        assert!(p.month_names);
        assert!(pat("0 0 0 1 1 ?", DialectChoice::Quartz).years.is_all());
    }

    #[test]
    fn unions() {
        let a = pat("0 0 9 * * ?", DialectChoice::Quartz);
        let b = pat("0 0 17 * * ?", DialectChoice::Quartz);
        let u = a.union_one_field(&b).unwrap();
        assert_eq!(u, pat("0 0 9,17 * * ?", DialectChoice::Quartz));
        let c = pat("0 30 17 * * ?", DialectChoice::Quartz);
        assert!(a.union_one_field(&c).is_none());
        let d = pat("0 0 9 1 * ?", DialectChoice::Quartz);
        let w = pat("0 0 9 ? * MON", DialectChoice::Quartz);
        assert_eq!(
            d.union_one_field(&w).unwrap(),
            pat("0 9 1 * MON", DialectChoice::Unix)
        );
        assert!(d.subset_of(&a) && !a.subset_of(&d));
    }
}
