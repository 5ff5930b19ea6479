//! `cronkit validate`: the CI lint. Expressions come from the arguments and
//! from files (one per line, crontabs, Nuxeo XML; Watcher and OpenSearch JSON
//! plug in at [`json_entries`]); each goes through the parser and the
//! [`cronkit::lint`] rules, and every finding is reported with the file, line
//! and column of the offending text, as compiler-style text, a JSON array or
//! GitHub Actions workflow commands.
//!
//! Lines and crontab files stream: one line is read, checked and forgotten, so
//! memory stays flat however long the file is; findings go through one
//! buffered writer.

use std::io::{self, BufWriter, Write};

use anyhow::{anyhow, bail, Result};

use std::path::Path;

use cronkit::check::sarif::SarifLog;
use cronkit::check::walk::{check_tree, WalkOptions, WalkSummary};
use cronkit::check::{
    CheckOptions, Checker, Counts, Record, Sink, Unreadable, INPUT_ERRORS, READER_WARNINGS,
};
use cronkit::expr::error::caret_lines;
use cronkit::formats::detect::looks_like_expression;
use cronkit::lint::{self, LintOptions, Severity};
use cronkit::sanitize::{self, quote};
use cronkit::{DstPolicy, Zone};

use super::args::{DenyArg, ValidateArgs, ValidateFormat};
use super::common::{finish_stdout, parse_instant, parse_zone, stdout_is_terminal, use_color};
use super::ExitCode;

/// Run `validate`; returns the exit code.
pub fn run(args: &ValidateArgs) -> Result<ExitCode> {
    let zone = match &args.tz {
        Some(z) => Some(parse_zone(z)?),
        None => None,
    };
    let now = match &args.now {
        Some(t) => parse_instant(t, zone.as_ref().unwrap_or(&Zone::utc()), "--now")?.timestamp(),
        None => chrono::Utc::now().timestamp(),
    };
    let dst: Option<DstPolicy> = args.dst.map(DstPolicy::from);
    let mut opts = LintOptions::new(now);
    if let Some(zone) = zone {
        opts = opts.with_zone(zone, dst);
    }
    let mut allowed_reader = Vec::new();
    for name in &args.allow {
        if lint::rule(name).is_some() {
            opts.allow(name).map_err(|e| anyhow!("--allow: {e}"))?;
        } else if let Some(code) = READER_WARNINGS.iter().find(|c| *c == name) {
            allowed_reader.push(*code);
        } else {
            let known: Vec<&str> = lint::RULES
                .iter()
                .map(|r| r.code)
                .chain(READER_WARNINGS)
                .collect();
            if INPUT_ERRORS.iter().any(|(c, _)| c == name) {
                bail!("--allow: `{name}` is an input error and cannot be allowed: fix the input");
            }
            bail!(
                "--allow: unknown rule `{name}`; the rules that can be allowed are: {}; errors from parsing or reading the input cannot be allowed",
                known.join(", ")
            );
        }
    }

    let stdout = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let reporter: Box<dyn Reporter> = match args.format {
        ValidateFormat::Text => Box::new(TextReport {
            w: stdout,
            color: use_color(args.color, stdout_is_terminal()),
        }),
        ValidateFormat::Json => Box::new(JsonReport {
            w: stdout,
            first: true,
        }),
        ValidateFormat::Github => Box::new(GithubReport { w: stdout }),
        ValidateFormat::Sarif => Box::new(SarifReport {
            w: stdout,
            log: SarifLog::new(),
        }),
    };
    let check_opts = CheckOptions {
        choice: args.dialect.into(),
        dst,
        lint: opts,
        allowed_reader,
        deny_warnings: args.deny == Some(DenyArg::Warnings),
        verbose: args.verbose,
        herd_threshold: args.herd_threshold,
    };
    let mut checker = Checker::new(check_opts.clone(), Render(reporter));
    let mut walked = WalkSummary::default();
    let result = check_all(&mut checker, &check_opts, args, &mut walked)
        .and_then(|()| checker.report_herds());
    let mut counts = *checker.counts();
    counts.add(&walked.counts);
    let finished = result.and_then(|()| checker.sink_mut().0.finish(&counts));
    finish_stdout(finished)?;
    Ok(if checker.unreadable() || walked.unreadable {
        ExitCode::Usage
    } else if counts.errors > 0 {
        ExitCode::Failure
    } else {
        ExitCode::Success
    })
}

/// The expressions, then the paths (files read, directories walked), in the
/// order given; no expression and no path: the current directory.
fn check_all(
    checker: &mut Checker<Render>,
    opts: &CheckOptions,
    args: &ValidateArgs,
    walked: &mut WalkSummary,
) -> io::Result<()> {
    for (i, text) in args.exprs.iter().enumerate() {
        checker.check_expression(&format!("<argument {}>", i + 1), text)?;
    }
    let forced = super::documents::input_kind(args.input);
    let mut paths: Vec<&Path> = args
        .paths
        .iter()
        .chain(&args.files)
        .map(|p| p.as_path())
        .collect();
    let implicit = paths.is_empty() && args.exprs.is_empty();
    if implicit {
        paths.push(Path::new("."));
    }
    let walk = WalkOptions {
        follow_links: args.follow,
        threads: 0,
        strip_dot: implicit,
    };
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            let summary = check_tree(path, opts, &walk, checker.sink_mut())?;
            walked.counts.add(&summary.counts);
            walked.unreadable |= summary.unreadable;
            checker.merge_herds(summary.herds);
            continue;
        }
        let text = path.to_string_lossy();
        if path.as_os_str() != "-" && !path.exists() && looks_like_expression(&text) {
            checker.unreadable_path(
                &text,
                io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "no such file or directory; to check it as an expression pass `-e '{}'`",
                        text.trim()
                    ),
                ),
            )?;
            continue;
        }
        checker.check_path(path, forced)?;
    }
    Ok(())
}

/// The library's [`Sink`] in front of the chosen renderer.
struct Render(Box<dyn Reporter>);

impl Sink for Render {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        self.0.finding(r)?;
        if r.code == "line-too-long" {
            // the reader now skips the rest of that line, which may be long
            // (or endless): show the finding at once, not when the buffer fills
            self.0.flush()?;
        }
        Ok(())
    }

    fn unreadable(&mut self, e: &Unreadable) -> io::Result<()> {
        // Findings so far first, so the message lands after them.
        self.0.flush()?;
        ewriteln!("error: {}", sanitize::message(&e.to_string()));
        Ok(())
    }

    fn note(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.0.flush()?;
        ewriteln!(
            "note: {}: {}",
            sanitize::message(path),
            sanitize::message(message)
        );
        Ok(())
    }
}

// ------------------------------------------------------------------ output

trait Reporter {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()>;
    fn finish(&mut self, counts: &Counts) -> io::Result<()>;
    fn flush(&mut self) -> io::Result<()>;
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `checked 12 expressions in 2 files: 1 error, 3 warnings`
fn summary(c: &Counts) -> String {
    let exprs = plural(c.expressions, "expression", "expressions");
    let r#where = match (c.files, c.arguments) {
        (0, _) => String::new(),
        (f, 0) => format!(" in {}", plural(f, "file", "files")),
        (f, a) => format!(
            " in {} and {}",
            plural(f, "file", "files"),
            plural(a, "argument", "arguments")
        ),
    };
    let notes = if c.notes > 0 {
        format!(", {}", plural(c.notes, "note", "notes"))
    } else {
        String::new()
    };
    format!(
        "checked {exprs}{where}: {}, {}{notes}",
        plural(c.errors, "error", "errors"),
        plural(c.warnings, "warning", "warnings"),
        r#where = r#where
    )
}

type Out = BufWriter<io::StdoutLock<'static>>;

/// Compiler style: `path:line:col: severity[code]: message`, the caret
/// excerpt, `help:`, then the summary.
struct TextReport {
    w: Out,
    color: bool,
}

impl TextReport {
    fn paint(&self, code: &'static str) -> &'static str {
        if self.color {
            code
        } else {
            ""
        }
    }
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const CYAN: &str = "\x1b[1;36m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

impl Reporter for TextReport {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        let sev = self.paint(match r.severity {
            Severity::Error => RED,
            Severity::Warning => YELLOW,
            Severity::Note => CYAN,
        });
        let (bold, blue, cyan, reset) = (
            self.paint(BOLD),
            self.paint(BLUE),
            self.paint(CYAN),
            self.paint(RESET),
        );
        // The path was escaped when the file was opened; the message and help
        // quote input (ids, keys, values), so they pass the last guard here.
        writeln!(
            self.w,
            "{bold}{}:{}:{}:{reset} {sev}{}[{}]{reset}{bold}: {}{reset}",
            r.path,
            r.line,
            r.column,
            r.severity,
            r.code,
            sanitize::message(r.message)
        )?;
        if !r.expression.is_empty() {
            let (line, carets) = caret_lines(r.expression, r.spans);
            writeln!(self.w, "{blue}  |{reset}")?;
            writeln!(self.w, "{blue}  |{reset} {line}")?;
            if !carets.is_empty() {
                writeln!(self.w, "{blue}  |{reset} {sev}{carets}{reset}")?;
            }
        }
        if let Some(help) = r.help {
            writeln!(self.w, "{cyan}  = help:{reset} {}", sanitize::message(help))?;
        }
        if let Some(note) = r.note {
            writeln!(self.w, "{cyan}  = note:{reset} {}", quote(note))?;
        }
        Ok(())
    }

    fn finish(&mut self, counts: &Counts) -> io::Result<()> {
        if counts.errors + counts.warnings > 0 {
            writeln!(self.w)?;
        }
        writeln!(self.w, "{}", summary(counts))?;
        self.w.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// A JSON array of findings, streamed; the summary goes to stderr.
struct JsonReport {
    w: Out,
    first: bool,
}

impl Reporter for JsonReport {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        self.w
            .write_all(if self.first { b"[\n  " } else { b",\n  " })?;
        self.first = false;
        sanitize::json::to_writer(&mut self.w, r)
    }

    fn finish(&mut self, counts: &Counts) -> io::Result<()> {
        self.w
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.w.flush()?;
        ewriteln!("{}", summary(counts));
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// GitHub Actions workflow commands, so findings show on the pull request.
struct GithubReport {
    w: Out,
}

/// `::error file=f,line=3,col=9,endColumn=11,title=cronkit never-fires::message`
fn github_command(r: &Record<'_>) -> String {
    let mut s = String::with_capacity(160);
    s.push_str(match r.severity {
        Severity::Error => "::error ",
        Severity::Warning => "::warning ",
        Severity::Note => "::notice ",
    });
    if r.is_file {
        s.push_str("file=");
        sanitize::github::property(r.path, &mut s);
        s.push_str(&format!(
            ",line={},col={},endColumn={},",
            r.line, r.column, r.end_column
        ));
    }
    s.push_str("title=");
    sanitize::github::property(&format!("cronkit {}", r.code), &mut s);
    s.push_str("::");
    // Every piece from input is escaped onto one line first; only the line
    // breaks cronkit puts between the parts reach the %0A escaping.
    let mut msg = String::new();
    if !r.is_file {
        msg.push_str(&format!("{}: ", r.path));
    }
    msg.push_str(&sanitize::message(r.message));
    if !r.expression.is_empty() {
        msg.push_str(&format!("\nexpression: {}", quote(r.expression)));
    }
    if let Some(help) = r.help {
        msg.push_str(&format!("\nhelp: {}", sanitize::message(help)));
    }
    sanitize::github::message(&msg, &mut s);
    s
}

impl Reporter for GithubReport {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        writeln!(self.w, "{}", github_command(r))
    }

    fn finish(&mut self, counts: &Counts) -> io::Result<()> {
        writeln!(self.w, "{}", summary(counts))?;
        self.w.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// SARIF 2.1.0, written whole at the end; the summary goes to stderr.
struct SarifReport {
    w: Out,
    log: SarifLog,
}

impl Reporter for SarifReport {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        self.log.finding(r)
    }

    fn finish(&mut self, counts: &Counts) -> io::Result<()> {
        self.log.write(&mut self.w, counts)?;
        self.w.flush()?;
        eprintln!("{}", summary(counts));
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(path: &'a str, is_file: bool, message: &'a str) -> Record<'a> {
        Record {
            path,
            is_file,
            line: 3,
            column: 9,
            end_column: 11,
            severity: Severity::Warning,
            code: "quartz-dow-numbering",
            message,
            help: Some("write `MON-FRI`"),
            expression: "0 0 9 ? * 1-5",
            spans: &[],
            context: None,
            note: None,
        }
    }

    #[test]
    fn github_commands_escape_per_the_workflow_command_rules() {
        // a line break inside a message came from input: it stays on the line, escaped
        let r = record("dir,x/a:b.txt", true, "100% sure\r\nsecond line");
        assert_eq!(
            github_command(&r),
            "::warning file=dir%2Cx/a%3Ab.txt,line=3,col=9,endColumn=11,title=cronkit quartz-dow-numbering::100%25 sure\\r\\nsecond line%0Aexpression: 0 0 9 ? * 1-5%0Ahelp: write `MON-FRI`"
        );
        let r = record("<argument 1>", false, "m");
        assert!(github_command(&r)
            .starts_with("::warning title=cronkit quartz-dow-numbering::<argument 1>: m%0A"));
    }

    #[test]
    fn summaries() {
        let mut c = Counts {
            expressions: 1,
            files: 1,
            errors: 1,
            ..Counts::default()
        };
        assert_eq!(
            summary(&c),
            "checked 1 expression in 1 file: 1 error, 0 warnings"
        );
        c.files = 0;
        c.arguments = 1;
        assert_eq!(summary(&c), "checked 1 expression: 1 error, 0 warnings");
        c.files = 2;
        c.expressions = 5;
        c.warnings = 2;
        assert_eq!(
            summary(&c),
            "checked 5 expressions in 2 files and 1 argument: 1 error, 2 warnings"
        );
    }
}
