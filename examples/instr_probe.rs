//! Instruction-count probe for the benchmark operations.
//!
//! Wall-clock benchmarks are noisy on a shared machine; instruction counts are
//! not. This runs one operation of `benches/engine.rs` N times so that
//! `valgrind --tool=callgrind` can count it; `scripts/instr_counts.sh` runs it
//! with N = 0 and N = 2000 and divides the difference (start-up cancels out).
//!
//! ```text
//! instr_probe next <cronkit|cronkit-datetime|cron|croner|saffron> <case> <N>
//! instr_probe parse <cronkit|saffron> <N>      # the expressions saffron can read
//! instr_probe parse-one <N> <quartz expression>
//! instr_probe parse-one-saffron <N> <saffron expression>
//! instr_probe zones <cronkit|cron|croner|saffron> <case> <scenario> <policy> <N>
//! ```
//!
//! `zones` runs N times the 5 000-call run of `benches/common/zones.rs`
//! (`scripts/instr_counts.sh zones` divides by 5 000).

use std::hint::black_box;
use std::process::ExitCode;
use std::str::FromStr;

use chrono::{TimeZone, Utc};
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

#[path = "../benches/common/cases.rs"]
mod cases;
use cases::CASES;

// (the answer checks are the benchmark's business)
#[allow(dead_code)]
#[path = "../benches/common/zones.rs"]
mod zones;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("instr_probe: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[&str]) -> Result<(), String> {
    let count = |s: &str| {
        s.parse::<usize>()
            .map_err(|e| format!("bad count `{s}`: {e}"))
    };
    match args {
        ["next", lib, case, n] => next(lib, case, count(n)?),
        ["parse", lib, n] => parse(lib, count(n)?),
        ["parse-one", n, expr] => {
            for _ in 0..count(n)? {
                black_box(Schedule::parse(black_box(expr), DialectChoice::Quartz).ok());
            }
            Ok(())
        }
        // the parse forms of `benches/zones.rs` (`parse_forms`), for saffron
        ["parse-one-saffron", n, expr] => {
            saffron::Cron::from_str(expr).map_err(|e| format!("saffron: {e:?}"))?;
            for _ in 0..count(n)? {
                black_box(saffron::Cron::from_str(black_box(expr)).ok());
            }
            Ok(())
        }
        ["zones", lib, case, scenario, policy, n] => {
            let c = zones::ZONE_CASES
                .iter()
                .find(|c| c.name == *case)
                .ok_or_else(|| format!("no case `{case}`"))?;
            let sc = zones::SCENARIOS
                .iter()
                .find(|s| s.name == *scenario)
                .ok_or_else(|| format!("no scenario `{scenario}`"))?;
            let dst: DstPolicy = policy.parse().map_err(|e| format!("{e}"))?;
            let r = zones::Runner::new(lib, c, sc, dst)
                .ok_or_else(|| format!("{lib} cannot run `{case}` in `{scenario}`"))?;
            for _ in 0..count(n)? {
                for i in 0..zones::CALLS {
                    black_box(r.next(black_box(sc.start + i)));
                }
            }
            Ok(())
        }
        _ => Err(
            "usage: next LIB CASE N | parse LIB N | parse-one N EXPR | parse-one-saffron N EXPR | zones LIB CASE SCENARIO POLICY N"
                .into(),
        ),
    }
}

/// The benchmark's parse set: the expressions saffron can read, in each syntax.
fn parse(lib: &str, n: usize) -> Result<(), String> {
    let with_saffron = CASES.iter().filter(|c| c.saffron.is_some());
    match lib {
        "cronkit" => {
            let set: Vec<&str> = with_saffron.map(|c| c.quartz).collect();
            for _ in 0..n {
                for e in &set {
                    black_box(Schedule::parse(black_box(e), DialectChoice::Quartz).ok());
                }
            }
        }
        "saffron" => {
            let set: Vec<&str> = with_saffron.filter_map(|c| c.saffron).collect();
            for _ in 0..n {
                for e in &set {
                    black_box(saffron::Cron::from_str(black_box(e)).ok());
                }
            }
        }
        _ => return Err(format!("no parse probe for `{lib}`")),
    }
    Ok(())
}

/// The next fire time after the benchmark's start instant, as the benchmark asks.
fn next(lib: &str, case: &str, n: usize) -> Result<(), String> {
    let c = CASES
        .iter()
        .find(|c| c.name == case)
        .ok_or_else(|| format!("no case `{case}`"))?;
    let t0 = Utc
        .with_ymd_and_hms(2026, 11, 21, 8, 30, 0)
        .single()
        .ok_or("bad start")?;
    let unsupported = || format!("{lib} cannot express `{case}`");
    match lib {
        "cronkit" => {
            let s = Schedule::parse(c.quartz, DialectChoice::Quartz).map_err(|e| e.to_string())?;
            let utc = Zone::utc();
            for _ in 0..n {
                black_box(s.next_after_ts(black_box(t0.timestamp()), &utc, DstPolicy::Shift));
            }
        }
        // the chrono API, DateTime in and out, as the peers are called
        "cronkit-datetime" => {
            let s = Schedule::parse(c.quartz, DialectChoice::Quartz).map_err(|e| e.to_string())?;
            let utc = Zone::utc();
            for _ in 0..n {
                black_box(s.next_after(black_box(t0), &utc, DstPolicy::Shift));
            }
        }
        "saffron" => {
            let s = saffron::Cron::from_str(c.saffron.ok_or_else(unsupported)?)
                .map_err(|e| format!("{e:?}"))?;
            for _ in 0..n {
                black_box(s.next_after(black_box(t0)));
            }
        }
        "croner" => {
            let p = croner::parser::CronParser::builder()
                .seconds(croner::parser::Seconds::Optional)
                .build();
            let s = p
                .parse(c.croner.ok_or_else(unsupported)?)
                .map_err(|e| e.to_string())?;
            for _ in 0..n {
                black_box(s.find_next_occurrence(black_box(&t0), false).ok());
            }
        }
        "cron" => {
            let s = cron::Schedule::from_str(c.cron.ok_or_else(unsupported)?)
                .map_err(|e| e.to_string())?;
            for _ in 0..n {
                black_box(s.after(black_box(&t0)).next());
            }
        }
        _ => return Err(format!("unknown library `{lib}`")),
    }
    Ok(())
}
