//! The LAN office through the real `kense-cli`: a host (`serve` on
//! 127.0.0.1:0) and client desks paired with invitation codes; every command
//! of a desk runs and is authorized on the host.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use kense_core::{demo, Office};
use kense_tests::{cli_binary, pin_file, pin_for, text_of};
use serde_json::{json, Value};

const NOW: &str = "2026-11-23T15:00:00+05:00";

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A running `serve`; killed (and reaped) when dropped, whatever happened.
struct Served {
    child: Child,
    address: String,
    fingerprint: String,
}

impl Served {
    /// Stops the host as systemd would (SIGTERM) and waits for its exit.
    fn stop(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..100 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        self.child.wait().expect("serve exits")
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A test journal with the demo's users, in a fresh folder.
fn host_journal() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("host");
    let mut office = Office::create(&path).unwrap();
    demo::seed_users(&mut office, at("2026-11-01T09:00:00+05:00")).unwrap();
    (dir, path)
}

/// `kense-cli --data-dir HOST --now NOW serve --listen 127.0.0.1:0`, once
/// its `listening` line is read.
fn serve(host: &Path) -> Served {
    let mut child = Command::new(cli_binary())
        .arg("--data-dir")
        .arg(host)
        .args(["--now", NOW, "serve", "--listen", "127.0.0.1:0"])
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("kense-cli serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let words: Vec<&str> = line.split_whitespace().collect();
    let served = Served {
        address: words.get(1).unwrap_or(&"").to_string(),
        fingerprint: words.get(3).unwrap_or(&"").to_string(),
        child,
    };
    assert_eq!(words.len(), 4, "one listening line: {line:?}");
    assert_eq!(words[0], "listening");
    assert_eq!(words[2], "fingerprint");
    assert!(!served.address.ends_with(":0"), "the real port: {line}");
    assert_eq!(served.fingerprint.len(), 64, "13 groups of 4: {line}");
    served
}

/// `kense-cli --data-dir HOST --now NOW --user USER --pin-file … ARGS` on the host's folder.
fn on_host(host: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(cli_binary())
        .arg("--data-dir")
        .arg(host)
        .args(["--now", NOW, "--user", user, "--pin-file"])
        .arg(pin_file(pin_for(user)))
        .args(args)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .stdin(Stdio::null())
        .output()
        .expect("kense-cli runs")
}

/// `desks invite --name NAME` as the administrator: the code.
fn invite(host: &Path, name: &str) -> String {
    let out = on_host(host, "admin", &["desks", "invite", "--name", name]);
    assert!(out.status.success(), "invite: {}", text_of(&out));
    let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(code.len(), 34, "7 groups of 4: {code}");
    code
}

fn join(client: &Path, address: &str, code: &str) -> Output {
    Command::new(cli_binary())
        .arg("--client-dir")
        .arg(client)
        .args(["join", "--host", address, "--code", code])
        .env_remove("KENSE_DATA_DIR")
        .stdin(Stdio::null())
        .output()
        .expect("kense-cli join runs")
}

/// `kense-cli --client-dir CDIR --user USER --pin-file … ARGS` with `stdin`.
fn on_desk(client: &Path, user: &str, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(cli_binary())
        .arg("--client-dir")
        .arg(client)
        .args(["--user", user, "--pin-file"])
        .arg(pin_file(pin_for(user)))
        .args(args)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kense-cli runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn ok_json(out: &Output) -> Value {
    assert!(out.status.success(), "{}", text_of(out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text_of(out)))
}

fn refused(out: &Output, exit: i32, code: &str) {
    assert_eq!(out.status.code(), Some(exit), "{}", text_of(out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(code), "{code} expected: {stderr}");
}

fn application() -> String {
    application_for("small-vessel-certificate")
}

fn application_for(service: &str) -> String {
    json!({
        "service": service,
        "procedure": "issue",
        "channel": "state_corp",
        "received_at": "2026-11-23T09:20:00+05:00",
        "language": "kk",
        "applicant": {"kind": "person", "iin": "800416100254", "name": "Сынақ Өтініш Беруші"},
        "documents": ["Өтініш"]
    })
    .to_string()
}

/// Two paired desks, A and B, on a running host.
struct Office2 {
    _dir: tempfile::TempDir,
    host: PathBuf,
    served: Served,
    a: PathBuf,
    b: PathBuf,
}

fn office_with_two_desks() -> Office2 {
    let (dir, host) = host_journal();
    let served = serve(&host);
    let (a, b) = (dir.path().join("desk-a"), dir.path().join("desk-b"));
    for (desk, name) in [(&a, "A"), (&b, "B")] {
        let code = invite(&host, name);
        let out = join(desk, &served.address, &code);
        assert!(out.status.success(), "join {name}: {}", text_of(&out));
        assert!(
            text_of(&out).contains(&served.fingerprint),
            "{}",
            text_of(&out)
        );
    }
    Office2 {
        _dir: dir,
        host,
        served,
        a,
        b,
    }
}

#[test]
fn desks_register_and_act_on_the_host_and_forbidden_acts_are_refused_there() {
    let o = office_with_two_desks();
    // The clerk registers on desk A.
    let case = ok_json(&on_desk(
        &o.a,
        "clerk",
        &["register", "--json", "-"],
        &application(),
    ));
    let number = case["number"].as_str().unwrap().to_string();
    // The head, then the executor, act on desk B.
    let resolve = json!({"text": "Орындауға", "executor": "executor"}).to_string();
    ok_json(&on_desk(
        &o.b,
        "head",
        &["act", &number, "resolve", "--json", "-"],
        &resolve,
    ));
    let work = on_desk(&o.b, "executor", &["work"], "");
    assert!(text_of(&work).contains(&number), "{}", text_of(&work));
    // A complete package: every document the regulation asks for, as the case view lists them.
    let view = ok_json(&on_desk(&o.b, "executor", &["case", &number, "--json"], ""));
    let documents = view["required_documents"]
        .as_array()
        .expect("the case view lists the required documents")
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(",");
    let check = json!({"check": "completeness", "passed": true, "value": documents}).to_string();
    ok_json(&on_desk(
        &o.b,
        "executor",
        &["act", &number, "record_check", "--json", "-"],
        &check,
    ));
    let fields = json!({"fields": {
        "certificate-number": "ШК-0457",
        "vessel-class": "Моторлы қайық (R)",
        "navigation-area": "Жайық өзені",
        "valid-until": "2036-11-30"
    }})
    .to_string();
    ok_json(&on_desk(
        &o.b,
        "executor",
        &["act", &number, "submit", "--json", "-"],
        &fields,
    ));
    // The clerk may not sign: refused on the host, nothing written.
    refused(
        &on_desk(&o.a, "clerk", &["act", &number, "sign"], ""),
        3,
        "permission_denied",
    );
    let actions = on_desk(&o.b, "head", &["actions", &number], "");
    assert!(text_of(&actions).contains("sign"), "{}", text_of(&actions));
    // The head signs on desk B (with the PIN, checked on the host).
    let signed = ok_json(&on_desk(&o.b, "head", &["act", &number, "sign"], ""));
    let history = signed["history"].as_array().unwrap();
    assert_eq!(history.last().unwrap()["action"]["action"], "sign");
    // The signed result printed on desk A: the frozen PDF, sent over the LAN.
    let pdf = o.a.join("result.pdf");
    let out = on_desk(
        &o.a,
        "clerk",
        &[
            "print",
            &number,
            "--kind",
            "result",
            "--out",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text_of(&out));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let sha = format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&bytes));
    assert!(text_of(&out).contains(&sha), "{}", text_of(&out));
    // Desk A sees it as the host has it; the same output as on the host's folder.
    let remote = on_desk(&o.a, "clerk", &["case", &number], "");
    let local = on_host(&o.host, "clerk", &["case", &number]);
    assert!(remote.status.success() && local.status.success());
    assert_eq!(remote.stdout, local.stdout);
    let remote = on_desk(&o.a, "clerk", &["journal"], "");
    let local = on_host(&o.host, "clerk", &["journal"]);
    assert_eq!(remote.stdout, local.stdout);
    // A wrong PIN on a desk is the host's sign-in refusal.
    let mut bad = std::process::Command::new(cli_binary());
    let pin = o.a.join("wrong-pin");
    std::fs::write(&pin, "999999\n").unwrap();
    let out = bad
        .arg("--client-dir")
        .arg(&o.a)
        .args(["--user", "head", "--pin-file"])
        .arg(&pin)
        .arg("journal")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    refused(&out, 3, "pin_wrong");
    // A department head's route: the head on desk B sends it to the
    // department, the department head there names the executor.
    let case = ok_json(&on_desk(
        &o.a,
        "clerk",
        &["register", "--json", "-"],
        &application_for("intl-inspection-certificate"),
    ));
    let second = case["number"].as_str().unwrap().to_string();
    let resolve = json!({"text": "Бөлімге", "dept_head": "depthead"}).to_string();
    ok_json(&on_desk(
        &o.b,
        "head",
        &["act", &second, "resolve", "--json", "-"],
        &resolve,
    ));
    let assign = json!({"executor": "executor"}).to_string();
    let assigned = ok_json(&on_desk(
        &o.b,
        "depthead",
        &["act", &second, "assign_executor", "--json", "-"],
        &assign,
    ));
    assert_eq!(assigned["step"]["role"], "executor", "{assigned}");
    let work = on_desk(&o.a, "executor", &["work"], "");
    assert!(text_of(&work).contains(&second), "{}", text_of(&work));
    // The host's clock decides: a clock set by hand on a desk is refused.
    refused(
        &on_desk(&o.a, "clerk", &["--now", NOW, "journal"], ""),
        2,
        "now_not_allowed",
    );
    // Not yet served remotely: said so, exit 2.
    refused(
        &on_desk(&o.a, "admin", &["verify"], ""),
        2,
        "not_available_remotely",
    );
}

#[test]
fn a_request_id_sent_twice_registers_once() {
    let o = office_with_two_desks();
    let args = ["register", "--json", "-", "--request-id", "form-7"];
    let first = ok_json(&on_desk(&o.a, "clerk", &args, &application()));
    let again = ok_json(&on_desk(&o.a, "clerk", &args, &application()));
    assert_eq!(first["number"], again["number"]);
    let journal = ok_json(&on_desk(&o.b, "clerk", &["journal", "--json"], ""));
    assert_eq!(journal.as_array().unwrap().len(), 1);
}

#[test]
fn revoked_reused_and_wrong_certificate_are_refused_and_a_stopped_host_is_unreachable() {
    let mut o = office_with_two_desks();
    // An invitation is used once.
    let code = invite(&o.host, "C");
    let c = o.a.with_file_name("desk-c");
    assert!(join(&c, &o.served.address, &code).status.success());
    refused(
        &join(&o.a.with_file_name("desk-d"), &o.served.address, &code),
        3,
        "invitation_used",
    );
    // A revoked desk is refused at once.
    let out = on_host(&o.host, "admin", &["desks", "revoke", "B"]);
    assert!(out.status.success(), "{}", text_of(&out));
    refused(
        &on_desk(&o.b, "clerk", &["journal"], ""),
        3,
        "desk_not_paired",
    );
    let list = on_host(&o.host, "admin", &["desks", "list"]);
    assert!(text_of(&list).contains("revoked"), "{}", text_of(&list));
    // Only administrators manage desks.
    refused(
        &on_host(&o.host, "clerk", &["desks", "invite", "--name", "E"]),
        3,
        "permission_denied",
    );
    // A desk pinned to another fingerprint refuses the host's certificate.
    let wrong = o.a.with_file_name("desk-wrong");
    std::fs::create_dir_all(&wrong).unwrap();
    let mut desk: Value =
        serde_json::from_str(&std::fs::read_to_string(o.a.join("desk.json")).unwrap()).unwrap();
    desk["fingerprint"] = json!(kense_net::code::fingerprint_text(&[7u8; 32]));
    std::fs::write(wrong.join("desk.json"), desk.to_string()).unwrap();
    refused(
        &on_desk(&wrong, "clerk", &["journal"], ""),
        4,
        "host_certificate_mismatch",
    );
    // A join whose code carries another fingerprint is refused too.
    let other_code = kense_net::code::invitation_code(&[9u8; 32], "000000000000");
    refused(
        &join(
            &o.a.with_file_name("desk-f"),
            &o.served.address,
            &other_code,
        ),
        4,
        "host_certificate_mismatch",
    );
    // The host stops cleanly on SIGTERM; then desks say it cannot be reached.
    let status = o.served.stop();
    assert!(status.success(), "serve exit: {status:?}");
    refused(
        &on_desk(&o.a, "clerk", &["journal"], ""),
        4,
        "host_unreachable",
    );
}

#[test]
fn desks_hear_of_a_change() {
    let o = office_with_two_desks();
    let desk = kense_net::client::RemoteDesk::load(&o.b).unwrap();
    let mut connection = desk.connect().unwrap();
    connection.sign_in("head", pin_for("head")).unwrap();
    let listener = std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let heard = connection.wait_changed(Duration::from_secs(10)).unwrap();
        (heard, started.elapsed(), connection)
    });
    std::thread::sleep(Duration::from_millis(300));
    ok_json(&on_desk(
        &o.a,
        "clerk",
        &["register", "--json", "-"],
        &application(),
    ));
    // The host tells its desks right after the write (timing is not measured
    // here: figures belong in benches).
    let (heard, waited, connection) = listener.join().unwrap();
    assert!(heard, "a changed event (waited {waited:?})");
    // A write by another process on the host's folder (an operator's CLI) is told too.
    let listener =
        std::thread::spawn(move || connection.wait_changed(Duration::from_secs(10)).unwrap());
    std::thread::sleep(Duration::from_millis(300));
    let out = on_host(&o.host, "admin", &["desks", "invite", "--name", "Z"]);
    assert!(out.status.success(), "{}", text_of(&out));
    assert!(
        listener.join().unwrap(),
        "a changed event for the host's own CLI"
    );
}
