//! The command-line layer shared by the `cronkit` and `croneval` binaries: it reads
//! arguments, calls the library and renders. Both binaries include this module and
//! call [`main`] with their [`Mode`].

pub mod args;
pub mod common;
pub mod convert;
pub mod croneval;
pub mod generate;
pub mod schedule_input;

use std::process;

use clap::Parser;

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
        args::Command::Convert(a) => convert::run(&a),
        args::Command::Explain(_) | args::Command::Validate(_) => {
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
        FieldKind::DayOfMonth | FieldKind::DayOfWeek => {
            let texts: Vec<String> = f.items.iter().map(|it| format!("{:?}", it.kind)).collect();
            texts.join(", ")
        }
    }
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
