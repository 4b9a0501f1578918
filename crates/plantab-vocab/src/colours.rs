//! Colour names for printed fills (`data/colours.tsv`): a status cell's
//! fill or a legend swatch, as `#rrggbb`, → the name the eye gives it
//! (`red`, `amber`, `green`, `blue`, `grey` …), by hue, saturation and
//! lightness ranges.

use crate::load::{self, DataFile, Loaded, TableReport};
use std::sync::OnceLock;

/// One named range of colours.
#[derive(Debug, Clone, PartialEq)]
struct NamedRange {
    name: &'static str,
    hue: (f32, f32),
    saturation: (f32, f32),
    lightness: (f32, f32),
}

impl NamedRange {
    fn holds(&self, [h, s, l]: [f32; 3]) -> bool {
        let hue = if self.hue.0 <= self.hue.1 {
            h >= self.hue.0 && h < self.hue.1
        } else {
            h >= self.hue.0 || h < self.hue.1
        };
        let within = |v: f32, (lo, hi): (f32, f32)| v >= lo && v <= hi;
        hue && within(s, self.saturation) && within(l, self.lightness)
    }
}

fn ranges() -> &'static Loaded<Vec<NamedRange>> {
    static CELL: OnceLock<Loaded<Vec<NamedRange>>> = OnceLock::new();
    CELL.get_or_init(|| load_ranges(load::COLOURS))
}

pub(crate) fn tables() -> [TableReport; 1] {
    [ranges().report()]
}

fn load_ranges(file: DataFile) -> Loaded<Vec<NamedRange>> {
    let mut r = load::Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<7>() {
        let [name, h0, h1, s0, s1, l0, l1] = row.fields;
        let Some(name) = r.non_empty(&row, "name", name) else {
            continue;
        };
        if !name.chars().all(|c| c.is_ascii_lowercase()) {
            r.invalid::<7, ()>(&row, "name", name, "is not one lower-case word");
            continue;
        }
        let mut nums = [0f32; 6];
        let mut ok = true;
        for (slot, (field, text)) in nums.iter_mut().zip([
            ("hue_from", h0),
            ("hue_to", h1),
            ("saturation_from", s0),
            ("saturation_to", s1),
            ("lightness_from", l0),
            ("lightness_to", l1),
        ]) {
            let max = if field.starts_with("hue") { 360.0 } else { 1.0 };
            match text.parse::<f32>() {
                Ok(v) if (0.0..=max).contains(&v) => *slot = v,
                _ => {
                    r.invalid::<7, ()>(&row, field, text, "is not a number in range");
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let [h0, h1, s0, s1, l0, l1] = nums;
        if s0 > s1 || l0 > l1 {
            r.invalid::<7, ()>(&row, "range", row.text, "starts above its end");
            continue;
        }
        if r.first(&row, "", name, ["", ""]) {
            out.push(NamedRange {
                name,
                hue: (h0, h1),
                saturation: (s0, s1),
                lightness: (l0, l1),
            });
        }
    }
    r.finish(out)
}

/// Parses `#rrggbb` (or `rrggbb`, any case) into its components.
pub fn parse_rgb(hex: &str) -> Option<[u8; 3]> {
    let h = hex.trim().trim_start_matches('#');
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Hue (degrees), saturation and lightness (0–1) of an RGB colour.
fn hsl([r, g, b]: [u8; 3]) -> [f32; 3] {
    let [r, g, b] = [r, g, b].map(|v| f32::from(v) / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let l = (max + min) / 2.0;
    let d = max - min;
    if d <= f32::EPSILON {
        return [0.0, 0.0, l];
    }
    let s = d / (1.0 - (2.0 * l - 1.0).abs()).max(f32::EPSILON);
    let h = if max == r {
        60.0 * ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / d + 2.0)
    } else {
        60.0 * ((r - g) / d + 4.0)
    };
    [h.rem_euclid(360.0), s.min(1.0), l]
}

/// The name of a colour given as `#rrggbb` (`data/colours.tsv`), `None`
/// when it is not a colour or no range holds it.
pub fn colour_name(hex: &str) -> Option<&'static str> {
    let c = hsl(parse_rgb(hex)?);
    ranges().value.iter().find(|r| r.holds(c)).map(|r| r.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracker_fills_are_named() {
        for (hex, name) in [
            ("#00B050", "green"),
            ("#C6EFCE", "green"),
            ("#92D050", "green"),
            ("#FFC000", "amber"),
            ("#FFEB9C", "amber"),
            ("#FF0000", "red"),
            ("#FFC7CE", "red"),
            ("#0070C0", "blue"),
            ("#DDEBF7", "blue"),
            ("#A6A6A6", "grey"),
            ("#D9D9D9", "grey"),
            ("#ffffff", "white"),
            ("#000000", "black"),
        ] {
            assert_eq!(colour_name(hex), Some(name), "{hex}");
        }
        assert_eq!(colour_name("nonsense"), None);
    }
}
