//! Reports: what the office did in a period, computed from the journal's
//! histories. Pure: the cases, their histories, the regulations, the calendar
//! and "now" are passed in.
//!
//! Definitions (the same on the screen, in the CLI, the spreadsheets and the
//! quarterly paper):
//! - *received*: registered within the period;
//! - *completed*: the route ended within the period with the result issued
//!   (*issued*) or a reasoned refusal sent (*refused*); *withdrawn*: ended
//!   within the period by the applicant's withdrawal;
//! - *in progress*: registered by the end of the period and not ended by then;
//! - a step is *late* when it ended after its due time (the regulation's limit
//!   counted on the working calendar, pauses added, or the head's earlier
//!   deadline), see [`spans::was_late`]; an open step is late once "now" (or
//!   the period's end, if earlier) passes its due time;
//! - a completed case is *on time* when none of its steps was late; a late one
//!   is charged to the owner of each late step (the role the regulation gives
//!   the step, and the person who acted);
//! - a step's *working time* is the office working time between its start and
//!   its end, less its pauses; its *limit* is the working time the regulation's
//!   limit allows from that start (see [`spans::step_spans`]).

mod build;
mod model;
pub mod spans;
mod stats;

pub use build::{build, CaseRoute};
pub use model::*;
pub use spans::{step_spans, was_late, StepSpan};
pub use stats::{percentile, Durations};

#[cfg(test)]
mod tests;
