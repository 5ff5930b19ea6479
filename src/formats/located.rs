//! Where an expression sits in a text input: [`Located`] and the readers' [`InputError`].
//!
//! Each reader returns the expression *text* and exactly where it is
//! ([`Located`]); none of them parses the expression itself, so they do not
//! depend on the cron parser. The caller parses [`Located::text`] and maps the
//! parser's byte spans back into the file with [`Located::byte_offset`] /
//! [`Located::line`] / [`Located::column`] (an expression never spans lines in
//! the line-based formats; in Nuxeo XML it may, see [`nuxeo`](super::nuxeo)).
//!
//! - [`lines`](super::lines): one expression per line, `#` comment lines (streaming).
//! - [`crontab`](super::crontab): user crontabs, `/etc/crontab` and `/etc/cron.d` files
//!   (streaming).
//! - [`nuxeo`](super::nuxeo): Nuxeo extension XML (`<schedule>` / `<cronExpression>`).
//! - [`detect`](super::detect): picks one of the formats from a file name and its content.
//!
//! Positions everywhere: `line` and `column` are 1-based, the column counts
//! characters (a tab is one column, a multi-byte character is one column), and
//! `byte_offset` is the offset of the expression's first byte in the whole
//! input. Lines end at `\n`; a `\r` before it is not part of the line. A UTF-8
//! byte-order mark at the very start is not counted as a column (it is counted
//! in `byte_offset`).

/// Which cron dialect the input format implies, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DialectHint {
    /// Quartz / Elasticsearch / Nuxeo (seconds first, 6 or 7 fields).
    Quartz,
    /// Vixie/ISC cron (5 fields or a nickname).
    Unix,
}

/// A cron expression found in an input, with its exact position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The expression text (trimmed; for XML, with entities and CDATA resolved).
    pub text: String,
    /// 1-based line of the expression's first character.
    pub line: u32,
    /// 1-based column of the expression's first character, in characters.
    pub column: u32,
    /// Byte offset of the expression's first byte in the whole input.
    pub byte_offset: usize,
    /// Where the expression comes from, e.g. `schedule id=monthly_stuff` or
    /// the crontab command.
    pub context: Option<String>,
    /// The dialect the format implies, if it implies one.
    pub dialect_hint: Option<DialectHint>,
    /// 1-based column of [`Located::context`] on the line, when the context
    /// is text of that line (a crontab command).
    pub context_column: Option<u32>,
    /// The time zone the input sets for this entry (a crontab's `CRON_TZ=`
    /// or `TZ=` line before it).
    pub zone: Option<String>,
}

/// An input that could not be read as the requested format, or a part of it
/// that does not hold a usable expression. Positions are 1-based, columns in
/// characters, as in [`Located`].
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A line (or the document) is not valid UTF-8; the position is the first
    /// invalid byte.
    #[error("{line}:{column}: input is not valid UTF-8")]
    InvalidUtf8 {
        /// Line of the first invalid byte.
        line: u32,
        /// Column of the first invalid byte.
        column: u32,
        /// Offset of the first invalid byte in the input.
        byte_offset: usize,
    },
    /// A line is longer than [`MAX_LINE_BYTES`]; the rest of it was skipped.
    #[error("{line}:1: line is longer than {max} bytes")]
    LineTooLong {
        /// The line.
        line: u32,
        /// Offset of the line's first byte.
        byte_offset: usize,
        /// The limit ([`MAX_LINE_BYTES`]).
        max: usize,
    },
    /// A system crontab line (`/etc/crontab`, `/etc/cron.d/*`) whose token
    /// after the schedule is not a user name: the user column is missing, so
    /// cron would take the command's first word for the user.
    #[error("{line}:{column}: the user column is missing")]
    MissingUser {
        /// The schedule text (checked all the same).
        schedule: String,
        /// Line of the schedule.
        line: u32,
        /// Column of the schedule.
        column: u32,
        /// Column of the token that stands where the user should.
        user_column: u32,
        /// The command.
        command: String,
    },
    /// Reading the input failed.
    #[error("line {line}: read error: {source}")]
    Io {
        /// The line being read.
        line: u32,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A crontab line has a schedule but no command (or, in the system format,
    /// no user and command). `schedule` is the schedule text at the position,
    /// so the caller can still check it.
    #[error("{line}:{column}: schedule `{schedule}` is not followed by a command")]
    MissingCommand {
        /// The schedule text.
        schedule: String,
        /// Line of the schedule.
        line: u32,
        /// Column of the schedule.
        column: u32,
        /// Offset of the schedule.
        byte_offset: usize,
    },
    /// A crontab line that is neither a comment, an environment setting nor a
    /// schedule.
    #[error(
        "{line}:{column}: not a crontab entry (expected 5 time fields or an @nickname, then a command)"
    )]
    UnrecognizedLine {
        /// The line.
        line: u32,
        /// Column of the first non-blank character.
        column: u32,
        /// Offset of the first non-blank character.
        byte_offset: usize,
    },
    /// A Nuxeo `<schedule>` without `<cronExpression>`; the position is the
    /// `<schedule` tag.
    #[error("{line}:{column}: <schedule{}> has no <cronExpression>", fmt_id(.id))]
    MissingCronExpression {
        /// The schedule's `id` attribute.
        id: Option<String>,
        /// Line of the `<schedule` tag.
        line: u32,
        /// Column of the `<schedule` tag.
        column: u32,
        /// Offset of the `<schedule` tag.
        byte_offset: usize,
    },
    /// A Nuxeo `<cronExpression>` holding only white space; the position is
    /// where its content starts (or the tag, for `<cronExpression/>`).
    #[error("{line}:{column}: <cronExpression> of <schedule{}> is empty", fmt_id(.id))]
    EmptyCronExpression {
        /// The enclosing schedule's `id` attribute.
        id: Option<String>,
        /// Line of the (empty) content.
        line: u32,
        /// Column of the (empty) content.
        column: u32,
        /// Offset of the (empty) content.
        byte_offset: usize,
    },
    /// The XML is malformed (or uses an entity that is not predefined).
    #[error("{line}:{column}: malformed XML: {message}")]
    MalformedXml {
        /// What is wrong.
        message: String,
        /// Line of the error.
        line: u32,
        /// Column of the error.
        column: u32,
        /// Offset of the error.
        byte_offset: usize,
    },
}

fn fmt_id(id: &Option<String>) -> String {
    match id {
        Some(id) => format!(" id=\"{id}\""),
        None => String::new(),
    }
}

impl InputError {
    /// The 1-based line the error is about.
    pub fn line(&self) -> u32 {
        match self {
            InputError::InvalidUtf8 { line, .. }
            | InputError::LineTooLong { line, .. }
            | InputError::Io { line, .. }
            | InputError::MissingCommand { line, .. }
            | InputError::MissingUser { line, .. }
            | InputError::UnrecognizedLine { line, .. }
            | InputError::MissingCronExpression { line, .. }
            | InputError::EmptyCronExpression { line, .. }
            | InputError::MalformedXml { line, .. } => *line,
        }
    }

    /// The 1-based column (in characters), when the error has one.
    pub fn column(&self) -> Option<u32> {
        match self {
            InputError::InvalidUtf8 { column, .. }
            | InputError::MissingCommand { column, .. }
            | InputError::MissingUser { column, .. }
            | InputError::UnrecognizedLine { column, .. }
            | InputError::MissingCronExpression { column, .. }
            | InputError::EmptyCronExpression { column, .. }
            | InputError::MalformedXml { column, .. } => Some(*column),
            InputError::LineTooLong { .. } => Some(1),
            InputError::Io { .. } => None,
        }
    }

    /// The byte offset in the input, when the error has one.
    pub fn byte_offset(&self) -> Option<usize> {
        match self {
            InputError::InvalidUtf8 { byte_offset, .. }
            | InputError::LineTooLong { byte_offset, .. }
            | InputError::MissingCommand { byte_offset, .. }
            | InputError::UnrecognizedLine { byte_offset, .. }
            | InputError::MissingCronExpression { byte_offset, .. }
            | InputError::EmptyCronExpression { byte_offset, .. }
            | InputError::MalformedXml { byte_offset, .. } => Some(*byte_offset),
            InputError::Io { .. } | InputError::MissingUser { .. } => None,
        }
    }
}

/// Longest line the line-based readers accept (1 MiB); longer lines give
/// [`InputError::LineTooLong`] and are skipped, so memory stays bounded.
pub const MAX_LINE_BYTES: usize = 1 << 20;
