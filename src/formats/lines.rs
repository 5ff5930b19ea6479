//! One cron expression per line (`cronkit validate -f FILE --input lines`).
//!
//! Rules and decisions:
//! - Blank lines (only spaces, tabs, `\r`, form feeds, vertical tabs) are
//!   skipped.
//! - A line whose first non-blank character is `#` is a comment and skipped.
//! - A `#` *after* an expression is **not** a comment: `#` is valid cron syntax
//!   in the day-of-week field (`0 0 12 ? * 6#3`), and silently cutting a
//!   line at `#` could hide a typo such as `6 #3` from the validator. Trailing
//!   text therefore stays in the expression and the parser reports it.
//! - Leading and trailing blanks are trimmed; [`Located::column`] and
//!   [`Located::byte_offset`] point at the first character of the expression.
//! - Lines end at `\n`; a `\r` before the `\n` (CRLF) is dropped. A UTF-8
//!   byte-order mark at the start of the input is ignored (not a column).
//! - Streaming: [`parse_lines`] walks a `&str` and [`read_lines`] a
//!   [`BufRead`], both yielding one item at a time without collecting. The
//!   reader reads bytes per line, so a non-UTF-8 line gives
//!   [`InputError::InvalidUtf8`] naming that line and reading goes on with the
//!   next line. Lines longer than [`MAX_LINE_BYTES`] give
//!   [`InputError::LineTooLong`]. An I/O error ends the iteration.
//! - No dialect is implied ([`Located::dialect_hint`] is `None`).

use std::io::{BufRead, ErrorKind};

use super::{InputError, Located, MAX_LINE_BYTES};

const BOM: &str = "\u{feff}";

/// Blank characters trimmed around expressions and between crontab fields'
/// surroundings (ASCII white space except `\n`).
pub(crate) fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\x0B' | '\x0C')
}

/// Number of characters in a byte slice that is valid UTF-8 up to its end
/// (counts the bytes that are not UTF-8 continuation bytes).
pub(crate) fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// 1-based column of byte index `idx` of `line`.
pub(crate) fn column_at(line: &str, idx: usize) -> u32 {
    let idx = idx.min(line.len());
    u32::try_from(char_count(&line.as_bytes()[..idx]))
        .unwrap_or(u32::MAX - 1)
        .saturating_add(1)
}

/// One line of input: `text` has no line terminator (and no BOM), `offset` is
/// the byte offset of `text`'s first byte in the whole input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawLine<'a> {
    pub text: &'a str,
    pub number: u32,
    pub offset: usize,
}

/// Splits a `&str` into [`RawLine`]s.
#[derive(Debug, Clone)]
pub(crate) struct StrLines<'a> {
    rest: &'a str,
    offset: usize,
    number: u32,
}

impl<'a> StrLines<'a> {
    pub fn new(text: &'a str) -> Self {
        StrLines {
            rest: text,
            offset: 0,
            number: 0,
        }
    }
}

impl<'a> Iterator for StrLines<'a> {
    type Item = Result<RawLine<'a>, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        self.number = self.number.saturating_add(1);
        let (mut line, consumed) = match self.rest.find('\n') {
            Some(i) => (&self.rest[..i], i + 1),
            None => (self.rest, self.rest.len()),
        };
        let mut offset = self.offset;
        self.rest = &self.rest[consumed..];
        self.offset += consumed;
        if self.number == 1 {
            if let Some(stripped) = line.strip_prefix(BOM) {
                line = stripped;
                offset += BOM.len();
            }
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.len() > MAX_LINE_BYTES {
            return Some(Err(InputError::LineTooLong {
                line: self.number,
                byte_offset: offset,
                max: MAX_LINE_BYTES,
            }));
        }
        Some(Ok(RawLine {
            text: line,
            number: self.number,
            offset,
        }))
    }
}

/// How far past [`MAX_LINE_BYTES`] an over-long line is skipped in search of
/// its end before the input is given up: an endless line (`/dev/zero`, a pipe
/// that never sends a newline) must end the run, not read forever.
pub const MAX_SKIP_BYTES: u64 = 256 << 20;

/// Reads a [`BufRead`] line by line as bytes, with a bounded line buffer.
///
/// A line that passes [`MAX_LINE_BYTES`] is reported at once (the caller sees
/// [`InputError::LineTooLong`] without waiting for the newline); the next call
/// skips the rest of that line, at most [`MAX_SKIP_BYTES`] of it.
#[derive(Debug)]
pub(crate) struct ReadLines<R> {
    reader: R,
    buf: Vec<u8>,
    offset: usize,
    number: u32,
    done: bool,
    /// The last line was reported too long before its end was read.
    skipping: bool,
}

impl<R: BufRead> ReadLines<R> {
    pub fn new(reader: R) -> Self {
        ReadLines {
            reader,
            buf: Vec::new(),
            offset: 0,
            number: 0,
            done: false,
            skipping: false,
        }
    }

    /// Skip to the end of the over-long line reported last; an error when its
    /// end does not come within [`MAX_SKIP_BYTES`].
    fn skip_rest(&mut self) -> Result<(), InputError> {
        let mut skipped = 0u64;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(avail) => avail,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(InputError::Io {
                        line: self.number,
                        source,
                    })
                }
            };
            if avail.is_empty() {
                return Ok(());
            }
            let (len, found) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            self.reader.consume(len);
            self.offset += len;
            skipped += len as u64;
            if found {
                return Ok(());
            }
            if skipped > MAX_SKIP_BYTES {
                return Err(InputError::Io {
                    line: self.number,
                    source: std::io::Error::new(
                        ErrorKind::InvalidData,
                        format!(
                            "line {} has no end within {} MiB; the rest of the input was not read",
                            self.number,
                            (MAX_SKIP_BYTES + MAX_LINE_BYTES as u64) >> 20
                        ),
                    ),
                });
            }
        }
    }

    /// Reads the next line; the returned [`RawLine`] borrows the internal
    /// buffer.
    pub fn next_line(&mut self) -> Option<Result<RawLine<'_>, InputError>> {
        if self.done {
            return None;
        }
        if self.skipping {
            self.skipping = false;
            if let Err(e) = self.skip_rest() {
                self.done = true;
                return Some(Err(e));
            }
        }
        self.buf.clear();
        let mut consumed = 0usize;
        let mut truncated = false;
        // Keep room for the longest accepted line plus "\r\n".
        let cap = MAX_LINE_BYTES + 2;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(avail) => avail,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(source) => {
                    self.done = true;
                    return Some(Err(InputError::Io {
                        line: self.number.saturating_add(1),
                        source,
                    }));
                }
            };
            if avail.is_empty() {
                break;
            }
            let (len, found) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            let take = len.min(cap - self.buf.len());
            self.buf.extend_from_slice(&avail[..take]);
            self.reader.consume(take);
            consumed += take;
            if take < len {
                // Past the limit: report now, skip the rest on the next call.
                truncated = true;
                self.skipping = true;
                break;
            }
            if found {
                break;
            }
        }
        if consumed == 0 {
            self.done = true;
            return None;
        }
        self.number = self.number.saturating_add(1);
        let mut offset = self.offset;
        self.offset += consumed;

        let mut bytes: &[u8] = &self.buf;
        if self.number == 1 {
            if let Some(stripped) = bytes.strip_prefix(BOM.as_bytes()) {
                bytes = stripped;
                offset += BOM.len();
            }
        }
        bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if truncated || bytes.len() > MAX_LINE_BYTES {
            return Some(Err(InputError::LineTooLong {
                line: self.number,
                byte_offset: offset,
                max: MAX_LINE_BYTES,
            }));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Some(Ok(RawLine {
                text,
                number: self.number,
                offset,
            })),
            Err(e) => {
                let valid = e.valid_up_to();
                let column = u32::try_from(char_count(&bytes[..valid]))
                    .unwrap_or(u32::MAX - 1)
                    .saturating_add(1);
                Some(Err(InputError::InvalidUtf8 {
                    line: self.number,
                    column,
                    byte_offset: offset + valid,
                }))
            }
        }
    }
}

/// The expression on one line, if the line holds one.
fn line_expr(line: RawLine<'_>) -> Option<Located> {
    let start = line.text.find(|c: char| !is_blank(c))?;
    let rest = &line.text[start..];
    if rest.starts_with('#') {
        return None;
    }
    Some(Located {
        text: rest.trim_end_matches(is_blank).to_owned(),
        line: line.number,
        column: column_at(line.text, start),
        byte_offset: line.offset + start,
        context: None,
        dialect_hint: None,
        context_column: None,
        zone: None,
    })
}

/// The expressions of a one-per-line text, one at a time.
///
/// ```
/// use cronkit::formats::lines::parse_lines;
/// let found: Vec<_> = parse_lines("# nightly\n  0 3 * * *\n").collect::<Result<_, _>>().unwrap();
/// assert_eq!(found[0].text, "0 3 * * *");
/// assert_eq!((found[0].line, found[0].column, found[0].byte_offset), (2, 3, 12));
/// ```
pub fn parse_lines(text: &str) -> LineExprs<'_> {
    LineExprs {
        lines: StrLines::new(text),
    }
}

/// The expressions of a one-per-line input read from `reader`, one at a time
/// (bytes are read per line; a non-UTF-8 line is an error for that line only).
///
/// ```
/// use cronkit::formats::lines::read_lines;
/// let input: &[u8] = b"0 3 * * *\n\xff\n";
/// let found: Vec<_> = read_lines(input).collect();
/// assert_eq!(found[0].as_ref().unwrap().text, "0 3 * * *");
/// assert_eq!(found[1].as_ref().unwrap_err().line(), 2);
/// ```
pub fn read_lines<R: BufRead>(reader: R) -> LineExprsReader<R> {
    LineExprsReader {
        lines: ReadLines::new(reader),
    }
}

/// Iterator returned by [`parse_lines`].
#[derive(Debug, Clone)]
pub struct LineExprs<'a> {
    lines: StrLines<'a>,
}

impl Iterator for LineExprs<'_> {
    type Item = Result<Located, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.lines.next()? {
                Err(e) => return Some(Err(e)),
                Ok(line) => {
                    if let Some(found) = line_expr(line) {
                        return Some(Ok(found));
                    }
                }
            }
        }
    }
}

/// Iterator returned by [`read_lines`].
#[derive(Debug)]
pub struct LineExprsReader<R> {
    lines: ReadLines<R>,
}

impl<R: BufRead> Iterator for LineExprsReader<R> {
    type Item = Result<Located, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.lines.next_line()? {
                Err(e) => return Some(Err(e)),
                Ok(line) => {
                    if let Some(found) = line_expr(line) {
                        return Some(Ok(found));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Located> {
        let a: Vec<Located> = parse_lines(text).map(|r| r.unwrap()).collect();
        let b: Vec<Located> = read_lines(text.as_bytes()).map(|r| r.unwrap()).collect();
        assert_eq!(a, b, "str and reader APIs disagree");
        a
    }

    fn pos(l: &Located) -> (&str, u32, u32, usize) {
        (l.text.as_str(), l.line, l.column, l.byte_offset)
    }

    #[test]
    fn simple_lines_and_positions() {
        let found = all("0 3 * * *\n*/5 * * * * *\n");
        assert_eq!(found.len(), 2);
        assert_eq!(pos(&found[0]), ("0 3 * * *", 1, 1, 0));
        assert_eq!(pos(&found[1]), ("*/5 * * * * *", 2, 1, 10));
        assert_eq!(found[0].context, None);
        assert_eq!(found[0].dialect_hint, None);
    }

    #[test]
    fn blank_and_comment_lines_skipped() {
        let text = "\n   \n# comment\n   # indented comment\n\t\n0 0 12 ? * MON\n";
        let found = all(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            pos(&found[0]),
            ("0 0 12 ? * MON", 6, 1, text.find('0').unwrap())
        );
    }

    #[test]
    fn indentation_and_tabs() {
        let text = "  \t 0 3 * * *\t \n\t\t@daily\n";
        let found = all(text);
        assert_eq!(pos(&found[0]), ("0 3 * * *", 1, 5, 4));
        assert_eq!(pos(&found[1]), ("@daily", 2, 3, 18));
        assert_eq!(&text[18..24], "@daily");
    }

    #[test]
    fn crlf() {
        let text = "0 3 * * *\r\n\r\n  5 4 * * *\r\n";
        let found = all(text);
        assert_eq!(found.len(), 2);
        assert_eq!(pos(&found[0]), ("0 3 * * *", 1, 1, 0));
        assert_eq!(pos(&found[1]), ("5 4 * * *", 3, 3, 15));
        assert_eq!(&text[15..24], "5 4 * * *");
    }

    #[test]
    fn no_trailing_newline() {
        let found = all("a\nb");
        assert_eq!(pos(&found[1]), ("b", 2, 1, 2));
    }

    #[test]
    fn trailing_hash_is_not_a_comment() {
        let found = all("0 0 12 ? * 6#3\n0 0 * * * # nightly\n");
        assert_eq!(found[0].text, "0 0 12 ? * 6#3");
        assert_eq!(found[1].text, "0 0 * * * # nightly");
    }

    #[test]
    fn columns_count_characters() {
        // "é" is two bytes but one column; NBSP is not trimmed.
        let text = "\u{a0}0 3 * * *\n";
        let found = all(text);
        assert_eq!(pos(&found[0]), ("\u{a0}0 3 * * *", 1, 1, 0));
        let text = "\té 1\n";
        let found = all(text);
        assert_eq!(pos(&found[0]), ("é 1", 1, 2, 1));
    }

    #[test]
    fn bom_is_skipped() {
        let text = "\u{feff}  0 3 * * *\n1 2 * * *\n";
        let found = all(text);
        assert_eq!(pos(&found[0]), ("0 3 * * *", 1, 3, 5));
        assert_eq!(pos(&found[1]), ("1 2 * * *", 2, 1, 15));
    }

    #[test]
    fn empty_input() {
        assert!(all("").is_empty());
        assert!(all("\n\n").is_empty());
    }

    #[test]
    fn invalid_utf8_names_the_line_and_continues() {
        let input: &[u8] = b"0 3 * * *\n  ab\xff\xfe\n\xc3\xa9\xc3\n1 2 * * *\n";
        let found: Vec<_> = read_lines(input).collect();
        assert_eq!(found.len(), 4);
        match &found[1] {
            Err(InputError::InvalidUtf8 {
                line,
                column,
                byte_offset,
            }) => assert_eq!((*line, *column, *byte_offset), (2, 5, 14)),
            other => panic!("unexpected {other:?}"),
        }
        match &found[2] {
            Err(InputError::InvalidUtf8 {
                line,
                column,
                byte_offset,
            }) => assert_eq!((*line, *column, *byte_offset), (3, 2, 19)),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(pos(found[3].as_ref().unwrap()), ("1 2 * * *", 4, 1, 21));
    }

    #[test]
    fn long_line_is_an_error_and_skipped() {
        let mut text = "x".repeat(MAX_LINE_BYTES + 10);
        text.push_str("\n0 3 * * *\n");
        for found in [
            parse_lines(&text).collect::<Vec<_>>(),
            read_lines(text.as_bytes()).collect::<Vec<_>>(),
        ] {
            assert_eq!(found.len(), 2);
            assert!(matches!(
                found[0],
                Err(InputError::LineTooLong {
                    line: 1,
                    byte_offset: 0,
                    ..
                })
            ));
            let second = found[1].as_ref().unwrap();
            assert_eq!((second.line, second.byte_offset), (2, MAX_LINE_BYTES + 11));
        }
        // Exactly the limit is fine, also with CRLF.
        let text = format!("{}\r\n", "y".repeat(MAX_LINE_BYTES));
        assert!(read_lines(text.as_bytes()).all(|r| r.is_ok()));
        assert!(parse_lines(&text).all(|r| r.is_ok()));
    }

    #[test]
    fn reader_with_tiny_buffer() {
        let text = "# c\n  0 3 * * *\r\n\n\t*/5 * * * *";
        let reader = std::io::BufReader::with_capacity(1, text.as_bytes());
        let found: Vec<Located> = read_lines(reader).map(|r| r.unwrap()).collect();
        let expected: Vec<Located> = parse_lines(text).map(|r| r.unwrap()).collect();
        assert_eq!(found, expected);
        assert_eq!(pos(&found[1]), ("*/5 * * * *", 4, 2, 19));
    }

    #[test]
    fn io_error_ends_iteration() {
        struct Failing(bool);
        impl std::io::Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.0 {
                    return Err(std::io::Error::other("boom"));
                }
                self.0 = true;
                let data = b"0 3 * * *\n";
                buf[..data.len()].copy_from_slice(data);
                Ok(data.len())
            }
        }
        let found: Vec<_> = read_lines(std::io::BufReader::new(Failing(false))).collect();
        assert_eq!(found.len(), 2);
        assert!(found[0].is_ok());
        assert!(matches!(found[1], Err(InputError::Io { line: 2, .. })));
    }

    #[test]
    fn streams_without_collecting() {
        // A million lines: iterate lazily, take just a few.
        let text = "0 3 * * *\n".repeat(1_000_000);
        let mut it = parse_lines(&text);
        let third = it.nth(2).unwrap().unwrap();
        assert_eq!((third.line, third.byte_offset), (3, 20));
        assert_eq!(parse_lines(&text).count(), 1_000_000);
    }
}
