//! The time-zone workload of issue 12, shared by `benches/zones.rs` (criterion)
//! and `examples/instr_probe.rs` (callgrind).
//!
//! A *run* is 5 000 next-fire calls through each library's `DateTime` API, asked
//! from the 5 000 consecutive seconds after a start instant (so every call does a
//! full search, and a run near a clock change keeps asking during the change):
//!
//! | scenario | zone | start |
//! |---|---|---|
//! | `utc` | UTC | 2026-03-10T07:00:00Z, an ordinary Tuesday |
//! | `ny_ordinary` | America/New_York | the same instant (03:00 EDT) |
//! | `ny_spring` | America/New_York | 2026-03-08T07:00:00Z: the change, 02:00 EST → 03:00 EDT |
//! | `ny_fall` | America/New_York | 2026-11-01T05:00:00Z: 01:00 EDT, the first instant of the overlap |

use std::str::FromStr;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

/// Calls in a run.
pub const CALLS: i64 = 5_000;

/// One schedule, in cronkit's Quartz syntax and each peer's own.
pub struct ZoneCase {
    pub name: &'static str,
    pub quartz: &'static str,
    pub cron: Option<&'static str>,
    pub croner: Option<&'static str>,
    pub saffron: Option<&'static str>,
}

pub const ZONE_CASES: &[ZoneCase] = &[
    ZoneCase {
        name: "every_second",
        quartz: "* * * * * ?",
        cron: Some("* * * * * *"),
        croner: Some("* * * * * *"),
        saffron: None,
    },
    ZoneCase {
        name: "every_10_seconds",
        quartz: "*/10 * * * * ?",
        cron: Some("*/10 * * * * *"),
        croner: Some("*/10 * * * * *"),
        saffron: None,
    },
    ZoneCase {
        name: "every_minute",
        quartz: "0 * * * * ?",
        cron: Some("0 * * * * *"),
        croner: Some("0 * * * * *"),
        saffron: Some("* * * * *"),
    },
    ZoneCase {
        name: "weekdays_09_30",
        quartz: "0 30 9 ? * MON-FRI",
        cron: Some("0 30 9 * * MON-FRI"),
        croner: Some("0 30 9 * * MON-FRI"),
        saffron: Some("30 9 * * MON-FRI"),
    },
    ZoneCase {
        name: "yearly",
        quartz: "0 0 0 1 1 ?",
        cron: Some("0 0 0 1 1 *"),
        croner: Some("0 0 0 1 1 *"),
        saffron: Some("0 0 1 1 *"),
    },
    ZoneCase {
        name: "last_weekday",
        quartz: "0 0 12 LW * ?",
        cron: None,
        croner: Some("0 0 12 LW * *"),
        saffron: Some("0 12 LW * *"),
    },
    ZoneCase {
        name: "once_a_century",
        quartz: "0 0 0 1 1 ? 2000/100",
        cron: Some("0 0 0 1 1 * 2000/100"),
        croner: None,
        saffron: None,
    },
];

/// Where a run starts and in which zone.
pub struct Scenario {
    pub name: &'static str,
    pub zone: Option<Tz>,
    pub start: i64,
}

pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "utc",
        zone: None,
        start: 1_773_126_000, // 2026-03-10T07:00:00Z
    },
    Scenario {
        name: "ny_ordinary",
        zone: Some(chrono_tz::America::New_York),
        start: 1_773_126_000,
    },
    Scenario {
        name: "ny_spring",
        zone: Some(chrono_tz::America::New_York),
        start: 1_772_953_200, // 2026-03-08T07:00:00Z
    },
    Scenario {
        name: "ny_fall",
        zone: Some(chrono_tz::America::New_York),
        start: 1_793_509_200, // 2026-11-01T05:00:00Z
    },
];

/// A library ready to answer "next fire time after t" in one scenario.
pub enum Runner {
    Cronkit(Schedule, Zone, DstPolicy),
    Cron(cron::Schedule, Option<Tz>),
    Croner(croner::Cron, Option<Tz>),
    Saffron(saffron::Cron),
}

impl Runner {
    /// `lib` is `cronkit`, `cron`, `croner` or `saffron`; `None` when that library
    /// cannot express the case or has no time zones.
    pub fn new(lib: &str, case: &ZoneCase, sc: &Scenario, dst: DstPolicy) -> Option<Runner> {
        Some(match lib {
            "cronkit" => Runner::Cronkit(
                Schedule::parse(case.quartz, DialectChoice::Quartz).ok()?,
                sc.zone.map_or_else(Zone::utc, Zone::named),
                dst,
            ),
            "cron" => Runner::Cron(cron::Schedule::from_str(case.cron?).ok()?, sc.zone),
            "croner" => Runner::Croner(
                croner::parser::CronParser::builder()
                    .seconds(croner::parser::Seconds::Optional)
                    .build()
                    .parse(case.croner?)
                    .ok()?,
                sc.zone,
            ),
            "saffron" if sc.zone.is_none() => {
                Runner::Saffron(saffron::Cron::from_str(case.saffron?).ok()?)
            }
            _ => return None,
        })
    }

    /// The next fire time after `t` (Unix seconds), through the library's
    /// `DateTime` API, as Unix seconds.
    #[inline]
    pub fn next(&self, t: i64) -> Option<i64> {
        let utc = DateTime::from_timestamp(t, 0)?;
        match self {
            Runner::Cronkit(s, z, dst) => s.next_after(utc, z, *dst).map(|d| d.timestamp()),
            Runner::Cron(s, Some(tz)) => s
                .after(&tz.from_utc_datetime(&utc.naive_utc()))
                .next()
                .map(|d| d.timestamp()),
            Runner::Cron(s, None) => s.after(&utc).next().map(|d| d.timestamp()),
            Runner::Croner(c, Some(tz)) => c
                .find_next_occurrence(&tz.from_utc_datetime(&utc.naive_utc()), false)
                .ok()
                .map(|d| d.timestamp()),
            Runner::Croner(c, None) => c
                .find_next_occurrence(&utc, false)
                .ok()
                .map(|d| d.timestamp()),
            Runner::Saffron(c) => c.next_after(utc).map(|d: DateTime<Utc>| d.timestamp()),
        }
    }

    /// The answers of one run.
    pub fn run(&self, start: i64) -> Vec<Option<i64>> {
        (0..CALLS).map(|i| self.next(start + i)).collect()
    }
}

/// How a peer's answers compare with cronkit's: `Ok(policy)` when they equal
/// cronkit's under that DST policy, else what is wrong with them.
pub fn verdict(peer: &[Option<i64>], case: &ZoneCase, sc: &Scenario) -> Result<DstPolicy, String> {
    for dst in DstPolicy::ALL {
        let ours = Runner::new("cronkit", case, sc, dst)
            .expect("cronkit expresses every case")
            .run(sc.start);
        if ours == peer {
            return Ok(dst);
        }
    }
    let backwards = peer
        .iter()
        .enumerate()
        .filter(|(i, p)| p.is_some_and(|p| p <= sc.start + *i as i64))
        .count();
    Err(if backwards > 0 {
        format!("{backwards} answers not after the time asked")
    } else {
        "answers differ from every DST policy".to_string()
    })
}
