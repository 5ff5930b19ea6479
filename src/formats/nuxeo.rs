//! Nuxeo extension XML: the `<cronExpression>` of every `<schedule>`
//! contribution (Nuxeo's SchedulerService, Quartz dialect).
//!
//! ```xml
//! <component name="my.schedules">
//!   <extension target="org.nuxeo.ecm.core.scheduler.SchedulerService" point="schedule">
//!     <schedule id="monthly_stuff">
//!       <eventId>doStuff</eventId>
//!       <!-- Every first of the month at 3am -->
//!       <cronExpression>0 0 3 1 * ?</cronExpression>
//!     </schedule>
//!   </extension>
//! </component>
//! ```
//!
//! Rules and decisions:
//! - Every `<schedule>` element is a contribution, at any depth and whatever
//!   encloses it (namespace prefixes are ignored); a `<schedule>` nested in
//!   another one is part of the outer one. Its `<cronExpression>` may be at any
//!   depth inside it. `<cronExpression>` outside a `<schedule>` is ignored.
//! - The expression is the element's text with entity and character references
//!   resolved (`&amp;`, `&#x3F;`), CDATA sections included verbatim and
//!   comments left out, trimmed of XML white space (as Nuxeo's XMap trims). Line
//!   ends inside it are kept as written.
//! - [`Located::line`]/[`Located::column`]/[`Located::byte_offset`] point at
//!   the first non-white-space character *in the file* (inside a CDATA section
//!   its first character; for a reference, its `&`). The expression may span
//!   lines, and references make the text shorter than the source, so a parser
//!   span can be mapped back exactly only when the text has neither.
//! - [`Located::context`] is `schedule id=<id>` (just `schedule` without an
//!   id); [`Located::dialect_hint`] is [`DialectHint::Quartz`].
//! - A schedule without `<cronExpression>` is
//!   [`InputError::MissingCronExpression`] (position of the `<schedule` tag);
//!   an empty one is [`InputError::EmptyCronExpression`]; a reference to an
//!   entity that is not predefined is [`InputError::MalformedXml`] for that
//!   expression. These are items of the result, and reading goes on.
//! - Malformed XML (bad syntax, mismatched or unclosed tags) ends reading with
//!   a final [`InputError::MalformedXml`] item at the error's position;
//!   expressions found before it are kept.
//! - The whole document is read (no streaming). It must be UTF-8
//!   ([`parse_nuxeo_bytes`] reports the line and column of the first invalid
//!   byte); lines end at `\n`.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::lines::char_count;
use super::{DialectHint, InputError, Located};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Maps byte offsets of a document to 1-based lines and character columns.
struct LineIndex<'a> {
    bytes: &'a [u8],
    starts: Vec<usize>,
    /// The last position asked for (offset, line index, column): the walker
    /// asks in document order, so the next column is counted from there, not
    /// from the line start again (a one-line document would make that
    /// quadratic).
    last: std::cell::Cell<(usize, usize, u32)>,
}

impl<'a> LineIndex<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_all(bytes));
        LineIndex {
            bytes,
            starts,
            last: std::cell::Cell::new((usize::MAX, 0, 0)),
        }
    }

    fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.bytes.len());
        let idx = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let line = u32::try_from(idx + 1).unwrap_or(u32::MAX);
        let (last_offset, last_idx, last_column) = self.last.get();
        let column = if last_idx == idx && last_offset != usize::MAX && last_offset <= offset {
            let more =
                u32::try_from(char_count(&self.bytes[last_offset..offset])).unwrap_or(u32::MAX);
            last_column.saturating_add(more)
        } else {
            let mut from = self.starts.get(idx).copied().unwrap_or(0);
            if idx == 0 && self.bytes.starts_with(BOM) && offset >= BOM.len() {
                from = BOM.len();
            }
            u32::try_from(char_count(&self.bytes[from..offset]))
                .unwrap_or(u32::MAX - 1)
                .saturating_add(1)
        };
        // an offset inside the BOM counts from the line start next time
        if !(idx == 0 && offset < BOM.len()) {
            self.last.set((offset, idx, column));
        }
        (line, column)
    }
}

/// Offsets just after each newline.
fn memchr_all(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// A piece of a `<cronExpression>`'s content.
struct Segment {
    /// Offset in the document of the piece's source (for a reference: `&`).
    offset: usize,
    /// The resolved text.
    text: String,
    /// Whether `text` maps byte for byte onto the source at `offset`.
    verbatim: bool,
}

struct OpenSchedule {
    id: Option<String>,
    offset: usize,
    depth: usize,
    has_expression: bool,
}

struct OpenExpression {
    depth: usize,
    content_offset: usize,
    segments: Vec<Segment>,
    error: Option<InputError>,
}

struct Walker<'a> {
    index: LineIndex<'a>,
    out: Vec<Result<Located, InputError>>,
    schedule: Option<OpenSchedule>,
    expression: Option<OpenExpression>,
}

impl Walker<'_> {
    fn malformed(&self, message: String, offset: usize) -> InputError {
        let (line, column) = self.index.position(offset);
        InputError::MalformedXml {
            message,
            line,
            column,
            byte_offset: offset,
        }
    }

    /// A start (or empty) tag at `offset`; `depth` is the element's depth
    /// (1 for the root); `content_offset` is where its content starts.
    fn open(&mut self, e: &BytesStart<'_>, offset: usize, depth: usize, content_offset: usize) {
        let local = e.local_name();
        if local.as_ref() == b"schedule" && self.schedule.is_none() {
            let id = match e.try_get_attribute("id") {
                Ok(Some(attr)) => match attr.unescape_value() {
                    Ok(v) => Some(v.into_owned()),
                    Err(err) => {
                        let err = self.malformed(format!("attribute `id`: {err}"), offset);
                        self.out.push(Err(err));
                        None
                    }
                },
                Ok(None) => None,
                Err(err) => {
                    let err = self.malformed(format!("attributes: {err}"), offset);
                    self.out.push(Err(err));
                    None
                }
            };
            self.schedule = Some(OpenSchedule {
                id,
                offset,
                depth,
                has_expression: false,
            });
        } else if local.as_ref() == b"cronExpression" && self.expression.is_none() {
            if let Some(schedule) = &mut self.schedule {
                schedule.has_expression = true;
                self.expression = Some(OpenExpression {
                    depth,
                    content_offset,
                    segments: Vec::new(),
                    error: None,
                });
            }
        }
    }

    /// The end of the element at `depth`.
    fn close(&mut self, depth: usize) {
        if self.expression.as_ref().is_some_and(|x| x.depth == depth) {
            if let Some(expression) = self.expression.take() {
                let result = self.finish_expression(expression);
                self.out.push(result);
            }
        }
        if self.schedule.as_ref().is_some_and(|s| s.depth == depth) {
            if let Some(schedule) = self.schedule.take() {
                if !schedule.has_expression {
                    let (line, column) = self.index.position(schedule.offset);
                    self.out.push(Err(InputError::MissingCronExpression {
                        id: schedule.id,
                        line,
                        column,
                        byte_offset: schedule.offset,
                    }));
                }
            }
        }
    }

    fn finish_expression(&self, expression: OpenExpression) -> Result<Located, InputError> {
        if let Some(err) = expression.error {
            return Err(err);
        }
        let id = self.schedule.as_ref().and_then(|s| s.id.clone());
        let mut value = String::new();
        let mut first = None;
        for seg in &expression.segments {
            if first.is_none() {
                if let Some(i) = seg.text.find(|c: char| !is_xml_space(c)) {
                    first = Some(if seg.verbatim {
                        seg.offset + i
                    } else {
                        seg.offset
                    });
                }
            }
            value.push_str(&seg.text);
        }
        let Some(first) = first else {
            let (line, column) = self.index.position(expression.content_offset);
            return Err(InputError::EmptyCronExpression {
                id,
                line,
                column,
                byte_offset: expression.content_offset,
            });
        };
        let (line, column) = self.index.position(first);
        Ok(Located {
            text: value.trim_matches(is_xml_space).to_owned(),
            line,
            column,
            byte_offset: first,
            context: Some(match id {
                Some(id) => format!("schedule id={id}"),
                None => "schedule".to_owned(),
            }),
            dialect_hint: Some(DialectHint::Quartz),
            context_column: None,
            zone: None,
        })
    }

    fn push_segment(&mut self, offset: usize, raw: &[u8]) {
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t.to_owned(),
            // Cannot happen: the document is a `&str` split at ASCII markup.
            Err(_) => String::from_utf8_lossy(raw).into_owned(),
        };
        if let Some(x) = &mut self.expression {
            x.segments.push(Segment {
                offset,
                text,
                verbatim: true,
            });
        }
    }

    fn push_reference(&mut self, offset: usize, resolved: Result<String, String>) {
        let error = match &resolved {
            Err(message) => Some(self.malformed(message.clone(), offset)),
            Ok(_) => None,
        };
        if let Some(x) = &mut self.expression {
            match resolved {
                Ok(text) => x.segments.push(Segment {
                    offset,
                    text,
                    verbatim: false,
                }),
                Err(_) => {
                    if x.error.is_none() {
                        x.error = error;
                    }
                }
            }
        }
    }
}

/// Finds the schedule expressions of a Nuxeo extension XML document.
///
/// Returns them in document order, with the per-schedule errors
/// ([`InputError::MissingCronExpression`], [`InputError::EmptyCronExpression`])
/// in between and, when the XML is malformed, a final
/// [`InputError::MalformedXml`]. Never panics.
///
/// ```
/// use cronkit::formats::nuxeo::parse_nuxeo;
/// let xml = r#"<extension point="schedule">
///   <schedule id="monthly_stuff">
///     <cronExpression> 0 0 3 1 * ?</cronExpression>
///   </schedule>
/// </extension>"#;
/// let found = parse_nuxeo(xml);
/// let first = found[0].as_ref().unwrap();
/// assert_eq!(first.text, "0 0 3 1 * ?");
/// assert_eq!((first.line, first.column), (3, 22));
/// assert_eq!(first.context.as_deref(), Some("schedule id=monthly_stuff"));
/// ```
pub fn parse_nuxeo(text: &str) -> Vec<Result<Located, InputError>> {
    let mut walker = Walker {
        index: LineIndex::new(text.as_bytes()),
        out: Vec::new(),
        schedule: None,
        expression: None,
    };
    // quick-xml skips a byte-order mark without counting it in its positions.
    let (body, base) = match text.strip_prefix('\u{feff}') {
        Some(body) => (body, text.len() - body.len()),
        None => (text, 0),
    };
    let mut reader = Reader::from_str(body);
    let position = |p: u64| {
        usize::try_from(p)
            .unwrap_or(usize::MAX)
            .saturating_add(base)
    };
    // Open elements: (offset of `<`, qualified name).
    let mut stack: Vec<(usize, String)> = Vec::new();
    loop {
        let offset = position(reader.buffer_position());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                let at = position(reader.error_position());
                let err = walker.malformed(err.to_string(), at);
                walker.out.push(Err(err));
                break;
            }
        };
        let after = position(reader.buffer_position());
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                stack.push((offset, name));
                walker.open(&e, offset, stack.len(), after);
            }
            Event::Empty(e) => {
                let depth = stack.len() + 1;
                walker.open(&e, offset, depth, offset);
                walker.close(depth);
            }
            Event::End(_) => {
                walker.close(stack.len());
                stack.pop();
            }
            Event::Text(e) => walker.push_segment(offset, &e),
            // `<![CDATA[` is 9 bytes.
            Event::CData(e) => walker.push_segment(offset + 9, &e),
            Event::GeneralRef(e) => {
                if walker.expression.is_some() {
                    let resolved = match e.resolve_char_ref() {
                        Ok(Some(c)) => Ok(c.to_string()),
                        Ok(None) => {
                            let name = String::from_utf8_lossy(&e).into_owned();
                            resolve_predefined_entity(&name)
                                .map(str::to_owned)
                                .ok_or_else(|| format!("unknown entity `&{name};`"))
                        }
                        Err(err) => Err(err.to_string()),
                    };
                    walker.push_reference(offset, resolved);
                }
            }
            Event::Eof => {
                if let Some((at, name)) = stack.last() {
                    let err = walker.malformed(format!("unclosed element <{name}>"), *at);
                    walker.out.push(Err(err));
                }
                break;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    walker.out
}

/// Like [`parse_nuxeo`], for bytes: input that is not UTF-8 gives a single
/// [`InputError::InvalidUtf8`] with the line and column of the first invalid
/// byte.
pub fn parse_nuxeo_bytes(bytes: &[u8]) -> Vec<Result<Located, InputError>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_nuxeo(text),
        Err(e) => {
            let at = e.valid_up_to();
            let (line, column) = LineIndex::new(&bytes[..at]).position(at);
            vec![Err(InputError::InvalidUtf8 {
                line,
                column,
                byte_offset: at,
            })]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(l: &Located) -> (&str, u32, u32, usize, Option<&str>) {
        (
            l.text.as_str(),
            l.line,
            l.column,
            l.byte_offset,
            l.context.as_deref(),
        )
    }

    fn ok(xml: &str) -> Vec<Located> {
        parse_nuxeo(xml).into_iter().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn doc_example() {
        let xml = r#"<?xml version="1.0"?>
<component name="my.schedules">
  <extension target="org.nuxeo.ecm.core.scheduler.SchedulerService" point="schedule">
    <schedule id="monthly_stuff">
      <eventId>doStuff</eventId>
      <eventCategory>default</eventCategory>
      <!-- Every first of the month at 3am -->
      <cronExpression>0 0 3 1 * ?</cronExpression>
    </schedule>
    <schedule id="hourly"><cronExpression>0 0 * * * ?</cronExpression></schedule>
  </extension>
</component>
"#;
        let found = ok(xml);
        assert_eq!(found.len(), 2);
        let off = xml.find("0 0 3 1").unwrap();
        assert_eq!(
            pos(&found[0]),
            ("0 0 3 1 * ?", 8, 23, off, Some("schedule id=monthly_stuff"))
        );
        let off = xml.find("0 0 * * *").unwrap();
        assert_eq!(
            pos(&found[1]),
            ("0 0 * * * ?", 10, 43, off, Some("schedule id=hourly"))
        );
        assert_eq!(found[0].dialect_hint, Some(DialectHint::Quartz));
    }

    #[test]
    fn whitespace_and_multiline() {
        let xml = "<schedule id=\"a\">\n  <cronExpression>\n\t  0 0 3\n  1 * ?  \n  </cronExpression>\n</schedule>";
        let found = ok(xml);
        let off = xml.find("0 0 3").unwrap();
        assert_eq!(
            pos(&found[0]),
            ("0 0 3\n  1 * ?", 3, 4, off, Some("schedule id=a"))
        );
    }

    #[test]
    fn entities_and_char_refs() {
        let xml = "<schedule id=\"a&amp;b\"><cronExpression>&#x30; 0 3 ? * MON&#45;FRI &amp; x</cronExpression></schedule>";
        let found = ok(xml);
        let off = xml.find("&#x30;").unwrap();
        assert_eq!(
            pos(&found[0]),
            (
                "0 0 3 ? * MON-FRI & x",
                1,
                off as u32 + 1,
                off,
                Some("schedule id=a&b")
            )
        );
        // A leading space reference is trimmed like white space.
        let xml = "<schedule><cronExpression>&#32;&lt;x</cronExpression></schedule>";
        let found = ok(xml);
        let off = xml.find("&lt;").unwrap();
        assert_eq!(
            pos(&found[0]),
            ("<x", 1, off as u32 + 1, off, Some("schedule"))
        );
    }

    #[test]
    fn unknown_entity_is_an_error_for_that_expression() {
        let xml =
            "<x><schedule id=\"a\"><cronExpression>0 0 3&nbsp;? * *</cronExpression></schedule>\
                   <schedule id=\"b\"><cronExpression>0 0 4 ? * *</cronExpression></schedule></x>";
        let found = parse_nuxeo(xml);
        assert_eq!(found.len(), 2);
        let off = xml.find("&nbsp;").unwrap();
        match &found[0] {
            Err(InputError::MalformedXml {
                message,
                line: 1,
                column,
                byte_offset,
            }) => {
                assert!(message.contains("&nbsp;"), "{message}");
                assert_eq!((*column as usize, *byte_offset), (off + 1, off));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(found[1].as_ref().unwrap().text, "0 0 4 ? * *");
    }

    #[test]
    fn cdata_and_comments() {
        let xml = "<schedule id=\"c\">\n<cronExpression><!-- first -->  <![CDATA[0 15 10 ? * 6#3]]><!-- x --> </cronExpression></schedule>";
        let found = ok(xml);
        let off = xml.find("0 15").unwrap();
        assert_eq!(
            pos(&found[0]),
            (
                "0 15 10 ? * 6#3",
                2,
                off as u32 - 17,
                off,
                Some("schedule id=c")
            )
        );
        // CDATA with leading blanks and text around it.
        let xml = "<schedule><cronExpression>0 0<![CDATA[  12 * * ?]]></cronExpression></schedule>";
        let found = ok(xml);
        assert_eq!(found[0].text, "0 0  12 * * ?");
        assert_eq!(found[0].byte_offset, xml.find("0 0").unwrap());
        let xml = "<schedule><cronExpression><![CDATA[  12 * * ?]]></cronExpression></schedule>";
        let found = ok(xml);
        assert_eq!(found[0].byte_offset, xml.find("12").unwrap());
    }

    #[test]
    fn nesting_namespaces_and_attributes() {
        let xml = "<component xmlns:nx=\"urn:x\"><require>x</require>\
                   <extension target=\"org.nuxeo.ecm.core.scheduler.SchedulerService\" point=\"schedule\">\
                   <nx:schedule enabled=\"true\" id='deep'><wrapper><cronExpression>0 0 1 * * ?</cronExpression></wrapper>\
                   <cronExpression>ignored-second? no, kept</cronExpression></nx:schedule>\
                   </extension><cronExpression>orphan</cronExpression></component>";
        let found = ok(xml);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].text, "0 0 1 * * ?");
        assert_eq!(found[0].context.as_deref(), Some("schedule id=deep"));
        assert_eq!(found[1].text, "ignored-second? no, kept");
    }

    #[test]
    fn missing_cron_expression() {
        let xml = "<extension>\n  <schedule id=\"nope\">\n    <eventId>x</eventId>\n  </schedule>\n  <schedule id=\"empty\"/>\n</extension>";
        let found = parse_nuxeo(xml);
        assert_eq!(found.len(), 2);
        assert!(matches!(
            &found[0],
            Err(InputError::MissingCronExpression { id: Some(id), line: 2, column: 3, byte_offset: 14 }) if id == "nope"
        ));
        assert!(matches!(
            &found[1],
            Err(InputError::MissingCronExpression { id: Some(id), line: 5, column: 3, .. }) if id == "empty"
        ));
        assert!(found[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("id=\"nope\""));
    }

    #[test]
    fn empty_cron_expression() {
        let xml = "<schedule id=\"e\">\n  <cronExpression>  </cronExpression>\n  </schedule><schedule><cronExpression/></schedule>";
        let found = parse_nuxeo(xml);
        assert_eq!(found.len(), 2);
        let content = xml.find("  </cron").unwrap();
        assert!(matches!(
            &found[0],
            Err(InputError::EmptyCronExpression { id: Some(id), line: 2, column: 19, byte_offset })
                if id == "e" && *byte_offset == content
        ));
        let tag = xml.find("<cronExpression/>").unwrap();
        assert!(matches!(
            &found[1],
            Err(InputError::EmptyCronExpression { id: None, line: 3, byte_offset, .. }) if *byte_offset == tag
        ));
    }

    #[test]
    fn malformed_xml_keeps_earlier_findings() {
        let xml = "<x>\n<schedule id=\"a\"><cronExpression>0 0 3 ? * *</cronExpression></schedule>\n<schedule id=\"b\"><cronExpression>1</cronExpresion></schedule></x>";
        let found = parse_nuxeo(xml);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].as_ref().unwrap().text, "0 0 3 ? * *");
        let err = found[1].as_ref().unwrap_err();
        assert!(
            matches!(err, InputError::MalformedXml { line: 3, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn malformed_variants_never_panic() {
        for xml in [
            "",
            "not xml at all",
            "<",
            "<schedule",
            "<schedule id=\"a\"><cronExpression>0 0",
            "<schedule id=\"a>",
            "<a></b>",
            "</a>",
            "<a><!-- unterminated",
            "<a><![CDATA[ x",
            "<a>&</a>",
            "<schedule id=\"a\" id=\"b\"><cronExpression>1</cronExpression></schedule>",
            "<schedule><cronExpression>&#xFFFFFFFF;</cronExpression></schedule>",
            "<schedule><cronExpression>&#0;</cronExpression></schedule>",
            "<schedule><cronExpression>&amp</cronExpression></schedule>",
            "\u{feff}<schedule><cronExpression>1</cronExpression></schedule>",
            "<schedule><schedule><cronExpression>1</cronExpression></schedule></schedule>",
        ] {
            let _ = parse_nuxeo(xml);
        }
        assert!(parse_nuxeo("").is_empty());
        assert!(parse_nuxeo("not xml").is_empty());
    }

    #[test]
    fn unclosed_element_is_reported() {
        let xml = "<x>\n  <schedule id=\"a\"><cronExpression>0 0";
        let found = parse_nuxeo(xml);
        let last = found.last().unwrap().as_ref().unwrap_err();
        assert!(matches!(last, InputError::MalformedXml { .. }), "{last:?}");
        assert!(last.to_string().contains("unclosed"), "{last}");
    }

    #[test]
    fn mismatched_end_position() {
        let xml = "<a>\n  <b></c>\n</a>";
        let found = parse_nuxeo(xml);
        assert_eq!(found.len(), 1);
        match &found[0] {
            Err(InputError::MalformedXml { line, .. }) => assert_eq!(*line, 2),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn bom_and_crlf() {
        let xml = "\u{feff}<schedule id=\"a\">\r\n  <cronExpression>0 0 3 ? * *</cronExpression>\r\n</schedule>\r\n";
        let found = ok(xml);
        let off = xml.find("0 0 3").unwrap();
        assert_eq!(
            pos(&found[0]),
            ("0 0 3 ? * *", 2, 19, off, Some("schedule id=a"))
        );
        let xml = "\u{feff}<schedule><cronExpression>1</cronExpression></schedule>";
        let found = ok(xml);
        assert_eq!((found[0].line, found[0].column), (1, 27));
    }

    #[test]
    fn non_ascii_columns() {
        let xml =
            "<schedule id=\"é\"><!-- ü --><cronExpression>0 0 3 ? * *</cronExpression></schedule>";
        let found = ok(xml);
        let off = xml.find("0 0 3").unwrap();
        assert_eq!(found[0].byte_offset, off);
        assert_eq!(found[0].column as usize, off + 1 - 2);
        assert_eq!(found[0].context.as_deref(), Some("schedule id=é"));
    }

    #[test]
    fn invalid_utf8() {
        let found = parse_nuxeo_bytes(b"<a>\n  <b>\xff</b></a>");
        assert_eq!(found.len(), 1);
        assert!(matches!(
            found[0],
            Err(InputError::InvalidUtf8 {
                line: 2,
                column: 6,
                byte_offset: 9
            })
        ));
        assert_eq!(
            ok("<schedule><cronExpression>1</cronExpression></schedule>"),
            parse_nuxeo_bytes(b"<schedule><cronExpression>1</cronExpression></schedule>")
                .into_iter()
                .map(|r| r.unwrap())
                .collect::<Vec<_>>()
        );
    }
}
