//! The journal at the size of a decade of a busy office: 100,000 cases, 10,000
//! of them open. Prints how fast "My work", the overdue dashboard, journal search
//! and one route action answer, against the targets of the workflow issue.
//!
//! Run: `cargo bench -p kense-core --bench office` (release build).

use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Span, FixedOffset};
use kense_core::{demo, Office};
use kense_domain::case::{
    validate_application, ApplicantInput, ApplicationInput, CaseStatus, RoutePosition,
};
use kense_domain::journal::JournalFilter;
use kense_domain::types::Role;
use kense_domain::workflow::{Action, RouteEvent};
use kense_store::{cases, events, Store};

const CASES: usize = 100_000;
const OPEN: usize = 10_000;
const EXECUTORS: usize = 20;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Valid IINs for names: 11 digits plus the check digit.
fn iin(n: usize) -> String {
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
    "Қайрат Өмірзақов",
    "Жанар Үсенова",
    "Болат Ғабитов",
    "Сәуле Һадиева",
];

fn load(dir: &std::path::Path, now: DateTime<FixedOffset>) {
    let mut office = Office::create(dir).unwrap();
    demo::seed_users(&mut office, now - Span::days(800)).unwrap();
    for e in 0..EXECUTORS {
        let input = kense_domain::user::UserInput {
            login: format!("exec{e}"),
            name: kense_domain::types::Text {
                kk: format!("Орындаушы {e}"),
                ru: format!("Исполнитель {e}"),
            },
            position: kense_domain::types::Text {
                kk: "Маман".into(),
                ru: "Специалист".into(),
            },
            phone: String::new(),
            roles: vec![kense_domain::user::RoleGrant {
                role: Role::Executor,
                department: Some("Бөлім".into()),
            }],
            pin: "1111".into(),
        };
        office
            .create_user(&signed_in(&office, "admin"), &input, now - Span::days(800))
            .unwrap();
    }
    let terms = office.catalog().terms("small-vessel-certificate").unwrap();
    drop(office);
    let store = Store::open_existing(dir, &mut |_| Ok(())).unwrap();
    let start = now - Span::days(730);
    for chunk in 0..(CASES / 5_000) {
        store
            .write(|tx| {
                for i in chunk * 5_000..(chunk + 1) * 5_000 {
                    let registered =
                        start + Span::minutes((i as i64) * 730 * 24 * 60 / CASES as i64);
                    let input = ApplicationInput {
                        service: "small-vessel-certificate".into(),
                        procedure: "issue".into(),
                        channel: "state_corp".into(),
                        received_at: (registered - Span::minutes(5)).to_rfc3339(),
                        language: if i % 3 == 0 { "ru" } else { "kk" }.into(),
                        external_number: None,
                        applicant: ApplicantInput {
                            kind: "person".into(),
                            iin: Some(iin(i)),
                            bin: None,
                            name: format!("{} {i}", NAMES[i % NAMES.len()]),
                            phone: String::new(),
                            address: String::new(),
                        },
                        representative: None,
                        documents: vec!["Өтініш".into()],
                    };
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
                    // The newest OPEN cases are still open, spread over the route's steps.
                    let open = i >= CASES - OPEN;
                    let (status, route) = if !open {
                        (CaseStatus::Closed, RoutePosition::default())
                    } else {
                        let (step, role, status) = match i % 4 {
                            0 => ("resolution", Role::Head, CaseStatus::Registered),
                            1 | 2 => ("examine", Role::Executor, CaseStatus::InProgress),
                            _ => ("hand-over", Role::Clerk, CaseStatus::InProgress),
                        };
                        let executor =
                            (role == Role::Executor).then(|| format!("exec{}", i % EXECUTORS));
                        // About a fifth of the open steps are overdue.
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

fn time<T>(runs: usize, mut f: impl FnMut(usize) -> T) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            std::hint::black_box(f(i));
            t.elapsed()
        })
        .collect();
    samples.sort();
    (samples[runs / 2], samples[(runs * 99 / 100).min(runs - 1)])
}

fn report(what: &str, (p50, p99): (Duration, Duration), target_ms: f64, on: &str) {
    let p = if on == "p99" { p99 } else { p50 };
    let ok = p.as_secs_f64() * 1000.0 <= target_ms;
    println!(
        "{what:<44} p50 {:>7.2} ms   p99 {:>7.2} ms   target {on} ≤ {target_ms} ms   {}",
        p50.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0,
        if ok { "OK" } else { "MISSED" }
    );
}

fn main() {
    let now = at("2026-11-23T11:00:00+05:00");
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    load(dir.path(), now);
    println!(
        "loaded {CASES} cases ({OPEN} open) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let mut office = Office::open(dir.path()).unwrap();

    report(
        "my work: head",
        time(50, |_| {
            office
                .my_work(&signed_in(&office, "head"), now)
                .unwrap()
                .len()
        }),
        50.0,
        "p99",
    );
    report(
        "my work: executor",
        time(50, |_| {
            office
                .my_work(&signed_in(&office, "exec3"), now)
                .unwrap()
                .len()
        }),
        50.0,
        "p99",
    );
    report(
        "my work: clerk",
        time(50, |_| {
            office
                .my_work(&signed_in(&office, "clerk"), now)
                .unwrap()
                .len()
        }),
        50.0,
        "p99",
    );
    report(
        "overdue dashboard",
        time(50, |_| {
            office
                .overdue_dashboard(&signed_in(&office, "head"), now)
                .unwrap()
                .items
                .len()
        }),
        50.0,
        "p99",
    );
    let search = |text: String| JournalFilter {
        text: Some(text),
        ..JournalFilter::default()
    };
    report(
        "search by number",
        time(200, |i| {
            office
                .search(
                    &signed_in(&office, "admin"),
                    &search(format!("2025-{:05}", 1 + i * 37 % 40_000)),
                    now,
                )
                .unwrap()
                .len()
        }),
        20.0,
        "p99",
    );
    report(
        "search by IIN",
        time(200, |i| {
            office
                .search(
                    &signed_in(&office, "admin"),
                    &search(iin(i * 431 % CASES)),
                    now,
                )
                .unwrap()
                .len()
        }),
        20.0,
        "p99",
    );
    for fragment in ["құрман", "БЕКОВА", "сәуле", "Петров", "жоқ-адам"]
    {
        report(
            &format!("search by name part `{fragment}`"),
            time(100, |_| {
                office
                    .search(&signed_in(&office, "admin"), &search(fragment.into()), now)
                    .unwrap()
                    .len()
            }),
            20.0,
            "p99",
        );
    }
    let waiting: Vec<String> = office
        .search(
            &signed_in(&office, "admin"),
            &JournalFilter {
                status: Some(CaseStatus::Registered),
                ..JournalFilter::default()
            },
            now,
        )
        .unwrap()
        .into_iter()
        .map(|r| r.number)
        .take(200)
        .collect();
    let mut i = 0;
    let acts = time(waiting.len(), |_| {
        let number = &waiting[i];
        i += 1;
        let resolve = Action::Resolve {
            text: "Орындауға".into(),
            executor: Some("exec1".into()),
            dept_head: None,
            deadline: None,
        };
        office
            .act(&signed_in(&office, "head"), number, resolve, now)
            .unwrap()
    });
    report("one route action (resolve)", acts, 5.0, "p50");
}

/// `login` signed in with the demo PIN: every operation of the office takes
/// the session of a signed-in user.
fn signed_in(office: &Office, login: &str) -> kense_core::Session {
    let now = DateTime::parse_from_rfc3339("2026-01-01T09:00:00+05:00").unwrap();
    office
        .sign_in(login, demo::demo_pin(login), now)
        .unwrap_or_else(|e| panic!("{login} signs in: {e}"))
}
