//! How the CLI fails: a bilingual message and an exit code scripts can rely on.

use kense_core::CoreError;
use kense_domain::ErrorCode;

pub struct Failure {
    pub exit_code: u8,
    pub message: String,
    /// What the log gets: codes always; details only of file and storage errors
    /// (input errors may quote an applicant's data, which the log never holds).
    pub log: String,
}

pub const EXIT_FAILED: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;
pub const EXIT_FORBIDDEN: u8 = 3;
pub const EXIT_HOST_UNREACHABLE: u8 = 4;

impl Failure {
    pub fn new(exit_code: u8, message: impl Into<String>) -> Failure {
        Failure {
            exit_code,
            message: message.into(),
            log: String::new(),
        }
    }
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Failure {
        let exit_code = match e.first_code() {
            ErrorCode::StorageFailed
            | ErrorCode::SchemaTooNew
            | ErrorCode::JournalBusy
            | ErrorCode::JournalMissing
            | ErrorCode::JournalEmpty
            | ErrorCode::JournalForeign
            | ErrorCode::JournalDamaged
            | ErrorCode::JournalReadOnly
            | ErrorCode::FolderNotEmpty
            | ErrorCode::ChainBroken
            | ErrorCode::DiskFull
            | ErrorCode::BackupInvalid => EXIT_FAILED,
            ErrorCode::PermissionDenied
            | ErrorCode::ActionNotAllowed
            | ErrorCode::PinWrong
            | ErrorCode::SignInLocked
            | ErrorCode::UserDisabled
            | ErrorCode::PinRequired
            | ErrorCode::NotLoggedIn
            | ErrorCode::DeskNotPaired
            | ErrorCode::SessionExpired
            | ErrorCode::InvitationInvalid
            | ErrorCode::InvitationExpired
            | ErrorCode::InvitationUsed => EXIT_FORBIDDEN,
            ErrorCode::HostUnreachable | ErrorCode::HostCertificateMismatch => {
                EXIT_HOST_UNREACHABLE
            }
            _ => EXIT_BAD_INPUT,
        };
        let log =
            e.0.iter()
                .map(|d| {
                    if d.code.as_str().starts_with("journal_")
                        || matches!(
                            d.code,
                            ErrorCode::StorageFailed
                                | ErrorCode::SchemaTooNew
                                | ErrorCode::DiskFull
                                | ErrorCode::ChainBroken
                                | ErrorCode::BackupInvalid
                                | ErrorCode::FolderNotEmpty
                        )
                    {
                        format!("{}: {}", d.code.as_str(), d.detail)
                    } else {
                        d.code.as_str().to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
        Failure {
            log,
            ..Failure::new(exit_code, e.to_string())
        }
    }
}

pub fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::new(EXIT_FAILED, format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}
