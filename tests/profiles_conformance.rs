//! Conformance tables for the profiles without a runnable oracle here: Spring,
//! AWS EventBridge and GitHub Actions. Every row comes from a cited source: the
//! expectation is what the source says the text means (times worked out by hand
//! from its words for January–March 2026, starting Thursday 2026-01-01 00:00 UTC,
//! strictly after), or that the source's syntax does not allow it. Never from
//! cronkit's own output.
//!
//! Sources:
//! - SPRING_JAVADOC: spring-framework `spring-context/src/main/java/org/springframework/scheduling/support/CronExpression.java`,
//!   javadoc of `CronExpression.parse(String)` (field list, "Example expressions", macros).
//! - SPRING_REF: Spring reference, "Task Execution and Scheduling", section "Cron Expressions"
//!   (`framework-docs/modules/ROOT/pages/integration/scheduling.adoc`): macros, `L`, `nW`, `LW`, `d#n`.
//! - SPRING_TESTS: spring-framework `spring-context/src/test/java/org/springframework/scheduling/support/CronExpressionTests.java`
//!   (the test method named in the row: its expression, start and expected times).
//! - SPRING_BITS: spring-framework `BitsCronField.java`: `parseRange` returns `type.range()` for
//!   `*` (java.time's DAY_OF_WEEK 1-7); `parseField` runs `a/n` from a to the range's maximum;
//!   `checkValidValue` lets 0 through for day-of-week; "If used as a minimum in a range, Sunday
//!   means 0 (not 7)"; `parseDaysOfWeek` turns bit 0 into bit 7.
//! - SPRING_FIELD: spring-framework `CronField.java`: `DAYS = {"MON", ..., "SUN"}` and
//!   `MONTHS`, replaced by `i + 1` (`replaceOrdinals`, upper-cased) before the field is parsed,
//!   so SUN is 7 and a name and a number may share a range; `parseDaysOfMonth` /
//!   `parseDaysOfWeek` read a list item by item (`parseList`), `L`/`W`/`#` items included.
//! - AWS_CRON: AWS docs, "Schedule Expressions Using Rate or Cron"
//!   (`awsdocs/aws-lambda-developer-guide`, `doc_source/tutorial-scheduled-events-schedule-expressions.md`,
//!   same text as EventBridge's eb-scheduled-rule-pattern): the field table, the wildcard table,
//!   the examples and the notes.
//! - GH_EXAMPLE: github/docs `data/reusables/repositories/actions-scheduled-workflow-example.md`
//!   (operator table and examples). GH_CRON: github/docs `data/reusables/repositories/cron.md`
//!   (five fields and their ranges: minute 0-59, hour 0-23, day 1-31, month 1-12 or JAN-DEC,
//!   day of week 0-6 or SUN-SAT).
//! - AWS_RATE: AWS docs, EventBridge "Rate expressions reference"
//!   (<https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html>):
//!   "A rate expression starts when you create the scheduled event rule"; `rate(value unit)`,
//!   "value: A positive number", "Valid values: minute | minutes | hour | hours | day | days",
//!   "If the value is equal to 1, then the unit must be singular. If the value is greater than 1,
//!   the unit must be plural. For example, rate(1 hours) and rate(5 hour) aren't valid, but
//!   rate(1 hour) and rate(5 hours) are valid"; examples rate(1 minute), rate(5 minutes),
//!   rate(1 hour), rate(1 day).
//! - POSIX: The Open Group, `crontab` utility, "Input Files" (the OR of day-of-month and
//!   day-of-week; only `*`, lists and ranges are defined).

use chrono::DateTime;
use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

enum Want {
    /// The first fire times (UTC, `MM-DDTHH:MM:SS` in 2026 unless a year is given).
    Times(&'static [&'static str]),
    /// Same, from another start.
    TimesFrom(&'static str, &'static [&'static str]),
    /// Not in the platform's syntax.
    Reject,
    /// Rejected with this code.
    RejectCode(&'static str),
}
use Want::*;

struct Row {
    expr: &'static str,
    want: Want,
    source: &'static str,
}

const fn r(expr: &'static str, want: Want, source: &'static str) -> Row {
    Row { expr, want, source }
}

const SPRING: &[Row] = &[
    r(
        "0 0 * * * *",
        Times(&["01-01T01:00:00", "01-01T02:00:00"]),
        "SPRING_JAVADOC: the top of every hour of every day",
    ),
    r(
        "*/10 * * * * *",
        Times(&["01-01T00:00:10", "01-01T00:00:20"]),
        "SPRING_JAVADOC: every ten seconds",
    ),
    r(
        "0 0 8-10 * * *",
        Times(&[
            "01-01T08:00:00",
            "01-01T09:00:00",
            "01-01T10:00:00",
            "01-02T08:00:00",
        ]),
        "SPRING_JAVADOC: 8, 9 and 10 o'clock of every day",
    ),
    r(
        "0 0 6,19 * * *",
        Times(&["01-01T06:00:00", "01-01T19:00:00", "01-02T06:00:00"]),
        "SPRING_JAVADOC: 6:00 AM and 7:00 PM every day",
    ),
    r(
        "0 0/30 8-10 * * *",
        Times(&[
            "01-01T08:00:00",
            "01-01T08:30:00",
            "01-01T09:00:00",
            "01-01T09:30:00",
            "01-01T10:00:00",
            "01-01T10:30:00",
            "01-02T08:00:00",
        ]),
        "SPRING_JAVADOC: 8:00, 8:30, 9:00, 9:30, 10:00 and 10:30 every day",
    ),
    r(
        "0 0 9-17 * * MON-FRI",
        TimesFrom(
            "2026-01-02T16:00:00Z",
            &["01-02T17:00:00", "01-05T09:00:00"],
        ),
        "SPRING_JAVADOC: on the hour nine-to-five weekdays",
    ),
    r(
        "0 0 0 25 12 ?",
        Times(&["12-25T00:00:00", "2027-12-25T00:00:00"]),
        "SPRING_JAVADOC: every Christmas Day at midnight",
    ),
    r(
        "0 0 0 L * *",
        Times(&["01-31T00:00:00", "02-28T00:00:00", "03-31T00:00:00"]),
        "SPRING_JAVADOC: last day of the month at midnight",
    ),
    r(
        "0 0 0 L-3 * *",
        Times(&["01-28T00:00:00", "02-25T00:00:00", "03-28T00:00:00"]),
        "SPRING_JAVADOC: third-to-last day of the month at midnight",
    ),
    r(
        "0 0 0 1W * *",
        Times(&["02-02T00:00:00", "03-02T00:00:00", "04-01T00:00:00"]),
        "SPRING_JAVADOC: first weekday of the month at midnight",
    ),
    r(
        "0 0 0 LW * *",
        Times(&["01-30T00:00:00", "02-27T00:00:00", "03-31T00:00:00"]),
        "SPRING_JAVADOC: last weekday of the month at midnight",
    ),
    r(
        "0 0 0 * * 5L",
        Times(&["01-30T00:00:00", "02-27T00:00:00", "03-27T00:00:00"]),
        "SPRING_JAVADOC: last Friday of the month at midnight",
    ),
    r(
        "0 0 0 * * THUL",
        Times(&["01-29T00:00:00", "02-26T00:00:00", "03-26T00:00:00"]),
        "SPRING_JAVADOC: last Thursday of the month at midnight",
    ),
    r(
        "0 0 0 ? * 5#2",
        Times(&["01-09T00:00:00", "02-13T00:00:00", "03-13T00:00:00"]),
        "SPRING_JAVADOC: the second Friday in the month at midnight",
    ),
    r(
        "0 0 0 ? * MON#1",
        Times(&["01-05T00:00:00", "02-02T00:00:00", "03-02T00:00:00"]),
        "SPRING_JAVADOC: the first Monday in the month at midnight",
    ),
    r(
        "@yearly",
        Times(&["2027-01-01T00:00:00"]),
        "SPRING_JAVADOC: @yearly = 0 0 0 1 1 *",
    ),
    r(
        "@annually",
        Times(&["2027-01-01T00:00:00"]),
        "SPRING_JAVADOC: @annually = 0 0 0 1 1 *",
    ),
    r(
        "@monthly",
        Times(&["02-01T00:00:00", "03-01T00:00:00"]),
        "SPRING_JAVADOC: @monthly = 0 0 0 1 * *",
    ),
    r(
        "@weekly",
        Times(&["01-04T00:00:00", "01-11T00:00:00"]),
        "SPRING_JAVADOC: @weekly = 0 0 0 * * 0",
    ),
    r(
        "@daily",
        Times(&["01-02T00:00:00", "01-03T00:00:00"]),
        "SPRING_JAVADOC: @daily = 0 0 0 * * *",
    ),
    r(
        "@midnight",
        Times(&["01-02T00:00:00"]),
        "SPRING_JAVADOC: @midnight = 0 0 0 * * *",
    ),
    r(
        "@hourly",
        Times(&["01-01T01:00:00", "01-01T02:00:00"]),
        "SPRING_JAVADOC: @hourly = 0 0 * * * *",
    ),
    r(
        "0 0 * * *",
        Reject,
        "SPRING_JAVADOC: six single space-separated time and date fields",
    ),
    r(
        "0 0 0 * * * 2026",
        Reject,
        "SPRING_JAVADOC: six fields (no year)",
    ),
    r(
        "0 0 0 * * 0",
        Times(&["01-04T00:00:00"]),
        "SPRING_JAVADOC: day of the week (0 - 7) (0 or 7 is Sunday, or MON-SUN)",
    ),
    r(
        "0 0 0 * * 7",
        Times(&["01-04T00:00:00"]),
        "SPRING_JAVADOC: 0 or 7 is Sunday",
    ),
    r(
        "0 0 0 * * 8",
        Reject,
        "SPRING_JAVADOC: day of the week (0 - 7)",
    ),
    r(
        "0 0 0 * * SUN",
        Times(&["01-04T00:00:00"]),
        "SPRING_JAVADOC: or MON-SUN",
    ),
    r(
        "0 0 0 * * MON-FRI",
        Times(&["01-02T00:00:00", "01-05T00:00:00"]),
        "SPRING_JAVADOC: or MON-SUN; 0 0 9-17 * * MON-FRI",
    ),
    r("60 0 0 * * *", Reject, "SPRING_JAVADOC: second (0-59)"),
    r("0 60 0 * * *", Reject, "SPRING_JAVADOC: minute (0 - 59)"),
    r("0 0 24 * * *", Reject, "SPRING_JAVADOC: hour (0 - 23)"),
    r(
        "0 0 0 32 * *",
        Reject,
        "SPRING_JAVADOC: day of the month (1 - 31)",
    ),
    r(
        "0 0 0 0 * *",
        Reject,
        "SPRING_JAVADOC: day of the month (1 - 31)",
    ),
    r(
        "0 0 0 1 13 *",
        Reject,
        "SPRING_JAVADOC: month (1 - 12) (or JAN-DEC)",
    ),
    r(
        "0 0 0 1 FEB *",
        Times(&["02-01T00:00:00", "2027-02-01T00:00:00"]),
        "SPRING_JAVADOC: month (1 - 12) (or JAN-DEC)",
    ),
    r(
        "0 0 0 ? * *",
        Times(&["01-02T00:00:00"]),
        "SPRING_JAVADOC: 0 0 0 25 12 ? (? in a day field)",
    ),
    r(
        "0 0 12 1 * MON",
        Times(&[
            "06-01T12:00:00",
            "2027-02-01T12:00:00",
            "2027-03-01T12:00:00",
        ]),
        "CronExpression.nextOrSameInternal: every field must match, so day 1 AND a Monday",
    ),
    r(
        "0 0 0 L * ?",
        Times(&["01-31T00:00:00"]),
        "SPRING_REF Last Days: L in day-of-month is the last day of the month",
    ),
    r(
        "0 0 0 ? * FRI#2",
        Times(&["01-09T00:00:00", "02-13T00:00:00"]),
        "SPRING_REF Second Friday of the Month: DDD#n",
    ),
    r(
        "0 0 0 15W * ?",
        Times(&["01-15T00:00:00", "02-16T00:00:00", "03-16T00:00:00"]),
        "SPRING_REF Weekdays: nW is the nearest weekday (Sunday the 15th → Monday)",
    ),
    r(
        "0 0 0 ? * THU#1,THU#3,THU#5",
        TimesFrom(
            "2019-12-31T00:00:00Z",
            &[
                "2020-01-02T00:00:00",
                "2020-01-16T00:00:00",
                "2020-01-30T00:00:00",
            ],
        ),
        "SPRING_TESTS dayOfWeekListWithQuartz",
    ),
    r(
        "0 0 0 1W,15,LW * ?",
        TimesFrom(
            "2019-12-30T00:00:00Z",
            &[
                "2019-12-31T00:00:00",
                "2020-01-01T00:00:00",
                "2020-01-15T00:00:00",
                "2020-01-31T00:00:00",
            ],
        ),
        "SPRING_TESTS dayOfMonthListWithQuartz",
    ),
    r(
        "0 0 * ? * FRIL",
        TimesFrom(
            "2021-01-28T00:01:00Z",
            &[
                "2021-01-29T00:00:00",
                "2021-01-29T01:00:00",
                "2021-01-29T02:00:00",
            ],
        ),
        "SPRING_TESTS quartzLastFridayOfTheMonthEveryHour",
    ),
    r(
        "0 0 0 ? * SUN-FRI",
        TimesFrom(
            "2021-02-25T15:00:00Z",
            &["2021-02-26T00:00:00", "2021-02-28T00:00:00"],
        ),
        "SPRING_TESTS sundayToFriday",
    ),
    r(
        "3-57 13-28 17,18 1,15 3-12 6#1",
        TimesFrom("2022-09-15T17:44:11Z", &["2022-10-01T17:13:03"]),
        "SPRING_TESTS various (the day fields AND-ed: day 1 or 15 and the first Saturday)",
    ),
    r(
        "*/28 56 22 */6 * *",
        TimesFrom("2022-02-27T08:00:42Z", &["2022-03-01T22:56:00"]),
        "SPRING_TESTS various",
    ),
    r(
        "0 15 12 */10 1-8 5",
        TimesFrom(
            "2021-04-30T12:14:59Z",
            &[
                "2021-05-21T12:15:00",
                "2021-06-11T12:15:00",
                "2022-01-21T12:15:00",
            ],
        ),
        "SPRING_TESTS everyTenDays (days 1, 11, 21, 31 and a Friday)",
    ),
    r(
        "0 0 0 ? * */2",
        Times(&[
            "01-02T00:00:00",
            "01-04T00:00:00",
            "01-05T00:00:00",
            "01-07T00:00:00",
        ]),
        "SPRING_BITS: `*` is DAY_OF_WEEK's 1-7, so */2 is 1,3,5,7 = MON,WED,FRI,SUN",
    ),
    r(
        "0 0 0 ? * */3",
        Times(&["01-04T00:00:00", "01-05T00:00:00", "01-08T00:00:00"]),
        "SPRING_BITS: */3 is 1,4,7 = MON,THU,SUN",
    ),
    r(
        "0 0 0 ? * SUN/2",
        Times(&["01-04T00:00:00", "01-11T00:00:00"]),
        "SPRING_FIELD: SUN is 7; SPRING_BITS: 7/2 runs from 7 to 7",
    ),
    r(
        "0 0 0 ? * 0/2",
        Times(&["01-03T00:00:00", "01-04T00:00:00", "01-06T00:00:00"]),
        "SPRING_BITS: 0 is valid, 0/2 runs 0..7 = 0,2,4,6 = SUN,TUE,THU,SAT",
    ),
    r(
        "0 0 0 ? * MON-SUN",
        Times(&["01-02T00:00:00", "01-03T00:00:00", "01-04T00:00:00"]),
        "SPRING_JAVADOC: or MON-SUN; SPRING_FIELD: MON-SUN is 1-7",
    ),
    r(
        "0 0 0 ? * FRI-SUN",
        Times(&[
            "01-02T00:00:00",
            "01-03T00:00:00",
            "01-04T00:00:00",
            "01-09T00:00:00",
        ]),
        "SPRING_FIELD: FRI-SUN is 5-7",
    ),
    r(
        "0 0 0 ? * 7-1",
        Times(&["01-04T00:00:00", "01-05T00:00:00", "01-11T00:00:00"]),
        "SPRING_BITS: as a range's minimum Sunday means 0, so 7-1 is 0-1",
    ),
    r(
        "0 0 0 ? * MON-7",
        Times(&["01-02T00:00:00", "01-03T00:00:00", "01-04T00:00:00"]),
        "SPRING_FIELD: names become numbers before parsing, MON-7 is 1-7",
    ),
    r(
        "0 0 0 ? * 0-FRI",
        Times(&["01-02T00:00:00", "01-04T00:00:00", "01-05T00:00:00"]),
        "SPRING_FIELD: 0-FRI is 0-5",
    ),
    r(
        "0 0 0 1 JAN-3 ?",
        Times(&["02-01T00:00:00", "03-01T00:00:00", "2027-01-01T00:00:00"]),
        "SPRING_FIELD: MONTHS replaced by 1-12, JAN-3 is 1-3",
    ),
];

const EVENTBRIDGE: &[Row] = &[
    r(
        "cron(0 10 * * ? *)",
        Times(&["01-01T10:00:00", "01-02T10:00:00"]),
        "AWS_CRON examples: at 10:00am (UTC) everyday",
    ),
    r(
        "cron(15 12 * * ? *)",
        Times(&["01-01T12:15:00", "01-02T12:15:00"]),
        "AWS_CRON examples: 12:15pm (UTC) everyday",
    ),
    r(
        "cron(0 18 ? * MON-FRI *)",
        Times(&["01-01T18:00:00", "01-02T18:00:00", "01-05T18:00:00"]),
        "AWS_CRON examples: at 06:00pm (UTC) every Mon-Fri",
    ),
    r(
        "cron(0 8 1 * ? *)",
        Times(&["01-01T08:00:00", "02-01T08:00:00"]),
        "AWS_CRON examples: at 8:00am (UTC) every first day of the month",
    ),
    r(
        "cron(0/10 * ? * MON-FRI *)",
        Times(&["01-01T00:10:00", "01-01T00:20:00"]),
        "AWS_CRON examples: every 10 min Mon-Fri",
    ),
    r(
        "cron(0/5 8-17 ? * MON-FRI *)",
        TimesFrom(
            "2026-01-02T17:50:00Z",
            &["01-02T17:55:00", "01-05T08:00:00"],
        ),
        "AWS_CRON examples: every 5 minutes Mon-Fri between 8:00am and 5:55pm (UTC)",
    ),
    r(
        "cron(0 9 ? * 2#1 *)",
        Times(&["01-05T09:00:00", "02-02T09:00:00", "03-02T09:00:00"]),
        "AWS_CRON examples: at 9 a.m. (UTC) the first Monday of each month",
    ),
    r(
        "cron(60 * * * ? *)",
        Reject,
        "AWS_CRON fields: Minutes 0-59",
    ),
    r(
        "cron(59 * * * ? *)",
        Times(&["01-01T00:59:00"]),
        "AWS_CRON fields: Minutes 0-59",
    ),
    r("cron(0 24 * * ? *)", Reject, "AWS_CRON fields: Hours 0-23"),
    r(
        "cron(0 0 32 * ? *)",
        Reject,
        "AWS_CRON fields: Day-of-month 1-31",
    ),
    r(
        "cron(0 0 0 * ? *)",
        Reject,
        "AWS_CRON fields: Day-of-month 1-31",
    ),
    r(
        "cron(0 0 1 13 ? *)",
        Reject,
        "AWS_CRON fields: Month 1-12 or JAN-DEC",
    ),
    r(
        "cron(0 0 1 JAN ? *)",
        Times(&["2027-01-01T00:00:00"]),
        "AWS_CRON fields: Month 1-12 or JAN-DEC",
    ),
    r(
        "cron(0 0 ? * 1 *)",
        Times(&["01-04T00:00:00"]),
        "AWS_CRON fields: Day-of-week 1-7 or SUN-SAT (1 = Sunday)",
    ),
    r(
        "cron(0 0 ? * 7 *)",
        Times(&["01-03T00:00:00"]),
        "AWS_CRON fields: Day-of-week 1-7 or SUN-SAT (7 = Saturday)",
    ),
    r(
        "cron(0 0 ? * 0 *)",
        Reject,
        "AWS_CRON fields: Day-of-week 1-7",
    ),
    r(
        "cron(0 0 ? * 8 *)",
        Reject,
        "AWS_CRON fields: Day-of-week 1-7",
    ),
    r(
        "cron(0 0 ? * SUN *)",
        Times(&["01-04T00:00:00"]),
        "AWS_CRON fields: SUN-SAT",
    ),
    r(
        "cron(0 0 1 1 ? 2030)",
        Times(&["2030-01-01T00:00:00"]),
        "AWS_CRON fields: Year 1970-2199",
    ),
    r(
        "cron(0 0 1 1 ? 2199)",
        Times(&["2199-01-01T00:00:00"]),
        "AWS_CRON fields: Year 1970-2199",
    ),
    r(
        "cron(0 0 1 1 ? 2200)",
        Reject,
        "AWS_CRON fields: Year 1970-2199",
    ),
    r(
        "cron(0 0 1 1 ? 1969)",
        Reject,
        "AWS_CRON fields: Year 1970-2199",
    ),
    r(
        "cron(0/15 * * * ? *)",
        Times(&["01-01T00:15:00", "01-01T00:30:00"]),
        "AWS_CRON wildcards: 0/15 in the minutes field ... every 15 minutes",
    ),
    r(
        "cron(5/10 * * * ? *)",
        Times(&["01-01T00:05:00", "01-01T00:15:00", "01-01T00:25:00"]),
        "AWS_CRON wildcards: 5/10 means 5, 15, 25, 35, etc.",
    ),
    r(
        "cron(0 0 L * ? *)",
        Times(&["01-31T00:00:00", "02-28T00:00:00"]),
        "AWS_CRON wildcards: L in Day-of-month is the last day of the month",
    ),
    r(
        "cron(0 0 ? * L *)",
        Times(&["01-03T00:00:00", "01-10T00:00:00"]),
        "AWS_CRON wildcards: L in Day-of-week is the last day of the week (Saturday)",
    ),
    r(
        "cron(0 0 5W * ? *)",
        Times(&["01-05T00:00:00", "02-05T00:00:00", "03-05T00:00:00"]),
        "AWS_CRON wildcards: W, the closest weekday to the 5th",
    ),
    r(
        "cron(0 0 3W * ? *)",
        Times(&["01-02T00:00:00", "02-03T00:00:00"]),
        "AWS_CRON wildcards: W: if it falls on a Saturday, execution occurs on Friday",
    ),
    r(
        "cron(0 0 4W * ? *)",
        Times(&["01-05T00:00:00", "02-04T00:00:00"]),
        "AWS_CRON wildcards: W: if it falls on a Sunday, execution occurs on Monday",
    ),
    r(
        "cron(0 0 ? * 3#2 *)",
        Times(&["01-13T00:00:00", "02-10T00:00:00", "03-10T00:00:00"]),
        "AWS_CRON wildcards: 3#2 means the second Tuesday of the month",
    ),
    r(
        "cron(0 10-12 * * ? *)",
        Times(&[
            "01-01T10:00:00",
            "01-01T11:00:00",
            "01-01T12:00:00",
            "01-02T10:00:00",
        ]),
        "AWS_CRON wildcards: 10-12 would mean 10, 11 and 12",
    ),
    r(
        "cron(0 0 ? * SUN,MON,TUE *)",
        Times(&["01-04T00:00:00", "01-05T00:00:00", "01-06T00:00:00"]),
        "AWS_CRON wildcards: SUN,MON,TUE means Sunday, Monday and Tuesday",
    ),
    r(
        "cron(0 0 * * * *)",
        RejectCode("both-day-fields"),
        "AWS_CRON notes: one of the day-of-month or day-of-week values must be a question mark",
    ),
    r(
        "cron(0 0 1 * MON *)",
        RejectCode("both-day-fields"),
        "AWS_CRON notes: one of the day-of-month or day-of-week values must be a question mark",
    ),
    r(
        "cron(0 10 * * ?)",
        Reject,
        "AWS_CRON: All fields are required (six)",
    ),
    r(
        "cron(0 0 10 * * ? *)",
        Reject,
        "AWS_CRON: cron(Minutes Hours Day-of-month Month Day-of-week Year)",
    ),
    r(
        "0 10 * * ? *",
        Times(&["01-01T10:00:00"]),
        "AWS_CRON notes: in the Lambda console, do not include the cron prefix",
    ),
    r(
        "rate(5 minutes)",
        RejectCode("rate-expression"),
        "AWS_CRON rate expression: rate(Value Unit), an interval (not a cron schedule)",
    ),
    r(
        "cron(0 0 ? * MON#1,FRI *)",
        Reject,
        "AWS_CRON: # names one weekday of the month (Quartz-derived: # stands alone)",
    ),
];

const GITHUB: &[Row] = &[
    r(
        "15 * * * *",
        Times(&["01-01T00:15:00", "01-01T01:15:00"]),
        "GH_EXAMPLE: 15 * * * * runs at every minute 15 of every hour of every day",
    ),
    r(
        "2,10 4,5 * * *",
        Times(&[
            "01-01T04:02:00",
            "01-01T04:10:00",
            "01-01T05:02:00",
            "01-01T05:10:00",
            "01-02T04:02:00",
        ]),
        "GH_EXAMPLE: minute 2 and 10 of the 4th and 5th hour of every day",
    ),
    r(
        "30 4-6 * * *",
        Times(&[
            "01-01T04:30:00",
            "01-01T05:30:00",
            "01-01T06:30:00",
            "01-02T04:30:00",
        ]),
        "GH_EXAMPLE: minute 30 of the 4th, 5th, and 6th hour",
    ),
    r(
        "20/15 * * * *",
        Times(&[
            "01-01T00:20:00",
            "01-01T00:35:00",
            "01-01T00:50:00",
            "01-01T01:20:00",
        ]),
        "GH_EXAMPLE: every 15 minutes starting from minute 20 through 59 (minutes 20, 35, and 50)",
    ),
    r(
        "30 5 * * 1-5",
        Times(&["01-01T05:30:00", "01-02T05:30:00", "01-05T05:30:00"]),
        "GH_EXAMPLE: 5:30 AM every Monday through Friday",
    ),
    r(
        "30 5 * * 1,3",
        Times(&["01-05T05:30:00", "01-07T05:30:00"]),
        "GH_EXAMPLE: 5:30 UTC every Monday and Wednesday",
    ),
    r(
        "30 5,17 * * 2,4",
        Times(&["01-01T05:30:00", "01-01T17:30:00", "01-06T05:30:00"]),
        "GH_EXAMPLE: 5:30 and 17:30 UTC on Tuesdays and Thursdays",
    ),
    r("60 * * * *", Reject, "GH_CRON: minute (0 - 59)"),
    r(
        "59 * * * *",
        Times(&["01-01T00:59:00"]),
        "GH_CRON: minute (0 - 59)",
    ),
    r("0 24 * * *", Reject, "GH_CRON: hour (0 - 23)"),
    r(
        "0 23 * * *",
        Times(&["01-01T23:00:00"]),
        "GH_CRON: hour (0 - 23)",
    ),
    r("0 0 0 * *", Reject, "GH_CRON: day of the month (1 - 31)"),
    r("0 0 32 * *", Reject, "GH_CRON: day of the month (1 - 31)"),
    r(
        "0 0 31 * *",
        Times(&["01-31T00:00:00", "03-31T00:00:00"]),
        "GH_CRON: day of the month (1 - 31)",
    ),
    r("0 0 1 13 *", Reject, "GH_CRON: month (1 - 12 or JAN-DEC)"),
    r("0 0 1 0 *", Reject, "GH_CRON: month (1 - 12 or JAN-DEC)"),
    r(
        "0 0 1 FEB *",
        Times(&["02-01T00:00:00", "2027-02-01T00:00:00"]),
        "GH_CRON: month (1 - 12 or JAN-DEC)",
    ),
    r(
        "0 0 1 DEC *",
        Times(&["12-01T00:00:00"]),
        "GH_CRON: month (1 - 12 or JAN-DEC)",
    ),
    r(
        "0 0 * * 0",
        Times(&["01-04T00:00:00", "01-11T00:00:00"]),
        "GH_CRON: day of the week (0 - 6 or SUN-SAT), 0 = Sunday",
    ),
    r(
        "0 0 * * 6",
        Times(&["01-03T00:00:00"]),
        "GH_CRON: day of the week (0 - 6 or SUN-SAT)",
    ),
    r(
        "0 0 * * 7",
        Reject,
        "GH_CRON: day of the week (0 - 6 or SUN-SAT)",
    ),
    r(
        "0 0 * * SUN",
        Times(&["01-04T00:00:00"]),
        "GH_CRON: SUN-SAT",
    ),
    r(
        "0 0 * * SAT",
        Times(&["01-03T00:00:00"]),
        "GH_CRON: SUN-SAT",
    ),
    r(
        "0 0 * * MON-FRI",
        Times(&["01-02T00:00:00", "01-05T00:00:00"]),
        "GH_CRON: SUN-SAT; GH_EXAMPLE: - is a range of values",
    ),
    r(
        "0 0 0 * * *",
        Reject,
        "GH_CRON: five fields separated by a space",
    ),
    r(
        "0 0 * *",
        Reject,
        "GH_CRON: five fields separated by a space",
    ),
    r(
        "0 0 L * *",
        Reject,
        "GH_EXAMPLE: the operators are * , - / (no L)",
    ),
    r(
        "0 0 ? * *",
        Reject,
        "GH_EXAMPLE: the operators are * , - / (no ?)",
    ),
    r(
        "0 0 * * 1#2",
        Reject,
        "GH_EXAMPLE: the operators are * , - / (no #)",
    ),
    r(
        "0 0 15W * *",
        Reject,
        "GH_EXAMPLE: the operators are * , - / (no W)",
    ),
    r(
        "0 0 * * 5L",
        Reject,
        "GH_EXAMPLE: the operators are * , - / (no L)",
    ),
    r("@daily", Reject, "GH_CRON: five fields (no @ shorthands)"),
    r("@hourly", Reject, "GH_CRON: five fields (no @ shorthands)"),
    r(
        "*/30 * * * *",
        Times(&["01-01T00:30:00", "01-01T01:00:00"]),
        "GH_EXAMPLE: / step values in any of the five fields",
    ),
    r(
        "0 0 1 * 1",
        Times(&["01-05T00:00:00", "01-12T00:00:00", "01-19T00:00:00"]),
        "POSIX crontab: day of month and day of week both set: either matches",
    ),
    r(
        "0 0 13 * 5",
        Times(&[
            "01-02T00:00:00",
            "01-09T00:00:00",
            "01-13T00:00:00",
            "01-16T00:00:00",
        ]),
        "POSIX crontab: either the day of month or the day of week matches",
    ),
    r(
        "0 0 1 * *",
        Times(&["02-01T00:00:00", "03-01T00:00:00"]),
        "POSIX crontab: day of week * → the day of month decides",
    ),
    r(
        "0 0 * * 1",
        Times(&["01-05T00:00:00", "01-12T00:00:00"]),
        "POSIX crontab: day of month * → only the days of the week",
    ),
    r(
        "0 0 * 2 *",
        Times(&["02-01T00:00:00", "02-02T00:00:00"]),
        "POSIX crontab: month set, days *: every day of February",
    ),
    r(
        "0 0 1-3 * *",
        Times(&["01-02T00:00:00", "01-03T00:00:00", "02-01T00:00:00"]),
        "POSIX crontab: a range of numbers separated by a hyphen",
    ),
    r(
        "0 12 * * 1-5",
        Times(&["01-01T12:00:00", "01-02T12:00:00", "01-05T12:00:00"]),
        "GH_CRON: day of the week 0-6; GH_EXAMPLE: - is a range",
    ),
];

fn check(choice: DialectChoice, rows: &[Row]) -> Vec<String> {
    let utc = Zone::utc();
    let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .timestamp();
    let mut failures = Vec::new();
    for row in rows {
        let parsed = Schedule::parse(row.expr, choice);
        let fail = |why: String| format!("{choice:?} `{}` ({}): {why}", row.expr, row.source);
        match (&row.want, parsed) {
            (Reject, Err(_)) => {}
            (RejectCode(code), Err(d)) if d.code == *code => {}
            (RejectCode(code), Err(d)) => {
                failures.push(fail(format!("rejected with {} instead of {code}", d.code)))
            }
            (Reject | RejectCode(_), Ok(_)) => {
                failures.push(fail("accepted; the source does not allow it".into()))
            }
            (Times(_) | TimesFrom(..), Err(d)) => {
                failures.push(fail(format!("rejected: {}", d.message)))
            }
            (Times(want) | TimesFrom(_, want), Ok(s)) => {
                let from = match &row.want {
                    TimesFrom(f, _) => DateTime::parse_from_rfc3339(f).unwrap().timestamp(),
                    _ => start,
                };
                let want: Vec<String> = want
                    .iter()
                    .map(|w| {
                        if w.len() == 14 {
                            format!("2026-{w}Z")
                        } else {
                            format!("{w}Z")
                        }
                    })
                    .collect();
                let got: Vec<String> = s
                    .iter_after(from, &utc, DstPolicy::Shift)
                    .take(want.len())
                    .map(|t| {
                        DateTime::from_timestamp(t, 0)
                            .unwrap()
                            .format("%Y-%m-%dT%H:%M:%SZ")
                            .to_string()
                    })
                    .collect();
                if got != want {
                    failures.push(fail(format!("fires {got:?}, the source says {want:?}")));
                }
            }
        }
    }
    failures
}

#[test]
fn spring_conformance() {
    assert!(SPRING.len() >= 40, "{} rows", SPRING.len());
    let f = check(DialectChoice::Spring, SPRING);
    assert!(f.is_empty(), "{}", f.join("\n"));
}

#[test]
fn eventbridge_conformance() {
    assert!(EVENTBRIDGE.len() >= 40, "{} rows", EVENTBRIDGE.len());
    let f = check(DialectChoice::Eventbridge, EVENTBRIDGE);
    assert!(f.is_empty(), "{}", f.join("\n"));
}

#[test]
fn github_conformance() {
    assert!(GITHUB.len() >= 40, "{} rows", GITHUB.len());
    let f = check(DialectChoice::Github, GITHUB);
    assert!(f.is_empty(), "{}", f.join("\n"));
}

/// EventBridge `rate(...)` rows: the period in seconds the source gives the text
/// (`None`: the source does not allow it, `eventbridge-rate`). A rate counts from
/// when the rule is created, so the first time after a start s is s + period.
const EVENTBRIDGE_RATE: &[(&str, Option<u64>, &str)] = &[
    (
        "rate(1 minute)",
        Some(60),
        "AWS_RATE example: triggers the rule every minute",
    ),
    (
        "rate(5 minutes)",
        Some(300),
        "AWS_RATE example: every five minutes",
    ),
    (
        "rate(1 hour)",
        Some(3_600),
        "AWS_RATE example: once an hour; rate(1 hour) is valid",
    ),
    (
        "rate(1 day)",
        Some(86_400),
        "AWS_RATE example: once per day",
    ),
    (
        "rate(5 hours)",
        Some(18_000),
        "AWS_RATE: rate(5 hours) is valid",
    ),
    ("rate(1 hours)", None, "AWS_RATE: rate(1 hours) isn't valid"),
    ("rate(5 hour)", None, "AWS_RATE: rate(5 hour) isn't valid"),
    (
        "rate(1 minutes)",
        None,
        "AWS_RATE: value 1 takes a singular unit",
    ),
    (
        "rate(1 days)",
        None,
        "AWS_RATE: value 1 takes a singular unit",
    ),
    (
        "rate(2 minute)",
        None,
        "AWS_RATE: a value over 1 takes a plural unit",
    ),
    (
        "rate(7 day)",
        None,
        "AWS_RATE: a value over 1 takes a plural unit",
    ),
    (
        "rate(7 days)",
        Some(604_800),
        "AWS_RATE: days, plural over 1",
    ),
    (
        "rate(90 minutes)",
        Some(5_400),
        "AWS_RATE: minutes, plural over 1",
    ),
    (
        "rate(0 minutes)",
        None,
        "AWS_RATE: value is a positive number",
    ),
    (
        "rate(-5 minutes)",
        None,
        "AWS_RATE: value is a positive number",
    ),
    (
        "rate(5 weeks)",
        None,
        "AWS_RATE: valid units are minute(s), hour(s), day(s)",
    ),
    (
        "rate(30 seconds)",
        None,
        "AWS_RATE: valid units are minute(s), hour(s), day(s)",
    ),
    (
        "rate(5)",
        None,
        "AWS_RATE: two required fields, value and unit",
    ),
    (
        "rate(minutes)",
        None,
        "AWS_RATE: two required fields, value and unit",
    ),
    ("rate(5 minutes", None, "AWS_RATE syntax: rate(value unit)"),
];

#[test]
fn eventbridge_rate_conformance() {
    use cronkit::expr::interval::IntervalExpr;
    use cronkit::schedule::Interval;
    let start = 1_767_225_600; // 2026-01-01T00:00:00Z, the rule's creation
    let mut failures = Vec::new();
    for &(text, want, source) in EVENTBRIDGE_RATE {
        let got = IntervalExpr::parse(text, cronkit::Dialect::Eventbridge)
            .expect("rate text is EventBridge's interval form");
        match (want, got) {
            (None, Err(d)) if d.code == "eventbridge-rate" => {}
            (Some(secs), Ok(iv)) => {
                let every = Interval {
                    period: iv.seconds as i64,
                    anchor: start,
                    first: None,
                };
                let first = every.next_after(start);
                let second = first.and_then(|t| every.next_after(t));
                let want = (Some(start + secs as i64), Some(start + 2 * secs as i64));
                if (first, second) != want {
                    failures.push(format!(
                        "`{text}` ({source}): fires {first:?}, {second:?}; want {want:?}"
                    ));
                }
            }
            (want, got) => {
                failures.push(format!("`{text}` ({source}): want {want:?}, got {got:?}"))
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
