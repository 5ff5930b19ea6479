//! One field on its own, for tables (`explain --fields`, `croneval --detail`):
//! what values it selects, in words, with the dialect's rules spelt out where they
//! surprise (Vixie's OR of the day fields, Quartz's `L` alone, `?`).

use crate::expr::{DayCombine, Dialect, Expr, FieldKind, ItemKind};
use crate::schedule::day_rule;

use super::days::{
    dom_full, dow_full, write_dom_noun, write_dow_noun, write_month_list, write_year_list,
    ALL_MONTHS,
};
use super::shape::{classify, Shape};
use super::text::{list_items, push_count, push_list, push_num, Runs};
use super::{field_bits, years_of};

/// Describe what one field of `e` selects, e.g. `*/59` in minutes → "minutes 0 and
/// 59", `6#3` in a Quartz day-of-week → "the third Friday of the month".
///
/// ```
/// use cronkit::{Expr, DialectChoice, FieldKind};
/// use cronkit::describe::describe_field;
/// let e = Expr::parse("0 */59 9-17 ? * 2-6", DialectChoice::Auto).unwrap();
/// assert_eq!(describe_field(&e, FieldKind::Minute), "minutes 0 and 59");
/// assert_eq!(describe_field(&e, FieldKind::Hour), "hours 9 through 17");
/// assert_eq!(describe_field(&e, FieldKind::DayOfWeek), "Monday through Friday");
/// ```
pub fn describe_field(e: &Expr, kind: FieldKind) -> String {
    let mut out = String::with_capacity(32);
    let f = e.field(kind);
    let d = e.dialect;
    match kind {
        FieldKind::Second => unit(&mut out, field_bits(f, d), "second", 0, 59),
        FieldKind::Minute => unit(&mut out, field_bits(f, d), "minute", 0, 59),
        FieldKind::Hour => unit(&mut out, field_bits(f, d), "hour", 0, 23),
        FieldKind::Month => {
            let m = field_bits(f, d) as u16 & ALL_MONTHS;
            if m == ALL_MONTHS {
                out.push_str("every month");
            } else {
                write_month_list(&mut out, m, true);
            }
        }
        FieldKind::Year => {
            if f.is_wildcard() {
                out.push_str("every year");
            } else {
                write_year_list(&mut out, &years_of(e), "and");
            }
        }
        FieldKind::DayOfMonth => day_of_month(&mut out, e),
        FieldKind::DayOfWeek => day_of_week(&mut out, e),
    }
    out
}

fn unit(out: &mut String, bits: u64, name: &str, lo: u32, hi: u32) {
    let n = bits.count_ones();
    match classify(bits, lo, hi) {
        Shape::All => {
            out.push_str("every ");
            out.push_str(name);
            return;
        }
        Shape::Cycle { first: 0, step } => {
            out.push_str("every ");
            push_count(out, step, name);
            return;
        }
        Shape::Cycle { first, step } | Shape::Prog { first, step, .. } if n > 12 => {
            out.push_str("every ");
            push_count(out, step, name);
            out.push_str(" from ");
            out.push_str(name);
            out.push(' ');
            push_num(out, first);
            out.push_str(" through ");
            out.push_str(name);
            out.push(' ');
            push_num(out, 63 - bits.leading_zeros());
            return;
        }
        _ => {}
    }
    let runs = Runs::new(bits, lo, hi, false, lo);
    out.push_str(name);
    if list_items(&runs, lo, hi) > 1 || n > 1 {
        out.push('s');
    }
    out.push(' ');
    push_list(out, &runs, lo, hi, "and", push_num);
}

/// What the other day field does to this one, in Unix cron.
fn unix_day_note(out: &mut String, e: &Expr, other: &str) {
    if e.dialect != Dialect::Unix {
        return;
    }
    let r = day_rule(e);
    if dom_full(&r) || dow_full(&r) {
        return;
    }
    match (r.combine, e.dow_and_prefix) {
        (DayCombine::Or, _) => {
            out.push_str(" — or the ");
            out.push_str(other);
            out.push_str(" (Vixie cron ORs restricted day fields)");
        }
        (DayCombine::And, true) => {
            out.push_str(" — and the ");
            out.push_str(other);
            out.push_str(" must match too (`+` prefix)");
        }
        (DayCombine::And, false) => {
            out.push_str(" — and the ");
            out.push_str(other);
            out.push_str(" must match too (a day field starting with `*` is AND-ed)");
        }
    }
}

fn day_of_month(out: &mut String, e: &Expr) {
    let f = e.field(FieldKind::DayOfMonth);
    if e.dialect == Dialect::Quartz && f.is_no_specific() {
        out.push_str("no specific value (day-of-week decides)");
        return;
    }
    let r = day_rule(e);
    if dom_full(&r) {
        out.push_str("every day of the month");
    } else {
        write_dom_noun(out, &r, Some("the month"));
    }
    unix_day_note(out, e, "day-of-week");
}

fn day_of_week(out: &mut String, e: &Expr) {
    let f = e.field(FieldKind::DayOfWeek);
    if e.dialect == Dialect::Quartz && f.is_no_specific() {
        out.push_str("no specific value (day-of-month decides)");
        return;
    }
    let r = day_rule(e);
    if dow_full(&r) {
        out.push_str("every day of the week");
    } else {
        write_dow_noun(out, &r, "and", Some("the month"));
    }
    if f.items.iter().any(|it| it.kind == ItemKind::SaturdayL) {
        out.push_str(" (Quartz reads `L` alone as 7 = Saturday, not \"last\")");
    }
    unix_day_note(out, e, "day-of-month");
}
