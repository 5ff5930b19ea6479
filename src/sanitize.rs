//! The output sanitiser: every piece of text that comes from input (an
//! expression, a schedule id, a JSON key or value, an XML element name, a time
//! zone, a file path, a crontab command) passes through here before it reaches
//! stdout or stderr, in every subcommand and format.
//!
//! Input files are untrusted. Printed raw, a newline in a watch `_id` starts a
//! new line that a GitHub Actions runner obeys as a workflow command
//! (`::error::…`, `::add-mask::…`, `::stop-commands::…`), and an ESC or BEL
//! recolours, retitles or clears the reader's terminal. So:
//!
//! - [`escape`] shows a text on one line, whole: every control character (C0,
//!   DEL, C1), the Unicode line and paragraph separators and the bidirectional
//!   controls are written as Rust-style escapes (`\n`, `\t`, `\u{1b}`); a
//!   leading `:` (after any white space) is written `\u{3a}` and `##[` as
//!   `#\u{23}[`, so that the text can never open a workflow command, even when
//!   it is the first thing on a line (the runner trims leading white space and
//!   also obeys the older `##[command]` form anywhere in a line).
//! - [`quote`] does the same and also cuts a long text to [`QUOTE_WIDTH`]
//!   characters, stating the full length: a 50 MB id makes a short message.
//! - [`github`] escapes the message and the properties of a workflow command
//!   that cronkit itself writes (`--format github`).
//! - [`json`] writes JSON whose strings carry the same characters \u-escaped, so
//!   JSON output keeps the data exact and still holds no raw control character.
//!
//! The backslash itself is not escaped, so escaping is idempotent: text that
//! already went through [`escape`] passes through it unchanged, and a renderer
//! may escape a whole composed message as a last guard without doubling
//! anything.
//!
//! ```
//! use cronkit::sanitize::{escape, quote};
//!
//! assert_eq!(escape("x\n::error::forged").to_string(), "x\\n::error::forged");
//! assert_eq!(escape("::error::forged").to_string(), "\\u{3a}:error::forged");
//! let long = "7".repeat(500_000);
//! assert!(quote(&long).to_string().ends_with("… (500000 bytes)"));
//! ```

use std::borrow::Cow;
use std::fmt;

/// The most characters a [`quote`] shows; longer texts keep their first
/// `QUOTE_WIDTH - 20` characters, then an ellipsis and their length in bytes.
/// Every real cron expression, id and zone name fits.
pub const QUOTE_WIDTH: usize = 120;

/// Whether `c` must never reach the output raw: control characters (C0 with
/// tab and newline, DEL, C1), the Unicode line and paragraph separators, and
/// the bidirectional formatting controls (which can make a terminal show text
/// in an order other than the bytes').
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Whether `s` needs any escaping at all (the common case is no).
fn needs_escape(s: &str) -> bool {
    let trimmed = s.trim_start();
    trimmed.starts_with(':') || s.contains("##[") || s.chars().any(is_unsafe_char)
}

/// Write `s` escaped (see the module docs), stopping before the output
/// would pass `limit` characters; returns whether everything was written.
fn write_escaped(out: &mut impl fmt::Write, s: &str, limit: usize) -> Result<bool, fmt::Error> {
    write_escaped_at(out, s, limit, true)
}

/// [`write_escaped`] for a piece that starts a line (`line_start`) or
/// continues one: only a line's first `:` can open a workflow command, so a
/// piece in the middle of a message ("write `L`: `0 0 L * ?`") keeps its `:`.
fn write_escaped_at(
    out: &mut impl fmt::Write,
    s: &str,
    limit: usize,
    line_start: bool,
) -> Result<bool, fmt::Error> {
    let mut shown = 0usize;
    let mut leading = line_start;
    let mut prev = '\0';
    let mut chars = s.chars().peekable();
    let mut buf = [0u8; 4];
    while let Some(c) = chars.next() {
        let escaped: String;
        let piece: &str = if is_unsafe_char(c) {
            escaped = c.escape_debug().collect();
            &escaped
        } else if leading && c == ':' {
            "\\u{3a}"
        } else if c == '#' && prev == '#' && chars.peek() == Some(&'[') {
            "\\u{23}"
        } else {
            c.encode_utf8(&mut buf)
        };
        if !c.is_whitespace() {
            leading = false;
        }
        prev = c;
        let width = piece.chars().count();
        if shown + width > limit {
            return Ok(false);
        }
        out.write_str(piece)?;
        shown += width;
    }
    Ok(true)
}

/// A text shown whole on one line; see [`escape`].
#[derive(Clone, Copy, Debug)]
pub struct Escaped<'a>(&'a str);

/// A text shown on one line, cut to [`QUOTE_WIDTH`]; see [`quote`].
#[derive(Clone, Copy, Debug)]
pub struct Quoted<'a>(&'a str);

/// Show input text whole, on one line, with nothing a terminal or CI runner
/// would act on. Use it where the reader needs every character (an
/// expression under a caret line, a converted expression); anywhere else use
/// [`quote`].
pub fn escape(s: &str) -> Escaped<'_> {
    Escaped(s)
}

/// Show input text on one line, with nothing a terminal or CI runner would act
/// on, cut to [`QUOTE_WIDTH`] characters with its length stated.
pub fn quote(s: &str) -> Quoted<'_> {
    Quoted(s)
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !needs_escape(self.0) {
            return f.write_str(self.0);
        }
        write_escaped(f, self.0, usize::MAX).map(|_| ())
    }
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.len() <= QUOTE_WIDTH && !needs_escape(self.0) {
            return f.write_str(self.0);
        }
        let mut head = String::with_capacity(QUOTE_WIDTH * 2);
        if write_escaped(&mut head, self.0, QUOTE_WIDTH)? {
            return f.write_str(&head);
        }
        head.clear();
        write_escaped(&mut head, self.0, QUOTE_WIDTH - 20)?;
        write!(f, "{head}… ({} bytes)", self.0.len())
    }
}

/// [`escape`] as an owned string, borrowing when nothing changes.
pub fn escaped(s: &str) -> Cow<'_, str> {
    if needs_escape(s) {
        Cow::Owned(escape(s).to_string())
    } else {
        Cow::Borrowed(s)
    }
}

/// [`quote`] as an owned string, borrowing when nothing changes.
pub fn quoted(s: &str) -> Cow<'_, str> {
    if s.len() <= QUOTE_WIDTH && !needs_escape(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(quote(s).to_string())
    }
}

/// The longest message [`message`] lets through whole (characters).
pub const MESSAGE_WIDTH: usize = 1000;

/// The last guard for a whole message (cronkit's text with input quoted in
/// it), applied by every renderer: [`escape`]d, every `` `quoted` `` piece
/// longer than [`QUOTE_WIDTH`] cut as [`quote`] cuts, and the whole cut to
/// [`MESSAGE_WIDTH`] characters with its length stated. Text that already went
/// through [`quote`] passes unchanged.
pub fn message(s: &str) -> Cow<'_, str> {
    if s.len() <= QUOTE_WIDTH && !needs_escape(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().min(MESSAGE_WIDTH + 64));
    let mut quoted = false;
    for (i, part) in s.split('`').enumerate() {
        if i > 0 {
            out.push('`');
            quoted = !quoted;
        }
        // `write!` into a String cannot fail
        let _ = if quoted {
            fmt::write(&mut out, format_args!("{}", Quoted(part)))
        } else {
            write_escaped_at(&mut out, part, usize::MAX, i == 0).map(|_| ())
        };
        if out.len() > 4 * MESSAGE_WIDTH {
            break;
        }
    }
    if let Some((at, _)) = out.char_indices().nth(MESSAGE_WIDTH) {
        out.truncate(at);
        out.push_str(&format!("… (message of {} bytes cut)", s.len()));
    }
    Cow::Owned(out)
}

/// A file path for messages: lossily decoded (a name that is not UTF-8 shows
/// `�` where its bytes are not), then [`escape`]d.
pub fn path(p: &std::path::Path) -> String {
    escape(&p.to_string_lossy()).to_string()
}

/// Escaping for the GitHub Actions workflow commands cronkit writes
/// (`::error file=…,line=…::message`), as the runner unescapes them.
pub mod github {
    /// The message part: `%`, CR and LF are percent-encoded. The message is
    /// cronkit's own text (its lines are joined by `\n`) with every input
    /// piece already passed through [`super::quote`] or [`super::escape`].
    pub fn message(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '%' => out.push_str("%25"),
                '\r' => out.push_str("%0D"),
                '\n' => out.push_str("%0A"),
                c if super::is_unsafe_char(c) => out.extend(c.escape_debug()),
                c => out.push(c),
            }
        }
    }

    /// A property value (`file=`, `title=`): as [`message`], plus `:` and `,`,
    /// which end a property.
    pub fn property(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                ':' => out.push_str("%3A"),
                ',' => out.push_str("%2C"),
                c => message(c.encode_utf8(&mut [0; 4]), out),
            }
        }
    }
}

/// JSON output whose strings hold no raw control character: serde_json
/// escapes C0 itself; this also writes DEL, C1, the line separators and the
/// bidirectional controls as `\uXXXX`, so the data stay exact and a terminal
/// or log showing the JSON is safe.
pub mod json {
    use std::io;

    use serde::Serialize;
    use serde_json::ser::{CompactFormatter, Formatter, Serializer};

    /// serde_json's compact formatter with the extra escapes.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct SafeFormatter;

    impl Formatter for SafeFormatter {
        fn write_string_fragment<W: ?Sized + io::Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> io::Result<()> {
            let mut rest = fragment;
            while let Some((at, c)) = rest.char_indices().find(|&(at, c)| {
                super::is_unsafe_char(c) || (c == '#' && rest[at..].starts_with("##["))
            }) {
                writer.write_all(&rest.as_bytes()[..at])?;
                if c == '#' {
                    // `##[` is a command form the GitHub runner finds anywhere
                    // in a line: `#\u0023[` reads back as the same string
                    writer.write_all(b"#\\u0023")?;
                    rest = &rest[at + 2..];
                } else {
                    write!(writer, "\\u{:04x}", c as u32)?;
                    rest = &rest[at + c.len_utf8()..];
                }
            }
            CompactFormatter.write_string_fragment(writer, rest)
        }
    }

    /// `serde_json::to_writer` with [`SafeFormatter`].
    pub fn to_writer<W: io::Write, T: ?Sized + Serialize>(w: W, value: &T) -> io::Result<()> {
        let mut ser = Serializer::with_formatter(w, SafeFormatter);
        // `From` keeps the kind of an I/O error (a closed pipe stays `BrokenPipe`)
        value.serialize(&mut ser).map_err(io::Error::from)
    }

    /// `serde_json::to_vec` with [`SafeFormatter`].
    pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> io::Result<Vec<u8>> {
        let mut v = Vec::with_capacity(128);
        to_writer(&mut v, value)?;
        Ok(v)
    }

    /// `serde_json::to_string` with [`SafeFormatter`].
    pub fn to_string<T: ?Sized + Serialize>(value: &T) -> String {
        // the formatter writes only ASCII escapes and the input's own UTF-8
        to_vec(value)
            .ok()
            .and_then(|v| String::from_utf8(v).ok())
            .unwrap_or_else(|| "null".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("plain 0 0 * * ?").to_string(), "plain 0 0 * * ?");
        assert_eq!(
            escape("a\nb\tc\u{1b}[31m").to_string(),
            "a\\nb\\tc\\u{1b}[31m"
        );
        assert_eq!(escape("x\u{85}y\u{7f}z").to_string(), "x\\u{85}y\\u{7f}z");
        assert_eq!(escape("\u{202e}evil").to_string(), "\\u{202e}evil");
        assert_eq!(escape("::error::x").to_string(), "\\u{3a}:error::x");
        assert_eq!(escape("  ::x").to_string(), "  \\u{3a}:x");
        // only the first `:` of a line can open a command
        let long = format!("{} write `L`: `0 0 L * ?`", "for the last day ".repeat(8));
        assert_eq!(message(&long).as_ref(), long);
        assert_eq!(message("::error::x `y`").as_ref(), "\\u{3a}:error::x `y`");
        assert_eq!(escape("a ::x").to_string(), "a ::x");
        assert_eq!(escape("say ##[error]x").to_string(), "say #\\u{23}[error]x");
        // idempotent
        for s in ["a\nb", "::x", "##[e]", "\u{1b}"] {
            let once = escape(s).to_string();
            assert_eq!(escape(&once).to_string(), once, "{s:?}");
        }
    }

    #[test]
    fn quotes_are_cut_with_their_length() {
        let s = "9".repeat(500);
        let q = quote(&s).to_string();
        assert!(q.starts_with(&"9".repeat(QUOTE_WIDTH - 20)));
        assert!(q.ends_with("… (500 bytes)"), "{q}");
        assert!(q.chars().count() < QUOTE_WIDTH + 20);
        let fits = "8".repeat(QUOTE_WIDTH);
        assert_eq!(quote(&fits).to_string(), fits);
        // escapes count toward the width
        let nl = "\n".repeat(QUOTE_WIDTH);
        assert!(quote(&nl)
            .to_string()
            .ends_with(&format!("… ({QUOTE_WIDTH} bytes)")));
    }

    #[test]
    fn messages_are_guarded_whole() {
        assert_eq!(message("plain text"), "plain text");
        let text = format!("unknown field `{}` here\n::error::x", "k".repeat(300));
        let m = message(&text);
        assert!(m.contains("… (300 bytes)` here\\n::error::x"), "{m}");
        let huge = "x".repeat(50_000);
        let m = message(&huge);
        assert!(m.ends_with("… (message of 50000 bytes cut)"));
        assert!(m.chars().count() < MESSAGE_WIDTH + 40);
    }

    #[test]
    fn github_escaping() {
        let mut m = String::new();
        github::message("100%\r\nx\u{1b}", &mut m);
        assert_eq!(m, "100%25%0D%0Ax\\u{1b}");
        let mut p = String::new();
        github::property("a:b,c\n", &mut p);
        assert_eq!(p, "a%3Ab%2Cc%0A");
    }

    #[test]
    fn json_strings_escape_c1_and_bidi() {
        let s = json::to_string(&"a\u{1b}b\u{85}c\u{7f}d\u{202e}e\n##[x");
        assert_eq!(s, "\"a\\u001bb\\u0085c\\u007fd\\u202ee\\n#\\u0023[x\"");
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "a\u{1b}b\u{85}c\u{7f}d\u{202e}e\n##[x");
    }
}
