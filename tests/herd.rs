//! The `herd` rule of `cronkit validate` (issue 15): across every schedule one run
//! reads, more than `--herd-threshold` (default 10) firing in the same minute.
//!
//! The fixture repository `tests/fixtures/herd/` holds twelve jobs that start at
//! midnight UTC, one or two per file, in files of seven kinds (see its README). The
//! expected members below were listed by hand from the fixture files (path and the
//! line of each schedule), not from cronkit's output. "Now" is Monday 2026-11-23
//! (winter: Paris is UTC+1, so the Paris CronJob at 01:00 runs at 00:00 UTC) or
//! Monday 2026-07-06 (summer: UTC+2, it runs at 23:00 UTC and leaves the herd).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const WINTER: &str = "2026-11-23";
const SUMMER: &str = "2026-07-06";

/// The twelve midnight-UTC schedules, in path order: (path, line).
const MIDNIGHT: [(&str, u64); 12] = [
    (".github/workflows/nightly.yml", 4), // - cron: '0 0 * * *'
    ("Jenkinsfile", 4),                   // cron('0 0 * * *')
    ("aws/template.yaml", 6),             // ScheduleExpression: cron(0 0 * * ? *)
    ("crontabs/backup.cron", 2),          // 0 0 * * * /usr/local/bin/backup
    ("crontabs/cleanup.cron", 1),         // 0 0 * * * /usr/bin/cleanup --old
    ("crontabs/logrotate.cron", 1),       // @daily ...
    ("deploy/cronjob-paris.yaml", 6),     // "0 1 * * *", timeZone: Europe/Paris
    ("deploy/cronjob.yaml", 6),           // "0 0 * * *" (sync)
    ("deploy/cronjob.yaml", 14),          // "0 0 * * *" (index)
    ("etc/cron.d/reports", 2),            // 0 0 * * * root /opt/reports/run
    ("nuxeo/scheduler-contrib.xml", 6),   // <cronExpression>0 0 0 * * ?</cronExpression>
    ("watches/nightly.json", 4),          // "cron": "0 0 0 * * ?"
];

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/herd")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `cronkit validate --now NOW ARGS` inside the fixture (no path: the fixture is
/// walked and shown without `./`).
fn validate(now: &str, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_cronkit"))
        .current_dir(fixture())
        .args(["validate", "--now", now])
        .args(args)
        .output()
        .expect("run cronkit");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The herd findings of a JSON run.
fn herds(run: &Run) -> Vec<Value> {
    let v: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    v.as_array()
        .expect("an array")
        .iter()
        .filter(|f| f["code"] == "herd")
        .cloned()
        .collect()
}

/// `path:line` names as the message lists them.
fn names(members: &[(&str, u64)]) -> Vec<String> {
    members.iter().map(|(p, l)| format!("{p}:{l}")).collect()
}

#[test]
fn twelve_midnight_jobs_in_twelve_files_are_one_herd() {
    let run = validate(WINTER, &["--format", "json"]);
    assert_eq!(run.code, 0, "a warning does not fail: {}", run.stderr);
    let found = herds(&run);
    assert_eq!(found.len(), 1, "{found:?}");
    let h = &found[0];
    // reported once, at the first schedule in path order: `0 0 * * *` at line 4,
    // column 14 (after `    - cron: '`), the whole expression underlined
    assert_eq!(h["path"], ".github/workflows/nightly.yml");
    assert_eq!(
        (h["line"].as_u64(), h["column"].as_u64()),
        (Some(4), Some(14))
    );
    assert_eq!(h["end_column"].as_u64(), Some(22));
    assert_eq!(h["severity"], "warning");
    assert_eq!(h["expression"], "0 0 * * *");
    // every midnight of the week from Monday 23 November; the first eight named
    let listed = names(&MIDNIGHT[..8]).join(", ");
    assert_eq!(
        h["message"],
        format!("12 schedules fire in the same minute, 7 times in the week checked (first Mon 23 Nov 2026 00:00 UTC): {listed} and 4 more")
    );
    let help = h["help"].as_str().unwrap();
    assert!(help.contains("`H 0 * * *`"), "{help}");
    assert!(help.contains("cronkit convert --spread"), "{help}");
    // the crontab entry at 02:30 and Jenkins' `H 0 * * *` are checked, not herded
    assert!(
        run.stderr.contains("checked 14 expressions in 12 files"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_threshold_is_more_than_n() {
    // twelve schedules: a herd for N = 11, none for N = 12
    assert_eq!(
        herds(&validate(
            WINTER,
            &["--format", "json", "--herd-threshold", "11"]
        ))
        .len(),
        1
    );
    let run = validate(WINTER, &["--format", "json", "--herd-threshold", "12"]);
    assert!(herds(&run).is_empty(), "{}", run.stdout);
    // below the default: the three crontabs alone
    let run = validate(WINTER, &["--format", "json", "crontabs"]);
    assert!(herds(&run).is_empty(), "{}", run.stdout);
    // with --herd-threshold 2 they are a herd, joined by an -e expression
    let run = validate(
        WINTER,
        &[
            "--format",
            "json",
            "--herd-threshold",
            "2",
            "-e",
            "0 0 * * *",
            "crontabs",
        ],
    );
    let found = herds(&run);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["path"], "<argument 1>");
    let members = [
        ("<argument 1>", 1),
        ("crontabs/backup.cron", 2),
        ("crontabs/cleanup.cron", 1),
        ("crontabs/logrotate.cron", 1),
    ];
    assert_eq!(
        found[0]["message"],
        format!("4 schedules fire in the same minute, 7 times in the week checked (first Mon 23 Nov 2026 00:00 UTC): {}", names(&members).join(", "))
    );
    // 0 is not a threshold
    assert_eq!(validate(WINTER, &["--herd-threshold", "0"]).code, 2);
}

#[test]
fn zones_are_compared_as_utc_instants() {
    // summer: Paris is UTC+2, its 01:00 job runs at 23:00 UTC, eleven remain
    let found = herds(&validate(SUMMER, &["--format", "json"]));
    assert_eq!(found.len(), 1, "{found:?}");
    let mut summer: Vec<(&str, u64)> = MIDNIGHT.to_vec();
    summer.retain(|(p, _)| *p != "deploy/cronjob-paris.yaml");
    assert_eq!(
        found[0]["message"],
        format!("11 schedules fire in the same minute, 7 times in the week checked (first Mon 6 Jul 2026 00:00 UTC): {} and 3 more", names(&summer[..8]).join(", "))
    );
    // --tz is the zone of schedules that do not name their own: all the others move
    // to 00:00 in New York (05:00 UTC); Paris stays where it was, alone
    let run = validate(WINTER, &["--format", "json", "--tz", "America/New_York"]);
    let found = herds(&run);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("11 schedules fire in the same minute, 7 times in the week checked (first Mon 23 Nov 2026 05:00 UTC)"));
    assert!(!found[0]["message"]
        .as_str()
        .unwrap()
        .contains("cronjob-paris"));
    // two -e expressions in different zones meet when their instants do:
    // 11 at 00:00 UTC, and the twelfth... is Paris at 01:00, the same instant
    let mut args = vec!["--format", "json", "--herd-threshold", "11"];
    for _ in 0..11 {
        args.extend(["-e", "0 0 * * *"]);
    }
    args.push("deploy/cronjob-paris.yaml");
    let found = herds(&validate(WINTER, &args));
    assert_eq!(found.len(), 1);
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("12 schedules"));
}

#[test]
fn allow_and_deny() {
    let run = validate(WINTER, &["--format", "json", "--allow", "herd"]);
    assert_eq!(run.code, 0);
    assert!(herds(&run).is_empty());
    let run = validate(WINTER, &["--format", "json", "--deny", "warnings"]);
    assert_eq!(run.code, 1);
    let found = herds(&run);
    assert_eq!(found[0]["severity"], "error");
}

#[test]
fn text_github_and_sarif() {
    let run = validate(WINTER, &["--color", "never"]);
    assert!(run.stdout.contains(
        ".github/workflows/nightly.yml:4:14: warning[herd]: 12 schedules fire in the same minute"
    ), "{}", run.stdout);
    assert!(
        run.stdout.contains("  | 0 0 * * *\n  | ^^^^^^^^^\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("0 errors, 1 warning, 1 note"),
        "{}",
        run.stdout
    );

    let run = validate(WINTER, &["--format", "github"]);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("title=cronkit herd::"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(line.starts_with(
        "::warning file=.github/workflows/nightly.yml,line=4,col=14,endColumn=22,title=cronkit herd::12 schedules"
    ), "{line}");

    let run = validate(WINTER, &["--format", "sarif"]);
    let log: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let sarif_run = &log["runs"][0];
    let rules = sarif_run["tool"]["driver"]["rules"].as_array().unwrap();
    let results: Vec<&Value> = sarif_run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "herd")
        .collect();
    assert_eq!(results.len(), 1);
    let r = results[0];
    assert_eq!(
        rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "herd"
    );
    assert_eq!(r["level"], "warning");
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        ".github/workflows/nightly.yml"
    );
    assert_eq!(loc["region"]["startLine"], 4);
    assert_eq!(loc["region"]["startColumn"], 14);
}

#[test]
fn past_the_cap_the_rest_is_checked_but_not_compared() {
    // more schedules than the collector keeps (100 000): every line is still
    // checked, the herd is counted from the first 100 000, and a note says so
    let dir = std::env::temp_dir().join(format!("cronkit-herd-cap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("many.txt");
    std::fs::write(&file, "0 0 * * *\n".repeat(100_005)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cronkit"))
        .args([
            "validate", "--now", WINTER, "--format", "json", "--input", "lines",
        ])
        .arg(&file)
        .output()
        .expect("run cronkit");
    let _ = std::fs::remove_dir_all(&dir);
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("checked 100005 expressions"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("note: herd: only the first 100000 schedules read (10000 different ones) were compared for herds; 5 more were checked but not compared"),
        "{}",
        run.stderr
    );
    let found = herds(&run);
    assert_eq!(found.len(), 1);
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("100000 schedules fire in the same minute"));
}
