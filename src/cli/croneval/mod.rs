//! `croneval`: the fire times of one or more cron expressions.
//!
//! The default `text` format is Elasticsearch's `elasticsearch-croneval` output, byte
//! for byte, with "now" taken from `--from`. The other formats are `iso` (one RFC 3339
//! timestamp per line), `json` (one document, shape below), `table` and `calendar`;
//! each lives in its own file.
//!
//! # Zones
//!
//! Expressions are evaluated in `--tz` (default UTC, as Elasticsearch). The formats
//! meant for people (`text`, `table`, `calendar`) show local times in the *display
//! zone*: `--tz` when given, else the system zone (`TZ`, then `/etc/localtime`), as
//! Elasticsearch does. The formats meant for programs (`iso`, `json`) depend on the
//! arguments only: their times carry the offset of `--tz` (or `Z`).
//!
//! # Streaming
//!
//! Several expressions are merged into one timeline ([`Timeline`]), computed one
//! fire time at a time. Every renderer writes as it goes: `text`, `iso` and `json`
//! a line per fire time, `table` in blocks of rows with fixed column widths,
//! `calendar` a month as soon as the month is complete. Memory stays flat for any
//! `--count`, and a reader that goes away (`| head`) ends the run quietly with
//! status 0.
//!
//! # JSON shape (stable)
//!
//! ```json
//! {"expressions":[{"text":"0 0/1 * * * ?","expr":"0 0/1 * * * ?","dialect":"quartz"}],
//!  "timezone":"UTC","dst":"shift","direction":"next",
//!  "from":"2026-11-21T08:30:00Z","until":null,"count":2,"times":[
//! {"utc":"2026-11-21T08:31:00Z","local":"2026-11-21T08:31:00Z","unix":1795249860,"expressions":[0]},
//! {"utc":"2026-11-21T08:32:00Z","local":"2026-11-21T08:32:00Z","unix":1795249920,"expressions":[0]}
//! ],"returned":2,"exhausted":false}
//! ```
//!
//! - `expressions`: the inputs in order; `text` is the expression, or its label
//!   when it comes from a document (`file:line: expr`, `watch_id: expr`); `expr`
//!   is always the expression alone (an interval's is `every 5m`); `dialect` is
//!   the profile it is read with. With
//!   `--detail` each also has `fields`: `[{"field","text","meaning"}]` (`text` is
//!   `null` for a field that was not written).
//! - `timezone`: the evaluation zone (`--tz`, default `UTC`); `dst`: the policy.
//! - `direction`: `next`, or `previous` with `--prev` (times newest first).
//! - `from`, `until`: RFC 3339 in the evaluation zone; `until` is `null` without
//!   `--until`. `count`: the number asked for, `null` when only `--until` bounds the run.
//! - `times[]`: `utc` (RFC 3339, `Z`), `local` (RFC 3339 with the evaluation zone's
//!   offset), `unix` (seconds), `expressions` (indexes into `expressions` of every
//!   expression that fires at that instant).
//! - `returned`: how many times were written; `exhausted`: `true` when the
//!   schedule ran out (no further fire time up to the end of 2199) before `count`
//!   or `until` was reached.
//!
//! # Exit status
//!
//! 0 success; 1 an invalid expression, `@reboot`, or no fire time at all; 2 a usage
//! error (bad option value). Elasticsearch exits 0 for an invalid expression; a CI
//! step needs 1, so this is the one deliberate difference.

mod calendar;
mod detail;
mod heatmap;
mod iso;
mod json;
mod table;
mod text;

use std::io::{self, BufWriter, Write};

use anyhow::{anyhow, bail, Result};
use owo_colors::OwoColorize;

use cronkit::expr::interval::IntervalExpr;
use cronkit::{Diagnostic, DstPolicy, Expr, Schedule, Zone};

use super::args::{CronevalArgs, CronevalFormat};
use super::common::{
    es_date, parse_instant, parse_zone, stderr_is_terminal, stdout_is_terminal, use_color,
};
use super::ExitCode;

/// One input of the timeline: a label (the expression text), when it fires,
/// and the zone it is read in when that is not the run's zone (a Watcher or
/// OpenSearch schedule's own `timezone`, see `--schedule`).
pub struct Source {
    pub label: String,
    /// The expression as written (the label may add a schedule's name).
    pub text: String,
    pub timing: Timing,
    pub expr: Option<Expr>,
    pub zone: Option<Zone>,
    /// The DST behaviour of the scheduler that runs it, when it is not the run's
    /// (a crontab line runs with cron's, a Nuxeo schedule with Quartz's).
    pub dst: Option<DstPolicy>,
}

/// What makes a source fire.
pub enum Timing {
    /// A cron expression.
    Cron(Schedule),
    /// A fixed period (Watcher `interval`, OpenSearch `interval`).
    Interval(Interval),
}

pub use cronkit::schedule::Interval;

impl Source {
    /// A source for a parsed cron expression. The label is shown in text,
    /// table and calendar output, so it is escaped and cut here, once.
    pub fn cron(label: String, text: String, e: Expr) -> Source {
        Source {
            label: cronkit::sanitize::quoted(&label).into_owned(),
            text,
            timing: Timing::Cron(Schedule::from_expr(&e)),
            expr: Some(e),
            zone: None,
            dst: None,
        }
    }

    /// A source for an interval schedule (`@every 5m`, `rate(5 minutes)`) counted
    /// from `anchor`: the platform counts from when the schedule is created or
    /// started, which the text does not say.
    pub fn interval(text: String, iv: &IntervalExpr, anchor: i64) -> Source {
        Source {
            label: cronkit::sanitize::quoted(&text).into_owned(),
            text,
            timing: Timing::Interval(Interval {
                // at most 1000 years (rate) or 2^63 ns (@every): fits
                period: iv.seconds as i64,
                anchor,
                first: None,
            }),
            expr: None,
            zone: None,
            dst: None,
        }
    }

    /// The compiled cron, when this is one.
    pub fn schedule(&self) -> Option<&Schedule> {
        match &self.timing {
            Timing::Cron(s) => Some(s),
            Timing::Interval(_) => None,
        }
    }

    #[inline]
    fn next_after_ts(&self, t: i64, zone: &Zone, dst: DstPolicy) -> Option<i64> {
        match &self.timing {
            Timing::Cron(s) => s.next_after_ts(
                t,
                self.zone.as_ref().unwrap_or(zone),
                self.dst.unwrap_or(dst),
            ),
            Timing::Interval(i) => i.next_after(t),
        }
    }

    #[inline]
    fn prev_before_ts(&self, t: i64, zone: &Zone, dst: DstPolicy) -> Option<i64> {
        match &self.timing {
            Timing::Cron(s) => s.prev_before_ts(
                t,
                self.zone.as_ref().unwrap_or(zone),
                self.dst.unwrap_or(dst),
            ),
            Timing::Interval(i) => i.prev_before(t),
        }
    }

    fn is_reboot(&self) -> bool {
        self.schedule().is_some_and(Schedule::is_reboot)
    }

    fn never_fires(&self) -> bool {
        self.schedule().is_some_and(Schedule::never_fires)
    }

    /// `quartz`, `unix` or `interval`.
    pub fn dialect_name(&self) -> String {
        match &self.timing {
            Timing::Cron(s) => s.dialect().to_string(),
            Timing::Interval(_) => "interval".to_string(),
        }
    }
}

/// Run `croneval`; returns the process exit code.
pub fn run(args: &CronevalArgs) -> Result<ExitCode> {
    // Usage errors first, so that a bad option is reported as such (status 2) even
    // when an expression is wrong too.
    let mut eval_zone = match &args.tz {
        Some(z) => parse_zone(z)?,
        None => Zone::utc(),
    };
    // Elasticsearch shows local times in the system zone; --tz overrides it. An
    // unreadable TZ falls back to UTC, as the C library does.
    let mut display_zone = match &args.tz {
        Some(_) => eval_zone.clone(),
        None => Zone::local().unwrap_or_else(|_| Zone::utc()),
    };
    let from = match &args.from {
        Some(f) => parse_instant(f, &eval_zone, "--from")?,
        None => chrono::Utc::now(),
    };
    let until = match &args.until {
        Some(u) => Some(parse_instant(u, &eval_zone, "--until")?),
        None => None,
    };
    if let Some(u) = until {
        if !args.prev && u <= from {
            bail!("--until: `{}` is not after the start time; with --prev, --until is the earlier bound", args.until.as_deref().unwrap_or_default());
        }
        if args.prev && u >= from {
            bail!(
                "--until: `{}` is not before the start time (with --prev the times go backwards)",
                args.until.as_deref().unwrap_or_default()
            );
        }
    }
    let color_err = use_color(args.color, stderr_is_terminal());
    // Elasticsearch's common options: accepted, and said plainly when they change nothing.
    for setting in &args.settings {
        ewriteln!(
            "note: -E {} is ignored: croneval reads no Elasticsearch settings",
            super::shapes::shown(setting)
        );
    }
    if args.verbose {
        ewriteln!("note: --verbose adds nothing to croneval's output (nor does it in Elasticsearch); --detail shows each field's meaning");
    }
    // `-` or --input: the arguments (some of them) are documents
    let documents = args.input.is_some() || args.exprs.iter().any(|a| a == "-");
    if args.schedule.is_none() && args.input.is_none() {
        if let Some(split) = super::shapes::split_expression(&args.exprs, args.dialect.into()) {
            ewriteln!(
                "{} {}",
                label_error(color_err),
                super::shapes::quote_message(&split, args.program.unwrap_or("cronkit croneval"))
            );
            return Ok(ExitCode::Usage);
        }
    }

    let loaded = match &args.schedule {
        Some(path) => Some(super::schedule_input::load(
            path,
            from.timestamp(),
            args.tz.is_some(),
            args.dst.is_some(),
            args.dialect.into(),
        )?),
        None if documents => Some(document_sources(args, from.timestamp())?),
        None => None,
    };
    let sources = match loaded {
        Some(loaded) => {
            if loaded.failed {
                return Ok(ExitCode::Failure);
            }
            // one zone for every schedule: evaluate and show times in it
            if let Some(z) = loaded.zone {
                eval_zone = z.clone();
                display_zone = z;
            }
            loaded.sources
        }
        None => match parse_sources(args, from.timestamp(), color_err) {
            Some(s) => s,
            None => return Ok(ExitCode::Failure),
        },
    };
    let Some(sources) = sources_or_failure(sources, color_err) else {
        return Ok(ExitCode::Failure);
    };
    // `--dst`, else the DST behaviour of the first expression's platform
    let dst: DstPolicy = match args.dst {
        Some(d) => d.into(),
        None => sources
            .iter()
            .find_map(|s| s.schedule())
            .map(|s| s.dialect().profile().default_dst)
            .unwrap_or_default(),
    };

    let ctx = Ctx {
        sources: &sources,
        eval_zone: &eval_zone,
        display_zone: &display_zone,
        dst,
        from_ts: from.timestamp(),
        until_ts: until.map(|u| u.timestamp()),
        count: match (args.count, until) {
            (Some(c), _) => Some(c),
            (None, Some(_)) => None,
            (None, None) => Some(10),
        },
        prev: args.prev,
        detail: args.detail,
        color: use_color(args.color, stdout_is_terminal()),
    };
    let mut timeline = Timeline::new(&sources, from, until, args.prev, &eval_zone, dst);

    if args.silent {
        // Elasticsearch's --silent prints nothing but errors: the exit status is the
        // answer. One fire time is enough to know there is one.
        if timeline.next_fire().is_none() {
            let quiet = Ctx {
                count: Some(1),
                ..ctx
            };
            ewrite!("{}", nothing_message(&quiet, &timeline, args.format));
            return Ok(ExitCode::Failure);
        }
        return Ok(ExitCode::Success);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = match args.format {
        CronevalFormat::Text => text::render(&ctx, &mut timeline, &mut out),
        CronevalFormat::Iso => iso::render(&ctx, &mut timeline, &mut out),
        CronevalFormat::Json => json::render(&ctx, &mut timeline, &mut out),
        CronevalFormat::Table => table::render(&ctx, &mut timeline, &mut out),
        CronevalFormat::Calendar => calendar::render(&ctx, &mut timeline, &mut out),
        CronevalFormat::Heatmap | CronevalFormat::HeatmapJson => {
            drop(out);
            return render_heatmap(args, &ctx);
        }
    };
    let printed = match result.and_then(|n| out.flush().map(|()| n)) {
        Ok(n) => n,
        // The reader went away (`| head`): that is how a stream ends, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::Success),
        Err(e) => return Err(anyhow!("writing output: {e}")),
    };
    if printed == 0 {
        ewrite!("{}", nothing_message(&ctx, &timeline, args.format));
        return Ok(ExitCode::Failure);
    }
    Ok(ExitCode::Success)
}

/// The heatmap formats: counts over a window rather than a list of times.
fn render_heatmap(args: &CronevalArgs, ctx: &Ctx) -> Result<ExitCode> {
    if args.prev {
        bail!("--prev does not apply to --format heatmap: the window runs forwards from --from");
    }
    if args.count.is_some() {
        bail!("--count does not apply to --format heatmap: give the window's end with --until (default: a week after --from)");
    }
    let until = ctx.until_ts.unwrap_or(ctx.from_ts + 7 * 86_400);
    if until - ctx.from_ts > cronkit::load::MAX_WINDOW_SECS {
        bail!("--until: the heatmap counts at most 400 days; give a shorter window");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = match args.format {
        CronevalFormat::HeatmapJson => heatmap::render_json(ctx, until, &mut out),
        _ => heatmap::render_text(ctx, until, &mut out),
    };
    match result.and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::Success),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::Success),
        Err(e) => Err(anyhow!("writing output: {e}")),
    }
}

/// A Jenkins trigger (`--dialect jenkins` with `H`, nicknames or several lines):
/// one source per schedule line, resolved with `--hash-key` as Jenkins resolves it.
fn jenkins_sources(
    args: &CronevalArgs,
    text: &str,
    sources: &mut Vec<Source>,
    color_err: bool,
) -> bool {
    use cronkit::sanitize::quote;
    let needs_key = text.contains(['H', '@']);
    let Some(key) = args.hash_key.as_deref().or((!needs_key).then_some("")) else {
        eprintln!(
            "{} `{}`: Jenkins picks `H` (and the @ nicknames) from the job's full name; pass --hash-key with it (e.g. --hash-key folder/job) to see the times Jenkins uses",
            label_error(color_err),
            quote(text)
        );
        return false;
    };
    let tabs = match cronkit::jenkins::resolve(text, Some(key)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{} `{}`: {e}", label_error(color_err), quote(text));
            return false;
        }
    };
    let zone = match tabs.timezone.as_deref().map(Zone::parse) {
        None => None,
        Some(Ok(z)) => Some(z),
        Some(Err(e)) => {
            eprintln!("{} `{}`: TZ= {e}", label_error(color_err), quote(text));
            return false;
        }
    };
    for l in tabs.lines {
        let resolved = l.tab.to_jenkins();
        match Expr::parse(&resolved, cronkit::DialectChoice::Jenkins) {
            Ok(e) => {
                let mut s = Source::cron(l.text.clone(), resolved, e);
                // Jenkins re-parses a nickname line without its TZ= zone
                // (CronTab.set(String, Hash)): it runs in the controller's zone
                if l.tab.nickname.is_some() && zone.is_some() {
                    eprintln!(
                        "note: `{}` runs in the Jenkins controller's own zone, not TZ= (Jenkins drops the zone for hashed nicknames); shown in --tz",
                        quote(&l.text)
                    );
                } else {
                    s.zone = zone.clone();
                }
                sources.push(s);
            }
            Err(d) => {
                report(&d, args.detail, color_err);
                return false;
            }
        }
    }
    true
}

/// The sources of arguments that name documents (`-`, or all of them with
/// `--input`), read by the reader layer `validate` uses, and of the
/// expressions among them.
fn document_sources(args: &CronevalArgs, from: i64) -> Result<super::schedule_input::Loaded> {
    use std::path::Path;
    let forced = args.input.and_then(super::documents::input_kind);
    let mut set = super::schedule_input::DocumentSources::new(
        args.dialect.into(),
        args.tz.is_some(),
        args.dst.is_some(),
        from,
    );
    let mut stdin_read = false;
    for arg in &args.exprs {
        if arg == "-" {
            if std::mem::replace(&mut stdin_read, true) {
                continue; // stdin can be read once
            }
            // without --input, `-` is one expression per line
            let kind = if args.input.is_some() {
                forced
            } else {
                Some(cronkit::formats::detect::InputKind::Lines)
            };
            set.read(io::stdin().lock(), None, kind)?;
        } else if args.input.is_some() {
            let path = Path::new(arg);
            let file = std::fs::File::open(path).map_err(|e| {
                anyhow!(
                    "cannot read `{}`: {e}",
                    cronkit::check::read::shown_name(path)
                )
            })?;
            set.read(file, Some(path), forced)?;
        } else {
            set.expression(arg);
        }
    }
    Ok(set.finish())
}

/// Parse every expression, reporting each invalid one; `None` when any failed.
fn parse_sources(args: &CronevalArgs, from_ts: i64, color_err: bool) -> Option<Vec<Source>> {
    let mut sources = Vec::with_capacity(args.exprs.len());
    let mut failed = false;
    let dialect = cronkit::DialectChoice::from(args.dialect).fixed();
    for text in &args.exprs {
        if args.dialect.0 == cronkit::DialectChoice::Jenkins && super::explain::jenkins_text(text) {
            failed |= !jenkins_sources(args, text, &mut sources, color_err);
            continue;
        }
        // the profile's interval schedule (`@every 5m`, `rate(5 minutes)`)
        match dialect.and_then(|d| IntervalExpr::parse(text, d)) {
            Some(Ok(iv)) => {
                if args.prev {
                    ewriteln!(
                        "{} `{}` is an interval schedule: it counts forwards from when it starts (--from here), so it has no times before that; --prev applies to cron expressions",
                        label_error(color_err),
                        cronkit::sanitize::quote(&iv.text)
                    );
                    failed = true;
                    continue;
                }
                // --silent: the exit status is the answer, nothing else is said
                if !args.silent {
                    ewriteln!(
                    "note: `{}` fires every {} counted from when the schedule starts ({}); the times below count from --from",
                    cronkit::sanitize::quote(&iv.text),
                    cronkit::expr::interval::period_words(iv.seconds),
                    iv.syntax.anchor()
                );
                }
                sources.push(Source::interval(text.clone(), &iv, from_ts));
                continue;
            }
            Some(Err(d)) => {
                report(&d, args.detail, color_err);
                failed = true;
                continue;
            }
            None => {}
        }
        match Expr::parse(text, args.dialect.into()) {
            Ok(e) => sources.push(Source::cron(text.clone(), text.clone(), e)),
            Err(d) => {
                report(&d, args.detail, color_err);
                failed = true;
            }
        }
    }
    (!failed).then_some(sources)
}

/// Refuse what has no fire times by the clock (`@reboot`), warn about expressions
/// that can never fire beside others that can; `None` means exit 1.
fn sources_or_failure(sources: Vec<Source>, color_err: bool) -> Option<Vec<Source>> {
    let mut refused = false;
    for s in &sources {
        if s.is_reboot() {
            ewriteln!(
                "{} `{}` runs once when cron starts; it has no fire times by the clock",
                label_error(color_err),
                s.label
            );
            refused = true;
        }
    }
    if refused {
        return None;
    }
    if sources.len() > 1 {
        for s in &sources {
            if s.never_fires() {
                let w = if color_err {
                    "warning:".yellow().bold().to_string()
                } else {
                    "warning:".to_string()
                };
                ewriteln!(
                    "{w} `{}` never fires (no date in 1970–2199 matches it); the timeline has the others' times only",
                    s.label
                );
            }
        }
    }
    Some(sources)
}

fn label_error(color: bool) -> String {
    if color {
        "error:".red().bold().to_string()
    } else {
        "error:".to_string()
    }
}

/// What to say on stderr when not a single time was printed.
///
/// The text format says it as Elasticsearch does (an empty line, then `ERROR: ...`),
/// so a script written against Elasticsearch's croneval sees the same bytes.
fn nothing_message(ctx: &Ctx, timeline: &Timeline, format: CronevalFormat) -> String {
    let date = |ts: i64| {
        let mut b = Vec::with_capacity(32);
        es_date(ts, &mut b);
        String::from_utf8_lossy(&b).into_owned()
    };
    let now = date(ctx.from_ts);
    let (these, point) = if ctx.sources.len() == 1 {
        ("the cron expression", "points")
    } else {
        ("the cron expressions", "point")
    };
    let body = match (timeline.reached_until(), ctx.prev, ctx.until_ts) {
        (true, false, Some(u)) => format!("No fire time between [{now}] and [{}]", date(u)),
        (true, true, Some(u)) => format!("No fire time between [{}] and [{now}]", date(u)),
        (_, false, _) => format!(
            "Could not compute future times since [{now}] (perhaps {these} only {point} to times in the past?)"
        ),
        (_, true, _) => format!(
            "Could not compute past times before [{now}] (perhaps {these} only {point} to times in the future?)"
        ),
    };
    if format == CronevalFormat::Text {
        format!("\nERROR: {body}\n")
    } else {
        format!("error: {body}\n")
    }
}

/// Print a parse diagnostic to stderr; `--detail` adds its code, dialect, field and
/// byte span as notes.
pub fn report(d: &Diagnostic, detail: bool, color: bool) {
    let style = if color {
        cronkit::expr::error::Style::ansi()
    } else {
        cronkit::expr::error::Style::plain()
    };
    let mut s = d.render_with(&style);
    if detail {
        s.push_str(&format!("  = code: {}\n", d.code));
        if let Some(dialect) = d.dialect {
            s.push_str(&format!("  = dialect: {dialect}\n"));
        }
        if let Some(f) = d.field {
            s.push_str(&format!("  = field: {}\n", f.name()));
        }
        let sp = d.primary_span();
        s.push_str(&format!("  = bytes: {}..{}\n", sp.start, sp.end));
    }
    ewrite!("{s}");
}

/// Everything a renderer needs besides the timeline.
pub(crate) struct Ctx<'a> {
    pub sources: &'a [Source],
    /// `--tz` or UTC: the zone the expressions are evaluated in.
    pub eval_zone: &'a Zone,
    /// `--tz` or the system zone: where people read local times.
    pub display_zone: &'a Zone,
    pub dst: DstPolicy,
    pub from_ts: i64,
    pub until_ts: Option<i64>,
    /// `None`: no limit but `--until`.
    pub count: Option<u64>,
    pub prev: bool,
    pub detail: bool,
    /// Colour on stdout.
    pub color: bool,
}

impl Ctx<'_> {
    /// The most fire times to print.
    pub fn limit(&self) -> u64 {
        self.count.unwrap_or(u64::MAX)
    }

    /// The labels of the sources that fired, one per line (table) or joined.
    pub fn labels(&self, fired: &[usize], sep: &str) -> String {
        let mut s = String::new();
        for (n, &i) in fired.iter().enumerate() {
            if n > 0 {
                s.push_str(sep);
            }
            s.push_str(&self.sources[i].label);
        }
        s
    }
}

/// The fire times of several schedules merged into one strictly ordered stream
/// (ascending, or descending with `--prev`). An instant at which several fire
/// appears once, with all of them in [`Timeline::fired`].
pub struct Timeline<'a> {
    sources: &'a [Source],
    heads: Vec<Option<i64>>,
    zone: &'a Zone,
    dst: DstPolicy,
    prev: bool,
    until: Option<i64>,
    fired: Vec<usize>,
    reached_until: bool,
}

impl<'a> Timeline<'a> {
    pub fn new(
        sources: &'a [Source],
        from: chrono::DateTime<chrono::Utc>,
        until: Option<chrono::DateTime<chrono::Utc>>,
        prev: bool,
        zone: &'a Zone,
        dst: DstPolicy,
    ) -> Self {
        // a fire at the whole second of a sub-second `from` is before it
        let from_prev = from.timestamp() + i64::from(from.timestamp_subsec_nanos() > 0);
        let heads = sources
            .iter()
            .map(|s| {
                if prev {
                    s.prev_before_ts(from_prev, zone, dst)
                } else {
                    s.next_after_ts(from.timestamp(), zone, dst)
                }
            })
            .collect();
        // `--until` is inclusive; going backwards a fractional bound rounds up so that
        // no time before it slips in.
        let until = until.map(|u| {
            if prev && u.timestamp_subsec_nanos() > 0 {
                u.timestamp() + 1
            } else {
                u.timestamp()
            }
        });
        Timeline {
            sources,
            heads,
            zone,
            dst,
            prev,
            until,
            fired: if sources.len() == 1 {
                vec![0]
            } else {
                Vec::with_capacity(sources.len())
            },
            reached_until: false,
        }
    }

    /// The next instant of the merged timeline, or `None` at its end.
    #[inline]
    pub fn next_fire(&mut self) -> Option<i64> {
        if let [head] = self.heads.as_mut_slice() {
            // One expression (the common case): no merging, `fired` stays `[0]`.
            let best = (*head)?;
            if self
                .until
                .is_some_and(|u| if self.prev { best < u } else { best > u })
            {
                self.reached_until = true;
                return None;
            }
            let s = &self.sources[0];
            *head = if self.prev {
                s.prev_before_ts(best, self.zone, self.dst)
            } else {
                s.next_after_ts(best, self.zone, self.dst)
            };
            return Some(best);
        }
        let best = if self.prev {
            self.heads.iter().flatten().copied().max()?
        } else {
            self.heads.iter().flatten().copied().min()?
        };
        if let Some(u) = self.until {
            if (!self.prev && best > u) || (self.prev && best < u) {
                self.reached_until = true;
                return None;
            }
        }
        self.fired.clear();
        for i in 0..self.heads.len() {
            if self.heads[i] == Some(best) {
                self.fired.push(i);
                let s = &self.sources[i];
                self.heads[i] = if self.prev {
                    s.prev_before_ts(best, self.zone, self.dst)
                } else {
                    s.next_after_ts(best, self.zone, self.dst)
                };
            }
        }
        Some(best)
    }

    /// Indexes of the sources that fire at the instant last returned.
    pub fn fired(&self) -> &[usize] {
        &self.fired
    }

    /// True when the stream ended at `--until` (rather than running out).
    pub fn reached_until(&self) -> bool {
        self.reached_until
    }
}

/// Write `bytes` to `out` once `buf` is nearly full: the renderers build lines in a
/// buffer of their own so that the hot loop makes no formatting calls.
#[inline]
pub(crate) fn spill(buf: &mut Vec<u8>, out: &mut impl Write) -> io::Result<()> {
    if buf.len() >= (1 << 16) - 256 {
        out.write_all(buf)?;
        buf.clear();
    }
    Ok(())
}
