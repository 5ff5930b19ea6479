//! English for a Jenkins line whose `H` values are not known (no job key): say where
//! each `H` can land rather than pretend it is the lowest value.
//!
//! `H * * * *` reads "Once an hour, at a minute chosen per job (0–59)"; `H H(0-2) * * *`
//! reads "Once a day between 00:00 and 02:59, at a time chosen per job". Fields
//! without `H` are read as written.

use super::crontab::{CronTab, HashedItem, JenkinsField};
use crate::describe::{MONTHS, WEEKDAYS as DAYS};

/// One field as the sentence needs it.
enum Part {
    /// every value
    All,
    /// the values written, as a bit set
    Fixed(u64),
    /// chosen per job
    Hashed(HashedItem),
}

fn part(tab: &CronTab, field: JenkinsField) -> Part {
    if let Some(h) = tab.hashed.iter().find(|h| h.field == field) {
        return Part::Hashed(*h);
    }
    let (bits, lo, hi) = match field {
        JenkinsField::Minute => (tab.minutes, 0, 59),
        JenkinsField::Hour => (tab.hours, 0, 23),
        JenkinsField::DayOfMonth => (tab.days_of_month, 1, 31),
        JenkinsField::Month => (tab.months, 1, 12),
        JenkinsField::DayOfWeek => (tab.days_of_week, 0, 6),
    };
    if (lo..=hi).all(|v| bits >> v & 1 == 1) {
        Part::All
    } else {
        Part::Fixed(bits)
    }
}

fn values(bits: u64) -> Vec<u32> {
    (0..64).filter(|v| bits >> v & 1 == 1).collect()
}

fn join(words: Vec<String>) -> String {
    match words.len() {
        0 => String::new(),
        1 => words[0].clone(),
        n => format!("{} and {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

fn range(h: &HashedItem) -> String {
    format!("{}–{}", h.low, h.high)
}

/// Describe a line resolved with the zero hash (its `hashed` items say where `H` is).
pub fn describe_unresolved(tab: &CronTab) -> String {
    let minute = part(tab, JenkinsField::Minute);
    let hour = part(tab, JenkinsField::Hour);
    // the hashed nicknames' shapes, said the way people say them
    let one = |p: &Part| matches!(p, Part::Hashed(h) if h.step == 1 && !h.explicit_range);
    let all = |p: &Part| matches!(p, Part::All);
    let (dom, month, dow) = (
        part(tab, JenkinsField::DayOfMonth),
        part(tab, JenkinsField::Month),
        part(tab, JenkinsField::DayOfWeek),
    );
    if one(&minute) && one(&hour) {
        if all(&dom) && all(&month) && one(&dow) {
            return "Once a week, on a day and at a time chosen per job".to_string();
        }
        if one(&dom) && all(&month) && all(&dow) {
            return "Once a month, on a day (1–28) and at a time chosen per job".to_string();
        }
        if one(&dom) && one(&month) && all(&dow) {
            return "Once a year, on a date and at a time chosen per job".to_string();
        }
    }
    let mut s = match (&minute, &hour) {
        (Part::Hashed(m), Part::All) if m.step == 1 => {
            format!("Once an hour, at a minute chosen per job ({})", range(m))
        }
        (Part::Hashed(m), Part::Hashed(h)) if m.step == 1 && h.step == 1 => {
            // "once a day" only when no day field narrows it
            let daily = all(&dom) && all(&month) && all(&dow);
            let lead = if daily {
                "Once a day"
            } else {
                "At a time chosen per job"
            };
            match (h.low == 0 && h.high == 23, daily) {
                (true, true) => "Once a day, at a time chosen per job".to_string(),
                (true, false) => lead.to_string(),
                (false, true) => format!(
                    "Once a day between {:02}:00 and {:02}:59, at a time chosen per job",
                    h.low, h.high
                ),
                (false, false) => format!("{lead} between {:02}:00 and {:02}:59", h.low, h.high),
            }
        }
        (Part::Hashed(m), Part::Fixed(hours)) if m.step == 1 => {
            let hs: Vec<String> = values(*hours)
                .iter()
                .map(|h| format!("{h:02}:xx"))
                .collect();
            format!(
                "At a minute chosen per job ({}) of the hour{} {}",
                range(m),
                if hs.len() > 1 { "s" } else { "" },
                join(hs)
            )
        }
        (Part::Hashed(m), _) if m.step > 1 => {
            let mut s = format!(
                "Every {} minutes, from a minute chosen per job ({}–{})",
                m.step,
                m.low,
                m.low + m.step - 1
            );
            s.push_str(&hour_clause(&hour));
            s
        }
        _ => {
            let mut s = match &minute {
                Part::All => "Every minute".to_string(),
                Part::Fixed(b) => format!(
                    "At minute{} {}",
                    if values(*b).len() > 1 { "s" } else { "" },
                    join(values(*b).iter().map(u32::to_string).collect())
                ),
                Part::Hashed(m) => format!("At a minute chosen per job ({})", range(m)),
            };
            s.push_str(&hour_clause(&hour));
            s
        }
    };
    match part(tab, JenkinsField::DayOfMonth) {
        Part::All => {}
        Part::Fixed(b) => s.push_str(&format!(
            ", on day{} {} of the month",
            if values(b).len() > 1 { "s" } else { "" },
            join(values(b).iter().map(u32::to_string).collect())
        )),
        Part::Hashed(h) if h.step > 1 => s.push_str(&format!(
            ", every {} days of the month from a day chosen per job",
            h.step
        )),
        Part::Hashed(h) => s.push_str(&format!(
            ", on a day of the month chosen per job ({})",
            range(&h)
        )),
    }
    match part(tab, JenkinsField::Month) {
        Part::All => {}
        Part::Fixed(b) => s.push_str(&format!(
            ", in {}",
            join(
                values(b)
                    .iter()
                    .map(|m| MONTHS[*m as usize].to_string())
                    .collect()
            )
        )),
        Part::Hashed(h) if h.step > 1 => s.push_str(&format!(
            ", every {} months from a month chosen per job",
            h.step
        )),
        Part::Hashed(_) => s.push_str(", in a month chosen per job"),
    }
    match part(tab, JenkinsField::DayOfWeek) {
        Part::All => {}
        Part::Fixed(b) => s.push_str(&format!(
            ", on {}",
            join(
                values(b)
                    .iter()
                    .map(|d| DAYS[*d as usize % 7].to_string())
                    .collect()
            )
        )),
        Part::Hashed(h) if h.step > 1 => s.push_str(&format!(
            ", every {} days of the week from a day chosen per job",
            h.step
        )),
        Part::Hashed(_) => s.push_str(", on a day of the week chosen per job"),
    }
    s
}

fn hour_clause(hour: &Part) -> String {
    match hour {
        Part::All => String::new(),
        Part::Fixed(b) => {
            let hs: Vec<String> = values(*b).iter().map(|h| format!("{h:02}:xx")).collect();
            format!(
                ", in the hour{} {}",
                if hs.len() > 1 { "s" } else { "" },
                join(hs)
            )
        }
        Part::Hashed(h) if h.step > 1 => format!(
            ", every {} hours from an hour chosen per job ({}–{}) to {:02}:xx at the latest",
            h.step,
            h.low,
            h.low + h.step - 1,
            h.high
        ),
        Part::Hashed(h) => format!(", in an hour chosen per job ({})", range(h)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jenkins::{parse_fields, JenkinsHash};

    fn d(line: &str) -> String {
        describe_unresolved(&parse_fields(line, &mut JenkinsHash::zero()).unwrap())
    }

    #[test]
    fn sentences() {
        assert_eq!(
            d("H * * * *"),
            "Once an hour, at a minute chosen per job (0–59)"
        );
        assert_eq!(
            d("@hourly"),
            "Once an hour, at a minute chosen per job (0–59)"
        );
        assert_eq!(d("@daily"), "Once a day, at a time chosen per job");
        assert_eq!(
            d("@midnight"),
            "Once a day between 00:00 and 02:59, at a time chosen per job"
        );
        assert_eq!(
            d("@weekly"),
            "Once a week, on a day and at a time chosen per job"
        );
        assert_eq!(
            d("@monthly"),
            "Once a month, on a day (1–28) and at a time chosen per job"
        );
        assert_eq!(
            d("@yearly"),
            "Once a year, on a date and at a time chosen per job"
        );
        assert_eq!(
            d("H/15 * * * 1-5"),
            "Every 15 minutes, from a minute chosen per job (0–14), on Monday, Tuesday, Wednesday, Thursday and Friday"
        );
        assert_eq!(
            d("H 3 * * *"),
            "At a minute chosen per job (0–59) of the hour 03:xx"
        );
        assert_eq!(
            d("0 H(8-18) * * *"),
            "At minute 0, in an hour chosen per job (8–18)"
        );
        assert_eq!(
            d("H H H(1-7) * *"),
            "At a time chosen per job, on a day of the month chosen per job (1–7)"
        );
    }
}
