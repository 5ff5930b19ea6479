//! `cronkit validate`: the CI lint. Expressions come from the arguments and
//! from files (one per line, crontabs, Nuxeo XML; Watcher and OpenSearch JSON
//! plug in at [`json_entries`]); each goes through the parser and the
//! [`cronkit::lint`] rules, and every finding is reported with the file, line
//! and column of the offending text, as compiler-style text, a JSON array or
//! GitHub Actions workflow commands.
//!
//! Lines and crontab files stream: one line is read, checked and forgotten, so
//! memory stays flat however long the file is; findings go through one
//! buffered writer.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;

use anyhow::{anyhow, bail, Result};
use serde::Serialize;

use cronkit::expr::error::caret_lines;
use cronkit::formats::crontab::{read_crontab, CrontabStyle};
use cronkit::formats::detect::{detect_kind, InputKind};
use cronkit::formats::lines::read_lines;
use cronkit::formats::nuxeo::parse_nuxeo_bytes;
use cronkit::formats::{
    extract, Dialect as DocDialect, DialectHint, InputError, Located, ScheduleKind, SourceFormat,
};
use cronkit::lint::{self, Finding, LintOptions, Severity};
use cronkit::{DialectChoice, DstPolicy, Expr, Schedule, Span, Zone};

use super::args::{DenyArg, InputArg, ValidateArgs, ValidateFormat};
use super::common::{finish_stdout, parse_instant, parse_zone, stdout_is_terminal, use_color};
use super::ExitCode;

/// Problems the text readers find (rather than the lint rules): each has a
/// stable code and is an error. Like parse errors they cannot be allowed: a
/// line that cannot be read is a job that does not run as written.
pub const INPUT_ERRORS: [(&str, &str); 7] = [
    (
        "invalid-utf8",
        "A line (or a whole XML document) is not valid UTF-8; it is skipped.",
    ),
    ("line-too-long", "A line longer than 1 MiB; it is skipped."),
    (
        "missing-command",
        "A crontab schedule not followed by a command (or, in a system crontab, by a user and a command); the schedule is still checked.",
    ),
    (
        "unrecognized-line",
        "A crontab line that is neither a comment, an environment setting nor a schedule.",
    ),
    (
        "missing-cron-expression",
        "A Nuxeo `<schedule>` without `<cronExpression>`.",
    ),
    (
        "empty-cron-expression",
        "A Nuxeo `<cronExpression>` with nothing in it.",
    ),
    (
        "malformed-xml",
        "The XML is malformed; expressions before the error are still checked.",
    ),
];

/// Warnings of the Watcher / OpenSearch readers (accepted, but odd): they can
/// be allowed like lint rules. Their errors (`unknown-field`, `json-*`, ...)
/// cannot, as parse errors cannot.
pub const READER_WARNINGS: [&str; 8] = [
    "watcher-several-schedule-types",
    "watcher-ignored-field",
    "watcher-alias-repeated",
    "watcher-truncated-number",
    "opensearch-missing-timezone",
    "opensearch-unknown-timezone",
    "opensearch-missing-start-time",
    "opensearch-truncated-number",
];

/// How many bytes of a file `--input auto` looks at.
const DETECT_BYTES: u64 = 64 * 1024;

/// Run `validate`; returns the exit code.
pub fn run(args: &ValidateArgs) -> Result<ExitCode> {
    if args.exprs.is_empty() && args.files.is_empty() {
        bail!("nothing to check: pass expressions, or -f FILE (`-f -` reads stdin)");
    }
    let zone = match &args.tz {
        Some(z) => Some(parse_zone(z)?),
        None => None,
    };
    let now = match &args.now {
        Some(t) => parse_instant(t, zone.as_ref().unwrap_or(&Zone::utc()), "--now")?.timestamp(),
        None => chrono::Utc::now().timestamp(),
    };
    let dst: Option<DstPolicy> = args.dst.map(DstPolicy::from);
    let mut opts = LintOptions::new(now);
    if let Some(zone) = zone {
        opts = opts.with_zone(zone, dst);
    }
    let mut allowed_reader = Vec::new();
    for name in &args.allow {
        if lint::rule(name).is_some() {
            opts.allow(name).map_err(|e| anyhow!("--allow: {e}"))?;
        } else if let Some(code) = READER_WARNINGS.iter().find(|c| *c == name) {
            allowed_reader.push(*code);
        } else {
            let known: Vec<&str> = lint::RULES
                .iter()
                .map(|r| r.code)
                .chain(READER_WARNINGS)
                .collect();
            if INPUT_ERRORS.iter().any(|(c, _)| c == name) {
                bail!("--allow: `{name}` is an input error and cannot be allowed: fix the input");
            }
            bail!(
                "--allow: unknown rule `{name}`; the rules that can be allowed are: {}; errors from parsing or reading the input cannot be allowed",
                known.join(", ")
            );
        }
    }

    let stdout = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let reporter: Box<dyn Reporter> = match args.format {
        ValidateFormat::Text => Box::new(TextReport {
            w: stdout,
            color: use_color(args.color, stdout_is_terminal()),
        }),
        ValidateFormat::Json => Box::new(JsonReport {
            w: stdout,
            first: true,
        }),
        ValidateFormat::Github => Box::new(GithubReport { w: stdout }),
    };
    let mut checker = Checker {
        choice: args.dialect.into(),
        dst,
        opts,
        zone_opts: HashMap::new(),
        allowed_reader,
        deny_warnings: args.deny == Some(DenyArg::Warnings),
        out: reporter,
        findings: Vec::new(),
        counts: Counts::default(),
        unreadable: false,
    };
    let result = checker.run_all(args);
    let finished = result.and_then(|()| checker.out.finish(&checker.counts));
    finish_stdout(finished)?;
    Ok(if checker.unreadable {
        ExitCode::Usage
    } else if checker.counts.errors > 0 {
        ExitCode::Failure
    } else {
        ExitCode::Success
    })
}

/// An expression found in an input, ready to check.
pub struct Entry {
    pub text: String,
    /// 1-based line and column (in characters) of the text's first character.
    pub line: u32,
    pub column: u32,
    /// The text appears verbatim in the input from `line:column` on, so a span
    /// inside it maps to an exact file position; when false (XML references),
    /// findings point at the expression's start.
    pub exact: bool,
    /// The dialect the input implies; `None` = `--dialect`.
    pub dialect: Option<DialectChoice>,
    /// A time zone the input gives the expression (OpenSearch `timezone`): the
    /// DST rules use it instead of `--tz`.
    pub zone: Option<String>,
    /// Where it comes from: a schedule id (shown in the message) or a crontab
    /// command (shown as a note).
    pub context: Option<String>,
    pub context_in_message: bool,
}

/// A problem with the input itself, at a position.
pub struct Problem {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub line: u32,
    pub column: u32,
}

/// What a reader produces.
pub enum Item {
    Entry(Entry),
    Problem(Problem),
}

#[derive(Default)]
struct Counts {
    expressions: u64,
    files: u64,
    arguments: u64,
    errors: u64,
    warnings: u64,
}

/// The input being read, for messages and output.
struct Source<'a> {
    /// `path/to/file`, `<stdin>` or `<argument 2>`.
    name: &'a str,
    /// A real file (GitHub annotations can point at it).
    is_file: bool,
}

struct Checker {
    choice: DialectChoice,
    dst: Option<DstPolicy>,
    opts: LintOptions,
    /// Options for expressions that bring their own zone, by zone name.
    zone_opts: HashMap<String, Option<LintOptions>>,
    /// Reader warnings named by `--allow`.
    allowed_reader: Vec<&'static str>,
    deny_warnings: bool,
    out: Box<dyn Reporter>,
    /// Reused for each expression's findings.
    findings: Vec<Finding>,
    counts: Counts,
    unreadable: bool,
}

impl Checker {
    fn run_all(&mut self, args: &ValidateArgs) -> io::Result<()> {
        for (i, text) in args.exprs.iter().enumerate() {
            let name = format!("<argument {}>", i + 1);
            let src = Source {
                name: &name,
                is_file: false,
            };
            self.counts.arguments += 1;
            let entry = Entry {
                text: text.clone(),
                line: 1,
                column: 1,
                exact: true,
                dialect: None,
                zone: None,
                context: None,
                context_in_message: false,
            };
            self.check_entry(&src, &entry)?;
        }
        for path in &args.files {
            match self.check_file(path, args.input) {
                Ok(()) => self.counts.files += 1,
                Err(FileError::Output(e)) => return Err(e),
                Err(FileError::Input(msg)) => {
                    // Unreadable input: say which file, go on with the others, exit 2.
                    self.out.flush()?;
                    eprintln!("error: {msg}");
                    self.unreadable = true;
                }
            }
        }
        Ok(())
    }

    fn check_file(&mut self, path: &Path, input: InputArg) -> Result<(), FileError> {
        let stdin = path.as_os_str() == "-";
        let shown = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let cannot = |e: io::Error| FileError::Input(format!("cannot read `{shown}`: {e}"));
        let mut raw: Box<dyn Read> = if stdin {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(path).map_err(cannot)?)
        };
        // The head decides `--input auto`; it is read again as part of the stream.
        let mut head = Vec::new();
        (&mut raw)
            .take(DETECT_BYTES)
            .read_to_end(&mut head)
            .map_err(cannot)?;
        let kind = match input {
            InputArg::Auto => detect_kind((!stdin).then_some(path), &head),
            InputArg::Lines => InputKind::Lines,
            InputArg::Crontab => InputKind::Crontab,
            InputArg::Watcher => InputKind::Watcher,
            InputArg::Opensearch => InputKind::OpenSearch,
            InputArg::Nuxeo => InputKind::Nuxeo,
        };
        let src = Source {
            name: &shown,
            is_file: !stdin,
        };
        let reader = BufReader::with_capacity(64 * 1024, io::Cursor::new(head).chain(raw));
        match kind {
            InputKind::Lines => {
                for item in read_lines(reader) {
                    self.located(&src, item, None)?;
                }
            }
            InputKind::Crontab => {
                let style_path = (!stdin).then_some(path);
                for item in read_crontab(reader, CrontabStyle::Auto, style_path) {
                    self.located(&src, item, None)?;
                }
            }
            InputKind::Nuxeo => {
                let bytes = read_all(reader).map_err(cannot)?;
                for item in parse_nuxeo_bytes(&bytes) {
                    self.located(&src, item, Some(&bytes))?;
                }
            }
            InputKind::Watcher | InputKind::OpenSearch => {
                let bytes = read_all(reader).map_err(cannot)?;
                // Forced by --input: read every schedule that way; detected:
                // let the reader decide per schedule object.
                let format = match input {
                    InputArg::Watcher => SourceFormat::Watcher,
                    InputArg::Opensearch => SourceFormat::OpenSearch,
                    _ => SourceFormat::Auto,
                };
                for item in json_entries(&bytes, format) {
                    self.item(&src, item)?;
                }
            }
        }
        Ok(())
    }

    /// One result of the lines / crontab / Nuxeo readers. `doc` is the whole
    /// input when the reader had it (to tell whether a text is verbatim).
    fn located(
        &mut self,
        src: &Source<'_>,
        item: Result<Located, InputError>,
        doc: Option<&[u8]>,
    ) -> Result<(), FileError> {
        let loc = match item {
            Ok(loc) => loc,
            Err(InputError::Io { line, source }) => {
                return Err(FileError::Input(format!(
                    "cannot read `{}` (at line {line}): {source}",
                    src.name
                )))
            }
            Err(e) => return self.input_error(src, e).map_err(FileError::Output),
        };
        let exact = match doc {
            Some(doc) => doc
                .get(loc.byte_offset..)
                .is_some_and(|rest| rest.starts_with(loc.text.as_bytes())),
            // line-based readers: the trimmed text is a slice of one line
            None => true,
        };
        let (context, context_in_message) = match (loc.context, loc.dialect_hint) {
            // Nuxeo: `schedule id=...` belongs in the message
            (Some(c), Some(DialectHint::Quartz)) => (Some(c), true),
            (c, _) => (c, false),
        };
        let entry = Entry {
            text: loc.text,
            line: loc.line,
            column: loc.column,
            exact,
            dialect: loc.dialect_hint.map(|h| match h {
                DialectHint::Quartz => DialectChoice::Quartz,
                DialectHint::Unix => DialectChoice::Unix,
            }),
            zone: None,
            context,
            context_in_message,
        };
        self.item(src, Item::Entry(entry))
            .map_err(FileError::Output)
    }

    fn item(&mut self, src: &Source<'_>, item: Item) -> io::Result<()> {
        match item {
            Item::Entry(e) => self.check_entry(src, &e),
            Item::Problem(p) => self.problem(src, p),
        }
    }

    /// A reader's complaint about the input, as a finding.
    fn input_error(&mut self, src: &Source<'_>, e: InputError) -> io::Result<()> {
        let problem = |code, message: String, help: Option<&str>, line, column| Problem {
            severity: Severity::Error,
            code,
            message,
            help: help.map(str::to_string),
            line,
            column,
        };
        let p = match e {
            InputError::InvalidUtf8 { line, column, .. } => problem(
                "invalid-utf8",
                "not valid UTF-8; the line was skipped".to_string(),
                Some("save the file as UTF-8"),
                line,
                column,
            ),
            InputError::LineTooLong { line, max, .. } => problem(
                "line-too-long",
                format!("line is longer than {max} bytes; it was skipped"),
                None,
                line,
                1,
            ),
            InputError::MissingCommand {
                schedule,
                line,
                column,
                ..
            } => {
                self.item(
                    src,
                    Item::Problem(problem(
                        "missing-command",
                        format!("schedule `{schedule}` is not followed by a command"),
                        Some("a crontab entry is five time fields (or an @nickname), then the command; /etc/crontab and /etc/cron.d files put the user before the command"),
                        line,
                        column,
                    )),
                )?;
                // The schedule itself still gets checked.
                let entry = Entry {
                    text: schedule,
                    line,
                    column,
                    exact: true,
                    dialect: Some(DialectChoice::Unix),
                    zone: None,
                    context: None,
                    context_in_message: false,
                };
                return self.item(src, Item::Entry(entry));
            }
            InputError::UnrecognizedLine { line, column, .. } => problem(
                "unrecognized-line",
                "not a crontab entry: expected 5 time fields or an @nickname, then a command"
                    .to_string(),
                Some("comment it out with `#` if it is not an entry"),
                line,
                column,
            ),
            InputError::MissingCronExpression {
                id, line, column, ..
            } => problem(
                "missing-cron-expression",
                format!("<schedule{}> has no <cronExpression>", id_attr(&id)),
                Some("Nuxeo needs a Quartz expression, e.g. <cronExpression>0 0 3 * * ?</cronExpression>"),
                line,
                column,
            ),
            InputError::EmptyCronExpression {
                id, line, column, ..
            } => problem(
                "empty-cron-expression",
                format!("<cronExpression> of <schedule{}> is empty", id_attr(&id)),
                None,
                line,
                column,
            ),
            InputError::MalformedXml {
                message,
                line,
                column,
                ..
            } => problem(
                "malformed-xml",
                format!("malformed XML: {message}"),
                None,
                line,
                column,
            ),
            InputError::Io { line, source } => problem(
                "read-error",
                format!("read error at line {line}: {source}"),
                None,
                line,
                1,
            ),
        };
        self.item(src, Item::Problem(p))
    }

    fn problem(&mut self, src: &Source<'_>, p: Problem) -> io::Result<()> {
        if p.severity == Severity::Warning && self.allowed_reader.contains(&p.code) {
            return Ok(());
        }
        let severity = self.count(p.severity);
        self.out.finding(&Record {
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
        let severity = if self.deny_warnings {
            Severity::Error
        } else {
            severity
        };
        match severity {
            Severity::Error => self.counts.errors += 1,
            Severity::Warning => self.counts.warnings += 1,
        }
        severity
    }

    /// Parse, compile and lint one expression; report what is found.
    fn check_entry(&mut self, src: &Source<'_>, e: &Entry) -> io::Result<()> {
        self.counts.expressions += 1;
        let choice = e.dialect.unwrap_or(self.choice);
        let mut findings = std::mem::take(&mut self.findings);
        findings.clear();
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
                    .unwrap_or(&self.opts);
                findings.extend(lint::lint(&e.text, &expr, &schedule, opts));
            }
            Err(d) => findings.push(Finding::from_diagnostic(&d)),
        }
        let result = findings.iter().try_for_each(|f| self.report(src, e, f));
        self.findings = findings;
        result
    }

    /// Make the lint options for zone `name` (once per zone); `None` when the
    /// name is not a zone (the reader reports that itself).
    fn prepare_zone(&mut self, name: &str) {
        if self.zone_opts.contains_key(name) {
            return;
        }
        let mut opts = LintOptions::new(self.opts.now());
        for r in &lint::RULES {
            if self.opts.is_allowed(r.code) {
                let _ = opts.allow(r.code);
            }
        }
        let made = Zone::parse(name).ok().map(|z| opts.with_zone(z, self.dst));
        self.zone_opts.insert(name.to_string(), made);
    }

    fn report(&mut self, src: &Source<'_>, e: &Entry, f: &Finding) -> io::Result<()> {
        let severity = self.count(f.severity);
        let (line, column) = position(e, f.span.start);
        let end_column = if f.span.end > f.span.start {
            match position(e, f.span.end) {
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
        let spans: Vec<Span> = f.spans().collect();
        let note = match (&e.context, e.context_in_message) {
            (Some(c), false) => Some(c.as_str()),
            _ => None,
        };
        self.out.finding(&Record {
            path: src.name,
            is_file: src.is_file,
            line,
            column,
            end_column,
            severity,
            code: f.code,
            message: message_ref,
            help: f.help.as_deref(),
            expression: &e.text,
            spans: &spans,
            context: e.context.as_deref(),
            note,
        })
    }
}

fn id_attr(id: &Option<String>) -> String {
    match id {
        Some(id) => format!(" id=\"{id}\""),
        None => String::new(),
    }
}

enum FileError {
    /// The input cannot be read (exit 2); the message names the file.
    Input(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl From<io::Error> for FileError {
    fn from(e: io::Error) -> Self {
        FileError::Output(e)
    }
}

fn read_all(r: impl Read) -> io::Result<Vec<u8>> {
    super::common::read_document(r)
}

/// Watcher and OpenSearch JSON: every `cron` string or array element and
/// OpenSearch `cron.expression` as an [`Entry`] positioned at the JSON string
/// itself (at its first character inside the quotes, so spans map exactly
/// unless the string has escapes, in which case findings point at the
/// string); the structured schedules (`hourly` ... `yearly`) as the cron
/// expressions Elasticsearch turns them into, positioned at the schedule
/// body. The schedule's `timezone` goes to [`Entry::zone`], so the DST rules
/// check it there. Intervals are not linted (their cron form is an artefact of
/// the translation). What the reader rejects or warns about becomes a
/// [`Problem`].
fn json_entries(bytes: &[u8], format: SourceFormat) -> Vec<Item> {
    let found = match extract(bytes, format) {
        Ok(found) => found,
        Err(e) => {
            return vec![Item::Problem(Problem {
                severity: Severity::Error,
                code: e.kind.code(),
                message: format!("invalid JSON: {}", e.kind),
                help: None,
                line: to_u32(e.line),
                column: to_u32(e.column),
            })]
        }
    };
    let mut items = Vec::new();
    for spec in &found.schedules {
        let noun = if spec.kind.is_opensearch() {
            "job"
        } else {
            "watch"
        };
        let mut label = match &spec.id {
            Some(id) => format!("{noun} `{id}`"),
            None => String::new(),
        };
        if !spec.path.is_empty() {
            if !label.is_empty() {
                label.push_str(" at ");
            }
            label.push_str(&spec.path);
        }
        let translated = !matches!(spec.kind, ScheduleKind::Cron | ScheduleKind::OpenSearchCron);
        if translated {
            label.push_str(if label.is_empty() {
                "translated to cron"
            } else {
                ", translated to cron"
            });
        }
        for w in &spec.warnings {
            items.push(Item::Problem(Problem {
                severity: Severity::Warning,
                code: w.code,
                message: w.to_string(),
                help: None,
                line: to_u32(w.line),
                column: to_u32(w.column),
            }));
        }
        if matches!(
            spec.kind,
            ScheduleKind::Interval | ScheduleKind::OpenSearchInterval
        ) {
            continue;
        }
        for e in &spec.expressions {
            // A JSON string without escapes holds the expression verbatim
            // right after its opening quote.
            let verbatim = !translated
                && bytes.get(e.span.start) == Some(&b'"')
                && e.span.end == e.span.start + e.text.len() + 2
                && bytes.get(e.span.start + 1..e.span.end - 1) == Some(e.text.as_bytes());
            items.push(Item::Entry(Entry {
                text: e.text.clone(),
                line: to_u32(e.line),
                column: to_u32(e.column) + u32::from(verbatim),
                exact: verbatim,
                dialect: Some(match spec.dialect {
                    DocDialect::Quartz => DialectChoice::Quartz,
                    DocDialect::Unix => DialectChoice::Unix,
                }),
                zone: spec.timezone.clone(),
                context: (!label.is_empty()).then(|| label.clone()),
                context_in_message: true,
            }));
        }
    }
    for e in &found.errors {
        items.push(Item::Problem(Problem {
            severity: Severity::Error,
            code: e.kind.code(),
            message: e.to_string(),
            help: None,
            line: to_u32(e.line),
            column: to_u32(e.column),
        }));
    }
    // Report in file order.
    items.sort_by_key(|i| match i {
        Item::Entry(e) => (e.line, e.column),
        Item::Problem(p) => (p.line, p.column),
    });
    items
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// File line and column of byte `at` of the entry's text.
fn position(e: &Entry, at: usize) -> (u32, u32) {
    if !e.exact {
        return (e.line, e.column);
    }
    let bytes = e.text.as_bytes();
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

// ------------------------------------------------------------------ output

/// One finding, positioned, as the renderers see it.
#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    #[serde(skip)]
    is_file: bool,
    line: u32,
    column: u32,
    /// Column of the last character of the offending text (inclusive).
    end_column: u32,
    #[serde(serialize_with = "severity_str")]
    severity: Severity,
    code: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    expression: &'a str,
    #[serde(skip)]
    spans: &'a [Span],
    /// A schedule id, or a crontab command.
    context: Option<&'a str>,
    #[serde(skip)]
    note: Option<&'a str>,
}

fn severity_str<S: serde::Serializer>(s: &Severity, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s.as_str())
}

trait Reporter {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()>;
    fn finish(&mut self, counts: &Counts) -> io::Result<()>;
    fn flush(&mut self) -> io::Result<()>;
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `checked 12 expressions in 2 files: 1 error, 3 warnings`
fn summary(c: &Counts) -> String {
    let exprs = plural(c.expressions, "expression", "expressions");
    let r#where = match (c.files, c.arguments) {
        (0, _) => String::new(),
        (f, 0) => format!(" in {}", plural(f, "file", "files")),
        (f, a) => format!(
            " in {} and {}",
            plural(f, "file", "files"),
            plural(a, "argument", "arguments")
        ),
    };
    format!(
        "checked {exprs}{where}: {}, {}",
        plural(c.errors, "error", "errors"),
        plural(c.warnings, "warning", "warnings"),
        r#where = r#where
    )
}

type Out = BufWriter<io::StdoutLock<'static>>;

/// Compiler style: `path:line:col: severity[code]: message`, the caret
/// excerpt, `help:`, then the summary.
struct TextReport {
    w: Out,
    color: bool,
}

impl TextReport {
    fn paint(&self, code: &'static str) -> &'static str {
        if self.color {
            code
        } else {
            ""
        }
    }
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const CYAN: &str = "\x1b[1;36m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

impl Reporter for TextReport {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        let sev = self.paint(match r.severity {
            Severity::Error => RED,
            Severity::Warning => YELLOW,
        });
        let (bold, blue, cyan, reset) = (
            self.paint(BOLD),
            self.paint(BLUE),
            self.paint(CYAN),
            self.paint(RESET),
        );
        writeln!(
            self.w,
            "{bold}{}:{}:{}:{reset} {sev}{}[{}]{reset}{bold}: {}{reset}",
            r.path, r.line, r.column, r.severity, r.code, r.message
        )?;
        if !r.expression.is_empty() {
            let (line, carets) = caret_lines(r.expression, r.spans);
            writeln!(self.w, "{blue}  |{reset}")?;
            writeln!(self.w, "{blue}  |{reset} {line}")?;
            if !carets.is_empty() {
                writeln!(self.w, "{blue}  |{reset} {sev}{carets}{reset}")?;
            }
        }
        if let Some(help) = r.help {
            writeln!(self.w, "{cyan}  = help:{reset} {help}")?;
        }
        if let Some(note) = r.note {
            writeln!(self.w, "{cyan}  = note:{reset} {}", one_line(note, 100))?;
        }
        Ok(())
    }

    fn finish(&mut self, counts: &Counts) -> io::Result<()> {
        if counts.errors + counts.warnings > 0 {
            writeln!(self.w)?;
        }
        writeln!(self.w, "{}", summary(counts))?;
        self.w.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// A note shortened to `max` characters (commands can be long).
fn one_line(s: &str, max: usize) -> String {
    let mut out: String = s
        .chars()
        .take(max)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// A JSON array of findings, streamed; the summary goes to stderr.
struct JsonReport {
    w: Out,
    first: bool,
}

impl Reporter for JsonReport {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        self.w
            .write_all(if self.first { b"[\n  " } else { b",\n  " })?;
        self.first = false;
        serde_json::to_writer(&mut self.w, r).map_err(io::Error::other)
    }

    fn finish(&mut self, counts: &Counts) -> io::Result<()> {
        self.w
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.w.flush()?;
        eprintln!("{}", summary(counts));
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// GitHub Actions workflow commands, so findings show on the pull request.
struct GithubReport {
    w: Out,
}

/// Escape the message of a workflow command: `%`, CR and LF.
fn escape_data(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
}

/// Escape a property value of a workflow command: as data, plus `:` and `,`.
fn escape_property(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => escape_data(c.encode_utf8(&mut [0; 4]), out),
        }
    }
}

/// `::error file=f,line=3,col=9,endColumn=11,title=cronkit never-fires::message`
fn github_command(r: &Record<'_>) -> String {
    let mut s = String::with_capacity(160);
    s.push_str(match r.severity {
        Severity::Error => "::error ",
        Severity::Warning => "::warning ",
    });
    if r.is_file {
        s.push_str("file=");
        escape_property(r.path, &mut s);
        s.push_str(&format!(
            ",line={},col={},endColumn={},",
            r.line, r.column, r.end_column
        ));
    }
    s.push_str("title=");
    escape_property(&format!("cronkit {}", r.code), &mut s);
    s.push_str("::");
    let mut msg = String::new();
    if !r.is_file {
        msg.push_str(&format!("{}: ", r.path));
    }
    msg.push_str(r.message);
    if !r.expression.is_empty() {
        msg.push_str(&format!("\nexpression: {}", r.expression));
    }
    if let Some(help) = r.help {
        msg.push_str(&format!("\nhelp: {help}"));
    }
    escape_data(&msg, &mut s);
    s
}

impl Reporter for GithubReport {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        writeln!(self.w, "{}", github_command(r))
    }

    fn finish(&mut self, counts: &Counts) -> io::Result<()> {
        writeln!(self.w, "{}", summary(counts))?;
        self.w.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(path: &'a str, is_file: bool, message: &'a str) -> Record<'a> {
        Record {
            path,
            is_file,
            line: 3,
            column: 9,
            end_column: 11,
            severity: Severity::Warning,
            code: "quartz-dow-numbering",
            message,
            help: Some("write `MON-FRI`"),
            expression: "0 0 9 ? * 1-5",
            spans: &[],
            context: None,
            note: None,
        }
    }

    #[test]
    fn github_commands_escape_per_the_workflow_command_rules() {
        let r = record("dir,x/a:b.txt", true, "100% sure\r\nsecond line");
        assert_eq!(
            github_command(&r),
            "::warning file=dir%2Cx/a%3Ab.txt,line=3,col=9,endColumn=11,title=cronkit quartz-dow-numbering::100%25 sure%0D%0Asecond line%0Aexpression: 0 0 9 ? * 1-5%0Ahelp: write `MON-FRI`"
        );
        let r = record("<argument 1>", false, "m");
        assert!(github_command(&r)
            .starts_with("::warning title=cronkit quartz-dow-numbering::<argument 1>: m%0A"));
    }

    #[test]
    fn positions_map_spans_into_the_file() {
        let mut e = Entry {
            text: "0 0 9 ? * 1-5".to_string(),
            line: 7,
            column: 5,
            exact: true,
            dialect: None,
            zone: None,
            context: None,
            context_in_message: false,
        };
        assert_eq!(position(&e, 10), (7, 15));
        e.text = "0 0 9\n  ? * 1-5".to_string(); // `?` on the next line, third character
        assert_eq!(position(&e, 8), (8, 3));
        e.text = "é 0".to_string(); // columns count characters, not bytes
        assert_eq!(position(&e, 3), (7, 7));
        e.exact = false;
        assert_eq!(position(&e, 3), (7, 5));
    }

    #[test]
    fn summaries() {
        let mut c = Counts {
            expressions: 1,
            files: 1,
            errors: 1,
            ..Counts::default()
        };
        assert_eq!(
            summary(&c),
            "checked 1 expression in 1 file: 1 error, 0 warnings"
        );
        c.files = 0;
        c.arguments = 1;
        assert_eq!(summary(&c), "checked 1 expression: 1 error, 0 warnings");
        c.files = 2;
        c.expressions = 5;
        c.warnings = 2;
        assert_eq!(
            summary(&c),
            "checked 5 expressions in 2 files and 1 argument: 1 error, 2 warnings"
        );
    }
}
