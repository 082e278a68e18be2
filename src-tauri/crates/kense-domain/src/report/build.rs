//! Folds the period's cases into a [`Report`].

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};

use super::spans::step_spans;
use super::stats::Durations;
use super::*;
use crate::calendar::WorkingCalendar;
use crate::case::CaseStatus;
use crate::regulation::Procedure;
use crate::types::{Channel, Role};
use crate::workflow::ActionKind;

type Time = DateTime<FixedOffset>;

/// A case with the procedure of its regulation version (`None` if that
/// version is no longer known: its steps then have no limit).
#[derive(Debug, Clone, Copy)]
pub struct CaseRoute<'a> {
    pub case: &'a CaseFacts,
    pub procedure: Option<&'a Procedure>,
}

impl Counts {
    fn receive(&mut self) {
        self.received += 1;
    }

    fn open(&mut self) {
        self.in_progress += 1;
    }

    fn end(&mut self, status: CaseStatus, late: bool) {
        match status {
            CaseStatus::Closed => self.issued += 1,
            CaseStatus::Refused => self.refused += 1,
            CaseStatus::Withdrawn => {
                self.withdrawn += 1;
                return;
            }
            _ => return,
        }
        self.completed += 1;
        if late {
            self.late += 1;
        } else {
            self.on_time += 1;
        }
    }

    fn finish(&mut self) {
        self.on_time_share =
            (self.completed > 0).then(|| f64::from(self.on_time) / f64::from(self.completed));
    }
}

fn load<'m>(w: &'m mut BTreeMap<String, ExecutorLoad>, login: &str) -> &'m mut ExecutorLoad {
    w.entry(login.to_string()).or_insert_with(|| ExecutorLoad {
        executor: login.to_string(),
        open: 0,
        completed: 0,
        late: 0,
    })
}

fn monday(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

fn selected(
    query: &ReportQuery,
    case: &CaseFacts,
    departments: &BTreeMap<String, Vec<String>>,
) -> bool {
    let same = |want: &Option<String>, have: &str| want.as_deref().is_none_or(|w| w == have);
    same(&query.service, &case.service)
        && same(&query.procedure, &case.procedure)
        && query.channel.is_none_or(|c| c == case.channel)
        && query
            .executor
            .as_deref()
            .is_none_or(|e| case.executor.as_deref() == Some(e))
        && query.department.as_deref().is_none_or(|d| {
            case.executor
                .as_ref()
                .and_then(|e| departments.get(e))
                .is_some_and(|list| list.iter().any(|x| x == d))
        })
}

fn group_key(by: GroupBy, case: &CaseFacts) -> String {
    match by {
        GroupBy::Service => case.service.clone(),
        GroupBy::Executor => case.executor.clone().unwrap_or_default(),
        GroupBy::Channel => case.channel.code().to_string(),
    }
}

/// The report of `query` over `cases` (any superset of the cases registered
/// by the period's end and not ended before its start). `departments` maps a
/// login to its departments; `now` decides which open steps are overdue.
pub fn build(
    query: &ReportQuery,
    cases: &[CaseRoute<'_>],
    departments: &BTreeMap<String, Vec<String>>,
    cal: &WorkingCalendar,
    now: Time,
) -> Report {
    let offset = cal.hours.offset;
    let day_of = |t: Time| t.with_timezone(&offset).date_naive();
    let (from, to) = (query.from, query.to.max(query.from));
    let in_period = |d: NaiveDate| from <= d && d <= to;
    let today = day_of(now);

    let mut counts = Counts::default();
    let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
    let mut services: BTreeMap<String, ServiceLine> = BTreeMap::new();
    let mut grounds: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut late_steps = Vec::new();
    let mut step_times: BTreeMap<(String, String, String), (Option<Role>, Durations)> =
        BTreeMap::new();
    let mut executor_times: BTreeMap<String, Durations> = BTreeMap::new();
    let mut workload: BTreeMap<String, ExecutorLoad> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, DayLoad> = BTreeMap::new();
    let mut weeks: BTreeMap<NaiveDate, WeekRow> = BTreeMap::new();
    let mut d = from;
    while d <= to {
        days.insert(
            d,
            DayLoad {
                day: d,
                received: 0,
                completed: 0,
                steps: 0,
            },
        );
        weeks.entry(monday(d).max(from)).or_insert_with(|| WeekRow {
            week: monday(d).max(from),
            received: BTreeMap::new(),
            completed: 0,
            on_time: 0,
        });
        d = d.succ_opt().expect("within chrono's range");
    }
    let week_of = |d: NaiveDate| monday(d).max(from);

    for route in cases {
        let case = route.case;
        let registered = day_of(case.registered_at);
        let finished = case.finished_at.map(day_of);
        if registered > to
            || finished.is_some_and(|f| f < from)
            || !selected(query, case, departments)
        {
            continue;
        }
        let group = groups.entry(group_key(query.by, case)).or_default();
        let spans = step_spans(route.procedure, case.channel, &case.history, cal);
        if in_period(registered) {
            counts.receive();
            group.receive();
            if let Some(day) = days.get_mut(&registered) {
                day.received += 1;
            }
            if let Some(week) = weeks.get_mut(&week_of(registered)) {
                *week.received.entry(case.service.clone()).or_default() += 1;
            }
        }
        let ended = finished.filter(|f| in_period(*f));
        match ended {
            Some(day) => {
                let late = spans.iter().any(|s| s.late);
                counts.end(case.status, late);
                group.end(case.status, late);
                let completed = matches!(case.status, CaseStatus::Closed | CaseStatus::Refused);
                if completed {
                    if let Some(d) = days.get_mut(&day) {
                        d.completed += 1;
                    }
                    if let Some(w) = weeks.get_mut(&week_of(day)) {
                        w.completed += 1;
                        w.on_time += u32::from(!late);
                    }
                    let line =
                        services
                            .entry(case.service.clone())
                            .or_insert_with(|| ServiceLine {
                                service: case.service.clone(),
                                ..ServiceLine::default()
                            });
                    line.rendered += 1;
                    line.portal += u32::from(case.channel == Channel::Portal);
                    line.state_corp += u32::from(case.channel == Channel::StateCorp);
                    line.violations += u32::from(late);
                    if let Some(exec) = &case.executor {
                        load(&mut workload, exec).completed += 1;
                    }
                }
                if case.status == CaseStatus::Refused {
                    if let Some(line) = services.get_mut(&case.service) {
                        line.refused += 1;
                    }
                    let cited = case
                        .history
                        .iter()
                        .rev()
                        .find(|l| l.kind == ActionKind::DraftRefusal)
                        .map(|l| l.grounds.clone())
                        .unwrap_or_default();
                    for ground in cited {
                        *grounds.entry((case.service.clone(), ground)).or_default() += 1;
                    }
                }
            }
            None => {
                counts.open();
                group.open();
                if let Some(exec) = &case.executor {
                    load(&mut workload, exec).open += 1;
                }
            }
        }
        for span in spans
            .iter()
            .filter(|s| in_period(day_of(s.ended)) && !s.withdrawn)
        {
            if let Some(d) = days.get_mut(&day_of(span.ended)) {
                d.steps += 1;
            }
            step_times
                .entry((
                    case.service.clone(),
                    case.procedure.clone(),
                    span.step.clone(),
                ))
                .or_insert_with(|| (Some(span.role), Durations::default()))
                .1
                .add(span.worked_minutes, span.limit_minutes, span.late);
            if span.role == Role::Executor {
                executor_times.entry(span.person.clone()).or_default().add(
                    span.worked_minutes,
                    span.limit_minutes,
                    span.late,
                );
            }
            if span.late {
                let due = span.due.expect("a late step has a due time");
                if span.role == Role::Executor {
                    load(&mut workload, &span.person).late += 1;
                }
                late_steps.push(LateStep {
                    case_number: case.number.clone(),
                    service: case.service.clone(),
                    procedure: case.procedure.clone(),
                    step: span.step.clone(),
                    role: span.role,
                    person: Some(span.person.clone()),
                    started: span.started,
                    due,
                    ended: Some(span.ended),
                    overdue_minutes: cal.working_minutes_between(due, span.ended),
                });
            }
        }
        // The step open now, overdue now: only while the period reaches today.
        if case.finished_at.is_none() && to >= today {
            if let (Some(step), Some(started), Some(due)) =
                (&case.current_step, case.step_started_at, case.due_at)
            {
                if super::was_late(now, due) {
                    let role = route
                        .procedure
                        .and_then(|p| p.step(step))
                        .map(|s| s.role)
                        .unwrap_or(Role::Executor);
                    let person = (role == Role::Executor)
                        .then(|| case.executor.clone())
                        .flatten();
                    if let Some(p) = &person {
                        load(&mut workload, p).late += 1;
                    }
                    late_steps.push(LateStep {
                        case_number: case.number.clone(),
                        service: case.service.clone(),
                        procedure: case.procedure.clone(),
                        step: step.clone(),
                        role,
                        person,
                        started,
                        due,
                        ended: None,
                        overdue_minutes: cal.working_minutes_between(due, now),
                    });
                }
            }
        }
    }

    counts.finish();
    let groups: Vec<GroupRow> = groups
        .into_iter()
        .map(|(key, mut counts)| {
            counts.finish();
            GroupRow { key, counts }
        })
        .collect();
    late_steps.sort_by(|a, b| (&a.case_number, a.started).cmp(&(&b.case_number, b.started)));
    Report {
        query: query.clone(),
        counts,
        grounds: grounds
            .into_iter()
            .map(|((service, ground), count)| GroundCount {
                service,
                ground,
                count,
            })
            .collect(),
        late_steps,
        step_times: step_times
            .into_iter()
            .map(|((service, procedure, step), (role, mut d))| {
                let (count, median, p90, max, limit) = d.summary();
                DurationRow {
                    key: format!("{service}/{procedure}/{step}"),
                    service,
                    procedure,
                    step,
                    role,
                    count,
                    median,
                    p90,
                    max,
                    limit,
                    late: d.late,
                }
            })
            .collect(),
        executor_times: executor_times
            .into_iter()
            .map(|(login, mut d)| {
                let (count, median, p90, max, limit) = d.summary();
                DurationRow {
                    key: login,
                    service: String::new(),
                    procedure: String::new(),
                    step: String::new(),
                    role: Some(Role::Executor),
                    count,
                    median,
                    p90,
                    max,
                    limit,
                    late: d.late,
                }
            })
            .collect(),
        workload: workload.into_values().collect(),
        days: days.into_values().collect(),
        weeks: weeks.into_values().collect(),
        groups,
        services: services.into_values().collect(),
    }
}
