//! The latest lawful schedule of a procedure: each step starts when the one
//! before it is due. Used by `kense-cli plan` and to show a case's route ahead.
//!
//! The main path is the procedure's steps in order up to the first step that
//! gives the result out. Where a step may end in a reasoned refusal, the
//! refusal is due by its own limit (or the step's) counted from that step's
//! planned start; the schedule reports the earliest such time.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use ts_rs::TS;

use crate::calendar::WorkingCalendar;
use crate::deadline::due;
use crate::error::{DomainError, ErrorCode};
use crate::limit::Limit;
use crate::regulation::ServiceDefinition;
use crate::types::{Channel, Role};

type Time = DateTime<FixedOffset>;

/// One step of the main path with its planned start and due time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PlannedStep {
    pub id: String,
    pub role: Role,
    #[ts(type = "string")]
    pub limit: Limit,
    #[ts(type = "string")]
    pub start: Time,
    #[ts(type = "string")]
    pub due: Time,
}

/// A procedure planned from a start time, on the office calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Schedule {
    pub service: String,
    pub procedure: String,
    pub version: u32,
    pub channel: Channel,
    pub steps: Vec<PlannedStep>,
    /// When the last step of the main path is due.
    #[ts(type = "string")]
    pub due: Time,
    /// The earliest due time of a refusal branch on the main path.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub refusal_due: Option<Time>,
    /// The step whose refusal branch gives `refusal_due`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub refusal_step: Option<String>,
}

/// The channel a plan assumes when none is given: most applications come
/// through the State Corporation; a service it does not serve assumes its
/// first listed channel.
pub const DEFAULT_CHANNEL: Channel = Channel::StateCorp;

fn default_channel(def: &ServiceDefinition) -> Channel {
    if def.channels.contains(&DEFAULT_CHANNEL) {
        DEFAULT_CHANNEL
    } else {
        def.channels.first().copied().unwrap_or(DEFAULT_CHANNEL)
    }
}

/// Plans `procedure` of `def` from `start` for a case received via `channel`.
pub fn plan(
    def: &ServiceDefinition,
    procedure: &str,
    channel: Option<Channel>,
    start: Time,
    cal: &WorkingCalendar,
) -> Result<Schedule, DomainError> {
    let proc = def.procedure(procedure).ok_or_else(|| {
        DomainError::at(
            ErrorCode::UnknownProcedure,
            "procedure",
            format!("service `{}` has no procedure `{procedure}`", def.id),
        )
    })?;
    let channel = channel.unwrap_or_else(|| default_channel(def));
    if !def.channels.contains(&channel) {
        return Err(DomainError::at(
            ErrorCode::ChannelNotAllowed,
            "channel",
            format!(
                "service `{}` is not received via `{}`",
                def.id,
                channel.code()
            ),
        ));
    }
    let mut at = start.with_timezone(&cal.hours.offset);
    let mut steps = Vec::new();
    let mut refusal: Option<(Time, String)> = None;
    for step in &proc.steps {
        let limit = step.limit_for(channel);
        let step_due = due(at, limit, cal);
        if let Some(branch) = &step.refusal {
            let refusal_at = due(at, branch.limit.unwrap_or(limit), cal);
            if refusal.as_ref().is_none_or(|(t, _)| refusal_at < *t) {
                refusal = Some((refusal_at, step.id.clone()));
            }
        }
        steps.push(PlannedStep {
            id: step.id.clone(),
            role: step.role,
            limit,
            start: at,
            due: step_due,
        });
        at = step_due;
        if step.kind.ends_route() {
            break;
        }
    }
    let (refusal_due, refusal_step) = match refusal {
        Some((t, id)) => (Some(t), Some(id)),
        None => (None, None),
    };
    Ok(Schedule {
        service: def.id.clone(),
        procedure: proc.id.clone(),
        version: def.version,
        channel,
        steps,
        due: at,
        refusal_due,
        refusal_step,
    })
}

#[cfg(test)]
mod tests;
