//! `validate --format sarif` output checked against the SARIF 2.1.0 JSON
//! schema (OASIS, `sarif-schema-2.1.0.json`, shipped in `tests/data/sarif/`).
//!
//! The validator is a small one written here for the draft-04 keywords that
//! schema uses (`$ref`, `type`, `properties`, `additionalProperties`,
//! `required`, `items`, `minItems`, `uniqueItems`, `enum`, `minimum`,
//! `maximum`, `pattern`, `anyOf`, `oneOf`; `format` is not checked): the
//! `jsonschema` crate would add dozens of crates to the build for this one
//! test. Any other keyword fails the test, so the schema cannot be half read
//! without notice; a broken log must fail the validator (checked below).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

fn schema() -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif/sarif-schema-2.1.0.json");
    serde_json::from_str(&std::fs::read_to_string(p).expect("the schema")).expect("JSON")
}

const IGNORED: [&str; 6] = ["description", "default", "title", "$schema", "id", "format"];

struct Validator<'a> {
    root: &'a Value,
}

impl Validator<'_> {
    fn resolve<'s>(&'s self, reference: &str) -> &'s Value {
        let name = reference
            .strip_prefix("#/definitions/")
            .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
        &self.root["definitions"][name]
    }

    fn type_ok(t: &str, v: &Value) -> bool {
        match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            other => panic!("unknown type {other}"),
        }
    }

    /// Errors found validating `v` against `schema` at `path`.
    fn check(&self, schema: &Value, v: &Value, path: &str, errs: &mut Vec<String>) {
        let Some(obj) = schema.as_object() else {
            panic!("schema at {path} is not an object")
        };
        for (k, s) in obj {
            match k.as_str() {
                "$ref" => self.check(self.resolve(s.as_str().unwrap()), v, path, errs),
                "type" => {
                    let ok = match s {
                        Value::String(t) => Self::type_ok(t, v),
                        Value::Array(ts) => {
                            ts.iter().any(|t| Self::type_ok(t.as_str().unwrap(), v))
                        }
                        _ => panic!("bad type"),
                    };
                    if !ok {
                        errs.push(format!("{path}: not of type {s}"));
                    }
                }
                "properties" => {
                    if let Some(o) = v.as_object() {
                        for (name, sub) in s.as_object().unwrap() {
                            if let Some(x) = o.get(name) {
                                self.check(sub, x, &format!("{path}.{name}"), errs);
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Some(o) = v.as_object() {
                        let declared = obj.get("properties").and_then(Value::as_object);
                        for (name, x) in o {
                            if declared.is_some_and(|d| d.contains_key(name)) {
                                continue;
                            }
                            match s {
                                Value::Bool(false) => {
                                    errs.push(format!("{path}: property {name} not allowed"))
                                }
                                Value::Bool(true) => {}
                                sub => self.check(sub, x, &format!("{path}.{name}"), errs),
                            }
                        }
                    }
                }
                "required" => {
                    if let Some(o) = v.as_object() {
                        for name in s.as_array().unwrap() {
                            if !o.contains_key(name.as_str().unwrap()) {
                                errs.push(format!("{path}: missing {name}"));
                            }
                        }
                    }
                }
                "items" => {
                    if let Some(a) = v.as_array() {
                        for (i, x) in a.iter().enumerate() {
                            self.check(s, x, &format!("{path}[{i}]"), errs);
                        }
                    }
                }
                "minItems" => {
                    if let Some(a) = v.as_array() {
                        if (a.len() as u64) < s.as_u64().unwrap() {
                            errs.push(format!("{path}: fewer than {s} items"));
                        }
                    }
                }
                "uniqueItems" => {
                    if let (Some(a), true) = (v.as_array(), s.as_bool().unwrap()) {
                        for i in 0..a.len() {
                            if a[i + 1..].contains(&a[i]) {
                                errs.push(format!("{path}: items not unique"));
                            }
                        }
                    }
                }
                "enum" => {
                    if !s.as_array().unwrap().contains(v) {
                        errs.push(format!("{path}: {v} not in {s}"));
                    }
                }
                "minimum" => {
                    if let Some(n) = v.as_f64() {
                        if n < s.as_f64().unwrap() {
                            errs.push(format!("{path}: {n} < {s}"));
                        }
                    }
                }
                "maximum" => {
                    if let Some(n) = v.as_f64() {
                        if n > s.as_f64().unwrap() {
                            errs.push(format!("{path}: {n} > {s}"));
                        }
                    }
                }
                "pattern" => {
                    if let Some(text) = v.as_str() {
                        let re = regex::Regex::new(s.as_str().unwrap()).expect("pattern");
                        if !re.is_match(text) {
                            errs.push(format!("{path}: {text:?} does not match {s}"));
                        }
                    }
                }
                "anyOf" | "oneOf" => {
                    let passing = s
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|sub| {
                            let mut e = Vec::new();
                            self.check(sub, v, path, &mut e);
                            e.is_empty()
                        })
                        .count();
                    if passing == 0 || (k == "oneOf" && passing > 1) {
                        errs.push(format!("{path}: {k} matched {passing} branches"));
                    }
                }
                "definitions" => {}
                k if IGNORED.contains(&k) => {}
                other => panic!("schema keyword `{other}` is not supported by this validator"),
            }
        }
    }
}

fn validate(log: &Value) -> Vec<String> {
    let schema = schema();
    let v = Validator { root: &schema };
    let mut errs = Vec::new();
    v.check(&schema, log, "$", &mut errs);
    errs
}

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci-world")
}

fn sarif(dir: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_cronkit"))
        .current_dir(dir)
        .args(["validate", "--now", "2026-06-01", "--format", "sarif"])
        .args(args)
        .output()
        .expect("run");
    serde_json::from_slice(&out.stdout).expect("SARIF output is JSON")
}

#[test]
fn the_walk_of_the_fixture_repository_is_valid_sarif() {
    let log = sarif(&fixture_root(), &[]);
    let errs = validate(&log);
    assert!(errs.is_empty(), "{errs:#?}");
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    // rule metadata from the rule table, each result pointing at its rule
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in cronkit::lint::RULES.iter() {
        assert!(rules.iter().any(|x| x["id"] == r.code), "{}", r.code);
    }
    for result in run["results"].as_array().unwrap() {
        let i = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], result["ruleId"]);
        assert!(result["partialFingerprints"]["cronkitFinding/v1"].is_string());
    }
}

#[test]
fn arguments_parse_errors_and_hostile_names_are_valid_sarif() {
    let dir = std::env::temp_dir().join(format!("cronkit-sarif-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("we ird%\u{1b}[31m,name::error::x.cron"),
        "0 0 * * 8 /bin/x\n",
    )
    .unwrap();
    let log = sarif(&dir, &["-e", "0 0 12 * * ?\n::error::forged", "."]);
    let errs = validate(&log);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(errs.is_empty(), "{errs:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{results:#?}");
    let uri = results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(!uri.contains(' ') && !uri.contains('\u{1b}'), "{uri}");
}

#[test]
fn the_validator_rejects_a_broken_log() {
    let mut log = sarif(&fixture_root(), &[]);
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    log.as_object_mut().unwrap().remove("version");
    let errs = validate(&log);
    assert!(errs.iter().any(|e| e.contains("fatal")), "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("startLine")), "{errs:#?}");
    assert!(
        errs.iter().any(|e| e.contains("missing \"version\"")),
        "{errs:#?}"
    );
}
