//! The fuzz checks, one per input surface. Each takes arbitrary bytes and panics
//! only when cronkit breaks a promise: a panic inside cronkit itself, two parsers
//! that disagree, a fire time that is not strictly after (before) its start, a
//! position that points outside the input.
//!
//! The same functions run under libFuzzer (`fuzz/fuzz_targets/*.rs`, nightly, `cargo
//! fuzz run <target>`) and on stable in `tests/fuzz.rs`, which replays the seed
//! corpus in every `cargo test` and mutates it for `CRONKIT_FUZZ_SECS` seconds when
//! asked. This file is included there with `#[path]`, so it depends only on cronkit
//! and chrono.

use chrono::{DateTime, TimeZone, Utc};

use cronkit::convert::{self as conv, equivalence, Parsed, Pattern, Target};
use cronkit::formats::crontab::{parse_crontab, read_crontab, CrontabStyle};
use cronkit::formats::lines::{parse_lines, read_lines};
use cronkit::formats::{self, nuxeo, InputError, Located, ScheduleKind, SourceFormat};
use cronkit::schedule::calendar::Civil;
use cronkit::{Diagnostic, DialectChoice, DstPolicy, Expr, Schedule, Zone};

/// A fuzz check: panics when cronkit breaks a promise on this input.
pub type Check = fn(&[u8]);

/// Every target: its name (the corpus folder under `fuzz/corpus/`) and its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("expr", expr),
    ("json", json),
    ("nuxeo", nuxeo_xml),
    ("crontab", crontab),
    ("lines", lines),
    ("zone", zone),
    ("time", time),
    ("convert", convert),
    ("explain", explain),
    ("metadata", metadata),
];

/// The check registered under `name`.
pub fn target(name: &str) -> Option<Check> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

const CHOICES: [DialectChoice; 3] = [
    DialectChoice::Auto,
    DialectChoice::Quartz,
    DialectChoice::Unix,
];
const POLICIES: [DstPolicy; 3] = [DstPolicy::Shift, DstPolicy::Skip, DstPolicy::Quartz];

/// 2200-01-01T00:00:00Z: the engine's search ends just before it.
const END_OF_RANGE: i64 = 7_258_118_400;

/// FNV-1a, to derive start instants from the input itself (deterministic, so a
/// crash reproduces from the saved input alone).
fn hash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Expression parser: both entry points agree, diagnostics point inside the
/// input, and accepted expressions evaluate sanely in several zones.
pub fn expr(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for choice in CHOICES {
        let tree = Expr::parse(&text, choice);
        let compiled = Schedule::parse(&text, choice);
        match (&tree, &compiled) {
            (Ok(e), Ok(s)) => {
                assert_eq!(
                    &Schedule::from_expr(e),
                    s,
                    "Schedule::parse and Schedule::from_expr(Expr::parse) differ on {text:?} ({choice:?})"
                );
                evaluate(s, hash(data));
            }
            (Err(a), Err(b)) => {
                assert_eq!(
                    (a.code, &a.spans),
                    (b.code, &b.spans),
                    "Expr::parse and Schedule::parse report different errors on {text:?} ({choice:?})"
                );
                check_diagnostic(a, &text);
            }
            _ => panic!(
                "Expr::parse and Schedule::parse disagree on {text:?} ({choice:?}): {:?} vs {:?}",
                tree.as_ref().map(|_| "ok").map_err(|d| d.code),
                compiled.as_ref().map(|_| "ok").map_err(|d| d.code)
            ),
        }
    }
}

fn check_diagnostic(d: &Diagnostic, text: &str) {
    assert!(!d.code.is_empty(), "empty code for {text:?}");
    assert!(
        d.code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "code {:?} is not kebab-case",
        d.code
    );
    assert!(!d.message.trim().is_empty(), "empty message for {text:?}");
    for s in &d.spans {
        assert!(
            s.start <= s.end && s.end <= d.input.len(),
            "span {s:?} outside the input {:?} ({})",
            d.input,
            d.code
        );
        assert!(
            d.input.is_char_boundary(s.start) && d.input.is_char_boundary(s.end),
            "span {s:?} splits a character in {:?} ({})",
            d.input,
            d.code
        );
    }
    let rendered = d.render();
    assert!(rendered.contains(d.code));
}

/// Start instants: the edges of the search range and of i64, plus a few drawn
/// from the input's hash within 1970–2200.
fn starts(h: u64) -> [i64; 8] {
    let span = END_OF_RANGE as u64 + 2 * 86_400;
    let pick = |k: u64| {
        ((h.rotate_left(k as u32 * 13) ^ k.wrapping_mul(0x9E37_79B9)) % span) as i64 - 86_400
    };
    [
        i64::MIN,
        -1,
        pick(1),
        pick(2),
        pick(3),
        END_OF_RANGE - 1,
        END_OF_RANGE + 86_400,
        i64::MAX,
    ]
}

fn zones() -> [Zone; 5] {
    let named = |n: &str| Zone::parse(n).expect("a zone chrono-tz knows");
    [
        Zone::utc(),
        Zone::fixed(-(9 * 3600 + 30 * 60)).expect("a valid offset"),
        named("America/New_York"),
        named("Australia/Lord_Howe"),
        named("Europe/London"),
    ]
}

/// next is strictly later, prev strictly earlier; in fixed zones a fire time
/// matches the schedule and next/prev invert each other.
fn evaluate(s: &Schedule, h: u64) {
    let never = s.never_fires();
    for zone in zones() {
        let fixed = zone.fixed_offset();
        for dst in POLICIES {
            for t in starts(h) {
                let next = s.next_after_ts(t, &zone, dst);
                let prev = s.prev_before_ts(t, &zone, dst);
                if never {
                    assert_eq!((next, prev), (None, None), "a never-firing schedule fired");
                }
                if let Some(n) = next {
                    assert!(
                        n > t,
                        "next_after_ts({t}) = {n} is not later ({zone}, {dst})"
                    );
                    if let Some(off) = fixed {
                        let local = n + off as i64;
                        assert!(
                            s.matches_civil(Civil::from_secs(local)),
                            "next {n} does not match"
                        );
                        // no fire in (t, n): the fire before n is the one at or before t
                        let back = s.prev_before_ts(n, &zone, dst);
                        let want = s.prev_before_ts(t + 1, &zone, dst);
                        assert_eq!(back, want, "prev of next {n} differs from prev of {t} + 1");
                    }
                    // a few more steps: strictly increasing
                    let mut last = n;
                    for m in s.iter_after(n, &zone, dst).take(3) {
                        assert!(
                            m > last,
                            "iter_after went from {last} to {m} ({zone}, {dst})"
                        );
                        last = m;
                    }
                }
                if let Some(p) = prev {
                    assert!(
                        p < t,
                        "prev_before_ts({t}) = {p} is not earlier ({zone}, {dst})"
                    );
                    if let Some(off) = fixed {
                        assert!(
                            s.matches_civil(Civil::from_secs(p + off as i64)),
                            "prev {p} does not match"
                        );
                        // no fire in (p, t): the fire after p is the one at or after t
                        let fwd = s.next_after_ts(p, &zone, dst);
                        let want = s.next_after_ts(t - 1, &zone, dst);
                        assert_eq!(fwd, want, "next of prev {p} differs from next of {t} - 1");
                    }
                    let mut last = p;
                    for m in s.iter_before(p, &zone, dst).take(3) {
                        assert!(
                            m < last,
                            "iter_before went from {last} to {m} ({zone}, {dst})"
                        );
                        last = m;
                    }
                }
            }
        }
    }
}

/// Watcher / OpenSearch JSON: no panic in any mode; every position is inside
/// the input; a translated structured schedule is always a valid Quartz
/// expression; interval conversion never panics.
pub fn json(data: &[u8]) {
    for format in [
        SourceFormat::Auto,
        SourceFormat::Watcher,
        SourceFormat::OpenSearch,
    ] {
        let result = formats::extract(data, format);
        // The streaming reader (top-level arrays, `watches`, `hits.hits`)
        // finds what reading the one document whole finds, except for an
        // object holding both `watches` and `hits` (see
        // `formats::json::STREAMED_PATHS`).
        if let (Ok(found), Ok(doc)) = (&result, formats::json::parse(data)) {
            if doc.get("watches").is_none() || doc.get("hits").is_none() {
                assert_eq!(
                    *found,
                    formats::extract_value(&doc, "", format),
                    "the streamed reading differs from the whole one"
                );
            }
        }
        match result {
            Err(e) => {
                assert!(
                    e.offset <= data.len(),
                    "JSON error offset {} past the end",
                    e.offset
                );
                assert!(e.line >= 1 && e.column >= 1);
                let _ = e.to_string();
            }
            Ok(found) => {
                for spec in &found.schedules {
                    for x in &spec.expressions {
                        assert!(
                            x.span.start <= x.span.end && x.span.end <= data.len(),
                            "span {:?}",
                            x.span
                        );
                        assert!(x.line >= 1 && x.column >= 1);
                        let choice = match spec.dialect {
                            formats::Dialect::Quartz => DialectChoice::Quartz,
                            formats::Dialect::Unix => DialectChoice::Unix,
                        };
                        let parsed = Schedule::parse(&x.text, choice);
                        let translated = matches!(
                            spec.kind,
                            ScheduleKind::Hourly
                                | ScheduleKind::Daily
                                | ScheduleKind::Weekly
                                | ScheduleKind::Monthly
                                | ScheduleKind::Yearly
                        );
                        // `monthly {on: [10, "last_day"]}` translates to `10,L`, as
                        // Elasticsearch writes it, and Quartz rejects `L` in a list:
                        // that is reported, not a translation bug.
                        if let (true, Err(d)) = (translated, &parsed) {
                            assert_eq!(
                                d.code,
                                "special-day-in-list",
                                "{} schedule at {} translated to an invalid expression: {}",
                                spec.kind,
                                spec.path,
                                d.render()
                            );
                        }
                    }
                    if let Some(iv) = spec.interval {
                        if let Ok(c) = formats::interval_to_cron(&iv) {
                            if let Err(d) = Schedule::parse(&c.expression, DialectChoice::Quartz) {
                                panic!(
                                    "interval {iv:?} converted to an invalid expression: {}",
                                    d.render()
                                );
                            }
                        }
                    }
                    for w in &spec.warnings {
                        assert!(w.span.end <= data.len());
                        let _ = w.to_string();
                    }
                }
                for e in &found.errors {
                    assert!(
                        e.span.start <= e.span.end && e.span.end <= data.len(),
                        "error span {:?}",
                        e.span
                    );
                    assert!(e.line >= 1 && e.column >= 1);
                    let _ = e.to_string();
                }
            }
        }
    }
}

/// Position checks for the line-based readers: the expression text is found
/// verbatim at `byte_offset`, on the line and column reported.
fn check_located(data: &[u8], newlines: &[usize], l: &Located) {
    let end = l.byte_offset + l.text.len();
    assert!(end <= data.len(), "{l:?} ends past the input");
    assert_eq!(
        &data[l.byte_offset..end],
        l.text.as_bytes(),
        "text not at byte_offset: {l:?}"
    );
    // newlines before the offset (a binary search: inputs can have many lines)
    let k = newlines.partition_point(|&i| i < l.byte_offset);
    assert_eq!(l.line as usize, k + 1, "wrong line: {l:?}");
    let line_start = if k == 0 { 0 } else { newlines[k - 1] + 1 };
    let mut prefix = &data[line_start..l.byte_offset];
    if line_start == 0 {
        prefix = prefix.strip_prefix("\u{feff}".as_bytes()).unwrap_or(prefix);
    }
    let col = 1 + String::from_utf8_lossy(prefix).chars().count();
    assert_eq!(l.column as usize, col, "wrong column: {l:?}");
}

fn check_input_error(data: &[u8], e: &InputError) {
    assert!(e.line() >= 1);
    if let Some(off) = e.byte_offset() {
        assert!(off <= data.len(), "error offset past the end: {e:?}");
    }
    let _ = e.to_string();
}

/// Streaming and in-memory readers agree (for UTF-8 input) and positions are right.
fn agree(
    data: &[u8],
    from_str: Option<Vec<Result<Located, InputError>>>,
    streamed: Vec<Result<Located, InputError>>,
) {
    let newlines: Vec<usize> = data
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    for r in &streamed {
        match r {
            Ok(l) => check_located(data, &newlines, l),
            Err(e) => check_input_error(data, e),
        }
    }
    if let Some(in_memory) = from_str {
        let a: Vec<String> = in_memory.iter().map(|r| format!("{r:?}")).collect();
        let b: Vec<String> = streamed.iter().map(|r| format!("{r:?}")).collect();
        assert_eq!(a, b, "in-memory and streaming readers differ");
    }
}

/// Crontab lines, every style, with and without a path that selects one.
pub fn crontab(data: &[u8]) {
    let text = std::str::from_utf8(data).ok();
    for (style, path) in [
        (CrontabStyle::User, None),
        (CrontabStyle::System, None),
        (CrontabStyle::Auto, Some("/etc/crontab")),
        (CrontabStyle::Auto, Some("/var/spool/cron/crontab")),
    ] {
        let path = path.map(std::path::Path::new);
        let in_memory = text.map(|t| parse_crontab(t, style, path).collect::<Vec<_>>());
        let streamed = read_crontab(data, style, path).collect::<Vec<_>>();
        agree(data, in_memory, streamed);
    }
    let _ = formats::detect::detect_kind(Some(std::path::Path::new("x.txt")), data);
    let _ = formats::detect::detect_kind(None, data);
}

/// One expression per line.
pub fn lines(data: &[u8]) {
    let in_memory = std::str::from_utf8(data)
        .ok()
        .map(|t| parse_lines(t).collect::<Vec<_>>());
    let streamed = read_lines(data).collect::<Vec<_>>();
    agree(data, in_memory, streamed);
}

/// Nuxeo extension XML: no panic; positions inside the input.
pub fn nuxeo_xml(data: &[u8]) {
    for r in nuxeo::parse_nuxeo_bytes(data) {
        match r {
            Ok(l) => {
                assert!(l.byte_offset <= data.len(), "{l:?}");
                assert!(l.line >= 1 && l.column >= 1);
                let lines = 1 + data.iter().filter(|&&b| b == b'\n').count();
                assert!(l.line as usize <= lines, "{l:?} past the last line");
            }
            Err(e) => check_input_error(data, &e),
        }
    }
}

/// `--tz`: no panic; an accepted zone answers offsets anywhere and its name
/// reads back as the same zone.
pub fn zone(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if text.trim().eq_ignore_ascii_case("local") {
        return; // depends on the machine, not on the input
    }
    let Ok(z) = Zone::parse(&text) else { return };
    for t in starts(hash(data)) {
        let off = z.offset_at(t);
        assert!(off.abs() < 86_400, "offset {off} at {t}");
        let _ = z.resolve_local(t);
    }
    let again =
        Zone::parse(z.name()).unwrap_or_else(|e| panic!("{:?} does not read back: {e}", z.name()));
    assert_eq!(again, z);
}

/// `--from` / `--until` / `--now`: no panic in any zone; an RFC 3339 answer
/// does not depend on the zone.
pub fn time(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 8, 30, 0)
        .single()
        .expect("a valid date");
    let mut answers = Vec::new();
    for z in zones() {
        answers.push(cronkit::time::parse_instant(&text, &z, now));
    }
    if DateTime::parse_from_rfc3339(text.trim()).is_ok() {
        assert!(
            answers.windows(2).all(|w| w[0] == w[1]),
            "RFC 3339 {text:?} depends on the zone"
        );
    }
}

/// `convert`: every conversion that succeeds parses in the target dialect and
/// fires exactly as the input (200 fire times from a start drawn from the input,
/// in UTC); the Watcher form reads back through the Watcher reader to crons that
/// fire the same. Only the first line of the input is used, plus a second line as
/// a second expression when there is one.
pub fn convert(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.lines();
    let inputs: Vec<Parsed> = lines
        .by_ref()
        .take(2)
        .filter_map(|l| Parsed::parse(l, DialectChoice::Auto).ok())
        .collect();
    if inputs.is_empty() {
        return;
    }
    let originals: Vec<Schedule> = inputs
        .iter()
        .map(|p| Schedule::from_expr(&p.expr))
        .collect();
    let h = hash(data);
    let start = (h % END_OF_RANGE as u64) as i64;
    let until = start.saturating_add(40 * 366 * 86_400);
    let utc = Zone::utc();
    let same = |out: &[String], dialect: DialectChoice, what: &str| {
        let converted: Vec<Schedule> = out
            .iter()
            .map(|e| {
                Schedule::parse(e, dialect).unwrap_or_else(|d| {
                    panic!("{what}: output {e:?} does not parse: {}", d.render())
                })
            })
            .collect();
        if let Some(m) = equivalence::first_mismatch(
            &originals,
            &converted,
            start,
            until,
            200,
            &utc,
            DstPolicy::Shift,
        ) {
            panic!(
                "{what}: {:?} → {out:?} fire differently: {m:?}",
                inputs.iter().map(|p| &p.text).collect::<Vec<_>>()
            );
        }
    };
    for target in [Target::Quartz, Target::Unix, Target::Ocps] {
        let dialect = match target {
            Target::Quartz => DialectChoice::Quartz,
            _ => DialectChoice::Unix,
        };
        for merge in [false, true] {
            if let Ok(out) = conv::convert(&inputs, target, merge) {
                same(
                    &out.expressions,
                    dialect,
                    &format!("convert to {target} (merge {merge})"),
                );
            }
        }
    }
    let Ok(patterns) = inputs
        .iter()
        .map(|p| Pattern::from_expr(&p.expr))
        .collect::<Result<Vec<_>, _>>()
    else {
        return;
    };
    if let Ok(w) = conv::to_watcher(&patterns, None) {
        same(&w.crons, DialectChoice::Quartz, "to_watcher crons");
        let doc = format!("{{\"trigger\":{{\"schedule\":{}}}}}", w.json);
        let found = formats::extract(doc.as_bytes(), SourceFormat::Watcher)
            .unwrap_or_else(|e| panic!("to_watcher wrote invalid JSON {}: {e}", w.json));
        assert!(
            found.errors.is_empty(),
            "{} reads back with errors: {:?}",
            w.json,
            found.errors
        );
        let crons: Vec<String> = found
            .schedules
            .iter()
            .flat_map(|s| s.expressions.iter().map(|x| x.text.clone()))
            .collect();
        same(
            &crons,
            DialectChoice::Quartz,
            &format!("watcher {} read back", w.json),
        );
    }
}

/// `explain`: every accepted expression gets a one-line, non-empty description in
/// both clocks, with no control characters, and a description of each field.
pub fn explain(data: &[u8]) {
    use cronkit::describe::{describe, describe_field, Options};
    use cronkit::FieldKind;
    let text = String::from_utf8_lossy(data);
    for choice in CHOICES {
        let Ok(e) = Expr::parse(&text, choice) else {
            continue;
        };
        for o in [Options::default(), Options::twelve_hour()] {
            let d = describe(&e, &o);
            assert!(!d.trim().is_empty(), "empty description of {text:?}");
            assert!(
                !d.chars().any(char::is_control),
                "control character in the description of {text:?}: {d:?}"
            );
        }
        for kind in [
            FieldKind::Second,
            FieldKind::Minute,
            FieldKind::Hour,
            FieldKind::DayOfMonth,
            FieldKind::Month,
            FieldKind::DayOfWeek,
            FieldKind::Year,
        ] {
            let _ = describe_field(&e, kind);
        }
    }
}

/// The no-forgery oracle on one printed piece (what `sanitize::quote`,
/// `sanitize::escape` or `sanitize::message` made of input): it stays on its
/// line, holds no control, separator or bidirectional character, cannot open
/// a workflow command even at the start of a line, and holds no `##[`.
fn assert_printable(what: &str, s: &str) {
    for c in s.chars() {
        assert!(
            !(c.is_control()
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{what}: raw {c:?} in {s:?}"
        );
    }
    assert!(
        !s.trim_start().starts_with(':'),
        "{what}: could open a command: {s:?}"
    );
    assert!(!s.contains("##["), "{what}: legacy command form in {s:?}");
}

/// Every sanitiser view of one input-derived field passes the oracle, and the
/// JSON writer gives the text back exactly.
fn check_field(what: &str, field: &str) {
    use cronkit::sanitize;
    assert_printable(what, &sanitize::quote(field).to_string());
    assert_printable(what, &sanitize::escape(field).to_string());
    assert_printable(what, &sanitize::message(field));
    let quoted = sanitize::quote(field).to_string();
    assert!(
        quoted.chars().count() <= sanitize::QUOTE_WIDTH + 40,
        "{what}: quote not cut"
    );
    let json = sanitize::json::to_string(field);
    assert_printable(what, &json);
    let mut lib = String::new();
    formats::json::write_string(field, &mut lib);
    assert_printable(what, &lib);
    for written in [&json, &lib] {
        let back: Result<String, _> = serde_json_free_unquote(written);
        assert_eq!(
            back.as_deref(),
            Ok(field),
            "{what}: JSON does not read back"
        );
    }
}

/// Read a JSON string literal back with cronkit's own JSON reader (the fuzz
/// crate depends only on cronkit and chrono).
fn serde_json_free_unquote(literal: &str) -> Result<String, String> {
    match formats::json::parse(literal.as_bytes()) {
        Ok(v) => v
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| "not a string".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// Readers' metadata fields (ids, JSON paths, zones, notes, warnings, errors,
/// Nuxeo ids and messages, crontab commands) under the output sanitiser's
/// no-forgery oracle: whatever a document holds, what cronkit would print of it
/// is one safe line.
pub fn metadata(data: &[u8]) {
    if let Ok(found) = formats::extract(data, SourceFormat::Auto) {
        for spec in &found.schedules {
            if let Some(id) = &spec.id {
                check_field("id", id);
            }
            check_field("path", &spec.path);
            if let Some(tz) = &spec.timezone {
                check_field("timezone", tz);
            }
            for n in &spec.notes {
                check_field("note", n);
            }
            for w in &spec.warnings {
                check_field("warning", &w.to_string());
            }
            for x in &spec.expressions {
                check_field("expression", &x.text);
            }
        }
        for e in &found.errors {
            check_field("error", &e.to_string());
            check_field("error path", &e.path);
            for v in [&e.id, &e.value, &e.allowed].into_iter().flatten() {
                check_field("error field", v);
            }
        }
    }
    let located = |item: Result<Located, InputError>| match item {
        Ok(loc) => {
            check_field("located text", &loc.text);
            if let Some(c) = &loc.context {
                check_field("context", c);
            }
        }
        Err(e) => check_field("input error", &e.to_string()),
    };
    for item in nuxeo::parse_nuxeo_bytes(data) {
        located(item);
    }
    for item in read_crontab(data, CrontabStyle::Auto, None) {
        located(item);
    }
}
