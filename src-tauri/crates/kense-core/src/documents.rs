//! Documents that leave the office: receipts, results (certificate, licence,
//! reference, duplicate, re-registered licence), reasoned refusals and journal
//! printouts, rendered by `kense-pdf` from a case and frozen when issued.
//!
//! Freezing: a result or a refusal is rendered and stored — bytes, SHA-256,
//! signer, role, acting-for-head and time — in the same transaction as the
//! head's signature (`Office::act` with `Action::Sign`). A route that ends
//! without a signature step freezes its document when it ends. Receipts are
//! frozen at their first print, journal printouts at each print. A frozen
//! document is never rendered again: every print returns the stored bytes and
//! is logged as a numbered copy.
//!
//! Checking: each document gets an 8-character check code (Crockford base32 of
//! a SHA-256), printed in every page footer, encoded in the QR code as
//! `KENSE|<case>|<kind>|<date>|<code>|<12 hex of the content hash>` and written
//! as the PDF's file identifier `/ID` (`KENSE-<code>`). The content hash is the
//! SHA-256 of the same document rendered without its stamp (a stamp cannot
//! hold the hash of the file that contains it). `verify_document` reads the
//! code back from the `/ID` and compares the SHA-256 of the whole file with
//! the stored one.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use kense_domain::case::{Case, CaseStatus};
use kense_domain::regulation::{Procedure, ResultKind as DomainResultKind, ServiceDefinition};
use kense_domain::schedule::plan;
use kense_domain::types::{Language, Role, Text};
use kense_domain::workflow::{Action, Draft, RouteEvent, RouteState};
use kense_domain::{DomainError, ErrorCode};
use kense_pdf::{
    Addressee, DocStamp, DuplicateData, Executor, Field, Ground, JournalData, Party, PdfError,
    ReceiptData, RefusalData, ReregisteredData, ResultData, ResultKind, Signatory,
};
use kense_store::documents::{self as store_docs, NewDocument, StoredDocument};
use kense_store::{cases, events, outgoing, Connection, StoreError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::authorize::{authorize, What};
use crate::office_details::OfficeDetails;
use crate::{CoreError, Office, Session};

type Time = DateTime<FixedOffset>;

/// The kinds of document the office prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentKind {
    Receipt,
    /// Certificate, licence, reference or re-registered licence.
    Result,
    /// The result document of a duplicate procedure.
    Duplicate,
    Refusal,
    Journal,
    /// The quarterly report on state services, signed by the head.
    Quarterly,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::Receipt,
        DocumentKind::Result,
        DocumentKind::Duplicate,
        DocumentKind::Refusal,
        DocumentKind::Journal,
        DocumentKind::Quarterly,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Receipt => "receipt",
            DocumentKind::Result => "result",
            DocumentKind::Duplicate => "duplicate",
            DocumentKind::Refusal => "refusal",
            DocumentKind::Journal => "journal",
            DocumentKind::Quarterly => "quarterly",
        }
    }

    pub fn parse(code: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the journal knows about a stored document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentInfo {
    pub kind: DocumentKind,
    pub lang: Language,
    pub case_number: Option<String>,
    /// As printed: `ABCD-EFGH`.
    pub check_code: String,
    pub sha256: String,
    pub signed_by: Option<String>,
    pub signer_name: Option<Text>,
    pub signer_role: Option<Role>,
    pub acting_for_head: bool,
    pub signed_at: Option<String>,
    pub outgoing_number: Option<String>,
    pub period_from: Option<String>,
    pub period_to: Option<String>,
    pub created_by: String,
    pub created_at: String,
    /// How many times it was printed (the first print is the original).
    pub prints: u32,
}

/// One print: the exact bytes and which copy it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub bytes: Vec<u8>,
    /// 1 for the original, 2 and more for copies.
    pub copy: u32,
    pub info: DocumentInfo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Verdict {
    /// The file is byte for byte the one the journal holds.
    Genuine,
    /// The journal knows the document, but this file differs from it.
    Tampered,
    /// No such document in the journal.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Verification {
    pub verdict: Verdict,
    /// The code found in the file or given, as printed.
    pub check_code: Option<String>,
    /// SHA-256 of the file checked (none when only a code was given).
    pub sha256: Option<String>,
    pub document: Option<DocumentInfo>,
}

// ---------------------------------------------------------------- codes

use kense_domain::base32::{self, ALPHABET as CODE_ALPHABET};

const CODE_LEN: usize = 8;
const ID_PREFIX: &str = "KENSE-";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Crockford base32 of the first 40 bits of `digest`.
fn base32_code(digest: &[u8]) -> String {
    base32::encode_bits(digest, CODE_LEN * 5)
}

/// `ABCDEFGH` → `ABCD-EFGH`.
pub fn display_code(code: &str) -> String {
    if code.len() == CODE_LEN {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_string()
    }
}

/// A typed or scanned code in its stored form: upper case, no separators, the
/// letters people confuse with digits read as those digits (Crockford).
pub fn normalize_code(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

/// The check code written in a PDF's `/ID` by `issue`, found by a byte search:
/// the identifier is a hex string, so the code is spelled in hex digits there.
pub fn code_in_pdf(bytes: &[u8]) -> Option<String> {
    let needle = hex(ID_PREFIX.as_bytes()).to_ascii_uppercase();
    let upper: Vec<u8> = bytes.iter().map(|b| b.to_ascii_uppercase()).collect();
    let start = upper
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())?
        + needle.len();
    let digits = upper.get(start..start + CODE_LEN * 2)?;
    let text = std::str::from_utf8(digits).ok()?;
    let code: Option<String> = (0..CODE_LEN)
        .map(|i| {
            u8::from_str_radix(&text[i * 2..i * 2 + 2], 16)
                .ok()
                .map(char::from)
        })
        .collect();
    code.filter(|c| c.bytes().all(|b| CODE_ALPHABET.contains(&b)))
}

fn unavailable(detail: impl Into<String>) -> CoreError {
    DomainError::at(ErrorCode::DocumentNotAvailable, "kind", detail).into()
}

fn render_failed(e: PdfError) -> DomainError {
    DomainError::new(ErrorCode::RenderFailed, e.to_string())
}

// ---------------------------------------------------------------- data plans

/// A document's data without its stamp (and, for signed documents, without
/// the outgoing number, taken in the signing transaction).
#[derive(Debug, Clone)]
pub(crate) enum Plan {
    Receipt(ReceiptData),
    Result {
        data: ResultData,
        number_is_outgoing: bool,
    },
    Duplicate(DuplicateData),
    Reregistered {
        data: ReregisteredData,
        number_is_outgoing: bool,
    },
    Refusal(RefusalData),
    Journal(JournalData),
    Quarterly(kense_pdf::QuarterlyData),
}

impl Plan {
    fn set_outgoing(&mut self, number: &str) {
        match self {
            Plan::Refusal(d) => d.outgoing_number = number.to_string(),
            Plan::Result {
                data,
                number_is_outgoing: true,
            } => data.number = number.to_string(),
            Plan::Reregistered {
                data,
                number_is_outgoing: true,
            } => data.licence.number = number.to_string(),
            Plan::Duplicate(d) => d.document.number = number.to_string(),
            _ => {}
        }
    }

    fn set_stamp(&mut self, stamp: DocStamp) {
        match self {
            Plan::Receipt(d) => d.stamp = stamp,
            Plan::Result { data, .. } => data.stamp = stamp,
            Plan::Duplicate(d) => d.document.stamp = stamp,
            Plan::Reregistered { data, .. } => data.licence.stamp = stamp,
            Plan::Refusal(d) => d.stamp = stamp,
            Plan::Journal(d) => d.stamp = stamp,
            Plan::Quarterly(d) => d.stamp = stamp,
        }
    }

    pub(crate) fn render(&self, lang: Language) -> Result<Vec<u8>, PdfError> {
        match self {
            Plan::Receipt(d) => kense_pdf::render_receipt(d, lang),
            Plan::Result { data, .. } => kense_pdf::render_result(data, lang),
            Plan::Duplicate(d) => kense_pdf::render_duplicate(d, lang),
            Plan::Reregistered { data, .. } => kense_pdf::render_reregistered_licence(data, lang),
            Plan::Refusal(d) => kense_pdf::render_refusal(d, lang),
            Plan::Journal(d) => kense_pdf::render_journal(d, lang),
            Plan::Quarterly(d) => kense_pdf::render_quarterly(d, lang),
        }
    }
}

pub(crate) fn blank_stamp(created_at: NaiveDateTime) -> DocStamp {
    DocStamp {
        check_code: String::new(),
        qr_payload: "KENSE".into(),
        document_id: String::new(),
        created_at,
    }
}

/// A document rendered with its stamp, ready to store.
pub(crate) struct Issued {
    pub(crate) bytes: Vec<u8>,
    pub(crate) sha256: String,
    pub(crate) content_sha256: String,
    pub(crate) code: String,
}

/// Renders `plan` without a stamp (content hash), picks a free check code,
/// then renders it stamped.
pub(crate) fn issue(
    conn: &Connection,
    mut plan: Plan,
    lang: Language,
    label: &str,
    kind: DocumentKind,
    created_at: NaiveDateTime,
) -> Result<Issued, StoreError> {
    plan.set_stamp(blank_stamp(created_at));
    let content = plan.render(lang).map_err(render_failed)?;
    let content_sha256 = sha256_hex(&content);
    let mut salt = 0u32;
    let code = loop {
        let digest = Sha256::digest(format!("{content_sha256}|{label}|{created_at}|{salt}"));
        let code = base32_code(&digest);
        if !store_docs::check_code_taken(conn, &code)? {
            break code;
        }
        salt += 1;
    };
    plan.set_stamp(DocStamp {
        check_code: display_code(&code),
        qr_payload: format!(
            "KENSE|{label}|{}|{}|{}|{}",
            kind.code(),
            created_at.date(),
            display_code(&code),
            &content_sha256[..12]
        ),
        document_id: format!("{ID_PREFIX}{code}"),
        created_at,
    });
    let bytes = plan.render(lang).map_err(render_failed)?;
    Ok(Issued {
        sha256: sha256_hex(&bytes),
        bytes,
        content_sha256,
        code,
    })
}

/// Who signed (or issued) a frozen document.
#[derive(Debug, Clone)]
struct Signer {
    login: String,
    role: Role,
    acting_for_head: bool,
    at: Time,
}

/// A result or refusal to freeze in the transaction of the act that issues it.
pub(crate) struct Freeze {
    case_id: i64,
    case_number: String,
    kind: DocumentKind,
    lang: Language,
    plan: Plan,
    signer: Signer,
    /// The outgoing number the act gives (hand-over); none: take the next one.
    outgoing: Option<String>,
    pattern: String,
}

impl Freeze {
    /// Stores the document; returns its outgoing number.
    pub(crate) fn write(
        self,
        tx: &Connection,
        event_id: i64,
        offset: FixedOffset,
    ) -> Result<String, StoreError> {
        let Freeze {
            case_id,
            case_number,
            kind,
            lang,
            mut plan,
            signer,
            outgoing: given,
            pattern,
        } = self;
        let local = signer.at.with_timezone(&offset);
        let number = match given {
            Some(n) => n,
            None => {
                let year = chrono::Datelike::year(&local);
                let seq = outgoing::next(tx, year)?;
                kense_domain::numbering::format_number(&pattern, year, seq)
            }
        };
        let at = local.to_rfc3339();
        outgoing::claim(tx, &number, case_id, kind.code(), &at)?;
        plan.set_outgoing(&number);
        let issued = issue(tx, plan, lang, &case_number, kind, local.naive_local())?;
        store_docs::insert(
            tx,
            &NewDocument {
                case_id: Some(case_id),
                kind: kind.code(),
                lang: lang.code(),
                sha256: &issued.sha256,
                content_sha256: &issued.content_sha256,
                check_code: &issued.code,
                bytes: &issued.bytes,
                signed_by: Some(&signer.login),
                signer_role: Some(signer.role.code()),
                acting_for_head: signer.acting_for_head,
                signed_at: Some(&at),
                event_id: Some(event_id),
                outgoing_number: Some(&number),
                period_from: None,
                period_to: None,
                created_by: &signer.login,
                created_at: &at,
            },
        )?;
        Ok(number)
    }
}

/// The outgoing number given to the case's signed document, if any: the
/// hand-over registers the result under the number it was signed with.
pub(crate) fn signed_outgoing_number(
    conn: &Connection,
    case_id: i64,
) -> Result<Option<String>, StoreError> {
    Ok(store_docs::list_for_case(conn, case_id)?
        .into_iter()
        .find(|d| d.signed_by.is_some())
        .and_then(|d| d.outgoing_number))
}

fn date_in_field(text: &str) -> Option<NaiveDate> {
    kense_domain::dates::parse_date(text)
}

fn base_result_kind(service: &ServiceDefinition) -> ResultKind {
    service
        .procedures
        .iter()
        .find_map(|p| match p.result_kind {
            DomainResultKind::Certificate => Some(ResultKind::Certificate),
            DomainResultKind::Licence | DomainResultKind::ReregisteredLicence => {
                Some(ResultKind::Licence)
            }
            DomainResultKind::Reference => Some(ResultKind::Reference),
            DomainResultKind::Duplicate => None,
        })
        .unwrap_or(ResultKind::Certificate)
}

/// The result kind a procedure's success gives: result or duplicate.
fn success_kind(procedure: &Procedure) -> DocumentKind {
    match procedure.result_kind {
        DomainResultKind::Duplicate => DocumentKind::Duplicate,
        _ => DocumentKind::Result,
    }
}

fn draft_kind(procedure: &Procedure, draft: Option<&Draft>) -> DocumentKind {
    match draft {
        Some(Draft::Refusal { .. }) => DocumentKind::Refusal,
        _ => success_kind(procedure),
    }
}

impl Office {
    fn offset(&self) -> FixedOffset {
        self.calendar().hours.offset
    }

    fn office_block(
        &self,
        details: &OfficeDetails,
        service: &ServiceDefinition,
        lang: Language,
    ) -> kense_pdf::Office {
        let name = details.name.get(lang);
        kense_pdf::Office {
            name: if name.is_empty() {
                service.provider.get(lang).to_string()
            } else {
                name.to_string()
            },
            address: details.address.get(lang).to_string(),
            phone: details.phone.clone(),
        }
    }

    fn person_name(&self, login: &str, lang: Language) -> String {
        match kense_store::users::get(self.store().conn(), login) {
            Ok(Some(user)) => user.name.get(lang).to_string(),
            _ => login.to_string(),
        }
    }

    /// The signature block: the deputy acting signs as themself; otherwise the
    /// head as the office details name them.
    fn signatory(
        &self,
        details: &OfficeDetails,
        signer: Option<&Signer>,
        lang: Language,
    ) -> Signatory {
        let user = |login: &str| {
            kense_store::users::get(self.store().conn(), login)
                .ok()
                .flatten()
        };
        if let Some(s) = signer.filter(|s| s.role == Role::Deputy) {
            if let Some(u) = user(&s.login) {
                return Signatory {
                    position: u.position.get(lang).to_string(),
                    name: u.name.get(lang).to_string(),
                };
            }
        }
        if !details.head_name.get(lang).is_empty() {
            return Signatory {
                position: details.head_position.get(lang).to_string(),
                name: details.head_name.get(lang).to_string(),
            };
        }
        match signer.and_then(|s| user(&s.login)) {
            Some(u) => Signatory {
                position: u.position.get(lang).to_string(),
                name: u.name.get(lang).to_string(),
            },
            None => Signatory {
                position: String::new(),
                name: String::new(),
            },
        }
    }

    fn receipt_plan(
        &self,
        case: &Case,
        service: &ServiceDefinition,
        procedure: &Procedure,
        lang: Language,
    ) -> Result<Plan, CoreError> {
        let details = self.details()?;
        let offset = self.offset();
        let due = plan(
            service,
            &procedure.id,
            Some(case.channel),
            case.received_at,
            self.calendar(),
        )
        .map(|s| s.due)
        .ok()
        .or(case.route.due_at)
        .unwrap_or(case.registered_at);
        Ok(Plan::Receipt(ReceiptData {
            stamp: blank_stamp(case.registered_at.naive_local()),
            office: self.office_block(&details, service, lang),
            registration_number: case.number.clone(),
            registered_at: case.registered_at.with_timezone(&offset).naive_local(),
            applicant: Party {
                name: case.applicant.name.clone(),
                iin_bin: Some(case.applicant.id_number.clone()),
            },
            representative: case.representative.as_ref().map(|r| Party {
                name: r.name.clone(),
                iin_bin: Some(r.iin.clone()),
            }),
            service_name: service.name.get(lang).to_string(),
            procedure_name: procedure.name.get(lang).to_string(),
            documents: case.documents.clone(),
            result_due: due.with_timezone(&offset).date_naive(),
            clerk_name: self.person_name(&case.registered_by, lang),
        }))
    }

    /// The result (or duplicate, or re-registered licence) from the draft's fields.
    fn result_plan(
        &self,
        case: &Case,
        service: &ServiceDefinition,
        procedure: &Procedure,
        fields: &std::collections::BTreeMap<String, String>,
        signer: Option<&Signer>,
        lang: Language,
    ) -> Result<Plan, CoreError> {
        let details = self.details()?;
        let offset = self.offset();
        let issued_on = signer
            .map(|s| s.at)
            .unwrap_or(case.registered_at)
            .with_timezone(&offset)
            .date_naive();
        let value = |id: &str| fields.get(id).map(|v| v.trim()).filter(|v| !v.is_empty());
        let number_field = service
            .result_fields
            .iter()
            .find(|f| f.id.ends_with("-number"))
            .and_then(|f| value(&f.id));
        let valid_until = value("valid-until").and_then(date_in_field);
        let shown: Vec<Field> = service
            .result_fields
            .iter()
            .filter(|f| {
                !(f.id.ends_with("-number") || (f.id == "valid-until" && valid_until.is_some()))
            })
            .filter_map(|f| {
                value(&f.id).map(|v| Field {
                    label: match lang {
                        Language::Kk => f.kk.clone(),
                        Language::Ru => f.ru.clone(),
                    },
                    value: v.to_string(),
                })
            })
            .collect();
        let mut data = ResultData {
            stamp: blank_stamp(issued_on.and_hms_opt(0, 0, 0).unwrap_or_default()),
            office: self.office_block(&details, service, lang),
            kind: base_result_kind(service),
            title: service.name.get(lang).to_string(),
            number: number_field
                .map(str::to_string)
                .unwrap_or_else(|| "—".into()),
            holder: Party {
                name: case.applicant.name.clone(),
                iin_bin: Some(case.applicant.id_number.clone()),
            },
            fields: shown,
            issued_on,
            valid_until,
            signatory: self.signatory(&details, signer, lang),
        };
        Ok(match procedure.result_kind {
            DomainResultKind::Duplicate => {
                let original_number = value("original-number")
                    .or(number_field)
                    .unwrap_or("—")
                    .to_string();
                let original_issued_on = value("original-issued-on")
                    .and_then(date_in_field)
                    .unwrap_or(issued_on);
                data.number = "—".into();
                Plan::Duplicate(DuplicateData {
                    document: data,
                    original_number,
                    original_issued_on,
                })
            }
            DomainResultKind::ReregisteredLicence => {
                let reason = value("reason")
                    .or(value("reregistration-reason"))
                    .map(str::to_string)
                    .unwrap_or_else(|| procedure.name.get(lang).to_string());
                data.kind = ResultKind::Licence;
                Plan::Reregistered {
                    data: ReregisteredData {
                        licence: data,
                        reregistered_on: issued_on,
                        reason,
                    },
                    number_is_outgoing: number_field.is_none(),
                }
            }
            _ => Plan::Result {
                data,
                number_is_outgoing: number_field.is_none(),
            },
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn refusal_plan(
        &self,
        case: &Case,
        service: &ServiceDefinition,
        state: &RouteState,
        grounds: &[String],
        missing: &[String],
        text: &str,
        signer: Option<&Signer>,
        lang: Language,
    ) -> Result<Plan, CoreError> {
        let details = self.details()?;
        let offset = self.offset();
        let outgoing_date = signer
            .map(|s| s.at)
            .unwrap_or(case.registered_at)
            .with_timezone(&offset)
            .date_naive();
        let grounds = grounds
            .iter()
            .map(|id| match service.refusal_ground(id) {
                Some(g) => Ground {
                    text: match lang {
                        Language::Kk => g.kk.clone(),
                        Language::Ru => g.ru.clone(),
                    },
                    clause: g.clause.clone(),
                },
                None => Ground {
                    text: id.clone(),
                    clause: String::new(),
                },
            })
            .collect();
        let missing_documents = missing
            .iter()
            .map(
                |doc| match service.required_documents.iter().find(|d| d.id == *doc) {
                    Some(d) => match lang {
                        Language::Kk => d.kk.clone(),
                        Language::Ru => d.ru.clone(),
                    },
                    None => doc.clone(),
                },
            )
            .collect();
        let executor_login = state.executor.clone().or_else(|| {
            signer
                .filter(|s| s.role == Role::Executor)
                .map(|s| s.login.clone())
        });
        let executor = match executor_login.as_deref().and_then(|l| {
            kense_store::users::get(self.store().conn(), l)
                .ok()
                .flatten()
        }) {
            Some(u) => Executor {
                name: u.name.get(lang).to_string(),
                phone: u.phone.clone(),
            },
            None => Executor {
                name: executor_login.unwrap_or_default(),
                phone: String::new(),
            },
        };
        let address = case.applicant.address.trim();
        Ok(Plan::Refusal(RefusalData {
            stamp: blank_stamp(outgoing_date.and_hms_opt(0, 0, 0).unwrap_or_default()),
            office: self.office_block(&details, service, lang),
            outgoing_number: state.outgoing_number.clone().unwrap_or_else(|| "—".into()),
            outgoing_date,
            application_number: case.number.clone(),
            application_date: case.registered_at.with_timezone(&offset).date_naive(),
            addressee: Addressee {
                name: case.applicant.name.clone(),
                address: (!address.is_empty()).then(|| address.to_string()),
            },
            service_name: service.name.get(lang).to_string(),
            grounds,
            explanation: text.trim().to_string(),
            missing_documents,
            expired_documents: Vec::new(),
            signatory: self.signatory(&details, signer, lang),
            executor,
        }))
    }

    /// The plan of a case's result or refusal from its route state.
    #[allow(clippy::too_many_arguments)]
    fn decision_plan(
        &self,
        case: &Case,
        service: &ServiceDefinition,
        procedure: &Procedure,
        state: &RouteState,
        kind: DocumentKind,
        signer: Option<&Signer>,
        lang: Language,
    ) -> Result<Plan, CoreError> {
        match (kind, &state.draft) {
            (
                DocumentKind::Refusal,
                Some(Draft::Refusal {
                    grounds,
                    missing_documents,
                    text,
                }),
            ) => self.refusal_plan(
                case,
                service,
                state,
                grounds,
                missing_documents,
                text,
                signer,
                lang,
            ),
            (DocumentKind::Refusal, _) => {
                Err(unavailable(format!("case {} has no refusal", case.number)))
            }
            (DocumentKind::Result | DocumentKind::Duplicate, Some(Draft::Refusal { .. })) => Err(
                unavailable(format!("case {} ends in a refusal", case.number)),
            ),
            (DocumentKind::Result | DocumentKind::Duplicate, draft) => {
                let empty = std::collections::BTreeMap::new();
                let fields = match draft {
                    Some(Draft::Result { fields }) => fields,
                    _ => &empty,
                };
                self.result_plan(case, service, procedure, fields, signer, lang)
            }
            (other, _) => Err(unavailable(format!(
                "{} is not a case decision",
                other.code()
            ))),
        }
    }

    /// What the act in `event` freezes, if anything: the signature freezes the
    /// draft; a refusal that closes the case, or a route that ends without a
    /// signature, freezes its document at that act. Called by `act` before the
    /// act is written; `state` is the state after the act.
    pub(crate) fn freeze_for(
        &self,
        case: &Case,
        service: &ServiceDefinition,
        procedure: &Procedure,
        state: &RouteState,
        event: &RouteEvent,
    ) -> Result<Option<Freeze>, CoreError> {
        let kind = draft_kind(procedure, state.draft.as_ref());
        let existing = store_docs::find(
            self.store().conn(),
            case.id,
            kind.code(),
            case.language.code(),
        )?;
        let outgoing = match &event.action {
            Action::Sign { .. } => None,
            Action::DraftRefusal { .. }
                if state.status == CaseStatus::Refused && !state.is_open() =>
            {
                None
            }
            Action::HandOver {
                outgoing_number, ..
            }
            | Action::Formalise {
                outgoing_number, ..
            } if existing.is_none() => outgoing_number.clone(),
            _ => return Ok(None),
        };
        if existing.is_some() {
            return Ok(None);
        }
        let signer = Signer {
            login: event.actor.clone(),
            role: event.role,
            acting_for_head: event.acting_for_head,
            at: event.at,
        };
        let plan = self.decision_plan(
            case,
            service,
            procedure,
            state,
            kind,
            Some(&signer),
            case.language,
        )?;
        Ok(Some(Freeze {
            case_id: case.id,
            case_number: case.number.clone(),
            kind,
            lang: case.language,
            plan,
            signer,
            outgoing,
            pattern: self.outgoing_pattern()?,
        }))
    }

    fn info(&self, doc: &StoredDocument) -> Result<DocumentInfo, CoreError> {
        let conn = self.store().conn();
        let case_number = match doc.case_id {
            Some(id) => cases::get(conn, id)?.map(|c| c.number),
            None => None,
        };
        let signer_name = doc
            .signed_by
            .as_deref()
            .and_then(|l| kense_store::users::get(conn, l).ok().flatten())
            .map(|u| u.name);
        Ok(DocumentInfo {
            kind: DocumentKind::parse(&doc.kind).unwrap_or(DocumentKind::Result),
            lang: Language::parse(&doc.lang).unwrap_or(Language::Kk),
            case_number,
            check_code: display_code(&doc.check_code),
            sha256: doc.sha256.clone(),
            signed_by: doc.signed_by.clone(),
            signer_name,
            signer_role: doc.signer_role.as_deref().and_then(Role::parse),
            acting_for_head: doc.acting_for_head,
            signed_at: doc.signed_at.clone(),
            outgoing_number: doc.outgoing_number.clone(),
            period_from: doc.period_from.clone(),
            period_to: doc.period_to.clone(),
            created_by: doc.created_by.clone(),
            created_at: doc.created_at.clone(),
            prints: store_docs::prints(conn, doc.id)?.len() as u32,
        })
    }

    /// Returns a stored document's bytes and logs the print, in one
    /// transaction: the copy number counts exactly the prints handed out.
    pub(crate) fn print_stored(
        &mut self,
        doc: &StoredDocument,
        login: &str,
        now: Time,
    ) -> Result<Printed, CoreError> {
        let at = now.with_timezone(&self.offset()).to_rfc3339();
        let (bytes, copy) = self.store().write(|tx| {
            let bytes = store_docs::bytes(tx, doc.id)?;
            let copy = store_docs::log_print(tx, doc.id, login, &at)?;
            Ok((bytes, copy))
        })?;
        Ok(Printed {
            bytes,
            copy,
            info: self.info(doc)?,
        })
    }

    /// Stores a newly issued document and logs its first print in the same
    /// transaction. The document is rendered before (outside any lock); if
    /// another desk stored the same document meanwhile, that one is printed
    /// instead, as a copy; a check code taken meanwhile is drawn again.
    fn store_and_print(
        &mut self,
        render: impl Fn(&Connection) -> Result<Issued, CoreError>,
        existing: impl Fn(&Connection) -> Result<Option<StoredDocument>, StoreError>,
        insert: impl Fn(&Connection, &Issued) -> Result<i64, StoreError>,
        login: &str,
        now: Time,
    ) -> Result<Printed, CoreError> {
        let at = now.with_timezone(&self.offset()).to_rfc3339();
        for _ in 0..3 {
            let issued = render(self.store().conn())?;
            let stored = self.store().write(|tx| {
                let id = match existing(tx)? {
                    Some(doc) => doc.id,
                    None if store_docs::check_code_taken(tx, &issued.code)? => return Ok(None),
                    None => insert(tx, &issued)?,
                };
                let copy = store_docs::log_print(tx, id, login, &at)?;
                let code: String = tx.query_row(
                    "SELECT check_code FROM documents WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                let doc = store_docs::by_check_code(tx, &code)?
                    .ok_or_else(|| StoreError::Corrupt(format!("document {id} vanished")))?;
                let bytes = store_docs::bytes(tx, id)?;
                Ok(Some((doc, bytes, copy)))
            })?;
            if let Some((doc, bytes, copy)) = stored {
                return Ok(Printed {
                    bytes,
                    copy,
                    info: self.info(&doc)?,
                });
            }
        }
        Err(DomainError::new(
            ErrorCode::JournalBusy,
            "no free check code after three draws",
        )
        .into())
    }

    /// The kind actually printed for a requested kind: a duplicate procedure's
    /// result is its duplicate.
    fn resolve_kind(procedure: &Procedure, kind: DocumentKind) -> Result<DocumentKind, CoreError> {
        match (kind, success_kind(procedure)) {
            (DocumentKind::Result, success) => Ok(success),
            (DocumentKind::Duplicate, DocumentKind::Duplicate) => Ok(DocumentKind::Duplicate),
            (DocumentKind::Duplicate, _) => Err(unavailable(format!(
                "procedure {} does not issue duplicates",
                procedure.id
            ))),
            (DocumentKind::Journal | DocumentKind::Quarterly, _) => {
                Err(unavailable("the journal is printed for a period"))
            }
            (k, _) => Ok(k),
        }
    }

    /// Prints a case's document: the receipt, or its signed result, duplicate
    /// or refusal, in `lang` (default: the application's language). The first
    /// print of a document in a language freezes it; every later print returns
    /// the same bytes and is logged as a copy. A result or refusal that was
    /// not signed (issued) yet is not available.
    pub fn print_document(
        &mut self,
        session: &Session,
        reference: &str,
        kind: DocumentKind,
        lang: Option<Language>,
        now: Time,
    ) -> Result<Printed, CoreError> {
        authorize(session, What::Print)?;
        let login = session.login();
        let case = self.case_at(reference)?;
        let (service, procedure) = self.definition_of(&case)?;
        let kind = Office::resolve_kind(procedure, kind)?;
        let lang = lang.unwrap_or(case.language);
        let conn = self.store().conn();
        if let Some(doc) = store_docs::find(conn, case.id, kind.code(), lang.code())? {
            return self.print_stored(&doc, login, now);
        }
        let (plan, signer_doc, created_at) = if kind == DocumentKind::Receipt {
            let plan = self.receipt_plan(&case, service, procedure, lang)?;
            (plan, None, case.registered_at)
        } else {
            // The other language of a signed document: same signature, same number.
            let signed = store_docs::list_for_case(conn, case.id)?
                .into_iter()
                .find(|d| d.kind == kind.code() && d.signed_by.is_some())
                .ok_or_else(|| {
                    unavailable(format!(
                        "case {} has no signed {}",
                        case.number,
                        kind.code()
                    ))
                })?;
            let at = signed
                .signed_at
                .as_deref()
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .unwrap_or(now);
            let signer = Signer {
                login: signed.signed_by.clone().unwrap_or_default(),
                role: signed
                    .signer_role
                    .as_deref()
                    .and_then(Role::parse)
                    .unwrap_or(Role::Head),
                acting_for_head: signed.acting_for_head,
                at,
            };
            let (_, state) = self.route_of(&case, procedure)?;
            let mut plan =
                self.decision_plan(&case, service, procedure, &state, kind, Some(&signer), lang)?;
            if let Some(n) = &signed.outgoing_number {
                plan.set_outgoing(n);
            }
            (plan, Some(signed), at)
        };
        let offset = self.offset();
        let local = created_at.with_timezone(&offset);
        let at = now.with_timezone(&offset).to_rfc3339();
        let case_number = case.number.clone();
        let signed_by = signer_doc.as_ref().and_then(|d| d.signed_by.clone());
        let role = signer_doc.as_ref().and_then(|d| d.signer_role.clone());
        let signed_at = signer_doc.as_ref().and_then(|d| d.signed_at.clone());
        let outgoing_number = signer_doc.as_ref().and_then(|d| d.outgoing_number.clone());
        let case_id = case.id;
        self.store_and_print(
            |conn| {
                Ok(issue(
                    conn,
                    plan.clone(),
                    lang,
                    &case_number,
                    kind,
                    local.naive_local(),
                )?)
            },
            |tx| store_docs::find(tx, case_id, kind.code(), lang.code()),
            |tx, issued| {
                store_docs::insert(
                    tx,
                    &NewDocument {
                        case_id: Some(case_id),
                        kind: kind.code(),
                        lang: lang.code(),
                        sha256: &issued.sha256,
                        content_sha256: &issued.content_sha256,
                        check_code: &issued.code,
                        bytes: &issued.bytes,
                        signed_by: signed_by.as_deref(),
                        signer_role: role.as_deref(),
                        acting_for_head: signer_doc.as_ref().is_some_and(|d| d.acting_for_head),
                        signed_at: signed_at.as_deref(),
                        event_id: signer_doc.as_ref().and_then(|d| d.event_id),
                        outgoing_number: outgoing_number.as_deref(),
                        period_from: None,
                        period_to: None,
                        created_by: login,
                        created_at: &at,
                    },
                )
            },
            login,
            now,
        )
    }

    /// The document for the screen: the stored one when it was issued in this
    /// language, else the current draft rendered with a draft mark instead of
    /// a check code. Nothing is stored or logged.
    pub fn preview_document(
        &self,
        session: &Session,
        reference: &str,
        kind: DocumentKind,
        lang: Option<Language>,
        _now: Time,
    ) -> Result<Vec<u8>, CoreError> {
        authorize(session, What::Print)?;
        let case = self.case_at(reference)?;
        let (service, procedure) = self.definition_of(&case)?;
        let kind = Office::resolve_kind(procedure, kind)?;
        let lang = lang.unwrap_or(case.language);
        let conn = self.store().conn();
        if let Some(doc) = store_docs::find(conn, case.id, kind.code(), lang.code())? {
            return Ok(store_docs::bytes(conn, doc.id)?);
        }
        let mut plan = if kind == DocumentKind::Receipt {
            self.receipt_plan(&case, service, procedure, lang)?
        } else {
            let (_, state) = self.route_of(&case, procedure)?;
            if state.draft.is_none() {
                return Err(unavailable(format!(
                    "case {} has no draft yet",
                    case.number
                )));
            }
            self.decision_plan(&case, service, procedure, &state, kind, None, lang)?
        };
        let mark = rust_i18n::t!("documents.draft_code", locale = lang.code()).into_owned();
        plan.set_stamp(DocStamp {
            check_code: mark.clone(),
            qr_payload: format!("KENSE|{}|{}|{}", case.number, kind.code(), mark),
            document_id: String::new(),
            created_at: case.registered_at.naive_local(),
        });
        Ok(plan.render(lang).map_err(render_failed)?)
    }

    /// Prints the journal for a period (registration dates, inclusive), stored
    /// and logged like every issued document.
    pub fn print_journal(
        &mut self,
        session: &Session,
        from: NaiveDate,
        to: NaiveDate,
        lang: Language,
        now: Time,
    ) -> Result<Printed, CoreError> {
        authorize(session, What::Print)?;
        let login = session.login();
        if to < from {
            return Err(DomainError::at(
                ErrorCode::DateInvalid,
                "to",
                "the period ends before it starts",
            )
            .into());
        }
        let offset = self.offset();
        let details = self.details()?;
        // One snapshot: the rows agree with each other even while desks write.
        let (rows, provider) = self.store().read(|conn| -> Result<_, CoreError> {
            let mut selected: Vec<Case> = cases::list_newest_first(conn, u32::MAX, 0)?
                .into_iter()
                .filter(|c| {
                    let day = c.registered_at.with_timezone(&offset).date_naive();
                    from <= day && day <= to
                })
                .collect();
            selected.sort_by_key(|c| (c.registered_at, c.id));
            let mut rows = Vec::with_capacity(selected.len());
            let mut provider = None;
            for case in &selected {
                let service = self.catalog().version(&case.service, case.service_version);
                let due = service
                    .and_then(|s| {
                        plan(
                            s,
                            &case.procedure,
                            Some(case.channel),
                            case.received_at,
                            self.calendar(),
                        )
                        .ok()
                    })
                    .map(|s| s.due)
                    .or(case.route.due_at)
                    .unwrap_or(case.registered_at);
                let closed = matches!(
                    case.status,
                    CaseStatus::Closed | CaseStatus::Refused | CaseStatus::Withdrawn
                );
                let closed_on = if closed {
                    events::list(conn, case.id)?
                        .last()
                        .map(|e| e.at.with_timezone(&offset).date_naive())
                } else {
                    None
                };
                if provider.is_none() {
                    provider = service.map(|s| s.provider.clone());
                }
                rows.push(kense_pdf::JournalRow {
                    number: case.number.clone(),
                    registered_on: case.registered_at.with_timezone(&offset).date_naive(),
                    applicant: case.applicant.name.clone(),
                    iin_bin: Some(case.applicant.id_number.clone()),
                    service: service
                        .map(|s| s.name.get(lang).to_string())
                        .unwrap_or_else(|| case.service.clone()),
                    status: case.status,
                    due_on: due.with_timezone(&offset).date_naive(),
                    closed_on,
                });
            }
            Ok((rows, provider))
        })?;
        let name = details.name.get(lang);
        let office = kense_pdf::Office {
            name: if name.is_empty() {
                provider
                    .map(|p| p.get(lang).to_string())
                    .unwrap_or_default()
            } else {
                name.to_string()
            },
            address: details.address.get(lang).to_string(),
            phone: details.phone.clone(),
        };
        let local = now.with_timezone(&offset);
        let head = self.chain_head()?;
        let plan = Plan::Journal(JournalData {
            stamp: blank_stamp(local.naive_local()),
            office,
            period_from: from,
            period_to: to,
            rows,
            chain: Some(kense_pdf::ChainAnchor {
                length: head.length,
                head: head.hash,
            }),
        });
        let label = format!("{from}..{to}");
        let at = local.to_rfc3339();
        let (from_text, to_text) = (from.to_string(), to.to_string());
        // Rendered outside any transaction: a year's journal takes a while, and
        // the other desks keep registering meanwhile.
        self.store_and_print(
            |conn| {
                Ok(issue(
                    conn,
                    plan.clone(),
                    lang,
                    &label,
                    DocumentKind::Journal,
                    local.naive_local(),
                )?)
            },
            |_| Ok(None),
            |tx, issued| {
                store_docs::insert(
                    tx,
                    &NewDocument {
                        case_id: None,
                        kind: DocumentKind::Journal.code(),
                        lang: lang.code(),
                        sha256: &issued.sha256,
                        content_sha256: &issued.content_sha256,
                        check_code: &issued.code,
                        bytes: &issued.bytes,
                        signed_by: None,
                        signer_role: None,
                        acting_for_head: false,
                        signed_at: None,
                        event_id: None,
                        outgoing_number: None,
                        period_from: Some(&from_text),
                        period_to: Some(&to_text),
                        created_by: login,
                        created_at: &at,
                    },
                )
            },
            login,
            now,
        )
    }

    /// Signs the case's draft as `login`, confirmed by their PIN. A wrong PIN
    /// changes nothing.
    pub fn sign_with_pin(
        &mut self,
        session: &Session,
        reference: &str,
        pin: &str,
        comment: &str,
        now: Time,
    ) -> Result<crate::views::CaseView, CoreError> {
        let confirmed = self.sign_in(session.login(), pin, now)?;
        self.act(
            &confirmed,
            reference,
            Action::Sign {
                comment: comment.to_string(),
            },
            now,
        )
    }

    /// Every document stored for a case, oldest first.
    pub fn case_documents(
        &self,
        session: &Session,
        reference: &str,
    ) -> Result<Vec<DocumentInfo>, CoreError> {
        let case = self.find_case(session, reference)?;
        store_docs::list_for_case(self.store().conn(), case.id)?
            .iter()
            .map(|d| self.info(d))
            .collect()
    }

    /// Checks a file against the journal: found by its SHA-256 or by the check
    /// code in its `/ID`; genuine when the whole file matches the stored one.
    pub fn verify_document(
        &self,
        session: &Session,
        bytes: &[u8],
    ) -> Result<Verification, CoreError> {
        authorize(session, What::ReadJournal)?;
        let conn = self.store().conn();
        let sha256 = sha256_hex(bytes);
        if let Some(doc) = store_docs::by_sha256(conn, &sha256)? {
            // The stored row must be the one the hash chain recorded at freezing:
            // bytes and hash replaced together are not "genuine".
            let chained = kense_store::ledger::row_matches(conn, "documents", &doc.id.to_string())?;
            return Ok(Verification {
                verdict: if chained {
                    Verdict::Genuine
                } else {
                    Verdict::Tampered
                },
                check_code: Some(display_code(&doc.check_code)),
                sha256: Some(sha256),
                document: Some(self.info(&doc)?),
            });
        }
        let code = code_in_pdf(bytes);
        let doc = match &code {
            Some(code) => store_docs::by_check_code(conn, code)?,
            None => None,
        };
        Ok(Verification {
            verdict: if doc.is_some() {
                Verdict::Tampered
            } else {
                Verdict::Unknown
            },
            check_code: code.as_deref().map(display_code),
            sha256: Some(sha256),
            document: doc.as_ref().map(|d| self.info(d)).transpose()?,
        })
    }

    /// Checks a code read off the paper (`ABCD-EFGH`), or the whole QR text
    /// (`KENSE|…|ABCD-EFGH|<hash prefix>`, whose hash prefix must match too).
    pub fn verify_code(&self, session: &Session, text: &str) -> Result<Verification, CoreError> {
        authorize(session, What::ReadJournal)?;
        let parts: Vec<&str> = text.trim().split('|').collect();
        let (code_text, prefix) = if parts.len() >= 6 && parts[0] == "KENSE" {
            (
                parts[parts.len() - 2],
                Some(parts[parts.len() - 1].to_ascii_lowercase()),
            )
        } else {
            (text, None)
        };
        let code = normalize_code(code_text);
        let doc = store_docs::by_check_code(self.store().conn(), &code)?;
        let verdict = match (&doc, &prefix) {
            (None, _) => Verdict::Unknown,
            (Some(d), Some(p)) if !d.content_sha256.starts_with(p.as_str()) || p.is_empty() => {
                Verdict::Tampered
            }
            (Some(_), _) => Verdict::Genuine,
        };
        Ok(Verification {
            verdict,
            check_code: Some(display_code(&code)),
            sha256: None,
            document: doc.as_ref().map(|d| self.info(d)).transpose()?,
        })
    }
}

/// A date as forms and the CLI give it (`dd.mm.yyyy`, or ISO `yyyy-mm-dd`);
/// `field` names it in the error.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, CoreError> {
    Ok(kense_domain::dates::date_field(field, text)?)
}

/// A text of `locales/` in `lang` (for the CLI's messages).
pub fn text(key: &str, lang: Language) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// The same with `%{name}` placeholders filled in.
pub fn text_with(key: &str, lang: Language, args: &[(&str, &str)]) -> String {
    args.iter().fold(text(key, lang), |s, (name, value)| {
        s.replace(&format!("%{{{name}}}"), value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_crockford_characters_and_read_back_leniently() {
        let code = base32_code(&Sha256::digest(b"x"));
        assert_eq!(code.len(), 8);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        let shown = display_code(&code);
        assert_eq!(normalize_code(&shown.to_lowercase()), code);
        assert_eq!(normalize_code("abco-il23"), "ABC0-1123".replace('-', ""));
    }

    #[test]
    fn the_code_is_found_in_a_hex_file_identifier() {
        let id = hex(b"KENSE-AB12CD34").to_ascii_uppercase();
        let pdf = format!("%PDF-1.7\ntrailer\n<</ID [<{id}> <{id}>]>>\n%%EOF");
        assert_eq!(code_in_pdf(pdf.as_bytes()).as_deref(), Some("AB12CD34"));
        assert_eq!(
            code_in_pdf(pdf.to_lowercase().as_bytes()).as_deref(),
            Some("AB12CD34")
        );
        assert_eq!(code_in_pdf(b"%PDF-1.7 no id"), None);
        let bad = hex(b"KENSE-ab!!cd34");
        assert_eq!(code_in_pdf(bad.as_bytes()), None);
    }
}
