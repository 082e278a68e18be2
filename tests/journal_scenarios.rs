//! The journal as a clerk uses it, through the same core as the window.

use chrono::{DateTime, FixedOffset};
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput, CaseStatus};
use kense_domain::ErrorCode;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The office with the demo's users (`clerk` registers): no setup mode.
fn with_users(mut office: Office) -> Office {
    demo::seed_users(&mut office, at("2026-01-05T09:00:00+05:00")).unwrap();
    office
}

fn vessel_application(name: &str, iin: &str, received_at: &str) -> ApplicationInput {
    ApplicationInput {
        service: "small-vessel-certificate".into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: received_at.into(),
        language: "kk".into(),
        external_number: Some("ХҚКО-2026-118".into()),
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some(iin.into()),
            bin: None,
            name: name.into(),
            phone: "+7 701 123 45 67".into(),
            address: "Орал қ., Достық д-лы, 1".into(),
        },
        representative: None,
        documents: vec!["Өтініш".into(), "Жеке басын куәландыратын құжат".into()],
    }
}

#[test]
fn a_registered_case_survives_closing_and_reopening_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-23T10:30:00+05:00");
    {
        let mut office = with_users(Office::create(dir.path()).unwrap());
        let case = office
            .register(
                &vessel_application(
                    "Әсет Құрманғалиұлы",
                    "800416100254",
                    "2026-11-23T10:20:00+05:00",
                ),
                "clerk",
                now,
            )
            .unwrap();
        assert_eq!(case.number, "2026-00001");
        assert_eq!(case.status, CaseStatus::Registered);
        assert_eq!(
            case.service_version,
            office
                .catalog()
                .latest("small-vessel-certificate")
                .unwrap()
                .version
        );
    }
    let office = Office::open(dir.path()).unwrap();
    let rows = office.journal(now).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].applicant_name, "Әсет Құрманғалиұлы");
    assert_eq!(rows[0].number, "2026-00001");
    assert!(rows[0].service_name.as_ref().unwrap().kk.contains("кеме"));
}

#[test]
fn numbering_restarts_on_the_first_of_january() {
    let mut office = with_users(Office::open_in_memory().unwrap());
    let late = at("2026-12-31T18:20:00+05:00");
    let a = office
        .register(
            &vessel_application("А", "800416100254", "2026-12-31T18:00:00+05:00"),
            "clerk",
            late,
        )
        .unwrap();
    let early = at("2027-01-04T09:05:00+05:00");
    let b = office
        .register(
            &vessel_application("Б", "800416100254", "2026-12-31T18:10:00+05:00"),
            "clerk",
            early,
        )
        .unwrap();
    assert_eq!(a.number, "2026-00001");
    assert_eq!(b.number, "2027-00001");
}

#[test]
fn the_office_pattern_writes_the_numbers() {
    let mut office = with_users(Office::open_in_memory().unwrap());
    office.set_number_pattern("ҚЖ-NNN/YYYY").unwrap();
    let now = at("2026-11-23T10:30:00+05:00");
    let case = office
        .register(
            &vessel_application("А", "800416100254", "2026-11-23T10:00:00+05:00"),
            "clerk",
            now,
        )
        .unwrap();
    assert_eq!(case.number, "ҚЖ-001/2026");
    assert!(office.set_number_pattern("YYYY").is_err());
}

#[test]
fn bad_applications_save_nothing() {
    let mut office = with_users(Office::open_in_memory().unwrap());
    let now = at("2026-11-23T10:30:00+05:00");
    let bad = [
        (
            vessel_application("", "800416100254", "2026-11-23T10:00:00+05:00"),
            ErrorCode::NameEmpty,
        ),
        (
            vessel_application("Әсет", "821214240092", "2026-11-23T10:00:00+05:00"),
            ErrorCode::IinChecksum,
        ),
        (
            vessel_application("Әсет", "800416100254", "2026-11-23T11:00:00+05:00"),
            ErrorCode::ReceivedInFuture,
        ),
        (
            vessel_application(
                &"Қ".repeat(10_000),
                "800416100254",
                "2026-11-23T10:00:00+05:00",
            ),
            ErrorCode::TooLong,
        ),
    ];
    for (input, code) in bad {
        let err = office.register(&input, "clerk", now).unwrap_err();
        assert_eq!(err.first_code(), code);
    }
    assert_eq!(office.case_count().unwrap(), 0);
}

#[test]
fn the_demo_journal_has_cases_in_both_languages() {
    let mut office = with_users(Office::open_in_memory().unwrap());
    let now = at("2026-11-23T16:00:00+05:00");
    let added = demo::seed(&mut office, now).unwrap();
    assert!(added >= 2, "only {added} demo cases");
    let cases = office.cases().unwrap();
    assert!(cases.iter().any(|c| c.language.code() == "kk"));
    assert!(cases.iter().any(|c| c.language.code() == "ru"));
    assert_eq!(
        demo::seed(&mut office, now).unwrap(),
        0,
        "a second seed adds nothing"
    );
}
