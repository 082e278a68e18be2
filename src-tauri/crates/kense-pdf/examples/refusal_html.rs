//! The benchmark's refusal letter for LibreOffice: renders the same letter the
//! `render` bench times ("refusal, 3 grounds (kk)"), takes its text back out
//! with `pdftotext` (poppler-utils) so LibreOffice gets exactly the words
//! kense-pdf set, and writes it as COUNT HTML files for `soffice --convert-to pdf`:
//! `cargo run --release -p kense-pdf --example refusal_html -- OUT_DIR [COUNT]`

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use kense_pdf::*;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The letter's text as paragraphs (pdftotext separates blocks by blank lines).
fn html(text: &str) -> String {
    let body: String = text
        .split("\n\n")
        .map(|block| block.trim().replace('\u{c}', ""))
        .filter(|block| !block.is_empty())
        .map(|block| format!("<p>{}</p>\n", escape(&block).replace('\n', "<br>\n")))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"kk\"><head><meta charset=\"utf-8\"><title>refusal</title>\n\
         <style>@page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }} \
         body {{ font-family: 'DejaVu Serif', serif; font-size: 12pt; text-align: justify; }}</style>\n\
         </head><body>\n{body}</body></html>\n"
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "test-output/bench".into());
    let count: usize = args.next().map_or(20, |n| n.parse().expect("COUNT"));
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("create output folder");
    let pdf = render_refusal(&common::refusal(Lang::Kk, 3), Lang::Kk).expect("render");
    let pdf_path = dir.join("refusal-kk.pdf");
    std::fs::write(&pdf_path, pdf).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf_path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout).expect("UTF-8 text");
    assert!(text.contains(common::APPLICANT), "the letter's text");
    let page = html(&text);
    for i in 1..=count {
        std::fs::write(dir.join(format!("refusal-{i:02}.html")), &page).expect("write html");
    }
    println!(
        "{} HTML files of {} characters each in {}",
        count,
        text.chars().count(),
        dir.display()
    );
}
