//! `--dialect gitlab` against the real fugit 1.5.2 (`Fugit::Cron.parse` with the
//! schedule's zone appended, as GitLab's `Gitlab::Ci::CronParser` does), through
//! `../shared/oracles/fugit/run.sh`.
//!
//! A grammar draws 20 000 expressions (fixed seed) from fugit's syntax — 5 fields
//! or 6 with seconds, `*`, values, three-letter names in any case, ranges that may
//! wrap (`22-2`, `nov-feb`), `*/n`, `/n`, `a/n`, `a-b/n`, lists, day-of-month `L`,
//! `last` and `-n`, day-of-week 0–7, `d#k`, `d#-k` (k = 1..5), `d#L`, `d#last`,
//! `d%n` and `d%n+p`, and two `#`/`%` items for one weekday — plus a share of text
//! fugit rejects (`?`, out-of-range values, step 0, Quartz forms, `#-6`, `%0`,
//! `%` after a range, bad field counts). Each is asked for 20 fire times from a
//! random start in UTC and in America/New_York, all 40 000 jobs through one run
//! of the oracle; accept/reject and every time must agree.
//!
//! fugit's own semantics are matched, DST included: its `next_time` walks
//! instants in the schedule's zone (cronkit's `--dst wall`), and its gh-6 guard
//! (cron.rb:266-273), which compares a candidate's wall-clock text with the
//! start's text in the start's own zone (UTC here and in GitLab), skips a time
//! now and then across a DST change; `fugit_times` models the guard on top of
//! cronkit's times and the test requires fugit's exact answer. (The guard is a
//! fugit bug that GitLab users cannot see coming; cronkit itself does not skip
//! those times, see docs/profiles.md.)
//!
//! Excluded by class, each a fugit bug, with the reason (docs/profiles.md); the
//! classes of times (months dropped, `#` and Tuesday `%` in New York) count a
//! job only when fugit's times differ from cronkit's:
//! - two `#`/`%` items for one weekday: fugit reads only the first in its sort
//!   order (cron.rb:175); cronkit rejects them (`misread-by-platform`); counted
//!   when cronkit rejects with that code and fugit answers.
//! - fugit refuses a day-of-month that no month of the schedule has (`30 2`,
//!   `31 4,6`) as "not a cron expression" (cron.rb:436-450); cronkit reads it and
//!   says it never fires (`validate`: `never-fires`).
//! - fugit's `compact_month_days` drops months with none of the listed days even
//!   where a restricted day-of-week would fire (cron.rb:436-450).
//! - et-orbi counts `d#k` weeks in elapsed seconds (time.rb:388-398), so around a
//!   DST change in the month the k-th weekday can count as the (k-1)-th or
//!   (k+1)-th: `d#k` and `d#-k` (but `d#-1`) in New York are excluded.
//! - et-orbi's `rweek` (time.rb:332-336) counts elapsed seconds from 2019-01-01
//!   00:00 EST: in summer time a Tuesday's first hour is still the week before,
//!   and fugit tests the day at 00:00, so `tue%n` misses its Tuesdays all summer
//!   (`0 10 * * tue%2` in New York fires first on 2026-11-03 after 2026-05-01):
//!   a Tuesday `%` in New York is excluded.
//! - fugit gives up after 2048 search steps ("too many loops") on rare
//!   schedules (cron.rb:228, 253); cronkit finds their times.
//! - `%0` without a plain item for its weekday: cronkit rejects it; fugit fails
//!   (ZeroDivisionError, cron.rb:168) on the first such weekday it examines,
//!   which may come after the 20 times asked.
//! - times after 2199 (cronkit's range) or, in New York, after tzinfo's last
//!   generated transition (`horizon`) are not compared.
//! - fugit accepts and misreads `5/1`, day-of-week `mon/2`, `5-1/2`, `*,mon` and
//!   `*/1`; `--dialect gitlab` rejects them saying what fugit does
//!   (`misread-by-platform`), so the grammar does not draw them.
//!
//! Runs in `cargo test` when the oracle can run (Ruby and `ruby-fugit`
//! installed); otherwise it prints why and passes. `CRONKIT_GITLAB_COUNT` and
//! `CRONKIT_GITLAB_SEED` change the corpus; `CRONKIT_ORACLE_WORKERS` the number of
//! oracle processes (default: one per core); `CRONKIT_ORACLE_CACHE=FILE` keeps
//! the oracle's answers for the same corpus (`tests/support/line_oracle.rs`).
//!
//! Cost: fugit walks ~1 000 steps a job in Ruby; the oracle runs with
//! `tests/oracle/fugit_memo.rb` preloaded, which makes et-orbi's time building
//! cheaper without changing an answer (`fugit_memo_changes_no_answer` proves it on
//! the same corpus); about 20 ms of CPU a job instead of 110 ms.

#[path = "support/line_oracle.rs"]
#[allow(dead_code)] // each test uses part of it
mod line_oracle;

use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};
use line_oracle::{ask_parallel, iso, workers, Answer, Differential, Rng};

const N: usize = 20;
/// fugit takes about 20 ms of CPU a job even with the memo (~1 000 search steps in
/// Ruby), so plain `cargo test` asks it 200 expressions (a few seconds); `.ci/run`
/// asks 4 000 and the full run in docs/profiles.md 20 000 (`CRONKIT_GITLAB_COUNT`).
const DEFAULT_COUNT: usize = 200;
const ZONES: [&str; 2] = ["UTC", "America/New_York"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
/// fugit's `MAXDAYS` (February 29).
const MAXDAYS: [u32; 13] = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Sec,
    Min,
    Hour,
    Dom,
    Month,
    Dow,
}

struct Gen<'a>(&'a mut Rng);

impl Gen<'_> {
    fn bounds(k: Kind) -> (i64, i64) {
        match k {
            Kind::Sec | Kind::Min => (0, 59),
            Kind::Hour => (0, 23),
            Kind::Dom => (1, 31),
            Kind::Month => (1, 12),
            Kind::Dow => (0, 7),
        }
    }

    fn case(&mut self, w: &str) -> String {
        match self.0.int(0, 2) {
            0 => w.to_uppercase(),
            _ => w.to_string(),
        }
    }

    fn value(&mut self, k: Kind, v: i64) -> String {
        match k {
            Kind::Month if self.0.chance(0.4) => self.case(MONTHS[v as usize - 1]),
            Kind::Dow if v < 7 && self.0.chance(0.4) => self.case(DAYS[v as usize]),
            _ => v.to_string(),
        }
    }

    fn step(&mut self, k: Kind) -> i64 {
        let (lo, hi) = Self::bounds(k);
        if self.0.chance(0.1) {
            self.0.int(hi - lo, 99)
        } else {
            self.0.int(2, ((hi - lo) / 2).max(2))
        }
    }

    fn item(&mut self, k: Kind) -> String {
        let (lo, hi) = Self::bounds(k);
        let x = self.0.int(lo, hi);
        let y = self.0.int(lo, hi);
        let (a, b) = (x.min(y), x.max(y));
        let dow = k == Kind::Dow;
        match self.0.int(0, 59) {
            0..=8 => "*".to_string(),
            9..=22 => self.value(k, x),
            23..=32 => format!("{}-{}", self.value(k, a), self.value(k, b)),
            // wrapping ranges (no step in day-of-week: fugit misreads that)
            33..=35 if x != y => format!("{}-{}", self.value(k, b), self.value(k, a)),
            36..=37 if x != y && !dow => {
                format!("{}-{}/{}", self.value(k, b), self.value(k, a), self.step(k))
            }
            38..=42 => format!("*/{}", self.step(k)),
            43 => format!("/{}", self.step(k)),
            44..=46 if !dow => format!("{}/{}", self.value(k, a), self.step(k)),
            47..=50 => format!("{}-{}/{}", self.value(k, a), self.value(k, b), self.step(k)),
            51..=54 if k == Kind::Dom => match self.0.int(0, 3) {
                0 => "L".to_string(),
                1 => "last".to_string(),
                _ => format!("-{}", self.0.int(1, 10)),
            },
            51..=56 if dow => {
                let d = self.0.int(0, 7);
                let d = self.value(k, d);
                self.special_dow(&d)
            }
            59 => match self.0.int(0, 6) {
                0 => "?".to_string(),
                // fugit reads hour 24 as 0 (cronkit: "midnight is hour 0")
                1 => (hi + 2).to_string(),
                // fugit reads day-of-week `*/0` as every day
                2 if !dow => "*/0".to_string(),
                3 => "5W".to_string(),
                4 => "L-2".to_string(),
                5 => "1#6".to_string(),
                6 if dow => match self.0.int(0, 3) {
                    // fugit: "not a cron expression"; `%0` parses and then fails
                    // when evaluated (ZeroDivisionError)
                    0 => "1#-6".to_string(),
                    1 => "sun%0".to_string(),
                    2 => "1-3%2".to_string(),
                    _ => "*/2%2".to_string(),
                },
                _ => "x".to_string(),
            },
            _ => self.value(k, x),
        }
    }

    /// A day-of-week item with `#` or `%` for weekday `d` (as written: a number
    /// 0–7 or a name).
    fn special_dow(&mut self, d: &str) -> String {
        match self.0.int(0, 11) {
            0 => format!("{d}#-1"),
            1 => format!("{d}#{}", self.case("L")),
            2 => format!("{d}#{}", self.case("last")),
            3..=4 => format!("{d}#-{}", self.0.int(2, 5)),
            5..=6 => format!("{d}%{}", self.modulus()),
            7..=8 => {
                let m = self.modulus();
                format!("{d}%{m}+{}", self.0.int(0, m + 1))
            }
            _ => format!("{d}#{}", self.0.int(1, 5)),
        }
    }

    /// The `N` of `d%N`: mostly every 1–5 weeks, sometimes up to a year.
    fn modulus(&mut self) -> i64 {
        if self.0.chance(0.1) {
            self.0.int(6, 60)
        } else {
            self.0.int(1, 5)
        }
    }

    fn field(&mut self, k: Kind) -> String {
        if k == Kind::Dow && self.0.chance(0.04) {
            // two `#`/`%` items for one weekday (maybe spelt 0 and 7, or a name):
            // fugit keeps the first of them in sort order, or fails to sort a
            // `#` beside a `%`; cronkit rejects both (see `same_weekday`)
            let wd = self.0.int(0, 6);
            let spell = |g: &mut Self| {
                if wd == 0 && g.0.chance(0.3) {
                    "7".to_string()
                } else {
                    g.value(Kind::Dow, wd)
                }
            };
            let (a, b) = (spell(self), spell(self));
            let mut items = vec![self.special_dow(&a), self.special_dow(&b)];
            if self.0.chance(0.3) {
                // not `*`: fugit drops it from a list (a misread of its own)
                let other = self.item(k);
                if other != "*" {
                    items.push(other);
                }
            }
            if self.0.chance(0.5) {
                items.reverse();
            }
            return items.join(",");
        }
        let n = if self.0.chance(0.75) {
            1
        } else {
            self.0.int(2, 3)
        };
        let mut items: Vec<String> = (0..n).map(|_| self.item(k)).collect();
        if k == Kind::Dow && items.len() > 1 {
            // fugit drops a `*` from a day-of-week list (a misread cronkit rejects)
            items.retain(|i| i != "*");
            if items.is_empty() {
                items.push("1".to_string());
            }
        }
        items.join(",")
    }

    fn expr(&mut self) -> String {
        let seconds = self.0.chance(0.15);
        let mut fields = Vec::new();
        if seconds {
            fields.push(if self.0.chance(0.5) {
                self.0.int(0, 59).to_string()
            } else {
                self.field(Kind::Sec)
            });
        }
        if self.0.chance(0.4) {
            // a fixed time on some days
            fields.push(self.0.int(0, 59).to_string());
            fields.push(self.0.int(0, 23).to_string());
        } else {
            fields.push(self.field(Kind::Min));
            fields.push(self.field(Kind::Hour));
        }
        for k in [Kind::Dom, Kind::Month, Kind::Dow] {
            fields.push(if self.0.chance(0.45) {
                "*".to_string()
            } else {
                self.field(k)
            });
        }
        if self.0.chance(0.01) {
            fields.pop();
        }
        fields.join(" ")
    }
}

/// fugit's `compact_month_days` also drops every month that has none of the
/// plain days, even when a restricted day-of-week (OR) would fire in it
/// (`31 11,MAY */2` loses November); cronkit keeps those weekdays.
fn fugit_drops_months(expr: &str) -> bool {
    let Ok(e) = cronkit::Expr::parse(expr, DialectChoice::Gitlab) else {
        return false;
    };
    let s = Schedule::from_expr(&e);
    let (_, _, _, months) = s.bits();
    let rule = s.day_rule();
    let dom = e.field(cronkit::FieldKind::DayOfMonth);
    let month = e.field(cronkit::FieldKind::Month);
    if dom.is_wildcard() || month.is_wildcard() || rule.combine != cronkit::DayCombine::Or {
        return false;
    }
    (1..=12u32).any(|m| {
        months >> m & 1 == 1
            && rule.dom_last_offsets == 0
            && !(1..=MAXDAYS[m as usize]).any(|d| rule.dom_days >> d & 1 == 1)
    })
}

/// fugit's `compact_month_days`: true when no (month, day) pair of the plain days
/// exists, so fugit refuses the expression.
fn fugit_refuses_days(expr: &str) -> bool {
    let Ok(e) = cronkit::Expr::parse(expr, DialectChoice::Gitlab) else {
        return false;
    };
    let s = Schedule::from_expr(&e);
    let (_, _, _, months) = s.bits();
    let rule = s.day_rule();
    let dom = e.field(cronkit::FieldKind::DayOfMonth);
    if dom.is_wildcard() || rule.dom_last_offsets != 0 || rule.dom_days == 0 {
        return false;
    }
    !(1..=12u32).any(|m| {
        months >> m & 1 == 1 && (1..=MAXDAYS[m as usize]).any(|d| rule.dom_days >> d & 1 == 1)
    })
}

/// A `d#k` or `d#-k` other than `d#-1` in the day-of-week field.
fn has_nth(expr: &str) -> bool {
    let dow = expr.split_whitespace().last().unwrap_or("");
    dow.split(',').any(|i| {
        i.split_once('#')
            .and_then(|(_, k)| k.parse::<i32>().ok())
            .is_some_and(|k| k != -1)
    })
}

/// The first instant fugit's answers are not compared at: 2200 (cronkit searches
/// 1970–2199, fugit on), and in a DST zone also the end of tzinfo's generated
/// transitions: tzinfo 2.0.5 reads /usr/share/zoneinfo and generates the
/// footer's DST rules only up to `Time.now.utc.year + 100`
/// (tzinfo/data_sources/zoneinfo_reader.rb:20, 210, 330), so fugit keeps the
/// last offset after that (New York stays on EST after 2126-11-03 when asked
/// in 2026).
fn horizon(zone_name: &str) -> String {
    use chrono::Datelike;
    let tzinfo_end = chrono::Utc::now().year() + 101;
    match zone_name {
        "UTC" => "2200-01-01T00:00:00Z".to_string(),
        _ => format!("{:04}-01-01T00:00:00Z", tzinfo_end.min(2200)),
    }
}

/// A `%` item on Tuesday (`2%n`, `tue%n+p`) in the day-of-week field.
fn has_tuesday_modulo(expr: &str) -> bool {
    let dow = expr.split_whitespace().last().unwrap_or("");
    dow.split(',').any(|i| {
        i.split_once('%')
            .is_some_and(|(d, _)| d == "2" || d.eq_ignore_ascii_case("tue"))
    })
}

/// Wall-clock text of instant `t` at UTC offset `off` (seconds), as fugit's
/// `strftime('%F|%T')`.
fn wall(t: i64, off: i32) -> String {
    iso(t + off as i64)
}

/// What fugit 1.5.2 answers, from cronkit's `wall` fire times and fugit's gh-6
/// guard (lib/fugit/cron.rb:240-249 and 266-273): `next_time` remembers the
/// start's wall-clock text *in the start's own zone* (`from.strftime('%F|%T')`;
/// UTC in the oracle, and in GitLab, which passes times in Rails' zone, UTC by
/// default) and the schedule zone's offset at the start; a candidate whose
/// wall-clock text in the schedule's zone equals that text while its offset
/// differs is skipped (the guard meant to stop a fall-back from firing the same
/// wall time twice, cron.rb:275), and becomes the new start. Across a DST change
/// that text comparison can hold by coincidence: `2 14-11/4 * NOV *` fires at
/// 22:02 EDT = 02:02Z, and fugit then skips 02:02 EST because it reads the same
/// as the start's UTC text (2030-11-03). In UTC the offsets never differ, so
/// this is cronkit's answer.
fn fugit_times(s: &Schedule, from: i64, zone: &Zone, n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut from = from;
    while out.len() < n {
        let (mut sfrom, mut zfrom) = (wall(from, 0), zone.offset_at(from));
        let mut cursor = from;
        loop {
            let Some(c) = s.next_after_ts(cursor, zone, DstPolicy::Wall) else {
                return out;
            };
            let off = zone.offset_at(c);
            if wall(c, off) == sfrom && off != zfrom {
                (sfrom, zfrom, cursor) = (wall(c, off), off, c);
                continue;
            }
            out.push(iso(c));
            from = c;
            break;
        }
    }
    out
}

/// The oracle's extra environment: preload `tests/oracle/fugit_memo.rb` unless
/// `CRONKIT_FUGIT_PLAIN` is set.
fn memo_env(memo: bool) -> Vec<(String, String)> {
    if !memo || std::env::var_os("CRONKIT_FUGIT_PLAIN").is_some() {
        return Vec::new();
    }
    let shim = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/fugit_memo.rb");
    let opt = match std::env::var("RUBYOPT") {
        Ok(old) if !old.is_empty() => format!("{old} -r{shim}"),
        _ => format!("-r{shim}"),
    };
    vec![("RUBYOPT".to_string(), opt)]
}

fn differential() -> Differential {
    Differential {
        name: "gitlab_agrees_with_fugit",
        oracle: "fugit",
        oracle_var: "FUGIT_ORACLE",
        count_var: "CRONKIT_GITLAB_COUNT",
        default_count: DEFAULT_COUNT,
        seed_var: "CRONKIT_GITLAB_SEED",
        default_seed: 0x6769_746c_6162_6675,
        zones: &ZONES,
        n: N,
        env: memo_env(true),
    }
}

#[test]
fn gitlab_agrees_with_fugit() {
    let Some(run) = differential().run(|r| Gen(r).expr()) else {
        return;
    };
    let zones: Vec<Zone> = ZONES.iter().map(|z| Zone::parse(z).unwrap()).collect();
    let mut mismatches = Vec::new();
    let (mut accepted, mut rejected, mut no_such_day, mut gave_up) = (0, 0, 0, 0);
    let (mut dropped_months, mut nth_in_dst_zone, mut tuesday_modulo) = (0, 0, 0);
    let (mut same_weekday, mut guard_skips, mut beyond, mut zero_modulo_later) = (0, 0, 0, 0);
    for (case, answer) in &run.pairs {
        let (expr, from, zone_name) = (&case.expr, case.from, case.zone);
        let zone = &zones[ZONES.iter().position(|z| *z == zone_name).unwrap()];
        let ours = Schedule::parse(expr, DialectChoice::Gitlab);
        match (ours, answer) {
            (Err(_), Answer::Error(_)) => rejected += 1,
            (Ok(_), Answer::Error(msg)) if msg.contains("too many loops") => gave_up += 1,
            (Ok(_), Answer::Error(_)) if fugit_refuses_days(expr) => no_such_day += 1,
            (Ok(_), Answer::Error(msg)) => {
                mismatches.push(format!("`{expr}`: fugit rejects ({msg}), cronkit accepts"))
            }
            // two `#`/`%` items for one weekday: fugit reads the first in its sort
            // order (cron.rb:175), cronkit rejects the misread
            (Err(d), Answer::Times(_)) if d.code == "misread-by-platform" => same_weekday += 1,
            // `%0` fails (ZeroDivisionError, cron.rb:168) on the first day of its
            // weekday fugit examines, which can come after the 20 times asked
            (Err(d), Answer::Times(_)) if d.code == "bad-modulo" && expr.contains("%0") => {
                zero_modulo_later += 1
            }
            (Err(d), Answer::Times(_)) => mismatches.push(format!(
                "`{expr}`: fugit accepts, cronkit rejects: {}",
                d.message
            )),
            (Ok(s), Answer::Times(theirs))
                if fugit_drops_months(expr) && fugit_times(&s, from, zone, N) != *theirs =>
            {
                dropped_months += 1
            }
            // et-orbi counts `d#k` in elapsed seconds from the 1st, so after a
            // spring-forward in the same month the k-th weekday counts as the (k-1)-th
            // (et-orbi 1.2.2 lib/et-orbi/time.rb:388-398, `count_weeks`); such jobs
            // are compared all the same and excluded only when they differ
            (Ok(s), Answer::Times(theirs))
                if zone_name != "UTC"
                    && has_nth(expr)
                    && fugit_times(&s, from, zone, N) != *theirs =>
            {
                nth_in_dst_zone += 1
            }
            // et-orbi's `rweek` (time.rb:332-336) counts elapsed seconds from
            // 2019-01-01 00:00 EST: in summer time a Tuesday's first hour still
            // counts as the week before, and fugit tests the day at 00:00, so a
            // `tue%n` schedule misses its Tuesdays all summer
            (Ok(s), Answer::Times(theirs))
                if zone_name != "UTC"
                    && has_tuesday_modulo(expr)
                    && fugit_times(&s, from, zone, N) != *theirs =>
            {
                tuesday_modulo += 1
            }
            (Ok(s), Answer::Times(theirs)) => {
                accepted += 1;
                let got = fugit_times(&s, from, zone, N);
                if got != *theirs {
                    let plain: Vec<String> = s
                        .iter_after(from, zone, DstPolicy::Wall)
                        .take(N)
                        .map(iso)
                        .collect();
                    if plain == *theirs {
                        // the model of the guard is wrong, not cronkit
                        mismatches.push(format!("`{expr}` from {} in {zone_name}: cronkit agrees but the gh-6 guard model does not", iso(from)));
                        continue;
                    }
                }
                let cut = horizon(zone_name);
                let before = |v: &[String]| -> Vec<String> {
                    v.iter().filter(|t| **t < cut).cloned().collect()
                };
                if got != *theirs && before(&got) == before(theirs) {
                    // they differ only past 2199 or past tzinfo's last transition
                    accepted -= 1;
                    beyond += 1;
                    continue;
                }
                if got != *theirs {
                    mismatches.push(format!(
                        "`{expr}` from {} in {zone_name}:\n  fugit   {}\n  cronkit {}",
                        iso(from),
                        theirs.join(","),
                        got.join(",")
                    ));
                } else if zone_name != "UTC"
                    && s.iter_after(from, zone, DstPolicy::Wall)
                        .take(N)
                        .map(iso)
                        .ne(got.iter().cloned())
                {
                    guard_skips += 1;
                }
            }
        }
    }
    run.finish(
        "gitlab vs fugit",
        ZONES.len(),
        &format!("{accepted} accepted and equal ({guard_skips} of them where fugit's gh-6 guard skips a time, as predicted), {rejected} rejected by both, excluded: {same_weekday} two `#`/`%` items for one weekday (misread, rejected), {zero_modulo_later} `%0` that fugit had not evaluated yet, {no_such_day} days no month has, {dropped_months} where fugit drops months and that differ, {nth_in_dst_zone} `d#k` in New York that differ, {tuesday_modulo} Tuesday `%` in New York that differ, {beyond} differing only after 2199 or after tzinfo's last New York transition, {gave_up} where fugit gave up"),
        &mismatches,
    );
}

/// The memo preloaded into the oracle changes no answer: the first jobs of the
/// corpus, asked of fugit with and without it, give the same lines.
#[test]
fn fugit_memo_changes_no_answer() {
    let d = differential();
    let Ok(script) = line_oracle::find(d.oracle_var, d.oracle) else {
        println!("SKIPPED fugit_memo_changes_no_answer: no fugit oracle");
        return;
    };
    let count: usize = line_oracle::env_number("CRONKIT_FUGIT_MEMO_COUNT", 60);
    let mut rng = Rng(d.default_seed ^ 0x5a5a);
    let jobs: Vec<String> = (0..count)
        .flat_map(|_| {
            let e = Gen(&mut rng).expr();
            let from = 1_767_225_600 + rng.int(0, 5 * 365 * 86_400);
            ZONES.map(|z| format!("{e}\t{}\t{N}\t{z}", iso(from)))
        })
        .collect();
    let plain = match ask_parallel(&script, &jobs, &memo_env(false), workers()) {
        Ok(a) => a,
        Err(why) => {
            println!("SKIPPED fugit_memo_changes_no_answer: {why}");
            return;
        }
    };
    let memo =
        ask_parallel(&script, &jobs, &memo_env(true), workers()).expect("fugit with the memo");
    let differ: Vec<String> = jobs
        .iter()
        .zip(plain.iter().zip(&memo))
        .filter(|(_, (a, b))| a != b)
        .map(|(j, (a, b))| format!("{j}: plain {a:?}, memo {b:?}"))
        .collect();
    println!(
        "fugit memo: {} jobs, {} answers differ",
        jobs.len(),
        differ.len()
    );
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// fugit 1.5.2's answers (asked of `../shared/oracles/fugit/run.sh`; the oracle
/// test below asks again where it can run), one row a case:
/// `EXPR`, `FROM`, `N`, `TZ`, the oracle's line. `%`, `#-k`, the same weekday
/// twice and the gh-6 guard, each pinned where fugit's source says why.
const PINNED: &[(&str, &str, usize, &str, &str)] = &[
    // `%`: cron.rb:689 `/%\d+(\+\d+)?/` after one weekday (cron.rb:691), matched by
    // `(rweek + plus) % mod == 0` (cron.rb:166-169); et-orbi `rweek` counts weeks
    // from 2019-01-01 (week 1)
    ("0 0 * * sun%2", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-18T00:00:00Z,2026-02-01T00:00:00Z,2026-02-15T00:00:00Z"),
    ("0 0 * * sun%2+1", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-11T00:00:00Z,2026-01-25T00:00:00Z,2026-02-08T00:00:00Z,2026-02-22T00:00:00Z"),
    ("0 0 * * 7%3+5", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-11T00:00:00Z,2026-02-01T00:00:00Z,2026-02-22T00:00:00Z,2026-03-15T00:00:00Z"),
    ("0 0 * * tue%2", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-13T00:00:00Z,2026-01-27T00:00:00Z,2026-02-10T00:00:00Z,2026-02-24T00:00:00Z"),
    ("0 12 * * 3%5+2", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-14T12:00:00Z,2026-02-18T12:00:00Z,2026-03-25T12:00:00Z,2026-04-29T12:00:00Z"),
    // OR with a day of the month, as any restricted weekday (cron.rb:200)
    ("0 0 1 * sun%2", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-18T00:00:00Z,2026-02-01T00:00:00Z,2026-02-15T00:00:00Z"),
    // `%0` parses and fails when evaluated; `%` after a range or a step is no syntax
    ("0 0 * * sun%0", "2026-01-01T00:00:00Z", 4, "UTC", "ERR\tZeroDivisionError: divided by 0"),
    ("0 0 * * sun%0,sun%2", "2026-01-01T00:00:00Z", 4, "UTC", "ERR\tZeroDivisionError: divided by 0"),
    // ... but never evaluated beside a plain item for the weekday, found first
    // (cron.rb:175; two of the 20 000 run's mismatches before cronkit read it so)
    ("0 0 * * 0-mon,sun%0", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-05T00:00:00Z,2026-01-11T00:00:00Z,2026-01-12T00:00:00Z"),
    ("0 0 * * sun,sun%0", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-11T00:00:00Z,2026-01-18T00:00:00Z,2026-01-25T00:00:00Z"),
    ("0 0 * * mon-fri%2", "2026-01-01T00:00:00Z", 4, "UTC", "ERR\tnot a cron expression"),
    ("0 0 * * */2%2", "2026-01-01T00:00:00Z", 4, "UTC", "ERR\tnot a cron expression"),
    // `#-k`: cron.rb:653 `/#(-?[1-5]|last|l)/i`, matched against et-orbi's
    // `wday_in_month` second number, -1 = the last (cron.rb:155-164)
    ("0 0 * * fri#-2", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-23T00:00:00Z,2026-02-20T00:00:00Z,2026-03-20T00:00:00Z,2026-04-17T00:00:00Z"),
    ("0 0 * * SUN#-2", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-18T00:00:00Z,2026-02-15T00:00:00Z,2026-03-22T00:00:00Z,2026-04-19T00:00:00Z"),
    ("0 0 * * fri#-5", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-02T00:00:00Z,2026-05-01T00:00:00Z,2026-07-03T00:00:00Z,2026-10-02T00:00:00Z"),
    ("0 0 * * 0#-3,1", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-05T00:00:00Z,2026-01-11T00:00:00Z,2026-01-12T00:00:00Z,2026-01-19T00:00:00Z"),
    ("0 0 * * fri#-6", "2026-01-01T00:00:00Z", 4, "UTC", "ERR\tnot a cron expression"),
    // the same weekday twice, where fugit's first-in-sort-order item (cron.rb:175)
    // covers the others: a plain weekday, equal or narrower `#`/`%` items
    ("0 0 * * sun#2,sun", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-11T00:00:00Z,2026-01-18T00:00:00Z,2026-01-25T00:00:00Z"),
    ("0 0 * * sun#5,sun#last", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-25T00:00:00Z,2026-02-22T00:00:00Z,2026-03-29T00:00:00Z,2026-04-26T00:00:00Z"),
    ("0 0 * * sun%2,sun%4", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-18T00:00:00Z,2026-02-01T00:00:00Z,2026-02-15T00:00:00Z"),
    ("0 0 * * sun%1,sun%2", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-11T00:00:00Z,2026-01-18T00:00:00Z,2026-01-25T00:00:00Z"),
    ("0 0 * * sun%2,sun%2+0", "2026-01-01T00:00:00Z", 4, "UTC", "OK\t2026-01-04T00:00:00Z,2026-01-18T00:00:00Z,2026-02-01T00:00:00Z,2026-02-15T00:00:00Z"),
    // a `#` and a `%` for one weekday: `sort!` cannot order them (cron.rb:614)
    ("0 0 * * sun#2,sun%2", "2026-01-01T00:00:00Z", 4, "UTC", "ERR\tArgumentError: comparison of Array with Array failed"),
    // the gh-6 guard (cron.rb:266-273) skips a time whose New York wall clock
    // reads as the start's UTC one: 02:02 EST after 22:02 EDT = 02:02Z (fall-back)
    // and 05:26 EDT after 00:26 EST = 05:26Z (spring-forward); see `fugit_times`
    ("2 14-11/4 * NOV *", "2030-11-02T12:00:00Z", 10, "America/New_York", "OK\t2030-11-02T14:02:00Z,2030-11-02T18:02:00Z,2030-11-02T22:02:00Z,2030-11-03T02:02:00Z,2030-11-03T11:02:00Z,2030-11-03T15:02:00Z,2030-11-03T19:02:00Z,2030-11-03T23:02:00Z,2030-11-04T03:02:00Z,2030-11-04T07:02:00Z"),
    ("26 0-13/5,14 * * 7", "2029-03-10T00:00:00Z", 10, "America/New_York", "OK\t2029-03-11T05:26:00Z,2029-03-11T14:26:00Z,2029-03-11T18:26:00Z,2029-03-18T04:26:00Z,2029-03-18T09:26:00Z,2029-03-18T14:26:00Z,2029-03-18T18:26:00Z,2029-03-25T04:26:00Z,2029-03-25T09:26:00Z,2029-03-25T14:26:00Z"),
];

/// Misreads cronkit rejects (`misread-by-platform`), with fugit's answer: of two
/// `#` items for one weekday fugit keeps the first in sort order (cron.rb:175),
/// `SUN#1,sun#last` is the last Sunday alone (a mismatch class of the 20 000 run).
const PINNED_MISREADS: &[(&str, &str, usize, &str, &str)] = &[
    (
        "42 57 3 29 1 SUN#1,sun#last",
        "2026-01-01T00:00:00Z",
        4,
        "UTC",
        "OK\t2026-01-25T03:57:42Z,2026-01-29T03:57:42Z,2027-01-29T03:57:42Z,2027-01-31T03:57:42Z",
    ),
    (
        "0 0 * * sun#2,sun#1",
        "2026-01-01T00:00:00Z",
        4,
        "UTC",
        "OK\t2026-01-04T00:00:00Z,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-04-05T00:00:00Z",
    ),
];

fn ts(s: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp()
}

/// cronkit against the pinned answers: the same times (through the gh-6 guard
/// model where fugit's differs), or a rejection where fugit fails.
#[test]
fn gitlab_pinned_fugit_answers() {
    for &(expr, from, n, tz, line) in PINNED {
        let ours = Schedule::parse(expr, DialectChoice::Gitlab);
        match (line_oracle::parse_answer(line), ours) {
            (Answer::Times(theirs), Ok(s)) => {
                let got = fugit_times(&s, ts(from), &Zone::parse(tz).unwrap(), n);
                assert_eq!(got, theirs, "`{expr}` from {from} in {tz}");
            }
            (Answer::Error(_), Err(_)) => {}
            (theirs, ours) => panic!("`{expr}`: fugit {theirs:?}, cronkit {ours:?}"),
        }
    }
    for &(expr, ..) in PINNED_MISREADS {
        let d = Schedule::parse(expr, DialectChoice::Gitlab).unwrap_err();
        assert_eq!(d.code, "misread-by-platform", "`{expr}`: {}", d.message);
    }
    // the guard is fugit's, not cronkit's: its `wall` times keep the skipped ones
    let ny = Zone::parse("America/New_York").unwrap();
    let s = Schedule::parse("2 14-11/4 * NOV *", DialectChoice::Gitlab).unwrap();
    let ours: Vec<String> = s
        .iter_after(ts("2030-11-03T02:02:00Z"), &ny, DstPolicy::Wall)
        .take(1)
        .map(iso)
        .collect();
    assert_eq!(ours, ["2030-11-03T07:02:00Z"], "02:02 EST");
}

/// The pinned answers are fugit's: asked again of the oracle where it runs.
#[test]
fn gitlab_pins_are_the_oracles() {
    let Ok(script) = line_oracle::find("FUGIT_ORACLE", "fugit") else {
        println!("SKIPPED gitlab_pins_are_the_oracles: no fugit oracle");
        return;
    };
    let rows: Vec<_> = PINNED.iter().chain(PINNED_MISREADS).collect();
    let jobs: Vec<String> = rows
        .iter()
        .map(|(e, f, n, z, _)| format!("{e}\t{f}\t{n}\t{z}"))
        .collect();
    let answers = match line_oracle::ask(&script, &jobs) {
        Ok(a) => a,
        Err(why) => {
            println!("SKIPPED gitlab_pins_are_the_oracles: {why}");
            return;
        }
    };
    for (row, answer) in rows.iter().zip(answers) {
        assert_eq!(answer, line_oracle::parse_answer(row.4), "`{}`", row.0);
    }
}
