//! The case view carries what the domain decided; a completeness verdict that
//! contradicts the documents is refused with nothing written.

use chrono::{DateTime, Duration, FixedOffset};
use kense_domain::regulation::Check;
use kense_domain::workflow::{Action, ResolveTarget};
use kense_domain::ErrorCode;

use crate::Office;

type Time = DateTime<FixedOffset>;

/// The demo office and its small vessel certificate case, resolved to the executor.
fn vessel_case_at_examination() -> (Office, String, Time) {
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
    let mut office = Office::open_in_memory().unwrap();
    crate::demo::seed(&mut office, now).unwrap();
    let head = office.session_for("head");
    let number = office
        .cases(&head)
        .unwrap()
        .into_iter()
        .find(|c| c.service == "small-vessel-certificate")
        .unwrap()
        .number;
    let view = office.case_view(&head, &number, now).unwrap();
    let step = view.step.as_ref().unwrap();
    assert_eq!(step.resolve_to, Some(ResolveTarget::Executor));
    assert!(!step.drafting);
    assert!(view.completeness.is_none());
    let resolve = Action::Resolve {
        text: "Орындауға".into(),
        executor: Some("executor".into()),
        dept_head: None,
        deadline: None,
    };
    office.act(&head, &number, resolve, now).unwrap();
    (office, number, now + Duration::minutes(5))
}

fn completeness(passed: Option<bool>, value: &str) -> Action {
    Action::RecordCheck {
        check: Check::Completeness,
        passed,
        note: String::new(),
        value: value.into(),
    }
}

#[test]
fn a_contradicting_completeness_verdict_is_refused_and_nothing_is_written() {
    let (mut office, number, now) = vessel_case_at_examination();
    let executor = office.session_for("executor");
    let before = office.case_view(&executor, &number, now).unwrap();
    for (passed, value) in [(Some(true), "application,photo"), (Some(true), "")] {
        let err = office
            .act(&executor, &number, completeness(passed, value), now)
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::CompletenessMismatch, "{value}");
    }
    let all = before
        .required_documents
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(",");
    let err = office
        .act(&executor, &number, completeness(Some(false), &all), now)
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::CompletenessMismatch);
    let err = office
        .act(
            &executor,
            &number,
            completeness(None, "application,visa"),
            now,
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::UnknownDocument);
    let after = office.case_view(&executor, &number, now).unwrap();
    assert_eq!(after.version, before.version, "nothing written");
}

#[test]
fn the_view_carries_the_domains_verdict_and_the_step_facts() {
    let (mut office, number, now) = vessel_case_at_examination();
    let executor = office.session_for("executor");
    let view = office.case_view(&executor, &number, now).unwrap();
    let step = view.step.as_ref().unwrap();
    assert_eq!(step.id, "examine");
    assert!(step.drafting, "the executor drafts the certificate here");
    assert_eq!(step.resolve_to, None);
    assert!(view.completeness.is_none(), "not checked yet");
    assert_eq!(view.steps.len(), 5);
    assert_eq!(view.steps[2].id, "examine");
    assert!(!view.result_fields.is_empty());
    let documents = view.required_documents.clone();

    // The window leaves the verdict out; the domain decides it.
    let view = office
        .act(
            &executor,
            &number,
            completeness(None, "photo, application"),
            now,
        )
        .unwrap();
    let seen = view.completeness.unwrap();
    assert!(!seen.passed);
    assert_eq!(seen.received, ["application", "photo"]);
    assert_eq!(seen.missing.len(), documents.len() - 2);
    assert!(!view.route.checks[0].passed);
    assert_eq!(
        view.history.last().unwrap().action,
        completeness(Some(false), "application,photo")
    );

    let all: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    let view = office
        .act(&executor, &number, completeness(None, &all.join(",")), now)
        .unwrap();
    let seen = view.completeness.unwrap();
    assert!(seen.passed);
    assert!(seen.missing.is_empty());
    assert!(view.route.checks[0].passed);
}
