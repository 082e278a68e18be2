//! The journal as a clerk uses it, through the same core as the window.

use chrono::{DateTime, FixedOffset};
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput, CaseStatus};
use kense_domain::ErrorCode;
use kense_tests::signed_in;

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
                &signed_in(&office, "clerk"),
                &vessel_application(
                    "Әсет Құрманғалиұлы",
                    "800416100254",
                    "2026-11-23T10:20:00+05:00",
                ),
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
    let rows = office.journal(&signed_in(&office, "admin"), now).unwrap();
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
            &signed_in(&office, "clerk"),
            &vessel_application("А", "800416100254", "2026-12-31T18:00:00+05:00"),
            late,
        )
        .unwrap();
    let early = at("2027-01-04T09:05:00+05:00");
    let b = office
        .register(
            &signed_in(&office, "clerk"),
            &vessel_application("Б", "800416100254", "2026-12-31T18:10:00+05:00"),
            early,
        )
        .unwrap();
    assert_eq!(a.number, "2026-00001");
    assert_eq!(b.number, "2027-00001");
}

#[test]
fn the_office_pattern_writes_the_numbers() {
    let mut office = with_users(Office::open_in_memory().unwrap());
    office
        .set_number_pattern(&signed_in(&office, "admin"), "ҚЖ-NNN/YYYY")
        .unwrap();
    let now = at("2026-11-23T10:30:00+05:00");
    let case = office
        .register(
            &signed_in(&office, "clerk"),
            &vessel_application("А", "800416100254", "2026-11-23T10:00:00+05:00"),
            now,
        )
        .unwrap();
    assert_eq!(case.number, "ҚЖ-001/2026");
    assert!(office
        .set_number_pattern(&signed_in(&office, "admin"), "YYYY")
        .is_err());
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
        let err = office
            .register(&signed_in(&office, "clerk"), &input, now)
            .unwrap_err();
        assert_eq!(err.first_code(), code);
    }
    assert!(office
        .cases(&signed_in(&office, "admin"))
        .unwrap()
        .is_empty());
}

#[test]
fn the_demo_journal_has_cases_in_both_languages() {
    let mut office = with_users(Office::open_in_memory().unwrap());
    let now = at("2026-11-23T16:00:00+05:00");
    let added = demo::seed(&mut office, now).unwrap();
    assert!(added >= 2, "only {added} demo cases");
    let cases = office.cases(&signed_in(&office, "admin")).unwrap();
    assert!(cases.iter().any(|c| c.language.code() == "kk"));
    assert!(cases.iter().any(|c| c.language.code() == "ru"));
    assert_eq!(
        demo::seed(&mut office, now).unwrap(),
        0,
        "a second seed adds nothing"
    );
}

/// A valid IIN starting with `birth` (yymmdd) and the century-and-sex digit.
fn valid_iin(birth: &str, serial: u32) -> String {
    (serial..serial + 100)
        .flat_map(|s| (0..10).map(move |c| format!("{birth}{:04}{c}", s % 10_000)))
        .find(|iin| kense_domain::iin::checksum_ok(iin))
        .unwrap()
}

/// Issue 11, "search that forgives": the clerk types what she remembers.
#[test]
fn search_forgives_fragments_keyboards_and_word_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = with_users(Office::create(dir.path()).unwrap());
    let now = at("2026-11-23T12:00:00+05:00");
    let search = |office: &Office, text: &str| {
        let filter = kense_domain::journal::JournalFilter {
            text: Some(text.into()),
            ..Default::default()
        };
        office
            .search_journal(&signed_in(office, "admin"), &filter, now)
            .unwrap()
    };
    // An empty journal: nothing found, and the journal says it is empty.
    let empty = search(&office, "Асел");
    assert!(empty.rows.is_empty());
    assert!(empty.journal_empty);

    for (name, iin) in [
        ("Бекмаханова Әсел Қайратқызы", valid_iin("8004164", 25)),
        ("Ержан Сәбитұлы Қалиев", valid_iin("8506073", 111)),
        ("Иванов Пётр", valid_iin("7702023", 333)),
        ("Құрманов Ерлан", valid_iin("7903033", 444)),
        ("Нұрланова Гүлнар", valid_iin("9505054", 666)),
    ] {
        office
            .register(
                &signed_in(&office, "clerk"),
                &vessel_application(name, &iin, "2026-11-23T10:20:00+05:00"),
                now,
            )
            .unwrap();
    }
    let numbers = |office: &Office, text: &str| -> Vec<String> {
        let found = search(office, text);
        let mut numbers: Vec<String> = found.rows.into_iter().map(|r| r.number).collect();
        numbers.sort();
        numbers
    };
    assert_eq!(numbers(&office, "8004"), ["2026-00001"], "start of an IIN");
    assert_eq!(
        numbers(&office, "00005"),
        ["2026-00005"],
        "part of a number"
    );
    assert_eq!(numbers(&office, "2026-0000").len(), 5);
    assert_eq!(numbers(&office, "Асел"), ["2026-00001"], "Russian keyboard");
    assert_eq!(numbers(&office, "гулнар"), ["2026-00005"]);
    assert_eq!(
        numbers(&office, "Бекмаханова Әсел"),
        ["2026-00001"],
        "surname first"
    );
    assert_eq!(numbers(&office, "Әсел Бекмаханова"), ["2026-00001"]);
    let nothing = search(&office, "Бекмаханова Жұмабаева");
    assert!(nothing.rows.is_empty(), "a word matching nothing");
    assert!(
        !nothing.journal_empty,
        "nothing found is not an empty journal"
    );
    assert!(!search(&office, "Асел").journal_empty);
}
