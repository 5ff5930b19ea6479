//! `convert --to <profile>`: the output is in the platform's own syntax, the real
//! library reads it with the same fire times where an oracle is installed
//! (robfig/cron for `k8s`, fugit for `gitlab`), and what a platform cannot say is
//! an error that names the platform.

#[path = "support/line_oracle.rs"]
#[allow(dead_code)] // each test uses part of it
mod line_oracle;

use assert_cmd::Command;
use cronkit::convert::{convert, Parsed, Target};
use cronkit::{Dialect, DialectChoice, DstPolicy, Schedule, Zone};
use line_oracle::{ask, find, iso, Answer};

/// Inputs in cronkit's own dialects, with what each profile must say (`None`: an
/// error). The syntax of each expected text is the platform's documented one:
/// EventBridge `cron(min hour dom month dow year)` with `?` in one day field
/// (AWS "Cron expressions reference"), Spring's six fields with seconds first
/// (CronExpression javadoc), five POSIX fields for Kubernetes and GitHub.
const ROWS: &[(&str, DialectChoice, Dialect, Option<&str>)] = &[
    (
        "*/15 9-17 * * 1-5",
        DialectChoice::Unix,
        Dialect::K8s,
        Some("*/15 9-17 * * MON-FRI"),
    ),
    (
        "*/15 9-17 * * 1-5",
        DialectChoice::Unix,
        Dialect::Eventbridge,
        Some("cron(*/15 9-17 ? * MON-FRI *)"),
    ),
    (
        "*/15 9-17 * * 1-5",
        DialectChoice::Unix,
        Dialect::Spring,
        Some("0 */15 9-17 ? * MON-FRI"),
    ),
    (
        "0 5 9 ? * 6#3",
        DialectChoice::Quartz,
        Dialect::Gitlab,
        Some("5 9 * * FRI#3"),
    ),
    // EventBridge documents `#` and `L` in day-of-week with numbers only ("3#2",
    // "5L", 1 = SUN: docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html,
    // table "Day-of-week 1-7 or SUN-SAT , - * ? L #"), so the writer keeps them numeric.
    (
        "0 5 9 ? * 6#3",
        DialectChoice::Quartz,
        Dialect::Eventbridge,
        Some("cron(5 9 ? * 6#3 *)"),
    ),
    (
        "0 0 12 ? * 6L",
        DialectChoice::Quartz,
        Dialect::Eventbridge,
        Some("cron(0 12 ? * 6L *)"),
    ),
    (
        "0 5 9 ? * 6#3",
        DialectChoice::Quartz,
        Dialect::Spring,
        Some("0 5 9 ? * FRI#3"),
    ),
    ("0 5 9 ? * 6#3", DialectChoice::Quartz, Dialect::K8s, None),
    ("0 0 12 L * ?", DialectChoice::Quartz, Dialect::Github, None),
    (
        "0 0 12 L * ?",
        DialectChoice::Quartz,
        Dialect::Eventbridge,
        Some("cron(0 12 L * ? *)"),
    ),
    (
        "30 0 12 * * ?",
        DialectChoice::Quartz,
        Dialect::Gitlab,
        Some("30 0 12 * * *"),
    ),
    ("30 0 12 * * ?", DialectChoice::Quartz, Dialect::K8s, None),
    (
        "30 0 12 * * ?",
        DialectChoice::Quartz,
        Dialect::Eventbridge,
        None,
    ),
    (
        "0 0 0 1 1 ? 2030",
        DialectChoice::Quartz,
        Dialect::Eventbridge,
        Some("cron(0 0 1 1 ? 2030)"),
    ),
    (
        "0 0 0 1 1 ? 2030",
        DialectChoice::Quartz,
        Dialect::Spring,
        None,
    ),
    (
        "0 0 * * 7",
        DialectChoice::Unix,
        Dialect::K8s,
        Some("0 0 * * SUN"),
    ),
    (
        "0 0 * * 7",
        DialectChoice::Unix,
        Dialect::Github,
        Some("0 0 * * SUN"),
    ),
    // Spring ANDs the day fields (CronExpression javadoc; CronExpressionTests
    // `fixedDays`, `everyTenDays`): an AND stays one Spring expression
    (
        "0 0 12 1 * MON",
        DialectChoice::Spring,
        Dialect::Spring,
        Some("0 0 12 1 * MON"),
    ),
    (
        "0 12 1-7 * +MON",
        DialectChoice::Unix,
        Dialect::Spring,
        Some("0 0 12 1-7 * MON"),
    ),
    // ... which the platforms that OR them cannot say
    ("0 0 12 1 * MON", DialectChoice::Spring, Dialect::K8s, None),
    (
        "0 0 12 1 * MON",
        DialectChoice::Spring,
        Dialect::Gitlab,
        None,
    ),
    (
        "0 0 12 1 * MON",
        DialectChoice::Spring,
        Dialect::Github,
        None,
    ),
    // Vixie's `*`-prefixed day field ANDs; robfig and fugit count `*/2` as
    // restricted and OR (profiles table, star rules), so they cannot say it
    // (the writer's `0 12 */2 * MON` read back as an OR was an internal error)
    ("0 12 */2 * MON", DialectChoice::Unix, Dialect::K8s, None),
    ("0 12 */2 * MON", DialectChoice::Unix, Dialect::Gitlab, None),
    (
        "0 12 */2 * MON",
        DialectChoice::Unix,
        Dialect::Github,
        Some("0 12 */2 * MON"),
    ),
    // GitLab's own forms (fugit: `d%n`, `d#-k`) round-trip to GitLab and nowhere else
    (
        "0 9 * * sun%2",
        DialectChoice::Gitlab,
        Dialect::Gitlab,
        Some("0 9 * * sun%2"),
    ),
    (
        "0 9 * * fri#-2",
        DialectChoice::Gitlab,
        Dialect::Gitlab,
        Some("0 9 * * fri#-2"),
    ),
    (
        "0 9 * * fri#L",
        DialectChoice::Gitlab,
        Dialect::Gitlab,
        Some("0 9 * * FRI#L"),
    ),
    ("0 9 * * sun%2", DialectChoice::Gitlab, Dialect::K8s, None),
    (
        "0 9 * * sun%2",
        DialectChoice::Gitlab,
        Dialect::Spring,
        None,
    ),
    (
        "0 9 * * fri#-2",
        DialectChoice::Gitlab,
        Dialect::Eventbridge,
        None,
    ),
    (
        "0 9 * * fri#-2",
        DialectChoice::Gitlab,
        Dialect::Github,
        None,
    ),
];

fn parsed(text: &str, from: DialectChoice) -> Vec<Parsed> {
    vec![Parsed::parse(text, from).unwrap()]
}

#[test]
fn each_profile_writes_its_own_syntax_or_says_why_not() {
    for &(input, from, to, want) in ROWS {
        let got = convert(&parsed(input, from), Target::Profile(to), false);
        match (want, got) {
            (Some(w), Ok(c)) => {
                assert_eq!(c.expressions, [w], "{input} --to {to}");
                // read back under the profile: the same fire times as the input
                let zone = Zone::parse("America/New_York").unwrap();
                let a = Schedule::parse(input, from).unwrap();
                let b = Schedule::parse(w, to.into()).unwrap();
                let t0 = 1_767_225_600;
                let ta: Vec<i64> = a.iter_after(t0, &zone, DstPolicy::Wall).take(50).collect();
                let tb: Vec<i64> = b.iter_after(t0, &zone, DstPolicy::Wall).take(50).collect();
                assert_eq!(ta, tb, "{input} --to {to}: {w}");
            }
            (None, Err(e)) => {
                assert!(
                    e.message.contains(to.profile().display),
                    "{input} --to {to}: the error must name the platform: {}",
                    e.message
                );
            }
            (w, got) => panic!("{input} --to {to}: wanted {w:?}, got {got:?}"),
        }
    }
}

/// An OR of both day fields is two EventBridge rules (one field must be `?`).
#[test]
fn eventbridge_splits_an_or_of_the_day_fields() {
    let c = convert(
        &parsed("0 12 1 * MON", DialectChoice::Unix),
        Target::Profile(Dialect::Eventbridge),
        false,
    )
    .unwrap();
    assert_eq!(
        c.expressions,
        ["cron(0 12 1 * ? *)", "cron(0 12 ? * MON *)"]
    );
}

#[test]
fn cli_to_profile_and_its_error() {
    let out = Command::cargo_bin("cronkit")
        .unwrap()
        .args(["convert", "-e", "0 0 9 ? * MON-FRI", "--to", "eventbridge"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "cron(0 9 ? * MON-FRI *)\n"
    );
    let out = Command::cargo_bin("cronkit")
        .unwrap()
        .args(["convert", "-e", "0 0 12 L * ?", "--to", "k8s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Kubernetes cannot read"), "{err}");
}

/// GitLab-only forms: `--from gitlab --to gitlab` keeps them; any other target
/// refuses, naming the form and the target.
#[test]
fn cli_gitlab_only_forms() {
    let run = |to: &str| {
        Command::cargo_bin("cronkit")
            .unwrap()
            .args([
                "convert",
                "--from",
                "gitlab",
                "--to",
                to,
                "-e",
                "0 9 * * sun%2",
                "-e",
                "0 9 * * fri#-2",
            ])
            .output()
            .unwrap()
    };
    let out = run("gitlab");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "0 9 * * sun%2\t0 9 * * sun%2\n0 9 * * fri#-2\t0 9 * * fri#-2\n"
    );
    for (to, name) in [
        ("unix", "Unix cron"),
        ("quartz", "Quartz"),
        ("k8s", "Kubernetes"),
    ] {
        let out = run(to);
        assert_eq!(out.status.code(), Some(1), "{to}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("GitLab's `d%n`")
                && err.contains(&format!("{name} (`--to {to}`) cannot express it")),
            "{to}: {err}"
        );
    }
}

/// Inputs for the oracle rounds: every one convertible to both `k8s` and `gitlab`.
const ORACLE_INPUTS: &[(&str, DialectChoice)] = &[
    ("*/15 9-17 * * 1-5", DialectChoice::Unix),
    ("0 12 1 * MON", DialectChoice::Unix),
    ("0 0 9 ? * MON-FRI", DialectChoice::Quartz),
    ("0 30 2 * * ?", DialectChoice::Quartz),
    ("0 0/20 * ? * SAT,SUN", DialectChoice::Quartz),
    ("0 0 12 1,15 * ?", DialectChoice::Quartz),
    ("0 0 * * 7", DialectChoice::Unix),
    ("5 4 * * sun", DialectChoice::Unix),
    ("0 22 * * 1-5", DialectChoice::Unix),
    ("23 0-20/2 * * *", DialectChoice::Unix),
    ("0 0 1 */3 *", DialectChoice::Unix),
    // (not Feb 29: robfig gives up after five years, and 2100 is not a leap year)
    ("0 0 31 * *", DialectChoice::Unix),
    ("0 15 10 ? * 2-6", DialectChoice::Quartz),
    (
        "0 0 8-18/2 ? JAN-MAR,OCT-DEC MON,WED,FRI",
        DialectChoice::Quartz,
    ),
];

/// The converted text, asked of the platform's real library (where installed),
/// fires when cronkit says the input fires, in UTC and in New York.
fn oracle_round(to: Dialect, oracle: &str, var: &str) {
    let script = match find(var, oracle) {
        Ok(s) => s,
        Err(why) => {
            println!("SKIPPED convert --to {to}: {why}");
            return;
        }
    };
    let mut jobs = Vec::new();
    let mut expect = Vec::new();
    for &(input, from) in ORACLE_INPUTS {
        let out = convert(&parsed(input, from), Target::Profile(to), false)
            .unwrap_or_else(|e| panic!("{input} --to {to}: {e}"));
        let s = Schedule::parse(input, from).unwrap();
        for zone_name in ["UTC", "America/New_York"] {
            let zone = Zone::parse(zone_name).unwrap();
            let t0 = 1_767_225_600 + 86_400 * 60;
            // several outputs fire together: each is asked, the union compared
            let want: Vec<String> = s
                .iter_after(t0, &zone, DstPolicy::Wall)
                .take(20)
                .map(iso)
                .collect();
            let idx = jobs.len();
            for e in &out.expressions {
                jobs.push(format!("{e}\t{}\t20\t{zone_name}", iso(t0)));
            }
            expect.push((input, zone_name, out.expressions.clone(), idx, want));
        }
    }
    let answers = match ask(&script, &jobs) {
        Ok(a) => a,
        Err(why) => {
            println!("SKIPPED convert --to {to}: the oracle cannot run: {why}");
            return;
        }
    };
    for (input, zone, outs, idx, want) in expect {
        let mut union: Vec<String> = Vec::new();
        for (k, e) in outs.iter().enumerate() {
            match &answers[idx + k] {
                Answer::Times(t) => union.extend(t.iter().cloned()),
                Answer::Error(m) => panic!("{oracle} rejects `{e}` (from `{input}`): {m}"),
            }
        }
        union.sort();
        union.dedup();
        union.truncate(20);
        assert_eq!(union, want, "`{input}` --to {to} = {outs:?} in {zone}");
    }
    println!(
        "convert --to {to}: {} inputs read by {oracle} with cronkit's fire times",
        ORACLE_INPUTS.len()
    );
}

#[test]
fn k8s_output_is_read_by_robfig() {
    oracle_round(Dialect::K8s, "robfig", "ROBFIG_ORACLE");
}

#[test]
fn gitlab_output_is_read_by_fugit() {
    oracle_round(Dialect::Gitlab, "fugit", "FUGIT_ORACLE");
}

/// Interval schedules (`@every` for k8s, `rate(...)` for eventbridge): written
/// for a platform with intervals of its own, refused for cron (no cron is
/// equivalent: an interval counts from when the schedule is created, a cron
/// fires at clock times), with the same-rate clock cron named in the help.
/// AWS (eb-rate-expressions.html): "A rate expression starts when you create the
/// scheduled event rule"; value 1 takes a singular unit, more a plural one.
#[test]
fn interval_schedules() {
    let convert = |from: &str, to: &str, text: &str| {
        let out = Command::cargo_bin("cronkit")
            .unwrap()
            .args(["convert", "--from", from, "--to", to, "-e", text])
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    for (from, to, text, want) in [
        ("eventbridge", "k8s", "rate(5 minutes)", "@every 5m\n"),
        ("eventbridge", "k8s", "rate(2 hours)", "@every 2h\n"),
        ("eventbridge", "k8s", "rate(1 day)", "@every 24h\n"),
        ("k8s", "eventbridge", "@every 90m", "rate(90 minutes)\n"),
        ("k8s", "eventbridge", "@every 2h", "rate(2 hours)\n"),
        ("k8s", "eventbridge", "@every 24h", "rate(1 day)\n"),
        ("k8s", "eventbridge", "@every 1m", "rate(1 minute)\n"),
        (
            "eventbridge",
            "watcher",
            "rate(1 day)",
            "{\"interval\":\"1d\"}\n",
        ),
        ("k8s", "k8s", "@every 1h30m", "@every 1h30m\n"),
    ] {
        let (code, out, err) = convert(from, to, text);
        assert_eq!((code, out.as_str()), (0, want), "{text} → {to}: {err}");
    }
    for (from, to, text, code, help) in [
        (
            "k8s",
            "unix",
            "@every 5m",
            "interval-not-cron",
            Some("`*/5 * * * *`"),
        ),
        (
            "eventbridge",
            "quartz",
            "rate(1 day)",
            "interval-not-cron",
            Some("`0 0 0 * * ?`"),
        ),
        (
            "k8s",
            "github",
            "@every 7m",
            "interval-not-cron",
            Some("no cron fires every 7m"),
        ),
        (
            "k8s",
            "eventbridge",
            "@every 90s",
            "interval-not-in-target",
            None,
        ),
        ("k8s", "eventbridge", "@every 0s", "every-rounded", None),
    ] {
        let (status, out, err) = convert(from, to, text);
        assert_eq!(status, 1, "{text} → {to}: {out}");
        assert!(
            err.contains(&format!("error[{code}]")),
            "{text} → {to}: {err}"
        );
        if let Some(h) = help {
            assert!(err.contains(h), "{text} → {to}: {err}");
        }
    }
    // the k8s output, asked of robfig: `rate(2 hours)` from a start s fires at
    // s + 2 h, s + 4 h (AWS); robfig reads `@every 2h` the same way
    let Ok(script) = find("ROBFIG_ORACLE", "robfig") else {
        println!("SKIPPED interval_schedules: no robfig oracle");
        return;
    };
    match ask(
        &script,
        &["@every 2h\t2026-03-08T06:59:13Z\t3\tAmerica/New_York".to_string()],
    ) {
        Ok(a) => assert_eq!(
            a[0],
            Answer::Times(vec![
                "2026-03-08T08:59:13Z".into(),
                "2026-03-08T10:59:13Z".into(),
                "2026-03-08T12:59:13Z".into()
            ])
        ),
        Err(why) => println!("SKIPPED interval_schedules oracle check: {why}"),
    }
}
