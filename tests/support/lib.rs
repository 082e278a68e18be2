//! Helpers for the integration tests: run the real `kense-cli` binary.

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

/// Makes a new, empty journal in `data_dir` (`kense-cli init`) unless one is there.
pub fn ensure_journal(data_dir: &Path) {
    if data_dir.join("journal.sqlite").exists() {
        return;
    }
    let out = Command::new(cli_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .arg("init")
        .env_remove("KENSE_DATA_DIR")
        .output()
        .expect("kense-cli init runs");
    assert!(
        out.status.success(),
        "kense-cli init: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `kense-cli --data-dir DIR --now NOW ARGS...` with `stdin` fed in, on the
/// journal in DIR (a new one is made first in an empty folder: the explicit `init`).
pub fn cli(data_dir: &Path, now: &str, args: &[&str], stdin: &str) -> Output {
    if !matches!(args.first(), Some(&"init") | Some(&"demo")) {
        ensure_journal(data_dir);
    }
    cli_raw(data_dir, now, args, stdin)
}

/// Runs `kense-cli` as [`cli`] does, without making a journal first.
pub fn cli_raw(data_dir: &Path, now: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(cli_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--now", now, "--user", "clerk1"])
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

/// `kense-cli --data-dir DIR --now NOW --user USER ARGS...`, ready to run or
/// spawn: every test that acts as an office user starts its process here.
pub fn cli_command(data_dir: &Path, user: &str, now: &str, args: &[&str]) -> Command {
    let mut command = Command::new(cli_binary());
    command
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--now", now, "--user", user])
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
