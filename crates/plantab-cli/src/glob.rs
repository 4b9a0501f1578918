//! A small glob matcher for `--glob`: `*` (any run of characters except
//! `/`), `**` (any run including `/`), `?` (one character except `/`),
//! `[abc]` / `[a-z]` / `[!abc]` (one character of a class) and `{a,b}`
//! (alternatives). Matching is case-sensitive.

/// A compiled `--glob` pattern.
#[derive(Debug, Clone)]
pub struct Glob {
    /// The brace-expanded alternatives, as characters.
    alternatives: Vec<Vec<char>>,
    /// Whether the pattern names folders (`/`), so it is matched against
    /// the path below the folder given rather than the file name alone.
    has_slash: bool,
}

impl Glob {
    /// Compiles `pattern`; `Err` names what is wrong with it.
    pub fn new(pattern: &str) -> Result<Glob, String> {
        if pattern.is_empty() {
            return Err("empty --glob pattern".into());
        }
        let alternatives = expand_braces(pattern)?
            .into_iter()
            .map(|a| a.chars().collect())
            .collect();
        Ok(Glob {
            alternatives,
            has_slash: pattern.contains('/'),
        })
    }

    /// Whether a file found in a folder matches: `name` is its file name,
    /// `relative` its path below the folder given (with `/` separators).
    pub fn matches_file(&self, name: &str, relative: &str) -> bool {
        let subject: Vec<char> = if self.has_slash {
            relative.chars().collect()
        } else {
            name.chars().collect()
        };
        self.alternatives.iter().any(|p| match_here(p, &subject))
    }
}

/// `{a,b}` alternatives, expanded (nested braces too).
fn expand_braces(pattern: &str) -> Result<Vec<String>, String> {
    let Some(open) = pattern.find('{') else {
        return Ok(vec![pattern.to_string()]);
    };
    let mut depth = 0usize;
    let mut close = None;
    let mut splits = Vec::new();
    for (i, c) in pattern.char_indices().skip_while(|(i, _)| *i < open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            ',' if depth == 1 => splits.push(i),
            _ => {}
        }
    }
    let Some(close) = close else {
        return Err(format!("unclosed '{{' in --glob pattern {pattern:?}"));
    };
    let head = &pattern[..open];
    let tail = &pattern[close + 1..];
    let mut bounds = vec![open];
    bounds.extend(&splits);
    bounds.push(close);
    let mut out = Vec::new();
    for pair in bounds.windows(2) {
        if let [a, b] = pair {
            let alt = &pattern[a + 1..*b];
            out.extend(expand_braces(&format!("{head}{alt}{tail}"))?);
        }
    }
    Ok(out)
}

/// Backtracking matcher over characters.
fn match_here(p: &[char], s: &[char]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some('*') => {
            if p.get(1) == Some(&'*') {
                // `**/` also matches no folder at all.
                let rest = &p[2..];
                if rest.first() == Some(&'/') && match_here(&rest[1..], s) {
                    return true;
                }
                (0..=s.len()).any(|k| match_here(rest, &s[k..]))
            } else {
                let rest = &p[1..];
                for k in 0..=s.len() {
                    if match_here(rest, &s[k..]) {
                        return true;
                    }
                    if s.get(k) == Some(&'/') {
                        break;
                    }
                }
                false
            }
        }
        Some('?') => match s.first() {
            Some(c) if *c != '/' => match_here(&p[1..], &s[1..]),
            _ => false,
        },
        Some('[') => {
            let Some(c) = s.first() else { return false };
            match class(&p[1..], *c) {
                Some((true, used)) => match_here(&p[1 + used..], &s[1..]),
                Some((false, _)) => false,
                // No closing `]`: a literal `[`.
                None => *c == '[' && match_here(&p[1..], &s[1..]),
            }
        }
        Some(pc) => match s.first() {
            Some(c) if c == pc => match_here(&p[1..], &s[1..]),
            _ => false,
        },
    }
}

/// Matches `c` against the class starting after `[`; returns whether it
/// matched and how many pattern characters the class used (through `]`).
fn class(p: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 0;
    let negate = matches!(p.first(), Some('!') | Some('^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let pc = *p.get(i)?;
        if pc == ']' && !first {
            return Some((matched != negate && c != '/', i + 1));
        }
        first = false;
        if p.get(i + 1) == Some(&'-') && p.get(i + 2).is_some_and(|e| *e != ']') {
            let hi = *p.get(i + 2)?;
            if pc <= c && c <= hi {
                matched = true;
            }
            i += 3;
        } else {
            if pc == c {
                matched = true;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, name: &str, rel: &str) -> bool {
        Glob::new(p).unwrap().matches_file(name, rel)
    }

    #[test]
    fn patterns() {
        assert!(m("*.pdf", "a.pdf", "x/a.pdf"));
        assert!(!m("*.pdf", "a.PDF", "a.PDF"));
        assert!(!m("*.pdf", "a.pdf.txt", "a.pdf.txt"));
        assert!(m("*.{pdf,txt}", "b.txt", "b.txt"));
        assert!(m("report-??.txt", "report-07.txt", "report-07.txt"));
        assert!(!m("report-??.txt", "report-7.txt", "report-7.txt"));
        assert!(m("[0-9]*", "004_x.txt", "004_x.txt"));
        assert!(!m("[!0-9]*", "004_x.txt", "004_x.txt"));
        assert!(m("own/*.txt", "a.txt", "own/a.txt"));
        assert!(!m("own/*.txt", "a.txt", "own/deep/a.txt"));
        assert!(m("**/*.txt", "a.txt", "a.txt"));
        assert!(m("**/*.txt", "a.txt", "own/deep/a.txt"));
        assert!(m("own/**", "a.txt", "own/deep/a.txt"));
        assert!(Glob::new("*.{pdf").is_err());
        assert!(Glob::new("").is_err());
    }
}
