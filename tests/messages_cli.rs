//! Issue 14, "every message right, every input where users have it": each case
//! the issue lists under "Why", run as a user runs it. Every test names what the
//! tool did before ("Before:") and asserts what it does now.
//!
//! Elasticsearch facts relied on: `PUT _watcher` and `elasticsearch-croneval`
//! parse with Quartz's grammar (`<seconds> <minutes> <hours> <day_of_month>
//! <month> <day_of_week> [year]`, Watcher's cron schedule documentation), so a
//! 5-field Unix expression or `@daily` is refused there; the tool's synopsis is
//! `elasticsearch-croneval <expression> [-c, --count <integer>] [-h, --help]
//! ([-s, --silent] | [-v, --verbose])`, and like every Elasticsearch command-line
//! tool it takes `-E <KeyValuePair>` settings.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;

const FROM: &str = "2026-11-21T08:30:00Z";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(bin: &str, args: &[&str], dir: Option<&PathBuf>, stdin: Option<&str>) -> Out {
    let mut c = Command::new(match bin {
        "croneval" => env!("CARGO_BIN_EXE_croneval"),
        _ => env!("CARGO_BIN_EXE_cronkit"),
    });
    c.env("TZ", "UTC")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(args);
    if let Some(d) = dir {
        c.current_dir(d);
    }
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let o = c.output().expect("runs");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn croneval(args: &[&str]) -> Out {
    run_in("croneval", args, None, None)
}

fn cronkit(args: &[&str]) -> Out {
    run_in("cronkit", args, None, None)
}

/// A scratch directory with two files in it (what an unquoted `*` expands to).
fn dir_with_files(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cronkit-messages-{name}-{}", std::process::id()));
    fs::create_dir_all(&d).expect("temp dir");
    fs::write(d.join("notes.txt"), "x").expect("file");
    fs::write(d.join("report.csv"), "x").expect("file");
    d
}

// ------------------------------------------------------------ croneval is Elasticsearch's

/// Before: `croneval '*/5 * * * *'` and `croneval @daily` printed "Valid!" (the
/// default dialect was `auto`), though Elasticsearch refuses both.
#[test]
fn croneval_binary_reads_quartz_like_elasticsearch() {
    for expr in ["*/5 * * * *", "@daily"] {
        let o = croneval(&[expr, "--from", FROM]);
        assert_eq!(o.code, 1, "{expr}: {}", o.stderr);
        assert!(!o.stdout.contains("Valid!"), "{expr}: {}", o.stdout);
        assert!(o.stderr.contains("error["), "{expr}: {}", o.stderr);
        assert!(o.stderr.contains("--dialect unix"), "{expr}: {}", o.stderr);
    }
    // `cronkit croneval` keeps the automatic choice
    let o = cronkit(&["croneval", "*/5 * * * *", "--from", FROM, "-c", "1"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.starts_with("Valid!\n"), "{}", o.stdout);
    // and so does the croneval binary when asked
    let o = croneval(&["@daily", "--dialect", "auto", "--from", FROM, "-c", "1"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.contains("1.\tSun, 22 Nov 2026 00:00:00"),
        "{}",
        o.stdout
    );
    // Quartz text is unchanged
    let o = croneval(&["0 0/1 * * * ?", "--from", FROM, "-c", "1"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.starts_with("Valid!\n"));
}

#[test]
fn croneval_help_shows_the_quartz_default() {
    let o = croneval(&["--help"]);
    assert!(o.stdout.contains("[default: quartz]"), "{}", o.stdout);
    let o = cronkit(&["croneval", "--help"]);
    assert!(o.stdout.contains("[default: auto]"), "{}", o.stdout);
}

/// Before: `-s`, `--silent`, `-v`, `--verbose` and `-E` were refused with exit 2.
#[test]
fn elasticsearch_options_are_accepted() {
    // --silent: nothing on stdout, the status answers
    for flag in ["-s", "--silent"] {
        let o = croneval(&[flag, "0 0/1 * * * ?", "--from", FROM]);
        assert_eq!((o.code, o.stdout.as_str(), o.stderr.as_str()), (0, "", ""));
        let o = croneval(&[flag, "0 0 12 1 * MON"]);
        assert_eq!(o.code, 1);
        assert_eq!(o.stdout, "");
        assert!(o.stderr.contains("error[both-day-fields]"), "{}", o.stderr);
        // a schedule in the past: Elasticsearch's message, even when silent
        let o = croneval(&[flag, "0 0 0 1 1 ? 2020", "--from", FROM]);
        assert_eq!(o.code, 1);
        assert_eq!(o.stdout, "");
        assert!(
            o.stderr.contains("Could not compute future times"),
            "{}",
            o.stderr
        );
    }
    // --verbose: the same output, and a note saying it adds nothing
    let plain = croneval(&["0 0/1 * * * ?", "--from", FROM, "-c", "2"]);
    for flag in ["-v", "--verbose"] {
        let o = croneval(&[flag, "0 0/1 * * * ?", "--from", FROM, "-c", "2"]);
        assert_eq!(o.code, 0);
        assert_eq!(o.stdout, plain.stdout);
        assert!(o.stderr.starts_with("note: --verbose"), "{}", o.stderr);
    }
    // -E key=value: ignored with a note; a malformed one is a usage error, as in
    // Elasticsearch ("setting [x] must be of the form key=value")
    let o = croneval(&[
        "-E",
        "path.home=/tmp",
        "0 0/1 * * * ?",
        "--from",
        FROM,
        "-c",
        "2",
    ]);
    assert_eq!(o.code, 0);
    assert_eq!(o.stdout, plain.stdout);
    assert!(
        o.stderr.contains("-E path.home=/tmp is ignored"),
        "{}",
        o.stderr
    );
    let o = croneval(&["-E", "nonsense", "0 0/1 * * * ?"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("must be of the form key=value"),
        "{}",
        o.stderr
    );
    // -s and -v together are refused, as Elasticsearch refuses them
    let o = croneval(&["-s", "-v", "0 0/1 * * * ?"]);
    assert_eq!(o.code, 2);
}

// ------------------------------------------------------------ argument shapes

/// Before: `croneval 0 0/1 \* \* \* ?` printed six "found 1" field-count
/// diagnostics and no word about quoting.
#[test]
fn an_expression_split_by_the_shell_is_put_back_together() {
    let o = croneval(&["0", "0/1", "*", "*", "*", "?"]);
    assert_eq!(o.code, 2);
    assert_eq!(o.stdout, "");
    assert!(!o.stderr.contains("found 1"), "{}", o.stderr);
    assert_eq!(o.stderr.matches("error").count(), 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("arrived as 6 separate arguments")
            && o.stderr
                .contains("quote the expression: croneval '0 0/1 * * * ?'"),
        "{}",
        o.stderr
    );
    let o = cronkit(&["explain", "0", "12", "*", "*", "1-5"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("quote the expression: cronkit explain '0 12 * * 1-5'"),
        "{}",
        o.stderr
    );
    // several quoted expressions are not a split one
    let o = croneval(&[
        "0 0 9 ? * MON-FRI",
        "0 0 12 ? * SAT",
        "--from",
        FROM,
        "-c",
        "1",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
}

/// An unquoted `*` is replaced by the file names of the directory: say so and
/// rebuild the expression with its `*`s.
#[test]
fn a_star_expanded_to_file_names_is_recognised() {
    let d = dir_with_files("glob");
    // what `croneval 0 0/1 * * * ?` becomes in a directory with two files
    let args = [
        "0",
        "0/1",
        "notes.txt",
        "report.csv",
        "notes.txt",
        "report.csv",
        "notes.txt",
        "report.csv",
        "?",
    ];
    let o = run_in("croneval", &args, Some(&d), None);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr.contains("file names here (notes.txt, report.csv)"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("croneval '0 0/1 * * * ?'"),
        "{}",
        o.stderr
    );
    let _ = fs::remove_dir_all(&d);
}

/// Before: `cronkit convert "0 12 * * 1-5"` said "No such file or directory" and
/// nothing about `-e`.
#[test]
fn convert_given_an_expression_points_at_dash_e() {
    let o = cronkit(&["convert", "0 12 * * 1-5"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("pass it with `-e`: cronkit convert -e '0 12 * * 1-5'"),
        "{}",
        o.stderr
    );
    // split by the shell as well
    let o = cronkit(&["convert", "0", "12", "*", "*", "1-5"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("cronkit convert -e '0 12 * * 1-5'"),
        "{}",
        o.stderr
    );
    // a real missing file gets no such hint
    let o = cronkit(&["convert", "no-such-file.json"]);
    assert_eq!(o.code, 2);
    assert!(!o.stderr.contains("-e"), "{}", o.stderr);
}
