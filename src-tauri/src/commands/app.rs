use kense_core::views::AppInfo;
use kense_core::ApiError;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    state.with_office(|office| {
        let hours = office.calendar().hours;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: state.data_dir.clone(),
            ui_language: office.ui_language(),
            now: state.clock.now().to_rfc3339(),
            demo: state.demo,
            users_exist: office.has_users()?,
            idle_lock_minutes: office.idle_lock_minutes(),
            utc_offset: hours.offset.to_string(),
            work_day_minutes: hours.work_day_minutes(),
        })
    })
}

#[tauri::command]
pub fn set_ui_language(state: State<'_, AppState>, language: String) -> Result<(), ApiError> {
    state.with_office(|office| office.set_ui_language(&language))
}

/// The About panel: version, journal schema, regulations loaded, data folder.
#[tauri::command]
pub fn about(state: State<'_, AppState>) -> Result<kense_core::about::About, ApiError> {
    let dir = std::path::PathBuf::from(&state.data_dir);
    state.with_office(|office| Ok(kense_core::about::about_office(office, &dir)))
}
