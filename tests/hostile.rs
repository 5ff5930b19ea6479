//! Hostile documents (issue #10): every input field of every reader carries
//! values built to forge a CI command or reach a terminal raw, and every
//! subcommand reads them in every output format. The oracle is on the bytes
//! written, not on cronkit's own wording:
//!
//! - no output line, once leading white space is trimmed (as the GitHub
//!   runner trims it), starts with `::`, except the annotations that
//!   `--format github` writes itself, whose properties must be exactly
//!   cronkit's (`file`, `line`, `col`, `endColumn`, `title`, each once);
//! - no line holds `##[` (the runner's older command form, found anywhere);
//! - the output is UTF-8 and holds no control character other than the
//!   newline and the tab, no DEL, no C1 control (U+0080–U+009F), no Unicode
//!   line or paragraph separator and no bidirectional control.
//!
//! Colour is off (the output is a pipe and `NO_COLOR` is set), so no ESC is
//! cronkit's own either.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn bin(name: &str) -> PathBuf {
    PathBuf::from(match name {
        "croneval" => env!("CARGO_BIN_EXE_croneval"),
        _ => env!("CARGO_BIN_EXE_cronkit"),
    })
}

/// Values that try to break out of their place in a line.
fn payloads() -> Vec<String> {
    vec![
        // a new line that is a workflow command, then every kind of control
        "x\n::error::forged\r\n::add-mask::secret\u{1b}]0;title\u{7}\u{1b}[2J\u{85}::error::c1\u{7f}\u{9b}31m\u{2028}::error::ls\u{202e}rtl\0nul\u{b}\u{c}##[error]legacy".to_string(),
        // at the start of a line
        "::error::leading".to_string(),
        // after white space the runner trims (also a Unicode one)
        " \u{3000}::stop-commands::token".to_string(),
        // a long value with a command deep inside
        format!("{}\n::error::deep{}", "7".repeat(50_000), "8".repeat(50_000)),
    ]
}

fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// XML text: the payload with `&`, `<`, `>`, `"` escaped and the control
/// characters XML 1.0 forbids raw written as character references (which
/// Nuxeo's reader decodes, so the value still arrives whole).
fn xml(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// One document per reader, every field it reads set to `p`.
fn documents(p: &str) -> Vec<(&'static str, String)> {
    let j = js(p);
    let watcher = format!(
        r#"{{"watches":[
{{"_id":{j},"watch":{{"trigger":{{"schedule":{{"cron":"0 0 0 30 2 ?"}}}}}}}},
{{"_id":"a","watch":{{"trigger":{{"schedule":{{"cron":{j}}}}}}}}},
{{"_id":"b","watch":{{"trigger":{{"schedule":{{"cron":["0 0 1 * * ?",{j}]}}}}}}}},
{{"_id":"c","watch":{{"trigger":{{"schedule":{{"daily":{{"at":{j}}}}}}}}}}},
{{"_id":"d","watch":{{"trigger":{{"schedule":{{"weekly":{{"on":{j},"at":"noon"}}}}}}}}}},
{{"_id":"e","watch":{{"trigger":{{"schedule":{{"monthly":{{"on":{j}}}}}}}}}}},
{{"_id":"f","watch":{{"trigger":{{"schedule":{{"yearly":{{"in":{j}}}}}}}}}}},
{{"_id":"g","watch":{{"trigger":{{"schedule":{{"interval":{j}}}}}}}}},
{{"_id":"h","watch":{{"trigger":{{"schedule":{{"cron":"0 0 2 * * ?","timezone":{j}}}}}}}}},
{{"_id":"i","watch":{{"trigger":{{"schedule":{{"hourly":{{"minute":0}},{j}:1}}}}}}}},
{{"_id":"k","watch":{{"trigger":{{{j}:{{}}}}}}}},
{{"_id":"l","watch":{{"trigger":{{"schedule":{{{j}:{{}}}}}}}}}},
{{"_id":"m","watch":{{"trigger":{{"schedule":{{"daily":{{"at":{{"hour":{j},"minute":{j}}}}}}}}}}}}}
]}}"#
    );
    let ndjson = format!(
        "{{\"_id\":{j},\"trigger\":{{\"schedule\":{{\"cron\":\"0 0 0 30 2 ?\"}}}}}}\n{{\"_id\":\"z\",\"trigger\":{{\"schedule\":{{\"cron\":{j}}}}}}}\n"
    );
    let opensearch = format!(
        r#"[{{"schedule":{{"cron":{{"expression":{j},"timezone":"UTC"}}}}}},
{{"schedule":{{"cron":{{"expression":"0 2 * * *","timezone":{j}}}}}}},
{{"schedule":{{"cron":{{"expression":"0 2 * * *","timezone":"UTC",{j}:1}}}}}},
{{"schedule":{{"interval":{{"start_time":0,"period":1,"unit":{j}}}}}}},
{{"schedule":{{"interval":{{"start_time":0,"period":{j},"unit":"Minutes"}}}}}}]"#
    );
    let x = xml(p);
    // an element name cannot hold these characters, so it gets the payload's
    // letters and a broken end tag; the raw `&#10;` in an id is the issue's repro
    let nuxeo = format!(
        r#"<?xml version="1.0"?>
<component name="{x}">
  <extension target="org.nuxeo.ecm.core.scheduler.SchedulerService" point="schedule">
    <schedule id="{x}"><cronExpression>0 0 0 30 2 ?</cronExpression></schedule>
    <schedule id="n&#10;::error::forged-entity"><cronExpression>{x}</cronExpression></schedule>
    <schedule id="{x}"></schedule>
    <schedule id="{x}"><cronExpression> </cronExpression></schedule>
    <schedule id="y"><cronExpression>0 0 0 30 2 ? &{x};</cronExpression></schedule>
  </extension>
</component>
"#
    );
    let nuxeo_broken = format!(
        "<?xml version=\"1.0\"?>\n<component><schedule id=\"q\"><cronExpression>0 0 0 30 2 ?</cronExpression></schedule><abc{}></component>\n",
        x.replace(['&', ';', '#'], "")
    );
    let lines_doc = format!("{p}\n0 0 0 30 2 ?\n");
    let crontab = format!("SHELL=/bin/sh\n{p}\n0 0 30 2 * {p}\n0 0 * * *\n@reboot {p}\n{p}=1\n");
    vec![
        ("watches.json", watcher),
        ("watches.ndjson", ndjson),
        ("jobs.json", opensearch),
        ("nuxeo-contrib.xml", nuxeo),
        ("broken.xml", nuxeo_broken),
        ("exprs.txt", lines_doc),
        ("crontab", crontab),
    ]
}

/// Check one stream of output against the oracle; `github` allows the
/// annotations `--format github` writes.
fn check_output(what: &str, bytes: &[u8], github: bool) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => panic!("{what}: output is not UTF-8: {e}"),
    };
    for (n, line) in text.split('\n').enumerate() {
        let shown = || {
            let cut: String = line.chars().take(300).collect();
            format!("{what}: line {}: {cut:?}", n + 1)
        };
        for c in line.chars() {
            let bad = (c < ' ' && c != '\t')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
                );
            assert!(!bad, "{}: raw {:?}", shown(), c);
        }
        assert!(!line.contains("##["), "{}: legacy command form", shown());
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("::") {
            assert!(
                github && line == trimmed,
                "{}: a line that starts a workflow command",
                shown()
            );
            let rest = rest
                .strip_prefix("error ")
                .or_else(|| rest.strip_prefix("warning "))
                .unwrap_or_else(|| panic!("{}: not an annotation of cronkit's", shown()));
            let (props, _message) = rest
                .split_once("::")
                .unwrap_or_else(|| panic!("{}: annotation without a message", shown()));
            let mut seen = Vec::new();
            for prop in props.split(',') {
                let (key, _) = prop
                    .split_once('=')
                    .unwrap_or_else(|| panic!("{}: property {prop:?}", shown()));
                assert!(
                    ["file", "line", "col", "endColumn", "title"].contains(&key),
                    "{}: forged property {key:?}",
                    shown()
                );
                assert!(!seen.contains(&key), "{}: {key} twice", shown());
                seen.push(key);
            }
        }
    }
}

fn run(what: &str, program: &str, args: &[&str], stdin: Option<&[u8]>, github: bool) {
    let mut cmd = Command::new(bin(program));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut w = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = w.write_all(&input);
        });
    }
    let out = child.wait_with_output().expect("wait");
    let what = format!("{what}: {program} {args:?}");
    let code = out.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {code:?}, stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_output(&format!("{what} (stdout)"), &out.stdout, github);
    check_output(&format!("{what} (stderr)"), &out.stderr, false);
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cronkit-hostile-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Every reader's fields through every subcommand and format that reads them.
#[test]
fn hostile_fields_never_reach_the_output_raw() {
    for (i, p) in payloads().iter().enumerate() {
        let dir = tempdir(&format!("fields-{i}"));
        for (name, doc) in documents(p) {
            let path = dir.join(name);
            fs::write(&path, doc).expect("write");
            let f = path.to_str().expect("utf-8 temp path");
            let what = format!("payload {i}, {name}");
            for format in ["text", "json", "github"] {
                run(
                    &what,
                    "cronkit",
                    &["validate", "--format", format, "-f", f],
                    None,
                    format == "github",
                );
            }
            // stdin too (no file name to guess from)
            let bytes = fs::read(&path).expect("read");
            run(
                &what,
                "cronkit",
                &["validate", "-f", "-"],
                Some(&bytes),
                false,
            );
            for extra in [
                &[][..],
                &["--format", "json"],
                &["--to", "watcher"],
                &["--to", "unix"],
            ] {
                let mut args = vec!["convert", f];
                args.extend_from_slice(extra);
                run(&what, "cronkit", &args, None, false);
            }
            run(&what, "cronkit", &["convert", "--merge", f], None, false);
            if name.ends_with("json") {
                for format in ["text", "table", "calendar", "json", "iso"] {
                    run(
                        &what,
                        "croneval",
                        &[
                            "--schedule",
                            f,
                            "--format",
                            format,
                            "--from",
                            "2026-01-01T00:00:00Z",
                            "-c",
                            "3",
                        ],
                        None,
                        false,
                    );
                }
                for format in ["heatmap", "heatmap-json"] {
                    run(
                        &what,
                        "croneval",
                        &[
                            "--schedule",
                            f,
                            "--format",
                            format,
                            "--from",
                            "2026-01-01T00:00:00Z",
                        ],
                        None,
                        false,
                    );
                }
            }
        }
        let _ = fs::remove_dir_all(&dir);
    }
}

/// Expressions given as arguments or on stdin, to every subcommand.
#[test]
fn hostile_expressions_never_reach_the_output_raw() {
    for (i, p) in payloads().iter().enumerate() {
        let what = format!("payload {i}");
        // an argument cannot hold NUL
        let p = &p.replace('\0', "");
        let with_cron = format!("0 0 0 30 2 ? {p}");
        for e in [p.as_str(), with_cron.as_str()] {
            for format in ["text", "json", "github"] {
                run(
                    &what,
                    "cronkit",
                    &["validate", "--format", format, "-e", e],
                    None,
                    format == "github",
                );
            }
            for format in ["text", "json"] {
                run(
                    &what,
                    "cronkit",
                    &["explain", "--format", format, e],
                    None,
                    false,
                );
                run(
                    &what,
                    "cronkit",
                    &["convert", "--format", format, "-e", e],
                    None,
                    false,
                );
            }
            run(
                &what,
                "cronkit",
                &["explain", "-"],
                Some(e.as_bytes()),
                false,
            );
            for format in ["text", "table", "calendar", "json", "iso"] {
                run(
                    &what,
                    "croneval",
                    &[e, "--format", format, "-d"],
                    None,
                    false,
                );
            }
        }
        // a valid expression beside a hostile one: the labels of table and calendar
        for format in ["table", "calendar"] {
            run(
                &what,
                "croneval",
                &["0 0 0 * * ?", p, "--format", format],
                None,
                false,
            );
        }
        run(
            &what,
            "cronkit",
            &["validate", "--tz", p, "-e", "0 0 * * *"],
            None,
            false,
        );
        run(&what, "croneval", &["0 0 0 * * ?", "--tz", p], None, false);
        run(
            &what,
            "croneval",
            &["0 0 0 * * ?", "--from", p],
            None,
            false,
        );
    }
}

/// A file whose name is a workflow command, in every format of every
/// subcommand that names its input.
#[test]
fn hostile_file_names_never_reach_the_output_raw() {
    let dir = tempdir("names");
    for (i, name) in [
        "x\n::error::forged.txt",
        "::error::lead.json",
        "\u{1b}[31mred\u{85}.xml",
    ]
    .iter()
    .enumerate()
    {
        let path = dir.join(name);
        let doc = if name.ends_with("json") {
            r#"{"_id":"w","trigger":{"schedule":{"cron":"0 0 0 30 2 ?"}}}"#
        } else if name.ends_with("xml") {
            r#"<component><schedule id="s"><cronExpression>0 0 0 30 2 ?</cronExpression></schedule></component>"#
        } else {
            "0 0 0 30 2 ?\n"
        };
        fs::write(&path, doc).expect("write");
        let f = path.to_str().expect("utf-8");
        let what = format!("file name {i}");
        for format in ["text", "json", "github"] {
            run(
                &what,
                "cronkit",
                &["validate", "--format", format, "-f", f],
                None,
                format == "github",
            );
        }
        run(
            &what,
            "cronkit",
            &["convert", f, "-e", "0 0 * * *"],
            None,
            false,
        );
        run(
            &what,
            "cronkit",
            &["convert", "--format", "json", f, f],
            None,
            false,
        );
        run(&what, "croneval", &["--schedule", f], None, false);
        // a missing file with that name
        let missing = dir.join(format!("missing-{name}"));
        let m = missing.to_str().expect("utf-8");
        run(&what, "cronkit", &["validate", "-f", m], None, false);
        run(&what, "cronkit", &["convert", m], None, false);
        run(&what, "croneval", &["--schedule", m], None, false);
    }
    let _ = fs::remove_dir_all(&dir);
}

/// The issue's repro, exactly: `validate -f f.json | grep '^::'` finds nothing.
#[test]
fn issue_repro_watch_id_newline_forges_nothing() {
    let dir = tempdir("repro");
    let path = dir.join("f.json");
    fs::write(
        &path,
        "{\"_id\":\"x\\n::error::forged\",\"watch\":{\"trigger\":{\"schedule\":{\"cron\":\"0 0 0 30 2 ?\"}}}}\n",
    )
    .expect("write");
    let out = Command::new(bin("cronkit"))
        .args(["validate", "-f"])
        .arg(&path)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("never-fires"), "{stdout}");
    assert!(
        !stdout.lines().any(|l| l.starts_with("::")),
        "forged command in:\n{stdout}"
    );
    assert!(stdout.contains("x\\n::error::forged"), "{stdout}");
    let _ = fs::remove_dir_all(&dir);
}

/// The issue's quote repros: a 500 000-digit number, a long `id`, a lint's
/// help and `convert`'s `= input:` were quoted in full. In text and github
/// output every line now stays short and a cut says how long the whole was.
#[test]
fn issue_repro_long_values_are_cut_with_their_length() {
    let dir = tempdir("long");
    let number = "7".repeat(500_000);
    let id = "i".repeat(2 << 20);
    let doc = dir.join("long.json");
    fs::write(
        &doc,
        format!(
            r#"{{"_id":"{id}","watch":{{"trigger":{{"schedule":{{"hourly":{{"minute":{number}}}}}}}}}}}"#
        ),
    )
    .expect("write");
    let d = doc.to_str().expect("utf-8");
    // 1 000 minutes (the field's item limit is 1 024): a long expression
    let minutes: Vec<String> = (0..1000).map(|i| (i % 60).to_string()).collect();
    let minutes = minutes.join(",");
    let lint = format!("0 {minutes} 12 ? * 1-5");
    let no_unix = format!("0 {minutes} 12 L * ?");
    let merge = dir.join("merge.txt");
    let lines: String = (0..1001)
        .map(|i| format!("{} {} * * *\n", i % 60, i / 60 % 24))
        .collect();
    fs::write(&merge, &lines).expect("write");
    let m = merge.to_str().expect("utf-8");
    let cases: [(&[&str], &str); 7] = [
        (&["validate", "-f", d], "bytes cut)"),
        (&["validate", "--format", "github", "-f", d], "bytes cut)"),
        (&["convert", d], "(2097152 bytes)"),
        // quartz-dow-numbering's help rewrites the expression
        (&["validate", "-e", &lint], "bytes)`"),
        (
            &["convert", "-e", &no_unix, "--to", "unix"],
            &format!("({} bytes)", no_unix.len()),
        ),
        // the merged input, all 1 001 expressions joined
        (&["convert", "--merge", m], "bytes)"),
        (&["convert", "--merge", "--to", "watcher", m], "bytes)"),
    ];
    for (args, says) in cases {
        let out = Command::new(bin("cronkit"))
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("run");
        let shown: Vec<String> = args.iter().map(|a| a.chars().take(40).collect()).collect();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{shown:?}: exit {:?}",
            out.status.code()
        );
        for line in all.lines() {
            assert!(
                line.chars().count() <= 1200,
                "{shown:?}: a line of {} characters: {}…",
                line.chars().count(),
                line.chars().take(200).collect::<String>()
            );
        }
        assert!(all.contains(says), "{shown:?}: no {says:?} in\n{all}");
    }
    // JSON: the messages (prose with input quoted in it) are cut as in text,
    // the data fields keep the input whole
    for args in [
        &["validate", "--format", "json", "-f", d][..],
        &["validate", "--format", "json", "-e", &lint][..],
    ] {
        let out = Command::new(bin("cronkit"))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let records = v.as_array().expect("an array of findings");
        assert!(!records.is_empty(), "{args:?}: no findings");
        for r in records {
            for key in ["message", "help"] {
                let text = r[key].as_str().unwrap_or("");
                assert!(
                    text.chars().count() <= 1100,
                    "{args:?}: a JSON {key} of {} characters",
                    text.chars().count()
                );
            }
        }
        if args.contains(&lint.as_str()) {
            assert!(
                records.iter().all(|r| r["expression"] == lint.as_str()),
                "{args:?}: the expression field was cut"
            );
        }
    }
    let _ = fs::remove_dir_all(&dir);
}
