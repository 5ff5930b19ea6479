//! Writes N varied, valid cron expressions, one per line, for measuring
//! `cronkit validate` throughput (see the README's validate section):
//!
//! ```text
//! cargo run --release --example gen_validate_input -- 1000000 > big.txt
//! /usr/bin/time -v target/release/cronkit validate -f big.txt
//! ```
//!
//! The mix: Quartz expressions with steps, ranges, lists, names, `L`, `W`,
//! `#` and years; Unix expressions with names, steps and lists; nicknames;
//! comment lines. A fixed-seed generator makes the file the same every time,
//! and every expression is parsed before it is written, so the file is valid
//! by construction.

use std::io::{self, BufWriter, Write};

use cronkit::{DialectChoice, Expr};

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

fn quartz(r: &mut Rng) -> String {
    let sec = match r.range(0, 3) {
        0 => format!("{}", r.range(0, 59)),
        1 => format!("0/{}", r.range(5, 30)),
        _ => "0".to_string(),
    };
    let min = match r.range(0, 4) {
        0 => format!("{}", r.range(0, 59)),
        1 => format!("0/{}", r.range(2, 30)),
        2 => format!("{},{}", r.range(0, 29), r.range(30, 59)),
        3 => format!("{}-{}", r.range(0, 29), r.range(30, 59)),
        _ => "*".to_string(),
    };
    let hour = match r.range(0, 3) {
        0 => format!("{}", r.range(0, 23)),
        1 => format!("{}-{}", r.range(6, 11), r.range(12, 20)),
        2 => format!("*/{}", r.range(2, 12)),
        _ => "*".to_string(),
    };
    let month = match r.range(0, 4) {
        0 => format!("{}", r.range(1, 12)),
        1 => format!("{}-{}", r.pick(&MONTHS[..6]), r.pick(&MONTHS[6..])),
        2 => format!("1/{}", r.range(2, 6)),
        _ => "*".to_string(),
    };
    let (dom, dow) = match r.range(0, 7) {
        0 => (format!("{}", r.range(1, 28)), "?".to_string()),
        1 => ("L".to_string(), "?".to_string()),
        2 => (format!("{}W", r.range(1, 28)), "?".to_string()),
        3 => (
            "?".to_string(),
            format!("{}#{}", r.range(1, 7), r.range(1, 4)),
        ),
        4 => ("?".to_string(), format!("{}L", r.range(1, 7))),
        5 => (
            "?".to_string(),
            format!("{}-{}", r.pick(&DAYS[1..3]), r.pick(&DAYS[4..6])),
        ),
        6 => ("?".to_string(), r.pick(&DAYS).to_string()),
        _ => ("*".to_string(), "?".to_string()),
    };
    let year = match r.range(0, 9) {
        0 => format!(" {}", r.range(2030, 2099)),
        1 => format!(" {}-{}", r.range(2030, 2050), r.range(2051, 2199)),
        _ => String::new(),
    };
    format!("{sec} {min} {hour} {dom} {month} {dow}{year}")
}

fn unix(r: &mut Rng) -> String {
    let min = match r.range(0, 3) {
        0 => format!("{}", r.range(0, 59)),
        1 => format!("*/{}", r.range(2, 30)),
        2 => format!("{},{}", r.range(0, 29), r.range(30, 59)),
        _ => "*".to_string(),
    };
    let hour = match r.range(0, 3) {
        0 => format!("{}", r.range(0, 23)),
        1 => format!("{}-{}", r.range(0, 11), r.range(12, 23)),
        2 => format!("*/{}", r.range(2, 8)),
        _ => "*".to_string(),
    };
    let dom = match r.range(0, 3) {
        0 => format!("{}", r.range(1, 28)),
        1 => format!("{}-{}", r.range(1, 14), r.range(15, 28)),
        _ => "*".to_string(),
    };
    let month = match r.range(0, 3) {
        0 => format!("{}", r.range(1, 12)),
        1 => r.pick(&MONTHS).to_string(),
        _ => "*".to_string(),
    };
    let dow = match r.range(0, 4) {
        0 => format!("{}", r.range(0, 6)),
        1 => format!("{}-{}", r.range(1, 3), r.range(4, 5)),
        2 => format!("{}-{}", r.pick(&DAYS[1..3]), r.pick(&DAYS[3..6])),
        _ => "*".to_string(),
    };
    format!("{min} {hour} {dom} {month} {dow}")
}

fn main() -> io::Result<()> {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let out = io::stdout();
    let mut w = BufWriter::with_capacity(1 << 16, out.lock());
    let nicknames = ["@daily", "@hourly", "@weekly", "@monthly", "@yearly"];
    writeln!(w, "# {n} generated cron expressions")?;
    let mut written = 0u64;
    while written < n {
        let text = match r.range(0, 19) {
            0..=10 => quartz(&mut r),
            11..=17 => unix(&mut r),
            _ => r.pick(&nicknames).to_string(),
        };
        if Expr::parse(&text, DialectChoice::Auto).is_err() {
            // a generator bug, not a measurement input
            eprintln!("generated an invalid expression: {text}");
            std::process::exit(1);
        }
        writeln!(w, "{text}")?;
        written += 1;
    }
    w.flush()
}
