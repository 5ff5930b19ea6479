//! Every shell example in `README.md` and `docs/*.md` runs, and its output must be
//! what the page shows.
//!
//! A ```` ```console ```` block holds commands (lines starting with `$ `, a trailing
//! `\` continues a command) each followed by the output it prints, stdout and stderr
//! together as a terminal shows them. The commands of one page run one after another
//! in a scratch directory of their own, through `bash`, with the freshly built
//! `cronkit` and `croneval` first on `PATH`, `TZ=UTC`, `NO_COLOR=1` and stdin empty.
//!
//! * `$ echo $?` prints the exit status of the command before it.
//! * `$ cat FILE`, when FILE does not exist yet, first writes FILE with the lines
//!   shown under it, so a page can show an input file and then use it.
//! * A line `...` (indented or not) in the expected output stands for any number of
//!   lines.
//! * Blocks fenced as ```` ```text ```` or ```` ```sh ```` are shown, never run.
//!
//! When an output changes on purpose, rewrite the pages and review the diff:
//!
//! ```sh
//! CRONKIT_BLESS=1 cargo test --test doc_examples
//! git diff README.md docs/
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The pages whose examples run: the README and every page under docs/.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    docs.sort();
    pages.extend(docs);
    pages
}

/// One `$ command` of a console block, with the page lines of its expected output.
struct Example {
    /// 1-based line of the `$` in the page.
    line: usize,
    command: String,
    /// Index range in the page's lines of the expected output.
    expected: std::ops::Range<usize>,
}

/// The examples of a page, in order.
fn examples(lines: &[&str]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let fence = lines[i].trim_start();
        if !fence.starts_with("```console") {
            i += 1;
            continue;
        }
        let indent = lines[i].len() - fence.len();
        i += 1;
        let mut current: Option<Example> = None;
        while i < lines.len() && !lines[i].trim_start().starts_with("```") {
            let text = lines[i].get(indent..).unwrap_or(lines[i].trim_start());
            if let Some(cmd) = text.strip_prefix("$ ") {
                if let Some(ex) = current.take() {
                    out.push(ex);
                }
                let start = i;
                let mut command = cmd.to_string();
                while command.ends_with('\\') && i + 1 < lines.len() {
                    command.pop();
                    i += 1;
                    command.push(' ');
                    command.push_str(lines[i].trim());
                }
                current = Some(Example {
                    line: start + 1,
                    command,
                    expected: i + 1..i + 1,
                });
            } else if let Some(ex) = current.as_mut() {
                ex.expected.end = i + 1;
            }
            i += 1;
        }
        if let Some(ex) = current.take() {
            out.push(ex);
        }
        i += 1; // the closing fence
    }
    // trailing blank lines separate examples; they are not output
    for ex in &mut out {
        while ex.expected.end > ex.expected.start && lines[ex.expected.end - 1].trim().is_empty() {
            ex.expected.end -= 1;
        }
    }
    out
}

/// The indentation of the console block around page line `at` (0-based).
fn block_indent(lines: &[&str], at: usize) -> usize {
    let fence = (0..at)
        .rev()
        .find(|&k| lines[k].trim_start().starts_with("```console"))
        .expect("an example sits in a console block");
    lines[fence].len() - lines[fence].trim_start().len()
}

fn run(command: &str, dir: &Path, last_status: i32) -> (String, i32) {
    if command.trim() == "echo $?" {
        return (format!("{last_status}\n"), 0);
    }
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_cronkit"))
        .parent()
        .expect("the binary has a directory")
        .to_path_buf();
    assert!(
        bin_dir.join("croneval").exists(),
        "croneval is built next to cronkit"
    );
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH joins");
    // stdout and stderr share one pipe, so their lines interleave as on a terminal
    let output = Command::new("timeout")
        .args(["60", "bash", "-c", &format!("exec 2>&1\n{command}")])
        .current_dir(dir)
        .env("PATH", path)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    (text, output.status.code().unwrap_or(-1))
}

fn normalise(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    while v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}

/// Does `actual` match `expected`, where a line `...` matches any run of lines?
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(a, arest)| a == first && matches(rest, arest)),
    }
}

/// Before `cat FILE` of a file that does not exist, write it from the expected lines.
fn provide_cat_file(command: &str, expected: &[String], dir: &Path) {
    let words: Vec<&str> = command.split_whitespace().collect();
    if let ["cat", name] = words.as_slice() {
        let path = dir.join(name);
        if !path.exists() && !name.contains("..") && !name.starts_with('/') {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).expect("scratch directory");
            }
            let mut body = expected.join("\n");
            body.push('\n');
            fs::write(&path, body).expect("write the example's file");
        }
    }
}

#[test]
fn every_console_example_prints_what_the_page_shows() {
    let bless = std::env::var_os("CRONKIT_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let scratch_root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("doc-examples");
    let mut failures = Vec::new();
    let mut ran = 0;
    for page in pages() {
        let text = fs::read_to_string(&page).expect("page readable");
        let lines: Vec<&str> = text.lines().collect();
        let name = page
            .strip_prefix(root())
            .unwrap_or(&page)
            .display()
            .to_string();
        let dir = scratch_root.join(name.replace('/', "_"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch directory");

        let mut replacements: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
        let mut status = 0;
        for ex in examples(&lines) {
            let indent = block_indent(&lines, ex.line - 1);
            let expected: Vec<String> = lines[ex.expected.clone()]
                .iter()
                .map(|l| {
                    l.get(indent..)
                        .unwrap_or(l.trim_start())
                        .trim_end()
                        .to_string()
                })
                .collect();
            provide_cat_file(&ex.command, &expected, &dir);
            let (out, code) = run(&ex.command, &dir, status);
            status = code;
            ran += 1;
            let actual = normalise(&out);
            if !matches(&expected, &actual) {
                if bless {
                    let pad = " ".repeat(indent);
                    replacements.push((
                        ex.expected.clone(),
                        actual
                            .iter()
                            .map(|l| {
                                if l.is_empty() {
                                    String::new()
                                } else {
                                    format!("{pad}{l}")
                                }
                            })
                            .collect(),
                    ));
                } else {
                    failures.push(format!(
                        "{name}:{}: `{}` printed something else.\n--- the page shows\n{}\n--- the command printed (exit status {code})\n{}\n",
                        ex.line,
                        ex.command,
                        expected.join("\n"),
                        actual.join("\n"),
                    ));
                }
            }
        }
        if bless && !replacements.is_empty() {
            let mut new_lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            // from the bottom up, so earlier ranges stay valid
            for (range, with) in replacements.into_iter().rev() {
                new_lines.splice(range, with);
            }
            let mut body = new_lines.join("\n");
            if text.ends_with('\n') {
                body.push('\n');
            }
            fs::write(&page, body).expect("rewrite the page");
            eprintln!("blessed {name}: review `git diff {name}`");
        }
    }
    assert!(ran > 0, "no console examples found");
    assert!(
        failures.is_empty(),
        "{} documentation example(s) print something else than their page shows:\n\n{}\n\
         If the new output is right, run `CRONKIT_BLESS=1 cargo test --test doc_examples` \
         and review `git diff README.md docs/`.",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_parser_reads_commands_outputs_and_continuations() {
    let page = "text\n```console\n$ a \\\n  b\nout 1\n\nout 2\n\n$ c\n```\n```text\n$ not run\n```\n  ```console\n  $ d\n  x\n  ```\n";
    let lines: Vec<&str> = page.lines().collect();
    let ex = examples(&lines);
    assert_eq!(ex.len(), 3);
    assert_eq!(ex[0].command, "a  b");
    assert_eq!(lines[ex[0].expected.clone()], ["out 1", "", "out 2"]);
    assert_eq!(ex[1].command, "c");
    assert!(ex[1].expected.is_empty());
    assert_eq!(ex[2].command, "d");
    assert_eq!(lines[ex[2].expected.clone()], ["  x"]);
}

#[test]
fn an_ellipsis_matches_any_lines_and_nothing_else_does() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&s(&["a", "...", "d"]), &s(&["a", "b", "c", "d"])));
    assert!(matches(&s(&["a", "...", "d"]), &s(&["a", "d"])));
    assert!(!matches(&s(&["a", "...", "d"]), &s(&["a", "b"])));
    assert!(!matches(&s(&["a", "b"]), &s(&["a", "c"])));
    assert!(!matches(&s(&["a"]), &s(&["a", "b"])));
}

/// Every relative link of the README and docs/ points at a file that exists.
#[test]
fn relative_links_resolve() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = fs::read_to_string(&page).expect("page readable");
        let mut in_code = false;
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            if in_code {
                continue;
            }
            for part in line.split("](").skip(1) {
                let Some(target) = part.split(')').next() else {
                    continue;
                };
                let target = target.split('#').next().unwrap_or("");
                if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let base = page.parent().expect("page has a directory");
                if !base.join(target).exists() {
                    broken.push(format!("{}:{}: {target}", page.display(), n + 1));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
