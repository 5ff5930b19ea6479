//! The `heatmap` and `heatmap-json` formats: when do all the given schedules fire,
//! together? A weekday × hour grid and a minute-of-hour strip of fire counts over a
//! window (a week from `--from` unless `--until` says otherwise), drawn in the
//! evaluation zone (`--tz`, default UTC), and the busiest minutes with the schedules
//! that fire in them. The counting is the library's ([`cronkit::load`]).
//!
//! Drawing: Unicode shading (`·░▒▓█`, and `▁`…`█` in the strip) with colour when
//! colour is on (`--color`, `NO_COLOR`); plain ASCII (`.-+*#`) when the locale
//! (`LC_ALL`, `LC_CTYPE`, `LANG`, the first one set) is not UTF-8.

use std::io::{self, Write};

use owo_colors::OwoColorize;
use serde::Serialize;

use super::{Ctx, Source, Timing};
use crate::cli::common::iso_in_zone;
use cronkit::load::{fires_in_minute, LoadCounter, LoadReport, WEEKDAYS};
use cronkit::schedule::calendar::Civil;

/// How many busiest minutes are listed.
const TOP: usize = 5;
/// How many schedule names are listed for one busy minute.
const NAMES: usize = 5;

/// Count every source over `(from, until]`.
pub(super) fn count(
    ctx: &Ctx,
    until: i64,
) -> Result<(LoadCounter, Vec<u64>), cronkit::load::LoadError> {
    let mut load = LoadCounter::new(ctx.from_ts, until, ctx.eval_zone.clone())?;
    let per_source = ctx
        .sources
        .iter()
        .map(|s| match &s.timing {
            Timing::Cron(c) => {
                load.add_schedule(c, s.zone.as_ref().unwrap_or(ctx.eval_zone), ctx.dst)
            }
            Timing::Interval(i) => load.add_times(|t| i.next_after(t)),
        })
        .collect();
    Ok((load, per_source))
}

/// Which sources fire in the minute starting at `start`.
fn firing(ctx: &Ctx, start: i64) -> Vec<usize> {
    ctx.sources
        .iter()
        .enumerate()
        .filter(|(_, s)| match &s.timing {
            Timing::Cron(c) => {
                fires_in_minute(c, s.zone.as_ref().unwrap_or(ctx.eval_zone), ctx.dst, start)
            }
            Timing::Interval(i) => i.next_after(start - 1).is_some_and(|t| t < start + 60),
        })
        .map(|(i, _)| i)
        .collect()
}

/// Glyphs for levels 0 (nothing) to 4 (the busiest quarter).
struct Glyphs {
    cells: [&'static str; 5],
    /// between the ends of a count range in the legend
    dash: &'static str,
    strip: &'static [&'static str],
}

const UNICODE: Glyphs = Glyphs {
    cells: ["·", "░", "▒", "▓", "█"],
    dash: "–",
    strip: &["·", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
};
const ASCII: Glyphs = Glyphs {
    cells: [".", "-", "+", "*", "#"],
    dash: "..",
    strip: &[".", "-", "-", "+", "+", "*", "*", "#", "#"],
};

/// Whether the terminal's locale can show Unicode: the first of `LC_ALL`,
/// `LC_CTYPE`, `LANG` that is set decides; none set → yes.
fn unicode_locale() -> bool {
    for var in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                let v = v.to_ascii_lowercase();
                return v.contains("utf-8") || v.contains("utf8");
            }
        }
    }
    true
}

/// Level 1–`levels` of a non-zero count against the maximum (0 for zero).
fn level(count: u64, max: u64, levels: u64) -> usize {
    if count == 0 || max == 0 {
        0
    } else {
        (count * levels).div_ceil(max).clamp(1, levels) as usize
    }
}

fn paint(glyph: &str, level: usize, color: bool) -> String {
    if !color || level == 0 {
        return glyph.to_string();
    }
    match level {
        1 => glyph.green().to_string(),
        2 => glyph.yellow().to_string(),
        3 => glyph.red().to_string(),
        _ => glyph.bright_magenta().bold().to_string(),
    }
}

/// `Mon 23 Nov 2026 00:00` for an instant, in the evaluation zone.
fn local_minute(ctx: &Ctx, ts: i64) -> String {
    let local = ts + ctx.eval_zone.offset_at(ts) as i64;
    let c = Civil::from_secs(local);
    let wd = WEEKDAYS[((cronkit::schedule::calendar::weekday_from_days(local.div_euclid(86_400))
        + 6)
        % 7) as usize];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{wd} {} {} {} {:02}:{:02}",
        c.day,
        MONTHS[(c.month - 1) as usize],
        c.year,
        c.hour,
        c.minute
    )
}

/// A schedule's label made safe to print (the shared sanitiser: control
/// characters escaped, no workflow command, long text cut).
fn clean(label: &str) -> String {
    cronkit::sanitize::quote(label).to_string()
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) fn render_text(ctx: &Ctx, until: i64, out: &mut impl Write) -> io::Result<u64> {
    let (load, _) = match count(ctx, until) {
        Ok(c) => c,
        Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidInput, e.to_string())),
    };
    let report = load.report(TOP);
    let g = if unicode_locale() { &UNICODE } else { &ASCII };
    let color = ctx.color;
    writeln!(
        out,
        "Fires from {} to {} ({}): {}, {}",
        local_minute(ctx, ctx.from_ts),
        local_minute(ctx, until),
        clean(ctx.eval_zone.name()),
        plural(report.sources as u64, "schedule", "schedules"),
        plural(report.total_fires, "fire", "fires"),
    )?;
    writeln!(out)?;
    write_grid(&report, g, color, out)?;
    writeln!(out)?;
    write_strip(&report, g, color, out)?;
    writeln!(out)?;
    write_busiest(ctx, &report, out)?;
    Ok(report.total_fires.max(1))
}

fn write_grid(r: &LoadReport, g: &Glyphs, color: bool, out: &mut impl Write) -> io::Result<()> {
    let max = r.grid.iter().flatten().copied().max().unwrap_or(0);
    let mut header = String::from("hour ");
    for h in (0..24).step_by(3) {
        header.push_str(&format!("{h:<6}"));
    }
    writeln!(out, "{}", header.trim_end())?;
    for (row, name) in r.grid.iter().zip(WEEKDAYS) {
        let mut line = format!("{name}  ");
        for &c in row {
            let l = level(c, max, 4);
            let cell = g.cells[l];
            line.push_str(&paint(&format!("{cell}{cell}"), l, color));
        }
        let total: u64 = row.iter().sum();
        writeln!(out, "{line}  {total}")?;
    }
    // the legend: which counts each shade stands for
    let mut legend = format!("     {} 0", g.cells[0]);
    for l in 1..=4u64 {
        let lo = (l - 1) * max / 4 + 1;
        let hi = l * max / 4;
        if max == 0 || lo > hi {
            continue;
        }
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}{}{hi}", g.dash)
        };
        legend.push_str(&format!(
            "  {} {range}",
            paint(g.cells[l as usize], l as usize, color)
        ));
    }
    writeln!(out, "{legend}  (fires per hour cell)")
}

fn write_strip(r: &LoadReport, g: &Glyphs, color: bool, out: &mut impl Write) -> io::Result<()> {
    let max = r.minutes.iter().copied().max().unwrap_or(0);
    writeln!(
        out,
        "minute of the hour (all hours together; busiest minute {max} fires)"
    )?;
    let mut header = String::from("     ");
    for m in (0..60).step_by(10) {
        header.push_str(&format!("{m:<10}"));
    }
    writeln!(out, "{}", header.trim_end())?;
    let levels = (g.strip.len() - 1) as u64;
    let mut line = String::from("     ");
    for &c in &r.minutes {
        let l = level(c, max, levels);
        // colour by the same four bands as the grid
        line.push_str(&paint(g.strip[l], level(c, max, 4), color));
    }
    writeln!(out, "{line}")
}

fn write_busiest(ctx: &Ctx, r: &LoadReport, out: &mut impl Write) -> io::Result<()> {
    if r.busiest.is_empty() {
        return writeln!(out, "no fire time in this window");
    }
    writeln!(out, "busiest minutes:")?;
    for b in &r.busiest {
        let who = firing(ctx, b.start);
        let mut names: Vec<String> = who
            .iter()
            .take(NAMES)
            .map(|&i| clean(&ctx.sources[i].label))
            .collect();
        if who.len() > NAMES {
            names.push(format!("and {} more", who.len() - NAMES));
        }
        writeln!(
            out,
            "  {}  {}, {}: {}",
            local_minute(ctx, b.start),
            plural(b.fires as u64, "fire", "fires"),
            plural(b.schedules as u64, "schedule", "schedules"),
            names.join(", ")
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Doc<'a> {
    timezone: &'a str,
    dst: &'static str,
    from: String,
    until: String,
    schedules: Vec<ScheduleDoc<'a>>,
    total_fires: u64,
    grid: GridDoc,
    minutes: Vec<u64>,
    busiest: Vec<BusyDoc>,
}

#[derive(Serialize)]
struct ScheduleDoc<'a> {
    text: &'a str,
    dialect: String,
    fires: u64,
}

#[derive(Serialize)]
struct GridDoc {
    rows: [&'static str; 7],
    counts: Vec<Vec<u64>>,
}

#[derive(Serialize)]
struct BusyDoc {
    utc: String,
    local: String,
    fires: u32,
    schedules: Vec<usize>,
}

pub(super) fn render_json(ctx: &Ctx, until: i64, out: &mut impl Write) -> io::Result<u64> {
    let (load, per_source) = match count(ctx, until) {
        Ok(c) => c,
        Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidInput, e.to_string())),
    };
    let report = load.report(TOP);
    let iso = |ts: i64, zone: &cronkit::Zone| {
        let mut b = Vec::with_capacity(32);
        iso_in_zone(ts, zone, &mut b);
        String::from_utf8_lossy(&b).into_owned()
    };
    let doc = Doc {
        timezone: ctx.eval_zone.name(),
        dst: ctx.dst.name(),
        from: iso(ctx.from_ts, ctx.eval_zone),
        until: iso(until, ctx.eval_zone),
        schedules: ctx
            .sources
            .iter()
            .zip(per_source)
            .map(|(s, fires): (&Source, u64)| ScheduleDoc {
                text: &s.label,
                dialect: s.dialect_name(),
                fires,
            })
            .collect(),
        total_fires: report.total_fires,
        grid: GridDoc {
            rows: WEEKDAYS,
            counts: report.grid.iter().map(|r| r.to_vec()).collect(),
        },
        minutes: report.minutes.to_vec(),
        busiest: report
            .busiest
            .iter()
            .map(|b| BusyDoc {
                utc: iso(b.start, &cronkit::Zone::utc()),
                local: iso(b.start, ctx.eval_zone),
                fires: b.fires,
                schedules: firing(ctx, b.start),
            })
            .collect(),
    };
    cronkit::sanitize::json::to_writer(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(report.total_fires.max(1))
}
