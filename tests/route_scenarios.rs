//! Every procedure of every seed service, through its main path and its refusal
//! path, as the office's people would walk it; each step's due time is checked
//! against the deadline engine. And the role × action matrix: every act the rules
//! forbid is refused and changes nothing.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput, CaseStatus};
use kense_domain::regulation::{Check, StepKind};
use kense_domain::types::{ApplicantKind, Role};
use kense_domain::workflow::{Action, ActionKind, HandOverMethod, ResolveTarget};
use kense_domain::ErrorCode;
use kense_tests::signed_in;

type Time = DateTime<FixedOffset>;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A Monday morning, away from holidays.
const START: &str = "2026-11-23T09:30:00+05:00";

fn office() -> Office {
    let mut office = Office::open_in_memory().unwrap();
    demo::seed_users(&mut office, at("2026-11-01T09:00:00+05:00")).unwrap();
    office
}

fn application(office: &Office, service: &str, procedure: &str) -> ApplicationInput {
    let def = office.catalog().latest(service).unwrap();
    let kind = def.applicant_kinds[0];
    let (iin, bin) = match kind {
        ApplicantKind::Person => (Some("800416100254".to_string()), None),
        ApplicantKind::Organisation => (None, Some("940140000385".to_string())),
    };
    ApplicationInput {
        service: service.into(),
        procedure: procedure.into(),
        channel: def.channels[0].code().into(),
        received_at: (at(START) - Duration::minutes(5)).to_rfc3339(),
        language: "kk".into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: kind.code().into(),
            iin,
            bin,
            name: "Сынақ Өтініш Беруші".into(),
            phone: String::new(),
            address: String::new(),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    }
}

/// The act the right person does at the case's current step on the main path.
fn main_act(office: &Office, number: &str, now: Time) -> (String, Vec<Action>) {
    let view = office
        .case_view(&signed_in(office, "admin"), number, now)
        .unwrap();
    let step = view.step.clone().expect("an open step");
    let next_is_assign = step.resolve_to == Some(ResolveTarget::DeptHead);
    // A complete package: every document the regulation asks for.
    let all_documents = view
        .required_documents
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(",");
    let checks = |step_checks: &[Check]| -> Vec<Action> {
        step_checks
            .iter()
            .map(|c| Action::RecordCheck {
                check: *c,
                passed: Some(true),
                note: String::new(),
                value: if *c == Check::Completeness {
                    all_documents.clone()
                } else {
                    "ok".into()
                },
            })
            .collect()
    };
    match step.kind {
        StepKind::Resolution => (
            "head".into(),
            vec![Action::Resolve {
                text: "Орындауға".into(),
                executor: (!next_is_assign).then(|| "executor".to_string()),
                dept_head: next_is_assign.then(|| "depthead".to_string()),
                deadline: None,
            }],
        ),
        StepKind::AssignExecutor => (
            "depthead".into(),
            vec![Action::AssignExecutor {
                executor: "executor".into(),
                text: String::new(),
            }],
        ),
        StepKind::ExternalApproval => (
            "executor".into(),
            vec![
                Action::SendExternal {
                    bodies: vec![
                        "Облыстық санитариялық-эпидемиологиялық бақылау департаменті".into(),
                    ],
                    sent_on: now.date_naive().to_string(),
                },
                Action::RecordConclusion {
                    body: "Облыстық санитариялық-эпидемиологиялық бақылау департаменті".into(),
                    positive: true,
                    text: "Келісілді".into(),
                    date: now.date_naive().to_string(),
                },
                Action::Submit {
                    fields: BTreeMap::new(),
                    note: String::new(),
                },
            ],
        ),
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
            "executor".into(),
            vec![Action::Formalise {
                method: HandOverMethod::Post,
                outgoing_number: None,
                note: String::new(),
            }],
        ),
        StepKind::Register => panic!("registration is never a current step"),
        _ => {
            let mut acts = checks(&step.checks);
            acts.push(Action::Submit {
                fields: BTreeMap::from([("note".to_string(), "Сынақ".to_string())]),
                note: String::new(),
            });
            ("executor".into(), acts)
        }
    }
}

/// Checks the stored due time of the current step against the engine.
fn check_due(office: &Office, number: &str, now: Time) {
    let view = office
        .case_view(&signed_in(office, "admin"), number, now)
        .unwrap();
    let Some(step) = &view.step else { return };
    let limit = step.limit.parse().unwrap();
    let expected = office.due_time(view.route.step_started, limit);
    assert_eq!(
        view.due.as_deref(),
        Some(expected.to_rfc3339().as_str()),
        "{number} at {}",
        step.id
    );
    assert_eq!(
        view.case.route.due_at,
        Some(expected),
        "{number}: the journal keeps the same due time"
    );
}

/// Walks the case to its end; `refuse_at_first_chance` drafts a refusal at the first step that allows one.
fn walk(office: &mut Office, number: &str, refuse_at_first_chance: bool) -> CaseStatus {
    let mut now = at(START);
    let mut refused = false;
    for _ in 0..40 {
        let view = office
            .case_view(&signed_in(office, "admin"), number, now)
            .unwrap();
        if view.step.is_none() {
            return view.case.status;
        }
        check_due(office, number, now);
        now += Duration::minutes(10);
        let step = view.step.clone().unwrap();
        if refuse_at_first_chance && !refused && step.can_refuse {
            // The grounds the domain opens at this step, as the window offers them.
            let grounds = step.refusal_grounds[..1].to_vec();
            office
                .act(
                    &signed_in(office, "executor"),
                    number,
                    Action::DraftRefusal {
                        grounds,
                        missing_documents: vec!["Төлем құжаты".into()],
                        text: "Құжаттар толық емес".into(),
                    },
                    now,
                )
                .unwrap();
            refused = true;
            continue;
        }
        let (who, acts) = main_act(office, number, now);
        for act in acts {
            now += Duration::minutes(1);
            office
                .act(&signed_in(office, &who), number, act.clone(), now)
                .unwrap_or_else(|e| panic!("{number} step {}: {who} {act:?}: {e}", step.id));
        }
    }
    panic!("{number} did not finish in 40 acts");
}

#[test]
fn every_procedure_of_every_service_runs_its_main_path() {
    let mut office = office();
    let services: Vec<(String, Vec<String>)> = office
        .catalog()
        .services()
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                s.procedures.iter().map(|p| p.id.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(services.len(), 6);
    let mut walked = 0;
    for (service, procedures) in services {
        for procedure in procedures {
            let input = application(&office, &service, &procedure);
            let case = office
                .register(&signed_in(&office, "clerk"), &input, at(START))
                .unwrap();
            assert_eq!(
                walk(&mut office, &case.number, false),
                CaseStatus::Closed,
                "{service}/{procedure}"
            );
            let view = office
                .case_view(&signed_in(&office, "admin"), &case.number, at(START))
                .unwrap();
            assert!(
                view.route.outgoing_number.is_some()
                    || view
                        .history
                        .iter()
                        .any(|e| e.action.kind() == ActionKind::Formalise)
            );
            walked += 1;
        }
    }
    assert_eq!(walked, 17);
}

#[test]
fn every_procedure_with_a_refusal_branch_runs_its_refusal_path() {
    let mut office = office();
    let mut refused = 0;
    let services: Vec<_> = office
        .catalog()
        .services()
        .iter()
        .map(|s| (*s).clone())
        .collect();
    for service in services {
        for procedure in &service.procedures {
            if !procedure.steps.iter().any(|s| s.refusal.is_some()) {
                continue;
            }
            let input = application(&office, &service.id, &procedure.id);
            let case = office
                .register(&signed_in(&office, "clerk"), &input, at(START))
                .unwrap();
            assert_eq!(
                walk(&mut office, &case.number, true),
                CaseStatus::Refused,
                "{}/{}",
                service.id,
                procedure.id
            );
            refused += 1;
        }
    }
    assert!(
        refused >= 14,
        "only {refused} procedures have a refusal path"
    );
}

/// A payload for each kind of act, plausible enough to reach the permission checks.
fn sample(kind: ActionKind) -> Option<Action> {
    Some(match kind {
        ActionKind::Register => return None,
        ActionKind::Resolve => Action::Resolve {
            text: "Орындауға".into(),
            executor: Some("executor".into()),
            dept_head: None,
            deadline: None,
        },
        ActionKind::AssignExecutor => Action::AssignExecutor {
            executor: "executor".into(),
            text: String::new(),
        },
        ActionKind::RecordCheck => Action::RecordCheck {
            check: Check::Completeness,
            passed: None,
            note: String::new(),
            value: String::new(),
        },
        ActionKind::SendExternal => Action::SendExternal {
            bodies: vec!["Орган".into()],
            sent_on: "2026-11-23".into(),
        },
        ActionKind::RecordConclusion => Action::RecordConclusion {
            body: "Орган".into(),
            positive: true,
            text: "Иә".into(),
            date: "2026-11-23".into(),
        },
        ActionKind::Submit => Action::Submit {
            fields: BTreeMap::new(),
            note: String::new(),
        },
        ActionKind::DraftRefusal => Action::DraftRefusal {
            grounds: vec!["incomplete-package".into()],
            missing_documents: vec![],
            text: String::new(),
        },
        ActionKind::Sign => Action::Sign {
            comment: String::new(),
        },
        ActionKind::Return => Action::Return {
            comment: "Түзету".into(),
        },
        ActionKind::HandOver => Action::HandOver {
            method: HandOverMethod::StateCorp,
            outgoing_number: None,
            comment: String::new(),
        },
        ActionKind::Formalise => Action::Formalise {
            method: HandOverMethod::Post,
            outgoing_number: None,
            note: String::new(),
        },
        ActionKind::Reassign => Action::Reassign {
            executor: "executor2".into(),
            reason: "Ауыстыру".into(),
        },
        ActionKind::Withdraw => Action::Withdraw {
            reason: "Кері алды".into(),
        },
        ActionKind::Pause => Action::Pause {
            reason: "Күту".into(),
        },
        ActionKind::Resume => Action::Resume {},
    })
}

#[test]
fn every_forbidden_act_is_refused_and_changes_nothing() {
    let mut office = office();
    let input = application(&office, "small-vessel-certificate", "issue");
    let case = office
        .register(&signed_in(&office, "clerk"), &input, at(START))
        .unwrap();
    let users = [
        "admin",
        "clerk",
        "head",
        "deputy",
        "depthead",
        "executor",
        "executor2",
    ];
    let mut now = at(START);
    let mut refusals = 0;
    loop {
        now += Duration::minutes(10);
        let before = office
            .case_view(&signed_in(&office, "admin"), &case.number, now)
            .unwrap();
        for user in users {
            let allowed = office
                .actions(&signed_in(&office, user), &case.number, now)
                .unwrap();
            for kind in ActionKind::ALL {
                if allowed.contains(&kind) {
                    continue;
                }
                let Some(action) = sample(kind) else { continue };
                let err = office
                    .act(&signed_in(&office, user), &case.number, action, now)
                    .expect_err(&format!(
                        "{user} must not {kind:?} at {:?}",
                        before.step.as_ref().map(|s| &s.id)
                    ));
                assert!(
                    matches!(
                        err.first_code(),
                        ErrorCode::PermissionDenied | ErrorCode::ActionNotAllowed
                    ),
                    "{user} {kind:?}: {err}"
                );
                refusals += 1;
                let after = office
                    .case_view(&signed_in(&office, "admin"), &case.number, now)
                    .unwrap();
                assert_eq!(after.history, before.history, "a refused act left a trace");
                assert_eq!(after.case, before.case);
            }
        }
        if before.step.is_none() {
            break;
        }
        let (who, acts) = main_act(&office, &case.number, now);
        for act in acts {
            now += Duration::minutes(1);
            office
                .act(&signed_in(&office, &who), &case.number, act, now)
                .unwrap();
        }
    }
    assert!(refusals > 300, "only {refusals} forbidden acts tried");
}

#[test]
fn the_deputy_acts_for_the_absent_head_on_a_dept_head_route() {
    let mut office = office();
    let input = application(&office, "intl-inspection-certificate", "issue");
    let case = office
        .register(&signed_in(&office, "clerk"), &input, at(START))
        .unwrap();
    let resolve = Action::Resolve {
        text: "Бөлімге".into(),
        executor: None,
        dept_head: Some("depthead".into()),
        deadline: None,
    };
    let now = at(START) + Duration::minutes(10);
    let err = office
        .act(
            &signed_in(&office, "deputy"),
            &case.number,
            resolve.clone(),
            now,
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
    office
        .set_head_absence(
            &signed_in(&office, "head"),
            at(START),
            at(START) + Duration::days(3),
            at(START),
        )
        .unwrap();
    let view = office
        .act(&signed_in(&office, "deputy"), &case.number, resolve, now)
        .unwrap();
    let last = view.history.last().unwrap();
    assert_eq!((last.role, last.acting_for_head), (Role::Deputy, true));
    assert_eq!(view.step.unwrap().role, Role::DeptHead);
    let work = office
        .my_work(&signed_in(&office, "depthead"), now)
        .unwrap();
    assert_eq!(work[0].number, case.number);
    assert!(office
        .my_work(&signed_in(&office, "head"), now)
        .unwrap()
        .is_empty());
}

#[test]
fn an_overdue_step_shows_on_the_heads_dashboard() {
    let mut office = office();
    let input = application(&office, "small-vessel-certificate", "issue");
    let case = office
        .register(&signed_in(&office, "clerk"), &input, at(START))
        .unwrap();
    let soon = at(START) + Duration::minutes(20);
    assert!(office
        .overdue_dashboard(&signed_in(&office, "head"), soon)
        .unwrap()
        .items
        .is_empty());
    let late = at(START) + Duration::days(2);
    let dashboard = office
        .overdue_dashboard(&signed_in(&office, "head"), late)
        .unwrap();
    assert_eq!(dashboard.items.len(), 1);
    assert_eq!(dashboard.items[0].number, case.number);
    assert_eq!(dashboard.by_step[0].key, "resolution");
    let work = office.my_work(&signed_in(&office, "head"), late).unwrap();
    assert_eq!(work[0].step_state.unwrap().code(), "overdue");
    assert!(work[0].minutes_left.unwrap() < 0);
}

#[test]
fn at_the_desk_a_signature_needs_the_pin() {
    let mut office = office();
    let input = application(&office, "small-vessel-certificate", "issue");
    let case = office
        .register(&signed_in(&office, "clerk"), &input, at(START))
        .unwrap();
    let mut now = at(START);
    while office
        .case_view(&signed_in(&office, "admin"), &case.number, now)
        .unwrap()
        .step
        .unwrap()
        .kind
        != StepKind::Sign
    {
        let (who, acts) = main_act(&office, &case.number, now);
        for act in acts {
            now += Duration::minutes(1);
            office
                .act(&signed_in(&office, &who), &case.number, act, now)
                .unwrap();
        }
    }
    let before = office
        .case_view(&signed_in(&office, "admin"), &case.number, now)
        .unwrap();
    let err = office
        .act_at_desk(
            &signed_in(&office, "head"),
            &case.number,
            Action::Sign {
                comment: String::new(),
            },
            now,
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::ActionNotAllowed);
    assert_eq!(
        office
            .case_view(&signed_in(&office, "admin"), &case.number, now)
            .unwrap()
            .history,
        before.history
    );
}

#[test]
fn the_journal_row_names_the_current_steps_kind_until_the_case_ends() {
    let mut office = office();
    let clerk = signed_in(&office, "clerk");
    let input = application(&office, "small-vessel-certificate", "issue");
    let case = office.register(&clerk, &input, at(START)).unwrap();
    let view = office.case_view(&clerk, &case.number, at(START)).unwrap();
    let step = view.step.unwrap();
    let row = office.journal(&clerk, at(START)).unwrap().remove(0);
    assert_eq!(row.step_kind, Some(step.kind));
    assert_eq!(row.step_name, Some(step.action));
    walk(&mut office, &case.number, false);
    let row = office.journal(&clerk, at(START)).unwrap().remove(0);
    assert_eq!((row.step_kind, row.step_name), (None, None));
}
