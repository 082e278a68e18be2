//! The administrator's user commands: every office user (disabled ones too),
//! edits, disabling and enabling, PIN resets. Thin: one core call each.

use kense_core::ApiError;
use kense_domain::user::{User, UserUpdate};
use tauri::State;

use crate::state::AppState;

/// Every user of the office, disabled ones included (for the signed-in user:
/// names in histories and the administrator's list).
#[tauri::command]
pub fn office_users(state: State<'_, AppState>) -> Result<Vec<User>, ApiError> {
    state.as_user(|office, session| office.users(session))
}

#[tauri::command]
pub fn update_user(
    state: State<'_, AppState>,
    login: String,
    update: UserUpdate,
) -> Result<User, ApiError> {
    state.as_user(|office, session| office.update_user(session, &login, &update))
}

/// Disables (`active: false`) or enables a user.
#[tauri::command]
pub fn set_user_active(
    state: State<'_, AppState>,
    login: String,
    active: bool,
) -> Result<User, ApiError> {
    state.as_user(|office, session| office.set_user_active(session, &login, active))
}

/// A new PIN for a user (argon2: slow on purpose, hence async); it also lifts
/// their sign-in lock.
#[tauri::command]
pub async fn reset_pin(
    state: State<'_, AppState>,
    login: String,
    pin: String,
) -> Result<(), ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.reset_pin(session, &login, &pin, now))
}
