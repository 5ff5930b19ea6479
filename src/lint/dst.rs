//! The zone facts the DST rules share: a zone's clock changes in the coming
//! year, found once per zone, and how to name dates, times and offsets.

use super::*;

/// A change of a zone's UTC offset at instant `at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Transition {
    pub(super) at: i64,
    pub(super) before: i32,
    pub(super) after: i32,
}

impl Transition {
    pub(super) fn is_gap(&self) -> bool {
        self.after > self.before
    }
    /// The wall-clock seconds `[start, end)` that do not exist (gap) or exist
    /// twice (overlap).
    pub(super) fn wall_window(&self) -> (i64, i64) {
        let (a, b) = (self.at + self.before as i64, self.at + self.after as i64);
        (a.min(b), a.max(b))
    }
}

/// A zone's clock changes in the year after "now", found once.
#[derive(Clone, Debug)]
pub(super) struct DstCheck {
    pub(super) zone: Zone,
    /// `None`: the policy of the expression's platform profile.
    pub(super) policy: Option<DstPolicy>,
    pub(super) transitions: Vec<Transition>,
}

impl DstCheck {
    pub(super) fn new(zone: Zone, policy: Option<DstPolicy>, now: i64) -> DstCheck {
        let mut transitions = Vec::new();
        if zone.fixed_offset().is_none() {
            // Clock changes are months apart; a 6-hour scan then a bisection
            // finds each one to the second.
            const STEP: i64 = 6 * 3600;
            let end = now + 366 * 86_400;
            let mut t = now;
            let mut off = zone.offset_at(t);
            while t < end {
                let next = (t + STEP).min(end);
                let next_off = zone.offset_at(next);
                if next_off != off {
                    let (mut lo, mut hi) = (t, next);
                    while hi - lo > 1 {
                        let mid = lo + (hi - lo) / 2;
                        if zone.offset_at(mid) == off {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    transitions.push(Transition {
                        at: hi,
                        before: zone.offset_at(hi - 1),
                        after: zone.offset_at(hi),
                    });
                }
                t = next;
                off = next_off;
            }
        }
        DstCheck {
            zone,
            policy,
            transitions,
        }
    }

    /// The first clock change of the kind asked for at which the schedule has a
    /// wall-clock fire time inside the gap/overlap, with that fire time and
    /// whether more fire times fall inside.
    pub(super) fn first_hit(&self, sched: &Schedule, gap: bool) -> Option<(Transition, i64, bool)> {
        for tr in self.transitions.iter().filter(|t| t.is_gap() == gap) {
            let (start, end) = tr.wall_window();
            let Some(wall) = sched.next_local(start - 1) else {
                continue;
            };
            if wall >= end {
                continue;
            }
            let confirmed = match self.zone.resolve_local(wall) {
                LocalTime::Gap { .. } => gap,
                LocalTime::Ambiguous(..) => !gap,
                LocalTime::Unique(_) => false,
            };
            if confirmed {
                let more = sched.next_local(wall).is_some_and(|w| w < end);
                return Some((*tr, wall, more));
            }
        }
        None
    }
}

pub(super) fn two(out: &mut String, v: u32) {
    out.push(char::from(b'0' + (v / 10 % 10) as u8));
    out.push(char::from(b'0' + (v % 10) as u8));
}

/// `2027-03-14`
pub(super) fn date_of(wall: i64) -> String {
    let c = Civil::from_secs(wall);
    format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
}

/// `02:30` (or `02:30:15` when the seconds are not zero).
pub(super) fn time_of(wall: i64) -> String {
    let c = Civil::from_secs(wall);
    let mut s = String::with_capacity(8);
    two(&mut s, c.hour);
    s.push(':');
    two(&mut s, c.minute);
    if c.second != 0 {
        s.push(':');
        two(&mut s, c.second);
    }
    s
}

/// `UTC-04:00`
pub(super) fn offset_name(off: i32) -> String {
    let sign = if off < 0 { '-' } else { '+' };
    let a = off.unsigned_abs();
    let mut s = format!("UTC{sign}");
    two(&mut s, a / 3600);
    s.push(':');
    two(&mut s, a / 60 % 60);
    s
}

/// `1h`, `30m`, `1h 30m`
pub(super) fn duration(secs: i64) -> String {
    let (h, m) = (secs / 3600, secs / 60 % 60);
    match (h, m) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

pub(super) fn policy_label(p: DstPolicy) -> &'static str {
    match p {
        DstPolicy::Shift => "--dst shift",
        DstPolicy::Skip => "--dst skip",
        DstPolicy::Quartz => "--dst quartz (as Quartz and Nuxeo do)",
        DstPolicy::Wall => "--dst wall (as robfig/Kubernetes, fugit/GitLab and Spring do)",
        DstPolicy::Cron => "--dst cron (as Vixie cron and cronie do)",
    }
}

/// The span the DST rules point at: the hour field, else the whole expression.
pub(super) fn dst_span(cx: &Cx<'_>) -> Span {
    cx.field_span(FieldKind::Hour)
}
