//! Renders one of each document into a folder and turns the pages into PNGs
//! (pdftoppm, poppler-utils) for looking at them:
//! `cargo run -p kense-pdf --example preview -- /work/main/test-output/pdf`

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use kense_pdf::*;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "test-output/pdf".into());
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("create output folder");
    let docs: Vec<(&str, Vec<u8>)> = vec![
        (
            "receipt-kk",
            render_receipt(&common::receipt(Lang::Kk), Lang::Kk).unwrap(),
        ),
        (
            "receipt-ru",
            render_receipt(&common::receipt(Lang::Ru), Lang::Ru).unwrap(),
        ),
        (
            "refusal-kk",
            render_refusal(&common::refusal(Lang::Kk, 3), Lang::Kk).unwrap(),
        ),
        (
            "refusal-ru",
            render_refusal(&common::refusal(Lang::Ru, 3), Lang::Ru).unwrap(),
        ),
        (
            "refusal12-kk",
            render_refusal(&common::refusal(Lang::Kk, 12), Lang::Kk).unwrap(),
        ),
        (
            "certificate-kk",
            render_result(&common::result(ResultKind::Certificate, Lang::Kk), Lang::Kk).unwrap(),
        ),
        (
            "duplicate-ru",
            render_duplicate(&common::duplicate(Lang::Ru), Lang::Ru).unwrap(),
        ),
        (
            "licence-rereg-kk",
            render_reregistered_licence(&common::reregistered(Lang::Kk), Lang::Kk).unwrap(),
        ),
        (
            "bilingual",
            render_certificate_bilingual(
                &common::result(ResultKind::Certificate, Lang::Kk),
                &common::result(ResultKind::Certificate, Lang::Ru),
            )
            .unwrap(),
        ),
        (
            "journal-ru",
            render_journal(&common::journal(60), Lang::Ru).unwrap(),
        ),
    ];
    for (name, bytes) in docs {
        let pdf = dir.join(format!("{name}.pdf"));
        std::fs::write(&pdf, bytes).expect("write pdf");
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&pdf)
            .arg(dir.join(name))
            .status()
            .expect("run pdftoppm");
        assert!(status.success());
        println!("{}", pdf.display());
    }
}
