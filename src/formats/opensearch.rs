//! OpenSearch / OpenDistro job-scheduler schedules
//! (`spi/.../schedule/ScheduleParser.java`).
//!
//! A job's `schedule` holds exactly one of
//!
//! - `{"cron": {"expression": "0 */6 * * *", "timezone": "Europe/Berlin"}}`
//!   — a 5-field Unix cron (cron-utils `UNIX`) in a `java.time` zone;
//! - `{"interval": {"start_time": 1700000000000, "period": 5, "unit": "Minutes"}}`
//!   — every `period` units counted from `start_time` (epoch ms, UTC);
//!   units `Minutes`, `Hours`, `Days` (any case).
//!
//! Both may carry `schedule_delay` (ms), which moves every fire time later.
//! Unknown fields are errors, as in OpenSearch. An interval becomes a
//! clock-aligned Quartz cron when its period divides its unit; the phase is
//! taken from `start_time`.

use std::str::FromStr;

use super::json::{Value, ValueKind};
use super::{
    child_path, format_interval, interval_to_cron, java_number, java_parse_int, object, spanned,
    warning, Dialect, FormatError, FormatErrorKind, FormatWarning, IntervalSpec, JavaInt,
    ScheduleKind, ScheduleSpec,
};

/// Whether a schedule object has the OpenSearch shape (its `cron` or
/// `interval` is an object; in Watcher they are a string or number).
pub fn looks_like_opensearch(schedule: &Value) -> bool {
    schedule.as_object().is_some_and(|members| {
        members.iter().any(|m| {
            (m.key.text == "cron" || m.key.text == "interval") && m.value.as_object().is_some()
        })
    })
}

/// Reads one OpenSearch schedule object at `path`.
pub fn read_schedule(schedule: &Value, path: &str) -> Result<ScheduleSpec, Box<FormatError>> {
    let members = object(schedule, path, "a job-scheduler schedule")?;
    let allowed = "exactly one of {\"cron\": {\"expression\", \"timezone\"}} or \
                   {\"interval\": {\"start_time\", \"period\", \"unit\"}}";
    let Some(first) = members.first() else {
        return Err(FormatError::new(
            FormatErrorKind::EmptySchedule,
            schedule,
            path,
            "the schedule is empty",
        )
        .allowed(allowed));
    };
    if let Some(extra) = members.get(1) {
        return Err(FormatError::at_key(
            FormatErrorKind::UnknownField,
            extra,
            &child_path(path, &extra.key.text),
            format!(
                "an OpenSearch schedule holds one type, but `{}` follows `{}`",
                extra.key.text, first.key.text
            ),
        )
        .allowed(allowed));
    }
    let p = child_path(path, &first.key.text);
    match first.key.text.as_str() {
        "cron" => cron(&first.value, &p),
        "interval" => interval(&first.value, &p),
        other => {
            let mut e = FormatError::at_key(
                FormatErrorKind::UnknownScheduleType,
                first,
                &p,
                format!("unknown schedule type `{other}`"),
            )
            .allowed("cron, interval");
            if ["hourly", "daily", "weekly", "monthly", "yearly"].contains(&other) {
                e.message
                    .push_str(" (this is a Watcher schedule; read the input as watcher)");
            }
            Err(e)
        }
    }
}

fn cron(v: &Value, path: &str) -> Result<ScheduleSpec, Box<FormatError>> {
    let members = object(
        v,
        path,
        "an OpenSearch cron schedule {\"expression\", \"timezone\"}",
    )
    .map_err(|mut e| {
        if v.as_str().is_some() || v.as_array().is_some() {
            e.message.push_str(
                " (a cron string or array is a Watcher schedule; read the input as watcher)",
            );
        }
        e
    })?;
    let mut warnings = Vec::new();
    let mut expression = None;
    let mut timezone = None;
    let mut delay = None;
    for m in members {
        let p = child_path(path, &m.key.text);
        match m.key.text.as_str() {
            "expression" => {
                let Some(s) = m.value.as_str() else {
                    return Err(wrong_type(
                        &m.value,
                        &p,
                        "a Unix cron string such as \"0 */6 * * *\"",
                    ));
                };
                expression = Some(spanned(s.to_string(), &m.value));
            }
            "timezone" => {
                timezone = Some(zone(&m.value, &p, &mut warnings)?);
            }
            "schedule_delay" => delay = Some((millis(&m.value, &p, &mut warnings)?, &m.value, p)),
            other => {
                return Err(FormatError::at_key(
                    FormatErrorKind::UnknownField,
                    m,
                    &p,
                    format!("unknown cron field `{other}`"),
                )
                .allowed("expression, timezone, schedule_delay"))
            }
        }
    }
    let Some(expression) = expression else {
        return Err(FormatError::new(
            FormatErrorKind::MissingField,
            v,
            path,
            "the cron schedule has no `expression`",
        )
        .allowed("{\"expression\": \"0 */6 * * *\", \"timezone\": \"UTC\"}"));
    };
    if timezone.is_none() {
        warnings.push(warning(
            "opensearch-missing-timezone",
            v,
            path,
            "no `timezone`: the job scheduler needs one; UTC is assumed",
        ));
    }
    let mut conversion_error = None;
    let mut notes = Vec::new();
    if let Some((ms, at, p)) = delay.filter(|(ms, _, _)| *ms != 0) {
        notes.push(format!(
            "schedule_delay {ms} ms: every fire time of `{}` is moved {ms} ms later",
            expression.text
        ));
        conversion_error = Some(*FormatError::new(
            FormatErrorKind::DelayNotCron,
            at,
            &p,
            format!(
                "schedule_delay {ms} ms moves every fire time of `{}`; a cron expression cannot \
                 carry that offset",
                expression.text
            ),
        ));
    }
    Ok(ScheduleSpec {
        id: None,
        path: path.to_string(),
        kind: ScheduleKind::OpenSearchCron,
        dialect: Dialect::Unix,
        expressions: vec![expression],
        timezone,
        interval: None,
        notes,
        warnings,
        conversion_error,
    })
}

/// `ChronoUnit` names; only the first three are supported by the job
/// scheduler.
const UNITS: [(&str, u64); 3] = [("MINUTES", 60), ("HOURS", 3_600), ("DAYS", 86_400)];
const OTHER_CHRONO_UNITS: [&str; 13] = [
    "NANOS",
    "MICROS",
    "MILLIS",
    "SECONDS",
    "HALF_DAYS",
    "WEEKS",
    "MONTHS",
    "YEARS",
    "DECADES",
    "CENTURIES",
    "MILLENNIA",
    "ERAS",
    "FOREVER",
];

fn interval(v: &Value, path: &str) -> Result<ScheduleSpec, Box<FormatError>> {
    let members = object(
        v,
        path,
        "an OpenSearch interval schedule {\"start_time\", \"period\", \"unit\"}",
    )
    .map_err(|mut e| {
        if v.as_str().is_some() || v.as_number().is_some() {
            e.message.push_str(
                " (a string or number interval is a Watcher schedule; read the input as watcher)",
            );
        }
        e
    })?;
    let mut warnings = Vec::new();
    let mut start = None;
    let mut period = None;
    let mut unit = None;
    let mut delay = 0i64;
    for m in members {
        let p = child_path(path, &m.key.text);
        let val = &m.value;
        match m.key.text.as_str() {
            "start_time" => start = Some(millis(val, &p, &mut warnings)?),
            "period" => {
                let n = match &val.kind {
                    ValueKind::Number(n) => {
                        match java_number(n, i32::MIN.into(), i32::MAX.into()) {
                            JavaInt::Exact(i) => Some(i),
                            JavaInt::Truncated(i) => {
                                warnings.push(warning(
                                    "opensearch-truncated-number",
                                    val,
                                    &p,
                                    format!("OpenSearch truncates the period {} to {i}", n.text),
                                ));
                                Some(i)
                            }
                            JavaInt::OutOfRange => None,
                        }
                    }
                    ValueKind::String(s) => java_parse_int(s, i32::MIN.into(), i32::MAX.into()),
                    _ => return Err(wrong_type(val, &p, "a whole number of units, at least 1")),
                };
                match n {
                    Some(n) if n >= 1 => period = Some(n as u64),
                    _ => {
                        return Err(FormatError::new(
                            FormatErrorKind::InvalidValue,
                            val,
                            &p,
                            format!(
                                "invalid period {}: it must be a whole number of units, at least 1",
                                val.to_json_truncated(40)
                            ),
                        )
                        .allowed("1 to 2147483647"))
                    }
                }
            }
            "unit" => {
                let Some(s) = val.as_str() else {
                    return Err(wrong_type(val, &p, "\"Minutes\", \"Hours\" or \"Days\""));
                };
                let upper = s.to_uppercase();
                match UNITS.iter().find(|(name, _)| *name == upper) {
                    Some((_, secs)) => unit = Some(*secs),
                    None => {
                        let why = if OTHER_CHRONO_UNITS.contains(&upper.as_str()) {
                            format!("interval unit {s:?} is not supported by the job scheduler")
                        } else {
                            format!("unknown interval unit {s:?}")
                        };
                        return Err(
                            FormatError::new(FormatErrorKind::InvalidValue, val, &p, why)
                                .allowed("\"Minutes\", \"Hours\" or \"Days\" (any case)"),
                        );
                    }
                }
            }
            "schedule_delay" => delay = millis(val, &p, &mut warnings)?,
            other => {
                return Err(FormatError::at_key(
                    FormatErrorKind::UnknownField,
                    m,
                    &p,
                    format!("unknown interval field `{other}`"),
                )
                .allowed("start_time, period, unit, schedule_delay"))
            }
        }
    }
    let Some(period) = period else {
        return Err(missing(v, path, "period"));
    };
    let Some(unit) = unit else {
        return Err(missing(v, path, "unit"));
    };
    let Some(seconds) = period.checked_mul(unit) else {
        return Err(FormatError::new(
            FormatErrorKind::InvalidValue,
            v,
            path,
            "the interval is too long",
        ));
    };
    if start.is_none() {
        warnings.push(warning(
            "opensearch-missing-start-time",
            v,
            path,
            "no `start_time`: the job scheduler needs one to count the interval from",
        ));
    }
    let start_time_ms = start.map(|s| s.saturating_add(delay));
    let spec = IntervalSpec {
        seconds,
        start_time_ms,
    };
    let mut notes = Vec::new();
    let mut expressions = Vec::new();
    let mut conversion_error = None;
    match interval_to_cron(&spec) {
        Ok(c) => {
            match start_time_ms {
                Some(ms) => {
                    notes.push(format!(
                        "the job runs every {} from {} (UTC); `{}` fires at the same instants \
                         from then on (evaluate it in UTC), and also before that time",
                        format_interval(seconds),
                        format_epoch_ms(ms),
                        c.expression
                    ));
                    let frac = ms.rem_euclid(1000);
                    if frac != 0 {
                        notes.push(format!(
                            "start_time has a millisecond part: the job fires {frac} ms after \
                             each time of `{}`",
                            c.expression
                        ));
                    }
                }
                None => notes.push(format!(
                    "without `start_time` the phase is unknown: `{}` fires every {} on clock \
                     boundaries (UTC), so the phase may differ",
                    c.expression,
                    format_interval(seconds)
                )),
            }
            expressions.push(spanned(c.expression, v));
        }
        Err(e) => {
            conversion_error = Some(*FormatError::new(
                FormatErrorKind::IntervalNotCron(e.clone()),
                v,
                path,
                format!(
                    "interval {} has no cron equivalent: {e}",
                    format_interval(seconds)
                ),
            ));
        }
    }
    Ok(ScheduleSpec {
        id: None,
        path: path.to_string(),
        kind: ScheduleKind::OpenSearchInterval,
        dialect: Dialect::Quartz,
        expressions,
        timezone: None,
        interval: Some(spec),
        notes,
        warnings,
        conversion_error,
    })
}

/// An epoch-millisecond field (`parser.longValue()`).
fn millis(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<i64, Box<FormatError>> {
    let allowed = "milliseconds since 1970-01-01T00:00:00Z, a whole number";
    match &v.kind {
        ValueKind::Number(n) => match java_number(n, i64::MIN, i64::MAX) {
            JavaInt::Exact(i) => Ok(i),
            JavaInt::Truncated(i) => {
                warnings.push(warning(
                    "opensearch-truncated-number",
                    v,
                    path,
                    format!("OpenSearch truncates {} to {i}", n.text),
                ));
                Ok(i)
            }
            JavaInt::OutOfRange => Err(FormatError::new(
                FormatErrorKind::InvalidValue,
                v,
                path,
                format!("{} is out of range", n.text),
            )
            .allowed(allowed)),
        },
        ValueKind::String(s) => java_parse_int(s, i64::MIN, i64::MAX).ok_or_else(|| {
            FormatError::new(
                FormatErrorKind::InvalidValue,
                v,
                path,
                format!("{s:?} is not a whole number of milliseconds"),
            )
            .allowed(allowed)
        }),
        _ => Err(wrong_type(v, path, allowed)),
    }
}

/// A `timezone` string; unknown names are a warning (the job scheduler
/// would reject them, but its zone rules are Java's, not ours).
fn zone(
    v: &Value,
    path: &str,
    warnings: &mut Vec<FormatWarning>,
) -> Result<String, Box<FormatError>> {
    let Some(s) = v.as_str() else {
        return Err(wrong_type(
            v,
            path,
            "a time zone id such as \"Europe/Berlin\" or \"UTC\"",
        ));
    };
    if !is_java_zone_id(s) {
        warnings.push(warning(
            "opensearch-unknown-timezone",
            v,
            path,
            format!(
                "{s:?} is not a known time zone id; the job scheduler (java.time ZoneId.of, case-sensitive) would reject it"
            ),
        ));
    }
    Ok(s.to_string())
}

/// Whether `ZoneId.of` would accept `s`: an IANA id (exact case), `Z`, or
/// an offset `+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss`, bare
/// or after `UTC`, `GMT` or `UT`.
pub fn is_java_zone_id(s: &str) -> bool {
    if s == "Z" || chrono_tz::Tz::from_str(s).is_ok() {
        return true;
    }
    let rest = ["UTC", "GMT", "UT"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    if rest.is_empty() {
        return !s.is_empty();
    }
    let Some(digits) = rest.strip_prefix('+').or_else(|| rest.strip_prefix('-')) else {
        return false;
    };
    let ok_shape = match digits.len() {
        1 | 2 | 4 | 6 => digits.bytes().all(|b| b.is_ascii_digit()),
        5 => {
            digits.as_bytes().get(2) == Some(&b':')
                && digits.bytes().filter(u8::is_ascii_digit).count() == 4
        }
        8 => {
            let b = digits.as_bytes();
            b.get(2) == Some(&b':')
                && b.get(5) == Some(&b':')
                && digits.bytes().filter(u8::is_ascii_digit).count() == 6
        }
        _ => false,
    };
    if !ok_shape {
        return false;
    }
    let nums: Vec<u32> = digits
        .split(':')
        .flat_map(|part| {
            let bytes = part.as_bytes();
            if part.len() <= 2 {
                vec![part.parse::<u32>().unwrap_or(99)]
            } else {
                bytes
                    .chunks(2)
                    .map(|c| {
                        std::str::from_utf8(c)
                            .ok()
                            .and_then(|t| t.parse().ok())
                            .unwrap_or(99)
                    })
                    .collect()
            }
        })
        .collect();
    let hours = nums.first().copied().unwrap_or(99);
    let minutes = nums.get(1).copied().unwrap_or(0);
    let seconds = nums.get(2).copied().unwrap_or(0);
    hours <= 18 && minutes < 60 && seconds < 60 && (hours < 18 || minutes + seconds == 0)
}

fn format_epoch_ms(ms: i64) -> String {
    match chrono::DateTime::from_timestamp_millis(ms) {
        Some(t) => t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        None => format!("{ms} ms after 1970-01-01"),
    }
}

fn wrong_type(v: &Value, path: &str, allowed: &str) -> Box<FormatError> {
    FormatError::new(
        FormatErrorKind::WrongType,
        v,
        path,
        format!("unexpected {} {}", v.type_name(), v.to_json_truncated(40)),
    )
    .allowed(allowed.to_string())
}

fn missing(v: &Value, path: &str, field: &str) -> Box<FormatError> {
    FormatError::new(
        FormatErrorKind::MissingField,
        v,
        path,
        format!("the interval schedule has no `{field}`"),
    )
    .allowed("{\"start_time\": 1700000000000, \"period\": 5, \"unit\": \"Minutes\"}")
}

#[cfg(test)]
mod tests {
    use super::super::{extract, json, SourceFormat};
    use super::*;

    fn read(text: &str) -> Result<ScheduleSpec, Box<FormatError>> {
        let v = json::parse(text.as_bytes()).expect("test JSON");
        read_schedule(&v, "schedule")
    }

    fn fails(text: &str) -> Box<FormatError> {
        match read(text) {
            Ok(spec) => panic!("{text}: expected an error, got {spec:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn cron_schedule() {
        let text = r#"{"cron": {"expression": "0 */6 * * *", "timezone": "America/Los_Angeles"}}"#;
        let spec = read(text).unwrap();
        assert_eq!(spec.kind, ScheduleKind::OpenSearchCron);
        assert_eq!(spec.dialect, Dialect::Unix);
        assert_eq!(spec.path, "schedule.cron");
        assert_eq!(spec.expressions[0].text, "0 */6 * * *");
        assert_eq!(spec.expressions[0].column, 25);
        assert_eq!(spec.timezone.as_deref(), Some("America/Los_Angeles"));
        assert!(spec.warnings.is_empty());
        assert!(spec.conversion_error.is_none());
    }

    #[test]
    fn cron_schedule_warnings_and_delay() {
        let spec = read(r#"{"cron": {"expression": "* * * * *"}}"#).unwrap();
        assert_eq!(spec.warnings[0].code, "opensearch-missing-timezone");
        let spec =
            read(r#"{"cron": {"expression": "* * * * *", "timezone": "europe/berlin"}}"#).unwrap();
        assert_eq!(spec.warnings[0].code, "opensearch-unknown-timezone");
        let spec = read(
            r#"{"cron": {"expression": "* * * * *", "timezone": "UTC", "schedule_delay": 15000}}"#,
        )
        .unwrap();
        let e = spec.conversion_error.unwrap();
        assert_eq!(e.kind, FormatErrorKind::DelayNotCron);
        assert_eq!(e.path, "schedule.cron.schedule_delay");
        let spec = read(
            r#"{"cron": {"expression": "* * * * *", "timezone": "UTC", "schedule_delay": 0}}"#,
        )
        .unwrap();
        assert!(spec.conversion_error.is_none());
    }

    #[test]
    fn cron_schedule_rejections() {
        let e = fails(r#"{"cron": {"expression": "* * * * *", "tz": "UTC"}}"#);
        assert_eq!(
            (e.kind.clone(), e.path.as_str()),
            (FormatErrorKind::UnknownField, "schedule.cron.tz")
        );
        assert_eq!(
            fails(r#"{"cron": {"timezone": "UTC"}}"#).kind,
            FormatErrorKind::MissingField
        );
        assert_eq!(
            fails(r#"{"cron": {"expression": 5}}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"cron": {"expression": "* * * * *", "timezone": 1}}"#).kind,
            FormatErrorKind::WrongType
        );
        assert!(fails(r#"{"cron": "0 * * * *"}"#)
            .message
            .contains("Watcher"));
        let e = fails(r#"{"daily": {}}"#);
        assert_eq!(e.kind, FormatErrorKind::UnknownScheduleType);
        assert!(e.message.contains("Watcher"));
        assert_eq!(fails(r#"{}"#).kind, FormatErrorKind::EmptySchedule);
        let e = fails(r#"{"cron": {"expression": "* * * * *"}, "interval": {}}"#);
        assert_eq!(e.path, "schedule.interval");
    }

    #[test]
    fn interval_schedule() {
        // 2023-11-14T22:13:20Z
        let text = r#"{"interval": {"start_time": 1700000000000, "period": 5, "unit": "Minutes"}}"#;
        let spec = read(text).unwrap();
        assert_eq!(spec.kind, ScheduleKind::OpenSearchInterval);
        assert_eq!(
            spec.interval,
            Some(IntervalSpec {
                seconds: 300,
                start_time_ms: Some(1_700_000_000_000)
            })
        );
        assert_eq!(spec.expressions[0].text, "20 3/5 * * * ?");
        assert!(
            spec.notes[0].contains("2023-11-14T22:13:20.000Z"),
            "{:?}",
            spec.notes
        );
        assert!(spec.warnings.is_empty());
        for (unit, period, cron) in [
            ("\"HOURS\"", 1, "20 13 0/1 * * ?"),
            ("\"hours\"", 6, "20 13 4/6 * * ?"),
            ("\"Days\"", 1, "20 13 22 * * ?"),
            ("\"days\"", 7, "20 13 22 ? * TUE"),
        ] {
            let spec = read(&format!(
                r#"{{"interval": {{"start_time": 1700000000000, "period": {period}, "unit": {unit}}}}}"#
            ))
            .unwrap();
            assert_eq!(spec.expressions[0].text, cron, "{unit} {period}");
        }
    }

    #[test]
    fn interval_delay_and_odd_inputs() {
        let spec = read(r#"{"interval": {"start_time": 1700000000000, "period": 1, "unit": "Minutes", "schedule_delay": 30000}}"#).unwrap();
        assert_eq!(
            spec.interval.unwrap().start_time_ms,
            Some(1_700_000_030_000)
        );
        assert_eq!(spec.expressions[0].text, "50 0/1 * * * ?");
        let spec = read(r#"{"interval": {"period": 10, "unit": "Minutes"}}"#).unwrap();
        assert_eq!(spec.warnings[0].code, "opensearch-missing-start-time");
        assert_eq!(spec.expressions[0].text, "0 0/10 * * * ?");
        assert!(spec.notes[0].contains("phase"));
        let spec =
            read(r#"{"interval": {"start_time": 1700000000123, "period": 1, "unit": "Days"}}"#)
                .unwrap();
        assert!(spec.notes[1].contains("123 ms"));
        let spec = read(
            r#"{"interval": {"start_time": "1700000000000", "period": "2", "unit": "Hours"}}"#,
        )
        .unwrap();
        assert_eq!(spec.interval.unwrap().seconds, 7200);
        let spec =
            read(r#"{"interval": {"start_time": 1700000000000, "period": 7, "unit": "Minutes"}}"#)
                .unwrap();
        assert!(spec.expressions.is_empty());
        let e = spec.conversion_error.unwrap();
        assert!(matches!(e.kind, FormatErrorKind::IntervalNotCron(_)));
        assert!(e.message.contains("7m"), "{e}");
    }

    #[test]
    fn interval_rejections() {
        let e = fails(r#"{"interval": {"start_time": 1, "period": 1, "unit": "Seconds"}}"#);
        assert!(e.message.contains("not supported"));
        assert_eq!(e.path, "schedule.interval.unit");
        assert!(
            fails(r#"{"interval": {"start_time": 1, "period": 1, "unit": "Fortnights"}}"#)
                .message
                .contains("unknown")
        );
        assert_eq!(
            fails(r#"{"interval": {"start_time": 1, "period": 0, "unit": "Days"}}"#).kind,
            FormatErrorKind::InvalidValue
        );
        assert_eq!(
            fails(r#"{"interval": {"start_time": 1, "period": -3, "unit": "Days"}}"#).kind,
            FormatErrorKind::InvalidValue
        );
        assert_eq!(
            fails(r#"{"interval": {"start_time": 1, "unit": "Days"}}"#).kind,
            FormatErrorKind::MissingField
        );
        assert_eq!(
            fails(r#"{"interval": {"start_time": 1, "period": 1}}"#).kind,
            FormatErrorKind::MissingField
        );
        assert_eq!(
            fails(r#"{"interval": {"start_time": "soon", "period": 1, "unit": "Days"}}"#).kind,
            FormatErrorKind::InvalidValue
        );
        assert_eq!(
            fails(r#"{"interval": {"start_time": true, "period": 1, "unit": "Days"}}"#).kind,
            FormatErrorKind::WrongType
        );
        assert_eq!(
            fails(r#"{"interval": {"period": 1, "unit": 5}}"#).kind,
            FormatErrorKind::WrongType
        );
        let e = fails(r#"{"interval": {"period": 1, "unit": "Days", "every": 2}}"#);
        assert_eq!(
            (e.kind.clone(), e.path.as_str()),
            (FormatErrorKind::UnknownField, "schedule.interval.every")
        );
        assert!(fails(r#"{"interval": "5m"}"#).message.contains("Watcher"));
    }

    #[test]
    fn zone_ids() {
        for ok in [
            "UTC",
            "Z",
            "Europe/Berlin",
            "America/Los_Angeles",
            "GMT",
            "UT",
            "+01:00",
            "-05",
            "+5",
            "UTC+01:00",
            "GMT-0530",
            "+18:00",
            "+01:30:15",
        ] {
            assert!(is_java_zone_id(ok), "{ok}");
        }
        for bad in [
            "",
            "europe/berlin",
            "Mars/Base",
            "+19",
            "+1:00",
            "UTC+",
            "+01:60",
            "UTC+1:0",
            "+18:01",
        ] {
            assert!(!is_java_zone_id(bad), "{bad}");
        }
    }

    #[test]
    fn job_documents_and_search_hits() {
        let text = r#"{"hits": {"hits": [
            {"_id": "job-1", "_source": {"name": "a", "enabled": true, "schedule": {"interval": {"start_time": 0, "period": 1, "unit": "Hours"}}}},
            {"_id": "job-2", "_source": {"schedule": {"cron": {"expression": "15 3 * * *", "timezone": "UTC"}}}}
        ]}}"#;
        for format in [SourceFormat::Auto, SourceFormat::OpenSearch] {
            let out = extract(text.as_bytes(), format).unwrap();
            assert!(out.errors.is_empty(), "{:?}", out.errors);
            let got: Vec<_> = out
                .schedules
                .iter()
                .map(|s| {
                    (
                        s.id.as_deref(),
                        s.path.as_str(),
                        s.expressions[0].text.as_str(),
                    )
                })
                .collect();
            assert_eq!(
                got,
                [
                    (
                        Some("job-1"),
                        "hits.hits[0]._source.schedule.interval",
                        "0 0 0/1 * * ?"
                    ),
                    (
                        Some("job-2"),
                        "hits.hits[1]._source.schedule.cron",
                        "15 3 * * *"
                    ),
                ]
            );
        }
        let out = extract(
            br#"{"cron": {"expression": "* * * * *", "timezone": "UTC"}}"#,
            SourceFormat::Auto,
        )
        .unwrap();
        assert_eq!(out.schedules[0].path, "cron");
        let out = extract(
            br#"{"schedule": {"cron": "0 * * * * ?"}}"#,
            SourceFormat::OpenSearch,
        )
        .unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::WrongType);
    }
}
