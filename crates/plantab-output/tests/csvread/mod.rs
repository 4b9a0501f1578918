//! A strict CSV reader for the tests (RFC 4180 as plantab writes it: rows
//! ended by CRLF, a line break only inside quotes), shared by the CLI's
//! tests (`#[path]`), so no CSV crate is built for them.

#![allow(dead_code)]

/// The rows of `text`, each a list of cells; panics on anything plantab
/// never writes (a bare CR or LF outside quotes, an unterminated quote, a
/// last row without CRLF).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut cell)),
                '\r' => assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes"),
                '\n' => panic!("bare LF outside quotes"),
                _ => cell.push(c),
            }
            if c == '\r' {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        cell.is_empty() && row.is_empty(),
        "last row not ended by CRLF"
    );
    rows
}

/// The cell of `row` under the column `name` of `header`.
pub fn column<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    &row[i]
}
