//! What a person can do to a case, with the data each act records.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::regulation::Check;

/// How a result leaves the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HandOverMethod {
    /// To the State Corporation by courier.
    StateCorp,
    /// To the applicant's cabinet on the portal.
    Portal,
    InPerson,
    Post,
}

/// One act on a case. Serialised with `"action": "<kind>"` beside its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export)]
pub enum Action {
    /// The clerk's registration; made by the journal, never by hand.
    Register {},
    /// The head's resolution: who goes on, and optionally an own, earlier deadline.
    Resolve {
        text: String,
        #[serde(default)]
        #[ts(optional)]
        executor: Option<String>,
        #[serde(default)]
        #[ts(optional)]
        dept_head: Option<String>,
        /// RFC 3339; not later than the regulation's due time.
        #[serde(default)]
        #[ts(optional)]
        deadline: Option<String>,
    },
    /// The department head names the executor.
    AssignExecutor {
        executor: String,
        #[serde(default)]
        text: String,
    },
    /// The executor records one check of the step (completeness, fee, site visit...).
    RecordCheck {
        check: Check,
        /// Whether the check passed. The completeness check's verdict is the
        /// domain's, from the documents in `value`: it may be left out, and a
        /// stated one that contradicts the documents is refused. History lines
        /// always carry it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        passed: Option<bool>,
        #[serde(default)]
        note: String,
        /// What the check established: payment reference and amount, visit date,
        /// address registration code, ids of documents received...
        #[serde(default)]
        value: String,
    },
    /// The executor sends the case to external bodies for approval.
    SendExternal {
        bodies: Vec<String>,
        sent_on: String,
    },
    /// One external body's conclusion, recorded by the executor.
    RecordConclusion {
        body: String,
        positive: bool,
        text: String,
        date: String,
    },
    /// The executor finishes the step; at a drafting step, with the result's fields.
    Submit {
        #[serde(default)]
        fields: BTreeMap<String, String>,
        #[serde(default)]
        note: String,
    },
    /// The executor drafts a reasoned refusal instead of the result.
    DraftRefusal {
        grounds: Vec<String>,
        #[serde(default)]
        missing_documents: Vec<String>,
        #[serde(default)]
        text: String,
    },
    /// The head (or the deputy acting) signs the draft.
    Sign {
        #[serde(default)]
        comment: String,
    },
    /// The head sends the draft back to the executor.
    Return {
        comment: String,
    },
    /// The clerk registers the signed result as outgoing and hands it over.
    HandOver {
        method: HandOverMethod,
        /// Given by the journal's outgoing sequence when left empty.
        #[serde(default)]
        #[ts(optional)]
        outgoing_number: Option<String>,
        #[serde(default)]
        comment: String,
    },
    /// The result is printed, signed, stamped and given out (ends the route).
    Formalise {
        method: HandOverMethod,
        #[serde(default)]
        #[ts(optional)]
        outgoing_number: Option<String>,
        #[serde(default)]
        note: String,
    },
    /// The head gives the case to another executor.
    Reassign {
        executor: String,
        reason: String,
    },
    /// The applicant withdraws the application (recorded by the clerk).
    Withdraw {
        reason: String,
    },
    /// Stops the step's clock, with the reason.
    Pause {
        reason: String,
    },
    Resume {},
}

/// The kinds of act, for listing what a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionKind {
    Register,
    Resolve,
    AssignExecutor,
    RecordCheck,
    SendExternal,
    RecordConclusion,
    Submit,
    DraftRefusal,
    Sign,
    Return,
    HandOver,
    Formalise,
    Reassign,
    Withdraw,
    Pause,
    Resume,
}

impl ActionKind {
    pub const ALL: [ActionKind; 16] = [
        ActionKind::Register,
        ActionKind::Resolve,
        ActionKind::AssignExecutor,
        ActionKind::RecordCheck,
        ActionKind::SendExternal,
        ActionKind::RecordConclusion,
        ActionKind::Submit,
        ActionKind::DraftRefusal,
        ActionKind::Sign,
        ActionKind::Return,
        ActionKind::HandOver,
        ActionKind::Formalise,
        ActionKind::Reassign,
        ActionKind::Withdraw,
        ActionKind::Pause,
        ActionKind::Resume,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActionKind::Register => "register",
            ActionKind::Resolve => "resolve",
            ActionKind::AssignExecutor => "assign_executor",
            ActionKind::RecordCheck => "record_check",
            ActionKind::SendExternal => "send_external",
            ActionKind::RecordConclusion => "record_conclusion",
            ActionKind::Submit => "submit",
            ActionKind::DraftRefusal => "draft_refusal",
            ActionKind::Sign => "sign",
            ActionKind::Return => "return",
            ActionKind::HandOver => "hand_over",
            ActionKind::Formalise => "formalise",
            ActionKind::Reassign => "reassign",
            ActionKind::Withdraw => "withdraw",
            ActionKind::Pause => "pause",
            ActionKind::Resume => "resume",
        }
    }

    pub fn parse(code: &str) -> Option<ActionKind> {
        ActionKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Register {} => ActionKind::Register,
            Action::Resolve { .. } => ActionKind::Resolve,
            Action::AssignExecutor { .. } => ActionKind::AssignExecutor,
            Action::RecordCheck { .. } => ActionKind::RecordCheck,
            Action::SendExternal { .. } => ActionKind::SendExternal,
            Action::RecordConclusion { .. } => ActionKind::RecordConclusion,
            Action::Submit { .. } => ActionKind::Submit,
            Action::DraftRefusal { .. } => ActionKind::DraftRefusal,
            Action::Sign { .. } => ActionKind::Sign,
            Action::Return { .. } => ActionKind::Return,
            Action::HandOver { .. } => ActionKind::HandOver,
            Action::Formalise { .. } => ActionKind::Formalise,
            Action::Reassign { .. } => ActionKind::Reassign,
            Action::Withdraw { .. } => ActionKind::Withdraw,
            Action::Pause { .. } => ActionKind::Pause,
            Action::Resume {} => ActionKind::Resume,
        }
    }
}

/// What the executor prepared for signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Draft {
    Result {
        fields: BTreeMap<String, String>,
    },
    Refusal {
        grounds: Vec<String>,
        missing_documents: Vec<String>,
        text: String,
    },
}

impl Action {
    /// The act as history keeps it: dates typed the Kazakh way (`02.12.2026`) are
    /// stored in ISO form (`2026-12-02`), so every history line reads alike.
    /// Called after the act was checked; a date that does not parse stays as it is.
    pub fn normalised(self) -> Action {
        let iso = |text: String| match crate::dates::parse_date(&text) {
            Some(date) => date.format("%Y-%m-%d").to_string(),
            None => text,
        };
        match self {
            Action::SendExternal { bodies, sent_on } => Action::SendExternal {
                bodies,
                sent_on: iso(sent_on),
            },
            Action::RecordConclusion {
                body,
                positive,
                text,
                date,
            } => Action::RecordConclusion {
                body,
                positive,
                text,
                date: iso(date),
            },
            other => other,
        }
    }
}
