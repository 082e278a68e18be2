//! How the CLI fails: a bilingual message and an exit code scripts can rely on.

use kense_core::CoreError;
use kense_domain::ErrorCode;

pub struct Failure {
    pub exit_code: u8,
    pub message: String,
}

pub const EXIT_FAILED: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;
pub const EXIT_FORBIDDEN: u8 = 3;

impl Failure {
    pub fn new(exit_code: u8, message: impl Into<String>) -> Failure {
        Failure {
            exit_code,
            message: message.into(),
        }
    }
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Failure {
        let exit_code = match e.first_code() {
            ErrorCode::StorageFailed | ErrorCode::SchemaTooNew | ErrorCode::JournalBusy => {
                EXIT_FAILED
            }
            ErrorCode::PermissionDenied | ErrorCode::ActionNotAllowed => EXIT_FORBIDDEN,
            _ => EXIT_BAD_INPUT,
        };
        Failure::new(exit_code, e.to_string())
    }
}

pub fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::new(EXIT_FAILED, format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}
