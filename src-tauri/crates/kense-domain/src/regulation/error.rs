//! Why a regulation file (or an edit of one) was not accepted.

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{DomainError, ErrorCode};

/// One problem in one file: where it is and what is wrong, in English for the
/// administrator's log; the UI shows `errors.<code>` next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RegulationError {
    pub code: ErrorCode,
    pub file: String,
    /// 1-based; absent only when the problem has no place in the text.
    #[ts(optional)]
    pub line: Option<usize>,
    /// Path of the field, e.g. `procedures[0].steps[2].limit`.
    #[ts(optional)]
    pub field: Option<String>,
    pub message: String,
}

impl RegulationError {
    pub fn new(
        file: &str,
        line: Option<usize>,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        RegulationError {
            code: ErrorCode::RegulationInvalid,
            file: file.to_string(),
            line,
            field,
            message: message.into(),
        }
    }

    pub fn to_domain_error(&self) -> DomainError {
        DomainError {
            code: self.code,
            field: self.field.clone(),
            detail: self.to_string(),
        }
    }
}

impl fmt::Display for RegulationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RegulationError {}

/// A file the catalogue could not use; the other files still load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RejectedFile {
    pub file: String,
    pub error: RegulationError,
}
