//! What the administrator's screen and `kense-cli services` / `calendar` show.

use chrono::NaiveDate;
use kense_domain::calendar::{DayNote, WorkingCalendar};
use kense_domain::regulation::{RejectedFile, ServiceDefinition, Step};
use kense_domain::types::{Role, Text};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every loaded service with its procedures and versions, and the files refused.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ServicesReport {
    pub services: Vec<ServiceReport>,
    pub rejected: Vec<RejectedFile>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ServiceReport {
    pub id: String,
    pub name: Text,
    /// The latest version.
    pub version: u32,
    pub versions: Vec<VersionInfo>,
    /// The procedures of the latest version.
    pub procedures: Vec<ProcedureReport>,
}

/// Where a version came from: a bundled file, or an edit made in the app.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VersionInfo {
    pub version: u32,
    #[ts(type = "string")]
    pub effective_from: NaiveDate,
    /// The file name, or `db:<service>@<version>` for an edit.
    pub source: String,
    #[ts(optional)]
    pub created_by: Option<String>,
    #[ts(optional)]
    pub created_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProcedureReport {
    pub id: String,
    pub name: Text,
    pub steps: Vec<StepReport>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StepReport {
    pub id: String,
    pub role: Role,
    pub action: Text,
    pub limit: String,
    /// The refusal branch's own limit; `None` when it has none of its own.
    #[ts(optional)]
    pub refusal_limit: Option<String>,
    /// Whether the step may end in a refusal.
    pub can_refuse: bool,
    /// Per-channel limits, e.g. `{ "portal": "20min" }`.
    #[ts(type = "Record<string, string>")]
    pub limit_by_channel: std::collections::BTreeMap<String, String>,
}

/// One day off on a weekday, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DayOffView {
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[serde(flatten)]
    #[ts(flatten)]
    pub note: DayNote,
}

/// The office's opening hours, as `HH:MM` texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct OfficeHoursInput {
    pub opens: String,
    pub closes: String,
    pub lunch_from: String,
    pub lunch_until: String,
}

/// A year of the working calendar as the office sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CalendarYear {
    pub year: i32,
    /// Not yet confirmed by the government's yearly acts.
    pub provisional: bool,
    pub days_off: Vec<DayOffView>,
    #[ts(type = "Array<string>")]
    pub working_weekend_days: Vec<NaiveDate>,
    pub office_hours: OfficeHoursInput,
    pub utc_offset: String,
    /// Working minutes in one office day under these hours.
    pub work_day_minutes: u32,
}

impl ServiceReport {
    pub fn new(latest: &ServiceDefinition, versions: Vec<VersionInfo>) -> ServiceReport {
        ServiceReport {
            id: latest.id.clone(),
            name: latest.name.clone(),
            version: latest.version,
            versions,
            procedures: latest
                .procedures
                .iter()
                .map(|p| ProcedureReport {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    steps: p.steps.iter().map(StepReport::new).collect(),
                })
                .collect(),
        }
    }
}

impl StepReport {
    fn new(step: &Step) -> StepReport {
        StepReport {
            id: step.id.clone(),
            role: step.role,
            action: step.action.clone(),
            limit: step.limit.to_string(),
            refusal_limit: step
                .refusal
                .as_ref()
                .and_then(|r| r.limit)
                .map(|l| l.to_string()),
            can_refuse: step.refusal.is_some(),
            limit_by_channel: step
                .limit_by_channel
                .entries()
                .iter()
                .map(|(c, l)| (c.code().to_string(), l.to_string()))
                .collect(),
        }
    }
}

impl CalendarYear {
    pub fn new(cal: &WorkingCalendar, year: i32) -> CalendarYear {
        let view = cal.year_view(year);
        let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
        CalendarYear {
            year,
            provisional: view.provisional,
            days_off: view
                .days_off
                .into_iter()
                .map(|(date, note)| DayOffView { date, note })
                .collect(),
            working_weekend_days: view.working_weekend_days,
            office_hours: OfficeHoursInput {
                opens: hhmm(cal.hours.opens),
                closes: hhmm(cal.hours.closes),
                lunch_from: hhmm(cal.hours.lunch_from),
                lunch_until: hhmm(cal.hours.lunch_until),
            },
            utc_offset: cal.hours.offset.to_string(),
            work_day_minutes: cal.hours.work_day_minutes(),
        }
    }
}
