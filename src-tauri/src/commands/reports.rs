//! Reports in the window: the figures of a period, the quarterly paper
//! (draft preview, signing with the PIN), and spreadsheet exports that run off
//! the main thread, report progress (`export-progress` events) and can be
//! cancelled.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use kense_core::documents::{parse_date, DocumentInfo};
use kense_core::reports::{default_export_dir, write_tables, ExportFormat, ReportView, Sheet};
use kense_core::{ApiError, CoreError};
use kense_domain::journal::JournalFilter;
use kense_domain::report::ReportQuery;
use kense_domain::types::Language;
use kense_domain::{DomainError, ErrorCode};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::state::AppState;

/// Set by `cancel_export`; the running export stops at its next chunk of rows.
#[derive(Default)]
pub struct ExportControl(Arc<AtomicBool>);

#[derive(Clone, Serialize)]
struct ExportProgress {
    done: usize,
    total: usize,
}

fn write_failed(path: &Path, e: std::io::Error) -> CoreError {
    DomainError::at(
        ErrorCode::ExportFailed,
        "path",
        format!("cannot write {}: {e}", path.display()),
    )
    .into()
}

#[tauri::command]
pub async fn report(
    state: State<'_, AppState>,
    query: ReportQuery,
) -> Result<ReportView, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.report(session, &query, now))
}

/// The quarterly report as an unsigned draft (PDF bytes, for the preview).
#[tauri::command]
pub async fn quarterly_draft(
    state: State<'_, AppState>,
    from: String,
    to: String,
    lang: Language,
) -> Result<Vec<u8>, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| {
        let (from, to) = (parse_date("from", &from)?, parse_date("to", &to)?);
        office.quarterly_draft(session, from, to, lang, now)
    })
}

/// The head signs the quarterly report with the PIN; it is frozen and saved to `path`.
#[tauri::command]
pub async fn sign_quarterly(
    state: State<'_, AppState>,
    from: String,
    to: String,
    lang: Language,
    pin: String,
    path: String,
) -> Result<DocumentInfo, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| {
        let (from, to) = (parse_date("from", &from)?, parse_date("to", &to)?);
        let printed = office.sign_quarterly_with_pin(session, from, to, lang, &pin, now)?;
        let path = Path::new(&path);
        std::fs::write(path, &printed.bytes).map_err(|e| write_failed(path, e))?;
        Ok(printed.info)
    })
}

/// The folder offered for exports.
#[tauri::command]
pub fn export_dir() -> String {
    default_export_dir().display().to_string()
}

#[tauri::command]
pub fn cancel_export(control: State<'_, ExportControl>) {
    control.0.store(true, Ordering::SeqCst);
}

/// Writes the tables on a worker thread, outside the office's lock.
async fn write_out(
    app: AppHandle,
    control: &ExportControl,
    sheets: Vec<Sheet>,
    format: ExportFormat,
    path: String,
    lang: Language,
) -> Result<String, ApiError> {
    let cancel = control.0.clone();
    cancel.store(false, Ordering::SeqCst);
    let result = tauri::async_runtime::spawn_blocking(move || {
        let mut progress = |done: usize, total: usize| {
            let _ = app.emit("export-progress", ExportProgress { done, total });
            !cancel.load(Ordering::SeqCst)
        };
        let bytes = write_tables(&sheets, format, &mut progress)?;
        let target = Path::new(&path);
        std::fs::write(target, bytes).map_err(|e| write_failed(target, e))?;
        Ok::<String, CoreError>(path)
    })
    .await
    .map_err(|e| CoreError::from(DomainError::new(ErrorCode::ExportFailed, e.to_string())));
    result.and_then(|r| r).map_err(|e| e.to_api(lang))
}

#[tauri::command]
pub async fn export_report(
    app: AppHandle,
    state: State<'_, AppState>,
    control: State<'_, ExportControl>,
    query: ReportQuery,
    format: ExportFormat,
    lang: Language,
    path: String,
) -> Result<String, ApiError> {
    let now = state.clock.now();
    let sheets =
        state.as_user(|office, session| office.report_sheets(session, &query, lang, now))?;
    write_out(app, &control, sheets, format, path, lang).await
}

#[tauri::command]
pub async fn export_journal(
    app: AppHandle,
    state: State<'_, AppState>,
    control: State<'_, ExportControl>,
    filter: JournalFilter,
    format: ExportFormat,
    lang: Language,
    path: String,
) -> Result<String, ApiError> {
    let now = state.clock.now();
    let sheets =
        state.as_user(|office, session| office.journal_sheets(session, &filter, lang, now))?;
    write_out(app, &control, sheets, format, path, lang).await
}
