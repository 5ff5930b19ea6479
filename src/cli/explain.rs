//! `explain`: English descriptions of cron expressions, one line each, with the
//! field table (`--fields`) and the next fire times (`--next`) on request.
//!
//! Input streams: `-` reads one expression per line from stdin, and each
//! description is written as soon as its line is read (output is flushed whenever
//! the reader would wait for more input), so it works at the end of a pipe and on a
//! million lines alike. With `--input KIND` the arguments are documents (crontabs,
//! Watcher / OpenSearch JSON, Nuxeo XML, CI files, `-` for stdin) read by the same
//! reader layer as `validate` ([`super::documents`]); each schedule is described
//! with its source's profile, and `--next` uses its source's zone and DST
//! behaviour. When more than one expression can be described (several
//! arguments, stdin, a document) each sentence starts with its expression
//! (`0 0 * * *: At 00:00`), after `file:line: ` when it comes from a document
//! other than a list of expressions. An invalid expression prints the same
//! diagnostic as every other subcommand on stderr; the others are still
//! described, and the exit status is 1.

use std::cell::RefCell;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
use std::rc::Rc;

use anyhow::{anyhow, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, ContentArrangement, Table};
use serde::Serialize;

use cronkit::check::read::shown_name;
use cronkit::check::{Entry, IntervalEntry, Item};
use cronkit::describe::{describe_field, describe_into, Clock, Options};
use cronkit::expr::interval::{describe_period, IntervalExpr};
use cronkit::formats::detect::InputKind;
use cronkit::lint::{Platform, Severity};
use cronkit::sanitize::quote;
use cronkit::schedule::Interval;
use cronkit::{Diagnostic, DialectChoice, DstPolicy, Expr, FieldKind, Schedule, Zone};

use super::args::{ExplainArgs, TextOrJson};
use super::common::{
    finish_stdout, iso_in_zone, parse_instant, parse_zone, stderr_is_terminal, use_color,
    weekday_name,
};
use super::croneval::report;
use super::ExitCode;

/// Everything that stays the same from one expression to the next.
struct Ctx<'a> {
    args: &'a ExplainArgs,
    dialect: DialectChoice,
    options: Options,
    /// `--next`: zone, DST policy and start (seconds since the epoch).
    next: Option<(Zone, Option<DstPolicy>, i64)>,
    color_err: bool,
    /// JSON: has an element been written (for the commas of the streamed array)?
    json_started: bool,
    failed: bool,
    /// `--next` was asked for and some expression has no fire time.
    no_times: bool,
    /// A usage error found after clap (an expression split by the shell).
    usage: bool,
    /// More than one expression can be described: each sentence starts with its
    /// expression.
    several: bool,
    buf: String,
}

/// One expression to describe, and what its input says about it.
#[derive(Default)]
struct Input<'a> {
    /// Parse it with this (else `--dialect`).
    dialect: Option<DialectChoice>,
    /// Written before the sentence (`0 0 * * *: `), when there are several.
    echo: Option<String>,
    /// Where it is, for messages (`crontab:3:1`).
    at: Option<String>,
    /// The document position, for JSON.
    location: Option<JsonLocation<'a>>,
    /// The expression as its input wrote it, when what is described differs
    /// (a Jenkins line with `H`, resolved): JSON's `expr`.
    written: Option<&'a str>,
    /// The zone its source gives it (`--next` uses it unless `--tz` is given).
    zone: Option<&'a str>,
    /// Its scheduler's DST behaviour (unless `--dst` is given).
    dst: Option<DstPolicy>,
}

/// Stdout, shared by the writer and the stdin reader: a read that may wait
/// for input first flushes what is written, so answers reach a pipe as soon as
/// their line is read.
#[derive(Clone)]
struct SharedOut(Rc<RefCell<BufWriter<io::StdoutLock<'static>>>>);

impl Write for SharedOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.borrow_mut().write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.borrow_mut().flush()
    }
}

/// Stdin that flushes [`SharedOut`] before each read of the underlying pipe
/// (the reader layer's buffer asks for more only when its lines are used up).
struct FlushBeforeRead<R> {
    inner: R,
    out: SharedOut,
}

impl<R: Read> Read for FlushBeforeRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.out.flush()?;
        self.inner.read(buf)
    }
}

/// Run `explain`; returns the process exit code.
pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    // --from is "now": where --next starts, and the year before which a schedule's
    // years are past ("never fires again: 2020 is past"); --tz says how to read it
    if args.next.is_none() && args.from.is_none() && args.tz.is_some() {
        return Err(anyhow!("--tz only applies with --next N or --from T"));
    }
    let zone = match &args.tz {
        Some(z) => parse_zone(z)?,
        None => Zone::utc(),
    };
    let from = match &args.from {
        Some(f) => parse_instant(f, &zone, "--from")?,
        None => chrono::Utc::now(),
    }
    .timestamp();
    let local_days = (from + zone.offset_at(from) as i64).div_euclid(86_400);
    let now_year = cronkit::schedule::calendar::civil_from_days(local_days).0;
    let next = args
        .next
        .map(|_| (zone, args.dst.map(DstPolicy::from), from));
    let mut ctx = Ctx {
        args,
        dialect: args.dialect.into(),
        options: Options {
            clock: if args.twelve_hour {
                Clock::H12
            } else {
                Clock::H24
            },
            now_year: Some(now_year),
        },
        next,
        color_err: use_color(args.color, stderr_is_terminal()),
        json_started: false,
        failed: false,
        no_times: false,
        usage: false,
        several: false,
        buf: String::with_capacity(256),
    };
    let mut out = SharedOut(Rc::new(RefCell::new(BufWriter::with_capacity(
        1 << 16,
        io::stdout().lock(),
    ))));
    let result = run_inputs(&mut ctx, &mut out);
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::Success),
        Err(e) => return Err(anyhow!("{e}")),
    }
    finish_stdout(out.flush())?;
    Ok(if ctx.usage {
        ExitCode::Usage
    } else if ctx.failed || ctx.no_times {
        ExitCode::Failure
    } else {
        ExitCode::Success
    })
}

fn run_inputs(ctx: &mut Ctx, out: &mut SharedOut) -> io::Result<()> {
    // with --input every argument is a document
    let documents = ctx.args.input.is_some();
    if !documents {
        if let Some(split) = super::shapes::split_expression(&ctx.args.exprs, ctx.dialect) {
            ctx.usage = true;
            ewriteln!(
                "error: {}",
                super::shapes::quote_message(&split, "cronkit explain")
            );
            return Ok(());
        }
    }
    ctx.several = documents || ctx.args.exprs.len() > 1 || ctx.args.exprs.iter().any(|a| a == "-");
    if ctx.args.format == TextOrJson::Json {
        out.write_all(b"[")?;
    }
    let forced = ctx.args.input.and_then(super::documents::input_kind);
    let mut stdin_read = false;
    for text in &ctx.args.exprs {
        if text == "-" {
            if stdin_read {
                continue; // stdin can be read once; a second `-` has nothing left
            }
            stdin_read = true;
            // without --input, `-` is one expression per line
            let kind = if documents {
                forced
            } else {
                Some(InputKind::Lines)
            };
            let stdin = FlushBeforeRead {
                inner: io::stdin().lock(),
                out: out.clone(),
            };
            read_document(ctx, out, stdin, None, kind)?;
        } else if documents {
            let path = Path::new(text);
            match std::fs::File::open(path) {
                Ok(f) => read_document(ctx, out, f, Some(path), forced)?,
                Err(e) => {
                    ctx.usage = true;
                    out.flush()?;
                    ewriteln!("error: cannot read `{}`: {e}", shown_name(path));
                }
            }
        } else {
            let echo = ctx.several.then(|| format!("{}: ", quote(text)));
            let input = Input {
                echo,
                ..Input::default()
            };
            one(ctx, out, text, &input)?;
        }
    }
    if ctx.args.format == TextOrJson::Json {
        out.write_all(if ctx.json_started { b"\n]\n" } else { b"]\n" })?;
    }
    Ok(())
}

/// Describe every schedule of a document (read by the reader layer that
/// `validate` uses); its problems go to stderr, an unreadable document is a
/// usage error (exit 2), as in `validate`.
fn read_document(
    ctx: &mut Ctx,
    out: &mut SharedOut,
    raw: impl Read,
    path: Option<&Path>,
    kind: Option<InputKind>,
) -> io::Result<()> {
    use super::documents::{self as docs, DocRead as Outcome};
    let shown = path.map_or_else(|| "<stdin>".to_string(), shown_name);
    let read = docs::read_document(raw, path, kind, |item| match item {
        Item::Entry(e) => entry(ctx, out, &shown, &e),
        // warnings about the document are validate's business
        Item::Problem(p) if p.severity == Severity::Error => {
            ctx.failed = true;
            out.flush()?;
            ewrite!("{}", docs::problem_message(&shown, &p));
            Ok(())
        }
        // a fixed period: the same sentence as `@every`/`rate(...)`, counted
        // from the document's start time where it names one
        Item::Interval(i) => document_interval(ctx, out, &shown, &i),
        Item::Problem(_) | Item::Unevaluated(_) => Ok(()),
    });
    match read {
        Outcome::Done => Ok(()),
        Outcome::Skipped(why) | Outcome::Unreadable(why) => {
            ctx.usage = true;
            out.flush()?;
            ewriteln!("{}", why.trim_end());
            Ok(())
        }
        Outcome::Visit(e) => Err(e),
    }
}

/// Describe one schedule of a document.
fn entry(ctx: &mut Ctx, out: &mut SharedOut, shown: &str, e: &Entry) -> io::Result<()> {
    use super::documents as docs;
    let written = e.written();
    if e.platform == Platform::Jenkins && ctx.dialect == DialectChoice::Jenkins {
        return jenkins_one(ctx, out, written);
    }
    let input = Input {
        dialect: Some(docs::entry_dialect(e, ctx.dialect)),
        echo: Some(format!(
            "{}{}: ",
            docs::echo_prefix(shown, e),
            quote(written)
        )),
        at: Some(docs::location(shown, e)),
        location: Some(JsonLocation {
            file: shown.to_string(),
            line: e.line,
            column: e.column,
            context: e.context.as_deref(),
        }),
        written: Some(written),
        zone: e.zone.as_deref(),
        dst: e.default_dst(),
    };
    one(ctx, out, &e.text, &input)
}

/// Does Jenkins text need the jenkins reader (hashes, nicknames, several lines)?
pub(crate) fn jenkins_text(text: &str) -> bool {
    text.contains(['H', '@', '\n']) || text.trim_start().starts_with("TZ=")
}

/// A Jenkins trigger with `H`: resolved with `--hash-key`, else described by where
/// each `H` can land.
fn jenkins_one(ctx: &mut Ctx, out: &mut impl Write, text: &str) -> io::Result<()> {
    let key = ctx.args.hash_key.clone();
    let tabs = match cronkit::jenkins::resolve(text, key.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            ctx.failed = true;
            out.flush()?;
            ewriteln!("error[jenkins-syntax]: `{}`: {}", quote(text), e);
            return Ok(());
        }
    };
    for l in &tabs.lines {
        match &key {
            Some(k) => {
                let resolved = l.tab.to_jenkins();
                match Expr::parse(&resolved, DialectChoice::Jenkins) {
                    Ok(e) => match ctx.args.format {
                        TextOrJson::Text => {
                            writeln!(
                                out,
                                "`{}` for job `{}`: `{resolved}`",
                                quote(&l.text),
                                quote(k)
                            )?;
                            text_block(ctx, out, &resolved, &e, &Input::default())?;
                        }
                        TextOrJson::Json => {
                            let input = Input {
                                written: Some(&l.text),
                                ..Input::default()
                            };
                            json_item(ctx, out, &resolved, &e, &input)?;
                        }
                    },
                    Err(d) => {
                        ctx.failed = true;
                        report(&d, false, ctx.color_err);
                    }
                }
            }
            None => {
                let sentence = cronkit::jenkins::describe::describe_unresolved(&l.tab);
                match ctx.args.format {
                    TextOrJson::Text => writeln!(
                        out,
                        "{sentence} (Jenkins hashes `H` from the job's full name: pass --hash-key for its exact times)"
                    )?,
                    TextOrJson::Json => {
                        let item = serde_json::json!({
                            "expression": l.text,
                            "expr": l.text,
                            "dialect": "jenkins",
                            "description": sentence,
                            "hashed": true,
                        });
                        json_sep(ctx, out)?;
                        cronkit::sanitize::json::to_writer(&mut *out, &item)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Describe one expression (or report it).
fn one(ctx: &mut Ctx, out: &mut impl Write, text: &str, input: &Input) -> io::Result<()> {
    let dialect = input.dialect.unwrap_or(ctx.dialect);
    if dialect == DialectChoice::Jenkins && jenkins_text(text) {
        return jenkins_one(ctx, out, text);
    }
    // the profile's interval schedule (`@every 5m`, `rate(5 minutes)`)
    if let Some(read) = dialect.fixed().and_then(|d| IntervalExpr::parse(text, d)) {
        return match read {
            Ok(iv) => interval_one(ctx, out, text, &iv, input),
            Err(d) => failed(ctx, out, text, &d, input),
        };
    }
    match Expr::parse(text, dialect) {
        Ok(e) => match ctx.args.format {
            TextOrJson::Text => text_block(ctx, out, text, &e, input),
            TextOrJson::Json => json_item(ctx, out, text, &e, input),
        },
        Err(d) => failed(ctx, out, text, &d, input),
    }
}

fn failed(
    ctx: &mut Ctx,
    out: &mut impl Write,
    text: &str,
    d: &Diagnostic,
    input: &Input,
) -> io::Result<()> {
    ctx.failed = true;
    // what was written so far goes first, so stdout and stderr interleave in order
    out.flush()?;
    if let Some(at) = &input.at {
        ewriteln!("{at}:");
    }
    report(d, false, ctx.color_err);
    if ctx.args.format == TextOrJson::Json {
        json_error(ctx, out, text, d, input)?;
    }
    Ok(())
}

/// An interval schedule: "Every 5 minutes, counted from when the schedule starts".
/// It has no fields and no clock times; `--next` counts from `--from`, since the
/// platform counts from when the schedule is created, which the text does not say.
fn interval_one(
    ctx: &mut Ctx,
    out: &mut impl Write,
    text: &str,
    iv: &IntervalExpr,
    input: &Input,
) -> io::Result<()> {
    let every = Period {
        seconds: iv.seconds,
        dialect: iv.dialect.to_string(),
        start: None,
    };
    interval_item(ctx, out, text, &every, input)
}

/// An interval read from a document (a Watcher `interval`, an OpenSearch
/// `interval` job): described like `@every`, echoed with its place and name.
fn document_interval(
    ctx: &mut Ctx,
    out: &mut SharedOut,
    shown: &str,
    i: &IntervalEntry,
) -> io::Result<()> {
    let text = format!("every {}", cronkit::formats::format_interval(i.seconds));
    let name = i
        .name
        .as_deref()
        .map(|n| format!("`{}`: ", quote(n)))
        .unwrap_or_default();
    let input = Input {
        echo: Some(format!("{shown}:{}: {name}", i.line)),
        location: Some(JsonLocation {
            file: shown.to_string(),
            line: i.line,
            column: i.column,
            context: None,
        }),
        written: Some(&text),
        ..Input::default()
    };
    let every = Period {
        seconds: i.seconds,
        dialect: "interval".to_string(),
        // OpenSearch says when the count starts; a Watcher counts from the
        // watch's activation, which the document does not say (--from then)
        start: i.start_ms.map(|ms| ms.div_euclid(1000)),
    };
    interval_item(ctx, out, &text, &every, &input)
}

/// What `interval_item` needs of an interval schedule, whatever wrote it.
struct Period {
    seconds: u64,
    /// The profile it was read under, or `interval` for a document's.
    dialect: String,
    /// When the count starts (Unix seconds), where the input says.
    start: Option<i64>,
}

fn interval_item(
    ctx: &mut Ctx,
    out: &mut impl Write,
    text: &str,
    iv: &Period,
    input: &Input,
) -> io::Result<()> {
    let description = describe_period(iv.seconds);
    let times: Option<(Vec<i64>, &Zone)> = ctx.next.as_ref().map(|(zone, _, from)| {
        let every = Interval {
            period: iv.seconds as i64,
            anchor: iv.start.unwrap_or(*from),
            first: iv.start,
        };
        let mut t = *from;
        let n = usize::try_from(ctx.args.next.unwrap_or(0)).unwrap_or(usize::MAX);
        let times = std::iter::from_fn(|| {
            t = every.next_after(t)?;
            Some(t)
        })
        .take(n)
        .collect();
        (times, zone)
    });
    match ctx.args.format {
        TextOrJson::Text => {
            ctx.buf.clear();
            if let Some(echo) = &input.echo {
                ctx.buf.push_str(echo);
            }
            ctx.buf.push_str(&description);
            ctx.buf.push('\n');
            out.write_all(ctx.buf.as_bytes())?;
            if let Some((times, zone)) = &times {
                let mut line = Vec::with_capacity(64);
                for &t in times {
                    line.clear();
                    line.extend_from_slice(b"  ");
                    iso_in_zone(t, zone, &mut line);
                    line.push(b' ');
                    let local = t + zone.offset_at(t) as i64;
                    line.extend_from_slice(weekday_name(local.div_euclid(86_400)).as_bytes());
                    line.push(b'\n');
                    out.write_all(&line)?;
                }
            }
            Ok(())
        }
        TextOrJson::Json => {
            let item = JsonItem {
                expression: text,
                expr: input.written.unwrap_or(text),
                location: input.location.clone(),
                dialect: iv.dialect.clone(),
                description: &description,
                never_fires: false,
                reboot: false,
                fields: Vec::new(),
                interval_seconds: Some(iv.seconds),
                zone: times.as_ref().map(|(_, z)| z.name().to_string()),
                next: times.as_ref().map(|(ts, z)| {
                    ts.iter()
                        .map(|&t| {
                            let mut b = Vec::with_capacity(32);
                            iso_in_zone(t, z, &mut b);
                            String::from_utf8_lossy(&b).into_owned()
                        })
                        .collect()
                }),
                no_fire_times: None,
            };
            json_sep(ctx, out)?;
            cronkit::sanitize::json::to_writer(&mut *out, &item)
        }
    }
}

fn text_block(
    ctx: &mut Ctx,
    out: &mut impl Write,
    text: &str,
    e: &Expr,
    input: &Input,
) -> io::Result<()> {
    ctx.buf.clear();
    if let Some(echo) = &input.echo {
        ctx.buf.push_str(echo);
    }
    describe_into(e, &ctx.options, &mut ctx.buf);
    ctx.buf.push('\n');
    out.write_all(ctx.buf.as_bytes())?;
    if ctx.args.next.is_some() {
        let mut line = Vec::with_capacity(64);
        let listed = each_next_time(ctx, e, input, |t, zone| {
            line.clear();
            line.extend_from_slice(b"  ");
            iso_in_zone(t, zone, &mut line);
            line.push(b' ');
            let local = t + zone.offset_at(t) as i64;
            line.extend_from_slice(weekday_name(local.div_euclid(86_400)).as_bytes());
            line.push(b'\n');
            out.write_all(&line)
        })?;
        if let Err(why) = listed {
            writeln!(out, "  (no fire times: {why})")?;
        }
    }
    if ctx.args.fields {
        writeln!(out, "{}", field_table(text, e))?;
    }
    Ok(())
}

/// Visit the next `--next` fire times in order (streamed: `--next 10000000 | head`
/// stays small); `Ok(Err(why))` when there are none.
fn each_next_time(
    ctx: &mut Ctx,
    e: &Expr,
    input: &Input,
    mut visit: impl FnMut(i64, &Zone) -> io::Result<()>,
) -> io::Result<Result<(), &'static str>> {
    let n = ctx.args.next.unwrap_or(0);
    let Some((zone, dst, from)) = ctx.next.as_ref() else {
        return Ok(Ok(()));
    };
    // the zone and DST behaviour its source gives it, unless --tz / --dst say otherwise
    let own_zone = match (input.zone, &ctx.args.tz) {
        (Some(z), None) => Zone::parse(z).ok(),
        _ => None,
    };
    let zone = own_zone.as_ref().unwrap_or(zone);
    let dst = dst.or(input.dst);
    let s = Schedule::from_expr(e);
    let why = if s.is_reboot() {
        Some("@reboot runs once when cron starts, never by the clock")
    } else if s.never_fires() {
        Some("the schedule never fires")
    } else {
        let mut count = 0u64;
        for t in s
            .iter_after(*from, zone, dst.unwrap_or(e.dialect.profile().default_dst))
            .take(usize::try_from(n).unwrap_or(usize::MAX))
        {
            visit(t, zone)?;
            count += 1;
        }
        (count == 0 && n > 0).then_some("none after the start time (the schedule ends before it)")
    };
    Ok(match why {
        Some(w) => {
            ctx.no_times = true;
            Err(w)
        }
        None => Ok(()),
    })
}

/// The fields' text as written (or what a nickname stands for).
fn field_texts(text: &str, e: &Expr) -> [String; 7] {
    let expansion: Vec<&str> = e
        .nickname
        .and_then(|n| n.expansion())
        .map(|x| x.split(' ').collect())
        .unwrap_or_default();
    FieldKind::ALL.map(|kind| {
        let f = e.field(kind);
        if e.nickname.is_some() {
            // a nickname's five fields, in minute-hour-dom-month-dow order
            let i = match kind {
                FieldKind::Minute => Some(0),
                FieldKind::Hour => Some(1),
                FieldKind::DayOfMonth => Some(2),
                FieldKind::Month => Some(3),
                FieldKind::DayOfWeek => Some(4),
                _ => None,
            };
            if let Some(x) = i.and_then(|i| expansion.get(i)) {
                return format!("{x} (from {})", text.trim());
            }
            return "(not written)".to_string();
        }
        if f.implicit {
            "(not written)".to_string()
        } else {
            let mut s = f.span.slice(text).to_string();
            if kind == FieldKind::DayOfWeek && e.dow_and_prefix {
                s.insert(0, '+');
            }
            s
        }
    })
}

fn field_table(text: &str, e: &Expr) -> Table {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header(vec!["field", "text", "meaning"]);
    let texts = field_texts(text, e);
    for (kind, t) in FieldKind::ALL.iter().zip(texts) {
        table.add_row(vec![
            Cell::new(kind.name()),
            Cell::new(t),
            Cell::new(describe_field(e, *kind)),
        ]);
    }
    table
}

fn json_sep(ctx: &mut Ctx, out: &mut impl Write) -> io::Result<()> {
    out.write_all(if ctx.json_started { b",\n" } else { b"\n" })?;
    ctx.json_started = true;
    Ok(())
}

/// Where a described expression is in its document.
#[derive(Serialize, Clone)]
struct JsonLocation<'a> {
    file: String,
    line: u32,
    column: u32,
    /// What it belongs to: a watch id, a crontab command, a Nuxeo schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
}

/// One described expression, in the order a reader wants the keys.
#[derive(Serialize)]
struct JsonItem<'a> {
    expression: &'a str,
    /// The input's expression as written, in every object, so a consumer of
    /// several inputs' output can tell which is which (issue #14).
    expr: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<JsonLocation<'a>>,
    dialect: String,
    description: &'a str,
    never_fires: bool,
    reboot: bool,
    fields: Vec<JsonField>,
    /// An interval schedule's period in seconds (its `fields` are empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    interval_seconds: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    no_fire_times: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonField {
    field: &'static str,
    text: String,
    written: bool,
    meaning: String,
}

#[derive(Serialize)]
struct JsonError<'a> {
    expression: &'a str,
    expr: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<JsonLocation<'a>>,
    error: JsonErrorBody<'a>,
}

#[derive(Serialize)]
struct JsonErrorBody<'a> {
    code: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    dialect: Option<String>,
    field: Option<&'static str>,
    span: [usize; 2],
}

fn json_item(
    ctx: &mut Ctx,
    out: &mut impl Write,
    text: &str,
    e: &Expr,
    input: &Input,
) -> io::Result<()> {
    let mut description = String::with_capacity(96);
    describe_into(e, &ctx.options, &mut description);
    let fields = FieldKind::ALL
        .iter()
        .zip(field_texts(text, e))
        .map(|(kind, t)| JsonField {
            field: kind.name(),
            text: t,
            written: !e.field(*kind).implicit,
            meaning: describe_field(e, *kind),
        })
        .collect();
    let s = Schedule::from_expr(e);
    let mut item = JsonItem {
        expression: text,
        expr: input.written.unwrap_or(text),
        location: input.location.clone(),
        dialect: e.dialect.to_string(),
        description: &description,
        never_fires: s.never_fires(),
        reboot: s.is_reboot(),
        fields,
        interval_seconds: None,
        zone: None,
        next: None,
        no_fire_times: None,
    };
    if ctx.args.next.is_some() {
        let mut iso: Vec<String> = Vec::new();
        let mut zone_name = None;
        let listed = each_next_time(ctx, e, input, |t, zone| {
            if zone_name.is_none() {
                zone_name = Some(zone.name().to_string());
            }
            let mut b = Vec::with_capacity(32);
            iso_in_zone(t, zone, &mut b);
            iso.push(String::from_utf8_lossy(&b).into_owned());
            Ok(())
        })?;
        item.next = Some(iso);
        item.no_fire_times = listed.err();
        item.zone = zone_name.or_else(|| {
            input
                .zone
                .filter(|_| ctx.args.tz.is_none())
                .map(str::to_string)
                .or_else(|| ctx.next.as_ref().map(|(z, _, _)| z.name().to_string()))
        });
    }
    json_sep(ctx, out)?;
    cronkit::sanitize::json::to_writer(&mut *out, &item)
}

fn json_error(
    ctx: &mut Ctx,
    out: &mut impl Write,
    text: &str,
    d: &Diagnostic,
    input: &Input,
) -> io::Result<()> {
    let sp = d.primary_span();
    let doc = JsonError {
        expression: text,
        expr: input.written.unwrap_or(text),
        location: input.location.clone(),
        error: JsonErrorBody {
            code: d.code,
            message: &d.message,
            help: d.help.as_deref(),
            dialect: d.dialect.map(|x| x.to_string()),
            field: d.field.map(|f| f.name()),
            span: [sp.start, sp.end],
        },
    };
    json_sep(ctx, out)?;
    cronkit::sanitize::json::to_writer(&mut *out, &doc)
}
