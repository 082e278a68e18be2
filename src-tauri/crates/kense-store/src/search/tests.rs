use chrono::{DateTime, FixedOffset};
use kense_domain::case::{Applicant, ValidApplication};
use kense_domain::journal::JournalFilter;
use kense_domain::types::{ApplicantKind, Channel, Language};

use crate::cases::{is_empty, register};
use crate::queues::{search, search_clause};
use crate::Store;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn application(name: &str, iin: &str) -> ValidApplication {
    ValidApplication {
        service: "small-vessel-certificate".into(),
        service_version: 1,
        procedure: "issue".into(),
        channel: Channel::StateCorp,
        received_at: at("2026-11-23T10:00:00+05:00"),
        language: Language::Kk,
        external_number: None,
        applicant: Applicant {
            kind: ApplicantKind::Person,
            id_number: iin.into(),
            name: name.into(),
            phone: "+7 701 000 00 00".into(),
            address: "Орал".into(),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    }
}

const T: &str = "2026-11-23T10:00:00+05:00";

fn journal(people: &[(&str, &str)]) -> Store {
    let store = Store::open_in_memory().unwrap();
    for (name, iin) in people {
        let app = application(name, iin);
        store
            .write(|tx| register(tx, &app, at(T), "clerk", "YYYY-NNNNN"))
            .unwrap();
    }
    store
}

fn text(text: &str) -> JournalFilter {
    JournalFilter {
        text: Some(text.into()),
        ..JournalFilter::default()
    }
}

fn numbers(store: &Store, filter: &JournalFilter) -> Vec<String> {
    let mut found: Vec<String> = search(store.conn(), filter, at(T), 100)
        .unwrap()
        .into_iter()
        .map(|c| c.number)
        .collect();
    found.sort();
    found
}

fn people() -> Store {
    journal(&[
        ("Бекмаханова Әсел Қайратқызы", "800416400254"), // 2026-00001
        ("Әсел Нұрланқызы Ахметова", "920101400123"),    // 2026-00002
        ("Ержан Сәбитұлы Қалиев", "850607300111"),       // 2026-00003
        ("Иванов Пётр", "800101300999"),                 // 2026-00004
        ("Құрманов Ерлан", "770202300555"),              // 2026-00005
    ])
}

#[test]
fn iin_prefixes_and_fragments_are_found() {
    let store = people();
    assert_eq!(
        numbers(&store, &text("8004")),
        ["2026-00001"],
        "the start of an IIN"
    );
    assert_eq!(numbers(&store, &text("800")), ["2026-00001", "2026-00004"]);
    assert_eq!(numbers(&store, &text("0254")), ["2026-00001"], "its end");
    assert_eq!(numbers(&store, &text("920101400123")), ["2026-00002"]);
}

#[test]
fn number_fragments_are_found() {
    let store = people();
    assert_eq!(numbers(&store, &text("00005")), ["2026-00005"]);
    assert_eq!(numbers(&store, &text("2026-00003")), ["2026-00003"]);
    assert_eq!(numbers(&store, &text("2026-0000")).len(), 5);
    assert_eq!(numbers(&store, &text("5")).len(), 3, "one digit: a scan");
    assert_eq!(numbers(&store, &text("26")).len(), 5, "two digits: a scan");
}

#[test]
fn kazakh_letters_are_found_by_their_russian_keyboard_look_alikes() {
    let store = people();
    assert_eq!(numbers(&store, &text("Асел")), ["2026-00001", "2026-00002"]);
    assert_eq!(numbers(&store, &text("әсел")), ["2026-00001", "2026-00002"]);
    assert_eq!(numbers(&store, &text("калиев")), ["2026-00003"]);
    assert_eq!(numbers(&store, &text("Курманов")), ["2026-00005"]);
    assert_eq!(numbers(&store, &text("петр")), ["2026-00004"], "ё as е");
}

#[test]
fn words_match_in_any_order() {
    let store = people();
    assert_eq!(
        numbers(&store, &text("Бекмаханова Әсел")),
        ["2026-00001"],
        "surname first"
    );
    assert_eq!(numbers(&store, &text("асел бекмаханова")), ["2026-00001"]);
    assert_eq!(numbers(&store, &text("Асел 9201")), ["2026-00002"]);
    assert_eq!(
        numbers(&store, &text("ив 00004")),
        ["2026-00004"],
        "a short word too"
    );
}

#[test]
fn a_word_matching_nothing_finds_nothing_in_a_journal_that_is_not_empty() {
    let store = people();
    assert!(numbers(&store, &text("Бекмаханова Жұмабаева")).is_empty());
    assert!(numbers(&store, &text("асел 7777")).is_empty());
    assert!(
        numbers(&store, &text("\"")).is_empty(),
        "a quote is no FTS syntax"
    );
    assert!(!is_empty(store.conn()).unwrap());
    assert!(is_empty(Store::open_in_memory().unwrap().conn()).unwrap());
}

#[test]
fn other_filters_still_apply_to_a_text_search() {
    let store = people();
    let mut filter = text("асел");
    filter.to = Some("2026-11-22".into());
    assert!(numbers(&store, &filter).is_empty());
    filter.to = Some("2026-11-23".into());
    assert_eq!(numbers(&store, &filter).len(), 2);
}

#[test]
fn a_changed_name_is_searched_by_its_new_form() {
    let store = people();
    store
        .write(|tx| {
            tx.execute(
                "UPDATE cases SET applicant_name = 'Жанар Өмірзақова' WHERE number = '2026-00004'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(numbers(&store, &text("омирзакова")), ["2026-00004"]);
    assert!(numbers(&store, &text("иванов")).is_empty());
}

#[test]
fn the_search_uses_the_trigram_index_on_thousands_of_cases() {
    let store = Store::open_in_memory().unwrap();
    let surnames = [
        "Бекмаханова",
        "Ахметова",
        "Қалиев",
        "Иванов",
        "Құрманов",
        "Сәбитов",
    ];
    let given = [
        "Әсел",
        "Ержан",
        "Пётр",
        "Ерлан",
        "Гүлнар",
        "Нұрлан",
        "Айгүл",
    ];
    store
        .write(|tx| {
            for i in 0..3000usize {
                let name = format!(
                    "{} {}",
                    surnames[i % surnames.len()],
                    given[(i / 7) % given.len()]
                );
                let iin = format!("{:06}{:06}", 800101 + i % 97, 900_000 + i);
                register(tx, &application(&name, &iin), at(T), "clerk", "YYYY-NNNNN")?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(
        numbers(&store, &text("6-02999")),
        ["2026-02999"],
        "a number fragment among thousands"
    );
    let found = search(store.conn(), &text("Бекмаханова Асел"), at(T), 10_000).unwrap();
    assert!(!found.is_empty());
    assert!(found.iter().all(|c| c.applicant.name == "Бекмаханова Әсел"));
    // A page of 200 takes the newest of the first 1,000 matches; an export
    // (no limit) takes every match.
    let page = search(store.conn(), &text("2026"), at(T), 200).unwrap();
    assert_eq!(page.len(), 200);
    assert_eq!(page[0].number, "2026-03000", "the newest first");
    let all = search(store.conn(), &text("2026"), at(T), u32::MAX).unwrap();
    assert_eq!(all.len(), 3000);

    for query in ["8004", "00005", "Бекмаханова Асел", "асел 2026-01"] {
        let (clause, args) = search_clause(&text(query), at(T), 200);
        let sql = format!("EXPLAIN QUERY PLAN SELECT id FROM cases {clause}");
        let mut stmt = store.conn().prepare(&sql).unwrap();
        let plan: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                r.get::<_, String>(3)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let text = plan.join("\n");
        assert!(
            text.contains("case_search VIRTUAL TABLE INDEX"),
            "{query}: the trigram index answers\n{text}"
        );
        assert!(
            text.contains("SEARCH cases USING INTEGER PRIMARY KEY"),
            "{query}: cases are read by id, not scanned\n{text}"
        );
        assert!(!text.contains("SCAN cases"), "{query}\n{text}");
    }
}
