//! Errors as the window and the CLI receive them: a stable `code`, a text in the
//! chosen language, and per-field details for forms.

use kense_domain::types::Language;
use kense_domain::{DomainError, ErrorCode};
use kense_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The error value every Tauri command returns. The UI picks its own kk/ru text by `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// One or more domain errors from an application service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoreError(pub Vec<DomainError>);

impl From<DomainError> for CoreError {
    fn from(e: DomainError) -> Self {
        CoreError(vec![e])
    }
}

impl From<StoreError> for CoreError {
    fn from(e: StoreError) -> Self {
        CoreError(vec![e.into()])
    }
}

impl From<Vec<DomainError>> for CoreError {
    fn from(errors: Vec<DomainError>) -> Self {
        CoreError(errors)
    }
}

impl CoreError {
    pub fn first_code(&self) -> ErrorCode {
        self.0
            .first()
            .map(|e| e.code)
            .unwrap_or(ErrorCode::InvalidInput)
    }

    pub fn to_api(&self, lang: Language) -> ApiError {
        let code = self.first_code();
        ApiError {
            code: code.as_str().to_string(),
            message: self
                .0
                .first()
                .map(|e| message(e, lang))
                .unwrap_or_else(|| text(code, lang)),
            fields: self
                .0
                .iter()
                .filter_map(|e| {
                    e.field.as_ref().map(|field| FieldError {
                        field: field.clone(),
                        code: e.code.as_str().to_string(),
                        message: message(e, lang),
                    })
                })
                .collect(),
        }
    }

    /// For operators: every error, in Kazakh and Russian, with its field and detail.
    pub fn to_bilingual_lines(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|e| {
                let field = e
                    .field
                    .as_deref()
                    .map(|f| format!("{f}: "))
                    .unwrap_or_default();
                format!(
                    "{field}{} / {} [{}: {}]",
                    message(e, Language::Kk),
                    message(e, Language::Ru),
                    e.code.as_str(),
                    e.detail
                )
            })
            .collect()
    }
}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_bilingual_lines().join("\n"))
    }
}

impl std::error::Error for CoreError {}

/// The office's text for an error code.
pub fn text(code: ErrorCode, lang: Language) -> String {
    rust_i18n::t!(format!("errors.{}", code.as_str()), locale = lang.code()).into_owned()
}

/// The office's text for one error: its code's text, with who and when for
/// `case_changed`.
pub fn message(e: &DomainError, lang: Language) -> String {
    match crate::requests::changed_by(&e.detail) {
        Some((who, time)) if e.code == ErrorCode::CaseChanged => rust_i18n::t!(
            "errors.case_changed",
            locale = lang.code(),
            who = who,
            time = time
        )
        .into_owned(),
        _ => match (e.code, e.detail.rsplit_once(": ")) {
            (ErrorCode::PinWrong, Some((_, left))) => {
                rust_i18n::t!("errors.pin_wrong", locale = lang.code(), left = left).into_owned()
            }
            (ErrorCode::SignInLocked, Some((_, until))) => {
                rust_i18n::t!("errors.sign_in_locked", locale = lang.code(), until = until)
                    .into_owned()
            }
            _ => text(e.code, lang),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kense_domain::error::ALL_ERROR_CODES;

    #[test]
    fn every_error_code_has_a_text_in_both_languages() {
        for code in ALL_ERROR_CODES {
            for lang in Language::ALL {
                let t = text(*code, lang);
                assert!(
                    !t.starts_with("errors."),
                    "{} lacks a {} text",
                    code.as_str(),
                    lang.code()
                );
            }
            assert_ne!(
                text(*code, Language::Kk),
                text(*code, Language::Ru),
                "{}",
                code.as_str()
            );
        }
    }

    #[test]
    fn api_error_carries_code_text_and_fields() {
        let err = CoreError(vec![DomainError::at(
            ErrorCode::IinChecksum,
            "applicant.iin",
            "bad",
        )]);
        let api = err.to_api(Language::Ru);
        assert_eq!(api.code, "iin_checksum");
        assert_eq!(api.message, "Неверный ИИН: не сходится контрольный разряд.");
        assert_eq!(api.fields[0].field, "applicant.iin");
    }
}
