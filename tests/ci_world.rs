//! `cronkit validate` over a repository that holds every kind of file it
//! reads (issue 13): `tests/fixtures/ci-world/`. Each finding is asserted at
//! its exact `line:column` and code. The positions were counted by hand from
//! the fixture text (the comment beside each row shows the line and where the
//! column lands), not taken from cronkit's output.
//!
//! Also: nothing comes from the binary file, the README prose or the
//! `.gitignore`d folder; bad inputs (broken YAML/JSON, non-UTF-8, huge,
//! unreadable, symlink loops) give one diagnostic each and the walk goes on.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const NOW: &str = "2026-06-01T00:00:00Z";

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cronkit"))
}

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci-world")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn validate_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(bin())
        .current_dir(dir)
        .args(["validate", "--now", NOW])
        .args(args)
        .output()
        .expect("run cronkit");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

type Row = (String, u64, u64, String);

fn rows(json: &str) -> Vec<Row> {
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    v.as_array()
        .expect("an array")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn r(path: &str, line: u64, column: u64, code: &str) -> Row {
    (path.to_string(), line, column, code.to_string())
}

/// Every finding in the fixture repository, in output order (files sorted by
/// path, findings in file order).
fn expected() -> Vec<Row> {
    vec![
        // `    - cron: '0,1 * * * *'`: the quote at 13, the minute field at 14
        r(
            ".github/workflows/nightly.yml",
            6,
            14,
            "github-min-interval",
        ),
        // `    - cron: "@daily"`
        r(".github/workflows/nightly.yml", 7, 14, "github-nickname"),
        // folded block scalar: the content line `        0 3 * * *`
        r(".github/workflows/nightly.yml", 9, 9, "github-top-of-hour"),
        // `      timezone: Europe/Pariss`
        r(".github/workflows/nightly.yml", 10, 17, "unknown-timezone"),
        // flow style `    - {cron: '30 2 30 2 *'}`: text at 15, day 30 at 20
        r(".github/workflows/nightly.yml", 11, 20, "never-fires"),
        // `    cron '0 0 30 2 *'`: text at 11, day 30 at 15
        r("Jenkinsfile", 5, 15, "never-fires"),
        // `    pollSCM('H(0-29)/10 * * * *')` is valid Jenkins: nothing.
        // `    cron('H H(5-30) * * *')`: text at 11, the hour field at 13; Jenkins'
        // BaseParser.doHash refuses a hashed range past the field's bound (23)
        r("Jenkinsfile", 7, 13, "jenkins-syntax"),
        // `    cron('''TZ=Mars/Olympus`: the first line names the zone (T at 13,
        // the name at 16), reported once for the two lines under it; the
        // `#` line is a comment and `@midnight` a Jenkins nickname: nothing
        r("Jenkinsfile", 8, 16, "unknown-timezone"),
        // `            - "cron(0 0 31 2 ? *)"`: inside cron( at 21, day 31 at 25
        r("aws/serverless.yml", 12, 25, "never-fires"),
        // JSON `"cron(0 10 * * ? 2020)"`: inside cron( at 37, 2020 at 48
        r("aws/template.json", 7, 48, "year-in-past"),
        // `!Sub "cron(0 12 * * * *)"`: inside at 38, day-of-month at 43
        r("aws/template.yaml", 7, 43, "eventbridge-question-mark"),
        // `cron(0 12 ? * MON#1,WED#2 *)`: inside at 32, MON#1 at 41
        r("aws/template.yaml", 11, 41, "eventbridge-multiple-hash"),
        // `'cron(0 12 * * ?)'`: inside at 33
        r("aws/template.yaml", 15, 33, "eventbridge-fields"),
        // `            Schedule: rate(1 minutes)`
        r("aws/template.yaml", 24, 23, "eventbridge-rate"),
        // Helm output `  schedule: "0 0 * * 7"`: text at 14, the 7 at 22
        r("deploy/helm-rendered.yaml", 19, 22, "k8s-dow-7"),
        // `0 2 * * * /usr/bin/backup --all`: the command where the user should be
        r("etc/cron.d/backup", 3, 11, "crontab-missing-user"),
        // `0 3 * * * root tar czf /backup/$(date +%F).tgz /data`: the %
        r("etc/cron.d/backup", 4, 40, "crontab-unescaped-percent"),
        // the entry after `CRON_TZ=Mars/Olympus`
        r("etc/cron.d/backup", 7, 1, "unknown-timezone"),
        // `  schedule: CRON_TZ=Europe/Paris 0 3 * * *`
        r("k8s/cronjobs.yaml", 6, 13, "k8s-zone-prefix"),
        // `  schedule: '0 0 L * *'`: text at 14, L at 18
        r("k8s/cronjobs.yaml", 13, 18, "k8s-special-chars"),
        // `  timeZone: Mars/Olympus`
        r("k8s/cronjobs.yaml", 14, 13, "unknown-timezone"),
        // Argo `    - "0 6 * * 1-7"`: text at 8; the k8s profile points at the 7 (18)
        r("k8s/cronjobs.yaml", 23, 18, "k8s-dow-7"),
        // `  schedule: "@every 5m"` (line 38) is a valid robfig interval: nothing.
        // `  schedule: "@every 1d"`: text at 14, the duration at 21; Go's
        // time.ParseDuration has no `d` unit, so robfig rejects it
        r("k8s/cronjobs.yaml", 45, 21, "every-duration"),
        // `  schedule: "@every 0s"`: robfig's Every() makes it one second
        r("k8s/cronjobs.yaml", 52, 21, "every-rounded"),
        // `      <cronExpression>0 0 0 30 2 ?</cronExpression>`: text at 23, 30 at 29
        r("nuxeo/scheduler-contrib.xml", 6, 29, "never-fires"),
        // `      "expression": "0 0 L * *",`: text at 22, L at 26
        r("opensearch/job.json", 6, 26, "opensearch-unsupported"),
        // `      "timezone": "Europe/Pariss"`: the JSON string at 19
        r("opensearch/job.json", 7, 19, "unknown-timezone"),
        // `      "cron": "0 0 9 ? * 1-5"`: text at 16, 1-5 at 26
        r("watches/daily.json", 4, 26, "quartz-dow-numbering"),
        // the zone of the watch, reported at its expression `"0 0 9 ? * MON-FRI"`
        r("watches/zoned.json", 5, 15, "unknown-timezone"),
    ]
}

#[test]
fn every_finding_at_its_exact_place() {
    let run = validate_in(&fixture_root(), &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let got = rows(&run.stdout);
    let want = expected();
    for w in &want {
        assert!(got.contains(w), "missing {w:?}\ngot: {got:#?}");
    }
    for g in &got {
        assert!(want.contains(g), "unexpected {g:?}");
    }
    assert_eq!(got, want, "order: by path, then by position");
}

#[test]
fn nothing_from_binary_prose_or_ignored_files() {
    let run = validate_in(&fixture_root(), &["--format", "json", "--verbose"]);
    let got = rows(&run.stdout);
    for (path, ..) in &got {
        assert!(
            !path.starts_with("ignored/") && path != "README.md" && path != "assets/data.yaml",
            "{path} should not be read"
        );
    }
    // the walk says why, with --verbose only
    assert!(
        run.stderr
            .contains("note: README.md: skipped: not a kind of file cronkit reads"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("note: assets/data.yaml: skipped: a binary file"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("ignored/"), "{}", run.stderr);
    let quiet = validate_in(&fixture_root(), &["--format", "json"]);
    assert!(!quiet.stderr.contains("note:"), "{}", quiet.stderr);
    // named explicitly, an unknown kind gets one note, and nothing else
    let named = validate_in(&fixture_root(), &["README.md"]);
    assert_eq!(named.code, 0);
    assert_eq!(named.stderr.trim(), "note: README.md: skipped: not a kind of file cronkit reads; pass --input KIND to read it anyway");
}

/// Every platform rule and document-level rule of the table is shown
/// triggering by the fixture repository (the expression rules are covered
/// by tests/validate_cli.rs).
#[test]
fn every_platform_rule_is_covered_by_the_fixture() {
    let codes: BTreeSet<String> = expected().into_iter().map(|r| r.3).collect();
    for rule in cronkit::lint::RULES.iter() {
        // `herd` is about the whole run, not a file: tests/herd.rs has its fixture
        if rule.platforms.is_empty() && rule.checks_expressions() || rule.code == "herd" {
            continue;
        }
        assert!(
            codes.contains(rule.code),
            "no fixture finding for {}",
            rule.code
        );
    }
}

#[test]
fn input_forced_and_the_expression_hint() {
    let root = fixture_root();
    // --input forces a reader on a file of another name
    let run = validate_in(
        &root,
        &[
            "--input",
            "k8s",
            "--format",
            "json",
            "deploy/helm-rendered.yaml",
        ],
    );
    assert_eq!(
        rows(&run.stdout),
        [r("deploy/helm-rendered.yaml", 19, 22, "k8s-dow-7")]
    );
    // a positional that is an expression, not a path
    let run = validate_in(&root, &["0 0 * * 7"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("pass `-e '0 0 * * 7'`"),
        "{}",
        run.stderr
    );
    // -e checks it (no platform: plain Unix cron accepts 7)
    let run = validate_in(&root, &["-e", "0 0 * * 7"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn sarif_and_github_formats_from_the_walk() {
    let run = validate_in(&fixture_root(), &["--format", "github"]);
    assert!(run.stdout.contains(
        "::error file=deploy/helm-rendered.yaml,line=19,col=22,endColumn=22,title=cronkit k8s-dow-7::"
    ), "{}", run.stdout);
    let run = validate_in(&fixture_root(), &["--format", "sarif"]);
    let v: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), expected().len());
    let loc = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        ".github/workflows/nightly.yml"
    );
    assert_eq!(loc["region"]["startLine"], 6);
    assert_eq!(loc["region"]["startColumn"], 14);
}

// ------------------------------------------------------------- bad input

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("cronkit-ciworld-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Scratch(p)
    }
    fn file(&self, rel: &str, bytes: &[u8]) {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn bad_inputs_one_diagnostic_each_and_the_walk_goes_on() {
    let s = Scratch::new("bad");
    s.file(
        "broken.yaml",
        b"apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: \"0 0 * * 7\n",
    );
    s.file("broken.json", b"{\"trigger\": {\"schedule\": {\"cron\": ");
    s.file(
        "latin1.yaml",
        b"kind: CronJob\napiVersion: v1\n# caf\xe9\nspec: {schedule: '0 0 * * *'}\n",
    );
    let mut huge = b"apiVersion: v1\nkind: CronJob\nspec:\n  schedule: '1 2 3 4 5'\n".to_vec();
    huge.extend(vec![b'#'; 33 << 20]);
    s.file("huge.yaml", &huge);
    s.file(
        "good.yaml",
        b"apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: '0 0 * * 7'\n",
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(s.0.join("loop"), s.0.join("loop")).unwrap();
        std::fs::create_dir_all(s.0.join("sub")).unwrap();
        std::os::unix::fs::symlink(&s.0, s.0.join("sub/up")).unwrap();
    }
    let run = validate_in(&s.0, &["--format", "json", "--follow"]);
    let got = rows(&run.stdout);
    // the good file is still checked
    assert!(got.contains(&r("good.yaml", 4, 22, "k8s-dow-7")), "{got:?}");
    // broken YAML: one finding; the JSON reader's own error for broken JSON
    assert_eq!(
        got.iter().filter(|g| g.0 == "broken.yaml").count(),
        1,
        "{got:?}"
    );
    assert!(got
        .iter()
        .any(|g| g.0 == "broken.yaml" && g.3 == "malformed-yaml"));
    assert_eq!(
        got.iter().filter(|g| g.0 == "broken.json").count(),
        1,
        "{got:?}"
    );
    // non-UTF-8: one finding at the bad byte (line 3, after `# caf`)
    assert!(
        got.contains(&r("latin1.yaml", 3, 6, "invalid-utf8")),
        "{got:?}"
    );
    // huge: cannot be read (exit 2), named once
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.matches("huge.yaml").count(), 1, "{}", run.stderr);
    #[cfg(unix)]
    {
        assert!(run.stderr.contains("loop"), "{}", run.stderr);
    }
}

/// The walk skips what ripgrep skips: folders named in `.ignore` (as well as
/// `.gitignore`, covered by the fixture), hidden files and folders, except
/// `.github` where workflows live; a file the user names is read all the same.
/// Each skipped file holds a finding that would show if it were read.
#[test]
fn dot_ignore_and_hidden_files_are_skipped() {
    let s = Scratch::new("ignore");
    let dow7 = b"apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: '0 0 * * 7'\n";
    s.file(".ignore", b"vendor/\n");
    s.file("vendor/cron.yaml", dow7);
    s.file(".cache/cron.yaml", dow7);
    s.file(".hidden.yaml", dow7);
    s.file("visible.yaml", dow7);
    s.file(
        ".github/workflows/ci.yml",
        b"on:\n  schedule:\n    - cron: '@daily'\n",
    );
    let run = validate_in(&s.0, &["--format", "json"]);
    let got = rows(&run.stdout);
    assert_eq!(
        got,
        [
            r(".github/workflows/ci.yml", 3, 14, "github-nickname"),
            r("visible.yaml", 4, 22, "k8s-dow-7"),
        ],
        "{}",
        run.stderr
    );
    // named, an ignored or hidden file is read
    let run = validate_in(
        &s.0,
        &["--format", "json", "vendor/cron.yaml", ".hidden.yaml"],
    );
    assert_eq!(
        rows(&run.stdout),
        [
            r("vendor/cron.yaml", 4, 22, "k8s-dow-7"),
            r(".hidden.yaml", 4, 22, "k8s-dow-7"),
        ],
        "{}",
        run.stderr
    );
}

/// A directory without permission: the walk names it and goes on (exit 2).
/// Root reads every directory, so the check runs as `nobody` when the tests
/// run as root and `setpriv` is there; otherwise it is skipped, saying so.
#[cfg(unix)]
#[test]
fn a_directory_without_permission_is_named_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("perm");
    s.file(
        "ok/good.yaml",
        b"apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: '0 0 * * 7'\n",
    );
    s.file(
        "closed/x.yaml",
        b"apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: '0 0 * * *'\n",
    );
    std::fs::set_permissions(&s.0, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(s.0.join("closed"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // and a file that cannot be opened
    s.file(
        "ok/secret.yaml",
        b"apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: '0 0 * * *'\n",
    );
    std::fs::set_permissions(s.0.join("ok"), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(
        s.0.join("ok/secret.yaml"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false);
    let mut cmd = if is_root {
        let Ok(o) = Command::new("setpriv").arg("--version").output() else {
            eprintln!("skipped: running as root without setpriv");
            return;
        };
        if !o.status.success() {
            eprintln!("skipped: running as root without setpriv");
            return;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin());
        c
    } else {
        Command::new(bin())
    };
    let out = cmd
        .current_dir(&s.0)
        .args(["validate", "--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    std::fs::set_permissions(s.0.join("closed"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if is_root && stderr.contains("Permission denied") && !stderr.contains("closed") {
        eprintln!("skipped: nobody cannot run the binary here: {stderr}");
        return;
    }
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert_eq!(stderr.matches("closed").count(), 1, "{stderr}");
    // the unreadable file: named once, with the reason
    assert_eq!(stderr.matches("ok/secret.yaml").count(), 1, "{stderr}");
    assert!(stderr.contains("Permission denied"), "{stderr}");
    assert!(
        rows(&stdout).contains(&r("ok/good.yaml", 4, 22, "k8s-dow-7")),
        "{stdout}"
    );
}

/// `--format github` from a walk: a hostile file name and hostile text in a
/// manifest cannot forge a workflow command or break the properties.
#[test]
fn github_format_escapes_hostile_names_and_messages() {
    let s = Scratch::new("hostile");
    let name = "a,b:c%\n::error::forged.yaml";
    s.file(
        name,
        b"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: \"x\\n::warning::forged\"\nspec:\n  schedule: '0 0 * * 7'\n  timeZone: \"Mars\\r\\n::error::tz\"\n",
    );
    let run = validate_in(&s.0, &["--format", "github"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    for line in run.stdout.lines().chain(run.stderr.lines()) {
        let t = line.trim_start();
        assert!(
            !(t.starts_with("::error::forged")
                || t.starts_with("::warning::forged")
                || t.starts_with("::error::tz")),
            "forged command: {line}"
        );
    }
    let commands: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), 2, "{}", run.stdout);
    for c in &commands {
        // the file property keeps `,` `:` `%` and the newline escaped
        assert!(c.contains("file=a%2Cb%3Ac%25"), "{c}");
        assert!(!c.contains('\r'), "{c}");
    }
}
