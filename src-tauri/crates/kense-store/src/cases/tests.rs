use super::*;
use crate::Store;
use kense_domain::case::Representative;

fn register_in(
    store: &mut Store,
    app: &ValidApplication,
    at: DateTime<FixedOffset>,
    by: &str,
    pattern: &str,
) -> Result<Case, StoreError> {
    store.write(|tx| register(tx, app, at, by, pattern))
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn application(name: &str) -> ValidApplication {
    ValidApplication {
        service: "small-vessel-certificate".into(),
        service_version: 1,
        procedure: "issue".into(),
        channel: Channel::StateCorp,
        received_at: at("2026-11-23T10:00:00+05:00"),
        language: Language::Kk,
        external_number: Some("SC-77".into()),
        applicant: Applicant {
            kind: ApplicantKind::Person,
            id_number: "800416100254".into(),
            name: name.into(),
            phone: "+7 701 000 00 00".into(),
            address: "Орал".into(),
        },
        representative: Some(Representative {
            name: "Өкіл".into(),
            iin: "061211600012".into(),
            poa_number: "12".into(),
            poa_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        }),
        documents: vec!["Өтініш".into(), "Жеке куәлік".into()],
    }
}

#[test]
fn numbers_are_sequential_and_restart_each_year() {
    let mut store = Store::open_in_memory().unwrap();
    let store = &mut store;
    let pattern = "YYYY-NNNNN";
    let a = register_in(
        store,
        &application("А"),
        at("2026-12-31T18:00:00+05:00"),
        "clerk",
        pattern,
    )
    .unwrap();
    let b = register_in(
        store,
        &application("Б"),
        at("2026-12-31T18:10:00+05:00"),
        "clerk",
        pattern,
    )
    .unwrap();
    let c = register_in(
        store,
        &application("В"),
        at("2027-01-03T09:00:00+05:00"),
        "clerk",
        pattern,
    )
    .unwrap();
    assert_eq!((a.number.as_str(), a.seq), ("2026-00001", 1));
    assert_eq!((b.number.as_str(), b.seq), ("2026-00002", 2));
    assert_eq!((c.number.as_str(), c.year, c.seq), ("2027-00001", 2027, 1));
}

#[test]
fn a_case_round_trips_with_all_its_fields() {
    let mut store = Store::open_in_memory().unwrap();
    let app = application("Әсет Құрманғалиұлы");
    let case = register_in(
        &mut store,
        &app,
        at("2026-11-23T10:05:00+05:00"),
        "clerk",
        "YYYY-NNNNN",
    )
    .unwrap();
    assert_eq!(case.applicant, app.applicant);
    assert_eq!(case.representative, app.representative);
    assert_eq!(case.documents, app.documents);
    assert_eq!(case.external_number.as_deref(), Some("SC-77"));
    assert_eq!(case.registered_at, at("2026-11-23T10:05:00+05:00"));
    assert_eq!(case.status, CaseStatus::Registered);
    assert_eq!(
        get_by_number(store.conn(), "2026-00001").unwrap().unwrap(),
        case
    );
}

#[test]
fn journal_lists_newest_first() {
    let mut store = Store::open_in_memory().unwrap();
    for (i, minute) in ["10", "12", "11"].iter().enumerate() {
        let t = at(&format!("2026-11-23T10:{minute}:00+05:00"));
        register_in(
            &mut store,
            &application(&format!("N{i}")),
            t,
            "clerk",
            "YYYY-NNNNN",
        )
        .unwrap();
    }
    let names: Vec<String> = list_newest_first(store.conn(), 10, 0)
        .unwrap()
        .into_iter()
        .map(|c| c.applicant.name)
        .collect();
    assert_eq!(names, ["N1", "N2", "N0"]);
    assert_eq!(count(store.conn()).unwrap(), 3);
}

#[test]
fn a_failed_insert_leaves_no_gap() {
    let mut store = Store::open_in_memory().unwrap();
    let t = at("2026-11-23T10:00:00+05:00");
    register_in(&mut store, &application("A"), t, "clerk", "YYYY-NNNNN").unwrap();
    // Seq 2 is written "X-2"; then a pattern without a real sequence run writes
    // seq 3 as "X-2" too, so the insert collides and must roll back whole.
    register_in(&mut store, &application("B"), t, "clerk", "X-N").unwrap();
    let dup = register_in(&mut store, &application("C"), t, "clerk", "X-2");
    assert!(dup.is_err(), "duplicate number must fail");
    let next = register_in(&mut store, &application("D"), t, "clerk", "YYYY-NNNNN").unwrap();
    assert_eq!(
        next.seq, 3,
        "the failed registration must not consume a number"
    );
}

#[test]
fn journal_search_finds_numbers_ids_and_parts_of_names() {
    use crate::queues::search;
    use kense_domain::journal::JournalFilter;
    let mut store = Store::open_in_memory().unwrap();
    let t = at("2026-11-23T10:00:00+05:00");
    for name in ["Әсет Құрманғалиұлы", "Иванов Пётр", "Құрманов Ерлан"]
    {
        register_in(&mut store, &application(name), t, "clerk", "YYYY-NNNNN").unwrap();
    }
    let find = |text: &str| -> Vec<String> {
        let filter = JournalFilter {
            text: Some(text.into()),
            ..JournalFilter::default()
        };
        let mut names: Vec<String> = search(store.conn(), &filter, t, 100)
            .unwrap()
            .into_iter()
            .map(|c| c.applicant.name)
            .collect();
        names.sort();
        names
    };
    assert_eq!(find("ҚҰРМАН"), ["Құрманов Ерлан", "Әсет Құрманғалиұлы"]);
    assert_eq!(find("пётр"), ["Иванов Пётр"]);
    assert_eq!(
        find("ив"),
        ["Иванов Пётр"],
        "two letters fall back to a scan"
    );
    assert_eq!(find("2026-00002"), ["Иванов Пётр"]);
    assert_eq!(find("2026-0000").len(), 3);
    assert_eq!(find("800416100254").len(), 3);
    assert!(find("жоқ адам").is_empty());
    assert!(
        find("\"").is_empty(),
        "a quote in the text is not FTS syntax"
    );
}
