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

    /// Checks the order opens < lunch_from ≤ lunch_until < closes and the threshold.
    pub fn validate(&self, file: &str) -> Result<(), CalendarError> {
        let ordered = self.opens < self.lunch_from
            && self.lunch_from <= self.lunch_until
            && self.lunch_until < self.closes;
        if !ordered {
            return Err(CalendarError::new(
                file,
                None,
                Some("opens"),
                "hours must run opens < lunch_from ≤ lunch_until < closes",
            ));
        }
        if !(1..=100).contains(&self.due_soon_percent)
            || self.due_soon_min_minutes > self.due_soon_max_minutes
        {
            return Err(CalendarError::new(
                file,
                None,
                Some("due_soon_percent"),
                "due_soon_percent is 1..100 and the minimum is not above the maximum",
            ));
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

pub fn parse_office(file: &str, text: &str) -> Result<OfficeHours, CalendarError> {
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
