//! The `croneval` binary: `cronkit croneval` under the name Elasticsearch users know.

#![forbid(unsafe_code)]

#[path = "../cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::main(cli::Mode::Croneval)
}
