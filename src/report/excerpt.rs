//! The part of a file a diagnostic shows. Handing miette a whole file is
//! slow for a 50 MB `~/.claude.json` and breaks on minified one-line
//! configs (an underline wider than 65,535 columns panics its formatter),
//! so each snippet is cut to the lines around the finding, and a long line
//! to a window around the span. Line and column numbers stay the file's.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::syntax::source::{LineCol, LineIndex};

/// Lines longer than this are cut to a window around the span.
const MAX_LINE: usize = 240;
/// Bytes shown on each side of a span inside a long line.
const WINDOW: usize = 60;
/// The longest span underlined in full.
const MAX_SPAN: usize = 400;

pub struct Excerpt {
    name: String,
    text: String,
    /// File offset of `text`'s first byte.
    offset: usize,
    /// 0-based line and column of `text`'s first byte in the file.
    line: usize,
    column: usize,
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl Excerpt {
    /// The excerpt of `text` (the masked file) that shows `span`, and the
    /// span clipped to what can be underlined.
    pub fn around(
        name: &str,
        text: &str,
        index: &LineIndex,
        span: Range<usize>,
    ) -> (Self, Range<usize>) {
        let start = floor_char(text, span.start);
        let end = ceil_char(text, span.end.max(start));
        let first = index.line_col(text, start).line;
        let last = index.line_col(text, end).line;
        let context = index.line_range(text, first.saturating_sub(1).max(1)).start
            ..index
                .line_range(text, (last + 1).min(index.line_count()))
                .end;
        let lines_short = (first.saturating_sub(1).max(1)..=(last + 1).min(index.line_count()))
            .all(|l| index.line_range(text, l).len() <= MAX_LINE);
        let (range, shown) = if lines_short && end - start <= MAX_SPAN {
            (context, start..end)
        } else {
            let line = index.line_range(text, first);
            let shown_end = ceil_char(text, end.min(start + MAX_SPAN));
            let from = floor_char(text, start.saturating_sub(WINDOW).max(line.start));
            let to = ceil_char(text, (shown_end + WINDOW).min(line.end.max(shown_end)));
            (from..to, start..shown_end)
        };
        // A byte-order mark is not shown and is not a column.
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let range = range.start.max(bom)..range.end.max(bom);
        let LineCol { line, column } = index.line_col(text, range.start);
        let excerpt = Excerpt {
            name: name.to_string(),
            text: text[range.clone()].to_string(),
            offset: range.start,
            line: line - 1,
            column: column - 1,
        };
        (excerpt, shown)
    }

    pub fn contains(&self, span: &Range<usize>) -> bool {
        self.offset <= span.start && span.end <= self.offset + self.text.len()
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let local = span
            .offset()
            .saturating_sub(self.offset)
            .min(self.text.len());
        let len = span.len().min(self.text.len() - local);
        let inner = self
            .text
            .read_span(&SourceSpan::new(local.into(), len), before, after)?;
        // miette counts columns in bytes; reports count characters.
        let data_start = inner.span().offset();
        let column = match self.text[..data_start].rfind('\n') {
            Some(nl) => self.text[nl + 1..data_start].chars().count(),
            None => self.column + self.text[..data_start].chars().count(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new(
                (inner.span().offset() + self.offset).into(),
                inner.span().len(),
            ),
            self.line + inner.line(),
            column,
            inner.line_count(),
        )))
    }
}
