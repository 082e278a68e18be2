//! An administrator's edits of the calendar, checked against the calendar as it
//! stands. Pure: each edit gives a new calendar; storing it and recording who
//! changed what is the caller's job (the year's `to_toml()` gives the file).

use chrono::{Datelike, NaiveDate, Weekday};

use super::{CalendarError, OfficeHours, WorkingCalendar, YearFile};
use crate::types::Text;

fn year_file_name(year: i32) -> String {
    format!("{year}.toml")
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

impl WorkingCalendar {
    fn year_to_edit(&self, day: NaiveDate) -> Result<&YearFile, CalendarError> {
        self.years.get(&day.year()).ok_or_else(|| {
            CalendarError::new(
                &year_file_name(day.year()),
                None,
                None,
                format!(
                    "there is no calendar file for {}; add the year first",
                    day.year()
                ),
            )
        })
    }

    fn with_year(&self, file: YearFile) -> WorkingCalendar {
        let mut years = self.years.clone();
        years.insert(file.year, file);
        WorkingCalendar::build(self.rules.clone(), years, self.hours)
    }

    /// Makes a working weekday of a loaded year a day off (a government transfer).
    pub fn with_day_off(
        &self,
        day: NaiveDate,
        act: Option<Text>,
    ) -> Result<WorkingCalendar, CalendarError> {
        let file = self.year_to_edit(day)?;
        if is_weekend(day) || !self.is_working_day(day) {
            return Err(CalendarError::new(
                &year_file_name(day.year()),
                None,
                Some("transfer"),
                format!("{day} is not a working day already"),
            ));
        }
        Ok(self.with_year(file.with_day_off(day, act)?))
    }

    /// Makes a Saturday or Sunday of a loaded year a working day (a government
    /// transfer). A holiday on a weekend cannot be worked by a transfer.
    pub fn with_working_day(
        &self,
        day: NaiveDate,
        act: Option<Text>,
    ) -> Result<WorkingCalendar, CalendarError> {
        let file = self.year_to_edit(day)?;
        let holiday = self
            .rules
            .iter()
            .any(|r| r.in_force(day.year()) && r.month == day.month() && r.day == day.day())
            || file.kurban_ait == Some(day);
        if !is_weekend(day) || self.is_working_day(day) || holiday {
            return Err(CalendarError::new(
                &year_file_name(day.year()),
                None,
                Some("transfer"),
                format!("{day} is not a weekend day off that a transfer can make worked"),
            ));
        }
        Ok(self.with_year(file.with_working_day(day, act)?))
    }

    /// Takes back a transfer that names `day` (as its day off or its working day).
    pub fn without_transfer(&self, day: NaiveDate) -> Result<WorkingCalendar, CalendarError> {
        let file = self.year_to_edit(day)?;
        let named = |d: Option<NaiveDate>| d == Some(day);
        if !file
            .transfers
            .iter()
            .any(|t| named(t.day_off) || named(t.working_day))
        {
            return Err(CalendarError::new(
                &year_file_name(day.year()),
                None,
                Some("transfer"),
                format!("no transfer names {day}"),
            ));
        }
        Ok(self.with_year(file.without(day)))
    }

    /// The same calendar with other office hours (checked).
    pub fn with_office_hours(&self, hours: OfficeHours) -> Result<WorkingCalendar, CalendarError> {
        hours.validate("office.toml")?;
        Ok(WorkingCalendar::build(
            self.rules.clone(),
            self.years.clone(),
            hours,
        ))
    }
}
