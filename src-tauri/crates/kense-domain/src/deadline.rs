//! The deadline engine: when a step is due, counted on the working calendar.
//!
//! Rules (DOMAIN.md, "Time: how limits are counted"):
//! - minutes and hours count office working time only (lunch, evenings, weekends
//!   and days off do not count); a step starting outside office hours starts
//!   counting at the next opening; a limit that ends exactly at lunch or closing
//!   is due at that moment;
//! - N working days: the day the step starts does not count (Civil Code: a term in
//!   days starts the next day), the step is due at closing time of the N-th
//!   working day after that day (an act in an organisation ends when its working
//!   hours end), whatever the hour or kind of the start day;
//! - the same day: closing time of the day of the next opening at or after the start;
//! - the same day, at most N minutes: the earlier of the two;
//! - a pause stops the clock: its working time is added to the due time.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingCalendar;
use crate::limit::Limit;
use crate::workflow::Timer;

type Time = DateTime<FixedOffset>;

/// How urgent an open step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StepState {
    OnTime,
    DueSoon,
    Overdue,
}

impl StepState {
    pub fn code(self) -> &'static str {
        match self {
            StepState::OnTime => "on_time",
            StepState::DueSoon => "due_soon",
            StepState::Overdue => "overdue",
        }
    }
}

/// Days looked ahead for the next working day before giving up (a data error
/// that makes no day a working day must not hang the office).
const MAX_SEARCH_DAYS: u32 = 3660;

impl WorkingCalendar {
    fn local(&self, t: Time) -> NaiveDateTime {
        t.with_timezone(&self.hours.offset).naive_local()
    }

    fn zoned(&self, t: NaiveDateTime) -> Time {
        self.hours
            .offset
            .from_local_datetime(&t)
            .single()
            .expect("a fixed offset maps every local time")
    }

    fn next_working_day_after(&self, day: NaiveDate) -> NaiveDate {
        let mut d = day;
        for _ in 0..MAX_SEARCH_DAYS {
            d = d.succ_opt().expect("within chrono's range");
            if self.is_working_day(d) {
                return d;
            }
        }
        d
    }

    /// The first working moment at or after `t`.
    fn next_opening(&self, t: NaiveDateTime) -> NaiveDateTime {
        let h = &self.hours;
        let (day, time) = (t.date(), t.time());
        if self.is_working_day(day) {
            if time < h.opens {
                return day.and_time(h.opens);
            }
            if time < h.lunch_from {
                return t;
            }
            if time < h.lunch_until {
                return day.and_time(h.lunch_until);
            }
            if time < h.closes {
                return t;
            }
        }
        self.next_working_day_after(day).and_time(h.opens)
    }

    /// The moment `minutes` of working time after `from`.
    pub fn add_working_minutes(&self, from: Time, minutes: i64) -> Time {
        let h = self.hours;
        let per_day = h.minutes_per_day();
        let mut t = self.next_opening(self.local(from));
        let mut left = minutes.max(0);
        loop {
            if t.time() == h.opens && left > per_day {
                left -= per_day;
                t = self.next_working_day_after(t.date()).and_time(h.opens);
                continue;
            }
            let end = if t.time() < h.lunch_from {
                h.lunch_from
            } else {
                h.closes
            };
            let available = (end - t.time()).num_minutes();
            if left <= available {
                return self.zoned(t + Duration::minutes(left));
            }
            left -= available;
            t = self.next_opening(t.date().and_time(end));
        }
    }

    /// Working minutes from `a` to `b`; negative when `b` is before `a`.
    pub fn working_minutes_between(&self, a: Time, b: Time) -> i64 {
        if b < a {
            return -self.working_minutes_between(b, a);
        }
        let h = self.hours;
        let (a, b) = (self.local(a), self.local(b));
        let mut total = 0;
        let mut day = a.date();
        while day <= b.date() {
            if self.is_working_day(day) {
                for (from, until) in [(h.opens, h.lunch_from), (h.lunch_until, h.closes)] {
                    let start = day.and_time(from).max(a);
                    let end = day.and_time(until).min(b);
                    if end > start {
                        total += (end - start).num_minutes();
                    }
                }
            }
            day = day.succ_opt().expect("within chrono's range");
        }
        total
    }

    fn closing(&self, day: NaiveDate) -> NaiveDateTime {
        day.and_time(self.hours.closes)
    }
}

/// When a step that starts at `start` with `limit` is due.
pub fn due(start: Time, limit: Limit, cal: &WorkingCalendar) -> Time {
    match limit {
        Limit::Minutes(n) => cal.add_working_minutes(start, i64::from(n)),
        Limit::Hours(n) => cal.add_working_minutes(start, i64::from(n) * 60),
        Limit::WorkingDays(n) => {
            let mut day = cal.local(start).date();
            for _ in 0..n {
                day = cal.next_working_day_after(day);
            }
            cal.zoned(cal.closing(day))
        }
        Limit::SameDay => same_day(start, cal),
        Limit::SameDayMaxMinutes(n) => {
            same_day(start, cal).min(cal.add_working_minutes(start, i64::from(n)))
        }
    }
}

fn same_day(start: Time, cal: &WorkingCalendar) -> Time {
    let opening = cal.next_opening(cal.local(start));
    cal.zoned(cal.closing(opening.date()))
}

/// The due time with the clock stopped during each finished pause `(from, until)`.
pub fn due_with_pauses(
    start: Time,
    limit: Limit,
    cal: &WorkingCalendar,
    pauses: &[(Time, Time)],
) -> Time {
    let mut sorted: Vec<_> = pauses.to_vec();
    sorted.sort();
    let mut result = due(start, limit, cal);
    for (from, until) in sorted {
        if from < result && until > from {
            let paused = cal.working_minutes_between(from.max(start), until);
            if paused > 0 {
                result = cal.add_working_minutes(result, paused);
            }
        }
    }
    result
}

/// How urgent a step is at `now`: overdue after its due time; due soon in the last
/// part of its working time (the office's share, within its minimum and maximum).
pub fn step_state(now: Time, start: Time, due: Time, cal: &WorkingCalendar) -> StepState {
    if now > due {
        return StepState::Overdue;
    }
    let h = cal.hours;
    let total = cal.working_minutes_between(start, due).max(0);
    let threshold = (total * i64::from(h.due_soon_percent) / 100).clamp(
        i64::from(h.due_soon_min_minutes),
        i64::from(h.due_soon_max_minutes),
    );
    if cal.working_minutes_between(now, due) <= threshold {
        StepState::DueSoon
    } else {
        StepState::OnTime
    }
}

impl Timer for WorkingCalendar {
    fn due(&self, start: Time, limit: Limit, pauses: &[(Time, Time)]) -> Time {
        due_with_pauses(start, limit, self, pauses)
    }
}

#[cfg(test)]
mod tests;
