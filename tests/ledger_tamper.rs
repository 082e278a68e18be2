//! The tamper-evident history (issue 13): each edit an attacker with the file and
//! plain SQLite can make is tried on a copy of a walked journal, and `verify`
//! must name the first broken link — which case, which line, what kind of change.
//! The attacker has no `kense_sha256`, so, as with the `sqlite3` tool, they drop
//! the triggers that stand in the way first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, FixedOffset};
use kense_core::office_details::demo_details;
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput, CaseStatus};
use kense_domain::regulation::{Check, StepKind};
use kense_domain::workflow::{Action, HandOverMethod};
use kense_store::ledger::{BreakKind, ChainBreak};
use kense_store::Connection;
use kense_tests::signed_in;

type Time = DateTime<FixedOffset>;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const START: &str = "2026-11-23T09:30:00+05:00";

fn application() -> ApplicationInput {
    ApplicationInput {
        service: "small-vessel-certificate".into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: (at(START) - Duration::minutes(5)).to_rfc3339(),
        language: "kk".into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some("800416100254".into()),
            bin: None,
            name: "Ержан Сәбитұлы Қалиев".into(),
            phone: "+7 701 555 12 34".into(),
            address: "Орал қ., Сарайшық к-сі, 12".into(),
        },
        representative: None,
        documents: vec!["Өтініш".into(), "Жеке басты куәландыратын құжат".into()],
    }
}

/// Walks a case along its main path to the end (the head signs with the PIN).
fn walk(office: &mut Office, number: &str) {
    let mut now = at(START);
    for _ in 0..40 {
        let view = office
            .case_view(&signed_in(office, "admin"), number, now)
            .unwrap();
        let Some(step) = view.step.clone() else {
            assert_eq!(view.case.status, CaseStatus::Closed);
            return;
        };
        now += Duration::minutes(10);
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
        let (who, acts): (&str, Vec<Action>) = match step.kind {
            StepKind::Resolution => (
                "head",
                vec![Action::Resolve {
                    text: "Орындауға".into(),
                    executor: (!next_is_assign).then(|| "executor".to_string()),
                    dept_head: next_is_assign.then(|| "depthead".to_string()),
                    deadline: None,
                }],
            ),
            StepKind::AssignExecutor => (
                "depthead",
                vec![Action::AssignExecutor {
                    executor: "executor".into(),
                    text: String::new(),
                }],
            ),
            StepKind::Sign => {
                office
                    .sign_with_pin(
                        &signed_in(office, "head"),
                        number,
                        demo::DEMO_STRONG_PIN,
                        "",
                        now,
                    )
                    .unwrap();
                continue;
            }
            StepKind::HandOver => (
                "clerk",
                vec![Action::HandOver {
                    method: HandOverMethod::StateCorp,
                    outgoing_number: None,
                    comment: String::new(),
                }],
            ),
            StepKind::Formalise => (
                "executor",
                vec![Action::Formalise {
                    method: HandOverMethod::Post,
                    outgoing_number: None,
                    note: String::new(),
                }],
            ),
            _ => {
                let mut acts: Vec<Action> = step
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
                let fields: BTreeMap<String, String> = [
                    ("certificate-number", "ШК-0457"),
                    ("vessel-class", "Моторлы қайық (R)"),
                    ("navigation-area", "Жайық өзені"),
                    ("valid-until", "2036-11-30"),
                ]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
                acts.push(Action::Submit {
                    fields,
                    note: String::new(),
                });
                ("executor", acts)
            }
        };
        for act in acts {
            now += Duration::minutes(1);
            office
                .act(&signed_in(office, who), number, act, now)
                .unwrap();
        }
    }
    panic!("{number} did not finish");
}

/// A journal file with users, office details, three cases (the first walked to
/// its end, signed and handed over) and a printed receipt.
fn base_journal(dir: &Path) -> (String, String) {
    let mut office = Office::create(dir).unwrap();
    demo::seed_users(&mut office, at("2026-11-01T09:00:00+05:00")).unwrap();
    office
        .set_office_details(&signed_in(&office, "admin"), &demo_details())
        .unwrap();
    let issued = office
        .register(&signed_in(&office, "clerk"), &application(), at(START))
        .unwrap()
        .number;
    office
        .register(&signed_in(&office, "clerk"), &application(), at(START))
        .unwrap();
    let newest = office
        .register(&signed_in(&office, "clerk"), &application(), at(START))
        .unwrap()
        .number;
    walk(&mut office, &issued);
    let report = office.verify(&signed_in(&office, "admin")).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    (issued, newest)
}

struct Attack {
    name: &'static str,
    sql: String,
    kind: BreakKind,
    table: &'static str,
    case: Option<String>,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    std::fs::copy(from.join("journal.sqlite"), to.join("journal.sqlite")).unwrap();
}

/// Applies the attack with plain SQLite (no Kense functions) and returns verify's first break.
fn attack(base: &Path, work: &Path, sql: &str) -> (Option<ChainBreak>, Vec<String>) {
    copy_dir(base, work);
    let conn = Connection::open(work.join("journal.sqlite")).unwrap();
    conn.execute_batch(sql)
        .unwrap_or_else(|e| panic!("attack failed: {e}\n{sql}"));
    drop(conn);
    let office = Office::open(work).unwrap();
    let report = office.verify(&signed_in(&office, "admin")).unwrap();
    (report.first_break, report.problems)
}

/// The statements that drop every trigger on `table` (as an attacker would).
fn drop_triggers(table: &str, base: &Path) -> String {
    let conn = Connection::open(base.join("journal.sqlite")).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1")
        .unwrap();
    let names: Vec<String> = stmt
        .query_map([table], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    names
        .iter()
        .map(|n| format!("DROP TRIGGER {n};"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn verify_names_the_first_broken_link_of_each_tampering() {
    let root = tempfile::tempdir().unwrap();
    let base: PathBuf = root.path().join("base");
    let (issued, newest) = base_journal(&base);
    let case_id = |number: &str| -> i64 {
        let conn = Connection::open(base.join("journal.sqlite")).unwrap();
        conn.query_row("SELECT id FROM cases WHERE number = ?1", [number], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let issued_id = case_id(&issued);
    let newest_id = case_id(&newest);
    let events = drop_triggers("case_events", &base);
    let cases = drop_triggers("cases", &base);
    let users = drop_triggers("users", &base);
    let documents = drop_triggers("documents", &base);
    let sequence = drop_triggers("journal_sequence", &base);
    let outgoing = drop_triggers("outgoing_numbers", &base);
    let attacks = [
        Attack {
            name: "history row edited: the signer changed",
            sql: format!(
                "{events}\nUPDATE case_events SET actor = 'deputy', role = 'deputy'
                 WHERE case_id = {issued_id} AND action = 'sign';"
            ),
            kind: BreakKind::RowEdited,
            table: "case_events",
            case: Some(issued.clone()),
        },
        Attack {
            name: "history row deleted",
            sql: format!(
                "{events}\nDELETE FROM case_events WHERE id =
                   (SELECT id FROM case_events WHERE case_id = {issued_id} AND action = 'resolve');"
            ),
            kind: BreakKind::RowDeleted,
            table: "case_events",
            case: Some(issued.clone()),
        },
        Attack {
            name: "forged event inserted",
            sql: format!(
                "{events}\nINSERT INTO case_events (case_id, at, actor, role, acting_for_head, step, action, data_json)
                 VALUES ({newest_id}, '2026-11-23T12:00:00+05:00', 'head', 'head', 0, NULL, 'resolve', '{{}}');"
            ),
            kind: BreakKind::RowOutsideChain,
            table: "case_events",
            case: Some(newest.clone()),
        },
        Attack {
            name: "case fields changed",
            sql: format!(
                "{cases}\nUPDATE cases SET applicant_name = 'Басқа Адам', applicant_name_folded = 'басқа адам'
                 WHERE id = {issued_id};"
            ),
            kind: BreakKind::RowEdited,
            table: "cases",
            case: Some(issued.clone()),
        },
        Attack {
            name: "newest case deleted with the counter rolled back",
            sql: format!(
                "{events}\n{cases}\n{sequence}\nDELETE FROM case_events WHERE case_id = {newest_id};
                 DELETE FROM cases WHERE id = {newest_id};
                 UPDATE journal_sequence SET last_seq = last_seq - 1 WHERE year = 2026;"
            ),
            kind: BreakKind::CounterChanged,
            table: "journal_sequence",
            case: None,
        },
        Attack {
            name: "outgoing number moved to another case",
            sql: format!(
                "{outgoing}\nUPDATE outgoing_numbers SET case_id = {newest_id} WHERE case_id = {issued_id};"
            ),
            kind: BreakKind::RowEdited,
            table: "outgoing_numbers",
            case: Some(newest.clone()),
        },
        Attack {
            name: "head's PIN hash swapped",
            sql: format!(
                "{users}\nUPDATE users SET pin_hash = (SELECT pin_hash FROM users WHERE login = 'clerk')
                 WHERE login = 'head';"
            ),
            kind: BreakKind::RowEdited,
            table: "users",
            case: None,
        },
        Attack {
            name: "document bytes and hash changed together",
            sql: format!(
                "{documents}\nUPDATE documents SET bytes = x'255044462D312E370A', 
                   sha256 = '{}' WHERE case_id = {issued_id};",
                kense_core::documents::sha256_hex(b"%PDF-1.7\n")
            ),
            kind: BreakKind::RowEdited,
            table: "documents",
            case: Some(issued.clone()),
        },
        Attack {
            name: "chain line removed",
            sql: "DROP TRIGGER ledger_append_only_delete;
                  DELETE FROM ledger WHERE seq = 20;"
                .to_string(),
            kind: BreakKind::LineRemovedOrReordered,
            table: "",
            case: None,
        },
    ];
    let mut caught = 0;
    for (i, a) in attacks.iter().enumerate() {
        let work = root.path().join(format!("attack-{i}"));
        let (first, problems) = attack(&base, &work, &a.sql);
        let first = first.unwrap_or_else(|| panic!("{}: not caught", a.name));
        assert_eq!(first.kind, a.kind, "{}: {first:?}\n{problems:#?}", a.name);
        if !a.table.is_empty() {
            assert_eq!(first.table, a.table, "{}: {first:?}", a.name);
        }
        if a.case.is_some() {
            assert_eq!(first.case_number, a.case, "{}: {first:?}", a.name);
        }
        caught += 1;
        println!("caught: {} → {}", a.name, first.describe());
    }
    // The deleted newest case is named too (after the counter, its first sign).
    let work = root.path().join("attack-4");
    let office = Office::open(&work).unwrap();
    let report = office.verify(&signed_in(&office, "admin")).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("row deleted") && p.contains(&newest)),
        "{:#?}",
        report.problems
    );
    println!("edits tried: {}, caught: {caught}", attacks.len());
    assert_eq!(caught, attacks.len());
}

#[test]
fn a_forged_document_no_longer_verifies_as_genuine() {
    let root = tempfile::tempdir().unwrap();
    let base = root.path().join("base");
    let (issued, _) = base_journal(&base);
    let office = Office::open(&base).unwrap();
    let docs = office
        .case_documents(&signed_in(&office, "admin"), &issued)
        .unwrap();
    assert_eq!(docs.len(), 1);
    drop(office);
    let forged = b"%PDF-1.7\nforged".to_vec();
    let work = root.path().join("work");
    copy_dir(&base, &work);
    let conn = Connection::open(work.join("journal.sqlite")).unwrap();
    conn.execute_batch(&drop_triggers("documents", &base))
        .unwrap();
    conn.execute(
        "UPDATE documents SET bytes = ?1, sha256 = ?2",
        rusqlite::params![forged, kense_core::documents::sha256_hex(&forged)],
    )
    .unwrap();
    drop(conn);
    let office = Office::open(&work).unwrap();
    let verdict = office
        .verify_document(&signed_in(&office, "admin"), &forged)
        .unwrap();
    assert_eq!(
        verdict.verdict,
        kense_core::documents::Verdict::Tampered,
        "bytes and hash changed together must not pass as genuine"
    );
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
