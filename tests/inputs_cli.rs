//! Every input where users have it (issue #14): `croneval` and `explain` read
//! crontabs, Nuxeo XML and expressions on stdin through the reader layer
//! `validate` uses, `convert` and `croneval --schedule` read Nuxeo XML, and with
//! several inputs every output line says which expression it is about.
//!
//! Fire times here come from the definitions (cron(5): the five fields are
//! minute, hour, day of month, month, day of week, and `CRON_TZ=` sets the zone
//! of the entries after it; Quartz: seconds come first) and from the Quartz
//! oracle's observations in `../shared/oracles/quartz/EDGE-CASES.md` (row 14).
//! Sentences are not restated here: an expression read from a document must be
//! described exactly as the same expression given on the command line is.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

fn run(bin: &str, args: &[&str], stdin: &str) -> (String, String, i32) {
    let out = Command::cargo_bin(bin)
        .expect("binary")
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("run");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// The sentence `explain` gives for one expression on the command line.
fn sentence(expr: &str, dialect: &str) -> String {
    let (out, err, code) = run("cronkit", &["explain", "--dialect", dialect, expr], "");
    assert_eq!(code, 0, "explain {expr}: {err}");
    out.trim_end().to_string()
}

// ------------------------------------------------------------------ crontabs

/// Before: `crontab -l | grep -v '^#' | cut -d' ' -f1-5 | cronkit explain -`
/// (explain's own help) read `MAILTO=ops@example.com` and `@reboot /usr/...`
/// as expressions and cut indented lines wrong. After: `--input crontab`.
#[test]
fn explain_reads_a_crontab() {
    let path = fixture("crontab");
    let p = path.to_str().expect("utf-8 path");
    let (out, err, code) = run("cronkit", &["explain", "--input", "crontab", p], "");
    assert_eq!(code, 0, "{err}");
    let want: Vec<String> = [
        (4, "@reboot"),
        (5, "30 2 * * *"),
        (7, "0 9 * * 1-5"),
        (8, "15 */4 * * *"),
    ]
    .iter()
    .map(|(line, expr)| format!("{p}:{line}: {expr}: {}", sentence(expr, "unix")))
    .collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), want);
    // MAILTO=, SHELL= and `%` in commands are not expressions and not errors
    assert!(!err.contains("error"), "{err}");

    // the same from stdin, as `crontab -l | cronkit explain --input crontab -`
    let text = std::fs::read_to_string(&path).expect("fixture");
    let (out, err, code) = run("cronkit", &["explain", "--input", "crontab", "-"], &text);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("<stdin>:4: @reboot: ") && out.contains("\n<stdin>:5: 30 2 * * *: "),
        "{out}"
    );
}

#[test]
fn explain_help_no_longer_suggests_grep_and_cut() {
    let (out, _, code) = run("cronkit", &["explain", "--help"], "");
    assert_eq!(code, 0);
    assert!(!out.contains("cut -d"), "{out}");
    assert!(out.contains("explain --input crontab -"), "{out}");
}

#[test]
fn explain_json_carries_expression_and_location() {
    let path = fixture("crontab");
    let p = path.to_str().expect("utf-8 path");
    let (out, err, code) = run(
        "cronkit",
        &["explain", "--input", "crontab", "--format", "json", p],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 4);
    assert_eq!(items[1]["expression"], "30 2 * * *");
    assert_eq!(items[1]["location"]["file"], p);
    assert_eq!(items[1]["location"]["line"], 5);
    assert_eq!(items[1]["location"]["column"], 4); // indented by three spaces
    assert_eq!(items[1]["location"]["context"], "/usr/bin/backup --all");
}

/// Before: croneval could not read a crontab at all. After: one timeline of
/// every entry, each in its own zone (`CRON_TZ=Europe/Paris` covers lines 7
/// and 8; Paris is UTC+1 in January), `@reboot` left out with a note.
#[test]
fn croneval_reads_a_crontab() {
    let path = fixture("crontab");
    let p = path.to_str().expect("utf-8 path");
    let from = ["--from", "2026-01-05T00:00:00Z", "-c", "6"]; // a Monday
    let mut args = vec!["--input", "crontab", p, "--format", "iso"];
    args.extend(from);
    let (out, err, code) = run("croneval", &args, "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "2026-01-05T02:30:00Z\n\
         2026-01-05T03:15:00Z\n\
         2026-01-05T07:15:00Z\n\
         2026-01-05T08:00:00Z\n\
         2026-01-05T11:15:00Z\n\
         2026-01-05T15:15:00Z\n"
    );
    assert!(err.contains("@reboot") && err.contains("left out"), "{err}");

    // text: each time says which entry fired, as `file:line: expression`
    let mut args = vec!["--input", "crontab", p];
    args.extend(from);
    let (out, _, code) = run("croneval", &args, "");
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!(
            "1.\tMon, 5 Jan 2026 02:30:00\t{p}:5: 30 2 * * *\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "4.\tMon, 5 Jan 2026 08:00:00\t{p}:7: 0 9 * * 1-5\n"
        )),
        "{out}"
    );
}

// ------------------------------------------------------------------ stdin

/// Before: `croneval -` read `-` as an expression. After: one expression per
/// line, blank lines and `#` comments skipped, merged into one timeline.
#[test]
fn croneval_dash_reads_expressions_from_stdin() {
    let (out, err, code) = run(
        "croneval",
        &[
            "-",
            "-c",
            "3",
            "--from",
            "2026-11-21T08:30:00Z",
            "--format",
            "iso",
        ],
        "0 0 12 * * ?\n\n# Monday mornings\n0 30 9 ? * MON\n",
    );
    assert_eq!(code, 0, "{err}");
    // 2026-11-21 is a Saturday: noon Sat, noon Sun, 09:30 Mon
    assert_eq!(
        out,
        "2026-11-21T12:00:00Z\n2026-11-22T12:00:00Z\n2026-11-23T09:30:00Z\n"
    );
    // the text format labels each time with its expression (the lines are the labels)
    let (out, _, _) = run(
        "croneval",
        &["-", "-c", "1", "--from", "2026-11-21T08:30:00Z"],
        "0 0 12 * * ?\n0 30 9 ? * MON\n",
    );
    assert!(
        out.contains("1.\tSat, 21 Nov 2026 12:00:00\t0 0 12 * * ?\n"),
        "{out}"
    );
}

#[test]
fn stdin_errors_name_their_line() {
    let (out, err, code) = run("croneval", &["-"], "0 0 12 * * ?\n\n0 0 12 1 * MON\n");
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("error[both-day-fields]"), "{err}");
    assert!(err.contains("= in: <stdin>:3:1"), "{err}");

    let (out, err, code) = run(
        "cronkit",
        &["explain", "-"],
        "0 0 12 * * ?\n\n0 0 12 1 * MON\n",
    );
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        err.starts_with("<stdin>:3:1:\nerror[both-day-fields]"),
        "{err}"
    );
}

// ------------------------------------------------------------------ several inputs

/// Before: `explain A B` printed two sentences that did not say which was
/// which. After: each starts with its expression; one expression alone is
/// unchanged.
#[test]
fn several_inputs_echo_their_expression() {
    let (one, _, _) = run("cronkit", &["explain", "0 15 10 ? * MON-FRI"], "");
    assert!(!one.contains("MON-FRI:"), "{one}");
    let (two, err, code) = run(
        "cronkit",
        &["explain", "0 15 10 ? * MON-FRI", "*/15 9-17 * * 1-5"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        two,
        format!(
            "0 15 10 ? * MON-FRI: {}\n*/15 9-17 * * 1-5: {}\n",
            sentence("0 15 10 ? * MON-FRI", "auto"),
            sentence("*/15 9-17 * * 1-5", "auto")
        )
    );
    // stdin: each line after its expression
    let (out, _, _) = run("cronkit", &["explain", "-"], "0 15 10 ? * MON-FRI\n");
    assert_eq!(
        out,
        format!(
            "0 15 10 ? * MON-FRI: {}\n",
            sentence("0 15 10 ? * MON-FRI", "auto")
        )
    );
}

/// With several inputs, every JSON object names its expression in an `expr`
/// field, the same in the three commands (issue #14): explain (arguments, a
/// crontab, an invalid expression), croneval (arguments, a crontab, a
/// Watcher interval) and convert (`-e`, a file of lines; `null` for a JSON
/// schedule, which its `id` names). The expressions are the inputs; nothing
/// here is cronkit's own output.
#[test]
fn several_inputs_json_carry_expr() {
    let json = |bin: &str, args: &[&str], stdin: &str| -> serde_json::Value {
        let (out, err, code) = run(bin, args, stdin);
        assert!(code == 0 || code == 1, "{bin} {args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{bin} {args:?}: {e}: {out}"))
    };
    let path = fixture("crontab");
    let p = path.to_str().expect("utf-8 path");

    // explain: arguments, the invalid one included
    let v = json(
        "cronkit",
        &[
            "explain",
            "--format",
            "json",
            "0 15 10 ? * MON-FRI",
            "*/15 9-17 * * 1-5",
            "0 0 32 * *",
        ],
        "",
    );
    let exprs: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|o| o["expr"].as_str().expect("expr"))
        .collect();
    assert_eq!(
        exprs,
        ["0 15 10 ? * MON-FRI", "*/15 9-17 * * 1-5", "0 0 32 * *"]
    );
    assert!(v[2]["error"].is_object(), "{v}");
    // explain: a crontab (the entries, not MAILTO= nor the commands)
    let v = json(
        "cronkit",
        &["explain", "--input", "crontab", "--format", "json", p],
        "",
    );
    let exprs: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|o| o["expr"].as_str().expect("expr"))
        .collect();
    assert_eq!(
        exprs,
        ["@reboot", "30 2 * * *", "0 9 * * 1-5", "15 */4 * * *"]
    );

    // croneval: arguments, then a crontab (whose `text` is a `file:line:` label)
    let from = [
        "--from",
        "2026-01-05T00:00:00Z",
        "-c",
        "2",
        "--format",
        "json",
    ];
    // (the croneval binary reads Quartz, as Elasticsearch's does)
    let mut args = vec!["0 0 0 * * ?", "0 30 2 * * ?"];
    args.extend(from);
    let v = json("croneval", &args, "");
    let exprs: Vec<&str> = v["expressions"]
        .as_array()
        .expect("expressions")
        .iter()
        .map(|o| o["expr"].as_str().expect("expr"))
        .collect();
    assert_eq!(exprs, ["0 0 0 * * ?", "0 30 2 * * ?"]);
    let mut args = vec!["--input", "crontab", p];
    args.extend(from);
    let v = json("croneval", &args, "");
    let first = &v["expressions"][0];
    assert_eq!(first["expr"], "30 2 * * *", "{v}");
    assert_eq!(first["text"], format!("{p}:5: 30 2 * * *"), "{v}");
    // croneval --schedule: a Watcher cron and a Watcher interval
    let watches = r#"[{"_id":"a","trigger":{"schedule":{"cron":"0 0 12 * * ?"}}},{"_id":"b","trigger":{"schedule":{"interval":"5m"}}}]"#;
    let mut args = vec!["--schedule", "-"];
    args.extend(from);
    let v = json("croneval", &args, watches);
    let exprs: Vec<&str> = v["expressions"]
        .as_array()
        .expect("expressions")
        .iter()
        .map(|o| o["expr"].as_str().expect("expr"))
        .collect();
    assert_eq!(exprs, ["0 0 12 * * ?", "every 5m"], "{v}");

    // convert: two -e, a file of lines on stdin; a JSON schedule has `expr: null`
    let v = json(
        "cronkit",
        &[
            "convert",
            "--format",
            "json",
            "-e",
            "0 0 * * *",
            "-e",
            "0 0 12 ? * MON",
        ],
        "",
    );
    assert_eq!(v[0]["expr"], "0 0 * * *", "{v}");
    assert_eq!(v[1]["expr"], "0 0 12 ? * MON", "{v}");
    let v = json(
        "cronkit",
        &["convert", "--format", "json", "-"],
        "0 0 * * *\n# a comment\n30 2 * * 1-5\n",
    );
    assert_eq!(v[0]["expr"], "0 0 * * *", "{v}");
    assert_eq!(v[1]["expr"], "30 2 * * 1-5", "{v}");
    let v = json("cronkit", &["convert", "--format", "json", "-"], watches);
    assert_eq!(v[0]["id"], "a", "{v}");
    assert!(v[0]["expr"].is_null() && v[1]["expr"].is_null(), "{v}");
}

/// One reader layer: `croneval --schedule FILE` and `croneval --input watcher
/// FILE` read a Watcher document alike, intervals included. Before, `--input`
/// went through the reader layer, which left intervals out without a word,
/// and `--schedule` had a JSON reader of its own. A Watcher interval counts
/// from `--from` (Elasticsearch counts from the watch's activation), so from
/// 11:50 every 5 minutes is 11:55, 12:00, ...; the cron fires at 12:00, the
/// same instant as the interval (one time, both sources).
#[test]
fn schedule_and_input_read_watcher_documents_alike() {
    let doc = r#"[{"_id":"a","trigger":{"schedule":{"cron":"0 0 12 * * ?"}}},
                  {"_id":"b","trigger":{"schedule":{"interval":"5m"}}}]"#;
    let dir = std::env::temp_dir().join(format!("cronkit-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("watches.json");
    std::fs::write(&path, doc).expect("write");
    let p = path.to_str().expect("utf-8 path");
    let common = ["--from", "2026-01-05T11:50:00Z", "-c", "4"];
    for mode in [["--schedule", p], ["--input", "watcher"]] {
        let mut args = mode.to_vec();
        if mode[0] == "--input" {
            args.push(p);
        }
        args.extend(common);
        let mut iso = args.clone();
        iso.extend(["--format", "iso"]);
        let (out, err, code) = run("croneval", &iso, "");
        assert_eq!(code, 0, "{mode:?}: {err}");
        assert_eq!(
            out,
            "2026-01-05T11:55:00Z\n2026-01-05T12:00:00Z\n2026-01-05T12:05:00Z\n2026-01-05T12:10:00Z\n",
            "{mode:?}"
        );
        assert!(err.contains("counted from --from"), "{mode:?}: {err}");
        let mut json = args.clone();
        json.extend(["--format", "json"]);
        let (out, _, _) = run("croneval", &json, "");
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(v["expressions"][0]["text"], "a: 0 0 12 * * ?", "{mode:?}");
        assert_eq!(v["expressions"][1]["text"], "b: every 5m", "{mode:?}");
        assert_eq!(
            v["times"][1]["expressions"],
            serde_json::json!([0, 1]),
            "{mode:?}"
        );
    }
    // explain describes the interval as it describes `@every 5m` (its
    // sentence is pinned in tests/explain_cli.rs), echoed with its place and id
    let (out, err, code) = run("cronkit", &["explain", "--input", "watcher", p], "");
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.lines().nth(1).is_some_and(
            |l| l.ends_with(": `b`: Every 5 minutes, counted from when the schedule starts")
        ),
        "{out}"
    );
    // and in JSON with the same `expr` croneval gives it
    let (out, _, _) = run(
        "cronkit",
        &["explain", "--input", "watcher", "--format", "json", p],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v[1]["expr"], "every 5m", "{out}");
    assert_eq!(v[1]["interval_seconds"], 300, "{out}");
    assert_eq!(v[1]["dialect"], "interval", "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------------ Nuxeo XML

/// Before: `convert scheduler-contrib.xml` read every XML line as a cron
/// expression. After: the `<cronExpression>`s, read as Quartz.
#[test]
fn convert_reads_nuxeo_xml() {
    let path = fixture("scheduler-contrib.xml");
    let p = path.to_str().expect("utf-8 path");
    let (out, err, code) = run("cronkit", &["convert", p, "--to", "quartz"], "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "0 0 3 1 * ?\t0 0 3 1 * ?\n0 0 9 ? * MON-FRI\t0 0 9 ? * MON-FRI\n"
    );
    // Quartz to classic cron: drop the seconds, `?` becomes `*`
    let (out, err, code) = run(
        "cronkit",
        &["convert", "--input", "nuxeo", p, "--to", "unix"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "0 0 3 1 * ?\t0 3 1 * *\n0 0 9 ? * MON-FRI\t0 9 * * MON-FRI\n"
    );
}

/// Before: `croneval --schedule x.xml` said "invalid JSON". After: the fire
/// times of every `<cronExpression>`, merged.
#[test]
fn croneval_schedule_reads_nuxeo_xml() {
    let path = fixture("scheduler-contrib.xml");
    let p = path.to_str().expect("utf-8 path");
    let (out, err, code) = run(
        "croneval",
        &[
            "--schedule",
            p,
            "--from",
            "2026-11-21T08:30:00Z",
            "-c",
            "7",
            "--format",
            "iso",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("invalid JSON"), "{err}");
    // weekdays at 09:00 from Monday 23 Nov; 03:00 on Tuesday 1 Dec
    assert_eq!(
        out,
        "2026-11-23T09:00:00Z\n2026-11-24T09:00:00Z\n2026-11-25T09:00:00Z\n\
         2026-11-26T09:00:00Z\n2026-11-27T09:00:00Z\n2026-11-30T09:00:00Z\n\
         2026-12-01T03:00:00Z\n"
    );
}

/// Nuxeo runs Quartz 2.3.2, which skips a wall time inside a DST gap
/// (EDGE-CASES.md row 14: `0 30 2 * * ?` in New York from 2026-03-06 fires
/// 03-06, 03-07, 03-09, ...). A Quartz expression on the command line keeps
/// Elasticsearch's `shift` (03-08 at 03:30 EDT).
#[test]
fn nuxeo_schedules_keep_quartz_dst() {
    let path = fixture("nightly-contrib.xml");
    let p = path.to_str().expect("utf-8 path");
    let common = [
        "--tz",
        "America/New_York",
        "--from",
        "2026-03-06T00:00:00Z",
        "-c",
        "5",
        "--format",
        "iso",
    ];
    let mut args = vec!["--schedule", p];
    args.extend(common);
    let (out, err, code) = run("croneval", &args, "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "2026-03-06T02:30:00-05:00\n2026-03-07T02:30:00-05:00\n2026-03-09T02:30:00-04:00\n\
         2026-03-10T02:30:00-04:00\n2026-03-11T02:30:00-04:00\n"
    );
    let mut args = vec!["0 30 2 * * ?"];
    args.extend(common);
    let (out, _, _) = run("croneval", &args, "");
    assert!(out.contains("2026-03-08T03:30:00-04:00\n"), "{out}");
}

#[test]
fn explain_reads_nuxeo_xml() {
    let path = fixture("scheduler-contrib.xml");
    let p = path.to_str().expect("utf-8 path");
    let (out, err, code) = run("cronkit", &["explain", "--input", "auto", p], "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "{p}:6: 0 0 3 1 * ?: {}\n{p}:10: 0 0 9 ? * MON-FRI: {}\n",
            sentence("0 0 3 1 * ?", "quartz"),
            sentence("0 0 9 ? * MON-FRI", "quartz")
        )
    );
}

// ------------------------------------------------------------------ hostile text

/// Text from a document reaches the terminal escaped: no raw escape sequence,
/// no line that starts a forged workflow command.
#[test]
fn document_text_is_sanitised() {
    let crontab = "0 0 * * * \x1b[31mred\n::error::forged 0 * * *\n";
    for (bin, args) in [
        ("cronkit", vec!["explain", "--input", "crontab", "-"]),
        ("croneval", vec!["--input", "crontab", "-", "-c", "1"]),
    ] {
        let (out, err, _) = run(bin, &args, crontab);
        for text in [&out, &err] {
            assert!(!text.contains('\x1b'), "{bin}: {text:?}");
            assert!(
                !text.lines().any(|l| l.starts_with("::")),
                "{bin}: {text:?}"
            );
        }
    }
}
