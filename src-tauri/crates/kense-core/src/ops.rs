//! Operations as data: what a desk may ask of the office, one variant per core
//! operation, carrying the same request types the window uses. The LAN host
//! receives them as JSON (`{"op": NAME, "args": {...}}`) and runs them through
//! `Office::call`, which dispatches to the ordinary methods — each of them
//! passes `authorize` itself, so a remote desk gets exactly the rights of the
//! person signed in there.

use base64::Engine;
use chrono::{DateTime, FixedOffset};
use kense_domain::case::ApplicationInput;
use kense_domain::journal::JournalFilter;
use kense_domain::types::Language;
use kense_domain::workflow::Action;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::documents::{DocumentInfo, DocumentKind};
use crate::requests::ActOptions;
use crate::{CoreError, Office, Session};

/// One operation a desk asks of the office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", content = "args", rename_all = "snake_case")]
#[ts(export)]
pub enum Op {
    /// The services and procedures one may register (no office data).
    ListServices,
    /// Registers an application; a retry with the same request id returns the
    /// case it registered.
    Register {
        input: Box<ApplicationInput>,
        #[serde(default)]
        #[ts(optional)]
        request_id: Option<String>,
    },
    /// The journal's newest page, as the window's list shows it.
    Journal,
    /// Every case as stored, newest first (the CLI's `journal --json`).
    Cases,
    /// The journal filtered.
    Search { filter: JournalFilter },
    /// The open steps the signed-in user may act on.
    MyWork,
    /// Every overdue step, with counts.
    OverdueDashboard,
    /// A case with its route and history.
    CaseView { case: String },
    /// The acts the signed-in user may do on a case now.
    CaseActions { case: String },
    /// One act (a signature goes through `Sign`, with the PIN).
    Act {
        case: String,
        action: Action,
        #[serde(default)]
        options: ActOptions,
    },
    /// Signs the case's document, the signer's PIN checked again.
    Sign {
        case: String,
        pin: String,
        #[serde(default)]
        comment: String,
    },
    /// The office's users.
    Users,
    /// The signed-in user as the journal knows them now.
    SessionUser,
    /// The documents stored for a case.
    CaseDocuments { case: String },
    /// Prints (stores and logs) a case's document; the PDF comes back.
    PrintDocument {
        case: String,
        kind: DocumentKind,
        #[serde(default)]
        #[ts(optional)]
        lang: Option<Language>,
    },
    /// A preview of a case's document (nothing stored).
    PreviewDocument {
        case: String,
        kind: DocumentKind,
        #[serde(default)]
        #[ts(optional)]
        lang: Option<Language>,
    },
}

impl Op {
    /// The operation's name as it travels (`"case_view"`).
    pub fn name(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("op").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default()
    }

    /// Whether the operation may change the journal (the host tells the
    /// other desks after it).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Op::Register { .. } | Op::Act { .. } | Op::Sign { .. } | Op::PrintDocument { .. }
        )
    }
}

/// A printed document as it travels: the PDF's bytes in base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PrintedDocument {
    pub pdf_base64: String,
    /// 1 for the original, 2 and more for copies.
    pub copy: u32,
    #[ts(optional)]
    pub info: Option<DocumentInfo>,
}

impl PrintedDocument {
    pub fn new(bytes: &[u8], copy: u32, info: Option<DocumentInfo>) -> PrintedDocument {
        PrintedDocument {
            pdf_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
            copy,
            info,
        }
    }

    /// The PDF's bytes (`invalid_input` for a damaged encoding).
    pub fn bytes(&self) -> Result<Vec<u8>, CoreError> {
        base64::engine::general_purpose::STANDARD
            .decode(&self.pdf_base64)
            .map_err(|e| {
                kense_domain::DomainError::at(
                    kense_domain::ErrorCode::InvalidInput,
                    "pdf_base64",
                    format!("the document's bytes: {e}"),
                )
                .into()
            })
    }
}

fn json(value: impl Serialize) -> Result<Value, CoreError> {
    serde_json::to_value(value).map_err(|e| {
        kense_domain::DomainError::new(
            kense_domain::ErrorCode::StorageFailed,
            format!("cannot write the answer as JSON: {e}"),
        )
        .into()
    })
}

impl Office {
    /// Runs one operation for `session` at `now` and returns its answer as
    /// JSON. Each method called passes `authorize` itself.
    pub fn call(
        &mut self,
        session: &Session,
        op: Op,
        now: DateTime<FixedOffset>,
    ) -> Result<Value, CoreError> {
        match op {
            Op::ListServices => json(self.service_options()),
            Op::Register { input, request_id } => {
                json(self.register_with(session, &input, now, request_id.as_deref())?)
            }
            Op::Journal => json(self.journal(session, now)?),
            Op::Cases => json(self.cases(session)?),
            Op::Search { filter } => json(self.search(session, &filter, now)?),
            Op::MyWork => json(self.my_work(session, now)?),
            Op::OverdueDashboard => json(self.overdue_dashboard(session, now)?),
            Op::CaseView { case } => json(self.case_view(session, &case, now)?),
            Op::CaseActions { case } => json(self.actions(session, &case, now)?),
            Op::Act {
                case,
                action,
                options,
            } => json(self.act_at_desk_with(session, &case, action, now, &options)?),
            Op::Sign { case, pin, comment } => {
                json(self.sign_with_pin(session, &case, &pin, &comment, now)?)
            }
            Op::Users => json(self.users(session)?),
            Op::SessionUser => json(self.session_user(session)?),
            Op::CaseDocuments { case } => json(self.case_documents(session, &case)?),
            Op::PrintDocument { case, kind, lang } => {
                let printed = self.print_document(session, &case, kind, lang, now)?;
                json(PrintedDocument::new(
                    &printed.bytes,
                    printed.copy,
                    Some(printed.info),
                ))
            }
            Op::PreviewDocument { case, kind, lang } => {
                let bytes = self.preview_document(session, &case, kind, lang, now)?;
                json(PrintedDocument::new(&bytes, 0, None))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{demo_pin, seed};
    use kense_domain::ErrorCode;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap()
    }

    fn office() -> Office {
        let mut office = Office::open_in_memory().unwrap();
        seed(&mut office, now()).unwrap();
        office
    }

    #[test]
    fn ops_travel_as_tagged_json() {
        let op = Op::CaseView { case: "1".into() };
        let text = serde_json::to_string(&op).unwrap();
        assert_eq!(text, r#"{"op":"case_view","args":{"case":"1"}}"#);
        assert_eq!(serde_json::from_str::<Op>(&text).unwrap(), op);
        assert_eq!(op.name(), "case_view");
        let unit: Op = serde_json::from_str(r#"{"op":"my_work"}"#).unwrap();
        assert_eq!(unit, Op::MyWork);
        assert!(serde_json::from_str::<Op>(r#"{"op":"drop_journal"}"#).is_err());
        assert!(Op::Sign {
            case: "1".into(),
            pin: "1".into(),
            comment: String::new()
        }
        .writes());
        assert!(!Op::Journal.writes());
    }

    #[test]
    fn call_answers_as_the_direct_methods() {
        let mut office = office();
        let head = office.sign_in("head", demo_pin("head"), now()).unwrap();
        let journal = office.journal(&head, now()).unwrap();
        let first = journal[0].number.clone();
        assert_eq!(
            office.call(&head, Op::Journal, now()).unwrap(),
            serde_json::to_value(&journal).unwrap()
        );
        assert_eq!(
            office
                .call(
                    &head,
                    Op::CaseView {
                        case: first.clone()
                    },
                    now()
                )
                .unwrap(),
            serde_json::to_value(office.case_view(&head, &first, now()).unwrap()).unwrap()
        );
        assert_eq!(
            office.call(&head, Op::MyWork, now()).unwrap(),
            serde_json::to_value(office.my_work(&head, now()).unwrap()).unwrap()
        );
        assert_eq!(
            office
                .call(
                    &head,
                    Op::CaseActions {
                        case: first.clone()
                    },
                    now()
                )
                .unwrap(),
            serde_json::to_value(office.actions(&head, &first, now()).unwrap()).unwrap()
        );
        let filter = JournalFilter {
            text: Some(first.clone()),
            ..JournalFilter::default()
        };
        assert_eq!(
            office
                .call(
                    &head,
                    Op::Search {
                        filter: filter.clone()
                    },
                    now()
                )
                .unwrap(),
            serde_json::to_value(office.search(&head, &filter, now()).unwrap()).unwrap()
        );
    }

    #[test]
    fn a_forbidden_op_is_refused_through_call() {
        let mut office = office();
        let executor = office
            .sign_in("executor", demo_pin("executor"), now())
            .unwrap();
        let input = Box::default();
        let err = office
            .call(
                &executor,
                Op::Register {
                    input,
                    request_id: None,
                },
                now(),
            )
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
        // A signature never goes through a plain act.
        let first = office.journal(&executor, now()).unwrap()[0].number.clone();
        let err = office
            .call(
                &executor,
                Op::Act {
                    case: first,
                    action: serde_json::from_value(serde_json::json!({"action": "sign"})).unwrap(),
                    options: ActOptions::default(),
                },
                now(),
            )
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::ActionNotAllowed);
    }
}
