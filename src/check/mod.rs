//! Document-level checking: what `cronkit validate` does between reading its
//! inputs and rendering its findings.
//!
//! A [`Checker`] takes expressions (given directly) and files (read with the
//! reader their kind calls for: one expression per line, crontabs, Watcher /
//! OpenSearch JSON, Nuxeo XML), parses each expression with the dialect the
//! input implies, runs the [`crate::lint`] rules, and hands every finding,
//! positioned at `file:line:column`, to a [`Sink`]. Rendering (text, JSON,
//! GitHub annotations, SARIF) is the sink's business, not this module's.
//!
//! Lines and crontab files stream: one line is read, checked and forgotten,
//! so memory stays flat however long the file is.
//!
//! ```
//! use cronkit::check::{CheckOptions, Checker, Record, Sink};
//! use cronkit::lint::LintOptions;
//!
//! #[derive(Default)]
//! struct Codes(Vec<String>);
//! impl Sink for Codes {
//!     fn finding(&mut self, r: &Record<'_>) -> std::io::Result<()> {
//!         self.0.push(format!("{}:{}:{} {}", r.path, r.line, r.column, r.code));
//!         Ok(())
//!     }
//! }
//!
//! let opts = CheckOptions::new(LintOptions::new(1_780_272_000));
//! let mut checker = Checker::new(opts, Codes::default());
//! checker.check_expression("<argument 1>", "0 0 0 30 2 ?")?;
//! assert_eq!(checker.sink().0, ["<argument 1>:1:7 never-fires"]);
//! assert_eq!(checker.counts().errors, 1);
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod herd;
mod jenkins;
mod json;
mod problems;
pub mod read;
pub mod sarif;
pub mod walk;

use std::collections::HashMap;
use std::io::{self, Read};
use std::path::Path;

use crate::expr::interval::IntervalExpr;
use crate::formats::detect::{may_hold_schedules, InputKind, SkipReason};
use crate::lint::{self, Finding, LintOptions, Platform, Severity};
use crate::{DialectChoice, DstPolicy, Expr, Schedule, Span, Zone};
use herd::{HerdCollector, HerdPlace};

pub use jenkins::Remap;
pub use problems::{INPUT_ERRORS, READER_WARNINGS};

pub use read::DETECT_BYTES;
use read::{Outcome, ReadError};

/// JSON and XML documents are parsed whole, so they are read up to this size
/// (line-based inputs stream and have no limit): an endless stdin must not
/// take all the memory.
pub const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

/// Read a whole document, failing (instead of growing without bound) past
/// [`MAX_DOCUMENT_BYTES`].
pub fn read_document(r: impl Read) -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    r.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut v)?;
    if v.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "larger than {} MiB; JSON and XML documents are read whole, so split the input",
                MAX_DOCUMENT_BYTES >> 20
            ),
        ));
    }
    Ok(v)
}

/// An input that could not be read at all (`validate` exits 2, after
/// checking everything else).
#[derive(Debug, thiserror::Error)]
#[error("cannot read `{path}`{at}: {source}", at = at_line(*.line))]
pub struct Unreadable {
    /// The input as shown (`path/to/file` or `<stdin>`).
    pub path: String,
    /// The line being read when it failed, if known.
    pub line: Option<u32>,
    /// Why.
    pub source: io::Error,
}

fn at_line(line: Option<u32>) -> String {
    line.map(|l| format!(" (at line {l})")).unwrap_or_default()
}

/// YAML, JSON templates and Jenkinsfiles are parsed whole into a tree, so
/// they are read up to this size (CI files are far smaller).
pub const MAX_CI_FILE_BYTES: u64 = 32 << 20;

/// Where findings go. Only [`Sink::finding`] is required.
pub trait Sink {
    /// One finding, positioned.
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()>;

    /// A file that was not read, and why (named files always; walked files
    /// with [`CheckOptions::verbose`]).
    fn note(&mut self, _path: &str, _message: &str) -> io::Result<()> {
        Ok(())
    }

    /// An input could not be read; checking goes on with the others. The
    /// default does nothing (the caller sees [`Checker::unreadable`]).
    fn unreadable(&mut self, _e: &Unreadable) -> io::Result<()> {
        Ok(())
    }
}

/// One finding, positioned, as a [`Sink`] sees it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Record<'a> {
    /// `path/to/file`, `<stdin>` or `<argument 2>`.
    pub path: &'a str,
    /// A real file (GitHub annotations and SARIF can point at it).
    #[serde(skip)]
    pub is_file: bool,
    /// 1-based line of the offending text.
    pub line: u32,
    /// 1-based column (in characters) of the offending text.
    pub column: u32,
    /// Column of the last character of the offending text (inclusive).
    pub end_column: u32,
    /// After `--deny warnings`.
    #[serde(serialize_with = "severity_str")]
    pub severity: Severity,
    /// The rule, parse error or input problem code.
    pub code: &'a str,
    /// One line saying what is wrong. Serialised through
    /// [`sanitize::message`](crate::sanitize::message): a message is prose with
    /// input quoted in it, so a long quote is cut (its length stated) in JSON
    /// as in text; the data fields (`expression`, `context`) stay whole.
    #[serde(serialize_with = "message_str")]
    pub message: &'a str,
    /// What to do about it (cut like [`Record::message`]).
    #[serde(serialize_with = "help_str")]
    pub help: Option<&'a str>,
    /// The expression the finding is about (empty for input problems).
    pub expression: &'a str,
    /// Byte spans inside [`Record::expression`], the primary one first.
    #[serde(skip)]
    pub spans: &'a [Span],
    /// A schedule id, or a crontab command.
    pub context: Option<&'a str>,
    /// Shown under the finding (a crontab command).
    #[serde(skip)]
    pub note: Option<&'a str>,
}

fn message_str<S: serde::Serializer>(m: &str, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(&crate::sanitize::message(m))
}

fn help_str<S: serde::Serializer>(h: &Option<&str>, ser: S) -> Result<S::Ok, S::Error> {
    match h {
        Some(h) => ser.serialize_some(&*crate::sanitize::message(h)),
        None => ser.serialize_none(),
    }
}

fn severity_str<S: serde::Serializer>(s: &Severity, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s.as_str())
}

/// What was checked and found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Expressions checked.
    pub expressions: u64,
    /// Files read.
    pub files: u64,
    /// Expressions given as arguments.
    pub arguments: u64,
    /// Findings of severity error (after `--deny warnings`).
    pub errors: u64,
    /// Findings of severity warning.
    pub warnings: u64,
    /// Findings of severity note.
    pub notes: u64,
    /// Files not read (binary, unknown kind, no schedule).
    pub skipped: u64,
}

impl Counts {
    /// Add another checker's counts (a parallel walk has one per thread).
    pub fn add(&mut self, o: &Counts) {
        self.expressions += o.expressions;
        self.files += o.files;
        self.arguments += o.arguments;
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.notes += o.notes;
        self.skipped += o.skipped;
    }
}

/// How to check: the dialect of plain expressions, the lint options and
/// which findings count as what.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Dialect of expressions whose input does not imply one.
    pub choice: DialectChoice,
    /// DST policy named by the DST rules (for zones the inputs bring); `None`:
    /// each expression's platform profile decides.
    pub dst: Option<DstPolicy>,
    /// The lint rules' options (now, `--tz`, allowed rules).
    pub lint: LintOptions,
    /// Reader warnings ([`READER_WARNINGS`]) not to report.
    pub allowed_reader: Vec<&'static str>,
    /// Report warnings as errors.
    pub deny_warnings: bool,
    /// Say which walked files were skipped, and why.
    pub verbose: bool,
    /// The `herd` rule: more than this many schedules of the run firing in one
    /// minute is a herd ([`crate::lint::herd::DEFAULT_THRESHOLD`] by default).
    pub herd_threshold: u32,
}

impl CheckOptions {
    /// Auto dialect, `shift` DST policy, nothing allowed, warnings stay warnings.
    pub fn new(lint: LintOptions) -> CheckOptions {
        CheckOptions {
            choice: DialectChoice::Auto,
            dst: None,
            lint,
            allowed_reader: Vec::new(),
            deny_warnings: false,
            verbose: false,
            herd_threshold: lint::herd::DEFAULT_THRESHOLD,
        }
    }
}

/// An expression found in an input, ready to check.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The expression.
    pub text: String,
    /// 1-based line of the text's first character.
    pub line: u32,
    /// 1-based column (in characters) of the text's first character.
    pub column: u32,
    /// The text appears verbatim in the input from `line:column` on, so a span
    /// inside it maps to an exact file position; when false (XML references),
    /// findings point at the expression's start.
    pub exact: bool,
    /// The dialect the input implies; `None` = [`CheckOptions::choice`].
    pub dialect: Option<DialectChoice>,
    /// A time zone the input gives the expression (OpenSearch `timezone`): the
    /// DST rules use it instead of `--tz`.
    pub zone: Option<String>,
    /// Where it comes from: a schedule id (shown in the message) or a crontab
    /// command (shown as a note).
    pub context: Option<String>,
    /// Whether [`Entry::context`] goes into the message (else: a note).
    pub context_in_message: bool,
    /// Who runs it: picks the platform rules (and, with no
    /// [`Entry::dialect`], the dialect).
    pub platform: Platform,
    /// The expression as written, when [`Entry::text`] (what is checked)
    /// differs from it (a Jenkins line with `H`, resolved); shown in findings.
    pub shown: Option<String>,
    /// Where the pieces of [`Entry::text`] are in [`Entry::shown`], when it is
    /// set (empty: spans need no mapping).
    pub remap: Vec<Remap>,
    /// The schedule's own name, when its source gives one (a watch's or an
    /// OpenSearch job's `_id`), as written: what `croneval` labels its fire
    /// times with. Escape it before showing it.
    pub name: Option<String>,
    /// Why the expression's fire times are not exactly the scheduler's, when
    /// they are not (an OpenSearch `schedule_delay` moves every one of them):
    /// `croneval` says so beside the times it lists.
    pub offset_note: Option<String>,
}

impl Entry {
    /// The DST behaviour of the scheduler that runs this entry when it is not
    /// its profile's own: Nuxeo runs Quartz 2.3.2 (`quartz`), where a Quartz
    /// expression given on the command line gets Elasticsearch's `shift`.
    /// `None`: the profile's default (`cron` for crontabs, `shift` for
    /// Watcher, ...).
    pub fn default_dst(&self) -> Option<DstPolicy> {
        self.platform.default_dst()
    }

    /// The expression as its source wrote it (what to show and echo).
    pub fn written(&self) -> &str {
        self.shown.as_deref().unwrap_or(&self.text)
    }

    /// An expression at `line:column`, verbatim, nothing else known.
    pub fn new(text: impl Into<String>, line: u32, column: u32) -> Entry {
        Entry {
            text: text.into(),
            line,
            column,
            exact: true,
            dialect: None,
            zone: None,
            context: None,
            context_in_message: false,
            platform: Platform::Generic,
            shown: None,
            remap: Vec::new(),
            name: None,
            offset_note: None,
        }
    }
}

/// A schedule that fires at a fixed period rather than by a cron expression:
/// a Watcher `interval` or an OpenSearch `interval`. `croneval` puts it on its
/// timeline as it is; `validate` does not lint it (the cron form Elasticsearch
/// gives some intervals is an artefact of the translation, not something the
/// user wrote).
#[derive(Debug, Clone)]
pub struct IntervalEntry {
    /// The period, in seconds (at least 1).
    pub seconds: u64,
    /// When the count starts (Unix milliseconds), when the document says
    /// (OpenSearch `start_time`, plus its `schedule_delay`); `None` for a
    /// Watcher interval, which counts from the watch's activation.
    pub start_ms: Option<i64>,
    /// 1-based line of the interval in the document.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
    /// The schedule's own name (a watch or job `_id`), as written.
    pub name: Option<String>,
    /// The zone the schedule names (an interval does not depend on it, but a
    /// timeline of several schedules shows times in their common zone).
    pub zone: Option<String>,
    /// Who runs it (Watcher or OpenSearch).
    pub platform: Platform,
}

/// A problem with the input itself, at a position.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code ([`INPUT_ERRORS`], [`READER_WARNINGS`], a JSON error code...).
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

/// What a reader produces.
#[derive(Debug, Clone)]
pub enum Item {
    /// An expression to check.
    Entry(Entry),
    /// A problem to report.
    Problem(Problem),
    /// A schedule that is not a cron expression cronkit evaluates (an
    /// EventBridge `rate(...)`, a Jenkins hashed range `H(a-b)`), with its
    /// problem if it has one: `validate` counts it as checked.
    Unevaluated(Option<Problem>),
    /// A schedule with a fixed period (a Watcher or OpenSearch `interval`):
    /// `croneval` evaluates it; `validate` has nothing to lint in it.
    Interval(IntervalEntry),
}

/// An input, for messages and output.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// `path/to/file`, `<stdin>` or `<argument 2>`.
    pub name: &'a str,
    /// A real file (GitHub annotations can point at it).
    pub is_file: bool,
}

/// Checks expressions and files, sending findings to a [`Sink`].
pub struct Checker<S> {
    opts: CheckOptions,
    /// Options for expressions that bring their own zone, by zone name.
    zone_opts: HashMap<String, Option<LintOptions>>,
    /// Reused for each expression's findings.
    findings: Vec<Finding>,
    counts: Counts,
    unreadable: bool,
    /// Every schedule read, for the `herd` rule (`None` when it is allowed).
    herds: Option<HerdCollector>,
    sink: S,
}

/// Why checking stopped or a file was not checked.
enum FileError {
    /// The input cannot be read (exit 2).
    Input(Unreadable),
    /// Writing the output failed.
    Output(io::Error),
}

impl From<io::Error> for FileError {
    fn from(e: io::Error) -> Self {
        FileError::Output(e)
    }
}

impl<S: Sink> Checker<S> {
    /// A checker with these options, reporting to `sink`.
    pub fn new(opts: CheckOptions, sink: S) -> Checker<S> {
        Checker {
            herds: (!opts.lint.is_allowed("herd")).then(HerdCollector::new),
            opts,
            zone_opts: HashMap::new(),
            findings: Vec::new(),
            counts: Counts::default(),
            unreadable: false,
            sink,
        }
    }

    /// What has been checked and found so far.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// Whether some input could not be read.
    pub fn unreadable(&self) -> bool {
        self.unreadable
    }

    /// The sink.
    pub fn sink(&self) -> &S {
        &self.sink
    }

    /// The sink, mutably (to flush it).
    pub fn sink_mut(&mut self) -> &mut S {
        &mut self.sink
    }

    /// The sink, giving up the checker.
    pub fn into_sink(self) -> S {
        self.sink
    }

    /// Check one expression given directly (a command-line argument); `name`
    /// is how it is shown, e.g. `<argument 1>`. Errors are output errors.
    pub fn check_expression(&mut self, name: &str, text: &str) -> io::Result<()> {
        let src = Source {
            name,
            is_file: false,
        };
        self.counts.arguments += 1;
        self.check_entry(&src, &Entry::new(text, 1, 1))
    }

    /// Check a file (`-` = stdin) read as `kind` (`None`: detected from the
    /// path and content). A file that cannot be read is reported to the sink
    /// and remembered ([`Checker::unreadable`]); the error returned is an
    /// output error.
    pub fn check_path(&mut self, path: &Path, kind: Option<InputKind>) -> io::Result<()> {
        self.check_path_as(path, kind, true)
    }

    /// Check a file found by walking a directory: read only when its path or
    /// content says what it is ([`classify`](crate::formats::detect::classify)); skipped files are noted only
    /// with [`CheckOptions::verbose`].
    pub fn check_walked(&mut self, path: &Path) -> io::Result<()> {
        // Decided by the path before opening: most of a repository (sources,
        // docs, images) is never opened, which keeps a walk near the cost of
        // listing the files.
        if !may_hold_schedules(path) {
            self.counts.skipped += 1;
            if self.opts.verbose {
                let why = SkipReason::Unknown.as_str();
                self.sink
                    .note(&crate::sanitize::path(path), &format!("skipped: {why}"))?;
            }
            return Ok(());
        }
        self.check_path_as(path, None, false)
    }

    /// Report a path that could not be read (a walk's error: a directory
    /// without permission, a symlink loop).
    pub fn unreadable_path(&mut self, path: &str, source: io::Error) -> io::Result<()> {
        self.unreadable = true;
        self.sink.unreadable(&Unreadable {
            path: path.to_string(),
            line: None,
            source,
        })
    }

    fn check_path_as(
        &mut self,
        path: &Path,
        kind: Option<InputKind>,
        named: bool,
    ) -> io::Result<()> {
        match self.check_file(path, kind, named) {
            Ok(read) => {
                self.counts.files += u64::from(read);
                Ok(())
            }
            Err(FileError::Output(e)) => Err(e),
            Err(FileError::Input(e)) => {
                self.unreadable = true;
                self.sink.unreadable(&e)
            }
        }
    }

    fn check_file(
        &mut self,
        path: &Path,
        forced: Option<InputKind>,
        named: bool,
    ) -> Result<bool, FileError> {
        let shown = read::shown_name(path);
        let src = Source {
            name: &shown,
            is_file: path.as_os_str() != "-",
        };
        let outcome = read::read_path(path, forced, named, |item| self.item(&src, item));
        match outcome {
            Ok(Outcome::Read(_)) => Ok(true),
            Ok(Outcome::Skipped(why)) => {
                self.counts.skipped += 1;
                if named || self.opts.verbose {
                    let hint = if named {
                        "; pass --input KIND to read it anyway"
                    } else {
                        ""
                    };
                    self.sink
                        .note(&shown, &format!("skipped: {}{hint}", why.as_str()))?;
                }
                Ok(false)
            }
            Err(ReadError::Input(e)) => Err(FileError::Input(e)),
            Err(ReadError::Visit(e)) => Err(FileError::Output(e)),
        }
    }

    /// Check or report one reader result.
    pub fn item(&mut self, src: &Source<'_>, item: Item) -> io::Result<()> {
        match item {
            Item::Entry(e) => self.check_entry(src, &e),
            Item::Problem(p) => self.problem(src, p),
            Item::Unevaluated(p) => {
                self.counts.expressions += 1;
                p.map_or(Ok(()), |p| self.problem(src, p))
            }
            Item::Interval(_) => Ok(()),
        }
    }

    fn problem(&mut self, src: &Source<'_>, p: Problem) -> io::Result<()> {
        if p.severity == Severity::Warning && self.opts.allowed_reader.contains(&p.code) {
            return Ok(());
        }
        // document-level rules of the table (crontab-unescaped-percent, ...)
        if self.opts.lint.is_allowed(p.code) {
            return Ok(());
        }
        let severity = self.count(p.severity);
        self.sink.finding(&Record {
            path: src.name,
            is_file: src.is_file,
            line: p.line,
            column: p.column,
            end_column: p.column,
            severity,
            code: p.code,
            message: &p.message,
            help: p.help.as_deref(),
            expression: "",
            spans: &[],
            context: None,
            note: None,
        })
    }

    /// Count a finding; returns its severity after `--deny warnings`.
    fn count(&mut self, severity: Severity) -> Severity {
        let severity = if self.opts.deny_warnings && severity == Severity::Warning {
            Severity::Error
        } else {
            severity
        };
        match severity {
            Severity::Error => self.counts.errors += 1,
            Severity::Warning => self.counts.warnings += 1,
            Severity::Note => self.counts.notes += 1,
        }
        severity
    }

    /// Parse, compile and lint one expression; report what is found.
    pub fn check_entry(&mut self, src: &Source<'_>, e: &Entry) -> io::Result<()> {
        self.counts.expressions += 1;
        let choice = e
            .dialect
            .or(e.platform.dialect())
            .unwrap_or(self.opts.choice);
        let mut findings = std::mem::take(&mut self.findings);
        findings.clear();
        // the profile's interval schedule (`@every 5m`, `rate(5 minutes)`): read,
        // not linted (it has no clock times to lint)
        if let Some(read) = choice.fixed().and_then(|d| IntervalExpr::parse(&e.text, d)) {
            if let Err(d) = read {
                findings.push(Finding::from_diagnostic(&d));
            }
            let result = findings.iter().try_for_each(|f| self.report(src, e, f));
            self.findings = findings;
            return result;
        }
        match Expr::parse(&e.text, choice) {
            Ok(expr) => {
                let schedule = Schedule::from_expr(&expr);
                if let Some(z) = &e.zone {
                    self.prepare_zone(z);
                }
                let opts = e
                    .zone
                    .as_ref()
                    .and_then(|z| self.zone_opts.get(z.as_str()))
                    .and_then(Option::as_ref)
                    .unwrap_or(&self.opts.lint);
                findings.extend(lint::lint_on(&e.text, &expr, &schedule, opts, e.platform));
                self.collect_herd(src, e, &schedule);
            }
            Err(d) => {
                let mut f = Finding::from_diagnostic(&d);
                let text = f.span.slice(&e.text);
                if let Some(code) = e.platform.platform_code(f.code, text, &f.message) {
                    f.code = code;
                    if f.help.is_none() {
                        f.help = lint::rule(code).map(|r| r.summary.to_string());
                    }
                }
                findings.push(f);
            }
        }
        let result = findings.iter().try_for_each(|f| self.report(src, e, f));
        self.findings = findings;
        result
    }

    /// Keep the schedule for the `herd` rule.
    fn collect_herd(&mut self, src: &Source<'_>, e: &Entry, schedule: &Schedule) {
        let Some(herds) = self.herds.as_mut() else {
            return;
        };
        // Jenkins `H` is checked as 1, but Jenkins runs it at a minute of its own
        // per job: it is already spread, and not at the time checked.
        if e.shown.is_some() {
            return;
        }
        if herds.is_full() {
            // past the cap the run only counts what it leaves out
            herds.skip();
            return;
        }
        let shown = e.text.as_str();
        let fallback = self.opts.lint.zone();
        let zone = || {
            e.zone
                .as_deref()
                .and_then(|z| Zone::parse(z).ok())
                .or_else(|| fallback.cloned())
                .unwrap_or_else(Zone::utc)
        };
        let dst = self
            .opts
            .dst
            .unwrap_or(schedule.dialect().profile().default_dst);
        herds.add(&e.text, schedule, e.zone.as_deref(), zone, dst, || {
            let (line, column) = position(e, 0);
            let end_column = match position(e, shown.trim_end().len()) {
                (l, c) if l == line && c > column => c - 1,
                _ => column,
            };
            HerdPlace {
                path: src.name,
                is_file: src.is_file,
                line,
                column,
                end_column,
                shown,
            }
        });
    }

    /// The schedules collected for the `herd` rule so far (a walk thread hands
    /// them over), leaving an empty collector.
    pub fn take_herds(&mut self) -> Option<HerdCollector> {
        self.herds.as_mut().map(std::mem::take)
    }

    /// Add schedules collected elsewhere (by a walk's threads).
    pub fn merge_herds(&mut self, other: HerdCollector) {
        if let Some(h) = self.herds.as_mut() {
            h.merge(other);
        }
    }

    /// The `herd` rule, once every input is read: report each group of more than
    /// [`CheckOptions::herd_threshold`] schedules that fire in the same minute of
    /// the week from "now", at its first schedule. Call it after the last input.
    pub fn report_herds(&mut self) -> io::Result<()> {
        let Some(mut herds) = self.herds.take() else {
            return Ok(());
        };
        if herds.dropped() > 0 {
            self.sink.note(
                "herd",
                &format!(
                    "only the first {} schedules read ({} different ones) were compared for herds; {} more were checked but not compared",
                    herd::MAX_PLACES,
                    herd::MAX_DISTINCT,
                    herds.dropped()
                ),
            )?;
        }
        for f in herds.herds(self.opts.lint.now(), self.opts.herd_threshold) {
            let severity = self.count(lint::rule("herd").map_or(Severity::Warning, |r| r.severity));
            let spans = [Span::new(0, f.expression.len())];
            self.sink.finding(&Record {
                path: &f.path,
                is_file: f.is_file,
                line: f.line,
                column: f.column,
                end_column: f.end_column,
                severity,
                code: "herd",
                message: &f.message,
                help: Some(&f.help),
                expression: &f.expression,
                spans: &spans,
                context: None,
                note: None,
            })?;
        }
        Ok(())
    }

    /// Make the lint options for zone `name` (once per zone); `None` when the
    /// name is not a zone (the reader reports that itself).
    fn prepare_zone(&mut self, name: &str) {
        if self.zone_opts.contains_key(name) {
            return;
        }
        let base = &self.opts.lint;
        let mut opts = LintOptions::new(base.now());
        for r in &lint::RULES {
            if base.is_allowed(r.code) {
                let _ = opts.allow(r.code);
            }
        }
        let made = Zone::parse(name)
            .ok()
            .map(|z| opts.with_zone(z, self.opts.dst));
        self.zone_opts.insert(name.to_string(), made);
    }

    fn report(&mut self, src: &Source<'_>, e: &Entry, f: &Finding) -> io::Result<()> {
        if self.opts.lint.is_allowed(f.code) {
            return Ok(());
        }
        let severity = self.count(f.severity);
        let back = |s: Span| {
            if e.remap.is_empty() {
                s
            } else {
                jenkins::remap_span(&e.remap, s)
            }
        };
        let span = back(f.span);
        let (line, column) = position(e, span.start);
        let end_column = if span.end > span.start {
            match position(e, span.end) {
                (l, c) if l == line && c > column => c - 1,
                _ => column,
            }
        } else {
            column
        };
        let message;
        let message_ref = match (&e.context, e.context_in_message) {
            (Some(c), true) => {
                message = format!("{} (in {c})", f.message);
                &message
            }
            _ => &f.message,
        };
        let spans: Vec<Span> = f.spans().map(back).collect();
        let expression = e.shown.as_deref().unwrap_or(&e.text);
        let note = match (&e.context, e.context_in_message) {
            (Some(c), false) => Some(c.as_str()),
            _ => None,
        };
        self.sink.finding(&Record {
            path: src.name,
            is_file: src.is_file,
            line,
            column,
            end_column,
            severity,
            code: f.code,
            message: message_ref,
            help: f.help.as_deref(),
            expression,
            spans: &spans,
            context: e.context.as_deref(),
            note,
        })
    }
}

pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// File line and column of byte `at` of the entry's text.
pub fn position(e: &Entry, at: usize) -> (u32, u32) {
    if !e.exact {
        return (e.line, e.column);
    }
    // spans are in the text as written by now
    let bytes = e.shown.as_deref().unwrap_or(&e.text).as_bytes();
    let before = &bytes[..at.min(bytes.len())];
    let chars = |b: &[u8]| b.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32;
    match before.iter().rposition(|&b| b == b'\n') {
        None => (e.line, e.column.saturating_add(chars(before))),
        Some(nl) => {
            let newlines = before.iter().filter(|&&b| b == b'\n').count() as u32;
            (
                e.line.saturating_add(newlines),
                1 + chars(&before[nl + 1..]),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_map_spans_into_the_file() {
        let mut e = Entry::new("0 0 9 ? * 1-5", 7, 5);
        assert_eq!(position(&e, 10), (7, 15));
        e.text = "0 0 9\n  ? * 1-5".to_string(); // `?` on the next line, third character
        assert_eq!(position(&e, 8), (8, 3));
        e.text = "é 0".to_string(); // columns count characters, not bytes
        assert_eq!(position(&e, 3), (7, 7));
        e.exact = false;
        assert_eq!(position(&e, 3), (7, 5));
    }
}
