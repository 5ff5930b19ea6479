//! The differential harness shared by the platform-profile tests
//! (`tests/profiles_k8s.rs` against robfig/cron, `tests/profiles_gitlab.rs` against
//! fugit): find the line oracle (`../shared/oracles/*/run.sh`), draw the corpus,
//! ask the oracle every job (one answer a line, see `../shared/oracles/README.md`),
//! split over several oracle processes, and report the mismatches.
//!
//! `CRONKIT_ORACLE_CACHE=FILE` keeps the oracle's answers in FILE and reads them
//! back while the corpus (every job line, the oracle's environment) is the same:
//! a slow oracle (fugit: about 20 ms of CPU a job) is then asked once for a large
//! run, and cronkit can be judged again against the same answers in seconds.
//!
//! Each test keeps only what is its own: the grammar and how a pair of answers is
//! judged (the deliberate differences it excludes by class).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

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
pub fn ask(script: &Path, jobs: &[String]) -> Result<Vec<Answer>, String> {
    ask_with_env(script, jobs, &[])
}

/// [`ask`] with extra environment variables for the oracle process.
pub fn ask_with_env(
    script: &Path,
    jobs: &[String],
    env: &[(String, String)],
) -> Result<Vec<Answer>, String> {
    Ok(ask_raw(script, jobs, env)?
        .iter()
        .map(|l| parse_answer(l))
        .collect())
}

/// The oracle's answer lines for `jobs`, as printed (one a job).
fn ask_raw(
    script: &Path,
    jobs: &[String],
    env: &[(String, String)],
) -> Result<Vec<String>, String> {
    let mut child = Command::new("bash")
        .arg(script)
        .envs(env.iter().map(|(k, v)| (k, v)))
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
    Ok(lines)
}

/// One answer line: `OK\tt1,t2,...` or `ERR\tmessage`.
pub fn parse_answer(l: &str) -> Answer {
    match l.split_once('\t') {
        Some(("OK", times)) => Answer::Times(
            times
                .split(',')
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        Some((_, msg)) => Answer::Error(msg.to_string()),
        None => Answer::Error(l.to_string()),
    }
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

/// A number from the environment variable `var`, else `default`.
pub fn env_number<T: std::str::FromStr>(var: &str, default: T) -> T {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// How many oracle processes to run side by side: `CRONKIT_ORACLE_WORKERS`, else
/// one per available core. Each process reads its own contiguous share of the jobs,
/// so the answers come back in the jobs' order.
pub fn workers() -> usize {
    env_number(
        "CRONKIT_ORACLE_WORKERS",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    )
    .max(1)
}

/// [`ask_with_env`] split over `workers` oracle processes running at once.
pub fn ask_parallel(
    script: &Path,
    jobs: &[String],
    env: &[(String, String)],
    workers: usize,
) -> Result<Vec<Answer>, String> {
    Ok(ask_parallel_raw(script, jobs, env, workers)?
        .iter()
        .map(|l| parse_answer(l))
        .collect())
}

/// [`ask_parallel`]'s answer lines, as printed.
fn ask_parallel_raw(
    script: &Path,
    jobs: &[String],
    env: &[(String, String)],
    workers: usize,
) -> Result<Vec<String>, String> {
    if jobs.is_empty() {
        return Ok(Vec::new());
    }
    let chunk = jobs.len().div_ceil(workers.max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| scope.spawn(move || ask_raw(script, part, env)))
            .collect();
        let mut all = Vec::with_capacity(jobs.len());
        for h in handles {
            all.extend(
                h.join()
                    .map_err(|_| "an oracle thread panicked".to_string())??,
            );
        }
        Ok(all)
    })
}

/// FNV-1a over the job lines and the oracle's extra environment: names a corpus
/// in the answer cache.
fn corpus_hash(jobs: &[String], env: &[(String, String)]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = jobs
        .iter()
        .map(String::as_str)
        .chain(env.iter().flat_map(|(k, v)| [k.as_str(), v.as_str()]));
    for part in parts {
        for b in part.bytes().chain([b'\n']) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The answers to `jobs`: from the cache file `cache` when it holds this very
/// corpus (its first line names the corpus by [`corpus_hash`] and size), else
/// from the oracle, then kept in `cache`. The cache only saves the oracle's time
/// when the same corpus is judged again (after a change to cronkit, not to the
/// grammar): any change to a job line or to the oracle's environment asks again.
fn ask_cached(
    script: &Path,
    jobs: &[String],
    env: &[(String, String)],
    workers: usize,
    cache: Option<&Path>,
) -> Result<(Vec<Answer>, bool), String> {
    let header = format!(
        "cronkit oracle answers {:016x} {}",
        corpus_hash(jobs, env),
        jobs.len()
    );
    if let Some(path) = cache {
        if let Ok(text) = std::fs::read_to_string(path) {
            let mut lines = text.lines();
            if lines.next() == Some(header.as_str()) {
                let kept: Vec<Answer> = lines.map(parse_answer).collect();
                if kept.len() == jobs.len() {
                    return Ok((kept, true));
                }
            }
        }
    }
    let raw = ask_parallel_raw(script, jobs, env, workers)?;
    if let Some(path) = cache {
        let mut text = header;
        for l in &raw {
            text.push('\n');
            text.push_str(l);
        }
        text.push('\n');
        if let Err(e) = std::fs::write(path, text) {
            println!("(could not keep the answers in {}: {e})", path.display());
        }
    }
    Ok((raw.iter().map(|l| parse_answer(l)).collect(), false))
}

/// One job: an expression asked from a start instant in a zone.
#[derive(Clone, Debug)]
pub struct Case {
    pub expr: String,
    /// Unix seconds; the first fire time is strictly after it.
    pub from: i64,
    pub zone: &'static str,
}

/// A differential run against one line oracle.
pub struct Differential {
    /// The test's name, for SKIPPED lines and the summary.
    pub name: &'static str,
    /// The oracle's directory under `../shared/oracles/` and the variable that overrides its script.
    pub oracle: &'static str,
    pub oracle_var: &'static str,
    /// The variables that change the corpus, with their defaults.
    pub count_var: &'static str,
    pub default_count: usize,
    pub seed_var: &'static str,
    pub default_seed: u64,
    /// Each expression is asked in every zone, from the same start.
    pub zones: &'static [&'static str],
    /// Fire times asked a job.
    pub n: usize,
    /// Extra environment for the oracle processes.
    pub env: Vec<(String, String)>,
}

/// What a run gives back: every case with the oracle's answer, and the counts for the summary.
pub struct Answers {
    pub pairs: Vec<(Case, Answer)>,
    pub count: usize,
    pub seconds: f64,
    pub workers: usize,
}

impl Differential {
    /// Draw `count` expressions with `expr` (the start of each is drawn uniformly from
    /// 2026 to 2030), ask the oracle, and pair each job with its answer. `None` when
    /// the oracle cannot run here; the reason is printed as `SKIPPED`.
    pub fn run(&self, mut expr: impl FnMut(&mut Rng) -> String) -> Option<Answers> {
        let script = match find(self.oracle_var, self.oracle) {
            Ok(s) => s,
            Err(why) => {
                println!("SKIPPED {}: {why}", self.name);
                return None;
            }
        };
        let count: usize = env_number(self.count_var, self.default_count);
        let mut rng = Rng(env_number(self.seed_var, self.default_seed));
        let start_lo = 1_767_225_600; // 2026-01-01T00:00:00Z
        let mut jobs = Vec::new();
        let mut cases = Vec::new();
        for _ in 0..count {
            let e = expr(&mut rng);
            let from = start_lo + rng.int(0, 5 * 365 * 86_400);
            for &zone in self.zones {
                jobs.push(format!("{e}\t{}\t{}\t{zone}", iso(from), self.n));
                cases.push(Case {
                    expr: e.clone(),
                    from,
                    zone,
                });
            }
        }
        let workers = workers();
        let started = Instant::now();
        let cache = std::env::var_os("CRONKIT_ORACLE_CACHE").map(PathBuf::from);
        let answers = match ask_cached(&script, &jobs, &self.env, workers, cache.as_deref()) {
            Ok((a, from_cache)) => {
                if from_cache {
                    println!(
                        "{}: the oracle's answers read from {} (CRONKIT_ORACLE_CACHE)",
                        self.name,
                        cache
                            .as_deref()
                            .map_or(String::new(), |p| p.display().to_string())
                    );
                }
                a
            }
            Err(why) => {
                println!(
                    "SKIPPED {}: the {} oracle cannot run here: {why}",
                    self.name, self.oracle
                );
                return None;
            }
        };
        Some(Answers {
            pairs: cases.into_iter().zip(answers).collect(),
            count,
            seconds: started.elapsed().as_secs_f64(),
            workers,
        })
    }
}

impl Answers {
    /// Print the summary (jobs, expressions, the oracle's wall-clock time, the
    /// test's own counts in `detail`) and fail with the first mismatches.
    pub fn finish(&self, name: &str, zones: usize, detail: &str, mismatches: &[String]) {
        println!(
            "{name}: {} jobs ({} expressions × {zones} zones) in {:.1} s of oracle time ({} processes): {detail}; {} mismatches",
            self.pairs.len(),
            self.count,
            self.seconds,
            self.workers,
            mismatches.len()
        );
        assert!(
            mismatches.is_empty(),
            "{} mismatches, the first ones:\n{}",
            mismatches.len(),
            mismatches
                .iter()
                .take(25)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
