//! The fire times of an interval schedule: every `period` seconds from an
//! anchor, whatever the clock says. Elasticsearch Watcher and OpenSearch
//! `interval` schedules, robfig/cron's `@every` (Kubernetes) and EventBridge's
//! `rate(...)` all fire this way; what differs is where the anchor comes from
//! (an OpenSearch `start_time`, or when the schedule was created or started,
//! which the text does not say).

/// Fires at `anchor + k * period` (whole seconds), never before `first` when
/// that is set (an OpenSearch job starts at its `start_time`). An interval does
/// not depend on zones or DST: it counts real seconds.
///
/// robfig/cron's `ConstantDelaySchedule.Next(t)` is `t + delay` truncated to
/// the second, so from a start `s` (whole seconds) it fires at `s + k * delay`,
/// `k ≥ 1`: this type with `anchor = s` (pinned against robfig by
/// `tests/profiles_k8s_every.rs`).
///
/// ```
/// use cronkit::schedule::Interval;
/// let every5m = Interval { period: 300, anchor: 1_000, first: None };
/// assert_eq!(every5m.next_after(1_000), Some(1_300));
/// assert_eq!(every5m.next_after(1_299), Some(1_300));
/// assert_eq!(every5m.prev_before(1_300), Some(1_000));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    /// Seconds between two fire times (at least 1).
    pub period: i64,
    /// A fire time (or the start it counts from), Unix seconds.
    pub anchor: i64,
    /// No fire time before this one, Unix seconds.
    pub first: Option<i64>,
}

impl Interval {
    /// The first fire time strictly after `t`.
    pub fn next_after(&self, t: i64) -> Option<i64> {
        let k = t
            .checked_sub(self.anchor)?
            .div_euclid(self.period)
            .checked_add(1)?;
        let v = self.anchor.checked_add(k.checked_mul(self.period)?)?;
        match self.first {
            Some(f) if v < f => Some(f),
            _ => Some(v),
        }
    }

    /// The last fire time strictly before `t`.
    pub fn prev_before(&self, t: i64) -> Option<i64> {
        let d = t.checked_sub(self.anchor)?.checked_sub(1)?;
        let v = self
            .anchor
            .checked_add(d.div_euclid(self.period).checked_mul(self.period)?)?;
        match self.first {
            Some(f) if v < f => None,
            _ => Some(v),
        }
    }
}
