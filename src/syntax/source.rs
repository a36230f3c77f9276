//! A file's text as read from disk, and positions in it.
//!
//! Offsets are bytes into the original file (a UTF-8 BOM included), so every
//! span can be shown, masked or edited without re-encoding anything.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A byte range in a source file. `u32` keeps large trees small; files are
/// capped well below 4 GiB by `--max-file-size`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn shift(self, by: usize) -> Self {
        Span::new(self.start as usize + by, self.end as usize + by)
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// 1-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line, built once per file that has findings,
/// and the number of characters before every [`BLOCK`] bytes, so a column
/// far into a long line (a minified config is one line) costs at most one
/// block of counting, not the whole line before it.
pub struct LineIndex {
    starts: Vec<usize>,
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 4096;

/// Characters that start in `bytes` (bytes that are not UTF-8 continuation
/// bytes), whatever the slice's boundaries.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // NOTE: a lone CR ends a line too (old Mac files), as JSON parsers count it.
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        chars_before_block.push(0);
        for block in bytes.chunks(BLOCK) {
            chars += char_starts(block);
            chars_before_block.push(chars);
        }
        LineIndex {
            starts,
            chars_before_block,
        }
    }

    /// Characters that start before byte `offset`.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars_before_block[block] + char_starts(&bytes[block * BLOCK..offset])
    }

    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut start = self.starts[line];
        // NOTE: a byte-order mark is not a column.
        if line == 0 && text.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        let bytes = text.as_bytes();
        let column = self.chars_before(bytes, offset) - self.chars_before(bytes, start) + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of the 1-based line `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let mut end = self.starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }
}

/// Where a file's text came from, and how to name it in reports.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as found (absolute or as given), used to read the file.
    pub path: PathBuf,
    /// The name shown to users: relative to the working directory when the
    /// file is under it, always with `/` separators.
    pub display: String,
    pub text: String,
}

impl SourceFile {
    /// Length of a leading UTF-8 byte-order mark, which parsers must skip.
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }
}

/// Name a path for reports: relative to `cwd` when under it, `/`-separated.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let shown = path
        .strip_prefix(cwd)
        .ok()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path);
    let shown = shown.strip_prefix(".").unwrap_or(shown);
    let text = shown.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text.into_owned()
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_far_into_a_long_line_count_characters() {
        let line = "é".repeat(3000) + "x" + &"a".repeat(9000) + "ü";
        let text = format!("{{\n{line}\n}}");
        let index = LineIndex::new(&text);
        for (needle, column) in [("x", 3001), ("ü", 12002)] {
            let at = text.find(needle).unwrap();
            assert_eq!(index.line_col(&text, at), LineCol { line: 2, column });
        }
        let end = text.len();
        assert_eq!(index.line_col(&text, end), LineCol { line: 3, column: 2 });
    }

    #[test]
    fn line_col_counts_characters_and_crlf() {
        let text = "{\r\n  \"é\": \"x\"\r\n}";
        let index = LineIndex::new(text);
        let x = text.find("\"x\"").unwrap();
        assert_eq!(index.line_col(text, x), LineCol { line: 2, column: 8 });
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(&text[index.line_range(text, 2)], "  \"é\": \"x\"");
    }

    #[test]
    fn display_path_is_relative_under_cwd() {
        let cwd = Path::new("/repo");
        assert_eq!(
            display_path(Path::new("/repo/a/.mcp.json"), cwd),
            "a/.mcp.json"
        );
        assert_eq!(
            display_path(Path::new("/elsewhere/.mcp.json"), cwd),
            "/elsewhere/.mcp.json"
        );
        assert_eq!(display_path(Path::new("./b/.mcp.json"), cwd), "b/.mcp.json");
    }
}
