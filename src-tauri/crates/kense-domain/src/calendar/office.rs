//! The office's working hours, time zone and due-soon threshold.

use chrono::{FixedOffset, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::CalendarError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OfficeHours {
    #[ts(type = "string")]
    pub opens: NaiveTime,
    #[ts(type = "string")]
    pub closes: NaiveTime,
    #[ts(type = "string")]
    pub lunch_from: NaiveTime,
    #[ts(type = "string")]
    pub lunch_until: NaiveTime,
    #[ts(type = "string")]
    #[serde(serialize_with = "offset_text")]
    pub offset: FixedOffset,
    pub due_soon_percent: u32,
    pub due_soon_min_minutes: u32,
    pub due_soon_max_minutes: u32,
}

fn offset_text<S: serde::Serializer>(offset: &FixedOffset, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(offset)
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OfficeFile {
    opens: String,
    closes: String,
    lunch_from: String,
    lunch_until: String,
    utc_offset: String,
    due_soon_percent: u32,
    due_soon_min_minutes: u32,
    due_soon_max_minutes: u32,
}

impl OfficeHours {
    /// Working minutes in one office day.
    pub fn minutes_per_day(&self) -> i64 {
        ((self.closes - self.opens) - (self.lunch_until - self.lunch_from)).num_minutes()
    }

    /// Working minutes in one office day, as the views send it to the window
    /// (what a working day of time left is worth there).
    pub fn work_day_minutes(&self) -> u32 {
        u32::try_from(self.minutes_per_day()).unwrap_or(0)
    }

    /// Checks the order opens < lunch_from ≤ lunch_until < closes and the threshold.
    pub fn validate(&self, file: &str) -> Result<(), CalendarError> {
        let bad =
            |field: &str, message: &str| Err(CalendarError::new(file, None, Some(field), message));
        if self.opens >= self.closes {
            return bad("closes", "the office must close after it opens");
        }
        if self.lunch_from <= self.opens || self.lunch_from > self.lunch_until {
            return bad(
                "lunch_from",
                "lunch must start after opening and not after it ends (opens < lunch_from ≤ lunch_until < closes)",
            );
        }
        if self.lunch_until >= self.closes {
            return bad(
                "lunch_until",
                "lunch must end before closing (opens < lunch_from ≤ lunch_until < closes)",
            );
        }
        if !(1..=100).contains(&self.due_soon_percent) {
            return bad("due_soon_percent", "due_soon_percent is 1..100");
        }
        if self.due_soon_min_minutes > self.due_soon_max_minutes {
            return bad(
                "due_soon_min_minutes",
                "due_soon_min_minutes is above due_soon_max_minutes",
            );
        }
        if self.offset.local_minus_utc() % 60 != 0 {
            return bad("utc_offset", "the offset must be whole minutes");
        }
        Ok(())
    }

    pub fn to_toml(&self) -> String {
        let fmt = |t: NaiveTime| t.format("%H:%M").to_string();
        toml::to_string(&OfficeFile {
            opens: fmt(self.opens),
            closes: fmt(self.closes),
            lunch_from: fmt(self.lunch_from),
            lunch_until: fmt(self.lunch_until),
            utc_offset: self.offset.to_string(),
            due_soon_percent: self.due_soon_percent,
            due_soon_min_minutes: self.due_soon_min_minutes,
            due_soon_max_minutes: self.due_soon_max_minutes,
        })
        .expect("office hours always serialise")
    }
}

/// Reads `office.toml`; errors name the file, the line and the field.
pub fn parse_office(file: &str, text: &str) -> Result<OfficeHours, CalendarError> {
    office_from(file, text).map_err(|e| e.located(text))
}

fn office_from(file: &str, text: &str) -> Result<OfficeHours, CalendarError> {
    let raw: OfficeFile =
        toml::from_str(text).map_err(|e| CalendarError::from_toml(file, text, &e))?;
    let time = |field: &str, value: &str| {
        NaiveTime::parse_from_str(value, "%H:%M").map_err(|_| {
            CalendarError::new(file, None, Some(field), format!("`{value}` is not HH:MM"))
        })
    };
    let offset = raw
        .utc_offset
        .parse::<FixedOffset>()
        .map_err(|_| CalendarError::new(file, None, Some("utc_offset"), "expected e.g. +05:00"))?;
    let hours = OfficeHours {
        opens: time("opens", &raw.opens)?,
        closes: time("closes", &raw.closes)?,
        lunch_from: time("lunch_from", &raw.lunch_from)?,
        lunch_until: time("lunch_until", &raw.lunch_until)?,
        offset,
        due_soon_percent: raw.due_soon_percent,
        due_soon_min_minutes: raw.due_soon_min_minutes,
        due_soon_max_minutes: raw.due_soon_max_minutes,
    };
    hours.validate(file)?;
    Ok(hours)
}
