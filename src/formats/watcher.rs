//! Elasticsearch Watcher schedules, translated to Quartz cron text exactly
//! as Elasticsearch does (`x-pack/plugin/watcher/.../trigger/schedule`).
//!
//! | schedule | cron(s) |
//! |---|---|
//! | `hourly {minute: [0, 30]}` | `0 0,30 * * * ?` |
//! | `daily {at: ["midnight", "17:00"]}` | `0 0 0 * * ?`, `0 0 17 * * ?` |
//! | `daily {at: {hour: [0, 12], minute: [0, 30]}}` | `0 0,30 0,12 * * ?` |
//! | `weekly {on: ["tue", "fri"], at: "noon"}` | `0 0 12 ? * TUE,FRI` |
//! | `monthly {on: [10, "last_day"], at: "noon"}` | `0 0 12 10,L * ?` |
//! | `yearly {in: ["jan", "dec"], on: 10, at: "noon"}` | `0 0 12 10 JAN,DEC ?` |
//! | `cron "0 0 12 * * ?"` | unchanged |
//! | `interval "5m"` | `0 0/5 * * * ?` (same rate, phase may differ) |
//!
//! Elasticsearch details reproduced on purpose: fields `on|day`, `at|time`,
//! `in|month` are aliases (both may be given and add up); `daily` only
//! takes `at`; `midnight`/`noon` are case-sensitive; numbers with a
//! fraction are truncated; day `32` means the last day; days and months are
//! deduplicated and printed in calendar order; hours and minutes keep the
//! order given (repeats too, unless there are more than the parser's item
//! limit); the crons of one schedule are sorted as strings. Where
//! Elasticsearch silently ignores a field (inside weekly/monthly/yearly
//! entries and time objects) a warning is recorded instead.

use super::json::{Value, ValueKind};
use super::{
    child_path, format_interval, index_path, interval_to_cron, is_scalar, java_number,
    java_parse_int, key_warning, object, spanned, warning, Dialect, FormatError, FormatErrorKind,
    FormatWarning, IntervalSpec, JavaInt, ScheduleKind, ScheduleSpec, SpannedExpr,
};

const TYPES: &str = "hourly, daily, weekly, monthly, yearly, cron, interval";
const DAY_NAMES: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MONTH_NAMES: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const TIME_ALLOWED: &str =
    "\"HH:mm\" or \"H:mm\" (24-hour clock), \"midnight\", \"noon\", or {\"hour\": n|[..], \"minute\": n|[..]}";

/// What one schedule type produced.
struct Built {
    kind: ScheduleKind,
    expressions: Vec<SpannedExpr>,
    interval: Option<IntervalSpec>,
    notes: Vec<String>,
    conversion_error: Option<FormatError>,
}

impl Built {
    fn crons(kind: ScheduleKind, at: &Value, mut crons: Vec<String>) -> Self {
        // Elasticsearch sorts a schedule's crons by their text.
        crons.sort();
        Built {
            kind,
            expressions: crons.into_iter().map(|c| spanned(c, at)).collect(),
            interval: None,
            notes: Vec::new(),
            conversion_error: None,
        }
    }
}

/// Reads one Watcher schedule object (`{"daily": {...}, "timezone": ..}`)
/// at `path`.
pub fn read_schedule(schedule: &Value, path: &str) -> Result<ScheduleSpec, Box<FormatError>> {
    let members = object(schedule, path, "a schedule")?;
    let mut warnings = Vec::new();
    let mut timezone: Option<(String, &Value)> = None;
    let mut chosen: Option<(Built, String)> = None;
    let mut types = Vec::new();
    for m in members {
        let p = child_path(path, &m.key.text);
        let v = &m.value;
        let built = match m.key.text.as_str() {
            "timezone" => {
                let Some(tz) = v.as_str() else {
                    return Err(FormatError::new(
                        FormatErrorKind::WrongType,
                        v,
                        &p,
                        format!("`timezone` must be a string, found {}", v.type_name()),
                    )
                    .allowed("a time zone id such as \"Europe/London\", \"UTC\" or \"+01:00\""));
                };
                if tz.trim().is_empty() {
                    return Err(FormatError::new(
                        FormatErrorKind::InvalidValue,
                        v,
                        &p,
                        "empty `timezone`",
                    )
                    .allowed("a time zone id such as \"Europe/London\", \"UTC\" or \"+01:00\""));
                }
                timezone = Some((tz.to_string(), v));
                continue;
            }
            "hourly" => hourly(v, &p, &mut warnings)?,
            "daily" => daily(v, &p, &mut warnings)?,
            "weekly" => weekly(v, &p, &mut warnings)?,
            "monthly" => monthly(v, &p, &mut warnings)?,
            "yearly" => yearly(v, &p, &mut warnings)?,
            "cron" => cron(v, &p)?,
            "interval" => interval(v, &p, &mut warnings)?,
            other => {
                let mut e = FormatError::at_key(
                    FormatErrorKind::UnknownScheduleType,
                    m,
                    &p,
                    format!("unknown schedule type `{other}`"),
                )
                .allowed(TYPES);
                if other == "expression" || other == "start_time" || other == "period" {
                    e.message
                        .push_str(" (this looks like the inside of an OpenSearch schedule)");
                }
                return Err(e);
            }
        };
        types.push(m.key.text.clone());
        chosen = Some((built, p));
    }
    let Some((built, spec_path)) = chosen else {
        return Err(FormatError::new(
            FormatErrorKind::EmptySchedule,
            schedule,
            path,
            "the schedule has no schedule type",
        )
        .allowed(TYPES));
    };
    if types.len() > 1 {
        warnings.push(warning(
            "watcher-several-schedule-types",
            schedule,
            path,
            format!(
                "the schedule holds several types ({}); Elasticsearch uses only the last one, `{}`",
                types.join(", "),
                types.last().map(String::as_str).unwrap_or_default()
            ),
        ));
    }
    if let (Some((_, tz_value)), ScheduleKind::Interval) = (&timezone, built.kind) {
        return Err(FormatError::new(
            FormatErrorKind::TimezoneNotSupported,
            tz_value,
            &child_path(path, "timezone"),
            "Elasticsearch does not support `timezone` with an `interval` schedule (an interval \
             does not depend on the clock)",
        )
        .allowed("timezone with hourly, daily, weekly, monthly, yearly or cron"));
    }
    let mut conversion_error = built.conversion_error;
    if let Some(e) = &mut conversion_error {
        e.path = spec_path.clone();
    }
    Ok(ScheduleSpec {
        id: None,
        path: spec_path,
        kind: built.kind,
        dialect: Dialect::Quartz,
        expressions: built.expressions,
        timezone: timezone.map(|(tz, _)| tz),
        interval: built.interval,
        notes: built.notes,
        warnings,
        conversion_error,
    })
}

// ---------------------------------------------------------------------
// hourly

fn hourly(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Built, Box<FormatError>> {
    let members = object(v, path, "an hourly schedule {\"minute\": n|[..]}")?;
    let mut minutes = Vec::new();
    for m in members {
        let p = child_path(path, &m.key.text);
        if m.key.text != "minute" {
            return Err(unknown_field(m, &p, "hourly", "minute"));
        }
        for (item, ip) in scalar_or_array(&m.value, &p, "minute")? {
            minutes.push(minute_value(item, &ip, warnings)?);
        }
    }
    if minutes.is_empty() {
        minutes.push(0);
    }
    let cron = format!("0 {} * * * ?", join(&minutes));
    Ok(Built::crons(ScheduleKind::Hourly, v, vec![cron]))
}

// ---------------------------------------------------------------------
// daily

fn daily(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Built, Box<FormatError>> {
    let members = object(v, path, "a daily schedule {\"at\": time|[time..]}")?;
    let mut times = Vec::new();
    for m in members {
        let p = child_path(path, &m.key.text);
        if m.key.text != "at" {
            let mut e = unknown_field(m, &p, "daily", "at");
            if m.key.text == "time" {
                e.message
                    .push_str(" (`time` is an alias of `at` only in weekly, monthly and yearly)");
            }
            return Err(e);
        }
        times.extend(time_list(&m.value, &p, warnings)?);
    }
    if times.is_empty() {
        times.push(DayTimes::midnight());
    }
    let crons = times
        .iter()
        .map(|t| format!("0 {} {} * * ?", join(&t.minutes), join(&t.hours)))
        .collect();
    Ok(Built::crons(ScheduleKind::Daily, v, crons))
}

// ---------------------------------------------------------------------
// weekly / monthly / yearly

/// One entry of a weekly, monthly or yearly schedule.
#[derive(Default)]
struct Entry {
    /// Bit i = day i (weekly: 0 = Sunday; monthly: 1..=32).
    days: u64,
    /// Bit i = month i + 1.
    months: u16,
    times: Vec<DayTimes>,
}

#[derive(Clone, Copy, PartialEq)]
enum EntryKind {
    Week,
    Month,
    Year,
}

impl EntryKind {
    fn name(self) -> &'static str {
        match self {
            EntryKind::Week => "weekly",
            EntryKind::Month => "monthly",
            EntryKind::Year => "yearly",
        }
    }

    fn fields(self) -> &'static str {
        match self {
            EntryKind::Week => "on|day, at|time",
            EntryKind::Month => "on|day, at|time",
            EntryKind::Year => "in|month, on|day, at|time",
        }
    }
}

/// Reads the body of weekly/monthly/yearly: one object or an array of
/// objects (an empty array means the default entry).
fn entries(
    v: &Value,
    path: &str,
    kind: EntryKind,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Vec<Entry>, Box<FormatError>> {
    match &v.kind {
        ValueKind::Object(_) => Ok(vec![entry(v, path, kind, warnings)?]),
        ValueKind::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                out.push(entry(item, &index_path(path, i), kind, warnings)?);
            }
            if out.is_empty() {
                out.push(Entry::default());
            }
            Ok(out)
        }
        _ => Err(FormatError::new(
            FormatErrorKind::WrongType,
            v,
            path,
            format!(
                "a {} schedule must be an object or an array of objects, found {} {}",
                kind.name(),
                v.type_name(),
                v.to_json_truncated(40)
            ),
        )
        .allowed(format!("{{{}}} or [{{...}}, ...]", kind.fields()))),
    }
}

fn entry(
    v: &Value,
    path: &str,
    kind: EntryKind,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Entry, Box<FormatError>> {
    let what = match kind {
        EntryKind::Week => "a weekly entry {\"on\": day(s), \"at\": time(s)}",
        EntryKind::Month => "a monthly entry {\"on\": day(s), \"at\": time(s)}",
        EntryKind::Year => "a yearly entry {\"in\": month(s), \"on\": day(s), \"at\": time(s)}",
    };
    let members = object(v, path, what)?;
    let mut e = Entry::default();
    let mut seen: Vec<&str> = Vec::new();
    for m in members {
        let key = m.key.text.as_str();
        let p = child_path(path, key);
        let field = match key {
            "on" | "day" => "day",
            "at" | "time" => "time",
            "in" | "month" if kind == EntryKind::Year => "month",
            _ => {
                warnings.push(key_warning(
                    "watcher-ignored-field",
                    m,
                    &p,
                    format!(
                        "unknown field `{key}` in a {} entry; Elasticsearch ignores it (known fields: {})",
                        kind.name(),
                        kind.fields()
                    ),
                ));
                continue;
            }
        };
        if seen.contains(&field) {
            warnings.push(key_warning(
                "watcher-alias-repeated",
                m,
                &p,
                format!(
                    "`{key}` repeats a field given under its other name; Elasticsearch merges both lists"
                ),
            ));
        }
        seen.push(field);
        match field {
            "day" => {
                for (item, ip) in scalar_or_array(&m.value, &p, key)? {
                    match kind {
                        EntryKind::Week => e.days |= 1 << week_day(item, &ip, warnings)?,
                        _ => e.days |= 1 << month_day(item, &ip, warnings)?,
                    }
                }
            }
            "month" => {
                for (item, ip) in scalar_or_array(&m.value, &p, key)? {
                    e.months |= 1 << (month(item, &ip, warnings)? - 1);
                }
            }
            _ => e.times.extend(time_list(&m.value, &p, warnings)?),
        }
    }
    Ok(e)
}

/// The distinct crons of one entry (Elasticsearch keeps them in a set).
fn entry_crons(e: &Entry, kind: EntryKind, out: &mut Vec<String>) {
    let default_time = [DayTimes::midnight()];
    let times: &[DayTimes] = if e.times.is_empty() {
        &default_time
    } else {
        &e.times
    };
    let day_part = match kind {
        EntryKind::Week => {
            let days = if e.days == 0 { 1 << 1 } else { e.days };
            let names: Vec<&str> = (0..7)
                .filter(|d| days & (1 << d) != 0)
                .map(|d| DAY_NAMES[d])
                .collect();
            format!("? * {}", names.join(","))
        }
        EntryKind::Month | EntryKind::Year => {
            let days = if e.days == 0 { 1 << 1 } else { e.days };
            let list: Vec<String> = (1..=32)
                .filter(|d| days & (1 << d) != 0)
                .map(|d| {
                    if d == 32 {
                        "L".to_string()
                    } else {
                        d.to_string()
                    }
                })
                .collect();
            let list = list.join(",");
            if kind == EntryKind::Month {
                format!("{list} * ?")
            } else {
                let months = if e.months == 0 { 1 } else { e.months };
                let names: Vec<&str> = (0..12)
                    .filter(|m| months & (1 << m) != 0)
                    .map(|m| MONTH_NAMES[m])
                    .collect();
                format!("{list} {} ?", names.join(","))
            }
        }
    };
    let start = out.len();
    for t in times {
        let cron = format!("0 {} {} {day_part}", join(&t.minutes), join(&t.hours));
        if !out[start..].contains(&cron) {
            out.push(cron);
        }
    }
}

fn weekly(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Built, Box<FormatError>> {
    entry_schedule(v, path, EntryKind::Week, ScheduleKind::Weekly, warnings)
}

fn monthly(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Built, Box<FormatError>> {
    entry_schedule(v, path, EntryKind::Month, ScheduleKind::Monthly, warnings)
}

/// Weekly and monthly schedules: one cron per time of each entry.
fn entry_schedule(
    v: &Value,
    path: &str,
    entry: EntryKind,
    kind: ScheduleKind,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Built, Box<FormatError>> {
    let mut crons = Vec::new();
    for e in entries(v, path, entry, warnings)? {
        entry_crons(&e, entry, &mut crons);
    }
    Ok(Built::crons(kind, v, crons))
}

fn yearly(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Built, Box<FormatError>> {
    let mut crons = Vec::new();
    for e in entries(v, path, EntryKind::Year, warnings)? {
        let mut mine = Vec::new();
        entry_crons(&e, EntryKind::Year, &mut mine);
        // Yearly schedules deduplicate across all entries.
        for c in mine {
            if !crons.contains(&c) {
                crons.push(c);
            }
        }
    }
    Ok(Built::crons(ScheduleKind::Yearly, v, crons))
}

// ---------------------------------------------------------------------
// cron

fn cron(v: &Value, path: &str) -> Result<Built, Box<FormatError>> {
    let allowed = "a cron string such as \"0 0 12 * * ?\" or an array of them";
    let exprs = match &v.kind {
        ValueKind::String(s) => vec![spanned(s.clone(), v)],
        ValueKind::Array(items) => {
            if items.is_empty() {
                return Err(FormatError::new(
                    FormatErrorKind::InvalidValue,
                    v,
                    path,
                    "the cron array is empty",
                )
                .allowed(allowed));
            }
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let Some(s) = item.as_str() else {
                    return Err(FormatError::new(
                        FormatErrorKind::WrongType,
                        item,
                        &index_path(path, i),
                        format!(
                            "expected a cron string in the cron array, found {} {}",
                            item.type_name(),
                            item.to_json_truncated(40)
                        ),
                    )
                    .allowed(allowed));
                };
                out.push(spanned(s.to_string(), item));
            }
            out
        }
        _ => {
            let mut e = FormatError::new(
                FormatErrorKind::WrongType,
                v,
                path,
                format!(
                    "a cron schedule must be a string or an array of strings, found {} {}",
                    v.type_name(),
                    v.to_json_truncated(40)
                ),
            )
            .allowed(allowed);
            if v.get("expression").is_some() {
                e.message.push_str(
                    " (`{\"expression\": ...}` is an OpenSearch schedule; read the input as opensearch)",
                );
            }
            return Err(e);
        }
    };
    Ok(Built {
        kind: ScheduleKind::Cron,
        expressions: exprs,
        interval: None,
        notes: Vec::new(),
        conversion_error: None,
    })
}

// ---------------------------------------------------------------------
// interval

const INTERVAL_ALLOWED: &str = "a number of seconds, or a string \"<n>s\", \"<n>m\", \"<n>h\", \
                                \"<n>d\" or \"<n>w\" (at least 1 second)";

fn interval(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Built, Box<FormatError>> {
    let invalid = |msg: String| {
        FormatError::new(FormatErrorKind::InvalidValue, v, path, msg).allowed(INTERVAL_ALLOWED)
    };
    let seconds: i64 = match &v.kind {
        ValueKind::Number(n) => match java_number(n, i64::MIN, i64::MAX) {
            JavaInt::Exact(s) => s,
            JavaInt::Truncated(s) => {
                warnings.push(warning(
                    "watcher-truncated-number",
                    v,
                    path,
                    format!(
                        "Elasticsearch truncates the interval {} to {s} seconds",
                        n.text
                    ),
                ));
                s
            }
            JavaInt::OutOfRange => {
                return Err(invalid(format!("interval {} is too large", n.text)))
            }
        },
        ValueKind::String(s) => {
            let units: [(&str, &str, i64); 5] = [
                ("s", "seconds", 1),
                ("m", "minutes", 60),
                ("h", "hours", 3_600),
                ("d", "days", 86_400),
                ("w", "weeks", 604_800),
            ];
            let Some((suffix, name, size)) = units.into_iter().find(|(u, _, _)| s.ends_with(u))
            else {
                let mut msg = format!("unrecognized interval format {:?}", s);
                if java_parse_int(s, i64::MIN, i64::MAX).is_some() {
                    msg.push_str(
                        ": a string needs a unit (Elasticsearch rejects a bare number in a \
                         string although its docs say seconds are the default; write a JSON \
                         number for seconds)",
                    );
                }
                return Err(invalid(msg));
            };
            // Elasticsearch takes the text before the first occurrence of
            // the unit letter.
            let num = s.find(suffix).and_then(|i| s.get(..i)).unwrap_or_default();
            let Some(count) = java_parse_int(num, i64::MIN, i64::MAX) else {
                return Err(invalid(format!(
                    "could not parse {num:?} as a number of {name} in interval {s:?}"
                )));
            };
            match count
                .checked_mul(size)
                .filter(|s| s.checked_mul(1000).is_some())
            {
                Some(total) => total,
                None => return Err(invalid(format!("interval {s:?} is too large"))),
            }
        }
        _ => {
            return Err(FormatError::new(
                FormatErrorKind::WrongType,
                v,
                path,
                format!(
                    "an interval must be a number of seconds or a string like \"5m\", found {} {}",
                    v.type_name(),
                    v.to_json_truncated(40)
                ),
            )
            .allowed(INTERVAL_ALLOWED))
        }
    };
    if seconds < 1 {
        return Err(invalid(format!(
            "interval {} is shorter than 1 second; Elasticsearch requires at least 1000 ms",
            v.to_json_truncated(40)
        )));
    }
    let spec = IntervalSpec {
        seconds: seconds as u64,
        start_time_ms: None,
    };
    let mut built = Built {
        kind: ScheduleKind::Interval,
        expressions: Vec::new(),
        interval: Some(spec),
        notes: Vec::new(),
        conversion_error: None,
    };
    match interval_to_cron(&spec) {
        Ok(c) => {
            built.notes.push(format!(
                "a Watcher interval of {} counts from when the watch was activated, not from the \
                 clock; `{}` fires at the same rate on clock boundaries (UTC), so the phase may differ",
                format_interval(spec.seconds),
                c.expression
            ));
            built.expressions.push(spanned(c.expression, v));
        }
        Err(e) => {
            built.conversion_error = Some(*FormatError::new(
                FormatErrorKind::IntervalNotCron(e.clone()),
                v,
                path,
                format!(
                    "interval {} has no cron equivalent: {e}",
                    format_interval(spec.seconds)
                ),
            ));
        }
    }
    Ok(built)
}

// ---------------------------------------------------------------------
// values

/// Hours and minutes of one time value (Elasticsearch `DayTimes`).
#[derive(Debug, Clone, PartialEq)]
struct DayTimes {
    hours: Vec<i64>,
    minutes: Vec<i64>,
}

impl DayTimes {
    fn midnight() -> DayTimes {
        DayTimes {
            hours: vec![0],
            minutes: vec![0],
        }
    }
}

/// `at` value: one time or an array of times.
fn time_list(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<Vec<DayTimes>, Box<FormatError>> {
    let mut out = Vec::new();
    match &v.kind {
        ValueKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                out.push(day_time(item, &index_path(path, i), warnings)?);
            }
        }
        _ => out.push(day_time(v, path, warnings)?),
    }
    Ok(out)
}

fn day_time(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<DayTimes, Box<FormatError>> {
    match &v.kind {
        ValueKind::String(s) => time_string(s).map_err(|why| {
            FormatError::new(
                FormatErrorKind::InvalidValue,
                v,
                path,
                format!("invalid time {s:?}: {why}"),
            )
            .allowed(TIME_ALLOWED)
        }),
        ValueKind::Object(_) => {
            let members = object(v, path, "a time object")?;
            let mut hours = Vec::new();
            let mut minutes = Vec::new();
            for m in members {
                let p = child_path(path, &m.key.text);
                match m.key.text.as_str() {
                    "hour" => {
                        for (item, ip) in scalar_or_array(&m.value, &p, "hour")? {
                            hours.push(hour_value(item, &ip, warnings)?);
                        }
                    }
                    "minute" => {
                        for (item, ip) in scalar_or_array(&m.value, &p, "minute")? {
                            minutes.push(minute_value(item, &ip, warnings)?);
                        }
                    }
                    other => warnings.push(key_warning(
                        "watcher-ignored-field",
                        m,
                        &p,
                        format!(
                            "unknown field `{other}` in a time object; Elasticsearch ignores it \
                             (known fields: hour, minute)"
                        ),
                    )),
                }
            }
            Ok(DayTimes {
                hours: if hours.is_empty() { vec![0] } else { hours },
                minutes: if minutes.is_empty() { vec![0] } else { minutes },
            })
        }
        _ => Err(FormatError::new(
            FormatErrorKind::WrongType,
            v,
            path,
            format!(
                "expected a time string or a time object, found {} {}",
                v.type_name(),
                v.to_json_truncated(40)
            ),
        )
        .allowed(TIME_ALLOWED)),
    }
}

/// Elasticsearch's `DayTimes.parse(String)`.
fn time_string(s: &str) -> Result<DayTimes, String> {
    match s {
        "noon" => {
            return Ok(DayTimes {
                hours: vec![12],
                minutes: vec![0],
            })
        }
        "midnight" => {
            return Ok(DayTimes {
                hours: vec![0],
                minutes: vec![0],
            })
        }
        _ => {}
    }
    let form = "the time must have the form HH:mm".to_string();
    let Some(i) = s.find(':') else {
        let lower = s.to_ascii_lowercase();
        if lower == "noon" || lower == "midnight" {
            return Err(format!(
                "{form}; `noon` and `midnight` must be written in lower case"
            ));
        }
        return Err(form);
    };
    let (hour, minute) = (
        s.get(..i).unwrap_or_default(),
        s.get(i + 1..).unwrap_or_default(),
    );
    if minute.is_empty() || minute.contains(':') {
        return Err(form);
    }
    let hour_len = hour.chars().count();
    if !(1..=2).contains(&hour_len) || minute.chars().count() != 2 {
        return Err(form);
    }
    let Some(h) = java_parse_int(hour, i32::MIN.into(), i32::MAX.into()) else {
        return Err(format!("the hour {hour:?} is not a number"));
    };
    let Some(m) = java_parse_int(minute, i32::MIN.into(), i32::MAX.into()) else {
        return Err(format!("the minute {minute:?} is not a number"));
    };
    if !(0..=23).contains(&h) {
        return Err(format!("hour {h} is not between 0 and 23"));
    }
    if !(0..=59).contains(&m) {
        return Err(format!("minute {m} is not between 0 and 59"));
    }
    Ok(DayTimes {
        hours: vec![h],
        minutes: vec![m],
    })
}

/// A scalar, or each item of an array of scalars, with its path.
fn scalar_or_array<'a>(
    v: &'a Value,
    path: &str,
    field: &str,
) -> Result<Vec<(&'a Value, String)>, Box<FormatError>> {
    match &v.kind {
        ValueKind::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let p = index_path(path, i);
                if !is_scalar(item) {
                    return Err(FormatError::new(
                        FormatErrorKind::WrongType,
                        item,
                        &p,
                        format!(
                            "expected a string or a number in `{field}`, found {} {}",
                            item.type_name(),
                            item.to_json_truncated(40)
                        ),
                    ));
                }
                out.push((item, p));
            }
            Ok(out)
        }
        _ if is_scalar(v) => Ok(vec![(v, path.to_string())]),
        _ => Err(FormatError::new(
            FormatErrorKind::WrongType,
            v,
            path,
            format!(
                "expected a string, a number or an array of them in `{field}`, found {} {}",
                v.type_name(),
                v.to_json_truncated(40)
            ),
        )),
    }
}

/// An integer field value (JSON number or numeric string), range-checked.
fn int_value(
    v: &Value,
    path: &str,
    what: &str,
    range: (i64, i64),
    warnings: &mut Vec<FormatWarning>,
) -> Result<i64, Box<FormatError>> {
    let allowed = format!("{} to {}", range.0, range.1);
    let n = match &v.kind {
        ValueKind::Number(n) => match java_number(n, i32::MIN.into(), i32::MAX.into()) {
            JavaInt::Exact(i) => i,
            JavaInt::Truncated(i) => {
                warnings.push(warning(
                    "watcher-truncated-number",
                    v,
                    path,
                    format!("Elasticsearch truncates the {what} {} to {i}", n.text),
                ));
                i
            }
            JavaInt::OutOfRange => {
                return Err(FormatError::new(
                    FormatErrorKind::InvalidValue,
                    v,
                    path,
                    format!("invalid {what} {}: out of range", n.text),
                )
                .allowed(allowed))
            }
        },
        ValueKind::String(s) => match java_parse_int(s, i32::MIN.into(), i32::MAX.into()) {
            Some(i) => i,
            None => {
                return Err(FormatError::new(
                    FormatErrorKind::InvalidValue,
                    v,
                    path,
                    format!("invalid {what} {s:?}: not a number"),
                )
                .allowed(allowed))
            }
        },
        _ => {
            return Err(FormatError::new(
                FormatErrorKind::WrongType,
                v,
                path,
                format!("expected a number for the {what}, found {}", v.type_name()),
            )
            .allowed(allowed))
        }
    };
    if !(range.0..=range.1).contains(&n) {
        return Err(FormatError::new(
            FormatErrorKind::InvalidValue,
            v,
            path,
            format!(
                "invalid {what} {n}: not between {} and {}",
                range.0, range.1
            ),
        )
        .allowed(allowed));
    }
    Ok(n)
}

fn minute_value(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<i64, Box<FormatError>> {
    int_value(v, path, "minute", (0, 59), warnings)
}

fn hour_value(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<i64, Box<FormatError>> {
    int_value(v, path, "hour", (0, 23), warnings)
}

const WEEK_DAY_ALLOWED: &str = "sunday..saturday, sun..sat (any case) or 1..7 with Sunday = 1";

/// Day of week, 0 = Sunday.
fn week_day(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<u32, Box<FormatError>> {
    match &v.kind {
        ValueKind::String(s) => {
            let lower = s.to_lowercase();
            let idx = match lower.as_str() {
                "1" | "sun" | "sunday" => 0,
                "2" | "mon" | "monday" => 1,
                "3" | "tue" | "tuesday" => 2,
                "4" | "wed" | "wednesday" => 3,
                "5" | "thu" | "thursday" => 4,
                "6" | "fri" | "friday" => 5,
                "7" | "sat" | "saturday" => 6,
                _ => {
                    return Err(FormatError::new(
                        FormatErrorKind::InvalidValue,
                        v,
                        path,
                        format!("unknown day of week {s:?}"),
                    )
                    .allowed(WEEK_DAY_ALLOWED))
                }
            };
            Ok(idx)
        }
        _ => {
            let n = int_value(v, path, "day of week", (1, 7), warnings)
                .map_err(|e| e.allowed(WEEK_DAY_ALLOWED))?;
            Ok((n - 1) as u32)
        }
    }
}

const MONTH_DAY_ALLOWED: &str = "1..31, \"first_day\", \"last_day\" (any case)";

/// Day of month 1..=32 (32 = last day).
fn month_day(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<u32, Box<FormatError>> {
    let n = match &v.kind {
        ValueKind::String(s) => match s.to_lowercase().as_str() {
            "last_day" => return Ok(32),
            "first_day" => return Ok(1),
            _ => match java_parse_int(s, i32::MIN.into(), i32::MAX.into()) {
                Some(n) => n,
                None => {
                    return Err(FormatError::new(
                        FormatErrorKind::InvalidValue,
                        v,
                        path,
                        format!("invalid day of month {s:?}"),
                    )
                    .allowed(MONTH_DAY_ALLOWED))
                }
            },
        },
        _ => int_value(
            v,
            path,
            "day of month",
            (i32::MIN.into(), i32::MAX.into()),
            warnings,
        )?,
    };
    if !(1..=32).contains(&n) {
        return Err(FormatError::new(
            FormatErrorKind::InvalidValue,
            v,
            path,
            format!("invalid day of month {n}: not between 1 and 31"),
        )
        .allowed(MONTH_DAY_ALLOWED));
    }
    if n == 32 {
        warnings.push(warning(
            "watcher-day-32",
            v,
            path,
            "day 32 is Elasticsearch's internal code for the last day of the month; write \"last_day\"",
        ));
    }
    Ok(n as u32)
}

const MONTH_ALLOWED: &str = "january..december, jan..dec, \"first\", \"last\" (any case) or 1..12";

/// Month 1..=12.
fn month(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<u32, Box<FormatError>> {
    match &v.kind {
        ValueKind::String(s) => {
            let n = match s.to_lowercase().as_str() {
                "1" | "jan" | "first" | "january" => 1,
                "2" | "feb" | "february" => 2,
                "3" | "mar" | "march" => 3,
                "4" | "apr" | "april" => 4,
                "5" | "may" => 5,
                "6" | "jun" | "june" => 6,
                "7" | "jul" | "july" => 7,
                "8" | "aug" | "august" => 8,
                "9" | "sep" | "september" => 9,
                "10" | "oct" | "october" => 10,
                "11" | "nov" | "november" => 11,
                "12" | "dec" | "last" | "december" => 12,
                _ => {
                    return Err(FormatError::new(
                        FormatErrorKind::InvalidValue,
                        v,
                        path,
                        format!("unknown month {s:?}"),
                    )
                    .allowed(MONTH_ALLOWED))
                }
            };
            Ok(n)
        }
        _ => {
            let n = int_value(v, path, "month", (1, 12), warnings)
                .map_err(|e| e.allowed(MONTH_ALLOWED))?;
            Ok(n as u32)
        }
    }
}

fn unknown_field(
    m: &super::json::Member,
    path: &str,
    schedule: &str,
    allowed: &str,
) -> Box<FormatError> {
    FormatError::at_key(
        FormatErrorKind::UnknownField,
        m,
        path,
        format!("unknown field `{}` in a {schedule} schedule", m.key.text),
    )
    .allowed(allowed.to_string())
}

/// The values in the order given, repeats included, as Elasticsearch writes
/// them; except that a list longer than the parser accepts
/// ([`crate::expr::MAX_ITEMS`], e.g. `{"hour": [1, 1, ...]}` repeated 2 000
/// times) is written with each value once, which fires the same (found by
/// fuzzing: the translation was otherwise rejected as `too-many-items`).
fn join(values: &[i64]) -> String {
    let mut kept: Vec<i64> = values.to_vec();
    if kept.len() > crate::expr::MAX_ITEMS {
        let mut seen = Vec::with_capacity(64);
        kept.retain(|v| {
            let new = !seen.contains(v);
            if new {
                seen.push(*v);
            }
            new
        });
    }
    let parts: Vec<String> = kept.iter().map(i64::to_string).collect();
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::super::{extract, json, SourceFormat};
    use super::*;

    fn read(text: &str) -> Result<ScheduleSpec, Box<FormatError>> {
        let v = json::parse(text.as_bytes()).expect("test JSON");
        read_schedule(&v, "")
    }

    fn crons(text: &str) -> Vec<String> {
        match read(text) {
            Ok(spec) => spec.expressions.into_iter().map(|e| e.text).collect(),
            Err(e) => panic!("{text}: {e}"),
        }
    }

    fn fails(text: &str) -> Box<FormatError> {
        match read(text) {
            Ok(spec) => panic!("{text}: expected an error, got {:?}", spec.expressions),
            Err(e) => e,
        }
    }

    fn warns(text: &str) -> Vec<&'static str> {
        match read(text) {
            Ok(spec) => spec.warnings.iter().map(|w| w.code).collect(),
            Err(e) => panic!("{text}: {e}"),
        }
    }

    // --- hourly -------------------------------------------------------

    #[test]
    fn hourly_documented_examples() {
        assert_eq!(crons(r#"{"hourly": {"minute": 30}}"#), ["0 30 * * * ?"]);
        assert_eq!(
            crons(r#"{"hourly": {"minute": [0, 15, 30, 45]}}"#),
            ["0 0,15,30,45 * * * ?"]
        );
    }

    #[test]
    fn thousands_of_repeated_values_stay_parseable() {
        let hours = vec!["1"; 2_000].join(",");
        let doc = format!(r#"{{"daily": {{"at": {{"hour": [{hours}, 2], "minute": 0}}}}}}"#);
        assert_eq!(crons(&doc), ["0 0 1,2 * * ?"]);
    }

    #[test]
    fn hourly_defaults_and_forms() {
        assert_eq!(crons(r#"{"hourly": {}}"#), ["0 0 * * * ?"]);
        assert_eq!(crons(r#"{"hourly": {"minute": []}}"#), ["0 0 * * * ?"]);
        // Strings, given order and duplicates are kept, as in Elasticsearch.
        assert_eq!(
            crons(r#"{"hourly": {"minute": ["45", 5, "05", 5]}}"#),
            ["0 45,5,5,5 * * * ?"]
        );
        assert_eq!(crons(r#"{"hourly": {"minute": 59}}"#), ["0 59 * * * ?"]);
        let spec = read(r#"{"hourly": {"minute": 5.9}}"#).unwrap();
        assert_eq!(spec.expressions[0].text, "0 5 * * * ?");
        assert_eq!(spec.kind, ScheduleKind::Hourly);
        assert_eq!(spec.dialect, Dialect::Quartz);
        assert_eq!(spec.path, "hourly");
    }

    #[test]
    fn hourly_rejections() {
        let e = fails(r#"{"hourly": {"minute": 60}}"#);
        assert_eq!(e.kind, FormatErrorKind::InvalidValue);
        assert_eq!(e.path, "hourly.minute");
        assert!(e.message.contains("60"), "{e}");
        assert_eq!(e.allowed.as_deref(), Some("0 to 59"));
        assert_eq!(
            fails(r#"{"hourly": {"minute": -1}}"#).kind,
            FormatErrorKind::InvalidValue
        );
        let e = fails(r#"{"hourly": {"minute": [0, "x"]}}"#);
        assert_eq!(e.path, "hourly.minute[1]");
        assert!(e.message.contains("not a number"));
        let e = fails(r#"{"hourly": {"minute": [[1]]}}"#);
        assert_eq!(e.kind, FormatErrorKind::WrongType);
        assert_eq!(
            fails(r#"{"hourly": {"minute": true}}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"hourly": {"minute": null}}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"hourly": {"minute": 1e10}}"#).kind,
            FormatErrorKind::InvalidValue
        );
        let e = fails(r#"{"hourly": {"minutes": 5}}"#);
        assert_eq!(e.kind, FormatErrorKind::UnknownField);
        assert_eq!(e.path, "hourly.minutes");
        assert_eq!(e.allowed.as_deref(), Some("minute"));
        assert_eq!(fails(r#"{"hourly": 5}"#).kind, FormatErrorKind::WrongType);
        assert_eq!(fails(r#"{"hourly": [5]}"#).kind, FormatErrorKind::WrongType);
        assert_eq!(
            warns(r#"{"hourly": {"minute": 5.5}}"#),
            ["watcher-truncated-number"]
        );
    }

    // --- daily --------------------------------------------------------

    #[test]
    fn daily_documented_examples() {
        assert_eq!(crons(r#"{"daily": {"at": "17:00"}}"#), ["0 0 17 * * ?"]);
        assert_eq!(
            crons(r#"{"daily": {"at": ["midnight", "noon", "17:00"]}}"#),
            ["0 0 0 * * ?", "0 0 12 * * ?", "0 0 17 * * ?"]
        );
        assert_eq!(
            crons(r#"{"daily": {"at": {"hour": 17, "minute": 0}}}"#),
            ["0 0 17 * * ?"]
        );
        assert_eq!(
            crons(r#"{"daily": {"at": {"hour": [0, 12, 17], "minute": [0, 30]}}}"#),
            ["0 0,30 0,12,17 * * ?"]
        );
    }

    #[test]
    fn daily_defaults_and_forms() {
        assert_eq!(crons(r#"{"daily": {}}"#), ["0 0 0 * * ?"]);
        assert_eq!(crons(r#"{"daily": {"at": []}}"#), ["0 0 0 * * ?"]);
        assert_eq!(crons(r#"{"daily": {"at": "9:05"}}"#), ["0 5 9 * * ?"]);
        assert_eq!(crons(r#"{"daily": {"at": "09:05"}}"#), ["0 5 9 * * ?"]);
        assert_eq!(crons(r#"{"daily": {"at": "23:59"}}"#), ["0 59 23 * * ?"]);
        // Sorted as strings, duplicates kept.
        assert_eq!(
            crons(r#"{"daily": {"at": ["9:00", "17:00", "noon", "12:00"]}}"#),
            [
                "0 0 12 * * ?",
                "0 0 12 * * ?",
                "0 0 17 * * ?",
                "0 0 9 * * ?"
            ]
        );
        // Object defaults and order.
        assert_eq!(crons(r#"{"daily": {"at": {}}}"#), ["0 0 0 * * ?"]);
        assert_eq!(crons(r#"{"daily": {"at": {"hour": 7}}}"#), ["0 0 7 * * ?"]);
        assert_eq!(
            crons(r#"{"daily": {"at": {"minute": "30"}}}"#),
            ["0 30 0 * * ?"]
        );
        assert_eq!(
            crons(r#"{"daily": {"at": {"hour": [17, "5"], "minute": [30, 0]}}}"#),
            ["0 30,0 17,5 * * ?"]
        );
        // Java parseInt accepts a sign.
        assert_eq!(crons(r#"{"daily": {"at": "+9:00"}}"#), ["0 0 9 * * ?"]);
    }

    #[test]
    fn daily_rejections() {
        for bad in [
            "25:00", "24:00", "12:60", "12:5", "123:00", "12", "12:00:00", ":30", "12:", "Noon",
            "MIDNIGHT", "ab:cd", "1a:00", "-1:00", " 9:00", "",
        ] {
            let e = fails(&format!(r#"{{"daily": {{"at": "{bad}"}}}}"#));
            assert_eq!(e.kind, FormatErrorKind::InvalidValue, "{bad}");
            assert_eq!(e.path, "daily.at", "{bad}");
            assert!(e.message.contains(&format!("{bad:?}")), "{bad}: {e}");
        }
        assert!(fails(r#"{"daily": {"at": "Noon"}}"#)
            .message
            .contains("lower case"));
        assert!(fails(r#"{"daily": {"at": "25:00"}}"#)
            .message
            .contains("hour 25"));
        let e = fails(r#"{"daily": {"at": ["noon", "7"]}}"#);
        assert_eq!(e.path, "daily.at[1]");
        assert_eq!((e.line, e.column), (1, 27));
        assert_eq!(
            fails(r#"{"daily": {"at": 17}}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"daily": {"at": null}}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"daily": {"at": [["noon"]]}}"#).kind,
            FormatErrorKind::WrongType
        );
        let e = fails(r#"{"daily": {"at": {"hour": 24}}}"#);
        assert_eq!(e.path, "daily.at.hour");
        assert_eq!(e.allowed.as_deref(), Some("0 to 23"));
        let e = fails(r#"{"daily": {"at": {"hour": [1, 2], "minute": [0, 75]}}}"#);
        assert_eq!(e.path, "daily.at.minute[1]");
        assert_eq!(
            fails(r#"{"daily": {"at": {"hour": {}}}}"#).kind,
            FormatErrorKind::WrongType
        );
        // daily has no `time` alias and no other fields.
        let e = fails(r#"{"daily": {"time": "noon"}}"#);
        assert_eq!(e.kind, FormatErrorKind::UnknownField);
        assert!(e.message.contains("alias"));
        assert_eq!(
            fails(r#"{"daily": {"on": "mon"}}"#).kind,
            FormatErrorKind::UnknownField
        );
        assert_eq!(
            fails(r#"{"daily": "noon"}"#).kind,
            FormatErrorKind::WrongType
        );
    }

    #[test]
    fn time_object_unknown_fields_warn() {
        let spec = read(r#"{"daily": {"at": {"hour": 7, "minutes": 30}}}"#).unwrap();
        assert_eq!(spec.expressions[0].text, "0 0 7 * * ?");
        assert_eq!(spec.warnings.len(), 1);
        assert_eq!(spec.warnings[0].code, "watcher-ignored-field");
        assert_eq!(spec.warnings[0].path, "daily.at.minutes");
    }

    // --- weekly -------------------------------------------------------

    #[test]
    fn weekly_documented_examples() {
        assert_eq!(
            crons(r#"{"weekly": {"on": "friday", "at": "17:00"}}"#),
            ["0 0 17 ? * FRI"]
        );
        assert_eq!(
            crons(
                r#"{"weekly": [{"on": "tuesday", "at": "noon"}, {"on": "friday", "at": "17:00"}]}"#
            ),
            ["0 0 12 ? * TUE", "0 0 17 ? * FRI"]
        );
        assert_eq!(
            crons(r#"{"weekly": {"on": ["tuesday", "friday"], "at": ["noon", "17:00"]}}"#),
            ["0 0 12 ? * TUE,FRI", "0 0 17 ? * TUE,FRI"]
        );
    }

    #[test]
    fn weekly_day_forms() {
        for (day, name) in [
            ("\"sunday\"", "SUN"),
            ("\"SUN\"", "SUN"),
            ("1", "SUN"),
            ("\"1\"", "SUN"),
            ("\"Monday\"", "MON"),
            ("\"mon\"", "MON"),
            ("2", "MON"),
            ("\"tuesday\"", "TUE"),
            ("\"Tue\"", "TUE"),
            ("3", "TUE"),
            ("\"wednesday\"", "WED"),
            ("\"wed\"", "WED"),
            ("4", "WED"),
            ("\"thursday\"", "THU"),
            ("\"thu\"", "THU"),
            ("5", "THU"),
            ("\"friday\"", "FRI"),
            ("\"FRI\"", "FRI"),
            ("6", "FRI"),
            ("\"saturday\"", "SAT"),
            ("\"sat\"", "SAT"),
            ("7", "SAT"),
            ("\"7\"", "SAT"),
        ] {
            assert_eq!(
                crons(&format!(r#"{{"weekly": {{"on": {day}}}}}"#)),
                [format!("0 0 0 ? * {name}")],
                "{day}"
            );
        }
        // The `day`/`time` aliases.
        assert_eq!(
            crons(r#"{"weekly": {"day": "fri", "time": "17:00"}}"#),
            ["0 0 17 ? * FRI"]
        );
    }

    #[test]
    fn weekly_defaults_order_and_dedup() {
        assert_eq!(crons(r#"{"weekly": {}}"#), ["0 0 0 ? * MON"]);
        assert_eq!(crons(r#"{"weekly": []}"#), ["0 0 0 ? * MON"]);
        assert_eq!(crons(r#"{"weekly": {"at": "noon"}}"#), ["0 0 12 ? * MON"]);
        assert_eq!(crons(r#"{"weekly": {"on": "sat"}}"#), ["0 0 0 ? * SAT"]);
        // Sunday first, duplicates gone.
        assert_eq!(
            crons(r#"{"weekly": {"on": ["sat", "mon", "sun", "monday", 2]}}"#),
            ["0 0 0 ? * SUN,MON,SAT"]
        );
        // Equal times collapse within one entry, not across entries.
        assert_eq!(
            crons(r#"{"weekly": {"on": "mon", "at": ["noon", "12:00"]}}"#),
            ["0 0 12 ? * MON"]
        );
        assert_eq!(
            crons(r#"{"weekly": [{"on": "mon", "at": "noon"}, {"on": "mon", "at": "noon"}]}"#),
            ["0 0 12 ? * MON", "0 0 12 ? * MON"]
        );
        // Both names of a field add up, with a warning.
        assert_eq!(
            crons(r#"{"weekly": {"on": "mon", "day": "fri"}}"#),
            ["0 0 0 ? * MON,FRI"]
        );
        assert_eq!(
            warns(r#"{"weekly": {"on": "mon", "day": "fri"}}"#),
            ["watcher-alias-repeated"]
        );
        assert_eq!(
            crons(r#"{"weekly": {"on": "wed", "at": {"hour": [9, 17], "minute": 30}}}"#),
            ["0 30 9,17 ? * WED"]
        );
    }

    #[test]
    fn weekly_rejections() {
        let e = fails(r#"{"weekly": [{"on": "mon"}, {"on": "funday"}]}"#);
        assert_eq!(e.path, "weekly[1].on");
        assert_eq!(e.kind, FormatErrorKind::InvalidValue);
        assert!(e.message.contains("\"funday\""), "{e}");
        assert!(e
            .allowed
            .as_deref()
            .unwrap_or_default()
            .contains("Sunday = 1"));
        assert_eq!(e.to_string().split(':').next(), Some("weekly[1].on"));
        for bad in [
            "0", "8", "\"0\"", "\"01\"", "\"mo\"", "\"mond\"", "true", "{}",
        ] {
            let e = fails(&format!(r#"{{"weekly": {{"on": {bad}}}}}"#));
            assert!(e.path.starts_with("weekly.on"), "{bad}");
        }
        assert_eq!(fails(r#"{"weekly": [5]}"#).kind, FormatErrorKind::WrongType);
        assert_eq!(
            fails(r#"{"weekly": "monday"}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(fails(r#"{"weekly": {"at": "7pm"}}"#).path, "weekly.at");
    }

    #[test]
    fn weekly_unknown_fields_warn() {
        let spec = read(r#"{"weekly": {"on": "mon", "in": "jan", "hour": 5}}"#).unwrap();
        assert_eq!(spec.expressions[0].text, "0 0 0 ? * MON");
        let codes: Vec<_> = spec
            .warnings
            .iter()
            .map(|w| (w.code, w.path.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("watcher-ignored-field", "weekly.in"),
                ("watcher-ignored-field", "weekly.hour")
            ]
        );
    }

    // --- monthly ------------------------------------------------------

    #[test]
    fn monthly_documented_examples() {
        assert_eq!(
            crons(r#"{"monthly": {"on": 10, "at": "noon"}}"#),
            ["0 0 12 10 * ?"]
        );
        assert_eq!(
            crons(r#"{"monthly": [{"on": 10, "at": "noon"}, {"on": 20, "at": "17:00"}]}"#),
            ["0 0 12 10 * ?", "0 0 17 20 * ?"]
        );
        assert_eq!(
            crons(r#"{"monthly": {"on": [10, 20], "at": ["midnight", "noon"]}}"#),
            ["0 0 0 10,20 * ?", "0 0 12 10,20 * ?"]
        );
    }

    #[test]
    fn monthly_days() {
        assert_eq!(crons(r#"{"monthly": {}}"#), ["0 0 0 1 * ?"]);
        assert_eq!(crons(r#"{"monthly": []}"#), ["0 0 0 1 * ?"]);
        assert_eq!(crons(r#"{"monthly": {"at": "noon"}}"#), ["0 0 12 1 * ?"]);
        assert_eq!(crons(r#"{"monthly": {"on": "last_day"}}"#), ["0 0 0 L * ?"]);
        assert_eq!(crons(r#"{"monthly": {"on": "LAST_DAY"}}"#), ["0 0 0 L * ?"]);
        assert_eq!(
            crons(r#"{"monthly": {"on": "first_day"}}"#),
            ["0 0 0 1 * ?"]
        );
        assert_eq!(
            crons(r#"{"monthly": {"on": "First_Day"}}"#),
            ["0 0 0 1 * ?"]
        );
        assert_eq!(crons(r#"{"monthly": {"on": "15"}}"#), ["0 0 0 15 * ?"]);
        assert_eq!(crons(r#"{"monthly": {"on": "05"}}"#), ["0 0 0 5 * ?"]);
        assert_eq!(crons(r#"{"monthly": {"on": 31}}"#), ["0 0 0 31 * ?"]);
        // Sorted numerically, deduplicated, last day last.
        assert_eq!(
            crons(
                r#"{"monthly": {"on": [20, "last_day", 3, 10, "first_day", 1, 20], "at": "noon"}}"#
            ),
            ["0 0 12 1,3,10,20,L * ?"]
        );
        assert_eq!(
            crons(r#"{"monthly": {"day": 5, "time": "6:30"}}"#),
            ["0 30 6 5 * ?"]
        );
        // 32 is Elasticsearch's code for the last day.
        assert_eq!(crons(r#"{"monthly": {"on": 32}}"#), ["0 0 0 L * ?"]);
        assert_eq!(warns(r#"{"monthly": {"on": 32}}"#), ["watcher-day-32"]);
        assert_eq!(
            crons(r#"{"monthly": {"on": [32, "last_day"]}}"#),
            ["0 0 0 L * ?"]
        );
    }

    #[test]
    fn monthly_rejections() {
        for bad in [
            "0",
            "33",
            "-1",
            "\"0\"",
            "\"last\"",
            "\"first\"",
            "\"lastday\"",
            "\"x\"",
            "\"\"",
            "null",
            "[[]]",
        ] {
            let e = fails(&format!(r#"{{"monthly": {{"on": {bad}}}}}"#));
            assert!(e.path.starts_with("monthly.on"), "{bad}: {}", e.path);
        }
        let e = fails(r#"{"monthly": {"on": 0}}"#);
        assert!(e.message.contains("not between 1 and 31"));
        assert_eq!(e.allowed.as_deref(), Some(MONTH_DAY_ALLOWED));
        assert_eq!(
            fails(r#"{"monthly": [{"on": 1}, {"at": "x"}]}"#).path,
            "monthly[1].at"
        );
        assert_eq!(fails(r#"{"monthly": 1}"#).kind, FormatErrorKind::WrongType);
    }

    // --- yearly -------------------------------------------------------

    #[test]
    fn yearly_documented_examples() {
        assert_eq!(
            crons(r#"{"yearly": {"in": "january", "on": 10, "at": "noon"}}"#),
            ["0 0 12 10 JAN ?"]
        );
        assert_eq!(
            crons(
                r#"{"yearly": [{"in": "january", "on": 10, "at": "noon"}, {"in": "july", "on": 20, "at": "17:00"}]}"#
            ),
            ["0 0 12 10 JAN ?", "0 0 17 20 JUL ?"]
        );
        assert_eq!(
            crons(
                r#"{"yearly": {"in": ["jan", "dec"], "on": [10, 20], "at": ["midnight", "noon"]}}"#
            ),
            ["0 0 0 10,20 JAN,DEC ?", "0 0 12 10,20 JAN,DEC ?"]
        );
    }

    #[test]
    fn yearly_forms_and_defaults() {
        assert_eq!(crons(r#"{"yearly": {}}"#), ["0 0 0 1 JAN ?"]);
        assert_eq!(crons(r#"{"yearly": []}"#), ["0 0 0 1 JAN ?"]);
        assert_eq!(crons(r#"{"yearly": {"in": "last"}}"#), ["0 0 0 1 DEC ?"]);
        assert_eq!(crons(r#"{"yearly": {"in": "FIRST"}}"#), ["0 0 0 1 JAN ?"]);
        assert_eq!(
            crons(r#"{"yearly": {"month": "May", "day": "last_day", "time": "7:15"}}"#),
            ["0 15 7 L MAY ?"]
        );
        let months = [
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
        for (i, name) in months.iter().enumerate() {
            let want = [format!("0 0 0 1 {} ?", MONTH_NAMES[i])];
            assert_eq!(crons(&format!(r#"{{"yearly": {{"in": "{name}"}}}}"#)), want);
            assert_eq!(
                crons(&format!(r#"{{"yearly": {{"in": "{}"}}}}"#, &name[..3])),
                want
            );
            assert_eq!(
                crons(&format!(r#"{{"yearly": {{"in": {}}}}}"#, i + 1)),
                want
            );
            assert_eq!(
                crons(&format!(r#"{{"yearly": {{"in": "{}"}}}}"#, i + 1)),
                want
            );
        }
        // Calendar order, deduplicated.
        assert_eq!(
            crons(r#"{"yearly": {"in": ["dec", "mar", 3, "first"], "on": [31, 1]}}"#),
            ["0 0 0 1,31 JAN,MAR,DEC ?"]
        );
        // Yearly deduplicates across entries.
        assert_eq!(
            crons(r#"{"yearly": [{"in": "jan"}, {"in": "january", "on": "first_day"}]}"#),
            ["0 0 0 1 JAN ?"]
        );
        // Accepted although it never fires (validate reports that).
        assert_eq!(
            crons(r#"{"yearly": {"in": "feb", "on": 30}}"#),
            ["0 0 0 30 FEB ?"]
        );
    }

    #[test]
    fn yearly_rejections() {
        for bad in ["0", "13", "\"13\"", "\"01\"", "\"ja\"", "\"sept\"", "true"] {
            let e = fails(&format!(r#"{{"yearly": {{"in": {bad}}}}}"#));
            assert_eq!(e.path, "yearly.in", "{bad}");
        }
        let e = fails(r#"{"yearly": {"in": "sept"}}"#);
        assert_eq!(e.allowed.as_deref(), Some(MONTH_ALLOWED));
        assert_eq!(
            fails(r#"{"yearly": {"in": "jan", "on": 40}}"#).path,
            "yearly.on"
        );
        assert_eq!(
            fails(r#"{"yearly": [{"in": ["jan", "x"]}]}"#).path,
            "yearly[0].in[1]"
        );
    }

    // --- cron ---------------------------------------------------------

    #[test]
    fn cron_string_and_array_keep_positions() {
        let text = "{\"cron\": [\n  \"0 0/2 * ? * MON-FRI\",\n  \"0 1-59/2 * ? * SAT-SUN\"\n]}";
        let spec = read(text).unwrap();
        assert_eq!(spec.kind, ScheduleKind::Cron);
        let got: Vec<_> = spec
            .expressions
            .iter()
            .map(|e| (e.text.as_str(), e.line, e.column))
            .collect();
        assert_eq!(
            got,
            [
                ("0 0/2 * ? * MON-FRI", 2, 3),
                ("0 1-59/2 * ? * SAT-SUN", 3, 3)
            ]
        );
        let e = &spec.expressions[0];
        assert_eq!(&text[e.span.start..e.span.end], "\"0 0/2 * ? * MON-FRI\"");
        let one = read(r#"{"cron": "0 0 12 * * ?"}"#).unwrap();
        assert_eq!(
            (one.expressions[0].text.as_str(), one.expressions[0].column),
            ("0 0 12 * * ?", 10)
        );
        // The text is not validated here, only carried.
        assert_eq!(crons(r#"{"cron": "nonsense"}"#), ["nonsense"]);
    }

    #[test]
    fn cron_rejections() {
        assert_eq!(fails(r#"{"cron": []}"#).kind, FormatErrorKind::InvalidValue);
        let e = fails(r#"{"cron": ["0 0 12 * * ?", 5]}"#);
        assert_eq!(
            (e.kind.clone(), e.path.as_str()),
            (FormatErrorKind::WrongType, "cron[1]")
        );
        assert_eq!(fails(r#"{"cron": 5}"#).kind, FormatErrorKind::WrongType);
        let e = fails(r#"{"cron": {"expression": "0 * * * *"}}"#);
        assert!(e.message.contains("OpenSearch"));
    }

    // --- interval -----------------------------------------------------

    #[test]
    fn interval_conversions() {
        for (text, secs, cron) in [
            ("\"30s\"", 30, "0/30 * * * * ?"),
            ("\"5m\"", 300, "0 0/5 * * * ?"),
            ("\"2h\"", 7200, "0 0 0/2 * * ?"),
            ("\"12h\"", 43_200, "0 0 0/12 * * ?"),
            ("\"1d\"", 86_400, "0 0 0 * * ?"),
            ("\"1w\"", 604_800, "0 0 0 ? * MON"),
            ("\"120s\"", 120, "0 0/2 * * * ?"),
            ("\"60m\"", 3600, "0 0 0/1 * * ?"),
            ("\"24h\"", 86_400, "0 0 0 * * ?"),
            ("\"7d\"", 604_800, "0 0 0 ? * MON"),
            ("\"+5m\"", 300, "0 0/5 * * * ?"),
            ("10", 10, "0/10 * * * * ?"),
            ("60", 60, "0 0/1 * * * ?"),
        ] {
            let spec = read(&format!(r#"{{"interval": {text}}}"#)).unwrap();
            assert_eq!(spec.kind, ScheduleKind::Interval);
            assert_eq!(
                spec.interval,
                Some(IntervalSpec {
                    seconds: secs,
                    start_time_ms: None
                }),
                "{text}"
            );
            assert_eq!(spec.expressions[0].text, cron, "{text}");
            assert!(spec.conversion_error.is_none());
            assert!(
                spec.notes[0].contains("phase may differ"),
                "{:?}",
                spec.notes
            );
        }
        assert_eq!(warns(r#"{"interval": 10.7}"#), ["watcher-truncated-number"]);
        assert_eq!(
            read(r#"{"interval": 10.7}"#)
                .unwrap()
                .interval
                .unwrap()
                .seconds,
            10
        );
    }

    #[test]
    fn intervals_without_cron_are_read_but_not_convertible() {
        for (text, secs) in [
            ("\"7m\"", 420),
            ("\"90s\"", 90),
            ("\"2d\"", 172_800),
            ("\"5h\"", 18_000),
            ("\"2w\"", 1_209_600),
            ("7", 7),
        ] {
            let spec = read(&format!(r#"{{"interval": {text}}}"#)).unwrap();
            assert_eq!(spec.interval.unwrap().seconds, secs);
            assert!(spec.expressions.is_empty());
            let e = spec.conversion_error.expect("conversion error");
            assert!(
                matches!(e.kind, FormatErrorKind::IntervalNotCron(_)),
                "{text}"
            );
            assert_eq!(e.path, "interval");
        }
        let spec = read(r#"{"interval": "7m"}"#).unwrap();
        let msg = spec.conversion_error.unwrap().to_string();
        assert!(msg.contains("7m does not divide an hour"), "{msg}");
    }

    #[test]
    fn interval_rejections() {
        for bad in [
            "\"10\"",
            "\"5ms\"",
            "\"5M\"",
            "\"1.5h\"",
            "\"m\"",
            "\"5 m\"",
            "\"\"",
            "\"0s\"",
            "0",
            "-5",
            "\"-1m\"",
            "0.5",
            "\"999999999999999999w\"",
        ] {
            let e = fails(&format!(r#"{{"interval": {bad}}}"#));
            assert_eq!(e.kind, FormatErrorKind::InvalidValue, "{bad}");
            assert_eq!(e.path, "interval", "{bad}");
        }
        assert!(fails(r#"{"interval": "10"}"#)
            .message
            .contains("needs a unit"));
        assert_eq!(
            fails(r#"{"interval": true}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"interval": {"period": 5}}"#).kind,
            FormatErrorKind::WrongType
        );
    }

    // --- the schedule object -----------------------------------------

    #[test]
    fn schedule_object_rules() {
        let e = fails(r#"{"every": "5m"}"#);
        assert_eq!(e.kind, FormatErrorKind::UnknownScheduleType);
        assert!(e.message.contains("`every`"));
        assert_eq!(e.allowed.as_deref(), Some(TYPES));
        assert_eq!(fails(r#"{}"#).kind, FormatErrorKind::EmptySchedule);
        assert_eq!(
            fails(r#"{"timezone": "UTC"}"#).kind,
            FormatErrorKind::EmptySchedule
        );
        assert_eq!(fails(r#"[]"#).kind, FormatErrorKind::WrongType);
        let e = fails(r#"{"daily": {}, "daily": {}}"#);
        assert_eq!(e.kind, FormatErrorKind::DuplicateField);
        assert_eq!(e.column, 15);
        // The last type wins, with a warning.
        let spec = read(r#"{"daily": {}, "hourly": {"minute": 5}}"#).unwrap();
        assert_eq!(spec.kind, ScheduleKind::Hourly);
        assert_eq!(spec.path, "hourly");
        assert_eq!(spec.warnings[0].code, "watcher-several-schedule-types");
        // Errors in any of them still count.
        assert_eq!(
            fails(r#"{"daily": {"at": "x"}, "hourly": {}}"#).path,
            "daily.at"
        );
    }

    #[test]
    fn timezone_is_carried() {
        let spec = read(r#"{"timezone": "Europe/London", "cron": "0 0 1 * * ?"}"#).unwrap();
        assert_eq!(spec.timezone.as_deref(), Some("Europe/London"));
        let spec = read(r#"{"daily": {"at": "01:30"}, "timezone": "+1"}"#).unwrap();
        assert_eq!(spec.timezone.as_deref(), Some("+1"));
        let e = fails(r#"{"interval": "5m", "timezone": "UTC"}"#);
        assert_eq!(e.kind, FormatErrorKind::TimezoneNotSupported);
        assert_eq!(e.path, "timezone");
        assert_eq!(
            fails(r#"{"cron": "0 0 1 * * ?", "timezone": 1}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"cron": "0 0 1 * * ?", "timezone": ""}"#).kind,
            FormatErrorKind::InvalidValue
        );
    }

    #[test]
    fn structured_expressions_point_at_the_schedule_body() {
        let text = "{\n  \"weekly\": {\"on\": \"mon\"}\n}";
        let spec = read(text).unwrap();
        let e = &spec.expressions[0];
        assert_eq!((e.line, e.column), (2, 13));
        assert_eq!(&text[e.span.start..e.span.end], "{\"on\": \"mon\"}");
    }

    #[test]
    fn errors_carry_positions_and_values() {
        let text = "{\"trigger\": {\"schedule\": {\"weekly\": [\n  {\"on\": \"mon\"},\n  {\"on\": \"funday\"}\n]}}}";
        let out = extract(text.as_bytes(), SourceFormat::Watcher).unwrap();
        assert!(out.schedules.is_empty());
        let e = &out.errors[0];
        assert_eq!(e.path, "trigger.schedule.weekly[1].on");
        assert_eq!((e.line, e.column), (3, 10));
        assert_eq!(e.value.as_deref(), Some("\"funday\""));
        assert_eq!(e.kind.code(), "invalid-value");
        let shown = e.to_string();
        assert!(
            shown.starts_with("trigger.schedule.weekly[1].on: unknown day of week \"funday\""),
            "{shown}"
        );
        assert!(shown.contains("(allowed: sunday..saturday"), "{shown}");
    }
}
