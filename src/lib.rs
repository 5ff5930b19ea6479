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
//!
//! ## What else is here
//!
//! Every command of the `cronkit` binary is a thin layer over one of these modules:
//!
//! | module | what it does | the command |
//! |---|---|---|
//! | [`expr`] | parsing, dialects and platform profiles, diagnostics with spans | every command |
//! | [`schedule`] | compiled schedules, next/previous fire times, zones and DST policies | `croneval` |
//! | [`describe`] | English descriptions | `explain` |
//! | [`lint`], [`check`] | lint rules; reading documents and collecting findings | `validate` |
//! | [`formats`] | Watcher, OpenSearch, Nuxeo, crontab and line readers with positions | `validate`, `convert` |
//! | [`convert`] | between dialects, Watcher → cron, cron → Watcher, merging | `convert` |
//! | [`sanitize`] | making text taken from input safe to print | every command |
//!
//! ```
//! use cronkit::{describe, lint, DialectChoice, Expr};
//!
//! let e = Expr::parse("0 5 9 ? * 6#3", DialectChoice::Auto)?;
//! assert_eq!(
//!     describe::describe(&e, &describe::Options::default()),
//!     "At 09:05 on the third Friday of the month"
//! );
//!
//! // 2026-06-01T00:00:00Z as "now", so the result does not depend on the clock
//! let findings = lint::check("0 0 0 31 2 ?", DialectChoice::Auto, &lint::LintOptions::new(1_780_272_000));
//! assert_eq!(findings[0].code, "never-fires");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Features
//!
//! The default feature `cli` builds the `cronkit` and `croneval` binaries and brings
//! their crates (clap, clap_complete, clap_mangen, comfy-table, owo-colors, anyhow).
//! A library user turns it off and gets none of them:
//!
//! ```toml
//! [dependencies]
//! cronkit = { version = "0.1", default-features = false }
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

/// `docs/explain.md`, whose Rust example is compiled and run as a doc test (only under
/// `cargo test --doc`), so the page cannot drift from the library. Its `console`
/// blocks are checked by `tests/doc_examples.rs` instead.
#[cfg(doctest)]
#[doc = include_str!("../docs/explain.md")]
pub struct ExplainPage;
