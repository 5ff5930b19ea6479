//! The one reader layer: a document (a file or stdin) in, the schedules it
//! holds out, each as an [`Item`] carrying everything needed to evaluate it
//! the way its source runs it.
//!
//! `validate` checks the items, `croneval` merges their fire times, `explain`
//! describes them and `convert` rewrites them: all four read documents here,
//! so a crontab line, a Watcher watch or a Nuxeo contribution means the same
//! thing to each of them. An [`Entry`] holds:
//!
//! - where it is: `line:column` (exact inside the file when
//!   [`Entry::exact`]);
//! - a label: [`Entry::context`] (a watch id, a crontab command, a Nuxeo
//!   schedule id, a CI job);
//! - the expression and the profile it is read with ([`Entry::dialect`], else
//!   [`Entry::platform`]'s);
//! - the zone its source gives it ([`Entry::zone`]: a crontab's `CRON_TZ=`, a
//!   watch's `timezone`, a Kubernetes `timeZone`);
//! - the DST behaviour of its scheduler ([`Entry::default_dst`]: Nuxeo runs
//!   Quartz 2.3.2, a crontab runs cron's).
//!
//! Problems with the document (a line that is not UTF-8, malformed XML, an
//! unknown zone) come as [`Item::Problem`]s in file order between the entries.
//!
//! Line-based inputs (one expression per line, crontabs) stream: one line is
//! read, handed over and forgotten, so memory stays flat however long the
//! input is. JSON and XML documents are read whole up to
//! [`MAX_DOCUMENT_BYTES`](super::MAX_DOCUMENT_BYTES), CI files up to
//! [`MAX_CI_FILE_BYTES`].
//!
//! ```
//! use cronkit::check::read::{read_from, Outcome};
//! use cronkit::check::Item;
//! use cronkit::formats::detect::InputKind;
//!
//! let crontab = "MAILTO=ops\nCRON_TZ=Europe/Paris\n  30 2 * * * /usr/bin/backup\n@reboot /bin/start\n";
//! let mut found = Vec::new();
//! let outcome = read_from(crontab.as_bytes(), None, Some(InputKind::Crontab), true, |item| {
//!     if let Item::Entry(e) = item {
//!         found.push((e.line, e.text, e.zone));
//!     }
//!     Ok::<(), std::convert::Infallible>(())
//! });
//! assert!(matches!(outcome, Ok(Outcome::Read(InputKind::Crontab))));
//! assert_eq!(found[0], (3, "30 2 * * *".to_string(), Some("Europe/Paris".to_string())));
//! assert_eq!(found[1].1, "@reboot");
//! ```

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use super::jenkins::JenkinsLine;
use super::{json, problems, read_document, Entry, Item, Problem, Unreadable, MAX_CI_FILE_BYTES};
use crate::formats::ci::{read_jenkinsfile, read_yaml, Found, FoundCron, YamlKind};
use crate::formats::crontab::{read_crontab, CrontabStyle};
use crate::formats::detect::{classify, is_workflow_path, Detected, InputKind, SkipReason};
use crate::formats::lines::read_lines;
use crate::formats::nuxeo::parse_nuxeo_bytes;
use crate::formats::{DialectHint, InputError, Located, SourceFormat};
use crate::lint::crontab_percent::unescaped_percent;
use crate::lint::eventbridge;
use crate::lint::zone_name::is_known_zone;
use crate::lint::{self, Platform, Severity};
use crate::DialectChoice;

/// How many bytes of a file `--input auto` looks at.
pub const DETECT_BYTES: u64 = 64 * 1024;

/// What became of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It was read as this kind.
    Read(InputKind),
    /// It was not read (auto-detection found nothing to read in it).
    Skipped(SkipReason),
}

/// Why reading stopped.
#[derive(Debug)]
pub enum ReadError<E> {
    /// The document cannot be read (`validate` exits 2).
    Input(Unreadable),
    /// The visitor returned an error (e.g. writing the output failed).
    Visit(E),
}

/// How a document is shown in messages: `<stdin>` for `-`, else its path,
/// escaped (a file name is input too: a repository can hold any name).
pub fn shown_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        crate::sanitize::path(path)
    }
}

/// Read the document at `path` (`-` = stdin) as `forced`, or as what its
/// path and content say ([`classify`]; `named`: the user named it, rather
/// than a walk finding it), handing every item to `visit` in file order.
pub fn read_path<E>(
    path: &Path,
    forced: Option<InputKind>,
    named: bool,
    visit: impl FnMut(Item) -> Result<(), E>,
) -> Result<Outcome, ReadError<E>> {
    let stdin = path.as_os_str() == "-";
    let raw: Box<dyn Read> = if stdin {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Err(unreadable(path, e)),
        }
    };
    read_from(raw, (!stdin).then_some(path), forced, named, visit)
}

fn unreadable<E>(path: &Path, source: io::Error) -> ReadError<E> {
    ReadError::Input(Unreadable {
        path: shown_name(path),
        line: None,
        source,
    })
}

/// [`read_path`] for a reader already open (`path`: its file name, which can
/// decide the kind; `None` for stdin). A forced line-based kind reads as it
/// goes (a pipe is answered line by line); detection first reads up to
/// [`DETECT_BYTES`].
pub fn read_from<E>(
    raw: impl Read,
    path: Option<&Path>,
    forced: Option<InputKind>,
    named: bool,
    visit: impl FnMut(Item) -> Result<(), E>,
) -> Result<Outcome, ReadError<E>> {
    read_inner(raw, path, forced, named, visit).map_err(|e| match e {
        // a reader's I/O error knows the line, not the name
        ReadError::Input(u) if u.path.is_empty() => ReadError::Input(Unreadable {
            path: path.map_or_else(|| "<stdin>".to_string(), crate::sanitize::path),
            ..u
        }),
        other => other,
    })
}

fn read_inner<E>(
    mut raw: impl Read,
    path: Option<&Path>,
    forced: Option<InputKind>,
    named: bool,
    mut visit: impl FnMut(Item) -> Result<(), E>,
) -> Result<Outcome, ReadError<E>> {
    let cannot = |source: io::Error| {
        ReadError::Input(Unreadable {
            path: path.map_or_else(|| "<stdin>".to_string(), crate::sanitize::path),
            line: None,
            source,
        })
    };
    // The head decides the kind; it is read again as part of the stream.
    let mut head = Vec::new();
    let kind = match forced {
        Some(k) => k,
        None => {
            // Room reserved up front: a small file costs one read that returns
            // it and one that returns nothing (from an empty vector,
            // `read_to_end` starts with small probing reads).
            head.reserve(DETECT_BYTES as usize);
            (&mut raw)
                .take(DETECT_BYTES)
                .read_to_end(&mut head)
                .map_err(cannot)?;
            match classify(path, &head, named) {
                Detected::Kind(k) => k,
                Detected::Skip(why) => return Ok(Outcome::Skipped(why)),
            }
        }
    };
    let reader = BufReader::with_capacity(64 * 1024, io::Cursor::new(head).chain(raw));
    let visit = &mut visit;
    match kind {
        InputKind::Lines => {
            for item in read_lines(reader) {
                located(item, None, visit)?;
            }
        }
        InputKind::Crontab => {
            for item in read_crontab(reader, CrontabStyle::Auto, path) {
                located(item, None, visit)?;
            }
        }
        InputKind::Nuxeo => {
            let bytes = read_document(reader).map_err(cannot)?;
            for item in parse_nuxeo_bytes(&bytes) {
                located(item, Some(&bytes), visit)?;
            }
        }
        InputKind::Watcher | InputKind::OpenSearch => {
            let bytes = read_document(reader).map_err(cannot)?;
            // Forced: read every schedule that way; detected: let the
            // reader decide per schedule object.
            let format = match forced {
                Some(InputKind::Watcher) => SourceFormat::Watcher,
                Some(InputKind::OpenSearch) => SourceFormat::OpenSearch,
                _ => SourceFormat::Auto,
            };
            json::each_json_entry(&bytes, format, &mut *visit).map_err(ReadError::Visit)?;
        }
        InputKind::Yaml
        | InputKind::Github
        | InputKind::Kubernetes
        | InputKind::CloudFormation
        | InputKind::Jenkins => {
            let bytes = read_limited(reader, MAX_CI_FILE_BYTES).map_err(cannot)?;
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) => {
                    let (line, column) = utf8_error_position(&bytes, e.valid_up_to());
                    visit(Item::Problem(Problem {
                        severity: Severity::Error,
                        code: "invalid-utf8",
                        message: "not valid UTF-8; the file was not read".to_string(),
                        help: Some("save the file as UTF-8".to_string()),
                        line,
                        column,
                    }))
                    .map_err(ReadError::Visit)?;
                    return Ok(Outcome::Read(kind));
                }
            };
            let found = match kind {
                InputKind::Jenkins => read_jenkinsfile(text),
                InputKind::Github => read_yaml(text, YamlKind::Github, true),
                InputKind::Kubernetes => read_yaml(text, YamlKind::Kubernetes, false),
                InputKind::CloudFormation => read_yaml(text, YamlKind::CloudFormation, false),
                _ => read_yaml(text, YamlKind::Auto, path.is_some_and(is_workflow_path)),
            };
            // A zone several schedules share (a Jenkins `TZ=` line) is
            // reported once: the schedules after the first lose only the
            // report (an unknown zone is not used either way).
            let mut bad_zone = None;
            for mut f in found {
                if let Found::Cron(FoundCron { zone: Some(z), .. }) = &f {
                    if !is_known_zone(&z.name, false) {
                        let place = Some((z.line, z.column));
                        if bad_zone == place {
                            if let Found::Cron(c) = &mut f {
                                c.zone = None;
                            }
                        }
                        bad_zone = place;
                    }
                }
                ci_found(f, visit).map_err(ReadError::Visit)?;
            }
        }
    }
    Ok(Outcome::Read(kind))
}

/// A problem named by a rule of the table (its severity from the table; the
/// checker drops it when the rule is `--allow`ed).
fn rule_problem(
    code: &'static str,
    message: String,
    help: Option<String>,
    line: u32,
    column: u32,
) -> Item {
    Item::Problem(Problem {
        severity: lint::rule(code).map_or(Severity::Error, |r| r.severity),
        code,
        message,
        help,
        line,
        column,
    })
}

/// One thing a CI reader found.
fn ci_found<E>(found: Found, visit: &mut impl FnMut(Item) -> Result<(), E>) -> Result<(), E> {
    match found {
        Found::Malformed {
            message,
            line,
            column,
        } => visit(Item::Problem(Problem {
            severity: Severity::Error,
            code: "malformed-yaml",
            message: format!("malformed YAML: {message}; schedules before it are still checked"),
            help: None,
            line,
            column,
        })),
        Found::Rate(r) => visit(Item::Unevaluated(eventbridge::rate_problem(&r.text).map(
            |why| Problem {
                severity: lint::rule("eventbridge-rate").map_or(Severity::Error, |r| r.severity),
                code: "eventbridge-rate",
                message: format!("{why} in `{}`", r.text),
                help: Some("e.g. `rate(1 hour)`, `rate(5 minutes)`".to_string()),
                line: r.line,
                column: r.column,
            },
        ))),
        Found::Cron(c) => ci_cron(c, visit),
    }
}

fn ci_cron<E>(c: FoundCron, visit: &mut impl FnMut(Item) -> Result<(), E>) -> Result<(), E> {
    let mut zone = None;
    if let Some(z) = &c.zone {
        if is_known_zone(&z.name, false) {
            zone = Some(z.name.clone());
        } else {
            visit(rule_problem(
                "unknown-timezone",
                format!(
                    "`{}` is not a time zone name that {} knows",
                    z.name,
                    platform_name(c.platform)
                ),
                Some("use an IANA name such as `Europe/Paris` or `America/New_York`".to_string()),
                z.line,
                z.column,
            ))?;
        }
    }
    let mut entry = Entry::new(c.text, c.line, c.column);
    entry.exact = c.verbatim;
    entry.dialect = c.platform.dialect();
    entry.zone = zone;
    entry.context = c.context;
    entry.context_in_message = true;
    entry.platform = c.platform;
    match c.platform {
        Platform::Kubernetes => {
            let prefix = ["CRON_TZ=", "TZ="]
                .into_iter()
                .find(|p| entry.text.starts_with(p));
            if let Some(p) = prefix {
                let rest = &entry.text[p.len()..];
                let zone_len = rest.find(' ').unwrap_or(rest.len());
                let skip = p.len() + zone_len;
                visit(rule_problem(
                    "k8s-zone-prefix",
                    format!("Kubernetes rejects a `{p}` prefix in spec.schedule"),
                    Some(format!(
                        "remove it and set `spec.timeZone: {}`",
                        &rest[..zone_len]
                    )),
                    c.line,
                    c.column,
                ))?;
                let after = entry.text[skip..].trim_start();
                let moved = entry.text.len() - after.len();
                if entry.exact {
                    entry.column += entry.text[..moved].chars().count() as u32;
                }
                entry.text = after.to_string();
            }
        }
        // Read as Jenkins reads it (`crate::jenkins`); see `jenkins.rs`.
        Platform::Jenkins => match super::jenkins::read_line(&entry.text) {
            JenkinsLine::Plain => {}
            JenkinsLine::Resolved { text, remap } => {
                entry.shown = Some(std::mem::replace(&mut entry.text, text));
                entry.remap = remap;
            }
            JenkinsLine::Rejected { message, span } => {
                let (line, column) = super::position(&entry, span.start);
                return visit(Item::Unevaluated(Some(Problem {
                    severity: Severity::Error,
                    code: "jenkins-syntax",
                    message: format!("Jenkins refuses `{}`: {message}", entry.text),
                    help: Some(
                        "see the Jenkins trigger syntax: five fields, `H`, `H(a-b)`, `H/n`, `@daily` and the other nicknames".to_string(),
                    ),
                    line,
                    column,
                })));
            }
        },
        _ => {}
    }
    visit(Item::Entry(entry))
}

/// One result of the lines / crontab / Nuxeo readers. `doc` is the whole
/// input when the reader had it (to tell whether a text is verbatim).
fn located<E>(
    item: Result<Located, InputError>,
    doc: Option<&[u8]>,
    visit: &mut impl FnMut(Item) -> Result<(), E>,
) -> Result<(), ReadError<E>> {
    let loc = match item {
        Ok(loc) => loc,
        Err(InputError::Io { line, source }) => {
            return Err(ReadError::Input(Unreadable {
                path: String::new(),
                line: Some(line),
                source,
            }))
        }
        Err(e) => {
            for item in problems::input_error(e) {
                visit(item).map_err(ReadError::Visit)?;
            }
            return Ok(());
        }
    };
    let exact = match doc {
        Some(doc) => doc
            .get(loc.byte_offset..)
            .is_some_and(|rest| rest.starts_with(loc.text.as_bytes())),
        // line-based readers: the trimmed text is a slice of one line
        None => true,
    };
    let (context, context_in_message) = match (loc.context, loc.dialect_hint) {
        // Nuxeo: `schedule id=...` belongs in the message
        (Some(c), Some(DialectHint::Quartz)) => {
            (Some(crate::sanitize::quoted(&c).into_owned()), true)
        }
        (c, _) => (c, false),
    };
    let crontab = loc.context_column.is_some();
    if let (Some(cmd), Some(col)) = (&context, loc.context_column) {
        if let Some(i) = unescaped_percent(cmd) {
            visit(rule_problem(
                "crontab-unescaped-percent",
                "unescaped `%` in the command: cron ends the command there and sends the rest to its standard input".to_string(),
                Some("write `\\%` for a literal percent sign (e.g. `date +\\%F`)".to_string()),
                loc.line,
                col + i as u32,
            ))
            .map_err(ReadError::Visit)?;
        }
    }
    let mut zone = None;
    if let Some(z) = loc.zone {
        if is_known_zone(&z, false) {
            zone = Some(z);
        } else {
            visit(rule_problem(
                "unknown-timezone",
                format!("`{z}` (from a CRON_TZ= or TZ= line above) is not a time zone name; cron runs this entry in the system zone"),
                Some("use an IANA name such as `Europe/Paris`".to_string()),
                loc.line,
                loc.column,
            ))
            .map_err(ReadError::Visit)?;
        }
    }
    let entry = Entry {
        text: loc.text,
        line: loc.line,
        column: loc.column,
        exact,
        dialect: loc.dialect_hint.map(|h| match h {
            DialectHint::Quartz => DialectChoice::Quartz,
            DialectHint::Unix => DialectChoice::Unix,
        }),
        zone,
        context,
        context_in_message,
        platform: match loc.dialect_hint {
            Some(DialectHint::Quartz) => Platform::Nuxeo,
            _ if crontab => Platform::Crontab,
            _ => Platform::Generic,
        },
        shown: None,
        remap: Vec::new(),
        name: None,
        offset_note: None,
    };
    visit(Item::Entry(entry)).map_err(ReadError::Visit)
}

/// The platform as users call it, for messages.
fn platform_name(p: Platform) -> &'static str {
    match p {
        Platform::Github => "GitHub Actions",
        Platform::Kubernetes => "Kubernetes",
        Platform::Argo => "Argo Workflows",
        Platform::EventBridge => "AWS EventBridge",
        Platform::Jenkins => "Jenkins",
        Platform::Watcher => "Elasticsearch",
        Platform::OpenSearch => "OpenSearch",
        _ => "cron",
    }
}

/// Read at most `max` bytes; more is an error naming the limit.
fn read_limited(r: impl Read, max: u64) -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    r.take(max + 1).read_to_end(&mut v)?;
    if v.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {} MiB, the most a CI file is read", max >> 20),
        ));
    }
    Ok(v)
}

/// 1-based line and column of byte `at`.
fn utf8_error_position(bytes: &[u8], at: usize) -> (u32, u32) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (super::to_u32(line), super::to_u32(column))
}
