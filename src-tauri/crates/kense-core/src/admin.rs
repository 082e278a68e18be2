//! The administrator's work: regulation versions made in the app, the working
//! calendar's edits with their record, and the plans and reports built on them.
//! Only an administrator may change them (`authorize`, `What::AdminEdit`).
//! The acting user is recorded.

mod change;
mod loading;
mod views;

use chrono::{DateTime, Datelike, FixedOffset, SecondsFormat};
use kense_domain::deadline;
use kense_domain::limit::Limit;
use kense_domain::regulation::{apply_edit, ServiceDefinition, ServiceEdit};
use kense_domain::schedule::{self, Schedule};
use kense_domain::types::Channel;
use kense_domain::{DomainError, ErrorCode};
use kense_store::calendar_files;
use kense_store::service_versions::{self, StoredVersion};
use serde::Serialize;
use ts_rs::TS;

use crate::authorize::{authorize, What};
use crate::{CoreError, Office, Session};

pub use change::CalendarChange;
pub use views::{
    CalendarYear, DayOffView, OfficeHoursInput, ProcedureReport, ServiceReport, ServicesReport,
    StepReport, VersionInfo,
};

type Time = DateTime<FixedOffset>;

/// One recorded calendar edit, newest first in lists.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CalendarEditView {
    pub id: i64,
    pub file: String,
    pub at: String,
    pub user: String,
    pub change: CalendarChange,
    pub before: String,
    pub after: String,
}

fn time_text(t: Time) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

impl Office {
    /// Lays the journal's regulation versions and calendar edits over the bundled files.
    pub(crate) fn with_admin_data(mut self) -> Result<Office, CoreError> {
        self.reload_admin_data()?;
        Ok(self)
    }

    fn reload_admin_data(&mut self) -> Result<(), CoreError> {
        self.catalog = loading::catalog(self.store())?;
        self.calendar = loading::build_calendar(&loading::calendar_sources(self.store())?)?;
        Ok(())
    }

    /// The service definition a new case would be registered under.
    pub fn service_definition(&self, id: &str) -> Result<&ServiceDefinition, CoreError> {
        self.catalog().latest(id.trim()).ok_or_else(|| {
            DomainError::at(
                ErrorCode::UnknownService,
                "service",
                format!("no service `{}`", id.trim()),
            )
            .into()
        })
    }

    /// Saves `edit` of the latest version of service `id` as a new version taking
    /// effect today. A malformed edit is refused with its file, field and reason;
    /// cases registered earlier keep the version they were registered under.
    pub fn edit_service(
        &mut self,
        session: &Session,
        id: &str,
        edit: &ServiceEdit,
        now: Time,
    ) -> Result<ServiceDefinition, CoreError> {
        authorize(session, What::AdminEdit)?;
        let user = session.login();
        let latest = self.service_definition(id)?.clone();
        let today = now
            .with_timezone(&self.calendar().hours.offset)
            .date_naive();
        let from = today.max(latest.effective_from);
        let next = apply_edit(&latest, edit, from).map_err(|e| e.to_domain_error())?;
        let mut same = latest.clone();
        same.version = next.version;
        same.effective_from = next.effective_from;
        if same.to_toml() == next.to_toml() {
            return Err(DomainError::new(
                ErrorCode::NoChange,
                format!(
                    "the edit leaves {} version {} as it is",
                    latest.id, latest.version
                ),
            )
            .into());
        }
        service_versions::insert(
            self.store_mut().conn_mut(),
            &StoredVersion {
                service: next.id.clone(),
                version: next.version,
                effective_from: next.effective_from,
                toml: next.to_toml(),
                created_by: user.to_string(),
                created_at: now,
            },
        )?;
        self.reload_admin_data()?;
        Ok(next)
    }

    /// Every service with its procedures and versions, and the refused files.
    pub fn services_report(&self) -> Result<ServicesReport, CoreError> {
        let stored = service_versions::list(self.store().conn())?;
        let catalog = self.catalog();
        let services = catalog
            .services()
            .into_iter()
            .map(|latest| {
                let versions = catalog
                    .versions(&latest.id)
                    .into_iter()
                    .map(|def| {
                        let made = stored
                            .iter()
                            .find(|s| s.service == def.id && s.version == def.version);
                        VersionInfo {
                            version: def.version,
                            effective_from: def.effective_from,
                            source: catalog
                                .file_of(&def.id, def.version)
                                .unwrap_or_default()
                                .to_string(),
                            created_by: made.map(|s| s.created_by.clone()),
                            created_at: made.map(|s| time_text(s.created_at)),
                        }
                    })
                    .collect();
                ServiceReport::new(latest, versions)
            })
            .collect();
        Ok(ServicesReport {
            services,
            rejected: catalog.rejected().to_vec(),
        })
    }

    /// The latest lawful schedule of a procedure started at `start`, under the
    /// version in force on the start day.
    pub fn plan(
        &self,
        service: &str,
        procedure: &str,
        channel: Option<&str>,
        start: Time,
    ) -> Result<Schedule, CoreError> {
        let channel = channel.map(parse_channel).transpose()?;
        let day = start
            .with_timezone(&self.calendar().hours.offset)
            .date_naive();
        let def = match self.catalog().in_force(service.trim(), day) {
            Some(def) => def,
            None => self.service_definition(service)?,
        };
        Ok(schedule::plan(
            def,
            procedure.trim(),
            channel,
            start,
            self.calendar(),
        )?)
    }

    /// When one limit (`15min`, `2h`, `1wd`, `same-day`, `same-day-max-30min`) started at `start` is due.
    pub fn due_for(&self, start: Time, limit: &str) -> Result<Time, CoreError> {
        let limit: Limit = limit
            .parse()
            .map_err(|e: kense_domain::limit::LimitParseError| {
                DomainError::at(ErrorCode::LimitInvalid, "limit", e.to_string())
            })?;
        Ok(deadline::due(start, limit, self.calendar()))
    }

    /// A year of the calendar: weekday days off with why, worked weekend days, office hours.
    pub fn calendar_year(&self, year: i32) -> Result<CalendarYear, CoreError> {
        if !(2000..=2100).contains(&year) {
            return Err(DomainError::at(
                ErrorCode::DateInvalid,
                "year",
                format!("{year} is outside 2000..2100"),
            )
            .into());
        }
        Ok(CalendarYear::new(self.calendar(), year))
    }

    /// Applies an administrator's calendar change for `year`, stores the file and
    /// records who changed what when, with the text before and after.
    pub fn edit_calendar(
        &mut self,
        session: &Session,
        year: i32,
        change: &CalendarChange,
        now: Time,
    ) -> Result<CalendarYear, CoreError> {
        authorize(session, What::AdminEdit)?;
        let user = session.login();
        let applied = change::apply(self.calendar(), year, change)?;
        let mut sources = loading::calendar_sources(self.store())?;
        let before = sources.get(&applied.file).cloned().unwrap_or_default();
        sources.insert(applied.file.clone(), applied.text.clone());
        // The stored files must read back (the next start builds from them).
        loading::build_calendar(&sources)?;
        let record = serde_json::to_string(change).map_err(|e| {
            DomainError::new(
                ErrorCode::InvalidInput,
                format!("change not recordable: {e}"),
            )
        })?;
        calendar_files::save(
            self.store_mut().conn_mut(),
            &applied.file,
            &before,
            &applied.text,
            &record,
            user,
            now,
        )?;
        self.calendar = applied.calendar;
        Ok(CalendarYear::new(self.calendar(), year))
    }

    /// New office hours (opening, lunch, closing), recorded like any calendar edit.
    pub fn set_office_hours(
        &mut self,
        session: &Session,
        hours: OfficeHoursInput,
        now: Time,
    ) -> Result<CalendarYear, CoreError> {
        let year = now.with_timezone(&self.calendar().hours.offset).year();
        self.edit_calendar(
            session,
            year,
            &CalendarChange::SetOfficeHours { hours },
            now,
        )
    }

    /// The calendar's edit record, newest first.
    pub fn calendar_edits(&self, session: &Session) -> Result<Vec<CalendarEditView>, CoreError> {
        authorize(session, What::ReadJournal)?;
        let mut out = Vec::new();
        for e in calendar_files::edits(self.store().conn())? {
            let change = serde_json::from_str(&e.change).map_err(|err| {
                kense_store::StoreError::Corrupt(format!("calendar edit {}: {err}", e.id))
            })?;
            out.push(CalendarEditView {
                id: e.id,
                file: e.file,
                at: time_text(e.at),
                user: e.actor,
                change,
                before: e.before,
                after: e.after,
            });
        }
        Ok(out)
    }
}

fn parse_channel(code: &str) -> Result<Channel, CoreError> {
    Channel::parse(code.trim()).ok_or_else(|| {
        DomainError::at(
            ErrorCode::UnknownChannel,
            "channel",
            format!("unknown channel `{code}`"),
        )
        .into()
    })
}

#[cfg(test)]
mod tests;
