use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let checked =
        flux_viz::pipeline::check_file(std::path::Path::new(&path)).unwrap_or_else(|_| panic!());
    eprintln!("check {:?}", t.elapsed());
    let t = Instant::now();
    let module = flux_viz::lower::lower(&checked.program, Default::default());
    eprintln!("lower {:?}", t.elapsed());
    let t = Instant::now();
    let _ = flux_viz::machine::layout::FrameLayout::all(&module);
    eprintln!("frames {:?}", t.elapsed());
    let t = Instant::now();
    let _ = flux_viz::lower::listing::state_machines(&module, &checked.sources, Default::default());
    eprintln!("sm {:?}", t.elapsed());
    let t = Instant::now();
    let generated = flux_viz::codegen::generate(&module, &checked.sources, Default::default())
        .unwrap_or_else(|_| panic!());
    eprintln!("codegen {:?}", t.elapsed());
    let mut checked = checked;
    let mut sources = std::mem::take(&mut checked.sources);
    let t = Instant::now();
    let _ = flux_viz::link::build(generated, &mut sources).unwrap_or_else(|_| panic!());
    eprintln!("link {:?}", t.elapsed());
}
