//! The reports screen in the real window, in Kazakh and in Russian, over a
//! journal of two months of finished and open cases of several services:
//! counts, charts and tables shown; screenshots for a person to look at.

mod driver;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};
use driver::{Desk, TauriDriver, NOW};
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput};
use kense_domain::regulation::{Check, StepKind};
use kense_domain::types::ApplicantKind;
use kense_domain::workflow::{Action, HandOverMethod};

type Time = DateTime<FixedOffset>;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The act at the case's current step, and who does it; `late` makes the step overrun.
fn step_acts(
    office: &Office,
    number: &str,
    now: Time,
    executor: &str,
) -> Option<(String, Vec<Action>, StepKind)> {
    let view = office
        .case_view(&signed_in(office, "admin"), number, now)
        .unwrap();
    let step = view.step.clone()?;
    let service = office
        .catalog()
        .version(&view.case.service, view.case.service_version)
        .unwrap();
    let procedure = service.procedure(&view.case.procedure).unwrap();
    let index = procedure
        .steps
        .iter()
        .position(|s| s.id == step.id)
        .unwrap();
    let next_is_assign = procedure
        .steps
        .get(index + 1)
        .is_some_and(|s| s.kind == StepKind::AssignExecutor);
    let checks: Vec<Action> = step
        .checks
        .iter()
        .map(|c| Action::RecordCheck {
            check: *c,
            passed: Some(true),
            note: String::new(),
            value: if *c == Check::Completeness {
                complete_package(service)
            } else {
                "ok".into()
            },
        })
        .collect();
    let (who, mut acts) = match step.kind {
        StepKind::Resolution => (
            "head".to_string(),
            vec![Action::Resolve {
                text: "Орындауға".into(),
                executor: (!next_is_assign).then(|| executor.to_string()),
                dept_head: next_is_assign.then(|| "depthead".to_string()),
                deadline: None,
            }],
        ),
        StepKind::AssignExecutor => (
            "depthead".into(),
            vec![Action::AssignExecutor {
                executor: executor.into(),
                text: String::new(),
            }],
        ),
        StepKind::ExternalApproval => {
            let body = "Облыстық санитариялық-эпидемиологиялық бақылау департаменті".to_string();
            (
                executor.into(),
                vec![
                    Action::SendExternal {
                        bodies: vec![body.clone()],
                        sent_on: now.date_naive().to_string(),
                    },
                    Action::RecordConclusion {
                        body,
                        positive: true,
                        text: "Келісілді".into(),
                        date: now.date_naive().to_string(),
                    },
                ],
            )
        }
        StepKind::Sign => (
            "head".into(),
            vec![Action::Sign {
                comment: String::new(),
            }],
        ),
        StepKind::HandOver => (
            "clerk".into(),
            vec![Action::HandOver {
                method: HandOverMethod::StateCorp,
                outgoing_number: None,
                comment: String::new(),
            }],
        ),
        StepKind::Formalise => (
            executor.into(),
            vec![Action::Formalise {
                method: HandOverMethod::Post,
                outgoing_number: None,
                note: String::new(),
            }],
        ),
        _ => (executor.into(), Vec::new()),
    };
    if !matches!(
        step.kind,
        StepKind::Resolution
            | StepKind::AssignExecutor
            | StepKind::Sign
            | StepKind::HandOver
            | StepKind::Formalise
    ) {
        let mut all = checks;
        all.append(&mut acts);
        all.push(Action::Submit {
            fields: BTreeMap::from([("note".to_string(), "Сынақ".to_string())]),
            note: String::new(),
        });
        acts = all;
    }
    Some((who, acts, step.kind))
}

/// Two months of work: cases of four services registered on working mornings
/// from 1 October, walked to their end (a few late, a few refused), and the
/// newest still open.
fn seed(dir: &std::path::Path) {
    let mut office = if dir.join("journal.sqlite").exists() {
        Office::open(dir)
    } else {
        Office::create(dir)
    }
    .unwrap();
    demo::seed(&mut office, at("2026-09-30T09:00:00+05:00")).unwrap();
    let services = [
        ("small-vessel-certificate", "issue"),
        ("real-estate-address-reference", "assign"),
        ("intl-inspection-certificate", "certificate"),
        ("small-vessel-certificate", "duplicate"),
    ];
    let mut day = at("2026-10-01T09:40:00+05:00");
    let end = at(NOW) - Duration::days(1);
    let mut i = 0usize;
    while day < end {
        if day.format("%u").to_string().parse::<u32>().unwrap() <= 5 {
            for k in 0..2 {
                let (service, procedure) = services[(i + k) % services.len()];
                let Some(def) = office.catalog().latest(service) else {
                    continue;
                };
                let procedure = if def.procedure(procedure).is_some() {
                    procedure.to_string()
                } else {
                    def.procedures[0].id.clone()
                };
                let kind = def.applicant_kinds[0];
                let channel = def.channels[(i + k) % def.channels.len()];
                let (iin, bin) = match kind {
                    ApplicantKind::Person => (Some("800416100254".to_string()), None),
                    ApplicantKind::Organisation => (None, Some("940140000385".to_string())),
                };
                let registered = day + Duration::minutes(35 * k as i64);
                let input = ApplicationInput {
                    service: service.into(),
                    procedure,
                    channel: channel.code().into(),
                    received_at: (registered - Duration::minutes(5)).to_rfc3339(),
                    language: "kk".into(),
                    external_number: None,
                    applicant: ApplicantInput {
                        kind: kind.code().into(),
                        iin,
                        bin,
                        name: format!("Өтініш беруші {i}"),
                        phone: String::new(),
                        address: String::new(),
                    },
                    representative: None,
                    documents: vec!["Өтініш".into()],
                };
                let number = office
                    .register(&signed_in(&office, "clerk"), &input, registered)
                    .unwrap()
                    .number;
                let executor = if (i + k).is_multiple_of(3) {
                    "executor2"
                } else {
                    "executor"
                };
                let mut now = registered;
                let open_case = registered > end - Duration::days(6) && k == 0;
                let refuse = (i + k) % 6 == 5;
                for _ in 0..20 {
                    let Some((who, acts, kind)) = step_acts(&office, &number, now, executor) else {
                        break;
                    };
                    if open_case && kind != StepKind::Resolution {
                        break;
                    }
                    let pace = match kind {
                        StepKind::Resolution if (i + k) % 7 == 3 => Duration::hours(26),
                        StepKind::Resolution | StepKind::AssignExecutor => Duration::minutes(40),
                        StepKind::Sign => Duration::minutes(50),
                        StepKind::HandOver | StepKind::Formalise => Duration::minutes(15),
                        _ if (i + k) % 9 == 4 => Duration::days(12),
                        _ => Duration::hours(20 + 3 * ((i + k) % 5) as i64),
                    };
                    now += pace;
                    if refuse
                        && !matches!(
                            kind,
                            StepKind::Resolution
                                | StepKind::AssignExecutor
                                | StepKind::Sign
                                | StepKind::HandOver
                        )
                    {
                        let view = office
                            .case_view(&signed_in(&office, "admin"), &number, now)
                            .unwrap();
                        if view.step.as_ref().is_some_and(|s| s.can_refuse) {
                            // The grounds the domain opens at this step.
                            let grounds = view.step.as_ref().unwrap().refusal_grounds[..1].to_vec();
                            office
                                .act(
                                    &signed_in(&office, executor),
                                    &number,
                                    Action::DraftRefusal {
                                        grounds,
                                        missing_documents: vec![],
                                        text: "Негіздеме".into(),
                                    },
                                    now,
                                )
                                .unwrap();
                            continue;
                        }
                    }
                    for act in acts {
                        now += Duration::minutes(1);
                        office
                            .act(&signed_in(&office, &who), &number, act.clone(), now)
                            .unwrap_or_else(|e| panic!("{number}: {who} {act:?}: {e}"));
                    }
                }
            }
            i += 2;
        }
        day += Duration::days(1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_head_reads_the_quarter_in_both_languages() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let driver = TauriDriver::start().await;
    let desk = Desk::open(&driver, data.path()).await;
    desk.sign_in("head", "111111").await;
    desk.click("#nav-reports").await;
    desk.wait_for("#report-counts .count[data-key='received']")
        .await;
    desk.wait_for("#chart-weekly canvas").await;
    desk.wait_for("#chart-durations canvas").await;
    let received: u32 = desk
        .text("#report-counts .count[data-key='received'] .value")
        .await
        .parse()
        .unwrap();
    assert!(received > 40, "{received} received this quarter");
    assert!(
        desk.exists("#report-late tbody tr").await,
        "late steps are listed"
    );
    desk.screenshot("30-reports-kk.png").await;
    desk.click("#report-by option[value='executor']").await;
    desk.click("#report-show").await;
    desk.wait_for("#report-groups tr[data-key='executor2']")
        .await;
    desk.click("#lang-ru").await;
    desk.wait_for_text("#reports h2", "Отчёты").await;
    desk.screenshot("31-reports-ru.png").await;
    desk.eval("document.querySelector('#chart-durations').scrollIntoView()")
        .await;
    desk.screenshot("32-reports-ru-durations.png").await;

    // The clerk sees the chancellery's counts only.
    desk.sign_in("clerk", "1111").await;
    desk.click("#nav-reports").await;
    desk.wait_for("#report-counts-only").await;
    assert!(!desk.exists("#report-late").await);
    assert!(!desk.exists("#chart-workload").await);
    desk.close().await;
    driver.stop();
}

/// `login` signed in with the demo PIN: every operation of the office takes
/// the session of a signed-in user.
fn signed_in(office: &Office, login: &str) -> kense_core::Session {
    let now = DateTime::parse_from_rfc3339("2026-01-01T09:00:00+05:00").unwrap();
    office
        .sign_in(login, demo::demo_pin(login), now)
        .unwrap_or_else(|e| panic!("{login} signs in: {e}"))
}

/// Every document the regulation asks for: a complete package.
fn complete_package(service: &kense_domain::regulation::ServiceDefinition) -> String {
    service
        .required_documents
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(",")
}
