//! Checks at a step: the completeness verdict is the domain's; other checks state theirs.

use super::*;

#[test]
fn the_completeness_verdict_is_the_domains_and_a_contradiction_is_refused() {
    let mut case = Case::new("small-vessel-certificate", "issue");
    case.act(&head(), resolve_to("executor1")).unwrap();
    let check = |passed: Option<bool>, value: &str| Action::RecordCheck {
        check: Check::Completeness,
        passed,
        note: String::new(),
        value: value.into(),
    };
    // A stated verdict that the documents contradict, either way.
    assert_eq!(
        case.act(&executor(1), check(Some(true), "application,photo")),
        Err(ErrorCode::CompletenessMismatch)
    );
    assert_eq!(
        case.act(&executor(1), check(Some(false), ALL_VESSEL_DOCUMENTS)),
        Err(ErrorCode::CompletenessMismatch)
    );
    assert_eq!(
        case.act(&executor(1), check(None, "application,horoscope")),
        Err(ErrorCode::UnknownDocument)
    );
    assert!(case.state.checks.is_empty(), "nothing recorded");
    // Left out, the verdict is decided here and recorded with the documents in order.
    let event = case
        .act(&executor(1), check(None, " photo , application"))
        .unwrap();
    assert_eq!(event.action, check(Some(false), "application,photo"));
    assert!(!case.state.checks[0].passed);
    let event = case
        .act(&executor(1), check(None, ALL_VESSEL_DOCUMENTS))
        .unwrap();
    assert!(matches!(
        event.action,
        Action::RecordCheck {
            passed: Some(true),
            ..
        }
    ));
    assert!(case.state.checks[0].passed);
    case.act(&executor(1), submit()).unwrap();
    assert_eq!(case.state.status, CaseStatus::AwaitingSignature);
}

#[test]
fn other_checks_state_whether_they_passed() {
    let mut case = Case::new("cotton-warehouse-licence", "issue");
    let resolve = Action::Resolve {
        text: "Орындауға".into(),
        executor: None,
        dept_head: Some("depthead".into()),
        deadline: None,
    };
    case.act(&head(), resolve).unwrap();
    let depthead = actor("depthead", &[Role::DeptHead]);
    let assign = Action::AssignExecutor {
        executor: "executor1".into(),
        text: String::new(),
    };
    case.act(&depthead, assign).unwrap();
    let legality = |passed: Option<bool>| Action::RecordCheck {
        check: Check::Legality,
        passed,
        note: String::new(),
        value: String::new(),
    };
    assert_eq!(
        case.act(&executor(1), legality(None)),
        Err(ErrorCode::Required)
    );
    case.act(&executor(1), legality(Some(false))).unwrap();
    assert!(!case.state.checks[0].passed);
}
