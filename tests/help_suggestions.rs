//! Every `help:` that offers an expression offers one that works.
//!
//! Each diagnostic (parse errors and lint findings) is produced over
//!
//! * the bad-input suites: the Quartz edge cases and corpus, the OCPS vectors,
//!   the `validate` fixtures, read in every dialect choice;
//! * the cases issue 14 lists, each with what the user evidently meant;
//! * a corpus of near misses generated from the grammar: a valid expression
//!   with one typical slip (a space after a comma, `*` where Quartz needs `?`,
//!   `?` in a time field, `WL` for `LW`, a Unix expression given to Quartz, a
//!   year as the sixth field, ...), so what the user meant is known.
//!
//! For each help, every backquoted whole expression in it must parse in a
//! dialect the help names (the one the input was read in, or one it names:
//! `--dialect unix`, "Unix", "OCPS", "Quartz"), and unless the help says
//! plainly that it is "a different schedule", it must fire exactly as what the
//! user meant (when known) or, for a lint finding on a valid expression, as the
//! expression written. Where a help offers alternatives ("`a` or `b`"), one of
//! them must be the meant schedule.

#[path = "support/gen.rs"]
mod gen;

use cronkit::convert::equivalence::first_mismatch;
use cronkit::lint::{check, LintOptions};
use cronkit::{DialectChoice, DstPolicy, Expr, Schedule, Zone};
use proptest::prelude::*;

/// 2026-06-01T00:00:00Z: "now" for the lint rules.
const NOW: i64 = 1_780_272_000;
/// Fire times are compared from 2026-01-01 over four years.
const FROM: i64 = 1_767_225_600;

const CHOICES: [DialectChoice; 3] = [
    DialectChoice::Auto,
    DialectChoice::Quartz,
    DialectChoice::Unix,
];

/// 5 to 7 words of cron characters, or a nickname: a suggested expression
/// (written independently of the library's own classifier).
fn is_expression(s: &str) -> bool {
    if let Some(rest) = s.strip_prefix('@') {
        return !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphabetic());
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    (5..=7).contains(&words.len())
        && words
            .iter()
            .any(|w| w.bytes().any(|b| b.is_ascii_digit() || b"*?".contains(&b)))
        && words.iter().all(|w| {
            w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"*/,-?#+".contains(&b))
        })
}

fn suggestions(help: &str) -> Vec<String> {
    help.split('`')
        .enumerate()
        .filter(|(i, s)| i % 2 == 1 && is_expression(s))
        .map(|(_, s)| s.to_string())
        .collect()
}

fn named(help: &str, choice: DialectChoice) -> Vec<DialectChoice> {
    let mut v = vec![choice];
    if ["--dialect unix", "Unix", "OCPS", "Vixie"]
        .iter()
        .any(|w| help.contains(w))
    {
        v.push(DialectChoice::Unix);
    }
    if help.contains("Quartz") {
        v.push(DialectChoice::Quartz);
    }
    v
}

/// Do the schedules `a` together fire exactly when `b` does?
fn same_fires(a: &[Schedule], b: &Schedule) -> bool {
    let utc = Zone::utc();
    let mut years_a: Vec<i32> = a.iter().flat_map(|s| s.years()).collect();
    years_a.sort_unstable();
    years_a.dedup();
    let years_b: Vec<i32> = b.years().collect();
    years_a == years_b
        && first_mismatch(
            a,
            std::slice::from_ref(b),
            FROM,
            FROM + 4 * 366 * 86_400,
            20_000,
            &utc,
            DstPolicy::Shift,
        )
        .is_none()
}

/// What a user meant: an expression and the dialect it is in.
type Intent<'a> = Option<(&'a str, DialectChoice)>;

/// Check every help produced for `text` read as `choice`.
fn check_helps(text: &str, choice: DialectChoice, intent: Intent) -> Result<(), String> {
    let opts = LintOptions::new(NOW);
    let written = Expr::parse(text, choice)
        .ok()
        .map(|e| Schedule::from_expr(&e));
    for f in check(text, choice, &opts) {
        let Some(help) = f.help.as_deref() else {
            continue;
        };
        let found = suggestions(help);
        if found.is_empty() {
            continue;
        }
        let ctx = || format!("`{text}` ({choice:?}) {}: help: {help}", f.code);
        let mut parsed = Vec::new();
        for s in &found {
            let schedule = named(help, choice)
                .into_iter()
                .find_map(|c| Schedule::parse(s, c).ok())
                .ok_or_else(|| format!("{}\n  suggestion `{s}` does not parse", ctx()))?;
            parsed.push((s, schedule));
        }
        if help.contains("a different schedule") {
            continue;
        }
        let meant = match intent {
            Some((t, c)) => Some(
                Schedule::parse(t, c).map_err(|d| format!("intent `{t}` does not parse: {d}"))?,
            ),
            None => written.clone(),
        };
        let Some(meant) = meant else {
            continue; // a parse error of unknown intent: parsing is all we can ask
        };
        let alternatives = help.contains("` or `");
        let together = help.contains("(together");
        let ok: Vec<bool> = parsed
            .iter()
            .map(|(_, s)| same_fires(std::slice::from_ref(s), &meant))
            .collect();
        let good = if together {
            let all: Vec<Schedule> = parsed.iter().map(|(_, s)| s.clone()).collect();
            same_fires(&all, &meant)
        } else if alternatives {
            ok.iter().any(|&b| b)
        } else {
            ok.iter().all(|&b| b)
        };
        if !good {
            return Err(format!(
                "{}\n  a suggestion fires differently from {} and the help does not say so",
                ctx(),
                match intent {
                    Some((t, _)) => format!("what was meant (`{t}`)"),
                    None => "the expression written".to_string(),
                }
            ));
        }
    }
    Ok(())
}

/// Column `column` of a TSV file, with the corpus escapes undone (`\t` is a
/// TAB and `\\` a backslash, tests/oracle/gen_quartz_corpus.py).
fn tsv_expressions(text: &str, column: usize) -> Vec<String> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').nth(column))
        .map(|e| e.replace("\\t", "\t").replace("\\\\", "\\"))
        .collect()
}

#[test]
fn helps_over_the_bad_input_suites() {
    let mut inputs: Vec<String> = Vec::new();
    inputs.extend(tsv_expressions(
        include_str!("data/quartz_edge_cases.tsv"),
        1,
    ));
    inputs.extend(tsv_expressions(include_str!("data/quartz_corpus.tsv"), 0));
    // id, kind, expression, then the times that must or must not match
    inputs.extend(
        include_str!("data/ocps_vectors.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(2).map(str::to_string)),
    );
    for line in include_str!("fixtures/validate/schedules.txt").lines() {
        if !line.trim_start().starts_with('#') && !line.trim().is_empty() {
            inputs.push(line.trim().to_string());
        }
    }
    inputs.sort();
    inputs.dedup();
    assert!(inputs.len() > 1000, "{} inputs", inputs.len());
    let mut failures = Vec::new();
    for text in &inputs {
        for choice in CHOICES {
            if let Err(e) = check_helps(text, choice, None) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} bad helps:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The cases issue 14 lists, with what the user evidently meant.
#[test]
fn the_issue_cases() {
    let q = DialectChoice::Quartz;
    let u = DialectChoice::Unix;
    let a = DialectChoice::Auto;
    let cases: &[(&str, DialectChoice, Intent)] = &[
        ("0 0 9 ? * MON, WED", q, Some(("0 0 9 ? * MON,WED", q))),
        ("0 0 12 1, 15 * ?", q, Some(("0 0 12 1,15 * ?", q))),
        ("0 0 12 1 ,15 * ?", a, Some(("0 0 12 1,15 * ?", q))),
        ("0 0 12 29 2 ?", q, None),
        ("0 0 31 * *", u, None),
        ("0 2 * * 1-5 ?", u, None),
        ("0 * ? * 2/1 *", q, Some(("0 * * ? 2/1 *", q))),
        ("0 0 * * FRI/2", u, None),
        ("0 0 0 ? * FRI/2", q, None),
        ("* * * * * 2013", a, Some(("0 * * * * * 2013", u))),
        ("0 0 0 WL * ?", q, Some(("0 0 0 LW * ?", q))),
        ("0 0 0 W1 * ?", q, Some(("0 0 0 1W * ?", q))),
        ("0 0 0 20-L * ?", q, Some(("0 0 0 20-31 * ?", q))),
        ("0 9 * * 1-5", q, Some(("0 9 * * 1-5", u))),
        ("0 12 1 * 1", q, Some(("0 12 1 * 1", u))),
    ];
    for (text, choice, intent) in cases {
        if let Err(e) = check_helps(text, *choice, *intent) {
            panic!("{e}");
        }
        // and each of them does say something
        let d = check(text, *choice, &LintOptions::new(NOW));
        assert!(d.iter().any(|f| f.help.is_some()), "`{text}`: no help");
    }
}

// ------------------------------------------------------------ near misses

/// One typical slip applied to a valid expression; `None` when it does not apply.
fn slip(valid: &str, kind: u8, pick: usize) -> Option<String> {
    let fields: Vec<&str> = valid.split(' ').collect();
    let join = |f: &[String]| f.join(" ");
    let mut owned: Vec<String> = fields.iter().map(|s| s.to_string()).collect();
    match kind {
        // a space after (or before) a comma
        0 | 1 => {
            let with_comma: Vec<usize> = (0..owned.len())
                .filter(|&i| owned[i].contains(','))
                .collect();
            let i = *with_comma.get(pick % with_comma.len().max(1))?;
            let f = owned[i].clone();
            let at = f.find(',')?;
            owned[i] = if kind == 0 {
                format!("{}, {}", &f[..at], &f[at + 1..])
            } else {
                format!("{} ,{}", &f[..at], &f[at + 1..])
            };
            Some(join(&owned))
        }
        // Quartz: `*` where the `?` belongs
        2 => {
            let i = owned.iter().position(|f| f == "?")?;
            owned[i] = "*".to_string();
            Some(join(&owned))
        }
        // Quartz: `?` in a time field that is `*`
        3 => {
            let i = (0..3).find(|&i| owned.get(i).map(String::as_str) == Some("*"))?;
            owned[i] = "?".to_string();
            Some(join(&owned))
        }
        // Quartz day-of-month: `WL` for `LW`, `W9` for `9W`, `20-L` for `20-31`
        4 => {
            let dom = owned.get(3)?.clone();
            owned[3] = if dom == "LW" {
                "WL".to_string()
            } else if let Some(n) = dom.strip_suffix('W').filter(|n| n.parse::<u32>().is_ok()) {
                format!("W{n}")
            } else if let Some(n) = dom.strip_suffix("-31").filter(|n| n.parse::<u32>().is_ok()) {
                format!("{n}-L")
            } else {
                return None;
            };
            Some(join(&owned))
        }
        _ => None,
    }
}

/// A 5-field Unix expression (minute hour day-of-month month day-of-week).
fn five_unix_fields() -> BoxedStrategy<String> {
    let dom = prop_oneof![2 => Just("*".to_string()), 4 => gen::list_of(gen::unix_dom_item())];
    let dow = prop_oneof![2 => Just("*".to_string()), 4 => gen::list_of(gen::unix_dow_item())];
    (
        gen::field(0, 59, false),
        gen::field(0, 23, false),
        dom,
        gen::month_named(),
        dow,
    )
        .prop_map(|(mi, h, dom, mo, dow)| format!("{mi} {h} {dom} {mo} {dow}"))
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Quartz expressions with one slip.
    #[test]
    fn quartz_near_misses(valid in gen::quartz_expr(), kind in 0u8..5, pick in 0usize..4) {
        let q = DialectChoice::Quartz;
        prop_assume!(Expr::parse(&valid, q).is_ok());
        if let Some(bad) = slip(&valid, kind, pick) {
            if Expr::parse(&bad, q).is_err() {
                check_helps(&bad, q, Some((&valid, q))).map_err(TestCaseError::fail)?;
            }
        }
    }

    /// Unix expressions given to Quartz (`croneval` reads Quartz by default), and
    /// a year typed as the sixth field.
    #[test]
    fn unix_text_read_as_quartz(valid in five_unix_fields(), year in 1970u32..2199) {
        prop_assume!(Expr::parse(&valid, DialectChoice::Unix).is_ok());
        check_helps(&valid, DialectChoice::Quartz, Some((&valid, DialectChoice::Unix)))
            .map_err(TestCaseError::fail)?;
        let with_year = format!("{valid} {year}");
        if Expr::parse(&with_year, DialectChoice::Auto).is_err() {
            let meant = format!("0 {valid} {year}");
            check_helps(&with_year, DialectChoice::Auto, Some((&meant, DialectChoice::Unix)))
                .map_err(TestCaseError::fail)?;
        }
    }

    /// Unix expressions with a space next to a comma.
    #[test]
    fn unix_near_misses(valid in gen::unix_expr(), kind in 0u8..2, pick in 0usize..4) {
        let u = DialectChoice::Unix;
        prop_assume!(Expr::parse(&valid, u).is_ok());
        if let Some(bad) = slip(&valid, kind, pick) {
            if Expr::parse(&bad, u).is_err() {
                check_helps(&bad, u, Some((&valid, u))).map_err(TestCaseError::fail)?;
            }
        }
    }
}
