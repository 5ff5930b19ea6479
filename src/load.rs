//! Load: how many schedules fire in each minute of a window, all schedules together.
//!
//! A platform with hundreds of jobs cares less about one schedule than about when
//! they pile up: everything at `0 0 * * *` starts at once, and GitHub delays or drops
//! runs at the top of the hour. A [`LoadCounter`] takes any number of schedules (each
//! in its own zone and daylight-saving policy) and counts, for every minute of a
//! window, the fire times and the schedules that fire. From those counts it builds a
//! weekday × hour grid and a minute-of-hour strip in one display zone, and finds the
//! busiest minutes.
//!
//! Counting does not walk fire times one by one where it need not: when a zone's
//! offset does not change during the window, a schedule's minutes are added day by
//! day straight from its bit sets (an every-minute schedule over a week costs 7 day
//! checks and 10 080 additions). Windows with a daylight-saving transition, and
//! sources that are not cron (intervals), go through their fire times.
//!
//! ```
//! use cronkit::load::LoadCounter;
//! use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};
//! // a week from Monday 2026-11-23 00:00 UTC
//! let from = 1_795_392_000;
//! let mut load = LoadCounter::new(from, from + 7 * 86_400, Zone::utc()).unwrap();
//! for _ in 0..12 {
//!     let nightly = Schedule::parse("0 0 * * *", DialectChoice::Unix).unwrap();
//!     load.add_schedule(&nightly, &Zone::utc(), DstPolicy::Skip);
//! }
//! let report = load.report(3);
//! assert_eq!(report.total_fires, 84);
//! assert_eq!(report.grid[0][0], 12); // Monday, 00:00–00:59
//! assert_eq!(report.busiest[0].schedules, 12);
//! ```

use crate::schedule::calendar::{civil_from_days, weekday_from_days};
use crate::{DstPolicy, Schedule, Zone};

/// The longest window counted: a year and a bit (the per-minute counts take
/// 8 bytes a minute, about 4.6 MB at this length).
pub const MAX_WINDOW_SECS: i64 = 400 * 86_400;

/// Why a window cannot be counted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("the window is empty: its end is not after its start")]
    Empty,
    #[error("the window is longer than 400 days; count a shorter one")]
    TooLong,
}

/// Weekday rows of the grid, Monday first.
pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Per-minute counts over a window `[from, until)`: a fire at `from` counts, one at
/// `until` does not, so consecutive weeks add up.
#[derive(Clone, Debug)]
pub struct LoadCounter {
    /// the last second before the window (fire times are searched strictly after it)
    from: i64,
    /// the window's last second
    until: i64,
    /// `from` rounded down to a whole minute: slot 0 starts here.
    base: i64,
    display: Zone,
    fires: Vec<u32>,
    schedules: Vec<u32>,
    total: u64,
    sources: usize,
}

/// One busy minute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusyMinute {
    /// The minute's first second (Unix seconds).
    pub start: i64,
    pub fires: u32,
    /// How many schedules fire in it.
    pub schedules: u32,
}

/// The counts, arranged for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadReport {
    /// The window `[from, until)`.
    pub from: i64,
    pub until: i64,
    pub total_fires: u64,
    /// How many sources were added.
    pub sources: usize,
    /// `grid[weekday][hour]`: fires in that hour of that weekday (Monday = 0) in the
    /// display zone, summed over the window.
    pub grid: [[u64; 24]; 7],
    /// `minutes[m]`: fires at minute `m` of any hour.
    pub minutes: [u64; 60],
    /// The busiest minutes, most fires first (ties: earliest first).
    pub busiest: Vec<BusyMinute>,
}

impl LoadCounter {
    /// A counter for fire times in `[from, until)` (Unix seconds); the grid and the
    /// minute strip are drawn in `display`.
    pub fn new(from: i64, until: i64, display: Zone) -> Result<LoadCounter, LoadError> {
        if until <= from {
            return Err(LoadError::Empty);
        }
        if until - from > MAX_WINDOW_SECS {
            return Err(LoadError::TooLong);
        }
        let (from, until) = (from - 1, until - 1);
        let base = (from + 1).div_euclid(60) * 60;
        let slots = ((until - base) / 60 + 1) as usize;
        Ok(LoadCounter {
            from,
            until,
            base,
            display,
            fires: vec![0; slots],
            schedules: vec![0; slots],
            total: 0,
            sources: 0,
        })
    }

    /// The window's start (inclusive) and end (exclusive).
    pub fn window(&self) -> (i64, i64) {
        (self.from + 1, self.until + 1)
    }

    /// Add one cron schedule read in `zone` under `dst`; returns its fires in the window.
    pub fn add_schedule(&mut self, schedule: &Schedule, zone: &Zone, dst: DstPolicy) -> u64 {
        if schedule.is_reboot() || schedule.never_fires() {
            self.sources += 1;
            return 0;
        }
        match constant_offset(zone, self.from, self.until) {
            Some(offset) => {
                self.sources += 1;
                self.add_by_days(schedule, offset)
            }
            None => self.add_times(|t| schedule.next_after_ts(t, zone, dst)),
        }
    }

    /// Add a source given by its "next fire time strictly after t" function (an
    /// interval, or anything else); returns its fires in the window.
    pub fn add_times(&mut self, mut next_after: impl FnMut(i64) -> Option<i64>) -> u64 {
        self.sources += 1;
        let mut t = self.from;
        let mut last_slot = usize::MAX;
        let mut added = 0u64;
        while let Some(n) = next_after(t) {
            if n > self.until || n <= t {
                break;
            }
            t = n;
            let slot = ((n - self.base) / 60) as usize;
            self.fires[slot] += 1;
            if slot != last_slot {
                self.schedules[slot] += 1;
                last_slot = slot;
            }
            added += 1;
        }
        self.total += added;
        added
    }

    /// The fast path: the zone keeps one offset through the window, so every wall
    /// time in it is one instant and no policy applies.
    fn add_by_days(&mut self, s: &Schedule, offset: i64) -> u64 {
        let (lf, lu) = (self.from + offset, self.until + offset);
        let (secs, mins, hours, _) = s.bits();
        let per_minute = secs.count_ones();
        let mut added = 0u64;
        for day in lf.div_euclid(86_400)..=lu.div_euclid(86_400) {
            let (y, m, d) = civil_from_days(day);
            if s.day_mask(y, m) >> d & 1 == 0 {
                continue;
            }
            let mut hb = hours;
            while hb != 0 {
                let h = hb.trailing_zeros() as i64;
                hb &= hb - 1;
                let hour_start = day * 86_400 + h * 3600;
                if hour_start + 3599 <= lf || hour_start > lu {
                    continue;
                }
                let mut mb = mins;
                while mb != 0 {
                    let mi = mb.trailing_zeros() as i64;
                    mb &= mb - 1;
                    let ms = hour_start + mi * 60;
                    let n = if ms > lf && ms + 59 <= lu {
                        per_minute
                    } else {
                        // a minute at an edge of the window: count its seconds one by one
                        (0..60)
                            .filter(|&sec| secs >> sec & 1 == 1 && ms + sec > lf && ms + sec <= lu)
                            .count() as u32
                    };
                    if n == 0 {
                        continue;
                    }
                    let first = if ms > lf { ms } else { lf + 1 };
                    let slot = ((first - offset - self.base) / 60) as usize;
                    if let (Some(f), Some(c)) =
                        (self.fires.get_mut(slot), self.schedules.get_mut(slot))
                    {
                        *f += n;
                        *c += 1;
                        added += n as u64;
                    }
                }
            }
        }
        self.total += added;
        added
    }

    /// Fires counted in the minute starting at `start` (a slot of this window).
    pub fn fires_at(&self, start: i64) -> u32 {
        self.slot(start).map_or(0, |s| self.fires[s])
    }

    /// Schedules counted in the minute starting at `start`.
    pub fn schedules_at(&self, start: i64) -> u32 {
        self.slot(start).map_or(0, |s| self.schedules[s])
    }

    fn slot(&self, start: i64) -> Option<usize> {
        let d = start.checked_sub(self.base)?;
        (d >= 0)
            .then_some((d / 60) as usize)
            .filter(|&s| s < self.fires.len())
    }

    /// Every minute in which more than `threshold` schedules fire, earliest first.
    pub fn minutes_over(&self, threshold: u32) -> Vec<BusyMinute> {
        self.schedules
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > threshold)
            .map(|(i, &c)| BusyMinute {
                start: self.base + i as i64 * 60,
                fires: self.fires[i],
                schedules: c,
            })
            .collect()
    }

    /// The grid, the minute strip and the `top` busiest minutes.
    pub fn report(&self, top: usize) -> LoadReport {
        let mut grid = [[0u64; 24]; 7];
        let mut minutes = [0u64; 60];
        let fixed = constant_offset(&self.display, self.from, self.until);
        let mut busy: Vec<BusyMinute> = Vec::new();
        for (i, &f) in self.fires.iter().enumerate() {
            if f == 0 {
                continue;
            }
            let start = self.base + i as i64 * 60;
            let local = start + fixed.unwrap_or_else(|| self.display.offset_at(start) as i64);
            let day = local.div_euclid(86_400);
            let secs = local.rem_euclid(86_400);
            // weekday_from_days: 0 = Sunday; the grid starts on Monday
            let row = (weekday_from_days(day) + 6) % 7;
            grid[row as usize][(secs / 3600) as usize] += f as u64;
            minutes[(secs / 60 % 60) as usize] += f as u64;
            busy.push(BusyMinute {
                start,
                fires: f,
                schedules: self.schedules[i],
            });
        }
        busy.sort_by(|a, b| b.fires.cmp(&a.fires).then(a.start.cmp(&b.start)));
        busy.truncate(top);
        LoadReport {
            from: self.from + 1,
            until: self.until + 1,
            total_fires: self.total,
            sources: self.sources,
            grid,
            minutes,
            busiest: busy,
        }
    }
}

/// One schedule for [`find_herds`]: what it is and where it is read.
#[derive(Clone, Copy, Debug)]
pub struct HerdInput<'a> {
    pub schedule: &'a Schedule,
    pub zone: &'a Zone,
    pub dst: DstPolicy,
}

/// Schedules that fire together: the same set in one or more minutes of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Herd {
    /// Indexes into the inputs, ascending.
    pub members: Vec<usize>,
    /// The first minute (Unix seconds) in which they all fire together.
    pub first: i64,
    /// In how many minutes of the window exactly this set fires together.
    pub minutes: usize,
}

/// At most this many crowded minutes are examined for their members (each costs one
/// look-up per schedule); a week of more is reported from the first ones.
pub const MAX_HERD_MINUTES: usize = 2_000;

/// The thundering herds of a set of schedules: minutes of the week from `from` in
/// which more than `threshold` of them fire, grouped by which schedules those are,
/// earliest first.
pub fn find_herds(inputs: &[HerdInput<'_>], from: i64, threshold: u32) -> Vec<Herd> {
    let Ok(mut load) = LoadCounter::new(from, from + 7 * 86_400, Zone::utc()) else {
        return Vec::new();
    };
    for i in inputs {
        load.add_schedule(i.schedule, i.zone, i.dst);
    }
    let mut herds: Vec<Herd> = Vec::new();
    let mut index: std::collections::HashMap<Vec<usize>, usize> = std::collections::HashMap::new();
    for minute in load
        .minutes_over(threshold)
        .into_iter()
        .take(MAX_HERD_MINUTES)
    {
        let members: Vec<usize> = inputs
            .iter()
            .enumerate()
            .filter(|(_, i)| fires_in_minute(i.schedule, i.zone, i.dst, minute.start))
            .map(|(n, _)| n)
            .collect();
        match index.get(&members) {
            Some(&h) => herds[h].minutes += 1,
            None => {
                index.insert(members.clone(), herds.len());
                herds.push(Herd {
                    members,
                    first: minute.start,
                    minutes: 1,
                });
            }
        }
    }
    herds
}

/// Does `schedule` fire in the minute starting at `start`?
pub fn fires_in_minute(schedule: &Schedule, zone: &Zone, dst: DstPolicy, start: i64) -> bool {
    schedule
        .next_after_ts(start - 1, zone, dst)
        .is_some_and(|t| t < start + 60)
}

/// The zone's offset when it stays the same from a few hours before the window to a
/// few hours after it (so no daylight-saving policy can move a time into or out of
/// it); `None` when it changes.
fn constant_offset(zone: &Zone, from: i64, until: i64) -> Option<i64> {
    if let Some(off) = zone.fixed_offset() {
        return Some(off as i64);
    }
    const MARGIN: i64 = 6 * 3600;
    // offsets change at most a few times a year and never twice within 30 minutes
    const PROBE: i64 = 1800;
    let first = zone.offset_at(from - MARGIN);
    let mut t = from - MARGIN;
    while t < until + MARGIN {
        t += PROBE;
        if zone.offset_at(t) != first {
            return None;
        }
    }
    Some(first as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DialectChoice;

    const MONDAY: i64 = 1_795_392_000; // 2026-11-23T00:00:00Z

    fn brute(s: &Schedule, zone: &Zone, dst: DstPolicy, from: i64, until: i64) -> Vec<i64> {
        let mut out = Vec::new();
        let mut t = from;
        while let Some(n) = s.next_after_ts(t, zone, dst) {
            if n > until {
                break;
            }
            out.push(n);
            t = n;
        }
        out
    }

    #[test]
    fn fast_path_equals_walking_fire_times_at_the_window_edges() {
        let zone = Zone::parse("+05:30").unwrap();
        for text in [
            "*/7 * * * * ?",
            "0 */5 * * * ?",
            "30 9 * * MON-FRI",
            "* * * * *",
        ] {
            let s = Schedule::parse(text, DialectChoice::Auto).unwrap();
            // windows that start and end inside minutes
            for (from, len) in [(MONDAY + 17, 3 * 86_400 + 41), (MONDAY - 1, 86_400)] {
                let mut fast = LoadCounter::new(from, from + len, Zone::utc()).unwrap();
                fast.add_schedule(&s, &zone, DstPolicy::Shift);
                let mut slow = LoadCounter::new(from, from + len, Zone::utc()).unwrap();
                slow.add_times(|t| s.next_after_ts(t, &zone, DstPolicy::Shift));
                assert_eq!(fast.fires, slow.fires, "{text}");
                assert_eq!(fast.schedules, slow.schedules, "{text}");
                let n = brute(&s, &zone, DstPolicy::Shift, from - 1, from + len - 1).len() as u64;
                assert_eq!(fast.total, n, "{text}");
            }
        }
    }

    #[test]
    fn herds_group_minutes_by_their_members() {
        let nightly = Schedule::parse("0 0 * * *", DialectChoice::Unix).unwrap();
        let hourly = Schedule::parse("0 * * * *", DialectChoice::Unix).unwrap();
        let other = Schedule::parse("30 1 * * *", DialectChoice::Unix).unwrap();
        let utc = Zone::utc();
        let mut inputs = vec![
            HerdInput {
                schedule: &other,
                zone: &utc,
                dst: DstPolicy::Skip
            };
            1
        ];
        for _ in 0..12 {
            inputs.push(HerdInput {
                schedule: &nightly,
                zone: &utc,
                dst: DstPolicy::Skip,
            });
        }
        inputs.push(HerdInput {
            schedule: &hourly,
            zone: &utc,
            dst: DstPolicy::Skip,
        });
        let herds = find_herds(&inputs, MONDAY, 10);
        // every midnight of the week: the 12 nightly jobs and the hourly one
        assert_eq!(herds.len(), 1);
        assert_eq!(herds[0].members, (1..=13).collect::<Vec<_>>());
        assert_eq!(herds[0].first, MONDAY);
        assert_eq!(herds[0].minutes, 7);
        assert!(find_herds(&inputs, MONDAY, 13).is_empty());
    }

    #[test]
    fn window_limits() {
        assert_eq!(
            LoadCounter::new(10, 10, Zone::utc()).unwrap_err(),
            LoadError::Empty
        );
        assert_eq!(
            LoadCounter::new(0, MAX_WINDOW_SECS + 1, Zone::utc()).unwrap_err(),
            LoadError::TooLong
        );
    }

    #[test]
    fn a_dst_week_walks_fire_times() {
        // the week of the 2026 spring-forward in New York (Sunday 8 March)
        let ny = Zone::parse("America/New_York").unwrap();
        let from = 1_772_928_000 - 3 * 86_400; // 2026-03-05T00:00Z
        assert!(constant_offset(&ny, from, from + 7 * 86_400).is_none());
        let s = Schedule::parse("30 2 * * *", DialectChoice::Unix).unwrap();
        let mut load = LoadCounter::new(from, from + 7 * 86_400, ny.clone()).unwrap();
        load.add_schedule(&s, &ny, DstPolicy::Skip);
        // 7 days, one of them without 02:30
        assert_eq!(load.total, 6);
        let r = load.report(1);
        assert_eq!(r.grid.iter().flatten().sum::<u64>(), 6);
        assert_eq!(r.minutes[30], 6);
    }
}
