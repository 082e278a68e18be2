//! The `kense-cli` contract that scripts depend on (issue: walking skeleton).

use kense_tests::{cli, stdout_json};
use serde_json::json;

const NOW: &str = "2026-11-23T10:30:00+05:00";

fn application(name: &str, iin: &str) -> String {
    json!({
        "service": "small-vessel-certificate",
        "procedure": "issue",
        "channel": "state_corp",
        "received_at": "2026-11-23T10:15:00+05:00",
        "language": "kk",
        "applicant": {"kind": "person", "iin": iin, "name": name, "phone": "+7 701 111 22 33", "address": "Орал қ."},
        "documents": ["Өтініш", "Жеке куәлік"]
    })
    .to_string()
}

#[test]
fn register_prints_the_case_and_journal_lists_it_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let first = cli(
        dir.path(),
        NOW,
        &["register", "--json", "-"],
        &application("Әсет Құрманғалиұлы", "800416100254"),
    );
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let case = stdout_json(&first);
    assert_eq!(case["number"], "2026-00001");
    assert_eq!(case["year"], 2026);
    assert_eq!(case["seq"], 1);
    assert_eq!(case["registered_at"], NOW);
    assert!(case["id"].as_i64().is_some());

    let file = dir.path().join("second.json");
    std::fs::write(&file, application("Иванов Иван", "061211600012")).unwrap();
    let second = cli(
        dir.path(),
        NOW,
        &["register", "--json", file.to_str().unwrap()],
        "",
    );
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(stdout_json(&second)["number"], "2026-00002");

    let journal = stdout_json(&cli(dir.path(), NOW, &["journal", "--json"], ""));
    let numbers: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["2026-00002", "2026-00001"]);
    assert_eq!(journal[1]["applicant"]["name"], "Әсет Құрманғалиұлы");
    assert_eq!(journal[1]["registered_by"], "clerk1");
}

#[test]
fn bad_input_exits_2_with_a_bilingual_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        application("Әсет", "821214240092"),
        application("   ", "800416100254"),
        application(&"Ә".repeat(10_000), "800416100254"),
        application("Әсет", "800416100254").replace("2026-11-23T10:15:00", "2026-11-24T10:15:00"),
        application("Әсет", "800416100254").replace("\"kk\"", "\"en\""),
        "{not json".to_string(),
        application("Әсет", "800416100254")
            .replace("\"documents\"", "\"surprise\": 1, \"documents\""),
    ];
    for input in cases {
        let out = cli(dir.path(), NOW, &["register", "--json", "-"], &input);
        assert_eq!(out.status.code(), Some(2), "input {input:.200}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(" / "), "kk / ru message expected: {stderr}");
        assert!(out.stdout.is_empty());
    }
    let out = cli(
        dir.path(),
        NOW,
        &["register", "--json", "-"],
        &application("Әсет", "821214240092"),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ЖСН қате") && stderr.contains("Неверный ИИН"),
        "{stderr}"
    );
    let journal = stdout_json(&cli(dir.path(), NOW, &["journal", "--json"], ""));
    assert_eq!(journal, json!([]));
}

#[test]
fn verify_and_backup_work_on_a_live_journal() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        dir.path(),
        NOW,
        &["register", "--json", "-"],
        &application("Әсет", "800416100254"),
    );
    assert!(out.status.success());
    let report = stdout_json(&cli(dir.path(), NOW, &["verify", "--json"], ""));
    assert_eq!(report["cases"], 1);
    assert_eq!(report["problems"], json!([]));
    assert_eq!(report["first_break"], json!(null));
    assert!(report["chain"]["length"].as_i64().unwrap() > 1);
    assert_eq!(report["chain"]["hash"].as_str().unwrap().len(), 64);
    let copy = dir.path().join("backup.sqlite");
    let out = cli(
        dir.path(),
        NOW,
        &["backup", "--out", copy.to_str().unwrap()],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored = tempfile::tempdir().unwrap();
    std::fs::copy(&copy, restored.path().join("journal.sqlite")).unwrap();
    let journal = stdout_json(&cli(restored.path(), NOW, &["journal", "--json"], ""));
    assert_eq!(journal[0]["number"], "2026-00001");
}
