//! A byte-level fast path for [`Schedule::parse`].
//!
//! The full parser ([`crate::expr`]) records a span for every item and checks
//! each strictness rule with a diagnostic in mind; that costs several thousand
//! instructions an expression. Most expressions use a small part of the grammar,
//! and for those this module reads the bytes once, left to right, and builds the
//! [`Schedule`] directly. Item values come from the helpers the compiler itself
//! uses (`item_bits`, `weekdays_of`, `add_year_bits`) and the schedule is
//! finished by the same `Schedule::finish`; only the handful of lines that turn
//! `L`, `W` and `n#k` forms into day-rule bits mirror `Compiler::item`.
//!
//! Each position is parsed by its own inlined copy of [`field`] (the kind is a
//! constant at every call), and `*`, `?` and numbers of one or two digits — most
//! fields — are settled before the item loop. Together that brings a parse from about 4 200
//! instructions to about 800 (see `docs/performance.md`).
//!
//! It only ever says "here is the schedule" or "not mine" (`None`): it gives up
//! on anything outside the subset below **and on anything that might be an
//! error**, and the caller then runs the full parser. So every rejection and
//! every diagnostic still comes from the full parser.
//!
//! The subset, per comma-separated item (at most [`MAX_ITEMS`] a field):
//!
//! | item | fields |
//! |---|---|
//! | `*`, `*/n` | all |
//! | `?` alone in its field | day-of-month, day-of-week |
//! | `a`, `a-b`, `a/n`, `a-b/n` (numbers of at most four digits) | all |
//! | `NAME`, `NAME-NAME` (three letters, any case) | month, day-of-week |
//! | `L`, `L-n`, `LW`, `L-nW`, `nW` alone in its field | day-of-month |
//! | `a#k`, `NAME#k`, `aL`, `NAMEL`, unix `a#L` alone in its field | day-of-week |
//!
//! and 5 (unix), 6 or 7 fields separated by spaces and tabs. Everything else —
//! nicknames, Quartz's `L` day of week and `/n`, unix `+`, full
//! day and month names, empty items — goes to the full parser, as does any value
//! out of range, any zero or too large step, any range that only Quartz may write
//! backwards, and in Quartz any pair of day fields that is not exactly one `?`.
//!
//! `tests/parse_fast_path.rs` checks, for random valid and invalid text in every
//! dialect choice, that `Schedule::parse` equals compiling `Expr::parse`'s tree.

use crate::expr::{day_combine, weekday_of, Dialect, DialectChoice, FieldKind, ItemKind, StepBase};

use super::{
    add_year_bits, item_bits, span_mask, weekdays_of, DayRule, DayShape, Schedule, ALL_DAYS,
    ALL_YEARS,
};

/// Longer lists go to the full parser (which has its own, larger, limit).
const MAX_ITEMS: usize = 64;

/// What one written field compiled to.
#[derive(Clone, Copy, Default)]
struct Parsed {
    /// Plain values: bit v = value v as written in the dialect.
    values: u64,
    /// Day-of-month `L`/`L-n` (bit n, as [`DayRule::dom_last_offsets`]) or
    /// day-of-week `n#k` (as [`DayRule::nth_weekdays`]).
    special: u64,
    /// Day-of-month `nW` (as [`DayRule::dom_nearest_weekday`]).
    nearest_weekday: u32,
    /// Day-of-month `LW`/`L-nW` (as [`DayRule::dom_last_nearest_weekday`]).
    last_nearest_weekday: u32,
    /// Day-of-week `nL` (as [`DayRule::last_weekdays`]).
    last_weekdays: u8,
    /// The field is `?` alone.
    question: bool,
    /// The field's text starts with `*` or `?` (Vixie's rule for the day fields).
    star: bool,
}

/// Parse `text` if it is in the fast subset; `None` means "use the full parser".
pub(super) fn parse(text: &str, choice: DialectChoice) -> Option<Schedule> {
    let bytes = text.as_bytes();
    // Quartz always has seconds first; for unix (and the automatic choice) the
    // number of fields decides where they start, so count them first.
    let five = choice != DialectChoice::Quartz && count_fields(bytes) == 5;
    let dialect = match choice {
        DialectChoice::Quartz => Dialect::Quartz,
        DialectChoice::Unix => Dialect::Unix,
        DialectChoice::Auto if five => Dialect::Unix,
        DialectChoice::Auto => Dialect::Quartz,
        // the platform profiles are read by the full parser
        _ => return None,
    };
    use FieldKind::*;

    // One call per position, each with a constant kind, so that every field's
    // parser is specialised for its bounds and forms.
    let mut lx = Lexer { f: bytes, i: 0 };
    let sec = if five {
        Parsed {
            values: 1, // unix with five fields: second 0
            ..Parsed::default()
        }
    } else {
        field(lx.next_field(), Second, dialect)?
    };
    let min = field(lx.next_field(), Minute, dialect)?;
    let hour = field(lx.next_field(), Hour, dialect)?;
    let dom = field(lx.next_field(), DayOfMonth, dialect)?;
    let month = field(lx.next_field(), Month, dialect)?;
    let dow = field(lx.next_field(), DayOfWeek, dialect)?;
    lx.skip_blanks();
    let mut years = ALL_YEARS;
    if !five && lx.peek().is_some() {
        years = year_field(&mut lx)?;
        lx.skip_blanks();
    }
    if lx.peek().is_some() {
        return None; // an eighth field (or a sixth in unix after five): not ours
    }

    // Quartz: exactly one day field is `?` (else the full parser explains why)
    if dialect == Dialect::Quartz && dom.question == dow.question {
        return None;
    }
    let quartz_any = |p: Parsed| dialect == Dialect::Quartz && p.question;
    let mut s = Schedule {
        seconds: sec.values,
        minutes: min.values,
        hours: hour.values as u32,
        months: month.values as u16,
        years,
        days: DayRule {
            // `?` stands for "any" in Quartz: the other field alone decides
            dom_days: if quartz_any(dom) {
                ALL_DAYS
            } else {
                dom.values as u32
            },
            dom_last_offsets: dom.special as u32,
            dom_nearest_weekday: dom.nearest_weekday,
            dom_last_nearest_weekday: dom.last_nearest_weekday,
            weekdays: if quartz_any(dow) {
                0x7F
            } else {
                weekdays_of(dialect, dow.values)
            },
            nth_weekdays: dow.special,
            last_weekdays: dow.last_weekdays,
            combine: day_combine(dialect, false, dom.star, dow.star),
            fugit: None,
        },
        day_shape: DayShape::Every,
        weekly: 0,
        first_tod: 0,
        wildcard_time: min.star || hour.star,
        dialect,
        reboot: false,
    };
    s.finish();
    Some(s)
}

/// How many space- or tab-separated fields `text` has.
fn count_fields(text: &[u8]) -> usize {
    let mut count = 0;
    let mut in_field = false;
    for &b in text {
        let blank = b == b' ' || b == b'\t';
        count += (!blank && !in_field) as usize;
        in_field = !blank;
    }
    count
}

/// One field (not the year): its items compiled the way `Compiler::item` does.
#[inline(always)]
fn field(lx: &mut Lexer, kind: FieldKind, dialect: Dialect) -> Option<Parsed> {
    let (min, max) = kind.bounds(dialect);
    let start = lx.i;
    // Most fields are `*`, `?` or one number below 100: settle those at once.
    let blank_or_end = |b: Option<&u8>| matches!(b, None | Some(b' ' | b'\t'));
    let day_field = matches!(kind, FieldKind::DayOfMonth | FieldKind::DayOfWeek);
    match lx.f.get(start..)? {
        [c @ (b'*' | b'?'), rest @ ..]
            if blank_or_end(rest.first()) && (*c == b'*' || day_field) =>
        {
            lx.i += 1;
            return Some(Parsed {
                // `*` and `?` both mean every value (item_bits of Any / NoSpecific)
                values: span_mask(min as u32, max as u32),
                question: *c == b'?',
                star: true,
                ..Parsed::default()
            });
        }
        [d @ b'0'..=b'9', rest @ ..]
            if blank_or_end(rest.first()) && (min..=max).contains(&((d - b'0') as u16)) =>
        {
            lx.i += 1;
            return Some(Parsed {
                values: 1 << (d - b'0'),
                ..Parsed::default()
            });
        }
        [t @ b'0'..=b'9', u @ b'0'..=b'9', rest @ ..] if blank_or_end(rest.first()) => {
            let v = ((t - b'0') * 10 + (u - b'0')) as u16;
            if (min..=max).contains(&v) {
                lx.i += 2;
                return Some(Parsed {
                    values: 1 << v,
                    ..Parsed::default()
                });
            }
        }
        _ => {}
    }
    let mut out = Parsed {
        star: matches!(lx.peek()?, b'*' | b'?'),
        ..Parsed::default()
    };
    let mut items = 0;
    let mut must_stand_alone = false;
    loop {
        match item(lx, kind, dialect, min, max)? {
            ItemKind::Value(v) => out.values |= 1 << v,
            ItemKind::Range(a, b) if a <= b => out.values |= span_mask(a as u32, b as u32),
            // `?` and the `L`, `W` and `#` forms must be alone in their field
            ItemKind::NoSpecific => {
                must_stand_alone = true;
                out.values |= item_bits(ItemKind::NoSpecific, min, max);
            }
            ItemKind::Last => {
                must_stand_alone = true;
                out.special |= 1;
            }
            ItemKind::LastOffset(n) => {
                must_stand_alone = true;
                out.special |= 1 << n;
            }
            ItemKind::LastWeekday => {
                must_stand_alone = true;
                out.last_nearest_weekday |= 1;
            }
            ItemKind::LastOffsetWeekday(n) => {
                must_stand_alone = true;
                out.last_nearest_weekday |= 1 << n;
            }
            ItemKind::NearestWeekday(n) => {
                must_stand_alone = true;
                out.nearest_weekday |= 1 << n;
            }
            ItemKind::NthWeekday(v, k) => {
                must_stand_alone = true;
                out.special |= 1 << (8 * weekday_of(dialect, v) as u64 + k as u64);
            }
            ItemKind::LastOfWeekday(v) => {
                must_stand_alone = true;
                out.last_weekdays |= 1 << weekday_of(dialect, v);
            }
            // `*`, steps and Quartz's wrapping ranges
            plain => out.values |= item_bits(plain, min, max),
        }
        items += 1;
        match lx.peek() {
            None | Some(b' ' | b'\t') => break,
            // a trailing comma or `,,` fails in `item` (no value to read)
            Some(b',') if items < MAX_ITEMS => lx.i += 1,
            _ => return None,
        }
    }
    if must_stand_alone && items > 1 {
        return None;
    }
    out.question = lx.i == start + 1 && lx.f[start] == b'?';
    Some(out)
}

/// The year field, item by item (its 230 values do not fit a `u64`).
fn year_field(lx: &mut Lexer) -> Option<[u64; 4]> {
    let (min, max) = FieldKind::Year.bounds(Dialect::Quartz);
    let mut years = [0; 4];
    let mut items = 0;
    loop {
        match item(lx, FieldKind::Year, Dialect::Quartz, min, max)? {
            ItemKind::NoSpecific => return None, // unreachable: `?` is for day fields
            it => add_year_bits(&mut years, it),
        }
        items += 1;
        match lx.peek() {
            None | Some(b' ' | b'\t') => return Some(years),
            Some(b',') if items < MAX_ITEMS => lx.i += 1,
            _ => return None,
        }
    }
}

struct Lexer<'a> {
    f: &'a [u8],
    i: usize,
}

impl Lexer<'_> {
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.f.get(self.i).copied()
    }

    fn skip_blanks(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.i += 1;
        }
    }

    /// Skip to the start of the next field.
    #[inline(always)]
    fn next_field(&mut self) -> &mut Self {
        self.skip_blanks();
        self
    }

    /// Step over a `W` (either case; the full parser reads both).
    #[inline]
    fn eat_w(&mut self) -> bool {
        let w = matches!(self.peek(), Some(b'W' | b'w'));
        self.i += w as usize;
        w
    }

    /// At the end of the item: the end of the field or a comma.
    #[inline]
    fn item_ends(&self) -> bool {
        matches!(self.peek(), None | Some(b',' | b' ' | b'\t'))
    }

    /// One to four digits (longer numbers are left to the full parser).
    #[inline]
    fn number(&mut self) -> Option<u16> {
        let mut v: u16 = 0;
        let mut n = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            if n == 4 {
                return None;
            }
            v = v * 10 + (b - b'0') as u16;
            self.i += 1;
            n += 1;
        }
        (n > 0).then_some(v)
    }

    /// A number, or a three-letter month or day name where names are allowed.
    /// Returns the value in the dialect's numbering and whether it was a name.
    #[inline(always)]
    fn value(&mut self, kind: FieldKind, dialect: Dialect) -> Option<(u16, bool)> {
        if self.peek()?.is_ascii_digit() {
            return self.number().map(|v| (v, false));
        }
        let v = match self.f.get(self.i..)? {
            // exactly three letters: full names and suffixes such as `FRIL` are
            // the full parser's
            [a, b, c, rest @ ..] if !rest.first().is_some_and(u8::is_ascii_alphabetic) => {
                name_value(kind, dialect, [*a, *b, *c])?
            }
            // day-of-week `FRIL`: the name, then the `L` that `item` reads
            [a, b, c, b'L', rest @ ..]
                if kind == FieldKind::DayOfWeek
                    && !rest.first().is_some_and(u8::is_ascii_alphabetic) =>
            {
                name_value(kind, dialect, [*a, *b, *c])?
            }
            _ => return None,
        };
        self.i += 3;
        Some((v, true))
    }
}

/// Three ASCII letters as one number, upper-cased (clearing bit 5 maps exactly
/// `a`–`z` onto `A`–`Z`; other bytes never land on an upper-case key).
const fn key(w: [u8; 3]) -> u32 {
    u32::from_le_bytes([w[0] & !0x20, w[1] & !0x20, w[2] & !0x20, 0])
}

/// The value of a month or day abbreviation in `dialect`'s numbering.
#[inline(always)]
fn name_value(kind: FieldKind, dialect: Dialect, word: [u8; 3]) -> Option<u16> {
    const JAN: u32 = key(*b"JAN");
    const FEB: u32 = key(*b"FEB");
    const MAR: u32 = key(*b"MAR");
    const APR: u32 = key(*b"APR");
    const MAY: u32 = key(*b"MAY");
    const JUN: u32 = key(*b"JUN");
    const JUL: u32 = key(*b"JUL");
    const AUG: u32 = key(*b"AUG");
    const SEP: u32 = key(*b"SEP");
    const OCT: u32 = key(*b"OCT");
    const NOV: u32 = key(*b"NOV");
    const DEC: u32 = key(*b"DEC");
    const SUN: u32 = key(*b"SUN");
    const MON: u32 = key(*b"MON");
    const TUE: u32 = key(*b"TUE");
    const WED: u32 = key(*b"WED");
    const THU: u32 = key(*b"THU");
    const FRI: u32 = key(*b"FRI");
    const SAT: u32 = key(*b"SAT");
    let k = key(word);
    match kind {
        FieldKind::Month => Some(match k {
            JAN => 1,
            FEB => 2,
            MAR => 3,
            APR => 4,
            MAY => 5,
            JUN => 6,
            JUL => 7,
            AUG => 8,
            SEP => 9,
            OCT => 10,
            NOV => 11,
            DEC => 12,
            _ => return None,
        }),
        FieldKind::DayOfWeek => {
            let sunday_based = match k {
                SUN => 0,
                MON => 1,
                TUE => 2,
                WED => 3,
                THU => 4,
                FRI => 5,
                SAT => 6,
                _ => return None,
            };
            Some(dialect.profile().dow.value_of(sunday_based as u8))
        }
        _ => None,
    }
}

/// One item, or `None` for anything outside the subset or possibly wrong.
#[inline(always)]
fn item(lx: &mut Lexer, kind: FieldKind, dialect: Dialect, min: u16, max: u16) -> Option<ItemKind> {
    let in_range = |v: u16| (min..=max).contains(&v);
    // the full parser rejects `*/n` and `a/n` with n above the field's maximum
    // (except in years); `a-b/n` may step past `b`
    let step_ok = |n: u16| n != 0 && (kind == FieldKind::Year || n <= max);
    match lx.peek()? {
        b'*' => {
            lx.i += 1;
            if lx.item_ends() {
                return Some(ItemKind::Any);
            }
            if lx.peek() != Some(b'/') {
                return None;
            }
            lx.i += 1;
            let step = lx.number().filter(|&n| step_ok(n))?;
            lx.item_ends().then_some(ItemKind::Step {
                base: StepBase::Any,
                step,
            })
        }
        b'?' => {
            lx.i += 1;
            let day_field = matches!(kind, FieldKind::DayOfMonth | FieldKind::DayOfWeek);
            (day_field && lx.item_ends()).then_some(ItemKind::NoSpecific)
        }
        b'L' | b'l' if kind == FieldKind::DayOfMonth => {
            lx.i += 1;
            if lx.item_ends() {
                return Some(ItemKind::Last);
            }
            if lx.eat_w() {
                return lx.item_ends().then_some(ItemKind::LastWeekday);
            }
            if lx.peek() != Some(b'-') {
                return None;
            }
            lx.i += 1;
            let n = lx.number().filter(|&n| n <= 30)? as u8;
            if lx.eat_w() {
                return lx.item_ends().then_some(ItemKind::LastOffsetWeekday(n));
            }
            lx.item_ends().then_some(ItemKind::LastOffset(n))
        }
        _ => {
            let (a, named) = lx.value(kind, dialect)?;
            if !in_range(a) {
                return None;
            }
            if lx.item_ends() {
                return Some(ItemKind::Value(a));
            }
            match lx.peek() {
                Some(b'-') => {
                    lx.i += 1;
                    let (b, b_named) = lx.value(kind, dialect)?;
                    // both ends written alike; backwards only where Quartz wraps
                    let backwards_ok = dialect == Dialect::Quartz && kind != FieldKind::Year;
                    if named != b_named || !in_range(b) || (a > b && !backwards_ok) {
                        return None;
                    }
                    if lx.item_ends() {
                        return Some(ItemKind::Range(a, b));
                    }
                    if named || lx.peek() != Some(b'/') {
                        return None;
                    }
                    lx.i += 1;
                    let step = lx.number().filter(|&n| n != 0)?;
                    lx.item_ends().then_some(ItemKind::Step {
                        base: StepBase::Range(a, b),
                        step,
                    })
                }
                Some(b'/') if !named => {
                    lx.i += 1;
                    let step = lx.number().filter(|&n| step_ok(n))?;
                    lx.item_ends().then_some(ItemKind::Step {
                        base: StepBase::From(a),
                        step,
                    })
                }
                Some(b'W' | b'w') if kind == FieldKind::DayOfMonth => {
                    lx.i += 1;
                    lx.item_ends().then_some(ItemKind::NearestWeekday(a as u8))
                }
                Some(b'#') if kind == FieldKind::DayOfWeek => {
                    lx.i += 1;
                    if dialect == Dialect::Unix && lx.peek() == Some(b'L') {
                        // unix `5#L` = `5L`
                        lx.i += 1;
                        return lx.item_ends().then_some(ItemKind::LastOfWeekday(a));
                    }
                    let k = lx.number().filter(|k| (1..=5).contains(k))?;
                    lx.item_ends().then_some(ItemKind::NthWeekday(a, k as u8))
                }
                // `6L`, `FRIL`: the last such weekday of the month
                Some(b'L') if kind == FieldKind::DayOfWeek => {
                    lx.i += 1;
                    lx.item_ends().then_some(ItemKind::LastOfWeekday(a))
                }
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path must actually take the everyday expressions (the tests in
    /// `tests/parse_fast_path.rs` only show that it never disagrees).
    #[test]
    fn takes_everyday_expressions() {
        for (text, choice) in [
            ("0 0/1 * * * ?", DialectChoice::Quartz),
            ("0 15 10 ? * MON-FRI", DialectChoice::Quartz),
            ("0 0 12 L * ?", DialectChoice::Quartz),
            ("0 5 9 ? * 6#3", DialectChoice::Quartz),
            ("0 0 0 29 2 ?", DialectChoice::Quartz),
            ("*/5 * * * * ?", DialectChoice::Quartz),
            ("0 0 9-17 ? * MON-FRI", DialectChoice::Quartz),
            ("0 0 0 1 1 ? 2099", DialectChoice::Quartz),
            ("\t0  0 12 ? jan,Jul sun ", DialectChoice::Auto),
            ("0 0 12 L-3 NOV-FEB ? 2026-2030/2", DialectChoice::Auto),
            ("*/15 9-17 * * 1-5", DialectChoice::Auto),
            ("0 12 1 * MON", DialectChoice::Unix),
            ("30 0 12 * * 7", DialectChoice::Unix),
            ("0 0 12 * * FRI#2 2030", DialectChoice::Unix),
            ("0 0 ? * *", DialectChoice::Unix),
            ("0 0 12 LW * ?", DialectChoice::Quartz),
            ("0 0 12 l-2w * ?", DialectChoice::Quartz),
            ("0 0 12 15W * ?", DialectChoice::Quartz),
            ("0 0 0 31W 2 ?", DialectChoice::Quartz),
            // the held-out forms of issue 12
            ("0 15 10 ? * 6L", DialectChoice::Quartz),
            ("0 15 10 ? * FRIL", DialectChoice::Quartz),
            ("0 15 10 L-3 * ?", DialectChoice::Quartz),
            ("0 15 10 ? * 3#2", DialectChoice::Quartz),
            ("0 15 10 ? * FRI#3", DialectChoice::Quartz),
            ("15 10 * * 5#L", DialectChoice::Unix),
            ("15 10 * * 5L", DialectChoice::Unix),
            ("0 0 * * FRI#L", DialectChoice::Unix),
        ] {
            assert!(parse(text, choice).is_some(), "{text:?} {choice:?}");
        }
    }

    /// Forms outside the subset are left to the full parser, valid or not.
    #[test]
    fn leaves_the_rest_to_the_full_parser() {
        for (text, choice) in [
            ("@daily", DialectChoice::Auto),
            ("0 0 12 ? * L", DialectChoice::Quartz),
            ("0 /5 * * * ?", DialectChoice::Quartz),
            ("0 0 0 ? * MONDAY", DialectChoice::Quartz),
            ("0 12 1 * +MON", DialectChoice::Unix),
            ("0 0 1,L * *", DialectChoice::Unix),
            // errors, each for the full parser to explain
            ("0 0 12 1 * MON", DialectChoice::Quartz),
            ("0 0 12 ? * ?", DialectChoice::Quartz),
            ("60 * * * * ?", DialectChoice::Quartz),
            ("0 0 0 ? * 0", DialectChoice::Quartz),
            ("*/0 * * * * ?", DialectChoice::Quartz),
            ("0 0 10-5 * *", DialectChoice::Unix),
            ("0 0 0 1 1 ? 2030-2028", DialectChoice::Quartz),
            ("0 0 0 1,,2 * ?", DialectChoice::Quartz),
            ("0 0 0 * * ? 2026 x", DialectChoice::Quartz),
            ("* * * *", DialectChoice::Auto),
            ("", DialectChoice::Auto),
        ] {
            assert!(parse(text, choice).is_none(), "{text:?} {choice:?}");
        }
    }
}
