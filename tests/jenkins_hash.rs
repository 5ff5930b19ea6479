//! Jenkins `H` vectors: (job key, trigger text) → the fields Jenkins resolves.
//!
//! Every expected value below is derived by hand from Jenkins' source, not from
//! cronkit. Sources (jenkinsci/jenkins at ff9430ee, `core/src/main/`):
//!
//! * `java/hudson/scheduler/Hash.java:54-67` — seed: MD5 of the key's UTF-8 bytes,
//!   bytes 8–15 XOR-ed onto 0–7 (`digest[i % 8] ^= digest[i]`), read big-endian into a
//!   `long`, `new Random(l)`; each `H` is one `rnd.nextInt(n)`.
//! * `antlr4/hudson/scheduler/CrontabParser.g4:5-11` — fields parsed minute, hour,
//!   day-of-month, month, day-of-week; `:36-43` list items left to right; so draws happen
//!   in reading order. `:12-33` — nicknames: `@yearly`/`@annually` = `H H H H *`,
//!   `@monthly` = `H H H * *`, `@weekly` = `H H * * H`, `@daily` = `H H * * *`,
//!   `@midnight` = `H H(0-2) * * *`, `@hourly` = `H * * * *`.
//! * `java/hudson/scheduler/BaseParser.java:93-98` — a bare `H`/`H/n` hashes into the
//!   field's bounds, except day-of-month 1–28 and day-of-week 0–6; `:100-121` —
//!   `doHash(s, e, step)`: `step > 1` → values `s + nextInt(step)`, then every `step`
//!   up to `e`; `step == 1` (also a written `/1`) → the single value `s + nextInt(e+1-s)`.
//! * `java/hudson/scheduler/CronTabList.java:106-133` — one `Hash` for all lines of a
//!   trigger (draws continue from line to line); a first line `TZ=` and `#`/blank lines
//!   are skipped. `java/hudson/scheduler/CronTab.java:140-143` — day-of-week 7 → 0.
//!
//! The MD5 digests were taken with coreutils `md5sum`; the `nextInt` draws with the
//! JDK's own `java.util.Random` (OpenJDK 17 `jshell`: `new Random(seed).nextInt(n)`),
//! the class Jenkins calls. The first ten vectors are Jenkins' own expectations in
//! `core/src/test/java/hudson/scheduler/CronTabTest.java` (line numbers given), which
//! confirm the chain end to end.

use cronkit::jenkins::{resolve, JavaRandom, JenkinsHash};

struct Vector {
    key: &'static str,
    text: &'static str,
    zone: Option<&'static str>,
    /// Resolved lines as five-field unix text (day-of-week `+` = AND with day-of-month).
    expected: &'static [&'static str],
}

const fn v(key: &'static str, text: &'static str, expected: &'static [&'static str]) -> Vector {
    Vector {
        key,
        text,
        zone: None,
        expected,
    }
}

// Seeds (md5 → fold → long), written once per key:
// "stuff"         md5 c13d88cb4cb02003 daedb8a84e5d272a → 0x1bd0306302ed0729
// "junk"          md5 0c821f675f132d79 0b3f25e79da739a7 → 0x07bd3a80c2b414de
// "seed"          md5 fe4c0f30aa359c41 d9f9a5f69c8c4192 → 0x27b5aac636b9ddd3
// "folder/job"    md5 4aa2498e5277629d 99016297a4b88d26 → 0xd3a32b19f6cfefbb
// "nightly"       md5 0ae3489815127120 cfb606170a053745 → 0xc5554e8f1f174665
// "org/repo/main" md5 50419456fdb1dbbe 8b7376865d46d083 → 0xdb32e2d0a0f70b3d
// "déploiement"   md5 bc8c000fe8c3c974 485fa24b9004faf4 → 0xf4d3a24478c73380
// ""              md5 d41d8cd98f00b204 e9800998ecf8427e → 0x3d9d854163f8f07a
// "team-a/build"  md5 2579ffd10d42efea 79dc01f0fbca725d → 0x5ca5fe21f6889db7
const VECTORS: &[Vector] = &[
    // 1. CronTabTest.java:265: nextInt(60)=56 → minute 56 (16:21 → 16:56)
    v("stuff", "H * * * *", &["56 * * * *"]),
    // 2. CronTabTest.java:264: minute nextInt(60)=56, hour literal 17
    v("stuff", "H 17 * * *", &["56 17 * * *"]),
    // 3. CronTabTest.java:266: @hourly = H * * * * → nextInt(60)=56
    v("stuff", "@hourly", &["56 * * * *"]),
    // 4. CronTabTest.java:267: @hourly, key junk → nextInt(60)=20
    v("junk", "@hourly", &["20 * * * *"]),
    // 5. CronTabTest.java:268: minute nextInt(60)=56; hour H(12-13): 12+nextInt(2)=12+1
    v("stuff", "H H(12-13) * * *", &["56 13 * * *"]),
    // 6. CronTabTest.java:273-276: H/15: step>1, 0+nextInt(15)=11 → 11,26,41,56
    v("stuff", "H/15 * * * *", &["11,26,41,56 * * * *"]),
    // 7. CronTabTest.java:277: H(0-15)/3: 0+nextInt(3)=2 → 2,5,8,11,14 (17 > 15)
    v("junk", "H(0-15)/3 * * * *", &["2,5,8,11,14 * * * *"]),
    // 8. CronTabTest.java:278-279: H(0-3)/4: 0+nextInt(4)=2 (power of two: top bits) → 2
    v("junk", "H(0-3)/4 * * * *", &["2 * * * *"]),
    // 9. CronTabTest.java:298-305: two lines share the Random: 35, then 56
    v(
        "seed",
        "H * * * *\nH * * * *",
        &["35 * * * *", "56 * * * *"],
    ),
    // 10. CronTabTest.java:346-355: same with a first line TZ= (skipped for the hash)
    Vector {
        key: "seed",
        text: "TZ=Australia/Sydney\nH * * * *\nH * * * *",
        zone: Some("Australia/Sydney"),
        expected: &["35 * * * *", "56 * * * *"],
    },
    // 11. @daily = H H * * *: nextInt(60)=16, nextInt(24)=15
    v("folder/job", "@daily", &["16 15 * * *"]),
    // 12. @midnight = H H(0-2) * * *: nextInt(60)=16, 0+nextInt(3)=0
    v("folder/job", "@midnight", &["16 0 * * *"]),
    // 13. @weekly = H H * * H: 16, 15, day-of-week 0+nextInt(7)=3 (Wednesday)
    v("folder/job", "@weekly", &["16 15 * * 3"]),
    // 14. @monthly = H H H * *: 16, 15, day-of-month 1+nextInt(28)=1+24=25
    v("folder/job", "@monthly", &["16 15 25 * *"]),
    // 15. @yearly = H H H H *: 16, 15, 25, month 1+nextInt(12)=1+7=8
    v("folder/job", "@yearly", &["16 15 25 8 *"]),
    // 16. @annually is the same expansion as @yearly
    v("folder/job", "@annually", &["16 15 25 8 *"]),
    // 17. nextInt(60)=1, nextInt(24)=17; 1-5 is doRange, no draw
    v("nightly", "H H * * 1-5", &["1 17 * * 1-5"]),
    // 18. H/10: 0+nextInt(10)=1 → 1,11,..,51; H(8-18): 8+nextInt(11)=8+2
    v(
        "nightly",
        "H/10 H(8-18) * * *",
        &["1,11,21,31,41,51 10 * * *"],
    ),
    // 19. 1, 17, then day-of-month H/2 in 1..=28: 1+nextInt(2)=1+1=2 → 2,4,..,28
    v(
        "nightly",
        "H H H/2 * *",
        &["1 17 2,4,6,8,10,12,14,16,18,20,22,24,26,28 * *"],
    ),
    // 20. H(0-29)/10: 0+nextInt(10)=1 → 1,11,21 (31 > 29)
    v("nightly", "H(0-29)/10 * * * *", &["1,11,21 * * * *"]),
    // 21. nextInt(60)=52; H(0-7) in hours: 0+nextInt(8)=3
    v("org/repo/main", "H H(0-7) * * *", &["52 3 * * *"]),
    // 22. 52; hour 3; day-of-week bare H in 0..=6: nextInt(7)=6 (Saturday)
    v("org/repo/main", "H 3 * * H", &["52 3 * * 6"]),
    // 23. 52; day-of-week H(1-5): 1+nextInt(5)=1+0 (Monday)
    v("org/repo/main", "H 3 * * H(1-5)", &["52 3 * * 1"]),
    // 24. H/1 is NO_STEP (BaseParser.java:146, :117-119): one value, nextInt(60)=52
    v("org/repo/main", "H/1 * * * *", &["52 * * * *"]),
    // 25. a list of two H: nextInt(60)=52, then nextInt(60)=55
    v("org/repo/main", "H,H * * * *", &["52,55 * * * *"]),
    // 26. minute literal 0 (no draw); hour nextInt(24)=4; day H(1-7): 1+nextInt(7)=1+6
    v("org/repo/main", "0 H H(1-7) * *", &["0 4 7 * *"]),
    // 27. 52, hour nextInt(24)=19, month H(1-6): 1+nextInt(6)=1+3
    v("org/repo/main", "H H * H(1-6) *", &["52 19 * 4 *"]),
    // 28. a non-ASCII key: MD5 over its UTF-8 bytes; nextInt(60)=52
    v("déploiement", "H * * * *", &["52 * * * *"]),
    // 29. the empty key (RFC 1321's MD5 of ""): nextInt(60)=57
    v("", "H * * * *", &["57 * * * *"]),
    // 30. H/8 (a power of two): 0+nextInt(8)=3 → 3,11,..,59
    v(
        "team-a/build",
        "H/8 * * * *",
        &["3,11,19,27,35,43,51,59 * * * *"],
    ),
    // 31. H/32 (power of two, bound 32 ≤ 60): nextInt(32)=15 → 15, 47
    v("team-a/build", "H/32 * * * *", &["15,47 * * * *"]),
    // 32. TZ line and a comment skipped; @hourly draws nextInt(60)=47; the next line
    //     continues the same Random: nextInt(60)=57, nextInt(24)=0
    Vector {
        key: "team-a/build",
        text: "TZ=UTC\n# nightly and hourly\n@hourly\nH H * * *",
        zone: Some("UTC"),
        expected: &["47 * * * *", "57 0 * * *"],
    },
    // 33. 47; hour H(0-23)/2: 0+nextInt(2)=0 → every even hour
    v(
        "team-a/build",
        "H H(0-23)/2 * * *",
        &["47 0,2,4,6,8,10,12,14,16,18,20,22 * * *"],
    ),
    // 34. 47, hour nextInt(24)=21, day-of-week H/2 in 0..=6: 0+nextInt(2)=0 → 0,2,4,6
    v("team-a/build", "H H * * H/2", &["47 21 * * 0,2,4,6"]),
    // 35. no H at all: the key changes nothing; both day fields set → AND (CronTab.java:164-169)
    v("team-a/build", "0 0 13 * 5", &["0 0 13 * +5"]),
    // 36. day-of-week 7 is folded onto 0 (CronTab.java:140-143)
    v("team-a/build", "30 6 * * 7", &["30 6 * * 0"]),
];

#[test]
fn pinned_vectors_resolve_as_jenkins_does() {
    assert!(VECTORS.len() >= 30);
    for (i, vec) in VECTORS.iter().enumerate() {
        let tabs = resolve(vec.text, Some(vec.key))
            .unwrap_or_else(|e| panic!("vector {}: {:?} refused: {e}", i + 1, vec.text));
        let got: Vec<String> = tabs.lines.iter().map(|l| l.tab.to_unix()).collect();
        assert_eq!(
            got,
            vec.expected,
            "vector {} ({:?}, key {:?})",
            i + 1,
            vec.text,
            vec.key
        );
        assert_eq!(tabs.timezone.as_deref(), vec.zone, "vector {}", i + 1);
    }
}

/// Jenkins' own times (CronTabTest.java:261-279), with the resolved fields evaluated by
/// cronkit's unix engine in UTC.
#[test]
fn jenkins_test_times() {
    use chrono::{TimeZone, Utc};
    use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};
    let cases = [
        (
            "stuff",
            "H 17 * * *",
            (2013, 3, 21, 16, 21),
            (2013, 3, 21, 17, 56),
        ),
        (
            "stuff",
            "H * * * *",
            (2013, 3, 21, 16, 21),
            (2013, 3, 21, 16, 56),
        ),
        (
            "junk",
            "@hourly",
            (2013, 3, 21, 16, 21),
            (2013, 3, 21, 17, 20),
        ),
        (
            "stuff",
            "H H(12-13) * * *",
            (2013, 3, 21, 16, 21),
            (2013, 3, 22, 13, 56),
        ),
        (
            "stuff",
            "H/15 * * * *",
            (2013, 3, 21, 16, 21),
            (2013, 3, 21, 16, 26),
        ),
        (
            "stuff",
            "H/15 * * * *",
            (2013, 3, 21, 16, 42),
            (2013, 3, 21, 16, 56),
        ),
        (
            "stuff",
            "H/15 * * * *",
            (2013, 3, 21, 16, 59),
            (2013, 3, 21, 17, 11),
        ),
        (
            "junk",
            "H(0-3)/4 * * * *",
            (2013, 3, 21, 0, 5),
            (2013, 3, 21, 1, 2),
        ),
    ];
    for (key, text, from, want) in cases {
        let tabs = resolve(text, Some(key)).unwrap();
        let s = Schedule::parse(&tabs.lines[0].tab.to_unix(), DialectChoice::Unix).unwrap();
        let from = Utc
            .with_ymd_and_hms(from.0, from.1, from.2, from.3, from.4, 0)
            .unwrap();
        let want = Utc
            .with_ymd_and_hms(want.0, want.1, want.2, want.3, want.4, 0)
            .unwrap();
        assert_eq!(
            s.next_after(from, &Zone::utc(), DstPolicy::Skip),
            Some(want),
            "{key} {text}"
        );
    }
}

/// `Random.nextInt`'s rejection loop: a seed whose first `next(31)` is 2^31−1 (in the
/// incomplete last block for bound 60) must draw again. Seed found by inverting the
/// LCG; answers from OpenJDK 17's `java.util.Random`: nextInt(60) = 15, then 9;
/// nextInt(64) = 63 (power of two: no rejection).
#[test]
fn rejection_loop_matches_java() {
    let mut r = JavaRandom::new(241_747_308_989_624);
    assert_eq!(r.next_int(60), Ok(15));
    assert_eq!(r.next_int(60), Ok(9));
    let mut r = JavaRandom::new(241_747_308_989_624);
    assert_eq!(r.next_int(64), Ok(63));
}

#[test]
fn the_same_key_always_gives_the_same_fields() {
    for i in 0..200 {
        let key = format!("team/job-{i}");
        let text = "H H(8-18)/3 H * H\n@weekly";
        assert_eq!(resolve(text, Some(&key)), resolve(text, Some(&key)));
    }
}

/// Every `H` lands inside its range and on its stride, for many keys and forms.
#[test]
fn hashed_values_stay_in_their_ranges() {
    // (text, field index, low, high, step; 1 = a single value)
    let forms: &[(&str, usize, u32, u32, u32)] = &[
        ("H * * * *", 0, 0, 59, 1),
        ("H(10-20) * * * *", 0, 10, 20, 1),
        ("H(5-50)/7 * * * *", 0, 5, 50, 7),
        ("H/13 * * * *", 0, 0, 59, 13),
        ("0 H * * *", 1, 0, 23, 1),
        ("0 H(0-2) * * *", 1, 0, 2, 1),
        ("0 0 H * *", 2, 1, 28, 1),
        ("0 0 H/5 * *", 2, 1, 28, 5),
        ("0 0 * H *", 3, 1, 12, 1),
        ("0 0 * * H", 4, 0, 6, 1),
        ("0 0 * * H(1-5)/2", 4, 1, 5, 2),
    ];
    for i in 0..2000 {
        let key = format!("folder-{}/job-{i}", i % 7);
        for &(text, field, low, high, step) in forms {
            let tabs = resolve(text, Some(&key)).unwrap();
            let t = &tabs.lines[0].tab;
            let bits = [
                t.minutes,
                t.hours,
                t.days_of_month,
                t.months,
                t.days_of_week,
            ][field];
            let values: Vec<u32> = (0..64).filter(|v| bits >> v & 1 == 1).collect();
            assert!(!values.is_empty(), "{text} {key}");
            assert!(
                values.iter().all(|v| (low..=high).contains(v)),
                "{text} key {key}: {values:?} outside {low}-{high}"
            );
            if step == 1 {
                assert_eq!(values.len(), 1, "{text}: H picks one value");
            } else {
                // a full stride: starts within the first step, ends within the last
                assert!(values[0] < low + step, "{text} {values:?}");
                assert!(*values.last().unwrap() + step > high, "{text} {values:?}");
                assert!(
                    values.windows(2).all(|w| w[1] - w[0] == step),
                    "{text} {values:?}"
                );
            }
        }
    }
}

/// Pearson's chi-square of the counts against a uniform spread.
fn chi_square(counts: &[u32]) -> f64 {
    let total: u32 = counts.iter().sum();
    let expected = total as f64 / counts.len() as f64;
    counts
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum()
}

/// 10 000 job names spread evenly: chi-square of each field's `H` stays below the
/// 99.9th percentile of its distribution (df 59: 95.8; 23: 49.7; 27: 55.5; 11: 31.3;
/// 6: 22.5, rounded up), and a broken hash (a constant, or a few values) fails.
#[test]
fn different_keys_spread_evenly() {
    let mut minute = [0u32; 60];
    let mut hour = [0u32; 24];
    let mut dom = [0u32; 29];
    let mut month = [0u32; 13];
    let mut dow = [0u32; 7];
    for i in 0..10_000 {
        let key = format!("org/repo-{}/branch-{}", i / 100, i % 100);
        let tabs = resolve("H H H H *\nH H * * H", Some(&key)).unwrap();
        let a = &tabs.lines[0].tab;
        minute[a.minutes.trailing_zeros() as usize] += 1;
        hour[a.hours.trailing_zeros() as usize] += 1;
        dom[a.days_of_month.trailing_zeros() as usize] += 1;
        month[a.months.trailing_zeros() as usize] += 1;
        dow[tabs.lines[1].tab.days_of_week.trailing_zeros() as usize] += 1;
    }
    assert!(chi_square(&minute) < 96.0, "minute {}", chi_square(&minute));
    assert!(chi_square(&hour) < 50.0, "hour {}", chi_square(&hour));
    assert!(
        chi_square(&dom[1..]) < 56.0,
        "dom {}",
        chi_square(&dom[1..])
    );
    assert!(
        chi_square(&month[1..]) < 32.0,
        "month {}",
        chi_square(&month[1..])
    );
    assert!(chi_square(&dow) < 23.0, "dow {}", chi_square(&dow));
    // the check has teeth: everything at one minute is far outside the bound
    let mut lumped = [0u32; 60];
    lumped[0] = 10_000;
    assert!(chi_square(&lumped) > 96.0);
}

#[test]
fn without_a_key_every_h_is_the_lowest_value() {
    let tabs = resolve("H(5-9) H * * *\n@weekly", None).unwrap();
    assert_eq!(tabs.lines[0].tab.to_unix(), "5 0 * * *");
    assert_eq!(tabs.lines[1].tab.to_unix(), "0 0 * * 0");
    assert!(!JenkinsHash::zero().is_keyed());
}
