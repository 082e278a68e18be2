//! The crash-and-race suite: several `kense-cli` processes acting on the same
//! cases at the same moment, and registrations killed with SIGKILL at random
//! moments. Every act is one serialised transaction, so: no skipped step, no
//! duplicate line or number, no acknowledged write lost, `verify` clean, and
//! the loser of a race gets a clear error, never SQLite's own text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, FixedOffset};
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput};
use kense_domain::regulation::Check;
use kense_domain::workflow::{Action, ActionKind};
use kense_tests::{cli_as, complete_package, signed_in, spawn_cli_as, stdout_json, text_of};
use serde_json::json;

type Time = DateTime<FixedOffset>;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A Monday morning, away from holidays; the races run later that day.
const START: &str = "2026-11-23T09:30:00+05:00";
const NOW: &str = "2026-11-23T15:00:00+05:00";
const SERVICE: &str = "small-vessel-certificate";

/// Where a raced case stands before the race.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Resolution,
    Examine,
    Sign,
    HandOver,
}

struct Journal {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn application(name: &str) -> ApplicationInput {
    ApplicationInput {
        service: SERVICE.into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: "2026-11-23T09:20:00+05:00".into(),
        language: "kk".into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some("800416100254".into()),
            bin: None,
            name: name.into(),
            phone: String::new(),
            address: String::new(),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    }
}

fn result_fields() -> BTreeMap<String, String> {
    [
        ("certificate-number", "ШК-0457"),
        ("vessel-class", "Моторлы қайық (R)"),
        ("navigation-area", "Жайық өзені"),
        ("valid-until", "2036-11-30"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// A journal with the demo users and `count` cases brought to `stage`.
fn journal_with(count: usize, stage: Stage) -> (Journal, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let mut office = Office::create(&path).unwrap();
    demo::seed_users(&mut office, at("2026-11-01T09:00:00+05:00")).unwrap();
    let mut numbers = Vec::new();
    for i in 0..count {
        let mut now = at(START) + Duration::minutes(i as i64);
        let number = office
            .register(
                &signed_in(&office, "clerk"),
                &application("Сынақ Өтініш Беруші"),
                now,
            )
            .unwrap()
            .number;
        let package = complete_package(&office, SERVICE);
        let mut step = |who: &str, action: Action| {
            now += Duration::seconds(30);
            office
                .act(&signed_in(&office, who), &number, action, now)
                .unwrap();
        };
        if stage != Stage::Resolution {
            step(
                "head",
                Action::Resolve {
                    text: "Орындауға".into(),
                    executor: Some("executor".into()),
                    dept_head: None,
                    deadline: None,
                },
            );
            step(
                "executor",
                Action::RecordCheck {
                    check: Check::Completeness,
                    passed: Some(true),
                    note: String::new(),
                    value: package.clone(),
                },
            );
        }
        if matches!(stage, Stage::Sign | Stage::HandOver) {
            step(
                "executor",
                Action::Submit {
                    fields: result_fields(),
                    note: String::new(),
                },
            );
        }
        if stage == Stage::HandOver {
            step(
                "head",
                Action::Sign {
                    comment: String::new(),
                },
            );
        }
        numbers.push(number);
    }
    (Journal { _dir: dir, path }, numbers)
}

fn write_json(dir: &Path, name: &str, value: serde_json::Value) -> String {
    let file = dir.join(name);
    std::fs::write(&file, value.to_string()).unwrap();
    file.to_string_lossy().into_owned()
}

/// The raced act at a stage: who does it and its data.
fn raced_act(j: &Journal, stage: Stage) -> (&'static str, &'static str, String) {
    match stage {
        Stage::Resolution => (
            "head",
            "resolve",
            write_json(
                &j.path,
                "resolve.json",
                json!({"text": "Орындауға", "executor": "executor"}),
            ),
        ),
        Stage::Examine => (
            "executor",
            "submit",
            write_json(&j.path, "submit.json", json!({"fields": result_fields()})),
        ),
        Stage::Sign => (
            "head",
            "sign",
            write_json(&j.path, "sign.json", json!({"comment": ""})),
        ),
        Stage::HandOver => (
            "clerk",
            "hand_over",
            write_json(&j.path, "hand_over.json", json!({"method": "in_person"})),
        ),
    }
}

fn history_kinds(office: &Office, number: &str) -> Vec<ActionKind> {
    office
        .case_view(&signed_in(office, "admin"), number, at(NOW))
        .unwrap_or_else(|e| panic!("{number} cannot be replayed: {e}"))
        .history
        .iter()
        .map(|e| e.action.kind())
        .collect()
}

/// No raw SQLite text reaches the user.
fn assert_clean_text(out: &Output) {
    let text = text_of(out);
    for raw in ["UNIQUE constraint", "database is locked", "SQLITE_BUSY"] {
        assert!(!text.contains(raw), "raw SQLite error shown: {text}");
    }
}

fn verify_clean(path: &Path) {
    let out = cli_as(path, NOW, "admin", &["verify", "--json"]);
    assert!(out.status.success(), "verify: {}", text_of(&out));
    assert!(stdout_json(&out)["problems"].as_array().unwrap().is_empty());
}

/// Two processes do the same act on each case at once, half of them sending
/// the version they saw. Exactly one wins per case; the other is refused
/// (`case_changed` with the version, `action_not_allowed` without), and the
/// history has the act once, made for the step the case stood at.
fn race(stage: Stage, cases: usize) {
    let (j, numbers) = journal_with(cases, stage);
    let (who, action, data) = raced_act(&j, stage);
    let before: Vec<usize> = {
        let office = Office::open(&j.path).unwrap();
        numbers
            .iter()
            .map(|n| history_kinds(&office, n).len())
            .collect()
    };
    let mut children = Vec::new();
    for (i, number) in numbers.iter().enumerate() {
        let version = before[i].to_string();
        for _ in 0..2 {
            let mut args = vec!["act", number.as_str(), action, "--json", data.as_str()];
            if i % 2 == 0 {
                args.extend(["--expect-version", version.as_str()]);
            }
            children.push((i, spawn_cli_as(&j.path, who, NOW, &args)));
        }
    }
    let mut wins = vec![0; cases];
    for (i, child) in children {
        let out = child.wait_with_output().unwrap();
        assert_clean_text(&out);
        match out.status.code() {
            Some(0) => wins[i] += 1,
            Some(2) if i % 2 == 0 => {
                assert!(text_of(&out).contains("case_changed"), "{}", text_of(&out));
            }
            // Without a version the loser is judged at the step the winner
            // moved the case to: not this person's step, or not this act.
            Some(3) if i % 2 == 1 => {
                let text = text_of(&out);
                assert!(
                    text.contains("action_not_allowed") || text.contains("permission_denied"),
                    "{text}"
                );
            }
            code => panic!("{stage:?} race: exit {code:?}: {}", text_of(&out)),
        }
    }
    assert_eq!(
        wins,
        vec![1; cases],
        "{stage:?}: exactly one act wins per case"
    );
    let office = Office::open(&j.path).unwrap();
    let acted = ActionKind::parse(action).unwrap();
    for (i, number) in numbers.iter().enumerate() {
        let kinds = history_kinds(&office, number);
        assert_eq!(kinds.len(), before[i] + 1, "{number}: {kinds:?}");
        assert_eq!(kinds.last(), Some(&acted));
    }
    verify_clean(&j.path);
}

#[test]
fn two_resolutions_at_once_never_skip_the_executors_step() {
    race(Stage::Resolution, 6);
}

#[test]
fn two_submits_at_once_never_skip_the_heads_signature() {
    race(Stage::Examine, 6);
}

#[test]
fn two_signatures_at_once_freeze_one_document() {
    race(Stage::Sign, 6);
}

#[test]
fn two_hand_overs_at_once_record_one() {
    race(Stage::HandOver, 6);
}

/// A small pseudo-random sequence (no extra crate): xorshift seeded per run.
struct Dice(u64);

impl Dice {
    fn new() -> Dice {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        Dice(seed | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Registrations with request ids, killed with SIGKILL at random moments, then
/// retried with the same ids: one case per request id, every acknowledged
/// number kept, numbers gap-free, `verify` clean.
#[test]
fn killed_registrations_retried_with_their_request_ids_land_exactly_once() {
    let (j, _) = journal_with(0, Stage::Resolution);
    let file = write_json(
        &j.path,
        "application.json",
        serde_json::to_value(application("Қайталау Сынағы")).unwrap(),
    );
    let mut dice = Dice::new();
    let ids: Vec<String> = (0..16).map(|i| format!("req-{i:03}")).collect();
    let mut acknowledged = BTreeMap::new();
    let mut kills = 0;
    for batch in ids.chunks(4) {
        let mut children: Vec<_> = batch
            .iter()
            .map(|id| {
                let args = [
                    "register",
                    "--json",
                    file.as_str(),
                    "--request-id",
                    id.as_str(),
                ];
                (id.clone(), spawn_cli_as(&j.path, "clerk", NOW, &args))
            })
            .collect();
        std::thread::sleep(StdDuration::from_millis(dice.below(120)));
        for (_, child) in children.iter_mut() {
            if dice.below(2) == 0 && child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                kills += 1;
            }
        }
        for (id, child) in children {
            let out = child.wait_with_output().unwrap();
            if out.status.success() {
                acknowledged.insert(id, stdout_json(&out)["number"].clone());
            }
        }
    }
    // Every request is retried: an acknowledged one returns its number.
    let mut numbers = BTreeSet::new();
    for id in &ids {
        let args = [
            "register",
            "--json",
            file.as_str(),
            "--request-id",
            id.as_str(),
        ];
        let out = cli_as(&j.path, NOW, "clerk", &args);
        assert!(out.status.success(), "{}", text_of(&out));
        let number = stdout_json(&out)["number"].clone();
        if let Some(first) = acknowledged.get(id) {
            assert_eq!(&number, first, "request {id} changed its case");
        }
        assert!(numbers.insert(number.to_string()), "two requests, one case");
    }
    let office = Office::open(&j.path).unwrap();
    let cases = office.cases(&signed_in(&office, "admin")).unwrap();
    assert_eq!(cases.len(), ids.len());
    verify_clean(&j.path);
    eprintln!(
        "killed registrations: {} requests, {kills} kills, {} acknowledged before the retry",
        ids.len(),
        acknowledged.len()
    );
}

#[test]
fn a_retried_act_is_done_once_and_a_reused_id_is_refused() {
    let (j, numbers) = journal_with(1, Stage::Resolution);
    let (who, action, data) = raced_act(&j, Stage::Resolution);
    let args = [
        "act",
        numbers[0].as_str(),
        action,
        "--json",
        data.as_str(),
        "--request-id",
        "form-1",
    ];
    let first = cli_as(&j.path, NOW, who, &args);
    assert!(first.status.success(), "{}", text_of(&first));
    let again = cli_as(&j.path, NOW, who, &args);
    assert!(again.status.success(), "{}", text_of(&again));
    assert_eq!(
        stdout_json(&first)["version"],
        stdout_json(&again)["version"]
    );
    let office = Office::open(&j.path).unwrap();
    assert_eq!(history_kinds(&office, &numbers[0]).len(), 2);
    // The same id for another act is refused and changes nothing.
    let other = write_json(
        &j.path,
        "withdraw.json",
        json!({"reason": "Өтініш кері алынды"}),
    );
    let out = cli_as(
        &j.path,
        NOW,
        "clerk",
        &[
            "act",
            numbers[0].as_str(),
            "withdraw",
            "--json",
            other.as_str(),
            "--request-id",
            "form-1",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    assert!(text_of(&out).contains("request_reused"));
    assert_eq!(history_kinds(&office, &numbers[0]).len(), 2);
}

#[test]
fn an_act_on_a_changed_case_names_who_changed_it_in_both_languages() {
    let (j, numbers) = journal_with(1, Stage::Examine);
    let (who, action, data) = raced_act(&j, Stage::Examine);
    let stale = "2"; // registration, resolution — before the executor's check
    let out = cli_as(
        &j.path,
        NOW,
        who,
        &[
            "act",
            &numbers[0],
            action,
            "--json",
            &data,
            "--expect-version",
            stale,
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    let text = text_of(&out);
    assert!(text.contains("case_changed"), "{text}");
    assert!(text.contains("Бұл істі executor"), "{text}");
    assert!(text.contains("Это дело изменил(а) executor"), "{text}");
    let office = Office::open(&j.path).unwrap();
    assert_eq!(history_kinds(&office, &numbers[0]).len(), 3);
}

#[test]
fn a_hand_over_takes_the_signed_number_and_refuses_another_cases() {
    let (j, numbers) = journal_with(2, Stage::HandOver);
    let office = Office::open(&j.path).unwrap();
    let signed: Vec<String> = numbers
        .iter()
        .map(|n| {
            office
                .case_documents(&signed_in(&office, "admin"), n)
                .unwrap()[0]
                .outgoing_number
                .clone()
                .unwrap()
        })
        .collect();
    assert_ne!(signed[0], signed[1]);
    drop(office);
    let hand_over = |number: &str, outgoing: &str| {
        let data = write_json(
            &j.path,
            "h.json",
            json!({"method": "in_person", "outgoing_number": outgoing}),
        );
        cli_as(
            &j.path,
            NOW,
            "clerk",
            &["act", number, "hand_over", "--json", &data],
        )
    };
    let out = hand_over(&numbers[0], &signed[1]);
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    let out = hand_over(&numbers[0], "2026-99999/Ш");
    assert_eq!(out.status.code(), Some(2), "{}", text_of(&out));
    let out = hand_over(&numbers[0], &signed[0]);
    assert!(out.status.success(), "{}", text_of(&out));
    assert_eq!(
        stdout_json(&out)["route"]["outgoing_number"],
        json!(signed[0])
    );
    verify_clean(&j.path);
}

#[test]
fn bad_act_inputs_exit_2_and_forbidden_ones_exit_3() {
    let (j, numbers) = journal_with(1, Stage::HandOver);
    let n = numbers[0].as_str();
    let bad_method = write_json(&j.path, "m.json", json!({"method": "pigeon"}));
    let bad_check = write_json(
        &j.path,
        "c.json",
        json!({"check": "astrology", "passed": true}),
    );
    for (name, data) in [
        ("fly", None),
        ("register", None),
        ("hand_over", Some(bad_method.as_str())),
        ("record_check", Some(bad_check.as_str())),
    ] {
        let mut args = vec!["act", n, name];
        if let Some(d) = data {
            args.extend(["--json", d]);
        }
        let out = cli_as(&j.path, NOW, "clerk", &args);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", text_of(&out));
    }
    let data = write_json(&j.path, "ok.json", json!({"method": "in_person"}));
    let out = cli_as(
        &j.path,
        NOW,
        "executor",
        &["act", n, "hand_over", "--json", &data],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text_of(&out));
}

/// One desk registers in a loop while another prints receipts, the journal
/// and hands cases over: nobody sees "database is locked".
#[test]
fn printing_and_handing_over_while_another_desk_registers_never_fails() {
    let (j, numbers) = journal_with(4, Stage::HandOver);
    let file = write_json(
        &j.path,
        "application.json",
        serde_json::to_value(application("Параллель Тіркеу")).unwrap(),
    );
    let path = j.path.clone();
    let started = Instant::now();
    let writer = std::thread::spawn(move || {
        let mut failures = Vec::new();
        for _ in 0..12 {
            let out = cli_as(&path, NOW, "clerk", &["register", "--json", &file]);
            if !out.status.success() {
                failures.push(text_of(&out));
            }
        }
        failures
    });
    let mut failures = Vec::new();
    let hand_over = write_json(&j.path, "hand_over.json", json!({"method": "in_person"}));
    for (i, number) in numbers.iter().enumerate() {
        let receipt = j.path.join(format!("receipt-{i}.pdf"));
        let journal = j.path.join(format!("journal-{i}.pdf"));
        let runs = [
            cli_as(
                &j.path,
                NOW,
                "clerk",
                &[
                    "print",
                    number,
                    "--kind",
                    "receipt",
                    "--out",
                    receipt.to_str().unwrap(),
                ],
            ),
            cli_as(
                &j.path,
                NOW,
                "clerk",
                &[
                    "print-journal",
                    "--from",
                    "2026-01-01",
                    "--to",
                    "2026-12-31",
                    "--lang",
                    "kk",
                    "--out",
                    journal.to_str().unwrap(),
                ],
            ),
            cli_as(
                &j.path,
                NOW,
                "clerk",
                &["act", number, "hand_over", "--json", &hand_over],
            ),
        ];
        for out in runs {
            if !out.status.success() {
                failures.push(text_of(&out));
            }
        }
    }
    failures.extend(writer.join().unwrap());
    assert!(
        failures.is_empty(),
        "{} failures: {failures:#?}",
        failures.len()
    );
    assert!(started.elapsed() < StdDuration::from_secs(60));
    verify_clean(&j.path);
}

#[test]
fn a_damaged_route_is_reported_by_verify() {
    let (j, numbers) = journal_with(1, Stage::Sign);
    // What a lost race used to leave: a second submit line, made for the
    // executor's step while the case stood at the signature.
    // Written with the store's own hash function, so the chain stays whole and
    // only the route check can tell.
    let conn = kense_store::Connection::open(j.path.join("journal.sqlite")).unwrap();
    kense_store::ledger::register_functions(&conn).unwrap();
    conn.execute(
        "INSERT INTO case_events (case_id, at, actor, role, acting_for_head, step, action, data_json, due_at, version)
         SELECT case_id, at, actor, role, acting_for_head, step, action, data_json, due_at, version + 1
         FROM case_events WHERE id = (SELECT MAX(id) FROM case_events)",
        [],
    )
    .unwrap();
    drop(conn);
    let out = cli_as(&j.path, NOW, "admin", &["verify", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text_of(&out));
    let problems = stdout_json(&out)["problems"].to_string();
    assert!(problems.contains(&numbers[0]), "{problems}");
    assert!(problems.contains("made for step examine"), "{problems}");
}
