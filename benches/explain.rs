//! Description throughput (SPEC §9: over 1 M descriptions per second in-process).
//!
//! The expressions are parsed once; what is timed is `describe` itself, over a mix
//! of everyday and special forms of both dialects (the spec's examples, windows,
//! steps that do not divide, weekday and day-of-month specials, Vixie's OR, years,
//! a never-firing and a leap-year-only schedule). Criterion reports elements per
//! second: one element is one description.
//!
//! * `describe_into`: one reused buffer (the `explain -` loop);
//! * `describe_into_mix_now`: the same with `Options::now_year` set, as the CLI runs it;
//! * `describe`: a fresh `String` per description.
//!
//! Run: `cargo bench --bench explain`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use cronkit::describe::{describe, describe_into, Options};
use cronkit::{DialectChoice, Expr};

const MIX: &[(&str, DialectChoice)] = &[
    ("0 0/1 * * * ?", DialectChoice::Quartz),
    ("0 15 10 ? * MON-FRI", DialectChoice::Quartz),
    ("0 0 12 L * ?", DialectChoice::Quartz),
    ("0 5 9 ? * 6#3", DialectChoice::Quartz),
    ("0 0 0 30 2 ?", DialectChoice::Quartz),
    ("0 0/15 9-17 ? * MON-FRI", DialectChoice::Quartz),
    ("0 */59 * * * ?", DialectChoice::Quartz),
    ("0 0 */7 * * ?", DialectChoice::Quartz),
    ("0 0 23-1 * * ?", DialectChoice::Quartz),
    ("0 0 12 15W * ?", DialectChoice::Quartz),
    ("30 15 10 * * ? 2026", DialectChoice::Quartz),
    ("0 0 0 29 2 ?", DialectChoice::Quartz),
    ("*/15 9-17 * * 1-5", DialectChoice::Unix),
    ("0 12 1 * MON", DialectChoice::Unix),
    ("0 0 * * FRI#L", DialectChoice::Unix),
    ("@daily", DialectChoice::Unix),
    // the readability forms of #14: several fields stepping, elided day steps,
    // one "of the month" for a list, odd years, a past year
    ("0 * */2 * * ?", DialectChoice::Quartz),
    ("5-10 30-35 10-12 * * ?", DialectChoice::Quartz),
    ("0 0 12 1/3 * ?", DialectChoice::Quartz),
    ("0 12 1,L * FRI#L", DialectChoice::Unix),
    ("0 15 6 1 1 ? 1/2", DialectChoice::Quartz),
    ("0 0 0 1 1 ? 2020", DialectChoice::Quartz),
];

fn bench(c: &mut Criterion) {
    let exprs: Vec<Expr> = MIX
        .iter()
        .map(|(t, d)| Expr::parse(t, *d).expect("benchmark expressions parse"))
        .collect();
    let o = Options::default();
    let mut g = c.benchmark_group("explain");
    g.throughput(Throughput::Elements(exprs.len() as u64));
    g.bench_function("describe_into_mix", |b| {
        let mut buf = String::with_capacity(256);
        b.iter(|| {
            for e in &exprs {
                buf.clear();
                describe_into(black_box(e), &o, &mut buf);
                black_box(buf.len());
            }
        })
    });
    // what `cronkit explain` runs: the clock's year is given, so past years are judged
    let with_now = Options::default().with_now_year(2026);
    g.bench_function("describe_into_mix_now", |b| {
        let mut buf = String::with_capacity(256);
        b.iter(|| {
            for e in &exprs {
                buf.clear();
                describe_into(black_box(e), &with_now, &mut buf);
                black_box(buf.len());
            }
        })
    });
    g.bench_function("describe_mix", |b| {
        b.iter(|| {
            for e in &exprs {
                black_box(describe(black_box(e), &o));
            }
        })
    });
    g.finish();
    // one element per description, each expression on its own
    let mut g = c.benchmark_group("explain_one");
    g.throughput(Throughput::Elements(1));
    for (e, (text, _)) in exprs.iter().zip(MIX) {
        g.bench_function(*text, |b| {
            let mut buf = String::with_capacity(256);
            b.iter(|| {
                buf.clear();
                describe_into(black_box(e), &o, &mut buf);
                black_box(buf.len());
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
