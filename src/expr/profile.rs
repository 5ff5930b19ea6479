//! Platform profiles: what each scheduler accepts in a cron expression and how it
//! reads it, as one row of data per platform.
//!
//! The parser ([`crate::expr`]), the compiler and search ([`crate::schedule`]),
//! the descriptions ([`crate::describe`]), the lints ([`crate::lint`]), convert's
//! writers and the CLI help all read a [`Profile`]; none of them branches on the
//! platform's name. Adding a platform means adding a row to [`PROFILES`] (and a
//! variant to [`Dialect`] to name it), plus the tests that pin it to its source.
//!
//! | profile | platform | fields | day-of-week | day fields |
//! |---|---|---|---|---|
//! | `quartz` | Quartz 2.3.2, Elasticsearch Watcher, Nuxeo | `s m h dom mon dow [y]` | 1–7, 1 = SUN | one must be `?` |
//! | `unix` | Vixie/ISC cron, cronie, OCPS 1.4 | `[s] m h dom mon dow [y]` | 0–7, 0 and 7 = SUN | OR (Vixie's `*` rule) |
//! | `k8s` | Kubernetes CronJob (robfig/cron v3.0.1) | `m h dom mon dow` | 0–6, 0 = SUN | OR (robfig's `*` rule) |
//! | `github` | GitHub Actions `on.schedule` | `m h dom mon dow` | 0–6, 0 = SUN | OR (Vixie's `*` rule) |
//! | `gitlab` | GitLab pipeline schedules (fugit 1.5) | `[s] m h dom mon dow` | 0–7, 0 and 7 = SUN | OR (fugit's `*` rule) |
//! | `eventbridge` | AWS EventBridge / CloudWatch Events | `m h dom mon dow y` | 1–7, 1 = SUN | one must be `?` |
//! | `spring` | Spring 5.3+ `CronExpression` | `s m h dom mon dow` | 0–7, 0 and 7 = SUN | AND |
//! | `jenkins` | Jenkins build triggers (`H` hashed per job) | `m h dom mon dow` | 0–7, 0 and 7 = SUN | AND |
//!
//! `docs/profiles.md` is checked against this table by `tests/profiles_doc.rs`.

use std::fmt;
use std::str::FromStr;

use super::{FieldKind, Nickname};
use crate::schedule::DstPolicy;

/// A platform whose cron text cronkit reads (a row of [`PROFILES`]).
///
/// `Quartz` and `Unix` are the two historical dialects; the others are platform
/// profiles. [`Dialect::profile`] gives the row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dialect {
    /// Quartz 2.x (Elasticsearch Watcher, Nuxeo): 6–7 fields with seconds, `?`, SUN=1.
    Quartz,
    /// Vixie/ISC cron with the OCPS extensions: 5–7 fields, SUN=0 or 7, nicknames.
    Unix,
    /// Kubernetes CronJob: robfig/cron v3.0.1 `ParseStandard` plus Kubernetes' validation.
    K8s,
    /// GitHub Actions `on.schedule[].cron`: POSIX 5 fields.
    Github,
    /// GitLab pipeline schedules: fugit 1.5.
    Gitlab,
    /// AWS EventBridge / CloudWatch Events `cron(...)` and `rate(...)`.
    Eventbridge,
    /// Spring Framework 5.3+ `CronExpression`: 6 fields, both day fields AND-ed.
    Spring,
    /// Jenkins build triggers (`hudson.scheduler.CronTab`): 5 numeric fields, `H`
    /// hashed per job (see [`crate::jenkins`]), both day fields AND-ed.
    Jenkins,
}

impl Dialect {
    /// Every dialect, in the order of [`PROFILES`].
    pub const ALL: [Dialect; 8] = [
        Dialect::Quartz,
        Dialect::Unix,
        Dialect::K8s,
        Dialect::Github,
        Dialect::Gitlab,
        Dialect::Eventbridge,
        Dialect::Spring,
        Dialect::Jenkins,
    ];

    /// The profile row of this dialect.
    pub fn profile(self) -> &'static Profile {
        &PROFILES[self as usize]
    }

    /// The CLI name (`k8s`).
    pub fn name(self) -> &'static str {
        self.profile().name
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not a profile.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown dialect `{0}`: expected auto, {names}", names = profile_names())]
pub struct UnknownDialect(pub String);

fn profile_names() -> String {
    PROFILES
        .iter()
        .map(|p| p.name)
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Dialect {
    type Err = UnknownDialect;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PROFILES
            .iter()
            .find(|p| {
                p.name.eq_ignore_ascii_case(s)
                    || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(s))
            })
            .map(|p| p.dialect)
            .ok_or_else(|| UnknownDialect(s.to_string()))
    }
}

/// Special forms and leniencies a profile accepts, as a bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Forms(u32);

impl Forms {
    /// Nothing beyond `*`, lists, ranges and `*/n`, `a-b/n`.
    pub const NONE: Forms = Forms(0);
    /// Day-of-month `L` (the last day).
    pub const LAST_DAY: Forms = Forms(1 << 0);
    /// Day-of-month `L-n` (n days before the last day).
    pub const LAST_OFFSET: Forms = Forms(1 << 1);
    /// Day-of-month `LW` (the last weekday of the month).
    pub const LAST_WEEKDAY: Forms = Forms(1 << 2);
    /// Day-of-month `L-nW`.
    pub const LAST_OFFSET_WEEKDAY: Forms = Forms(1 << 3);
    /// Day-of-month `nW` (the weekday nearest day n).
    pub const NEAREST_WEEKDAY: Forms = Forms(1 << 4);
    /// Day-of-week `nL` (the last weekday n of the month).
    pub const LAST_OF_WEEKDAY: Forms = Forms(1 << 5);
    /// Day-of-week `n#k` (the k-th weekday n of the month).
    pub const NTH_WEEKDAY: Forms = Forms(1 << 6);
    /// Day-of-week `n#L` (= `nL`).
    pub const NTH_LAST: Forms = Forms(1 << 7);
    /// Day-of-week `L` alone: Saturday, the last day of the week (Quartz, EventBridge).
    pub const SATURDAY_L: Forms = Forms(1 << 8);
    /// `/n` without a start means `*/n` (Quartz).
    pub const BARE_SLASH: Forms = Forms(1 << 9);
    /// Ranges may wrap past the maximum (`22-2`, `SAT-MON`).
    pub const WRAP_RANGES: Forms = Forms(1 << 10);
    /// Steps after a single name (`MON/2`: from Monday to the end of the week).
    pub const NAME_STEPS: Forms = Forms(1 << 11);
    /// Steps after a range of names (`JAN-AUG/2`).
    pub const NAME_RANGE_STEPS: Forms = Forms(1 << 23);
    /// Ranges mixing a name and a number (`mon-7`, `0-fri`).
    pub const MIXED_RANGES: Forms = Forms(1 << 12);
    /// A `+` before the day-of-week forces AND with day-of-month (OCPS).
    pub const PLUS_AND: Forms = Forms(1 << 13);
    /// Full English names (`SUNDAY`, `January`) besides the abbreviations.
    pub const FULL_NAMES: Forms = Forms(1 << 14);
    /// `?` in the day fields.
    pub const QUESTION_DAYS: Forms = Forms(1 << 15);
    /// `?` in every field and in lists, meaning `*` (robfig).
    pub const QUESTION_ANY_FIELD: Forms = Forms(1 << 16);
    /// A step larger than the field's range (`*/60` in minutes fires at minute 0).
    pub const STEP_BEYOND_MAX: Forms = Forms(1 << 17);
    /// `a/n` (from a to the field's maximum).
    pub const START_STEP: Forms = Forms(1 << 18);
    /// Names in month and day-of-week at all.
    pub const NAMES: Forms = Forms(1 << 19);
    /// Jenkins `H` (hashed values): reserved for the `jenkins` profile.
    pub const HASH_H: Forms = Forms(1 << 20);
    /// `L`, `W`, `#` items may share a list with other items (`1,L`, `MON#1,FRI`).
    pub const SPECIAL_IN_LISTS: Forms = Forms(1 << 21);
    /// The platform reads only the first three letters of a full name and skips
    /// the rest of the item (Quartz): a full name must stand alone.
    pub const FULL_NAME_ALONE: Forms = Forms(1 << 22);

    /// Day-of-month `-n` (n-th day from the end, `-1` = the last) and the word
    /// `last` for `L` (fugit).
    pub const NEGATIVE_DAYS: Forms = Forms(1 << 24);

    /// Day-of-week `d#-k`, k = 2..=5: the k-th such weekday from the end of the
    /// month (fugit; `d#-1` is [`Forms::NEGATIVE_DAYS`]).
    pub const NTH_FROM_END: Forms = Forms(1 << 25);
    /// Day-of-week `d%m` and `d%m+p`: weekday d in every m-th week, the weeks
    /// counted from 2019-01-01 (fugit).
    pub const WEEK_MODULO: Forms = Forms(1 << 26);

    /// Both sets together.
    pub const fn with(self, other: Forms) -> Forms {
        Forms(self.0 | other.0)
    }
    /// Every form of `other` is in `self`.
    pub const fn has(self, other: Forms) -> bool {
        self.0 & other.0 == other.0
    }
}

/// Text a platform accepts and then reads differently from what it says: cronkit
/// rejects it under that profile and says what the platform would do (as it does
/// for Quartz's, see `docs/quartz.md`). A bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Misreads(u32);

impl Misreads {
    pub const NONE: Misreads = Misreads(0);
    /// `a/1` is `a` alone, not `a` to the end of the field (fugit `expand`).
    pub const START_STEP_ONE: Misreads = Misreads(1 << 0);
    /// Day-of-week `a/n` is `a` alone (fugit `determine_weekdays`).
    pub const DOW_START_STEP: Misreads = Misreads(1 << 1);
    /// Day-of-week `a-b/n` with `a > b` is no day at all, so every day (fugit).
    pub const DOW_WRAP_STEP: Misreads = Misreads(1 << 2);
    /// Day-of-week `*` in a list is dropped: `*,MON` is Monday (fugit).
    pub const DOW_STAR_IN_LIST: Misreads = Misreads(1 << 3);
    /// Day-of-week `*/1` is a list of every day, which counts as restricted when the
    /// day fields combine (fugit), unlike `*`.
    pub const DOW_STAR_STEP_ONE: Misreads = Misreads(1 << 4);

    /// Two `#`/`%` day-of-week items for one weekday (and no plain item for it):
    /// fugit reads only the first in its sort order (`SUN#1,SUN#L` is the last
    /// Sunday alone).
    pub const DOW_SAME_DAY_SPECIALS: Misreads = Misreads(1 << 5);

    pub const fn with(self, other: Misreads) -> Misreads {
        Misreads(self.0 | other.0)
    }
    pub const fn has(self, other: Misreads) -> bool {
        self.0 & other.0 == other.0
    }
}

/// How a profile numbers the days of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DowNumbering {
    /// The number of Sunday (0 or 1); the week counts up from it.
    pub sunday: u16,
    /// The largest value accepted (6 or 7 with `sunday` 0, 7 with `sunday` 1).
    pub max: u16,
    /// Spring's reading: java.time's `DayOfWeek` (MON=1 … SUN=7) with 0 also
    /// Sunday. The names are 1–7 (`SUN` is 7: `CronField.DAYS`), `*` in a step
    /// covers 1–7 (`BitsCronField.parseRange` returns `DAY_OF_WEEK.range()`, so
    /// `*/2` is MON,WED,FRI,SUN), and a range that starts at 7 starts at 0 ("If
    /// used as a minimum in a range, Sunday means 0": `SUN-SAT` is every day).
    pub java_time: bool,
}

impl DowNumbering {
    /// The smallest value accepted.
    pub const fn min(self) -> u16 {
        self.sunday
    }
    /// 0 = Sunday … 6 = Saturday of a value in this numbering.
    pub const fn weekday(self, value: u16) -> u8 {
        ((value + 7 - self.sunday) % 7) as u8
    }
    /// The value of weekday `wd` (0 = Sunday).
    pub const fn value_of(self, wd: u8) -> u16 {
        wd as u16 + self.sunday
    }
    /// The value a day name stands for (`wd`: 0 = `SUN`): [`Self::value_of`],
    /// except that Spring's `SUN` is 7.
    pub const fn name_value(self, wd: u8) -> u16 {
        if self.java_time && wd == 0 {
            7
        } else {
            self.value_of(wd)
        }
    }
    /// Where `*` starts when it is stepped (`*/2`): the smallest value, or 1
    /// (Monday) in Spring.
    pub const fn star_step_from(self) -> u16 {
        if self.java_time {
            1
        } else {
            self.min()
        }
    }
    /// True when 7 is a second Sunday (0–7 numbering).
    pub const fn seven_is_sunday(self) -> bool {
        self.sunday == 0 && self.max == 7
    }
    /// "0–6 with 0 = Sunday", for messages and descriptions.
    pub fn describe(self) -> String {
        if self.java_time {
            "0–7 with 0 and 7 = Sunday; names `MON`=1 … `SUN`=7 (java.time), so `SUN/2` is Sunday alone; `*` in a step is 1–7 (`*/2` = MON,WED,FRI,SUN); a range from 7 starts at 0 (`SUN-SAT`, `7-1`)".to_string()
        } else if self.seven_is_sunday() {
            "0–7 with 0 and 7 = Sunday".to_string()
        } else if self.sunday == 0 {
            "0–6 with 0 = Sunday".to_string()
        } else {
            "1–7 with 1 = Sunday".to_string()
        }
    }
}

/// When a day field counts as "every day" for the OR rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StarRule {
    /// Vixie/ISC cron: the field's text starts with `*` (so `*/2` is unrestricted).
    TextStartsWithStar,
    /// robfig and fugit: some item is `*` (or `?`) without a step other than 1, so
    /// `*/2` counts as restricted.
    StarWithoutStep,
}

/// How the two day fields combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayFieldRule {
    /// Exactly one of them must be `?` (Quartz, EventBridge).
    OneMustBeQuestion,
    /// Both restricted: a day matching either fires; otherwise AND (Vixie's rule).
    Or(StarRule),
    /// A day must match both (Spring).
    And,
}

/// What a platform does with a `TZ=`/`CRON_TZ=` prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZonePrefix {
    /// Not part of the syntax (an ordinary parse error).
    NotSyntax,
    /// Recognised and rejected, with the platform's way to give a zone.
    Rejected(&'static str),
}

/// How the schedule is given to the platform around the expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrapper {
    /// The text is the expression.
    None,
    /// `cron(...)` around the fields (EventBridge). The platform's `rate(n unit)` is
    /// an interval schedule, not cron: [`Profile::interval`] says so.
    AwsCronOrRate,
}

/// An interval schedule a platform reads besides cron: it fires every so long,
/// counted from when the schedule starts, not at clock times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntervalSyntax {
    /// `@every <duration>` with a Go duration (`90s`, `1h30m`): robfig/cron's
    /// ConstantDelaySchedule, read to whole seconds.
    Every,
    /// `rate(value unit)`: a positive whole number of minutes, hours or days,
    /// the unit singular exactly when the value is 1 (AWS EventBridge).
    Rate,
}

impl IntervalSyntax {
    /// How the syntax is written, for messages and docs.
    pub fn example(self) -> &'static str {
        match self {
            IntervalSyntax::Every => "@every <duration>",
            IntervalSyntax::Rate => "rate(value unit)",
        }
    }

    /// When the platform starts counting, for notes: the text does not say.
    pub fn anchor(self) -> &'static str {
        match self {
            IntervalSyntax::Every => {
                "Kubernetes counts from the CronJob's creation, then from each scheduled time; robfig/cron from when the job is added"
            }
            IntervalSyntax::Rate => "EventBridge counts from when the rule is created",
        }
    }

    /// What the docs say about it (`docs/profiles.md`, the `interval` line).
    pub fn describe(self) -> &'static str {
        match self {
            IntervalSyntax::Every => {
                "`@every <duration>` (a Go duration: `90s`, `1h30m`), read to whole seconds; fires every so long counted from when the schedule is created"
            }
            IntervalSyntax::Rate => {
                "`rate(value unit)`: `minute`, `hour`, `day` for 1, `minutes`, `hours`, `days` otherwise; fires every so long counted from when the rule is created"
            }
        }
    }
}

/// Which fields an expression of `count` fields has, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub fields: &'static [FieldKind],
}

use FieldKind::{DayOfMonth as Dom, DayOfWeek as Dow, Hour, Minute, Month, Second, Year};

const FIVE: Layout = Layout {
    fields: &[Minute, Hour, Dom, Month, Dow],
};
const SIX_SECONDS: Layout = Layout {
    fields: &[Second, Minute, Hour, Dom, Month, Dow],
};
const SEVEN: Layout = Layout {
    fields: &[Second, Minute, Hour, Dom, Month, Dow, Year],
};
const AWS_SIX: Layout = Layout {
    fields: &[Minute, Hour, Dom, Month, Dow, Year],
};

/// One platform: what it accepts and how it evaluates it.
#[derive(Debug)]
pub struct Profile {
    pub dialect: Dialect,
    /// The CLI name (`--dialect k8s`).
    pub name: &'static str,
    /// Other accepted spellings of the name.
    pub aliases: &'static [&'static str],
    /// The platform, for messages: "Kubernetes".
    pub display: &'static str,
    /// One line for `--help`.
    pub summary: &'static str,
    /// The accepted field layouts (by field count).
    pub layouts: &'static [Layout],
    /// Day-of-week numbering.
    pub dow: DowNumbering,
    /// Special forms and leniencies.
    pub forms: Forms,
    /// Text the platform accepts and misreads; rejected with an explanation.
    pub misreads: Misreads,
    /// The largest step the platform reads.
    pub max_step: u16,
    /// How the day fields combine.
    pub day_fields: DayFieldRule,
    /// Nicknames accepted (`@daily`...), case-sensitive, alone.
    pub nicknames: &'static [Nickname],
    /// The interval schedule the platform reads besides cron (`@every 5m`,
    /// `rate(5 minutes)`), read by [`super::interval`].
    pub interval: Option<IntervalSyntax>,
    /// The year field's range when the layout has one.
    pub years: (u16, u16),
    /// A `TZ=`/`CRON_TZ=` prefix.
    pub zone_prefix: ZonePrefix,
    /// Text around the expression.
    pub wrapper: Wrapper,
    /// The shortest interval the platform runs (seconds), a lint.
    pub min_interval: Option<u32>,
    /// The DST behaviour of the platform's scheduler.
    pub default_dst: DstPolicy,
    /// Where `default_dst` comes from.
    pub dst_source: &'static str,
    /// Where the rest of the row comes from.
    pub source: &'static str,
}

impl Profile {
    /// The field layout for `count` written fields, if the profile has one.
    pub fn layout(&self, count: usize) -> Option<&'static [FieldKind]> {
        self.layouts
            .iter()
            .find(|l| l.fields.len() == count)
            .map(|l| l.fields)
    }

    /// "5", "5 or 6", "6 or 7", "5 to 7": the accepted field counts, for messages.
    pub fn field_counts(&self) -> String {
        let n: Vec<usize> = self.layouts.iter().map(|l| l.fields.len()).collect();
        match n.as_slice() {
            [a] => a.to_string(),
            [a, b] => format!("{a} or {b}"),
            [a, .., b] => format!("{a} to {b}"),
            [] => "no".to_string(),
        }
    }

    /// The fields of the longest layout, spelt out: "minute hour day-of-month month day-of-week".
    pub fn field_names(&self) -> String {
        let longest = self
            .layouts
            .iter()
            .max_by_key(|l| l.fields.len())
            .map(|l| l.fields)
            .unwrap_or(&[]);
        longest
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Does the profile accept `form`?
    pub fn allows(&self, form: Forms) -> bool {
        self.forms.has(form)
    }

    /// Has the profile a seconds field in some layout?
    pub fn has_seconds(&self) -> bool {
        self.layouts
            .iter()
            .any(|l| l.fields.contains(&FieldKind::Second))
    }

    /// Has the profile a year field in some layout?
    pub fn has_year(&self) -> bool {
        self.layouts
            .iter()
            .any(|l| l.fields.contains(&FieldKind::Year))
    }

    /// The smallest and largest value of `kind` as written in this profile.
    pub fn bounds(&self, kind: FieldKind) -> (u16, u16) {
        match kind {
            FieldKind::Second | FieldKind::Minute => (0, 59),
            FieldKind::Hour => (0, 23),
            FieldKind::DayOfMonth => (1, 31),
            FieldKind::Month => (1, 12),
            FieldKind::DayOfWeek => (self.dow.min(), self.dow.max),
            FieldKind::Year => self.years,
        }
    }
}

const ALL_NICKNAMES: &[Nickname] = &[
    Nickname::Yearly,
    Nickname::Annually,
    Nickname::Monthly,
    Nickname::Weekly,
    Nickname::Daily,
    Nickname::Midnight,
    Nickname::Hourly,
    Nickname::Reboot,
];
const CLOCK_NICKNAMES: &[Nickname] = &[
    Nickname::Yearly,
    Nickname::Annually,
    Nickname::Monthly,
    Nickname::Weekly,
    Nickname::Daily,
    Nickname::Midnight,
    Nickname::Hourly,
];

const QUARTZ_FORMS: Forms = Forms::LAST_DAY
    .with(Forms::LAST_OFFSET)
    .with(Forms::LAST_WEEKDAY)
    .with(Forms::LAST_OFFSET_WEEKDAY)
    .with(Forms::NEAREST_WEEKDAY)
    .with(Forms::LAST_OF_WEEKDAY)
    .with(Forms::NTH_WEEKDAY)
    .with(Forms::SATURDAY_L)
    .with(Forms::BARE_SLASH)
    .with(Forms::WRAP_RANGES)
    .with(Forms::FULL_NAMES)
    .with(Forms::QUESTION_DAYS)
    .with(Forms::START_STEP)
    .with(Forms::NAMES)
    .with(Forms::FULL_NAME_ALONE);

/// Every profile, indexed by [`Dialect`] (`PROFILES[d as usize].dialect == d`).
pub static PROFILES: [Profile; 8] = [
    Profile {
        dialect: Dialect::Quartz,
        name: "quartz",
        aliases: &["elasticsearch", "nuxeo"],
        display: "Quartz",
        summary: "Quartz / Elasticsearch / Nuxeo: sec min hour dom month dow [year], SUN=1",
        layouts: &[SIX_SECONDS, SEVEN],
        dow: DowNumbering {
            sunday: 1,
            max: 7,
            java_time: false,
        },
        forms: QUARTZ_FORMS,
        misreads: Misreads::NONE,
        max_step: u16::MAX,
        day_fields: DayFieldRule::OneMustBeQuestion,
        nicknames: &[],
        interval: None,
        years: (1970, 2199),
        zone_prefix: ZonePrefix::NotSyntax,
        wrapper: Wrapper::None,
        min_interval: None,
        default_dst: DstPolicy::Shift,
        dst_source: "Elasticsearch 8.17+ computes Watcher cron times with java.time (a time in a gap moves by the gap, an overlap fires once); Nuxeo runs Quartz itself (`--dst quartz`)",
        source: "Quartz 2.3.2 CronExpression; ../shared/oracles/quartz/EDGE-CASES.md",
    },
    Profile {
        dialect: Dialect::Unix,
        name: "unix",
        aliases: &["vixie", "cron", "ocps"],
        display: "Unix cron",
        summary: "Vixie cron + OCPS: [sec] min hour dom month dow [year], SUN=0 or 7",
        layouts: &[FIVE, SIX_SECONDS, SEVEN],
        dow: DowNumbering {
            sunday: 0,
            max: 7,
            java_time: false,
        },
        forms: Forms::LAST_DAY
            .with(Forms::LAST_OFFSET)
            .with(Forms::LAST_WEEKDAY)
            .with(Forms::LAST_OFFSET_WEEKDAY)
            .with(Forms::NEAREST_WEEKDAY)
            .with(Forms::LAST_OF_WEEKDAY)
            .with(Forms::NTH_WEEKDAY)
            .with(Forms::NTH_LAST)
            .with(Forms::NAME_RANGE_STEPS)
            .with(Forms::MIXED_RANGES)
            .with(Forms::PLUS_AND)
            .with(Forms::SPECIAL_IN_LISTS)
            .with(Forms::FULL_NAMES)
            .with(Forms::QUESTION_DAYS)
            .with(Forms::STEP_BEYOND_MAX)
            .with(Forms::START_STEP)
            .with(Forms::NAMES),
        misreads: Misreads::NONE,
        max_step: u16::MAX,
        day_fields: DayFieldRule::Or(StarRule::TextStartsWithStar),
        nicknames: ALL_NICKNAMES,
        interval: None,
        years: (1970, 2199),
        zone_prefix: ZonePrefix::NotSyntax,
        wrapper: Wrapper::None,
        min_interval: None,
        default_dst: DstPolicy::Cron,
        dst_source: "Vixie/ISC cron and cronie (cron.c): a fixed-time job whose time was skipped runs when the gap ends; in an overlap fixed-time jobs run once, wildcard jobs in both passes",
        source: "ISC cron 4.1 entry.c, cronie, OCPS 1.0-1.4",
    },
    Profile {
        dialect: Dialect::K8s,
        name: "k8s",
        aliases: &["kubernetes", "robfig"],
        display: "Kubernetes",
        summary: "Kubernetes CronJob (robfig/cron v3): min hour dom month dow, SUN=0 (0-6)",
        layouts: &[FIVE],
        dow: DowNumbering {
            sunday: 0,
            max: 6,
            java_time: false,
        },
        forms: Forms::NAME_STEPS
            .with(Forms::NAME_RANGE_STEPS)
            .with(Forms::MIXED_RANGES)
            .with(Forms::QUESTION_DAYS)
            .with(Forms::QUESTION_ANY_FIELD)
            .with(Forms::STEP_BEYOND_MAX)
            .with(Forms::START_STEP)
            .with(Forms::NAMES),
        misreads: Misreads::NONE,
        max_step: u16::MAX,
        day_fields: DayFieldRule::Or(StarRule::StarWithoutStep),
        nicknames: CLOCK_NICKNAMES,
        // robfig's parseDescriptor: `@every <Go duration>` is a ConstantDelaySchedule;
        // Kubernetes validates with ParseStandard, so a CronJob may use it
        interval: Some(IntervalSyntax::Every),
        years: (1970, 2199),
        zone_prefix: ZonePrefix::Rejected(
            "Kubernetes rejects a `TZ=`/`CRON_TZ=` prefix in `spec.schedule`; set `spec.timeZone` instead",
        ),
        wrapper: Wrapper::None,
        min_interval: None,
        default_dst: DstPolicy::Wall,
        dst_source: "robfig/cron v3.0.1 SpecSchedule.Next steps through instants: wall times in a gap never occur, a repeated hour matches twice (asked of the robfig oracle in America/New_York, tests/profiles_k8s.rs)",
        source: "robfig/cron v3.0.1 parser.go (ParseStandard), spec.go; Kubernetes CronJob validation",
    },
    Profile {
        dialect: Dialect::Github,
        name: "github",
        aliases: &["github-actions", "actions"],
        display: "GitHub Actions",
        summary: "GitHub Actions on.schedule: POSIX min hour dom month dow, SUN=0 (0-6), UTC",
        layouts: &[FIVE],
        dow: DowNumbering {
            sunday: 0,
            max: 6,
            java_time: false,
        },
        forms: Forms::START_STEP.with(Forms::NAMES),
        misreads: Misreads::NONE,
        max_step: u16::MAX,
        day_fields: DayFieldRule::Or(StarRule::TextStartsWithStar),
        nicknames: &[],
        interval: None,
        years: (1970, 2199),
        zone_prefix: ZonePrefix::NotSyntax,
        wrapper: Wrapper::None,
        min_interval: Some(300),
        default_dst: DstPolicy::Cron,
        dst_source: "GitHub docs (schedule): UTC unless `timezone` names an IANA zone; then \"scheduled workflows in skipped hours advance to the next valid time\" (02:30 → 03:00); the overlap is not documented, cron's rule is assumed",
        source: "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule",
    },
    Profile {
        dialect: Dialect::Gitlab,
        name: "gitlab",
        aliases: &["fugit"],
        display: "GitLab",
        summary: "GitLab pipeline schedules (fugit): [sec] min hour dom month dow, SUN=0 or 7, L, #, %",
        layouts: &[FIVE, SIX_SECONDS],
        dow: DowNumbering {
            sunday: 0,
            max: 7,
            java_time: false,
        },
        forms: Forms::LAST_DAY
            .with(Forms::NEGATIVE_DAYS)
            .with(Forms::NTH_WEEKDAY)
            .with(Forms::NTH_LAST)
            .with(Forms::NTH_FROM_END)
            .with(Forms::WEEK_MODULO)
            .with(Forms::BARE_SLASH)
            .with(Forms::WRAP_RANGES)
            .with(Forms::NAME_STEPS)
            .with(Forms::NAME_RANGE_STEPS)
            .with(Forms::MIXED_RANGES)
            .with(Forms::SPECIAL_IN_LISTS)
            .with(Forms::STEP_BEYOND_MAX)
            .with(Forms::START_STEP)
            .with(Forms::NAMES),
        misreads: Misreads::START_STEP_ONE
            .with(Misreads::DOW_START_STEP)
            .with(Misreads::DOW_WRAP_STEP)
            .with(Misreads::DOW_STAR_IN_LIST)
            .with(Misreads::DOW_STAR_STEP_ONE)
            .with(Misreads::DOW_SAME_DAY_SPECIALS),
        // fugit's grammar: `/\d\d?`
        max_step: 99,
        day_fields: DayFieldRule::Or(StarRule::StarWithoutStep),
        // fugit knows `@daily` and friends, but GitLab appends the schedule's
        // zone to the text (`@daily UTC`), which fugit then cannot read
        nicknames: &[],
        interval: None,
        years: (1970, 2199),
        zone_prefix: ZonePrefix::NotSyntax,
        wrapper: Wrapper::None,
        min_interval: None,
        default_dst: DstPolicy::Wall,
        dst_source: "fugit 1.5.2 Cron#next_time steps through instants in the schedule's zone: wall times in a gap never occur, a repeated hour matches twice (asked of the fugit oracle in America/New_York, tests/profiles_gitlab.rs)",
        source: "fugit 1.5.2 lib/fugit/cron.rb; GitLab Gitlab::Ci::CronParser",
    },
    Profile {
        dialect: Dialect::Eventbridge,
        name: "eventbridge",
        aliases: &["aws", "cloudwatch"],
        display: "AWS EventBridge",
        summary: "AWS EventBridge cron(min hour dom month dow year), SUN=1, one day field `?`; rate(...)",
        layouts: &[AWS_SIX],
        dow: DowNumbering {
            sunday: 1,
            max: 7,
            java_time: false,
        },
        forms: Forms::LAST_DAY
            .with(Forms::LAST_WEEKDAY)
            .with(Forms::NEAREST_WEEKDAY)
            .with(Forms::LAST_OF_WEEKDAY)
            .with(Forms::NTH_WEEKDAY)
            .with(Forms::SATURDAY_L)
            .with(Forms::QUESTION_DAYS)
            .with(Forms::START_STEP)
            .with(Forms::NAMES),
        misreads: Misreads::NONE,
        max_step: u16::MAX,
        day_fields: DayFieldRule::OneMustBeQuestion,
        nicknames: &[],
        interval: Some(IntervalSyntax::Rate),
        years: (1970, 2199),
        zone_prefix: ZonePrefix::NotSyntax,
        wrapper: Wrapper::AwsCronOrRate,
        min_interval: Some(60),
        default_dst: DstPolicy::Skip,
        dst_source: "EventBridge rules run in UTC; EventBridge Scheduler skips an invocation whose time does not exist and runs once in a repeated hour (AWS re:Post knowledge center, eventbridge-scheduler-adjust-dst)",
        source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html",
    },
    Profile {
        dialect: Dialect::Spring,
        name: "spring",
        aliases: &["spring-boot"],
        display: "Spring",
        summary: "Spring 5.3+ CronExpression: sec min hour dom month dow, SUN=0 or 7, both day fields AND-ed",
        layouts: &[SIX_SECONDS],
        dow: DowNumbering {
            sunday: 0,
            max: 7,
            java_time: true,
        },
        forms: Forms::LAST_DAY
            .with(Forms::LAST_OFFSET)
            .with(Forms::LAST_WEEKDAY)
            .with(Forms::NEAREST_WEEKDAY)
            .with(Forms::LAST_OF_WEEKDAY)
            .with(Forms::NTH_WEEKDAY)
            .with(Forms::QUESTION_DAYS)
            .with(Forms::NAME_STEPS)
            .with(Forms::NAME_RANGE_STEPS)
            // CronField.replaceOrdinals turns names into numbers before parsing
            .with(Forms::MIXED_RANGES)
            // CronField.parseList: `L`/`W`/`#` items in lists (CronExpressionTests:
            // `1W,15,LW`, `THU#1,THU#3,THU#5`)
            .with(Forms::SPECIAL_IN_LISTS)
            .with(Forms::STEP_BEYOND_MAX)
            .with(Forms::START_STEP)
            .with(Forms::NAMES),
        misreads: Misreads::NONE,
        max_step: u16::MAX,
        day_fields: DayFieldRule::And,
        nicknames: &[
            Nickname::Yearly,
            Nickname::Annually,
            Nickname::Monthly,
            Nickname::Weekly,
            Nickname::Daily,
            Nickname::Midnight,
            Nickname::Hourly,
        ],
        interval: None,
        years: (1970, 2199),
        zone_prefix: ZonePrefix::NotSyntax,
        wrapper: Wrapper::None,
        min_interval: None,
        default_dst: DstPolicy::Wall,
        dst_source: "Spring CronExpression.next works on ZonedDateTime: times in a gap are skipped, not deferred (spring-framework PR #36865), a repeated hour matches in both offsets",
        source: "spring-framework org/springframework/scheduling/support/CronExpression.java, CronField.java, QuartzCronField.java",
    },
    Profile {
        dialect: Dialect::Jenkins,
        name: "jenkins",
        aliases: &["hudson"],
        display: "Jenkins",
        summary: "Jenkins triggers: min hour dom month dow (numbers), SUN=0 or 7, H hashed per job (--hash-key), both day fields AND-ed",
        layouts: &[FIVE],
        dow: DowNumbering {
            sunday: 0,
            max: 7,
            java_time: false,
        },
        // `H`, `H/n`, `H(a-b)`, `H(a-b)/n` and the hashed nicknames are resolved by
        // `crate::jenkins` with the job's key before this row reads the numbers
        forms: Forms::STEP_BEYOND_MAX.with(Forms::HASH_H),
        misreads: Misreads::NONE,
        max_step: u16::MAX,
        day_fields: DayFieldRule::And,
        nicknames: CLOCK_NICKNAMES,
        interval: None,
        years: (1970, 2199),
        zone_prefix: ZonePrefix::NotSyntax,
        wrapper: Wrapper::None,
        min_interval: None,
        default_dst: DstPolicy::Wall,
        dst_source: "Jenkins' cron thread (Trigger.Cron.doRun) checks every real minute against the wall clock (CronTab.check): a gap's minutes never run, a repeated hour runs twice",
        source: "jenkinsci/jenkins core: hudson/scheduler/CronTab.java, CronTabList.java, BaseParser.java, Hash.java, CrontabParser.g4",
    },
];

/// The forms a profile may have, with how `docs/profiles.md` names them.
const FORM_NAMES: &[(Forms, &str)] = &[
    (Forms::NAMES, "names (`JAN`, `MON`)"),
    (Forms::FULL_NAMES, "full names (`January`, `Monday`)"),
    (Forms::QUESTION_DAYS, "`?` in the day fields"),
    (
        Forms::QUESTION_ANY_FIELD,
        "`?` in any field and in lists, as `*`",
    ),
    (Forms::START_STEP, "`a/n`"),
    (Forms::BARE_SLASH, "`/n` (= `*/n`)"),
    (
        Forms::STEP_BEYOND_MAX,
        "steps beyond the range (`*/60` in minutes)",
    ),
    (Forms::WRAP_RANGES, "wrap-around ranges (`22-2`, `SAT-MON`)"),
    (
        Forms::MIXED_RANGES,
        "ranges mixing a name and a number (`mon-7`)",
    ),
    (Forms::NAME_STEPS, "a step after a name (`MON/2`)"),
    (
        Forms::NAME_RANGE_STEPS,
        "a step after a range of names (`JAN-AUG/2`)",
    ),
    (Forms::LAST_DAY, "`L` (last day of the month)"),
    (Forms::LAST_OFFSET, "`L-n`"),
    (Forms::LAST_WEEKDAY, "`LW`"),
    (Forms::LAST_OFFSET_WEEKDAY, "`L-nW`"),
    (Forms::NEAREST_WEEKDAY, "`nW`"),
    (
        Forms::NEGATIVE_DAYS,
        "day-of-month `-n` and `last`; `d#-1`, `d#last`",
    ),
    (Forms::LAST_OF_WEEKDAY, "`dL` (last such weekday)"),
    (Forms::NTH_WEEKDAY, "`d#k`"),
    (Forms::NTH_LAST, "`d#L`"),
    (
        Forms::NTH_FROM_END,
        "`d#-k` (the k-th such weekday from the end of the month)",
    ),
    (
        Forms::WEEK_MODULO,
        "`d%n`, `d%n+p` (weekday d every n-th week, weeks counted from 2019-01-01)",
    ),
    (Forms::SATURDAY_L, "`L` alone in day-of-week (Saturday)"),
    (Forms::SPECIAL_IN_LISTS, "`L`/`W`/`#` items inside lists"),
    (Forms::PLUS_AND, "`+` before day-of-week (AND)"),
    (Forms::HASH_H, "`H` (hashed values)"),
];

/// The platform misreadings cronkit rejects, with how the docs name them.
const MISREAD_NAMES: &[(Misreads, &str)] = &[
    (Misreads::START_STEP_ONE, "`a/1` (read as `a` alone)"),
    (
        Misreads::DOW_START_STEP,
        "day-of-week `a/n` (read as `a` alone)",
    ),
    (
        Misreads::DOW_WRAP_STEP,
        "day-of-week `a-b/n` with a > b (read as every day)",
    ),
    (
        Misreads::DOW_STAR_IN_LIST,
        "`*` in a day-of-week list (dropped)",
    ),
    (
        Misreads::DOW_STAR_STEP_ONE,
        "day-of-week `*/1` (counts as restricted)",
    ),
    (
        Misreads::DOW_SAME_DAY_SPECIALS,
        "two `#`/`%` items for one weekday (only the first in fugit's sort order counts; a `#` beside a `%` fails)",
    ),
];

impl Profile {
    /// The special forms this profile accepts, as `docs/profiles.md` lists them.
    pub fn form_names(&self) -> Vec<&'static str> {
        FORM_NAMES
            .iter()
            .filter(|(f, _)| self.allows(*f))
            .map(|(_, n)| *n)
            .collect()
    }

    /// How the day fields combine, in words.
    pub fn day_fields_text(&self) -> &'static str {
        match self.day_fields {
            DayFieldRule::OneMustBeQuestion => "exactly one of them must be `?`",
            DayFieldRule::And => "AND: a day must match both",
            DayFieldRule::Or(StarRule::TextStartsWithStar) => {
                "OR when both are restricted; a field whose text starts with `*` (so `*/2` too) is unrestricted"
            }
            DayFieldRule::Or(StarRule::StarWithoutStep) => {
                "OR when both are restricted; only `*` (or `*/1`) is unrestricted, `*/2` is restricted"
            }
        }
    }

    /// The documented behaviour of this profile: the block `docs/profiles.md`
    /// holds for it (checked by `tests/profiles_doc.rs`).
    pub fn reference_markdown(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, k: &str, v: String| {
            out.push_str(&format!("| {k} | {v} |\n"));
        };
        out.push_str(&format!(
            "### `{}`: {}\n\n{}\n\n",
            self.name, self.display, self.summary
        ));
        out.push_str("| | |\n|---|---|\n");
        if !self.aliases.is_empty() {
            line(
                &mut out,
                "also",
                self.aliases
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        let layouts: Vec<String> = self
            .layouts
            .iter()
            .map(|l| {
                format!(
                    "`{}`",
                    l.fields
                        .iter()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            })
            .collect();
        line(&mut out, "fields", layouts.join("; "));
        line(&mut out, "day-of-week", self.dow.describe());
        line(&mut out, "day fields", self.day_fields_text().to_string());
        let forms = self.form_names();
        line(
            &mut out,
            "special forms",
            if forms.is_empty() {
                "none".to_string()
            } else {
                forms.join(", ")
            },
        );
        let misreads: Vec<&str> = MISREAD_NAMES
            .iter()
            .filter(|(m, _)| self.misreads.has(*m))
            .map(|(_, n)| *n)
            .collect();
        if !misreads.is_empty() {
            line(&mut out, "rejected as misread", misreads.join(", "));
        }
        if self.max_step != u16::MAX {
            line(&mut out, "largest step", self.max_step.to_string());
        }
        line(
            &mut out,
            "nicknames",
            if self.nicknames.is_empty() {
                "none".to_string()
            } else {
                self.nicknames
                    .iter()
                    .map(|n| format!("`{}`", n.text()))
                    .collect::<Vec<_>>()
                    .join(" ")
            },
        );
        line(
            &mut out,
            "interval schedule",
            self.interval
                .map_or_else(|| "none".to_string(), |i| i.describe().to_string()),
        );
        if self.has_year() {
            line(
                &mut out,
                "years",
                format!("{}–{}", self.years.0, self.years.1),
            );
        }
        match self.zone_prefix {
            ZonePrefix::NotSyntax => {}
            ZonePrefix::Rejected(why) => line(&mut out, "`TZ=` prefix", format!("rejected: {why}")),
        }
        if self.wrapper == Wrapper::AwsCronOrRate {
            line(
                &mut out,
                "wrapper",
                "`cron(...)` around the fields".to_string(),
            );
        }
        if let Some(s) = self.min_interval {
            line(&mut out, "shortest interval", format!("{s} s (a lint)"));
        }
        line(
            &mut out,
            "DST default",
            format!("`--dst {}`: {}", self.default_dst, self.dst_source),
        );
        line(&mut out, "source", self.source.to_string());
        out
    }
}

/// The documented behaviour of every profile (`docs/profiles.md`, between the
/// `profiles:begin` and `profiles:end` markers).
pub fn reference_markdown() -> String {
    PROFILES
        .iter()
        .map(Profile::reference_markdown)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_indexed_by_their_dialect() {
        for d in Dialect::ALL {
            assert_eq!(d.profile().dialect, d);
            assert_eq!(d.name().parse::<Dialect>().unwrap(), d);
        }
        assert_eq!(PROFILES.len(), Dialect::ALL.len());
    }

    #[test]
    fn numbering() {
        let q = Dialect::Quartz.profile().dow;
        assert_eq!((q.weekday(1), q.weekday(7)), (0, 6));
        let u = Dialect::Unix.profile().dow;
        assert_eq!((u.weekday(0), u.weekday(7), u.weekday(6)), (0, 0, 6));
    }
}
