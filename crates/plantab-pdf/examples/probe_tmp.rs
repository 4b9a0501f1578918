use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    for p in &args[1..] {
        let b = std::fs::read(p).unwrap();
        let lim = plantab_pdf::Limits::default();
        let t = Instant::now();
        let mut r = None;
        for _ in 0..10 {
            r = Some(plantab_pdf::limits::check(&b, &lim));
        }
        let t0 = t.elapsed() / 10;
        let t = Instant::now();
        let _d = lopdf::Document::load_mem(&b);
        let t1 = t.elapsed();
        let t = Instant::now();
        let l = plantab_pdf::read_pdf(&b);
        let t2 = t.elapsed();
        println!(
            "{p} check={t0:?} {:?} lopdf={t1:?} read_pdf={t2:?} ok={}",
            r.unwrap(),
            l.is_ok()
        );
    }
}
