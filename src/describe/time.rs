//! The time-of-day part of a description: seconds, minutes and hours.
//!
//! The finest field with more than one value sets the rhythm ("Every 15 minutes");
//! coarser fields become the window it runs in ("from 09:00 through 17:45"), and
//! finer single values become the offset inside each unit ("at second 30").
//! Windows always name the first and the last fire time of the window, so an hour
//! range `9-17` at minute 0 ends at 17:00 and `*/15 9-17` ends at 17:45.

use super::shape::{classify, wrap_run, Shape};
use super::text::{
    push_count, push_elided, push_every_nth, push_hour_label, push_list, push_list_min_run,
    push_num, push_sep, push_time, Runs, ELIDE_MIN,
};
use super::Options;

/// Lists of this many values or fewer are spelt out; longer progressions are
/// described as "every n units from a through b".
const LIST_MAX: u32 = 12;
/// Clock times are listed one by one up to this many.
const TIMES_MAX: u32 = 6;

/// The three time fields as bit sets, with what the writer needs to know.
pub(crate) struct TimeSets {
    pub sec: u64,
    pub min: u64,
    pub hour: u64,
    /// Hour ranges may be read as wrapping past midnight (`23-1` = "from 23:00 through
    /// 01:00"): only true when every day fires, so that 23:00 really is followed by
    /// the next day's 00:00.
    pub wrap_hours: bool,
}

struct Ctx<'a> {
    o: &'a Options,
    show_sec: bool,
}

impl Ctx<'_> {
    fn time(&self, out: &mut String, h: u32, m: u32, s: u32) {
        push_time(out, self.o, h, m, s, self.show_sec);
    }
}

#[inline]
fn first(bits: u64) -> u32 {
    bits.trailing_zeros()
}
#[inline]
fn last(bits: u64) -> u32 {
    63 - bits.leading_zeros()
}

/// Write the time part (capitalised, no trailing punctuation).
pub(crate) fn write(out: &mut String, t: &TimeSets, o: &Options) {
    let c = Ctx {
        o,
        show_sec: t.sec != 1,
    };
    let (ns, nm, nh) = (t.sec.count_ones(), t.min.count_ones(), t.hour.count_ones());
    if ns == 1 && nm == 1 && nh == 1 {
        out.push_str("At ");
        c.time(out, first(t.hour), first(t.min), first(t.sec));
        return;
    }
    // a small grid of clock times reads best as a list
    if ns <= 2 && nm <= 2 && nh <= 2 && ns * nm * nh <= 4 {
        out.push_str("At ");
        list_times(out, &c, t.hour, t.min, t.sec);
        return;
    }
    if ns == 1 && nm == 1 {
        hour_level(out, &c, t, first(t.min), first(t.sec));
    } else if ns == 1 {
        minute_level(out, &c, t, first(t.sec));
    } else {
        second_level(out, &c, t);
    }
}

/// Every combination of the three sets as clock times, in order.
fn list_times(out: &mut String, c: &Ctx, hours: u64, mins: u64, secs: u64) {
    let n = (hours.count_ones() * mins.count_ones() * secs.count_ones()) as usize;
    let mut i = 0;
    for h in 0..24 {
        if hours >> h & 1 == 0 {
            continue;
        }
        for m in 0..60 {
            if mins >> m & 1 == 0 {
                continue;
            }
            for s in 0..60 {
                if secs >> s & 1 == 0 {
                    continue;
                }
                push_sep(out, i, n, "and");
                c.time(out, h, m, s);
                i += 1;
            }
        }
    }
}

/// Seconds and minutes fixed; the hours vary.
fn hour_level(out: &mut String, c: &Ctx, t: &TimeSets, m: u32, s: u32) {
    let n = t.hour.count_ones();
    let offsets = |out: &mut String| {
        if m != 0 || s != 0 {
            out.push_str(" at minute ");
            push_num(out, m);
            if s != 0 {
                out.push_str(", second ");
                push_num(out, s);
            }
        }
    };
    match classify(t.hour, 0, 23) {
        Shape::All => {
            out.push_str("Every hour");
            offsets(out);
        }
        Shape::Cycle { first: 0, step } => {
            out.push_str("Every ");
            push_count(out, step, "hour");
            offsets(out);
        }
        Shape::Cycle { first: a, step } | Shape::Prog { first: a, step, .. } if n > TIMES_MAX => {
            out.push_str("Every ");
            push_count(out, step, "hour");
            out.push_str(" from ");
            c.time(out, a, m, s);
            out.push_str(" through ");
            c.time(out, last(t.hour), m, s);
        }
        Shape::Run(a, b) if n >= 3 => {
            out.push_str("Every hour from ");
            c.time(out, a, m, s);
            out.push_str(" through ");
            c.time(out, b, m, s);
        }
        _ => {
            if t.wrap_hours && n >= 3 {
                if let Some((a, b)) = wrap_run(t.hour, 0, 23) {
                    out.push_str("Every hour from ");
                    c.time(out, a, m, s);
                    out.push_str(" through ");
                    c.time(out, b, m, s);
                    return;
                }
            }
            let has_long_run = Runs::new(t.hour, 0, 23, t.wrap_hours, 0)
                .as_slice()
                .iter()
                .any(|&(a, b)| Runs::run_len(a, b, 0, 23) >= 3);
            if n <= TIMES_MAX || !has_long_run {
                out.push_str("At ");
                list_times(out, c, t.hour, 1 << m, 1 << s);
                return;
            }
            // the lone hours as times, then the runs of three or more as windows
            let runs = Runs::new(t.hour, 0, 23, t.wrap_hours, 0);
            let mut singles = 0u64;
            let mut long = 0usize;
            for &(a, b) in runs.as_slice() {
                let len = Runs::run_len(a, b, 0, 23);
                if len >= 3 {
                    long += 1;
                } else {
                    let mut h = a as u32;
                    for _ in 0..len {
                        singles |= 1 << h;
                        h = (h + 1) % 24;
                    }
                }
            }
            if singles != 0 {
                out.push_str("At ");
                list_times(out, c, singles, 1 << m, 1 << s);
                out.push_str(", and every hour ");
            } else {
                out.push_str("Every hour ");
            }
            let mut i = 0;
            for &(a, b) in runs.as_slice() {
                if Runs::run_len(a, b, 0, 23) < 3 {
                    continue;
                }
                push_sep(out, i, long, "and");
                out.push_str("from ");
                c.time(out, a as u32, m, s);
                out.push_str(" through ");
                c.time(out, b as u32, m, s);
                i += 1;
            }
        }
    }
}

/// "minutes 0, 15 and 59" (or seconds), for a set inside 0..=59.
fn unit_list(out: &mut String, bits: u64, singular: &str, plural: &str) {
    let runs = Runs::new(bits, 0, 59, false, 0);
    if bits.count_ones() == 1 {
        out.push_str(singular);
    } else {
        out.push_str(plural);
    }
    out.push(' ');
    push_list(out, &runs, 0, 59, "and", push_num);
}

/// The rhythm of a 0..=59 field when it is regular all round the cycle:
/// "Every minute", "Every 15 minutes". Returns false when it is not.
fn uniform_rhythm(out: &mut String, bits: u64, unit: &str) -> bool {
    match classify(bits, 0, 59) {
        Shape::All => {
            out.push_str("Every ");
            out.push_str(unit);
            true
        }
        Shape::Cycle { first: 0, step } => {
            out.push_str("Every ");
            push_count(out, step, unit);
            true
        }
        _ => false,
    }
}

/// A 0..=59 field that is not a plain rhythm, as it reads inside its parent unit:
/// "At minutes 0 and 59", "Every minute from minute 10 through minute 20",
/// "Every 2 minutes from minute 5 through minute 57". The caller adds "of every hour"
/// or a window.
fn irregular(out: &mut String, bits: u64, unit: &str, units: &str) {
    let n = bits.count_ones();
    match classify(bits, 0, 59) {
        Shape::Run(a, b) => {
            out.push_str("Every ");
            out.push_str(unit);
            out.push_str(" from ");
            out.push_str(unit);
            out.push(' ');
            push_num(out, a);
            out.push_str(" through ");
            out.push_str(unit);
            out.push(' ');
            push_num(out, b);
        }
        Shape::Prog { first, step, .. } | Shape::Cycle { first, step } if n > LIST_MAX => {
            out.push_str("Every ");
            push_count(out, step, unit);
            out.push_str(" from ");
            out.push_str(unit);
            out.push(' ');
            push_num(out, first);
            out.push_str(" through ");
            out.push_str(unit);
            out.push(' ');
            push_num(out, last(bits));
        }
        _ => {
            out.push_str("At ");
            unit_list(out, bits, unit, units);
        }
    }
}

/// The hours as windows of fire times: "from 09:00 through 17:45", "from 00:00
/// through 02:45 and from 22:00 through 23:45". `lead` is written first (" " after a
/// rhythm, ", " after a list). Each window runs from `(m0, s0)` in its first hour to
/// `(m1, s1)` in its last. Only for three runs of hours or fewer (see [`spread_hours`]).
fn hour_windows(
    out: &mut String,
    c: &Ctx,
    t: &TimeSets,
    lead: &str,
    (m0, s0): (u32, u32),
    (m1, s1): (u32, u32),
) {
    let runs = Runs::new(t.hour, 0, 23, t.wrap_hours, 0);
    let rs = runs.as_slice();
    out.push_str(lead);
    for (i, &(a, b)) in rs.iter().enumerate() {
        push_sep(out, i, rs.len(), "and");
        out.push_str("from ");
        c.time(out, a as u32, m0, s0);
        out.push_str(" through ");
        c.time(out, b as u32, m1, s1);
    }
}

/// Are the hours too scattered for windows (more than three runs)? Then the sentence
/// says what happens inside an hour and then which hours: ", every 2 hours".
fn spread_hours(t: &TimeSets) -> bool {
    Runs::new(t.hour, 0, 23, t.wrap_hours, 0).as_slice().len() > 3
}

/// The hours as a set, after a phrase that says everything that happens inside an
/// hour: ", every 2 hours" (a cycle from midnight), ", in hours 1, 3, 5, …, 23",
/// ", in hours 10, 11 and 12".
fn hour_set(out: &mut String, c: &Ctx, hours: u64) {
    let n = hours.count_ones();
    match classify(hours, 0, 23) {
        Shape::Cycle { first: 0, step } => {
            out.push_str(", every ");
            push_count(out, step, "hour");
            return;
        }
        Shape::Cycle { first, step } | Shape::Prog { first, step, .. } if n >= ELIDE_MIN => {
            out.push_str(", in hours ");
            push_elided(out, first, step, last(hours), |o, v| {
                push_hour_label(o, c.o, v)
            });
            return;
        }
        _ => {}
    }
    out.push_str(if n == 1 { ", in hour " } else { ", in hours " });
    let linear = Runs::new(hours, 0, 23, false, 0);
    push_list_min_run(out, &linear, 0, 23, "and", 4, |o, v| {
        push_hour_label(o, c.o, v)
    });
}

/// A 0..=59 field as a noun: "minute 30", "minutes 0 and 15", "minutes 30 through
/// 35", "minutes 1, 3, 5, …, 59".
fn unit_noun(out: &mut String, bits: u64, singular: &str, plural: &str) {
    let n = bits.count_ones();
    match classify(bits, 0, 59) {
        Shape::Cycle { first, step } | Shape::Prog { first, step, .. } if n >= ELIDE_MIN => {
            out.push_str(plural);
            out.push(' ');
            push_elided(out, first, step, last(bits), push_num);
        }
        _ => unit_list(out, bits, singular, plural),
    }
}

/// Minutes as the noun after "during" / "of": "minute 0", "every 5th minute",
/// "minutes 0 and 30", "minutes 1, 3, 5, …, 59".
fn minute_noun(out: &mut String, mins: u64) {
    let nm = mins.count_ones();
    match classify(mins, 0, 59) {
        Shape::Single(m) => {
            out.push_str("minute ");
            push_num(out, m);
        }
        Shape::Cycle { first: 0, step } if nm > 4 => {
            push_every_nth(out, step);
            out.push_str(" minute");
        }
        _ => unit_noun(out, mins, "minute", "minutes"),
    }
}

/// Minutes vary at a fixed second `s`, in scattered hours: what happens inside an hour,
/// then the hours. "Every 15 minutes, every 2 hours", "At minutes 5, 20, 35 and 50 past
/// the hour, in hours 1, 4, 9, 12 and 20", "At second 30 of minutes 0 and 15, every 3 hours".
fn minute_level_spread(out: &mut String, c: &Ctx, t: &TimeSets, s: u32) {
    if uniform_rhythm(out, t.min, "minute") {
        if s != 0 {
            out.push_str(" at second ");
            push_num(out, s);
        }
    } else if s == 0 {
        irregular(out, t.min, "minute", "minutes");
        out.push_str(" past the hour");
    } else {
        out.push_str("At second ");
        push_num(out, s);
        out.push_str(" of ");
        minute_noun(out, t.min);
    }
    if classify(t.hour, 0, 23) == Shape::All {
        out.push_str(" of every hour");
    } else {
        hour_set(out, c, t.hour);
    }
}

/// Seconds vary in some hours (minutes restricted, or the hours scattered): what happens
/// inside an hour, then the hours. "At seconds 5 through 10 of minutes 30 through 35,
/// in hours 10, 11 and 12", "Every 10 seconds during minutes 0 and 30, every 2 hours".
fn second_level_by_hours(out: &mut String, c: &Ctx, t: &TimeSets) {
    let min_all = classify(t.min, 0, 59) == Shape::All;
    let rhythm = uniform_rhythm(out, t.sec, "second");
    if min_all {
        if !rhythm {
            irregular(out, t.sec, "second", "seconds");
            out.push_str(" of every minute");
        }
    } else {
        if rhythm {
            out.push_str(" during ");
        } else {
            out.push_str("At ");
            unit_noun(out, t.sec, "second", "seconds");
            out.push_str(" of ");
        }
        minute_noun(out, t.min);
    }
    if classify(t.hour, 0, 23) == Shape::All {
        out.push_str(" of every hour");
    } else {
        hour_set(out, c, t.hour);
    }
}

/// Seconds fixed at `s`; the minutes vary.
fn minute_level(out: &mut String, c: &Ctx, t: &TimeSets, s: u32) {
    let nm = t.min.count_ones();
    let sec_suffix = |out: &mut String| {
        if s != 0 {
            out.push_str(" at second ");
            push_num(out, s);
        }
    };
    let hours = classify(t.hour, 0, 23);
    match hours {
        Shape::All => {
            if uniform_rhythm(out, t.min, "minute") {
                sec_suffix(out);
                return;
            }
            irregular(out, t.min, "minute", "minutes");
            out.push_str(" of every hour");
            if s != 0 {
                out.push(',');
                sec_suffix(out);
            }
        }
        Shape::Single(h) => {
            let (a, b) = (first(t.min), last(t.min));
            match classify(t.min, 0, 59) {
                Shape::All | Shape::Run(..) => {
                    out.push_str("Every minute from ");
                }
                Shape::Cycle { step, .. } | Shape::Prog { step, .. } if nm >= 3 => {
                    out.push_str("Every ");
                    push_count(out, step, "minute");
                    out.push_str(" from ");
                }
                _ if nm <= TIMES_MAX => {
                    out.push_str("At ");
                    list_times(out, c, t.hour, t.min, 1 << s);
                    return;
                }
                _ => {
                    out.push_str("At ");
                    unit_list(out, t.min, "minute", "minutes");
                    out.push_str(" past the hour, from ");
                }
            }
            c.time(out, h, a, s);
            out.push_str(" through ");
            c.time(out, h, b, s);
        }
        _ if spread_hours(t) => minute_level_spread(out, c, t, s),
        _ => {
            let (a, b) = (first(t.min), last(t.min));
            let regular = match classify(t.min, 0, 59) {
                Shape::All => {
                    out.push_str("Every minute");
                    true
                }
                Shape::Cycle { step, .. } => {
                    out.push_str("Every ");
                    push_count(out, step, "minute");
                    true
                }
                _ => {
                    irregular(out, t.min, "minute", "minutes");
                    out.push_str(" past the hour");
                    false
                }
            };
            hour_windows(out, c, t, if regular { " " } else { ", " }, (a, s), (b, s));
        }
    }
}

/// The seconds vary.
fn second_level(out: &mut String, c: &Ctx, t: &TimeSets) {
    let ns = t.sec.count_ones();
    let (s0, s1) = (first(t.sec), last(t.sec));
    let min_all = classify(t.min, 0, 59) == Shape::All;
    let hour_all = classify(t.hour, 0, 23) == Shape::All;
    if min_all && hour_all {
        if uniform_rhythm(out, t.sec, "second") {
            return;
        }
        irregular(out, t.sec, "second", "seconds");
        out.push_str(" of every minute");
        return;
    }
    if t.min.count_ones() == 1 && t.hour.count_ones() == 1 {
        let (h, m) = (first(t.hour), first(t.min));
        match classify(t.sec, 0, 59) {
            Shape::All | Shape::Run(..) => out.push_str("Every second from "),
            Shape::Cycle { step, .. } | Shape::Prog { step, .. } if ns >= 3 => {
                out.push_str("Every ");
                push_count(out, step, "second");
                out.push_str(" from ");
            }
            _ if ns <= TIMES_MAX => {
                out.push_str("At ");
                list_times(out, c, t.hour, t.min, t.sec);
                return;
            }
            _ => {
                out.push_str("At ");
                unit_list(out, t.sec, "second", "seconds");
                out.push_str(" past the minute, from ");
            }
        }
        c.time(out, h, m, s0);
        out.push_str(" through ");
        c.time(out, h, m, s1);
        return;
    }
    if !min_all || spread_hours(t) {
        second_level_by_hours(out, c, t);
        return;
    }
    // every minute of a few runs of hours: continuous windows. An offset rhythm (5/10)
    // counts as regular: the window's first time shows where it starts
    let regular = match classify(t.sec, 0, 59) {
        Shape::All => {
            out.push_str("Every second");
            true
        }
        Shape::Cycle { step, .. } => {
            out.push_str("Every ");
            push_count(out, step, "second");
            true
        }
        _ => {
            irregular(out, t.sec, "second", "seconds");
            out.push_str(" past the minute");
            false
        }
    };
    hour_windows(
        out,
        c,
        t,
        if regular { " " } else { ", " },
        (0, s0),
        (59, s1),
    );
}
