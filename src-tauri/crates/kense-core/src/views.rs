//! What the window and the CLI show: flat, serialisable views of the journal.

use kense_domain::case::{Case, CaseStatus};
use kense_domain::deadline::StepState;
use kense_domain::regulation::{Check, ServiceDefinition, Step, StepKind};
use kense_domain::types::{ApplicantKind, Channel, Language, Role, Text};
use kense_domain::workflow::{RouteEvent, RouteState};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// General facts the window needs at start.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub ui_language: Language,
    /// The office's "now" (RFC 3339, +05:00): the real clock, or the one set for a demo or test.
    pub now: String,
    pub demo: bool,
    /// Whether the office has users: then the window asks who signs in.
    pub users_exist: bool,
    /// Minutes without input after which the window locks.
    pub idle_lock_minutes: u32,
}

/// A service as the registration form offers it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceOption {
    pub id: String,
    pub version: u32,
    pub name: Text,
    pub procedures: Vec<ProcedureOption>,
    pub channels: Vec<Channel>,
    pub applicant_kinds: Vec<ApplicantKind>,
    pub required_documents: Vec<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProcedureOption {
    pub id: String,
    pub name: Text,
}

/// The answer to a journal search: its rows, and whether the journal holds no
/// case at all, so an empty answer tells "nothing found" from "nothing yet".
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalSearch {
    pub rows: Vec<JournalRow>,
    pub journal_empty: bool,
}

/// One line of the journal.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalRow {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: u32,
    pub registered_at: String,
    pub received_at: String,
    pub channel: Channel,
    pub language: Language,
    pub applicant_kind: ApplicantKind,
    pub applicant_name: String,
    pub applicant_id_number: String,
    pub service: String,
    pub service_name: Option<Text>,
    pub procedure: String,
    pub procedure_name: Option<Text>,
    pub status: CaseStatus,
    pub step_id: Option<String>,
    /// The current step's name; `None` once the case is closed.
    pub step_name: Option<Text>,
    /// The current step's kind: its short name in lists (the window names it by code).
    pub step_kind: Option<StepKind>,
    pub step_role: Option<Role>,
    pub executor: Option<String>,
    pub due_at: Option<String>,
    /// How urgent the current step is at the office's "now".
    pub step_state: Option<StepState>,
    /// Working minutes left until the due time (negative when overdue).
    #[ts(type = "number | null")]
    pub minutes_left: Option<i64>,
}

impl JournalRow {
    pub fn new(case: &Case, service_name: Option<Text>, procedure_name: Option<Text>) -> Self {
        let route = &case.route;
        JournalRow {
            id: case.id,
            number: case.number.clone(),
            year: case.year,
            seq: case.seq,
            registered_at: case.registered_at.to_rfc3339(),
            received_at: case.received_at.to_rfc3339(),
            channel: case.channel,
            language: case.language,
            applicant_kind: case.applicant.kind,
            applicant_name: case.applicant.name.clone(),
            applicant_id_number: case.applicant.id_number.clone(),
            service: case.service.clone(),
            service_name,
            procedure: case.procedure.clone(),
            procedure_name,
            status: case.status,
            step_id: route.step.clone(),
            step_name: None,
            step_kind: None,
            step_role: route.role,
            executor: route.executor.clone(),
            due_at: route.due_at.map(|d| d.to_rfc3339()),
            step_state: None,
            minutes_left: None,
        }
    }
}

/// The step a case stands at, as the window shows it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepView {
    pub id: String,
    pub role: Role,
    pub kind: StepKind,
    pub action: Text,
    pub limit: String,
    pub checks: Vec<Check>,
    pub can_refuse: bool,
}

impl StepView {
    pub fn new(step: &Step, channel: Channel) -> StepView {
        StepView {
            id: step.id.clone(),
            role: step.role,
            kind: step.kind,
            action: step.action.clone(),
            limit: step.limit_for(channel).to_string(),
            checks: step.checks.clone(),
            can_refuse: step.refusal.is_some(),
        }
    }
}

/// A case with everything the case screen and `kense-cli case` show.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseView {
    pub case: Case,
    /// The regulation version the case was registered under (grounds, documents, fields).
    pub service: ServiceDefinition,
    pub row: JournalRow,
    pub step: Option<StepView>,
    pub due: Option<String>,
    pub refusal_due: Option<String>,
    pub state: Option<StepState>,
    pub route: RouteState,
    pub history: Vec<RouteEvent>,
    /// The case's state version (its number of history lines): an act sends
    /// it back so that an act on a case changed meanwhile is refused.
    pub version: u32,
}

/// The head's view of every overdue step in the office.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverdueDashboard {
    pub items: Vec<JournalRow>,
    pub by_step: Vec<OverdueCount>,
    pub by_executor: Vec<OverdueCount>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverdueCount {
    /// A step id or an executor's login (empty: not yet assigned).
    pub key: String,
    pub label: Option<Text>,
    #[ts(type = "number")]
    pub count: u64,
}
