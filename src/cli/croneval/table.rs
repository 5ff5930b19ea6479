//! The `table` format: a comfy-table with the index, the UTC time, the local time in
//! the display zone, the weekday there, the gap since the previous time and, for
//! several expressions, which one(s) fired.
//!
//! A table normally needs every row before it can size its columns. Here every
//! column's width is known in advance (timestamps have a fixed width, the gap has at
//! most two units), so the rows are rendered in blocks with those widths fixed and
//! the blocks' borders stitched together: the table streams like the other formats
//! and `-c 10000000 --format table | head` answers at once.

use std::io::{self, Write};

use comfy_table::{
    presets::UTF8_FULL_CONDENSED, ColumnConstraint, ContentArrangement, Table, Width,
};

use super::{detail, Ctx, Timeline};
use crate::cli::common::{human_gap, iso_in_zone, weekday_name};
use cronkit::Zone;

/// Rows per rendered block.
const BLOCK: usize = 512;

pub(super) fn render(ctx: &Ctx, tl: &mut Timeline, out: &mut impl Write) -> io::Result<u64> {
    if ctx.detail {
        detail::tables(ctx, out)?;
    }
    let many = ctx.sources.len() > 1;
    let mut header = vec![
        "#".to_string(),
        "UTC".to_string(),
        format!("local ({})", ctx.display_zone.name()),
        "weekday".to_string(),
        "gap".to_string(),
    ];
    if many {
        header.push("expression".to_string());
    }
    let widths = widths(ctx, &header);

    let utc = Zone::utc();
    let limit = ctx.limit();
    let mut printed = 0u64;
    let mut last: Option<i64> = None;
    let mut bottom = String::new();
    loop {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Disabled);
        let first = printed == 0;
        if first {
            table.set_header(header.clone());
        }
        let mut rows = 0;
        while rows < BLOCK && printed < limit {
            let Some(ts) = tl.next_fire() else { break };
            printed += 1;
            rows += 1;
            let mut u = Vec::with_capacity(32);
            iso_in_zone(ts, &utc, &mut u);
            let mut l = Vec::with_capacity(32);
            iso_in_zone(ts, ctx.display_zone, &mut l);
            let local_days = (ts + ctx.display_zone.offset_at(ts) as i64).div_euclid(86_400);
            let mut row = vec![
                printed.to_string(),
                String::from_utf8_lossy(&u).into_owned(),
                String::from_utf8_lossy(&l).into_owned(),
                weekday_name(local_days).to_string(),
                match last {
                    Some(p) => human_gap((ts - p).abs()),
                    None => "—".to_string(),
                },
            ];
            last = Some(ts);
            if many {
                row.push(ctx.labels(tl.fired(), "\n"));
            }
            table.add_row(row);
        }
        if rows == 0 {
            break;
        }
        table.set_constraints(
            widths
                .iter()
                .map(|w| ColumnConstraint::Absolute(Width::Fixed(*w))),
        );
        let text = table.to_string();
        let mut lines: Vec<&str> = text.lines().collect();
        // Each block is a complete table: keep its top border (and header) only for
        // the first block, and its bottom border only for the very end.
        if let Some(b) = lines.pop() {
            bottom = b.to_string();
        }
        let skip = if first { 0 } else { 1 };
        for line in &lines[skip.min(lines.len())..] {
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        if rows < BLOCK {
            break;
        }
    }
    if printed > 0 {
        writeln!(out, "{bottom}")?;
    }
    Ok(printed)
}

/// Column widths including comfy-table's one-space padding on each side.
fn widths(ctx: &Ctx, header: &[String]) -> Vec<u16> {
    let index = match ctx.count {
        Some(n) => n.to_string().len(),
        // Only --until bounds the run: at most one time a second.
        None => ctx
            .until_ts
            .map(|u| (u - ctx.from_ts).unsigned_abs().to_string().len())
            .unwrap_or(20),
    };
    // `2026-11-21T09:31:00+01:00`; a fixed offset with seconds adds `:SS`.
    let local = match ctx.display_zone.fixed_offset() {
        Some(0) => 20,
        Some(o) if o % 60 != 0 => 28,
        _ => 25,
    };
    let mut content = vec![
        index, 20, local, 3, // the longest gap has two units: `83999d 23h` (1970 to 2199)
        10,
    ];
    if header.len() > 5 {
        content.push(
            ctx.sources
                .iter()
                .map(|s| s.label.chars().count())
                .max()
                .unwrap_or(0),
        );
    }
    content
        .iter()
        .zip(header)
        .map(|(c, h)| ((*c).max(h.chars().count()) + 2).min(u16::MAX as usize) as u16)
        .collect()
}
