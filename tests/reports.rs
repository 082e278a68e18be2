//! Report figures against a hand-counted journal: 32 cases of the small-vessel
//! certificate in the first quarter of 2026 (and one from December 2025) with
//! known on-time, late, refused, withdrawn and open counts, a step that
//! straddles Nauryz and a case whose clock was paused and resumed. Then the
//! quarterly paper signed and frozen, and the spreadsheets read back with an
//! independent reader (calamine) cell by cell.

use std::collections::BTreeMap;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use kense_core::reports::{report_tables, ExportFormat, SheetCell};
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput};
use kense_domain::journal::JournalFilter;
use kense_domain::regulation::Check;
use kense_domain::report::{GroupBy, ReportQuery};
use kense_domain::types::{Channel, Language, Role};
use kense_domain::workflow::{Action, HandOverMethod};
use kense_domain::ErrorCode;
use kense_tests::{complete_package, signed_in};

type Time = DateTime<FixedOffset>;

const SERVICE: &str = "small-vessel-certificate";

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// `2026-02-03` + `10:30` in office time.
fn t(day: &str, hm: &str) -> Time {
    at(&format!("{day}T{hm}:00+05:00"))
}

fn day(base: &str, plus: i64) -> String {
    (NaiveDate::parse_from_str(base, "%Y-%m-%d").unwrap() + Duration::days(plus)).to_string()
}

struct Journal {
    office: Office,
}

impl Journal {
    fn new() -> Journal {
        Journal::with(Office::open_in_memory().unwrap())
    }

    fn with(mut office: Office) -> Journal {
        demo::seed_users(&mut office, at("2025-12-01T09:00:00+05:00")).unwrap();
        Journal { office }
    }

    fn register(&mut self, procedure: &str, channel: Channel, when: Time) -> String {
        let input = ApplicationInput {
            service: SERVICE.into(),
            procedure: procedure.into(),
            channel: channel.code().into(),
            received_at: (when - Duration::minutes(5)).to_rfc3339(),
            language: "kk".into(),
            external_number: None,
            applicant: ApplicantInput {
                kind: "person".into(),
                iin: Some("800416100254".into()),
                bin: None,
                name: "Сынақ Өтініш Беруші".into(),
                phone: String::new(),
                address: String::new(),
            },
            representative: None,
            documents: vec!["Өтініш".into()],
        };
        self.office
            .register(&signed_in(&self.office, "clerk"), &input, when)
            .unwrap()
            .number
    }

    fn act(&mut self, number: &str, who: &str, action: Action, when: Time) {
        self.office
            .act(&signed_in(&self.office, who), number, action.clone(), when)
            .unwrap_or_else(|e| panic!("{number}: {who} {action:?} at {when}: {e}"));
    }

    fn resolve(&mut self, number: &str, executor: &str, when: Time) {
        let action = Action::Resolve {
            text: "Орындауға".into(),
            executor: Some(executor.into()),
            dept_head: None,
            deadline: None,
        };
        self.act(number, "head", action, when);
    }

    fn submit(&mut self, number: &str, executor: &str, when: Time) {
        let check = Action::RecordCheck {
            check: Check::Completeness,
            passed: Some(true),
            note: String::new(),
            value: complete_package(&self.office, SERVICE),
        };
        self.act(number, executor, check, when - Duration::minutes(1));
        let submit = Action::Submit {
            fields: BTreeMap::from([("certificate-number".into(), "КК-1".into())]),
            note: String::new(),
        };
        self.act(number, executor, submit, when);
    }

    fn refuse(&mut self, number: &str, executor: &str, ground: &str, when: Time) {
        let action = Action::DraftRefusal {
            grounds: vec![ground.into()],
            missing_documents: vec![],
            text: "Негіздеме".into(),
        };
        self.act(number, executor, action, when);
    }

    /// The head signs, the clerk hands over ten minutes later.
    fn finish(&mut self, number: &str, when: Time) {
        let sign = Action::Sign {
            comment: String::new(),
        };
        self.act(number, "head", sign, when);
        let hand = Action::HandOver {
            method: HandOverMethod::StateCorp,
            outgoing_number: None,
            comment: String::new(),
        };
        self.act(number, "clerk", hand, when + Duration::minutes(10));
    }
}

/// The seeded journal; the expected figures are counted by hand in `quarter_figures`.
fn seeded() -> Journal {
    seed_into(Journal::new())
}

fn seed_into(mut j: Journal) -> Journal {
    // A: 12 issued on time, Mon–Thu of the first three weeks of February;
    // even ones via the portal to `executor`, odd ones via the State Corporation to `executor2`.
    for i in 0..12i64 {
        let d = day("2026-02-02", (i / 4) * 7 + i % 4);
        let next = day(&d, 1);
        let (channel, exec) = if i % 2 == 0 {
            (Channel::Portal, "executor")
        } else {
            (Channel::StateCorp, "executor2")
        };
        let n = j.register("issue", channel, t(&d, "10:00"));
        j.resolve(&n, exec, t(&d, "10:30"));
        j.submit(&n, exec, t(&next, "11:05"));
        j.finish(&n, t(&next, "11:30"));
    }
    // B1: 3 issued late: the head resolved at 14:45, due 11:30 (2 h from 09:30).
    for _ in 0..3 {
        let n = j.register("issue", Channel::StateCorp, t("2026-02-24", "09:30"));
        j.resolve(&n, "executor", t("2026-02-24", "14:45"));
        j.submit(&n, "executor", t("2026-02-25", "10:00"));
        j.finish(&n, t("2026-02-25", "10:30"));
    }
    // B2: 3 issued late: the executor submitted a day after 7 working days (due 12 Feb 18:30).
    for _ in 0..3 {
        let n = j.register("issue", Channel::StateCorp, t("2026-02-03", "10:00"));
        j.resolve(&n, "executor2", t("2026-02-03", "10:30"));
        j.submit(&n, "executor2", t("2026-02-13", "10:00"));
        j.finish(&n, t("2026-02-13", "10:30"));
    }
    // C: 5 refused on time (refusal limit 1 wd): 3 incomplete packages, 2 false data; 2 via the portal.
    for i in 0..5 {
        let channel = if i < 2 {
            Channel::Portal
        } else {
            Channel::StateCorp
        };
        let ground = if i < 3 {
            "incomplete-package"
        } else {
            "false-data"
        };
        let n = j.register("issue", channel, t("2026-02-10", "10:00"));
        j.resolve(&n, "executor", t("2026-02-10", "10:30"));
        j.refuse(&n, "executor", ground, t("2026-02-11", "10:00"));
        j.finish(&n, t("2026-02-11", "10:30"));
    }
    // D: 1 refused late: drafted on Wednesday, the refusal was due Tuesday 18:30.
    let n = j.register("issue", Channel::Portal, t("2026-02-16", "10:00"));
    j.resolve(&n, "executor2", t("2026-02-16", "10:30"));
    j.refuse(&n, "executor2", "false-data", t("2026-02-18", "10:00"));
    j.finish(&n, t("2026-02-18", "10:30"));
    // E: 2 withdrawn by the applicant at the executor's step.
    for _ in 0..2 {
        let n = j.register("issue", Channel::StateCorp, t("2026-02-17", "10:00"));
        j.resolve(&n, "executor", t("2026-02-17", "10:30"));
        let withdraw = Action::Withdraw {
            reason: "Өтініш беруші кері алды".into(),
        };
        j.act(&n, "clerk", withdraw, t("2026-02-18", "12:00"));
    }
    // F: a duplicate registered Friday 20 March at 17:00, resolved on the first
    // working day after Nauryz (21–23 March and the two moved days off) at 09:20:
    // 90 + 20 working minutes, due 09:30 — on time.
    let n = j.register("duplicate", Channel::StateCorp, t("2026-03-20", "17:00"));
    j.resolve(&n, "executor", t("2026-03-26", "09:20"));
    j.submit(&n, "executor", t("2026-03-26", "15:00"));
    j.finish(&n, t("2026-03-26", "15:30"));
    // G: paused three working days waiting for the applicant, submitted after
    // the plain 7 wd but within them plus the pause — on time.
    let n = j.register("issue", Channel::StateCorp, t("2026-03-02", "10:00"));
    j.resolve(&n, "executor", t("2026-03-02", "10:30"));
    let pause = Action::Pause {
        reason: "Өтініш берушіден құжат күтілуде".into(),
    };
    j.act(&n, "executor", pause, t("2026-03-03", "10:00"));
    j.act(&n, "executor", Action::Resume {}, t("2026-03-06", "10:00"));
    j.submit(&n, "executor", t("2026-03-16", "11:00"));
    j.finish(&n, t("2026-03-16", "11:30"));
    // H: 3 open at the end of the quarter.
    j.register("issue", Channel::StateCorp, t("2026-03-30", "10:00"));
    let n = j.register("issue", Channel::StateCorp, t("2026-03-30", "10:00"));
    j.resolve(&n, "executor", t("2026-03-30", "10:30"));
    let n = j.register("issue", Channel::StateCorp, t("2026-03-31", "10:00"));
    j.resolve(&n, "executor2", t("2026-03-31", "10:30"));
    j
}

/// Registered 29 December 2025, issued 5 January 2026: completed in the quarter, not received in it.
fn add_december_case(j: &mut Journal) {
    let n = j.register("issue", Channel::StateCorp, t("2025-12-29", "10:00"));
    j.resolve(&n, "executor", t("2025-12-29", "10:30"));
    j.submit(&n, "executor", t("2026-01-05", "11:00"));
    j.finish(&n, t("2026-01-05", "11:30"));
}

fn quarter(by: GroupBy) -> ReportQuery {
    ReportQuery {
        from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        service: None,
        procedure: None,
        channel: None,
        executor: None,
        department: None,
        by,
    }
}

const NOW: &str = "2026-04-01T12:00:00+05:00";

#[test]
fn quarter_figures() {
    let mut j = seeded();
    add_december_case(&mut j);
    let view = j
        .office
        .report(
            &signed_in(&j.office, "head"),
            &quarter(GroupBy::Channel),
            at(NOW),
        )
        .unwrap();
    let r = &view.report;
    let c = &r.counts;
    assert_eq!(
        (
            c.received,
            c.completed,
            c.issued,
            c.refused,
            c.withdrawn,
            c.in_progress
        ),
        (31, 27, 21, 6, 2, 3)
    );
    assert_eq!((c.on_time, c.late), (20, 7));
    assert_eq!(c.on_time_share, Some(20.0 / 27.0));

    assert_eq!(r.services.len(), 1);
    let s = &r.services[0];
    assert_eq!(
        (s.rendered, s.portal, s.state_corp, s.refused, s.violations),
        (27, 9, 18, 6, 7)
    );
    let grounds: Vec<(&str, u32)> = r
        .grounds
        .iter()
        .map(|g| (g.ground.as_str(), g.count))
        .collect();
    assert_eq!(grounds, vec![("false-data", 3), ("incomplete-package", 3)]);

    // The late ones, charged to the step's owner.
    let mut late: Vec<(String, &str, Option<String>)> = r
        .late_steps
        .iter()
        .map(|l| (l.step.clone(), l.role.code(), l.person.clone()))
        .collect();
    late.sort();
    let head = (
        "resolution".to_string(),
        Role::Head.code(),
        Some("head".to_string()),
    );
    let exec2 = (
        "examine".to_string(),
        Role::Executor.code(),
        Some("executor2".to_string()),
    );
    assert_eq!(
        late,
        vec![
            exec2.clone(),
            exec2.clone(),
            exec2.clone(),
            exec2,
            head.clone(),
            head.clone(),
            head
        ]
    );
    let resolution_late = r
        .late_steps
        .iter()
        .find(|l| l.step == "resolution")
        .unwrap();
    // 11:30 → 13:00 and 14:30 → 14:45.
    assert_eq!(resolution_late.overdue_minutes, 105);
    assert!(
        r.late_steps.iter().all(|l| l.ended.is_some()),
        "the quarter is over: no open step listed"
    );

    // Workload: open at the quarter's end, completed in it, late steps charged.
    let load: BTreeMap<&str, (u32, u32, u32)> = r
        .workload
        .iter()
        .map(|w| (w.executor.as_str(), (w.open, w.completed, w.late)))
        .collect();
    assert_eq!(load["executor"], (1, 17, 0));
    assert_eq!(load["executor2"], (1, 10, 4));

    // By channel.
    let portal = r.groups.iter().find(|g| g.key == "portal").unwrap();
    assert_eq!(
        (
            portal.counts.received,
            portal.counts.completed,
            portal.counts.late
        ),
        (9, 9, 1)
    );

    // The step across Nauryz: 110 working minutes against a 120-minute limit.
    let nauryz = r
        .step_times
        .iter()
        .find(|s| s.key == format!("{SERVICE}/duplicate/resolution"))
        .unwrap();
    assert_eq!(
        (
            nauryz.count,
            nauryz.median,
            nauryz.max,
            nauryz.limit,
            nauryz.late
        ),
        (1, 110, 110, 120, 0)
    );

    // Days: 4 February had one registration (A, i = 2) and one completion (A, i = 1).
    let feb4 = r
        .days
        .iter()
        .find(|d| d.day == NaiveDate::from_ymd_opt(2026, 2, 4).unwrap())
        .unwrap();
    assert_eq!((feb4.received, feb4.completed), (1, 1));
    assert_eq!(r.days.len(), 90);
    let weekly: u32 = r
        .weeks
        .iter()
        .map(|w| w.received.values().sum::<u32>())
        .sum();
    assert_eq!(weekly, 31);
}

#[test]
fn the_paused_case_is_on_time_and_a_month_report_sees_only_its_month() {
    let mut j = seeded();
    add_december_case(&mut j);
    let march = ReportQuery {
        from: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        ..quarter(GroupBy::Service)
    };
    let r = j
        .office
        .report(&signed_in(&j.office, "head"), &march, at(NOW))
        .unwrap()
        .report;
    // F and G completed, both on time; H open.
    assert_eq!(
        (
            r.counts.received,
            r.counts.completed,
            r.counts.on_time,
            r.counts.in_progress
        ),
        (5, 2, 2, 3)
    );
    let january = ReportQuery {
        from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
        ..quarter(GroupBy::Service)
    };
    let r = j
        .office
        .report(&signed_in(&j.office, "head"), &january, at(NOW))
        .unwrap()
        .report;
    assert_eq!(
        (r.counts.received, r.counts.completed, r.counts.in_progress),
        (0, 1, 0)
    );
    // Only the executor's cases, and only the transport department's.
    let mine = ReportQuery {
        executor: Some("executor2".into()),
        ..quarter(GroupBy::Service)
    };
    let r = j
        .office
        .report(&signed_in(&j.office, "head"), &mine, at(NOW))
        .unwrap()
        .report;
    assert_eq!(
        (r.counts.completed, r.counts.late, r.counts.in_progress),
        (10, 4, 1)
    );
    let dept = ReportQuery {
        department: Some("nowhere".into()),
        ..quarter(GroupBy::Service)
    };
    assert_eq!(
        j.office
            .report(&signed_in(&j.office, "head"), &dept, at(NOW))
            .unwrap()
            .report
            .counts
            .received,
        0
    );
}

#[test]
fn the_clerk_sees_counts_only_and_an_executor_nothing() {
    let j = seeded();
    let view = j
        .office
        .report(
            &signed_in(&j.office, "clerk"),
            &quarter(GroupBy::Executor),
            at(NOW),
        )
        .unwrap();
    assert_eq!(view.report.counts.received, 31);
    assert!(view.report.late_steps.is_empty() && view.report.workload.is_empty());
    assert!(view.report.groups.is_empty() && view.labels.people.is_empty());
    let err = j
        .office
        .report(
            &signed_in(&j.office, "executor"),
            &quarter(GroupBy::Service),
            at(NOW),
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
    let backwards = ReportQuery {
        to: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        ..quarter(GroupBy::Service)
    };
    let err = j
        .office
        .report(&signed_in(&j.office, "head"), &backwards, at(NOW))
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::DateInvalid);
}

#[test]
fn the_quarterly_paper_is_frozen_at_signature() {
    let mut j = seeded();
    let q = quarter(GroupBy::Service);
    let draft = j
        .office
        .quarterly_draft(
            &signed_in(&j.office, "head"),
            q.from,
            q.to,
            Language::Ru,
            at(NOW),
        )
        .unwrap();
    assert!(draft.starts_with(b"%PDF"));
    assert!(j
        .office
        .print_quarterly(
            &signed_in(&j.office, "head"),
            q.from,
            q.to,
            Language::Ru,
            at(NOW)
        )
        .unwrap()
        .is_none());
    let err = j
        .office
        .sign_quarterly(
            &signed_in(&j.office, "clerk"),
            q.from,
            q.to,
            Language::Ru,
            at(NOW),
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
    let err = j
        .office
        .sign_quarterly_with_pin(
            &signed_in(&j.office, "head"),
            q.from,
            q.to,
            Language::Ru,
            "0000",
            at(NOW),
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::PinWrong);
    let signed = j
        .office
        .sign_quarterly_with_pin(
            &signed_in(&j.office, "head"),
            q.from,
            q.to,
            Language::Ru,
            demo::DEMO_STRONG_PIN,
            at(NOW),
        )
        .unwrap();
    assert_eq!(signed.copy, 1);
    assert_eq!(signed.info.signed_by.as_deref(), Some("head"));
    // Later journal changes do not touch the signed paper: a reprint is the same bytes.
    j.register("issue", Channel::Portal, t("2026-03-31", "11:00"));
    let later = at(NOW) + Duration::hours(1);
    let again = j
        .office
        .sign_quarterly(
            &signed_in(&j.office, "head"),
            q.from,
            q.to,
            Language::Ru,
            later,
        )
        .unwrap();
    assert_eq!((again.copy, &again.bytes), (2, &signed.bytes));
    let verified = j
        .office
        .verify_document(&signed_in(&j.office, "admin"), &signed.bytes)
        .unwrap();
    assert_eq!(verified.verdict, kense_core::documents::Verdict::Genuine);
    // The other language is its own paper.
    let kk = j
        .office
        .sign_quarterly(
            &signed_in(&j.office, "head"),
            q.from,
            q.to,
            Language::Kk,
            later,
        )
        .unwrap();
    assert_eq!(kk.copy, 1);
    assert_ne!(kk.bytes, signed.bytes);
}

/// Excel's serial date: days since 1899-12-30, the time as a fraction of a day.
fn same_serial(expected: chrono::NaiveDateTime, found: f64) -> bool {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let serial = (expected - epoch).num_seconds() as f64 / 86_400.0;
    (serial - found).abs() < 0.5 / 86_400.0
}

fn cell_matches(expected: &SheetCell, found: &Data) -> bool {
    match (expected, found) {
        (SheetCell::Empty, Data::Empty) => true,
        (SheetCell::Text(a), Data::String(b)) => a == b,
        (SheetCell::Int(a), Data::Float(b)) => *a as f64 == *b,
        (SheetCell::Int(a), Data::Int(b)) => a == b,
        (SheetCell::Share(a), Data::Float(b)) => (a - b).abs() < 1e-12,
        (SheetCell::Date(a), Data::DateTime(b)) => {
            same_serial(a.and_hms_opt(0, 0, 0).unwrap(), b.as_f64())
        }
        (SheetCell::DateTime(a), Data::DateTime(b)) => same_serial(*a, b.as_f64()),
        _ => false,
    }
}

fn never_cancel(_: usize, _: usize) -> bool {
    true
}

#[test]
fn spreadsheets_read_back_cell_by_cell() {
    let mut j = seeded();
    add_december_case(&mut j);
    for lang in [Language::Kk, Language::Ru] {
        let q = quarter(GroupBy::Service);
        let view = j
            .office
            .report(&signed_in(&j.office, "head"), &q, at(NOW))
            .unwrap();
        let mut sheets = report_tables(&view, lang);
        sheets.extend(
            j.office
                .journal_sheets(
                    &signed_in(&j.office, "head"),
                    &JournalFilter::default(),
                    lang,
                    at(NOW),
                )
                .unwrap(),
        );
        let bytes = kense_core::reports::write_xlsx(&sheets, &mut never_cancel).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names().len(), sheets.len());
        let mut dates = 0;
        for sheet in &sheets {
            let range = book.worksheet_range(&sheet.name).unwrap();
            assert_eq!(range.height(), sheet.rows.len() + 1, "{}", sheet.name);
            for (col, header) in sheet.headers.iter().enumerate() {
                assert_eq!(range.get((0, col)), Some(&Data::String(header.clone())));
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let found = range.get((r + 1, c)).unwrap_or(&Data::Empty);
                    assert!(
                        cell_matches(cell, found),
                        "{} row {r} col {c}: {cell:?} vs {found:?}",
                        sheet.name
                    );
                    dates += usize::from(matches!(found, Data::DateTime(_)));
                }
            }
        }
        assert!(dates > 100, "dates are dates, not text ({dates})");
        // The journal sheet holds every case, newest first, the number as text.
        let journal = book.worksheet_range(&sheets.last().unwrap().name).unwrap();
        assert_eq!(journal.height(), 32 + 1);
        assert_eq!(
            journal.get((1, 0)),
            Some(&Data::String("2026-00031".into()))
        );
    }
    // The same through the office's export, and CSV with a BOM.
    let xlsx = j
        .office
        .export_report(
            &signed_in(&j.office, "head"),
            &quarter(GroupBy::Service),
            ExportFormat::Xlsx,
            Language::Kk,
            at(NOW),
            &mut never_cancel,
        )
        .unwrap();
    assert!(xlsx.starts_with(b"PK"));
    let csv = j
        .office
        .export_journal(
            &signed_in(&j.office, "head"),
            &JournalFilter::default(),
            ExportFormat::Csv,
            Language::Ru,
            at(NOW),
            &mut never_cancel,
        )
        .unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    assert_eq!(text.lines().count(), 32 + 1);
    assert!(text.lines().next().unwrap().contains("Рег. номер;"));
}

#[test]
fn a_long_export_stops_when_asked() {
    let j = seeded();
    let mut sheets = j
        .office
        .journal_sheets(
            &signed_in(&j.office, "head"),
            &JournalFilter::default(),
            Language::Kk,
            at(NOW),
        )
        .unwrap();
    // Enough rows for several progress reports.
    let rows = sheets[0].rows.clone();
    while sheets[0].rows.len() < 3 * kense_core::reports::EXPORT_CHUNK {
        sheets[0].rows.extend(rows.iter().cloned());
    }
    let mut seen = Vec::new();
    let mut stop_after_first = |done: usize, total: usize| {
        seen.push((done, total));
        done == 0
    };
    let err = kense_core::reports::write_xlsx(&sheets, &mut stop_after_first).unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::ExportCancelled);
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].0, kense_core::reports::EXPORT_CHUNK);
}

// ------------------------------------------------------------ the CLI contract

fn seeded_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut j = seed_into(Journal::with(Office::create(dir.path()).unwrap()));
    j.office
        .set_office_details(
            &signed_in(&j.office, "admin"),
            &kense_core::office_details::demo_details(),
        )
        .unwrap();
    add_december_case(&mut j);
    dir
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn pdftotext(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const Q1: [&str; 4] = ["--from", "2026-01-01", "--to", "2026-03-31"];

#[test]
fn cli_report_json_xlsx_pdf_and_journal_xlsx() {
    use kense_tests::cli_as;
    let data = seeded_dir();
    let dir = data.path();
    fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        [&["report"][..], &Q1[..], extra].concat()
    }

    let out = cli_as(
        dir,
        NOW,
        "head",
        &args(&["--by", "executor", "--json", "--lang", "ru"]),
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
    let counts = &json["report"]["counts"];
    assert_eq!(counts["received"], 31);
    assert_eq!(counts["completed"], 27);
    assert_eq!(counts["late"], 7);
    assert_eq!(json["access"], "full");
    assert_eq!(json["report"]["late_steps"].as_array().unwrap().len(), 7);
    let groups = json["report"]["groups"].as_array().unwrap();
    assert!(groups
        .iter()
        .any(|g| g["key"] == "executor2" && g["counts"]["late"] == 4));

    // The clerk: counts only. An executor: forbidden (3). Bad input: 2.
    let clerk: serde_json::Value =
        serde_json::from_str(&ok(&cli_as(dir, NOW, "clerk", &args(&["--json"])))).unwrap();
    assert_eq!(clerk["access"], "counts");
    assert_eq!(clerk["report"]["counts"]["refused"], 6);
    assert!(clerk["report"]["late_steps"].as_array().unwrap().is_empty());
    assert_eq!(
        cli_as(dir, NOW, "executor", &args(&["--json"]))
            .status
            .code(),
        Some(3)
    );
    let bad = cli_as(
        dir,
        NOW,
        "head",
        &[
            "report",
            "--from",
            "2026-13-01",
            "--to",
            "2026-03-31",
            "--json",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("2026-13-01"));
    assert_eq!(
        cli_as(dir, NOW, "head", &args(&["--by", "month", "--json"]))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        cli_as(dir, NOW, "head", &args(&["--json", "--lang", "en"]))
            .status
            .code(),
        Some(2)
    );
    let backwards = cli_as(
        dir,
        NOW,
        "head",
        &[
            "report",
            "--from",
            "2026-03-31",
            "--to",
            "2026-01-01",
            "--json",
        ],
    );
    assert_eq!(backwards.status.code(), Some(2));

    // .xlsx: the summary sheet read back, numbers as numbers, the period as dates.
    let xlsx = dir.join("q1.xlsx");
    ok(&cli_as(
        dir,
        NOW,
        "head",
        &args(&["--xlsx", xlsx.to_str().unwrap(), "--lang", "kk"]),
    ));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "Жиынтық");
    let summary = book.worksheet_range(&names[0]).unwrap();
    assert_eq!(summary.get((0, 0)), Some(&Data::String("Көрсеткіш".into())));
    assert!(matches!(summary.get((1, 1)), Some(Data::DateTime(_))));
    assert_eq!(summary.get((3, 1)), Some(&Data::Float(31.0)));

    // The quarterly paper: a draft until the head signs; then the signed bytes.
    let draft = dir.join("draft.pdf");
    ok(&cli_as(
        dir,
        NOW,
        "head",
        &args(&["--pdf", draft.to_str().unwrap(), "--lang", "kk"]),
    ));
    let text = pdftotext(&draft);
    assert!(text.contains("ЖОБА"), "{text}");
    // The service's name wraps in its cell; pdftotext may put the figures between its lines.
    assert!(text.contains("Өздігінен жүретін шағын көлемді"), "{text}");
    assert!(text.contains("кемелерді жүргізу құқығына"), "{text}");
    assert!(
        text.contains("27 9 18 6 7"),
        "the figures of the line: {text}"
    );
    let signed = dir.join("signed.pdf");
    assert_eq!(
        cli_as(
            dir,
            NOW,
            "clerk",
            &args(&["--pdf", signed.to_str().unwrap(), "--sign"])
        )
        .status
        .code(),
        Some(3)
    );
    ok(&cli_as(
        dir,
        NOW,
        "head",
        &args(&["--pdf", signed.to_str().unwrap(), "--sign", "--lang", "kk"]),
    ));
    let text = pdftotext(&signed);
    assert!(
        !text.contains("ЖОБА") && text.contains("Жұмабаев"),
        "{text}"
    );
    let again = dir.join("again.pdf");
    ok(&cli_as(
        dir,
        NOW,
        "clerk",
        &args(&["--pdf", again.to_str().unwrap()]),
    ));
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&signed).unwrap()
    );
    let verified = ok(&cli_as(
        dir,
        NOW,
        "clerk",
        &["verify-doc", again.to_str().unwrap(), "--json"],
    ));
    assert!(verified.contains("\"genuine\""), "{verified}");

    // The journal of the quarter as .xlsx and CSV.
    let journal = dir.join("journal.xlsx");
    ok(&cli_as(
        dir,
        NOW,
        "clerk",
        &[
            "journal",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--xlsx",
            journal.to_str().unwrap(),
            "--lang",
            "ru",
        ],
    ));
    let mut book: Xlsx<_> = calamine::open_workbook(&journal).unwrap();
    let range = book.worksheet_range("Журнал").unwrap();
    assert_eq!(range.height(), 31 + 1);
    assert_eq!(range.get((0, 0)), Some(&Data::String("Рег. номер".into())));
    assert!(matches!(range.get((1, 1)), Some(Data::DateTime(_))));
    let csv = dir.join("journal.csv");
    ok(&cli_as(
        dir,
        NOW,
        "clerk",
        &[
            "journal",
            "--service",
            SERVICE,
            "--csv",
            csv.to_str().unwrap(),
        ],
    ));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
    assert_eq!(String::from_utf8(bytes).unwrap().lines().count(), 32 + 1);
    let both = cli_as(
        dir,
        NOW,
        "clerk",
        &["journal", "--xlsx", "a.xlsx", "--csv", "b.csv"],
    );
    assert_eq!(both.status.code(), Some(2));
}

/// The quarterly paper in both languages as PNGs for a person to look at.
#[test]
fn quarterly_pngs_for_review() {
    use kense_tests::cli_as;
    let data = seeded_dir();
    let out_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output/reports");
    std::fs::create_dir_all(&out_dir).unwrap();
    for lang in ["kk", "ru"] {
        let pdf = data.path().join(format!("quarterly-{lang}.pdf"));
        let args = [
            &["report"][..],
            &Q1[..],
            &["--pdf", pdf.to_str().unwrap(), "--sign", "--lang", lang],
        ]
        .concat();
        ok(&cli_as(data.path(), NOW, "head", &args));
        let status = std::process::Command::new("pdftoppm")
            .args(["-png", "-r", "80"])
            .arg(&pdf)
            .arg(out_dir.join(format!("quarterly-{lang}")))
            .status()
            .expect("pdftoppm runs");
        assert!(status.success());
        assert!(out_dir.join(format!("quarterly-{lang}-1.png")).exists());
    }
}
