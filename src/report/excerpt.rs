//! The part of a file a diagnostic shows. Handing miette a whole file is
//! slow for a 50 MB `~/.claude.json` and breaks on minified one-line
//! configs (an underline wider than 65,535 columns panics its formatter),
//! so each snippet is cut to the lines around the finding, and a long line
//! to a window around the span. A long masked value is shown shortened
//! (`eyJh…(208 chars)…Xk`), and every label is moved to match. Line and
//! column numbers stay the file's.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::syntax::source::{LineCol, LineIndex};

/// Lines longer than this are cut to a window around the span.
const MAX_LINE: usize = 240;
/// Bytes shown on each side of a span inside a long line.
const WINDOW: usize = 60;
/// The longest span underlined in full.
const MAX_SPAN: usize = 400;
/// Masked runs this long or longer are shown shortened.
const SHORTEN_FROM: usize = 48;

pub struct Excerpt {
    name: String,
    /// The shown text: the file's, with long masked runs shortened.
    text: String,
    /// File offset of `text`'s first byte.
    offset: usize,
    /// 0-based line and column of `text`'s first byte in the file.
    line: usize,
    column: usize,
    /// The shortened runs, in order.
    runs: Vec<Run>,
}

/// One masked run shown shortened. Offsets given to miette are "shown"
/// offsets: the file's up to the first run, then moved back by what each
/// earlier run lost.
struct Run {
    /// The run in the file.
    file: Range<usize>,
    /// The run in shown offsets.
    shown: Range<usize>,
    /// Characters it lost (columns after it on its line move back by as many).
    lost_chars: usize,
}

/// The shown form of a masked run of `len` characters; the finding's own
/// value keeps the vendor prefix and tail of its masked preview.
fn shortened(len: usize, preview: Option<&str>) -> String {
    let (prefix, tail) = preview.and_then(|p| p.split_once('…')).unwrap_or(("", ""));
    format!("{prefix}…({len} chars)…{tail}")
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
        preview: Option<&str>,
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
        let mut excerpt = Excerpt {
            name: name.to_string(),
            text: String::with_capacity(range.len()),
            offset: range.start,
            line: line - 1,
            column: column - 1,
            runs: Vec::new(),
        };
        excerpt.shorten(&text[range.clone()], &span, preview);
        let shown = excerpt.map_start(shown.start)..excerpt.map_end(shown.end);
        (excerpt, shown)
    }

    /// Copy `text` (the file from `self.offset`), shortening long runs of
    /// the mask character; `value` is the finding's span, with `preview`.
    fn shorten(&mut self, text: &str, value: &Range<usize>, preview: Option<&str>) {
        let bytes = text.as_bytes();
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'*' {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i] == b'*' {
                i += 1;
            }
            if i - start < SHORTEN_FROM {
                continue;
            }
            let file = self.offset + start..self.offset + i;
            let own = file.start <= value.start && value.start < file.end;
            let short = shortened(i - start, preview.filter(|_| own));
            self.text.push_str(&text[copied..start]);
            let shown_start = self.map_start(file.start);
            self.text.push_str(&short);
            self.runs.push(Run {
                shown: shown_start..shown_start + short.len(),
                lost_chars: (i - start) - short.chars().count(),
                file,
            });
            copied = i;
        }
        self.text.push_str(&text[copied..]);
    }

    /// The shown offset of file offset `at`, as the start of a span (inside
    /// a shortened run: the run's start).
    fn map_start(&self, at: usize) -> usize {
        self.map(at, |run| run.shown.start)
    }

    /// The shown offset of file offset `at`, as the end of a span (inside a
    /// shortened run: the run's end).
    fn map_end(&self, at: usize) -> usize {
        self.map(at, |run| run.shown.end)
    }

    fn map(&self, at: usize, inside: impl Fn(&Run) -> usize) -> usize {
        let mut lost = 0;
        for run in &self.runs {
            if at < run.file.start {
                break;
            }
            if at < run.file.end {
                return inside(run);
            }
            lost = run.file.end - run.shown.end;
        }
        at - lost
    }

    /// A file range in shown offsets, for a label.
    pub fn map_range(&self, range: Range<usize>) -> Range<usize> {
        self.map_start(range.start)..self.map_end(range.end).max(self.map_start(range.start))
    }

    pub fn contains(&self, span: &Range<usize>) -> bool {
        let end = self.offset
            + self.text.len()
            + self.runs.last().map_or(0, |r| r.file.end - r.shown.end);
        self.offset <= span.start && span.end <= end
    }

    /// Characters lost to shortened runs before shown offset `at` on its line.
    fn lost_before(&self, at: usize) -> usize {
        let line_start = self.text[..at - self.offset]
            .rfind('\n')
            .map_or(self.offset, |nl| self.offset + nl + 1);
        self.runs
            .iter()
            .filter(|r| r.shown.end <= at && r.shown.start >= line_start)
            .map(|r| r.lost_chars)
            .sum()
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
        } + self.lost_before(self.offset + data_start);
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
