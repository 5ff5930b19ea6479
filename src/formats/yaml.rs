//! YAML (and JSON, which YAML 1.2 reads too) as a small tree whose scalars
//! keep their exact position in the file, for the CI-file readers
//! ([`super::ci`]).
//!
//! The parser is `yaml-rust2`'s event parser: it passes the YAML 1.2 test
//! suite, builds with no further dependencies worth naming, and gives a
//! [`Marker`](yaml_rust2::scanner::Marker) (line, character column) with
//! every event. The tree is built here without recursion, aliases are kept as
//! aliases (never expanded, so an alias bomb costs nothing), and nesting
//! deeper than [`MAX_DEPTH`] is an error rather than a stack overflow.
//!
//! Where a scalar's text starts: the marker of a plain scalar is its first
//! character; of a quoted one, the quote (so the text starts one column
//! later); of a block scalar (`|`, `>`), its first content character. A
//! scalar is *verbatim* when the file holds its value unchanged from that
//! position (no escapes, no folding), so a span inside the value maps to an
//! exact file column; otherwise findings point at the value's start.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

/// Deepest nesting of collections accepted.
pub const MAX_DEPTH: usize = 256;

/// A scalar with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// The value, after unquoting and folding.
    pub value: String,
    /// 1-based line of the value's first character.
    pub line: u32,
    /// 1-based column (characters) of the value's first character.
    pub column: u32,
    /// The file holds `value` verbatim from `line:column`.
    pub verbatim: bool,
    /// Written plain (unquoted, not a block scalar).
    pub plain: bool,
    /// The tag's suffix (`Sub` for `!Sub`), if tagged.
    pub tag: Option<String>,
}

/// A YAML node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A string, number, boolean or null, as written.
    Scalar(Scalar),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order (keys may be any node).
    Map(Vec<(Node, Node)>),
    /// An alias (`*name`); not followed.
    Alias,
}

impl Node {
    /// The scalar, if this is one.
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match self {
            Node::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The scalar's value, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        self.as_scalar().map(|s| s.value.as_str())
    }

    /// In a mapping, the value of the first key whose scalar value is `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The (key, value) pair of the first key whose scalar value is `key`.
    pub fn entry(&self, key: &str) -> Option<(&Scalar, &Node)> {
        match self {
            Node::Map(entries) => entries.iter().find_map(|(k, v)| match k {
                Node::Scalar(s) if s.value == key => Some((s, v)),
                _ => None,
            }),
            _ => None,
        }
    }
}

/// A document that does not parse: what the parser said, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct YamlError {
    /// The parser's message.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every document of a YAML stream, in order. The documents before an error
/// are returned with it, so their schedules are still checked.
pub fn parse_documents(text: &str) -> (Vec<Node>, Option<YamlError>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut parser = Parser::new_from_str(text);
    let mut docs = Vec::new();
    // Open collections: a sequence or a mapping under construction.
    let mut stack: Vec<Node> = Vec::new();
    // Mapping keys waiting for their value, one per open mapping.
    let mut pending_keys: Vec<Option<Node>> = Vec::new();
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(x) => x,
            Err(e) => {
                let m = e.marker();
                return (
                    docs,
                    Some(YamlError {
                        message: e.info().to_string(),
                        line: u32_of(m.line()),
                        column: u32_of(m.col() + 1),
                    }),
                );
            }
        };
        let node = match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => {
                continue
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return (
                        docs,
                        Some(YamlError {
                            message: format!("nested deeper than {MAX_DEPTH} levels"),
                            line: u32_of(mark.line()),
                            column: u32_of(mark.col() + 1),
                        }),
                    );
                }
                if matches!(event, Event::SequenceStart(..)) {
                    stack.push(Node::Seq(Vec::new()));
                } else {
                    stack.push(Node::Map(Vec::new()));
                    pending_keys.push(None);
                }
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(n) => n,
                None => continue,
            },
            Event::MappingEnd => {
                pending_keys.pop();
                match stack.pop() {
                    Some(n) => n,
                    None => continue,
                }
            }
            Event::Alias(_) => Node::Alias,
            Event::Scalar(value, style, _, tag) => {
                Node::Scalar(scalar(&lines, value, style, tag, mark.line(), mark.col()))
            }
        };
        // Attach the finished node to its parent (or make it a document).
        match stack.last_mut() {
            None => docs.push(node),
            Some(Node::Seq(items)) => items.push(node),
            Some(Node::Map(entries)) => {
                let slot = pending_keys
                    .last_mut()
                    .expect("one pending key per open mapping");
                match slot.take() {
                    None => *slot = Some(node),
                    Some(key) => entries.push((key, node)),
                }
            }
            Some(_) => {}
        }
    }
    (docs, None)
}

fn scalar(
    lines: &[&str],
    value: String,
    style: TScalarStyle,
    tag: Option<yaml_rust2::parser::Tag>,
    line: usize,
    col0: usize,
) -> Scalar {
    let quoted = matches!(
        style,
        TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted
    );
    let column = col0 + 1 + usize::from(quoted);
    // Verbatim: the value, on one line, sits in the file at that column.
    let verbatim = !value.contains('\n')
        && line >= 1
        && lines.get(line - 1).is_some_and(|l| {
            let rest: String = l
                .chars()
                .skip(column - 1)
                .take(value.chars().count())
                .collect();
            rest == value
        });
    Scalar {
        value,
        line: u32_of(line),
        column: u32_of(column),
        verbatim,
        plain: style == TScalarStyle::Plain,
        tag: tag.map(|t| t.suffix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(n: &Node) -> (u32, u32, bool) {
        let s = n.as_scalar().expect("a scalar");
        (s.line, s.column, s.verbatim)
    }

    #[test]
    fn positions_through_quoting_block_scalars_and_flow_style() {
        let text = "on:\n  schedule:\n    - cron: '0 0 * * 7'\n    - cron: \"*/5 * * * *\"\n    - cron: >-\n        0 1 * * *\n    - {cron: 5 4 * * *}\n    - cron: \"a\\tb\"\nk: !Sub 'x'\n";
        let (docs, err) = parse_documents(text);
        assert!(err.is_none());
        let sched = docs[0].get("on").and_then(|o| o.get("schedule")).unwrap();
        let Node::Seq(items) = sched else { panic!() };
        let crons: Vec<_> = items.iter().map(|i| at(i.get("cron").unwrap())).collect();
        assert_eq!(
            crons,
            [
                (3, 14, true),
                (4, 14, true),
                (6, 9, true),
                (7, 14, true),
                (8, 14, false)
            ]
        );
        assert_eq!(
            docs[0]
                .get("k")
                .unwrap()
                .as_scalar()
                .unwrap()
                .tag
                .as_deref(),
            Some("Sub")
        );
    }

    #[test]
    fn multi_document_and_errors_keep_earlier_documents() {
        let (docs, err) = parse_documents("a: 1\n---\nb: [1, 2\n");
        assert_eq!(docs.len(), 1);
        let err = err.unwrap();
        assert_eq!(err.line, 4);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let (_, err) = parse_documents(&text);
        assert!(err.is_some());
    }
}
