//! The command-line layer shared by the `cronkit` and `croneval` binaries: it reads
//! arguments, calls the library and renders. Both binaries include this module and
//! call [`main`] with their [`Mode`].

/// `eprintln!` that never panics: a failed write to stderr is remembered
/// (the run then exits 2, see [`common::stderr_failed`]) and a closed pipe is
/// ignored, as on stdout. Every message of the CLI goes through it.
macro_rules! ewriteln {
    () => {
        $crate::cli::common::write_stderr(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::common::write_stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!` with the failure handling of [`ewriteln!`].
macro_rules! ewrite {
    ($($arg:tt)*) => {
        $crate::cli::common::write_stderr(format_args!($($arg)*))
    };
}

pub mod args;
pub mod common;
pub mod convert;
pub mod croneval;
pub mod documents;
pub mod explain;
pub mod generate;
pub mod manual;
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
            let matches = args::croneval_command().try_get_matches();
            match matches.and_then(|mut m| args::CronevalCli::from_arg_matches_mut(&mut m)) {
                Ok(mut cli) => {
                    cli.args.program = Some("croneval");
                    croneval::run(&cli.args)
                }
                Err(e) => return clap_exit(e),
            }
        }
        Mode::Cronkit => match args::Cli::try_parse() {
            Ok(cli) => dispatch(cli.command),
            Err(e) => return clap_exit(e),
        },
    };
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            // usage-level problems found after clap (bad --tz, bad --from, unreadable file)
            // the message may quote input (a file name, a zone): the last guard
            ewriteln!("error: {}", cronkit::sanitize::message(&format!("{e:#}")));
            ExitCode::Usage
        }
    };
    if common::stderr_failed() {
        // a message could not be written (a full disk): the run did not do
        // what it says it did
        return ExitCode::Usage.into();
    }
    code.into()
}

/// What clap found (help, version, a usage error): print it, and make a
/// failed write of `--help` or `--version` (to a full disk) an error, exit 2;
/// a closed pipe is a normal end.
fn clap_exit(e: clap::Error) -> process::ExitCode {
    use std::io::Write;
    let printed = e.print().and_then(|()| std::io::stdout().flush());
    match printed {
        Err(w) if w.kind() != std::io::ErrorKind::BrokenPipe => {
            ewriteln!("error: writing output: {w}");
            ExitCode::Usage.into()
        }
        _ if common::stderr_failed() => ExitCode::Usage.into(),
        _ => process::ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
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
