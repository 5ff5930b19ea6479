//! Time zones and what happens to wall-clock schedules when clocks change.
//!
//! A cron expression names wall-clock times; a [`Zone`] maps those to instants. Twice
//! a year most zones break that mapping: in a **gap** (spring forward) some wall
//! times never happen, in an **overlap** (fall back) some happen twice. A
//! [`DstPolicy`] says what a schedule does then:
//!
//! | policy | wall time in a gap | wall time in an overlap |
//! |---|---|---|
//! | [`DstPolicy::Shift`] (default; java.time, Elasticsearch 8.17+) | fires at the same wall time plus the gap length (02:30 → 03:30) | fires once, at the first occurrence |
//! | [`DstPolicy::Skip`] (OCPS 1.4) | does not fire | fires once, at the first occurrence |
//! | [`DstPolicy::Quartz`] (Quartz 2.3.2, Nuxeo) | does not fire | fires once, at the second occurrence |
//! | [`DstPolicy::Wall`] (robfig/Kubernetes, fugit/GitLab, Spring) | does not fire | fires twice, once in each pass |
//! | [`DstPolicy::Cron`] (Vixie/ISC cron, cronie) | a fixed-time schedule fires once, at the first instant after the gap (02:30 → 03:00); a wildcard one does not fire | a fixed-time schedule fires once, at the first occurrence; a wildcard one fires at both |
//!
//! Under [`DstPolicy::Cron`] a schedule is *wildcard* when the text of its minute or
//! hour field starts with `*` (`*`, `*/15`; `@hourly` too) and *fixed-time* otherwise,
//! as cronie's `MIN_STAR`/`HR_STAR` flags decide ([`Schedule::is_wildcard_time`]);
//! `docs/dst.md` has the rules with their sources, including what cronie does when
//! the clock jumps by less than 5 minutes or by 3 hours or more.
//!
//! [`Schedule::is_wildcard_time`]: crate::Schedule::is_wildcard_time
//!
//! Zone data comes from chrono-tz, whose tables end with 2099. Later years reuse the
//! rules of the last table year with the same calendar (same leap-ness and weekday of
//! January 1st), so a zone keeps its daylight-saving rules up to 2199, as Java does.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, LocalResult, Offset, TimeZone};
use chrono_tz::{GapInfo, Tz};

use super::calendar::{civil_from_days, days_from_civil, is_leap, weekday_from_days};

/// What a schedule does at daylight-saving transitions (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DstPolicy {
    /// A time in a gap fires shifted by the gap length; an overlap fires at its first occurrence.
    #[default]
    Shift,
    /// A time in a gap does not fire; an overlap fires at its first occurrence.
    Skip,
    /// Quartz 2.3.2: a time in a gap does not fire; an overlap fires at its second occurrence.
    Quartz,
    /// Every instant whose wall-clock reading matches fires: a time in a gap never
    /// happens, so it does not fire; a time in an overlap happens twice and fires
    /// twice (robfig/cron and so Kubernetes, fugit and so GitLab, Spring).
    Wall,
    /// Vixie/ISC cron and cronie: a fixed-time schedule whose wall time falls in a gap
    /// fires once when the gap ends, and fires once in an overlap (its first
    /// occurrence); a schedule with a wildcard minute or hour skips the gap and fires
    /// in both passes of an overlap (see the module docs and `docs/dst.md`).
    Cron,
}

impl DstPolicy {
    /// Every policy, in the order the CLI lists them.
    pub const ALL: [DstPolicy; 5] = [
        DstPolicy::Shift,
        DstPolicy::Skip,
        DstPolicy::Quartz,
        DstPolicy::Cron,
        DstPolicy::Wall,
    ];

    /// The policy's name as `--dst` spells it.
    pub fn name(self) -> &'static str {
        match self {
            DstPolicy::Shift => "shift",
            DstPolicy::Skip => "skip",
            DstPolicy::Quartz => "quartz",
            DstPolicy::Wall => "wall",
            DstPolicy::Cron => "cron",
        }
    }
}

impl fmt::Display for DstPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DstPolicy {
    type Err = ZoneError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "shift" => Ok(DstPolicy::Shift),
            "skip" => Ok(DstPolicy::Skip),
            "quartz" => Ok(DstPolicy::Quartz),
            "wall" => Ok(DstPolicy::Wall),
            "cron" => Ok(DstPolicy::Cron),
            _ => Err(ZoneError::UnknownPolicy(s.to_string())),
        }
    }
}

/// Why a zone or policy name was not understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ZoneError {
    #[error("unknown time zone `{0}`: use an IANA name (e.g. `Europe/Paris`), `UTC`, `local` or an offset like `+05:30`")]
    Unknown(String),
    #[error("offset `{0}` is out of range: offsets go from -23:59 to +23:59")]
    OffsetOutOfRange(String),
    #[error("the system time zone `{0}` (from TZ or /etc/localtime) is not an IANA zone name; pass --tz explicitly")]
    UnknownLocal(String),
    #[error("unknown DST policy `{0}`: use shift, skip, quartz or cron")]
    UnknownPolicy(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Fixed(i32),
    Named(Tz),
}

/// A time zone: UTC, a fixed offset, or an IANA zone with its daylight-saving rules.
#[derive(Clone, Debug)]
pub struct Zone {
    kind: Kind,
    name: String,
    /// The zone's offset changes (IANA zones), shared by every `Zone` of that name
    /// and built on first use; `None` for fixed offsets.
    table: Option<&'static Table>,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        // the table follows from the kind
        self.kind == other.kind && self.name == other.name
    }
}

impl Eq for Zone {}

/// How a wall-clock time maps to instants in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalTime {
    /// Exactly one instant (Unix seconds).
    Unique(i64),
    /// The wall time happens twice (a fall-back overlap): earlier and later instant.
    Ambiguous(i64, i64),
    /// The wall time does not happen (a spring-forward gap); the UTC offsets in seconds
    /// before and after the transition.
    Gap { before: i32, after: i32 },
}

impl Zone {
    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        Zone {
            kind: Kind::Fixed(0),
            name: "UTC".to_string(),
            table: None,
        }
    }

    /// A fixed offset east of UTC, in seconds (|offset| < 24 h).
    pub fn fixed(offset_secs: i32) -> Option<Zone> {
        if offset_secs.abs() >= 86_400 {
            return None;
        }
        let sign = if offset_secs < 0 { '-' } else { '+' };
        let a = offset_secs.abs();
        let mut name = format!("{sign}{:02}:{:02}", a / 3600, a / 60 % 60);
        if a % 60 != 0 {
            name.push_str(&format!(":{:02}", a % 60));
        }
        Some(Zone {
            kind: Kind::Fixed(offset_secs),
            name,
            table: None,
        })
    }

    /// An IANA zone.
    pub fn named(tz: Tz) -> Zone {
        Zone {
            kind: Kind::Named(tz),
            name: tz.name().to_string(),
            table: Table::of(tz),
        }
    }

    /// Read `UTC`, `local`, an offset (`+05:30`, `-0800`, `+09`) or an IANA name
    /// (exact or any case).
    ///
    /// ```
    /// use cronkit::Zone;
    /// assert_eq!(Zone::parse("Europe/Paris").unwrap().name(), "Europe/Paris");
    /// assert_eq!(Zone::parse("+05:30").unwrap().fixed_offset(), Some(19_800));
    /// assert!(Zone::parse("Mars/Olympus").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Zone, ZoneError> {
        let t = s.trim();
        // any case, like IANA names below: `etc/utc` must be the same zone as `Etc/UTC`
        // (found by fuzzing: it read as a named zone that merely had offset 0)
        const UTC: [&str; 5] = ["UTC", "Z", "Etc/UTC", "GMT", "Etc/GMT"];
        if UTC.iter().any(|u| t.eq_ignore_ascii_case(u)) {
            return Ok(Zone::utc());
        }
        if t.eq_ignore_ascii_case("local") {
            return Zone::local();
        }
        if t.starts_with('+') || t.starts_with('-') {
            return parse_offset(t).map_err(|e| match e {
                Some(e) => e,
                None => ZoneError::Unknown(s.to_string()),
            });
        }
        // `UTC+05:30`, `GMT-3`, in any case (found by fuzzing: `gmt+0` read as the
        // IANA zone `GMT+0`, `GMT+0` as a fixed offset, so the two printed differently)
        let prefix = t.get(..3).unwrap_or("");
        if prefix.eq_ignore_ascii_case("UTC") || prefix.eq_ignore_ascii_case("GMT") {
            let rest = &t[3..];
            if rest.starts_with('+') || rest.starts_with('-') {
                return parse_offset(rest)
                    .map_err(|e| e.unwrap_or(ZoneError::Unknown(s.to_string())));
            }
        }
        parse_named(t).ok_or_else(|| ZoneError::Unknown(s.to_string()))
    }

    /// The system zone: `TZ` if set, else `/etc/localtime`; UTC when neither says.
    pub fn local() -> Result<Zone, ZoneError> {
        if let Ok(tz) = std::env::var("TZ") {
            let name = tz.trim().trim_start_matches(':');
            if !name.is_empty() {
                let name = name
                    .rsplit_once("zoneinfo/")
                    .map(|(_, n)| n)
                    .unwrap_or(name);
                if matches!(name, "UTC" | "UTC0" | "GMT" | "GMT0" | "Etc/UTC") {
                    return Ok(Zone::utc());
                }
                return parse_named(name).ok_or(ZoneError::UnknownLocal(tz));
            }
        }
        match iana_time_zone::get_timezone() {
            Ok(name) if name == "UTC" || name == "Etc/UTC" => Ok(Zone::utc()),
            Ok(name) => parse_named(&name).ok_or(ZoneError::UnknownLocal(name)),
            Err(_) => Ok(Zone::utc()),
        }
    }

    /// The zone's name: `UTC`, `+05:30` or the IANA name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True for UTC itself.
    pub fn is_utc(&self) -> bool {
        self.kind == Kind::Fixed(0)
    }

    /// The offset in seconds when it never changes (UTC and fixed offsets).
    pub fn fixed_offset(&self) -> Option<i32> {
        match self.kind {
            Kind::Fixed(o) => Some(o),
            Kind::Named(_) => None,
        }
    }

    /// The IANA zone, if this is one.
    pub fn tz(&self) -> Option<Tz> {
        match self.kind {
            Kind::Named(tz) => Some(tz),
            Kind::Fixed(_) => None,
        }
    }

    /// UTC offset in seconds (east positive) at instant `ts` (Unix seconds).
    #[inline]
    pub fn offset_at(&self, ts: i64) -> i32 {
        match self.kind {
            Kind::Fixed(o) => o,
            Kind::Named(tz) => match self.table {
                Some(t) if (TABLE_START..TABLE_END).contains(&ts) => t.off[t.segment(ts)],
                _ => chrono_offset_at(tz, ts),
            },
        }
    }

    /// The zone's table of offset changes, when it has one the search can rely on.
    #[inline]
    pub(crate) fn table(&self) -> Option<&'static Table> {
        self.table
    }

    /// Builds `tz`'s table of offset changes afresh, as the first use of the zone
    /// in a process does, without keeping it: the number of changes it holds
    /// (`None` when the zone gets no table). For the benchmark of that one-off
    /// cost (`benches/zones.rs`, `zone_table`); the searches use the shared table.
    #[doc(hidden)]
    pub fn build_table_uncached(tz: Tz) -> Option<usize> {
        Table::build(tz).map(|t| t.at.len())
    }

    /// [`Zone::offset_at`] asked of chrono-tz directly, without the table (for the
    /// tests that check the table against its source).
    #[doc(hidden)]
    pub fn offset_at_uncached(&self, ts: i64) -> i32 {
        match self.kind {
            Kind::Fixed(o) => o,
            Kind::Named(tz) => chrono_offset_at(tz, ts),
        }
    }
}

/// The offset chrono-tz gives at `ts`, its rules carried on past 2099 by the
/// equivalent-year mapping (see the module docs).
fn chrono_offset_at(tz: Tz, ts: i64) -> i32 {
    let (ts, _) = equivalent_instant(ts.clamp(LOOKUP_MIN, LOOKUP_MAX));
    match DateTime::from_timestamp(ts, 0) {
        Some(dt) => tz
            .offset_from_utc_datetime(&dt.naive_utc())
            .fix()
            .local_minus_utc(),
        None => 0,
    }
}

impl Zone {
    /// The instants at which wall-clock second `local` (seconds since 1970-01-01 on
    /// the wall clock) happens.
    pub fn resolve_local(&self, local: i64) -> LocalTime {
        let tz = match self.kind {
            Kind::Fixed(o) => return LocalTime::Unique(local.saturating_sub(o as i64)),
            Kind::Named(tz) => tz,
        };
        if let Some(t) = self.table {
            if (TABLE_START + DAY..TABLE_END - DAY).contains(&local) {
                return t.resolve_local(local);
            }
        }
        if !(LOOKUP_MIN..=LOOKUP_MAX).contains(&local) {
            // far outside any calendar a schedule can name: the edge's offset
            return LocalTime::Unique(local.saturating_sub(self.offset_at(local) as i64));
        }
        let (mapped, delta) = equivalent_instant(local);
        let Some(ndt) = DateTime::from_timestamp(mapped, 0).map(|d| d.naive_utc()) else {
            return LocalTime::Unique(local);
        };
        match tz.offset_from_local_datetime(&ndt) {
            LocalResult::Single(o) => LocalTime::Unique(local - o.fix().local_minus_utc() as i64),
            LocalResult::Ambiguous(a, b) => {
                let ia = local - a.fix().local_minus_utc() as i64;
                let ib = local - b.fix().local_minus_utc() as i64;
                LocalTime::Ambiguous(ia.min(ib), ia.max(ib))
            }
            LocalResult::None => {
                let info = GapInfo::new(&ndt, &tz);
                let before = info
                    .as_ref()
                    .and_then(|g| g.begin.as_ref())
                    .map(|(_, o)| o.fix().local_minus_utc());
                let after = info
                    .as_ref()
                    .and_then(|g| g.end.as_ref())
                    .map(|e| e.offset().fix().local_minus_utc());
                let _ = delta;
                match (before, after) {
                    (Some(b), Some(a)) => LocalTime::Gap {
                        before: b,
                        after: a,
                    },
                    // outside the table's limits there are no gaps; be safe anyway
                    _ => {
                        let o = self.offset_at(local);
                        LocalTime::Unique(local - o as i64)
                    }
                }
            }
        }
    }
}

impl Zone {
    /// The wall-clock range `[start, end)` of the gap that wall second `local` falls
    /// in, or `None` when `local` exists. Lets a search step over a whole gap at
    /// once instead of second by second.
    pub fn gap_around(&self, local: i64) -> Option<(i64, i64)> {
        if let Some(t) = self.table {
            if (TABLE_START + DAY..TABLE_END - DAY).contains(&local) {
                return t.change_around(local, true).map(|k| {
                    (
                        t.at[k - 1] + t.off[k - 1] as i64,
                        t.at[k - 1] + t.off[k] as i64,
                    )
                });
            }
        }
        let LocalTime::Gap { before, after } = self.resolve_local(local) else {
            return None;
        };
        let (before, after) = (before as i64, after as i64);
        // The change happens at an instant T with local in [T + before, T + after),
        // so T is in (local - after, local - before]: bisect on the offset.
        let (mut lo, mut hi) = (local - after, local - before);
        if self.offset_at(lo) as i64 != before || self.offset_at(hi) as i64 != after {
            return None; // not the simple shape (should not happen): no shortcut
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.offset_at(mid) as i64 == before {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some((hi + before, hi + after))
    }
}

impl Zone {
    /// The wall-clock range `[start, end)` of the overlap that wall second `local`
    /// falls in (it happens twice) and the instant the clocks went back, or `None`
    /// when `local` happens once or not at all.
    pub fn overlap_around(&self, local: i64) -> Option<(i64, i64, i64)> {
        if let Some(t) = self.table {
            if (TABLE_START + DAY..TABLE_END - DAY).contains(&local) {
                return t.change_around(local, false).map(|k| {
                    let at = t.at[k - 1];
                    (at + t.off[k] as i64, at + t.off[k - 1] as i64, at)
                });
            }
        }
        let LocalTime::Ambiguous(first, second) = self.resolve_local(local) else {
            return None;
        };
        let (before, after) = (local - first, local - second);
        // the change happens at an instant T in (first, second]
        let (mut lo, mut hi) = (first, second);
        if self.offset_at(lo) as i64 != before || self.offset_at(hi) as i64 != after {
            return None;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.offset_at(mid) as i64 == before {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some((hi + after, hi + before, hi))
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl FromStr for Zone {
    type Err = ZoneError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Zone::parse(s)
    }
}

fn parse_named(name: &str) -> Option<Zone> {
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(Zone::named(tz));
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(name))
        .map(|tz| Zone::named(*tz))
}

/// `+05:30`, `-0800`, `+09`, `+5:30`. `Err(None)` when it is not an offset at all.
fn parse_offset(t: &str) -> Result<Zone, Option<ZoneError>> {
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1, &t[1..]),
        Some(b'-') => (-1, &t[1..]),
        _ => return Err(None),
    };
    let (h, m) = if let Some((h, m)) = rest.split_once(':') {
        (h, m)
    } else if rest.len() == 4 && rest.is_ascii() {
        // (ASCII only: slicing at byte 2 of `é12` would split a character; found by
        // fuzzing, a panic on `--tz +é12`)
        (&rest[..2], &rest[2..])
    } else {
        (rest, "0")
    };
    if h.is_empty() || h.len() > 2 || m.is_empty() || m.len() > 2 {
        return Err(None);
    }
    let (Ok(h), Ok(m)) = (h.parse::<i32>(), m.parse::<i32>()) else {
        return Err(None);
    };
    if h > 23 || m > 59 {
        return Err(Some(ZoneError::OffsetOutOfRange(t.to_string())));
    }
    Zone::fixed(sign * (h * 3600 + m * 60)).ok_or(Some(ZoneError::OffsetOutOfRange(t.to_string())))
}

const DAY: i64 = 86_400;

/// The span of instants a [`Table`] covers: from 1969-12-25 (the first wall times
/// of 1970 in zones east of UTC) to 2200-01-08 (the last of 2199 west of it).
pub(crate) const TABLE_START: i64 = -7 * DAY;
pub(crate) const TABLE_END: i64 = days_from_civil(2200, 1, 8) * DAY;
/// A [`Table`]'s index has one entry per 2^21 s (about 24 days).
const BUCKET_BITS: u32 = 21;
/// chrono-tz is asked every 6 days and the changes bisected to the second. No two
/// changes of one zone are closer than 6.96 days (America/Boa_Vista, 1999) in
/// chrono-tz 0.10 from 1970 to 2099; `tests/dst_sweep.rs` compares every zone's
/// table with chrono-tz day by day, so a closer pair in a later release is caught.
const SCAN_STEP: i64 = 6 * DAY;
/// The shortest segment between two changes the fast search relies on (longer than
/// any offset change, so that each wall time has its instants in at most two
/// neighbouring segments); a zone with a shorter one has no table.
const MIN_SEGMENT: i64 = 2 * DAY;

/// One zone's UTC-offset changes from [`TABLE_START`] to [`TABLE_END`], found once
/// per process (on first use) and searched through a bucket index, so that an
/// offset costs a few instructions and a DST search knows where the next change is
/// without looking for it.
///
/// Segment `k` is the span of instants `[at[k-1], at[k])` (unbounded at the ends),
/// with offset `off[k]`.
#[derive(Debug)]
pub(crate) struct Table {
    /// Instants of the changes, ascending.
    pub(crate) at: Box<[i64]>,
    /// `off[k]`: the offset on segment `k` (one more entry than `at`).
    pub(crate) off: Box<[i32]>,
    /// `first[b]`: how many changes come before `TABLE_START + (b << BUCKET_BITS)`.
    first: Box<[u16]>,
}

impl Table {
    /// The table of `tz`, built on first use; `None` when its changes are too close
    /// together for the fast search (none are in chrono-tz 0.10).
    fn of(tz: Tz) -> Option<&'static Table> {
        const N: usize = chrono_tz::TZ_VARIANTS.len();
        static TABLES: [OnceLock<Option<Table>>; N] = [const { OnceLock::new() }; N];
        TABLES
            .get(tz as usize)?
            .get_or_init(|| Table::build(tz))
            .as_ref()
    }

    fn build(tz: Tz) -> Option<Table> {
        let raw = |t: i64| chrono_offset_at(tz, t);
        let mut at: Vec<i64> = Vec::new();
        let mut off = vec![raw(TABLE_START)];
        let mut cur = off[0];
        // chrono-tz's own data, to the end of 2099
        const CHRONO_LAST: i64 = 4_102_444_799; // 2099-12-31T23:59:59Z
        let mut t = TABLE_START;
        while t < CHRONO_LAST {
            let next = (t + SCAN_STEP).min(CHRONO_LAST);
            let o = raw(next);
            if o == cur {
                t = next;
                continue;
            }
            // the first second in (t, next] with another offset
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if raw(mid) == cur {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            cur = raw(hi);
            at.push(hi);
            off.push(cur);
            t = hi;
        }
        // from 2100 each year repeats the changes of its equivalent year (as
        // `chrono_offset_at` maps it), plus any change at the year's first second
        let base: Vec<(i64, i32)> = at.iter().copied().zip(off[1..].iter().copied()).collect();
        for y in 2100..=2200 {
            let start = days_from_civil(y, 1, 1) * DAY;
            if start >= TABLE_END {
                break;
            }
            let len = if is_leap(y) { 366 * DAY } else { 365 * DAY };
            let delta =
                (days_from_civil(equivalent_year(y), 1, 1) - days_from_civil(y, 1, 1)) * DAY;
            let o = raw(start);
            if o != cur {
                at.push(start);
                off.push(o);
                cur = o;
            }
            for &(a, o) in base
                .iter()
                .filter(|(a, _)| (start + delta..start + delta + len).contains(a))
            {
                if o != cur && a - delta > start {
                    at.push(a - delta);
                    off.push(o);
                    cur = o;
                }
            }
        }
        if at.windows(2).any(|w| w[1] - w[0] < MIN_SEGMENT) || at.len() >= u16::MAX as usize {
            return None;
        }
        let buckets = ((TABLE_END - TABLE_START) >> BUCKET_BITS) as usize + 1;
        let first = (0..buckets)
            .map(|b| {
                let edge = TABLE_START + ((b as i64) << BUCKET_BITS);
                at.partition_point(|&a| a < edge) as u16
            })
            .collect();
        Some(Table {
            at: at.into_boxed_slice(),
            off: off.into_boxed_slice(),
            first,
        })
    }

    /// The segment of instant `ts` (clamped to the table's span).
    #[inline]
    pub(crate) fn segment(&self, ts: i64) -> usize {
        let ts = ts.clamp(TABLE_START, TABLE_END - 1);
        let b = ((ts - TABLE_START) >> BUCKET_BITS) as usize;
        let mut k = self.first.get(b).copied().unwrap_or(0) as usize;
        while k < self.at.len() && self.at[k] <= ts {
            k += 1;
        }
        k
    }

    /// First instant of segment `k`.
    #[inline]
    pub(crate) fn start(&self, k: usize) -> i64 {
        if k == 0 {
            i64::MIN
        } else {
            self.at[k - 1]
        }
    }

    /// First instant after segment `k`.
    #[inline]
    pub(crate) fn end(&self, k: usize) -> i64 {
        self.at.get(k).copied().unwrap_or(i64::MAX)
    }

    /// The offset change at the start of segment `k` (new minus old; 0 for the first,
    /// and past the last).
    #[inline]
    pub(crate) fn change(&self, k: usize) -> i32 {
        if k == 0 || k >= self.off.len() {
            0
        } else {
            self.off[k] - self.off[k - 1]
        }
    }

    /// [`Zone::resolve_local`] from the table. The instants of a wall time are
    /// within a day of it, so in the segment of `local` or a neighbour.
    fn resolve_local(&self, local: i64) -> LocalTime {
        let k = self.segment(local);
        let mut found = [0i64; 2];
        let mut n = 0;
        for m in k.saturating_sub(1)..=(k + 1).min(self.at.len()) {
            let i = local - self.off[m] as i64;
            if (self.start(m)..self.end(m)).contains(&i) && n < 2 {
                found[n] = i;
                n += 1;
            }
        }
        match n {
            1 => LocalTime::Unique(found[0]),
            2 => LocalTime::Ambiguous(found[0], found[1]),
            _ => match self.change_around(local, true) {
                Some(m) => LocalTime::Gap {
                    before: self.off[m - 1],
                    after: self.off[m],
                },
                // cannot happen with segments longer than a day; be safe
                None => LocalTime::Unique(local - self.off[k] as i64),
            },
        }
    }

    /// The segment `m` whose starting change makes wall time `local` missing (`gap`)
    /// or repeated (not `gap`).
    fn change_around(&self, local: i64, gap: bool) -> Option<usize> {
        let k = self.segment(local);
        (k.saturating_sub(1)..=(k + 1).min(self.at.len()))
            .filter(|&m| m > 0)
            .find(|&m| {
                let at = self.at[m - 1];
                let (before, after) = (at + self.off[m - 1] as i64, at + self.off[m] as i64);
                if gap {
                    (before..after).contains(&local)
                } else {
                    (after..before).contains(&local)
                }
            })
    }
}

/// Instants and wall-clock seconds outside years 1–9999 are looked up at the
/// nearest edge of that range: nothing there can fire, and it keeps the calendar
/// arithmetic (and chrono) far from `i64` overflow.
const LOOKUP_MIN: i64 = -62_135_596_800; // 0001-01-01T00:00:00
const LOOKUP_MAX: i64 = 253_402_300_799; // 9999-12-31T23:59:59

/// The last year chrono-tz has transitions for.
const LAST_TABLE_YEAR: i32 = 2099;

/// For instants after the zone tables end, the same moment in the latest table year
/// with the same calendar; returns the mapped value and the shift in seconds.
fn equivalent_instant(ts: i64) -> (i64, i64) {
    // 2100-01-01T00:00:00Z
    const TABLE_END: i64 = 4_102_444_800;
    if ts < TABLE_END {
        return (ts, 0);
    }
    let (y, _, _) = civil_from_days(ts.div_euclid(86_400));
    let target = equivalent_year(y);
    let delta = (days_from_civil(target, 1, 1) - days_from_civil(y, 1, 1)) * 86_400;
    (ts + delta, delta)
}

fn equivalent_year(y: i32) -> i32 {
    let leap = is_leap(y);
    let wd = weekday_from_days(days_from_civil(y, 1, 1));
    let mut c = LAST_TABLE_YEAR;
    while c > LAST_TABLE_YEAR - 40 {
        if is_leap(c) == leap && weekday_from_days(days_from_civil(c, 1, 1)) == wd {
            return c;
        }
        c -= 1;
    }
    LAST_TABLE_YEAR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_offsets_and_utc() {
        assert!(Zone::parse("UTC").unwrap().is_utc());
        for junk in ["+é12", "-é12", "GMT-é1", "+1é", "+\u{fffd}3"] {
            assert!(Zone::parse(junk).is_err(), "{junk}");
        }
        for (a, b) in [
            ("GMT+0", "gmt+0"),
            ("GmT+0", "GMT+0"),
            ("utc-3", "UTC-3"),
            ("Gmt+05:30", "+05:30"),
        ] {
            assert_eq!(
                Zone::parse(a).unwrap(),
                Zone::parse(b).unwrap(),
                "{a} vs {b}"
            );
        }
        // the IANA `Etc/GMT+5` keeps its POSIX sign (five hours *west*)
        assert_eq!(Zone::parse("etc/gmt+5").unwrap().offset_at(0), -18_000);
        for utc in ["etc/UTC", "ETC/utc", "gmt", "Utc", "z"] {
            assert!(Zone::parse(utc).unwrap().is_utc(), "{utc}");
        }
        assert_eq!(
            Zone::parse("america/new_york").unwrap().name(),
            "America/New_York"
        );
        assert_eq!(Zone::parse("-0800").unwrap().fixed_offset(), Some(-28_800));
        assert_eq!(Zone::parse("+09").unwrap().fixed_offset(), Some(32_400));
        assert_eq!(
            Zone::parse("UTC+05:30").unwrap().fixed_offset(),
            Some(19_800)
        );
        assert!(matches!(
            Zone::parse("+25:00"),
            Err(ZoneError::OffsetOutOfRange(_))
        ));
        assert!(matches!(
            Zone::parse("Nowhere/City"),
            Err(ZoneError::Unknown(_))
        ));
    }

    #[test]
    fn new_york_gap_and_overlap() {
        let ny = Zone::parse("America/New_York").unwrap();
        // 2026-03-08 02:30 local does not exist
        let local = days_from_civil(2026, 3, 8) * 86_400 + 2 * 3600 + 1800;
        assert_eq!(
            ny.resolve_local(local),
            LocalTime::Gap {
                before: -18_000,
                after: -14_400
            }
        );
        // 2026-11-01 01:30 happens twice: 05:30Z and 06:30Z
        let local = days_from_civil(2026, 11, 1) * 86_400 + 3600 + 1800;
        let base = days_from_civil(2026, 11, 1) * 86_400;
        assert_eq!(
            ny.resolve_local(local),
            LocalTime::Ambiguous(base + 5 * 3600 + 1800, base + 6 * 3600 + 1800)
        );
    }

    #[test]
    fn gap_bounds() {
        let ny = Zone::parse("America/New_York").unwrap();
        let day = days_from_civil(2026, 3, 8) * 86_400;
        let gap = Some((day + 2 * 3600, day + 3 * 3600)); // 02:00–03:00 wall clock
        for local in [day + 2 * 3600, day + 2 * 3600 + 1799, day + 3 * 3600 - 1] {
            assert_eq!(ny.gap_around(local), gap);
        }
        assert_eq!(ny.gap_around(day + 3 * 3600), None);
        assert_eq!(ny.gap_around(day + 2 * 3600 - 1), None);
        // Lord Howe: 02:00–02:30 on 2026-10-04
        let lh = Zone::parse("Australia/Lord_Howe").unwrap();
        let day = days_from_civil(2026, 10, 4) * 86_400;
        assert_eq!(
            lh.gap_around(day + 2 * 3600 + 600),
            Some((day + 2 * 3600, day + 2 * 3600 + 1800))
        );
    }

    #[test]
    fn rules_continue_after_the_tables_end() {
        let ny = Zone::parse("America/New_York").unwrap();
        // July 2150 is daylight time (-04:00), January 2150 standard (-05:00)
        let july = days_from_civil(2150, 7, 1) * 86_400;
        let jan = days_from_civil(2150, 1, 15) * 86_400;
        assert_eq!(ny.offset_at(july), -14_400);
        assert_eq!(ny.offset_at(jan), -18_000);
        // the second Sunday of March 2150 is the 8th: 02:30 is in a gap
        assert_eq!(weekday_from_days(days_from_civil(2150, 3, 8)), 0);
        let gap = days_from_civil(2150, 3, 8) * 86_400 + 2 * 3600 + 1800;
        assert!(matches!(ny.resolve_local(gap), LocalTime::Gap { .. }));
    }
}
