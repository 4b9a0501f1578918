//! Hostile and damaged PDF inputs, made deterministically (a fixed-seed
//! xorshift generator; no `rand`). Shared by `plantab-pdf/tests/hostile.rs`
//! and `plantab/tests/hostile.rs`.

#![allow(dead_code)]

pub mod amplify;

use std::io::Write;
use std::path::PathBuf;

/// xorshift64*: a tiny deterministic generator.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// The seed PDFs (fixtures/pdf/*.pdf), sorted.
pub fn seed_pdfs() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The first `percent`% of `bytes`.
pub fn truncated(bytes: &[u8], percent: usize) -> Vec<u8> {
    bytes[..bytes.len() * percent / 100].to_vec()
}

/// `bytes` with `n` bytes at random places xor-ed with a random non-zero
/// value.
pub fn flipped(bytes: &[u8], n: usize, rng: &mut XorShift) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..n {
        let i = rng.below(out.len());
        let v = (rng.next_u64() % 255 + 1) as u8;
        out[i] ^= v;
    }
    out
}

/// `n` random bytes.
pub fn random_bytes(n: usize, rng: &mut XorShift) -> Vec<u8> {
    (0..n).map(|_| rng.next_u64() as u8).collect()
}

/// A one-page PDF whose page content is `content` (stored with the given
/// `/Filter` entry, e.g. `/Filter /FlateDecode`, already applied), with a
/// Helvetica font `/F1`, and `extra` objects appended (numbered from 6).
pub fn one_page_pdf(content: &[u8], filter: &str, extra: &[&[u8]]) -> Vec<u8> {
    let mut objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} {filter} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    objs.push(stream);
    objs.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    for e in extra {
        objs.push(e.to_vec());
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A plain one-page PDF of our own making that reads as text.
pub fn hello_pdf() -> Vec<u8> {
    one_page_pdf(
        b"BT /F1 12 Tf 72 720 Td (Quarterly delivery report) Tj ET",
        "",
        &[],
    )
}

/// zlib data that inflates to `1 + 258 * matches` zero bytes, written by
/// hand as one fixed-Huffman deflate block (a literal 0, then
/// length-258/distance-1 matches), 13 bits per 258 bytes.
pub fn zlib_zeros(matches: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, v: u64, n: u32) {
            self.acc |= v << self.n;
            self.n += n;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code: written most significant bit first.
        fn code(&mut self, v: u64, n: u32) {
            let mut r = 0;
            for i in 0..n {
                r |= ((v >> i) & 1) << (n - 1 - i);
            }
            self.put(r, n);
        }
    }
    let mut b = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // BFINAL
    b.put(1, 2); // fixed Huffman
    b.code(0x30, 8); // literal 0
    for _ in 0..matches {
        b.code(0xC5, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    if b.n > 0 {
        b.put(0, 8 - b.n);
    }
    let total = 1 + 258 * matches as u64;
    let adler = ((total % 65521) << 16) | 1;
    b.out.extend_from_slice(&(adler as u32).to_be_bytes());
    b.out
}

/// zlib-compresses `data` (flate2).
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A decompression bomb: a page content stream that inflates to about
/// `mib` MiB of zeros, compressed twice (`/Filter [/FlateDecode
/// /FlateDecode]`) so the file stays small.
pub fn bomb_pdf(mib: usize) -> Vec<u8> {
    let inner = zlib_zeros(mib * 1024 * 1024 / 258);
    let outer = zlib(&inner);
    one_page_pdf(&outer, "/Filter [/FlateDecode /FlateDecode]", &[])
}

/// A single-layer bomb (`/Filter /FlateDecode`): larger, plain.
pub fn bomb_pdf_single(mib: usize) -> Vec<u8> {
    let data = zlib_zeros(mib * 1024 * 1024 / 258);
    one_page_pdf(&data, "/Filter /FlateDecode", &[])
}

/// A PDF with an object nesting `depth` arrays.
pub fn nested_object_pdf(depth: usize) -> Vec<u8> {
    let mut o = b"<< /Deep ".to_vec();
    o.extend(std::iter::repeat_n(b'[', depth));
    o.extend(std::iter::repeat_n(b']', depth));
    o.extend_from_slice(b" >>");
    one_page_pdf(b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET", "", &[&o])
}

/// A PDF whose page content nests `depth` arrays (a recursive content
/// parser would overflow its stack on it).
pub fn nested_content_pdf(depth: usize) -> Vec<u8> {
    let mut c = b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET ".to_vec();
    c.extend(std::iter::repeat_n(b'[', depth));
    c.extend(std::iter::repeat_n(b']', depth));
    c.extend_from_slice(b" TJ");
    one_page_pdf(&c, "", &[])
}

/// A PDF whose page has `n` `q`/`Q` operator pairs (compressed).
pub fn many_ops_pdf(pairs: usize) -> Vec<u8> {
    let mut c = b"BT /F1 12 Tf 72 720 Td (Busy) Tj ET\n".to_vec();
    for _ in 0..pairs {
        c.extend_from_slice(b"q Q\n");
    }
    one_page_pdf(&zlib(&c), "/Filter /FlateDecode", &[])
}

/// A PDF whose trailer claims `/Size` objects.
pub fn huge_size_claim_pdf(size: u64) -> Vec<u8> {
    let mut pdf = hello_pdf();
    let s = String::from_utf8_lossy(&pdf).into_owned();
    let s = s.replace("<< /Size 6 /Root", &format!("<< /Size {size} /Root"));
    pdf = s.into_bytes();
    pdf
}
