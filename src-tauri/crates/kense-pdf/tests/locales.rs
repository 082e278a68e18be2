//! The `pdf:` wording exists in both locale files with the same keys, and
//! every key the code asks for is there.

use std::collections::BTreeSet;

fn keys(prefix: &str, v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                keys(&format!("{prefix}{k}."), v, out);
            }
        }
        _ => {
            out.insert(prefix.trim_end_matches('.').to_string());
        }
    }
}

fn pdf_keys(lang: &str) -> BTreeSet<String> {
    let path = format!("{}/../../../locales/{lang}.yml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let mut out = BTreeSet::new();
    keys("pdf.", &value["pdf"], &mut out);
    out
}

#[test]
fn kazakh_and_russian_have_the_same_pdf_keys() {
    let kk = pdf_keys("kk");
    let ru = pdf_keys("ru");
    assert!(kk.len() > 50, "pdf section missing: {kk:?}");
    let only_kk: Vec<_> = kk.difference(&ru).collect();
    let only_ru: Vec<_> = ru.difference(&kk).collect();
    assert!(
        only_kk.is_empty() && only_ru.is_empty(),
        "kk only: {only_kk:?}, ru only: {only_ru:?}"
    );
}

#[test]
fn every_key_used_in_the_code_exists() {
    let kk = pdf_keys("kk");
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut files = vec![std::path::PathBuf::from(src)];
    let mut used = BTreeSet::new();
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else if p.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&p).unwrap();
            for part in text.split("\"pdf.").skip(1) {
                let key: String = part.chars().take_while(|c| *c != '"').collect();
                used.insert(format!("pdf.{key}"));
            }
        }
    }
    assert!(used.len() > 40, "{used:?}");
    let missing: Vec<_> = used.difference(&kk).collect();
    assert!(
        missing.is_empty(),
        "keys used but not in the locale files: {missing:?}"
    );
}
