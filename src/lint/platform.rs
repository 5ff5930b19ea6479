//! Where an expression runs: the platform whose scheduler reads it. The
//! platform picks the dialect an expression is parsed in and the platform
//! rules that apply to it ([`super::Rule::platforms`]).
//!
//! [`Platform::dialect`] names the profile each platform's expressions are
//! parsed with (`k8s`, `github`, `eventbridge`); platforms without a profile
//! of their own yet (Jenkins, OpenSearch, crontab) use the closest one.
//! [`Platform::platform_code`] gives a profile's parse errors the code of
//! the platform rule that documents them.

use std::fmt;

use crate::schedule::DstPolicy;
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

    /// The profile its expressions are parsed with. Argo parses with
    /// robfig/cron as Kubernetes does; Jenkins (no profile yet), OpenSearch
    /// (cron-utils UNIX, narrowed by `opensearch-unsupported`) and crontabs
    /// are read as `unix`.
    pub fn dialect(self) -> Option<DialectChoice> {
        match self {
            Platform::Generic => None,
            Platform::Watcher | Platform::Nuxeo => Some(DialectChoice::Quartz),
            Platform::Github => Some(DialectChoice::Github),
            Platform::Kubernetes | Platform::Argo => Some(DialectChoice::K8s),
            Platform::EventBridge => Some(DialectChoice::Eventbridge),
            Platform::Crontab | Platform::OpenSearch => Some(DialectChoice::Unix),
            Platform::Jenkins => Some(DialectChoice::Jenkins),
        }
    }

    /// The DST behaviour of the scheduler that runs this input, where it differs
    /// from (or is more certain than) the default of the profile its expressions
    /// are parsed with: Nuxeo runs Quartz itself (`--dst quartz`: a gap does not
    /// fire, an overlap fires at its second occurrence), while the `quartz`
    /// profile defaults to Elasticsearch's java.time (`shift`); a crontab is run by
    /// cron (`--dst cron`). `None`: the profile's default.
    pub fn default_dst(self) -> Option<DstPolicy> {
        match self {
            Platform::Nuxeo => Some(DstPolicy::Quartz),
            Platform::Crontab => Some(DstPolicy::Cron),
            _ => None,
        }
    }

    /// The platform rule code for a parse error of this platform's profile,
    /// where a rule of the table documents that error (`text` is the
    /// offending text, `message` the parser's message).
    pub fn platform_code(
        self,
        parse_code: &str,
        text: &str,
        message: &str,
    ) -> Option<&'static str> {
        match self {
            Platform::Kubernetes | Platform::Argo => match parse_code {
                "form-not-supported" => Some("k8s-special-chars"),
                "zone-prefix" => Some("k8s-zone-prefix"),
                "value-out-of-range" if message.contains("day-of-week") && text.contains('7') => {
                    Some("k8s-dow-7")
                }
                _ => None,
            },
            Platform::Github => match parse_code {
                "nickname-not-allowed" => Some("github-nickname"),
                _ => None,
            },
            Platform::EventBridge => match parse_code {
                "field-count" => Some("eventbridge-fields"),
                c => super::eventbridge::recode(c),
            },
            _ => None,
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
