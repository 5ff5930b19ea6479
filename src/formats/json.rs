//! A small, strict JSON reader that remembers where every value came from.
//!
//! The schedule readers need the exact place of each JSON string in the file
//! (`validate` points at the cron expression inside a watch), which general
//! purpose JSON crates do not expose. This reader keeps, for every node, its
//! byte span and its 1-based line and column (columns count characters, not
//! bytes).
//!
//! Properties:
//! - the whole RFC 8259 grammar, including `\u` escapes and surrogate pairs;
//!   lone surrogates, raw control characters, trailing commas, comments and
//!   leading zeros are rejected;
//! - numbers keep their source text next to the parsed `f64` (and `i64`
//!   when the text is an integer that fits);
//! - NDJSON / concatenated documents via [`parse_all`];
//! - no recursion while parsing (an explicit stack), a nesting limit
//!   ([`DEFAULT_MAX_DEPTH`]) and no panics on any input; input that is not
//!   UTF-8 is an error that points at the first bad byte.
//!
//! ```
//! use cronkit::formats::json;
//!
//! let doc = json::parse(br#"{"cron": "0 0 12 * * ?"}"#).unwrap();
//! let cron = doc.get("cron").unwrap();
//! assert_eq!(cron.as_str(), Some("0 0 12 * * ?"));
//! assert_eq!((cron.line, cron.column), (1, 10));
//! ```

use std::fmt;

use thiserror::Error;

/// Nesting depth accepted by [`parse`] and [`parse_all`].
pub const DEFAULT_MAX_DEPTH: usize = 128;

/// A byte range `start..end` in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

/// One JSON value with its place in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// What the value is.
    pub kind: ValueKind,
    /// Bytes covered by the value (for strings, including the quotes).
    pub span: Span,
    /// 1-based line of the first byte.
    pub line: usize,
    /// 1-based column (in characters) of the first byte.
    pub column: usize,
}

/// The kinds of JSON values.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, kept as text and parsed.
    Number(Number),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object; members in source order, duplicates kept.
    Object(Vec<Member>),
}

/// A JSON number.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The number exactly as written.
    pub text: String,
    /// The value when the text is an integer (no fraction, no exponent)
    /// that fits an `i64`.
    pub int: Option<i64>,
    /// The value as `f64` (may be infinite for huge exponents).
    pub float: f64,
}

/// An object key with its place in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The key, unescaped.
    pub text: String,
    /// Bytes covered by the key including its quotes.
    pub span: Span,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The key.
    pub key: Key,
    /// The value.
    pub value: Value,
}

impl Value {
    /// The member value for `key` (the first one when the key repeats).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?
            .iter()
            .find(|m| m.key.text == key)
            .map(|m| &m.value)
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            ValueKind::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match &self.kind {
            ValueKind::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_number(&self) -> Option<&Number> {
        match &self.kind {
            ValueKind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The boolean, if this is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            ValueKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// `"object"`, `"array"`, `"string"`, `"number"`, `"boolean"` or `"null"`.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ValueKind::Null => "null",
            ValueKind::Bool(_) => "boolean",
            ValueKind::Number(_) => "number",
            ValueKind::String(_) => "string",
            ValueKind::Array(_) => "array",
            ValueKind::Object(_) => "object",
        }
    }

    /// Compact JSON text of the value, cut after about `max` characters
    /// (with `…`). Meant for error messages.
    pub fn to_json_truncated(&self, max: usize) -> String {
        let mut out = String::new();
        write_compact(self, &mut out, max);
        if out.chars().count() > max {
            let mut cut: String = out.chars().take(max.saturating_sub(1)).collect();
            cut.push('…');
            cut
        } else {
            out
        }
    }
}

impl fmt::Display for Value {
    /// Compact JSON text (not truncated).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_compact(self, &mut out, usize::MAX);
        f.write_str(&out)
    }
}

/// Writes compact JSON without recursion, stopping once `out` is longer than
/// `limit` bytes.
fn write_compact(value: &Value, out: &mut String, limit: usize) {
    enum Step<'a> {
        Value(&'a Value),
        Text(&'static str),
        Key(&'a str),
    }
    let mut stack = vec![Step::Value(value)];
    while let Some(step) = stack.pop() {
        if out.len() > limit {
            return;
        }
        match step {
            Step::Text(t) => out.push_str(t),
            Step::Key(k) => {
                write_string(k, out);
                out.push(':');
            }
            Step::Value(v) => match &v.kind {
                ValueKind::Null => out.push_str("null"),
                ValueKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                ValueKind::Number(n) => out.push_str(&n.text),
                ValueKind::String(s) => write_string(s, out),
                ValueKind::Array(items) => {
                    out.push('[');
                    stack.push(Step::Text("]"));
                    for (i, item) in items.iter().enumerate().rev() {
                        stack.push(Step::Value(item));
                        if i > 0 {
                            stack.push(Step::Text(","));
                        }
                    }
                }
                ValueKind::Object(members) => {
                    out.push('{');
                    stack.push(Step::Text("}"));
                    for (i, m) in members.iter().enumerate().rev() {
                        stack.push(Step::Value(&m.value));
                        stack.push(Step::Key(&m.key.text));
                        if i > 0 {
                            stack.push(Step::Text(","));
                        }
                    }
                }
            },
        }
    }
}

/// Appends `s` as a JSON string literal.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let mut prev = '\0';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // the rest of what the output sanitiser keeps out of the output
            // (DEL, C1, separators, bidi controls) and the `#` of `##[`, as
            // `\uXXXX`: the string reads back the same (see crate::sanitize::json)
            c if crate::sanitize::is_unsafe_char(c)
                || (c == '#' && prev == '#' && chars.peek() == Some(&'[')) =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
        prev = c;
    }
    out.push('"');
}

/// A syntax error with its place.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind} at line {line}, column {column}")]
pub struct JsonError {
    /// What went wrong.
    pub kind: JsonErrorKind,
    /// Byte offset of the problem.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

/// The kinds of JSON syntax errors.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JsonErrorKind {
    /// The bytes are not UTF-8.
    #[error("input is not valid UTF-8")]
    InvalidUtf8,
    /// Nothing but white space.
    #[error("no JSON value in the input")]
    Empty,
    /// The input stops in the middle of a value.
    #[error("unexpected end of input, expected {0}")]
    UnexpectedEnd(&'static str),
    /// A character that cannot appear here.
    #[error("unexpected character {found:?}, expected {expected}")]
    UnexpectedChar {
        /// The character found.
        found: char,
        /// What the grammar allows here.
        expected: &'static str,
    },
    /// `\x` with an unknown `x`.
    #[error(
        "invalid escape `\\{0}` in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
    )]
    InvalidEscape(char),
    /// `\u` not followed by four hex digits.
    #[error("invalid `\\u` escape: expected four hexadecimal digits")]
    InvalidUnicodeEscape,
    /// A UTF-16 surrogate without its partner.
    #[error("unpaired UTF-16 surrogate \\u{0:04X} in a string")]
    LoneSurrogate(u16),
    /// A raw control character inside a string.
    #[error("control character U+{0:04X} in a string must be escaped")]
    ControlCharacter(u32),
    /// A malformed number.
    #[error("invalid number: {0}")]
    InvalidNumber(&'static str),
    /// More nested arrays/objects than allowed.
    #[error("arrays and objects nested deeper than {0} levels")]
    TooDeep(usize),
    /// Something after the value.
    #[error("unexpected {0:?} after the JSON value")]
    TrailingCharacters(char),
}

impl JsonErrorKind {
    /// A stable kebab-case code.
    pub fn code(&self) -> &'static str {
        match self {
            JsonErrorKind::InvalidUtf8 => "json-invalid-utf8",
            JsonErrorKind::Empty => "json-empty",
            JsonErrorKind::UnexpectedEnd(_) => "json-unexpected-end",
            JsonErrorKind::UnexpectedChar { .. } => "json-unexpected-character",
            JsonErrorKind::InvalidEscape(_) => "json-invalid-escape",
            JsonErrorKind::InvalidUnicodeEscape => "json-invalid-unicode-escape",
            JsonErrorKind::LoneSurrogate(_) => "json-lone-surrogate",
            JsonErrorKind::ControlCharacter(_) => "json-control-character",
            JsonErrorKind::InvalidNumber(_) => "json-invalid-number",
            JsonErrorKind::TooDeep(_) => "json-too-deep",
            JsonErrorKind::TrailingCharacters(_) => "json-trailing-characters",
        }
    }
}

/// Parses exactly one JSON value (surrounding white space allowed).
pub fn parse(input: &[u8]) -> Result<Value, JsonError> {
    parse_with_depth(input, DEFAULT_MAX_DEPTH)
}

/// Like [`parse`] with another nesting limit.
pub fn parse_with_depth(input: &[u8], max_depth: usize) -> Result<Value, JsonError> {
    let mut r = Reader::new(input, max_depth)?;
    r.skip_ws();
    if r.at_end() {
        return Err(r.error(JsonErrorKind::Empty));
    }
    let value = r.value()?;
    r.skip_ws();
    match r.peek_char() {
        None => Ok(value),
        Some(c) => Err(r.error(JsonErrorKind::TrailingCharacters(c))),
    }
}

/// Parses a sequence of JSON values separated by white space (NDJSON,
/// JSON Lines). Empty input gives an empty list.
pub fn parse_all(input: &[u8]) -> Result<Vec<Value>, JsonError> {
    parse_all_with_depth(input, DEFAULT_MAX_DEPTH)
}

/// Like [`parse_all`] with another nesting limit.
pub fn parse_all_with_depth(input: &[u8], max_depth: usize) -> Result<Vec<Value>, JsonError> {
    let mut r = Reader::new(input, max_depth)?;
    let mut out = Vec::new();
    loop {
        r.skip_ws();
        if r.at_end() {
            return Ok(out);
        }
        out.push(r.value()?);
        match r.peek_byte() {
            None => {}
            Some(b' ' | b'\t' | b'\r' | b'\n') => {}
            Some(_) => {
                let c = r.peek_char().unwrap_or('\u{FFFD}');
                return Err(r.error(JsonErrorKind::TrailingCharacters(c)));
            }
        }
    }
}

/// One piece of a document sequence as [`each_top_level`] hands it out.
#[derive(Debug)]
pub enum TopLevel {
    /// A whole top-level value that is not a non-empty array. For an object
    /// whose [`STREAMED_PATHS`] array was handed out element by element
    /// (after [`TopLevel::MemberArrayStart`]), that member is left here as an
    /// empty array and this value comes after its elements.
    Value(Value),
    /// A top-level array begins (its elements follow, then [`TopLevel::End`]).
    ArrayStart,
    /// The array at this path of keys in a top-level object (one of
    /// [`STREAMED_PATHS`]) begins: its elements follow, then
    /// [`TopLevel::End`], then the object itself as a [`TopLevel::Value`].
    MemberArrayStart(&'static [&'static str]),
    /// The element at this index of the array being handed out.
    Element(usize, Value),
    /// The array being handed out ends.
    End,
}

/// The arrays in a top-level object that [`each_top_level`] hands out element
/// by element, as paths of keys: `watches`, the list of a Watcher query
/// response (`GET _watcher/_query/watches`: `{"count": n, "watches": [...]}`),
/// and `hits.hits`, the documents of an Elasticsearch / OpenSearch search
/// response (`{"took": 3, "hits": {"total": ..., "hits": [...]}}`, e.g. a
/// search of `.opendistro-job-scheduler` jobs). These are the objects that
/// hold a whole cluster's schedules. Only the first such array of an object
/// is streamed, and at each level the first member with the key (a reader
/// looking a key up finds the first). One difference from reading the object
/// whole remains, for an object no server writes: when `hits.hits` comes
/// before a `watches` array, both are read, where the whole object's reader
/// takes `watches` alone.
pub const STREAMED_PATHS: &[&[&str]] = &[&["watches"], &["hits", "hits"]];

/// Reads a sequence of JSON values as [`parse_all`] does, but hands out the
/// elements of a top-level array, and of a [`STREAMED_PATHS`] array of a
/// top-level object, one at a time instead of building the array: memory is
/// bounded by the largest element, not the document. `f` sees the values in
/// order; when the input turns out to be malformed, the values before the
/// error have been seen and the error is returned.
pub fn each_top_level(input: &[u8], mut f: impl FnMut(TopLevel)) -> Result<(), JsonError> {
    let mut r = Reader::new(input, DEFAULT_MAX_DEPTH)?;
    loop {
        r.skip_ws();
        if r.at_end() {
            return Ok(());
        }
        if r.peek_byte() == Some(b'[') {
            let at = r.mark();
            r.bump();
            r.skip_ws();
            if r.peek_byte() == Some(b']') {
                r.bump();
                f(TopLevel::Value(r.finish(at, ValueKind::Array(Vec::new()))));
            } else {
                f(TopLevel::ArrayStart);
                // the array itself is one level of nesting
                r.max_depth = DEFAULT_MAX_DEPTH - 1;
                let mut index = 0usize;
                loop {
                    let v = r.value()?;
                    f(TopLevel::Element(index, v));
                    index += 1;
                    r.skip_ws();
                    match r.peek_byte() {
                        Some(b',') => r.bump(),
                        Some(b']') => {
                            r.bump();
                            break;
                        }
                        _ => return Err(r.unexpected("`,` or `]`")),
                    }
                }
                r.max_depth = DEFAULT_MAX_DEPTH;
                f(TopLevel::End);
            }
        } else if r.peek_byte() == Some(b'{') {
            r.top_object(&mut f)?;
        } else {
            let v = r.value()?;
            f(TopLevel::Value(v));
        }
        match r.peek_byte() {
            None => {}
            Some(b' ' | b'\t' | b'\r' | b'\n') => {}
            Some(_) => {
                let c = r.peek_char().unwrap_or('\u{FFFD}');
                return Err(r.error(JsonErrorKind::TrailingCharacters(c)));
            }
        }
    }
}

/// Where the reader is.
#[derive(Clone, Copy)]
struct Mark {
    offset: usize,
    line: usize,
    column: usize,
}

enum Frame {
    Array {
        start: Mark,
        items: Vec<Value>,
    },
    Object {
        start: Mark,
        members: Vec<Member>,
        key: Option<Key>,
    },
}

struct Reader<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    column: usize,
    max_depth: usize,
}

impl<'a> Reader<'a> {
    fn new(input: &'a [u8], max_depth: usize) -> Result<Self, JsonError> {
        let src = match std::str::from_utf8(input) {
            Ok(s) => s,
            Err(e) => {
                let good = e.valid_up_to();
                let prefix =
                    std::str::from_utf8(input.get(..good).unwrap_or_default()).unwrap_or_default();
                let line = 1 + prefix.bytes().filter(|&b| b == b'\n').count();
                let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
                let column = 1 + prefix.get(line_start..).map_or(0, |s| s.chars().count());
                return Err(JsonError {
                    kind: JsonErrorKind::InvalidUtf8,
                    offset: good,
                    line,
                    column,
                });
            }
        };
        let mut r = Reader {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            line: 1,
            column: 1,
            max_depth,
        };
        // A byte order mark is not part of the text.
        if src.starts_with('\u{FEFF}') {
            r.pos = 3;
        }
        Ok(r)
    }

    fn mark(&self) -> Mark {
        Mark {
            offset: self.pos,
            line: self.line,
            column: self.column,
        }
    }

    fn error(&self, kind: JsonErrorKind) -> JsonError {
        JsonError {
            kind,
            offset: self.pos,
            line: self.line,
            column: self.column,
        }
    }

    fn error_at(&self, at: Mark, kind: JsonErrorKind) -> JsonError {
        JsonError {
            kind,
            offset: at.offset,
            line: at.line,
            column: at.column,
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn peek_byte(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    /// Steps over one ASCII byte that is not a newline.
    fn bump(&mut self) {
        self.pos += 1;
        self.column += 1;
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek_byte() {
            match b {
                b' ' | b'\t' | b'\r' => self.bump(),
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.column = 1;
                }
                _ => break,
            }
        }
    }

    fn unexpected(&self, expected: &'static str) -> JsonError {
        match self.peek_char() {
            None => self.error(JsonErrorKind::UnexpectedEnd(expected)),
            Some(found) => self.error(JsonErrorKind::UnexpectedChar { found, expected }),
        }
    }

    fn finish(&self, start: Mark, kind: ValueKind) -> Value {
        Value {
            kind,
            span: Span {
                start: start.offset,
                end: self.pos,
            },
            line: start.line,
            column: start.column,
        }
    }

    /// Reads `"key"` and the following `:`.
    fn key(&mut self) -> Result<Key, JsonError> {
        self.skip_ws();
        if self.peek_byte() != Some(b'"') {
            return Err(self.unexpected("a string key"));
        }
        let start = self.mark();
        let text = self.string()?;
        let key = Key {
            text,
            span: Span {
                start: start.offset,
                end: self.pos,
            },
            line: start.line,
            column: start.column,
        };
        self.skip_ws();
        if self.peek_byte() != Some(b':') {
            return Err(self.unexpected("`:` after the key"));
        }
        self.bump();
        Ok(key)
    }

    /// Reads a top-level object (the reader is at its `{`) member by member,
    /// as [`Reader::value`] would, except that the array at the first of the
    /// [`STREAMED_PATHS`] found goes to `f` element by element (see
    /// [`TopLevel::MemberArrayStart`]) and stays empty in the object, which
    /// goes to `f` last. The nesting limit counts as in one whole value.
    fn top_object(&mut self, f: &mut impl FnMut(TopLevel)) -> Result<(), JsonError> {
        let mut streamed = false;
        let v = self.streaming_object(&[], f, &mut streamed)?;
        f(TopLevel::Value(v));
        Ok(())
    }

    /// Reads an object at `path` (keys from the top-level object down; the
    /// reader is at its `{`) into a value, streaming the array of the first
    /// member that completes one of the [`STREAMED_PATHS`] and descending
    /// into a member whose key leads towards one. `streamed` says whether an
    /// array of this top-level object was streamed already (only the first
    /// is).
    fn streaming_object(
        &mut self,
        path: &[&'static str],
        f: &mut impl FnMut(TopLevel),
        streamed: &mut bool,
    ) -> Result<Value, JsonError> {
        let start = self.mark();
        self.bump();
        self.skip_ws();
        let mut members = Vec::new();
        if self.peek_byte() == Some(b'}') {
            self.bump();
            return Ok(self.finish(start, ValueKind::Object(members)));
        }
        // this object and its parents are levels of nesting
        let depth = path.len() + 1;
        // keys of this object that lie on a streamed path, once seen: a
        // reader looking a key up finds its first member, so a later member
        // with the same key stays whole
        let mut seen: Vec<&'static str> = Vec::new();
        loop {
            let key = self.key()?;
            self.skip_ws();
            let next = self.peek_byte();
            let step = STREAMED_PATHS
                .iter()
                .filter(|p| p.len() > path.len() && p[..path.len()] == *path)
                .map(|p| p[path.len()])
                .find(|k| *k == key.text);
            let first = match step {
                Some(k) if !seen.contains(&k) => {
                    seen.push(k);
                    true
                }
                _ => false,
            };
            // the streamed path this member completes, or leads into
            let (ends, leads) = if *streamed || !first {
                (None, None)
            } else {
                let here = |p: &&[&'static str]| {
                    p.len() > path.len() && p[..path.len()] == *path && p[path.len()] == key.text
                };
                (
                    STREAMED_PATHS
                        .iter()
                        .find(|p| here(p) && p.len() == depth)
                        .copied(),
                    STREAMED_PATHS
                        .iter()
                        .find(|p| here(p) && p.len() > depth)
                        .map(|p| p[path.len()]),
                )
            };
            let value = match (ends, leads, next) {
                (Some(full), _, Some(b'[')) => {
                    *streamed = true;
                    f(TopLevel::MemberArrayStart(full));
                    let v = self.streamed_array(depth + 1, f)?;
                    f(TopLevel::End);
                    v
                }
                (_, Some(k), Some(b'{')) => {
                    let mut inner = path.to_vec();
                    inner.push(k);
                    self.streaming_object(&inner, f, streamed)?
                }
                _ => {
                    self.max_depth = DEFAULT_MAX_DEPTH - depth;
                    let v = self.value();
                    self.max_depth = DEFAULT_MAX_DEPTH;
                    v?
                }
            };
            members.push(Member { key, value });
            self.skip_ws();
            match self.peek_byte() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    break;
                }
                _ => return Err(self.unexpected("`,` or `}`")),
            }
        }
        Ok(self.finish(start, ValueKind::Object(members)))
    }

    /// Reads an array (the reader is at its `[`; `depth` levels of nesting
    /// with the array itself) handing each element to `f`; the value
    /// returned is the array left empty, with the whole array's span.
    fn streamed_array(
        &mut self,
        depth: usize,
        f: &mut impl FnMut(TopLevel),
    ) -> Result<Value, JsonError> {
        let at = self.mark();
        self.bump();
        self.skip_ws();
        if self.peek_byte() == Some(b']') {
            self.bump();
        } else {
            self.max_depth = DEFAULT_MAX_DEPTH - depth;
            let mut index = 0usize;
            loop {
                let v = self.value();
                let v = match v {
                    Ok(v) => v,
                    Err(e) => {
                        self.max_depth = DEFAULT_MAX_DEPTH;
                        return Err(e);
                    }
                };
                f(TopLevel::Element(index, v));
                index += 1;
                self.skip_ws();
                match self.peek_byte() {
                    Some(b',') => self.bump(),
                    Some(b']') => {
                        self.bump();
                        break;
                    }
                    _ => {
                        self.max_depth = DEFAULT_MAX_DEPTH;
                        return Err(self.unexpected("`,` or `]`"));
                    }
                }
            }
            self.max_depth = DEFAULT_MAX_DEPTH;
        }
        Ok(self.finish(at, ValueKind::Array(Vec::new())))
    }

    /// Reads one complete value, iteratively.
    fn value(&mut self) -> Result<Value, JsonError> {
        let mut stack: Vec<Frame> = Vec::new();
        'next_value: loop {
            self.skip_ws();
            let start = self.mark();
            let mut done = match self.peek_byte() {
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd("a value"))),
                Some(b'{') => {
                    if stack.len() >= self.max_depth {
                        return Err(self.error(JsonErrorKind::TooDeep(self.max_depth)));
                    }
                    self.bump();
                    self.skip_ws();
                    if self.peek_byte() == Some(b'}') {
                        self.bump();
                        self.finish(start, ValueKind::Object(Vec::new()))
                    } else {
                        let key = self.key()?;
                        stack.push(Frame::Object {
                            start,
                            members: Vec::new(),
                            key: Some(key),
                        });
                        continue 'next_value;
                    }
                }
                Some(b'[') => {
                    if stack.len() >= self.max_depth {
                        return Err(self.error(JsonErrorKind::TooDeep(self.max_depth)));
                    }
                    self.bump();
                    self.skip_ws();
                    if self.peek_byte() == Some(b']') {
                        self.bump();
                        self.finish(start, ValueKind::Array(Vec::new()))
                    } else {
                        stack.push(Frame::Array {
                            start,
                            items: Vec::new(),
                        });
                        continue 'next_value;
                    }
                }
                Some(b'"') => {
                    let s = self.string()?;
                    self.finish(start, ValueKind::String(s))
                }
                Some(b't') => self.literal("true", ValueKind::Bool(true))?,
                Some(b'f') => self.literal("false", ValueKind::Bool(false))?,
                Some(b'n') => self.literal("null", ValueKind::Null)?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(_) => return Err(self.unexpected("a value")),
            };
            // Attach the finished value to its parent, closing parents as
            // far as the input says.
            loop {
                let Some(frame) = stack.last_mut() else {
                    return Ok(done);
                };
                self.skip_ws();
                match frame {
                    Frame::Array { items, .. } => {
                        items.push(done);
                        match self.peek_byte() {
                            Some(b',') => {
                                self.bump();
                                continue 'next_value;
                            }
                            Some(b']') => self.bump(),
                            _ => return Err(self.unexpected("`,` or `]`")),
                        }
                    }
                    Frame::Object { members, key, .. } => {
                        if let Some(k) = key.take() {
                            members.push(Member {
                                key: k,
                                value: done,
                            });
                        }
                        match self.peek_byte() {
                            Some(b',') => {
                                self.bump();
                                let k = self.key()?;
                                *key = Some(k);
                                continue 'next_value;
                            }
                            Some(b'}') => self.bump(),
                            _ => return Err(self.unexpected("`,` or `}`")),
                        }
                    }
                }
                // The frame is closed: it becomes the finished value.
                done = match stack.pop() {
                    Some(Frame::Array { start, items }) => {
                        self.finish(start, ValueKind::Array(items))
                    }
                    Some(Frame::Object { start, members, .. }) => {
                        self.finish(start, ValueKind::Object(members))
                    }
                    None => return Err(self.error(JsonErrorKind::UnexpectedEnd("a value"))),
                };
            }
        }
    }

    fn literal(&mut self, word: &'static str, kind: ValueKind) -> Result<Value, JsonError> {
        let start = self.mark();
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        for (i, expected) in word.bytes().enumerate() {
            match rest.get(i) {
                Some(&b) if b == expected => self.bump(),
                _ => return Err(self.unexpected(word_expectation(word))),
            }
        }
        Ok(self.finish(start, kind))
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.mark();
        let mut integer = true;
        if self.peek_byte() == Some(b'-') {
            self.bump();
        }
        match self.peek_byte() {
            Some(b'0') => {
                self.bump();
                if matches!(self.peek_byte(), Some(b'0'..=b'9')) {
                    return Err(self.error(JsonErrorKind::InvalidNumber(
                        "leading zeros are not allowed",
                    )));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(JsonErrorKind::InvalidNumber("expected a digit"))),
        }
        if self.peek_byte() == Some(b'.') {
            integer = false;
            self.bump();
            if !matches!(self.peek_byte(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::InvalidNumber(
                    "expected a digit after the decimal point",
                )));
            }
            self.digits();
        }
        if matches!(self.peek_byte(), Some(b'e' | b'E')) {
            integer = false;
            self.bump();
            if matches!(self.peek_byte(), Some(b'+' | b'-')) {
                self.bump();
            }
            if !matches!(self.peek_byte(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::InvalidNumber(
                    "expected a digit in the exponent",
                )));
            }
            self.digits();
        }
        let text = self.src.get(start.offset..self.pos).unwrap_or_default();
        let float = text
            .parse::<f64>()
            .map_err(|_| self.error_at(start, JsonErrorKind::InvalidNumber("not a number")))?;
        let int = if integer {
            text.parse::<i64>().ok()
        } else {
            None
        };
        Ok(self.finish(
            start,
            ValueKind::Number(Number {
                text: text.to_string(),
                int,
                float,
            }),
        ))
    }

    fn digits(&mut self) {
        while matches!(self.peek_byte(), Some(b'0'..=b'9')) {
            self.bump();
        }
    }

    /// Reads a string starting at the opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.bump(); // opening quote
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            let Some(b) = self.peek_byte() else {
                return Err(self.error(JsonErrorKind::UnexpectedEnd("`\"` to close the string")));
            };
            match b {
                b'"' => {
                    out.push_str(self.src.get(run_start..self.pos).unwrap_or_default());
                    self.bump();
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.src.get(run_start..self.pos).unwrap_or_default());
                    self.escape(&mut out)?;
                    run_start = self.pos;
                }
                0..=0x1F => {
                    return Err(self.error(JsonErrorKind::ControlCharacter(u32::from(b))));
                }
                _ => {
                    self.pos += 1;
                    // Count characters: continuation bytes do not start one.
                    if b & 0xC0 != 0x80 {
                        self.column += 1;
                    }
                }
            }
        }
    }

    /// Reads one escape starting at the backslash, appending its character.
    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let at = self.mark();
        self.bump(); // backslash
        let Some(c) = self.peek_char() else {
            return Err(self.error(JsonErrorKind::UnexpectedEnd("an escape character")));
        };
        let simple = match c {
            '"' => Some('"'),
            '\\' => Some('\\'),
            '/' => Some('/'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'u' => None,
            other => return Err(self.error_at(at, JsonErrorKind::InvalidEscape(other))),
        };
        self.bump();
        if let Some(ch) = simple {
            out.push(ch);
            return Ok(());
        }
        let first = self.hex4(at)?;
        let code = match first {
            0xD800..=0xDBFF => {
                // A high surrogate must be followed by `\u` and a low one.
                let rest = self.bytes.get(self.pos..).unwrap_or_default();
                if !rest.starts_with(b"\\u") {
                    return Err(self.error_at(at, JsonErrorKind::LoneSurrogate(first)));
                }
                self.bump();
                self.bump();
                let second = self.hex4(at)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_at(at, JsonErrorKind::LoneSurrogate(first)));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error_at(at, JsonErrorKind::LoneSurrogate(first))),
            other => u32::from(other),
        };
        match char::from_u32(code) {
            Some(ch) => {
                out.push(ch);
                Ok(())
            }
            None => Err(self.error_at(at, JsonErrorKind::InvalidUnicodeEscape)),
        }
    }

    fn hex4(&mut self, at: Mark) -> Result<u16, JsonError> {
        let mut v: u16 = 0;
        for _ in 0..4 {
            let d = match self.peek_byte() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error_at(at, JsonErrorKind::InvalidUnicodeEscape)),
            };
            self.bump();
            v = (v << 4) | u16::from(d);
        }
        Ok(v)
    }
}

fn word_expectation(word: &str) -> &'static str {
    match word {
        "true" => "`true`",
        "false" => "`false`",
        _ => "`null`",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> JsonError {
        match parse(input.as_bytes()) {
            Ok(v) => panic!("expected an error for {input:?}, got {v:?}"),
            Err(e) => e,
        }
    }

    /// What `each_top_level` hands out, one line per piece.
    fn pieces(input: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_top_level(input.as_bytes(), |piece| {
            out.push(match piece {
                TopLevel::Value(v) => format!("value {}", &input[v.span.start..v.span.end]),
                TopLevel::ArrayStart => "array".to_string(),
                TopLevel::MemberArrayStart(keys) => format!("member {}", keys.join(".")),
                TopLevel::Element(i, v) => {
                    format!("element {i} {}", &input[v.span.start..v.span.end])
                }
                TopLevel::End => "end".to_string(),
            })
        })
        .unwrap();
        out
    }

    /// A search response's `hits.hits` and a query response's `watches`
    /// come element by element, and the object after them with the array
    /// left empty; only the first member with a key on the path counts.
    #[test]
    fn search_hits_and_watches_are_streamed() {
        let doc = r#"{"took":1,"hits":{"total":2,"hits":[{"_id":"a"},{"_id":"b"}],"max_score":1}}"#;
        assert_eq!(
            pieces(doc),
            [
                "member hits.hits",
                r#"element 0 {"_id":"a"}"#,
                r#"element 1 {"_id":"b"}"#,
                "end",
                &format!("value {doc}"),
            ]
        );
        let mut whole = parse(doc.as_bytes()).unwrap();
        let mut streamed = None;
        each_top_level(doc.as_bytes(), |p| {
            if let TopLevel::Value(v) = p {
                streamed = Some(v);
            }
        })
        .unwrap();
        // the object handed out last is the whole one with `hits.hits` empty
        if let ValueKind::Object(m) = &mut whole.kind {
            if let ValueKind::Object(inner) = &mut m[1].value.kind {
                if let ValueKind::Array(items) = &mut inner[1].value.kind {
                    items.clear();
                }
            }
        }
        assert_eq!(streamed, Some(whole));
        assert_eq!(
            pieces(r#"{"watches":[1],"hits":{"hits":[2]}}"#),
            [
                "member watches",
                "element 0 1",
                "end",
                r#"value {"watches":[1],"hits":{"hits":[2]}}"#
            ]
        );
        // a first member that is not the array hides a later one with its key
        for doc in [
            r#"{"hits":5,"hits":{"hits":[1]}}"#,
            r#"{"hits":{"hits":{},"hits":[1]}}"#,
            r#"{"watches":5,"watches":[1]}"#,
            r#"{"hits":{"total":1},"hits":{"hits":[1]}}"#,
        ] {
            assert_eq!(pieces(doc), [format!("value {doc}")], "{doc}");
        }
        // other keys stay whole
        let doc = r#"{"hit":{"hits":[1]},"hits":{"watches":[2]},"x":{"hits":{"hits":[3]}}}"#;
        assert_eq!(pieces(doc), [format!("value {doc}")]);
    }

    #[test]
    fn scalars() {
        assert_eq!(parse(b"null").unwrap().kind, ValueKind::Null);
        assert_eq!(parse(b" true ").unwrap().as_bool(), Some(true));
        assert_eq!(parse(b"false").unwrap().as_bool(), Some(false));
        assert_eq!(parse(b"\"x\"").unwrap().as_str(), Some("x"));
        let n = parse(b"-12").unwrap();
        let n = n.as_number().unwrap();
        assert_eq!((n.text.as_str(), n.int, n.float), ("-12", Some(-12), -12.0));
        let f = parse(b"1.5e2").unwrap();
        let f = f.as_number().unwrap();
        assert_eq!((f.int, f.float), (None, 150.0));
        let big = parse(b"123456789012345678901234567890").unwrap();
        let big = big.as_number().unwrap();
        assert_eq!(big.int, None);
        assert!(big.float > 1e29);
        assert_eq!(parse(b"0").unwrap().as_number().unwrap().int, Some(0));
        assert_eq!(parse(b"-0.0").unwrap().as_number().unwrap().float, 0.0);
        assert!(parse(b"1e400")
            .unwrap()
            .as_number()
            .unwrap()
            .float
            .is_infinite());
    }

    #[test]
    fn positions_of_nested_values() {
        let text = "{\n  \"a\": [1, \"xé\", {\"b\": null}],\n\t\"c\": \"d\"\n}";
        let v = parse(text.as_bytes()).unwrap();
        assert_eq!(
            (v.line, v.column, v.span),
            (
                1,
                1,
                Span {
                    start: 0,
                    end: text.len()
                }
            )
        );
        let members = v.as_object().unwrap();
        assert_eq!(members[0].key.text, "a");
        assert_eq!((members[0].key.line, members[0].key.column), (2, 3));
        let a = &members[0].value;
        assert_eq!((a.line, a.column), (2, 8));
        let items = a.as_array().unwrap();
        assert_eq!((items[0].line, items[0].column), (2, 9));
        assert_eq!((items[1].line, items[1].column), (2, 12));
        // "xé" is 4 bytes + 2 quotes but 4 characters wide.
        assert_eq!(items[1].span.end - items[1].span.start, 5);
        assert_eq!((items[2].line, items[2].column), (2, 18));
        let b = items[2].get("b").unwrap();
        assert_eq!((b.line, b.column), (2, 24));
        let c = v.get("c").unwrap();
        assert_eq!((c.line, c.column), (3, 7));
        assert_eq!(&text[c.span.start..c.span.end], "\"d\"");
    }

    #[test]
    fn columns_count_characters_after_multibyte_text() {
        let text = "[\"日本語\", \"x\"]";
        let v = parse(text.as_bytes()).unwrap();
        let items = v.as_array().unwrap();
        assert_eq!(items[0].as_str(), Some("日本語"));
        assert_eq!(items[1].column, 9);
        let emoji = "[\"😀\",1]";
        let v = parse(emoji.as_bytes()).unwrap();
        assert_eq!(v.as_array().unwrap()[1].column, 6);
    }

    #[test]
    fn escapes() {
        let v = parse(br#""a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u20AC""#).unwrap();
        assert_eq!(v.as_str(), Some("a\"b\\c/d\u{8}\u{c}\n\r\tAé€"));
        let pair = parse(br#""\ud83d\ude00""#).unwrap();
        assert_eq!(pair.as_str(), Some("😀"));
        // Columns after escapes count source characters.
        let v = parse(br#"["\u0041", 2]"#).unwrap();
        assert_eq!(v.as_array().unwrap()[1].column, 12);
    }

    #[test]
    fn escape_errors() {
        assert_eq!(err(r#""\x""#).kind, JsonErrorKind::InvalidEscape('x'));
        assert_eq!(err(r#""\u12""#).kind, JsonErrorKind::InvalidUnicodeEscape);
        assert_eq!(err(r#""\u12G4""#).kind, JsonErrorKind::InvalidUnicodeEscape);
        assert_eq!(
            err(r#""\ud83d""#).kind,
            JsonErrorKind::LoneSurrogate(0xD83D)
        );
        assert_eq!(
            err(r#""\ud83dx""#).kind,
            JsonErrorKind::LoneSurrogate(0xD83D)
        );
        assert_eq!(
            err(r#""\ud83d\u0041""#).kind,
            JsonErrorKind::LoneSurrogate(0xD83D)
        );
        assert_eq!(
            err(r#""\ude00""#).kind,
            JsonErrorKind::LoneSurrogate(0xDE00)
        );
        let e = err("\"a\tb\"");
        assert_eq!(e.kind, JsonErrorKind::ControlCharacter(9));
        assert_eq!((e.line, e.column), (1, 3));
        assert_eq!(
            err("\"abc").kind,
            JsonErrorKind::UnexpectedEnd("`\"` to close the string")
        );
        assert_eq!(
            err("\"abc\\").kind,
            JsonErrorKind::UnexpectedEnd("an escape character")
        );
    }

    #[test]
    fn grammar_errors_with_positions() {
        let e = err("{\"a\": 1,}");
        assert!(matches!(
            e.kind,
            JsonErrorKind::UnexpectedChar { found: '}', .. }
        ));
        assert_eq!((e.line, e.column), (1, 9));
        let e = err("[1,]");
        assert!(matches!(
            e.kind,
            JsonErrorKind::UnexpectedChar { found: ']', .. }
        ));
        let e = err("[1 2]");
        assert!(matches!(
            e.kind,
            JsonErrorKind::UnexpectedChar {
                found: '2',
                expected: "`,` or `]`"
            }
        ));
        let e = err("{\"a\" 1}");
        assert!(matches!(
            e.kind,
            JsonErrorKind::UnexpectedChar {
                expected: "`:` after the key",
                ..
            }
        ));
        let e = err("{a: 1}");
        assert!(matches!(
            e.kind,
            JsonErrorKind::UnexpectedChar { found: 'a', .. }
        ));
        let e = err("{\n  \"a\": tru\n}");
        assert_eq!((e.line, e.column), (2, 11));
        assert!(matches!(
            e.kind,
            JsonErrorKind::UnexpectedChar {
                expected: "`true`",
                ..
            }
        ));
        assert_eq!(err("").kind, JsonErrorKind::Empty);
        assert_eq!(err("  \n ").kind, JsonErrorKind::Empty);
        assert_eq!(err("[").kind, JsonErrorKind::UnexpectedEnd("a value"));
        assert_eq!(
            err("{\"a\":1").kind,
            JsonErrorKind::UnexpectedEnd("`,` or `}`")
        );
        assert_eq!(err("{} x").kind, JsonErrorKind::TrailingCharacters('x'));
        assert_eq!(
            err("// c\n{}").kind,
            JsonErrorKind::UnexpectedChar {
                found: '/',
                expected: "a value"
            }
        );
        assert!(matches!(
            err("'a'").kind,
            JsonErrorKind::UnexpectedChar { found: '\'', .. }
        ));
        assert!(matches!(
            err("NaN").kind,
            JsonErrorKind::UnexpectedChar { found: 'N', .. }
        ));
    }

    #[test]
    fn number_errors() {
        assert!(matches!(err("01").kind, JsonErrorKind::InvalidNumber(_)));
        assert!(matches!(err("-").kind, JsonErrorKind::InvalidNumber(_)));
        assert!(matches!(err("1.").kind, JsonErrorKind::InvalidNumber(_)));
        assert!(matches!(err("1e").kind, JsonErrorKind::InvalidNumber(_)));
        assert!(matches!(
            err(".5").kind,
            JsonErrorKind::UnexpectedChar { .. }
        ));
        assert!(matches!(
            err("+1").kind,
            JsonErrorKind::UnexpectedChar { .. }
        ));
        assert_eq!(err("1x").kind, JsonErrorKind::TrailingCharacters('x'));
    }

    #[test]
    fn invalid_utf8_points_at_the_bad_byte() {
        let e = parse(b"{\n \"a\": \"\xff\"}").unwrap_err();
        assert_eq!(e.kind, JsonErrorKind::InvalidUtf8);
        assert_eq!((e.offset, e.line, e.column), (9, 2, 8));
        assert_eq!(
            parse_all(b"\xc3").unwrap_err().kind,
            JsonErrorKind::InvalidUtf8
        );
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let v = parse("\u{FEFF}{\"a\":1}".as_bytes()).unwrap();
        assert_eq!((v.line, v.column, v.span.start), (1, 1, 3));
    }

    #[test]
    fn ndjson() {
        let text = "{\"a\":1}\n{\"b\":2}\r\n\n[3]\n";
        let docs = parse_all(text.as_bytes()).unwrap();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[1].line, 2);
        assert_eq!(docs[2].line, 4);
        assert_eq!(docs[2].as_array().unwrap()[0].column, 2);
        assert!(parse_all(b"").unwrap().is_empty());
        assert!(parse_all(b" \n ").unwrap().is_empty());
        let e = parse_all(b"{}{}").unwrap_err();
        assert_eq!(e.kind, JsonErrorKind::TrailingCharacters('{'));
        let e = parse_all(b"{}\n{\"a\":}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
        // A single document is not NDJSON-specific.
        assert_eq!(
            parse(b"{}\n{}").unwrap_err().kind,
            JsonErrorKind::TrailingCharacters('{')
        );
    }

    #[test]
    fn depth_limit() {
        let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(parse(ok.as_bytes()).is_ok());
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        assert_eq!(
            parse(deep.as_bytes()).unwrap_err().kind,
            JsonErrorKind::TooDeep(128)
        );
        let objects = "{\"a\":".repeat(200) + "1" + &"}".repeat(200);
        assert_eq!(
            parse(objects.as_bytes()).unwrap_err().kind,
            JsonErrorKind::TooDeep(128)
        );
        assert!(parse_with_depth(b"[[1]]", 1).is_err());
        assert!(parse_with_depth(b"[1]", 1).is_ok());
    }

    #[test]
    fn huge_nesting_does_not_overflow_the_stack() {
        // One million open brackets: rejected by the limit, and even with the
        // limit lifted the reader does not recurse.
        let deep = "[".repeat(1_000_000);
        assert_eq!(
            parse(deep.as_bytes()).unwrap_err().kind,
            JsonErrorKind::TooDeep(128)
        );
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let v = parse_with_depth(text.as_bytes(), usize::MAX).unwrap();
        // Dropping a 100 000-deep tree recursively would overflow; take it
        // apart iteratively.
        let mut stack = vec![v];
        while let Some(mut v) = stack.pop() {
            if let ValueKind::Array(items) = &mut v.kind {
                stack.append(items);
            }
        }
    }

    #[test]
    fn garbage_never_panics() {
        let samples: [&[u8]; 14] = [
            b"\"\\u",
            b"\"\\ud800\\u",
            b"[\"\\",
            b"{\"",
            b"{\"a\"",
            b"{\"a\":",
            b"-",
            b"tr",
            b"\x00",
            b"[1,",
            b"\"\xe2\x82\"",
            b"\xef\xbb\xbf",
            b"}",
            b"]]]",
        ];
        for s in samples {
            assert!(parse(s).is_err(), "{s:?}");
            let _ = parse_all(s);
        }
        // Every prefix of a valid document is handled.
        let doc = br#"{"a":[1,-2.5e3,"\u00e9\ud83d\ude00",true,false,null,{"b":{}}]}"#;
        for i in 0..doc.len() {
            assert!(parse(&doc[..i]).is_err());
        }
        assert!(parse(doc).is_ok());
    }

    #[test]
    fn duplicate_keys_are_kept_in_order() {
        let v = parse(br#"{"a":1,"a":2}"#).unwrap();
        let m = v.as_object().unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(v.get("a").unwrap().as_number().unwrap().int, Some(1));
    }

    #[test]
    fn compact_rendering() {
        let v = parse(br#" { "a" : [1, "x\"y", null, true], "b": {} } "#).unwrap();
        assert_eq!(v.to_string(), r#"{"a":[1,"x\"y",null,true],"b":{}}"#);
        assert_eq!(v.to_json_truncated(10), "{\"a\":[1,\"…");
        assert_eq!(v.type_name(), "object");
    }
}
