//! The data each document is rendered from. Everything printed comes from
//! here (or from the locale files): the crate reads no clock and no database.

use chrono::{NaiveDate, NaiveDateTime};
use kense_domain::case::CaseStatus;

/// Identity of one printed document, decided by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocStamp {
    /// Short code printed in every page footer, to check the paper against the journal.
    pub check_code: String,
    /// Text encoded in the footer QR code (e.g. a verification URL or hash).
    pub qr_payload: String,
    /// Written as the PDF file identifier (/ID), so the file is reproducible.
    pub document_id: String,
    /// The PDF's creation and modification date.
    pub created_at: NaiveDateTime,
}

/// The office issuing the document (letterhead requisites).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub name: String,
    pub address: String,
    pub phone: String,
}

/// A person or organisation with its IIN/BIN (when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub iin_bin: Option<String>,
}

/// Who signs: position and name ("Басшы", "А. Б. Серіков").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    pub position: String,
    pub name: String,
}

/// A service-specific line on a result document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
}

/// Receipt (қолхат / расписка) handed over when documents are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptData {
    pub stamp: DocStamp,
    pub office: Office,
    pub registration_number: String,
    pub registered_at: NaiveDateTime,
    pub applicant: Party,
    pub representative: Option<Party>,
    pub service_name: String,
    pub procedure_name: String,
    pub documents: Vec<String>,
    pub result_due: NaiveDate,
    pub clerk_name: String,
}

/// Which result document it is; decides the big title word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKind {
    Certificate,
    Licence,
    Reference,
}

/// A certificate, licence or reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultData {
    pub stamp: DocStamp,
    pub office: Office,
    pub kind: ResultKind,
    /// What it is for, printed under the title ("for the right to operate small vessels").
    pub title: String,
    pub number: String,
    pub holder: Party,
    pub fields: Vec<Field>,
    pub issued_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub signatory: Signatory,
}

/// A duplicate of a result document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateData {
    pub document: ResultData,
    pub original_number: String,
    pub original_issued_on: NaiveDate,
}

/// A re-registered (re-issued) licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReregisteredData {
    pub licence: ResultData,
    pub reregistered_on: NaiveDate,
    pub reason: String,
}

/// One ground for refusal and the clause it rests on ("Standard, p. 10, sub-p. 1").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ground {
    pub text: String,
    pub clause: String,
}

/// The executor named at the foot of an official letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Executor {
    pub name: String,
    pub phone: String,
}

/// Addressee of a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub name: String,
    pub address: Option<String>,
}

/// Reasoned refusal letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusalData {
    pub stamp: DocStamp,
    pub office: Office,
    pub outgoing_number: String,
    pub outgoing_date: NaiveDate,
    pub application_number: String,
    pub application_date: NaiveDate,
    pub addressee: Addressee,
    pub service_name: String,
    pub grounds: Vec<Ground>,
    /// The executor's own words on the grounds (may be empty).
    pub explanation: String,
    pub missing_documents: Vec<String>,
    pub expired_documents: Vec<String>,
    pub signatory: Signatory,
    pub executor: Executor,
}

/// One line of the registration journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalRow {
    pub number: String,
    pub registered_on: NaiveDate,
    pub applicant: String,
    pub iin_bin: Option<String>,
    pub service: String,
    pub status: CaseStatus,
    pub due_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
}

/// The journal printout for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalData {
    pub stamp: DocStamp,
    pub office: Office,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub rows: Vec<JournalRow>,
    /// The journal's hash-chain head when printed: the paper anchors the history.
    pub chain: Option<ChainAnchor>,
}

/// The hash chain's length and newest line hash, printed under the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainAnchor {
    pub length: i64,
    pub head: String,
}

/// One service's line of the quarterly state-services report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterlyLine {
    pub service: String,
    pub rendered: u32,
    pub portal: u32,
    pub state_corp: u32,
    pub refused: u32,
    pub violations: u32,
}

/// The quarterly report on state services rendered, for the region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterlyData {
    pub stamp: DocStamp,
    pub office: Office,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub lines: Vec<QuarterlyLine>,
    pub signatory: Signatory,
    /// Not signed yet: marked as a draft under the title.
    pub draft: bool,
}
