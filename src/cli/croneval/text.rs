//! The `text` format: Elasticsearch's croneval output, byte for byte.
//!
//! ```text
//! Valid!
//! Now is [Sat, 21 Nov 2026 08:30:00] in UTC
//! Here are the next 10 times this cron expression will trigger:
//! 1.<TAB>Sat, 21 Nov 2026 08:31:00
//! ```
//!
//! (`<TAB>` is a tab character.) When the display zone is not UTC the second line
//! ends with `, local time is [<local>]` and every time is followed by a line
//! `<TAB><local>`, the local form being `EEE, d MMM yyyy HH:mm:ss Z`
//! (`Sat, 21 Nov 2026 09:31:00 +0100`). What Elasticsearch cannot do is worded in the
//! same style: `--prev` (`Here are the previous 10 times this cron expression
//! triggered:`), `--until` (`... will trigger until [<date>]:`) and several
//! expressions (`these cron expressions`, and the expression(s) that fire after a
//! tab on each time's line).

use std::io::{self, Write};

use owo_colors::OwoColorize;

use cronkit::Zone;

use super::{detail, spill, Ctx, Timeline};
use crate::cli::common::{es_date, offset_hhmm};

pub(super) fn render(ctx: &Ctx, tl: &mut Timeline, out: &mut impl Write) -> io::Result<u64> {
    let utc_display = ctx.display_zone.is_utc();
    if ctx.detail {
        detail::tables(ctx, out)?;
    }
    if ctx.color {
        writeln!(out, "{}", "Valid!".green().bold())?;
    } else {
        out.write_all(b"Valid!\n")?;
    }
    let mut buf = Vec::with_capacity(1 << 16);
    buf.extend_from_slice(b"Now is [");
    es_date(ctx.from_ts, &mut buf);
    buf.extend_from_slice(b"] in UTC");
    if !utc_display {
        buf.extend_from_slice(b", local time is [");
        local_es(ctx.from_ts, ctx.display_zone, &mut buf);
        buf.push(b']');
    }
    buf.push(b'\n');
    buf.extend_from_slice(header(ctx).as_bytes());

    let many = ctx.sources.len() > 1;
    let limit = ctx.limit();
    let mut printed = 0u64;
    while printed < limit {
        let Some(ts) = tl.next_fire() else { break };
        printed += 1;
        push_u64(printed, &mut buf);
        buf.extend_from_slice(b".\t");
        es_date(ts, &mut buf);
        if many {
            buf.push(b'\t');
            buf.extend_from_slice(ctx.labels(tl.fired(), " | ").as_bytes());
        }
        buf.push(b'\n');
        if !utc_display {
            buf.push(b'\t');
            local_es(ts, ctx.display_zone, &mut buf);
            buf.push(b'\n');
        }
        spill(&mut buf, out)?;
    }
    out.write_all(&buf)?;
    Ok(printed)
}

/// The third line: Elasticsearch's words when Elasticsearch could have printed it.
fn header(ctx: &Ctx) -> String {
    let what = if ctx.sources.len() == 1 {
        "this cron expression"
    } else {
        "these cron expressions"
    };
    let until = match ctx.until_ts {
        Some(u) => {
            let mut b = Vec::new();
            es_date(u, &mut b);
            let word = if ctx.prev { "since" } else { "until" };
            format!(" {word} [{}]", String::from_utf8_lossy(&b))
        }
        None => String::new(),
    };
    match (ctx.prev, ctx.count) {
        (false, Some(n)) => format!("Here are the next {n} times {what} will trigger{until}:\n"),
        (false, None) => format!("Here are the times {what} will trigger{until}:\n"),
        (true, Some(n)) => format!("Here are the previous {n} times {what} triggered{until}:\n"),
        (true, None) => format!("Here are the times {what} triggered{until}:\n"),
    }
}

/// `EEE, d MMM yyyy HH:mm:ss Z` on the display zone's wall clock.
fn local_es(ts: i64, zone: &Zone, out: &mut Vec<u8>) {
    let off = zone.offset_at(ts);
    es_date(ts + off as i64, out);
    out.push(b' ');
    offset_hhmm(off, out);
}

fn push_u64(mut n: u64, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}
