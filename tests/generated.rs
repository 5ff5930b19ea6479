//! The committed shell completions (`completions/`), man pages (`man/`) and the rule
//! list `docs/rules.md` must be what the code generates now from the clap definitions
//! and the lint rule table. When an option or a rule changes, these tests fail until
//! `scripts/regenerate.sh` is run and its output committed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const REGENERATE: &str =
    "the generated files are out of date: run `scripts/regenerate.sh` and commit completions/, man/ and docs/rules.md";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cronkit(args: &[&str]) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_cronkit"))
        .args(args)
        .output()
        .expect("cronkit runs");
    assert!(
        o.status.success(),
        "cronkit {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

fn committed(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}\n{REGENERATE}", path.display()))
}

fn same(path: &Path, generated: &[u8]) {
    let on_disk = committed(path);
    if on_disk != generated {
        // Name the first differing line to make the failure readable.
        let a = String::from_utf8_lossy(&on_disk);
        let b = String::from_utf8_lossy(generated);
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .map(|i| i + 1)
            .unwrap_or_else(|| a.lines().count().min(b.lines().count()) + 1);
        panic!(
            "{} differs from what the code generates (first at line {line})\n{REGENERATE}",
            path.display()
        );
    }
}

#[test]
fn completions_are_current() {
    let shells = [
        ("bash", "cronkit.bash"),
        ("zsh", "_cronkit"),
        ("fish", "cronkit.fish"),
        ("powershell", "_cronkit.ps1"),
        ("elvish", "cronkit.elv"),
    ];
    for (shell, file) in shells {
        same(
            &root().join("completions").join(file),
            &cronkit(&["completions", shell]),
        );
        let croneval_file = file.replace("cronkit", "croneval");
        same(
            &root().join("completions").join(&croneval_file),
            &cronkit(&["completions", shell, "--croneval"]),
        );
    }
}

#[test]
fn completions_name_their_binary() {
    let bash = String::from_utf8(cronkit(&["completions", "bash", "--croneval"])).expect("utf-8");
    assert!(bash.contains("complete -F _croneval"), "{bash}");
    let bash = String::from_utf8(cronkit(&["completions", "bash"])).expect("utf-8");
    assert!(
        bash.contains("croneval") && bash.contains("explain"),
        "subcommands"
    );
}

#[test]
fn man_pages_are_current() {
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("generated-man");
    let _ = fs::remove_dir_all(&out);
    let dir = out.to_str().expect("utf-8 path");
    cronkit(&["man", "--dir", dir]);

    let names = |d: &Path| -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap_or_else(|e| panic!("{}: {e}\n{REGENERATE}", d.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| [".1", ".5", ".7"].iter().any(|s| n.ends_with(s)))
            .collect();
        v.sort();
        v
    };
    let generated = names(&out);
    let committed_names = names(&root().join("man"));
    assert_eq!(committed_names, generated, "{REGENERATE}");
    for expected in [
        "cronkit.1",
        "croneval.1",
        "cronkit-croneval.1",
        "cronkit-man.1",
        "cronkit-syntax.5",
        "cronkit-rules.7",
    ] {
        assert!(
            generated.iter().any(|n| n == expected),
            "{expected} is generated"
        );
    }
    for name in &generated {
        same(
            &root().join("man").join(name),
            &fs::read(out.join(name)).expect("generated page"),
        );
    }
    // Without --dir, cronkit.1 goes to stdout.
    same(&root().join("man").join("cronkit.1"), &cronkit(&["man"]));
}

/// Every page a man page names in its SEE ALSO is generated too (no `cronkit-help(1)`
/// for a page that does not exist), and every page has the sections a reader looks for.
#[test]
fn man_pages_refer_only_to_pages_that_exist() {
    let dir = root().join("man");
    let pages: Vec<String> = fs::read_dir(&dir)
        .expect("man/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for page in &pages {
        let text = fs::read_to_string(dir.join(page)).expect("page");
        let see_also = text
            .split(".SH \"SEE ALSO\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{page} has a SEE ALSO section"));
        let see_also = see_also.split("\n.SH").next().unwrap_or("");
        // `\fBcronkit-rules\fR(7)` → cronkit-rules.7
        for part in see_also.split("\\fB").skip(1) {
            let Some((name, rest)) = part.split_once("\\fR(") else {
                continue;
            };
            let section = rest.chars().next().unwrap_or('?');
            let name = name.replace("\\-", "-");
            if name.starts_with("cronkit") || name.starts_with("croneval") {
                let file = format!("{name}.{section}");
                assert!(
                    pages.contains(&file),
                    "{page} refers to {name}({section}), which is not generated"
                );
            }
        }
        if page.ends_with(".1") {
            for section in [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "EXAMPLES",
                "\"EXIT STATUS\"",
                "ENVIRONMENT",
            ] {
                assert!(
                    text.contains(&format!("\n.SH {section}\n")),
                    "{page} has no {section} section"
                );
            }
        }
        assert!(text.is_ascii(), "{page} is plain ASCII roff");
    }
}

/// A subcommand page lists only options its subcommand accepts: `-V` is the top
/// level's (and croneval's), not `cronkit validate -V`'s.
#[test]
fn subcommand_pages_do_not_offer_version() {
    let text = fs::read_to_string(root().join("man/cronkit-validate.1")).expect("page");
    assert!(
        !text.contains("\\-\\-version"),
        "cronkit-validate.1 lists --version"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_cronkit"))
        .args(["validate", "-V"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2), "validate rejects -V");
}

/// `docs/rules.md`, written from the lint rule table (`cronkit::lint::RULES`).
fn rules_markdown() -> String {
    use cronkit::lint::RULES;
    let mut md = String::new();
    md.push_str("# validate's rules\n\n");
    md.push_str(
        "<!-- Generated from the lint rule table (`cronkit::lint::RULES`, src/lint) by\n\
         tests/generated.rs. Do not edit: change the table and run scripts/regenerate.sh. -->\n\n",
    );
    md.push_str(
        "`cronkit validate` reports two kinds of findings. Every parse error is an **error**\n\
         with the parser's own code (`both-day-fields`, `value-out-of-range`, `step-zero`, ...;\n\
         see [syntax.md](syntax.md)), and so is every problem a reader finds in a file\n\
         (`invalid-utf8`, `line-too-long`, `malformed-xml`, `unknown-schedule-type`, ...).\n\
         The lint rules below look at expressions that parse.\n\n\
         An error fails the run (exit status 1); a warning fails it only with\n\
         `--deny warnings`. `--allow CODE` (repeatable) turns a lint rule off; parse and\n\
         reader errors cannot be allowed. Rules marked \"with `--tz`\" run only when a zone\n\
         is given (or a schedule names its own).\n\n",
    );
    md.push_str("| code | severity | reports | example |\n|---|---|---|---|\n");
    for r in RULES.iter() {
        let zone = if r.needs_zone { " (with `--tz`)" } else { "" };
        md.push_str(&format!(
            "| `{}` | {}{} | {} | `{}` |\n",
            r.code,
            r.severity.as_str(),
            zone,
            r.summary.replace('|', "\\|"),
            r.example.replace('|', "\\|"),
        ));
    }
    md.push_str(&format!(
        "\n{} rules. The codes are stable: scripts and `--allow` lists may rely on them.\n",
        RULES.len()
    ));
    md
}

#[test]
fn docs_rules_page_is_generated_from_the_rule_table() {
    let path = root().join("docs/rules.md");
    let generated = rules_markdown();
    if bless() {
        fs::write(&path, &generated).expect("write docs/rules.md");
        return;
    }
    same(&path, generated.as_bytes());
    // and it can fail: every code of the table is on the page
    let page = String::from_utf8(committed(&path)).expect("utf-8");
    for r in cronkit::lint::RULES.iter() {
        assert!(
            page.contains(&format!("`{}`", r.code)),
            "{} is listed",
            r.code
        );
    }
}

fn bless() -> bool {
    std::env::var_os("CRONKIT_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The profile reference table of `docs/syntax.md`, written from `cronkit::PROFILES`.
fn profile_table() -> String {
    use cronkit::expr::profile::DayFieldRule;
    use cronkit::FieldKind;
    let field = |k: &FieldKind| match k {
        FieldKind::Second => "sec",
        FieldKind::Minute => "min",
        FieldKind::Hour => "hour",
        FieldKind::DayOfMonth => "dom",
        FieldKind::Month => "month",
        FieldKind::DayOfWeek => "dow",
        FieldKind::Year => "year",
    };
    let mut md = String::from(
        "| `--dialect` | platform | fields | Sunday | both day fields restricted | nicknames | default `--dst` |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for p in cronkit::PROFILES.iter() {
        let name = if p.aliases.is_empty() {
            format!("`{}`", p.name)
        } else {
            let aliases: Vec<String> = p.aliases.iter().map(|a| format!("`{a}`")).collect();
            format!("`{}` ({})", p.name, aliases.join(", "))
        };
        let layouts: Vec<String> = p
            .layouts
            .iter()
            .map(|l| {
                let f: Vec<&str> = l.fields.iter().map(field).collect();
                format!("`{}`", f.join(" "))
            })
            .collect();
        let sunday = if p.dow.sunday == 0 && p.dow.max == 7 {
            "0 or 7".to_string()
        } else {
            p.dow.sunday.to_string()
        };
        let days = match p.day_fields {
            DayFieldRule::OneMustBeQuestion => "not allowed: one must be `?`".to_string(),
            DayFieldRule::Or(_) => "either matches (OR)".to_string(),
            DayFieldRule::And => "both must match (AND)".to_string(),
        };
        let nicknames = if p.nicknames.is_empty() {
            "no".to_string()
        } else {
            format!("{}", p.nicknames.len())
        };
        md.push_str(&format!(
            "| {name} | {} | {} | {sunday} | {days} | {nicknames} | `{}` |\n",
            p.display,
            layouts.join(", "),
            p.default_dst.name(),
        ));
    }
    md
}

/// A generated section of a docs page, between `<!-- NAME:begin -->` and `<!-- NAME:end -->`.
fn generated_section(page: &str, name: &str, body: &str) {
    let path = root().join("docs").join(page);
    let text = fs::read_to_string(&path).expect("page");
    let begin = format!(
        "<!-- {name}:begin (generated by tests/generated.rs; run scripts/regenerate.sh) -->\n"
    );
    let end = format!("<!-- {name}:end -->");
    let (Some(b), Some(e)) = (text.find(&begin), text.find(&end)) else {
        panic!("docs/{page} has no `{}` ... `{end}` markers", begin.trim());
    };
    let current = &text[b + begin.len()..e];
    if current == body {
        return;
    }
    if bless() {
        let new = format!("{}{begin}{body}{}", &text[..b], &text[e..]);
        fs::write(&path, new).expect("rewrite page");
        return;
    }
    panic!("the {name} section of docs/{page} differs from what the table says\n{REGENERATE}");
}

#[test]
fn docs_profile_table_is_generated_from_the_profile_table() {
    let table = profile_table();
    for p in cronkit::PROFILES.iter() {
        assert!(
            table.contains(&format!("`{}`", p.name)),
            "{} is listed",
            p.name
        );
    }
    generated_section("syntax.md", "profiles", &table);
}
