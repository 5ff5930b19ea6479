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
use std::io::{self, Read};
use std::path::Path;

use anyhow::{anyhow, Result};

use cronkit::check::Item;
use cronkit::formats::detect::InputKind;
use cronkit::formats::{
    self, format_interval, Dialect as FormatDialect, FormatErrorKind, ScheduleKind, SourceFormat,
};
use cronkit::lint::{Platform, Severity};
use cronkit::sanitize::{self, quote};
use cronkit::{DialectChoice, Expr, Zone};

use super::croneval::{report, Interval, Source, Timing};
use super::documents::{self, DocRead as Outcome};

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
pub fn load(
    path: &Path,
    from: i64,
    tz_given: bool,
    dst_given: bool,
    dialect: DialectChoice,
) -> Result<Loaded> {
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
    // Not JSON (Nuxeo XML, a crontab, a CI file): the entry readers.
    let file = (path.as_os_str() != "-").then_some(path);
    let head = &bytes[..bytes.len().min(cronkit::check::DETECT_BYTES as usize)];
    let kind = documents::detected_kind(file, head);
    if !matches!(kind, Some(InputKind::Watcher | InputKind::OpenSearch)) {
        let mut set = DocumentSources::new(dialect, tz_given, dst_given);
        set.read(&bytes[..], file, kind.or(Some(InputKind::Lines)))?;
        return Ok(set.finish());
    }
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
            let text = format!("every {}", format_interval(iv.seconds));
            sources.push(Source {
                label: format!("{prefix}{text}"),
                text,
                timing: Timing::Interval(Interval {
                    period: iv.seconds as i64,
                    anchor,
                    first,
                }),
                expr: None,
                zone: None,
                dst: None,
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

/// Timeline sources read from documents by the reader layer.
pub struct DocumentSources {
    /// How plain expressions (one per line) are read.
    dialect: DialectChoice,
    tz_given: bool,
    dst_given: bool,
    pub sources: Vec<Source>,
    /// Each source's own zone name (`None`: the run's), to find a common one.
    zones: Vec<Option<String>>,
    pub failed: bool,
}

impl DocumentSources {
    pub fn new(dialect: DialectChoice, tz_given: bool, dst_given: bool) -> Self {
        DocumentSources {
            dialect,
            tz_given,
            dst_given,
            sources: Vec::new(),
            zones: Vec::new(),
            failed: false,
        }
    }

    /// Add one expression given as an argument.
    pub fn expression(&mut self, text: &str) {
        match Expr::parse(text, self.dialect) {
            Ok(e) => {
                self.sources
                    .push(Source::cron(text.to_string(), text.to_string(), e));
                self.zones.push(None);
            }
            Err(d) => {
                report(&d, false, false);
                self.failed = true;
            }
        }
    }

    /// Add every schedule of a document (`path`: `None` for stdin).
    pub fn read(
        &mut self,
        raw: impl Read,
        path: Option<&Path>,
        kind: Option<InputKind>,
    ) -> Result<()> {
        let shown = path.map_or_else(|| "<stdin>".to_string(), sanitize::path);
        let read = documents::read_document(raw, path, kind, |item| {
            match item {
                Item::Entry(e) => self.entry(&shown, &e),
                Item::Problem(p) if p.severity == Severity::Error => {
                    ewrite!("{}", documents::problem_message(&shown, &p));
                    self.failed = true;
                }
                Item::Problem(_) | Item::Unevaluated(_) => {}
            }
            if self.sources.len() > MAX_SOURCES {
                return Err(anyhow!(
                    "{shown}: more than {MAX_SOURCES} schedules; croneval merges at most {MAX_SOURCES} into one timeline: split the document"
                ));
            }
            Ok(())
        });
        match read {
            Outcome::Done => Ok(()),
            Outcome::Skipped(why) | Outcome::Unreadable(why) => {
                Err(anyhow!("{}", why.trim_end().trim_start_matches("error: ")))
            }
            Outcome::Visit(e) => Err(e),
        }
    }

    fn entry(&mut self, shown: &str, e: &cronkit::check::Entry) {
        let written = e.written();
        if e.shown.is_some() && e.platform == Platform::Jenkins {
            ewriteln!(
                "note: {}: `{}` is left out: Jenkins picks `H` from the job's name; try croneval --dialect jenkins --hash-key JOB",
                documents::location(shown, e),
                quote(written)
            );
            return;
        }
        let dialect = documents::entry_dialect(e, self.dialect);
        let expr = match Expr::parse(&e.text, dialect) {
            Ok(x) => x,
            Err(d) => {
                report(&d, false, false);
                ewriteln!("  = in: {}", documents::location(shown, e));
                self.failed = true;
                return;
            }
        };
        let label = format!("{}{written}", documents::echo_prefix(shown, e));
        let mut s = Source::cron(label, written.to_string(), expr);
        if s.schedule().is_some_and(cronkit::Schedule::is_reboot) {
            ewriteln!(
                "note: {}: `{}` runs once when cron starts, not by the clock; left out",
                documents::location(shown, e),
                quote(written)
            );
            return;
        }
        if !self.dst_given {
            s.dst = s.schedule().map(|x| documents::entry_dst(e, x.dialect()));
        }
        let mut zone_name = None;
        if let (Some(z), false) = (&e.zone, self.tz_given) {
            match resolve_zone(z) {
                Some(zone) => {
                    zone_name = Some(zone.name().to_string());
                    s.zone = Some(zone);
                }
                None => {
                    ewriteln!(
                        "error[invalid-timezone]: {}: unknown time zone `{}`",
                        documents::location(shown, e),
                        quote(z)
                    );
                    self.failed = true;
                    return;
                }
            }
        }
        self.sources.push(s);
        self.zones.push(zone_name);
    }

    /// The sources, and the zone they all share (shown as the run's zone).
    pub fn finish(mut self) -> Loaded {
        if self.sources.is_empty() && !self.failed {
            ewriteln!("error: no schedule found");
            self.failed = true;
        }
        let common = match self.zones.first() {
            Some(Some(first))
                if self
                    .zones
                    .iter()
                    .all(|z| z.as_deref() == Some(first.as_str())) =>
            {
                self.sources.iter().find_map(|s| s.zone.clone())
            }
            _ => None,
        };
        if common.is_some() {
            for s in &mut self.sources {
                s.zone = None;
            }
        }
        Loaded {
            sources: self.sources,
            zone: common,
            failed: self.failed,
        }
    }
}
