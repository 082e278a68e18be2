//! The administrator's user commands through the real `kense-cli`: `user
//! edit`, `user disable`, `user enable` and `user reset-pin` — exit codes
//! 0/2/3, the last active administrator kept, a disabled user kept out of
//! sign-in (and in the list, with their name), a reset PIN that unlocks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::DateTime;
use kense_core::{demo, Office};
use kense_tests::{cli_binary, pin_file, pin_for, stdout_json, text_of};
use serde_json::{json, Value};

const NOW: &str = "2026-11-23T10:00:00+05:00";

/// A test journal with the demo's users (no cases): `admin` is the only
/// administrator; `head` (PIN 111111), `clerk`, `executor` (PIN 1111).
fn journal() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let mut office = Office::create(&path).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+05:00").unwrap();
    demo::seed_users(&mut office, at).unwrap();
    (dir, path)
}

/// `kense-cli --data-dir DIR --now NOW --user USER --pin-file (PIN) ARGS`,
/// with `stdin` fed in.
fn run_with(dir: &Path, user: &str, pin: &str, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(cli_binary())
        .arg("--data-dir")
        .arg(dir)
        .args(["--now", NOW, "--user", user, "--pin-file"])
        .arg(pin_file(pin))
        .args(args)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kense-cli starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().expect("kense-cli finishes")
}

/// As `user` with the user's own demo PIN.
fn run(dir: &Path, user: &str, args: &[&str]) -> Output {
    run_with(dir, user, pin_for(user), args, "")
}

fn exit(out: &Output) -> i32 {
    out.status.code().expect("an exit code")
}

fn ok(out: Output) -> Output {
    assert_eq!(exit(&out), 0, "{}", text_of(&out));
    out
}

fn listed(dir: &Path, login: &str) -> Value {
    let out = ok(run(dir, "admin", &["user", "list", "--json"]));
    stdout_json(&out)
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["login"] == login)
        .cloned()
        .unwrap_or_else(|| panic!("{login} not listed"))
}

fn details(roles: Value) -> String {
    json!({
        "name": {"kk": "Мөлдір Ғаниқызы Ахметова", "ru": "Мольдир Ганиевна Ахметова"},
        "position": {"kk": "Жетекші маман", "ru": "Ведущий специалист"},
        "phone": "+7 7112 50 12 34",
        "roles": roles,
    })
    .to_string()
}

#[test]
fn user_edit_changes_the_details_and_refuses_bad_ones() {
    let (_dir, dir) = journal();
    let roles = json!([{"role": "executor", "department": "Жер бөлімі"}, {"role": "clerk"}]);
    let out = ok(run_with(
        &dir,
        "admin",
        pin_for("admin"),
        &["user", "edit", "EXECUTOR", "--json", "-"],
        &details(roles.clone()),
    ));
    let saved = stdout_json(&out);
    assert_eq!(saved["login"], "executor");
    assert_eq!(saved["name"]["ru"], "Мольдир Ганиевна Ахметова");
    let stored = listed(&dir, "executor");
    assert_eq!(
        stored["roles"],
        json!([{"role": "executor", "department": "Жер бөлімі"}, {"role": "clerk", "department": null}])
    );
    assert_eq!(stored["phone"], "+7 7112 50 12 34");
    // The executor still signs in with their PIN, now also a clerk.
    ok(run(&dir, "executor", &["journal", "--json"]));

    // Every problem named, exit 2, nothing saved.
    let bad = details(json!([{"role": "executor"}])).replace("Мольдир Ганиевна Ахметова", " ");
    let out = run_with(
        &dir,
        "admin",
        pin_for("admin"),
        &["user", "edit", "executor", "--json", "-"],
        &bad,
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    let text = text_of(&out);
    assert!(
        text.contains("name.ru") && text.contains("roles.department"),
        "{text}"
    );
    assert_eq!(
        listed(&dir, "executor")["name"]["ru"],
        "Мольдир Ганиевна Ахметова"
    );
    // An unknown field, an unknown login: exit 2.
    let extra = details(roles.clone()).replace("\"phone\"", "\"login\":\"x\",\"phone\"");
    let out = run_with(
        &dir,
        "admin",
        pin_for("admin"),
        &["user", "edit", "executor", "--json", "-"],
        &extra,
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    let out = run_with(
        &dir,
        "admin",
        pin_for("admin"),
        &["user", "edit", "nobody", "--json", "-"],
        &details(roles.clone()),
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    assert!(
        text_of(&out).contains("user_not_found"),
        "{}",
        text_of(&out)
    );
    // Not an administrator: exit 3.
    let out = run_with(
        &dir,
        "clerk",
        pin_for("clerk"),
        &["user", "edit", "executor", "--json", "-"],
        &details(roles),
    );
    assert_eq!(exit(&out), 3, "{}", text_of(&out));
}

#[test]
fn the_last_active_administrator_is_kept() {
    let (_dir, dir) = journal();
    // Nobody disables themselves; the only administrator keeps the role.
    let out = run(&dir, "admin", &["user", "disable", "admin"]);
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    assert!(text_of(&out).contains("self_disable"), "{}", text_of(&out));
    let out = run_with(
        &dir,
        "admin",
        pin_for("admin"),
        &["user", "edit", "admin", "--json", "-"],
        &details(json!([{"role": "head"}])),
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    let text = text_of(&out);
    assert!(text.contains("last_admin"), "{text}");
    assert!(
        text.contains("әкімші") && text.contains("администратор"),
        "{text}"
    );
    assert_eq!(
        listed(&dir, "admin")["roles"],
        json!([{"role": "admin", "department": null}])
    );

    // The head made an administrator too: then the first one may go, and the
    // head, now the last one, keeps the role.
    ok(run_with(
        &dir,
        "admin",
        pin_for("admin"),
        &["user", "edit", "head", "--json", "-"],
        &details(json!([{"role": "head"}, {"role": "admin"}])),
    ));
    ok(run(&dir, "head", &["user", "disable", "admin"]));
    let out = run_with(
        &dir,
        "head",
        pin_for("head"),
        &["user", "edit", "head", "--json", "-"],
        &details(json!([{"role": "head"}])),
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    assert!(text_of(&out).contains("last_admin"), "{}", text_of(&out));
    // The disabled administrator cannot sign in to undo it.
    let out = run(&dir, "admin", &["user", "enable", "admin"]);
    assert_eq!(exit(&out), 3, "{}", text_of(&out));
    assert!(text_of(&out).contains("user_disabled"), "{}", text_of(&out));
}

#[test]
fn a_disabled_user_cannot_sign_in_and_stays_listed_with_their_name() {
    let (_dir, dir) = journal();
    let out = ok(run(&dir, "admin", &["user", "disable", "clerk"]));
    assert_eq!(stdout_json(&out)["active"], false);
    // The right PIN: refused with its own code, in both languages, exit 3.
    let out = run(&dir, "clerk", &["journal", "--json"]);
    assert_eq!(exit(&out), 3, "{}", text_of(&out));
    let text = text_of(&out);
    assert!(text.contains("user_disabled"), "{text}");
    assert!(
        text.contains("отключена") && text.contains("өшірілген"),
        "{text}"
    );
    // A wrong PIN: the usual answer (nothing tells the account apart).
    let out = run_with(&dir, "clerk", "9999", &["journal", "--json"], "");
    assert_eq!(exit(&out), 3, "{}", text_of(&out));
    assert!(text_of(&out).contains("pin_wrong"), "{}", text_of(&out));
    // Still listed, marked disabled, with the name its history shows.
    let clerk = listed(&dir, "clerk");
    assert_eq!(clerk["active"], false);
    assert_eq!(clerk["name"]["ru"], "Айгуль Сериковна Нурланова");
    let out = ok(run(&dir, "admin", &["user", "list"]));
    let line = String::from_utf8_lossy(&out.stdout)
        .lines()
        .find(|l| l.starts_with("clerk\t"))
        .unwrap()
        .to_string();
    assert!(line.ends_with("\tdisabled"), "{line}");
    // Enabled again: the same PIN works.
    let out = ok(run(&dir, "admin", &["user", "enable", "clerk"]));
    assert_eq!(stdout_json(&out)["active"], true);
    ok(run(&dir, "clerk", &["journal", "--json"]));
    // Unknown login: exit 2; not an administrator: exit 3.
    assert_eq!(exit(&run(&dir, "admin", &["user", "disable", "nobody"])), 2);
    assert_eq!(
        exit(&run(&dir, "clerk", &["user", "disable", "executor"])),
        3
    );
    ok(run(&dir, "admin", &["verify"]));
}

#[test]
fn a_reset_pin_works_follows_the_pin_rules_and_unlocks() {
    let (_dir, dir) = journal();
    // Five wrong PINs lock the executor.
    for _ in 0..5 {
        let out = run_with(&dir, "executor", "9999", &["journal", "--json"], "");
        assert_eq!(exit(&out), 3, "{}", text_of(&out));
    }
    let out = run(&dir, "executor", &["journal", "--json"]);
    assert_eq!(exit(&out), 3);
    assert!(
        text_of(&out).contains("sign_in_locked"),
        "{}",
        text_of(&out)
    );

    let new_pin = pin_file("2468");
    let new_pin = new_pin.to_str().unwrap();
    ok(run(
        &dir,
        "admin",
        &["user", "reset-pin", "executor", "--new-pin-file", new_pin],
    ));
    // Unlocked at once: the old PIN is wrong now (4 tries left), the new one works.
    let out = run(&dir, "executor", &["journal", "--json"]);
    assert_eq!(exit(&out), 3);
    assert!(
        text_of(&out).contains("Осталось попыток: 4"),
        "{}",
        text_of(&out)
    );
    ok(run_with(
        &dir,
        "executor",
        "2468",
        &["journal", "--json"],
        "",
    ));

    // The PIN policy: 6+ digits for the head; digits only; a readable file.
    let short = pin_file("1357");
    let out = run(
        &dir,
        "admin",
        &[
            "user",
            "reset-pin",
            "head",
            "--new-pin-file",
            short.to_str().unwrap(),
        ],
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    assert!(text_of(&out).contains("pin_too_short"), "{}", text_of(&out));
    let letters = pin_file("12ab34");
    let out = run(
        &dir,
        "admin",
        &[
            "user",
            "reset-pin",
            "executor",
            "--new-pin-file",
            letters.to_str().unwrap(),
        ],
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    let missing = dir.join("no-such-pin-file");
    let out = run(
        &dir,
        "admin",
        &[
            "user",
            "reset-pin",
            "executor",
            "--new-pin-file",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(exit(&out), 2, "{}", text_of(&out));
    ok(run(&dir, "head", &["journal", "--json"]));
    // Only an administrator resets PINs.
    let out = run(
        &dir,
        "clerk",
        &["user", "reset-pin", "executor", "--new-pin-file", new_pin],
    );
    assert_eq!(exit(&out), 3, "{}", text_of(&out));
    ok(run(&dir, "admin", &["verify"]));
}
