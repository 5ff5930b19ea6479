//! `convert --spread KEY`: move a fixed time to a per-key time, for platforms
//! without Jenkins' `H`.
//!
//! Twelve jobs at `0 0 * * *` start in the same second. Jenkins would write
//! `H H(0-2) * * *` and give each job its own minute from its name; GitHub,
//! Kubernetes, GitLab and crontabs cannot. [`spread`] does the hashing once, at
//! conversion time: the key (a job or repository name) picks a minute inside a
//! window, the same minute every time, and the expression is rewritten to it.
//!
//! The result fires at a different time: it is **not** equivalent to the input, and
//! says so. What moves:
//!
//! * a fixed time of day (`30 2 * * *`, `0 0 * * 1-5`, `@daily`): minute and hour
//!   move to a minute of the window (`--spread-window 00:00-03:00`); without a window,
//!   the job keeps its hour and only the minute moves (Jenkins' own advice for
//!   `0 3 * * *` is `H 3 * * *`: "if the user specifically asked for 3:00 AM,
//!   probably we should stick to 3:00–3:59", `CronTab.java` `checkSanity`);
//! * a fixed minute of a repeating hour (`0 * * * *`, `15 9-17 * * *`): the minute
//!   moves within the hour;
//! * a minute step (`*/15`, `0/20`): its phase moves (`7-59/15`, Jenkins' `H/15`).
//!
//! The draw is Jenkins' own, and each expression gets exactly the time Jenkins would
//! give the equivalent `H` line for a job whose full name is the key: a fresh
//! [`JenkinsHash`] of the key for every expression (Jenkins seeds one per trigger,
//! `CronTabList.create`), then `H/15` (`nextInt(15)`), `H` for the minute
//! (`nextInt(60)`), and for a window on whole hours `H H(a-b)` (`nextInt(60)` for the
//! minute, then `nextInt(b - a + 1)` for the hour: `--spread-window 00:00-03:00` is
//! Jenkins' `@midnight`). A window that does not start and end on the hour has no
//! Jenkins form; there the key's first draw, `nextInt(window minutes)`, picks the
//! minute of the window, and the note says so. The same key always gives the same
//! time, whatever other expressions are spread with it.

use crate::expr::{Dialect, Expr, FieldKind, ItemKind, StepBase};
use crate::jenkins::JenkinsHash;

/// A time-of-day window `[start, end)` in minutes of the day (`end` ≤ 1440).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpreadWindow {
    pub start: u32,
    pub end: u32,
}

/// Why an expression cannot be spread.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpreadError {
    #[error("`{0}` is not a window: write it as HH:MM-HH:MM with the start before the end, e.g. 00:00-03:00 (24:00 may end it)")]
    BadWindow(String),
    #[error("the minute field `{0}` is neither one minute nor a step; --spread moves a fixed time (`0 2 * * *`), a fixed minute of every hour (`0 * * * *`) or a step's phase (`*/15`)")]
    MinuteNotFixed(String),
    #[error("the second field `{0}` fires more than once a minute; --spread moves minutes only")]
    SecondsNotFixed(String),
    #[error("`@reboot` has no time to move")]
    Reboot,
}

impl SpreadWindow {
    /// Parse `HH:MM-HH:MM`.
    pub fn parse(s: &str) -> Result<SpreadWindow, SpreadError> {
        let bad = || SpreadError::BadWindow(crate::sanitize::quote(s).to_string());
        let (a, b) = s.trim().split_once('-').ok_or_else(bad)?;
        let minutes = |t: &str| -> Option<u32> {
            let (h, m) = t.trim().split_once(':')?;
            if h.is_empty() || h.len() > 2 || m.len() != 2 {
                return None;
            }
            let h: u32 = h.parse().ok()?;
            let m: u32 = m.parse().ok()?;
            (h <= 24 && m < 60 && h * 60 + m <= 1440).then_some(h * 60 + m)
        };
        let (start, end) = (minutes(a).ok_or_else(bad)?, minutes(b).ok_or_else(bad)?);
        if start >= end || start >= 1440 {
            return Err(bad());
        }
        Ok(SpreadWindow { start, end })
    }

    fn len(self) -> u32 {
        self.end - self.start
    }
}

impl std::fmt::Display for SpreadWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:02}:{:02}–{:02}:{:02}",
            self.start / 60,
            self.start % 60,
            self.end / 60,
            self.end % 60
        )
    }
}

/// A spread expression and what was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    /// The new expression, in the input's dialect.
    pub expression: String,
    /// One sentence on what moved and why (for stderr).
    pub explanation: String,
}

/// What the minute field is.
enum Minute {
    Fixed,
    Step(u16),
}

/// Spread one parsed expression (`text` is its source) for a job whose full name is
/// `key`: the time Jenkins gives the matching `H` line for that job.
pub fn spread(
    e: &Expr,
    text: &str,
    key: &str,
    window: Option<SpreadWindow>,
) -> Result<Spread, SpreadError> {
    let hash = &mut JenkinsHash::for_key(key);
    if e.nickname == Some(crate::expr::Nickname::Reboot) {
        return Err(SpreadError::Reboot);
    }
    let field_text = |k: FieldKind| -> String {
        let f = e.field(k);
        if f.implicit {
            // a nickname's fields are implicit: describe them by their values
            match f.items.first().map(|i| i.kind) {
                Some(ItemKind::Value(v)) => v.to_string(),
                _ => "*".to_string(),
            }
        } else {
            f.span.slice(text).to_string()
        }
    };
    let seconds = e.field(FieldKind::Second);
    if !(seconds.implicit
        || seconds.items.len() == 1 && matches!(seconds.items[0].kind, ItemKind::Value(_)))
    {
        return Err(SpreadError::SecondsNotFixed(
            crate::sanitize::quote(&field_text(FieldKind::Second)).to_string(),
        ));
    }
    let minute_field = e.field(FieldKind::Minute);
    let minute = match minute_field.items.as_slice() {
        [item] => match item.kind {
            ItemKind::Value(_) => Some(Minute::Fixed),
            ItemKind::Step {
                base: StepBase::Any | StepBase::From(0),
                step,
            } => Some(Minute::Step(step)),
            _ => None,
        },
        _ => None,
    }
    .ok_or_else(|| {
        SpreadError::MinuteNotFixed(
            crate::sanitize::quote(&field_text(FieldKind::Minute)).to_string(),
        )
    })?;
    let hour_field = e.field(FieldKind::Hour);
    let fixed_hour = match hour_field.items.as_slice() {
        [item] => match item.kind {
            ItemKind::Value(h) => Some(h as u32),
            _ => None,
        },
        _ => None,
    };

    let quartz = e.dialect == Dialect::Quartz;
    let (new_minute, new_hour, explanation) = match (minute, fixed_hour) {
        (Minute::Step(step), _) => {
            let phase = draw(hash, step as u32);
            let text = if quartz {
                format!("{phase}/{step}")
            } else if phase == 0 {
                format!("*/{step}")
            } else {
                format!("{phase}-59/{step}")
            };
            let why = format!(
                "the every-{step}-minutes step starts at minute {phase} instead of 0, as Jenkins' `H/{step}` does for this key"
            );
            (text, None, why)
        }
        (Minute::Fixed, Some(hour)) => match window {
            Some(w) if w.start % 60 == 0 && w.end % 60 == 0 => {
                // Jenkins' `H H(a-b)`: the minute is drawn first, then the hour
                let (a, b) = (w.start / 60, w.end / 60 - 1);
                let m = draw(hash, 60);
                let h = a + draw(hash, b - a + 1);
                let jenkins = if a == b {
                    format!("H {a}")
                } else {
                    format!("H H({a}-{b})")
                };
                let why = format!(
                    "the time moves to {h:02}:{m:02} in the window {w}, as Jenkins' `{jenkins}` does for this key"
                );
                (m.to_string(), Some(h.to_string()), why)
            }
            Some(w) => {
                let at = w.start + draw(hash, w.len());
                let why = format!(
                    "the time moves to {:02}:{:02}, minute {} of the {}-minute window {w} (Jenkins' `H(a-b)` takes whole hours, so this window has no Jenkins form: the key draws one of its minutes)",
                    at / 60,
                    at % 60,
                    at - w.start,
                    w.len()
                );
                ((at % 60).to_string(), Some((at / 60).to_string()), why)
            }
            None => {
                let m = draw(hash, 60);
                let why = format!(
                    "the time moves to {hour:02}:{m:02}: the job keeps its hour and the key picks the minute, as Jenkins' `H {hour}` does for this key (give --spread-window to move the hour too)"
                );
                (m.to_string(), Some(hour.to_string()), why)
            }
        },
        (Minute::Fixed, None) => {
            let m = draw(hash, 60);
            let mut why =
                format!("the minute moves to {m} in every hour the job runs, as Jenkins' `H` minute does for this key");
            if let Some(w) = window {
                why.push_str(&format!(
                    " (the window {w} is for jobs at a fixed time of day; this one runs in several hours)"
                ));
            }
            (m.to_string(), None, why)
        }
    };

    let mut fields: Vec<String> = Vec::new();
    if quartz || !seconds.implicit {
        fields.push(field_text(FieldKind::Second));
    }
    fields.push(new_minute);
    fields.push(new_hour.unwrap_or_else(|| field_text(FieldKind::Hour)));
    for k in [FieldKind::DayOfMonth, FieldKind::Month] {
        fields.push(field_text(k));
    }
    fields.push(field_text(FieldKind::DayOfWeek));
    let year = e.field(FieldKind::Year);
    if !year.implicit {
        fields.push(field_text(FieldKind::Year));
    }
    Ok(Spread {
        expression: fields.join(" "),
        explanation,
    })
}

/// One draw in `[0, n)`; `n` is at most 1440 here, so the hash never refuses it.
fn draw(hash: &mut JenkinsHash, n: u32) -> u32 {
    hash.next(n.max(1) as i32).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DialectChoice;

    fn run(text: &str, key: &str, window: Option<&str>) -> Result<Spread, SpreadError> {
        let e = Expr::parse(text, DialectChoice::Auto).unwrap();
        let w = window.map(|w| SpreadWindow::parse(w).unwrap());
        spread(&e, text, key, w)
    }

    #[test]
    fn windows() {
        assert_eq!(
            SpreadWindow::parse("00:00-03:00").unwrap(),
            SpreadWindow { start: 0, end: 180 }
        );
        assert_eq!(
            SpreadWindow::parse("22:30-24:00").unwrap(),
            SpreadWindow {
                start: 1350,
                end: 1440
            }
        );
        for bad in [
            "03:00-01:00",
            "1-2",
            "00:00",
            "25:00-26:00",
            "00:60-01:00",
            "x",
            "24:00-24:00",
        ] {
            assert!(SpreadWindow::parse(bad).is_err(), "{bad}");
        }
    }

    // Draws for the keys below are those of tests/jenkins_hash.rs (OpenJDK's Random):
    // "folder/job": nextInt(60)=16; "nightly": nextInt(60)=1, nextInt(10)=1;
    // "org/repo/main": nextInt(60)=52.
    #[test]
    fn fixed_minute_of_every_hour() {
        assert_eq!(
            run("0 * * * *", "folder/job", None).unwrap().expression,
            "16 * * * *"
        );
        assert_eq!(
            run("@hourly", "folder/job", None).unwrap().expression,
            "16 * * * *"
        );
        assert_eq!(
            run("0 0 9-17 ? * MON-FRI", "org/repo/main", None)
                .unwrap()
                .expression,
            "0 52 9-17 ? * MON-FRI"
        );
    }

    #[test]
    fn fixed_time_keeps_its_hour_without_a_window() {
        // 3 * 60 + nextInt(60) = 180 + 16 → 03:16
        assert_eq!(
            run("0 3 * * *", "folder/job", None).unwrap().expression,
            "16 3 * * *"
        );
    }

    #[test]
    fn steps_move_their_phase() {
        assert_eq!(
            run("*/10 * * * *", "nightly", None).unwrap().expression,
            "1-59/10 * * * *"
        );
    }

    #[test]
    fn refusals() {
        assert!(matches!(
            run("0,30 * * * *", "k", None),
            Err(SpreadError::MinuteNotFixed(_))
        ));
        assert!(matches!(
            run("*/5 0 * * * ?", "k", None),
            Err(SpreadError::SecondsNotFixed(_))
        ));
        assert!(matches!(
            run("@reboot", "k", None),
            Err(SpreadError::Reboot)
        ));
    }
}
