//! Readers for the files where CI and deployment tools keep their cron
//! strings: GitHub Actions workflows, Kubernetes manifests (CronJob, Argo
//! CronWorkflow), AWS CloudFormation / SAM / Serverless templates (YAML or
//! JSON) and Jenkinsfiles. Each returns the schedules it finds ([`Found`]),
//! positioned at the first character of the value, with the platform that
//! will run them and the time zone the file gives them.
//!
//! What counts, per document of a YAML stream ([`YamlKind::Auto`] decides per
//! document, so a Helm-rendered stream may mix kinds):
//! - a GitHub workflow (the file is under `.github/workflows/`, or the
//!   document has `on.schedule` and `jobs`): each `on.schedule[].cron`, with
//!   the `timezone` beside it (or at the top of the workflow);
//! - `kind: CronJob`: `spec.schedule` and `spec.timeZone`;
//!   `kind: CronWorkflow`: `spec.schedule` / `spec.schedules[]` and
//!   `spec.timezone`; `kind: List`: its `items`;
//! - anything else: every `ScheduleExpression`, `Schedule`, `schedule` or
//!   `rate` key (at any depth) whose value (or list element) is a string
//!   starting `cron(` or `rate(`, with a sibling `ScheduleExpressionTimezone`
//!   as its zone. Values holding `${...}` substitutions are not checked.

use super::yaml::{parse_documents, Node, Scalar};
use crate::lint::Platform;

/// A cron expression found in a CI file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCron {
    /// The expression as the platform reads it (EventBridge: without `cron(` `)`).
    pub text: String,
    /// 1-based line of its first character.
    pub line: u32,
    /// 1-based column (characters) of its first character.
    pub column: u32,
    /// The file holds `text` verbatim from `line:column`.
    pub verbatim: bool,
    /// Who runs it.
    pub platform: Platform,
    /// The zone the file gives it.
    pub zone: Option<ZoneRef>,
    /// What it belongs to (`CronJob backup`, `workflow schedule[0]`).
    pub context: Option<String>,
}

/// A time zone named in a CI file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRef {
    /// The name as written.
    pub name: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// An EventBridge `rate(...)` expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRate {
    /// The whole text, `rate(5 minutes)`.
    pub text: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// What the readers find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A cron expression to check.
    Cron(FoundCron),
    /// An EventBridge rate expression to check.
    Rate(FoundRate),
    /// The document is malformed at this position (`malformed-yaml`).
    Malformed {
        /// What the parser said.
        message: String,
        /// 1-based line.
        line: u32,
        /// 1-based column.
        column: u32,
    },
}

/// Which reader a YAML (or JSON) document gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlKind {
    /// Decide per document (see the module docs).
    Auto,
    /// A GitHub Actions workflow.
    Github,
    /// Kubernetes manifests.
    Kubernetes,
    /// CloudFormation / SAM / Serverless.
    CloudFormation,
}

/// Read a YAML or JSON document stream. `workflow_path`: the file is under
/// `.github/workflows/`.
pub fn read_yaml(text: &str, kind: YamlKind, workflow_path: bool) -> Vec<Found> {
    let (docs, err) = parse_documents(text);
    let mut out = Vec::new();
    for doc in &docs {
        let kind = match kind {
            YamlKind::Auto if workflow_path || is_workflow(doc) => YamlKind::Github,
            YamlKind::Auto if doc.get("kind").is_some() && doc.get("apiVersion").is_some() => {
                YamlKind::Kubernetes
            }
            YamlKind::Auto => YamlKind::CloudFormation,
            k => k,
        };
        match kind {
            YamlKind::Github => workflow(doc, &mut out),
            YamlKind::Kubernetes => manifest(doc, &mut out, 0),
            _ => aws(doc, None, &mut out, 0),
        }
    }
    if let Some(e) = err {
        out.push(Found::Malformed {
            message: e.message,
            line: e.line,
            column: e.column,
        });
    }
    out
}

fn is_workflow(doc: &Node) -> bool {
    doc.get("jobs").is_some() && doc.get("on").and_then(|on| on.get("schedule")).is_some()
}

fn zone_ref(s: &Scalar) -> ZoneRef {
    ZoneRef {
        name: s.value.clone(),
        line: s.line,
        column: s.column,
    }
}

fn cron(s: &Scalar, platform: Platform, zone: Option<ZoneRef>, context: String) -> Found {
    Found::Cron(FoundCron {
        text: s.value.clone(),
        line: s.line,
        column: s.column,
        verbatim: s.verbatim,
        platform,
        zone,
        context: Some(context),
    })
}

/// GitHub: `on.schedule[].cron`, `timezone` beside it or at the top.
fn workflow(doc: &Node, out: &mut Vec<Found>) {
    let top_zone = doc.get("timezone").and_then(Node::as_scalar);
    let Some(Node::Seq(items)) = doc.get("on").and_then(|on| on.get("schedule")) else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let Some(c) = item.get("cron").and_then(Node::as_scalar) else {
            continue;
        };
        let zone = item
            .get("timezone")
            .and_then(Node::as_scalar)
            .or(top_zone)
            .map(zone_ref);
        out.push(cron(c, Platform::Github, zone, format!("on.schedule[{i}]")));
    }
}

/// Kubernetes CronJob, Argo CronWorkflow, and `List` items.
fn manifest(doc: &Node, out: &mut Vec<Found>, depth: usize) {
    let kind = doc.get("kind").and_then(Node::as_str).unwrap_or("");
    let name = doc
        .get("metadata")
        .and_then(|m| m.get("name"))
        .and_then(Node::as_str);
    let label = |k: &str| match name {
        Some(n) => format!("{k} {n}"),
        None => k.to_string(),
    };
    let spec = doc.get("spec");
    match kind {
        "CronJob" => {
            let zone = spec
                .and_then(|s| s.get("timeZone"))
                .and_then(Node::as_scalar)
                .map(zone_ref);
            if let Some(s) = spec
                .and_then(|s| s.get("schedule"))
                .and_then(Node::as_scalar)
            {
                out.push(cron(s, Platform::Kubernetes, zone, label("CronJob")));
            }
        }
        "CronWorkflow" => {
            let zone = spec
                .and_then(|s| s.get("timezone"))
                .and_then(Node::as_scalar)
                .map(zone_ref);
            if let Some(s) = spec
                .and_then(|s| s.get("schedule"))
                .and_then(Node::as_scalar)
            {
                out.push(cron(s, Platform::Argo, zone.clone(), label("CronWorkflow")));
            }
            if let Some(Node::Seq(items)) = spec.and_then(|s| s.get("schedules")) {
                for s in items.iter().filter_map(Node::as_scalar) {
                    out.push(cron(s, Platform::Argo, zone.clone(), label("CronWorkflow")));
                }
            }
        }
        "List" if depth < 8 => {
            if let Some(Node::Seq(items)) = doc.get("items") {
                for item in items {
                    manifest(item, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

const AWS_KEYS: [&str; 4] = ["ScheduleExpression", "Schedule", "schedule", "rate"];

/// CloudFormation / SAM / Serverless: schedule keys at any depth.
fn aws(node: &Node, zone: Option<&Scalar>, out: &mut Vec<Found>, depth: usize) {
    if depth > super::yaml::MAX_DEPTH {
        return;
    }
    match node {
        Node::Map(entries) => {
            let here_zone = node
                .get("ScheduleExpressionTimezone")
                .and_then(Node::as_scalar)
                .or(zone);
            for (k, v) in entries {
                let key = k.as_str().unwrap_or("");
                if AWS_KEYS.contains(&key) {
                    match v {
                        Node::Scalar(s) => aws_value(s, here_zone, key, out),
                        Node::Seq(items) => {
                            for s in items.iter().filter_map(Node::as_scalar) {
                                aws_value(s, here_zone, key, out);
                            }
                        }
                        _ => {}
                    }
                }
                aws(v, here_zone, out, depth + 1);
            }
        }
        Node::Seq(items) => {
            for item in items {
                aws(item, zone, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn aws_value(s: &Scalar, zone: Option<&Scalar>, key: &str, out: &mut Vec<Found>) {
    let v = s.value.trim_end();
    if v.contains("${") {
        return;
    }
    if let Some(inner) = v.strip_prefix("cron(").and_then(|r| r.strip_suffix(')')) {
        out.push(Found::Cron(FoundCron {
            text: inner.to_string(),
            line: s.line,
            column: s.column + 5,
            verbatim: s.verbatim,
            platform: Platform::EventBridge,
            zone: zone.map(zone_ref),
            context: Some(key.to_string()),
        }));
    } else if v.starts_with("rate(") {
        out.push(Found::Rate(FoundRate {
            text: v.to_string(),
            line: s.line,
            column: s.column,
        }));
    }
}

/// A Jenkinsfile: the string given to `cron` or `pollSCM` (`cron('H 2 * * *')`,
/// `cron 'H 2 * * *'`, triple-quoted strings with one spec per line). A `TZ=`
/// line sets the zone of the lines after it; `#` lines are comments.
pub fn read_jenkinsfile(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for word in ["cron", "pollSCM"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(word) {
            let at = from + i;
            from = at + word.len();
            // a whole word
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let mut j = from;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                j += 1;
            }
            if bytes.get(j) == Some(&b'(') {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
            } else if j == from {
                continue;
            }
            // named argument: cron(spec: '...')
            if text[j..].starts_with("spec:") {
                j += 5;
                while j < bytes.len() && bytes[j] == b' ' {
                    j += 1;
                }
            }
            let quote = match bytes.get(j) {
                Some(b'\'') => "'",
                Some(b'"') => "\"",
                _ => continue,
            };
            let delim = if text[j..].starts_with(&quote.repeat(3)) {
                quote.repeat(3)
            } else {
                quote.to_string()
            };
            let start = j + delim.len();
            let Some(len) = text[start..].find(delim.as_str()) else {
                continue;
            };
            jenkins_specs(text, start, &text[start..start + len], &mut out);
            from = start + len + delim.len();
        }
    }
    out.sort_by_key(|f| match f {
        Found::Cron(c) => (c.line, c.column),
        _ => (0, 0),
    });
    out
}

/// The lines of one trigger string, split as Jenkins' `CronTabList.create`
/// splits them: on `\r?\n`, each trimmed as Java's `String.trim` does (every
/// character up to a space); a `TZ=` **first** line names the zone of all the
/// others; empty lines and lines starting with `#` are skipped; every other
/// line, whole, is a schedule (a `#` later in a line is not a comment to
/// Jenkins, and a `TZ=` on a later line is an error it reports).
fn jenkins_specs(text: &str, start: usize, body: &str, out: &mut Vec<Found>) {
    let mut zone: Option<ZoneRef> = None;
    let mut offset = start;
    for (number, raw) in body.split('\n').enumerate() {
        let line_start = offset;
        offset += raw.len() + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = raw.trim_start_matches(|c: char| c <= ' ');
        let lead = raw.len() - trimmed.len();
        let spec = trimmed.trim_end_matches(|c: char| c <= ' ');
        if spec.is_empty() || spec.starts_with('#') {
            continue;
        }
        let at = line_start + lead;
        let (line, column) = line_col(text, at);
        // Groovy escapes (`\\`) make the text differ from the file: none expected in cron.
        let verbatim = !spec.contains('\\');
        if number == 0 {
            if let Some(z) = spec.strip_prefix("TZ=") {
                zone = Some(ZoneRef {
                    // Jenkins drops every `TZ=` before looking the zone up
                    name: z.replace("TZ=", "").trim().to_string(),
                    line,
                    column: column + 3,
                });
                continue;
            }
        }
        out.push(Found::Cron(FoundCron {
            text: spec.to_string(),
            line,
            column,
            verbatim,
            platform: Platform::Jenkins,
            zone: zone.clone(),
            context: Some("triggers".to_string()),
        }));
    }
}

/// 1-based line and character column of byte `at`.
fn line_col(text: &str, at: usize) -> (u32, u32) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crons(found: &[Found]) -> Vec<(String, u32, u32, Platform)> {
        found
            .iter()
            .filter_map(|f| match f {
                Found::Cron(c) => Some((c.text.clone(), c.line, c.column, c.platform)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn cloudformation_cron_and_rate() {
        let text = "Resources:\n  R:\n    Properties:\n      ScheduleExpression: !Sub 'cron(0 12 * * ? *)'\n      ScheduleExpressionTimezone: Europe/Paris\n  S:\n    Properties:\n      Schedule: rate(5 minutes)\n";
        let found = read_yaml(text, YamlKind::Auto, false);
        assert_eq!(
            crons(&found),
            [("0 12 * * ? *".to_string(), 4, 38, Platform::EventBridge)]
        );
        assert!(found
            .iter()
            .any(|f| matches!(f, Found::Rate(r) if r.line == 8 && r.column == 17)));
    }

    #[test]
    fn jenkinsfile_forms() {
        let text = "pipeline {\n  triggers {\n    cron('H 2 * * *')\n    cron '''TZ=Europe/Paris\n      0 0 * * 7\n      # c\n    '''\n  }\n}\n";
        let found = read_jenkinsfile(text);
        assert_eq!(
            crons(&found),
            [
                ("H 2 * * *".to_string(), 3, 11, Platform::Jenkins),
                ("0 0 * * 7".to_string(), 5, 7, Platform::Jenkins)
            ]
        );
    }
}
