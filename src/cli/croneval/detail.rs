//! `--detail` for a valid expression: what each field was read as, as a table.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};

use cronkit::{Expr, FieldKind};

use super::Ctx;

/// One field: its name, its text (`None` when not written) and what it selects.
pub(super) struct Row {
    pub field: &'static str,
    pub text: Option<String>,
    pub meaning: String,
}

pub(super) fn rows(e: &Expr, label: &str) -> Vec<Row> {
    FieldKind::ALL
        .iter()
        .map(|&kind| {
            let f = e.field(kind);
            Row {
                field: kind.name(),
                text: (!f.implicit).then(|| f.span.slice(label).to_string()),
                meaning: cronkit::describe::describe_field(e, kind),
            }
        })
        .collect()
}

/// A table per expression, headed by the expression and its dialect.
pub(super) fn tables(ctx: &Ctx, out: &mut impl Write) -> io::Result<()> {
    for s in ctx.sources {
        let (Some(e), Some(_)) = (&s.expr, s.schedule()) else {
            continue;
        };
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        table.set_header(vec!["field", "text", "meaning"]);
        for r in rows(e, &s.text) {
            let text = match (r.text, e.nickname) {
                (Some(t), _) => t,
                (None, Some(n)) => format!("(from {})", n.text()),
                (None, None) => "(not written)".to_string(),
            };
            table.add_row(vec![r.field.to_string(), text, r.meaning]);
        }
        writeln!(out, "{} ({} dialect)", s.label, e.dialect)?;
        writeln!(out, "{table}")?;
    }
    Ok(())
}
