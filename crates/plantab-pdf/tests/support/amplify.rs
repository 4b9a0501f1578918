//! The amplifying PDFs of `bench/hostile/make_hostile.py`, ported: small
//! files that ask a reader for far more work or memory than their size
//! suggests. Sizes are parameters, so tests can use versions that run
//! quickly in a debug build while keeping the shape that amplifies.

use super::zlib;

/// A minimal PDF writer: objects numbered from 1, a classic xref table.
#[derive(Default)]
pub struct Doc {
    objs: Vec<Vec<u8>>,
}

/// A Helvetica font dictionary.
pub const FONT: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
/// One line of text, in `/F1`.
pub const TEXT: &str = "BT /F1 12 Tf 72 720 Td (Quarterly delivery report) Tj ET\n";

impl Doc {
    /// An empty document.
    pub fn new() -> Doc {
        Doc::default()
    }

    /// A number for an object written later with [`Doc::set`].
    pub fn reserve(&mut self) -> usize {
        self.objs.push(b"null".to_vec());
        self.objs.len()
    }

    /// Sets object `n`'s body.
    pub fn set(&mut self, n: usize, body: impl AsRef<[u8]>) {
        self.objs[n - 1] = body.as_ref().to_vec();
    }

    /// Adds an object; returns its number.
    pub fn add(&mut self, body: impl AsRef<[u8]>) -> usize {
        self.objs.push(body.as_ref().to_vec());
        self.objs.len()
    }

    /// A stream object (Flate-compressed when `compress`), with `extra`
    /// dictionary entries.
    pub fn stream(&mut self, data: &[u8], compress: bool, extra: &str) -> usize {
        let n = self.reserve();
        self.set_stream(n, data, compress, extra);
        n
    }

    /// Sets object `n` to a stream (see [`Doc::stream`]).
    pub fn set_stream(&mut self, n: usize, data: &[u8], compress: bool, extra: &str) {
        let (data, filter) = if compress {
            (zlib(data), "/Filter /FlateDecode ")
        } else {
            (data.to_vec(), "")
        };
        let mut body =
            format!("<< /Length {} {filter}{extra}>>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(&data);
        body.extend_from_slice(b"\nendstream");
        self.set(n, body);
    }

    /// The file, with catalog `root` and optional `/Info`.
    pub fn finish(&self, root: usize, info: Option<usize>) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objs.len());
        for (i, o) in self.objs.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(o);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let size = self.objs.len() + 1;
        out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
        for off in offsets {
            out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        let info = info.map_or(String::new(), |i| format!(" /Info {i} 0 R"));
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {size} /Root {root} 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n"
            )
            .as_bytes(),
        );
        out
    }
}

/// Refs `n 0 R` joined by spaces.
fn refs(ns: &[usize]) -> String {
    ns.iter()
        .map(|n| format!("{n} 0 R"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A document of pages whose dictionaries `page(doc, pages, font)` makes:
/// `(doc, catalog)`; `catalog_extra` goes into the catalog.
fn with_pages(
    n: usize,
    catalog_extra: &str,
    mut page: impl FnMut(&mut Doc, usize, usize) -> String,
) -> (Doc, usize) {
    let mut d = Doc::new();
    let cat = d.reserve();
    let pages = d.reserve();
    let font = d.add(FONT);
    let kids: Vec<usize> = (0..n)
        .map(|_| {
            let body = page(&mut d, pages, font);
            d.add(body)
        })
        .collect();
    d.set(
        cat,
        format!("<< /Type /Catalog /Pages {pages} 0 R {catalog_extra}>>"),
    );
    d.set(
        pages,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            refs(&kids),
            kids.len()
        ),
    );
    (d, cat)
}

/// A page dictionary drawing `contents` with `/F1` and `resources_extra`.
fn page_dict(pages: usize, font: usize, contents: usize, resources_extra: &str) -> String {
    format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Contents {contents} 0 R \
         /Resources << /Font << /F1 {font} 0 R >> {resources_extra}>> >>"
    )
}

/// A one-page document drawing `content` (compressed).
pub fn one_page(content: &[u8]) -> Vec<u8> {
    let mut cs = 0;
    let (d, cat) = with_pages(1, "", |d, pages, font| {
        cs = d.stream(content, true, "");
        page_dict(pages, font, cs, "")
    });
    d.finish(cat, None)
}

/// A one-page document drawing `content`; `extra(doc, page)` adds objects
/// and returns entries for the catalog.
fn single_page(content: &[u8], extra: impl FnOnce(&mut Doc, usize) -> String) -> Vec<u8> {
    let mut d = Doc::new();
    let cat = d.reserve();
    let pages = d.reserve();
    let page = d.reserve();
    let font = d.add(FONT);
    let cs = d.stream(content, false, "");
    let catalog_extra = extra(&mut d, page);
    d.set(
        cat,
        format!("<< /Type /Catalog /Pages {pages} 0 R {catalog_extra} >>"),
    );
    d.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    d.set(page, page_dict(pages, font, cs, ""));
    d.finish(cat, None)
}

/// A one-page document whose structure tree `tree(doc, page, root)` fills
/// in (it returns the root's `/K`).
fn tagged_page(tree: impl FnOnce(&mut Doc, usize, usize) -> String) -> Vec<u8> {
    let content = format!("/P << /MCID 0 >> BDC {TEXT}EMC\n");
    single_page(content.as_bytes(), |d, page| {
        let root = d.reserve();
        let kids = tree(d, page, root);
        d.set(root, format!("<< /Type /StructTreeRoot /K {kids} >>"));
        format!("/StructTreeRoot {root} 0 R /MarkInfo << /Marked true >>")
    })
}

/// A structure tree of `levels` elements, each listing the next twice (and
/// the root listing the first twice): 2^levels elements for a walk that does
/// not remember what it has seen.
pub fn struct_dag_pdf(levels: usize) -> Vec<u8> {
    tagged_page(|d, page, root| {
        let elems: Vec<usize> = (0..levels).map(|_| d.reserve()).collect();
        for (i, &e) in elems.iter().enumerate() {
            let kids = match elems.get(i + 1) {
                Some(next) => format!("[{next} 0 R {next} 0 R]"),
                None => "0".to_string(),
            };
            d.set(
                e,
                format!("<< /Type /StructElem /S /Sect /P {root} 0 R /Pg {page} 0 R /K {kids} >>"),
            );
        }
        let first = elems.first().copied().unwrap_or(root);
        format!("[{first} 0 R {first} 0 R]")
    })
}

/// Three structure elements that each list all three as kids: a loop.
pub fn struct_loop_pdf() -> Vec<u8> {
    tagged_page(|d, page, root| {
        let (a, b, c) = (d.reserve(), d.reserve(), d.reserve());
        for e in [a, b, c] {
            d.set(e, format!("<< /Type /StructElem /S /Div /P {root} 0 R /Pg {page} 0 R /K [{a} 0 R {b} 0 R {c} 0 R 0] >>"));
        }
        format!("{a} 0 R")
    })
}

/// `/Info` holding `levels` arrays that each name the next twice.
pub fn info_dag_pdf(levels: usize) -> Vec<u8> {
    let (mut d, cat) = with_pages(1, "", |d, pages, font| {
        let cs = d.stream(TEXT.as_bytes(), false, "");
        page_dict(pages, font, cs, "")
    });
    let ls: Vec<usize> = (0..levels).map(|_| d.reserve()).collect();
    for (i, &n) in ls.iter().enumerate() {
        match ls.get(i + 1) {
            Some(next) => d.set(n, format!("[{next} 0 R {next} 0 R]")),
            None => d.set(n, "(leaf)"),
        }
    }
    let first = ls
        .first()
        .map_or("null".to_string(), |f| format!("{f} 0 R"));
    let info = d.add(format!("<< /Title (Hostile) /Custom {first} >>"));
    d.finish(cat, Some(info))
}

/// An AcroForm field tree listing the same kids twice on `levels` levels.
pub fn acroform_dag_pdf(levels: usize) -> Vec<u8> {
    single_page(TEXT.as_bytes(), |d, page| {
        let ls: Vec<usize> = (0..levels).map(|_| d.reserve()).collect();
        for (i, &n) in ls.iter().enumerate() {
            match ls.get(i + 1) {
                Some(next) => d.set(
                    n,
                    format!("<< /T (f{i}) /Kids [{next} 0 R {next} 0 R] >>"),
                ),
                None => d.set(n, format!("<< /T (leaf) /FT /Tx /V (x) /Subtype /Widget /Rect [0 0 10 10] /P {page} 0 R >>")),
            }
        }
        let first = ls.first().copied().unwrap_or(page);
        format!("/AcroForm << /Fields [{first} 0 R] >>")
    })
}

/// Form XObjects `levels` deep, each drawing the next `fan` times; the last
/// shows `leaf_repeat` times a word and three path constructions.
pub fn forms_nested_pdf(levels: usize, fan: usize, leaf_repeat: usize) -> Vec<u8> {
    let mut d = Doc::new();
    let cat = d.reserve();
    let pages = d.reserve();
    let page = d.reserve();
    let font = d.add(FONT);
    let forms: Vec<usize> = (0..levels).map(|_| d.reserve()).collect();
    for (i, &f) in forms.iter().enumerate() {
        let (body, res) = match forms.get(i + 1) {
            Some(next) => (
                (0..fan)
                    .map(|j| format!("q 1 0 0 1 {j} 0 cm /X Do Q\n"))
                    .collect::<String>(),
                format!("/Resources << /XObject << /X {next} 0 R >> /Font << /F1 {font} 0 R >> >>"),
            ),
            None => (
                "BT /F1 8 Tf 10 10 Td (leaf) Tj ET 0 0 5 5 re f 0 0 m 5 5 l S\n"
                    .repeat(leaf_repeat),
                format!("/Resources << /Font << /F1 {font} 0 R >> >>"),
            ),
        };
        d.set_stream(
            f,
            body.as_bytes(),
            false,
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] {res} "),
        );
    }
    let draw: String = (0..fan)
        .map(|j| format!("q 1 0 0 1 0 {j} cm /X Do Q\n"))
        .collect();
    let cs = d.stream(format!("{TEXT}{draw}").as_bytes(), false, "");
    let first = forms.first().copied().unwrap_or(font);
    d.set(cat, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    d.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    d.set(
        page,
        page_dict(pages, font, cs, &format!("/XObject << /X {first} 0 R >> ")),
    );
    d.finish(cat, None)
}

/// `pages` pages whose `/Contents` all name one stream of `pairs` `q Q`.
pub fn pages_shared_pdf(pages: usize, pairs: usize) -> Vec<u8> {
    let mut content = TEXT.as_bytes().to_vec();
    content.extend(b"q Q\n".repeat(pairs));
    let mut cs = None;
    let (d, cat) = with_pages(pages, "", |d, parent, font| {
        let s = *cs.get_or_insert_with(|| d.stream(&content, true, ""));
        page_dict(parent, font, s, "")
    });
    d.finish(cat, None)
}

/// One `Tj` showing `chars` characters.
pub fn glyphs_one_show_pdf(chars: usize) -> Vec<u8> {
    let mut c = TEXT.as_bytes().to_vec();
    c.extend_from_slice(b"BT /F1 1 Tf 0 700 Td (");
    c.extend(std::iter::repeat_n(b'a', chars));
    c.extend_from_slice(b") Tj ET\n");
    one_page(&c)
}

/// A form XObject showing `words` five-character words, drawn `drawings`
/// times.
pub fn glyphs_form_reuse_pdf(words: usize, drawings: usize) -> Vec<u8> {
    let body = format!("BT /F1 2 Tf 10 10 Td ({}) Tj ET\n", "word ".repeat(words));
    form_drawn_pdf(body.as_bytes(), drawings, |_, font| font)
}

/// One page drawing a form XObject of content `body` `drawings` times;
/// `font(doc, helvetica)` gives the font the form shows text in as `/F1`.
fn form_drawn_pdf(
    body: &[u8],
    drawings: usize,
    font: impl FnOnce(&mut Doc, usize) -> usize,
) -> Vec<u8> {
    let mut font = Some(font);
    let (d, cat) = with_pages(1, "", |d, pages, helvetica| {
        let f = font.take().map_or(helvetica, |make| make(d, helvetica));
        let form = d.stream(
            body,
            true,
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 {f} 0 R >> >> "),
        );
        let cs = d.stream(
            format!("{TEXT}{}", "/X Do\n".repeat(drawings)).as_bytes(),
            true,
            "",
        );
        page_dict(pages, f, cs, &format!("/XObject << /X {form} 0 R >> "))
    });
    d.finish(cat, None)
}

/// `n` `q` with no `Q`.
pub fn q_stack_pdf(n: usize) -> Vec<u8> {
    let mut c = TEXT.as_bytes().to_vec();
    c.extend(b"q\n".repeat(n));
    one_page(&c)
}

/// One path of `n` rectangles painted by a single `f`.
pub fn one_path_pdf(n: usize) -> Vec<u8> {
    let mut c = TEXT.as_bytes().to_vec();
    c.extend(b"10 10 50 50 re\n".repeat(n));
    c.extend_from_slice(b"f\n");
    one_page(&c)
}

/// A CID font whose `/W` gives one width to CIDs 0 to 4,294,967,294.
pub fn cid_width_range_pdf() -> Vec<u8> {
    let (d, cat) = with_pages(1, "", |d, pages, font| {
        let desc = d.add("<< /Type /FontDescriptor /FontName /Hostile /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>");
        let cid = d.add(format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hostile /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R /DW 1000 /W [0 4294967294 500] >>"));
        let f2 = d.add(format!("<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H /DescendantFonts [{cid} 0 R] >>"));
        let cs = d.stream(
            format!("{TEXT}BT /F2 12 Tf 72 700 Td <00410042> Tj ET\n").as_bytes(),
            false,
            "",
        );
        format!("<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Contents {cs} 0 R /Resources << /Font << /F1 {font} 0 R /F2 {f2} 0 R >> >> >>")
    });
    d.finish(cat, None)
}

/// A ToUnicode CMap of `entries` `bfrange` entries each spanning all
/// four-byte codes.
pub fn cmap_range_pdf(entries: usize) -> Vec<u8> {
    let (d, cat) = with_pages(1, "", |d, pages, _| {
        let cmap = format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Hostile def 1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n{entries} beginbfrange\n{}endbfrange endcmap CMapName currentdict /CMap defineresource pop end end\n",
            "<00000000> <FFFFFFFF> <0041>\n".repeat(entries)
        );
        let tu = d.stream(cmap.as_bytes(), true, "");
        let font = d.add(format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {tu} 0 R >>"
        ));
        let cs = d.stream(TEXT.as_bytes(), false, "");
        page_dict(pages, font, cs, "")
    });
    d.finish(cat, None)
}

/// A font with a `widths`-entry `/Widths` array, used by a form drawn
/// `drawings` times.
pub fn font_reload_pdf(widths: usize, drawings: usize) -> Vec<u8> {
    form_drawn_pdf(b"BT /F1 8 Tf 10 10 Td (a) Tj ET\n", drawings, |d, _| {
        let w = d.add(format!("[{}]", "500 ".repeat(widths)));
        d.add(format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar {} /Widths {w} 0 R >>",
            widths.saturating_sub(1)
        ))
    })
}

/// `pages` pages sharing one `/Annots` array of `annots` annotations.
pub fn annots_shared_pdf(pages: usize, annots: usize) -> Vec<u8> {
    let mut arr = None;
    let mut cs = None;
    let (d, cat) = with_pages(pages, "", |d, parent, font| {
        let s = *cs.get_or_insert_with(|| d.stream(TEXT.as_bytes(), false, ""));
        let a = *arr.get_or_insert_with(|| {
            let ids: Vec<usize> = (0..annots)
                .map(|i| {
                    d.add(format!(
                        "<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (note {i}) >>"
                    ))
                })
                .collect();
            d.add(format!("[{}]", refs(&ids)))
        });
        format!("<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 612 792] /Contents {s} 0 R /Annots {a} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>")
    });
    d.finish(cat, None)
}

/// `n` pages with one glyph each.
pub fn pages_many_pdf(n: usize) -> Vec<u8> {
    let mut cs = None;
    let (d, cat) = with_pages(n, "", |d, parent, font| {
        let s = *cs.get_or_insert_with(|| d.stream(b"BT /F1 12 Tf 72 720 Td (a) Tj ET", false, ""));
        page_dict(parent, font, s, "")
    });
    d.finish(cat, None)
}

/// `n` inline images each claiming 65,535 x 65,535 pixels.
pub fn inline_image_pdf(n: usize) -> Vec<u8> {
    let mut c = TEXT.as_bytes().to_vec();
    c.extend(b"BI /W 65535 /H 65535 /BPC 8 /CS /RGB ID \x00\x00\x00 EI\n".repeat(n));
    one_page(&c)
}
