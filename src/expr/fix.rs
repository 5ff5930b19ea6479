//! Help text that offers an expression offers one that works.
//!
//! A `help:` line with a corrected expression is only useful when that
//! expression parses in the dialect the help names, and fires as the user
//! evidently meant (or the help says plainly that it is a different schedule).
//! The helpers here build such expressions: [`Fixer::checked`] reads a
//! suggestion back and repairs what a one-token edit leaves behind (a Quartz
//! expression that lost its `?`), [`unix_as_quartz`] turns Unix text into Quartz
//! through the converter (weekdays renumbered, Vixie's OR of the day fields
//! split in two), and [`after_parse`] runs over every diagnostic: a suggestion
//! that does not read back is repaired or left out.
//!
//! `tests/help_suggestions.rs` runs every diagnostic over the bad-input suites
//! and a generated corpus of near misses and holds each help to this.

use super::{parse_inner, Diagnostic, Dialect, DialectChoice, ExprBuilder, Span};

/// Phrase a help uses when its expression fires differently from the text it
/// replaces: the tests look for it, users read it.
pub(crate) const DIFFERENT: &str = "a different schedule";

thread_local! {
    /// Set while a help's expression is being read back: the parser's error
    /// path builds helps too (and asks other profiles), which must not build
    /// theirs by reading back again.
    static READING_BACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` unless a read-back is already under way (then `None`).
fn guarded<T>(f: impl FnOnce() -> Option<T>) -> Option<T> {
    if READING_BACK.with(|r| r.replace(true)) {
        return None;
    }
    let out = f();
    READING_BACK.with(|r| r.set(false));
    out
}

/// Parse without the diagnostic post-processing (no recursion into helps).
fn parses(text: &str, choice: DialectChoice) -> Result<(), Diagnostic> {
    parse_inner::<ExprBuilder>(text, choice).map(|_| ())
}

/// [`parses`], as a yes/no, inside the read-back guard.
fn reads_back(text: &str, choice: DialectChoice) -> bool {
    guarded(|| Some(parses(text, choice).is_ok())).unwrap_or(false)
}

/// Read `text` back in `choice`; when Quartz refuses it only because both day
/// fields are set and one of them is `*`, put the `?` there (it means the
/// same). `None` when it cannot be made to parse.
pub(crate) fn checked(text: &str, choice: DialectChoice) -> Option<String> {
    guarded(|| checked_inner(text, choice))
}

fn checked_inner(text: &str, choice: DialectChoice) -> Option<String> {
    let text = text.trim();
    match parses(text, choice) {
        Ok(()) => Some(text.to_string()),
        Err(d) if d.code == "both-day-fields" && d.spans.len() == 2 => {
            let (dom, dow) = (d.spans[0], d.spans[1]);
            let fixed = if dom.slice(text) == "*" {
                replace(text, dom, "?")
            } else if dow.slice(text) == "*" {
                replace(text, dow, "?")
            } else {
                return None;
            };
            parses(&fixed, choice).ok().map(|()| fixed)
        }
        Err(_) => None,
    }
}

fn replace(text: &str, span: Span, with: &str) -> String {
    let mut s = String::with_capacity(text.len() + with.len());
    s.push_str(text.get(..span.start).unwrap_or(""));
    s.push_str(with);
    s.push_str(text.get(span.end..).unwrap_or(""));
    s.trim().to_string()
}

/// The Quartz expression(s) that fire as the Unix text `unix` does, through
/// the converter (so `1-5` becomes `MON-FRI`, not Quartz's SUN-THU). `None` when
/// the text is not Unix cron or Quartz cannot say it.
pub(crate) fn unix_as_quartz(unix: &str) -> Option<Vec<String>> {
    use crate::convert::{convert, Parsed, Target};
    guarded(|| {
        let parsed = Parsed::parse(unix, DialectChoice::Unix).ok()?;
        convert(&[parsed], Target::Quartz, false)
            .ok()
            .map(|c| c.expressions)
    })
}

/// "`a`" or "`a` and `b` (together)".
pub(crate) fn quoted_all(exprs: &[String]) -> String {
    match exprs {
        [one] => format!("`{one}`"),
        _ => format!(
            "{} (together: Quartz cannot OR the day fields)",
            exprs
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    }
}

/// Does `snippet` look like a whole expression (rather than a field, an option
/// or a shell command)? 5 to 7 words of cron characters, or a nickname.
pub fn is_whole_expression(snippet: &str) -> bool {
    if snippet.starts_with('@') {
        return !snippet.contains(' ');
    }
    let words: Vec<&str> = snippet
        .split([' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    (5..=7).contains(&words.len())
        && words
            .iter()
            .any(|w| w.bytes().any(|b| b.is_ascii_digit() || b"*?".contains(&b)))
        && words.iter().all(|w| {
            w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"*/,-?#+".contains(&b))
        })
}

/// The dialect a help names for its expressions: `--dialect unix` or "Unix"
/// means Unix, "Quartz" means Quartz; otherwise the one the input was read in.
fn named_dialects(
    help: &str,
    choice: DialectChoice,
    read_as: Option<Dialect>,
) -> Vec<DialectChoice> {
    let mut v = vec![choice];
    if let Some(d) = read_as {
        v.push(d.into());
    }
    if help.contains("--dialect unix") || help.contains("Unix") || help.contains("OCPS") {
        v.push(DialectChoice::Unix);
    }
    if help.contains("Quartz") {
        v.push(DialectChoice::Quartz);
    }
    v
}

/// Every diagnostic passes through here: each whole expression its help offers
/// must read back in a dialect the help names. One that does not is repaired
/// ([`checked`]) or, failing that, left out: the help keeps its words up to the
/// `: `, `; ` or `, e.g. ` that introduced the expression.
pub(crate) fn after_parse(d: &mut Diagnostic, choice: DialectChoice) {
    let Some(help) = d.help.clone() else {
        return;
    };
    if !help.contains('`') {
        return;
    }
    let dialects = named_dialects(&help, choice, d.dialect);
    let mut out = String::with_capacity(help.len());
    let mut parts = help.split('`').enumerate().peekable();
    let mut changed = false;
    while let Some((i, part)) = parts.next() {
        if i % 2 == 0 {
            out.push_str(part);
            continue;
        }
        if !is_whole_expression(part) || dialects.iter().any(|&c| reads_back(part, c)) {
            out.push('`');
            out.push_str(part);
            out.push('`');
            continue;
        }
        changed = true;
        if let Some(fixed) = dialects.iter().find_map(|&c| checked(part, c)) {
            out.push('`');
            out.push_str(&fixed);
            out.push('`');
            continue;
        }
        // Leave the expression out, with the words that introduced it.
        let cut = [": ", "; ", ", e.g. ", " write "]
            .iter()
            .filter_map(|sep| out.rfind(sep))
            .max()
            .unwrap_or(out.len());
        out.truncate(cut);
        // and a parenthesis right after it, which spoke of it
        if let Some((_, next)) = parts.peek() {
            if next.starts_with(" (") {
                let rest = next.find(')').map_or("", |e| &next[e + 1..]);
                let rest = rest.to_string();
                parts.next();
                out.push_str(&rest);
            }
        }
    }
    if changed {
        let trimmed = out.trim_end_matches([' ', ',', ';', ':']).to_string();
        d.help = (!trimmed.is_empty()).then_some(trimmed);
    }
}
