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

// ------------------------------------------------------------ help: lines that are right

/// Run `cronkit validate` on `expr` and return the help lines.
fn helps(args: &[&str]) -> String {
    let mut a = vec!["validate", "--now", "2026-06-01", "--color", "never"];
    // expressions are given with -e (positional arguments are paths, issue 13)
    let takes_value = [
        "--now",
        "--tz",
        "--allow",
        "--format",
        "--input",
        "--dialect",
        "--dst",
        "--deny",
        "-e",
        "--color",
    ];
    let mut prev = "";
    for x in args {
        if !x.starts_with('-') && !takes_value.contains(&prev) {
            a.push("-e");
        }
        a.push(x);
        prev = x;
    }
    let o = cronkit(&a);
    o.stdout
        .lines()
        .filter(|l| l.contains("= help:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Before: "remove the extra comma: `0 0 9 ? * MON WED`" (itself invalid).
#[test]
fn a_space_after_a_comma_is_removed_not_the_comma() {
    let h = helps(&["0 0 9 ? * MON, WED"]);
    assert!(h.contains("remove the space: `0 0 9 ? * MON,WED`"), "{h}");
    let h = helps(&["0 0 12 1, 15 * ?"]);
    assert!(h.contains("remove the space: `0 0 12 1,15 * ?`"), "{h}");
}

/// Before: `skips-short-months` offered `0 0 12 L 2 ?` for February 29 as if it
/// were the same schedule, and told crontab users to write `L`.
#[test]
fn last_day_suggestions_say_they_differ_and_suit_crontabs() {
    let h = helps(&["0 0 12 29 2 ?"]);
    assert!(
        h.contains("`0 0 12 L 2 ?` (a different schedule: February 28 in common years)"),
        "{h}"
    );
    let h = helps(&["--dialect", "unix", "0 0 31 * *"]);
    assert!(h.contains("Vixie cron and cronie have no `L`"), "{h}");
    assert!(h.contains("`0 0 28-31 * *`"), "{h}");
    assert!(h.contains("date -d tomorrow"), "{h}");
}

/// Before: OpenSearch `0 2 * * 1-5 ?` → "write `0 2 * * 1-5 *`" (still six
/// fields, seconds first: every hour at minute 2 from January to May).
#[test]
fn a_question_mark_appended_to_five_fields() {
    let h = helps(&["--dialect", "unix", "0 2 * * 1-5 ?"]);
    assert!(h.contains("with 6 fields the first is the seconds"), "{h}");
    assert!(h.contains("drop the `?`: `0 2 * * 1-5`"), "{h}");
    assert!(!h.contains("`0 2 * * 1-5 *`"), "{h}");
}

/// Before: `0 * ? * 2/1 *` → `0 * * * 2/1 *`, which Quartz refuses (both day
/// fields set).
#[test]
fn a_question_mark_in_the_hour_keeps_the_schedule() {
    let h = helps(&["0 * ? * 2/1 *"]);
    assert!(h.contains("`0 * * ? 2/1 *`"), "{h}");
}

/// Before: Unix `FRI/2` → "write the numbers: `5/2`" (Friday and Sunday).
#[test]
fn a_step_after_a_day_name_is_not_every_other_week() {
    let h = helps(&["--dialect", "unix", "0 0 * * FRI/2"]);
    assert!(h.contains("cannot fire on every other Friday"), "{h}");
    assert!(h.contains("Friday, Sunday (a different schedule)"), "{h}");
    assert!(h.contains("`0 0 * * FRI`"), "{h}");
}

/// Before: "day-of-week 2013 is out of range", nothing about years.
#[test]
fn a_year_in_the_sixth_field() {
    let o = cronkit(&["validate", "-e", "* * * * * 2013"]);
    assert!(
        o.stdout.contains("6 fields start with seconds"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("`0 * * * * ? 2013`"), "{}", o.stdout);
}

/// Before: "names are allowed only in month and day-of-week" for all three.
#[test]
fn misspelt_day_of_month_forms() {
    for (bad, good) in [
        ("0 0 0 WL * ?", "`0 0 0 LW * ?`"),
        ("0 0 0 W1 * ?", "`0 0 0 1W * ?`"),
        ("0 0 0 20-L * ?", "`0 0 0 20-31 * ?`"),
    ] {
        let h = helps(&[bad]);
        assert!(h.contains(good), "{bad}: {h}");
        assert!(!h.contains("names are allowed"), "{bad}: {h}");
    }
}

/// Before: `0 15 6 1 1 ? 1/2` was refused ("year 1 is out of range").
/// Quartz 2.3.2 (`../shared/oracles/quartz/run.sh`, from 2026-01-01T00:00:00Z,
/// UTC) fires it at 2027-01-01T06:15:00Z, 2029-01-01T06:15:00Z,
/// 2031-01-01T06:15:00Z, 2033-01-01T06:15:00Z: odd years; `0/5` at 2030,
/// 2035; `1969/2` as `1/2`.
#[test]
fn a_year_step_counted_from_year_one() {
    let iso = |expr: &str, n: &str| {
        let o = croneval(&[
            expr,
            "--from",
            "2026-01-01T00:00:00Z",
            "-c",
            n,
            "--format",
            "iso",
        ]);
        assert_eq!(o.code, 0, "{expr}: {}", o.stderr);
        o.stdout
    };
    assert_eq!(
        iso("0 15 6 1 1 ? 1/2", "4"),
        "2027-01-01T06:15:00Z\n2029-01-01T06:15:00Z\n2031-01-01T06:15:00Z\n2033-01-01T06:15:00Z\n"
    );
    assert_eq!(
        iso("0 15 6 1 1 ? 0/5", "2"),
        "2030-01-01T06:15:00Z\n2035-01-01T06:15:00Z\n"
    );
    assert_eq!(
        iso("0 15 6 1 1 ? 1969/2", "2"),
        "2027-01-01T06:15:00Z\n2029-01-01T06:15:00Z\n"
    );
    // a step that leaves the range at once: no year fires, and nothing overflows
    let o = croneval(&["0 0 0 * * ? 1/65535", "--from", FROM]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("Could not compute future times"),
        "{}",
        o.stderr
    );
}

/// Before (with `croneval` now reading Quartz): `0 9 * * 1-5` got the help
/// `0 0 9 ? * 1-5`, which is Sunday to Thursday in Quartz.
#[test]
fn unix_text_given_to_quartz_is_converted_not_copied() {
    let o = croneval(&["0 9 * * 1-5"]);
    assert!(o.stderr.contains("`0 0 9 ? * MON-FRI`"), "{}", o.stderr);
    let o = croneval(&["0 12 1 * 1"]);
    assert!(
        o.stderr
            .contains("`0 0 12 1 * ?` and `0 0 12 ? * MON` (together"),
        "{}",
        o.stderr
    );
}

// ------------------------------------------------------------ completions

/// Before: `--tz` and `--allow` completed nothing (free text).
#[test]
fn completions_offer_zones_rules_and_dialects() {
    for shell in ["bash", "zsh", "fish"] {
        let o = cronkit(&["completions", shell]);
        assert_eq!(o.code, 0);
        let s = &o.stdout;
        assert!(
            s.contains("Europe/Paris") && s.contains("America/New_York"),
            "{shell}: --tz"
        );
        assert!(
            s.contains("never-fires") && s.contains("skips-short-months"),
            "{shell}: --allow"
        );
        assert!(
            s.contains("quartz") && s.contains("unix"),
            "{shell}: --dialect"
        );
        let o = cronkit(&["completions", shell, "--croneval"]);
        assert!(o.stdout.contains("Europe/Paris"), "{shell}: croneval --tz");
    }
    // the list does not flood --help, and any zone text is still accepted
    let o = cronkit(&["croneval", "--help"]);
    assert!(!o.stdout.contains("Europe/Berlin"), "{}", o.stdout);
    let o = cronkit(&[
        "croneval",
        "0 0 * * * ?",
        "--tz",
        "+05:30",
        "-c",
        "1",
        "--from",
        FROM,
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
}

/// `--dialect` completes `auto` and every profile of the profile table, by
/// its table name, wherever the option is taken (croneval, explain, validate,
/// and the `croneval` binary). The expected list is read from the table
/// itself: a profile added there and missing from the completions fails here.
#[test]
fn dialect_completion_is_the_profile_table() {
    let names: Vec<&str> = std::iter::once("auto")
        .chain(cronkit::expr::PROFILES.iter().map(|p| p.name))
        .collect();
    assert!(names.len() >= 9, "{names:?}"); // auto + 8 profiles today
    let bash_words = format!("compgen -W \"{}\"", names.join(" "));
    for (args, takers) in [
        (&["completions", "bash"][..], 3),
        (&["completions", "bash", "--croneval"][..], 1),
    ] {
        let o = cronkit(args);
        assert_eq!(o.code, 0, "{}", o.stderr);
        let lines: Vec<&str> = o.stdout.lines().collect();
        let mut seen = 0;
        for (i, l) in lines.iter().enumerate() {
            if l.trim() == "--dialect)" {
                seen += 1;
                assert!(
                    lines[i + 1].contains(&bash_words),
                    "{args:?}: {} (want {bash_words})",
                    lines[i + 1]
                );
            }
        }
        assert_eq!(seen, takers, "{args:?}: --dialect completions");
    }
    // fish: one `complete ... -l dialect ... -a "name\t'help'` entry, a value a
    // line, up to the next `complete`
    let o = cronkit(&["completions", "fish"]);
    let entries: Vec<&str> = o
        .stdout
        .split("\ncomplete ")
        .filter(|c| c.contains("-l dialect "))
        .collect();
    assert_eq!(entries.len(), 3, "{entries:?}");
    for c in entries {
        let values: Vec<&str> = c
            .split("-a \"")
            .nth(1)
            .expect("values")
            .lines()
            .map(|l| l.split("\\t").next().unwrap_or(""))
            .collect();
        assert_eq!(values, names, "fish: {c}");
    }
}
