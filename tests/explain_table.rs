//! The description table: expressions of both dialects with the sentence each must
//! produce. Expected sentences come from the spec (§5), from Quartz's observed
//! behaviour (shared/oracles/quartz/EDGE-CASES.md, cited by row) and from the
//! reasoning in the comments; counts of years were computed independently with
//! Python's `datetime` (noted where used).
//!
//! Dialect column: `q` Quartz, `u` Unix, `a` automatic; a `12` suffix means `--12h`.

use cronkit::describe::{describe, describe_field, Options};
use cronkit::{DialectChoice, Expr, FieldKind};

const TABLE: &[(&str, &str, &str)] = &[
    // ---- the spec's examples (§5), exactly
    ("a", "0 0/1 * * * ?", "Every minute"),
    ("a", "0 15 10 ? * MON-FRI", "At 10:15, Monday through Friday"),
    ("a", "0 0 12 L * ?", "At 12:00 on the last day of the month"),
    ("a", "0 5 9 ? * 6#3", "At 09:05 on the third Friday of the month"),
    ("a", "0 0 0 30 2 ?", "At 00:00 on February 30 — never fires: February has no 30th"),
    // ---- seconds: mentioned only when not 0
    ("q", "* * * * * ?", "Every second"),
    ("q", "*/5 * * * * ?", "Every 5 seconds"),
    ("q", "0/15 * * * * ?", "Every 15 seconds"),
    ("q", "30 * * * * ?", "Every minute at second 30"),
    ("q", "30 15 10 * * ?", "At 10:15:30"),
    // 15 and 45 are 30 apart but do not start at 0: said by value
    ("q", "15,45 * * * * ?", "At seconds 15 and 45 of every minute"),
    ("q", "0-30 * * * * ?", "Every second from second 0 through second 30 of every minute"),
    // */7 in seconds: 56 → 0 is 4 seconds, so never "every 7 seconds"
    ("q", "*/7 * * * * ?", "At seconds 0, 7, 14, 21, 28, 35, 42, 49 and 56 of every minute"),
    ("q", "*/10 0 * * * ?", "Every 10 seconds during minute 0 of every hour"),
    // the window names the first and the last fire time
    ("q", "*/10 * 9-17 * * ?", "Every 10 seconds from 09:00:00 through 17:59:50"),
    ("q", "* 30 9 * * ?", "Every second from 09:30:00 through 09:30:59"),
    ("q", "0,30 0,30 9 * * ?", "At 09:00:00, 09:00:30, 09:30:00 and 09:30:30"),
    ("q", "30 */15 * * * ?", "Every 15 minutes at second 30"),
    ("q", "30 0 9-17 * * ?", "Every hour from 09:00:30 through 17:00:30"),
    ("q", "30 0 * * * ?", "Every hour at minute 0, second 30"),
    // seconds inside some minutes of some hours: what happens inside an hour, then which
    // hours (a window "from 09:00:00 through 17:30:50" would read as continuous)
    ("q", "*/10 0,30 9-17 * * ?", "Every 10 seconds during minutes 0 and 30, in hours 9 through 17"),
    // OCPS 6-field Unix: seconds first
    ("u", "30 15 10 * * *", "At 10:15:30"),
    ("u", "*/5 * * * * *", "Every 5 seconds"),
    // ---- minutes
    ("q", "0 */15 * * * ?", "Every 15 minutes"),
    ("q", "0 0/30 * * * ?", "Every 30 minutes"),
    // */59 = minutes 0 and 59: it does not fire every 59 minutes (spec §5)
    ("q", "0 */59 * * * ?", "At minutes 0 and 59 of every hour"),
    ("q", "0 */7 * * * ?", "At minutes 0, 7, 14, 21, 28, 35, 42, 49 and 56 of every hour"),
    ("q", "0 5/15 * * * ?", "At minutes 5, 20, 35 and 50 of every hour"),
    // 1/2 = 1, 3, …, 59: 30 values, said as a bounded rhythm
    ("q", "0 1/2 * * * ?", "Every 2 minutes from minute 1 through minute 59 of every hour"),
    ("q", "0 10-50/2 * * * ?", "Every 2 minutes from minute 10 through minute 50 of every hour"),
    ("q", "0 30 * * * ?", "Every hour at minute 30"),
    ("q", "0 0-30 * * * ?", "Every minute from minute 0 through minute 30 of every hour"),
    ("q", "0 0,15,45 * * * ?", "At minutes 0, 15 and 45 of every hour"),
    ("u", "*/15 * * * *", "Every 15 minutes"),
    ("u", "* * * * *", "Every minute"),
    ("u", "5 * * * *", "Every hour at minute 5"),
    ("u", "0,59 * * * *", "At minutes 0 and 59 of every hour"),
    // ---- hours
    ("q", "0 0 * * * ?", "Every hour"),
    ("q", "0 0 */2 * * ?", "Every 2 hours"),
    // */7 hours = 0, 7, 14, 21 (21 → 0 is 3 hours): listed, never "every 7 hours"
    ("q", "0 0 */7 * * ?", "At 00:00, 07:00, 14:00 and 21:00"),
    ("q", "0 0 */5 * * ?", "At 00:00, 05:00, 10:00, 15:00 and 20:00"),
    ("q", "0 0 1/2 * * ?", "Every 2 hours from 01:00 through 23:00"),
    ("q", "0 30 */2 * * ?", "Every 2 hours at minute 30"),
    // an hour range at minute 0 ends at 17:00, not 17:59
    ("q", "0 0 9-17 * * ?", "Every hour from 09:00 through 17:00"),
    ("q", "0 30 9-17 * * ?", "Every hour from 09:30 through 17:30"),
    // wrap-around reads as wrapping when every day fires (EDGE-CASES row 40: 23, 0, 1)
    ("q", "0 0 23-1 * * ?", "Every hour from 23:00 through 01:00"),
    // … but not when only Mondays fire: Monday 23:00 is not followed by Monday 00:00
    ("q", "0 0 22-2 ? * MON", "At 00:00, 01:00, 02:00, 22:00 and 23:00 on Monday"),
    ("q", "0 0 9,17 * * ?", "At 09:00 and 17:00"),
    ("q", "0 0 0,12 * * ?", "At 00:00 and 12:00"),
    ("q", "0 0 6,8,10,12,14,16,18 * * ?", "Every 2 hours from 06:00 through 18:00"),
    ("q", "0 0 0-3,8-11,15-20 * * ?", "Every hour from 00:00 through 03:00, from 08:00 through 11:00 and from 15:00 through 20:00"),
    ("q", "0 0 1,4,5,6,9,20,21,22 * * ?", "At 01:00 and 09:00, and every hour from 04:00 through 06:00 and from 20:00 through 22:00"),
    ("u", "0 9-17 * * *", "Every hour from 09:00 through 17:00"),
    ("u", "0 9-17/2 * * *", "At 09:00, 11:00, 13:00, 15:00 and 17:00"),
    ("u", "0 0 * * *", "At 00:00"),
    // ---- minutes inside hours: windows
    ("q", "0 0/15 9-17 * * ?", "Every 15 minutes from 09:00 through 17:45"),
    ("u", "*/15 9-17 * * 1-5", "Every 15 minutes from 09:00 through 17:45, Monday through Friday"),
    ("q", "0 * 9 * * ?", "Every minute from 09:00 through 09:59"),
    ("q", "0 0-30 9 * * ?", "Every minute from 09:00 through 09:30"),
    // inside one hour, */7 really is every 7 minutes
    ("q", "0 */7 9 * * ?", "Every 7 minutes from 09:00 through 09:56"),
    ("q", "0 0,30 9 * * ?", "At 09:00 and 09:30"),
    ("q", "0 0,30 9,17 * * ?", "At 09:00, 09:30, 17:00 and 17:30"),
    ("q", "0 0,30 9-17 * * ?", "Every 30 minutes from 09:00 through 17:30"),
    ("q", "0 0,15 9-17 * * ?", "At minutes 0 and 15 past the hour, from 09:00 through 17:15"),
    ("q", "0 0-5 9-17 * * ?", "Every minute from minute 0 through minute 5 past the hour, from 09:00 through 17:05"),
    ("q", "0 */15 22-2 * * ?", "Every 15 minutes from 22:00 through 02:45"),
    ("q", "0 */15 22-2 ? * MON", "Every 15 minutes from 00:00 through 02:45 and from 22:00 through 23:45 on Monday"),
    // */2 hours is a cycle from midnight (22 → 0 is 2 hours too): "every 2 hours" is exact
    ("q", "0 */15 */2 * * ?", "Every 15 minutes, every 2 hours"),
    ("q", "0 */15 1,4,9,12,20 * * ?", "Every 15 minutes, in hours 1, 4, 9, 12 and 20"),
    // the offset of 5/15 must survive: the minutes are said by value, then the hours
    ("q", "0 5/15 1,4,9,12,20 * * ?", "At minutes 5, 20, 35 and 50 past the hour, in hours 1, 4, 9, 12 and 20"),
    ("q", "0 5/15 9-17 * * ?", "Every 15 minutes from 09:05 through 17:50"),
    // ---- day of week, per dialect
    ("q", "0 0 12 ? * MON", "At 12:00 on Monday"),
    ("q", "0 0 12 ? * 2", "At 12:00 on Monday"),
    // Quartz counts from Sunday = 1: 1-5 is Sunday through Thursday
    ("q", "0 0 12 ? * 1-5", "At 12:00, Sunday through Thursday"),
    ("u", "0 12 * * 1-5", "At 12:00, Monday through Friday"),
    ("u", "0 12 * * 0", "At 12:00 on Sunday"),
    ("u", "0 12 * * 7", "At 12:00 on Sunday"),
    ("u", "0 12 * * 0,7", "At 12:00 on Sunday"),
    ("u", "0 12 * * 5-7", "At 12:00, Friday through Sunday"),
    ("q", "0 0 12 ? * FRI-MON", "At 12:00, Friday through Monday"),
    // EDGE-CASES row 39: SAT-MON = Sat, Sun, Mon
    ("q", "0 0 12 ? * SAT-MON", "At 12:00, Saturday through Monday"),
    ("q", "0 0 12 ? * SAT,SUN", "At 12:00 on Saturday and Sunday"),
    ("q", "0 0 12 ? * MON,WED,FRI", "At 12:00 on Monday, Wednesday and Friday"),
    // EDGE-CASES row 67: 3/3 = {3, 6} = Tuesday, Friday
    ("q", "0 0 12 ? * 3/3", "At 12:00 on Tuesday and Friday"),
    // EDGE-CASES row 68: 7/2 = {7} = Saturday
    ("q", "0 0 12 ? * 7/2", "At 12:00 on Saturday"),
    // Unix */2 = 0, 2, 4, 6: listed Monday first
    ("u", "0 12 * * */2", "At 12:00 on Tuesday, Thursday, Saturday and Sunday"),
    // Quartz L alone in day-of-week is 7 = Saturday (EDGE-CASES row 27), not "last"
    ("q", "0 0 12 ? * L", "At 12:00 on Saturday"),
    // Quartz 5L = last Thursday (EDGE-CASES row 7)
    ("q", "0 0 12 ? * 5L", "At 12:00 on the last Thursday of the month"),
    ("q", "0 0 12 ? * FRIL", "At 12:00 on the last Friday of the month"),
    ("q", "0 0 12 ? * 1L", "At 12:00 on the last Sunday of the month"),
    // Unix 5 = Friday
    ("u", "0 12 * * 5L", "At 12:00 on the last Friday of the month"),
    ("u", "0 12 * * FRI#L", "At 12:00 on the last Friday of the month"),
    ("q", "0 0 12 ? * 2#1", "At 12:00 on the first Monday of the month"),
    ("u", "0 12 * * 2#1", "At 12:00 on the first Tuesday of the month"),
    // EDGE-CASES row 8: only months with a fifth Monday
    ("q", "0 0 12 ? * 2#5", "At 12:00 on the fifth Monday of the month"),
    ("q", "0 0 12 ? * MON#2", "At 12:00 on the second Monday of the month"),
    ("u", "0 12 * * MON,FRI#L", "At 12:00 on Monday and the last Friday of the month"),
    // "of the month" once for the list (#14)
    ("u", "0 9 * * 1#1,5#L", "At 09:00 on the first Monday and the last Friday of the month"),
    ("q", "0 0 12 ? * SUN-SAT", "At 12:00"),
    ("q", "0 0 12 ? * MONDAY", "At 12:00 on Monday"),
    // ---- day of month
    ("q", "0 0 12 1 * ?", "At 12:00 on day 1 of the month"),
    ("q", "0 0 12 1,15 * ?", "At 12:00 on days 1 and 15 of the month"),
    ("q", "0 0 12 1-5 * ?", "At 12:00 on days 1 through 5 of the month"),
    // 1, 3, …, 31: day 31 is followed by day 1, so not "every other day"; said by its days
    ("q", "0 0 12 */2 * ?", "At 12:00 on days 1, 3, 5, …, 31 of the month"),
    ("q", "0 0 12 1/10 * ?", "At 12:00 on days 1, 11, 21 and 31 of the month"),
    // EDGE-CASES row 41: 28-2 = 28..31, 1, 2; said without a wrap (months differ in length)
    ("q", "0 0 12 28-2 * ?", "At 12:00 on days 1, 2 and 28 through 31 of the month"),
    // EDGE-CASES row 101: 10-5/3 = 10, 13, …, 31, 3
    ("q", "0 0 12 10-5/3 * ?", "At 12:00 on days 3, 10, 13, 16, 19, 22, 25, 28 and 31 of the month"),
    // EDGE-CASES row 25: 1-31/40 = day 1
    ("q", "0 0 12 1-31/40 * ?", "At 12:00 on day 1 of the month"),
    ("q", "0 0 12 L-3 * ?", "At 12:00, 3 days before the last day of the month"),
    ("q", "0 0 12 L-1 * ?", "At 12:00, 1 day before the last day of the month"),
    ("q", "0 0 12 L-0 * ?", "At 12:00 on the last day of the month"),
    ("q", "0 0 12 LW * ?", "At 12:00 on the last weekday of the month"),
    ("q", "0 0 12 15W * ?", "At 12:00 on the weekday nearest the 15th of the month"),
    ("q", "0 0 12 1W * ?", "At 12:00 on the weekday nearest the 1st of the month"),
    ("q", "0 0 12 22W * ?", "At 12:00 on the weekday nearest the 22nd of the month"),
    ("q", "0 0 12 L-2W * ?", "At 12:00 on the weekday nearest 2 days before the last day of the month"),
    ("q", "0 0 12 31 * ?", "At 12:00 on day 31 of the month"),
    ("u", "0 12 L * *", "At 12:00 on the last day of the month"),
    ("u", "0 12 1,L * *", "At 12:00 on day 1 and the last day of the month"),
    ("u", "0 12 15W * *", "At 12:00 on the weekday nearest the 15th of the month"),
    // "on day 1 and 3 days before …" could read as days 1 and 3: the offset is a noun here
    ("u", "0 12 L-3,1 * *", "At 12:00 on day 1 and the day 3 days before the last day of the month"),
    // ---- Unix: both day fields restricted → OR (Vixie); `+` or a leading `*` → AND
    ("u", "0 12 1 * MON", "At 12:00 on day 1 of the month or on Monday"),
    ("u", "0 12 1 * +MON", "At 12:00 on day 1 of the month, if it falls on Monday"),
    ("u", "0 12 1-7 * MON", "At 12:00 on days 1 through 7 of the month or on Monday"),
    ("u", "0 12 1-7 * +MON", "At 12:00 on days 1 through 7 of the month, if it falls on Monday"),
    ("u", "0 12 */2 * MON", "At 12:00 on days 1, 3, 5, …, 31 of the month, if it falls on Monday"),
    ("u", "0 12 1,15 * MON,FRI", "At 12:00 on days 1 and 15 of the month or on Monday or Friday"),
    ("u", "0 12 L * FRI#L", "At 12:00 on the last day or the last Friday of the month"),
    ("u", "0 12 1 * */2", "At 12:00 on day 1 of the month, if it falls on Tuesday, Thursday, Saturday or Sunday"),
    ("u", "0 12 ? * MON", "At 12:00 on Monday"),
    ("u", "0 12 1 * ?", "At 12:00 on day 1 of the month"),
    // OR with every weekday: every day
    ("u", "0 12 1 * 0-6", "At 12:00 on day 1 of the month or on any day of the week (every day)"),
    ("u", "0 12 1-31 * MON", "At 12:00 on any day of the month or on Monday (every day)"),
    ("u", "0 12 13 * +FRI", "At 12:00 on day 13 of the month, if it falls on Friday"),
    // Python: 34 years of 1970–2199 have a Friday, February 13; the first 1970, 1976, 1981
    ("u", "0 0 13 2 +FRI", "At 00:00 on February 13, if it falls on Friday — only in 34 of 230 years: 1970, 1976, 1981, …"),
    // ---- months and years
    ("q", "0 0 0 1 1 ?", "At 00:00 on January 1"),
    ("q", "0 0 0 1 1,7 ?", "At 00:00 on January 1 and July 1"),
    ("q", "0 0 0 1 JAN-MAR ?", "At 00:00 on January 1, February 1 and March 1"),
    // EDGE-CASES row 109: NOV-FEB wraps
    ("q", "0 0 0 ? NOV-FEB *", "At 00:00, from November through February"),
    ("q", "0 0 0 ? */3 MON", "At 00:00 on Monday, in January, April, July and October"),
    ("q", "0 0 12 L 2 ?", "At 12:00 on the last day of February"),
    ("q", "0 0 12 ? 2 6#3", "At 12:00 on the third Friday of February"),
    ("q", "0 0 12 ? 12 1L", "At 12:00 on the last Sunday of December"),
    ("q", "0 0 12 ? 1 MON", "At 12:00 on Monday, in January"),
    ("q", "0 0 12 1,15 6 ?", "At 12:00 on days 1 and 15 of June"),
    ("q", "0 0 12 ? JAN,JUL MON-FRI", "At 12:00, Monday through Friday, in January and July"),
    ("q", "0 0 12 * 1-6 ?", "At 12:00, from January through June"),
    ("q", "0 0 12 * * ? 2026", "At 12:00, in 2026"),
    ("q", "0 0 12 1 1 ? 2099", "At 12:00 on January 1, 2099"),
    ("q", "0 0 12 * * ? 2026-2030", "At 12:00, from 2026 through 2030"),
    ("q", "0 0 12 * * ? 2026,2028", "At 12:00, in 2026 and 2028"),
    ("q", "0 0 12 * * ? 2026,2028-2030", "At 12:00, in 2026 and 2028 through 2030"),
    // EDGE-CASES row 52; the step runs to the end of the supported range (2199)
    ("q", "0 0 0 1 1 ? 2030/2", "At 00:00 on January 1, in even years from 2030"),
    ("q", "0 0 0 1 1 ? 2030-2040/5", "At 00:00 on January 1, in 2030, 2035 and 2040"),
    ("q", "0 0 0 1 1 ? 2030-2060/2", "At 00:00 on January 1, in even years from 2030 through 2060"),
    ("q", "0 0 0 1 1 ? 2030/3", "At 00:00 on January 1, every 3 years from 2030"),
    // EDGE-CASES row 53: year steps count from 1970
    ("q", "0 0 0 1 1 ? */50", "At 00:00 on January 1, in 1970, 2020, 2070, 2120 and 2170"),
    ("u", "0 0 0 1 1 * 2026-2199/4", "At 00:00 on January 1, every 4 years from 2026"),
    // a year in the past still reads as a date; `validate` warns about it
    ("q", "0 0 12 * * ? 2020", "At 12:00, in 2020"),
    // ---- never fires, rarely fires
    ("q", "0 0 0 31 4 ?", "At 00:00 on April 31 — never fires: April has no 31st"),
    ("q", "0 0 0 31 2,4 ?", "At 00:00 on February 31 and April 31 — never fires: February and April have no 31st"),
    ("q", "0 0 0 30,31 2 ?", "At 00:00 on days 30 and 31 of February — never fires: February has no 30th or 31st"),
    ("q", "0 0 0 31W 2 ?", "At 00:00 on the weekday nearest the 31st of February — never fires: February has no 31st"),
    ("q", "0 0 0 L-30 2 ?", "At 00:00, 30 days before the last day of February — never fires: February has fewer than 31 days"),
    // EDGE-CASES row 10: leap years only
    ("q", "0 0 0 29 2 ?", "At 00:00 on February 29 — only in leap years"),
    // EDGE-CASES row 51: 2100 is not a leap year
    ("q", "0 0 0 29 2 ? 2100", "At 00:00 on February 29, 2100 — never fires: 2100 is not a leap year"),
    ("q", "0 0 0 29 2 ? 2097-2099", "At 00:00 on February 29, from 2097 through 2099 — never fires: none of the years 2097 through 2099 is a leap year"),
    // EDGE-CASES row 11: only February 2044 in 2027–2060
    ("q", "0 0 0 ? 2 MON#5 2027-2060", "At 00:00 on the fifth Monday of February, from 2027 through 2060 — only in 2044"),
    // Python: 8 leap years of 1970–2199 start February on a Monday: 1988, 2016, 2044, …
    ("q", "0 0 0 ? 2 MON#5", "At 00:00 on the fifth Monday of February — only in 8 of 230 years: 1988, 2016, 2044, …"),
    // Feb 2026–2030 has no fifth Thursday (only a leap February can have one; 2028 starts on a Tuesday)
    ("q", "0 0 0 ? 2 5#5 2026-2030", "At 00:00 on the fifth Thursday of February, from 2026 through 2030 — never fires: no matching day falls in 2026 through 2030"),
    ("u", "* * 31 2 *", "Every minute on February 31 — never fires: February has no 31st"),
    // the last Friday is day 22 or later, never day 1
    ("u", "0 12 1 * +5L", "At 12:00 on day 1 of the month, if it falls on the last Friday — never fires: no day is both day 1 and the last Friday"),
    // Python: August 1, 2020 was a Saturday
    ("u", "0 0 12 1 8 +SUN 2020", "At 12:00 on August 1, 2020, if it falls on Sunday — never fires: August 1, 2020 is a Saturday"),
    // Python: February 13, 2026 is a Friday
    ("u", "0 0 12 13 2 +FRI 2026", "At 12:00 on February 13, 2026, if it falls on Friday"),
    // ---- nicknames
    ("u", "@yearly", "At 00:00 on January 1"),
    ("u", "@annually", "At 00:00 on January 1"),
    ("u", "@monthly", "At 00:00 on day 1 of the month"),
    ("u", "@weekly", "At 00:00 on Sunday"),
    ("u", "@daily", "At 00:00"),
    ("u", "@midnight", "At 00:00"),
    ("u", "@hourly", "Every hour"),
    ("a", "@reboot", "At startup"),
    // ---- 12-hour clock
    ("q12", "0 15 10 ? * MON-FRI", "At 10:15 AM, Monday through Friday"),
    ("q12", "0 0 12 L * ?", "At 12:00 PM on the last day of the month"),
    ("q12", "0 0 0 * * ?", "At 12:00 AM"),
    ("q12", "30 15 22 * * ?", "At 10:15:30 PM"),
    ("q12", "0 0 9-17 * * ?", "Every hour from 9:00 AM through 5:00 PM"),
    ("q12", "0 0/15 9-17 * * ?", "Every 15 minutes from 9:00 AM through 5:45 PM"),
    ("q12", "0 0 */7 * * ?", "At 12:00 AM, 7:00 AM, 2:00 PM and 9:00 PM"),
    ("q12", "0 0 23-1 * * ?", "Every hour from 11:00 PM through 1:00 AM"),
    ("u12", "*/15 1,4,9,12,20 * * *", "Every 15 minutes, in hours 1 AM, 4 AM, 9 AM, 12 PM and 8 PM"),
    ("q12", "0 */15 */2 * * ?", "Every 15 minutes, every 2 hours"),
    ("q12", "0 * 1/2 * * ?", "Every minute, in hours 1 AM, 3 AM, 5 AM, …, 11 PM"),
    ("q12", "0 0 0 30 2 ?", "At 12:00 AM on February 30 — never fires: February has no 30th"),
    // ---- many fields at once
    ("q", "0 0/30 9-17 ? JAN-MAR MON-FRI 2026", "Every 30 minutes from 09:00 through 17:30, Monday through Friday, from January through March, in 2026"),
    ("u", "30 8 1,15 */2 *", "At 08:30 on days 1 and 15 of the month, in January, March, May, July, September and November"),
    ("q", "15 30 8,20 L * ?", "At 08:30:15 and 20:30:15 on the last day of the month"),
    ("q", "0 0 8-18/2 ? * 2-6", "At 08:00, 10:00, 12:00, 14:00, 16:00 and 18:00, Monday through Friday"),
    ("u", "0 0,12 1 */2 *", "At 00:00 and 12:00 on day 1 of the month, in January, March, May, July, September and November"),
    ("q", "0 0 12 15W 6-8 ? 2026-2027", "At 12:00 on the weekday nearest the 15th of the month, from June through August, in 2026 and 2027"),
    ("u", "0 22 * * 1-5", "At 22:00, Monday through Friday"),
    ("u", "0 4 8-14 * *", "At 04:00 on days 8 through 14 of the month"),
    ("u", "0 0,12 * * 6,0", "At 00:00 and 12:00 on Saturday and Sunday"),
    ("u", "5 4 * * sun", "At 04:05 on Sunday"),
    ("u", "0 */6 * * *", "Every 6 hours"),
    ("q", "0 0 12 ? * 2-6 *", "At 12:00, Monday through Friday"),
    ("q", "0 11 11 11 11 ?", "At 11:11 on November 11"),
    // ---- readability (#14): several fields stepping at once read as "what happens
    // inside an hour", then which hours; the hours are a set, never a window
    ("q", "0 * */2 * * ?", "Every minute, every 2 hours"),
    ("q", "0 * */3 * * ?", "Every minute, every 3 hours"),
    ("q", "*/10 * */2 * * ?", "Every 10 seconds, every 2 hours"),
    ("u", "*/5 */4 * * *", "Every 5 minutes, every 4 hours"),
    // 1/2 hours = 1, 3, …, 23: not from midnight, so the hours are said
    ("q", "0 * 1/2 * * ?", "Every minute, in hours 1, 3, 5, …, 23"),
    // hours 10-12 as a set: "10 through 12" could be read as ending at 12:00
    ("q", "5-10 30-35 10-12 * * ?", "At seconds 5 through 10 of minutes 30 through 35, in hours 10, 11 and 12"),
    ("q", "5-10 30-35 9-17 * * ?", "At seconds 5 through 10 of minutes 30 through 35, in hours 9 through 17"),
    ("q", "*/10 0,30 9 * * ?", "Every 10 seconds during minutes 0 and 30, in hour 9"),
    ("q", "30 0,15 */3 * * ?", "At second 30 of minutes 0 and 15, every 3 hours"),
    ("q", "30 */15 1,4,9,12,20 * * ?", "Every 15 minutes at second 30, in hours 1, 4, 9, 12 and 20"),
    ("q", "15,45 0,30 */6 * * ?", "At seconds 15 and 45 of minutes 0 and 30, every 6 hours"),
    ("q", "0 * 0,3,6,9,13 * * ?", "Every minute, in hours 0, 3, 6, 9 and 13"),
    // three windows or fewer still read as windows
    ("q", "0 * 9,17 * * ?", "Every minute from 09:00 through 09:59 and from 17:00 through 17:59"),
    // day-of-month steps: their days, elided from seven on (the first three show the step)
    ("q", "0 0 12 1/3 * ?", "At 12:00 on days 1, 4, 7, …, 31 of the month"),
    ("q", "0 0 12 1/5 * ?", "At 12:00 on days 1, 6, 11, …, 31 of the month"),
    ("q", "0 0 12 1/6 * ?", "At 12:00 on days 1, 7, 13, 19, 25 and 31 of the month"),
    ("q", "0 0 12 2-30/7 * ?", "At 12:00 on days 2, 9, 16, 23 and 30 of the month"),
    ("u", "0 12 1-31/3,L * *", "At 12:00 on days 1, 4, 7, …, 31 and the last day of the month"),
    // lists keep calendar order, whatever order they were written in
    ("q", "0 0 12 ? * FRI,MON", "At 12:00 on Monday and Friday"),
    ("u", "0 12 * * 5,1", "At 12:00 on Monday and Friday"),
    ("q", "0 0 12 L DEC,JAN ?", "At 12:00 on the last day of the month, in January and December"),
    ("q", "0 0 12 L DEC,JAN,MAR,JUN ?", "At 12:00 on the last day of the month, in January, March, June and December"),
    ("q", "0 0 12 1 DEC,JAN ?", "At 12:00 on January 1 and December 1"),
    ("q", "0 0 12 15,1 * ?", "At 12:00 on days 1 and 15 of the month"),
    // … but a season across the new year stays one span
    ("q", "0 0 12 ? NOV-FEB MON", "At 12:00 on Monday, from November through February"),
    // "of the month" once in a sentence
    ("u", "0 12 1,L * FRI#L", "At 12:00 on day 1, the last day or the last Friday of the month"),
    ("u", "0 12 1,L * FRI#L,SUN", "At 12:00 on day 1, the last day or the last Friday of the month or on Sunday"),
    ("u", "0 12 * * MON#1,FRI#L,SUN", "At 12:00 on Sunday, the first Monday and the last Friday of the month"),
    ("u", "0 12 1,15W,L-2,LW * *", "At 12:00 on day 1, the day 2 days before the last day, the last weekday and the weekday nearest the 15th of the month"),
    ("u", "0 12 1,L * +FRI#L", "At 12:00 on day 1 and the last day of the month, if it falls on the last Friday"),
    ("u", "0 12 L-3 * FRI#L", "At 12:00 on the day 3 days before the last day or the last Friday of the month"),
    ("u", "0 12 1-31 * 2#1,6#3", "At 12:00 on any day of the month or on the first Tuesday or the third Saturday (every day)"),
    ("u", "0 12 1,L 2 *", "At 12:00 on day 1 and the last day of February"),
    // step 2 in the year field: odd or even years (Quartz counts `1/2` from year 1)
    ("q", "0 15 6 1 1 ? 1/2", "At 06:15 on January 1, in odd years"),
    ("q", "0 0 0 1 1 ? 0/2", "At 00:00 on January 1, in even years"),
    ("q", "0 0 0 1 1 ? */2", "At 00:00 on January 1, in even years"),
    ("q", "0 0 0 1 1 ? 2000/2", "At 00:00 on January 1, in even years from 2000"),
    ("q", "0 0 0 1 1 ? 2001-2031/2", "At 00:00 on January 1, in odd years from 2001 through 2031"),
    ("q", "0 0 12 ? * 6#3 1/2", "At 12:00 on the third Friday of the month, in odd years"),
    // six values are still listed
    ("q", "0 0 0 1 1 ? 2001-2011/2", "At 00:00 on January 1, in 2001, 2003, 2005, 2007, 2009 and 2011"),
];

/// Past years: (the current year, expression, sentence). The clock is injected
/// (`Options::with_now_year`), so these rows do not change with the date.
const PAST: &[(i32, &str, &str)] = &[
    (2026, "0 0 0 1 1 ? 2020", "At 00:00 on January 1, 2020 — never fires again: 2020 is past"),
    // the current year is not past
    (2020, "0 0 0 1 1 ? 2020", "At 00:00 on January 1, 2020"),
    (2019, "0 0 0 1 1 ? 2020", "At 00:00 on January 1, 2020"),
    (2026, "0 0 12 * * ? 2019,2020", "At 12:00, in 2019 and 2020 — never fires again: 2019 and 2020 are past"),
    (2026, "0 0 12 * * ? 2000-2010", "At 12:00, from 2000 through 2010 — never fires again: 2000 through 2010 are past"),
    (2026, "0 0 12 * * ? 2020,2030", "At 12:00, in 2020 and 2030"),
    // 2025 and 2026 are not leap years: the last February 29 was in 2024
    (2026, "0 0 0 29 2 ? 2020-2026", "At 00:00 on February 29, from 2020 through 2026 — never fires again: its last year, 2024, is past"),
    // the fifth Monday of February in 2000–2030: only 2016 (the table above: 1988, 2016, 2044)
    (2026, "0 0 0 ? 2 MON#5 2000-2030", "At 00:00 on the fifth Monday of February, from 2000 through 2030 — never fires again: its last year, 2016, is past"),
    (2010, "0 0 0 ? 2 MON#5 2000-2030", "At 00:00 on the fifth Monday of February, from 2000 through 2030 — only in 2016"),
    // a schedule that never fired says why, not that it is past
    (2026, "0 0 0 30 2 ? 2020", "At 00:00 on February 30, 2020 — never fires: February has no 30th"),
    (2026, "0 0 0 1 1 ? 1970-2020/2", "At 00:00 on January 1, in even years through 2020 — never fires again: 1970, 1972, 1974, …, 2020 are past"),
    (2026, "0 0 0 1 1 ?", "At 00:00 on January 1"),
];

/// One field on its own (`explain --fields`, `croneval --detail`).
const FIELDS: &[(&str, FieldKind, &str)] = &[
    // a long list of years is elided (not 115 years in one cell)
    (
        "0 0 0 1 1 ? */2",
        FieldKind::Year,
        "1970, 1972, 1974, …, 2198",
    ),
    (
        "0 0 0 1 1 ? 1/2",
        FieldKind::Year,
        "1971, 1973, 1975, …, 2199",
    ),
    (
        "0 0 0 1 1 ? 2020-2030",
        FieldKind::Year,
        "2020 through 2030",
    ),
    (
        "0 0 0 1 1 ? 2020,2024,2030",
        FieldKind::Year,
        "2020, 2024 and 2030",
    ),
    (
        "0 0 0 1 DEC,JAN ?",
        FieldKind::Month,
        "January and December",
    ),
    (
        "0 0 0 1 NOV-FEB ?",
        FieldKind::Month,
        "November through February",
    ),
    (
        "0 0 12 1/3 * ?",
        FieldKind::DayOfMonth,
        "days 1, 4, 7, …, 31 of the month",
    ),
    (
        "0 0 12 ? * FRI,MON",
        FieldKind::DayOfWeek,
        "Monday and Friday",
    ),
];

fn dialect(flags: &str) -> DialectChoice {
    match &flags[..1] {
        "q" => DialectChoice::Quartz,
        "u" => DialectChoice::Unix,
        _ => DialectChoice::Auto,
    }
}

#[test]
fn the_table_has_at_least_150_rows() {
    assert!(TABLE.len() >= 150, "{} rows", TABLE.len());
}

#[test]
fn descriptions_match_the_table() {
    let mut failures = Vec::new();
    for &(flags, text, expected) in TABLE {
        let e = match Expr::parse(text, dialect(flags)) {
            Ok(e) => e,
            Err(d) => {
                failures.push(format!("{text}: does not parse: {}", d.message));
                continue;
            }
        };
        let o = if flags.ends_with("12") {
            Options::twelve_hour()
        } else {
            Options::default()
        };
        let got = describe(&e, &o);
        if got != expected {
            failures.push(format!(
                "{text} ({flags})\n   want: {expected}\n    got: {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows differ:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn past_years_match_the_table() {
    let mut failures = Vec::new();
    for &(now, text, expected) in PAST {
        let e = Expr::parse(text, DialectChoice::Quartz).expect("the rows parse");
        let got = describe(&e, &Options::default().with_now_year(now));
        if got != expected {
            failures.push(format!(
                "{text} (now {now})\n   want: {expected}\n    got: {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn without_a_clock_no_year_is_past() {
    // the library default never depends on the date
    let e = Expr::parse("0 0 0 1 1 ? 1970", DialectChoice::Quartz).expect("parses");
    assert_eq!(
        describe(&e, &Options::default()),
        "At 00:00 on January 1, 1970"
    );
}

#[test]
fn field_meanings_match_the_table() {
    let mut failures = Vec::new();
    for &(text, kind, expected) in FIELDS {
        let e = Expr::parse(text, DialectChoice::Quartz).expect("the rows parse");
        let got = describe_field(&e, kind);
        if got != expected {
            failures.push(format!(
                "{text} {kind:?}\n   want: {expected}\n    got: {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
