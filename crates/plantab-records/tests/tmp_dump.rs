use plantab_records::dates::*;
#[test]
fn dump() {
    let ctx = DateContext {
        year: Some(2023),
        ..Default::default()
    };
    for l in std::fs::read_to_string("/tmp/seed_dates.txt")
        .unwrap()
        .lines()
    {
        let l = l.replace("\\n", "\n");
        let v = parse_date(&l, &ctx);
        println!(
            "{:?} => {:?} {:?}..{:?} inf={}",
            l, v.kind, v.start, v.end, v.year_inferred
        );
    }
}
