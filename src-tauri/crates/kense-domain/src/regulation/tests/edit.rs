//! Editing makes a new, re-checked version.

use chrono::NaiveDate;

use super::super::*;
use super::file;
use crate::limit::Limit;
use crate::types::Channel;

fn vessel() -> ServiceDefinition {
    parse_service("v.toml", file("small-vessel-certificate.toml")).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn edit_bumps_the_version_and_changes_only_what_was_asked() {
    let old = vessel();
    let edit = ServiceEdit {
        required_documents: Some(vec![DocumentItem {
            id: "application".into(),
            kk: "Өтініш".into(),
            ru: "Заявление".into(),
        }]),
        refusal_grounds: None,
        step_limits: vec![StepLimitEdit {
            procedure: "issue".into(),
            step: "examine".into(),
            limit: Some(Limit::WorkingDays(5)),
            refusal_limit: Some(Limit::Hours(4)),
            limit_by_channel: Some(ChannelLimits::new(vec![(
                Channel::Portal,
                Limit::WorkingDays(4),
            )])),
        }],
    };
    let new = apply_edit(&old, &edit, day("2026-01-05")).unwrap();
    assert_eq!(new.version, 2);
    assert_eq!(new.effective_from, day("2026-01-05"));
    assert_eq!(new.required_documents.len(), 1);
    let step = new.procedure("issue").unwrap().step("examine").unwrap();
    assert_eq!(step.limit, Limit::WorkingDays(5));
    assert_eq!(step.refusal.as_ref().unwrap().limit, Some(Limit::Hours(4)));
    assert_eq!(step.limit_for(Channel::Portal), Limit::WorkingDays(4));
    // Everything else is as it was.
    assert_eq!(new.procedures[1], old.procedures[1]);
    assert_eq!(new.refusal_grounds, old.refusal_grounds);
    assert_eq!(new.name, old.name);
}

#[test]
fn removing_a_ground_still_cited_is_rejected_with_its_place() {
    let old = vessel();
    let mut grounds = old.refusal_grounds.clone();
    grounds.retain(|g| g.id != "false-data");
    let edit = ServiceEdit {
        refusal_grounds: Some(grounds),
        ..ServiceEdit::default()
    };
    let err = apply_edit(&old, &edit, day("2026-01-05")).unwrap_err();
    assert_eq!(err.file, "small-vessel-certificate.toml");
    assert_eq!(
        err.field.as_deref(),
        Some("procedures[0].steps[2].refusal.grounds[1]")
    );
    assert!(err.line.is_some());
    assert!(
        err.message.contains("unknown refusal ground `false-data`"),
        "{err}"
    );
}

#[test]
fn empty_document_text_is_rejected() {
    let old = vessel();
    let mut docs = old.required_documents.clone();
    docs[1].ru = String::new();
    let edit = ServiceEdit {
        required_documents: Some(docs),
        ..ServiceEdit::default()
    };
    let err = apply_edit(&old, &edit, day("2026-01-05")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("required_documents[1].ru"));
}

#[test]
fn unknown_procedure_or_step_or_missing_refusal() {
    let old = vessel();
    let mut change = StepLimitEdit {
        procedure: "nope".into(),
        step: "examine".into(),
        limit: Some(Limit::Hours(1)),
        ..StepLimitEdit::default()
    };
    let run = |c: &StepLimitEdit| {
        let edit = ServiceEdit {
            step_limits: vec![c.clone()],
            ..ServiceEdit::default()
        };
        apply_edit(&old, &edit, day("2026-01-05"))
            .unwrap_err()
            .field
    };
    assert_eq!(run(&change).as_deref(), Some("step_limits[0].procedure"));
    change.procedure = "issue".into();
    change.step = "nope".into();
    assert_eq!(run(&change).as_deref(), Some("step_limits[0].step"));
    change.step = "sign".into();
    change.refusal_limit = Some(Limit::Hours(1));
    assert_eq!(
        run(&change).as_deref(),
        Some("step_limits[0].refusal_limit")
    );
    change.refusal_limit = None;
    change.limit_by_channel = Some(ChannelLimits::new(vec![(Channel::Post, Limit::Hours(1))]));
    assert_eq!(
        run(&change).as_deref(),
        Some("procedures[0].steps[3].limit_by_channel.post")
    );
}

#[test]
fn the_new_version_cannot_take_effect_before_the_old() {
    let old = vessel();
    let err = apply_edit(&old, &ServiceEdit::default(), day("2017-01-01")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("effective_from"));
}

#[test]
fn an_edit_reads_from_json() {
    let json = r#"{"step_limits":[{"procedure":"issue","step":"sign","limit":"3h"}]}"#;
    let edit: ServiceEdit = serde_json::from_str(json).unwrap();
    let new = apply_edit(&vessel(), &edit, day("2026-01-05")).unwrap();
    assert_eq!(
        new.procedure("issue").unwrap().step("sign").unwrap().limit,
        Limit::Hours(3)
    );
    assert!(serde_json::from_str::<ServiceEdit>(
        r#"{"step_limits":[{"procedure":"a","step":"b","limit":"0h"}]}"#
    )
    .is_err());
}
