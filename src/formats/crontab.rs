//! Crontab files: user crontabs (`crontab -e`, `/var/spool/cron/...`) and the
//! system format of `/etc/crontab` and `/etc/cron.d/*`, which has a user
//! column between the schedule and the command.
//!
//! Each entry yields the *schedule* only (5 time fields, or an `@nickname`) as
//! [`Located::text`], positioned at its first character, with the command in
//! [`Located::context`] and [`DialectHint::Unix`]. The user column is neither
//! in the text nor in the context.
//!
//! Rules and decisions:
//! - Skipped: blank lines, lines whose first non-blank character is `#`, and
//!   environment settings: `NAME=value`, `NAME = value`, `NAME="quoted"`,
//!   `"quoted name"=value` (NAME is `[A-Za-z_][A-Za-z0-9_]*` or quoted, as
//!   cron's `load_env` reads them). A line like `0=5 * * * * cmd` is not taken
//!   for an environment setting (cron would silently do so): it is reported.
//! - Fields are separated by runs of spaces or tabs. Columns count characters;
//!   a tab is one column. CRLF line ends are accepted.
//! - A line starting with `@` is a nickname line: the first token is the
//!   schedule (even an unknown `@dialy`: the cron parser reports it).
//! - Otherwise the schedule is the leading run (at most 5) of tokens that look
//!   like cron fields: made of `0-9 A-Z a-z * ? / , # + -`, not starting with
//!   `/`, every run of letters at most 3 long or a full English day or month
//!   name. A line with fewer than 5 such tokens followed by more text (e.g.
//!   `0 3 * * /bin/job`) is **returned** with the short schedule, so the
//!   parser reports the missing field at the right place.
//! - A schedule not followed by a command (`@daily`, `0 3 * * *`, or in the
//!   system format a missing user or command) is
//!   [`InputError::MissingCommand`], which carries the schedule text and its
//!   position so the caller can still check it.
//! - A line that is none of the above (its first token does not look like a
//!   cron field) is [`InputError::UnrecognizedLine`]. Nothing is dropped
//!   silently.
//! - [`CrontabStyle::Auto`] resolves from the path: a file inside a `cron.d`
//!   directory, or `etc/crontab`, is [`CrontabStyle::System`] (those formats
//!   always have a user column). Another file named `crontab` is decided per
//!   line: system when the token after the schedule looks like a user name
//!   (`[A-Za-z_][A-Za-z0-9_.-]*$?`, at most 32 characters) and a command
//!   follows it, user otherwise. Any other path, or no path, is
//!   [`CrontabStyle::User`].
//! - Streaming: [`parse_crontab`] over `&str`, [`read_crontab`] over a
//!   [`BufRead`] (bytes per line; a non-UTF-8 line is an
//!   [`InputError::InvalidUtf8`] for that line, and reading goes on).

use std::io::BufRead;
use std::path::Path;

use super::lines::{column_at, is_blank, RawLine, ReadLines, StrLines};
use super::{DialectHint, InputError, Located};

/// The cron nicknames (Vixie/ISC cron), case-sensitive.
pub const NICKNAMES: [&str; 8] = [
    "@yearly",
    "@annually",
    "@monthly",
    "@weekly",
    "@daily",
    "@midnight",
    "@hourly",
    "@reboot",
];

/// Which crontab format to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CrontabStyle {
    /// A user crontab: schedule, command.
    User,
    /// `/etc/crontab` and `/etc/cron.d/*`: schedule, user, command.
    System,
    /// Decide from the path and, for files named `crontab`, per line (see the
    /// module documentation).
    #[default]
    Auto,
}

/// The style after looking at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    User,
    System,
    PerLine,
}

impl Mode {
    fn resolve(style: CrontabStyle, path: Option<&Path>) -> Mode {
        match style {
            CrontabStyle::User => Mode::User,
            CrontabStyle::System => Mode::System,
            CrontabStyle::Auto => match path {
                None => Mode::User,
                Some(path) => {
                    let mut parents = path.components().rev().skip(1);
                    let in_cron_d = parents.clone().any(|c| c.as_os_str() == "cron.d");
                    let named_crontab = path.file_name().is_some_and(|n| n == "crontab");
                    let parent_is_etc = parents.next().is_some_and(|c| c.as_os_str() == "etc");
                    if in_cron_d || (named_crontab && parent_is_etc) {
                        Mode::System
                    } else if named_crontab {
                        Mode::PerLine
                    } else {
                        Mode::User
                    }
                }
            },
        }
    }
}

/// Whether `token` looks like a cron time field (see the module docs).
pub(crate) fn looks_like_field(token: &str) -> bool {
    const NAMES: [&str; 19] = [
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "may",
    ];
    if token.is_empty()
        || token.starts_with('/')
        || !token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "*?/,#+-".contains(c))
    {
        return false;
    }
    token
        .split(|c: char| !c.is_ascii_alphabetic())
        .all(|run| run.len() <= 3 || NAMES.iter().any(|n| n.eq_ignore_ascii_case(run)))
}

/// Whether `token` looks like a user name (system crontab user column).
fn looks_like_user(token: &str) -> bool {
    let body = token.strip_suffix('$').unwrap_or(token);
    let mut chars = body.chars();
    token.len() <= 32
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// Whether the (left-trimmed) line is an environment setting.
pub(crate) fn is_env_assignment(rest: &str) -> bool {
    let after_name = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let inner = &rest[1..];
            match inner.find(q) {
                Some(0) | None => return false,
                Some(end) => &inner[end + 1..],
            }
        }
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[end..]
        }
        _ => return false,
    };
    after_name.trim_start_matches(is_blank).starts_with('=')
}

/// Tokens separated by blanks, with their byte index in the line.
struct Tokens<'a> {
    line: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.line[self.pos..];
        let start = self.pos + rest.find(|c: char| !is_blank(c))?;
        let len = self.line[start..]
            .find(is_blank)
            .unwrap_or(self.line.len() - start);
        self.pos = start + len;
        Some((start, &self.line[start..start + len]))
    }
}

/// The entry on one line, if the line holds one.
fn crontab_line(
    line: RawLine<'_>,
    mode: Mode,
    zone: &mut Option<String>,
) -> Option<Result<Located, InputError>> {
    let text = line.text;
    let start = text.find(|c: char| !is_blank(c))?;
    let rest = &text[start..];
    if rest.starts_with('#') {
        return None;
    }
    if is_env_assignment(rest) {
        // cronie: CRON_TZ= sets the zone of the entries after it; TZ= is the
        // job's environment, which some crons (and most readers) take as well.
        for key in ["CRON_TZ", "TZ"] {
            if let Some(value) = rest
                .strip_prefix(key)
                .map(|r| r.trim_start_matches(is_blank))
                .and_then(|r| r.strip_prefix('='))
            {
                let value = value.trim_matches(is_blank).trim_matches(['"', '\'']);
                *zone = (!value.is_empty()).then(|| value.to_owned());
            }
        }
        return None;
    }
    let column = column_at(text, start);
    let byte_offset = line.offset + start;

    let mut tokens = Tokens { line: text, pos: 0 };
    let mut schedule_end = start;
    if rest.starts_with('@') {
        let (i, tok) = tokens.next()?;
        schedule_end = i + tok.len();
    } else {
        let mut count = 0;
        let mut peek = Tokens { line: text, pos: 0 };
        while count < 5 {
            match peek.next() {
                Some((i, tok)) if looks_like_field(tok) => {
                    schedule_end = i + tok.len();
                    count += 1;
                    tokens.pos = peek.pos;
                }
                _ => break,
            }
        }
        if count == 0 {
            return Some(Err(InputError::UnrecognizedLine {
                line: line.number,
                column,
                byte_offset,
            }));
        }
    }
    let schedule = &text[start..schedule_end];
    let missing = || {
        Some(Err(InputError::MissingCommand {
            schedule: schedule.to_owned(),
            line: line.number,
            column,
            byte_offset,
        }))
    };

    let Some(first) = tokens.next() else {
        return missing();
    };
    let command_start = match mode {
        Mode::User => first.0,
        Mode::System if !looks_like_user(first.1) => {
            return Some(Err(InputError::MissingUser {
                schedule: schedule.to_owned(),
                line: line.number,
                column,
                user_column: column_at(text, first.0),
                command: text[first.0..].trim_end_matches(is_blank).to_owned(),
            }))
        }
        Mode::System => match tokens.next() {
            Some((i, _)) => i,
            None => return missing(),
        },
        Mode::PerLine => match tokens.next() {
            Some((i, _)) if looks_like_user(first.1) => i,
            _ => first.0,
        },
    };
    Some(Ok(Located {
        text: schedule.to_owned(),
        line: line.number,
        column,
        byte_offset,
        context: Some(text[command_start..].trim_end_matches(is_blank).to_owned()),
        dialect_hint: Some(DialectHint::Unix),
        context_column: Some(column_at(text, command_start)),
        zone: zone.clone(),
    }))
}

/// The schedules of a crontab, one at a time.
///
/// ```
/// use std::path::Path;
/// use cronkit::formats::crontab::{parse_crontab, CrontabStyle};
/// let text = "MAILTO=ops\n# backups\n30 2 * * *\troot\t/usr/bin/backup --all\n";
/// let found: Vec<_> = parse_crontab(text, CrontabStyle::Auto, Some(Path::new("/etc/cron.d/backup")))
///     .collect::<Result<_, _>>()
///     .unwrap();
/// assert_eq!(found[0].text, "30 2 * * *");
/// assert_eq!((found[0].line, found[0].column), (3, 1));
/// assert_eq!(found[0].context.as_deref(), Some("/usr/bin/backup --all"));
/// ```
pub fn parse_crontab<'a>(
    text: &'a str,
    style: CrontabStyle,
    path: Option<&Path>,
) -> CrontabExprs<'a> {
    CrontabExprs {
        lines: StrLines::new(text),
        mode: Mode::resolve(style, path),
        zone: None,
    }
}

/// The schedules of a crontab read from `reader`, one at a time (bytes are
/// read per line; a non-UTF-8 line is an error for that line only).
pub fn read_crontab<R: BufRead>(
    reader: R,
    style: CrontabStyle,
    path: Option<&Path>,
) -> CrontabExprsReader<R> {
    CrontabExprsReader {
        lines: ReadLines::new(reader),
        mode: Mode::resolve(style, path),
        zone: None,
    }
}

/// Iterator returned by [`parse_crontab`].
#[derive(Debug, Clone)]
pub struct CrontabExprs<'a> {
    lines: StrLines<'a>,
    mode: Mode,
    zone: Option<String>,
}

impl Iterator for CrontabExprs<'_> {
    type Item = Result<Located, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.lines.next()? {
                Err(e) => return Some(Err(e)),
                Ok(line) => {
                    if let Some(found) = crontab_line(line, self.mode, &mut self.zone) {
                        return Some(found);
                    }
                }
            }
        }
    }
}

/// Iterator returned by [`read_crontab`].
#[derive(Debug)]
pub struct CrontabExprsReader<R> {
    lines: ReadLines<R>,
    mode: Mode,
    zone: Option<String>,
}

impl<R: BufRead> Iterator for CrontabExprsReader<R> {
    type Item = Result<Located, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mode = self.mode;
            match self.lines.next_line()? {
                Err(e) => return Some(Err(e)),
                Ok(line) => {
                    if let Some(found) = crontab_line(line, mode, &mut self.zone) {
                        return Some(found);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs both APIs and checks they agree (comparing errors by position).
    fn run(
        text: &str,
        style: CrontabStyle,
        path: Option<&str>,
    ) -> Vec<Result<Located, InputError>> {
        let path = path.map(Path::new);
        let a: Vec<_> = parse_crontab(text, style, path).collect();
        let b: Vec<_> = read_crontab(text.as_bytes(), style, path).collect();
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            match (x, y) {
                (Ok(x), Ok(y)) => assert_eq!(x, y),
                (Err(x), Err(y)) => assert_eq!(x.to_string(), y.to_string()),
                _ => panic!("str and reader APIs disagree: {x:?} vs {y:?}"),
            }
        }
        a
    }

    fn ok(text: &str, style: CrontabStyle, path: Option<&str>) -> Vec<Located> {
        run(text, style, path)
            .into_iter()
            .map(|r| r.unwrap())
            .collect()
    }

    fn pos(l: &Located) -> (&str, u32, u32, usize, Option<&str>) {
        (
            l.text.as_str(),
            l.line,
            l.column,
            l.byte_offset,
            l.context.as_deref(),
        )
    }

    #[test]
    fn user_crontab() {
        let text = "# m h dom mon dow command\n\
                    0 5 * * 1 tar -zcf /var/backups/home.tgz /home/\n\
                    */15 9-17 * * MON-FRI   /usr/local/bin/poll   \n";
        let found = ok(text, CrontabStyle::User, None);
        assert_eq!(found.len(), 2);
        assert_eq!(
            pos(&found[0]),
            (
                "0 5 * * 1",
                2,
                1,
                26,
                Some("tar -zcf /var/backups/home.tgz /home/")
            )
        );
        let off = text.find("*/15").unwrap();
        assert_eq!(
            pos(&found[1]),
            (
                "*/15 9-17 * * MON-FRI",
                3,
                1,
                off,
                Some("/usr/local/bin/poll")
            )
        );
        assert_eq!(found[0].dialect_hint, Some(DialectHint::Unix));
    }

    #[test]
    fn tabs_and_indentation() {
        let text = "\t 0\t5 *  *\t1\t\techo hi\n";
        let found = ok(text, CrontabStyle::User, None);
        assert_eq!(pos(&found[0]), ("0\t5 *  *\t1", 1, 3, 2, Some("echo hi")));
        // Multi-byte characters before the schedule count as one column each.
        let text = "\u{feff}\t0 5 * * 1 x\n";
        let found = ok(text, CrontabStyle::User, None);
        assert_eq!(pos(&found[0]), ("0 5 * * 1", 1, 2, 4, Some("x")));
    }

    #[test]
    fn crlf() {
        let text = "SHELL=/bin/sh\r\n0 5 * * 1 run\r\n\r\n@daily  other \r\n";
        let found = ok(text, CrontabStyle::User, None);
        assert_eq!(pos(&found[0]), ("0 5 * * 1", 2, 1, 15, Some("run")));
        assert_eq!(pos(&found[1]), ("@daily", 4, 1, 32, Some("other")));
    }

    #[test]
    fn environment_lines_skipped() {
        let text = "MAILTO=ops@example.com\n\
                    PATH = /usr/bin:/bin\n\
                    \tCRON_TZ=Europe/Paris\n\
                    HOME=\"/var/lib/x y\"\n\
                    EMPTY=\n\
                    'QUOTED NAME' = 'v'\n\
                    \"N\"=v\n\
                    _x1 =  1\n\
                    1 2 3 4 5 cmd\n";
        let found = ok(text, CrontabStyle::User, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "1 2 3 4 5");
        assert_eq!(found[0].line, 9);
    }

    #[test]
    fn env_detection() {
        assert!(is_env_assignment("A=1"));
        assert!(is_env_assignment("A = 1"));
        assert!(is_env_assignment("A\t=1"));
        assert!(is_env_assignment("'A B'=1"));
        assert!(!is_env_assignment("''=1"));
        assert!(!is_env_assignment("'A=1"));
        assert!(!is_env_assignment("* * * * * A=1 cmd"));
        assert!(!is_env_assignment("0=5 * * * * cmd"));
        assert!(!is_env_assignment("@daily X=1 cmd"));
        assert!(!is_env_assignment("A B=1"));
    }

    #[test]
    fn bad_env_like_line_is_reported() {
        let found = run("0=5 * * * * cmd\n", CrontabStyle::User, None);
        assert!(matches!(
            found[0],
            Err(InputError::UnrecognizedLine {
                line: 1,
                column: 1,
                byte_offset: 0
            })
        ));
    }

    #[test]
    fn nicknames() {
        let mut text = String::new();
        for n in NICKNAMES {
            text.push_str(n);
            text.push_str(" /bin/job\n");
        }
        let found = ok(&text, CrontabStyle::User, None);
        assert_eq!(found.len(), NICKNAMES.len());
        for (f, n) in found.iter().zip(NICKNAMES) {
            assert_eq!(f.text, n);
            assert_eq!(f.column, 1);
            assert_eq!(f.context.as_deref(), Some("/bin/job"));
        }
        // Unknown nickname: returned for the parser to report.
        let found = ok("  @dialy job\n", CrontabStyle::User, None);
        assert_eq!(pos(&found[0]), ("@dialy", 1, 3, 2, Some("job")));
    }

    #[test]
    fn nickname_without_command() {
        let found = run("# x\n   @daily   \n", CrontabStyle::User, None);
        match &found[0] {
            Err(InputError::MissingCommand {
                schedule,
                line,
                column,
                byte_offset,
            }) => assert_eq!(
                (schedule.as_str(), *line, *column, *byte_offset),
                ("@daily", 2, 4, 7)
            ),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn five_fields_without_command() {
        let found = run("0 5 * * 1\n", CrontabStyle::User, None);
        assert!(matches!(
            &found[0],
            Err(InputError::MissingCommand { schedule, line: 1, column: 1, byte_offset: 0 })
                if schedule == "0 5 * * 1"
        ));
    }

    #[test]
    fn four_fields_returned_short() {
        let found = ok("  0 5 * * /usr/bin/job arg\n", CrontabStyle::User, None);
        assert_eq!(
            pos(&found[0]),
            ("0 5 * *", 1, 3, 2, Some("/usr/bin/job arg"))
        );
        let found = ok("0 5 * * echo hi\n", CrontabStyle::User, None);
        assert_eq!(pos(&found[0]), ("0 5 * *", 1, 1, 0, Some("echo hi")));
        // Full names are fields.
        let found = ok("0 5 * January Monday run\n", CrontabStyle::User, None);
        assert_eq!(
            pos(&found[0]),
            ("0 5 * January Monday", 1, 1, 0, Some("run"))
        );
    }

    #[test]
    fn unrecognized_line() {
        let found = run("\n  every day do it\n", CrontabStyle::User, None);
        assert!(matches!(
            found[0],
            Err(InputError::UnrecognizedLine {
                line: 2,
                column: 3,
                byte_offset: 3
            })
        ));
    }

    #[test]
    fn system_crontab_user_column() {
        let text = "SHELL=/bin/sh\n\
                    17 *\t* * *\troot    cd / && run-parts --report /etc/cron.hourly\n\
                    @reboot www-data /srv/start\n";
        let found = ok(text, CrontabStyle::System, None);
        assert_eq!(
            pos(&found[0]),
            (
                "17 *\t* * *",
                2,
                1,
                14,
                Some("cd / && run-parts --report /etc/cron.hourly")
            )
        );
        let off = text.find("@reboot").unwrap();
        assert_eq!(pos(&found[1]), ("@reboot", 3, 1, off, Some("/srv/start")));
    }

    #[test]
    fn system_crontab_missing_user_or_command() {
        let found = run("0 5 * * 1 root\n@hourly\n", CrontabStyle::System, None);
        assert!(matches!(
            &found[0],
            Err(InputError::MissingCommand { line: 1, .. })
        ));
        assert!(matches!(
            &found[1],
            Err(InputError::MissingCommand { line: 2, .. })
        ));
        // Four fields, user, command.
        let found = ok("0 5 * * root /bin/x\n", CrontabStyle::System, None);
        assert_eq!(pos(&found[0]), ("0 5 * *", 1, 1, 0, Some("/bin/x")));
    }

    #[test]
    fn auto_style_from_path() {
        let text = "0 5 * * * root /bin/x\n";
        let sys = Some("/bin/x");
        let user = Some("root /bin/x");
        for (path, ctx) in [
            (Some("/etc/cron.d/job"), sys),
            (Some("deploy/cron.d/job"), sys),
            (Some("/etc/crontab"), sys),
            (Some("docker/crontab"), sys), // per line: `root` + command
            (Some("crontab"), sys),
            (Some("/var/spool/cron/crontabs/alice"), user),
            (Some("jobs.cron"), user),
            (Some("/etc/cron.d"), user), // the directory itself is not inside cron.d
            (None, user),
        ] {
            let found = ok(text, CrontabStyle::Auto, path);
            assert_eq!(found[0].context.as_deref(), ctx, "{path:?}");
            assert_eq!(found[0].text, "0 5 * * *");
        }
    }

    #[test]
    fn auto_per_line_heuristic() {
        let text = "0 5 * * * root /bin/x\n\
                    0 6 * * * /usr/bin/y --now\n\
                    0 7 * * * backup\n";
        let found = run(text, CrontabStyle::Auto, Some("app/crontab"));
        assert_eq!(
            found[0].as_ref().unwrap().context.as_deref(),
            Some("/bin/x")
        );
        assert_eq!(
            found[1].as_ref().unwrap().context.as_deref(),
            Some("/usr/bin/y --now")
        );
        // A single token after the schedule is the command.
        assert_eq!(
            found[2].as_ref().unwrap().context.as_deref(),
            Some("backup")
        );
        // In cron.d the same line lacks a command.
        let found = run(
            "0 7 * * * root\n",
            CrontabStyle::Auto,
            Some("/etc/cron.d/x"),
        );
        assert!(matches!(found[0], Err(InputError::MissingCommand { .. })));
    }

    #[test]
    fn field_heuristic() {
        for f in [
            "*",
            "0",
            "*/5",
            "1-5",
            "MON-FRI",
            "mon",
            "1,15",
            "L",
            "LW",
            "15W",
            "6#3",
            "5L",
            "?",
            "+MON",
            "JAN-DEC/2",
            "Wednesday",
            "SEPTEMBER",
        ] {
            assert!(looks_like_field(f), "{f}");
        }
        for f in [
            "/bin/x", "echo", "root", "www-data", "a=b", "./run", "~/x", "$HOME", "",
        ] {
            assert!(!looks_like_field(f), "{f}");
        }
        for u in ["root", "www-data", "_apt", "user.name", "machine$"] {
            assert!(looks_like_user(u), "{u}");
        }
        for u in ["/bin/x", "1abc", "a/b", "x=y", "$"] {
            assert!(!looks_like_user(u), "{u}");
        }
    }

    #[test]
    fn invalid_utf8_line() {
        let input: &[u8] = b"0 5 * * 1 ok\n0 5 * * 1 caf\xe9\n@daily x\n";
        let found: Vec<_> = read_crontab(input, CrontabStyle::User, None).collect();
        assert_eq!(found.len(), 3);
        assert!(matches!(
            found[1],
            Err(InputError::InvalidUtf8 {
                line: 2,
                column: 14,
                byte_offset: 26
            })
        ));
        assert_eq!(found[2].as_ref().unwrap().line, 3);
    }

    #[test]
    fn many_fields_do_not_hurt() {
        let text = format!("{} cmd\n", vec!["1"; 10_000].join(" "));
        let found = ok(&text, CrontabStyle::User, None);
        assert_eq!(found[0].text, "1 1 1 1 1");
        assert!(found[0].context.as_deref().unwrap().ends_with("1 cmd"));
    }
}
