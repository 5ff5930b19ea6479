//! `croneval`: fire times of one or more expressions, in Elasticsearch's text or
//! in iso / json / table / calendar form. Output streams: nothing is collected
//! except for the table and calendar renderers, which need to see every row.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};

use anyhow::{anyhow, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, ContentArrangement, Table};

use cronkit::schedule::calendar::{days_in_month, weekday_from_days, Civil};
use cronkit::{Diagnostic, DstPolicy, Expr, FieldKind, Schedule, Zone};

use super::args::{CronevalArgs, CronevalFormat};
use super::common::{
    es_date, finish_stdout, human_gap, iso_in_zone, month_name, offset_hhmm, parse_instant,
    parse_zone, stderr_is_terminal, stdout_is_terminal, use_color, weekday_name,
};
use super::ExitCode;

/// One input of the timeline: a label (the expression text) and its schedule.
pub struct Source {
    pub label: String,
    pub schedule: Schedule,
    pub expr: Option<Expr>,
}

/// Run `croneval`; returns the process exit code.
pub fn run(args: &CronevalArgs) -> Result<ExitCode> {
    let eval_zone = match &args.tz {
        Some(z) => parse_zone(z)?,
        None => Zone::utc(),
    };
    // Elasticsearch shows local times in the system zone; --tz overrides it.
    let display_zone = match &args.tz {
        Some(_) => eval_zone.clone(),
        None => Zone::local().unwrap_or_else(|_| Zone::utc()),
    };
    let dst: DstPolicy = args.dst.into();
    let color_err = use_color(args.color, stderr_is_terminal());

    let sources = match &args.schedule {
        Some(path) => super::schedule_input::load(path, args.dialect.into())?,
        None => {
            let mut sources = Vec::new();
            let mut failed = false;
            for text in &args.exprs {
                match Expr::parse(text, args.dialect.into()) {
                    Ok(e) => sources.push(Source {
                        label: text.clone(),
                        schedule: Schedule::from_expr(&e),
                        expr: Some(e),
                    }),
                    Err(d) => {
                        report(&d, args.detail, color_err);
                        failed = true;
                    }
                }
            }
            if failed {
                return Ok(ExitCode::Failure);
            }
            sources
        }
    };

    let from = match &args.from {
        Some(f) => parse_instant(f, &eval_zone, "--from")?,
        None => chrono::Utc::now(),
    };
    let until = match &args.until {
        Some(u) => Some(parse_instant(u, &eval_zone, "--until")?),
        None => None,
    };
    let count = match (args.count, until) {
        (Some(c), _) => c,
        (None, Some(_)) => u64::MAX,
        (None, None) => 10,
    };

    if sources.iter().all(|s| s.schedule.is_reboot()) {
        eprintln!("@reboot runs once when cron starts: it has no fire times by the clock");
        return Ok(ExitCode::Failure);
    }

    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let timeline = Timeline::new(&sources, from, until, args.prev, &eval_zone, dst);
    let ctx = Ctx {
        args,
        sources: &sources,
        eval_zone: &eval_zone,
        display_zone: &display_zone,
        dst,
        from_ts: from.timestamp(),
        count,
        color: use_color(args.color, stdout_is_terminal()),
    };
    let result = match args.format {
        CronevalFormat::Text => render_text(&ctx, timeline, &mut out),
        CronevalFormat::Iso => render_iso(&ctx, timeline, &mut out),
        CronevalFormat::Json => render_json(&ctx, timeline, &mut out),
        CronevalFormat::Table => render_table(&ctx, timeline, &mut out),
        CronevalFormat::Calendar => render_calendar(&ctx, timeline, &mut out),
    };
    let printed = match result {
        Ok(n) => n,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::Success),
        Err(e) => return Err(anyhow!("writing output: {e}")),
    };
    finish_stdout(out.flush())?;
    if printed == 0 {
        let mut when = Vec::new();
        es_date(from.timestamp(), &mut when);
        let when = String::from_utf8_lossy(&when);
        if args.prev {
            eprintln!("Could not compute past times before [{when}] (perhaps the cron expression only points to times in the future?)");
        } else {
            eprintln!("Could not compute future times since [{when}] (perhaps the cron expression only points to times in the past?)");
        }
        return Ok(ExitCode::Failure);
    }
    Ok(ExitCode::Success)
}

/// Print a parse diagnostic to stderr (the rendered form, plus dialect with --detail).
pub fn report(d: &Diagnostic, detail: bool, color: bool) {
    let style = if color {
        cronkit::expr::error::Style::ansi()
    } else {
        cronkit::expr::error::Style::plain()
    };
    let mut s = d.render_with(&style);
    if detail {
        if let Some(dialect) = d.dialect {
            s.push_str(&format!("  = dialect: {dialect}\n"));
        }
        if let Some(f) = d.field {
            s.push_str(&format!("  = field: {}\n", f.name()));
        }
        let sp = d.primary_span();
        s.push_str(&format!("  = bytes: {}..{}\n", sp.start, sp.end));
    }
    eprint!("{s}");
}

struct Ctx<'a> {
    args: &'a CronevalArgs,
    sources: &'a [Source],
    eval_zone: &'a Zone,
    display_zone: &'a Zone,
    dst: DstPolicy,
    from_ts: i64,
    count: u64,
    color: bool,
}

/// Fire times of several schedules merged into one strictly ordered stream.
pub struct Timeline<'a> {
    sources: &'a [Source],
    heads: Vec<Option<i64>>,
    zone: &'a Zone,
    dst: DstPolicy,
    prev: bool,
    until: Option<i64>,
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
        let mut t = Timeline {
            sources,
            heads: Vec::with_capacity(sources.len()),
            zone,
            dst,
            prev,
            until: until.map(|u| u.timestamp()),
        };
        for s in sources {
            let h = if prev {
                s.schedule
                    .prev_before(from, zone, dst)
                    .map(|d| d.timestamp())
            } else {
                s.schedule
                    .next_after(from, zone, dst)
                    .map(|d| d.timestamp())
            };
            t.heads.push(h);
        }
        t
    }

    fn step(&self, i: usize, t: i64) -> Option<i64> {
        if self.prev {
            self.sources[i]
                .schedule
                .prev_before_ts(t, self.zone, self.dst)
        } else {
            self.sources[i]
                .schedule
                .next_after_ts(t, self.zone, self.dst)
        }
    }
}

/// One instant of the merged timeline and which sources fire then (bit i = source i;
/// sources past 64 are folded into bit 63).
#[derive(Clone, Copy, Debug)]
pub struct Fire {
    pub ts: i64,
    pub which: u64,
}

impl Iterator for Timeline<'_> {
    type Item = Fire;
    fn next(&mut self) -> Option<Fire> {
        let best = if self.prev {
            self.heads.iter().flatten().copied().max()?
        } else {
            self.heads.iter().flatten().copied().min()?
        };
        if let Some(u) = self.until {
            if (!self.prev && best > u) || (self.prev && best < u) {
                return None;
            }
        }
        let mut which = 0u64;
        for i in 0..self.heads.len() {
            if self.heads[i] == Some(best) {
                which |= 1 << i.min(63);
                self.heads[i] = self.step(i, best);
            }
        }
        Some(Fire { ts: best, which })
    }
}

fn labels(ctx: &Ctx, which: u64) -> String {
    ctx.sources
        .iter()
        .enumerate()
        .filter(|(i, _)| which >> (*i).min(63) & 1 == 1)
        .map(|(_, s)| s.label.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn detail_table(ctx: &Ctx, out: &mut impl Write) -> io::Result<()> {
    for s in ctx.sources {
        let Some(e) = &s.expr else { continue };
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.set_header(vec!["field", "text", "meaning"]);
        for kind in FieldKind::ALL {
            let f = e.field(kind);
            let text = if f.implicit {
                "(not written)".to_string()
            } else {
                f.span.slice(&s.label).to_string()
            };
            table.add_row(vec![
                Cell::new(kind.name()),
                Cell::new(text),
                Cell::new(cronkit::describe::describe_field(e, kind)),
            ]);
        }
        writeln!(out, "{} ({} dialect)", s.label, e.dialect)?;
        writeln!(out, "{table}")?;
    }
    Ok(())
}

fn render_text(ctx: &Ctx, timeline: Timeline, out: &mut impl Write) -> io::Result<u64> {
    let utc_display = ctx.display_zone.is_utc();
    let mut line = Vec::with_capacity(128);
    if ctx.args.detail {
        detail_table(ctx, out)?;
    }
    out.write_all(b"Valid!\n")?;
    line.extend_from_slice(b"Now is [");
    es_date(ctx.from_ts, &mut line);
    line.extend_from_slice(b"] in UTC");
    if !utc_display {
        line.extend_from_slice(b", local time is [");
        local_es(ctx.from_ts, ctx.display_zone, &mut line);
        line.push(b']');
    }
    line.push(b'\n');
    out.write_all(&line)?;
    let what = if ctx.sources.len() == 1 {
        "this cron expression"
    } else {
        "these cron expressions"
    };
    let n = if ctx.count == u64::MAX {
        "".to_string()
    } else {
        format!("{} ", ctx.count)
    };
    if ctx.args.prev {
        writeln!(out, "Here are the previous {n}times {what} triggered:")?;
    } else {
        writeln!(out, "Here are the next {n}times {what} will trigger:")?;
    }
    let mut printed = 0u64;
    for fire in timeline.take(ctx.count.min(usize::MAX as u64) as usize) {
        printed += 1;
        line.clear();
        let _ = write!(line, "{printed}.\t");
        es_date(fire.ts, &mut line);
        if ctx.sources.len() > 1 {
            let _ = write!(line, "\t{}", labels(ctx, fire.which));
        }
        line.push(b'\n');
        if !utc_display {
            line.push(b'\t');
            local_es(fire.ts, ctx.display_zone, &mut line);
            line.push(b'\n');
        }
        out.write_all(&line)?;
    }
    Ok(printed)
}

/// `EEE, d MMM yyyy HH:mm:ss Z` on the display zone's wall clock.
fn local_es(ts: i64, zone: &Zone, out: &mut Vec<u8>) {
    let off = zone.offset_at(ts);
    es_date(ts + off as i64, out);
    out.push(b' ');
    offset_hhmm(off, out);
}

fn render_iso(ctx: &Ctx, timeline: Timeline, out: &mut impl Write) -> io::Result<u64> {
    let mut buf = Vec::with_capacity(1 << 16);
    let mut printed = 0u64;
    for fire in timeline.take(ctx.count.min(usize::MAX as u64) as usize) {
        iso_in_zone(fire.ts, ctx.eval_zone, &mut buf);
        buf.push(b'\n');
        printed += 1;
        if buf.len() > (1 << 16) - 64 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    Ok(printed)
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

fn render_json(ctx: &Ctx, timeline: Timeline, out: &mut impl Write) -> io::Result<u64> {
    let exprs: Vec<String> = ctx.sources.iter().map(|s| json_str(&s.label)).collect();
    let dialects: Vec<String> = ctx
        .sources
        .iter()
        .map(|s| json_str(&s.schedule.dialect().to_string()))
        .collect();
    let mut from = Vec::new();
    iso_in_zone(ctx.from_ts, ctx.eval_zone, &mut from);
    write!(
        out,
        "{{\"expressions\":[{}],\"dialects\":[{}],\"timezone\":{},\"dst\":{},\"from\":\"{}\",\"direction\":\"{}\",\"requested\":{},\"times\":[",
        exprs.join(","),
        dialects.join(","),
        json_str(ctx.eval_zone.name()),
        json_str(ctx.dst.name()),
        String::from_utf8_lossy(&from),
        if ctx.args.prev { "previous" } else { "next" },
        if ctx.count == u64::MAX { "null".to_string() } else { ctx.count.to_string() },
    )?;
    let mut printed = 0u64;
    let mut buf = Vec::with_capacity(256);
    let mut iter = timeline.take(ctx.count.min(usize::MAX as u64) as usize);
    for fire in iter.by_ref() {
        buf.clear();
        if printed > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"\n{\"utc\":\"");
        iso_in_zone(fire.ts, &Zone::utc(), &mut buf);
        buf.extend_from_slice(b"\",\"local\":\"");
        iso_in_zone(fire.ts, ctx.eval_zone, &mut buf);
        buf.extend_from_slice(b"\",\"unix\":");
        let _ = write!(buf, "{}", fire.ts);
        buf.extend_from_slice(b",\"expressions\":[");
        let idx: Vec<String> = (0..ctx.sources.len())
            .filter(|i| fire.which >> (*i).min(63) & 1 == 1)
            .map(|i| i.to_string())
            .collect();
        buf.extend_from_slice(idx.join(",").as_bytes());
        buf.extend_from_slice(b"]}");
        out.write_all(&buf)?;
        printed += 1;
    }
    // ran out: fewer times than asked exist
    let exhausted = printed < ctx.count && ctx.args.until.is_none();
    writeln!(
        out,
        "\n],\"returned\":{printed},\"exhausted\":{exhausted}}}"
    )?;
    Ok(printed)
}

fn render_table(ctx: &Ctx, timeline: Timeline, out: &mut impl Write) -> io::Result<u64> {
    if ctx.args.detail {
        detail_table(ctx, out)?;
    }
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    let mut header = vec![
        "#".to_string(),
        "UTC".to_string(),
        format!("local ({})", ctx.eval_zone.name()),
        "weekday".to_string(),
        "gap".to_string(),
    ];
    let many = ctx.sources.len() > 1;
    if many {
        header.push("expression".to_string());
    }
    table.set_header(header);
    let mut last: Option<i64> = None;
    let mut printed = 0u64;
    for fire in timeline.take(ctx.count.min(usize::MAX as u64) as usize) {
        printed += 1;
        let mut utc = Vec::new();
        iso_in_zone(fire.ts, &Zone::utc(), &mut utc);
        let mut local = Vec::new();
        iso_in_zone(fire.ts, ctx.eval_zone, &mut local);
        let local_days = (fire.ts + ctx.eval_zone.offset_at(fire.ts) as i64).div_euclid(86_400);
        let gap = match last {
            Some(l) => human_gap((fire.ts - l).abs()),
            None => "—".to_string(),
        };
        last = Some(fire.ts);
        let mut row = vec![
            printed.to_string(),
            String::from_utf8_lossy(&utc).into_owned(),
            String::from_utf8_lossy(&local).into_owned(),
            weekday_name(local_days).to_string(),
            gap,
        ];
        if many {
            row.push(labels(ctx, fire.which));
        }
        table.add_row(row);
    }
    if printed > 0 {
        writeln!(out, "{table}")?;
    }
    Ok(printed)
}

fn render_calendar(ctx: &Ctx, timeline: Timeline, out: &mut impl Write) -> io::Result<u64> {
    // fires per local day, by month
    let mut per_day: BTreeMap<(i32, u32), BTreeMap<u32, u64>> = BTreeMap::new();
    let mut printed = 0u64;
    for fire in timeline.take(ctx.count.min(usize::MAX as u64) as usize) {
        printed += 1;
        let c = Civil::from_secs(fire.ts + ctx.eval_zone.offset_at(fire.ts) as i64);
        *per_day
            .entry((c.year, c.month))
            .or_default()
            .entry(c.day)
            .or_default() += 1;
    }
    let (hl, reset) = if ctx.color {
        ("\x1b[7m", "\x1b[0m")
    } else {
        ("", "")
    };
    for ((y, m), days) in &per_day {
        let title = format!("{} {}", full_month(*m), y);
        writeln!(out, "{:^27}", title)?;
        writeln!(out, " Su  Mo  Tu  We  Th  Fr  Sa")?;
        let first = weekday_from_days(cronkit::schedule::calendar::days_from_civil(*y, *m, 1));
        let len = days_in_month(*y, *m);
        let mut line = "    ".repeat(first as usize);
        for d in 1..=len {
            let cell = if days.contains_key(&d) {
                if ctx.color {
                    format!(" {hl}{d:>2}{reset} ")
                } else {
                    format!("[{d:>2}]")
                }
            } else {
                format!(" {d:>2} ")
            };
            line.push_str(&cell);
            if (first + d) % 7 == 0 || d == len {
                writeln!(out, "{}", line.trim_end())?;
                line.clear();
            }
        }
        let total: u64 = days.values().sum();
        let counts: Vec<String> = days.iter().map(|(d, n)| format!("{d}×{n}")).collect();
        writeln!(
            out,
            "{} {}: {} fire time{} on {} day{}: {}",
            month_name(*m),
            y,
            total,
            if total == 1 { "" } else { "s" },
            days.len(),
            if days.len() == 1 { "" } else { "s" },
            counts.join(" ")
        )?;
        writeln!(out)?;
    }
    Ok(printed)
}

fn full_month(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m as usize).clamp(1, 12) - 1]
}
