//! Lint rules over a parsed [`Expr`] and its compiled [`Schedule`]: what
//! `cronkit validate` reports beyond "does it parse".
//!
//! Every rule is one [`Rule`] in [`RULES`] with a stable kebab-case code, a
//! [`Severity`], a one-line summary and an example that triggers it; its check
//! is a small function in a file of its own (`src/lint/never_fires.rs`, ...),
//! and the table is the only place that lists them. [`lint`] runs the rules the
//! [`LintOptions`] do not allow away and returns [`Finding`]s, each with the
//! byte span of the offending text inside the expression. Parse errors become
//! findings too ([`Finding::from_diagnostic`]), with the parser's code and
//! severity error; [`check`] does parse, compile and lint in one call.
//!
//! ```
//! use cronkit::lint::{check, LintOptions, Severity};
//! use cronkit::DialectChoice;
//!
//! // 2026-06-01T00:00:00Z: "now" is an option, so results do not depend on the clock.
//! let opts = LintOptions::new(1_780_272_000);
//! let found = check("0 0 9 ? * 1-5", DialectChoice::Auto, &opts);
//! assert_eq!(found[0].code, "quartz-dow-numbering");
//! assert_eq!(found[0].severity, Severity::Warning);
//! assert_eq!(found[0].span.start, 10); // `1-5`
//!
//! let found = check("0 0 0 30 2 ?", DialectChoice::Auto, &opts);
//! assert_eq!(found[0].code, "never-fires");
//! assert_eq!(found[0].severity, Severity::Error);
//! ```
//!
//! The rules are cheap for ordinary expressions (a few bit tests each), so a
//! file of millions of expressions lints at parser speed; only unusual day
//! rules take the slower per-year path, and the DST rules look only at the
//! clock changes of the coming year, which [`LintOptions::with_zone`] finds
//! once.

use std::fmt;

use crate::expr::{
    Diagnostic, Dialect, DialectChoice, Expr, Field, FieldKind, Item, ItemKind, Span, StepBase,
    MAX_YEAR, MIN_YEAR,
};
use crate::schedule::calendar::{
    days_before_month, days_from_civil, is_leap, weekday_from_days, Civil,
};
use crate::schedule::{DstPolicy, LocalTime, Schedule, Zone};

pub mod crontab_percent;
mod dst;
mod dst_gap;
mod dst_overlap;
pub mod eventbridge;
mod every_second;
mod github_min_interval;
mod github_nickname;
mod github_top_of_hour;
pub mod herd;
mod k8s_dow_7;
mod k8s_special_chars;
mod l_alone_in_dow;
mod never_fires;
mod nonportable_question_mark;
mod opensearch_unsupported;
mod platform;
mod quartz_dow_numbering;
mod rarely_fires;
mod skips_short_months;
mod step_exceeds_range;
mod year_in_past;
pub mod zone_name;

use dst::DstCheck;
pub use platform::Platform;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing (a platform's habit); never fails `validate`.
    Note,
    /// Surprising but working; fails `validate` only with `--deny warnings`.
    Warning,
    /// Broken: the expression does not parse, or never fires.
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The rule's code (a [`Rule::code`]) or the parse error's code.
    pub code: &'static str,
    /// One line saying what is wrong.
    pub message: String,
    /// What to do about it, ideally with a corrected expression.
    pub help: Option<String>,
    /// Byte span of the offending text inside the expression (the primary one).
    pub span: Span,
    /// Further spans that take part (e.g. both day fields); often empty.
    pub other_spans: Vec<Span>,
}

impl Finding {
    /// A parse error as a finding (severity error, the diagnostic's code).
    pub fn from_diagnostic(d: &Diagnostic) -> Finding {
        Finding {
            severity: Severity::Error,
            code: d.code,
            message: d.message.clone(),
            help: d.help.clone(),
            span: d.primary_span(),
            other_spans: d.spans.iter().skip(1).copied().collect(),
        }
    }

    /// The primary span followed by the others.
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        std::iter::once(self.span).chain(self.other_spans.iter().copied())
    }
}

/// A lint rule: its stable code, severity and documentation.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case code, used in output and by `--allow`.
    pub code: &'static str,
    pub severity: Severity,
    /// What the rule reports, in one sentence.
    pub summary: &'static str,
    /// An expression that triggers the rule.
    pub example: &'static str,
    /// True when the rule runs only with a time zone ([`LintOptions::with_zone`]).
    pub needs_zone: bool,
    /// The platforms the rule applies to; empty: every expression.
    pub platforms: &'static [Platform],
    /// The check over a parsed expression; `None` for rules about the
    /// document around it (a zone name, a `rate()`, a crontab command), which
    /// [`crate::check`] runs with the functions in the rule's file.
    check: Option<fn(&Cx<'_>, &mut Vec<Finding>)>,
}

/// Every lint rule, in the order their findings are produced.
pub static RULES: [Rule; 27] = [
    Rule {
        code: "never-fires",
        severity: Severity::Error,
        summary: "No time from 1970 to 2199 matches the expression (e.g. February 30).",
        example: "0 0 0 30 2 ?",
        needs_zone: false,
        platforms: &[],
        check: Some(never_fires::check),
    },
    Rule {
        code: "year-in-past",
        severity: Severity::Warning,
        summary: "The year field names only years before the current year: the schedule will not fire again.",
        example: "0 0 12 1 1 ? 2020",
        needs_zone: false,
        platforms: &[],
        check: Some(year_in_past::check),
    },
    Rule {
        code: "rarely-fires",
        severity: Severity::Warning,
        summary: "Fires on fewer days than there are years, counted over the years its year field names from the current year on.",
        example: "0 0 12 29 2 ?",
        needs_zone: false,
        platforms: &[],
        check: Some(rarely_fires::check),
    },
    Rule {
        code: "every-second",
        severity: Severity::Warning,
        summary: "The seconds field is `*` (or covers all 60 seconds): it fires every second of each matching minute.",
        example: "* 0 12 * * ?",
        needs_zone: false,
        platforms: &[],
        check: Some(every_second::check),
    },
    Rule {
        code: "skips-short-months",
        severity: Severity::Warning,
        summary: "Day 29, 30 or 31 in day-of-month: selected months without that day get no fire (use `L` for the last day).",
        example: "0 0 0 31 * ?",
        needs_zone: false,
        platforms: &[],
        check: Some(skips_short_months::check),
    },
    Rule {
        code: "step-exceeds-range",
        severity: Severity::Warning,
        summary: "A step at least as large as the range it steps through: only the first value fires.",
        example: "0 0 0 1-31/40 * ?",
        needs_zone: false,
        platforms: &[],
        check: Some(step_exceeds_range::check),
    },
    Rule {
        code: "quartz-dow-numbering",
        severity: Severity::Warning,
        summary: "Quartz day-of-week numbers look like Unix numbering: `1-5` is SUN-THU in Quartz, not MON-FRI.",
        example: "0 0 9 ? * 1-5",
        needs_zone: false,
        platforms: &[],
        check: Some(quartz_dow_numbering::check),
    },
    Rule {
        code: "l-alone-in-dow",
        severity: Severity::Warning,
        summary: "Quartz reads `L` alone in day-of-week as Saturday, not as the last day of anything.",
        example: "0 0 0 ? * L",
        needs_zone: false,
        platforms: &[],
        check: Some(l_alone_in_dow::check),
    },
    Rule {
        code: "nonportable-question-mark",
        severity: Severity::Warning,
        summary: "`?` in a Unix expression: an OCPS/Quartz extension that Vixie/ISC cron rejects; `*` means the same.",
        example: "0 12 ? * MON",
        needs_zone: false,
        platforms: &[],
        check: Some(nonportable_question_mark::check),
    },
    Rule {
        code: "dst-gap",
        severity: Severity::Warning,
        summary: "With a zone: in the coming year a fire time falls in a spring-forward gap (the wall time does not exist).",
        example: "0 30 2 * * ? --tz America/New_York",
        needs_zone: true,
        platforms: &[],
        check: Some(dst_gap::check),
    },
    Rule {
        code: "dst-overlap",
        severity: Severity::Warning,
        summary: "With a zone: in the coming year a fire time falls in a fall-back overlap (the wall time happens twice).",
        example: "0 30 1 * * ? --tz America/New_York",
        needs_zone: true,
        platforms: &[],
        check: Some(dst_overlap::check),
    },
    Rule {
        code: "herd",
        severity: Severity::Warning,
        summary: "A thundering herd: across every schedule one run reads (all files, directories and -e expressions), more than --herd-threshold (default 10) fire in the same minute of the coming week, compared as UTC instants. Reported once per group of schedules, at the first one, naming the others; spread them with Jenkins `H` or `cronkit convert --spread`.",
        example: "twelve files with `0 0 * * *`",
        needs_zone: false,
        platforms: &[],
        check: None,
    },
    Rule {
        code: "github-min-interval",
        severity: Severity::Warning,
        summary: "GitHub Actions runs a schedule at most every 5 minutes: two consecutive fire times (anywhere in the year, not only the first two) are closer than that.",
        example: "on.schedule[].cron: 0,1 * * * *",
        needs_zone: false,
        platforms: &[Platform::Github],
        check: Some(github_min_interval::check),
    },
    Rule {
        code: "github-nickname",
        severity: Severity::Error,
        summary: "GitHub Actions does not accept `@daily` and the other nicknames: write the five fields.",
        example: "on.schedule[].cron: '@daily'",
        needs_zone: false,
        platforms: &[Platform::Github],
        check: Some(github_nickname::check),
    },
    Rule {
        code: "github-top-of-hour",
        severity: Severity::Note,
        summary: "GitHub Actions is busiest at the start of each hour, when scheduled runs are most often delayed or dropped: a minute other than 0 is safer.",
        example: "on.schedule[].cron: 0 3 * * *",
        needs_zone: false,
        platforms: &[Platform::Github],
        check: Some(github_top_of_hour::check),
    },
    Rule {
        code: "k8s-dow-7",
        severity: Severity::Error,
        summary: "Kubernetes (robfig/cron) reads day-of-week 0-6: 7 is rejected; write 0 for Sunday.",
        example: "spec.schedule: 0 0 * * 7",
        needs_zone: false,
        platforms: &[Platform::Kubernetes, Platform::Argo],
        check: Some(k8s_dow_7::check),
    },
    Rule {
        code: "k8s-special-chars",
        severity: Severity::Error,
        summary: "Kubernetes (robfig/cron) rejects `L`, `W` and `#`.",
        example: "spec.schedule: 0 0 L * *",
        needs_zone: false,
        platforms: &[Platform::Kubernetes, Platform::Argo],
        check: Some(k8s_special_chars::check),
    },
    Rule {
        code: "k8s-zone-prefix",
        severity: Severity::Error,
        summary: "Kubernetes rejects a `TZ=` or `CRON_TZ=` prefix in spec.schedule: set spec.timeZone instead.",
        example: "spec.schedule: CRON_TZ=Europe/Paris 0 3 * * *",
        needs_zone: false,
        platforms: &[Platform::Kubernetes],
        check: None,
    },
    Rule {
        code: "every-duration",
        severity: Severity::Error,
        summary: "Kubernetes (robfig/cron) reads `@every` with one space and a Go duration: numbers with units h, m, s, ms, us or ns, no spaces (`@every 1h30m`).",
        example: "spec.schedule: \"@every 1d\"",
        needs_zone: false,
        platforms: &[Platform::Kubernetes, Platform::Argo],
        check: None,
    },
    Rule {
        code: "every-rounded",
        severity: Severity::Error,
        summary: "robfig/cron runs an `@every` under one second (`0s`, `-5m`, `500ms`) every second and drops fractions of a second (`1.5s` is 1s): the period is not the one written.",
        example: "spec.schedule: \"@every 0s\"",
        needs_zone: false,
        platforms: &[Platform::Kubernetes, Platform::Argo],
        check: None,
    },
    Rule {
        code: "unknown-timezone",
        severity: Severity::Error,
        summary: "The time zone the file gives the schedule (workflow `timezone`, spec.timeZone, Watcher/OpenSearch `timezone`, ScheduleExpressionTimezone, CRON_TZ=) is not an IANA zone name: the platform rejects the job or falls back to UTC.",
        example: "spec.timeZone: Europe/Pariss",
        needs_zone: false,
        platforms: &[],
        check: None,
    },
    Rule {
        code: "eventbridge-fields",
        severity: Severity::Error,
        summary: "An EventBridge cron() takes exactly six fields: minutes hours day-of-month month day-of-week year.",
        example: "ScheduleExpression: cron(0 12 * * ?)",
        needs_zone: false,
        platforms: &[Platform::EventBridge],
        check: None,
    },
    Rule {
        code: "eventbridge-question-mark",
        severity: Severity::Error,
        summary: "EventBridge needs `?` in exactly one of day-of-month and day-of-week.",
        example: "ScheduleExpression: cron(0 12 * * * *)",
        needs_zone: false,
        platforms: &[Platform::EventBridge],
        check: None,
    },
    Rule {
        code: "eventbridge-multiple-hash",
        severity: Severity::Error,
        summary: "EventBridge accepts one `#` (nth weekday) in day-of-week, not a list of them.",
        example: "ScheduleExpression: cron(0 12 ? * 2#1,4#3 *)",
        needs_zone: false,
        platforms: &[Platform::EventBridge],
        check: None,
    },
    Rule {
        code: "eventbridge-rate",
        severity: Severity::Error,
        summary: "A rate() is a positive whole number and a unit: minute(s), hour(s) or day(s), singular exactly when the number is 1.",
        example: "ScheduleExpression: rate(1 minutes)",
        needs_zone: false,
        platforms: &[Platform::EventBridge],
        check: None,
    },
    Rule {
        code: "opensearch-unsupported",
        severity: Severity::Error,
        summary: "OpenSearch's job scheduler reads cron with cron-utils' UNIX definition: exactly 5 fields, no `L`, `W` or `#`.",
        example: "\"cron\": {\"expression\": \"0 0 L * *\"}",
        needs_zone: false,
        platforms: &[Platform::OpenSearch],
        check: Some(opensearch_unsupported::check),
    },
    Rule {
        code: "crontab-unescaped-percent",
        severity: Severity::Warning,
        summary: "An unescaped `%` in a crontab command ends the command: cron turns it into a newline and feeds the rest to the command's standard input (write `\\%`).",
        example: "0 3 * * * tar czf /backup/$(date +%F).tgz /data",
        needs_zone: false,
        platforms: &[Platform::Crontab],
        check: None,
    },
];

impl Rule {
    /// Whether the rule looks at parsed expressions (else it is about the
    /// document around them, and [`crate::check`] runs it).
    pub fn checks_expressions(&self) -> bool {
        self.check.is_some()
    }
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// A rule name that is not in [`RULES`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule `{0}`")]
pub struct UnknownRule(pub String);

/// What the rules need to know besides the expression.
#[derive(Clone, Debug)]
pub struct LintOptions {
    now: i64,
    now_year: i32,
    dst: Option<DstCheck>,
    /// Bit i set = `RULES[i]` is allowed (not run); the table has fewer than 64 rules.
    allowed: u64,
}

impl LintOptions {
    /// Options as of `now` (Unix seconds): `year-in-past` and `rarely-fires`
    /// count from the year of `now` (in UTC, or in the zone given to
    /// [`LintOptions::with_zone`]). No zone: the DST rules do not run.
    pub fn new(now: i64) -> LintOptions {
        LintOptions {
            now,
            now_year: Civil::from_secs(now).year,
            dst: None,
            allowed: 0,
        }
    }

    /// Enable `dst-gap` and `dst-overlap` in `zone`: they look at the clock
    /// changes from `now` to one year (366 days) later, and their help says
    /// what `policy` does there. The clock changes are found here, once.
    /// `policy: None` names the policy of each expression's platform profile.
    pub fn with_zone(mut self, zone: Zone, policy: impl Into<Option<DstPolicy>>) -> LintOptions {
        self.now_year = Civil::from_secs(self.now + zone.offset_at(self.now) as i64).year;
        self.dst = Some(DstCheck::new(zone, policy.into(), self.now));
        self
    }

    /// Do not run the rule `code`.
    pub fn allow(&mut self, code: &str) -> Result<(), UnknownRule> {
        let i = RULES
            .iter()
            .position(|r| r.code == code)
            .ok_or_else(|| UnknownRule(code.to_string()))?;
        self.allowed |= 1 << i;
        Ok(())
    }

    /// Whether the rule `code` is allowed (not run).
    pub fn is_allowed(&self, code: &str) -> bool {
        RULES
            .iter()
            .position(|r| r.code == code)
            .is_some_and(|i| self.allowed & (1 << i) != 0)
    }

    /// "Now", in Unix seconds.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// The current year the rules count from.
    pub fn now_year(&self) -> i32 {
        self.now_year
    }

    /// The zone given to [`LintOptions::with_zone`].
    pub fn zone(&self) -> Option<&Zone> {
        self.dst.as_ref().map(|d| &d.zone)
    }
}

/// Run every rule not allowed in `opts` over `expr` (parsed from `source`)
/// and its compiled `schedule`; findings come sorted by position.
pub fn lint(source: &str, expr: &Expr, schedule: &Schedule, opts: &LintOptions) -> Vec<Finding> {
    lint_on(source, expr, schedule, opts, Platform::Generic)
}

/// [`lint`] for an expression that runs on `platform`: the platform's own
/// rules run too.
pub fn lint_on(
    source: &str,
    expr: &Expr,
    schedule: &Schedule,
    opts: &LintOptions,
    platform: Platform,
) -> Vec<Finding> {
    let cx = Cx {
        text: source,
        expr,
        sched: schedule,
        opts,
        platform,
    };
    let mut out = Vec::new();
    for (i, rule) in RULES.iter().enumerate() {
        let Some(check) = rule.check else {
            continue;
        };
        if opts.allowed & (1 << i) != 0
            || (rule.needs_zone && opts.dst.is_none())
            || !(rule.platforms.is_empty() || rule.platforms.contains(&platform))
        {
            continue;
        }
        check(&cx, &mut out);
    }
    if out.len() > 1 {
        out.sort_by_key(|f| f.span.start);
    }
    out
}

/// Parse `text`, compile and lint it: a parse error gives one error finding,
/// otherwise the findings of [`lint`].
pub fn check(text: &str, choice: DialectChoice, opts: &LintOptions) -> Vec<Finding> {
    match Expr::parse(text, choice) {
        Ok(expr) => lint(text, &expr, &Schedule::from_expr(&expr), opts),
        Err(d) => vec![Finding::from_diagnostic(&d)],
    }
}

// ------------------------------------------------------------------ helpers

/// What a rule's check sees.
struct Cx<'a> {
    text: &'a str,
    expr: &'a Expr,
    sched: &'a Schedule,
    opts: &'a LintOptions,
    /// Where the expression was read; it may name the scheduler's DST behaviour.
    platform: Platform,
}

impl Cx<'_> {
    /// The DST policy the DST rules describe: `--dst`, else the input's scheduler
    /// (Nuxeo XML runs Quartz, a crontab runs cron), else the expression's profile.
    fn dst_policy(&self, given: Option<DstPolicy>) -> DstPolicy {
        given
            .or(self.platform.default_dst())
            .unwrap_or(self.expr.dialect.profile().default_dst)
    }

    fn field(&self, kind: FieldKind) -> &Field {
        self.expr.field(kind)
    }

    /// The expression with `span` replaced by `with` (for help text).
    fn fixed(&self, span: Span, with: &str) -> String {
        let (a, b) = (
            span.start.min(self.text.len()),
            span.end.min(self.text.len()),
        );
        let mut s = String::with_capacity(self.text.len() + with.len());
        s.push_str(self.text.get(..a).unwrap_or(""));
        s.push_str(with);
        s.push_str(self.text.get(b..).unwrap_or(""));
        s.trim().to_string()
    }

    /// The span of a field for messages: the field itself, or the whole
    /// nickname / expression when the field was not written.
    fn field_span(&self, kind: FieldKind) -> Span {
        let f = self.field(kind);
        if f.implicit && f.span.start == f.span.end {
            self.whole()
        } else {
            f.span
        }
    }

    fn whole(&self) -> Span {
        let start = self.text.len() - self.text.trim_start().len();
        Span::new(start, self.text.trim_end().len().max(start))
    }

    fn finding(&self, code: &'static str, span: Span, message: String) -> Finding {
        let severity = rule(code).map_or(Severity::Warning, |r| r.severity);
        Finding {
            severity,
            code,
            message,
            help: None,
            span,
            other_spans: Vec::new(),
        }
    }
}

fn with_help(mut f: Finding, help: String) -> Finding {
    f.help = Some(help);
    f
}

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Feb`, `Feb and Apr`, `Feb, Apr and Jun`.
fn month_list(months: u16) -> String {
    let names: Vec<&str> = (1..=12)
        .filter(|m| months & (1 << m) != 0)
        .map(|m| MONTH_NAMES[m - 1])
        .collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The longest a month can be (February: 29).
fn max_month_len(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The values an item stands for, as (first, last, step) in the field's
/// numbering without wrapping; `None` for special day forms and wrapping ranges.
fn item_run(item: &Item, min: u16, max: u16) -> Option<(u16, u16, u16)> {
    match item.kind {
        ItemKind::Any => Some((min, max, 1)),
        ItemKind::Value(v) => Some((v, v, 1)),
        ItemKind::Range(a, b) if a <= b => Some((a, b, 1)),
        ItemKind::Step { base, step } => match base {
            StepBase::Any => Some((min, max, step)),
            StepBase::From(a) => Some((a, max, step)),
            StepBase::Range(a, b) if a <= b => Some((a, b, step)),
            StepBase::Range(..) => None,
        },
        _ => None,
    }
}

/// The years (bit i = 1970 + i) the year field names, whether or not the day
/// rule lets the schedule fire in them.
fn year_field_bits(f: &Field) -> [u64; 4] {
    let mut out = [0u64; 4];
    for it in &f.items {
        let Some((a, b, step)) = item_run(it, MIN_YEAR, MAX_YEAR) else {
            continue;
        };
        let mut y = a as u32;
        while y <= b as u32 && y <= MAX_YEAR as u32 {
            if y >= MIN_YEAR as u32 {
                let i = (y - MIN_YEAR as u32) as usize;
                out[i / 64] |= 1 << (i % 64);
            }
            y += step.max(1) as u32;
        }
    }
    out
}

fn has_year(bits: &[u64; 4], y: i32) -> bool {
    let i = y - MIN_YEAR as i32;
    (0..=(MAX_YEAR - MIN_YEAR) as i32).contains(&i)
        && bits[i as usize / 64] >> (i as usize % 64) & 1 == 1
}

fn last_year(bits: &[u64; 4]) -> Option<i32> {
    (MIN_YEAR as i32..=MAX_YEAR as i32)
        .rev()
        .find(|&y| has_year(bits, y))
}

/// Leap × 7 + weekday of January 1st (0..14).
fn year_kind(y: i32) -> usize {
    (is_leap(y) as usize) * 7 + weekday_from_days(days_from_civil(y, 1, 1)) as usize
}

/// Number of days that fire in a year of `kind`.
fn fire_days_in_kind(sched: &Schedule, kind: usize) -> u32 {
    let (_, _, _, months) = sched.bits();
    let leap = kind >= 7;
    let jan1 = (kind % 7) as u32;
    (1..=12u32)
        .filter(|m| months & (1 << m) != 0)
        .map(|m| {
            let len = match m {
                4 | 6 | 9 | 11 => 30,
                2 => 28 + leap as u32,
                _ => 31,
            };
            let first = (jan1 + days_before_month(leap, m)) % 7;
            sched.day_rule().mask(len, first).count_ones()
        })
        .sum()
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-06-01T00:00:00Z.
    const NOW: i64 = 1_780_272_000;

    fn codes(text: &str) -> Vec<&'static str> {
        check(text, DialectChoice::Auto, &LintOptions::new(NOW))
            .iter()
            .map(|f| f.code)
            .collect()
    }

    fn one(text: &str, code: &str) -> Finding {
        let found = check(text, DialectChoice::Auto, &LintOptions::new(NOW));
        let hits: Vec<_> = found.into_iter().filter(|f| f.code == code).collect();
        assert_eq!(hits.len(), 1, "{text}: expected one {code}, got {hits:?}");
        hits.into_iter().next().unwrap()
    }

    #[test]
    fn now_is_2026() {
        // 2026-06-01 is day 20605 after 1970-01-01 (56 years, 14 leap days, 151 days).
        assert_eq!(NOW, (56 * 365 + 14 + 151) * 86_400);
        assert_eq!(LintOptions::new(NOW).now_year(), 2026);
    }

    #[test]
    fn clean_expressions_have_no_findings() {
        for e in [
            "0 15 10 ? * MON-FRI",
            "*/5 * * * *",
            "0 0 12 L * ?",
            "0 5 9 ? * 6#3",
            "@daily",
            "@reboot",
            "0 0 0 1 1 ? 2030",
            "0 0 9 ? * 2-6",
            "0 0 0 28 * ?",
        ] {
            assert_eq!(codes(e), Vec::<&str>::new(), "{e}");
        }
    }

    #[test]
    fn parse_errors_keep_their_code() {
        let f = check(
            "0 0 12 1 * MON",
            DialectChoice::Quartz,
            &LintOptions::new(NOW),
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "both-day-fields");
        assert_eq!(f[0].severity, Severity::Error);
        // `1` at 7 and `MON` at 11..14
        assert_eq!(f[0].span, Span::new(7, 8));
        assert_eq!(f[0].other_spans, vec![Span::new(11, 14)]);
    }

    #[test]
    fn never_fires_names_the_short_month() {
        let f = one("0 0 0 30 2 ?", "never-fires");
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.message, "never fires: Feb has no day 30");
        assert_eq!(f.span, Span::new(6, 8)); // `30`
        assert_eq!(f.other_spans, vec![Span::new(9, 10)]); // `2`
                                                           // Only the error: the day-29–31 warning would repeat it.
        assert_eq!(codes("0 0 0 30 2 ?"), vec!["never-fires"]);
        // Feb 29 on a Monday (unix `+` forces AND): 2044 is such a year.
        assert!(codes("0 0 29 2 +1").iter().all(|c| *c != "never-fires"));
        // @reboot has no clock fire times, and that is not a problem
        assert!(!codes("@reboot").contains(&"never-fires"));
    }

    #[test]
    fn year_in_past_uses_now() {
        let f = one("0 0 12 1 1 ? 2020", "year-in-past");
        assert_eq!(f.span, Span::new(13, 17));
        assert!(f.message.contains("before 2026"), "{}", f.message);
        assert!(!codes("0 0 12 1 1 ? 2020-2026").contains(&"year-in-past"));
        assert!(!codes("0 0 12 1 1 ? 2030").contains(&"year-in-past"));
        // a different "now" changes the answer
        let y2019 = LintOptions::new(1_546_300_800); // 2019-01-01
        let found = check("0 0 12 1 1 ? 2020", DialectChoice::Auto, &y2019);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn rarely_fires_counts_days_against_years() {
        // Feb 29 from 2026 to 2199 (174 years): the multiples of 4 from 2028 to 2196
        // are (2196 - 2028) / 4 + 1 = 43, and 2100 is not a leap year: 42 days.
        let f = one("0 0 12 29 2 ?", "rarely-fires");
        assert_eq!(
            f.message,
            "fires less than once a year: on 42 days in 174 years from 2026 to 2199"
        );
        // The count by another route: leap years from 2026 to 2199.
        let leap = (2026..=2199).filter(|y| is_leap(*y)).count();
        assert_eq!(leap, 42);
        // a named single year that fires once in it is fine
        assert!(!codes("0 0 12 29 2 ? 2028").contains(&"rarely-fires"));
        assert!(codes("0 0 12 29 2 ? 2027-2030").contains(&"rarely-fires"));
        // day 31: seven months a year have it
        assert!(!codes("0 0 12 31 * ?").contains(&"rarely-fires"));
        // a fifth Monday of February needs Feb 29 to be a Monday: 2044, 2072, ...
        assert!(codes("0 0 12 ? 2 MON#5").contains(&"rarely-fires"));
        // a deliberate year step is not "rare": each named year fires
        assert!(!codes("0 0 0 1 1 ? */5").contains(&"rarely-fires"));
    }

    #[test]
    fn every_second() {
        let f = one("* 0 12 * * ?", "every-second");
        assert_eq!(f.span, Span::new(0, 1));
        assert_eq!(
            f.help.as_deref(),
            Some("to fire once a minute put `0` in the seconds field: `0 0 12 * * ?` (a different schedule: once a minute instead of 60 times)")
        );
        assert_eq!(
            one("* * * * * ?", "every-second").message,
            "fires every second (86400 times a day)"
        );
        assert!(codes("0-59 * * * * ?").contains(&"every-second"));
        // unix with seconds (six fields read as unix only when asked)
        let unix = check("*/1 * * * * *", DialectChoice::Unix, &LintOptions::new(NOW));
        assert_eq!(
            unix.iter().map(|f| f.code).collect::<Vec<_>>(),
            vec!["every-second"]
        );
        assert!(!codes("0 * * * * ?").contains(&"every-second"));
        assert!(!codes("*/2 * * * * ?").contains(&"every-second"));
        assert!(!codes("* * * * *").contains(&"every-second")); // 5 fields: second 0
    }

    #[test]
    fn skips_short_months() {
        let f = one("0 0 0 31 * ?", "skips-short-months");
        assert_eq!(f.span, Span::new(6, 8));
        assert_eq!(
            f.message,
            "`31` skips Feb, Apr, Jun, Sep and Nov: they have no day 31"
        );
        assert_eq!(
            f.help.as_deref(),
            Some("for the last day of every month write `L`: `0 0 0 L * ?` (a different schedule: it fires in every month)")
        );
        let f = one("0 0 29 * *", "skips-short-months");
        assert_eq!(
            f.message,
            "`29` skips February in common years: only leap years have a day 29"
        );
        // only months that have day 31: nothing skipped
        assert!(!codes("0 0 0 31 1,3,5,7,8,10,12 ?").contains(&"skips-short-months"));
        // a range that also covers days every month has is not flagged
        assert!(!codes("0 0 0 15-31 * ?").contains(&"skips-short-months"));
        assert!(!codes("0 0 0 */2 * ?").contains(&"skips-short-months"));
        assert!(!codes("0 0 0 L * ?").contains(&"skips-short-months"));
        assert!(!codes("0 0 0 28 * ?").contains(&"skips-short-months"));
        // in a Quartz list the item is flagged, and `L` cannot join the list
        let f = one("0 0 0 15,30 * ?", "skips-short-months");
        assert_eq!(f.span, Span::new(9, 11));
        assert!(f.help.unwrap().contains("expression of its own"));
        assert!(codes("0 0 0 30W * ?").contains(&"skips-short-months"));
        assert!(codes("0 0 0 30-31 * ?").contains(&"skips-short-months"));
    }

    #[test]
    fn step_exceeds_range() {
        let f = one("0 0 0 1-31/40 * ?", "step-exceeds-range");
        assert_eq!(f.span, Span::new(6, 13));
        assert_eq!(
            f.message,
            "step 40 is not smaller than the range 1-31 it steps through: only 1 fires in the day-of-month field"
        );
        assert_eq!(
            f.help.as_deref(),
            Some("if only 1 is meant write it: `0 0 0 1 * ?`; otherwise use a step below 31")
        );
        // years 1970-2199 are 230 values
        assert!(codes("0 0 0 1 1 ? */300").contains(&"step-exceeds-range"));
        assert!(!codes("0 0 0 1 1 ? */229").contains(&"step-exceeds-range"));
        assert!(codes("0 0 0 1 1 ? */230").contains(&"step-exceeds-range"));
        // minutes 30/45: 30..59 is 30 values
        assert!(codes("0 30/45 * * * ?").contains(&"step-exceeds-range"));
        assert!(!codes("0 30/29 * * * ?").contains(&"step-exceeds-range"));
        // a wrapping Quartz range 22-2 is 22,23,0,1,2: step 5 leaves only 22
        assert!(codes("0 0 22-2/5 * * ?").contains(&"step-exceeds-range"));
        assert!(!codes("0 0 22-2/4 * * ?").contains(&"step-exceeds-range"));
        assert!(!codes("*/59 * * * *").contains(&"step-exceeds-range"));
    }

    #[test]
    fn quartz_dow_numbering() {
        let f = one("0 0 9 ? * 1-5", "quartz-dow-numbering");
        assert_eq!(f.span, Span::new(10, 13));
        assert_eq!(
            f.message,
            "Quartz numbers days from 1 = Sunday: `1-5` is SUN-THU, not MON-FRI"
        );
        assert_eq!(
            f.help.as_deref(),
            Some("for MON-FRI write `0 0 9 ? * MON-FRI` (or `2-6`: a different schedule from the written SUN-THU); if SUN-THU is meant, write `SUN-THU` to say so")
        );
        assert!(codes("0 0 9 ? * 1-6").contains(&"quartz-dow-numbering"));
        assert!(codes("0 0 9 ? * 1,2,3,4,5").contains(&"quartz-dow-numbering"));
        for clean in [
            "0 0 9 ? * MON-FRI",
            "0 0 9 ? * SUN-THU",
            "0 0 9 ? * 2-6",
            "0 0 9 ? * 1",
            "0 0 9 ? * 1,7",
        ] {
            assert!(!codes(clean).contains(&"quartz-dow-numbering"), "{clean}");
        }
        // Unix numbering is Unix's own
        assert!(!codes("0 9 * * 1-5").contains(&"quartz-dow-numbering"));
    }

    #[test]
    fn l_alone_in_dow() {
        let f = one("0 0 0 ? * L", "l-alone-in-dow");
        assert_eq!(f.span, Span::new(10, 11));
        assert!(f.help.unwrap().contains("`0 0 0 ? * SAT`"));
        assert!(!codes("0 0 0 ? * 6L").contains(&"l-alone-in-dow"));
        assert!(!codes("0 0 0 L * ?").contains(&"l-alone-in-dow"));
    }

    #[test]
    fn nonportable_question_mark() {
        let f = one("0 12 ? * MON", "nonportable-question-mark");
        assert_eq!(f.span, Span::new(5, 6));
        assert_eq!(
            f.help.as_deref(),
            Some("`?` means `*` here; write `0 12 * * MON`")
        );
        assert!(!codes("0 12 * * MON").contains(&"nonportable-question-mark"));
        // Quartz needs it
        assert!(!codes("0 0 12 ? * MON").contains(&"nonportable-question-mark"));
    }

    #[test]
    fn allow_skips_a_rule_and_rejects_unknown_names() {
        let mut opts = LintOptions::new(NOW);
        opts.allow("every-second").unwrap();
        assert!(opts.is_allowed("every-second"));
        assert!(check("* * * * * ?", DialectChoice::Auto, &opts).is_empty());
        assert_eq!(
            opts.allow("every-minute"),
            Err(UnknownRule("every-minute".into()))
        );
        // parse errors are not rules
        assert!(opts.allow("both-day-fields").is_err());
    }

    fn dst(text: &str, zone: &str, policy: DstPolicy) -> Vec<Finding> {
        let opts = LintOptions::new(NOW).with_zone(Zone::parse(zone).unwrap(), policy);
        check(text, DialectChoice::Auto, &opts)
    }

    #[test]
    fn dst_gap_in_new_york() {
        // US clocks spring forward on the second Sunday of March at 02:00: 2027-03-14.
        let f = dst("0 30 2 * * ?", "America/New_York", DstPolicy::Shift);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].code, "dst-gap");
        assert_eq!(f[0].span, Span::new(5, 6)); // the hour field
        assert_eq!(
            f[0].message,
            "2027-03-14 02:30 does not exist in America/New_York: clocks jump from 02:00 to 03:00"
        );
        assert!(f[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("with --dst shift it fires at 03:30 UTC-04:00 instead, 1h later;"));
        let f = dst("0 30 2 * * ?", "America/New_York", DstPolicy::Quartz);
        assert!(f[0].help.as_deref().unwrap().starts_with(
            "with --dst quartz (as Quartz and Nuxeo do) it does not fire at that time that day;"
        ));
        // every minute of 02:xx
        let f = dst("0 * 2 * * ?", "America/New_York", DstPolicy::Skip);
        assert!(f[0]
            .message
            .ends_with("(nor do its later fire times before 03:00)"));
        // Mondays only: the change happens on a Sunday
        assert!(dst("0 30 2 ? * MON", "America/New_York", DstPolicy::Shift).is_empty());
        // no zone, a fixed offset, or UTC: nothing to say
        assert!(codes("0 30 2 * * ?").is_empty());
        assert!(dst("0 30 2 * * ?", "+05:30", DstPolicy::Shift).is_empty());
        assert!(dst("0 30 2 * * ?", "UTC", DstPolicy::Shift).is_empty());
    }

    #[test]
    fn dst_cron_policy_says_what_cron_does() {
        // fixed-time: runs when the gap ends; once in an overlap
        let f = dst("30 2 * * *", "America/New_York", DstPolicy::Cron);
        assert!(f[0].help.as_deref().unwrap().starts_with(
            "with --dst cron (as Vixie cron and cronie do) it fires once when the gap ends, at 03:00 UTC-04:00;"
        ));
        let f = dst("30 1 * * *", "America/New_York", DstPolicy::Cron);
        assert!(f[0]
            .help
            .as_deref()
            .unwrap()
            .contains("it fires once, at the first occurrence (UTC-04:00)"));
        // wildcard minute: skips the gap, runs in both passes
        let f = dst("* 2 * * *", "America/New_York", DstPolicy::Cron);
        assert!(f[0]
            .help
            .as_deref()
            .unwrap()
            .contains("it does not fire at that time that day"));
        let f = dst("* 1 * * *", "America/New_York", DstPolicy::Cron);
        assert!(f[0]
            .help
            .as_deref()
            .unwrap()
            .contains("it fires twice, at both occurrences (UTC-04:00 and UTC-05:00)"));
    }

    #[test]
    fn dst_overlap_in_new_york_and_paris() {
        // US clocks fall back on the first Sunday of November at 02:00: 2026-11-01.
        let f = dst("0 30 1 * * ?", "America/New_York", DstPolicy::Shift);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].code, "dst-overlap");
        assert_eq!(
            f[0].message,
            "2026-11-01 01:30 happens twice in America/New_York: clocks go back from 02:00 to 01:00"
        );
        assert!(f[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("with --dst shift it fires once, at the first occurrence (UTC-04:00);"));
        let f = dst("0 30 1 * * ?", "America/New_York", DstPolicy::Quartz);
        assert!(f[0]
            .help
            .as_deref()
            .unwrap()
            .contains("the second occurrence (UTC-05:00)"));
        // EU clocks go back on the last Sunday of October at 01:00 UTC (03:00 → 02:00 in Paris)
        // and forward on the last Sunday of March (02:00 → 03:00): 2026-10-25, 2027-03-28.
        let f = dst("0 */30 2 * * ?", "Europe/Paris", DstPolicy::Shift);
        let got: Vec<_> = f.iter().map(|f| (f.code, f.message.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("dst-gap", "2027-03-28 02:00 does not exist in Europe/Paris: clocks jump from 02:00 to 03:00 (nor do its later fire times before 03:00)"),
                ("dst-overlap", "2026-10-25 02:00 happens twice in Europe/Paris: clocks go back from 03:00 to 02:00 (so do its later fire times before 03:00)"),
            ]
        );
        let mut opts =
            LintOptions::new(NOW).with_zone(Zone::parse("Europe/Paris").unwrap(), DstPolicy::Shift);
        opts.allow("dst-gap").unwrap();
        let f = check("0 */30 2 * * ?", DialectChoice::Auto, &opts);
        assert_eq!(
            f.iter().map(|f| f.code).collect::<Vec<_>>(),
            vec!["dst-overlap"]
        );
    }
}
