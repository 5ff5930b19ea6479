//! The `json` format: one document, written as the times are computed (its shape is
//! documented in the parent module and in README.md). The head and the tail are
//! built with serde_json; each time is one line of its own.

use std::io::{self, Write};

use serde::Serialize;

use super::{detail, spill, Ctx, Timeline};
use crate::cli::common::{iso_in_zone, IsoWriter};
use cronkit::Zone;

/// The document's head, in the documented key order (serde keeps a struct's field
/// order; a `json!` map would sort the keys).
#[derive(Serialize)]
struct Head<'a> {
    expressions: Vec<ExprDoc<'a>>,
    timezone: &'a str,
    dst: &'static str,
    direction: &'static str,
    from: String,
    until: Option<String>,
    count: Option<u64>,
}

#[derive(Serialize)]
struct ExprDoc<'a> {
    text: &'a str,
    /// The expression alone (`text` may label it: `file:line: expr`,
    /// `watch_id: expr`), in every entry, so a program reading several inputs'
    /// times can tell them apart (issue #14); an interval's is `every 5m`.
    expr: &'a str,
    dialect: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<FieldDoc>>,
}

#[derive(Serialize)]
struct FieldDoc {
    field: &'static str,
    text: Option<String>,
    meaning: String,
}

pub(super) fn render(ctx: &Ctx, tl: &mut Timeline, out: &mut impl Write) -> io::Result<u64> {
    let iso = |ts: i64| {
        let mut b = Vec::with_capacity(32);
        iso_in_zone(ts, ctx.eval_zone, &mut b);
        String::from_utf8_lossy(&b).into_owned()
    };
    let head = Head {
        expressions: ctx
            .sources
            .iter()
            .map(|s| ExprDoc {
                text: &s.label,
                expr: &s.text,
                dialect: s.dialect_name(),
                fields: match (&s.expr, s.schedule(), ctx.detail) {
                    (Some(e), Some(_), true) => Some(
                        detail::rows(e, &s.text)
                            .into_iter()
                            .map(|r| FieldDoc {
                                field: r.field,
                                text: r.text,
                                meaning: r.meaning,
                            })
                            .collect(),
                    ),
                    _ => None,
                },
            })
            .collect(),
        timezone: ctx.eval_zone.name(),
        dst: ctx.dst.name(),
        direction: if ctx.prev { "previous" } else { "next" },
        from: iso(ctx.from_ts),
        until: ctx.until_ts.map(iso),
        count: ctx.count,
    };
    let mut head = cronkit::sanitize::json::to_vec(&head)?;
    // Open the object up again to stream the times into it.
    head.pop();
    out.write_all(&head)?;
    out.write_all(b",\"times\":[")?;

    let utc = Zone::utc();
    let mut utc_iso = IsoWriter::new(&utc);
    let mut local_iso = IsoWriter::new(ctx.eval_zone);
    let mut buf = Vec::with_capacity(1 << 16);
    let limit = ctx.limit();
    let mut printed = 0u64;
    while printed < limit {
        let Some(ts) = tl.next_fire() else { break };
        if printed > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"\n{\"utc\":\"");
        utc_iso.write(ts, &mut buf);
        buf.extend_from_slice(b"\",\"local\":\"");
        local_iso.write(ts, &mut buf);
        buf.extend_from_slice(b"\",\"unix\":");
        buf.extend_from_slice(ts.to_string().as_bytes());
        buf.extend_from_slice(b",\"expressions\":[");
        for (n, i) in tl.fired().iter().enumerate() {
            if n > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(i.to_string().as_bytes());
        }
        buf.extend_from_slice(b"]}");
        printed += 1;
        spill(&mut buf, out)?;
    }
    out.write_all(&buf)?;
    // The schedule ran out when it stopped short of both the count and --until.
    let exhausted = printed < limit && !tl.reached_until();
    writeln!(
        out,
        "\n],\"returned\":{printed},\"exhausted\":{exhausted}}}"
    )?;
    Ok(printed)
}
