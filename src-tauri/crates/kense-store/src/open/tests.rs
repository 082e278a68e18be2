use super::*;
use crate::file_check::APPLICATION_ID;

/// Makes a bad journal file at the given path.
type FileMaker = Box<dyn Fn(&Path)>;

fn no_create(_: &Connection) -> Result<(), StoreError> {
    Ok(())
}

/// The folder's files and their bytes, to prove a refusal touched nothing.
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

fn refused(dir: &Path) -> StoreError {
    let before = snapshot(dir);
    let err = Store::open_existing(dir, &mut no_create)
        .err()
        .expect("must refuse");
    assert_eq!(snapshot(dir), before, "the folder changed: {err}");
    err
}

#[test]
fn creates_marks_and_reopens_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_new(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::SCHEMA_VERSION);
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let app: i64 = store
        .conn()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID as i64);
    drop(store);
    let again = Store::open_existing(dir.path(), &mut no_create).unwrap();
    assert!(!again.is_read_only());
    drop(again);
    let err = Store::create_new(dir.path())
        .err()
        .expect("not over a journal");
    assert!(matches!(err, StoreError::FolderNotEmpty { .. }), "{err}");
}

#[test]
fn a_missing_journal_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journal-2026-11-23.sqlite"), b"a backup").unwrap();
    let err = refused(dir.path());
    assert_eq!(err.code(), kense_domain::ErrorCode::JournalMissing);
    assert!(!dir.path().join(JOURNAL_FILE).exists());
    let err = Store::create_new(dir.path())
        .err()
        .expect("folder holds a backup");
    assert_eq!(err.code(), kense_domain::ErrorCode::FolderNotEmpty);
    assert!(!dir.path().join(JOURNAL_FILE).exists());
}

#[test]
fn zero_byte_foreign_damaged_and_newer_files_are_refused_untouched() {
    use kense_domain::ErrorCode;
    let cases: Vec<(&str, FileMaker, ErrorCode)> = vec![
        (
            "zero-byte",
            Box::new(|p: &Path| std::fs::write(p, b"").unwrap()),
            ErrorCode::JournalEmpty,
        ),
        (
            "not sqlite",
            Box::new(|p: &Path| std::fs::write(p, "Иванов; 800416100254\n".repeat(50)).unwrap()),
            ErrorCode::JournalForeign,
        ),
        (
            "another app's sqlite",
            Box::new(|p: &Path| {
                let c = Connection::open(p).unwrap();
                c.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);")
                    .unwrap();
            }),
            ErrorCode::JournalForeign,
        ),
        (
            "another app's id",
            Box::new(|p: &Path| {
                let c = Connection::open(p).unwrap();
                c.execute_batch("PRAGMA application_id = 1234; CREATE TABLE cases (x);")
                    .unwrap();
            }),
            ErrorCode::JournalForeign,
        ),
        (
            "newer",
            Box::new(|p: &Path| {
                let dir = p.parent().unwrap().join("make");
                drop(Store::create_new(&dir).unwrap());
                let c = Connection::open(dir.join(JOURNAL_FILE)).unwrap();
                c.pragma_update(None, "user_version", 999).unwrap();
                drop(c);
                std::fs::copy(dir.join(JOURNAL_FILE), p).unwrap();
                std::fs::remove_dir_all(dir).unwrap();
            }),
            ErrorCode::SchemaTooNew,
        ),
        (
            "damaged page",
            Box::new(|p: &Path| {
                let dir = p.parent().unwrap().join("make");
                let s = Store::create_new(&dir).unwrap();
                s.write(|c| {
                    for i in 0..400 {
                        c.execute(
                            "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                            [format!("k{i}"), "v".repeat(200)],
                        )?;
                    }
                    Ok(())
                })
                .unwrap();
                drop(s);
                let mut bytes = std::fs::read(dir.join(JOURNAL_FILE)).unwrap();
                let page = 4096;
                let middle = (bytes.len() / page / 2) * page;
                bytes[middle..middle + page].fill(0xA5);
                std::fs::write(p, bytes).unwrap();
                std::fs::remove_dir_all(dir).unwrap();
            }),
            ErrorCode::JournalDamaged,
        ),
    ];
    for (name, make, code) in cases {
        let dir = tempfile::tempdir().unwrap();
        make(&dir.path().join(JOURNAL_FILE));
        let err = refused(dir.path());
        assert_eq!(err.code(), code, "{name}: {err}");
        for side in ["journal.sqlite-wal", "journal.sqlite-shm"] {
            assert!(!dir.path().join(side).exists(), "{name}: {side} created");
        }
    }
}

#[test]
fn a_read_only_file_opens_for_reading_and_refuses_writes_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create_new(dir.path()).unwrap();
    store
        .write(|c| {
            c.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])?;
            Ok(())
        })
        .unwrap();
    drop(store);
    let path = dir.path().join(JOURNAL_FILE);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms.clone()).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut store = Store::open_existing(dir.path(), &mut no_create).unwrap();
    assert!(store.is_read_only());
    let value: String = store
        .conn()
        .query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(value, "v");
    let err = store.write(|_| Ok(())).err().unwrap();
    assert_eq!(
        err.code(),
        kense_domain::ErrorCode::JournalReadOnly,
        "{err}"
    );
    let err = crate::settings::set(store.conn_mut(), "k", "w")
        .err()
        .unwrap();
    assert_eq!(
        err.code(),
        kense_domain::ErrorCode::JournalReadOnly,
        "{err}"
    );
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    use std::os::unix::fs::PermissionsExt;
    perms.set_mode(0o644);
    std::fs::set_permissions(&path, perms).unwrap();
}
