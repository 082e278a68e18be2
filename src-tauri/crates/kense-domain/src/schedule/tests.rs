//! Schedules checked by hand against the 2026 calendar (office hours
//! 09:00–18:30, lunch 13:00–14:30, UTC+5).

use chrono::DateTime;

use super::*;
use crate::calendar::tests_support::real_calendar;
use crate::regulation::parse_service;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn service(name: &str) -> ServiceDefinition {
    let text = std::fs::read_to_string(format!(
        "{}/../../../assets/regulations/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    parse_service(name, &text).unwrap()
}

fn times(s: &Schedule) -> Vec<(String, String, String)> {
    s.steps
        .iter()
        .map(|p| (p.id.clone(), p.start.to_rfc3339(), p.due.to_rfc3339()))
        .collect()
}

fn row(id: &str, start: &str, due: &str) -> (String, String, String) {
    (id.into(), start.into(), due.into())
}

#[test]
fn small_vessel_issue_from_a_monday_morning() {
    // Mon 23 Nov 2026 10:00: register 15 min → 10:15; resolution 2 h → 12:15;
    // examine 7 wd: the start day does not count, Tue 24 … Wed 2 Dec is the
    // 7th working day → 18:30; sign 2 h starts at closing, so counts from
    // Thu 3 Dec 09:00 → 11:00; hand over 30 min → 11:30. The completeness
    // refusal (1 wd from Mon 12:15) is due Tue 24 Nov 18:30.
    let s = plan(
        &service("small-vessel-certificate"),
        "issue",
        None,
        at("2026-11-23T10:00:00+05:00"),
        &real_calendar(),
    )
    .unwrap();
    assert_eq!(
        times(&s),
        [
            row(
                "register",
                "2026-11-23T10:00:00+05:00",
                "2026-11-23T10:15:00+05:00"
            ),
            row(
                "resolution",
                "2026-11-23T10:15:00+05:00",
                "2026-11-23T12:15:00+05:00"
            ),
            row(
                "examine",
                "2026-11-23T12:15:00+05:00",
                "2026-12-02T18:30:00+05:00"
            ),
            row(
                "sign",
                "2026-12-02T18:30:00+05:00",
                "2026-12-03T11:00:00+05:00"
            ),
            row(
                "hand-over",
                "2026-12-03T11:00:00+05:00",
                "2026-12-03T11:30:00+05:00"
            ),
        ]
    );
    assert_eq!(s.due, at("2026-12-03T11:30:00+05:00"));
    assert_eq!(s.refusal_due, Some(at("2026-11-24T18:30:00+05:00")));
    assert_eq!(s.refusal_step.as_deref(), Some("examine"));
    assert_eq!(s.version, 1);
    assert_eq!(s.channel, Channel::StateCorp);
}

#[test]
fn cotton_issue_from_the_eve_of_nauryz() {
    // Fri 20 Mar 2026 17:00. The first three steps are "the same day, at most
    // 30 min": 17:30, 18:00, then 18:30 (both bounds meet at closing). Nauryz
    // 21–23 Mar falls on Sat, Sun, Mon: 23 is off, and the weekend days shift
    // to Tue 24 and Wed 25, so the next working day is Thu 26 Mar.
    // first check 1 wd → Thu 26; qualification 2 wd → Fri 27, Mon 30;
    // external 2 wd → Tue 31, Wed 1 Apr; sign 1 wd → Thu 2; formalise → Fri 3 Apr.
    let s = plan(
        &service("cotton-warehouse-licence"),
        "issue",
        None,
        at("2026-03-20T17:00:00+05:00"),
        &real_calendar(),
    )
    .unwrap();
    let dues: Vec<String> = s.steps.iter().map(|p| p.due.to_rfc3339()).collect();
    assert_eq!(
        dues,
        [
            "2026-03-20T17:30:00+05:00",
            "2026-03-20T18:00:00+05:00",
            "2026-03-20T18:30:00+05:00",
            "2026-03-26T18:30:00+05:00",
            "2026-03-30T18:30:00+05:00",
            "2026-04-01T18:30:00+05:00",
            "2026-04-02T18:30:00+05:00",
            "2026-04-03T18:30:00+05:00",
        ]
    );
    assert_eq!(s.due, at("2026-04-03T18:30:00+05:00"));
    // The first check may refuse within its own 1 wd: the earliest refusal.
    assert_eq!(s.refusal_due, Some(at("2026-03-26T18:30:00+05:00")));
    assert_eq!(s.refusal_step.as_deref(), Some("first-check"));
}

#[test]
fn address_assignment_from_friday_evening_across_kurban_ait() {
    // Fri 22 May 2026 18:25: register 15 min = 5 min on Friday + 10 min from
    // Mon 25 May 09:00 → 09:10; resolution 1 h → 10:10; examine 5 wd: Tue 26,
    // (Wed 27 Kurban Ait is off) Thu 28, Fri 29, Mon 1 Jun, Tue 2 Jun → 18:30;
    // sign 1 h from closing → Wed 3 Jun 10:00; hand over the same day, at most
    // 15 min → 10:15. Refusal 2 wd from Mon 25: Tue 26, Thu 28 → 18:30.
    let s = plan(
        &service("real-estate-address-reference"),
        "assign",
        None,
        at("2026-05-22T18:25:00+05:00"),
        &real_calendar(),
    )
    .unwrap();
    assert_eq!(
        times(&s),
        [
            row(
                "register",
                "2026-05-22T18:25:00+05:00",
                "2026-05-25T09:10:00+05:00"
            ),
            row(
                "resolution",
                "2026-05-25T09:10:00+05:00",
                "2026-05-25T10:10:00+05:00"
            ),
            row(
                "examine",
                "2026-05-25T10:10:00+05:00",
                "2026-06-02T18:30:00+05:00"
            ),
            row(
                "sign",
                "2026-06-02T18:30:00+05:00",
                "2026-06-03T10:00:00+05:00"
            ),
            row(
                "hand-over",
                "2026-06-03T10:00:00+05:00",
                "2026-06-03T10:15:00+05:00"
            ),
        ]
    );
    assert_eq!(s.refusal_due, Some(at("2026-05-28T18:30:00+05:00")));
}

#[test]
fn the_portal_channel_uses_its_own_hand_over_limit() {
    let def = service("intl-inspection-certificate");
    let start = at("2026-11-23T10:00:00+05:00");
    let cal = real_calendar();
    let corp = plan(&def, "issue", Some(Channel::StateCorp), start, &cal).unwrap();
    let portal = plan(&def, "issue", Some(Channel::Portal), start, &cal).unwrap();
    let last = |s: &Schedule| s.steps.last().unwrap().clone();
    assert_eq!(last(&corp).limit, Limit::Hours(2));
    assert_eq!(last(&portal).limit, Limit::Minutes(20));
    assert_eq!(last(&portal).start, last(&corp).start);
    assert!(portal.due < corp.due);
}

#[test]
fn a_start_in_another_offset_is_shown_in_office_time() {
    let s = plan(
        &service("small-vessel-certificate"),
        "duplicate",
        None,
        at("2026-11-23T05:00:00Z"),
        &real_calendar(),
    )
    .unwrap();
    assert_eq!(s.steps[0].start.to_rfc3339(), "2026-11-23T10:00:00+05:00");
    assert_eq!(s.steps[0].due.to_rfc3339(), "2026-11-23T10:15:00+05:00");
}

#[test]
fn a_procedure_without_refusal_has_no_refusal_due_and_steps_chain() {
    let s = plan(
        &service("cotton-warehouse-licence"),
        "duplicate",
        None,
        at("2026-11-23T10:00:00+05:00"),
        &real_calendar(),
    )
    .unwrap();
    assert_eq!(s.steps.len(), 4);
    assert_eq!(s.refusal_due, None);
    for pair in s.steps.windows(2) {
        assert_eq!(pair[0].due, pair[1].start);
    }
    let json = serde_json::to_value(&s).unwrap();
    assert!(json.get("refusal_due").is_none());
}

#[test]
fn unknown_procedure_and_channel_are_refused() {
    let def = service("cotton-warehouse-licence");
    let cal = real_calendar();
    let start = at("2026-11-23T10:00:00+05:00");
    let err = plan(&def, "nope", None, start, &cal).unwrap_err();
    assert_eq!(err.code, ErrorCode::UnknownProcedure);
    // Cotton warehouse licences are not received via the State Corporation.
    assert!(!def.channels.contains(&Channel::StateCorp));
    let err = plan(&def, "issue", Some(Channel::StateCorp), start, &cal).unwrap_err();
    assert_eq!(err.code, ErrorCode::ChannelNotAllowed);
    assert_eq!(err.field.as_deref(), Some("channel"));
}

#[test]
fn without_a_channel_a_service_assumes_one_it_serves() {
    let cal = real_calendar();
    let start = at("2026-11-23T10:00:00+05:00");
    let vessel = plan(
        &service("small-vessel-certificate"),
        "issue",
        None,
        start,
        &cal,
    )
    .unwrap();
    assert_eq!(vessel.channel, Channel::StateCorp);
    let cotton = plan(
        &service("cotton-warehouse-licence"),
        "issue",
        None,
        start,
        &cal,
    )
    .unwrap();
    assert_eq!(cotton.channel, Channel::InPerson);
}
