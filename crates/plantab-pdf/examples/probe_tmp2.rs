use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "nested" {
        let d: usize = args[2].parse().unwrap();
        let mut c = b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET ".to_vec();
        c.extend(std::iter::repeat_n(b'[', d));
        c.extend(std::iter::repeat_n(b']', d));
        c.extend_from_slice(b" TJ");
        let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n4 0 obj\n".to_vec();
        pdf.extend(format!("<< /Length {} >>\nstream\n", c.len()).as_bytes());
        pdf.extend(&c);
        pdf.extend(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        let lim = plantab_pdf::Limits {
            max_nesting_depth: u32::MAX,
            ..Default::default()
        };
        let r = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || plantab_pdf::read_pdf_with_limits(&pdf, &lim).map(|_| ()))
            .unwrap()
            .join();
        println!("{r:?}");
        return;
    }
    let mut total = std::time::Duration::ZERO;
    let mut n = 0;
    for p in &args[1..] {
        let b = std::fs::read(p).unwrap();
        let t = Instant::now();
        let r = plantab_pdf::limits::check(&b, &plantab_pdf::Limits::default());
        total += t.elapsed();
        n += 1;
        match r {
            Err(e) => println!("{p}: {e}"),
            Ok(s) if s.max_depth > 30 || s.max_page_operators > 500_000 => println!("{p}: {s:?}"),
            _ => {}
        }
    }
    println!("{n} files, check total {total:?}");
}
