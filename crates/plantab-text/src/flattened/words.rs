//! Splitting a line into printed words (a leaf module): what
//! `str::split_whitespace` gives, with each word's byte offset, byte by
//! byte on ASCII lines (most lines) and char by char otherwise.

/// The words of a line, with their byte offsets in it.
pub(crate) fn word_spans(line: &str) -> Words<'_> {
    Words {
        line,
        pos: 0,
        ascii: line.is_ascii(),
    }
}

/// The words of a line, as `str::split_whitespace` gives them.
pub(crate) fn words(line: &str) -> impl Iterator<Item = &str> {
    word_spans(line).map(|(_, w)| w)
}

/// Iterator of [`word_spans`]: (byte offset in the line, word).
pub(crate) struct Words<'a> {
    line: &'a str,
    /// Where the search for the next word begins.
    pos: usize,
    ascii: bool,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (start, end) = if self.ascii {
            // Byte by byte: every byte is a char.
            let b = self.line.as_bytes();
            let mut i = self.pos;
            while b.get(i).is_some_and(|&c| ascii_space(c)) {
                i += 1;
            }
            let start = i;
            while b.get(i).is_some_and(|&c| !ascii_space(c)) {
                i += 1;
            }
            (start, i)
        } else {
            let rest = self.line.get(self.pos..)?;
            let start = self.pos + rest.find(|c: char| !c.is_whitespace())?;
            let rest = self.line.get(start..)?;
            (
                start,
                start + rest.find(char::is_whitespace).unwrap_or(rest.len()),
            )
        };
        if start == end {
            self.pos = end;
            return None;
        }
        self.pos = end;
        Some((start, self.line.get(start..end)?))
    }
}

/// `s.trim().is_empty()`: nothing but whitespace. A line that begins
/// with a printed ASCII character (most lines) is told at once.
#[inline]
pub(crate) fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() && !ascii_space(b) => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// ASCII whitespace as `char::is_whitespace` has it (with the vertical
/// tab, unlike `u8::is_ascii_whitespace`).
pub(crate) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text of ASCII and other letters and of every kind of space.
    const TEXT: &str =
        "[ab\u{e9}\u{201c} \t\r\n\u{b}\u{c}\u{a0}\u{85}\u{2003}\u{3000}\u{200b}x-]{0,30}";

    proptest! {
        /// Words are `split_whitespace`'s, each found at its offset.
        #[test]
        fn words_split_as_split_whitespace_does(t in TEXT) {
            let got: Vec<(usize, &str)> = word_spans(&t).collect();
            let want: Vec<&str> = t.split_whitespace().collect();
            prop_assert_eq!(got.iter().map(|(_, w)| *w).collect::<Vec<_>>(), want);
            for (at, w) in got {
                prop_assert_eq!(t.get(at..at + w.len()), Some(w));
            }
        }

        /// [`is_blank`] is `trim().is_empty()`.
        #[test]
        fn blank_lines_are_told_as_trim_tells_them(t in TEXT) {
            prop_assert_eq!(is_blank(&t), t.trim().is_empty());
        }
    }

    #[test]
    fn every_ascii_byte_is_told_as_trim_tells_it() {
        for b in 0u8..=127 {
            let s = (b as char).to_string();
            assert_eq!(is_blank(&s), s.trim().is_empty(), "{b}");
        }
    }
}
