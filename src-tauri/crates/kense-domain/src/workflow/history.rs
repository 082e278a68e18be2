//! One line of a case's history. Appended, never changed.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Action;
use crate::types::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RouteEvent {
    #[ts(type = "string")]
    pub at: DateTime<FixedOffset>,
    pub actor: String,
    /// The role the act was done in (the deputy acting for the head: `deputy`).
    pub role: Role,
    pub acting_for_head: bool,
    /// The step the case stood at when the act was done.
    pub step: Option<String>,
    pub action: Action,
    /// That step's due time at the moment of the act.
    #[ts(type = "string | null")]
    pub due: Option<DateTime<FixedOffset>>,
}
