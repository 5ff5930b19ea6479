//! `cronkit convert`: Watcher / OpenSearch schedule JSON and cron expressions
//! into cron (Quartz, Unix, OCPS) or Watcher JSON.
//!
//! Inputs are read into *units*: one schedule of a JSON document, one `-e`
//! expression, or one line of a plain-text input (with `--merge`, all cron
//! text inputs together form one unit). Each unit is converted on its own;
//! one failing unit does not stop the others. Results go to stdout, notes,
//! warnings and errors to stderr.
//!
//! Exit status: 0 all converted; 1 a schedule or expression could not be read
//! or converted; 2 usage error or unreadable input (an I/O error, JSON that is
//! not JSON, nothing to convert).

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::rc::Rc;

use anyhow::Result;

use cronkit::convert::{self, Conversion, ConvertError, DistinctPatterns, Parsed, Pattern, Target};
use cronkit::expr::error::Style;
use cronkit::expr::interval::IntervalExpr;
use cronkit::formats::{
    self, format_interval, lines, Dialect as FormatDialect, FormatError, ScheduleKind,
    ScheduleSpec, SourceFormat,
};
use cronkit::sanitize::{self, quote};
use cronkit::{Diagnostic, Dialect, DialectChoice};

use super::args::{ConvertArgs, ConvertFrom, ConvertTo, InputArg, TextOrJson};
use super::common::{finish_stdout, stderr_is_terminal, use_color, ColorArg};
use super::ExitCode;

/// Where a unit comes from, for messages.
#[derive(Clone, Debug)]
struct Origin {
    /// File name (`-` for stdin), or `-e`.
    file: String,
    line: usize,
    column: usize,
}

/// One cron expression to convert.
#[derive(Clone, Debug)]
struct CronText {
    text: String,
    choice: DialectChoice,
    origin: Origin,
}

/// What a unit holds.
enum Body {
    /// Cron expressions that fire together as one schedule.
    Crons(Vec<CronText>),
    /// A schedule that could not be read.
    Failed(Failure),
}

/// One schedule to convert.
struct Unit {
    id: Option<String>,
    path: Option<String>,
    /// The cron text of a plain expression input (its label).
    input: Option<String>,
    /// The file, when the unit comes from one and there are several.
    file: Option<String>,
    /// The input's name for messages (`-e`, `<stdin>`, a file name).
    shown: String,
    /// `cron`, `daily`, ..., `opensearch-cron`, `opensearch-interval`
    /// (`None` when the schedule could not be read).
    kind: Option<&'static str>,
    timezone: Option<String>,
    notes: Vec<String>,
    /// A Watcher interval (kept as such by `--to watcher`).
    watcher_interval: Option<u64>,
    /// Why the schedule has no exact cron form (intervals, OpenSearch delays).
    conversion_error: Option<FormatError>,
    body: Body,
}

/// A failure with everything needed to print it.
#[derive(Clone, Debug)]
enum Failure {
    Format(Box<FormatError>, String),
    Parse {
        diagnostic: Box<Diagnostic>,
        origin: Origin,
        path: Option<String>,
        /// Why a translated schedule yields a bad cron.
        note: Option<String>,
    },
    Convert {
        error: ConvertError,
        /// The expressions (shared with the record's `input` when merged:
        /// one copy of a long merged input, not two).
        input: Rc<String>,
        origin: Option<Origin>,
        path: Option<String>,
    },
}

/// The result of one unit.
struct Record {
    label: String,
    unit_id: Option<String>,
    path: Option<String>,
    file: Option<String>,
    input: Option<Rc<String>>,
    kind: Option<&'static str>,
    dialect: Option<&'static str>,
    expressions: Vec<String>,
    schedule: Option<String>,
    timezone: Option<String>,
    notes: Vec<String>,
    error: Option<Failure>,
}

/// Run `convert`; returns the process exit code.
///
/// Streaming: each schedule is converted and written as soon as it is read
/// ([`Converter::unit`], [`Converter::cron`]), so memory follows the largest
/// schedule, not the input. With `--merge` the cron text inputs are gathered
/// compactly ([`MergedCrons`]) and their one schedule is written last.
pub fn run(args: &ConvertArgs) -> Result<ExitCode> {
    if let Some(key) = &args.spread {
        return run_spread(args, key);
    }
    let color = use_color(ColorArg::Auto, stderr_is_terminal());
    let stdout = io::stdout();
    let mut conv = Converter {
        args,
        output: Output::new(args.format, color, BufWriter::new(stdout.lock())),
        merged: None,
        unreadable: false,
        reader_failed: false,
    };

    for (i, e) in args.exprs.iter().enumerate() {
        if is_json_input(args.from, e.as_bytes()) {
            let label = if args.exprs.len() > 1 {
                format!("-e[{i}]")
            } else {
                "-e".to_string()
            };
            if !read_json(e.as_bytes(), &label, None, args.from, &mut conv) {
                conv.unreadable = true;
            }
        } else {
            conv.cron(CronText {
                text: e.clone(),
                choice: cron_choice(args.from),
                origin: Origin {
                    file: "-e".to_string(),
                    line: 1,
                    column: 1,
                },
            });
        }
    }

    let mut files: Vec<String> = args
        .files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if files.is_empty() && args.exprs.is_empty() {
        files.push("-".to_string());
    }
    if let Some(split) = super::shapes::split_expression(&files, cron_choice(args.from)) {
        ewriteln!(
            "error: {}",
            super::shapes::quote_message(&split, "cronkit convert -e")
        );
        return Ok(ExitCode::Usage);
    }
    let several_files = files.len() > 1;
    for name in &files {
        if conv.output.is_closed() {
            break;
        }
        let bytes = match read_input(name) {
            Ok(b) => b,
            Err(e) => {
                ewriteln!("error: {}: {e}", super::shapes::shown(&display_file(name)));
                // A cron expression given where a file name goes.
                if e.kind() == io::ErrorKind::NotFound
                    && Parsed::parse(name, cron_choice(args.from)).is_ok()
                {
                    ewriteln!(
                        "  = help: FILE arguments are files; to convert an expression pass it with `-e`: cronkit convert -e {}",
                        super::shapes::shell_quote(&super::shapes::shown(name))
                    );
                }
                conv.unreadable = true;
                continue;
            }
        };
        let shown = display_file(name);
        // Not JSON: Nuxeo XML, a crontab or a CI file go through the reader
        // layer validate uses; one expression per line stays below.
        if let Some(kind) = entry_document_kind(args, name, &bytes) {
            let path = (name != "-").then(|| std::path::Path::new(name.as_str()));
            let choice = cron_choice(args.from);
            let read = super::documents::read_document(&bytes[..], path, Some(kind), |item| {
                match item {
                    cronkit::check::Item::Entry(e) => conv.cron(CronText {
                        text: e.text.clone(),
                        choice: super::documents::entry_dialect(&e, choice),
                        origin: Origin {
                            file: shown.clone(),
                            line: e.line as usize,
                            column: e.column as usize,
                        },
                    }),
                    cronkit::check::Item::Problem(p)
                        if p.severity == cronkit::lint::Severity::Error =>
                    {
                        ewrite!("{}", super::documents::problem_message(&shown, &p));
                        conv.reader_failed = true;
                    }
                    _ => {}
                }
                Ok::<(), std::convert::Infallible>(())
            });
            match read {
                super::documents::DocRead::Done => {}
                super::documents::DocRead::Skipped(why)
                | super::documents::DocRead::Unreadable(why) => {
                    ewriteln!("{}", why.trim_end());
                    conv.unreadable = true;
                }
                super::documents::DocRead::Visit(never) => match never {},
            }
            continue;
        }
        // --input watcher / opensearch say what --from would
        let from = match args.input {
            Some(InputArg::Watcher) => ConvertFrom::Watcher,
            Some(InputArg::Opensearch) => ConvertFrom::Opensearch,
            _ => args.from,
        };
        if is_json_input(from, &bytes) && args.input != Some(InputArg::Lines) {
            let file_label = several_files.then_some(shown.as_str());
            if !read_json(&bytes, &shown, file_label, from, &mut conv) {
                conv.unreadable = true;
            }
        } else if !read_cron_lines(&bytes, &shown, &mut conv) {
            conv.unreadable = true;
        }
    }

    let unreadable = conv.unreadable;
    let reader_failed = conv.reader_failed;
    let (written, records, failed) = conv.finish();
    finish_stdout(written)?;

    if records == 0 {
        // nothing read at all (empty input, `[]`): like an unreadable input
        if !unreadable {
            let read: Vec<String> = files
                .iter()
                .map(|f| format!("`{}`", display_file(f)))
                .collect();
            let what = if read.is_empty() {
                "the input".to_string()
            } else {
                read.join(", ")
            };
            ewriteln!(
                "error: nothing to convert: {what} holds no schedule and no cron expression (see --help)"
            );
        }
        return Ok(ExitCode::Usage);
    }

    Ok(if unreadable {
        ExitCode::Usage
    } else if failed || reader_failed {
        ExitCode::Failure
    } else {
        ExitCode::Success
    })
}

/// Converts schedules as the readers hand them over and writes each result
/// at once. A reader calls [`Converter::unit`] for a schedule of a document
/// and [`Converter::cron`] for a cron text input; nothing is kept per
/// schedule once it is written (with `--merge`, only what [`MergedCrons`]
/// needs).
struct Converter<'a, W: Write> {
    args: &'a ConvertArgs,
    output: Output<W>,
    /// With `--merge`: every cron text input so far, as one schedule.
    merged: Option<MergedCrons>,
    /// An input could not be read at all (exit 2).
    unreadable: bool,
    /// A document's reader found a line it cannot read (exit 1, like a bad
    /// schedule).
    reader_failed: bool,
}

impl<W: Write> Converter<'_, W> {
    /// Convert one schedule and write it.
    fn unit(&mut self, u: Unit) {
        if self.output.is_closed() {
            return;
        }
        let record = convert_unit(u, self.args);
        self.output.push(record);
    }

    /// One cron text input: a schedule of its own, or with `--merge` part of
    /// the one merged schedule.
    fn cron(&mut self, c: CronText) {
        if self.args.merge {
            self.merged.get_or_insert_with(MergedCrons::new).push(c);
        } else {
            self.unit(cron_unit(c));
        }
    }

    /// Write the merged schedule (if any) and end the output. Returns the
    /// result of writing stdout, the number of schedules and whether one of
    /// them failed.
    fn finish(mut self) -> (io::Result<()>, usize, bool) {
        if let Some(m) = self.merged.take() {
            let record = m.into_record(self.args);
            self.output.push(record);
        }
        self.output.finish()
    }
}

/// The cron lines of a plain-text input (one expression per line; blank
/// lines and `#` comments skipped), handed to `conv` one at a time. Returns
/// false when the input is not UTF-8 text or a line cannot be read.
fn read_cron_lines<W: Write>(bytes: &[u8], shown: &str, conv: &mut Converter<'_, W>) -> bool {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // point at the first bad byte, as validate does
            let good = &bytes[..e.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = 1 + String::from_utf8_lossy(&good[line_start..]).chars().count();
            ewriteln!("error: {shown}:{line}:{column}: the input is neither JSON nor UTF-8 text");
            return false;
        }
    };
    let mut readable = true;
    for found in lines::parse_lines(text) {
        if conv.output.is_closed() {
            break;
        }
        match found {
            Ok(l) => conv.cron(CronText {
                text: l.text,
                choice: cron_choice(conv.args.from),
                origin: Origin {
                    file: shown.to_string(),
                    line: l.line as usize,
                    column: l.column as usize,
                },
            }),
            Err(e) => {
                ewriteln!("error: {shown}:{}", sanitize::message(&e.to_string()));
                readable = false;
            }
        }
    }
    readable
}

/// `--merge`: the cron text inputs gathered as one schedule, compactly. Each
/// expression is parsed as it comes and only its [`Pattern`] is kept, once
/// per *different* pattern ([`DistinctPatterns`], capped at
/// [`convert::MAX_MERGE_PATTERNS`]); the texts are kept only as the
/// schedule's `input` label, one string. What [`convert_unit`] would report
/// for the same expressions in one unit is reported, in the same order of
/// precedence: the first that does not parse, then the first without a
/// pattern (`@reboot`), then too many different ones.
struct MergedCrons {
    /// The trimmed texts joined by ` + `.
    input: String,
    /// Where the first expression came from.
    first: Option<Origin>,
    /// Whether every expression read so far is Quartz (then Unix is the
    /// default target).
    all_quartz: bool,
    distinct: DistinctPatterns,
    /// The first expression that does not parse.
    parse_failure: Option<(Box<Diagnostic>, Origin)>,
    /// The first expression that has no pattern.
    pattern_error: Option<ConvertError>,
}

impl MergedCrons {
    fn new() -> MergedCrons {
        MergedCrons {
            input: String::new(),
            first: None,
            all_quartz: true,
            distinct: DistinctPatterns::default(),
            parse_failure: None,
            pattern_error: None,
        }
    }

    fn push(&mut self, c: CronText) {
        if self.first.is_some() {
            self.input.push_str(" + ");
        }
        self.input.push_str(c.text.trim());
        if self.first.is_none() {
            self.first = Some(c.origin.clone());
        }
        if self.parse_failure.is_some() {
            return;
        }
        match Parsed::parse(&c.text, c.choice) {
            Err(d) => self.parse_failure = Some((Box::new(d), c.origin)),
            Ok(p) => {
                self.all_quartz &= p.expr.dialect == Dialect::Quartz;
                if self.pattern_error.is_none() {
                    match Pattern::from_expr(&p.expr) {
                        Ok(pattern) => self.distinct.insert(pattern),
                        Err(e) => self.pattern_error = Some(e),
                    }
                }
            }
        }
    }

    /// Convert the merged schedule.
    fn into_record(self, args: &ConvertArgs) -> Record {
        let input = Rc::new(self.input);
        let mut rec = Record {
            label: quote(&input).to_string(),
            unit_id: None,
            path: None,
            file: None,
            input: Some(Rc::clone(&input)),
            kind: Some("cron"),
            dialect: None,
            expressions: Vec::new(),
            schedule: None,
            timezone: None,
            notes: Vec::new(),
            error: None,
        };
        if let Some((diagnostic, origin)) = self.parse_failure {
            rec.error = Some(Failure::Parse {
                diagnostic,
                origin,
                path: None,
                note: None,
            });
            return rec;
        }
        let conv_failure = |error: ConvertError| Failure::Convert {
            error,
            input: Rc::clone(&input),
            origin: self.first.clone().filter(|o| o.file != "-e"),
            path: None,
        };
        let distinct = match self.pattern_error {
            Some(e) => Err(e),
            None => self.distinct.into_mergeable(),
        };
        let target = match args.to {
            Some(ConvertTo::Quartz) => Target::Quartz,
            Some(ConvertTo::Unix) => Target::Unix,
            Some(ConvertTo::Ocps) => Target::Ocps,
            Some(ConvertTo::K8s) => Target::Profile(Dialect::K8s),
            Some(ConvertTo::Github) => Target::Profile(Dialect::Github),
            Some(ConvertTo::Gitlab) => Target::Profile(Dialect::Gitlab),
            Some(ConvertTo::Eventbridge) => Target::Profile(Dialect::Eventbridge),
            Some(ConvertTo::Spring) => Target::Profile(Dialect::Spring),
            Some(ConvertTo::Watcher) => {
                match distinct.and_then(|ps| convert::to_watcher(&ps, None)) {
                    Ok(w) => {
                        rec.dialect = Some("quartz");
                        rec.expressions = w.crons;
                        rec.schedule = Some(w.json);
                    }
                    Err(e) => rec.error = Some(conv_failure(e)),
                }
                return rec;
            }
            // as `default_target` for cron text input
            None if self.all_quartz => Target::Unix,
            None => Target::Quartz,
        };
        match distinct.and_then(|ps| convert::convert_distinct(&ps, target)) {
            Ok(Conversion { expressions, notes }) => {
                rec.dialect = Some(target.dialect_name());
                rec.expressions = expressions;
                rec.notes.extend(notes);
            }
            Err(e) => rec.error = Some(conv_failure(e)),
        }
        rec
    }
}

/// Writes each record as it is made: its notes and error to stderr, its
/// result to stdout. Text output prefixes each line with the schedule's label
/// (`id<TAB>`) only when there are several schedules, so the first record is
/// held until a second one arrives (or the end shows it was the only one).
struct Output<W: Write> {
    format: TextOrJson,
    color: bool,
    out: W,
    /// The first record, until it is known whether labels are needed.
    pending: Option<Record>,
    several: bool,
    records: usize,
    /// Records written to stdout so far (JSON: for the `,` between them).
    written: usize,
    failed: bool,
    /// The first error writing stdout: nothing more is written after it.
    write_error: Option<io::Error>,
}

impl<W: Write> Output<W> {
    fn new(format: TextOrJson, color: bool, out: W) -> Output<W> {
        Output {
            format,
            color,
            out,
            pending: None,
            several: false,
            records: 0,
            written: 0,
            failed: false,
            write_error: None,
        }
    }

    /// Whether stdout failed (a closed pipe): there is no point converting more.
    fn is_closed(&self) -> bool {
        self.write_error.is_some()
    }

    fn push(&mut self, r: Record) {
        self.records += 1;
        if self.records == 1 {
            self.pending = Some(r);
            return;
        }
        if let Some(first) = self.pending.take() {
            self.several = true;
            self.emit(first);
        }
        self.emit(r);
    }

    fn emit(&mut self, r: Record) {
        // JSON output carries notes and the zone itself
        if self.format == TextOrJson::Text {
            let prefix = if self.several {
                format!("{}: ", r.label)
            } else {
                String::new()
            };
            for n in &r.notes {
                ewriteln!("note: {prefix}{}", sanitize::message(n));
            }
            if let (Some(tz), None) = (&r.timezone, &r.error) {
                if r.schedule.is_none() {
                    ewriteln!(
                        "note: {prefix}timezone {}: the expressions fire on that zone's clock",
                        quote(tz)
                    );
                }
            }
        }
        if let Some(f) = &r.error {
            self.failed = true;
            print_failure(f, self.color);
        }
        if self.write_error.is_some() {
            return;
        }
        let written = match self.format {
            TextOrJson::Text => write_text(&r, self.several, &mut self.out),
            TextOrJson::Json => {
                let sep = if self.written == 0 { "[\n" } else { ",\n" };
                self.out
                    .write_all(sep.as_bytes())
                    .and_then(|()| self.out.write_all(record_json(&r).as_bytes()))
            }
        };
        self.written += 1;
        if let Err(e) = written {
            self.write_error = Some(e);
        }
    }

    /// Write what is held and end the output: (the result of writing
    /// stdout, the number of records, whether one failed).
    fn finish(mut self) -> (io::Result<()>, usize, bool) {
        if let Some(first) = self.pending.take() {
            self.emit(first);
        }
        let end = match self.write_error.take() {
            Some(e) => Err(e),
            None if self.format == TextOrJson::Json && self.written > 0 => {
                self.out.write_all(b"\n]\n").and_then(|()| self.out.flush())
            }
            None => self.out.flush(),
        };
        (end, self.records, self.failed)
    }
}

/// A unit for one cron text input.
fn cron_unit(c: CronText) -> Unit {
    Unit {
        id: None,
        path: None,
        shown: c.origin.file.clone(),
        input: Some(c.text.trim().to_string()),
        file: None,
        kind: Some("cron"),
        timezone: None,
        notes: Vec::new(),
        watcher_interval: None,
        conversion_error: None,
        body: Body::Crons(vec![c]),
    }
}

/// The input's name for messages, escaped (a file name is input too).
fn display_file(name: &str) -> String {
    if name == "-" {
        "<stdin>".to_string()
    } else {
        sanitize::escape(name).to_string()
    }
}

fn read_input(name: &str) -> io::Result<Vec<u8>> {
    if name == "-" {
        if io::stdin().is_terminal() {
            ewriteln!("reading schedule JSON or cron expressions from stdin (end with Ctrl-D; see --help)");
        }
        cronkit::check::read_document(io::stdin().lock())
    } else {
        cronkit::check::read_document(fs::File::open(name)?)
    }
}

/// The kind of a file read by the entry readers (Nuxeo XML, a crontab, a CI
/// file), or `None` for what `convert` reads itself: schedule JSON (which it
/// converts schedule by schedule) and one expression per line.
fn entry_document_kind(
    args: &ConvertArgs,
    name: &str,
    bytes: &[u8],
) -> Option<cronkit::formats::detect::InputKind> {
    use cronkit::formats::detect::InputKind;
    let kind = match args.input {
        Some(InputArg::Auto) | None => {
            if is_json_input(args.from, bytes) {
                return None;
            }
            let path = (name != "-").then(|| std::path::Path::new(name));
            let head = &bytes[..bytes.len().min(cronkit::check::DETECT_BYTES as usize)];
            super::documents::detected_kind(path, head)?
        }
        Some(k) => super::documents::input_kind(k)?,
    };
    match kind {
        InputKind::Lines | InputKind::Watcher | InputKind::OpenSearch => None,
        k => Some(k),
    }
}

/// JSON or cron text? Decided by `--input`, `--from`, else by the first character.
fn is_json_input(from: ConvertFrom, bytes: &[u8]) -> bool {
    match from {
        ConvertFrom::Watcher | ConvertFrom::Opensearch => true,
        ConvertFrom::Quartz
        | ConvertFrom::Unix
        | ConvertFrom::K8s
        | ConvertFrom::Github
        | ConvertFrom::Gitlab
        | ConvertFrom::Eventbridge
        | ConvertFrom::Spring => false,
        ConvertFrom::Auto => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            matches!(
                body.iter().find(|b| !b.is_ascii_whitespace()),
                Some(b'{' | b'[')
            )
        }
    }
}

fn cron_choice(from: ConvertFrom) -> DialectChoice {
    match from {
        ConvertFrom::Quartz => DialectChoice::Quartz,
        ConvertFrom::Unix => DialectChoice::Unix,
        ConvertFrom::K8s => DialectChoice::K8s,
        ConvertFrom::Github => DialectChoice::Github,
        ConvertFrom::Gitlab => DialectChoice::Gitlab,
        ConvertFrom::Eventbridge => DialectChoice::Eventbridge,
        ConvertFrom::Spring => DialectChoice::Spring,
        _ => DialectChoice::Auto,
    }
}

/// Read a JSON input into units. Returns false when the JSON itself is broken.
fn read_json<W: Write>(
    bytes: &[u8],
    shown: &str,
    file_label: Option<&str>,
    from: ConvertFrom,
    conv: &mut Converter<'_, W>,
) -> bool {
    let format = match from {
        ConvertFrom::Watcher => SourceFormat::Watcher,
        ConvertFrom::Opensearch => SourceFormat::OpenSearch,
        _ => SourceFormat::Auto,
    };
    let file = file_label.map(str::to_string);
    // Schedules that cannot be read are kept (and reported) up to a limit:
    // a document of a million broken entries must not take a million
    // records' memory; the rest are counted.
    let mut failures = 0usize;
    let read = formats::extract_each(bytes, format, |found| {
        for spec in found.schedules {
            for w in &spec.warnings {
                ewriteln!(
                    "warning[{}]: {shown}:{}:{}: {}",
                    w.code,
                    w.line,
                    w.column,
                    sanitize::message(&w.to_string())
                );
            }
            conv.unit(unit_from_spec(spec, shown, file.clone()));
        }
        for e in found.errors {
            failures += 1;
            if failures > MAX_FAILURES_SHOWN {
                continue;
            }
            conv.unit(Unit {
                id: e.id.clone(),
                path: Some(e.path.clone()),
                input: None,
                file: file.clone(),
                shown: shown.to_string(),
                kind: None,
                timezone: None,
                notes: Vec::new(),
                watcher_interval: None,
                conversion_error: None,
                body: Body::Failed(Failure::Format(Box::new(e), shown.to_string())),
            });
        }
    });
    if let Err(e) = read {
        ewriteln!(
            "error: {shown}:{}:{}: invalid JSON: {}",
            e.line,
            e.column,
            sanitize::message(&e.kind.to_string())
        );
        return false;
    }
    if failures > MAX_FAILURES_SHOWN {
        ewriteln!(
            "error: {shown}: {} more schedules could not be read (only the first {MAX_FAILURES_SHOWN} are reported)",
            failures - MAX_FAILURES_SHOWN
        );
        // the reported ones already make the exit status 1
    }
    true
}

/// How many unreadable schedules of one input `convert` reports one by one.
const MAX_FAILURES_SHOWN: usize = 1000;

fn unit_from_spec(spec: ScheduleSpec, shown: &str, file: Option<String>) -> Unit {
    let choice = match spec.dialect {
        FormatDialect::Quartz => DialectChoice::Quartz,
        FormatDialect::Unix => DialectChoice::Unix,
    };
    let crons = spec
        .expressions
        .iter()
        .map(|e| CronText {
            text: e.text.clone(),
            choice,
            origin: Origin {
                file: shown.to_string(),
                line: e.line,
                column: e.column,
            },
        })
        .collect();
    let watcher_interval = match (spec.kind, spec.interval) {
        (ScheduleKind::Interval, Some(i)) => Some(i.seconds),
        _ => None,
    };
    Unit {
        id: spec.id,
        path: Some(spec.path),
        input: None,
        file,
        shown: shown.to_string(),
        kind: Some(spec.kind.as_str()),
        timezone: spec.timezone,
        notes: spec.notes,
        watcher_interval,
        conversion_error: spec.conversion_error,
        body: Body::Crons(crons),
    }
}

impl Unit {
    /// The unit's name in text output and messages: its id, its cron text or
    /// its JSON path, escaped and cut (it comes from input).
    fn label(&self) -> String {
        let base = self
            .id
            .as_deref()
            .or(self.input.as_deref())
            .or(self.path.as_deref().filter(|p| !p.is_empty()))
            .map_or_else(|| "(document)".to_string(), |t| quote(t).to_string());
        match &self.file {
            Some(f) => format!("{f}:{base}"),
            None => base,
        }
    }
}

/// The output target when `--to` is not given: Quartz for JSON and Unix
/// input, Unix for Quartz input.
fn default_target(cron_input: bool, exprs: &[Parsed]) -> Target {
    if cron_input && !exprs.is_empty() && exprs.iter().all(|p| p.expr.dialect == Dialect::Quartz) {
        Target::Unix
    } else {
        Target::Quartz
    }
}

fn convert_unit(u: Unit, args: &ConvertArgs) -> Record {
    let label = u.label();
    let mut rec = Record {
        label,
        unit_id: u.id.clone(),
        path: u.path.clone(),
        file: u.file.clone(),
        input: u.input.clone().map(Rc::new),
        kind: u.kind,
        dialect: None,
        expressions: Vec::new(),
        schedule: None,
        timezone: u.timezone.clone(),
        notes: u.notes.clone(),
        error: None,
    };
    let crons = match u.body {
        Body::Failed(f) => {
            rec.error = Some(f);
            return rec;
        }
        Body::Crons(c) => c,
    };
    // A Watcher interval is its own simplest Watcher schedule.
    if let (Some(ConvertTo::Watcher), Some(seconds)) = (args.to, u.watcher_interval) {
        let mut v = String::new();
        formats::json::write_string(&format_interval(seconds), &mut v);
        rec.schedule = Some(format!("{{\"interval\":{v}}}"));
        // the interval note is about its cron form, which is not used here
        rec.notes.clear();
        return rec;
    }
    if let Some(e) = u.conversion_error {
        rec.error = Some(Failure::Format(Box::new(e), u.shown.clone()));
        return rec;
    }
    // an interval schedule (`@every 5m` under k8s, `rate(5 minutes)` under
    // eventbridge): not cron; written only where the target has intervals
    if let [c] = crons.as_slice() {
        if let Some(read) = c
            .choice
            .fixed()
            .and_then(|d| IntervalExpr::parse(&c.text, d))
        {
            return interval_record(rec, c, read, args);
        }
    }
    let mut parsed = Vec::with_capacity(crons.len());
    for c in &crons {
        match Parsed::parse(&c.text, c.choice) {
            Ok(p) => parsed.push(p),
            Err(d) => {
                let note = translated_cron_note(u.kind, &d);
                rec.error = Some(Failure::Parse {
                    diagnostic: Box::new(d),
                    origin: c.origin.clone(),
                    path: u.path.clone(),
                    note,
                });
                return rec;
            }
        }
    }
    let conv_failure = |error: ConvertError| Failure::Convert {
        error,
        input: Rc::new(
            crons
                .iter()
                .map(|c| c.text.trim().to_string())
                .collect::<Vec<_>>()
                .join(" + "),
        ),
        origin: crons
            .first()
            .map(|c| c.origin.clone())
            .filter(|o| o.file != "-e"),
        path: u.path.clone(),
    };
    let target = match args.to {
        Some(ConvertTo::Quartz) => Target::Quartz,
        Some(ConvertTo::Unix) => Target::Unix,
        Some(ConvertTo::Ocps) => Target::Ocps,
        Some(ConvertTo::K8s) => Target::Profile(Dialect::K8s),
        Some(ConvertTo::Github) => Target::Profile(Dialect::Github),
        Some(ConvertTo::Gitlab) => Target::Profile(Dialect::Gitlab),
        Some(ConvertTo::Eventbridge) => Target::Profile(Dialect::Eventbridge),
        Some(ConvertTo::Spring) => Target::Profile(Dialect::Spring),
        Some(ConvertTo::Watcher) => {
            let patterns: Result<Vec<Pattern>, ConvertError> =
                parsed.iter().map(|p| Pattern::from_expr(&p.expr)).collect();
            match patterns.and_then(|ps| convert::to_watcher(&ps, u.timezone.as_deref())) {
                Ok(w) => {
                    rec.dialect = Some("quartz");
                    rec.expressions = w.crons;
                    rec.schedule = Some(w.json);
                }
                Err(e) => rec.error = Some(conv_failure(e)),
            }
            return rec;
        }
        None => default_target(u.input.is_some(), &parsed),
    };
    match convert::convert(&parsed, target, args.merge) {
        Ok(Conversion { expressions, notes }) => {
            rec.dialect = Some(target.dialect_name());
            rec.expressions = expressions;
            rec.notes.extend(notes);
        }
        Err(e) => rec.error = Some(conv_failure(e)),
    }
    rec
}

/// The record of an interval schedule: the same interval in the target's own
/// syntax (`@every`, `rate(...)`, a Watcher `interval`), or the refusal, since
/// no cron expression is equivalent (see `cronkit::convert::interval`).
fn interval_record(
    mut rec: Record,
    c: &CronText,
    read: Result<IntervalExpr, Diagnostic>,
    args: &ConvertArgs,
) -> Record {
    rec.kind = Some("interval");
    let iv = match read {
        Ok(iv) => iv,
        Err(d) => {
            rec.error = Some(Failure::Parse {
                diagnostic: Box::new(d),
                origin: c.origin.clone(),
                path: rec.path.clone(),
                note: None,
            });
            return rec;
        }
    };
    let target = match args.to {
        // Watcher's `interval` counts from when the watch is activated
        Some(ConvertTo::Watcher) => {
            let mut v = String::new();
            formats::json::write_string(&format_interval(iv.seconds), &mut v);
            rec.schedule = Some(format!("{{\"interval\":{v}}}"));
            rec.notes.push(format!(
                "both count from when the schedule starts: {}; Watcher from when the watch is activated",
                iv.syntax.anchor()
            ));
            return rec;
        }
        Some(ConvertTo::Quartz) | None => Target::Quartz,
        Some(ConvertTo::Unix) => Target::Unix,
        Some(ConvertTo::Ocps) => Target::Ocps,
        Some(ConvertTo::K8s) => Target::Profile(Dialect::K8s),
        Some(ConvertTo::Github) => Target::Profile(Dialect::Github),
        Some(ConvertTo::Gitlab) => Target::Profile(Dialect::Gitlab),
        Some(ConvertTo::Eventbridge) => Target::Profile(Dialect::Eventbridge),
        Some(ConvertTo::Spring) => Target::Profile(Dialect::Spring),
    };
    match convert::interval::convert_interval(&iv, target) {
        Ok(Conversion { expressions, notes }) => {
            rec.dialect = Some(target.dialect_name());
            rec.expressions = expressions;
            rec.notes.extend(notes);
        }
        Err(error) => {
            rec.error = Some(Failure::Convert {
                error,
                input: Rc::new(iv.text.clone()),
                origin: Some(c.origin.clone()).filter(|o| o.file != "-e"),
                path: rec.path.clone(),
            })
        }
    }
    rec
}

/// A structured Watcher schedule whose cron does not parse: Elasticsearch
/// builds the same cron and rejects the watch too. Say so, and how to fix it.
fn translated_cron_note(kind: Option<&str>, d: &Diagnostic) -> Option<String> {
    let kind =
        kind.filter(|k| matches!(*k, "hourly" | "daily" | "weekly" | "monthly" | "yearly"))?;
    let mut note = format!(
        "this is the cron Elasticsearch builds from the `{kind}` schedule; its own cron parser rejects it too, so Elasticsearch refuses the watch"
    );
    if d.code == "special-day-in-list" {
        note.push_str(
            "; give \"last_day\" an entry of its own, e.g. [{\"on\": [10, 20], \"at\": \"noon\"}, {\"on\": \"last_day\", \"at\": \"noon\"}]",
        );
    }
    Some(note)
}

trait TargetName {
    fn dialect_name(self) -> &'static str;
}

impl TargetName for Target {
    fn dialect_name(self) -> &'static str {
        self.dialect().name()
    }
}

fn location(origin: &Origin, path: Option<&str>) -> String {
    let mut s = if origin.file == "-e" {
        "-e".to_string()
    } else {
        format!("{}:{}:{}", origin.file, origin.line, origin.column)
    };
    if let Some(p) = path.filter(|p| !p.is_empty()) {
        s.push_str(&format!(", {}", quote(p)));
    }
    s
}

fn print_failure(f: &Failure, color: bool) {
    let style = if color { Style::ansi() } else { Style::plain() };
    let mut s = String::new();
    match f {
        Failure::Format(e, shown) => {
            let path = if e.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", quote(&e.path))
            };
            s.push_str(&format!(
                "{}error[{}]{}: {}:{}:{}: {path}{}\n",
                style.error,
                e.kind.code(),
                style.reset,
                shown,
                e.line,
                e.column,
                sanitize::message(&e.message)
            ));
            if let Some(id) = &e.id {
                s.push_str(&format!("  = id: {}\n", quote(id)));
            }
            if let Some(v) = &e.value {
                s.push_str(&format!("  = value: {}\n", quote(v)));
            }
            if let Some(a) = &e.allowed {
                s.push_str(&format!(
                    "{}  = allowed:{} {}\n",
                    style.help,
                    style.reset,
                    sanitize::message(a)
                ));
            }
        }
        Failure::Parse {
            diagnostic,
            origin,
            path,
            note,
        } => {
            s.push_str(&diagnostic.render_with(&style));
            s.push_str(&format!("  = in: {}\n", location(origin, path.as_deref())));
            if let Some(n) = note {
                s.push_str(&format!("  = note: {}\n", sanitize::message(n)));
            }
        }
        Failure::Convert {
            error,
            input,
            origin,
            path,
        } => {
            s.push_str(&format!(
                "{}error[{}]{}: {}\n",
                style.error,
                error.code,
                style.reset,
                sanitize::message(&error.message)
            ));
            s.push_str(&format!("  = input: {}\n", quote(input)));
            if let Some(o) = origin {
                s.push_str(&format!("  = in: {}\n", location(o, path.as_deref())));
            }
            if let Some(h) = &error.help {
                s.push_str(&format!(
                    "{}  = help:{} {}\n",
                    style.help,
                    style.reset,
                    sanitize::message(h)
                ));
            }
        }
    }
    ewrite!("{s}");
}

/// One record's result lines (none for a failed record).
fn write_text(r: &Record, several: bool, out: &mut impl Write) -> io::Result<()> {
    if r.error.is_some() {
        return Ok(());
    }
    let lines: Vec<&str> = match &r.schedule {
        Some(s) => vec![s.as_str()],
        None => r.expressions.iter().map(String::as_str).collect(),
    };
    for l in lines {
        if several {
            writeln!(out, "{}\t{l}", r.label)?;
        } else {
            writeln!(out, "{l}")?;
        }
    }
    Ok(())
}

fn js(s: &str) -> String {
    sanitize::json::to_string(s)
}

fn js_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), js)
}

fn js_list(v: &[String]) -> String {
    format!(
        "[{}]",
        v.iter().map(|s| js(s)).collect::<Vec<_>>().join(",")
    )
}

fn failure_json(f: &Failure) -> String {
    match f {
        Failure::Format(e, shown) => format!(
            "{{\"code\":{},\"message\":{},\"file\":{},\"path\":{},\"line\":{},\"column\":{},\"value\":{},\"allowed\":{}}}",
            js(e.kind.code()),
            js(&e.message),
            js(shown),
            js(&e.path),
            e.line,
            e.column,
            js_opt(e.value.as_deref()),
            js_opt(e.allowed.as_deref())
        ),
        Failure::Parse {
            diagnostic, origin, ..
        } => format!(
            "{{\"code\":{},\"message\":{},\"file\":{},\"line\":{},\"column\":{},\"expression\":{},\"help\":{}}}",
            js(diagnostic.code),
            js(&diagnostic.message),
            js(&origin.file),
            origin.line,
            origin.column,
            js(&diagnostic.input),
            js_opt(diagnostic.help.as_deref())
        ),
        Failure::Convert { error, input, .. } => format!(
            "{{\"code\":{},\"message\":{},\"expression\":{},\"help\":{}}}",
            js(error.code),
            js(&error.message),
            js(input),
            js_opt(error.help.as_deref())
        ),
    }
}

/// One record as an element of the JSON output array (indented, no
/// separator).
fn record_json(r: &Record) -> String {
    let mut o = format!(
        "  {{\"id\":{},\"path\":{},",
        js_opt(r.unit_id.as_deref()),
        js_opt(r.path.as_deref())
    );
    if let Some(f) = &r.file {
        o.push_str(&format!("\"file\":{},", js(f)));
    }
    // `expr`: in every object, the cron text converted (`null` for a JSON
    // schedule, which `id`, `path` and `file` name), so with several inputs a
    // program can tell the records apart (issue #14); `input` is kept for
    // compatibility.
    match &r.input {
        Some(inp) => o.push_str(&format!("\"input\":{0},\"expr\":{0},", js(inp))),
        None => o.push_str("\"expr\":null,"),
    }
    o.push_str(&format!(
        "\"type\":{},\"dialect\":{},\"expressions\":{},",
        js_opt(r.kind),
        js_opt(r.dialect),
        js_list(&r.expressions)
    ));
    if let Some(s) = &r.schedule {
        o.push_str(&format!("\"schedule\":{s},"));
    }
    o.push_str(&format!(
        "\"timezone\":{},\"notes\":{}",
        js_opt(r.timezone.as_deref()),
        js_list(&r.notes)
    ));
    if let Some(f) = &r.error {
        o.push_str(&format!(",\"error\":{}", failure_json(f)));
    }
    o.push('}');
    o
}

/// `--spread KEY`: every cron expression given (with `-e`, or one per line in the
/// files) is moved to a time drawn from KEY; the new expressions go to stdout (text:
/// one per line; json: an array of objects), what moved and the new schedule's
/// sentence to stderr. Exit 1 when one could not be spread.
fn run_spread(args: &ConvertArgs, key: &str) -> Result<ExitCode> {
    use cronkit::convert::spread::{spread, SpreadWindow};
    use cronkit::describe::{describe, Options};

    let window = match &args.spread_window {
        Some(w) => match SpreadWindow::parse(w) {
            Ok(w) => Some(w),
            Err(e) => {
                eprintln!("error: --spread-window: {e}");
                return Ok(ExitCode::Usage);
            }
        },
        None => None,
    };
    let mut inputs: Vec<(String, String)> = Vec::new(); // (where, text)
    for e in &args.exprs {
        inputs.push(("-e".to_string(), e.clone()));
    }
    let files: Vec<String> = if args.files.is_empty() && args.exprs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect()
    };
    for name in files {
        let bytes = match read_input(&name) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {}: {e}", display_file(&name));
                return Ok(ExitCode::Usage);
            }
        };
        if is_json_input(args.from, &bytes) {
            eprintln!(
                "error: {}: --spread rewrites cron expressions; convert the schedule JSON to cron first (`cronkit convert FILE --to unix`)",
                display_file(&name)
            );
            return Ok(ExitCode::Usage);
        }
        let text = String::from_utf8_lossy(&bytes);
        for (n, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            inputs.push((format!("{}:{}", display_file(&name), n + 1), t.to_string()));
        }
    }
    let mut failed = false;
    let mut done: Vec<serde_json::Value> = Vec::new();
    let mut lines = String::new();
    for (at, text) in &inputs {
        let expr = match cronkit::Expr::parse(text, cron_choice(args.from)) {
            Ok(e) => e,
            Err(d) => {
                eprint!("{}", d.render_with(&Style::plain()));
                failed = true;
                continue;
            }
        };
        // a fresh draw for each expression: each gets the time Jenkins would give
        // its own `H` line for a job named `key`
        let result = spread(&expr, text, key, window).map(|s| {
            // the new text is cronkit's own rewrite of a valid expression; should it
            // ever not parse, say so rather than describe something else
            let sentence = match cronkit::Expr::parse(&s.expression, expr.dialect.into()) {
                Ok(e) => describe(&e, &Options::default()),
                Err(d) => format!("(does not parse: {})", d.message),
            };
            (s, sentence)
        });
        match result {
            Ok((s, sentence)) => {
                eprintln!(
                    "note: {at}: `{}` → `{}`: {}; it now reads \"{}\". This is a new schedule, not an equivalent of the old one.",
                    quote(text),
                    quote(&s.expression),
                    s.explanation,
                    quote(&sentence)
                );
                lines.push_str(&sanitize::escape(&s.expression).to_string());
                lines.push('\n');
                done.push(serde_json::json!({
                    "input": text,
                    "expr": text,
                    "key": key,
                    "window": window.map(|w| w.to_string()),
                    "expression": s.expression,
                    "dialect": expr.dialect.to_string(),
                    "description": sentence,
                    "explanation": s.explanation,
                    "equivalent": false,
                }));
            }
            Err(e) => {
                eprintln!("error: {at}: `{}`: {e}", quote(text));
                failed = true;
            }
        }
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = match args.format {
        TextOrJson::Text => out.write_all(lines.as_bytes()),
        TextOrJson::Json => {
            sanitize::json::to_writer(&mut out, &done).and_then(|()| out.write_all(b"\n"))
        }
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: writing output: {e}");
            return Ok(ExitCode::Usage);
        }
    }
    Ok(if failed {
        ExitCode::Failure
    } else {
        ExitCode::Success
    })
}
