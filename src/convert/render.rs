//! Writing a [`Pattern`] as cron text in a target dialect.
//!
//! Fields are written from their value sets, shortest readable form first:
//! `*`, a step (`*/15`, `5/15` in Quartz, `5-59/15` in Unix, which has no
//! open-ended `a/n` in Vixie cron), runs (`9-17`) and lists. Days of the week
//! are always written with names (`MON-FRI`, `SUN,TUE,THU,SAT`) because the
//! two dialects number them differently; `#` and `L` forms use Quartz's
//! documented numbers (`6#3`, `6L`) in Quartz and OCPS's recommended names
//! (`FRI#3`, `FRI#L`) in Unix.
//!
//! A pattern becomes several expressions where one cannot say it: Quartz has
//! no OR of the day fields and no lists of `L`/`W`/`#` items, so each day
//! condition gets its own expression (fired on the same timeline, the union is
//! the original).

use crate::expr::{day_abbrev, month_abbrev, FieldKind, MAX_YEAR, MIN_YEAR};

use super::pattern::{Days, DomSet, DowSet, Pattern, ALL_WEEKDAYS};
use super::{ConvertError, Target};

/// How a field may be written.
#[derive(Clone, Copy)]
struct Style {
    lo: u32,
    hi: u32,
    /// `*` and `*/n` allowed (not in a Unix day-of-month that must stay
    /// "restricted" for Vixie's OR rule, nor in years).
    star: bool,
    /// `a/n` for a step running to the field's end (Quartz); otherwise `a-hi/n`.
    open_step: bool,
}

/// Write a set of values (sorted ascending, within `lo..=hi`).
fn write_values(vals: &[u32], st: Style) -> String {
    let full = vals.len() as u32 == st.hi - st.lo + 1;
    if full && st.star {
        return "*".to_string();
    }
    if full {
        return format!("{}-{}", st.lo, st.hi);
    }
    if vals.len() == 1 {
        return vals[0].to_string();
    }
    if vals.len() >= 3 {
        let step = vals[1] - vals[0];
        if step >= 2 && vals.windows(2).all(|w| w[1] - w[0] == step) {
            let first = vals[0];
            let last = vals[vals.len() - 1];
            let to_end = last + step > st.hi;
            let star = to_end && first == st.lo && st.star;
            // three values read better as a list (`9,13,17`, not `9-17/4`)
            if vals.len() < 4 && !star {
                return runs(vals, |v| v.to_string());
            }
            return if star {
                format!("*/{step}")
            } else if to_end && st.open_step {
                format!("{first}/{step}")
            } else if to_end {
                format!("{first}-{}/{step}", st.hi)
            } else {
                format!("{first}-{last}/{step}")
            };
        }
    }
    runs(vals, |v| v.to_string())
}

/// `1-5,7,9`: runs of three or more as ranges, the rest listed.
fn runs(vals: &[u32], name: impl Fn(u32) -> String) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < vals.len() {
        let mut j = i;
        while j + 1 < vals.len() && vals[j + 1] == vals[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}-{}", name(vals[i]), name(vals[j])));
        } else {
            for v in &vals[i..=j] {
                parts.push(name(*v));
            }
        }
        i = j + 1;
    }
    parts.join(",")
}

fn bits_to_vals(bits: u64, lo: u32, hi: u32) -> Vec<u32> {
    (lo..=hi).filter(|v| bits >> v & 1 == 1).collect()
}

fn write_bits(bits: u64, lo: u32, hi: u32, quartz: bool) -> String {
    write_values(
        &bits_to_vals(bits, lo, hi),
        Style {
            lo,
            hi,
            star: true,
            open_step: quartz,
        },
    )
}

fn write_months(p: &Pattern, quartz: bool) -> String {
    let vals = bits_to_vals(p.months, 1, 12);
    if p.month_names && vals.len() < 12 {
        // names take no steps (Quartz ignores a step after a name)
        runs(&vals, |m| month_abbrev(m as u16).to_string())
    } else {
        write_bits(p.months, 1, 12, quartz)
    }
}

/// Plain weekdays (bit 0 = Sunday) as names, Sunday first.
fn write_weekdays(bits: u8) -> String {
    if bits == ALL_WEEKDAYS {
        return "*".to_string();
    }
    let vals: Vec<u32> = (0..7).filter(|w| bits >> w & 1 == 1).collect();
    runs(&vals, |w| day_abbrev(w as u8).to_string())
}

fn write_years(p: &Pattern) -> Option<String> {
    if p.years.is_all() {
        return None;
    }
    Some(write_values(
        &p.years.values(),
        Style {
            lo: MIN_YEAR as u32,
            hi: MAX_YEAR as u32,
            // a bounded, explicit form: `*`/open steps in years depend on the
            // reader's idea of the last year
            star: false,
            open_step: false,
        },
    ))
}

fn bits_of(mut b: u64) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        if b == 0 {
            return None;
        }
        let i = b.trailing_zeros();
        b &= b - 1;
        Some(i)
    })
}

/// Day-of-month conditions, one text per condition Quartz can hold in one field.
fn dom_pieces_quartz(d: &DomSet) -> Vec<String> {
    let mut out = Vec::new();
    if d.days != 0 {
        out.push(write_bits(u64::from(d.days), 1, 31, true));
    }
    for n in bits_of(u64::from(d.last)) {
        out.push(if n == 0 { "L".into() } else { format!("L-{n}") });
    }
    for n in bits_of(u64::from(d.nearest)) {
        out.push(format!("{n}W"));
    }
    for n in bits_of(u64::from(d.last_nearest)) {
        out.push(if n == 0 {
            "LW".into()
        } else {
            format!("L-{n}W")
        });
    }
    out
}

fn dow_pieces_quartz(w: &DowSet) -> Vec<String> {
    let mut out = Vec::new();
    if w.weekdays != 0 {
        out.push(write_weekdays(w.weekdays));
    }
    for bit in bits_of(w.nth) {
        out.push(format!("{}#{}", bit / 8 + 1, bit % 8));
    }
    for wd in bits_of(u64::from(w.last)) {
        out.push(format!("{}L", wd + 1));
    }
    out
}

/// The Quartz expressions (one or more) that together fire as `p`.
pub fn to_quartz(p: &Pattern) -> Result<Vec<String>, ConvertError> {
    let head = format!(
        "{} {} {}",
        write_bits(p.seconds, 0, 59, true),
        write_bits(p.minutes, 0, 59, true),
        write_bits(p.hours, 0, 23, true)
    );
    let month = write_months(p, true);
    let year = write_years(p).map(|y| format!(" {y}")).unwrap_or_default();
    let pairs: Vec<(String, String)> = match &p.days {
        Days::Every => vec![("*".into(), "?".into())],
        Days::Dom(d) => dom_pieces_quartz(d)
            .into_iter()
            .map(|x| (x, "?".into()))
            .collect(),
        Days::Dow(w) => dow_pieces_quartz(w)
            .into_iter()
            .map(|x| ("?".into(), x))
            .collect(),
        Days::Or(d, w) => dom_pieces_quartz(d)
            .into_iter()
            .map(|x| (x, "?".to_string()))
            .chain(dow_pieces_quartz(w).into_iter().map(|x| ("?".into(), x)))
            .collect(),
        Days::And(d, w) => {
            return Err(ConvertError::new(
                "day-and-in-quartz",
                Some(FieldKind::DayOfWeek),
                format!(
                    "this fires only on days that match both day-of-month ({}) and day-of-week ({}), \
                     and Quartz cannot require both: one of its day fields must be `?`",
                    dom_pieces_quartz(d).join(" or "),
                    dow_pieces_quartz(w).join(" or ")
                ),
            )
            .help("in Unix cron a day field starting with `*` (like `*/2`) or a `+` before day-of-week makes the two day fields AND; keep this schedule in Unix cron, or drop one of the day conditions"))
        }
    };
    Ok(pairs
        .into_iter()
        .map(|(dom, dow)| format!("{head} {dom} {month} {dow}{year}"))
        .collect())
}

/// Day-of-month texts for Unix. Beside a restricted day-of-week (`or`) a
/// text must not start with `*`, which would turn Vixie's OR into AND.
fn dom_pieces_unix(d: &DomSet, target: Target, or: bool) -> Result<Vec<String>, ConvertError> {
    let mut out = Vec::new();
    if d.days != 0 {
        out.push(write_values(
            &bits_to_vals(u64::from(d.days), 1, 31),
            Style {
                lo: 1,
                hi: 31,
                star: !or,
                open_step: false,
            },
        ));
    }
    let ocps = target == Target::Ocps;
    for n in bits_of(u64::from(d.last)) {
        if n == 0 {
            if !ocps {
                return Err(needs_ocps(
                    "`L` (the last day of the month)",
                    "1.3",
                    FieldKind::DayOfMonth,
                ));
            }
            out.push("L".into());
        } else {
            return Err(not_unix(
                &format!("`L-{n}` ({n} days before the last day of the month)"),
                FieldKind::DayOfMonth,
            ));
        }
    }
    for n in bits_of(u64::from(d.nearest)) {
        if !ocps {
            return Err(needs_ocps(
                &format!("`{n}W` (the weekday nearest day {n})"),
                "1.3",
                FieldKind::DayOfMonth,
            ));
        }
        out.push(format!("{n}W"));
    }
    if let Some(n) = bits_of(u64::from(d.last_nearest)).next() {
        let what = if n == 0 {
            "`LW` (the last weekday of the month)".to_string()
        } else {
            format!("`L-{n}W` (the weekday nearest {n} days before the last day)")
        };
        return Err(not_unix(&what, FieldKind::DayOfMonth));
    }
    Ok(out)
}

fn dow_pieces_unix(w: &DowSet, target: Target) -> Result<Vec<String>, ConvertError> {
    let mut out = Vec::new();
    if w.weekdays != 0 {
        out.push(write_weekdays(w.weekdays));
    }
    let ocps = target == Target::Ocps;
    for bit in bits_of(w.nth) {
        let (wd, k) = ((bit / 8) as u8, bit % 8);
        if !ocps {
            return Err(needs_ocps(
                &format!(
                    "`{}#{k}` (the {} {} of the month)",
                    day_abbrev(wd),
                    ordinal(k),
                    day_name(wd)
                ),
                "1.3",
                FieldKind::DayOfWeek,
            ));
        }
        out.push(format!("{}#{k}", day_abbrev(wd)));
    }
    for wd in bits_of(u64::from(w.last)) {
        let wd = wd as u8;
        if !ocps {
            return Err(needs_ocps(
                &format!(
                    "`{}#L` (the last {} of the month)",
                    day_abbrev(wd),
                    day_name(wd)
                ),
                "1.3",
                FieldKind::DayOfWeek,
            ));
        }
        out.push(format!("{}#L", day_abbrev(wd)));
    }
    Ok(out)
}

fn ordinal(k: u32) -> &'static str {
    ["", "first", "second", "third", "fourth", "fifth"][k.min(5) as usize]
}

fn day_name(wd: u8) -> &'static str {
    [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ][(wd % 7) as usize]
}

fn needs_ocps(what: &str, version: &str, field: FieldKind) -> ConvertError {
    ConvertError::new(
        "needs-ocps",
        Some(field),
        format!("classic Unix cron (Vixie/ISC) has no {what}"),
    )
    .help(format!(
        "OCPS {version} has it: `--to ocps` writes the extended Unix form (which cronie, Vixie and ISC cron do not read)"
    ))
}

fn not_unix(what: &str, field: FieldKind) -> ConvertError {
    ConvertError::new(
        "not-in-unix",
        Some(field),
        format!("Unix cron cannot say {what}: it is a Quartz extension that neither Vixie cron nor OCPS 1.0–1.4 has"),
    )
    .help("keep this schedule in Quartz, or list the days explicitly in separate expressions")
}

/// The Unix expressions (one or more) that together fire as `p`.
///
/// `Target::Unix` is classic 5-field Vixie/ISC cron; `Target::Ocps` may add a
/// seconds field (6 fields), a year (7 fields) and OCPS 1.2–1.4 syntax.
pub fn to_unix(p: &Pattern, target: Target) -> Result<Vec<String>, ConvertError> {
    let ocps = target == Target::Ocps;
    let mut seconds = if p.seconds == 1 {
        None
    } else if ocps {
        Some(write_bits(p.seconds, 0, 59, false))
    } else {
        let s = write_bits(p.seconds, 0, 59, false);
        return Err(ConvertError::new(
            "seconds-in-unix",
            Some(FieldKind::Second),
            format!("classic Unix cron fires at second 0 of a minute only; this fires at second(s) {s}"),
        )
        .help("`--to ocps` writes the 6-field OCPS form with a seconds field first (cronie, Vixie and ISC cron do not read it)"));
    };
    let year = match write_years(p) {
        None => None,
        Some(y) if ocps => Some(y),
        Some(y) => {
            return Err(ConvertError::new(
                "year-in-unix",
                Some(FieldKind::Year),
                format!("classic Unix cron has no year field; this fires only in {y}"),
            )
            .help("`--to ocps` writes the 7-field OCPS form with a year last (cronie, Vixie and ISC cron do not read it)"))
        }
    };
    if year.is_some() && seconds.is_none() {
        // the 7-field form always has seconds
        seconds = Some("0".into());
    }
    let month = write_months(p, false);
    let pairs: Vec<(String, String)> = match &p.days {
        Days::Every => vec![("*".into(), "*".into())],
        Days::Dom(d) => dom_pieces_unix(d, target, false)?
            .into_iter()
            .map(|x| (x, "*".into()))
            .collect(),
        Days::Dow(w) => dow_pieces_unix(w, target)?
            .into_iter()
            .map(|x| ("*".into(), x))
            .collect(),
        Days::Or(d, w) => {
            // Vixie's OR: both fields restricted in one expression; extra
            // pieces pair with `*`, which makes that expression a plain AND
            // with "every day", i.e. the piece alone.
            let ds = dom_pieces_unix(d, target, true)?;
            let ws = dow_pieces_unix(w, target)?;
            (0..ds.len().max(ws.len()))
                .map(|k| {
                    (
                        ds.get(k).cloned().unwrap_or_else(|| "*".into()),
                        ws.get(k).cloned().unwrap_or_else(|| "*".into()),
                    )
                })
                .collect()
        }
        Days::And(d, w) => {
            let ds = dom_pieces_unix(d, target, true)?;
            let ws = dow_pieces_unix(w, target)?;
            // Vixie ANDs when day-of-month starts with `*` (`*/2`)
            let star_dom = (d.is_plain() && ds.len() == 1)
                .then(|| write_bits(u64::from(d.days), 1, 31, false))
                .filter(|t| t.starts_with('*'));
            let mut pairs = Vec::new();
            match star_dom {
                Some(sd) => {
                    for w in &ws {
                        pairs.push((sd.clone(), w.clone()));
                    }
                }
                None if ocps => {
                    for d in &ds {
                        for w in &ws {
                            pairs.push((d.clone(), format!("+{w}")));
                        }
                    }
                }
                None => {
                    return Err(ConvertError::new(
                        "day-and-in-unix",
                        Some(FieldKind::DayOfWeek),
                        format!(
                            "this fires only on days that match both day-of-month ({}) and day-of-week ({}); \
                             classic Unix cron ORs two restricted day fields",
                            ds.join(" or "),
                            ws.join(" or ")
                        ),
                    )
                    .help("`--to ocps` writes OCPS 1.4's `+` before day-of-week, which makes the fields AND"));
                }
            }
            pairs
        }
    };
    let head = format!(
        "{}{} {}",
        seconds.map(|s| format!("{s} ")).unwrap_or_default(),
        write_bits(p.minutes, 0, 59, false),
        write_bits(p.hours, 0, 23, false)
    );
    let year = year.map(|y| format!(" {y}")).unwrap_or_default();
    Ok(pairs
        .into_iter()
        .map(|(dom, dow)| format!("{head} {dom} {month} {dow}{year}"))
        .collect())
}

/// Write `p` for `target` (Quartz, Unix or OCPS).
pub fn write(p: &Pattern, target: Target) -> Result<Vec<String>, ConvertError> {
    match target {
        Target::Quartz => to_quartz(p),
        Target::Unix | Target::Ocps => to_unix(p, target),
        Target::Profile(d) => super::profile::write(p, d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DialectChoice, Expr};

    fn conv(text: &str, from: DialectChoice, target: Target) -> Result<Vec<String>, ConvertError> {
        let p = Pattern::from_expr(&Expr::parse(text, from).unwrap())?;
        write(&p, target)
    }

    fn q(text: &str) -> Vec<String> {
        conv(text, DialectChoice::Unix, Target::Quartz).unwrap()
    }

    fn u(text: &str) -> Vec<String> {
        conv(text, DialectChoice::Quartz, Target::Unix).unwrap()
    }

    #[test]
    fn field_writing() {
        let st = Style {
            lo: 0,
            hi: 59,
            star: true,
            open_step: true,
        };
        assert_eq!(write_values(&[0, 15, 30, 45], st), "*/15");
        assert_eq!(write_values(&[5, 20, 35, 50], st), "5/15");
        assert_eq!(
            write_values(
                &[5, 20, 35, 50],
                Style {
                    open_step: false,
                    ..st
                }
            ),
            "5-59/15"
        );
        assert_eq!(write_values(&[0, 10, 20], st), "0,10,20");
        assert_eq!(write_values(&[0, 10, 20, 30], st), "0-30/10");
        assert_eq!(write_values(&[0, 20, 40], st), "*/20");
        assert_eq!(write_values(&[0, 30], st), "0,30");
        assert_eq!(write_values(&[1, 2, 3, 7, 9, 10], st), "1-3,7,9,10");
        assert_eq!(write_weekdays(0b011_1110), "MON-FRI");
        assert_eq!(write_weekdays(0b101_0101), "SUN,TUE,THU,SAT");
        assert_eq!(write_weekdays(0b110_0001), "SUN,FRI,SAT");
    }

    #[test]
    fn unix_to_quartz() {
        assert_eq!(q("*/15 9-17 * * 1-5"), ["0 */15 9-17 ? * MON-FRI"]);
        assert_eq!(q("0 12 * * */2"), ["0 0 12 ? * SUN,TUE,THU,SAT"]);
        assert_eq!(q("0 12 * * 0,7"), ["0 0 12 ? * SUN"]);
        assert_eq!(q("0 12 1 * 1"), ["0 0 12 1 * ?", "0 0 12 ? * MON"]);
        assert_eq!(q("@daily"), ["0 0 0 * * ?"]);
        assert_eq!(q("@weekly"), ["0 0 0 ? * SUN"]);
        assert_eq!(q("0 0 * * FRI#L"), ["0 0 0 ? * 6L"]);
        assert_eq!(q("0 0 * * 5#3"), ["0 0 0 ? * 6#3"]);
        assert_eq!(q("30 15 10 * * * 2030"), ["30 15 10 * * ? 2030"]);
        assert_eq!(q("0 0 1 JAN *"), ["0 0 0 1 JAN ?"]);
        // `*/2` in day-of-month ANDs with day-of-week in Vixie cron
        assert_eq!(
            conv("0 12 */2 * 1", DialectChoice::Unix, Target::Quartz)
                .unwrap_err()
                .code,
            "day-and-in-quartz"
        );
        // …unless one side is every day anyway
        assert_eq!(q("0 12 */1 * 1"), ["0 0 12 ? * MON"]);
    }

    #[test]
    fn quartz_to_unix() {
        assert_eq!(u("0 0 12 ? * MON-FRI"), ["0 12 * * MON-FRI"]);
        assert_eq!(u("0 5/15 * * * ?"), ["5-59/15 * * * *"]);
        assert_eq!(u("0 0 12 1/2 * ?"), ["0 12 */2 * *"]);
        assert_eq!(
            conv("0 12 1,3 * 1", DialectChoice::Unix, Target::Unix).unwrap(),
            ["0 12 1,3 * MON"]
        );
        assert_eq!(u("0 0 0 ? * L"), ["0 0 * * SAT"]);
        assert_eq!(u("0 0 0 * * ?"), ["0 0 * * *"]);
        let code = |t: &str| {
            conv(t, DialectChoice::Quartz, Target::Unix)
                .unwrap_err()
                .code
        };
        assert_eq!(code("30 0 12 * * ?"), "seconds-in-unix");
        assert_eq!(code("0 0 12 * * ? 2030"), "year-in-unix");
        assert_eq!(code("0 0 12 L * ?"), "needs-ocps");
        assert_eq!(code("0 0 12 15W * ?"), "needs-ocps");
        assert_eq!(code("0 0 12 ? * 6#3"), "needs-ocps");
        assert_eq!(code("0 0 12 LW * ?"), "not-in-unix");
        assert_eq!(code("0 0 12 L-3 * ?"), "not-in-unix");
    }

    #[test]
    fn quartz_to_ocps() {
        let o = |t: &str| conv(t, DialectChoice::Quartz, Target::Ocps).unwrap();
        assert_eq!(o("30 0 12 * * ?"), ["30 0 12 * * *"]);
        assert_eq!(o("0 0 12 * * ? 2030"), ["0 0 12 * * * 2030"]);
        assert_eq!(o("0 0 12 L * ?"), ["0 12 L * *"]);
        assert_eq!(o("0 0 12 ? * 6#3"), ["0 12 * * FRI#3"]);
        assert_eq!(o("0 0 12 ? * 6L"), ["0 12 * * FRI#L"]);
        assert_eq!(o("0 0 12 15W * ?"), ["0 12 15W * *"]);
        // AND of both day fields: OCPS 1.4's `+`
        assert_eq!(
            conv("0 12 1 * +1", DialectChoice::Unix, Target::Ocps).unwrap(),
            ["0 12 1 * +MON"]
        );
        // Vixie's own AND form survives in classic Unix
        assert_eq!(
            conv("0 12 */2 * 1", DialectChoice::Unix, Target::Unix).unwrap(),
            ["0 12 */2 * MON"]
        );
        assert_eq!(
            conv("0 12 1 * +1", DialectChoice::Unix, Target::Unix)
                .unwrap_err()
                .code,
            "day-and-in-unix"
        );
    }
}
