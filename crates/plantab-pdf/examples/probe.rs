use pdfplumber::Pdf;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let pno: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let bytes = std::fs::read(path).unwrap();
    let pdf = Pdf::open_bytes(&bytes, None).unwrap();
    let page = pdf.page(pno - 1).unwrap();
    println!(
        "size {} x {} rot {}",
        page.width(),
        page.height(),
        page.rotation()
    );
    println!(
        "chars {} lines {} rects {} curves {}",
        page.chars().len(),
        page.lines().len(),
        page.rects().len(),
        page.curves().len()
    );
    for l in page.lines().iter().take(20) {
        println!(
            "line {:.1} {:.1} {:.1} {:.1} w{:.2} {:?}",
            l.x0, l.top, l.x1, l.bottom, l.line_width, l.stroke_color
        );
    }
    for r in page.rects().iter().take(40) {
        println!(
            "rect {:.1} {:.1} {:.1} {:.1} w{:.2} s{} f{} {:?}",
            r.x0, r.top, r.x1, r.bottom, r.line_width, r.stroke, r.fill, r.fill_color
        );
    }
    for c in page.chars().iter().take(30) {
        println!(
            "char {:?} {:.1} {:.1} {:.1} {:.1} {} {:.1} up{}",
            c.text, c.bbox.x0, c.bbox.top, c.bbox.x1, c.bbox.bottom, c.fontname, c.size, c.upright
        );
    }
}
