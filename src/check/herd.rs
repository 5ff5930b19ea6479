//! What the `herd` rule ([`crate::lint::herd`]) needs from a whole `validate` run:
//! every schedule read, kept small, so that after the last input the schedules that
//! fire together can be found.
//!
//! A schedule is recorded once per distinct (text, dialect, zone) with how many times
//! it was read, and each place it was read is 20 bytes (which text, which file, line,
//! columns). Both are capped ([`MAX_PLACES`], [`MAX_DISTINCT`]): past a cap the run
//! goes on checking every expression, stops collecting, and says so in a note, so a
//! file of millions of expressions costs a few megabytes here, not one object each.
//! A parallel walk gives each thread a collector; they are [`merged`](HerdCollector::merge)
//! and sorted by path before the herds are found, so the result does not depend on
//! thread timing.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::expr::Dialect;
use crate::lint::herd;
use crate::load::{find_herds, HerdInput};
use crate::{DstPolicy, Schedule, Zone};

/// At most this many places (schedules read) are collected in one run.
pub const MAX_PLACES: usize = 100_000;
/// At most this many different schedules are compared in one run.
pub const MAX_DISTINCT: usize = 10_000;

/// One different schedule (text, dialect and zone).
#[derive(Debug, Clone)]
struct Distinct {
    /// The text parsed (the key, with its dialect and zone).
    text: String,
    dialect: Dialect,
    zone_name: Option<String>,
    /// The text as shown in findings.
    shown: String,
    schedule: Schedule,
    zone: Zone,
    dst: DstPolicy,
}

/// One place a schedule was read.
#[derive(Debug, Clone, Copy)]
struct Place {
    distinct: u32,
    path: u32,
    line: u32,
    column: u32,
    end_column: u32,
}

/// A multiply-and-rotate hash (the Firefox/rustc "Fx" hash): every expression
/// of a run is hashed once to find whether it was seen, and SipHash's
/// resistance to chosen collisions buys nothing here (a collision costs one
/// string comparison) while costing a tenth of `validate`'s time on a file of
/// a million expressions.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        // eight bytes at a time, then the rest one by one
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Every schedule of a run, compactly.
#[derive(Debug, Clone, Default)]
pub struct HerdCollector {
    /// hash of (text, dialect, zone) → indexes into `distinct`
    index: HashMap<u64, Vec<u32>, BuildHasherDefault<FxHasher>>,
    distinct: Vec<Distinct>,
    /// input names (`path`, `<argument 1>`) and whether each is a real file
    paths: Vec<(String, bool)>,
    places: Vec<Place>,
    /// schedules read but not collected (past a cap)
    dropped: u64,
}

/// Where a schedule was read, and how it shows.
#[derive(Debug, Clone, Copy)]
pub struct HerdPlace<'a> {
    /// The input (`path`, `<stdin>`, `<argument 1>`), already sanitised.
    pub path: &'a str,
    pub is_file: bool,
    pub line: u32,
    pub column: u32,
    pub end_column: u32,
    /// The expression as written (shown under the finding).
    pub shown: &'a str,
}

/// A herd ready to report: at its first schedule, with its message and help.
#[derive(Debug, Clone)]
pub struct HerdFinding {
    pub path: String,
    pub is_file: bool,
    pub line: u32,
    pub column: u32,
    pub end_column: u32,
    pub expression: String,
    pub message: String,
    pub help: String,
}

fn key_hash(text: &str, dialect: Dialect, zone: Option<&str>) -> u64 {
    let mut h = FxHasher::default();
    (text, dialect, zone).hash(&mut h);
    h.finish()
}

impl HerdCollector {
    /// An empty collector.
    pub fn new() -> HerdCollector {
        HerdCollector::default()
    }

    /// How many schedules were read but not collected (past a cap).
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Whether no more places are collected; [`HerdCollector::skip`] counts one
    /// that is not.
    pub fn is_full(&self) -> bool {
        self.places.len() >= MAX_PLACES
    }

    /// Count a schedule read but not collected.
    pub fn skip(&mut self) {
        self.dropped += 1;
    }

    /// Record one schedule, parsed from `text` and read at `at`; `zone` is the zone
    /// it runs in (`None`: UTC) and `zone_name` its name as the input gave it.
    /// `zone` and `at` are only called when the schedule is kept (past the caps
    /// most are not, and a run of a million expressions should not pay for
    /// their positions).
    pub fn add<'a>(
        &mut self,
        text: &str,
        schedule: &Schedule,
        zone_name: Option<&str>,
        zone: impl FnOnce() -> Zone,
        dst: DstPolicy,
        at: impl FnOnce() -> HerdPlace<'a>,
    ) {
        if schedule.is_reboot() || schedule.never_fires() {
            return;
        }
        if self.places.len() >= MAX_PLACES {
            self.dropped += 1;
            return;
        }
        let dialect = schedule.dialect();
        let h = key_hash(text, dialect, zone_name);
        let found = self.index.get(&h).and_then(|ids| {
            ids.iter().copied().find(|&i| {
                let d = &self.distinct[i as usize];
                d.text == text && d.dialect == dialect && d.zone_name.as_deref() == zone_name
            })
        });
        if found.is_none() && self.distinct.len() >= MAX_DISTINCT {
            self.dropped += 1;
            return;
        }
        let at = at();
        let distinct = match found {
            Some(i) => i,
            None => {
                let i = self.distinct.len() as u32;
                self.distinct.push(Distinct {
                    text: text.to_string(),
                    dialect,
                    zone_name: zone_name.map(str::to_string),
                    shown: at.shown.to_string(),
                    schedule: schedule.clone(),
                    zone: zone(),
                    dst,
                });
                self.index.entry(h).or_default().push(i);
                i
            }
        };
        let path = match self.paths.last() {
            Some((p, _)) if p == at.path => self.paths.len() - 1,
            _ => {
                self.paths.push((at.path.to_string(), at.is_file));
                self.paths.len() - 1
            }
        };
        self.places.push(Place {
            distinct,
            path: path as u32,
            line: at.line,
            column: at.column,
            end_column: at.end_column,
        });
    }

    /// Take in another collector's schedules (a walk thread's).
    pub fn merge(&mut self, other: HerdCollector) {
        self.dropped += other.dropped;
        let mut distinct_map = Vec::with_capacity(other.distinct.len());
        for d in other.distinct {
            let h = key_hash(&d.text, d.dialect, d.zone_name.as_deref());
            let found = self.index.get(&h).and_then(|ids| {
                ids.iter().copied().find(|&i| {
                    let m = &self.distinct[i as usize];
                    m.text == d.text && m.dialect == d.dialect && m.zone_name == d.zone_name
                })
            });
            distinct_map.push(match found {
                Some(i) => Some(i),
                None if self.distinct.len() >= MAX_DISTINCT => None,
                None => {
                    let i = self.distinct.len() as u32;
                    self.distinct.push(d);
                    self.index.entry(h).or_default().push(i);
                    Some(i)
                }
            });
        }
        let path_base = self.paths.len() as u32;
        self.paths.extend(other.paths);
        for p in other.places {
            match distinct_map[p.distinct as usize] {
                Some(d) if self.places.len() < MAX_PLACES => self.places.push(Place {
                    distinct: d,
                    path: p.path + path_base,
                    ..p
                }),
                _ => self.dropped += 1,
            }
        }
    }

    /// The herds of the week from `from` (more than `threshold` schedules in one
    /// minute), each ready to report at its first schedule in path order, earliest
    /// herd first. The last one says how many more herds there are, if any.
    pub fn herds(&mut self, from: i64, threshold: u32) -> Vec<HerdFinding> {
        if self.places.is_empty() {
            return Vec::new();
        }
        // path order, then position: the same whatever the walk's threads did
        let paths = &self.paths;
        self.places.sort_by(|a, b| {
            (paths[a.path as usize].0.as_str(), a.line, a.column).cmp(&(
                paths[b.path as usize].0.as_str(),
                b.line,
                b.column,
            ))
        });
        let mut weight = vec![0u32; self.distinct.len()];
        for p in &self.places {
            weight[p.distinct as usize] += 1;
        }
        let inputs: Vec<HerdInput<'_>> = self
            .distinct
            .iter()
            .zip(&weight)
            .map(|(d, &w)| HerdInput {
                schedule: &d.schedule,
                zone: &d.zone,
                dst: d.dst,
                weight: w,
            })
            .collect();
        let start = from.div_euclid(60) * 60;
        let found = find_herds(&inputs, start, start + 7 * 86_400, threshold);
        let mut out = Vec::with_capacity(found.herds.len());
        let mut member = vec![false; self.distinct.len()];
        for herd in &found.herds {
            member.iter_mut().for_each(|m| *m = false);
            for &m in &herd.members {
                member[m] = true;
            }
            let mut first: Option<Place> = None;
            let mut names = Vec::new();
            let mut count = 0usize;
            for p in self.places.iter().filter(|p| member[p.distinct as usize]) {
                count += 1;
                if first.is_none() {
                    first = Some(*p);
                }
                if names.len() < herd::NAMED {
                    names.push(format!("{}:{}", self.paths[p.path as usize].0, p.line));
                }
            }
            let Some(first) = first else { continue };
            let (path, is_file) = self.paths[first.path as usize].clone();
            out.push(HerdFinding {
                path,
                is_file,
                line: first.line,
                column: first.column,
                end_column: first.end_column,
                expression: self.distinct[first.distinct as usize].shown.clone(),
                message: herd::message(
                    herd.schedules,
                    herd.first,
                    herd.minutes,
                    &names,
                    count - names.len(),
                ),
                help: herd::help(threshold),
            });
        }
        if found.more > 0 {
            if let Some(last) = out.last_mut() {
                last.message.push_str(&format!(
                    " ({} more herds in the week are not listed)",
                    found.more
                ));
            }
        }
        out
    }
}
