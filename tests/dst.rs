//! Daylight-saving behaviour pinned per policy (`shift`, `skip`, `quartz`) at the gaps
//! and overlaps of New York, London, Lord Howe (a 30-minute shift) and Santiago (clocks
//! change at midnight), for fixed times and for every-N-minutes schedules, forwards and
//! backwards, in 2026, in 2099 (the last year of chrono-tz's tables), in 2150 (rules
//! extended by an equivalent year) and in 2110.
//!
//! Every expected instant is derived by the reasoning written next to it. The `quartz`
//! column of every forward case was also put to the real Quartz 2.3.2
//! (`../shared/oracles/quartz/run.sh`, Debian libquartz2-java 2.3.2, OpenJDK 17; run
//! on 2026-11-21) for the years 2026, 2099 and 2110 and agrees with it; Quartz cannot
//! be asked about 2150 (it stops after clock year + 100 = 2126). Java is not called
//! from this test.
//!
//! The transitions used (all three years 2026, 2099 and 2150 start on a Thursday and
//! are not leap years, so they share the calendar and the transition dates):
//!
//! | zone | gap (spring forward) | overlap (fall back) |
//! |---|---|---|
//! | America/New_York | 03-08 02:00 EST → 03:00 EDT at 07:00Z: 02:00–02:59 missing | 11-01 02:00 EDT → 01:00 EST at 06:00Z: 01:00–01:59 at 05:00–05:59Z and 06:00–06:59Z |
//! | Europe/London | 03-29 01:00 GMT → 02:00 BST at 01:00Z: 01:00–01:59 missing | 10-25 02:00 BST → 01:00 GMT at 01:00Z: 01:00–01:59 at 00:00–00:59Z and 01:00–01:59Z |
//! | Australia/Lord_Howe (+10:30 / +11) | 10-04 02:00 → 02:30 at 10-03 15:30Z: 02:00–02:29 missing | 04-05 02:00 → 01:30 at 04-04 15:00Z: 01:30–01:59 at 14:30–14:59Z and 15:00–15:29Z (04-04) |
//! | America/Santiago (-4 / -3) | 09-06 00:00 → 01:00 at 04:00Z: the day's 00:00–00:59 missing | 04-05 00:00 → 04-04 23:00 at 04-05 03:00Z: 04-04 23:00–23:59 at 02:00–02:59Z and 03:00–03:59Z (04-05) |
//!
//! Policies (SPEC §3): `shift` fires a gap time at the same wall time plus the gap
//! (i.e. at its pre-transition offset) and an overlap once, at its first occurrence;
//! `skip` drops gap times and fires an overlap at its first occurrence; `quartz` drops
//! gap times and fires an overlap only at its second occurrence, and, as Quartz, searches
//! forward from the wall-clock time of the start instant.

use cronkit::{DialectChoice, DstPolicy, LocalTime, Schedule, Zone};

const POLICIES: [DstPolicy; 3] = [DstPolicy::Shift, DstPolicy::Skip, DstPolicy::Quartz];

/// What a case expects: the same for every policy, or one list per policy.
/// Instants are UTC `MM-DDTHH:MM` (second 0) in the case's year.
enum Want {
    All(&'static [&'static str]),
    By {
        shift: &'static [&'static str],
        skip: &'static [&'static str],
        quartz: &'static [&'static str],
    },
}

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    /// `next_after(from)`, repeated: oldest first.
    Next,
    /// `prev_before(from)`, repeated: newest first.
    Prev,
}

struct Case {
    name: &'static str,
    expr: &'static str,
    zone: &'static str,
    dir: Dir,
    from: &'static str,
    want: Want,
}

use Dir::{Next, Prev};

/// Cases that hold in 2026, 2099 and 2150 alike.
const CASES: &[Case] = &[
    // ------------------------------------------------------------ New York
    Case {
        name: "NY 02:30 daily across the gap",
        expr: "0 30 2 * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "03-06T12:00",
        want: Want::By {
            // 03-07 02:30 EST = 07:30Z. 03-08 02:30 EST does not exist: shift fires at
            // 03:30 EDT = 07:30Z; skip and quartz drop the day. 03-09 02:30 EDT = 06:30Z.
            shift: &["03-07T07:30", "03-08T07:30", "03-09T06:30", "03-10T06:30"],
            skip: &["03-07T07:30", "03-09T06:30", "03-10T06:30", "03-11T06:30"],
            quartz: &["03-07T07:30", "03-09T06:30", "03-10T06:30", "03-11T06:30"],
        },
    },
    Case {
        name: "NY 02:30 daily across the gap, unix dialect",
        expr: "30 2 * * *",
        zone: "America/New_York",
        dir: Next,
        from: "03-06T12:00",
        want: Want::By {
            shift: &["03-07T07:30", "03-08T07:30", "03-09T06:30", "03-10T06:30"],
            skip: &["03-07T07:30", "03-09T06:30", "03-10T06:30", "03-11T06:30"],
            quartz: &["03-07T07:30", "03-09T06:30", "03-10T06:30", "03-11T06:30"],
        },
    },
    Case {
        name: "NY 02:00 daily across the gap",
        expr: "0 0 2 * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "03-06T12:00",
        want: Want::By {
            // 02:00 EST on 03-08 is the first missing second: shift fires at 03:00 EDT = 07:00Z
            shift: &["03-07T07:00", "03-08T07:00", "03-09T06:00"],
            skip: &["03-07T07:00", "03-09T06:00", "03-10T06:00"],
            quartz: &["03-07T07:00", "03-09T06:00", "03-10T06:00"],
        },
    },
    Case {
        name: "NY 01:30 daily across the overlap",
        expr: "0 30 1 * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "10-30T12:00",
        want: Want::By {
            // 10-31 01:30 EDT = 05:30Z. 11-01 01:30 happens at 05:30Z (EDT) and 06:30Z
            // (EST): shift/skip take the first, quartz the second. 11-02 01:30 EST = 06:30Z.
            shift: &["10-31T05:30", "11-01T05:30", "11-02T06:30", "11-03T06:30"],
            skip: &["10-31T05:30", "11-01T05:30", "11-02T06:30", "11-03T06:30"],
            quartz: &["10-31T05:30", "11-01T06:30", "11-02T06:30", "11-03T06:30"],
        },
    },
    Case {
        name: "NY every 15 minutes across the gap",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "03-08T06:30",
        // 06:45Z = 01:45 EST; then 03:00 EDT = 07:00Z. Under shift 02:00/02:15/... EST
        // map to 07:00Z/07:15Z/... too, the same instants as 03:00/03:15 EDT: each once.
        want: Want::All(&[
            "03-08T06:45",
            "03-08T07:00",
            "03-08T07:15",
            "03-08T07:30",
            "03-08T07:45",
            "03-08T08:00",
        ]),
    },
    Case {
        name: "NY every 15 minutes across the overlap",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T04:30",
        want: Want::By {
            // 04:45Z = 00:45 EDT; 01:00–01:45 EDT = 05:00–05:45Z fire under shift/skip,
            // whose second occurrences (06:00–06:45Z) do not; quartz does the opposite.
            // 02:00 EST = 07:00Z.
            shift: &[
                "11-01T04:45",
                "11-01T05:00",
                "11-01T05:15",
                "11-01T05:30",
                "11-01T05:45",
                "11-01T07:00",
                "11-01T07:15",
                "11-01T07:30",
            ],
            skip: &[
                "11-01T04:45",
                "11-01T05:00",
                "11-01T05:15",
                "11-01T05:30",
                "11-01T05:45",
                "11-01T07:00",
                "11-01T07:15",
                "11-01T07:30",
            ],
            quartz: &[
                "11-01T04:45",
                "11-01T06:00",
                "11-01T06:15",
                "11-01T06:30",
                "11-01T06:45",
                "11-01T07:00",
                "11-01T07:15",
                "11-01T07:30",
            ],
        },
    },
    Case {
        name: "NY every 15 minutes across the overlap, unix dialect",
        expr: "*/15 * * * *",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T04:30",
        want: Want::By {
            shift: &[
                "11-01T04:45",
                "11-01T05:00",
                "11-01T05:15",
                "11-01T05:30",
                "11-01T05:45",
                "11-01T07:00",
            ],
            skip: &[
                "11-01T04:45",
                "11-01T05:00",
                "11-01T05:15",
                "11-01T05:30",
                "11-01T05:45",
                "11-01T07:00",
            ],
            quartz: &[
                "11-01T04:45",
                "11-01T06:00",
                "11-01T06:15",
                "11-01T06:30",
                "11-01T06:45",
                "11-01T07:00",
            ],
        },
    },
    Case {
        name: "NY every 30 minutes across the overlap",
        expr: "0 0/30 * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T04:00",
        want: Want::By {
            shift: &[
                "11-01T04:30",
                "11-01T05:00",
                "11-01T05:30",
                "11-01T07:00",
                "11-01T07:30",
                "11-01T08:00",
            ],
            skip: &[
                "11-01T04:30",
                "11-01T05:00",
                "11-01T05:30",
                "11-01T07:00",
                "11-01T07:30",
                "11-01T08:00",
            ],
            quartz: &[
                "11-01T04:30",
                "11-01T06:00",
                "11-01T06:30",
                "11-01T07:00",
                "11-01T07:30",
                "11-01T08:00",
            ],
        },
    },
    Case {
        name: "NY every minute across the gap",
        expr: "0 * * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "03-08T06:58",
        // 01:59 EST = 06:59Z, then 03:00 EDT = 07:00Z: no hole in real time
        want: Want::All(&["03-08T06:59", "03-08T07:00", "03-08T07:01"]),
    },
    Case {
        name: "NY every minute into the overlap",
        expr: "0 * * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T04:58",
        want: Want::By {
            // 00:59 EDT = 04:59Z; 01:00 fires at 05:00Z (first) or 06:00Z (quartz: second)
            shift: &["11-01T04:59", "11-01T05:00", "11-01T05:01"],
            skip: &["11-01T04:59", "11-01T05:00", "11-01T05:01"],
            quartz: &["11-01T04:59", "11-01T06:00", "11-01T06:01"],
        },
    },
    Case {
        name: "NY every minute out of the overlap, from inside its first occurrence",
        expr: "0 * * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T05:58",
        want: Want::By {
            // shift/skip: 01:59 EDT = 05:59Z, then the second 01:00–01:59 is silent and
            // 02:00 EST = 07:00Z fires. Quartz searches from the wall time 01:58: the next
            // wall time 01:59 fires at its second occurrence, 06:59Z; 06:00–06:58Z (wall
            // times not after 01:58) are passed over, as Quartz does.
            shift: &["11-01T05:59", "11-01T07:00", "11-01T07:01"],
            skip: &["11-01T05:59", "11-01T07:00", "11-01T07:01"],
            quartz: &["11-01T06:59", "11-01T07:00", "11-01T07:01"],
        },
    },
    Case {
        name: "NY every 15 minutes from 01:00 EDT (first occurrence)",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "11-01T05:00",
        want: Want::By {
            // quartz: wall times after 01:00 → 01:15 at its second occurrence, 06:15Z;
            // 06:00Z (01:00 EST, not after the wall time 01:00) is passed over.
            shift: &["11-01T05:15", "11-01T05:30", "11-01T05:45"],
            skip: &["11-01T05:15", "11-01T05:30", "11-01T05:45"],
            quartz: &["11-01T06:15", "11-01T06:30", "11-01T06:45"],
        },
    },
    Case {
        name: "NY 02:30 daily backwards across the gap",
        expr: "0 30 2 * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "03-10T00:00",
        want: Want::By {
            shift: &["03-09T06:30", "03-08T07:30", "03-07T07:30"],
            skip: &["03-09T06:30", "03-07T07:30", "03-06T07:30"],
            quartz: &["03-09T06:30", "03-07T07:30", "03-06T07:30"],
        },
    },
    Case {
        name: "NY 01:30 daily backwards across the overlap",
        expr: "0 30 1 * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "11-02T12:00",
        want: Want::By {
            shift: &["11-02T06:30", "11-01T05:30", "10-31T05:30"],
            skip: &["11-02T06:30", "11-01T05:30", "10-31T05:30"],
            quartz: &["11-02T06:30", "11-01T06:30", "10-31T05:30"],
        },
    },
    Case {
        name: "NY every 15 minutes backwards from inside the second occurrence",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T06:45",
        want: Want::By {
            // 06:45Z = 01:45 EST. shift/skip fire only the first occurrence: 05:45Z last.
            // quartz fires the second occurrence: 06:30Z, 06:15Z, 06:00Z.
            shift: &["11-01T05:45", "11-01T05:30", "11-01T05:15"],
            skip: &["11-01T05:45", "11-01T05:30", "11-01T05:15"],
            quartz: &["11-01T06:30", "11-01T06:15", "11-01T06:00"],
        },
    },
    Case {
        name: "NY every 15 minutes backwards from early in the second occurrence",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T06:05",
        want: Want::By {
            // 06:05Z = 01:05 EST. Under shift/skip the wall times 01:15–01:45, later on the
            // wall clock than 01:05, fired at their first occurrence, before the start:
            // 01:45 EDT = 05:45Z is the last fire. quartz: 01:00 EST = 06:00Z, then 00:45
            // EDT = 04:45Z (its first-occurrence instants never fire).
            shift: &["11-01T05:45", "11-01T05:30", "11-01T05:15"],
            skip: &["11-01T05:45", "11-01T05:30", "11-01T05:15"],
            quartz: &["11-01T06:00", "11-01T04:45", "11-01T04:30"],
        },
    },
    Case {
        name: "London every 30 minutes backwards from early in the second occurrence",
        expr: "0 0/30 * * * ?",
        zone: "Europe/London",
        dir: Prev,
        from: "10-25T01:10",
        want: Want::By {
            // 01:10Z = 01:10 GMT. shift/skip: 01:30 BST = 00:30Z, 01:00 BST = 00:00Z.
            // quartz: 01:00 GMT = 01:00Z, then 00:30 BST = 10-24 23:30Z.
            shift: &["10-25T00:30", "10-25T00:00", "10-24T23:30"],
            skip: &["10-25T00:30", "10-25T00:00", "10-24T23:30"],
            quartz: &["10-25T01:00", "10-24T23:30", "10-24T23:00"],
        },
    },
    Case {
        name: "Lord Howe every minute backwards from early in the second occurrence",
        expr: "0 * * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Prev,
        from: "04-04T15:02",
        want: Want::By {
            // 15:02Z = 01:32 (+10:30). shift/skip: 01:59 (+11) = 14:59Z, 14:58Z, ...
            // quartz: 01:31, 01:30 (+10:30) = 15:01Z, 15:00Z, then 01:29 (+11) = 14:29Z.
            shift: &["04-04T14:59", "04-04T14:58", "04-04T14:57"],
            skip: &["04-04T14:59", "04-04T14:58", "04-04T14:57"],
            quartz: &["04-04T15:01", "04-04T15:00", "04-04T14:29"],
        },
    },
    Case {
        name: "Santiago every 30 minutes backwards from early in the second occurrence",
        expr: "0 0/30 * * * ?",
        zone: "America/Santiago",
        dir: Prev,
        from: "04-05T03:10",
        want: Want::By {
            // 03:10Z = 04-04 23:10 (-4). shift/skip: 23:30 (-3) = 02:30Z, 23:00 (-3) =
            // 02:00Z. quartz: 23:00 (-4) = 03:00Z, then 22:30 (-3) = 01:30Z.
            shift: &["04-05T02:30", "04-05T02:00", "04-05T01:30"],
            skip: &["04-05T02:30", "04-05T02:00", "04-05T01:30"],
            quartz: &["04-05T03:00", "04-05T01:30", "04-05T01:00"],
        },
    },
    Case {
        name: "NY every 15 minutes backwards from after the overlap",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T07:10",
        want: Want::By {
            shift: &["11-01T07:00", "11-01T05:45", "11-01T05:30", "11-01T05:15"],
            skip: &["11-01T07:00", "11-01T05:45", "11-01T05:30", "11-01T05:15"],
            quartz: &["11-01T07:00", "11-01T06:45", "11-01T06:30", "11-01T06:15"],
        },
    },
    Case {
        name: "NY every 15 minutes backwards from inside the first occurrence",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T05:50",
        want: Want::By {
            // 05:50Z = 01:50 EDT. quartz's overlap fires are all later (06:00Z on):
            // the last one before is 00:45 EDT = 04:45Z.
            shift: &["11-01T05:45", "11-01T05:30", "11-01T05:15"],
            skip: &["11-01T05:45", "11-01T05:30", "11-01T05:15"],
            quartz: &["11-01T04:45", "11-01T04:30", "11-01T04:15"],
        },
    },
    Case {
        name: "NY every 15 minutes backwards across the gap",
        expr: "0 0/15 * * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "03-08T07:10",
        want: Want::All(&["03-08T07:00", "03-08T06:45", "03-08T06:30", "03-08T06:15"]),
    },
    Case {
        name: "NY every minute backwards across the overlap",
        expr: "0 * * * * ?",
        zone: "America/New_York",
        dir: Prev,
        from: "11-01T07:01",
        want: Want::By {
            shift: &["11-01T07:00", "11-01T05:59", "11-01T05:58"],
            skip: &["11-01T07:00", "11-01T05:59", "11-01T05:58"],
            quartz: &["11-01T07:00", "11-01T06:59", "11-01T06:58"],
        },
    },
    // ------------------------------------------------------------ London
    Case {
        name: "London 01:30 daily across the gap",
        expr: "0 30 1 * * ?",
        zone: "Europe/London",
        dir: Next,
        from: "03-27T12:00",
        want: Want::By {
            // 03-28 01:30 GMT = 01:30Z; 03-29 01:30 does not exist: shift fires at
            // 02:30 BST = 01:30Z; 03-30 01:30 BST = 00:30Z.
            shift: &["03-28T01:30", "03-29T01:30", "03-30T00:30"],
            skip: &["03-28T01:30", "03-30T00:30", "03-31T00:30"],
            quartz: &["03-28T01:30", "03-30T00:30", "03-31T00:30"],
        },
    },
    Case {
        name: "London 01:30 daily across the overlap",
        expr: "0 30 1 * * ?",
        zone: "Europe/London",
        dir: Next,
        from: "10-23T12:00",
        want: Want::By {
            // 10-24 01:30 BST = 00:30Z; 10-25 01:30 at 00:30Z (BST) and 01:30Z (GMT)
            shift: &["10-24T00:30", "10-25T00:30", "10-26T01:30"],
            skip: &["10-24T00:30", "10-25T00:30", "10-26T01:30"],
            quartz: &["10-24T00:30", "10-25T01:30", "10-26T01:30"],
        },
    },
    Case {
        name: "London every 30 minutes across the overlap",
        expr: "0 0/30 * * * ?",
        zone: "Europe/London",
        dir: Next,
        from: "10-24T23:00",
        want: Want::By {
            // 23:30Z = 00:30 BST; 01:00/01:30 at 00:00Z/00:30Z (BST) or 01:00Z/01:30Z
            // (GMT); 02:00 GMT = 02:00Z.
            shift: &[
                "10-24T23:30",
                "10-25T00:00",
                "10-25T00:30",
                "10-25T02:00",
                "10-25T02:30",
                "10-25T03:00",
            ],
            skip: &[
                "10-24T23:30",
                "10-25T00:00",
                "10-25T00:30",
                "10-25T02:00",
                "10-25T02:30",
                "10-25T03:00",
            ],
            quartz: &[
                "10-24T23:30",
                "10-25T01:00",
                "10-25T01:30",
                "10-25T02:00",
                "10-25T02:30",
                "10-25T03:00",
            ],
        },
    },
    Case {
        name: "London every minute across the gap",
        expr: "0 * * * * ?",
        zone: "Europe/London",
        dir: Next,
        from: "03-29T00:58",
        // 00:59 GMT = 00:59Z, then 02:00 BST = 01:00Z
        want: Want::All(&["03-29T00:59", "03-29T01:00", "03-29T01:01"]),
    },
    Case {
        name: "London 01:30 daily backwards across the gap",
        expr: "0 30 1 * * ?",
        zone: "Europe/London",
        dir: Prev,
        from: "03-31T00:00",
        want: Want::By {
            shift: &["03-30T00:30", "03-29T01:30", "03-28T01:30"],
            skip: &["03-30T00:30", "03-28T01:30", "03-27T01:30"],
            quartz: &["03-30T00:30", "03-28T01:30", "03-27T01:30"],
        },
    },
    // ------------------------------------------------------------ Lord Howe
    Case {
        name: "Lord Howe 02:15 daily across the 30-minute gap",
        expr: "0 15 2 * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-02T00:00",
        want: Want::By {
            // 10-03 02:15 (+10:30) = 10-02 15:45Z. 10-04 02:15 does not exist: shift
            // fires at 02:45 (+11) = 10-03 15:45Z. 10-05 02:15 (+11) = 10-04 15:15Z.
            shift: &["10-02T15:45", "10-03T15:45", "10-04T15:15"],
            skip: &["10-02T15:45", "10-04T15:15", "10-05T15:15"],
            quartz: &["10-02T15:45", "10-04T15:15", "10-05T15:15"],
        },
    },
    Case {
        name: "Lord Howe 01:45 daily across the 30-minute overlap",
        expr: "0 45 1 * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "04-03T00:00",
        want: Want::By {
            // 04-04 01:45 (+11) = 04-03 14:45Z. 04-05 01:45 at 04-04 14:45Z (+11) and
            // 15:15Z (+10:30). 04-06 01:45 (+10:30) = 04-05 15:15Z.
            shift: &["04-03T14:45", "04-04T14:45", "04-05T15:15"],
            skip: &["04-03T14:45", "04-04T14:45", "04-05T15:15"],
            quartz: &["04-03T14:45", "04-04T15:15", "04-05T15:15"],
        },
    },
    Case {
        name: "Lord Howe every 20 minutes across the 30-minute gap",
        expr: "0 0/20 * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-03T15:00",
        want: Want::By {
            // 15:00Z = 01:30 (+10:30). 01:40 = 15:10Z. 02:00 and 02:20 do not exist:
            // shift fires them at +10:30, 15:30Z and 15:50Z, between the real 02:40 (+11)
            // = 15:40Z and 03:00 = 16:00Z. skip/quartz drop them.
            shift: &[
                "10-03T15:10",
                "10-03T15:30",
                "10-03T15:40",
                "10-03T15:50",
                "10-03T16:00",
                "10-03T16:20",
            ],
            skip: &[
                "10-03T15:10",
                "10-03T15:40",
                "10-03T16:00",
                "10-03T16:20",
                "10-03T16:40",
                "10-03T17:00",
            ],
            quartz: &[
                "10-03T15:10",
                "10-03T15:40",
                "10-03T16:00",
                "10-03T16:20",
                "10-03T16:40",
                "10-03T17:00",
            ],
        },
    },
    Case {
        name: "Lord Howe every 20 minutes across the gap, unix dialect",
        expr: "*/20 * * * *",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-03T15:00",
        want: Want::By {
            shift: &[
                "10-03T15:10",
                "10-03T15:30",
                "10-03T15:40",
                "10-03T15:50",
                "10-03T16:00",
            ],
            skip: &[
                "10-03T15:10",
                "10-03T15:40",
                "10-03T16:00",
                "10-03T16:20",
                "10-03T16:40",
            ],
            quartz: &[
                "10-03T15:10",
                "10-03T15:40",
                "10-03T16:00",
                "10-03T16:20",
                "10-03T16:40",
            ],
        },
    },
    Case {
        name: "Lord Howe every 15 minutes across the gap",
        expr: "0 0/15 * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-03T15:00",
        // 01:45 (+10:30) = 15:15Z; 02:30 (+11) = 15:30Z. Shifted 02:00/02:15 land on
        // 15:30Z/15:45Z, the same instants as 02:30/02:45 (+11).
        want: Want::All(&["10-03T15:15", "10-03T15:30", "10-03T15:45", "10-03T16:00"]),
    },
    Case {
        name: "Lord Howe every 15 minutes across the overlap",
        expr: "0 0/15 * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "04-04T14:00",
        want: Want::By {
            // 14:00Z = 01:00 (+11). 01:15 = 14:15Z. 01:30/01:45 at 14:30Z/14:45Z (+11) or
            // 15:00Z/15:15Z (+10:30). 02:00 (+10:30) = 15:30Z.
            shift: &[
                "04-04T14:15",
                "04-04T14:30",
                "04-04T14:45",
                "04-04T15:30",
                "04-04T15:45",
            ],
            skip: &[
                "04-04T14:15",
                "04-04T14:30",
                "04-04T14:45",
                "04-04T15:30",
                "04-04T15:45",
            ],
            quartz: &[
                "04-04T14:15",
                "04-04T15:00",
                "04-04T15:15",
                "04-04T15:30",
                "04-04T15:45",
            ],
        },
    },
    Case {
        name: "Lord Howe every 30 minutes across the overlap",
        expr: "0 0/30 * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "04-04T13:45",
        want: Want::By {
            shift: &["04-04T14:00", "04-04T14:30", "04-04T15:30", "04-04T16:00"],
            skip: &["04-04T14:00", "04-04T14:30", "04-04T15:30", "04-04T16:00"],
            quartz: &["04-04T14:00", "04-04T15:00", "04-04T15:30", "04-04T16:00"],
        },
    },
    Case {
        name: "Lord Howe every minute out of the overlap, from inside its first occurrence",
        expr: "0 * * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "04-04T14:58",
        want: Want::By {
            // 14:58Z = 01:58 (+11). shift/skip: 01:59 (+11) = 14:59Z, then 02:00 (+10:30)
            // = 15:30Z. quartz: wall 01:59 at its second occurrence, 15:29Z.
            shift: &["04-04T14:59", "04-04T15:30", "04-04T15:31"],
            skip: &["04-04T14:59", "04-04T15:30", "04-04T15:31"],
            quartz: &["04-04T15:29", "04-04T15:30", "04-04T15:31"],
        },
    },
    Case {
        name: "Lord Howe every minute across the gap",
        expr: "0 * * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-03T15:28",
        want: Want::All(&["10-03T15:29", "10-03T15:30", "10-03T15:31"]),
    },
    Case {
        name: "Lord Howe every 20 minutes backwards across the gap",
        expr: "0 0/20 * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Prev,
        from: "10-03T16:00",
        want: Want::By {
            // the mirror of the forward case: the shifted 02:20 (15:50Z) is later than
            // the real 02:40 (15:40Z)
            shift: &["10-03T15:50", "10-03T15:40", "10-03T15:30", "10-03T15:10"],
            skip: &["10-03T15:40", "10-03T15:10", "10-03T14:50", "10-03T14:30"],
            quartz: &["10-03T15:40", "10-03T15:10", "10-03T14:50", "10-03T14:30"],
        },
    },
    Case {
        name: "Lord Howe 01:45 daily backwards across the overlap",
        expr: "0 45 1 * * ?",
        zone: "Australia/Lord_Howe",
        dir: Prev,
        from: "04-06T00:00",
        want: Want::By {
            shift: &["04-05T15:15", "04-04T14:45", "04-03T14:45"],
            skip: &["04-05T15:15", "04-04T14:45", "04-03T14:45"],
            quartz: &["04-05T15:15", "04-04T15:15", "04-03T14:45"],
        },
    },
    // ------------------------------------------------------------ Santiago
    Case {
        name: "Santiago midnight daily across the gap",
        expr: "0 0 0 * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "09-04T12:00",
        want: Want::By {
            // 09-05 00:00 (-4) = 04:00Z. 09-06 00:00 does not exist: shift fires at
            // 01:00 (-3) = 09-06 04:00Z; skip/quartz drop the day. 09-07 00:00 (-3) = 03:00Z.
            shift: &["09-05T04:00", "09-06T04:00", "09-07T03:00"],
            skip: &["09-05T04:00", "09-07T03:00", "09-08T03:00"],
            quartz: &["09-05T04:00", "09-07T03:00", "09-08T03:00"],
        },
    },
    Case {
        name: "Santiago midnight daily across the overlap (midnight itself is unique)",
        expr: "0 0 0 * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "04-03T12:00",
        // 04-04 00:00 (-3) = 03:00Z. On 04-05 the clock goes from 00:00 (-3) back to
        // 04-04 23:00 (-4), so 04-05 00:00 happens once, at (-4) = 04:00Z.
        want: Want::All(&["04-04T03:00", "04-05T04:00", "04-06T04:00"]),
    },
    Case {
        name: "Santiago 23:30 daily across the overlap",
        expr: "0 30 23 * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "04-03T12:00",
        want: Want::By {
            // 04-03 23:30 (-3) = 04-04 02:30Z. 04-04 23:30 at 04-05 02:30Z (-3) and
            // 03:30Z (-4). 04-05 23:30 (-4) = 04-06 03:30Z.
            shift: &["04-04T02:30", "04-05T02:30", "04-06T03:30"],
            skip: &["04-04T02:30", "04-05T02:30", "04-06T03:30"],
            quartz: &["04-04T02:30", "04-05T03:30", "04-06T03:30"],
        },
    },
    Case {
        name: "Santiago every 15 minutes across the gap",
        expr: "0 0/15 * * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "09-06T03:30",
        // 03:45Z = 09-05 23:45 (-4); then 01:00 (-3) = 04:00Z (shifted 00:xx land there too)
        want: Want::All(&["09-06T03:45", "09-06T04:00", "09-06T04:15", "09-06T04:30"]),
    },
    Case {
        name: "Santiago every 30 minutes across the overlap",
        expr: "0 0/30 * * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "04-05T01:00",
        want: Want::By {
            // 01:30Z = 04-04 22:30 (-3); 23:00/23:30 at 02:00Z/02:30Z (-3) or 03:00Z/03:30Z
            // (-4); 04-05 00:00 (-4) = 04:00Z.
            shift: &[
                "04-05T01:30",
                "04-05T02:00",
                "04-05T02:30",
                "04-05T04:00",
                "04-05T04:30",
            ],
            skip: &[
                "04-05T01:30",
                "04-05T02:00",
                "04-05T02:30",
                "04-05T04:00",
                "04-05T04:30",
            ],
            quartz: &[
                "04-05T01:30",
                "04-05T03:00",
                "04-05T03:30",
                "04-05T04:00",
                "04-05T04:30",
            ],
        },
    },
    Case {
        name: "Santiago every minute of hour 0 across the gap",
        expr: "0 * 0 * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "09-06T03:58",
        want: Want::By {
            // hour 0 of 09-06 does not exist. shift: 00:00, 00:01, ... fire at (-4) =
            // 04:00Z, 04:01Z, ... (01:00, 01:01 (-3)). skip/quartz: next is 09-07 00:00
            // (-3) = 03:00Z.
            shift: &["09-06T04:00", "09-06T04:01", "09-06T04:02"],
            skip: &["09-07T03:00", "09-07T03:01", "09-07T03:02"],
            quartz: &["09-07T03:00", "09-07T03:01", "09-07T03:02"],
        },
    },
    Case {
        name: "Santiago every minute out of the overlap, from inside its first occurrence",
        expr: "0 * * * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "04-05T02:58",
        want: Want::By {
            // 02:58Z = 04-04 23:58 (-3). shift/skip: 23:59 (-3) = 02:59Z, then 04-05 00:00
            // (-4) = 04:00Z. quartz: wall 23:59 at its second occurrence, 03:59Z.
            shift: &["04-05T02:59", "04-05T04:00", "04-05T04:01"],
            skip: &["04-05T02:59", "04-05T04:00", "04-05T04:01"],
            quartz: &["04-05T03:59", "04-05T04:00", "04-05T04:01"],
        },
    },
    Case {
        name: "Santiago midnight daily backwards across the gap",
        expr: "0 0 0 * * ?",
        zone: "America/Santiago",
        dir: Prev,
        from: "09-08T00:00",
        want: Want::By {
            shift: &["09-07T03:00", "09-06T04:00", "09-05T04:00"],
            skip: &["09-07T03:00", "09-05T04:00", "09-04T04:00"],
            quartz: &["09-07T03:00", "09-05T04:00", "09-04T04:00"],
        },
    },
    Case {
        name: "Santiago 23:30 daily backwards across the overlap",
        expr: "0 30 23 * * ?",
        zone: "America/Santiago",
        dir: Prev,
        from: "04-06T00:00",
        want: Want::By {
            // 04-06 00:00Z = 04-05 20:00 (-4): the last 23:30 is 04-04's
            shift: &["04-05T02:30", "04-04T02:30", "04-03T02:30"],
            skip: &["04-05T02:30", "04-04T02:30", "04-03T02:30"],
            quartz: &["04-05T03:30", "04-04T02:30", "04-03T02:30"],
        },
    },
    // ------------------------------------------------------------ Kolkata (no DST)
    Case {
        name: "Kolkata noon daily (+05:30, no transitions)",
        expr: "0 0 12 * * ?",
        zone: "Asia/Kolkata",
        dir: Next,
        from: "01-01T00:00",
        want: Want::All(&["01-01T06:30", "01-02T06:30", "01-03T06:30"]),
    },
];

/// Cases in 2110: after chrono-tz's tables (2099), before Quartz's cut-off (2126), so the
/// quartz column comes straight from the oracle. 2110 starts on a Wednesday: New York
/// changes on 03-09 and 11-02, London on 03-30 and 10-26, Lord Howe on 04-06 (at 04-05
/// 15:00Z) and 10-05 (at 10-04 15:30Z), Santiago on 04-06 (at 03:00Z) and 09-07 (at 04:00Z).
const CASES_2110: &[Case] = &[
    Case {
        name: "2110 NY 02:30 daily across the gap",
        expr: "0 30 2 * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "03-07T12:00",
        want: Want::By {
            shift: &["03-08T07:30", "03-09T07:30", "03-10T06:30"],
            skip: &["03-08T07:30", "03-10T06:30", "03-11T06:30"],
            quartz: &["03-08T07:30", "03-10T06:30", "03-11T06:30"],
        },
    },
    Case {
        name: "2110 NY every 30 minutes across the overlap",
        expr: "0 0/30 * * * ?",
        zone: "America/New_York",
        dir: Next,
        from: "11-02T04:00",
        want: Want::By {
            shift: &[
                "11-02T04:30",
                "11-02T05:00",
                "11-02T05:30",
                "11-02T07:00",
                "11-02T07:30",
                "11-02T08:00",
            ],
            skip: &[
                "11-02T04:30",
                "11-02T05:00",
                "11-02T05:30",
                "11-02T07:00",
                "11-02T07:30",
                "11-02T08:00",
            ],
            quartz: &[
                "11-02T04:30",
                "11-02T06:00",
                "11-02T06:30",
                "11-02T07:00",
                "11-02T07:30",
                "11-02T08:00",
            ],
        },
    },
    Case {
        name: "2110 London 01:30 daily across the overlap",
        expr: "0 30 1 * * ?",
        zone: "Europe/London",
        dir: Next,
        from: "10-24T12:00",
        want: Want::By {
            shift: &["10-25T00:30", "10-26T00:30", "10-27T01:30"],
            skip: &["10-25T00:30", "10-26T00:30", "10-27T01:30"],
            quartz: &["10-25T00:30", "10-26T01:30", "10-27T01:30"],
        },
    },
    Case {
        name: "2110 Lord Howe every 20 minutes across the gap",
        expr: "0 0/20 * * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "10-04T15:00",
        want: Want::By {
            shift: &[
                "10-04T15:10",
                "10-04T15:30",
                "10-04T15:40",
                "10-04T15:50",
                "10-04T16:00",
                "10-04T16:20",
            ],
            skip: &[
                "10-04T15:10",
                "10-04T15:40",
                "10-04T16:00",
                "10-04T16:20",
                "10-04T16:40",
                "10-04T17:00",
            ],
            quartz: &[
                "10-04T15:10",
                "10-04T15:40",
                "10-04T16:00",
                "10-04T16:20",
                "10-04T16:40",
                "10-04T17:00",
            ],
        },
    },
    Case {
        name: "2110 Lord Howe 01:45 daily across the overlap",
        expr: "0 45 1 * * ?",
        zone: "Australia/Lord_Howe",
        dir: Next,
        from: "04-04T00:00",
        want: Want::By {
            shift: &["04-04T14:45", "04-05T14:45", "04-06T15:15"],
            skip: &["04-04T14:45", "04-05T14:45", "04-06T15:15"],
            quartz: &["04-04T14:45", "04-05T15:15", "04-06T15:15"],
        },
    },
    Case {
        name: "2110 Santiago midnight daily across the gap",
        expr: "0 0 0 * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "09-05T12:00",
        want: Want::By {
            shift: &["09-06T04:00", "09-07T04:00", "09-08T03:00"],
            skip: &["09-06T04:00", "09-08T03:00", "09-09T03:00"],
            quartz: &["09-06T04:00", "09-08T03:00", "09-09T03:00"],
        },
    },
    Case {
        name: "2110 Santiago 23:30 daily across the overlap",
        expr: "0 30 23 * * ?",
        zone: "America/Santiago",
        dir: Next,
        from: "04-04T12:00",
        want: Want::By {
            shift: &["04-05T02:30", "04-06T02:30", "04-07T03:30"],
            skip: &["04-05T02:30", "04-06T02:30", "04-07T03:30"],
            quartz: &["04-05T02:30", "04-06T03:30", "04-07T03:30"],
        },
    },
];

/// `MM-DDTHH:MM` in `year` (UTC) → Unix seconds.
fn at(year: i32, s: &str) -> i64 {
    let text = format!("{year}-{s}:00Z");
    chrono::DateTime::parse_from_rfc3339(&text)
        .unwrap_or_else(|e| panic!("bad time {text}: {e}"))
        .timestamp()
}

fn iso(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| t.to_string())
}

/// True when `t` lies in the first occurrence of a repeated wall time: the one place
/// where Quartz's forward search (from the wall-clock time of `t`) passes over
/// second-occurrence instants that are later than `t`.
fn in_first_occurrence(zone: &Zone, t: i64) -> bool {
    matches!(zone.resolve_local(t + zone.offset_at(t) as i64), LocalTime::Ambiguous(a, _) if a == t)
}

fn strictly_monotonic(name: &str, times: &[i64], increasing: bool) {
    for w in times.windows(2) {
        let ok = if increasing { w[0] < w[1] } else { w[0] > w[1] };
        assert!(
            ok,
            "{name}: not strictly {}: {} then {}",
            if increasing {
                "increasing"
            } else {
                "decreasing"
            },
            iso(w[0]),
            iso(w[1])
        );
    }
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), times.len(), "{name}: an instant fires twice");
}

fn run(cases: &[Case], year: i32) -> usize {
    let mut checked = 0;
    for case in cases {
        let schedule = Schedule::parse(case.expr, DialectChoice::Auto)
            .unwrap_or_else(|d| panic!("{}: {}", case.name, d.render()));
        let zone = Zone::parse(case.zone).unwrap();
        let from = at(year, case.from);
        for policy in POLICIES {
            let want: Vec<i64> = match &case.want {
                Want::All(w) => w.iter().map(|s| at(year, s)).collect(),
                Want::By {
                    shift,
                    skip,
                    quartz,
                } => match policy {
                    DstPolicy::Shift => shift,
                    DstPolicy::Skip => skip,
                    DstPolicy::Quartz => quartz,
                    // not in POLICIES: pinned by tests/profiles.rs
                    DstPolicy::Wall => continue,
                    DstPolicy::Cron => unreachable!("tests/dst_cron.rs pins cron"),
                }
                .iter()
                .map(|s| at(year, s))
                .collect(),
            };
            let name = format!("{year} {} [{policy}]", case.name);
            strictly_monotonic(&name, &want, case.dir == Next);
            let got: Vec<i64> = match case.dir {
                Next => schedule.iter_after(from, &zone, policy),
                Prev => schedule.iter_before(from, &zone, policy),
            }
            .take(want.len())
            .collect();
            assert_eq!(
                got.iter().map(|&t| iso(t)).collect::<Vec<_>>(),
                want.iter().map(|&t| iso(t)).collect::<Vec<_>>(),
                "{name}: `{}` in {} from {}",
                case.expr,
                case.zone,
                iso(from)
            );
            strictly_monotonic(&name, &got, case.dir == Next);
            // The other direction agrees between consecutive fire times...
            for w in got.windows(2) {
                let (older, newer) = if case.dir == Next {
                    (w[0], w[1])
                } else {
                    (w[1], w[0])
                };
                assert_eq!(
                    schedule.prev_before_ts(newer, &zone, policy),
                    Some(older),
                    "{name}: prev_before({})",
                    iso(newer)
                );
                assert_eq!(
                    schedule.next_after_ts(older, &zone, policy),
                    Some(newer),
                    "{name}: next_after({})",
                    iso(older)
                );
            }
            // ...and nothing fires between the start and the first answer, except the
            // Quartz forward search from inside a first occurrence (see above).
            match case.dir {
                Next => {
                    let back = schedule.prev_before_ts(got[0], &zone, policy);
                    let quirk = policy == DstPolicy::Quartz && in_first_occurrence(&zone, from);
                    if !quirk {
                        assert!(
                            back.map_or(true, |b| b <= from),
                            "{name}: prev_before({}) = {:?} is after the start",
                            iso(got[0]),
                            back.map(iso)
                        );
                    }
                }
                Prev => {
                    let fwd = schedule.next_after_ts(got[0], &zone, policy);
                    assert!(
                        fwd.is_some_and(|f| f >= from),
                        "{name}: next_after({}) = {:?} is before the start",
                        iso(got[0]),
                        fwd.map(iso)
                    );
                }
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn transitions_in_2026() {
    assert_eq!(run(CASES, 2026), 3 * CASES.len());
}

#[test]
fn transitions_in_2099_the_last_table_year() {
    assert_eq!(run(CASES, 2099), 3 * CASES.len());
}

#[test]
fn transitions_in_2150_beyond_the_tables() {
    assert_eq!(run(CASES, 2150), 3 * CASES.len());
}

#[test]
fn transitions_in_2110_checked_against_quartz() {
    assert_eq!(run(CASES_2110, 2110), 3 * CASES_2110.len());
}

/// The Quartz quirk made explicit: from 01:00 EDT (the first occurrence) the next
/// quarter-hour is 01:15 EST, so the instant before it, 01:00 EST, lies after the start.
#[test]
fn quartz_forward_search_from_a_first_occurrence_passes_over_later_instants() {
    let s = Schedule::parse("0 0/15 * * * ?", DialectChoice::Auto).unwrap();
    let ny = Zone::parse("America/New_York").unwrap();
    let from = at(2026, "11-01T05:00");
    assert!(in_first_occurrence(&ny, from));
    let next = s.next_after_ts(from, &ny, DstPolicy::Quartz).unwrap();
    assert_eq!(iso(next), "2026-11-01T06:15:00Z");
    let back = s.prev_before_ts(next, &ny, DstPolicy::Quartz).unwrap();
    assert_eq!(iso(back), "2026-11-01T06:00:00Z");
    assert!(back > from);
    // from the second occurrence of 01:00 there is no such skip
    let from = at(2026, "11-01T06:00");
    assert!(!in_first_occurrence(&ny, from));
    assert_eq!(
        s.next_after_ts(from, &ny, DstPolicy::Quartz).map(iso),
        Some("2026-11-01T06:15:00Z".to_string())
    );
}

/// A full day of every-minute fire times on each transition day: 1440 wall minutes,
/// minus the missing ones (skip/quartz; shift keeps them, shifted onto instants that
/// also fire at their own wall time, so they add nothing), minus the repeated ones (each
/// fires once). Counted over the UTC span of the local day.
#[test]
fn every_minute_over_whole_transition_days() {
    let s = Schedule::parse("0 * * * * ?", DialectChoice::Auto).unwrap();
    // (zone, local day start as UTC, next local day start as UTC, real minutes in
    // between, minutes whose wall time repeats)
    let days = [
        // NY 03-08: 00:00 EST = 05:00Z .. 03-09 00:00 EDT = 04:00Z: 23 hours
        ("America/New_York", "03-08T05:00", "03-09T04:00", 23 * 60, 0),
        // NY 11-01: 00:00 EDT = 04:00Z .. 11-02 00:00 EST = 05:00Z: 25 hours, 01:00–01:59 twice
        (
            "America/New_York",
            "11-01T04:00",
            "11-02T05:00",
            25 * 60,
            60,
        ),
        // Lord Howe 10-04: 00:00 (+10:30) = 10-03 13:30Z .. 10-05 00:00 (+11) = 10-04 13:00Z
        (
            "Australia/Lord_Howe",
            "10-03T13:30",
            "10-04T13:00",
            23 * 60 + 30,
            0,
        ),
        // Lord Howe 04-05: 00:00 (+11) = 04-04 13:00Z .. 04-06 00:00 (+10:30) = 04-05 13:30Z,
        // 01:30–01:59 twice
        (
            "Australia/Lord_Howe",
            "04-04T13:00",
            "04-05T13:30",
            24 * 60 + 30,
            30,
        ),
        // Santiago 09-06 starts at 01:00 (-3) = 04:00Z (00:00 is missing) .. 09-07 03:00Z
        ("America/Santiago", "09-06T04:00", "09-07T03:00", 23 * 60, 0),
        // Santiago 04-04: 00:00 (-3) = 03:00Z .. 04-05 00:00 (-4) = 04:00Z: 25 hours,
        // 23:00–23:59 twice
        (
            "America/Santiago",
            "04-04T03:00",
            "04-05T04:00",
            25 * 60,
            60,
        ),
    ];
    for year in [2026, 2099, 2150] {
        for (zone, start, end, real_minutes, repeated) in days {
            let z = Zone::parse(zone).unwrap();
            let (start, end) = (at(year, start), at(year, end));
            for policy in POLICIES {
                let fires: Vec<i64> = s
                    .iter_after(start - 1, &z, policy)
                    .take_while(|&t| t < end)
                    .collect();
                strictly_monotonic(zone, &fires, true);
                // every real minute of the span fires, except one occurrence of each
                // repeated wall minute
                assert_eq!(
                    fires.len() as i64,
                    real_minutes - repeated,
                    "{year} {zone} [{policy}] from {}",
                    iso(start)
                );
            }
        }
    }
}
