//! What the window and the CLI show: flat, serialisable views of the journal.

use kense_domain::case::{Case, CaseStatus};
use kense_domain::deadline::StepState;
use kense_domain::regulation::{
    Check, DocumentItem, Procedure, RefusalGround, ResultField, ServiceDefinition, StepKind,
};
use kense_domain::types::{ApplicantKind, Channel, Language, Role, Text};
use kense_domain::workflow::{
    drafts_result, refusal_grounds_at, resolve_target, Completeness, ResolveTarget, RouteEvent,
    RouteState,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// General facts the window needs at start.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub ui_language: Language,
    /// The office's "now" (RFC 3339 in the office's offset): the real clock, or the one set for a demo or test.
    pub now: String,
    pub demo: bool,
    /// Whether the office has users: then the window asks who signs in.
    pub users_exist: bool,
    /// Minutes without input after which the window locks.
    pub idle_lock_minutes: u32,
    /// The office's time zone as a UTC offset (`+05:00`, from `office.toml`):
    /// times typed in the window are office times in this offset.
    pub utc_offset: String,
    /// Working minutes in one office day (opening to closing less lunch):
    /// what a working day of time left is worth.
    pub work_day_minutes: u32,
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

/// The step a case stands at, as the window shows it. What the forms need to
/// know about it is decided by the domain and carried here, so the window
/// never re-derives it from the regulation.
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
    /// Whom a resolution at this step names; `None` where the step is not a resolution.
    pub resolve_to: Option<ResolveTarget>,
    /// Whether the executor drafts the result here (submitting carries its fields).
    pub drafting: bool,
    /// Ids of the refusal grounds a refusal drafted here may cite, in the regulation's order.
    pub refusal_grounds: Vec<String>,
}

impl StepView {
    /// The step at `index` of the case's procedure.
    pub fn new(
        service: &ServiceDefinition,
        procedure: &Procedure,
        index: usize,
        channel: Channel,
    ) -> StepView {
        let step = &procedure.steps[index];
        StepView {
            id: step.id.clone(),
            role: step.role,
            kind: step.kind,
            action: step.action.clone(),
            limit: step.limit_for(channel).to_string(),
            checks: step.checks.clone(),
            can_refuse: step.refusal.is_some(),
            resolve_to: (step.kind == StepKind::Resolution)
                .then(|| resolve_target(procedure, index)),
            drafting: drafts_result(step),
            refusal_grounds: refusal_grounds_at(service, step)
                .into_iter()
                .map(|g| g.id.clone())
                .collect(),
        }
    }
}

/// A step of the case's procedure by name, for the history's step column.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepName {
    pub id: String,
    pub action: Text,
}

/// A case with everything the case screen and `kense-cli case` show — and no
/// more: the regulation's names the screens need, never the whole regulation.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseView {
    pub case: Case,
    /// The service and procedure names of the regulation version the case was registered under.
    pub service_name: Text,
    pub procedure_name: Text,
    /// The procedure's steps in order.
    pub steps: Vec<StepName>,
    /// The regulation's required documents (the completeness checklist; names of ids in history).
    pub required_documents: Vec<DocumentItem>,
    /// Every refusal ground of the service (names of ids in history and in the refusal form).
    pub refusal_grounds: Vec<RefusalGround>,
    /// The fields of the service's result document.
    pub result_fields: Vec<ResultField>,
    pub row: JournalRow,
    pub step: Option<StepView>,
    /// The package's completeness as the current step's last check recorded it
    /// (received and missing documents, the verdict); `None` where the step
    /// does not check completeness or has not yet.
    pub completeness: Option<Completeness>,
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
