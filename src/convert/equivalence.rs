//! Do two sets of schedules fire at the same instants?
//!
//! A conversion is right when its output, fired as one timeline, fires
//! exactly when the input does. [`first_mismatch`] walks both merged
//! timelines side by side and reports the first instant only one of them
//! has; the test suite runs it for every conversion, over years, in UTC and
//! in a zone with daylight-saving time.
//!
//! ```
//! use cronkit::convert::equivalence::first_mismatch;
//! use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};
//!
//! let unix = [Schedule::parse("0 12 1 * 1", DialectChoice::Unix).unwrap()];
//! let quartz = [
//!     Schedule::parse("0 0 12 1 * ?", DialectChoice::Quartz).unwrap(),
//!     Schedule::parse("0 0 12 ? * MON", DialectChoice::Quartz).unwrap(),
//! ];
//! let ny = Zone::parse("America/New_York").unwrap();
//! let from = 1_767_225_600; // 2026-01-01T00:00:00Z
//! let until = from + 5 * 366 * 86_400;
//! assert_eq!(first_mismatch(&unix, &quartz, from, until, 100_000, &ny, DstPolicy::Shift), None);
//! ```

use crate::schedule::FireTimes;
use crate::{DstPolicy, Schedule, Zone};

/// The fire times of several schedules as one strictly increasing stream.
pub struct Merged<'a> {
    iters: Vec<FireTimes<'a>>,
    heads: Vec<Option<i64>>,
}

impl<'a> Merged<'a> {
    /// Fire instants strictly after `after` of all `schedules` together.
    pub fn new(schedules: &'a [Schedule], after: i64, zone: &'a Zone, dst: DstPolicy) -> Self {
        let mut iters: Vec<FireTimes<'a>> = schedules
            .iter()
            .map(|s| s.iter_after(after, zone, dst))
            .collect();
        let heads = iters.iter_mut().map(Iterator::next).collect();
        Merged { iters, heads }
    }
}

impl Iterator for Merged<'_> {
    type Item = i64;
    fn next(&mut self) -> Option<i64> {
        let best = self.heads.iter().flatten().copied().min()?;
        for (head, it) in self.heads.iter_mut().zip(self.iters.iter_mut()) {
            if *head == Some(best) {
                *head = it.next();
            }
        }
        Some(best)
    }
}

/// Which side fires at a mismatching instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Only the first set of schedules fires then.
    Left,
    /// Only the second set fires then.
    Right,
}

/// An instant at which only one side fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Unix seconds.
    pub instant: i64,
    /// The side that fires.
    pub fires: Side,
}

/// The first instant in `(after, until]` at which exactly one of `left` and
/// `right` fires, looking at no more than `max_times` fire times of either;
/// `None` when they agree that far.
pub fn first_mismatch(
    left: &[Schedule],
    right: &[Schedule],
    after: i64,
    until: i64,
    max_times: usize,
    zone: &Zone,
    dst: DstPolicy,
) -> Option<Mismatch> {
    let mut a = Merged::new(left, after, zone, dst).take_while(|t| *t <= until);
    let mut b = Merged::new(right, after, zone, dst).take_while(|t| *t <= until);
    for _ in 0..max_times {
        match (a.next(), b.next()) {
            (None, None) => return None,
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) => {
                return Some(if x < y {
                    Mismatch {
                        instant: x,
                        fires: Side::Left,
                    }
                } else {
                    Mismatch {
                        instant: y,
                        fires: Side::Right,
                    }
                })
            }
            (Some(x), None) => {
                return Some(Mismatch {
                    instant: x,
                    fires: Side::Left,
                })
            }
            (None, Some(y)) => {
                return Some(Mismatch {
                    instant: y,
                    fires: Side::Right,
                })
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DialectChoice;

    #[test]
    fn finds_the_first_difference() {
        let a = [Schedule::parse("0 0 12 * * ?", DialectChoice::Quartz).unwrap()];
        let b = [Schedule::parse("0 0 12 ? * MON-FRI", DialectChoice::Quartz).unwrap()];
        // 2026-01-01 is a Thursday: the first difference is Saturday the 3rd
        let from = 1_767_225_600;
        let m = first_mismatch(
            &a,
            &b,
            from,
            from + 30 * 86_400,
            1000,
            &Zone::utc(),
            DstPolicy::Shift,
        )
        .unwrap();
        assert_eq!(m.instant, from + 2 * 86_400 + 12 * 3600);
        assert_eq!(m.fires, Side::Left);
    }

    #[test]
    fn merged_streams_do_not_repeat_instants() {
        let s = [
            Schedule::parse("0 0 * * * ?", DialectChoice::Quartz).unwrap(),
            Schedule::parse("0 0 0/2 * * ?", DialectChoice::Quartz).unwrap(),
        ];
        let z = Zone::utc();
        let times: Vec<i64> = Merged::new(&s, 0, &z, DstPolicy::Shift).take(4).collect();
        assert_eq!(times, [3600, 7200, 10800, 14400]);
    }
}
