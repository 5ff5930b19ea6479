//! Parse diagnostics: what went wrong, where, and how to fix it.
//!
//! Every rejection carries a stable kebab-case [`DiagnosticData::code`], the dialect,
//! the field, the byte span(s) of the offending text, a one-line message and,
//! where one exists, a `help:` line with a corrected expression. The renderer
//! prints it the way a compiler does:
//!
//! ```text
//! error[both-day-fields]: day-of-month and day-of-week are both set
//!   |
//!   | 0 0 12 1 * MON
//!   |        ^   ^^^
//!   = help: Quartz needs `?` in one of them: `0 0 12 1 * ?` or `0 0 12 ? * MON`
//! ```

use super::{Dialect, FieldKind, Span};

/// A parse error with everything needed to explain it.
///
/// The details live behind one box ([`DiagnosticData`], reached through `Deref`, so
/// `diagnostic.code` works) to keep every `Result` the parser returns small: the
/// happy path should not pay for moving a large error type around.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.message)]
pub struct Diagnostic(Box<DiagnosticData>);

impl std::ops::Deref for Diagnostic {
    type Target = DiagnosticData;
    fn deref(&self) -> &DiagnosticData {
        &self.0
    }
}

impl std::ops::DerefMut for Diagnostic {
    fn deref_mut(&mut self) -> &mut DiagnosticData {
        &mut self.0
    }
}

/// The fields of a [`Diagnostic`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagnosticData {
    /// Stable kebab-case identifier, e.g. `value-out-of-range`.
    pub code: &'static str,
    /// The dialect the expression was read in (`None` when no dialect could be chosen).
    pub dialect: Option<Dialect>,
    /// The field the problem is in, when it is in one.
    pub field: Option<FieldKind>,
    /// Byte spans of the offending text (at least one unless the input is empty).
    pub spans: Vec<Span>,
    /// One line saying what is wrong.
    pub message: String,
    /// A suggestion, ideally with a corrected expression.
    pub help: Option<String>,
    /// The text that was parsed (kept so the diagnostic can be rendered alone).
    pub input: String,
}

impl Diagnostic {
    pub(crate) fn new(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic(Box::new(DiagnosticData {
            code,
            dialect: None,
            field: None,
            spans: Vec::new(),
            message: message.into(),
            help: None,
            input: String::new(),
        }))
    }

    pub(crate) fn at(mut self, span: Span) -> Self {
        self.spans.push(span);
        self
    }

    pub(crate) fn in_field(mut self, field: FieldKind) -> Self {
        self.field = Some(field);
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The first span, or an empty span at 0.
    pub fn primary_span(&self) -> Span {
        self.spans
            .first()
            .copied()
            .unwrap_or(Span { start: 0, end: 0 })
    }

    /// Render like a compiler diagnostic, without colour.
    pub fn render(&self) -> String {
        self.render_with(&Style::plain())
    }

    /// Render with the given style (colour codes around parts).
    pub fn render_with(&self, style: &Style) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{}error[{}]{}: {}\n",
            style.error, self.code, style.reset, self.message
        ));
        let (line, carets) = caret_lines(&self.input, &self.spans);
        out.push_str(&format!("{}  |{}\n", style.gutter, style.reset));
        out.push_str(&format!("{}  |{} {}\n", style.gutter, style.reset, line));
        out.push_str(&format!(
            "{}  |{} {}{}{}\n",
            style.gutter, style.reset, style.caret, carets, style.reset
        ));
        if let Some(help) = &self.help {
            out.push_str(&format!(
                "{}  = help:{} {}\n",
                style.help, style.reset, help
            ));
        }
        out
    }
}

/// ANSI fragments used by [`Diagnostic::render_with`]; all empty for plain text.
#[derive(Clone, Debug, Default)]
pub struct Style {
    pub error: &'static str,
    pub gutter: &'static str,
    pub caret: &'static str,
    pub help: &'static str,
    pub reset: &'static str,
}

impl Style {
    /// No colour at all.
    pub fn plain() -> Self {
        Style::default()
    }
    /// Red errors, blue gutter, bold help: like rustc.
    pub fn ansi() -> Self {
        Style {
            error: "\x1b[1;31m",
            gutter: "\x1b[1;34m",
            caret: "\x1b[1;31m",
            help: "\x1b[1;36m",
            reset: "\x1b[0m",
        }
    }
}

/// Make a printable one-line excerpt of `source` and a caret line under the spans.
///
/// Control characters and tabs are shown as a single space (tabs) or `�` so the
/// carets stay aligned; very long sources are cut around the first span.
pub fn caret_lines(source: &str, spans: &[Span]) -> (String, String) {
    const MAX: usize = 120;
    let first = spans
        .first()
        .map(|s| s.start)
        .unwrap_or(0)
        .min(source.len());
    // window of at most MAX chars, starting a little before the first span
    let mut begin = 0usize;
    if source.len() > MAX && first > 40 {
        begin = first - 40;
        while !source.is_char_boundary(begin) {
            begin -= 1;
        }
    }
    let mut line = String::new();
    let mut carets = String::new();
    if begin > 0 {
        line.push('…');
        carets.push(' ');
    }
    let mut shown = 0usize;
    let mut end_byte = begin;
    let mut prev = '\0';
    let mut chars = source[begin..].char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if shown >= MAX {
            line.push('…');
            break;
        }
        let at = begin + i;
        // one character shown per character, so the carets stay aligned:
        // controls (and the `#` that would make `##[`, a command form the
        // GitHub runner finds anywhere in a line) become `�`
        let shown_ch = if ch == '\t' {
            ' '
        } else if crate::sanitize::is_unsafe_char(ch)
            || (ch == '#' && prev == '#' && chars.peek().is_some_and(|&(_, n)| n == '['))
        {
            '\u{FFFD}'
        } else {
            ch
        };
        prev = ch;
        line.push(shown_ch);
        let hit = spans
            .iter()
            .any(|s| (s.start <= at && at < s.end) || (s.start == s.end && s.start == at));
        carets.push(if hit { '^' } else { ' ' });
        shown += 1;
        end_byte = at + ch.len_utf8();
    }
    // a span at the very end (e.g. a missing field) gets a caret after the text
    if spans
        .iter()
        .any(|s| s.start >= end_byte && s.start == source.len())
        && shown < MAX
    {
        carets.push('^');
    }
    (line, carets.trim_end().to_string())
}
