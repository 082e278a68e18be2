//! A report as plain tables (headers in kk or ru, typed cells), shared by the
//! .xlsx and CSV writers.

use chrono::{NaiveDate, NaiveDateTime};
use kense_domain::case::Case;
use kense_domain::regulation::StepKind;
use kense_domain::types::{Language, Role, Text};

use super::{ReportAccess, ReportLabels, ReportView};
use crate::documents::text;

/// One cell, typed so that a spreadsheet gets numbers and dates, not text.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    Empty,
    Text(String),
    Int(i64),
    /// A share 0–1, shown as a percentage.
    Share(f64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

/// A table: its name, headers, column widths (characters) and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<SheetCell>>,
}

impl Sheet {
    fn new(key: &str, lang: Language, columns: &[(&str, f64)]) -> Sheet {
        Sheet {
            name: text(&format!("reports.sheet.{key}"), lang),
            headers: columns
                .iter()
                .map(|(k, _)| text(&format!("reports.col.{k}"), lang))
                .collect(),
            widths: columns.iter().map(|(_, w)| *w).collect(),
            rows: Vec::new(),
        }
    }
}

fn int(n: impl Into<i64>) -> SheetCell {
    SheetCell::Int(n.into())
}

fn txt(s: impl Into<String>) -> SheetCell {
    SheetCell::Text(s.into())
}

fn name(map: &std::collections::BTreeMap<String, Text>, key: &str, lang: Language) -> String {
    map.get(key)
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| key.to_string())
}

pub(crate) fn role_name(role: Role, lang: Language) -> String {
    text(&format!("users_admin.role.{}", role.code()), lang)
}

pub(crate) fn step_name(labels: &ReportLabels, key: &str, step: &str, lang: Language) -> String {
    match labels.steps.get(key).and_then(|l| l.kind) {
        Some(kind) => kind_name(kind, lang),
        None => step.to_string(),
    }
}

pub(crate) fn kind_name(kind: StepKind, lang: Language) -> String {
    text(&format!("reports.step_kind.{}", kind.code()), lang)
}

fn local(t: &chrono::DateTime<chrono::FixedOffset>) -> SheetCell {
    SheetCell::DateTime(t.naive_local())
}

/// Every table of a report (the per-person ones only with full access).
pub fn report_tables(view: &ReportView, lang: Language) -> Vec<Sheet> {
    let r = &view.report;
    let l = &view.labels;
    let person = |login: &str| name(&l.people, login, lang);
    let mut out = Vec::new();

    let mut summary = Sheet::new("summary", lang, &[("figure", 40.0), ("value", 14.0)]);
    let c = &r.counts;
    summary.rows.push(vec![
        txt(text("reports.col.from", lang)),
        SheetCell::Date(r.query.from),
    ]);
    summary.rows.push(vec![
        txt(text("reports.col.to", lang)),
        SheetCell::Date(r.query.to),
    ]);
    for (key, value) in c.named() {
        summary.rows.push(vec![
            txt(text(&format!("reports.count.{key}"), lang)),
            int(value),
        ]);
    }
    summary.rows.push(vec![
        txt(text("reports.count.on_time_share", lang)),
        c.on_time_share
            .map(SheetCell::Share)
            .unwrap_or(SheetCell::Empty),
    ]);
    out.push(summary);

    let by = match r.query.by {
        kense_domain::report::GroupBy::Service => "service",
        kense_domain::report::GroupBy::Executor => "executor",
        kense_domain::report::GroupBy::Channel => "channel",
    };
    let mut groups = Sheet::new(
        "groups",
        lang,
        &[
            (by, 48.0),
            ("received", 12.0),
            ("in_progress", 12.0),
            ("completed", 12.0),
            ("issued", 12.0),
            ("refused", 12.0),
            ("withdrawn", 12.0),
            ("on_time", 12.0),
            ("late", 12.0),
            ("on_time_share", 12.0),
        ],
    );
    for g in &r.groups {
        let key = match by {
            "service" => name(&l.services, &g.key, lang),
            "executor" if g.key.is_empty() => text("reports.none", lang),
            "executor" => person(&g.key),
            _ => text(&format!("channel.{}", g.key), lang),
        };
        let c = &g.counts;
        groups.rows.push(vec![
            txt(key),
            int(c.received),
            int(c.in_progress),
            int(c.completed),
            int(c.issued),
            int(c.refused),
            int(c.withdrawn),
            int(c.on_time),
            int(c.late),
            c.on_time_share
                .map(SheetCell::Share)
                .unwrap_or(SheetCell::Empty),
        ]);
    }
    out.push(groups);

    let mut services = Sheet::new(
        "services",
        lang,
        &[
            ("service", 60.0),
            ("rendered", 12.0),
            ("portal", 12.0),
            ("state_corp", 14.0),
            ("refused", 12.0),
            ("violations", 14.0),
        ],
    );
    for s in &r.services {
        services.rows.push(vec![
            txt(name(&l.services, &s.service, lang)),
            int(s.rendered),
            int(s.portal),
            int(s.state_corp),
            int(s.refused),
            int(s.violations),
        ]);
    }
    out.push(services);

    let mut grounds = Sheet::new(
        "grounds",
        lang,
        &[("service", 40.0), ("ground", 70.0), ("count", 10.0)],
    );
    for g in &r.grounds {
        grounds.rows.push(vec![
            txt(name(&l.services, &g.service, lang)),
            txt(name(
                &l.grounds,
                &format!("{}/{}", g.service, g.ground),
                lang,
            )),
            int(g.count),
        ]);
    }
    out.push(grounds);

    if view.access == ReportAccess::Counts {
        out.push(days_sheet(view, lang));
        return out;
    }

    let mut late = Sheet::new(
        "late",
        lang,
        &[
            ("case", 14.0),
            ("service", 36.0),
            ("step", 26.0),
            ("role", 18.0),
            ("person", 28.0),
            ("started", 17.0),
            ("due", 17.0),
            ("ended", 17.0),
            ("overdue_minutes", 14.0),
        ],
    );
    for s in &r.late_steps {
        let key = format!("{}/{}/{}", s.service, s.procedure, s.step);
        late.rows.push(vec![
            txt(&s.case_number),
            txt(name(&l.services, &s.service, lang)),
            txt(step_name(l, &key, &s.step, lang)),
            txt(role_name(s.role, lang)),
            s.person
                .as_deref()
                .map(|p| txt(person(p)))
                .unwrap_or(SheetCell::Empty),
            local(&s.started),
            local(&s.due),
            s.ended.as_ref().map(local).unwrap_or(SheetCell::Empty),
            int(s.overdue_minutes),
        ]);
    }
    out.push(late);

    let duration_cols: [(&str, f64); 6] = [
        ("count", 10.0),
        ("median", 12.0),
        ("p90", 12.0),
        ("max", 12.0),
        ("limit", 12.0),
        ("late", 10.0),
    ];
    let mut cols = vec![
        ("service", 40.0),
        ("procedure", 34.0),
        ("step", 26.0),
        ("role", 18.0),
    ];
    cols.extend(duration_cols);
    let mut steps = Sheet::new("steps", lang, &cols);
    for s in &r.step_times {
        steps.rows.push(vec![
            txt(name(&l.services, &s.service, lang)),
            txt(name(
                &l.procedures,
                &format!("{}/{}", s.service, s.procedure),
                lang,
            )),
            txt(step_name(l, &s.key, &s.step, lang)),
            s.role
                .map(|r| txt(role_name(r, lang)))
                .unwrap_or(SheetCell::Empty),
            int(s.count),
            int(s.median),
            int(s.p90),
            int(s.max),
            int(s.limit),
            int(s.late),
        ]);
    }
    out.push(steps);

    let mut cols = vec![("executor", 32.0)];
    cols.extend(duration_cols);
    let mut execs = Sheet::new("executors", lang, &cols);
    for s in &r.executor_times {
        execs.rows.push(vec![
            txt(person(&s.key)),
            int(s.count),
            int(s.median),
            int(s.p90),
            int(s.max),
            int(s.limit),
            int(s.late),
        ]);
    }
    out.push(execs);

    let mut load = Sheet::new(
        "workload",
        lang,
        &[
            ("executor", 32.0),
            ("open", 12.0),
            ("completed", 12.0),
            ("late", 12.0),
        ],
    );
    for w in &r.workload {
        load.rows.push(vec![
            txt(person(&w.executor)),
            int(w.open),
            int(w.completed),
            int(w.late),
        ]);
    }
    out.push(load);
    out.push(days_sheet(view, lang));
    out
}

fn days_sheet(view: &ReportView, lang: Language) -> Sheet {
    let mut days = Sheet::new(
        "days",
        lang,
        &[
            ("day", 12.0),
            ("received", 12.0),
            ("completed", 12.0),
            ("steps", 12.0),
        ],
    );
    for d in &view.report.days {
        days.rows.push(vec![
            SheetCell::Date(d.day),
            int(d.received),
            int(d.completed),
            int(d.steps),
        ]);
    }
    days
}

/// The journal's columns.
pub(crate) fn journal_sheet(lang: Language) -> Sheet {
    Sheet::new(
        "journal",
        lang,
        &[
            ("number", 13.0),
            ("registered", 17.0),
            ("received_at", 17.0),
            ("channel", 22.0),
            ("applicant", 36.0),
            ("iin_bin", 14.0),
            ("service", 48.0),
            ("procedure", 34.0),
            ("status", 16.0),
            ("step", 26.0),
            ("executor", 28.0),
            ("due", 17.0),
        ],
    )
}

/// One journal line in the journal's columns.
pub(crate) fn journal_row(case: &Case, labels: &ReportLabels, lang: Language) -> Vec<SheetCell> {
    let step_key = case
        .route
        .step
        .as_ref()
        .map(|s| format!("{}/{}/{}", case.service, case.procedure, s));
    vec![
        txt(&case.number),
        local(&case.registered_at),
        local(&case.received_at),
        txt(text(&format!("channel.{}", case.channel.code()), lang)),
        txt(&case.applicant.name),
        txt(&case.applicant.id_number),
        txt(name(&labels.services, &case.service, lang)),
        txt(name(
            &labels.procedures,
            &format!("{}/{}", case.service, case.procedure),
            lang,
        )),
        txt(text(&format!("status.{}", case.status.code()), lang)),
        match (&step_key, &case.route.step) {
            (Some(key), Some(step)) => txt(step_name(labels, key, step, lang)),
            _ => SheetCell::Empty,
        },
        case.route
            .executor
            .as_deref()
            .map(|e| txt(name(&labels.people, e, lang)))
            .unwrap_or(SheetCell::Empty),
        case.route
            .due_at
            .as_ref()
            .map(local)
            .unwrap_or(SheetCell::Empty),
    ]
}
