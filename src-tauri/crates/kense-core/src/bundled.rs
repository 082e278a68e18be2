//! The regulation and calendar files shipped in `assets/`, embedded at build time.

use kense_domain::calendar::WorkingCalendar;
use kense_domain::{DomainError, ErrorCode};

use crate::CoreError;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The bundled regulation files as (file name, text) pairs.
pub fn regulation_sources() -> Vec<(String, String)> {
    REGULATIONS
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

/// The bundled working calendar: holidays by law, the year files, office hours.
pub fn calendar() -> Result<WorkingCalendar, CoreError> {
    let file = |name: &str| {
        CALENDAR
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
            .ok_or_else(|| {
                DomainError::new(ErrorCode::CalendarInvalid, format!("{name} is not bundled"))
            })
    };
    let years: Vec<(String, String)> = CALENDAR
        .iter()
        .filter(|(name, _)| name.trim_end_matches(".toml").parse::<i32>().is_ok())
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    WorkingCalendar::from_sources(file("holidays.toml")?, &years, file("office.toml")?)
        .map_err(|e| CoreError::from(e.to_domain_error()))
}
