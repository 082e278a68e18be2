//! What a report takes in and gives out.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseStatus;
use crate::types::{Channel, Role};
use crate::workflow::ActionKind;

type Time = DateTime<FixedOffset>;

/// How the per-group table of a report is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GroupBy {
    #[default]
    Service,
    Executor,
    Channel,
}

impl GroupBy {
    pub fn parse(code: &str) -> Option<GroupBy> {
        match code {
            "service" => Some(GroupBy::Service),
            "executor" => Some(GroupBy::Executor),
            "channel" => Some(GroupBy::Channel),
            _ => None,
        }
    }
}

/// The period (dates inclusive, office time) and the filters of a report;
/// empty filters do not filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ReportQuery {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    #[serde(default)]
    #[ts(optional)]
    pub service: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub procedure: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub channel: Option<Channel>,
    #[serde(default)]
    #[ts(optional)]
    pub executor: Option<String>,
    /// The executors' department (as written on their role).
    #[serde(default)]
    #[ts(optional)]
    pub department: Option<String>,
    #[serde(default)]
    pub by: GroupBy,
}

/// One line of a case's history, as much of it as reports need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    pub at: Time,
    pub actor: String,
    pub role: Role,
    /// The step the case stood at when the act was done.
    pub step: Option<String>,
    pub kind: ActionKind,
    /// That step's due time at the moment of the act.
    pub due: Option<Time>,
    /// The grounds cited, for a drafted refusal.
    pub grounds: Vec<String>,
}

/// A case as reports see it: its journal line and its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub id: i64,
    pub number: String,
    pub service: String,
    pub service_version: u32,
    pub procedure: String,
    pub channel: Channel,
    pub status: CaseStatus,
    pub registered_at: Time,
    /// When the route ended (issued, refused or withdrawn).
    pub finished_at: Option<Time>,
    pub executor: Option<String>,
    pub current_step: Option<String>,
    pub step_started_at: Option<Time>,
    pub due_at: Option<Time>,
    /// Oldest first; the first line is the registration.
    pub history: Vec<HistoryLine>,
}

/// The headline figures of a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Counts {
    pub received: u32,
    pub in_progress: u32,
    pub completed: u32,
    pub issued: u32,
    pub refused: u32,
    pub withdrawn: u32,
    /// Completed with no late step.
    pub on_time: u32,
    /// Completed with at least one late step.
    pub late: u32,
    /// `on_time / completed`, 0–1; `None` when nothing was completed.
    pub on_time_share: Option<f64>,
}

impl Counts {
    /// The whole-number figures in the order reports print them, each with the
    /// key of its label (`reports.count.<key>` in the locales).
    pub fn named(&self) -> [(&'static str, u32); 8] {
        [
            ("received", self.received),
            ("in_progress", self.in_progress),
            ("completed", self.completed),
            ("issued", self.issued),
            ("refused", self.refused),
            ("withdrawn", self.withdrawn),
            ("on_time", self.on_time),
            ("late", self.late),
        ]
    }
}

/// How often a refusal ground was cited in the period's refusals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroundCount {
    pub service: String,
    pub ground: String,
    pub count: u32,
}

/// A step that ended late (or is open past its due time), charged to its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LateStep {
    pub case_number: String,
    pub service: String,
    pub procedure: String,
    pub step: String,
    /// The role the regulation gives the step: head, clerk, executor, external…
    pub role: Role,
    /// Who acted at the step (for an open step: the assigned executor, if any).
    pub person: Option<String>,
    #[ts(type = "string")]
    pub started: Time,
    #[ts(type = "string")]
    pub due: Time,
    /// `None`: the step is still open.
    #[ts(type = "string | null")]
    pub ended: Option<Time>,
    /// Working minutes past the due time.
    #[ts(type = "number")]
    pub overdue_minutes: i64,
}

/// Working minutes a set of steps took: median (the lower middle),
/// 90th percentile (nearest rank) and maximum, beside the limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DurationRow {
    /// `service/procedure/step`, or an executor's login.
    pub key: String,
    pub service: String,
    pub procedure: String,
    pub step: String,
    pub role: Option<Role>,
    pub count: u32,
    #[ts(type = "number")]
    pub median: i64,
    #[ts(type = "number")]
    pub p90: i64,
    #[ts(type = "number")]
    pub max: i64,
    /// The working minutes the limit allows (the median over the steps:
    /// a limit in working days allows more or less depending on the start).
    #[ts(type = "number")]
    pub limit: i64,
    pub late: u32,
}

/// An executor's work: open now (at the period's end), completed in the period, late.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExecutorLoad {
    pub executor: String,
    pub open: u32,
    pub completed: u32,
    /// Late steps charged to this person (ended late in the period, or open and overdue).
    pub late: u32,
}

/// One day of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DayLoad {
    #[ts(type = "string")]
    pub day: NaiveDate,
    pub received: u32,
    pub completed: u32,
    /// Steps finished that day.
    pub steps: u32,
}

/// One week (Monday to Sunday, cut to the period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeekRow {
    #[ts(type = "string")]
    pub week: NaiveDate,
    /// Received that week, per service.
    pub received: BTreeMap<String, u32>,
    pub completed: u32,
    pub on_time: u32,
}

/// One line of the per-group table (`by`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroupRow {
    pub key: String,
    pub counts: Counts,
}

/// One service's line of the quarterly state-services report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceLine {
    pub service: String,
    /// Completed: issued or refused.
    pub rendered: u32,
    pub portal: u32,
    pub state_corp: u32,
    pub refused: u32,
    /// Completed with a late step.
    pub violations: u32,
}

/// Everything a report shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Report {
    pub query: ReportQuery,
    pub counts: Counts,
    pub grounds: Vec<GroundCount>,
    pub late_steps: Vec<LateStep>,
    pub step_times: Vec<DurationRow>,
    pub executor_times: Vec<DurationRow>,
    pub workload: Vec<ExecutorLoad>,
    pub days: Vec<DayLoad>,
    pub weeks: Vec<WeekRow>,
    pub groups: Vec<GroupRow>,
    pub services: Vec<ServiceLine>,
}
