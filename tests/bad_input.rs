//! Bad input for every subcommand: malformed expressions, malformed JSON and XML,
//! wrong types, huge numbers, huge and empty files, non-UTF-8 bytes, a closed
//! stdout. Each case asserts the exit code (0 ok, 1 a failing result, 2 a usage
//! error or unreadable input; SPEC §4, §6) and that the message names the problem
//! (the file, the line, the JSON path, the option...). No case may panic: every
//! run has `RUST_BACKTRACE=1`, so a panic would show a backtrace, and stderr is
//! checked for one.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin(name: &str) -> PathBuf {
    PathBuf::from(match name {
        "croneval" => env!("CARGO_BIN_EXE_croneval"),
        _ => env!("CARGO_BIN_EXE_cronkit"),
    })
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn no_panic(args: &[String], stderr: &str) {
    for sign in [
        "panicked",
        "stack backtrace",
        "RUST_BACKTRACE",
        "note: run with",
    ] {
        assert!(
            !stderr.contains(sign),
            "{args:?}: a panic ({sign:?}) in stderr:\n{stderr}"
        );
    }
}

fn run_in(dir: Option<&Path>, program: &str, args: &[&str], stdin: &[u8]) -> Out {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut cmd = Command::new(bin(program));
    cmd.args(&args)
        .env("RUST_BACKTRACE", "1")
        .env("TZ", "UTC")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("start the binary");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = input.write_all(&data); // the program may not read it all
    });
    let out = child.wait_with_output().expect("run the binary");
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    no_panic(&args, &stderr);
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    }
}

fn cronkit(args: &[&str]) -> Out {
    run_in(None, "cronkit", args, b"")
}

fn expect(out: &Out, code: i32, needles: &[&str], what: &str) {
    let all = format!("{}{}", out.stderr, out.stdout);
    assert_eq!(
        out.code, code,
        "{what}: exit code\nstdout:\n{}\nstderr:\n{}",
        out.stdout, out.stderr
    );
    for n in needles {
        assert!(
            all.contains(n),
            "{what}: the output does not name {n:?}\nstdout:\n{}\nstderr:\n{}",
            out.stdout,
            out.stderr
        );
    }
}

/// A scratch directory under the target dir, removed at the end of the test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("cronkit-bad-input-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }
    fn file(&self, name: &str, data: &[u8]) -> String {
        let p = self.0.join(name);
        fs::write(&p, data).expect("write a scratch file");
        p.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------- croneval

#[test]
fn croneval_malformed_expressions_exit_1_with_the_code_and_field() {
    let cases: &[(&str, &[&str])] = &[
        ("", &["empty-expression"]),
        ("   ", &["empty-expression"]),
        ("0 0 12 1 * MON", &["both-day-fields"]),
        ("0 0 0 ? * MON-FRI/2", &["step-on-name"]),
        ("* * * *", &["error["]),
        ("0 0 0 30 2 ? 2300", &["value-out-of-range", "year"]),
        // huge numbers: named, with the field, not an overflow
        (
            "99999999999999999999 * * * * ?",
            &["value-out-of-range", "second"],
        ),
        (
            "0 0 0 1 1 ? 184467440737095516161",
            &["value-out-of-range", "year"],
        ),
        ("*/4294967297 * * * *", &["error[", "minute"]),
        ("0 0 0 ? * 1#99999999999", &["bad-nth", "#99999999999"]),
        // control characters are reported, not echoed raw
        ("0 0 0\u{1b}[31m ? * MON", &["\\u{1b}"]),
        ("@weekly\u{7}", &["unknown-nickname", "\\u{7}"]),
        ("\u{feff}0 0 12 * * ?", &["error["]),
        ("0 0 0 ? * MÖN", &["error["]),
    ];
    for (expr, needles) in cases {
        let out = cronkit(&["croneval", expr]);
        expect(&out, 1, needles, &format!("croneval {expr:?}"));
        assert!(
            !out.stderr.contains('\u{1b}'),
            "{expr:?}: raw ESC in stderr"
        );
        assert!(out.stdout.is_empty(), "{expr:?}: nothing on stdout");
    }
}

#[test]
fn croneval_huge_expressions_answer_at_once() {
    let many_fields = "* ".repeat(10_000);
    let long_list = format!("{}1 * * * * ?", "1,".repeat(60_000));
    let deep_range = format!("0 0 0 ? * {}", "MON-".repeat(20_000));
    for (name, expr, code) in [
        ("10 000 fields", many_fields.as_str(), "too-many-fields"),
        ("a 120 KB list", long_list.as_str(), "too-many-items"),
        ("a long chain of ranges", deep_range.as_str(), "error["),
    ] {
        let started = Instant::now();
        let out = cronkit(&["croneval", expr, "--from", "2026-01-01T00:00:00Z"]);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{name}: too slow"
        );
        expect(&out, 1, &[code], name);
        // the excerpt is cut, not 10 000 fields wide
        assert!(
            out.stderr.len() < 2_000,
            "{name}: {} bytes of stderr",
            out.stderr.len()
        );
    }
}

#[test]
fn croneval_usage_errors_exit_2_and_name_the_option() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["--from", "2026-13-45"], &["--from", "2026-13-45"]),
        (&["--from", ""], &["--from"]),
        (&["--until", "yesterday"], &["--until", "yesterday"]),
        (&["--until", "1960-01-01"], &["--until"]),
        (&["--tz", "Mars/Olympus"], &["--tz", "Mars/Olympus"]),
        (&["--tz", "+25:00"], &["--tz", "+25:00"]),
        // a multi-byte character where an offset's digits go (a panic once)
        (&["--tz", "+\u{fffd}3"], &["--tz", "\u{fffd}3"]),
        (&["--tz", "GMT-3\u{e9}"], &["--tz"]),
        (&["--dst", "sometimes"], &["--dst", "sometimes"]),
        (&["-c", "0"], &["--count"]),
        (&["-c", "-5"], &["-5"]),
        (&["-c", "99999999999999999999999"], &["--count"]),
        (&["--format", "yaml"], &["--format", "yaml"]),
        (&["--dialect", "cobol"], &["--dialect", "cobol"]),
    ];
    for (extra, needles) in cases {
        let mut args = vec!["croneval", "0 0 12 * * ?"];
        args.extend_from_slice(extra);
        expect(&cronkit(&args), 2, needles, &format!("{extra:?}"));
    }
    // a long --from is cut in the message
    let long = "9".repeat(100_000);
    let out = cronkit(&["croneval", "* * * * *", "--from", &long]);
    expect(&out, 2, &["--from"], "100 000-digit --from");
    assert!(out.stderr.len() < 1_000, "{} bytes", out.stderr.len());
}

#[test]
fn croneval_times_at_the_ends_of_the_range() {
    // far future and past starts are answered, not overflowed
    for (args, code, needles) in [
        (
            vec!["* * * * *", "--from", "9999-12-31T23:59:59Z"],
            1,
            vec!["Could not compute future times"],
        ),
        (
            vec!["* * * * *", "--from", "0001-01-01T00:00:00Z", "--prev"],
            1,
            vec!["Could not compute past times"],
        ),
        (
            vec!["* * * * *", "--from", "0001-01-01T00:00:00Z", "-c", "1"],
            0,
            vec!["Thu, 1 Jan 1970 00:00:00"],
        ),
        (
            vec![
                "0 0 0 1 1 ?",
                "--from",
                "9999-01-01",
                "--prev",
                "-c",
                "1",
                "--tz",
                "Australia/Lord_Howe",
            ],
            0,
            vec!["2199"],
        ),
    ] {
        let mut a = vec!["croneval"];
        a.extend(args.iter().copied());
        expect(&cronkit(&a), code, &needles, &format!("{args:?}"));
    }
}

#[test]
fn croneval_non_utf8_argument_is_a_usage_error() {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let arg = std::ffi::OsStr::from_bytes(b"0 0 12 \xff * ?");
        let out = Command::new(bin("cronkit"))
            .arg("croneval")
            .arg(arg)
            .env("RUST_BACKTRACE", "1")
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        no_panic(&[], &stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("UTF-8"), "{stderr}");
    }
}

/// `-c 10000000 | head`: the reader goes away; cronkit notices at once and exits 0.
#[test]
fn closed_stdout_ends_at_once() {
    for (program, args) in [
        ("croneval", vec!["* * * * * ?", "-c", "10000000"]),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "10000000", "--format", "iso"],
        ),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "10000000", "--format", "table"],
        ),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "10000000", "--format", "calendar"],
        ),
        (
            "croneval",
            vec!["* * * * * ?", "-c", "10000000", "--format", "json"],
        ),
        ("cronkit", vec!["man"]),
        (
            "cronkit",
            vec!["explain", "* * * * * ?", "--next", "100000"],
        ),
        ("cronkit", vec!["completions", "bash"]),
    ] {
        let started = Instant::now();
        let mut child = Command::new(bin(program))
            .args(&args)
            .env("RUST_BACKTRACE", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = [0u8; 64];
        let _ = stdout.read(&mut first);
        drop(stdout); // like `head` exiting
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("read stderr");
        let status = child.wait().expect("wait");
        no_panic(&[], &stderr);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{args:?}: still writing after the reader left"
        );
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_unreadable_inputs_exit_2_and_name_the_file() {
    let s = Scratch::new("unreadable");
    let missing = s.0.join("missing.txt").to_string_lossy().into_owned();
    let dir = s.0.to_string_lossy().into_owned();
    expect(
        &cronkit(&["validate", "-f", &missing]),
        2,
        &["missing.txt"],
        "missing file",
    );
    // a directory is walked (issue 13), not an unreadable file
    expect(
        &cronkit(&["validate", &dir]),
        0,
        &["checked 0 expressions"],
        &dir,
    );
    expect(
        &cronkit(&["validate", "-f", "x.txt", "--input", "excel"]),
        2,
        &["--input", "excel"],
        "unknown input kind",
    );
}

#[test]
fn validate_empty_files_are_clean() {
    let s = Scratch::new("empty");
    for name in ["empty.txt", "crontab", "empty.xml"] {
        let f = s.file(name, b"");
        expect(
            &cronkit(&["validate", "-f", &f]),
            0,
            &["checked 0 expressions"],
            name,
        );
    }
    // an empty JSON document is not a schedule document
    let f = s.file("empty.json", b"");
    expect(
        &cronkit(&["validate", "-f", &f, "--input", "watcher"]),
        1,
        &["empty.json", "no-schedule"],
        "empty JSON",
    );
    // stdin, empty
    let out = run_in(None, "cronkit", &["validate", "-f", "-"], b"");
    expect(&out, 0, &["checked 0 expressions"], "empty stdin");
}

#[test]
fn validate_names_file_line_and_column() {
    let s = Scratch::new("positions");
    let cases: Vec<(String, Vec<&str>, &str)> = vec![
        (s.file("bad.txt", b"0 0 * * *\n  0 0 12 1 * MON\n"), vec!["bad.txt:2:", "both-day-fields"], "lines"),
        (s.file("utf8.txt", b"0 0 * * *\n\xff\xfe\n0 1 * * *\n"), vec!["utf8.txt:2:1", "invalid-utf8"], "non-UTF-8 line"),
        (s.file("jobs.crontab", b"MAILTO=x\n0 0 * * * /bin/ok\n61 0 * * * /bin/bad\n"), vec!["jobs.crontab:3:1", "value-out-of-range"], "crontab"),
        (s.file("types.json", br#"{"trigger":{"schedule":{"daily":{"at":5}}}}"#), vec!["types.json:1:", "trigger.schedule.daily.at", "number 5"], "wrong type"),
        (s.file("trunc.json", b"{\"trigger\": {\n  \"schedule\": "), vec!["trunc.json:2:", "json-unexpected-end"], "truncated JSON"),
        (s.file("bad.json", b"{\"trigger\": {\"schedule\": {\"cron\": \"0 0 12 * * ?\",}}}"), vec!["bad.json:1:", "JSON"], "trailing comma"),
        (s.file("range.json", br#"{"trigger":{"schedule":{"hourly":{"minute":[0,99999999999999999999999]}}}}"#), vec!["range.json:1:", "trigger.schedule.hourly.minute"], "huge number in JSON"),
        (s.file("deep.json", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).as_bytes()), vec!["deep.json:1:", "deep"], "deep nesting"),
        (s.file("bad.xml", b"<schedule id=\"a\">\n<cronExpression>0 0 0 * * ?</cronExpr"), vec!["bad.xml:2:", "malformed-xml"], "truncated XML"),
        (s.file("cron.xml", b"<schedule id=\"a\">\n  <cronExpression>0 0 25 * * ?</cronExpression>\n</schedule>"), vec!["cron.xml:2:", "value-out-of-range"], "bad expression in XML"),
    ];
    for (file, needles, what) in &cases {
        let out = cronkit(&["validate", "-f", file]);
        expect(&out, 1, needles, what);
    }
    // binary junk: one note that it was skipped, not one error per line
    let junk = s.file(
        "junk.bin",
        &(0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect::<Vec<_>>(),
    );
    let out = cronkit(&["validate", "-f", &junk]);
    expect(
        &out,
        0,
        &["junk.bin: skipped: a binary file"],
        "binary junk",
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

#[test]
fn validate_huge_inputs() {
    let s = Scratch::new("huge");
    // one 3 MB line: over the 1 MB line limit; the next line is still read
    let mut long = vec![b'*'; 3 << 20];
    long.extend_from_slice(b"\n0 0 12 1 * MON\n");
    let f = s.file("long-line.txt", &long);
    let started = Instant::now();
    let out = cronkit(&["validate", "-f", &f]);
    expect(
        &out,
        1,
        &[
            "long-line.txt:1:",
            "longer than",
            "long-line.txt:2:",
            "both-day-fields",
        ],
        "a 3 MB line",
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    // 200 000 lines of good and bad expressions, streamed
    let mut text = String::with_capacity(4 << 20);
    for i in 0..200_000 {
        text.push_str(if i == 150_000 {
            "0 0 0 30 2 ?\n"
        } else {
            "*/5 * * * *\n"
        });
    }
    let f = s.file("many.txt", text.as_bytes());
    let out = cronkit(&["validate", "-f", &f]);
    expect(
        &out,
        1,
        &[
            "many.txt:150001:",
            "never-fires",
            "checked 200000 expressions",
        ],
        "200 000 lines",
    );
    // a 5 MB JSON string
    let doc = format!(
        r#"{{"trigger":{{"schedule":{{"cron":"{}"}}}}}}"#,
        "* ".repeat(2_500_000)
    );
    let f = s.file("big.json", doc.as_bytes());
    let out = cronkit(&["validate", "-f", &f]);
    expect(
        &out,
        1,
        &["big.json:1:", "too-many-fields"],
        "5 MB cron string",
    );
}

#[test]
fn validate_closed_stdout_and_github_output_stay_clean() {
    let s = Scratch::new("github");
    // a newline in an argument must not start a second workflow command
    let out = cronkit(&[
        "validate",
        "--format",
        "github",
        "-e",
        "0 0 0 ? * MON\n::error::forged",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    for line in out.stdout.lines() {
        assert!(
            !line.starts_with("::error::forged"),
            "forged command: {}",
            out.stdout
        );
    }
    // lots of findings into a pipe that closes
    let mut text = String::new();
    for _ in 0..50_000 {
        text.push_str("0 0 12 1 * MON\n");
    }
    let f = s.file("bad.txt", text.as_bytes());
    let mut child = Command::new(bin("cronkit"))
        .args(["validate", "-f", &f])
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    let _ = stdout.read(&mut first);
    drop(stdout);
    let mut stderr = String::new();
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr);
    let status = child.wait().expect("wait");
    no_panic(&[], &stderr);
    // the findings fail the run either way; what matters is no panic and no hang
    assert!(matches!(status.code(), Some(0..=2)), "{status:?}: {stderr}");
}

#[test]
fn validate_usage_errors_name_the_option() {
    for (args, needles) in [
        (
            vec!["--tz", "Nowhere/Town", "0 0 * * *"],
            vec!["--tz", "Nowhere/Town"],
        ),
        (vec!["--now", "soon", "0 0 * * *"], vec!["--now", "soon"]),
        (
            vec!["--format", "xml", "0 0 * * *"],
            vec!["--format", "xml"],
        ),
        (
            vec!["--deny", "everything", "-e", "0 0 * * *"],
            vec!["--deny", "everything"],
        ),
    ] {
        let mut a = vec!["validate"];
        a.extend(args.iter().copied());
        expect(&cronkit(&a), 2, &needles, &format!("{args:?}"));
    }
}

// ---------------------------------------------------------------- convert

#[test]
fn convert_bad_expressions_and_targets() {
    let cases: &[(&[&str], i32, &[&str])] = &[
        (&["-e", "0 0 12 1 * MON"], 1, &["both-day-fields", "-e"]),
        (&["-e", ""], 1, &["empty-expression"]),
        (
            &["-e", "99999999999999999999 * * * *"],
            1,
            &["value-out-of-range", "99999999999999999999"],
        ),
        (&["-e", "0 0\u{1b}[2J * * *"], 1, &["error["]),
        (
            &["-e", "30 0 12 * * ?", "--to", "unix"],
            1,
            &["seconds-in-unix", "--to ocps"],
        ),
        (&["-e", "@reboot"], 1, &["reboot"]),
        (&["-e", "* * * * *", "--to", "cobol"], 2, &["--to", "cobol"]),
        (
            &["-e", "* * * * *", "--from", "excel"],
            2,
            &["--from", "excel"],
        ),
    ];
    for (args, code, needles) in cases {
        let mut a = vec!["convert"];
        a.extend_from_slice(args);
        let out = cronkit(&a);
        expect(&out, *code, needles, &format!("convert {args:?}"));
        assert!(
            !out.stderr.contains('\u{1b}'),
            "{args:?}: raw ESC in stderr"
        );
    }
}

#[test]
fn convert_bad_files_name_the_file_and_place() {
    let s = Scratch::new("convert");
    let missing = s.0.join("missing.json").to_string_lossy().into_owned();
    let cases: Vec<(String, i32, Vec<&str>, &str)> = vec![
        (missing, 2, vec!["missing.json"], "missing file"),
        (
            s.file("empty.json", b""),
            2,
            vec!["empty.json", "nothing to convert"],
            "empty file",
        ),
        (
            s.file(
                "types.json",
                br#"{"trigger":{"schedule":{"weekly":{"on":["tue",true]}}}}"#,
            ),
            1,
            vec!["types.json:1:", "trigger.schedule.weekly.on[1]"],
            "wrong type",
        ),
        (
            s.file("trunc.json", b"{\n \"trigger\": {\"schedule\": {\"daily\""),
            2,
            vec!["trunc.json:2:", "JSON"],
            "truncated JSON",
        ),
        (
            s.file("junk.bin", &[0xff, 0xfe, 0x00, 0x81, 0x9c, 0xff]),
            2,
            vec!["junk.bin"],
            "binary junk",
        ),
        (
            s.file("iv.json", br#"{"trigger":{"schedule":{"interval":"7m"}}}"#),
            1,
            vec!["iv.json:1:", "trigger.schedule.interval", "7m"],
            "interval with no cron form",
        ),
        (
            s.file(
                "huge.json",
                br#"{"trigger":{"schedule":{"hourly":{"minute":1e999}}}}"#,
            ),
            1,
            vec!["huge.json:1:", "trigger.schedule.hourly.minute"],
            "huge number",
        ),
        (
            s.file(
                "deep.json",
                format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000)).as_bytes(),
            ),
            2,
            vec!["deep.json:1:"],
            "deep nesting",
        ),
        (
            s.file("lines.txt", b"0 0 12 * * ?\n\xff\n"),
            2,
            vec!["lines.txt:2:"],
            "a non-UTF-8 line",
        ),
    ];
    for (file, code, needles, what) in &cases {
        let out = cronkit(&["convert", file]);
        expect(&out, *code, needles, what);
    }
    // empty stdin
    let out = run_in(None, "cronkit", &["convert"], b"");
    expect(&out, 2, &["nothing to convert", "stdin"], "empty stdin");
}

/// JSON is parsed whole, so an endless stdin must hit a limit rather than the
/// machine's memory: 257 MiB of white space through a pipe, in 1 MiB writes.
#[test]
fn endless_json_on_stdin_is_cut_off() {
    for args in [
        vec!["validate", "--input", "watcher", "-f", "-"],
        vec!["convert", "--from", "watcher"],
    ] {
        let mut child = Command::new(bin("cronkit"))
            .args(&args)
            .env("RUST_BACKTRACE", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start");
        let mut stdin = child.stdin.take().expect("stdin");
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..257 {
                if stdin.write_all(&chunk).is_err() {
                    break; // the reader stopped early: fine
                }
            }
        });
        let out = child.wait_with_output().expect("wait");
        let _ = writer.join();
        let stderr = String::from_utf8_lossy(&out.stderr);
        no_panic(&[], &stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("256 MiB"), "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_bad_expressions_and_options() {
    let cases: &[(&[&str], i32, &[&str])] = &[
        (&[""], 1, &["empty-expression"]),
        (&["0 0 12 1 * MON"], 1, &["both-day-fields"]),
        (
            &["99999999999999999999 * * * *"],
            1,
            &["value-out-of-range", "99999999999999999999"],
        ),
        (
            &["0 0 0 ? * 1#99999999999"],
            1,
            &["bad-nth", "#99999999999"],
        ),
        (&["0 0\u{7}12 * * ?"], 1, &["error["]),
        (
            &["* * * * *", "--next", "5", "--tz", "Mars/Olympus"],
            2,
            &["--tz", "Mars/Olympus"],
        ),
        (&["* * * * *", "--next", "-1"], 2, &["-1"]),
        (&["* * * * *", "--format", "yaml"], 2, &["--format", "yaml"]),
        (
            &["* * * * *", "--dialect", "cobol"],
            2,
            &["--dialect", "cobol"],
        ),
    ];
    for (args, code, needles) in cases {
        let mut a = vec!["explain"];
        a.extend_from_slice(args);
        let out = cronkit(&a);
        expect(&out, *code, needles, &format!("explain {args:?}"));
        assert!(!out.stderr.contains('\u{7}'), "{args:?}: raw BEL in stderr");
    }
    // a 100 KB expression: answered, and the message is cut
    let long = format!("0 0 0 ? * {}", "MON-".repeat(25_000));
    let out = cronkit(&["explain", &long]);
    expect(&out, 1, &["error["], "explain of a 100 KB expression");
    assert!(
        out.stderr.len() < 2_000,
        "{} bytes of stderr",
        out.stderr.len()
    );
}

#[test]
fn explain_stdin_names_the_line() {
    // good, non-UTF-8, bad, comment, good: each bad line named, the good ones described
    let out = run_in(
        None,
        "cronkit",
        &["explain", "-"],
        b"0 0 12 * * ?\n\xff\xfe\n0 0 12 1 * MON\n# c\n*/5 * * * *\n",
    );
    expect(
        &out,
        1,
        &["<stdin>:2", "UTF-8", "<stdin>:3", "both-day-fields"],
        "explain -",
    );
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    // one 3 MB line without a newline: skipped with a message, memory bounded
    let mut big = vec![b'*'; 3 << 20];
    big.extend_from_slice(b"\n0 0 12 * * ?\n");
    let out = run_in(None, "cronkit", &["explain", "-"], &big);
    expect(
        &out,
        1,
        &["<stdin>:1", "longer than"],
        "explain - with a 3 MB line",
    );
    assert_eq!(out.stdout.trim(), "0 0 12 * * ?: At 12:00");
    // empty stdin: nothing to explain, nothing failed
    let out = run_in(None, "cronkit", &["explain", "-"], b"");
    assert!(out.code == 0 || out.code == 2, "empty stdin: {}", out.code);
}

// ---------------------------------------------------------------- completions, man

#[test]
fn generators_reject_unknown_names() {
    expect(
        &cronkit(&["completions", "tcsh"]),
        2,
        &["tcsh"],
        "completions tcsh",
    );
    expect(
        &cronkit(&["man", "nonsense"]),
        2,
        &["nonsense"],
        "man nonsense",
    );
    expect(
        &cronkit(&["frobnicate"]),
        2,
        &["frobnicate"],
        "unknown subcommand",
    );
}
