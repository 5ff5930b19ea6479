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
#[error("unknown input kind `{0}` (expected lines, crontab, watcher, opensearch or nuxeo)")]
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
    if crontab > lines {
        InputKind::Crontab
    } else {
        InputKind::Lines
    }
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
    fn kind_names_round_trip() {
        for k in [
            InputKind::Lines,
            InputKind::Crontab,
            InputKind::Watcher,
            InputKind::OpenSearch,
            InputKind::Nuxeo,
        ] {
            assert_eq!(k.as_str().parse::<InputKind>(), Ok(k));
            assert_eq!(k.to_string(), k.as_str());
        }
        assert!("yaml".parse::<InputKind>().is_err());
    }
}
