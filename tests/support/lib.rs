//! Helpers for the integration tests: run the real `kense-cli` binary.

mod office;
pub use office::{complete_package, signed_in};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `kense-cli` binary built next to this test (`cargo build -p kense-cli` first);
/// `KENSE_TEST_CLI` points the tests at another build (e.g. an older one, to
/// measure a bug before its fix).
pub fn cli_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("KENSE_TEST_CLI") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> → target/<profile>/kense-cli
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target profile dir");
    let bin = profile_dir.join(format!("kense-cli{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p kense-cli` before these tests",
        bin.display()
    );
    bin
}

/// The PIN of a test user: 6 digits for the demo's head, deputy and
/// administrator and for `clerk1` (the desk user of journals made by
/// [`ensure_journal`], who is also their administrator); 4 for the others.
pub fn pin_for(login: &str) -> &'static str {
    match login {
        "admin" | "head" | "deputy" | "clerk1" => "111111",
        _ => "1111",
    }
}

/// A file holding `pin` on its first line (made once, shared by the tests).
pub fn pin_file(pin: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("kense-test-pins");
    std::fs::create_dir_all(&dir).expect("pin folder");
    let file = dir.join(format!("pin-{pin}"));
    if !file.exists() {
        let partial = dir.join(format!("pin-{pin}.{}", std::process::id()));
        std::fs::write(&partial, format!("{pin}\n")).expect("write pin file");
        std::fs::rename(&partial, &file).expect("place pin file");
    }
    file
}

/// The flags `init` needs in the tests: a test journal (so `--now` works)
/// with `admin` as its first administrator.
pub const INIT_FLAGS: &[&str] = &[
    "--test-journal",
    "--admin-login",
    "admin",
    "--admin-name-kk",
    "Әкімші Тестов",
    "--admin-name-ru",
    "Администратор Тестов",
];

/// Makes a new journal in `data_dir` (`kense-cli init --test-journal` with
/// `admin`, then the desk user `clerk1`, clerk and administrator) unless one
/// is there.
pub fn ensure_journal(data_dir: &Path) {
    if data_dir.join("journal.sqlite").exists() {
        return;
    }
    let out = Command::new(cli_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--now", "2026-01-05T09:00:00+05:00", "--pin-file"])
        .arg(pin_file(pin_for("admin")))
        .arg("init")
        .args(INIT_FLAGS)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .output()
        .expect("kense-cli init runs");
    assert!(
        out.status.success(),
        "kense-cli init: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let clerk = serde_json::json!({
        "login": "clerk1",
        "name": {"kk": "Кеңсе Қызметкері", "ru": "Сотрудник Канцелярии"},
        "position": {"kk": "Маман", "ru": "Специалист"},
        "roles": [{"role": "clerk"}, {"role": "admin"}],
        "pin": pin_for("clerk1"),
    });
    let out = cli_as_with_stdin(
        data_dir,
        "2026-01-05T09:00:00+05:00",
        "admin",
        &["user", "add", "--json", "-"],
        &clerk.to_string(),
    );
    assert!(
        out.status.success(),
        "kense-cli user add clerk1: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `kense-cli --data-dir DIR --now NOW --user clerk1 ARGS...` (signed in
/// with clerk1's PIN file) with `stdin` fed in, on the journal in DIR (a new
/// one is made first in an empty folder: the explicit `init`).
pub fn cli(data_dir: &Path, now: &str, args: &[&str], stdin: &str) -> Output {
    if !matches!(args.first(), Some(&"init") | Some(&"demo")) {
        ensure_journal(data_dir);
    }
    cli_raw(data_dir, now, args, stdin)
}

/// Runs `kense-cli` as [`cli`] does, without making a journal first (`init`
/// gets [`INIT_FLAGS`] and the administrator's PIN file).
pub fn cli_raw(data_dir: &Path, now: &str, args: &[&str], stdin: &str) -> Output {
    let mut full: Vec<&str> = args.to_vec();
    let user = if args.first() == Some(&"init") {
        full.extend_from_slice(INIT_FLAGS);
        "admin"
    } else {
        "clerk1"
    };
    cli_as_with_stdin(data_dir, now, user, &full, stdin)
}

/// Runs `kense-cli` as `user` (signed in with the user's PIN file) with `stdin` fed in.
pub fn cli_as_with_stdin(
    data_dir: &Path,
    now: &str,
    user: &str,
    args: &[&str],
    stdin: &str,
) -> Output {
    let mut child = cli_command(data_dir, user, now, args)
        .stdin(Stdio::piped())
        .spawn()
        .expect("kense-cli starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("kense-cli finishes")
}

pub fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `kense-cli --data-dir DIR --now NOW --user USER --pin-file PIN ARGS...`,
/// ready to run or spawn: every test that acts as an office user starts its
/// process here, signed in with the user's PIN ([`pin_for`]).
pub fn cli_command(data_dir: &Path, user: &str, now: &str, args: &[&str]) -> Command {
    let mut command = Command::new(cli_binary());
    command
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--now", now, "--user", user, "--pin-file"])
        .arg(pin_file(pin_for(user)))
        .args(args)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs `kense-cli --data-dir DIR --now NOW --user USER ARGS...` and waits for it.
pub fn cli_as(data_dir: &Path, now: &str, user: &str, args: &[&str]) -> Output {
    cli_command(data_dir, user, now, args)
        .output()
        .expect("kense-cli runs")
}

/// Starts `kense-cli` as `user` without waiting (for races and kills).
pub fn spawn_cli_as(data_dir: &Path, user: &str, now: &str, args: &[&str]) -> std::process::Child {
    cli_command(data_dir, user, now, args)
        .spawn()
        .expect("kense-cli starts")
}

/// Both of a finished process's outputs, for assertion messages.
pub fn text_of(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
