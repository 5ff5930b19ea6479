//! Where an expression runs: the platform whose scheduler reads it. The
//! platform picks the dialect an expression is parsed in and the platform
//! rules that apply to it ([`super::Rule::platforms`]).
//!
//! Until the platform profiles (k8s, github, gitlab, eventbridge, spring)
//! exist, [`Platform::dialect`] names the closest existing dialect; that one
//! function is what changes when they land.

use std::fmt;

use crate::DialectChoice;

/// The scheduler an expression is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Platform {
    /// Nothing known: `--dialect` decides.
    #[default]
    Generic,
    /// A crontab (Vixie/ISC cron, cronie).
    Crontab,
    /// GitHub Actions `on.schedule[].cron`.
    Github,
    /// Kubernetes CronJob `spec.schedule` (robfig/cron).
    Kubernetes,
    /// Argo Workflows CronWorkflow `spec.schedule(s)` (robfig/cron too).
    Argo,
    /// AWS EventBridge / CloudWatch Events `cron(...)` (CloudFormation, SAM, Serverless).
    EventBridge,
    /// Elasticsearch Watcher (Quartz).
    Watcher,
    /// OpenSearch job scheduler (cron-utils UNIX).
    OpenSearch,
    /// Nuxeo scheduler (Quartz).
    Nuxeo,
    /// Jenkins `triggers { cron(...) }`.
    Jenkins,
}

impl Platform {
    /// Short name used in messages and SARIF properties.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Generic => "generic",
            Platform::Crontab => "crontab",
            Platform::Github => "github",
            Platform::Kubernetes => "k8s",
            Platform::Argo => "argo",
            Platform::EventBridge => "eventbridge",
            Platform::Watcher => "watcher",
            Platform::OpenSearch => "opensearch",
            Platform::Nuxeo => "nuxeo",
            Platform::Jenkins => "jenkins",
        }
    }

    /// The dialect its expressions are parsed in. EventBridge's six fields
    /// (`min hour dom month dow year`, 1-7 = SUN-SAT, `?` in one day field)
    /// are Quartz's without the seconds: the reader prepends `0 `.
    pub fn dialect(self) -> Option<DialectChoice> {
        match self {
            Platform::Generic => None,
            Platform::Watcher | Platform::Nuxeo | Platform::EventBridge => {
                Some(DialectChoice::Quartz)
            }
            Platform::Crontab
            | Platform::Github
            | Platform::Kubernetes
            | Platform::Argo
            | Platform::OpenSearch
            | Platform::Jenkins => Some(DialectChoice::Unix),
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
