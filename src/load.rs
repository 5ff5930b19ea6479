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
    span: Minutes,
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
        let span = Minutes::new(from, until)?;
        let slots = span.slots;
        Ok(LoadCounter {
            span,
            display,
            fires: vec![0; slots],
            schedules: vec![0; slots],
            total: 0,
            sources: 0,
        })
    }

    /// The window's start (inclusive) and end (exclusive).
    pub fn window(&self) -> (i64, i64) {
        (self.span.from + 1, self.span.until + 1)
    }

    /// Add one cron schedule read in `zone` under `dst`; returns its fires in the window.
    pub fn add_schedule(&mut self, schedule: &Schedule, zone: &Zone, dst: DstPolicy) -> u64 {
        self.add_weighted(schedule, zone, dst, 1)
    }

    /// Add `weight` copies of one schedule (identical schedules read in several
    /// places): each fire counts `weight` times, and `weight` schedules fire in each
    /// of its minutes. Returns the fires of one copy.
    pub fn add_weighted(
        &mut self,
        schedule: &Schedule,
        zone: &Zone,
        dst: DstPolicy,
        weight: u32,
    ) -> u64 {
        self.sources += 1;
        let (fires, schedules) = (&mut self.fires, &mut self.schedules);
        let mut added = 0u64;
        self.span.each_minute(schedule, zone, dst, |slot, n| {
            fires[slot] = fires[slot].saturating_add(n.saturating_mul(weight));
            schedules[slot] = schedules[slot].saturating_add(weight);
            added += u64::from(n);
        });
        self.total += added * u64::from(weight);
        added
    }

    /// Add a source given by its "next fire time strictly after t" function (an
    /// interval, or anything else); returns its fires in the window.
    pub fn add_times(&mut self, next_after: impl FnMut(i64) -> Option<i64>) -> u64 {
        self.sources += 1;
        let (fires, schedules) = (&mut self.fires, &mut self.schedules);
        let mut added = 0u64;
        self.span.each_minute_of_times(next_after, |slot, n| {
            fires[slot] = fires[slot].saturating_add(n);
            schedules[slot] = schedules[slot].saturating_add(1);
            added += u64::from(n);
        });
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
        let d = start.checked_sub(self.span.base)?;
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
                start: self.span.base + i as i64 * 60,
                fires: self.fires[i],
                schedules: c,
            })
            .collect()
    }

    /// The grid, the minute strip and the `top` busiest minutes.
    pub fn report(&self, top: usize) -> LoadReport {
        let mut grid = [[0u64; 24]; 7];
        let mut minutes = [0u64; 60];
        let fixed = constant_offset(&self.display, self.span.from, self.span.until);
        let mut busy: Vec<BusyMinute> = Vec::new();
        for (i, &f) in self.fires.iter().enumerate() {
            if f == 0 {
                continue;
            }
            let start = self.span.base + i as i64 * 60;
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
            from: self.span.from + 1,
            until: self.span.until + 1,
            total_fires: self.total,
            sources: self.sources,
            grid,
            minutes,
            busiest: busy,
        }
    }
}

/// The minutes of a window, numbered from 0: where a schedule's fire times fall.
#[derive(Clone, Copy, Debug)]
struct Minutes {
    /// the last second before the window (fire times are searched strictly after it)
    from: i64,
    /// the window's last second
    until: i64,
    /// `from` rounded down to a whole minute: slot 0 starts here.
    base: i64,
    /// how many minutes (slots) the window touches
    slots: usize,
}

impl Minutes {
    fn new(from: i64, until: i64) -> Result<Minutes, LoadError> {
        if until <= from {
            return Err(LoadError::Empty);
        }
        if until - from > MAX_WINDOW_SECS {
            return Err(LoadError::TooLong);
        }
        let (from, until) = (from - 1, until - 1);
        let base = (from + 1).div_euclid(60) * 60;
        let slots = ((until - base) / 60 + 1) as usize;
        Ok(Minutes {
            from,
            until,
            base,
            slots,
        })
    }

    /// Call `f(slot, fires)` once for each minute of the window in which the
    /// schedule fires, earliest first, with its number of fires in that minute.
    fn each_minute(
        &self,
        schedule: &Schedule,
        zone: &Zone,
        dst: DstPolicy,
        f: impl FnMut(usize, u32),
    ) {
        if schedule.is_reboot() || schedule.never_fires() {
            return;
        }
        match constant_offset(zone, self.from, self.until) {
            Some(offset) => self.each_minute_by_days(schedule, offset, f),
            None => self.each_minute_of_times(|t| schedule.next_after_ts(t, zone, dst), f),
        }
    }

    /// [`Minutes::each_minute`] for any source of fire times.
    fn each_minute_of_times(
        &self,
        mut next_after: impl FnMut(i64) -> Option<i64>,
        mut f: impl FnMut(usize, u32),
    ) {
        let mut t = self.from;
        let mut current: Option<(usize, u32)> = None;
        while let Some(n) = next_after(t) {
            if n > self.until || n <= t {
                break;
            }
            t = n;
            let slot = ((n - self.base) / 60) as usize;
            current = match current {
                Some((s, k)) if s == slot => Some((s, k + 1)),
                Some((s, k)) => {
                    f(s, k);
                    Some((slot, 1))
                }
                None => Some((slot, 1)),
            };
        }
        if let Some((s, k)) = current {
            f(s, k);
        }
    }

    /// The fast path: the zone keeps one offset through the window, so every wall
    /// time in it is one instant and no policy applies.
    fn each_minute_by_days(&self, s: &Schedule, offset: i64, mut f: impl FnMut(usize, u32)) {
        let (lf, lu) = (self.from + offset, self.until + offset);
        let (secs, mins, hours, _) = s.bits();
        let per_minute = secs.count_ones();
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
                    if slot < self.slots {
                        f(slot, n);
                    }
                }
            }
        }
    }
}

/// One schedule for [`find_herds`]: what it is, where it is read, and how many
/// schedules it stands for.
#[derive(Clone, Copy, Debug)]
pub struct HerdInput<'a> {
    pub schedule: &'a Schedule,
    pub zone: &'a Zone,
    pub dst: DstPolicy,
    /// How many schedules this is: identical schedules (same text, zone and policy)
    /// read in several places are given once, with their number. At least 1.
    pub weight: u32,
}

/// Schedules that fire together: the same set in one or more minutes of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Herd {
    /// Indexes into the inputs, ascending.
    pub members: Vec<usize>,
    /// How many schedules: the members' weights added up (more than the threshold).
    pub schedules: u64,
    /// The first minute (Unix seconds) in which they all fire together.
    pub first: i64,
    /// In how many minutes of the window exactly this set fires together.
    pub minutes: usize,
}

/// The herds of a window: the first [`MAX_HERDS`] (earliest first), and how many
/// more there are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Herds {
    pub herds: Vec<Herd>,
    /// Herds after the first [`MAX_HERDS`], not listed.
    pub more: usize,
}

/// At most this many herds are listed with their members (a week of `* * * * *`
/// jobs next to hourly ones can make thousands of different crowds).
pub const MAX_HERDS: usize = 100;

/// The thundering herds of a set of schedules: minutes of `[from, until)` in which
/// more than `threshold` of them fire (counting each input `weight` times), grouped
/// by which schedules those are, earliest first. Fire times are compared as
/// instants, so schedules in different zones that fire at the same moment are
/// together.
///
/// Cost: three passes over the inputs' fire minutes in the window (the same work
/// as counting them for a heatmap), whatever the number of crowded minutes; memory:
/// a few counters per minute of the window and the members of the listed herds.
pub fn find_herds(inputs: &[HerdInput<'_>], from: i64, until: i64, threshold: u32) -> Herds {
    let Ok(window) = Minutes::new(from, until) else {
        return Herds::default();
    };
    // 1: how many schedules fire in each minute
    let mut crowd = vec![0u32; window.slots];
    for i in inputs {
        window.each_minute(i.schedule, i.zone, i.dst, |slot, _| {
            crowd[slot] = crowd[slot].saturating_add(i.weight.max(1));
        });
    }
    // the crowded minutes, numbered in time order
    let mut crowded = vec![u32::MAX; window.slots];
    let mut starts: Vec<i64> = Vec::new();
    for (slot, &n) in crowd.iter().enumerate() {
        if n > threshold {
            crowded[slot] = starts.len() as u32;
            starts.push(window.base + slot as i64 * 60);
        }
    }
    drop(crowd);
    if starts.is_empty() {
        return Herds::default();
    }
    // 2: partition the crowded minutes by who fires in them: each input splits
    // every class it touches into "fires here" and "does not" (exact, no hashing)
    let mut class = vec![0u32; starts.len()];
    let mut classes = 1u32;
    let mut split: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    for i in inputs {
        split.clear();
        window.each_minute(i.schedule, i.zone, i.dst, |slot, _| {
            let Some(&c) = crowded.get(slot).filter(|&&c| c != u32::MAX) else {
                return;
            };
            let old = class[c as usize];
            let new = *split.entry(old).or_insert_with(|| {
                classes += 1;
                classes - 1
            });
            class[c as usize] = new;
        });
    }
    // the herds in order of their first minute
    let mut herd_of_class: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let mut herds: Vec<Herd> = Vec::new();
    let mut more = 0usize;
    let mut listed_minute = vec![u32::MAX; starts.len()];
    for (c, (&cl, &start)) in class.iter().zip(&starts).enumerate() {
        match herd_of_class.get(&cl) {
            Some(&h) if h < herds.len() => herds[h].minutes += 1,
            Some(_) => {}
            None if herds.len() < MAX_HERDS => {
                herd_of_class.insert(cl, herds.len());
                listed_minute[c] = herds.len() as u32;
                herds.push(Herd {
                    members: Vec::new(),
                    schedules: 0,
                    first: start,
                    minutes: 1,
                });
            }
            None => {
                herd_of_class.insert(cl, usize::MAX);
                more += 1;
            }
        }
    }
    // 3: the members of each listed herd: who fires in its first minute
    for (n, i) in inputs.iter().enumerate() {
        window.each_minute(i.schedule, i.zone, i.dst, |slot, _| {
            let Some(&c) = crowded.get(slot).filter(|&&c| c != u32::MAX) else {
                return;
            };
            if let Some(h) = herds.get_mut(listed_minute[c as usize] as usize) {
                h.members.push(n);
                h.schedules += u64::from(i.weight.max(1));
            }
        });
    }
    Herds { herds, more }
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

    fn input<'a>(schedule: &'a Schedule, zone: &'a Zone, weight: u32) -> HerdInput<'a> {
        HerdInput {
            schedule,
            zone,
            dst: DstPolicy::Skip,
            weight,
        }
    }

    #[test]
    fn herds_group_minutes_by_their_members() {
        let nightly = Schedule::parse("0 0 * * *", DialectChoice::Unix).unwrap();
        let hourly = Schedule::parse("0 * * * *", DialectChoice::Unix).unwrap();
        let other = Schedule::parse("30 1 * * *", DialectChoice::Unix).unwrap();
        let utc = Zone::utc();
        let mut inputs = vec![input(&other, &utc, 1)];
        for _ in 0..12 {
            inputs.push(input(&nightly, &utc, 1));
        }
        inputs.push(input(&hourly, &utc, 1));
        let week = MONDAY + 7 * 86_400;
        let found = find_herds(&inputs, MONDAY, week, 10);
        // every midnight of the week: the 12 nightly jobs and the hourly one
        assert_eq!(found.herds.len(), 1);
        assert_eq!(found.more, 0);
        assert_eq!(found.herds[0].members, (1..=13).collect::<Vec<_>>());
        assert_eq!(found.herds[0].schedules, 13);
        assert_eq!(found.herds[0].first, MONDAY);
        assert_eq!(found.herds[0].minutes, 7);
        assert!(find_herds(&inputs, MONDAY, week, 13).herds.is_empty());
        // the same with the twelve given once, weight 12
        let weighted = [
            input(&other, &utc, 1),
            input(&nightly, &utc, 12),
            input(&hourly, &utc, 1),
        ];
        let found = find_herds(&weighted, MONDAY, week, 10);
        assert_eq!(found.herds.len(), 1);
        assert_eq!(found.herds[0].members, vec![1, 2]);
        assert_eq!(found.herds[0].schedules, 13);
        assert_eq!(found.herds[0].minutes, 7);
    }

    #[test]
    fn herds_split_when_members_differ_and_zones_meet_in_utc() {
        // 11 jobs at midnight UTC; in Paris (UTC+1 in winter) 11 more at 01:00 local,
        // the same instant; on Mondays a 23rd job at 00:00 UTC joins them
        let utc = Zone::utc();
        let paris = Zone::parse("Europe/Paris").unwrap();
        let at_midnight = Schedule::parse("0 0 * * *", DialectChoice::Unix).unwrap();
        let paris_one = Schedule::parse("0 1 * * *", DialectChoice::Unix).unwrap();
        let mondays = Schedule::parse("0 0 * * 1", DialectChoice::Unix).unwrap();
        let inputs = [
            input(&at_midnight, &utc, 11),
            input(&paris_one, &paris, 11),
            input(&mondays, &utc, 1),
        ];
        let found = find_herds(&inputs, MONDAY, MONDAY + 7 * 86_400, 21);
        assert_eq!(found.herds.len(), 2, "{found:?}");
        assert_eq!(found.herds[0].members, vec![0, 1, 2]);
        assert_eq!(found.herds[0].schedules, 23);
        assert_eq!((found.herds[0].first, found.herds[0].minutes), (MONDAY, 1));
        assert_eq!(found.herds[1].members, vec![0, 1]);
        assert_eq!(found.herds[1].schedules, 22);
        assert_eq!(
            (found.herds[1].first, found.herds[1].minutes),
            (MONDAY + 86_400, 6)
        );
        // read in UTC, 01:00 is an hour later: nobody meets
        let apart = [input(&at_midnight, &utc, 11), input(&paris_one, &utc, 11)];
        assert!(find_herds(&apart, MONDAY, MONDAY + 7 * 86_400, 11)
            .herds
            .is_empty());
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
