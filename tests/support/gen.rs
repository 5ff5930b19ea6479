//! Generators of cron text for property tests, from the grammar of both dialects.
#![allow(dead_code)]

use proptest::prelude::*;

/// One list item of a plain field over `lo..=hi`.
pub fn item(lo: u32, hi: u32, wrap: bool) -> BoxedStrategy<String> {
    prop_oneof![
        2 => Just("*".to_string()),
        4 => (lo..=hi).prop_map(|v| v.to_string()),
        3 => (lo..=hi, lo..=hi).prop_filter_map("range", move |(a, b)| {
            (a < b || (wrap && a > b)).then(|| format!("{a}-{b}"))
        }),
        3 => (1..=hi).prop_map(|k| format!("*/{k}")),
        2 => (lo..=hi, 1..=hi).prop_map(|(a, k)| format!("{a}/{k}")),
        2 => (lo..=hi, lo..=hi, 1..=hi).prop_filter_map("range step", move |(a, b, k)| {
            (a < b || (wrap && a > b)).then(|| format!("{a}-{b}/{k}"))
        }),
    ]
    .boxed()
}

/// A plain field: one item, sometimes a list.
pub fn field(lo: u32, hi: u32, wrap: bool) -> BoxedStrategy<String> {
    prop_oneof![
        3 => item(lo, hi, wrap),
        1 => prop::collection::vec(item(lo, hi, wrap), 2..=4).prop_map(|v| v.join(",")),
    ]
    .boxed()
}

pub fn seconds() -> BoxedStrategy<String> {
    prop_oneof![4 => Just("0".to_string()), 1 => (1u32..60).prop_map(|v| v.to_string()), 2 => field(0, 59, false)].boxed()
}

/// Quartz day-of-month: a plain field or one special form.
pub fn quartz_dom() -> BoxedStrategy<String> {
    prop_oneof![
        4 => field(1, 31, true),
        1 => Just("L".to_string()),
        1 => (0u32..=30).prop_map(|n| format!("L-{n}")),
        1 => Just("LW".to_string()),
        1 => (0u32..=30).prop_map(|n| format!("L-{n}W")),
        1 => (1u32..=31).prop_map(|n| format!("{n}W")),
    ]
    .boxed()
}

pub fn quartz_dow() -> BoxedStrategy<String> {
    let names = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    prop_oneof![
        4 => field(1, 7, true),
        1 => (0usize..7, 0usize..7).prop_map(move |(a, b)| format!("{}-{}", names[a], names[b])),
        1 => (1u32..=7).prop_map(|n| format!("{n}L")),
        1 => (1u32..=7, 1u32..=5).prop_map(|(n, k)| format!("{n}#{k}")),
        1 => Just("L".to_string()),
    ]
    .boxed()
}

pub fn unix_dom_item() -> BoxedStrategy<String> {
    prop_oneof![
        5 => item(1, 31, false),
        1 => Just("L".to_string()),
        1 => (1u32..=30).prop_map(|n| format!("L-{n}")),
        1 => Just("LW".to_string()),
        1 => (1u32..=31).prop_map(|n| format!("{n}W")),
    ]
    .boxed()
}

pub fn unix_dow_item() -> BoxedStrategy<String> {
    prop_oneof![
        5 => item(0, 7, false),
        1 => (0u32..=7).prop_map(|n| format!("{n}L")),
        1 => (0u32..=7, 1u32..=5).prop_map(|(n, k)| format!("{n}#{k}")),
        1 => (0u32..=7).prop_map(|n| format!("{n}#L")),
    ]
    .boxed()
}

pub fn list_of(s: BoxedStrategy<String>) -> BoxedStrategy<String> {
    prop_oneof![3 => s.clone(), 1 => prop::collection::vec(s, 2..=3).prop_map(|v| v.join(","))]
        .boxed()
}

pub fn month() -> BoxedStrategy<String> {
    prop_oneof![3 => Just("*".to_string()), 2 => field(1, 12, false), 1 => (1u32..=12, 1u32..=12).prop_filter_map("wrap", |(a, b)| (a > b).then(|| format!("{a}-{b}")))].boxed()
}

pub fn year() -> BoxedStrategy<String> {
    prop_oneof![
        4 => Just(String::new()),
        1 => (2020u32..=2035).prop_map(|y| y.to_string()),
        1 => (2020u32..=2035, 0u32..6).prop_map(|(a, n)| format!("{a}-{}", a + n + 1)),
        1 => (2020u32..=2035, 2u32..5).prop_map(|(a, k)| format!("{a}/{k}")),
        1 => (2020u32..=2035, 2020u32..=2035).prop_filter_map("list", |(a, b)| (a < b).then(|| format!("{a},{b}"))),
        1 => Just("2097-2103".to_string()),
        1 => Just("*/4".to_string()),
        // step 2 reads as odd or even years
        1 => prop_oneof![
            Just("1/2".to_string()),
            Just("0/2".to_string()),
            Just("*/2".to_string()),
            Just("2000/2".to_string()),
            Just("2001-2031/2".to_string()),
        ],
    ]
    .boxed()
}

/// Day-of-week names for Quartz (1 = SUN) and Unix (0 = SUN).
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MONS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// A month field with names sometimes.
pub fn month_named() -> BoxedStrategy<String> {
    prop_oneof![
        3 => month(),
        1 => (0usize..12).prop_map(|m| MONS[m].to_string()),
        1 => (0usize..12, 0usize..12).prop_filter_map("named range", |(a, b)| (a < b).then(|| format!("{}-{}", MONS[a], MONS[b]))),
    ]
    .boxed()
}

/// A whole Quartz expression.
pub fn quartz_expr() -> BoxedStrategy<String> {
    (
        seconds(),
        field(0, 59, true),
        field(0, 23, true),
        quartz_dom(),
        month_named(),
        quartz_dow(),
        any::<bool>(),
        year(),
    )
        .prop_map(|(s, mi, h, dom, mo, dow, on_dom, y)| {
            let (a, b) = if on_dom {
                (dom, "?".to_string())
            } else {
                ("?".to_string(), dow)
            };
            format!("{s} {mi} {h} {a} {mo} {b} {y}").trim().to_string()
        })
        .boxed()
}

/// A whole Unix expression: 5, 6 or 7 fields, or a nickname.
pub fn unix_expr() -> BoxedStrategy<String> {
    let nick = prop_oneof![
        Just("@yearly"),
        Just("@annually"),
        Just("@monthly"),
        Just("@weekly"),
        Just("@daily"),
        Just("@midnight"),
        Just("@hourly"),
        Just("@reboot"),
    ]
    .prop_map(|s| s.to_string());
    let dom = prop_oneof![2 => Just("*".to_string()), 1 => Just("?".to_string()), 4 => list_of(unix_dom_item())];
    let dow = prop_oneof![
        2 => Just("*".to_string()),
        1 => Just("?".to_string()),
        4 => list_of(unix_dow_item()),
        1 => (0usize..7, 0usize..7).prop_filter_map("named", |(a, b)| (a < b).then(|| format!("{}-{}", DAYS[a], DAYS[b]))),
    ];
    let fields = (
        seconds(),
        field(0, 59, false),
        field(0, 23, false),
        dom,
        month_named(),
        dow,
        any::<bool>(),
        year(),
        0u8..3,
    )
        .prop_map(|(s, mi, h, dom, mo, dow, plus, y, shape)| {
            let dow = if plus { format!("+{dow}") } else { dow };
            match shape {
                0 => format!("{mi} {h} {dom} {mo} {dow}"),
                1 => format!("{s} {mi} {h} {dom} {mo} {dow}"),
                _ => format!(
                    "{s} {mi} {h} {dom} {mo} {dow} {}",
                    if y.is_empty() { "*".to_string() } else { y }
                ),
            }
        });
    prop_oneof![1 => nick, 12 => fields].boxed()
}
