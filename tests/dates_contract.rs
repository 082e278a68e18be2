//! Dates as people write them, through the real `kense-cli` (issue 11, "Dates the Kazakh way").

use kense_tests::{cli, stdout_json};
use serde_json::json;

fn application(name: &str, iin: &str, received_at: &str) -> String {
    json!({
        "service": "small-vessel-certificate",
        "procedure": "issue",
        "channel": "state_corp",
        "received_at": received_at,
        "language": "kk",
        "applicant": {"kind": "person", "iin": iin, "name": name, "phone": "+7 701 111 22 33", "address": "Орал қ."},
        "documents": ["Өтініш", "Жеке куәлік"]
    })
    .to_string()
}

fn numbers(journal: &serde_json::Value) -> Vec<String> {
    journal
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["number"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn registers_with_a_kazakh_date_and_filters_the_journal_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let first = cli(
        dir.path(),
        "2026-12-02T11:00:00+05:00",
        &["register", "--json", "-"],
        &application("Әсет Құрманғалиұлы", "800416100254", "02.12.2026 10:30"),
    );
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let case = stdout_json(&first);
    assert_eq!(case["received_at"], "2026-12-02T10:30:00+05:00");

    let second = cli(
        dir.path(),
        "2026-12-03T09:30:00+05:00",
        &["register", "--json", "-"],
        &application("Иванов Иван", "061211600012", "3.12.2026 9:05"),
    );
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(
        stdout_json(&second)["received_at"],
        "2026-12-03T09:05:00+05:00"
    );

    let now = "2026-12-03T12:00:00+05:00";
    let filtered = |args: &[&str]| {
        let mut full = vec!["journal", "--json"];
        full.extend_from_slice(args);
        let out = cli(dir.path(), now, &full, "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        numbers(&stdout_json(&out))
    };
    assert_eq!(filtered(&["--from", "03.12.2026"]), ["2026-00002"]);
    assert_eq!(filtered(&["--to", "02.12.2026"]), ["2026-00001"]);
    assert_eq!(
        filtered(&["--from", "02.12.2026", "--to", "03.12.2026"]),
        ["2026-00002", "2026-00001"]
    );
    // Scripts keep writing ISO dates.
    assert_eq!(filtered(&["--from", "2026-12-03"]), ["2026-00002"]);
    assert!(filtered(&["--from", "04.12.2026"]).is_empty());
}

#[test]
fn a_bad_date_exits_2_naming_its_field_and_the_expected_format() {
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-12-02T11:00:00+05:00";
    for (args, field) in [
        (["journal", "--from", "12/03/2026"], "from: "),
        (["journal", "--to", "31.11.2026"], "to: "),
    ] {
        let out = cli(dir.path(), now, &args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("date_invalid"), "{stderr}");
        assert!(stderr.contains(field), "{field}: {stderr}");
        assert!(
            stderr.contains("күн.ай.жыл, мысалы 02.12.2026 10:30")
                && stderr.contains("ДД.ММ.ГГГГ, например 02.12.2026 10:30"),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = cli(
        dir.path(),
        now,
        &["register", "--json", "-"],
        &application("Әсет", "800416100254", "2026-12-02 10:30 PM"),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("received_at: "), "{stderr}");
    let journal = stdout_json(&cli(dir.path(), now, &["journal", "--json"], ""));
    assert_eq!(journal, json!([]));
}
