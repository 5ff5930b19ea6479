//! A reader for the English that `describe` writes, used to check its claims
//! against the engine: the sentence is read back into a predicate ("which seconds of
//! a day fire", "which dates fire") written from the meaning of the words alone, and
//! compared with what `Schedule` computes. A sentence that says more or less than
//! the schedule does fails the comparison; one this reader cannot parse fails too,
//! so wording drift is caught as well.
#![allow(dead_code)]

pub const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
pub const MONTHS: [&str; 12] = [
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

type R<T> = Result<T, String>;

fn err<T>(what: &str, s: &str) -> R<T> {
    Err(format!("cannot read {what}: `{s}`"))
}

/// `09:05` or `09:05:30` → seconds of the day.
pub fn time(s: &str) -> R<u32> {
    let p: Vec<&str> = s.split(':').collect();
    let n = |x: &str| x.parse::<u32>().map_err(|_| format!("bad time `{s}`"));
    match p.len() {
        2 if p[0].len() == 2 && p[1].len() == 2 => Ok(n(p[0])? * 3600 + n(p[1])? * 60),
        3 if p.iter().all(|x| x.len() == 2) => Ok(n(p[0])? * 3600 + n(p[1])? * 60 + n(p[2])?),
        _ => err("time", s),
    }
}

/// Split an English list: "a, b and c" / "a or b" (items may contain " through ").
pub fn items(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split(", ") {
        let mut rest = part;
        loop {
            let and = rest.find(" and ");
            let or = rest.find(" or ");
            let cut = match (and, or) {
                (Some(a), Some(o)) => Some(if a < o { (a, 5) } else { (o, 4) }),
                (Some(a), None) => Some((a, 5)),
                (None, Some(o)) => Some((o, 4)),
                (None, None) => None,
            };
            match cut {
                Some((i, len)) => {
                    out.push(rest[..i].to_string());
                    rest = &rest[i + len..];
                }
                None => {
                    out.push(rest.to_string());
                    break;
                }
            }
        }
    }
    out
}

/// "0, 7 and 20 through 25" → values. An ellipsis continues the step of the two
/// values before it up to the value after it: "1, 4, 7, …, 31" (which must land on 31).
pub fn num_list(s: &str) -> R<Vec<u32>> {
    let mut v: Vec<u32> = Vec::new();
    let mut elided = false;
    for it in items(s) {
        if it == "…" {
            if v.len() < 2 || elided {
                return err("ellipsis without a step before it", s);
            }
            elided = true;
            continue;
        }
        let mut vals = Vec::new();
        if let Some((a, b)) = it.split_once(" through ") {
            let a: u32 = a.parse().map_err(|_| format!("bad number in `{s}`"))?;
            let b: u32 = b.parse().map_err(|_| format!("bad number in `{s}`"))?;
            if a > b {
                return err("list (backwards)", s);
            }
            vals.extend(a..=b);
        } else {
            vals.push(
                it.parse()
                    .map_err(|_| format!("bad number `{it}` in `{s}`"))?,
            );
        }
        if elided {
            // fill in the progression up to this value
            elided = false;
            let (p, q) = (v[v.len() - 2], v[v.len() - 1]);
            let step = q
                .checked_sub(p)
                .filter(|&d| d > 0)
                .ok_or(format!("no step before … in `{s}`"))?;
            let target = vals[0];
            let mut x = q + step;
            while x < target {
                v.push(x);
                x += step;
            }
            if x != target {
                return err("ellipsis that does not land on its last value", s);
            }
        }
        v.extend(vals);
    }
    if elided {
        return err("ellipsis at the end", s);
    }
    Ok(v)
}

/// "every other" → 2, "every 3rd" → 3.
fn every_nth(s: &str) -> R<(u32, &str)> {
    if let Some(r) = s.strip_prefix("every other ") {
        return Ok((2, r));
    }
    let r = s
        .strip_prefix("every ")
        .ok_or(format!("no `every` in `{s}`"))?;
    let (num, rest) = r.split_once(' ').ok_or(format!("bad nth `{s}`"))?;
    let digits = num.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    Ok((digits.parse().map_err(|_| format!("bad nth `{s}`"))?, rest))
}

fn in_window(t: u32, a: u32, b: u32) -> bool {
    if a <= b {
        a <= t && t <= b
    } else {
        t >= a || t <= b
    }
}

/// The rhythm a time sentence starts with.
#[derive(Clone, Debug)]
struct Rhythm {
    /// 0 = second, 1 = minute, 2 = hour
    unit: usize,
    /// `Some(k)`: every k units, anchored at the window start (or 0)
    every: Option<u32>,
    /// explicit values of the unit (irregular rhythms)
    values: Option<Vec<u32>>,
    /// "Every 2 minutes from minute 5 through minute 57": unit values bounded
    bounds: Option<(u32, u32)>,
}

fn unit_of(word: &str) -> Option<usize> {
    match word.trim_end_matches('s') {
        "second" => Some(0),
        "minute" => Some(1),
        "hour" => Some(2),
        _ => None,
    }
}

/// Parse the rhythm at the start; returns it and the rest of the sentence.
fn rhythm(s: &str) -> R<(Rhythm, &str)> {
    if let Some(r) = s.strip_prefix("Every ") {
        // "Every minute", "Every 15 minutes", with optional "from minute a through minute b"
        let (first, rest) = r.split_once(' ').unwrap_or((r, ""));
        let (k, unit_word, rest) = if let Ok(k) = first.parse::<u32>() {
            let (u, rest) = rest.split_once(' ').unwrap_or((rest, ""));
            (k, u, rest)
        } else {
            (1, first, rest)
        };
        let unit = unit_of(unit_word).ok_or(format!("unknown unit in `{s}`"))?;
        let rest_sp = if rest.is_empty() {
            String::new()
        } else {
            format!(" {rest}")
        };
        let unit_name = ["second", "minute", "hour"][unit];
        let pat = format!(" from {unit_name} ");
        if let Some(x) = rest_sp.strip_prefix(&pat) {
            // " from minute 5 through minute 57..."
            let (a, x) = x
                .split_once(" through ")
                .ok_or(format!("bad bounds `{s}`"))?;
            let x = x
                .strip_prefix(&format!("{unit_name} "))
                .ok_or(format!("bad bounds `{s}`"))?;
            let (b, x) = x.split_once(' ').unwrap_or((x, ""));
            let a: u32 = a.parse().map_err(|_| format!("bad bound `{s}`"))?;
            let b: u32 = b.parse().map_err(|_| format!("bad bound `{s}`"))?;
            let idx = s.len() - x.len();
            return Ok((
                Rhythm {
                    unit,
                    every: Some(k),
                    values: None,
                    bounds: Some((a, b)),
                },
                &s[if x.is_empty() { s.len() } else { idx - 1 }..],
            ));
        }
        let consumed = s.len() - rest.len() - if rest.is_empty() { 0 } else { 1 };
        return Ok((
            Rhythm {
                unit,
                every: Some(k),
                values: None,
                bounds: None,
            },
            &s[consumed..],
        ));
    }
    if let Some(r) = s.strip_prefix("At ") {
        // "At minutes 0 and 59 …", "At minute 30 …", "At seconds …"
        let (w, rest) = r.split_once(' ').ok_or(format!("bad rhythm `{s}`"))?;
        let unit = unit_of(w).ok_or(format!("bad rhythm `{s}`"))?;
        // the list runs until " of every" / " past the"
        let end = [" of every", " past the", " of minute"]
            .iter()
            .filter_map(|p| rest.find(p))
            .min()
            .ok_or(format!("unterminated list in `{s}`"))?;
        let values = num_list(&rest[..end])?;
        return Ok((
            Rhythm {
                unit,
                every: None,
                values: Some(values),
                bounds: None,
            },
            &rest[end..],
        ));
    }
    err("rhythm", s)
}

/// "from T through T", joined with ", " / " and ".
fn windows(s: &str) -> R<Vec<(u32, u32)>> {
    let mut v = Vec::new();
    for it in items(s) {
        let x = it
            .strip_prefix("from ")
            .ok_or(format!("bad window `{it}`"))?;
        let (a, b) = x
            .split_once(" through ")
            .ok_or(format!("bad window `{it}`"))?;
        v.push((time(a)?, time(b)?));
    }
    Ok(v)
}

/// Which seconds of a day a time sentence (24-hour, no day part) says fire.
pub fn day_seconds(sentence: &str) -> R<Vec<bool>> {
    // ", every 2 hours" / ", in hours 1, 3, 5, …, 23" / ", in hour 9" at the end: the
    // rest says what happens inside each of those hours
    if let Some((inner, hours)) = hour_set_suffix(sentence)? {
        let inside = day_seconds(inner)?;
        return Ok((0..86_400)
            .map(|t| inside[t] && hours.contains(&(t as u32 / 3600)))
            .collect());
    }
    let mut fire = vec![false; 86_400];
    // "At 09:00, 09:30 and 17:00" (possibly ", and every hour from … through …")
    if let Some(r) = sentence.strip_prefix("At ") {
        let (list, hourly) = match r.split_once(", and every hour ") {
            Some((a, b)) => (a, Some(b)),
            None => (r, None),
        };
        let ts: R<Vec<u32>> = items(list).iter().map(|x| time(x)).collect();
        if let Ok(ts) = ts {
            for t in ts {
                fire[t as usize] = true;
            }
            if let Some(h) = hourly {
                for (a, b) in windows(h)? {
                    hourly_seq(&mut fire, a, b);
                }
            }
            return Ok(fire);
        }
    }
    if let Some(r) = sentence.strip_prefix("Every hour from ") {
        if !r.contains("minute") {
            for (a, b) in windows(&format!("from {r}"))? {
                hourly_seq(&mut fire, a, b);
            }
            return Ok(fire);
        }
    }
    let (rh, rest) = rhythm(sentence)?;
    // what follows the rhythm
    let mut lower: [Option<u32>; 3] = [None; 3]; // fixed second / minute (below the unit)
    let mut wins: Vec<(u32, u32)> = Vec::new();
    let mut hour_filter: Option<Box<dyn Fn(u32) -> bool>> = None;
    let mut per_hour: Option<(u32, u32)> = None; // (m,s) window inside each selected hour
    let mut minute_filter: Option<Box<dyn Fn(u32) -> bool>> = None;
    let mut rest = rest.to_string();
    // offsets
    if let Some(x) = rest.strip_prefix(" at minute ") {
        let (m, s) = match x.split_once(", second ") {
            Some((m, s)) => (m.parse().ok(), s.parse().ok()),
            None => (x.parse().ok(), Some(0)),
        };
        lower[1] = Some(m.ok_or(format!("bad minute offset `{sentence}`"))?);
        lower[0] = Some(s.ok_or(format!("bad second offset `{sentence}`"))?);
        rest.clear();
    } else if let Some(x) = rest.strip_prefix(" at second ") {
        lower[0] = Some(x.parse().map_err(|_| format!("bad second `{sentence}`"))?);
        rest.clear();
    }
    // "At seconds 5 through 10 of minutes 30 through 35": the minutes filter the seconds
    let nth_minute = rest
        .strip_prefix(" of every ")
        .is_some_and(|x| x.starts_with("other ") || x.starts_with(|c: char| c.is_ascii_digit()));
    if rest.starts_with(" of minute") || nth_minute {
        rest = format!(" during {}", &rest[" of ".len()..]);
    }
    let rest_s = rest.as_str();
    let rest_s = rest_s
        .strip_prefix(" past the hour")
        .or_else(|| rest_s.strip_prefix(" past the minute"))
        .unwrap_or(rest_s);
    if let Some(x) = rest_s.strip_prefix(" of every hour") {
        if let Some(sx) = x.strip_prefix(", at second ") {
            lower[0] = Some(sx.parse().map_err(|_| format!("bad second `{sentence}`"))?);
        } else if !x.is_empty() {
            return err("after `of every hour`", sentence);
        }
    } else if let Some(x) = rest_s.strip_prefix(" of every minute") {
        if !x.is_empty() {
            return err("after `of every minute`", sentence);
        }
    } else if !rest_s.is_empty() {
        let x = rest_s
            .strip_prefix(", ")
            .or_else(|| rest_s.strip_prefix(' '))
            .ok_or(format!("bad tail `{rest_s}`"))?;
        let x = if let Some(noun) = x
            .strip_prefix("during ")
            .filter(|n| n.starts_with("minute") || n.starts_with("every") && n.contains(" minute"))
        {
            // seconds during some minutes
            let end = [" of every hour", ", from ", ", during "]
                .iter()
                .filter_map(|p| noun.find(p))
                .min();
            let (noun, after) = match end {
                Some(i) => (&noun[..i], &noun[i..]),
                None => (noun, ""),
            };
            let mf: Box<dyn Fn(u32) -> bool> = if let Some(l) = noun
                .strip_prefix("minutes ")
                .or_else(|| noun.strip_prefix("minute "))
            {
                let l = num_list(l)?;
                Box::new(move |m| l.contains(&m))
            } else {
                let (k, r) = every_nth(noun)?;
                match r.strip_prefix("minute from minute ") {
                    Some(b) => {
                        let (a, b) = b.split_once(" through minute ").ok_or("bad bounds")?;
                        let (a, b): (u32, u32) =
                            (a.parse().map_err(|_| "bad")?, b.parse().map_err(|_| "bad")?);
                        Box::new(move |m| a <= m && m <= b && (m - a) % k == 0)
                    }
                    None if r == "minute" => Box::new(move |m| m % k == 0),
                    None => return err("minute noun", noun),
                }
            };
            minute_filter = Some(mf);
            if after == " of every hour" {
                ""
            } else {
                after.strip_prefix(", ").unwrap_or(after)
            }
        } else {
            x
        };
        if let Some(h) = x.strip_prefix("during hours ") {
            let l = num_list(h)?;
            hour_filter = Some(Box::new(move |hh| l.contains(&hh)));
        } else if let Some(d) = x.strip_prefix("during ") {
            let (k, r) = every_nth(d)?;
            let w = r
                .strip_prefix("hour, ")
                .ok_or(format!("bad hour rhythm `{d}`"))?;
            let w = windows(w)?;
            if w.len() != 1 {
                return err("hour rhythm window", d);
            }
            let (a, b) = w[0];
            let (h1, h2) = (a / 3600, b / 3600);
            hour_filter = Some(Box::new(move |h| h1 <= h && h <= h2 && (h - h1) % k == 0));
            per_hour = Some((a % 3600, b % 3600));
            wins.push(((h1 * 3600) + a % 3600, b));
        } else if !x.is_empty() {
            wins = windows(x)?;
        }
    }
    // lower offsets and the anchor come from the first window when not given
    let anchor_t = wins.first().map(|w| w.0).unwrap_or(0);
    let unit_val = |t: u32, u: usize| match u {
        0 => t % 60,
        1 => t / 60 % 60,
        _ => t / 3600,
    };
    for (u, slot) in lower.iter_mut().enumerate().take(rh.unit) {
        if slot.is_none() {
            *slot = Some(unit_val(anchor_t, u));
        }
    }
    let anchor = match rh.bounds {
        Some((a, _)) => a,
        None => unit_val(anchor_t, rh.unit),
    };
    for (t, f) in fire.iter_mut().enumerate() {
        let t = t as u32;
        let v = unit_val(t, rh.unit);
        let ok_rhythm = match (&rh.values, rh.every) {
            (Some(vals), _) => vals.contains(&v),
            (None, Some(k)) => {
                let base_ok = (v + 1000 * k - anchor % k) % k == 0;
                let b_ok = rh.bounds.map(|(a, b)| a <= v && v <= b).unwrap_or(true);
                base_ok && b_ok
            }
            _ => false,
        };
        if !ok_rhythm {
            continue;
        }
        if (0..rh.unit).any(|u| lower[u].is_some_and(|x| unit_val(t, u) != x)) {
            continue;
        }
        if let Some(hf) = &hour_filter {
            if !hf(t / 3600) {
                continue;
            }
        }
        if let Some(mf) = &minute_filter {
            if !mf(t / 60 % 60) {
                continue;
            }
        }
        if let Some((a, b)) = per_hour {
            let inner = t % 3600;
            if inner < a || inner > b {
                continue;
            }
        } else if !wins.is_empty() && !wins.iter().any(|&(a, b)| in_window(t, a, b)) {
            continue;
        }
        *f = true;
    }
    Ok(fire)
}

/// Split off a trailing hour set: ", every N hours" (from midnight) or ", in hours LIST".
fn hour_set_suffix(sentence: &str) -> R<Option<(&str, Vec<u32>)>> {
    if let Some(i) = sentence.rfind(", every ") {
        let tail = &sentence[i + ", every ".len()..];
        if let Some(k) = tail.strip_suffix(" hours") {
            if let Ok(k) = k.parse::<u32>() {
                if k == 0 || 24 % k != 0 {
                    return err("hour step that does not divide the day", sentence);
                }
                return Ok(Some((
                    &sentence[..i],
                    (0..24).step_by(k as usize).collect(),
                )));
            }
        }
    }
    for lead in [", in hours ", ", in hour "] {
        if let Some(i) = sentence.rfind(lead) {
            let hours = num_list(&sentence[i + lead.len()..])?;
            if hours.iter().any(|&h| h > 23) {
                return err("hour", sentence);
            }
            return Ok(Some((&sentence[..i], hours)));
        }
    }
    Ok(None)
}

/// Every hour on the minute/second of `a`, from `a` through `b` (wrapping past midnight).
fn hourly_seq(fire: &mut [bool], a: u32, b: u32) {
    let mut t = a;
    loop {
        fire[t as usize] = true;
        if t == b {
            break;
        }
        t = (t + 3600) % 86_400;
        if t == a {
            break;
        }
    }
}

// ------------------------------------------------------------------ dates

pub fn is_leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 => 28 + is_leap(y) as u32,
        _ => 31,
    }
}

/// 0 = Sunday (Zeller-style, independent of the engine's calendar code).
pub fn weekday(y: u32, m: u32, d: u32) -> u32 {
    let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    (y + y / 4 - y / 100 + y / 400 + t[(m - 1) as usize] + d) % 7
}

/// Quartz's `W`: the weekday nearest day `n` without leaving the month.
pub fn nearest_weekday(y: u32, m: u32, n: u32) -> u32 {
    let len = days_in_month(y, m);
    match weekday(y, m, n) {
        6 if n == 1 => 3,
        6 => n - 1,
        0 if n == len => n - 2,
        0 => n + 1,
        _ => n,
    }
}

pub type DatePred = Box<dyn Fn(u32, u32, u32) -> bool>;

fn month_index(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}
fn weekday_index(name: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|m| *m == name).map(|i| i as u32)
}

/// "the month" or a month's name → month restriction.
fn of_month(s: &str) -> R<Option<u32>> {
    if s == "the month" {
        return Ok(None);
    }
    month_index(s)
        .map(Some)
        .ok_or(format!("unknown month `{s}`"))
}

/// One day item, without its month scope: a day-of-month piece ("day 1", "days 1, 4,
/// 7, …, 31", "the last day", "the day 3 days before the last day", "3 days before the
/// last day", "the last weekday", "the weekday nearest 2 days before the last day", "the
/// weekday nearest the 15th"), a weekday ("Monday", "Monday through Friday") or a
/// weekday of the month ("the first Monday", "the last Friday").
fn day_item(p: &str) -> R<DatePred> {
    if let Some(x) = p.strip_prefix("day ") {
        let v: u32 = x.parse().map_err(|_| format!("bad day `{p}`"))?;
        return Ok(Box::new(move |_, _, d| d == v));
    }
    if let Some(x) = p.strip_prefix("days ") {
        let l = num_list(x)?;
        return Ok(Box::new(move |_, _, d| l.contains(&d)));
    }
    if p == "the last day" {
        return Ok(Box::new(|y, m, d| d == days_in_month(y, m)));
    }
    if p == "the last weekday" {
        return Ok(Box::new(|y, m, d| {
            d == nearest_weekday(y, m, days_in_month(y, m))
        }));
    }
    let before = |x: &str| -> R<u32> {
        let x = x
            .strip_suffix(" days before the last day")
            .or_else(|| x.strip_suffix(" day before the last day"))
            .ok_or(format!("bad offset `{p}`"))?;
        x.parse().map_err(|_| format!("bad offset `{p}`"))
    };
    if let Some(x) = p.strip_prefix("the weekday nearest the ") {
        let n: u32 = x
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .map_err(|_| format!("bad W `{p}`"))?;
        return Ok(Box::new(move |y, m, d| {
            n <= days_in_month(y, m) && d == nearest_weekday(y, m, n)
        }));
    }
    if let Some(x) = p.strip_prefix("the weekday nearest ") {
        let k = before(x)?;
        return Ok(Box::new(move |y, m, d| {
            let len = days_in_month(y, m);
            len > k && d == nearest_weekday(y, m, len - k)
        }));
    }
    if let Some((a, b)) = p.split_once(" through ") {
        if let (Some(a), Some(b)) = (weekday_index(a), weekday_index(b)) {
            return Ok(Box::new(move |y, m, d| {
                let w = weekday(y, m, d);
                (w + 7 - a) % 7 <= (b + 7 - a) % 7
            }));
        }
    }
    if let Some(w) = weekday_index(p) {
        return Ok(Box::new(move |y, m, d| weekday(y, m, d) == w));
    }
    if let Some((nth, name)) = p.strip_prefix("the ").and_then(|x| x.split_once(' ')) {
        if let Some(w) = weekday_index(name) {
            let k = match nth {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" => 4,
                "fifth" => 5,
                "last" => 0,
                _ => return err("nth", p),
            };
            return Ok(Box::new(move |y, m, d| {
                weekday(y, m, d) == w
                    && if k == 0 {
                        d + 7 > days_in_month(y, m)
                    } else {
                        (d - 1) / 7 + 1 == k
                    }
            }));
        }
    }
    let x = p.strip_prefix("the day ").unwrap_or(p);
    let k = before(x)?;
    Ok(Box::new(move |y, m, d| {
        let len = days_in_month(y, m);
        len > k && d == len - k
    }))
}

/// A list of day items, any of which fires ("on day 1, the last day or the last
/// Friday of the month"), with at most one month scope at its end (" of the month" /
/// " of February"), which is said once for the whole list. Bare numbers after a
/// "days …" item continue its list ("days 1 and 15 and the last day").
fn day_list(s: &str) -> R<DatePred> {
    let s = s.trim_start_matches([' ', ',']);
    let s = s.strip_prefix("on ").unwrap_or(s);
    let mut month = None;
    let mut body = s;
    if let Some((b, of)) = s.rsplit_once(" of ") {
        month = of_month(of)?;
        body = b;
    }
    if body.contains(" of ") {
        return err("a month scope said more than once", s);
    }
    let mut merged: Vec<String> = Vec::new();
    for it in items(body) {
        let continues = it.starts_with(|c: char| c.is_ascii_digit()) || it == "…";
        match merged.last_mut() {
            Some(last) if continues && last.starts_with("days ") => {
                last.push_str(", ");
                last.push_str(&it);
            }
            _ => merged.push(it),
        }
    }
    let preds: Vec<DatePred> = merged.iter().map(|p| day_item(p)).collect::<R<_>>()?;
    let any = any_of(preds);
    Ok(Box::new(move |y, m, d| {
        month.map_or(true, |mm| mm == m) && any(y, m, d)
    }))
}

fn any_of(ps: Vec<DatePred>) -> DatePred {
    Box::new(move |y, m, d| ps.iter().any(|p| p(y, m, d)))
}

/// The date part of a sentence (everything after the time part, notes removed):
/// which dates fire, judged from the words.
pub fn dates(part: &str) -> R<DatePred> {
    let mut s = part.to_string();
    let mut preds: Vec<DatePred> = Vec::new();
    // year phrase at the end
    let year_pred = take_years(&mut s)?;
    let month_pred = take_months(&mut s)?;
    preds.push(year_pred);
    preds.push(month_pred);
    let s = s.as_str();
    let day: DatePred = if s.is_empty() {
        Box::new(|_, _, _| true)
    } else if let Some(x) = s.strip_prefix(" on any day of the month or on ") {
        let x = x
            .strip_suffix(" (every day)")
            .ok_or(format!("bad OR `{s}`"))?;
        let _ = day_list(x)?;
        Box::new(|_, _, _| true)
    } else if let Some(x) = s.strip_suffix(" or on any day of the week (every day)") {
        let _ = day_list(x)?;
        Box::new(|_, _, _| true)
    } else if let Some((dom, dow)) = s.split_once(", if it falls on ") {
        // AND: the weekday side has no month scope of its own
        let a = dom_side(dom)?;
        let b = day_list(dow)?;
        Box::new(move |y, m, d| a(y, m, d) && b(y, m, d))
    } else if let Some((days, weekdays)) = s.split_once(" or on ") {
        // Vixie's OR: days of the month (and weekdays of the month), or plain weekdays
        let a = day_list(days)?;
        let b = day_list(weekdays)?;
        Box::new(move |y, m, d| a(y, m, d) || b(y, m, d))
    } else if s.starts_with(", ") || s.starts_with(" on ") {
        dom_side(s)?
    } else {
        return err("day part", s);
    };
    preds.push(day);
    Ok(Box::new(move |y, m, d| preds.iter().all(|p| p(y, m, d))))
}

/// " on February 30", " on January 1 and July 1", or a list of day items.
fn dom_side(s: &str) -> R<DatePred> {
    let x = s.trim_start_matches([' ', ',']);
    let x2 = x.strip_prefix("on ").unwrap_or(x);
    if MONTHS.iter().any(|m| x2.starts_with(&format!("{m} "))) && !x2.contains(" of ") {
        let mut dates = Vec::new();
        for it in items(x2) {
            let (mname, d) = it.split_once(' ').ok_or(format!("bad date `{it}`"))?;
            let m = month_index(mname).ok_or(format!("bad date `{it}`"))?;
            let d: u32 = d.parse().map_err(|_| format!("bad date `{it}`"))?;
            dates.push((m, d));
        }
        return Ok(Box::new(move |_, m, d| dates.contains(&(m, d))));
    }
    day_list(x)
}

fn take_years(s: &mut String) -> R<DatePred> {
    // ", in odd years", ", in even years from 2000( through 2010)"
    for (phrase, parity) in [(", in odd years", 1), (", in even years", 0)] {
        if let Some(i) = s.find(phrase) {
            let tail = s[i + phrase.len()..].to_string();
            s.truncate(i);
            let (a, b): (u32, u32) = match tail.strip_prefix(" from ") {
                Some(r) => match r.split_once(" through ") {
                    Some((a, b)) => (a.parse().map_err(|_| "a")?, b.parse().map_err(|_| "b")?),
                    None => (r.parse().map_err(|_| "a")?, 2199),
                },
                None if tail.is_empty() => (1970, 2199),
                None => match tail.strip_prefix(" through ") {
                    Some(b) => (1970, b.parse().map_err(|_| "b")?),
                    None => return err("year parity", &tail),
                },
            };
            return Ok(Box::new(move |y, _, _| a <= y && y <= b && y % 2 == parity));
        }
    }
    // ", every 2 years from 2030( through 2040)"
    if let Some(i) = s.find(", every ") {
        if s[i..].contains(" years from ") || s[i..].contains(" year from ") {
            let tail = s[i + ", every ".len()..].to_string();
            s.truncate(i);
            let (k, r) = tail.split_once(' ').ok_or("bad year step")?;
            let k: u32 = k.parse().map_err(|_| "bad year step")?;
            let r = r
                .trim_start_matches("years ")
                .trim_start_matches("year ")
                .strip_prefix("from ")
                .ok_or("bad year step")?;
            let (a, b): (u32, u32) = match r.split_once(" through ") {
                Some((a, b)) => (a.parse().map_err(|_| "a")?, b.parse().map_err(|_| "b")?),
                None => (r.parse().map_err(|_| "a")?, 2199),
            };
            return Ok(Box::new(move |y, _, _| {
                a <= y && y <= b && (y - a) % k == 0
            }));
        }
    }
    // ", in 2026, 2028 and 2030 through 2032" / ", from 2026 through 2030"
    for lead in [", in ", ", from "] {
        if let Some(i) = s.rfind(lead) {
            let tail = &s[i + lead.len()..];
            if tail
                .chars()
                .all(|c| c.is_ascii_digit() || " ,andthrough".contains(c))
                && tail.starts_with(|c: char| c.is_ascii_digit())
            {
                let l = num_list(tail)?;
                s.truncate(i);
                return Ok(Box::new(move |y, _, _| l.contains(&y)));
            }
        }
    }
    // the date form's ", 2099" (at the end, or before ", if it falls on …")
    let found = s.match_indices(", ").map(|(i, _)| i).find(|&i| {
        let tail = &s[i + 2..];
        let b = tail.as_bytes();
        b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && (b.len() == 4 || b[4] == b',')
    });
    if let Some(i) = found {
        let y: u32 = s[i + 2..i + 6].parse().map_err(|_| "year")?;
        s.replace_range(i..i + 6, "");
        return Ok(Box::new(move |yy, _, _| yy == y));
    }
    Ok(Box::new(|_, _, _| true))
}

fn take_months(s: &mut String) -> R<DatePred> {
    for lead in [", in ", ", from "] {
        if let Some(i) = s.rfind(lead) {
            let tail = s[i + lead.len()..].to_string();
            let ok = items(&tail)
                .iter()
                .all(|it| it.split(" through ").all(|w| month_index(w).is_some()));
            if ok {
                let mut months = Vec::new();
                for it in items(&tail) {
                    if let Some((a, b)) = it.split_once(" through ") {
                        let (a, b) = (
                            month_index(a).ok_or("month")?,
                            month_index(b).ok_or("month")?,
                        );
                        let mut m = a;
                        loop {
                            months.push(m);
                            if m == b {
                                break;
                            }
                            m = m % 12 + 1;
                        }
                    } else {
                        months.push(month_index(&it).ok_or("month")?);
                    }
                }
                s.truncate(i);
                return Ok(Box::new(move |_, m, _| months.contains(&m)));
            }
        }
    }
    Ok(Box::new(|_, _, _| true))
}

/// An interval sentence, "Every 5 minutes, counted from when the schedule
/// starts" or "Every 1 hour and 30 minutes, ...", read back as its period in
/// seconds. Anything else (a clock time, another ending) is not an interval
/// sentence and fails.
pub fn interval_period(s: &str) -> R<u64> {
    let Some(body) = s
        .strip_prefix("Every ")
        .and_then(|r| r.strip_suffix(", counted from when the schedule starts"))
    else {
        return err("interval sentence", s);
    };
    let unit = |w: &str| -> Option<u64> {
        Some(match w.strip_suffix('s').unwrap_or(w) {
            "second" => 1,
            "minute" => 60,
            "hour" => 3_600,
            "day" => 86_400,
            "week" => 604_800,
            _ => return None,
        })
    };
    let mut total = 0u64;
    for item in items(body) {
        let words: Vec<&str> = item.split(' ').collect();
        let (n, u) = match words[..] {
            // "minute": one of it; a plural needs a number
            [u] if !u.ends_with('s') => (1, u),
            [n, u] => match n.parse::<u64>() {
                Ok(n) if (n == 1) != u.ends_with('s') => (n, u),
                _ => return err("interval amount", &item),
            },
            _ => return err("interval amount", &item),
        };
        total += n * unit(u).ok_or_else(|| format!("cannot read unit `{u}`"))?;
    }
    Ok(total)
}
