//! Jenkins trigger lines in `validate`, read exactly as Jenkins reads them.
//!
//! A line with `H` (hashed values) or an `@` nickname is parsed by
//! [`crate::jenkins`] (Jenkins' `CronTab` grammar, ranges and steps checked as
//! `BaseParser` checks them) with Jenkins' zero hash: without a job name,
//! every `H` is valid and takes the lowest value Jenkins could give it, which
//! is enough to run the lint rules over the rest of the line. Each hashed
//! field is then replaced by its resolved values, the other fields are kept as
//! written, and the `jenkins` profile parses the result; a finding in a kept
//! field maps back to its exact place, one in a hashed field to the whole
//! field as written. A line of numbers only goes straight to the `jenkins`
//! profile.

use crate::jenkins::{parse_fields, JenkinsError, JenkinsHash};
use crate::Span;

/// How `validate` reads one Jenkins schedule line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum JenkinsLine {
    /// No `H`, no nickname: the `jenkins` profile reads the text as written.
    Plain,
    /// Hashed: check `text` instead; `remap` says where its spans are in the
    /// line as written.
    Resolved { text: String, remap: Vec<Remap> },
    /// Jenkins refuses the line: why, and the byte span in the line.
    Rejected { message: String, span: Span },
}

/// A piece of the checked text and the piece of the written text it stands
/// for (same length when the field was kept as written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remap {
    /// In the text checked.
    pub checked: Span,
    /// In the text as written.
    pub written: Span,
}

/// Map a span of the checked text to the written text.
pub(crate) fn remap_span(remap: &[Remap], s: Span) -> Span {
    let point = |at: usize, end: bool| {
        let piece = remap
            .iter()
            .find(|r| r.checked.start <= at && (at < r.checked.end || (end && at == r.checked.end)))
            .or_else(|| remap.iter().rev().find(|r| r.checked.start <= at));
        match piece {
            // a kept field: exact
            Some(r) if r.checked.end - r.checked.start == r.written.end - r.written.start => {
                r.written.start + (at - r.checked.start).min(r.written.end - r.written.start)
            }
            // a hashed field: its start, or its end
            Some(r) if end => r.written.end,
            Some(r) => r.written.start,
            None => at,
        }
    };
    let start = point(s.start, false);
    let end = point(s.end, true).max(start);
    Span::new(start, end)
}

/// The fields of a line: byte spans of the runs of non-blank characters.
fn fields(line: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, b) in line.bytes().enumerate() {
        match (b == b' ' || b == b'\t', start) {
            (true, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, line.len()));
    }
    out
}

/// Read one schedule line (trimmed, not a comment, not `TZ=`).
pub(crate) fn read_line(line: &str) -> JenkinsLine {
    if !line.contains(['H', '@']) {
        return JenkinsLine::Plain;
    }
    let written = fields(line);
    let whole = Span::new(0, line.len());
    let tab = match parse_fields(line, &mut JenkinsHash::zero()) {
        Ok(tab) => tab,
        Err(e) => {
            let span = match &e {
                JenkinsError::Syntax { at, .. } => {
                    // at the unexpected token, not the blank before it
                    let rest = line.get(*at..).unwrap_or_default();
                    let at = at + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
                    let end = line[at..].find([' ', '\t']).map_or(line.len(), |n| at + n);
                    Span::new(at.min(line.len()), end.max(at + 1).min(line.len()))
                }
                JenkinsError::OutOfRange { field, .. }
                | JenkinsError::Reversed { field, .. }
                | JenkinsError::BadStep { field, .. } => {
                    written.get(*field as usize).copied().unwrap_or(whole)
                }
                _ => whole,
            };
            return JenkinsLine::Rejected {
                message: e.to_string(),
                span,
            };
        }
    };
    let resolved = tab.to_jenkins();
    let resolved_fields: Vec<&str> = resolved.split(' ').collect();
    if tab.nickname.is_some() || written.len() != 5 || resolved_fields.len() != 5 {
        // a nickname: the whole line stands for the five resolved fields
        return JenkinsLine::Resolved {
            remap: vec![Remap {
                checked: Span::new(0, resolved.len()),
                written: whole,
            }],
            text: resolved,
        };
    }
    let mut text = String::with_capacity(line.len() + 16);
    let mut remap = Vec::with_capacity(5);
    for (i, (w, r)) in written.iter().zip(&resolved_fields).enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let as_written = &line[w.start..w.end];
        let start = text.len();
        text.push_str(if as_written.contains('H') {
            r
        } else {
            as_written
        });
        remap.push(Remap {
            checked: Span::new(start, text.len()),
            written: *w,
        });
    }
    JenkinsLine::Resolved { text, remap }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(line: &str) -> (String, Vec<Remap>) {
        match read_line(line) {
            JenkinsLine::Resolved { text, remap } => (text, remap),
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn hashed_fields_resolved_with_the_zero_hash_others_kept() {
        // zero hash: H is the lowest value of its range (Jenkins' Hash.zero)
        assert_eq!(resolved("H 4 * * 1-5").0, "0 4 * * 1-5");
        assert_eq!(resolved("H(0-29)/10 * * * *").0, "0,10,20 * * * *");
        assert_eq!(resolved("H H(2-5) * * *").0, "0 2 * * *");
        assert_eq!(resolved("@midnight").0, "0 0 * * *");
        assert_eq!(read_line("0 0 30 2 *"), JenkinsLine::Plain);
    }

    #[test]
    fn spans_map_back_to_the_line_as_written() {
        // `H  4\t* * 1-5`: kept fields map exactly, the hashed one as a whole
        let (text, remap) = resolved("H(0-29)/10  4\t* * 1-5");
        assert_eq!(text, "0,10,20 4 * * 1-5");
        // `1-5` in the checked text (14..17) is at 18..21 as written
        assert_eq!(remap_span(&remap, Span::new(14, 17)), Span::new(18, 21));
        // `10` inside the hashed field: the whole field as written
        assert_eq!(remap_span(&remap, Span::new(2, 4)), Span::new(0, 10));
        assert_eq!(remap_span(&remap, Span::new(8, 9)), Span::new(12, 13));
    }

    #[test]
    fn jenkins_refusals_point_at_the_field() {
        // BaseParser.doHash: a range beyond the field's bounds is refused
        match read_line("0 H(5-30) * * *") {
            JenkinsLine::Rejected { span, .. } => assert_eq!(span, Span::new(2, 9)),
            other => panic!("{other:?}"),
        }
        match read_line("H 4 * * * # nightly") {
            JenkinsLine::Rejected { span, .. } => assert_eq!(span.start, 10),
            other => panic!("{other:?}"),
        }
    }
}
