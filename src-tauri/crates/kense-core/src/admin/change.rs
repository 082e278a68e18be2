//! An administrator's change to the working calendar: which of the domain's
//! calendar edits it is, and which file it rewrites. Pure: the office stores
//! the file and records the change.

use chrono::{Datelike, NaiveDate, NaiveTime};
use kense_domain::calendar::{CalendarError, Transfer, WorkingCalendar, YearFile};
use kense_domain::types::Text;
use kense_domain::{DomainError, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::views::OfficeHoursInput;

/// What an administrator changes; recorded as JSON in the calendar's audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export)]
pub enum CalendarChange {
    /// A weekday becomes a day off (a government transfer, or a corrected lunar day).
    AddDayOff {
        #[ts(type = "string")]
        date: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        act: Option<Text>,
    },
    /// A transferred day off is worked after all (its transfer is taken back).
    RemoveDayOff {
        #[ts(type = "string")]
        date: NaiveDate,
    },
    /// A Saturday or Sunday becomes a working day.
    AddWorkingDay {
        #[ts(type = "string")]
        date: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        act: Option<Text>,
    },
    /// A worked weekend day is a day off again (its transfer is taken back).
    RemoveWorkingDay {
        #[ts(type = "string")]
        date: NaiveDate,
    },
    /// New opening hours.
    SetOfficeHours { hours: OfficeHoursInput },
}

/// The calendar after a change, and the file it rewrites with its new text.
#[derive(Debug)]
pub struct Applied {
    pub calendar: WorkingCalendar,
    pub file: String,
    pub text: String,
}

fn invalid(e: CalendarError, field: &str) -> DomainError {
    let mut d = e.to_domain_error();
    d.field = Some(field.to_string());
    d
}

fn refuse(field: &str, detail: String) -> DomainError {
    DomainError::at(ErrorCode::CalendarInvalid, field, detail)
}

/// An empty, provisional file for a year the office has no data for yet.
fn blank_year(year: i32) -> YearFile {
    YearFile {
        year,
        provisional: true,
        kurban_ait: None,
        transfers: Vec::new(),
        excluded: Vec::new(),
    }
}

/// `cal` with a file for `year` (a blank provisional one if it had none).
fn with_year_file(cal: &WorkingCalendar, year: i32) -> Result<WorkingCalendar, DomainError> {
    if cal.year_files().contains_key(&year) {
        return Ok(cal.clone());
    }
    let blank = blank_year(year);
    blank
        .validate(&format!("{year}.toml"))
        .map_err(|e| invalid(e, "year"))?;
    let mut years = cal.year_files().clone();
    years.insert(year, blank);
    Ok(WorkingCalendar::build(
        cal.rules().to_vec(),
        years,
        cal.hours,
    ))
}

fn time(field: &str, text: &str) -> Result<NaiveTime, DomainError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        DomainError::at(
            ErrorCode::InvalidInput,
            field,
            format!("`{text}` is not a time HH:MM"),
        )
    })
}

/// Applies `change` to `cal` for `year`; the date of a day change must be in `year`.
pub fn apply(
    cal: &WorkingCalendar,
    year: i32,
    change: &CalendarChange,
) -> Result<Applied, DomainError> {
    match change {
        CalendarChange::SetOfficeHours { hours } => office_hours(cal, hours),
        CalendarChange::AddDayOff { date, .. }
        | CalendarChange::RemoveDayOff { date }
        | CalendarChange::AddWorkingDay { date, .. }
        | CalendarChange::RemoveWorkingDay { date } => day_change(cal, year, *date, change),
    }
}

fn office_hours(cal: &WorkingCalendar, hours: &OfficeHoursInput) -> Result<Applied, DomainError> {
    let mut next = cal.hours;
    next.opens = time("opens", &hours.opens)?;
    next.closes = time("closes", &hours.closes)?;
    next.lunch_from = time("lunch_from", &hours.lunch_from)?;
    next.lunch_until = time("lunch_until", &hours.lunch_until)?;
    let calendar = cal
        .with_office_hours(next)
        .map_err(|e| invalid(e, "opens"))?;
    let text = calendar.hours.to_toml();
    Ok(Applied {
        calendar,
        file: "office.toml".into(),
        text,
    })
}

fn day_change(
    cal: &WorkingCalendar,
    year: i32,
    date: NaiveDate,
    change: &CalendarChange,
) -> Result<Applied, DomainError> {
    if date.year() != year {
        return Err(DomainError::at(
            ErrorCode::DateInvalid,
            "date",
            format!("{date} is not in {year}"),
        ));
    }
    let base = with_year_file(cal, year)?;
    let named = |pick: fn(&Transfer) -> Option<NaiveDate>| {
        base.year_files()
            .get(&year)
            .is_some_and(|f| f.transfers.iter().any(|t| pick(t) == Some(date)))
    };
    let calendar = match change {
        CalendarChange::AddDayOff { act, .. } => base.with_day_off(date, act.clone()),
        CalendarChange::AddWorkingDay { act, .. } => base.with_working_day(date, act.clone()),
        CalendarChange::RemoveDayOff { .. } if named(|t| t.day_off) => base.without_transfer(date),
        CalendarChange::RemoveDayOff { .. } => {
            return Err(refuse(
                "date",
                format!("{date} is not a transferred day off; holidays by law stay"),
            ))
        }
        CalendarChange::RemoveWorkingDay { .. } if named(|t| t.working_day) => {
            base.without_transfer(date)
        }
        CalendarChange::RemoveWorkingDay { .. } | CalendarChange::SetOfficeHours { .. } => {
            return Err(refuse(
                "date",
                format!("{date} is not a worked weekend day"),
            ))
        }
    }
    .map_err(|e| invalid(e, "date"))?;
    let text = calendar
        .year_files()
        .get(&year)
        .map(YearFile::to_toml)
        .unwrap_or_default();
    Ok(Applied {
        calendar,
        file: format!("{year}.toml"),
        text,
    })
}

#[cfg(test)]
mod tests;
