//! Properties of every description, over random valid expressions of both
//! dialects generated from the grammar (tests/support/gen.rs):
//!
//! * describing never fails or panics and yields one clean sentence: capitalised,
//!   no placeholder or debug text (`undefined`, `NaN`, `{}`, `Some(`…), no doubled
//!   spaces or stray commas;
//! * every field that restricts the schedule is mentioned;
//! * "never fires" appears exactly when the engine finds no fire time, and
//!   `@reboot` reads "At startup";
//! * the 12-hour clock never shows a 24-hour time.

#[path = "support/gen.rs"]
mod gen;

use cronkit::describe::{describe, describe_field, Options};
use cronkit::{DialectChoice, Expr, FieldKind, Schedule};
use proptest::prelude::*;

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Text that must never reach a user.
const PLACEHOLDERS: &[&str] = &[
    "undefined",
    "NaN",
    "null",
    "None",
    "Some(",
    "{",
    "}",
    "[",
    "]",
    "::",
    "Value(",
    "Range(",
    "Step",
    "Item",
    "Rule",
    "(unknown)",
    "  ",
    " ,",
    ",,",
    "..",
];

/// A clock time `H:MM` somewhere in `s`.
fn has_clock(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

/// A clock time with seconds `H:MM:SS`.
fn has_clock_with_seconds(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len().saturating_sub(5)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b[i + 3] == b':'
            && b[i + 4].is_ascii_digit()
            && b[i + 5].is_ascii_digit()
    })
}

fn has_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
}

fn check(text: &str, dialect: DialectChoice, twelve: bool) -> Result<(), TestCaseError> {
    let Ok(e) = Expr::parse(text, dialect) else {
        return Ok(());
    };
    let o = if twelve {
        Options::twelve_hour()
    } else {
        Options::default()
    };
    let s = describe(&e, &o);
    let ctx = format!("`{text}` ({:?}) → `{s}`", e.dialect);
    prop_assert!(!s.is_empty(), "{}", ctx);
    prop_assert!(s.starts_with(|c: char| c.is_ascii_uppercase()), "{}", ctx);
    prop_assert!(!s.ends_with(['.', ' ', ',']), "{}", ctx);
    for p in PLACEHOLDERS {
        prop_assert!(!s.contains(p), "placeholder {:?} in {}", p, ctx);
    }
    let sched = Schedule::from_expr(&e);
    if sched.is_reboot() {
        prop_assert_eq!(s.as_str(), "At startup");
        return Ok(());
    }
    prop_assert_eq!(sched.never_fires(), s.contains("never fires"), "{}", ctx);
    // one "of the month" per sentence: a list of days shares it (#14)
    prop_assert!(
        s.matches("of the month").count() <= 1,
        "\"of the month\" repeated: {}",
        ctx
    );
    // lists in calendar order: the months named appear January first
    // (a season across the new year, "from November through February", is one span)
    let season = MONTHS.iter().any(|m| s.contains(&format!("{m} through ")));
    if !season {
        let mut named: Vec<(usize, usize)> = MONTHS
            .iter()
            .enumerate()
            .filter_map(|(i, m)| s.find(m).map(|at| (at, i)))
            .collect();
        named.sort();
        prop_assert!(
            named.windows(2).all(|w| w[0].1 < w[1].1),
            "months out of calendar order: {}",
            ctx
        );
    }

    let (secs, mins, hours, months) = sched.bits();
    let clock = has_clock(&s);
    if secs != 1 {
        prop_assert!(
            s.contains("second") || has_clock_with_seconds(&s),
            "seconds missing: {}",
            ctx
        );
    }
    let all_minutes = (1u64 << 60) - 1;
    if mins != all_minutes {
        // minute 0 of every hour reads "Every hour", "Every 2 hours", …
        let on_the_hour = mins == 1 && s.contains("hour");
        prop_assert!(
            s.contains("minute") || clock || on_the_hour,
            "minutes missing: {}",
            ctx
        );
    }
    if hours != (1 << 24) - 1 {
        prop_assert!(s.contains("hour") || clock, "hours missing: {}", ctx);
    }
    let rule = sched.day_rule();
    let dom_full = rule.dom_days & 0xFFFF_FFFE == 0xFFFF_FFFE;
    let dow_full = rule.weekdays & 0x7F == 0x7F;
    if !dom_full {
        let dated = MONTHS.iter().any(|m| {
            s.contains(&format!("{m} "))
                && s[s.find(m).unwrap_or(0) + m.len() + 1..]
                    .starts_with(|c: char| c.is_ascii_digit())
        });
        prop_assert!(s.contains("day") || dated, "day-of-month missing: {}", ctx);
    }
    if !dow_full {
        prop_assert!(
            WEEKDAYS.iter().any(|d| s.contains(d)),
            "day-of-week missing: {}",
            ctx
        );
    }
    if months & 0x1FFE != 0x1FFE {
        prop_assert!(
            MONTHS.iter().any(|m| s.contains(m)),
            "month missing: {}",
            ctx
        );
    }
    if !e.field(FieldKind::Year).is_wildcard() && sched.years().count() < 230 {
        // "in odd years" / "in even years" (a step of 2 over the whole range) name no year
        let parity = s.contains(" odd years") || s.contains(" even years");
        prop_assert!(has_year(&s) || parity, "year missing: {}", ctx);
    }
    if twelve && clock {
        prop_assert!(
            s.contains(" AM") || s.contains(" PM"),
            "12-hour clock without AM/PM: {}",
            ctx
        );
        // every clock time's hour (the digits after a space, before the first colon) is 1–12
        for word in s.split(' ') {
            if let Some((h, rest)) = word.split_once(':') {
                if rest.starts_with(|c: char| c.is_ascii_digit()) {
                    let h: u32 = h.parse().unwrap_or(99);
                    prop_assert!(
                        (1..=12).contains(&h) && !word.starts_with('0'),
                        "24-hour time in 12-hour output: {}",
                        ctx
                    );
                }
            }
        }
    }
    // the per-field descriptions are clean too
    for kind in FieldKind::ALL {
        let f = describe_field(&e, kind);
        prop_assert!(!f.is_empty(), "{} {:?}", ctx, kind);
        for p in PLACEHOLDERS {
            prop_assert!(
                !f.contains(p),
                "placeholder {:?} in field {:?}: `{}` ({})",
                p,
                kind,
                f,
                ctx
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn quartz_descriptions_are_clean_and_complete(text in gen::quartz_expr(), twelve in any::<bool>()) {
        check(&text, DialectChoice::Quartz, twelve)?;
    }

    #[test]
    fn unix_descriptions_are_clean_and_complete(text in gen::unix_expr(), twelve in any::<bool>()) {
        check(&text, DialectChoice::Unix, twelve)?;
    }

    /// Whatever the text, describing what parses never panics.
    #[test]
    fn arbitrary_text_never_panics(text in "[0-9*/,?#LW@ a-zA-Z+-]{0,40}") {
        for d in [DialectChoice::Auto, DialectChoice::Quartz, DialectChoice::Unix] {
            if let Ok(e) = Expr::parse(&text, d) {
                let _ = describe(&e, &Options::default());
                for kind in FieldKind::ALL {
                    let _ = describe_field(&e, kind);
                }
            }
        }
    }
}

#[test]
fn the_generators_produce_mostly_valid_expressions() {
    // a generator that only yields parse errors would make the properties vacuous
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for (strategy, d) in [
        (gen::quartz_expr(), DialectChoice::Quartz),
        (gen::unix_expr(), DialectChoice::Unix),
    ] {
        let mut ok = 0;
        for _ in 0..500 {
            let t = strategy.new_tree(&mut runner).expect("tree").current();
            ok += Expr::parse(&t, d).is_ok() as u32;
        }
        assert!(ok > 300, "only {ok} of 500 generated expressions parse");
    }
}
