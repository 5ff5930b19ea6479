//! The platform profiles, pinned to their sources: what each accepts, how it reads
//! it, and what a rejection says. The large differential runs against the real
//! libraries are in `tests/profiles_k8s.rs` and `tests/profiles_gitlab.rs`; the
//! conformance tables for Spring, EventBridge and GitHub in `tests/conformance/`.

use chrono::DateTime;
use cronkit::{DialectChoice, DstPolicy, Expr, Schedule, Zone};

fn times(
    expr: &str,
    choice: DialectChoice,
    from: &str,
    n: usize,
    zone: &str,
    dst: DstPolicy,
) -> Vec<String> {
    let s = Schedule::parse(expr, choice).unwrap_or_else(|d| panic!("{expr}: {}", d.render()));
    let zone = Zone::parse(zone).unwrap();
    let from = DateTime::parse_from_rfc3339(from).unwrap().timestamp();
    s.iter_after(from, &zone, dst)
        .take(n)
        .map(|t| {
            DateTime::from_timestamp(t, 0)
                .unwrap()
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        })
        .collect()
}

fn utc(expr: &str, choice: DialectChoice, n: usize) -> Vec<String> {
    times(
        expr,
        choice,
        "2026-01-01T00:00:00Z",
        n,
        "UTC",
        DstPolicy::Shift,
    )
}

fn err(expr: &str, choice: DialectChoice) -> cronkit::Diagnostic {
    match Expr::parse(expr, choice) {
        Ok(_) => panic!("`{expr}` was accepted under {choice:?}"),
        Err(d) => d,
    }
}

/// ISC cron 4.1 `entry.c` `get_range`/`get_number`: a range end may be a name or a
/// number either way round, a step may follow any range, and the step is not
/// checked against the range (cronie: same code). Found by running their tests.
#[test]
fn unix_reads_what_isc_cron_reads() {
    use DialectChoice::Unix;
    // `mon-7`: Monday to Sunday (7 = Sunday), every day
    assert_eq!(
        utc("0 0 * * mon-7", Unix, 7).len(),
        7,
        "mon-7 is every day of the week"
    );
    assert_eq!(
        utc("0 0 * * 0-fri", Unix, 2),
        ["2026-01-02T00:00:00Z", "2026-01-04T00:00:00Z"]
    );
    // Jan 1 2026 is a Thursday: sat-7 = Saturday and Sunday
    assert_eq!(
        utc("0 0 * * sat-7", Unix, 3),
        [
            "2026-01-03T00:00:00Z",
            "2026-01-04T00:00:00Z",
            "2026-01-10T00:00:00Z"
        ]
    );
    // a step after a range of names: January, March, May, July
    assert_eq!(
        utc("0 0 1 Jan-Aug/2 *", Unix, 4),
        [
            "2026-03-01T00:00:00Z",
            "2026-05-01T00:00:00Z",
            "2026-07-01T00:00:00Z",
            "2027-01-01T00:00:00Z"
        ]
    );
    // `*/60` in minutes: minute 0 of every hour
    assert_eq!(
        utc("*/60 * * * *", Unix, 2),
        ["2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"]
    );
    // still rejected, as ISC cron rejects them (num1 > num2 → EOF)
    assert_eq!(err("0 0 * * 7-mon", Unix).code, "reversed-range");
    assert_eq!(err("0 0 * * fri-0", Unix).code, "reversed-range");
    // Quartz keeps rejecting `*/60` ("Increment > 60", EDGE-CASES.md)
    assert_eq!(
        err("0 */60 * * * ?", DialectChoice::Quartz).code,
        "step-too-large"
    );
}

/// robfig/cron v3.0.1 `parser.go`: `dow` bounds are 0–6, `?` is read like `*` in
/// any field (`getRange`), names are three letters only, ranges never wrap.
#[test]
fn k8s_reads_what_robfig_reads() {
    use DialectChoice::K8s;
    let d = err("0 0 * * 7", K8s);
    assert_eq!(d.code, "value-out-of-range");
    let help = d.help.clone().unwrap();
    assert!(
        help.contains("Kubernetes reads day-of-week 0–6; write `0` for Sunday"),
        "{help}"
    );
    assert!(
        help.contains("--dialect unix"),
        "names the profile that reads it: {help}"
    );
    assert_eq!(utc("? * * * *", K8s, 1), ["2026-01-01T00:01:00Z"]);
    assert_eq!(err("0 0 * * MONDAY", K8s).code, "form-not-supported");
    assert_eq!(err("0 0 L * *", K8s).code, "form-not-supported");
    assert_eq!(err("0 22-2 * * *", K8s).code, "reversed-range");
    assert_eq!(err("0 0 * * 5#2", K8s).code, "form-not-supported");
    assert_eq!(err("@reboot", K8s).code, "nickname-not-allowed");
    // Kubernetes' CronJob validation: the zone goes in spec.timeZone
    let d = err("CRON_TZ=Europe/Paris 0 0 * * *", K8s);
    assert_eq!(d.code, "zone-prefix");
    assert!(d.help.clone().unwrap().contains("spec.timeZone"));
    // robfig `dayMatches`: `*/2` in day-of-month has no star bit, so it is OR-ed
    // with a restricted day-of-week; Vixie cron's text rule AND-s it
    // (2026-01-05 is a Monday, days 1, 3 fire by day-of-month)
    assert_eq!(
        utc("0 12 */2 * MON", K8s, 3),
        [
            "2026-01-01T12:00:00Z",
            "2026-01-03T12:00:00Z",
            "2026-01-05T12:00:00Z"
        ]
    );
    assert_eq!(
        utc("0 12 */2 * MON", DialectChoice::Unix, 2),
        ["2026-01-05T12:00:00Z", "2026-01-19T12:00:00Z"]
    );
}

/// Answers of the robfig oracle (`../shared/oracles/robfig/run.sh`) and the fugit
/// oracle in America/New_York around 2026's clock changes: wall times in the gap
/// never fire, the repeated hour fires twice. Both platforms default to `wall`.
#[test]
fn wall_policy_matches_robfig_and_fugit_in_new_york() {
    let ny = "America/New_York";
    for choice in [DialectChoice::K8s, DialectChoice::Gitlab] {
        let dst = cronkit::Dialect::K8s.profile().default_dst;
        assert_eq!(dst, DstPolicy::Wall);
        let t = |e: &str, from: &str, n: usize| times(e, choice, from, n, ny, dst);
        assert_eq!(
            t("30 1 * * *", "2026-10-31T12:00:00Z", 4),
            [
                "2026-11-01T05:30:00Z",
                "2026-11-01T06:30:00Z",
                "2026-11-02T06:30:00Z",
                "2026-11-03T06:30:00Z"
            ]
        );
        assert_eq!(
            t("0,30 1 * * *", "2026-10-31T12:00:00Z", 6),
            [
                "2026-11-01T05:00:00Z",
                "2026-11-01T05:30:00Z",
                "2026-11-01T06:00:00Z",
                "2026-11-01T06:30:00Z",
                "2026-11-02T06:00:00Z",
                "2026-11-02T06:30:00Z"
            ]
        );
        assert_eq!(
            t("30 2 * * *", "2026-03-07T12:00:00Z", 3),
            [
                "2026-03-09T06:30:00Z",
                "2026-03-10T06:30:00Z",
                "2026-03-11T06:30:00Z"
            ]
        );
        assert_eq!(
            t("*/30 2 * * *", "2026-03-07T12:00:00Z", 4),
            [
                "2026-03-09T06:00:00Z",
                "2026-03-09T06:30:00Z",
                "2026-03-10T06:00:00Z",
                "2026-03-10T06:30:00Z"
            ]
        );
        // from inside the first and the second pass
        assert_eq!(
            t("30 1 * * *", "2026-11-01T05:30:01Z", 2),
            ["2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"]
        );
        assert_eq!(
            t("30 1 * * *", "2026-11-01T06:00:00Z", 2),
            ["2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"]
        );
    }
}

/// `wall` backwards is the mirror of forwards.
#[test]
fn wall_policy_prev_mirrors_next() {
    let zone = Zone::parse("America/New_York").unwrap();
    for expr in ["30 1 * * *", "0,30 1 * * *", "*/15 * * * *", "45 0-3 * * *"] {
        let s = Schedule::parse(expr, DialectChoice::K8s).unwrap();
        let from = DateTime::parse_from_rfc3339("2026-10-31T20:00:00Z")
            .unwrap()
            .timestamp();
        let fwd: Vec<i64> = s
            .iter_after(from, &zone, DstPolicy::Wall)
            .take(40)
            .collect();
        for w in fwd.windows(2) {
            assert!(w[0] < w[1], "{expr}: not increasing");
            assert_eq!(
                s.prev_before_ts(w[1], &zone, DstPolicy::Wall),
                Some(w[0]),
                "{expr}: prev of {}",
                w[1]
            );
        }
    }
}

/// The 6-field text Quartz rejects for having no `?` is usually Spring's: the
/// help names Spring, which AND-s the day fields, not unix, which OR-s them.
#[test]
fn auto_names_spring_for_six_fields_without_question_mark() {
    let d = err("0 0 12 * * *", DialectChoice::Auto);
    let help = d.help.clone().unwrap();
    assert!(help.contains("Spring (`--dialect spring`)"), "{help}");
    let d = err("0 0 12 1 * MON", DialectChoice::Auto);
    let help = d.help.clone().unwrap();
    assert!(help.contains("--dialect spring"), "{help}");
}

#[test]
fn eventbridge_reads_the_cron_wrapper() {
    use DialectChoice::Eventbridge;
    assert_eq!(
        utc("cron(0 12 ? * MON-FRI *)", Eventbridge, 2),
        ["2026-01-01T12:00:00Z", "2026-01-02T12:00:00Z"]
    );
    assert_eq!(
        err("cron(0 12 * * MON *)", Eventbridge).code,
        "both-day-fields"
    );
    assert_eq!(err("rate(5 minutes)", Eventbridge).code, "rate-expression");
}

/// convert reads any profile; the output is checked for equivalence as always.
#[test]
fn convert_reads_every_profile() {
    use cronkit::convert::{convert, Parsed, Target};
    let p = |t: &str, c| vec![Parsed::parse(t, c).unwrap()];
    // Spring AND-s the day fields: classic unix cannot say it, OCPS's `+` can
    let err = convert(
        &p("0 0 12 1 * MON", DialectChoice::Spring),
        Target::Unix,
        false,
    )
    .unwrap_err();
    assert_eq!(err.code, "day-and-in-unix");
    let ocps = convert(
        &p("0 0 12 1 * MON", DialectChoice::Spring),
        Target::Ocps,
        false,
    )
    .unwrap();
    assert_eq!(ocps.expressions, ["0 12 1 * +MON"]);
    // robfig ORs `*/2` in day-of-month with a weekday: two Quartz expressions
    let q = convert(
        &p("0 12 */2 * MON", DialectChoice::K8s),
        Target::Quartz,
        false,
    )
    .unwrap();
    assert_eq!(q.expressions.len(), 2, "{:?}", q.expressions);
    // EventBridge's numbering (2 = Monday) becomes Quartz's, which is the same
    let q = convert(
        &p("cron(0 9 ? * 2#1 *)", DialectChoice::Eventbridge),
        Target::Quartz,
        false,
    )
    .unwrap();
    assert_eq!(q.expressions, ["0 0 9 ? * 2#1"]);
}

/// Spring's `7-7` is 0-7 (BitsCronField.parseRange: "If used as a minimum in a
/// range, Sunday means 0"), every day, where the text says Sunday: rejected as a
/// misread, as cronkit does for the other platforms' (docs/profiles.md, spring).
#[test]
fn spring_seven_to_seven_is_a_misread() {
    for text in ["0 0 0 ? * 7-7", "0 0 0 ? * SUN-SUN", "0 0 0 ? * sun-7"] {
        let d = err(text, DialectChoice::Spring);
        assert_eq!(d.code, "misread-by-platform", "{text}: {}", d.render());
        assert!(d.message.contains("every day"), "{}", d.message);
        assert!(d.help.as_deref().unwrap_or("").contains("SUN"), "{d:?}");
    }
}

/// Every rejection under a platform profile names the platform (issue 11, "Bad
/// input"), and no help speaks of Quartz's behaviour under another profile.
#[test]
fn rejections_name_the_platform() {
    let cases: &[(&str, DialectChoice, &str)] = &[
        ("60 0 * * *", DialectChoice::K8s, "Kubernetes"),
        ("0 0 32 * *", DialectChoice::Github, "GitHub Actions"),
        ("*/0 * * * *", DialectChoice::Gitlab, "GitLab"),
        ("0 0 * * fri#-2", DialectChoice::K8s, "Kubernetes"),
        ("0 0 * * 5#3", DialectChoice::Github, "GitHub Actions"),
        ("0 0 * * mon-5", DialectChoice::Github, "GitHub Actions"),
        ("* * * * * * * *", DialectChoice::K8s, "Kubernetes"),
        ("@every 5m", DialectChoice::Spring, "Spring"),
        ("TZ=UTC 0 0 * * * *", DialectChoice::Spring, "Spring"),
        ("0 0 32 * *", DialectChoice::Jenkins, "Jenkins"),
    ];
    for &(text, choice, name) in cases {
        let d = err(text, choice);
        let all = format!("{} {}", d.message, d.help.as_deref().unwrap_or(""));
        assert!(all.contains(name), "{text} under {choice:?}: {all}");
        assert!(!all.contains("Quartz "), "{text} under {choice:?}: {all}");
    }
    // `#` is not Kubernetes syntax at all (robfig's parser has no `#`)
    assert_eq!(
        err("0 0 * * fri#-2", DialectChoice::K8s).code,
        "form-not-supported"
    );
}
