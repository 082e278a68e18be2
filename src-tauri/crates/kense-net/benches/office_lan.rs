//! The office over the LAN: a host on 127.0.0.1 (the real `host::serve`,
//! TLS and all, in this process) over a journal of KENSE_BENCH_CASES cases
//! (default 100,000), and 20 desks — threads, each paired with its own
//! invitation code and signed in with its own session through the client
//! library — doing 500 mixed operations each: registrations and acts with
//! request ids, My work, search. Afterwards the journal is read: every
//! acknowledged write present exactly once, numbers without gaps. p50/p99 per
//! kind are printed beside the same operations on a single desk (direct
//! `Office` calls on the same journal), with the targets.
//!
//! The seeded journal is built once and kept under the target folder
//! (`office_lan-<cases>-v1`); every run works on a fresh copy of it.
//!
//! Run: `cargo bench -p kense-net --bench office_lan` (release build).

#[path = "office_lan/seed.rs"]
mod seed;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{mpsc, Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use kense_core::clock::Clock;
use kense_core::ops::Op;
use kense_core::requests::ActOptions;
use kense_core::views::CaseView;
use kense_core::Office;
use kense_domain::case::Case;
use kense_domain::journal::JournalFilter;
use kense_domain::workflow::Action;
use kense_net::client::RemoteDesk;
use kense_net::code::invitation_code;

const DESKS: usize = 20;
const OPS: usize = 500;
/// Operations of each kind timed on the single desk.
const SINGLE: usize = 100;
const KINDS: [&str; 4] = ["register", "act", "my_work", "search"];

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(seed::NOW).unwrap()
}

fn resolve() -> Action {
    Action::Resolve {
        text: "Орындауға".into(),
        executor: Some("exec1".into()),
        dept_head: None,
        deadline: None,
    }
}

fn search(text: String) -> JournalFilter {
    JournalFilter {
        text: Some(text),
        ..JournalFilter::default()
    }
}

/// What a desk does as its `i`-th operation, by the role signed in there.
fn op_for(role: &str, desk: usize, i: usize, acts: &mut Vec<String>, numbers: &[String]) -> Op {
    let search_text = |i: usize| {
        if i.is_multiple_of(2) {
            numbers[(desk * 7919 + i * 104_729) % numbers.len()].clone()
        } else {
            seed::iin((desk * 31 + i * 977) % seed::cases())
        }
    };
    match (role, i % 10) {
        ("clerk", 0..=3) => Op::Register {
            input: Box::new(seed::application(desk * OPS + i)),
            request_id: Some(format!("lan-{desk}-{i}")),
        },
        ("head", 0..=3) if !acts.is_empty() => Op::Act {
            case: acts.pop().unwrap(),
            action: resolve(),
            options: ActOptions::request(Some(format!("lan-act-{desk}-{i}"))),
        },
        ("clerk" | "head", 4..=6) | ("exec", 0..=4) => Op::MyWork,
        _ => Op::Search {
            filter: search(search_text(i)),
        },
    }
}

fn kind(op: &Op) -> &'static str {
    match op {
        Op::Register { .. } => "register",
        Op::Act { .. } => "act",
        Op::MyWork => "my_work",
        _ => "search",
    }
}

/// What one desk saw.
#[derive(Default)]
struct DeskRun {
    samples: BTreeMap<&'static str, Vec<Duration>>,
    /// request id → number, for every acknowledged registration.
    registered: Vec<(String, String)>,
    /// Numbers of cases this desk resolved (acknowledged).
    acted: Vec<String>,
    /// Resends of a request id that came back with another answer.
    replay_mismatches: usize,
    failures: Vec<String>,
}

fn percentiles(samples: &mut [Duration]) -> (f64, f64) {
    if samples.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let n = samples.len();
    (ms(samples[n / 2]), ms(samples[(n * 99 / 100).min(n - 1)]))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn main() {
    let total = seed::cases();
    let t = Instant::now();
    let cached = seed::seeded_journal(total);
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("host");
    copy_dir(&cached, &dir);
    println!(
        "journal: {total} cases ({} open), ready in {:.1} s ({})",
        seed::open_cases(total),
        t.elapsed().as_secs_f64(),
        cached.display()
    );

    let mut office = Office::open(&dir).unwrap();
    let sign =
        |office: &Office, login: &str| office.sign_in(login, seed::pin(login), now()).unwrap();
    // Every case waiting for the head's resolution (the search answers one page).
    let mut waiting = seed::waiting_for_resolution(&dir);
    assert!(
        waiting.len() > SINGLE,
        "the seeded journal has cases to resolve"
    );
    let numbers = waiting.clone();

    // The same operations on a single desk: direct calls, one at a time.
    let mut single: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
    let sessions: Vec<_> = ["clerk", "head", "exec3", "admin"]
        .iter()
        .map(|l| sign(&office, l))
        .collect();
    let single_acts: Vec<String> = waiting.drain(..SINGLE.min(waiting.len())).collect();
    for i in 0..SINGLE {
        let mut acts = vec![single_acts[i % single_acts.len()].clone()];
        for (role, session, step) in [
            ("clerk", &sessions[0], 0),
            ("head", &sessions[1], 0),
            ("exec", &sessions[2], 0),
            ("exec", &sessions[3], 9),
        ] {
            let op = op_for(role, DESKS + 1, i * 10 + step, &mut acts, &numbers);
            let what = kind(&op);
            let started = Instant::now();
            let answer = office.call(session, op, now());
            single.entry(what).or_default().push(started.elapsed());
            answer.unwrap_or_else(|e| panic!("single desk {what}: {e}"));
        }
    }

    // The host, its desks' invitations, and the host serving them.
    let admin = sign(&office, "admin");
    let identity_dir = work.path().join("identity");
    std::fs::create_dir_all(&identity_dir).unwrap();
    let identity = kense_net::identity::load_or_create(&identity_dir).unwrap();
    let codes: Vec<String> = (0..DESKS)
        .map(|d| {
            let secret = office
                .invite_desk(&admin, &format!("desk-{d}"), now())
                .unwrap();
            invitation_code(&identity.fingerprint(), &secret)
        })
        .collect();
    let (ready, address) = mpsc::channel();
    std::thread::spawn(move || {
        kense_net::host::serve(
            office,
            &identity,
            "127.0.0.1:0",
            Clock::Fixed(now()),
            |address, _| ready.send(address.to_string()).unwrap(),
        )
        .unwrap()
    });
    let address: String = address.recv().unwrap();

    // Acts go to head desks, each with cases of its own.
    let heads = (0..DESKS).filter(|d| d % 4 == 1).count();
    let per_head = waiting.len() / heads.max(1);
    let start = Arc::new(Barrier::new(DESKS));
    let numbers = Arc::new(numbers);
    let t = Instant::now();
    let runs: Vec<DeskRun> = (0..DESKS)
        .map(|d| {
            let (role, login) = match d % 4 {
                0 => ("clerk", "clerk".to_string()),
                1 => ("head", "head".to_string()),
                _ => ("exec", format!("exec{d}")),
            };
            let mut acts: Vec<String> = if role == "head" {
                let k = d / 4;
                waiting[k * per_head..(k + 1) * per_head].to_vec()
            } else {
                Vec::new()
            };
            let client_dir = work.path().join(format!("desk-{d}"));
            let (address, code, start, numbers) = (
                address.clone(),
                codes[d].clone(),
                start.clone(),
                numbers.clone(),
            );
            std::thread::spawn(move || {
                let desk = RemoteDesk::join(&client_dir, &address, &code, None).unwrap();
                let mut host = desk.connect().unwrap();
                host.sign_in(&login, seed::pin(&login)).unwrap();
                let mut run = DeskRun::default();
                start.wait();
                for i in 0..OPS {
                    let op = op_for(role, d, i, &mut acts, &numbers);
                    let what = kind(&op);
                    let started = Instant::now();
                    let answer = host.call_value(&op);
                    run.samples.entry(what).or_default().push(started.elapsed());
                    let value = match answer {
                        Ok(value) => value,
                        Err(e) => {
                            run.failures.push(format!("desk {d} {what}: {e}"));
                            continue;
                        }
                    };
                    match &op {
                        Op::Register { request_id, .. } => {
                            let case: Case = serde_json::from_value(value).unwrap();
                            // One registration in eight is sent again, as a
                            // desk does after a lost answer.
                            if i % 20 == 0 {
                                let again: Case =
                                    serde_json::from_value(host.call_value(&op).unwrap()).unwrap();
                                if again.number != case.number {
                                    run.replay_mismatches += 1;
                                }
                            }
                            run.registered
                                .push((request_id.clone().unwrap(), case.number));
                        }
                        Op::Act { case, .. } => run.acted.push(case.clone()),
                        _ => {}
                    }
                }
                run
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap())
        .collect();
    let wall = t.elapsed();

    // The journal afterwards, read apart from the host.
    let mut reader = Office::open(&dir).unwrap();
    let admin = sign(&reader, "admin");
    let registered: Vec<(String, String)> =
        runs.iter().flat_map(|r| r.registered.clone()).collect();
    let acted: Vec<String> = runs.iter().flat_map(|r| r.acted.clone()).collect();
    let check = seed::journal_check(&dir);
    let mut lost = 0;
    let mut duplicated = runs.iter().map(|r| r.replay_mismatches).sum::<usize>();
    for (_, number) in &registered {
        match check.numbers.get(number) {
            None => lost += 1,
            Some(&n) if n > 1 => duplicated += 1,
            _ => {}
        }
    }
    let expected = total + SINGLE + registered.len();
    duplicated += check.cases.saturating_sub(expected);
    lost += expected.saturating_sub(check.cases);
    for number in &acted {
        let view: CaseView = serde_json::from_value(
            reader
                .call(
                    &admin,
                    Op::CaseView {
                        case: number.clone(),
                    },
                    now(),
                )
                .unwrap(),
        )
        .unwrap();
        match view
            .history
            .iter()
            .filter(|e| matches!(e.action, Action::Resolve { .. }))
            .count()
        {
            0 => lost += 1,
            1 => {}
            _ => duplicated += 1,
        }
    }
    let failures: Vec<String> = runs.iter().flat_map(|r| r.failures.clone()).collect();

    let mut lan: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
    for run in runs {
        for (what, samples) in run.samples {
            lan.entry(what).or_default().extend(samples);
        }
    }
    let ops: usize = lan.values().map(Vec::len).sum();
    println!(
        "{DESKS} desks × {OPS} operations: {ops} in {:.1} s ({:.0} ops/s); {} registrations, {} acts acknowledged",
        wall.as_secs_f64(),
        ops as f64 / wall.as_secs_f64(),
        registered.len(),
        acted.len()
    );
    println!(
        "lost {lost}   duplicated {duplicated}   number gaps {}   failed calls {}",
        check.gaps,
        failures.len()
    );
    for failure in failures.iter().take(5) {
        println!("  failed: {failure}");
    }
    println!();
    println!(
        "{:<10} {:>8} {:>10} {:>10}   {:>8} {:>10} {:>10}   target",
        "operation", "LAN n", "p50 ms", "p99 ms", "1-desk n", "p50 ms", "p99 ms"
    );
    let mut met = true;
    for what in KINDS {
        let mut l = lan.remove(what).unwrap_or_default();
        let mut s = single.remove(what).unwrap_or_default();
        let (ln, sn) = (l.len(), s.len());
        let (l50, l99) = percentiles(&mut l);
        let (s50, s99) = percentiles(&mut s);
        let target = match what {
            "act" => Some(30.0),
            "my_work" => Some(50.0),
            _ => None,
        };
        let verdict = match target {
            Some(t) if l99 <= t => format!("p99 ≤ {t} ms OK"),
            Some(t) => {
                met = false;
                format!("p99 ≤ {t} ms MISSED")
            }
            None => "—".to_string(),
        };
        println!(
            "{what:<10} {ln:>8} {l50:>10.2} {l99:>10.2}   {sn:>8} {s50:>10.2} {s99:>10.2}   {verdict}"
        );
    }
    let clean = lost == 0 && duplicated == 0 && check.gaps == 0 && failures.is_empty();
    println!(
        "verdict: {}; targets {}",
        if clean {
            "nothing lost, doubled or skipped"
        } else {
            "ANOMALIES"
        },
        if met { "met" } else { "NOT met" }
    );
    if !clean {
        std::process::exit(1);
    }
}
