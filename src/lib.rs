//! # cronkit
//!
//! One parser and one fire-time engine for the cron dialects people run:
//! Quartz (Elasticsearch Watcher, Nuxeo) and Unix cron with the OCPS extensions.
//!
//! ```text
//! text ──parse──▶ Expr (syntax tree with spans) ──compile──▶ Schedule (bit sets + day rule)
//!                   │                                          │
//!                   └──▶ diagnostics                          └──▶ next / prev in a Zone (DST policy)
//! ```
//!
//! ```
//! use cronkit::{Schedule, DialectChoice, Zone, DstPolicy};
//! use chrono::{TimeZone, Utc};
//!
//! let schedule = Schedule::parse("0 30 2 * * ?", DialectChoice::Auto)?;
//! let ny = Zone::parse("America/New_York")?;
//! // 2026-03-08 02:30 does not exist in New York; `shift` fires at 03:30 EDT instead
//! let from = Utc.with_ymd_and_hms(2026, 3, 8, 0, 0, 0).unwrap();
//! let next = schedule.next_after(from, &ny, DstPolicy::Shift).unwrap();
//! assert_eq!(next.to_rfc3339(), "2026-03-08T07:30:00+00:00");
//! // Quartz skips that day
//! let next = schedule.next_after(from, &ny, DstPolicy::Quartz).unwrap();
//! assert_eq!(next.to_rfc3339(), "2026-03-09T06:30:00+00:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

pub mod check;
pub mod convert;
pub mod describe;
pub mod expr;
pub mod formats;
pub mod jenkins;
pub mod lint;
pub mod load;
pub mod sanitize;
pub mod schedule;
pub mod time;

pub use expr::{
    DayCombine, Diagnostic, DiagnosticData, Dialect, DialectChoice, Expr, Field, FieldKind, Item,
    ItemKind, Nickname, Profile, Span, StepBase, PROFILES,
};
pub use schedule::{DstPolicy, LocalTime, Schedule, Zone, ZoneError};
