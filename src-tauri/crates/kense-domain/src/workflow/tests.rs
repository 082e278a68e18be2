use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::case::CaseStatus;
use crate::error::ErrorCode;
use crate::limit::Limit;
use crate::regulation::{parse_service, Check, ServiceDefinition};
use crate::types::{Channel, Role};

type Time = DateTime<FixedOffset>;

/// A plain clock for the rules' tests: minutes and hours as such, a working day as 24 h.
struct PlainTimer;

impl Timer for PlainTimer {
    fn due(&self, start: Time, limit: Limit, pauses: &[(Time, Time)]) -> Time {
        let base = match limit {
            Limit::Minutes(n) | Limit::SameDayMaxMinutes(n) => Duration::minutes(n.into()),
            Limit::Hours(n) => Duration::hours(n.into()),
            Limit::WorkingDays(n) => Duration::days(n.into()),
            Limit::SameDay => Duration::hours(8),
        };
        let paused: Duration = pauses.iter().map(|(a, b)| *b - *a).sum();
        start + base + paused
    }
}

struct Staff;

impl Directory for Staff {
    fn has_role(&self, login: &str, role: Role) -> bool {
        matches!(
            (login, role),
            ("executor1" | "executor2", Role::Executor) | ("depthead", Role::DeptHead)
        )
    }
}

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn service(file: &str) -> ServiceDefinition {
    let text = std::fs::read_to_string(format!(
        "{}/../../../assets/regulations/{file}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    parse_service(file, &text).unwrap()
}

fn actor(login: &str, roles: &[Role]) -> Actor {
    Actor {
        login: login.into(),
        roles: roles.to_vec(),
        head_absent: false,
    }
}

struct Case {
    service: ServiceDefinition,
    procedure: String,
    state: RouteState,
    events: Vec<RouteEvent>,
    now: Time,
}

impl Case {
    fn new(file: &str, procedure: &str) -> Case {
        let service = service(file);
        let now = at("2026-11-23T10:00:00+05:00");
        let state = RouteState::registered(service.procedure(procedure).unwrap(), now);
        Case {
            service,
            procedure: procedure.into(),
            state,
            events: vec![],
            now,
        }
    }

    fn ctx(&self) -> RouteContext<'_> {
        RouteContext {
            service: &self.service,
            procedure: self.service.procedure(&self.procedure).unwrap(),
            channel: Channel::StateCorp,
            timer: &PlainTimer,
            directory: &Staff,
        }
    }

    fn act(&mut self, who: &Actor, action: Action) -> Result<RouteEvent, ErrorCode> {
        self.now += Duration::minutes(5);
        let event = apply(&self.ctx(), &self.state, who, &action, self.now).map_err(|e| e.code)?;
        let procedure = self.service.procedure(&self.procedure).unwrap().clone();
        self.state.record(&procedure, &event);
        self.events.push(event.clone());
        Ok(event)
    }

    fn step_id(&self) -> Option<String> {
        self.ctx().current_step(&self.state).map(|s| s.id.clone())
    }
}

fn head() -> Actor {
    actor("head", &[Role::Head])
}
fn deputy(absent: bool) -> Actor {
    Actor {
        head_absent: absent,
        ..actor("deputy", &[Role::Deputy])
    }
}
fn clerk() -> Actor {
    actor("clerk", &[Role::Clerk])
}
fn executor(n: u8) -> Actor {
    actor(&format!("executor{n}"), &[Role::Executor])
}

fn resolve_to(executor: &str) -> Action {
    Action::Resolve {
        text: "Орындауға".into(),
        executor: Some(executor.into()),
        dept_head: None,
        deadline: None,
    }
}

/// Every required document of the small vessel certificate.
const ALL_VESSEL_DOCUMENTS: &str = "application,identity-document,medical-certificate,\
                                    training-certificate,photo,previous-certificate";

/// A complete package, or one with only the application.
fn completeness(passed: bool) -> Action {
    Action::RecordCheck {
        check: Check::Completeness,
        passed: Some(passed),
        note: String::new(),
        value: if passed {
            ALL_VESSEL_DOCUMENTS.into()
        } else {
            "application".into()
        },
    }
}

fn submit() -> Action {
    Action::Submit {
        fields: BTreeMap::from([("vessel-class".to_string(), "Моторлы қайық".to_string())]),
        note: String::new(),
    }
}

#[test]
fn small_vessel_issue_walks_its_main_path() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    assert_eq!(case.step_id().as_deref(), Some("resolution"));
    assert_eq!(case.state.status, CaseStatus::Registered);
    case.act(&head(), resolve_to("executor1")).unwrap();
    assert_eq!(case.step_id().as_deref(), Some("examine"));
    assert_eq!(
        case.act(&executor(1), submit()),
        Err(ErrorCode::ChecksIncomplete)
    );
    case.act(&executor(1), completeness(true)).unwrap();
    case.act(&executor(1), submit()).unwrap();
    assert_eq!(case.state.status, CaseStatus::AwaitingSignature);
    case.act(
        &head(),
        Action::Sign {
            comment: String::new(),
        },
    )
    .unwrap();
    assert_eq!(case.step_id().as_deref(), Some("hand-over"));
    let last = case
        .act(
            &clerk(),
            Action::HandOver {
                method: HandOverMethod::StateCorp,
                outgoing_number: Some("2026-00001".into()),
                comment: String::new(),
            },
        )
        .unwrap();
    assert_eq!(case.state.status, CaseStatus::Closed);
    assert!(!case.state.is_open());
    assert_eq!(last.role, Role::Clerk);
    assert_eq!(case.state.outgoing_number.as_deref(), Some("2026-00001"));
}

#[test]
fn an_incomplete_package_ends_in_a_signed_refusal() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    case.act(&executor(1), completeness(false)).unwrap();
    assert_eq!(
        case.act(&executor(1), submit()),
        Err(ErrorCode::ChecksIncomplete)
    );
    let refusal = Action::DraftRefusal {
        grounds: vec!["incomplete-package".into()],
        missing_documents: vec!["Медициналық анықтама".into()],
        text: String::new(),
    };
    case.act(&executor(1), refusal).unwrap();
    assert!(matches!(case.state.draft, Some(Draft::Refusal { .. })));
    case.act(
        &head(),
        Action::Sign {
            comment: String::new(),
        },
    )
    .unwrap();
    case.act(
        &clerk(),
        Action::HandOver {
            method: HandOverMethod::Portal,
            outgoing_number: None,
            comment: String::new(),
        },
    )
    .unwrap();
    assert_eq!(case.state.status, CaseStatus::Refused);
}

#[test]
fn unknown_refusal_grounds_are_refused() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    let refusal = Action::DraftRefusal {
        grounds: vec!["no-such-ground".into()],
        missing_documents: vec![],
        text: String::new(),
    };
    assert_eq!(
        case.act(&executor(1), refusal),
        Err(ErrorCode::UnknownGround)
    );
}

#[test]
fn the_head_returns_a_draft_and_the_step_is_timed_again() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    case.act(&executor(1), completeness(true)).unwrap();
    case.act(&executor(1), submit()).unwrap();
    assert_eq!(
        case.act(
            &head(),
            Action::Return {
                comment: " ".into()
            }
        ),
        Err(ErrorCode::Required)
    );
    case.act(
        &head(),
        Action::Return {
            comment: "Нысанды түзетіңіз".into(),
        },
    )
    .unwrap();
    assert_eq!(case.step_id().as_deref(), Some("examine"));
    assert_eq!(case.state.step_started, case.now);
    assert_eq!(case.state.draft, None);
    assert_eq!(
        case.ctx().due(&case.state),
        Some(case.now + Duration::days(7))
    );
}

#[test]
fn the_deputy_acts_only_while_the_head_is_absent_and_is_recorded_so() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    assert_eq!(
        case.act(&deputy(false), resolve_to("executor1")),
        Err(ErrorCode::PermissionDenied)
    );
    let event = case.act(&deputy(true), resolve_to("executor1")).unwrap();
    assert_eq!(event.role, Role::Deputy);
    assert!(event.acting_for_head);
}

#[test]
fn only_the_assigned_executor_works_the_case() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    assert_eq!(
        case.act(&executor(2), completeness(true)),
        Err(ErrorCode::PermissionDenied)
    );
    assert_eq!(
        case.act(&clerk(), completeness(true)),
        Err(ErrorCode::PermissionDenied)
    );
    let reassign = Action::Reassign {
        executor: "executor2".into(),
        reason: "Демалыста".into(),
    };
    assert_eq!(
        case.act(&executor(1), reassign.clone()),
        Err(ErrorCode::PermissionDenied)
    );
    case.act(&head(), reassign).unwrap();
    assert_eq!(
        case.act(&executor(1), completeness(true)),
        Err(ErrorCode::PermissionDenied)
    );
    case.act(&executor(2), completeness(true)).unwrap();
}

#[test]
fn resolution_names_a_real_executor_and_a_lawful_deadline() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    assert_eq!(
        case.act(&head(), resolve_to("nobody")),
        Err(ErrorCode::UnknownUser)
    );
    let too_late = Action::Resolve {
        text: "Орындауға".into(),
        executor: Some("executor1".into()),
        dept_head: None,
        deadline: Some("2026-12-30T18:30:00+05:00".into()),
    };
    assert_eq!(case.act(&head(), too_late), Err(ErrorCode::DeadlineTooLate));
    let own = at("2026-11-25T18:30:00+05:00");
    let fine = Action::Resolve {
        text: "Орындауға".into(),
        executor: Some("executor1".into()),
        dept_head: None,
        deadline: Some(own.to_rfc3339()),
    };
    case.act(&head(), fine).unwrap();
    assert_eq!(case.ctx().due(&case.state), Some(own));
}

#[test]
fn a_pause_stops_the_clock_and_moves_the_due_time() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    let due_before = case.ctx().due(&case.state).unwrap();
    let paused = case
        .act(
            &executor(1),
            Action::Pause {
                reason: "Өтініш берушіден құжат күтілуде".into(),
            },
        )
        .unwrap();
    assert_eq!(case.ctx().due(&case.state), None);
    assert_eq!(
        case.act(&executor(1), completeness(true)),
        Err(ErrorCode::ActionNotAllowed)
    );
    case.now += Duration::hours(3);
    let resumed = case.act(&executor(1), Action::Resume {}).unwrap();
    assert!(resumed.at - paused.at > Duration::hours(3));
    assert_eq!(
        case.ctx().due(&case.state),
        Some(due_before + (resumed.at - paused.at))
    );
}

#[test]
fn the_withdrawal_is_the_clerks_and_closes_the_case() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    let withdraw = Action::Withdraw {
        reason: "Өтініш беруші кері алды".into(),
    };
    assert_eq!(
        case.act(&head(), withdraw.clone()),
        Err(ErrorCode::PermissionDenied)
    );
    case.act(&clerk(), withdraw).unwrap();
    assert_eq!(case.state.status, CaseStatus::Withdrawn);
    assert_eq!(
        case.act(&head(), resolve_to("executor1")),
        Err(ErrorCode::ActionNotAllowed)
    );
}

#[test]
fn cotton_first_check_refusal_closes_the_case_at_once() {
    let mut case = Case::new("cotton-warehouse-licence", "issue");
    let to_dept = Action::Resolve {
        text: "Бөлімге".into(),
        executor: None,
        dept_head: Some("depthead".into()),
        deadline: None,
    };
    assert_eq!(
        case.act(&head(), resolve_to("executor1")),
        Err(ErrorCode::Required)
    );
    case.act(&head(), to_dept).unwrap();
    let dept_head = actor("depthead", &[Role::DeptHead]);
    case.act(
        &dept_head,
        Action::AssignExecutor {
            executor: "executor1".into(),
            text: String::new(),
        },
    )
    .unwrap();
    let refusal = Action::DraftRefusal {
        grounds: vec!["incomplete-package".into()],
        missing_documents: vec![],
        text: "Құжаттар толық емес".into(),
    };
    case.act(&executor(1), refusal).unwrap();
    assert_eq!(case.state.status, CaseStatus::Refused);
    assert!(!case.state.is_open());
}

#[test]
fn history_replays_to_the_same_state() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    case.act(&executor(1), completeness(true)).unwrap();
    case.act(&executor(1), submit()).unwrap();
    let procedure = case.service.procedure("issue").unwrap().clone();
    let registration = RouteEvent {
        at: at("2026-11-23T10:00:00+05:00"),
        actor: "clerk".into(),
        role: Role::Clerk,
        acting_for_head: false,
        step: Some("register".into()),
        action: Action::Register {},
        due: None,
    };
    let mut all = vec![registration];
    all.extend(case.events.clone());
    assert_eq!(RouteState::fold(&procedure, &all), Some(case.state.clone()));
}

#[test]
fn a_line_made_for_another_step_is_a_corruption_not_a_move() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    case.act(&executor(1), completeness(true)).unwrap();
    case.act(&executor(1), submit()).unwrap();
    let procedure = case.service.procedure("issue").unwrap().clone();
    let registration = RouteEvent {
        at: at("2026-11-23T10:00:00+05:00"),
        actor: "clerk".into(),
        role: Role::Clerk,
        acting_for_head: false,
        step: Some("register".into()),
        action: Action::Register {},
        due: None,
    };
    let mut all = vec![registration];
    all.extend(case.events.clone());
    // The lost race of two submits: the same submit recorded twice.
    let submit_line = all.last().unwrap().clone();
    all.push(submit_line.clone());
    match RouteState::replay(&procedure, &all) {
        Err(ReplayError::WrongStep {
            version,
            expected,
            found,
        }) => {
            assert_eq!(version as usize, all.len() - 1);
            assert_ne!(expected, found);
            assert_eq!(found, submit_line.step);
        }
        other => panic!("replayed a duplicate submit: {other:?}"),
    }
    assert_eq!(RouteState::fold(&procedure, &all), None);
    // A history that does not start with the registration is refused too.
    assert_eq!(
        RouteState::replay(&procedure, &all[1..]),
        Err(ReplayError::NotRegistration)
    );
}

#[test]
fn available_actions_follow_role_and_step() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    let kinds = |case: &Case, who: &Actor| available_actions(&case.ctx(), &case.state, who);
    assert_eq!(kinds(&case, &head()), vec![ActionKind::Resolve]);
    assert_eq!(kinds(&case, &clerk()), vec![ActionKind::Withdraw]);
    assert_eq!(kinds(&case, &executor(1)), vec![]);
    case.act(&head(), resolve_to("executor1")).unwrap();
    assert_eq!(
        kinds(&case, &executor(1)),
        vec![
            ActionKind::RecordCheck,
            ActionKind::Submit,
            ActionKind::DraftRefusal,
            ActionKind::Pause
        ]
    );
    assert_eq!(
        kinds(&case, &head()),
        vec![ActionKind::Reassign, ActionKind::Pause]
    );
    assert_eq!(kinds(&case, &executor(2)), vec![]);
}

#[test]
fn act_dates_typed_the_kazakh_way_are_kept_in_iso_form() {
    let sent = Action::SendExternal {
        bodies: vec!["body".into()],
        sent_on: "2.12.2026".into(),
    };
    assert_eq!(
        sent.normalised(),
        Action::SendExternal {
            bodies: vec!["body".into()],
            sent_on: "2026-12-02".into(),
        }
    );
    let conclusion = Action::RecordConclusion {
        body: "body".into(),
        positive: true,
        text: "ok".into(),
        date: "2026-12-03".into(),
    };
    assert_eq!(conclusion.clone().normalised(), conclusion);
}

#[path = "check_tests.rs"]
mod checks;
