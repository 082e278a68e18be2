//! Errors the office can see. Each has a stable `code`; the UI and the CLI pick
//! their Kazakh and Russian text by that code from `locales/` (`errors.<code>`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Stable error codes. Adding one means adding `errors.<code>` to every locale file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    InvalidInput,
    UnknownField,
    Required,
    TooLong,
    TooMany,
    NameEmpty,
    IinFormat,
    IinChecksum,
    IinBirthDate,
    BinFormat,
    BinChecksum,
    BinEntityType,
    PhoneInvalid,
    DateInvalid,
    ReceivedInFuture,
    ReceivedTooOld,
    PoaDateAfterReceipt,
    UnknownService,
    UnknownProcedure,
    UnknownChannel,
    UnknownLanguage,
    UnknownApplicantKind,
    ChannelNotAllowed,
    ApplicantKindNotAllowed,
    DocumentsEmpty,
    LimitInvalid,
    RegulationInvalid,
    CalendarInvalid,
    NotFound,
    SchemaTooNew,
    StorageFailed,
    PermissionDenied,
    ActionNotAllowed,
    UnknownUser,
    DeadlineTooLate,
    ChecksIncomplete,
    UnknownGround,
    /// A wrong login or PIN (the detail carries the tries left).
    PinWrong,
    /// Too many wrong PINs: the login is locked (the detail carries until when).
    SignInLocked,
    /// No PIN was given (no PIN file, no terminal to ask at).
    PinRequired,
    /// A clock set by hand on a journal not marked for tests or the demo.
    NowNotAllowed,
    PinInvalid,
    /// A head's, deputy's or administrator's PIN shorter than 6 digits.
    PinTooShort,
    LoginInvalid,
    LoginTaken,
    NotLoggedIn,
    DocumentNotAvailable,
    DocumentUnknown,
    DocumentTampered,
    RenderFailed,
    JournalMissing,
    JournalEmpty,
    JournalForeign,
    JournalDamaged,
    JournalReadOnly,
    FolderNotEmpty,
    ChainBroken,
    DiskFull,
    BackupInvalid,
    /// The user stopped a long export.
    ExportCancelled,
    /// An export file could not be written.
    ExportFailed,
    CaseChanged,
    JournalBusy,
    RequestReused,
    TextInvalid,
    NoChange,
    /// Disabling or demoting the office's last active administrator.
    LastAdmin,
    /// An administrator disabling their own account.
    SelfDisable,
    /// A right PIN of a user the administrator has disabled.
    UserDisabled,
    /// No user with this login (the administrator's user commands).
    UserNotFound,
    InvitationInvalid,
    InvitationExpired,
    InvitationUsed,
    DeskNameTaken,
    DeskNotPaired,
    SessionExpired,
    HostUnreachable,
    HostCertificateMismatch,
    NotAvailableRemotely,
    ClientNotJoined,
    /// A completeness check's stated `passed` contradicts the documents marked received.
    CompletenessMismatch,
    /// A document marked received that the regulation does not list.
    UnknownDocument,
}

macro_rules! codes {
    ($($variant:ident => $text:literal),* $(,)?) => {
        impl ErrorCode {
            /// The snake_case code, as it appears in JSON and in `locales/` keys.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $text,)* }
            }
        }
        /// Every code, for checks that each one has a translation.
        pub const ALL_ERROR_CODES: &[ErrorCode] = &[$(ErrorCode::$variant),*];
    };
}

codes! {
    InvalidInput => "invalid_input",
    UnknownField => "unknown_field",
    Required => "required",
    TooLong => "too_long",
    TooMany => "too_many",
    NameEmpty => "name_empty",
    IinFormat => "iin_format",
    IinChecksum => "iin_checksum",
    IinBirthDate => "iin_birth_date",
    BinFormat => "bin_format",
    BinChecksum => "bin_checksum",
    BinEntityType => "bin_entity_type",
    PhoneInvalid => "phone_invalid",
    DateInvalid => "date_invalid",
    ReceivedInFuture => "received_in_future",
    ReceivedTooOld => "received_too_old",
    PoaDateAfterReceipt => "poa_date_after_receipt",
    UnknownService => "unknown_service",
    UnknownProcedure => "unknown_procedure",
    UnknownChannel => "unknown_channel",
    UnknownLanguage => "unknown_language",
    UnknownApplicantKind => "unknown_applicant_kind",
    ChannelNotAllowed => "channel_not_allowed",
    ApplicantKindNotAllowed => "applicant_kind_not_allowed",
    DocumentsEmpty => "documents_empty",
    LimitInvalid => "limit_invalid",
    RegulationInvalid => "regulation_invalid",
    CalendarInvalid => "calendar_invalid",
    NotFound => "not_found",
    SchemaTooNew => "schema_too_new",
    StorageFailed => "storage_failed",
    PermissionDenied => "permission_denied",
    ActionNotAllowed => "action_not_allowed",
    UnknownUser => "unknown_user",
    DeadlineTooLate => "deadline_too_late",
    ChecksIncomplete => "checks_incomplete",
    UnknownGround => "unknown_ground",
    PinWrong => "pin_wrong",
    SignInLocked => "sign_in_locked",
    PinRequired => "pin_required",
    NowNotAllowed => "now_not_allowed",
    PinInvalid => "pin_invalid",
    PinTooShort => "pin_too_short",
    LoginInvalid => "login_invalid",
    LoginTaken => "login_taken",
    NotLoggedIn => "not_logged_in",
    DocumentNotAvailable => "document_not_available",
    DocumentUnknown => "document_unknown",
    DocumentTampered => "document_tampered",
    RenderFailed => "render_failed",
    JournalMissing => "journal_missing",
    JournalEmpty => "journal_empty",
    JournalForeign => "journal_foreign",
    JournalDamaged => "journal_damaged",
    JournalReadOnly => "journal_read_only",
    FolderNotEmpty => "folder_not_empty",
    ChainBroken => "chain_broken",
    DiskFull => "disk_full",
    BackupInvalid => "backup_invalid",
    ExportCancelled => "export_cancelled",
    ExportFailed => "export_failed",
    CaseChanged => "case_changed",
    JournalBusy => "journal_busy",
    RequestReused => "request_reused",
    TextInvalid => "text_invalid",
    NoChange => "no_change",
    LastAdmin => "last_admin",
    SelfDisable => "self_disable",
    UserDisabled => "user_disabled",
    UserNotFound => "user_not_found",
    InvitationInvalid => "invitation_invalid",
    InvitationExpired => "invitation_expired",
    InvitationUsed => "invitation_used",
    DeskNameTaken => "desk_name_taken",
    DeskNotPaired => "desk_not_paired",
    SessionExpired => "session_expired",
    HostUnreachable => "host_unreachable",
    HostCertificateMismatch => "host_certificate_mismatch",
    NotAvailableRemotely => "not_available_remotely",
    ClientNotJoined => "client_not_joined",
    CompletenessMismatch => "completeness_mismatch",
    UnknownDocument => "unknown_document",
}

/// One error: what went wrong (`code`), where (`field`, a dotted path such as
/// `applicant.iin`), and a technical detail in English for logs and operators.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {detail}", code.as_str(), field.as_ref().map(|f| format!(" [{f}]")).unwrap_or_default())]
pub struct DomainError {
    pub code: ErrorCode,
    pub field: Option<String>,
    pub detail: String,
}

impl DomainError {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        DomainError {
            code,
            field: None,
            detail: detail.into(),
        }
    }

    pub fn at(code: ErrorCode, field: impl Into<String>, detail: impl Into<String>) -> Self {
        DomainError {
            code,
            field: Some(field.into()),
            detail: detail.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spelling_matches_serde() {
        for code in ALL_ERROR_CODES {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json.trim_matches('"'), code.as_str());
        }
    }
}
