//! Journal safety: the hash chain's head and check, refusals that name the
//! latest backup, backups, restore, salvage and the diagnostics bundle.

pub mod backups;
pub mod diagnostics;
pub mod restore;

use std::path::Path;

use kense_domain::{DomainError, ErrorCode};
use kense_store::ledger::{ChainBreak, ChainHead};
use kense_store::maintenance::{self, VerifyReport};
use kense_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

use crate::authorize::{authorize, What};
use crate::{CoreError, Office, Session};

/// What the administrator's "Journal safety" panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JournalSafety {
    /// Lines in the hash chain and the newest line's SHA-256 (also printed on the journal).
    pub chain_length: i64,
    pub chain_head: String,
    /// `null` until checked; then whether every line and row matched.
    pub verified: Option<bool>,
    /// Plain-language problems of the last check (English, for support), the first break first.
    pub problems: Vec<String>,
    pub first_break: Option<ChainBreakView>,
    pub backup_folder: String,
    pub latest_backup: Option<String>,
    pub read_only: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChainBreakView {
    pub seq: i64,
    /// row_edited, counter_changed, row_deleted, row_outside_chain, line_removed_or_reordered, line_edited
    pub kind: String,
    pub table: String,
    pub row: String,
    pub case_number: Option<String>,
}

impl From<&ChainBreak> for ChainBreakView {
    fn from(b: &ChainBreak) -> Self {
        ChainBreakView {
            seq: b.seq,
            kind: serde_json::to_value(b.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            table: b.table.clone(),
            row: b.row.clone(),
            case_number: b.case_number.clone(),
        }
    }
}

impl Office {
    /// The chain's head: its length and the newest line's hash.
    pub(crate) fn chain_head(&self) -> Result<ChainHead, CoreError> {
        Ok(kense_store::ledger::head(self.store().conn())?)
    }

    /// SQLite integrity, gap-free numbering and the hash chain
    /// (administrators: the journal's safety check).
    pub fn verify(&self, session: &Session) -> Result<VerifyReport, CoreError> {
        authorize(session, What::AdminEdit)?;
        self.verify_chain()
    }

    pub(crate) fn verify_chain(&self) -> Result<VerifyReport, CoreError> {
        let mut report = maintenance::verify(self.store().conn())?;
        // A row too damaged to read is itself a finding, not a reason to stop looking.
        match self.route_problems() {
            Ok(problems) => report.problems.extend(problems),
            Err(e) => report
                .problems
                .push(format!("routes could not be checked: {e}")),
        }
        if let Some(b) = &report.first_break {
            tracing::warn!(first_break = %b.describe(), problems = report.problems.len(), "verify found problems");
        }
        Ok(report)
    }

    /// The panel's data; `check` runs the full verification (slower on a big journal).
    pub fn journal_safety(
        &self,
        session: &Session,
        check: bool,
    ) -> Result<JournalSafety, CoreError> {
        authorize(session, What::AdminEdit)?;
        let head = self.chain_head()?;
        let (verified, problems, first_break) = if check {
            let report = self.verify_chain()?;
            (
                Some(report.problems.is_empty()),
                report.problems.clone(),
                report.first_break.as_ref().map(ChainBreakView::from),
            )
        } else {
            (None, vec![], None)
        };
        let folder = self.backup_folder()?;
        Ok(JournalSafety {
            chain_length: head.length,
            chain_head: head.hash,
            verified,
            problems,
            first_break,
            latest_backup: backups::latest_in(&folder).map(|p| p.display().to_string()),
            backup_folder: folder.display().to_string(),
            read_only: self.store().is_read_only(),
        })
    }
}

/// Turns a refusal to open into the office's error, naming the latest backup.
pub fn refusal(data_dir: &Path, e: StoreError) -> CoreError {
    let code = e.code();
    let mut detail = e.chain();
    let refused = matches!(
        code,
        ErrorCode::JournalMissing
            | ErrorCode::JournalEmpty
            | ErrorCode::JournalForeign
            | ErrorCode::JournalDamaged
            | ErrorCode::SchemaTooNew
    );
    if refused {
        match backups::latest_for_data_dir(data_dir) {
            Some(latest) => detail.push_str(&format!(
                "; latest backup: {} (kense-cli restore FILE)",
                latest.display()
            )),
            None => detail.push_str("; no backup found"),
        }
    }
    tracing::error!(error = %detail, code = code.as_str(), "journal refused");
    DomainError::new(code, detail).into()
}

/// Copies what can still be read from a damaged journal into a new journal in
/// `out_dir` (which must be empty), and says what was lost.
pub fn salvage(
    file: &Path,
    out_dir: &Path,
) -> Result<kense_store::salvage::SalvageReport, CoreError> {
    let report = kense_store::salvage::salvage(file, out_dir).map_err(|e| {
        tracing::error!(file = %file.display(), error = %e.chain(), "salvage failed");
        CoreError::from(e)
    })?;
    tracing::info!(
        file = %file.display(),
        out = %out_dir.display(),
        cases_expected = report.cases_expected,
        cases_recovered = report.cases_recovered,
        "salvage finished"
    );
    Ok(report)
}
