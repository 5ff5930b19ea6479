//! Proleptic Gregorian calendar arithmetic on plain integers.
//!
//! The search works on civil fields (year, month, day, ...) of a local wall clock;
//! these helpers convert between those fields and seconds since 1970-01-01T00:00:00
//! of the same wall clock, without going through chrono (they are on the hot path).

/// Days from 1970-01-01 to `y-m-d` (negative before). Valid for any year chrono supports.
#[inline]
pub const fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of day `z` counted from 1970-01-01.
///
/// Days from 1970 to well past 2199 (everything the search visits) take the
/// 32-bit path of [`civil_from_epoch_days`]; other days the general 64-bit one.
#[inline]
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    if (0..=FAST_DAYS_MAX as i64).contains(&z) {
        civil_from_epoch_days(z as u32)
    } else {
        civil_from_days_general(z)
    }
}

/// Any day chrono can represent: eras of 400 years, then the year of the era.
fn civil_from_days_general(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Largest day number [`civil_from_epoch_days`] accepts (the year 2^20 or so is far
/// beyond it; the bound keeps `4 * n + 3` below 2^32).
pub const FAST_DAYS_MAX: u32 = (1 << 29) - 719_468;

/// The civil date of day `days` ≥ 0 counted from 1970-01-01, in 32-bit arithmetic.
///
/// The next-fire-time search converts a day number on every call, so this is on
/// the hot path. It counts in years that start on March 1st (so the leap day is
/// the last day of a year and needs no special case) from 0000-03-01:
///
/// * `4n + 3` divided by 146 097 (the days of 400 years, times 4) gives the
///   century and, from the remainder, the day of the century;
/// * within a century, years alternate 365/366 days with period 1461/4; one
///   multiplication by ⌈2³² / 1461⌉ gives the year as the high half of the product
///   and the day of the year from the low half (no division);
/// * the month and day come from one multiply-add: month lengths from March on
///   follow a line of slope 30.6 days (2141 / 2¹⁶ per day, offset so each month
///   starts on a whole step), the remainder divided by 2141 is the day.
///
/// `calendar::tests::fast_path_agrees_with_the_general_one` checks every day of
/// 1970–2400 against the general 64-bit conversion.
#[inline]
pub fn civil_from_epoch_days(days: u32) -> (i32, u32, u32) {
    debug_assert!(days <= FAST_DAYS_MAX);
    let n = days + 719_468; // days since 0000-03-01
    let n1 = 4 * n + 3;
    let century = n1 / 146_097;
    let day_of_century = n1 % 146_097 / 4;
    let n2 = 4 * day_of_century + 3;
    let p2 = 2_939_745u64 * n2 as u64;
    let year_of_century = (p2 >> 32) as u32;
    let day_of_year = (p2 as u32) / 2_939_745 / 4; // 0 = March 1st
    let n3 = 2141 * day_of_year + 197_913;
    let month = n3 >> 16; // 3..=14
    let day = (n3 & 0xFFFF) / 2141 + 1;
    let january_or_later = day_of_year >= 306;
    let year = 100 * century + year_of_century + january_or_later as u32;
    let month = if january_or_later { month - 12 } else { month };
    (year as i32, month, day)
}

/// Days from 1970-01-01 to January 1st of year `y` ≥ 1970, in 32-bit arithmetic
/// (365 a year plus the leap days of the years in between).
#[inline]
pub fn epoch_days_of_year(y: u32) -> u32 {
    debug_assert!(y >= 1970);
    // leap years in 1..y, minus those in 1..1970 (477 of them)
    let leaps = |y: u32| (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400;
    365 * (y - 1970) + leaps(y) - leaps(1970)
}

/// 0 = Sunday … 6 = Saturday for day `z` counted from 1970-01-01 (a Thursday).
#[inline]
pub const fn weekday_from_days(z: i64) -> u32 {
    (z + 4).rem_euclid(7) as u32
}

#[inline]
pub const fn is_leap(y: i32) -> bool {
    // Divisible by 4, and not by 100 unless by 400. Among multiples of 4, "by 100"
    // is "by 25" and "by 400" is "by 16", which are cheaper to test; `&` gives the
    // right residues for negative years too.
    y & 3 == 0 && (y % 25 != 0 || y & 15 == 0)
}

#[inline]
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 => {
            if is_leap(y) {
                29
            } else {
                28
            }
        }
        _ => 31,
    }
}

/// Days before the first of month `m` in a (non-)leap year.
#[inline]
pub fn days_before_month(leap: bool, m: u32) -> u32 {
    // 16 entries so that indexing with `m & 15` needs no bounds check; a static,
    // not a const, so the table is not copied to the stack on each call
    static CUM: [u32; 16] = [
        0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365, 365, 365,
    ];
    CUM[(m & 15) as usize] + u32::from(leap && m > 2)
}

/// Civil fields of a wall-clock second count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Civil {
    #[inline]
    pub fn from_secs(t: i64) -> Civil {
        let days = t.div_euclid(86_400);
        let secs = t.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }

    #[inline]
    pub fn to_secs(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + (self.hour * 3600 + self.minute * 60 + self.second) as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for z in [
            -800_000i64,
            -1,
            0,
            1,
            59,
            60,
            10_957,
            20_000,
            84_000,
            2_932_896,
        ] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(weekday_from_days(days_from_civil(2026, 11, 21)), 6); // a Saturday
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        for y in -2000i32..3000 {
            let by = |n: i32| y.rem_euclid(n) == 0;
            assert_eq!(is_leap(y), by(4) && !by(100) || by(400), "{y}");
        }
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
        let c = Civil::from_secs(1_795_000_000);
        assert_eq!(Civil::from_secs(c.to_secs()), c);
    }

    #[test]
    fn fast_path_agrees_with_the_general_one() {
        // every day from 1970 to 2400, then a sample up to the fast path's limit
        let upto = days_from_civil(2400, 12, 31) as u32;
        let sample = (upto..FAST_DAYS_MAX).step_by(9973).chain([FAST_DAYS_MAX]);
        for z in (0..=upto).chain(sample) {
            assert_eq!(
                civil_from_epoch_days(z),
                civil_from_days_general(z as i64),
                "day {z}"
            );
        }
        for y in 1970..=3000 {
            assert_eq!(
                epoch_days_of_year(y) as i64,
                days_from_civil(y as i32, 1, 1)
            );
        }
        // and the general path round-trips where it is the only one used
        for z in [-1_000_000i64, -146_097, -1, FAST_DAYS_MAX as i64 + 1] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}
