//! The man pages, generated from the same sources as everything else:
//!
//! * `cronkit(1)`, `croneval(1)` and one `cronkit-<command>(1)` per subcommand take
//!   their synopsis and options from the clap definitions ([`super::args`], rendered
//!   by clap_mangen), their EXAMPLES and EXIT STATUS from each command's `--help`
//!   epilogue (the same text `--help` prints), and their longer DESCRIPTION,
//!   ENVIRONMENT and SEE ALSO from the small tables below.
//! * `cronkit-syntax(5)` is `docs/syntax.md` and `docs/dst.md`, and
//!   `cronkit-rules(7)` is `docs/rules.md` (itself generated from the lint rule
//!   table), turned into roff by [`markdown_to_roff`].
//!
//! Every page is plain ASCII roff (other characters become `\[uXXXX]`), so
//! `groff -ww` renders it without a warning; `tests/generated.rs` checks the
//! committed pages against this code and `.ci/run` renders them.

use std::fmt::Write as _;

use anyhow::Result;
use clap::{Command, CommandFactory};

use super::args::{croneval_command, Cli};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const MANUAL: &str = "cronkit manual";

/// The expression language and DST pages of `docs/`, the source of cronkit-syntax(5).
const SYNTAX_MD: &str = include_str!("../../docs/syntax.md");
const DST_MD: &str = include_str!("../../docs/dst.md");
/// The rule list, generated from the lint rule table; the source of cronkit-rules(7).
const RULES_MD: &str = include_str!("../../docs/rules.md");

/// What the clap definitions do not say about a command: a longer description,
/// the environment it reads and where to read on.
struct Extra {
    /// Paragraphs (blank-line separated, simple markdown) after the clap `long_about`.
    description: &'static str,
    /// Whether the command has `--color` (and so reads NO_COLOR / CLICOLOR_FORCE).
    color: bool,
    /// What `TZ` means to this command, if anything.
    tz: Option<&'static str>,
    /// Extra SEE ALSO entries besides cronkit(1) and cronkit-syntax(5).
    see_also: &'static [&'static str],
    /// The docs/ page with the full guide.
    guide: Option<&'static str>,
}

const TZ_LOCAL: &str = "The system time zone, read as `--tz local`. Without `--tz` expressions are evaluated in UTC whatever `TZ` says.";

fn extra(command: &str) -> Extra {
    match command {
        "croneval" => Extra {
            description: "With no options the output is what Elasticsearch's `bin/elasticsearch-croneval` prints, byte for byte, with \"now\" set by `--from`. Beyond that: time zones (`--tz`) and DST policies (`--dst`), previous times (`--prev`), a window (`--until`), several expressions merged into one timeline, the schedules of Watcher and OpenSearch documents (`--schedule`), and the `iso`, `json`, `table` and `calendar` formats, which stream.\n\nThe one deliberate difference from Elasticsearch: an invalid expression, or one with no fire time, exits 1 instead of 0, so that a CI step can fail on it.\n\nThe expression language, the dialects and the DST policies are described in cronkit-syntax(5).",
            color: true,
            tz: Some("The system time zone. The text, table and calendar formats show local times in it when `--tz` is not given (as Elasticsearch does), and `--tz local` evaluates in it. Without `--tz` expressions are evaluated in UTC."),
            see_also: &["cronkit-explain(1)", "cronkit-validate(1)"],
            guide: Some("docs/croneval.md"),
        },
        "explain" => Extra {
            description: "The sentence is built from the compiled schedule (the same value sets and day rule the fire-time engine uses), never from the text, so it says what actually fires: steps are described by the values they produce, weekdays follow the dialect's numbering, and a schedule that never fires says so and why.\n\nWith `-` expressions are read from standard input, one per line, and described as each line arrives.",
            color: true,
            tz: Some(TZ_LOCAL),
            see_also: &["cronkit-croneval(1)", "cronkit-validate(1)"],
            guide: Some("docs/explain.md"),
        },
        "validate" => Extra {
            description: "Every expression found is parsed and linted, and each finding is reported with its file, line and column, a rule code, a message and, where one exists, a corrected expression. Parse errors are errors; the lint rules are listed, with their severity and an example each, in cronkit-rules(7).\n\nOutput is compiler-style text by default, or JSON, or GitHub Actions workflow commands that annotate the pull request.",
            color: true,
            tz: Some(TZ_LOCAL),
            see_also: &["cronkit-rules(7)", "cronkit-explain(1)", "crontab(5)"],
            guide: Some("docs/validate.md"),
        },
        "convert" => Extra {
            description: "Conversions work on what an expression means (which seconds, minutes, hours, days, months and years it selects), never on its spelling, and every conversion is checked to fire at exactly the same instants as its input. What a target dialect cannot say is an error that names it; nothing is approximated.\n\nWatcher schedules are translated as Elasticsearch itself translates them (`hourly`, `daily`, `weekly`, `monthly`, `yearly`, `cron`, `interval`).",
            color: false,
            tz: None,
            see_also: &["cronkit-croneval(1)"],
            guide: Some("docs/convert.md"),
        },
        "completions" => Extra {
            description: "The scripts are generated from the same definitions as `--help` and the man pages; pre-generated copies are in the source tree's `completions/` directory.",
            color: false,
            tz: None,
            see_also: &[],
            guide: None,
        },
        "man" => Extra {
            description: "Writes every page: cronkit(1), one cronkit-<command>(1) per subcommand, croneval(1), cronkit-syntax(5) and cronkit-rules(7). Pre-generated copies are in the source tree's `man/` directory.",
            color: false,
            tz: None,
            see_also: &[],
            guide: None,
        },
        // cronkit(1) itself, and any command added without an entry here
        _ => Extra {
            description: "Quote every expression: `*` and `?` are shell wildcards. Five fields (or an `@nickname`) are read as Unix cron, six or seven as Quartz; `--dialect` chooses explicitly (see cronkit-syntax(5)).\n\nThe `croneval` binary is `cronkit croneval` under the name Elasticsearch users know, except that it reads expressions as Quartz by default.",
            color: true,
            tz: Some(TZ_LOCAL),
            see_also: &[],
            guide: Some("README.md"),
        },
    }
}

/// Every man page: (file name, roff text).
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    let subcommands: Vec<String> = top
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();

    let mut pages = Vec::new();
    pages.push((
        "cronkit.1".to_string(),
        command_page(&top, "cronkit", "", &subcommands)?,
    ));
    for sub in top.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("cronkit-{}", sub.get_name());
        let page = command_page(sub, &name, sub.get_name(), &subcommands)?;
        pages.push((format!("{name}.1"), page));
    }
    let mut croneval = croneval_command();
    croneval.build();
    pages.push((
        "croneval.1".to_string(),
        command_page(&croneval, "croneval", "croneval", &subcommands)?,
    ));
    pages.push(("cronkit-syntax.5".to_string(), syntax_page()));
    pages.push(("cronkit-rules.7".to_string(), rules_page()));
    Ok(pages)
}

/// One section of clap_mangen output, without the roff crate's preamble (written once
/// per page by [`preamble`]).
fn clap_section(render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result<String> {
    let mut buf = Vec::new();
    render(&mut buf)?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    Ok(text
        .lines()
        .filter(|l| !l.starts_with(".ie \\n(.g .ds Aq") && !l.starts_with(".el .ds Aq"))
        .map(|l| format!("{l}\n"))
        .collect())
}

fn preamble(title: &str, section: &str) -> String {
    format!(
        ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n.TH {} {section} \"\" \"cronkit {VERSION}\" \"{MANUAL}\"\n",
        title.to_uppercase()
    )
}

/// A command's page: clap's synopsis and options, the `--help` epilogue's examples
/// and exit status, and the [`Extra`] texts.
fn command_page(cmd: &Command, page: &str, key: &str, subcommands: &[String]) -> Result<Vec<u8>> {
    // The title and NAME use the page name; the synopsis keeps clap's bin name
    // (`cronkit croneval`), which is what is typed.
    let cmd = cmd.clone().name(page.to_string());
    let man = clap_mangen::Man::new(cmd.clone())
        .title(page.to_uppercase())
        .source(format!("cronkit {VERSION}"))
        .manual(MANUAL);
    let extra = extra(key);
    let epilogue = Epilogue::parse(
        &cmd.get_after_long_help()
            .or_else(|| cmd.get_after_help())
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );

    let mut out = preamble(page, "1");
    out += &clap_section(|w| man.render_name_section(w))?;
    out += &clap_section(|w| man.render_synopsis_section(w))?;

    out += ".SH DESCRIPTION\n";
    if let Some(about) = cmd.get_long_about().or_else(|| cmd.get_about()) {
        out += &markdown_body(&about.to_string());
    }
    out += &markdown_body(extra.description);
    for note in &epilogue.notes {
        out += &markdown_body(note);
    }

    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        out += &clap_section(|w| man.render_options_section(w))?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        out += &clap_section(|w| man.render_subcommands_section(w))?;
    }

    if !epilogue.examples.is_empty() {
        out += ".SH EXAMPLES\n";
        for (command, explanation) in &epilogue.examples {
            if explanation.is_empty() {
                out += ".PP\n";
                out += &line(&format!("\\fB{}\\fR", escape(command)));
            } else {
                out += ".TP\n";
                out += &line(&format!("\\fB{}\\fR", escape(command)));
                out += &line(&inline(explanation));
            }
        }
    }

    out += ".SH \"EXIT STATUS\"\n";
    match &epilogue.exit_status {
        Some(text) => out += &markdown_body(text),
        None => {
            out += &line("0 on success, 1 when the command failed on its input, 2 on a usage error or an I/O error.")
        }
    }

    out += ".SH ENVIRONMENT\n";
    if extra.tz.is_none() && !extra.color {
        out += &line("None.");
    }
    if let Some(tz) = extra.tz {
        out += ".TP\n.B TZ\n";
        out += &line(&inline(tz));
    }
    if extra.color {
        out += ".TP\n.B NO_COLOR\n";
        out += &line(&inline(
            "When set to a non-empty value, no colour is used (`--color always` still wins).",
        ));
        out += ".TP\n.B CLICOLOR_FORCE\n";
        out += &line(&inline("When set to a non-empty value other than `0`, colour is used even when the output is not a terminal (`--color never` still wins)."));
    }

    out += ".SH \"SEE ALSO\"\n";
    let mut refs: Vec<String> = Vec::new();
    if page != "cronkit" {
        refs.push("cronkit(1)".into());
    }
    if page != "croneval" && key == "croneval" {
        refs.push("croneval(1)".into());
    }
    if page == "cronkit" {
        refs.extend(subcommands.iter().map(|s| format!("cronkit-{s}(1)")));
        refs.push("croneval(1)".into());
        refs.push("cronkit-rules(7)".into());
    }
    refs.extend(extra.see_also.iter().map(|s| s.to_string()));
    refs.push("cronkit-syntax(5)".into());
    // a reference to a subcommand that no longer exists must not linger
    refs.retain(|r| match r.strip_prefix("cronkit-") {
        Some(rest) if r.ends_with("(1)") => subcommands.iter().any(|s| rest == format!("{s}(1)")),
        _ => true,
    });
    refs.dedup();
    let refs: Vec<String> = refs.iter().map(|r| see_also_ref(r)).collect();
    out += &line(&refs.join(",\n"));
    if let Some(guide) = extra.guide {
        out += ".PP\n";
        out += &line(&inline(&format!(
            "The guide with worked examples is `{guide}` in the source tree."
        )));
    }
    out += &version_section();
    Ok(ascii(&out).into_bytes())
}

fn version_section() -> String {
    format!(".SH VERSION\nv{VERSION}\n")
}

/// `name(5)` as bold name and roman section, one per line.
fn see_also_ref(r: &str) -> String {
    match r.split_once('(') {
        Some((name, rest)) => format!("\\fB{}\\fR({rest}", escape(name)),
        None => escape(r),
    }
}

fn syntax_page() -> Vec<u8> {
    let mut out = preamble("cronkit-syntax", "5");
    out += ".SH NAME\ncronkit\\-syntax \\- the cron expression language cronkit reads: dialects, fields, special forms, time zones and DST\n";
    out += &markdown_to_roff(SYNTAX_MD, "DESCRIPTION");
    out += &markdown_to_roff(DST_MD, "TIME ZONES AND DAYLIGHT-SAVING TIME");
    out += ".SH \"SEE ALSO\"\n";
    out += &line(
        "\\fBcronkit\\fR(1), \\fBcroneval\\fR(1), \\fBcronkit-explain\\fR(1), \\fBcronkit-rules\\fR(7), \\fBcrontab\\fR(5)",
    );
    out += &version_section();
    ascii(&out).into_bytes()
}

fn rules_page() -> Vec<u8> {
    let mut out = preamble("cronkit-rules", "7");
    out += ".SH NAME\ncronkit\\-rules \\- the findings of cronkit validate: lint rules, their severity and examples\n";
    out += &markdown_to_roff(RULES_MD, "DESCRIPTION");
    out += ".SH \"SEE ALSO\"\n";
    out += &line("\\fBcronkit-validate\\fR(1), \\fBcronkit-syntax\\fR(5)");
    out += &version_section();
    ascii(&out).into_bytes()
}

/// The parts of a `--help` epilogue: "Examples:" (a command, then its explanation
/// indented further), "Exit status: ..." and any other paragraph.
#[derive(Default)]
struct Epilogue {
    examples: Vec<(String, String)>,
    exit_status: Option<String>,
    notes: Vec<String>,
}

impl Epilogue {
    fn parse(text: &str) -> Epilogue {
        #[derive(PartialEq)]
        enum Mode {
            None,
            Examples,
            Exit,
            Note,
        }
        let mut e = Epilogue::default();
        let mut mode = Mode::None;
        for raw in text.lines() {
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                mode = Mode::None;
                continue;
            }
            if trimmed == "Examples:" {
                mode = Mode::Examples;
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix("Exit status:") {
                mode = Mode::Exit;
                e.exit_status = Some(rest.trim().to_string());
                continue;
            }
            let indent = raw.len() - raw.trim_start().len();
            match mode {
                Mode::Examples if indent <= 2 => {
                    e.examples.push((trimmed.to_string(), String::new()))
                }
                Mode::Examples => {
                    if let Some((_, explanation)) = e.examples.last_mut() {
                        if !explanation.is_empty() {
                            explanation.push(' ');
                        }
                        explanation.push_str(trimmed);
                    }
                }
                Mode::Exit => {
                    let s = e.exit_status.get_or_insert_with(String::new);
                    s.push(' ');
                    s.push_str(trimmed);
                }
                Mode::Note => {
                    if let Some(n) = e.notes.last_mut() {
                        n.push(' ');
                        n.push_str(trimmed);
                    }
                }
                Mode::None => {
                    mode = Mode::Note;
                    e.notes.push(trimmed.to_string());
                }
            }
        }
        e
    }
}

/// Escape text for a roff text line: backslashes, and a leading `.` or `'`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            _ => out.push(c),
        }
    }
    out
}

/// A text line, protected against being read as a request.
fn line(s: &str) -> String {
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}\n")
    } else {
        format!("{s}\n")
    }
}

/// Every character outside ASCII as a groff `\[uXXXX]` escape, so the page needs no
/// input encoding (and `groff -ww` has nothing to warn about).
fn ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2014}' => out.push_str("\\(em"),
            '\u{2013}' => out.push_str("\\(en"),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\[u{:04X}]", c as u32);
            }
        }
    }
    out
}

/// Inline markdown: `code` and **bold** in bold, *emphasis* in italics, links as
/// their text; everything escaped for roff.
fn inline(s: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            // a code span: as many backticks close it as opened it
            let ticks = chars[i..].iter().take_while(|&&c| c == '`').count();
            let body_start = i + ticks;
            let mut j = body_start;
            let mut end = None;
            while j < chars.len() {
                if chars[j] == '`' {
                    let n = chars[j..].iter().take_while(|&&c| c == '`').count();
                    if n == ticks {
                        end = Some(j);
                        break;
                    }
                    j += n;
                } else {
                    j += 1;
                }
            }
            if let Some(end) = end {
                let code: String = chars[body_start..end].iter().collect();
                out.push_str("\\fB");
                out.push_str(&escape(code.trim()));
                out.push_str("\\fR");
                i = end + ticks;
                continue;
            }
        }
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            if let Some(end) = find(&chars, i + 2, &['*', '*']) {
                let inner: String = chars[i + 2..end].iter().collect();
                out.push_str("\\fB");
                out.push_str(&inline(&inner).replace("\\fR", "\\fB"));
                out.push_str("\\fR");
                i = end + 2;
                continue;
            }
        }
        if (c == '*' || c == '_')
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
            && (i == 0 || !chars[i - 1].is_alphanumeric())
        {
            if let Some(end) = find(&chars, i + 1, &[c]) {
                if !matches!(chars.get(end + 1), Some(n) if n.is_alphanumeric()) {
                    let inner: String = chars[i + 1..end].iter().collect();
                    out.push_str("\\fI");
                    out.push_str(&escape(&inner));
                    out.push_str("\\fR");
                    i = end + 1;
                    continue;
                }
            }
        }
        if c == '[' {
            if let Some(close) = find(&chars, i + 1, &[']', '(']) {
                if let Some(paren) = find(&chars, close + 2, &[')']) {
                    let text: String = chars[i + 1..close].iter().collect();
                    let target: String = chars[close + 2..paren].iter().collect();
                    if target.starts_with("http") {
                        out.push_str(&inline(&text));
                        if target != text {
                            out.push_str(" <");
                            out.push_str(&escape(&target));
                            out.push('>');
                        }
                    } else {
                        // a page of docs/: its man page where it has one, else its path
                        let file = target.rsplit('/').next().unwrap_or(&target);
                        let file = file.split('#').next().unwrap_or(file);
                        let reference = match file {
                            "syntax.md" | "dst.md" => "\\fBcronkit-syntax\\fR(5)".to_string(),
                            "rules.md" => "\\fBcronkit-rules\\fR(7)".to_string(),
                            "README.md" => "the README".to_string(),
                            _ => match target.strip_prefix("../") {
                                Some(path) => path.to_string(),
                                None => format!("docs/{target}"),
                            },
                        };
                        if text == file || text == target {
                            out.push_str(&escape(&reference).replace("\\e", "\\"));
                        } else {
                            out.push_str(&inline(&text));
                            out.push_str(" (");
                            out.push_str(&escape(&reference).replace("\\e", "\\"));
                            out.push(')');
                        }
                    }
                    i = paren + 1;
                    continue;
                }
            }
        }
        if c == '\\' && chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) {
            // a markdown escape such as `\|` or `\*`
            out.push_str(&escape(&chars[i + 1].to_string()));
            i += 2;
            continue;
        }
        out.push_str(&escape(&c.to_string()));
        i += 1;
    }
    out
}

fn find(chars: &[char], from: usize, pat: &[char]) -> Option<usize> {
    (from..chars.len().saturating_sub(pat.len() - 1)).find(|&k| chars[k..k + pat.len()] == *pat)
}

/// Paragraphs of simple markdown as roff paragraphs (no section headings).
fn markdown_body(md: &str) -> String {
    markdown_blocks(md, None)
}

/// A markdown page as roff: the first heading is dropped (the page has its NAME),
/// text before the first `##` goes under `first_section`, `##` headings become
/// sections and `###` subsections; paragraphs, lists, code blocks and tables are
/// kept. HTML comments are dropped.
pub fn markdown_to_roff(md: &str, first_section: &str) -> String {
    markdown_blocks(md, Some(first_section))
}

fn markdown_blocks(md: &str, first_section: Option<&str>) -> String {
    let mut out = String::new();
    let mut para: Vec<String> = Vec::new();
    let mut lines = md.lines().peekable();
    let mut section_open = first_section.is_none();
    let mut in_comment = false;

    fn flush(out: &mut String, para: &mut Vec<String>) {
        if !para.is_empty() {
            out.push_str(".PP\n");
            out.push_str(&line(&inline(&para.join(" "))));
            para.clear();
        }
    }
    let open = |out: &mut String, section_open: &mut bool| {
        if !*section_open {
            if let Some(s) = first_section {
                let _ = writeln!(out, ".SH \"{}\"", s.to_uppercase());
            }
            *section_open = true;
        }
    };

    while let Some(raw) = lines.next() {
        let t = raw.trim_end();
        if in_comment {
            if t.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if t.trim_start().starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        if let Some(h) = t.strip_prefix("# ") {
            let _ = h;
            flush(&mut out, &mut para);
            continue;
        }
        if let Some(h) = t.strip_prefix("## ") {
            flush(&mut out, &mut para);
            section_open = true;
            let _ = writeln!(out, ".SH \"{}\"", plain(h).to_uppercase());
            continue;
        }
        if let Some(h) = t.strip_prefix("### ").or_else(|| t.strip_prefix("#### ")) {
            flush(&mut out, &mut para);
            open(&mut out, &mut section_open);
            let _ = writeln!(out, ".SS \"{}\"", plain(h));
            continue;
        }
        if t.trim().is_empty() {
            flush(&mut out, &mut para);
            continue;
        }
        open(&mut out, &mut section_open);
        let trimmed = t.trim_start();
        if trimmed.starts_with("```") {
            flush(&mut out, &mut para);
            out.push_str(".PP\n.RS 4\n.nf\n");
            for code in lines.by_ref() {
                if code.trim_start().starts_with("```") {
                    break;
                }
                out.push_str(&line(&escape(code)));
            }
            out.push_str(".fi\n.RE\n");
            continue;
        }
        if trimmed.starts_with('|') {
            flush(&mut out, &mut para);
            let mut rows = vec![table_cells(trimmed)];
            while let Some(next) = lines.peek() {
                if next.trim_start().starts_with('|') {
                    rows.push(table_cells(next.trim_start()));
                    lines.next();
                } else {
                    break;
                }
            }
            out.push_str(&table(&rows));
            continue;
        }
        let bullet = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "));
        let numbered = trimmed
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if bullet.is_some() || numbered.is_some() {
            flush(&mut out, &mut para);
            let (tag, first) = match (bullet, numbered) {
                (Some(text), _) => ("\\(bu".to_string(), text),
                (None, Some((n, text))) => (format!("{n}."), text),
                _ => unreachable!("one of them is set"),
            };
            let mut item = vec![first.to_string()];
            // continuation lines are indented
            while let Some(next) = lines.peek() {
                let n = next.trim_end();
                if !n.is_empty() && next.starts_with(' ') && !n.trim_start().starts_with("```") {
                    let nt = n.trim_start();
                    if nt.starts_with("- ") || nt.starts_with("* ") {
                        break;
                    }
                    item.push(nt.to_string());
                    lines.next();
                } else {
                    break;
                }
            }
            let _ = writeln!(out, ".IP {tag} 4");
            out.push_str(&line(&inline(&item.join(" "))));
            continue;
        }
        if let Some(q) = trimmed.strip_prefix("> ") {
            para.push(q.to_string());
            continue;
        }
        para.push(trimmed.to_string());
    }
    flush(&mut out, &mut para);
    out
}

/// Heading text without markdown marks, for `.SH`/`.SS` arguments.
fn plain(s: &str) -> String {
    s.replace(['`', '*', '"'], "")
}

fn table_cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    // split on `|` that is not escaped as `\|` and not inside a code span
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut in_code = false;
    let mut prev = '\0';
    for c in inner.chars() {
        if c == '`' {
            in_code = !in_code;
        }
        if c == '|' && !in_code && prev != '\\' {
            cells.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
        prev = c;
    }
    cells.push(cur.trim().to_string());
    cells
}

/// A markdown table as a list: the first cell is the tag, the others follow as
/// "header: value" lines.
fn table(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let header = &rows[0];
    let is_rule = |r: &Vec<String>| {
        r.iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')))
    };
    let body: Vec<&Vec<String>> = rows.iter().skip(1).filter(|r| !is_rule(r)).collect();
    for row in body {
        out.push_str(".TP\n");
        let tag = row.first().map(String::as_str).unwrap_or("");
        out.push_str(&line(&inline(if tag.is_empty() { " " } else { tag })));
        let mut first = true;
        for (k, cell) in row.iter().enumerate().skip(1) {
            if cell.is_empty() {
                continue;
            }
            if !first {
                out.push_str(".br\n");
            }
            first = false;
            let head = header.get(k).map(|h| h.trim()).unwrap_or("");
            if head.is_empty() {
                out.push_str(&line(&inline(cell)));
            } else {
                out.push_str(&line(&format!("{}: {}", inline(head), inline(cell))));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epilogue_parts() {
        let e = Epilogue::parse(
            "Examples:\n  cronkit x \"a\"\n      does a\n      and b\n  cronkit y\n\nRules: r1, r2.\n\nExit status: 0 ok,\n1 bad.",
        );
        assert_eq!(e.examples.len(), 2);
        assert_eq!(e.examples[0].1, "does a and b");
        assert_eq!(e.examples[1].1, "");
        assert_eq!(e.exit_status.as_deref(), Some("0 ok, 1 bad."));
        assert_eq!(e.notes, vec!["Rules: r1, r2.".to_string()]);
    }

    #[test]
    fn inline_markup() {
        assert_eq!(
            inline("a `b-c` **d** *e* [f](g.md) [rules.md](rules.md)"),
            "a \\fBb\\-c\\fR \\fBd\\fR \\fIe\\fR f (docs/g.md) \\fBcronkit\\-rules\\fR(7)"
        );
        assert_eq!(inline("`*/5` and 5 * 3"), "\\fB*/5\\fR and 5 * 3");
        assert_eq!(inline("a \\| b"), "a | b");
    }

    #[test]
    fn text_lines_never_start_a_request() {
        assert_eq!(line(".ci/run"), "\\&.ci/run\n");
        assert_eq!(ascii("a — b → c"), "a \\(em b \\[u2192] c");
    }
}
