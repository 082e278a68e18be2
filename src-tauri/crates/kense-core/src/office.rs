//! The office: one open journal plus the regulations it runs on.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use kense_domain::calendar::WorkingCalendar;
use kense_domain::case::{
    validate_application, ApplicationInput, Case, CaseStatus, RoutePosition, ValidApplication,
};
use kense_domain::iin::{self, IdNumberError, IinInfo};
use kense_domain::numbering::{validate_pattern, DEFAULT_NUMBER_PATTERN};
use kense_domain::regulation::Catalog;
use kense_domain::types::{Language, Role, Text};
use kense_domain::workflow::{Action, RouteEvent, RouteState};
use kense_domain::{DomainError, ErrorCode};
use kense_store::{cases, events, settings, Store};

use crate::authorize::{authorize, What};
use crate::bundled;
use crate::views::{JournalRow, ProcedureOption, ServiceOption};
use crate::{CoreError, Session};

const UI_LANGUAGE: &str = "ui_language";
const OUTGOING_PATTERN: &str = "outgoing_pattern";
const IDLE_LOCK_MINUTES: &str = "idle_lock_minutes";
/// Outgoing numbers are told from registration numbers by their ending.
pub const DEFAULT_OUTGOING_PATTERN: &str = "YYYY-NNNNN/Ш";
/// The journal view shows this many newest cases; older ones are reached by search.
pub const JOURNAL_PAGE: u32 = 1000;

pub struct Office {
    store: Store,
    pub(crate) catalog: Catalog,
    pub(crate) calendar: WorkingCalendar,
    data_dir: Option<PathBuf>,
}

impl Office {
    /// Opens the office journal that exists in `data_dir`. A missing, zero-byte,
    /// foreign, damaged or newer file is refused untouched, naming the latest
    /// backup; a journal that needs migrating is backed up first.
    pub fn open(data_dir: &Path) -> Result<Office, CoreError> {
        let store = Store::open_existing(data_dir, &mut |conn| {
            crate::safety::backups::before_migration(data_dir, conn)
        })
        .map_err(|e| crate::safety::refusal(data_dir, e))?;
        tracing::info!(data_dir = %data_dir.display(), read_only = store.is_read_only(), "journal opened");
        Office::with_store(store, Some(data_dir.to_path_buf()))
    }

    /// Creates a new, empty journal in `data_dir`: only where the folder is empty
    /// (or missing). The explicit first-run choice; never done by [`Office::open`].
    pub fn create(data_dir: &Path) -> Result<Office, CoreError> {
        let store = Store::create_new(data_dir)?;
        tracing::info!(data_dir = %data_dir.display(), "new journal created");
        Office::with_store(store, Some(data_dir.to_path_buf()))
    }

    /// A fresh office in memory, for tests (marked as a test journal: light
    /// PIN hashes).
    pub fn open_in_memory() -> Result<Office, CoreError> {
        let mut office = Office::with_store(Store::open_in_memory()?, None)?;
        office.mark_test_journal()?;
        Ok(office)
    }

    fn with_store(store: Store, data_dir: Option<PathBuf>) -> Result<Office, CoreError> {
        Office {
            store,
            catalog: Catalog::load(bundled::regulation_sources()),
            calendar: bundled::calendar()?,
            data_dir,
        }
        .with_admin_data()
    }

    pub fn calendar(&self) -> &WorkingCalendar {
        &self.calendar
    }

    /// The days off of a month as `yyyy-mm-dd` (for the date picker).
    pub fn month_days_off(&self, year: i32, month: u32) -> Result<Vec<String>, CoreError> {
        if !(2000..=2100).contains(&year) || !(1..=12).contains(&month) {
            return Err(DomainError::at(
                ErrorCode::DateInvalid,
                "month",
                format!("{year}-{month} is not a month of 2000..2100"),
            )
            .into());
        }
        Ok(self
            .calendar
            .days_off_in_month(year, month)
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect())
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Checks the application and, if it is sound, enters it in the journal
    /// under the next number of the year and starts its route: the history gets
    /// the registration and the case stands at the step after it. Nothing is
    /// written when anything fails.
    pub fn register(
        &mut self,
        session: &Session,
        input: &ApplicationInput,
        now: DateTime<FixedOffset>,
    ) -> Result<Case, CoreError> {
        self.register_with(session, input, now, None)
    }

    /// `register` with the client's request id: a retry of a registration
    /// that was carried out (the answer lost in a crash) returns the case it
    /// registered instead of a second one. The role check, the number and the
    /// request's record are all in one serialised transaction.
    pub fn register_with(
        &mut self,
        session: &Session,
        input: &ApplicationInput,
        now: DateTime<FixedOffset>,
        request_id: Option<&str>,
    ) -> Result<Case, CoreError> {
        let user = session.login();
        let input_json = serde_json::to_string(input).unwrap_or_default();
        let hash = crate::requests::content_hash(&["register", user, &input_json]);
        let id = self.store.transact(|tx| -> Result<i64, CoreError> {
            if let Some(request) = request_id {
                let done = crate::requests::earlier(tx, request, "register", &hash)?;
                if let Some(case_id) = done.and_then(|d| d.case_id) {
                    return Ok(case_id);
                }
            }
            authorize(session, What::Register)?;
            let (valid, registration, status, position) = self.registration(input, user, now)?;
            let pattern = self.number_pattern()?;
            let case = cases::register(tx, &valid, now, user, &pattern)?;
            events::append(tx, case.id, &registration)?;
            cases::set_route(tx, case.id, status, &position)?;
            if let Some(request) = request_id {
                let result = serde_json::json!({ "case": case.number });
                kense_store::requests::record(
                    tx,
                    request,
                    "register",
                    &hash,
                    Some(case.id),
                    &result.to_string(),
                    user,
                    &now.to_rfc3339(),
                )?;
            }
            Ok(case.id)
        })?;
        cases::get(self.store.conn(), id)?.ok_or_else(|| {
            DomainError::new(ErrorCode::StorageFailed, "the new case vanished").into()
        })
    }

    /// The checked application, its first history line and where it stands.
    fn registration(
        &self,
        input: &ApplicationInput,
        user: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(ValidApplication, RouteEvent, CaseStatus, RoutePosition), CoreError> {
        let terms = self.catalog.terms(input.service.trim());
        let valid = validate_application(input, terms.as_ref(), now)?;
        let service = self
            .catalog
            .version(&valid.service, valid.service_version)
            .ok_or_else(|| {
                DomainError::at(ErrorCode::UnknownService, "service", "service vanished")
            })?;
        let procedure = service.procedure(&valid.procedure).ok_or_else(|| {
            DomainError::at(
                ErrorCode::UnknownProcedure,
                "procedure",
                "procedure vanished",
            )
        })?;
        let state = RouteState::registered(procedure, now);
        let first = procedure.steps.first();
        let registration = RouteEvent {
            at: now,
            actor: user.to_string(),
            role: Role::Clerk,
            acting_for_head: false,
            step: first.map(|s| s.id.clone()),
            action: Action::Register {},
            due: first.map(|s| {
                self.timer()
                    .due(valid.received_at, s.limit_for(valid.channel), &[])
            }),
        };
        let current = state.step.map(|i| &procedure.steps[i]);
        let position = RoutePosition {
            step: current.map(|s| s.id.clone()),
            role: current.map(|s| s.role),
            executor: None,
            dept_head: None,
            due_at: current.map(|s| self.timer().due(now, s.limit_for(valid.channel), &[])),
            started_at: current.map(|_| now),
        };
        Ok((valid, registration, state.status, position))
    }

    /// The newest cases first, as stored.
    pub fn cases(&self, session: &Session) -> Result<Vec<Case>, CoreError> {
        authorize(session, What::ReadJournal)?;
        Ok(cases::list_newest_first(self.store.conn(), u32::MAX, 0)?)
    }

    /// The journal view, newest first, with service and procedure names.
    pub fn journal(
        &self,
        session: &Session,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<JournalRow>, CoreError> {
        authorize(session, What::ReadJournal)?;
        let rows = cases::list_newest_first(self.store.conn(), JOURNAL_PAGE, 0)?;
        Ok(rows.iter().map(|c| self.journal_row(c, now)).collect())
    }

    pub(crate) fn case_count(&self) -> Result<u64, CoreError> {
        Ok(cases::count(self.store.conn())?)
    }

    /// One journal line, with the current step's name and urgency at `now`.
    pub(crate) fn journal_row(&self, case: &Case, now: DateTime<FixedOffset>) -> JournalRow {
        let service = self.catalog.version(&case.service, case.service_version);
        let procedure = service.and_then(|s| s.procedure(&case.procedure));
        let mut row = JournalRow::new(
            case,
            service.map(|s| s.name.clone()),
            procedure.map(|p| p.name.clone()),
        );
        let step = procedure
            .zip(case.route.step.as_deref())
            .and_then(|(p, id)| p.step(id));
        row.step_name = step.map(|s| s.action.clone());
        row.step_kind = step.map(|s| s.kind);
        if let (Some(due), Some(start)) = (case.route.due_at, case.route.started_at) {
            row.step_state = Some(self.urgency(now, start, due));
            row.minutes_left = Some(self.working_minutes_left(now, due));
        }
        row
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

    /// The pattern of outgoing numbers (results and letters leaving the office).
    pub(crate) fn outgoing_pattern(&self) -> Result<String, CoreError> {
        Ok(settings::get(self.store.conn(), OUTGOING_PATTERN)?
            .unwrap_or_else(|| DEFAULT_OUTGOING_PATTERN.to_string()))
    }

    pub(crate) fn number_pattern(&self) -> Result<String, CoreError> {
        Ok(settings::get(self.store.conn(), settings::NUMBER_PATTERN)?
            .unwrap_or_else(|| DEFAULT_NUMBER_PATTERN.to_string()))
    }

    /// Sets the registration numbers' pattern (administration).
    pub fn set_number_pattern(
        &mut self,
        session: &Session,
        pattern: &str,
    ) -> Result<(), CoreError> {
        authorize(session, What::AdminEdit)?;
        validate_pattern(pattern)?;
        Ok(settings::set(
            self.store.conn_mut(),
            settings::NUMBER_PATTERN,
            pattern,
        )?)
    }

    /// Minutes without input after which the window locks (office setting, default 10).
    pub fn idle_lock_minutes(&self) -> u32 {
        settings::get(self.store.conn(), IDLE_LOCK_MINUTES)
            .ok()
            .flatten()
            .and_then(|v| v.parse().ok())
            .filter(|m| (1..=480).contains(m))
            .unwrap_or(10)
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
