//! Distinct words numbered (a leaf module): the document's words recur
//! (titles, dates, labels on every row), so whatever is worked out about a
//! word is worked out once per distinct word and kept by its number.

use rustc_hash::FxHashMap;

/// Numbers the distinct words of a document, first seen first.
#[derive(Debug, Default)]
pub(crate) struct Interner<'a> {
    ids: FxHashMap<&'a str, usize>,
    words: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    /// The word's number, and whether it was new.
    #[inline]
    pub(crate) fn intern(&mut self, w: &'a str) -> (usize, bool) {
        if let Some(&id) = self.ids.get(w) {
            return (id, false);
        }
        let id = self.words.len();
        self.ids.insert(w, id);
        self.words.push(w);
        (id, true)
    }

    /// Word number `id`.
    pub(crate) fn word(&self, id: usize) -> Option<&'a str> {
        self.words.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same word, the same number; numbers count up from 0 in the
        /// order words are first seen.
        #[test]
        fn numbers_are_first_seen_order(words in proptest::collection::vec("[ab]{0,3}", 0..40)) {
            let mut interner = Interner::default();
            let mut first_seen: Vec<&str> = Vec::new();
            for w in &words {
                let (id, new) = interner.intern(w);
                let want = first_seen.iter().position(|s| s == w);
                prop_assert_eq!(new, want.is_none());
                if want.is_none() {
                    first_seen.push(w);
                }
                prop_assert_eq!(Some(id), first_seen.iter().position(|s| s == w));
                prop_assert_eq!(interner.word(id), Some(w.as_str()));
            }
        }
    }
}
