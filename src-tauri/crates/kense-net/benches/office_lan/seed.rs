//! The bench's journal: KENSE_BENCH_CASES cases (default 100,000) of two
//! years written straight through the store in big transactions (as
//! `kense-core/benches/office.rs` does), the newest tenth (at least 5,000)
//! still open and spread over the route's steps; the demo's users (a test
//! journal: light PIN hashes, so sign-ins do not dominate) and 20 executors.
//! Built once per size and kept in the target folder.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration as Span};
use kense_core::{demo, Office};
use kense_domain::case::{
    validate_application, ApplicantInput, ApplicationInput, CaseStatus, RoutePosition,
};
use kense_domain::types::{Role, Text};
use kense_domain::user::{RoleGrant, UserInput};
use kense_domain::workflow::{Action, RouteEvent};
use kense_store::{cases, events, Store};

pub const NOW: &str = "2026-11-23T11:00:00+05:00";
const EXECUTORS: usize = 20;
/// Bump when the seeded journal changes, so an old cached one is not used.
const VERSION: u32 = 1;

pub fn cases() -> usize {
    std::env::var("KENSE_BENCH_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .filter(|&n: &usize| n >= 1_000)
        .unwrap_or(100_000)
}

pub fn open_cases(total: usize) -> usize {
    (total / 10).max(5_000).min(total)
}

/// The PIN of a bench user.
pub fn pin(login: &str) -> &'static str {
    if login.starts_with("exec") && login != "executor" {
        demo::demo_pin("executor")
    } else {
        demo::demo_pin(login)
    }
}

/// A valid IIN for `n`: 11 digits plus the check digit.
pub fn iin(n: usize) -> String {
    let body = format!(
        "{:02}{:02}{:02}3{:04}",
        60 + n % 40,
        1 + n % 12,
        1 + n % 28,
        n % 10_000
    );
    let d: Vec<u32> = body.bytes().map(|b| u32::from(b - b'0')).collect();
    let weighted = |w: &[u32]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
    let mut c = weighted(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if c == 10 {
        c = weighted(&[3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    if c == 10 {
        return iin(n + 1);
    }
    format!("{body}{c}")
}

const NAMES: &[&str] = &[
    "Әсет Құрманғалиұлы",
    "Гүлнұр Бекова",
    "Ерлан Сейітов",
    "Айгерім Нұрланқызы",
    "Иван Петров",
    "Мария Иванова",
];

/// An application as a clerk types it.
pub fn application(n: usize) -> ApplicationInput {
    ApplicationInput {
        service: "small-vessel-certificate".into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: "2026-11-23T10:30:00+05:00".into(),
        language: if n.is_multiple_of(3) { "ru" } else { "kk" }.into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some(iin(n)),
            bin: None,
            name: format!("{} {n}", NAMES[n % NAMES.len()]),
            phone: String::new(),
            address: String::new(),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    }
}

/// The cached seeded journal's folder for `total` cases, built if missing.
pub fn seeded_journal(total: usize) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let dir = root.join(format!("office_lan-{total}-v{VERSION}"));
    if dir.join("seeded").exists() {
        return dir;
    }
    let building = root.join(format!("office_lan-{total}-v{VERSION}.building"));
    let _ = std::fs::remove_dir_all(&building);
    load(&building, total);
    std::fs::write(building.join("seeded"), b"").unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&building, &dir).unwrap();
    dir
}

fn load(dir: &Path, total: usize) {
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut office = Office::create(dir).unwrap();
    demo::seed_users(&mut office, now - Span::days(800)).unwrap();
    let admin = office
        .sign_in("admin", demo::demo_pin("admin"), now - Span::days(800))
        .unwrap();
    for e in 0..EXECUTORS {
        let input = UserInput {
            login: format!("exec{e}"),
            name: Text {
                kk: format!("Орындаушы {e}"),
                ru: format!("Исполнитель {e}"),
            },
            position: Text {
                kk: "Маман".into(),
                ru: "Специалист".into(),
            },
            phone: String::new(),
            roles: vec![RoleGrant {
                role: Role::Executor,
                department: Some("Бөлім".into()),
            }],
            pin: pin(&format!("exec{e}")).into(),
        };
        office
            .create_user(&admin, &input, now - Span::days(800))
            .unwrap();
    }
    let terms = office.catalog().terms("small-vessel-certificate").unwrap();
    drop(office);
    let open = open_cases(total);
    let store = Store::open_existing(dir, &mut |_| Ok(())).unwrap();
    let start = now - Span::days(730);
    for chunk in (0..total).collect::<Vec<_>>().chunks(10_000) {
        store
            .write(|tx| {
                for &i in chunk {
                    let registered =
                        start + Span::minutes((i as i64) * 730 * 24 * 60 / total as i64);
                    let mut input = application(i);
                    input.received_at = (registered - Span::minutes(5)).to_rfc3339();
                    let valid = validate_application(&input, Some(&terms), registered).unwrap();
                    let case = cases::register(tx, &valid, registered, "clerk", "YYYY-NNNNN")?;
                    events::append(
                        tx,
                        case.id,
                        &RouteEvent {
                            at: registered,
                            actor: "clerk".into(),
                            role: Role::Clerk,
                            acting_for_head: false,
                            step: Some("register".into()),
                            action: Action::Register {},
                            due: None,
                        },
                    )?;
                    let (status, route) = if i < total - open {
                        (CaseStatus::Closed, RoutePosition::default())
                    } else {
                        let (step, role, status) = match i % 4 {
                            0 => ("resolution", Role::Head, CaseStatus::Registered),
                            1 | 2 => ("examine", Role::Executor, CaseStatus::InProgress),
                            _ => ("hand-over", Role::Clerk, CaseStatus::InProgress),
                        };
                        let executor =
                            (role == Role::Executor).then(|| format!("exec{}", i % EXECUTORS));
                        let due = now + Span::hours((i % 50) as i64 - 10);
                        (
                            status,
                            RoutePosition {
                                step: Some(step.into()),
                                role: Some(role),
                                executor,
                                dept_head: None,
                                due_at: Some(due),
                                started_at: Some(registered),
                            },
                        )
                    };
                    cases::set_route(tx, case.id, status, &route)?;
                }
                Ok(())
            })
            .unwrap();
    }
}

/// The numbers of the cases waiting for the head's resolution.
pub fn waiting_for_resolution(dir: &Path) -> Vec<String> {
    let store = Store::open_existing(dir, &mut |_| Ok(())).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT number FROM cases WHERE status = 'registered' ORDER BY id")
        .unwrap();
    let numbers = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    numbers
}

/// The journal as stored: how many cases, how often each number occurs, and
/// how many numbers are missing from each year's 1..=highest.
pub struct JournalCheck {
    pub cases: usize,
    pub numbers: HashMap<String, usize>,
    pub gaps: u64,
}

pub fn journal_check(dir: &Path) -> JournalCheck {
    let store = Store::open_existing(dir, &mut |_| Ok(())).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT number, year, seq FROM cases")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .unwrap();
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut years: BTreeMap<i64, (i64, std::collections::BTreeSet<i64>)> = BTreeMap::new();
    let mut count = 0;
    for row in rows {
        let (number, year, seq) = row.unwrap();
        count += 1;
        *numbers.entry(number).or_default() += 1;
        let entry = years.entry(year).or_default();
        entry.0 = entry.0.max(seq);
        entry.1.insert(seq);
    }
    let gaps = years
        .values()
        .map(|(highest, seen)| (*highest as u64).saturating_sub(seen.len() as u64))
        .sum();
    JournalCheck {
        cases: count,
        numbers,
        gaps,
    }
}
