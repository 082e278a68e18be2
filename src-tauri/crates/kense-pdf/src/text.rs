//! Wording from the locale files and the fixed number formats of documents.

use chrono::{NaiveDate, NaiveDateTime};
use rust_i18n::t;

use crate::Lang;

/// The translation of `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    t!(key, locale = lang.code()).into_owned()
}

/// The translation of `key` with `%{name}` placeholders filled in.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut s = tr(lang, key);
    for (name, value) in args {
        s = s.replace(&format!("%{{{name}}}"), value);
    }
    s
}

/// Dates on documents: 18.11.2026 in both languages.
pub fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

pub fn date_time(d: NaiveDateTime) -> String {
    d.format("%d.%m.%Y %H:%M").to_string()
}
