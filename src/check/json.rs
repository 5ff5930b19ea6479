//! Watcher and OpenSearch JSON documents as [`Item`]s.

use super::{to_u32, Entry, IntervalEntry, Item, Problem};
use crate::formats::{
    extract_each, Dialect as DocDialect, Extraction, FormatErrorKind, ScheduleKind, SourceFormat,
};
use crate::lint::zone_name::is_known_zone;
use crate::lint::{Platform, Severity};
use crate::DialectChoice;

/// Watcher and OpenSearch JSON: every `cron` string or array element and
/// OpenSearch `cron.expression` as an [`Entry`] positioned at the JSON string
/// itself (at its first character inside the quotes, so spans map exactly
/// unless the string has escapes, in which case findings point at the
/// string); the structured schedules (`hourly` ... `yearly`) as the cron
/// expressions Elasticsearch turns them into, positioned at the schedule
/// body. The schedule's `timezone` goes to [`Entry::zone`], so the DST rules
/// check it there, and its `_id` to [`Entry::name`]. Intervals come as
/// [`Item::Interval`] (their period and start), not as their cron form, which
/// is an artefact of the translation (so `validate` does not lint it and
/// `croneval` counts them as Elasticsearch and OpenSearch do). What the reader
/// rejects or warns about becomes a [`Problem`].
///
/// `f` gets the items of one top-level document (or array element) at a
/// time, in file order, so a large document is never held whole; the first
/// error `f` returns stops the reading.
pub(super) fn each_json_entry<E>(
    bytes: &[u8],
    format: SourceFormat,
    mut f: impl FnMut(Item) -> Result<(), E>,
) -> Result<(), E> {
    let mut failed: Option<E> = None;
    let read = extract_each(bytes, format, |found| {
        if failed.is_none() {
            for item in piece_entries(bytes, found) {
                if let Err(e) = f(item) {
                    failed = Some(e);
                    break;
                }
            }
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    if let Err(e) = read {
        f(Item::Problem(Problem {
            severity: Severity::Error,
            code: e.kind.code(),
            message: format!("invalid JSON: {}", e.kind),
            help: None,
            line: to_u32(e.line),
            column: to_u32(e.column),
        }))?;
    }
    Ok(())
}

/// The items of one piece of a document, in file order.
fn piece_entries(bytes: &[u8], found: Extraction) -> Vec<Item> {
    let mut items = Vec::new();
    for spec in &found.schedules {
        let noun = if spec.kind.is_opensearch() {
            "job"
        } else {
            "watch"
        };
        let mut label = match &spec.id {
            // ids and paths come from input: escaped and cut before they
            // are composed into messages
            Some(id) => format!("{noun} `{}`", crate::sanitize::quote(id)),
            None => String::new(),
        };
        if !spec.path.is_empty() {
            if !label.is_empty() {
                label.push_str(" at ");
            }
            label.push_str(&crate::sanitize::quoted(&spec.path));
        }
        let translated = !matches!(spec.kind, ScheduleKind::Cron | ScheduleKind::OpenSearchCron);
        if translated {
            label.push_str(if label.is_empty() {
                "translated to cron"
            } else {
                ", translated to cron"
            });
        }
        // Elasticsearch rejects a watch whose zone it does not know (the
        // OpenSearch reader says so itself, below).
        if let (Some(z), false) = (&spec.timezone, spec.kind.is_opensearch()) {
            if !is_known_zone(z, true) {
                if let Some(e) = spec.expressions.first() {
                    items.push(Item::Problem(Problem {
                        severity: Severity::Error,
                        code: "unknown-timezone",
                        message: format!("`{z}` is not a time zone Elasticsearch knows"),
                        help: Some("use an IANA name such as `Europe/Paris`".to_string()),
                        line: to_u32(e.line),
                        column: to_u32(e.column),
                    }));
                }
            }
        }
        for w in &spec.warnings {
            // OpenSearch fails the job on a zone it does not know: an error.
            let (severity, code) = match w.code {
                "opensearch-unknown-timezone" => (Severity::Error, "unknown-timezone"),
                c => (Severity::Warning, c),
            };
            items.push(Item::Problem(Problem {
                severity,
                code,
                message: w.to_string(),
                help: None,
                line: to_u32(w.line),
                column: to_u32(w.column),
            }));
        }
        if matches!(
            spec.kind,
            ScheduleKind::Interval | ScheduleKind::OpenSearchInterval
        ) {
            // at its cron form when it has one (the interval value), else at
            // what says why it has none (the same value)
            let at = spec
                .expressions
                .first()
                .map(|e| (e.line, e.column))
                .or_else(|| spec.conversion_error.as_ref().map(|e| (e.line, e.column)));
            if let (Some(iv), Some((line, column))) = (spec.interval, at) {
                items.push(Item::Interval(IntervalEntry {
                    seconds: iv.seconds,
                    start_ms: iv.start_time_ms,
                    line: to_u32(line),
                    column: to_u32(column),
                    name: spec.id.clone(),
                    zone: spec.timezone.clone(),
                    platform: if spec.kind.is_opensearch() {
                        Platform::OpenSearch
                    } else {
                        Platform::Watcher
                    },
                }));
            }
            continue;
        }
        // an OpenSearch `schedule_delay`: the cron's times are not the job's
        let offset_note = spec
            .conversion_error
            .as_ref()
            .filter(|e| e.kind == FormatErrorKind::DelayNotCron)
            .map(ToString::to_string);
        for e in &spec.expressions {
            // A JSON string without escapes holds the expression verbatim
            // right after its opening quote.
            let verbatim = !translated
                && bytes.get(e.span.start) == Some(&b'"')
                && e.span.end == e.span.start + e.text.len() + 2
                && bytes.get(e.span.start + 1..e.span.end - 1) == Some(e.text.as_bytes());
            items.push(Item::Entry(Entry {
                text: e.text.clone(),
                line: to_u32(e.line),
                column: to_u32(e.column) + u32::from(verbatim),
                exact: verbatim,
                dialect: Some(match spec.dialect {
                    DocDialect::Quartz => DialectChoice::Quartz,
                    DocDialect::Unix => DialectChoice::Unix,
                }),
                zone: spec.timezone.clone(),
                context: (!label.is_empty()).then(|| label.clone()),
                context_in_message: true,
                platform: if spec.kind.is_opensearch() {
                    Platform::OpenSearch
                } else {
                    Platform::Watcher
                },
                shown: None,
                remap: Vec::new(),
                name: spec.id.clone(),
                offset_note: offset_note.clone(),
            }));
        }
    }
    for e in &found.errors {
        items.push(Item::Problem(Problem {
            severity: Severity::Error,
            code: e.kind.code(),
            message: e.to_string(),
            help: None,
            line: to_u32(e.line),
            column: to_u32(e.column),
        }));
    }
    // Report in file order.
    items.sort_by_key(|i| match i {
        Item::Entry(e) => (e.line, e.column),
        Item::Problem(p) => (p.line, p.column),
        Item::Unevaluated(p) => p.as_ref().map_or((0, 0), |p| (p.line, p.column)),
        Item::Interval(i) => (i.line, i.column),
    });
    items
}
