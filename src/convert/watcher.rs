//! Cron → Elasticsearch Watcher schedule: the simplest schedule object that
//! Elasticsearch translates into crons firing at exactly the same times.
//!
//! The patterns are merged first ([`super::merge`]), then each must fit one
//! structured type; when all fit the same one it is used, else `cron`:
//!
//! | pattern (seconds 0, every year) | Watcher |
//! |---|---|
//! | every day, every hour | `{"hourly": {"minute": [..]}}` |
//! | every day | `{"daily": {"at": "17:00"}}` (or `{"hour": [..], "minute": [..]}`) |
//! | plain weekdays, every month | `{"weekly": {"on": [..], "at": ..}}` |
//! | plain days and/or `L`, every month | `{"monthly": {"on": [.., "last_day"], "at": ..}}` |
//! | plain days and/or `L`, some months | `{"yearly": {"in": [..], "on": [..], "at": ..}}` |
//! | anything else | `{"cron": "..."}` or `{"cron": [..]}` |
//!
//! `last_day` never shares an entry with other days: Elasticsearch would
//! write `10,L`, which its own cron parser (like Quartz) rejects, so it gets
//! an entry of its own.

use std::collections::BTreeMap;

use crate::formats::json::write_string;

use super::pattern::{Days, Pattern, ALL_HOURS, ALL_MONTHS};
use super::{merge, ConvertError, Target};

/// A Watcher schedule object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WatcherSchedule {
    /// `hourly`, `daily`, `weekly`, `monthly`, `yearly` or `cron` (or
    /// `interval`, passed through by the caller).
    pub kind: &'static str,
    /// The schedule object as compact JSON, e.g. `{"daily":{"at":"17:00"}}`,
    /// with `"timezone"` when one was given.
    pub json: String,
    /// The Quartz crons Elasticsearch derives from it.
    pub crons: Vec<String>,
}

/// Hours and minutes of one `at` value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Time {
    hours: Vec<u32>,
    minutes: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Hourly,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// What selects the days of one entry (the key entries are grouped by).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum DayKey {
    None,
    Weekdays(u8),
    /// Month days (1..=31); `last` = `last_day` (alone).
    MonthDays {
        months: u64,
        days: u32,
        last: bool,
    },
}

fn vals(bits: u64, lo: u32, hi: u32) -> Vec<u32> {
    (lo..=hi).filter(|v| bits >> v & 1 == 1).collect()
}

/// The entries one pattern becomes, or `None` when it needs `cron`.
fn entries(p: &Pattern) -> Option<Vec<(Kind, DayKey, Time)>> {
    if p.seconds != 1 || !p.years.is_all() {
        return None;
    }
    let time = Time {
        hours: vals(p.hours, 0, 23),
        minutes: vals(p.minutes, 0, 59),
    };
    let every_month = p.months == ALL_MONTHS;
    match p.days {
        Days::Every if every_month => Some(vec![(
            if p.hours == ALL_HOURS {
                Kind::Hourly
            } else {
                Kind::Daily
            },
            DayKey::None,
            time,
        )]),
        Days::Dow(w) if every_month && w.is_plain() => {
            Some(vec![(Kind::Weekly, DayKey::Weekdays(w.weekdays), time)])
        }
        Days::Dom(d) if d.nearest == 0 && d.last_nearest == 0 && d.last & !1 == 0 => {
            let kind = if every_month {
                Kind::Monthly
            } else {
                Kind::Yearly
            };
            let months = if every_month { 0 } else { p.months };
            let mut out = Vec::new();
            if d.days != 0 {
                out.push((
                    kind,
                    DayKey::MonthDays {
                        months,
                        days: d.days,
                        last: false,
                    },
                    time.clone(),
                ));
            }
            if d.last == 1 {
                out.push((
                    kind,
                    DayKey::MonthDays {
                        months,
                        days: 0,
                        last: true,
                    },
                    time,
                ));
            }
            Some(out)
        }
        _ => None,
    }
}

fn json_num_or_list(v: &[u32]) -> String {
    if v.len() == 1 {
        v[0].to_string()
    } else {
        format!(
            "[{}]",
            v.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
        )
    }
}

fn json_str_or_list(v: &[String]) -> String {
    let quoted: Vec<String> = v
        .iter()
        .map(|s| {
            let mut o = String::new();
            write_string(s, &mut o);
            o
        })
        .collect();
    if quoted.len() == 1 {
        quoted[0].clone()
    } else {
        format!("[{}]", quoted.join(","))
    }
}

fn time_json(t: &Time) -> String {
    if t.hours.len() == 1 && t.minutes.len() == 1 {
        format!("\"{:02}:{:02}\"", t.hours[0], t.minutes[0])
    } else {
        format!(
            "{{\"hour\":{},\"minute\":{}}}",
            json_num_or_list(&t.hours),
            json_num_or_list(&t.minutes)
        )
    }
}

fn times_json(ts: &[Time]) -> String {
    if ts.len() == 1 {
        time_json(&ts[0])
    } else {
        format!(
            "[{}]",
            ts.iter().map(time_json).collect::<Vec<_>>().join(",")
        )
    }
}

const DAY_NAMES: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn entry_json(key: &DayKey, times: &[Time]) -> String {
    let at = times_json(times);
    match key {
        DayKey::None => format!("{{\"at\":{at}}}"),
        DayKey::Weekdays(w) => {
            let days: Vec<String> = (0..7)
                .filter(|d| w >> d & 1 == 1)
                .map(|d| DAY_NAMES[d].to_string())
                .collect();
            format!("{{\"on\":{},\"at\":{at}}}", json_str_or_list(&days))
        }
        DayKey::MonthDays { months, days, last } => {
            let on = if *last {
                "\"last_day\"".to_string()
            } else {
                json_num_or_list(&vals(u64::from(*days), 1, 31))
            };
            if *months == 0 {
                format!("{{\"on\":{on},\"at\":{at}}}")
            } else {
                let ms: Vec<String> = vals(*months, 1, 12)
                    .into_iter()
                    .map(|m| MONTH_NAMES[m as usize - 1].to_string())
                    .collect();
                format!(
                    "{{\"in\":{},\"on\":{on},\"at\":{at}}}",
                    json_str_or_list(&ms)
                )
            }
        }
    }
}

fn with_timezone(body: String, timezone: Option<&str>) -> String {
    match timezone {
        None => format!("{{{body}}}"),
        Some(tz) => {
            let mut q = String::new();
            write_string(tz, &mut q);
            format!("{{{body},\"timezone\":{q}}}")
        }
    }
}

/// The simplest Watcher schedule firing exactly as `patterns` together,
/// with `timezone` carried over.
///
/// ```
/// use cronkit::convert::{to_watcher, Pattern};
/// use cronkit::{DialectChoice, Expr};
/// let p = Pattern::from_expr(&Expr::parse("0 0 17 ? * TUE,FRI", DialectChoice::Auto).unwrap()).unwrap();
/// let w = to_watcher(&[p], None).unwrap();
/// assert_eq!(w.json, r#"{"weekly":{"on":["tuesday","friday"],"at":"17:00"}}"#);
/// ```
pub fn to_watcher(
    patterns: &[Pattern],
    timezone: Option<&str>,
) -> Result<WatcherSchedule, ConvertError> {
    let merged = merge(&super::mergeable(patterns)?, Target::Quartz);
    let mut crons = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in &merged {
        for c in super::checked_write(p, Target::Quartz)? {
            if seen.insert(c.clone()) {
                crons.push(c);
            }
        }
    }
    let all: Option<Vec<(Kind, DayKey, Time)>> = merged
        .iter()
        .map(entries)
        .collect::<Option<Vec<_>>>()
        .map(|v| v.into_iter().flatten().collect());
    let structured = all.filter(|es| {
        !es.is_empty()
            && es.iter().all(|e| e.0 == es[0].0)
            // several hourly entries cannot be one hourly schedule
            && !(es[0].0 == Kind::Hourly && es.len() > 1)
    });
    let Some(es) = structured else {
        let body = format!("\"cron\":{}", json_str_or_list(&crons));
        return Ok(WatcherSchedule {
            kind: "cron",
            json: with_timezone(body, timezone),
            crons,
        });
    };
    let kind = es[0].0;
    // group times by their days, keeping first-seen order of the day sets
    let mut groups: BTreeMap<DayKey, Vec<Time>> = BTreeMap::new();
    let mut order: Vec<DayKey> = Vec::new();
    for (_, key, time) in es {
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        let g = groups.entry(key).or_default();
        if !g.contains(&time) {
            g.push(time);
        }
    }
    // times in the order of the day
    for g in groups.values_mut() {
        g.sort();
    }
    let (name, body) = match kind {
        Kind::Hourly => {
            let minutes = &groups[&order[0]][0].minutes;
            (
                "hourly",
                format!("{{\"minute\":{}}}", json_num_or_list(minutes)),
            )
        }
        Kind::Daily => (
            "daily",
            format!("{{\"at\":{}}}", times_json(&groups[&order[0]])),
        ),
        Kind::Weekly | Kind::Monthly | Kind::Yearly => {
            let entries: Vec<String> = order.iter().map(|k| entry_json(k, &groups[k])).collect();
            let name = match kind {
                Kind::Weekly => "weekly",
                Kind::Monthly => "monthly",
                _ => "yearly",
            };
            let body = if entries.len() == 1 {
                entries[0].clone()
            } else {
                format!("[{}]", entries.join(","))
            };
            (name, body)
        }
    };
    Ok(WatcherSchedule {
        kind: name,
        json: with_timezone(format!("\"{name}\":{body}"), timezone),
        crons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DialectChoice, Expr};

    fn w(texts: &[&str]) -> String {
        let ps: Vec<Pattern> = texts
            .iter()
            .map(|t| Pattern::from_expr(&Expr::parse(t, DialectChoice::Auto).unwrap()).unwrap())
            .collect();
        to_watcher(&ps, None).unwrap().json
    }

    #[test]
    fn simplest_schedules() {
        assert_eq!(w(&["0 0 17 * * ?"]), r#"{"daily":{"at":"17:00"}}"#);
        assert_eq!(w(&["0 30 * * * ?"]), r#"{"hourly":{"minute":30}}"#);
        assert_eq!(
            w(&["0 0,15,30,45 * * * ?"]),
            r#"{"hourly":{"minute":[0,15,30,45]}}"#
        );
        assert_eq!(
            w(&["0 0,30 0,12,17 * * ?"]),
            r#"{"daily":{"at":{"hour":[0,12,17],"minute":[0,30]}}}"#
        );
        assert_eq!(
            w(&["0 30 9 * * ?", "0 0 17 * * ?"]),
            r#"{"daily":{"at":["09:30","17:00"]}}"#
        );
        assert_eq!(
            w(&["0 0 12 10,20 * ?"]),
            r#"{"monthly":{"on":[10,20],"at":"12:00"}}"#
        );
        assert_eq!(
            w(&["0 0 12 10 * ?", "0 0 12 L * ?"]),
            r#"{"monthly":[{"on":10,"at":"12:00"},{"on":"last_day","at":"12:00"}]}"#
        );
        assert_eq!(
            w(&["0 0 0,12 10,20 JAN,DEC ?"]),
            r#"{"yearly":{"in":["january","december"],"on":[10,20],"at":{"hour":[0,12],"minute":0}}}"#
        );
        assert_eq!(
            w(&["*/5 * * * *"]),
            r#"{"hourly":{"minute":[0,5,10,15,20,25,30,35,40,45,50,55]}}"#
        );
        assert_eq!(w(&["0 0 12 ? * 6#3"]), r#"{"cron":"0 0 12 ? * 6#3"}"#);
        assert_eq!(w(&["30 0 12 * * ?"]), r#"{"cron":"30 0 12 * * ?"}"#);
        assert_eq!(
            w(&["0 12 1 * 1"]),
            r#"{"cron":["0 0 12 1 * ?","0 0 12 ? * MON"]}"#
        );
    }
}
