//! Page markers that document converters print between pages, and the
//! page count they give.
//!
//! The forms read (marker's, pymupdf4llm's, docling's and Azure's
//! confirmed in their code or docs):
//! * a break between pages — Azure Document Intelligence's
//!   `<!-- PageBreak -->`; docling's `page_break_placeholder`, usually
//!   `<!-- page break -->` / `<!-- page_break -->`; a form feed (`\f`, as
//!   pdftotext prints); `\newpage` / `\pagebreak` (pandoc markdown);
//! * the start of page N — marker's `{N}` followed by dashes (`N` counted
//!   from 0: `{0}------…` starts the first page); `<!-- page N -->`,
//!   `--- Page N ---`, `=== Page N ===`, `[[PAGE N]]` (the page comments
//!   and banners people ask LLM converters and scripts for);
//! * the end of page N — pymupdf4llm's `--- end of page.page_number=N ---`
//!   and the like (`--- End of Page N ---`).
//!
//! A bare thematic break (`---`, `***`, `___`) is not a page marker: some
//! converters print one between pages, but documents print them as section
//! rules too, so the reader gives no page number for them (see
//! [`is_thematic_break`]). Printed page labels such as Azure's
//! `<!-- PageNumber="iv" -->` are page furniture, not page indices.

/// What a page-marker line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// The next page starts here.
    Break,
    /// Page N (1-based) starts here.
    Start(u32),
    /// Page N (1-based) ends here; page N + 1 follows.
    End(u32),
}

/// Page numbers above this are taken for a misreading, not a page.
const MAX_PAGE: u32 = 1_000_000;

/// The page marker a whole line is, if it is one.
pub fn marker(line: &str) -> Option<Marker> {
    let t = line.trim_matches(|c: char| c.is_whitespace() && c != '\x0c');
    let first = *t.as_bytes().first()?;
    if !matches!(first, b'<' | b'{' | b'-' | b'=' | b'[' | b'\x0c' | b'\\') {
        return None;
    }
    if t.bytes().all(|b| b == b'\x0c') {
        return Some(Marker::Break);
    }
    let t = t.trim();
    // LaTeX page commands in pandoc markdown.
    if matches!(t, "\\newpage" | "\\pagebreak" | "\\clearpage") {
        return Some(Marker::Break);
    }
    if let Some(inner) = t.strip_prefix("<!--").and_then(|r| r.strip_suffix("-->")) {
        return comment_marker(inner);
    }
    if let Some(rest) = t.strip_prefix('{') {
        // marker: `{N}` + dashes, N counted from 0.
        let (num, dashes) = rest.split_once('}')?;
        if dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-') {
            let n: u32 = number(num)?;
            return Some(Marker::Start(n.checked_add(1)?));
        }
        return None;
    }
    banner_marker(t)
}

/// `<!-- … -->` contents: a page break or a page start.
fn comment_marker(inner: &str) -> Option<Marker> {
    let inner = inner.trim();
    // Printed page labels and furniture (`PageNumber="3"`, `PageHeader=…`):
    // quoted values, not markers.
    if inner.contains('"') {
        return None;
    }
    let squashed: String = inner
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if matches!(
        squashed.as_str(),
        "pagebreak" | "newpage" | "pagebreakplaceholder"
    ) {
        return Some(Marker::Break);
    }
    page_words(inner).map(|(end, n)| {
        if end {
            Marker::End(n)
        } else {
            Marker::Start(n)
        }
    })
}

/// `--- Page 3 ---`, `=== Page 3 of 9 ===`, `[[PAGE 3]]`,
/// `--- end of page.page_number=3 ---`: page words between decoration on
/// both sides.
fn banner_marker(t: &str) -> Option<Marker> {
    let deco = |c: char| matches!(c, '-' | '=' | '[' | ']' | '<' | '>' | ' ');
    let inner = t.trim_start_matches(deco);
    let lead = t.len() - inner.len();
    let inner = inner.trim_end_matches(deco);
    let trail = t.len() - lead - inner.len();
    if lead == 0 || trail == 0 {
        return None;
    }
    page_words(inner).map(|(end, n)| {
        if end {
            Marker::End(n)
        } else {
            Marker::Start(n)
        }
    })
}

/// `page 3`, `Page: 3`, `page_number=3`, `page 3 of 9`, `end of page 3`,
/// `end of page.page_number=3`: whether it is an end, and the page.
fn page_words(s: &str) -> Option<(bool, u32)> {
    let lower = s.trim().to_ascii_lowercase();
    let (end, rest) = match lower.strip_prefix("end of") {
        Some(r) => (true, r.trim_start()),
        None => (false, lower.as_str()),
    };
    let rest = rest.strip_prefix("page")?;
    // Between "page" and the number: separators and the words "number",
    // "no", "num" (`.page_number=`, ` no. `, `: `).
    let digits_at = rest.find(|c: char| c.is_ascii_digit())?;
    let (between, rest) = rest.split_at(digits_at);
    if !between
        .split(|c: char| !c.is_ascii_alphabetic())
        .all(|w| matches!(w, "" | "number" | "no" | "num" | "page"))
    {
        return None;
    }
    let digits_end = rest
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, tail) = rest.split_at(digits_end);
    let n = number(digits)?;
    // Nothing after the number but "of N" / "/ N".
    let tail = tail.trim();
    let tail_ok = tail.is_empty()
        || tail
            .strip_prefix("of")
            .or_else(|| tail.strip_prefix('/'))
            .is_some_and(|t| {
                let t = t.trim();
                !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
            });
    (tail_ok && n >= 1).then_some((end, n))
}

fn number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || s.len() > 7 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n <= MAX_PAGE)
}

/// A bare thematic break: three or more `-`, `*` or `_` (spaces between
/// allowed) and nothing else.
pub fn is_thematic_break(line: &str) -> bool {
    let t = line.trim();
    let Some(c) = t.chars().next() else {
        return false;
    };
    matches!(c, '-' | '*' | '_')
        && t.chars().filter(|&x| x == c).count() >= 3
        && t.chars().all(|x| x == c || x == ' ')
}

/// The page each block is on, as the markers met so far say.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    page: u32,
    seen: bool,
    /// The highest page a marker named as ended.
    ended: u32,
}

impl Pager {
    /// Before any marker: page 1 (kept only if a marker turns up).
    pub fn new() -> Self {
        Pager {
            page: 1,
            seen: false,
            ended: 0,
        }
    }

    /// Applies a marker.
    pub fn apply(&mut self, m: Marker) {
        self.seen = true;
        match m {
            Marker::Break => self.page = self.page.saturating_add(1).min(MAX_PAGE),
            Marker::Start(n) => self.page = n,
            Marker::End(n) => {
                self.ended = self.ended.max(n);
                self.page = n.saturating_add(1);
            }
        }
    }

    /// The current page (1 before any marker).
    pub fn current(&self) -> u32 {
        self.page
    }

    /// Whether any marker was met.
    pub fn seen(&self) -> bool {
        self.seen
    }

    /// The highest page a marker named as ended.
    pub fn ended(&self) -> u32 {
        self.ended
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converter_markers() {
        use Marker::*;
        assert_eq!(marker("<!-- PageBreak -->"), Some(Break));
        assert_eq!(marker("<!-- page break -->"), Some(Break));
        assert_eq!(marker("<!-- page_break -->"), Some(Break));
        assert_eq!(marker("\x0c"), Some(Break));
        assert_eq!(marker("\\newpage"), Some(Break));
        assert_eq!(
            marker("{0}------------------------------------------------"),
            Some(Start(1))
        );
        assert_eq!(marker("{12}-----"), Some(Start(13)));
        assert_eq!(marker("<!-- page 4 -->"), Some(Start(4)));
        assert_eq!(marker("<!-- Page: 4 of 9 -->"), Some(Start(4)));
        assert_eq!(marker("--- Page 4 ---"), Some(Start(4)));
        assert_eq!(marker("[[PAGE 4]]"), Some(Start(4)));
        assert_eq!(marker("--- end of page.page_number=3 ---"), Some(End(3)));
        assert_eq!(marker("--- End of Page 3 ---"), Some(End(3)));
        // Not markers.
        assert_eq!(marker("<!-- PageNumber=\"3\" -->"), None);
        assert_eq!(marker("<!-- PageHeader=\"Plan 2024\" -->"), None);
        assert_eq!(marker("<!-- image -->"), None);
        assert_eq!(marker("Page 3"), None);
        assert_eq!(marker("Page 3 of 9"), None);
        assert_eq!(marker("---"), None);
        assert_eq!(marker("--- Pages 3 and 4 ---"), None);
        assert_eq!(marker("--- page three ---"), None);
        assert_eq!(marker("- Page 3 of the plan sets out -"), None);
        assert_eq!(marker("{x}---"), None);
        assert_eq!(marker("<!-- page 99999999999 -->"), None);
    }

    #[test]
    fn thematic_breaks() {
        assert!(is_thematic_break("---"));
        assert!(is_thematic_break(" * * * "));
        assert!(is_thematic_break("______"));
        assert!(!is_thematic_break("--"));
        assert!(!is_thematic_break("|---|"));
        assert!(!is_thematic_break("-*-"));
    }

    #[test]
    fn pager_counts() {
        let mut p = Pager::new();
        assert!(!p.seen());
        p.apply(Marker::Break);
        assert_eq!(p.current(), 2);
        p.apply(Marker::Start(7));
        assert_eq!(p.current(), 7);
        p.apply(Marker::End(7));
        assert_eq!((p.current(), p.ended()), (8, 7));
    }
}
