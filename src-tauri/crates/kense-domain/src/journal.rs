//! How the journal is filtered and searched.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseStatus;

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
    /// Words, each a part of the registration number, the IIN/BIN or the
    /// applicant's name, in any order (see `search::query_words`).
    #[ts(optional)]
    pub text: Option<String>,
}
