//! `croneval --schedule FILE`: fire times of Watcher or OpenSearch schedules.
//!
//! Every cron of every schedule in the document becomes one source of the
//! merged timeline (Watcher evaluates the crons of a schedule together).
//! A schedule's `timezone` is used unless `--tz` is given; when all schedules
//! agree on one zone, times are shown in it. Intervals are sources of their
//! own: an OpenSearch interval counts from its `start_time`; a Watcher
//! interval counts from the watch's activation, which the document does not
//! say, so it is anchored at `--from` (now by default).

use std::fs;
use std::io;
use std::path::Path;

use anyhow::{anyhow, Result};

use cronkit::formats::{
    self, format_interval, Dialect as FormatDialect, FormatErrorKind, ScheduleKind, SourceFormat,
};
use cronkit::sanitize::{self, quote};
use cronkit::{DialectChoice, Expr, Zone};

use super::croneval::{report, Interval, Source, Timing};

/// The most timeline sources (cron expressions and intervals) one run takes:
/// every fire time is the earliest of all sources' next times, so each
/// source costs time on every line printed; more is an error that says so.
pub const MAX_SOURCES: usize = 10_000;

/// The sources found in a schedule document.
pub struct Loaded {
    pub sources: Vec<Source>,
    /// The zone every schedule names, when they all name the same one (and
    /// `--tz` was not given).
    pub zone: Option<Zone>,
    /// Something could not be read (already reported on stderr).
    pub failed: bool,
}

/// Resolve a schedule's `timezone` as Elasticsearch does: the id as given,
/// then case-insensitively, then upper-cased (`gmt+01:00`).
fn resolve_zone(tz: &str) -> Option<Zone> {
    Zone::parse(tz)
        .ok()
        .or_else(|| Zone::parse(&tz.to_ascii_uppercase()).ok())
}

/// Read the schedules in `path` (`-` = stdin) as timeline sources; intervals
/// without a start are anchored at `from` (Unix seconds).
pub fn load(path: &Path, from: i64, tz_given: bool) -> Result<Loaded> {
    let shown = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        sanitize::path(path)
    };
    // The same size limit as validate and convert: an endless stdin is an
    // error, not all the memory.
    let bytes = if path.as_os_str() == "-" {
        cronkit::check::read_document(io::stdin().lock())
    } else {
        fs::File::open(path).and_then(cronkit::check::read_document)
    }
    .map_err(|e| anyhow!("--schedule {shown}: {e}"))?;
    let found = formats::extract(&bytes, SourceFormat::Auto).map_err(|e| {
        anyhow!(
            "--schedule {shown}:{}:{}: invalid JSON: {}",
            e.line,
            e.column,
            sanitize::message(&e.kind.to_string())
        )
    })?;
    let mut failed = false;
    for e in &found.errors {
        let id =
            e.id.as_ref()
                .map(|i| format!(" (watch `{}`)", quote(i)))
                .unwrap_or_default();
        ewriteln!(
            "error[{}]: {shown}:{}:{}{id}: {}",
            e.kind.code(),
            e.line,
            e.column,
            sanitize::message(&e.to_string())
        );
        failed = true;
    }
    let count: usize = found
        .schedules
        .iter()
        .map(|s| s.expressions.len().max(1))
        .sum();
    if count > MAX_SOURCES {
        return Err(anyhow!(
            "--schedule {shown}: {count} schedules (cron expressions and intervals); croneval merges at most {MAX_SOURCES} into one timeline: split the document"
        ));
    }
    let several = found.schedules.len() > 1;
    let mut sources = Vec::new();
    let mut zones: Vec<Option<String>> = Vec::new();
    for spec in &found.schedules {
        for w in &spec.warnings {
            ewriteln!(
                "warning[{}]: {shown}:{}:{}: {}",
                w.code,
                w.line,
                w.column,
                sanitize::message(&w.to_string())
            );
        }
        let name = quote(spec.id.as_deref().unwrap_or(&spec.path)).to_string();
        let prefix = if several {
            format!("{name}: ")
        } else {
            String::new()
        };
        let zone = match (&spec.timezone, tz_given) {
            (Some(tz), false) => match resolve_zone(tz) {
                Some(z) => Some(z),
                None => {
                    ewriteln!(
                        "error[invalid-timezone]: {shown}: {}: unknown time zone `{}`",
                        quote(&spec.path),
                        quote(tz)
                    );
                    failed = true;
                    continue;
                }
            },
            _ => None,
        };
        zones.push(zone.as_ref().map(|z| z.name().to_string()));
        if let (ScheduleKind::Interval | ScheduleKind::OpenSearchInterval, Some(iv)) =
            (spec.kind, spec.interval)
        {
            let (anchor, first) = match iv.start_time_ms {
                Some(ms) => {
                    if ms.rem_euclid(1000) != 0 {
                        ewriteln!(
                            "note: {prefix}start_time has milliseconds; times are shown to the second"
                        );
                    }
                    let s = ms.div_euclid(1000);
                    (s, Some(s))
                }
                None => {
                    ewriteln!(
                        "note: {prefix}the interval is counted from --from (Watcher counts from when the watch is activated)"
                    );
                    (from, None)
                }
            };
            let label = format!("{prefix}every {}", format_interval(iv.seconds));
            sources.push(Source {
                text: label.clone(),
                label,
                timing: Timing::Interval(Interval {
                    period: iv.seconds as i64,
                    anchor,
                    first,
                }),
                expr: None,
                zone: None,
            });
            continue;
        }
        if let Some(e) = &spec.conversion_error {
            if e.kind == FormatErrorKind::DelayNotCron {
                ewriteln!(
                    "warning: {prefix}{}; the times below are the cron's, without the delay",
                    sanitize::message(&e.to_string())
                );
            }
        }
        let choice = match spec.dialect {
            FormatDialect::Quartz => DialectChoice::Quartz,
            FormatDialect::Unix => DialectChoice::Unix,
        };
        for x in &spec.expressions {
            match Expr::parse(&x.text, choice) {
                Ok(e) => {
                    let mut s = Source::cron(format!("{prefix}{}", x.text), x.text.clone(), e);
                    s.zone = zone.clone();
                    sources.push(s);
                }
                Err(d) => {
                    report(&d, false, false);
                    ewriteln!(
                        "  = in: {shown}:{}:{}, {}",
                        x.line,
                        x.column,
                        quote(&spec.path)
                    );
                    failed = true;
                }
            }
        }
    }
    if sources.is_empty() && !failed {
        ewriteln!("error: --schedule {shown}: no schedule found");
        failed = true;
    }
    // all sources in one named zone: make it the run's zone
    let common = match zones.first() {
        Some(Some(first)) if zones.iter().all(|z| z.as_deref() == Some(first.as_str())) => {
            sources.iter().find_map(|s| s.zone.clone())
        }
        _ => None,
    };
    if common.is_some() {
        for s in &mut sources {
            s.zone = None;
        }
    }
    Ok(Loaded {
        sources,
        zone: common,
        failed,
    })
}
