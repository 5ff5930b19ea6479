//! Quartz parity: cronkit against golden data produced by the real Quartz 2.3.2
//! library (`tests/oracle/gen_quartz_corpus.py` → `tests/data/quartz_corpus.tsv` and
//! `tests/data/quartz_edge_cases.tsv`; see `tests/oracle/README.md`).
//!
//! Quartz's `CronExpression` stops at its MAX_YEAR (clock year + 100 when the data
//! was made, 2126) and reports the end of the series there; cronkit searches up to
//! 2199. So where Quartz says END, cronkit must either end too or continue only
//! after Quartz's MAX_YEAR. Every other fire time must be identical, in UTC and
//! under `DstPolicy::Quartz` in the DST zones.

use std::fs;

use chrono::DateTime;

use cronkit::{DialectChoice, DstPolicy, Expr, Schedule, Zone};

/// First instant Quartz cannot return (2127-01-01T00:00:00Z).
const QUARTZ_END: i64 = 4_954_435_200;

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('\\') => out.push('\\'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn ts(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad time {s}: {e}"))
        .timestamp()
}

fn iso(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Quartz's answer: fire times and how the list ended.
struct QuartzResult {
    times: Vec<i64>,
    end: bool,
    timeout: bool,
}

fn parse_result(s: &str) -> QuartzResult {
    let mut r = QuartzResult {
        times: Vec::new(),
        end: false,
        timeout: false,
    };
    for tok in s.split(',').filter(|t| !t.is_empty()) {
        match tok {
            "END" => r.end = true,
            "TIMEOUT" => r.timeout = true,
            t => r.times.push(ts(t)),
        }
    }
    r
}

/// Compare cronkit with one Quartz answer; `Err` describes the first difference.
fn compare(expr: &str, start: i64, n: usize, zone: &str, q: &QuartzResult) -> Result<(), String> {
    let schedule = Schedule::parse(expr, DialectChoice::Quartz)
        .map_err(|d| format!("cronkit rejects what Quartz accepts: {}", d.render()))?;
    let zone = Zone::parse(zone).map_err(|e| e.to_string())?;
    let ours: Vec<i64> = schedule
        .iter_after(start, &zone, DstPolicy::Quartz)
        .take(n)
        .collect();
    for (i, qt) in q.times.iter().enumerate() {
        match ours.get(i) {
            Some(o) if o == qt => {}
            Some(o) => {
                return Err(format!(
                    "time {}: quartz {} cronkit {}",
                    i + 1,
                    iso(*qt),
                    iso(*o)
                ));
            }
            None => return Err(format!("time {}: quartz {} cronkit ended", i + 1, iso(*qt))),
        }
    }
    if q.end {
        if let Some(o) = ours.get(q.times.len()) {
            if *o < QUARTZ_END {
                return Err(format!(
                    "quartz ended after {} times; cronkit continues at {} (before Quartz's MAX_YEAR)",
                    q.times.len(),
                    iso(*o)
                ));
            }
        }
    } else if !q.timeout && ours.len() < q.times.len() {
        return Err("cronkit has fewer times".into());
    }
    Ok(())
}

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn corpus_matches_quartz() {
    let text = data("quartz_corpus.tsv");
    let (mut checked, mut fires, mut rejects, mut quirks) = (0usize, 0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    let mut section = "";
    for (lineno, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("# section: ") {
            section = rest.split_whitespace().next().unwrap_or("");
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if section == "quirks" {
            // Quartz's answer depends on its search path here (documented in README.md);
            // cronkit must still read the expression.
            quirks += 1;
            let expr = unescape(line.split('\t').next().unwrap_or(""));
            if let Err(d) = Expr::parse(&expr, DialectChoice::Quartz) {
                failures.push(format!(
                    "line {}: quirk `{expr}` rejected: {}",
                    lineno + 1,
                    d.message
                ));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 5, "line {}: {line}", lineno + 1);
        let expr = unescape(cols[0]);
        let (start, n, zone, status) = (cols[1], cols[2], cols[3], cols[4]);
        let result = cols.get(5).copied().unwrap_or("");
        checked += 1;
        let outcome = match status {
            "ERR" => {
                rejects += 1;
                match Expr::parse(&expr, DialectChoice::Quartz) {
                    Ok(_) => Err(format!("Quartz rejects ({result}) but cronkit accepts")),
                    Err(_) => Ok(()),
                }
            }
            "OK" => {
                fires += 1;
                let n: usize = n.parse().expect("n");
                compare(&expr, ts(start), n, zone, &parse_result(result))
            }
            other => panic!("line {}: status {other}", lineno + 1),
        };
        if let Err(e) = outcome {
            failures.push(format!(
                "line {}: `{expr}` from {start} in {zone}: {e}",
                lineno + 1
            ));
        }
    }
    assert!(checked >= 3000 * 5, "corpus too small: {checked} lines");
    assert!(
        failures.is_empty(),
        "{} of {checked} corpus lines differ from Quartz:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    eprintln!(
        "quartz parity: {checked} lines ({fires} fire-time lists, {rejects} rejections) agree; {quirks} path-dependent lines parsed"
    );
}

#[test]
fn edge_cases_match_quartz_or_are_rejected_on_purpose() {
    let text = data("quartz_edge_cases.tsv");
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 8, "{line}");
        let (row, expr) = (cols[0], unescape(cols[1]));
        let (start, n, zone, status, result, expect) =
            (cols[2], cols[3], cols[4], cols[5], cols[6], cols[7]);
        rows += 1;
        let parsed = Expr::parse(&expr, DialectChoice::Quartz);
        let outcome = if let Some(reason) = expect.strip_prefix("reject") {
            match parsed {
                Ok(_) => Err(format!("cronkit should reject ({reason}) but accepts")),
                Err(_) => Ok(()),
            }
        } else if status == "ERR" {
            match parsed {
                Ok(_) => Err(format!("Quartz rejects ({result}) but cronkit accepts")),
                Err(_) => Ok(()),
            }
        } else {
            // `same` and `quartz-maxyear`: identical times below Quartz's MAX_YEAR
            compare(
                &expr,
                ts(start),
                n.parse().unwrap(),
                zone,
                &parse_result(result),
            )
        };
        if let Err(e) = outcome {
            failures.push(format!("row {row} `{expr}` ({expect}): {e}"));
        }
    }
    assert_eq!(rows, 135, "EDGE-CASES.md has 135 rows");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
