//! The office: one open journal plus the regulations it runs on.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use kense_domain::case::{validate_application, ApplicationInput, Case};
use kense_domain::iin::{self, IdNumberError, IinInfo};
use kense_domain::numbering::{validate_pattern, DEFAULT_NUMBER_PATTERN};
use kense_domain::regulation::Catalog;
use kense_domain::types::{Language, Text};
use kense_domain::{DomainError, ErrorCode};
use kense_store::{cases, settings, Store};

use crate::bundled;
use crate::views::{JournalRow, ProcedureOption, ServiceOption};
use crate::CoreError;

const UI_LANGUAGE: &str = "ui_language";
/// The journal view shows this many newest cases; older ones are reached by search.
pub const JOURNAL_PAGE: u32 = 1000;

pub struct Office {
    store: Store,
    catalog: Catalog,
    data_dir: Option<PathBuf>,
}

impl Office {
    /// Opens (creating if needed) the office journal in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Office, CoreError> {
        let store = Store::open_dir(data_dir)?;
        Ok(Office::with_store(store, Some(data_dir.to_path_buf())))
    }

    /// A fresh office in memory, for tests.
    pub fn open_in_memory() -> Result<Office, CoreError> {
        Ok(Office::with_store(Store::open_in_memory()?, None))
    }

    fn with_store(store: Store, data_dir: Option<PathBuf>) -> Office {
        Office {
            store,
            catalog: Catalog::load(bundled::regulation_sources()),
            data_dir,
        }
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Checks the application and, if it is sound, enters it in the journal
    /// under the next number of the year. Nothing is written when it is not.
    pub fn register(
        &mut self,
        input: &ApplicationInput,
        user: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Case, CoreError> {
        let terms = self.catalog.terms(input.service.trim());
        let valid = validate_application(input, terms.as_ref(), now)?;
        let pattern = self.number_pattern()?;
        Ok(cases::register(
            self.store.conn_mut(),
            &valid,
            now,
            user,
            &pattern,
        )?)
    }

    /// The newest cases first, as stored.
    pub fn cases(&self) -> Result<Vec<Case>, CoreError> {
        Ok(cases::list_newest_first(self.store.conn(), u32::MAX, 0)?)
    }

    /// The journal view, newest first, with service and procedure names.
    pub fn journal(&self) -> Result<Vec<JournalRow>, CoreError> {
        let rows = cases::list_newest_first(self.store.conn(), JOURNAL_PAGE, 0)?;
        Ok(rows.iter().map(|c| self.journal_row(c)).collect())
    }

    pub fn case_count(&self) -> Result<u64, CoreError> {
        Ok(cases::count(self.store.conn())?)
    }

    fn journal_row(&self, case: &Case) -> JournalRow {
        let service = self.catalog.version(&case.service, case.service_version);
        let procedure = service.and_then(|s| s.procedures.iter().find(|p| p.id == case.procedure));
        JournalRow::new(
            case,
            service.map(|s| s.name.clone()),
            procedure.map(|p| p.name.clone()),
        )
    }

    /// The services the registration form offers: the latest version of each.
    pub fn service_options(&self) -> Vec<ServiceOption> {
        self.catalog
            .services()
            .into_iter()
            .map(|s| ServiceOption {
                id: s.id.clone(),
                version: s.version,
                name: s.name.clone(),
                procedures: s
                    .procedures
                    .iter()
                    .map(|p| ProcedureOption {
                        id: p.id.clone(),
                        name: p.name.clone(),
                    })
                    .collect(),
                channels: s.channels.clone(),
                applicant_kinds: s.applicant_kinds.clone(),
                required_documents: s
                    .required_documents
                    .iter()
                    .map(|d| Text {
                        kk: d.kk.clone(),
                        ru: d.ru.clone(),
                    })
                    .collect(),
            })
            .collect()
    }

    pub fn number_pattern(&self) -> Result<String, CoreError> {
        Ok(settings::get(self.store.conn(), settings::NUMBER_PATTERN)?
            .unwrap_or_else(|| DEFAULT_NUMBER_PATTERN.to_string()))
    }

    pub fn set_number_pattern(&mut self, pattern: &str) -> Result<(), CoreError> {
        validate_pattern(pattern)?;
        Ok(settings::set(
            self.store.conn_mut(),
            settings::NUMBER_PATTERN,
            pattern,
        )?)
    }

    /// The interface language chosen last in this office; Kazakh until one is chosen.
    pub fn ui_language(&self) -> Language {
        settings::get(self.store.conn(), UI_LANGUAGE)
            .ok()
            .flatten()
            .and_then(|code| Language::parse(&code))
            .unwrap_or(Language::Kk)
    }

    pub fn set_ui_language(&mut self, code: &str) -> Result<(), CoreError> {
        let lang = Language::parse(code).ok_or_else(|| {
            DomainError::at(
                ErrorCode::UnknownLanguage,
                "language",
                format!("unknown language `{code}`"),
            )
        })?;
        Ok(settings::set(
            self.store.conn_mut(),
            UI_LANGUAGE,
            lang.code(),
        )?)
    }
}

/// Decodes an IIN for the form: birth date and sex, or why it is not valid.
pub fn check_iin(number: &str) -> Result<IinInfo, CoreError> {
    iin::parse_iin(number.trim()).map_err(|e| {
        let code = match e {
            IdNumberError::Format => ErrorCode::IinFormat,
            IdNumberError::Checksum => ErrorCode::IinChecksum,
            _ => ErrorCode::IinBirthDate,
        };
        CoreError::from(DomainError::at(
            code,
            "applicant.iin",
            format!("IIN `{}` is not valid", number.trim()),
        ))
    })
}

impl Office {
    /// A consistent copy of the journal at `out` (never overwrites).
    pub fn backup_to(&self, out: &Path) -> Result<(), CoreError> {
        Ok(kense_store::maintenance::backup_to(self.store.conn(), out)?)
    }

    /// SQLite integrity and gap-free numbering.
    pub fn verify(&self) -> Result<kense_store::maintenance::VerifyReport, CoreError> {
        Ok(kense_store::maintenance::verify(self.store.conn())?)
    }
}
