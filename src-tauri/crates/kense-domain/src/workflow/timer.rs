//! The deadline clock, passed into the workflow so the rules stay pure.

use chrono::{DateTime, FixedOffset};

use crate::limit::Limit;

pub trait Timer {
    /// When a step that started at `start` with `limit` is due, with the clock
    /// stopped during each `(from, until)` pause.
    fn due(
        &self,
        start: DateTime<FixedOffset>,
        limit: Limit,
        pauses: &[(DateTime<FixedOffset>, DateTime<FixedOffset>)],
    ) -> DateTime<FixedOffset>;
}
