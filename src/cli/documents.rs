//! Documents on the command lines of `croneval`, `explain` and `convert`:
//! crontabs, Watcher / OpenSearch JSON, Nuxeo XML, CI files and files of one
//! expression per line, read through the library's one reader layer
//! ([`cronkit::check::read`]) that `validate` reads them with.
//!
//! Each schedule comes out as an [`Entry`] with its position, its label
//! (watch id, crontab command), the profile it is read with, its zone and its
//! scheduler's DST behaviour; what this module adds is how the commands show
//! them: a location `file:line` (as `validate` shows it) and the reader's
//! problems as one-line messages, everything from input escaped.

use std::io::Read;
use std::path::Path;

use cronkit::check::read::{self, Outcome, ReadError};
use cronkit::check::{Entry, Item, Problem, Unreadable};
use cronkit::formats::detect::InputKind;
use cronkit::lint::{Platform, Severity};
use cronkit::sanitize;
use cronkit::{DialectChoice, DstPolicy};

use super::args::InputArg;

/// The reader `--input` names; `None` for `auto`.
pub fn input_kind(arg: InputArg) -> Option<InputKind> {
    match arg {
        InputArg::Auto => None,
        InputArg::Lines => Some(InputKind::Lines),
        InputArg::Crontab => Some(InputKind::Crontab),
        InputArg::Watcher => Some(InputKind::Watcher),
        InputArg::Opensearch => Some(InputKind::OpenSearch),
        InputArg::Nuxeo => Some(InputKind::Nuxeo),
        InputArg::Yaml => Some(InputKind::Yaml),
        InputArg::Github => Some(InputKind::Github),
        InputArg::K8s => Some(InputKind::Kubernetes),
        InputArg::Cloudformation => Some(InputKind::CloudFormation),
        InputArg::Jenkins => Some(InputKind::Jenkins),
    }
}

/// The dialect an entry is read with: its source's profile, else the
/// command's `--dialect` (one expression per line says nothing itself).
pub fn entry_dialect(e: &Entry, cli: DialectChoice) -> DialectChoice {
    e.dialect.or(e.platform.dialect()).unwrap_or(cli)
}

/// The DST policy an entry is evaluated with when `--dst` is not given: its
/// scheduler's (Nuxeo: Quartz 2.3.2), else its profile's.
pub fn entry_dst(e: &Entry, dialect: cronkit::Dialect) -> DstPolicy {
    e.default_dst()
        .unwrap_or_else(|| dialect.profile().default_dst)
}

/// Where an entry is, as `validate` shows it: `file:line:column`.
pub fn location(shown: &str, e: &Entry) -> String {
    format!("{shown}:{}:{}", e.line, e.column)
}

/// What `explain` and `croneval` put before an entry's expression when they
/// echo it: nothing for a line of a list of expressions (the expression says
/// which it is), else `file:line: ` (a crontab line, a watch, a Nuxeo
/// contribution is known by where it is).
pub fn echo_prefix(shown: &str, e: &Entry) -> String {
    if e.platform == Platform::Generic && e.dialect.is_none() {
        String::new()
    } else {
        format!("{shown}:{}: ", e.line)
    }
}

/// A reader's problem as one line (and its help), ready for stderr:
/// `error[code]: file:line:column: message`.
pub fn problem_message(shown: &str, p: &Problem) -> String {
    let level = match p.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    };
    let mut s = format!(
        "{level}[{}]: {shown}:{}:{}: {}\n",
        p.code,
        p.line,
        p.column,
        sanitize::message(&p.message)
    );
    if let Some(h) = &p.help {
        s.push_str(&format!("  = help: {}\n", sanitize::message(h)));
    }
    s
}

/// A document that could not be read, as one line for stderr.
pub fn unreadable_message(e: &Unreadable) -> String {
    format!("error: {}\n", sanitize::message(&e.to_string()))
}

/// What reading a document gave.
pub enum Read<E> {
    /// Read as this kind.
    Done(InputKind),
    /// Auto-detection found nothing to read in it (the message says why).
    Skipped(String),
    /// It could not be read (the message is ready for stderr).
    Unreadable(String),
    /// The visitor failed.
    Visit(E),
}

/// Read `raw` (the document `path`, `None` for stdin) as `kind` (auto when
/// `None`), handing each item to `visit`. A document the user names is always
/// read: when detection finds nothing it knows, it is read as one expression
/// per line.
pub fn read_document<E>(
    raw: impl Read,
    path: Option<&Path>,
    kind: Option<InputKind>,
    visit: impl FnMut(Item) -> Result<(), E>,
) -> Read<E> {
    match read::read_from(raw, path, kind, true, visit) {
        Ok(Outcome::Read(k)) => Read::Done(k),
        Ok(Outcome::Skipped(why)) => Read::Skipped(format!(
            "{}: not read: {}; pass --input KIND to say what it is",
            path.map_or_else(|| "<stdin>".to_string(), sanitize::path),
            why.as_str()
        )),
        Err(ReadError::Input(e)) => Read::Unreadable(unreadable_message(&e)),
        Err(ReadError::Visit(e)) => Read::Visit(e),
    }
}

/// The kind `read_document` will pick for these first bytes (to choose
/// between readers that need the whole schedule, such as `--schedule`'s
/// intervals, and the entry readers).
pub fn detected_kind(path: Option<&Path>, head: &[u8]) -> Option<InputKind> {
    match cronkit::formats::detect::classify(path, head, true) {
        cronkit::formats::detect::Detected::Kind(k) => Some(k),
        cronkit::formats::detect::Detected::Skip(_) => None,
    }
}
