//! Jenkins' crontab language, read the way `hudson.scheduler` reads it.
//!
//! One line is five fields `minute hour day-of-month month day-of-week` (numbers
//! only, day-of-week 0–7 with 0 and 7 = Sunday) or a nickname. Items: `*`, `*/n`,
//! `n`, `a-b`, `a-b/n`, `H`, `H/n`, `H(a-b)`, `H(a-b)/n`, joined by commas. There is
//! no `a/n`, no names, no `?`, `L`, `W` or `#`. All five fields must match (Jenkins
//! AND-s day-of-month with day-of-week, unlike Vixie cron).
//!
//! `H` takes a value from the job's [`JenkinsHash`]: plain `H` one value of the
//! field (day-of-month 1–28, day-of-week 0–6), `H/n` a stride of `n` starting at a
//! hashed offset below `n`, `H(a-b)` and `H(a-b)/n` the same inside `a..=b`. The
//! hashed nicknames stand for `@yearly`/`@annually` = `H H H H *`, `@monthly` =
//! `H H H * *`, `@weekly` = `H H * * H`, `@daily` = `H H * * *`, `@midnight` =
//! `H H(0-2) * * *`, `@hourly` = `H * * * *`.
//!
//! A trigger's text ([`CronTabList`]) is several lines: a first line `TZ=Zone`, `#`
//! comments and blank lines are skipped, and every schedule line draws from the same
//! hash, one after the other, so the second `H * * * *` of a job gets a different
//! minute from the first.

use super::hash::JenkinsHash;

/// The five Jenkins fields, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JenkinsField {
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}

impl JenkinsField {
    pub const ALL: [JenkinsField; 5] = [
        JenkinsField::Minute,
        JenkinsField::Hour,
        JenkinsField::DayOfMonth,
        JenkinsField::Month,
        JenkinsField::DayOfWeek,
    ];

    /// The bounds Jenkins checks written values against (`BaseParser.LOWER_BOUNDS`,
    /// `UPPER_BOUNDS`).
    pub fn bounds(self) -> (u32, u32) {
        match self {
            JenkinsField::Minute => (0, 59),
            JenkinsField::Hour => (0, 23),
            JenkinsField::DayOfMonth => (1, 31),
            JenkinsField::Month => (1, 12),
            JenkinsField::DayOfWeek => (0, 7),
        }
    }

    /// The range a bare `H` or `H/n` hashes into: day-of-month stops at 28 (safe in
    /// every month) and day-of-week at 6 (7 is Sunday again).
    pub fn hash_bounds(self) -> (u32, u32) {
        match self {
            JenkinsField::DayOfMonth => (1, 28),
            JenkinsField::DayOfWeek => (0, 6),
            other => other.bounds(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            JenkinsField::Minute => "minute",
            JenkinsField::Hour => "hour",
            JenkinsField::DayOfMonth => "day-of-month",
            JenkinsField::Month => "month",
            JenkinsField::DayOfWeek => "day-of-week",
        }
    }
}

/// A Jenkins nickname (all hashed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JenkinsNickname {
    Yearly,
    Annually,
    Monthly,
    Weekly,
    Daily,
    Midnight,
    Hourly,
}

impl JenkinsNickname {
    const ALL: [JenkinsNickname; 7] = [
        JenkinsNickname::Yearly,
        JenkinsNickname::Annually,
        JenkinsNickname::Monthly,
        JenkinsNickname::Weekly,
        JenkinsNickname::Daily,
        JenkinsNickname::Midnight,
        JenkinsNickname::Hourly,
    ];

    /// The word after `@`.
    pub fn word(self) -> &'static str {
        match self {
            JenkinsNickname::Yearly => "yearly",
            JenkinsNickname::Annually => "annually",
            JenkinsNickname::Monthly => "monthly",
            JenkinsNickname::Weekly => "weekly",
            JenkinsNickname::Daily => "daily",
            JenkinsNickname::Midnight => "midnight",
            JenkinsNickname::Hourly => "hourly",
        }
    }

    /// The hashed expression Jenkins substitutes (its crontab grammar).
    pub fn expansion(self) -> &'static str {
        match self {
            JenkinsNickname::Yearly | JenkinsNickname::Annually => "H H H H *",
            JenkinsNickname::Monthly => "H H H * *",
            JenkinsNickname::Weekly => "H H * * H",
            JenkinsNickname::Daily => "H H * * *",
            JenkinsNickname::Midnight => "H H(0-2) * * *",
            JenkinsNickname::Hourly => "H * * * *",
        }
    }
}

/// One `H` item as written: the range it hashes into and its stride (1 = one value).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HashedItem {
    pub field: JenkinsField,
    pub low: u32,
    pub high: u32,
    pub step: u32,
    /// Whether the range was written (`H(a-b)`) rather than the field's own.
    pub explicit_range: bool,
}

/// One schedule line, resolved: a bit set per field (bit n = value n).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CronTab {
    pub minutes: u64,
    pub hours: u64,
    pub days_of_month: u64,
    pub months: u64,
    /// Bit 0 = Sunday … bit 6 = Saturday (a written 7 is folded onto 0).
    pub days_of_week: u64,
    /// The nickname the line was, if any.
    pub nickname: Option<JenkinsNickname>,
    /// Every `H` met, in the order it drew from the hash.
    pub hashed: Vec<HashedItem>,
}

/// Why Jenkins would refuse a line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JenkinsError {
    #[error("unexpected {found} at byte {at}: {expected}")]
    Syntax {
        at: usize,
        found: String,
        expected: &'static str,
    },
    #[error("{value} is out of range for the {} field: Jenkins allows {}–{}", .field.name(), .field.bounds().0, .field.bounds().1)]
    OutOfRange { field: JenkinsField, value: u64 },
    #[error("the range {start}-{end} in the {} field runs backwards: Jenkins needs start ≤ end", .field.name())]
    Reversed {
        field: JenkinsField,
        start: u32,
        end: u32,
    },
    #[error("step {step} in the {} field must be between 1 and {max}", .field.name())]
    BadStep {
        field: JenkinsField,
        step: u64,
        max: u32,
    },
    #[error("the first line `TZ=...` names no time zone")]
    EmptyZone,
    #[error("line {line}: {source}")]
    Line {
        line: usize,
        #[source]
        source: Box<JenkinsError>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Number(u64),
    Space,
    Minus,
    Star,
    Slash,
    Comma,
    At,
    H,
    LParen,
    RParen,
    Word(JenkinsNickname),
    Eof,
}

impl Tok {
    fn describe(self) -> String {
        match self {
            Tok::Number(n) => format!("number {n}"),
            Tok::Space => "space".into(),
            Tok::Minus => "`-`".into(),
            Tok::Star => "`*`".into(),
            Tok::Slash => "`/`".into(),
            Tok::Comma => "`,`".into(),
            Tok::At => "`@`".into(),
            Tok::H => "`H`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::Word(w) => format!("`{}`", w.word()),
            Tok::Eof => "end of line".into(),
        }
    }
}

/// A lexer that, like ANTLR's buffered token stream, only reads the next token when
/// the parser asks for it (so a nickname followed by a space and anything at all is
/// accepted, as in Jenkins).
struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
}

/// Numbers longer than this are refused (Java's `Integer.parseInt` overflows past
/// ten digits; no field value needs more than two).
const MAX_DIGITS: usize = 9;

impl Lexer<'_> {
    fn next(&mut self) -> Result<(Tok, usize), JenkinsError> {
        let start = self.pos;
        let Some(&c) = self.src.get(self.pos) else {
            return Ok((Tok::Eof, start));
        };
        let single = |t| Ok((t, start));
        self.pos += 1;
        match c {
            b'0'..=b'9' => {
                while self.src.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    self.pos += 1;
                }
                let digits = &self.src[start..self.pos];
                // leading zeros do not count: Integer.parseInt("007") is 7
                let significant = digits.iter().skip_while(|&&d| d == b'0').count();
                if significant > MAX_DIGITS {
                    return Err(JenkinsError::Syntax {
                        at: start,
                        found: "a number too large".into(),
                        expected: "a field value",
                    });
                }
                let n = digits.iter().fold(0u64, |n, d| n * 10 + (d - b'0') as u64);
                Ok((Tok::Number(n), start))
            }
            b' ' | b'\t' => {
                while matches!(self.src.get(self.pos), Some(b' ' | b'\t')) {
                    self.pos += 1;
                }
                single(Tok::Space)
            }
            b'-' => single(Tok::Minus),
            b'*' => single(Tok::Star),
            b'/' => single(Tok::Slash),
            b',' => single(Tok::Comma),
            b'@' => single(Tok::At),
            b'H' => single(Tok::H),
            b'(' => single(Tok::LParen),
            b')' => single(Tok::RParen),
            _ => {
                let rest = &self.src[start..];
                for w in JenkinsNickname::ALL {
                    if rest.starts_with(w.word().as_bytes()) {
                        self.pos = start + w.word().len();
                        return Ok((Tok::Word(w), start));
                    }
                }
                let ch = String::from_utf8_lossy(&rest[..rest.len().min(4)])
                    .chars()
                    .next()
                    .unwrap_or('?');
                Err(JenkinsError::Syntax {
                    at: start,
                    found: format!("character {ch:?}"),
                    expected:
                        "Jenkins reads digits, `*`, `-`, `/`, `,`, `H`, `H(a-b)` and `@` nicknames",
                })
            }
        }
    }
}

/// The parser: one token of look-ahead fetched eagerly, the next on demand.
struct Parser<'a, 'h> {
    lexer: Lexer<'a>,
    current: (Tok, usize),
    /// a second token, fetched only where the grammar needs two to decide
    peeked: Option<(Tok, usize)>,
    hash: &'h mut JenkinsHash,
    hashed: Vec<HashedItem>,
}

impl<'a, 'h> Parser<'a, 'h> {
    fn new(text: &'a str, hash: &'h mut JenkinsHash) -> Result<Self, JenkinsError> {
        let mut lexer = Lexer {
            src: text.as_bytes(),
            pos: 0,
        };
        let current = lexer.next()?;
        Ok(Parser {
            lexer,
            current,
            peeked: None,
            hash,
            hashed: Vec::new(),
        })
    }

    fn peek2(&mut self) -> Result<Tok, JenkinsError> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lexer.next()?);
        }
        Ok(self.peeked.map(|p| p.0).unwrap_or(Tok::Eof))
    }

    fn advance(&mut self) -> Result<(), JenkinsError> {
        self.current = match self.peeked.take() {
            Some(p) => p,
            None => self.lexer.next()?,
        };
        Ok(())
    }

    fn unexpected(&self, expected: &'static str) -> JenkinsError {
        JenkinsError::Syntax {
            at: self.current.1,
            found: self.current.0.describe(),
            expected,
        }
    }

    fn expect(&mut self, want: Tok, expected: &'static str) -> Result<(), JenkinsError> {
        if self.current.0 != want {
            return Err(self.unexpected(expected));
        }
        self.advance()
    }

    fn number(&mut self) -> Result<u64, JenkinsError> {
        match self.current.0 {
            Tok::Number(n) => {
                self.advance()?;
                Ok(n)
            }
            _ => Err(self.unexpected("a number")),
        }
    }

    fn line(mut self) -> Result<CronTab, JenkinsError> {
        if self.current.0 == Tok::At {
            self.advance()?;
            let Tok::Word(word) = self.current.0 else {
                return Err(self.unexpected(
                    "a nickname: yearly, annually, monthly, weekly, daily, midnight or hourly",
                ));
            };
            // Jenkins stops here: the nickname alternative of its grammar has no
            // end-of-input check; only the token right after it is read.
            self.advance()?;
            let mut tab = parse_fields(word.expansion(), self.hash)?;
            tab.nickname = Some(word);
            return Ok(tab);
        }
        let mut bits = [0u64; 5];
        for (i, field) in JenkinsField::ALL.into_iter().enumerate() {
            if i > 0 {
                self.expect(Tok::Space, "a space between fields")?;
            }
            bits[i] = self.expr(field)?;
        }
        if self.current.0 != Tok::Eof {
            return Err(self.unexpected("the end of the line after five fields"));
        }
        // CronTab.set: a day-of-week 7 is Sunday, folded onto bit 0
        let mut dow = bits[4];
        if dow & (1 << 7) != 0 {
            dow = (dow | 1) & !(1 << 7);
        }
        Ok(CronTab {
            minutes: bits[0],
            hours: bits[1],
            days_of_month: bits[2],
            months: bits[3],
            days_of_week: dow,
            nickname: None,
            hashed: std::mem::take(&mut self.hashed),
        })
    }

    fn expr(&mut self, field: JenkinsField) -> Result<u64, JenkinsError> {
        let mut bits = self.term(field)?;
        while self.current.0 == Tok::Comma {
            self.advance()?;
            bits |= self.term(field)?;
        }
        Ok(bits)
    }

    fn optional_step(&mut self) -> Result<Option<u64>, JenkinsError> {
        if self.current.0 == Tok::Slash {
            self.advance()?;
            Ok(Some(self.number()?))
        } else {
            Ok(None)
        }
    }

    fn term(&mut self, field: JenkinsField) -> Result<u64, JenkinsError> {
        match self.current.0 {
            Tok::Number(_) => {
                if self.peek2()? == Tok::Minus {
                    let start = self.number()?;
                    self.advance()?; // the `-`
                    let end = self.number()?;
                    let step = self.optional_step()?.unwrap_or(1);
                    do_range(start, end, step, field)
                } else {
                    let v = self.number()?;
                    range_check(v, field)?;
                    Ok(1 << v)
                }
            }
            Tok::Star => {
                self.advance()?;
                let step = self.optional_step()?.unwrap_or(1);
                let (lo, hi) = field.bounds();
                do_range(lo as u64, hi as u64, step, field)
            }
            Tok::H => {
                self.advance()?;
                let (range, explicit) = if self.current.0 == Tok::LParen {
                    self.advance()?;
                    let s = self.number()?;
                    self.expect(Tok::Minus, "`-` inside `H(a-b)`")?;
                    let e = self.number()?;
                    self.expect(Tok::RParen, "`)` closing `H(a-b)`")?;
                    ((s, e), true)
                } else {
                    let (lo, hi) = field.hash_bounds();
                    ((lo as u64, hi as u64), false)
                };
                let step = self.optional_step()?.unwrap_or(1);
                self.do_hash(range.0, range.1, step, field, explicit)
            }
            _ => Err(self.unexpected("a field item: a number, `*`, `H` or `H(a-b)`")),
        }
    }

    /// `BaseParser.doHash(s, e, step, field)`.
    fn do_hash(
        &mut self,
        s: u64,
        e: u64,
        step: u64,
        field: JenkinsField,
        explicit_range: bool,
    ) -> Result<u64, JenkinsError> {
        range_check(s, field)?;
        range_check(e, field)?;
        let (s, e) = (s as u32, e as u32);
        // Jenkins never checks s ≤ e here: `H(30-10)` reaches `Random.nextInt` with a
        // negative bound and throws, so the job's trigger is refused.
        if s > e {
            return Err(JenkinsError::Reversed {
                field,
                start: s,
                end: e,
            });
        }
        let width = e - s + 1;
        if step == 0 || step > width as u64 {
            return Err(JenkinsError::BadStep {
                field,
                step,
                max: width,
            });
        }
        let step = step as u32;
        self.hashed.push(HashedItem {
            field,
            low: s,
            high: e,
            step,
            explicit_range,
        });
        // (the bound is at most 60, so the draw cannot fail; `BadBound` is mapped for
        // completeness)
        let bad = |_| JenkinsError::BadStep {
            field,
            step: step as u64,
            max: width,
        };
        if step > 1 {
            let mut bits = 0u64;
            let mut i = s + self.hash.next(step as i32).map_err(bad)? as u32;
            while i <= e {
                bits |= 1 << i;
                i += step;
            }
            Ok(bits)
        } else {
            // step 1 (or none) is special for H: one value, not every value
            Ok(1 << (s + self.hash.next(width as i32).map_err(bad)? as u32))
        }
    }
}

fn range_check(v: u64, field: JenkinsField) -> Result<(), JenkinsError> {
    let (lo, hi) = field.bounds();
    if v < lo as u64 || v > hi as u64 {
        return Err(JenkinsError::OutOfRange { field, value: v });
    }
    Ok(())
}

/// `BaseParser.doRange(start, end, step, field)`.
fn do_range(start: u64, end: u64, step: u64, field: JenkinsField) -> Result<u64, JenkinsError> {
    range_check(start, field)?;
    range_check(end, field)?;
    if step == 0 {
        return Err(JenkinsError::BadStep {
            field,
            step,
            max: field.bounds().1,
        });
    }
    if start > end {
        return Err(JenkinsError::Reversed {
            field,
            start: start as u32,
            end: end as u32,
        });
    }
    let mut bits = 0u64;
    let mut i = start;
    while i <= end {
        bits |= 1 << i;
        i += step;
    }
    Ok(bits)
}

/// Parse one schedule line (no `TZ=`, no comment), drawing `H` values from `hash`.
pub fn parse_fields(line: &str, hash: &mut JenkinsHash) -> Result<CronTab, JenkinsError> {
    Parser::new(line, hash)?.line()
}

/// A schedule line of a trigger with its 1-based line number and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TabLine {
    pub line: usize,
    /// Byte offset of the line's first non-blank character in the whole text.
    pub offset: usize,
    pub text: String,
    pub tab: CronTab,
}

/// A whole Jenkins trigger text (`CronTabList`): an optional first-line zone and the
/// schedule lines, OR-ed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CronTabList {
    /// The zone named by a first line `TZ=...` (not yet checked against a zone table).
    pub timezone: Option<String>,
    pub lines: Vec<TabLine>,
}

/// Whitespace as Java's `String.trim` sees it: every char up to U+0020.
fn java_trim(s: &str) -> (usize, &str) {
    let start = s.len() - s.trim_start_matches(|c: char| c <= ' ').len();
    (start, s.trim_matches(|c: char| c <= ' '))
}

impl CronTabList {
    /// Read a trigger's text. `hash` is shared by every line, in order, as in Jenkins.
    pub fn parse(text: &str, hash: &mut JenkinsHash) -> Result<CronTabList, JenkinsError> {
        let mut timezone = None;
        let mut lines = Vec::new();
        let mut offset = 0usize;
        for (i, raw) in text.split('\n').enumerate() {
            let line_start = offset;
            offset += raw.len() + 1;
            // Java splits on \r?\n
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let number = i + 1;
            let (lead, line) = java_trim(raw);
            if number == 1 {
                if let Some(zone) = line.strip_prefix("TZ=") {
                    // Jenkins removes every "TZ=" (String.replace) before looking it up
                    let zone = zone.replace("TZ=", "");
                    if zone.is_empty() {
                        return Err(JenkinsError::EmptyZone);
                    }
                    timezone = Some(zone);
                    continue;
                }
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let tab = parse_fields(line, hash).map_err(|e| JenkinsError::Line {
                line: number,
                source: Box::new(e),
            })?;
            lines.push(TabLine {
                line: number,
                offset: line_start + lead,
                text: line.to_string(),
                tab,
            });
        }
        Ok(CronTabList { timezone, lines })
    }
}

impl CronTab {
    /// Whether the line draws anything from the hash.
    pub fn is_hashed(&self) -> bool {
        !self.hashed.is_empty()
    }

    /// The resolved schedule as a five-field Vixie/OCPS expression. Jenkins AND-s the
    /// day fields; where both are restricted the day-of-week gets OCPS's `+` so the
    /// unix reader AND-s them too.
    pub fn to_unix(&self) -> String {
        let dom_all = self.days_of_month & ALL_DOM == ALL_DOM;
        let dow_all = self.days_of_week & 0x7f == 0x7f;
        let mut out = String::new();
        out.push_str(&list(self.minutes, 0, 59));
        out.push(' ');
        out.push_str(&list(self.hours, 0, 23));
        out.push(' ');
        out.push_str(&list(self.days_of_month, 1, 31));
        out.push(' ');
        out.push_str(&list(self.months, 1, 12));
        out.push(' ');
        if !dom_all && !dow_all {
            out.push('+');
        }
        out.push_str(&list(self.days_of_week, 0, 6));
        out
    }

    /// The resolved schedule as the `jenkins` profile reads it: five numeric fields,
    /// the day fields AND-ed by the profile itself.
    pub fn to_jenkins(&self) -> String {
        self.to_unix().replacen('+', "", 1)
    }

    /// Whether Jenkins would run this line at the given wall-clock fields
    /// (`CronTab.check`): every field must match. `dow` is 0 = Sunday.
    pub fn matches(&self, minute: u32, hour: u32, day: u32, month: u32, dow: u32) -> bool {
        self.minutes >> minute & 1 == 1
            && self.hours >> hour & 1 == 1
            && self.days_of_month >> day & 1 == 1
            && self.months >> month & 1 == 1
            && self.days_of_week >> dow & 1 == 1
    }
}

const ALL_DOM: u64 = ((1u64 << 32) - 1) & !1;

/// A bit set as cron list text: `*` when full, runs of three or more as ranges.
fn list(bits: u64, lo: u32, hi: u32) -> String {
    let full = (lo..=hi).all(|v| bits >> v & 1 == 1);
    if full {
        return "*".into();
    }
    let mut parts = Vec::new();
    let mut v = lo;
    while v <= hi {
        if bits >> v & 1 == 0 {
            v += 1;
            continue;
        }
        let start = v;
        while v < hi && bits >> (v + 1) & 1 == 1 {
            v += 1;
        }
        match v - start {
            0 => parts.push(start.to_string()),
            1 => {
                parts.push(start.to_string());
                parts.push(v.to_string());
            }
            _ => parts.push(format!("{start}-{v}")),
        }
        v += 1;
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zero(line: &str) -> Result<CronTab, JenkinsError> {
        parse_fields(line, &mut JenkinsHash::zero())
    }

    #[test]
    fn zero_hash_takes_the_lowest_value() {
        assert_eq!(zero("H H H H H").unwrap().to_unix(), "0 0 1 1 +0");
        assert_eq!(
            zero("H/15 * * * *").unwrap().to_unix(),
            "0,15,30,45 * * * *"
        );
        assert_eq!(zero("@midnight").unwrap().to_unix(), "0 0 * * *");
    }

    #[test]
    fn grammar_rejections() {
        for bad in [
            "5/10 * * * *",
            "* * * *",
            "* * * * * *",
            "0 0 * * MON",
            "h * * * *",
            "0 24 * * *",
            "0 0 0 * *",
            "0 0 * 13 *",
            "0 0 * * 8",
            "H(30-10) * * * *",
            "H/61 * * * *",
            "H(0-3)/5 * * * *",
            "*/0 * * * *",
            "10-5 * * * *",
            "@reboot",
            "@Daily",
            "@dailyx",
            "99999999999999999999 * * * *",
            "",
        ] {
            assert!(zero(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn nickname_then_space_then_anything_is_accepted_as_jenkins_does() {
        assert!(zero("@daily whatever").is_ok());
        assert!(zero("@daily5").is_ok());
    }

    #[test]
    fn seven_is_sunday_and_day_fields_and() {
        let t = zero("0 0 13 * 5").unwrap();
        assert_eq!(t.to_unix(), "0 0 13 * +5");
        let t = zero("0 0 * * 7").unwrap();
        assert_eq!(t.days_of_week, 1);
        assert_eq!(zero("0 0 * * 0-7").unwrap().to_unix(), "0 0 * * *");
    }

    #[test]
    fn list_runs() {
        assert_eq!(list(0b1110_1101, 0, 59), "0,2,3,5-7");
    }

    #[test]
    fn list_of_lines() {
        let text = "TZ=Europe/Paris\n# nightly\n\n  H 2 * * 1-5  \r\n@hourly\n";
        let l = CronTabList::parse(text, &mut JenkinsHash::zero()).unwrap();
        assert_eq!(l.timezone.as_deref(), Some("Europe/Paris"));
        assert_eq!(l.lines.len(), 2);
        assert_eq!(l.lines[0].line, 4);
        assert_eq!(l.lines[0].text, "H 2 * * 1-5");
        assert_eq!(&text[l.lines[0].offset..l.lines[0].offset + 1], "H");
        assert_eq!(l.lines[1].tab.nickname, Some(JenkinsNickname::Hourly));
        let err = CronTabList::parse("0 0 * * *\nbad", &mut JenkinsHash::zero()).unwrap_err();
        assert!(err.to_string().starts_with("line 2:"), "{err}");
    }
}
