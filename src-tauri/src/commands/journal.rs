use kense_core::office::check_iin as decode_iin;
use kense_core::views::{JournalRow, JournalSearch, ServiceOption};
use kense_core::ApiError;
use kense_domain::case::{ApplicationInput, Case};
use kense_domain::iin::IinInfo;
use kense_domain::journal::JournalFilter;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_services(state: State<'_, AppState>) -> Result<Vec<ServiceOption>, ApiError> {
    state.with_office(|office| Ok(office.service_options()))
}

#[tauri::command]
pub async fn journal(state: State<'_, AppState>) -> Result<Vec<JournalRow>, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.journal(session, now))
}

#[tauri::command]
pub async fn search_journal(
    state: State<'_, AppState>,
    filter: JournalFilter,
) -> Result<JournalSearch, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.search_journal(session, &filter, now))
}

#[tauri::command]
pub async fn register_case(
    state: State<'_, AppState>,
    input: ApplicationInput,
    request_id: Option<String>,
) -> Result<Case, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| {
        office.register_with(session, &input, now, request_id.as_deref())
    })
}

#[tauri::command]
pub fn check_iin(state: State<'_, AppState>, iin: String) -> Result<IinInfo, ApiError> {
    state.with_office(|_| decode_iin(&iin))
}

/// The office's days off in a month (`yyyy-mm-dd`), for the date picker.
#[tauri::command]
pub fn month_days_off(
    state: State<'_, AppState>,
    year: i32,
    month: u32,
) -> Result<Vec<String>, ApiError> {
    state.with_office(|office| office.month_days_off(year, month))
}
