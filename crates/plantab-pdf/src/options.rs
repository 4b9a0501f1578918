//! The overrides camelot and tabula users know, for when the table finder
//! is wrong: which pages to read ([`PageSet`]), where the tables are
//! ([`Area`]), where the column separators are (`columns`), and which way
//! to find tables ([`Strategy`]). [`Overrides`] holds them all; every part
//! defaults to "let the finder decide".
//!
//! Coordinates are PDF points with the origin at the page's bottom left,
//! as in the output's `bbox`.

use std::fmt;
use std::str::FromStr;

/// Why a page set, an area, a column list or a strategy did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    /// Nothing to parse.
    #[error("empty {0}")]
    Empty(&'static str),
    /// A part that is not a number.
    #[error("{what}: {part:?} is not a number")]
    NotANumber {
        /// What was being parsed (`page set`, `area`, `columns`).
        what: &'static str,
        /// The offending part.
        part: String,
    },
    /// Page 0 (pages are counted from 1).
    #[error("page set: pages are counted from 1, not 0")]
    PageZero,
    /// A range whose end is before its start.
    #[error("page set: range {0}-{1} runs backwards")]
    Backwards(u32, u32),
    /// An area without exactly four coordinates.
    #[error("area: expected x0,y0,x1,y1 (optionally PAGE:x0,y0,x1,y1), got {0:?}")]
    AreaShape(String),
    /// An area with no width or height.
    #[error("area: {0:?} has no width or height (need x0 < x1 and y0 < y1)")]
    AreaEmpty(String),
    /// An unknown strategy name.
    #[error("strategy: {0:?} is not one of auto, ruled, text")]
    Strategy(String),
}

/// A set of 1-based page numbers, as written `1,3-5,8-` (`8-`: page 8 to
/// the end). Parse it with [`PageSet::parse`] (or `str::parse`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageSet {
    /// Inclusive ranges; `None` as the end means "to the last page".
    ranges: Vec<(u32, Option<u32>)>,
}

impl PageSet {
    /// Parses `1,3-5,8-`: page numbers and inclusive ranges separated by
    /// commas (spaces allowed); `N-` runs to the last page.
    pub fn parse(s: &str) -> Result<PageSet, OptionError> {
        let num = |p: &str| -> Result<u32, OptionError> {
            let n = p
                .trim()
                .parse::<u32>()
                .map_err(|_| OptionError::NotANumber {
                    what: "page set",
                    part: p.trim().to_string(),
                })?;
            if n == 0 {
                return Err(OptionError::PageZero);
            }
            Ok(n)
        };
        let mut ranges = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let range = match part.split_once('-') {
                Some((a, b)) if b.trim().is_empty() => (num(a)?, None),
                Some((a, b)) => {
                    let (a, b) = (num(a)?, num(b)?);
                    if b < a {
                        return Err(OptionError::Backwards(a, b));
                    }
                    (a, Some(b))
                }
                None => {
                    let a = num(part)?;
                    (a, Some(a))
                }
            };
            ranges.push(range);
        }
        if ranges.is_empty() {
            return Err(OptionError::Empty("page set"));
        }
        Ok(PageSet { ranges })
    }

    /// Whether 1-based page `page` is in the set.
    pub fn contains(&self, page: u32) -> bool {
        self.ranges
            .iter()
            .any(|&(a, b)| page >= a && b.is_none_or(|b| page <= b))
    }

    /// The largest page number written in the set (the start of an open
    /// range counts).
    pub fn last_named(&self) -> Option<u32> {
        self.ranges.iter().map(|&(a, b)| b.unwrap_or(a)).max()
    }

    /// The pages of a document of `count` pages that are in the set, in
    /// order.
    pub fn pages_of(&self, count: u32) -> Vec<u32> {
        (1..=count).filter(|&p| self.contains(p)).collect()
    }
}

impl FromStr for PageSet {
    type Err = OptionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PageSet::parse(s)
    }
}

impl fmt::Display for PageSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (a, b)) in self.ranges.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            match b {
                Some(b) if b == a => write!(f, "{a}")?,
                Some(b) => write!(f, "{a}-{b}")?,
                None => write!(f, "{a}-")?,
            }
        }
        Ok(())
    }
}

/// Where a table is: a box in PDF points (origin bottom left, as the
/// output's `bbox`) on one page or on every page. Written
/// `x0,y0,x1,y1` (every page) or `PAGE:x0,y0,x1,y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// The 1-based page it applies to; `None`: every page.
    pub page: Option<u32>,
    /// Left.
    pub x0: f64,
    /// Bottom.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Top.
    pub y1: f64,
}

impl Area {
    /// Parses `x0,y0,x1,y1` or `PAGE:x0,y0,x1,y1`.
    pub fn parse(s: &str) -> Result<Area, OptionError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(OptionError::Empty("area"));
        }
        let (page, coords) = match s.split_once(':') {
            Some((p, rest)) => {
                let n = p
                    .trim()
                    .parse::<u32>()
                    .map_err(|_| OptionError::NotANumber {
                        what: "area",
                        part: p.trim().to_string(),
                    })?;
                if n == 0 {
                    return Err(OptionError::PageZero);
                }
                (Some(n), rest)
            }
            None => (None, s),
        };
        let v = parse_numbers(coords, "area")?;
        let [x0, y0, x1, y1] = v.as_slice() else {
            return Err(OptionError::AreaShape(s.to_string()));
        };
        if x1 <= x0 || y1 <= y0 {
            return Err(OptionError::AreaEmpty(s.to_string()));
        }
        Ok(Area {
            page,
            x0: *x0,
            y0: *y0,
            x1: *x1,
            y1: *y1,
        })
    }

    /// Whether the area applies to 1-based page `page`.
    pub fn on_page(&self, page: u32) -> bool {
        self.page.is_none_or(|p| p == page)
    }

    /// The area in top-left page coordinates `(x0, top, x1, bottom)` on a
    /// page `height` points high.
    pub fn top_left(&self, height: f64) -> (f64, f64, f64, f64) {
        (self.x0, height - self.y1, self.x1, height - self.y0)
    }
}

impl FromStr for Area {
    type Err = OptionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Area::parse(s)
    }
}

/// Parses comma-separated numbers (`columns`: x positions in PDF points).
pub fn parse_columns(s: &str) -> Result<Vec<f64>, OptionError> {
    let mut v = parse_numbers(s, "columns")?;
    if v.is_empty() {
        return Err(OptionError::Empty("columns"));
    }
    v.sort_by(f64::total_cmp);
    v.dedup();
    Ok(v)
}

fn parse_numbers(s: &str, what: &'static str) -> Result<Vec<f64>, OptionError> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| OptionError::NotANumber {
                    what,
                    part: p.to_string(),
                })
        })
        .collect()
}

/// How tables are found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Strategy {
    /// Ruled grids first, then text alignment for what they leave.
    #[default]
    Auto,
    /// Ruled grids only (camelot's `lattice`).
    Ruled,
    /// Text alignment only, rulings ignored as cell borders; horizontal
    /// rulings still separate rows (camelot's `stream`, tabula's
    /// `--stream`).
    Text,
}

impl Strategy {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Auto => "auto",
            Strategy::Ruled => "ruled",
            Strategy::Text => "text",
        }
    }
}

impl FromStr for Strategy {
    type Err = OptionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Strategy::Auto),
            "ruled" | "lattice" => Ok(Strategy::Ruled),
            "text" | "stream" => Ok(Strategy::Text),
            _ => Err(OptionError::Strategy(s.to_string())),
        }
    }
}

/// The table finder's overrides (see the module docs). The default lets
/// the finder decide everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    /// Read only these pages (others are skipped: no text, no tables).
    pub pages: Option<PageSet>,
    /// Look for tables only inside these areas (text outside them is read
    /// as text). An area where the finder sees no table is read as one
    /// table by text alignment.
    pub areas: Vec<Area>,
    /// Column separators (x in PDF points) for tables found by text
    /// alignment, instead of the gaps the finder sees.
    pub columns: Vec<f64>,
    /// How tables are found.
    pub strategy: Strategy,
}

impl Overrides {
    /// Whether the finder needs no override at all (pages aside).
    pub fn finder_default(&self) -> bool {
        self.areas.is_empty() && self.columns.is_empty() && self.strategy == Strategy::Auto
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sets() {
        let s = PageSet::parse("1, 3-5,8-").unwrap();
        assert_eq!(s.pages_of(10), [1, 3, 4, 5, 8, 9, 10]);
        assert_eq!(s.to_string(), "1,3-5,8-");
        assert_eq!(PageSet::parse("0"), Err(OptionError::PageZero));
        assert_eq!(PageSet::parse("5-3"), Err(OptionError::Backwards(5, 3)));
        assert_eq!(PageSet::parse(" , "), Err(OptionError::Empty("page set")));
        assert!(matches!(
            PageSet::parse("1,x"),
            Err(OptionError::NotANumber { .. })
        ));
    }

    #[test]
    fn areas_and_columns() {
        let a = Area::parse("2:10,20,300,400.5").unwrap();
        assert_eq!(a.page, Some(2));
        assert_eq!(a.top_left(800.0), (10.0, 399.5, 300.0, 780.0));
        assert!(Area::parse("10,20,300").is_err());
        assert!(Area::parse("10,20,5,400").is_err());
        assert_eq!(
            parse_columns("300, 100,200").unwrap(),
            [100.0, 200.0, 300.0]
        );
        assert!(parse_columns("").is_err());
        assert_eq!("stream".parse::<Strategy>(), Ok(Strategy::Text));
        assert!("grid".parse::<Strategy>().is_err());
    }
}
