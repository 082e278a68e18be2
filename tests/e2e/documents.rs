//! A refusal letter from draft to paper in the real window: the executor drafts
//! it in Kazakh, the head reviews the page preview and signs with the PIN (a
//! wrong PIN first), the clerk saves the PDF, and the check code printed on it
//! is the one the window shows.

mod driver;

use std::path::{Path, PathBuf};
use std::process::Command;

use driver::{cli, Desk, TauriDriver, NOW};

const PIN: &str = "1111";
/// The demo head's and deputy's PIN (6 digits: the PIN policy).
const STRONG_PIN: &str = "111111";
const APPLICANT: &str = "Гүлжан Өтегенова";

/// Registers a case in Kazakh through the CLI and returns its number.
fn register(data: &Path, name: &str) -> String {
    let json = serde_json::json!({
        "service": "small-vessel-certificate", "procedure": "issue", "channel": "state_corp",
        "received_at": "2026-11-23T10:20:00+05:00", "language": "kk",
        "applicant": {"kind": "person", "iin": "800416100254", "name": name},
        "documents": ["Өтініш"]
    });
    let file = data.join("application.json");
    std::fs::write(&file, json.to_string()).unwrap();
    let out = cli(
        data,
        NOW,
        &[
            "--user",
            "clerk",
            "register",
            "--json",
            file.to_str().unwrap(),
        ],
    );
    serde_json::from_str::<serde_json::Value>(&out).unwrap()["number"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The PDF files in `dir`.
fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect()
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// How many pixels of the first preview page are dark: text was drawn.
const DARK_PIXELS: &str = "const c = document.querySelector('#pdf-preview canvas.pdf-page');
if (!c) return -1;
const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
let dark = 0;
for (let i = 0; i < d.length; i += 4) { if (d[i] < 100 && d[i + 1] < 100 && d[i + 2] < 100) dark++; }
return dark;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kazakh_refusal_is_drafted_signed_with_the_pin_and_printed() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    cli(data.path(), NOW, &["demo"]);
    let number = register(data.path(), APPLICANT);
    let driver = TauriDriver::start().await;
    let desk = Desk::open(&driver, data.path()).await;
    desk.wait_for("#signin").await;

    // The head sends the case to the executor.
    desk.sign_in("head", STRONG_PIN).await;
    desk.open_from_work(&number).await;
    desk.act("resolve").await;
    desk.type_into("#field-text", "Қарап, заңға сай шешім дайындаңыз")
        .await;
    desk.select("#field-executor", "executor").await;
    desk.submit_act().await;

    // The executor finds the package incomplete and drafts the refusal.
    desk.sign_in("executor", PIN).await;
    desk.open_from_work(&number).await;
    desk.act("record_check").await;
    desk.all(".doc-checkbox").await[0].click().await.unwrap();
    desk.submit_act().await;
    desk.act("draft_refusal").await;
    desk.click(".ground-checkbox[value='incomplete-package']")
        .await;
    desk.submit_act().await;
    assert_eq!(
        desk.attr("#case-status", "data-status").await,
        "awaiting_signature"
    );
    assert!(
        !desk.exists("#sign-panel").await,
        "only the signer sees the signature panel"
    );

    // The head sees the letter itself, drawn inside the window, page by page.
    desk.sign_in("head", STRONG_PIN).await;
    desk.open_from_work(&number).await;
    desk.wait_for("#sign-panel[data-kind='refusal']").await;
    assert!(
        !desk.exists("button[data-action-kind='sign']").await,
        "the panel replaces the plain sign button"
    );
    desk.wait_for("#pdf-preview[data-rendered='true']").await;
    let pages = desk.all("#pdf-preview canvas.pdf-page").await.len();
    assert!(pages >= 1, "no page was drawn");
    let dark = desk.eval(DARK_PIXELS).await.as_i64().unwrap();
    assert!(
        dark > 500,
        "the first page looks blank ({dark} dark pixels)"
    );
    desk.eval("document.querySelector('#sign-panel').scrollIntoView(); return 0;")
        .await;
    desk.screenshot("20-sign-panel-preview.png").await;

    // A wrong PIN: the error by its code, and nothing is signed.
    desk.type_into("#sign-pin", "9999").await;
    desk.click("#sign-submit").await;
    desk.wait_for_text("#sign-error", "PIN-код қате").await;
    desk.screenshot("21-sign-wrong-pin.png").await;
    assert!(desk.exists("#sign-panel").await);
    assert!(
        !desk
            .exists("#documents-table tr[data-kind='refusal']")
            .await
    );
    assert_eq!(
        desk.attr("#case-status", "data-status").await,
        "awaiting_signature"
    );

    // The right PIN signs and freezes the letter.
    desk.sign_draft(STRONG_PIN).await;
    let row = "#documents-table tr[data-kind='refusal'][data-lang='kk']";
    desk.wait_for(row).await;
    let code = desk.attr(row, "data-code").await;
    assert_eq!(code.len(), 9, "a check code ABCD-EFGH, not `{code}`");
    assert!(desk.text(row).await.contains(&code));

    // The clerk saves the letter to a folder.
    desk.sign_in("clerk", PIN).await;
    desk.open_from_work(&number).await;
    desk.wait_for(row).await;
    desk.select("#doc-kind", "refusal").await;
    desk.select("#doc-lang", "kk").await;
    desk.type_into("#doc-folder", out.path().to_str().unwrap())
        .await;
    desk.click("#doc-save").await;
    desk.wait_for_text("#doc-notice", out.path().to_str().unwrap())
        .await;
    desk.screenshot("22-refusal-saved.png").await;

    let files = pdfs_in(out.path());
    assert_eq!(files.len(), 1, "one PDF saved: {files:?}");
    let text = pdftotext(&files[0]);
    assert!(
        text.contains(APPLICANT),
        "the letter names {APPLICANT}:\n{text}"
    );
    assert!(
        text.contains(&code),
        "the letter carries the code {code} the window shows:\n{text}"
    );

    // The saved file checks as genuine on the "Check a document" screen, by its code.
    desk.click("#nav-verify").await;
    desk.type_into("#verify-code", &code).await;
    desk.click("#verify-code-submit").await;
    desk.wait_for("#verify-result[data-verdict='genuine']")
        .await;
    desk.wait_for_text("#verify-result", &number).await;
    desk.screenshot("23-verify-genuine.png").await;

    // The file itself: the saved PDF is genuine, a copy with one byte changed is not.
    desk.upload("#verify-file", &files[0]).await;
    desk.wait_for("#verify-result[data-verdict='genuine'][data-file='true']")
        .await;
    let mut bytes = std::fs::read(&files[0]).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let forged = out.path().join("forged.pdf");
    std::fs::write(&forged, bytes).unwrap();
    desk.upload("#verify-file", &forged).await;
    desk.wait_for("#verify-result[data-verdict='tampered']")
        .await;
    desk.wait_for_text("#verify-result", &number).await;
    desk.screenshot("24-verify-tampered.png").await;

    desk.close().await;
    driver.stop();
}
