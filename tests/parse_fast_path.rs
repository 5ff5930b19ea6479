//! `Schedule::parse` has a byte-level fast path for everyday expressions
//! (`src/schedule/fast_parse.rs`) that falls back to the full parser for anything
//! else. These tests hold it to the full parser: for every text and every dialect
//! choice, `Schedule::parse` must accept exactly what `Expr::parse` accepts,
//! compile to the same schedule as `Schedule::from_expr` of that tree, and reject
//! with the same diagnostic.
//!
//! The texts are random expressions assembled from valid and invalid pieces
//! (values at and beyond the bounds, names in every case, steps of 0, backwards
//! ranges, special day forms in lists, stray characters, odd spacing), plus every
//! expression of the Quartz corpus and edge-case tables and the lint fixtures.

use std::fs;

use proptest::prelude::*;

use cronkit::{DialectChoice, Expr, Schedule};

const CHOICES: [DialectChoice; 3] = [
    DialectChoice::Quartz,
    DialectChoice::Unix,
    DialectChoice::Auto,
];

/// The two routes to a schedule agree on `text` under `choice`.
fn same_result(text: &str, choice: DialectChoice) -> Result<(), String> {
    let direct = Schedule::parse(text, choice);
    let via_tree = Expr::parse(text, choice).map(|e| Schedule::from_expr(&e));
    if direct == via_tree {
        Ok(())
    } else {
        Err(format!(
            "`{text}` ({choice:?}):\n  Schedule::parse: {direct:?}\n  via Expr::parse: {via_tree:?}"
        ))
    }
}

/// Numbers at, inside and outside every field's bounds, with leading zeros and
/// too many digits.
const NUMBERS: &[&str] = &[
    "0", "00", "1", "2", "3", "5", "6", "7", "8", "12", "13", "15", "23", "24", "28", "29", "30",
    "31", "32", "59", "60", "61", "99", "1969", "1970", "2026", "2099", "2100", "2199", "2200",
    "007", "0005", "00005", "65535", "65536", "99999",
];
const NAMES: &[&str] = &[
    "MON", "mon", "Fri", "SUN", "sat", "THU", "JAN", "dec", "Feb", "NOV", "MONDAY", "JANU", "XYZ",
    "MO", "FRIL", "L",
];

fn pick(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(options).prop_map(str::to_string)
}

/// One list item: mostly well-formed, sometimes not.
fn item() -> impl Strategy<Value = String> {
    let n = || pick(NUMBERS);
    let name = || pick(NAMES);
    prop_oneof![
        3 => n(),
        2 => Just("*".to_string()),
        2 => Just("?".to_string()),
        2 => n().prop_map(|s| format!("*/{s}")),
        2 => (n(), n()).prop_map(|(a, b)| format!("{a}-{b}")),
        2 => (n(), n()).prop_map(|(a, b)| format!("{a}/{b}")),
        2 => (n(), n(), n()).prop_map(|(a, b, c)| format!("{a}-{b}/{c}")),
        2 => name(),
        2 => (name(), name()).prop_map(|(a, b)| format!("{a}-{b}")),
        1 => (name(), n()).prop_map(|(a, b)| format!("{a}-{b}")),
        1 => (name(), n()).prop_map(|(a, b)| format!("{a}/{b}")),
        2 => Just("L".to_string()),
        1 => Just("l".to_string()),
        2 => n().prop_map(|s| format!("L-{s}")),
        1 => Just("LW".to_string()),
        1 => n().prop_map(|s| format!("{s}W")),
        2 => (n(), n()).prop_map(|(a, k)| format!("{a}#{k}")),
        1 => (name(), n()).prop_map(|(a, k)| format!("{a}#{k}")),
        1 => n().prop_map(|s| format!("{s}L")),
        1 => n().prop_map(|s| format!("{s}#L")),
        1 => n().prop_map(|s| format!("/{s}")),
        1 => n().prop_map(|s| format!("+{s}")),
        1 => pick(&["", "-", "#", "/", "*-5", "1-", "-1", "x", "é", "W", "w", "@daily", "@reboot", "1\n", "**"]),
    ]
}

/// A field: one to three items.
fn field() -> impl Strategy<Value = String> {
    prop::collection::vec(item(), 1..=3).prop_map(|items| items.join(","))
}

/// Four to eight arbitrary fields with assorted spacing.
fn any_expression() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((field(), pick(&[" ", " ", " ", "  ", "\t", " \t"])), 4..=8),
        pick(&["", "", " ", "\t"]),
        pick(&["", "", " ", "  "]),
    )
        .prop_map(|(fields, lead, trail)| {
            let mut s = lead;
            for (i, (f, sep)) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str(sep);
                }
                s.push_str(f);
            }
            s.push_str(&trail);
            s
        })
}

/// A well-formed expression with one or two fields replaced by an arbitrary
/// field, so that a single wrong piece meets otherwise valid text.
fn nearly_valid_expression() -> impl Strategy<Value = String> {
    (
        mostly_valid_expression(),
        prop::collection::vec((0..7usize, field()), 1..=2),
    )
        .prop_map(|(text, swaps)| {
            let mut fields: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            for (i, f) in swaps {
                let n = fields.len();
                fields[i % n] = f;
            }
            fields.join(" ")
        })
}

/// Well-formed Quartz and Unix expressions (the fast path's home ground), with an
/// occasional slip in one field.
fn mostly_valid_expression() -> impl Strategy<Value = String> {
    let sec = pick(&[
        "0", "*", "*/5", "0/15", "30", "10-20", "50-10", "0,30", "5-50/7",
    ]);
    let min = pick(&["0", "*", "0/1", "15", "*/7", "0,45", "5-10/2", "59", "*/60"]);
    let hour = pick(&["0", "*", "12", "9-17", "22-2", "*/6", "23", "24", "0,12"]);
    let dom = pick(&[
        "*", "?", "1", "15", "31", "L", "L-3", "1-15", "*/10", "1,15", "0", "L,1",
    ]);
    let month = pick(&[
        "*", "1", "2", "JAN", "nov-feb", "*/3", "4-9", "1,6", "13", "JAN/2",
    ]);
    let dow = pick(&[
        "*", "?", "MON-FRI", "mon-fri", "1", "7", "SAT,SUN", "6#3", "FRI#3", "2#5", "1-5", "0",
        "FRI-MON", "3/2", "6#6", "MON,6#3",
    ]);
    let year = pick(&[
        "",
        "",
        "2026",
        "1970-1972",
        "2099",
        "*/50",
        "2028-2040/4",
        "2030-2028",
    ]);
    (sec, min, hour, dom, month, dow, year, 0..3usize).prop_map(
        |(s, mi, h, dom, mo, dow, y, shape)| match shape {
            0 => format!("{s} {mi} {h} {dom} {mo} {dow} {y}"),
            1 => format!("{mi} {h} {dom} {mo} {dow}"),
            _ => format!("{s} {mi} {h} {dom} {mo} {dow}"),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_text_parses_the_same_both_ways(text in any_expression()) {
        for choice in CHOICES {
            same_result(&text, choice).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn nearly_valid_text_parses_the_same_both_ways(text in nearly_valid_expression()) {
        for choice in CHOICES {
            same_result(&text, choice).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn everyday_expressions_parse_the_same_both_ways(text in mostly_valid_expression()) {
        for choice in CHOICES {
            same_result(&text, choice).map_err(TestCaseError::fail)?;
        }
    }
}

/// Every item form with values at the edges, in every field of a few valid
/// expressions: each text differs from a valid one in exactly one field, which
/// is where the fast path must decide between "mine" and "ask the full parser".
#[test]
fn every_item_form_in_every_field_parses_the_same_both_ways() {
    const EDGES: &[&str] = &[
        "0", "00", "1", "01", "5", "7", "8", "12", "13", "23", "24", "30", "31", "32", "59", "60",
        "1969", "1970", "2199", "2200", "0005", "00005", "99999",
    ];
    const SHORT: &[&str] = &["0", "1", "7", "12", "31", "60", "2199", "00005"];
    const WORDS: &[&str] = &["MON", "fri", "Sun", "JAN", "dec", "MONDAY", "MO", "XYZ"];
    let mut items: Vec<String> = vec![
        "*".into(),
        "?".into(),
        "L".into(),
        "l".into(),
        "LW".into(),
        "lw".into(),
        "LWW".into(),
        "LW,1".into(),
        "1W,2".into(),
        "W".into(),
        "#".into(),
        "".into(),
        "-".into(),
        "/".into(),
        "**".into(),
        "*-1".into(),
        "?,?".into(),
        "*,1".into(),
        "1,*".into(),
        "1,".into(),
        ",1".into(),
        "1,,2".into(),
        "L,1".into(),
        "1,L".into(),
        "6#3,1".into(),
        "1,6#3".into(),
        "?,1".into(),
        "L-".into(),
        "L-W".into(),
    ];
    for a in EDGES {
        for form in [
            "{a}", "*/{a}", "/{a}", "L-{a}", "L-{a}W", "l-{a}w", "{a}W", "{a}w", "{a}WW", "{a}L",
            "{a}#L", "+{a}",
        ] {
            items.push(form.replace("{a}", a));
        }
        for b in EDGES {
            for form in ["{a}-{b}", "{a}/{b}", "{a}#{b}"] {
                items.push(form.replace("{a}", a).replace("{b}", b));
            }
        }
    }
    for a in SHORT {
        for b in SHORT {
            for c in SHORT {
                items.push(format!("{a}-{b}/{c}"));
            }
        }
    }
    for w in WORDS {
        for form in [
            "{w}", "{w}L", "{w}/2", "{w}#3", "{w}#9", "{w}-5", "5-{w}", "{w}W",
        ] {
            items.push(form.replace("{w}", w));
        }
        for v in WORDS {
            items.push(format!("{w}-{v}"));
            items.push(format!("{w}-{v}/2"));
        }
    }
    let bases = [
        "0 0 12 ? * MON-FRI",
        "0 0 12 1 * ? 2030",
        "0 12 * * 1-5",
        "0 0 12 * * 1-5",
        "0 0 12 * * 1-5 2030",
    ];
    let mut failures = Vec::new();
    for base in bases {
        let fields: Vec<&str> = base.split(' ').collect();
        for i in 0..fields.len() {
            for it in &items {
                let mut f = fields.clone();
                f[i] = it;
                let text = f.join(" ");
                for choice in CHOICES {
                    if let Err(e) = same_result(&text, choice) {
                        failures.push(e);
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, e.g.\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n")
    );
}

/// `\t` and `\\` as the corpus files write them.
fn unescape(s: &str) -> String {
    s.replace("\\t", "\t").replace("\\\\", "\\")
}

#[test]
fn corpus_and_fixture_expressions_parse_the_same_both_ways() {
    let mut texts: Vec<String> = Vec::new();
    let corpus = fs::read_to_string("tests/data/quartz_corpus.tsv").unwrap();
    texts.extend(
        corpus
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(unescape),
    );
    let edge = fs::read_to_string("tests/data/quartz_edge_cases.tsv").unwrap();
    texts.extend(
        edge.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .map(unescape),
    );
    let fixtures = fs::read_to_string("tests/fixtures/validate/schedules.txt").unwrap();
    texts.extend(fixtures.lines().map(str::to_string));
    texts.sort();
    texts.dedup();
    assert!(texts.len() > 500, "{} expressions", texts.len());
    let failures: Vec<String> = texts
        .iter()
        .flat_map(|t| CHOICES.iter().filter_map(move |&c| same_result(t, c).err()))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
