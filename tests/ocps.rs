//! OCPS conformance: every vector of the Open Cron Pattern Specification's test suite
//! (versions 1.0–1.4, copied into `tests/data/ocps_vectors.tsv` with its attribution)
//! passes in the unix dialect, evaluated in UTC.
//!
//! * `match`: each `must_match` date-time matches — both by [`Schedule::matches_civil`]
//!   and by the search itself (`next_local(t - 1) == t`, and the same through
//!   `next_after_ts` in UTC) — and each `must_not_match` date-time does not.
//! * `accept` / `reject`: the pattern parses / is a parse error.
//! * `equivalent`: both patterns fire at exactly the same instants over several years,
//!   from a few different starting points.

use cronkit::schedule::calendar::{days_from_civil, Civil};
use cronkit::{DialectChoice, DstPolicy, Expr, Schedule, Zone};

const VECTORS: &str = include_str!("data/ocps_vectors.tsv");

struct Vector<'a> {
    line: usize,
    id: &'a str,
    kind: &'a str,
    pattern: &'a str,
    must_match: &'a str,
    must_not_match: &'a str,
}

fn vectors() -> Vec<Vector<'static>> {
    VECTORS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 5, "line {}: expected 5 columns: {l:?}", i + 1);
            Vector {
                line: i + 1,
                id: cols[0],
                kind: cols[1],
                pattern: cols[2],
                must_match: cols[3],
                must_not_match: cols[4],
            }
        })
        .collect()
}

/// `YYYY-MM-DD HH:mm` or `YYYY-MM-DD HH:mm:ss` (a missing second means 0).
fn civil(s: &str) -> Civil {
    let bad = || panic!("bad date-time in the vectors: {s:?}");
    let (date, time) = s.trim().split_once(' ').unwrap_or_else(bad);
    let d: Vec<u32> = date.split('-').map(|x| x.parse().unwrap()).collect();
    let t: Vec<u32> = time.split(':').map(|x| x.parse().unwrap()).collect();
    if d.len() != 3 || !(2..=3).contains(&t.len()) {
        bad();
    }
    Civil {
        year: d[0] as i32,
        month: d[1],
        day: d[2],
        hour: t[0],
        minute: t[1],
        second: t.get(2).copied().unwrap_or(0),
    }
}

fn instants(list: &str) -> Vec<Civil> {
    list.split(';')
        .filter(|s| !s.trim().is_empty())
        .map(civil)
        .collect()
}

fn unix(pattern: &str) -> Schedule {
    Schedule::parse(pattern, DialectChoice::Unix)
        .unwrap_or_else(|d| panic!("`{pattern}` should parse:\n{}", d.render()))
}

#[test]
fn the_suite_is_complete() {
    let v = vectors();
    let count = |k: &str| v.iter().filter(|x| x.kind == k).count();
    // 36 vectors in the source file (37 minus the non-normative one left out)
    assert_eq!(v.len(), 36);
    assert_eq!(count("match"), 22);
    assert_eq!(count("accept"), 5);
    assert_eq!(count("reject"), 8);
    assert_eq!(count("equivalent"), 1);
    let mut ids: Vec<&str> = v.iter().map(|x| x.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), v.len(), "duplicate ids");
}

#[test]
fn match_vectors() {
    let utc = Zone::utc();
    let mut failures = Vec::new();
    let mut checked = 0;
    for v in vectors().iter().filter(|v| v.kind == "match") {
        let s = unix(v.pattern);
        for (list, want) in [(v.must_match, true), (v.must_not_match, false)] {
            for c in instants(list) {
                checked += 1;
                let t = c.to_secs();
                let by_fields = s.matches_civil(c);
                let by_search = s.next_local(t - 1) == Some(t);
                let by_instant = s.next_after_ts(t - 1, &utc, DstPolicy::Shift) == Some(t);
                if by_fields != want || by_search != want || by_instant != want {
                    failures.push(format!(
                        "{} (line {}): `{}` at {c:?}: expected match={want}, matches_civil={by_fields}, next_local={by_search}, next_after_ts={by_instant}",
                        v.id, v.line, v.pattern
                    ));
                }
            }
        }
    }
    assert!(checked >= 40, "only {checked} date-times checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn accept_vectors() {
    let mut failures = Vec::new();
    for v in vectors().iter().filter(|v| v.kind == "accept") {
        match Expr::parse(v.pattern, DialectChoice::Unix) {
            Ok(e) => {
                let s = Schedule::from_expr(&e);
                // `@reboot` parses but has no clock fire times; every other accepted
                // pattern here is a plain field expression.
                if s.is_reboot() != (v.pattern == "@reboot") {
                    failures.push(format!("{}: is_reboot() = {}", v.id, s.is_reboot()));
                }
                if s.is_reboot() && !s.never_fires() {
                    failures.push(format!("{}: @reboot must have no fire times", v.id));
                }
            }
            Err(d) => failures.push(format!("{} (line {}):\n{}", v.id, v.line, d.render())),
        }
    }
    // `* * 31 2 *` is syntactically valid but can never fire.
    assert!(unix("* * 31 2 *").never_fires());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reject_vectors() {
    let mut failures = Vec::new();
    for v in vectors().iter().filter(|v| v.kind == "reject") {
        match Expr::parse(v.pattern, DialectChoice::Unix) {
            Ok(_) => failures.push(format!(
                "{} (line {}): `{}` was accepted",
                v.id, v.line, v.pattern
            )),
            Err(d) => {
                // a rejection is only useful with a code, a message and a location
                if d.code.is_empty() || d.message.is_empty() || d.spans.is_empty() {
                    failures.push(format!("{}: incomplete diagnostic {d:?}", v.id));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn equivalent_vectors() {
    let utc = Zone::utc();
    // a few starts, each followed for four years
    let starts = [
        days_from_civil(1970, 1, 1) * 86_400 - 1,
        days_from_civil(2024, 2, 28) * 86_400 + 12 * 3600,
        days_from_civil(2099, 12, 31) * 86_400 + 23 * 3600 + 59 * 60 + 59,
        days_from_civil(2196, 1, 1) * 86_400,
    ];
    let mut checked = 0;
    for v in vectors().iter().filter(|v| v.kind == "equivalent") {
        // for this kind the fourth column holds the other pattern
        let (a, b) = (unix(v.pattern), unix(v.must_match));
        for &from in &starts {
            let until = from + 4 * 366 * 86_400;
            let fa: Vec<i64> = a
                .iter_after(from, &utc, DstPolicy::Shift)
                .take_while(|&t| t <= until)
                .collect();
            let fb: Vec<i64> = b
                .iter_after(from, &utc, DstPolicy::Shift)
                .take_while(|&t| t <= until)
                .collect();
            assert!(!fa.is_empty(), "{}: no fire times after {from}", v.id);
            assert_eq!(
                fa, fb,
                "{}: `{}` and `{}` differ after {from}",
                v.id, v.pattern, v.must_match
            );
            // the same backwards
            let ba: Vec<i64> = a
                .iter_before(until, &utc, DstPolicy::Shift)
                .take_while(|&t| t > from)
                .collect();
            let bb: Vec<i64> = b
                .iter_before(until, &utc, DstPolicy::Shift)
                .take_while(|&t| t > from)
                .collect();
            assert_eq!(ba, bb, "{}: backwards from {until}", v.id);
            checked += fa.len();
        }
    }
    assert!(checked > 1000, "only {checked} fire times compared");
}
