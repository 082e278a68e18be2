//! The office's clock arithmetic, on its working calendar.

use chrono::{DateTime, FixedOffset};
use kense_domain::deadline::{self, StepState};
use kense_domain::limit::Limit;
use kense_domain::workflow::Timer;

use crate::Office;

type Time = DateTime<FixedOffset>;

impl Office {
    pub(crate) fn timer(&self) -> &dyn Timer {
        self.calendar()
    }

    /// When a step that starts at `start` with `limit` is due.
    pub fn due_time(&self, start: Time, limit: Limit) -> Time {
        deadline::due(start, limit, self.calendar())
    }

    pub(crate) fn urgency(&self, now: Time, start: Time, due: Time) -> StepState {
        deadline::step_state(now, start, due, self.calendar())
    }

    /// Working minutes from `now` to `due`; negative once overdue.
    pub(crate) fn working_minutes_left(&self, now: Time, due: Time) -> i64 {
        self.calendar().working_minutes_between(now, due)
    }
}
