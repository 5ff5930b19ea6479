//! The command-line layer shared by the `cronkit` and `croneval` binaries: it reads
//! arguments, calls the library and renders. Both binaries include this module and
//! call [`main`] with their [`Mode`].

pub mod args;
pub mod common;
pub mod convert;
pub mod croneval;
pub mod explain;
pub mod generate;
pub mod schedule_input;
pub mod shapes;
pub mod validate;

use std::process;

use clap::{FromArgMatches, Parser};

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
            let matches = args::croneval_command().get_matches();
            match args::CronevalCli::from_arg_matches(&matches) {
                Ok(mut cli) => {
                    cli.args.program = Some("croneval");
                    croneval::run(&cli.args)
                }
                Err(e) => e.exit(),
            }
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
            // the message may quote input (a file name, a zone): the last guard
            eprintln!("error: {}", cronkit::sanitize::message(&format!("{e:#}")));
            ExitCode::Usage.into()
        }
    }
}

fn dispatch(cmd: args::Command) -> anyhow::Result<ExitCode> {
    match cmd {
        args::Command::Croneval(a) => croneval::run(&a),
        args::Command::Explain(a) => explain::run(&a),
        args::Command::Validate(a) => validate::run(&a),
        args::Command::Convert(a) => convert::run(&a),
        args::Command::Completions(a) => generate::completions(&a),
        args::Command::Man(a) => generate::man(&a),
    }
}
