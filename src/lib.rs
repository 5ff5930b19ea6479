//! cronkit: a cron toolkit (skeleton; see README.md).
