//! Restoring a backup: the file is checked first (a Kense journal, whole, its
//! chain unbroken, not newer); the journal it replaces is kept aside under a
//! timestamped name; then the copy takes the journal's place.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use kense_store::maintenance::{self, BackupCheck};
use kense_store::{StoreError, JOURNAL_FILE};
use serde::Serialize;
use ts_rs::TS;

use crate::CoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    pub restored_from: String,
    /// Where the replaced journal was kept (absent when the folder had none).
    pub replaced_kept_as: Option<String>,
    pub cases: i64,
    pub chain_length: i64,
}

fn io(path: &Path, source: std::io::Error) -> CoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
    .into()
}

/// Checks a file offered for restore without changing it.
pub fn check_backup(file: &Path) -> Result<BackupCheck, CoreError> {
    let check = maintenance::check_file(file).inspect_err(|e| {
        tracing::warn!(file = %file.display(), error = %e.chain(), "backup refused");
    })?;
    Ok(check)
}

/// Replaces the journal in `data_dir` with `file`. The office using that folder
/// must be closed first (the window swaps its open office around this call).
pub fn restore(
    data_dir: &Path,
    file: &Path,
    now: DateTime<FixedOffset>,
) -> Result<RestoreReport, CoreError> {
    let check = check_backup(file)?;
    std::fs::create_dir_all(data_dir).map_err(|e| io(data_dir, e))?;
    let journal = data_dir.join(JOURNAL_FILE);
    // Copy in beside the journal first, so the swap itself is a rename.
    let incoming = data_dir.join(".journal.sqlite.restoring");
    let _ = std::fs::remove_file(&incoming);
    let copied = std::fs::copy(file, &incoming)
        .and_then(|_| std::fs::File::open(&incoming)?.sync_all())
        .map_err(|e| io(&incoming, e));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&incoming);
        return Err(e);
    }
    if let Err(e) = maintenance::check_file(&incoming) {
        let _ = std::fs::remove_file(&incoming);
        return Err(e.into());
    }
    let mut kept = None;
    if journal.exists() {
        let stamp = now.format("%Y-%m-%dT%H%M%S");
        let aside = data_dir.join(format!("journal.replaced-{stamp}.sqlite"));
        std::fs::rename(&journal, &aside).map_err(|e| io(&journal, e))?;
        for suffix in ["-wal", "-shm"] {
            let side = data_dir.join(format!("{JOURNAL_FILE}{suffix}"));
            if side.exists() {
                let _ = std::fs::rename(
                    &side,
                    data_dir.join(format!("journal.replaced-{stamp}.sqlite{suffix}")),
                );
            }
        }
        kept = Some(aside);
    }
    std::fs::rename(&incoming, &journal).map_err(|e| io(&journal, e))?;
    if let Ok(dir) = std::fs::File::open(data_dir) {
        let _ = dir.sync_all();
    }
    tracing::info!(
        from = %file.display(),
        kept = ?kept.as_ref().map(|p: &PathBuf| p.display().to_string()),
        cases = check.cases,
        "journal restored"
    );
    Ok(RestoreReport {
        restored_from: file.display().to_string(),
        replaced_kept_as: kept.map(|p| p.display().to_string()),
        cases: check.cases,
        chain_length: check.chain.map(|c| c.length).unwrap_or(0),
    })
}
