//! The `cronkit` binary: `cronkit croneval|explain|validate|convert|completions|man`.

#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main(cli::Mode::Cronkit)
}
