//! The shape of a service definition: what a regulation file holds once read.
//! Every struct rejects unknown fields, so a typo in a file is an error, not a silent default.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::limit::Limit;
use crate::types::{ApplicantKind, Channel, Role, Text};

use super::channel_limits::ChannelLimits;
use super::date::date_serde;

/// One state service as one regulation version fixes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ServiceDefinition {
    /// Stable id, e.g. `small-vessel-certificate`; cases refer to it.
    pub id: String,
    /// Grows by one with every edit; a case keeps the version it was registered under.
    pub version: u32,
    #[serde(with = "date_serde")]
    #[ts(type = "string")]
    pub effective_from: NaiveDate,
    pub name: Text,
    pub source: LegalSource,
    /// The body that provides the service (the office itself).
    pub provider: Text,
    pub applicant_kinds: Vec<ApplicantKind>,
    pub fee: Fee,
    pub channels: Vec<Channel>,
    pub required_documents: Vec<DocumentItem>,
    #[serde(default)]
    pub refusal_grounds: Vec<RefusalGround>,
    #[serde(default)]
    pub result_fields: Vec<ResultField>,
    /// How long the result is valid, when the regulation or law says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub validity: Option<Text>,
    pub procedures: Vec<Procedure>,
}

/// The act that approved the regulation, as a refusal letter or a report cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct LegalSource {
    /// The akimat that issued the resolution.
    pub issuer: Text,
    pub region: Text,
    pub resolution_number: String,
    #[serde(with = "date_serde")]
    #[ts(type = "string")]
    pub resolution_date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub justice_registration: Option<ActReference>,
    /// Later resolutions that changed the text encoded here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<ActReference>,
    /// The state service Standard the regulation implements (its p. 9 and p. 10 are cited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub standard: Option<Text>,
}

/// A numbered, dated act: a registration with the justice department or an amending resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ActReference {
    pub number: String,
    #[serde(with = "date_serde")]
    #[ts(type = "string")]
    pub date: NaiveDate,
}

/// Whether the applicant pays; `paid` says for what, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export)]
pub enum Fee {
    /// Braces so that stray fields next to `kind = "free"` are rejected too.
    Free {},
    Paid {
        kk: String,
        ru: String,
    },
}

/// A document the applicant hands in (Standard p. 9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct DocumentItem {
    pub id: String,
    pub kk: String,
    pub ru: String,
}

/// A ground a reasoned refusal can cite, with the clause it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RefusalGround {
    pub id: String,
    pub kk: String,
    pub ru: String,
    /// E.g. `Standard p. 10 subp. 1` or `Law on state services art. 20 p. 2`.
    pub clause: String,
}

/// A field of the service's own that the result document shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ResultField {
    pub id: String,
    pub kk: String,
    pub ru: String,
}

/// What a procedure produces when it succeeds; a reasoned refusal is always possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResultKind {
    Certificate,
    Licence,
    Reference,
    Duplicate,
    ReregisteredLicence,
}

/// One variant of the service (issue, duplicate, ...) with its own route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Procedure {
    pub id: String,
    pub name: Text,
    pub result_kind: ResultKind,
    /// In order: a case walks them one after another unless a refusal branch jumps.
    pub steps: Vec<Step>,
}

/// What a step does. Closed on purpose: the workflow and the reports rely on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StepKind {
    /// Clerk enters the application in the journal and passes it on.
    Register,
    /// Head (or deputy) reviews and puts a resolution naming who goes on.
    Resolution,
    /// Department head names the executor.
    AssignExecutor,
    /// Executor checks that the package is complete (and lawful).
    CompletenessCheck,
    /// Executor studies the documents and drafts the result or a refusal.
    StudyAndDraft,
    /// Executor checks the qualification requirements of a licence.
    QualificationCheck,
    /// Executor checks that the fee was paid.
    FeeCheck,
    /// Executor visits the object on site.
    SiteVisit,
    /// Other state bodies review and give their conclusion.
    ExternalApproval,
    /// Head (or deputy) signs the result or the refusal.
    Sign,
    /// The result is printed, signed, stamped and given out; ends the route.
    Formalise,
    /// Clerk registers the outgoing result and hands it over; ends the route.
    HandOver,
}

impl StepKind {
    /// The snake_case name used in files.
    pub fn code(self) -> &'static str {
        match self {
            StepKind::Register => "register",
            StepKind::Resolution => "resolution",
            StepKind::AssignExecutor => "assign_executor",
            StepKind::CompletenessCheck => "completeness_check",
            StepKind::StudyAndDraft => "study_and_draft",
            StepKind::QualificationCheck => "qualification_check",
            StepKind::FeeCheck => "fee_check",
            StepKind::SiteVisit => "site_visit",
            StepKind::ExternalApproval => "external_approval",
            StepKind::Sign => "sign",
            StepKind::Formalise => "formalise",
            StepKind::HandOver => "hand_over",
        }
    }

    /// A step of this kind gives the result out, so nothing follows it in order.
    pub fn ends_route(self) -> bool {
        matches!(self, StepKind::Formalise | StepKind::HandOver)
    }

    /// The only roles that may own a step of this kind; `None` means any office role.
    pub fn allowed_roles(self) -> Option<&'static [Role]> {
        match self {
            StepKind::Register | StepKind::HandOver => Some(&[Role::Clerk]),
            StepKind::Resolution | StepKind::Sign => Some(&[Role::Head]),
            StepKind::AssignExecutor => Some(&[Role::DeptHead]),
            StepKind::ExternalApproval => Some(&[Role::External]),
            StepKind::CompletenessCheck
            | StepKind::StudyAndDraft
            | StepKind::QualificationCheck
            | StepKind::FeeCheck
            | StepKind::SiteVisit => Some(&[Role::Executor]),
            StepKind::Formalise => None,
        }
    }
}

/// A check a step must make, shown to the executor as a checklist line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Check {
    Completeness,
    Legality,
    Fee,
    Qualification,
    SiteVisit,
    AddressCode,
    ExternalConclusions,
}

/// One step of a procedure: who, what, within how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Step {
    pub id: String,
    /// `head` means the head, or the deputy when the head is absent.
    pub role: Role,
    pub kind: StepKind,
    pub action: Text,
    /// Counted from the moment the step starts.
    #[ts(type = "string")]
    pub limit: Limit,
    /// Limits that replace `limit` for cases received via a given channel.
    #[serde(default, skip_serializing_if = "ChannelLimits::is_empty")]
    #[ts(type = "Record<string, string>")]
    pub limit_by_channel: ChannelLimits,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// Present when the regulation lets this step end in a reasoned refusal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub refusal: Option<RefusalBranch>,
    /// What the step's result is recorded as (e.g. the control sheet entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub outcome: Option<Text>,
    /// The seed clause(s) the step comes from, for a reviewer to check.
    pub source: String,
}

impl Step {
    /// The limit that applies to a case received via `channel`.
    pub fn limit_for(&self, channel: Channel) -> Limit {
        self.limit_by_channel.get(channel).unwrap_or(self.limit)
    }
}

/// How a step may end in a reasoned refusal instead of its normal result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RefusalBranch {
    /// Own limit of the refusal, counted from the step's start; absent: the step's limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub limit: Option<Limit>,
    /// Ids of `refusal_grounds` this step may cite.
    pub grounds: Vec<String>,
    /// The step that takes the refusal on (e.g. signing); absent: the next step in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub next: Option<String>,
    /// The refusal is sent from this step and the case closes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closes_case: bool,
}

impl ServiceDefinition {
    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }

    pub fn refusal_ground(&self, id: &str) -> Option<&RefusalGround> {
        self.refusal_grounds.iter().find(|g| g.id == id)
    }
}

impl Procedure {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}
