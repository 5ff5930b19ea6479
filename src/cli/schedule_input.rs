//! The schedules of documents as timeline sources, for `croneval --schedule FILE`
//! and `croneval --input KIND FILE...` (and `croneval -`).
//!
//! Every document is read by the library's one reader layer
//! ([`cronkit::check::read`], through [`super::documents`]), the one `validate`,
//! `explain` and `convert` read with, so a watch, a crontab line or a Nuxeo
//! contribution means the same thing to each command. Each cron expression and
//! each interval becomes one source of the merged timeline (Watcher evaluates
//! the crons of a schedule together).
//!
//! A schedule's zone (a watch's `timezone`, a crontab's `CRON_TZ=`) is used
//! unless `--tz` is given; when all schedules agree on one zone, times are
//! shown in it. An OpenSearch interval counts from its `start_time`; a Watcher
//! interval counts from the watch's activation, which the document does not
//! say, so it is anchored at `--from` (now by default).
//!
//! Labels: with several schedules, each source is labelled with its
//! schedule's name (a watch or job `_id`) or, without one, with where it is
//! (`file:line: `); the sources of a single schedule are shown bare.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use anyhow::{anyhow, Result};

use cronkit::check::{Entry, IntervalEntry, Item, READER_WARNINGS};
use cronkit::expr::interval::IntervalExpr;
use cronkit::formats::detect::InputKind;
use cronkit::formats::format_interval;
use cronkit::lint::{Platform, Severity};
use cronkit::sanitize::{self, quote};
use cronkit::{DialectChoice, Expr, Zone};

use super::croneval::{report, Interval, Source, Timing};
use super::documents::{self, DocRead as Outcome};

/// The most timeline sources (cron expressions and intervals) one run takes:
/// every fire time is the earliest of all sources' next times, so each
/// source costs time on every line printed; more is an error that says so.
pub const MAX_SOURCES: usize = 10_000;

/// The sources found in the documents.
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

/// `croneval --schedule FILE` (`-` = stdin): read the schedules of one
/// document, of whatever kind its name and content say (one expression per
/// line when they say nothing); intervals without a start are anchored at
/// `from` (Unix seconds).
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
    let file = (path.as_os_str() != "-").then_some(path);
    let head = &bytes[..bytes.len().min(cronkit::check::DETECT_BYTES as usize)];
    let kind = documents::detected_kind(file, head);
    let mut set = DocumentSources::new(dialect, tz_given, dst_given, from);
    set.read(&bytes[..], file, kind.or(Some(InputKind::Lines)))
        .map_err(|e| anyhow!("--schedule {e}"))?;
    Ok(set.finish())
}

/// Timeline sources read from documents by the reader layer.
pub struct DocumentSources {
    /// How plain expressions (one per line) are read.
    dialect: DialectChoice,
    tz_given: bool,
    dst_given: bool,
    /// Where a Watcher interval starts counting (Unix seconds).
    from: i64,
    pub sources: Vec<Source>,
    /// Per source: its label prefix (`watch_id: `, `file:line: `, or empty)
    /// and the schedule it belongs to, to drop the prefixes when there is
    /// only one schedule.
    labels: Vec<(String, String)>,
    /// Each source's own zone name (`None`: the run's), to find a common one.
    zones: Vec<Option<String>>,
    pub failed: bool,
}

impl DocumentSources {
    pub fn new(dialect: DialectChoice, tz_given: bool, dst_given: bool, from: i64) -> Self {
        DocumentSources {
            dialect,
            tz_given,
            dst_given,
            from,
            sources: Vec::new(),
            labels: Vec::new(),
            zones: Vec::new(),
            failed: false,
        }
    }

    /// Add one expression given as an argument.
    pub fn expression(&mut self, text: &str) {
        if let Some(read) = self
            .dialect
            .fixed()
            .and_then(|d| IntervalExpr::parse(text, d))
        {
            match read {
                Ok(iv) => {
                    let key = format!("argument {}", self.sources.len());
                    self.platform_interval(text, &iv, "", key, None);
                }
                Err(d) => {
                    report(&d, false, false);
                    self.failed = true;
                }
            }
            return;
        }
        match Expr::parse(text, self.dialect) {
            Ok(e) => {
                let key = format!("argument {}", self.sources.len());
                self.push(
                    Source::cron(text.to_string(), text.to_string(), e),
                    "",
                    key,
                    None,
                );
            }
            Err(d) => {
                report(&d, false, false);
                self.failed = true;
            }
        }
    }

    fn push(&mut self, s: Source, prefix: &str, schedule: String, zone: Option<String>) {
        self.sources.push(s);
        self.labels.push((prefix.to_string(), schedule));
        self.zones.push(zone);
    }

    /// Add every schedule of a document (`path`: `None` for stdin). An error
    /// is a document that cannot be read at all (exit 2): unreadable, not
    /// JSON where JSON was expected, too many schedules.
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
                Item::Interval(i) => self.interval(&shown, &i),
                // broken JSON: nothing in the document can be trusted
                Item::Problem(p) if p.code.starts_with("json-") => {
                    return Err(anyhow!(
                        "{shown}:{}:{}: {}",
                        p.line,
                        p.column,
                        sanitize::message(&p.message)
                    ));
                }
                Item::Problem(p) if p.severity == Severity::Error => {
                    ewrite!("{}", documents::problem_message(&shown, &p));
                    self.failed = true;
                }
                // what the Watcher and OpenSearch readers warn about bears on
                // the fire times (a zone assumed, a number cut); the rest is
                // validate's business
                Item::Problem(p) if READER_WARNINGS.contains(&p.code) => {
                    ewrite!("{}", documents::problem_message(&shown, &p));
                }
                Item::Problem(_) | Item::Unevaluated(_) => {}
            }
            if self.sources.len() > MAX_SOURCES {
                return Err(anyhow!(
                    "{shown}: {} schedules (cron expressions and intervals); croneval merges at most {MAX_SOURCES} into one timeline: split the document",
                    self.sources.len()
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

    /// The label prefix and the schedule of an item of `shown`: a named
    /// schedule (a watch's `_id`) by its name, anything else by its place.
    fn label(shown: &str, name: Option<&str>, place: String, line: u32) -> (String, String) {
        match name {
            Some(n) => (format!("{n}: "), format!("{shown}#{n}")),
            None => (place, format!("{shown}:{line}")),
        }
    }

    fn entry(&mut self, shown: &str, e: &Entry) {
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
        // the profile's interval schedule (`@every 5m` in a CronJob, `rate(...)`)
        if let Some(read) = dialect
            .fixed()
            .and_then(|d| IntervalExpr::parse(&e.text, d))
        {
            match read {
                Ok(iv) => {
                    let (prefix, schedule) = Self::label(
                        shown,
                        e.name.as_deref(),
                        documents::echo_prefix(shown, e),
                        e.line,
                    );
                    self.platform_interval(written, &iv, &prefix, schedule, None);
                }
                Err(d) => {
                    report(&d, false, false);
                    ewriteln!("  = in: {}", documents::location(shown, e));
                    self.failed = true;
                }
            }
            return;
        }
        let expr = match Expr::parse(&e.text, dialect) {
            Ok(x) => x,
            Err(d) => {
                report(&d, false, false);
                ewriteln!("  = in: {}", documents::location(shown, e));
                self.failed = true;
                return;
            }
        };
        let (prefix, schedule) = Self::label(
            shown,
            e.name.as_deref(),
            documents::echo_prefix(shown, e),
            e.line,
        );
        let mut s = Source::cron(written.to_string(), written.to_string(), expr);
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
        if let Some(note) = &e.offset_note {
            ewriteln!(
                "warning: {}: {}; the times below are the cron's, without the delay",
                documents::location(shown, e),
                sanitize::message(note)
            );
        }
        let Ok(zone) = self.zone(shown, e.zone.as_deref(), e.platform, e.line, e.column) else {
            return;
        };
        let zone_name = zone.as_ref().map(|z| z.name().to_string());
        s.zone = zone;
        self.push(s, &prefix, schedule, zone_name);
    }

    /// A schedule's zone, resolved as its platform does; `None` when `--tz`
    /// is given or the schedule names none. An unknown zone is reported
    /// (Watcher and OpenSearch zones by the reader itself) and the schedule
    /// left out.
    fn zone(
        &mut self,
        shown: &str,
        zone: Option<&str>,
        platform: Platform,
        line: u32,
        column: u32,
    ) -> std::result::Result<Option<Zone>, ()> {
        let (Some(z), false) = (zone, self.tz_given) else {
            return Ok(None);
        };
        match resolve_zone(z) {
            Some(zone) => Ok(Some(zone)),
            None => {
                if !matches!(platform, Platform::Watcher | Platform::OpenSearch) {
                    ewriteln!(
                        "error[invalid-timezone]: {shown}:{line}:{column}: unknown time zone `{}`",
                        quote(z)
                    );
                }
                self.failed = true;
                Err(())
            }
        }
    }

    /// A platform's interval schedule (`@every 5m`, `rate(5 minutes)`): counted
    /// from `--from`, since the platform counts from when it is created.
    fn platform_interval(
        &mut self,
        text: &str,
        iv: &IntervalExpr,
        prefix: &str,
        schedule: String,
        zone: Option<String>,
    ) {
        ewriteln!(
            "note: {prefix}`{}` fires every {} counted from when the schedule starts ({}); the times below count from --from",
            quote(&iv.text),
            cronkit::expr::interval::period_words(iv.seconds),
            iv.syntax.anchor()
        );
        self.push(
            Source::interval(text.to_string(), iv, self.from),
            prefix,
            schedule,
            zone,
        );
    }

    /// A fixed period: counted from its start (OpenSearch `start_time`), else
    /// from `--from` (a Watcher interval starts when the watch is activated).
    fn interval(&mut self, shown: &str, i: &IntervalEntry) {
        let place = format!("{shown}:{}: ", i.line);
        let named = i.name.as_deref().map(|n| format!("`{}`: ", quote(n)));
        let said = named.as_deref().unwrap_or(&place);
        let (anchor, first) = match i.start_ms {
            Some(ms) => {
                if ms.rem_euclid(1000) != 0 {
                    ewriteln!(
                        "note: {said}start_time has milliseconds; times are shown to the second"
                    );
                }
                let s = ms.div_euclid(1000);
                (s, Some(s))
            }
            None => {
                ewriteln!(
                    "note: {said}the interval is counted from --from (Watcher counts from when the watch is activated)"
                );
                (self.from, None)
            }
        };
        let Ok(zone) = self.zone(shown, i.zone.as_deref(), i.platform, i.line, i.column) else {
            return;
        };
        let text = format!("every {}", format_interval(i.seconds));
        let (prefix, schedule) = Self::label(shown, i.name.as_deref(), place.clone(), i.line);
        let s = Source {
            label: text.clone(),
            text,
            timing: Timing::Interval(Interval {
                period: i.seconds as i64,
                anchor,
                first,
            }),
            expr: None,
            zone: None,
            dst: None,
        };
        self.push(s, &prefix, schedule, zone.map(|z| z.name().to_string()));
    }

    /// The sources, and the zone they all share (shown as the run's zone).
    pub fn finish(mut self) -> Loaded {
        if self.sources.is_empty() && !self.failed {
            ewriteln!("error: no schedule found");
            self.failed = true;
        }
        // one schedule: its sources need no label
        let several = self
            .labels
            .first()
            .is_some_and(|(_, first)| self.labels.iter().any(|(_, s)| s != first));
        if several {
            for (s, (prefix, _)) in self.sources.iter_mut().zip(&self.labels) {
                if !prefix.is_empty() {
                    s.label = sanitize::quoted(&format!("{prefix}{}", s.text)).into_owned();
                }
            }
        }
        let common = match self.zones.first() {
            Some(Some(first))
                if self
                    .zones
                    .iter()
                    .all(|z| z.as_deref() == Some(first.as_str())) =>
            {
                resolve_zone(first)
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
