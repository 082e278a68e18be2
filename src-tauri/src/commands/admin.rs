//! The administrator's screen: regulation versions and the working calendar.

use kense_core::admin::{CalendarChange, CalendarEditView, CalendarYear, ServicesReport};
use kense_core::ApiError;
use kense_domain::regulation::{ServiceDefinition, ServiceEdit};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn services_report(state: State<'_, AppState>) -> Result<ServicesReport, ApiError> {
    state.reading(|office| office.services_report())
}

#[tauri::command]
pub fn service_definition(
    state: State<'_, AppState>,
    service: String,
) -> Result<ServiceDefinition, ApiError> {
    state.reading(|office| office.service_definition(&service).cloned())
}

#[tauri::command]
pub fn edit_service(
    state: State<'_, AppState>,
    service: String,
    edit: ServiceEdit,
) -> Result<ServiceDefinition, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.edit_service(session, &service, &edit, now))
}

#[tauri::command]
pub fn calendar_year(state: State<'_, AppState>, year: i32) -> Result<CalendarYear, ApiError> {
    state.reading(|office| office.calendar_year(year))
}

#[tauri::command]
pub fn edit_calendar(
    state: State<'_, AppState>,
    year: i32,
    change: CalendarChange,
) -> Result<CalendarYear, ApiError> {
    let now = state.clock.now();
    state.as_user(|office, session| office.edit_calendar(session, year, &change, now))
}

#[tauri::command]
pub fn calendar_edits(state: State<'_, AppState>) -> Result<Vec<CalendarEditView>, ApiError> {
    state.as_user(|office, session| office.calendar_edits(session))
}
