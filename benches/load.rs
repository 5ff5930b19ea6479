//! Load counting (issue: the heatmap for 10 000 schedules over a week in under a
//! second). What is timed is `LoadCounter`: adding every schedule and building the
//! report (grid, minute strip, busiest minutes), the work behind
//! `croneval --format heatmap`.
//!
//! * `week_10000_mixed_utc`: 10 000 schedules of the shapes a CI estate has (hourly at
//!   some minute, daily, weekdays at a time, every 5/10/15 minutes, weekly, monthly),
//!   a week in UTC (the day-by-day path);
//! * `week_10000_every_minute_utc`: the worst case for that path, 10 000
//!   `* * * * *` (100 million fires);
//! * `week_1000_mixed_new_york_dst`: 1 000 of the mix over the week of a
//!   daylight-saving change in New York (the fire-time walk).
//!
//! And `find_herds`, the work behind `validate`'s `herd` rule after the last file:
//!
//! * `herds_10000_mixed_utc`: the 10 000 mixed schedules, each its own input,
//!   threshold 10 (the `0 0 * * *` eighth and the every-5-minutes eighth make herds);
//! * `herds_10000_every_minute_utc`: 10 000 `* * * * *` given as 10 000 inputs (not
//!   one weighted input, as `validate` would): every minute of the week is crowded.
//!
//! Run: `cargo bench --bench load`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

use cronkit::load::{find_herds, HerdInput, LoadCounter};
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

const MONDAY: i64 = 1_795_392_000; // 2026-11-23T00:00Z
const DST_WEEK: i64 = 1_772_668_800; // 2026-03-05T00:00Z, New York springs forward on the 8th

fn mix(n: usize) -> Vec<Schedule> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut rnd = |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    };
    (0..n)
        .map(|i| {
            let text = match i % 8 {
                0 => format!("{} * * * *", rnd(60)),
                1 => format!("{} {} * * *", rnd(60), rnd(24)),
                2 => format!("{} {} * * 1-5", rnd(60), rnd(24)),
                3 => "*/5 * * * *".to_string(),
                4 => format!("{}/15 * * * *", rnd(15)),
                5 => format!("{} {} * * {}", rnd(60), rnd(24), rnd(7)),
                6 => format!("{} {} {} * *", rnd(60), rnd(24), 1 + rnd(28)),
                _ => "0 0 * * *".to_string(),
            };
            Schedule::parse(&text, DialectChoice::Unix).expect("generated text parses")
        })
        .collect()
}

fn count(schedules: &[Schedule], zone: &Zone, from: i64) -> u64 {
    let mut load = LoadCounter::new(from, from + 7 * 86_400, zone.clone()).expect("a week");
    for s in schedules {
        load.add_schedule(s, zone, DstPolicy::Shift);
    }
    load.report(5).total_fires
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    let utc = Zone::utc();
    let mixed = mix(10_000);
    g.bench_function("week_10000_mixed_utc", |b| {
        b.iter(|| count(black_box(&mixed), &utc, MONDAY))
    });
    let every: Vec<Schedule> = (0..10_000)
        .map(|_| Schedule::parse("* * * * *", DialectChoice::Unix).expect("parses"))
        .collect();
    g.bench_function("week_10000_every_minute_utc", |b| {
        b.iter(|| count(black_box(&every), &utc, MONDAY))
    });
    let ny = Zone::parse("America/New_York").expect("zone");
    let small = mix(1_000);
    g.bench_function("week_1000_mixed_new_york_dst", |b| {
        b.iter(|| count(black_box(&small), &ny, DST_WEEK))
    });
    let herds = |schedules: &[Schedule]| {
        let inputs: Vec<HerdInput<'_>> = schedules
            .iter()
            .map(|s| HerdInput {
                schedule: s,
                zone: &utc,
                dst: DstPolicy::Shift,
                weight: 1,
            })
            .collect();
        find_herds(&inputs, MONDAY, MONDAY + 7 * 86_400, 10)
            .herds
            .len()
    };
    g.bench_function("herds_10000_mixed_utc", |b| {
        b.iter(|| herds(black_box(&mixed)))
    });
    g.bench_function("herds_10000_every_minute_utc", |b| {
        b.iter(|| herds(black_box(&every)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
