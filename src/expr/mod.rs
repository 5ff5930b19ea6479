//! Parsing cron text into an [`Expr`]: the syntax tree every subcommand shares.
//!
//! Two dialects are read (see [`Dialect`]):
//!
//! * **quartz** — Quartz / Elasticsearch / Nuxeo: `sec min hour dom month dow [year]`,
//!   day-of-week 1–7 = SUN–SAT, exactly one day field `?`.
//! * **unix** — Vixie cron with the OCPS extensions: 5 fields (`min hour dom month dow`),
//!   6 (seconds first) or 7 (year last), day-of-week 0–7 (0 and 7 = SUN), nicknames,
//!   Vixie's OR rule for the day fields and `+` to force AND.
//!
//! [`DialectChoice::Auto`] picks unix for 5 fields or a nickname and quartz for 6 or 7.
//!
//! The parser is strict where Quartz 2.3.2 is silently wrong: text Quartz accepts and
//! then partly ignores (`MON-FRI/2`, `1W,15W`, `6#3,7`, `*/0`, `JANXYZ`, ...) is rejected
//! here with a [`Diagnostic`] that says what Quartz would have done and what to write.
//! Everything Quartz reads sensibly is accepted and means the same.
//!
//! Values are kept as written (native numbering of the dialect); the compiler in
//! [`crate::schedule`] turns them into bit sets.

pub mod error;
pub(crate) mod fix;
pub mod interval;
pub mod profile;

use smallvec::SmallVec;

pub use error::{Diagnostic, DiagnosticData};

pub use profile::{
    DayFieldRule, Dialect, DowNumbering, Forms, IntervalSyntax, Layout, Misreads, Profile,
    StarRule, UnknownDialect, Wrapper, ZonePrefix, PROFILES,
};

/// Which dialect to read: a fixed profile or the automatic choice by field count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DialectChoice {
    /// 5 fields or a nickname → unix; 6 or 7 fields → quartz.
    #[default]
    Auto,
    /// Always Quartz.
    Quartz,
    /// Always Unix/OCPS.
    Unix,
    /// Kubernetes CronJob (robfig/cron).
    K8s,
    /// GitHub Actions schedules.
    Github,
    /// GitLab pipeline schedules (fugit).
    Gitlab,
    /// AWS EventBridge.
    Eventbridge,
    /// Spring `CronExpression`.
    Spring,
    /// Jenkins build triggers (numbers only here; `H` needs [`crate::jenkins`]).
    Jenkins,
}

impl DialectChoice {
    /// The fixed dialect, or `None` for [`DialectChoice::Auto`].
    pub fn fixed(self) -> Option<Dialect> {
        Some(match self {
            DialectChoice::Auto => return None,
            DialectChoice::Quartz => Dialect::Quartz,
            DialectChoice::Unix => Dialect::Unix,
            DialectChoice::K8s => Dialect::K8s,
            DialectChoice::Github => Dialect::Github,
            DialectChoice::Gitlab => Dialect::Gitlab,
            DialectChoice::Eventbridge => Dialect::Eventbridge,
            DialectChoice::Spring => Dialect::Spring,
            DialectChoice::Jenkins => Dialect::Jenkins,
        })
    }
}

impl From<Dialect> for DialectChoice {
    fn from(d: Dialect) -> Self {
        match d {
            Dialect::Quartz => DialectChoice::Quartz,
            Dialect::Unix => DialectChoice::Unix,
            Dialect::K8s => DialectChoice::K8s,
            Dialect::Github => DialectChoice::Github,
            Dialect::Gitlab => DialectChoice::Gitlab,
            Dialect::Eventbridge => DialectChoice::Eventbridge,
            Dialect::Spring => DialectChoice::Spring,
            Dialect::Jenkins => DialectChoice::Jenkins,
        }
    }
}

impl std::str::FromStr for DialectChoice {
    type Err = UnknownDialect;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("auto") {
            return Ok(DialectChoice::Auto);
        }
        s.parse::<Dialect>().map(DialectChoice::from)
    }
}

/// A half-open byte range `start..end` into the parsed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The text this span covers in `src` (empty when out of bounds).
    pub fn slice<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }
}

/// The seven positions of a cron expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKind {
    Second,
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
    Year,
}

impl FieldKind {
    /// All fields, in Quartz order.
    pub const ALL: [FieldKind; 7] = [
        FieldKind::Second,
        FieldKind::Minute,
        FieldKind::Hour,
        FieldKind::DayOfMonth,
        FieldKind::Month,
        FieldKind::DayOfWeek,
        FieldKind::Year,
    ];

    /// The kebab-case name used in messages (`day-of-month`).
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Second => "second",
            FieldKind::Minute => "minute",
            FieldKind::Hour => "hour",
            FieldKind::DayOfMonth => "day-of-month",
            FieldKind::Month => "month",
            FieldKind::DayOfWeek => "day-of-week",
            FieldKind::Year => "year",
        }
    }

    /// Position in [`Expr::fields`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The smallest and largest value as written in `dialect` (its profile's ranges).
    pub fn bounds(self, dialect: Dialect) -> (u16, u16) {
        dialect.profile().bounds(self)
    }
}

/// First year a schedule can fire in (the OCPS portable range).
pub const MIN_YEAR: u16 = 1970;
/// Last year a schedule can fire in; searches end at the end of this year.
pub const MAX_YEAR: u16 = 2199;

/// Where a step starts and ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepBase {
    /// `*/n`: from the field's minimum to its maximum.
    Any,
    /// `a/n`: from `a` to the field's maximum.
    From(u16),
    /// `a-b/n`: from `a` to `b` (wrapping past the maximum when `a > b`).
    Range(u16, u16),
}

/// One comma-separated element of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// `*`
    Any,
    /// `?`: no specific value (a day field).
    NoSpecific,
    /// A single value, in the dialect's numbering.
    Value(u16),
    /// `a-b`; `a > b` wraps around (Quartz only).
    Range(u16, u16),
    /// `*/n`, `a/n`, `a-b/n`.
    Step { base: StepBase, step: u16 },
    /// Day-of-month `L`: the last day of the month.
    Last,
    /// Day-of-month `L-n`: `n` days before the last day.
    LastOffset(u8),
    /// Day-of-month `LW`: the last weekday (Mon–Fri) of the month.
    LastWeekday,
    /// Day-of-month `L-nW`: the weekday nearest to `n` days before the last day.
    LastOffsetWeekday(u8),
    /// Day-of-month `nW`: the weekday nearest day `n`, within the month.
    NearestWeekday(u8),
    /// Day-of-week `nL` (or unix `n#L`): the last such weekday of the month. Native number.
    LastOfWeekday(u16),
    /// Day-of-week `n#k`: the k-th such weekday of the month (k = 1..=5). Native number.
    NthWeekday(u16, u8),
    /// Day-of-week `n#-k` (fugit): the k-th such weekday counted from the end of
    /// the month (k = 2..=5; `n#-1` is [`ItemKind::LastOfWeekday`]). Native number.
    NthLastWeekday(u16, u8),
    /// Day-of-week `n%m` or `n%m+p` (fugit): weekday n in the weeks w for which
    /// w + p is a multiple of m, the weeks counted from Tuesday 2019-01-01 (week 1
    /// = 2019-01-01 to 01-07). Native number; m ≥ 1.
    WeekModulo { day: u16, every: u16, plus: u16 },
    /// Quartz day-of-week `L` alone: Saturday (7), as Quartz reads it.
    SaturdayL,
}

/// A list element with its position and how it was spelt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Item {
    pub kind: ItemKind,
    pub span: Span,
    /// Written with names (`MON`, `January`) rather than numbers.
    pub named: bool,
}

/// One field of an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub kind: FieldKind,
    /// The field's text in the source (empty at the end of the text when `implicit`).
    pub span: Span,
    /// The comma-separated items.
    pub items: SmallVec<[Item; 2]>,
    /// Not written: seconds of a 5-field unix expression (= 0), an absent year (= every
    /// year), or any field of a nickname.
    pub implicit: bool,
}

impl Field {
    fn implicit(kind: FieldKind, item: ItemKind, at: usize) -> Field {
        let span = Span::new(at, at);
        let mut items = SmallVec::new();
        items.push(Item {
            kind: item,
            span,
            named: false,
        });
        Field {
            kind,
            span,
            items,
            implicit: true,
        }
    }

    /// `*` (or `?`) alone: the field does not restrict anything.
    pub fn is_wildcard(&self) -> bool {
        self.items.len() == 1 && matches!(self.items[0].kind, ItemKind::Any | ItemKind::NoSpecific)
    }

    /// `?` alone.
    pub fn is_no_specific(&self) -> bool {
        self.items.len() == 1 && matches!(self.items[0].kind, ItemKind::NoSpecific)
    }
}

/// Unix nicknames (`@daily` and friends).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Nickname {
    Yearly,
    Annually,
    Monthly,
    Weekly,
    Daily,
    Midnight,
    Hourly,
    Reboot,
}

impl Nickname {
    /// The nickname as written, with its `@`.
    pub fn text(self) -> &'static str {
        match self {
            Nickname::Yearly => "@yearly",
            Nickname::Annually => "@annually",
            Nickname::Monthly => "@monthly",
            Nickname::Weekly => "@weekly",
            Nickname::Daily => "@daily",
            Nickname::Midnight => "@midnight",
            Nickname::Hourly => "@hourly",
            Nickname::Reboot => "@reboot",
        }
    }

    /// The five-field expression it stands for (`None` for `@reboot`).
    pub fn expansion(self) -> Option<&'static str> {
        match self {
            Nickname::Yearly | Nickname::Annually => Some("0 0 1 1 *"),
            Nickname::Monthly => Some("0 0 1 * *"),
            Nickname::Weekly => Some("0 0 * * 0"),
            Nickname::Daily | Nickname::Midnight => Some("0 0 * * *"),
            Nickname::Hourly => Some("0 * * * *"),
            Nickname::Reboot => None,
        }
    }

    const ALL: [Nickname; 8] = [
        Nickname::Yearly,
        Nickname::Annually,
        Nickname::Monthly,
        Nickname::Weekly,
        Nickname::Daily,
        Nickname::Midnight,
        Nickname::Hourly,
        Nickname::Reboot,
    ];
}

/// How the two day fields combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayCombine {
    /// A day must match both fields (Quartz always: one of them is `?`; unix when one
    /// field starts with `*` or the day-of-week has the `+` prefix).
    And,
    /// Vixie cron's rule when both day fields are restricted: either may match.
    Or,
}

/// A parsed cron expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    /// The dialect the text was read in.
    pub dialect: Dialect,
    /// The nickname, when the expression is one (`@daily`).
    pub nickname: Option<Nickname>,
    /// Second, minute, hour, day-of-month, month, day-of-week, year (see [`FieldKind::index`]).
    pub fields: [Field; 7],
    /// How many fields were written (0 for a nickname).
    pub written_fields: u8,
    /// Unix: the day-of-week field had the `+` prefix (AND with day-of-month).
    pub dow_and_prefix: bool,
    /// Unix: the day-of-month / day-of-week text started with `*` or `?` (Vixie's rule).
    pub dom_starts_with_star: bool,
    pub dow_starts_with_star: bool,
}

/// At most this many items in one field: far more than any meaningful list
/// (the year field has 230 values), small enough to bound memory.
pub const MAX_ITEMS: usize = 1024;

impl Expr {
    /// Parse `text` in the given dialect.
    ///
    /// ```
    /// use cronkit::{Expr, DialectChoice, Dialect};
    /// let e = Expr::parse("0 15 10 ? * MON-FRI", DialectChoice::Auto).unwrap();
    /// assert_eq!(e.dialect, Dialect::Quartz);
    /// let err = Expr::parse("0 0 12 1 * MON", DialectChoice::Quartz).unwrap_err();
    /// assert_eq!(err.code, "both-day-fields");
    /// ```
    pub fn parse(text: &str, dialect: DialectChoice) -> Result<Expr, Diagnostic> {
        parse_with::<ExprBuilder>(text, dialect)
    }

    /// The field of the given kind.
    pub fn field(&self, kind: FieldKind) -> &Field {
        &self.fields[kind.index()]
    }

    /// How the day fields combine.
    pub fn day_combine(&self) -> DayCombine {
        day_combine(
            self.dialect,
            self.dow_and_prefix,
            self.dom_starts_with_star,
            self.dow_starts_with_star,
        )
    }
}

/// Parse `text` into whatever `B` builds; errors carry the input for rendering.
pub(crate) fn parse_with<B: Build>(
    text: &str,
    dialect: DialectChoice,
) -> Result<B::Out, Diagnostic> {
    parse_inner::<B>(text, dialect).map_err(|mut d| {
        if d.input.is_empty() {
            d.input = text.to_string();
        }
        fix::after_parse(&mut d, dialect);
        interval_help(&mut d, text, dialect);
        // Messages quote the input; a control character in it (ESC, BEL, a newline)
        // must not reach a terminal or a CI log raw, where it could recolour or
        // clear the screen or start a forged workflow command.
        if d.message.chars().any(is_unsafe_control) {
            d.message = escape_controls(&d.message);
        }
        if let Some(h) = d
            .help
            .as_deref()
            .filter(|h| h.chars().any(is_unsafe_control))
        {
            d.help = Some(escape_controls(h));
        }
        // ... and a quote of a 100 KB field should not make a 100 KB message.
        if d.message.len() > MAX_QUOTE {
            d.message = shorten_quotes(&d.message);
        }
        if let Some(h) = d.help.as_deref().filter(|h| h.len() > MAX_QUOTE) {
            d.help = Some(shorten_quotes(h));
        }
        d
    })
}

/// Interval text (`@every 5m`, `rate(5 minutes)`) given to the cron parser: say
/// that it is an interval schedule and which profiles read it (from the table).
fn interval_help(d: &mut Diagnostic, text: &str, choice: DialectChoice) {
    let Some(syntax) = interval::written_as(text) else {
        return;
    };
    let own = choice.fixed().and_then(|c| c.profile().interval) == Some(syntax);
    if own {
        d.help = Some(format!(
            "`{}` is an interval schedule, not cron: croneval, explain and validate read it under `--dialect {}`",
            syntax.example(),
            choice.fixed().map_or("", |c| c.name())
        ));
        return;
    }
    let readers: Vec<String> = PROFILES
        .iter()
        .filter(|p| p.interval == Some(syntax))
        .map(|p| format!("{} (`--dialect {}`)", p.display, p.name))
        .collect();
    if !readers.is_empty() {
        let chosen = choice.fixed().map_or(String::new(), |c| {
            format!(" {} has none;", c.profile().display)
        });
        d.help = Some(format!(
            "`{}` is an interval schedule, not cron;{chosen} {} reads it",
            syntax.example(),
            readers.join(" and ")
        ));
    }
}

/// The longest `quoted` piece of input a message repeats in full (characters);
/// longer ones keep their first `MAX_QUOTE - 20` characters and an ellipsis. Any
/// real cron expression fits.
const MAX_QUOTE: usize = 120;

fn shorten_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(1024));
    let mut parts = s.split('`');
    let mut quoted = false;
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push('`');
        quoted = !quoted;
        if quoted && part.chars().count() > MAX_QUOTE {
            out.extend(part.chars().take(MAX_QUOTE - 20));
            out.push('…');
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Characters a message must not carry raw (see [`crate::sanitize`]); the tab
/// is only white space inside an expression.
fn is_unsafe_control(c: char) -> bool {
    c != '\t' && crate::sanitize::is_unsafe_char(c)
}

/// `\u{1b}` for ESC, `\n` for a newline, and so on; other text unchanged.
fn escape_controls(s: &str) -> String {
    crate::sanitize::escaped(s).into_owned()
}

/// Convert a day-of-week value in `dialect`'s numbering to 0 = Sunday … 6 = Saturday.
pub fn weekday_of(dialect: Dialect, value: u16) -> u8 {
    dialect.profile().dow.weekday(value)
}

const MONTHS: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];
const DAYS: [&str; 7] = [
    "SUNDAY",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
];

const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The 3-letter abbreviation of day `wd` (0 = Sunday).
pub fn day_abbrev(wd: u8) -> &'static str {
    &DAYS[(wd % 7) as usize][..3]
}

/// The 3-letter abbreviation of month `m` (1 = January).
pub fn month_abbrev(m: u16) -> &'static str {
    &MONTHS[((m.clamp(1, 12)) - 1) as usize][..3]
}

/// Look up a name (3-letter abbreviation or full English name, any case).
/// Returns the index in the table (0-based).
fn lookup_name(word: &str, table: &[&str]) -> Option<usize> {
    if word.len() < 3 || !word.is_ascii() {
        return None;
    }
    table.iter().position(|full| {
        if word.len() == 3 {
            full[..3].eq_ignore_ascii_case(word)
        } else {
            full.eq_ignore_ascii_case(word)
        }
    })
}

/// Split on spaces and tabs; at most 8 spans are kept (more is an error anyway).
fn split_fields(text: &str) -> (SmallVec<[Span; 8]>, usize) {
    split_fields_in(text, Span::new(0, text.len()))
}

/// [`split_fields`] within `within` (spans stay relative to the whole text).
fn split_fields_in(text: &str, within: Span) -> (SmallVec<[Span; 8]>, usize) {
    let bytes = text.as_bytes();
    let mut spans = SmallVec::new();
    let mut count = 0usize;
    let mut i = within.start;
    let end = within.end.min(bytes.len());
    while i < end {
        while i < end && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        if i >= end {
            break;
        }
        let start = i;
        while i < end && bytes[i] != b' ' && bytes[i] != b'\t' {
            i += 1;
        }
        count += 1;
        if spans.len() < 8 {
            spans.push(Span::new(start, i));
        }
    }
    (spans, count)
}

/// The profile [`DialectChoice::Auto`] picks for `count` fields (or a nickname).
fn auto_dialect(is_nickname: bool, count: usize) -> Option<Dialect> {
    if is_nickname || count == 5 {
        Some(Dialect::Unix)
    } else if count == 6 || count == 7 {
        Some(Dialect::Quartz)
    } else {
        None
    }
}

pub(crate) fn parse_inner<B: Build>(
    text: &str,
    choice: DialectChoice,
) -> Result<B::Out, Diagnostic> {
    let (spans, count) = split_fields(text);
    if count == 0 {
        let d = Diagnostic::new("empty-expression", "the expression is empty")
            .at(Span::new(0, text.len()))
            .help("a Quartz expression looks like `0 0/5 * * * ?`, a Unix one like `*/5 * * * *`");
        return Err(d);
    }
    // (all the fields are in `spans`: the joined text then has no such space
    // left, so reading it back does not come here again)
    if count <= spans.len() {
        if let Some(d) = space_in_list(text, &spans, choice) {
            return Err(d);
        }
    }
    let is_nickname = spans[0].slice(text).starts_with('@');

    let dialect = match choice.fixed() {
        Some(d) => d,
        None => match auto_dialect(is_nickname, count) {
            Some(d) => d,
            None => {
                let last = spans[spans.len() - 1];
                let whole = Span::new(spans[0].start, last.end);
                let mut d = if count > 7 {
                    too_many_fields(text, &spans, None)
                } else {
                    Diagnostic::new(
                        "field-count",
                        format!(
                            "expected 5 fields (Unix cron) or 6–7 fields (Quartz), found {count}"
                        ),
                    )
                    .at(whole)
                    .help(
                        "Unix: `minute hour day-of-month month day-of-week`; Quartz: `second minute hour day-of-month month day-of-week [year]`",
                    )
                };
                name_other_profiles(text, None, &mut d);
                return Err(d);
            }
        },
    };

    if dialect.profile().allows(Forms::HASH_H) {
        // Jenkins' `H` and hashed nicknames take their values from the job's name:
        // `crate::jenkins` resolves them with a key; alone, the text has no times.
        let hashed = text.find('H').or_else(|| text.find('@'));
        if let Some(at) = hashed {
            let end = text[at..].find([' ', '\t']).map_or(text.len(), |n| at + n);
            let mut d = Diagnostic::new(
                "jenkins-hash-needs-key",
                "Jenkins picks this value from the job's name (`H` and the @ nicknames are hashed per job)",
            )
            .at(Span::new(at, end))
            .help("give the job's full name: `--hash-key folder/job` (library: `cronkit::jenkins::resolve`)");
            d.dialect = Some(dialect);
            return Err(d);
        }
    }
    match parse_profile::<B>(text, dialect.profile(), &spans, count, is_nickname) {
        Ok(e) => Ok(e),
        Err(mut d) => {
            d.dialect = Some(dialect);
            name_the_profile(dialect, &mut d);
            name_other_profiles(text, Some(dialect), &mut d);
            Err(d)
        }
    }
}

/// A platform profile's rejection says whose rule it is: where neither the
/// message nor the help names the platform, the message ends with it
/// (`minute 60 is out of range 0–59 (Kubernetes)`). Quartz and Unix cron, the
/// readings `auto` picks, keep their messages as they were.
fn name_the_profile(dialect: Dialect, d: &mut Diagnostic) {
    if matches!(dialect, Dialect::Quartz | Dialect::Unix) {
        return;
    }
    let name = dialect.profile().display;
    let named = d.message.contains(name) || d.help.as_deref().is_some_and(|h| h.contains(name));
    if !named {
        d.message = format!("{} ({name})", d.message);
    }
}

/// The profiles asked, in order, whether they would read a text the chosen one
/// rejected: the most common reading of each field count first (a 6-field text
/// with `*` in both day fields is usually Spring's).
const OTHER_PROFILES: [Dialect; 7] = [
    Dialect::Spring,
    Dialect::Unix,
    Dialect::Quartz,
    Dialect::K8s,
    Dialect::Gitlab,
    Dialect::Eventbridge,
    Dialect::Github,
];

/// Add to `d`'s help which other profiles would accept `text` (at most two).
fn name_other_profiles(text: &str, rejected_by: Option<Dialect>, d: &mut Diagnostic) {
    // a cap on the work on the error path: huge inputs are not another platform's cron
    if text.len() > 1024 {
        return;
    }
    // Trying the other profiles parses again, and a failed parse there may
    // build a help that parses again (`fix::unix_as_quartz`), which would
    // come back here without end (a stack overflow on `0 0 0 30 2`): the
    // attempts made for a hint get no hints of their own.
    thread_local! {
        static NAMING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if NAMING.with(|n| n.replace(true)) {
        return;
    }
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            NAMING.with(|n| n.set(false));
        }
    }
    let _reset = Reset;
    let (spans, count) = split_fields(text);
    if count == 0 {
        return;
    }
    let nick = spans[0].slice(text).starts_with('@');
    let accepting: Vec<&'static Profile> = OTHER_PROFILES
        .iter()
        .filter(|o| Some(**o) != rejected_by)
        .map(|o| o.profile())
        .filter(|p| parse_profile::<ExprBuilder>(text, p, &spans, count, nick).is_ok())
        .take(2)
        .collect();
    if accepting.is_empty() {
        return;
    }
    let names: Vec<String> = accepting
        .iter()
        .map(|p| format!("{} (`--dialect {}`)", p.display, p.name))
        .collect();
    let extra = format!("this text is valid for {}", names.join(" and "));
    d.help = Some(match d.help.take() {
        Some(h) => format!("{h}; {extra}"),
        None => extra,
    });
}

/// `MON, WED` or `1 ,15`: a space next to a comma splits one list into two
/// fields, and every field after it moves one place. Said before the fields are
/// read, since by then the field count and positions are wrong; the help joins
/// the list again when that reads as an expression.
fn space_in_list(text: &str, spans: &[Span], choice: DialectChoice) -> Option<Diagnostic> {
    let joins: SmallVec<[usize; 4]> = (1..spans.len())
        .filter(|&i| {
            let (a, b) = (spans[i - 1].slice(text), spans[i].slice(text));
            a.ends_with(',') || b.starts_with(',')
        })
        .collect();
    let first = *joins.first()?;
    let mut joined = String::with_capacity(text.len());
    let mut last = 0;
    for &i in &joins {
        joined.push_str(&text[last..spans[i - 1].end]);
        last = spans[i].start;
    }
    joined.push_str(&text[last..]);
    let gap = Span::new(spans[first - 1].end, spans[first].start);
    let d = Diagnostic::new(
        "empty-list-item",
        format!(
            "a space next to a comma splits the list `{}` into two fields",
            &text[spans[first - 1].start..spans[first].end]
        ),
    )
    .at(gap);
    Some(match fix::checked(&joined, choice) {
        Some(fixed) => d.help(format!("remove the space: `{fixed}`")),
        None => d.help("a list is written without spaces, e.g. `MON,WED`"),
    })
}

fn too_many_fields(text: &str, spans: &[Span], dialect: Option<Dialect>) -> Diagnostic {
    let extra_start = spans.get(7).map(|s| s.start).unwrap_or(text.len());
    let trimmed_end = text.trim_end_matches([' ', '\t']).len();
    let mut d = Diagnostic::new(
        "too-many-fields",
        "more than 7 fields: a cron expression ends with the year",
    )
    .at(Span::new(extra_start, trimmed_end.max(extra_start)));
    d.dialect = dialect;
    let seven = spans
        .iter()
        .take(7)
        .map(|s| s.slice(text))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(other) = dialect.filter(|d| !matches!(d, Dialect::Quartz | Dialect::Unix)) {
        let prof = other.profile();
        return d.help(format!(
            "remove the extra text: {} expressions have {} fields ({})",
            prof.display,
            prof.field_counts(),
            prof.field_names()
        ));
    }
    let choice = dialect.map_or(DialectChoice::Auto, DialectChoice::from);
    match fix::checked(&seven, choice) {
        Some(seven) => d.help(format!(
            "remove the extra text; Quartz silently ignores everything after the 7th field: `{seven}`"
        )),
        None => d.help("remove the extra text; Quartz silently ignores everything after the 7th field"),
    }
}

/// Where the fields are once the platform's wrapper (`cron(...)`) is removed
/// (`None`: the text is the expression).
fn unwrap_text(text: &str, p: &Profile) -> Result<Option<Span>, Diagnostic> {
    let trimmed_start = text.len() - text.trim_start().len();
    let body = text.trim();
    if p.wrapper == Wrapper::AwsCronOrRate {
        if body.starts_with("rate(") {
            return Err(Diagnostic::new(
                "rate-expression",
                "`rate(...)` is an interval schedule, not a cron expression",
            )
            .at(Span::new(trimmed_start, trimmed_start + body.len()))
            .help("EventBridge runs a rate from when the rule is created; to run at fixed times write `cron(minute hour day-of-month month day-of-week year)`"));
        }
        if let Some(inner) = body.strip_prefix("cron(") {
            let Some(inner) = inner.strip_suffix(')') else {
                return Err(
                    Diagnostic::new("unclosed-wrapper", "`cron(` has no closing `)`")
                        .at(Span::new(trimmed_start, trimmed_start + 5))
                        .help("write e.g. `cron(0 12 * * ? *)`"),
                );
            };
            let start = trimmed_start + 5;
            return Ok(Some(Span::new(start, start + inner.len())));
        }
    }
    if let ZonePrefix::Rejected(help) = p.zone_prefix {
        if body.starts_with("TZ=") || body.starts_with("CRON_TZ=") {
            let end = body.find([' ', '\t']).unwrap_or(body.len());
            return Err(Diagnostic::new(
                "zone-prefix",
                format!("{} does not take a time zone prefix", p.display),
            )
            .at(Span::new(trimmed_start, trimmed_start + end))
            .help(help));
        }
    }
    Ok(None)
}

fn parse_profile<B: Build>(
    text: &str,
    p: &'static Profile,
    spans: &[Span],
    count: usize,
    is_nickname: bool,
) -> Result<B::Out, Diagnostic> {
    if p.wrapper != Wrapper::None || p.zone_prefix != ZonePrefix::NotSyntax {
        if let Some(inner) = unwrap_text(text, p)? {
            let (spans, count) = split_fields_in(text, inner);
            if count == 0 {
                return Err(
                    Diagnostic::new("empty-expression", "the expression is empty")
                        .at(inner)
                        .help("e.g. `cron(0 12 * * ? *)`"),
                );
            }
            let nick = spans[0].slice(text).starts_with('@');
            return parse_fields::<B>(text, p, &spans, count, nick);
        }
    }
    parse_fields::<B>(text, p, spans, count, is_nickname)
}

fn parse_fields<B: Build>(
    text: &str,
    p: &'static Profile,
    spans: &[Span],
    count: usize,
    is_nickname: bool,
) -> Result<B::Out, Diagnostic> {
    let dialect = p.dialect;
    if is_nickname {
        return parse_nickname(text, p, spans, count).map(B::from_expr);
    }
    if count > 7 {
        return Err(too_many_fields(text, spans, Some(dialect)));
    }
    let Some(order) = p.layout(count) else {
        let whole = Span::new(spans[0].start, spans[spans.len() - 1].end);
        let d = Diagnostic::new(
            "field-count",
            format!(
                "{} expressions have {} fields, found {count}",
                p.display,
                p.field_counts()
            ),
        )
        .at(whole);
        let starts_with_seconds = p.layouts.iter().all(|l| l.fields[0] == FieldKind::Second);
        let d = if starts_with_seconds && count == 5 {
            if p.day_fields == DayFieldRule::OneMustBeQuestion {
                match fix::unix_as_quartz(text) {
                    Some(q) if p.dialect == Dialect::Quartz => d.help(format!(
                        "this is Unix cron (minute first); Quartz starts with seconds and needs `?` in a day field: {}; or pass `--dialect unix`",
                        fix::quoted_all(&q)
                    )),
                    _ => d.help(format!(
                        "{} starts with seconds and needs `?` in a day field ({}); or pass `--dialect unix` for a Unix expression",
                        p.display,
                        p.field_names()
                    )),
                }
            } else {
                d.help(format!(
                    "{} starts with seconds: `0 {}`",
                    p.display,
                    text.trim()
                ))
            }
        } else {
            d.help(format!("{}: `{}`", p.display, p.field_names()))
        };
        return Err(d);
    };

    let mut builder = B::new(dialect, text.len());
    let mut meta = Meta {
        dialect,
        written_fields: count as u8,
        // a layout without seconds: the (unwritten) seconds sit before the text
        implicit_seconds_at: (order[0] != FieldKind::Second).then(|| spans[0].start),
        dow_and_prefix: false,
        dom_starts_with_star: false,
        dow_starts_with_star: false,
        dom: DayFieldInfo::default(),
        dow: DayFieldInfo::default(),
    };
    for (kind, span) in order.iter().zip(spans.iter()) {
        let mut span = *span;
        let raw = span.slice(text);
        if *kind == FieldKind::DayOfWeek && p.allows(Forms::PLUS_AND) && raw.starts_with('+') {
            meta.dow_and_prefix = true;
            span.start += 1;
            if span.start == span.end {
                return Err(Diagnostic::new(
                    "empty-field",
                    "`+` must be followed by a day-of-week",
                )
                .at(Span::new(span.start - 1, span.end))
                .in_field(*kind)
                .help("e.g. `0 12 1 * +MON` fires on day 1 only when it is a Monday"));
            }
        }
        let ftext = span.slice(text);
        let items = parse_items(text, span, *kind, p)?;
        // does the field count as "every day" for the OR rule?
        let star = match p.day_fields {
            DayFieldRule::Or(StarRule::TextStartsWithStar) => {
                ftext.starts_with('*') || ftext.starts_with('?')
            }
            DayFieldRule::Or(StarRule::StarWithoutStep) => items.iter().any(|it| {
                matches!(
                    it.kind,
                    ItemKind::Any
                        | ItemKind::NoSpecific
                        | ItemKind::Step {
                            base: StepBase::Any,
                            step: 1
                        }
                )
            }),
            DayFieldRule::And | DayFieldRule::OneMustBeQuestion => {
                ftext.starts_with('*') || ftext.starts_with('?')
            }
        };
        let info = DayFieldInfo {
            span,
            no_specific: items.len() == 1 && matches!(items[0].kind, ItemKind::NoSpecific),
            wildcard: items.len() == 1
                && matches!(items[0].kind, ItemKind::Any | ItemKind::NoSpecific),
        };
        match kind {
            FieldKind::DayOfMonth => {
                meta.dom_starts_with_star = star;
                meta.dom = info;
            }
            FieldKind::DayOfWeek => {
                meta.dow_starts_with_star = star;
                meta.dow = info;
            }
            _ => {}
        }
        builder.field(*kind, span, items);
    }
    check_day_fields(text, p, &meta)?;
    Ok(builder.finish(&meta))
}

/// What the parser learnt about a day field (for the `?` rules and help text).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DayFieldInfo {
    pub span: Span,
    pub no_specific: bool,
    pub wildcard: bool,
}

/// Facts about the whole expression gathered while parsing its fields.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Meta {
    pub dialect: Dialect,
    pub written_fields: u8,
    /// Unix 5-field: where the (unwritten) seconds field would start.
    pub implicit_seconds_at: Option<usize>,
    pub dow_and_prefix: bool,
    pub dom_starts_with_star: bool,
    pub dow_starts_with_star: bool,
    pub dom: DayFieldInfo,
    pub dow: DayFieldInfo,
}

impl Meta {
    pub(crate) fn day_combine(&self) -> DayCombine {
        day_combine(
            self.dialect,
            self.dow_and_prefix,
            self.dom_starts_with_star,
            self.dow_starts_with_star,
        )
    }
}

/// How the day fields combine, from what the text said about them.
pub(crate) fn day_combine(
    dialect: Dialect,
    plus: bool,
    dom_star: bool,
    dow_star: bool,
) -> DayCombine {
    match dialect.profile().day_fields {
        DayFieldRule::OneMustBeQuestion | DayFieldRule::And => DayCombine::And,
        DayFieldRule::Or(_) => {
            if plus || dom_star || dow_star {
                DayCombine::And
            } else {
                DayCombine::Or
            }
        }
    }
}

/// What the parser produces: the syntax tree ([`ExprBuilder`]) or, for speed, a
/// compiled schedule straight from the items (`schedule::Compiler`). The parser
/// hands each written field to the builder once, in order.
pub(crate) trait Build: Sized {
    type Out;
    fn new(dialect: Dialect, text_len: usize) -> Self;
    fn field(&mut self, kind: FieldKind, span: Span, items: SmallVec<[Item; 2]>);
    fn finish(self, meta: &Meta) -> Self::Out;
    /// Nicknames are parsed into a tree first (rare; not on the hot path).
    fn from_expr(expr: Expr) -> Self::Out;
}

/// Builds the [`Expr`] syntax tree.
pub(crate) struct ExprBuilder {
    fields: [Field; 7],
}

impl Build for ExprBuilder {
    type Out = Expr;

    fn new(_dialect: Dialect, text_len: usize) -> Self {
        ExprBuilder {
            fields: [
                Field::implicit(FieldKind::Second, ItemKind::Value(0), 0),
                Field::implicit(FieldKind::Minute, ItemKind::Any, 0),
                Field::implicit(FieldKind::Hour, ItemKind::Any, 0),
                Field::implicit(FieldKind::DayOfMonth, ItemKind::Any, 0),
                Field::implicit(FieldKind::Month, ItemKind::Any, 0),
                Field::implicit(FieldKind::DayOfWeek, ItemKind::Any, 0),
                Field::implicit(FieldKind::Year, ItemKind::Any, text_len),
            ],
        }
    }

    fn field(&mut self, kind: FieldKind, span: Span, items: SmallVec<[Item; 2]>) {
        self.fields[kind.index()] = Field {
            kind,
            span,
            items,
            implicit: false,
        };
    }

    fn finish(mut self, meta: &Meta) -> Expr {
        if let Some(at) = meta.implicit_seconds_at {
            // the implicit seconds field sits before the text
            self.fields[0].span = Span::new(at, at);
            self.fields[0].items[0].span = self.fields[0].span;
        }
        Expr {
            dialect: meta.dialect,
            nickname: None,
            fields: self.fields,
            written_fields: meta.written_fields,
            dow_and_prefix: meta.dow_and_prefix,
            dom_starts_with_star: meta.dom_starts_with_star,
            dow_starts_with_star: meta.dow_starts_with_star,
        }
    }

    fn from_expr(expr: Expr) -> Expr {
        expr
    }
}

fn parse_nickname(
    text: &str,
    p: &'static Profile,
    spans: &[Span],
    count: usize,
) -> Result<Expr, Diagnostic> {
    let dialect = p.dialect;
    let word = spans[0].slice(text);
    let known = nickname_lookup(word);
    if p.nicknames.is_empty() {
        let code = if dialect == Dialect::Quartz {
            "nickname-in-quartz"
        } else {
            "nickname-not-allowed"
        };
        let what = if known.is_some() {
            "a Unix cron nickname"
        } else {
            "not a cron field"
        };
        return Err(Diagnostic::new(
            code,
            format!("`{word}` is {what}; {} has no nicknames", p.display),
        )
        .at(spans[0])
        .help(match known.and_then(|n| n.expansion()) {
            Some(exp) if p.day_fields == DayFieldRule::OneMustBeQuestion && p.has_seconds() => {
                format!(
                    "pass `--dialect unix`, or write the {} expression `{}`",
                    p.display,
                    unix5_to_quartz(exp)
                )
            }
            Some(exp) if !p.has_seconds() && p.dow.sunday == 0 => {
                format!("write the five fields: `{exp}`")
            }
            _ => "pass `--dialect unix`".to_string(),
        }));
    }
    let Some(nick) = known else {
        let lower = word.to_ascii_lowercase();
        let d =
            Diagnostic::new("unknown-nickname", format!("unknown nickname `{word}`")).at(spans[0]);
        let list: Vec<&str> = p.nicknames.iter().map(|n| n.text()).collect();
        return Err(match nickname_lookup(&lower) {
            Some(n) if p.nicknames.contains(&n) => d.help(format!(
                "nicknames are case-sensitive: write `{}`",
                n.text()
            )),
            _ => d.help(format!("{} knows: {}", p.display, list.join(" "))),
        });
    };
    if !p.nicknames.contains(&nick) {
        return Err(Diagnostic::new(
            "nickname-not-allowed",
            format!("{} does not accept `{word}`", p.display),
        )
        .at(spans[0])
        .help(match nick.expansion() {
            Some(exp) => format!("write `{exp}`"),
            None => format!(
                "`{word}` runs once at boot, which {} has no notion of",
                p.display
            ),
        }));
    }
    if count > 1 {
        let rest = Span::new(spans[1].start, spans[spans.len() - 1].end);
        return Err(Diagnostic::new(
            "nickname-with-fields",
            format!("`{word}` must stand alone: a nickname replaces all five fields"),
        )
        .at(rest)
        .help(format!("write just `{word}`")));
    }
    let at = spans[0].start;
    let mk = |kind, item| {
        let mut f = Field::implicit(kind, item, at);
        f.span = spans[0];
        f.items[0].span = spans[0];
        f
    };
    use FieldKind::*;
    let (min, hour, dom, month, dow) = match nick {
        Nickname::Yearly | Nickname::Annually => (
            ItemKind::Value(0),
            ItemKind::Value(0),
            ItemKind::Value(1),
            ItemKind::Value(1),
            ItemKind::Any,
        ),
        Nickname::Monthly => (
            ItemKind::Value(0),
            ItemKind::Value(0),
            ItemKind::Value(1),
            ItemKind::Any,
            ItemKind::Any,
        ),
        Nickname::Weekly => (
            ItemKind::Value(0),
            ItemKind::Value(0),
            ItemKind::Any,
            ItemKind::Any,
            ItemKind::Value(p.dow.value_of(0)),
        ),
        Nickname::Daily | Nickname::Midnight | Nickname::Reboot => (
            ItemKind::Value(0),
            ItemKind::Value(0),
            ItemKind::Any,
            ItemKind::Any,
            ItemKind::Any,
        ),
        Nickname::Hourly => (
            ItemKind::Value(0),
            ItemKind::Any,
            ItemKind::Any,
            ItemKind::Any,
            ItemKind::Any,
        ),
    };
    let dom_star = matches!(dom, ItemKind::Any);
    let dow_star = matches!(dow, ItemKind::Any);
    Ok(Expr {
        dialect,
        nickname: Some(nick),
        fields: [
            mk(Second, ItemKind::Value(0)),
            mk(Minute, min),
            mk(Hour, hour),
            mk(DayOfMonth, dom),
            mk(Month, month),
            mk(DayOfWeek, dow),
            mk(Year, ItemKind::Any),
        ],
        written_fields: 0,
        dow_and_prefix: false,
        dom_starts_with_star: dom_star,
        dow_starts_with_star: dow_star,
    })
}

fn nickname_lookup(word: &str) -> Option<Nickname> {
    Nickname::ALL.iter().copied().find(|n| n.text() == word)
}

/// `0 0 1 1 *` → `0 0 0 1 1 ?` (only for the fixed nickname expansions).
fn unix5_to_quartz(exp: &str) -> String {
    let f: Vec<&str> = exp.split(' ').collect();
    let (dom, dow) = if f[4] == "*" {
        (f[2], "?")
    } else {
        ("?", "SUN")
    };
    format!("0 {} {} {} {} {}", f[0], f[1], dom, f[3], dow)
}

/// Quartz and EventBridge: exactly one day field is `?`. Others: nothing to check here.
fn check_day_fields(text: &str, p: &Profile, e: &Meta) -> Result<(), Diagnostic> {
    if p.day_fields != DayFieldRule::OneMustBeQuestion {
        return Ok(());
    }
    let who = p.display;
    let (dom, dow) = (e.dom, e.dow);
    let (dom_q, dow_q) = (dom.no_specific, dow.no_specific);
    if dom_q && dow_q {
        return Err(Diagnostic::new(
            "both-day-fields-unspecified",
            "day-of-month and day-of-week are both `?`",
        )
        .at(dom.span)
        .at(dow.span)
        .in_field(FieldKind::DayOfWeek)
        .help(format!(
            "{who} needs `?` in exactly one of them: `{}`",
            replace_span(text, dow.span, "*")
        )));
    }
    if !dom_q && !dow_q {
        let a = replace_span(text, dow.span, "?");
        let b = replace_span(text, dom.span, "?");
        let help = if dom.wildcard {
            format!("{who} needs `?` in one of them; to fire on those weekdays write `{b}`")
        } else if dow.wildcard {
            format!("{who} needs `?` in one of them; to fire on those days write `{a}`")
        } else {
            format!("{who} needs `?` in one of them: `{a}` or `{b}`")
        };
        return Err(Diagnostic::new(
            "both-day-fields",
            "day-of-month and day-of-week are both set",
        )
        .at(dom.span)
        .at(dow.span)
        .in_field(FieldKind::DayOfMonth)
        .help(help));
    }
    Ok(())
}

fn replace_span(text: &str, span: Span, with: &str) -> String {
    let mut s = String::with_capacity(text.len() + with.len());
    s.push_str(&text[..span.start]);
    s.push_str(with);
    s.push_str(&text[span.end..]);
    s.trim().to_string()
}

// ---------------------------------------------------------------- one field

struct FieldParser<'a> {
    text: &'a str,
    kind: FieldKind,
    dialect: Dialect,
    profile: &'static Profile,
}

impl FieldParser<'_> {
    fn err(&self, code: &'static str, msg: impl Into<String>, span: Span) -> Diagnostic {
        let mut d = Diagnostic::new(code, msg).at(span).in_field(self.kind);
        d.dialect = Some(self.dialect);
        d
    }

    fn allows(&self, form: Forms) -> bool {
        self.profile.allows(form)
    }

    /// Help texts that say what Quartz itself does with a text (it accepts and
    /// then misreads it) are for the quartz profile only.
    fn is_quartz(&self) -> bool {
        self.dialect == Dialect::Quartz
    }

    /// A form the profile does not have.
    fn unsupported(&self, what: &str, span: Span) -> Diagnostic {
        self.err(
            "form-not-supported",
            format!(
                "`{}` ({what}) is not {} syntax",
                span.slice(self.text),
                self.profile.display
            ),
            span,
        )
    }

    /// The whole expression with the item at `span` replaced (for help text).
    fn fixed(&self, span: Span, with: &str) -> String {
        replace_span(self.text, span, with)
    }

    fn bounds(&self) -> (u16, u16) {
        self.kind.bounds(self.dialect)
    }
}

fn parse_items(
    text: &str,
    span: Span,
    kind: FieldKind,
    profile: &'static Profile,
) -> Result<SmallVec<[Item; 2]>, Diagnostic> {
    let p = FieldParser {
        text,
        kind,
        dialect: profile.dialect,
        profile,
    };
    let ftext = span.slice(text);
    let mut items: SmallVec<[Item; 2]> = SmallVec::new();
    let mut pos = span.start;
    for part in ftext.split(',') {
        let item_span = Span::new(pos, pos + part.len());
        pos += part.len() + 1;
        if part.is_empty() {
            let at = if item_span.start > span.start {
                Span::new(item_span.start - 1, item_span.start)
            } else {
                Span::new(item_span.start, (item_span.start + 1).min(span.end))
            };
            let cleaned: Vec<&str> = ftext.split(',').filter(|s| !s.is_empty()).collect();
            let mut d = p.err(
                "empty-list-item",
                format!("empty item in the {} list", kind.name()),
                at,
            );
            if !cleaned.is_empty() {
                d = d.help(format!(
                    "remove the extra comma: `{}`",
                    p.fixed(span, &cleaned.join(","))
                ));
            }
            return Err(d);
        }
        if items.len() >= MAX_ITEMS {
            return Err(p.err(
                "too-many-items",
                format!("more than {MAX_ITEMS} items in the {} field", kind.name()),
                item_span,
            ));
        }
        items.push(parse_item(&p, part, item_span)?);
    }
    check_item_combinations(&p, &items, span)?;
    Ok(items)
}

/// Text the profile's platform accepts and misreads ([`Misreads`]).
fn check_misreads(p: &FieldParser, items: &[Item]) -> Result<(), Diagnostic> {
    let m = p.profile.misreads;
    if m == Misreads::NONE {
        return Ok(());
    }
    let who = p.profile.display;
    let dow = p.kind == FieldKind::DayOfWeek;
    for it in items {
        let text = it.span.slice(p.text);
        let (what, fix) = match it.kind {
            ItemKind::Step {
                base: StepBase::From(a),
                step: 1,
            } if m.has(Misreads::START_STEP_ONE) => (
                format!("reads `{text}` as {a} alone"),
                format!("write `{a}` or the range to the end of the field"),
            ),
            ItemKind::Step {
                base: StepBase::From(a),
                ..
            } if dow && m.has(Misreads::DOW_START_STEP) => (
                format!("reads a day-of-week `{text}` as day {a} alone"),
                "write the days as a list".to_string(),
            ),
            ItemKind::Step {
                base: StepBase::Range(a, b),
                ..
            } if dow && a > b && m.has(Misreads::DOW_WRAP_STEP) => (
                format!("reads `{text}` (a range that wraps, with a step) as no day, so every day"),
                "write the days as a list".to_string(),
            ),
            ItemKind::Step {
                base: StepBase::Any,
                step: 1,
            } if dow && m.has(Misreads::DOW_STAR_STEP_ONE) => (
                "reads a day-of-week `*/1` as a list of every day, which makes the day fields combine with OR, unlike `*`".to_string(),
                "write `*`".to_string(),
            ),
            ItemKind::Any if dow && items.len() > 1 && m.has(Misreads::DOW_STAR_IN_LIST) => (
                "drops a `*` from a day-of-week list".to_string(),
                "write `*` alone, or the days without it".to_string(),
            ),
            _ => continue,
        };
        return Err(p
            .err("misread-by-platform", format!("{who} {what}"), it.span)
            .help(fix));
    }
    if dow && m.has(Misreads::DOW_SAME_DAY_SPECIALS) {
        check_same_weekday_specials(p, items)?;
    }
    Ok(())
}

/// A `#` or `%` item of fugit's day-of-week list, as fugit keeps it: `[d, k]`
/// (`#k`, `#-k`, `#L` = -1) or `[d, [m, p]]` (`%m+p`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FugitSpecial {
    Hash(i8),
    Modulo(u16, u16),
}

impl FugitSpecial {
    fn of(kind: ItemKind) -> Option<(u16, FugitSpecial)> {
        Some(match kind {
            ItemKind::NthWeekday(v, k) => (v, FugitSpecial::Hash(k as i8)),
            ItemKind::NthLastWeekday(v, k) => (v, FugitSpecial::Hash(-(k as i8))),
            ItemKind::LastOfWeekday(v) => (v, FugitSpecial::Hash(-1)),
            ItemKind::WeekModulo { day, every, plus } => (day, FugitSpecial::Modulo(every, plus)),
            _ => return None,
        })
    }

    /// Every day `other` selects, `self` selects too (for one weekday).
    fn covers(self, other: FugitSpecial) -> bool {
        match (self, other) {
            // the fifth one is always the last, the fifth from the end the first
            (FugitSpecial::Hash(a), FugitSpecial::Hash(b)) => {
                a == b || (a == -1 && b == 5) || (a == 1 && b == -5)
            }
            // (w + p2) % m2 == 0 implies (w + p1) % m1 == 0
            (FugitSpecial::Modulo(m1, p1), FugitSpecial::Modulo(m2, p2)) => {
                m2 % m1 == 0 && p1 % m1 == p2 % m1
            }
            _ => false,
        }
    }
}

/// fugit keeps its day-of-week items as `[d]`, `[d, k]` (`#`) and `[d, [m, p]]`
/// (`%`), sorts them, and for a day looks only at the first item of its weekday
/// (`weekday_match?`: `@weekdays.find { |d, _| d == nt.wday }`, fugit 1.5.2
/// lib/fugit/cron.rb:175). So a plain weekday wins (it covers the others), but
/// of two `#`/`%` items for one weekday only the first in sort order counts
/// (`SUN#1,SUN#L` is the last Sunday alone); and a `#` beside a `%` for one
/// weekday cannot be sorted at all (`sort!` raises ArgumentError, cron.rb:614).
fn check_same_weekday_specials(p: &FieldParser, items: &[Item]) -> Result<(), Diagnostic> {
    let numbering = p.profile.dow;
    let (min, max) = p.bounds();
    let mut plain = 0u8;
    for it in items {
        if FugitSpecial::of(it.kind).is_none() {
            let bits = crate::schedule::item_bits(it.kind, min, max);
            for v in min..=max {
                if bits >> v & 1 == 1 {
                    plain |= 1 << numbering.weekday(v);
                }
            }
        }
    }
    for wd in 0..7u8 {
        let specials: Vec<(FugitSpecial, &Item)> = items
            .iter()
            .filter_map(|it| {
                let (v, sp) = FugitSpecial::of(it.kind)?;
                (numbering.weekday(v) == wd).then_some((sp, it))
            })
            .collect();
        let hash = specials
            .iter()
            .find(|(s, _)| matches!(s, FugitSpecial::Hash(_)));
        let modulo = specials
            .iter()
            .find(|(s, _)| matches!(s, FugitSpecial::Modulo(..)));
        if let (Some((_, h)), Some((_, m))) = (hash, modulo) {
            return Err(p
                .err(
                    "platform-fails",
                    format!(
                        "{} (fugit) fails on `{}` beside `{}`: it cannot sort a `#` and a `%` item for the same weekday (ArgumentError), so the schedule never runs",
                        p.profile.display,
                        h.span.slice(p.text),
                        m.span.slice(p.text)
                    ),
                    m.span,
                )
                .help("keep one of them, or use two schedules"));
        }
        if plain >> wd & 1 == 1 {
            // fugit finds the plain `[d]` first and never looks at the others
            continue;
        }
        let Some(&(first, kept)) = specials.iter().min_by_key(|(s, _)| *s) else {
            continue;
        };
        if let FugitSpecial::Modulo(0, _) = first {
            let text = kept.span.slice(p.text);
            let at = text
                .find('%')
                .map_or(kept.span, |i| Span::new(kept.span.start + i, kept.span.end));
            return Err(p
                .err(
                    "bad-modulo",
                    format!(
                        "`{}`: every 0th week means nothing ({} accepts it and then fails with a division by zero on the first such weekday)",
                        at.slice(p.text),
                        p.profile.display
                    ),
                    at,
                )
                .help("use `%1` (every week) or more"));
        }
        if let Some((_, lost)) = specials.iter().find(|(s, _)| !first.covers(*s)) {
            return Err(p
                .err(
                    "misread-by-platform",
                    format!(
                        "{} (fugit) reads one `#`/`%` item per weekday: of `{}` and `{}` it keeps `{}` and ignores `{}`",
                        p.profile.display,
                        kept.span.slice(p.text),
                        lost.span.slice(p.text),
                        kept.span.slice(p.text),
                        lost.span.slice(p.text)
                    ),
                    lost.span,
                )
                .help("use one `#`/`%` item per weekday, or two schedules"));
        }
    }
    Ok(())
}

/// Rules about how items may be combined in one field.
fn check_item_combinations(p: &FieldParser, items: &[Item], span: Span) -> Result<(), Diagnostic> {
    check_misreads(p, items)?;
    let many = items.len() > 1;
    for it in items {
        match it.kind {
            // robfig reads `?` as `*` anywhere, lists included
            ItemKind::NoSpecific if many && !p.allows(Forms::QUESTION_ANY_FIELD) => {
                return Err(p
                    .err(
                        "question-mark-in-list",
                        "`?` must stand alone in its field",
                        it.span,
                    )
                    .help(
                        "`?` means \"no specific value\"; it cannot be combined with other values",
                    ));
            }
            _ => {}
        }
    }
    if !many || p.allows(Forms::SPECIAL_IN_LISTS) {
        return Ok(());
    }
    // Quartz: special day forms stand alone.
    for it in items {
        let others = || -> Vec<String> {
            items
                .iter()
                .filter(|o| o.span != it.span)
                .map(|o| o.span.slice(p.text).to_string())
                .collect()
        };
        match it.kind {
            ItemKind::Last
            | ItemKind::LastOffset(_)
            | ItemKind::LastWeekday
            | ItemKind::LastOffsetWeekday(_) => {
                return Err(p.err(
                    "special-day-in-list",
                    format!(
                        "`{}` cannot be combined with other days in {}",
                        it.span.slice(p.text),
                        p.profile.display
                    ),
                    it.span,
                )
                .help(if p.is_quartz() {
                    "Quartz rejects `L`/`LW` in a list (\"not implemented\"); use a separate expression for each"
                } else {
                    "use a separate expression for each"
                }));
            }
            ItemKind::NearestWeekday(_) => {
                return Err(p.err(
                    "w-in-list",
                    format!("`{}` cannot be part of a list", it.span.slice(p.text)),
                    it.span,
                )
                .help(format!(
                    "Quartz silently uses only the first value of the list with `W` and ignores {}; use one expression per day (e.g. `{}`)",
                    others().join(", "),
                    p.fixed(span, it.span.slice(p.text))
                )));
            }
            ItemKind::LastOfWeekday(_) | ItemKind::SaturdayL => {
                return Err(p.err(
                    "special-day-in-list",
                    format!(
                        "`{}` cannot be combined with other weekdays in {}",
                        it.span.slice(p.text),
                        p.profile.display
                    ),
                    it.span,
                )
                .help(if p.is_quartz() {
                    "Quartz rejects `L` with other days of the week (\"not implemented\"); use a separate expression for each"
                } else {
                    "use a separate expression for each"
                }));
            }
            ItemKind::NthWeekday(..) => {
                return Err(p.err(
                    "hash-in-list",
                    format!("`{}` cannot be part of a list", it.span.slice(p.text)),
                    it.span,
                )
                .help(format!(
                    "Quartz uses only the `#` item and silently ignores {}; use one expression per weekday (e.g. `{}`)",
                    others().join(", "),
                    p.fixed(span, it.span.slice(p.text))
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

/// A lexed value: a number or a name, with its span.
#[derive(Clone, Copy)]
struct Val {
    value: u16,
    named: bool,
    span: Span,
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
    base: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }
    fn abs(&self) -> usize {
        self.base + self.i
    }
    fn eat(&mut self, c: u8) -> bool {
        if self
            .peek()
            .map(|b| b.eq_ignore_ascii_case(&c))
            .unwrap_or(false)
        {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn digits(&mut self) -> Option<(u32, Span)> {
        let start = self.i;
        let mut v: u32 = 0;
        while let Some(b) = self.peek() {
            if !b.is_ascii_digit() {
                break;
            }
            v = v.saturating_mul(10).saturating_add((b - b'0') as u32);
            self.i += 1;
        }
        if self.i == start {
            None
        } else {
            Some((v, Span::new(self.base + start, self.base + self.i)))
        }
    }
    fn letters(&mut self) -> Option<Span> {
        let start = self.i;
        while let Some(b) = self.peek() {
            if !b.is_ascii_alphabetic() {
                break;
            }
            self.i += 1;
        }
        if self.i == start {
            None
        } else {
            Some(Span::new(self.base + start, self.base + self.i))
        }
    }
}

/// One item, checked against the forms the profile has.
fn parse_item(p: &FieldParser, part: &str, span: Span) -> Result<Item, Diagnostic> {
    let it = parse_item_syntax(p, part, span)?;
    let (form, what) = match it.kind {
        ItemKind::NoSpecific => (Forms::QUESTION_DAYS, "no specific value"),
        ItemKind::Last => (Forms::LAST_DAY, "the last day of the month"),
        ItemKind::LastOffset(_) if part.starts_with('-') => {
            (Forms::NEGATIVE_DAYS, "a day counted from the end")
        }
        ItemKind::LastOffset(_) => (Forms::LAST_OFFSET, "days before the last day"),
        ItemKind::LastWeekday => (Forms::LAST_WEEKDAY, "the last weekday of the month"),
        ItemKind::LastOffsetWeekday(_) => (
            Forms::LAST_OFFSET_WEEKDAY,
            "the weekday nearest a day counted from the end",
        ),
        ItemKind::NearestWeekday(_) => (Forms::NEAREST_WEEKDAY, "the nearest weekday"),
        ItemKind::LastOfWeekday(_) if part.contains('#') => {
            (Forms::NTH_LAST, "the last such weekday of the month")
        }
        ItemKind::LastOfWeekday(_) => {
            (Forms::LAST_OF_WEEKDAY, "the last such weekday of the month")
        }
        ItemKind::NthWeekday(..) => (Forms::NTH_WEEKDAY, "the n-th weekday of the month"),
        ItemKind::NthLastWeekday(..) => (
            Forms::NTH_FROM_END,
            "counting weekdays from the end of the month",
        ),
        ItemKind::WeekModulo { .. } => (Forms::WEEK_MODULO, "a weekday every n-th week"),
        ItemKind::Step {
            base: StepBase::From(_),
            ..
        } => (Forms::START_STEP, "a step from a start value"),
        _ => (Forms::NONE, ""),
    };
    let question_anywhere = it.kind == ItemKind::NoSpecific && p.allows(Forms::QUESTION_ANY_FIELD);
    if !p.allows(form) && !question_anywhere {
        let d = p.unsupported(what, span);
        return Err(match it.kind {
            ItemKind::NoSpecific => d.help(format!("write `*`: `{}`", p.fixed(span, "*"))),
            _ => d,
        });
    }
    Ok(it)
}

fn parse_item_syntax(p: &FieldParser, part: &str, span: Span) -> Result<Item, Diagnostic> {
    let mut c = Cursor {
        s: part.as_bytes(),
        i: 0,
        base: span.start,
    };
    let kind = p.kind;
    let item = |k: ItemKind, named: bool| Item {
        kind: k,
        span,
        named,
    };

    // `?`
    if c.eat(b'?') {
        if !matches!(kind, FieldKind::DayOfMonth | FieldKind::DayOfWeek)
            && !p.allows(Forms::QUESTION_ANY_FIELD)
        {
            let mut d = p.err(
                "question-mark-not-allowed",
                format!(
                    "`?` is only allowed in day-of-month or day-of-week, not in {}",
                    kind.name()
                ),
                Span::new(span.start, span.start + 1),
            );
            d = d.help(format!(
                "use `*` for every {}: `{}`",
                kind.name(),
                p.fixed(span, "*")
            ));
            return Err(d);
        }
        if !c.at_end() {
            return Err(trailing_junk(p, &c, span, "?"));
        }
        return Ok(item(ItemKind::NoSpecific, false));
    }

    // `*` and `*/n`
    if c.eat(b'*') {
        if c.at_end() {
            return Ok(item(ItemKind::Any, false));
        }
        if c.eat(b'/') {
            let step = parse_step(p, &mut c, span, StepBase::Any, false)?;
            let dow = p.profile.dow;
            // Spring: `*` is java.time's 1–7 here, so `*/2` starts on Monday
            let base = if p.kind == FieldKind::DayOfWeek && dow.star_step_from() != dow.min() {
                StepBase::Range(dow.star_step_from(), dow.max)
            } else {
                StepBase::Any
            };
            return Ok(item(ItemKind::Step { base, step }, false));
        }
        return Err(trailing_junk(p, &c, span, "*"));
    }

    // fugit: `-n` counts days from the end (`-1` is the last), `last` is `L`
    if kind == FieldKind::DayOfMonth && p.allows(Forms::NEGATIVE_DAYS) {
        if part.eq_ignore_ascii_case("last") {
            return Ok(item(ItemKind::Last, false));
        }
        if c.peek() == Some(b'-') {
            c.eat(b'-');
            if let Some((n, nspan)) = c.digits() {
                if !c.at_end() {
                    return Err(trailing_junk(p, &c, span, &part[..c.i]));
                }
                if !(1..=31).contains(&n) {
                    return Err(p.err(
                        "value-out-of-range",
                        format!(
                            "day-of-month -{} is out of range -31–-1",
                            nspan.slice(p.text)
                        ),
                        span,
                    ));
                }
                return Ok(item(
                    if n == 1 {
                        ItemKind::Last
                    } else {
                        ItemKind::LastOffset(n as u8 - 1)
                    },
                    false,
                ));
            }
            c.i -= 1;
        }
    }
    // day-of-month L forms
    if kind == FieldKind::DayOfMonth && matches!(c.peek(), Some(b'L' | b'l')) {
        return parse_dom_last(p, &mut c, span).map(|k| item(k, false));
    }
    // Quartz day-of-week `L` alone = Saturday
    if kind == FieldKind::DayOfWeek && matches!(c.peek(), Some(b'L' | b'l')) && part.len() > 1 {
        // no day name starts with L: Quartz reads `L` (Saturday) and ignores the rest
        c.eat(b'L');
        let d = trailing_junk(p, &c, span, "L");
        return Err(if p.is_quartz() {
            d.help("Quartz reads `L` alone as Saturday and silently ignores the rest; for the last Friday of the month write `6L`")
        } else {
            d
        });
    }
    if kind == FieldKind::DayOfWeek && matches!(c.peek(), Some(b'L' | b'l')) && part.len() == 1 {
        if p.allows(Forms::SATURDAY_L) {
            return Ok(item(ItemKind::SaturdayL, false));
        }
        let friday = p.profile.dow.value_of(5);
        let mut d = p.err(
            "l-alone-in-dow",
            format!(
                "`L` alone in day-of-week has no meaning in {}",
                p.profile.display
            ),
            span,
        );
        if p.allows(Forms::LAST_OF_WEEKDAY) {
            d = d.help(format!(
                "for the last Friday of the month write `{friday}L`{}",
                if p.allows(Forms::NTH_LAST) {
                    " or `FRI#L`"
                } else {
                    ""
                }
            ));
        } else if p.allows(Forms::NTH_LAST) {
            d = d.help("for the last Friday of the month write `FRI#L`");
        }
        return Err(d);
    }

    // Quartz `/n` means `*/n`
    if p.allows(Forms::BARE_SLASH) && c.peek() == Some(b'/') {
        c.eat(b'/');
        let step = parse_step(p, &mut c, span, StepBase::Any, false)?;
        return Ok(item(
            ItemKind::Step {
                base: StepBase::Any,
                step,
            },
            false,
        ));
    }

    // a value (number or name), then maybe `-b`, `/n`, `W`, `L`, `#k`
    let a = parse_value(p, &mut c, span)?;
    if p.allows(Forms::FULL_NAME_ALONE) && a.named && a.span.end - a.span.start > 3 && !c.at_end() {
        // Quartz reads the first three letters of a name and skips the rest of the
        // item: `MONDAY-FRIDAY` is Monday only, `MONDAY#2` every Monday.
        let abbrev = a.span.slice(p.text)[..3].to_ascii_uppercase();
        let rest = &p.text[a.span.end..span.end];
        return Err(p
            .err(
                "full-name-in-expression",
                format!("a full name cannot be followed by `{rest}`"),
                Span::new(a.span.start, span.end),
            )
            .help(format!(
                "Quartz reads only `{abbrev}` and silently ignores `{}{rest}`; write `{}`",
                &a.span.slice(p.text)[3..],
                p.fixed(span, &format!("{abbrev}{rest}"))
            )));
    }
    // day-of-week `FRIL`: the name lexer stops before a trailing L (see parse_value)
    if c.eat(b'W') {
        return finish_w(p, &c, span, a, None);
    }
    if kind == FieldKind::DayOfWeek && c.eat(b'L') {
        if !c.at_end() {
            return Err(trailing_junk(p, &c, span, &part[..c.i]));
        }
        check_range(p, a)?;
        return Ok(item(ItemKind::LastOfWeekday(a.value), a.named));
    }
    if c.peek() == Some(b'%') && kind == FieldKind::DayOfWeek {
        return parse_week_modulo(p, &mut c, span, a).map(|k| item(k, a.named));
    }
    if c.eat(b'#') {
        if kind != FieldKind::DayOfWeek {
            return Err(p.err(
                "hash-not-allowed",
                format!("`#` is only allowed in day-of-week, not in {}", kind.name()),
                Span::new(c.abs() - 1, c.abs()),
            ));
        }
        if !p.allows(Forms::NTH_WEEKDAY) && !p.allows(Forms::NTH_LAST) {
            return Err(p.unsupported("the n-th weekday of the month", span));
        }
        check_range(p, a)?;
        if p.allows(Forms::NEGATIVE_DAYS) {
            // fugit: `#-1` and `#last` are the last one of the month
            let rest = &part[c.i..];
            if rest == "-1" || rest.eq_ignore_ascii_case("last") {
                return Ok(item(ItemKind::LastOfWeekday(a.value), a.named));
            }
        }
        if c.peek() == Some(b'-') && p.allows(Forms::NTH_FROM_END) {
            // fugit `#-2`…`#-5`: the k-th one counted from the end of the month
            c.eat(b'-');
            let Some((k, _)) = c.digits().filter(|(k, _)| (2..=5).contains(k)) else {
                return Err(p.err(
                    "bad-nth",
                    "`#-` must be followed by a number from 1 to 5 (`#-1` is the last one of the month, `#-5` the first of five)",
                    Span::new(a.span.end, span.end),
                ));
            };
            if !c.at_end() {
                return Err(trailing_junk(p, &c, span, &part[..c.i]));
            }
            return Ok(item(ItemKind::NthLastWeekday(a.value, k as u8), a.named));
        }
        if c.eat(b'L') {
            if !p.allows(Forms::NTH_LAST) && p.allows(Forms::LAST_OF_WEEKDAY) {
                return Err(p
                    .err(
                        "hash-last-in-quartz",
                        format!(
                            "`#L` is Unix/OCPS syntax; {} writes the last weekday as `nL`",
                            p.profile.display
                        ),
                        span,
                    )
                    .help(format!(
                        "write `{}`",
                        p.fixed(span, &format!("{}L", a.span.slice(p.text)))
                    )));
            }
            if !c.at_end() {
                return Err(trailing_junk(p, &c, span, &part[..c.i]));
            }
            return Ok(item(ItemKind::LastOfWeekday(a.value), a.named));
        }
        let Some((k, kspan)) = c.digits() else {
            return Err(p
                .err(
                    "bad-nth",
                    "`#` must be followed by a number from 1 to 5",
                    Span::new(c.abs() - 1, span.end),
                )
                .help(format!(
                    "e.g. `{}` for the third one of the month",
                    p.fixed(span, &format!("{}#3", a.span.slice(p.text)))
                )));
        };
        if !(1..=5).contains(&k) {
            return Err(p.err(
                "bad-nth",
                format!(
                    "`#{}`: a month has at most 5 of each weekday; use 1 to 5",
                    kspan.slice(p.text)
                ),
                kspan,
            ));
        }
        if !c.at_end() {
            return Err(trailing_junk(p, &c, span, &part[..c.i]));
        }
        return Ok(item(ItemKind::NthWeekday(a.value, k as u8), a.named));
    }
    if c.eat(b'-') {
        let b = parse_value(p, &mut c, span)?;
        let mut a = a;
        if p.kind == FieldKind::DayOfWeek && p.profile.dow.java_time && a.value == 7 {
            // Spring (BitsCronField.parseRange): "If used as a minimum in a range,
            // Sunday means 0 (not 7)", so `SUN-SAT` is every day; `7-7` would be
            // 0-7, every day, where the text says Sunday
            if b.value == 7 {
                let span = Span::new(a.span.start, b.span.end);
                return Err(p
                    .err(
                        "misread-by-platform",
                        format!(
                            "{} reads `{}` as every day: a range that starts at Sunday (7) starts at 0",
                            p.profile.display,
                            span.slice(p.text)
                        ),
                        span,
                    )
                    .help(format!("for Sunday alone write `{}`", p.fixed(span, "SUN"))));
            }
            a.value = 0;
        }
        if a.named != b.named && !p.allows(Forms::MIXED_RANGES) {
            return Err(p.err(
                "mixed-range",
                "a range must use two names or two numbers",
                Span::new(a.span.start, b.span.end),
            )
            .help(if p.is_quartz() {
                "Quartz fails on this with an internal error; write both ends the same way, e.g. `MON-FRI` or `2-6`".to_string()
            } else {
                format!(
                    "{} does not read a range mixing a name and a number; write both ends as names or both as numbers",
                    p.profile.display
                )
            }));
        }
        check_range(p, a)?;
        check_range(p, b)?;
        check_range_order(p, a, b)?;
        if c.eat(b'W') {
            return Err(p.err(
                "w-on-range",
                "`W` cannot follow a range",
                Span::new(a.span.start, c.abs()),
            )
            .help("Quartz silently ignores the `W` and fires on every day of the range, weekends too; write one `nW` per expression, or the plain range"));
        }
        if kind == FieldKind::DayOfWeek && c.eat(b'L') {
            return Err(p.err(
                "l-on-range",
                "`L` cannot follow a range",
                Span::new(a.span.start, c.abs()),
            )
            .help(format!("Quartz silently ignores the `L` and fires on every day of the range; for the last one of a weekday write e.g. `{}L`", a.span.slice(p.text))));
        }
        if c.peek() == Some(b'#') {
            return Err(p
                .err(
                    "hash-on-range",
                    "`#` cannot follow a range",
                    Span::new(a.span.start, span.end),
                )
                .help("use one `n#k` per expression"));
        }
        if c.eat(b'/') {
            let base = StepBase::Range(a.value, b.value);
            if a.named && !p.allows(Forms::NAME_RANGE_STEPS) {
                return Err(name_step(p, span, a, Some(b)));
            }
            let step = parse_step(p, &mut c, span, base, true)?;
            return Ok(item(ItemKind::Step { base, step }, false));
        }
        if !c.at_end() {
            return Err(trailing_junk(p, &c, span, &part[..c.i]));
        }
        return Ok(item(ItemKind::Range(a.value, b.value), a.named));
    }
    if c.eat(b'/') {
        check_step_start(p, a)?;
        if a.named && !p.allows(Forms::NAME_STEPS) {
            return Err(name_step(p, span, a, None));
        }
        let base = StepBase::From(a.value);
        let step = parse_step(p, &mut c, span, base, false)?;
        return Ok(item(ItemKind::Step { base, step }, false));
    }
    if !c.at_end() {
        return Err(trailing_junk(p, &c, span, &part[..c.i]));
    }
    check_range(p, a)?;
    Ok(item(ItemKind::Value(a.value), a.named))
}

fn finish_w(
    p: &FieldParser,
    c: &Cursor,
    span: Span,
    a: Val,
    _offset: Option<u8>,
) -> Result<Item, Diagnostic> {
    if p.kind != FieldKind::DayOfMonth {
        return Err(p.err(
            "w-not-allowed",
            format!(
                "`W` is only allowed in day-of-month, not in {}",
                p.kind.name()
            ),
            Span::new(c.abs() - 1, c.abs()),
        ));
    }
    if !c.at_end() {
        let done = &p.text[span.start..c.abs()];
        return Err(trailing_junk(p, c, span, done));
    }
    check_range(p, a)?;
    Ok(Item {
        kind: ItemKind::NearestWeekday(a.value as u8),
        span,
        named: false,
    })
}

/// `L`, `L-n`, `LW`, `L-nW` in day-of-month.
fn parse_dom_last(p: &FieldParser, c: &mut Cursor, span: Span) -> Result<ItemKind, Diagnostic> {
    c.eat(b'L');
    if c.at_end() {
        return Ok(ItemKind::Last);
    }
    if c.eat(b'W') {
        if !c.at_end() {
            return Err(trailing_junk(p, c, span, "LW"));
        }
        return Ok(ItemKind::LastWeekday);
    }
    if c.eat(b'-') {
        let Some((n, nspan)) = c.digits() else {
            return Err(p
                .err(
                    "bad-last-offset",
                    "`L-` must be followed by a number of days (0 to 30)",
                    span,
                )
                .help(format!(
                    "e.g. `{}` for three days before the last day",
                    p.fixed(span, "L-3")
                )));
        };
        if n > 30 {
            return Err(p.err(
                "bad-last-offset",
                format!(
                    "`L-{}`: the offset from the last day must be at most 30",
                    nspan.slice(p.text)
                ),
                nspan,
            ));
        }
        if c.eat(b'W') {
            if !c.at_end() {
                return Err(trailing_junk(p, c, span, &p.text[span.start..c.abs()]));
            }
            return Ok(ItemKind::LastOffsetWeekday(n as u8));
        }
        if !c.at_end() {
            return Err(trailing_junk(p, c, span, &p.text[span.start..c.abs()]));
        }
        return Ok(ItemKind::LastOffset(n as u8));
    }
    Err(trailing_junk(p, c, span, "L"))
}

fn parse_value(p: &FieldParser, c: &mut Cursor, span: Span) -> Result<Val, Diagnostic> {
    if let Some((v, vspan)) = c.digits() {
        let value = v.min(u16::MAX as u32) as u16;
        if v > u16::MAX as u32 {
            return Err(out_of_range(
                p,
                Val {
                    value: u16::MAX,
                    named: false,
                    span: vspan,
                },
            ));
        }
        return Ok(Val {
            value,
            named: false,
            span: vspan,
        });
    }
    let start = c.i;
    if let Some(lspan) = c.letters() {
        let word = lspan.slice(p.text);
        let table: &[&str] = match p.kind {
            FieldKind::Month => &MONTHS,
            FieldKind::DayOfWeek => &DAYS,
            FieldKind::DayOfMonth => return Err(dom_letters(p, span, word, lspan)),
            _ => {
                return Err(p.err(
                    "unexpected-name",
                    format!(
                        "`{word}` is not a number; names are allowed only in month and day-of-week"
                    ),
                    lspan,
                ));
            }
        };
        if let Some(i) = lookup_name(word, table) {
            if !p.allows(Forms::NAMES) || (word.len() > 3 && !p.allows(Forms::FULL_NAMES)) {
                return Err(p.unsupported("a name", lspan).help(format!(
                    "write the number{}",
                    if word.len() > 3 {
                        " or the three-letter abbreviation"
                    } else {
                        ""
                    }
                )));
            }
            let value = match p.kind {
                FieldKind::Month => i as u16 + 1,
                _ => p.profile.dow.name_value(i as u8),
            };
            return Ok(Val {
                value,
                named: true,
                span: lspan,
            });
        }
        // `FRIL` / `fridayL`: a day name followed by the `L` suffix
        if p.kind == FieldKind::DayOfWeek && word.len() > 3 && word.ends_with(['L', 'l']) {
            if let Some(i) = lookup_name(&word[..word.len() - 1], table) {
                c.i -= 1; // leave the `L` for the caller
                let value = p.profile.dow.name_value(i as u8);
                return Ok(Val {
                    value,
                    named: true,
                    span: Span::new(lspan.start, lspan.end - 1),
                });
            }
        }
        // A valid 3-letter prefix followed by junk: Quartz reads the prefix and ignores the rest.
        let prefix_ok = word.len() > 3 && lookup_name(&word[..3], table).is_some();
        let what = if p.kind == FieldKind::Month {
            "month"
        } else {
            "day"
        };
        let mut d = p.err(
            "unknown-name",
            format!("`{word}` is not a {what} name"),
            lspan,
        );
        if prefix_ok && p.is_quartz() {
            d = d.help(format!(
                "Quartz reads only the first three letters and silently ignores `{}`; write `{}`",
                &word[3..],
                p.fixed(lspan, &word[..3].to_ascii_uppercase())
            ));
        } else {
            let full = if p.allows(Forms::FULL_NAMES) {
                " (or full English names)"
            } else {
                ""
            };
            d = d.help(if p.kind == FieldKind::Month {
                format!("months are JAN–DEC{full}, or 1–12")
            } else {
                format!("days are SUN–SAT{full}, or {}", p.profile.dow.describe())
            });
        }
        return Err(d);
    }
    let _ = start;
    // neither a number nor a name
    let at = c.abs();
    let ch = p.text[at..].chars().next();
    match ch {
        None => Err(p.err(
            "missing-value",
            format!("a value is missing in the {} field", p.kind.name()),
            Span::new(at.saturating_sub(1), at),
        )),
        Some(ch) => {
            let chspan = Span::new(at, at + ch.len_utf8());
            let d = p.err(
                "unexpected-character",
                format!(
                    "unexpected character `{}` in the {} field",
                    ch.escape_debug(),
                    p.kind.name()
                ),
                chspan,
            );
            Err(if ch == '/' {
                d.help(format!(
                    "a step needs a start: `*/n` or `a/n`, e.g. `{}`",
                    p.fixed(span, &format!("*{}", span.slice(p.text)))
                ))
            } else {
                d
            })
        }
    }
}

/// Letters in day-of-month where a special form was meant: `WL` (→ `LW`),
/// `W1` (→ `1W`), `20-L` (→ `20-31`, every day from the 20th to the last).
fn dom_letters(p: &FieldParser, item: Span, word: &str, lspan: Span) -> Diagnostic {
    let item_text = item.slice(p.text);
    let d = p.err(
        "unexpected-name",
        format!("`{word}` is not a day of the month"),
        lspan,
    );
    let upper = item_text.to_ascii_uppercase();
    let fixed = if upper == "WL" {
        Some((
            "the last weekday of the month is written `LW`",
            "LW".to_string(),
        ))
    } else if let Some(n) = upper
        .strip_prefix('W')
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        Some((
            "the weekday nearest a day is written day first",
            format!("{n}W"),
        ))
    } else {
        upper
            .strip_suffix("-L")
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .map(|n| {
                (
                    "a range to the last day of the month ends at 31 (shorter months end at their last day)",
                    format!("{n}-31"),
                )
            })
    };
    match fixed {
        Some((why, item_fix)) => d.help(format!("{why}: `{}`", p.fixed(item, &item_fix))),
        None => d.help("day-of-month takes 1–31, `L` (last day), `L-n`, `LW` (last weekday) or `nW` (weekday nearest day n)"),
    }
}

fn parse_step(
    p: &FieldParser,
    c: &mut Cursor,
    span: Span,
    base: StepBase,
    is_range: bool,
) -> Result<u16, Diagnostic> {
    let slash = c.abs() - 1;
    let Some((n, nspan)) = c.digits() else {
        return Err(p.err(
            "bad-step",
            "`/` must be followed by a step (a whole number)",
            Span::new(slash, span.end),
        ));
    };
    if !c.at_end() {
        let done = &p.text[span.start..c.abs()];
        return Err(trailing_junk(p, c, span, done));
    }
    if n == 0 {
        let quartz_does = match base {
            StepBase::Any => "fires on every value (as `*`)".to_string(),
            StepBase::From(a) | StepBase::Range(a, _) => format!("fires only at {a}"),
        };
        let suggestion = match base {
            StepBase::Any => p.fixed(span, "*"),
            StepBase::From(a) | StepBase::Range(a, _) => p.fixed(span, &a.to_string()),
        };
        let help = if p.is_quartz() {
            format!("Quartz accepts this and {quartz_does}; say what you mean: `{suggestion}`")
        } else {
            format!("say what you mean: `{suggestion}`")
        };
        return Err(p
            .err("step-zero", "a step of 0 never advances", nspan)
            .help(help));
    }
    let (_, max) = p.bounds();
    if !is_range && p.kind != FieldKind::Year && n > max as u32 && !p.allows(Forms::STEP_BEYOND_MAX)
    {
        // Quartz rejects `*/60` in seconds ("Increment > 60"), `*/24` in hours, ...
        return Err(p
            .err(
                "step-too-large",
                format!(
                    "step {} is larger than the {} field's maximum {max}",
                    nspan.slice(p.text),
                    p.kind.name()
                ),
                nspan,
            )
            .help(format!(
                "a step of {} would fire once per {}; write the single value instead, e.g. `{}`",
                nspan.slice(p.text),
                match p.kind {
                    FieldKind::Second => "minute",
                    FieldKind::Minute => "hour",
                    FieldKind::Hour => "day",
                    FieldKind::DayOfMonth | FieldKind::DayOfWeek => "month",
                    _ => "year",
                },
                p.fixed(
                    span,
                    &match base {
                        StepBase::From(a) => a.to_string(),
                        _ => p.bounds().0.to_string(),
                    }
                )
            )));
    }
    if n > p.profile.max_step as u32 && n <= u16::MAX as u32 {
        return Err(p.err(
            "step-too-large",
            format!(
                "step {} is too large: {} reads steps up to {}",
                nspan.slice(p.text),
                p.profile.display,
                p.profile.max_step
            ),
            nspan,
        ));
    }
    if n > u16::MAX as u32 {
        return Err(p.err(
            "step-too-large",
            format!(
                "step {} is too large for the {} field",
                nspan.slice(p.text),
                p.kind.name()
            ),
            nspan,
        ));
    }
    if let StepBase::From(a) = base {
        check_step_start(
            p,
            Val {
                value: a,
                named: false,
                span: Span::new(span.start, slash),
            },
        )?;
    }
    Ok(n as u16)
}

fn name_step(p: &FieldParser, span: Span, a: Val, b: Option<Val>) -> Diagnostic {
    let what = match b {
        Some(_) => "a range of names",
        None => "a name",
    };
    if b.is_none() && p.kind == FieldKind::DayOfWeek {
        // `FRI/2` reads as "every other Friday", which no cron can say (it has no
        // week numbers); the numbers `5/2` would step through the week instead.
        let name = WEEKDAY_NAMES[weekday_of(p.dialect, a.value) as usize];
        let step_text = span.slice(p.text).rsplit('/').next().unwrap_or("");
        let numbers = format!("{}/{step_text}", a.value);
        let (max, quartz) = (p.bounds().1, p.is_quartz());
        let mut days = Vec::new();
        let step: u32 = step_text.parse().unwrap_or(u32::MAX).max(1);
        let mut v = a.value as u32;
        while v <= max as u32 {
            days.push(WEEKDAY_NAMES[weekday_of(p.dialect, v as u16) as usize]);
            v = v.saturating_add(step);
        }
        return p
            .err("step-on-name", format!("a step cannot follow {what}"), span)
            .help(format!(
                "cron cannot fire on every other {name} (it counts no weeks){}; for every {name} write `{}`, while `{numbers}` steps through the week's numbers: {} ({DIFFERENT})",
                if quartz { ", and Quartz silently ignores the step" } else { "" },
                p.fixed(span, a.span.slice(p.text)),
                days.join(", "),
                DIFFERENT = fix::DIFFERENT,
            ));
    }
    let to_num = |v: Val| v.value.to_string();
    let numeric = match b {
        Some(b) => format!("{}-{}", to_num(a), to_num(b)),
        None => to_num(a),
    };
    let step_text = span.slice(p.text).rsplit('/').next().unwrap_or("");
    let suggestion = p.fixed(span, &format!("{numeric}/{step_text}"));
    p.err("step-on-name", format!("a step cannot follow {what}"), span)
        .help(format!(
            "{}; write the numbers: `{suggestion}`{}",
            match (p.is_quartz(), b.is_some()) {
                (true, true) =>
                    "Quartz silently ignores the step and fires on every value of the range"
                        .to_string(),
                (true, false) =>
                    "Quartz silently ignores the step and fires on every matching value".to_string(),
                (false, _) => format!(
                    "{} reads a step only after numbers or `*`",
                    p.profile.display
                ),
            },
            if p.kind == FieldKind::DayOfWeek && p.is_quartz() {
                " (or list the days, e.g. `MON,WED,FRI`)"
            } else {
                ""
            }
        ))
}

/// The start of `a/n`. In the year field Quartz counts from any year, so `1/2`
/// is every odd year and `1969/2` the same: only the years the step reaches in
/// 1970–2199 fire. Elsewhere the start is a value of the field.
fn check_step_start(p: &FieldParser, v: Val) -> Result<(), Diagnostic> {
    if p.kind == FieldKind::Year && v.value < MIN_YEAR {
        return Ok(());
    }
    check_range(p, v)
}

/// fugit's `d%m` and `d%m+p` (the cursor is on the `%`): one weekday every m-th
/// week, the weeks counted from 2019-01-01 (fugit `weekday_modulo_match?`,
/// et-orbi `EoTime#rweek`).
fn parse_week_modulo(
    p: &FieldParser,
    c: &mut Cursor,
    span: Span,
    a: Val,
) -> Result<ItemKind, Diagnostic> {
    let at = c.abs();
    c.eat(b'%');
    check_range(p, a)?;
    let number = |c: &mut Cursor, what: &str| -> Result<(u32, Span), Diagnostic> {
        let Some((n, nspan)) = c.digits() else {
            return Err(p
                .err(
                    "bad-modulo",
                    format!("`%` must be followed by a number of weeks{what}"),
                    Span::new(at, span.end),
                )
                .help(format!(
                    "e.g. `{}` for every other week",
                    p.fixed(span, &format!("{}%2", a.span.slice(p.text)))
                )));
        };
        if n > u16::MAX as u32 {
            return Err(p.err(
                "bad-modulo",
                format!(
                    "`{}` is too large: cronkit reads up to {} weeks (1970–2199 has about 12 000)",
                    nspan.slice(p.text),
                    u16::MAX
                ),
                nspan,
            ));
        }
        Ok((n, nspan))
    };
    let (every, espan) = number(c, "")?;
    let plus = if c.eat(b'+') {
        number(c, " after `+`")?.0
    } else {
        0
    };
    if !c.at_end() {
        return Err(trailing_junk(p, c, span, &p.text[span.start..c.abs()]));
    }
    // `%0` is checked with the rest of the list (`check_same_weekday_specials`):
    // fugit never evaluates it when a plain item names the same weekday
    let _ = espan;
    Ok(ItemKind::WeekModulo {
        day: a.value,
        every: every as u16,
        plus: plus as u16,
    })
}

fn check_range(p: &FieldParser, v: Val) -> Result<(), Diagnostic> {
    let (min, max) = p.bounds();
    if v.value < min || v.value > max {
        return Err(out_of_range(p, v));
    }
    Ok(())
}

fn out_of_range(p: &FieldParser, v: Val) -> Diagnostic {
    let (min, max) = p.bounds();
    let text = v.span.slice(p.text);
    let mut d = p.err(
        "value-out-of-range",
        format!("{} {text} is out of range {min}–{max}", p.kind.name()),
        v.span,
    );
    let dow = p.profile.dow;
    if p.kind == FieldKind::DayOfWeek && (1000..=9999).contains(&v.value) {
        d = year_in_day_of_week(p, v, d);
    } else if p.kind == FieldKind::DayOfWeek && v.value == 0 && dow.sunday == 1 {
        d = d.help(format!(
            "{} numbers days 1–7 with 1 = Sunday; write `1` or `SUN`: `{}`",
            p.profile.display,
            p.fixed(v.span, "1")
        ));
    } else if p.kind == FieldKind::DayOfWeek && v.value == 7 && dow.sunday == 0 {
        d = d.help(format!(
            "{} reads day-of-week 0–6; write `0` for Sunday: `{}`",
            p.profile.display,
            p.fixed(v.span, "0")
        ));
    } else if p.kind == FieldKind::DayOfWeek {
        d = d.help(format!(
            "{} numbers days {}",
            p.profile.display,
            dow.describe()
        ));
    } else if p.kind == FieldKind::Year {
        d = d.help(format!(
            "cronkit evaluates years {MIN_YEAR}–{MAX_YEAR} (the portable OCPS range)"
        ));
    } else if p.kind == FieldKind::Hour && v.value == 24 {
        d = d.help("midnight is hour 0");
    }
    d
}

/// `* * * * * 2013`: five Unix fields and a year. With six fields the first is
/// the seconds, so the year lands in day-of-week; a year needs the seventh place.
fn year_in_day_of_week(p: &FieldParser, v: Val, d: Diagnostic) -> Diagnostic {
    let before = p.text[..v.span.start].trim();
    let after = p.text[v.span.end..].trim();
    let unix_part = before.split([' ', '\t']).filter(|w| !w.is_empty()).count();
    let year = v.span.slice(p.text);
    let mut d = d;
    d.message = format!(
        "{} — a 4-digit last field looks like a year, but 6 fields start with seconds (second minute hour day-of-month month day-of-week)",
        d.message
    );
    if unix_part != 5 || !after.is_empty() {
        return d.help(
            "a year is the 7th field: second minute hour day-of-month month day-of-week year",
        );
    }
    match fix::unix_as_quartz(before) {
        Some(q) if q.len() == 1 => d.help(format!(
            "a year is the 7th field; with seconds first: `{} {year}` (Quartz), or `0 {before} {year}` with `--dialect unix`",
            q[0]
        )),
        _ => d.help(format!(
            "a year is the 7th field; with seconds first: `0 {before} {year}` with `--dialect unix`"
        )),
    }
}

fn check_range_order(p: &FieldParser, a: Val, b: Val) -> Result<(), Diagnostic> {
    if a.value <= b.value {
        return Ok(());
    }
    let span = Span::new(a.span.start, b.span.end);
    if p.kind == FieldKind::Year {
        return Err(p
            .err(
                "reversed-range",
                format!("year range {}-{} runs backwards", a.value, b.value),
                span,
            )
            .help(format!("write `{}-{}`", b.value, a.value)));
    }
    if !p.allows(Forms::WRAP_RANGES) {
        let (min, max) = p.bounds();
        return Err(p
            .err(
                "reversed-range",
                format!(
                    "range {} runs backwards; {} has no wrap-around ranges",
                    span.slice(p.text),
                    p.profile.display
                ),
                span,
            )
            .help(format!(
                "split it: `{}-{},{}-{}`",
                a.value, max, min, b.value
            )));
    }
    Ok(())
}

fn trailing_junk(p: &FieldParser, c: &Cursor, span: Span, done: &str) -> Diagnostic {
    let junk = Span::new(c.abs(), span.end);
    let junk_text = junk.slice(p.text);
    p.err(
        "trailing-characters",
        format!("unexpected `{junk_text}` after `{done}`"),
        junk,
    )
    .help(if p.is_quartz() {
        format!(
            "Quartz silently ignores text after a value; write `{}`",
            p.fixed(span, done)
        )
    } else {
        format!("write `{}`", p.fixed(span, done))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found while hardening: a message quoted the whole rest of a field, so a
    /// 80 KB field gave an 80 KB message.
    #[test]
    fn messages_cut_long_quotes() {
        let text = format!("0 0 0 ? * {}", "MON-".repeat(20_000));
        let d = Expr::parse(&text, DialectChoice::Auto).unwrap_err();
        assert!(d.message.len() < 400, "{} bytes", d.message.len());
        assert!(d.help.as_deref().map_or(0, str::len) < 400);
        assert!(d.render().len() < 2_000);
        // short quotes are untouched
        let d = Expr::parse("0 0 12 1 * MONX", DialectChoice::Auto).unwrap_err();
        assert!(!d.message.contains('…'), "{}", d.message);
    }

    /// Found while hardening: numbers too big for the parser's integers were quoted
    /// saturated (`#4294967295` for `#99999999999`) instead of as written.
    #[test]
    fn messages_quote_huge_numbers_as_written() {
        for (text, quoted) in [
            ("0 0 0 ? * 1#99999999999", "#99999999999"),
            ("0 0 0 L-99999999999 * ?", "L-99999999999"),
            ("0 0 0 L-99999999999W * ?", "L-99999999999"),
            ("0/99999999999 * * * * ?", "step 99999999999"),
            ("*/4294967297 * * * *", "step 4294967297"),
            ("0 0 0 1 1 ? 1970/99999999999", "step 99999999999"),
        ] {
            let d = Expr::parse(text, DialectChoice::Auto).unwrap_err();
            assert!(d.message.contains(quoted), "{text}: {}", d.message);
            assert!(!d.message.contains("4294967295"), "{text}: {}", d.message);
        }
    }

    /// Found while hardening: a message quoted control characters from the input
    /// raw (`unexpected `ESC[31m` after `0``), which a terminal would obey.
    #[test]
    fn messages_escape_control_characters() {
        for text in [
            "0 0 0\x1b[31m ? * MON",
            "0 0 0 ? * MON\x07",
            "@daily\x1b[2J",
            "0 0 0 ? * MON\n::error::x",
        ] {
            for choice in [
                DialectChoice::Auto,
                DialectChoice::Quartz,
                DialectChoice::Unix,
            ] {
                let d = Expr::parse(text, choice).unwrap_err();
                let shown = format!("{}{}", d.message, d.help.as_deref().unwrap_or(""));
                assert!(
                    !shown.chars().any(|c| c.is_control() && c != '\t'),
                    "{text:?}: {shown:?}"
                );
                assert!(!d.render().contains('\x1b'), "{text:?}");
            }
        }
    }

    fn q(s: &str) -> Result<Expr, Diagnostic> {
        Expr::parse(s, DialectChoice::Quartz)
    }
    fn u(s: &str) -> Result<Expr, Diagnostic> {
        Expr::parse(s, DialectChoice::Unix)
    }
    fn code(r: Result<Expr, Diagnostic>) -> &'static str {
        r.err().map(|d| d.code).unwrap_or("ok")
    }

    #[test]
    fn auto_picks_by_field_count() {
        assert_eq!(
            Expr::parse("* * * * *", DialectChoice::Auto)
                .unwrap()
                .dialect,
            Dialect::Unix
        );
        assert_eq!(
            Expr::parse("0 * * * * ?", DialectChoice::Auto)
                .unwrap()
                .dialect,
            Dialect::Quartz
        );
        assert_eq!(
            Expr::parse("@daily", DialectChoice::Auto).unwrap().dialect,
            Dialect::Unix
        );
    }

    #[test]
    fn auto_failure_names_the_other_dialect() {
        let d = Expr::parse("0 0 12 * * *", DialectChoice::Auto).unwrap_err();
        assert_eq!(d.code, "both-day-fields");
        assert!(d.help.clone().unwrap().contains("--dialect unix"));
    }

    #[test]
    fn strictness_rejections() {
        for (e, c) in [
            ("0 0/0 * * * ?", "step-zero"),
            ("*/0 * * * * ?", "step-zero"),
            ("0 0 12 ? * MON-FRI/2", "step-on-name"),
            ("0 0 0 ? * MON/2", "step-on-name"),
            ("0 0 12 1W,15W * ?", "w-in-list"),
            ("0 0 0 5,10W * ?", "w-in-list"),
            ("0 0 12 1-5W * ?", "w-on-range"),
            ("0 0 0 ? * 1-3L", "l-on-range"),
            ("0 0 0 ? * 2,6#3", "hash-in-list"),
            ("0 0 0 ? * MON#2,3", "hash-in-list"),
            ("0 0 0 ? * 1-3#2", "hash-on-range"),
            ("0 0 0 1X * ?", "trailing-characters"),
            ("0 0 0 1 JANXYZ ?", "unknown-name"),
            ("0 0 0 ? * MONXYZ", "unknown-name"),
            ("0 0 0 * * ?X", "trailing-characters"),
            ("0 0 0 ? * 5L-2", "trailing-characters"),
            ("0 0 0 ,1 * ?", "empty-list-item"),
            ("0 0 0 1,,2 * ?", "empty-list-item"),
            ("0 0 0 * * ? 2026 extra", "too-many-fields"),
            ("*/60 * * * * ?", "step-too-large"),
            ("0 0 0 ? * MON-5", "mixed-range"),
            ("0 0 0 ? * 0#1", "value-out-of-range"),
            ("0 0 0 ? * L-2", "trailing-characters"),
            ("0 0 0 1 1 ? 2030-2028", "reversed-range"),
            ("0 0 0 1 1 ? 1969", "value-out-of-range"),
            ("0 0 0 1 1 ? 2200", "value-out-of-range"),
            ("0 0 0 ? * MONDAY-FRIDAY", "full-name-in-expression"),
            ("0 0 0 ? * MONDAY#2", "full-name-in-expression"),
            ("0 0 0 ? * FRIDAYL", "full-name-in-expression"),
            ("0 0 0 1 JANUARY-MARCH ?", "full-name-in-expression"),
            ("0 0 13 ? * L,2", "special-day-in-list"),
            ("0 0 0 ? * *-5", "trailing-characters"),
            ("0 0 0 1-2-3 * ?", "trailing-characters"),
            ("0 0 12 1 * MON", "both-day-fields"),
            ("0 0 0 ? * ?", "both-day-fields-unspecified"),
            ("", "empty-expression"),
        ] {
            assert_eq!(code(q(e)), c, "{e}");
        }
    }

    #[test]
    fn quartz_accepts_sensible_forms() {
        for e in [
            "0 0 12 LW * ?",
            "0 0 12 L-3 * ?",
            "0 0 12 L-3W * ?",
            "0 0 12 15W * ?",
            "0 0 12 ? * 5L",
            "0 0 12 ? * FRIL",
            "0 0 12 ? * 2#5",
            "0 0 12 ? * L",
            "0 0 23-1 * * ?",
            "0 0 0 ? NOV-FEB *",
            "0 0 0 ? * SAT-MON",
            "0 0 0 ? * MONDAY",
            "0 0 0 1 January ?",
            "0 0 0 1-31/40 * ?",
            "\t0 0 0 * * ?\t",
            "0 0 0 10-5/3 * ?",
            "0 0 0 1 1 ? */50",
            "0 0 0 1 1 ? 2199",
            "0 0 0 ? * 1#1",
            "0 0 0 l * ?",
            "0 0 0 ? * MON-FRIDAY",
            "0 /5 * * * ?",
            "0 0 0 L-0 * ?",
        ] {
            assert!(q(e).is_ok(), "{e}: {:?}", q(e).err());
        }
    }

    #[test]
    fn unix_forms() {
        for e in [
            "0 12 1 * MON",
            "0 12 1 * +MON",
            "0 0 * * FRI#L",
            "0 0 * * 5L",
            "0 0 L * *",
            "0 12 15W * *",
            "30 15 10 * * *",
            "0 15 10 * * * 2025",
            "0 0 0 1 1 * 1970-2199/2",
            "0 0 ? * *",
            "* * 31 2 *",
            "0 0 * * 7",
            "0 0 1,L * *",
        ] {
            assert!(u(e).is_ok(), "{e}: {:?}", u(e).err());
        }
        for (e, c) in [
            ("60 0 * * *", "value-out-of-range"),
            ("0 0 10-5 * *", "reversed-range"),
            ("0 0 /30 * *", "unexpected-character"),
            ("@Daily", "unknown-nickname"),
            ("@daily 0 0 * * *", "nickname-with-fields"),
            ("0 12 1-15W * *", "w-on-range"),
            ("0 12 +1 * MON", "unexpected-character"),
            ("? 12 * * *", "question-mark-not-allowed"),
        ] {
            assert_eq!(code(u(e)), c, "{e}");
        }
    }

    #[test]
    fn spans_point_at_the_problem() {
        let d = q("0 0 12 1 * MON").unwrap_err();
        assert_eq!(d.spans, vec![Span::new(7, 8), Span::new(11, 14)]);
        let r = d.render();
        assert!(r.contains("error[both-day-fields]"), "{r}");
        assert!(
            r.contains("  | 0 0 12 1 * MON\n  |        ^   ^^^\n"),
            "{r}"
        );
        assert!(r.contains("`0 0 12 1 * ?` or `0 0 12 ? * MON`"), "{r}");
    }

    #[test]
    fn field_kinds_and_values() {
        let e = q("0 15 10 ? * MON-FRI").unwrap();
        assert_eq!(
            e.field(FieldKind::DayOfWeek).items[0].kind,
            ItemKind::Range(2, 6)
        );
        assert!(e.field(FieldKind::Year).implicit);
        let e = u("*/15 9-17 * * 1-5").unwrap();
        assert!(e.field(FieldKind::Second).implicit);
        assert_eq!(
            e.field(FieldKind::DayOfWeek).items[0].kind,
            ItemKind::Range(1, 5)
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "\u{0}",
            "é é é é é ?",
            "0 0 0 ? * #",
            "0 0 0 ? * 5#",
            "0 0 0 L- * ?",
            "0 0 0 W * ?",
            "0 0 0 L W ?",
            "-",
            "0 0 0 ? * -",
            "0 0 0 1- * ?",
            "99999999999999999999 * * * * ?",
            "0 0 0 1/99999999999 * ?",
            "0 0 0 ? * 1#99999999999",
        ] {
            let _ = Expr::parse(s, DialectChoice::Auto);
            let _ = q(s);
            let _ = u(s);
        }
        let huge = "1,".repeat(5000) + "1";
        assert_eq!(code(q(&format!("0 0 0 {huge} * ?"))), "too-many-items");
        let many = "* ".repeat(10000);
        assert_eq!(
            code(Expr::parse(&many, DialectChoice::Auto)),
            "too-many-fields"
        );
    }
}
