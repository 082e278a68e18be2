//! Milliseconds per document, per kind: `cargo bench -p kense-pdf`.
//! Target: at most 5 ms for a one-page document (release build).

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

use kense_pdf::*;

fn bench(name: &str, iterations: u32, mut render: impl FnMut() -> Vec<u8>) {
    let bytes = render(); // warm-up: parses the fonts once per process
    let start = Instant::now();
    for _ in 0..iterations {
        black_box(render());
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(iterations);
    println!("{name:<34} {ms:>9.2} ms/doc   {:>7} bytes", bytes.len());
}

fn main() {
    let receipt = common::receipt(Lang::Kk);
    let certificate = common::result(ResultKind::Certificate, Lang::Kk);
    let certificate_ru = common::result(ResultKind::Certificate, Lang::Ru);
    let duplicate = common::duplicate(Lang::Ru);
    let rereg = common::reregistered(Lang::Kk);
    let refusal = common::refusal(Lang::Kk, 3);
    let refusal12 = common::refusal(Lang::Ru, 12);
    let journal = common::journal(2000);
    let journal_page = common::journal(12);
    bench("receipt (kk)", 200, || {
        render_receipt(&receipt, Lang::Kk).unwrap()
    });
    bench("certificate (kk)", 200, || {
        render_result(&certificate, Lang::Kk).unwrap()
    });
    bench("duplicate (ru)", 200, || {
        render_duplicate(&duplicate, Lang::Ru).unwrap()
    });
    bench("re-registered licence (kk)", 200, || {
        render_reregistered_licence(&rereg, Lang::Kk).unwrap()
    });
    bench("bilingual certificate (2 pages)", 100, || {
        render_certificate_bilingual(&certificate, &certificate_ru).unwrap()
    });
    bench("refusal, 3 grounds (kk)", 200, || {
        render_refusal(&refusal, Lang::Kk).unwrap()
    });
    bench("refusal, 12 grounds (ru)", 100, || {
        render_refusal(&refusal12, Lang::Ru).unwrap()
    });
    bench("journal, 12 rows (ru)", 100, || {
        render_journal(&journal_page, Lang::Ru).unwrap()
    });
    bench("journal, 2000 rows (ru)", 3, || {
        render_journal(&journal, Lang::Ru).unwrap()
    });
}
