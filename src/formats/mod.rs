//! Where cron expressions live: readers for every input cronkit understands.
//!
//! * Text inputs (for `validate`): [`lines`], [`crontab`], [`nuxeo`] find each
//!   expression and its exact position ([`Located`]); [`detect`] picks the kind.
//! * Schedule documents: Elasticsearch Watcher and OpenSearch job-scheduler
//!   JSON ([`json`], [`watcher`], [`opensearch`]), read into cron expression
//!   strings plus metadata (below).
//!
//! This module does not parse cron expressions; it only finds every
//! schedule in a document and translates the structured ones (`hourly`,
//! `daily`, `weekly`, `monthly`, `yearly`, `interval`) to cron text exactly
//! as Elasticsearch does, remembering where in the file each expression (or
//! schedule object) is so that `validate` can point at it.
//!
//! Accepted documents (one JSON value, a JSON array of them, or NDJSON):
//! a watch (`{"trigger":{"schedule":{...}}}`), `{"schedule":{...}}`, a bare
//! schedule (`{"daily":{...}}`), a get-watch response (`{"_id":..,
//! "watch":{...}}`), a `_query/watches` response (`{"watches":[...]}`), an
//! OpenSearch job (`{"schedule":{"cron":{...}}}` or `{"interval":{...}}`),
//! and search hits (`{"hits":{"hits":[{"_id":..,"_source":{...}}]}}`).
//!
//! ```
//! use cronkit::formats::{extract, ScheduleKind, SourceFormat};
//!
//! let doc = br#"{"trigger":{"schedule":{"weekly":{"on":["tue","fri"],"at":"noon"}}}}"#;
//! let found = extract(doc, SourceFormat::Auto).unwrap();
//! let spec = &found.schedules[0];
//! assert_eq!(spec.kind, ScheduleKind::Weekly);
//! assert_eq!(spec.path, "trigger.schedule.weekly");
//! assert_eq!(spec.expressions[0].text, "0 0 12 ? * TUE,FRI");
//! ```

pub mod ci;
pub mod crontab;
pub mod detect;
pub mod json;
pub mod lines;
pub mod located;
pub mod nuxeo;
pub mod opensearch;
pub mod watcher;
pub mod yaml;

pub use located::{DialectHint, InputError, Located, MAX_LINE_BYTES};

use std::fmt;

use thiserror::Error;

use self::json::{JsonError, Member, Span, Value, ValueKind};

/// Which schedule language a document is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceFormat {
    /// Decide per schedule object: OpenSearch when its `cron` or `interval`
    /// is an object, Watcher otherwise.
    #[default]
    Auto,
    /// Elasticsearch Watcher.
    Watcher,
    /// OpenSearch / OpenDistro job scheduler.
    OpenSearch,
}

/// The cron dialect of the produced expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Quartz (6 or 7 fields, seconds first), as Elasticsearch.
    Quartz,
    /// Unix cron (5 fields), as the OpenSearch job scheduler.
    Unix,
}

impl Dialect {
    /// `"quartz"` or `"unix"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Quartz => "quartz",
            Dialect::Unix => "unix",
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of schedule found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScheduleKind {
    /// Watcher `hourly`.
    Hourly,
    /// Watcher `daily`.
    Daily,
    /// Watcher `weekly`.
    Weekly,
    /// Watcher `monthly`.
    Monthly,
    /// Watcher `yearly`.
    Yearly,
    /// Watcher `cron` (string or array).
    Cron,
    /// Watcher `interval`.
    Interval,
    /// OpenSearch `cron` object.
    OpenSearchCron,
    /// OpenSearch `interval` object.
    OpenSearchInterval,
}

impl ScheduleKind {
    /// A unique kebab-case name: `hourly` ... `interval`, `opensearch-cron`,
    /// `opensearch-interval`.
    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleKind::Hourly => "hourly",
            ScheduleKind::Daily => "daily",
            ScheduleKind::Weekly => "weekly",
            ScheduleKind::Monthly => "monthly",
            ScheduleKind::Yearly => "yearly",
            ScheduleKind::Cron => "cron",
            ScheduleKind::Interval => "interval",
            ScheduleKind::OpenSearchCron => "opensearch-cron",
            ScheduleKind::OpenSearchInterval => "opensearch-interval",
        }
    }

    /// The schedule type as written in the document (`cron` and `interval`
    /// for both products).
    pub fn type_name(self) -> &'static str {
        match self {
            ScheduleKind::OpenSearchCron => "cron",
            ScheduleKind::OpenSearchInterval => "interval",
            other => other.as_str(),
        }
    }

    /// Whether this comes from an OpenSearch document.
    pub fn is_opensearch(self) -> bool {
        matches!(
            self,
            ScheduleKind::OpenSearchCron | ScheduleKind::OpenSearchInterval
        )
    }
}

impl fmt::Display for ScheduleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cron expression with the place it comes from.
///
/// For cron strings (`cron`, OpenSearch `expression`) the place is the JSON
/// string itself (its opening quote); for translated schedules it is the
/// schedule body (e.g. the `{` after `"weekly":`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpannedExpr {
    /// The expression text (for JSON strings: unescaped).
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Byte span of the JSON node.
    pub span: Span,
}

/// A fixed-rate schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntervalSpec {
    /// The period in seconds (at least 1).
    pub seconds: u64,
    /// When the count starts (epoch milliseconds, UTC), if known
    /// (OpenSearch `start_time` plus `schedule_delay`). Watcher counts from
    /// the moment the watch is activated, which a document does not say.
    pub start_time_ms: Option<i64>,
}

/// A warning about a schedule: accepted, but worth a look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatWarning {
    /// A stable kebab-case code.
    pub code: &'static str,
    /// JSON path of the node.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// 1-based line of the node.
    pub line: usize,
    /// 1-based column of the node.
    pub column: usize,
    /// Byte span of the node.
    pub span: Span,
}

impl fmt::Display for FormatWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", display_path(&self.path), self.message)
    }
}

/// One schedule found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleSpec {
    /// The watch or job id (`_id`), when the document has one.
    pub id: Option<String>,
    /// JSON path of the schedule, e.g. `trigger.schedule.weekly` or
    /// `watches[2].watch.trigger.schedule.cron[1]` is where an error sits;
    /// `[k]` prefixes NDJSON document `k` (0-based) when there are several.
    pub path: String,
    /// The schedule type.
    pub kind: ScheduleKind,
    /// The dialect of `expressions`.
    pub dialect: Dialect,
    /// The cron expressions that together fire exactly as the schedule
    /// (empty when an interval has no cron equivalent; see
    /// `conversion_error`).
    pub expressions: Vec<SpannedExpr>,
    /// The time zone given with the schedule, as written.
    pub timezone: Option<String>,
    /// For `interval` schedules: the period and start.
    pub interval: Option<IntervalSpec>,
    /// Facts a converter should tell the user (e.g. "the phase may differ").
    pub notes: Vec<String>,
    /// Accepted oddities.
    pub warnings: Vec<FormatWarning>,
    /// Why `expressions` does not fire exactly as the schedule, when that
    /// is so (an interval no cron can express, an OpenSearch
    /// `schedule_delay`). `validate` may ignore it; `convert` must fail.
    pub conversion_error: Option<FormatError>,
}

/// The kinds of schedule errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// The JSON itself is malformed.
    Json(JsonError),
    /// A document holds no recognizable schedule.
    NoSchedule,
    /// A schedule object without a type.
    EmptySchedule,
    /// A schedule type that does not exist.
    UnknownScheduleType,
    /// A trigger type other than `schedule`.
    UnknownTriggerType,
    /// A field the schedule does not know.
    UnknownField,
    /// A field given twice in one object.
    DuplicateField,
    /// A required field is missing.
    MissingField,
    /// A value of the wrong JSON type.
    WrongType,
    /// A value of the right type that is not allowed.
    InvalidValue,
    /// `found: false` in a get-watch response.
    WatchNotFound,
    /// A `timezone` on a schedule that cannot have one.
    TimezoneNotSupported,
    /// An interval no cron expression can reproduce.
    IntervalNotCron(IntervalError),
    /// An OpenSearch `schedule_delay` a cron expression cannot carry.
    DelayNotCron,
}

impl FormatErrorKind {
    /// A stable kebab-case code.
    pub fn code(&self) -> &'static str {
        match self {
            FormatErrorKind::Json(e) => e.kind.code(),
            FormatErrorKind::NoSchedule => "no-schedule",
            FormatErrorKind::EmptySchedule => "empty-schedule",
            FormatErrorKind::UnknownScheduleType => "unknown-schedule-type",
            FormatErrorKind::UnknownTriggerType => "unknown-trigger-type",
            FormatErrorKind::UnknownField => "unknown-field",
            FormatErrorKind::DuplicateField => "duplicate-field",
            FormatErrorKind::MissingField => "missing-field",
            FormatErrorKind::WrongType => "wrong-type",
            FormatErrorKind::InvalidValue => "invalid-value",
            FormatErrorKind::WatchNotFound => "watch-not-found",
            FormatErrorKind::TimezoneNotSupported => "timezone-not-supported",
            FormatErrorKind::IntervalNotCron(_) => "interval-not-cron",
            FormatErrorKind::DelayNotCron => "schedule-delay-not-cron",
        }
    }
}

/// A schedule that cannot be read or translated.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct FormatError {
    /// What kind of problem.
    pub kind: FormatErrorKind,
    /// JSON path of the offending node (empty for the document root).
    pub path: String,
    /// The watch or job id, when known.
    pub id: Option<String>,
    /// One-line message, naming the bad value.
    pub message: String,
    /// The offending value as compact JSON, when there is one.
    pub value: Option<String>,
    /// What would be accepted instead.
    pub allowed: Option<String>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Byte span of the offending node.
    pub span: Span,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let FormatErrorKind::Json(_) = self.kind {
            return f.write_str(&self.message);
        }
        write!(f, "{}: {}", display_path(&self.path), self.message)?;
        if let Some(allowed) = &self.allowed {
            write!(f, " (allowed: {allowed})")?;
        }
        Ok(())
    }
}

impl From<JsonError> for FormatError {
    fn from(e: JsonError) -> Self {
        FormatError {
            message: format!("invalid JSON: {e}"),
            path: String::new(),
            id: None,
            value: None,
            allowed: None,
            line: e.line,
            column: e.column,
            span: Span {
                start: e.offset,
                end: e.offset,
            },
            kind: FormatErrorKind::Json(e),
        }
    }
}

impl FormatError {
    /// An error about the node `at`.
    pub(crate) fn new(
        kind: FormatErrorKind,
        at: &Value,
        path: &str,
        message: impl Into<String>,
    ) -> Box<Self> {
        Box::new(FormatError {
            kind,
            path: path.to_string(),
            id: None,
            message: message.into(),
            value: Some(at.to_json_truncated(80)),
            allowed: None,
            line: at.line,
            column: at.column,
            span: at.span,
        })
    }

    /// An error about an object key (unknown or repeated field).
    pub(crate) fn at_key(
        kind: FormatErrorKind,
        member: &Member,
        path: &str,
        message: impl Into<String>,
    ) -> Box<Self> {
        Box::new(FormatError {
            kind,
            path: path.to_string(),
            id: None,
            message: message.into(),
            value: Some(member.key.text.clone()),
            allowed: None,
            line: member.key.line,
            column: member.key.column,
            span: member.key.span,
        })
    }

    pub(crate) fn allowed(mut self: Box<Self>, allowed: impl Into<String>) -> Box<Self> {
        self.allowed = Some(allowed.into());
        self
    }
}

/// The JSON error inside, if this is a syntax error.
impl FormatError {
    /// The underlying JSON syntax error, if any.
    pub fn json_error(&self) -> Option<&JsonError> {
        match &self.kind {
            FormatErrorKind::Json(e) => Some(e),
            _ => None,
        }
    }
}

/// Why an interval has no cron equivalent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IntervalError {
    /// Zero or negative.
    #[error("an interval must be at least 1 second")]
    TooShort,
    /// Under a minute but not a divisor of 60 seconds.
    #[error(
        "{0}s does not divide a minute evenly: a cron's seconds step restarts at every minute \
         (`0/{0} * * * * ?` fires at second {last} and then at second 0, {gap} seconds apart)",
        last = last_step(60, *.0), gap = 60 - last_step(60, *.0)
    )]
    SecondsNotDividingMinute(u64),
    /// More than a minute but not whole minutes.
    #[error(
        "{0} seconds is not a whole number of minutes, and a cron cannot fire every {0} seconds"
    )]
    NotWholeMinutes(u64),
    /// Whole minutes under an hour that do not divide 60.
    #[error(
        "{0}m does not divide an hour evenly: a cron's minute step restarts at every hour \
         (`0 0/{0} * * * ?` fires at minute {last} and then at minute 0, {gap} minutes apart)",
        last = last_step(60, *.0), gap = 60 - last_step(60, *.0)
    )]
    MinutesNotDividingHour(u64),
    /// More than an hour but not whole hours.
    #[error(
        "{0} minutes is not a whole number of hours, and a cron cannot fire every {0} minutes"
    )]
    NotWholeHours(u64),
    /// Whole hours under a day that do not divide 24.
    #[error(
        "{0}h does not divide a day evenly: a cron's hour step restarts at midnight \
         (`0 0 0/{0} * * ?` fires at {last}:00 and then at 00:00, {gap} hours apart)",
        last = last_step(24, *.0), gap = 24 - last_step(24, *.0)
    )]
    HoursNotDividingDay(u64),
    /// More than a day but not whole days.
    #[error("{0} hours is not a whole number of days, and a cron cannot fire every {0} hours")]
    NotWholeDays(u64),
    /// Several days (but not exactly a week).
    #[error(
        "every {0} days cannot be written as a cron: a day-of-month step restarts every month \
         (`0 0 0 1/{0} * ?` fires on the last days of a month and again on the 1st)"
    )]
    SeveralDays(u64),
    /// Several weeks.
    #[error("every {0} weeks cannot be written as a cron: cron has no week counter")]
    SeveralWeeks(u64),
}

/// The last multiple of `step` below `cycle`.
fn last_step(cycle: u64, step: u64) -> u64 {
    (cycle - 1).checked_div(step).map_or(0, |q| q * step)
}

/// A cron expression equivalent to an interval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntervalCron {
    /// The quartz expression (UTC).
    pub expression: String,
    /// Whether the expression fires at exactly the interval's instants
    /// (true only when the start time is known; the fire times before the
    /// start still differ).
    pub exact_phase: bool,
}

const MINUTE: u64 = 60;
const HOUR: u64 = 3_600;
const DAY: u64 = 86_400;
const WEEK: u64 = 604_800;

/// Translates a fixed-rate interval to a clock-aligned quartz cron, when
/// the period divides its unit evenly (`5m` → `0 0/5 * * * ?`, `30s` →
/// `0/30 * * * * ?`, `2h` → `0 0 0/2 * * ?`, `1d` → `0 0 0 * * ?`, `1w` →
/// `0 0 0 ? * MON`).
///
/// With a known start time the phase is taken from it (UTC); without one
/// the cron starts at the top of the unit, and weekly intervals on Monday.
///
/// ```
/// use cronkit::formats::{interval_to_cron, IntervalSpec};
///
/// let five = IntervalSpec { seconds: 300, start_time_ms: None };
/// assert_eq!(interval_to_cron(&five).unwrap().expression, "0 0/5 * * * ?");
/// let seven = IntervalSpec { seconds: 420, start_time_ms: None };
/// assert!(interval_to_cron(&seven).is_err());
/// ```
pub fn interval_to_cron(spec: &IntervalSpec) -> Result<IntervalCron, IntervalError> {
    let p = spec.seconds;
    if p == 0 {
        return Err(IntervalError::TooShort);
    }
    let start_s = spec
        .start_time_ms
        .map(|ms| (i128::from(ms.div_euclid(1000)).rem_euclid(i128::from(p))) as u64);
    let phase = start_s.unwrap_or(0);
    let (s, m, h) = (phase % 60, (phase / 60) % 60, (phase / 3600) % 24);
    let expression = if p < MINUTE {
        if MINUTE % p != 0 {
            return Err(IntervalError::SecondsNotDividingMinute(p));
        }
        format!("{s}/{p} * * * * ?")
    } else if p < HOUR {
        if p % MINUTE != 0 {
            return Err(IntervalError::NotWholeMinutes(p));
        }
        let minutes = p / MINUTE;
        if HOUR % p != 0 {
            return Err(IntervalError::MinutesNotDividingHour(minutes));
        }
        format!("{s} {m}/{minutes} * * * ?")
    } else if p < DAY {
        if p % HOUR != 0 {
            return Err(IntervalError::NotWholeHours(p / MINUTE));
        }
        let hours = p / HOUR;
        if DAY % p != 0 {
            return Err(IntervalError::HoursNotDividingDay(hours));
        }
        format!("{s} {m} {h}/{hours} * * ?")
    } else if p % DAY != 0 {
        return Err(IntervalError::NotWholeDays(p / HOUR));
    } else if p == DAY {
        format!("{s} {m} {h} * * ?")
    } else if p == WEEK {
        // 1970-01-01 was a Thursday.
        let weekday = match start_s {
            Some(x) => ["THU", "FRI", "SAT", "SUN", "MON", "TUE", "WED"][(x / DAY) as usize % 7],
            None => "MON",
        };
        format!("{s} {m} {h} ? * {weekday}")
    } else if p % WEEK == 0 {
        return Err(IntervalError::SeveralWeeks(p / WEEK));
    } else {
        return Err(IntervalError::SeveralDays(p / DAY));
    };
    Ok(IntervalCron {
        expression,
        exact_phase: start_s.is_some(),
    })
}

/// `300` → `5m`, `90` → `90s`, `604800` → `1w`.
pub fn format_interval(seconds: u64) -> String {
    for (unit, size) in [("w", WEEK), ("d", DAY), ("h", HOUR), ("m", MINUTE)] {
        if seconds >= size && seconds % size == 0 {
            return format!("{}{unit}", seconds / size);
        }
    }
    format!("{seconds}s")
}

/// Everything found in an input.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extraction {
    /// The schedules, in document order.
    pub schedules: Vec<ScheduleSpec>,
    /// Schedules (or documents) that could not be read. One bad watch does
    /// not hide the others.
    pub errors: Vec<FormatError>,
}

/// Reads every schedule in `input` (JSON, a JSON array of documents, or
/// NDJSON). Only malformed JSON is an `Err` (convert it with
/// `FormatError::from` when one error type is handier); problems with
/// single schedules are listed in [`Extraction::errors`].
pub fn extract(input: &[u8], format: SourceFormat) -> Result<Extraction, JsonError> {
    let mut out = Extraction::default();
    extract_each(input, format, |part| {
        out.schedules.extend(part.schedules);
        out.errors.extend(part.errors);
    })?;
    Ok(out)
}

/// [`extract`] in pieces: `f` gets what each top-level document (or each
/// element of a top-level array, of a query response's `watches` array or of
/// a search response's `hits.hits`, see [`json::STREAMED_PATHS`])
/// holds, in file order, and the document is never held whole, so memory
/// follows the largest piece, not the input.
/// The input is read twice: first to check that it is well-formed JSON (a
/// syntax error anywhere is the `Err`, before `f` is called at all), then to
/// read the schedules.
pub fn extract_each(
    input: &[u8],
    format: SourceFormat,
    mut f: impl FnMut(Extraction),
) -> Result<(), JsonError> {
    // First pass: syntax and the number of documents, nothing kept.
    let mut docs = 0usize;
    json::each_top_level(input, |piece| {
        if matches!(piece, json::TopLevel::Value(_) | json::TopLevel::ArrayStart) {
            docs += 1;
        }
    })?;
    if docs == 0 {
        let mut out = Extraction::default();
        out.errors.push(FormatError {
            kind: FormatErrorKind::NoSchedule,
            path: String::new(),
            id: None,
            message: "the input holds no JSON document".to_string(),
            value: None,
            allowed: None,
            line: 1,
            column: 1,
            span: Span::default(),
        });
        f(out);
        return Ok(());
    }
    let several = docs > 1;
    let mut index = 0usize;
    let mut array_path = String::new();
    json::each_top_level(input, |piece| {
        let mut out = Extraction::default();
        let prefix = |i: usize| {
            if several {
                format!("[{i}]")
            } else {
                String::new()
            }
        };
        match piece {
            json::TopLevel::Value(doc) => {
                walk_document(&doc, &prefix(index), None, format, &mut out, true);
                index += 1;
            }
            json::TopLevel::ArrayStart => {
                array_path = prefix(index);
                index += 1;
                return;
            }
            json::TopLevel::MemberArrayStart(keys) => {
                // a query response's `watches` or a search response's
                // `hits.hits`, as `walk_document` walks them; the object
                // itself follows as a `Value` with the array empty
                array_path = keys
                    .iter()
                    .fold(prefix(index), |path, key| child_path(&path, key));
                return;
            }
            json::TopLevel::Element(i, item) => {
                // as `walk_document` walks a top-level array's items
                walk_document(
                    &item,
                    &index_path(&array_path, i),
                    None,
                    format,
                    &mut out,
                    false,
                );
            }
            json::TopLevel::End => return,
        }
        f(out);
    })
}

/// Reads every schedule in one parsed document; `path` is the path prefix
/// of `doc` (empty for a whole document).
pub fn extract_value(doc: &Value, path: &str, format: SourceFormat) -> Extraction {
    let mut out = Extraction::default();
    walk_document(doc, path, None, format, &mut out, true);
    out
}

const WATCHER_TYPES: [&str; 7] = [
    "hourly", "daily", "weekly", "monthly", "yearly", "cron", "interval",
];

fn walk_document(
    doc: &Value,
    path: &str,
    id: Option<&str>,
    format: SourceFormat,
    out: &mut Extraction,
    top: bool,
) {
    let push_err = |out: &mut Extraction, mut e: Box<FormatError>| {
        e.id = id.map(str::to_string);
        out.errors.push(*e);
    };
    if let (Some(items), true) = (doc.as_array(), top) {
        for (i, item) in items.iter().enumerate() {
            walk_document(item, &index_path(path, i), None, format, out, false);
        }
        return;
    }
    let Some(members) = doc.as_object() else {
        push_err(
            out,
            FormatError::new(
                FormatErrorKind::NoSchedule,
                doc,
                path,
                format!(
                    "expected a JSON object holding a schedule, found {}",
                    doc.type_name()
                ),
            ),
        );
        return;
    };
    let find = |key: &str| members.iter().find(|m| m.key.text == key);
    let own_id = find("_id").and_then(|m| m.value.as_str()).or(id);
    let push_err = |out: &mut Extraction, mut e: Box<FormatError>| {
        e.id = own_id.map(str::to_string);
        out.errors.push(*e);
    };
    // a get-watch / get-document response with `found: false`
    let push_not_found = |out: &mut Extraction, what: &str| {
        let message = format!(
            "the response says the {what}{} was not found (`found: false`)",
            own_id.map(|i| format!(" `{i}`")).unwrap_or_default()
        );
        push_err(
            out,
            FormatError::new(FormatErrorKind::WatchNotFound, doc, path, message),
        );
    };

    if let Some(watches) = find("watches") {
        let p = child_path(path, "watches");
        let Some(items) = watches.value.as_array() else {
            push_err(
                out,
                FormatError::new(
                    FormatErrorKind::WrongType,
                    &watches.value,
                    &p,
                    format!(
                        "`watches` must be an array, found {}",
                        watches.value.type_name()
                    ),
                ),
            );
            return;
        };
        for (i, item) in items.iter().enumerate() {
            walk_document(item, &index_path(&p, i), None, format, out, false);
        }
        return;
    }
    if let Some(hits) = find("hits").and_then(|m| m.value.get("hits").map(|h| (m, h))) {
        let p = child_path(&child_path(path, "hits"), "hits");
        if let Some(items) = hits.1.as_array() {
            for (i, item) in items.iter().enumerate() {
                walk_document(item, &index_path(&p, i), None, format, out, false);
            }
            return;
        }
    }
    if let Some(watch) = find("watch") {
        if find("found").and_then(|m| m.value.as_bool()) == Some(false) {
            push_not_found(out, "watch");
            return;
        }
        walk_document(
            &watch.value,
            &child_path(path, "watch"),
            own_id,
            format,
            out,
            false,
        );
        return;
    }
    if let Some(found) = find("found") {
        if found.value.as_bool() == Some(false) {
            push_not_found(out, "document");
            return;
        }
    }
    if let Some(source) = find("_source") {
        walk_document(
            &source.value,
            &child_path(path, "_source"),
            own_id,
            format,
            out,
            false,
        );
        return;
    }
    if let Some(trigger) = find("trigger") {
        let p = child_path(path, "trigger");
        match read_trigger(&trigger.value, &p) {
            Ok(schedule) => {
                read_schedule(schedule, &child_path(&p, "schedule"), own_id, format, out)
            }
            Err(mut e) => {
                e.id = own_id.map(str::to_string);
                out.errors.push(*e);
            }
        }
        return;
    }
    if let Some(schedule) = find("schedule") {
        read_schedule(
            &schedule.value,
            &child_path(path, "schedule"),
            own_id,
            format,
            out,
        );
        return;
    }
    let is_type =
        |m: &Member| WATCHER_TYPES.contains(&m.key.text.as_str()) || m.key.text == "timezone";
    if members.iter().any(is_type) {
        read_schedule(doc, path, own_id, format, out);
        return;
    }
    push_err(
        out,
        FormatError::new(
            FormatErrorKind::NoSchedule,
            doc,
            path,
            "no schedule found in this object",
        )
        .allowed(
            "a watch (`trigger.schedule`), `schedule`, a bare schedule (`hourly`, `daily`, \
             `weekly`, `monthly`, `yearly`, `cron`, `interval`), a get-watch response (`watch`), \
             a query response (`watches`) or an OpenSearch job (`schedule.cron` / \
             `schedule.interval`)",
        ),
    );
}

/// Checks a watch `trigger` and returns its `schedule` value.
fn read_trigger<'a>(trigger: &'a Value, path: &str) -> Result<&'a Value, Box<FormatError>> {
    let members = object(trigger, path, "a trigger")?;
    let mut schedule = None;
    for m in members {
        if m.key.text == "schedule" {
            schedule = Some(&m.value);
        } else {
            return Err(FormatError::at_key(
                FormatErrorKind::UnknownTriggerType,
                m,
                &child_path(path, &m.key.text),
                format!("unknown trigger type `{}`", m.key.text),
            )
            .allowed("schedule"));
        }
    }
    schedule.ok_or_else(|| {
        FormatError::new(
            FormatErrorKind::MissingField,
            trigger,
            path,
            "the trigger has no `schedule`",
        )
        .allowed("{\"schedule\": {...}}")
    })
}

fn read_schedule(
    schedule: &Value,
    path: &str,
    id: Option<&str>,
    format: SourceFormat,
    out: &mut Extraction,
) {
    let opensearch = match format {
        SourceFormat::OpenSearch => true,
        SourceFormat::Watcher => false,
        SourceFormat::Auto => opensearch::looks_like_opensearch(schedule),
    };
    let result = if opensearch {
        opensearch::read_schedule(schedule, path)
    } else {
        watcher::read_schedule(schedule, path)
    };
    match result {
        Ok(mut spec) => {
            spec.id = id.map(str::to_string);
            if let Some(e) = &mut spec.conversion_error {
                e.id = spec.id.clone();
            }
            out.schedules.push(spec);
        }
        Err(mut e) => {
            e.id = id.map(str::to_string);
            out.errors.push(*e);
        }
    }
}

// ---------------------------------------------------------------------
// Helpers shared by the readers.

/// `path.key`, or `path["odd key"]` for keys that are not identifiers.
pub(crate) fn child_path(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '@' || c == '$');
    if plain {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    } else {
        let mut quoted = String::new();
        json::write_string(key, &mut quoted);
        format!("{path}[{quoted}]")
    }
}

/// `path[i]`.
pub(crate) fn index_path(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// The path as shown to people (`(document)` for the root).
pub(crate) fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "(document)"
    } else {
        path
    }
}

/// The members of an object, rejecting other types and repeated keys
/// (Elasticsearch's JSON reader rejects duplicates).
pub(crate) fn object<'a>(
    v: &'a Value,
    path: &str,
    what: &str,
) -> Result<&'a [Member], Box<FormatError>> {
    let Some(members) = v.as_object() else {
        return Err(FormatError::new(
            FormatErrorKind::WrongType,
            v,
            path,
            format!(
                "expected {what} (a JSON object), found {} {}",
                v.type_name(),
                v.to_json_truncated(40)
            ),
        ));
    };
    for (i, m) in members.iter().enumerate() {
        if members[..i].iter().any(|o| o.key.text == m.key.text) {
            return Err(FormatError::at_key(
                FormatErrorKind::DuplicateField,
                m,
                &child_path(path, &m.key.text),
                format!(
                    "field `{}` is given twice (Elasticsearch rejects duplicate fields)",
                    m.key.text
                ),
            ));
        }
    }
    Ok(members)
}

/// A warning about the node `at`.
pub(crate) fn warning(
    code: &'static str,
    at: &Value,
    path: &str,
    message: impl Into<String>,
) -> FormatWarning {
    FormatWarning {
        code,
        path: path.to_string(),
        message: message.into(),
        line: at.line,
        column: at.column,
        span: at.span,
    }
}

/// A warning about an object key.
pub(crate) fn key_warning(
    code: &'static str,
    m: &Member,
    path: &str,
    message: impl Into<String>,
) -> FormatWarning {
    FormatWarning {
        code,
        path: path.to_string(),
        message: message.into(),
        line: m.key.line,
        column: m.key.column,
        span: m.key.span,
    }
}

/// A spanned expression placed at `at`.
pub(crate) fn spanned(text: String, at: &Value) -> SpannedExpr {
    SpannedExpr {
        text,
        line: at.line,
        column: at.column,
        span: at.span,
    }
}

/// Java `Integer.parseInt` / `Long.parseLong` on ASCII text: an optional
/// sign and at least one digit, nothing else.
pub(crate) fn java_parse_int(s: &str, min: i64, max: i64) -> Option<i64> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v: i64 = 0;
    for b in digits.bytes() {
        v = v.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let v = if neg { -v } else { v };
    (min..=max).contains(&v).then_some(v)
}

/// How a JSON number reads as a Java `int`/`long` with XContent's default
/// coercion.
pub(crate) enum JavaInt {
    /// An integer in range.
    Exact(i64),
    /// A fraction, truncated toward zero (value, original text).
    Truncated(i64),
    /// Outside the type's range.
    OutOfRange,
}

/// Reads a JSON number as Java would with `intValue()`/`longValue()`.
pub(crate) fn java_number(n: &json::Number, min: i64, max: i64) -> JavaInt {
    if let Some(i) = n.int {
        return if (min..=max).contains(&i) {
            JavaInt::Exact(i)
        } else {
            JavaInt::OutOfRange
        };
    }
    let t = n.float.trunc();
    if !t.is_finite() || t < min as f64 || t > max as f64 {
        return JavaInt::OutOfRange;
    }
    if t == n.float {
        JavaInt::Exact(t as i64)
    } else {
        JavaInt::Truncated(t as i64)
    }
}

impl fmt::Display for SpannedExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// `true` when `v` is a string or number (a JSON scalar Watcher reads).
pub(crate) fn is_scalar(v: &Value) -> bool {
    matches!(v.kind, ValueKind::String(_) | ValueKind::Number(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(seconds: u64, start: Option<i64>) -> Result<String, IntervalError> {
        interval_to_cron(&IntervalSpec {
            seconds,
            start_time_ms: start,
        })
        .map(|c| c.expression)
    }

    /// What the streaming reader finds must be what reading each document
    /// whole finds: the same schedules and errors, paths and positions.
    #[test]
    fn streamed_query_responses_read_as_whole_documents() {
        let w = |id: &str, cron: &str| {
            format!(r#"{{"_id":"{id}","watch":{{"trigger":{{"schedule":{{"cron":"{cron}"}}}}}}}}"#)
        };
        let docs = [
            format!(
                r#"{{"count":2,"watches":[{},{}]}}"#,
                w("a", "0 0 * * * ?"),
                w("b", "bad")
            ),
            format!(r#"{{"watches":[{}],"count":1}}"#, w("a", "0 5 * * * ?")),
            // only the first `watches` counts; a later one is ignored
            format!(
                r#"{{"watches":[{}],"watches":[{}]}}"#,
                w("a", "0 5 * * * ?"),
                w("b", "0 6 * * * ?")
            ),
            r#"{"watches":[]}"#.to_string(),
            r#"{"watches":{"a":1}}"#.to_string(),
            r#"{"watches":[1,"x",null]}"#.to_string(),
            format!(
                "{{ \"count\" : 1 ,\n \"watches\" : [\n {} \n] }}",
                w("nl", "0 0 12 * * ?")
            ),
            r#"{"_id":"outer","watch":{"trigger":{"schedule":{"cron":"0 0 1 * * ?"}}}}"#
                .to_string(),
            "{}".to_string(),
            // a first `watches` that is not an array hides a later one
            format!(r#"{{"watches":5,"watches":[{}]}}"#, w("a", "0 5 * * * ?")),
            // search responses: `hits.hits` is streamed
            format!(
                r#"{{"took":2,"hits":{{"total":{{"value":3}},"hits":[{},{},7],"max_score":1.0}}}}"#,
                r#"{"_id":"j1","_source":{"schedule":{"cron":{"expression":"15 3 * * *","timezone":"UTC"}}}}"#,
                w("b", "0 0 12 * * ?")
            ),
            r#"{"hits":{"hits":[]},"trigger":{"schedule":{"cron":"0 0 * * * ?"}}}"#.to_string(),
            r#"{"hits":{"hits":{"a":1}}}"#.to_string(),
            format!(
                r#"{{"hits":5,"hits":{{"hits":[{}]}}}}"#,
                w("c", "0 5 * * * ?")
            ),
            format!(
                r#"{{"hits":{{"hits":[1],"hits":[{}]}}}}"#,
                w("d", "0 5 * * * ?")
            ),
        ];
        for doc in &docs {
            let whole = extract_value(
                &json::parse(doc.as_bytes()).unwrap(),
                "",
                SourceFormat::Auto,
            );
            let streamed = extract(doc.as_bytes(), SourceFormat::Auto).unwrap();
            assert_eq!(streamed, whole, "{doc}");
        }
        // several documents (NDJSON): paths get the document's index
        let ndjson = format!("{}\n{}\n", docs[0], docs[1]);
        let streamed = extract(ndjson.as_bytes(), SourceFormat::Auto).unwrap();
        let mut whole = Extraction::default();
        for (i, doc) in json::parse_all(ndjson.as_bytes())
            .unwrap()
            .iter()
            .enumerate()
        {
            let part = extract_value(doc, &format!("[{i}]"), SourceFormat::Auto);
            whole.schedules.extend(part.schedules);
            whole.errors.extend(part.errors);
        }
        assert_eq!(streamed, whole);
        assert_eq!(
            streamed.schedules[2].path,
            "[1].watches[0].watch.trigger.schedule.cron"
        );
        // malformed inside the streamed array: the same error as a whole parse
        for bad in [
            r#"{"watches":[1,]}"#,
            r#"{"watches":[1 2]}"#,
            r#"{"watches":[1],}"#,
            r#"{"watches":[1]"#,
            r#"{"hits":{"hits":[1,]}}"#,
            r#"{"hits":{"hits":[1]"#,
            r#"{"hits":{"hits":[1]},}"#,
            r#"{"hits":{"hits":[1],}}"#,
        ] {
            let whole = json::parse(bad.as_bytes()).unwrap_err();
            let streamed = extract(bad.as_bytes(), SourceFormat::Auto).unwrap_err();
            assert_eq!(
                (streamed.kind, streamed.line, streamed.column),
                (whole.kind, whole.line, whole.column),
                "{bad}"
            );
        }
        // the nesting limit counts the object and the array
        let deep = |n: usize| format!(r#"{{"watches":[{}{}]}}"#, "[".repeat(n), "]".repeat(n));
        let deep_hits = |n: usize| {
            format!(
                r#"{{"hits":{{"hits":[{}{}]}}}}"#,
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        for n in [124, 125, 126, 127] {
            for d in [deep(n), deep_hits(n)] {
                assert_eq!(
                    json::parse(d.as_bytes()).is_ok(),
                    extract(d.as_bytes(), SourceFormat::Auto).is_ok(),
                    "depth {n}: {d}"
                );
            }
        }
    }

    #[test]
    fn intervals_that_divide_their_unit() {
        assert_eq!(iv(1, None).unwrap(), "0/1 * * * * ?");
        assert_eq!(iv(30, None).unwrap(), "0/30 * * * * ?");
        assert_eq!(iv(60, None).unwrap(), "0 0/1 * * * ?");
        assert_eq!(iv(120, None).unwrap(), "0 0/2 * * * ?");
        assert_eq!(iv(300, None).unwrap(), "0 0/5 * * * ?");
        assert_eq!(iv(1800, None).unwrap(), "0 0/30 * * * ?");
        assert_eq!(iv(3600, None).unwrap(), "0 0 0/1 * * ?");
        assert_eq!(iv(7200, None).unwrap(), "0 0 0/2 * * ?");
        assert_eq!(iv(12 * 3600, None).unwrap(), "0 0 0/12 * * ?");
        assert_eq!(iv(86_400, None).unwrap(), "0 0 0 * * ?");
        assert_eq!(iv(604_800, None).unwrap(), "0 0 0 ? * MON");
    }

    #[test]
    fn intervals_that_do_not() {
        assert_eq!(iv(0, None).unwrap_err(), IntervalError::TooShort);
        assert_eq!(
            iv(7, None).unwrap_err(),
            IntervalError::SecondsNotDividingMinute(7)
        );
        assert_eq!(
            iv(90, None).unwrap_err(),
            IntervalError::NotWholeMinutes(90)
        );
        assert_eq!(
            iv(420, None).unwrap_err(),
            IntervalError::MinutesNotDividingHour(7)
        );
        assert_eq!(
            iv(5400, None).unwrap_err(),
            IntervalError::NotWholeHours(90)
        );
        assert_eq!(
            iv(5 * 3600, None).unwrap_err(),
            IntervalError::HoursNotDividingDay(5)
        );
        assert_eq!(
            iv(36 * 3600, None).unwrap_err(),
            IntervalError::NotWholeDays(36)
        );
        assert_eq!(
            iv(2 * 86_400, None).unwrap_err(),
            IntervalError::SeveralDays(2)
        );
        assert_eq!(
            iv(3 * 86_400, None).unwrap_err(),
            IntervalError::SeveralDays(3)
        );
        assert_eq!(
            iv(14 * 86_400, None).unwrap_err(),
            IntervalError::SeveralWeeks(2)
        );
        let msg = IntervalError::MinutesNotDividingHour(7).to_string();
        assert!(msg.contains("7m does not divide an hour"), "{msg}");
        assert!(
            msg.contains("minute 56 and then at minute 0, 4 minutes apart"),
            "{msg}"
        );
        let msg = IntervalError::SecondsNotDividingMinute(7).to_string();
        assert!(msg.contains("second 56"), "{msg}");
        let msg = IntervalError::HoursNotDividingDay(5).to_string();
        assert!(
            msg.contains("20:00 and then at 00:00, 4 hours apart"),
            "{msg}"
        );
    }

    #[test]
    fn interval_phase_from_the_start_time() {
        // 2024-01-01T00:02:30Z
        let start = 1_704_067_350_000;
        assert_eq!(iv(300, Some(start)).unwrap(), "30 2/5 * * * ?");
        assert_eq!(iv(30, Some(start)).unwrap(), "0/30 * * * * ?");
        assert_eq!(iv(7200, Some(start)).unwrap(), "30 2 0/2 * * ?");
        // 2024-01-01T13:02:30Z: 13 % 2 = 1
        let later = start + 13 * 3_600_000;
        assert_eq!(iv(7200, Some(later)).unwrap(), "30 2 1/2 * * ?");
        assert_eq!(iv(86_400, Some(later)).unwrap(), "30 2 13 * * ?");
        // 2024-01-01 was a Monday.
        assert_eq!(iv(604_800, Some(later)).unwrap(), "30 2 13 ? * MON");
        assert_eq!(iv(604_800, Some(0)).unwrap(), "0 0 0 ? * THU");
        // Before 1970.
        assert_eq!(iv(604_800, Some(-86_400_000)).unwrap(), "0 0 0 ? * WED");
        assert!(
            interval_to_cron(&IntervalSpec {
                seconds: 60,
                start_time_ms: Some(0)
            })
            .unwrap()
            .exact_phase
        );
    }

    #[test]
    fn interval_formatting() {
        assert_eq!(format_interval(300), "5m");
        assert_eq!(format_interval(90), "90s");
        assert_eq!(format_interval(7200), "2h");
        assert_eq!(format_interval(86_400), "1d");
        assert_eq!(format_interval(1_209_600), "2w");
        assert_eq!(format_interval(0), "0s");
    }

    #[test]
    fn paths() {
        assert_eq!(child_path("", "a"), "a");
        assert_eq!(child_path("a", "b_c"), "a.b_c");
        assert_eq!(child_path("a", "x y"), "a[\"x y\"]");
        assert_eq!(child_path("", ""), "[\"\"]");
        assert_eq!(index_path("a", 2), "a[2]");
        assert_eq!(display_path(""), "(document)");
    }

    fn summary(out: &Extraction) -> Vec<(Option<&str>, &str, Vec<&str>)> {
        out.schedules
            .iter()
            .map(|s| {
                (
                    s.id.as_deref(),
                    s.path.as_str(),
                    s.expressions.iter().map(|e| e.text.as_str()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn document_shapes() {
        let cases: [(&str, &str); 5] = [
            (
                r#"{"trigger": {"schedule": {"hourly": {"minute": 5}}}}"#,
                "trigger.schedule.hourly",
            ),
            (
                r#"{"schedule": {"hourly": {"minute": 5}}}"#,
                "schedule.hourly",
            ),
            (r#"{"hourly": {"minute": 5}}"#, "hourly"),
            (
                r#"{"trigger": {"schedule": {"hourly": {"minute": 5}}}, "input": {}, "condition": {"always": {}}, "actions": {}}"#,
                "trigger.schedule.hourly",
            ),
            (
                r#"{"_source": {"trigger": {"schedule": {"hourly": {"minute": 5}}}}}"#,
                "_source.trigger.schedule.hourly",
            ),
        ];
        for (text, path) in cases {
            for format in [SourceFormat::Auto, SourceFormat::Watcher] {
                let out = extract(text.as_bytes(), format).unwrap();
                assert!(out.errors.is_empty(), "{text}: {:?}", out.errors);
                assert_eq!(summary(&out), [(None, path, vec!["0 5 * * * ?"])], "{text}");
            }
        }
    }

    #[test]
    fn get_watch_and_query_responses() {
        let get = r#"{"found": true, "_id": "my_watch", "_seq_no": 0, "_primary_term": 1, "_version": 1,
            "status": {"version": 1, "state": {"active": true}},
            "watch": {"input": {"simple": {}}, "trigger": {"schedule": {"hourly": {"minute": [0, 5]}}}}}"#;
        let out = extract(get.as_bytes(), SourceFormat::Auto).unwrap();
        assert_eq!(
            summary(&out),
            [(
                Some("my_watch"),
                "watch.trigger.schedule.hourly",
                vec!["0 0,5 * * * ?"]
            )]
        );
        let missing = r#"{"found": false, "_id": "gone"}"#;
        let out = extract(missing.as_bytes(), SourceFormat::Auto).unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::WatchNotFound);
        assert_eq!(out.errors[0].id.as_deref(), Some("gone"));
        let query = r#"{"count": 3, "watches": [
            {"_id": "a", "watch": {"trigger": {"schedule": {"daily": {"at": "noon"}}}}, "status": {}},
            {"_id": "b", "watch": {"trigger": {"schedule": {"weekly": {"on": "caturday"}}}}},
            {"_id": "c", "watch": {"trigger": {"schedule": {"cron": ["0 0 1 * * ?", "0 0 2 * * ?"], "timezone": "Europe/Paris"}}}}
        ]}"#;
        let out = extract(query.as_bytes(), SourceFormat::Auto).unwrap();
        assert_eq!(
            summary(&out),
            [
                (
                    Some("a"),
                    "watches[0].watch.trigger.schedule.daily",
                    vec!["0 0 12 * * ?"]
                ),
                (
                    Some("c"),
                    "watches[2].watch.trigger.schedule.cron",
                    vec!["0 0 1 * * ?", "0 0 2 * * ?"]
                ),
            ]
        );
        assert_eq!(out.schedules[1].timezone.as_deref(), Some("Europe/Paris"));
        assert_eq!(out.errors.len(), 1);
        let e = &out.errors[0];
        assert_eq!(e.id.as_deref(), Some("b"));
        assert_eq!(e.path, "watches[1].watch.trigger.schedule.weekly.on");
        assert_eq!(e.line, 3);
        let empty = extract(br#"{"count": 0, "watches": []}"#, SourceFormat::Auto).unwrap();
        assert_eq!(empty, Extraction::default());
    }

    #[test]
    fn ndjson_and_arrays_of_documents() {
        let text = "{\"trigger\":{\"schedule\":{\"interval\":\"5m\"}}}\n\
                    {\"_id\":\"x\",\"watch\":{\"trigger\":{\"schedule\":{\"cron\":\"0 0 12 * * ?\"}}}}\n";
        let out = extract(text.as_bytes(), SourceFormat::Auto).unwrap();
        assert_eq!(
            summary(&out),
            [
                (None, "[0].trigger.schedule.interval", vec!["0 0/5 * * * ?"]),
                (
                    Some("x"),
                    "[1].watch.trigger.schedule.cron",
                    vec!["0 0 12 * * ?"]
                ),
            ]
        );
        assert_eq!(out.schedules[1].expressions[0].line, 2);
        let array = r#"[{"daily": {}}, {"schedule": {"cron": {"expression": "0 * * * *", "timezone": "UTC"}}}]"#;
        let out = extract(array.as_bytes(), SourceFormat::Auto).unwrap();
        assert_eq!(
            summary(&out),
            [
                (None, "[0].daily", vec!["0 0 0 * * ?"]),
                (None, "[1].schedule.cron", vec!["0 * * * *"]),
            ]
        );
        assert_eq!(out.schedules[1].kind, ScheduleKind::OpenSearchCron);
        assert_eq!(out.schedules[1].dialect, Dialect::Unix);
    }

    #[test]
    fn document_errors() {
        let e = extract(b"{\"trigger\": {", SourceFormat::Auto).unwrap_err();
        assert_eq!(e.kind, json::JsonErrorKind::UnexpectedEnd("a string key"));
        let as_format = FormatError::from(e);
        assert_eq!(as_format.kind.code(), "json-unexpected-end");
        assert!(as_format
            .to_string()
            .starts_with("invalid JSON: unexpected end"));
        let out = extract(b"", SourceFormat::Auto).unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::NoSchedule);
        let out = extract(br#"{"name": "x"}"#, SourceFormat::Auto).unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::NoSchedule);
        assert!(out.errors[0]
            .allowed
            .as_deref()
            .unwrap_or_default()
            .contains("trigger.schedule"));
        let out = extract(b"[1]", SourceFormat::Auto).unwrap();
        assert_eq!(
            (out.errors[0].kind.clone(), out.errors[0].path.as_str()),
            (FormatErrorKind::NoSchedule, "[0]")
        );
        let out = extract(br#"{"trigger": {"webhook": {}}}"#, SourceFormat::Auto).unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::UnknownTriggerType);
        assert_eq!(out.errors[0].path, "trigger.webhook");
        let out = extract(br#"{"trigger": {}}"#, SourceFormat::Auto).unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::MissingField);
        let out = extract(
            br#"{"trigger": {"schedule": {"dayly": {}}}}"#,
            SourceFormat::Auto,
        )
        .unwrap();
        let e = &out.errors[0];
        assert_eq!(
            (e.kind.code(), e.path.as_str()),
            ("unknown-schedule-type", "trigger.schedule.dayly")
        );
        assert!(e.to_string().contains("unknown schedule type `dayly`"));
        let out = extract(br#"{"watches": {}}"#, SourceFormat::Auto).unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::WrongType);
        let out = extract(
            br#"{"trigger": {"schedule": {"cron": "x"}, "schedule": {}}}"#,
            SourceFormat::Auto,
        )
        .unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::DuplicateField);
    }

    #[test]
    fn forced_formats_reject_the_other_shape() {
        let os = br#"{"schedule": {"interval": {"start_time": 0, "period": 1, "unit": "Hours"}}}"#;
        let out = extract(os, SourceFormat::Watcher).unwrap();
        assert_eq!(out.errors[0].kind, FormatErrorKind::WrongType);
        let w = br#"{"schedule": {"interval": "1h"}}"#;
        let out = extract(w, SourceFormat::OpenSearch).unwrap();
        assert!(out.errors[0].message.contains("Watcher"));
        let out = extract(w, SourceFormat::Auto).unwrap();
        assert_eq!(out.schedules[0].kind, ScheduleKind::Interval);
    }

    #[test]
    fn conversion_errors_carry_the_watch_id() {
        let text = br#"{"_id": "slow", "watch": {"trigger": {"schedule": {"interval": "7m"}}}}"#;
        let out = extract(text, SourceFormat::Auto).unwrap();
        let spec = &out.schedules[0];
        assert!(spec.expressions.is_empty());
        let e = spec.conversion_error.as_ref().unwrap();
        assert_eq!(e.id.as_deref(), Some("slow"));
        assert_eq!(e.path, "watch.trigger.schedule.interval");
        assert_eq!(e.kind.code(), "interval-not-cron");
    }

    #[test]
    fn mangled_documents_never_panic() {
        let doc = br#"{"count":2,"watches":[{"_id":"a","watch":{"trigger":{"schedule":{"weekly":[{"on":["tue",5],"at":{"hour":[1,"2"],"minute":3.5}}],"timezone":"UTC"}}}},
{"_id":"b","watch":{"trigger":{"schedule":{"yearly":{"in":"last","on":["last_day",32],"at":"noon"},"interval":"7m","monthly":[],"cron":["0 0 1 * * ?"]}}}}]}
{"schedule":{"interval":{"start_time":-5,"period":3,"unit":"hours","schedule_delay":7}}}"#;
        for format in [
            SourceFormat::Auto,
            SourceFormat::Watcher,
            SourceFormat::OpenSearch,
        ] {
            for i in 0..=doc.len() {
                let _ = extract(&doc[..i], format);
            }
            // Replace each byte in turn by characters that change the meaning.
            for i in 0..doc.len() {
                for b in [b'0', b'"', b'[', b'}', b'-', 0xff] {
                    let mut copy = doc.to_vec();
                    copy[i] = b;
                    let _ = extract(&copy, format);
                }
            }
        }
        let out = extract(doc, SourceFormat::Auto).unwrap();
        assert_eq!(out.schedules.len(), 3);
    }

    #[test]
    fn kinds_and_dialects_have_names() {
        assert_eq!(
            ScheduleKind::OpenSearchInterval.as_str(),
            "opensearch-interval"
        );
        assert_eq!(ScheduleKind::OpenSearchInterval.type_name(), "interval");
        assert!(ScheduleKind::OpenSearchCron.is_opensearch());
        assert_eq!(ScheduleKind::Weekly.to_string(), "weekly");
        assert_eq!(Dialect::Unix.to_string(), "unix");
    }

    #[test]
    fn java_integers() {
        let int = |s| java_parse_int(s, i32::MIN.into(), i32::MAX.into());
        assert_eq!(int("05"), Some(5));
        assert_eq!(int("+5"), Some(5));
        assert_eq!(int("-0"), Some(0));
        assert_eq!(int("-1"), Some(-1));
        assert_eq!(int("2147483647"), Some(2_147_483_647));
        assert_eq!(int("2147483648"), None);
        assert_eq!(int("+"), None);
        assert_eq!(int(""), None);
        assert_eq!(int(" 5"), None);
        assert_eq!(int("5 "), None);
        assert_eq!(int("１"), None);
        assert_eq!(
            java_parse_int("99999999999999999999", i64::MIN, i64::MAX),
            None
        );
    }
}
