//! Renders every document in both languages and reads it back with poppler's
//! pdftotext / pdfinfo, as a person copying text out of the PDF would.

mod common;

use std::io::Write;
use std::process::Command;

use common::*;
use kense_pdf::*;

const LANGS: [Lang; 2] = [Lang::Kk, Lang::Ru];

fn temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    f
}

fn run(cmd: &str, args: &[&str], bytes: &[u8]) -> String {
    let f = temp_pdf(bytes);
    let out = Command::new(cmd)
        .args(args)
        .arg(f.path())
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `pdftotext -layout` of the whole file.
fn layout_text(bytes: &[u8]) -> String {
    run("pdftotext", &["-layout"], bytes)
}

/// Text in drawing order of the page bodies only (footers cropped away), with
/// white space folded, so a paragraph that crosses a page reads as one.
fn body_text(bytes: &[u8], landscape: bool) -> String {
    let (w, h) = if landscape {
        ("842", "480")
    } else {
        ("595", "734")
    };
    let raw = run(
        "pdftotext",
        &["-raw", "-x", "0", "-y", "0", "-W", w, "-H", h],
        bytes,
    );
    fold(&raw)
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pages(bytes: &[u8]) -> usize {
    let f = temp_pdf(bytes);
    let out = Command::new("pdfinfo").arg(f.path()).output().unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo prints Pages")
}

fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
}

fn assert_no_missing_keys(text: &str) {
    assert!(
        !text.contains("pdf."),
        "an untranslated key leaked:\n{text}"
    );
}

#[test]
fn receipt_in_both_languages_carries_the_data_as_given() {
    for lang in LANGS {
        let data = receipt(lang);
        let pdf = render_receipt(&data, lang).unwrap();
        let text = layout_text(&pdf);
        let body = body_text(&pdf, false);
        assert_contains(&text, APPLICANT);
        assert_contains(&text, APPLICANT_IIN);
        assert_contains(&text, "2026-000123");
        assert_contains(&text, "18.11.2026 09:42");
        assert_contains(&text, "30.11.2026");
        assert_contains(&text, "Қуанышбаев Ержан Мұратұлы");
        assert_contains(&text, "680503250034");
        assert_contains(&text, &data.clerk_name);
        assert_contains(&body, &data.service_name);
        for doc in &data.documents {
            assert_contains(&body, doc);
        }
        let title = if lang == Lang::Kk {
            "ҚОЛХАТ"
        } else {
            "РАСПИСКА"
        };
        assert_contains(&text, title);
        assert_contains(&text, "R7K2-9Q4M");
        assert_no_missing_keys(&text);
        assert_eq!(pages(&pdf), 1);
    }
}

#[test]
fn result_documents_in_both_languages() {
    for lang in LANGS {
        for (kind, kk_word, ru_word) in [
            (ResultKind::Certificate, "КУӘЛІК", "УДОСТОВЕРЕНИЕ"),
            (ResultKind::Licence, "ЛИЦЕНЗИЯ", "ЛИЦЕНЗИЯ"),
            (ResultKind::Reference, "АНЫҚТАМА", "СПРАВКА"),
        ] {
            let data = result(kind, lang);
            let pdf = render_result(&data, lang).unwrap();
            let text = layout_text(&pdf);
            assert_contains(&text, if lang == Lang::Kk { kk_word } else { ru_word });
            assert_contains(&text, "№ KZ-ШКК-0457/2026");
            assert_contains(&text, APPLICANT);
            assert_contains(&text, APPLICANT_IIN);
            assert_contains(&text, "27.11.2026");
            assert_contains(&text, "27.11.2036");
            assert_contains(&text, "Ғ. Ә. Құрманғалиев");
            assert_contains(&text, if lang == Lang::Kk { "М.О." } else { "М.П." });
            for f in &data.fields {
                assert_contains(&text, &f.label);
                assert_contains(&text, &f.value);
            }
            assert_no_missing_keys(&text);
            assert_eq!(pages(&pdf), 1);
        }
    }
}

#[test]
fn duplicate_is_marked_and_names_the_original() {
    for (lang, mark, original) in [
        (
            Lang::Kk,
            "ТЕЛНҰСҚА",
            "Түпнұсқа: № KZ-ШКК-0113/2021, берілген күні 14.05.2021",
        ),
        (
            Lang::Ru,
            "ДУБЛИКАТ",
            "Оригинал: № KZ-ШКК-0113/2021 от 14.05.2021",
        ),
    ] {
        let pdf = render_duplicate(&duplicate(lang), lang).unwrap();
        let text = layout_text(&pdf);
        assert_contains(&text, mark);
        assert_contains(&text, original);
        assert_contains(&text, APPLICANT);
        assert_no_missing_keys(&text);
    }
    // The original form is not marked.
    let text =
        layout_text(&render_result(&result(ResultKind::Certificate, Lang::Kk), Lang::Kk).unwrap());
    assert!(!text.contains("ТЕЛНҰСҚА"));
}

#[test]
fn reregistered_licence_shows_date_and_reason() {
    for lang in LANGS {
        let data = reregistered(lang);
        let pdf = render_reregistered_licence(&data, lang).unwrap();
        let text = layout_text(&pdf);
        let body = body_text(&pdf, false);
        assert_contains(&text, "ЛИЦЕНЗИЯ");
        assert_contains(&text, "25.11.2026");
        assert_contains(&body, &data.reason);
        assert_contains(&text, "«Ақжайық Астық» ЖШС");
        assert_contains(&text, "940140000385");
        assert_contains(&body, &data.licence.title);
        // No validity line when the licence has none.
        assert!(!text.contains("27.11.2036"));
        assert_no_missing_keys(&text);
    }
}

#[test]
fn refusal_letter_has_the_requisites_and_every_ground() {
    for lang in LANGS {
        let data = refusal(lang, 3);
        let pdf = render_refusal(&data, lang).unwrap();
        let text = layout_text(&pdf);
        let body = body_text(&pdf, false);
        assert_contains(&body, &data.office.name);
        assert_contains(&body, &data.office.address);
        assert_contains(&body, &data.office.phone);
        assert_contains(&text, "05-12/345");
        assert_contains(&text, "20.11.2026");
        assert_contains(&text, "2026-000123");
        assert_contains(&text, "18.11.2026");
        assert_contains(&body, APPLICANT);
        assert_contains(&body, &data.service_name);
        for g in &data.grounds {
            assert_contains(&body, &g.text);
            assert_contains(&body, &g.clause);
        }
        for doc in data.missing_documents.iter().chain(&data.expired_documents) {
            assert_contains(&body, doc);
        }
        let (heading, appeal, executor) = match lang {
            Lang::Kk => (
                "Дәлелді бас тарту",
                "Шағымдану тәртібі",
                "Орынд.: Жұмабаева Ә. Қ.",
            ),
            Lang::Ru => (
                "О мотивированном отказе",
                "Порядок обжалования",
                "Исп.: Жұмабаева Ә. Қ.",
            ),
        };
        assert_contains(&body.to_lowercase(), &heading.to_lowercase());
        assert_contains(&text, appeal);
        assert_contains(&text, executor);
        assert_contains(&text, "+7 (7112) 50-12-40");
        assert_contains(&text, "Ғ. Ә. Құрманғалиев");
        assert_no_missing_keys(&text);
    }
}

#[test]
fn twelve_grounds_flow_onto_further_pages_with_page_numbers() {
    for lang in LANGS {
        let data = refusal(lang, 12);
        let pdf = render_refusal(&data, lang).unwrap();
        let n = pages(&pdf);
        assert!(n >= 2, "12 grounds on {n} page(s)");
        let text = layout_text(&pdf);
        for p in 1..=n {
            let label = match lang {
                Lang::Kk => format!("{p}-бет, барлығы {n}"),
                Lang::Ru => format!("Страница {p} из {n}"),
            };
            assert_contains(&text, &label);
        }
        let body = body_text(&pdf, false);
        for g in &data.grounds {
            let line = match lang {
                Lang::Kk => format!("{} (негіздеме: {})", g.text, g.clause),
                Lang::Ru => format!("{} (основание: {})", g.text, g.clause),
            };
            assert_contains(&body, &line);
        }
        // Check code and QR footer on every page.
        assert_eq!(text.matches("F9D1-4HBW").count(), n);
    }
}

#[test]
fn journal_of_two_thousand_rows_repeats_its_header_and_totals() {
    let data = journal(2000);
    let pdf = render_journal(&data, Lang::Ru).unwrap();
    let n = pages(&pdf);
    assert!(n > 100, "2000 rows on only {n} pages");
    let text = layout_text(&pdf);
    let page_texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(page_texts.len(), n);
    // Every page with rows starts with the header row, exactly once; a page
    // with the totals alone has none.
    let mut with_rows = 0;
    for page in &page_texts {
        let has_rows = page.contains("2026-00");
        let headers = if has_rows { 1 } else { 0 };
        with_rows += headers;
        assert_eq!(page.matches("Рег. №").count(), headers, "{page}");
        assert_eq!(page.matches("ИИН/БИН").count(), headers);
    }
    assert!(with_rows >= n - 1);
    assert_contains(&text, &format!("Страница {n} из {n}"));
    for row in &data.rows {
        assert_contains(&text, &row.number);
    }
    assert_contains(&text, "Всего заявлений: 2000");
    let late = data
        .rows
        .iter()
        .filter(|r| r.closed_on.is_some_and(|c| c > r.due_on))
        .count();
    assert!(late > 0);
    assert_contains(&text, &format!("Закрыто с нарушением срока: {late}"));
    let refused = data
        .rows
        .iter()
        .filter(|r| r.status == kense_domain::case::CaseStatus::Refused)
        .count();
    assert_contains(&text, &format!("Отказано — {refused}"));
}

#[test]
fn journal_in_kazakh() {
    let data = journal(40);
    let pdf = render_journal(&data, Lang::Kk).unwrap();
    let text = layout_text(&pdf);
    let n = pages(&pdf);
    let with_rows = text
        .split('\u{c}')
        .filter(|p| p.contains("2026-00"))
        .count();
    assert_eq!(text.matches("Тіркеу №").count(), with_rows);
    assert!(with_rows >= n - 1);
    assert_contains(&text, "Барлық өтініштер саны: 40");
    assert_contains(&text, "Өтегенов Нұрлан Үсенұлы");
    assert_contains(&text, "Бас тартылды");
    assert_no_missing_keys(&text);
    let body = body_text(&pdf, true);
    assert_contains(&body, LONG_ORG);
}

#[test]
fn a_300_character_organisation_name_is_never_clipped() {
    assert!(LONG_ORG.chars().count() >= 300);
    let mut data = receipt(Lang::Kk);
    data.office.name = LONG_ORG.into();
    data.applicant = Party {
        name: LONG_ORG.into(),
        iin_bin: Some("940140000385".into()),
    };
    let pdf = render_receipt(&data, Lang::Kk).unwrap();
    let text = layout_text(&pdf);
    for word in LONG_ORG.split_whitespace() {
        assert!(text.matches(word).count() >= 2, "word {word:?} lost");
    }
    // Wrapped but whole, in order: once as the office, once as the applicant.
    let body = body_text(&pdf, false);
    assert!(body.matches(LONG_ORG).count() >= 2, "{body}");
}

#[test]
fn every_kazakh_letter_renders_and_extracts() {
    let mut data = result(ResultKind::Reference, Lang::Kk);
    data.fields.push(Field {
        label: "Әріптер".into(),
        value: KAZAKH_LETTERS.into(),
    });
    let text = layout_text(&render_result(&data, Lang::Kk).unwrap());
    assert_contains(&text, KAZAKH_LETTERS);
}

#[test]
fn bilingual_certificate_is_kazakh_then_russian() {
    let kk = result(ResultKind::Certificate, Lang::Kk);
    let ru = result(ResultKind::Certificate, Lang::Ru);
    let pdf = render_certificate_bilingual(&kk, &ru).unwrap();
    assert_eq!(pages(&pdf), 2);
    let text = layout_text(&pdf);
    let (first, second) = text.split_once('\u{c}').unwrap();
    assert_contains(first, "КУӘЛІК");
    assert_contains(first, "1-бет, барлығы 1");
    assert!(!first.contains("УДОСТОВЕРЕНИЕ"));
    assert_contains(second, "УДОСТОВЕРЕНИЕ");
    assert_contains(second, "Страница 1 из 1");
    assert_contains(second, APPLICANT);
}

#[test]
fn rendering_is_deterministic_and_depends_on_the_data() {
    let data = refusal(Lang::Kk, 5);
    let a = render_refusal(&data, Lang::Kk).unwrap();
    // Other renders in between move printpdf's internal id counter.
    let _ = render_receipt(&receipt(Lang::Ru), Lang::Ru).unwrap();
    let b = render_refusal(&data, Lang::Kk).unwrap();
    assert!(a == b, "two renders of the same data differ");

    let j1 = render_journal(&journal(50), Lang::Ru).unwrap();
    let j2 = render_journal(&journal(50), Lang::Ru).unwrap();
    assert!(j1 == j2);

    let mut other = data.clone();
    other.stamp.check_code = "ZZZZ-0000".into();
    assert!(render_refusal(&other, Lang::Kk).unwrap() != a);
}

#[test]
fn metadata_comes_from_the_data_and_fonts_are_subset() {
    let data = receipt(Lang::Kk);
    let pdf = render_receipt(&data, Lang::Kk).unwrap();
    let f = temp_pdf(&pdf);
    let out = Command::new("pdfinfo")
        .args(["-isodates"])
        .arg(f.path())
        .output()
        .unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    assert_contains(&info, "2026-11-20T10:15:00");
    assert_contains(&info, "Қолхат № 2026-000123");
    let raw = String::from_utf8_lossy(&pdf);
    let id_hex: String = data
        .stamp
        .document_id
        .bytes()
        .map(|b| format!("{b:02X}"))
        .collect();
    assert_contains(&raw, &format!("/ID[<{id_hex}>"));
    // A subset font: a whole DejaVu Sans alone is over 700 KB.
    assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
    let fonts = Command::new("pdffonts").arg(f.path()).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    assert_contains(&fonts, "KNSREG+DejaVuSans");
    assert_contains(&fonts, "KNSBLD+DejaVuSans-Bold");
}

#[test]
fn an_unencodable_qr_payload_is_an_error() {
    let mut data = receipt(Lang::Ru);
    data.stamp.qr_payload = "x".repeat(4000);
    assert!(matches!(
        render_receipt(&data, Lang::Ru),
        Err(PdfError::Qr(_))
    ));
}
