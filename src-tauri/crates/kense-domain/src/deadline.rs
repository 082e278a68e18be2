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
//! - a pause stops the clock: its working time is added to the due time; while
//!   a pause runs there is no due time.

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

/// A stop of the clock (waiting for the applicant, where a rule allows it).
/// `until: None` is a pause still running: the step has no due time yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pause {
    #[ts(type = "string")]
    pub from: Time,
    #[ts(type = "string | null")]
    pub until: Option<Time>,
}

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

    /// When the office opens on `day`; `None` on a day off.
    pub fn opening(&self, day: NaiveDate) -> Option<Time> {
        self.is_working_day(day)
            .then(|| self.zoned(day.and_time(self.hours.opens)))
    }

    /// When the office closes on `day`; `None` on a day off.
    pub fn closing(&self, day: NaiveDate) -> Option<Time> {
        self.is_working_day(day)
            .then(|| self.zoned(self.closing_local(day)))
    }

    /// The moment `minutes` of working time after `from`. A count that ends
    /// exactly at lunch or at closing is due at that moment, not after the break.
    pub fn add_working_minutes(&self, from: Time, minutes: i64) -> Time {
        self.add_working_seconds(from, minutes.max(0).saturating_mul(60))
    }

    /// Seconds, so that a start at 10:00:30 keeps its 30 seconds across lunch.
    fn add_working_seconds(&self, from: Time, seconds: i64) -> Time {
        if seconds <= 0 {
            return from;
        }
        let h = self.hours;
        let per_day = h.minutes_per_day() * 60;
        let mut t = self.next_opening(self.local(from));
        let mut left = seconds;
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
            let available = (end - t.time()).num_seconds();
            if left <= available {
                return self.zoned(t + Duration::seconds(left));
            }
            left -= available;
            t = self.next_opening(t.date().and_time(end));
        }
    }

    /// Working minutes from `a` to `b` (whole minutes, rounded towards zero);
    /// negative when `b` is before `a`.
    pub fn working_minutes_between(&self, a: Time, b: Time) -> i64 {
        if b < a {
            return -self.working_minutes_between(b, a);
        }
        self.working_seconds_between(a, b) / 60
    }

    /// Working seconds from `a` to `b`, `a <= b`. Whole working days in between
    /// are counted without looking at their hours.
    fn working_seconds_between(&self, a: Time, b: Time) -> i64 {
        let h = self.hours;
        let (a, b) = (self.local(a), self.local(b));
        let within = |day: NaiveDate, from: NaiveDateTime, until: NaiveDateTime| {
            if !self.is_working_day(day) {
                return 0;
            }
            [(h.opens, h.lunch_from), (h.lunch_until, h.closes)]
                .iter()
                .map(|&(open, close)| {
                    let start = day.and_time(open).max(from);
                    let end = day.and_time(close).min(until);
                    (end - start).num_seconds().max(0)
                })
                .sum::<i64>()
        };
        if a.date() == b.date() {
            return within(a.date(), a, b);
        }
        let per_day = h.minutes_per_day() * 60;
        let mut total =
            within(a.date(), a, NaiveDateTime::MAX) + within(b.date(), NaiveDateTime::MIN, b);
        let mut day = a.date().succ_opt().expect("within chrono's range");
        while day < b.date() {
            if self.is_working_day(day) {
                total += per_day;
            }
            day = day.succ_opt().expect("within chrono's range");
        }
        total
    }

    fn closing_local(&self, day: NaiveDate) -> NaiveDateTime {
        day.and_time(self.hours.closes)
    }
}

/// When a step that starts at `start` with `limit` is due (in office time).
///
/// Working days: the start day never counts, whatever its hour and even when it
/// is a day off (Civil Code of the RK, art. 186–188: a term in days begins the
/// day after the event; one ending on a non-working day moves to the next
/// working day; one for an act in an organisation ends when its working hours
/// end). So a step started on Saturday with 1 wd is due at Monday's closing:
/// Sunday is the first day of the term, is not a working day, and the term ends
/// on the next working day.
pub fn due(start: Time, limit: Limit, cal: &WorkingCalendar) -> Time {
    let result = match limit {
        Limit::Minutes(n) => cal.add_working_minutes(start, i64::from(n)),
        Limit::Hours(n) => cal.add_working_minutes(start, i64::from(n) * 60),
        // Zero days cannot be written (see `limit`); read it as the same day.
        Limit::WorkingDays(0) | Limit::SameDay => same_day(start, cal),
        Limit::WorkingDays(n) => {
            let mut day = cal.local(start).date();
            for _ in 0..n {
                day = cal.next_working_day_after(day);
            }
            cal.zoned(cal.closing_local(day))
        }
        Limit::SameDayMaxMinutes(n) => {
            same_day(start, cal).min(cal.add_working_minutes(start, i64::from(n)))
        }
    };
    result.with_timezone(&cal.hours.offset)
}

fn same_day(start: Time, cal: &WorkingCalendar) -> Time {
    let opening = cal.next_opening(cal.local(start));
    cal.zoned(cal.closing_local(opening.date()))
}

/// The due time with the clock stopped during each pause: the working time a
/// pause holds (after the start, not already held by an overlapping pause) is
/// added to the due time. A pause that begins at or after the due time changes
/// nothing (the step was already late). `None` while a pause that began before
/// the due time is still running: there is no due time yet.
pub fn due_with_pauses(
    start: Time,
    limit: Limit,
    cal: &WorkingCalendar,
    pauses: &[Pause],
) -> Option<Time> {
    let mut sorted: Vec<Pause> = pauses.to_vec();
    sorted.sort_by_key(|p| p.from);
    let mut result = due(start, limit, cal);
    // Time already held by an earlier pause is not held twice.
    let mut held_until = start;
    for pause in sorted {
        if pause.from >= result {
            break;
        }
        let until = pause.until?;
        let from = pause.from.max(held_until);
        if until > from {
            let held = cal.working_seconds_between(from, until);
            result = cal.add_working_seconds(result, held);
            held_until = until;
        }
    }
    Some(result)
}

/// How urgent a step is at `now`: overdue after its due time; due soon in the last
/// part of its working time (the office's share, within its minimum and maximum,
/// all in `office.toml`).
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
    if remaining_working_minutes(now, due, cal) <= threshold {
        StepState::DueSoon
    } else {
        StepState::OnTime
    }
}

/// Working minutes left from `now` to `due`, for display; negative once overdue
/// (the working minutes since the due time).
pub fn remaining_working_minutes(now: Time, due: Time, cal: &WorkingCalendar) -> i64 {
    cal.working_minutes_between(now, due)
}

impl Timer for WorkingCalendar {
    fn due(&self, start: Time, limit: Limit, pauses: &[(Time, Time)]) -> Time {
        let finished: Vec<Pause> = pauses
            .iter()
            .map(|&(from, until)| Pause {
                from,
                until: Some(until),
            })
            .collect();
        due_with_pauses(start, limit, self, &finished)
            .expect("finished pauses always give a due time")
    }
}

#[cfg(test)]
mod tests;
