//! `@every <duration>` under `--dialect k8s` against the real robfig/cron v3.0.1
//! (`cron.ParseStandard`, which Kubernetes' CronJob validation calls), through
//! `../shared/oracles/robfig/run.sh`.
//!
//! A grammar draws 20 000 `@every` texts (fixed seed): Go durations of one to three
//! parts, whole and fractional numbers, every unit (`h m s ms us µs μs ns`), signs,
//! zero, values near the 2^63 ns limit, and a share of text robfig rejects (unknown
//! units, a missing unit, spaces, a bare point, several signs, a tab after
//! `@every`). Each is asked for 20 fire times from a random start in UTC and in
//! America/New_York (an interval ignores zones); accept/reject and every time must
//! agree: robfig's `ConstantDelaySchedule.Next(t)` is `t + delay` truncated to the
//! second, so from a start `s` it fires at `s + k * delay`.
//!
//! Deliberate difference, excluded by class with the reason (docs/profiles.md):
//! robfig reads a duration under one second (`0s`, `-5m`, `500ms`) as one second
//! and drops fractions of a second (`1.5s` runs every second); cronkit rejects
//! these as `every-rounded`, saying what robfig does. For each of them the test
//! checks that robfig accepts and that its period is the one the message names.
//!
//! Runs in `cargo test` when the oracle can run (Go and
//! `golang-github-robfig-cron-dev` installed); otherwise it prints why and passes.
//! `CRONKIT_EVERY_COUNT` and `CRONKIT_EVERY_SEED` change the corpus.

#[path = "support/line_oracle.rs"]
#[allow(dead_code)] // each test uses part of it
mod line_oracle;

use cronkit::expr::interval::IntervalExpr;
use cronkit::schedule::Interval;
use cronkit::Dialect;
use line_oracle::{iso, Answer, Differential, Rng};

const N: usize = 20;
const ZONES: [&str; 2] = ["UTC", "America/New_York"];

const UNITS: [&str; 14] = [
    "h", "m", "s", "h", "m", "s", "h", "m", "s", "ms", "us", "µs", "μs", "ns",
];
const BAD_UNITS: [&str; 10] = ["d", "w", "H", "M", "sec", "min", "", " s", "mS", "y"];
const JUNK: [&str; 4] = [".", "x", "5", "."];

struct Gen<'a>(&'a mut Rng);

impl Gen<'_> {
    fn number(&mut self) -> String {
        match self.0.int(0, 29) {
            0 => "0".to_string(),
            1 => format!("{}.{}", self.0.int(0, 9), self.0.int(0, 999)),
            2 => format!(".{}", self.0.int(0, 99)),
            3 => format!("{}.", self.0.int(1, 9)),
            4 => self
                .0
                .pick(&[
                    "9223372036854775807",
                    "9223372036854775808",
                    "2562047",
                    "2562048",
                    "153722867",
                    "153722868",
                    "9223372036",
                    "00012",
                    "0.0000000001",
                    "1.00000000000000000000001",
                ])
                .to_string(),
            5..=9 => self.0.int(1, 9).to_string(),
            _ => self.0.int(1, 999).to_string(),
        }
    }

    fn unit(&mut self) -> &'static str {
        if self.0.chance(0.08) {
            return self.0.pick::<&str>(&BAD_UNITS);
        }
        self.0.pick::<&str>(&UNITS)
    }

    fn duration(&mut self) -> String {
        let mut d = String::new();
        match self.0.int(0, 19) {
            0 => d.push('-'),
            1 => d.push('+'),
            2 if self.0.chance(0.2) => d.push_str("--"),
            _ => {}
        }
        if self.0.chance(0.03) {
            d.push('0');
            return d;
        }
        let parts = match self.0.int(0, 9) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        for _ in 0..parts {
            d.push_str(&self.number());
            d.push_str(self.unit());
        }
        if self.0.chance(0.03) {
            d.push_str(self.0.pick::<&str>(&JUNK));
        }
        d
    }

    fn text(&mut self) -> String {
        let d = self.duration();
        match self.0.int(0, 99) {
            0 => "@every".to_string(),
            1 => format!("@every\t{d}"),
            2 => format!("@every  {d}"),
            _ => format!("@every {d}"),
        }
    }
}

#[test]
fn every_agrees_with_robfig() {
    let differential = Differential {
        name: "every_agrees_with_robfig",
        oracle: "robfig",
        oracle_var: "ROBFIG_ORACLE",
        count_var: "CRONKIT_EVERY_COUNT",
        default_count: 20_000,
        seed_var: "CRONKIT_EVERY_SEED",
        default_seed: 0x6576_6572_795f_6b38,
        zones: &ZONES,
        n: N,
        env: Vec::new(),
    };
    let Some(run) = differential.run(|r| Gen(r).text()) else {
        return;
    };
    let (mut mismatches, mut accepted, mut rejected, mut rounded) = (Vec::new(), 0, 0, 0);
    for (case, answer) in &run.pairs {
        let (text, from) = (&case.expr, case.from);
        let ours = IntervalExpr::parse(text, Dialect::K8s)
            .expect("every text starts with @every, which k8s reads as an interval");
        match (ours, answer) {
            (Err(d), Answer::Error(_)) if d.code == "every-duration" => rejected += 1,
            (Err(d), Answer::Error(msg)) => mismatches.push(format!(
                "`{text}`: robfig rejects ({msg}), cronkit says {} ({})",
                d.code, d.message
            )),
            (Ok(_), Answer::Error(msg)) => {
                mismatches.push(format!("`{text}`: robfig rejects ({msg}), cronkit accepts"))
            }
            (Err(d), Answer::Times(theirs)) => {
                // the deliberate difference: robfig reads another period than written
                let first = theirs.first().map(|t| parse_iso(t) - from);
                let named = if d.message.contains("runs it every second") {
                    Some(1)
                } else {
                    d.message
                        .rsplit_once("runs every ")
                        .and_then(|(_, go)| go_seconds(go))
                };
                if d.code == "every-rounded" && first.is_some() && first == named {
                    rounded += 1;
                } else {
                    mismatches.push(format!(
                        "`{text}`: robfig accepts (first after {} s), cronkit rejects: {} {}",
                        first.unwrap_or(-1),
                        d.code,
                        d.message
                    ));
                }
            }
            (Ok(iv), Answer::Times(theirs)) => {
                accepted += 1;
                let every = Interval {
                    period: iv.seconds as i64,
                    anchor: from,
                    first: None,
                };
                let mut t = from;
                let got: Vec<String> = (0..N)
                    .map_while(|_| {
                        t = every.next_after(t)?;
                        Some(iso(t))
                    })
                    .collect();
                if got != *theirs {
                    mismatches.push(format!(
                        "`{text}` from {} in {}:\n  robfig  {}\n  cronkit {}",
                        iso(from),
                        case.zone,
                        theirs.join(","),
                        got.join(",")
                    ));
                }
            }
        }
    }
    assert!(accepted > 1000 && rejected > 300 && rounded > 300, "the grammar must cover each class: {accepted} accepted, {rejected} rejected, {rounded} rounded");
    run.finish(
        "@every vs robfig",
        ZONES.len(),
        &format!("{accepted} accepted and equal, {rejected} rejected by both, {rounded} rounded by robfig and rejected by cronkit (every-rounded)"),
        &mismatches,
    );
}

fn parse_iso(t: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(t)
        .expect("the oracle writes RFC 3339")
        .timestamp()
}

/// `1h30m5s` → 5405: the whole-second Go durations cronkit's messages name.
fn go_seconds(s: &str) -> Option<i64> {
    let (mut total, mut n) = (0i64, 0i64);
    for c in s.chars() {
        match c {
            '0'..='9' => n = n * 10 + i64::from(c as u8 - b'0'),
            'h' => (total, n) = (total + n * 3600, 0),
            'm' => (total, n) = (total + n * 60, 0),
            's' => (total, n) = (total + n, 0),
            _ => return None,
        }
    }
    Some(total)
}
