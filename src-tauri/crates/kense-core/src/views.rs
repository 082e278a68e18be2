//! What the window and the CLI show: flat, serialisable views of the journal.

use kense_domain::case::{Case, CaseStatus};
use kense_domain::types::{ApplicantKind, Channel, Language, Text};
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

/// One line of the journal.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalRow {
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
}

impl JournalRow {
    pub fn new(case: &Case, service_name: Option<Text>, procedure_name: Option<Text>) -> Self {
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
        }
    }
}
