//! The calendar's data files: holidays by law and one file per year.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{DomainError, ErrorCode};
use crate::types::Text;

/// A problem in a calendar file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CalendarError {
    pub file: String,
    #[ts(optional)]
    pub line: Option<usize>,
    #[ts(optional)]
    pub field: Option<String>,
    pub message: String,
}

impl CalendarError {
    pub fn new(
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        CalendarError {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    /// From a TOML error: its span gives the line.
    pub(crate) fn from_toml(file: &str, text: &str, error: &toml::de::Error) -> Self {
        let line = error
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        CalendarError::new(file, line, None, error.message().to_string())
    }

    /// Fills in the line from the field's place in `text` when it is not known yet.
    pub(crate) fn located(mut self, text: &str) -> Self {
        if self.line.is_none() {
            self.line = self
                .field
                .as_deref()
                .and_then(|field| super::locate::line_of(text, field));
        }
        self
    }

    pub fn to_domain_error(&self) -> DomainError {
        DomainError {
            code: ErrorCode::CalendarInvalid,
            field: self.field.clone(),
            detail: self.to_string(),
        }
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HolidayKind {
    National,
    State,
    /// A day off that is not a holiday (Labour Code art. 84): never shifted.
    DayOff,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayEntry {
    date: String,
    kind: HolidayKind,
    name: Text,
    shifts_when_on_weekend: bool,
    #[serde(default)]
    from_year: Option<i32>,
    #[serde(default)]
    until_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidaysFile {
    holiday: Vec<HolidayEntry>,
}

/// A holiday as the law fixes it: a day of the year, in force for some years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HolidayRule {
    pub month: u32,
    pub day: u32,
    pub kind: HolidayKind,
    pub name: Text,
    pub shifts_when_on_weekend: bool,
    pub from_year: Option<i32>,
    pub until_year: Option<i32>,
}

impl HolidayRule {
    pub fn in_force(&self, year: i32) -> bool {
        self.from_year.is_none_or(|y| year >= y) && self.until_year.is_none_or(|y| year <= y)
    }
}

/// Reads `holidays.toml`; errors name the file, the line and the field.
pub fn parse_holidays(file: &str, text: &str) -> Result<Vec<HolidayRule>, CalendarError> {
    holidays_from(file, text).map_err(|e| e.located(text))
}

fn holidays_from(file: &str, text: &str) -> Result<Vec<HolidayRule>, CalendarError> {
    let parsed: HolidaysFile =
        toml::from_str(text).map_err(|e| CalendarError::from_toml(file, text, &e))?;
    let mut rules = Vec::new();
    for (i, entry) in parsed.holiday.into_iter().enumerate() {
        let field = format!("holiday[{i}]");
        let bad_at = |key: &str, what: &str| {
            CalendarError::new(
                file,
                None,
                Some(&format!("{field}.{key}")),
                what.to_string(),
            )
        };
        let (month, day) = entry
            .date
            .split_once('-')
            .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))
            .filter(|(m, d)| NaiveDate::from_ymd_opt(2024, *m, *d).is_some())
            .ok_or_else(|| bad_at("date", "date must be MM-DD, a real day of the year"))?;
        if entry.name.kk.trim().is_empty() || entry.name.ru.trim().is_empty() {
            return Err(bad_at("name", "name needs both kk and ru"));
        }
        if entry.kind == HolidayKind::DayOff && entry.shifts_when_on_weekend {
            return Err(bad_at(
                "shifts_when_on_weekend",
                "days off that are not holidays never shift (Labour Code art. 84)",
            ));
        }
        if let (Some(from), Some(until)) = (entry.from_year, entry.until_year) {
            if until < from {
                return Err(bad_at("until_year", "until_year is before from_year"));
            }
        }
        let same_day = |r: &HolidayRule| r.month == month && r.day == day;
        if rules.iter().any(same_day) {
            return Err(bad_at("date", "this day is already listed"));
        }
        rules.push(HolidayRule {
            month,
            day,
            kind: entry.kind,
            name: entry.name,
            shifts_when_on_weekend: entry.shifts_when_on_weekend,
            from_year: entry.from_year,
            until_year: entry.until_year,
        });
    }
    Ok(rules)
}

/// Writes the holiday rules back as `holidays.toml` (after an administrator's edit).
pub fn holidays_to_toml(rules: &[HolidayRule]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        holiday: Vec<HolidayEntryOut<'a>>,
    }
    #[derive(Serialize)]
    struct HolidayEntryOut<'a> {
        date: String,
        kind: HolidayKind,
        name: &'a Text,
        shifts_when_on_weekend: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        from_year: Option<i32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        until_year: Option<i32>,
    }
    let holiday = rules
        .iter()
        .map(|r| HolidayEntryOut {
            date: format!("{:02}-{:02}", r.month, r.day),
            kind: r.kind,
            name: &r.name,
            shifts_when_on_weekend: r.shifts_when_on_weekend,
            from_year: r.from_year,
            until_year: r.until_year,
        })
        .collect();
    toml::to_string(&Out { holiday }).expect("holiday rules always serialise")
}

/// A government transfer: a weekday made a day off and/or a weekend day made a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Transfer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub day_off: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub working_day: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub act: Option<Text>,
}

/// One year's own data: the lunar day off, transfers, holidays not observed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct YearFile {
    pub year: i32,
    #[serde(default)]
    pub provisional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub kurban_ait: Option<NaiveDate>,
    #[serde(default, rename = "transfer", skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<Transfer>,
    /// Holiday dates the government decided not to observe this year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(type = "Array<string>")]
    pub excluded: Vec<NaiveDate>,
}

fn weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

impl YearFile {
    /// Checks that every date belongs to the year and that transfers make sense.
    pub fn validate(&self, file: &str) -> Result<(), CalendarError> {
        let in_year = |field: &str, day: NaiveDate| {
            if day.year() == self.year {
                Ok(())
            } else {
                Err(CalendarError::new(
                    file,
                    None,
                    Some(field),
                    format!("{day} is not in {}", self.year),
                ))
            }
        };
        if !(2000..=2100).contains(&self.year) {
            return Err(CalendarError::new(
                file,
                None,
                Some("year"),
                "year must be between 2000 and 2100",
            ));
        }
        if let Some(day) = self.kurban_ait {
            in_year("kurban_ait", day)?;
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, t) in self.transfers.iter().enumerate() {
            let field = format!("transfer[{i}]");
            if t.day_off.is_none() && t.working_day.is_none() {
                return Err(CalendarError::new(
                    file,
                    None,
                    Some(&field),
                    "a transfer needs day_off or working_day",
                ));
            }
            let mut check = |key: &str, day: NaiveDate, want_weekend: bool| {
                let field = format!("{field}.{key}");
                in_year(&field, day)?;
                let problem = if weekend(day) != want_weekend {
                    Some(if want_weekend {
                        format!("{day} is a weekday already")
                    } else {
                        format!("{day} is a weekend day already")
                    })
                } else if !seen.insert(day) {
                    Some(format!("{day} is in another transfer already"))
                } else {
                    None
                };
                match problem {
                    Some(message) => Err(CalendarError::new(file, None, Some(&field), message)),
                    None => Ok(()),
                }
            };
            if let Some(day) = t.day_off {
                check("day_off", day, false)?;
            }
            if let Some(day) = t.working_day {
                check("working_day", day, true)?;
            }
        }
        for day in &self.excluded {
            in_year("excluded", *day)?;
        }
        Ok(())
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a year file always serialises")
    }

    /// Makes a weekday a day off (an administrator's edit); validated.
    pub fn with_day_off(
        &self,
        day: NaiveDate,
        act: Option<Text>,
    ) -> Result<YearFile, CalendarError> {
        let mut next = self.clone();
        next.transfers.push(Transfer {
            day_off: Some(day),
            working_day: None,
            act,
        });
        next.validate(&format!("{}.toml", self.year))?;
        Ok(next)
    }

    /// Makes a weekend day a working day (an administrator's edit); validated.
    pub fn with_working_day(
        &self,
        day: NaiveDate,
        act: Option<Text>,
    ) -> Result<YearFile, CalendarError> {
        let mut next = self.clone();
        next.transfers.push(Transfer {
            day_off: None,
            working_day: Some(day),
            act,
        });
        next.validate(&format!("{}.toml", self.year))?;
        Ok(next)
    }

    /// Removes every transfer that mentions `day`.
    pub fn without(&self, day: NaiveDate) -> YearFile {
        let mut next = self.clone();
        next.transfers
            .retain(|t| t.day_off != Some(day) && t.working_day != Some(day));
        next
    }
}

/// Reads one `<year>.toml`; errors name the file, the line and the field.
pub fn parse_year(file: &str, text: &str) -> Result<YearFile, CalendarError> {
    let year: YearFile =
        toml::from_str(text).map_err(|e| CalendarError::from_toml(file, text, &e))?;
    year.validate(file).map_err(|e| e.located(text))?;
    Ok(year)
}
