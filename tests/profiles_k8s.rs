//! `--dialect k8s` against the real robfig/cron v3.0.1 (`cron.ParseStandard`, the
//! parser Kubernetes vendors), through `../shared/oracles/robfig/run.sh`.
//!
//! A grammar draws 20 000 expressions (fixed seed) from robfig's standard syntax —
//! `*`, `?`, values, names in any case, ranges (names and numbers mixed), `*/n`,
//! `a/n`, `a-b/n`, lists, the descriptors — plus a share of text robfig rejects
//! (out-of-range values, day-of-week 7, reversed ranges, step 0, names where no
//! names go, `L`/`W`/`#`, wrong field counts). Each is asked for 20 fire times from
//! a random start in UTC and in America/New_York, all 40 000 jobs through one run
//! of the oracle; accept/reject and every time must agree.
//!
//! Deliberate differences, excluded by class with the reason (docs/profiles.md):
//! - robfig gives up after five years (`Next` returns the zero time when the year
//!   passes start + 5); cronkit searches to 2199. Where the oracle stops early,
//!   cronkit's next time must lie beyond robfig's limit.
//! - `TZ=`/`CRON_TZ=` prefixes: robfig reads them, Kubernetes' CronJob validation
//!   rejects them (`spec.timeZone` instead), and so does `--dialect k8s`.
//!
//! Runs in `cargo test` when the oracle can run (Go and
//! `golang-github-robfig-cron-dev` installed); otherwise it prints why and passes.
//! `CRONKIT_K8S_COUNT` and `CRONKIT_K8S_SEED` change the corpus.

#[path = "support/line_oracle.rs"]
#[allow(dead_code)] // each test uses part of it
mod line_oracle;

use chrono::{Datelike, Utc};
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};
use line_oracle::{iso, Answer, Differential, Rng};

const N: usize = 20;
const ZONES: [&str; 2] = ["UTC", "America/New_York"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

struct Field {
    lo: i64,
    hi: i64,
    names: Option<&'static [&'static str]>,
    /// the first name's value
    name_base: i64,
}

const MINUTE: Field = Field {
    lo: 0,
    hi: 59,
    names: None,
    name_base: 0,
};
const HOUR: Field = Field {
    lo: 0,
    hi: 23,
    names: None,
    name_base: 0,
};
const DOM: Field = Field {
    lo: 1,
    hi: 31,
    names: None,
    name_base: 0,
};
const MONTH: Field = Field {
    lo: 1,
    hi: 12,
    names: Some(&MONTHS),
    name_base: 1,
};
const DOW: Field = Field {
    lo: 0,
    hi: 6,
    names: Some(&DAYS),
    name_base: 0,
};

struct Gen<'a>(&'a mut Rng);

impl Gen<'_> {
    fn case(&mut self, w: &str) -> String {
        match self.0.int(0, 3) {
            0 => w.to_uppercase(),
            1 => {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
            _ => w.to_string(),
        }
    }

    fn value(&mut self, f: &Field, v: i64) -> String {
        match f.names {
            Some(names) if self.0.chance(0.4) => {
                let n = names[(v - f.name_base) as usize];
                self.case(n)
            }
            _ if v < 10 && self.0.chance(0.05) => format!("0{v}"),
            _ => v.to_string(),
        }
    }

    fn step(&mut self, f: &Field) -> i64 {
        if self.0.chance(0.1) {
            self.0.int(f.hi - f.lo, f.hi + 10) // as large as the field or larger
        } else {
            self.0.int(1, ((f.hi - f.lo) / 2).max(2))
        }
    }

    fn item(&mut self, f: &Field) -> String {
        let r = &mut self.0;
        let (a, b) = {
            let x = r.int(f.lo, f.hi);
            let y = r.int(f.lo, f.hi);
            (x.min(y), x.max(y))
        };
        match self.0.int(0, 59) {
            0..=8 => "*".to_string(),
            9..=11 => "?".to_string(),
            12..=26 => {
                let v = self.0.int(f.lo, f.hi);
                self.value(f, v)
            }
            27..=38 => format!("{}-{}", self.value(f, a), self.value(f, b)),
            39..=46 => format!("*/{}", self.step(f)),
            47..=50 => format!("{}/{}", self.value(f, a), self.step(f)),
            51..=56 => format!("{}-{}/{}", self.value(f, a), self.value(f, b), self.step(f)),
            // what robfig rejects
            _ => match self.0.int(0, 7) {
                0 => (f.hi + self.0.int(1, 3)).to_string(),
                1 if a < b => format!("{b}-{a}"),
                2 => "*/0".to_string(),
                3 => "L".to_string(),
                4 => format!("{a}#2"),
                5 => "jan".to_string(),
                6 => format!("{a}W"),
                _ => format!("{a}-"),
            },
        }
    }

    fn field(&mut self, f: &Field) -> String {
        let n = if self.0.chance(0.75) {
            1
        } else {
            self.0.int(2, 3)
        };
        (0..n).map(|_| self.item(f)).collect::<Vec<_>>().join(",")
    }

    fn expr(&mut self) -> String {
        match self.0.int(0, 99) {
            0..=3 => self
                .0
                .pick(&[
                    "@yearly",
                    "@annually",
                    "@monthly",
                    "@weekly",
                    "@daily",
                    "@midnight",
                    "@hourly",
                    "@reboot",
                    "@Daily",
                ])
                .to_string(),
            4 => "0 0 * *".to_string(),
            5 => "0 0 0 * * *".to_string(),
            // common shapes: a fixed time of day on some days
            6..=40 => {
                let m = self.0.int(0, 59).to_string();
                let h = if self.0.chance(0.3) {
                    self.field(&HOUR)
                } else {
                    self.0.int(0, 23).to_string()
                };
                let dom = if self.0.chance(0.5) {
                    "*".to_string()
                } else {
                    self.field(&DOM)
                };
                let mon = if self.0.chance(0.7) {
                    "*".to_string()
                } else {
                    self.field(&MONTH)
                };
                let dow = if self.0.chance(0.5) {
                    "*".to_string()
                } else {
                    self.field(&DOW)
                };
                format!("{m} {h} {dom} {mon} {dow}")
            }
            _ => [&MINUTE, &HOUR, &DOM, &MONTH, &DOW]
                .iter()
                .map(|f| self.field(f))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

fn year_of(t: i64) -> i32 {
    chrono::DateTime::<Utc>::from_timestamp(t, 0)
        .map(|d| d.year())
        .unwrap_or(0)
}

#[test]
fn k8s_agrees_with_robfig() {
    let differential = Differential {
        name: "k8s_agrees_with_robfig",
        oracle: "robfig",
        oracle_var: "ROBFIG_ORACLE",
        count_var: "CRONKIT_K8S_COUNT",
        default_count: 20_000,
        seed_var: "CRONKIT_K8S_SEED",
        default_seed: 0x6b38_735f_726f_6266,
        zones: &ZONES,
        n: N,
        env: Vec::new(),
    };
    let Some(run) = differential.run(|r| Gen(r).expr()) else {
        return;
    };
    let zones: Vec<Zone> = ZONES.iter().map(|z| Zone::parse(z).unwrap()).collect();
    let (mut mismatches, mut accepted, mut rejected, mut gave_up) = (Vec::new(), 0, 0, 0);
    for (case, answer) in &run.pairs {
        let (expr, from, zone_name) = (&case.expr, case.from, case.zone);
        let zone = &zones[ZONES.iter().position(|z| *z == zone_name).unwrap()];
        let ours = Schedule::parse(expr, DialectChoice::K8s);
        match (ours, answer) {
            (Err(_), Answer::Error(_)) => rejected += 1,
            (Ok(_), Answer::Error(msg)) => {
                mismatches.push(format!("`{expr}`: robfig rejects ({msg}), cronkit accepts"))
            }
            (Err(d), Answer::Times(_)) => mismatches.push(format!(
                "`{expr}`: robfig accepts, cronkit rejects: {}",
                d.message
            )),
            (Ok(s), Answer::Times(theirs)) => {
                accepted += 1;
                let got: Vec<i64> = s.iter_after(from, zone, DstPolicy::Wall).take(N).collect();
                let got_iso: Vec<String> = got.iter().map(|&t| iso(t)).collect();
                let k = theirs.len();
                let same_prefix = got_iso.len() >= k && got_iso[..k] == theirs[..];
                let ok = if k == N {
                    got_iso == *theirs
                } else {
                    // robfig stopped: the next time is more than five years after the
                    // start of the call that found nothing
                    let call_start = if k == 0 { from } else { got[k - 1] };
                    same_prefix
                        && got
                            .get(k)
                            .is_none_or(|&t| year_of(t) > year_of(call_start) + 5)
                };
                if k < N && ok && got.len() > k {
                    gave_up += 1;
                }
                if !ok {
                    mismatches.push(format!(
                        "`{expr}` from {} in {zone_name}:\n  robfig  {}\n  cronkit {}",
                        iso(from),
                        theirs.join(","),
                        got_iso.join(",")
                    ));
                }
            }
        }
    }
    run.finish(
        "k8s vs robfig",
        ZONES.len(),
        &format!("{accepted} accepted and equal, {rejected} rejected by both, {gave_up} where robfig gave up after 5 years"),
        &mismatches,
    );
}
