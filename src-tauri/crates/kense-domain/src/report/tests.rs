use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::calendar::tests_support::real_calendar;
use crate::case::CaseStatus;
use crate::regulation::{parse_service, ServiceDefinition};
use crate::types::{Channel, Role};
use crate::workflow::ActionKind;

type Time = DateTime<FixedOffset>;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn vessel() -> ServiceDefinition {
    let text = std::fs::read_to_string(format!(
        "{}/../../../assets/regulations/small-vessel-certificate.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    parse_service("small-vessel-certificate", &text).unwrap()
}

fn line(
    t: &str,
    actor: &str,
    role: Role,
    step: &str,
    kind: ActionKind,
    due: Option<&str>,
) -> HistoryLine {
    HistoryLine {
        at: at(t),
        actor: actor.into(),
        role,
        step: Some(step.into()),
        kind,
        due: due.map(at),
        grounds: Vec::new(),
    }
}

/// Registered Friday 2026-03-20 at 17:00; the head resolves on the first
/// working day after Nauryz (21–23 March, with the weekend days moved).
fn nauryz_history() -> Vec<HistoryLine> {
    vec![
        line(
            "2026-03-20T17:00:00+05:00",
            "clerk",
            Role::Clerk,
            "register",
            ActionKind::Register,
            None,
        ),
        line(
            "2026-03-26T10:00:00+05:00",
            "head",
            Role::Head,
            "resolution",
            ActionKind::Resolve,
            None,
        ),
    ]
}

#[test]
fn a_step_straddling_nauryz_counts_only_working_time() {
    let cal = real_calendar();
    for d in 21..=25 {
        assert!(
            !cal.is_working_day(NaiveDate::from_ymd_opt(2026, 3, d).unwrap()),
            "{d}"
        );
    }
    assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2026, 3, 26).unwrap()));
    let service = vessel();
    let procedure = service.procedure("issue");
    let spans = step_spans(procedure, Channel::StateCorp, &nauryz_history(), &cal);
    assert_eq!(spans.len(), 1);
    let s = &spans[0];
    // Friday 17:00–18:30 and Thursday 9:00–10:00.
    assert_eq!(s.worked_minutes, 90 + 60);
    assert_eq!(s.limit_minutes, Some(120));
    // 2 h from Friday 17:00: 90 minutes Friday, 30 on the next working day.
    assert_eq!(s.due, Some(at("2026-03-26T09:30:00+05:00")));
    assert!(s.late);
    assert_eq!(s.role, Role::Head);
}

#[test]
fn a_pause_stops_the_clock_of_the_step() {
    let cal = real_calendar();
    let service = vessel();
    let procedure = service.procedure("issue");
    let history = vec![
        line(
            "2026-11-23T09:00:00+05:00",
            "clerk",
            Role::Clerk,
            "register",
            ActionKind::Register,
            None,
        ),
        line(
            "2026-11-23T10:00:00+05:00",
            "head",
            Role::Head,
            "resolution",
            ActionKind::Resolve,
            None,
        ),
        // Paused two full working days (Tue, Wed) waiting for the applicant.
        line(
            "2026-11-23T18:30:00+05:00",
            "exec",
            Role::Executor,
            "examine",
            ActionKind::Pause,
            None,
        ),
        line(
            "2026-11-26T09:00:00+05:00",
            "exec",
            Role::Executor,
            "examine",
            ActionKind::Resume,
            None,
        ),
        line(
            "2026-12-04T12:00:00+05:00",
            "exec",
            Role::Executor,
            "examine",
            ActionKind::Submit,
            None,
        ),
    ];
    let spans = step_spans(procedure, Channel::StateCorp, &history, &cal);
    assert_eq!(spans.len(), 2);
    let examine = &spans[1];
    assert_eq!(examine.step, "examine");
    // Mon 10:00 → Fri 4 Dec 12:00 is 8h30 + 8 days×8h + 3h = 4×8h... less 2 paused days.
    let total = cal.working_minutes_between(
        at("2026-11-23T10:00:00+05:00"),
        at("2026-12-04T12:00:00+05:00"),
    );
    assert_eq!(examine.worked_minutes, total - 2 * 480);
    // 7 wd from Monday: due at closing of Wed 2 Dec; the pause adds two days: Fri 4 Dec.
    assert_eq!(examine.due, Some(at("2026-12-04T18:30:00+05:00")));
    assert!(!examine.late);
}

#[test]
fn the_recorded_due_time_decides_and_a_withdrawal_is_never_late() {
    let cal = real_calendar();
    let history = vec![
        line(
            "2026-11-23T09:00:00+05:00",
            "clerk",
            Role::Clerk,
            "register",
            ActionKind::Register,
            None,
        ),
        line(
            "2026-11-23T12:00:00+05:00",
            "deputy",
            Role::Deputy,
            "resolution",
            ActionKind::Resolve,
            Some("2026-11-23T11:00:00+05:00"),
        ),
        line(
            "2026-12-30T12:00:00+05:00",
            "clerk",
            Role::Clerk,
            "examine",
            ActionKind::Withdraw,
            Some("2026-12-02T18:30:00+05:00"),
        ),
    ];
    let spans = step_spans(None, Channel::Portal, &history, &cal);
    assert_eq!(spans.len(), 2);
    assert!(spans[0].late);
    assert_eq!(
        spans[0].role,
        Role::Head,
        "the deputy's act counts for the head"
    );
    assert_eq!(spans[0].limit_minutes, None);
    assert!(!spans[1].late);
    assert!(spans[1].withdrawn);
}

#[test]
fn percentiles_by_nearest_rank() {
    let v: Vec<i64> = (1..=10).collect();
    assert_eq!(percentile(&v, 50), 5);
    assert_eq!(percentile(&v, 90), 9);
    assert_eq!(percentile(&v, 100), 10);
    assert_eq!(percentile(&[7], 90), 7);
    assert_eq!(percentile(&[], 50), 0);
    assert_eq!(percentile(&[1, 2, 3], 50), 2);
}

fn facts(
    n: u32,
    channel: Channel,
    status: CaseStatus,
    history: Vec<HistoryLine>,
    finished: Option<&str>,
) -> CaseFacts {
    CaseFacts {
        id: i64::from(n),
        number: format!("2026-{n:05}"),
        service: "small-vessel-certificate".into(),
        service_version: 1,
        procedure: "issue".into(),
        channel,
        status,
        registered_at: history[0].at,
        finished_at: finished.map(at),
        executor: Some("exec".into()),
        current_step: None,
        step_started_at: None,
        due_at: None,
        history,
    }
}

#[test]
fn counts_on_time_late_refused_and_open() {
    let cal = real_calendar();
    let service = vessel();
    let procedure = service.procedure("issue");
    let reg = |t: &str| {
        line(
            t,
            "clerk",
            Role::Clerk,
            "register",
            ActionKind::Register,
            None,
        )
    };
    let mut refusal = line(
        "2026-11-24T10:00:00+05:00",
        "exec",
        Role::Executor,
        "examine",
        ActionKind::DraftRefusal,
        Some("2026-11-24T18:30:00+05:00"),
    );
    refusal.grounds = vec!["false-data".into()];
    let cases = [
        // On time, issued via the portal.
        facts(
            1,
            Channel::Portal,
            CaseStatus::Closed,
            vec![
                reg("2026-11-23T09:00:00+05:00"),
                line(
                    "2026-11-23T09:30:00+05:00",
                    "head",
                    Role::Head,
                    "resolution",
                    ActionKind::Resolve,
                    Some("2026-11-23T11:00:00+05:00"),
                ),
                line(
                    "2026-11-24T09:30:00+05:00",
                    "exec",
                    Role::Executor,
                    "examine",
                    ActionKind::Submit,
                    Some("2026-12-02T18:30:00+05:00"),
                ),
                line(
                    "2026-11-24T10:00:00+05:00",
                    "head",
                    Role::Head,
                    "sign",
                    ActionKind::Sign,
                    Some("2026-11-24T11:30:00+05:00"),
                ),
                line(
                    "2026-11-24T10:10:00+05:00",
                    "clerk",
                    Role::Clerk,
                    "hand-over",
                    ActionKind::HandOver,
                    Some("2026-11-24T10:30:00+05:00"),
                ),
            ],
            Some("2026-11-24T10:10:00+05:00"),
        ),
        // Refused, the head's resolution late.
        facts(
            2,
            Channel::StateCorp,
            CaseStatus::Refused,
            vec![
                reg("2026-11-23T09:00:00+05:00"),
                line(
                    "2026-11-23T15:00:00+05:00",
                    "head",
                    Role::Head,
                    "resolution",
                    ActionKind::Resolve,
                    Some("2026-11-23T11:00:00+05:00"),
                ),
                refusal,
                line(
                    "2026-11-24T11:00:00+05:00",
                    "head",
                    Role::Head,
                    "sign",
                    ActionKind::Sign,
                    Some("2026-11-24T12:00:00+05:00"),
                ),
                line(
                    "2026-11-24T11:10:00+05:00",
                    "clerk",
                    Role::Clerk,
                    "hand-over",
                    ActionKind::HandOver,
                    Some("2026-11-24T11:40:00+05:00"),
                ),
            ],
            Some("2026-11-24T11:10:00+05:00"),
        ),
        // Open at the executor.
        facts(
            3,
            Channel::StateCorp,
            CaseStatus::InProgress,
            vec![
                reg("2026-11-25T09:00:00+05:00"),
                line(
                    "2026-11-25T09:30:00+05:00",
                    "head",
                    Role::Head,
                    "resolution",
                    ActionKind::Resolve,
                    Some("2026-11-25T11:00:00+05:00"),
                ),
            ],
            None,
        ),
        // Registered the month before and still open: in progress, not received.
        facts(
            4,
            Channel::Portal,
            CaseStatus::InProgress,
            vec![reg("2026-10-30T09:00:00+05:00")],
            None,
        ),
    ];
    let routes: Vec<CaseRoute> = cases
        .iter()
        .map(|c| CaseRoute { case: c, procedure })
        .collect();
    let query = ReportQuery {
        from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        service: None,
        procedure: None,
        channel: None,
        executor: None,
        department: None,
        by: GroupBy::Channel,
    };
    let r = build(
        &query,
        &routes,
        &BTreeMap::new(),
        &cal,
        at("2026-11-26T12:00:00+05:00"),
    );
    assert_eq!(r.counts.received, 3);
    assert_eq!(r.counts.in_progress, 2);
    assert_eq!(r.counts.completed, 2);
    assert_eq!(r.counts.issued, 1);
    assert_eq!(r.counts.refused, 1);
    assert_eq!(r.counts.on_time, 1);
    assert_eq!(r.counts.late, 1);
    assert_eq!(r.counts.on_time_share, Some(0.5));
    assert_eq!(
        r.grounds,
        vec![GroundCount {
            service: "small-vessel-certificate".into(),
            ground: "false-data".into(),
            count: 1
        }]
    );
    assert_eq!(r.late_steps.len(), 1);
    assert_eq!(r.late_steps[0].step, "resolution");
    assert_eq!(r.late_steps[0].person.as_deref(), Some("head"));
    // 11:00 → 15:00 with lunch 13:00–14:30 off.
    assert_eq!(r.late_steps[0].overdue_minutes, 150);
    assert_eq!(
        r.services,
        vec![ServiceLine {
            service: "small-vessel-certificate".into(),
            rendered: 2,
            portal: 1,
            state_corp: 1,
            refused: 1,
            violations: 1
        }]
    );
    let load = &r.workload[0];
    assert_eq!((load.open, load.completed, load.late), (2, 2, 0));
    let portal = r.groups.iter().find(|g| g.key == "portal").unwrap();
    assert_eq!(
        (
            portal.counts.received,
            portal.counts.issued,
            portal.counts.in_progress
        ),
        (1, 1, 1)
    );
    assert_eq!(r.days.len(), 30);
    assert_eq!(r.days[22].received, 2);
    assert_eq!(r.days[23].completed, 2);
    // Resolution: 30 min and 4 h 30 working (9:00–15:00 less lunch).
    let res = r
        .step_times
        .iter()
        .find(|s| s.step == "resolution")
        .unwrap();
    assert_eq!(
        (res.count, res.median, res.p90, res.max, res.limit, res.late),
        (3, 30, 270, 270, 120, 1)
    );
    let weeks: Vec<u32> = r.weeks.iter().map(|w| w.received.values().sum()).collect();
    assert_eq!(weeks, vec![0, 0, 0, 0, 3, 0]);
}
