//! Reports over a large journal: the quarterly state-services figures and
//! paper, the on-time statistics of a year, and 100,000 journal rows written
//! to .xlsx. The journal is built once here (never in tests): KENSE_BENCH_CASES
//! cases (default 100,000) registered evenly from 2017 to November 2026, each
//! with its whole history — a tenth with a late step, one in seventeen refused,
//! the newest 1 % still open.
//!
//! Run: `KENSE_BENCH_CASES=1000000 cargo bench -p kense-core --bench reports`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Span, FixedOffset, NaiveDate};
use kense_core::reports::write_xlsx;
use kense_core::{demo, Office};
use kense_domain::case::{
    validate_application, ApplicantInput, ApplicationInput, CaseStatus, RoutePosition,
};
use kense_domain::journal::JournalFilter;
use kense_domain::limit::Limit;
use kense_domain::regulation::Check;
use kense_domain::report::{GroupBy, ReportQuery};
use kense_domain::types::{Language, Role};
use kense_domain::workflow::{Action, HandOverMethod, RouteEvent};
use kense_store::{cases, events, Store};

const EXPORT_ROWS: usize = 100_000;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn event(
    at: DateTime<FixedOffset>,
    actor: &str,
    role: Role,
    step: &str,
    action: Action,
    due: Option<DateTime<FixedOffset>>,
) -> RouteEvent {
    RouteEvent {
        at,
        actor: actor.into(),
        role,
        acting_for_head: false,
        step: Some(step.into()),
        action,
        due,
    }
}

fn load(dir: &std::path::Path, total: usize, now: DateTime<FixedOffset>) {
    let mut office = Office::create(dir).unwrap();
    let first = at("2017-01-02T09:00:00+05:00");
    demo::seed_users(&mut office, first).unwrap();
    let terms = office.catalog().terms("small-vessel-certificate").unwrap();
    let due = |start, limit: &str| office.due_time(start, limit.parse::<Limit>().unwrap());
    let span_minutes = (now - Span::days(3) - first).num_minutes();
    let open_from = total - total / 100;
    let store = Store::open_existing(dir, &mut |_| Ok(())).unwrap();
    for chunk in (0..total).collect::<Vec<_>>().chunks(10_000) {
        store
            .write(|tx| {
                for &i in chunk {
                    let registered = first + Span::minutes(i as i64 * span_minutes / total as i64);
                    let channel = match i % 4 {
                        0 | 1 => "state_corp",
                        2 => "portal",
                        _ => "state_corp",
                    };
                    let procedure = if i % 5 == 0 { "duplicate" } else { "issue" };
                    let input = ApplicationInput {
                        service: "small-vessel-certificate".into(),
                        procedure: procedure.into(),
                        channel: channel.into(),
                        received_at: (registered - Span::minutes(5)).to_rfc3339(),
                        language: "kk".into(),
                        external_number: None,
                        applicant: ApplicantInput {
                            kind: "person".into(),
                            iin: Some("800416100254".into()),
                            bin: None,
                            name: format!("Өтініш беруші {i}"),
                            phone: String::new(),
                            address: String::new(),
                        },
                        representative: None,
                        documents: vec!["Өтініш".into()],
                    };
                    let valid = validate_application(&input, Some(&terms), registered).unwrap();
                    let case = cases::register(tx, &valid, registered, "clerk", "YYYY-NNNNNN")?;
                    let exec = format!("executor{}", if i % 2 == 0 { "" } else { "2" });
                    let mut history = vec![event(
                        registered,
                        "clerk",
                        Role::Clerk,
                        "register",
                        Action::Register {},
                        None,
                    )];
                    let resolved = registered + Span::minutes(30);
                    history.push(event(
                        resolved,
                        "head",
                        Role::Head,
                        "resolution",
                        Action::Resolve {
                            text: "Орындауға".into(),
                            executor: Some(exec.clone()),
                            dept_head: None,
                            deadline: None,
                        },
                        Some(due(registered, "2h")),
                    ));
                    let mut status = CaseStatus::Closed;
                    let mut route = RoutePosition::default();
                    if i >= open_from {
                        status = CaseStatus::InProgress;
                        route = RoutePosition {
                            step: Some("examine".into()),
                            role: Some(Role::Executor),
                            executor: Some(exec.clone()),
                            dept_head: None,
                            due_at: Some(due(resolved, "7wd")),
                            started_at: Some(resolved),
                        };
                    } else {
                        let late = i % 10 == 0;
                        let done = resolved + Span::days(if late { 12 } else { 1 });
                        history.push(event(
                            done - Span::minutes(1),
                            &exec,
                            Role::Executor,
                            "examine",
                            Action::RecordCheck {
                                check: Check::Completeness,
                                passed: Some(true),
                                note: String::new(),
                                value: "ok".into(),
                            },
                            None,
                        ));
                        let examine_due = Some(due(
                            resolved,
                            if procedure == "issue" { "7wd" } else { "1wd" },
                        ));
                        if i % 17 == 0 {
                            status = CaseStatus::Refused;
                            history.push(event(
                                done,
                                &exec,
                                Role::Executor,
                                "examine",
                                Action::DraftRefusal {
                                    grounds: vec!["incomplete-package".into()],
                                    missing_documents: vec![],
                                    text: String::new(),
                                },
                                examine_due,
                            ));
                        } else {
                            history.push(event(
                                done,
                                &exec,
                                Role::Executor,
                                "examine",
                                Action::Submit {
                                    fields: BTreeMap::new(),
                                    note: String::new(),
                                },
                                examine_due,
                            ));
                        }
                        let signed = done + Span::minutes(30);
                        history.push(event(
                            signed,
                            "head",
                            Role::Head,
                            "sign",
                            Action::Sign {
                                comment: String::new(),
                            },
                            Some(due(done, "2h")),
                        ));
                        history.push(event(
                            signed + Span::minutes(10),
                            "clerk",
                            Role::Clerk,
                            "hand-over",
                            Action::HandOver {
                                method: HandOverMethod::StateCorp,
                                outgoing_number: Some(format!("{i}/Ш")),
                                comment: String::new(),
                            },
                            Some(due(signed, "30min")),
                        ));
                    }
                    for e in &history {
                        events::append(tx, case.id, e)?;
                    }
                    cases::set_route(tx, case.id, status, &route)?;
                }
                Ok(())
            })
            .unwrap();
    }
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    samples.sort();
    samples[runs / 2]
}

fn line(what: &str, took: Duration, target_ms: f64) {
    let ms = took.as_secs_f64() * 1000.0;
    println!(
        "{what:<52} {ms:>9.1} ms   target ≤ {target_ms} ms   {}",
        if ms <= target_ms { "OK" } else { "MISSED" }
    );
}

fn main() {
    let total: usize = std::env::var("KENSE_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let now = at("2026-11-23T11:00:00+05:00");
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    load(dir.path(), total, now);
    println!(
        "built a journal of {total} cases with their histories in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let office = Office::open(dir.path()).unwrap();
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let query = |from: &str, to: &str| ReportQuery {
        from: d(from),
        to: d(to),
        service: None,
        procedure: None,
        channel: None,
        executor: None,
        department: None,
        by: GroupBy::Service,
    };

    let quarter = query("2026-07-01", "2026-09-30");
    let view = office
        .report(&signed_in(&office, "head"), &quarter, now)
        .unwrap();
    println!(
        "quarter 2026-Q3: {} received, {} completed, {} late, {} late steps listed",
        view.report.counts.received,
        view.report.counts.completed,
        view.report.counts.late,
        view.report.late_steps.len()
    );
    line(
        "quarterly report: figures (report, Q3 2026)",
        time(5, || {
            office
                .report(&signed_in(&office, "head"), &quarter, now)
                .unwrap()
        }),
        300.0,
    );
    line(
        "quarterly report: the PDF draft (kk)",
        time(5, || {
            office
                .quarterly_draft(
                    &signed_in(&office, "head"),
                    quarter.from,
                    quarter.to,
                    Language::Kk,
                    now,
                )
                .unwrap()
        }),
        300.0,
    );
    let year = query("2025-01-01", "2025-12-31");
    let view = office
        .report(&signed_in(&office, "head"), &year, now)
        .unwrap();
    println!(
        "year 2025: {} completed, on time {:.1} %",
        view.report.counts.completed,
        view.report.counts.on_time_share.unwrap_or(0.0) * 100.0
    );
    line(
        "on-time statistics: a year (2025)",
        time(3, || {
            office
                .report(&signed_in(&office, "head"), &year, now)
                .unwrap()
        }),
        300.0,
    );

    // The newest EXPORT_ROWS cases by registration date.
    let days = (EXPORT_ROWS as f64 / total as f64 * 3600.0).ceil() as i64;
    let filter = JournalFilter {
        from: Some((now.date_naive() - Span::days(days.min(3600))).to_string()),
        ..JournalFilter::default()
    };
    let mut rows = 0;
    let took = time(3, || {
        let mut sheets = office
            .journal_sheets(&signed_in(&office, "head"), &filter, Language::Ru, now)
            .unwrap();
        sheets[0].rows.truncate(EXPORT_ROWS);
        rows = sheets[0].rows.len();
        write_xlsx(&sheets, &mut |_, _| true).unwrap()
    });
    line(
        &format!("journal export to .xlsx: {rows} rows"),
        took,
        5000.0,
    );
}

/// `login` signed in with the demo PIN: every operation of the office takes
/// the session of a signed-in user.
fn signed_in(office: &Office, login: &str) -> kense_core::Session {
    let now = DateTime::parse_from_rfc3339("2026-01-01T09:00:00+05:00").unwrap();
    office
        .sign_in(login, demo::demo_pin(login), now)
        .unwrap_or_else(|e| panic!("{login} signs in: {e}"))
}
