//! An incoming application: what the clerk types in, how it is checked, and the
//! case record the journal keeps.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{DomainError, ErrorCode};
use crate::iin::{self, IdNumberError, IinInfo};
use crate::types::{ApplicantKind, Channel, Language, Role};

/// Longest name accepted: long enough for real organisation names (about 300
/// characters are seen), short enough to catch a pasted document.
pub const MAX_NAME_CHARS: usize = 500;
pub const MAX_ADDRESS_CHARS: usize = 500;
pub const MAX_DOCUMENT_CHARS: usize = 300;
pub const MAX_DOCUMENTS: usize = 100;
pub const MAX_SHORT_FIELD_CHARS: usize = 100;
/// A clerk registers within minutes of receipt; older dates are almost always typos.
pub const MAX_RECEIPT_AGE_DAYS: i64 = 31;

/// The application as typed by the clerk or given to `kense-cli register`.
/// Everything is text so that every mistake gets its own clear error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ApplicationInput {
    pub service: String,
    pub procedure: String,
    pub channel: String,
    /// `dd.mm.yyyy HH:MM` in office time (e.g. `23.11.2026 10:15`), ISO, or RFC 3339.
    pub received_at: String,
    pub language: String,
    #[serde(default)]
    #[ts(optional)]
    pub external_number: Option<String>,
    pub applicant: ApplicantInput,
    #[serde(default)]
    #[ts(optional)]
    pub representative: Option<RepresentativeInput>,
    #[serde(default)]
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ApplicantInput {
    pub kind: String,
    #[serde(default)]
    #[ts(optional)]
    pub iin: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub bin: Option<String>,
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RepresentativeInput {
    pub name: String,
    pub iin: String,
    /// Number of the (notarised) power of attorney or document of authority.
    pub poa_number: String,
    /// Its date, `dd.mm.yyyy` or `yyyy-mm-dd`.
    pub poa_date: String,
}

/// A checked applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Applicant {
    pub kind: ApplicantKind,
    /// The IIN for a person, the BIN for an organisation.
    pub id_number: String,
    pub name: String,
    pub phone: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Representative {
    pub name: String,
    pub iin: String,
    pub poa_number: String,
    pub poa_date: NaiveDate,
}

/// What the regulation catalogue says about the requested service, as far as
/// registration needs it. Built by the caller from the loaded regulations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceTerms {
    pub version: u32,
    pub procedures: Vec<String>,
    pub channels: Vec<Channel>,
    pub applicant_kinds: Vec<ApplicantKind>,
}

/// A checked application, ready to be numbered and stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidApplication {
    pub service: String,
    pub service_version: u32,
    pub procedure: String,
    pub channel: Channel,
    pub received_at: DateTime<FixedOffset>,
    pub language: Language,
    pub external_number: Option<String>,
    pub applicant: Applicant,
    pub representative: Option<Representative>,
    pub documents: Vec<String>,
}

/// Where a case stands. The routed workflow refines this with its current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CaseStatus {
    Registered,
    InProgress,
    AwaitingSignature,
    Closed,
    Refused,
    Withdrawn,
}

impl CaseStatus {
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Registered => "registered",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::AwaitingSignature => "awaiting_signature",
            CaseStatus::Closed => "closed",
            CaseStatus::Refused => "refused",
            CaseStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<CaseStatus> {
        [
            CaseStatus::Registered,
            CaseStatus::InProgress,
            CaseStatus::AwaitingSignature,
            CaseStatus::Closed,
            CaseStatus::Refused,
            CaseStatus::Withdrawn,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// A case as the journal holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Case {
    // JSON carries it as a plain number (ids stay far below 2^53).
    #[ts(type = "number")]
    pub id: i64,
    /// The formatted registration number, e.g. `2026-00001`.
    pub number: String,
    pub year: i32,
    pub seq: u32,
    #[ts(type = "string")]
    pub registered_at: DateTime<FixedOffset>,
    #[ts(type = "string")]
    pub received_at: DateTime<FixedOffset>,
    pub channel: Channel,
    pub external_number: Option<String>,
    pub service: String,
    pub service_version: u32,
    pub procedure: String,
    pub language: Language,
    pub applicant: Applicant,
    pub representative: Option<Representative>,
    pub documents: Vec<String>,
    pub status: CaseStatus,
    pub registered_by: String,
    /// Where the case stands on its route (derived from its history).
    pub route: RoutePosition,
}

/// The current step of a case, kept beside the case for queues and the journal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoutePosition {
    pub step: Option<String>,
    pub role: Option<Role>,
    pub executor: Option<String>,
    pub dept_head: Option<String>,
    /// When the current step is due; `None` once closed or while its clock is stopped.
    #[ts(type = "string | null")]
    pub due_at: Option<DateTime<FixedOffset>>,
    /// When the current step started.
    #[ts(type = "string | null")]
    pub started_at: Option<DateTime<FixedOffset>>,
}

/// Trims and folds runs of white space into one space, so that the same name
/// typed twice is stored the same way.
pub fn normalize_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lower-cased name stored (and hash-chained) with each case in
/// `applicant_name_folded`. Journal search folds with `search::fold` instead
/// (look-alike letters too), kept in its own table (store migration 0010).
pub fn fold_for_search(text: &str) -> String {
    normalize_text(text).to_lowercase()
}

struct Checker {
    errors: Vec<DomainError>,
}

impl Checker {
    fn fail(&mut self, code: ErrorCode, field: &str, detail: impl Into<String>) {
        self.errors.push(DomainError::at(code, field, detail));
    }

    /// A printed text without control or invisible characters (see `text`),
    /// white space folded; a refused text is recorded and gives `None`.
    fn clean(&mut self, field: &str, value: &str) -> Option<String> {
        match crate::text::clean(field, value, false) {
            Ok(text) => Some(normalize_text(&text)),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    /// A required free-text field: non-empty after trimming, not longer than `max`.
    fn text(&mut self, field: &str, value: &str, max: usize, empty: ErrorCode) -> String {
        let Some(text) = self.clean(field, value) else {
            return String::new();
        };
        if text.is_empty() {
            self.fail(empty, field, format!("{field} is empty"));
        } else if text.chars().count() > max {
            self.fail(
                ErrorCode::TooLong,
                field,
                format!(
                    "{field} has {} characters, at most {max} allowed",
                    text.chars().count()
                ),
            );
        }
        text
    }

    fn optional_text(&mut self, field: &str, value: &str, max: usize) -> String {
        let Some(text) = self.clean(field, value) else {
            return String::new();
        };
        if text.chars().count() > max {
            self.fail(
                ErrorCode::TooLong,
                field,
                format!("{field} is longer than {max} characters"),
            );
        }
        text
    }

    fn phone(&mut self, field: &str, value: &str) -> String {
        let text = normalize_text(value);
        if text.is_empty() {
            return text;
        }
        let allowed = text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
        let digits = text.chars().filter(char::is_ascii_digit).count();
        if !allowed || !(5..=15).contains(&digits) {
            self.fail(
                ErrorCode::PhoneInvalid,
                field,
                format!("`{text}` is not a phone number"),
            );
        }
        text
    }

    fn iin(&mut self, field: &str, value: &str) -> Option<IinInfo> {
        match iin::parse_iin(value.trim()) {
            Ok(info) => Some(info),
            Err(e) => {
                let code = match e {
                    IdNumberError::Format => ErrorCode::IinFormat,
                    IdNumberError::Checksum => ErrorCode::IinChecksum,
                    _ => ErrorCode::IinBirthDate,
                };
                self.fail(code, field, format!("IIN `{}` is not valid", value.trim()));
                None
            }
        }
    }

    fn bin(&mut self, field: &str, value: &str) {
        if let Err(e) = iin::validate_bin(value.trim()) {
            let code = match e {
                IdNumberError::Format => ErrorCode::BinFormat,
                IdNumberError::Checksum => ErrorCode::BinChecksum,
                _ => ErrorCode::BinEntityType,
            };
            self.fail(code, field, format!("BIN `{}` is not valid", value.trim()));
        }
    }
}

/// Checks an application against the office's rules and the service's terms.
/// `now` is the registration time; `terms` is `None` when the service is unknown.
/// Returns every problem found, each tied to its field, so a form can show them all.
pub fn validate_application(
    input: &ApplicationInput,
    terms: Option<&ServiceTerms>,
    now: DateTime<FixedOffset>,
) -> Result<ValidApplication, Vec<DomainError>> {
    let mut c = Checker { errors: Vec::new() };

    let channel = Channel::parse(input.channel.trim());
    if channel.is_none() {
        c.fail(
            ErrorCode::UnknownChannel,
            "channel",
            format!("unknown channel `{}`", input.channel),
        );
    }
    let language = Language::parse(input.language.trim());
    if language.is_none() {
        c.fail(
            ErrorCode::UnknownLanguage,
            "language",
            format!("unknown language `{}`", input.language),
        );
    }
    let kind = ApplicantKind::parse(input.applicant.kind.trim());
    if kind.is_none() {
        c.fail(
            ErrorCode::UnknownApplicantKind,
            "applicant.kind",
            format!("unknown applicant kind `{}`", input.applicant.kind),
        );
    }

    let service = input.service.trim().to_string();
    let procedure = input.procedure.trim().to_string();
    match terms {
        None => c.fail(
            ErrorCode::UnknownService,
            "service",
            format!("unknown service `{service}`"),
        ),
        Some(t) => {
            if !t.procedures.contains(&procedure) {
                c.fail(
                    ErrorCode::UnknownProcedure,
                    "procedure",
                    format!("service `{service}` has no procedure `{procedure}`"),
                );
            }
            if let Some(ch) = channel {
                if !t.channels.contains(&ch) {
                    c.fail(
                        ErrorCode::ChannelNotAllowed,
                        "channel",
                        format!("service `{service}` is not received via `{}`", ch.code()),
                    );
                }
            }
            if let Some(k) = kind {
                if !t.applicant_kinds.contains(&k) {
                    c.fail(
                        ErrorCode::ApplicantKindNotAllowed,
                        "applicant.kind",
                        format!(
                            "service `{service}` is not for applicants of kind `{}`",
                            k.code()
                        ),
                    );
                }
            }
        }
    }

    let received_at =
        match crate::dates::date_time_field("received_at", &input.received_at, *now.offset()) {
            Ok(t) if t > now => {
                c.fail(
                    ErrorCode::ReceivedInFuture,
                    "received_at",
                    format!("{t} is after now ({now})"),
                );
                None
            }
            Ok(t) if now - t > Duration::days(MAX_RECEIPT_AGE_DAYS) => {
                c.fail(
                    ErrorCode::ReceivedTooOld,
                    "received_at",
                    format!("{t} is more than {MAX_RECEIPT_AGE_DAYS} days before now ({now})"),
                );
                None
            }
            Ok(t) => Some(t.with_timezone(now.offset())),
            Err(e) => {
                c.fail(ErrorCode::DateInvalid, "received_at", e.detail);
                None
            }
        };

    let external_number = c
        .clean(
            "external_number",
            input.external_number.as_deref().unwrap_or(""),
        )
        .unwrap_or_default();
    if external_number.chars().count() > MAX_SHORT_FIELD_CHARS {
        c.fail(
            ErrorCode::TooLong,
            "external_number",
            "external number is too long",
        );
    }

    let a = &input.applicant;
    let name = c.text(
        "applicant.name",
        &a.name,
        MAX_NAME_CHARS,
        ErrorCode::NameEmpty,
    );
    let phone = c.phone("applicant.phone", &a.phone);
    let address = c.optional_text("applicant.address", &a.address, MAX_ADDRESS_CHARS);
    let id_number = match kind {
        Some(ApplicantKind::Person) => {
            let iin = a.iin.as_deref().unwrap_or("").trim().to_string();
            c.iin("applicant.iin", &iin);
            iin
        }
        Some(ApplicantKind::Organisation) => {
            let bin = a.bin.as_deref().unwrap_or("").trim().to_string();
            c.bin("applicant.bin", &bin);
            bin
        }
        None => String::new(),
    };

    let representative = input.representative.as_ref().map(|r| {
        let name = c.text(
            "representative.name",
            &r.name,
            MAX_NAME_CHARS,
            ErrorCode::NameEmpty,
        );
        let iin = r.iin.trim().to_string();
        c.iin("representative.iin", &iin);
        let poa_number = c.text(
            "representative.poa_number",
            &r.poa_number,
            MAX_SHORT_FIELD_CHARS,
            ErrorCode::Required,
        );
        let poa_date = match crate::dates::parse_date(&r.poa_date) {
            Some(d) => {
                if received_at.is_some_and(|t| d > t.date_naive()) {
                    c.fail(
                        ErrorCode::PoaDateAfterReceipt,
                        "representative.poa_date",
                        "power of attorney is dated after the application was received",
                    );
                }
                Some(d)
            }
            None => {
                c.fail(
                    ErrorCode::DateInvalid,
                    "representative.poa_date",
                    crate::dates::DATE_HINT,
                );
                None
            }
        };
        poa_date.map(|poa_date| Representative {
            name,
            iin,
            poa_number,
            poa_date,
        })
    });

    let documents: Vec<String> = input
        .documents
        .iter()
        .filter_map(|d| c.clean("documents", d))
        .filter(|d| !d.is_empty())
        .collect();
    if documents.is_empty() {
        c.fail(
            ErrorCode::DocumentsEmpty,
            "documents",
            "no documents listed",
        );
    } else if documents.len() > MAX_DOCUMENTS {
        c.fail(
            ErrorCode::TooMany,
            "documents",
            format!("more than {MAX_DOCUMENTS} documents"),
        );
    }
    if documents
        .iter()
        .any(|d| d.chars().count() > MAX_DOCUMENT_CHARS)
    {
        c.fail(
            ErrorCode::TooLong,
            "documents",
            "a document name is too long",
        );
    }

    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    // Every `None` below has pushed an error above, so these cannot fail here.
    let (Some(channel), Some(language), Some(kind), Some(received_at), Some(terms)) =
        (channel, language, kind, received_at, terms)
    else {
        return Err(vec![DomainError::new(
            ErrorCode::InvalidInput,
            "incomplete application",
        )]);
    };
    Ok(ValidApplication {
        service,
        service_version: terms.version,
        procedure,
        channel,
        received_at,
        language,
        external_number: (!external_number.is_empty()).then_some(external_number),
        applicant: Applicant {
            kind,
            id_number,
            name,
            phone,
            address,
        },
        representative: representative.flatten(),
        documents,
    })
}

#[cfg(test)]
mod tests;
