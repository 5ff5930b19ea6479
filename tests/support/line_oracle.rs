//! Asking a line oracle (`../shared/oracles/*/run.sh`): one process, every job
//! through its stdin at once, one answer a line (see `../shared/oracles/README.md`).

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The oracle's answer to one job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The expression parsed; its fire times (UTC, `...Z`), maybe fewer than asked.
    Times(Vec<String>),
    /// The library rejected the expression (or gave up); its message.
    Error(String),
}

/// The oracle script: `$var`, else `../shared/oracles/<name>/run.sh` beside the
/// repository, else `/work/shared/oracles/<name>/run.sh`. `Err` says why there is
/// none (the caller prints it and skips).
pub fn find(var: &str, name: &str) -> Result<PathBuf, String> {
    if let Ok(p) = std::env::var(var) {
        return Ok(PathBuf::from(p));
    }
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared/oracles")
        .join(name)
        .join("run.sh");
    for p in [
        beside,
        PathBuf::from(format!("/work/shared/oracles/{name}/run.sh")),
    ] {
        if p.is_file() {
            return Ok(p);
        }
    }
    Err(format!(
        "no {name} oracle: set {var} or put it at ../shared/oracles/{name}/run.sh"
    ))
}

/// Run `script` once with `jobs` (`EXPR\tFROM\tN\tTZ` lines) on its stdin.
/// `Err` when the oracle cannot run here (exit status 3 = a missing package, as
/// the scripts say), with its message.
pub fn ask(script: &PathBuf, jobs: &[String]) -> Result<Vec<Answer>, String> {
    let mut child = Command::new("bash")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", script.display()))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input: String = jobs.iter().map(|j| format!("{j}\n")).collect();
    let writer = std::thread::spawn(move || {
        // a broken pipe means the oracle died; its status says why
        let _ = stdin.write_all(input.as_bytes());
    });
    let stdout = child.stdout.take().expect("piped stdout");
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .collect();
    let _ = writer.join();
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if lines.len() != jobs.len() {
        return Err(format!(
            "the oracle {} answered {} of {} jobs (status {:?}): {}",
            script.display(),
            lines.len(),
            jobs.len(),
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(lines
        .into_iter()
        .map(|l| match l.split_once('\t') {
            Some(("OK", times)) => Answer::Times(
                times
                    .split(',')
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
            Some((_, msg)) => Answer::Error(msg.to_string()),
            None => Answer::Error(l),
        })
        .collect())
}

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.int(0, xs.len() as i64 - 1) as usize]
    }
}

/// Unix seconds → `2026-01-01T00:00:00Z`.
pub fn iso(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| t.to_string())
}
