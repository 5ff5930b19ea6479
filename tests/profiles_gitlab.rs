//! `--dialect gitlab` against the real fugit 1.5.2 (`Fugit::Cron.parse` with the
//! schedule's zone appended, as GitLab's `Gitlab::Ci::CronParser` does), through
//! `../shared/oracles/fugit/run.sh`.
//!
//! A grammar draws 20 000 expressions (fixed seed) from fugit's syntax — 5 fields
//! or 6 with seconds, `*`, values, three-letter names in any case, ranges that may
//! wrap (`22-2`, `nov-feb`), `*/n`, `/n`, `a/n`, `a-b/n`, lists, day-of-month `L`,
//! `last` and `-n`, day-of-week 0–7, `d#k`, `d#-1`, `d#L` — plus a share of text
//! fugit rejects (`?`, out-of-range values, step 0, Quartz forms, bad field counts).
//! Each is asked for 20 fire times from a random start in UTC and in
//! America/New_York, all 40 000 jobs through one run of the oracle; accept/reject
//! and every time must agree.
//!
//! Deliberate differences, excluded by class with the reason (docs/profiles.md):
//! - fugit refuses a day-of-month that no month of the schedule has (`30 2`,
//!   `31 4,6`) as "not a cron expression"; cronkit reads it and says it never
//!   fires (`validate`: `never-fires`).
//! - fugit gives up after 2048 search steps ("too many loops") on rare schedules;
//!   cronkit finds their times.
//! - fugit accepts and misreads `5/1`, day-of-week `mon/2`, `5-1/2`, `*,mon` and
//!   `*/1`; `--dialect gitlab` rejects them saying what fugit does
//!   (`misread-by-platform`), so the grammar does not draw them.
//!
//! Runs in `cargo test` when the oracle can run (Ruby and `ruby-fugit`
//! installed); otherwise it prints why and passes. `CRONKIT_GITLAB_COUNT` and
//! `CRONKIT_GITLAB_SEED` change the corpus; `CRONKIT_ORACLE_WORKERS` the number of
//! oracle processes (default: one per core).
//!
//! Cost: fugit walks ~1 000 steps a job in Ruby; the oracle runs with
//! `tests/oracle/fugit_memo.rb` preloaded, which makes et-orbi's time building
//! cheaper without changing an answer (`fugit_memo_changes_no_answer` proves it on
//! the same corpus); about 20 ms of CPU a job instead of 110 ms.

#[path = "support/line_oracle.rs"]
#[allow(dead_code)] // each test uses part of it
mod line_oracle;

use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};
use line_oracle::{ask_parallel, iso, workers, Answer, Differential, Rng};

const N: usize = 20;
/// fugit takes about 20 ms of CPU a job even with the memo (~1 000 search steps in
/// Ruby), so plain `cargo test` asks it 200 expressions (a few seconds); `.ci/run`
/// asks 4 000 and the full run in docs/profiles.md 20 000 (`CRONKIT_GITLAB_COUNT`).
const DEFAULT_COUNT: usize = 200;
const ZONES: [&str; 2] = ["UTC", "America/New_York"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
/// fugit's `MAXDAYS` (February 29).
const MAXDAYS: [u32; 13] = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Sec,
    Min,
    Hour,
    Dom,
    Month,
    Dow,
}

struct Gen<'a>(&'a mut Rng);

impl Gen<'_> {
    fn bounds(k: Kind) -> (i64, i64) {
        match k {
            Kind::Sec | Kind::Min => (0, 59),
            Kind::Hour => (0, 23),
            Kind::Dom => (1, 31),
            Kind::Month => (1, 12),
            Kind::Dow => (0, 7),
        }
    }

    fn case(&mut self, w: &str) -> String {
        match self.0.int(0, 2) {
            0 => w.to_uppercase(),
            _ => w.to_string(),
        }
    }

    fn value(&mut self, k: Kind, v: i64) -> String {
        match k {
            Kind::Month if self.0.chance(0.4) => self.case(MONTHS[v as usize - 1]),
            Kind::Dow if v < 7 && self.0.chance(0.4) => self.case(DAYS[v as usize]),
            _ => v.to_string(),
        }
    }

    fn step(&mut self, k: Kind) -> i64 {
        let (lo, hi) = Self::bounds(k);
        if self.0.chance(0.1) {
            self.0.int(hi - lo, 99)
        } else {
            self.0.int(2, ((hi - lo) / 2).max(2))
        }
    }

    fn item(&mut self, k: Kind) -> String {
        let (lo, hi) = Self::bounds(k);
        let x = self.0.int(lo, hi);
        let y = self.0.int(lo, hi);
        let (a, b) = (x.min(y), x.max(y));
        let dow = k == Kind::Dow;
        match self.0.int(0, 59) {
            0..=8 => "*".to_string(),
            9..=22 => self.value(k, x),
            23..=32 => format!("{}-{}", self.value(k, a), self.value(k, b)),
            // wrapping ranges (no step in day-of-week: fugit misreads that)
            33..=35 if x != y => format!("{}-{}", self.value(k, b), self.value(k, a)),
            36..=37 if x != y && !dow => {
                format!("{}-{}/{}", self.value(k, b), self.value(k, a), self.step(k))
            }
            38..=42 => format!("*/{}", self.step(k)),
            43 => format!("/{}", self.step(k)),
            44..=46 if !dow => format!("{}/{}", self.value(k, a), self.step(k)),
            47..=50 => format!("{}-{}/{}", self.value(k, a), self.value(k, b), self.step(k)),
            51..=54 if k == Kind::Dom => match self.0.int(0, 3) {
                0 => "L".to_string(),
                1 => "last".to_string(),
                _ => format!("-{}", self.0.int(1, 10)),
            },
            51..=56 if dow => {
                let d = self.0.int(0, 6);
                let d = self.value(k, d);
                match self.0.int(0, 5) {
                    0 => format!("{d}#-1"),
                    1 => format!("{d}#L"),
                    2 => format!("{d}#last"),
                    _ => format!("{d}#{}", self.0.int(1, 5)),
                }
            }
            59 => match self.0.int(0, 6) {
                0 => "?".to_string(),
                // fugit reads hour 24 as 0 (cronkit: "midnight is hour 0")
                1 => (hi + 2).to_string(),
                // fugit reads day-of-week `*/0` as every day
                2 if !dow => "*/0".to_string(),
                3 => "5W".to_string(),
                4 => "L-2".to_string(),
                5 => "1#6".to_string(),
                _ => "x".to_string(),
            },
            _ => self.value(k, x),
        }
    }

    fn field(&mut self, k: Kind) -> String {
        let n = if self.0.chance(0.75) {
            1
        } else {
            self.0.int(2, 3)
        };
        let mut items: Vec<String> = (0..n).map(|_| self.item(k)).collect();
        if k == Kind::Dow && items.len() > 1 {
            // fugit drops a `*` from a day-of-week list (a misread cronkit rejects)
            items.retain(|i| i != "*");
            if items.is_empty() {
                items.push("1".to_string());
            }
        }
        items.join(",")
    }

    fn expr(&mut self) -> String {
        let seconds = self.0.chance(0.15);
        let mut fields = Vec::new();
        if seconds {
            fields.push(if self.0.chance(0.5) {
                self.0.int(0, 59).to_string()
            } else {
                self.field(Kind::Sec)
            });
        }
        if self.0.chance(0.4) {
            // a fixed time on some days
            fields.push(self.0.int(0, 59).to_string());
            fields.push(self.0.int(0, 23).to_string());
        } else {
            fields.push(self.field(Kind::Min));
            fields.push(self.field(Kind::Hour));
        }
        for k in [Kind::Dom, Kind::Month, Kind::Dow] {
            fields.push(if self.0.chance(0.45) {
                "*".to_string()
            } else {
                self.field(k)
            });
        }
        if self.0.chance(0.01) {
            fields.pop();
        }
        fields.join(" ")
    }
}

/// fugit's `compact_month_days` also drops every month that has none of the
/// plain days, even when a restricted day-of-week (OR) would fire in it
/// (`31 11,MAY */2` loses November); cronkit keeps those weekdays.
fn fugit_drops_months(expr: &str) -> bool {
    let Ok(e) = cronkit::Expr::parse(expr, DialectChoice::Gitlab) else {
        return false;
    };
    let s = Schedule::from_expr(&e);
    let (_, _, _, months) = s.bits();
    let rule = s.day_rule();
    let dom = e.field(cronkit::FieldKind::DayOfMonth);
    let month = e.field(cronkit::FieldKind::Month);
    if dom.is_wildcard() || month.is_wildcard() || rule.combine != cronkit::DayCombine::Or {
        return false;
    }
    (1..=12u32).any(|m| {
        months >> m & 1 == 1
            && rule.dom_last_offsets == 0
            && !(1..=MAXDAYS[m as usize]).any(|d| rule.dom_days >> d & 1 == 1)
    })
}

/// fugit's `compact_month_days`: true when no (month, day) pair of the plain days
/// exists, so fugit refuses the expression.
fn fugit_refuses_days(expr: &str) -> bool {
    let Ok(e) = cronkit::Expr::parse(expr, DialectChoice::Gitlab) else {
        return false;
    };
    let s = Schedule::from_expr(&e);
    let (_, _, _, months) = s.bits();
    let rule = s.day_rule();
    let dom = e.field(cronkit::FieldKind::DayOfMonth);
    if dom.is_wildcard() || rule.dom_last_offsets != 0 || rule.dom_days == 0 {
        return false;
    }
    !(1..=12u32).any(|m| {
        months >> m & 1 == 1 && (1..=MAXDAYS[m as usize]).any(|d| rule.dom_days >> d & 1 == 1)
    })
}

/// A positive `d#k` in the day-of-week field.
fn has_nth(expr: &str) -> bool {
    let dow = expr.split_whitespace().last().unwrap_or("");
    dow.split(',').any(|i| {
        i.split_once('#')
            .is_some_and(|(_, k)| k.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// The oracle's extra environment: preload `tests/oracle/fugit_memo.rb` unless
/// `CRONKIT_FUGIT_PLAIN` is set.
fn memo_env(memo: bool) -> Vec<(String, String)> {
    if !memo || std::env::var_os("CRONKIT_FUGIT_PLAIN").is_some() {
        return Vec::new();
    }
    let shim = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/fugit_memo.rb");
    let opt = match std::env::var("RUBYOPT") {
        Ok(old) if !old.is_empty() => format!("{old} -r{shim}"),
        _ => format!("-r{shim}"),
    };
    vec![("RUBYOPT".to_string(), opt)]
}

fn differential() -> Differential {
    Differential {
        name: "gitlab_agrees_with_fugit",
        oracle: "fugit",
        oracle_var: "FUGIT_ORACLE",
        count_var: "CRONKIT_GITLAB_COUNT",
        default_count: DEFAULT_COUNT,
        seed_var: "CRONKIT_GITLAB_SEED",
        default_seed: 0x6769_746c_6162_6675,
        zones: &ZONES,
        n: N,
        env: memo_env(true),
    }
}

#[test]
fn gitlab_agrees_with_fugit() {
    let Some(run) = differential().run(|r| Gen(r).expr()) else {
        return;
    };
    let zones: Vec<Zone> = ZONES.iter().map(|z| Zone::parse(z).unwrap()).collect();
    let mut mismatches = Vec::new();
    let (mut accepted, mut rejected, mut no_such_day, mut gave_up) = (0, 0, 0, 0);
    let (mut dropped_months, mut nth_in_dst_zone) = (0, 0);
    for (case, answer) in &run.pairs {
        let (expr, from, zone_name) = (&case.expr, case.from, case.zone);
        let zone = &zones[ZONES.iter().position(|z| *z == zone_name).unwrap()];
        let ours = Schedule::parse(expr, DialectChoice::Gitlab);
        match (ours, answer) {
            (Err(_), Answer::Error(_)) => rejected += 1,
            (Ok(_), Answer::Error(msg)) if msg.contains("too many loops") => gave_up += 1,
            (Ok(_), Answer::Error(_)) if fugit_refuses_days(expr) => no_such_day += 1,
            (Ok(_), Answer::Error(msg)) => {
                mismatches.push(format!("`{expr}`: fugit rejects ({msg}), cronkit accepts"))
            }
            (Err(d), Answer::Times(_)) => mismatches.push(format!(
                "`{expr}`: fugit accepts, cronkit rejects: {}",
                d.message
            )),
            (Ok(_), Answer::Times(_)) if fugit_drops_months(expr) => dropped_months += 1,
            // et-orbi counts `d#k` in elapsed seconds from the 1st, so after a
            // spring-forward in the same month the k-th weekday counts as the (k-1)-th
            (Ok(_), Answer::Times(_)) if zone_name != "UTC" && has_nth(expr) => {
                nth_in_dst_zone += 1
            }
            (Ok(s), Answer::Times(theirs)) => {
                accepted += 1;
                let got: Vec<String> = s
                    .iter_after(from, zone, DstPolicy::Wall)
                    .take(N)
                    .map(iso)
                    .collect();
                if got != *theirs {
                    mismatches.push(format!(
                        "`{expr}` from {} in {zone_name}:\n  fugit   {}\n  cronkit {}",
                        iso(from),
                        theirs.join(","),
                        got.join(",")
                    ));
                }
            }
        }
    }
    run.finish(
        "gitlab vs fugit",
        ZONES.len(),
        &format!("{accepted} accepted and equal, {rejected} rejected by both, excluded: {no_such_day} days no month has, {dropped_months} where fugit drops months, {nth_in_dst_zone} `d#k` in New York, {gave_up} where fugit gave up"),
        &mismatches,
    );
}

/// The memo preloaded into the oracle changes no answer: the first jobs of the
/// corpus, asked of fugit with and without it, give the same lines.
#[test]
fn fugit_memo_changes_no_answer() {
    let d = differential();
    let Ok(script) = line_oracle::find(d.oracle_var, d.oracle) else {
        println!("SKIPPED fugit_memo_changes_no_answer: no fugit oracle");
        return;
    };
    let count: usize = line_oracle::env_number("CRONKIT_FUGIT_MEMO_COUNT", 60);
    let mut rng = Rng(d.default_seed ^ 0x5a5a);
    let jobs: Vec<String> = (0..count)
        .flat_map(|_| {
            let e = Gen(&mut rng).expr();
            let from = 1_767_225_600 + rng.int(0, 5 * 365 * 86_400);
            ZONES.map(|z| format!("{e}\t{}\t{N}\t{z}", iso(from)))
        })
        .collect();
    let plain = match ask_parallel(&script, &jobs, &memo_env(false), workers()) {
        Ok(a) => a,
        Err(why) => {
            println!("SKIPPED fugit_memo_changes_no_answer: {why}");
            return;
        }
    };
    let memo =
        ask_parallel(&script, &jobs, &memo_env(true), workers()).expect("fugit with the memo");
    let differ: Vec<String> = jobs
        .iter()
        .zip(plain.iter().zip(&memo))
        .filter(|(_, (a, b))| a != b)
        .map(|(j, (a, b))| format!("{j}: plain {a:?}, memo {b:?}"))
        .collect();
    println!(
        "fugit memo: {} jobs, {} answers differ",
        jobs.len(),
        differ.len()
    );
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
