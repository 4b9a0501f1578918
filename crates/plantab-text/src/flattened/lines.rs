//! The document's lines, each known by its number and its byte offset in
//! the text (a leaf module).
//!
//! A line is known by its number; its text is a range of the document.
//! Everything the reader keeps about a line (its role, its words) is
//! indexed by that number, and a word's place by its byte offset in the
//! document, never by where a string happens to sit in memory.

/// The lines of a text, as `str::lines` splits them ("\n" or "\r\n" ends
/// a line; an unterminated last line counts), each with the byte offset
/// it begins at: line `i` is `text[start(i)..start(i) + at(i).len()]`.
#[derive(Debug, Clone)]
pub(crate) struct Lines<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Splits `text` into lines (line ends found by byte search).
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        let b = text.as_bytes();
        let n = memchr::memchr_iter(b'\n', b).count() + 1;
        let (mut lines, mut starts) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut from = 0;
        for nl in memchr::memchr_iter(b'\n', b) {
            let line = text.get(from..nl).unwrap_or("");
            lines.push(line.strip_suffix('\r').unwrap_or(line));
            starts.push(from);
            from = nl + 1;
        }
        if from < text.len() {
            // The last line, unterminated: kept as it is.
            lines.push(text.get(from..).unwrap_or(""));
            starts.push(from);
        }
        Lines {
            text,
            lines,
            starts,
        }
    }

    /// The whole text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Number of lines.
    pub(crate) fn len(&self) -> usize {
        self.lines.len()
    }

    /// Line `i`'s text.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&'a str> {
        self.lines.get(i).copied()
    }

    /// Line `i`'s text, or "" past the last line.
    #[inline]
    pub(crate) fn at(&self, i: usize) -> &'a str {
        self.get(i).unwrap_or("")
    }

    /// Where line `i` begins in the text.
    #[inline]
    pub(crate) fn start(&self, i: usize) -> Option<usize> {
        self.starts.get(i).copied()
    }

    /// The lines' texts, first to last.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.lines.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(t: &str) -> Vec<&str> {
        Lines::new(t).iter().collect()
    }

    #[test]
    fn lines_split_as_str_lines_does_on_edge_cases() {
        for t in [
            "", "\n", "\n\n", "a", "a\n", "a\r\n", "a\r", "a\rb\n", "\r\n\r\n", "x\r\r\ny",
        ] {
            assert_eq!(split(t), t.lines().collect::<Vec<_>>(), "{t:?}");
        }
    }

    proptest! {
        /// Lines are `str::lines`, and each range holds its line.
        #[test]
        fn lines_split_as_str_lines_does(t in "[a\u{e9} \t\r\n]{0,40}") {
            let lines = Lines::new(&t);
            prop_assert_eq!(split(&t), t.lines().collect::<Vec<_>>());
            for i in 0..lines.len() {
                let start = lines.start(i).unwrap();
                prop_assert_eq!(t.get(start..start + lines.at(i).len()), lines.get(i));
            }
        }
    }
}
