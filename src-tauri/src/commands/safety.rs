//! The administrator's "Journal safety" panel: the chain's head and check, the
//! backup folder, "back up now" with progress, restore from a file, diagnostics.

use std::path::PathBuf;
use std::sync::Arc;

use kense_core::authorize::{authorize, What};
use kense_core::safety::restore::{self, RestoreReport};
use kense_core::safety::{diagnostics, JournalSafety};
use kense_core::ApiError;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::state::AppState;

/// The panel's data; `check` also walks the whole chain (slower on a big journal).
#[tauri::command]
pub async fn journal_safety(
    state: State<'_, AppState>,
    check: bool,
) -> Result<JournalSafety, ApiError> {
    state.as_user(|office, session| office.journal_safety(session, check))
}

#[tauri::command]
pub fn set_backup_folder(state: State<'_, AppState>, folder: String) -> Result<String, ApiError> {
    state.as_user(|office, session| {
        office
            .set_backup_folder(session, &folder)
            .map(|p| p.display().to_string())
    })
}

/// `backup-progress` events carry how far the copy is.
#[derive(Clone, Serialize)]
struct BackupProgress {
    done: u64,
    total: u64,
}

#[tauri::command]
pub async fn backup_now(app: AppHandle, state: State<'_, AppState>) -> Result<String, ApiError> {
    let now = state.clock.now();
    let progress: kense_core::safety::backups::Progress = Arc::new(move |done, total| {
        let _ = app.emit("backup-progress", BackupProgress { done, total });
    });
    state.as_user(|office, session| {
        office
            .backup_now(session, now, Some(progress))
            .map(|p| p.display().to_string())
    })
}

/// Checks `file`, keeps the current journal aside and puts the copy in its place.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file: String,
) -> Result<RestoreReport, ApiError> {
    let now = state.clock.now();
    let file = PathBuf::from(file.trim());
    // Who may restore, and is the file sound — before the open journal is touched.
    state.as_user(|_, session| {
        authorize(session, What::BackupRestore)?;
        restore::check_backup(&file).map(|_| ())
    })?;
    let report = state.reopen_after(|dir| restore::restore(dir, &file, now))?;
    state.set_session(None);
    Ok(report)
}

#[tauri::command]
pub async fn save_diagnostics(state: State<'_, AppState>, out: String) -> Result<String, ApiError> {
    let dir = PathBuf::from(&state.data_dir);
    state.as_user(|office, session| {
        authorize(session, What::AdminEdit)?;
        diagnostics::save(Some(office), &dir, None, &PathBuf::from(out.trim()))
            .map(|p| p.display().to_string())
    })
}
