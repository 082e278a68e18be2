use super::*;
use crate::migrations::{migrate_to, SCHEMA_VERSION};
use crate::Store;

fn store_with_rows() -> Store {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|c| {
            c.execute_batch(
                "INSERT INTO journal_sequence VALUES (2026, 2);
                 INSERT INTO cases (number, year, seq, registered_at, received_at, channel, service,
                   service_version, procedure, language, applicant_kind, applicant_id_number,
                   applicant_name, applicant_name_folded, applicant_phone, applicant_address,
                   documents_json, status, registered_by)
                 VALUES ('2026-00001', 2026, 1, 't', 't', 'post', 's', 1, 'p', 'kk', 'person', 'x',
                   'n', 'n', '', '', '[]', 'registered', 'u'),
                        ('2026-00002', 2026, 2, 't', 't', 'post', 's', 1, 'p', 'kk', 'person', 'x',
                   'n', 'n', '', '', '[]', 'registered', 'u');
                 INSERT INTO case_events (case_id, at, actor, role, acting_for_head, action, data_json, version)
                   VALUES (1, 't', 'clerk', 'clerk', 0, 'register', '{}', 0);
                 UPDATE cases SET status = 'in_progress' WHERE id = 1;
                 INSERT INTO settings VALUES ('k', 'v');",
            )?;
            Ok(())
        })
        .unwrap();
    store
}

#[test]
fn every_write_adds_a_chained_line_and_the_chain_verifies() {
    let store = store_with_rows();
    let report = verify_chain(store.conn()).unwrap();
    assert_eq!(report.breaks, vec![]);
    // counter, two cases, one event, one case update, one setting
    assert_eq!(report.head.length, 6);
    assert_eq!(report.head.hash.len(), 64);
    let first_prev: String = store
        .conn()
        .query_row("SELECT prev_hash FROM ledger WHERE seq = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(first_prev, GENESIS);
}

#[test]
fn a_journal_from_before_the_ledger_gets_genesis_lines_and_verifies() {
    let mut conn = Connection::open_in_memory().unwrap();
    register_functions(&conn).unwrap();
    // 0006 brings the ledger (genesis lines for the rows before it); 0008
    // widens the views of `cases` and `case_events`, which anchors their rows again.
    migrate_to(&mut conn, 5).unwrap();
    conn.execute_batch(
        "INSERT INTO journal_sequence VALUES (2026, 1);
         INSERT INTO cases (number, year, seq, registered_at, received_at, channel, service,
           service_version, procedure, language, applicant_kind, applicant_id_number,
           applicant_name, applicant_name_folded, applicant_phone, applicant_address,
           documents_json, status, registered_by)
         VALUES ('2026-00001', 2026, 1, 't', 't', 'post', 's', 1, 'p', 'kk', 'person', 'x',
           'n', 'n', '', '', '[]', 'registered', 'u');
         INSERT INTO case_events (case_id, at, actor, role, acting_for_head, action, data_json, version)
           VALUES (1, 't', 'clerk', 'clerk', 0, 'register', '{}', 0),
                  (1, 't', 'head', 'head', 0, 'resolve', '{}', 1);",
    )
    .unwrap();
    migrate_to(&mut conn, SCHEMA_VERSION).unwrap();
    let report = verify_chain(&conn).unwrap();
    assert_eq!(report.breaks, vec![]);
    // 0006: counter, case, two events; 0008: the case and the two events again.
    assert_eq!(report.head.length, 7);
    let genesis: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM ledger WHERE op = 'genesis'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(genesis, 7);
}

#[test]
fn the_ledger_refuses_edits_and_removals_through_the_store() {
    let store = store_with_rows();
    assert!(store
        .conn()
        .execute("UPDATE ledger SET label = 'x'", [])
        .is_err());
    assert!(store.conn().execute("DELETE FROM ledger", []).is_err());
}

#[test]
fn a_removed_middle_line_and_an_edited_line_are_named() {
    let store = store_with_rows();
    let c = store.conn();
    c.execute_batch(
        "DROP TRIGGER ledger_append_only_delete; DROP TRIGGER ledger_append_only_update;",
    )
    .unwrap();
    c.execute("UPDATE ledger SET content_hash = 'ab' WHERE seq = 3", [])
        .unwrap();
    let report = verify_chain(c).unwrap();
    assert_eq!(report.breaks[0].seq, 3);
    assert_eq!(report.breaks[0].kind, BreakKind::LineEdited);
    c.execute("DELETE FROM ledger WHERE seq = 2", []).unwrap();
    let report = verify_chain(c).unwrap();
    assert_eq!(report.breaks[0].seq, 3);
    assert_eq!(report.breaks[0].kind, BreakKind::LineRemovedOrReordered);
}
