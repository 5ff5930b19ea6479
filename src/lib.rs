//! cronkit: a cron toolkit (skeleton; see README.md).

pub mod formats;
