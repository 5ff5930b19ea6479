//! `croneval --schedule FILE`: fire times of a Watcher or OpenSearch schedule.

use std::path::Path;

use anyhow::{bail, Result};

use cronkit::DialectChoice;

use super::croneval::Source;

/// Read the schedules in `path` (`-` = stdin) as timeline sources.
pub fn load(path: &Path, _dialect: DialectChoice) -> Result<Vec<Source>> {
    bail!(
        "--schedule {}: reading Watcher/OpenSearch schedules arrives with `cronkit convert`",
        path.display()
    )
}
