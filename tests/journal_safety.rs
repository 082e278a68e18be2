//! Files handled like a bank would (issue 13), through the real `kense-cli`:
//! zero-byte, foreign, damaged and newer journals refused untouched; no journal
//! made beside a backup; backups that never leave a partial file; restore;
//! salvage of a damaged page; the daily backup; diagnostics without personal data.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::DateTime;
use kense_core::Office;
use kense_domain::case::{ApplicantInput, ApplicationInput};
use kense_domain::types::{Role, Text};
use kense_domain::user::{RoleGrant, UserInput};
use kense_tests::{cli, cli_binary, cli_raw, pin_file, pin_for, stdout_json};

/// Makes a bad journal file at the given path.
type FileMaker<'a> = Box<dyn Fn(&Path) + 'a>;

const NOW: &str = "2026-11-23T10:30:00+05:00";
const NAME: &str = "Әсет Құрманғалиұлы";
const IIN: &str = "800416100254";

fn application(name: &str) -> ApplicationInput {
    ApplicationInput {
        service: "small-vessel-certificate".into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: "2026-11-23T10:15:00+05:00".into(),
        language: "kk".into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some(IIN.into()),
            bin: None,
            name: name.into(),
            phone: "+7 701 111 22 33".into(),
            // Long enough that the cases fill many pages.
            address: format!("Орал қ., Достық даңғылы, {}", "үй ".repeat(60)),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    }
}

/// A test journal with `n` cases, made through the core, with the desk user
/// `clerk1` (clerk and administrator) the CLI helpers sign in as.
fn journal_with(dir: &Path, n: usize) {
    let mut office = Office::create(dir).unwrap();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    office.mark_test_journal().unwrap();
    let clerk = UserInput {
        login: "clerk1".into(),
        name: Text {
            kk: "Кеңсе Қызметкері".into(),
            ru: "Сотрудник Канцелярии".into(),
        },
        position: Text {
            kk: "Маман".into(),
            ru: "Специалист".into(),
        },
        phone: String::new(),
        roles: vec![
            RoleGrant {
                role: Role::Clerk,
                department: None,
            },
            RoleGrant {
                role: Role::Admin,
                department: None,
            },
        ],
        pin: pin_for("clerk1").into(),
    };
    // The office's first administrator (the first run) adds the clerk.
    let first = kense_core::first_run::FirstRun {
        admin_login: "admin".into(),
        admin_name: clerk.name.clone(),
        pin: pin_for("admin").into(),
        office_name: None,
    };
    let admin = office.first_admin(&first, now).unwrap();
    office.create_user(&admin, &clerk, now).unwrap();
    let session = office.sign_in("clerk1", pin_for("clerk1"), now).unwrap();
    for i in 0..n {
        office
            .register(&session, &application(&format!("{NAME} {i}")), now)
            .unwrap();
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file in the folder (not sub-folders) with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn damage_a_middle_page(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(
        pages > 8,
        "too small to damage in the middle: {pages} pages"
    );
    let middle = pages / 2 * page;
    bytes[middle..middle + page].fill(0xA5);
    std::fs::write(path, bytes).unwrap();
}

/// Overwrites the first page of `table`'s b-tree: every read of the table fails.
fn damage_the_root_page_of(path: &Path, table: &str) {
    let root: i64 = rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )
        .unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    let start = (root as usize - 1) * page;
    bytes[start..start + page].fill(0xA5);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn each_bad_journal_file_is_refused_untouched_and_names_the_latest_backup() {
    let good = tempfile::tempdir().unwrap();
    journal_with(good.path(), 30);
    let good_file = good.path().join("journal.sqlite");
    let makers: Vec<(&str, FileMaker<'_>, &str)> = vec![
        (
            "zero-byte",
            Box::new(|p: &Path| std::fs::write(p, b"").unwrap()),
            "journal_empty",
        ),
        (
            "text file",
            Box::new(|p: &Path| std::fs::write(p, "not a journal\n".repeat(100)).unwrap()),
            "journal_foreign",
        ),
        (
            "another app's SQLite",
            Box::new(|p: &Path| {
                let c = rusqlite::Connection::open(p).unwrap();
                c.execute_batch(
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                                 INSERT INTO notes (body) VALUES ('x');",
                )
                .unwrap();
            }),
            "journal_foreign",
        ),
        (
            "damaged page",
            Box::new(|p: &Path| {
                std::fs::copy(&good_file, p).unwrap();
                damage_a_middle_page(p);
            }),
            "journal_damaged",
        ),
        (
            "newer schema",
            Box::new(|p: &Path| {
                std::fs::copy(&good_file, p).unwrap();
                let c = rusqlite::Connection::open(p).unwrap();
                c.pragma_update(None, "user_version", 999).unwrap();
                c.pragma_update(None, "journal_mode", "DELETE").unwrap();
            }),
            "schema_too_new",
        ),
    ];
    let mut refused = 0;
    for (name, make, code) in &makers {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        std::fs::create_dir_all(&backups).unwrap();
        std::fs::copy(&good_file, backups.join("journal-2026-11-20.sqlite")).unwrap();
        make(&dir.path().join("journal.sqlite"));
        let before = snapshot(dir.path());
        let out = cli_raw(dir.path(), NOW, &["journal", "--json"], "");
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let text = stderr(&out);
        assert!(text.contains(code), "{name}: {text}");
        assert!(text.contains(" / "), "{name}: kk / ru expected: {text}");
        assert!(
            text.contains("journal-2026-11-20.sqlite"),
            "{name}: the latest backup is named: {text}"
        );
        assert_eq!(snapshot(dir.path()), before, "{name}: the folder changed");
        refused += 1;
    }
    println!("files refused untouched: {refused} of {}", makers.len());
}

#[test]
fn a_folder_holding_only_a_backup_gets_no_new_journal() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(backups.join("journal-2026-11-20.sqlite"), b"x").unwrap();
    for args in [&["journal", "--json"][..], &["init"][..]] {
        let out = cli_raw(dir.path(), NOW, args, "");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(!dir.path().join("journal.sqlite").exists(), "{args:?}");
    }
    // An empty folder: `init` makes one, a second `init` refuses.
    let empty = tempfile::tempdir().unwrap();
    let first = cli_raw(empty.path(), NOW, &["init"], "");
    assert!(first.status.success(), "{}", stderr(&first));
    let again = cli_raw(empty.path(), NOW, &["init"], "");
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("folder_not_empty"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn backup_then_restore_gives_back_the_same_journal_and_keeps_the_replaced_one() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 3);
    let before = stdout_json(&cli(dir.path(), NOW, &["journal", "--json"], ""));
    let copy = dir.path().join("copy.sqlite");
    let out = cli(
        dir.path(),
        NOW,
        &["backup", "--out", copy.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The journal moves on; the restore brings back the copy's content.
    let out = cli(
        dir.path(),
        NOW,
        &["register", "--json", "-"],
        &serde_json::to_string(&serde_json::json!({
            "service": "small-vessel-certificate", "procedure": "issue", "channel": "state_corp",
            "received_at": "2026-11-23T10:15:00+05:00", "language": "kk",
            "applicant": {"kind": "person", "iin": IIN, "name": "Кейінгі", "phone": "+7 701 111 22 33", "address": "Орал"},
            "documents": ["Өтініш"]
        }))
        .unwrap(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cli(
        dir.path(),
        NOW,
        &["restore", copy.to_str().unwrap(), "--json"],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout_json(&out);
    assert_eq!(report["cases"], 3);
    let kept = PathBuf::from(report["replaced_kept_as"].as_str().unwrap());
    assert!(kept.exists());
    let after = stdout_json(&cli(dir.path(), NOW, &["journal", "--json"], ""));
    assert_eq!(after, before, "restored content equals the backup's");
    let verify = cli(dir.path(), NOW, &["verify", "--json"], "");
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );

    // A damaged or foreign file is refused and the journal stays as it is.
    let journal = std::fs::read(dir.path().join("journal.sqlite")).unwrap();
    let bad = dir.path().join("bad.sqlite");
    std::fs::write(&bad, b"SQLite format 3\0 but no more").unwrap();
    let out = cli(dir.path(), NOW, &["restore", bad.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("journal.sqlite")).unwrap(),
        journal
    );
}

#[test]
fn a_failed_backup_leaves_no_file_under_its_name() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 40);
    let out_file = dir.path().join("full.sqlite");
    // A small file-size limit stands in for a full disk.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 64; exec '{}' --data-dir '{}' --now {NOW} --user clerk1 --pin-file '{}' backup --out '{}'",
            cli_binary().display(),
            dir.path().display(),
            pin_file(pin_for("clerk1")).display(),
            out_file.display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!out_file.exists(), "no file under the backup's name");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("full.sqlite"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A damaged source: refused before anything is written. The history's own
    // page is damaged (a page in the middle of the file may be a free one,
    // which damages nothing).
    damage_the_root_page_of(&dir.path().join("journal.sqlite"), "case_events");
    let out = cli(
        dir.path(),
        NOW,
        &["backup", "--out", out_file.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!out_file.exists());
}

#[test]
fn salvage_recovers_the_intact_cases_of_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 120);
    let damaged = dir.path().join("damaged.sqlite");
    std::fs::copy(dir.path().join("journal.sqlite"), &damaged).unwrap();
    damage_a_middle_page(&damaged);
    let out_dir = dir.path().join("salvaged");
    let out = Command::new(cli_binary())
        .args(["salvage", damaged.to_str().unwrap(), "--out"])
        .arg(&out_dir)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout_json(&out);
    let expected = report["cases_expected"].as_u64().unwrap();
    let recovered = report["cases_recovered"].as_u64().unwrap();
    let missing = report["missing_numbers"].as_array().unwrap().len() as u64;
    println!("salvage: {recovered} of {expected} cases recovered, {missing} missing");
    assert_eq!(expected, 120);
    assert_eq!(recovered + missing, expected);
    assert!(recovered >= 100, "only {recovered} of 120 recovered");
    // The new journal opens, lists what was saved and its chain is whole.
    let journal = stdout_json(&cli(&out_dir, NOW, &["journal", "--json"], ""));
    assert_eq!(journal.as_array().unwrap().len() as u64, recovered);
    let verify = stdout_json(&cli_raw(&out_dir, NOW, &["verify", "--json"], ""));
    assert_eq!(verify["first_break"], serde_json::Value::Null, "{verify}");
}

#[test]
fn the_first_start_of_a_day_backs_up_and_diagnostics_hold_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    journal_with(dir.path(), 2);
    let out = cli(dir.path(), NOW, &["journal", "--json"], "");
    assert!(out.status.success());
    let daily = dir.path().join("backups/journal-2026-11-23.sqlite");
    assert!(daily.exists(), "the day's backup");
    let modified = std::fs::metadata(&daily).unwrap().modified().unwrap();
    cli(dir.path(), NOW, &["journal", "--json"], "");
    assert_eq!(
        std::fs::metadata(&daily).unwrap().modified().unwrap(),
        modified,
        "once a day"
    );
    cli(dir.path(), "2026-11-24T09:00:00+05:00", &["work"], "");
    assert!(dir
        .path()
        .join("backups/journal-2026-11-24.sqlite")
        .exists());

    // A failure is logged with its cause; then the bundle holds versions and logs.
    cli(dir.path(), NOW, &["case", "2026-09999"], "");
    let bundle = dir.path().join("diag.txt");
    let out = cli(
        dir.path(),
        NOW,
        &["diagnostics", "--out", bundle.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&bundle).unwrap();
    for needle in [
        "program: kense",
        "journal schema:",
        "chain:",
        "regulations:",
        "small-vessel-certificate",
        "kense.",
        "journal opened",
    ] {
        assert!(text.contains(needle), "{needle} missing in:\n{text}");
    }
    assert!(
        !text.contains(NAME) && !text.contains(IIN),
        "personal data in diagnostics:\n{text}"
    );
}
