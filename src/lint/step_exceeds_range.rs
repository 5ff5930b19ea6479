//! `step-exceeds-range`: a step that only ever hits the first value.

use super::*;

/// `step-exceeds-range`: `a-b/n` (or `*/n`, `a/n`) where `n` reaches past the
/// end of the range, so only its first value fires.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let d = cx.expr.dialect;
    for field in &cx.expr.fields {
        if field.implicit {
            continue;
        }
        let (min, max) = field.kind.bounds(d);
        for it in &field.items {
            let ItemKind::Step { base, step } = it.kind else {
                continue;
            };
            let (start, end) = match base {
                StepBase::Any => (min, max),
                StepBase::From(a) => (a, max),
                StepBase::Range(a, b) => (a, b),
            };
            // number of values the step walks through (a > b wraps in Quartz)
            let count = if start <= end {
                (end - start) as u32 + 1
            } else {
                (max - start) as u32 + 1 + (end - min) as u32 + 1
            };
            if (step as u32) < count {
                continue;
            }
            let range = match base {
                StepBase::Any => format!("`*` ({min}-{max})"),
                _ => format!("{start}-{end}"),
            };
            let f = cx.finding(
                "step-exceeds-range",
                it.span,
                format!(
                    "step {step} is not smaller than the range {range} it steps through: only {start} fires in the {} field",
                    field.kind.name()
                ),
            );
            out.push(with_help(
                f,
                format!(
                    "if only {start} is meant write it: `{}`; otherwise use a step below {count}",
                    cx.fixed(it.span, &start.to_string())
                ),
            ));
        }
    }
}
