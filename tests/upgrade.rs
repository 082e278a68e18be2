//! Upgrades keep the data: a journal made by an older Kense (schema 4, see
//! `fixtures/journal-schema4/README.md`) is opened by today's `kense-cli`. It is
//! backed up before the migration (the store's before-migration backup, the old
//! schema untouched in it), and its cases, histories, signed documents and their
//! check codes are all still there. A journal from a newer Kense is refused
//! untouched with a clear message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kense_tests::{cli_binary, pin_file};
use rusqlite::{Connection, OpenFlags};

const OLD_PIN: &str = "1111";
const OLD_SCHEMA: i64 = 4;
/// The signed documents of the fixture: (case, kind, check code).
const SIGNED: &[(&str, &str, &str)] = &[
    ("2026-00001", "result", "8RNK-HKWZ"),
    ("2026-00002", "receipt", "5H7T-NXW3"),
    ("2026-00004", "refusal", "WN1W-BS4T"),
];

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/journal-schema4/journal.sqlite")
}

/// Acts on the old journal as one of its users. Its demo users all had PIN 1111
/// (PINs set before today's policy keep working), and it was made before journals
/// were marked for tests, so it runs on the real clock: `--now` is refused on it.
fn run(dir: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(cli_binary())
        .arg("--data-dir")
        .arg(dir)
        .args(["--user", user, "--pin-file"])
        .arg(pin_file(OLD_PIN))
        .args(args)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .output()
        .expect("kense-cli runs")
}

fn ok(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: exit {:?}\n{}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(out: &Output, what: &str) -> serde_json::Value {
    serde_json::from_str(&ok(out, what)).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"))
}

fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn schema(path: &Path) -> i64 {
    read_only(path)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// A copy of the old journal in a fresh data folder.
fn old_journal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(), dir.path().join("journal.sqlite")).unwrap();
    assert_eq!(schema(&dir.path().join("journal.sqlite")), OLD_SCHEMA);
    dir
}

fn before_migration_backups(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .contains(&format!("before-migration-v{OLD_SCHEMA}"))
    });
    found
}

#[test]
fn an_older_journal_is_backed_up_migrated_and_keeps_everything() {
    let dir = old_journal();
    let journal = dir.path().join("journal.sqlite");

    // `--version` looks without migrating: it names the old schema and changes nothing.
    let version = ok(&run(dir.path(), "admin", &["--version"]), "--version");
    assert!(
        version.contains(&format!(": {OLD_SCHEMA}\n")),
        "--version should show schema {OLD_SCHEMA}:\n{version}"
    );
    assert_eq!(schema(&journal), OLD_SCHEMA);
    assert!(before_migration_backups(dir.path()).is_empty());

    // The first real command migrates, after one backup of the old file.
    let cases = json(&run(dir.path(), "admin", &["journal", "--json"]), "journal");
    assert!(
        schema(&journal) > OLD_SCHEMA,
        "the journal was not migrated"
    );
    let backups = before_migration_backups(dir.path());
    assert_eq!(backups.len(), 1, "one backup before the migration");
    assert_eq!(
        schema(&backups[0]),
        OLD_SCHEMA,
        "the backup is the old file"
    );
    let backed_up: i64 = read_only(&backups[0])
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(backed_up, 4);

    // The cases.
    let numbers: Vec<&str> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["number"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["2026-00004", "2026-00003", "2026-00002", "2026-00001"]
    );

    // Old cases are searchable the forgiving way (migration 0010 filled the
    // search table): Russian-keyboard letters, surname first, a BIN fragment.
    for (text, expected) in [
        ("Бекова Гулнур", "2026-00003"),
        ("астык", "2026-00002"),
        ("0440", "2026-00002"),
    ] {
        let found = json(
            &run(dir.path(), "admin", &["journal", "--text", text, "--json"]),
            text,
        );
        let found: Vec<&str> = found
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["number"].as_str().unwrap())
            .collect();
        assert_eq!(found, [expected], "journal --text {text}");
    }

    // The histories and where each case stands.
    let handed_over = json(
        &run(dir.path(), "admin", &["case", "2026-00001", "--json"]),
        "case 1",
    );
    let history = handed_over["history"].as_array().unwrap();
    let acts: Vec<&str> = history
        .iter()
        .map(|e| e["action"]["action"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(
        acts,
        [
            "register",
            "resolve",
            "record_check",
            "submit",
            "sign",
            "hand_over"
        ],
        "{handed_over:#}"
    );
    let refused = json(
        &run(dir.path(), "admin", &["case", "2026-00004", "--json"]),
        "case 4",
    );
    assert_eq!(refused["history"].as_array().unwrap().len(), 6);
    assert_eq!(refused["row"]["status"], "in_progress", "{refused:#}");
    assert_eq!(refused["row"]["step_id"], "hand-over", "{refused:#}");
    assert_eq!(handed_over["row"]["status"], "closed", "{handed_over:#}");

    // The signed documents and their check codes.
    for (case, kind, code) in SIGNED {
        let out = ok(
            &run(dir.path(), "clerk", &["verify-doc", "--code", code]),
            &format!("verify-doc --code {code}"),
        );
        assert!(out.contains(case), "{code} names {case}: {out}");
        // A reprint is the frozen document: the same code, and it verifies as a file.
        let pdf = dir.path().join(format!("{case}-{kind}.pdf"));
        let printed = ok(
            &run(
                dir.path(),
                "clerk",
                &[
                    "print",
                    case,
                    "--kind",
                    kind,
                    "--out",
                    pdf.to_str().unwrap(),
                ],
            ),
            &format!("print {case} {kind}"),
        );
        assert!(printed.contains(code), "reprint of {case}: {printed}");
        ok(
            &run(dir.path(), "clerk", &["verify-doc", pdf.to_str().unwrap()]),
            &format!("verify-doc {}", pdf.display()),
        );
    }

    // The whole journal checks out after the migration: integrity, numbering, chain, routes.
    ok(&run(dir.path(), "admin", &["verify"]), "verify");
    // And it is now at this program's schema, which --version says.
    let version = ok(&run(dir.path(), "admin", &["--version"]), "--version");
    let now = schema(&journal);
    assert!(version.contains(&format!(": {now}\n")), "{version}");
}

#[test]
fn a_journal_from_a_newer_kense_is_refused_untouched() {
    let dir = old_journal();
    let journal = dir.path().join("journal.sqlite");
    ok(&run(dir.path(), "admin", &["journal"]), "migrate first");
    let newer = schema(&journal) + 1;
    {
        let c = Connection::open(&journal).unwrap();
        c.pragma_update(None, "user_version", newer).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&journal).unwrap();
    let out = run(dir.path(), "admin", &["journal", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a newer journal must be refused"
    );
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("жаңа нұсқасымен") && message.contains("более новой версией"),
        "the refusal says why, in Kazakh and Russian: {message}"
    );
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "the newer file is untouched"
    );
    assert_eq!(schema(&journal), newer);
}
