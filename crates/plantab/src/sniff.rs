//! What a file's bytes are, by their first bytes ("magic numbers"), for an
//! input whose name says PDF but whose bytes are not one: a PNG, a Word
//! document or a web page saved as `report.pdf` (a download that returned
//! an error page, a scan exported under the wrong name) is reported as
//! `malformed` naming what it is, instead of being read as text.

/// What `bytes` look like when they are not a PDF: a short name for a
/// person ("a PNG image", "a ZIP archive (a Word document, .docx)"), or
/// `None` when nothing is recognised.
pub fn what_is(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"BM", "a BMP image"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Office document (.doc, .xls, .ppt)",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"%!PS", "a PostScript file"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP image");
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // Office Open XML and OpenDocument files are ZIP archives; the
        // first entries' names tell which.
        let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
        let has = |s: &[u8]| head.windows(s.len()).any(|w| w == s);
        return Some(if has(b"word/") {
            "a ZIP archive (a Word document, .docx)"
        } else if has(b"xl/") {
            "a ZIP archive (an Excel workbook, .xlsx)"
        } else if has(b"ppt/") {
            "a ZIP archive (a PowerPoint file, .pptx)"
        } else if has(b"application/vnd.oasis.opendocument") {
            "a ZIP archive (an OpenDocument file)"
        } else {
            "a ZIP archive"
        });
    }
    let text = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let start: Vec<u8> = text
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xef || **b == 0xbb || **b == 0xbf)
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        return Some("an HTML page");
    }
    if start.starts_with(b"<?xml") || start.starts_with(b"<svg") {
        return Some(if start.windows(4).any(|w| w == b"<svg") {
            "an SVG image"
        } else {
            "an XML file"
        });
    }
    if std::str::from_utf8(text).is_ok() && !text.iter().any(|&b| b < 0x09) {
        return Some("plain text");
    }
    None
}

/// Whether `path` is named as a PDF (`.pdf`, any case).
pub fn named_pdf(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(what_is(b"\x89PNG\r\n\x1a\n\0\0"), Some("a PNG image"));
        assert_eq!(
            what_is(b"PK\x03\x04\x14\0\x06\0\x08\0[Content_Types].xml word/document.xml"),
            Some("a ZIP archive (a Word document, .docx)")
        );
        assert_eq!(what_is(b"\n<!DOCTYPE html><html>"), Some("an HTML page"));
        assert_eq!(what_is(b"Action plan\nQ3 2024"), Some("plain text"));
        assert_eq!(what_is(b"\0\x01\x02\x03"), None);
        assert!(named_pdf("a/B.PDF"));
        assert!(!named_pdf("a/b.pdf.txt"));
    }
}
