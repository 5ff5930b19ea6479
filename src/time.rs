//! Reading points in time as people type them on a command line (`--from`,
//! `--until`, `--now`).
//!
//! The parsing lives in the library, not in the CLI, so that it can be fuzzed and
//! tested on its own; the CLI only adds the option's name to the error.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use cronkit::{time::parse_instant, Zone};
//!
//! let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 30, 0).unwrap();
//! let ny = Zone::parse("America/New_York")?;
//! // RFC 3339 carries its own offset; the zone does not matter
//! let t = parse_instant("2026-11-21T08:30:00Z", &ny, now)?;
//! assert_eq!(t, now);
//! // a local date-time is read on the zone's wall clock
//! let t = parse_instant("2026-11-21 03:30", &ny, now)?;
//! assert_eq!(t, now);
//! assert!(parse_instant("yesterday-ish", &ny, now).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::schedule::{LocalTime, Zone};

/// Why a time was not understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// Not a form this parser reads.
    #[error("cannot read `{0}` as a time; use RFC 3339 (`2026-11-21T08:30:00Z`), a local date-time in --tz (`2026-11-21 08:30`), a date, or `now`")]
    Unreadable(String),
    /// A well-formed time that no instant corresponds to (beyond chrono's range).
    #[error("`{0}` is out of range")]
    OutOfRange(String),
}

/// The longest text worth trying: the longest accepted form with nanoseconds and
/// an offset is well under this; longer input is rejected without parsing.
const MAX_LEN: usize = 64;

/// Parse a point in time: `now`, RFC 3339 (`2026-11-21T08:30:00Z`, also with a
/// space for the `T`), or a local date-time / date (`2026-11-21T08:30`,
/// `2026-11-21 08:30:00`, `2026-11-21`) read on the wall clock of `zone`. A wall
/// time in a gap moves forward by the gap; one in an overlap is its first
/// occurrence. `now` is what the word `now` means.
pub fn parse_instant(s: &str, zone: &Zone, now: DateTime<Utc>) -> Result<DateTime<Utc>, TimeError> {
    let t = s.trim();
    if t.len() > MAX_LEN {
        return Err(TimeError::Unreadable(shorten(s)));
    }
    if t.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.with_timezone(&Utc));
    }
    // a bare `Z` or offset with a space separator
    if let Ok(dt) = DateTime::parse_from_rfc3339(&t.replacen(' ', "T", 1)) {
        return Ok(dt.with_timezone(&Utc));
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    });
    let Some(naive) = naive else {
        return Err(TimeError::Unreadable(s.to_string()));
    };
    let local = naive.and_utc().timestamp();
    let sub = naive.and_utc().timestamp_subsec_nanos();
    let ts = match zone.resolve_local(local) {
        LocalTime::Unique(i) | LocalTime::Ambiguous(i, _) => i,
        LocalTime::Gap { before, .. } => local - before as i64,
    };
    DateTime::from_timestamp(ts, sub).ok_or_else(|| TimeError::OutOfRange(s.to_string()))
}

/// The start of an over-long argument, for the error message.
fn shorten(s: &str) -> String {
    let end = (0..=40).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
    format!("{}…", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 8, 30, 0).unwrap()
    }

    #[test]
    fn forms() {
        let utc = Zone::utc();
        let want = now();
        for s in [
            "now",
            " NOW ",
            "2026-11-21T08:30:00Z",
            "2026-11-21 08:30:00Z",
            "2026-11-21T09:30:00+01:00",
            "2026-11-21T08:30",
            "2026-11-21 08:30",
            "2026-11-21 08:30:00",
        ] {
            assert_eq!(parse_instant(s, &utc, want), Ok(want), "{s}");
        }
        assert_eq!(
            parse_instant("2026-11-21", &utc, want),
            Ok(Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap())
        );
    }

    #[test]
    fn gap_moves_forward_and_overlap_takes_the_first() {
        let ny = Zone::parse("America/New_York").unwrap();
        // 2026-03-08 02:30 does not exist in New York (EST -05:00 before the gap):
        // read with the offset before the gap it is 07:30Z, i.e. 03:30 EDT
        assert_eq!(
            parse_instant("2026-03-08 02:30", &ny, now()),
            Ok(Utc.with_ymd_and_hms(2026, 3, 8, 7, 30, 0).unwrap())
        );
        // 2026-11-01 01:30 happens at 05:30Z (EDT) and 06:30Z (EST): the first
        assert_eq!(
            parse_instant("2026-11-01 01:30", &ny, now()),
            Ok(Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap())
        );
    }

    #[test]
    fn rejects_with_the_text() {
        let utc = Zone::utc();
        let e = parse_instant("tomorrow", &utc, now()).unwrap_err();
        assert!(e.to_string().contains("`tomorrow`"), "{e}");
        let long = "9".repeat(10_000);
        let e = parse_instant(&long, &utc, now()).unwrap_err();
        assert!(e.to_string().len() < 300, "{e}");
        assert!(parse_instant("2026-02-30", &utc, now()).is_err());
        assert!(parse_instant("", &utc, now()).is_err());
    }
}
