//! The host-crash soak (run by `scripts/lan_soak.sh`, not in CI): the real
//! `kense-cli serve` on 127.0.0.1, 10 client desks (threads using the client
//! library, each paired with its own invitation code) registering cases and
//! resolving them, every write with a request id; the host is killed with
//! SIGKILL mid-way and restarted on the same folder and port, and the clients
//! ride it out on their own (the library resends writes that carry a request
//! id, with backoff, and signs in again on a host that forgot the session).
//! Afterwards: every acknowledged write is in the journal exactly once, the
//! numbers have no gaps, and `kense-cli verify` is clean.
//!
//! Run: `cargo run --release -p kense-net --example lan_soak -- KENSE_CLI`
//! Env: SOAK_CLIENTS (default 10), SOAK_CASES (cases per client, default
//! 20), SOAK_KILLS (default 3).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::DateTime;
use kense_core::ops::Op;
use kense_core::requests::ActOptions;
use kense_core::views::CaseView;
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput, Case};
use kense_domain::workflow::Action;
use kense_net::client::RemoteDesk;
use kense_net::code::{invitation_code, parse_fingerprint};
use kense_store::Store;

const NOW: &str = "2026-11-23T15:00:00+05:00";

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// `kense-cli --data-dir DIR --now NOW serve --listen LISTEN`, once its
/// `listening ADDR fingerprint FP` line is read.
fn serve(cli: &Path, dir: &Path, listen: &str) -> (Child, String, String) {
    for _ in 0..50 {
        let mut child = Command::new(cli)
            .arg("--data-dir")
            .arg(dir)
            .args(["--now", NOW, "serve", "--listen", listen])
            .env_remove("KENSE_DATA_DIR")
            .env_remove("KENSE_NOW")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("kense-cli serve starts");
        let mut line = String::new();
        let _ = BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.len() == 4 && words[0] == "listening" {
            return (child, words[1].to_string(), words[3].to_string());
        }
        // The port may still be held for a moment after a kill.
        let _ = child.kill();
        let _ = child.wait();
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("kense-cli serve did not start on {listen}");
}

fn application(n: usize) -> ApplicationInput {
    ApplicationInput {
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
            name: format!("Сынақ Өтініш Беруші {n}"),
            phone: String::new(),
            address: String::new(),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    }
}

/// What one client saw.
#[derive(Default)]
struct ClientRun {
    attempted: usize,
    /// request id → case number, acknowledged registrations.
    registered: Vec<(String, String)>,
    /// Cases whose resolution was acknowledged.
    resolved: Vec<String>,
    retries: u64,
    failures: Vec<String>,
}

fn client(
    index: usize,
    desk: RemoteDesk,
    cases: usize,
    acked: &AtomicUsize,
    start: &Barrier,
) -> ClientRun {
    let mut clerk = desk.connect().unwrap();
    clerk.sign_in("clerk", demo::demo_pin("clerk")).unwrap();
    let mut head = desk.connect().unwrap();
    head.sign_in("head", demo::demo_pin("head")).unwrap();
    let mut run = ClientRun::default();
    start.wait();
    for j in 0..cases {
        let id = format!("soak-{index}-{j}");
        run.attempted += 1;
        let op = Op::Register {
            input: Box::new(application(index * 1000 + j)),
            request_id: Some(id.clone()),
        };
        let number = match clerk.call_value(&op) {
            Ok(value) => serde_json::from_value::<Case>(value).unwrap().number,
            Err(e) => {
                run.failures.push(format!("{id}: {e}"));
                continue;
            }
        };
        acked.fetch_add(1, Ordering::Relaxed);
        run.registered.push((id, number.clone()));
        run.attempted += 1;
        let op = Op::Act {
            case: number.clone(),
            action: Action::Resolve {
                text: "Орындауға".into(),
                executor: Some("executor".into()),
                dept_head: None,
                deadline: None,
            },
            options: ActOptions::request(Some(format!("soak-act-{index}-{j}"))),
        };
        match head.call_value(&op) {
            Ok(_) => {
                acked.fetch_add(1, Ordering::Relaxed);
                run.resolved.push(number);
            }
            Err(e) => run.failures.push(format!("resolve {number}: {e}")),
        }
    }
    run.retries = clerk.retries() + head.retries();
    run
}

fn main() {
    let cli = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: lan_soak PATH-TO-KENSE-CLI"),
    );
    let clients = env("SOAK_CLIENTS", 10);
    let cases = env("SOAK_CASES", 20);
    let kills = env("SOAK_KILLS", 3);
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("host");
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    {
        let mut office = Office::create(&dir).unwrap();
        demo::seed_users(&mut office, now).unwrap();
    }
    let started = Instant::now();
    let (mut host, address, fingerprint) = serve(&cli, &dir, "127.0.0.1:0");
    let pinned = parse_fingerprint(&fingerprint).expect("the printed fingerprint");
    let desks: Vec<RemoteDesk> = {
        let mut office = Office::open(&dir).unwrap();
        let admin = office
            .sign_in("admin", demo::demo_pin("admin"), now)
            .unwrap();
        (0..clients)
            .map(|c| {
                let secret = office
                    .invite_desk(&admin, &format!("soak-{c}"), now)
                    .unwrap();
                let code = invitation_code(&pinned, &secret);
                RemoteDesk::join(
                    &work.path().join(format!("desk-{c}")),
                    &address,
                    &code,
                    None,
                )
                .unwrap()
            })
            .collect()
    };

    let acked = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Barrier::new(clients + 1));
    let threads: Vec<_> = desks
        .into_iter()
        .enumerate()
        .map(|(c, desk)| {
            let (acked, start) = (acked.clone(), start.clone());
            std::thread::spawn(move || client(c, desk, cases, &acked, &start))
        })
        .collect();
    start.wait();
    // Kill the host at evenly spread moments of the run, restart it at once.
    let writes = clients * cases * 2;
    let mut killed = 0;
    for k in 1..=kills {
        let at = writes * k / (kills + 1);
        while acked.load(Ordering::Relaxed) < at && !threads.iter().all(|t| t.is_finished()) {
            std::thread::sleep(Duration::from_millis(5));
        }
        if threads.iter().all(|t| t.is_finished()) {
            break;
        }
        host.kill().unwrap(); // SIGKILL
        let _ = host.wait();
        killed += 1;
        std::thread::sleep(Duration::from_millis(300));
        host = serve(&cli, &dir, &address).0;
    }
    let runs: Vec<ClientRun> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let _ = Command::new("kill")
        .args(["-TERM", &host.id().to_string()])
        .status();
    let _ = host.wait();

    // The journal afterwards.
    let mut anomalies: Vec<String> = Vec::new();
    let registered: Vec<&(String, String)> = runs.iter().flat_map(|r| &r.registered).collect();
    let resolved: Vec<&String> = runs.iter().flat_map(|r| &r.resolved).collect();
    let failures: Vec<&String> = runs.iter().flat_map(|r| &r.failures).collect();
    for failure in &failures {
        anomalies.push(format!("not acknowledged: {failure}"));
    }
    let (numbers, gaps) = {
        let store = Store::open_existing(&dir, &mut |_| Ok(())).unwrap();
        let mut stmt = store
            .conn()
            .prepare("SELECT number, year, seq FROM cases")
            .unwrap();
        let rows: Vec<(String, i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut by_year: HashMap<i64, Vec<i64>> = HashMap::new();
        for (_, year, seq) in &rows {
            by_year.entry(*year).or_default().push(*seq);
        }
        let gaps: i64 = by_year
            .values_mut()
            .map(|seqs| {
                seqs.sort_unstable();
                seqs.dedup();
                seqs.last().copied().unwrap_or(0) - seqs.len() as i64
            })
            .sum();
        let numbers: Vec<String> = rows.into_iter().map(|r| r.0).collect();
        (numbers, gaps)
    };
    for (id, number) in &registered {
        match numbers.iter().filter(|n| *n == number).count() {
            1 => {}
            0 => anomalies.push(format!("{id}: acknowledged {number} is lost")),
            n => anomalies.push(format!("{id}: {number} stored {n} times")),
        }
    }
    let attempted_registrations =
        registered.len() + failures.iter().filter(|f| f.starts_with("soak-")).count();
    if numbers.len() < registered.len() || numbers.len() > attempted_registrations {
        anomalies.push(format!(
            "{} cases for {} acknowledged registrations ({} attempted)",
            numbers.len(),
            registered.len(),
            attempted_registrations
        ));
    }
    if gaps != 0 {
        anomalies.push(format!("{gaps} numbers missing"));
    }
    let mut office = Office::open(&dir).unwrap();
    let admin = office
        .sign_in("admin", demo::demo_pin("admin"), now)
        .unwrap();
    for number in &resolved {
        let view: CaseView = serde_json::from_value(
            office
                .call(
                    &admin,
                    Op::CaseView {
                        case: (*number).clone(),
                    },
                    now,
                )
                .unwrap(),
        )
        .unwrap();
        let n = view
            .history
            .iter()
            .filter(|e| matches!(e.action, Action::Resolve { .. }))
            .count();
        if n != 1 {
            anomalies.push(format!("{number}: resolved {n} times"));
        }
    }
    drop(office);
    let pin_file = work.path().join("admin.pin");
    std::fs::write(&pin_file, demo::demo_pin("admin")).unwrap();
    let verify = Command::new(&cli)
        .arg("--data-dir")
        .arg(&dir)
        .args(["--now", NOW, "--user", "admin", "--pin-file"])
        .arg(&pin_file)
        .arg("verify")
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .output()
        .expect("kense-cli verify runs");
    let verify_text = String::from_utf8_lossy(&verify.stdout).to_string();
    if !verify.status.success() {
        anomalies.push(format!(
            "verify: {} {}",
            verify_text.trim(),
            String::from_utf8_lossy(&verify.stderr).trim()
        ));
    }

    println!("== LAN host-crash soak ({}) ==", cli.display());
    println!("clients:            {clients} desks (clerk + head sessions each)");
    println!(
        "writes:             {} attempted ({} registrations, {} resolutions acknowledged)",
        runs.iter().map(|r| r.attempted).sum::<usize>(),
        registered.len(),
        resolved.len()
    );
    println!("acknowledged:       {}", registered.len() + resolved.len());
    println!(
        "retried:            {} resends by the client library",
        runs.iter().map(|r| r.retries).sum::<u64>()
    );
    println!("host kills:         {killed} (SIGKILL, restarted on the same folder and port)");
    println!(
        "cases in journal:   {} (number gaps: {gaps})",
        numbers.len()
    );
    println!(
        "verify:             {}",
        verify_text.lines().last().unwrap_or("").trim()
    );
    println!("anomalies:          {}", anomalies.len());
    for anomaly in anomalies.iter().take(20) {
        println!("  anomaly: {anomaly}");
    }
    println!(
        "time:               {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if !anomalies.is_empty() {
        std::process::exit(1);
    }
}
