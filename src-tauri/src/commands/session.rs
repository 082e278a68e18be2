use kense_core::ApiError;
use kense_domain::user::{User, UserInput};
use tauri::State;

use crate::state::AppState;

/// Who may sign in at this desk: logins and names, for the sign-in list.
#[tauri::command]
pub fn list_users(state: State<'_, AppState>) -> Result<Vec<User>, ApiError> {
    state.with_office(|office| Ok(office.users()?.into_iter().filter(|u| u.active).collect()))
}

#[tauri::command]
pub fn sign_in(state: State<'_, AppState>, login: String, pin: String) -> Result<User, ApiError> {
    let now = state.clock.now();
    let user = state.with_office(|office| {
        let session = office.sign_in(&login, &pin, now)?;
        office.user(session.login())
    })?;
    state.set_session(Some(user.login.clone()));
    Ok(user)
}

#[tauri::command]
pub fn sign_out(state: State<'_, AppState>) {
    state.set_session(None);
}

#[tauri::command]
pub fn current_user(state: State<'_, AppState>) -> Result<Option<User>, ApiError> {
    let login = state.signed_in();
    state.with_office(|office| login.map(|l| office.user(&l)).transpose())
}

#[tauri::command]
pub fn create_user(state: State<'_, AppState>, input: UserInput) -> Result<User, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, login| office.create_user(&input, login, now))
}

#[tauri::command]
pub fn set_head_absence(
    state: State<'_, AppState>,
    from: String,
    until: String,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    state.as_user(|office, login| office.set_head_absence_text(&from, &until, login, now))
}
