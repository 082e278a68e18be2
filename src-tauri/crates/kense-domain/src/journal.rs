//! How the journal is filtered and searched.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::{fold_for_search, CaseStatus};

/// Filters of the journal view; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct JournalFilter {
    #[ts(optional)]
    pub status: Option<CaseStatus>,
    #[ts(optional)]
    pub service: Option<String>,
    #[ts(optional)]
    pub executor: Option<String>,
    /// Registered on or after this date (`dd.mm.yyyy` or `yyyy-mm-dd`; read by `dates`).
    #[ts(optional)]
    pub from: Option<String>,
    /// Registered on or before this date (`dd.mm.yyyy` or `yyyy-mm-dd`).
    #[ts(optional)]
    pub to: Option<String>,
    pub overdue_only: bool,
    /// A registration number, an IIN/BIN, or part of the applicant's name.
    #[ts(optional)]
    pub text: Option<String>,
}

/// What a search text is taken to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchText {
    /// 12 digits: an IIN or BIN, matched exactly.
    IdNumber(String),
    /// Digits with separators, e.g. `2026-00012`: a registration number, matched from its start.
    Number(String),
    /// Anything else: part of a name, matched case-insensitively.
    Name(String),
}

impl SearchText {
    pub fn parse(text: &str) -> Option<SearchText> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        if t.len() == 12 && t.bytes().all(|b| b.is_ascii_digit()) {
            return Some(SearchText::IdNumber(t.to_string()));
        }
        if t.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && t.chars().all(|c| c.is_ascii_digit() || "-/.".contains(c))
        {
            return Some(SearchText::Number(t.to_string()));
        }
        Some(SearchText::Name(fold_for_search(t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_numbers_ids_and_names_apart() {
        assert_eq!(
            SearchText::parse(" 800416100254 "),
            Some(SearchText::IdNumber("800416100254".into()))
        );
        assert_eq!(
            SearchText::parse("2026-0001"),
            Some(SearchText::Number("2026-0001".into()))
        );
        assert_eq!(
            SearchText::parse("ҚҰРМАН"),
            Some(SearchText::Name("құрман".into()))
        );
        assert_eq!(SearchText::parse("  "), None);
    }
}
