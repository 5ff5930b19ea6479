//! `year-in-past`: the year field names only past years.

use super::*;

/// `year-in-past`: every year the year field names is before the current year.
pub(super) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let year = cx.field(FieldKind::Year);
    if year.implicit || year.is_wildcard() || cx.sched.never_fires() {
        return;
    }
    let bits = year_field_bits(year);
    let Some(last) = last_year(&bits) else {
        return;
    };
    let now = cx.opts.now_year;
    if last >= now {
        return;
    }
    let fired = cx.sched.years().last();
    let f = cx.finding(
        "year-in-past",
        year.span,
        format!("the year field names only years before {now}: the schedule will not fire again"),
    );
    let help = match fired {
        Some(y) => format!(
            "its last fire time was in {y}; update the year, or remove the field to fire every year: `{}` (a different schedule)",
            cx.fixed(year.span, "")
        ),
        None => "update the year, or remove the field to fire every year".to_string(),
    };
    out.push(with_help(f, help));
}
