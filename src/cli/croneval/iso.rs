//! The `iso` format: one RFC 3339 timestamp per line, with the offset of the
//! evaluation zone (`Z` for UTC), and nothing else; made for `| while read t`.
//! `--detail` goes to stderr so that stdout keeps that promise.

use std::io::{self, Write};

use super::{detail, spill, Ctx, Timeline};
use crate::cli::common::IsoWriter;

pub(super) fn render(ctx: &Ctx, tl: &mut Timeline, out: &mut impl Write) -> io::Result<u64> {
    if ctx.detail {
        detail::tables(ctx, &mut io::stderr().lock())?;
    }
    let mut iso = IsoWriter::new(ctx.eval_zone);
    let mut buf = Vec::with_capacity(1 << 16);
    let limit = ctx.limit();
    let mut printed = 0u64;
    while printed < limit {
        let Some(ts) = tl.next_fire() else { break };
        iso.write(ts, &mut buf);
        buf.push(b'\n');
        printed += 1;
        spill(&mut buf, out)?;
    }
    out.write_all(&buf)?;
    Ok(printed)
}
