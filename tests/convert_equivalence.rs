//! Property test of the conversion library: random expressions in both
//! dialects are converted to every target (alone, merged in groups, and to
//! Watcher JSON read back as Elasticsearch would), and every result must fire
//! at exactly the same instants as its input, in UTC and America/New_York.
//! A conversion may refuse (an error naming what the target cannot say), but
//! it may never produce a schedule that fires differently.
//!
//! The generator is a fixed-seed xorshift, so a failure reproduces.

use cronkit::convert::equivalence::first_mismatch;
use cronkit::convert::{self, Parsed, Pattern, Target};
use cronkit::formats::{self, SourceFormat};
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

fn unix_expr(r: &mut Rng) -> String {
    let min = r.pick(&["0", "*/15", "5", "10-20", "0,30", "5-50/15", "*/7", "59"]);
    let hour = r.pick(&["*", "0", "9-17", "*/6", "2", "1,13", "3"]);
    let dom = r.pick(&[
        "*", "*", "1", "15", "1-7", "*/2", "L", "15W", "1,15", "31", "29",
    ]);
    let month = r.pick(&["*", "*", "1", "FEB", "3-5", "*/3", "JAN,JUL", "2"]);
    let dow = r.pick(&[
        "*", "*", "1", "1-5", "*/2", "0,6", "7", "5L", "FRI#2", "MON#5", "+1", "+1-5", "SUN",
    ]);
    let mut e = format!("{min} {hour} {dom} {month} {dow}");
    match r.next() % 8 {
        0 => e = format!("{} {e}", r.pick(&["30", "*/20", "0,15"])),
        1 => e = format!("0 {e} {}", r.pick(&["2026", "2026-2028", "2027,2029"])),
        _ => {}
    }
    if r.next() % 20 == 0 {
        e = r
            .pick(&["@daily", "@hourly", "@weekly", "@monthly", "@yearly"])
            .to_string();
    }
    e
}

fn quartz_expr(r: &mut Rng) -> String {
    let sec = r.pick(&["0", "0", "30", "0/15", "*/20"]);
    let min = r.pick(&["0", "*/15", "5", "10-20", "0,30", "5/15", "0/7"]);
    let hour = r.pick(&["*", "0", "9-17", "0/6", "2", "1,13", "22-2"]);
    let month = r.pick(&["*", "*", "1", "FEB", "3-5", "1/3", "JAN,JUL", "NOV-FEB"]);
    let (dom, dow) = if r.next() % 2 == 0 {
        (
            r.pick(&[
                "*", "1", "15", "1-7", "1/2", "L", "L-3", "LW", "15W", "L-2W", "1,15", "31",
            ]),
            "?",
        )
    } else {
        (
            "?",
            r.pick(&[
                "*", "2", "2-6", "1,7", "6L", "6#3", "2#5", "L", "SAT-MON", "MON-FRI",
            ]),
        )
    };
    let year = r.pick(&["", "", "", " 2026", " 2026-2028", " 2027/2"]);
    format!("{sec} {min} {hour} {dom} {month} {dow}{year}")
}

fn schedules(texts: &[String], d: DialectChoice) -> Vec<Schedule> {
    texts
        .iter()
        .map(|t| Schedule::parse(t, d).unwrap_or_else(|e| panic!("`{t}`: {e}")))
        .collect()
}

fn same_fires(input: &[Schedule], output: &[Schedule], what: &str) {
    let from = 1_735_689_600; // 2025-01-01T00:00:00Z
    let windows = [
        (from, from + 6 * 366 * 86_400, 6_000),
        (1_772_841_600, 1_773_100_800, 3_000), // 2026-03-07 .. 03-10 (New York springs forward)
        (1_793_404_800, 1_793_664_000, 3_000), // 2026-10-31 .. 11-03 (falls back)
    ];
    for zone in ["UTC", "America/New_York"] {
        let z = Zone::parse(zone).unwrap();
        for (a, b, cap) in windows {
            if let Some(m) = first_mismatch(input, output, a, b, cap, &z, DstPolicy::Shift) {
                panic!("{what}: differs in {zone} at {} ({:?})", m.instant, m.fires);
            }
        }
    }
}

fn check_all_targets(inputs: &[Parsed], choice: DialectChoice, stats: &mut [usize; 2]) {
    let texts: Vec<String> = inputs.iter().map(|p| p.text.clone()).collect();
    let input = schedules(&texts, choice);
    for target in [Target::Quartz, Target::Unix, Target::Ocps] {
        for merge in [false, true] {
            match convert::convert(inputs, target, merge) {
                Ok(out) => {
                    stats[0] += 1;
                    let what = format!(
                        "{texts:?} → {target} (merge {merge}): {:?}",
                        out.expressions
                    );
                    if merge {
                        assert!(out.expressions.len() <= texts.len().max(2) * 2, "{what}");
                    }
                    same_fires(
                        &input,
                        &schedules(&out.expressions, target.dialect().into()),
                        &what,
                    );
                }
                Err(e) => {
                    stats[1] += 1;
                    assert_ne!(e.code, "internal", "{texts:?} → {target}: {e}");
                }
            }
        }
    }
    // to Watcher, then back through Elasticsearch's translation
    let patterns: Result<Vec<Pattern>, _> =
        inputs.iter().map(|p| Pattern::from_expr(&p.expr)).collect();
    if let Ok(ps) = patterns {
        match convert::to_watcher(&ps, None) {
            Ok(w) => {
                let found = formats::extract(w.json.as_bytes(), SourceFormat::Watcher).unwrap();
                assert!(found.errors.is_empty(), "{}: {:?}", w.json, found.errors);
                let es: Vec<String> = found.schedules[0]
                    .expressions
                    .iter()
                    .map(|e| e.text.clone())
                    .collect();
                let what = format!("{texts:?} → {}", w.json);
                same_fires(&input, &schedules(&es, DialectChoice::Quartz), &what);
            }
            Err(e) => assert_ne!(e.code, "internal", "{texts:?} → watcher: {e}"),
        }
    }
}

#[test]
fn random_conversions_fire_identically() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut stats = [0usize; 2];
    for i in 0..120 {
        let (text, choice) = if i % 2 == 0 {
            (unix_expr(&mut r), DialectChoice::Unix)
        } else {
            (quartz_expr(&mut r), DialectChoice::Quartz)
        };
        let Ok(p) = Parsed::parse(&text, choice) else {
            continue; // e.g. a step the dialect rejects
        };
        check_all_targets(&[p], choice, &mut stats);
    }
    // the generator must exercise both outcomes
    assert!(stats[0] > 200 && stats[1] > 50, "{stats:?}");
}

#[test]
fn random_groups_merge_identically() {
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    let mut stats = [0usize; 2];
    // groups that share most fields, so that merging has something to do
    for _ in 0..40 {
        let n = 2 + (r.next() % 3) as usize;
        let dom = r.pick(&["*", "1", "15", "L"]);
        let month = r.pick(&["*", "JAN", "3-5"]);
        let group: Vec<String> = (0..n)
            .map(|_| {
                let min = r.pick(&["0", "30", "0,15"]);
                let hour = r.pick(&["9", "12", "17", "9-11"]);
                if dom == "*" && r.next() % 2 == 0 {
                    format!(
                        "0 {min} {hour} ? {month} {}",
                        r.pick(&["MON", "TUE,WED", "6#2"])
                    )
                } else {
                    format!("0 {min} {hour} {dom} {month} ?")
                }
            })
            .collect();
        let parsed: Vec<Parsed> = group
            .iter()
            .map(|t| Parsed::parse(t, DialectChoice::Quartz).unwrap())
            .collect();
        check_all_targets(&parsed, DialectChoice::Quartz, &mut stats);
    }
    assert!(stats[0] > 50, "{stats:?}");
}
