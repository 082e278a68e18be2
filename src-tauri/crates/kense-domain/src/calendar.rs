//! The Kazakh working calendar: weekends, holidays by law with the weekend-shift
//! rule, lunar days off and yearly transfers (data), and the office's hours.
//! Shifted days off are derived from the rule, never listed by hand.

mod data;
mod edit;
mod locate;
mod office;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;
use ts_rs::TS;

pub use data::{
    holidays_to_toml, parse_holidays, parse_year, CalendarError, HolidayKind, HolidayRule,
    Transfer, YearFile,
};
pub use office::{parse_office, OfficeHours};

/// Years computed ahead at load; dates outside them are worked out on the spot.
const FIRST_YEAR: i32 = 2015;
const LAST_YEAR: i32 = 2045;

/// Why a weekday is not worked, or a weekend day is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DayNote {
    Holiday {
        name: crate::types::Text,
    },
    /// The next working day after a holiday on a weekend.
    Shifted {
        name: crate::types::Text,
    },
    KurbanAit,
    Transfer,
    WorkingWeekendDay,
}

/// One calendar year as the office sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct YearView {
    pub year: i32,
    pub provisional: bool,
    /// Weekdays that are not worked, with why.
    #[ts(as = "Vec<(String, DayNote)>")]
    pub days_off: Vec<(NaiveDate, DayNote)>,
    /// Saturdays and Sundays that are worked.
    #[ts(type = "Array<string>")]
    pub working_weekend_days: Vec<NaiveDate>,
}

/// Working days and office hours. Built once from the data; read-only after.
#[derive(Debug, Clone)]
pub struct WorkingCalendar {
    rules: Vec<HolidayRule>,
    years: BTreeMap<i32, YearFile>,
    /// Bit per day from 1 Jan FIRST_YEAR: set = working day.
    working: Vec<u64>,
    base: NaiveDate,
    days: usize,
    pub hours: OfficeHours,
}

impl WorkingCalendar {
    /// Reads the holidays file, the year files and the office file.
    pub fn from_sources(
        holidays: &str,
        years: &[(String, String)],
        office: &str,
    ) -> Result<WorkingCalendar, CalendarError> {
        let rules = data::parse_holidays("holidays.toml", holidays)?;
        let mut files = BTreeMap::new();
        for (name, text) in years {
            let year = data::parse_year(name, text)?;
            if files.insert(year.year, year).is_some() {
                return Err(CalendarError::new(
                    name,
                    None,
                    Some("year"),
                    "this year is given twice",
                ));
            }
        }
        let hours = office::parse_office("office.toml", office)?;
        Ok(WorkingCalendar::build(rules, files, hours))
    }

    /// The same calendar with other data (after an administrator's edit).
    pub fn build(
        rules: Vec<HolidayRule>,
        years: BTreeMap<i32, YearFile>,
        hours: OfficeHours,
    ) -> WorkingCalendar {
        let base = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).expect("valid date");
        let end = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).expect("valid date");
        let days = (end - base).num_days() as usize + 1;
        let mut calendar = WorkingCalendar {
            rules,
            years,
            working: vec![0; days.div_ceil(64)],
            base,
            days,
            hours,
        };
        for year in FIRST_YEAR..=LAST_YEAR {
            let off = calendar.off_days_of(year);
            let worked = calendar.working_weekend_days(year);
            let mut day = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid date");
            while day.year() == year {
                let weekend = is_weekend(day);
                let working = (!weekend && !off.contains_key(&day)) || worked.contains(&day);
                if working {
                    let i = (day - base).num_days() as usize;
                    calendar.working[i / 64] |= 1 << (i % 64);
                }
                day = day.succ_opt().expect("within range");
            }
        }
        calendar
    }

    pub fn rules(&self) -> &[HolidayRule] {
        &self.rules
    }

    pub fn year_files(&self) -> &BTreeMap<i32, YearFile> {
        &self.years
    }

    /// True when the office works on `day`.
    #[inline]
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        let offset = (day - self.base).num_days();
        if offset >= 0 && (offset as usize) < self.days {
            let i = offset as usize;
            return self.working[i / 64] & (1 << (i % 64)) != 0;
        }
        let weekend = is_weekend(day);
        (!weekend && !self.off_days_of(day.year()).contains_key(&day))
            || self.working_weekend_days(day.year()).contains(&day)
    }

    /// Every day of `month` (1–12) of `year` the office does not work: weekends
    /// not worked by a transfer, holidays and their shifted days. Empty for a
    /// month that does not exist.
    pub fn days_off_in_month(&self, year: i32, month: u32) -> Vec<NaiveDate> {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return Vec::new();
        };
        first
            .iter_days()
            .take_while(|d| d.month() == month)
            .filter(|d| !self.is_working_day(*d))
            .collect()
    }

    /// Weekend days worked by a transfer in `year`.
    pub fn working_weekend_days(&self, year: i32) -> BTreeSet<NaiveDate> {
        self.years
            .get(&year)
            .map(|y| y.transfers.iter().filter_map(|t| t.working_day).collect())
            .unwrap_or_default()
    }

    /// Every day off of `year` that would otherwise be worked (weekdays), with why.
    /// Holidays on weekends are not listed themselves; their shifted days are.
    pub fn days_off(&self, year: i32) -> Vec<(NaiveDate, DayNote)> {
        self.off_days_of(year)
            .into_iter()
            .filter(|(day, _)| !is_weekend(*day))
            .collect()
    }

    pub fn year_view(&self, year: i32) -> YearView {
        YearView {
            year,
            provisional: self.years.get(&year).is_none_or(|y| y.provisional),
            days_off: self.days_off(year),
            working_weekend_days: self.working_weekend_days(year).into_iter().collect(),
        }
    }

    /// All days off of a year (weekend holidays included), derived from the data.
    fn off_days_of(&self, year: i32) -> BTreeMap<NaiveDate, DayNote> {
        // The neighbour years take part: a holiday on Sat 31 Dec moves into
        // January, and a shifted day must not land on next year's holiday.
        let mut off: BTreeMap<NaiveDate, DayNote> = BTreeMap::new();
        let mut shiftable = Vec::new();
        for y in year - 1..=year + 1 {
            self.law_days_of(
                y,
                &mut off,
                if y <= year {
                    Some(&mut shiftable)
                } else {
                    None
                },
            );
        }
        let worked: BTreeSet<NaiveDate> = (year - 1..=year + 1)
            .flat_map(|y| self.working_weekend_days(y))
            .collect();
        // Each weekend holiday, in date order, moves to the next weekday that is not already off.
        shiftable.sort_by_key(|(day, _)| *day);
        for (day, name) in shiftable {
            let mut next = day;
            while let Some(after) = next.succ_opt() {
                next = after;
                if !is_weekend(next) && !worked.contains(&next) && !off.contains_key(&next) {
                    off.insert(next, DayNote::Shifted { name });
                    break;
                }
            }
        }
        off.retain(|day, _| day.year() == year);
        off
    }

    /// Holidays in force in `year` (less its exclusions), its Kurban Ait and its
    /// transferred days off; weekend holidays that move go to `shiftable`.
    fn law_days_of(
        &self,
        year: i32,
        off: &mut BTreeMap<NaiveDate, DayNote>,
        mut shiftable: Option<&mut Vec<(NaiveDate, crate::types::Text)>>,
    ) {
        let file = self.years.get(&year);
        let excluded = |day: &NaiveDate| file.is_some_and(|f| f.excluded.contains(day));
        for rule in self.rules.iter().filter(|r| r.in_force(year)) {
            let Some(day) = NaiveDate::from_ymd_opt(year, rule.month, rule.day) else {
                continue;
            };
            if excluded(&day) {
                continue;
            }
            let name = rule.name.clone();
            if rule.shifts_when_on_weekend && is_weekend(day) {
                if let Some(list) = shiftable.as_deref_mut() {
                    list.push((day, name.clone()));
                }
            }
            off.insert(day, DayNote::Holiday { name });
        }
        if let Some(file) = file {
            if let Some(day) = file.kurban_ait {
                off.insert(day, DayNote::KurbanAit);
            }
            for day in file.transfers.iter().filter_map(|t| t.day_off) {
                off.insert(day, DayNote::Transfer);
            }
        }
    }
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod tests_support {
    pub(crate) use super::tests::real_calendar;
}
