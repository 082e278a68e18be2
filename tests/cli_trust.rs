//! Trust at the desk through the real `kense-cli`: every command signs in with
//! the user's PIN (a file or the terminal, never an argument), wrong PINs are
//! counted and lock the login, a clock set by hand only on a test journal.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{DateTime, Duration, FixedOffset};
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput};
use kense_domain::regulation::Check;
use kense_domain::workflow::Action;
use kense_tests::{
    cli_as, cli_binary, complete_package, pin_file, pin_for, signed_in, text_of, INIT_FLAGS,
};

const START: &str = "2026-11-23T09:30:00+05:00";
const NOW: &str = "2026-11-23T15:00:00+05:00";

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// `kense-cli --data-dir DIR [--now NOW] --user USER [--pin-file FILE] ARGS`,
/// with no terminal (stdin closed).
fn run(dir: &Path, now: Option<&str>, user: &str, pin: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(cli_binary());
    command.arg("--data-dir").arg(dir).args(["--user", user]);
    if let Some(now) = now {
        command.args(["--now", now]);
    }
    if let Some(pin) = pin {
        command.arg("--pin-file").arg(pin);
    }
    command
        .args(args)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .stdin(Stdio::null())
        .output()
        .expect("kense-cli runs")
}

/// A demo-users test journal with one case waiting for the head's signature.
fn journal_at_signature() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let mut office = Office::create(&path).unwrap();
    demo::seed_users(&mut office, at("2026-11-01T09:00:00+05:00")).unwrap();
    let input = ApplicationInput {
        service: "small-vessel-certificate".into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: "2026-11-23T09:20:00+05:00".into(),
        language: "kk".into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some("800416100254".into()),
            bin: None,
            name: "Сынақ Өтініш Беруші".into(),
            phone: String::new(),
            address: String::new(),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    };
    let mut now = at(START);
    let number = office
        .register(&signed_in(&office, "clerk"), &input, now)
        .unwrap()
        .number;
    let fields: BTreeMap<String, String> = [
        ("certificate-number", "ШК-0457"),
        ("vessel-class", "Моторлы қайық (R)"),
        ("navigation-area", "Жайық өзені"),
        ("valid-until", "2036-11-30"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (who, action) in [
        (
            "head",
            Action::Resolve {
                text: "Орындауға".into(),
                executor: Some("executor".into()),
                dept_head: None,
                deadline: None,
            },
        ),
        (
            "executor",
            Action::RecordCheck {
                check: Check::Completeness,
                passed: Some(true),
                note: String::new(),
                value: complete_package(&office, "small-vessel-certificate"),
            },
        ),
        (
            "executor",
            Action::Submit {
                fields,
                note: String::new(),
            },
        ),
    ] {
        now += Duration::minutes(1);
        office
            .act(&signed_in(&office, who), &number, action, now)
            .unwrap();
    }
    (dir, path, number)
}

fn outcomes(dir: &Path, login: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.join("journal.sqlite")).unwrap();
    let mut stmt = conn
        .prepare("SELECT outcome FROM sign_in_log WHERE login = ?1 ORDER BY id")
        .unwrap();
    stmt.query_map([login], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn history_len(dir: &Path, number: &str) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("journal.sqlite")).unwrap();
    conn.query_row(
        "SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.number = ?1",
        [number],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn no_pin_exits_3_and_reads_nothing() {
    let (_dir, path, _) = journal_at_signature();
    let out = run(&path, Some(NOW), "clerk", None, &["journal", "--json"]);
    assert_eq!(out.status.code(), Some(3), "{}", text_of(&out));
    assert!(out.stdout.is_empty(), "nothing read");
    let text = text_of(&out);
    assert!(text.contains("PIN-код керек"), "{text}");
    assert!(text.contains("Нужен PIN-код"), "{text}");
}

#[test]
fn an_unknown_login_reads_nothing() {
    let (_dir, path, _) = journal_at_signature();
    let out = run(
        &path,
        Some(NOW),
        "ghost",
        Some(&pin_file("1111")),
        &["journal", "--json"],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text_of(&out));
    assert!(out.stdout.is_empty(), "nothing read");
    assert_eq!(outcomes(&path, "ghost"), ["wrong"]);
}

#[test]
fn wrong_pins_exit_3_are_counted_and_the_fifth_locks_the_login() {
    let (_dir, path, _) = journal_at_signature();
    let wrong = pin_file("999999");
    for left in [4, 3, 2, 1] {
        let out = run(&path, Some(NOW), "head", Some(&wrong), &["work", "--json"]);
        assert_eq!(out.status.code(), Some(3), "{}", text_of(&out));
        assert!(out.stdout.is_empty());
        let text = text_of(&out);
        assert!(
            text.contains(&format!("Осталось попыток: {left}")),
            "{text}"
        );
        assert!(
            text.contains(&format!("Қалған әрекет саны: {left}")),
            "{text}"
        );
    }
    let out = run(&path, Some(NOW), "head", Some(&wrong), &["work", "--json"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text_of(&out).contains("заблокирован до 2026-11-23 15:15"),
        "{}",
        text_of(&out)
    );
    // The right PIN during the lock is refused too; 15 minutes later it works.
    let right = pin_file(pin_for("head"));
    let out = run(&path, Some(NOW), "head", Some(&right), &["work", "--json"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(text_of(&out).contains("sign_in_locked"));
    let later = "2026-11-23T15:15:00+05:00";
    let out = run(
        &path,
        Some(later),
        "head",
        Some(&right),
        &["work", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
    // The first "ok" is the setup's: the head signed in to sign the case.
    assert_eq!(
        outcomes(&path, "head"),
        ["ok", "wrong", "wrong", "wrong", "wrong", "wrong", "locked", "ok"]
    );
}

#[test]
fn only_an_administrator_verifies_and_backs_up() {
    let (_dir, path, _) = journal_at_signature();
    let copy = path.join("copy.sqlite");
    let backup = ["backup", "--out", copy.to_str().unwrap()];
    for user in ["clerk", "head", "executor"] {
        assert_eq!(
            cli_as(&path, NOW, user, &["verify", "--json"])
                .status
                .code(),
            Some(3),
            "{user}"
        );
        assert_eq!(
            cli_as(&path, NOW, user, &backup).status.code(),
            Some(3),
            "{user}"
        );
    }
    assert!(!copy.exists());
    assert_eq!(
        cli_as(&path, NOW, "admin", &["verify", "--json"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(cli_as(&path, NOW, "admin", &backup).status.code(), Some(0));
    assert!(copy.exists());
}

#[test]
fn the_head_signs_only_with_the_pin() {
    let (_dir, path, number) = journal_at_signature();
    let before = history_len(&path, &number);
    let sign = ["act", number.as_str(), "sign"];
    let out = run(&path, Some(NOW), "head", None, &sign);
    assert_eq!(out.status.code(), Some(3), "{}", text_of(&out));
    let out = run(&path, Some(NOW), "head", Some(&pin_file("1111")), &sign);
    assert_eq!(out.status.code(), Some(3), "{}", text_of(&out));
    assert_eq!(history_len(&path, &number), before, "nothing signed");
    let out = cli_as(&path, NOW, "head", &sign);
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
    assert_eq!(history_len(&path, &number), before + 1);
}

#[test]
fn now_is_refused_on_an_office_journal_and_accepted_on_a_test_journal() {
    let dir = tempfile::tempdir().unwrap();
    let admin_pin = pin_file(pin_for("admin"));
    // An office's journal: made without --test-journal (and without --now).
    let flags: Vec<&str> = INIT_FLAGS
        .iter()
        .copied()
        .filter(|f| *f != "--test-journal")
        .collect();
    let mut init = vec!["init"];
    init.extend(flags);
    let out = run(dir.path(), None, "admin", Some(&admin_pin), &init);
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
    let out = run(
        dir.path(),
        Some(NOW),
        "admin",
        Some(&admin_pin),
        &["journal", "--json"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    assert!(out.stdout.is_empty());
    assert!(text_of(&out).contains("now_not_allowed"));
    let out = Command::new(cli_binary())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--user", "admin", "--pin-file"])
        .arg(&admin_pin)
        .args(["journal", "--json"])
        .env("KENSE_NOW", NOW)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "KENSE_NOW too: {}",
        text_of(&out)
    );
    // With the real clock the administrator reads the (empty) journal.
    let out = run(
        dir.path(),
        None,
        "admin",
        Some(&admin_pin),
        &["journal", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out));
    // `init --now` without --test-journal is refused and creates nothing.
    let other = tempfile::tempdir().unwrap();
    let out = run(other.path(), Some(NOW), "admin", Some(&admin_pin), &init);
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    assert!(!other.path().join("journal.sqlite").exists());
    // A short administrator's PIN is refused at init (6 digits at least).
    let out = run(other.path(), None, "admin", Some(&pin_file("1111")), &init);
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    assert!(text_of(&out).contains("pin_too_short"));
    assert!(!other.path().join("journal.sqlite").exists());
}
