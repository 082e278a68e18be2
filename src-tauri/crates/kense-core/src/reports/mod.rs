//! Reports for the head and the region: the figures of a period (rules in
//! `kense_domain::report`), the quarterly state-services paper (signed and
//! frozen like every outgoing document), and spreadsheet exports.
//!
//! Who sees what: the head, the deputy and the administrator the whole
//! report; the clerk the chancellery's counts (no per-person tables); nobody
//! else.

mod export;
mod quarterly;
mod tables;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use kense_domain::regulation::{ServiceDefinition, StepKind};
use kense_domain::report::{self, CaseRoute, GroupBy, Report, ReportQuery};
use kense_domain::types::{Role, Text};
use kense_domain::{DomainError, ErrorCode};
use kense_store::reports::{cases_touching, Scope};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::authorize::{authorize, What};
use crate::{CoreError, Office, Session};

pub use export::{
    default_export_dir, write_csv, write_tables, write_xlsx, Cancelled, ExportFormat, Progress,
    EXPORT_CHUNK,
};
pub use tables::{report_tables, Sheet, SheetCell};

type Time = DateTime<FixedOffset>;

/// How much of a report a user may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportAccess {
    /// Every table, persons included (head, deputy, administrator).
    Full,
    /// The chancellery's counts only (clerk).
    Counts,
}

/// A step as reports name it: the kind's short name and the regulation's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepLabel {
    pub kind: Option<StepKind>,
    pub role: Option<Role>,
    pub action: Text,
}

/// Names for the ids a report holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportLabels {
    pub services: BTreeMap<String, Text>,
    /// `service/procedure`
    pub procedures: BTreeMap<String, Text>,
    /// `service/procedure/step`
    pub steps: BTreeMap<String, StepLabel>,
    /// `service/ground`
    pub grounds: BTreeMap<String, Text>,
    /// login → full name
    pub people: BTreeMap<String, Text>,
    /// login → departments
    pub departments: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportView {
    pub access: ReportAccess,
    pub report: Report,
    pub labels: ReportLabels,
}

impl Office {
    /// What the signed-in user may see of reports; others are refused.
    pub fn report_access(&self, session: &Session) -> Result<ReportAccess, CoreError> {
        authorize(session, What::Reports)?;
        let (user, login) = (session, session.login());
        if [Role::Head, Role::Deputy, Role::Admin]
            .iter()
            .any(|r| user.has(*r))
        {
            Ok(ReportAccess::Full)
        } else if user.has(Role::Clerk) {
            Ok(ReportAccess::Counts)
        } else {
            Err(DomainError::new(
                ErrorCode::PermissionDenied,
                format!("{login} may not see reports"),
            )
            .into())
        }
    }

    /// The report of `query` as `login` may see it, at the office's `now`.
    pub fn report(
        &self,
        session: &Session,
        query: &ReportQuery,
        now: Time,
    ) -> Result<ReportView, CoreError> {
        let access = self.report_access(session)?;
        let mut view = self.compute_report(query, now)?;
        if access == ReportAccess::Counts {
            let r = &mut view.report;
            r.late_steps.clear();
            r.step_times.clear();
            r.executor_times.clear();
            r.workload.clear();
            if r.query.by == GroupBy::Executor {
                r.groups.clear();
            }
            view.labels.people.clear();
            view.labels.departments.clear();
        }
        view.access = access;
        Ok(view)
    }

    /// The first and the day after the last moment of a period, in office time.
    fn period_bounds(&self, from: NaiveDate, to: NaiveDate) -> Result<(Time, Time), CoreError> {
        if to < from {
            return Err(DomainError::at(
                ErrorCode::DateInvalid,
                "to",
                "the period ends before it starts",
            )
            .into());
        }
        let offset = self.calendar().hours.offset;
        let at = |d: NaiveDate| {
            offset
                .from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))
                .single()
                .expect("a fixed offset maps every local time")
        };
        Ok((at(from), at(to + Duration::days(1))))
    }

    /// Names of every user, and their departments.
    pub(crate) fn people_labels(&self) -> Result<ReportLabels, CoreError> {
        let mut labels = ReportLabels::default();
        for user in self.all_users()? {
            let departments: Vec<String> = user
                .roles
                .iter()
                .filter_map(|g| g.department.clone())
                .collect();
            if !departments.is_empty() {
                labels.departments.insert(user.login.clone(), departments);
            }
            labels.people.insert(user.login.clone(), user.name.clone());
        }
        Ok(labels)
    }

    /// Names of people and of every version of every service.
    pub(crate) fn all_labels(&self) -> Result<ReportLabels, CoreError> {
        let mut labels = self.people_labels()?;
        for latest in self.catalog().services() {
            for service in self.catalog().versions(&latest.id) {
                add_service_labels(&mut labels, service);
            }
        }
        Ok(labels)
    }

    pub(crate) fn compute_report(
        &self,
        query: &ReportQuery,
        now: Time,
    ) -> Result<ReportView, CoreError> {
        let (start, end) = self.period_bounds(query.from, query.to)?;
        // An empty filter does not filter.
        let mut query = query.clone();
        for filter in [
            &mut query.service,
            &mut query.procedure,
            &mut query.executor,
            &mut query.department,
        ] {
            if filter.as_deref().is_some_and(|f| f.trim().is_empty()) {
                *filter = None;
            }
        }
        let query = &query;
        let scope = Scope {
            service: query.service.as_deref(),
            procedure: query.procedure.as_deref(),
            channel: query.channel,
            executor: query.executor.as_deref(),
        };
        let facts = cases_touching(self.store().conn(), start, end, &scope)?;
        let routes: Vec<CaseRoute> = facts
            .iter()
            .map(|case| CaseRoute {
                case,
                procedure: self
                    .catalog()
                    .version(&case.service, case.service_version)
                    .and_then(|s| s.procedure(&case.procedure)),
            })
            .collect();
        let mut labels = self.people_labels()?;
        let report = report::build(query, &routes, &labels.departments, self.calendar(), now);
        let mut seen = std::collections::BTreeSet::new();
        for case in &facts {
            if seen.insert((case.service.as_str(), case.service_version)) {
                if let Some(service) = self.catalog().version(&case.service, case.service_version) {
                    add_service_labels(&mut labels, service);
                }
            }
        }
        Ok(ReportView {
            access: ReportAccess::Full,
            report,
            labels,
        })
    }
}

/// Names of a service, its procedures, steps and refusal grounds (the first
/// version seen wins: labels of a newer version are not forced on older ids).
fn add_service_labels(labels: &mut ReportLabels, service: &ServiceDefinition) {
    labels
        .services
        .entry(service.id.clone())
        .or_insert_with(|| service.name.clone());
    for ground in &service.refusal_grounds {
        labels
            .grounds
            .entry(format!("{}/{}", service.id, ground.id))
            .or_insert_with(|| Text {
                kk: ground.kk.clone(),
                ru: ground.ru.clone(),
            });
    }
    for procedure in &service.procedures {
        labels
            .procedures
            .entry(format!("{}/{}", service.id, procedure.id))
            .or_insert_with(|| procedure.name.clone());
        for step in &procedure.steps {
            labels
                .steps
                .entry(format!("{}/{}/{}", service.id, procedure.id, step.id))
                .or_insert_with(|| StepLabel {
                    kind: Some(step.kind),
                    role: Some(step.role),
                    action: step.action.clone(),
                });
        }
    }
}
