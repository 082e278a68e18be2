use kense_core::requests::ActOptions;
use kense_core::views::{CaseView, JournalRow, OverdueDashboard};
use kense_core::ApiError;
use kense_domain::workflow::{Action, ActionKind};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn my_work(state: State<'_, AppState>) -> Result<Vec<JournalRow>, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.my_work(session, now))
}

#[tauri::command]
pub async fn overdue_dashboard(state: State<'_, AppState>) -> Result<OverdueDashboard, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.overdue_dashboard(session, now))
}

#[tauri::command]
pub async fn case_view(state: State<'_, AppState>, case: String) -> Result<CaseView, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.case_view(session, &case, now))
}

#[tauri::command]
pub fn case_actions(state: State<'_, AppState>, case: String) -> Result<Vec<ActionKind>, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.actions(session, &case, now))
}

/// One act; `options` carry the case version the user saw and the form's
/// request id (a retry of the same submission does nothing twice).
#[tauri::command]
pub async fn act(
    state: State<'_, AppState>,
    case: String,
    action: Action,
    options: Option<ActOptions>,
) -> Result<CaseView, ApiError> {
    let now = state.clock.now();
    let options = options.unwrap_or_default();
    state.as_user(|office, session| office.act_at_desk_with(session, &case, action, now, &options))
}
