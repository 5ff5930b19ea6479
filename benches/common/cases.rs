//! The expressions of SPEC §9, each in cronkit's Quartz syntax and in every peer
//! crate's own syntax with the same meaning (`None` where a peer cannot express
//! it: saffron has no seconds or years, `cron` no `L` or `#`). Shared by
//! `benches/engine.rs` and `examples/instr_probe.rs`.

/// One benchmark expression.
pub struct Case {
    pub name: &'static str,
    pub quartz: &'static str,
    pub cron: Option<&'static str>,
    pub croner: Option<&'static str>,
    pub saffron: Option<&'static str>,
}

pub const CASES: &[Case] = &[
    Case {
        name: "every_minute",
        quartz: "0 0/1 * * * ?",
        cron: Some("0 0/1 * * * *"),
        croner: Some("0 */1 * * * *"),
        saffron: Some("*/1 * * * *"),
    },
    Case {
        name: "weekdays_10_15",
        quartz: "0 15 10 ? * MON-FRI",
        cron: Some("0 15 10 * * MON-FRI"),
        croner: Some("0 15 10 * * MON-FRI"),
        saffron: Some("15 10 * * MON-FRI"),
    },
    Case {
        name: "last_day_noon",
        quartz: "0 0 12 L * ?",
        cron: None,
        croner: Some("0 0 12 L * *"),
        saffron: Some("0 12 L * *"),
    },
    Case {
        name: "third_friday",
        quartz: "0 5 9 ? * 6#3",
        cron: None,
        croner: Some("0 5 9 * * FRI#3"),
        saffron: Some("5 9 * * FRI#3"),
    },
    Case {
        name: "feb_29",
        quartz: "0 0 0 29 2 ?",
        cron: Some("0 0 0 29 2 *"),
        croner: Some("0 0 0 29 2 *"),
        saffron: Some("0 0 29 2 *"),
    },
    Case {
        name: "every_5_seconds",
        quartz: "*/5 * * * * ?",
        cron: Some("*/5 * * * * *"),
        croner: Some("*/5 * * * * *"),
        saffron: None,
    },
    Case {
        name: "office_hours",
        quartz: "0 0 9-17 ? * MON-FRI",
        cron: Some("0 0 9-17 * * MON-FRI"),
        croner: Some("0 0 9-17 * * MON-FRI"),
        saffron: Some("0 9-17 * * MON-FRI"),
    },
    Case {
        name: "year_2099",
        quartz: "0 0 0 1 1 ? 2099",
        cron: Some("0 0 0 1 1 * 2099"),
        croner: Some("0 0 0 1 1 * 2099"),
        saffron: None,
    },
];
