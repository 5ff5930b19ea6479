//! Shell completions and man pages, generated from the clap definitions in
//! [`super::args`]. The generated files are committed under `completions/` and
//! `man/`; `tests/generated.rs` fails when they differ from what this code makes.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use super::args::{croneval_command, Cli, CompletionsArgs, ManArgs, ShellArg};
use super::ExitCode;

fn shell(s: ShellArg) -> Shell {
    match s {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
        ShellArg::Elvish => Shell::Elvish,
    }
}

/// The completion script for `cronkit` (or `croneval`) in `sh`.
pub fn completion_script(sh: ShellArg, croneval: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if croneval {
        let mut cmd = croneval_command();
        clap_complete::generate(shell(sh), &mut cmd, "croneval", &mut out);
    } else {
        let mut cmd = Cli::command();
        clap_complete::generate(shell(sh), &mut cmd, "cronkit", &mut out);
    }
    out
}

pub fn completions(a: &CompletionsArgs) -> Result<ExitCode> {
    let script = completion_script(a.shell, a.croneval);
    super::common::finish_stdout(io::stdout().write_all(&script))?;
    Ok(ExitCode::Success)
}

/// Every man page: (file name, roff text); see [`super::manual`].
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    super::manual::man_pages()
}

pub fn man(a: &ManArgs) -> Result<ExitCode> {
    let pages = man_pages()?;
    match &a.dir {
        Some(dir) => {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            for (name, text) in pages {
                let path = Path::new(dir).join(&name);
                fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
            }
        }
        None => {
            super::common::finish_stdout(io::stdout().write_all(&pages[0].1))?;
        }
    }
    Ok(ExitCode::Success)
}
