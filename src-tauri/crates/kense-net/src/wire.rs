//! What travels between a desk and the host, beside the core's own `Op` and
//! view types: the join and sign-in messages, and errors as the window gets
//! them (`{code, message, fields}`) with each error's detail, so a remote CLI
//! prints exactly what a local one prints.

use kense_core::{ApiError, CoreError};
use kense_domain::types::Language;
use kense_domain::{DomainError, ErrorCode};
use serde::{Deserialize, Serialize};

pub const DESK_HEADER: &str = "x-kense-desk";
pub const SESSION_HEADER: &str = "x-kense-session";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JoinRequest {
    /// The secret part of the invitation code.
    pub secret: String,
    /// The desk's name (the invited name when absent).
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JoinAnswer {
    pub desk_name: String,
    pub desk_token: String,
}

/// The PIN travels only inside TLS, only to the pinned host, and is never
/// stored or logged on either side.
#[derive(Clone, Serialize, Deserialize)]
pub struct SignInRequest {
    pub login: String,
    pub pin: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignInAnswer {
    pub session_token: String,
    pub login: String,
    /// Idle minutes after which the host ends the session.
    pub idle_minutes: u32,
}

/// One error's code, field and detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireDetail {
    pub code: ErrorCode,
    #[serde(default)]
    pub field: Option<String>,
    pub detail: String,
}

/// An error as it travels: the window's `ApiError` and the details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireError {
    #[serde(flatten)]
    pub api: ApiError,
    #[serde(default)]
    pub details: Vec<WireDetail>,
}

impl WireError {
    pub fn from_core(e: &CoreError, lang: Language) -> WireError {
        WireError {
            api: e.to_api(lang),
            details: e
                .0
                .iter()
                .map(|d| WireDetail {
                    code: d.code,
                    field: d.field.clone(),
                    detail: d.detail.clone(),
                })
                .collect(),
        }
    }

    pub fn into_core(self) -> CoreError {
        if self.details.is_empty() {
            let code = kense_domain::error::ALL_ERROR_CODES
                .iter()
                .copied()
                .find(|c| c.as_str() == self.api.code)
                .unwrap_or(ErrorCode::InvalidInput);
            return DomainError::new(code, self.api.message).into();
        }
        CoreError(
            self.details
                .into_iter()
                .map(|d| DomainError {
                    code: d.code,
                    field: d.field,
                    detail: d.detail,
                })
                .collect(),
        )
    }
}

/// The HTTP status of an error.
pub fn status_of(code: ErrorCode) -> u16 {
    match code {
        ErrorCode::DeskNotPaired
        | ErrorCode::SessionExpired
        | ErrorCode::NotLoggedIn
        | ErrorCode::PinWrong
        | ErrorCode::PinRequired
        | ErrorCode::SignInLocked => 401,
        ErrorCode::PermissionDenied
        | ErrorCode::ActionNotAllowed
        | ErrorCode::InvitationInvalid
        | ErrorCode::InvitationExpired
        | ErrorCode::InvitationUsed => 403,
        ErrorCode::NotFound => 404,
        ErrorCode::CaseChanged | ErrorCode::RequestReused | ErrorCode::DeskNameTaken => 409,
        ErrorCode::JournalBusy => 503,
        ErrorCode::StorageFailed
        | ErrorCode::DiskFull
        | ErrorCode::ChainBroken
        | ErrorCode::RenderFailed => 500,
        _ => 400,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_travels_whole() {
        let e = CoreError(vec![DomainError::at(
            ErrorCode::CaseChanged,
            "expect_version",
            "changed by: head at 2026-11-23 10:00",
        )]);
        let wire = WireError::from_core(&e, Language::Ru);
        let text = serde_json::to_value(&wire).unwrap();
        assert_eq!(text["code"], "case_changed");
        assert!(text["message"].is_string());
        let back: WireError = serde_json::from_value(text).unwrap();
        assert_eq!(back.into_core(), e);
        assert_eq!(status_of(ErrorCode::DeskNotPaired), 401);
    }
}
