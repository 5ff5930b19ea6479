//! The command-line layer shared by the `cronkit` and `croneval` binaries: it reads
//! arguments, calls the library and renders. Both binaries include this module and
//! call [`main`] with their [`Mode`].

pub mod args;
pub mod common;
pub mod convert;
pub mod croneval;
pub mod generate;
pub mod schedule_input;
pub mod validate;

use std::process;

use clap::Parser;

use cronkit::expr::DayCombine;
use cronkit::{Expr, FieldKind, Schedule};

/// Which binary is running (each binary constructs one of these).
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `cronkit <subcommand> ...`
    Cronkit,
    /// `croneval ...` (the croneval subcommand on its own)
    Croneval,
}

/// Process exit status: 0 success, 1 failing result, 2 usage error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    Success,
    Failure,
    Usage,
}

impl From<ExitCode> for process::ExitCode {
    fn from(c: ExitCode) -> Self {
        process::ExitCode::from(match c {
            ExitCode::Success => 0,
            ExitCode::Failure => 1,
            ExitCode::Usage => 2,
        })
    }
}

/// Entry point of both binaries.
pub fn main(mode: Mode) -> process::ExitCode {
    let result = match mode {
        Mode::Croneval => {
            let cli = args::CronevalCli::parse();
            croneval::run(&cli.args)
        }
        Mode::Cronkit => {
            let cli = args::Cli::parse();
            dispatch(cli.command)
        }
    };
    match result {
        Ok(code) => code.into(),
        Err(e) => {
            // usage-level problems found after clap (bad --tz, bad --from, unreadable file)
            eprintln!("error: {e:#}");
            ExitCode::Usage.into()
        }
    }
}

fn dispatch(cmd: args::Command) -> anyhow::Result<ExitCode> {
    match cmd {
        args::Command::Croneval(a) => croneval::run(&a),
        args::Command::Validate(a) => validate::run(&a),
        args::Command::Convert(a) => convert::run(&a),
        args::Command::Explain(_) => {
            eprintln!("error: this subcommand is being built; see README.md");
            Ok(ExitCode::Usage)
        }
        args::Command::Completions(a) => generate::completions(&a),
        args::Command::Man(a) => generate::man(&a),
    }
}

/// What a field means, as the values it selects (used by `--detail`).
pub fn field_meaning(e: &Expr, kind: FieldKind, s: &Schedule) -> String {
    let f = e.field(kind);
    if f.is_no_specific() {
        return "no specific value (the other day field decides)".to_string();
    }
    let (secs, mins, hours, months) = s.bits();
    let list = |bits: u64, lo: u32, hi: u32| -> String {
        let v: Vec<u32> = (lo..=hi).filter(|i| bits >> i & 1 == 1).collect();
        if v.len() as u32 == hi - lo + 1 {
            "every value".to_string()
        } else {
            compact(&v)
        }
    };
    match kind {
        FieldKind::Second => list(secs, 0, 59),
        FieldKind::Minute => list(mins, 0, 59),
        FieldKind::Hour => list(hours as u64, 0, 23),
        FieldKind::Month => list(months as u64, 1, 12),
        FieldKind::Year => {
            let years: Vec<u32> = s.years().map(|y| y as u32).collect();
            if f.is_wildcard() {
                "every year".to_string()
            } else if years.is_empty() {
                "no year in 1970–2199 can fire".to_string()
            } else {
                compact(&years)
            }
        }
        FieldKind::DayOfMonth => {
            if f.is_wildcard() {
                return "every day of the month".to_string();
            }
            let r = s.day_rule();
            let mut parts = Vec::new();
            let days: Vec<u32> = (1..=31).filter(|d| r.dom_days >> d & 1 == 1).collect();
            match days.len() {
                0 => {}
                1 => parts.push(format!("day {}", days[0])),
                _ => parts.push(format!("days {}", compact(&days))),
            }
            for n in bits_of(r.dom_last_offsets as u64) {
                parts.push(match n {
                    0 => "the last day".to_string(),
                    1 => "the day before the last day".to_string(),
                    n => format!("{n} days before the last day"),
                });
            }
            for n in bits_of(r.dom_nearest_weekday as u64) {
                parts.push(format!("the weekday (Mon–Fri) nearest day {n}"));
            }
            for n in bits_of(r.dom_last_nearest_weekday as u64) {
                parts.push(match n {
                    0 => "the last weekday (Mon–Fri)".to_string(),
                    n => format!("the weekday (Mon–Fri) nearest {n} days before the last day"),
                });
            }
            parts.join("; ")
        }
        FieldKind::DayOfWeek => {
            if f.is_wildcard() {
                return "every day of the week".to_string();
            }
            let r = s.day_rule();
            let mut parts = Vec::new();
            if r.weekdays != 0 {
                parts.push(weekday_list(r.weekdays));
            }
            for bit in bits_of(r.nth_weekdays) {
                let (wd, k) = (bit / 8, bit % 8);
                let nth = ["", "1st", "2nd", "3rd", "4th", "5th"][(k as usize).min(5)];
                parts.push(format!("the {nth} {} of the month", day_abbrev(wd as u8)));
            }
            for wd in bits_of(r.last_weekdays as u64) {
                parts.push(format!("the last {} of the month", day_abbrev(wd as u8)));
            }
            let mut text = parts.join("; ");
            let dom = e.field(FieldKind::DayOfMonth);
            if e.day_combine() == DayCombine::Or && !dom.is_wildcard() {
                text.push_str(
                    " (or the day-of-month: Vixie cron fires when either day field matches)",
                );
            }
            text
        }
    }
}

/// `Sun` … `Sat` (0 = Sunday), as people write them in prose.
fn day_abbrev(wd: u8) -> &'static str {
    ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(wd % 7) as usize]
}

/// Set bit positions, lowest first.
fn bits_of(mut bits: u64) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        if bits == 0 {
            return None;
        }
        let n = bits.trailing_zeros();
        bits &= bits - 1;
        Some(n)
    })
}

/// `Mon–Fri`, `Sun, Wed, Sat`, `every day of the week` (bit 0 = Sunday).
fn weekday_list(bits: u8) -> String {
    if bits & 0x7F == 0x7F {
        return "every day of the week".to_string();
    }
    let days: Vec<u32> = (0..7).filter(|d| bits >> d & 1 == 1).collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        if j > i + 1 {
            parts.push(format!(
                "{}–{}",
                day_abbrev(days[i] as u8),
                day_abbrev(days[j] as u8)
            ));
        } else {
            for d in &days[i..=j] {
                parts.push(day_abbrev(*d as u8).to_string());
            }
        }
        i = j + 1;
    }
    parts.join(", ")
}

/// `0-5,10,20-22`
fn compact(v: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j + 1 < v.len() && v[j + 1] == v[j] + 1 {
            j += 1;
        }
        if j > i + 1 {
            parts.push(format!("{}-{}", v[i], v[j]));
        } else {
            for x in &v[i..=j] {
                parts.push(x.to_string());
            }
        }
        i = j + 1;
    }
    parts.join(",")
}
