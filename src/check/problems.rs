//! Problems with the input itself (rather than with an expression): the
//! readers' errors as findings, and the codes `--allow` treats specially.

use super::{Entry, Item, Problem};
use crate::formats::InputError;
use crate::lint::Severity;
use crate::DialectChoice;

/// Problems the text readers find (rather than the lint rules): each has a
/// stable code and is an error. Like parse errors they cannot be allowed: a
/// line that cannot be read is a job that does not run as written.
pub const INPUT_ERRORS: [(&str, &str); 8] = [
    (
        "invalid-utf8",
        "A line (or a whole XML document) is not valid UTF-8; it is skipped.",
    ),
    ("line-too-long", "A line longer than 1 MiB; it is skipped."),
    (
        "missing-command",
        "A crontab schedule not followed by a command (or, in a system crontab, by a user and a command); the schedule is still checked.",
    ),
    (
        "crontab-missing-user",
        "A line of /etc/crontab or /etc/cron.d whose token after the schedule is not a user name: the user column is missing, so cron would run the command's arguments as the command under the user named by its first word.",
    ),
    (
        "unrecognized-line",
        "A crontab line that is neither a comment, an environment setting nor a schedule.",
    ),
    (
        "missing-cron-expression",
        "A Nuxeo `<schedule>` without `<cronExpression>`.",
    ),
    (
        "empty-cron-expression",
        "A Nuxeo `<cronExpression>` with nothing in it.",
    ),
    (
        "malformed-xml",
        "The XML is malformed; expressions before the error are still checked.",
    ),
];

/// Warnings of the Watcher / OpenSearch readers (accepted, but odd): they can
/// be allowed like lint rules. Their errors (`unknown-field`, `json-*`, ...)
/// cannot, as parse errors cannot.
pub const READER_WARNINGS: [&str; 8] = [
    "watcher-several-schedule-types",
    "watcher-ignored-field",
    "watcher-alias-repeated",
    "watcher-truncated-number",
    "opensearch-missing-timezone",
    "opensearch-unknown-timezone",
    "opensearch-missing-start-time",
    "opensearch-truncated-number",
];

/// A reader's complaint about the input, as a finding.
pub(super) fn input_error(e: InputError) -> Vec<Item> {
    let problem = |code, message: String, help: Option<&str>, line, column| Problem {
        severity: Severity::Error,
        code,
        message,
        help: help.map(str::to_string),
        line,
        column,
    };
    let p = match e {
        InputError::InvalidUtf8 { line, column, .. } => problem(
            "invalid-utf8",
            "not valid UTF-8; the line was skipped".to_string(),
            Some("save the file as UTF-8"),
            line,
            column,
        ),
        InputError::LineTooLong { line, max, .. } => problem(
            "line-too-long",
            format!("line is longer than {max} bytes; it was skipped"),
            None,
            line,
            1,
        ),
        InputError::MissingCommand {
            schedule,
            line,
            column,
            ..
        } => {
            let p = problem(
                "missing-command",
                format!(
                    "schedule `{}` is not followed by a command",
                    crate::sanitize::quote(&schedule)
                ),
                Some("a crontab entry is five time fields (or an @nickname), then the command; /etc/crontab and /etc/cron.d files put the user before the command"),
                line,
                column,
            );
            // The schedule itself still gets checked.
            let mut entry = Entry::new(schedule, line, column);
            entry.dialect = Some(DialectChoice::Unix);
            return vec![Item::Problem(p), Item::Entry(entry)];
        }
        InputError::MissingUser {
            schedule,
            line,
            column,
            user_column,
            command,
        } => {
            let p = problem(
                "crontab-missing-user",
                format!("`{command}` stands where this system crontab needs a user: the user column is missing"),
                Some("/etc/crontab and /etc/cron.d files put the user between the schedule and the command, e.g. `0 3 * * * root /usr/bin/backup`"),
                line,
                user_column,
            );
            let mut entry = Entry::new(schedule, line, column);
            entry.dialect = Some(DialectChoice::Unix);
            return vec![Item::Problem(p), Item::Entry(entry)];
        }
        InputError::UnrecognizedLine { line, column, .. } => problem(
            "unrecognized-line",
            "not a crontab entry: expected 5 time fields or an @nickname, then a command"
                .to_string(),
            Some("comment it out with `#` if it is not an entry"),
            line,
            column,
        ),
        InputError::MissingCronExpression {
            id, line, column, ..
        } => problem(
            "missing-cron-expression",
            format!("<schedule{}> has no <cronExpression>", id_attr(&id)),
            Some("Nuxeo needs a Quartz expression, e.g. <cronExpression>0 0 3 * * ?</cronExpression>"),
            line,
            column,
        ),
        InputError::EmptyCronExpression {
            id, line, column, ..
        } => problem(
            "empty-cron-expression",
            format!("<cronExpression> of <schedule{}> is empty", id_attr(&id)),
            None,
            line,
            column,
        ),
        InputError::MalformedXml {
            message,
            line,
            column,
            ..
        } => problem(
            "malformed-xml",
            format!("malformed XML: {message}"),
            None,
            line,
            column,
        ),
        InputError::Io { line, source } => problem(
            "read-error",
            format!("read error at line {line}: {source}"),
            None,
            line,
            1,
        ),
    };
    vec![Item::Problem(p)]
}

fn id_attr(id: &Option<String>) -> String {
    match id {
        Some(id) => format!(" id=\"{}\"", crate::sanitize::quote(id)),
        None => String::new(),
    }
}
