//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else
//! Windows-1252. Binary data is refused as `not_text`.

use crate::TextError;
use std::borrow::Cow;

/// Decodes a text input. Line endings are normalised to `\n`. UTF-8
/// without a byte-order mark or carriage returns is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, TextError> {
    let text: Cow<'_, str> = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (cow, had_errors) =
            enc.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or(&[]));
        if had_errors {
            return Err(TextError::NotText(format!(
                "the file starts with a {} byte-order mark but its bytes are not valid {}",
                enc.name(),
                enc.name()
            )));
        }
        Cow::Owned(cow.into_owned())
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => {
                if looks_binary(bytes) {
                    return Err(TextError::NotText(
                        "the file holds binary data (control bytes), not text; give plantab a PDF or a text conversion".into(),
                    ));
                }
                let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                Cow::Owned(cow.into_owned())
            }
        }
    };
    if looks_binary(text.as_bytes()) {
        return Err(TextError::NotText(
            "the file holds binary data (control characters), not text; give plantab a PDF or a text conversion".into(),
        ));
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Ok(Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n")))
    } else {
        Ok(text)
    }
}

/// More than 1% control bytes other than tab, newline, carriage return and
/// form feed (or any NUL) means binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let ctrl = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    ctrl * 100 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode(b"caf\xc3\xa9\r\n").unwrap(), "café\n");
        assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9").unwrap(), "café");
        assert_eq!(decode(b"\xff\xfec\x00a\x00f\x00\xe9\x00").unwrap(), "café");
        assert_eq!(
            decode(b"caf\xe9 \x93q\x94").unwrap(),
            "café \u{201c}q\u{201d}"
        );
        assert!(matches!(
            decode(b"\x00\x01\x02binary"),
            Err(TextError::NotText(_))
        ));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00"),
            Err(TextError::NotText(_))
        ));
    }
}
