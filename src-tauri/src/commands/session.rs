use kense_core::first_run::FirstRun;
use kense_core::ApiError;
use kense_domain::user::{User, UserInput};
use tauri::State;

use crate::state::AppState;

/// Who may sign in at this desk: logins and names, for the sign-in list.
#[tauri::command]
pub fn list_users(state: State<'_, AppState>) -> Result<Vec<User>, ApiError> {
    state.with_office(|office| office.sign_in_choices())
}

/// Checks the PIN (argon2: slow on purpose, hence async) and keeps the
/// session at this desk until sign-out or the idle lock.
#[tauri::command]
pub async fn sign_in(
    state: State<'_, AppState>,
    login: String,
    pin: String,
) -> Result<User, ApiError> {
    let now = state.clock.now();
    let (session, user) = state.with_office(|office| {
        let session = office.sign_in(&login, &pin, now)?;
        let user = office.session_user(&session)?;
        Ok((session, user))
    })?;
    state.set_session(Some(session));
    Ok(user)
}

/// The first run: a journal with no users gets its first administrator, who
/// is then signed in at this desk.
#[tauri::command]
pub async fn first_run(state: State<'_, AppState>, first: FirstRun) -> Result<User, ApiError> {
    let now = state.clock.now();
    let (session, user) = state.with_office(|office| {
        let session = office.first_admin(&first, now)?;
        let user = office.session_user(&session)?;
        Ok((session, user))
    })?;
    state.set_session(Some(session));
    Ok(user)
}

#[tauri::command]
pub fn sign_out(state: State<'_, AppState>) {
    state.set_session(None);
}

#[tauri::command]
pub fn current_user(state: State<'_, AppState>) -> Result<Option<User>, ApiError> {
    let session = state.signed_in();
    state.with_office(|office| session.map(|s| office.session_user(&s)).transpose())
}

#[tauri::command]
pub async fn create_user(state: State<'_, AppState>, input: UserInput) -> Result<User, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.create_user(session, &input, now))
}

#[tauri::command]
pub fn set_head_absence(
    state: State<'_, AppState>,
    from: String,
    until: String,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.set_head_absence_text(session, &from, &until, now))
}
