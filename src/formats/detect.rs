//! Picks the input format of a `validate` file (`--input auto`).
//!
//! Rules, in order:
//!
//! 1. By path, when there is one (file name comparisons are ASCII
//!    case-insensitive):
//!    - extension `.json`, `.ndjson` or `.jsonl` → JSON (see 3);
//!    - extension `.xml` → [`InputKind::Nuxeo`];
//!    - extension `.cron` or `.crontab`, a file named `crontab` or
//!      `crontab.<anything>`, or a file inside a `cron.d` or `crontabs`
//!      directory (`/etc/cron.d/*`, `/var/spool/cron/crontabs/*`) →
//!      [`InputKind::Crontab`].
//! 2. Otherwise by content (after a UTF-8 byte-order mark and white space):
//!    - first byte `{` or `[` → JSON (see 3); `<` → [`InputKind::Nuxeo`];
//!    - else the first 200 non-blank, non-comment lines (of the first 64 KiB)
//!      are scored. Crontab evidence: an environment setting (`NAME=value`); a
//!      known `@nickname` followed by a command; 5 cron-looking fields followed
//!      by more tokens where one of tokens 6–7 does not look like a cron field
//!      (`/usr/bin/x`, `echo`) or there are more than 7 tokens. One-per-line
//!      evidence: a lone `@nickname`; 5 to 7 tokens that all look like cron
//!      fields (a Quartz `0 15 10 ? * MON-FRI 2030` is not a crontab line). More
//!      crontab evidence than one-per-line evidence → [`InputKind::Crontab`],
//!      else [`InputKind::Lines`] (also for empty input).
//! 3. JSON is [`InputKind::OpenSearch`] when some value (at any depth) has a
//!    `schedule` object holding a `cron` object with an `expression` key or an
//!    `interval` object with a `period` key (the OpenSearch job-scheduler
//!    shape; Watcher's `cron` and `interval` are strings or arrays), else
//!    [`InputKind::Watcher`]. The document is read as a stream of JSON values,
//!    so NDJSON works (the first 64 values are looked at); if it does not
//!    parse, a textual check for `"cron": {` or `"interval": {` decides.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde_json::Value;

use super::crontab::{is_env_assignment, looks_like_field, NICKNAMES};
use super::lines::is_blank;

/// The input formats `validate` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// One expression per line ([`super::lines`]).
    Lines,
    /// A crontab ([`super::crontab`]).
    Crontab,
    /// Elasticsearch Watcher JSON.
    Watcher,
    /// OpenSearch job-scheduler JSON.
    OpenSearch,
    /// Nuxeo extension XML ([`super::nuxeo`]).
    Nuxeo,
    /// YAML or JSON read by the CI readers, the kind decided per document
    /// ([`super::ci::YamlKind::Auto`]).
    Yaml,
    /// A GitHub Actions workflow.
    Github,
    /// Kubernetes manifests (CronJob, Argo CronWorkflow).
    Kubernetes,
    /// CloudFormation / SAM / Serverless templates (YAML or JSON).
    CloudFormation,
    /// A Jenkinsfile.
    Jenkins,
}

impl InputKind {
    /// The `--input` name: `lines`, `crontab`, `watcher`, `opensearch`, `nuxeo`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Lines => "lines",
            InputKind::Crontab => "crontab",
            InputKind::Watcher => "watcher",
            InputKind::OpenSearch => "opensearch",
            InputKind::Nuxeo => "nuxeo",
            InputKind::Yaml => "yaml",
            InputKind::Github => "github",
            InputKind::Kubernetes => "k8s",
            InputKind::CloudFormation => "cloudformation",
            InputKind::Jenkins => "jenkins",
        }
    }
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown `--input` name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input kind `{0}` (expected lines, crontab, watcher, opensearch, nuxeo, yaml, github, k8s, cloudformation or jenkins)")]
pub struct UnknownInputKind(pub String);

impl FromStr for InputKind {
    type Err = UnknownInputKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            InputKind::Lines,
            InputKind::Crontab,
            InputKind::Watcher,
            InputKind::OpenSearch,
            InputKind::Nuxeo,
            InputKind::Yaml,
            InputKind::Github,
            InputKind::Kubernetes,
            InputKind::CloudFormation,
            InputKind::Jenkins,
        ]
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s))
        .ok_or_else(|| UnknownInputKind(s.to_owned()))
    }
}

/// Picks the format of an input from its path (if any) and content; see the
/// module documentation for the rules.
///
/// ```
/// use std::path::Path;
/// use cronkit::formats::detect::{detect_kind, InputKind};
/// assert_eq!(detect_kind(Some(Path::new("/etc/cron.d/backup")), b""), InputKind::Crontab);
/// assert_eq!(detect_kind(None, b"0 15 10 ? * MON-FRI\n"), InputKind::Lines);
/// assert_eq!(detect_kind(None, b"MAILTO=ops\n0 3 * * * /bin/backup\n"), InputKind::Crontab);
/// assert_eq!(detect_kind(None, br#"{"trigger":{"schedule":{"cron":"0 0 12 * * ?"}}}"#), InputKind::Watcher);
/// ```
pub fn detect_kind(path: Option<&Path>, content: &[u8]) -> InputKind {
    if let Some(kind) = path.and_then(kind_from_path) {
        return match kind {
            PathKind::Json => json_kind(content),
            PathKind::Known(kind) => kind,
        };
    }
    let start = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => json_kind(content),
        Some(b'<') => InputKind::Nuxeo,
        _ => lines_or_crontab(start),
    }
}

/// What [`classify`] decides for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// Read it as this kind.
    Kind(InputKind),
    /// Do not read it.
    Skip(SkipReason),
}

/// Why a file is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// A NUL byte in its first 64 KiB.
    Binary,
    /// Not a kind of file that holds schedules.
    Unknown,
    /// A kind that could hold schedules (YAML, JSON, XML) without any sign of one.
    NoSchedules,
}

impl SkipReason {
    /// Why, in a few words.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Binary => "a binary file",
            SkipReason::Unknown => "not a kind of file cronkit reads",
            SkipReason::NoSchedules => "no schedule in it",
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// The extensions of files a walk opens (besides the names
/// [`may_hold_schedules`] lists): YAML, JSON, CloudFormation `.template`, XML.
const CANDIDATE_EXTENSIONS: [&[u8]; 8] = [
    b"yml",
    b"yaml",
    b"json",
    b"ndjson",
    b"jsonl",
    b"template",
    b"xml",
    b"jenkinsfile",
];

/// Whether a file found by walking can hold a schedule cronkit reads, from its
/// path alone (no allocation, no system call): the walk opens only these.
///
/// True for: a `.yml`, `.yaml`, `.json`, `.ndjson`, `.jsonl`, `.template`,
/// `.xml` or `.jenkinsfile` extension; a file named `Jenkinsfile` or
/// `Jenkinsfile.*`; the crontab paths (`*.cron`, `*.crontab`, `crontab`,
/// `crontab.*`, anything inside a `cron.d` or `crontabs` directory). Names are
/// compared ASCII case-insensitively. Every other file found by a walk is
/// skipped as "not a kind of file cronkit reads" without being opened; a file
/// named on the command line is always opened.
///
/// ```
/// use std::path::Path;
/// use cronkit::formats::detect::may_hold_schedules;
/// assert!(may_hold_schedules(Path::new(".github/workflows/nightly.yml")));
/// assert!(may_hold_schedules(Path::new("ci/Jenkinsfile")));
/// assert!(may_hold_schedules(Path::new("/etc/cron.d/backup")));
/// assert!(!may_hold_schedules(Path::new("src/main.rs")));
/// assert!(!may_hold_schedules(Path::new("README.md")));
/// ```
pub fn may_hold_schedules(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let name = name.as_encoded_bytes();
    let ext = match memchr::memrchr(b'.', name) {
        // `.bashrc` has no extension, as `Path::extension` says
        Some(i) if i > 0 => Some(&name[i + 1..]),
        _ => None,
    };
    let starts_ci = |s: &[u8], prefix: &[u8]| {
        s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    if let Some(ext) = ext {
        if CANDIDATE_EXTENSIONS
            .iter()
            .chain([&&b"cron"[..], &&b"crontab"[..]])
            .any(|c| ext.eq_ignore_ascii_case(c))
        {
            return true;
        }
    }
    if name.eq_ignore_ascii_case(b"jenkinsfile")
        || starts_ci(name, b"jenkinsfile.")
        || name.eq_ignore_ascii_case(b"crontab")
        || starts_ci(name, b"crontab.")
    {
        return true;
    }
    path.components().rev().skip(1).any(|c| {
        let c = c.as_os_str().as_encoded_bytes();
        c.eq_ignore_ascii_case(b"cron.d") || c.eq_ignore_ascii_case(b"crontabs")
    })
}

/// Whether the path is a GitHub workflow (`.github/workflows/*.yml|yaml`).
pub fn is_workflow_path(path: &Path) -> bool {
    let mut parents = path.components().rev().skip(1);
    let ext_ok = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"));
    ext_ok
        && parents.next().is_some_and(|c| c.as_os_str() == "workflows")
        && parents.next().is_some_and(|c| c.as_os_str() == ".github")
}

/// Decide how to read a file from its path and first bytes (`head`, up to
/// 64 KiB). `named`: the user named the file (or it is stdin); otherwise it
/// was found by walking a directory.
///
/// Stricter than [`detect_kind`] where a wrong guess costs a flood of false
/// errors: a binary file is never read; a walk reads only files whose path
/// or content says what they are (crontabs by path; YAML and JSON that
/// mention a schedule; XML with `cronExpression`; Jenkinsfiles), so a README
/// that quotes `0 0 * * 7` in prose is not a list of expressions. A named
/// file that is none of these is read as one expression per line or as a
/// crontab only when at least one line looks like one.
///
/// ```
/// use std::path::Path;
/// use cronkit::formats::detect::{classify, Detected, InputKind, SkipReason};
/// let wf = Path::new(".github/workflows/nightly.yml");
/// assert_eq!(classify(Some(wf), b"on:\n  schedule:\n", false), Detected::Kind(InputKind::Github));
/// assert_eq!(classify(Some(Path::new("README.md")), b"run at `0 0 * * 7`\n", false), Detected::Skip(SkipReason::Unknown));
/// assert_eq!(classify(Some(Path::new("a.png")), b"\x89PNG\0\0", true), Detected::Skip(SkipReason::Binary));
/// ```
pub fn classify(path: Option<&Path>, head: &[u8], named: bool) -> Detected {
    // The walk's own gate, so a walk that does not open a file and one that
    // does decide the same way.
    if path.is_some_and(|p| !named && !may_hold_schedules(p)) {
        return Detected::Skip(SkipReason::Unknown);
    }
    if memchr::memchr(0, head).is_some() {
        return Detected::Skip(SkipReason::Binary);
    }
    let scheduled =
        |h: &[u8]| contains(h, b"cron") || contains(h, b"chedule") || contains(h, b"rate(");
    if let Some(path) = path {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if is_workflow_path(path) {
            return Detected::Kind(InputKind::Github);
        }
        if name == "jenkinsfile"
            || name.starts_with("jenkinsfile.")
            || ext.as_deref() == Some("jenkinsfile")
        {
            return Detected::Kind(InputKind::Jenkins);
        }
        match ext.as_deref() {
            Some("yml" | "yaml") => {
                return if scheduled(head) {
                    Detected::Kind(InputKind::Yaml)
                } else {
                    Detected::Skip(SkipReason::NoSchedules)
                }
            }
            Some("json" | "ndjson" | "jsonl" | "template") => {
                if contains(head, b"AWSTemplateFormatVersion")
                    || contains(head, b"\"ScheduleExpression\"")
                    || contains(head, b"AWS::Serverless")
                {
                    return Detected::Kind(InputKind::CloudFormation);
                }
                if ext.as_deref() == Some("template") {
                    return Detected::Skip(SkipReason::Unknown);
                }
                if !named && !scheduled(head) {
                    return Detected::Skip(SkipReason::NoSchedules);
                }
                return Detected::Kind(json_kind(head));
            }
            // Documentation: prose that may quote cron, never a schedule list.
            Some("md" | "markdown" | "rst" | "adoc" | "asciidoc" | "html" | "htm") => {
                return Detected::Skip(SkipReason::Unknown)
            }
            Some("xml") => {
                return if named || contains(head, b"cronExpression") {
                    Detected::Kind(InputKind::Nuxeo)
                } else {
                    Detected::Skip(SkipReason::NoSchedules)
                }
            }
            _ => {}
        }
        if let Some(PathKind::Known(kind)) = kind_from_path(path) {
            return Detected::Kind(kind);
        }
        if !named {
            return Detected::Skip(SkipReason::Unknown);
        }
    }
    // A named file (or stdin) of no known name: by content.
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => return Detected::Kind(json_kind(head)),
        Some(b'<') => return Detected::Kind(InputKind::Nuxeo),
        _ => {}
    }
    let text = String::from_utf8_lossy(start);
    let yaml_like = text.lines().any(|l| {
        l == "---"
            || l.starts_with("apiVersion:")
            || l.starts_with("on:")
            || l.starts_with("AWSTemplateFormatVersion:")
            || l.starts_with("Resources:")
    });
    if yaml_like {
        return Detected::Kind(InputKind::Yaml);
    }
    let (crontab, lines) = line_scores(start);
    // No line looks like cron: not a list of expressions. (A head that is one
    // unfinished line, e.g. a 3 MB line, is left to the line reader, which
    // reports the overlong line.)
    let whole_lines = start.contains(&b'\n');
    if crontab + lines == 0 && whole_lines && start.iter().any(|b| !b.is_ascii_whitespace()) {
        return Detected::Skip(SkipReason::Unknown);
    }
    Detected::Kind(if crontab > lines {
        InputKind::Crontab
    } else {
        InputKind::Lines
    })
}

/// Whether a command-line argument that is not a path looks like a cron
/// expression (so `validate` can say "pass it with `-e`").
///
/// ```
/// use cronkit::formats::detect::looks_like_expression;
/// assert!(looks_like_expression("0 0 * * 7"));
/// assert!(looks_like_expression("@daily"));
/// assert!(!looks_like_expression("deploy/cron.yaml"));
/// ```
pub fn looks_like_expression(arg: &str) -> bool {
    let t = arg.trim();
    if NICKNAMES.contains(&t) || crate::expr::interval::written_as(t).is_some() {
        return true;
    }
    let tokens: Vec<&str> = t.split_ascii_whitespace().collect();
    (5..=7).contains(&tokens.len()) && tokens.iter().all(|x| looks_like_field(x))
}

enum PathKind {
    Json,
    Known(InputKind),
}

fn kind_from_path(path: &Path) -> Option<PathKind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("json" | "ndjson" | "jsonl") => return Some(PathKind::Json),
        Some("xml") => return Some(PathKind::Known(InputKind::Nuxeo)),
        Some("cron" | "crontab") => return Some(PathKind::Known(InputKind::Crontab)),
        _ => {}
    }
    let in_cron_dir = path.components().rev().skip(1).any(|c| {
        let c = c.as_os_str().to_string_lossy().to_ascii_lowercase();
        c == "cron.d" || c == "crontabs"
    });
    if name == "crontab" || name.starts_with("crontab.") || in_cron_dir {
        return Some(PathKind::Known(InputKind::Crontab));
    }
    None
}

fn json_kind(content: &[u8]) -> InputKind {
    let mut values = serde_json::Deserializer::from_slice(content).into_iter::<Value>();
    for _ in 0..64 {
        match values.next() {
            None => break,
            Some(Ok(value)) => {
                if has_opensearch_schedule(&value) {
                    return InputKind::OpenSearch;
                }
            }
            Some(Err(_)) => {
                return if textual_opensearch(content) {
                    InputKind::OpenSearch
                } else {
                    InputKind::Watcher
                };
            }
        }
    }
    InputKind::Watcher
}

fn has_opensearch_schedule(value: &Value) -> bool {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(schedule)) = map.get("schedule") {
                let cron = schedule
                    .get("cron")
                    .and_then(Value::as_object)
                    .is_some_and(|c| c.contains_key("expression"));
                let interval = schedule
                    .get("interval")
                    .and_then(Value::as_object)
                    .is_some_and(|i| i.contains_key("period"));
                if cron || interval {
                    return true;
                }
            }
            map.values().any(has_opensearch_schedule)
        }
        Value::Array(items) => items.iter().any(has_opensearch_schedule),
        _ => false,
    }
}

/// `"cron"` or `"interval"` followed by `:` and an object.
fn textual_opensearch(content: &[u8]) -> bool {
    for key in [&b"\"cron\""[..], &b"\"interval\""[..]] {
        let mut rest = content;
        while let Some(i) = rest.windows(key.len()).position(|w| w == key) {
            rest = &rest[i + key.len()..];
            let mut after = rest.iter().skip_while(|b| b.is_ascii_whitespace());
            if after.next() == Some(&b':')
                && after.find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            {
                return true;
            }
        }
    }
    false
}

fn lines_or_crontab(content: &[u8]) -> InputKind {
    let (crontab, lines) = line_scores(content);
    if crontab > lines {
        InputKind::Crontab
    } else {
        InputKind::Lines
    }
}

/// (crontab evidence, one-per-line evidence) in the first 200 lines.
fn line_scores(content: &[u8]) -> (u32, u32) {
    let prefix = &content[..content.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(prefix);
    let (mut crontab, mut lines) = (0u32, 0u32);
    let candidates = text
        .split('\n')
        .map(|l| l.trim_matches(is_blank))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .take(200);
    for line in candidates {
        if is_env_assignment(line) {
            crontab += 1;
            continue;
        }
        let tokens: Vec<&str> = line
            .split(is_blank)
            .filter(|t| !t.is_empty())
            .take(9)
            .collect();
        let Some(first) = tokens.first() else {
            continue;
        };
        // an interval schedule a profile reads (`@every 5m`, `rate(5 minutes)`)
        if crate::expr::interval::written_as(line).is_some()
            && (line.starts_with("rate(") && line.ends_with(')') || tokens.len() == 2)
        {
            lines += 1;
            continue;
        }
        if first.starts_with('@') {
            if NICKNAMES.contains(first) {
                if tokens.len() >= 2 {
                    crontab += 1;
                } else {
                    lines += 1;
                }
            }
            continue;
        }
        let fields = tokens.iter().take_while(|t| looks_like_field(t)).count();
        if fields >= 5 && tokens.len() >= 6 && (fields < tokens.len().min(7) || tokens.len() > 7) {
            crontab += 1;
        } else if fields == tokens.len() && (5..=7).contains(&fields) {
            lines += 1;
        }
    }
    (crontab, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_path(p: &str, content: &[u8]) -> InputKind {
        detect_kind(Some(Path::new(p)), content)
    }

    #[test]
    fn by_extension_and_name() {
        assert_eq!(by_path("watch.json", b""), InputKind::Watcher);
        assert_eq!(by_path("W.JSON", b"{}"), InputKind::Watcher);
        assert_eq!(by_path("watches.ndjson", b"{}\n{}\n"), InputKind::Watcher);
        assert_eq!(by_path("x.jsonl", b"{}"), InputKind::Watcher);
        assert_eq!(by_path("ext.xml", b"0 3 * * *"), InputKind::Nuxeo);
        assert_eq!(by_path("OSGI-INF/Sched-Contrib.XML", b""), InputKind::Nuxeo);
        assert_eq!(by_path("jobs.cron", b"0 15 10 ? * *"), InputKind::Crontab);
        assert_eq!(by_path("my.crontab", b""), InputKind::Crontab);
        assert_eq!(by_path("/etc/crontab", b""), InputKind::Crontab);
        assert_eq!(by_path("docker/crontab", b""), InputKind::Crontab);
        assert_eq!(by_path("crontab.prod", b""), InputKind::Crontab);
        assert_eq!(by_path("/etc/cron.d/backup", b""), InputKind::Crontab);
        assert_eq!(
            by_path("/var/spool/cron/crontabs/alice", b""),
            InputKind::Crontab
        );
        // Extension wins over the directory.
        assert_eq!(by_path("/etc/cron.d/x.json", b"{}"), InputKind::Watcher);
    }

    #[test]
    fn unknown_extension_falls_back_to_content() {
        assert_eq!(by_path("exprs.txt", b"0 15 10 ? * *\n"), InputKind::Lines);
        assert_eq!(
            by_path("exprs.txt", b"  {\"trigger\":{}}"),
            InputKind::Watcher
        );
        assert_eq!(by_path("x", b"<component/>"), InputKind::Nuxeo);
        assert_eq!(
            by_path("x", b"0 3 * * * /usr/bin/backup\n"),
            InputKind::Crontab
        );
    }

    #[test]
    fn opensearch_vs_watcher() {
        let os = br#"{"name":"job","enabled":true,"schedule":{"cron":{"expression":"0 * * * *","timezone":"UTC"}}}"#;
        assert_eq!(detect_kind(None, os), InputKind::OpenSearch);
        assert_eq!(by_path("job.json", os), InputKind::OpenSearch);
        let interval =
            br#"{"job":{"schedule":{"interval":{"start_time":1,"period":1,"unit":"Minutes"}}}}"#;
        assert_eq!(detect_kind(None, interval), InputKind::OpenSearch);
        let nested = br#"[{"_source":{"job":{"schedule":{"cron":{"expression":"*/5 * * * *"}}}}}]"#;
        assert_eq!(detect_kind(None, nested), InputKind::OpenSearch);
        let watcher = br#"{"trigger":{"schedule":{"cron":["0 0 12 * * ?","0 0 18 * * ?"]}}}"#;
        assert_eq!(detect_kind(None, watcher), InputKind::Watcher);
        let watcher_interval = br#"{"trigger":{"schedule":{"interval":"5m"}}}"#;
        assert_eq!(detect_kind(None, watcher_interval), InputKind::Watcher);
        let get_watch = br#"{"found":true,"_id":"w","watch":{"trigger":{"schedule":{"hourly":{"minute":[0,30]}}}}}"#;
        assert_eq!(detect_kind(None, get_watch), InputKind::Watcher);
        // NDJSON: the second value decides.
        let ndjson = b"{\"a\":1}\n{\"schedule\":{\"cron\":{\"expression\":\"0 * * * *\"}}}\n";
        assert_eq!(by_path("jobs.ndjson", ndjson), InputKind::OpenSearch);
        // Broken JSON: textual check.
        let broken = b"{\"schedule\": {\"cron\" :\n {\"expression\": \"0 * * * *\"";
        assert_eq!(detect_kind(None, broken), InputKind::OpenSearch);
        assert_eq!(
            detect_kind(None, b"{\"cron\": \"0 0 12 * * ?\""),
            InputKind::Watcher
        );
        assert_eq!(detect_kind(None, b"{"), InputKind::Watcher);
    }

    #[test]
    fn crontab_content() {
        assert_eq!(
            detect_kind(None, b"# comment\nSHELL=/bin/sh\n"),
            InputKind::Crontab
        );
        assert_eq!(detect_kind(None, b"@daily /bin/job\n"), InputKind::Crontab);
        assert_eq!(
            detect_kind(None, b"*/5 * * * * php /srv/artisan schedule:run\n"),
            InputKind::Crontab
        );
        assert_eq!(
            detect_kind(
                None,
                b"\xEF\xBB\xBF\r\n17 * * * * root cd / && run-parts\r\n"
            ),
            InputKind::Crontab
        );
    }

    #[test]
    fn lines_content() {
        assert_eq!(detect_kind(None, b""), InputKind::Lines);
        assert_eq!(detect_kind(None, b"   \n\n"), InputKind::Lines);
        assert_eq!(detect_kind(None, b"@daily\n@hourly\n"), InputKind::Lines);
        // interval schedules: `--dialect k8s` / `--dialect eventbridge` read them
        assert_eq!(
            by_path("every.txt", b"@every 5m\n@every 1h30m\n"),
            InputKind::Lines
        );
        assert_eq!(
            by_path("rates.txt", b"rate(5 minutes)\nrate(1 day)\n"),
            InputKind::Lines
        );
        assert!(looks_like_expression("@every 5m"));
        assert!(looks_like_expression("rate(5 minutes)"));
        assert_eq!(detect_kind(None, b"0 3 * * *\n"), InputKind::Lines);
        assert_eq!(
            detect_kind(None, b"# q\n0 15 10 ? * MON-FRI\n0 0 12 * * ? 2030\n"),
            InputKind::Lines
        );
        assert_eq!(detect_kind(None, b"\xff\xfe garbage"), InputKind::Lines);
        // Mixed: majority wins.
        assert_eq!(
            detect_kind(None, b"0 3 * * *\n0 4 * * *\n0 5 * * * /bin/x\n"),
            InputKind::Lines
        );
    }

    #[test]
    fn the_walk_opens_only_candidate_paths() {
        for p in [
            ".github/workflows/nightly.yml",
            "deploy/values.YAML",
            "k8s/cronjob.yaml",
            "aws/template.json",
            "aws/stack.template",
            "watches/w.ndjson",
            "logs/x.jsonl",
            "OSGI-INF/scheduler.xml",
            "Jenkinsfile",
            "ci/jenkinsfile.nightly",
            "build.Jenkinsfile",
            "crontab",
            "docker/CRONTAB.prod",
            "jobs.cron",
            "my.crontab",
            "/etc/cron.d/backup",
            "etc/cron.d/backup.sh",
            "/var/spool/cron/crontabs/alice",
        ] {
            assert!(may_hold_schedules(Path::new(p)), "{p}");
        }
        for p in [
            "src/main.rs",
            "README.md",
            "Makefile",
            ".bashrc",
            "yml",
            "notes/crontab-howto.txt",
            "cron.d",
            "archive.tar.gz",
            "",
        ] {
            assert!(!may_hold_schedules(Path::new(p)), "{p}");
            // classify agrees, whatever the content: a walk that does not open
            // the file decides as one that does
            for head in [&b"0 3 * * * /bin/x\n"[..], b"\0\0", b"on:\n  schedule:\n"] {
                assert_eq!(
                    classify(Some(Path::new(p)), head, false),
                    Detected::Skip(SkipReason::Unknown),
                    "{p}"
                );
            }
        }
    }

    #[test]
    fn kind_names_round_trip() {
        for k in [
            InputKind::Lines,
            InputKind::Crontab,
            InputKind::Watcher,
            InputKind::OpenSearch,
            InputKind::Nuxeo,
            InputKind::Yaml,
            InputKind::Github,
            InputKind::Kubernetes,
            InputKind::CloudFormation,
            InputKind::Jenkins,
        ] {
            assert_eq!(k.as_str().parse::<InputKind>(), Ok(k));
            assert_eq!(k.to_string(), k.as_str());
        }
        assert!("toml".parse::<InputKind>().is_err());
    }
}
