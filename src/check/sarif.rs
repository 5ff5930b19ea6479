//! SARIF 2.1.0 output, as GitHub code scanning reads it: one run, the rule
//! metadata from the rule table ([`crate::lint::RULES`] and the input
//! problems), each finding a result with its physical location (a path
//! relative to the checked root, line, column, end column) and a
//! `partialFingerprints` entry that does not depend on the line number, so a
//! finding keeps its identity when lines move above it.
//!
//! Results are collected and written at the end ([`SarifLog::write`]); JSON
//! escaping is serde's, so nothing in a file name or message can break the
//! document.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Counts, Record, Sink, INPUT_ERRORS, READER_WARNINGS};
use crate::lint::{Severity, RULES};

/// Where the rules are documented.
pub const RULES_HELP_URI: &str = "docs/validate.md";

/// A [`Sink`] that builds a SARIF log.
#[derive(Debug, Default)]
pub struct SarifLog {
    results: Vec<Value>,
    /// Codes met that are not in the tables (parse errors), with a result's severity.
    extra_rules: BTreeMap<String, Severity>,
    /// Occurrences of each (code, path, expression), for the fingerprints.
    seen: BTreeMap<u64, u32>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// FNV-1a, 64 bits: small, stable across versions and platforms.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A path as a SARIF relative URI: forward slashes, no leading `./`, and the
/// characters a URI cannot hold percent-encoded.
pub fn path_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.trim_start_matches("./");
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl SarifLog {
    /// An empty log.
    pub fn new() -> SarifLog {
        SarifLog::default()
    }

    /// Every rule the log can refer to: the lint rules, the input problems,
    /// then the parse error codes that occurred.
    fn rules(&self) -> Vec<Value> {
        let mut rules: Vec<Value> = RULES
            .iter()
            .map(|r| {
                json!({
                    "id": r.code,
                    "name": r.code,
                    "shortDescription": {"text": r.summary},
                    "fullDescription": {"text": format!("{} Example: {}", r.summary, r.example)},
                    "help": {"text": format!("{} Example that triggers it: {}", r.summary, r.example)},
                    "helpUri": RULES_HELP_URI,
                    "defaultConfiguration": {"level": level(r.severity)},
                    "properties": {"tags": if r.platforms.is_empty() {
                        vec!["cron".to_string()]
                    } else {
                        std::iter::once("cron".to_string()).chain(r.platforms.iter().map(|p| p.as_str().to_string())).collect()
                    }},
                })
            })
            .collect();
        for (code, doc) in INPUT_ERRORS {
            rules.push(json!({
                "id": code,
                "name": code,
                "shortDescription": {"text": doc},
                "helpUri": RULES_HELP_URI,
                "defaultConfiguration": {"level": "error"},
            }));
        }
        for code in READER_WARNINGS {
            rules.push(json!({
                "id": code,
                "name": code,
                "shortDescription": {"text": "A schedule document accepted with a warning."},
                "helpUri": RULES_HELP_URI,
                "defaultConfiguration": {"level": "warning"},
            }));
        }
        for (code, sev) in &self.extra_rules {
            rules.push(json!({
                "id": code,
                "name": code,
                "shortDescription": {"text": "The expression does not parse."},
                "helpUri": RULES_HELP_URI,
                "defaultConfiguration": {"level": level(*sev)},
            }));
        }
        rules
    }

    fn known(code: &str) -> bool {
        RULES.iter().any(|r| r.code == code)
            || INPUT_ERRORS.iter().any(|(c, _)| *c == code)
            || READER_WARNINGS.contains(&code)
    }

    /// Write the log (pretty JSON) and a newline.
    pub fn write(&self, w: &mut impl Write, counts: &Counts) -> io::Result<()> {
        let rules = self.rules();
        let index: BTreeMap<&str, usize> = rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r["id"].as_str().map(|id| (id, i)))
            .collect();
        let results: Vec<Value> = self
            .results
            .iter()
            .map(|r| {
                let mut r = r.clone();
                if let Some(i) = r["ruleId"].as_str().and_then(|id| index.get(id)) {
                    r["ruleIndex"] = json!(i);
                }
                r
            })
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "cronkit",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/cronkit",
                    "rules": rules,
                }},
                "results": results,
                "properties": {
                    "expressions": counts.expressions,
                    "files": counts.files,
                },
            }],
        });
        serde_json::to_writer_pretty(&mut *w, &log).map_err(io::Error::other)?;
        writeln!(w)
    }
}

impl Sink for SarifLog {
    fn finding(&mut self, r: &Record<'_>) -> io::Result<()> {
        if !SarifLog::known(r.code) {
            self.extra_rules
                .entry(r.code.to_string())
                .or_insert(r.severity);
        }
        let key = fnv1a(&[r.code, r.path, r.expression]);
        let n = self.seen.entry(key).or_insert(0);
        *n += 1;
        let fingerprint = format!("{key:016x}:{n}");
        let mut text = r.message.to_string();
        if let Some(h) = r.help {
            text.push_str("\nhelp: ");
            text.push_str(h);
        }
        let mut result = json!({
            "ruleId": r.code,
            "level": level(r.severity),
            "message": {"text": text},
            "partialFingerprints": {"cronkitFinding/v1": fingerprint},
        });
        if r.is_file {
            result["locations"] = json!([{
                "physicalLocation": {
                    "artifactLocation": {"uri": path_uri(r.path), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": r.line.max(1),
                        "startColumn": r.column.max(1),
                        "endColumn": r.end_column.max(r.column).max(1) + 1,
                    },
                },
            }]);
        } else {
            result["message"]["text"] = json!(format!("{}: {text}", r.path));
        }
        self.results.push(result);
        Ok(())
    }
}
