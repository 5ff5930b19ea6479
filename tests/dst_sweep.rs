//! The DST sweep: every UTC-offset change of every chrono-tz zone from 1970 to 2199,
//! under each DST policy, for schedules that fire across the change.
//!
//! Transitions are found from chrono-tz itself (`Zone::offset_at_uncached`, not
//! the zone's table of changes that the search uses): step a day at a time and
//! bisect to the second where the offset changes. The table is checked against
//! them first (same offset on every day and on both sides of every change). For each transition at instant
//! `t`, from offset `ob` to `oa`:
//!
//! * a **gap** (`oa > ob`): the wall times `[t+ob, t+oa)` do not exist;
//! * an **overlap** (`oa < ob`): the wall times `[t+oa, t+ob)` happen twice, first
//!   at `w - ob`, then at `w - oa`.
//!
//! The expected fire times come from SPEC §3, worked out here from the offsets and
//! not from cronkit's DST code: every matching wall time `w` near the change fires
//! at the instant(s) `i` with `i + offset(i) == w`; when there is none (a gap)
//! `shift` fires at `w - ob` (the same wall time plus the gap) and `skip`/`quartz`
//! do not fire; when there are two (an overlap) `shift`/`skip` fire at the first and
//! `quartz` at the second. Each instant fires once. `cron` follows cronie's
//! `cron.c` (see `docs/dst.md`), with *wildcard* decided here from the text (the
//! minute or hour field starts with `*`): a gap's wall times fire at the change
//! itself when the gap is under 5 minutes, or under 3 hours for a fixed-time
//! schedule, else not at all; an overlap fires at both occurrences for a wildcard
//! schedule or when it is longer than 181 minutes, else at the first. The schedules: every minute,
//! every 15 minutes, and a daily time in the middle of the gap or overlap. cronkit's
//! `next_after_ts` chain from before the window and its `prev_before_ts` chain from
//! after it must both give exactly that list (so: strictly monotonic, no instant
//! twice, the policy's gap and overlap rule, and prev mirroring next).
//!
//! Two starts get their own check: inside the first pass of an overlap, and one
//! second before the change, where Quartz's search (from the wall time of the
//! next second) differs from a plain "first fire after".
//!
//! By default a sample runs (a dozen zones with unusual histories, every 12th of
//! their transitions plus all around 2099/2100, where the tables end). The whole
//! sweep: `CRONKIT_DST_SWEEP=full cargo test --release --test dst_sweep -- --nocapture`.

use chrono_tz::TZ_VARIANTS;
use cronkit::schedule::calendar::days_from_civil;
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

const DAY: i64 = 86_400;
/// Half-width of the window checked around each transition.
const WINDOW: i64 = 90 * 60;
const POLICIES: [DstPolicy; 5] = [
    DstPolicy::Shift,
    DstPolicy::Skip,
    DstPolicy::Quartz,
    DstPolicy::Cron,
    DstPolicy::Wall,
];

/// cronie's *wildcard* test, from the text of a Quartz-layout expression: the
/// minute or the hour field starts with `*` (`entry.c`: `MIN_STAR`, `HR_STAR`).
fn wildcard(quartz_text: &str) -> bool {
    let f: Vec<&str> = quartz_text.split_whitespace().collect();
    f[1].starts_with('*') || f[2].starts_with('*')
}

/// Zones for the default sample: gaps and overlaps of every shape.
const SAMPLE: &[&str] = &[
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe", // 30-minute DST
    "America/Santiago",    // southern hemisphere, midnight changes
    "Pacific/Apia",        // skipped 2011-12-30 entirely
    "Antarctica/Troll",    // 2-hour DST
    "Africa/Casablanca",   // DST suspended for Ramadan, then a negative DST
    "Pacific/Chatham",     // +12:45 / +13:45
    "Asia/Kathmandu",      // +05:30 → +05:45 in 1986
    "Europe/Dublin",       // negative DST in the tables
    "Asia/Pyongyang",      // half-hour changes in 2015 and 2018
    "America/Havana",      // changes at midnight
    "Africa/Monrovia",     // -00:44:30 → UTC in 1972: not a whole minute
];

#[derive(Clone, Copy, Debug)]
struct Transition {
    at: i64,
    before: i32,
    after: i32,
}

/// Every offset change of `zone` from 1970 through 2199, one day at a time with a
/// bisection inside the day that changes.
fn transitions(zone: &Zone) -> Vec<Transition> {
    let start = days_from_civil(1970, 1, 1) * DAY;
    let end = days_from_civil(2200, 1, 1) * DAY;
    let mut out = Vec::new();
    let mut t = start;
    let mut off = zone.offset_at_uncached(t);
    while t < end {
        let next = t + DAY;
        let o = zone.offset_at_uncached(next);
        if o != off {
            // first second in (t, next] with an offset different from `off`
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if zone.offset_at_uncached(mid) == off {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let after = zone.offset_at_uncached(hi);
            out.push(Transition {
                at: hi,
                before: off,
                after,
            });
            // carry on from the change: a second one within a day is found too
            off = after;
            t = hi;
        } else {
            t = next;
        }
    }
    out
}

/// The fire times SPEC §3 asks for in `[lo, hi]`, from the offsets around `tr`.
fn expected(
    s: &Schedule,
    wild: bool,
    zone: &Zone,
    tr: Transition,
    dst: DstPolicy,
    lo: i64,
    hi: i64,
) -> Vec<i64> {
    let (ob, oa) = (tr.before as i64, tr.after as i64);
    let wall_lo = lo + ob.min(oa) - 60;
    let wall_hi = hi + ob.max(oa) + 60;
    let mut out = Vec::new();
    let mut w = wall_lo;
    while let Some(n) = s.next_local(w) {
        if n > wall_hi {
            break;
        }
        w = n;
        let mut real: Vec<i64> = [n - ob, n - oa]
            .into_iter()
            .filter(|&i| i64::from(zone.offset_at_uncached(i)) + i == n)
            .collect();
        real.sort_unstable();
        real.dedup();
        let gap = oa - ob; // when the wall time is in the gap
        let fire: Vec<i64> = match (real.as_slice(), dst) {
            ([], DstPolicy::Shift) => vec![n - ob],
            ([], DstPolicy::Cron) if gap < 300 || (gap < 3 * 3600 && !wild) => vec![tr.at],
            ([], _) => vec![],
            ([i], _) => vec![*i],
            ([first, _], DstPolicy::Shift | DstPolicy::Skip) => vec![*first],
            ([_, second], DstPolicy::Quartz) => vec![*second],
            ([first, second], DstPolicy::Cron) if wild || ob - oa > 181 * 60 => {
                vec![*first, *second]
            }
            ([first, _], DstPolicy::Cron) => vec![*first],
            ([first, second], DstPolicy::Wall) => vec![*first, *second],
            _ => unreachable!("at most two candidates"),
        };
        out.extend(fire.into_iter().filter(|i| (lo..=hi).contains(i)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn window(tr: Transition) -> (i64, i64) {
    let len = (tr.after as i64 - tr.before as i64).abs();
    (tr.at - len - WINDOW, tr.at + len + WINDOW)
}

/// A start inside the first pass of an overlap: `shift`/`skip` go on with the
/// first occurrences; `quartz` (EDGE-CASES.md rows 123–125) takes the next
/// matching wall time after the start's own wall time, at its second occurrence,
/// and skips the second occurrences of the wall times it has already passed.
fn check_start_inside_overlap(
    zone: &Zone,
    tr: Transition,
    s: &Schedule,
    wild: bool,
    name: &str,
    failures: &mut Vec<String>,
) {
    let (ob, oa) = (tr.before as i64, tr.after as i64);
    let len = ob - oa;
    let start = tr.at - len / 2 - 1; // first pass: wall time start + ob
    let Some(w) = s.next_local(start + ob) else {
        return;
    };
    for dst in POLICIES {
        let want = match dst {
            DstPolicy::Quartz => w - oa,
            // still inside the first pass, or past the overlap (a unique time)
            _ if w < tr.at + ob => w - ob,
            // both passes (wall; cron for wildcard schedules): the second pass's first
            // time comes first
            DstPolicy::Cron | DstPolicy::Wall
                if dst == DstPolicy::Wall || wild || len > 181 * 60 =>
            {
                match s.next_local(tr.at + oa - 1) {
                    Some(w2) if w2 < tr.at + ob => w2 - oa,
                    _ => w - oa,
                }
            }
            _ => w - oa,
        };
        let got = s.next_after_ts(start, zone, dst);
        if got != Some(want) {
            failures.push(format!(
                "{} overlap at {} ({} → {}), {name}, {dst}: from {start} (inside the first pass) next is {got:?}, expected {want}",
                zone.name(), tr.at, tr.before, tr.after
            ));
        }
    }
}

/// A start one second before the change. `shift`/`skip` go by the expected set;
/// `quartz` searches from the wall time of `start + 1 s` (the change itself, in
/// the new offset), inclusive, at the second occurrence.
fn check_start_just_before(
    zone: &Zone,
    tr: Transition,
    s: &Schedule,
    wild: bool,
    name: &str,
    failures: &mut Vec<String>,
) {
    let (lo, hi) = window(tr);
    let start = tr.at - 1;
    for dst in POLICIES {
        let want = match dst {
            DstPolicy::Quartz => {
                let oa = tr.after as i64;
                s.next_local(tr.at + oa - 1)
                    .map(|w| w - oa)
                    .filter(|&i| i <= hi)
            }
            _ => expected(s, wild, zone, tr, dst, lo, hi)
                .into_iter()
                .find(|&i| i > start),
        };
        let got = s.next_after_ts(start, zone, dst).filter(|&i| i <= hi);
        if got != want {
            failures.push(format!(
                "{} change at {} ({} → {}), {name}, {dst}: from one second before, next is {got:?}, expected {want:?}",
                zone.name(), tr.at, tr.before, tr.after
            ));
        }
    }
}

/// A daily schedule at the wall second in the middle of the gap or overlap
/// (fixed-time in cronie's terms).
fn daily_inside(tr: Transition) -> Option<(String, Schedule)> {
    let (ob, oa) = (tr.before as i64, tr.after as i64);
    let (a, b) = (tr.at + ob.min(oa), tr.at + ob.max(oa));
    let mid = a + (b - a) / 2;
    let sod = mid.rem_euclid(DAY);
    let text = format!("{} {} {} * * ?", sod % 60, sod / 60 % 60, sod / 3600);
    Schedule::parse(&text, DialectChoice::Quartz)
        .ok()
        .map(|s| (text, s))
}

#[derive(Default, Debug)]
struct Counts {
    zones: usize,
    transitions: usize,
    gaps: usize,
    overlaps: usize,
    skipped_close: usize,
    checks: usize,
    fire_times: usize,
}

fn check_transition(
    zone: &Zone,
    tr: Transition,
    schedules: &[(String, Schedule)],
    counts: &mut Counts,
    failures: &mut Vec<String>,
) {
    // The window reaches past the whole gap or overlap on both sides, so the
    // chains start at unique wall times (a Quartz search that starts inside the
    // first pass of an overlap skips wall times by design; checked below).
    let (lo, hi) = window(tr);
    let inside = daily_inside(tr);
    for (name, s) in schedules.iter().chain(inside.iter()) {
        let wild = wildcard(name);
        for dst in POLICIES {
            let want = expected(s, wild, zone, tr, dst, lo, hi);
            let forward: Vec<i64> = s
                .iter_after(lo - 1, zone, dst)
                .take_while(|&i| i <= hi)
                .take(want.len() + 2)
                .collect();
            let mut backward: Vec<i64> = s
                .iter_before(hi + 1, zone, dst)
                .take_while(|&i| i >= lo)
                .take(want.len() + 2)
                .collect();
            backward.reverse();
            counts.checks += 1;
            counts.fire_times += forward.len();
            if forward != want || backward != want {
                let first_diff = |got: &[i64]| {
                    got.iter()
                        .zip(&want)
                        .position(|(g, w)| g != w)
                        .unwrap_or(got.len().min(want.len()))
                };
                failures.push(format!(
                    "{} transition at {} ({} → {}), {name}, {dst}: expected {} times, next gives {} (first difference at #{}: {:?} vs {:?}), prev gives {} (first difference at #{})",
                    zone.name(),
                    tr.at,
                    tr.before,
                    tr.after,
                    want.len(),
                    forward.len(),
                    first_diff(&forward),
                    forward.get(first_diff(&forward)),
                    want.get(first_diff(&forward)),
                    backward.len(),
                    first_diff(&backward),
                ));
            }
        }
    }
}

#[test]
fn every_transition_under_every_policy() {
    let full = std::env::var("CRONKIT_DST_SWEEP").is_ok_and(|v| v == "full");
    let started = std::time::Instant::now();
    // every minute and every 15 minutes (wildcard), and every 15 minutes written
    // without a `*` in minute or hour (fixed-time for cron: collapses in a gap, once
    // in an overlap)
    let schedules: Vec<(String, Schedule)> =
        ["0 * * * * ?", "0 */15 * * * ?", "0 0,15,30,45 0-23 * * ?"]
            .iter()
            .map(|e| {
                (
                    e.to_string(),
                    Schedule::parse(e, DialectChoice::Quartz).expect("valid"),
                )
            })
            .collect();
    let zones: Vec<Zone> = if full {
        TZ_VARIANTS.iter().map(|tz| Zone::named(*tz)).collect()
    } else {
        SAMPLE
            .iter()
            .map(|n| Zone::parse(n).expect("a chrono-tz zone"))
            .collect()
    };
    // 2099-07-01 .. 2100-07-01: where chrono-tz's tables end and cronkit's
    // "same calendar year" continuation begins
    let table_end = (days_from_civil(2099, 7, 1) * DAY)..(days_from_civil(2100, 7, 1) * DAY);
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for zone in &zones {
        counts.zones += 1;
        let all = transitions(zone);
        table_matches_chrono_tz(zone, &all, &mut failures);
        for (k, tr) in all.iter().enumerate() {
            if !full && k % 12 != 0 && !table_end.contains(&tr.at) {
                continue;
            }
            // the expectation assumes one change in the window
            let (lo, hi) = window(*tr);
            let prev_close = k > 0 && all[k - 1].at > lo - DAY;
            let next_close = all.get(k + 1).is_some_and(|n| n.at < hi + DAY);
            if prev_close || next_close {
                counts.skipped_close += 1;
                continue;
            }
            counts.transitions += 1;
            if tr.after > tr.before {
                counts.gaps += 1;
            } else {
                counts.overlaps += 1;
            }
            check_transition(zone, *tr, &schedules, &mut counts, &mut failures);
            for (name, s) in &schedules {
                let wild = wildcard(name);
                check_start_just_before(zone, *tr, s, wild, name, &mut failures);
                counts.checks += 1;
                if tr.after < tr.before {
                    check_start_inside_overlap(zone, *tr, s, wild, name, &mut failures);
                    counts.checks += 1;
                }
            }
        }
    }
    println!(
        "DST sweep ({}): {counts:?} in {:.1} s",
        if full { "full" } else { "sample" },
        started.elapsed().as_secs_f64()
    );
    assert!(counts.gaps > 0 && counts.overlaps > 0, "{counts:?}");
    assert!(
        failures.is_empty(),
        "{} of {} checks failed; first ones:\n{}",
        failures.len(),
        counts.checks,
        failures[..failures.len().min(20)].join("\n")
    );
}

/// The zone's table of changes (behind `Zone::offset_at`) against chrono-tz: the
/// same offset at every day's start and on both sides of every change.
fn table_matches_chrono_tz(zone: &Zone, all: &[Transition], failures: &mut Vec<String>) {
    for tr in all {
        let got = (zone.offset_at(tr.at - 1), zone.offset_at(tr.at));
        if got != (tr.before, tr.after) {
            failures.push(format!(
                "{}: table gives {got:?} around the change at {}, chrono-tz ({}, {})",
                zone.name(),
                tr.at,
                tr.before,
                tr.after
            ));
        }
    }
    let mut t = days_from_civil(1970, 1, 1) * DAY;
    while t < days_from_civil(2200, 1, 1) * DAY {
        if zone.offset_at(t) != zone.offset_at_uncached(t) {
            failures.push(format!(
                "{}: table and chrono-tz differ at {t}",
                zone.name()
            ));
            return;
        }
        t += DAY;
    }
}

/// The transition finder itself, against dates known from the rules.
#[test]
fn finds_known_transitions() {
    let ny = Zone::parse("America/New_York").unwrap();
    let all = transitions(&ny);
    // 2026-03-08 07:00Z (02:00 EST → 03:00 EDT) and 2026-11-01 06:00Z (02:00 EDT → 01:00 EST)
    let spring = days_from_civil(2026, 3, 8) * DAY + 7 * 3600;
    let autumn = days_from_civil(2026, 11, 1) * DAY + 6 * 3600;
    assert!(all
        .iter()
        .any(|t| t.at == spring && t.before == -18_000 && t.after == -14_400));
    assert!(all
        .iter()
        .any(|t| t.at == autumn && t.before == -14_400 && t.after == -18_000));
    // rules continue after 2099: the second Sunday of March 2150 is the 8th
    let s2150 = days_from_civil(2150, 3, 8) * DAY + 7 * 3600;
    assert!(
        all.iter().any(|t| t.at == s2150),
        "no 2150 spring transition"
    );
    // two a year, 1970–2199, give or take the 1974–75 emergency DST
    assert!((440..=470).contains(&all.len()), "{}", all.len());
}
