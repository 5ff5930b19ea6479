//! Writing a [`Pattern`] for a platform profile (`convert --to k8s|github|gitlab|
//! eventbridge|spring`), driven by the profile table ([`crate::expr::profile`]).
//!
//! The profile's row picks the writer whose forms it shares: profiles whose day
//! fields need `?` in one of them (EventBridge) or AND them (Spring, where `?` is
//! `*`) are written through the Quartz writer; profiles that OR the day fields
//! (Kubernetes, GitHub, GitLab) through the Unix/OCPS writer. The fields are then
//! laid out as the row's layouts say: seconds only where the profile has a
//! seconds field (and then only when needed, if it also reads 5 fields), a year
//! only where it has one (EventBridge: always, `*` when free), day-of-week numbers
//! renumbered to names (every profile here reads `MON`), and EventBridge's
//! `cron(...)` wrapper. Each output is read back with the profile: text the
//! platform would not accept is an error naming the platform and what it cannot
//! read, and [`super::checked_write`] then checks that it fires as the input.

use crate::expr::profile::{DayFieldRule, Profile, Wrapper};
use crate::expr::{day_abbrev, Dialect, Expr, FieldKind};

use super::pattern::Pattern;
use super::render;
use super::{ConvertError, Target};

/// Write `p` for the profile of `dialect`.
pub(crate) fn write(p: &Pattern, dialect: Dialect) -> Result<Vec<String>, ConvertError> {
    let prof = dialect.profile();
    let has = |k: FieldKind| prof.layouts.iter().any(|l| l.fields.contains(&k));
    let (seconds_ok, year_ok) = (has(FieldKind::Second), has(FieldKind::Year));
    let names_ok = prof.allows(crate::expr::profile::Forms::NAMES);
    if !names_ok {
        // Jenkins: numbers only, and `H` is the point of writing for it
        return Err(ConvertError::new(
            "not-in-profile",
            None,
            format!(
                "convert does not write {} expressions yet (they take numbers only and `H` hashing)",
                prof.display
            ),
        )
        .help("write the expression by hand, or convert to `unix` and check it with `--dialect jenkins`"));
    }
    let quartz_like = matches!(
        prof.day_fields,
        DayFieldRule::OneMustBeQuestion | DayFieldRule::And
    );
    let and_days = matches!(p.days, super::pattern::Days::And(..));
    // a profile that ANDs the day fields (Spring) says an AND as the OCPS writer
    // does (`1-7 * +MON`), without the `+`; the others go through Quartz's
    // writer, which splits an OR into one expression per day condition
    let base = if quartz_like && !(and_days && prof.day_fields == DayFieldRule::And) {
        Target::Quartz
    } else {
        Target::Ocps
    };
    let texts = render::write(p, base).map_err(|e| ConvertError {
        message: format!("{} cannot say this: {}", prof.display, e.message),
        ..e
    })?;
    let mut out = Vec::with_capacity(texts.len());
    for text in texts {
        let fields: Vec<&str> = text.split(' ').collect();
        // (seconds, minute..day-of-week, year) from the base writer's layout
        let (sec, mid, year) = match (base, fields.len()) {
            (Target::Quartz, 6) => (Some(fields[0]), &fields[1..6], None),
            (Target::Quartz, 7) => (Some(fields[0]), &fields[1..6], Some(fields[6])),
            (_, 5) => (None, &fields[..], None),
            (_, 6) => (Some(fields[0]), &fields[1..6], None),
            (_, 7) => (Some(fields[0]), &fields[1..6], Some(fields[6])),
            _ => {
                return Err(ConvertError::new(
                    "internal",
                    None,
                    format!(
                        "cronkit wrote `{text}` with an unexpected layout (please report this)"
                    ),
                ))
            }
        };
        let sec = sec.filter(|s| *s != "0");
        if sec.is_some() && !seconds_ok {
            return Err(ConvertError::new(
                "seconds-not-in-profile",
                Some(FieldKind::Second),
                format!(
                    "{} has no seconds field: it cannot fire at second {}",
                    prof.display,
                    sec.unwrap_or_default()
                ),
            )
            .help("fire at second 0, or pick a platform with seconds (`--to spring`, `--to gitlab`, `--to quartz`)"));
        }
        let year = year.filter(|y| *y != "*");
        if year.is_some() && !year_ok {
            return Err(ConvertError::new(
                "year-not-in-profile",
                Some(FieldKind::Year),
                format!(
                    "{} has no year field: it cannot be limited to {}",
                    prof.display,
                    year.unwrap_or_default()
                ),
            )
            .help("drop the year and remove the job when it is done, or `--to eventbridge` / `--to quartz`"));
        }
        let mut parts: Vec<String> = Vec::with_capacity(7);
        // seconds: where the profile must have them, or where they are not 0
        let five = prof.layout(5).is_some();
        if seconds_ok && (sec.is_some() || !five) {
            parts.push(sec.unwrap_or("0").to_string());
        }
        parts.extend(mid[..4].iter().map(|s| s.to_string()));
        let dow = if base == Target::Quartz {
            // A profile that numbers weekdays as Quartz does (EventBridge: 1 = SUN)
            // keeps the numbers on `nL` and `n#k`: AWS documents those forms only
            // with numbers (`5L`, `3#2`), names only for plain days and ranges.
            let numbers_as_quartz = prof.dow.sunday == 1 && !prof.dow.java_time;
            quartz_dow_to_names(mid[4], !numbers_as_quartz)
        } else if let Some(and) = mid[4].strip_prefix('+') {
            if prof.day_fields != DayFieldRule::And {
                return Err(day_and_in_profile(prof, mid[2], and));
            }
            and.to_string()
        } else {
            mid[4].to_string()
        };
        parts.push(dow);
        if year_ok {
            parts.push(year.unwrap_or("*").to_string());
        }
        let body = parts.join(" ");
        let written = match prof.wrapper {
            Wrapper::AwsCronOrRate => format!("cron({body})"),
            Wrapper::None => body,
        };
        let read = Expr::parse(&written, dialect.into());
        if let (Ok(e), true) = (&read, and_days) {
            // Unix's `*`-prefixed day field ANDs (`*/2 * MON`); a platform whose
            // star rule counts `*/2` as restricted reads the same text as an OR
            let back = Pattern::from_expr(e)?;
            if !matches!(back.days, super::pattern::Days::And(..)) {
                return Err(day_and_in_profile(prof, mid[2], mid[4]));
            }
        }
        if let Err(d) = read {
            return Err(ConvertError::new(
                "not-in-profile",
                None,
                format!(
                    "{} cannot read `{written}`, the closest cronkit can write: {}",
                    prof.display, d.message
                ),
            )
            .help(format!(
                "{} reads {}; convert to `quartz` or `ocps` instead, or simplify the schedule",
                prof.display,
                prof.form_names().join(", ")
            )));
        }
        out.push(written);
    }
    Ok(out)
}

/// An AND of the day fields that a platform ORing them cannot say.
fn day_and_in_profile(prof: &Profile, dom: &str, dow: &str) -> ConvertError {
    let dow = dow.trim_start_matches('+');
    ConvertError::new(
        "day-and-in-profile",
        Some(FieldKind::DayOfWeek),
        format!(
            "this fires only on days that match both day-of-month ({dom}) and day-of-week ({dow}); {} fires on a day that matches either when both are restricted, and has no way to require both",
            prof.display
        ),
    )
    .help("keep this schedule where the day fields AND (`--to spring`, `--to ocps`), or drop one of the day conditions")
}

/// The Quartz writer's day-of-week field with its numbers (1–7, 1 = Sunday, as in
/// `6#3` and `6L`) turned into names, which every profile reads alike. With
/// `special_items` false, an item with `L` or `#` keeps its number.
fn quartz_dow_to_names(field: &str, special_items: bool) -> String {
    if !special_items && field.contains(['L', '#']) {
        return field
            .split(',')
            .map(|item| {
                if item.contains(['L', '#']) {
                    item.to_string()
                } else {
                    quartz_dow_to_names(item, true)
                }
            })
            .collect::<Vec<_>>()
            .join(",");
    }
    let mut out = String::with_capacity(field.len() + 4);
    let mut chars = field.char_indices().peekable();
    let mut prev_alpha = false;
    while let Some((_, c)) = chars.next() {
        // a single digit 1–7 standing for a weekday: at the start of an item, not a step or `#k`
        let after_sep = out.is_empty() || out.ends_with([',', '-']);
        if after_sep && !prev_alpha && ('1'..='7').contains(&c) {
            let next_is_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
            if !next_is_digit {
                out.push_str(day_abbrev(c as u8 - b'1'));
                prev_alpha = true;
                continue;
            }
        }
        prev_alpha = c.is_ascii_alphabetic();
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartz_numbers_become_names() {
        assert_eq!(quartz_dow_to_names("6#3", true), "FRI#3");
        assert_eq!(quartz_dow_to_names("6L", true), "FRIL");
        assert_eq!(quartz_dow_to_names("MON-FRI", true), "MON-FRI");
        assert_eq!(quartz_dow_to_names("?", true), "?");
        assert_eq!(quartz_dow_to_names("1,7", true), "SUN,SAT");
        // EventBridge: numbers on the `L` and `#` items, names elsewhere
        assert_eq!(quartz_dow_to_names("6L", false), "6L");
        assert_eq!(quartz_dow_to_names("2,6#3", false), "MON,6#3");
        assert_eq!(quartz_dow_to_names("2-6", false), "MON-FRI");
    }
}
