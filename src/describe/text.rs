//! Small allocation-free text helpers for the describer: numbers, ordinals, clock
//! times, names, and English lists ("a, b and c") over bit sets.
//!
//! Everything writes into a caller's `String` so one description costs one buffer.

use super::{Clock, Options};

pub(crate) const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

pub(crate) const MONTHS: [&str; 13] = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Append a non-negative integer in decimal.
#[inline]
pub(crate) fn push_num(out: &mut String, n: u32) {
    if n < 10 {
        out.push((b'0' + n as u8) as char);
        return;
    }
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut v = n;
    while v > 0 {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

#[inline]
fn push2(out: &mut String, n: u32) {
    out.push((b'0' + (n / 10 % 10) as u8) as char);
    out.push((b'0' + (n % 10) as u8) as char);
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`, ...
pub(crate) fn push_ordinal_suffixed(out: &mut String, n: u32) {
    push_num(out, n);
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    out.push_str(suffix);
}

/// `first` … `fifth` (for `#k`).
pub(crate) fn ordinal_word(k: u8) -> &'static str {
    match k {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        _ => "fifth",
    }
}

/// `every other` (2) or `every 3rd` (3, ...): for "every other hour".
pub(crate) fn push_every_nth(out: &mut String, k: u32) {
    if k == 2 {
        out.push_str("every other");
    } else {
        out.push_str("every ");
        push_ordinal_suffixed(out, k);
    }
}

/// `n unit` / `n units`.
pub(crate) fn push_count(out: &mut String, n: u32, unit: &str) {
    push_num(out, n);
    out.push(' ');
    out.push_str(unit);
    if n != 1 {
        out.push('s');
    }
}

/// A wall-clock time: `09:05`, `09:05:30` (24 h) or `9:05 AM`, `9:05:30 AM` (12 h).
pub(crate) fn push_time(out: &mut String, o: &Options, h: u32, m: u32, s: u32, show_sec: bool) {
    match o.clock {
        Clock::H24 => {
            push2(out, h);
            out.push(':');
            push2(out, m);
            if show_sec {
                out.push(':');
                push2(out, s);
            }
        }
        Clock::H12 => {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            push_num(out, h12);
            out.push(':');
            push2(out, m);
            if show_sec {
                out.push(':');
                push2(out, s);
            }
            out.push_str(if h < 12 { " AM" } else { " PM" });
        }
    }
}

/// An hour as a label: `9` (24 h) or `9 AM` (12 h).
pub(crate) fn push_hour_label(out: &mut String, o: &Options, h: u32) {
    match o.clock {
        Clock::H24 => push_num(out, h),
        Clock::H12 => {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            push_num(out, h12);
            out.push_str(if h < 12 { " AM" } else { " PM" });
        }
    }
}

/// Separator before item `i` of `n` in an English list: `, ` or ` and ` / ` or `.
#[inline]
pub(crate) fn push_sep(out: &mut String, i: usize, n: usize, conj: &str) {
    if i == 0 {
        return;
    }
    if i + 1 == n {
        out.push(' ');
        out.push_str(conj);
        out.push(' ');
    } else {
        out.push_str(", ");
    }
}

/// Maximal runs of consecutive set bits of `bits` within `lo..=hi`, in order.
/// When `circular` is set, a run touching `hi` continues at `lo`, and the walk
/// starts at `start` (moved back to the beginning of the run containing it).
pub(crate) struct Runs {
    runs: [(u8, u8); 32],
    len: usize,
}

impl Runs {
    pub(crate) fn new(bits: u64, lo: u32, hi: u32, circular: bool, start: u32) -> Runs {
        let mut r = Runs {
            runs: [(0, 0); 32],
            len: 0,
        };
        let n = hi - lo + 1;
        let has = |v: u32| bits >> v & 1 == 1;
        let all = (lo..=hi).all(has);
        if bits == 0 {
            return r;
        }
        if all {
            r.runs[0] = (lo as u8, hi as u8);
            r.len = 1;
            return r;
        }
        let (mut pos, steps) = if circular {
            // begin at `start`, or earlier when `start` sits inside a run
            let mut p = start;
            let prev = |v: u32| if v == lo { hi } else { v - 1 };
            while has(p) && has(prev(p)) {
                p = prev(p);
            }
            (p, n)
        } else {
            (lo, n)
        };
        let next = |v: u32| if v == hi { lo } else { v + 1 };
        let mut i = 0;
        while i < steps {
            if has(pos) {
                let a = pos;
                let mut b = pos;
                i += 1;
                loop {
                    let nx = next(b);
                    let wrapped = nx == lo && b == hi;
                    if i >= steps || !has(nx) || (wrapped && !circular) {
                        break;
                    }
                    b = nx;
                    i += 1;
                }
                if r.len < r.runs.len() {
                    r.runs[r.len] = (a as u8, b as u8);
                    r.len += 1;
                }
                pos = next(b);
            } else {
                pos = next(pos);
                i += 1;
            }
        }
        r
    }

    pub(crate) fn as_slice(&self) -> &[(u8, u8)] {
        &self.runs[..self.len]
    }

    /// Length of a run, counting across the wrap for circular runs.
    pub(crate) fn run_len(a: u8, b: u8, lo: u32, hi: u32) -> u32 {
        if b >= a {
            (b - a) as u32 + 1
        } else {
            (hi - a as u32 + 1) + (b as u32 - lo + 1)
        }
    }
}

/// Write the values of `bits` as an English list: runs of three or more as
/// `a through b`, shorter ones value by value, joined with `conj`.
pub(crate) fn push_list<F>(out: &mut String, runs: &Runs, lo: u32, hi: u32, conj: &str, item: F)
where
    F: FnMut(&mut String, u32),
{
    push_list_min_run(out, runs, lo, hi, conj, 3, item);
}

/// [`push_list`] with runs of `min_run` or more values written as `a through b`.
/// Hours use 4, so that "hours 10, 11 and 12" is not read as a window ending at 12:00.
pub(crate) fn push_list_min_run<F>(
    out: &mut String,
    runs: &Runs,
    lo: u32,
    hi: u32,
    conj: &str,
    min_run: u32,
    mut item: F,
) where
    F: FnMut(&mut String, u32),
{
    let next = |v: u32| if v == hi { lo } else { v + 1 };
    let mut n = 0usize;
    for &(a, b) in runs.as_slice() {
        let len = Runs::run_len(a, b, lo, hi);
        n += if len >= min_run { 1 } else { len as usize };
    }
    let mut i = 0usize;
    for &(a, b) in runs.as_slice() {
        let len = Runs::run_len(a, b, lo, hi);
        if len >= min_run {
            push_sep(out, i, n, conj);
            item(out, a as u32);
            out.push_str(" through ");
            item(out, b as u32);
            i += 1;
        } else {
            let mut v = a as u32;
            for _ in 0..len {
                push_sep(out, i, n, conj);
                item(out, v);
                i += 1;
                v = next(v);
            }
        }
    }
}

/// Progressions this long or longer are elided: "1, 4, 7, …, 31".
pub(crate) const ELIDE_MIN: u32 = 7;

/// An arithmetic progression by its first three values and its last:
/// `1, 4, 7, …, 31`. The three leading values show the step; the last one bounds it.
pub(crate) fn push_elided<F>(out: &mut String, first: u32, step: u32, last: u32, mut item: F)
where
    F: FnMut(&mut String, u32),
{
    for k in 0..3 {
        item(out, first + k * step);
        out.push_str(", ");
    }
    out.push_str("…, ");
    item(out, last);
}

/// Number of items [`push_list`] would write.
pub(crate) fn list_items(runs: &Runs, lo: u32, hi: u32) -> usize {
    runs.as_slice()
        .iter()
        .map(|&(a, b)| {
            let len = Runs::run_len(a, b, lo, hi);
            if len >= 3 {
                1
            } else {
                len as usize
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(bits: u64, lo: u32, hi: u32, circular: bool, start: u32) -> String {
        let r = Runs::new(bits, lo, hi, circular, start);
        let mut s = String::new();
        push_list(&mut s, &r, lo, hi, "and", push_num);
        s
    }

    #[test]
    fn lists_and_runs() {
        assert_eq!(list(0b1, 0, 59, false, 0), "0");
        assert_eq!(list(1 | 1 << 59, 0, 59, false, 0), "0 and 59");
        assert_eq!(list(0b111110, 0, 59, false, 0), "1 through 5");
        assert_eq!(
            list(0b11 | 0b1 << 10 | 0b111 << 20, 0, 59, false, 0),
            "0, 1, 10 and 20 through 22"
        );
        // hours 23, 0, 1 read as one wrapping run when circular
        let h = 1 << 23 | 0b11;
        assert_eq!(list(h, 0, 23, true, 0), "23 through 1");
        assert_eq!(list(h, 0, 23, false, 0), "0, 1 and 23");
        // weekdays starting Monday: Sat, Sun listed in week order
        assert_eq!(list(1 << 6 | 1, 0, 6, true, 1), "6 and 0");
        assert_eq!(list(0b1111111, 0, 6, true, 1), "0 through 6");
    }

    #[test]
    fn numbers_and_times() {
        let mut s = String::new();
        for n in [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31] {
            push_ordinal_suffixed(&mut s, n);
            s.push(' ');
        }
        assert_eq!(s, "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 31st ");
        let mut t = String::new();
        let h12 = Options::twelve_hour();
        push_time(&mut t, &h12, 0, 0, 0, false);
        t.push('|');
        push_time(&mut t, &h12, 12, 5, 30, true);
        t.push('|');
        push_time(&mut t, &Options::default(), 9, 5, 0, false);
        assert_eq!(t, "12:00 AM|12:05:30 PM|09:05");
        let mut n = String::new();
        push_num(&mut n, 2199);
        push_num(&mut n, 0);
        assert_eq!(n, "21990");
        let mut e = String::new();
        push_elided(&mut e, 1, 3, 31, push_num);
        assert_eq!(e, "1, 4, 7, …, 31");
    }
}
