//! Documents in the window: previews for the signature queue, signing with the
//! PIN, "Save as" and "Open" (the system viewer), checking a document, and the
//! office's details for the settings screen.

use std::path::{Path, PathBuf};

use kense_core::documents::{parse_date, DocumentInfo, DocumentKind, Printed, Verification};
use kense_core::office_details::OfficeDetails;
use kense_core::views::CaseView;
use kense_core::{ApiError, CoreError};
use kense_domain::types::Language;
use kense_domain::{DomainError, ErrorCode};
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

fn write_file(path: &Path, printed: &Printed) -> Result<(), CoreError> {
    std::fs::write(path, &printed.bytes).map_err(|e| {
        CoreError::from(DomainError::at(
            ErrorCode::InvalidInput,
            "path",
            format!("cannot write {}: {e}", path.display()),
        ))
    })
}

/// The page preview: the stored document once issued, else the draft (bytes of a PDF).
#[tauri::command]
pub async fn document_pdf(
    state: State<'_, AppState>,
    case: String,
    kind: DocumentKind,
    lang: Option<Language>,
) -> Result<Vec<u8>, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.preview_document(session, &case, kind, lang, now))
}

/// The head signs the draft, confirmed by the PIN; the document is frozen.
#[tauri::command]
pub async fn sign_case(
    state: State<'_, AppState>,
    case: String,
    pin: String,
    comment: String,
) -> Result<CaseView, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.sign_with_pin(session, &case, &pin, &comment, now))
}

/// "Save as": prints (logged as a copy) into the chosen file.
#[tauri::command]
pub fn save_document(
    state: State<'_, AppState>,
    case: String,
    kind: DocumentKind,
    lang: Option<Language>,
    path: String,
) -> Result<DocumentInfo, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| {
        let printed = office.print_document(session, &case, kind, lang, now)?;
        write_file(Path::new(&path), &printed)?;
        Ok(printed.info)
    })
}

/// "Open": prints into a temporary file and hands it to the system viewer.
#[tauri::command]
pub fn open_document(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    case: String,
    kind: DocumentKind,
    lang: Option<Language>,
) -> Result<DocumentInfo, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| {
        let printed = office.print_document(session, &case, kind, lang, now)?;
        let name = format!(
            "kense-{}-{}-{}-{}.pdf",
            case.replace(['/', '\\'], "_"),
            kind.code(),
            printed.info.lang.code(),
            printed.copy
        );
        let path: PathBuf = std::env::temp_dir().join(name);
        write_file(&path, &printed)?;
        // The opener plugin: xdg-open on Linux, the shell's default viewer on Windows.
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| {
                CoreError::from(DomainError::new(
                    ErrorCode::InvalidInput,
                    format!("cannot open {}: {e}", path.display()),
                ))
            })?;
        Ok(printed.info)
    })
}

/// "Save as" for the journal printout of a period.
#[tauri::command]
pub async fn save_journal(
    state: State<'_, AppState>,
    from: String,
    to: String,
    lang: Language,
    path: String,
) -> Result<DocumentInfo, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| {
        let (from, to) = (parse_date("from", &from)?, parse_date("to", &to)?);
        let printed = office.print_journal(session, from, to, lang, now)?;
        write_file(Path::new(&path), &printed)?;
        Ok(printed.info)
    })
}

#[tauri::command]
pub fn case_documents(
    state: State<'_, AppState>,
    case: String,
) -> Result<Vec<DocumentInfo>, ApiError> {
    state.as_user(|office, session| office.case_documents(session, &case))
}

/// "Check a document": a PDF file's bytes.
#[tauri::command]
pub async fn verify_document(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
) -> Result<Verification, ApiError> {
    state.as_user(|office, session| office.verify_document(session, &bytes))
}

/// "Check a document": the code printed on the paper, or the QR code's text.
#[tauri::command]
pub async fn verify_code(
    state: State<'_, AppState>,
    code: String,
) -> Result<Verification, ApiError> {
    state.as_user(|office, session| office.verify_code(session, &code))
}

#[tauri::command]
pub fn office_details(state: State<'_, AppState>) -> Result<OfficeDetails, ApiError> {
    state.as_user(|office, session| office.office_details(session))
}

#[tauri::command]
pub fn set_office_details(
    state: State<'_, AppState>,
    details: OfficeDetails,
) -> Result<OfficeDetails, ApiError> {
    state.as_user(|office, session| office.set_office_details(session, &details))
}
